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
import type { VolumeAdjustmentOutcomeRecord } from '../records/types';
import type { StoredRotationState } from '../rotation/stored';
import type { ActivePin } from '../timing/pins';
import type { CreatorTimingProfileWire } from '../timing/profile';

/**
 * An agency dataset. Records are keyed by `creatorId`; a missing key means the port answers
 * `null` for that creator (and the pipeline applies the seed's fallback).
 *
 * @since 0.1.0
 * @category ports
 */
export interface InMemoryDataset {
  /** Every creator's profile (001 §1.1), served by `getCreatorProfile`; `creatorId`s are unique. */
  readonly creators: ReadonlyArray<CreatorProfile>;
  /** Tracked performance trends per creator (001 §1.3), served by `getPerformanceTrends`; without an entry the scores come from history or are neutral. */
  readonly trends?: Readonly<Record<string, PerformanceTrends>>;
  /** Every creator's mass-message history, any order. */
  readonly history: ReadonlyArray<MassMessage>;
  /** Vault availability per creator (001 §1.5), served by `getVaultAvailability`; without an entry all content is assumed available. */
  readonly vaults?: Readonly<Record<string, Vault>>;
  /** Best timing per creator (001 §1.6), served by `getBestTiming`; without an entry generic peak hours are used. */
  readonly timing?: Readonly<Record<string, BestTiming>>;
  /** Persona profiles per creator (`get_persona_profile`), served by `getPersonaProfile`; without an entry the persona score is neutral. */
  readonly personas?: Readonly<Record<string, Persona>>;
  /** The universal caption bank (001 §3.0). */
  readonly captions: ReadonlyArray<CaptionRecord>;
  /** Stored rotation states by creator id, in any shape `readStoredRotationState` reads. */
  readonly rotationStates?: Readonly<Record<string, StoredRotationState>>;
  /** Content-type rankings per creator (TOP / MID / LOW / AVOID). */
  readonly contentRankings?: Readonly<Record<string, ReadonlyArray<ContentTypeRanking>>>;
  /**
   * Current pinned posts per creator (003 task 2.5), served by `getActivePins`; each list
   * decodes with `ActivePinsC` (unique `postId`s). A creator without an entry has no pins.
   */
  readonly activePins?: Readonly<Record<string, ReadonlyArray<ActivePin>>>;
  /**
   * Creator timing profiles (003 task 2.8), served by `getTimingProfile`; each decodes with
   * `CreatorTimingProfileC` (every field optional). A creator without an entry has no profile.
   */
  readonly timingProfiles?: Readonly<Record<string, CreatorTimingProfileWire>>;
  /**
   * Past adjustment outcomes per creator (004 `volume_adjustment_outcomes`, as `recordOutcomes`
   * writes them), served by `getAdjustmentOutcomes`; each decodes with
   * `VolumeAdjustmentOutcomeRecordC`. Only a dataset holding this record has the port: without
   * it the weeks are those of a build without a learning signal.
   */
  readonly adjustmentOutcomes?: Readonly<
    Record<string, ReadonlyArray<VolumeAdjustmentOutcomeRecord>>
  >;
}
