/**
 * Volume targets from the page-type matrix: PPV and bump ranges per day by content page type,
 * sub-type and fan-count tier (the matrix itself is `policy.matrix`), the engagement range the
 * pipeline's quota follows, and the revenue / engagement mix target. The bump-ratio check built
 * on it is `validateBumpRatio` in the validation module.
 *
 * Source: seed 000 gaps 3.1, 3.2 and task 3.1; RULINGS "Volume" (page-type matrix,
 * revenue / engagement mix).
 *
 * @module
 */
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import type {
  DailyRange,
  MatrixSubType,
  MatrixTier,
  TierRanges,
  VolumeTargets,
  VolumeTier,
} from '../domain/stages';
import type { ContentPageType, SubType } from '../domain/types';
import { getVolumeTier } from './tiers';

export type {
  DailyRange,
  MatrixSubType,
  MatrixTier,
  TierRanges,
  VolumeTargets,
} from '../domain/stages';

/**
 * Bumps per day by content page type, sub-type and tier, `[min, max]`: the default policy's
 * `matrix.bumps` (frozen).
 *
 * Source: seed 000 task 3.1 `BUMP_MATRIX` (gap 3.2 volume matrix).
 *
 * @example
 * BUMP_MATRIX.porno.commercial.low // [5, 8]
 *
 * @since 0.1.0
 * @category volume
 */
export const BUMP_MATRIX: Readonly<
  Record<ContentPageType, Readonly<Record<MatrixSubType, TierRanges>>>
> = DEFAULT_POLICY.matrix.bumps;

/**
 * Mass-message PPVs (MMPPVs) per day by tier, `[min, max]`: the default policy's
 * `matrix.mmppvs` (frozen). Source: seed 000 task 3.1 `TIER_PPVS`.
 *
 * @since 0.1.0
 * @category volume
 */
export const TIER_PPVS: TierRanges = DEFAULT_POLICY.matrix.mmppvs;

/** Floating-point slack so a ratio exactly at a tolerance edge (4/3 = 0.8 x 5/3) counts as on it. */
const RATIO_EPSILON = 1e-9;

/**
 * What the matrix reads of a creator: fan count, content page type and sub-type (a
 * `CreatorProfile` fits). Source: seed 000 task 3.1 `CreatorConfig`.
 *
 * @since 0.1.0
 * @category volume
 */
export interface PageTypeConfig {
  /** The creator's fan count: picks the matrix volume tier. */
  readonly fanCount: number;
  /** The content page type: the matrix row (one without a row reads `nude` / `gfe`). */
  readonly contentPageType: ContentPageType;
  /** The page sub-type: the matrix column (one without a row, `personalized`, reads `gfe`). */
  readonly subType: SubType;
}

const hasOwn = (o: object, k: string): boolean => Object.hasOwn(o, k);

/**
 * The matrix row of a creator, `[contentPageType, subType]`: a sub-type without a row
 * (`personalized`) reads `gfe`; a content page type without a row reads `nude` / `gfe`.
 *
 * Source: seed 000 task 3.1 `calculate_volume_targets` fallbacks.
 *
 * @example
 * matrixKeyOf({ contentPageType: 'porno', subType: 'personalized' }) // ['porno', 'gfe']
 *
 * @since 0.1.0
 * @category volume
 */
export const matrixKeyOf = (
  config: Pick<PageTypeConfig, 'contentPageType' | 'subType'>,
): readonly [ContentPageType, MatrixSubType] => {
  if (!hasOwn(BUMP_MATRIX, config.contentPageType)) return ['nude', 'gfe'];
  const page = config.contentPageType;
  const sub: MatrixSubType = hasOwn(BUMP_MATRIX[page], config.subType)
    ? (config.subType as MatrixSubType)
    : 'gfe';
  return [page, sub];
};

/**
 * The matrix tier of a fan count, from the policy's tiers (`getVolumeTier`).
 * Source: seed 000 task 3.1 `get_volume_tier`; RULINGS "fan-count tiers".
 *
 * @since 0.1.0
 * @category volume
 */
export const matrixTierOf = (
  fanCount: number,
  policy: SchedulePolicy = DEFAULT_POLICY,
): MatrixTier => getVolumeTier(fanCount, policy).tier;

/**
 * MMPPV and bump targets of a creator from the page-type matrix.
 *
 * Source: seed 000 task 3.1 `calculate_volume_targets`, gap 3.2.
 *
 * @example
 * const t = calculateVolumeTargets({ fanCount: 500, contentPageType: 'porno', subType: 'commercial' });
 * t.bumpsPerDay    // [5, 8]
 * t.bumpRatioRange // [1.67, 4] (5/3, 8/2)
 *
 * @since 0.1.0
 * @category volume
 */
export const calculateVolumeTargets = (
  config: PageTypeConfig,
  policy: SchedulePolicy = DEFAULT_POLICY,
): VolumeTargets => {
  const tier = matrixTierOf(config.fanCount, policy);
  const matrixKey = matrixKeyOf(config);
  const bumps = policy.matrix.bumps[matrixKey[0]][matrixKey[1]][tier];
  const ppvs = policy.matrix.mmppvs[tier];
  return {
    tier,
    matrixKey,
    mmppvsPerDay: ppvs,
    bumpsPerDay: bumps,
    bumpToPpvRatio: bumps[0] / ppvs[0],
    bumpRatioRange: [bumps[0] / ppvs[1], bumps[1] / ppvs[0]],
    totalMessagesPerDay: [ppvs[0] + bumps[0], ppvs[1] + bumps[1]],
  };
};

/**
 * The engagement items per day the matrix asks of a creator: the bump range of its row and tier
 * clipped to `bounds` (the policy's engagement bounds, 1-8 per day). Always
 * `bounds[0] <= min <= max <= bounds[1]` for valid bounds.
 *
 * Source: seed 000 gap 3.2, task 3.1; seed 001 phase 1 checkpoint (bounds); RULINGS "Volume".
 *
 * @example
 * engagementRangeFor({ fanCount: 500, contentPageType: 'porno', subType: 'commercial' }) // [5, 8]
 * engagementRangeFor({ fanCount: 20_000, contentPageType: 'nude', subType: 'gfe' })      // [8, 8]
 *
 * @since 0.1.0
 * @category volume
 */
export const engagementRangeFor = (
  config: PageTypeConfig,
  bounds: DailyRange = DEFAULT_POLICY.volume.bounds.engagement,
  policy: SchedulePolicy = DEFAULT_POLICY,
): DailyRange => {
  const [lo, hi] = bounds;
  const clip = (x: number): number => Math.min(hi, Math.max(lo, x));
  const [min, max] = calculateVolumeTargets(config, policy).bumpsPerDay;
  return [clip(min), clip(max)];
};

/**
 * Target revenue share of revenue + engagement items per day: `revenueMixLowTier` (0.6) for the
 * first (lowest) tier of the policy, `revenueMixOtherTiers` (0.5) for the others.
 *
 * Source: seed 000 gap 3.1; RULINGS "Volume" (revenue / engagement mix).
 *
 * @since 0.1.0
 * @category volume
 */
export const revenueMixTarget = (
  tier: VolumeTier,
  policy: SchedulePolicy = DEFAULT_POLICY,
): number =>
  tier === policy.volume.tiers[0]?.tier
    ? policy.validation.revenueMixLowTier
    : policy.validation.revenueMixOtherTiers;

/**
 * A day's revenue / engagement mix against its target.
 *
 * - `share`: revenue / (revenue + engagement), 0-1, unrounded; `null` when the day has neither.
 * - `target`: `revenueMixTarget(tier)`; `tolerance`: `revenueMixTolerance` (0.15).
 * - `withinTolerance`: `|share - target| <= tolerance` (true for a day with neither).
 *
 * @since 0.1.0
 * @category volume
 */
export interface RevenueMix {
  /** Revenue / (revenue + engagement), 0-1, unrounded; `null` when the day has neither. */
  readonly share: number | null;
  /** `revenueMixTarget(tier)`: 0.6 for the lowest tier, 0.5 for the others (seed 000 gap 3.1). */
  readonly target: number;
  /** `policy.validation.revenueMixTolerance` (0.15), either side of `target`. */
  readonly tolerance: number;
  /** `|share - target| <= tolerance` (true for a day with neither). */
  readonly withinTolerance: boolean;
}

/**
 * The revenue / engagement mix of one day's item counts against the tier's target. Outside the
 * tolerance is a warning for the caller to report, not an error, since the page-type matrix
 * itself asks for more bumps than PPVs on low tiers.
 *
 * Source: seed 000 gap 3.1; RULINGS "Volume" (revenue / engagement mix).
 *
 * @example
 * revenueMixOf({ revenue: 5, engagement: 1 }, 'low') // { share: 0.83, target: 0.6, withinTolerance: false, ... }
 *
 * @since 0.1.0
 * @category volume
 */
export const revenueMixOf = (
  dayCounts: { readonly revenue: number; readonly engagement: number },
  tier: VolumeTier,
  policy: SchedulePolicy = DEFAULT_POLICY,
): RevenueMix => {
  const target = revenueMixTarget(tier, policy);
  const tolerance = policy.validation.revenueMixTolerance;
  const n = dayCounts.revenue + dayCounts.engagement;
  if (n <= 0) return { share: null, target, tolerance, withinTolerance: true };
  const share = dayCounts.revenue / n;
  return {
    share,
    target,
    tolerance,
    withinTolerance: Math.abs(share - target) <= tolerance + RATIO_EPSILON,
  };
};
