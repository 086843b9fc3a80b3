/**
 * Volume tiers by fan count. Source: seed 001 §1.2, seed 000 task 3.1 `get_volume_tier`
 * (RULINGS "fan-count tiers").
 *
 * @module
 */
import type { SchedulePolicy, TierRow } from '../domain/policyTypes';
import { DEFAULT_VOLUME_TIERS } from '../domain/volumeTiers';

/**
 * The tier row of a fan count: low 0-999, mid 1,000-4,999, high 5,000-14,999, ultra 15,000+
 * with its base daily quotas, from `policy.volume.tiers` (the default tiers when no policy is
 * given). Negative or fractional counts are read as the whole part, floored at 0.
 *
 * @example
 * getVolumeTier(12_434).tier // 'high' (seed 002 example)
 *
 * @since 0.1.0
 * @category volume
 */
export const getVolumeTier = (fanCount: number, policy?: SchedulePolicy): TierRow => {
  const fans = Math.max(0, Math.floor(fanCount));
  const tiers = policy === undefined ? DEFAULT_VOLUME_TIERS : policy.volume.tiers;
  let found = tiers[0] as TierRow;
  for (const t of tiers) if (fans >= t.minFans) found = t;
  return found;
};
