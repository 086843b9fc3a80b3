/**
 * Time jitter: a deterministic offset that moves a base time off the round minutes.
 * Source: seed 003 task 2.6 (`apply_time_jitter`), task 2.7 and gap 10.7; RULINGS "Timing" (jitter).
 *
 * @module
 */
import type { SchedulePolicy } from '../domain/policy';
import { isRoundMinute } from '../domain/rules';
import type { Draws } from '../random/draws';
import { nextInt, type Rng, rngFrom } from '../random/rng';

/** The part of the policy the jitter reads. */

const minuteOfHour = (minute: number): number => ((minute % 60) + 60) % 60;

/**
 * Every offset in `[jitterMin, jitterMax]` minutes (by default -7..+8) whose resulting minute is
 * not round, in increasing order. Source: seed 003 task 2.6 `valid_offsets`.
 *
 * @since 0.1.0
 * @category timing
 */
export const validJitterOffsets = (
  baseMinuteOfDay: number,
  policy: Pick<SchedulePolicy, 'timing'>,
): ReadonlyArray<number> => {
  const { jitterMin, jitterMax } = policy.timing;
  const out: number[] = [];
  for (let o = jitterMin; o <= jitterMax; o++)
    if (!isRoundMinute(baseMinuteOfDay + o, policy)) out.push(o);
  return out;
};

/** Seed 003 task 2.6 edge case: no offset in range works; take the one nearest to 0 that does. */
const nearestNonRoundOffset = (base: number, policy: Pick<SchedulePolicy, 'timing'>): number => {
  for (let d = 0; d < 60; d++)
    for (const o of [d, -d]) if (!isRoundMinute(base + o, policy)) return o;
  return 0;
};

/**
 * A seeded jitter offset in minutes and the next generator state: uniform among
 * `validJitterOffsets(baseMinuteOfDay, policy)`, so `baseMinuteOfDay + offset` is never a round
 * minute. When the policy leaves no valid offset in range, the offset nearest to 0 that avoids
 * the round minutes is returned (003 task 2.6 defensive branch).
 *
 * Source: seed 003 task 2.6.
 *
 * @example
 * const [offset] = jitterOffset(rngFrom('seed', 'creator', '2025-01-20', 'slot'), 20 * 60, DEFAULT_POLICY)
 * // offset in -7..8, (20 * 60 + offset) % 60 not in {0, 15, 30, 45}
 *
 * @since 0.1.0
 * @category timing
 */
export const jitterOffset = (
  rng: Rng,
  baseMinuteOfDay: number,
  policy: Pick<SchedulePolicy, 'timing'>,
): readonly [number, Rng] => {
  const valid = validJitterOffsets(baseMinuteOfDay, policy);
  if (valid.length === 0) return [nearestNonRoundOffset(baseMinuteOfDay, policy), rng];
  const [i, next] = nextInt(rng, 0, valid.length - 1);
  return [valid[i] as number, next];
};

/**
 * The valid jitter offsets of every minute of the hour (index 0-59): `validJitterOffsets` for a
 * base with that minute past the hour. Built once per policy use so placement does not
 * recompute them per base.
 *
 * Source: seed 003 task 2.6.
 *
 * @since 0.1.0
 * @category timing
 */
export const jitterTable = (
  policy: Pick<SchedulePolicy, 'timing'>,
): ReadonlyArray<ReadonlyArray<number>> =>
  Array.from({ length: 60 }, (_, m) => validJitterOffsets(m, policy));

/**
 * All valid offsets of a base in a seeded order: first one drawn uniformly (as `jitterOffset`
 * does), then the others in a seeded rotation (a seeded start and direction over the remaining
 * offsets in increasing order), all from one draw. Used to try the other jitters of a base when the first one is taken.
 * `table` (from `jitterTable`) may be passed to skip recomputing the valid offsets.
 *
 * Source: seed 003 task 2.6.
 *
 * @since 0.1.0
 * @category timing
 */
export const jitterOrder = (
  rng: Rng,
  baseMinuteOfDay: number,
  policy: Pick<SchedulePolicy, 'timing'>,
  table?: ReadonlyArray<ReadonlyArray<number>>,
): readonly [ReadonlyArray<number>, Rng] => {
  const valid =
    table?.[minuteOfHour(baseMinuteOfDay)] ?? validJitterOffsets(baseMinuteOfDay, policy);
  if (valid.length === 0) return [[nearestNonRoundOffset(baseMinuteOfDay, policy)], rng];
  const [k, next] = nextInt(rng, 0, jitterDrawSize(valid.length) - 1);
  const order: number[] = [];
  writeJitterOrder(valid, k, order);
  return [order, next];
};

/**
 * The number of outcomes of `jitterOrder`'s one draw over `n` (at least 1) valid offsets: `n`
 * first offsets times the seeded rotations (start and direction) of the others.
 *
 * @since 0.3.0
 * @category timing
 */
export const jitterDrawSize = (n: number): number => n * Math.max(1, 2 * (n - 1));

/**
 * Writes into `out[0..n)` the `n` offsets of `valid` (not empty) in the order the draw `k`
 * (in `[0, jitterDrawSize(n))`) gives: `valid[k mod n]` first, then the others in a rotation
 * from a seeded start, forwards or backwards. Returns `n`. The one definition of the order of
 * `jitterOrder`, shared with the candidate stream (which reuses `out` between bases).
 *
 * @since 0.3.0
 * @category timing
 */
export const writeJitterOrder = (
  valid: ReadonlyArray<number>,
  k: number,
  out: number[],
): number => {
  const n = valid.length;
  const i = k % n;
  const rest = n - 1;
  const t = Math.floor(k / n);
  const start = t % Math.max(1, rest);
  const step = t < rest ? 1 : rest - 1;
  out[0] = valid[i] as number;
  for (let j = 0; j < rest; j++) {
    const r = (start + j * step) % rest;
    out[j + 1] = valid[r < i ? r : r + 1] as number;
  }
  return n;
};

/**
 * The one draw of a base's jitter order (`jitterOrder`), taken from `draws` (advanced in place):
 * an integer in `[0, jitterDrawSize(n))` for the base's `n` valid offsets, or `-1` without
 * drawing when no offset in range is valid. `writeBaseJitters` turns it into the order, so a
 * caller may take the draws of many bases and write only the orders it reads.
 *
 * @since 0.3.0
 * @category timing
 */
export const drawBaseJitter = (
  draws: Draws,
  baseMinuteOfDay: number,
  policy: Pick<SchedulePolicy, 'timing'>,
  table: ReadonlyArray<ReadonlyArray<number>>,
): number => {
  const valid = table[minuteOfHour(baseMinuteOfDay)] ?? validJitterOffsets(baseMinuteOfDay, policy);
  return valid.length === 0 ? -1 : draws.int(0, jitterDrawSize(valid.length) - 1);
};

/**
 * Writes into `out` the offsets of a base in `jitterOrder`'s order for the draw `draw` that
 * `drawBaseJitter` gave for it (`-1`: the one offset nearest to 0 that avoids the round minutes,
 * as `jitterOrder`). Returns their number.
 *
 * @since 0.3.0
 * @category timing
 */
export const writeBaseJitters = (
  baseMinuteOfDay: number,
  draw: number,
  policy: Pick<SchedulePolicy, 'timing'>,
  table: ReadonlyArray<ReadonlyArray<number>>,
  out: number[],
): number => {
  if (draw < 0) {
    out[0] = nearestNonRoundOffset(baseMinuteOfDay, policy);
    return 1;
  }
  const valid = table[minuteOfHour(baseMinuteOfDay)] ?? validJitterOffsets(baseMinuteOfDay, policy);
  return writeJitterOrder(valid, draw, out);
};

/**
 * The offsets of a base in `jitterOrder`'s order, drawing from `draws` (advanced in place, one
 * draw; none when no offset in range is valid, as `jitterOrder`). Writes them into `out` and
 * returns their number.
 *
 * @since 0.3.0
 * @category timing
 */
export const drawJitterOrder = (
  draws: Draws,
  baseMinuteOfDay: number,
  policy: Pick<SchedulePolicy, 'timing'>,
  table: ReadonlyArray<ReadonlyArray<number>>,
  out: number[],
): number =>
  writeBaseJitters(
    baseMinuteOfDay,
    drawBaseJitter(draws, baseMinuteOfDay, policy, table),
    policy,
    table,
    out,
  );

/**
 * Convenience form of seed 003's `apply_time_jitter`: the jittered minute of the day for a base
 * minute, seeded from `seedParts` (e.g. `[seed, creatorId, date, slotId]`). The same parts and
 * base always give the same minute, which is never round and lies within
 * `[base + jitterMin, base + jitterMax]`.
 *
 * Source: seed 003 task 2.6.
 *
 * @example
 * applyTimeJitter(14 * 60, ['seed', 'creator_1', '2025-01-15', '2025-01-15_3'], DEFAULT_POLICY) // e.g. 847 (14:07)
 *
 * @since 0.1.0
 * @category timing
 */
export const applyTimeJitter = (
  baseMinuteOfDay: number,
  seedParts: ReadonlyArray<string | number>,
  policy: Pick<SchedulePolicy, 'timing'>,
): number => baseMinuteOfDay + jitterOffset(rngFrom(...seedParts), baseMinuteOfDay, policy)[0];
