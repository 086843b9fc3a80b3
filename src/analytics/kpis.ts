/**
 * The eight dashboard KPIs of seed 000 task 3.8, one pure function each over plain records,
 * with the seed's target and alert threshold and a status. `computeDashboardKpis`
 * (`./dashboard`) reads built weeks and their outcomes into these records and computes all
 * eight from one set.
 *
 * Status (docs/rulings.md "KPIs"): a value that meets the target is `ok`; one beyond the alert
 * threshold is `alert`; anything between, and a value that cannot be computed (`null`), is
 * `watch`. The comparisons are the seed's, strict where it writes `<` or `>`, inclusive where
 * it writes `>=`; the numbers are `policy.kpis`.
 *
 * Source: seed 000 task 3.8 "Volume Optimization Dashboard Metrics" (the KPI table and the SQL
 * views `v_campaign_frequency_adherence`, `v_volume_prediction_accuracy`,
 * `v_bump_ratio_compliance`).
 *
 * @module
 */
import { coefficientOfVariation, mean } from 'simple-statistics';
import { campaignGapFinding } from '../campaigns/frequency';
import {
  type CampaignType,
  type GameType,
  isCampaignType,
  isGameType,
  type PageType,
  SEND_TYPE_KEYS,
  type SendTypeKey,
} from '../domain/catalog';
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import { daysBetween, isIsoDate } from '../domain/time';
import { meanAbsolutePercentageError } from '../records/views';
import { validateBumpRatio } from '../validation/bumpRatio';
import {
  validateWeeklyLimits,
  WEEKLY_LIMITS,
  type WeeklyLimitItem,
  type WeeklyLimits,
} from '../validation/weeklyLimits';
import type { PageTypeConfig } from '../volume/volumeTargets';
import {
  GAME_BENCHMARKS,
  type GameBenchmark,
  type GamePerformance,
  getGameRecommendations,
} from './gameTracker';

/**
 * The eight KPIs, in the order of the seed's table: the seed's metric names in camelCase.
 * Frozen.
 *
 * Source: 000 task 3.8 KPI table (`campaign_frequency_adherence` ... `bayesian_estimate_accuracy`).
 *
 * @example
 * KPI_METRICS[0] // 'campaignFrequencyAdherence'
 *
 * @since 0.3.0
 * @category analytics
 */
export const KPI_METRICS = Object.freeze([
  'campaignFrequencyAdherence', // 000 task 3.8 campaign_frequency_adherence
  'bumpRatioCompliance', // 000 task 3.8 bump_ratio_compliance
  'volumePredictionMape', // 000 task 3.8 volume_prediction_mape
  'traitRecommendationLift', // 000 task 3.8 trait_recommendation_lift
  'followupLimitUtilization', // 000 task 3.8 followup_limit_utilization
  'weeklyLimitViolations', // 000 task 3.8 weekly_limit_violations
  'gameTypeRevenueVariance', // 000 task 3.8 game_type_revenue_variance
  'bayesianEstimateAccuracy', // 000 task 3.8 bayesian_estimate_accuracy
] as const);

/**
 * One of the eight KPIs of `KPI_METRICS`.
 *
 * Source: 000 task 3.8.
 *
 * @example
 * const m: KpiMetric = 'bumpRatioCompliance';
 *
 * @since 0.3.0
 * @category analytics
 */
export type KpiMetric = (typeof KPI_METRICS)[number];

/**
 * The unit of a KPI value: `%` (percent, 25 = 25 %), `count`, or `ratio` (a plain number).
 *
 * Source: 000 task 3.8 (the formulas' `* 100`, `COUNT`, `STDDEV / AVG`).
 *
 * @example
 * const u: KpiUnit = '%';
 *
 * @since 0.3.0
 * @category analytics
 */
export type KpiUnit = '%' | 'count' | 'ratio';

/**
 * A KPI's status: `ok` (meets its target), `watch` (between target and alert threshold, or
 * not computable), `alert` (beyond its alert threshold).
 *
 * Source: 000 task 3.8 (Target, Alert Threshold columns); docs/rulings.md "KPIs".
 *
 * @example
 * const s: KpiStatus = 'watch';
 *
 * @since 0.3.0
 * @category analytics
 */
export type KpiStatus = 'ok' | 'watch' | 'alert';

/**
 * A comparison a KPI value is held against: `{ op: '>=', value: 90 }` reads "value >= 90";
 * `between` holds both ends (`75 <= value <= 100`). Values are in the KPI's unit.
 *
 * Source: 000 task 3.8 (Target and Alert Threshold columns: `>= 90%`, `< 75%`, `75-100%`).
 *
 * @example
 * const c: KpiComparison = { op: 'between', value: [75, 100] };
 *
 * @since 0.3.0
 * @category analytics
 */
export type KpiComparison =
  | {
      /** The operator: the KPI value is held as `value <op> this.value`. */
      readonly op: '>=' | '>' | '<' | '<=';
      /** The bound, in the KPI's unit. */
      readonly value: number;
    }
  | {
      /** Both ends inclusive: `value[0] <= KPI value <= value[1]`. */
      readonly op: 'between';
      /** The lower and upper bound, in the KPI's unit. */
      readonly value: readonly [number, number];
    };

/**
 * Why a KPI value is `null`:
 *
 * - `no_campaigns`, `no_days`, `no_weeks`: nothing to count;
 * - `no_measured_predictions`: no measured prediction with a known, non-zero actual;
 * - `no_trait_sends`, `no_baseline_sends`: one side of the lift has no send; `zero_baseline`:
 *   the baseline earns 0 USD a send;
 * - `no_followup_capacity`: `policy.followups.maxPerDay` is 0 (nothing to divide by);
 * - `too_few_games`: fewer than 2 game results (a sample standard deviation needs 2);
 *   `zero_mean_earnings`: the games earn 0 USD on average;
 * - `no_game_actuals`: no game result with earnings above 0 (the accuracy divides by them);
 * - `not_finite`: the arithmetic overflowed;
 * - `input_unreadable`: `computeDashboardKpis` could not read its input at all.
 *
 * Source: 000 task 3.8 (`NULLIF(actual, 0)`); docs/rulings.md "KPIs".
 *
 * @example
 * const r: KpiNullReason = 'too_few_games';
 *
 * @since 0.3.0
 * @category analytics
 */
export type KpiNullReason =
  | 'no_campaigns'
  | 'no_days'
  | 'no_weeks'
  | 'no_measured_predictions'
  | 'no_trait_sends'
  | 'no_baseline_sends'
  | 'zero_baseline'
  | 'no_followup_capacity'
  | 'too_few_games'
  | 'zero_mean_earnings'
  | 'no_game_actuals'
  | 'not_finite'
  | 'input_unreadable';

/**
 * One KPI as the dashboard shows it.
 *
 * - `metric`: the seed's name in camelCase (`KpiMetric`).
 * - `value`: in `unit`; `null` when it cannot be computed, and then `reason` says why (else
 *   `reason` is `null`).
 * - `target`, `alertThreshold`: the comparisons of `policy.kpis` (`kpiThresholds`).
 * - `status`: `kpiStatus` of the value.
 * - `basis`: how many records the value is over (campaigns, days, predictions, sends, weeks,
 *   games); `skipped`: records left out because they could not be read.
 *
 * Source: 000 task 3.8 KPI table.
 *
 * @example
 * // { metric: 'weeklyLimitViolations', value: 0, reason: null, unit: 'count',
 * //   target: { op: '<=', value: 0 }, alertThreshold: { op: '>', value: 0 }, status: 'ok', basis: 4, skipped: 0 }
 *
 * @since 0.3.0
 * @category analytics
 */
export interface KpiResult {
  /** The KPI, the seed's metric name in camelCase. */
  readonly metric: KpiMetric;
  /** The KPI value in `unit`; `null` when it cannot be computed (`reason` says why). */
  readonly value: number | null;
  /** Why `value` is `null`; `null` when there is a value. */
  readonly reason: KpiNullReason | null;
  /** The unit of `value` (`KPI_UNITS[metric]`). */
  readonly unit: KpiUnit;
  /** The comparison a value must meet to be `ok` (from `policy.kpis`). */
  readonly target: KpiComparison;
  /** The comparison a value that meets is `alert` (from `policy.kpis`). */
  readonly alertThreshold: KpiComparison;
  /** `kpiStatus` of the value: `ok`, `watch` (also when `null`) or `alert`. */
  readonly status: KpiStatus;
  /** How many records the value is over (campaigns, days, predictions, sends, weeks or games). */
  readonly basis: number;
  /** How many input records were left out because they could not be read. */
  readonly skipped: number;
}

/**
 * The unit of each KPI. Frozen.
 *
 * Source: 000 task 3.8 (percentages `* 100`, `COUNT(violations)`, `STDDEV / AVG`).
 *
 * @example
 * KPI_UNITS.gameTypeRevenueVariance // 'ratio'
 *
 * @since 0.3.0
 * @category analytics
 */
export const KPI_UNITS: Readonly<Record<KpiMetric, KpiUnit>> = Object.freeze({
  campaignFrequencyAdherence: '%', // 000 task 3.8 `* 100`
  bumpRatioCompliance: '%', // 000 task 3.8 `* 100`
  volumePredictionMape: '%', // 000 task 3.8 `* 100`
  traitRecommendationLift: '%', // 000 task 3.8 `* 100`
  followupLimitUtilization: '%', // 000 task 3.8 `* 100`
  weeklyLimitViolations: 'count', // 000 task 3.8 `COUNT(violations)`
  gameTypeRevenueVariance: 'ratio', // 000 task 3.8 `STDDEV(earnings) / AVG(earnings)`
  bayesianEstimateAccuracy: '%', // 000 task 3.8 target "> 85%"
});

/**
 * The target and alert threshold of a KPI, read from `policy.kpis` (defaults: the seed's
 * table): adherence `>= 90` / `< 75`, bump ratio `>= 85` / `< 70`, MAPE `< 15` / `> 25`, trait
 * lift `> 20` / `< 5`, follow-up utilization `between 75-100` / `< 50`, weekly limit
 * violations `<= 0` / `> 0`, game revenue variance `< 0.5` / `> 0.75`, Bayesian accuracy
 * `> 85` / `< 70`. Never throws.
 *
 * Source: 000 task 3.8 KPI table (Target, Alert Threshold).
 *
 * @param metric - one of `KPI_METRICS`.
 * @param policy - reads `policy.kpis` (default `DEFAULT_POLICY`).
 *
 * @example
 * kpiThresholds('volumePredictionMape') // { target: { op: '<', value: 15 }, alertThreshold: { op: '>', value: 25 } }
 *
 * @since 0.3.0
 * @category analytics
 */
export const kpiThresholds = (
  metric: KpiMetric,
  policy: SchedulePolicy = DEFAULT_POLICY,
): {
  /** The comparison a value must meet to be `ok`. */
  readonly target: KpiComparison;
  /** The comparison a value that meets is `alert`. */
  readonly alertThreshold: KpiComparison;
} => {
  const k = policy.kpis;
  switch (metric) {
    case 'campaignFrequencyAdherence':
    case 'bumpRatioCompliance':
      return {
        target: { op: '>=', value: k[metric].targetAtLeast },
        alertThreshold: { op: '<', value: k[metric].alertBelow },
      };
    case 'volumePredictionMape':
    case 'gameTypeRevenueVariance':
      return {
        target: { op: '<', value: k[metric].targetBelow },
        alertThreshold: { op: '>', value: k[metric].alertAbove },
      };
    case 'traitRecommendationLift':
    case 'bayesianEstimateAccuracy':
      return {
        target: { op: '>', value: k[metric].targetAbove },
        alertThreshold: { op: '<', value: k[metric].alertBelow },
      };
    case 'followupLimitUtilization':
      return {
        target: { op: 'between', value: k.followupLimitUtilization.targetRange },
        alertThreshold: { op: '<', value: k.followupLimitUtilization.alertBelow },
      };
    case 'weeklyLimitViolations':
      return {
        target: { op: '<=', value: k.weeklyLimitViolations.targetAtMost },
        alertThreshold: { op: '>', value: k.weeklyLimitViolations.alertAbove },
      };
  }
};

const meets = (value: number, c: KpiComparison): boolean => {
  switch (c.op) {
    case '>=':
      return value >= c.value;
    case '>':
      return value > c.value;
    case '<':
      return value < c.value;
    case '<=':
      return value <= c.value;
    case 'between':
      return value >= c.value[0] && value <= c.value[1];
  }
};

/**
 * The status of a KPI value: `ok` when it meets the target, else `alert` when it meets the
 * alert threshold, else `watch`; `null` (not computable) is `watch`. Follow-up utilization
 * above 100 % (more follow-ups than the limiter allows) misses its 75-100 target without
 * reaching its alert, so it is `watch`. Never throws.
 *
 * Source: 000 task 3.8 KPI table; docs/rulings.md "KPIs".
 *
 * @param metric - one of `KPI_METRICS`.
 * @param value - the KPI value in its unit, or `null`.
 * @param policy - reads `policy.kpis` (default `DEFAULT_POLICY`).
 *
 * @example
 * kpiStatus('campaignFrequencyAdherence', 90) // 'ok'
 * kpiStatus('campaignFrequencyAdherence', 74.9) // 'alert'
 * kpiStatus('volumePredictionMape', 25) // 'watch'
 *
 * @since 0.3.0
 * @category analytics
 */
export const kpiStatus = (
  metric: KpiMetric,
  value: number | null,
  policy: SchedulePolicy = DEFAULT_POLICY,
): KpiStatus => {
  if (value === null || !Number.isFinite(value)) return 'watch';
  const { target, alertThreshold } = kpiThresholds(metric, policy);
  return meets(value, target) ? 'ok' : meets(value, alertThreshold) ? 'alert' : 'watch';
};

/** The result of a KPI; a value that is not finite becomes `null` with `not_finite`. */
const resultOf = (
  metric: KpiMetric,
  computed: number | KpiNullReason,
  basis: number,
  skipped: number,
  policy: SchedulePolicy,
): KpiResult => {
  const value = typeof computed === 'number' && Number.isFinite(computed) ? computed + 0 : null;
  const reason: KpiNullReason | null =
    value !== null ? null : typeof computed === 'string' ? computed : 'not_finite';
  return {
    metric,
    value,
    reason,
    unit: KPI_UNITS[metric],
    ...kpiThresholds(metric, policy),
    status: kpiStatus(metric, value, policy),
    basis,
    skipped,
  };
};

/**
 * The KPI of `metric` with `value` `null` for `reason`, counted over nothing.
 *
 * Source: 000 task 3.8.
 *
 * @example
 * notComputableKpi('bumpRatioCompliance', 'no_days').status // 'watch'
 *
 * @since 0.3.0
 * @category analytics
 */
export const notComputableKpi = (
  metric: KpiMetric,
  reason: KpiNullReason,
  policy: SchedulePolicy = DEFAULT_POLICY,
): KpiResult => resultOf(metric, reason, 0, 0, policy);

// ---------------------------------------------------------------------------------------------
// Reading plain records: anything a caller passes, never a throw
// ---------------------------------------------------------------------------------------------

/** The rows of `u` when it is a readable array, else `null` (a revoked Proxy, a throwing getter). */
const listOf = (u: unknown): ReadonlyArray<unknown> | null => {
  try {
    return Array.isArray(u) ? Array.from(u as ArrayLike<unknown>) : null;
  } catch {
    return null;
  }
};

/** The rows of `u`, none when it is not a readable array. */
const rowsOf = (u: unknown): ReadonlyArray<unknown> => listOf(u) ?? [];

/** The fields of a plain record, or `null` when it is not one or cannot be read. */
const fieldsOf = (u: unknown, keys: ReadonlyArray<string>): Record<string, unknown> | null => {
  try {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return null;
    const out: Record<string, unknown> = {};
    for (const k of keys) out[k] = (u as Record<string, unknown>)[k];
    return out;
  } catch {
    return null;
  }
};

const isText = (u: unknown): u is string => typeof u === 'string' && u.trim().length > 0;
const isFiniteNumber = (u: unknown): u is number => typeof u === 'number' && Number.isFinite(u);
const isAmount = (u: unknown): u is number => isFiniteNumber(u) && u >= 0;
const isCount = (u: unknown): u is number => Number.isInteger(u) && (u as number) >= 0;
const isDate = (u: unknown): u is string => typeof u === 'string' && isIsoDate(u);
const isSendTypeKey = (u: unknown): u is SendTypeKey =>
  typeof u === 'string' && (SEND_TYPE_KEYS as ReadonlyArray<string>).includes(u);

// ---------------------------------------------------------------------------------------------
// 1. campaign_frequency_adherence
// ---------------------------------------------------------------------------------------------

/**
 * One campaign as the adherence KPI reads it: the creator, the campaign type (one of
 * `CAMPAIGN_TYPES`) and the local calendar date it was sent on (`YYYY-MM-DD`).
 *
 * Source: 000 task 3.8 `campaign_frequency_audit` (`creator_id`, `campaign_type`); 000 task 3.2
 * (`campaign_type`, `scheduled_time`).
 *
 * @example
 * const c: CampaignKpiRecord = { creatorId: 'c1', campaignType: 'spin_the_wheel_game', date: '2025-01-22' };
 *
 * @since 0.3.0
 * @category analytics
 */
export interface CampaignKpiRecord {
  /** The creator who sent the campaign; gaps are measured per creator and campaign type. */
  readonly creatorId: string;
  /** The campaign type, one of `CAMPAIGN_TYPES`; its frequency rule is `policy.campaigns.rules[type]`. */
  readonly campaignType: CampaignType;
  /** Local date `YYYY-MM-DD`. */
  readonly date: string;
}

/**
 * `campaign_frequency_adherence`: the percent of campaigns that meet their frequency rule,
 * `compliant / total x 100`.
 *
 * A campaign is compliant when the local calendar days from the previous campaign of its type
 * and creator lie within `[minDaysBetween, maxDaysBetween]` of `policy.campaigns.rules[type]`
 * (descriptive 2-3, bundle wall 5-7, spin the wheel 7-7, other games 7-14; RULINGS "spacing
 * unit"); the first campaign of a type and creator in the records has no previous one and is
 * compliant; two on one date are not (0 days). Records are the whole window: the caller picks
 * it (the seed's view reads 30 days). Unreadable records (no creator, a type outside
 * `CAMPAIGN_TYPES`, no date) are `skipped`. `null` (`no_campaigns`) without a campaign.
 *
 * Unit: percent (0-100). Source: 000 task 3.8 `v_campaign_frequency_adherence`; 000 task 3.2
 * `CAMPAIGN_FREQUENCY_RULES`.
 *
 * @param campaigns - `CampaignKpiRecord`s, in any order.
 * @param policy - reads `policy.campaigns.rules` and `policy.kpis` (default `DEFAULT_POLICY`).
 *
 * @example
 * campaignFrequencyAdherence([
 *   { creatorId: 'c1', campaignType: 'descriptive_wall_campaign', date: '2025-01-20' }, // first: compliant
 *   { creatorId: 'c1', campaignType: 'descriptive_wall_campaign', date: '2025-01-22' }, // 2 days: compliant
 *   { creatorId: 'c1', campaignType: 'descriptive_wall_campaign', date: '2025-01-23' }, // 1 day: not
 *   { creatorId: 'c1', campaignType: 'descriptive_wall_campaign', date: '2025-01-26' }, // 3 days: compliant
 * ]).value // 75
 *
 * @since 0.3.0
 * @category analytics
 */
export const campaignFrequencyAdherence = (
  campaigns: ReadonlyArray<CampaignKpiRecord>,
  policy: SchedulePolicy = DEFAULT_POLICY,
): KpiResult => {
  let skipped = 0;
  const groups = new Map<string, string[]>();
  for (const row of rowsOf(campaigns)) {
    const f = fieldsOf(row, ['creatorId', 'campaignType', 'date']);
    if (f === null || !isText(f.creatorId) || !isCampaignType(f.campaignType) || !isDate(f.date)) {
      skipped++;
      continue;
    }
    const key = JSON.stringify([f.creatorId, f.campaignType]);
    const dates = groups.get(key) ?? [];
    dates.push(f.date);
    groups.set(key, dates);
  }
  let total = 0;
  let compliant = 0;
  for (const [key, dates] of groups) {
    const type = (JSON.parse(key) as [string, CampaignType])[1];
    const rule = policy.campaigns.rules[type];
    const sorted = [...dates].sort();
    sorted.forEach((date, i) => {
      total++;
      if (i === 0) {
        compliant++;
        return;
      }
      if (campaignGapFinding(daysBetween(sorted[i - 1] as string, date), rule) === null)
        compliant++;
    });
  }
  return resultOf(
    'campaignFrequencyAdherence',
    total === 0 ? 'no_campaigns' : (compliant / total) * 100,
    total,
    skipped,
    policy,
  );
};

// ---------------------------------------------------------------------------------------------
// 2. bump_ratio_compliance
// ---------------------------------------------------------------------------------------------

/**
 * One schedule day as the bump-ratio KPI reads it: the day's items (`sendTypeKey`,
 * `isFollowUp`) and the creator's page-type configuration (`fanCount`, `contentPageType`,
 * `subType`, `pageType`; a `CreatorProfile` is one). `creatorId` and `date` name the day and
 * are not read.
 *
 * Source: 000 task 3.8 `daily_schedule_audit` (`schedule_date`, `ppv_count`, `bump_count`,
 * `expected_min_ratio`, `expected_max_ratio`).
 *
 * @example
 * const d: BumpRatioDay = { items, config: creator, creatorId: 'c1', date: '2025-01-20' };
 *
 * @since 0.3.0
 * @category analytics
 */
export interface BumpRatioDay {
  /** The day's schedule items (follow-ups included; they never count as PPVs or bumps). */
  readonly items: ReadonlyArray<{
    /** The item's send type key; one outside `SEND_TYPE_KEYS` makes the item `skipped`. */
    readonly sendTypeKey: string;
    /** `true` for a PPV follow-up. */
    readonly isFollowUp: boolean;
  }>;
  /** The creator's page-type configuration that picks the matrix range (a `CreatorProfile` is one). */
  readonly config: PageTypeConfig & {
    /** `paid` or `free` (default `paid`); on a free page `ppv_wall` also counts as a PPV. */
    readonly pageType?: PageType;
  };
  /** The creator the day belongs to; names the day, not read. */
  readonly creatorId?: string;
  /** Local date `YYYY-MM-DD`. */
  readonly date?: string;
}

/**
 * `bump_ratio_compliance`: the percent of days whose bump : PPV ratio is in the expected range,
 * `compliant_days / total_days x 100`.
 *
 * A day is compliant when it has at least one PPV and `validateBumpRatio` finds its ratio valid
 * (the page-type matrix range of the creator with the policy's 20 % tolerance; what counts as a
 * PPV and a bump: `BUMP_RATIO_SEND_TYPES`, follow-ups never). A day without PPVs is not
 * compliant, as the seed's view writes it (`WHEN ppv_count = 0 THEN 0`), even an empty day.
 * Unreadable days (no item list, a configuration the matrix cannot read) are `skipped`, and so
 * are unreadable items inside a day. `null` (`no_days`) without a day.
 *
 * Unit: percent (0-100). Source: 000 task 3.8 `v_bump_ratio_compliance`; 000 task 3.1
 * `validate_bump_ratio`.
 *
 * @param days - `BumpRatioDay`s.
 * @param policy - the matrix, tolerance and `policy.kpis` (default `DEFAULT_POLICY`).
 *
 * @example
 * // a low-tier porno/commercial day (range 1.67-4.0): 3 PPVs and 6 bumps, then 3 PPVs and 1 bump
 * bumpRatioCompliance([{ items: day1, config }, { items: day2, config }]).value // 50
 *
 * @since 0.3.0
 * @category analytics
 */
export const bumpRatioCompliance = (
  days: ReadonlyArray<BumpRatioDay>,
  policy: SchedulePolicy = DEFAULT_POLICY,
): KpiResult => {
  let skipped = 0;
  let total = 0;
  let compliant = 0;
  for (const row of rowsOf(days)) {
    const f = fieldsOf(row, ['items', 'config']);
    const rawItems = f === null ? null : listOf(f.items);
    if (f === null || rawItems === null) {
      skipped++;
      continue;
    }
    const items: Array<{ readonly sendTypeKey: SendTypeKey; readonly isFollowUp: boolean }> = [];
    for (const it of rawItems) {
      const i = fieldsOf(it, ['sendTypeKey', 'isFollowUp']);
      if (i === null || !isSendTypeKey(i.sendTypeKey) || typeof i.isFollowUp !== 'boolean') {
        skipped++;
        continue;
      }
      items.push({ sendTypeKey: i.sendTypeKey, isFollowUp: i.isFollowUp });
    }
    const c = fieldsOf(f.config, ['fanCount', 'contentPageType', 'subType', 'pageType']);
    if (c === null || !isAmount(c.fanCount)) {
      skipped++;
      continue;
    }
    let ok: boolean;
    try {
      const r = validateBumpRatio(
        items,
        c as unknown as PageTypeConfig & { readonly pageType?: PageType },
        policy,
      );
      ok = r.ppvCount > 0 && r.isValid;
    } catch {
      skipped++;
      continue;
    }
    total++;
    if (ok) compliant++;
  }
  return resultOf(
    'bumpRatioCompliance',
    total === 0 ? 'no_days' : (compliant / total) * 100,
    total,
    skipped,
    policy,
  );
};

// ---------------------------------------------------------------------------------------------
// 3. volume_prediction_mape
// ---------------------------------------------------------------------------------------------

/**
 * A volume prediction as the MAPE KPI reads it: the fields of a `VolumePredictionRecord`
 * (`recordOutcomes(...).volumePrediction`) it uses - revenue sends a day predicted and
 * actually sent, and whether the outcome was measured.
 *
 * Source: 000 task 3.8 `v_volume_prediction_accuracy` (`predicted_revenue_per_day`,
 * `actual_revenue_per_day`, `is_complete`); seed 004 `volume_predictions`.
 *
 * @example
 * const p: PredictionKpiRecord = { outcomeMeasured: true, predictedRevenuePerDay: 4, actualRevenuePerDay: 5 };
 *
 * @since 0.3.0
 * @category analytics
 */
export interface PredictionKpiRecord {
  /** `true` once the week's actual outcome was recorded; unmeasured predictions are not counted. */
  readonly outcomeMeasured: boolean;
  /** Revenue sends a day. */
  readonly predictedRevenuePerDay: number;
  /** Revenue sends a day, `null` until measured. */
  readonly actualRevenuePerDay: number | null;
}

/**
 * `volume_prediction_mape`: the mean absolute percentage error of the volume predictions,
 * `AVG(|predicted - actual| / actual) x 100` over every measured prediction (`outcomeMeasured`)
 * with a known actual, by `meanAbsolutePercentageError`; an actual of 0 is left out of the
 * average (`NULLIF(actual, 0)`). Predicted and actual are revenue sends a day, as the seed's
 * view compares them. One average over all the rows, not a mean of per-week means. Unreadable
 * records are `skipped`. `null` (`no_measured_predictions`) when no prediction counts.
 *
 * Unit: percent (>= 0, no upper bound). Source: 000 task 3.8 `volume_prediction_mape`,
 * `v_volume_prediction_accuracy`.
 *
 * @param predictions - `PredictionKpiRecord`s (a `VolumePredictionRecord` is one).
 * @param policy - reads `policy.kpis` (default `DEFAULT_POLICY`).
 *
 * @example
 * volumePredictionMape([
 *   { outcomeMeasured: true, predictedRevenuePerDay: 4, actualRevenuePerDay: 5 }, // 20 %
 *   { outcomeMeasured: true, predictedRevenuePerDay: 6, actualRevenuePerDay: 4 }, // 50 %
 * ]).value // 35
 *
 * @since 0.3.0
 * @category analytics
 */
export const volumePredictionMape = (
  predictions: ReadonlyArray<PredictionKpiRecord>,
  policy: SchedulePolicy = DEFAULT_POLICY,
): KpiResult => {
  let skipped = 0;
  const pairs: Array<{ readonly predicted: number; readonly actual: number }> = [];
  for (const row of rowsOf(predictions)) {
    const f = fieldsOf(row, ['outcomeMeasured', 'predictedRevenuePerDay', 'actualRevenuePerDay']);
    if (
      f === null ||
      typeof f.outcomeMeasured !== 'boolean' ||
      !isFiniteNumber(f.predictedRevenuePerDay) ||
      !(f.actualRevenuePerDay === null || isFiniteNumber(f.actualRevenuePerDay))
    ) {
      skipped++;
      continue;
    }
    if (f.outcomeMeasured && f.actualRevenuePerDay !== null && f.actualRevenuePerDay !== 0)
      pairs.push({ predicted: f.predictedRevenuePerDay, actual: f.actualRevenuePerDay });
  }
  const mape = meanAbsolutePercentageError(pairs);
  return resultOf(
    'volumePredictionMape',
    mape === null ? 'no_measured_predictions' : mape,
    pairs.length,
    skipped,
    policy,
  );
};

// ---------------------------------------------------------------------------------------------
// 4. trait_recommendation_lift
// ---------------------------------------------------------------------------------------------

/**
 * One revenue send with its outcome, for the trait lift: `traitRecommended` when the send
 * carries a trait the week's trait analysis recommended (see `computeDashboardKpis`), and the
 * USD it earned.
 *
 * Source: 000 task 3.8 `trait_recommendation_lift` (`trait_revenue`, `baseline_revenue`); 000
 * task 3.3 (the recommendations).
 *
 * @example
 * const s: TraitLiftSend = { traitRecommended: true, earnings: 140 };
 *
 * @since 0.3.0
 * @category analytics
 */
export interface TraitLiftSend {
  /** `true` when the send carries a trait the week's trait analysis recommended (else baseline). */
  readonly traitRecommended: boolean;
  /** USD. */
  readonly earnings: number;
}

/**
 * `trait_recommendation_lift`: the revenue lift of trait-recommended sends,
 * `(trait_revenue - baseline_revenue) / baseline_revenue x 100`, where `trait_revenue` is the
 * mean earnings (USD) of the sends with `traitRecommended` and `baseline_revenue` the mean
 * earnings of the others: revenue per send, since the two groups differ in size. Earnings must
 * be finite and >= 0, else the send is `skipped`. `null` without a trait send
 * (`no_trait_sends`), without a baseline send (`no_baseline_sends`) or with a baseline of 0 USD
 * (`zero_baseline`).
 *
 * Unit: percent (>= -100, no upper bound). Source: 000 task 3.8 `trait_recommendation_lift`.
 *
 * @param sends - `TraitLiftSend`s.
 * @param policy - reads `policy.kpis` (default `DEFAULT_POLICY`).
 *
 * @example
 * traitRecommendationLift([
 *   { traitRecommended: true, earnings: 130 }, { traitRecommended: true, earnings: 110 },
 *   { traitRecommended: false, earnings: 100 },
 * ]).value // (120 - 100) / 100 x 100 = 20
 *
 * @since 0.3.0
 * @category analytics
 */
export const traitRecommendationLift = (
  sends: ReadonlyArray<TraitLiftSend>,
  policy: SchedulePolicy = DEFAULT_POLICY,
): KpiResult => {
  let skipped = 0;
  const trait: number[] = [];
  const baseline: number[] = [];
  for (const row of rowsOf(sends)) {
    const f = fieldsOf(row, ['traitRecommended', 'earnings']);
    if (f === null || typeof f.traitRecommended !== 'boolean' || !isAmount(f.earnings)) {
      skipped++;
      continue;
    }
    (f.traitRecommended ? trait : baseline).push(f.earnings);
  }
  const basis = trait.length + baseline.length;
  if (trait.length === 0)
    return resultOf('traitRecommendationLift', 'no_trait_sends', basis, skipped, policy);
  if (baseline.length === 0)
    return resultOf('traitRecommendationLift', 'no_baseline_sends', basis, skipped, policy);
  const base = mean(baseline);
  if (base === 0)
    return resultOf('traitRecommendationLift', 'zero_baseline', basis, skipped, policy);
  return resultOf(
    'traitRecommendationLift',
    ((mean(trait) - base) / base) * 100,
    basis,
    skipped,
    policy,
  );
};

// ---------------------------------------------------------------------------------------------
// 5. followup_limit_utilization
// ---------------------------------------------------------------------------------------------

/**
 * One schedule day as the follow-up utilization reads it: the follow-ups that count against it
 * (the limiter counts a follow-up on its parent's local date). `creatorId` and `date` name the
 * day and are not read.
 *
 * Source: 000 task 3.8 `followup_limit_utilization` (`daily_followups`); 000 task 3.4.
 *
 * @example
 * const d: FollowupDay = { followups: 3, creatorId: 'c1', date: '2025-01-20' };
 *
 * @since 0.3.0
 * @category analytics
 */
export interface FollowupDay {
  /** Follow-ups counted against the day (an integer >= 0; on the parent's local date). */
  readonly followups: number;
  /** The creator the day belongs to; names the day, not read. */
  readonly creatorId?: string;
  /** Local date `YYYY-MM-DD`. */
  readonly date?: string;
}

/**
 * `followup_limit_utilization`: the percent of the daily follow-up capacity used,
 * `AVG(daily_followups / maxPerDay) x 100` over the days (a day without follow-ups counts
 * as 0), with `maxPerDay` = `policy.followups.maxPerDay` (4, 000 task 3.4). The limiter keeps a
 * day at or below the limit, so the value is at most 100 for schedules it built; more is
 * reported as it is (status `watch`). A count that is not an integer >= 0 is `skipped`. `null`
 * without a day (`no_days`) or with a limit of 0 (`no_followup_capacity`).
 *
 * Unit: percent (0-100 for limited schedules). Source: 000 task 3.8
 * `followup_limit_utilization`; 000 task 3.4 `MAX_FOLLOWUPS_PER_DAY`.
 *
 * @param days - `FollowupDay`s.
 * @param policy - reads `policy.followups.maxPerDay` and `policy.kpis` (default `DEFAULT_POLICY`).
 *
 * @example
 * followupLimitUtilization([{ followups: 4 }, { followups: 2 }, { followups: 3 }, { followups: 0 }]).value
 * // (1 + 0.5 + 0.75 + 0) / 4 x 100 = 56.25
 *
 * @since 0.3.0
 * @category analytics
 */
export const followupLimitUtilization = (
  days: ReadonlyArray<FollowupDay>,
  policy: SchedulePolicy = DEFAULT_POLICY,
): KpiResult => {
  let skipped = 0;
  const counts: number[] = [];
  for (const row of rowsOf(days)) {
    const f = fieldsOf(row, ['followups']);
    if (f === null || !isCount(f.followups)) {
      skipped++;
      continue;
    }
    counts.push(f.followups);
  }
  const max = policy.followups.maxPerDay;
  const computed: number | KpiNullReason =
    counts.length === 0
      ? 'no_days'
      : !(max > 0)
        ? 'no_followup_capacity'
        : mean(counts.map((n) => n / max)) * 100;
  return resultOf('followupLimitUtilization', computed, counts.length, skipped, policy);
};

// ---------------------------------------------------------------------------------------------
// 6. weekly_limit_violations
// ---------------------------------------------------------------------------------------------

/**
 * `weekly_limit_violations`: the count of weekly limit violations, `COUNT(violations)`: for each
 * week (one creator's items of one week), the warnings of `validateWeeklyLimits`, one per send
 * type over its limit (vip_program 1, snapchat_bundle 1 - the seed's two - and tip_goal 3 of
 * RULINGS "weekly caps"). Two VIP sends in a week are one violation; so are three. Items that
 * are not records with a send type are `skipped`, and so is a week that is not a list. `null`
 * without a week (`no_weeks`).
 *
 * Unit: count (an integer >= 0). Source: 000 task 3.8 `weekly_limit_violations`; 000 task 3.5
 * `validate_weekly_limits`.
 *
 * @param weeks - one list of items (`{ sendTypeKey }`) per creator week.
 * @param policy - reads `policy.kpis` (default `DEFAULT_POLICY`).
 * @param limits - the weekly limits (default `WEEKLY_LIMITS`).
 *
 * @example
 * weeklyLimitViolations([
 *   [{ sendTypeKey: 'vip_program' }, { sendTypeKey: 'vip_program' }], // 1 violation
 *   [{ sendTypeKey: 'snapchat_bundle' }],                              // none
 * ]).value // 1
 *
 * @since 0.3.0
 * @category analytics
 */
export const weeklyLimitViolations = (
  weeks: ReadonlyArray<ReadonlyArray<WeeklyLimitItem>>,
  policy: SchedulePolicy = DEFAULT_POLICY,
  limits: WeeklyLimits = WEEKLY_LIMITS,
): KpiResult => {
  let skipped = 0;
  let counted = 0;
  let violations = 0;
  for (const row of rowsOf(weeks)) {
    const week = listOf(row);
    if (week === null) {
      skipped++;
      continue;
    }
    const items: WeeklyLimitItem[] = [];
    for (const it of week) {
      const f = fieldsOf(it, ['sendTypeKey']);
      if (f === null || typeof f.sendTypeKey !== 'string') {
        skipped++;
        continue;
      }
      items.push({ sendTypeKey: f.sendTypeKey });
    }
    counted++;
    violations += validateWeeklyLimits(items, limits).warnings.length;
  }
  return resultOf(
    'weeklyLimitViolations',
    counted === 0 ? 'no_weeks' : violations,
    counted,
    skipped,
    policy,
  );
};

// ---------------------------------------------------------------------------------------------
// 7. game_type_revenue_variance
// ---------------------------------------------------------------------------------------------

/**
 * `game_type_revenue_variance`: the coefficient of variation of game earnings,
 * `STDDEV(earnings) / AVG(earnings)`, over every game result (USD per game post, all game
 * types together), with the *sample* standard deviation (n - 1; simple-statistics
 * `coefficientOfVariation`): the games are a sample of what the creators' games earn. Earnings
 * must be finite and >= 0, else the record is `skipped`. `null` with fewer than 2 games
 * (`too_few_games`) or a mean of 0 (`zero_mean_earnings`).
 *
 * Unit: ratio (>= 0). Source: 000 task 3.8 `game_type_revenue_variance`.
 *
 * @param games - game results (`{ earnings }`; a `GamePerformance` is one).
 * @param policy - reads `policy.kpis` (default `DEFAULT_POLICY`).
 *
 * @example
 * gameTypeRevenueVariance([{ earnings: 2000 }, { earnings: 4000 }, { earnings: 6000 }]).value
 * // sample sd 2000 / mean 4000 = 0.5
 *
 * @since 0.3.0
 * @category analytics
 */
export const gameTypeRevenueVariance = (
  games: ReadonlyArray<Pick<GamePerformance, 'earnings'>>,
  policy: SchedulePolicy = DEFAULT_POLICY,
): KpiResult => {
  let skipped = 0;
  const earnings: number[] = [];
  for (const row of rowsOf(games)) {
    const f = fieldsOf(row, ['earnings']);
    if (f === null || !isAmount(f.earnings)) {
      skipped++;
      continue;
    }
    earnings.push(f.earnings);
  }
  const computed: number | KpiNullReason =
    earnings.length < 2
      ? 'too_few_games'
      : mean(earnings) === 0
        ? 'zero_mean_earnings'
        : coefficientOfVariation(earnings);
  return resultOf('gameTypeRevenueVariance', computed, earnings.length, skipped, policy);
};

// ---------------------------------------------------------------------------------------------
// 8. bayesian_estimate_accuracy
// ---------------------------------------------------------------------------------------------

/**
 * Options of `bayesianEstimateAccuracy`: `history`, game results before the ones measured
 * (they feed the estimates, and are not measured); `benchmarks`, the priors (default
 * `GAME_BENCHMARKS`).
 *
 * Source: 000 task 3.6 (`performance_history`, `GAME_BENCHMARKS`).
 *
 * @example
 * const o: BayesianAccuracyOptions = { history: pastGames };
 *
 * @since 0.3.0
 * @category analytics
 */
export interface BayesianAccuracyOptions {
  /** Game results before the measured ones: they feed the estimates and are not measured (default none). */
  readonly history?: ReadonlyArray<GamePerformance>;
  /** The priors per game type (default `GAME_BENCHMARKS`, seed 000 task 3.6). */
  readonly benchmarks?: Readonly<Record<GameType, GameBenchmark>>;
}

interface ReadGame {
  readonly gameType: GameType;
  readonly earnings: number;
  readonly date: string;
  readonly creatorId: string;
}

const readGame = (u: unknown): ReadGame | null => {
  const f = fieldsOf(u, ['gameType', 'earnings', 'date', 'creatorId']);
  return f !== null &&
    isGameType(f.gameType) &&
    isAmount(f.earnings) &&
    isDate(f.date) &&
    isText(f.creatorId)
    ? { gameType: f.gameType, earnings: f.earnings, date: f.date, creatorId: f.creatorId }
    : null;
};

/**
 * The Bayesian estimate (USD) the game tracker held for a game before it ran: the posterior
 * mean of `getGameRecommendations` over `prior` (the creator's games before it) for the game's
 * type, or the type's benchmark average when `prior` holds none of that type (a posterior with
 * no observation is the prior).
 *
 * Source: 000 task 3.6 `get_recommendations` (`bayesian_estimates[type]['posterior_mean']`).
 *
 * @param gameType - the game's type.
 * @param prior - the creator's game results before the game (`GamePerformance`, USD).
 * @param benchmarks - the priors (default `GAME_BENCHMARKS`).
 * @param policy - passed to `getGameRecommendations` (default `DEFAULT_POLICY`).
 *
 * @example
 * gameEstimateBefore('spin_the_wheel', []) // 5178.5
 * gameEstimateBefore('spin_the_wheel', [{ gameType: 'spin_the_wheel', earnings: 5000, date: '2025-01-20', creatorId: 'c1' }])
 * // (5178.5 x 45 + 5000) / 46
 *
 * @since 0.3.0
 * @category analytics
 */
export const gameEstimateBefore = (
  gameType: GameType,
  prior: ReadonlyArray<GamePerformance>,
  benchmarks: Readonly<Record<GameType, GameBenchmark>> = GAME_BENCHMARKS,
  policy: SchedulePolicy = DEFAULT_POLICY,
): number =>
  getGameRecommendations(prior, benchmarks, policy).bayesianEstimates[gameType]?.posteriorMean ??
  benchmarks[gameType].avgEarnings;

/**
 * `bayesian_estimate_accuracy`: how close the game tracker's Bayesian estimates came to what the
 * games earned, `(1 - AVG(|estimate - actual| / actual)) x 100`.
 *
 * For each game result (`GamePerformance`) the estimate is `gameEstimateBefore` over the same
 * creator's results on earlier local dates (from `options.history` and `games` itself; games of
 * the same date are not each other's history), the actual its earnings (USD). A game that
 * earned 0 is left out of the average (`NULLIF`). Unreadable records (a game type outside
 * `GAME_TYPES`, earnings not finite >= 0, no date, no creator) are `skipped`, in `games` and in
 * `history`. The seed's formula has no lower bound: estimates off by more than the actuals give
 * a negative value, reported as it is. `null` (`no_game_actuals`) without a game that earned
 * more than 0.
 *
 * Unit: percent (at most 100). Source: 000 task 3.8 `bayesian_estimate_accuracy`; 000 task 3.6
 * `get_recommendations`.
 *
 * @param games - the game results measured.
 * @param policy - reads `policy.games` and `policy.kpis` (default `DEFAULT_POLICY`).
 * @param options - `history`, `benchmarks` (`BayesianAccuracyOptions`).
 *
 * @example
 * bayesianEstimateAccuracy([
 *   { gameType: 'spin_the_wheel', earnings: 5000, date: '2025-01-20', creatorId: 'c1' }, // estimate 5178.5
 * ]).value // (1 - 178.5 / 5000) x 100 = 96.43
 *
 * @since 0.3.0
 * @category analytics
 */
export const bayesianEstimateAccuracy = (
  games: ReadonlyArray<GamePerformance>,
  policy: SchedulePolicy = DEFAULT_POLICY,
  options: BayesianAccuracyOptions = {},
): KpiResult => {
  let skipped = 0;
  const read = (rows: unknown): ReadGame[] =>
    rowsOf(rows).flatMap((u) => {
      const g = readGame(u);
      if (g === null) skipped++;
      return g === null ? [] : [g];
    });
  const o = fieldsOf(options, ['history', 'benchmarks']) ?? {};
  const measured = read(games);
  const history = o.history === undefined ? [] : read(o.history);
  const benchmarks = (o.benchmarks ?? GAME_BENCHMARKS) as Readonly<Record<GameType, GameBenchmark>>;
  const all = [...history, ...measured];
  const errors: number[] = [];
  for (const g of measured) {
    if (g.earnings === 0) continue;
    const prior = all.filter((h) => h.creatorId === g.creatorId && h.date < g.date);
    let estimate: number;
    try {
      estimate = gameEstimateBefore(g.gameType, prior, benchmarks, policy);
    } catch {
      // benchmarks without a readable row for the game's type
      skipped++;
      continue;
    }
    errors.push(Math.abs(estimate - g.earnings) / g.earnings);
  }
  return resultOf(
    'bayesianEstimateAccuracy',
    errors.length === 0 ? 'no_game_actuals' : (1 - mean(errors)) * 100,
    errors.length,
    skipped,
    policy,
  );
};
