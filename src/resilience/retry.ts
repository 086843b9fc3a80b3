/**
 * Retries with exponential backoff and seeded jitter. Only transient faults are retried; the
 * delays come from a seeded generator and are waited with the caller's `sleep`.
 *
 * Source: seed 001 "Retry Strategy with Exponential Backoff" and phase 1 "Retry Policy".
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { MAX_RETRY_ATTEMPTS, type RetryPolicy } from '../domain/resiliencePolicy';
import type { PortError, PortFaultKind } from '../ports/faults';
import { nextFloat, type Rng } from '../random/rng';
import { type Sleep, safeSleep } from './clock';
import { guarded, quietly } from './guard';

const finiteOr = (n: number, fallback: number): number => (Number.isFinite(n) ? n : fallback);

/** `policy.attempts` as a whole number of at least one call, whatever it holds (the policy codec bounds it). */
const attemptsOf = (policy: RetryPolicy): number =>
  Math.min(MAX_RETRY_ATTEMPTS, Math.max(1, Math.floor(finiteOr(policy.attempts, 1))));

/**
 * The delays between attempts, in whole milliseconds: `attempts - 1` of them, delay `k`
 * (k = 0, 1, ...) being `min(maxDelayMs, round(baseDelayMs * factor^k * j_k))` with `j_k`
 * drawn from `rng` uniformly in `[1 - jitterRatio, 1 + jitterRatio)`. Pure: the same policy
 * and generator give the same delays. An unchecked policy is clamped (attempts to 1..10, a
 * negative delay to 0, a non-finite one to `maxDelayMs`) so this never fails or loops.
 *
 * Source: seed 001 `retry_with_backoff` ("1s, 3s, 9s"); jitter is a project choice.
 *
 * @example
 * retryDelays({ attempts: 3, baseDelayMs: 1000, factor: 3, maxDelayMs: 9000, jitterRatio: 0 }, rng)
 * // [1000, 3000]
 *
 * @since 0.2.0
 * @category resilience
 */
export const retryDelays = (policy: RetryPolicy, rng: Rng): ReadonlyArray<number> => {
  const delays: number[] = [];
  const cap = Math.max(0, finiteOr(policy.maxDelayMs, 0));
  const ratio = Math.min(1, Math.max(0, finiteOr(policy.jitterRatio, 0)));
  let r = rng;
  for (let k = 0; k < attemptsOf(policy) - 1; k++) {
    const [u, next] = nextFloat(r);
    r = next;
    const raw = Math.round(policy.baseDelayMs * policy.factor ** k * (1 + ratio * (2 * u - 1)));
    delays.push(Math.min(cap, Math.max(0, finiteOr(raw, cap))));
  }
  return delays;
};

/** Kinds a retry cannot mend, whatever their `transient` flag says. */
const NEVER_RETRIED: ReadonlySet<PortFaultKind> = new Set<PortFaultKind>([
  'decode',
  'malformed',
  'circuit_open',
  'missing',
]);

/**
 * Whether `withRetry` retries a fault: a `timeout`, or any fault marked `transient: true`,
 * except `decode`, `malformed`, `circuit_open` and `missing`, which never are.
 *
 * Source: seed 001 "Retry Strategy with Exponential Backoff". Timeouts are transient by seed 001
 * "Timeout Configuration".
 *
 * @since 0.2.0
 * @category resilience
 */
export const isRetryable = (e: PortError): boolean =>
  !NEVER_RETRIED.has(e.kind) && (e.kind === 'timeout' || e.transient === true);

/**
 * What `withRetry` tells its `onRetry` listener before waiting: the attempt that failed
 * (1-based), the delay about to be waited (ms) and the fault.
 *
 * Source: seed 001 "Retry Strategy with Exponential Backoff".
 *
 * @since 0.2.0
 * @category resilience
 */
export interface RetryScheduled {
  /** The attempt that failed, 1-based. */
  readonly attempt: number;
  /** The delay about to be waited before the next attempt, milliseconds. */
  readonly delayMs: number;
  /** The retryable fault the attempt answered. */
  readonly error: PortError;
}

/**
 * Options of `withRetry`.
 *
 * Source: seed 001 "Retry Strategy with Exponential Backoff".
 *
 * @since 0.2.0
 * @category resilience
 */
export interface RetryOptions {
  /** Attempts, base delay, growth factor, delay cap and jitter (seed 001 backoff). */
  readonly policy: RetryPolicy;
  /** The caller's sleep, used for every wait between attempts. */
  readonly sleep: Sleep;
  /** The generator of the jitter (e.g. `rngFrom(seed, port, callIndex)`). */
  readonly rng: Rng;
  /** Port name used when `attempt` itself fails or answers junk; default `'unknown'`. */
  readonly port?: string;
  /** Told before each wait; whatever it does is ignored. */
  readonly onRetry?: (e: RetryScheduled) => void;
}

/**
 * Runs `attempt(1)`, and while it answers a retryable fault (see `isRetryable`) and attempts
 * remain, waits the next delay of `retryDelays(policy, rng)` with `sleep` and runs
 * `attempt(n + 1)`, up to `policy.attempts` calls.
 *
 * Output: the first `Right`, or the last `Left` with `attempts` set to the number of calls made.
 * An `attempt` that fails, rejects or answers no `Either` is a `PortError` of `options.port`.
 * Never rejects; options that cannot be read (no policy, a broken generator) allow one attempt. A `sleep` that fails or rejects does not stop the retries: the next attempt then
 * runs without waiting (the number of calls stays bounded by `attempts`). A `sleep` that never
 * resolves hangs here.
 *
 * Source: seed 001 "Retry Strategy with Exponential Backoff".
 *
 * @example
 * await withRetry((n) => runPort('getBestTiming', call), { policy, sleep, rng: rngFrom('s') })
 * // Right(answer), or Left({ kind: 'timeout', attempts: 3, ... })
 *
 * @since 0.2.0
 * @category resilience
 */
export const withRetry = async <A>(
  attempt: (n: number) => Promise<E.Either<PortError, A>>,
  options: RetryOptions,
): Promise<E.Either<PortError, A>> => {
  let port = 'unknown';
  let delays: ReadonlyArray<number> = [];
  let sleep: Sleep | undefined;
  let onRetry: RetryOptions['onRetry'];
  try {
    port = typeof options.port === 'string' ? options.port : port;
    sleep = options.sleep;
    onRetry = options.onRetry;
    delays = retryDelays(options.policy, options.rng);
  } catch {
    // Options that cannot be read allow a single attempt, without retries.
  }
  for (let n = 1; ; n++) {
    const result = await guarded(port, () => attempt(n));
    if (E.isRight(result)) return result;
    const delayMs = delays[n - 1];
    if (delayMs === undefined || !isRetryable(result.left))
      return E.left({ ...result.left, attempts: n });
    quietly(onRetry, { attempt: n, delayMs, error: result.left });
    if (sleep !== undefined) await safeSleep(sleep, delayMs);
  }
};
