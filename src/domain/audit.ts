/**
 * The audit trail's types: port fault kinds, checkpoint decisions and the events of a build.
 * Source: seed 001 "Logging and Observability", "Error Propagation Rules".
 *
 * @module
 */
import type { IssuePhase } from './issues';

/**
 * How a port call failed.
 *
 * - `threw`: calling the port, or running its task, threw synchronously.
 * - `rejected`: the task's promise rejected.
 * - `left`: the port answered a `Left` (its own failure).
 * - `malformed`: the port answered something that is not a task of an `Either`.
 * - `decode`: the port answered data that does not decode (`decodeIssues` name the paths).
 * - `timeout`: no answer within the policy's timeout (`withResilience`).
 * - `circuit_open`: the circuit breaker refused the call (`withResilience`).
 * - `missing`: the port is not a function.
 *
 * @since 0.2.0
 * @category ports
 */
export type PortFaultKind =
  | 'threw'
  | 'rejected'
  | 'left'
  | 'malformed'
  | 'decode'
  | 'timeout'
  | 'circuit_open'
  | 'missing';

/**
 * What a checkpoint decided at a phase boundary (001 "Propagation Decision Matrix"): `pass`
 * (nothing to report), `recover` (a recovery procedure ran and succeeded), `degrade` (a fallback
 * was used), `abort` (the build stopped).
 *
 * @since 0.2.0
 * @category pipeline
 */
export type CheckpointDecision = 'pass' | 'recover' | 'degrade' | 'abort';

/**
 * One event of the audit trail. Source: seed 001 "Audit Trail Requirements" 2-5.
 *
 * - `port_call`: one call through the port boundary; `attempts` counts retries
 *   (`withResilience`), `outcome` is `ok` or how it failed, `fallbackUsed` names the seed
 *   fallback an optional port degraded to.
 * - `recovery`: a recovery procedure of a phase (`action`, e.g. `minimum_safe_volume`).
 * - `degradation`: a graceful degradation (`degradationType`, `fallback`).
 * - `checkpoint`: the decision at the end of a phase, with the issue codes behind it.
 *
 * @since 0.2.0
 * @category pipeline
 */
export type AuditEvent =
  | {
      /** A call through the port boundary. */
      readonly type: 'port_call';
      /** The phase that made the call (`load`, `content`, `volume`, `save`...). */
      readonly phase: IssuePhase;
      /** The port's name in `SchedulePorts` (`getCreatorProfile`, `getCaptionCandidates`...). */
      readonly port: string;
      /** Attempts made, 1 without retries (`withResilience` retries count here). */
      readonly attempts: number;
      /** `ok`, or how the call failed (`PortFaultKind`). */
      readonly outcome: 'ok' | PortFaultKind;
      /** Whether the port is required (its fault stops the build) rather than optional. */
      readonly required: boolean;
      /** The seed fallback an optional port degraded to on a fault, as text (`all content assumed available`), `null` when the call succeeded or the port is required. */
      readonly fallbackUsed: string | null;
    }
  | {
      /** A recovery procedure of a phase (001 "Phase Recovery Procedures"). */
      readonly type: 'recovery';
      /** The phase that recovered (`volume` for the volume degradation chain). */
      readonly phase: IssuePhase;
      /** The procedure that ran, `volume_<level>` of the degradation level reached (`volume_base_tier`, `volume_fan_count_estimate`, `volume_minimum_safe`). */
      readonly action: string;
      /** Whether the recovery gave the phase a usable result. */
      readonly success: boolean;
      /** For people: the issue message behind it, or the level reached. */
      readonly detail: string;
    }
  | {
      /** A graceful degradation: an optional port failed and its seed fallback was used. */
      readonly type: 'degradation';
      /** The phase that degraded. */
      readonly phase: IssuePhase;
      /** What failed, `<port>_failed` (`getVaultAvailability_failed`). */
      readonly degradationType: string;
      /** The seed fallback used instead (as in the `port_call` event's `fallbackUsed`). */
      readonly fallback: string;
    }
  | {
      /** The decision at the boundary of a phase (001 "Propagation Decision Matrix"). */
      readonly type: 'checkpoint';
      /** The phase that ended (`input` when the inputs did not decode). */
      readonly phase: IssuePhase;
      /** `pass`, `recover`, `degrade` or `abort`. */
      readonly decision: CheckpointDecision;
      /** The distinct issue codes behind the decision (warnings and errors; the codes of the error on `abort`). */
      readonly codes: ReadonlyArray<string>;
    }
  | {
      /** A timing event of seed 003 task 2.2b, also returned in `ScheduleResult.timingEvents`. */
      readonly type: 'timing';
      /** The phase the timing event belongs to (`allocation` for rotation, `timing`, `followups`, `validation`, `save`). */
      readonly phase: IssuePhase;
      /** The timing event itself. */
      readonly event: TimingEvent;
    };

/**
 * A structured timing event of seed 003 task 2.2b (`TimingEvent`), camelCase: its `eventType`,
 * the creator, `at` (the instant the event is about: the send's scheduled instant, the rotation's
 * local date; never the clock, the library reads none) and the seed's `details`.
 *
 * - `rotation_change`: `oldPattern`, `newPattern`, `rotationMethod`, `daysOnPreviousPattern`,
 *   `patternDiversityScore` (share of positions that changed, 0-1).
 * - `rotation_state_change`: `from`, `to` (the state machine's transitions).
 * - `followup_scheduled`: `parentTime`, `followupTime`, `gapMinutes`, `ppvType` (the parent's
 *   style, or its send type), `isOptimalWindow` (15-45 minutes), `windowPosition` (`early`
 *   under 20, `late` over 40, else `optimal`).
 * - `jitter_applied`: `originalTime` (base hour plus shift), `jitteredTime`, `offsetMinutes`,
 *   `sendType`, `finalMinute`, `avoidedRoundMinute`.
 * - `same_style_repair`: the repair's `strategy`, `slotIds`, `violationsBefore`, `violationsAfter`.
 * - `pin`: a pin or unpin action of the plan.
 * - `validation_result`: `validationType`, `isValid`, `errorCount`, `errors` (first 5 codes),
 *   `repairsApplied`, `repairCount`.
 * - `saga_execution`: the save's `status`, `completedSteps`, `failedStep`, `error`,
 *   `scheduleItemCount`.
 *
 * Source: seed 003 task 2.2b `TimingMetrics`.
 *
 * @since 0.3.0
 * @category pipeline
 */
export interface TimingEvent {
  /** What happened; its `details` keys are listed above per event type. */
  readonly eventType:
    | 'rotation_change'
    | 'rotation_state_change'
    | 'followup_scheduled'
    | 'jitter_applied'
    | 'same_style_repair'
    | 'pin'
    | 'validation_result'
    | 'saga_execution';
  /** The creator whose week the event belongs to. */
  readonly creatorId: string;
  /** UTC ISO instant or local `YYYY-MM-DD` the event is about; `null` for the week as a whole. */
  readonly at: string | null;
  /** The seed's fields of the event, camelCase, keyed as listed above for its `eventType`. */
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * The audit trail a build returns: its `generationId` (derived from the inputs, never a clock or
 * a random UUID) and its events.
 *
 * @since 0.2.0
 * @category pipeline
 */
export interface AuditTrail {
  /** Stable hash of the inputs (creator, week, seed, options, policy): the same build, the same id. */
  readonly generationId: string;
  /** Every event of the build, in the order it was recorded. */
  readonly events: ReadonlyArray<AuditEvent>;
}
