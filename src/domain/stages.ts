/**
 * The values that flow between the seven phases. Each phase's output type is the next phase's
 * input. Source: seed 001 phase output states.
 *
 * @module
 */

import type { AuditTrail } from './audit';
import type {
  CampaignType,
  Category,
  ChannelKey,
  GameType,
  MediaType,
  PageType,
  SendTypeKey,
  TargetKey,
} from './catalog';
import type { Issue } from './issues';
import type { SchedulePolicy } from './policy';
import type {
  BestTiming,
  Caption,
  CaptionReason,
  ContentPageType,
  ContentTypeRanking,
  CreatorProfile,
  CreatorRotationState,
  MassMessage,
  PerformanceTrends,
  Persona,
  PpvStyle,
  ScheduleItem,
  ScheduleOptions,
  TargetReason,
  VariationMetadata,
  Vault,
} from './types';

/**
 * What every phase may read: the decoded inputs, the resolved policy and the creator.
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface PhaseContext {
  /** The creator's decoded profile (phase 1, `getCreatorProfile`). */
  readonly creator: CreatorProfile;
  /** The 7 local dates of the week, `YYYY-MM-DD`, from `weekStart`. */
  readonly weekDates: ReadonlyArray<string>;
  /** The caller's seed as text; every generator is derived from it. */
  readonly seed: string;
  /** The caller's options with every default filled in (`ScheduleOptions`). */
  readonly options: Required<Omit<ScheduleOptions, 'save' | 'trackPrediction'>> & {
    /** Persist a passing schedule through `ports.saveSchedule`; default `false`. */
    readonly save: boolean;
    /** Persist the volume prediction through `ports.saveVolumePrediction`; default `false`. */
    readonly trackPrediction: boolean;
  };
  /** The resolved policy (`resolvePolicy` of the caller's overrides, and of an A/B arm's). */
  readonly policy: SchedulePolicy;
}

/**
 * Phase 1 output: everything loaded through the ports, with the seed's fallbacks applied.
 * Source: seed 001 phase 1 and its recovery table.
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface LoadedData {
  /** Tracked performance trends (001 §1.3), `null` when the port has none: the scores then come from history or are neutral (`trends_missing`). */
  readonly trends: PerformanceTrends | null;
  /** Mass-message history, oldest first, up to the day before `weekStart`. */
  readonly history: ReadonlyArray<MassMessage>;
  /** `null` when the port had no vault: everything is then assumed available and flagged. */
  readonly vault: Vault | null;
  /** Always set: the port's timing or the generic fallback. */
  readonly timing: BestTiming;
  /** Whether `timing` is the generic fallback (001 phase 1 "Best timing missing", `timing_default`). */
  readonly timingIsDefault: boolean;
  /** The persona profile, `null` when none: persona scores are then neutral (`persona_missing`). */
  readonly persona: Persona | null;
  /** The stored rotation state as read (`readStoredRotationState`), `null` when none. */
  readonly rotationState: CreatorRotationState | null;
  /** Content-type rankings (TOP / MID / LOW / AVOID), `null` when the port has none. */
  readonly contentRankings: ReadonlyArray<ContentTypeRanking> | null;
  /**
   * The creator timing profile (003 task 2.8) read through `getTimingProfile`, decoded; `null`
   * without the port, when it has none, or when it failed (`port_failed`): the defaults apply.
   */
  readonly timingProfile: import('../timing/profile').CreatorTimingProfile | null;
  /**
   * The creator's current pinned posts (003 task 2.5) read through `getActivePins`, decoded;
   * `[]` without the port, when it has none, or when it failed (`port_failed`, the seed's
   * fallback: no current pins).
   */
  readonly activePins: ReadonlyArray<import('../timing/pins').ActivePin>;
  /**
   * Campaigns already sent (000 task 3.2) read through the optional `getCampaignHistory` port,
   * decoded; absent or `[]` without the port or when it failed (`port_failed`: the campaigns of
   * the mass-message history only). The planner reads both.
   */
  readonly campaignHistory?: ReadonlyArray<import('./types').CampaignRecord>;
  /**
   * The creator's past adjustment outcomes (004) read through `getAdjustmentOutcomes`, decoded;
   * absent without the port, when it has none, or when it failed (`port_failed`): no learning
   * signal. Absent rather than `null`, so a build without the port is unchanged.
   */
  readonly adjustmentOutcomes?: ReadonlyArray<
    import('../records/types').VolumeAdjustmentOutcomeRecord
  >;
  /** Fallbacks applied while loading. */
  readonly issues: ReadonlyArray<Issue>;
}

/**
 * Per-day quotas by category.
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface DayQuotas {
  /** Revenue items that day. */
  readonly revenue: number;
  /** Engagement items that day. */
  readonly engagement: number;
  /** Retention items that day (0 on free pages). */
  readonly retention: number;
}

/**
 * One allocated slot. Source: seed 001 §2.5 `allocation_matrix[day][slot]`.
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface AllocatedSlot {
  /** `YYYY-MM-DD_N`, N from 1 in allocation order. */
  readonly slotId: string;
  /** Local date the slot was allocated to. */
  readonly date: string;
  /** Index of the date in the week, 0-6. */
  readonly dayIndex: number;
  /** The send type allocated (001 §1.4). */
  readonly sendTypeKey: SendTypeKey;
  /** Its category: `revenue`, `engagement` or `retention`. */
  readonly category: Category;
  /** 1 = first of its category that day. */
  readonly priority: number;
  /** The day's strategy (`revenue_focus`...; 001 §2.3). */
  readonly strategyUsed: string;
  /** The strategy's flavor emphasis, a short text (001 §2.3 "Strategy flavor mapping"). */
  readonly flavorEmphasis: string;
  /**
   * The slot's PPV style: the day's rotation pattern in planned order for the pattern send types
   * (`ppv_unlock`, `ppv_wall`), `bundle` for the bundle send types, else `null` (RULINGS
   * "Rotation and state": styles are fixed in phase 2).
   */
  readonly ppvStyle: PpvStyle | null;
  /**
   * The campaign the slot sends (000 task 3.2, RULINGS "Allocation" campaigns), `null` for a
   * send that is not a planned campaign.
   */
  readonly campaignType: CampaignType | null;
  /** The game of a `game_post` (000 task 3.6, RULINGS "Campaigns and games"), else `null`. */
  readonly gameType: GameType | null;
}

/**
 * One allocated day.
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface AllocatedDay {
  /** Local date `YYYY-MM-DD`. */
  readonly date: string;
  /** Index of the date in the week, 0-6. */
  readonly dayIndex: number;
  /** 0 = Monday .. 6 = Sunday. */
  readonly weekday: number;
  /** The day's strategy (`revenue_focus`...; 001 §2.3). */
  readonly strategy: string;
  /** The strategy's flavor emphasis (001 §2.3). */
  readonly flavor: string;
  /** The day's items by category after the weekly distribution and the checks. */
  readonly quotas: DayQuotas;
  /** Interleaved slots, in allocation order. */
  readonly slots: ReadonlyArray<AllocatedSlot>;
}

/**
 * Phase 2 output. Source: seed 001 "Phase 2 Output State".
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface Allocation {
  /** The seven days in order. */
  readonly days: ReadonlyArray<AllocatedDay>;
  /** Whether the week had to be re-allocated in variety mode (001 phase 2 recovery). */
  readonly varietyModeUsed: boolean;
  /** What the allocation reported (rebalanced or reduced quotas, diversity, campaigns, rotation). */
  readonly issues: ReadonlyArray<Issue>;
}

/**
 * Scores of the caption chosen for a slot, 0-100 each. Source: seed 001 "Phase 3 Output State".
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface CaptionScores {
  /** Freshness, 0-100: 100 for a caption never used by this creator, recovering linearly over `policy.content.freshnessRecoveryDays` after a use (RULINGS "freshness"). */
  readonly freshnessScore: number;
  /** The caption's performance score, 0-100 (001 §3.0). */
  readonly performanceScore: number;
  /** Type priority, 0-100: 100 for the send type's primary caption type, 70 secondary, 40 generic (001 §3.2, §3.5). */
  readonly typePriorityScore: number;
  /** Diversity, 0-100: 100 less 5 points per use by any creator of the universal pool (RULINGS "freshness"). */
  readonly diversityScore: number;
  /** Persona fit, 0-100 (001 §3.0 persona component; 50 without a persona). */
  readonly personaScore: number;
  /** The weighted sum of the five with `policy.content.weights` (or the degraded weights), 0-100 (001 §3.0). */
  readonly compositeScore: number;
}

/**
 * A slot with its caption and content. Source: seed 001 §3.1-§3.5.
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface ContentSlot extends AllocatedSlot {
  /** The chosen caption's id, `null` when `needsCaption`. */
  readonly captionId: string | null;
  /** The caption text; `MANUAL_REQUIRED` (`policy.content.manualCaptionText`) when `needsCaption`. */
  readonly captionText: string;
  /** The chosen caption's scores, `null` without a caption. */
  readonly scores: CaptionScores | null;
  /** Where the caption came from and how it ranked (`ItemReasons.caption`). */
  readonly captionReason: CaptionReason;
  /** The content type sent (`solo`, `boy_girl`...), `null` for a send without content. */
  readonly contentTypeId: string | null;
  /** The media kind sent: `video`, `picture`, `gif` or `none`. */
  readonly mediaType: MediaType;
  /** Whether the send needs a flyer (the send type's rule, 001 §1.4). */
  readonly flyerRequired: boolean;
  /** Whether no caption was found and one must be written (001 "Caption shortage" final fallback). */
  readonly needsCaption: boolean;
}

/**
 * Phase 3 output.
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface ContentAssignment {
  /** The slots of phase 2 with their captions and content, in allocation order. */
  readonly slots: ReadonlyArray<ContentSlot>;
  /** Caption ids used, in order. Phase 6 continues from these. */
  readonly usedCaptionIds: ReadonlyArray<string>;
  /** Unused follow-up caption candidates, ranked best first (read in phase 3 with the rest). */
  readonly followupCandidates: ReadonlyArray<Caption>;
  /** What caption matching reported (thresholds lowered, generic or manual captions, misfits). */
  readonly issues: ReadonlyArray<Issue>;
}

/**
 * A slot with its audience target and channel. Source: seed 001 §4.2-§4.4.
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface TargetedSlot extends ContentSlot {
  /** The audience targeted (`all_active`, `renew_off`...; 001 §4.1). */
  readonly targetKey: TargetKey;
  /** The channel it is sent on (`mass_message`, `wall_post`...; 001 §4.4). */
  readonly channelKey: ChannelKey;
  /** The send type's target and channel and the fallbacks taken (`ItemReasons.target`). */
  readonly targetReason: TargetReason;
}

/**
 * Phase 4 output.
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface Targeting {
  /** The slots with their audiences and channels, in allocation order. */
  readonly slots: ReadonlyArray<TargetedSlot>;
  /** What targeting reported (fallbacks to `all_active`, channel switches). */
  readonly issues: ReadonlyArray<Issue>;
}

/**
 * A slot with its time. Source: seed 001 §5.3-§5.7.
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface TimedSlot extends TargetedSlot {
  /** Local date it is scheduled on (may differ from `date` when moved to the next day). */
  readonly scheduledDate: string;
  /** The allocation date of an item moved to the next day (RULINGS "moved items"), else `null`. */
  readonly movedFromDate: string | null;
  /** Minutes after local midnight, 0-1439. */
  readonly minuteOfDay: number;
  /** Local `HH:mm:ss`. */
  readonly scheduledTime: string;
  /** UTC ISO instant. */
  readonly scheduledAt: string;
  /** UTC epoch minutes of `scheduledAt`, for arithmetic. */
  readonly epochMinute: number;
  /** UTC ISO instant the send expires (the send type's expiry, 001 §5.7), `null` when it does not. */
  readonly expiresAt: string | null;
  /** How the time was built: base hour, shift, jitter, fallbacks (001 "Variation Metadata Tracking"). */
  readonly variationMetadata: VariationMetadata;
  /** Whether it is a follow-up of phase 6 (`ppv_followup`). */
  readonly isFollowUp: boolean;
  /** A follow-up's parent slot id, or a link drop's parent campaign, else `null`. */
  readonly parentItemId: string | null;
  /** A follow-up's delay after its parent, whole minutes (15-45 by default), else `null`. */
  readonly followupDelayMinutes: number | null;
}

/**
 * Phase 5 output.
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface Timing {
  /** Sorted by `epochMinute`. */
  readonly slots: ReadonlyArray<TimedSlot>;
  /** Rotated prime hours per local date (001 §5.2). */
  readonly dailyPrimeHours: Readonly<Record<string, ReadonlyArray<number>>>;
  /** What timing reported (relaxed spacing, fallbacks, moved or dropped items, repairs, pins). */
  readonly issues: ReadonlyArray<Issue>;
}

/**
 * Phase 6 output: the timed slots with their follow-ups, sorted by time.
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface WithFollowups {
  /** Every slot, follow-ups included, sorted by `epochMinute`. */
  readonly slots: ReadonlyArray<TimedSlot>;
  /** Follow-ups added. */
  readonly followupsGenerated: number;
  /** Caption ids used by the week, follow-ups included, in order. */
  readonly usedCaptionIds: ReadonlyArray<string>;
  /** What phase 6 reported (limits reached, late parents, skipped follow-ups). */
  readonly issues: ReadonlyArray<Issue>;
}

/**
 * Status of a validated schedule. Source: RULINGS "Validation" thresholds.
 *
 * @since 0.1.0
 * @category model
 */
export type ValidationStatus = 'passed' | 'passed_with_warnings' | 'needs_review' | 'failed';

/**
 * The validation report. Source: seed 001 §7.3.
 *
 * @since 0.1.0
 * @category model
 */
export interface ValidationReport {
  /** `passed` (score >= 85, no error), `passed_with_warnings`, `needs_review` (score >= 70, or a capping issue) or `failed` (an error or score < 70) (RULINGS "score thresholds"). */
  readonly status: ValidationStatus;
  /** 0-100. */
  readonly score: number;
  /** Issues of severity `error`: each fails the week. */
  readonly errors: ReadonlyArray<Issue>;
  /** Issues of severity `warning`: each lowers the score. */
  readonly warnings: ReadonlyArray<Issue>;
  /** Info issues: what the build did (fallbacks, channel switches); they never lower the score. */
  readonly notes: ReadonlyArray<Issue>;
  /** What to do about the errors and warnings, for people (001 §7.3). */
  readonly recommendations: ReadonlyArray<string>;
  /** Whether a send type has no usable caption left (001 §7.2 check 8 "Critical"). */
  readonly requiresCaptionReview: boolean;
  /** Names of the checks that ran and passed. */
  readonly passedChecks: ReadonlyArray<string>;
}

/**
 * Result of a build: the whole week, its volume and its validation. A failed validation still
 * returns every item (RULINGS "Validation").
 *
 * @since 0.1.0
 * @category model
 */
export interface ScheduleResult {
  /** The creator the week is for. */
  readonly creatorId: string;
  /** First local date of the week, `YYYY-MM-DD`. */
  readonly weekStart: string;
  /**
   * The seed the week was built with (`ScheduleInputs.seed`, as given): with the creator, the
   * week and the data, it reproduces the week, and `validateScheduleItems` needs it to revalidate
   * an edited copy (the daily strategies and rotation depend on it).
   */
  readonly seed: number | string;
  /** The creator's profile as loaded. */
  readonly creator: CreatorProfile;
  /** Every send of the week, follow-ups included, sorted by `scheduledAt` (001 §7.1). */
  readonly items: ReadonlyArray<ScheduleItem>;
  /** The validation report (phase 7, 001 §7.3). */
  readonly validation: ValidationReport;
  /** The volume result the week was built from (phase 1, 001 §1.2.1). */
  readonly volume: VolumeResult;
  /** Counts of the week (001 "Phase 7 Output"). */
  readonly summary: ScheduleSummary;
  /** Set when the schedule was saved through the port (or had been saved before: `save.status` `duplicate`). */
  readonly templateId: string | null;
  /** What the save did (001 §7.4; the 003 task 2.1b saga and task 2.5b idempotency guard). */
  readonly save: SaveOutcome;
  /** The build's audit trail: its `generationId` and events (phases, port calls, recoveries, degradations, checkpoints). */
  readonly audit: AuditTrail;
  /** The PPV rotation of the week (003 task 2.1): the state read, the state to store, and each rotation. */
  readonly rotation: RotationReport;
  /**
   * The week's timing events (003 task 2.2b, `timingEventsOf`): rotation changes, jitter and
   * follow-up scheduling per send, same-style repairs, pins, the validation result and the save.
   * The `log` port receives each as an audit event of type `timing`.
   */
  readonly timingEvents: ReadonlyArray<import('./audit').TimingEvent>;
  /** The pinned posts of the week (003 task 2.5): the pins read, every pin and unpin, the pins left, the items not pinned. */
  readonly pins: PinReport;
  /**
   * The A/B test arm the week was built in (`inputs.experiment`, 000 task 3.7): the test's id and
   * the creator's arm, whose configuration the week's policy carries. Absent without an
   * experiment.
   */
  readonly experiment?: import('../analytics/abTest').AbAssignment;
}

/**
 * The pinned-post part of a result (003 task 2.5, `planPins` over the week's items): which
 * `ppv_wall` and `game_post` items are pinned, for how long, which pins make way for them, and
 * what is still pinned when the week ends. Every instant is a UTC ISO instant; every priority is
 * an estimated revenue in USD (`pinEstimatedRevenue`). The issues of the plan (`pin_skipped`,
 * `pin_evicted`, `pin_over_limit`, `pin_candidate_invalid`) are in `validation` and
 * `summary.adjustments`, with `items[i]` and `activePins[i]` paths.
 *
 * Source: seed 003 gap 1.6, task 2.5.
 *
 * @since 0.3.0
 * @category model
 */
export interface PinReport {
  /** The current pins as `getActivePins` answered them (decoded; `[]` without the port or on its failure). */
  readonly pinsBefore: ReadonlyArray<import('../timing/pins').ActivePin>;
  /**
   * Every pin and unpin in the order they happen (`at` never decreases; at one instant an unpin
   * comes before the pin it makes room for): `pin` (`scheduled`, with its `pinEnd` 72 hours
   * later), `unpin` `expired` (at the pin's end, or at the week start for a pin already ended),
   * `evicted` (at the send of a higher-priority item that found every place taken) or
   * `over_limit` (at the week start, more pins than `policy.pins.maxPinned`).
   */
  readonly actions: ReadonlyArray<import('../timing/pins').PinAction>;
  /** The pins still pinned when the week ends (ending at or after it), by `pinEnd`: next week's current pins. */
  readonly pinsAfter: ReadonlyArray<import('../timing/pins').ActivePin>;
  /** The pinnable items not pinned because every place held a pin of at least their priority (`pin_skipped`). */
  readonly skipped: ReadonlyArray<import('../timing/pins').SkippedPin>;
  /** UTC ISO instant the week starts (local midnight of its first date): the plan's clock starts here. */
  readonly weekStartAt: string;
  /** UTC ISO instant the week ends (local midnight after its last date), excluded. */
  readonly weekEndAt: string;
}

/**
 * The rotation part of a result: the stored state as read (`null` when none), the state after
 * the week (what the save writes, version + 1), each pattern change with its date, method, old
 * and new pattern, and every state transition. Source: seed 003 task 2.1, task 2.2b.
 *
 * @since 0.3.0
 * @category model
 */
export interface RotationReport {
  /** The stored rotation state as read, `null` when none. */
  readonly stateBefore: CreatorRotationState | null;
  /** The state after the week: what the save writes (version + 1). */
  readonly stateAfter: CreatorRotationState;
  /** Each pattern change of the week, in date order. */
  readonly rotations: ReadonlyArray<import('../rotation/tracker').PatternRotation>;
  /** Every state transition of the rotation state machine, in order. */
  readonly transitions: ReadonlyArray<import('../rotation/tracker').RotationTransition>;
}

/**
 * What the save of a build did.
 *
 * - `status`: `not_requested` (no `options.save`), `refused` (validation did not pass, or no
 *   `saveSchedule` port), `saved`, `duplicate` (the same build was saved before: the first
 *   template id), `failed` (the week is still returned whole; `validation.errors` has the
 *   `save_failed` issue).
 * - `operationKey`: the idempotency key, `null` without an idempotency store.
 * - `sagaStatus` / `sagaLog`: the save saga's outcome and its seed 004 `saga_execution_log`
 *   records (`rolled_back` = every compensation succeeded, as in seed 003).
 *
 * @since 0.2.0
 * @category model
 */
export interface SaveOutcome {
  /** `not_requested` (no `options.save`), `refused` (validation did not pass, or no `saveSchedule` port), `saved`, `duplicate` (the same build was saved before), `failed` (the week is still returned whole; `validation.errors` has `save_failed`). */
  readonly status: 'not_requested' | 'refused' | 'saved' | 'duplicate' | 'failed';
  /** The saved template's id (for `duplicate`, the first save's), else `null`. */
  readonly templateId: string | null;
  /** The idempotency key of the save, `null` without an idempotency store. */
  readonly operationKey: string | null;
  /** The save saga's outcome (`rolled_back`: every compensation succeeded), `null` when no save ran. */
  readonly sagaStatus: 'completed' | 'rolled_back' | 'failed' | null;
  /** The saga's seed 004 `saga_execution_log` records. */
  readonly sagaLog: ReadonlyArray<import('../resilience/saga').SagaLogRecord>;
}

/**
 * Counts of a built week. Source: seed 001 "Phase 7 Output".
 *
 * @since 0.1.0
 * @category model
 */
export interface ScheduleSummary {
  /** Items of the week, follow-ups included. */
  readonly totalItems: number;
  /** Items by category. */
  readonly byCategory: Readonly<Record<Category, number>>;
  /** Items by local date `YYYY-MM-DD`. */
  readonly byDay: Readonly<Record<string, number>>;
  /** Follow-ups of the week. */
  readonly followupsGenerated: number;
  /** Distinct send types of the week. */
  readonly uniqueSendTypes: number;
  /** The strategy of each local date `YYYY-MM-DD`. */
  readonly dailyStrategies: Readonly<Record<string, string>>;
  /** The rotated prime hours (local hours 0-23) of each local date (001 §5.2). */
  readonly dailyPrimeHours: Readonly<Record<string, ReadonlyArray<number>>>;
  /** Every relaxation, degradation and fallback the build applied, as issues. */
  readonly adjustments: ReadonlyArray<Issue>;
}

/**
 * Volume tier name. Source: seed 001 §1.2 (RULINGS "fan-count tiers").
 *
 * @since 0.1.0
 * @category volume
 */
export type VolumeTier = 'low' | 'mid' | 'high' | 'ultra';

/**
 * Daily quotas per category. Source: seed 001 §1.2.
 *
 * @since 0.1.0
 * @category volume
 */
export interface VolumeConfig {
  /** The volume tier of the creator's fan count. */
  readonly tier: VolumeTier;
  /** Revenue items per day (1-10). */
  readonly revenuePerDay: number;
  /** Engagement items per day (1-8). */
  readonly engagementPerDay: number;
  /** Retention items per day (0-4; 0 on free pages). */
  readonly retentionPerDay: number;
}

/**
 * Where the saturation and opportunity scores came from. Source: seed 002 "Data Sources Priority".
 *
 * @since 0.1.0
 * @category volume
 */
export type VolumeDataSource =
  | 'volume_performance_tracking'
  | 'calculated_on_demand'
  | 'default_values';

/**
 * Weekday keyed record: 0 = Monday .. 6 = Sunday (RULINGS "weekly distribution").
 *
 * @since 0.1.0
 * @category volume
 */
export type Weekly<A> = Readonly<Record<0 | 1 | 2 | 3 | 4 | 5 | 6, A>>;

/**
 * The whole volume result: seed 001's `OptimizedVolumeResult` (14 fields) plus seed 002's
 * legacy response fields.
 *
 * @since 0.1.0
 * @category volume
 */
export interface VolumeResult {
  /** Tier quotas before any adjustment (001 §1.2.1 `base_config`). */
  readonly baseConfig: VolumeConfig;
  /** Quotas after every adjustment (001 §1.2.1 `final_config`). */
  readonly finalConfig: VolumeConfig;
  /** Items per weekday, 0 = Monday; sums to 7 x the daily total of `finalConfig` (001 §1.2.1 module 4, §2.1). */
  readonly weeklyDistribution: Weekly<number>;
  /** Multipliers that produced the distribution, 0.7-1.3, averaging 1 (001 §1.2.1 module 4). */
  readonly dowMultipliersUsed: Weekly<number>;
  /** Revenue items per content type for one day; sums to `finalConfig.revenuePerDay` (empty without rankings or vault) (001 §1.2.1 module 6; 000 task 3.3 increases). */
  readonly contentAllocations: Readonly<Record<string, number>>;
  /** 0-100 after 7d/14d/30d fusion, else the on-demand or neutral score (001 §1.2.1 module 2; 002). */
  readonly fusedSaturation: number;
  /** 0-100 after 7d/14d/30d fusion, else the on-demand or neutral score (001 §1.2.1 module 2; 002). */
  readonly fusedOpportunity: number;
  /** 7d and 30d saturation or opportunity differ by 15 points or more (001 §1.2.1 module 2). */
  readonly divergenceDetected: boolean;
  /** 0-1 from the number of messages analysed (001 §1.2.1 module 3). */
  readonly confidenceScore: number;
  /** Messages analysed: tracked `messageCount`, else the history in the 90-day window (001 §1.2.1). */
  readonly messageCount: number;
  /** The revenue quota was lowered by the elasticity cap (001 §1.2.1 module 5). */
  readonly elasticityCapped: boolean;
  /** Keys of the adjustments applied, in order (001 §1.2.1 `adjustments_applied`). */
  readonly adjustmentsApplied: ReadonlyArray<string>;
  /** The same adjustments with the reason of each (the audit trail). */
  readonly auditTrail: ReadonlyArray<VolumeAdjustment>;
  /** Caption-pool warnings (`Low captions for ppv_followup: <3 usable`) (001 §1.2.1 module 7), rendered from `captionShortages`. */
  readonly captionWarnings: ReadonlyArray<string>;
  /** The send types short of usable captions with their counts, 0 = critical (001 §1.2.1 module 7). */
  readonly captionShortages: ReadonlyArray<CaptionShortage>;
  /** Id returned by the prediction port, `null` when tracking is off (001 §1.2.1 module 8; 004 `volume_predictions`). */
  readonly predictionId: string | null;
  /** Page-type matrix targets of the creator (000 task 3.1). */
  readonly volumeTargets: VolumeTargets;
  /** Elasticity module outcome (001 §1.2.1 module 5). */
  readonly elasticity: {
    /** `fitted` or `skipped`. */
    readonly status: 'fitted' | 'skipped';
    /** Why it was skipped (`insufficient_volume_levels`...), `null` when fitted. */
    readonly reason: string | null;
    /** Most revenue sends a day before one more stops paying, `null` when not fitted. */
    readonly capRevenuePerDay: number | null;
    /** R^2 of the fit (0-1), `null` without a fit. */
    readonly rSquared: number | null;
    /** Volume levels with enough days. */
    readonly levels: number;
  };
  /** Data-driven trigger outcome (000 task 3.3), `null` when the records were invalid. */
  readonly traitAnalysis: {
    /** Records analysed. */
    readonly analyzedCount: number;
    /** `HIGH` from `policy.traits.minSampleForConfidence` records on, else `LOW`. */
    readonly statisticalConfidence: 'HIGH' | 'LOW';
    /** The significance level after the Bonferroni correction. */
    readonly bonferroniAlpha: number;
    /** Significant recommendations, `trait[:value] xmultiplier (p=...)`. */
    readonly recommendations: ReadonlyArray<string>;
  } | null;
  /** Info and warnings of the volume modules (elasticity skipped or capped, invalid trait records). */
  readonly notes: ReadonlyArray<Issue>;
  /** Items of the week, the sum of `weeklyDistribution`. */
  readonly weeklyTotal: number;
  /** 002 legacy response fields: `volume_level`. */
  readonly volumeLevel: 'Low' | 'Mid' | 'High' | 'Ultra';
  /** 002 `ppv_per_day` (= revenue per day). */
  readonly ppvPerDay: number;
  /** 002 `bump_per_day` (= engagement per day). */
  readonly bumpPerDay: number;
  /** 002 `revenue_items_per_day`. */
  readonly revenueItemsPerDay: number;
  /** 002 `engagement_items_per_day`. */
  readonly engagementItemsPerDay: number;
  /** 002 `retention_items_per_day`. */
  readonly retentionItemsPerDay: number;
  /** 002 `bundle_per_week`: expected bundle sends a week (bundle, flash_bundle, snapchat_bundle) from the allocation weights. */
  readonly bundlePerWeek: number;
  /** 002 `game_per_week`: expected game posts a week from the allocation weights. */
  readonly gamePerWeek: number;
  /** 002 `followup_per_day`: expected follow-ups a day, at most `followups.maxPerDay`. */
  readonly followupPerDay: number;
  /** 002 `fan_count`. */
  readonly fanCount: number;
  /** 002 `page_type`. */
  readonly pageType: PageType;
  /** Local date the calculation is for (002 `tracking_date`). */
  readonly trackingDate: string;
  /** 001 §1.2.1 example `calculation_source`: `optimized` from `calculateOptimizedVolume`, else the 001 degradation level the week fell back to (`base_tier`, `fan_count_estimate`, `minimum_safe`). */
  readonly calculationSource:
    | 'optimized'
    | 'dynamic'
    | 'base_tier'
    | 'fan_count_estimate'
    | 'minimum_safe';
  /** Where the scores came from (002 "Data Sources Priority"). */
  readonly dataSource: VolumeDataSource;
  /** Revenue trend in percent that was applied, `null` when unknown (002 `revenue_trend`). */
  readonly revenueTrendPercent: number | null;
  /** 002 `saturation_score`: the score the multipliers used (= `fusedSaturation`). */
  readonly saturationScore: number;
  /** 002 `opportunity_score`: the score the multipliers used (= `fusedOpportunity`). */
  readonly opportunityScore: number;
}

/**
 * A send type with fewer usable captions (freshness >= 30, performance >= 40) than
 * `policy.content.lowPoolThreshold`; `usable` 0 is a critical shortage. Source: seed 001 §1.2.1
 * module 7, §7.2 check 8.
 *
 * @since 0.2.0
 * @category volume
 */
export interface CaptionShortage {
  /** The send type short of captions. */
  readonly sendTypeKey: SendTypeKey;
  /** Its usable captions; 0 is a critical shortage. */
  readonly usable: number;
}

/**
 * One step of the volume audit trail: what was applied and why.
 *
 * @since 0.1.0
 * @category volume
 */
export interface VolumeAdjustment {
  /** Stable key, as in `adjustmentsApplied` (`saturation_x0.9`, `elasticity_capped`, ...). */
  readonly adjustment: string;
  /** Why, with the numbers behind it. */
  readonly reason: string;
}

/**
 * Per-category count record.
 *
 * @since 0.1.0
 * @category volume
 */
export type CategoryCounts = Readonly<Record<Category, number>>;

/**
 * Volume tier of the matrix (the fan-count tiers: low 0-999, mid 1,000-4,999, high
 * 5,000-14,999, ultra 15,000+). Source: seed 000 task 3.1 `get_volume_tier`.
 *
 * @since 0.1.0
 * @category volume
 */
export type MatrixTier = VolumeTier;

/**
 * Sub-types the matrix has rows for (`personalized` falls back to `gfe`). Source: seed 000
 * task 3.1.
 *
 * @since 0.1.0
 * @category volume
 */
export type MatrixSubType = 'gfe' | 'commercial';

/**
 * A `[min, max]` per-day range (items per day, or a ratio for `bumpRatioRange`).
 *
 * @since 0.1.0
 * @category volume
 */
export type DailyRange = readonly [number, number];

/**
 * A `[min, max]` per-day range for each matrix tier (`policy.matrix.mmppvs`, a row of
 * `policy.matrix.bumps`). Source: seed 000 task 3.1.
 *
 * @since 0.3.0
 * @category volume
 */
export interface TierRanges {
  /** Tier `low` (under 1,000 fans). */
  readonly low: DailyRange;
  /** Tier `mid` (1,000 fans and more). */
  readonly mid: DailyRange;
  /** Tier `high` (5,000 fans and more). */
  readonly high: DailyRange;
  /** Tier `ultra` (15,000 fans and more). */
  readonly ultra: DailyRange;
}

/**
 * Volume targets of a creator from the matrix. Ranges are items per day, `[min, max]`.
 *
 * - `mmppvsPerDay`: mass-message PPVs per day of the tier.
 * - `bumpsPerDay`: bumps per day of the matrix row and tier.
 * - `bumpToPpvRatio`: bumps min / PPVs min (the seed's `bump_to_ppv_ratio`).
 * - `bumpRatioRange`: `[bumps min / PPVs max, bumps max / PPVs min]`, the range
 *   `validateBumpRatio` checks.
 * - `totalMessagesPerDay`: PPVs + bumps, `[min + min, max + max]`.
 *
 * @since 0.1.0
 * @category volume
 */
export interface VolumeTargets {
  /** The creator's matrix tier. */
  readonly tier: MatrixTier;
  /** The matrix row read, `[contentPageType, subType]` (`personalized` reads `gfe`). */
  readonly matrixKey: readonly [ContentPageType, MatrixSubType];
  /** Mass-message PPVs per day of the tier, `[min, max]`. */
  readonly mmppvsPerDay: DailyRange;
  /** Bumps per day of the matrix row and tier, `[min, max]`. */
  readonly bumpsPerDay: DailyRange;
  /** Bumps min / PPVs min (the seed's `bump_to_ppv_ratio`). */
  readonly bumpToPpvRatio: number;
  /** `[bumps min / PPVs max, bumps max / PPVs min]`, the range `validateBumpRatio` checks. */
  readonly bumpRatioRange: DailyRange;
  /** PPVs + bumps per day, `[min + min, max + max]`. */
  readonly totalMessagesPerDay: DailyRange;
}
