/**
 * The standard PPV style patterns and the three rotation methods of seed 003 task 2.1, as pure
 * functions of a seeded generator.
 *
 * Source: seed 003 task 2.1 (`STANDARD_PATTERNS`, `_rotate_pattern`); RULINGS "Rotation and
 * state" (reverse or shuffle giving the same pattern, exhausted).
 *
 * @module
 */
import type { PpvStyle, RecentPattern } from '../domain/types';
import { nextInt, type Rng, shuffle } from '../random/rng';

/**
 * The four standard patterns, in the seed's order.
 *
 * Source: seed 003 task 2.1 `STANDARD_PATTERNS`.
 *
 * @since 0.3.0
 * @category rotation
 */
export const STANDARD_PATTERNS: ReadonlyArray<ReadonlyArray<PpvStyle>> = Object.freeze([
  Object.freeze(['solo', 'bundle', 'winner', 'sextape'] as const), // 003 task 2.1
  Object.freeze(['winner', 'solo', 'sextape', 'bundle'] as const), // 003 task 2.1
  Object.freeze(['bundle', 'sextape', 'solo', 'winner'] as const), // 003 task 2.1
  Object.freeze(['sextape', 'winner', 'bundle', 'solo'] as const), // 003 task 2.1
]);

/**
 * How a pattern is changed: reversed, shuffled, or a new standard pattern.
 * Source: seed 003 task 2.1 `_rotate_pattern`.
 *
 * @since 0.3.0
 * @category rotation
 */
export type RotationMethod = 'reverse' | 'shuffle' | 'new';

/**
 * The three methods, in the seed's order (`random.choice(['reverse', 'shuffle', 'new'])`).
 *
 * @since 0.3.0
 * @category rotation
 */
export const ROTATION_METHODS: ReadonlyArray<RotationMethod> = Object.freeze([
  'reverse',
  'shuffle',
  'new',
]);

/**
 * Whether two patterns hold the same styles in the same order.
 *
 * @since 0.3.0
 * @category rotation
 */
export const samePattern = (a: ReadonlyArray<PpvStyle>, b: ReadonlyArray<PpvStyle>): boolean =>
  a.length === b.length && a.every((s, i) => s === b[i]);

/**
 * The outcome of one rotation: the new pattern, the method asked for and the method used
 * (`new` when reverse or shuffle gave the same pattern), and whether the `new` method found every
 * standard pattern used recently (`exhausted`: the least recently used one was taken).
 *
 * @since 0.3.0
 * @category rotation
 */
export interface RotatedPattern {
  /** The new pattern. */
  readonly pattern: ReadonlyArray<PpvStyle>;
  /** The method asked for. */
  readonly requestedMethod: RotationMethod;
  /** The method used: `new` when reverse or shuffle gave the same pattern. */
  readonly method: RotationMethod;
  /** `new` found every standard pattern used in the last 14 days and took the least recently used one. */
  readonly exhausted: boolean;
}

/**
 * The standard pattern used least recently: the one whose latest start in `recent` is oldest
 * (never used counts as oldest), ties in the seed's order; never `current` when another exists.
 */
const leastRecentlyUsed = (
  current: ReadonlyArray<PpvStyle>,
  recent: ReadonlyArray<RecentPattern>,
): ReadonlyArray<PpvStyle> => {
  const lastStart = (p: ReadonlyArray<PpvStyle>): string =>
    recent
      .filter((r) => samePattern(r.pattern, p))
      .reduce((acc, r) => (r.startDate > acc ? r.startDate : acc), '');
  const others = STANDARD_PATTERNS.filter((p) => !samePattern(p, current));
  const pool = others.length > 0 ? others : STANDARD_PATTERNS;
  return pool.reduce((best, p) => (lastStart(p) < lastStart(best) ? p : best));
};

/**
 * Changes `current` by `method`, drawing from `rng`.
 *
 * - `reverse`: the styles in reverse order; `shuffle`: a seeded Fisher-Yates permutation. When
 *   either gives `current` again (a pattern of one repeated style, or an identity shuffle), the
 *   `new` method is used instead (RULINGS).
 * - `new`: a standard pattern, other than `current`, absent from `recent` (the patterns started
 *   in the last 14 days), chosen uniformly; when there is none, `exhausted` and the least
 *   recently used standard pattern (RULINGS "exhausted").
 *
 * Returns the outcome and the next generator state. Pure; never fails.
 *
 * Source: seed 003 task 2.1 `_rotate_pattern`; RULINGS "Rotation and state".
 *
 * @example
 * rotatePattern(['solo', 'bundle', 'winner', 'sextape'], 'reverse', rngFrom(1), [])[0].pattern
 * // ['sextape', 'winner', 'bundle', 'solo']
 *
 * @since 0.3.0
 * @category rotation
 */
export const rotatePattern = (
  current: ReadonlyArray<PpvStyle>,
  method: RotationMethod,
  rng: Rng,
  recent: ReadonlyArray<RecentPattern>,
): readonly [RotatedPattern, Rng] => {
  let r = rng;
  if (method === 'reverse' || method === 'shuffle') {
    let candidate: ReadonlyArray<PpvStyle>;
    if (method === 'reverse') candidate = [...current].reverse();
    else [candidate, r] = shuffle(r, current);
    if (!samePattern(candidate, current))
      return [{ pattern: candidate, requestedMethod: method, method, exhausted: false }, r];
  }
  const available = STANDARD_PATTERNS.filter(
    (p) => !samePattern(p, current) && !recent.some((x) => samePattern(x.pattern, p)),
  );
  if (available.length === 0)
    return [
      {
        pattern: leastRecentlyUsed(current, recent),
        requestedMethod: method,
        method: 'new',
        exhausted: true,
      },
      r,
    ];
  const [i, next] = nextInt(r, 0, available.length - 1);
  return [
    {
      pattern: available[i] as ReadonlyArray<PpvStyle>,
      requestedMethod: method,
      method: 'new',
      exhausted: false,
    },
    next,
  ];
};
