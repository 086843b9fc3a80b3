/**
 * eros-schedule: deterministic weekly messaging schedules for creator accounts.
 *
 * `buildSchedule(inputs)(ports)()` composes the seven phases of seed 001; every module is also
 * exported so a strategy can be unit-tested in isolation.
 *
 * @packageDocumentation
 */
export * from './allocation';
export * from './analytics';
export * from './campaigns';
export * from './content';
export * from './domain';
export * from './followups';
export * from './pipeline';
export * from './ports';
export * from './random/rng';
export * from './records';
export * from './render';
export * from './resilience';
export * from './rotation';
export * from './targeting';
export * from './timing';
export * from './validation';
export * from './volume';
