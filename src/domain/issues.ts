/**
 * The issue table: every issue code the library reports, with its one severity, its phase, its
 * score deduction and its one message renderer. Issues are data: `{ code, severity, phase, path,
 * message, details }`; every phase collects its issues instead of stopping at the first, and
 * messages are rendered here only (no code reads a message's text).
 *
 * Severities (RULINGS "Errors and degradation"): the seed's four levels map onto the report's
 * three, and a ruling overrides the seed's level per code:
 *
 * | seed level | report severity | why |
 * |---|---|---|
 * | CRITICAL | `error` | the seed aborts; before a week exists it is a `Left`, after, the week is returned failed |
 * | HIGH | `warning` | the seed recovers once; the recovery is reported, and an unrecovered HIGH is an error code of its own |
 * | MEDIUM | `warning` | a degradation or fallback |
 * | LOW | `info` | auto-recovered, no effect on the score |
 *
 * Source: seed 001 "Error Handling" (severity levels, propagation); RULINGS "Errors and
 * degradation" (severities), "Validation".
 *
 * @module
 */
import { hhmm } from './time';

/**
 * How serious an issue is. `error` fails a check; `warning` lowers the score; `info` only reports.
 *
 * @since 0.1.0
 * @category issues
 */
export type Severity = 'error' | 'warning' | 'info';

/**
 * The seed's four error levels (001 "Error Severity Levels").
 *
 * @since 0.2.0
 * @category issues
 */
export type SeedLevel = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';

/**
 * The report severity of each seed level (see the module documentation).
 * Source: RULINGS "Errors and degradation" (severities).
 *
 * @since 0.2.0
 * @category issues
 */
export const SEVERITY_OF_SEED_LEVEL: Readonly<Record<SeedLevel, Severity>> = Object.freeze({
  CRITICAL: 'error', // 001: halt immediately
  HIGH: 'warning', // 001: recover once; the recovery is what is reported
  MEDIUM: 'warning', // 001: fallback, log warning
  LOW: 'info', // 001: auto-recover, log info
});

/**
 * Where an issue arose: a pipeline phase, the input boundary, the port boundary or the save.
 *
 * @since 0.1.0
 * @category issues
 */
export type IssuePhase =
  | 'input'
  | 'ports'
  | 'load'
  | 'volume'
  | 'allocation'
  | 'content'
  | 'targeting'
  | 'timing'
  | 'followups'
  | 'validation'
  | 'save';

type Cat = 'revenue' | 'engagement' | 'retention';
type Counts = Readonly<Record<Cat, number>>;

/**
 * The `details` of each issue code: the numbers and names behind it. Every message is rendered
 * from these (see `ISSUE_CODES`).
 *
 * @since 0.2.0
 * @category issues
 */
export interface IssueDetailsByCode {
  // ------------------------------------------------------------------ input and ports
  readonly invalid_input: { readonly expected: string; readonly received: string };
  readonly invalid_policy: { readonly expected: string; readonly received: string };
  readonly invalid_option: { readonly expected: string; readonly received: string };
  readonly decode_error: {
    readonly port: string | null;
    readonly expected: string;
    readonly received: string;
  };
  readonly duplicate_record: {
    readonly collection: string;
    readonly key: string;
    readonly firstPath: string;
  };
  readonly port_failure: {
    readonly port: string;
    readonly kind: string;
    readonly attempts: number;
    readonly reason: string;
  };
  readonly port_timeout: {
    readonly port: string;
    readonly attempts: number;
    readonly reason: string;
  };
  readonly port_failed: {
    readonly port: string;
    readonly kind: string;
    readonly attempts: number;
    readonly reason: string;
    readonly fallback: string;
  };
  readonly internal_error: { readonly reason: string };
  // ------------------------------------------------------------------ load
  readonly creator_not_found: { readonly creatorId: string };
  readonly trends_missing: Readonly<Record<string, never>>;
  readonly vault_missing_assumed: Readonly<Record<string, never>>;
  readonly timing_default: {
    readonly peakHours: ReadonlyArray<number>;
    readonly avoidHours: ReadonlyArray<number>;
  };
  readonly persona_missing: Readonly<Record<string, never>>;
  // ------------------------------------------------------------------ volume
  readonly volume_degraded: {
    readonly level: 'base_tier' | 'fan_count_estimate' | 'minimum_safe';
    readonly confidenceScore: number;
    readonly reason: string;
    readonly quotas: Counts;
  };
  readonly elasticity_skipped: {
    readonly reason: string;
    readonly why: string;
    readonly levels: number;
    readonly rSquared: number | null;
  };
  readonly trait_analysis_skipped: { readonly problems: ReadonlyArray<string> };
  readonly invalid_trait_option: {
    readonly field: string;
    readonly rule: string;
    readonly value: unknown;
  };
  readonly invalid_earnings: { readonly id: string; readonly earnings: unknown };
  readonly invalid_price: { readonly id: string; readonly price: unknown };
  readonly learning_signal_applied: {
    readonly kind: 'saturation' | 'opportunity';
    readonly signal: number;
    readonly outcomes: number;
    readonly ruleMultiplier: number;
    readonly multiplier: number;
    readonly pulled: boolean;
  };
  readonly actual_skipped: {
    readonly reason: 'invalid' | 'unknown_slot' | 'duplicate_slot';
    readonly slotId: string | null;
    readonly expected: string;
    readonly received: string;
  };
  readonly game_record_skipped: {
    readonly index: number;
    readonly field: 'record' | 'gameType' | 'earnings' | 'date' | 'creatorId';
    readonly expected: string;
    readonly received: string;
  };
  readonly kpi_record_skipped: { readonly expected: string; readonly received: string };
  readonly kpi_not_computable: { readonly metric: string; readonly reason: string };
  // ------------------------------------------------------------------ A/B tests
  readonly invalid_ab_test: { readonly expected: string; readonly received: string };
  readonly ab_test_sufficient: {
    readonly testId: string;
    readonly controlN: number;
    readonly treatmentN: number;
    readonly minRequired: number;
  };
  readonly ab_test_insufficient: {
    readonly testId: string;
    readonly controlN: number;
    readonly treatmentN: number;
    readonly minRequired: number;
    readonly shortfallControl: number;
    readonly shortfallTreatment: number;
    /** Days more the seed recommends: `max(shortfalls) // observationsPerDay + 1`. */
    readonly additionalDays: number;
  };
  // ------------------------------------------------------------------ allocation
  readonly send_type_unavailable: { readonly sendTypeKey: string; readonly missing: string };
  readonly quota_rebalanced: {
    readonly date: string;
    readonly dayIndex: number;
    readonly from: Counts;
    readonly to: Counts;
    readonly reason: 'capacity' | 'balance';
  };
  readonly quota_reduced: {
    readonly date: string;
    readonly category: Cat;
    readonly removed: number;
    readonly reason: 'confidence' | 'bounds' | 'capacity' | 'balance';
    readonly from: number;
    readonly to: number;
  };
  readonly quota_dampened: { readonly confidenceScore: number };
  readonly quota_unfilled: {
    readonly date: string;
    readonly category: Cat;
    readonly removed: number;
  };
  readonly diversity_restart: {
    readonly distinct: number;
    readonly revenue: number;
    readonly engagement: number;
  };
  readonly diversity_shortfall: {
    readonly distinct: number;
    readonly revenue: number;
    readonly engagement: number;
    readonly minimums: {
      readonly distinct: number;
      readonly revenue: number;
      readonly engagement: number;
    };
    readonly limitedByPage: boolean;
    readonly recommendation?: string;
  };
  readonly weekly_limit_removed: {
    readonly slotId: string;
    readonly sendTypeKey: string;
    readonly date: string;
    readonly priority: number;
    /** Items of the send type in the week before the removal, and its weekly limit. */
    readonly count: number;
    readonly max: number;
    readonly removed: 1;
  };
  // ------------------------------------------------------------------ content
  readonly caption_threshold_lowered: {
    readonly slotId: string;
    readonly sendTypeKey: string;
    readonly level: number;
    readonly minFreshness: number;
    readonly minPerformance: number;
  };
  readonly generic_caption_used: {
    readonly slotId: string;
    readonly sendTypeKey: string;
    readonly captionType: string | null;
  };
  readonly manual_caption_required: { readonly slotId: string; readonly sendTypeKey: string };
  readonly caption_freshness_low: {
    readonly slotId: string;
    readonly sendTypeKey: string;
    readonly meanFreshness: number;
    readonly threshold: number;
  };
  readonly low_freshness: {
    readonly slotId: string;
    readonly sendTypeKey: string;
    readonly captionId: string;
    readonly freshnessScore: number;
  };
  readonly media_missing: {
    readonly slotId: string;
    readonly sendTypeKey: string;
    readonly missing: string;
  };
  // ------------------------------------------------------------------ targeting
  readonly target_not_applicable: {
    readonly slotId: string | null;
    readonly sendTypeKey: string;
    readonly targetKey: string;
    readonly pageType: string;
  };
  readonly channel_switched: {
    readonly slotId: string | null;
    readonly sendTypeKey: string;
    readonly from: string;
    readonly to: string;
    readonly targetKey: string;
  };
  readonly channel_incompatible: {
    readonly slotId: string | null;
    readonly sendTypeKey: string;
    readonly channelKey: string;
    readonly targetKey: string;
  };
  // ------------------------------------------------------------------ timing
  readonly second_channel_used: {
    readonly slotId: string;
    readonly sendTypeKey: string;
    readonly from: string;
    readonly to: string;
  };
  readonly spacing_relaxed: {
    readonly slotId: string;
    readonly spacingMinutes: number;
    readonly targetSpacingMinutes: number;
    readonly nearestSameFamilyMinutes: number;
  };
  readonly avoid_hours_relaxed: { readonly slotId: string; readonly hour: number };
  readonly fallback_slot_used: { readonly slotId: string; readonly minuteOfDay: number };
  readonly item_moved_next_day: {
    readonly slotId: string;
    readonly sendTypeKey: string;
    readonly fromDate: string;
    readonly toDate: string;
  };
  readonly item_dropped: {
    readonly slotId: string;
    readonly sendTypeKey: string;
    readonly date: string;
    readonly category: Cat;
    readonly reason: 'no_valid_time' | 'date_outside_week' | 'balance';
    readonly removed: 1;
  };
  readonly link_drop_unlinked: {
    readonly slotId: string;
    readonly sendTypeKey: string;
    readonly scheduledAt: string;
    readonly lookbackHours: number;
  };
  // ------------------------------------------------------------------ follow-ups
  readonly followups_not_applicable: { readonly sendTypeKey: string; readonly pageType: string };
  readonly followup_limit: {
    readonly parentItemId: string;
    readonly date: string;
    readonly priority: number;
    readonly maxPerDay: number;
  };
  readonly late_night_followup: {
    readonly parentItemId: string;
    readonly parentDate: string;
    readonly parentTime: string;
    readonly sampledDelayMinutes: number;
  };
  readonly followup_skipped: {
    readonly parentItemId: string;
    readonly sampledDelayMinutes: number;
    readonly minDelayMinutes: number;
    readonly maxDelayMinutes: number;
    readonly rejections: Readonly<Record<string, ReadonlyArray<string>>>;
  };
  readonly followup_manual_caption: { readonly slotId: string; readonly sendTypeKey: string };
  // ------------------------------------------------------------------ validation
  readonly missing_field: { readonly slotId: string | null; readonly field: string };
  readonly duplicate_slot_id: { readonly slotId: string; readonly count: number };
  readonly local_time_mismatch: {
    readonly slotId: string;
    readonly scheduledAt: string;
    readonly scheduledDate: string;
    readonly scheduledTime: string;
    /** The local date and time `scheduledAt` falls on in the creator's zone. */
    readonly localDate: string;
    readonly localTime: string;
    readonly timeZone: string;
  };
  readonly duplicate_caption: {
    readonly captionId: string;
    readonly count: number;
    readonly slotIds: ReadonlyArray<string>;
  };
  readonly vault_missing: { readonly slotId: string; readonly contentTypeId: string };
  readonly timing_conflict: {
    readonly scheduledAt: string;
    readonly slotIds: ReadonlyArray<string>;
  };
  readonly daily_volume_exceeded: {
    readonly date: string;
    readonly count: number;
    readonly max: number;
  };
  readonly persona_mismatch: { readonly slotId: string; readonly captionId: string | null };
  readonly orphaned_followup: { readonly slotId: string; readonly parentItemId: string | null };
  readonly caption_pool_low: {
    readonly sendTypeKey: string;
    readonly usable: number;
    readonly threshold: number;
  };
  readonly caption_pool_critical: {
    readonly sendTypeKey: string;
    readonly usable: 0;
    readonly recommendation: string;
    readonly requiresCaptionReview: true;
  };
  readonly low_confidence: { readonly confidenceScore: number; readonly messageCount: number };
  readonly outside_week: {
    readonly slotId: string;
    readonly scheduledDate: string;
    readonly scheduledTime: string;
  };
  readonly outside_window: {
    readonly slotId: string;
    readonly scheduledDate: string;
    readonly scheduledTime: string;
    readonly isFollowUp: boolean;
    readonly windowStart: string;
    readonly windowEnd: string;
    readonly parentDate: string | null;
  };
  readonly round_minute: { readonly slotId: string; readonly scheduledTime: string };
  readonly spacing_violation: {
    readonly family: string;
    readonly slotIds: readonly [string, string];
    readonly gapMinutes: number;
    readonly minMinutes: number;
  };
  readonly block_cap_exceeded: {
    readonly date: string;
    readonly family: string;
    readonly blockStartMinute: number;
    readonly blockMinutes: number;
    readonly count: number;
    readonly max: number;
    readonly slotIds: ReadonlyArray<string>;
  };
  readonly type_gap_violation: {
    readonly sendTypeKey: string;
    readonly slotIds: readonly [string, string];
    readonly gapMinutes: number;
    readonly minMinutes: number;
  };
  readonly clock_time_repeated: {
    readonly scheduledTime: string;
    readonly count: number;
    readonly max: number;
    readonly slotIds: ReadonlyArray<string>;
  };
  readonly weekly_cap_exceeded: {
    readonly sendTypeKey: string;
    readonly count: number;
    readonly max: number;
  };
  readonly unknown_send_type: { readonly slotId: string; readonly sendTypeKey: string };
  readonly send_type_not_for_page: {
    readonly slotId: string;
    readonly sendTypeKey: string;
    readonly pageType: string;
  };
  readonly target_not_for_page: {
    readonly slotId: string;
    readonly targetKey: string;
    readonly pageType: string;
  };
  readonly followup_type_mismatch: {
    readonly slotId: string;
    readonly sendTypeKey: string;
    readonly isFollowUp: boolean;
  };
  readonly followup_delay_out_of_range: {
    readonly slotId: string;
    readonly followupDelayMinutes: number | null;
    readonly gapMinutes: number | null;
    readonly minDelayMinutes: number;
    readonly maxDelayMinutes: number;
  };
  readonly invalid_followup_parent: {
    readonly slotId: string;
    readonly parentItemId: string;
    readonly parentSendTypeKey: string;
  };
  readonly invalid_link_drop_parent: {
    readonly slotId: string;
    readonly parentItemId: string;
    /** `missing`: not in the schedule; `not_campaign`; `not_before`: not sent earlier; `too_old`: `lookbackHours` or more earlier. */
    readonly reason: 'missing' | 'not_campaign' | 'not_before' | 'too_old';
    readonly parentSendTypeKey: string | null;
    readonly lookbackHours: number;
  };
  readonly followup_limit_exceeded: {
    readonly date: string;
    readonly count: number;
    readonly max: number;
    readonly slotIds: ReadonlyArray<string>;
  };
  readonly followup_gap_violation: {
    readonly sendTypeKey: string;
    readonly slotIds: readonly [string, string];
    readonly gapMinutes: number;
    readonly minMinutes: number;
  };
  readonly insufficient_diversity: {
    readonly criterion: 'distinct_types' | 'revenue_types' | 'engagement_types';
    readonly actual: number;
    readonly min: number;
    readonly sendTypeKeys: ReadonlyArray<string>;
  };
  readonly insufficient_strategies: { readonly distinct: number; readonly min: number };
  readonly strategy_repeated: {
    readonly strategy: string;
    readonly dates: readonly [string, string];
  };
  readonly strategy_mismatch: {
    readonly slotId: string;
    readonly scheduledDate: string;
    readonly strategyUsed: string;
    readonly dayStrategy: string | null;
  };
  readonly required_target_violated: {
    readonly slotId: string;
    readonly requiredTarget: string;
    readonly targetKey: string;
  };
  readonly unknown_target: { readonly slotId: string; readonly targetKey: string };
  readonly channel_target_unsupported: {
    readonly slotId: string;
    readonly channelKey: string;
    readonly targetKey: string;
  };
  readonly category_balance: {
    readonly category: Cat;
    readonly kind: 'min' | 'max';
    readonly bound: number;
    readonly share: number;
    readonly counts: Counts;
    readonly shares: Counts;
    readonly allocatedItems: number;
    readonly followups: { readonly count: number; readonly byCategory: Counts };
  };
  readonly revenue_mix: {
    readonly date: string;
    readonly tier: string;
    readonly share: number;
    readonly target: number;
    readonly tolerance: number;
    readonly revenue: number;
    readonly engagement: number;
  };
  readonly confidence_too_low: {
    readonly confidenceScore: number;
    readonly messageCount: number;
    readonly min: number;
  };
  readonly confidence_override_applied: {
    readonly confidenceScore: number;
    readonly messageCount: number;
    readonly min: number;
  };
  readonly divergence_detected: {
    readonly fusedSaturation: number;
    readonly fusedOpportunity: number;
  };
  readonly elasticity_capped: {
    readonly revenuePerDay: number;
    readonly capRevenuePerDay: number | null;
    readonly adjustmentsApplied: ReadonlyArray<string>;
  };
  readonly bump_ratio: {
    readonly reason: 'no_ppvs' | 'no_bumps' | 'too_low' | 'too_high';
    readonly tier: string;
    readonly matrixKey: ReadonlyArray<string>;
    readonly ppvCount: number;
    readonly bumpCount: number;
    readonly actualRatio: number | null;
    readonly expectedRange: readonly [number, number];
    readonly bumpsNeeded: number | null;
  };
  readonly bump_ratio_empty: { readonly tier: string; readonly matrixKey: ReadonlyArray<string> };
  readonly manual_captions_excessive: {
    readonly manualItems: number;
    readonly totalItems: number;
    readonly share: number;
    readonly maxShare: number;
  };
  readonly volume_accounting: {
    readonly weeklyTotal: number;
    readonly built: number;
    readonly removed: number;
  };
  // ------------------------------------------------------------------ rotation
  readonly rotation_state_unreadable: {
    readonly creatorId: string;
    readonly problems: ReadonlyArray<string>;
  };
  readonly rotation_state_normalized: {
    readonly field: string;
    readonly stored: string;
    readonly readAs: string;
  };
  readonly rotation_pattern_started: {
    readonly date: string;
    readonly pattern: ReadonlyArray<string>;
    readonly reason: 'no_state' | 'content_rotation_only' | 'recovered_from_error';
  };
  readonly rotation_paused: {
    readonly pattern: ReadonlyArray<string>;
    readonly patternStartDate: string;
  };
  readonly rotation_state_ahead: {
    readonly patternStartDate: string;
    readonly firstScheduleDate: string;
  };
  readonly rotation_method_replaced: {
    readonly date: string;
    readonly requested: string;
    readonly used: string;
  };
  readonly rotation_exhausted: {
    readonly date: string;
    readonly recentPatterns: ReadonlyArray<ReadonlyArray<string>>;
    readonly pattern: ReadonlyArray<string>;
  };
  readonly rotation_transition_refused: {
    readonly date: string;
    readonly from: string;
    readonly to: string;
    readonly validTargets: ReadonlyArray<string>;
  };
  readonly bundle_send_replaced: {
    readonly date: string;
    readonly from: string;
    readonly to: string;
  };
  readonly ppv_style_misfit: {
    readonly slotId: string;
    readonly ppvStyle: string;
    /** The seed 004 structure the caption does not fit, `null` when it fits (or there is none). */
    readonly structure: string | null;
    /** The structure's elements the caption lacks. */
    readonly missing: ReadonlyArray<string>;
    readonly contentTypeId: string | null;
    /** The style's content types when the content is not one of them, else `[]`. */
    readonly fits: ReadonlyArray<string>;
  };
  readonly same_style_repaired: {
    readonly date: string;
    readonly strategy: 'reorder' | 'style_swap' | 'time_swap' | 'retime';
    readonly slotIds: ReadonlyArray<string>;
    readonly violationsBefore: number;
    readonly violationsAfter: number;
  };
  readonly same_style_back_to_back: {
    readonly ppvStyle: string;
    readonly slotIds: readonly [string, string];
  };
  readonly same_style_same_period: {
    readonly date: string;
    readonly ppvStyle: string;
    readonly period: 'AM' | 'PM';
    readonly slotIds: ReadonlyArray<string>;
  };
  readonly rotation_version_conflict: {
    readonly creatorId: string;
    readonly expectedVersion: number;
    readonly storedVersion: number | null;
  };
  // ------------------------------------------------------------------ save
  readonly save_refused: { readonly reason: string };
  readonly save_failed: {
    readonly failedStep: string | null;
    readonly reason: string;
    readonly sagaStatus: string;
  };
  readonly save_duplicate: { readonly templateId: string; readonly operationKey: string };
  readonly compensation_failed: { readonly errors: ReadonlyArray<string> };
  // ------------------------------------------------------------------ PPV caption structure
  readonly ppv_structure_misfit: {
    readonly slotId: string;
    readonly ppvStyle: string | null;
    /** The 004 structure the caption was checked against (`PpvStructureType`). */
    readonly structure: 'winner' | 'bundle' | 'wall_campaign';
    /** The structure's elements the caption lacks, in the structure's order. */
    readonly missing: ReadonlyArray<string>;
    /** Elements found. */
    readonly found: number;
    /** Elements needed to pass (`policy.ppvStructure`). */
    readonly required: number;
  };
  // ------------------------------------------------------------------ pins
  readonly pin_skipped: {
    readonly itemId: string;
    readonly reason: 'lower_priority';
    readonly lowestPinnedPriority: number;
  };
  readonly pin_evicted: {
    readonly postId: string;
    readonly byItemId: string;
    readonly priority: number;
  };
  readonly pin_over_limit: {
    readonly postId: string;
    readonly priority: number;
    readonly maxPinned: number;
  };
  readonly pin_candidate_invalid: {
    readonly itemId: string | null;
    readonly reason: 'undecodable' | 'duplicate_id' | 'outside_week';
    readonly problems: ReadonlyArray<string>;
  };
  readonly pins_unreadable: {
    readonly port: string;
    readonly problems: ReadonlyArray<string>;
    readonly fallback: string;
  };
  // ------------------------------------------------------------------ timing profile
  readonly timing_profile_applied: {
    readonly followupWindow: {
      readonly min: number;
      readonly max: number;
      readonly source: 'profile' | 'default';
    };
    readonly allowNextDay: boolean;
    readonly amPmPreference: 'AM' | 'PM' | null;
    readonly timingVariation: string;
    /** The jitter range used, minutes (`jitterRangeFor`). */
    readonly jitterMinutes: { readonly min: number; readonly max: number };
  };
  readonly followup_window_default: {
    readonly avgResponseMinutes: number;
    /** The creator's window that was refused, minutes after the parent. */
    readonly minMinutes: number;
    readonly maxMinutes: number;
    /**
     * `too_narrow`: the creator's window is narrower than 10 minutes (for the whole week);
     * `late_parent`: the creator's window does not fit before 23:59 after one parent that
     * still has the 15 minutes of RULINGS "late parents", so that follow-up took the default
     * window inside its day.
     */
    readonly reason: 'too_narrow' | 'late_parent';
    /** The parent whose follow-up took the default window (`late_parent` only). */
    readonly parentItemId?: string;
  };
  // ------------------------------------------------------------------ campaigns and games
  readonly campaign_unavailable: { readonly campaignType: string };
  readonly game_campaign_skipped: { readonly campaignType: string };
  readonly campaign_week_short: { readonly planned: number; readonly minimum: number };
  readonly game_type_substituted: {
    readonly campaignType: string;
    readonly from: string;
    readonly to: string;
  };
  readonly campaign_unplaced: {
    readonly date: string;
    readonly campaignType: string;
    readonly sendTypeKey: string;
    readonly reason:
      | 'no_revenue_room'
      | 'channel_full'
      | 'style_room'
      | 'daily_capacity'
      | 'balance';
  };
  readonly campaign_deferred: {
    readonly date: string;
    readonly to: string;
    readonly campaignType: string;
    readonly sendTypeKey: string;
    /** Why the day could not take it; `spacing`: pushed on by an earlier deferral. */
    readonly reason:
      | 'no_revenue_room'
      | 'channel_full'
      | 'style_room'
      | 'daily_capacity'
      | 'spacing';
  };
  readonly campaign_caption_misfit: {
    readonly slotId: string;
    readonly campaignType: string;
    readonly gameType: string | null;
    /** What the caption lacks: the 004 structure's elements, or the game's name. */
    readonly missing: ReadonlyArray<string>;
  };
  readonly campaign_same_day: {
    readonly campaignType: string;
    readonly date: string;
  };
  readonly campaign_too_close: {
    readonly campaignType: string;
    readonly date: string;
    readonly previousDate: string;
    readonly daysApart: number;
    readonly minDaysBetween: number;
  };
  readonly campaign_gap_exceeded: {
    readonly campaignType: string;
    readonly date: string;
    readonly previousDate: string;
    readonly daysApart: number;
    readonly maxDaysBetween: number;
  };
  readonly campaign_under_scheduled: {
    readonly campaignType: string;
    readonly monthlyProjection: number;
    readonly monthlyTarget: readonly [number, number];
    readonly shortfall: number;
    readonly rationale: string;
  };
  readonly campaign_missing: {
    readonly campaignType: string;
    readonly monthlyTarget: readonly [number, number];
    readonly rationale: string;
  };
  readonly campaign_total_low: {
    readonly monthlyProjection: number;
    readonly minPerMonth: number;
    readonly daysCovered: number;
  };
  readonly matrix_ratio_shortfall: {
    readonly date: string;
    readonly ppvCount: number;
    readonly bumpCount: number;
    readonly actualRatio: number | null;
    readonly expectedRange: readonly [number, number];
    readonly quotas: Counts;
  };
  readonly campaign_history_low: {
    readonly monthlyProjection: number;
    readonly weekProjection: number;
    readonly minPerMonth: number;
    readonly daysCovered: number;
  };
  readonly game_limit_exceeded: {
    readonly campaignType: string;
    readonly count: number;
    readonly max: number;
  };
}

/**
 * Every issue code (`low_confidence`, `spacing_relaxed`, ...).
 *
 * @since 0.2.0
 * @category issues
 */
export type IssueCode = keyof IssueDetailsByCode;

/**
 * The fields every issue's `details` may carry beside its code's own: read them through
 * `unknown` (a recommendation text, `requiresCaptionReview`, a removed-item count).
 */
type OpenDetails = { readonly [key: string]: unknown };

/**
 * One issue of code `K`.
 *
 * @since 0.2.0
 * @category issues
 */
export interface IssueOf<K extends IssueCode> {
  readonly code: K;
  readonly severity: Severity;
  readonly phase: IssuePhase;
  /** Path of the value concerned (`items[3].scheduledTime`, `captions[12].performanceScore`). */
  readonly path: string | null;
  /** For people; rendered from the code and the details by `ISSUE_CODES[code].message`. */
  readonly message: string;
  readonly details: Readonly<IssueDetailsByCode[K]> & OpenDetails;
}

/**
 * One issue: a union discriminated by `code`, so `details` is typed by the code.
 *
 * @since 0.1.0
 * @category issues
 */
export type Issue = { readonly [K in IssueCode]: IssueOf<K> }[IssueCode];

/**
 * One row of the issue table.
 *
 * - `severity`: the one severity of the code.
 * - `phase`: where it arises.
 * - `seedLevel`: the seed's level for it, `null` when the seed gives none (the row's severity is
 *   then a project or RULINGS choice, named in `source`).
 * - `deduction`: validation score points it costs (0-100 scale; errors 20, info 0).
 * - `removesItems`: it reports planned items that are not in the week; `details.removed` counts them.
 * - `capsStatus`: the best status a week carrying it can have (`needs_review`), else `null`.
 * - `message`: the one renderer of its text.
 *
 * @since 0.2.0
 * @category issues
 */
export interface IssueSpec<K extends IssueCode> {
  readonly severity: Severity;
  readonly phase: IssuePhase;
  readonly seedLevel: SeedLevel | null;
  readonly deduction: number;
  readonly removesItems: boolean;
  readonly capsStatus: 'needs_review' | null;
  readonly source: string;
  readonly message: (details: IssueDetailsByCode[K], path: string | null) => string;
}

type Table = { readonly [K in IssueCode]: IssueSpec<K> };

/** Score points of one error (RULINGS "score thresholds": one error alone keeps a week above 70). */
const ERROR = 20;

const pct = (x: number): string => `${Math.round(x * 100)} %`;
const at = (path: string | null): string => (path === null || path === '' ? '(root)' : path);
/** `<path>: expected <type>, got <value>`, or `<path>: unknown key` (the codecs' `UNKNOWN_KEY`). */
const expectation = (
  d: { readonly expected: string; readonly received: string },
  path: string | null,
): string =>
  d.expected === 'unknown key'
    ? `${at(path)}: unknown key`
    : `${at(path)}: expected ${d.expected}, got ${d.received}`;

interface Row<K extends IssueCode> {
  readonly severity: Severity;
  readonly phase: IssuePhase;
  readonly seedLevel?: SeedLevel | null;
  readonly deduction?: number;
  readonly removesItems?: boolean;
  readonly capsStatus?: 'needs_review' | null;
  readonly source: string;
  readonly message: IssueSpec<K>['message'];
}

const row = <K extends IssueCode>(r: Row<K>): IssueSpec<K> =>
  Object.freeze({
    severity: r.severity,
    phase: r.phase,
    seedLevel: r.seedLevel ?? null,
    deduction: r.deduction ?? (r.severity === 'error' ? ERROR : r.severity === 'warning' ? 2 : 0),
    removesItems: r.removesItems ?? false,
    capsStatus: r.capsStatus ?? null,
    source: r.source,
    message: r.message,
  });

/**
 * The issue table. Warnings deduct 2 points unless their row says otherwise, errors 20, info 0;
 * the warnings of a week deduct at most `policy.validation.maxWarningDeduction` together.
 *
 * Source: seed 001 "Error Handling", §7.2-§7.3 warning types; RULINGS "Errors and degradation",
 * "Validation".
 *
 * @since 0.2.0
 * @category issues
 */
export const ISSUE_CODES: Table = Object.freeze({
  // ---------------------------------------------------------------- input and ports
  invalid_input: row<'invalid_input'>({
    severity: 'error',
    phase: 'input',
    seedLevel: 'CRITICAL',
    source: 'STYLE io-ts boundary; 001 abort conditions',
    message: (d, p) => expectation(d, p),
  }),
  invalid_policy: row<'invalid_policy'>({
    severity: 'error',
    phase: 'input',
    seedLevel: 'CRITICAL',
    source: 'RULINGS intro (one typed policy a caller can override)',
    message: (d, p) => expectation(d, p),
  }),
  invalid_option: row<'invalid_option'>({
    severity: 'error',
    phase: 'input',
    source: 'STYLE io-ts boundary',
    message: (d, p) => expectation(d, p),
  }),
  decode_error: row<'decode_error'>({
    severity: 'error',
    phase: 'ports',
    seedLevel: 'CRITICAL',
    source: 'RULINGS "trusted ports"; STYLE io-ts boundary',
    message: (d, p) => expectation(d, p),
  }),
  duplicate_record: row<'duplicate_record'>({
    severity: 'error',
    phase: 'ports',
    source: 'issue 4 "the boundary decodes everything"',
    message: (d, p) => `${at(p)}: duplicate ${d.collection} ${d.key} (first at ${d.firstPath})`,
  }),
  port_failure: row<'port_failure'>({
    severity: 'error',
    phase: 'ports',
    seedLevel: 'CRITICAL',
    source: '001 "MCP server unavailable after retries"; RULINGS "port faults"',
    message: (d) =>
      `${d.port} failed (${d.kind}${d.attempts > 1 ? ` after ${d.attempts} attempts` : ''}): ${d.reason}`,
  }),
  port_timeout: row<'port_timeout'>({
    severity: 'error',
    phase: 'ports',
    seedLevel: 'CRITICAL',
    source: '001 "Timeout Configuration"; RULINGS "port faults"',
    message: (d) =>
      `${d.port} timed out${d.attempts > 1 ? ` on each of ${d.attempts} attempts` : ''}: ${d.reason}`,
  }),
  port_failed: row<'port_failed'>({
    severity: 'warning',
    phase: 'ports',
    seedLevel: 'MEDIUM',
    source: '001 phase 1 recovery (fallbacks); RULINGS "port faults"',
    message: (d) => `${d.port} failed (${d.kind}): ${d.reason} - using ${d.fallback}`,
  }),
  internal_error: row<'internal_error'>({
    severity: 'error',
    phase: 'validation',
    seedLevel: 'CRITICAL',
    source: 'STYLE "a thrown exception is a bug"',
    message: (d) => `Internal error (a bug, please report it): ${d.reason}`,
  }),
  // ---------------------------------------------------------------- load
  creator_not_found: row<'creator_not_found'>({
    severity: 'error',
    phase: 'load',
    seedLevel: 'CRITICAL',
    source: '001 phase 1 recovery "creator_not_found"',
    message: (d) => `Creator ID '${d.creatorId}' not found`,
  }),
  trends_missing: row<'trends_missing'>({
    severity: 'info',
    phase: 'load',
    seedLevel: 'MEDIUM',
    source: '001 phase 1 "Performance trends unavailable"; 002 data source priority',
    message: () => 'Performance trends unavailable - scores from history or neutral defaults',
  }),
  vault_missing_assumed: row<'vault_missing_assumed'>({
    severity: 'warning',
    phase: 'load',
    seedLevel: 'MEDIUM',
    source: '001 phase 1 "Vault data missing"',
    message: () => 'Vault data missing - assuming content availability',
  }),
  timing_default: row<'timing_default'>({
    severity: 'info',
    phase: 'load',
    seedLevel: 'LOW',
    source: '001 phase 1 "Best timing missing"',
    message: (d) => `Best timing data missing - using generic peak hours ${d.peakHours.join(', ')}`,
  }),
  persona_missing: row<'persona_missing'>({
    severity: 'info',
    phase: 'load',
    seedLevel: 'LOW',
    source: '001 phase 3 "Persona profile missing"',
    message: () => 'Persona profile missing - neutral persona scores',
  }),
  // ---------------------------------------------------------------- volume
  volume_degraded: row<'volume_degraded'>({
    severity: 'warning',
    phase: 'volume',
    seedLevel: 'MEDIUM',
    deduction: 2,
    source: '001 "Volume Configuration Degradation"; RULINGS "new and sparse creators"',
    message: (d) =>
      `${
        d.level === 'minimum_safe'
          ? 'No volume data - using minimum safe values'
          : d.level === 'base_tier'
            ? 'Optimization unavailable - using base tier'
            : 'Estimating tier from fan count'
      } (${d.quotas.revenue}/${d.quotas.engagement}/${d.quotas.retention} a day, confidence ${d.confidenceScore.toFixed(2)}): ${d.reason}`,
  }),
  elasticity_skipped: row<'elasticity_skipped'>({
    severity: 'info',
    phase: 'volume',
    source: '001 §1.2.1 module 5 (skipped without sufficient history)',
    message: (d) => `Elasticity check skipped: ${d.why}`,
  }),
  trait_analysis_skipped: row<'trait_analysis_skipped'>({
    severity: 'warning',
    phase: 'volume',
    seedLevel: 'MEDIUM',
    deduction: 1,
    source: '000 task 3.3 (invalid performance records)',
    message: (d) => `Top-performer trait analysis skipped: ${d.problems.join('; ')}`,
  }),
  invalid_trait_option: row<'invalid_trait_option'>({
    severity: 'error',
    phase: 'volume',
    source: '000 task 3.3 parameters',
    message: (d, p) => `${at(p)}: expected ${d.rule}, got ${String(d.value)}`,
  }),
  invalid_earnings: row<'invalid_earnings'>({
    severity: 'error',
    phase: 'volume',
    source: '000 task 3.3 records',
    message: (d, p) => `${at(p)}: expected a finite number >= 0 (USD), got ${String(d.earnings)}`,
  }),
  learning_signal_applied: row<'learning_signal_applied'>({
    severity: 'info',
    phase: 'volume',
    seedLevel: 'LOW',
    source: '004 `volume_adjustment_outcomes.learning_signal`; RULINGS "learning signal"',
    message: (d) =>
      d.pulled
        ? `Learning signal ${d.signal.toFixed(2)} of the last ${d.outcomes} ${d.kind} adjustments: the ${d.kind} multiplier ${d.ruleMultiplier} pulled toward 1, to ${Math.round(d.multiplier * 1000) / 1000}`
        : `Learning signal ${d.signal.toFixed(2)} of the last ${d.outcomes} ${d.kind} adjustments: the ${d.kind} multiplier ${d.ruleMultiplier} kept (a signal of 0 or more leaves it)`,
  }),
  actual_skipped: row<'actual_skipped'>({
    severity: 'warning',
    phase: 'input',
    source: '004 `volume_predictions` actual outcomes (`recordOutcomes` actuals)',
    message: (d, p) =>
      d.reason === 'unknown_slot'
        ? `${at(p)}: slot ${d.slotId ?? '(none)'} is not an item of the schedule; skipped`
        : d.reason === 'duplicate_slot'
          ? `${at(p)}: a second actual for slot ${d.slotId ?? '(none)'}; skipped, the first kept`
          : `${expectation(d, p)}; skipped`,
  }),
  game_record_skipped: row<'game_record_skipped'>({
    severity: 'warning',
    phase: 'load',
    source: '000 task 3.6 records (`GamePerformance`)',
    message: (d, p) => `${at(p)}: expected ${d.expected}, got ${d.received}; game record skipped`,
  }),
  kpi_record_skipped: row<'kpi_record_skipped'>({
    severity: 'warning',
    phase: 'input',
    source: '000 task 3.8 records (`computeDashboardKpis` input)',
    message: (d, p) => `${expectation(d, p)}; left out of the KPIs`,
  }),
  kpi_not_computable: row<'kpi_not_computable'>({
    severity: 'info',
    phase: 'validation',
    source: '000 task 3.8 KPI definitions',
    message: (d) => `${d.metric}: not computable (${d.reason.replaceAll('_', ' ')})`,
  }),
  // ---------------------------------------------------------------- A/B tests
  invalid_ab_test: row<'invalid_ab_test'>({
    severity: 'error',
    phase: 'input',
    source: '000 task 3.7 `VolumeABTest` fields; STYLE io-ts boundary',
    message: (d, p) => expectation(d, p),
  }),
  ab_test_sufficient: row<'ab_test_sufficient'>({
    severity: 'info',
    phase: 'validation',
    seedLevel: 'LOW',
    source: '000 task 3.7 `validate_test_completion` (sufficient)',
    message: (d) =>
      `Test has sufficient data (control: ${d.controlN}, treatment: ${d.treatmentN}, min: ${d.minRequired})`,
  }),
  ab_test_insufficient: row<'ab_test_insufficient'>({
    severity: 'warning',
    phase: 'validation',
    source: '000 task 3.7 `validate_test_completion` (insufficient)',
    message: (d) =>
      `Insufficient data. Need ${d.shortfallControl + d.shortfallTreatment} more observations.`,
  }),
  invalid_price: row<'invalid_price'>({
    severity: 'error',
    phase: 'volume',
    source: '000 task 3.3 records',
    message: (d, p) =>
      `${at(p)}: expected null or a finite number >= 0 (USD), got ${String(d.price)}`,
  }),
  // ---------------------------------------------------------------- allocation
  send_type_unavailable: row<'send_type_unavailable'>({
    severity: 'info',
    phase: 'allocation',
    seedLevel: 'MEDIUM',
    source: '001 §1.5, "Vault missing specific content types (skip those types)"',
    message: (d) => `${d.sendTypeKey} needs ${d.missing} the vault does not have`,
  }),
  quota_rebalanced: row<'quota_rebalanced'>({
    severity: 'info',
    phase: 'allocation',
    source: '001 §2.1 (weekly distribution primary); RULINGS "category balance is a hard rule"',
    message: (d) =>
      `${d.date}: ${d.from.revenue}/${d.from.engagement}/${d.from.retention} ${
        d.reason === 'capacity'
          ? "cannot be sent with the page's send types"
          : 'breaks the category balance'
      } - rebalanced to ${d.to.revenue}/${d.to.engagement}/${d.to.retention}`,
  }),
  quota_reduced: row<'quota_reduced'>({
    severity: 'warning',
    phase: 'allocation',
    seedLevel: 'MEDIUM',
    deduction: 1,
    removesItems: true,
    source: '001 phase 1 checkpoint bounds; RULINGS "nothing lost"',
    message: (d) =>
      `${d.date}: ${d.removed} planned ${d.category} item${d.removed === 1 ? '' : 's'} removed (${d.from} -> ${d.to}) ${
        d.reason === 'confidence'
          ? 'by the confidence dampening'
          : d.reason === 'bounds'
            ? 'by the per-day bounds'
            : d.reason === 'capacity'
              ? "because the page's send types cannot carry them"
              : 'to keep the category balance'
      }`,
  }),
  quota_dampened: row<'quota_dampened'>({
    severity: 'info',
    phase: 'allocation',
    source: '001 §2.2',
    message: (d) =>
      `Confidence ${d.confidenceScore.toFixed(2)} - revenue quotas damped toward conservative values`,
  }),
  quota_unfilled: row<'quota_unfilled'>({
    severity: 'warning',
    phase: 'allocation',
    seedLevel: 'MEDIUM',
    deduction: 1,
    removesItems: true,
    source: '001 phase 2; RULINGS "nothing lost"',
    message: (d) =>
      `${d.date}: no eligible ${d.category} send type left for ${d.removed} planned item${d.removed === 1 ? '' : 's'}`,
  }),
  diversity_restart: row<'diversity_restart'>({
    severity: 'info',
    phase: 'allocation',
    seedLevel: 'HIGH',
    source: '001 phase 2 recovery "diversity_check_failed"',
    message: (d) =>
      `Only ${d.distinct} send types (${d.revenue} revenue, ${d.engagement} engagement) - allocating again in variety mode`,
  }),
  diversity_shortfall: row<'diversity_shortfall'>({
    severity: 'warning',
    phase: 'allocation',
    seedLevel: 'HIGH',
    deduction: 3,
    source: '001 phase 2 checkpoint',
    message: (d) =>
      `Week uses ${d.distinct} send types (${d.revenue} revenue, ${d.engagement} engagement), under the ${d.minimums.distinct} / ${d.minimums.revenue} / ${d.minimums.engagement} minimums: ${
        d.limitedByPage
          ? 'the page and its vault do not offer enough send types'
          : 'the allocation could not reach them'
      }`,
  }),
  weekly_limit_removed: row<'weekly_limit_removed'>({
    severity: 'warning',
    phase: 'allocation',
    seedLevel: 'MEDIUM',
    deduction: 3,
    removesItems: true,
    source:
      '000 gap 7.1, task 3.5 (enforce by removing the lowest priority); RULINGS "weekly caps", "nothing lost"',
    message: (d) =>
      `${d.slotId} (${d.sendTypeKey}, ${d.date}) removed: ${d.count} ${d.sendTypeKey} planned this week (max: ${d.max}), the lowest priority goes`,
  }),
  // ---------------------------------------------------------------- content
  caption_threshold_lowered: row<'caption_threshold_lowered'>({
    severity: 'warning',
    phase: 'content',
    seedLevel: 'HIGH',
    source: '001 phase 3 recovery "zero_captions_available"',
    message: (d) =>
      `Caption shortage for ${d.sendTypeKey} (${d.slotId}): thresholds lowered to freshness ${d.minFreshness}, performance ${d.minPerformance}`,
  }),
  generic_caption_used: row<'generic_caption_used'>({
    severity: 'warning',
    phase: 'content',
    seedLevel: 'MEDIUM',
    source: '001 §3.5 strategy 2',
    message: (d) => `No ${d.sendTypeKey} caption for ${d.slotId}: using a generic caption`,
  }),
  manual_caption_required: row<'manual_caption_required'>({
    severity: 'warning',
    phase: 'content',
    seedLevel: 'HIGH',
    source: '001 "Caption Availability Degradation" final fallback; RULINGS "shortage"',
    message: (d) =>
      `No captions available for ${d.sendTypeKey} (${d.slotId}): manual creation required`,
  }),
  caption_freshness_low: row<'caption_freshness_low'>({
    severity: 'info',
    phase: 'content',
    seedLevel: 'MEDIUM',
    source: '001 phase 3 recovery "caption_freshness_low"',
    message: (d) =>
      `Caption freshness low (mean ${d.meanFreshness} < ${d.threshold}): prioritizing performance`,
  }),
  low_freshness: row<'low_freshness'>({
    severity: 'warning',
    phase: 'content',
    seedLevel: 'MEDIUM',
    deduction: 1,
    source: '001 §3.4, §7.3 warning types',
    message: (d) =>
      `Using low-freshness caption ${d.captionId} (${d.freshnessScore}) for ${d.slotId}`,
  }),
  media_missing: row<'media_missing'>({
    severity: 'warning',
    phase: 'content',
    seedLevel: 'MEDIUM',
    source: '001 §3.3; phase 3 "Vault content type mismatch"',
    message: (d) => `${d.slotId} (${d.sendTypeKey}): missing ${d.missing} in the vault`,
  }),
  // ---------------------------------------------------------------- targeting
  target_not_applicable: row<'target_not_applicable'>({
    severity: 'warning',
    phase: 'targeting',
    seedLevel: 'HIGH',
    source: '001 phase 4 "Page type mismatch"',
    message: (d) =>
      `${d.targetKey} is not available on ${d.pageType} pages - using all_active${d.slotId === null ? '' : ` for ${d.slotId}`}`,
  }),
  channel_switched: row<'channel_switched'>({
    severity: 'info',
    phase: 'targeting',
    seedLevel: 'MEDIUM',
    source: '001 phase 4 "Channel incompatible" (switch to a compatible channel)',
    message: (d) => `${d.sendTypeKey} moved from ${d.from} to ${d.to} to reach ${d.targetKey}`,
  }),
  channel_incompatible: row<'channel_incompatible'>({
    severity: 'warning',
    phase: 'targeting',
    seedLevel: 'MEDIUM',
    source: '001 "Audience Targeting Degradation" level 2',
    message: (d) => `${d.channelKey} cannot address ${d.targetKey} - using all_active`,
  }),
  // ---------------------------------------------------------------- timing
  second_channel_used: row<'second_channel_used'>({
    severity: 'info',
    phase: 'timing',
    source: 'RULINGS "Channels" (second channel)',
    message: (d) => `${d.slotId} moved from ${d.from} to ${d.to} to find a time`,
  }),
  spacing_relaxed: row<'spacing_relaxed'>({
    severity: 'warning',
    phase: 'timing',
    seedLevel: 'MEDIUM',
    deduction: 1,
    source: '001 "Timing Degradation" level 2; RULINGS "relaxation"',
    message: (d) =>
      `${d.slotId} placed with ${d.spacingMinutes}-minute spacing instead of ${d.targetSpacingMinutes}`,
  }),
  avoid_hours_relaxed: row<'avoid_hours_relaxed'>({
    severity: 'warning',
    phase: 'timing',
    seedLevel: 'MEDIUM',
    source: '001 "Timing Degradation" level 3',
    message: (d) => `${d.slotId} placed in avoid hour ${d.hour}`,
  }),
  fallback_slot_used: row<'fallback_slot_used'>({
    severity: 'info',
    phase: 'timing',
    source: '001 §5.3 fallback',
    message: (d) => `${d.slotId}: no preferred hour was free (placed at ${hhmm(d.minuteOfDay)})`,
  }),
  item_moved_next_day: row<'item_moved_next_day'>({
    severity: 'warning',
    phase: 'timing',
    seedLevel: 'HIGH',
    source: '001 "Timing Degradation" level 4; RULINGS "relaxation", "moved items"',
    message: (d) => `${d.slotId} did not fit on ${d.fromDate} and moves to ${d.toDate}`,
  }),
  item_dropped: row<'item_dropped'>({
    severity: 'warning',
    phase: 'timing',
    seedLevel: 'HIGH',
    deduction: 3,
    removesItems: true,
    source: '001 "Timing Degradation" final fallback; RULINGS "relaxation", "nothing lost"',
    message: (d) =>
      `${d.slotId} (${d.sendTypeKey}) ${
        d.reason === 'balance'
          ? 'dropped to keep the category balance after other items found no time'
          : `could not be scheduled: ${d.reason === 'no_valid_time' ? 'no valid time' : 'its date is outside the week'}`
      }`,
  }),
  link_drop_unlinked: row<'link_drop_unlinked'>({
    severity: 'info',
    phase: 'timing',
    source:
      '003 task 2.4 (`parent_id` of a link drop); docs/rulings.md "Timing" (link drop parent)',
    message: (d) =>
      `${d.slotId} (${d.sendTypeKey}) promotes no campaign: none was sent in the ${d.lookbackHours} hours before it`,
  }),
  // ---------------------------------------------------------------- follow-ups
  followups_not_applicable: row<'followups_not_applicable'>({
    severity: 'info',
    phase: 'followups',
    source: '001 §1.4 page types',
    message: (d) => `${d.sendTypeKey} does not apply to ${d.pageType} pages`,
  }),
  followup_limit: row<'followup_limit'>({
    severity: 'info',
    phase: 'followups',
    seedLevel: 'LOW',
    source: '000 gap 5.1; 001 phase 6 "Daily followup limit hit"',
    message: (d) =>
      `Follow-up limit of ${d.maxPerDay} reached on ${d.date}; no follow-up for ${d.parentItemId}`,
  }),
  late_night_followup: row<'late_night_followup'>({
    severity: 'warning',
    phase: 'followups',
    seedLevel: 'LOW',
    deduction: 1,
    source: 'RULINGS "late parents" (dropped, never moved to 08:00)',
    message: (d) =>
      `Follow-up of ${d.parentItemId} (${d.parentDate} ${d.parentTime}) would cross midnight; dropped`,
  }),
  followup_skipped: row<'followup_skipped'>({
    severity: 'warning',
    phase: 'followups',
    seedLevel: 'MEDIUM',
    deduction: 1,
    source: '001 §6.3',
    message: (d) =>
      `No delay of ${d.minDelayMinutes}-${d.maxDelayMinutes} minutes fits the follow-up of ${d.parentItemId}`,
  }),
  followup_manual_caption: row<'followup_manual_caption'>({
    severity: 'warning',
    phase: 'followups',
    seedLevel: 'MEDIUM',
    source: '001 phase 6 "No followup caption" (flag for manual)',
    message: (d) => `No unused follow-up caption for ${d.slotId}: manual creation required`,
  }),
  // ---------------------------------------------------------------- validation
  missing_field: row<'missing_field'>({
    severity: 'error',
    phase: 'validation',
    seedLevel: 'HIGH',
    source: '001 §7.2 check 1',
    message: (d) => `Missing required field: ${d.field}`,
  }),
  duplicate_slot_id: row<'duplicate_slot_id'>({
    severity: 'error',
    phase: 'validation',
    seedLevel: 'HIGH',
    source: '001 §7.1 (slot_id names one item); 003 task 2.2 (follow-ups link to it)',
    message: (d) => `Slot ${d.slotId} appears ${d.count} times: each item needs its own slot id`,
  }),
  local_time_mismatch: row<'local_time_mismatch'>({
    severity: 'error',
    phase: 'validation',
    seedLevel: 'HIGH',
    source:
      '001 §7.1; RULINGS "Timing" (time zones: the local date and time and the matching instant)',
    message: (d) =>
      `${d.slotId}: scheduled for ${d.scheduledDate} ${d.scheduledTime.slice(0, 5)} but its instant ${d.scheduledAt} is ${d.localDate} ${d.localTime} in ${d.timeZone} (edit both, or neither)`,
  }),
  duplicate_caption: row<'duplicate_caption'>({
    severity: 'warning',
    phase: 'validation',
    seedLevel: 'MEDIUM',
    source: '001 §7.2 check 2, §7.3 warning types',
    message: (d) => `Caption ${d.captionId} used ${d.count} times in schedule`,
  }),
  vault_missing: row<'vault_missing'>({
    severity: 'error',
    phase: 'validation',
    source: '001 §7.2 check 3, §7.3 warning types ("Error")',
    message: (d) => `Required content type ${d.contentTypeId} not in vault (${d.slotId})`,
  }),
  timing_conflict: row<'timing_conflict'>({
    severity: 'error',
    phase: 'validation',
    source: '001 §7.2 check 4, §7.3 ("Error"); RULINGS "no two sends share a minute"',
    message: (d) => `Timing conflict: ${d.slotIds.join(', ')} at ${d.scheduledAt}`,
  }),
  daily_volume_exceeded: row<'daily_volume_exceeded'>({
    severity: 'warning',
    phase: 'validation',
    source: '001 §7.2 check 5',
    message: (d) => `Daily limit exceeded: ${d.count} items on ${d.date} (max ${d.max})`,
  }),
  persona_mismatch: row<'persona_mismatch'>({
    severity: 'warning',
    phase: 'validation',
    source: '001 §7.2 check 6',
    message: (d) => `Caption of ${d.slotId} may not match creator persona`,
  }),
  orphaned_followup: row<'orphaned_followup'>({
    severity: 'error',
    phase: 'validation',
    source: '001 §7.2 check 7; phase 7 checkpoint',
    message: (d) => `Follow-up ${d.slotId} has invalid parent reference ${String(d.parentItemId)}`,
  }),
  caption_pool_low: row<'caption_pool_low'>({
    severity: 'warning',
    phase: 'validation',
    seedLevel: 'MEDIUM',
    deduction: 1,
    source: '001 §1.2.1 module 7, §7.2 check 8 ("Warning"); RULINGS "severities" (two codes)',
    message: (d) => `Low captions for ${d.sendTypeKey}: <${d.threshold} usable`,
  }),
  caption_pool_critical: row<'caption_pool_critical'>({
    severity: 'warning',
    phase: 'validation',
    seedLevel: 'MEDIUM',
    deduction: 2,
    capsStatus: 'needs_review',
    source:
      '001 §7.2 check 8 ("Critical": requires_caption_review); RULINGS "severities" (two codes)',
    message: (d) => `Critical shortage for ${d.sendTypeKey}: 0 usable captions`,
  }),
  low_confidence: row<'low_confidence'>({
    severity: 'warning',
    phase: 'validation',
    seedLevel: 'LOW',
    deduction: 3,
    source: '001 §7.2 check 9; RULINGS "severities" (low_confidence: warning)',
    message: (d) =>
      `Low confidence (${d.confidenceScore.toFixed(2)}) - volumes dampened toward conservative defaults`,
  }),
  outside_week: row<'outside_week'>({
    severity: 'error',
    phase: 'validation',
    source: 'RULINGS "Timing" (window)',
    message: (d) => `${d.slotId} on ${d.scheduledDate} is outside the week`,
  }),
  outside_window: row<'outside_window'>({
    severity: 'error',
    phase: 'validation',
    source: 'RULINGS "Timing" (window), "Follow-ups" (late parents)',
    message: (d) =>
      d.isFollowUp
        ? `Follow-up ${d.slotId} at ${d.scheduledDate} ${d.scheduledTime.slice(0, 5)} leaves its parent's day`
        : `${d.slotId} at ${d.scheduledTime.slice(0, 5)} is outside ${d.windowStart}-${d.windowEnd}`,
  }),
  round_minute: row<'round_minute'>({
    severity: 'error',
    phase: 'validation',
    source: '003 gap 10.7; RULINGS "jitter"',
    message: (d) => `${d.slotId} is scheduled on a round minute (${d.scheduledTime})`,
  }),
  spacing_violation: row<'spacing_violation'>({
    severity: 'error',
    phase: 'validation',
    source: 'RULINGS "spacing", "relaxation"',
    message: (d) =>
      `${d.slotIds[0]} and ${d.slotIds[1]} (${d.family}) are ${d.gapMinutes} minutes apart (minimum ${d.minMinutes})`,
  }),
  block_cap_exceeded: row<'block_cap_exceeded'>({
    severity: 'error',
    phase: 'validation',
    source: 'RULINGS "spacing" (3 per 4-hour block)',
    message: (d) =>
      `${d.count} ${d.family} sends on ${d.date} ${hhmm(d.blockStartMinute)}-${hhmm(d.blockStartMinute + d.blockMinutes)} (max ${d.max})`,
  }),
  type_gap_violation: row<'type_gap_violation'>({
    severity: 'error',
    phase: 'validation',
    source: '001 §5.6; RULINGS "per-type gaps"',
    message: (d) =>
      `${d.slotIds[0]} and ${d.slotIds[1]} (${d.sendTypeKey}) are ${d.gapMinutes} minutes apart (minimum ${d.minMinutes})`,
  }),
  clock_time_repeated: row<'clock_time_repeated'>({
    severity: 'error',
    phase: 'validation',
    source: '001 §5.5; RULINGS "Timing"',
    message: (d) => `Clock time ${d.scheduledTime} used ${d.count} times this week (max ${d.max})`,
  }),
  weekly_cap_exceeded: row<'weekly_cap_exceeded'>({
    severity: 'error',
    phase: 'validation',
    source: '001 §2.4; RULINGS "weekly caps"',
    message: (d) => `${d.sendTypeKey} over-scheduled: ${d.count}x this week (max: ${d.max})`,
  }),
  unknown_send_type: row<'unknown_send_type'>({
    severity: 'error',
    phase: 'validation',
    source: '001 §1.4',
    message: (d) => `Unknown send type ${d.sendTypeKey} (${d.slotId})`,
  }),
  send_type_not_for_page: row<'send_type_not_for_page'>({
    severity: 'error',
    phase: 'validation',
    source: '001 §1.4; phase 2 checkpoint',
    message: (d) => `${d.sendTypeKey} does not apply to ${d.pageType} pages (${d.slotId})`,
  }),
  target_not_for_page: row<'target_not_for_page'>({
    severity: 'error',
    phase: 'validation',
    source: '001 §4.1; phase 4 checkpoint',
    message: (d) => `Target ${d.targetKey} does not apply to ${d.pageType} pages (${d.slotId})`,
  }),
  followup_type_mismatch: row<'followup_type_mismatch'>({
    severity: 'error',
    phase: 'validation',
    source: '001 §6.2',
    message: (d) => `${d.slotId}: ${d.sendTypeKey} with isFollowUp ${d.isFollowUp}`,
  }),
  followup_delay_out_of_range: row<'followup_delay_out_of_range'>({
    severity: 'error',
    phase: 'validation',
    source: '003 task 2.3; RULINGS "Follow-ups" (window)',
    message: (d) =>
      `Follow-up ${d.slotId} delay ${d.followupDelayMinutes ?? 'null'} (gap ${d.gapMinutes ?? 'n/a'}) outside ${d.minDelayMinutes}-${d.maxDelayMinutes} minutes`,
  }),
  invalid_followup_parent: row<'invalid_followup_parent'>({
    severity: 'error',
    phase: 'validation',
    source: '001 §6.1; RULINGS "parents"',
    message: (d) =>
      `Follow-up ${d.slotId} has parent ${d.parentItemId} (${d.parentSendTypeKey}) that cannot have one`,
  }),
  invalid_link_drop_parent: row<'invalid_link_drop_parent'>({
    severity: 'error',
    phase: 'validation',
    source: '003 task 2.4; docs/rulings.md "Timing" (link drop parent)',
    message: (d) =>
      `Link drop ${d.slotId} has parent ${d.parentItemId}${d.parentSendTypeKey === null ? '' : ` (${d.parentSendTypeKey})`} ${
        d.reason === 'missing'
          ? 'that is not in the schedule'
          : d.reason === 'not_campaign'
            ? 'that is not a campaign'
            : d.reason === 'not_before'
              ? 'that is not sent before it'
              : `sent ${d.lookbackHours} hours or more before it`
      }`,
  }),
  followup_limit_exceeded: row<'followup_limit_exceeded'>({
    severity: 'error',
    phase: 'validation',
    source: '000 gap 5.1',
    message: (d) => `${d.count} follow-ups for parents of ${d.date} (max ${d.max})`,
  }),
  followup_gap_violation: row<'followup_gap_violation'>({
    severity: 'error',
    phase: 'validation',
    source: '001 §5.6 (ppv_followup 1 hour); RULINGS "Follow-ups" spacing',
    message: (d) =>
      `Follow-ups ${d.slotIds[0]} and ${d.slotIds[1]} are ${d.gapMinutes} minutes apart (minimum ${d.minMinutes})`,
  }),
  insufficient_diversity: row<'insufficient_diversity'>({
    severity: 'error',
    phase: 'validation',
    source: '001 phase 2 checkpoint; RULINGS "diversity", "revenue variety"',
    message: (d) => `Only ${d.actual} ${d.criterion.replace('_', ' ')} this week; need ${d.min}+`,
  }),
  insufficient_strategies: row<'insufficient_strategies'>({
    severity: 'error',
    phase: 'validation',
    source: '001 §2.3, phase 2 checkpoint',
    message: (d) => `Only ${d.distinct} distinct strategies this week; need ${d.min}+`,
  }),
  strategy_repeated: row<'strategy_repeated'>({
    severity: 'error',
    phase: 'validation',
    source: '001 §2.3; RULINGS "strategies"',
    message: (d) => `Strategy ${d.strategy} on consecutive days ${d.dates[0]} and ${d.dates[1]}`,
  }),
  strategy_mismatch: row<'strategy_mismatch'>({
    severity: 'error',
    phase: 'validation',
    source: 'RULINGS "moved items" (an item carries its day\'s strategy)',
    message: (d) =>
      `${d.slotId} on ${d.scheduledDate} carries strategy ${d.strategyUsed}, the day's is ${d.dayStrategy ?? 'none'}`,
  }),
  required_target_violated: row<'required_target_violated'>({
    severity: 'error',
    phase: 'validation',
    source: '001 §4.3; phase 4 checkpoint',
    message: (d) => `${d.slotId} must target ${d.requiredTarget}, not ${d.targetKey}`,
  }),
  unknown_target: row<'unknown_target'>({
    severity: 'error',
    phase: 'validation',
    source: '001 §4.1',
    message: (d) => `Unknown target ${d.targetKey} (${d.slotId})`,
  }),
  channel_target_unsupported: row<'channel_target_unsupported'>({
    severity: 'error',
    phase: 'validation',
    source: '001 §4.4; phase 4 checkpoint',
    message: (d) => `Channel ${d.channelKey} cannot reach ${d.targetKey} (${d.slotId})`,
  }),
  category_balance: row<'category_balance'>({
    severity: 'error',
    phase: 'validation',
    seedLevel: 'MEDIUM',
    source:
      '001 phase 7 checkpoint; RULINGS "category balance is a hard rule" (error, not warning)',
    message: (d) =>
      `${d.category} is ${pct(d.share)} of allocated items (${d.kind === 'min' ? 'minimum' : 'maximum'} ${pct(d.bound)})`,
  }),
  revenue_mix: row<'revenue_mix'>({
    severity: 'warning',
    phase: 'validation',
    deduction: 1,
    source: '000 gap 3.1; RULINGS "revenue / engagement mix" (a warning)',
    message: (d) =>
      `Revenue is ${pct(d.share)} of revenue + engagement items on ${d.date} (target ${pct(d.target)} +- ${pct(d.tolerance)})`,
  }),
  confidence_too_low: row<'confidence_too_low'>({
    severity: 'error',
    phase: 'validation',
    source: '001 consumption rule 5; RULINGS "confidence"',
    message: (d) =>
      `Confidence ${d.confidenceScore.toFixed(2)} is below ${d.min}; a manual override is required`,
  }),
  confidence_override_applied: row<'confidence_override_applied'>({
    severity: 'info',
    phase: 'validation',
    source: '001 consumption rule 5',
    message: (d) =>
      `Confidence ${d.confidenceScore.toFixed(2)} is below ${d.min}; accepted by manual override`,
  }),
  divergence_detected: row<'divergence_detected'>({
    severity: 'warning',
    phase: 'validation',
    deduction: 1,
    source: '001 §1.2.1 consumption matrix (phase 7b warning)',
    message: () => 'Saturation / opportunity horizons diverged; fused with divergence weights',
  }),
  elasticity_capped: row<'elasticity_capped'>({
    severity: 'warning',
    phase: 'validation',
    deduction: 1,
    source: '001 §1.2.1 module 5, consumption matrix (phase 7b warning)',
    message: (d) =>
      `Revenue quota capped at ${d.revenuePerDay} a day by diminishing returns (elasticity)`,
  }),
  bump_ratio: row<'bump_ratio'>({
    severity: 'warning',
    phase: 'validation',
    source: '000 task 3.1 validate_bump_ratio, gap 3.2',
    message: (d) =>
      d.reason === 'no_ppvs'
        ? `Found ${d.bumpCount} bumps but no PPVs - invalid ratio`
        : d.reason === 'no_bumps'
          ? 'No bumps scheduled - add engagement content'
          : d.reason === 'too_low'
            ? `Bump ratio too low (${(d.actualRatio ?? 0).toFixed(2)}x). Add ${d.bumpsNeeded ?? 0} bumps.`
            : `Bump ratio high (${(d.actualRatio ?? 0).toFixed(2)}x). Risk of inbox fatigue.`,
  }),
  bump_ratio_empty: row<'bump_ratio_empty'>({
    severity: 'info',
    phase: 'validation',
    source: '000 task 3.1 validate_bump_ratio',
    message: () => 'No PPVs or bumps in schedule - empty schedule?',
  }),
  manual_captions_excessive: row<'manual_captions_excessive'>({
    severity: 'warning',
    phase: 'validation',
    capsStatus: 'needs_review',
    source: 'RULINGS "manual captions" (more than 10 %: at best needs_review)',
    message: (d) =>
      `${d.manualItems} of ${d.totalItems} items (${pct(d.share)}) need a manual caption (more than ${pct(d.maxShare)}): needs review`,
  }),
  volume_accounting: row<'volume_accounting'>({
    severity: 'error',
    phase: 'validation',
    source: 'RULINGS "nothing lost"',
    message: (d) => {
      const gap = d.weeklyTotal - d.built - d.removed;
      return `Planned ${d.weeklyTotal} items; the week has ${d.built} (follow-ups apart) and ${d.removed} were reported removed: ${gap > 0 ? `${gap} unaccounted for` : `${-gap} more than planned`}`;
    },
  }),
  // ---------------------------------------------------------------- save
  save_refused: row<'save_refused'>({
    severity: 'info',
    phase: 'save',
    source: '001 §7.4 (save only passed weeks)',
    message: (d) => `Schedule not saved: ${d.reason}`,
  }),
  save_failed: row<'save_failed'>({
    severity: 'error',
    phase: 'save',
    seedLevel: 'CRITICAL',
    source:
      '001 phase 7 "Database save failure"; RULINGS "failed save" (an error issue, not an abort)',
    message: (d) =>
      `Schedule not saved: ${d.failedStep === null ? '' : `${d.failedStep} failed: `}${d.reason} (saga ${d.sagaStatus})`,
  }),
  save_duplicate: row<'save_duplicate'>({
    severity: 'info',
    phase: 'save',
    source: '003 task 2.5b (idempotency guard)',
    message: (d) =>
      `The same schedule was already saved as template ${d.templateId}; not saved again`,
  }),
  compensation_failed: row<'compensation_failed'>({
    severity: 'error',
    phase: 'save',
    source: '003 task 2.1b (saga compensation)',
    message: (d) => `Save compensation failed: ${d.errors.join('; ')}`,
  }),
  rotation_state_unreadable: row<'rotation_state_unreadable'>({
    severity: 'warning',
    phase: 'load',
    seedLevel: 'MEDIUM',
    source:
      '003 "Formal state machine" (error recovers through initializing); RULINGS "Rotation and state"',
    message: (d) =>
      `Stored rotation state of ${d.creatorId} is unreadable (${d.problems.join('; ')}); a new pattern starts`,
  }),
  rotation_state_normalized: row<'rotation_state_normalized'>({
    severity: 'info',
    phase: 'load',
    seedLevel: 'LOW',
    source: 'RULINGS "`004` states" (active = pattern_active; paused keeps the pattern)',
    message: (d) => `Stored rotation ${d.field} "${d.stored}" read as ${d.readAs}`,
  }),
  rotation_pattern_started: row<'rotation_pattern_started'>({
    severity: 'info',
    phase: 'allocation',
    seedLevel: 'LOW',
    source: '003 task 2.1 (_load_or_initialize); RULINGS "`004` pattern JSON"',
    message: (d) =>
      `Rotation pattern ${d.pattern.join(' -> ')} started on ${d.date} (${d.reason.replaceAll('_', ' ')})`,
  }),
  rotation_paused: row<'rotation_paused'>({
    severity: 'info',
    phase: 'allocation',
    seedLevel: 'LOW',
    source: 'RULINGS "`004` states" (paused keeps the pattern and does not rotate)',
    message: (d) =>
      `Rotation is paused: pattern ${d.pattern.join(' -> ')} (since ${d.patternStartDate}) kept all week`,
  }),
  rotation_state_ahead: row<'rotation_state_ahead'>({
    severity: 'warning',
    phase: 'allocation',
    seedLevel: 'MEDIUM',
    source: 'RULINGS "clock" (days on pattern count the schedule\'s own dates)',
    message: (d) =>
      `Stored pattern starts ${d.patternStartDate}, after the schedule's first date ${d.firstScheduleDate}; kept without rotating until then`,
  }),
  rotation_method_replaced: row<'rotation_method_replaced'>({
    severity: 'info',
    phase: 'allocation',
    seedLevel: 'LOW',
    source: 'RULINGS "reverse or shuffle gives the same pattern"',
    message: (d) =>
      `Rotation on ${d.date}: ${d.requested} gives the same pattern; ${d.used} used instead`,
  }),
  rotation_exhausted: row<'rotation_exhausted'>({
    severity: 'info',
    phase: 'allocation',
    seedLevel: 'LOW',
    source: '003 PATTERN_EXHAUSTED; RULINGS "exhausted" (least recently used pattern)',
    message: (d) =>
      `Every standard pattern was used in the last 14 days on ${d.date}; least recently used ${d.pattern.join(' -> ')} taken`,
  }),
  rotation_transition_refused: row<'rotation_transition_refused'>({
    severity: 'warning',
    phase: 'allocation',
    seedLevel: 'HIGH',
    source:
      '003 "Formal state machine" (InvalidTransitionError; error recovers through initializing)',
    message: (d) =>
      `Rotation on ${d.date}: cannot go from ${d.from} to ${d.to} (valid: ${d.validTargets.join(', ') || 'none'}); recovered through initializing`,
  }),
  bundle_send_replaced: row<'bundle_send_replaced'>({
    severity: 'info',
    phase: 'allocation',
    seedLevel: 'LOW',
    source: '003 task 2.2 (no two bundle PPVs in a row); RULINGS "bundle send types"',
    message: (d) =>
      `${d.date}: ${d.from} replaced by ${d.to} so the day's bundle-style PPVs can be sent apart`,
  }),
  ppv_style_misfit: row<'ppv_style_misfit'>({
    severity: 'info',
    phase: 'content',
    seedLevel: 'LOW',
    source:
      '003 task 2.1 styles; 004 "PPV Structure Validation"; issue 7 (caption matching prefers the fitting captions and reports a misfit)',
    message: (d) =>
      `${d.slotId} is a ${d.ppvStyle} PPV but no unused caption fits it:${d.structure === null ? '' : ` not a ${d.structure} caption (missing ${d.missing.join(', ')})`}${d.fits.length === 0 ? '' : ` content ${d.contentTypeId ?? 'none'} is not one of ${d.fits.join(', ')}`}`,
  }),
  same_style_repaired: row<'same_style_repaired'>({
    severity: 'info',
    phase: 'timing',
    seedLevel: 'LOW',
    source: '003 task 2.2 validate_and_repair_consecutive_styles; RULINGS "when styles are fixed"',
    message: (d) =>
      `Same-style repair on ${d.date}: ${d.strategy.replace('_', ' ')} of ${d.slotIds.join(', ')} (${d.violationsBefore} -> ${d.violationsAfter} violations)`,
  }),
  same_style_back_to_back: row<'same_style_back_to_back'>({
    severity: 'error',
    phase: 'validation',
    seedLevel: 'CRITICAL',
    source: '003 gap 1.2, task 2.2 (never two winner or two bundle PPVs in a row)',
    message: (d) => `Two ${d.ppvStyle} PPVs back to back: ${d.slotIds[0]} and ${d.slotIds[1]}`,
  }),
  same_style_same_period: row<'same_style_same_period'>({
    severity: 'error',
    phase: 'validation',
    seedLevel: 'CRITICAL',
    source: '003 gap 1.2, task 2.2 (AM/PM split for same styles within a day)',
    message: (d) =>
      `${d.slotIds.length} ${d.ppvStyle} PPVs in the ${d.period} of ${d.date} (${d.slotIds.join(', ')}); split them across AM and PM`,
  }),
  rotation_version_conflict: row<'rotation_version_conflict'>({
    severity: 'error',
    phase: 'save',
    seedLevel: 'CRITICAL',
    source: '003 task 2.9 (rotation tracker under concurrent updates); issue 7 (versioned state)',
    message: (d) =>
      `Rotation state of ${d.creatorId} was saved by another build (read version ${d.expectedVersion}, stored ${d.storedVersion ?? 'unknown'}); this week's state was not written`,
  }),
  // ---------------------------------------------------------------- PPV caption structure
  ppv_structure_misfit: row<'ppv_structure_misfit'>({
    severity: 'info',
    phase: 'content',
    seedLevel: 'LOW',
    deduction: 0,
    source: '004 "PPV Caption Structure Requirements"',
    message: (d) =>
      `Caption of ${d.slotId} (${d.ppvStyle ?? 'no style'}) fits ${d.found} of the ${d.found + d.missing.length} ${d.structure} elements (${d.required} needed)${d.missing.length > 0 ? `; missing: ${d.missing.join(', ')}` : ''}`,
  }),
  // ---------------------------------------------------------------- pins
  pin_skipped: row<'pin_skipped'>({
    severity: 'info',
    phase: 'timing',
    seedLevel: 'LOW',
    deduction: 0,
    source: '003 task 2.5 `schedule_pin` ("New item is lower priority, don\'t pin")',
    message: (d) =>
      `${d.itemId} not pinned: its priority is not above the lowest pinned priority (${d.lowestPinnedPriority})`,
  }),
  pin_evicted: row<'pin_evicted'>({
    severity: 'info',
    phase: 'timing',
    seedLevel: 'LOW',
    deduction: 0,
    source: '003 task 2.5 `schedule_pin` (the lowest-priority pin is unpinned for a higher one)',
    message: (d) => `Pin ${d.postId} (priority ${d.priority}) unpinned early for ${d.byItemId}`,
  }),
  pin_over_limit: row<'pin_over_limit'>({
    severity: 'info',
    phase: 'timing',
    seedLevel: 'LOW',
    deduction: 0,
    source: '003 gap 1.6 / task 2.5 `MAX_PINNED` (more pins than the maximum at the week start)',
    message: (d) =>
      `Pin ${d.postId} (priority ${d.priority}) unpinned at the week start: more than ${d.maxPinned} pins`,
  }),
  pin_candidate_invalid: row<'pin_candidate_invalid'>({
    severity: 'warning',
    phase: 'timing',
    seedLevel: 'MEDIUM',
    deduction: 1,
    source: 'STYLE io-ts boundary; 003 task 2.5 (pin candidates)',
    message: (d, p) =>
      `${at(p)}: ${d.itemId ?? 'an item'} not considered for pinning (${
        d.reason === 'duplicate_id'
          ? 'its id is already taken'
          : d.reason === 'outside_week'
            ? 'scheduled outside the week'
            : d.problems.join('; ')
      })`,
  }),
  pins_unreadable: row<'pins_unreadable'>({
    severity: 'warning',
    phase: 'load',
    seedLevel: 'MEDIUM',
    deduction: 1,
    source: '003 task 2.5 `_load_active_pins`; RULINGS "port faults" (the fallback, reported)',
    message: (d) =>
      `The current pins (${d.port}) could not be read: ${d.problems.join('; ')}; planned with ${d.fallback}`,
  }),
  // ---------------------------------------------------------------- timing profile
  timing_profile_applied: row<'timing_profile_applied'>({
    severity: 'info',
    phase: 'timing',
    seedLevel: 'LOW',
    deduction: 0,
    source: '003 task 2.8 (CreatorTimingProfile integration)',
    message: (d) =>
      `Creator timing profile applied: follow-ups ${d.followupWindow.min}-${d.followupWindow.max} min (${d.followupWindow.source}), next day ${d.allowNextDay ? 'allowed' : 'not allowed'}, ${d.amPmPreference ?? 'no AM/PM'} preference, ${d.timingVariation} timing variation (jitter ${d.jitterMinutes.min}..+${d.jitterMinutes.max} min)`,
  }),
  followup_window_default: row<'followup_window_default'>({
    severity: 'info',
    phase: 'followups',
    seedLevel: 'LOW',
    deduction: 0,
    source: 'RULINGS "creator window" (narrower than 10 minutes: the default window, reported)',
    message: (d) =>
      d.reason === 'late_parent'
        ? `Creator follow-up window ${d.minMinutes}-${d.maxMinutes} min does not fit before midnight after ${d.parentItemId ?? 'a late parent'}; its follow-up uses the default window inside the day`
        : `Creator follow-up window ${d.minMinutes}-${d.maxMinutes} min (average response ${d.avgResponseMinutes} min) is too narrow; the default window is used`,
  }),
  // ---------------------------------------------------------------- campaigns and games
  campaign_unavailable: row<'campaign_unavailable'>({
    severity: 'warning',
    phase: 'allocation',
    seedLevel: 'MEDIUM',
    source: '000 task 3.2; RULINGS "Allocation" campaigns (the page or vault cannot send the type)',
    message: (d) =>
      `No ${d.campaignType} can be planned: the page or vault cannot send its send type`,
  }),
  game_campaign_skipped: row<'game_campaign_skipped'>({
    severity: 'warning',
    phase: 'allocation',
    seedLevel: 'MEDIUM',
    source: 'RULINGS "avoid list vs cadence" (the avoid list wins); 000 task 3.6',
    message: (d) => `No ${d.campaignType} this week: every game it could play is on the avoid list`,
  }),
  campaign_week_short: row<'campaign_week_short'>({
    severity: 'warning',
    phase: 'allocation',
    seedLevel: 'HIGH',
    source: 'RULINGS "total" (at least 14 a month: at least 4 every week)',
    message: (d) =>
      `Only ${d.planned} campaigns could be planned this week (at least ${d.minimum} wanted)`,
  }),
  game_type_substituted: row<'game_type_substituted'>({
    severity: 'info',
    phase: 'allocation',
    seedLevel: 'LOW',
    source: 'RULINGS "avoid list vs cadence"; 000 task 3.6 avoid list',
    message: (d) =>
      `${d.from} is on the avoid list: the weekly ${d.campaignType} slot plays ${d.to} instead`,
  }),
  campaign_unplaced: row<'campaign_unplaced'>({
    severity: 'warning',
    phase: 'allocation',
    seedLevel: 'MEDIUM',
    removesItems: true,
    source: '000 task 3.2; RULINGS "nothing lost" (a planned campaign the day cannot take)',
    message: (d) =>
      `${d.date}: the planned ${d.campaignType} (${d.sendTypeKey}) was not placed (${d.reason.replace(/_/g, ' ')})`,
  }),
  campaign_deferred: row<'campaign_deferred'>({
    severity: 'info',
    phase: 'allocation',
    seedLevel: 'LOW',
    source: '000 task 3.2 (days between); RULINGS "cadence" (the plan continues)',
    message: (d) =>
      `${d.date}: the planned ${d.campaignType} (${d.sendTypeKey}) moved to ${d.to} (${d.reason.replace(/_/g, ' ')})`,
  }),
  campaign_caption_misfit: row<'campaign_caption_misfit'>({
    severity: 'info',
    phase: 'content',
    seedLevel: 'LOW',
    source: 'issue 8 (captions for campaigns fit the type); 004 "Wall Campaign" structure',
    message: (d) =>
      `${d.slotId} is a ${d.campaignType}${d.gameType === null ? '' : ` (${d.gameType})`} but no unused caption fits it: missing ${d.missing.join(', ')}`,
  }),
  campaign_same_day: row<'campaign_same_day'>({
    severity: 'error',
    phase: 'validation',
    seedLevel: 'CRITICAL',
    source: '000 task 3.2 validate_campaign_frequency (same-day campaigns: critical)',
    message: (d) =>
      `${d.campaignType} scheduled multiple times on ${d.date}. Consider spreading across days.`,
  }),
  campaign_too_close: row<'campaign_too_close'>({
    severity: 'warning',
    phase: 'validation',
    seedLevel: 'HIGH',
    source: '000 task 3.2 validate_campaign_frequency (min_days_between: high)',
    message: (d) =>
      `${d.campaignType} on ${d.date} is only ${d.daysApart} days after previous (min: ${d.minDaysBetween})`,
  }),
  campaign_gap_exceeded: row<'campaign_gap_exceeded'>({
    severity: 'warning',
    phase: 'validation',
    seedLevel: 'MEDIUM',
    source: '000 task 3.2 validate_campaign_frequency (max_days_between: medium)',
    message: (d) =>
      `${d.campaignType} gap of ${d.daysApart} days exceeds max (${d.maxDaysBetween}). Opportunity loss.`,
  }),
  campaign_under_scheduled: row<'campaign_under_scheduled'>({
    severity: 'warning',
    phase: 'validation',
    seedLevel: 'HIGH',
    source: '000 task 3.2 validate_campaign_frequency (monthly volume: high)',
    message: (d) =>
      `${d.campaignType} under-scheduled: ${d.monthlyProjection.toFixed(0)}/month projected (target: ${d.monthlyTarget[0]}-${d.monthlyTarget[1]}). Add ~${d.shortfall.toFixed(0)} more.`,
  }),
  campaign_missing: row<'campaign_missing'>({
    severity: 'info',
    phase: 'validation',
    seedLevel: 'LOW',
    source: '000 task 3.2 validate_campaign_frequency (recommendations)',
    message: (d) =>
      `No ${d.campaignType} scheduled. Add ${d.monthlyTarget[0]}-${d.monthlyTarget[1]}/month.`,
  }),
  campaign_total_low: row<'campaign_total_low'>({
    severity: 'error',
    phase: 'validation',
    seedLevel: 'CRITICAL',
    source: '000 task 3.2 validate_campaign_frequency (overall: critical); RULINGS "total"',
    message: (d) =>
      `Total campaign volume too low: ${d.monthlyProjection.toFixed(0)}/month (target: at least ${d.minPerMonth})`,
  }),
  matrix_ratio_shortfall: row<'matrix_ratio_shortfall'>({
    severity: 'info',
    phase: 'allocation',
    seedLevel: 'LOW',
    source:
      '000 task 3.1 (the matrix is aimed at); RULINGS "category balance is a hard rule" (the balance wins, the ratio shortfall is reported)',
    message: (d) =>
      `${d.date}: ${d.bumpCount} bumps to ${d.ppvCount} PPVs (${d.actualRatio === null ? 'no PPVs' : `${d.actualRatio.toFixed(2)}x`}) is outside the matrix range ${d.expectedRange[0].toFixed(2)}-${d.expectedRange[1].toFixed(2)}x; the day's quotas (${d.quotas.revenue} revenue, ${d.quotas.engagement} engagement) or its send types could not carry it`,
  }),
  campaign_history_low: row<'campaign_history_low'>({
    severity: 'warning',
    phase: 'validation',
    seedLevel: 'HIGH',
    source:
      '000 task 3.2 overall check over the lookback; RULINGS "new and sparse creators" (less data never gives a worse outcome)',
    message: (d) =>
      `Campaigns of the last ${d.daysCovered} days project ${d.monthlyProjection.toFixed(0)}/month (target: at least ${d.minPerMonth}); this week alone projects ${d.weekProjection.toFixed(0)}/month`,
  }),
  game_limit_exceeded: row<'game_limit_exceeded'>({
    severity: 'error',
    phase: 'validation',
    seedLevel: 'CRITICAL',
    source: 'RULINGS "games" (spin the wheel once a week, another game at most once)',
    message: (d) => `${d.count} ${d.campaignType} game posts this week (max: ${d.max})`,
  }),
} satisfies Table);

/**
 * Every issue code, in table order.
 *
 * @since 0.2.0
 * @category issues
 */
export const ISSUE_CODE_LIST: ReadonlyArray<IssueCode> = Object.freeze(
  Object.keys(ISSUE_CODES) as IssueCode[],
);

/**
 * Builds an issue of `code`: severity, phase and message come from `ISSUE_CODES`.
 *
 * @example
 * issue('low_confidence', { confidenceScore: 0.45, messageCount: 20 })
 * // { code: 'low_confidence', severity: 'warning', phase: 'validation', path: null,
 * //   message: 'Low confidence (0.45) - volumes dampened toward conservative defaults', details }
 *
 * @since 0.1.0
 * @category issues
 */
export const issue = <K extends IssueCode>(
  code: K,
  details: IssueDetailsByCode[K],
  path: string | null = null,
): IssueOf<K> => {
  const spec = ISSUE_CODES[code] as IssueSpec<K>;
  let message: string;
  try {
    message = spec.message(details, path);
  } catch {
    message = code;
  }
  return {
    code,
    severity: spec.severity,
    phase: spec.phase,
    path,
    message,
    details: details as Readonly<IssueDetailsByCode[K]> & OpenDetails,
  };
};

/**
 * Planned items an issue reports as removed: `details.removed` for codes whose row has
 * `removesItems`, else 0. Source: RULINGS "nothing lost".
 *
 * @since 0.2.0
 * @category issues
 */
export const removedItemsOf = (i: Issue): number => {
  if (!ISSUE_CODES[i.code].removesItems) return 0;
  const n = i.details.removed;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0;
};

/**
 * Why `buildSchedule` could not produce a schedule at all. Everything short of these is a
 * warning or error inside the validation report.
 *
 * - `INVALID_INPUT`: the inputs or policy overrides failed to decode; `issues` name each field.
 * - `DECODE_FAILED`: a port answered data that failed to decode; `issues` name each path.
 * - `CREATOR_NOT_FOUND`: the profile port answered nothing (001 Phase 1 "CRITICAL").
 * - `PORT_FAILURE`: a required port failed (threw, rejected, answered a `Left` or garbage, or its
 *   circuit breaker is open); `issues` hold one `port_failure` naming the port.
 * - `PORT_TIMEOUT`: a required port did not answer in time (`withResilience`).
 * - `INTERNAL_ERROR`: a bug of this library (a thrown exception); never expected.
 *
 * @since 0.1.0
 * @category issues
 */
export interface ScheduleError {
  readonly code:
    | 'INVALID_INPUT'
    | 'DECODE_FAILED'
    | 'CREATOR_NOT_FOUND'
    | 'PORT_FAILURE'
    | 'PORT_TIMEOUT'
    | 'INTERNAL_ERROR';
  readonly message: string;
  readonly issues: ReadonlyArray<Issue>;
  /** The phase or checkpoint the build stopped at. */
  readonly phase: IssuePhase;
  readonly cause?: unknown;
}

/**
 * A `ScheduleError` whose message joins its issues' messages.
 *
 * @since 0.2.0
 * @category issues
 */
export const scheduleError = (
  code: ScheduleError['code'],
  phase: IssuePhase,
  issues: ReadonlyArray<Issue>,
  cause?: unknown,
): ScheduleError => ({
  code,
  phase,
  message: issues.map((i) => i.message).join('; ') || code,
  issues,
  ...(cause === undefined ? {} : { cause }),
});
