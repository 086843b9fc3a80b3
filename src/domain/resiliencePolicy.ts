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
import { deepFreeze } from './freeze';

/**
 * The name of a port of `SchedulePorts` (`getCreatorProfile`, `saveSchedule`, ...).
 *
 * Source: seed 001 "MCP Tools Reference" (the ports).
 *
 * @since 0.2.0
 * @category resilience
 */
export type PortName =
  | 'getCreatorProfile'
  | 'getPerformanceTrends'
  | 'getMassMessageHistory'
  | 'getVaultAvailability'
  | 'getBestTiming'
  | 'getPersonaProfile'
  | 'getCaptionCandidates'
  | 'countUsableCaptions'
  | 'getContentTypeRankings'
  | 'getRotationState'
  | 'getActivePins'
  | 'getTimingProfile'
  | 'getCampaignHistory'
  | 'getAdjustmentOutcomes'
  | 'saveSchedule'
  | 'saveRotationState'
  | 'saveVolumePrediction'
  | 'deleteSchedule'
  | 'saveSagaLog';

/** Every port name, in declaration order; `Record<PortName, true>` makes the compiler check it is complete. */
const PORT_NAME_SET: Readonly<Record<PortName, true>> = {
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
  getActivePins: true,
  getTimingProfile: true,
  getCampaignHistory: true,
  getAdjustmentOutcomes: true,
  saveSchedule: true,
  saveRotationState: true,
  saveVolumePrediction: true,
  deleteSchedule: true,
  saveSagaLog: true,
} as const;

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
export interface TimeoutTable {
  /** Timeout of `getCreatorProfile`, ms. Default: 001 `get_creator_profile`: 10 s. */
  readonly getCreatorProfile: number;
  /** Timeout of `getPerformanceTrends`, ms. Default: 001 `get_performance_trends`: 15 s ("may be slow"). */
  readonly getPerformanceTrends: number;
  /** Timeout of `getMassMessageHistory`, ms. Default: no row of its own: the history read behind `get_performance_trends`, 15 s. */
  readonly getMassMessageHistory: number;
  /** Timeout of `getVaultAvailability`, ms. Default: 001 `get_vault_availability`: 5 s. */
  readonly getVaultAvailability: number;
  /** Timeout of `getBestTiming`, ms. Default: 001 `get_best_timing`: 5 s. */
  readonly getBestTiming: number;
  /** Timeout of `getPersonaProfile`, ms. Default: no row of its own: the table's fallback, 10 s. */
  readonly getPersonaProfile: number;
  /** Timeout of `getCaptionCandidates`, ms. Default: 001 `get_top_captions` / `get_send_type_captions`: 15 s ("largest query"). */
  readonly getCaptionCandidates: number;
  /** Timeout of `countUsableCaptions`, ms. Default: no row of its own: a query over the same caption bank as `get_send_type_captions`, 15 s. */
  readonly countUsableCaptions: number;
  /** Timeout of `getContentTypeRankings`, ms. Default: no row of its own: the table's fallback, 10 s. */
  readonly getContentTypeRankings: number;
  /** Timeout of `getRotationState`, ms. Default: no row of its own: the table's fallback, 10 s. */
  readonly getRotationState: number;
  /** Timeout of `getActivePins`, ms. Default: no row of its own (003 task 2.5 `db.get_active_pins`): the table's fallback, 10 s. */
  readonly getActivePins: number;
  /** Timeout of `getTimingProfile`, ms. Default: no row of its own: the table's fallback, 10 s. */
  readonly getTimingProfile: number;
  /** Timeout of `getCampaignHistory`, ms. Default: no row of its own: the table's fallback, 10 s. */
  readonly getCampaignHistory: number;
  /** Timeout of `getAdjustmentOutcomes`, ms. Default: no row of its own (004 `volume_adjustment_outcomes`): the table's fallback, 10 s. */
  readonly getAdjustmentOutcomes: number;
  /** Timeout of `saveSchedule`, ms. Default: 001 `save_schedule`: 20 s ("transaction"). */
  readonly saveSchedule: number;
  /** Timeout of `saveRotationState`, ms. Default: no row of its own: the table's fallback, 10 s. */
  readonly saveRotationState: number;
  /** Timeout of `saveVolumePrediction`, ms. Default: no row of its own: the table's fallback, 10 s. */
  readonly saveVolumePrediction: number;
  /** Timeout of `deleteSchedule`, ms. Default: no row of its own: the compensation of `save_schedule`, the same transaction, 20 s. */
  readonly deleteSchedule: number;
  /** Timeout of `saveSagaLog`, ms. Default: no row of its own: the table's fallback, 10 s. */
  readonly saveSagaLog: number;
  /** Timeout of any port without a row of its own, ms; default 10 s. Source: 001 `MCP_TIMEOUT_CONFIG.get(tool_name, 10)`. */
  readonly default: number;
}

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
  /** Which rule opens the circuit; default `consecutive` (RULINGS "circuit breaker variants"). */
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
  /** Per-call timeout of each port, ms. Source: 001 "Timeout Configuration". */
  readonly timeoutMs: TimeoutTable;
  /** Retries with exponential backoff. Source: 001 "Retry Strategy with Exponential Backoff". */
  readonly retry: RetryPolicy;
  /** The circuit breaker of each port. Source: 003 task 2.5c; 001 "Circuit Breaker Pattern for MCP Calls". */
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
  /** Timeouts to replace, ms, by port. */
  readonly timeoutMs?: Partial<TimeoutTable>;
  /** Retry parameters to replace. */
  readonly retry?: Partial<RetryPolicy>;
  /** Circuit-breaker parameters to replace. */
  readonly breaker?: Partial<BreakerPolicy>;
  /** How long an idempotency record is remembered, ms. */
  readonly idempotencyTtlMs?: number;
}

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
    /** No row of its own (003 task 2.5 `db.get_active_pins`): the table's fallback, 10 s. */
    getActivePins: 10_000,
    /** No row of its own: the table's fallback, 10 s. */
    getTimingProfile: 10_000,
    /** No row of its own: the table's fallback, 10 s. */
    getCampaignHistory: 10_000,
    /** No row of its own (004 `volume_adjustment_outcomes`): the table's fallback, 10 s. */
    getAdjustmentOutcomes: 10_000,
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
 * The most calls one request may make, retries included: more is a loop, not a retry. The
 * policy codec bounds `retry.attempts` by it, and `withRetry` clamps an unchecked policy to it.
 *
 * @since 0.2.0
 * @category resilience
 */
export const MAX_RETRY_ATTEMPTS = 10;
