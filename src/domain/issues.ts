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
import type { Category } from './catalog';
import type { CategoryCounts } from './stages';
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

/**
 * The `details` of each issue code: the numbers and names behind it. Every message is rendered
 * from these (see `ISSUE_CODES`).
 *
 * @since 0.2.0
 * @category issues
 */
export interface IssueDetailsByCode {
  // ------------------------------------------------------------------ input and ports
  /** A caller input fails its codec (`buildSchedule` inputs, a schedule read back, an option); `path` names the value. Error; the build stops with a `Left`. Source: STYLE io-ts boundary; 001 abort conditions. */
  readonly invalid_input: {
    /** What the value should have been (the codec or rule name, e.g. `integer in 0..30`). */
    readonly expected: string;
    /** The value received, rendered as text (JSON where possible). */
    readonly received: string;
  };
  /** A policy override is out of range, has an unknown key, or breaks an invariant between leaves (`resolvePolicy`). Error. Source: RULINGS intro. */
  readonly invalid_policy: {
    /** What the value should have been (the codec or rule name, e.g. `integer in 0..30`). */
    readonly expected: string;
    /** The value received, rendered as text (JSON where possible). */
    readonly received: string;
  };
  /** A function option is out of range or of the wrong type. Error. Source: STYLE io-ts boundary. */
  readonly invalid_option: {
    /** What the value should have been (the codec or rule name, e.g. `integer in 0..30`). */
    readonly expected: string;
    /** The value received, rendered as text (JSON where possible). */
    readonly received: string;
  };
  /** A port answered data that does not decode; `path` names the failing value. Error. Source: RULINGS "trusted ports". */
  readonly decode_error: {
    /** The port whose answer failed (`getCaptionCandidates`), `null` for a dataset decoded as a whole. */
    readonly port: string | null;
    /** What the value should have been (the codec or rule name, e.g. `integer in 0..30`). */
    readonly expected: string;
    /** The value received, rendered as text (JSON where possible). */
    readonly received: string;
  };
  /** A port or dataset answered two records with the same key. Error. Source: issue 4 ("the boundary decodes everything"). */
  readonly duplicate_record: {
    /** What kind of record is duplicated (`creators`, `captions`...). */
    readonly collection: string;
    /** The duplicated key (a creator id, a caption id...). */
    readonly key: string;
    /** Path of the first record with that key. */
    readonly firstPath: string;
  };
  /** A required port failed after its retries; the build stops. Error. Source: 001 "MCP server unavailable after retries"; RULINGS "port faults". */
  readonly port_failure: {
    /** The port name (`getCreatorProfile`...). */
    readonly port: string;
    /** How it failed: a `PortFaultKind` (`threw`, `rejected`, `timeout`, `circuit_open`...). */
    readonly kind: string;
    /** Calls made, retries included. */
    readonly attempts: number;
    /** The failure message of the last attempt. */
    readonly reason: string;
  };
  /** A required port timed out on every attempt; the build stops. Error. Source: 001 "Timeout Configuration". */
  readonly port_timeout: {
    /** Name of the port (`getCreatorProfile`...). */
    readonly port: string;
    /** Calls made, retries included. */
    readonly attempts: number;
    /** The timeout message of the last attempt. */
    readonly reason: string;
  };
  /** An optional port failed; the build continues with the seed fallback. Warning. Source: 001 phase 1 recovery; RULINGS "port faults". */
  readonly port_failed: {
    /** Name of the port (`getCreatorProfile`...). */
    readonly port: string;
    /** How it failed: a `PortFaultKind` (`decode` for an answer that did not decode). */
    readonly kind: string;
    /** Calls made, retries included. */
    readonly attempts: number;
    /** The failure message (the failing paths for `decode`). */
    readonly reason: string;
    /** What is used instead (`no timing profile`, `generic peak hours`...). */
    readonly fallback: string;
  };
  /** A function threw: a bug in the library, reported as data instead of an exception. Error. Source: STYLE "a thrown exception is a bug". */
  readonly internal_error: {
    /** The thrown error's message. */
    readonly reason: string;
  };
  // ------------------------------------------------------------------ load
  /** The profile port answered `null` for the creator; the build stops. Error. Source: 001 phase 1 recovery "creator_not_found". */
  readonly creator_not_found: {
    /** The creator id asked for. */
    readonly creatorId: string;
  };
  /** No tracked performance trends: the scores come from history or are neutral. Info. Source: 001 phase 1; 002 "Data Sources Priority". */
  readonly trends_missing: Readonly<Record<string, never>>;
  /** No vault data: every content type is assumed available. Warning. Source: 001 phase 1 "Vault data missing". */
  readonly vault_missing_assumed: Readonly<Record<string, never>>;
  /** No best-timing data: the generic peak and avoid hours are used. Info. Source: 001 phase 1 "Best timing missing". */
  readonly timing_default: {
    /** The generic peak hours used, local hours 0-23 (`policy.timing.defaultPeakHours`). */
    readonly peakHours: ReadonlyArray<number>;
    /** The generic avoid hours used, local hours 0-23. */
    readonly avoidHours: ReadonlyArray<number>;
  };
  /** No persona profile: every caption scores a neutral persona score. Info. Source: 001 phase 3 "Persona profile missing". */
  readonly persona_missing: Readonly<Record<string, never>>;
  // ------------------------------------------------------------------ volume
  /** Volume fell back to a degradation level of 001 "Volume Configuration Degradation". Warning. */
  readonly volume_degraded: {
    /** The fallback level: `base_tier` (optimisation failed), `fan_count_estimate` (tier from the fan count), `minimum_safe` (no data). */
    readonly level: 'base_tier' | 'fan_count_estimate' | 'minimum_safe';
    /** The confidence (0-1) the level sets. */
    readonly confidenceScore: number;
    /** Why the volume engine fell back. */
    readonly reason: string;
    /** The daily quotas used, items per day by category. */
    readonly quotas: CategoryCounts;
  };
  /** The elasticity check was not applied (not enough volume history, or no usable fit). Info. Source: 001 §1.2.1 module 5. */
  readonly elasticity_skipped: {
    /** The `ElasticitySkipReason` (`insufficient_volume_levels`, `no_positive_response`, `poor_fit`). */
    readonly reason: string;
    /** The reason in words, with the numbers behind it. */
    readonly why: string;
    /** Volume levels (PPVs per day) with enough days to count. */
    readonly levels: number;
    /** R^2 of the fit (0-1), `null` when no fit was computed. */
    readonly rSquared: number | null;
  };
  /** The caption-trait analysis was skipped because its records are invalid. Warning. Source: 000 task 3.3. */
  readonly trait_analysis_skipped: {
    /** What is wrong with the records, one text each. */
    readonly problems: ReadonlyArray<string>;
  };
  /** An option of the trait analysis is out of range. Error. Source: 000 task 3.3 parameters. */
  readonly invalid_trait_option: {
    /** The option name (`topN`, `alpha`...). */
    readonly field: string;
    /** What it should be (`an integer >= 1`). */
    readonly rule: string;
    /** The value given. */
    readonly value: unknown;
  };
  /** A performance record's earnings are not a finite number >= 0. Error. Source: 000 task 3.3 records. */
  readonly invalid_earnings: {
    /** Id of the performance record. */
    readonly id: string;
    /** The earnings given. */
    readonly earnings: unknown;
  };
  /** A performance record's price is neither `null` nor a finite number >= 0. Error. Source: 000 task 3.3 records. */
  readonly invalid_price: {
    /** Id of the performance record. */
    readonly id: string;
    /** The price given. */
    readonly price: unknown;
  };
  /** The learning signal of past volume adjustments was read for a kind of 002 multiplier. Info. Source: 004 `volume_adjustment_outcomes.learning_signal`. */
  readonly learning_signal_applied: {
    /** Which multiplier: `saturation` or `opportunity`. */
    readonly kind: 'saturation' | 'opportunity';
    /** The mean learning signal, -1..1 (below 0: past adjustments of this kind did not pay). */
    readonly signal: number;
    /** Outcomes the mean is over (at most `policy.records.learning.lookbackOutcomes`). */
    readonly outcomes: number;
    /** The multiplier the 002 rule gives this week. */
    readonly ruleMultiplier: number;
    /** The multiplier used after the signal. */
    readonly multiplier: number;
    /** Whether the signal pulled the multiplier toward 1 (a negative signal). */
    readonly pulled: boolean;
  };
  /** An actual outcome given to `recordOutcomes` was skipped. Warning. Source: 004 `volume_predictions` actual outcomes. */
  readonly actual_skipped: {
    /** `invalid` (it does not decode), `unknown_slot` (no such item in the schedule), `duplicate_slot` (a second actual for a slot; the first is kept). */
    readonly reason: 'invalid' | 'unknown_slot' | 'duplicate_slot';
    /** The slot id the actual names, `null` when it has none. */
    readonly slotId: string | null;
    /** What the value should have been (the codec or rule name, e.g. `integer in 0..30`). */
    readonly expected: string;
    /** The value received, rendered as text (JSON where possible). */
    readonly received: string;
  };
  /** A game performance record was skipped by the game tracker. Warning. Source: 000 task 3.6 `GamePerformance`. */
  readonly game_record_skipped: {
    /** Index of the record in the input. */
    readonly index: number;
    /** The field that is wrong (`record` for the record as a whole). */
    readonly field: 'record' | 'gameType' | 'earnings' | 'date' | 'creatorId';
    /** What the value should have been (the codec or rule name, e.g. `integer in 0..30`). */
    readonly expected: string;
    /** The value received, rendered as text (JSON where possible). */
    readonly received: string;
  };
  /** A record given to the KPI dashboard does not decode and is left out of the KPIs. Warning. Source: 000 task 3.8. */
  readonly kpi_record_skipped: {
    /** What the value should have been (the codec or rule name, e.g. `integer in 0..30`). */
    readonly expected: string;
    /** The value received, rendered as text (JSON where possible). */
    readonly received: string;
  };
  /** A KPI has no value (no data to compute it from). Info. Source: 000 task 3.8. */
  readonly kpi_not_computable: {
    /** The KPI (`volume_prediction_mape`...). */
    readonly metric: string;
    /** Why (a `KpiNullReason`, e.g. `no_predictions`). */
    readonly reason: string;
  };
  // ------------------------------------------------------------------ A/B tests
  /** An A/B test definition or arm configuration is invalid. Error. Source: 000 task 3.7 `VolumeABTest`. */
  readonly invalid_ab_test: {
    /** What the value should have been (the codec or rule name, e.g. `integer in 0..30`). */
    readonly expected: string;
    /** The value received, rendered as text (JSON where possible). */
    readonly received: string;
  };
  /** An A/B test has enough observations in both groups. Info. Source: 000 task 3.7 `validate_test_completion`. */
  readonly ab_test_sufficient: {
    /** Id of the A/B test. */
    readonly testId: string;
    /** Observations in the control group. */
    readonly controlN: number;
    /** Observations in the treatment group. */
    readonly treatmentN: number;
    /** Observations each group needs (the power analysis). */
    readonly minRequired: number;
  };
  /** An A/B test does not have enough observations yet. Warning. Source: 000 task 3.7 `validate_test_completion`. */
  readonly ab_test_insufficient: {
    /** Id of the A/B test. */
    readonly testId: string;
    /** Observations in the control group. */
    readonly controlN: number;
    /** Observations in the treatment group. */
    readonly treatmentN: number;
    /** Observations each group needs. */
    readonly minRequired: number;
    /** Observations the control group still lacks. */
    readonly shortfallControl: number;
    /** Observations the treatment group still lacks. */
    readonly shortfallTreatment: number;
    /** Days more the seed recommends: `max(shortfalls) // observationsPerDay + 1`. */
    readonly additionalDays: number;
  };
  // ------------------------------------------------------------------ allocation
  /** A send type cannot be allocated because the vault lacks what it needs. Info. Source: 001 §1.5. */
  readonly send_type_unavailable: {
    /** The send type left out. */
    readonly sendTypeKey: string;
    /** What it needs that the vault lacks (`video`, `flyers`...). */
    readonly missing: string;
  };
  /** A day's category quotas were moved between categories. Info. Source: 001 §2.1; RULINGS "category balance is a hard rule". */
  readonly quota_rebalanced: {
    /** The local date `YYYY-MM-DD`. */
    readonly date: string;
    /** The day's index in the week, 0-6. */
    readonly dayIndex: number;
    /** The quotas before, items by category. */
    readonly from: CategoryCounts;
    /** The quotas after, items by category. */
    readonly to: CategoryCounts;
    /** `capacity` (the page's send types cannot carry the quotas) or `balance` (they break the category balance). */
    readonly reason: 'capacity' | 'balance';
  };
  /** Planned items of a category were removed from a day. Warning; the removed items are counted. Source: 001 phase 1 checkpoint bounds; RULINGS "nothing lost". */
  readonly quota_reduced: {
    /** The local date `YYYY-MM-DD`. */
    readonly date: string;
    /** The category reduced. */
    readonly category: Category;
    /** Items removed. */
    readonly removed: number;
    /** Why: `confidence` (dampening), `bounds` (per-day bounds), `capacity` (no send types to carry them), `balance` (category balance). */
    readonly reason: 'confidence' | 'bounds' | 'capacity' | 'balance';
    /** Items of the category before. */
    readonly from: number;
    /** Items of the category after. */
    readonly to: number;
  };
  /** Low volume confidence damped the revenue quotas toward the conservative quotas. Info. Source: 001 §2.2. */
  readonly quota_dampened: {
    /** The volume confidence, 0-1. */
    readonly confidenceScore: number;
  };
  /** No eligible send type was left for planned items of a category. Warning; the items are counted as removed. Source: 001 phase 2. */
  readonly quota_unfilled: {
    /** The local date `YYYY-MM-DD`. */
    readonly date: string;
    /** The category left unfilled. */
    readonly category: Category;
    /** Items that could not be allocated. */
    readonly removed: number;
  };
  /** The first allocation missed the diversity minimums; allocation ran again in variety mode. Info. Source: 001 phase 2 recovery "diversity_check_failed". */
  readonly diversity_restart: {
    /** Distinct send types of the first allocation. */
    readonly distinct: number;
    /** Distinct revenue send types of it. */
    readonly revenue: number;
    /** Distinct engagement send types of it. */
    readonly engagement: number;
  };
  /** The week misses the diversity minimums even after the restart. Warning. Source: 001 phase 2 checkpoint. */
  readonly diversity_shortfall: {
    /** Distinct send types of the week. */
    readonly distinct: number;
    /** Distinct revenue send types. */
    readonly revenue: number;
    /** Distinct engagement send types. */
    readonly engagement: number;
    /** The minimums (`policy.allocation`). */
    readonly minimums: {
      /** Distinct send types wanted. */
      readonly distinct: number;
      /** Distinct revenue send types wanted. */
      readonly revenue: number;
      /** Distinct engagement send types wanted. */
      readonly engagement: number;
    };
    /** Whether the page and its vault offer too few send types to reach them. */
    readonly limitedByPage: boolean;
    /** What would unlock more send types (content to add to the vault), when known. */
    readonly recommendation?: string;
  };
  /** An item was removed because its send type went over its weekly limit (the lowest priority goes). Warning; counted as removed. Source: 000 gap 7.1, task 3.5. */
  readonly weekly_limit_removed: {
    /** The removed item's slot id. */
    readonly slotId: string;
    /** Send-type key of that item (`ppv_unlock`, `bump_normal`...). */
    readonly sendTypeKey: string;
    /** Its local date `YYYY-MM-DD`. */
    readonly date: string;
    /** Its priority (1 = first of its category that day). */
    readonly priority: number;
    /** Items of the send type in the week before the removal. */
    readonly count: number;
    /** The send type's weekly limit. */
    readonly max: number;
    /** Items removed: always 1. */
    readonly removed: 1;
  };
  // ------------------------------------------------------------------ content
  /** No caption passed the strictest thresholds; the slot's caption comes from a lower level of the degradation chain. Warning. Source: 001 phase 3 recovery "zero_captions_available". */
  readonly caption_threshold_lowered: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** Send-type key of that item (`ppv_unlock`, `bump_normal`...). */
    readonly sendTypeKey: string;
    /** The chain level used (index in `policy.content.degradationChain`, 0 the strictest). */
    readonly level: number;
    /** The level's minimum freshness, 0-100. */
    readonly minFreshness: number;
    /** The level's minimum performance, 0-100. */
    readonly minPerformance: number;
  };
  /** No caption of the send type's own caption types: a generic caption of another type is used. Warning. Source: 001 §3.5 strategy 2. */
  readonly generic_caption_used: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** Send-type key of that item (`ppv_unlock`, `bump_normal`...). */
    readonly sendTypeKey: string;
    /** The caption type of the generic caption used, `null` when unknown. */
    readonly captionType: string | null;
  };
  /** No caption at all: the item carries `MANUAL_REQUIRED` and needs a caption written. Warning. Source: 001 "Caption Availability Degradation" final fallback. */
  readonly manual_caption_required: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** Send-type key of that item (`ppv_unlock`, `bump_normal`...). */
    readonly sendTypeKey: string;
  };
  /** The candidates' mean freshness is low: the degraded weights (performance first) are used. Info. Source: 001 phase 3 recovery "caption_freshness_low". */
  readonly caption_freshness_low: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** Send-type key of that item (`ppv_unlock`, `bump_normal`...). */
    readonly sendTypeKey: string;
    /** Mean freshness of the candidates, 0-100. */
    readonly meanFreshness: number;
    /** The threshold it is below (`policy.content.staleAverageFreshness`), 0-100. */
    readonly threshold: number;
  };
  /** The chosen caption's freshness is below the warning threshold. Warning. Source: 001 §3.4, §7.3. */
  readonly low_freshness: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** Send-type key of that item (`ppv_unlock`, `bump_normal`...). */
    readonly sendTypeKey: string;
    /** The caption chosen. */
    readonly captionId: string;
    /** Its freshness, 0-100. */
    readonly freshnessScore: number;
  };
  /** The vault lacks the media the item needs. Warning. Source: 001 §3.3; phase 3 "Vault content type mismatch". */
  readonly media_missing: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** Send-type key of that item (`ppv_unlock`, `bump_normal`...). */
    readonly sendTypeKey: string;
    /** What is missing (a media kind or content type). */
    readonly missing: string;
  };
  // ------------------------------------------------------------------ targeting
  /** The send type's audience does not exist on this page type: `all_active` is used. Warning. Source: 001 phase 4 "Page type mismatch". */
  readonly target_not_applicable: {
    /** The slot id, `null` when reported for the send type as a whole. */
    readonly slotId: string | null;
    /** The send-type key concerned. */
    readonly sendTypeKey: string;
    /** The audience it asks for. */
    readonly targetKey: string;
    /** The page type (`paid`, `free`). */
    readonly pageType: string;
  };
  /** A required audience was reached by moving the send to another channel. Info. Source: 001 phase 4 "Channel incompatible". */
  readonly channel_switched: {
    /** The slot id, `null` when reported for the send type as a whole. */
    readonly slotId: string | null;
    /** The send-type key concerned. */
    readonly sendTypeKey: string;
    /** The channel asked for. */
    readonly from: string;
    /** Channel key used instead. */
    readonly to: string;
    /** The audience to reach. */
    readonly targetKey: string;
  };
  /** The channel cannot address the audience: `all_active` is used. Warning. Source: 001 "Audience Targeting Degradation" level 2. */
  readonly channel_incompatible: {
    /** The slot id, `null` when reported for the send type as a whole. */
    readonly slotId: string | null;
    /** The send-type key concerned. */
    readonly sendTypeKey: string;
    /** Channel key of the item (`mass_message`, `wall_post`...). */
    readonly channelKey: string;
    /** The audience it cannot address. */
    readonly targetKey: string;
  };
  // ------------------------------------------------------------------ timing
  /** An item moved to its send type's second channel to find a time. Info. Source: RULINGS "Channels". */
  readonly second_channel_used: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** Send-type key of that item (`ppv_unlock`, `bump_normal`...). */
    readonly sendTypeKey: string;
    /** The first channel. */
    readonly from: string;
    /** Channel key used instead. */
    readonly to: string;
  };
  /** An item was placed with a relaxed spacing step. Warning. Source: 001 "Timing Degradation" level 2; RULINGS "relaxation". */
  readonly spacing_relaxed: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** The spacing step used, minutes. */
    readonly spacingMinutes: number;
    /** The spacing wanted, minutes (`policy.timing.spacingSteps[0]`). */
    readonly targetSpacingMinutes: number;
    /** Minutes to the nearest send of the same channel family. */
    readonly nearestSameFamilyMinutes: number;
  };
  /** An item was placed in an avoid hour. Warning. Source: 001 "Timing Degradation" level 3. */
  readonly avoid_hours_relaxed: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** The local hour used, 0-23. */
    readonly hour: number;
  };
  /** No preferred hour was free: the item took a fallback time. Info. Source: 001 §5.3 fallback. */
  readonly fallback_slot_used: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** The time used, minutes after local midnight. */
    readonly minuteOfDay: number;
  };
  /** An item did not fit on its day and moved to the next. Warning. Source: 001 "Timing Degradation" level 4; RULINGS "moved items". */
  readonly item_moved_next_day: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** Send-type key of that item (`ppv_unlock`, `bump_normal`...). */
    readonly sendTypeKey: string;
    /** The day it was allocated to, `YYYY-MM-DD`. */
    readonly fromDate: string;
    /** The day it moved to, `YYYY-MM-DD`. */
    readonly toDate: string;
  };
  /** An item could not be scheduled and is not in the week. Warning; counted as removed. Source: 001 "Timing Degradation" final fallback; RULINGS "nothing lost". */
  readonly item_dropped: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** Send-type key of that item (`ppv_unlock`, `bump_normal`...). */
    readonly sendTypeKey: string;
    /** Its local date `YYYY-MM-DD`. */
    readonly date: string;
    /** Its category. */
    readonly category: Category;
    /** `no_valid_time`, `date_outside_week` (moved past the week), or `balance` (dropped to keep the category balance). */
    readonly reason: 'no_valid_time' | 'date_outside_week' | 'balance';
    /** Items removed: always 1. */
    readonly removed: 1;
  };
  /** A link drop has no campaign to promote: none was sent in the lookback before it. Info. Source: 003 task 2.4. */
  readonly link_drop_unlinked: {
    /** The link drop's slot id. */
    readonly slotId: string;
    /** Its send type (`link_drop`, `wall_link_drop`). */
    readonly sendTypeKey: string;
    /** Its UTC ISO instant. */
    readonly scheduledAt: string;
    /** Hours looked back (`policy.timing.linkDropLookbackHours`). */
    readonly lookbackHours: number;
  };
  // ------------------------------------------------------------------ follow-ups
  /** Follow-ups do not apply to this page type. Info. Source: 001 §1.4. */
  readonly followups_not_applicable: {
    /** Send-type key of the follow-ups (`ppv_followup`). */
    readonly sendTypeKey: string;
    /** The creator's page type, `paid` or `free`. */
    readonly pageType: string;
  };
  /** The daily follow-up limit was reached: a parent gets no follow-up. Info. Source: 000 gap 5.1; 001 phase 6. */
  readonly followup_limit: {
    /** The parent left without a follow-up. */
    readonly parentItemId: string;
    /** The local date `YYYY-MM-DD`. */
    readonly date: string;
    /** The parent's follow-up priority, 0-1. */
    readonly priority: number;
    /** The daily limit (`policy.followups.maxPerDay`). */
    readonly maxPerDay: number;
  };
  /** A follow-up would cross midnight and is dropped. Warning. Source: RULINGS "late parents". */
  readonly late_night_followup: {
    /** Slot id of the follow-up's parent. */
    readonly parentItemId: string;
    /** The parent's local date `YYYY-MM-DD`. */
    readonly parentDate: string;
    /** The parent's local time `HH:mm:ss`. */
    readonly parentTime: string;
    /** The delay drawn, minutes. */
    readonly sampledDelayMinutes: number;
  };
  /** No delay inside the window fits the follow-up: it is skipped. Warning. Source: 001 §6.3. */
  readonly followup_skipped: {
    /** Slot id of the follow-up's parent. */
    readonly parentItemId: string;
    /** The delay drawn, minutes. */
    readonly sampledDelayMinutes: number;
    /** The window's start, minutes after the parent. */
    readonly minDelayMinutes: number;
    /** The window's end, minutes after the parent. */
    readonly maxDelayMinutes: number;
    /** Why each candidate time was refused: rule -> the times it refused. */
    readonly rejections: Readonly<Record<string, ReadonlyArray<string>>>;
  };
  /** No unused follow-up caption: the follow-up needs a caption written. Warning. Source: 001 phase 6 "No followup caption". */
  readonly followup_manual_caption: {
    /** Slot id of the follow-up (`<parent>_followup`). */
    readonly slotId: string;
    /** Send-type key of that item (`ppv_unlock`, `bump_normal`...). */
    readonly sendTypeKey: string;
  };
  // ------------------------------------------------------------------ validation
  /** An item lacks a required field. Error. Source: 001 §7.2 check 1. */
  readonly missing_field: {
    /** The slot id, `null` when the slot id itself is missing. */
    readonly slotId: string | null;
    /** The missing field. */
    readonly field: string;
  };
  /** Two or more items share a slot id. Error. Source: 001 §7.1. */
  readonly duplicate_slot_id: {
    /** The repeated slot id. */
    readonly slotId: string;
    /** Items carrying it. */
    readonly count: number;
  };
  /** An item's local date and time do not match its instant in the creator's zone. Error. Source: 001 §7.1; RULINGS "Timing" (time zones). */
  readonly local_time_mismatch: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** The item's UTC ISO instant. */
    readonly scheduledAt: string;
    /** The item's local date `YYYY-MM-DD`. */
    readonly scheduledDate: string;
    /** The item's local time `HH:mm:ss`. */
    readonly scheduledTime: string;
    /** The local date `scheduledAt` falls on in the creator's zone. */
    readonly localDate: string;
    /** The local time `scheduledAt` falls on in the creator's zone. */
    readonly localTime: string;
    /** The creator's IANA time zone. */
    readonly timeZone: string;
  };
  /** A caption is used more than once in the week. Warning. Source: 001 §7.2 check 2. */
  readonly duplicate_caption: {
    /** Id of the caption used more than once. */
    readonly captionId: string;
    /** Items using it. */
    readonly count: number;
    /** Their slot ids. */
    readonly slotIds: ReadonlyArray<string>;
  };
  /** An item's content type is not in the vault. Error. Source: 001 §7.2 check 3. */
  readonly vault_missing: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** The content type missing from the vault. */
    readonly contentTypeId: string;
  };
  /** Two or more items are sent at the same minute. Error. Source: 001 §7.2 check 4; RULINGS "no two sends share a minute". */
  readonly timing_conflict: {
    /** The shared UTC ISO instant. */
    readonly scheduledAt: string;
    /** The items sent then. */
    readonly slotIds: ReadonlyArray<string>;
  };
  /** A day has more items than its daily limit. Warning. Source: 001 §7.2 check 5. */
  readonly daily_volume_exceeded: {
    /** The local date `YYYY-MM-DD`. */
    readonly date: string;
    /** Items that day. */
    readonly count: number;
    /** Follow-ups allowed per day (`policy.followups.maxPerDay`). */
    readonly max: number;
  };
  /** An item's caption may not match the creator's persona (persona score below `policy.content.persona.matchMinScore`). Warning. Source: 001 §7.2 check 6. */
  readonly persona_mismatch: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** The caption, `null` without one. */
    readonly captionId: string | null;
  };
  /** A follow-up's parent is missing from the schedule. Error. Source: 001 §7.2 check 7. */
  readonly orphaned_followup: {
    /** Slot id of the follow-up (`<parent>_followup`). */
    readonly slotId: string;
    /** The parent it names, `null` when it names none. */
    readonly parentItemId: string | null;
  };
  /** Few usable captions are left for a send type. Warning. Source: 001 §1.2.1 module 7, §7.2 check 8. */
  readonly caption_pool_low: {
    /** The send-type key concerned. */
    readonly sendTypeKey: string;
    /** Usable captions left. */
    readonly usable: number;
    /** The threshold it is below (`policy.content.lowPoolThreshold`). */
    readonly threshold: number;
  };
  /** No usable caption is left for a send type; the week is at best `needs_review`. Warning. Source: 001 §7.2 check 8 ("Critical"). */
  readonly caption_pool_critical: {
    /** The send-type key concerned. */
    readonly sendTypeKey: string;
    /** Usable captions left: 0. */
    readonly usable: 0;
    /** What to do (`CREATE NEW CAPTIONS: ... needs 5+ new captions`). */
    readonly recommendation: string;
    /** Always `true` (001 `requires_caption_review`). */
    readonly requiresCaptionReview: true;
  };
  /** The volume confidence is low: volumes were damped toward the conservative quotas. Warning. Source: 001 §7.2 check 9. */
  readonly low_confidence: {
    /** The volume confidence, 0-1. */
    readonly confidenceScore: number;
    /** Messages of history it rests on. */
    readonly messageCount: number;
  };
  /** An item's date is outside the week. Error. Source: RULINGS "Timing" (window). */
  readonly outside_week: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** Its local date `YYYY-MM-DD`. */
    readonly scheduledDate: string;
    /** Its local time `HH:mm:ss`. */
    readonly scheduledTime: string;
  };
  /** An item is outside the sending window, or a follow-up leaves its parent's day. Error. Source: RULINGS "Timing" (window), "Follow-ups" (late parents). */
  readonly outside_window: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** Its local date `YYYY-MM-DD`. */
    readonly scheduledDate: string;
    /** Its local time `HH:mm:ss`. */
    readonly scheduledTime: string;
    /** Whether it is a follow-up. */
    readonly isFollowUp: boolean;
    /** The window's start, local `HH:mm`. */
    readonly windowStart: string;
    /** The window's end, local `HH:mm`. */
    readonly windowEnd: string;
    /** A follow-up's parent date `YYYY-MM-DD`, else `null`. */
    readonly parentDate: string | null;
  };
  /** An item is scheduled on a round minute (:00, :15, :30, :45). Error. Source: 003 gap 10.7; RULINGS "jitter". */
  readonly round_minute: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** Its local time `HH:mm:ss`. */
    readonly scheduledTime: string;
  };
  /** Two sends of one channel family are closer than the minimum spacing. Error. Source: RULINGS "spacing". */
  readonly spacing_violation: {
    /** The channel family (`messages`, `posts`). */
    readonly family: string;
    /** The two items, in time order. */
    readonly slotIds: readonly [string, string];
    /** Minutes between them. */
    readonly gapMinutes: number;
    /** The minimum spacing, minutes. */
    readonly minMinutes: number;
  };
  /** A 4-hour block has more sends of one family than allowed. Error. Source: RULINGS "spacing". */
  readonly block_cap_exceeded: {
    /** The local date `YYYY-MM-DD`. */
    readonly date: string;
    /** The channel family. */
    readonly family: string;
    /** The block's start, minutes after local midnight. */
    readonly blockStartMinute: number;
    /** The block's length, minutes. */
    readonly blockMinutes: number;
    /** Sends of the family in the block. */
    readonly count: number;
    /** The limit per block (`policy.timing.maxPerBlock`). */
    readonly max: number;
    /** The items in the block. */
    readonly slotIds: ReadonlyArray<string>;
  };
  /** Two sends of one send type are closer than the type's minimum gap. Error. Source: 001 §5.6; RULINGS "per-type gaps". */
  readonly type_gap_violation: {
    /** The send-type key concerned. */
    readonly sendTypeKey: string;
    /** The two items, in time order. */
    readonly slotIds: readonly [string, string];
    /** Minutes between them. */
    readonly gapMinutes: number;
    /** The type's minimum gap, minutes. */
    readonly minMinutes: number;
  };
  /** One exact clock time is used more often in the week than allowed. Error. Source: 001 §5.5. */
  readonly clock_time_repeated: {
    /** The local time `HH:mm:ss`. */
    readonly scheduledTime: string;
    /** Items at that time in the week. */
    readonly count: number;
    /** The limit (`policy.timing.maxClockTimeUsesPerWeek`). */
    readonly max: number;
    /** Slot ids of those items. */
    readonly slotIds: ReadonlyArray<string>;
  };
  /** A send type is over its weekly limit. Error. Source: 001 §2.4; RULINGS "weekly caps". */
  readonly weekly_cap_exceeded: {
    /** The send-type key concerned. */
    readonly sendTypeKey: string;
    /** Items of it in the week. */
    readonly count: number;
    /** Its weekly limit. */
    readonly max: number;
  };
  /** An item's send type is not in the catalog. Error. Source: 001 §1.4. */
  readonly unknown_send_type: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** The send-type key not in the catalog. */
    readonly sendTypeKey: string;
  };
  /** An item's send type does not apply to the page type. Error. Source: 001 §1.4. */
  readonly send_type_not_for_page: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** The send-type key concerned. */
    readonly sendTypeKey: string;
    /** The creator's page type, `paid` or `free`. */
    readonly pageType: string;
  };
  /** An item's audience does not exist on the page type. Error. Source: 001 §4.1. */
  readonly target_not_for_page: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** Target key of the audience (`renew_off`, `expired_recent`...). */
    readonly targetKey: string;
    /** The creator's page type, `paid` or `free`. */
    readonly pageType: string;
  };
  /** `isFollowUp` disagrees with the send type (a `ppv_followup` not flagged, or another type flagged). Error. Source: 001 §6.2. */
  readonly followup_type_mismatch: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** Send-type key of that item (`ppv_unlock`, `bump_normal`...). */
    readonly sendTypeKey: string;
    /** Its `isFollowUp` flag. */
    readonly isFollowUp: boolean;
  };
  /** A follow-up's delay is outside the follow-up window. Error. Source: 003 task 2.3; RULINGS "Follow-ups". */
  readonly followup_delay_out_of_range: {
    /** Slot id of the follow-up (`<parent>_followup`). */
    readonly slotId: string;
    /** Its `followupDelayMinutes`, `null` when missing. */
    readonly followupDelayMinutes: number | null;
    /** Minutes from the parent's instant to its own, `null` without a parent. */
    readonly gapMinutes: number | null;
    /** The window's start, minutes. */
    readonly minDelayMinutes: number;
    /** The window's end, minutes. */
    readonly maxDelayMinutes: number;
  };
  /** A follow-up's parent is of a send type that cannot have one. Error. Source: 001 §6.1; RULINGS "parents". */
  readonly invalid_followup_parent: {
    /** Slot id of the follow-up (`<parent>_followup`). */
    readonly slotId: string;
    /** Slot id of the follow-up's parent. */
    readonly parentItemId: string;
    /** The parent's send type. */
    readonly parentSendTypeKey: string;
  };
  /** A link drop's parent is not a campaign sent shortly before it. Error. Source: 003 task 2.4. */
  readonly invalid_link_drop_parent: {
    /** The link drop's slot id. */
    readonly slotId: string;
    /** The parent it names. */
    readonly parentItemId: string;
    /** `missing`: not in the schedule; `not_campaign`; `not_before`: not sent earlier; `too_old`: `lookbackHours` or more earlier. */
    readonly reason: 'missing' | 'not_campaign' | 'not_before' | 'too_old';
    /** The parent's send type, `null` when it is missing. */
    readonly parentSendTypeKey: string | null;
    /** Hours a parent may be older at most (`policy.timing.linkDropLookbackHours`). */
    readonly lookbackHours: number;
  };
  /** A day has more follow-ups than the daily limit. Error. Source: 000 gap 5.1. */
  readonly followup_limit_exceeded: {
    /** The parents' local date `YYYY-MM-DD`. */
    readonly date: string;
    /** Follow-ups of that day's parents. */
    readonly count: number;
    /** Follow-ups allowed per day (`policy.followups.maxPerDay`). */
    readonly max: number;
    /** Slot ids of those follow-ups. */
    readonly slotIds: ReadonlyArray<string>;
  };
  /** Two follow-ups are closer than their minimum gap. Error. Source: 001 §5.6 (ppv_followup 1 hour). */
  readonly followup_gap_violation: {
    /** Send-type key of the follow-ups (`ppv_followup`). */
    readonly sendTypeKey: string;
    /** The two follow-ups, in time order. */
    readonly slotIds: readonly [string, string];
    /** Minutes between them. */
    readonly gapMinutes: number;
    /** The minimum gap, minutes. */
    readonly minMinutes: number;
  };
  /** The week has fewer distinct send types than a minimum. Error. Source: 001 phase 2 checkpoint; RULINGS "diversity". */
  readonly insufficient_diversity: {
    /** Which minimum: `distinct_types`, `revenue_types` or `engagement_types`. */
    readonly criterion: 'distinct_types' | 'revenue_types' | 'engagement_types';
    /** Distinct send types of that kind in the week. */
    readonly actual: number;
    /** The weekly minimum of that kind (`policy.allocation`). */
    readonly min: number;
    /** The send types counted. */
    readonly sendTypeKeys: ReadonlyArray<string>;
  };
  /** The week uses fewer distinct strategies than the minimum. Error. Source: 001 §2.3, phase 2 checkpoint. */
  readonly insufficient_strategies: {
    /** Distinct strategies of the week. */
    readonly distinct: number;
    /** The minimum (`policy.allocation.minStrategiesPerWeek`). */
    readonly min: number;
  };
  /** One strategy is used on two consecutive days. Error. Source: 001 §2.3. */
  readonly strategy_repeated: {
    /** The daily strategy repeated (`revenue_focus`...). */
    readonly strategy: string;
    /** The two local dates `YYYY-MM-DD`. */
    readonly dates: readonly [string, string];
  };
  /** An item carries another strategy than its day's. Error. Source: RULINGS "moved items". */
  readonly strategy_mismatch: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** Its local date `YYYY-MM-DD`. */
    readonly scheduledDate: string;
    /** The strategy it carries. */
    readonly strategyUsed: string;
    /** The day's strategy, `null` when the day has none. */
    readonly dayStrategy: string | null;
  };
  /** An item does not target the audience its send type requires. Error. Source: 001 §4.3. */
  readonly required_target_violated: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** The audience required. */
    readonly requiredTarget: string;
    /** The audience it targets. */
    readonly targetKey: string;
  };
  /** An item's audience is not in the catalog. Error. Source: 001 §4.1. */
  readonly unknown_target: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** The target key not in the catalog. */
    readonly targetKey: string;
  };
  /** An item's channel cannot reach its audience. Error. Source: 001 §4.4. */
  readonly channel_target_unsupported: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** Channel key of the item (`mass_message`, `wall_post`...). */
    readonly channelKey: string;
    /** Target key of the audience (`renew_off`, `expired_recent`...). */
    readonly targetKey: string;
  };
  /** A category's share of the allocated items is outside its bound. Error. Source: 001 phase 7 checkpoint; RULINGS "category balance is a hard rule". */
  readonly category_balance: {
    /** The category out of bounds. */
    readonly category: Category;
    /** `min` (below its least share) or `max` (above its largest share). */
    readonly kind: 'min' | 'max';
    /** The bound, a share 0-1. */
    readonly bound: number;
    /** The category's share of allocated items, 0-1. */
    readonly share: number;
    /** Allocated items by category. */
    readonly counts: CategoryCounts;
    /** Shares of allocated items by category, 0-1. */
    readonly shares: CategoryCounts;
    /** Allocated items (follow-ups apart). */
    readonly allocatedItems: number;
    /** The follow-ups, not counted in the balance. */
    readonly followups: {
      /** Follow-ups in the week. */
      readonly count: number;
      /** Follow-ups by category. */
      readonly byCategory: CategoryCounts;
    };
  };
  /** A day's revenue share of revenue plus engagement items is off its target. Warning. Source: 000 gap 3.1; RULINGS "revenue / engagement mix". */
  readonly revenue_mix: {
    /** The local date `YYYY-MM-DD`. */
    readonly date: string;
    /** The creator's volume tier (`low`, `mid`, `high`, `ultra`). */
    readonly tier: string;
    /** The day's revenue share, 0-1. */
    readonly share: number;
    /** The tier's target share, 0-1. */
    readonly target: number;
    /** The tolerance, 0-1. */
    readonly tolerance: number;
    /** Revenue items that day. */
    readonly revenue: number;
    /** Engagement items that day. */
    readonly engagement: number;
  };
  /** The volume confidence is below the minimum and no manual override was given. Error. Source: 001 consumption rule 5. */
  readonly confidence_too_low: {
    /** The volume confidence, 0-1. */
    readonly confidenceScore: number;
    /** Messages of history it rests on. */
    readonly messageCount: number;
    /** The minimum (`policy.volume.failBelowConfidence`). */
    readonly min: number;
  };
  /** The volume confidence is below the minimum, accepted by `manualConfidenceOverride`. Info. Source: 001 consumption rule 5. */
  readonly confidence_override_applied: {
    /** The volume confidence, 0-1. */
    readonly confidenceScore: number;
    /** Messages of history it rests on. */
    readonly messageCount: number;
    /** The minimum (`policy.volume.failBelowConfidence`). */
    readonly min: number;
  };
  /** The 7-day and 30-day scores diverged: the divergence weights fused them. Warning. Source: 001 §1.2.1 consumption matrix. */
  readonly divergence_detected: {
    /** The fused saturation score, 0-100. */
    readonly fusedSaturation: number;
    /** The fused opportunity score, 0-100. */
    readonly fusedOpportunity: number;
  };
  /** The elasticity cap lowered the revenue items per day. Warning. Source: 001 §1.2.1 module 5. */
  readonly elasticity_capped: {
    /** Revenue items per day after the cap. */
    readonly revenuePerDay: number;
    /** The cap, `null` when none was fitted. */
    readonly capRevenuePerDay: number | null;
    /** The volume adjustments applied, in order. */
    readonly adjustmentsApplied: ReadonlyArray<string>;
  };
  /** A day's bumps per PPV are outside the matrix range. Warning. Source: 000 task 3.1 `validate_bump_ratio`, gap 3.2. */
  readonly bump_ratio: {
    /** `no_ppvs` (bumps but no PPVs), `no_bumps`, `too_low`, `too_high`. */
    readonly reason: 'no_ppvs' | 'no_bumps' | 'too_low' | 'too_high';
    /** The creator's matrix tier (`low`, `mid`, `high`, `ultra`). */
    readonly tier: string;
    /** The matrix row, `[contentPageType, subType]`. */
    readonly matrixKey: ReadonlyArray<string>;
    /** PPVs counted. */
    readonly ppvCount: number;
    /** Bumps counted. */
    readonly bumpCount: number;
    /** Bumps per PPV, `null` without PPVs. */
    readonly actualRatio: number | null;
    /** The valid ratio range with the tolerance, `[min, max]`. */
    readonly expectedRange: readonly [number, number];
    /** Bumps to add to reach the range (`too_low`), else `null`. */
    readonly bumpsNeeded: number | null;
  };
  /** Neither PPVs nor bumps to check the ratio on. Info. Source: 000 task 3.1 `validate_bump_ratio`. */
  readonly bump_ratio_empty: {
    /** The creator's matrix tier (`low`, `mid`, `high`, `ultra`). */
    readonly tier: string;
    /** The matrix row, `[contentPageType, subType]`. */
    readonly matrixKey: ReadonlyArray<string>;
  };
  /** More items than allowed need a manual caption; the week is at best `needs_review`. Warning. Source: RULINGS "manual captions". */
  readonly manual_captions_excessive: {
    /** Items with `MANUAL_REQUIRED`. */
    readonly manualItems: number;
    /** Items of the week. */
    readonly totalItems: number;
    /** Their share, 0-1. */
    readonly share: number;
    /** The largest share allowed (`policy.validation.maxManualCaptionShare`). */
    readonly maxShare: number;
  };
  /** Planned, built and reported-removed items do not add up. Error. Source: RULINGS "nothing lost". */
  readonly volume_accounting: {
    /** Items planned for the week by the volume phase. */
    readonly weeklyTotal: number;
    /** Items in the week, follow-ups apart. */
    readonly built: number;
    /** Items reported removed (`details.removed` of the issues whose code removes items). */
    readonly removed: number;
  };
  // ------------------------------------------------------------------ rotation
  /** The stored rotation state cannot be read: a new pattern starts. Warning. Source: 003 "Formal state machine" (error recovers through initializing). */
  readonly rotation_state_unreadable: {
    /** Id of the creator. */
    readonly creatorId: string;
    /** What is wrong with the stored state, one text each. */
    readonly problems: ReadonlyArray<string>;
  };
  /** A stored rotation value was read under another name (`004`'s `active` as `pattern_active`). Info. Source: RULINGS "`004` states". */
  readonly rotation_state_normalized: {
    /** The stored field. */
    readonly field: string;
    /** The value stored. */
    readonly stored: string;
    /** The value it is read as. */
    readonly readAs: string;
  };
  /** A new PPV style pattern started. Info. Source: 003 task 2.1 `_load_or_initialize`. */
  readonly rotation_pattern_started: {
    /** The local date it starts `YYYY-MM-DD`. */
    readonly date: string;
    /** The pattern, 4 PPV styles. */
    readonly pattern: ReadonlyArray<string>;
    /** `no_state` (nothing stored), `content_rotation_only` (only a `004` content rotation stored), `recovered_from_error`. */
    readonly reason: 'no_state' | 'content_rotation_only' | 'recovered_from_error';
  };
  /** The stored rotation is paused: its pattern is kept all week. Info. Source: RULINGS "`004` states". */
  readonly rotation_paused: {
    /** The pattern kept. */
    readonly pattern: ReadonlyArray<string>;
    /** The local date it started `YYYY-MM-DD`. */
    readonly patternStartDate: string;
  };
  /** The stored pattern starts after the schedule's first date: it is kept without rotating until then. Warning. Source: RULINGS "clock". */
  readonly rotation_state_ahead: {
    /** The stored pattern's start `YYYY-MM-DD`. */
    readonly patternStartDate: string;
    /** The schedule's first date `YYYY-MM-DD`. */
    readonly firstScheduleDate: string;
  };
  /** The rotation method asked for gives the same pattern: another method is used. Info. Source: RULINGS "reverse or shuffle gives the same pattern". */
  readonly rotation_method_replaced: {
    /** The local date of the rotation `YYYY-MM-DD`. */
    readonly date: string;
    /** The method asked for. */
    readonly requested: string;
    /** The method used. */
    readonly used: string;
  };
  /** Every standard pattern was used in the last 14 days: the least recently used is taken. Info. Source: 003 `PATTERN_EXHAUSTED`; RULINGS "exhausted". */
  readonly rotation_exhausted: {
    /** The local date of the rotation `YYYY-MM-DD`. */
    readonly date: string;
    /** The patterns used recently, oldest first. */
    readonly recentPatterns: ReadonlyArray<ReadonlyArray<string>>;
    /** The pattern taken. */
    readonly pattern: ReadonlyArray<string>;
  };
  /** The rotation state machine refused a transition; it recovered through `initializing`. Warning. Source: 003 "Formal state machine". */
  readonly rotation_transition_refused: {
    /** The local date `YYYY-MM-DD`. */
    readonly date: string;
    /** The state it was in. */
    readonly from: string;
    /** The state asked for. */
    readonly to: string;
    /** The states it may go to from `from`. */
    readonly validTargets: ReadonlyArray<string>;
  };
  /** A bundle send type was replaced so the day's bundle-style PPVs can be sent apart. Info. Source: 003 task 2.2; RULINGS "bundle send types". */
  readonly bundle_send_replaced: {
    /** The local date `YYYY-MM-DD`. */
    readonly date: string;
    /** The send type replaced. */
    readonly from: string;
    /** The send type used instead. */
    readonly to: string;
  };
  /** No unused caption fits a styled PPV's structure or content. Info. Source: 003 task 2.1 styles; 004 "PPV Structure Validation"; issue 7. */
  readonly ppv_style_misfit: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** The PPV style. */
    readonly ppvStyle: string;
    /** The seed 004 structure the caption does not fit, `null` when it fits (or there is none). */
    readonly structure: string | null;
    /** The structure's elements the caption lacks. */
    readonly missing: ReadonlyArray<string>;
    /** The content type chosen, `null` without one. */
    readonly contentTypeId: string | null;
    /** The style's content types when the content is not one of them, else `[]`. */
    readonly fits: ReadonlyArray<string>;
  };
  /** Same-style PPVs of a day were repaired. Info. Source: 003 task 2.2 `validate_and_repair_consecutive_styles`. */
  readonly same_style_repaired: {
    /** The local date `YYYY-MM-DD`. */
    readonly date: string;
    /** The repair: `reorder`, `style_swap`, `time_swap` or `retime`. */
    readonly strategy: 'reorder' | 'style_swap' | 'time_swap' | 'retime';
    /** Slot ids of the items changed. */
    readonly slotIds: ReadonlyArray<string>;
    /** Same-style violations before the repair. */
    readonly violationsBefore: number;
    /** Same-style violations after it. */
    readonly violationsAfter: number;
  };
  /** Two PPVs of a no-back-to-back style follow each other. Error. Source: 003 gap 1.2, task 2.2. */
  readonly same_style_back_to_back: {
    /** The style (`winner`, `bundle`). */
    readonly ppvStyle: string;
    /** The two PPVs, in time order. */
    readonly slotIds: readonly [string, string];
  };
  /** Two or more PPVs of one no-back-to-back style fall in one AM / PM period of a day. Error. Source: 003 gap 1.2, task 2.2. */
  readonly same_style_same_period: {
    /** The local date `YYYY-MM-DD`. */
    readonly date: string;
    /** The PPV style (`winner`, `bundle`). */
    readonly ppvStyle: string;
    /** `AM` or `PM` (split at `policy.rotation.amPmSplitHour`). */
    readonly period: 'AM' | 'PM';
    /** Slot ids of those PPVs. */
    readonly slotIds: ReadonlyArray<string>;
  };
  /** Another build saved the rotation state first: this week's state was not written. Error. Source: 003 task 2.9; issue 7. */
  readonly rotation_version_conflict: {
    /** Id of the creator. */
    readonly creatorId: string;
    /** The version this build read. */
    readonly expectedVersion: number;
    /** The version stored, `null` when unknown. */
    readonly storedVersion: number | null;
  };
  // ------------------------------------------------------------------ save
  /** The schedule was not saved: it did not pass validation, or no `saveSchedule` port was supplied. Info. Source: 001 §7.4. */
  readonly save_refused: {
    /** Why it was not saved. */
    readonly reason: string;
  };
  /** The save saga failed; the week is returned unsaved. Error. Source: 001 phase 7 "Database save failure". */
  readonly save_failed: {
    /** The saga step that failed, `null` when none is known. */
    readonly failedStep: string | null;
    /** The failure message. */
    readonly reason: string;
    /** The saga's final status (a `SagaStatus`: `rolled_back`, `failed`...). */
    readonly sagaStatus: string;
  };
  /** The same schedule was already saved: it is not saved again. Info. Source: 003 task 2.5b (idempotency guard). */
  readonly save_duplicate: {
    /** The template id of the earlier save. */
    readonly templateId: string;
    /** The idempotency key of the save. */
    readonly operationKey: string;
  };
  /** A compensation of the save saga failed. Error. Source: 003 task 2.1b. */
  readonly compensation_failed: {
    /** The failure message of each compensation that failed. */
    readonly errors: ReadonlyArray<string>;
  };
  // ------------------------------------------------------------------ PPV caption structure
  /** A PPV caption has fewer elements of its seed 004 structure than required. Info. Source: 004 "PPV Caption Structure Requirements". */
  readonly ppv_structure_misfit: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** The PPV style, `null` without one. */
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
  /** An item was not pinned: its priority is not above the lowest pinned one. Info. Source: 003 task 2.5 `schedule_pin`. */
  readonly pin_skipped: {
    /** The item's slot id. */
    readonly itemId: string;
    /** Always `lower_priority`. */
    readonly reason: 'lower_priority';
    /** The lowest priority among the current pins. */
    readonly lowestPinnedPriority: number;
  };
  /** A pin was unpinned early for a higher-priority item. Info. Source: 003 task 2.5 `schedule_pin`. */
  readonly pin_evicted: {
    /** The pinned post unpinned. */
    readonly postId: string;
    /** The item pinned in its place. */
    readonly byItemId: string;
    /** The unpinned post's priority. */
    readonly priority: number;
  };
  /** More pins than the maximum at the week start: the lowest ones are unpinned. Info. Source: 003 gap 1.6, task 2.5 `MAX_PINNED`. */
  readonly pin_over_limit: {
    /** The post unpinned. */
    readonly postId: string;
    /** Its priority. */
    readonly priority: number;
    /** The maximum (`policy.pins.maxPinned`). */
    readonly maxPinned: number;
  };
  /** An item could not be considered for pinning. Warning. Source: STYLE io-ts boundary; 003 task 2.5. */
  readonly pin_candidate_invalid: {
    /** The item's id, `null` when it has none. */
    readonly itemId: string | null;
    /** `undecodable`, `duplicate_id` or `outside_week`. */
    readonly reason: 'undecodable' | 'duplicate_id' | 'outside_week';
    /** What is wrong, one text each. */
    readonly problems: ReadonlyArray<string>;
  };
  /** The current pins could not be read: the week is planned with the fallback. Warning. Source: 003 task 2.5 `_load_active_pins`. */
  readonly pins_unreadable: {
    /** The port read (`getActivePins`). */
    readonly port: string;
    /** What is wrong, one text each. */
    readonly problems: ReadonlyArray<string>;
    /** What is used instead (no current pins). */
    readonly fallback: string;
  };
  // ------------------------------------------------------------------ timing profile
  /** The creator's timing profile adjusted the defaults. Info. Source: 003 task 2.8. */
  readonly timing_profile_applied: {
    /** The follow-up window used, minutes after the parent. */
    readonly followupWindow: {
      /** Its start, minutes. */
      readonly min: number;
      /** Its end, minutes. */
      readonly max: number;
      /** `profile` (from the creator's average response time) or `default`. */
      readonly source: 'profile' | 'default';
    };
    /** Whether follow-ups may cross midnight. */
    readonly allowNextDay: boolean;
    /** The preferred period for PPVs, `null` without one. */
    readonly amPmPreference: 'AM' | 'PM' | null;
    /** The creator's timing variation (`low`, `medium`, `high`). */
    readonly timingVariation: string;
    /** The jitter range used, minutes (`jitterRangeFor`). */
    readonly jitterMinutes: {
      /** Lowest jitter offset, minutes. */
      readonly min: number;
      /** Highest jitter offset, minutes. */
      readonly max: number;
    };
  };
  /** The creator's follow-up window was refused: the default window is used. Info. Source: RULINGS "creator window". */
  readonly followup_window_default: {
    /** The creator's average response time, minutes. */
    readonly avgResponseMinutes: number;
    /** The refused window's start, minutes after the parent. */
    readonly minMinutes: number;
    /** The refused window's end, minutes after the parent. */
    readonly maxMinutes: number;
    /** `too_narrow`: narrower than 10 minutes (for the whole week); `late_parent`: it does not fit before 23:59 after one parent that still has the 15 minutes of RULINGS "late parents", so that follow-up took the default window inside its day. */
    readonly reason: 'too_narrow' | 'late_parent';
    /** The parent whose follow-up took the default window (`late_parent` only). */
    readonly parentItemId?: string;
  };
  // ------------------------------------------------------------------ campaigns and games
  /** A campaign type cannot be planned: the page or vault cannot send its send type. Warning. Source: 000 task 3.2. */
  readonly campaign_unavailable: {
    /** The campaign type concerned (`descriptive_wall_campaign`, `bundle_wall_campaign`, `spin_the_wheel_game`, `game_other`). */
    readonly campaignType: string;
  };
  /** No game campaign of a type this week: every game it could play is on the avoid list. Warning. Source: RULINGS "avoid list vs cadence"; 000 task 3.6. */
  readonly game_campaign_skipped: {
    /** The game campaign type (`spin_the_wheel_game`, `game_other`). */
    readonly campaignType: string;
  };
  /** Fewer campaigns could be planned this week than wanted. Warning. Source: RULINGS "total". */
  readonly campaign_week_short: {
    /** Campaigns planned. */
    readonly planned: number;
    /** Campaigns wanted at least. */
    readonly minimum: number;
  };
  /** A game on the avoid list was replaced by another. Info. Source: RULINGS "avoid list vs cadence"; 000 task 3.6. */
  readonly game_type_substituted: {
    /** The game campaign type (`spin_the_wheel_game`, `game_other`). */
    readonly campaignType: string;
    /** The game type avoided. */
    readonly from: string;
    /** The game type played instead. */
    readonly to: string;
  };
  /** A planned campaign could not be placed on its day. Warning; counted as removed. Source: 000 task 3.2; RULINGS "nothing lost". */
  readonly campaign_unplaced: {
    /** The local date `YYYY-MM-DD`. */
    readonly date: string;
    /** The campaign type concerned (`descriptive_wall_campaign`, `bundle_wall_campaign`, `spin_the_wheel_game`, `game_other`). */
    readonly campaignType: string;
    /** Send-type key of that item (`ppv_unlock`, `bump_normal`...). */
    readonly sendTypeKey: string;
    /** Why the day could not take it: `no_revenue_room`, `channel_full`, `style_room`, `daily_capacity`, `balance`. */
    readonly reason:
      | 'no_revenue_room'
      | 'channel_full'
      | 'style_room'
      | 'daily_capacity'
      | 'balance';
  };
  /** A planned campaign moved to a later day. Info. Source: 000 task 3.2 (days between). */
  readonly campaign_deferred: {
    /** The local date planned `YYYY-MM-DD`. */
    readonly date: string;
    /** The local date it moved to `YYYY-MM-DD`. */
    readonly to: string;
    /** The campaign type concerned (`descriptive_wall_campaign`, `bundle_wall_campaign`, `spin_the_wheel_game`, `game_other`). */
    readonly campaignType: string;
    /** Send-type key of that item (`ppv_unlock`, `bump_normal`...). */
    readonly sendTypeKey: string;
    /** Why the day could not take it; `spacing`: pushed on by an earlier deferral. */
    readonly reason:
      | 'no_revenue_room'
      | 'channel_full'
      | 'style_room'
      | 'daily_capacity'
      | 'spacing';
  };
  /** No unused caption fits a campaign. Info. Source: issue 8; 004 "Wall Campaign" structure. */
  readonly campaign_caption_misfit: {
    /** Slot id of the item concerned (`YYYY-MM-DD_N`). */
    readonly slotId: string;
    /** The campaign type concerned (`descriptive_wall_campaign`, `bundle_wall_campaign`, `spin_the_wheel_game`, `game_other`). */
    readonly campaignType: string;
    /** The game of a game campaign, else `null`. */
    readonly gameType: string | null;
    /** What the caption lacks: the 004 structure's elements, or the game's name. */
    readonly missing: ReadonlyArray<string>;
  };
  /** A campaign type is scheduled more than once on a day. Error. Source: 000 task 3.2 `validate_campaign_frequency`. */
  readonly campaign_same_day: {
    /** The campaign type concerned (`descriptive_wall_campaign`, `bundle_wall_campaign`, `spin_the_wheel_game`, `game_other`). */
    readonly campaignType: string;
    /** The local date `YYYY-MM-DD`. */
    readonly date: string;
  };
  /** Two campaigns of a type are closer than its minimum days between. Warning. Source: 000 task 3.2 `validate_campaign_frequency`. */
  readonly campaign_too_close: {
    /** The campaign type concerned (`descriptive_wall_campaign`, `bundle_wall_campaign`, `spin_the_wheel_game`, `game_other`). */
    readonly campaignType: string;
    /** The later campaign's local date `YYYY-MM-DD`. */
    readonly date: string;
    /** The earlier one's `YYYY-MM-DD`. */
    readonly previousDate: string;
    /** Days between them. */
    readonly daysApart: number;
    /** The type's minimum days between. */
    readonly minDaysBetween: number;
  };
  /** Two campaigns of a type are further apart than its maximum days between. Warning. Source: 000 task 3.2 `validate_campaign_frequency`. */
  readonly campaign_gap_exceeded: {
    /** The campaign type concerned (`descriptive_wall_campaign`, `bundle_wall_campaign`, `spin_the_wheel_game`, `game_other`). */
    readonly campaignType: string;
    /** The later campaign's local date `YYYY-MM-DD`. */
    readonly date: string;
    /** The earlier one's `YYYY-MM-DD`. */
    readonly previousDate: string;
    /** Days between them. */
    readonly daysApart: number;
    /** The type's maximum days between. */
    readonly maxDaysBetween: number;
  };
  /** A campaign type projects fewer a month than its target. Warning. Source: 000 task 3.2 `validate_campaign_frequency`. */
  readonly campaign_under_scheduled: {
    /** The campaign type concerned (`descriptive_wall_campaign`, `bundle_wall_campaign`, `spin_the_wheel_game`, `game_other`). */
    readonly campaignType: string;
    /** Campaigns a month projected from the period checked. */
    readonly monthlyProjection: number;
    /** The monthly target, `[min, max]`. */
    readonly monthlyTarget: readonly [number, number];
    /** Campaigns a month missing to reach the target's minimum. */
    readonly shortfall: number;
    /** Why the type matters (the seed's rationale). */
    readonly rationale: string;
  };
  /** No campaign of a type is scheduled. Info. Source: 000 task 3.2 (recommendations). */
  readonly campaign_missing: {
    /** The campaign type concerned (`descriptive_wall_campaign`, `bundle_wall_campaign`, `spin_the_wheel_game`, `game_other`). */
    readonly campaignType: string;
    /** The monthly target, `[min, max]`. */
    readonly monthlyTarget: readonly [number, number];
    /** Why the type matters (the seed's rationale). */
    readonly rationale: string;
  };
  /** All campaigns together project fewer a month than the minimum. Error. Source: 000 task 3.2 overall check; RULINGS "total". */
  readonly campaign_total_low: {
    /** Campaigns a month projected. */
    readonly monthlyProjection: number;
    /** The minimum (`policy.campaigns.minPerMonth`). */
    readonly minPerMonth: number;
    /** Days the projection is over. */
    readonly daysCovered: number;
  };
  /** A day's bumps per PPV stay outside the matrix range: the category balance won. Info. Source: 000 task 3.1; RULINGS "category balance is a hard rule". */
  readonly matrix_ratio_shortfall: {
    /** The local date `YYYY-MM-DD`. */
    readonly date: string;
    /** PPVs that day. */
    readonly ppvCount: number;
    /** Bumps that day. */
    readonly bumpCount: number;
    /** Bumps per PPV, `null` without PPVs. */
    readonly actualRatio: number | null;
    /** The matrix range of bumps per PPV, `[min, max]`. */
    readonly expectedRange: readonly [number, number];
    /** The day's quotas, items by category. */
    readonly quotas: CategoryCounts;
  };
  /** Campaigns of the lookback (history and this week) project fewer a month than the minimum, though this week alone may not. Warning. Source: 000 task 3.2 overall check; RULINGS "new and sparse creators". */
  readonly campaign_history_low: {
    /** Campaigns a month projected over the lookback. */
    readonly monthlyProjection: number;
    /** Campaigns a month projected from this week alone. */
    readonly weekProjection: number;
    /** The minimum (`policy.campaigns.minPerMonth`). */
    readonly minPerMonth: number;
    /** Days of the lookback. */
    readonly daysCovered: number;
  };
  /** More game posts of a type this week than allowed. Error. Source: RULINGS "games" (spin the wheel once a week, another game at most once). */
  readonly game_limit_exceeded: {
    /** The game campaign type (`spin_the_wheel_game`, `game_other`). */
    readonly campaignType: string;
    /** Game posts of it this week. */
    readonly count: number;
    /** Game posts of the type allowed per week. */
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
 *
 * @since 0.3.0
 * @category issues
 */
export type OpenIssueDetails = { readonly [key: string]: unknown };

/**
 * One issue of code `K`.
 *
 * @since 0.2.0
 * @category issues
 */
export interface IssueOf<K extends IssueCode> {
  /** The issue code (`low_confidence`, `spacing_relaxed`...): what happened. */
  readonly code: K;
  /** How serious it is, the one severity of its code (`ISSUE_CODES[code].severity`). */
  readonly severity: Severity;
  /** Where it arose: a pipeline phase, the input or port boundary, or the save. */
  readonly phase: IssuePhase;
  /** Path of the value concerned (`items[3].scheduledTime`, `captions[12].performanceScore`). */
  readonly path: string | null;
  /** For people; rendered from the code and the details by `ISSUE_CODES[code].message`. */
  readonly message: string;
  /** The numbers and names behind it, typed by the code (`IssueDetailsByCode[code]`), plus any open extra field. */
  readonly details: Readonly<IssueDetailsByCode[K]> & OpenIssueDetails;
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
  /** The one severity of the code. */
  readonly severity: Severity;
  /** Where it arises. */
  readonly phase: IssuePhase;
  /** The seed's level for it, `null` when the seed gives none (the severity is then a project or RULINGS choice, named in `source`). */
  readonly seedLevel: SeedLevel | null;
  /** Validation score points it costs (0-100 scale; errors 20, warnings 2 unless stated, info 0). */
  readonly deduction: number;
  /** Whether it reports planned items that are not in the week; `details.removed` counts them. */
  readonly removesItems: boolean;
  /** The best status a week carrying it can have (`needs_review`), else `null`. */
  readonly capsStatus: 'needs_review' | null;
  /** The seed section or ruling the code comes from. */
  readonly source: string;
  /** The one renderer of its text, from the details and the path. */
  readonly message: (details: IssueDetailsByCode[K], path: string | null) => string;
}

/**
 * The type of the issue table: one `IssueSpec` per issue code.
 *
 * @since 0.3.0
 * @category issues
 */
export type IssueTable = { readonly [K in IssueCode]: IssueSpec<K> };

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
export const ISSUE_CODES: IssueTable = Object.freeze({
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
} satisfies IssueTable);

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
    details: details as Readonly<IssueDetailsByCode[K]> & OpenIssueDetails,
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
  /** Why no schedule: `INVALID_INPUT` (inputs or policy overrides failed to decode), `DECODE_FAILED` (a port answered data that failed to decode), `CREATOR_NOT_FOUND` (001 phase 1 "CRITICAL"), `PORT_FAILURE` (a required port failed), `PORT_TIMEOUT`, `INTERNAL_ERROR` (a bug of this library). */
  readonly code:
    | 'INVALID_INPUT'
    | 'DECODE_FAILED'
    | 'CREATOR_NOT_FOUND'
    | 'PORT_FAILURE'
    | 'PORT_TIMEOUT'
    | 'INTERNAL_ERROR';
  /** The reason for people, one line. */
  readonly message: string;
  /** The issues behind it: one per failing field or path, or the `port_failure` naming the port. */
  readonly issues: ReadonlyArray<Issue>;
  /** The phase or checkpoint the build stopped at. */
  readonly phase: IssuePhase;
  /** The underlying value when there is one (the thrown error of an `INTERNAL_ERROR`, the failing port answer); for logs, never read by the library. */
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
