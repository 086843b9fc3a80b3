/**
 * The volume result the pipeline consumes. Source: seed 001 §1.2.1 (`OptimizedVolumeResult`),
 * seed 002; RULINGS "Volume".
 *
 * @module
 */
import { SEND_TYPE_KEYS, SEND_TYPES, type SendTypeKey } from '../domain/catalog';
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import { addDaysIso, isoToEpochMinute, localToEpochMinute } from '../domain/time';
import type { CreatorProfile, MassMessage, PerformanceTrends, Vault } from '../domain/types';
import { calculateDynamicVolume } from './dynamic';
import { fuseHorizons } from './fusion';
import { calculateScoresFromHistory } from './scores';
import type { VolumeDataSource, VolumeResult } from './types';
import {
  apportion,
  calculateDowMultipliers,
  calculateWeeklyDistribution,
  confidenceFromMessageCount,
  normalizeDowMultipliers,
} from './weekly';

/**
 * Inputs of `calculateOptimizedVolume`.
 *
 * @since 0.1.0
 * @category volume
 */
export interface VolumeContext {
  readonly creator: CreatorProfile;
  readonly trends: PerformanceTrends | null;
  readonly history: ReadonlyArray<MassMessage>;
  /** Local date the week starts; history is read before it. */
  readonly asOf: string;
  readonly vault: Vault | null;
  /** Usable captions per send type (freshness >= 30, performance >= 40), `null` when unknown. */
  readonly usableCaptions: Readonly<Partial<Record<SendTypeKey, number>>> | null;
}

const LEVEL = { low: 'Low', mid: 'Mid', high: 'High', ultra: 'Ultra' } as const;

/**
 * Caption-pool warnings: `Low captions for <type>: <3 usable` below the threshold and
 * `Critical shortage for <type>: 0 usable captions` at zero, for every send type the page uses.
 * Empty when the counts are unknown. Source: seed 001 §1.2.1 module 7.
 *
 * @since 0.1.0
 * @category volume
 */
export const captionPoolWarnings = (
  creator: CreatorProfile,
  usable: Readonly<Partial<Record<SendTypeKey, number>>> | null,
  policy: SchedulePolicy = DEFAULT_POLICY,
): ReadonlyArray<string> => {
  if (usable === null) return [];
  const th = policy.content.lowPoolThreshold;
  return SEND_TYPE_KEYS.filter((k) => SEND_TYPES[k].pageTypes.includes(creator.pageType)).flatMap(
    (k) => {
      const n = usable[k] ?? 0;
      if (n === 0) return [`Critical shortage for ${k}: 0 usable captions`];
      if (n < th) return [`Low captions for ${k}: <${th} usable`];
      return [];
    },
  );
};

/**
 * Revenue items per content type for one day: the vault's content types with items, largest
 * first (at most 6), weighted equally and summing to `revenuePerDay`. Empty without a vault.
 * Source: seed 001 §1.2.1 module 6 ("Equal weighting" when no rankings exist).
 *
 * @since 0.1.0
 * @category volume
 */
export const equalContentAllocations = (
  vault: Vault | null,
  revenuePerDay: number,
): Readonly<Record<string, number>> => {
  if (vault === null) return {};
  const types = Object.entries(vault.contentTypes)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 6)
    .map(([k]) => k);
  const parts = apportion(
    revenuePerDay,
    types.map(() => 1),
  );
  return Object.fromEntries(
    types.map((k, i) => [k, parts[i] ?? 0]).filter(([, n]) => (n as number) > 0),
  );
};

/**
 * The whole volume result: base tier, score fusion (tracked 7d/14d/30d) or on-demand scores
 * from history or neutral defaults, seed 002's multipliers and trend rule, confidence from the
 * messages analysed, weekday multipliers and the weekly distribution, content allocations and
 * caption-pool warnings. `predictionId` is `null`: the pipeline asks the prediction port.
 *
 * Source: seed 001 §1.2.1 (8 modules), seed 002; RULINGS "Volume".
 *
 * @since 0.1.0
 * @category volume
 */
export const calculateOptimizedVolume = (
  context: VolumeContext,
  policy: SchedulePolicy = DEFAULT_POLICY,
): VolumeResult => {
  const { creator, trends, history, asOf } = context;
  const fused = trends ? fuseHorizons(trends) : null;
  const onDemand = fused ? null : calculateScoresFromHistory(history, asOf, policy);
  const dataSource: VolumeDataSource = fused
    ? 'volume_performance_tracking'
    : onDemand
      ? 'calculated_on_demand'
      : 'default_values';
  const saturation =
    fused?.fusedSaturation ?? onDemand?.saturationScore ?? policy.volume.neutralScore;
  const opportunity =
    fused?.fusedOpportunity ?? onDemand?.opportunityScore ?? policy.volume.neutralScore;
  const revenueTrendPercent = trends?.revenueTrendPercent ?? onDemand?.revenueTrendPercent ?? null;
  const dyn = calculateDynamicVolume(
    {
      fanCount: creator.fanCount,
      pageType: creator.pageType,
      saturationScore: saturation,
      opportunityScore: opportunity,
      revenueTrendPercent,
      dataSource,
    },
    policy,
  );
  const start = localToEpochMinute(
    addDaysIso(asOf, -policy.volume.dowHistoryDays),
    0,
    creator.timezone,
  );
  const end = localToEpochMinute(asOf, 0, creator.timezone);
  const analysed = history.filter((m) => {
    const t = isoToEpochMinute(m.sentAt);
    return t >= start && t < end;
  }).length;
  const messageCount = fused && trends ? trends.messageCount : analysed;
  const confidenceScore = confidenceFromMessageCount(messageCount, policy);
  const dow = normalizeDowMultipliers(
    calculateDowMultipliers(history, asOf, creator.timezone, confidenceScore, policy),
    policy,
  );
  const f = dyn.finalConfig;
  const b = policy.volume.bounds;
  const maxRetention = creator.pageType === 'free' ? 0 : b.retention[1];
  const weeklyDistribution = calculateWeeklyDistribution(
    f.revenuePerDay + f.engagementPerDay + f.retentionPerDay,
    dow,
    b.revenue[0] + b.engagement[0] + (creator.pageType === 'free' ? 0 : b.retention[0]),
    b.revenue[1] + b.engagement[1] + maxRetention,
  );
  const contentAllocations = equalContentAllocations(context.vault, f.revenuePerDay);
  const captionWarnings = captionPoolWarnings(creator, context.usableCaptions, policy);
  const adjustmentsApplied = [
    ...dyn.adjustmentsApplied.slice(0, 1),
    ...(fused
      ? ['multi_horizon_fusion']
      : onDemand
        ? ['scores_calculated_on_demand']
        : ['default_scores']),
    ...dyn.adjustmentsApplied.slice(1),
    ...(confidenceScore < policy.volume.dampenBelowConfidence ? ['confidence_dampening'] : []),
    Object.values(dow).some((x) => x !== 1) ? 'dow_multipliers' : 'uniform_distribution',
    Object.keys(contentAllocations).length > 0 ? 'content_weighting' : 'equal_content_weighting',
    'caption_pool_check',
  ];
  return {
    baseConfig: dyn.baseConfig,
    finalConfig: f,
    weeklyDistribution,
    dowMultipliersUsed: dow,
    contentAllocations,
    fusedSaturation: saturation,
    fusedOpportunity: opportunity,
    divergenceDetected: fused?.divergenceDetected ?? false,
    confidenceScore,
    messageCount,
    elasticityCapped: false,
    adjustmentsApplied,
    captionWarnings,
    predictionId: null,
    volumeLevel: LEVEL[f.tier],
    ppvPerDay: f.revenuePerDay,
    bumpPerDay: f.engagementPerDay,
    calculationSource: 'optimized',
    dataSource,
    revenueTrendPercent,
    saturationScore: saturation,
    opportunityScore: opportunity,
  };
};
