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
  /** Items per weekday, 0 = Monday; sums to 7 x the daily total of `finalConfig`. */
  readonly weeklyDistribution: Weekly<number>;
  /** Multipliers that produced the distribution (0.7-1.3). */
  readonly dowMultipliersUsed: Weekly<number>;
  /** Revenue items per content type for the week; sums to the week's revenue quota. */
  readonly contentAllocations: Readonly<Record<string, number>>;
  /** 0-100 after 7d/14d/30d fusion. */
  readonly fusedSaturation: number;
  /** 0-100 after 7d/14d/30d fusion. */
  readonly fusedOpportunity: number;
  readonly divergenceDetected: boolean;
  /** 0-1 from the number of messages analysed. */
  readonly confidenceScore: number;
  readonly messageCount: number;
  readonly elasticityCapped: boolean;
  /** Audit trail of the adjustments applied, in order. */
  readonly adjustmentsApplied: ReadonlyArray<string>;
  /** Caption-pool warnings (`Low captions for ppv_followup: <3 usable`). */
  readonly captionWarnings: ReadonlyArray<string>;
  /** Id returned by the prediction port, `null` when tracking is off. */
  readonly predictionId: string | null;
  /** 002 legacy fields. */
  readonly volumeLevel: 'Low' | 'Mid' | 'High' | 'Ultra';
  readonly ppvPerDay: number;
  readonly bumpPerDay: number;
  readonly calculationSource: 'optimized' | 'dynamic';
  readonly dataSource: VolumeDataSource;
  /** Revenue trend in percent that was applied, `null` when unknown. */
  readonly revenueTrendPercent: number | null;
  readonly saturationScore: number;
  readonly opportunityScore: number;
}

/**
 * Per-category count record.
 *
 * @since 0.1.0
 * @category volume
 */
export type CategoryCounts = Readonly<Record<Category, number>>;
