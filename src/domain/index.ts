/**
 * The domain module: the send-type catalog, the domain types, issues, the policy table, local
 * time helpers, the boundary codecs and the phase I/O types.
 *
 * @module
 */
export * from './audit';
export * from './catalog';
export * from './codecs';
export * from './decode';
export * from './freeze';
export * from './issues';
export * from './policy';
export * from './policyTypes';
export * from './rules';
export * from './stages';
export * from './time';
export * from './types';
