/**
 * Candidate minutes for one item, in the order they are tried: the preferred hours (rotated so
 * the k-th item of a category starts at hour index k), each with its jitters in a seeded order,
 * then the fallback bases of seed 001 §5.3 `find_any_available_slot`, nearest first.
 *
 * @module
 */
import type { SchedulePolicy } from '../domain/policy';
import type { Rng } from '../random/rng';
import { jitterOrder, jitterTable } from './jitter';

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

interface Base {
  readonly baseHour: number;
  readonly timeShift: number;
  readonly fallback: boolean;
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

const rotate = <A>(xs: ReadonlyArray<A>, start: number): ReadonlyArray<A> =>
  xs.map((_, i) => xs[(start + i) % xs.length] as A);

/**
 * Fallback bases from the window's start to its end in `fallbackStepMinutes` (5-minute) steps, nearest to `anchor`
 * first, the earlier one first on ties, produced one at a time.
 */
const fallbackBases = (
  anchor: number,
  policy: Pick<SchedulePolicy, 'timing'>,
): (() => Base | undefined) => {
  const { windowStartMinute: ws, windowEndMinute: we, fallbackStepMinutes: step } = policy.timing;
  const last = Math.floor((we - ws) / step);
  const baseAt = (k: number) => ws + k * step;
  let right = Math.min(last + 1, Math.max(0, Math.ceil((anchor - ws) / step)));
  let left = right - 1;
  return () => {
    const useLeft = left >= 0 && (right > last || anchor - baseAt(left) <= baseAt(right) - anchor);
    if (!useLeft && right > last) return undefined;
    const b = useLeft ? baseAt(left--) : baseAt(right++);
    const hour = Math.floor(b / 60);
    return { baseHour: hour, timeShift: b - hour * 60, fallback: true };
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
  const preferred: ReadonlyArray<Base> = rotate(hours, startIndex).map((h) => ({
    baseHour: h,
    timeShift: shift,
    fallback: false,
  }));
  const first = preferred[0];
  const anchor =
    first === undefined ? policy.timing.windowStartMinute : first.baseHour * 60 + shift;
  const nextFallback = fallbackBases(anchor, policy);
  const expanded: Base[] = [];
  const minutes: number[] = [];
  const jitters: number[] = [];
  const baseOf: number[] = [];
  const seen = minuteSet();
  let r = rng;
  const nextBase = (): Base | undefined =>
    expanded.length < preferred.length ? preferred[expanded.length] : nextFallback();
  const minuteAt = (i: number): number | undefined => {
    while (minutes.length <= i) {
      const b = nextBase();
      if (b === undefined) return undefined;
      expanded.push(b);
      const base = b.baseHour * 60 + b.timeShift;
      const [offsets, next] = jitterOrder(r, base, policy, table);
      r = next;
      for (const jitter of offsets) {
        if (!seen(base + jitter)) continue;
        minutes.push(base + jitter);
        jitters.push(jitter);
        baseOf.push(expanded.length - 1);
      }
    }
    return minutes[i];
  };
  const candidateAt = (i: number): Candidate => {
    const b = expanded[baseOf[i] as number] as Base;
    const jitter = jitters[i] as number;
    return {
      minuteOfDay: b.baseHour * 60 + b.timeShift + jitter,
      baseHour: b.baseHour,
      timeShift: b.timeShift,
      jitter,
      fallback: b.fallback,
    };
  };
  return {
    minuteAt,
    candidateAt,
    firstPreferredMinute: first === undefined ? null : (minuteAt(0) ?? null),
  };
};
