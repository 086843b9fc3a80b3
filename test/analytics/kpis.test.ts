/**
 * The dashboard KPIs of seed 000 task 3.8: each KPI on a small example computed by hand, the
 * status boundaries at the seed's numbers, properties (shares stay in 0-100, junk never
 * throws), and all eight computed from one set of demo weeks and their recorded outcomes.
 * Expected values are literals or arithmetic on literals here, never read from the library's
 * policy.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoAgency } from '../../src/demo';
import {
  type BumpRatioDay,
  bayesianEstimateAccuracy,
  buildSchedule,
  bumpRatioCompliance,
  type CampaignKpiRecord,
  campaignFrequencyAdherence,
  computeDashboardKpis,
  type DashboardWeek,
  DEFAULT_POLICY,
  followupLimitUtilization,
  type GamePerformance,
  gameEstimateBefore,
  gameTypeRevenueVariance,
  type ItemActual,
  inMemoryPorts,
  KPI_METRICS,
  type KpiMetric,
  kpiStatus,
  kpisFromRecords,
  kpiThresholds,
  recordOutcomes,
  resolvePolicy,
  type ScheduleResult,
  traitRecommendationLift,
  volumePredictionMape,
  weeklyLimitViolations,
} from '../../src/index';
import { fuzzRuns, junk, revokedProxy } from '../support/junk';

const camp = (creatorId: string, campaignType: string, date: string) =>
  ({ creatorId, campaignType, date }) as CampaignKpiRecord;

describe('campaignFrequencyAdherence (000 task 3.8, rules of 000 task 3.2)', () => {
  it('counts a campaign compliant when its gap to the previous one of its type is in [min, max]', () => {
    const r = campaignFrequencyAdherence([
      // c1 descriptive (2-3 days): first ok, 2 ok, 1 no, 3 ok, 4 no -> 3 of 5
      camp('c1', 'descriptive_wall_campaign', '2025-01-20'),
      camp('c1', 'descriptive_wall_campaign', '2025-01-22'),
      camp('c1', 'descriptive_wall_campaign', '2025-01-23'),
      camp('c1', 'descriptive_wall_campaign', '2025-01-26'),
      camp('c1', 'descriptive_wall_campaign', '2025-01-30'),
      // c1 spin the wheel (7 days), given out of order: first ok, 7 ok, 8 no -> 2 of 3
      camp('c1', 'spin_the_wheel_game', '2025-02-05'),
      camp('c1', 'spin_the_wheel_game', '2025-01-21'),
      camp('c1', 'spin_the_wheel_game', '2025-01-28'),
      // c2 is its own history: its first descriptive is compliant -> 1 of 1
      camp('c2', 'descriptive_wall_campaign', '2025-01-21'),
      // two bundle wall campaigns on one date: 0 days -> 1 of 2
      camp('c2', 'bundle_wall_campaign', '2025-01-20'),
      camp('c2', 'bundle_wall_campaign', '2025-01-20'),
      // not a campaign type, no date: skipped
      camp('c2', 'ppv_unlock', '2025-01-20'),
      camp('c2', 'game_other', 'Jan 20'),
    ]);
    expect(r).toMatchObject({
      metric: 'campaignFrequencyAdherence',
      unit: '%',
      basis: 11,
      skipped: 2,
      reason: null,
      status: 'alert',
    });
    expect(r.value).toBeCloseTo((7 / 11) * 100, 10);
  });

  it('other games: 7 and 14 days are inside, 6 and 15 outside', () => {
    const r = campaignFrequencyAdherence([
      camp('c1', 'game_other', '2025-01-01'),
      camp('c1', 'game_other', '2025-01-08'), // 7
      camp('c1', 'game_other', '2025-01-22'), // 14
      camp('c1', 'game_other', '2025-01-28'), // 6
      camp('c1', 'game_other', '2025-02-12'), // 15
    ]);
    expect(r.value).toBe(60);
  });

  it('is null without a campaign', () => {
    expect(campaignFrequencyAdherence([])).toMatchObject({
      value: null,
      reason: 'no_campaigns',
      status: 'watch',
      basis: 0,
    });
  });
});

describe('bumpRatioCompliance (000 task 3.8 v_bump_ratio_compliance)', () => {
  // low tier porno / commercial: 2-3 PPVs, 5-8 bumps, ratio 1.67-4.0, +-20 % tolerance: 1.33-4.8
  const paid = {
    fanCount: 500,
    contentPageType: 'porno',
    subType: 'commercial',
    pageType: 'paid',
  } as const;
  const n = (sendTypeKey: string, count: number, isFollowUp = false) =>
    Array.from({ length: count }, () => ({ sendTypeKey, isFollowUp }));
  const day = (
    ...groups: ReadonlyArray<ReadonlyArray<{ sendTypeKey: string; isFollowUp: boolean }>>
  ) => ({ items: groups.flat(), config: paid }) as BumpRatioDay;

  it('a day is compliant with PPVs and a ratio in range; a day without PPVs never is', () => {
    const r = bumpRatioCompliance([
      day(n('ppv_unlock', 3), n('bump_normal', 6), n('ppv_followup', 1, true)), // 2.0: yes
      day(n('ppv_unlock', 3), n('bump_normal', 1)), // 0.33: no
      day(n('bump_normal', 3)), // no PPVs: no
      day(), // empty: no (the seed's view: ppv_count = 0 -> 0)
      day(n('ppv_unlock', 2), n('bump_descriptive', 9)), // 4.5, inside 1.2 x 4.0: yes
      day(n('ppv_unlock', 1), n('bump_normal', 5)), // 5.0: no
      day(n('bundle', 3), n('dm_farm', 4)), // 1.333 = 0.8 x 1.667, on the edge: yes
    ]);
    expect(r).toMatchObject({ unit: '%', basis: 7, skipped: 0, status: 'alert' });
    expect(r.value).toBeCloseTo((3 / 7) * 100, 10);
  });

  it('ppv_wall is a PPV on free pages only', () => {
    const items = [...n('ppv_wall', 3), ...n('bump_normal', 6)];
    expect(bumpRatioCompliance([{ items, config: { ...paid, pageType: 'free' } }]).value).toBe(100);
    expect(bumpRatioCompliance([{ items, config: paid }]).value).toBe(0);
  });

  it('skips unreadable days and items; null without a day', () => {
    const r = bumpRatioCompliance([
      { items: 'none', config: paid } as unknown as BumpRatioDay,
      {
        items: [...n('ppv_unlock', 3), ...n('bump_normal', 6), null],
        config: paid,
      } as unknown as BumpRatioDay,
    ]);
    expect(r).toMatchObject({ value: 100, basis: 1, skipped: 2 });
    expect(bumpRatioCompliance([])).toMatchObject({ value: null, reason: 'no_days' });
  });
});

describe('volumePredictionMape (000 task 3.8 v_volume_prediction_accuracy)', () => {
  it('averages |predicted - actual| / actual x 100 over the measured predictions', () => {
    const r = volumePredictionMape([
      { outcomeMeasured: true, predictedRevenuePerDay: 4, actualRevenuePerDay: 5 }, // 20
      { outcomeMeasured: true, predictedRevenuePerDay: 6, actualRevenuePerDay: 4 }, // 50
      { outcomeMeasured: false, predictedRevenuePerDay: 9, actualRevenuePerDay: null }, // unmeasured
      { outcomeMeasured: true, predictedRevenuePerDay: 3, actualRevenuePerDay: 0 }, // NULLIF(actual, 0)
      { outcomeMeasured: true, predictedRevenuePerDay: 'x' } as never, // unreadable
    ]);
    expect(r).toMatchObject({ value: 35, basis: 2, skipped: 1, status: 'alert', unit: '%' });
  });

  it('is null without a measured prediction', () => {
    expect(
      volumePredictionMape([
        { outcomeMeasured: false, predictedRevenuePerDay: 4, actualRevenuePerDay: null },
      ]),
    ).toMatchObject({ value: null, reason: 'no_measured_predictions', status: 'watch' });
  });
});

describe('traitRecommendationLift (000 task 3.8)', () => {
  it('(mean trait revenue - mean baseline revenue) / mean baseline x 100', () => {
    const r = traitRecommendationLift([
      { traitRecommended: true, earnings: 130 },
      { traitRecommended: true, earnings: 110 },
      { traitRecommended: false, earnings: 100 },
      { traitRecommended: false, earnings: 80 },
      { traitRecommended: false, earnings: 120 },
      { traitRecommended: false, earnings: -5 }, // skipped
    ]);
    expect(r).toMatchObject({ value: 20, basis: 5, skipped: 1, status: 'watch' });
    expect(
      traitRecommendationLift([
        { traitRecommended: true, earnings: 50 },
        { traitRecommended: false, earnings: 100 },
      ]).value,
    ).toBe(-50);
  });

  it('is null without one of the two groups or with a baseline of 0', () => {
    expect(traitRecommendationLift([{ traitRecommended: false, earnings: 10 }]).reason).toBe(
      'no_trait_sends',
    );
    expect(traitRecommendationLift([{ traitRecommended: true, earnings: 10 }]).reason).toBe(
      'no_baseline_sends',
    );
    expect(
      traitRecommendationLift([
        { traitRecommended: true, earnings: 10 },
        { traitRecommended: false, earnings: 0 },
      ]).reason,
    ).toBe('zero_baseline');
  });
});

describe('followupLimitUtilization (000 task 3.8, limit 4 of 000 task 3.4)', () => {
  it('AVG(daily follow-ups / 4) x 100, a day without follow-ups counting 0', () => {
    const r = followupLimitUtilization([
      { followups: 4 },
      { followups: 2 },
      { followups: 3 },
      { followups: 0 },
      { followups: 1.5 }, // skipped
    ]);
    expect(r).toMatchObject({ value: 56.25, basis: 4, skipped: 1, status: 'watch' });
    expect(followupLimitUtilization([{ followups: 4 }, { followups: 3 }]).value).toBe(87.5);
  });

  it('is null without a day or without capacity', () => {
    expect(followupLimitUtilization([]).reason).toBe('no_days');
    const none = resolvePolicy({ followups: { maxPerDay: 0 } });
    if (none._tag === 'Left') throw new Error('policy');
    expect(followupLimitUtilization([{ followups: 0 }], none.right).reason).toBe(
      'no_followup_capacity',
    );
  });
});

describe('weeklyLimitViolations (000 task 3.8, validator of 000 task 3.5)', () => {
  it('counts one violation per send type over its weekly limit per week', () => {
    const s = (k: string, count: number) =>
      Array.from({ length: count }, () => ({ sendTypeKey: k }));
    const r = weeklyLimitViolations([
      s('vip_program', 2), // 1
      s('snapchat_bundle', 1), // 0
      [...s('tip_goal', 4), ...s('vip_program', 3), ...s('snapchat_bundle', 2)], // 3
    ]);
    expect(r).toMatchObject({ value: 4, unit: 'count', basis: 3, status: 'alert' });
    expect(weeklyLimitViolations([s('vip_program', 1), []])).toMatchObject({
      value: 0,
      status: 'ok',
    });
    expect(weeklyLimitViolations([])).toMatchObject({ value: null, reason: 'no_weeks' });
  });
});

describe('gameTypeRevenueVariance (000 task 3.8)', () => {
  it('sample standard deviation / mean of the game earnings', () => {
    // mean 4000, sample sd sqrt(((2000)^2 + 0 + (2000)^2) / 2) = 2000
    const r = gameTypeRevenueVariance([{ earnings: 2000 }, { earnings: 4000 }, { earnings: 6000 }]);
    expect(r).toMatchObject({ unit: 'ratio', basis: 3, status: 'watch' });
    expect(r.value).toBeCloseTo(0.5, 12);
    // mean 5000, sample sd sqrt(2 x 1000^2 / 1) = 1414.2...
    expect(gameTypeRevenueVariance([{ earnings: 4000 }, { earnings: 6000 }]).value).toBeCloseTo(
      Math.sqrt(2_000_000) / 5000,
      12,
    );
  });

  it('is null with fewer than 2 games or a mean of 0', () => {
    expect(gameTypeRevenueVariance([{ earnings: 5000 }]).reason).toBe('too_few_games');
    expect(gameTypeRevenueVariance([{ earnings: 0 }, { earnings: 0 }]).reason).toBe(
      'zero_mean_earnings',
    );
  });
});

describe('bayesianEstimateAccuracy (000 task 3.8, estimates of 000 task 3.6)', () => {
  const g = (creatorId: string, gameType: string, earnings: number, date: string) =>
    ({ creatorId, gameType, earnings, date }) as GamePerformance;

  it('the estimate before a game: the benchmark without history, the posterior mean with it', () => {
    expect(gameEstimateBefore('spin_the_wheel', [])).toBe(5178.5);
    expect(gameEstimateBefore('mystery_box', [g('c1', 'spin_the_wheel', 5000, '2025-01-20')])).toBe(
      3000,
    );
    expect(
      gameEstimateBefore('spin_the_wheel', [g('c1', 'spin_the_wheel', 5000, '2025-01-20')]),
    ).toBeCloseTo((5178.5 * 45 + 5000) / 46, 9);
  });

  it('1 - AVG(|estimate - actual| / actual), each game estimated from the earlier ones', () => {
    const r = bayesianEstimateAccuracy([
      g('c1', 'spin_the_wheel', 5000, '2025-01-20'), // no history: 5178.5
      g('c1', 'spin_the_wheel', 4000, '2025-01-27'), // history: the 5000 of c1
      g('c1', 'card_game', 0, '2025-01-24'), // earned 0: left out
      g('c2', 'spin_the_wheel', 6000, '2025-01-27'), // c2 has no history
    ]);
    const second = (5178.5 * 45 + 5000) / 46;
    const errors = [178.5 / 5000, Math.abs(second - 4000) / 4000, 821.5 / 6000];
    expect(r).toMatchObject({ unit: '%', basis: 3, skipped: 0 });
    expect(r.value).toBeCloseTo((1 - (errors[0]! + errors[1]! + errors[2]!) / 3) * 100, 9);
  });

  it('history feeds the estimates without being measured; same-day games are not history', () => {
    const r = bayesianEstimateAccuracy(
      [
        g('c1', 'spin_the_wheel', 5000, '2025-01-20'),
        g('c1', 'spin_the_wheel', 3000, '2025-01-20'),
      ],
      DEFAULT_POLICY,
      {
        history: [
          g('c1', 'spin_the_wheel', 4000, '2025-01-06'),
          g('c2', 'spin_the_wheel', 1, '2025-01-01'),
        ],
      },
    );
    const est = (5178.5 * 45 + 4000) / 46;
    expect(r.basis).toBe(2);
    expect(r.value).toBeCloseTo(
      (1 - (Math.abs(est - 5000) / 5000 + Math.abs(est - 3000) / 3000) / 2) * 100,
      9,
    );
  });

  it('estimates off by more than the actual give a value below 0, reported as it is', () => {
    const r = bayesianEstimateAccuracy([g('c1', 'spin_the_wheel', 1000, '2025-01-20')]);
    expect(r.value).toBeCloseTo((1 - 4178.5 / 1000) * 100, 9);
    expect(r.status).toBe('alert');
  });

  it('is null without a game that earned more than 0; unreadable games are skipped', () => {
    expect(
      bayesianEstimateAccuracy([
        g('c1', 'card_game', 0, '2025-01-20'),
        g('c1', 'bingo', 10, '2025-01-20'),
      ]),
    ).toMatchObject({ value: null, reason: 'no_game_actuals', skipped: 1 });
  });
});

describe('targets, alert thresholds and status (000 task 3.8 KPI table)', () => {
  it('holds the seed table', () => {
    const table = Object.fromEntries(KPI_METRICS.map((m) => [m, kpiThresholds(m)]));
    expect(table).toEqual({
      campaignFrequencyAdherence: {
        target: { op: '>=', value: 90 },
        alertThreshold: { op: '<', value: 75 },
      },
      bumpRatioCompliance: {
        target: { op: '>=', value: 85 },
        alertThreshold: { op: '<', value: 70 },
      },
      volumePredictionMape: {
        target: { op: '<', value: 15 },
        alertThreshold: { op: '>', value: 25 },
      },
      traitRecommendationLift: {
        target: { op: '>', value: 20 },
        alertThreshold: { op: '<', value: 5 },
      },
      followupLimitUtilization: {
        target: { op: 'between', value: [75, 100] },
        alertThreshold: { op: '<', value: 50 },
      },
      weeklyLimitViolations: {
        target: { op: '<=', value: 0 },
        alertThreshold: { op: '>', value: 0 },
      },
      gameTypeRevenueVariance: {
        target: { op: '<', value: 0.5 },
        alertThreshold: { op: '>', value: 0.75 },
      },
      bayesianEstimateAccuracy: {
        target: { op: '>', value: 85 },
        alertThreshold: { op: '<', value: 70 },
      },
    });
  });

  const cases: ReadonlyArray<readonly [KpiMetric, ReadonlyArray<readonly [number, string]>]> = [
    [
      'campaignFrequencyAdherence',
      [
        [100, 'ok'],
        [90, 'ok'],
        [89.99, 'watch'],
        [75, 'watch'],
        [74.99, 'alert'],
        [0, 'alert'],
      ],
    ],
    [
      'bumpRatioCompliance',
      [
        [85, 'ok'],
        [84.99, 'watch'],
        [70, 'watch'],
        [69.99, 'alert'],
      ],
    ],
    [
      'volumePredictionMape',
      [
        [0, 'ok'],
        [14.99, 'ok'],
        [15, 'watch'],
        [25, 'watch'],
        [25.01, 'alert'],
      ],
    ],
    [
      'traitRecommendationLift',
      [
        [20.01, 'ok'],
        [20, 'watch'],
        [5, 'watch'],
        [4.99, 'alert'],
        [-30, 'alert'],
      ],
    ],
    [
      'followupLimitUtilization',
      [
        [75, 'ok'],
        [100, 'ok'],
        [100.01, 'watch'],
        [74.99, 'watch'],
        [50, 'watch'],
        [49.99, 'alert'],
        [0, 'alert'],
      ],
    ],
    [
      'weeklyLimitViolations',
      [
        [0, 'ok'],
        [1, 'alert'],
        [7, 'alert'],
      ],
    ],
    [
      'gameTypeRevenueVariance',
      [
        [0.49, 'ok'],
        [0.5, 'watch'],
        [0.75, 'watch'],
        [0.7501, 'alert'],
      ],
    ],
    [
      'bayesianEstimateAccuracy',
      [
        [85.01, 'ok'],
        [85, 'watch'],
        [70, 'watch'],
        [69.99, 'alert'],
        [-12, 'alert'],
      ],
    ],
  ];
  it.each(cases)('%s at its boundaries', (metric, values) => {
    expect(values.map(([v]) => [v, kpiStatus(metric, v)])).toEqual(values);
  });

  it('a value that cannot be computed is watch', () => {
    expect(KPI_METRICS.map((m) => kpiStatus(m, null))).toEqual(KPI_METRICS.map(() => 'watch'));
  });

  it('the thresholds come from the policy, and an alert inside the target is refused', () => {
    const p = resolvePolicy({
      kpis: { campaignFrequencyAdherence: { targetAtLeast: 80, alertBelow: 60 } },
    });
    if (p._tag === 'Left') throw new Error('policy');
    expect(kpiStatus('campaignFrequencyAdherence', 80, p.right)).toBe('ok');
    expect(kpiStatus('campaignFrequencyAdherence', 65, p.right)).toBe('watch');
    const bad = resolvePolicy({
      kpis: { volumePredictionMape: { targetBelow: 30, alertAbove: 20 } },
    });
    expect(bad._tag).toBe('Left');
    if (bad._tag === 'Left')
      expect(bad.left.map((i) => i.path)).toEqual(['policy.kpis.volumePredictionMape.targetBelow']);
  });
});

describe('properties', () => {
  const date = fc
    .integer({ min: 0, max: 120 })
    .map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));
  const campaigns = fc.array(
    fc.record({
      creatorId: fc.constantFrom('c1', 'c2', 'c3'),
      campaignType: fc.constantFrom(
        'descriptive_wall_campaign',
        'bundle_wall_campaign',
        'spin_the_wheel_game',
        'game_other',
      ),
      date,
    }),
    { maxLength: 40 },
  );
  const item = fc.record({
    sendTypeKey: fc.constantFrom(
      'ppv_unlock',
      'bundle',
      'ppv_wall',
      'bump_normal',
      'dm_farm',
      'link_drop',
      'ppv_followup',
    ),
    isFollowUp: fc.boolean(),
  });
  const config = fc.record({
    fanCount: fc.integer({ min: 0, max: 100_000 }),
    contentPageType: fc.constantFrom('nude', 'non_nude', 'porno'),
    subType: fc.constantFrom('gfe', 'commercial', 'personalized'),
    pageType: fc.constantFrom('paid', 'free'),
  });
  const inPercent = (v: number | null) => v === null || (v >= 0 && v <= 100);

  it('adherence, bump-ratio compliance and limited follow-up utilization stay in 0-100', () => {
    fc.assert(
      fc.property(
        campaigns,
        fc.array(fc.record({ items: fc.array(item, { maxLength: 15 }), config }), {
          maxLength: 10,
        }),
        fc.array(fc.record({ followups: fc.integer({ min: 0, max: 4 }) }), { maxLength: 20 }),
        (c, days, followups) => {
          expect(inPercent(campaignFrequencyAdherence(c as CampaignKpiRecord[]).value)).toBe(true);
          expect(inPercent(bumpRatioCompliance(days as BumpRatioDay[]).value)).toBe(true);
          expect(inPercent(followupLimitUtilization(followups).value)).toBe(true);
        },
      ),
      fuzzRuns(3808, 200),
    );
  });

  it('MAPE and game variance are never negative; accuracy never above 100', () => {
    const usd = fc.integer({ min: 0, max: 20_000 });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            outcomeMeasured: fc.boolean(),
            predictedRevenuePerDay: fc.integer({ min: 0, max: 12 }),
            actualRevenuePerDay: fc.option(fc.integer({ min: 0, max: 12 })),
          }),
          { maxLength: 12 },
        ),
        fc.array(
          fc.record({
            creatorId: fc.constantFrom('c1', 'c2'),
            gameType: fc.constantFrom('spin_the_wheel', 'mystery_box', 'card_game'),
            earnings: usd,
            date,
          }),
          { maxLength: 12 },
        ),
        (predictions, games) => {
          const m = volumePredictionMape(predictions).value;
          const cv = gameTypeRevenueVariance(games).value;
          const acc = bayesianEstimateAccuracy(games).value;
          expect(m === null || m >= 0).toBe(true);
          expect(cv === null || cv >= 0).toBe(true);
          expect(acc === null || acc <= 100).toBe(true);
        },
      ),
      fuzzRuns(3809, 150),
    );
  });

  const kpiFunctions: ReadonlyArray<readonly [string, (u: unknown) => unknown]> = [
    ['campaignFrequencyAdherence', (u) => campaignFrequencyAdherence(u as never)],
    ['bumpRatioCompliance', (u) => bumpRatioCompliance(u as never)],
    ['volumePredictionMape', (u) => volumePredictionMape(u as never)],
    ['traitRecommendationLift', (u) => traitRecommendationLift(u as never)],
    ['followupLimitUtilization', (u) => followupLimitUtilization(u as never)],
    ['weeklyLimitViolations', (u) => weeklyLimitViolations(u as never)],
    ['gameTypeRevenueVariance', (u) => gameTypeRevenueVariance(u as never)],
    [
      'bayesianEstimateAccuracy',
      (u) => bayesianEstimateAccuracy(u as never, DEFAULT_POLICY, u as never),
    ],
    ['kpisFromRecords', (u) => kpisFromRecords(u as never)],
  ];

  it('no KPI function throws on junk, in the list or in its records', () => {
    fc.assert(
      fc.property(junk, fc.array(junk, { maxLength: 4 }), (u, rows) => {
        for (const [, f] of kpiFunctions) {
          f(u);
          f(rows);
        }
      }),
      fuzzRuns(3810, 150),
    );
    for (const [, f] of kpiFunctions) {
      f(revokedProxy());
      f([revokedProxy()]);
    }
  });

  it('computeDashboardKpis never throws on junk and always answers the eight KPIs', () => {
    const check = (u: unknown) => {
      const r = computeDashboardKpis(u as never);
      expect(Object.keys(r.kpis)).toEqual([...KPI_METRICS]);
      for (const m of KPI_METRICS) expect(['ok', 'watch', 'alert']).toContain(r.kpis[m].status);
      expect(Array.isArray(r.issues)).toBe(true);
    };
    fc.assert(
      fc.property(
        fc.oneof(
          junk,
          fc.record({
            weeks: fc.array(junk, { maxLength: 3 }),
            gameResults: junk,
            gameHistory: junk,
          }),
          fc.record({
            weeks: fc.array(fc.record({ schedule: junk, actuals: junk, outcomes: junk }), {
              maxLength: 3,
            }),
          }),
        ),
        check,
      ),
      fuzzRuns(3811, 150),
    );
    check(revokedProxy());
    check({ weeks: revokedProxy() });
    check({ weeks: [{ schedule: revokedProxy() }] });
  });
});

describe('computeDashboardKpis over demo weeks (issue 8: all eight from one set of records)', () => {
  const CREATORS = ['creator_03', 'creator_04', 'creator_09'];
  const WEEKS = ['2025-01-20', '2025-01-27'];
  let built: ScheduleResult[] = [];

  /** Made-up actuals: every item sent to 1,000 fans; games earn near their benchmarks. */
  const actualsOf = (week: ScheduleResult): ReadonlyArray<ItemActual> =>
    week.items.map((i, k) => ({
      slotId: i.slotId,
      sent: 1000,
      viewed: 400,
      purchased: 20,
      earnings:
        i.gameType === 'spin_the_wheel'
          ? 4600 + (k % 5) * 200
          : i.gameType !== null
            ? 2600 + (k % 3) * 150
            : i.category === 'revenue'
              ? 90 + (k % 7) * 10
              : 15,
    }));

  beforeAll(async () => {
    const dataset = generateDemoAgency(42);
    const ports = inMemoryPorts(dataset);
    built = [];
    for (const creatorId of CREATORS)
      for (const weekStart of WEEKS) {
        const r = await buildSchedule({ creatorId, weekStart, seed: 42 })(ports)();
        if (r._tag === 'Left') throw new Error(`${creatorId} ${weekStart}: ${r.left.message}`);
        built.push(r.right);
      }
  }, 120_000);

  it('computes every KPI, none null, from the weeks, their actuals and their outcomes', () => {
    const weeks: DashboardWeek[] = built.map((schedule) => {
      const actuals = { items: actualsOf(schedule), measuredAt: '2025-02-04T09:00:00Z' };
      return { schedule, actuals, outcomes: recordOutcomes(schedule, actuals) };
    });
    const { kpis, records, issues } = computeDashboardKpis({ weeks });
    expect(issues).toEqual([]);
    for (const m of KPI_METRICS) {
      expect(kpis[m].value, m).not.toBeNull();
      expect(kpis[m].reason, m).toBeNull();
      expect(kpis[m].metric).toBe(m);
    }
    // One set of records: 6 weeks of 7 days, a prediction per week, the weeks' own games.
    expect(records.bumpRatioDays).toHaveLength(42);
    expect(records.followupDays).toHaveLength(42);
    expect(records.predictions).toHaveLength(6);
    expect(records.weeks).toHaveLength(6);
    const games = built.flatMap((w) => w.items.filter((i) => i.gameType !== null));
    expect(records.games).toHaveLength(games.length);
    const campaigns = built.flatMap((w) =>
      w.items.filter((i) => i.campaignType !== null && !i.isFollowUp),
    );
    expect(kpis.campaignFrequencyAdherence.basis).toBe(campaigns.length);
    expect(kpisFromRecords(records)).toEqual(kpis);
    // follow-ups are counted on the days they count against: the week's follow-ups, all of them
    const followups = built.flatMap((w) => w.items.filter((i) => i.isFollowUp)).length;
    expect(records.followupDays.reduce((s, d) => s + d.followups, 0)).toBe(followups);
    expect(kpis.followupLimitUtilization.value).toBeCloseTo((followups / 42 / 4) * 100, 9);
    expect(kpis.weeklyLimitViolations.value).toBe(0);
    expect(kpis.weeklyLimitViolations.status).toBe('ok');
  });

  it('the same KPIs from the actuals alone (outcomes recorded inside)', () => {
    const withOutcomes = computeDashboardKpis({
      weeks: built.map((schedule) => {
        const actuals = { items: actualsOf(schedule) };
        return { schedule, actuals, outcomes: recordOutcomes(schedule, actuals) };
      }),
    });
    const fromActuals = computeDashboardKpis({
      weeks: built.map((schedule) => ({ schedule, actuals: { items: actualsOf(schedule) } })),
    });
    expect(fromActuals.kpis).toEqual(withOutcomes.kpis);
  });

  it('trait-recommended sends: the caller names them, or the weeks with a recommendation do', () => {
    const week = built[0] as ScheduleResult;
    const revenue = week.items.filter((i) => !i.isFollowUp && i.category === 'revenue');
    const chosen = revenue.slice(0, 2).map((i) => i.slotId);
    const actuals = {
      items: week.items.map((i) => ({
        slotId: i.slotId,
        sent: 1,
        viewed: 1,
        purchased: 1,
        earnings: chosen.includes(i.slotId) ? 150 : 100,
      })),
    };
    const r = computeDashboardKpis({
      weeks: [{ schedule: week, actuals, traitRecommendedSlotIds: chosen }],
    });
    expect(r.kpis.traitRecommendationLift).toMatchObject({ value: 50, basis: revenue.length });
    // without the override and without a recommendation, the week takes no part in the lift
    const plain = { ...week, volume: { ...week.volume, traitAnalysis: null } };
    expect(
      computeDashboardKpis({ weeks: [{ schedule: plain, actuals }] }).kpis.traitRecommendationLift
        .reason,
    ).toBe('no_trait_sends');
    // a content-type recommendation marks the sends of that content type
    const contentTypeId = revenue.find((i) => i.contentTypeId !== null)?.contentTypeId as string;
    const recommended = {
      ...week,
      volume: {
        ...week.volume,
        traitAnalysis: {
          analyzedCount: 100,
          statisticalConfidence: 'HIGH' as const,
          bonferroniAlpha: 0.0125,
          recommendations: [`content_type:${contentTypeId} x1.25 (p=0.00100)`],
        },
      },
    };
    const sends = computeDashboardKpis({ weeks: [{ schedule: recommended, actuals }] }).records
      .traitSends;
    expect(sends.filter((s) => s.traitRecommended)).toHaveLength(
      revenue.filter((i) => i.contentTypeId === contentTypeId).length,
    );
  });

  it('reports junk in the records as issues and keeps the rest', () => {
    const week = built[0] as ScheduleResult;
    const items = [...week.items];
    items[1] = { ...items[1], scheduledDate: 'soon' } as never;
    const r = computeDashboardKpis({
      weeks: [
        {
          schedule: { ...week, items },
          actuals: { items: [{ slotId: 'nope', sent: 1, viewed: 1, purchased: 1, earnings: 1 }] },
        },
        { schedule: week },
        { schedule: 'a week' } as never,
        { schedule: built[1] as ScheduleResult, extra: 1 } as never,
      ],
      gameResults: [
        { gameType: 'bingo', earnings: 1, date: '2025-01-20', creatorId: 'c1' },
      ] as never,
    });
    expect(r.issues.filter((i) => i.severity !== 'info').map((i) => [i.code, i.path])).toEqual([
      ['kpi_record_skipped', 'weeks[0].schedule.items[1].scheduledDate'],
      ['actual_skipped', 'weeks[0].actuals.items[0].slotId'],
      ['kpi_record_skipped', 'weeks[1].schedule'],
      ['kpi_record_skipped', 'weeks[2].schedule'],
      ['kpi_record_skipped', 'weeks[3].extra'],
      ['kpi_record_skipped', 'gameResults[0].gameType'],
    ]);
    // weeks 0 and 3 are read: 14 days
    expect(r.records.bumpRatioDays).toHaveLength(14);
    expect(
      r.issues.filter((i) => i.code === 'kpi_not_computable').map((i) => i.details),
    ).toContainEqual({
      metric: 'gameTypeRevenueVariance',
      reason: 'too_few_games',
    });
  });
});
