/**
 * Volume A/B tests: the test design with its power analysis, the seed's three example tests, the
 * completion check, the deterministic assignment of creators to control and treatment, and each
 * arm's configuration as policy overrides, so `buildSchedule` builds a creator's week in its arm
 * (`inputs.experiment`).
 *
 * Source: seed 000 task 3.7 (`VolumeABTest`, `VOLUME_AB_TESTS`, `validate_test_completion`);
 * RULINGS "Campaigns and games" (A/B arms: an arm's configuration is its policy);
 * docs/rulings.md "A/B tests".
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import jStat from 'jstat';
import { CAMPAIGN_TYPES } from '../domain/catalog';
import { IsoDateC, NonEmptyStringC, nullable } from '../domain/codecs';
import { decodeWith, showReceived } from '../domain/decode';
import { deepFreeze } from '../domain/freeze';
import { type Issue, type IssueOf, issue } from '../domain/issues';
import {
  DEFAULT_POLICY,
  type PolicyOverrides,
  PolicyOverridesC,
  resolvePolicy,
  type SchedulePolicy,
} from '../domain/policy';
import { refine, strictType, stringUnion } from '../domain/policyCodec';
import { sha256Hex } from '../resilience/sha256';

/**
 * The two arms of a test. Source: 000 task 3.7 (`control_config`, `treatment_config`).
 *
 * @example
 * const arm: AbArm = 'control';
 *
 * @since 0.3.0
 * @category analytics
 */
export type AbArm = 'control' | 'treatment';

/**
 * Where a test stands. Source: 000 task 3.7 `status: Literal['draft', 'running', 'completed', 'paused']`.
 *
 * @example
 * const s: AbTestStatus = 'draft';
 *
 * @since 0.3.0
 * @category analytics
 */
export type AbTestStatus = 'draft' | 'running' | 'completed' | 'paused';

const STATUSES: ReadonlyArray<AbTestStatus> = ['draft', 'running', 'completed', 'paused'];

/**
 * How an arm spreads the week's volume over the weekdays: `uniform` (every day the daily total)
 * or `performance_based` (the policy's weekday multipliers from the revenue history, 001 §1.2.1).
 * Source: 000 task 3.7 `dow_weighting`.
 *
 * @example
 * const w: DowWeighting = 'uniform';
 *
 * @since 0.3.0
 * @category analytics
 */
export type DowWeighting = 'uniform' | 'performance_based';

/**
 * The configuration of one arm: the seed's keys in camelCase, each mapped onto the policy by
 * `abArmOverrides`, and raw policy overrides. Every key is optional; `{}` is the caller's policy
 * unchanged (a holdout arm).
 *
 * - `bumpToPpvRatio`: bumps per PPV, 0-4 (000 task 3.7 `bump_to_ppv_ratio`).
 * - `dowWeighting`: `uniform` or `performance_based` (`dow_weighting`).
 * - `monthlyCampaigns`: campaigns a month, a whole number 1-100 (`monthly_campaigns`).
 * - `policy`: `PolicyOverrides` of the arm, applied last (they win leaf by leaf).
 *
 * An unknown key is an error at its path (`config.controlConfig.bump_ratio: unknown key`).
 *
 * @example
 * const control: AbArmConfig = { monthlyCampaigns: 5 };
 * const raw: AbArmConfig = { policy: { followups: { maxPerDay: 3 } } };
 *
 * Source: 000 task 3.7 `control_config` / `treatment_config`; RULINGS "A/B arms".
 *
 * @since 0.3.0
 * @category analytics
 */
export interface AbArmConfig {
  /** Bumps per PPV, 0-4 (000 task 3.7 `bump_to_ppv_ratio`): sets the matrix bump ranges to this ratio of the PPV ranges. */
  readonly bumpToPpvRatio?: number;
  /** `uniform` (every weekday alike) or `performance_based` (the weekday multipliers) (`dow_weighting`). */
  readonly dowWeighting?: DowWeighting;
  /** Campaigns a month, a whole number 1-100 (`monthly_campaigns`): sets the campaign cadence. */
  readonly monthlyCampaigns?: number;
  /** Raw `PolicyOverrides` of the arm, applied last (they win leaf by leaf). */
  readonly policy?: PolicyOverrides;
}

/**
 * A designed volume A/B test: the seed's `VolumeABTest` in camelCase, deep-frozen.
 *
 * - `minSampleSize`: observations per group (the power analysis, or the caller's own number).
 * - `durationDays`: days (default 14).
 * - `confidenceLevel`, `statisticalPower`: shares in (0, 1) (defaults 0.95, 0.80); the test is
 *   two-tailed.
 * - `minimumDetectableEffect`: the smallest effect the test must detect, in standard deviations
 *   of the metric (default 0.10: a 10 % lift of a metric normalised to unit variance).
 * - `startDate`, `endDate`: `YYYY-MM-DD` or `null`; `status`: bookkeeping of the caller.
 *
 * Source: 000 task 3.7 `VolumeABTest`.
 *
 * @example
 * VOLUME_AB_TESTS.bump_ratio_2x_vs_3x.minSampleSize // 1570
 *
 * @since 0.3.0
 * @category analytics
 */
export interface VolumeAbTest {
  /** The test's id; the arm of a creator is a hash of it and the creator id. */
  readonly testId: string;
  /** What the test checks, for people. */
  readonly hypothesis: string;
  /** The control arm's configuration (`{}`: the caller's policy, a holdout). */
  readonly controlConfig: AbArmConfig;
  /** The treatment arm's configuration. */
  readonly treatmentConfig: AbArmConfig;
  /** The metric the test is decided on (`monthly_revenue`...). */
  readonly primaryMetric: string;
  /** Other metrics watched. */
  readonly secondaryMetrics: ReadonlyArray<string>;
  /** Observations per group (the power analysis, or the caller's own number). */
  readonly minSampleSize: number;
  /** Length of the test, days (default 14). */
  readonly durationDays: number;
  /** Confidence of the two-tailed test, in (0, 1) (default 0.95). */
  readonly confidenceLevel: number;
  /** Statistical power, in (0, 1) (default 0.80). */
  readonly statisticalPower: number;
  /** The smallest effect to detect, in standard deviations of the metric (default 0.10: a 10 % lift of a metric normalised to unit variance). */
  readonly minimumDetectableEffect: number;
  /** Local date `YYYY-MM-DD` the test starts, `null` when not set. */
  readonly startDate: string | null;
  /** Local date `YYYY-MM-DD` it ends, `null` when not set. */
  readonly endDate: string | null;
  /** Bookkeeping of the caller (`draft`, `running`...); the library does not read it. */
  readonly status: AbTestStatus;
}

/**
 * What `designVolumeAbTest` is given: the five fields the seed requires and, optionally, any
 * other field of `VolumeAbTest`. Left out: `secondaryMetrics` `[]`, `minSampleSize` 0 (computed),
 * the policy's `abTest` defaults (14 days, 0.95, 0.80, 0.10), dates `null`, status `draft`.
 *
 * @example
 * const c: VolumeAbTestConfig = { testId: 't1', hypothesis: 'h', controlConfig: {}, treatmentConfig: { monthlyCampaigns: 15 }, primaryMetric: 'monthly_revenue' };
 *
 * Source: 000 task 3.7 `VolumeABTest` (fields and defaults).
 *
 * @since 0.3.0
 * @category analytics
 */
export interface VolumeAbTestConfig
  extends Pick<
      VolumeAbTest,
      'testId' | 'hypothesis' | 'controlConfig' | 'treatmentConfig' | 'primaryMetric'
    >,
    Partial<
      Omit<
        VolumeAbTest,
        'testId' | 'hypothesis' | 'controlConfig' | 'treatmentConfig' | 'primaryMetric'
      >
    > {}

/**
 * An A/B test a build takes part in (`ScheduleInputs.experiment`): the designed test and the
 * share of creators in treatment (0-1, default `policy.abTest.treatmentShare`, 0.5).
 *
 * @example
 * const experiment: AbExperiment = { test: VOLUME_AB_TESTS.campaign_frequency_high_vs_standard };
 *
 * Source: 000 task 3.7; RULINGS "A/B arms".
 *
 * @since 0.3.0
 * @category analytics
 */
export interface AbExperiment {
  /** The designed test (`designVolumeAbTest`, `VOLUME_AB_TESTS`). */
  readonly test: VolumeAbTest;
  /** Share of creators in treatment, 0-1 (default `policy.abTest.treatmentShare`, 0.5). */
  readonly treatmentShare?: number;
}

/**
 * The arm a creator was built in: the test's id and the arm (`ScheduleResult.experiment`).
 *
 * @example
 * const a: AbAssignment = { testId: 'bump_ratio_2x_vs_3x', arm: 'treatment' };
 *
 * Source: 000 task 3.7 (control and treatment groups).
 *
 * @since 0.3.0
 * @category analytics
 */
export interface AbAssignment {
  /** The test's id. */
  readonly testId: string;
  /** The creator's arm: `control` or `treatment`. */
  readonly arm: AbArm;
}

// ---------------------------------------------------------------------------- codecs

const finiteIn = (lo: number, hi: number, name: string) =>
  refine(t.number, (n) => Number.isFinite(n) && n >= lo && n <= hi, name);
const openUnit = refine(t.number, (n) => Number.isFinite(n) && n > 0 && n < 1, 'number in (0, 1)');
const wholeIn = (lo: number, hi: number) =>
  refine(t.number, (n) => Number.isInteger(n) && n >= lo && n <= hi, `integer in ${lo}..${hi}`);

const AbArmConfigC = strictType(
  'AbArmConfig',
  {},
  {
    // 4 bumps per PPV: the ultra tier's 12 PPVs x 4 = 48 stays inside the matrix's 0..50 a day.
    bumpToPpvRatio: finiteIn(0, 4, 'number in 0..4 (bumps per PPV)'),
    dowWeighting: stringUnion<DowWeighting>(['uniform', 'performance_based']),
    monthlyCampaigns: refine(
      t.number,
      (n) => Number.isInteger(n) && n >= 1 && n <= 100,
      'integer in 1..100 (campaigns a month)',
    ),
    policy: PolicyOverridesC,
  },
);

const requiredFields = {
  testId: NonEmptyStringC,
  hypothesis: NonEmptyStringC,
  controlConfig: AbArmConfigC,
  treatmentConfig: AbArmConfigC,
  primaryMetric: NonEmptyStringC,
};
const optionalFields = {
  secondaryMetrics: t.array(NonEmptyStringC),
  durationDays: wholeIn(1, 3650),
  confidenceLevel: openUnit,
  statisticalPower: openUnit,
  minimumDetectableEffect: refine(
    t.number,
    (n) => Number.isFinite(n) && n > 0 && n < 1000,
    'number in (0, 1000)',
  ),
  startDate: nullable(IsoDateC),
  endDate: nullable(IsoDateC),
  status: stringUnion(STATUSES),
};

const VolumeAbTestConfigC = strictType('VolumeAbTestConfig', requiredFields, {
  ...optionalFields,
  // 0: computed by the power analysis (the seed's `__post_init__`).
  minSampleSize: wholeIn(0, 1e9),
});

/**
 * The io-ts codec of a designed test (`VolumeAbTest`): every field required, strict objects (an
 * unknown key is an error at its path), `minSampleSize` a whole number >= 1. `buildSchedule`
 * decodes `inputs.experiment.test` with it.
 *
 * @example
 * VolumeAbTestC.is(VOLUME_AB_TESTS.bump_ratio_2x_vs_3x) // true
 *
 * Source: 000 task 3.7 `VolumeABTest`; STYLE io-ts boundary.
 *
 * @since 0.3.0
 * @category codecs
 */
export const VolumeAbTestC: t.Type<VolumeAbTest, VolumeAbTest, unknown> = strictType(
  'VolumeAbTest',
  { ...requiredFields, ...optionalFields, minSampleSize: wholeIn(1, 1e9) },
  {},
) as unknown as t.Type<VolumeAbTest, VolumeAbTest, unknown>;

/**
 * The io-ts codec of `AbExperiment` (`inputs.experiment`): `test` a `VolumeAbTestC`,
 * `treatmentShare` a number in 0..1.
 *
 * @example
 * AbExperimentC.is({ test: VOLUME_AB_TESTS.bump_ratio_2x_vs_3x, treatmentShare: 0.2 }) // true
 *
 * Source: 000 task 3.7; STYLE io-ts boundary.
 *
 * @since 0.3.0
 * @category codecs
 */
export const AbExperimentC: t.Type<AbExperiment, AbExperiment, unknown> = strictType(
  'AbExperiment',
  { test: VolumeAbTestC },
  { treatmentShare: finiteIn(0, 1, 'number in 0..1') },
) as unknown as t.Type<AbExperiment, AbExperiment, unknown>;

/** Decodes with `codec`, reporting every failing path as an issue of `code`. */
const decodeAs = <A>(
  codec: t.Decoder<unknown, A>,
  value: unknown,
  rootPath: string,
  code: 'invalid_ab_test' | 'invalid_input',
): E.Either<ReadonlyArray<Issue>, A> => {
  const r = decodeWith(codec, value, rootPath, 'invalid_option');
  if (E.isRight(r)) return r;
  return E.left(
    r.left.map((i) =>
      i.code === 'invalid_option' || i.code === 'decode_error'
        ? issue(code, { expected: i.details.expected, received: i.details.received }, i.path)
        : i,
    ),
  );
};

/** An end date before the start date, at `<rootPath>.endDate`. */
const dateOrderIssues = (
  startDate: string | null | undefined,
  endDate: string | null | undefined,
  rootPath: string,
  code: 'invalid_ab_test' | 'invalid_input',
): ReadonlyArray<Issue> =>
  typeof startDate === 'string' && typeof endDate === 'string' && endDate < startDate
    ? [
        issue(
          code,
          {
            expected: `a date on or after startDate (${startDate})`,
            received: showReceived(endDate),
          },
          `${rootPath}.endDate`,
        ),
      ]
    : [];

// ---------------------------------------------------------------------------- power analysis

/**
 * The minimum sample size per group of a two-tailed test (the seed's power analysis):
 * `n = ceil(2 (z_{1-alpha/2} + z_power)^2 sigma^2 / delta^2)` with `alpha = 1 - confidenceLevel`,
 * the z-scores from jstat's normal inverse, `sigma` = `standardDeviation` (default
 * `policy.abTest.standardDeviation`, 1) and `delta` = `minimumDetectableEffect` (in the metric's
 * units; with sigma 1, standard deviations). At least 1. Parameters outside their ranges
 * (confidence or power not in (0, 1), a non-positive effect) give `NaN`; `designVolumeAbTest`
 * checks them first.
 *
 * @example
 * abTestMinSampleSize({ confidenceLevel: 0.95, statisticalPower: 0.8, minimumDetectableEffect: 0.1 })  // 1570
 * abTestMinSampleSize({ confidenceLevel: 0.95, statisticalPower: 0.8, minimumDetectableEffect: 0.25 }) // 252
 *
 * Source: 000 task 3.7 `_calculate_min_sample_size`.
 *
 * @since 0.3.0
 * @category analytics
 */
export const abTestMinSampleSize = (
  params: {
    readonly confidenceLevel: number;
    readonly statisticalPower: number;
    readonly minimumDetectableEffect: number;
    readonly standardDeviation?: number;
  },
  policy: SchedulePolicy = DEFAULT_POLICY,
): number => {
  const { confidenceLevel, statisticalPower, minimumDetectableEffect: delta } = params;
  const valid = (p: number) => Number.isFinite(p) && p > 0 && p < 1;
  const sigma = params.standardDeviation ?? policy.abTest.standardDeviation;
  if (
    !valid(confidenceLevel) ||
    !valid(statisticalPower) ||
    !(Number.isFinite(delta) && delta > 0) ||
    !(Number.isFinite(sigma) && sigma > 0)
  )
    return Number.NaN;
  const alpha = 1 - confidenceLevel;
  const zAlpha = jStat.normal.inv(1 - alpha / 2, 0, 1); // two-tailed
  const zBeta = jStat.normal.inv(statisticalPower, 0, 1);
  const n = (2 * (zAlpha + zBeta) ** 2 * sigma ** 2) / delta ** 2;
  return Math.max(1, Math.ceil(n));
};

const designFrom = (c: VolumeAbTestConfig, policy: SchedulePolicy): VolumeAbTest => {
  const d = policy.abTest;
  const confidenceLevel = c.confidenceLevel ?? d.confidenceLevel;
  const statisticalPower = c.statisticalPower ?? d.statisticalPower;
  const minimumDetectableEffect = c.minimumDetectableEffect ?? d.minimumDetectableEffect;
  const given = c.minSampleSize ?? 0;
  return deepFreeze({
    testId: c.testId,
    hypothesis: c.hypothesis,
    controlConfig: c.controlConfig,
    treatmentConfig: c.treatmentConfig,
    primaryMetric: c.primaryMetric,
    secondaryMetrics: [...(c.secondaryMetrics ?? [])],
    // The seed's `__post_init__`: a given non-zero size is kept.
    minSampleSize:
      given !== 0
        ? given
        : abTestMinSampleSize(
            { confidenceLevel, statisticalPower, minimumDetectableEffect },
            policy,
          ),
    durationDays: c.durationDays ?? d.durationDays,
    confidenceLevel,
    statisticalPower,
    minimumDetectableEffect,
    startDate: c.startDate ?? null,
    endDate: c.endDate ?? null,
    status: c.status ?? 'draft',
  });
};

const unreadablePolicy = (): Issue =>
  issue(
    'invalid_ab_test',
    { expected: 'a resolved policy (resolvePolicy)', received: 'an unreadable value' },
    'policy',
  );

/** `f()`, or one issue of `code` at `path` when it throws (junk a caller passed past the types). */
const guarded = <A>(
  code: 'invalid_ab_test' | 'invalid_input',
  expected: string,
  path: unknown,
  f: () => E.Either<ReadonlyArray<Issue>, A>,
): E.Either<ReadonlyArray<Issue>, A> => {
  try {
    return f();
  } catch {
    return E.left([
      issue(
        code,
        { expected, received: 'an unreadable value' },
        typeof path === 'string' ? path : null,
      ),
    ]);
  }
};

/**
 * Designs a volume A/B test: decodes `config`, fills the defaults (`policy.abTest`: 14 days,
 * confidence 0.95, power 0.80, effect 0.10; no secondary metrics, no dates, `draft`) and, when
 * `minSampleSize` is left out or 0, computes it by the power analysis (`abTestMinSampleSize`:
 * 1,570 per group at the defaults); a given non-zero `minSampleSize` is kept.
 *
 * Errors (`Left`, every problem collected, one `invalid_ab_test` issue each, path under
 * `config`): a missing or empty `testId`, `hypothesis` or `primaryMetric`; a confidence or power
 * not in (0, 1); an effect <= 0; a duration or sample size that is not a whole number in range;
 * a date that is not `YYYY-MM-DD`, or an `endDate` before `startDate`; an unknown status; an
 * arm configuration with an unknown key or a value out of range; any unknown key. Never throws.
 *
 * @param config - the test (`VolumeAbTestConfig`).
 * @param policy - a resolved policy (`resolvePolicy`), for the `abTest` defaults.
 * @returns `Right` with the frozen `VolumeAbTest`.
 *
 * @example
 * designVolumeAbTest({ testId: 't', hypothesis: 'h', controlConfig: {}, treatmentConfig: { monthlyCampaigns: 15 }, primaryMetric: 'monthly_revenue' })
 * // Right({ ..., minSampleSize: 1570, durationDays: 14, status: 'draft' })
 * designVolumeAbTest({ ...config, confidenceLevel: 1 })
 * // Left([config.confidenceLevel: expected number in (0, 1), got 1])
 *
 * Source: 000 task 3.7 `VolumeABTest` (`__post_init__`, `_calculate_min_sample_size`).
 *
 * @since 0.3.0
 * @category analytics
 */
export const designVolumeAbTest = (
  config: VolumeAbTestConfig,
  policy: SchedulePolicy = DEFAULT_POLICY,
): E.Either<ReadonlyArray<Issue>, VolumeAbTest> => {
  const decoded = decodeAs(VolumeAbTestConfigC, config, 'config', 'invalid_ab_test');
  if (E.isLeft(decoded)) return decoded;
  const c = decoded.right as VolumeAbTestConfig;
  const order = dateOrderIssues(c.startDate, c.endDate, 'config', 'invalid_ab_test');
  if (order.length > 0) return E.left(order);
  try {
    return E.right(designFrom(c, policy));
  } catch {
    return E.left([unreadablePolicy()]);
  }
};

const seedTest = (c: VolumeAbTestConfig): VolumeAbTest => designFrom(c, DEFAULT_POLICY);

/**
 * The seed's three example tests, deep-frozen, keyed by test id: bump ratio 2x vs 3x (effect
 * 0.10, 14 days: 1,570 per group), uniform vs performance-based weekday distribution (0.15, 21
 * days: 698), 5 vs 15 campaigns a month (0.25, 30 days: 252). Their configurations are the
 * seed's in camelCase (`bump_to_ppv_ratio` -> `bumpToPpvRatio`).
 *
 * @example
 * VOLUME_AB_TESTS.campaign_frequency_high_vs_standard.controlConfig // { monthlyCampaigns: 5 }
 *
 * Source: 000 task 3.7 `VOLUME_AB_TESTS`.
 *
 * @since 0.3.0
 * @category analytics
 */
export const VOLUME_AB_TESTS: Readonly<
  Record<
    | 'bump_ratio_2x_vs_3x'
    | 'dow_distribution_uniform_vs_weighted'
    | 'campaign_frequency_high_vs_standard',
    VolumeAbTest
  >
> = deepFreeze({
  bump_ratio_2x_vs_3x: seedTest({
    testId: 'bump_ratio_2x_vs_3x',
    hypothesis: '3x bump ratio increases daily revenue by 10% compared to 2x',
    controlConfig: { bumpToPpvRatio: 2.0 },
    treatmentConfig: { bumpToPpvRatio: 3.0 },
    primaryMetric: 'daily_revenue',
    secondaryMetrics: ['view_rate', 'unsubscribe_rate', 'engagement_rate'],
    minimumDetectableEffect: 0.1,
    durationDays: 14,
  }),
  dow_distribution_uniform_vs_weighted: seedTest({
    testId: 'dow_distribution_uniform_vs_weighted',
    hypothesis: 'DOW-weighted distribution improves weekly revenue by 15%',
    controlConfig: { dowWeighting: 'uniform' },
    treatmentConfig: { dowWeighting: 'performance_based' },
    primaryMetric: 'weekly_revenue',
    secondaryMetrics: ['message_fatigue_score', 'weekend_engagement'],
    minimumDetectableEffect: 0.15,
    durationDays: 21,
  }),
  campaign_frequency_high_vs_standard: seedTest({
    testId: 'campaign_frequency_high_vs_standard',
    hypothesis: 'Increasing campaigns from 5/month to 15/month improves revenue by 25%',
    controlConfig: { monthlyCampaigns: 5 },
    treatmentConfig: { monthlyCampaigns: 15 },
    primaryMetric: 'monthly_revenue',
    secondaryMetrics: ['campaign_fatigue', 'unsubscribe_rate'],
    minimumDetectableEffect: 0.25,
    durationDays: 30,
  }),
});

// ---------------------------------------------------------------------------- completion

/**
 * The answer of `validateTestCompletion`: the seed's result in camelCase, with every field in
 * both cases.
 *
 * - `isSufficient`: both groups have at least `minRequired` (= `test.minSampleSize`) observations.
 * - `shortfallControl`, `shortfallTreatment`: observations missing per group (0 when enough).
 * - `additionalDays`: the seed's `max(shortfalls) // 10 + 1` (`policy.abTest.observationsPerDay`),
 *   0 when sufficient.
 * - `message`: the issue's message (`Test has sufficient data (...)`, `Insufficient data. Need N
 *   more observations.`); `recommendation`: `Proceed with statistical analysis` or `Continue test
 *   for ~D more days`.
 * - `issue`: `ab_test_sufficient` (info) or `ab_test_insufficient` (warning).
 *
 * @example
 * const r = validateTestCompletion(VOLUME_AB_TESTS.bump_ratio_2x_vs_3x, 1570, 1600);
 * // Right({ isSufficient: true, recommendation: 'Proceed with statistical analysis', ... })
 *
 * Source: 000 task 3.7 `validate_test_completion`.
 *
 * @since 0.3.0
 * @category analytics
 */
export interface TestCompletion {
  /** Whether both groups have at least `minRequired` observations. */
  readonly isSufficient: boolean;
  /** Observations of the control group. */
  readonly controlN: number;
  /** Observations of the treatment group. */
  readonly treatmentN: number;
  /** Observations each group needs (`test.minSampleSize`). */
  readonly minRequired: number;
  /** Observations the control group still lacks (0 when enough). */
  readonly shortfallControl: number;
  /** Observations the treatment group still lacks (0 when enough). */
  readonly shortfallTreatment: number;
  /** Days more: the seed's `max(shortfalls) // 10 + 1` (`policy.abTest.observationsPerDay`), 0 when sufficient. */
  readonly additionalDays: number;
  /** The issue's message (`Test has sufficient data (...)`, `Insufficient data. Need N more observations.`). */
  readonly message: string;
  /** `Proceed with statistical analysis` or `Continue test for ~D more days`. */
  readonly recommendation: string;
  /** `ab_test_sufficient` (info) or `ab_test_insufficient` (warning). */
  readonly issue: IssueOf<'ab_test_sufficient'> | IssueOf<'ab_test_insufficient'>;
}

const CountC = wholeIn(0, Number.MAX_SAFE_INTEGER);

/**
 * Whether a test has enough data for its analysis: both groups at least `test.minSampleSize`
 * observations. When not, the shortfalls, their sum in the message, and the days more to run,
 * as the seed computes them: `floor(max(shortfallControl, shortfallTreatment) / 10) + 1` (10 =
 * `policy.abTest.observationsPerDay`).
 *
 * Errors (`Left`, one `invalid_ab_test` issue each): `test` not a designed test (`VolumeAbTestC`,
 * path `test...`), a count that is not a whole number >= 0 (`controlN`, `treatmentN`). Never
 * throws.
 *
 * @param test - a designed test (`designVolumeAbTest`, `VOLUME_AB_TESTS`).
 * @param controlN - observations in the control group.
 * @param treatmentN - observations in the treatment group.
 *
 * @example
 * validateTestCompletion(VOLUME_AB_TESTS.bump_ratio_2x_vs_3x, 1000, 1600)
 * // Right({ isSufficient: false, shortfallControl: 570, shortfallTreatment: 0, additionalDays: 58,
 * //   message: 'Insufficient data. Need 570 more observations.', recommendation: 'Continue test for ~58 more days', ... })
 *
 * Source: 000 task 3.7 `validate_test_completion`.
 *
 * @since 0.3.0
 * @category analytics
 */
export const validateTestCompletion = (
  test: VolumeAbTest,
  controlN: number,
  treatmentN: number,
  policy: SchedulePolicy = DEFAULT_POLICY,
): E.Either<ReadonlyArray<Issue>, TestCompletion> => {
  const decodedTest = decodeAs(VolumeAbTestC, test, 'test', 'invalid_ab_test');
  const c = decodeAs(CountC, controlN, 'controlN', 'invalid_ab_test');
  const n = decodeAs(CountC, treatmentN, 'treatmentN', 'invalid_ab_test');
  const problems = [
    ...(E.isLeft(decodedTest) ? decodedTest.left : []),
    ...(E.isLeft(c) ? c.left : []),
    ...(E.isLeft(n) ? n.left : []),
  ];
  if (E.isLeft(decodedTest) || E.isLeft(c) || E.isLeft(n)) return E.left(problems);
  let perDay: number;
  try {
    perDay = policy.abTest.observationsPerDay;
  } catch {
    return E.left([unreadablePolicy()]);
  }
  if (!(Number.isInteger(perDay) && perDay >= 1)) return E.left([unreadablePolicy()]);
  const testId = decodedTest.right.testId;
  const minRequired = decodedTest.right.minSampleSize;
  const [cn, tn] = [c.right, n.right];
  if (cn >= minRequired && tn >= minRequired) {
    const found = issue('ab_test_sufficient', {
      testId,
      controlN: cn,
      treatmentN: tn,
      minRequired,
    });
    return E.right({
      isSufficient: true,
      controlN: cn,
      treatmentN: tn,
      minRequired,
      shortfallControl: 0,
      shortfallTreatment: 0,
      additionalDays: 0,
      message: found.message,
      recommendation: 'Proceed with statistical analysis',
      issue: found,
    });
  }
  const shortfallControl = Math.max(0, minRequired - cn);
  const shortfallTreatment = Math.max(0, minRequired - tn);
  const additionalDays = Math.floor(Math.max(shortfallControl, shortfallTreatment) / perDay) + 1;
  const found = issue('ab_test_insufficient', {
    testId,
    controlN: cn,
    treatmentN: tn,
    minRequired,
    shortfallControl,
    shortfallTreatment,
    additionalDays,
  });
  return E.right({
    isSufficient: false,
    controlN: cn,
    treatmentN: tn,
    minRequired,
    shortfallControl,
    shortfallTreatment,
    additionalDays,
    message: found.message,
    recommendation: `Continue test for ~${additionalDays} more days`,
    issue: found,
  });
};

// ---------------------------------------------------------------------------- assignment

/** Hex digits of the hash read: 52 bits, exact in a double. */
const BUCKET_HEX_DIGITS = 13;

/**
 * The creator's bucket of a test, a number in [0, 1): the first 52 bits of the SHA-256 of the
 * JSON array `[testId, creatorId]` over 2^52. The same pair always gives the same bucket, on
 * every run and platform; different tests give independent buckets.
 *
 * @example
 * abArmBucket('bump_ratio_2x_vs_3x', 'creator_a') // the same number on every call, in [0, 1)
 *
 * Source: 000 task 3.7 (control and treatment groups); issue 8 (a hash of test id and creator).
 *
 * @since 0.3.0
 * @category analytics
 */
export const abArmBucket = (testId: string, creatorId: string): number =>
  Number.parseInt(sha256Hex(JSON.stringify([testId, creatorId])).slice(0, BUCKET_HEX_DIGITS), 16) /
  2 ** (4 * BUCKET_HEX_DIGITS);

/**
 * The arm of a creator in a test: `treatment` when `abArmBucket(testId, creatorId) <
 * treatmentShare`, else `control`. Deterministic (no clock, no `Math.random`); raising the share
 * only moves creators from control to treatment. A share of 0 puts everyone in control, 1
 * everyone in treatment (below 0 and `NaN` act as 0, above 1 as 1).
 *
 * @param treatmentShare - share of creators in treatment, 0-1 (default
 *   `policy.abTest.treatmentShare`, 0.5).
 *
 * @example
 * assignAbArm('bump_ratio_2x_vs_3x', 'creator_a')      // always the same arm
 * assignAbArm('bump_ratio_2x_vs_3x', 'creator_a', 0)   // 'control'
 *
 * Source: 000 task 3.7; issue 8 (deterministic assignment, hash of test id and creator).
 *
 * @since 0.3.0
 * @category analytics
 */
export const assignAbArm = (
  testId: string,
  creatorId: string,
  treatmentShare: number = DEFAULT_POLICY.abTest.treatmentShare,
): AbArm => (abArmBucket(testId, creatorId) < treatmentShare ? 'treatment' : 'control');

// ---------------------------------------------------------------------------- arms as policy

const isPlain = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/** `over` laid over `base`: objects merged key by key, anything else (arrays too) replaced. */
const overlay = (base: unknown, over: unknown): unknown => {
  if (over === undefined) return base;
  if (!isPlain(base) || !isPlain(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const k of Object.keys(over)) out[k] = overlay(base[k], over[k]);
  return out;
};

const round2 = (x: number): number => Math.round(x * 100) / 100;
/** Float slack so 10 x 24 / 24 stays 10 under floor and ceil. */
const SLACK = 1e-9;
const clampInt = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Every matrix row's bumps a day: the ratio times the tier's MMPPV range, rounded. */
const bumpRowsFor = (ratio: number, matrix: SchedulePolicy['matrix']): PolicyOverrides => {
  const row = (tier: keyof SchedulePolicy['matrix']['mmppvs']) => {
    const [lo, hi] = matrix.mmppvs[tier];
    return [Math.round(ratio * lo), Math.round(ratio * hi)] as const;
  };
  const bySubType = (rows: Readonly<Record<string, unknown>>) =>
    Object.fromEntries(
      Object.keys(rows).map((tier) => [tier, row(tier as keyof typeof matrix.mmppvs)]),
    );
  const bumps = Object.fromEntries(
    Object.entries(matrix.bumps).map(([page, subTypes]) => [
      page,
      Object.fromEntries(
        Object.entries(subTypes).map(([sub, rows]) => [
          sub,
          bySubType(rows as Readonly<Record<string, unknown>>),
        ]),
      ),
    ]),
  );
  return { matrix: { bumps } } as PolicyOverrides;
};

/** The campaign cadence scaled to `perMonth` campaigns a month (docs/rulings.md "A/B tests"). */
const campaignsFor = (
  perMonth: number,
  campaigns: SchedulePolicy['campaigns'],
  path: string,
): E.Either<ReadonlyArray<Issue>, PolicyOverrides> => {
  const planned = CAMPAIGN_TYPES.reduce((s, type) => s + campaigns.rules[type].plannedPerMonth, 0);
  if (!(planned > 0))
    return E.left([
      issue(
        'invalid_ab_test',
        {
          expected: 'a policy with planned campaigns to scale (campaigns.rules.*.plannedPerMonth)',
          received: showReceived(perMonth),
        },
        path,
      ),
    ]);
  const f = perMonth / planned;
  const rules = Object.fromEntries(
    CAMPAIGN_TYPES.map((type) => {
      const r = campaigns.rules[type];
      const minDays = clampInt(Math.round(r.minDaysBetween / f), 1, 366);
      const maxDays = clampInt(Math.round(r.maxDaysBetween / f), minDays, 366);
      const lo = Math.floor(r.monthlyTarget[0] * f + SLACK);
      const hi = Math.max(lo, Math.ceil(r.monthlyTarget[1] * f - SLACK));
      return [
        type,
        {
          minDaysBetween: minDays,
          maxDaysBetween: maxDays,
          monthlyTarget: [lo, hi] as const,
          plannedPerMonth: round2(r.plannedPerMonth * f),
        },
      ];
    }),
  );
  return E.right({
    campaigns: { rules, minPerMonth: round2(campaigns.minPerMonth * f) },
  } as PolicyOverrides);
};

/**
 * The policy overrides of one arm over `base` (the caller's resolved policy), per key
 * (docs/rulings.md "A/B tests"):
 *
 * - `bumpToPpvRatio` r: every row of the page-type matrix (`matrix.bumps`, every page type,
 *   sub-type and tier) becomes `[round(r x min), round(r x max)]` of its tier's MMPPV range
 *   (`matrix.mmppvs`, unchanged), so the matrix's bump : PPV ratio is r and the engagement quota
 *   and the ratio check follow it (the 001 bounds still clip, as for the default matrix).
 * - `dowWeighting`: `uniform` clamps the weekday multipliers to `[1, 1]`
 *   (`volume.dowMultiplierClamp`), so every day gets the daily total; `performance_based` is the
 *   policy's own weighting (no override).
 * - `monthlyCampaigns` N: the campaign cadence (`campaigns`) scaled by `f = N / P`, P the
 *   policy's planned campaigns a month (12 + 5 + 4 + 3 = 24 by default): per type
 *   `plannedPerMonth x f` (so the arm plans N a month), `monthlyTarget` `[floor(lo x f),
 *   ceil(hi x f)]`, days between `round(days / f)` (1-366), and the total's floor `minPerMonth x
 *   f` (14 x 5 / 24 = 2.92 for 5 a month), to 2 decimals. The validator then checks the arm's
 *   week against these targets (RULINGS "A/B arms"). N = P leaves the cadence as it is.
 * - `policy`: the arm's raw overrides; the keys above scale what it sets, and it wins over them
 *   leaf by leaf.
 *
 * `{}` gives `{}` (the holdout arm). Errors (`Left`, `invalid_ab_test` at `<path>.<key>`): a
 * policy without planned campaigns to scale. The result is checked when resolved
 * (`resolvePolicy` over `base`: `abArmPolicy`).
 *
 * @param config - a decoded arm configuration.
 * @param base - the policy the arm is laid over (default `DEFAULT_POLICY`).
 * @param path - where the configuration sits, for issue paths.
 *
 * @example
 * abArmOverrides({ dowWeighting: 'uniform' }) // Right({ volume: { dowMultiplierClamp: [1, 1] } })
 * abArmOverrides({ bumpToPpvRatio: 2 })       // Right({ matrix: { bumps: { nude: { gfe: { low: [4, 6], mid: [8, 12], ... } } } } })
 *
 * Source: 000 task 3.7 configs; RULINGS "A/B arms"; docs/rulings.md "A/B tests".
 *
 * @since 0.3.0
 * @category analytics
 */
export const abArmOverrides = (
  config: AbArmConfig,
  base: SchedulePolicy = DEFAULT_POLICY,
  path = 'config',
): E.Either<ReadonlyArray<Issue>, PolicyOverrides> =>
  guarded('invalid_ab_test', 'a decoded arm configuration and a resolved policy', path, () =>
    armOverrides(config, base, path),
  );

const armOverrides = (
  config: AbArmConfig,
  base: SchedulePolicy,
  path: string,
): E.Either<ReadonlyArray<Issue>, PolicyOverrides> => {
  const within = (
    config.policy === undefined ? base : overlay(base, config.policy)
  ) as SchedulePolicy;
  let out: unknown = {};
  if (config.bumpToPpvRatio !== undefined)
    out = overlay(out, bumpRowsFor(config.bumpToPpvRatio, within.matrix));
  if (config.dowWeighting === 'uniform')
    out = overlay(out, { volume: { dowMultiplierClamp: [1, 1] } });
  if (config.monthlyCampaigns !== undefined) {
    const scaled = campaignsFor(
      config.monthlyCampaigns,
      within.campaigns,
      `${path}.monthlyCampaigns`,
    );
    if (E.isLeft(scaled)) return scaled;
    out = overlay(out, scaled.right);
  }
  if (config.policy !== undefined) out = overlay(out, config.policy);
  return E.right(deepFreeze(out) as PolicyOverrides);
};

/**
 * The resolved policy of one arm: `abArmOverrides(config, base)` laid over `base` and checked by
 * `resolvePolicy` (ranges and invariants). Errors (`Left`): those of `abArmOverrides`, and the
 * `invalid_policy` issues of the merged policy (e.g. a caller's MMPPV range whose bumps leave the
 * matrix's 0-50 a day).
 *
 * @example
 * abArmPolicy({ monthlyCampaigns: 5 }) // Right(policy with campaigns.minPerMonth 2.92)
 *
 * Source: 000 task 3.7; RULINGS "A/B arms" (an arm's configuration is its policy).
 *
 * @since 0.3.0
 * @category analytics
 */
export const abArmPolicy = (
  config: AbArmConfig,
  base: SchedulePolicy = DEFAULT_POLICY,
  path = 'config',
): E.Either<ReadonlyArray<Issue>, SchedulePolicy> => {
  const overrides = abArmOverrides(config, base, path);
  if (E.isLeft(overrides)) return overrides;
  return guarded('invalid_ab_test', 'a resolved policy (resolvePolicy)', 'policy', () =>
    resolvePolicy(overlay(base, overrides.right)),
  );
};

/**
 * Decodes an experiment (`inputs.experiment`): `AbExperimentC` and the order of the test's
 * dates. Errors (`Left`): one `invalid_input` issue per failing path under `rootPath`. Never
 * throws.
 *
 * @example
 * decodeAbExperiment({ test: VOLUME_AB_TESTS.bump_ratio_2x_vs_3x, treatmentShare: 2 })
 * // Left([inputs.experiment.treatmentShare: expected number in 0..1, got 2])
 *
 * Source: 000 task 3.7; STYLE io-ts boundary.
 *
 * @since 0.3.0
 * @category analytics
 */
export const decodeAbExperiment = (
  value: unknown,
  rootPath = 'inputs.experiment',
): E.Either<ReadonlyArray<Issue>, AbExperiment> =>
  guarded('invalid_input', 'an experiment', rootPath, () => {
    const decoded = decodeAs(AbExperimentC, value, rootPath, 'invalid_input');
    if (E.isLeft(decoded)) return decoded;
    const { startDate, endDate } = decoded.right.test;
    const order = dateOrderIssues(startDate, endDate, `${rootPath}.test`, 'invalid_input');
    return order.length > 0 ? E.left(order) : decoded;
  });

/**
 * A creator's arm of an experiment and the policy it builds with: the arm from `assignAbArm`
 * (the experiment's `treatmentShare`, else `base.abTest.treatmentShare`), the policy from
 * `abArmPolicy` of that arm's configuration over `base`. This is what `buildSchedule` does with
 * `inputs.experiment`; a holdout group is a test whose control arm is `{}` (the caller's policy).
 * Errors (`Left`): those of `abArmPolicy`, paths under `<rootPath>.test.<arm>Config`.
 *
 * @param experiment - a decoded experiment (`decodeAbExperiment`).
 * @param creatorId - the creator being built.
 * @param base - the caller's resolved policy.
 *
 * @example
 * applyAbExperiment({ test: VOLUME_AB_TESTS.campaign_frequency_high_vs_standard }, 'c1', DEFAULT_POLICY)
 * // Right({ assignment: { testId: 'campaign_frequency_high_vs_standard', arm: ... }, policy })
 *
 * Source: 000 task 3.7; RULINGS "A/B arms".
 *
 * @since 0.3.0
 * @category analytics
 */
export const applyAbExperiment = (
  experiment: AbExperiment,
  creatorId: string,
  base: SchedulePolicy = DEFAULT_POLICY,
  rootPath = 'inputs.experiment',
): E.Either<
  ReadonlyArray<Issue>,
  {
    /** The creator's arm of the test. */
    readonly assignment: AbAssignment;
    /** The policy of that arm: its configuration laid over `base`, resolved. */
    readonly policy: SchedulePolicy;
  }
> =>
  guarded('invalid_input', 'a decoded experiment and a resolved policy', rootPath, () => {
    const { test } = experiment;
    const arm = assignAbArm(
      test.testId,
      creatorId,
      experiment.treatmentShare ?? base.abTest.treatmentShare,
    );
    const policy = abArmPolicy(
      arm === 'control' ? test.controlConfig : test.treatmentConfig,
      base,
      `${rootPath}.test.${arm}Config`,
    );
    return E.isLeft(policy)
      ? policy
      : E.right({ assignment: { testId: test.testId, arm }, policy: policy.right });
  });
