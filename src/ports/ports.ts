/**
 * The ports: what the pipeline reads and may write, supplied by the caller. Each returns a
 * `TaskEither` typed as the domain shape, but the pipeline trusts none of it: every call goes
 * through one boundary (`runPort`) that turns a throw, a rejection, a `Left` of any shape or an
 * answer that is not an `Either` into a `PortError`, and every answer of a port the library did
 * not build itself is decoded (RULINGS "trusted ports"). Source: seed 001 "MCP Tools Reference".
 *
 * @module
 */

import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { AuditEvent } from '../domain/audit';
import type { CaptionType, SendTypeKey } from '../domain/catalog';
import type { ScheduleResult } from '../domain/stages';
import type {
  BestTiming,
  CampaignRecord,
  Caption,
  ContentTypeRanking,
  CreatorProfile,
  CreatorRotationState,
  MassMessage,
  PerformanceTrends,
  Persona,
  Vault,
} from '../domain/types';
import type { VolumeAdjustmentOutcomeRecord } from '../records/types';
import type { IdempotencyStore } from '../resilience/idempotency';
import type { SagaLogRecord } from '../resilience/saga';
import type { StoredRotationState } from '../rotation/stored';
import type { ActivePin } from '../timing/pins';
import type { CreatorTimingProfile } from '../timing/profile';
import type { VolumeResult } from '../volume/types';
import type { PortFailure } from './faults';

/**
 * A caption-candidate query. Source: seed 001 §3.1 `get_send_type_captions` and §3.5
 * `get_top_captions`.
 *
 * @since 0.1.0
 * @category ports
 */
export interface CaptionQuery {
  /** The creator whose freshness and use counts the captions carry. */
  readonly creatorId: string;
  /** The send type the captions are for; `null` for a generic query (001 §3.5 strategy 2). */
  readonly sendTypeKey: SendTypeKey | null;
  /** Caption types accepted, in priority order. */
  readonly captionTypes: ReadonlyArray<CaptionType>;
  /** Content types in the vault; captions with another content type are excluded (001 §3.0 hard filter). `null` = no vault filter. */
  readonly allowedContentTypes: ReadonlyArray<string> | null;
  /** Local date the freshness is measured at (`YYYY-MM-DD`), never the wall clock. */
  readonly asOf: string;
  /** Minimum freshness score, 0-100. */
  readonly minFreshness: number;
  /** Minimum performance score, 0-100. */
  readonly minPerformance: number;
  /** Caption ids never to return (already in the schedule). */
  readonly excludeCaptionIds: ReadonlyArray<string>;
  /** Most captions to return, ordered by freshness then performance, both descending. */
  readonly limit: number;
}

/**
 * A schedule handed to the save port.
 *
 * @since 0.1.0
 * @category ports
 */
export interface SaveScheduleRequest {
  /** The creator the week is for. */
  readonly creatorId: string;
  /** First local date of the week, `YYYY-MM-DD`. */
  readonly weekStart: string;
  /** The whole built week, as `buildSchedule` returns it before the save (`templateId` `null`). */
  readonly result: ScheduleResult;
}

/**
 * A volume prediction for later accuracy measurement. Source: seed 001 §1.2.1 module 8,
 * seed 004 `volume_predictions`.
 *
 * @since 0.1.0
 * @category ports
 */
export interface VolumePrediction {
  /** The creator the prediction is for. */
  readonly creatorId: string;
  /** First local date of the week, `YYYY-MM-DD`. */
  readonly weekStart: string;
  /** The week's volume result, without the prediction id the port is about to assign. */
  readonly volume: Omit<VolumeResult, 'predictionId'>;
  /** Revenue items predicted for the week. */
  readonly predictedRevenueItems: number;
  /** Items of every category predicted for the week (`volume.weeklyTotal`; 004 `volume_predictions`). */
  readonly predictedTotalItems: number;
}

/**
 * What `saveRotationState` answers: written, or refused because the stored version is not the
 * one this build read.
 *
 * @since 0.3.0
 * @category ports
 */
export type RotationSaveAnswer =
  | {
      /** The state was written. */
      readonly status: 'saved';
    }
  | {
      /** The store holds another version: a concurrent build saved first. */
      readonly status: 'conflict';
      /** The version the store holds, `null` when it does not say. */
      readonly storedVersion: number | null;
    };

/**
 * What the pipeline reads and may write. Reads that may have nothing return `null` (or `[]`);
 * the pipeline then applies the seed's fallback. Writes are optional.
 *
 * @since 0.1.0
 * @category ports
 */
export interface SchedulePorts {
  /** 001 §1.1 `get_creator_profile`; `null` when unknown (the build fails with `CREATOR_NOT_FOUND`). */
  readonly getCreatorProfile: (creatorId: string) => TaskEither<PortFailure, CreatorProfile | null>;
  /** 001 §1.3 `get_performance_trends`; `null` when not tracked. */
  readonly getPerformanceTrends: (
    creatorId: string,
    asOf: string,
  ) => TaskEither<PortFailure, PerformanceTrends | null>;
  /** Mass-message history sent in `[fromInstant, toInstant)` (UTC ISO instants). */
  readonly getMassMessageHistory: (
    creatorId: string,
    fromInstant: string,
    toInstant: string,
  ) => TaskEither<PortFailure, ReadonlyArray<MassMessage>>;
  /** 001 §1.5 `get_vault_availability`; `null` when unknown. */
  readonly getVaultAvailability: (creatorId: string) => TaskEither<PortFailure, Vault | null>;
  /** 001 §1.6 `get_best_timing`; `null` when unknown. */
  readonly getBestTiming: (creatorId: string) => TaskEither<PortFailure, BestTiming | null>;
  /** `get_persona_profile`; `null` when unknown. */
  readonly getPersonaProfile: (creatorId: string) => TaskEither<PortFailure, Persona | null>;
  /** 001 §3.1 `get_send_type_captions` / §3.5 `get_top_captions`. */
  readonly getCaptionCandidates: (
    query: CaptionQuery,
  ) => TaskEither<PortFailure, ReadonlyArray<Caption>>;
  /** Number of captions usable for each send type (freshness >= 30, performance >= 40), for the caption-pool check. */
  readonly countUsableCaptions?: (
    creatorId: string,
    asOf: string,
    allowedContentTypes: ReadonlyArray<string> | null,
  ) => TaskEither<PortFailure, Readonly<Partial<Record<SendTypeKey, number>>>>;
  /** 001 `get_content_type_rankings`: TOP / MID / LOW / AVOID per content type; `null` when none. */
  readonly getContentTypeRankings?: (
    creatorId: string,
  ) => TaskEither<PortFailure, ReadonlyArray<ContentTypeRanking> | null>;
  /**
   * 003 task 2.1 / 004 `creator_rotation_state`: the stored rotation state, `null` when none.
   * Any shape is read (`readStoredRotationState`): the canonical record, `004`'s row, or garbage,
   * which is reported and recovered from, never a failed build.
   */
  readonly getRotationState: (
    creatorId: string,
  ) => TaskEither<PortFailure, StoredRotationState | null>;
  /**
   * 003 task 2.5 `db.get_active_pins`: the creator's current pinned posts (`[]` or `null` when
   * none). Optional: read by `buildSchedule` at load and decoded with `ActivePinsC` (the codec of
   * `decodeActivePins`); a failure or an answer that does not decode is a `port_failed` warning
   * and the seed's fallback, no current pins. The week's pin plan is `result.pins`.
   */
  readonly getActivePins?: (creatorId: string) => TaskEither<PortFailure, ReadonlyArray<ActivePin>>;
  /**
   * 003 task 2.8 `CreatorTimingProfile`: the creator's average audience response time (minutes),
   * peak engagement hour (0-23 local), multi-time-zone audience flag and timing variation;
   * `null` when none is stored. Optional: read by `buildSchedule` at load and decoded with
   * `CreatorTimingProfileC`; without it (or when it fails: `port_failed`) the default follow-up
   * window (15-45 minutes), no next-day follow-ups, no AM/PM preference and the base jitter
   * apply. What it changes: `timingAdjustmentsFor`, reported as `timing_profile_applied`.
   */
  readonly getTimingProfile?: (
    creatorId: string,
  ) => TaskEither<PortFailure, CreatorTimingProfile | null>;
  /**
   * 000 task 3.2: the campaigns the creator sent from `fromInstant` (inclusive) to `toInstant`
   * (exclusive), any order. Optional: read by `buildSchedule` at load and decoded with
   * `CampaignRecordC`; the campaign planner continues the cadence from these and from the
   * history rows that carry a `campaignType`, and the game tracker reads the game campaigns'
   * earnings. A failure or an answer that does not decode is a `port_failed` warning and the
   * fallback: the campaigns of the mass-message history only.
   */
  readonly getCampaignHistory?: (
    creatorId: string,
    fromInstant: string,
    toInstant: string,
  ) => TaskEither<PortFailure, ReadonlyArray<CampaignRecord>>;
  /**
   * 004 `volume_adjustment_outcomes`: the creator's past adjustment outcomes (as
   * `recordOutcomes` writes them; `null` or `[]` when none), for the learning signal of the
   * weeks before `weekStart` (a local date; later weeks and other creators' rows are ignored).
   * Optional: read by `buildSchedule` at load and decoded with `VolumeAdjustmentOutcomeRecordC`;
   * a failure or an answer that does not decode is a `port_failed` warning and the seed
   * fallback, no learning signal. What it changes: a negative signal of a kind of multiplier
   * pulls this week's 002 multiplier of that kind toward 1 (`learningSignalsFor`, reported as
   * `learning_signal_applied`).
   */
  readonly getAdjustmentOutcomes?: (
    creatorId: string,
    weekStart: string,
  ) => TaskEither<PortFailure, ReadonlyArray<VolumeAdjustmentOutcomeRecord> | null>;
  /** 001 §7.4 `save_schedule`; returns the template id. */
  readonly saveSchedule?: (request: SaveScheduleRequest) => TaskEither<
    PortFailure,
    {
      /** The saved schedule's id in the store, non-empty (`ScheduleResult.templateId`). */
      readonly templateId: string;
    }
  >;
  /**
   * Writes the rotation state after a saved schedule (a step of the save saga). The store must
   * compare versions: it writes only when its stored version equals `expectedVersion` (`null`:
   * nothing stored yet) and answers `{ status: 'saved' }`, else `{ status: 'conflict',
   * storedVersion }` - a concurrent build saved first and this one's state is stale.
   */
  readonly saveRotationState?: (
    state: CreatorRotationState,
    expectedVersion: number | null,
  ) => TaskEither<PortFailure, RotationSaveAnswer>;
  /** 001 §1.2.1 module 8; returns the prediction id. */
  readonly saveVolumePrediction?: (prediction: VolumePrediction) => TaskEither<
    PortFailure,
    {
      /** The stored prediction's id, non-empty (`VolumeResult.predictionId`). */
      readonly predictionId: string;
    }
  >;
  /** Removes a saved schedule: the compensation of `saveSchedule` when a later save step fails (003 task 2.1b saga). */
  readonly deleteSchedule?: (templateId: string) => TaskEither<PortFailure, void>;
  /** 003 task 2.5b / 004 `timing_idempotency`: the idempotency records of saves. Without it, a save is not guarded. */
  readonly idempotencyStore?: IdempotencyStore;
  /** 004 `saga_execution_log`: receives the save saga's log records. */
  readonly saveSagaLog?: (records: ReadonlyArray<SagaLogRecord>) => TaskEither<PortFailure, void>;
  /** An optional logger: receives every audit event of the build as it happens; its answer and failures are ignored (001 "Logging and Observability"). */
  readonly log?: (event: AuditEvent) => unknown;
}

/**
 * The name of a port function of `SchedulePorts` (the logger and the idempotency store object
 * excluded).
 *
 * @since 0.2.0
 * @category ports
 */
export type PortName = Exclude<keyof SchedulePorts, 'log' | 'idempotencyStore'>;

/** Compile-time check: the resilience table names exactly the port functions of `SchedulePorts`. */
type SamePorts<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _portNamesMatch: SamePorts<PortName, import('../domain/resiliencePolicy').PortName> = true;
void _portNamesMatch;
