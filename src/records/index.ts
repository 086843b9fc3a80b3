/**
 * The seed 004 records: typed follow-up tracking, volume prediction, calculation log and
 * adjustment outcome records, `recordOutcomes` (a week and its actual results into those
 * records), the learning signal, and the "Views Reference" and "Best Practices" queries as pure
 * functions. The saga log, idempotency and circuit breaker records live with the resilience
 * module (`SagaLogRecord`, `IdempotencyRecord`, `CircuitBreakerRecord`).
 *
 * @module
 */
export * from './codecs';
export * from './followupTracking';
export * from './learningSignal';
export * from './recordOutcomes';
export type * from './types';
export * from './views';
