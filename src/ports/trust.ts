/**
 * Trusted port functions: answers the library decoded itself (`inMemoryPorts` decodes its
 * dataset once when it is built) skip decoding at the boundary; every other port is decoded.
 * Trust belongs to the function value, so `{ ...inMemoryPorts(data), saveSchedule }` keeps the
 * in-memory reads trusted and decodes the caller's `saveSchedule` answers.
 *
 * Source: RULINGS "Errors and degradation" (trusted ports).
 *
 * @internal
 * @module
 */

const TRUSTED = new WeakSet<object>();

/**
 * Marks port functions as answering already-decoded data. Library-internal: only functions
 * whose answers the library built from decoded data may be marked.
 *
 * @internal
 */
export const markTrusted = <F extends object>(f: F): F => {
  TRUSTED.add(f);
  return f;
};

/**
 * Whether a port function was marked by `markTrusted`.
 *
 * @internal
 */
export const isTrusted = (f: unknown): boolean =>
  (typeof f === 'function' || (typeof f === 'object' && f !== null)) && TRUSTED.has(f as object);

const NORMALIZING = new WeakSet<object>();

/**
 * Marks port functions whose `Left` is already a library `PortError` (the `withResilience`
 * wrapper): the boundary keeps its `kind` and `attempts` instead of reading it as the port's own
 * failure.
 *
 * @internal
 */
export const markNormalizesFaults = <F extends object>(f: F): F => {
  NORMALIZING.add(f);
  return f;
};

/**
 * Whether a port function was marked by `markNormalizesFaults`.
 *
 * @internal
 */
export const normalizesFaults = (f: unknown): boolean =>
  (typeof f === 'function' || (typeof f === 'object' && f !== null)) &&
  NORMALIZING.has(f as object);
