/**
 * Issue 8 deliverables 1-2 (seed 000 task 3.2 `validate_campaign_frequency`): the seed's rule
 * examples as vectors - same-day (critical), too close (high), gap exceeded (medium),
 * under-scheduled (high, the seed's message text), no campaign of a type (a recommendation),
 * total below 14 a month (critical, not valid), a valid week - the lookback window, `reportFrom`,
 * unreadable items; properties: never throws on junk, projections = count x 30 / days covered
 * (RULINGS "monthly projection"). And the week's game limit (RULINGS "games": spin the wheel
 * once, another game at most once). Every expected number is the seed's, written here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gameLimitIssues, validateCampaignFrequency } from '../../src/index';
import {
  fuzzRuns,
  getterJunk,
  hostileProxy,
  junk,
  nastyNumber,
  proxyJunk,
  revokedProxy,
  scalarJunk,
  withFlakyGetter,
  withThrowingGetter,
} from '../support/junk';
import {
  DAYS_PER_MONTH,
  dayDiff,
  MIN_PER_MONTH,
  plusDays,
  SEED_RULES,
  SEED_TYPES,
  type SeedCampaignType,
} from './seedRules';

const DESC = 'descriptive_wall_campaign';
const BUNDLE = 'bundle_wall_campaign';
const SPIN = 'spin_the_wheel_game';
const OTHER = 'game_other';

const at = (campaignType: string | null, scheduledDate: string) => ({
  campaignType,
  scheduledDate,
});
/** Two non-campaign items that make the schedule span 2025-01-06..2025-01-12 (7 days). */
const WEEK_BOUNDS = [at(null, '2025-01-06'), at(null, '2025-01-12')];

/**
 * A valid week: descriptive wall campaigns every 2 days (Mon, Wed, Fri), a bundle wall campaign
 * on Tuesday, spin the wheel on Thursday, another game on Saturday, the schedule ending Sunday:
 * 6 campaigns over 7 days, 6 x 30 / 7 = 25.7 a month; desc 3 x 30 / 7 = 12.9 (10-15), bundle,
 * spin and the other game 30 / 7 = 4.3 each (4-6, 4-5, 2-4).
 */
const VALID_WEEK = [
  at(DESC, '2025-01-06'),
  at(BUNDLE, '2025-01-07'),
  at(DESC, '2025-01-08'),
  at(SPIN, '2025-01-09'),
  at(DESC, '2025-01-10'),
  at(OTHER, '2025-01-11'),
  at(null, '2025-01-12'),
];

describe('validateCampaignFrequency: the seed vectors (000 task 3.2)', () => {
  it('a valid week: no warning, no recommendation, valid, 25.7 a month', () => {
    const r = validateCampaignFrequency(VALID_WEEK);
    expect(r.isValid).toBe(true);
    expect(r.warnings).toEqual([]);
    expect(r.recommendations).toEqual([]);
    expect(r.daysCovered).toBe(7);
    expect(r.totalMonthlyProjection).toBeCloseTo((6 * 30) / 7, 10);
    expect(r.counts).toEqual({ [DESC]: 3, [BUNDLE]: 1, [SPIN]: 1, [OTHER]: 1 });
    expect(r.monthlyProjections[DESC]).toBeCloseTo((3 * 30) / 7, 10);
    expect(r.monthlyProjections[SPIN]).toBeCloseTo(30 / 7, 10);
    expect(r.issues).toEqual([]);
  });

  it('two of a type on one date: critical, the seed message, not valid (campaign_same_day error)', () => {
    const r = validateCampaignFrequency([...VALID_WEEK, at(DESC, '2025-01-10')]);
    expect(r.isValid).toBe(false);
    const w = r.warnings.filter((x) => x.type === DESC);
    expect(w).toEqual([
      {
        type: DESC,
        severity: 'critical',
        message:
          'descriptive_wall_campaign scheduled multiple times on 2025-01-10. Consider spreading across days.',
      },
    ]);
    const i = r.issues.find((x) => x.code === 'campaign_same_day');
    expect(i?.severity).toBe('error');
    expect(i?.details).toMatchObject({ campaignType: DESC, date: '2025-01-10' });
  });

  it('too close: high (bundle 3 days after the previous, min 5), still valid', () => {
    const r = validateCampaignFrequency([...VALID_WEEK, at(BUNDLE, '2025-01-10')]);
    expect(r.isValid).toBe(true);
    expect(r.warnings).toEqual([
      {
        type: BUNDLE,
        severity: 'high',
        message: 'bundle_wall_campaign on 2025-01-10 is only 3 days after previous (min: 5)',
      },
    ]);
    expect(r.issues.map((x) => [x.code, x.severity, x.details.daysApart])).toEqual([
      ['campaign_too_close', 'warning', 3],
    ]);
  });

  it('gap exceeded: medium (descriptive 5 days apart, max 3), the seed message', () => {
    const r = validateCampaignFrequency([
      ...WEEK_BOUNDS,
      at(DESC, '2025-01-06'),
      at(DESC, '2025-01-11'),
      at(BUNDLE, '2025-01-07'),
      at(SPIN, '2025-01-08'),
      at(OTHER, '2025-01-09'),
    ]);
    const w = r.warnings.filter((x) => x.severity === 'medium');
    expect(w).toEqual([
      {
        type: DESC,
        severity: 'medium',
        message: 'descriptive_wall_campaign gap of 5 days exceeds max (3). Opportunity loss.',
      },
    ]);
    expect(r.issues.find((x) => x.code === 'campaign_gap_exceeded')?.details).toMatchObject({
      daysApart: 5,
      maxDaysBetween: 3,
      previousDate: '2025-01-06',
      date: '2025-01-11',
    });
  });

  it('under-scheduled: high with the seed message and rationale (1 desc in 7 days: 4/month, add ~6)', () => {
    // 1 x 30 / 7 = 4.29 -> "4"; shortfall 10 - 4.29 = 5.71 -> "~6" (f"{x:.0f}")
    const r = validateCampaignFrequency([
      ...WEEK_BOUNDS,
      at(DESC, '2025-01-08'),
      at(BUNDLE, '2025-01-07'),
      at(SPIN, '2025-01-09'),
      at(OTHER, '2025-01-10'),
    ]);
    expect(r.warnings.filter((x) => x.type === DESC)).toEqual([
      {
        type: DESC,
        severity: 'high',
        message:
          'descriptive_wall_campaign under-scheduled: 4/month projected (target: 10-15). Add ~6 more.',
        rationale: 'Top converters (8 of top 10 in 365-day analysis)',
      },
    ]);
    const i = r.issues.find((x) => x.code === 'campaign_under_scheduled');
    expect(i?.details.monthlyProjection).toBeCloseTo(30 / 7, 10);
    expect(i?.details.shortfall).toBeCloseTo(10 - 30 / 7, 10);
  });

  it('under-scheduled spin the wheel over 14 days: 2/month (target 4-5), add ~2', () => {
    // 1 x 30 / 14 = 2.14 -> "2"; shortfall 1.86 -> "~2"
    const r = validateCampaignFrequency([at(SPIN, '2025-01-06'), at(null, '2025-01-19')]);
    expect(r.daysCovered).toBe(14);
    expect(r.warnings.find((x) => x.type === SPIN)).toEqual({
      type: SPIN,
      severity: 'high',
      message: 'spin_the_wheel_game under-scheduled: 2/month projected (target: 4-5). Add ~2 more.',
      rationale: 'High single performance ($5,178 reference), weekly cadence',
    });
  });

  it('no campaign of a type: a recommendation with the seed message and rationale, not a warning', () => {
    const r = validateCampaignFrequency(VALID_WEEK.filter((x) => x.campaignType !== OTHER));
    expect(r.recommendations).toEqual([
      {
        type: OTHER,
        message: 'No game_other scheduled. Add 2-4/month.',
        rationale: 'Lower-performing game types',
      },
    ]);
    expect(r.warnings.some((w) => w.type === OTHER)).toBe(false);
    expect(r.issues.filter((x) => x.code === 'campaign_missing').map((x) => x.severity)).toEqual([
      'info',
    ]);
    expect(r.isValid).toBe(true);
  });

  it('total below 14 a month: critical, not valid (2 campaigns in 7 days = 8.6 a month)', () => {
    const r = validateCampaignFrequency([
      ...WEEK_BOUNDS,
      at(SPIN, '2025-01-09'),
      at(OTHER, '2025-01-11'),
    ]);
    expect(r.isValid).toBe(false);
    expect(r.totalMonthlyProjection).toBeCloseTo((2 * 30) / 7, 10);
    const overall = r.warnings.filter((w) => w.type === 'overall');
    expect(overall).toHaveLength(1);
    expect(overall[0]?.severity).toBe('critical');
    expect(overall[0]?.message).toMatch(/^Total campaign volume too low: 9\/month/);
    const i = r.issues.find((x) => x.code === 'campaign_total_low');
    expect(i?.severity).toBe('error');
    expect(i?.details).toMatchObject({ minPerMonth: 14, daysCovered: 7 });
  });

  it('exactly 14 a month is enough; just under is critical', () => {
    // 14 campaigns over 30 days = 14 a month; 13 = 13 a month
    const dates = Array.from({ length: 30 }, (_, k) => plusDays('2025-01-01', k));
    const spread = (n: number) => [
      at(null, dates[0] as string),
      at(null, dates[29] as string),
      ...Array.from({ length: n }, (_, k) =>
        at(SEED_TYPES[k % 4] as string, dates[k * 2] as string),
      ),
    ];
    const ok = validateCampaignFrequency(spread(14));
    expect(ok.totalMonthlyProjection).toBeCloseTo(14, 10);
    expect(ok.warnings.some((w) => w.type === 'overall')).toBe(false);
    const low = validateCampaignFrequency(spread(13));
    expect(low.warnings.filter((w) => w.type === 'overall').map((w) => w.severity)).toEqual([
      'critical',
    ]);
  });
});

describe('validateCampaignFrequency: window, reportFrom, unreadable items', () => {
  const OLD = at(DESC, '2024-11-01');

  it('the 30-day lookback (default) cuts an old item out of counts, spacing and days covered', () => {
    const r = validateCampaignFrequency([OLD, ...VALID_WEEK]);
    expect(r.counts[DESC]).toBe(3);
    expect(r.daysCovered).toBe(7);
    expect(r.warnings).toEqual([]);
  });

  it('lookbackDays 100 keeps it: 73 days covered, a 66-day gap (medium), projections over 73 days', () => {
    // 2024-11-01 .. 2025-01-12 inclusive = 30 + 31 + 12 = 73 days; 2024-11-01 -> 2025-01-06 = 66
    const r = validateCampaignFrequency([OLD, ...VALID_WEEK], { lookbackDays: 100 });
    expect(r.daysCovered).toBe(73);
    expect(r.counts[DESC]).toBe(4);
    expect(r.monthlyProjections[DESC]).toBeCloseTo((4 * 30) / 73, 10);
    expect(r.warnings.filter((w) => w.severity === 'medium').map((w) => w.message)).toEqual([
      'descriptive_wall_campaign gap of 66 days exceeds max (3). Opportunity loss.',
    ]);
  });

  it('lookbackDays 3 keeps the last 3 dates only (2025-01-10..12)', () => {
    const r = validateCampaignFrequency(VALID_WEEK, { lookbackDays: 3 });
    expect(r.daysCovered).toBe(3);
    expect(r.counts).toEqual({ [DESC]: 1, [BUNDLE]: 0, [SPIN]: 0, [OTHER]: 1 });
  });

  it('reportFrom: a spacing finding is reported only for a campaign on or after it', () => {
    const items = [...WEEK_BOUNDS, at(DESC, '2025-01-01'), at(DESC, '2025-01-06')];
    const codes = (reportFrom?: string) =>
      validateCampaignFrequency(items, reportFrom === undefined ? {} : { reportFrom })
        .issues.filter((i) => i.code === 'campaign_gap_exceeded')
        .map((i) => i.details.date);
    expect(codes()).toEqual(['2025-01-06']);
    expect(codes('2025-01-06')).toEqual(['2025-01-06']);
    expect(codes('2025-01-07')).toEqual([]);
    // the projection still counts both
    expect(validateCampaignFrequency(items, { reportFrom: '2025-01-07' }).counts[DESC]).toBe(2);
  });

  it('scheduledAt gives the UTC date when there is no scheduledDate', () => {
    // 23:30 in New York on the 6th is the 7th in UTC: 1 day after the 6th, too close for desc
    const r = validateCampaignFrequency([
      at(DESC, '2025-01-06'),
      { campaignType: DESC, scheduledAt: '2025-01-06T23:30:00-05:00' },
    ]);
    expect(r.issues.find((i) => i.code === 'campaign_too_close')?.details).toMatchObject({
      date: '2025-01-07',
      daysApart: 1,
    });
  });

  it('unreadable items are skipped: the answer is that of the readable ones', () => {
    const noise: unknown[] = [
      null,
      42,
      'desc',
      [],
      { campaignType: DESC },
      { campaignType: DESC, scheduledDate: '2025-02-30' },
      { campaignType: DESC, scheduledDate: 20250106 },
      { campaignType: DESC, scheduledAt: 'yesterday' },
      { campaignType: DESC, scheduledAt: '+275760-09-13T00:00:00.000Z' },
      withThrowingGetter('campaignType', { scheduledDate: '2025-01-07' }),
      withThrowingGetter('scheduledDate', { campaignType: DESC }),
      hostileProxy({ campaignType: DESC, scheduledDate: '2025-01-07' }, ['get']),
      revokedProxy(),
      // a date read once: a getter that answers a date first and junk later changes nothing
      withFlakyGetter('scheduledDate', '2025-01-12', Symbol('later'), { campaignType: null }),
    ];
    const clean = validateCampaignFrequency(VALID_WEEK);
    const noisy = validateCampaignFrequency([
      ...noise.slice(0, 7),
      ...VALID_WEEK,
      ...noise.slice(7),
    ] as never);
    expect(noisy).toEqual(clean);
    // a campaign type that is not one of the seed's is not a campaign (but its date counts)
    const other = validateCampaignFrequency([...VALID_WEEK, at('__proto__', '2025-01-10')]);
    expect(other.counts).toEqual(clean.counts);
  });
});

describe('validateCampaignFrequency: properties', () => {
  const itemsArb = fc.oneof(
    junk,
    fc.array(
      fc.oneof(
        junk,
        getterJunk(['campaignType', 'scheduledDate', 'scheduledAt']),
        fc.record(
          {
            campaignType: fc.oneof(fc.constantFrom<unknown>(...SEED_TYPES), scalarJunk),
            scheduledDate: fc.oneof(
              fc.integer({ min: -40, max: 40 }).map((n) => plusDays('2025-01-06', n)),
              scalarJunk,
            ),
            scheduledAt: fc.oneof(
              fc.date().map((d) => String(d)),
              scalarJunk,
            ),
          },
          { requiredKeys: [] },
        ),
      ),
      { maxLength: 25 },
    ),
  );
  const optionsArb = fc.oneof(
    scalarJunk,
    proxyJunk,
    getterJunk(['lookbackDays', 'reportFrom']),
    fc.record(
      {
        lookbackDays: fc.oneof(nastyNumber, scalarJunk),
        reportFrom: fc.oneof(scalarJunk, fc.constant('2025-01-06')),
      },
      { requiredKeys: [] },
    ),
  );

  it('never throws on junk items or options, and answers a well-formed result', () => {
    fc.assert(
      fc.property(itemsArb, optionsArb, (items, options) => {
        const r = validateCampaignFrequency(items as never, options as never);
        expect(typeof r.isValid).toBe('boolean');
        expect(Number.isInteger(r.daysCovered) && r.daysCovered >= 1).toBe(true);
        expect(Number.isFinite(r.totalMonthlyProjection)).toBe(true);
        expect(r.isValid).toBe(!r.warnings.some((w) => w.severity === 'critical'));
      }),
      fuzzRuns(0x0c4_3201, 400),
    );
  });

  it('a list that cannot be read at all is read as empty', () => {
    for (const items of [revokedProxy(), hostileProxy([1, 2], ['get']), null, 'x', 7])
      expect(validateCampaignFrequency(items as never).counts).toEqual({
        [DESC]: 0,
        [BUNDLE]: 0,
        [SPIN]: 0,
        [OTHER]: 0,
      });
    // a lookback longer than the calendar cuts nothing, and does not throw
    expect(validateCampaignFrequency(VALID_WEEK, { lookbackDays: 1e300 }).daysCovered).toBe(7);
  });

  // The oracle: dates inside the `lookback` dates that end at the latest one; days covered from
  // the first to the last of them (inclusive); projections count x 30 / days covered; spacing on
  // the sorted dates of each type; valid unless two of a type share a date or the total < 14.
  const validArb = fc.record({
    items: fc.array(
      fc.record({
        campaignType: fc.option(fc.constantFrom<SeedCampaignType>(...SEED_TYPES), {
          nil: null,
        }),
        offset: fc.integer({ min: 0, max: 70 }),
      }),
      { minLength: 1, maxLength: 40 },
    ),
    lookbackDays: fc.integer({ min: 1, max: 90 }),
  });

  it('projections are count x 30 / days covered, per type and in all; isValid is the seed rule', () => {
    fc.assert(
      fc.property(validArb, ({ items, lookbackDays }) => {
        const dated = items.map((i) => ({
          campaignType: i.campaignType,
          scheduledDate: plusDays('2025-01-01', i.offset),
        }));
        const r = validateCampaignFrequency(dated, { lookbackDays });
        const latest = dated
          .map((d) => d.scheduledDate)
          .sort()
          .at(-1) as string;
        const inWindow = dated.filter((d) => dayDiff(d.scheduledDate, latest) <= lookbackDays - 1);
        const first = inWindow.map((d) => d.scheduledDate).sort()[0] as string;
        const days = dayDiff(first, latest) + 1;
        expect(r.daysCovered).toBe(days);
        let total = 0;
        let sameDay = false;
        for (const t of SEED_TYPES) {
          const ds = inWindow.filter((d) => d.campaignType === t).map((d) => d.scheduledDate);
          total += ds.length;
          expect(r.counts[t]).toBe(ds.length);
          expect(r.monthlyProjections[t]).toBeCloseTo((ds.length * DAYS_PER_MONTH) / days, 9);
          if (new Set(ds).size < ds.length) sameDay = true;
          const sorted = [...ds].sort();
          const rule = SEED_RULES[t];
          let close = 0;
          let far = 0;
          for (let k = 1; k < sorted.length; k++) {
            const gap = dayDiff(sorted[k - 1] as string, sorted[k] as string);
            if (gap > 0 && gap < rule.minDaysBetween) close++;
            if (gap > rule.maxDaysBetween) far++;
          }
          const of = (code: string) =>
            r.issues.filter((i) => i.code === code && i.details.campaignType === t).length;
          expect(of('campaign_too_close')).toBe(close);
          expect(of('campaign_gap_exceeded')).toBe(far);
          const under =
            ds.length > 0 && (ds.length * DAYS_PER_MONTH) / days < rule.monthlyTarget[0];
          expect(of('campaign_under_scheduled')).toBe(under ? 1 : 0);
          expect(of('campaign_missing')).toBe(ds.length === 0 ? 1 : 0);
        }
        expect(r.totalMonthlyProjection).toBeCloseTo((total * DAYS_PER_MONTH) / days, 9);
        expect(r.isValid).toBe(!sameDay && (total * DAYS_PER_MONTH) / days >= MIN_PER_MONTH);
      }),
      fuzzRuns(0x0c4_3202, 300),
    );
  });
});

describe('gameLimitIssues (RULINGS "games")', () => {
  const game = (campaignType: string | null) => ({ sendTypeKey: 'game_post', campaignType });

  it('spin the wheel once and another game once in 7 days: no issue', () => {
    expect(
      gameLimitIssues(
        [game(SPIN), game(OTHER), { sendTypeKey: 'ppv_wall', campaignType: DESC }],
        7,
      ),
    ).toEqual([]);
    expect(gameLimitIssues([], 7)).toEqual([]);
  });

  it('a second spin the wheel or a second other game in 7 days is an error each', () => {
    const r = gameLimitIssues([game(SPIN), game(SPIN), game(OTHER), game(OTHER), game(OTHER)], 7);
    expect(r.map((i) => [i.code, i.severity, i.details])).toEqual([
      ['game_limit_exceeded', 'error', { campaignType: SPIN, count: 2, max: 1 }],
      ['game_limit_exceeded', 'error', { campaignType: OTHER, count: 3, max: 1 }],
    ]);
  });

  it('a game post that is no planned game campaign is over its limit of 0', () => {
    const r = gameLimitIssues([game(null), game(DESC), { sendTypeKey: 'game_post' }], 7);
    expect(r.map((i) => i.details)).toEqual([{ campaignType: 'game_post', count: 3, max: 0 }]);
  });

  it('the limit follows the days: 2 of each in 14 days (or 8: ceil(8 / 7)), 1 in 1 day', () => {
    const two = [game(SPIN), game(SPIN), game(OTHER), game(OTHER)];
    expect(gameLimitIssues(two, 14)).toEqual([]);
    expect(gameLimitIssues(two, 8)).toEqual([]);
    expect(gameLimitIssues([game(SPIN), game(SPIN)], 1).map((i) => i.details.max)).toEqual([1]);
  });

  it('items of other send types that name a game campaign do not count', () => {
    expect(
      gameLimitIssues(
        [
          { sendTypeKey: 'bump_normal', campaignType: SPIN },
          { sendTypeKey: 'bump_normal', campaignType: SPIN },
          game(SPIN),
        ],
        7,
      ),
    ).toEqual([]);
  });
});
