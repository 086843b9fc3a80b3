/**
 * `withResilience` wraps the caller's ports: each call passes its port's circuit breaker, runs
 * through `runPort` under the port's timeout, is retried with seeded backoff while its fault is
 * transient, and answers a `TaskEither<PortError, A>` that never rejects.
 *
 * This is the imperative edge of the resilience module, and the caller owns it: the breakers'
 * current states live inside the wrapper instance (like a cache), are changed by every call
 * through it, and are read out as seed 004 records with `breakerRecords()` (to be stored and
 * passed back as `options.breakers` next time). Everything it decides is delegated to the pure
 * parts (`admit`, `recordSuccess`, `recordFailure`, `retryDelays`).
 *
 * Source: seed 001 "Error Handling" (circuit breaker, retry with backoff, timeout
 * configuration); seed 003 task 2.5c; seed 004 `circuit_breaker_state`; RULINGS "Errors and
 * degradation".
 *
 * @module
 */

import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import {
  PORT_NAMES,
  type PortName,
  type ResiliencePolicy,
  type ResiliencePolicyOverride,
} from '../domain/resiliencePolicy';
import {
  describeValue,
  type PortError,
  type PortFaultKind,
  portError,
  runPort,
} from '../ports/faults';
import type { SchedulePorts } from '../ports/ports';
import { isTrusted, markNormalizesFaults, markTrusted } from '../ports/trust';
import { rngFrom } from '../random/rng';
import {
  admit,
  type Breaker,
  type BreakerState,
  type CircuitBreakerRecord,
  decodeBreakerRecord,
  initialBreaker,
  recordFailure,
  recordSuccess,
  toBreakerRecord,
} from './breaker';
import { checkResiliencePolicy } from './check';
import { type Clock, type Sleep, safeNow } from './clock';
import { quietly, readOwnKeys, readProp } from './guard';
import type { ResilienceProblem } from './problem';
import { withRetry } from './retry';
import { withTimeout } from './timeout';

/**
 * What one call through a resilient port came to, for the pipeline's audit trail: the port,
 * the attempts made (retries included; a call the breaker refused counts as an attempt),
 * `'ok'` or the kind of the final fault, and the time it took by the caller's clock (ms; `null`
 * when the clock could not be read at the start or the end).
 *
 * Source: ISSUE-NOTES issue 4 (the audit trail); seed 001 "Error Handling".
 *
 * @since 0.2.0
 * @category resilience
 */
export interface PortCallInfo {
  /** The port's name in `SchedulePorts`. */
  readonly port: string;
  /** Attempts made, retries and breaker refusals included (>= 1). */
  readonly attempts: number;
  /** `ok`, or the kind of the final fault. */
  readonly outcome: 'ok' | PortFaultKind;
  /** Milliseconds the call took by the caller's clock, `null` when the clock could not be read at the start or the end. */
  readonly elapsedMs: number | null;
}

/**
 * What a resilient port tells the optional `onEvent` listener:
 *
 * - `call_failed`: an attempt failed (`error`), the breaker's refusals included.
 * - `retry_scheduled`: the attempt will be retried after `delayMs` ms.
 * - `call_timed_out`: the attempt got no answer within `timeoutMs` ms.
 * - `breaker_transition`: the port's breaker moved `from` -> `to` at `atMs` (epoch ms).
 * - `clock_failed`: `clock.now()` failed; the last good reading (or 0) was used instead.
 *
 * Source: seed 001 "Error Handling"; RULINGS "Errors and degradation".
 *
 * @since 0.2.0
 * @category resilience
 */
export type ResilienceEvent =
  | {
      /** An attempt failed (the breaker's refusals included). */
      readonly type: 'call_failed';
      /** The port called. */
      readonly port: string;
      /** The attempt that failed, 1-based. */
      readonly attempt: number;
      /** The attempt's fault. */
      readonly error: PortError;
    }
  | {
      /** The failed attempt will be retried. */
      readonly type: 'retry_scheduled';
      /** The port called. */
      readonly port: string;
      /** The attempt that failed, 1-based. */
      readonly attempt: number;
      /** The wait before the next attempt, milliseconds. */
      readonly delayMs: number;
      /** The retryable fault the attempt answered. */
      readonly error: PortError;
    }
  | {
      /** The attempt got no answer in time. */
      readonly type: 'call_timed_out';
      /** The port called. */
      readonly port: string;
      /** The attempt that timed out, 1-based. */
      readonly attempt: number;
      /** The timeout it had, milliseconds (`policy.timeoutMs[port]`, else `policy.timeoutMs.default`). */
      readonly timeoutMs: number;
    }
  | {
      /** The port's circuit breaker changed state. */
      readonly type: 'breaker_transition';
      /** The port whose breaker it is (the breaker's name). */
      readonly port: string;
      /** The state before. */
      readonly from: BreakerState;
      /** The state after. */
      readonly to: BreakerState;
      /** When, epoch milliseconds of the caller's clock. */
      readonly atMs: number;
    }
  | {
      /** `clock.now()` failed; the last good reading (or 0) was used instead. */
      readonly type: 'clock_failed';
      /** The port whose call read the clock. */
      readonly port: string;
      /** The clock's fault (`port: 'clock.now'`). */
      readonly error: PortError;
    };

/**
 * Options of `withResilience`.
 *
 * Source: seed 001 "Error Handling"; RULINGS "Errors and degradation".
 *
 * @since 0.2.0
 * @category resilience
 */
export interface ResilienceOptions {
  /** The caller's clock (epoch ms). */
  readonly clock: Clock;
  /** The caller's sleep: the only timer used, for timeouts and backoff. */
  readonly sleep: Sleep;
  /** A partial override of `DEFAULT_RESILIENCE_POLICY`. */
  readonly policy?: ResiliencePolicyOverride;
  /** Seed of the backoff jitter; default `0`. */
  readonly seed?: string | number;
  /** Breakers to start from (seed 004 records, as `breakerRecords()` answered them). */
  readonly breakers?: ReadonlyArray<CircuitBreakerRecord>;
  /** Optional logger port; whatever it does (failing included) is ignored. */
  readonly onEvent?: (e: ResilienceEvent) => void;
}

/**
 * A port whose task fails with the full `PortError` (kind, attempts, transient).
 *
 * Source: seed 001 "Error Handling"; RULINGS "Errors and degradation".
 *
 * @since 0.2.0
 * @category resilience
 */
export type ResilientPort<F> = F extends (...args: infer P) => TaskEither<unknown, infer A>
  ? (...args: P) => TaskEither<PortError, A>
  : F;

/**
 * The wrapped ports (a `SchedulePorts`: each port keeps its arguments and answer type, and its
 * failure is the full `PortError` with `kind` and `attempts`), plus `breakerRecords()`: every
 * breaker's current state as a seed 004 `circuit_breaker_state` record, sorted by name (one per
 * wrapped port, plus any restored record naming another breaker, kept as given).
 *
 * Source: seed 001 "Error Handling"; RULINGS "Errors and degradation". Seed 004
 * `circuit_breaker_state`.
 *
 * @since 0.2.0
 * @category resilience
 */
export type ResilientPorts = {
  readonly [K in keyof SchedulePorts]: ResilientPort<SchedulePorts[K]>;
} & {
  /** Every breaker's current state as a seed 004 `circuit_breaker_state` record, sorted by name; store them to restore the breakers later (`ResilienceOptions.breakers`). */
  readonly breakerRecords: () => ReadonlyArray<CircuitBreakerRecord>;
};

const callInfos = new WeakMap<object, PortCallInfo>();

/**
 * The `PortCallInfo` of a task that a resilient port answered, once that task has settled (the
 * latest run if it was run more than once); `undefined` for anything else or before it settles.
 *
 * @example
 * const task = resilient.getCreatorProfile('c1');
 * await task();
 * callInfoOf(task) // { port: 'getCreatorProfile', attempts: 1, outcome: 'ok', elapsedMs: 12 }
 *
 * Source: ISSUE-NOTES issue 4 (the audit trail).
 *
 * @since 0.2.0
 * @category resilience
 */
export const callInfoOf = (task: unknown): PortCallInfo | undefined =>
  typeof task === 'function' ? callInfos.get(task) : undefined;

const OPTION_KEYS: ReadonlyArray<keyof ResilienceOptions> = [
  'clock',
  'sleep',
  'policy',
  'seed',
  'breakers',
  'onEvent',
];

interface Resolved {
  readonly clock: Clock;
  readonly sleep: Sleep;
  readonly policy: ResiliencePolicy;
  readonly seed: string | number;
  readonly breakers: ReadonlyArray<Breaker>;
  readonly onEvent: ((e: ResilienceEvent) => void) | undefined;
}

const resolveOptions = (options: unknown): E.Either<ReadonlyArray<ResilienceProblem>, Resolved> => {
  const problems: ResilienceProblem[] = [];
  const keys = readOwnKeys(options);
  if (E.isLeft(keys)) return E.left([{ path: 'options', message: keys.left }]);
  for (const k of keys.right)
    if (!(OPTION_KEYS as ReadonlyArray<string>).includes(k))
      problems.push({ path: `options.${k}`, message: 'unknown key' });
  const get = (key: string): unknown => {
    const v = readProp(options, key);
    if (E.isRight(v)) return v.right;
    problems.push({ path: `options.${key}`, message: v.left });
    return undefined;
  };

  const clock = get('clock');
  const now = readProp(clock, 'now');
  if (typeof clock !== 'object' || clock === null)
    problems.push({
      path: 'options.clock',
      message: `expected a Clock, got ${describeValue(clock)}`,
    });
  else if (E.isLeft(now) || typeof now.right !== 'function')
    problems.push({
      path: 'options.clock.now',
      message: E.isLeft(now) ? now.left : `expected a function, got ${describeValue(now.right)}`,
    });

  const sleep = get('sleep');
  if (typeof sleep !== 'function')
    problems.push({
      path: 'options.sleep',
      message: `expected a function, got ${describeValue(sleep)}`,
    });

  const policy = checkResiliencePolicy(get('policy'));
  if (E.isLeft(policy))
    for (const p of policy.left)
      problems.push({ path: p.path.replace(/^resilience/, 'options.policy'), message: p.message });

  const seed = get('seed') ?? 0;
  if (!(typeof seed === 'string' || (typeof seed === 'number' && Number.isFinite(seed))))
    problems.push({
      path: 'options.seed',
      message: `expected a string or a finite number, got ${describeValue(seed)}`,
    });

  const onEvent = get('onEvent');
  if (onEvent !== undefined && typeof onEvent !== 'function')
    problems.push({
      path: 'options.onEvent',
      message: `expected a function, got ${describeValue(onEvent)}`,
    });

  const breakers: Breaker[] = [];
  const given = get('breakers');
  if (given !== undefined) {
    let items: ReadonlyArray<unknown> | null = null;
    try {
      items = Array.isArray(given) ? Array.from(given as ReadonlyArray<unknown>) : null;
    } catch (e) {
      problems.push({ path: 'options.breakers', message: `unreadable (${describeValue(e)})` });
    }
    if (items === null && problems.every((p) => p.path !== 'options.breakers'))
      problems.push({
        path: 'options.breakers',
        message: `expected an array of breaker records, got ${describeValue(given)}`,
      });
    const seen = new Set<string>();
    (items ?? []).forEach((item, i) => {
      const path = `options.breakers[${i}]`;
      const b = decodeBreakerRecord(item, path);
      if (E.isLeft(b)) problems.push(...b.left);
      else if (seen.has(b.right.name))
        problems.push({
          path: `${path}.name`,
          message: `duplicate breaker name ${JSON.stringify(b.right.name)}`,
        });
      else {
        seen.add(b.right.name);
        breakers.push(b.right);
      }
    });
  }

  if (problems.length > 0 || E.isLeft(policy)) return E.left(problems);
  return E.right({
    clock: clock as Clock,
    sleep: sleep as Sleep,
    policy: policy.right,
    seed: seed as string | number,
    breakers,
    onEvent: onEvent as ((e: ResilienceEvent) => void) | undefined,
  });
};

type AnyPort = (...args: ReadonlyArray<unknown>) => unknown;

/**
 * Wraps every function-valued port of `ports` (required and optional; a port read from the
 * prototype, as a class method, counts too) with its breaker, timeout and retries. Other own
 * properties, unknown ports included, are copied unchanged.
 *
 * Each call of a wrapped port answers a task; running the task:
 * 1. asks the port's breaker (one per port name, named after the port; `admit`) - a refusal is
 *    a `PortError` kind `circuit_open`, `transient: false`, so it is not retried;
 * 2. runs the call through `runPort` under `withTimeout` with `policy.timeoutMs[port]` (or
 *    `default`);
 * 3. records the attempt's outcome in the breaker (every attempt counts as a call);
 * 4. retries per `withRetry` (transient faults only, `policy.retry.attempts` calls at most),
 *    with the jitter of `rngFrom(seed, port, callIndex)`, `callIndex` counting the runs of that
 *    port's tasks on this wrapper from 0;
 * 5. answers `Right(answer)` or `Left(PortError)` with `attempts`, and records its
 *    `PortCallInfo` (see `callInfoOf`).
 * The task never rejects. It can hang only if the port never answers and `sleep` is unusable.
 * The breakers are mutable state inside the returned object (the imperative edge the caller
 * owns, like a cache): share one wrapper to share breakers, and persist them with
 * `breakerRecords()`. A timed-out call is not cancelled (the caller's `sleep` and port have no
 * cancellation); its late answer is dropped.
 * A clock that fails is reported (`clock_failed`) and its last good reading (or 0) is used,
 * so an open breaker stays open until the clock works again.
 *
 * Input: `ports`, and `options` (`clock`, `sleep`, optional `policy` override, `seed`,
 * `breakers` as seed 004 records, `onEvent`).
 * Output: `Right(ResilientPorts)`, or `Left` with every problem of `ports` / `options`, each
 * named by path (`options.clock.now: expected a function, got 5`, `options.policy.retry.attempts:
 * expected an integer in 1..10, got 0`, `options.breakers[1].state: expected "closed" | "open" |
 * "half_open", got "ajar"`). Never fails itself.
 *
 * Source: seed 001 "Error Handling"; seed 003 task 2.5c; seed 004 `circuit_breaker_state`.
 *
 * @example
 * const resilient = withResilience(ports, { clock, sleep, seed: 'run-1' });
 * if (E.isRight(resilient)) await buildSchedule(inputs)(resilient.right)();
 *
 * @since 0.2.0
 * @category resilience
 */
export const withResilience = (
  ports: SchedulePorts,
  options: ResilienceOptions,
): E.Either<ReadonlyArray<ResilienceProblem>, ResilientPorts> => {
  const problems: ResilienceProblem[] = [];
  const portKeys = readOwnKeys(ports);
  if (E.isLeft(portKeys)) problems.push({ path: 'ports', message: portKeys.left });
  const resolved = resolveOptions(options);
  if (E.isLeft(resolved)) problems.push(...resolved.left);
  if (E.isLeft(portKeys) || E.isLeft(resolved)) return E.left(problems);
  const { clock, sleep, policy, seed, onEvent } = resolved.right;

  const out: Record<string, unknown> = {};
  for (const key of portKeys.right) {
    const v = readProp(ports, key);
    if (E.isLeft(v)) problems.push({ path: `ports.${key}`, message: v.left });
    else out[key] = v.right;
  }
  const wrapped = new Map<PortName, AnyPort>();
  for (const name of PORT_NAMES) {
    const v = readProp(ports, name);
    if (E.isLeft(v)) {
      if (problems.every((p) => p.path !== `ports.${name}`))
        problems.push({ path: `ports.${name}`, message: v.left });
    } else if (typeof v.right === 'function') wrapped.set(name, v.right as AnyPort);
  }
  if (problems.length > 0) return E.left(problems);

  const breakers = new Map<string, Breaker>();
  for (const name of wrapped.keys()) breakers.set(name, initialBreaker(name));
  for (const b of resolved.right.breakers) breakers.set(b.name, b);
  const callCounts = new Map<string, number>();
  let lastGoodNow: number | null = null;

  const emit = (e: ResilienceEvent): void => quietly(onEvent, e);
  const readNow = (port: string): number | null => {
    const r = safeNow(clock);
    if (E.isRight(r)) {
      lastGoodNow = r.right;
      return r.right;
    }
    emit({ type: 'clock_failed', port, error: r.left });
    return null;
  };
  const nowOrLast = (port: string): number => readNow(port) ?? lastGoodNow ?? 0;
  const setBreaker = (port: string, next: Breaker, atMs: number): void => {
    const prev = breakers.get(port);
    breakers.set(port, next);
    if (prev !== undefined && prev.state !== next.state)
      emit({ type: 'breaker_transition', port, from: prev.state, to: next.state, atMs });
  };
  const breakerOf = (port: string): Breaker => breakers.get(port) ?? initialBreaker(port);

  /** 001 "Circuit breaker OPEN - MCP server unavailable", with the seed's `retry_after`. */
  const refusal = (port: string, b: Breaker, now: number): PortError => {
    const since = b.lastStateChange === null ? null : now - b.lastStateChange;
    const wait =
      b.state === 'open' && since !== null
        ? `; retry after ${Math.max(0, policy.breaker.recoveryTimeoutMs - since)} ms`
        : '';
    const state = b.state === 'open' ? 'open' : 'half-open with its probes in flight';
    return portError(
      port,
      'circuit_open',
      `${port}: circuit breaker ${state}, call refused${wait}`,
      {
        transient: false,
      },
    );
  };

  const attemptOnce = async (
    port: PortName,
    fn: AnyPort,
    args: ReadonlyArray<unknown>,
    n: number,
  ): Promise<E.Either<PortError, unknown>> => {
    const t0 = nowOrLast(port);
    const admission = admit(breakerOf(port), t0, policy.breaker);
    setBreaker(port, admission.breaker, t0);
    if (!admission.allowed) {
      const error = refusal(port, admission.breaker, t0);
      emit({ type: 'call_failed', port, attempt: n, error });
      return E.left(error);
    }
    const timeoutMs = policy.timeoutMs[port] ?? policy.timeoutMs.default;
    const result = await withTimeout(
      () => runPort(port, () => fn.apply(ports, args as unknown[])),
      timeoutMs,
      sleep,
      port,
    );
    const t1 = nowOrLast(port);
    const b = breakerOf(port);
    setBreaker(
      port,
      E.isRight(result)
        ? recordSuccess(b, t1, policy.breaker)
        : recordFailure(b, t1, policy.breaker),
      t1,
    );
    if (E.isLeft(result)) {
      if (result.left.kind === 'timeout')
        emit({ type: 'call_timed_out', port, attempt: n, timeoutMs });
      emit({ type: 'call_failed', port, attempt: n, error: result.left });
    }
    return result;
  };

  const runCall = async (
    port: PortName,
    fn: AnyPort,
    args: ReadonlyArray<unknown>,
    task: object,
  ): Promise<E.Either<PortError, unknown>> => {
    let attempts = 0;
    // The last failure of this call that was not a refusal of the breaker: when the breaker
    // opens between two attempts (other calls failed meanwhile), the call failed because of it.
    const seen: { cause: PortError | null } = { cause: null };
    try {
      const callIndex = callCounts.get(port) ?? 0;
      callCounts.set(port, callIndex + 1);
      const start = readNow(port);
      const retried = await withRetry(
        async (n) => {
          attempts = n;
          const r = await attemptOnce(port, fn, args, n);
          if (E.isLeft(r) && r.left.kind !== 'circuit_open') seen.cause = r.left;
          return r;
        },
        {
          policy: policy.retry,
          sleep,
          rng: rngFrom(seed, port, callIndex),
          port,
          onRetry: (r) => emit({ type: 'retry_scheduled', port, ...r }),
        },
      );
      const first = seen.cause;
      const result: E.Either<PortError, unknown> =
        E.isLeft(retried) && retried.left.kind === 'circuit_open' && first !== null
          ? E.left({
              ...first,
              attempts: retried.left.attempts,
              message: `${first.message}; then the circuit breaker opened`,
            })
          : retried;
      const end = readNow(port);
      callInfos.set(task, {
        port,
        attempts,
        outcome: E.isRight(result) ? 'ok' : result.left.kind,
        elapsedMs: start !== null && end !== null ? end - start : null,
      });
      return result;
    } catch (e) {
      // Unreachable by design (every part answers values); kept so the task can never reject.
      const error = portError(
        port,
        'threw',
        `${port}: resilience wrapper failed: ${describeValue(e)}`,
        {
          attempts: Math.max(1, attempts),
          cause: e,
        },
      );
      callInfos.set(task, { port, attempts: error.attempts, outcome: 'threw', elapsedMs: null });
      return E.left(error);
    }
  };

  for (const [name, fn] of wrapped) {
    const wrapper = (...args: ReadonlyArray<unknown>): TaskEither<PortError, unknown> => {
      const task: TaskEither<PortError, unknown> = () => runCall(name, fn, args, task);
      return task;
    };
    // The wrapper answers what the port answered: trusted stays trusted; its faults are PortErrors.
    if (isTrusted(fn)) markTrusted(wrapper);
    out[name] = markNormalizesFaults(wrapper);
  }
  out.breakerRecords = (): ReadonlyArray<CircuitBreakerRecord> =>
    [...breakers.values()]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map(toBreakerRecord);
  return E.right(out as unknown as ResilientPorts);
};
