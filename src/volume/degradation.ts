/**
 * The volume degradation chain of seed 001: the optimized result, else the base tier at
 * confidence 0.6 when an optimization module fails, else the tier estimated from the fan count
 * at 0.5 when the tier is unknown, else the minimum safe 3 / 3 / 1 a day (0 retention on free
 * pages) at 0.3 when there is no data or the data give a confidence below 0.3, else abort when
 * there is no fan count. Every step taken is reported.
 *
 * Source: seed 001 "Volume Configuration Degradation"; RULINGS "Errors and degradation"
 * (degradation chains, new and sparse creators); ISSUE-NOTES issue 4 (the triggers).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { type Issue, issue } from '../domain/issues';
import type { SchedulePolicy } from '../domain/policy';
import type { ContentTypeRanking, CreatorProfile, Vault } from '../domain/types';
import { calculateContentAllocations } from './contentWeighting';
import { captionPoolWarnings, captionShortagesOf, legacyFieldsOf } from './optimized';
import { getVolumeTier } from './tiers';
import type { VolumeConfig, VolumeResult, Weekly } from './types';
import { calculateVolumeTargets } from './volumeTargets';

/**
 * The step of the chain a week's volume came from.
 *
 * @since 0.2.0
 * @category volume
 */
export type VolumeLevel = 'optimized' | 'base_tier' | 'fan_count_estimate' | 'minimum_safe';

/**
 * What the chain decides from.
 *
 * - `optimized`: the volume engine's result, or `null` when it failed (`failure` says why).
 * - `tierKnown`: whether the tier table can place the fan count (always, with a valid policy).
 * - `manualConfidenceOverride`: the caller accepts a confidence below the gate; the optimized
 *   result is then kept.
 *
 * @since 0.2.0
 * @category volume
 */
export interface VolumeChainInput {
  /** The creator's fields the fallback steps read (fan count for the tier, page type, matrix row). */
  readonly creator: Pick<CreatorProfile, 'fanCount' | 'pageType' | 'contentPageType' | 'subType'>;
  /** The volume engine's result, or `null` when it failed (`failure` says why). */
  readonly optimized: VolumeResult | null;
  /** Why the optimization failed, `null` when it did not. */
  readonly failure: string | null;
  /** Whether the tier table can place the fan count (always, with a valid policy). */
  readonly tierKnown: boolean;
  /** The caller accepts a confidence below the gate; the optimized result is then kept. */
  readonly manualConfidenceOverride: boolean;
  /** Local date `YYYY-MM-DD` the week starts: the fallback result's `trackingDate`. */
  readonly asOf: string;
  /** The creator's vault, for the fallback's content allocations; `null` when none was loaded. */
  readonly vault: Vault | null;
  /** TOP / MID / LOW / AVOID content type rankings for the allocations, `null` when none. */
  readonly contentRankings: ReadonlyArray<ContentTypeRanking> | null;
  /** Usable captions per send type (the caption shortages), `null` when unknown. */
  readonly usableCaptions: Readonly<Partial<Record<string, number>>> | null;
}

/**
 * The chain's outcome: the volume to build the week from, its level and the `volume_degraded`
 * issue of a fallback step (`null` for the optimized result).
 *
 * @since 0.2.0
 * @category volume
 */
export interface VolumeChainResult {
  /** The volume to build the week from. */
  readonly volume: VolumeResult;
  /** The step of the chain it came from. */
  readonly level: VolumeLevel;
  /** The `volume_degraded` issue of a fallback step, `null` for the optimized result. */
  readonly issue: Issue | null;
}

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
const weekly = <A>(f: (d: number) => A): Weekly<A> =>
  Object.fromEntries(WEEKDAYS.map((d) => [d, f(d)])) as unknown as Weekly<A>;

/**
 * A fallback volume result: `config` every day (uniform weekly distribution, weekday
 * multipliers 1), the given confidence, content allocations for its revenue quota, the caption
 * shortages, and the fields of `base` (the optimized result, when there is one) that do not
 * depend on the counts.
 */
const fallbackVolume = (
  input: VolumeChainInput,
  level: Exclude<VolumeLevel, 'optimized'>,
  config: VolumeConfig,
  confidence: number,
  reason: string,
  policy: SchedulePolicy,
): VolumeResult => {
  const base = input.optimized;
  const daily = config.revenuePerDay + config.engagementPerDay + config.retentionPerDay;
  const weeklyDistribution = weekly(() => daily);
  const shortages =
    base?.captionShortages ?? captionShortagesOf(input.creator, input.usableCaptions, policy);
  const tierRow = getVolumeTier(input.creator.fanCount, policy);
  const baseConfig: VolumeConfig = base?.baseConfig ?? {
    tier: tierRow.tier,
    revenuePerDay: tierRow.revenuePerDay,
    engagementPerDay: tierRow.engagementPerDay,
    retentionPerDay: input.creator.pageType === 'free' ? 0 : tierRow.retentionPerDay,
  };
  const adjustment = { adjustment: `volume_${level}`, reason };
  return {
    baseConfig,
    finalConfig: config,
    weeklyDistribution,
    dowMultipliersUsed: weekly(() => 1),
    contentAllocations: calculateContentAllocations(
      input.contentRankings,
      input.vault,
      config.revenuePerDay,
      policy,
    ).allocations,
    fusedSaturation: base?.fusedSaturation ?? policy.volume.neutralScore,
    fusedOpportunity: base?.fusedOpportunity ?? policy.volume.neutralScore,
    divergenceDetected: base?.divergenceDetected ?? false,
    confidenceScore: confidence,
    messageCount: base?.messageCount ?? 0,
    elasticityCapped: false,
    adjustmentsApplied: [
      ...(base?.adjustmentsApplied ?? ['base_tier_calculation']),
      adjustment.adjustment,
    ],
    auditTrail: [...(base?.auditTrail ?? []), adjustment],
    captionWarnings: captionPoolWarnings(shortages, policy),
    captionShortages: shortages,
    predictionId: null,
    volumeTargets: base?.volumeTargets ?? calculateVolumeTargets(input.creator, policy),
    elasticity: base?.elasticity ?? {
      status: 'skipped',
      reason: 'insufficient_volume_levels',
      capRevenuePerDay: null,
      rSquared: null,
      levels: 0,
    },
    traitAnalysis: base?.traitAnalysis ?? null,
    notes: base?.notes ?? [],
    ...legacyFieldsOf(config, input.creator, policy),
    fanCount: input.creator.fanCount,
    pageType: input.creator.pageType,
    trackingDate: input.asOf,
    calculationSource: level,
    dataSource: base?.dataSource ?? 'default_values',
    revenueTrendPercent: base?.revenueTrendPercent ?? null,
    saturationScore: base?.saturationScore ?? policy.volume.neutralScore,
    opportunityScore: base?.opportunityScore ?? policy.volume.neutralScore,
    weeklyTotal: daily * 7,
  };
};

/**
 * Runs the 001 volume degradation chain (see the module documentation):
 *
 * 1. the optimized result when it exists and its confidence is at least
 *    `policy.volume.failBelowConfidence` (0.3), or the caller set `manualConfidenceOverride`;
 * 2. the minimum safe `policy.volume.conservativeQuotas` (3 / 3 / 1, retention 0 on free pages)
 *    at `degradation.minimumSafeConfidence` (0.3) when the optimized confidence is below 0.3 (no
 *    history, no tracked trends, or too few messages): less data never gives a worse outcome
 *    than no data;
 * 3. when the optimization failed: the base tier at `degradation.baseTierConfidence` (0.6), or,
 *    when the tier is unknown, the tier estimated from the fan count at
 *    `degradation.fanCountEstimateConfidence` (0.5);
 * 4. `Left('no_tier')` when neither the tier nor the fan count is known (the build aborts), or the
 *    inputs cannot be read. Never throws.
 *
 * A fallback step returns a `volume_degraded` warning naming the level, its quotas, its
 * confidence and why.
 *
 * @example
 * degradeVolume({ ...input, optimized: resultWithConfidence0_2 }, policy)
 * // Right({ level: 'minimum_safe', volume: { finalConfig: 3/3/1, confidenceScore: 0.3, ... }, issue })
 *
 * Source: seed 001 "Volume Configuration Degradation"; RULINGS "new and sparse creators".
 *
 * @since 0.2.0
 * @category volume
 */
export const degradeVolume = (
  input: VolumeChainInput,
  policy: SchedulePolicy,
): E.Either<'no_tier', VolumeChainResult> => {
  try {
    return chain(input, policy);
  } catch {
    // Inputs that cannot be read: no tier can be determined from them.
    return E.left('no_tier');
  }
};

const chain = (
  input: VolumeChainInput,
  policy: SchedulePolicy,
): E.Either<'no_tier', VolumeChainResult> => {
  const v = policy.volume;
  const fansKnown = Number.isFinite(input.creator.fanCount) && input.creator.fanCount >= 0;
  const step = (
    level: Exclude<VolumeLevel, 'optimized'>,
    config: VolumeConfig,
    confidence: number,
    reason: string,
  ): VolumeChainResult => ({
    volume: fallbackVolume(input, level, config, confidence, reason, policy),
    level,
    issue: issue('volume_degraded', {
      level,
      confidenceScore: confidence,
      reason,
      quotas: {
        revenue: config.revenuePerDay,
        engagement: config.engagementPerDay,
        retention: config.retentionPerDay,
      },
    }),
  });
  const tierConfig = (): VolumeConfig => {
    const row = getVolumeTier(input.creator.fanCount, policy);
    return {
      tier: row.tier,
      revenuePerDay: row.revenuePerDay,
      engagementPerDay: row.engagementPerDay,
      retentionPerDay: input.creator.pageType === 'free' ? 0 : row.retentionPerDay,
    };
  };
  const o = input.optimized;
  if (o !== null) {
    if (o.confidenceScore >= v.failBelowConfidence || input.manualConfidenceOverride)
      return E.right({ volume: o, level: 'optimized', issue: null });
    const q = v.conservativeQuotas;
    return E.right(
      step(
        'minimum_safe',
        {
          tier: o.finalConfig.tier,
          revenuePerDay: q.revenue,
          engagementPerDay: q.engagement,
          retentionPerDay: input.creator.pageType === 'free' ? 0 : q.retention,
        },
        v.degradation.minimumSafeConfidence,
        `the data give confidence ${o.confidenceScore.toFixed(2)} (${o.messageCount} messages), below ${v.failBelowConfidence}`,
      ),
    );
  }
  const why = input.failure ?? 'the volume optimization failed';
  if (input.tierKnown && fansKnown)
    return E.right(step('base_tier', tierConfig(), v.degradation.baseTierConfidence, why));
  if (fansKnown)
    return E.right(
      step('fan_count_estimate', tierConfig(), v.degradation.fanCountEstimateConfidence, why),
    );
  return E.left('no_tier');
};
