/**
 * The values that flow between the seven phases. Each phase's output type is the next phase's
 * input. Source: seed 001 phase output states.
 *
 * @module
 */
import type { Category, ChannelKey, MediaType, SendTypeKey, TargetKey } from './catalog';
import type { Issue } from './issues';
import type { SchedulePolicy } from './policy';
import type {
  BestTiming,
  ContentTypeRanking,
  CreatorProfile,
  MassMessage,
  PerformanceTrends,
  Persona,
  RotationState,
  ScheduleOptions,
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
  readonly creator: CreatorProfile;
  /** The 7 local dates of the week, `YYYY-MM-DD`, from `weekStart`. */
  readonly weekDates: ReadonlyArray<string>;
  /** The caller's seed as text; every generator is derived from it. */
  readonly seed: string;
  readonly options: Required<Omit<ScheduleOptions, 'save' | 'trackPrediction'>> & {
    readonly save: boolean;
    readonly trackPrediction: boolean;
  };
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
  readonly trends: PerformanceTrends | null;
  /** Mass-message history, oldest first, up to the day before `weekStart`. */
  readonly history: ReadonlyArray<MassMessage>;
  /** `null` when the port had no vault: everything is then assumed available and flagged. */
  readonly vault: Vault | null;
  /** Always set: the port's timing or the generic fallback. */
  readonly timing: BestTiming;
  readonly timingIsDefault: boolean;
  readonly persona: Persona | null;
  readonly rotationState: RotationState | null;
  /** Content-type rankings (TOP / MID / LOW / AVOID), `null` when the port has none. */
  readonly contentRankings: ReadonlyArray<ContentTypeRanking> | null;
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
  readonly revenue: number;
  readonly engagement: number;
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
  readonly sendTypeKey: SendTypeKey;
  readonly category: Category;
  /** 1 = first of its category that day. */
  readonly priority: number;
  readonly strategyUsed: string;
  readonly flavorEmphasis: string;
}

/**
 * One allocated day.
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface AllocatedDay {
  readonly date: string;
  readonly dayIndex: number;
  /** 0 = Monday .. 6 = Sunday. */
  readonly weekday: number;
  readonly strategy: string;
  readonly flavor: string;
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
  readonly days: ReadonlyArray<AllocatedDay>;
  /** Whether the week had to be re-allocated in variety mode (001 phase 2 recovery). */
  readonly varietyModeUsed: boolean;
  readonly issues: ReadonlyArray<Issue>;
}

/**
 * Scores of the caption chosen for a slot, 0-100 each. Source: seed 001 "Phase 3 Output State".
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface CaptionScores {
  readonly freshnessScore: number;
  readonly performanceScore: number;
  readonly typePriorityScore: number;
  readonly diversityScore: number;
  readonly personaScore: number;
  readonly compositeScore: number;
}

/**
 * A slot with its caption and content. Source: seed 001 §3.1-§3.5.
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface ContentSlot extends AllocatedSlot {
  readonly captionId: string | null;
  readonly captionText: string;
  readonly scores: CaptionScores | null;
  readonly contentTypeId: string | null;
  readonly mediaType: MediaType;
  readonly flyerRequired: boolean;
  readonly needsCaption: boolean;
}

/**
 * Phase 3 output.
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface ContentAssignment {
  readonly slots: ReadonlyArray<ContentSlot>;
  /** Caption ids used, in order. Phase 6 continues from these. */
  readonly usedCaptionIds: ReadonlyArray<string>;
  /** Unused follow-up caption candidates, ranked best first (read in phase 3 with the rest). */
  readonly followupCandidates: ReadonlyArray<import('./types').Caption>;
  readonly issues: ReadonlyArray<Issue>;
}

/**
 * A slot with its audience target and channel. Source: seed 001 §4.2-§4.4.
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface TargetedSlot extends ContentSlot {
  readonly targetKey: TargetKey;
  readonly channelKey: ChannelKey;
}

/**
 * Phase 4 output.
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface Targeting {
  readonly slots: ReadonlyArray<TargetedSlot>;
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
  readonly expiresAt: string | null;
  readonly variationMetadata: VariationMetadata;
  readonly isFollowUp: boolean;
  readonly parentItemId: string | null;
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
  readonly issues: ReadonlyArray<Issue>;
}

/**
 * Phase 6 output: the timed slots with their follow-ups, sorted by time.
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface WithFollowups {
  readonly slots: ReadonlyArray<TimedSlot>;
  readonly followupsGenerated: number;
  readonly usedCaptionIds: ReadonlyArray<string>;
  readonly issues: ReadonlyArray<Issue>;
}
