/**
 * Seeded randomness as values. An `Rng` is an immutable generator state; every draw returns the
 * value and the next state. Built on pure-rand's xoroshiro128+.
 *
 * Source: RULINGS "Rotation and state" (randomness): every random choice comes from a seeded
 * generator threaded through the computation.
 *
 * @module
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

/**
 * An immutable generator state.
 *
 * @since 0.1.0
 * @category random
 */
export interface Rng {
  /** The xoroshiro128+ generator state (pure-rand `getState()`), opaque; never changed in place. */
  readonly state: ReadonlyArray<number>;
}

/**
 * 32-bit FNV-1a hash of a string: turns the textual seed parts into a generator seed.
 *
 * @since 0.1.0
 * @category random
 */
export const hashString = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
};

/**
 * A generator seeded from any number of parts (`rngFrom(seed, creatorId, date, slotId)`).
 * The same parts give the same generator.
 *
 * @since 0.1.0
 * @category random
 */
export const rngFrom = (...parts: ReadonlyArray<string | number>): Rng => {
  // `hashString(parts.map(String).join('\u241f'))`, hashed part by part (issue 11: no arrays
  // or joined string per draw; the separator U+241F is one UTF-16 unit).
  let h = 0x811c9dc5;
  for (let p = 0; p < parts.length; p++) {
    if (p > 0) {
      h ^= 0x241f;
      h = Math.imul(h, 0x01000193);
    }
    const s = String(parts[p]);
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  return { state: xoroshiro128plus(h | 0).getState() };
};

const gen = (rng: Rng) => xoroshiro128plusFromState(rng.state);

/**
 * A uniform integer in `[from, to]` and the next state.
 *
 * @since 0.1.0
 * @category random
 */
export const nextInt = (rng: Rng, from: number, to: number): readonly [number, Rng] => {
  const g = gen(rng);
  const v = uniformInt(g, from, to);
  return [v, { state: g.getState() }];
};

/**
 * A uniform float in `[0, 1)` and the next state.
 *
 * @since 0.1.0
 * @category random
 */
export const nextFloat = (rng: Rng): readonly [number, Rng] => {
  const g = gen(rng);
  const v = uniformFloat64(g);
  return [v, { state: g.getState() }];
};

/**
 * Picks one element with probability proportional to its weight (weights >= 0). Returns `null`
 * for an empty list or all-zero weights.
 *
 * @since 0.1.0
 * @category random
 */
export const weightedPick = <A>(
  rng: Rng,
  items: ReadonlyArray<A>,
  weight: (a: A) => number,
): readonly [A | null, Rng] => {
  const ws = items.map((a) => Math.max(0, weight(a)));
  const total = ws.reduce((a, b) => a + b, 0);
  if (items.length === 0 || total <= 0) return [null, rng];
  const [u, next] = nextFloat(rng);
  let x = u * total;
  for (let i = 0; i < items.length; i++) {
    x -= ws[i] ?? 0;
    if (x < 0) return [items[i] as A, next];
  }
  return [items[items.length - 1] as A, next];
};

/**
 * A seeded Fisher-Yates shuffle: a new array and the next state.
 *
 * @since 0.1.0
 * @category random
 */
export const shuffle = <A>(rng: Rng, items: ReadonlyArray<A>): readonly [ReadonlyArray<A>, Rng] => {
  const out = [...items];
  let r = rng;
  for (let i = out.length - 1; i > 0; i--) {
    const [j, n] = nextInt(r, 0, i);
    r = n;
    const tmp = out[i] as A;
    out[i] = out[j] as A;
    out[j] = tmp;
  }
  return [out, r];
};
