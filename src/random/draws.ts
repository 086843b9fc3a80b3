/**
 * A local, mutable cursor over one seeded generator, for hot loops that draw many values in a
 * row (issue 11). It starts from an immutable `Rng` and gives the same values, in the same order,
 * as threading `nextInt` through the draws; `rng()` gives the immutable state reached. The cursor
 * never escapes the function that made it: the core stays a function of its inputs.
 *
 * @module
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { Rng } from './rng';

/**
 * Draws from one generator state, advanced in place.
 *
 * @since 0.3.0
 * @category random
 */
export interface Draws {
  /** A uniform integer in `[from, to]`: the value `nextInt` gives at this point of the thread. */
  readonly int: (from: number, to: number) => number;
  /** The generator state reached, as an immutable `Rng`. */
  readonly rng: () => Rng;
}

/**
 * A cursor over the generator `rng`: `int` draws as `nextInt(rng, from, to)` does, then as
 * `nextInt` on the state that draw returned, and so on.
 *
 * @since 0.3.0
 * @category random
 */
export const drawsFrom = (rng: Rng): Draws => {
  const g = xoroshiro128plusFromState(rng.state);
  return {
    int: (from, to) => uniformInt(g, from, to),
    rng: () => ({ state: g.getState() }),
  };
};
