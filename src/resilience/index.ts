/**
 * Resilience: timeouts, retries with seeded backoff, circuit breakers, idempotency and sagas
 * for the ports, on the caller's clock and sleep.
 *
 * Source: seed 001 "Error Handling"; seed 003 tasks 2.1b, 2.5b, 2.5c; seed 004
 * `circuit_breaker_state`, `saga_execution_log`, `timing_idempotency`; RULINGS "Errors and
 * degradation".
 *
 * @module
 */

export {
  type BreakerPolicy,
  type BreakerVariant,
  DEFAULT_RESILIENCE_POLICY,
  PORT_NAMES,
  type PortName,
  type ResiliencePolicy,
  type ResiliencePolicyOverride,
  type RetryPolicy,
  type TimeoutTable,
} from '../domain/resiliencePolicy';
export {
  admit,
  type Breaker,
  type BreakerState,
  type CallOutcome,
  type CircuitBreakerRecord,
  CircuitBreakerRecordC,
  fromBreakerRecord,
  initialBreaker,
  recordFailure,
  recordSuccess,
  toBreakerRecord,
} from './breaker';
export { checkResiliencePolicy } from './check';
export {
  type AbortSignalLike,
  type Clock,
  type HostAbortSignal,
  type Sleep,
  safeNow,
} from './clock';
export {
  canonicalJson,
  type IdempotencyClaim,
  type IdempotencyFault,
  type IdempotencyRecord,
  IdempotencyRecordC,
  type IdempotencyStatus,
  type IdempotencyStore,
  type IdempotentResult,
  idempotencyClaim,
  idempotencyKey,
  inMemoryIdempotencyStore,
  isIdempotencyFault,
  paramsHash,
  runIdempotent,
} from './idempotency';
export type { ResilienceProblem } from './problem';
export {
  isRetryable,
  type RetryOptions,
  type RetryScheduled,
  retryDelays,
  withRetry,
} from './retry';
export {
  runSaga,
  type SagaLogRecord,
  type SagaOutputs,
  type SagaResult,
  type SagaStatus,
  type SagaStep,
  sagaStep,
} from './saga';
export { withTimeout } from './timeout';
export {
  callInfoOf,
  type PortCallInfo,
  type ResilienceEvent,
  type ResilienceOptions,
  type ResilientPort,
  type ResilientPorts,
  withResilience,
} from './withResilience';
