/**
 * Volume A/B tests (seed 000 task 3.7): designVolumeAbTest and its power analysis,
 * VOLUME_AB_TESTS, validateTestCompletion, the deterministic arm assignment and the arms as
 * policy overrides.
 *
 * Expected numbers are typed here as literals, worked by hand in the comments (never read from
 * src's tables).
 *
 * The power analysis, two-tailed, n = ceil(2 (z_{1-a/2} + z_power)^2 sigma^2 / delta^2), sigma 1:
 *   z_0.975 = 1.959964, z_0.80 = 0.841621; sum 2.801585; squared 7.848880; x 2 = 15.697759
 *   effect 0.10: 15.697759 / 0.0100 = 1569.78 -> 1570 (the issue's "1,570 per group")
 *   effect 0.15: 15.697759 / 0.0225 =  697.68 ->  698
 *   effect 0.25: 15.697759 / 0.0625 =  251.16 ->  252
 * (the seed's rounded z-scores 1.96 and 0.84 would give 1568, 697 and 251: the exact inverse
 * normal matters).
 *   confidence 0.99, power 0.90: z_0.995 = 2.575829, z_0.90 = 1.281552; sum 3.857381;
 *   squared 14.879387; x 2 / 0.01 = 2975.88 -> 2976
 *   confidence 0.90, power 0.80, effect 0.2: z_0.95 = 1.644854 + 0.841621 = 2.486475;
 *   squared 6.182557; x 2 / 0.04 = 309.13 -> 310
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  type AbArmConfig,
  abArmBucket,
  abArmOverrides,
  abArmPolicy,
  abTestMinSampleSize,
  applyAbExperiment,
  assignAbArm,
  DEFAULT_POLICY,
  decodeAbExperiment,
  designVolumeAbTest,
  type Issue,
  resolvePolicy,
  VOLUME_AB_TESTS,
  type VolumeAbTest,
  type VolumeAbTestConfig,
  validateCampaignFrequency,
  validateTestCompletion,
} from '../../src/index';
import { fuzzRuns, inspectable, junk } from '../support/junk';

const BASE: VolumeAbTestConfig = {
  testId: 'holdout_q1',
  hypothesis: '15 campaigns a month beat the default cadence',
  controlConfig: {},
  treatmentConfig: { monthlyCampaigns: 15 },
  primaryMetric: 'monthly_revenue',
};

const right = <A>(r: E.Either<ReadonlyArray<Issue>, A>): A => {
  if (E.isLeft(r)) throw new Error(r.left.map((i) => i.message).join('; '));
  return r.right;
};
const left = <A>(r: E.Either<ReadonlyArray<Issue>, A>): ReadonlyArray<Issue> => {
  if (E.isRight(r)) throw new Error('expected Left');
  return r.left;
};
const deeplyFrozen = (u: unknown): boolean =>
  typeof u !== 'object' ||
  u === null ||
  (Object.isFrozen(u) && Object.values(u).every(deeplyFrozen));

describe('abTestMinSampleSize: the seed power analysis (z from jstat)', () => {
  it('gives 1570, 698 and 252 per group at 95 % / 80 % for effects 0.10, 0.15, 0.25', () => {
    const at = (minimumDetectableEffect: number) =>
      abTestMinSampleSize({
        confidenceLevel: 0.95,
        statisticalPower: 0.8,
        minimumDetectableEffect,
      });
    expect(at(0.1)).toBe(1570);
    expect(at(0.15)).toBe(698);
    expect(at(0.25)).toBe(252);
  });

  it('other confidence and power levels, and the standard deviation', () => {
    expect(
      abTestMinSampleSize({
        confidenceLevel: 0.99,
        statisticalPower: 0.9,
        minimumDetectableEffect: 0.1,
      }),
    ).toBe(2976);
    expect(
      abTestMinSampleSize({
        confidenceLevel: 0.9,
        statisticalPower: 0.8,
        minimumDetectableEffect: 0.2,
      }),
    ).toBe(310);
    // sigma 2 quadruples n before the ceiling: 4 x 1569.78 = 6279.10 -> 6280
    expect(
      abTestMinSampleSize({
        confidenceLevel: 0.95,
        statisticalPower: 0.8,
        minimumDetectableEffect: 0.1,
        standardDeviation: 2,
      }),
    ).toBe(6280);
  });

  it('answers NaN for parameters outside their ranges', () => {
    for (const p of [
      { confidenceLevel: 1, statisticalPower: 0.8, minimumDetectableEffect: 0.1 },
      { confidenceLevel: 0.95, statisticalPower: 0, minimumDetectableEffect: 0.1 },
      { confidenceLevel: 0.95, statisticalPower: 0.8, minimumDetectableEffect: 0 },
      { confidenceLevel: Number.NaN, statisticalPower: 0.8, minimumDetectableEffect: 0.1 },
    ])
      expect(abTestMinSampleSize(p)).toBeNaN();
  });

  it('a smaller effect never needs fewer observations (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        (a, b) => {
          const n = (d: number) =>
            abTestMinSampleSize({
              confidenceLevel: 0.95,
              statisticalPower: 0.8,
              minimumDetectableEffect: d,
            });
          const [small, large] = a <= b ? [a, b] : [b, a];
          expect(n(small)).toBeGreaterThanOrEqual(n(large));
        },
      ),
      fuzzRuns(0x3_7001, 100),
    );
  });
});

describe('designVolumeAbTest', () => {
  it('fills the seed defaults and gives 1,570 per group at them', () => {
    expect(right(designVolumeAbTest(BASE))).toEqual({
      testId: 'holdout_q1',
      hypothesis: '15 campaigns a month beat the default cadence',
      controlConfig: {},
      treatmentConfig: { monthlyCampaigns: 15 },
      primaryMetric: 'monthly_revenue',
      secondaryMetrics: [],
      minSampleSize: 1570,
      durationDays: 14,
      confidenceLevel: 0.95,
      statisticalPower: 0.8,
      minimumDetectableEffect: 0.1,
      startDate: null,
      endDate: null,
      status: 'draft',
    });
  });

  it('keeps a given non-zero minSampleSize and computes a 0 one (the seed __post_init__)', () => {
    expect(right(designVolumeAbTest({ ...BASE, minSampleSize: 500 })).minSampleSize).toBe(500);
    expect(right(designVolumeAbTest({ ...BASE, minSampleSize: 0 })).minSampleSize).toBe(1570);
    expect(
      right(designVolumeAbTest({ ...BASE, minimumDetectableEffect: 0.25 })).minSampleSize,
    ).toBe(252);
  });

  it('takes every field, and reads its defaults from the policy', () => {
    const t = right(
      designVolumeAbTest({
        ...BASE,
        secondaryMetrics: ['view_rate'],
        durationDays: 21,
        confidenceLevel: 0.99,
        statisticalPower: 0.9,
        startDate: '2025-02-03',
        endDate: '2025-02-23',
        status: 'running',
      }),
    );
    expect(t).toMatchObject({
      secondaryMetrics: ['view_rate'],
      minSampleSize: 2976,
      durationDays: 21,
      startDate: '2025-02-03',
      endDate: '2025-02-23',
      status: 'running',
    });
    const policy = right(resolvePolicy({ abTest: { durationDays: 28, statisticalPower: 0.9 } }));
    // confidence 0.95, power 0.90: (1.959964 + 1.281552)^2 = 10.507423; x 2 / 0.01 = 2101.48 -> 2102
    expect(right(designVolumeAbTest(BASE, policy))).toMatchObject({
      durationDays: 28,
      statisticalPower: 0.9,
      minSampleSize: 2102,
    });
  });

  it('is deep-frozen and shares nothing with the config', () => {
    const secondaryMetrics = ['a'];
    const t = right(designVolumeAbTest({ ...BASE, secondaryMetrics }));
    expect(deeplyFrozen(t)).toBe(true);
    secondaryMetrics.push('b');
    expect(t.secondaryMetrics).toEqual(['a']);
  });

  it('reports every invalid field as an invalid_ab_test issue naming its path', () => {
    const cases: ReadonlyArray<readonly [Record<string, unknown>, string, string]> = [
      [{ confidenceLevel: 1 }, 'config.confidenceLevel', 'expected number in (0, 1), got 1'],
      [{ confidenceLevel: 0 }, 'config.confidenceLevel', 'expected number in (0, 1), got 0'],
      [{ confidenceLevel: 1.5 }, 'config.confidenceLevel', 'expected number in (0, 1), got 1.5'],
      [{ statisticalPower: 0 }, 'config.statisticalPower', 'expected number in (0, 1), got 0'],
      [{ statisticalPower: 1 }, 'config.statisticalPower', 'expected number in (0, 1), got 1'],
      [
        { minimumDetectableEffect: 0 },
        'config.minimumDetectableEffect',
        'expected number in (0, 1000), got 0',
      ],
      [
        { minimumDetectableEffect: -0.1 },
        'config.minimumDetectableEffect',
        'expected number in (0, 1000), got -0.1',
      ],
      [{ durationDays: 0 }, 'config.durationDays', 'expected integer in 1..3650, got 0'],
      [{ durationDays: 1.5 }, 'config.durationDays', 'expected integer in 1..3650, got 1.5'],
      [{ minSampleSize: -1 }, 'config.minSampleSize', 'expected integer in 0..1000000000, got -1'],
      [
        { startDate: '2025-02-30' },
        'config.startDate',
        'expected YYYY-MM-DD date | null, got "2025-02-30"',
      ],
      [
        { startDate: '2025-03-01', endDate: '2025-02-01' },
        'config.endDate',
        'expected a date on or after startDate (2025-03-01), got "2025-02-01"',
      ],
      [
        { status: 'done' },
        'config.status',
        'expected "draft" | "running" | "completed" | "paused", got "done"',
      ],
      [{ testId: '' }, 'config.testId', 'expected non-empty string, got ""'],
      [{ sample: 1 }, 'config.sample', 'unknown key'],
      [
        { controlConfig: { bump_to_ppv_ratio: 2 } },
        'config.controlConfig.bump_to_ppv_ratio',
        'unknown key',
      ],
      [
        { treatmentConfig: { bumpToPpvRatio: 5 } },
        'config.treatmentConfig.bumpToPpvRatio',
        'expected number in 0..4 (bumps per PPV), got 5',
      ],
      [
        { treatmentConfig: { dowWeighting: 'weighted' } },
        'config.treatmentConfig.dowWeighting',
        'expected "uniform" | "performance_based", got "weighted"',
      ],
      [
        { treatmentConfig: { monthlyCampaigns: 0 } },
        'config.treatmentConfig.monthlyCampaigns',
        'expected integer in 1..100 (campaigns a month), got 0',
      ],
      [
        { treatmentConfig: { policy: { timing: { jitterMax: 99 } } } },
        'config.treatmentConfig.policy.timing.jitterMax',
        'expected integer in 0..30, got 99',
      ],
    ];
    for (const [change, path, text] of cases) {
      const issues = left(designVolumeAbTest({ ...BASE, ...change } as VolumeAbTestConfig));
      expect(
        issues.map((i) => [i.code, i.severity, i.path, i.message]),
        JSON.stringify(change),
      ).toEqual([['invalid_ab_test', 'error', path, `${path}: ${text}`]]);
    }
  });

  it('collects every problem of one config', () => {
    const issues = left(
      designVolumeAbTest({
        ...BASE,
        confidenceLevel: 2,
        statisticalPower: -1,
        extra: true,
      } as VolumeAbTestConfig),
    );
    expect(issues.map((i) => i.path).sort()).toEqual([
      'config.confidenceLevel',
      'config.extra',
      'config.statisticalPower',
    ]);
  });

  it('never throws on junk config or policy (property)', () => {
    fc.assert(
      fc.property(junk.filter(inspectable), junk.filter(inspectable), (a, b) => {
        const r1 = designVolumeAbTest(a as never);
        expect(E.isLeft(r1)).toBe(true);
        const r2 = designVolumeAbTest(BASE, b as never);
        expect(E.isLeft(r2) || E.isRight(r2)).toBe(true);
      }),
      fuzzRuns(0x3_7002, 150),
    );
  });
});

describe('VOLUME_AB_TESTS: the seed three example tests', () => {
  it('holds the seed configurations with their sample sizes (1570, 698, 252)', () => {
    expect(VOLUME_AB_TESTS).toEqual({
      bump_ratio_2x_vs_3x: {
        testId: 'bump_ratio_2x_vs_3x',
        hypothesis: '3x bump ratio increases daily revenue by 10% compared to 2x',
        controlConfig: { bumpToPpvRatio: 2 },
        treatmentConfig: { bumpToPpvRatio: 3 },
        primaryMetric: 'daily_revenue',
        secondaryMetrics: ['view_rate', 'unsubscribe_rate', 'engagement_rate'],
        minSampleSize: 1570,
        durationDays: 14,
        confidenceLevel: 0.95,
        statisticalPower: 0.8,
        minimumDetectableEffect: 0.1,
        startDate: null,
        endDate: null,
        status: 'draft',
      },
      dow_distribution_uniform_vs_weighted: {
        testId: 'dow_distribution_uniform_vs_weighted',
        hypothesis: 'DOW-weighted distribution improves weekly revenue by 15%',
        controlConfig: { dowWeighting: 'uniform' },
        treatmentConfig: { dowWeighting: 'performance_based' },
        primaryMetric: 'weekly_revenue',
        secondaryMetrics: ['message_fatigue_score', 'weekend_engagement'],
        minSampleSize: 698,
        durationDays: 21,
        confidenceLevel: 0.95,
        statisticalPower: 0.8,
        minimumDetectableEffect: 0.15,
        startDate: null,
        endDate: null,
        status: 'draft',
      },
      campaign_frequency_high_vs_standard: {
        testId: 'campaign_frequency_high_vs_standard',
        hypothesis: 'Increasing campaigns from 5/month to 15/month improves revenue by 25%',
        controlConfig: { monthlyCampaigns: 5 },
        treatmentConfig: { monthlyCampaigns: 15 },
        primaryMetric: 'monthly_revenue',
        secondaryMetrics: ['campaign_fatigue', 'unsubscribe_rate'],
        minSampleSize: 252,
        durationDays: 30,
        confidenceLevel: 0.95,
        statisticalPower: 0.8,
        minimumDetectableEffect: 0.25,
        startDate: null,
        endDate: null,
        status: 'draft',
      },
    });
    expect(deeplyFrozen(VOLUME_AB_TESTS)).toBe(true);
  });

  it('each is what designVolumeAbTest designs from its configuration', () => {
    for (const test of Object.values(VOLUME_AB_TESTS)) {
      const { minSampleSize: _n, ...config } = test;
      expect(right(designVolumeAbTest(config))).toEqual(test);
    }
  });
});

describe('validateTestCompletion', () => {
  const bump = VOLUME_AB_TESTS.bump_ratio_2x_vs_3x; // 1570 per group
  const campaigns = VOLUME_AB_TESTS.campaign_frequency_high_vs_standard; // 252 per group

  it('sufficient: both groups at the minimum', () => {
    const r = right(validateTestCompletion(bump, 1570, 1600));
    expect(r).toMatchObject({
      isSufficient: true,
      controlN: 1570,
      treatmentN: 1600,
      minRequired: 1570,
      shortfallControl: 0,
      shortfallTreatment: 0,
      additionalDays: 0,
      message: 'Test has sufficient data (control: 1570, treatment: 1600, min: 1570)',
      recommendation: 'Proceed with statistical analysis',
    });
    expect(r.issue).toMatchObject({ code: 'ab_test_sufficient', severity: 'info' });
  });

  it('insufficient: the shortfalls, their sum and the seed // 10 + 1 days', () => {
    // control short by 1570 - 1000 = 570; 570 // 10 + 1 = 58 days
    const a = right(validateTestCompletion(bump, 1000, 1600));
    expect(a).toMatchObject({
      isSufficient: false,
      controlN: 1000,
      treatmentN: 1600,
      minRequired: 1570,
      shortfallControl: 570,
      shortfallTreatment: 0,
      additionalDays: 58,
      message: 'Insufficient data. Need 570 more observations.',
      recommendation: 'Continue test for ~58 more days',
    });
    expect(a.issue).toMatchObject({ code: 'ab_test_insufficient', severity: 'warning' });
    // nothing yet: 1570 + 1570 = 3140 more; 1570 // 10 + 1 = 158 days
    expect(right(validateTestCompletion(bump, 0, 0))).toMatchObject({
      shortfallControl: 1570,
      shortfallTreatment: 1570,
      additionalDays: 158,
      message: 'Insufficient data. Need 3140 more observations.',
      recommendation: 'Continue test for ~158 more days',
    });
    // one short: 1 // 10 + 1 = 1 day
    expect(right(validateTestCompletion(bump, 1570, 1569))).toMatchObject({
      shortfallControl: 0,
      shortfallTreatment: 1,
      additionalDays: 1,
      message: 'Insufficient data. Need 1 more observations.',
    });
    // 252 per group: 52 and 152 short, 204 more; 152 // 10 + 1 = 16 days
    expect(right(validateTestCompletion(campaigns, 200, 100))).toMatchObject({
      shortfallControl: 52,
      shortfallTreatment: 152,
      additionalDays: 16,
      message: 'Insufficient data. Need 204 more observations.',
      recommendation: 'Continue test for ~16 more days',
    });
    // exactly 10 short: 10 // 10 + 1 = 2 days (the seed's floor division)
    expect(right(validateTestCompletion(campaigns, 242, 252)).additionalDays).toBe(2);
  });

  it('reads the observations a day from the policy', () => {
    const policy = right(resolvePolicy({ abTest: { observationsPerDay: 100 } }));
    // 570 // 100 + 1 = 6
    expect(right(validateTestCompletion(bump, 1000, 1600, policy)).additionalDays).toBe(6);
  });

  it('reports junk counts and tests as issues naming them', () => {
    expect(
      left(validateTestCompletion(bump, -1, 1.5)).map((i) => [i.code, i.path, i.message]),
    ).toEqual([
      ['invalid_ab_test', 'controlN', 'controlN: expected integer in 0..9007199254740991, got -1'],
      [
        'invalid_ab_test',
        'treatmentN',
        'treatmentN: expected integer in 0..9007199254740991, got 1.5',
      ],
    ]);
    const bad = { ...bump, minSampleSize: 0 } as VolumeAbTest;
    expect(left(validateTestCompletion(bad, 1, 1)).map((i) => i.path)).toEqual([
      'test.minSampleSize',
    ]);
    fc.assert(
      fc.property(junk.filter(inspectable), junk.filter(inspectable), (a, b) => {
        const r = validateTestCompletion(a as never, b as never, 3);
        expect(E.isLeft(r)).toBe(true);
      }),
      fuzzRuns(0x3_7003, 100),
    );
  });
});

describe('assignAbArm: deterministic arms from a hash of test id and creator id', () => {
  it('gives these fixed arms (stable across runs and platforms)', () => {
    const arms = (testId: string) =>
      ['creator_a', 'creator_b', 'creator_c', 'c1', 'c2', 'c3'].map((c) => assignAbArm(testId, c));
    expect(arms('bump_ratio_2x_vs_3x')).toEqual([
      'treatment',
      'treatment',
      'control',
      'treatment',
      'control',
      'treatment',
    ]);
    expect(arms('dow_distribution_uniform_vs_weighted')).toEqual([
      'control',
      'treatment',
      'control',
      'treatment',
      'treatment',
      'control',
    ]);
    expect(arms('campaign_frequency_high_vs_standard')).toEqual([
      'treatment',
      'treatment',
      'control',
      'treatment',
      'control',
      'control',
    ]);
    // bucket of ('bump_ratio_2x_vs_3x', 'creator_c') = 0.958...: control up to a share of 0.95
    expect(assignAbArm('bump_ratio_2x_vs_3x', 'creator_c', 0.95)).toBe('control');
    expect(assignAbArm('bump_ratio_2x_vs_3x', 'creator_c', 0.96)).toBe('treatment');
  });

  it('a share of 0 is all control, 1 all treatment', () => {
    for (const c of ['a', 'b', 'c', 'd'])
      expect([assignAbArm('t', c, 0), assignAbArm('t', c, 1)]).toEqual(['control', 'treatment']);
  });

  it('the treatment share over many creators is near the requested share; the same pair never changes arm (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (testId, share) => {
          const creators = Array.from({ length: 2000 }, (_, i) => `creator_${i}`);
          const arms = creators.map((c) => assignAbArm(testId, c, share));
          const treated = arms.filter((a) => a === 'treatment').length / creators.length;
          // binomial sd at n = 2000 is at most 0.011: 0.05 is more than 4 sd
          expect(Math.abs(treated - share)).toBeLessThan(0.05);
          expect(creators.map((c) => assignAbArm(testId, c, share))).toEqual(arms);
        },
      ),
      fuzzRuns(0x3_7004, 40),
    );
  });

  it('raising the share only moves creators from control to treatment (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (testId, creatorId, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          if (assignAbArm(testId, creatorId, lo) === 'treatment')
            expect(assignAbArm(testId, creatorId, hi)).toBe('treatment');
          const u = abArmBucket(testId, creatorId);
          expect(u >= 0 && u < 1).toBe(true);
        },
      ),
      fuzzRuns(0x3_7005, 300),
    );
  });

  it('separates the test id from the creator id (no concatenation collisions)', () => {
    expect(abArmBucket('ab', 'c')).not.toBe(abArmBucket('a', 'bc'));
  });
});

describe('abArmOverrides: an arm configuration as policy overrides', () => {
  it('{} is the policy unchanged (a holdout arm)', () => {
    expect(right(abArmOverrides({}))).toEqual({});
    expect(right(abArmPolicy({}))).toEqual(DEFAULT_POLICY);
  });

  it('bumpToPpvRatio: every matrix row is the ratio times its tier MMPPV range', () => {
    // MMPPVs low 2-3, mid 4-6, high 7-9, ultra 10-12: x2 = 4-6, 8-12, 14-18, 20-24
    const x2 = { low: [4, 6], mid: [8, 12], high: [14, 18], ultra: [20, 24] };
    const sub2 = { gfe: x2, commercial: x2 };
    expect(right(abArmOverrides({ bumpToPpvRatio: 2 }))).toEqual({
      matrix: { bumps: { nude: sub2, non_nude: sub2, porno: sub2 } },
    });
    // x3 = 6-9, 12-18, 21-27, 30-36; x2.5 = 5-7.5 -> 5-8 (round half up)
    const p3 = right(abArmPolicy({ bumpToPpvRatio: 3 }));
    expect(p3.matrix.bumps.porno.commercial).toEqual({
      low: [6, 9],
      mid: [12, 18],
      high: [21, 27],
      ultra: [30, 36],
    });
    expect(p3.matrix.mmppvs).toEqual(DEFAULT_POLICY.matrix.mmppvs);
    expect(right(abArmPolicy({ bumpToPpvRatio: 2.5 })).matrix.bumps.nude.gfe.low).toEqual([5, 8]);
  });

  it('dowWeighting: uniform clamps the weekday multipliers to 1; performance_based keeps the policy', () => {
    expect(right(abArmOverrides({ dowWeighting: 'uniform' }))).toEqual({
      volume: { dowMultiplierClamp: [1, 1] },
    });
    expect(right(abArmOverrides({ dowWeighting: 'performance_based' }))).toEqual({});
  });

  it('monthlyCampaigns: the cadence scaled by N / 24, its own targets and floor', () => {
    // f = 5 / 24: planned 12 f = 2.5, 5 f = 1.04, 4 f = 0.83, 3 f = 0.63 (sum 5);
    // targets [floor(10 f), ceil(15 f)] = [2, 4], [0, 2], [0, 2], [0, 1];
    // days round(2 / f) = 10, round(3 / f) = 14; 24, 34; 34, 34; 34, 67; floor 14 f = 2.92
    expect(right(abArmOverrides({ monthlyCampaigns: 5 }))).toEqual({
      campaigns: {
        rules: {
          descriptive_wall_campaign: {
            minDaysBetween: 10,
            maxDaysBetween: 14,
            monthlyTarget: [2, 4],
            plannedPerMonth: 2.5,
          },
          bundle_wall_campaign: {
            minDaysBetween: 24,
            maxDaysBetween: 34,
            monthlyTarget: [0, 2],
            plannedPerMonth: 1.04,
          },
          spin_the_wheel_game: {
            minDaysBetween: 34,
            maxDaysBetween: 34,
            monthlyTarget: [0, 2],
            plannedPerMonth: 0.83,
          },
          game_other: {
            minDaysBetween: 34,
            maxDaysBetween: 67,
            monthlyTarget: [0, 1],
            plannedPerMonth: 0.63,
          },
        },
        minPerMonth: 2.92,
      },
    });
    // f = 15 / 24 = 0.625: planned 7.5, 3.13, 2.5, 1.88; floor 8.75
    const p15 = right(abArmPolicy({ monthlyCampaigns: 15 }));
    expect(p15.campaigns.minPerMonth).toBe(8.75);
    expect(p15.campaigns.rules.descriptive_wall_campaign).toEqual({
      minDaysBetween: 3,
      maxDaysBetween: 5,
      monthlyTarget: [6, 10],
      plannedPerMonth: 7.5,
    });
    // 24 a month is the default cadence itself
    expect(right(abArmPolicy({ monthlyCampaigns: 24 }))).toEqual(DEFAULT_POLICY);
  });

  it('the arm raw policy is laid over its keys, leaf by leaf', () => {
    const config: AbArmConfig = {
      monthlyCampaigns: 5,
      policy: { campaigns: { minPerMonth: 5 }, followups: { maxPerDay: 2 } },
    };
    const p = right(abArmPolicy(config));
    expect(p.campaigns.minPerMonth).toBe(5);
    expect(p.campaigns.rules.descriptive_wall_campaign.plannedPerMonth).toBe(2.5);
    expect(p.followups.maxPerDay).toBe(2);
    // the keys scale what the raw policy sets: MMPPVs 1-2 at the low tier, x2 = 2-4
    const q = right(
      abArmPolicy({
        bumpToPpvRatio: 2,
        policy: { matrix: { mmppvs: { ...DEFAULT_POLICY.matrix.mmppvs, low: [1, 2] } } },
      }),
    );
    expect(q.matrix.bumps.nude.gfe.low).toEqual([2, 4]);
  });

  it('an arm over a caller policy scales the caller cadence', () => {
    const base = right(
      resolvePolicy({
        campaigns: {
          rules: {
            descriptive_wall_campaign: { plannedPerMonth: 6 },
            bundle_wall_campaign: { plannedPerMonth: 2 },
            spin_the_wheel_game: { plannedPerMonth: 1 },
            game_other: { plannedPerMonth: 1 },
          },
        },
      }),
    );
    // planned 10 a month: f = 5 / 10 = 0.5, desc 3, bundle 1, spin 0.5, other 0.5; floor 7
    const p = right(abArmPolicy({ monthlyCampaigns: 5 }, base));
    expect(p.campaigns.rules.descriptive_wall_campaign.plannedPerMonth).toBe(3);
    expect(p.campaigns.minPerMonth).toBe(7);
    const none = right(
      resolvePolicy({
        campaigns: {
          rules: Object.fromEntries(
            [
              'descriptive_wall_campaign',
              'bundle_wall_campaign',
              'spin_the_wheel_game',
              'game_other',
            ].map((k) => [k, { plannedPerMonth: 0 }]),
          ),
        },
      }),
    );
    expect(
      left(abArmOverrides({ monthlyCampaigns: 5 }, none, 'arm')).map((i) => [i.code, i.path]),
    ).toEqual([['invalid_ab_test', 'arm.monthlyCampaigns']]);
  });

  it('a control arm of 5 a month is checked against its own targets (RULINGS "A/B arms")', () => {
    // 5 campaigns over the 30 days 2025-01-01..2025-01-30: 5 x 30 / 30 = 5 a month
    const items = [
      { campaignType: 'descriptive_wall_campaign', scheduledDate: '2025-01-01' },
      { campaignType: 'bundle_wall_campaign', scheduledDate: '2025-01-04' },
      { campaignType: 'spin_the_wheel_game', scheduledDate: '2025-01-08' },
      { campaignType: 'descriptive_wall_campaign', scheduledDate: '2025-01-13' },
      { campaignType: 'descriptive_wall_campaign', scheduledDate: '2025-01-25' },
      { scheduledDate: '2025-01-30' },
    ];
    const arm = right(
      abArmPolicy(VOLUME_AB_TESTS.campaign_frequency_high_vs_standard.controlConfig),
    );
    const own = validateCampaignFrequency(items, { policy: arm });
    expect(own.totalMonthlyProjection).toBe(5);
    expect(own.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(own.isValid).toBe(true);
    // the same month against the default cadence: 5 < 14 is critical
    const byDefault = validateCampaignFrequency(items);
    expect(byDefault.issues.map((i) => i.code)).toContain('campaign_total_low');
    expect(byDefault.isValid).toBe(false);
  });

  it('never throws on junk (property)', () => {
    fc.assert(
      fc.property(
        junk.filter(inspectable),
        junk.filter(inspectable),
        junk.filter(inspectable),
        (a, b, c) => {
          const results: ReadonlyArray<E.Either<unknown, unknown>> = [
            abArmOverrides(a as never, b as never, c as never),
            abArmPolicy(a as never, b as never),
            abArmPolicy({ monthlyCampaigns: 5 }, b as never),
            decodeAbExperiment(a, c as never),
            applyAbExperiment(a as never, b as never, c as never),
          ];
          for (const r of results) expect(E.isLeft(r) || E.isRight(r)).toBe(true);
        },
      ),
      fuzzRuns(0x3_7006, 150),
    );
  });
});

describe('decodeAbExperiment and applyAbExperiment', () => {
  const test = VOLUME_AB_TESTS.campaign_frequency_high_vs_standard;

  it('decodes a designed test and a share; junk names its path', () => {
    expect(right(decodeAbExperiment({ test, treatmentShare: 0.2 }))).toEqual({
      test,
      treatmentShare: 0.2,
    });
    const paths = (u: unknown) =>
      left(decodeAbExperiment(u)).map((i) => [i.code, i.path, i.message]);
    expect(paths({ test, treatmentShare: 2 })).toEqual([
      [
        'invalid_input',
        'inputs.experiment.treatmentShare',
        'inputs.experiment.treatmentShare: expected number in 0..1, got 2',
      ],
    ]);
    expect(paths({ test: { ...test, controlConfig: { bump_to_ppv_ratio: 2 } } })).toEqual([
      [
        'invalid_input',
        'inputs.experiment.test.controlConfig.bump_to_ppv_ratio',
        'inputs.experiment.test.controlConfig.bump_to_ppv_ratio: unknown key',
      ],
    ]);
    expect(paths({ test, arm: 'control' }).map((p) => p[1])).toEqual(['inputs.experiment.arm']);
    expect(paths({}).map((p) => p[1])).toEqual(['inputs.experiment.test']);
    expect(paths(42).map((p) => p[1])).toEqual(['inputs.experiment']);
    expect(
      paths({ test: { ...test, startDate: '2025-02-02', endDate: '2025-02-01' } }).map((p) => p[1]),
    ).toEqual(['inputs.experiment.test.endDate']);
  });

  it('assigns the arm and resolves its policy', () => {
    // creator_c's bucket in this test is 0.62: control at the default share of 0.5
    const a = right(applyAbExperiment({ test }, 'creator_c', DEFAULT_POLICY));
    expect(a.assignment).toEqual({ testId: 'campaign_frequency_high_vs_standard', arm: 'control' });
    expect(a.policy.campaigns.minPerMonth).toBe(2.92);
    const b = right(applyAbExperiment({ test, treatmentShare: 1 }, 'creator_c', DEFAULT_POLICY));
    expect(b.assignment.arm).toBe('treatment');
    expect(b.policy.campaigns.minPerMonth).toBe(8.75);
    // the experiment's share wins over the policy's
    const base = right(resolvePolicy({ abTest: { treatmentShare: 1 } }));
    expect(right(applyAbExperiment({ test }, 'creator_c', base)).assignment.arm).toBe('treatment');
    expect(
      right(applyAbExperiment({ test, treatmentShare: 0 }, 'creator_c', base)).assignment.arm,
    ).toBe('control');
  });
});
