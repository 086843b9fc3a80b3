/**
 * Volume result types. Source: seed 001 §1.2.1 `OptimizedVolumeResult`, seed 002 response.
 *
 * @module
 */
import type { Category } from '../domain/catalog';

/**
 * Volume tier name. Source: seed 001 §1.2 (RULINGS "fan-count tiers").
 *
 * @since 0.1.0
 * @category volume
 */
export type VolumeTier = 'low' | 'mid' | 'high' | 'ultra';

/**
 * Daily quotas per category. Source: seed 001 §1.2.
 *
 * @since 0.1.0
 * @category volume
 */
export interface VolumeConfig {
  readonly tier: VolumeTier;
  /** Revenue items per day (1-10). */
  readonly revenuePerDay: number;
  /** Engagement items per day (1-8). */
  readonly engagementPerDay: number;
  /** Retention items per day (0-4; 0 on free pages). */
  readonly retentionPerDay: number;
}

/**
 * Where the saturation and opportunity scores came from. Source: seed 002 "Data Sources Priority".
 *
 * @since 0.1.0
 * @category volume
 */
export type VolumeDataSource =
  | 'volume_performance_tracking'
  | 'calculated_on_demand'
  | 'default_values';

/**
 * Weekday keyed record: 0 = Monday .. 6 = Sunday (RULINGS "weekly distribution").
 *
 * @since 0.1.0
 * @category volume
 */
export type Weekly<A> = Readonly<Record<0 | 1 | 2 | 3 | 4 | 5 | 6, A>>;

/**
 * The whole volume result: seed 001's `OptimizedVolumeResult` (14 fields) plus seed 002's
 * legacy response fields.
 *
 * @since 0.1.0
 * @category volume
 */
export interface VolumeResult {
  /** Tier quotas before any adjustment (001 §1.2.1 `base_config`). */
  readonly baseConfig: VolumeConfig;
  /** Quotas after every adjustment (001 §1.2.1 `final_config`). */
  readonly finalConfig: VolumeConfig;
  /** Items per weekday, 0 = Monday; sums to 7 x the daily total of `finalConfig` (001 §1.2.1 module 4, §2.1). */
  readonly weeklyDistribution: Weekly<number>;
  /** Multipliers that produced the distribution, 0.7-1.3, averaging 1 (001 §1.2.1 module 4). */
  readonly dowMultipliersUsed: Weekly<number>;
  /** Revenue items per content type for one day; sums to `finalConfig.revenuePerDay` (empty without rankings or vault) (001 §1.2.1 module 6; 000 task 3.3 increases). */
  readonly contentAllocations: Readonly<Record<string, number>>;
  /** 0-100 after 7d/14d/30d fusion, else the on-demand or neutral score (001 §1.2.1 module 2; 002). */
  readonly fusedSaturation: number;
  /** 0-100 after 7d/14d/30d fusion, else the on-demand or neutral score (001 §1.2.1 module 2; 002). */
  readonly fusedOpportunity: number;
  /** 7d and 30d saturation or opportunity differ by 15 points or more (001 §1.2.1 module 2). */
  readonly divergenceDetected: boolean;
  /** 0-1 from the number of messages analysed (001 §1.2.1 module 3). */
  readonly confidenceScore: number;
  /** Messages analysed: tracked `messageCount`, else the history in the 90-day window (001 §1.2.1). */
  readonly messageCount: number;
  /** The revenue quota was lowered by the elasticity cap (001 §1.2.1 module 5). */
  readonly elasticityCapped: boolean;
  /** Keys of the adjustments applied, in order (001 §1.2.1 `adjustments_applied`). */
  readonly adjustmentsApplied: ReadonlyArray<string>;
  /** The same adjustments with the reason of each (the audit trail). */
  readonly auditTrail: ReadonlyArray<VolumeAdjustment>;
  /** Caption-pool warnings (`Low captions for ppv_followup: <3 usable`) (001 §1.2.1 module 7), rendered from `captionShortages`. */
  readonly captionWarnings: ReadonlyArray<string>;
  /** The send types short of usable captions with their counts, 0 = critical (001 §1.2.1 module 7). */
  readonly captionShortages: ReadonlyArray<CaptionShortage>;
  /** Id returned by the prediction port, `null` when tracking is off (001 §1.2.1 module 8; 004 `volume_predictions`). */
  readonly predictionId: string | null;
  /** Page-type matrix targets of the creator (000 task 3.1). */
  readonly volumeTargets: import('./volumeTargets').VolumeTargets;
  /** Elasticity module outcome (001 §1.2.1 module 5). */
  readonly elasticity: {
    readonly status: 'fitted' | 'skipped';
    readonly reason: string | null;
    /** Most revenue sends a day before one more stops paying, `null` when not fitted. */
    readonly capRevenuePerDay: number | null;
    readonly rSquared: number | null;
    /** Volume levels with enough days. */
    readonly levels: number;
  };
  /** Data-driven trigger outcome (000 task 3.3), `null` when the records were invalid. */
  readonly traitAnalysis: {
    readonly analyzedCount: number;
    readonly statisticalConfidence: 'HIGH' | 'LOW';
    readonly bonferroniAlpha: number;
    /** Significant recommendations, `trait[:value] xmultiplier (p=...)`. */
    readonly recommendations: ReadonlyArray<string>;
  } | null;
  /** Info and warnings of the volume modules (elasticity skipped or capped, invalid trait records). */
  readonly notes: ReadonlyArray<import('../domain/issues').Issue>;
  /** Items of the week, the sum of `weeklyDistribution`. */
  readonly weeklyTotal: number;
  /** 002 legacy response fields: `volume_level`. */
  readonly volumeLevel: 'Low' | 'Mid' | 'High' | 'Ultra';
  /** 002 `ppv_per_day` (= revenue per day). */
  readonly ppvPerDay: number;
  /** 002 `bump_per_day` (= engagement per day). */
  readonly bumpPerDay: number;
  /** 002 `revenue_items_per_day`. */
  readonly revenueItemsPerDay: number;
  /** 002 `engagement_items_per_day`. */
  readonly engagementItemsPerDay: number;
  /** 002 `retention_items_per_day`. */
  readonly retentionItemsPerDay: number;
  /** 002 `bundle_per_week`: expected bundle sends a week (bundle, flash_bundle, snapchat_bundle) from the allocation weights. */
  readonly bundlePerWeek: number;
  /** 002 `game_per_week`: expected game posts a week from the allocation weights. */
  readonly gamePerWeek: number;
  /** 002 `followup_per_day`: expected follow-ups a day, at most `followups.maxPerDay`. */
  readonly followupPerDay: number;
  /** 002 `fan_count`. */
  readonly fanCount: number;
  /** 002 `page_type`. */
  readonly pageType: import('../domain/catalog').PageType;
  /** Local date the calculation is for (002 `tracking_date`). */
  readonly trackingDate: string;
  /** 001 §1.2.1 example `calculation_source`: `optimized` from `calculateOptimizedVolume`, else the 001 degradation level the week fell back to (`base_tier`, `fan_count_estimate`, `minimum_safe`). */
  readonly calculationSource:
    | 'optimized'
    | 'dynamic'
    | 'base_tier'
    | 'fan_count_estimate'
    | 'minimum_safe';
  /** Where the scores came from (002 "Data Sources Priority"). */
  readonly dataSource: VolumeDataSource;
  /** Revenue trend in percent that was applied, `null` when unknown (002 `revenue_trend`). */
  readonly revenueTrendPercent: number | null;
  /** 002 `saturation_score`: the score the multipliers used (= `fusedSaturation`). */
  readonly saturationScore: number;
  /** 002 `opportunity_score`: the score the multipliers used (= `fusedOpportunity`). */
  readonly opportunityScore: number;
}

/**
 * A send type with fewer usable captions (freshness >= 30, performance >= 40) than
 * `policy.content.lowPoolThreshold`; `usable` 0 is a critical shortage. Source: seed 001 §1.2.1
 * module 7, §7.2 check 8.
 *
 * @since 0.2.0
 * @category volume
 */
export interface CaptionShortage {
  readonly sendTypeKey: import('../domain/catalog').SendTypeKey;
  readonly usable: number;
}

/**
 * One step of the volume audit trail: what was applied and why.
 *
 * @since 0.1.0
 * @category volume
 */
export interface VolumeAdjustment {
  /** Stable key, as in `adjustmentsApplied` (`saturation_x0.9`, `elasticity_capped`, ...). */
  readonly adjustment: string;
  /** Why, with the numbers behind it. */
  readonly reason: string;
}

/**
 * Per-category count record.
 *
 * @since 0.1.0
 * @category volume
 */
export type CategoryCounts = Readonly<Record<Category, number>>;
