/**
 * Candidate minutes for one item, in the order they are tried: the preferred hours (rotated so
 * the k-th item of a category starts at hour index k), each with its jitters in a seeded order,
 * then the fallback bases of seed 001 §5.3 `find_any_available_slot`, nearest first.
 *
 * @module
 */
import type { SchedulePolicy } from '../domain/policy';
import { drawsFrom } from '../random/draws';
import type { Rng } from '../random/rng';
import { drawBaseJitter, jitterTable, writeBaseJitters } from './jitter';

/**
 * One candidate time. `minuteOfDay = baseHour * 60 + timeShift + jitter` always holds; for a
 * fallback base, `timeShift` is the base's minutes past the hour.
 *
 * @since 0.1.0
 * @category timing
 */
export interface Candidate {
  readonly minuteOfDay: number;
  readonly baseHour: number;
  readonly timeShift: number;
  readonly jitter: number;
  readonly fallback: boolean;
}

/**
 * The candidates of one item as a lazy sequence: `minuteAt(i)` is the minute of the i-th
 * candidate, `undefined` past the end; `candidateAt(i)` the full candidate for an index
 * `minuteAt` has reached. Candidates are generated on first access, in a fixed order from one
 * seeded generator, so the sequence does not depend on how far it is read.
 *
 * @since 0.1.0
 * @category timing
 */
export interface CandidateStream {
  readonly minuteAt: (i: number) => number | undefined;
  readonly candidateAt: (i: number) => Candidate;
  /** Minute of the first preferred candidate, `null` when there are no preferred hours. */
  readonly firstPreferredMinute: number | null;
}

/** A set of minutes: `add(m)` is true when `m` was not in it yet. */
const minuteSet = (): ((m: number) => boolean) => {
  const lo = -60;
  const dense = new Uint8Array(26 * 60);
  const sparse = new Set<number>();
  return (m) => {
    const k = m - lo;
    if (k >= 0 && k < dense.length) {
      if (dense[k] === 1) return false;
      dense[k] = 1;
      return true;
    }
    if (sparse.has(m)) return false;
    sparse.add(m);
    return true;
  };
};

/**
 * The bases of one item's candidates, generated on first access in the candidate order (the
 * preferred hours rotated to the start index, then the fallback bases nearest first), each with
 * its one jitter draw taken in that order from one seeded generator. `has(k)` is whether base `k`
 * exists; `jittersOf(k, out)` writes its valid jitters in their seeded order; `spanStart(k)` and
 * `spanEnd(k)` are the lowest and highest minute its jitters can reach (`NaN` for a base with no
 * offset in range).
 * A search that knows a base holds no acceptable minute can skip writing its order: the draws
 * stay those of the whole sequence.
 *
 * Source: seed 001 §5.3; seed 003 task 2.6.
 *
 * @since 0.3.0
 * @category timing
 */
export interface BaseStream {
  readonly has: (k: number) => boolean;
  /** Hour of base `k` (a base `has` reached). */
  readonly hourOf: (k: number) => number;
  /** Minutes past the hour of base `k`. */
  readonly shiftOf: (k: number) => number;
  /** Writes the jitters of base `k` in their seeded order into `out`; returns their number. */
  readonly jittersOf: (k: number, out: number[]) => number;
  /** Lowest minute of the day base `k`'s jitters reach, `NaN` when not known. */
  readonly spanStart: (k: number) => number;
  /** Highest minute of the day base `k`'s jitters reach, `NaN` when not known. */
  readonly spanEnd: (k: number) => number;
  /** Number of preferred bases (the first ones); the others are fallback bases. */
  readonly preferred: number;
}

/**
 * The base sequence of one item (see `BaseStream`): the same bases and draws as
 * `candidateStream`, which reads its candidates from it. `table` is the policy's `jitterTable`.
 *
 * Source: seed 001 §5.3; seed 003 task 2.6.
 *
 * @since 0.3.0
 * @category timing
 */
export const baseStream = (
  rng: Rng,
  hours: ReadonlyArray<number>,
  shift: number,
  startIndex: number,
  policy: Pick<SchedulePolicy, 'timing'>,
  table: ReadonlyArray<ReadonlyArray<number>> = jitterTable(policy),
): BaseStream => {
  const n = hours.length;
  const { windowStartMinute: ws, windowEndMinute: we, fallbackStepMinutes: step } = policy.timing;
  const anchor = n === 0 ? ws : (hours[startIndex % n] as number) * 60 + shift;
  // Fallback bases (minutes of the day) from the window's start to its end in
  // `fallbackStepMinutes` (5-minute) steps, nearest to `anchor` first, the earlier one first on
  // ties. Generated in place (issue 11): a base costs its minute and its draw, nothing more.
  const last = Math.floor((we - ws) / step);
  let right = Math.min(last + 1, Math.max(0, Math.ceil((anchor - ws) / step)));
  let left = right - 1;
  /** Minute of the day of each base generated so far, and its jitter draw. */
  const minutes: number[] = [];
  const baseDraws: number[] = [];
  const draws = drawsFrom(rng);
  let done = false;
  const has = (k: number): boolean => {
    while (minutes.length <= k) {
      if (done) return false;
      const at = minutes.length;
      let base: number;
      if (at < n) base = (hours[(startIndex + at) % n] as number) * 60 + shift;
      else {
        const useLeft =
          left >= 0 && (right > last || anchor - (ws + left * step) <= ws + right * step - anchor);
        if (!useLeft && right > last) {
          done = true;
          return false;
        }
        base = useLeft ? ws + left-- * step : ws + right++ * step;
      }
      minutes.push(base);
      baseDraws.push(drawBaseJitter(draws, base, policy, table));
    }
    return true;
  };
  const hourOf = (k: number): number =>
    k < n ? (hours[(startIndex + k) % n] as number) : Math.floor((minutes[k] as number) / 60);
  const shiftOf = (k: number): number =>
    k < n ? shift : (minutes[k] as number) - Math.floor((minutes[k] as number) / 60) * 60;
  /** The valid offsets of base `k` when its draw is known (`undefined` otherwise). */
  const validOf = (k: number): ReadonlyArray<number> | undefined => {
    if ((baseDraws[k] as number) < 0) return undefined;
    const base = minutes[k] as number;
    const valid = table[((base % 60) + 60) % 60];
    return valid !== undefined && valid.length > 0 ? valid : undefined;
  };
  return {
    has,
    hourOf,
    shiftOf,
    jittersOf: (k, out) =>
      writeBaseJitters(minutes[k] as number, baseDraws[k] as number, policy, table, out),
    spanStart: (k) => {
      const valid = validOf(k);
      return valid === undefined ? Number.NaN : (minutes[k] as number) + (valid[0] as number);
    },
    spanEnd: (k) => {
      const valid = validOf(k);
      return valid === undefined
        ? Number.NaN
        : (minutes[k] as number) + (valid[valid.length - 1] as number);
    },
    preferred: n,
  };
};

/**
 * The candidate sequence of one item: for each hour of `hours` rotated to start at
 * `startIndex mod n`, the base `hour * 60 + shift` with every valid jitter (the seeded one
 * first, 003 task 2.6); then every window base in 5-minute steps nearest to the first preferred
 * base, each with its jitters in seeded order (001 §5.3 fallback). A minute appears once.
 * `table` is the policy's `jitterTable`, passed in to build it once per schedule.
 *
 * Source: seed 001 §5.3; seed 003 task 2.6.
 *
 * @since 0.1.0
 * @category timing
 */
export const candidateStream = (
  rng: Rng,
  hours: ReadonlyArray<number>,
  shift: number,
  startIndex: number,
  policy: Pick<SchedulePolicy, 'timing'>,
  table: ReadonlyArray<ReadonlyArray<number>> = jitterTable(policy),
): CandidateStream => {
  const bases = baseStream(rng, hours, shift, startIndex, policy, table);
  const n = bases.preferred;
  // Per candidate: its minute, its jitter and the index of its base.
  const minutes: number[] = [];
  const jitters: number[] = [];
  const baseOf: number[] = [];
  const order: number[] = [];
  const seen = minuteSet();
  let expanded = 0;
  let done = false;
  /** Expands the next base into its candidates (a minute already seen is left out). */
  const expand = (): boolean => {
    const k = expanded;
    if (!bases.has(k)) return false;
    expanded++;
    const base = bases.hourOf(k) * 60 + bases.shiftOf(k);
    const count = bases.jittersOf(k, order);
    for (let j = 0; j < count; j++) {
      const jitter = order[j] as number;
      if (!seen(base + jitter)) continue;
      minutes.push(base + jitter);
      jitters.push(jitter);
      baseOf.push(k);
    }
    return true;
  };
  const minuteAt = (i: number): number | undefined => {
    while (minutes.length <= i) {
      if (done || !expand()) {
        done = true;
        return undefined;
      }
    }
    return minutes[i];
  };
  const candidateAt = (i: number): Candidate => {
    const b = baseOf[i] as number;
    const jitter = jitters[i] as number;
    const baseHour = bases.hourOf(b);
    const timeShift = bases.shiftOf(b);
    return {
      minuteOfDay: baseHour * 60 + timeShift + jitter,
      baseHour,
      timeShift,
      jitter,
      fallback: b >= n,
    };
  };
  return {
    minuteAt,
    candidateAt,
    firstPreferredMinute: n === 0 ? null : (minuteAt(0) ?? null),
  };
};
