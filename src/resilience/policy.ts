/**
 * The resilience policy: every number of the timeout, retry, circuit-breaker and idempotency
 * rules in one deep-frozen table, each with its seed and section, and the checker that merges a
 * caller's partial override into a fresh, validated copy.
 *
 * Source: seed 001 "Error Handling" ("Circuit Breaker Pattern for MCP Calls", "Retry Strategy
 * with Exponential Backoff", "Timeout Configuration"); seed 003 tasks 2.5b and 2.5c; RULINGS
 * "Errors and degradation".
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { describeValue } from '../ports/faults';
import type { PortName as SchedulePortName } from '../ports/ports';
import { readOwnKeys, readProp } from './guard';
import type { ResilienceProblem } from './problem';

/**
 * The name of a port of `SchedulePorts` (`getCreatorProfile`, `saveSchedule`, ...).
 *
 * Source: seed 001 "MCP Tools Reference" (the ports).
 *
 * @since 0.2.0
 * @category resilience
 */
export type PortName = SchedulePortName;

/** Every port name, checked complete against `SchedulePorts` by the compiler. */
const PORT_NAME_SET = {
  getCreatorProfile: true,
  getPerformanceTrends: true,
  getMassMessageHistory: true,
  getVaultAvailability: true,
  getBestTiming: true,
  getPersonaProfile: true,
  getCaptionCandidates: true,
  countUsableCaptions: true,
  getContentTypeRankings: true,
  getRotationState: true,
  saveSchedule: true,
  saveRotationState: true,
  saveVolumePrediction: true,
  deleteSchedule: true,
  saveSagaLog: true,
} as const satisfies Record<PortName, true>;

/**
 * The port names of `SchedulePorts`, in declaration order.
 *
 * Source: seed 001 "MCP Tools Reference" (the ports).
 *
 * @since 0.2.0
 * @category resilience
 */
export const PORT_NAMES: ReadonlyArray<PortName> = Object.freeze(
  Object.keys(PORT_NAME_SET) as PortName[],
);

/**
 * Per-call timeouts in milliseconds, one per port plus `default` for any port without a row.
 *
 * Source: seed 001 "Timeout Configuration".
 *
 * @since 0.2.0
 * @category resilience
 */
export type TimeoutTable = { readonly [K in PortName]: number } & { readonly default: number };

/**
 * Retries with exponential backoff. Delay before retry `k` (k = 0, 1, ...) is
 * `min(maxDelayMs, round(baseDelayMs * factor^k * j))` with `j` a seeded factor in
 * `[1 - jitterRatio, 1 + jitterRatio]`.
 *
 * Source: seed 001 "Retry Strategy with Exponential Backoff".
 *
 * @since 0.2.0
 * @category resilience
 */
export interface RetryPolicy {
  /** Calls in total, the first included (1 = no retry). Integer 1..10. */
  readonly attempts: number;
  /** Delay before the first retry, ms. */
  readonly baseDelayMs: number;
  /** Growth of the delay per retry (>= 1). */
  readonly factor: number;
  /** Cap of any delay, ms, applied after the jitter. */
  readonly maxDelayMs: number;
  /** Jitter: each delay is multiplied by a seeded factor in `[1 - r, 1 + r]`; 0..1. */
  readonly jitterRatio: number;
}

/**
 * Which circuit-breaker rule opens the circuit (RULINGS "circuit breaker variants"):
 * `consecutive` (003 task 2.5c) or `failure_rate` over the last calls (001).
 *
 * Source: RULINGS "circuit breaker variants"; seed 003 task 2.5c; seed 001 "Circuit Breaker Pattern
 * for MCP Calls".
 *
 * @since 0.2.0
 * @category resilience
 */
export type BreakerVariant = 'consecutive' | 'failure_rate';

/**
 * Circuit-breaker parameters of both variants.
 *
 * Source: seed 003 task 2.5c; seed 001 "Circuit Breaker Pattern for MCP Calls".
 *
 * @since 0.2.0
 * @category resilience
 */
export interface BreakerPolicy {
  readonly variant: BreakerVariant;
  /** `consecutive`: consecutive failures (while closed) that open the circuit; integer >= 1. */
  readonly failureThreshold: number;
  /** Both variants: ms after opening before a probe is admitted (open -> half_open). */
  readonly recoveryTimeoutMs: number;
  /** `consecutive`: probes admitted in half-open; that many consecutive successes close it. */
  readonly halfOpenMaxCalls: number;
  /** `failure_rate`: calls in the sliding window; the rate is judged only once it is full. */
  readonly windowSize: number;
  /** `failure_rate`: opens when failures / windowSize is strictly above this; 0..1. */
  readonly failureRateThreshold: number;
  /** `failure_rate`: probes admitted in half-open; that many consecutive successes close it. */
  readonly rateHalfOpenMaxCalls: number;
}

/**
 * The resilience policy.
 *
 * Source: seed 001 "Error Handling"; seed 003 tasks 2.5b, 2.5c.
 *
 * @since 0.2.0
 * @category resilience
 */
export interface ResiliencePolicy {
  readonly timeoutMs: TimeoutTable;
  readonly retry: RetryPolicy;
  readonly breaker: BreakerPolicy;
  /** How long an idempotency record is remembered, ms. */
  readonly idempotencyTtlMs: number;
}

/**
 * A partial override of the policy: any subset of any section.
 *
 * Source: seed 001 "Error Handling"; seed 003 tasks 2.5b, 2.5c.
 *
 * @since 0.2.0
 * @category resilience
 */
export interface ResiliencePolicyOverride {
  readonly timeoutMs?: Partial<TimeoutTable>;
  readonly retry?: Partial<RetryPolicy>;
  readonly breaker?: Partial<BreakerPolicy>;
  readonly idempotencyTtlMs?: number;
}

const deepFreeze = <A>(a: A): A => {
  if (typeof a === 'object' && a !== null && !Object.isFrozen(a)) {
    for (const v of Object.values(a)) deepFreeze(v);
    Object.freeze(a);
  }
  return a;
};

/**
 * The default resilience policy, deep-frozen. Every number names its seed and section.
 *
 * - `timeoutMs`: seed 001 "Timeout Configuration" (`MCP_TIMEOUT_CONFIG`, seconds x 1000). Ports
 *   without a row of their own are mapped as commented; `default` is the table's fallback
 *   (`MCP_TIMEOUT_CONFIG.get(tool_name, 10)`).
 * - `retry`: seed 001 "Retry Strategy with Exponential Backoff" and phase 1 "Retry Policy".
 * - `breaker`: seed 003 task 2.5c (consecutive) and seed 001 "Circuit Breaker Pattern for MCP
 *   Calls" (failure rate).
 * - `idempotencyTtlMs`: seed 003 task 2.5b.
 *
 * Source: seed 001 "Error Handling"; seed 003 tasks 2.5b, 2.5c.
 *
 * @since 0.2.0
 * @category resilience
 */
export const DEFAULT_RESILIENCE_POLICY: ResiliencePolicy = deepFreeze({
  timeoutMs: {
    /** 001 `get_creator_profile`: 10 s. */
    getCreatorProfile: 10_000,
    /** 001 `get_performance_trends`: 15 s ("may be slow"). */
    getPerformanceTrends: 15_000,
    /** No row of its own: the history read behind `get_performance_trends`, 15 s. */
    getMassMessageHistory: 15_000,
    /** 001 `get_vault_availability`: 5 s. */
    getVaultAvailability: 5_000,
    /** 001 `get_best_timing`: 5 s. */
    getBestTiming: 5_000,
    /** No row of its own: the table's fallback, 10 s. */
    getPersonaProfile: 10_000,
    /** 001 `get_top_captions` / `get_send_type_captions`: 15 s ("largest query"). */
    getCaptionCandidates: 15_000,
    /** No row of its own: a query over the same caption bank as `get_send_type_captions`, 15 s. */
    countUsableCaptions: 15_000,
    /** No row of its own: the table's fallback, 10 s. */
    getContentTypeRankings: 10_000,
    /** No row of its own: the table's fallback, 10 s. */
    getRotationState: 10_000,
    /** 001 `save_schedule`: 20 s ("transaction"). */
    saveSchedule: 20_000,
    /** No row of its own: the table's fallback, 10 s. */
    saveRotationState: 10_000,
    /** No row of its own: the table's fallback, 10 s. */
    saveVolumePrediction: 10_000,
    /** No row of its own: the compensation of `save_schedule`, the same transaction, 20 s. */
    deleteSchedule: 20_000,
    /** No row of its own: the table's fallback, 10 s. */
    saveSagaLog: 10_000,
    /** 001 `MCP_TIMEOUT_CONFIG.get(tool_name, 10)`: 10 s for any other port. */
    default: 10_000,
  },
  retry: {
    /** 001 `retry_with_backoff(max_retries=3)`: 3 calls; phase 1 "2 retries ... (1s, 3s)". */
    attempts: 3,
    /** 001 `retry_with_backoff(base_delay=1.0)`: 1 s. */
    baseDelayMs: 1_000,
    /** 001 `delay = base_delay * (3 ** attempt)`: "1s, 3s, 9s". */
    factor: 3,
    /** 001 "1s, 3s, 9s": the largest delay the seed names, 9 s. */
    maxDelayMs: 9_000,
    /** Project choice (the seeds have no jitter on retries): +-10 %. */
    jitterRatio: 0.1,
  },
  breaker: {
    /** RULINGS "circuit breaker variants": the 003 variant is the default. */
    variant: 'consecutive',
    /** 003 task 2.5c `failure_threshold=5`. */
    failureThreshold: 5,
    /** 003 task 2.5c `recovery_timeout=30` s; 001 "After 30 seconds, transition to HALF_OPEN". */
    recoveryTimeoutMs: 30_000,
    /** 003 task 2.5c `half_open_max_calls=3`. */
    halfOpenMaxCalls: 3,
    /** 001 "failure_rate > 50% over 10 calls": `window_size = 10`. */
    windowSize: 10,
    /** 001 `failure_threshold=0.5`, "failure_rate > 50%". */
    failureRateThreshold: 0.5,
    /** 001 HALF_OPEN "Allow single test call". */
    rateHalfOpenMaxCalls: 1,
  },
  /** 003 task 2.5b `IdempotencyGuard(ttl_minutes=60)`: 60 min. */
  idempotencyTtlMs: 3_600_000,
} as const satisfies ResiliencePolicy);

/**
 * The range each number of the policy must lie in (project choice: the seeds give no bounds).
 * Internal: `retryDelays` also clamps an unchecked `attempts` to it.
 *
 * Source: project choice (the seeds give no bounds).
 *
 * @since 0.2.0
 * @category resilience
 */
export const POLICY_BOUNDS = deepFreeze({
  /** A timeout of 0 ms would time out every call. */
  timeoutMs: { min: 0, minOpen: true },
  /** At least one call; more than 10 calls per request is a loop, not a retry. */
  attempts: { min: 1, max: 10 },
  /** Backoff never shrinks. */
  factor: { min: 1 },
  /** A ratio of a delay or of a window. */
  ratio: { min: 0, max: 1 },
  /** Thresholds, probes and window sizes count calls. */
  calls: { min: 1 },
});

type Check = (u: unknown) => string | null;

const show = (u: unknown): string => (typeof u === 'string' ? JSON.stringify(u) : describeValue(u));

const finiteNumber = (u: unknown): u is number => typeof u === 'number' && Number.isFinite(u);

const number =
  (min: number, opts: { readonly max?: number; readonly minOpen?: boolean } = {}): Check =>
  (u) => {
    const okMin = finiteNumber(u) && (opts.minOpen === true ? u > min : u >= min);
    const okMax = finiteNumber(u) && (opts.max === undefined || u <= opts.max);
    if (okMin && okMax) return null;
    const range =
      opts.max !== undefined
        ? `in ${min}..${opts.max}`
        : opts.minOpen === true
          ? `> ${min}`
          : `>= ${min}`;
    return `expected a finite number ${range}, got ${show(u)}`;
  };

const integer = (min: number, max?: number): Check => {
  const range = max === undefined ? `>= ${min}` : `in ${min}..${max}`;
  return (u) =>
    typeof u === 'number' && Number.isInteger(u) && u >= min && (max === undefined || u <= max)
      ? null
      : `expected an integer ${range}, got ${show(u)}`;
};

const oneOf =
  (values: ReadonlyArray<string>): Check =>
  (u) =>
    typeof u === 'string' && values.includes(u)
      ? null
      : `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${show(u)}`;

const timeoutCheck = number(POLICY_BOUNDS.timeoutMs.min, {
  minOpen: POLICY_BOUNDS.timeoutMs.minOpen,
});

const TIMEOUT_CHECKS: Readonly<Record<string, Check>> = Object.fromEntries(
  [...PORT_NAMES, 'default'].map((k) => [k, timeoutCheck]),
);

const RETRY_CHECKS: Readonly<Record<keyof RetryPolicy, Check>> = {
  attempts: integer(POLICY_BOUNDS.attempts.min, POLICY_BOUNDS.attempts.max),
  baseDelayMs: number(0),
  factor: number(POLICY_BOUNDS.factor.min),
  maxDelayMs: number(0),
  jitterRatio: number(POLICY_BOUNDS.ratio.min, { max: POLICY_BOUNDS.ratio.max }),
};

const BREAKER_CHECKS: Readonly<Record<keyof BreakerPolicy, Check>> = {
  variant: oneOf(['consecutive', 'failure_rate']),
  failureThreshold: integer(POLICY_BOUNDS.calls.min),
  recoveryTimeoutMs: number(0),
  halfOpenMaxCalls: integer(POLICY_BOUNDS.calls.min),
  windowSize: integer(POLICY_BOUNDS.calls.min),
  failureRateThreshold: number(POLICY_BOUNDS.ratio.min, { max: POLICY_BOUNDS.ratio.max }),
  rateHalfOpenMaxCalls: integer(POLICY_BOUNDS.calls.min),
};

/**
 * Checks the keys of `override` present in `checks` and merges them over `base` into a fresh
 * object; unknown keys and failing values are problems. An `undefined` value leaves the default.
 */
const mergeSection = (
  override: unknown,
  path: string,
  base: object,
  checks: Readonly<Record<string, Check>>,
  problems: ResilienceProblem[],
): Record<string, unknown> => {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  if (override === undefined) return out;
  const keys = readOwnKeys(override);
  if (E.isLeft(keys)) {
    problems.push({ path, message: keys.left });
    return out;
  }
  for (const key of keys.right) {
    const at = `${path}.${key}`;
    const check = Object.hasOwn(checks, key) ? checks[key] : undefined;
    if (check === undefined) {
      problems.push({ path: at, message: 'unknown key' });
      continue;
    }
    const value = readProp(override, key);
    if (E.isLeft(value)) {
      problems.push({ path: at, message: value.left });
      continue;
    }
    if (value.right === undefined) continue;
    const bad = check(value.right);
    if (bad === null) out[key] = value.right;
    else problems.push({ path: at, message: bad });
  }
  return out;
};

const ROOT = 'resilience';

/**
 * Validates a partial override of the resilience policy and merges it over
 * `DEFAULT_RESILIENCE_POLICY`.
 *
 * Input: `undefined` (no override) or an object with any of `timeoutMs` (per port name or
 * `default`, ms > 0), `retry` (`attempts` integer 1..10, `baseDelayMs` >= 0, `factor` >= 1,
 * `maxDelayMs` >= 0, `jitterRatio` 0..1), `breaker` (`variant` `consecutive` | `failure_rate`,
 * `failureThreshold` / `halfOpenMaxCalls` / `windowSize` / `rateHalfOpenMaxCalls` integers >= 1,
 * `recoveryTimeoutMs` >= 0, `failureRateThreshold` 0..1), `idempotencyTtlMs` (ms > 0). A key whose
 * value is `undefined` keeps the default.
 *
 * Output: `Right` with a fresh policy (new objects at every level, never the frozen default nor
 * any object of the override), or `Left` with every problem found, each a path under
 * `resilience` and a message (`resilience.retry.atempts: unknown key`, `resilience.timeoutMs.
 * saveSchedule: expected a finite number > 0, got -1`). Never fails itself, whatever it is given
 * (circular objects, getters that fail, Proxies: an unreadable value is a problem at its path).
 *
 * Source: RULINGS "Errors and degradation"; STYLE (defaults and validation in one resolver).
 *
 * @example
 * checkResiliencePolicy({ retry: { attempts: 2 } })
 * // Right({ ...defaults, retry: { attempts: 2, baseDelayMs: 1000, ... } })
 * checkResiliencePolicy({ retry: { atempts: 2 } })
 * // Left([{ path: 'resilience.retry.atempts', message: 'unknown key' }])
 *
 * @since 0.2.0
 * @category resilience
 */
export const checkResiliencePolicy = (
  p: unknown,
): E.Either<ReadonlyArray<ResilienceProblem>, ResiliencePolicy> => {
  const problems: ResilienceProblem[] = [];
  const d = DEFAULT_RESILIENCE_POLICY;
  const sections = {
    timeoutMs: undefined as unknown,
    retry: undefined as unknown,
    breaker: undefined as unknown,
    idempotencyTtlMs: undefined as unknown,
  };
  if (p !== undefined) {
    const keys = readOwnKeys(p);
    if (E.isLeft(keys)) problems.push({ path: ROOT, message: keys.left });
    else
      for (const key of keys.right) {
        if (!Object.hasOwn(sections, key)) {
          problems.push({ path: `${ROOT}.${key}`, message: 'unknown key' });
          continue;
        }
        const value = readProp(p, key);
        if (E.isLeft(value)) problems.push({ path: `${ROOT}.${key}`, message: value.left });
        else sections[key as keyof typeof sections] = value.right;
      }
  }
  const timeoutMs = mergeSection(
    sections.timeoutMs,
    `${ROOT}.timeoutMs`,
    d.timeoutMs,
    TIMEOUT_CHECKS,
    problems,
  );
  const retry = mergeSection(sections.retry, `${ROOT}.retry`, d.retry, RETRY_CHECKS, problems);
  const breaker = mergeSection(
    sections.breaker,
    `${ROOT}.breaker`,
    d.breaker,
    BREAKER_CHECKS,
    problems,
  );
  let idempotencyTtlMs = d.idempotencyTtlMs;
  if (sections.idempotencyTtlMs !== undefined) {
    const bad = timeoutCheck(sections.idempotencyTtlMs);
    if (bad === null) idempotencyTtlMs = sections.idempotencyTtlMs as number;
    else problems.push({ path: `${ROOT}.idempotencyTtlMs`, message: bad });
  }
  if (problems.length > 0) return E.left(problems);
  return E.right({
    timeoutMs: timeoutMs as unknown as TimeoutTable,
    retry: retry as unknown as RetryPolicy,
    breaker: breaker as unknown as BreakerPolicy,
    idempotencyTtlMs,
  });
};
