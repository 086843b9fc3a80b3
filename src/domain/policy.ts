/**
 * The policy: every number the rules use, in one typed, documented table with its seed source.
 * A caller overrides any part through `resolvePolicy`, which also validates the result.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { SendTypeKey } from './catalog';
import { type Issue, issue } from './issues';

/**
 * Daily quotas of a volume tier. Source: seed 001 §1.2 table (RULINGS "Volume").
 *
 * @since 0.1.0
 * @category policy
 */
export interface TierRow {
  readonly tier: 'low' | 'mid' | 'high' | 'ultra';
  /** Smallest fan count of the tier. */
  readonly minFans: number;
  readonly revenuePerDay: number;
  readonly engagementPerDay: number;
  readonly retentionPerDay: number;
}

/** Strategy weights (001 §2.3). */
type StrategyWeights = Readonly<Record<string, number>>;

/**
 * The default policy. Each entry names its seed and section.
 *
 * @since 0.1.0
 * @category policy
 */
export const DEFAULT_POLICY = {
  volume: {
    /** 001 §1.2 table; tiers from all seeds (RULINGS "Volume"). */
    tiers: [
      { tier: 'low', minFans: 0, revenuePerDay: 3, engagementPerDay: 3, retentionPerDay: 1 },
      { tier: 'mid', minFans: 1000, revenuePerDay: 4, engagementPerDay: 4, retentionPerDay: 2 },
      { tier: 'high', minFans: 5000, revenuePerDay: 6, engagementPerDay: 5, retentionPerDay: 2 },
      { tier: 'ultra', minFans: 15000, revenuePerDay: 8, engagementPerDay: 6, retentionPerDay: 3 },
    ] as ReadonlyArray<TierRow>,
    /** 001 phase 1 checkpoint: revenue 1-10, engagement 1-8, retention 0-4 per day. */
    bounds: {
      revenue: [1, 10] as readonly [number, number],
      engagement: [1, 8] as readonly [number, number],
      retention: [0, 4] as readonly [number, number],
    },
    /** 002 "Dynamic Adjustments" 1: saturation > 70 x0.7; 50-70 x0.9. */
    saturation: { highAbove: 70, highMultiplier: 0.7, mediumFrom: 50, mediumMultiplier: 0.9 },
    /** 002 "Dynamic Adjustments" 2. */
    opportunity: {
      highAbove: 70,
      highMaxSaturation: 50,
      highMultiplier: 1.2,
      mediumFrom: 60,
      mediumMaxSaturation: 30,
      mediumMultiplier: 1.1,
    },
    /** 002 "Dynamic Adjustments" 3: strictly beyond +-15 % moves revenue by one send. */
    revenueTrendThresholdPercent: 15,
    /** 002 "Data Sources Priority" 3: neutral scores. */
    neutralScore: 50,
    /** 001 §1.2.1 DOW multipliers, clamped (RULINGS "weekly distribution"). */
    dowMultiplierClamp: [0.7, 1.3] as readonly [number, number],
    /** Confidence = n / (n + k) messages; k chosen so 156 messages give 0.86 (001 §1.2.1 example 0.85). */
    confidenceHalfMessages: 25,
    /** 001 §2.2: below this, quotas are damped toward the conservative quotas. */
    dampenBelowConfidence: 0.6,
    /** 001 §2.2: at or above this, quotas are trusted fully. */
    trustAboveConfidence: 0.8,
    /** 001 §2.2 "Apply 10% dampening" between 0.6 and 0.8. */
    moderateDampening: 0.1,
    /** 001 consumption rule 5: below this validation fails without a manual override. */
    failBelowConfidence: 0.3,
    /** 001 "Volume config degradation" level 3: the conservative quotas. */
    conservativeQuotas: { revenue: 3, engagement: 3, retention: 1 },
    /** 002 on-demand scores read the last 14 days of history. */
    scoreWindowDays: 14,
    /** Weekday multipliers read this many days of history (001 §1.2.1). */
    dowHistoryDays: 90,
  },
  elasticity: {
    /** Days of history read; the same window as the weekday multipliers (001 §1.2.1 module 4). */
    historyDays: 90,
    /** Issue 3: a volume level counts with at least 3 days. */
    minDaysPerLevel: 3,
    /** Issue 3: at least 3 volume levels before a fit is tried. */
    minLevels: 3,
    /** A fit is good enough from this R^2 (per-day revenue is noisy; see src/volume/elasticity.ts). */
    minRSquared: 0.3,
    /** Cap where the marginal revenue of one more PPV falls below this share of the mean revenue per PPV (calibrated on the real-data README "By PPVs per day"). */
    minMarginalShare: 0.4,
  },
  traits: {
    /** 000 task 3.3 `top_n`. */
    topN: 10,
    /** 000 task 3.3 `min_sample_for_confidence`. */
    minSampleForConfidence: 50,
    /** 000 task 3.3 `alpha`, Bonferroni-corrected over the trait families tested. */
    alpha: 0.05,
    /** 000 gap 4.1: 60 % of the top 10 share a trait. */
    threshold: 0.6,
    /** History records read for trait detection, days. */
    historyDays: 90,
  },
  allocation: {
    /** 001 §2.3 strategy weights by performance. */
    strategyWeights: {
      saturated: {
        revenue_focus: 0.1,
        engagement_burst: 0.3,
        balanced_standard: 0.2,
        variety_max: 0.2,
        storytelling: 0.2,
      } as StrategyWeights,
      opportunity: {
        revenue_focus: 0.3,
        engagement_burst: 0.1,
        balanced_standard: 0.2,
        variety_max: 0.2,
        storytelling: 0.2,
      } as StrategyWeights,
      balanced: {
        revenue_focus: 0.2,
        engagement_burst: 0.2,
        balanced_standard: 0.2,
        variety_max: 0.2,
        storytelling: 0.2,
      } as StrategyWeights,
    },
    /** 001 §2.3: saturation above this uses `saturated` weights; opportunity above uses `opportunity`. */
    strategySaturationAbove: 70,
    strategyOpportunityAbove: 70,
    /** 001 phase 2 checkpoint. */
    minStrategiesPerWeek: 3,
    minDistinctTypesPerWeek: 10,
    minRevenueTypesPerWeek: 5,
    minEngagementTypesPerWeek: 5,
    /** Multiplier on a strategy's boosted types (001 §2.5 `boost=`). */
    strategyBoost: 2.5,
    /** Base selection weight of each send type inside its category (001 §2.5 `type_weights`). */
    typeWeights: {
      ppv_unlock: 4,
      ppv_wall: 3,
      tip_goal: 1.2,
      vip_program: 0.6,
      game_post: 1.2,
      bundle: 1.5,
      flash_bundle: 1.0,
      snapchat_bundle: 0.6,
      first_to_tip: 1.0,
      link_drop: 1.0,
      wall_link_drop: 1.0,
      bump_normal: 2.5,
      bump_descriptive: 1.8,
      bump_text_only: 1.5,
      bump_flyer: 1.0,
      dm_farm: 1.2,
      like_farm: 0.8,
      live_promo: 0.7,
      renew_on_post: 1.0,
      renew_on_message: 1.0,
      ppv_followup: 0,
      expired_winback: 0.8,
    } as Readonly<Record<SendTypeKey, number>>,
    /** 001 "Opportunity-Based Prioritization": opportunity > 70. */
    highOpportunityPriority: {
      ppv_unlock: 1.5,
      bundle: 1.4,
      flash_bundle: 1.3,
      vip_program: 1.2,
    } as Readonly<Partial<Record<SendTypeKey, number>>>,
    /** 001 "Opportunity-Based Prioritization": opportunity < 40. */
    lowOpportunityPriority: {
      bump_normal: 1.3,
      bump_descriptive: 1.3,
      dm_farm: 1.2,
      link_drop: 1.1,
    } as Readonly<Partial<Record<SendTypeKey, number>>>,
    highOpportunityAbove: 70,
    lowOpportunityBelow: 40,
  },
  content: {
    /** 001 §3.0 scoring weights. */
    weights: {
      freshness: 0.4,
      performance: 0.35,
      typePriority: 0.15,
      diversity: 0.05,
      persona: 0.05,
    },
    /** 001 phase 3 recovery "caption_freshness_low": weights when the pool is stale. */
    degradedWeights: {
      freshness: 0.2,
      performance: 0.5,
      typePriority: 0.15,
      diversity: 0.1,
      persona: 0.05,
    },
    /** Average candidate freshness below which the degraded weights apply (001 "Low Caption Freshness"). */
    staleAverageFreshness: 50,
    /** RULINGS "freshness": a used caption recovers linearly to 100 over this many days. */
    freshnessRecoveryDays: 30,
    /** 001 phase 3 recovery degradation chain (thresholds on 0-100 scores). */
    degradationChain: [
      { minFreshness: 30, minPerformance: 40 },
      { minFreshness: 20, minPerformance: 30 },
      { minFreshness: 10, minPerformance: 20 },
      { minFreshness: 0, minPerformance: 0 },
    ] as ReadonlyArray<{ readonly minFreshness: number; readonly minPerformance: number }>,
    /** 001 §3.1 `limit = 10`. */
    candidateLimit: 10,
    /** Type-priority score of the primary and secondary caption type (001 §3.2 priorities 1, 2). */
    typePriorityScores: [100, 70] as ReadonlyArray<number>,
    /** Type-priority score of a generic caption of another type (001 §3.5 strategy 2). */
    genericTypePriorityScore: 40,
    /** Diversity score lost per use by any creator of the universal pool (RULINGS "freshness"). */
    diversityPenaltyPerGlobalUse: 5,
    /** Text of a slot no caption could fill (001 "Caption shortage" final fallback). */
    manualCaptionText: 'MANUAL_REQUIRED',
    /** 001 §3.4: below this a caption is reported as `low_freshness`. */
    lowFreshnessWarningBelow: 30,
    /** Captions per send type below which a caption-pool warning is raised (001 §1.2.1 module 7). */
    lowPoolThreshold: 3,
  },
  timing: {
    /** RULINGS "window": 08:00-23:30 local, in minutes after midnight. */
    windowStartMinute: 8 * 60,
    windowEndMinute: 23 * 60 + 30,
    /** RULINGS "spacing": target 45, then relax to 30, then 20 (001 phase 5 recovery). */
    spacingSteps: [45, 30, 20] as ReadonlyArray<number>,
    /** RULINGS "spacing": blocks of 4 hours from 00:00, at most 3 sends of a family each. */
    blockMinutes: 240,
    maxPerBlock: 3,
    /** 001 §5.5: no exact clock time more than twice a week. */
    maxClockTimeUsesPerWeek: 2,
    /** 003 task 2.6: jitter offset range in minutes. */
    jitterMin: -7,
    jitterMax: 8,
    /** 003 gap 10.7: minutes never scheduled. */
    roundMinutes: [0, 15, 30, 45] as ReadonlyArray<number>,
    /** 001 §5.3 preferred hours for engagement and retention. */
    engagementHours: [9, 10, 11, 14, 15, 16] as ReadonlyArray<number>,
    retentionHours: [16, 17, 18] as ReadonlyArray<number>,
    /** 001 §5.2 morning / evening shifts in minutes (even days: -15 / +20). */
    morningShiftMinutes: 15,
    eveningShiftMinutes: 20,
    /** 001 phase 1 recovery: generic timing when none is given. */
    defaultPeakHours: [19, 20, 21, 22] as ReadonlyArray<number>,
    defaultAvoidHours: [3, 4, 5, 6] as ReadonlyArray<number>,
    /** 001 §5.2 prime-hour rotation offsets by day index modulo 3. */
    primeHourRotation: [-1, 0, 1] as ReadonlyArray<number>,
  },
  followups: {
    /** RULINGS "Follow-ups" / 003 task 2.3: truncated normal on [15, 45], mean 28, sd 8. */
    minDelayMinutes: 15,
    maxDelayMinutes: 45,
    meanDelayMinutes: 28,
    sdDelayMinutes: 8,
    /** 000 gap 5.1. */
    maxPerDay: 4,
    /** 000 task 3.4 priority weights. */
    priorityWeights: { revenue: 0.5, recency: 0.3, engagement: 0.2 },
    /** 000 task 3.4: revenue normalised to this many USD, engagement to this rate. */
    revenueNormalizerUsd: 1000,
    engagementNormalizerRate: 0.2,
    /** RULINGS "late parents": the last minute of the day a follow-up may use, 23:59. */
    latestMinuteOfDay: 23 * 60 + 59,
  },
  validation: {
    /** RULINGS "score thresholds". */
    passScore: 85,
    reviewScore: 70,
    /** RULINGS "category balance" (allocated items only). */
    revenueMinShare: 0.3,
    engagementMinShare: 0.25,
    retentionMaxShare: 0.2,
    /** RULINGS "revenue / engagement mix": 60 % low tier, 50 % others, reported with tolerance. */
    revenueMixLowTier: 0.6,
    revenueMixOtherTiers: 0.5,
    revenueMixTolerance: 0.15,
    /** Score lost per error, and per warning by code (default `warningDeduction`). */
    errorDeduction: 20,
    warningDeduction: 2,
    warningDeductionsByCode: {
      low_confidence: 3,
      caption_pool_warning: 1,
      manual_caption_required: 2,
      duplicate_caption: 2,
      low_freshness: 1,
      category_balance: 4,
      revenue_mix: 1,
      spacing_relaxed: 1,
      item_moved_next_day: 2,
      item_dropped: 3,
      vault_missing: 2,
      late_night_followup: 1,
      followup_skipped: 1,
      divergence_detected: 1,
      elasticity_capped: 1,
      diversity_shortfall: 3,
      quota_unfilled: 1,
    } as Readonly<Record<string, number>>,
    /** Total warning deductions never exceed this, so warnings alone cannot fail a week. */
    maxWarningDeduction: 14,
  },
  pricing: {
    /** Default prices in USD per revenue send type; calibrated to the real-data README ($15-25 PPVs earn most). */
    defaultPrices: {
      ppv_unlock: 18,
      ppv_wall: 15,
      tip_goal: 50,
      vip_program: 200,
      game_post: 10,
      bundle: 30,
      flash_bundle: 22,
      snapchat_bundle: 35,
      first_to_tip: 25,
    } as Readonly<Partial<Record<SendTypeKey, number>>>,
    /** Prices never leave this range, USD. */
    minPrice: 3,
    maxPrice: 250,
  },
};

/**
 * The policy type: the shape of `DEFAULT_POLICY`.
 *
 * @since 0.1.0
 * @category policy
 */
export type SchedulePolicy = typeof DEFAULT_POLICY;

/**
 * A deep partial of the policy, for overrides.
 *
 * @since 0.1.0
 * @category policy
 */
export type PolicyOverrides = DeepPartial<SchedulePolicy>;

type DeepPartial<T> =
  T extends ReadonlyArray<unknown>
    ? T
    : T extends object
      ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
      : T;

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

const merge = (base: unknown, over: unknown): unknown => {
  if (over === undefined) return base;
  if (isPlainObject(base) && isPlainObject(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = merge(base[k], v);
    return out;
  }
  return over;
};

const sumsToOne = (w: Readonly<Record<string, number>>): boolean =>
  Math.abs(Object.values(w).reduce((a, b) => a + b, 0) - 1) < 1e-9;

/**
 * Merges overrides into the default policy and checks the result.
 *
 * Returns `Left` with one issue per violated invariant (weights that do not sum to 1, inverted
 * ranges, a window outside the day), each naming the policy path.
 *
 * @example
 * resolvePolicy({ followups: { maxPerDay: 3 } }) // Right(policy with 3 follow-ups a day)
 *
 * @since 0.1.0
 * @category policy
 */
export const resolvePolicy = (
  overrides: PolicyOverrides = {},
): E.Either<ReadonlyArray<Issue>, SchedulePolicy> => {
  const p = merge(DEFAULT_POLICY, overrides) as SchedulePolicy;
  const problems: Issue[] = [];
  const bad = (path: string, message: string) =>
    problems.push(issue('input', 'error', 'invalid_policy', message, {}, `policy.${path}`));
  if (!sumsToOne(p.content.weights)) bad('content.weights', 'expected weights summing to 1');
  if (!sumsToOne(p.content.degradedWeights))
    bad('content.degradedWeights', 'expected weights summing to 1');
  if (!sumsToOne(p.followups.priorityWeights))
    bad('followups.priorityWeights', 'expected weights summing to 1');
  const t = p.timing;
  if (
    !(
      t.windowStartMinute >= 0 &&
      t.windowStartMinute < t.windowEndMinute &&
      t.windowEndMinute < 24 * 60
    )
  )
    bad('timing.windowStartMinute', 'expected 0 <= windowStartMinute < windowEndMinute < 1440');
  if (t.jitterMin > t.jitterMax) bad('timing.jitterMin', 'expected jitterMin <= jitterMax');
  const f = p.followups;
  if (
    !(
      f.minDelayMinutes > 0 &&
      f.minDelayMinutes <= f.meanDelayMinutes &&
      f.meanDelayMinutes <= f.maxDelayMinutes
    )
  )
    bad('followups.minDelayMinutes', 'expected 0 < minDelay <= meanDelay <= maxDelay');
  if (!(f.sdDelayMinutes > 0))
    bad('followups.sdDelayMinutes', 'expected a positive standard deviation');
  if (!(f.maxPerDay >= 0)) bad('followups.maxPerDay', 'expected a count >= 0');
  const v = p.validation;
  if (!(v.reviewScore <= v.passScore))
    bad('validation.reviewScore', 'expected reviewScore <= passScore');
  for (const [cat, [lo, hi]] of Object.entries(p.volume.bounds))
    if (!(lo <= hi && lo >= 0)) bad(`volume.bounds.${cat}`, 'expected 0 <= min <= max');
  const tiers = p.volume.tiers;
  if (tiers.length === 0 || tiers[0]?.minFans !== 0)
    bad('volume.tiers', 'expected tiers starting at 0 fans');
  for (let i = 1; i < tiers.length; i++)
    if ((tiers[i]?.minFans ?? 0) <= (tiers[i - 1]?.minFans ?? 0))
      bad(`volume.tiers[${i}].minFans`, 'expected increasing fan thresholds');
  return problems.length > 0 ? E.left(problems) : E.right(p);
};
