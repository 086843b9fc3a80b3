/**
 * Regression (issue 8 tests, campaigns): `validateCampaignFrequency`, documented "never throws
 * (unreadable items are left out)", threw on an item whose `campaignType` getter throws, on a
 * list that is a hostile or revoked Proxy, on `null` or unreadable options, on a `reportFrom`
 * that cannot be compared (a symbol), and on a `lookbackDays` past the calendar (1e300: "Invalid
 * time value"); an `scheduledAt` past year 9999 gave a date that is no `YYYY-MM-DD`, and a date
 * getter was read up to three times (a flaky one could hand a non-string on to the comparisons).
 *
 * Now every item and option field is read once inside a guard; what cannot be read is left out
 * (an item) or the default (an option); a lookback past the calendar cuts nothing.
 */
import { describe, expect, it } from 'vitest';
import { validateCampaignFrequency } from '../../src/index';
import { hostileProxy, revokedProxy, withThrowingGetter } from '../support/junk';

const WEEK = [
  { campaignType: 'descriptive_wall_campaign', scheduledDate: '2025-01-06' },
  { campaignType: 'bundle_wall_campaign', scheduledDate: '2025-01-07' },
  { campaignType: 'descriptive_wall_campaign', scheduledDate: '2025-01-09' },
  { campaignType: 'spin_the_wheel_game', scheduledDate: '2025-01-10' },
  { campaignType: 'game_other', scheduledDate: '2025-01-12' },
];

describe('regression: validateCampaignFrequency never throws', () => {
  const clean = validateCampaignFrequency(WEEK);

  it('an item whose campaignType getter throws is left out', () => {
    const bad = withThrowingGetter('campaignType', { scheduledDate: '2025-01-08' });
    expect(validateCampaignFrequency([...WEEK, bad] as never)).toEqual(clean);
  });

  it('a list that is a hostile or revoked Proxy reads as empty', () => {
    for (const items of [hostileProxy([1, 2], ['get']), revokedProxy()])
      expect(validateCampaignFrequency(items as never).daysCovered).toBe(7);
  });

  it('null, unreadable or incomparable options are the defaults', () => {
    for (const options of [
      null,
      withThrowingGetter('lookbackDays'),
      hostileProxy({}, ['get']),
      { reportFrom: Symbol('x') },
    ])
      expect(validateCampaignFrequency(WEEK, options as never)).toEqual(clean);
  });

  it('a lookback past the calendar cuts nothing', () => {
    expect(validateCampaignFrequency(WEEK, { lookbackDays: 1e300 })).toEqual(clean);
  });

  it('an instant past year 9999 is left out (its UTC date is no YYYY-MM-DD)', () => {
    const far = { campaignType: 'game_other', scheduledAt: '+275760-09-13T00:00:00.000Z' };
    expect(validateCampaignFrequency([far])).toEqual(validateCampaignFrequency([]));
  });

  it('a date getter is read once: a third read that answers a symbol changes nothing', () => {
    let reads = 0;
    const flaky = Object.defineProperty({ campaignType: null }, 'scheduledDate', {
      enumerable: true,
      get: () => (++reads <= 2 ? '2025-01-08' : Symbol('third read')),
    });
    expect(validateCampaignFrequency([...WEEK, flaky] as never)).toEqual(clean);
  });
});
