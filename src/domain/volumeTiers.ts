/**
 * The fan-count tier table, the one place its numbers live. The policy's `volume.tiers`
 * default is this table; it sits in its own module, free of codecs, so that a bundle of
 * `getVolumeTier` alone does not carry the policy decoder.
 *
 * @module
 */
import { deepFreeze } from './freeze';
import type { TierRow } from './policyTypes';

/**
 * The default tiers: low 0-999 fans (3 revenue / 3 engagement / 1 retention sends a day),
 * mid 1,000-4,999 (4 / 4 / 2), high 5,000-14,999 (6 / 5 / 2), ultra 15,000+ (8 / 6 / 3).
 * Deep-frozen. Source: 001 §1.2 table; tiers from all seeds (RULINGS "Volume").
 *
 * @since 0.3.0
 * @category policy
 */
export const DEFAULT_VOLUME_TIERS: ReadonlyArray<TierRow> = /*#__PURE__*/ deepFreeze([
  { tier: 'low', minFans: 0, revenuePerDay: 3, engagementPerDay: 3, retentionPerDay: 1 },
  { tier: 'mid', minFans: 1000, revenuePerDay: 4, engagementPerDay: 4, retentionPerDay: 2 },
  { tier: 'high', minFans: 5000, revenuePerDay: 6, engagementPerDay: 5, retentionPerDay: 2 },
  { tier: 'ultra', minFans: 15000, revenuePerDay: 8, engagementPerDay: 6, retentionPerDay: 3 },
]);
