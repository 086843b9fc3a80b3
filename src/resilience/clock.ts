/**
 * Time for resilience, supplied by the caller. Nothing in `src/` reads a clock or sets a timer:
 * timeouts, backoff delays and the breaker's recovery timeout use the `Clock` and `Sleep` the
 * caller passes, and a clock or sleep that fails is a value here, never an exception.
 *
 * Source: RULINGS "Errors and degradation" (time for resilience).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { describeValue, type PortError, portError } from '../ports/faults';

/**
 * The caller's clock: `now()` answers the current instant in epoch milliseconds (a finite
 * number). A `now` that fails or answers something else is read as a fault by `safeNow`.
 *
 * Source: RULINGS "Errors and degradation" (time for resilience).
 *
 * @since 0.2.0
 * @category resilience
 */
export interface Clock {
  /** The current instant, epoch milliseconds (a finite number); a throw or any other answer is a fault (`safeNow`). */
  readonly now: () => number;
}

/**
 * The caller's sleep: resolves after `ms` milliseconds of the caller's clock. One that rejects,
 * fails synchronously or answers no promise is treated as unusable for that wait (see
 * `withTimeout` and `withRetry` for what each then does).
 *
 * `signal`, when given, is aborted once the wait is no longer needed (a timed call answered
 * first): a sleep that honours it frees its timer then, so a finished build leaves no timer
 * pending (a script exits at once instead of after the longest timeout). Resolving or rejecting
 * on abort are both fine. Node's `setTimeout` of `node:timers/promises` honours it:
 * `sleep: (ms, signal) => setTimeout(ms, undefined, { signal })`. A sleep that ignores it still
 * works; its timers then run out on their own.
 *
 * Source: RULINGS "Errors and degradation" (time for resilience).
 *
 * @since 0.2.0
 * @category resilience
 */
export type Sleep = (ms: number, signal?: HostAbortSignal) => Promise<void>;

/**
 * The part of the standard `AbortSignal` a `Sleep` may read: whether it is aborted, and its
 * `abort` event. Every host's `AbortSignal` has it.
 *
 * Source: RULINGS "Errors and degradation" (time for resilience).
 *
 * @since 0.2.0
 * @category resilience
 */
export interface AbortSignalLike {
  /** Whether the wait is no longer needed (the signal was aborted). */
  readonly aborted: boolean;
  /** Registers `listener` for the `abort` event (with `once`, it is removed after one call). */
  addEventListener(
    type: 'abort',
    listener: () => void,
    options?: { readonly once?: boolean },
  ): void;
  /** Removes a listener registered with `addEventListener`. */
  removeEventListener(type: 'abort', listener: () => void): void;
}

/**
 * The signal a `Sleep` receives: the host's own `AbortSignal` type where the host declares one
 * (the DOM library, `@types/node`, Deno), so it can be handed to `setTimeout` of
 * `node:timers/promises` or to `AbortSignal`-taking APIs as it is; `AbortSignalLike` elsewhere.
 *
 * Source: RULINGS "Errors and degradation" (time for resilience).
 *
 * @since 0.2.0
 * @category resilience
 */
export type HostAbortSignal = typeof globalThis extends {
  /** The host's `AbortSignal` constructor, when it declares one. */
  readonly AbortSignal: {
    /** Its prototype, whose type is the host's `AbortSignal` instance type. */
    readonly prototype: infer S;
  };
}
  ? S
  : AbortSignalLike;

/** The host's `AbortController` constructor, as far as the library uses it. */
type HostAbortController = new () => { readonly signal: HostAbortSignal; abort(): void };

/**
 * A new abort controller where the host has one (Node, Deno, browsers), else `undefined`.
 * Creating one sets no timer and does no I/O.
 */
export const newAbortController = ():
  | { readonly signal: HostAbortSignal; abort(): void }
  | undefined => {
  const Ctor = (globalThis as { readonly AbortController?: unknown }).AbortController;
  return typeof Ctor === 'function' ? new (Ctor as HostAbortController)() : undefined;
};

/** Largest magnitude, in ms, that an ECMAScript `Date` can hold (ECMA-262 §21.4.1.1). */
const MAX_DATE_MS = 8.64e15;

/**
 * Reads the caller's clock without letting a fault escape.
 *
 * Output: `Right(ms)` (epoch ms, finite and inside the `Date` range), or `Left(PortError)` with
 * `port: 'clock.now'` and kind `threw` (reading it failed) or `malformed` (it answered something
 * that is not such a number). Never fails itself, whatever `clock` is.
 *
 * Source: RULINGS "Errors and degradation" (time for resilience).
 *
 * @example
 * safeNow({ now: () => 1_700_000_000_000 }) // Right(1700000000000)
 * safeNow({ now: () => NaN })               // Left({ port: 'clock.now', kind: 'malformed', ... })
 *
 * @since 0.2.0
 * @category resilience
 */
export const safeNow = (clock: Clock): E.Either<PortError, number> => {
  let value: unknown;
  try {
    value = clock.now();
  } catch (e) {
    return E.left(
      portError('clock.now', 'threw', `clock.now failed: ${describeValue(e)}`, { cause: e }),
    );
  }
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_DATE_MS
    ? E.right(value)
    : E.left(
        portError(
          'clock.now',
          'malformed',
          `clock.now answered ${describeValue(value)}, not epoch milliseconds`,
          { cause: value },
        ),
      );
};

/**
 * An epoch-ms instant as an ISO 8601 UTC string (`2025-01-20T19:07:00.000Z`), or `null` when
 * `ms` is `null`, not finite or outside the `Date` range. Never fails.
 *
 * Source: RULINGS "Errors and degradation" (time for resilience).
 *
 * @since 0.2.0
 * @category resilience
 */
export const isoOf = (ms: number | null): string | null =>
  ms !== null && Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS
    ? new Date(ms).toISOString()
    : null;

/**
 * Calls the caller's `sleep(ms)` and settles when it does: `Right` when it resolved, `Left` with
 * `port: 'sleep'` when it failed synchronously (`threw`), rejected (`rejected`) or answered no
 * promise (`malformed`). Never rejects. A sleep that never settles never settles here either.
 *
 * Source: RULINGS "Errors and degradation" (time for resilience).
 *
 * @since 0.2.0
 * @category resilience
 */
export const safeSleep = async (
  sleep: Sleep,
  ms: number,
  signal?: HostAbortSignal,
): Promise<E.Either<PortError, void>> => {
  let pending: unknown;
  try {
    pending = signal === undefined ? sleep(ms) : sleep(ms, signal);
  } catch (e) {
    return E.left(portError('sleep', 'threw', `sleep failed: ${describeValue(e)}`, { cause: e }));
  }
  let thenable = false;
  try {
    thenable =
      typeof pending === 'object' &&
      pending !== null &&
      typeof (pending as { then?: unknown }).then === 'function';
  } catch {
    thenable = false;
  }
  if (!thenable)
    return E.left(
      portError('sleep', 'malformed', `sleep answered ${describeValue(pending)}, not a promise`),
    );
  try {
    await (pending as PromiseLike<unknown>);
    return E.right(undefined);
  } catch (e) {
    return E.left(
      portError('sleep', 'rejected', `sleep rejected: ${describeValue(e)}`, { cause: e }),
    );
  }
};
