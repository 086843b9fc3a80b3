/**
 * The circuit breaker as a pure state machine: a `Breaker` value, and functions that answer the
 * next value for an admission request or a call's outcome at a caller-supplied instant.
 *
 * Transitions, and nothing else:
 *
 * | from | to | when |
 * |---|---|---|
 * | `closed` | `open` | `consecutive`: a failure brings the consecutive failures to `failureThreshold`; `failure_rate`: a failure leaves the full window of the last `windowSize` calls with a failure rate strictly above `failureRateThreshold` |
 * | `open` | `half_open` | `admit` at least `recoveryTimeoutMs` after the breaker opened (that call is the first probe) |
 * | `half_open` | `closed` | the consecutive successes reach the probe count (`halfOpenMaxCalls`, or `rateHalfOpenMaxCalls` for `failure_rate`) |
 * | `half_open` | `open` | any failure |
 *
 * `half_open` admits at most the probe count of calls per half-open period; `open` admits none.
 * Outcomes recorded while `open` (calls admitted before it opened) update the counters and
 * times but change no state.
 *
 * The `failure_rate` window holds the outcomes recorded while `closed` since the breaker last
 * changed state; it is part of this value only. The seed 004 `circuit_breaker_state` record has
 * no column for it (RULINGS "circuit breaker variants"): `toBreakerRecord` drops it and
 * `fromBreakerRecord` restores an empty window, as it restores no probe in flight.
 *
 * Source: seed 003 task 2.5c (consecutive variant); seed 001 "Circuit Breaker Pattern for MCP
 * Calls" (failure-rate variant); seed 004 `circuit_breaker_state`.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { IsoInstantC, NonEmptyStringC, NonNegativeIntC, nullable } from '../domain/codecs';
import { decodeWith } from '../domain/decode';
import { type BreakerPolicy, DEFAULT_RESILIENCE_POLICY } from '../domain/resiliencePolicy';
import { describeValue } from '../ports/faults';
import { isoOf } from './clock';
import { problemsOfIssues, type ResilienceProblem } from './problem';

/**
 * The state of a circuit: `closed` (calls pass), `open` (calls refused), `half_open` (a few
 * probe calls pass to test recovery).
 *
 * Source: seed 003 task 2.5c (`CircuitState`, `CircuitStats`); seed 001 "Circuit Breaker Pattern
 * for MCP Calls".
 *
 * @since 0.2.0
 * @category resilience
 */
export type BreakerState = 'closed' | 'open' | 'half_open';

/**
 * The outcome of one call as the breaker counts it.
 *
 * Source: seed 003 task 2.5c (`CircuitState`, `CircuitStats`); seed 001 "Circuit Breaker Pattern
 * for MCP Calls".
 *
 * @since 0.2.0
 * @category resilience
 */
export type CallOutcome = 'success' | 'failure';

/**
 * One circuit breaker's state. Times are epoch ms of the caller's clock, `null` when never.
 *
 * Source: seed 003 task 2.5c (`CircuitState`, `CircuitStats`); seed 001 "Circuit Breaker Pattern
 * for MCP Calls".
 *
 * @since 0.2.0
 * @category resilience
 */
export interface Breaker {
  /** Its name (`withResilience` names each after its port). */
  readonly name: string;
  /** `closed` (calls pass), `open` (calls refused) or `half_open` (probe calls pass). */
  readonly state: BreakerState;
  /** Consecutive failures since the last success. */
  readonly failureCount: number;
  /** Consecutive successes since the last failure (reset on entering `half_open`). */
  readonly successCount: number;
  /** Probe calls admitted in the current half-open period. */
  readonly halfOpenCalls: number;
  /** Epoch ms (caller's clock) of the most recent failure, `null` when never. */
  readonly lastFailureTime: number | null;
  /** Epoch ms (caller's clock) of the most recent success, `null` when never. */
  readonly lastSuccessTime: number | null;
  /** When the state last changed; `null` for a breaker never changed. */
  readonly lastStateChange: number | null;
  /** `failure_rate`: the last outcomes while closed, oldest first, at most `windowSize`. */
  readonly window: ReadonlyArray<CallOutcome>;
}

/**
 * A closed breaker with no history.
 *
 * Source: seed 003 task 2.5c (`CircuitState`, `CircuitStats`); seed 001 "Circuit Breaker Pattern
 * for MCP Calls".
 *
 * @since 0.2.0
 * @category resilience
 */
export const initialBreaker = (name: string): Breaker => ({
  name,
  state: 'closed',
  failureCount: 0,
  successCount: 0,
  halfOpenCalls: 0,
  lastFailureTime: null,
  lastSuccessTime: null,
  lastStateChange: null,
  window: [],
});

const probesOf = (policy: BreakerPolicy): number =>
  policy.variant === 'failure_rate' ? policy.rateHalfOpenMaxCalls : policy.halfOpenMaxCalls;

const moveTo = (b: Breaker, state: BreakerState, now: number): Breaker => ({
  ...b,
  state,
  lastStateChange: now,
  halfOpenCalls: 0,
  successCount: state === 'half_open' ? 0 : b.successCount,
  window: [],
});

/**
 * Whether the breaker lets a call through at `now` (epoch ms), and its next value.
 *
 * - `closed`: allowed, unchanged.
 * - `open`: when at least `recoveryTimeoutMs` have passed since `lastStateChange` (or it is
 *   `null`, as in a restored record without it), moves to `half_open` and admits this call as
 *   its first probe; otherwise refused, unchanged.
 * - `half_open`: admits while fewer than the probe count (`halfOpenMaxCalls`, 3; or
 *   `rateHalfOpenMaxCalls`, 1, for `failure_rate`) have been admitted in this period; then
 *   refuses.
 *
 * Pure; never fails. A `now` earlier than `lastStateChange` counts as no time passed.
 *
 * Source: seed 003 task 2.5c `CircuitBreaker.state` / `call`; seed 001 OPEN / HALF_OPEN.
 *
 * @since 0.2.0
 * @category resilience
 */
export const admit = (
  breaker: Breaker,
  now: number,
  policy: BreakerPolicy = DEFAULT_RESILIENCE_POLICY.breaker,
): {
  /** Whether the call may go through now. */
  readonly allowed: boolean;
  /** The breaker's next value (moved to `half_open`, or with the probe counted). */
  readonly breaker: Breaker;
} => {
  let b = breaker;
  if (b.state === 'open') {
    const recovered =
      b.lastStateChange === null || now - b.lastStateChange >= policy.recoveryTimeoutMs;
    if (!recovered) return { allowed: false, breaker: b };
    b = moveTo(b, 'half_open', now);
  }
  if (b.state === 'half_open') {
    if (b.halfOpenCalls >= probesOf(policy)) return { allowed: false, breaker: b };
    return { allowed: true, breaker: { ...b, halfOpenCalls: b.halfOpenCalls + 1 } };
  }
  return { allowed: true, breaker: b };
};

const pushWindow = (
  window: ReadonlyArray<CallOutcome>,
  outcome: CallOutcome,
  size: number,
): ReadonlyArray<CallOutcome> => {
  const next = [...window, outcome];
  return next.length > size ? next.slice(next.length - size) : next;
};

/**
 * Records a successful call at `now` (epoch ms): consecutive successes + 1, consecutive failures
 * 0, `lastSuccessTime`; in `half_open`, closes once the consecutive successes reach the probe
 * count; in `closed` with `failure_rate`, enters the window. Pure; never fails.
 *
 * Source: seed 003 task 2.5c `_record_success`; seed 001 `record_success`.
 *
 * @since 0.2.0
 * @category resilience
 */
export const recordSuccess = (
  breaker: Breaker,
  now: number,
  policy: BreakerPolicy = DEFAULT_RESILIENCE_POLICY.breaker,
): Breaker => {
  const b: Breaker = {
    ...breaker,
    successCount: breaker.successCount + 1,
    failureCount: 0,
    lastSuccessTime: now,
  };
  if (b.state === 'half_open')
    return b.successCount >= probesOf(policy) ? moveTo(b, 'closed', now) : b;
  if (b.state === 'closed' && policy.variant === 'failure_rate')
    return { ...b, window: pushWindow(b.window, 'success', policy.windowSize) };
  return b;
};

/**
 * Records a failed call at `now` (epoch ms): consecutive failures + 1, consecutive successes 0,
 * `lastFailureTime`; in `half_open`, reopens; in `closed`, opens when the variant's rule says so
 * (`consecutive`: `failureThreshold` consecutive failures, 5; `failure_rate`: the window of the
 * last `windowSize` calls, 10, is full and its failure rate is strictly above
 * `failureRateThreshold`, 0.5). Pure; never fails.
 *
 * Source: seed 003 task 2.5c `_record_failure`; seed 001 `record_failure`.
 *
 * @since 0.2.0
 * @category resilience
 */
export const recordFailure = (
  breaker: Breaker,
  now: number,
  policy: BreakerPolicy = DEFAULT_RESILIENCE_POLICY.breaker,
): Breaker => {
  const b: Breaker = {
    ...breaker,
    failureCount: breaker.failureCount + 1,
    successCount: 0,
    lastFailureTime: now,
  };
  if (b.state === 'half_open') return moveTo(b, 'open', now);
  if (b.state !== 'closed') return b;
  if (policy.variant === 'consecutive')
    return b.failureCount >= policy.failureThreshold ? moveTo(b, 'open', now) : b;
  const window = pushWindow(b.window, 'failure', policy.windowSize);
  const failures = window.filter((o) => o === 'failure').length;
  return window.length >= policy.windowSize &&
    failures / window.length > policy.failureRateThreshold
    ? moveTo(b, 'open', now)
    : { ...b, window };
};

/**
 * A breaker as the seed 004 `circuit_breaker_state` row, camelCase. Times are ISO 8601 UTC
 * strings or `null`. The table's `updated_at` is the store's own column and is not here.
 *
 * Source: seed 004 `circuit_breaker_state`.
 *
 * @since 0.2.0
 * @category resilience
 */
export interface CircuitBreakerRecord {
  /** The breaker's name, the row's primary key (`withResilience`: the port's name). */
  readonly name: string;
  /** `closed`, `open` or `half_open`. */
  readonly state: BreakerState;
  /** Consecutive failures since the last success. */
  readonly failureCount: number;
  /** Consecutive successes (for half-open testing). */
  readonly successCount: number;
  /** UTC ISO instant of the most recent failure, `null` when never. */
  readonly lastFailureTime: string | null;
  /** UTC ISO instant of the most recent success, `null` when never. */
  readonly lastSuccessTime: string | null;
  /** UTC ISO instant the state last changed, `null` when it never did. */
  readonly lastStateChange: string | null;
}

const BreakerStateC = new t.Type<BreakerState, BreakerState, unknown>(
  '"closed" | "open" | "half_open"',
  (u): u is BreakerState => u === 'closed' || u === 'open' || u === 'half_open',
  (u, c) => (u === 'closed' || u === 'open' || u === 'half_open' ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/**
 * The io-ts codec of a `CircuitBreakerRecord` (extra fields, such as `updatedAt`, are ignored;
 * times must be ISO 8601 instants with a zone and decode to canonical UTC form).
 *
 * Source: seed 004 `circuit_breaker_state`.
 *
 * @since 0.2.0
 * @category resilience
 */
export const CircuitBreakerRecordC: t.Type<CircuitBreakerRecord, CircuitBreakerRecord, unknown> =
  t.type({
    name: NonEmptyStringC,
    state: BreakerStateC,
    failureCount: NonNegativeIntC,
    successCount: NonNegativeIntC,
    lastFailureTime: nullable(IsoInstantC),
    lastSuccessTime: nullable(IsoInstantC),
    lastStateChange: nullable(IsoInstantC),
  });

/**
 * A breaker as its seed 004 record. The `failure_rate` window and the probes in flight are
 * not part of the record. Never fails.
 *
 * Source: seed 004 `circuit_breaker_state`.
 *
 * @since 0.2.0
 * @category resilience
 */
export const toBreakerRecord = (b: Breaker): CircuitBreakerRecord => ({
  name: b.name,
  state: b.state,
  failureCount: b.failureCount,
  successCount: b.successCount,
  lastFailureTime: isoOf(b.lastFailureTime),
  lastSuccessTime: isoOf(b.lastSuccessTime),
  lastStateChange: isoOf(b.lastStateChange),
});

const msOf = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

/**
 * Decodes a stored record at `rootPath` (internal: `withResilience` reports
 * `options.breakers[i].state`); see `fromBreakerRecord`.
 *
 * Source: seed 004 `circuit_breaker_state`.
 *
 * @since 0.2.0
 * @category resilience
 */
export const decodeBreakerRecord = (
  u: unknown,
  rootPath: string,
): E.Either<ReadonlyArray<ResilienceProblem>, Breaker> => {
  let decoded: E.Either<ReadonlyArray<ResilienceProblem>, CircuitBreakerRecord>;
  try {
    decoded = E.mapLeft(problemsOfIssues)(
      decodeWith(CircuitBreakerRecordC, u, rootPath, 'invalid_option'),
    );
  } catch (e) {
    decoded = E.left([
      { path: rootPath === '' ? '(root)' : rootPath, message: `unreadable (${describeValue(e)})` },
    ]);
  }
  return E.map(
    (r: CircuitBreakerRecord): Breaker => ({
      name: r.name,
      state: r.state,
      failureCount: r.failureCount,
      successCount: r.successCount,
      halfOpenCalls: 0,
      lastFailureTime: msOf(r.lastFailureTime),
      lastSuccessTime: msOf(r.lastSuccessTime),
      lastStateChange: msOf(r.lastStateChange),
      window: [],
    }),
  )(decoded);
};

/**
 * Restores a breaker from a seed 004 record of unknown shape, decoded with io-ts.
 *
 * Output: `Right(breaker)` with an empty `failure_rate` window and no probe in flight (the
 * record holds neither), or `Left` with one problem per failing path (`state: expected "closed"
 * | "open" | "half_open", got "ajar"`). Never fails itself (a getter that fails is a problem). An
 * `open` record without `lastStateChange` is admitted to `half_open` at the next `admit`.
 *
 * Source: seed 004 `circuit_breaker_state`; RULINGS "circuit breaker variants".
 *
 * @since 0.2.0
 * @category resilience
 */
export const fromBreakerRecord = (
  r: unknown,
): E.Either<ReadonlyArray<ResilienceProblem>, Breaker> => decodeBreakerRecord(r, '');
