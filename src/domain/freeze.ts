/**
 * Deep freezing of plain data tables.
 *
 * @module
 */

/**
 * Freezes a plain-data value (objects and arrays) and everything it holds, in place, and returns
 * it typed read-only. Already frozen parts are left as they are.
 *
 * @since 0.2.0
 * @category policy
 */
export const deepFreeze = <A>(value: A): A => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
};
