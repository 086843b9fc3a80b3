/**
 * Regression (issue 8): a creator whose last weeks sent few campaigns failed its first planned
 * week with `campaign_total_low`, an error the week itself could not fix (the window of 30 days
 * holds the weeks before). The shortfall is now the history's: a `campaign_history_low`
 * warning when the week alone projects at least 14 a month; the error stays for a week that is
 * short on its own.
 */
import { describe, expect, it } from 'vitest';
import { validateSchedule } from '../../src/index';
import { goodInput, goodItems } from '../validation/fixtures';

describe('campaign total over a sparse history', () => {
  // one descriptive wall campaign 23 days before the week (2025-01-20): the window covers
  // 2024-12-28..2025-01-26, 30 days, with 1 + 6 campaigns: 7 x 30 / 30 = 7 a month < 14
  const history = [
    {
      campaignType: 'descriptive_wall_campaign' as const,
      date: '2024-12-28',
      gameType: null,
      earnings: null,
    },
  ];

  it('reports the history as a warning when the week alone reaches 14 a month', () => {
    const r = validateSchedule(goodInput({ campaignHistory: history }));
    const codes = [...r.errors, ...r.warnings].map((i) => i.code);
    expect(codes).not.toContain('campaign_total_low');
    expect(codes).toContain('campaign_history_low');
    expect(r.status).not.toBe('failed');
  });

  it('keeps the error for a week that is short on its own', () => {
    // the week's six campaigns taken away but one: 1 x 30 / 7 = 4.3 a month
    let kept = 0;
    const items = goodItems().map((i) =>
      i.campaignType !== null && kept++ > 0 ? { ...i, campaignType: null, gameType: null } : i,
    );
    const r = validateSchedule(goodInput({ items, campaignHistory: history }));
    expect(r.errors.map((i) => i.code)).toContain('campaign_total_low');
  });
});
