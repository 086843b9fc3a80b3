/**
 * The shape of the policy, one documented interface per section: what each number means, its
 * unit, its default and its seed source. `DEFAULT_POLICY` (`./policy`) holds the values; the
 * codec there (`SchedulePolicyC`) holds the range of every leaf and is checked against these
 * interfaces by the compiler.
 *
 * @module
 */
import type { ElasticityPolicy } from '../volume/elasticity';
import type { CaptionType, SendTypeKey } from './catalog';
import type { ResiliencePolicy } from './resiliencePolicy';
import type { DailyRange, TierRanges, VolumeTier } from './stages';
import type { PpvStyle } from './types';

/**
 * Daily quotas of a volume tier: the fan count it starts at and the items per day of each
 * category. Source: seed 001 §1.2 table (RULINGS "Volume").
 *
 * @since 0.1.0
 * @category policy
 */
export interface TierRow {
  /** The tier this row describes (`low`, `mid`, `high`, `ultra`, in that order). */
  readonly tier: VolumeTier;
  /** Active fans from which a creator is in this tier (the first row starts at 0). */
  readonly minFans: number;
  /** Revenue items per day (PPVs, bundles, tip goals...); default 3 / 4 / 6 / 8 by tier. */
  readonly revenuePerDay: number;
  /** Engagement items per day (bumps, link drops, farms...); default 3 / 4 / 5 / 6 by tier. */
  readonly engagementPerDay: number;
  /** Retention items per day (renewals, win-backs); default 1 / 2 / 2 / 3 by tier. */
  readonly retentionPerDay: number;
}

/**
 * Items per day of each category (revenue, engagement, retention), whole numbers.
 * Source: seed 001 §1.2.
 *
 * @since 0.3.0
 * @category policy
 */
export interface CategoryQuotas {
  /** Revenue items per day. */
  readonly revenue: number;
  /** Engagement items per day. */
  readonly engagement: number;
  /** Retention items per day. */
  readonly retention: number;
}

/**
 * Weights of the three score horizons in the multi-horizon fusion, fractions summing to 1.
 * Source: seed 001 §1.2.1 module 2 "Multi-Horizon Fusion".
 *
 * @since 0.3.0
 * @category policy
 */
export type HorizonWeights = {
  /** Weight of the 7-day scores. */
  readonly '7d': number;
  /** Weight of the 14-day scores. */
  readonly '14d': number;
  /** Weight of the 30-day scores. */
  readonly '30d': number;
};

/**
 * Coefficients of an on-demand score (saturation or opportunity computed from message history):
 * score = 50 + the sum of each coefficient times its change over the two halves of the window
 * (each change in -1..1), then clamped to 0-100. Source: seed 002 `calculated_on_demand`
 * (RULINGS "scores from message history").
 *
 * @since 0.3.0
 * @category policy
 */
export interface OnDemandScoreCoefficients {
  /** Points per unit of relative change of revenue per send. */
  readonly revenuePerSend: number;
  /** Points per unit of change of the view rate (viewed / sent). */
  readonly viewRate: number;
  /** Points per unit of change of the purchase rate (purchased / viewed). */
  readonly purchaseRate: number;
  /** Points per unit of `cv - volatilityCenter`, cv the coefficient of variation of daily revenue. */
  readonly volatility: number;
}

/**
 * The volume section: fan-count tiers, the 002 score multipliers, confidence handling and the
 * weekday, fusion and content-weighting modules of seed 001 §1.2.1.
 *
 * @since 0.3.0
 * @category policy
 */
export interface VolumePolicy {
  /** The four tiers by fan count, in order. Source: 001 §1.2 table. */
  readonly tiers: ReadonlyArray<TierRow>;
  /**
   * Items per day each category is kept within, `[min, max]` (default revenue 1-10, engagement
   * 1-8, retention 0-4). Source: 001 phase 1 checkpoint.
   */
  readonly bounds: {
    /** Revenue items per day, `[min, max]`. */
    readonly revenue: DailyRange;
    /** Engagement items per day, `[min, max]`. */
    readonly engagement: DailyRange;
    /** Retention items per day, `[min, max]`. */
    readonly retention: DailyRange;
  };
  /** Saturation multipliers on revenue volume. Source: 002 "Dynamic Adjustments" 1. */
  readonly saturation: {
    /** Saturation score (0-100) strictly above which the high multiplier applies; default 70. */
    readonly highAbove: number;
    /** Multiplier on revenue items at high saturation; default 0.7. */
    readonly highMultiplier: number;
    /** Saturation score (0-100) from which the medium multiplier applies; default 50. */
    readonly mediumFrom: number;
    /** Multiplier on revenue items at medium saturation; default 0.9. */
    readonly mediumMultiplier: number;
  };
  /** Opportunity multipliers on revenue volume. Source: 002 "Dynamic Adjustments" 2. */
  readonly opportunity: {
    /** Opportunity score (0-100) strictly above which the high multiplier may apply; default 70. */
    readonly highAbove: number;
    /** The high multiplier applies only while saturation (0-100) is below this; default 50. */
    readonly highMaxSaturation: number;
    /** Multiplier on revenue items at high opportunity; default 1.2. */
    readonly highMultiplier: number;
    /** Opportunity score (0-100) from which the medium multiplier may apply; default 60. */
    readonly mediumFrom: number;
    /** The medium multiplier applies only while saturation (0-100) is below this; default 30. */
    readonly mediumMaxSaturation: number;
    /** Multiplier on revenue items at medium opportunity; default 1.1. */
    readonly mediumMultiplier: number;
  };
  /**
   * Revenue trend, percent: a trend strictly beyond plus or minus this moves revenue volume by one
   * send a day; default 15. Source: 002 "Dynamic Adjustments" 3.
   */
  readonly revenueTrendThresholdPercent: number;
  /** Saturation and opportunity score (0-100) assumed when none is known; default 50. Source: 002 "Data Sources Priority" 3. */
  readonly neutralScore: number;
  /** `[min, max]` clamp of the weekday (DOW) multipliers; default 0.7-1.3. Source: 001 §1.2.1 (RULINGS "weekly distribution"). */
  readonly dowMultiplierClamp: readonly [min: number, max: number];
  /**
   * `k` of the message-count confidence `n / (n + k)`, messages; default 25 (156 messages give
   * 0.86). Source: 001 §1.2.1 confidence example.
   */
  readonly confidenceHalfMessages: number;
  /** Confidence (0-1) below which quotas are damped toward `conservativeQuotas`; default 0.6. Source: 001 §2.2. */
  readonly dampenBelowConfidence: number;
  /** Confidence (0-1) from which quotas are trusted fully; default 0.8. Source: 001 §2.2. */
  readonly trustAboveConfidence: number;
  /** Dampening (0-1) between `dampenBelowConfidence` and `trustAboveConfidence`; default 0.1 ("apply 10 % dampening"). Source: 001 §2.2. */
  readonly moderateDampening: number;
  /** Confidence (0-1) below which validation fails unless the caller overrides it; default 0.3. Source: 001 consumption rule 5. */
  readonly failBelowConfidence: number;
  /**
   * The minimum safe quotas, items per day (default 3 / 3 / 1; retention 0 on free pages).
   * Source: 001 "Volume Configuration Degradation" level 3.
   */
  readonly conservativeQuotas: CategoryQuotas;
  /** The confidence (0-1) each fallback level sets. Source: 001 "Volume Configuration Degradation". */
  readonly degradation: {
    /** Level 1, optimisation failed and the base tier is used; default 0.6. */
    readonly baseTierConfidence: number;
    /** Level 2, the tier estimated from the fan count; default 0.5. */
    readonly fanCountEstimateConfidence: number;
    /** Level 3, no data and the minimum safe quotas; default 0.3. */
    readonly minimumSafeConfidence: number;
  };
  /** Days of message history the on-demand scores read; default 14. Source: 002 `calculated_on_demand`. */
  readonly scoreWindowDays: number;
  /** Days of history the weekday multipliers read; default 90. Source: 001 §1.2.1. */
  readonly dowHistoryDays: number;
  /** Multi-horizon fusion of the 7, 14 and 30-day scores. Source: 001 §1.2.1 module 2. */
  readonly fusion: {
    /** Horizon weights when the horizons agree; default 0.3 / 0.5 / 0.2. */
    readonly weights: HorizonWeights;
    /** Horizon weights when 7d and 30d diverge; default 0.5 / 0.35 / 0.15. */
    readonly divergentWeights: HorizonWeights;
    /** Score points (0-100) between 7d and 30d saturation or opportunity from which they diverge; default 15. */
    readonly divergencePoints: number;
  };
  /** Content weighting of the week's content types. Source: 001 §1.2.1 module 6. */
  readonly contentWeighting: {
    /**
     * Weight of a content type by its ranking tier (default TOP 3, MID 2, LOW 1, AVOID 0; an
     * AVOID type is never allocated). Source: 001 module 6 example, `get_content_type_rankings`.
     */
    readonly rankWeights: {
      /** Weight of a TOP content type. */
      readonly TOP: number;
      /** Weight of a MID content type. */
      readonly MID: number;
      /** Weight of a LOW content type. */
      readonly LOW: number;
      /** Weight of an AVOID content type (0: never allocated). */
      readonly AVOID: number;
    };
    /** Without rankings, the number of largest vault types weighted equally; default 6. Project choice (001 names "Equal weighting" without a count). */
    readonly equalWeightingMaxTypes: number;
  };
  /** Saturation and opportunity scores computed from history when no trends are tracked. Source: 002 `calculated_on_demand`. */
  readonly onDemandScores: {
    /** Coefficients of the saturation score. */
    readonly saturation: OnDemandScoreCoefficients;
    /** Coefficients of the opportunity score. */
    readonly opportunity: OnDemandScoreCoefficients;
    /** The coefficient of variation of daily revenue that counts as neither volatile nor steady; default 0.5. */
    readonly volatilityCenter: number;
    /** The coefficient of variation is clamped to `0..volatilityMax`; default 2. */
    readonly volatilityMax: number;
  };
}

/**
 * The bump ranges of one content page type: per sub-type (`personalized` reads `gfe`), a
 * `[min, max]` per day for each tier. Source: seed 000 task 3.1 `BUMP_MATRIX`.
 *
 * @since 0.3.0
 * @category policy
 */
export interface SubTypeTierRanges {
  /** Bumps per day of a GFE page (and of a personalized one), by tier. */
  readonly gfe: TierRanges;
  /** Bumps per day of a commercial page, by tier. */
  readonly commercial: TierRanges;
}

/**
 * The bump ranges of the page-type matrix by content page type. Source: seed 000 task 3.1
 * `BUMP_MATRIX`.
 *
 * @since 0.3.0
 * @category policy
 */
export interface BumpMatrix {
  /** Bumps per day of a nude page, by sub-type and tier. */
  readonly nude: SubTypeTierRanges;
  /** Bumps per day of a non-nude page, by sub-type and tier. */
  readonly non_nude: SubTypeTierRanges;
  /** Bumps per day of a porno page, by sub-type and tier (commercial low 5-8: 1.67x-4.0x). */
  readonly porno: SubTypeTierRanges;
}

/**
 * The page-type matrix section: bumps and mass-message PPVs per day by content page type,
 * sub-type and tier, and the tolerance of the bump ratio. Source: seed 000 task 3.1 (gap 3.2).
 *
 * @since 0.3.0
 * @category policy
 */
export interface MatrixPolicy {
  /** `BUMP_MATRIX`: bumps per day, `[min, max]`, by content page type, sub-type (`gfe`, `commercial`) and tier. */
  readonly bumps: BumpMatrix;
  /** `TIER_PPVS`: mass-message PPVs per day by tier, `[min, max]`. */
  readonly mmppvs: TierRanges;
  /** Tolerance of the bump-to-PPV ratio, a fraction (0.2 = 20 %: valid from 0.8 x min to 1.2 x max). Source: 000 `validate_bump_ratio`. */
  readonly ratioTolerance: number;
}

/**
 * The caption-trait analysis section (which traits the top captions share). Source: seed 000
 * task 3.3 and gap 4.1.
 *
 * @since 0.3.0
 * @category policy
 */
export interface TraitPolicy {
  /** Top performers analysed, captions; default 10 (`top_n`, "top 10"). */
  readonly topN: number;
  /** Records from which the analysis has `HIGH` statistical confidence; default 50 (`min_sample_for_confidence`). */
  readonly minSampleForConfidence: number;
  /** Significance level of the trait tests, Bonferroni-corrected over the trait families; default 0.05. */
  readonly alpha: number;
  /** Share (0-1) of the top performers that must have a trait for it to count as shared; default 0.6 (gap 4.1 "60 %+"). */
  readonly threshold: number;
  /** Days of history records read for trait detection; default 90 (the 90-day window of 001 §1.2.1). */
  readonly historyDays: number;
  /** The optimal caption length, in characters (Unicode code points), both ends included; default 250-449. */
  readonly optimalLength: {
    /** Shortest optimal caption, characters. */
    readonly minCharacters: number;
    /** Longest optimal caption, characters. */
    readonly maxCharacters: number;
  };
  /** Below this expected count in any cell, Fisher's exact test replaces chi-square; default 5. */
  readonly minCellForChiSquare: number;
  /** Tables within this relative probability count as "as extreme" in Fisher's test (as R `fisher.test`); default 1e-7. */
  readonly fisherRelativeTolerance: number;
  /** Expected lift multipliers of a recommended trait (gap 4.1 "+20-30 %"). */
  readonly multipliers: {
    /** Lift of the optimal length; default 1.25. */
    readonly optimalLength: number;
    /** Lift of the top content type; default 1.25. */
    readonly contentType: number;
    /** Lift of the top tone; default 1.2. */
    readonly tone: number;
  };
}

/**
 * Weights (fractions summing to 1) of the five daily strategies. Source: seed 001 §2.3.
 *
 * @since 0.3.0
 * @category policy
 */
export type StrategyWeights = {
  /** Weight of `revenue_focus` (PPV-heavy days). */
  readonly revenue_focus: number;
  /** Weight of `engagement_burst` (bump and engagement-heavy days). */
  readonly engagement_burst: number;
  /** Weight of `balanced_standard`. */
  readonly balanced_standard: number;
  /** Weight of `variety_max` (as many send types as possible). */
  readonly variety_max: number;
  /** Weight of `storytelling` (a narrative across the day's sends). */
  readonly storytelling: number;
};

/**
 * Base selection weight of each send type inside its category (a type with weight 0 is never
 * drawn). Source: seed 001 §2.5 `type_weights`.
 *
 * @since 0.3.0
 * @category policy
 */
export interface SendTypeWeights {
  /** Weight of `ppv_unlock`; default 4. */
  readonly ppv_unlock: number;
  /** Weight of `ppv_wall`; default 3. */
  readonly ppv_wall: number;
  /** Weight of `tip_goal`; default 1.2. */
  readonly tip_goal: number;
  /** Weight of `vip_program`; default 0.6. */
  readonly vip_program: number;
  /** Weight of `game_post`; default 1.2. */
  readonly game_post: number;
  /** Weight of `bundle`; default 1.5. */
  readonly bundle: number;
  /** Weight of `flash_bundle`; default 1. */
  readonly flash_bundle: number;
  /** Weight of `snapchat_bundle`; default 0.6. */
  readonly snapchat_bundle: number;
  /** Weight of `first_to_tip`; default 1. */
  readonly first_to_tip: number;
  /** Weight of `link_drop`; default 1. */
  readonly link_drop: number;
  /** Weight of `wall_link_drop`; default 1. */
  readonly wall_link_drop: number;
  /** Weight of `bump_normal`; default 2.5. */
  readonly bump_normal: number;
  /** Weight of `bump_descriptive`; default 1.8. */
  readonly bump_descriptive: number;
  /** Weight of `bump_text_only`; default 1.5. */
  readonly bump_text_only: number;
  /** Weight of `bump_flyer`; default 1. */
  readonly bump_flyer: number;
  /** Weight of `dm_farm`; default 1.2. */
  readonly dm_farm: number;
  /** Weight of `like_farm`; default 0.8. */
  readonly like_farm: number;
  /** Weight of `live_promo`; default 0.7. */
  readonly live_promo: number;
  /** Weight of `renew_on_post`; default 1. */
  readonly renew_on_post: number;
  /** Weight of `renew_on_message`; default 1. */
  readonly renew_on_message: number;
  /** Weight of `ppv_followup`; default 0 (follow-ups are not allocated: phase 6 adds them). */
  readonly ppv_followup: number;
  /** Weight of `expired_winback`; default 0.8. */
  readonly expired_winback: number;
}

/**
 * The allocation section: strategy choice, weekly diversity minimums and send-type weights.
 * Source: seed 001 phase 2 (§2.3-§2.5).
 *
 * @since 0.3.0
 * @category policy
 */
export interface AllocationPolicy {
  /** Strategy weights by performance state. Source: 001 §2.3. */
  readonly strategyWeights: {
    /** When saturation is above `strategySaturationAbove`. */
    readonly saturated: StrategyWeights;
    /** When opportunity is above `strategyOpportunityAbove`. */
    readonly opportunity: StrategyWeights;
    /** Otherwise; default all 0.2. */
    readonly balanced: StrategyWeights;
  };
  /** Saturation score (0-100) above which the `saturated` weights apply; default 70. Source: 001 §2.3. */
  readonly strategySaturationAbove: number;
  /** Opportunity score (0-100) above which the `opportunity` weights apply; default 70. Source: 001 §2.3. */
  readonly strategyOpportunityAbove: number;
  /** Distinct strategies a week uses at least; default 3. Source: 001 phase 2 checkpoint. */
  readonly minStrategiesPerWeek: number;
  /** Distinct send types a week uses at least; default 10. Source: 001 phase 2 checkpoint. */
  readonly minDistinctTypesPerWeek: number;
  /** Distinct revenue send types a week uses at least; default 5. Source: 001 phase 2 checkpoint. */
  readonly minRevenueTypesPerWeek: number;
  /** Distinct engagement send types a week uses at least; default 5. Source: 001 phase 2 checkpoint. */
  readonly minEngagementTypesPerWeek: number;
  /** Multiplier on the weight of a strategy's boosted send types; default 2.5. Source: 001 §2.5 `boost=` (the seed gives no number). */
  readonly strategyBoost: number;
  /** Multiplier on a send type not yet used this week; default 1.5. Project choice (keeps 10 types reachable). */
  readonly noveltyMultiplier: number;
  /** Items a day needs before the category balance is kept per day (fewer leave it to the week); default 4. Project choice (RULINGS category balance). */
  readonly minItemsForDayBalance: number;
  /** Base selection weight of each send type inside its category. Source: 001 §2.5 `type_weights`. */
  readonly typeWeights: SendTypeWeights;
  /** Weight multipliers when opportunity is above `highOpportunityAbove`. Source: 001 "Opportunity-Based Prioritization". */
  readonly highOpportunityPriority: {
    /** Multiplier of `ppv_unlock`; default 1.5. */
    readonly ppv_unlock: number;
    /** Multiplier of `bundle`; default 1.4. */
    readonly bundle: number;
    /** Multiplier of `flash_bundle`; default 1.3. */
    readonly flash_bundle: number;
    /** Multiplier of `vip_program`; default 1.2. */
    readonly vip_program: number;
  };
  /** Weight multipliers when opportunity is below `lowOpportunityBelow`. Source: 001 "Opportunity-Based Prioritization". */
  readonly lowOpportunityPriority: {
    /** Multiplier of `bump_normal`; default 1.3. */
    readonly bump_normal: number;
    /** Multiplier of `bump_descriptive`; default 1.3. */
    readonly bump_descriptive: number;
    /** Multiplier of `dm_farm`; default 1.2. */
    readonly dm_farm: number;
    /** Multiplier of `link_drop`; default 1.1. */
    readonly link_drop: number;
  };
  /** Opportunity score (0-100) above which `highOpportunityPriority` applies; default 70. */
  readonly highOpportunityAbove: number;
  /** Opportunity score (0-100) below which `lowOpportunityPriority` applies; default 40. */
  readonly lowOpportunityBelow: number;
}

/**
 * Composite-score weights of caption matching (fractions summing to 1): `policy.content.weights`
 * or `policy.content.degradedWeights`. Source: seed 001 §3.0, phase 3 recovery.
 *
 * @since 0.1.0
 * @category content
 */
export type ScoringWeights = {
  /** Weight of the freshness score (default 0.4; 0.2 degraded). */
  readonly freshness: number;
  /** Weight of the performance score (default 0.35; 0.5 degraded). */
  readonly performance: number;
  /** Weight of the type-priority score (default 0.15). */
  readonly typePriority: number;
  /** Weight of the diversity score (default 0.05; 0.1 degraded). */
  readonly diversity: number;
  /** Weight of the persona score (default 0.05). */
  readonly persona: number;
};

/**
 * Emojis per word that fit each persona emoji frequency, `[min, max]` (bands may overlap).
 * Project choice (seed 001 §3.0 persona component gives no formula).
 *
 * @since 0.3.0
 * @category policy
 */
export interface EmojiBands {
  /** Persona `none`; default 0-0.02. */
  readonly none: readonly [min: number, max: number];
  /** Persona `low`; default 0.02-0.12. */
  readonly low: readonly [min: number, max: number];
  /** Persona `medium`; default 0.1-0.35. */
  readonly medium: readonly [min: number, max: number];
  /** Persona `high`; default 0.3-10. */
  readonly high: readonly [min: number, max: number];
}

/**
 * Slang words per word that fit each persona slang level, `[min, max]`. Project choice (seed
 * 001 §3.0 persona component gives no formula).
 *
 * @since 0.3.0
 * @category policy
 */
export interface SlangBands {
  /** Persona `none`; default 0-0.02. */
  readonly none: readonly [min: number, max: number];
  /** Persona `light`; default 0.01-0.12. */
  readonly light: readonly [min: number, max: number];
  /** Persona `heavy`; default 0.08-10. */
  readonly heavy: readonly [min: number, max: number];
}

/**
 * The caption-matching section (phase 3, `policy.content`): scoring weights, the threshold
 * degradation chain, limits and persona fit. Source: seed 001 §3.0-§3.5, phase 3 recovery.
 *
 * @since 0.3.0
 * @category policy
 */
export interface CaptionPolicy {
  /** Composite-score weights. Source: 001 §3.0. */
  readonly weights: ScoringWeights;
  /** Weights when the candidate pool is stale. Source: 001 phase 3 recovery `caption_freshness_low`. */
  readonly degradedWeights: ScoringWeights;
  /** Mean candidate freshness (0-100) below which `degradedWeights` apply; default 50. Source: 001 "Low Caption Freshness". */
  readonly staleAverageFreshness: number;
  /** Days over which a used caption's freshness recovers linearly to 100; default 30. Source: RULINGS "freshness". */
  readonly freshnessRecoveryDays: number;
  /**
   * The thresholds tried in order until a caption passes, each lower than the one before
   * (default 30/40, 20/30, 10/20, 0/0). Source: 001 phase 3 recovery degradation chain.
   */
  readonly degradationChain: ReadonlyArray<{
    /** Minimum freshness score, 0-100. */
    readonly minFreshness: number;
    /** Minimum performance score, 0-100. */
    readonly minPerformance: number;
  }>;
  /** Candidates asked of the port per slot; default 10. Source: 001 §3.1 `limit = 10`. */
  readonly candidateLimit: number;
  /** Passing captions a styled PPV or a game searches for a fitting one; default 50. Project choice (docs/rulings.md "structure fit"). */
  readonly styleScanLimit: number;
  /** Type-priority score (0-100) of a caption of the send type's primary, secondary... caption type; default 100, 70. Source: 001 §3.2. */
  readonly typePriorityScores: ReadonlyArray<number>;
  /** Type-priority score (0-100) of a generic caption of another type; default 40. Source: 001 §3.5 strategy 2. */
  readonly genericTypePriorityScore: number;
  /** Diversity score points lost per use of a caption by any creator; default 5. Source: RULINGS "freshness". */
  readonly diversityPenaltyPerGlobalUse: number;
  /** Caption text of a slot no caption could fill; default `MANUAL_REQUIRED`. Source: 001 "Caption shortage" final fallback. */
  readonly manualCaptionText: string;
  /** Freshness (0-100) below which a chosen caption is reported as `low_freshness`; default 30. Source: 001 §3.4. */
  readonly lowFreshnessWarningBelow: number;
  /** Usable captions per send type below which `caption_pool_low` is raised; default 3. Source: 001 §1.2.1 module 7. */
  readonly lowPoolThreshold: number;
  /**
   * Persona fit (project choice; 001 §3.0 persona component, §7.2 check 6): points for emoji and
   * slang density inside the persona's band and for a favourite emoji or signature phrase.
   */
  readonly persona: {
    /** Emojis per word that fit each emoji frequency, `[min, max]`. */
    readonly emojiBands: EmojiBands;
    /** Slang words per word that fit each slang level, `[min, max]`. */
    readonly slangBands: SlangBands;
    /** Points of the persona score (0-100) for each part. */
    readonly points: {
      /** Emoji density inside the band; default 50. */
      readonly emoji: number;
      /** Slang density inside the band; default 25. */
      readonly slang: number;
      /** A favourite emoji or signature phrase used; default 25. */
      readonly signature: number;
    };
    /** Persona score (0-100) from which a caption matches the persona; default 40. */
    readonly matchMinScore: number;
    /** Persona score (0-100) of every caption when the creator has no persona; default 50. */
    readonly neutralScore: number;
  };
}

/**
 * The timing section (phase 5): the sending window, spacing, jitter, preferred hours and the
 * daily variation. Times of day are minutes after local midnight; hours are local 0-23.
 *
 * @since 0.3.0
 * @category policy
 */
export interface TimingPolicy {
  /** Start of the sending window, minutes after local midnight; default 480 (08:00). Source: RULINGS "window". */
  readonly windowStartMinute: number;
  /** End of the sending window, minutes after local midnight; default 1410 (23:30). Source: RULINGS "window". */
  readonly windowEndMinute: number;
  /** Minimum minutes between two sends of a channel family, tried in order; default 45, then 30, then 20. Source: RULINGS "spacing", 001 phase 5 recovery. */
  readonly spacingSteps: ReadonlyArray<number>;
  /** Length of a block from 00:00, minutes; default 240 (4 hours). Source: RULINGS "spacing". */
  readonly blockMinutes: number;
  /** Sends of one channel family per block at most; default 3. Source: RULINGS "spacing". */
  readonly maxPerBlock: number;
  /** Times one exact clock time may be used in a week; default 2. Source: 001 §5.5. */
  readonly maxClockTimeUsesPerWeek: number;
  /** Lowest jitter offset, minutes; default -7. Source: 003 task 2.6. */
  readonly jitterMin: number;
  /** Highest jitter offset, minutes; default 8. Source: 003 task 2.6. */
  readonly jitterMax: number;
  /** Minutes of the hour never scheduled; default 0, 15, 30, 45. Source: 003 gap 10.7. */
  readonly roundMinutes: ReadonlyArray<number>;
  /** Preferred local hours of engagement sends; default 9, 10, 11, 14, 15, 16. Source: 001 §5.3. */
  readonly engagementHours: ReadonlyArray<number>;
  /** Preferred local hours of retention sends; default 16, 17, 18. Source: 001 §5.3. */
  readonly retentionHours: ReadonlyArray<number>;
  /** Shift of morning (engagement) bases, minutes: earlier on even days, later on odd; default 15. Source: 001 §5.2. */
  readonly morningShiftMinutes: number;
  /** Shift of evening (prime-hour) bases, minutes: later on even days, earlier on odd; default 20. Source: 001 §5.2. */
  readonly eveningShiftMinutes: number;
  /** Peak local hours used when the creator has no timing data; default 19-22. Source: 001 phase 1 recovery. */
  readonly defaultPeakHours: ReadonlyArray<number>;
  /** Local hours avoided when the creator has no timing data; default 3-6. Source: 001 phase 1 recovery. */
  readonly defaultAvoidHours: ReadonlyArray<number>;
  /** Hour offsets of the prime hours by day index modulo the list length; default -1, 0, +1. Source: 001 §5.2. */
  readonly primeHourRotation: ReadonlyArray<number>;
  /** Per-type gap, minutes, from which a type's earlier send decides where the next can start; default 720 (12 hours). Project choice (001 §5.6). */
  readonly chainedGapMinutes: number;
  /** Minutes between two fallback bases when no preferred slot is free; default 5. Source: 001 §5.3 `find_any_available_slot`. */
  readonly fallbackStepMinutes: number;
  /** Hours before a link drop in which its parent campaign is looked for (at most 24); default 24. Project choice (003 task 2.4; 001 §5.7). */
  readonly linkDropLookbackHours: number;
}

/**
 * The follow-up section (phase 6): the delay distribution, the daily limit and the priority of
 * parents. Source: seed 003 task 2.3; seed 000 task 3.4 and gap 5.1.
 *
 * @since 0.3.0
 * @category policy
 */
export interface FollowupsPolicy {
  /** Shortest follow-up delay after its parent, minutes; default 15. Source: 003 task 2.3. */
  readonly minDelayMinutes: number;
  /** Longest follow-up delay, minutes; default 45. Source: 003 task 2.3. */
  readonly maxDelayMinutes: number;
  /** Mean of the truncated normal delay, minutes; default 28. Source: 003 task 2.3. */
  readonly meanDelayMinutes: number;
  /** Standard deviation of the truncated normal delay, minutes; default 8. Source: 003 task 2.3. */
  readonly sdDelayMinutes: number;
  /** Follow-ups per day at most; default 4. Source: 000 gap 5.1. */
  readonly maxPerDay: number;
  /** Weights (summing to 1) of a parent's priority parts. Source: 000 task 3.4. */
  readonly priorityWeights: {
    /** Weight of the expected revenue; default 0.5. */
    readonly revenue: number;
    /** Weight of the recency; default 0.3. */
    readonly recency: number;
    /** Weight of the engagement rate; default 0.2. */
    readonly engagement: number;
  };
  /** Expected revenue, USD, that scores 1 (revenue is normalised to it); default 1000. Source: 000 task 3.4. */
  readonly revenueNormalizerUsd: number;
  /** Engagement rate that scores 1; default 0.2. Source: 000 task 3.4. */
  readonly engagementNormalizerRate: number;
  /** Last minute of the day a follow-up may use, minutes after local midnight; default 1439 (23:59). Source: RULINGS "late parents". */
  readonly latestMinuteOfDay: number;
  /** Buyers assumed for a parent type without history (expected revenue = default price x this); default 10. Project choice (000 task 3.4 gives no default). */
  readonly defaultPriceBuyers: number;
  /** Hours over which recency falls from 1 to 0; default 24. Source: 000 task 3.4. */
  readonly recencyHorizonHours: number;
  /** Engagement score (0-1) of a parent without an engagement rate; default 0.5. Project choice. */
  readonly neutralEngagementScore: number;
  /** Recency score (0-1) of a parent without a send time; default 0.5. Source: 000 task 3.4. */
  readonly neutralRecencyScore: number;
}

/**
 * The validation section (phase 7): score thresholds, category balance and mix.
 * Source: seed 001 §7.2-§7.3; RULINGS "Validation".
 *
 * @since 0.3.0
 * @category policy
 */
export interface ValidationPolicy {
  /** Validation score (0-100) from which a week passes; default 85. Source: RULINGS "score thresholds". */
  readonly passScore: number;
  /** Validation score (0-100) from which a week needs review instead of failing; default 70. Source: RULINGS "score thresholds". */
  readonly reviewScore: number;
  /** Least share (0-1) of allocated items that are revenue; default 0.3. Source: RULINGS "category balance". */
  readonly revenueMinShare: number;
  /** Least share (0-1) of allocated items that are engagement; default 0.25. Source: RULINGS "category balance". */
  readonly engagementMinShare: number;
  /** Largest share (0-1) of allocated items that are retention; default 0.2. Source: RULINGS "category balance". */
  readonly retentionMaxShare: number;
  /** Revenue share (0-1) of revenue plus engagement a low-tier day aims at; default 0.6. Source: RULINGS "revenue / engagement mix". */
  readonly revenueMixLowTier: number;
  /** Revenue share (0-1) other tiers aim at; default 0.5. Source: RULINGS "revenue / engagement mix". */
  readonly revenueMixOtherTiers: number;
  /** Distance (0-1) from the mix target beyond which `revenue_mix` is reported; default 0.15. */
  readonly revenueMixTolerance: number;
  /** Score points all warnings together deduct at most; default 14 (warnings alone cannot fail a week). Project choice. */
  readonly maxWarningDeduction: number;
  /** Share (0-1) of `MANUAL_REQUIRED` items above which a week is at best `needs_review`; default 0.1. Source: RULINGS "manual captions". */
  readonly maxManualCaptionShare: number;
}

/**
 * The send types that carry a price (`policy.pricing.defaultPrices`).
 *
 * @since 0.3.0
 * @category policy
 */
export type PricedSendTypeKey =
  | 'ppv_unlock'
  | 'ppv_wall'
  | 'tip_goal'
  | 'vip_program'
  | 'game_post'
  | 'bundle'
  | 'flash_bundle'
  | 'snapchat_bundle'
  | 'first_to_tip';

/**
 * The default price of each priced send type, USD. Calibrated on the real-data README ($15-25
 * PPVs earn most).
 *
 * @since 0.3.0
 * @category policy
 */
export interface DefaultPrices {
  /** Default price of `ppv_unlock`, USD; default 18. */
  readonly ppv_unlock: number;
  /** Default price of `ppv_wall`, USD; default 15. */
  readonly ppv_wall: number;
  /** Default price of `tip_goal`, USD; default 50. */
  readonly tip_goal: number;
  /** Default price of `vip_program`, USD; default 200. */
  readonly vip_program: number;
  /** Default price of `game_post`, USD; default 10. */
  readonly game_post: number;
  /** Default price of `bundle`, USD; default 30. */
  readonly bundle: number;
  /** Default price of `flash_bundle`, USD; default 22. */
  readonly flash_bundle: number;
  /** Default price of `snapchat_bundle`, USD; default 35. */
  readonly snapchat_bundle: number;
  /** Default price of `first_to_tip`, USD; default 25. */
  readonly first_to_tip: number;
}

/**
 * The pricing section. Prices are USD. Source: seed 001 consumption rule 4; calibrated on the
 * real-data README ($15-25 PPVs earn most).
 *
 * @since 0.3.0
 * @category policy
 */
export interface PricingPolicy {
  /** Default price of each priced send type, USD (e.g. `ppv_unlock` 18, `vip_program` 200). */
  readonly defaultPrices: DefaultPrices;
  /** Lowest price ever suggested, USD; default 3. */
  readonly minPrice: number;
  /** Highest price ever suggested, USD; default 250. */
  readonly maxPrice: number;
  /** Past prices of a send type needed before they move its price; default 3. Project choice (001 consumption rule 4). */
  readonly minHistoryPrices: number;
}

/**
 * One value per PPV style of the rotation patterns. Source: seed 003 gap 1.1.
 *
 * @since 0.3.0
 * @category policy
 */
export interface PpvStyleTable<V> {
  /** For `solo` PPVs (one creator). */
  readonly solo: V;
  /** For `bundle` PPVs (several pieces of content). */
  readonly bundle: V;
  /** For `winner` PPVs (a fan "won" the content). */
  readonly winner: V;
  /** For `sextape` PPVs (content with a partner). */
  readonly sextape: V;
}

/**
 * The part of the policy the rotation tracker reads (`policy.rotation`): how long a PPV
 * pattern lasts, the same-style rules and what each PPV style shows. Source: seed 003 tasks
 * 2.1-2.2, gaps 1.1-1.2.
 *
 * @since 0.3.0
 * @category rotation
 */
export interface RotationPolicy {
  /** Days on a pattern before it may rotate (on this day a seeded 50 % decision); default 3. Source: 003 task 2.1 `_check_pattern_rotation`. */
  readonly minDaysOnPattern: number;
  /** Days on a pattern from which it always rotates; default 4. Source: 003 task 2.1, gap 1.1. */
  readonly maxDaysOnPattern: number;
  /** Days of past patterns the state keeps (a pattern used in them is not chosen again); default 14. Source: RULINGS "exhausted". */
  readonly recentPatternDays: number;
  /** PPV styles never sent twice in a row nor twice in one AM / PM period; default winner, bundle. Source: 003 gap 1.2, task 2.2. */
  readonly noBackToBackStyles: ReadonlyArray<PpvStyle>;
  /** Local hour from which the PM period starts; default 12. Source: 003 tasks 2.2, 2.8. */
  readonly amPmSplitHour: number;
  /** Sends of slack a day's bundle-style sends must leave so no two bundles fall in a row; default 2. Project choice (docs/rulings.md "same-style room"). */
  readonly bundleSendSlack: number;
  /** Caption types a pattern PPV of each style may take beyond its send type's own (default `bundle_offer` for bundle). Project choice (docs/rulings.md "style content"). */
  readonly styleCaptionTypes: PpvStyleTable<ReadonlyArray<CaptionType>>;
  /** Content-type keys a PPV of each style shows (empty: any). Project choice (docs/rulings.md "style content"; 003 gap 1.1). */
  readonly styleContentTypes: PpvStyleTable<ReadonlyArray<string>>;
}

/**
 * The policy slice of the PPV caption structure check (`policy.ppvStructure`): the minimum
 * element counts of each structure and the sizes of the wall campaign's parts.
 *
 * Source: seed 004 "PPV Caption Structure Requirements"; part sizes are project choices.
 *
 * @since 0.3.0
 * @category content
 */
export interface PpvStructurePolicy {
  /** Elements of 4 a Winner PPV caption needs; default 3 (75 %). */
  readonly winnerMinElements: number;
  /** Elements of 3 a Bundle PPV caption needs; default 2. */
  readonly bundleMinElements: number;
  /** Elements of 3 a Wall Campaign caption needs; default 2 (67 %). */
  readonly wallCampaignMinElements: number;
  /** Longest clickbait title, characters (code points); default 60. */
  readonly titleMaxCharacters: number;
  /** Fewest words of the body with setting; default 8. */
  readonly bodyMinWords: number;
  /** Longest short wrap, characters (code points); default 80. */
  readonly wrapMaxCharacters: number;
}

/**
 * The pin rules (`policy.pins`): at most `maxPinned` pins at once, each lasting
 * `pinDurationHours`, for the send types of `pinnedSendTypes`.
 *
 * Source: seed 003 gap 1.6 and task 2.5.
 *
 * @since 0.3.0
 * @category timing
 */
export interface PinPolicy {
  /** Posts pinned at once at most, 3-5; default 5. Source: 003 task 2.5 `MAX_PINNED`. */
  readonly maxPinned: number;
  /** Hours a pin lasts; default 72. Source: 003 task 2.5 `PIN_DURATION_HOURS`. */
  readonly pinDurationHours: number;
  /** Send types whose items are pinned; default `ppv_wall`, `game_post`. Source: 003 task 2.5 `should_pin`. */
  readonly pinnedSendTypes: ReadonlyArray<SendTypeKey>;
}

/**
 * How a creator's timing profile adjusts the defaults (`policy.timingProfile`). Source: seed 003
 * task 2.8 `TimingProfileIntegration`.
 *
 * @since 0.3.0
 * @category policy
 */
export interface CreatorTimingPolicy {
  /** Follow-up window start = average response time x this (at least 15 minutes); default 0.6. Source: 003 task 2.8. */
  readonly windowMinFactor: number;
  /** Follow-up window end = average response time x this (at most 45 minutes); default 1.5. Source: 003 task 2.8. */
  readonly windowMaxFactor: number;
  /** Width, minutes, a creator's window needs to be used; default 10. Source: RULINGS "creator window". */
  readonly minWindowWidthMinutes: number;
  /** Low timing variation divides the jitter by this; default 2. Source: 003 task 2.8 `adjust_jitter_for_creator`. */
  readonly lowJitterDivisor: number;
  /** Low timing variation keeps at least this jitter, minutes; default 1. */
  readonly lowJitterMinMinutes: number;
  /** High timing variation multiplies the jitter by this; default 2. Source: 003 task 2.8. */
  readonly highJitterFactor: number;
  /** High timing variation keeps the jitter at most this, minutes; default 8. */
  readonly highJitterMaxMinutes: number;
  /** A follow-up gap under this many minutes is `early`; default 20. Source: 003 task 2.2b `window_position`. */
  readonly earlyBelowMinutes: number;
  /** A follow-up gap over this many minutes is `late`; default 40. Source: 003 task 2.2b. */
  readonly lateAboveMinutes: number;
}

/**
 * The cadence rule of one campaign type. Source: seed 000 task 3.2 `CAMPAIGN_FREQUENCY_RULES`.
 *
 * @since 0.3.0
 * @category policy
 */
export interface CampaignRule {
  /** Fewest days between two campaigns of the type. */
  readonly minDaysBetween: number;
  /** Most days between two campaigns of the type. */
  readonly maxDaysBetween: number;
  /** Campaigns a month, `[min, max]`. */
  readonly monthlyTarget: readonly [min: number, max: number];
  /** Campaigns a month the planner aims at inside the target (docs/rulings.md "Campaign cadence"). */
  readonly plannedPerMonth: number;
}

/**
 * The cadence rule of each campaign type. Source: seed 000 task 3.2 `CAMPAIGN_FREQUENCY_RULES`.
 *
 * @since 0.3.0
 * @category policy
 */
export interface CampaignRules {
  /** Descriptive wall campaigns: every 2-3 days, 10-15 a month ("top converters"); planned 12. */
  readonly descriptive_wall_campaign: CampaignRule;
  /** Bundle wall campaigns: every 5-7 days, 4-6 a month; planned 5. */
  readonly bundle_wall_campaign: CampaignRule;
  /** Spin-the-wheel games: weekly (7 days), 4-5 a month; planned 4. */
  readonly spin_the_wheel_game: CampaignRule;
  /** Other games: every 7-14 days, 2-4 a month; planned 3. */
  readonly game_other: CampaignRule;
}

/**
 * The words a game caption names each game type with, matched case-insensitively at word
 * starts. Source: seed 000 task 3.6 sub-types; issue 8 (the caption of a game fits its type).
 *
 * @since 0.3.0
 * @category policy
 */
export interface GameKeywords {
  /** Default `spin`, `wheel`. */
  readonly spin_the_wheel: ReadonlyArray<string>;
  /** Default `prize wheel`, `prize`. */
  readonly prize_wheel: ReadonlyArray<string>;
  /** Default `mystery`, `box`. */
  readonly mystery_box: ReadonlyArray<string>;
  /** Default `scratch`. */
  readonly scratch_off: ReadonlyArray<string>;
  /** Default `card`, `deck`. */
  readonly card_game: ReadonlyArray<string>;
}

/**
 * The campaign section: each campaign type's cadence, the monthly total and the words a game
 * caption names its game with. Source: seed 000 task 3.2; RULINGS "Campaigns and games".
 *
 * @since 0.3.0
 * @category policy
 */
export interface CampaignsPolicy {
  /** The cadence of each campaign type (e.g. descriptive wall campaigns every 2-3 days, 10-15 a month). */
  readonly rules: CampaignRules;
  /** Campaigns a month below which the total is critical; default 14. Source: 000 task 3.2 overall check. */
  readonly minPerMonth: number;
  /** Days a month of the monthly projection (`count x daysPerMonth / days`); default 30. */
  readonly daysPerMonth: number;
  /** Days of campaign history read; default 30. Source: 000 task 3.2 `lookback_days`. */
  readonly lookbackDays: number;
  /** Words (matched case-insensitively at word starts) a caption names each game type with. Source: 000 task 3.6 sub-types, issue 8. */
  readonly gameKeywords: GameKeywords;
}

/**
 * The operational records section: their views and the learning signal. Source: seed 004
 * (`ppv_followup_tracking`, "Best Practices", `volume_adjustment_outcomes`).
 *
 * @since 0.3.0
 * @category policy
 */
export interface RecordsPolicy {
  /** The optimal follow-up window, minutes after the parent, both included; default 15-45. Source: 004 `is_optimal_window`. */
  readonly optimalFollowupWindow: {
    /** Start of the window, minutes. */
    readonly minMinutes: number;
    /** End of the window, minutes. */
    readonly maxMinutes: number;
  };
  /** When follow-up timing is reported as suboptimal. Source: 004 "Best Practices". */
  readonly suboptimalFollowups: {
    /** Days looked back; default 7. */
    readonly lookbackDays: number;
    /** Suboptimal follow-ups strictly above which a creator is listed; default 5. */
    readonly countAbove: number;
  };
  /** When volume predictions consistently miss. Source: 004 "Best Practices". */
  readonly predictionMisses: {
    /** Mean absolute error, percent, strictly above which predictions miss; default 25. */
    readonly avgErrorAbovePct: number;
    /** Predictions needed before misses are judged; default 3. */
    readonly minPredictions: number;
  };
  /** When a circuit breaker is unhealthy. Source: 004 "Circuit Breaker Health Check". */
  readonly unhealthyBreakers: {
    /** Minutes in `half_open` strictly above which it is unhealthy; default 30. */
    readonly halfOpenAboveMinutes: number;
    /** Success rate, percent, below which it is unhealthy; default 80. */
    readonly successRateBelowPct: number;
  };
  /**
   * The learning signal (-1..1) of volume adjustment outcomes. Project choices
   * (docs/rulings.md "Records"; 004 gives the range and bands, not the formula).
   */
  readonly learning: {
    /** Weights (summing to 1) of the three parts of the signal. */
    readonly weights: {
      /** Weight of the revenue-per-send change; default 0.6. */
      readonly revenuePerSend: number;
      /** Weight of the saturation change (a rise lowers the signal); default 0.2. */
      readonly saturation: number;
      /** Weight of the opportunity change; default 0.2. */
      readonly opportunity: number;
    };
    /** Revenue-per-send change, percent, that is a full signal; default 50. */
    readonly revenuePerSendFullScalePct: number;
    /** Score change, points (0-100 scale), that is a full signal; default 25. */
    readonly scoreFullScalePoints: number;
    /** A signal within plus or minus this is `neutral`; default 0.1. */
    readonly neutralBand: number;
    /** Latest outcomes of each kind of adjustment the volume engine averages; default 4. */
    readonly lookbackOutcomes: number;
  };
}

/**
 * A KPI whose value should be at least a target (a percent). Source: seed 000 task 3.8.
 *
 * @since 0.3.0
 * @category policy
 */
export interface KpiAtLeast {
  /** The value is `ok` from this on. */
  readonly targetAtLeast: number;
  /** The value is `alert` below this. */
  readonly alertBelow: number;
}

/**
 * A KPI whose value should stay below a target. Source: seed 000 task 3.8.
 *
 * @since 0.3.0
 * @category policy
 */
export interface KpiBelow {
  /** The value is `ok` below this. */
  readonly targetBelow: number;
  /** The value is `alert` above this. */
  readonly alertAbove: number;
}

/**
 * A KPI whose value should be above a target. Source: seed 000 task 3.8.
 *
 * @since 0.3.0
 * @category policy
 */
export interface KpiAbove {
  /** The value is `ok` above this. */
  readonly targetAbove: number;
  /** The value is `alert` below this. */
  readonly alertBelow: number;
}

/**
 * The KPI targets and alert thresholds (`src/analytics/kpis.ts`): a value meeting the target is
 * `ok`, one beyond the alert threshold `alert`, anything between `watch`.
 * Source: seed 000 task 3.8 "Volume Optimization Dashboard Metrics".
 *
 * @since 0.3.0
 * @category policy
 */
export interface KpisPolicy {
  /** Campaigns on cadence, percent: target >= 90, alert < 75. */
  readonly campaignFrequencyAdherence: KpiAtLeast;
  /** Days with a compliant bump ratio, percent: target >= 85, alert < 70. */
  readonly bumpRatioCompliance: KpiAtLeast;
  /** Mean absolute percentage error of volume predictions: target < 15, alert > 25. */
  readonly volumePredictionMape: KpiBelow;
  /** Lift of trait recommendations, percent: target > 20, alert < 5. */
  readonly traitRecommendationLift: KpiAbove;
  /** Use of the daily follow-up limit, percent: target 75-100, alert < 50. */
  readonly followupLimitUtilization: {
    /** The value is `ok` inside this range, `[min, max]` percent. */
    readonly targetRange: readonly [min: number, max: number];
    /** The value is `alert` below this. */
    readonly alertBelow: number;
  };
  /** Weekly limit violations, a count: target 0, alert > 0. */
  readonly weeklyLimitViolations: {
    /** The value is `ok` at or below this. */
    readonly targetAtMost: number;
    /** The value is `alert` above this. */
    readonly alertAbove: number;
  };
  /** Coefficient of variation of game-type revenue, a ratio: target < 0.5, alert > 0.75. */
  readonly gameTypeRevenueVariance: KpiBelow;
  /** Accuracy of the Bayesian game estimates, percent: target > 85, alert < 70. */
  readonly bayesianEstimateAccuracy: KpiAbove;
}

/**
 * The A/B test section: defaults of a volume test and its completion check.
 * Source: seed 000 task 3.7 `VolumeABTest`, `validate_test_completion`.
 *
 * @since 0.3.0
 * @category policy
 */
export interface AbTestPolicy {
  /** Test length, days; default 14. */
  readonly durationDays: number;
  /** Confidence level of the two-tailed test, strictly between 0 and 1; default 0.95. */
  readonly confidenceLevel: number;
  /** Statistical power, strictly between 0 and 1; default 0.8. */
  readonly statisticalPower: number;
  /** Minimum detectable effect, in standard deviations of the metric; default 0.1. */
  readonly minimumDetectableEffect: number;
  /** Standard deviation of the metric; default 1 (normalised metrics). */
  readonly standardDeviation: number;
  /** Observations a day (turns a shortfall into more days: `shortfall // this + 1`); default 10. */
  readonly observationsPerDay: number;
  /** Share (0-1) of creators in the treatment arm; default 0.5. Project choice (docs/rulings.md "A/B tests"). */
  readonly treatmentShare: number;
}

/**
 * The policy: every number of the rules, one section per module. `DEFAULT_POLICY` holds the
 * seed's values; `resolvePolicy` merges a caller's overrides over it.
 *
 * @since 0.1.0
 * @category policy
 */
export interface SchedulePolicy {
  /** Tiers, multipliers and confidence of phase 1 volume. Source: 001 §1.2, 002. */
  readonly volume: VolumePolicy;
  /** The page-type matrix of bumps and PPVs. Source: 000 task 3.1. */
  readonly matrix: MatrixPolicy;
  /** The elasticity check of revenue sends per day. Source: 001 §1.2.1 module 5. */
  readonly elasticity: ElasticityPolicy;
  /** The caption-trait analysis. Source: 000 task 3.3. */
  readonly traits: TraitPolicy;
  /** Phase 2 allocation. Source: 001 §2.3-§2.5. */
  readonly allocation: AllocationPolicy;
  /** Phase 3 caption matching. Source: 001 §3. */
  readonly content: CaptionPolicy;
  /** Phase 5 timing. Source: 001 §5, 003 task 2.6. */
  readonly timing: TimingPolicy;
  /** Phase 6 follow-ups. Source: 003 task 2.3, 000 task 3.4. */
  readonly followups: FollowupsPolicy;
  /** Phase 7 validation. Source: 001 §7, RULINGS "Validation". */
  readonly validation: ValidationPolicy;
  /** Default prices and price bounds, USD. */
  readonly pricing: PricingPolicy;
  /** PPV pattern rotation and same-style rules. Source: 003 tasks 2.1-2.2. */
  readonly rotation: RotationPolicy;
  /** Timeouts, retries, the circuit breaker and idempotency of the ports. Source: 001 "Error Handling"; 003 tasks 2.5b, 2.5c. */
  readonly resilience: ResiliencePolicy;
  /** PPV caption structures. Source: 004 "PPV Caption Structure Requirements". */
  readonly ppvStructure: PpvStructurePolicy;
  /** Pinned wall posts. Source: 003 gap 1.6, task 2.5. */
  readonly pins: PinPolicy;
  /** How a creator's timing profile adjusts the defaults. Source: 003 task 2.8. */
  readonly timingProfile: CreatorTimingPolicy;
  /** The game type success tracker. Source: 000 task 3.6. */
  readonly games: {
    /** USD: a game type whose posterior mean earnings are below this is avoided (0 avoids none); default 1000. Source: 000 task 3.6 `avoid_list`. */
    readonly avoidBelowUsd: number;
  };
  /** Campaign cadence and games. Source: 000 task 3.2. */
  readonly campaigns: CampaignsPolicy;
  /** Operational records, their views and the learning signal. Source: 004. */
  readonly records: RecordsPolicy;
  /** KPI targets and alerts. Source: 000 task 3.8. */
  readonly kpis: KpisPolicy;
  /** Volume A/B tests. Source: 000 task 3.7. */
  readonly abTest: AbTestPolicy;
}

/**
 * A deep partial of a policy part, for overrides: objects are partial at every depth; arrays,
 * `[min, max]` pairs and single values are replaced whole.
 *
 * @since 0.3.0
 * @category policy
 */
export type PolicyOverride<T> =
  T extends ReadonlyArray<unknown>
    ? T
    : T extends object
      ? { readonly [K in keyof T]?: PolicyOverride<T[K]> }
      : T;

/**
 * A deep partial of the policy, for overrides (what `inputs.policy` may hold): every section and
 * every key optional at every depth; arrays and `[min, max]` pairs are replaced whole. Each
 * section's keys mean what they mean in `SchedulePolicy`.
 *
 * @example
 * const overrides: PolicyOverrides = { followups: { maxPerDay: 3 }, timing: { jitterMax: 5 } };
 *
 * @since 0.1.0
 * @category policy
 */
export interface PolicyOverrides {
  /** Overrides of `SchedulePolicy.volume`. */
  readonly volume?: PolicyOverride<VolumePolicy>;
  /** Overrides of `SchedulePolicy.matrix`. */
  readonly matrix?: PolicyOverride<MatrixPolicy>;
  /** Overrides of `SchedulePolicy.elasticity`. */
  readonly elasticity?: PolicyOverride<ElasticityPolicy>;
  /** Overrides of `SchedulePolicy.traits`. */
  readonly traits?: PolicyOverride<TraitPolicy>;
  /** Overrides of `SchedulePolicy.allocation`. */
  readonly allocation?: PolicyOverride<AllocationPolicy>;
  /** Overrides of `SchedulePolicy.content`. */
  readonly content?: PolicyOverride<CaptionPolicy>;
  /** Overrides of `SchedulePolicy.timing`. */
  readonly timing?: PolicyOverride<TimingPolicy>;
  /** Overrides of `SchedulePolicy.followups`. */
  readonly followups?: PolicyOverride<FollowupsPolicy>;
  /** Overrides of `SchedulePolicy.validation`. */
  readonly validation?: PolicyOverride<ValidationPolicy>;
  /** Overrides of `SchedulePolicy.pricing`. */
  readonly pricing?: PolicyOverride<PricingPolicy>;
  /** Overrides of `SchedulePolicy.rotation`. */
  readonly rotation?: PolicyOverride<RotationPolicy>;
  /** Overrides of `SchedulePolicy.resilience`. */
  readonly resilience?: PolicyOverride<ResiliencePolicy>;
  /** Overrides of `SchedulePolicy.ppvStructure`. */
  readonly ppvStructure?: PolicyOverride<PpvStructurePolicy>;
  /** Overrides of `SchedulePolicy.pins`. */
  readonly pins?: PolicyOverride<PinPolicy>;
  /** Overrides of `SchedulePolicy.timingProfile`. */
  readonly timingProfile?: PolicyOverride<CreatorTimingPolicy>;
  /** Overrides of `SchedulePolicy.games`. */
  readonly games?: PolicyOverride<SchedulePolicy['games']>;
  /** Overrides of `SchedulePolicy.campaigns`. */
  readonly campaigns?: PolicyOverride<CampaignsPolicy>;
  /** Overrides of `SchedulePolicy.records`. */
  readonly records?: PolicyOverride<RecordsPolicy>;
  /** Overrides of `SchedulePolicy.kpis`. */
  readonly kpis?: PolicyOverride<KpisPolicy>;
  /** Overrides of `SchedulePolicy.abTest`. */
  readonly abTest?: PolicyOverride<AbTestPolicy>;
}
