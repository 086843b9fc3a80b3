/**
 * Internal: reading values of unknown shape, and running a caller's functions, so that nothing
 * escapes. Not exported from the module's index.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { describeValue, type PortError, portError } from '../ports/faults';

/**
 * `u[key]`, or why it cannot be read (a getter that fails, a revoked Proxy, `null`).
 *
 * Source: RULINGS "Errors and degradation" (port faults).
 *
 * @since 0.2.0
 * @category resilience
 */
export const readProp = (u: unknown, key: string): E.Either<string, unknown> => {
  try {
    return E.right((u as Record<string, unknown>)[key]);
  } catch (e) {
    return E.left(`unreadable (${describeValue(e)})`);
  }
};

/**
 * The own enumerable keys of a non-array object, or why `u` is not readable as one.
 *
 * Source: RULINGS "Errors and degradation" (port faults).
 *
 * @since 0.2.0
 * @category resilience
 */
export const readOwnKeys = (u: unknown): E.Either<string, ReadonlyArray<string>> => {
  try {
    if (typeof u !== 'object' || u === null || Array.isArray(u))
      return E.left(
        `expected an object, got ${typeof u === 'string' ? JSON.stringify(u) : describeValue(u)}`,
      );
    return E.right(Object.keys(u));
  } catch (e) {
    return E.left(`unreadable object (${describeValue(e)})`);
  }
};

const field = (u: unknown, key: string): unknown => {
  const r = readProp(u, key);
  return E.isRight(r) ? r.right : undefined;
};

/**
 * Reads an `Either` out of any value by its `_tag` (`Left` / `Right`); `null` for anything
 * else. Never fails.
 *
 * Source: RULINGS "Errors and degradation" (port faults).
 *
 * @since 0.2.0
 * @category resilience
 */
export const eitherOf = (u: unknown): E.Either<unknown, unknown> | null => {
  const tag = typeof u === 'object' && u !== null ? field(u, '_tag') : undefined;
  if (tag === 'Right') return E.right(field(u, 'right'));
  if (tag === 'Left') return E.left(field(u, 'left'));
  return null;
};

const isPortErrorLike = (u: unknown): u is PortError => {
  try {
    const e = u as Partial<PortError>;
    return (
      typeof u === 'object' &&
      u !== null &&
      typeof e.port === 'string' &&
      typeof e.kind === 'string' &&
      typeof e.message === 'string' &&
      typeof e.attempts === 'number' &&
      typeof e.transient === 'boolean'
    );
  } catch {
    return false;
  }
};

/**
 * Awaits `run()` and answers its `Either`; a failure to call it, a rejection or an answer that
 * is not an `Either` becomes a `PortError` of `port` (`rejected`, `malformed`), and a `Left`
 * that is not a `PortError` a `left` one (keeping its `transient: true`). Never rejects.
 *
 * Source: RULINGS "Errors and degradation" (port faults).
 *
 * @since 0.2.0
 * @category resilience
 */
export const guarded = async <A>(
  port: string,
  run: () => Promise<E.Either<PortError, A>>,
): Promise<E.Either<PortError, A>> => {
  let answer: unknown;
  try {
    answer = await run();
  } catch (e) {
    return E.left(
      portError(port, 'rejected', `${port} rejected: ${describeValue(e)}`, { cause: e }),
    );
  }
  const either = eitherOf(answer);
  if (either === null)
    return E.left(
      portError(port, 'malformed', `${port} answered ${describeValue(answer)}, not an Either`, {
        cause: answer,
      }),
    );
  if (E.isRight(either)) return E.right(either.right as A);
  const left = either.left;
  if (isPortErrorLike(left)) return E.left(left);
  return E.left(
    portError(port, 'left', describeValue(left), {
      transient: field(left, 'transient') === true,
      cause: left,
    }),
  );
};

/**
 * Calls a caller's callback (an event listener) and ignores whatever it does.
 *
 * Source: RULINGS "Errors and degradation" (port faults: a caller's listener is a port too).
 *
 * @since 0.2.0
 * @category resilience
 */
export const quietly = <A>(f: ((a: A) => void) | undefined, a: A): void => {
  if (f === undefined) return;
  try {
    f(a);
  } catch {
    // A failing listener is the caller's concern: the call it observes goes on.
  }
};
