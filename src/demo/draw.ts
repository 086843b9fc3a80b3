/**
 * A seeded draw stream for the demo generator: a closure over the library's immutable `Rng`
 * that hands out values and keeps the next state to itself. Each generator function opens its
 * own stream from `rngFrom(seed, ...)`, so the dataset stays a pure function of the seed.
 *
 * @module
 */
import { nextFloat, nextInt, type Rng, rngFrom, weightedPick } from '../index';

/**
 * Seeded draws. Every call advances the stream.
 */
export interface Draw {
  /** Uniform in `[0, 1)`. */
  readonly float: () => number;
  /** Uniform whole number in `[from, to]`. */
  readonly int: (from: number, to: number) => number;
  /** Uniform in `[from, to)`. */
  readonly between: (from: number, to: number) => number;
  /** `true` with probability `p`. */
  readonly chance: (p: number) => boolean;
  /** One element, uniformly. */
  readonly pick: <A>(items: ReadonlyArray<A>) => A;
  /** One element with probability proportional to `weight` (the library's `weightedPick`). */
  readonly weighted: <A>(items: ReadonlyArray<A>, weight: (a: A) => number) => A;
  /** Standard normal (Box-Muller). */
  readonly normal: () => number;
}

/** A draw stream seeded from `parts` (same parts, same draws). */
export const drawFrom = (...parts: ReadonlyArray<string | number>): Draw => {
  let rng: Rng = rngFrom(...parts);
  const float = (): number => {
    const [v, next] = nextFloat(rng);
    rng = next;
    return v;
  };
  const int = (from: number, to: number): number => {
    const [v, next] = nextInt(rng, from, to);
    rng = next;
    return v;
  };
  const pick = <A>(items: ReadonlyArray<A>): A => items[int(0, items.length - 1)] as A;
  const weighted = <A>(items: ReadonlyArray<A>, weight: (a: A) => number): A => {
    const [v, next] = weightedPick(rng, items, weight);
    rng = next;
    return v ?? (items[0] as A);
  };
  const normal = (): number => {
    const u = Math.max(float(), 1e-12);
    const v = float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    float,
    int,
    between: (from, to) => from + (to - from) * float(),
    chance: (p) => float() < p,
    pick,
    weighted,
    normal,
  };
};

/** Index into a cumulative weight array for `u` in `[0, total)` (binary search). */
export const cumulativeIndex = (cumulative: ReadonlyArray<number>, u: number): number => {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] as number) <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};
