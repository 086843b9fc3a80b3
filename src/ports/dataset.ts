/**
 * The plain-data shape `inMemoryPorts` serves: an agency's data as arrays and records.
 *
 * @module
 */

import type {
  BestTiming,
  CaptionRecord,
  ContentTypeRanking,
  CreatorProfile,
  MassMessage,
  PerformanceTrends,
  Persona,
  Vault,
} from '../domain/types';
import type { StoredRotationState } from '../rotation/stored';

/**
 * An agency dataset. Records are keyed by `creatorId`; a missing key means the port answers
 * `null` for that creator (and the pipeline applies the seed's fallback).
 *
 * @since 0.1.0
 * @category ports
 */
export interface InMemoryDataset {
  readonly creators: ReadonlyArray<CreatorProfile>;
  readonly trends?: Readonly<Record<string, PerformanceTrends>>;
  /** Every creator's mass-message history, any order. */
  readonly history: ReadonlyArray<MassMessage>;
  readonly vaults?: Readonly<Record<string, Vault>>;
  readonly timing?: Readonly<Record<string, BestTiming>>;
  readonly personas?: Readonly<Record<string, Persona>>;
  /** The universal caption bank (001 §3.0). */
  readonly captions: ReadonlyArray<CaptionRecord>;
  /** Stored rotation states by creator id, in any shape `readStoredRotationState` reads. */
  readonly rotationStates?: Readonly<Record<string, StoredRotationState>>;
  /** Content-type rankings per creator (TOP / MID / LOW / AVOID). */
  readonly contentRankings?: Readonly<Record<string, ReadonlyArray<ContentTypeRanking>>>;
}
