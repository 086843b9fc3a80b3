/**
 * Internal: runs a caller's attempt function (one that should answer a promise of an `Either`
 * of `PortError`) so that nothing escapes. Not exported from the module's index.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { describeValue, type PortError, portError } from '../ports/faults';

const tagOf = (u: unknown): unknown => {
  try {
    return typeof u === 'object' && u !== null
      ? (u as { readonly _tag?: unknown })._tag
      : undefined;
  } catch {
    return undefined;
  }
};

const fieldOf = (u: unknown, key: 'left' | 'right'): unknown => {
  try {
    return (u as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
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
 * is not an `Either` of `PortError` becomes a `PortError` of `port`. Never rejects.
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
  const tag = tagOf(answer);
  if (tag === 'Right') return E.right(fieldOf(answer, 'right') as A);
  if (tag === 'Left') {
    const left = fieldOf(answer, 'left');
    if (isPortErrorLike(left)) return E.left(left);
    return E.left(
      portError(port, 'left', describeValue(left), {
        transient: (() => {
          try {
            return (left as { readonly transient?: unknown }).transient === true;
          } catch {
            return false;
          }
        })(),
        cause: left,
      }),
    );
  }
  return E.left(
    portError(port, 'malformed', `${port} answered ${describeValue(answer)}, not an Either`, {
      cause: answer,
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
