/**
 * Content weighting: a day's revenue items split over content types by the creator's
 * TOP / MID / LOW / AVOID rankings, or equally over the vault's content types without rankings.
 *
 * Source: seed 001 §1.2.1 module 6 (`content_allocations`, "Equal weighting" when no rankings
 * exist), seed 001 `get_content_type_rankings`.
 *
 * @module
 */
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import type { ContentRankTier, ContentTypeRanking, Vault } from '../domain/types';
import { apportion } from './weekly';

/**
 * Relative weight of each ranking tier: TOP 3, MID 2, LOW 1, AVOID 0 (never allocated). With one
 * type per tier and 6 revenue items this gives the seed's `{ solo: 3, lingerie: 2, outdoor: 1 }`.
 *
 * Source: seed 001 §1.2.1 module 6 example; TOP / MID / LOW / AVOID from seed 001
 * `get_content_type_rankings`.
 *
 * @since 0.1.0
 * @category volume
 */
export const CONTENT_RANK_WEIGHTS: Readonly<Record<ContentRankTier, number>> =
  DEFAULT_POLICY.volume.contentWeighting.rankWeights;

/**
 * Largest number of content types equal weighting spreads a day over: the vault's 6 largest.
 * A project choice (seed 001 names "Equal weighting" without a count): more types than revenue
 * items per day would leave most of them at 0.
 *
 * @since 0.1.0
 * @category volume
 */
export const EQUAL_WEIGHTING_MAX_TYPES: number =
  DEFAULT_POLICY.volume.contentWeighting.equalWeightingMaxTypes;

/**
 * How `calculateContentAllocations` split the day: `rankings` (by tier weights), `equal` (no
 * usable rankings: equal over the vault's largest content types), `none` (nothing to split over).
 *
 * @since 0.1.0
 * @category volume
 */
export type ContentWeightingMethod = 'rankings' | 'equal' | 'none';

/**
 * Result of `calculateContentAllocations`.
 *
 * - `allocations`: revenue items per content type for one day, only types with at least 1; the
 *   values sum to `revenuePerDay` unless `method` is `none` (then empty).
 * - `method`: see `ContentWeightingMethod`.
 * - `excluded`: ranked content types the vault has no items of (only when the vault is known),
 *   in ranking order.
 *
 * @since 0.1.0
 * @category volume
 */
export interface ContentAllocationResult {
  /**
   * Revenue items per content type for one day, only types with at least 1; the values sum to
   * `revenuePerDay` unless `method` is `none` (then empty).
   */
  readonly allocations: Readonly<Record<string, number>>;
  /** How the day was split (`rankings`, `equal` or `none`). */
  readonly method: ContentWeightingMethod;
  /** Ranked content types the vault has no items of (only when the vault is known), in ranking order. */
  readonly excluded: ReadonlyArray<string>;
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const scoreOf = (r: ContentTypeRanking): number =>
  typeof r.score === 'number' && Number.isFinite(r.score) ? r.score : Number.NEGATIVE_INFINITY;

/** Higher score first, unscored last. */
const byScore = (a: ContentTypeRanking, b: ContentTypeRanking): number => {
  const x = scoreOf(a);
  const y = scoreOf(b);
  return x === y ? 0 : x > y ? -1 : 1;
};

const split = (
  types: ReadonlyArray<string>,
  weights: ReadonlyArray<number>,
  total: number,
): Readonly<Record<string, number>> => {
  const parts = apportion(total, weights);
  return Object.freeze(
    Object.fromEntries(
      types.flatMap((k, i) => ((parts[i] ?? 0) > 0 ? [[k, parts[i] as number] as const] : [])),
    ),
  );
};

/** The vault's content types with items, largest first (ties by name), at most `max`. */
const largestVaultTypes = (
  vault: Vault,
  skip: ReadonlySet<string>,
  max: number,
): ReadonlyArray<string> =>
  Object.entries(vault.contentTypes)
    .filter(([k, n]) => n > 0 && !skip.has(k))
    .sort((a, b) => b[1] - a[1] || byName(a[0], b[0]))
    .slice(0, max)
    .map(([k]) => k);

const equalOver = (
  vault: Vault | null,
  skip: ReadonlySet<string>,
  total: number,
  excluded: ReadonlyArray<string>,
  max: number,
): ContentAllocationResult => {
  const types = vault === null ? [] : largestVaultTypes(vault, skip, max);
  if (types.length === 0) return { allocations: Object.freeze({}), method: 'none', excluded };
  return {
    allocations: split(
      types,
      types.map(() => 1),
      total,
    ),
    method: 'equal',
    excluded,
  };
};

/**
 * Revenue items per content type for one day.
 *
 * - With rankings: each ranked content type gets a share of `revenuePerDay` proportional to
 *   its tier weight (`policy.volume.contentWeighting.rankWeights`: TOP 3, MID 2, LOW 1, AVOID 0),
 *   in whole items by the largest-remainder method (`apportion`), so the parts sum exactly to
 *   `revenuePerDay`. The score (0-100) does not change the proportions: it orders the types
 *   inside a tier and breaks remainder ties (higher score first, unscored last, then by name),
 *   so with fewer items than types the highest-ranked types get them (2 items over 5 TOP types:
 *   the 2 best-scored get 1 each). When the vault is known, ranked types it has no items of are
 *   left out and listed in `excluded`. A content type ranked twice keeps its first ranking.
 * - When every ranked type is AVOID or excluded: equal weighting over the vault's other
 *   (non-AVOID) content types, method `equal`.
 * - Without rankings (`null` or empty): equal weighting over the vault's content types with
 *   items, the `equalWeightingMaxTypes` (6) largest by item count (ties by name), method
 *   `equal`.
 * - Nothing to split over (no rankings and no vault, or an empty vault): `{}`, method `none`.
 *
 * `revenuePerDay` is a whole number of items (a fraction is floored, a negative count is 0).
 * Pure and deterministic: the same inputs give the same allocations.
 *
 * Source: seed 001 §1.2.1 module 6 (`content_allocations`, fallback "Equal weighting").
 *
 * @example
 * calculateContentAllocations(
 *   [{ contentType: 'solo', tier: 'TOP' }, { contentType: 'lingerie', tier: 'MID' },
 *    { contentType: 'outdoor', tier: 'LOW' }, { contentType: 'feet', tier: 'AVOID' }],
 *   null, 6,
 * ).allocations // { solo: 3, lingerie: 2, outdoor: 1 }
 *
 * @since 0.1.0
 * @category volume
 */
export const calculateContentAllocations = (
  rankings: ReadonlyArray<ContentTypeRanking> | null,
  vault: Vault | null,
  revenuePerDay: number,
  policy: Pick<SchedulePolicy, 'volume'> = DEFAULT_POLICY,
): ContentAllocationResult => {
  const weights = policy.volume.contentWeighting.rankWeights;
  const max = policy.volume.contentWeighting.equalWeightingMaxTypes;
  const total = Math.max(0, Math.floor(revenuePerDay));
  const seen = new Set<string>();
  const ranked = (rankings ?? []).filter((r) => {
    if (seen.has(r.contentType)) return false;
    seen.add(r.contentType);
    return true;
  });
  if (ranked.length === 0) return equalOver(vault, new Set(), total, [], max);
  const inVault = (t: string): boolean => vault === null || (vault.contentTypes[t] ?? 0) > 0;
  const excluded = ranked.filter((r) => !inVault(r.contentType)).map((r) => r.contentType);
  const weightOf = (r: ContentTypeRanking): number => Math.max(0, weights[r.tier] ?? 0);
  const usable = ranked
    .filter((r) => inVault(r.contentType) && weightOf(r) > 0)
    .sort(
      (a, b) => weightOf(b) - weightOf(a) || byScore(a, b) || byName(a.contentType, b.contentType),
    );
  if (usable.length === 0) {
    const avoid = new Set(ranked.filter((r) => weightOf(r) === 0).map((r) => r.contentType));
    return equalOver(vault, avoid, total, excluded, max);
  }
  return {
    allocations: split(
      usable.map((r) => r.contentType),
      usable.map(weightOf),
      total,
    ),
    method: 'rankings',
    excluded,
  };
};
