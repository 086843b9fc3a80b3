/**
 * Volume result types: the phase 2 output types, defined with the other phase outputs in
 * `domain/stages.ts` and re-exported here. Source: seed 001 §1.2.1 (`OptimizedVolumeResult`),
 * seed 002; RULINGS "Volume".
 *
 * @module
 */
export type {
  CaptionShortage,
  CategoryCounts,
  VolumeAdjustment,
  VolumeConfig,
  VolumeDataSource,
  VolumeResult,
  VolumeTier,
  Weekly,
} from '../domain/stages';
