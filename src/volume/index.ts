export * from './dynamic';
export * from './fusion';
export * from './optimized';
export * from './scores';
export * from './tiers';
export type * from './types';
export * from './weekly';
