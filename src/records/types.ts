/**
 * The seed 004 operational records as typed values: follow-up tracking, volume predictions with
 * their outcomes, the volume calculation log and the adjustment outcomes with their learning
 * signal, and the actual results of a week they are measured from. Field names are the camelCase
 * of the 004 columns; a column the store fills itself (`id`, `created_at`, `predicted_at`,
 * `calculated_at`, `algorithm_version`, `calculation_version`) is the store's and is not here.
 *
 * The other 004 records are reused where they already live: the saga log is `SagaLogRecord`
 * (`resilience/saga`, 004 `saga_execution_log`), the idempotency record `IdempotencyRecord`
 * (`resilience/idempotency`, 004 `timing_idempotency`), the circuit breaker state
 * `CircuitBreakerRecord` (`resilience/breaker`, 004 `circuit_breaker_state`) and the rotation
 * state `CreatorRotationState` (004 `creator_rotation_state`).
 *
 * Units: minutes, USD, ISO 8601 instants in canonical UTC form, local dates `YYYY-MM-DD`, scores
 * 0-100, rates 0-1, percentages as percent (25 = 25 %).
 *
 * Source: seed 004 "Related Table: `ppv_followup_tracking`", "Volume Prediction System";
 * seed 000 task 3.8 (`v_volume_prediction_accuracy`, `weekly_actuals`).
 *
 * @module
 */
import type { PageType, SendTypeKey } from '../domain/catalog';
import type { Issue } from '../domain/issues';
import type { VolumeDataSource, VolumeResult, VolumeTier } from '../domain/stages';
import type { PpvStyle } from '../domain/types';

/**
 * One row of 004 `ppv_followup_tracking`: a PPV follow-up and the gap to its parent.
 *
 * - `parentPpvId`: the parent item's `slotId`.
 * - `parentTime`, `followupTime`: ISO instants; the actual send times when the week's actuals
 *   give them, else the scheduled ones (`timeSource` says which).
 * - `gapMinutes`: minutes from `parentTime` to `followupTime` (fractional when an actual time has
 *   seconds).
 * - `ppvType`: the parent's PPV style (`winner`, `bundle`, `solo`, `sextape`) when it has one,
 *   else its send type key (`tip_goal`).
 * - `isOptimalWindow`: `isOptimalWindow(gapMinutes)`, 15-45 minutes inclusive.
 *
 * Source: seed 004 `ppv_followup_tracking`.
 *
 * @example
 * const row: FollowupTrackingRecord = { creatorId: 'c1', parentPpvId: '2025-01-20_1',
 *   parentTime: '2025-01-20T14:07:00.000Z', followupTime: '2025-01-20T14:33:00.000Z',
 *   gapMinutes: 26, ppvType: 'winner', isOptimalWindow: true, timeSource: 'scheduled' };
 *
 * @since 0.2.0
 * @category records
 */
export interface FollowupTrackingRecord {
  /** The creator. */
  readonly creatorId: string;
  /** The parent item's `slotId` (004 `parent_ppv_id`). */
  readonly parentPpvId: string;
  /** ISO instant the parent was sent (or scheduled). */
  readonly parentTime: string;
  /** ISO instant the follow-up was sent (or scheduled). */
  readonly followupTime: string;
  /** Minutes between parent and follow-up. */
  readonly gapMinutes: number;
  /** The parent's PPV style (`winner`, `bundle`, `solo`, `sextape`) when it has one, else its send type key (`tip_goal`). */
  readonly ppvType: PpvStyle | SendTypeKey;
  /** The gap is inside the optimal 15-45 minute window (004 `is_optimal_window`). */
  readonly isOptimalWindow: boolean;
  /** Where the two times came from: both scheduled, both actual, or one of each. */
  readonly timeSource: 'scheduled' | 'actual' | 'mixed';
}

/**
 * One row of 004 `volume_predictions`: what the volume engine predicted for a week, and, once
 * measured, what happened and how far off the prediction was.
 *
 * - Inputs: `inputFanCount`, `inputPageType`, `inputSaturation`, `inputOpportunity` (0-100).
 * - Predictions: the tier and the revenue / engagement / retention sends per day
 *   (`finalConfig`), `predictedWeeklyMessages` (the schedule's items, follow-ups included) and
 *   `predictedWeeklyRevenue` (USD: the creator's `avgRevenuePerMessage` x the weekly messages;
 *   `null` when the profile has no average).
 * - Actuals (`null` until measured): `actualTotalRevenue` (USD, every item's earnings),
 *   `actualMessagesSent` (items with an actual result), `actualAvgRps` (USD per message sent),
 *   `actualRevenuePerDay` (revenue sends a day, follow-ups left out: total / days of the week;
 *   000 task 3.8 `weekly_actuals.actual_revenue_per_day`).
 * - Errors, signed percent (positive = predicted too much): `revenuePredictionErrorPct` =
 *   `(predictedWeeklyRevenue - actualTotalRevenue) / actualTotalRevenue x 100`,
 *   `volumePredictionErrorPct` = `(predictedWeeklyMessages - actualMessagesSent) /
 *   actualMessagesSent x 100`; `null` when the actual is 0 or a side is unknown (000's `NULLIF`).
 *
 * Source: seed 004 `volume_predictions`; seed 000 task 3.8 `v_volume_prediction_accuracy`.
 *
 * @example
 * volumePredictionRecordOf(week).outcomeMeasured // false
 *
 * @since 0.2.0
 * @category records
 */
export interface VolumePredictionRecord {
  /** The id the prediction port answered (`volume.predictionId`), `null` when not tracked. */
  readonly predictionId: string | null;
  /** The creator. */
  readonly creatorId: string;
  /** Active fans the prediction was made for. */
  readonly inputFanCount: number;
  /** The page type, `paid` or `free`. */
  readonly inputPageType: PageType;
  /** 0-100. */
  readonly inputSaturation: number;
  /** 0-100. */
  readonly inputOpportunity: number;
  /** The volume tier predicted. */
  readonly predictedTier: VolumeTier;
  /** Revenue sends a day. */
  readonly predictedRevenuePerDay: number;
  /** Engagement sends a day. */
  readonly predictedEngagementPerDay: number;
  /** Retention sends a day. */
  readonly predictedRetentionPerDay: number;
  /** USD. */
  readonly predictedWeeklyRevenue: number | null;
  /** Items of the schedule, follow-ups included. */
  readonly predictedWeeklyMessages: number;
  /** The saved schedule's template id, `null` when not saved. */
  readonly scheduleTemplateId: string | null;
  /** Local date the week starts, `YYYY-MM-DD`. */
  readonly weekStartDate: string;
  /** USD. */
  readonly actualTotalRevenue: number | null;
  /** Items with an actual result, `null` until measured. */
  readonly actualMessagesSent: number | null;
  /** USD per message sent. */
  readonly actualAvgRps: number | null;
  /** Revenue sends a day actually sent (follow-ups left out). */
  readonly actualRevenuePerDay: number | null;
  /** Whether actuals were given (`recordOutcomes`). */
  readonly outcomeMeasured: boolean;
  /** ISO instant of the measurement, `null` when not measured or not given. */
  readonly outcomeMeasuredAt: string | null;
  /** Signed percent. */
  readonly revenuePredictionErrorPct: number | null;
  /** Signed percent. */
  readonly volumePredictionErrorPct: number | null;
}

/**
 * One row of 004 `volume_calculation_log`: the audit record of one volume calculation.
 *
 * - `logId`: `<generationId>:volume`, the build's id (the outcome record's `logId` points here).
 * - `trackingDate`: the local date the calculation is for (002 `tracking_date`).
 * - `dataSource`: where the scores came from, in 002's words: `volume_performance_tracking`
 *   (004's `cached_tracking`), `calculated_on_demand`, `default_values` (004's `fallback`);
 *   `calculationSource` the 001 degradation level (`optimized`, `base_tier`, ...).
 * - `captionConstrained`: some send type had fewer usable captions than the pool check asks
 *   (`volume.captionShortages`); the engine reports them and never lowers counts for them.
 * - `multiHorizonUsed`: 7d/14d/30d fusion; `dowAdjusted`: weekday multipliers other than 1;
 *   `elasticityCapped`: the elasticity cap lowered revenue.
 * - `adjustmentsApplied`: the keys of `volume.adjustmentsApplied`; `notes`: the audit trail,
 *   `key: reason` joined by `; `.
 *
 * Source: seed 004 `volume_calculation_log`.
 *
 * @example
 * volumeCalculationLogOf(week).logId // '<generationId>:volume'
 *
 * @since 0.2.0
 * @category records
 */
export interface VolumeCalculationLogRecord {
  /** `<generationId>:volume`, the build's id (the outcome record's `logId` points here). */
  readonly logId: string;
  /** The creator. */
  readonly creatorId: string;
  /** Local date `YYYY-MM-DD`. */
  readonly trackingDate: string;
  /** Active fans. */
  readonly fanCount: number;
  /** The page type, `paid` or `free`. */
  readonly pageType: PageType;
  /** 0-100. */
  readonly saturationScore: number;
  /** 0-100. */
  readonly opportunityScore: number;
  /** The volume tier. */
  readonly tier: VolumeTier;
  /** Revenue sends a day after every adjustment (`finalConfig`). */
  readonly revenuePerDay: number;
  /** Engagement sends a day. */
  readonly engagementPerDay: number;
  /** Retention sends a day. */
  readonly retentionPerDay: number;
  /** The saved schedule's template id, `null` when not saved. */
  readonly scheduleTemplateId: string | null;
  /** Where the scores came from, in 002's words: `volume_performance_tracking` (004's `cached_tracking`), `calculated_on_demand`, `default_values` (004's `fallback`). */
  readonly dataSource: VolumeDataSource;
  /** The 001 degradation level (`optimized`, `base_tier`, ...). */
  readonly calculationSource: VolumeResult['calculationSource'];
  /** 0-1. */
  readonly confidenceScore: number;
  /** Some send type had fewer usable captions than the pool check asks (`volume.captionShortages`); counts are never lowered for it. */
  readonly captionConstrained: boolean;
  /** Messages the confidence rests on. */
  readonly messageCountAnalyzed: number;
  /** Whether the 7d/14d/30d fusion was used. */
  readonly multiHorizonUsed: boolean;
  /** Whether weekday multipliers other than 1 were applied. */
  readonly dowAdjusted: boolean;
  /** Whether the elasticity cap lowered revenue. */
  readonly elasticityCapped: boolean;
  /** The keys of `volume.adjustmentsApplied`, in order. */
  readonly adjustmentsApplied: ReadonlyArray<string>;
  /** The audit trail, `key: reason` joined by `; `. */
  readonly notes: string;
}

/**
 * A kind of seed 002 adjustment a week's volume applied: the saturation multiplier, the
 * opportunity multiplier, or the revenue trend's one send more or less. The learning signal acts
 * on the two multiplier kinds only (RULINGS "learning signal": "pulls that multiplier toward 1").
 *
 * Source: seed 002 "Dynamic Adjustments"; RULINGS "Campaigns and games" (learning signal).
 *
 * @example
 * const k: AdjustmentKind = 'saturation';
 *
 * @since 0.2.0
 * @category records
 */
export type AdjustmentKind = 'saturation' | 'opportunity' | 'revenue_trend';

/**
 * How a week came out: `improved` (learning signal above the neutral band), `degraded` (below
 * it), `neutral`. Source: seed 004 `volume_adjustment_outcomes.outcome_classification`.
 *
 * @example
 * classifyOutcome(0.3) // 'improved'
 *
 * @since 0.2.0
 * @category records
 */
export type OutcomeClassification = 'improved' | 'degraded' | 'neutral';

/**
 * One row of 004 `volume_adjustment_outcomes`: a week's results against the volume calculation
 * it was built from, and the learning signal it gives.
 *
 * - `outcomeId` = `<logId>:outcome`; `logId` the calculation log row.
 * - `weekStartDate` (local date) and `adjustmentKinds` (the 002 adjustments the week's volume
 *   applied; empty when the volume fell back to a degradation level) are not 004 columns: they
 *   say which week and which kinds of adjustment the signal is about.
 * - `measurementPeriod`: `<days>d`, the days of the week measured (`7d`).
 * - Inputs: the scores (0-100) and the per-day quotas the week was built from.
 * - Outcomes: `outcomeSaturationScore` / `outcomeOpportunityScore` (0-100; the caller's
 *   `actuals.outcomeScores`, else the 002 on-demand scores of the week's own sends, else `null`;
 *   `outcomeScoreSource` says which), `outcomeRevenuePerSend` (USD per message sent),
 *   `outcomeTotalRevenue` (USD), `outcomeViewRate` (viewed / sent), `outcomePurchaseRate`
 *   (purchased / viewed), `outcomeMessagesSent`.
 * - Deltas: `saturationDelta`, `opportunityDelta` (outcome - input, points),
 *   `revenuePerSendChangePct` (percent against the baseline revenue per send: the caller's
 *   `actuals.baselineRevenuePerSend`, else the profile's `avgRevenuePerMessage`).
 * - `learningSignal` in -1..1 (`learningSignalOf`) and its `outcomeClassification`.
 * - `appliedToLearning` / `appliedAt`: for the store; `recordOutcomes` writes `false` / `null`,
 *   and the volume engine reads every past record whatever they say.
 *
 * Source: seed 004 `volume_adjustment_outcomes`, "Learning Signal Values".
 *
 * @example
 * recordOutcomes(week, actuals).adjustmentOutcome.learningSignal // e.g. 0.42
 *
 * @since 0.2.0
 * @category records
 */
export interface VolumeAdjustmentOutcomeRecord {
  /** `<logId>:outcome`. */
  readonly outcomeId: string;
  /** The calculation log row the week was built from. */
  readonly logId: string;
  /** The creator. */
  readonly creatorId: string;
  /** Local date `YYYY-MM-DD`. */
  readonly weekStartDate: string;
  /** ISO instant, `null` when not given. */
  readonly measuredAt: string | null;
  /** `<days>d`, the days of the week measured (`7d`). */
  readonly measurementPeriod: string;
  /** The 002 adjustments the week's volume applied; empty when it fell back to a degradation level. */
  readonly adjustmentKinds: ReadonlyArray<AdjustmentKind>;
  /** Saturation (0-100) the week was built from. */
  readonly inputSaturationScore: number;
  /** Opportunity (0-100) the week was built from. */
  readonly inputOpportunityScore: number;
  /** The volume tier the week was built with. */
  readonly inputTier: VolumeTier;
  /** Revenue sends a day planned. */
  readonly inputRevenuePerDay: number;
  /** Engagement sends a day planned. */
  readonly inputEngagementPerDay: number;
  /** Retention sends a day planned. */
  readonly inputRetentionPerDay: number;
  /** Saturation (0-100) after the week, `null` when unknown. */
  readonly outcomeSaturationScore: number | null;
  /** Opportunity (0-100) after the week, `null` when unknown. */
  readonly outcomeOpportunityScore: number | null;
  /** Where the outcome scores came from: `provided` (the caller's `actuals.outcomeScores`), `calculated_on_demand` (the week's own sends), `null` when unknown. */
  readonly outcomeScoreSource: 'provided' | 'calculated_on_demand' | null;
  /** USD per message sent. */
  readonly outcomeRevenuePerSend: number | null;
  /** USD. */
  readonly outcomeTotalRevenue: number;
  /** 0-1. */
  readonly outcomeViewRate: number | null;
  /** 0-1. */
  readonly outcomePurchaseRate: number | null;
  /** Items with an actual result. */
  readonly outcomeMessagesSent: number;
  /** Points. */
  readonly saturationDelta: number | null;
  /** Points. */
  readonly opportunityDelta: number | null;
  /** Percent. */
  readonly revenuePerSendChangePct: number | null;
  /** `improved`, `degraded` or `neutral` by the learning signal. */
  readonly outcomeClassification: OutcomeClassification;
  /** -1..1. */
  readonly learningSignal: number;
  /** For the store: `recordOutcomes` writes `false`; the volume engine reads every past record whatever it says. */
  readonly appliedToLearning: boolean;
  /** ISO instant, `null` until applied. */
  readonly appliedAt: string | null;
}

/**
 * The actual result of one scheduled item, keyed by its `slotId`: `sent` (recipients reached),
 * `viewed`, `purchased` (counts, integers >= 0), `earnings` (USD >= 0) and, optionally, the
 * ISO instant it was really sent (`sentAt`). An item with an entry counts as sent; an item
 * without one was not sent. Extra fields are ignored.
 *
 * Source: seed 004 `volume_predictions` "Actual outcomes"; seed 000 task 3.8 `weekly_actuals`.
 *
 * @example
 * const a: ItemActual = { slotId: '2025-01-20_1', sent: 900, viewed: 400, purchased: 20, earnings: 300 };
 *
 * @since 0.2.0
 * @category records
 */
export interface ItemActual {
  /** The scheduled item's slot id. */
  readonly slotId: string;
  /** Recipients reached, an integer >= 0. */
  readonly sent: number;
  /** Recipients who viewed it. */
  readonly viewed: number;
  /** Recipients who bought it. */
  readonly purchased: number;
  /** USD. */
  readonly earnings: number;
  /** ISO instant, when known. */
  readonly sentAt?: string | null;
}

/**
 * A week's actual results, for `recordOutcomes`.
 *
 * - `items`: one `ItemActual` per item sent.
 * - `measuredAt`: ISO instant of the measurement (`outcome_measured_at`, `measured_at`); no
 *   clock is read, so without it they are `null`.
 * - `outcomeScores`: saturation and opportunity (0-100) measured after the week (e.g. the
 *   tracked 14-day scores); without them the 002 on-demand scores of the week's own sends.
 * - `baselineRevenuePerSend`: USD per send to measure the week against; without it the
 *   profile's `avgRevenuePerMessage`.
 *
 * Anything else, and any value that does not decode, is reported as an `actual_skipped` issue.
 *
 * Source: seed 004 `volume_adjustment_outcomes` (outcome metrics).
 *
 * @example
 * const actuals: WeekActuals = { items: [{ slotId: '2025-01-20_1', sent: 900, viewed: 400, purchased: 20, earnings: 300 }] };
 *
 * @since 0.2.0
 * @category records
 */
export interface WeekActuals {
  /** One `ItemActual` per item sent. */
  readonly items: ReadonlyArray<ItemActual>;
  /** UTC ISO instant of the measurement (`outcome_measured_at`, `measured_at`); no clock is read, so without it they are `null`. */
  readonly measuredAt?: string | null;
  /** Saturation and opportunity measured after the week (e.g. the tracked 14-day scores); without them the 002 on-demand scores of the week's own sends. */
  readonly outcomeScores?: {
    /** Saturation after the week, 0-100. */
    readonly saturationScore: number;
    /** Opportunity after the week, 0-100. */
    readonly opportunityScore: number;
  } | null;
  /** USD per send to measure the week against; without it the profile's `avgRevenuePerMessage`. */
  readonly baselineRevenuePerSend?: number | null;
}

/**
 * What `recordOutcomes` answers: the week's seed 004 records and the issues of its actuals
 * (`actual_skipped`: entries and fields that were not used).
 *
 * Source: seed 004 "Volume Prediction System", `ppv_followup_tracking`.
 *
 * @example
 * const { followupTracking, volumePrediction, calculationLog, adjustmentOutcome, issues } = recordOutcomes(week, actuals);
 *
 * @since 0.2.0
 * @category records
 */
export interface WeekOutcomeRecords {
  /** One row per follow-up of the week, in the schedule's order. */
  readonly followupTracking: ReadonlyArray<FollowupTrackingRecord>;
  /** The 004 `volume_predictions` row with its actuals. */
  readonly volumePrediction: VolumePredictionRecord;
  /** The 004 `volume_calculation_log` row of the week's volume. */
  readonly calculationLog: VolumeCalculationLogRecord;
  /** The 004 `volume_adjustment_outcomes` row with its learning signal. */
  readonly adjustmentOutcome: VolumeAdjustmentOutcomeRecord;
  /** Entries and fields of the actuals that were not used (`actual_skipped`). */
  readonly issues: ReadonlyArray<Issue>;
}
