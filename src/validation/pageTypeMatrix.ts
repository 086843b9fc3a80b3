/**
 * The page-type volume matrix of seed 000 task 3.1 and the bump-ratio validator built on it.
 * Self-contained: the matrix lives here until it moves to the volume module.
 *
 * @module
 */
import { SEND_TYPE_KEYS, type SendTypeKey } from '../domain/catalog';
import type { Issue } from '../domain/issues';
import type { SchedulePolicy } from '../domain/policy';
import type { ContentPageType, CreatorProfile, ScheduleItem } from '../domain/types';
import { vIssue } from './helpers';
import type { ValidationInput } from './types';

/**
 * Volume tier of the matrix. Source: seed 000 task 3.1.
 *
 * @since 0.1.0
 * @category validation
 */
export type MatrixTier = 'low' | 'mid' | 'high' | 'ultra';

/**
 * Sub-types the matrix has rows for (`personalized` falls back to `gfe`). Source: seed 000 task 3.1.
 *
 * @since 0.1.0
 * @category validation
 */
export type MatrixSubType = 'gfe' | 'commercial';

/** A `[min, max]` per-day range. */
type Range = readonly [number, number];

type TierRanges = Readonly<Record<MatrixTier, Range>>;

const ranges = (r: TierRanges): TierRanges => Object.freeze(r);

/**
 * Bumps per day by content page type, sub-type and tier, `[min, max]`.
 *
 * @since 0.1.0
 * @category validation
 */
export const BUMP_MATRIX: Readonly<
  Record<ContentPageType, Readonly<Record<MatrixSubType, TierRanges>>>
> = Object.freeze({
  nude: Object.freeze({
    gfe: ranges({ low: [4, 6], mid: [4, 6], high: [7, 9], ultra: [10, 12] }), // 000 task 3.1
    commercial: ranges({ low: [5, 6], mid: [4, 6], high: [7, 9], ultra: [10, 12] }), // 000 task 3.1
  }),
  non_nude: Object.freeze({
    gfe: ranges({ low: [4, 6], mid: [4, 6], high: [7, 9], ultra: [10, 12] }), // 000 task 3.1
    commercial: ranges({ low: [5, 6], mid: [4, 6], high: [7, 9], ultra: [10, 12] }), // 000 task 3.1
  }),
  porno: Object.freeze({
    gfe: ranges({ low: [5, 7], mid: [4, 6], high: [7, 9], ultra: [10, 12] }), // 000 task 3.1
    commercial: ranges({ low: [5, 8], mid: [4, 6], high: [7, 9], ultra: [10, 12] }), // 000 task 3.1 (2.67x ratio)
  }),
});

/**
 * Mass-message PPVs per day by tier, `[min, max]`.
 *
 * @since 0.1.0
 * @category validation
 */
export const TIER_PPVS: TierRanges = ranges({
  low: [2, 3], // 000 task 3.1
  mid: [4, 6], // 000 task 3.1
  high: [7, 9], // 000 task 3.1
  ultra: [10, 12], // 000 task 3.1
});

/**
 * Which send types count as PPVs and which as bumps for the ratio (000's `is_ppv` / `is_bump`).
 * Follow-ups never count.
 *
 * @since 0.1.0
 * @category validation
 */
export const BUMP_RATIO_SEND_TYPES: Readonly<{
  ppv: ReadonlyArray<SendTypeKey>;
  bump: ReadonlyArray<SendTypeKey>;
}> = Object.freeze({
  ppv: Object.freeze(['ppv_unlock', 'ppv_wall'] as SendTypeKey[]), // 000 task 3.1 `is_ppv`
  bump: Object.freeze(SEND_TYPE_KEYS.filter((k) => k.startsWith('bump_'))), // 000 task 3.1 `is_bump`: bump_*
});

/**
 * Tolerance either side of the expected ratio range: 0.2 = 20 %. Source: seed 000 task 3.1.
 *
 * @since 0.1.0
 * @category validation
 */
export const BUMP_RATIO_TOLERANCE = 0.2; // 000 task 3.1 "20% tolerance"

/**
 * The matrix row of a creator: `personalized` (or any sub-type without a row) reads `gfe`.
 * Source: seed 000 task 3.1 `calculate_volume_targets`.
 *
 * @since 0.1.0
 * @category validation
 */
export const matrixKeyOf = (creator: CreatorProfile): readonly [ContentPageType, MatrixSubType] => {
  const page: ContentPageType =
    creator.contentPageType in BUMP_MATRIX ? creator.contentPageType : 'nude';
  const sub: MatrixSubType = creator.subType === 'commercial' ? 'commercial' : 'gfe';
  return [page, sub];
};

/**
 * The matrix tier of a fan count, from the policy's tiers (low 0-999, mid 1,000-4,999,
 * high 5,000-14,999, ultra 15,000+).
 *
 * @since 0.1.0
 * @category validation
 */
export const matrixTierOf = (fanCount: number, policy: SchedulePolicy): MatrixTier => {
  const tiers = policy.volume.tiers;
  let tier: MatrixTier = 'low';
  for (const t of tiers) if (fanCount >= t.minFans) tier = t.tier;
  return tier;
};

/**
 * Result of `validateBumpRatio`.
 *
 * - `actualRatio`: bumps / PPVs, `null` without PPVs.
 * - `expectedRange`: `[min bumps / max PPVs, max bumps / min PPVs]`.
 * - `bumpsNeeded`: bumps to add when the ratio is too low, else `null`.
 * - `message`: why it is not valid (or the empty-schedule note), else `null`.
 *
 * @since 0.1.0
 * @category validation
 */
export interface BumpRatioResult {
  readonly isValid: boolean;
  readonly tier: MatrixTier;
  readonly matrixKey: readonly [ContentPageType, MatrixSubType];
  readonly ppvCount: number;
  readonly bumpCount: number;
  readonly actualRatio: number | null;
  readonly expectedRange: readonly [number, number];
  readonly bumpsNeeded: number | null;
  readonly message: string | null;
}

/**
 * Checks the schedule's bump : PPV ratio against the page-type matrix with 20 % tolerance.
 *
 * Counts the allocated (non-follow-up) items of `BUMP_RATIO_SEND_TYPES`. No PPVs and no bumps is
 * valid (with a note); bumps without PPVs, no bumps, a ratio below `0.8 x min` or above
 * `1.2 x max` are not.
 *
 * Source: seed 000 task 3.1 `validate_bump_ratio`, gap 3.2; RULINGS "Volume" (page-type matrix).
 *
 * @example
 * validateBumpRatio(items, creator, DEFAULT_POLICY).isValid
 *
 * @since 0.1.0
 * @category validation
 */
export const validateBumpRatio = (
  items: ReadonlyArray<ScheduleItem>,
  creator: CreatorProfile,
  policy: SchedulePolicy,
): BumpRatioResult => {
  const tier = matrixTierOf(creator.fanCount, policy);
  const matrixKey = matrixKeyOf(creator);
  const bumps = BUMP_MATRIX[matrixKey[0]][matrixKey[1]][tier];
  const ppvs = TIER_PPVS[tier];
  const expectedRange = [bumps[0] / ppvs[1], bumps[1] / ppvs[0]] as const;
  const allocated = items.filter((i) => !i.isFollowUp);
  const ppvCount = allocated.filter((i) =>
    BUMP_RATIO_SEND_TYPES.ppv.includes(i.sendTypeKey),
  ).length;
  const bumpCount = allocated.filter((i) =>
    BUMP_RATIO_SEND_TYPES.bump.includes(i.sendTypeKey),
  ).length;
  const base = { tier, matrixKey, ppvCount, bumpCount, expectedRange, bumpsNeeded: null };
  if (ppvCount === 0 && bumpCount === 0)
    return {
      ...base,
      isValid: true,
      actualRatio: null,
      message: 'No PPVs or bumps in schedule - empty schedule?',
    };
  if (ppvCount === 0)
    return {
      ...base,
      isValid: false,
      actualRatio: null,
      message: `Found ${bumpCount} bumps but no PPVs - invalid ratio`,
    };
  const actualRatio = bumpCount / ppvCount;
  if (bumpCount === 0)
    return {
      ...base,
      isValid: false,
      actualRatio,
      message: 'No bumps scheduled - add engagement content',
    };
  if (actualRatio < expectedRange[0] * (1 - BUMP_RATIO_TOLERANCE)) {
    const bumpsNeeded = Math.trunc(expectedRange[0] * ppvCount - bumpCount);
    return {
      ...base,
      isValid: false,
      actualRatio,
      bumpsNeeded,
      message: `Bump ratio too low (${actualRatio.toFixed(2)}x). Add ${bumpsNeeded} bumps.`,
    };
  }
  if (actualRatio > expectedRange[1] * (1 + BUMP_RATIO_TOLERANCE))
    return {
      ...base,
      isValid: false,
      actualRatio,
      message: `Bump ratio high (${actualRatio.toFixed(2)}x). Risk of inbox fatigue.`,
    };
  return { ...base, isValid: true, actualRatio, message: null };
};

/**
 * The bump-ratio validator as a check: warning `bump_ratio` when `validateBumpRatio` finds the
 * ratio invalid, info `bump_ratio` for an empty schedule.
 *
 * Source: seed 000 task 3.1, gap 3.2.
 *
 * @since 0.1.0
 * @category validation
 */
export const checkBumpRatio = (input: ValidationInput): ReadonlyArray<Issue> => {
  const r = validateBumpRatio(input.items, input.creator, input.policy);
  if (r.message === null) return [];
  const { message, ...details } = r;
  return [vIssue(r.isValid ? 'info' : 'warning', 'bump_ratio', message, details)];
};
