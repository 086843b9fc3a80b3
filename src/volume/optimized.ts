/**
 * The volume result the pipeline consumes. Source: seed 001 §1.2.1 (`OptimizedVolumeResult`),
 * seed 002; RULINGS "Volume".
 *
 * @module
 */

import * as E from 'fp-ts/lib/Either.js';
import { performanceRecordsFromHistory } from '../analytics/performanceRecords';
import { analyzeTopPerformerTraits, applyContentIncreasesToCounts } from '../analytics/traits';
import { SEND_TYPE_KEYS, SEND_TYPES, type SendTypeKey } from '../domain/catalog';
import { type Issue, issue } from '../domain/issues';
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import { addDaysIso, localToEpochMinute } from '../domain/time';
import type {
  ContentTypeRanking,
  CreatorProfile,
  MassMessage,
  PerformanceTrends,
  Vault,
} from '../domain/types';
import type { VolumeAdjustmentOutcomeRecord } from '../records/types';
import { calculateContentAllocations } from './contentWeighting';
import { calculateDynamicVolume } from './dynamic';
import { applyElasticityCap, elasticityIssues, elasticityOf } from './elasticity';
import { fuseHorizons } from './fusion';
import { freezeDeep, historyIndexOf, messagesBetween, policyKey } from './historyIndex';
import { learningSignalsFor } from './learning';
import { scoresOf } from './scores';
import { getVolumeTier } from './tiers';
import type {
  CaptionShortage,
  VolumeAdjustment,
  VolumeConfig,
  VolumeDataSource,
  VolumeResult,
} from './types';
import { calculateVolumeTargets, engagementRangeFor } from './volumeTargets';
import {
  calculateWeeklyDistribution,
  confidenceFromMessageCount,
  dowMultipliersOf,
  normalizeDowMultipliers,
} from './weekly';

/**
 * Inputs of `calculateOptimizedVolume`.
 *
 * @since 0.1.0
 * @category volume
 */
export interface VolumeContext {
  /** The creator: fan count (the base tier), page type, content page type, sub-type, time zone. */
  readonly creator: CreatorProfile;
  /**
   * Tracked performance trends (seed 002 `volume_performance_tracking`), fused across horizons;
   * `null` when none are tracked, and the scores are then computed from `history`.
   */
  readonly trends: PerformanceTrends | null;
  /** The creator's mass-message history: on-demand scores, weekday multipliers and confidence. */
  readonly history: ReadonlyArray<MassMessage>;
  /** Local date the week starts; history is read before it. */
  readonly asOf: string;
  /** The creator's vault (content allocations), `null` when none was loaded. */
  readonly vault: Vault | null;
  /** Usable captions per send type (freshness >= 30, performance >= 40), `null` when unknown. */
  readonly usableCaptions: Readonly<Partial<Record<SendTypeKey, number>>> | null;
  /** TOP / MID / LOW / AVOID rankings of content types, `null` when none. */
  readonly contentRankings?: ReadonlyArray<ContentTypeRanking> | null;
  /**
   * The creator's past adjustment outcomes (004 `volume_adjustment_outcomes`, from the
   * `getAdjustmentOutcomes` port); their learning signals act on the 002 multipliers
   * (`learningSignalsFor`). Omitted or `null` = no learning signal.
   */
  readonly adjustmentOutcomes?: ReadonlyArray<VolumeAdjustmentOutcomeRecord> | null;
}

const LEVEL = { low: 'Low', mid: 'Mid', high: 'High', ultra: 'Ultra' } as const;

/**
 * Caption-pool shortages: every send type the page uses with fewer than
 * `policy.content.lowPoolThreshold` (3) usable captions, with its count (0 = critical shortage).
 * Empty when the counts are unknown. Source: seed 001 §1.2.1 module 7.
 *
 * @since 0.2.0
 * @category volume
 */
export const captionShortagesOf = (
  creator: Pick<CreatorProfile, 'pageType'>,
  usable: Readonly<Partial<Record<SendTypeKey, number>>> | null,
  policy: SchedulePolicy,
): ReadonlyArray<CaptionShortage> => {
  if (usable === null) return [];
  const th = policy.content.lowPoolThreshold;
  return SEND_TYPE_KEYS.filter((k) => SEND_TYPES[k].pageTypes.includes(creator.pageType)).flatMap(
    (k) => {
      const n = usable[k] ?? 0;
      return n < th ? [{ sendTypeKey: k, usable: n }] : [];
    },
  );
};

/**
 * The seed's caption-pool warning texts of the shortages: `Critical shortage for <type>: 0 usable
 * captions` and `Low captions for <type>: <3 usable` (001 §1.2.1 module 7 `caption_warnings`).
 *
 * @since 0.1.0
 * @category volume
 */
export const captionPoolWarnings = (
  shortages: ReadonlyArray<CaptionShortage>,
  policy: SchedulePolicy,
): ReadonlyArray<string> =>
  shortages.map((s) =>
    s.usable === 0
      ? `Critical shortage for ${s.sendTypeKey}: 0 usable captions`
      : `Low captions for ${s.sendTypeKey}: <${policy.content.lowPoolThreshold} usable`,
  );

/**
 * The whole volume result: base tier, score fusion (tracked 7d/14d/30d) or on-demand scores
 * from history or neutral defaults, seed 002's multipliers and trend rule, confidence from the
 * messages analysed, weekday multipliers and the weekly distribution, content allocations and
 * caption-pool warnings. `predictionId` is `null`: the pipeline asks the prediction port.
 * With `adjustmentOutcomes`, the learning signal of past adjustments pulls the 002 multipliers
 * toward 1 when negative (`learningSignalsFor`), each kind reported as a `learning_signal_applied`
 * note (pulled or kept); without them the result is the same as before the port existed.
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
  const audit: VolumeAdjustment[] = [];
  const note = (adjustment: string, reason: string) => audit.push({ adjustment, reason });
  const notes: Issue[] = [];

  // 1. Base tier (always).
  const tierRow = getVolumeTier(creator.fanCount, policy);
  note(
    'base_tier_calculation',
    `${creator.fanCount} fans -> ${tierRow.tier} tier (${tierRow.revenuePerDay}/${tierRow.engagementPerDay}/${tierRow.retentionPerDay} per day)`,
  );

  // 2. Scores: multi-horizon fusion of tracked scores, else on-demand from history, else neutral.
  const fused = trends ? fuseHorizons(trends, policy) : null;
  // every history-dependent figure below is read from one index (remembered for a frozen history)
  const index = historyIndexOf(history);
  const onDemand = fused ? null : scoresOf(index, asOf, policy);
  const dataSource: VolumeDataSource = fused
    ? 'volume_performance_tracking'
    : onDemand
      ? 'calculated_on_demand'
      : 'default_values';
  const saturation =
    fused?.fusedSaturation ?? onDemand?.saturationScore ?? policy.volume.neutralScore;
  const opportunity =
    fused?.fusedOpportunity ?? onDemand?.opportunityScore ?? policy.volume.neutralScore;
  if (fused)
    note(
      'multi_horizon_fusion',
      `7d/14d/30d weights ${fused.weights['7d'].toFixed(2)}/${fused.weights['14d'].toFixed(2)}/${fused.weights['30d'].toFixed(2)}${fused.divergenceDetected ? ' (7d and 30d diverge by 15+ points)' : ''}: saturation ${saturation}, opportunity ${opportunity}`,
    );
  else if (onDemand)
    note(
      'scores_calculated_on_demand',
      `14-day history: saturation ${saturation}, opportunity ${opportunity} (${onDemand.messageCount} messages)`,
    );
  else
    note(
      'default_scores',
      `no tracked scores and too little history: neutral ${policy.volume.neutralScore}/${policy.volume.neutralScore}`,
    );
  const revenueTrendPercent = trends?.revenueTrendPercent ?? onDemand?.revenueTrendPercent ?? null;

  // 3. Confidence from the messages analysed.
  const start = localToEpochMinute(
    addDaysIso(asOf, -policy.volume.dowHistoryDays),
    0,
    creator.timezone,
  );
  const end = localToEpochMinute(asOf, 0, creator.timezone);
  const windowHistory = messagesBetween(index, start, end);
  const messageCount = fused && trends ? trends.messageCount : windowHistory.length;
  const confidenceScore = confidenceFromMessageCount(messageCount, policy);

  // 002 rules with the 004 learning signal and confidence damping of their multipliers.
  const signals = learningSignalsFor(
    context.adjustmentOutcomes ?? null,
    creator.creatorId,
    asOf,
    policy,
  );
  const signalOf = Object.fromEntries(Object.entries(signals).map(([kind, s]) => [kind, s.signal]));
  const dyn = calculateDynamicVolume(
    {
      fanCount: creator.fanCount,
      pageType: creator.pageType,
      saturationScore: saturation,
      opportunityScore: opportunity,
      revenueTrendPercent,
      dataSource,
      confidenceScore,
      ...(Object.keys(signalOf).length > 0 ? { learningSignals: signalOf } : {}),
    },
    policy,
  );
  for (const a of dyn.adjustmentsApplied.slice(1)) {
    const pull = dyn.learningPulls.find((p) => a.startsWith(`learning_pull_${p.kind}_`));
    note(
      a,
      pull === undefined
        ? dynamicReason(a, saturation, opportunity, revenueTrendPercent, confidenceScore)
        : `learning signal ${pull.signal.toFixed(2)} of past ${pull.kind} adjustments (004): the 002 multiplier ${pull.ruleMultiplier} pulled toward 1 (RULINGS "learning signal")`,
    );
  }
  for (const p of dyn.learningPulls)
    notes.push(
      issue('learning_signal_applied', {
        kind: p.kind,
        signal: p.signal,
        outcomes: signals[p.kind]?.outcomes ?? 0,
        ruleMultiplier: p.ruleMultiplier,
        multiplier: p.multiplier,
        pulled: p.multiplier !== p.ruleMultiplier,
      }),
    );

  // Page-type matrix: the engagement quota follows the tier's bump range (000 task 3.1).
  const targets = calculateVolumeTargets(creator, policy);
  const [engLo, engHi] = engagementRangeFor(creator, policy.volume.bounds.engagement, policy);
  const engagementPerDay = Math.min(engHi, Math.max(engLo, dyn.finalConfig.engagementPerDay));
  if (engagementPerDay !== dyn.finalConfig.engagementPerDay)
    note(
      'page_type_bump_range',
      `${creator.contentPageType}/${creator.subType} at the ${targets.tier} tier asks ${targets.bumpsPerDay[0]}-${targets.bumpsPerDay[1]} bumps a day: engagement ${dyn.finalConfig.engagementPerDay} -> ${engagementPerDay}`,
    );

  // 5. Elasticity: cap revenue where one more PPV a day stops paying.
  const elasticity = elasticityOf(index, creator.timezone, asOf, policy.elasticity);
  const capped = applyElasticityCap(
    dyn.finalConfig.revenuePerDay,
    elasticity,
    policy.volume.bounds.revenue,
  );
  notes.push(...elasticityIssues(elasticity));
  if (capped.capped)
    note(
      'elasticity_capped',
      `marginal revenue of PPV ${elasticity.capRevenuePerDay ?? 0}+1 falls below ${elasticity.thresholdUsd.toFixed(2)} USD: revenue ${dyn.finalConfig.revenuePerDay} -> ${capped.revenuePerDay}`,
    );
  else if (elasticity.status === 'skipped')
    note('elasticity_skipped', `elasticity not fitted: ${elasticity.reason}`);

  const f: VolumeConfig = {
    ...dyn.finalConfig,
    engagementPerDay,
    revenuePerDay: capped.revenuePerDay,
  };

  // 4. Weekday multipliers and the weekly distribution (7 x the daily total exactly).
  const dow = normalizeDowMultipliers(
    dowMultipliersOf(index, asOf, creator.timezone, confidenceScore, policy),
    policy,
  );
  const b = policy.volume.bounds;
  const maxRetention = creator.pageType === 'free' ? 0 : b.retention[1];
  const weeklyDistribution = calculateWeeklyDistribution(
    f.revenuePerDay + f.engagementPerDay + f.retentionPerDay,
    dow,
    b.revenue[0] + b.engagement[0] + (creator.pageType === 'free' ? 0 : b.retention[0]),
    b.revenue[1] + b.engagement[1] + maxRetention,
  );
  if (Object.values(dow).some((x) => x !== 1))
    note(
      'dow_multipliers',
      `weekday revenue history shrunk by confidence ${confidenceScore.toFixed(2)}: ${Object.values(dow).join('/')}`,
    );
  else
    note(
      'uniform_distribution',
      policy.volume.dowMultiplierClamp[0] === 1 && policy.volume.dowMultiplierClamp[1] === 1
        ? 'weekday multipliers clamped to 1 (volume.dowMultiplierClamp): every day gets the daily total'
        : 'no weekday revenue history: every day gets the daily total',
    );

  // 6. Content weighting, then the data-driven trait increases (000 task 3.3).
  const weighting = calculateContentAllocations(
    context.contentRankings ?? null,
    context.vault,
    f.revenuePerDay,
    policy,
  );
  note(
    weighting.method === 'rankings'
      ? 'content_weighting'
      : weighting.method === 'equal'
        ? 'equal_content_weighting'
        : 'no_content_weighting',
    weighting.method === 'rankings'
      ? `TOP/MID/LOW/AVOID rankings over ${Object.keys(weighting.allocations).length} content types${weighting.excluded.length > 0 ? ` (${weighting.excluded.join(', ')} not in the vault)` : ''}`
      : weighting.method === 'equal'
        ? "no rankings: equal weighting over the vault's content types"
        : 'no rankings and no vault',
  );
  const traits = index.memo(
    `traits\u0000${start}\u0000${end}\u0000${policyKey(policy.traits)}`,
    () =>
      freezeDeep(
        analyzeTopPerformerTraits(performanceRecordsFromHistory(windowHistory), {}, policy),
      ),
  );
  let contentAllocations = weighting.allocations;
  let traitSummary: VolumeResult['traitAnalysis'] = null;
  if (E.isLeft(traits))
    notes.push(issue('trait_analysis_skipped', { problems: traits.left.map((i) => i.message) }));
  else {
    const a = traits.right;
    const contentRecs = a.recommendations.filter((r) => r.trait === 'content_type');
    traitSummary = {
      analyzedCount: a.analyzedCount,
      statisticalConfidence: a.statisticalConfidence,
      bonferroniAlpha: a.bonferroniAlpha,
      recommendations: a.recommendations.map(
        (r) =>
          `${r.trait}${r.trait === 'content_type' ? `:${r.contentType}` : r.trait === 'tone' ? `:${r.tone}` : ''} x${r.multiplier} (p=${r.pValue.toPrecision(3)})`,
      ),
    };
    if (contentRecs.length > 0 && Object.keys(contentAllocations).length > 0) {
      const increased = applyContentIncreasesToCounts(
        contentAllocations,
        contentRecs,
        f.revenuePerDay,
      );
      if (JSON.stringify(increased) !== JSON.stringify(contentAllocations)) {
        contentAllocations = increased;
        note(
          'trait_volume_increase',
          `top performers share ${contentRecs.map((r) => (r.trait === 'content_type' ? r.contentType : '')).join(', ')} (significant after Bonferroni, ${a.statisticalConfidence} confidence): allocation increased`,
        );
      }
    }
  }

  // 7. Caption pool check.
  const captionShortages = captionShortagesOf(creator, context.usableCaptions, policy);
  const captionWarnings = captionPoolWarnings(captionShortages, policy);
  note(
    'caption_pool_check',
    captionWarnings.length === 0
      ? 'enough usable captions for every send type'
      : `${captionWarnings.length} send types short of captions`,
  );

  const weeklyTotal = Object.values(weeklyDistribution).reduce((x, y) => x + y, 0);
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
    elasticityCapped: capped.capped,
    adjustmentsApplied: audit.map((a) => a.adjustment),
    auditTrail: audit,
    captionWarnings,
    captionShortages,
    predictionId: null,
    volumeTargets: targets,
    elasticity: {
      status: elasticity.status,
      reason: elasticity.reason,
      capRevenuePerDay: elasticity.capRevenuePerDay,
      rSquared: elasticity.fit?.rSquared ?? null,
      levels: elasticity.levels.filter((l) => l.counted).length,
    },
    traitAnalysis: traitSummary,
    notes,
    ...legacyFieldsOf(f, creator, policy),
    fanCount: creator.fanCount,
    pageType: creator.pageType,
    trackingDate: asOf,
    calculationSource: 'optimized',
    dataSource,
    revenueTrendPercent,
    saturationScore: saturation,
    opportunityScore: opportunity,
    weeklyTotal,
  };
};

/** Send types counted as bundles and games in 002's `bundle_per_week` / `game_per_week`. */
const BUNDLE_TYPES: ReadonlyArray<SendTypeKey> = ['bundle', 'flash_bundle', 'snapchat_bundle']; // 002 response fields
const GAME_TYPES: ReadonlyArray<SendTypeKey> = ['game_post']; // 002 response fields

/**
 * Seed 002's legacy response fields of a volume config: `volume_level`, the per-day counts and
 * the expected bundles, games a week and follow-ups a day from the allocation's type weights.
 *
 * @since 0.2.0
 * @category volume
 */
export const legacyFieldsOf = (
  f: VolumeConfig,
  creator: Pick<CreatorProfile, 'pageType'>,
  policy: SchedulePolicy,
): Pick<
  VolumeResult,
  | 'volumeLevel'
  | 'ppvPerDay'
  | 'bumpPerDay'
  | 'revenueItemsPerDay'
  | 'engagementItemsPerDay'
  | 'retentionItemsPerDay'
  | 'bundlePerWeek'
  | 'gamePerWeek'
  | 'followupPerDay'
> => {
  const revenueTypes = SEND_TYPE_KEYS.filter(
    (k) =>
      SEND_TYPES[k].category === 'revenue' && SEND_TYPES[k].pageTypes.includes(creator.pageType),
  );
  const total = revenueTypes.reduce((x, k) => x + (policy.allocation.typeWeights[k] ?? 0), 0);
  const expectedShare = (group: ReadonlyArray<SendTypeKey>) =>
    total > 0
      ? group
          .filter((k) => revenueTypes.includes(k))
          .reduce((x, k) => x + (policy.allocation.typeWeights[k] ?? 0), 0) / total
      : 0;
  const followupParents = SEND_TYPE_KEYS.filter((k) => SEND_TYPES[k].canHaveFollowup);
  return {
    volumeLevel: LEVEL[f.tier],
    ppvPerDay: f.revenuePerDay,
    bumpPerDay: f.engagementPerDay,
    revenueItemsPerDay: f.revenuePerDay,
    engagementItemsPerDay: f.engagementPerDay,
    retentionItemsPerDay: f.retentionPerDay,
    bundlePerWeek: Math.round(f.revenuePerDay * 7 * expectedShare(BUNDLE_TYPES)),
    gamePerWeek: Math.round(f.revenuePerDay * 7 * expectedShare(GAME_TYPES)),
    followupPerDay: Math.min(
      policy.followups.maxPerDay,
      Math.round(f.revenuePerDay * expectedShare(followupParents)),
    ),
  };
};

const dynamicReason = (
  adjustment: string,
  saturation: number,
  opportunity: number,
  trend: number | null,
  confidence: number,
): string => {
  if (adjustment.startsWith('saturation_'))
    return `saturation ${saturation} (002: > 70 x0.7, 50-70 x0.9)`;
  if (adjustment.startsWith('opportunity_'))
    return `opportunity ${opportunity} with saturation ${saturation} (002)`;
  if (adjustment.startsWith('revenue_trend_')) return `revenue trend ${trend}% beyond +-15 % (002)`;
  if (adjustment.startsWith('confidence_dampening'))
    return `confidence ${confidence.toFixed(2)} < 0.6: multipliers damped toward 1 (001 §1.2.1 module 3)`;
  if (adjustment === 'free_page_no_retention')
    return 'free page: no renew_on_* or expired_winback (002 note)';
  return adjustment;
};
