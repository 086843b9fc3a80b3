/**
 * Dynamic volume: tier quotas adjusted by saturation, opportunity and revenue trend.
 * Source: seed 002 "Dynamic Adjustments"; RULINGS "Volume".
 *
 * @module
 */
import type { PageType } from '../domain/catalog';
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import { applyLearningSignal, type MultiplierKind } from './learning';
import { getVolumeTier } from './tiers';
import type { VolumeConfig, VolumeDataSource } from './types';

/**
 * What `calculateDynamicVolume` needs.
 *
 * @since 0.1.0
 * @category volume
 */
export interface DynamicVolumeContext {
  /** The creator's fan count: picks the base tier (seed 002 "Fan Count Brackets"). */
  readonly fanCount: number;
  /** `paid` or `free`; a free page gets no retention sends. */
  readonly pageType: PageType;
  /** 0-100. */
  readonly saturationScore: number;
  /** 0-100. */
  readonly opportunityScore: number;
  /** Revenue change in percent, `null` when unknown. */
  readonly revenueTrendPercent: number | null;
  /** Where the scores came from (seed 002 "Data Sources Priority"); handed back in the result. */
  readonly dataSource: VolumeDataSource;
  /**
   * 0-1 confidence of the scores. Below `dampenBelowConfidence` (0.6) the saturation and
   * opportunity multipliers are damped toward 1 by `confidence / 0.6` (001 §1.2.1 module 3).
   * Omitted = fully trusted.
   */
  readonly confidenceScore?: number;
  /**
   * The learning signal (-1..1) of past adjustments per multiplier kind (`learningSignalsFor`):
   * a negative one pulls that kind's multiplier toward 1 by its size before the multipliers are
   * combined, a positive one leaves it (RULINGS "learning signal"). Omitted = no signal.
   */
  readonly learningSignals?: Readonly<Partial<Record<MultiplierKind, number>>>;
}

/**
 * What the learning signal of one multiplier kind did: the 002 rule's multiplier, the signal
 * (-1..1), and the multiplier used (equal to the rule's when the signal left it).
 *
 * Source: 004 `volume_adjustment_outcomes.learning_signal`; RULINGS "learning signal".
 *
 * @example
 * const p: LearningPull = { kind: 'saturation', signal: -0.5, ruleMultiplier: 0.7, multiplier: 0.85 };
 *
 * @since 0.2.0
 * @category volume
 */
export interface LearningPull {
  /** The multiplier kind the signal acted on. */
  readonly kind: MultiplierKind;
  /** The kind's learning signal, -1..1 (negative: past adjustments of the kind did worse). */
  readonly signal: number;
  /** The seed 002 rule's multiplier before the signal. */
  readonly ruleMultiplier: number;
  /** The multiplier used: pulled toward 1 by a negative signal, the rule's otherwise. */
  readonly multiplier: number;
}

/**
 * Result of `calculateDynamicVolume`.
 *
 * @since 0.1.0
 * @category volume
 */
export interface DynamicVolume {
  /** The base tier's daily quotas for the fan count (retention 0 on free pages). */
  readonly baseConfig: VolumeConfig;
  /** The daily quotas after multipliers, trend, rounding half up and the bounds. */
  readonly finalConfig: VolumeConfig;
  /** The 002 rule's saturation multiplier (before any learning pull). */
  readonly saturationMultiplier: number;
  /** The 002 rule's opportunity multiplier (before any learning pull). */
  readonly opportunityMultiplier: number;
  /** Each multiplier kind with a learning signal and a rule multiplier other than 1, in kind order. */
  readonly learningPulls: ReadonlyArray<LearningPull>;
  /** The combined multiplier applied after the learning pulls and confidence damping. */
  readonly appliedMultiplier: number;
  /** -1, 0 or +1 revenue send. */
  readonly trendAdjustment: number;
  /** Where the scores came from, as given. */
  readonly dataSource: VolumeDataSource;
  /** What was applied, in order (`saturation_x0.9`, `revenue_trend_+1`, `free_page_no_retention`, ...). */
  readonly adjustmentsApplied: ReadonlyArray<string>;
}

/** Round half up (002: "round half up"). */
export const roundHalfUp = (x: number): number => Math.floor(x + 0.5);

const clamp = (x: number, [lo, hi]: readonly [number, number]): number =>
  Math.min(hi, Math.max(lo, x));

/**
 * Daily quotas from fan count, page type and performance, per seed 002:
 * - saturation > 70: x0.7; 50-70: x0.9 (on revenue and engagement);
 * - opportunity > 70 with saturation < 50: x1.2; opportunity 60-70 with saturation < 30: x1.1;
 * - revenue trend strictly below -15 %: one revenue send less; strictly above +15 %: one more;
 * - a negative learning signal of a multiplier kind (`learningSignals`) pulls that multiplier
 *   toward 1 by its size (`applyLearningSignal`), a positive one leaves it; each pull is an
 *   adjustment `learning_pull_<kind>_x<multiplier>` (RULINGS "learning signal");
 * - below 0.6 confidence the combined multiplier is damped toward 1 by `confidence / 0.6`;
 * - round half up, then the bounds revenue 1-10, engagement 1-8, retention 0-4;
 * - free pages: retention 0.
 *
 * @example
 * calculateDynamicVolume({ fanCount: 12434, pageType: 'paid', saturationScore: 45,
 *   opportunityScore: 65, revenueTrendPercent: null, dataSource: 'volume_performance_tracking' })
 *   .finalConfig // { tier: 'high', revenuePerDay: 6, engagementPerDay: 5, retentionPerDay: 2 }
 *
 * @since 0.1.0
 * @category volume
 */
export const calculateDynamicVolume = (
  context: DynamicVolumeContext,
  policy: SchedulePolicy = DEFAULT_POLICY,
): DynamicVolume => {
  const v = policy.volume;
  const tier = getVolumeTier(context.fanCount, policy);
  const baseConfig: VolumeConfig = {
    tier: tier.tier,
    revenuePerDay: tier.revenuePerDay,
    engagementPerDay: tier.engagementPerDay,
    retentionPerDay: context.pageType === 'free' ? 0 : tier.retentionPerDay,
  };
  const adjustments: string[] = ['base_tier_calculation'];
  const sat = context.saturationScore;
  const opp = context.opportunityScore;
  const saturationMultiplier =
    sat > v.saturation.highAbove
      ? v.saturation.highMultiplier
      : sat >= v.saturation.mediumFrom
        ? v.saturation.mediumMultiplier
        : 1;
  const opportunityMultiplier =
    opp > v.opportunity.highAbove && sat < v.opportunity.highMaxSaturation
      ? v.opportunity.highMultiplier
      : opp >= v.opportunity.mediumFrom &&
          opp <= v.opportunity.highAbove &&
          sat < v.opportunity.mediumMaxSaturation
        ? v.opportunity.mediumMultiplier
        : 1;
  if (saturationMultiplier !== 1) adjustments.push(`saturation_x${saturationMultiplier}`);
  if (opportunityMultiplier !== 1) adjustments.push(`opportunity_x${opportunityMultiplier}`);
  // 004 learning signal, inside the 002 rule (RULINGS "learning signal").
  const learningPulls: LearningPull[] = [];
  const pulled = (kind: MultiplierKind, rule: number): number => {
    const signal = context.learningSignals?.[kind];
    if (rule === 1 || signal === undefined || !Number.isFinite(signal)) return rule;
    const multiplier = applyLearningSignal(rule, signal);
    learningPulls.push({
      kind,
      signal: Math.min(1, Math.max(-1, signal)),
      ruleMultiplier: rule,
      multiplier,
    });
    if (multiplier !== rule)
      adjustments.push(`learning_pull_${kind}_x${Math.round(multiplier * 1000) / 1000}`);
    return multiplier;
  };
  const satUsed = pulled('saturation', saturationMultiplier);
  const oppUsed = pulled('opportunity', opportunityMultiplier);
  const c = context.confidenceScore ?? 1;
  const damp = c < v.dampenBelowConfidence ? Math.max(0, c) / v.dampenBelowConfidence : 1;
  const raw = satUsed * oppUsed;
  const m = 1 + (raw - 1) * damp;
  if (damp < 1 && raw !== 1)
    adjustments.push(`confidence_dampening_x${Math.round(damp * 100) / 100}`);
  const trend = context.revenueTrendPercent;
  const t = v.revenueTrendThresholdPercent;
  const trendAdjustment = trend === null ? 0 : trend < -t ? -1 : trend > t ? 1 : 0;
  if (trendAdjustment !== 0) adjustments.push(`revenue_trend_${trendAdjustment > 0 ? '+1' : '-1'}`);
  if (context.pageType === 'free') adjustments.push('free_page_no_retention');
  const finalConfig: VolumeConfig = {
    tier: tier.tier,
    revenuePerDay: clamp(
      roundHalfUp(baseConfig.revenuePerDay * m) + trendAdjustment,
      v.bounds.revenue,
    ),
    engagementPerDay: clamp(roundHalfUp(baseConfig.engagementPerDay * m), v.bounds.engagement),
    retentionPerDay:
      context.pageType === 'free' ? 0 : clamp(baseConfig.retentionPerDay, v.bounds.retention),
  };
  return {
    baseConfig,
    finalConfig,
    saturationMultiplier,
    opportunityMultiplier,
    learningPulls,
    appliedMultiplier: m,
    trendAdjustment,
    dataSource: context.dataSource,
    adjustmentsApplied: adjustments,
  };
};
