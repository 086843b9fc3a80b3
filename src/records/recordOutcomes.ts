/**
 * `recordOutcomes`: a built week and its actual results turned into the seed 004 records -
 * follow-up tracking rows, the volume prediction with its outcome and errors, the volume
 * calculation log row and the adjustment outcome with its learning signal. Pure: no clock (the
 * measurement instant is the caller's), no I/O; junk actuals are issues, never a throw.
 *
 * Source: seed 004 `ppv_followup_tracking`, "Volume Prediction System"; seed 000 task 3.8
 * (`weekly_actuals`).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { sum } from 'simple-statistics';
import { IsoInstantC, NonNegativeNumberC } from '../domain/codecs';
import { decodeWith, readField, showReceived, UNREADABLE } from '../domain/decode';
import { type Issue, issue } from '../domain/issues';
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import type { ScheduleResult } from '../domain/stages';
import { addDaysIso, weekDatesFrom } from '../domain/time';
import type { MassMessage, ScheduleItem } from '../domain/types';
import { calculateScoresFromHistory } from '../volume/scores';
import { ItemActualC, OutcomeScoresC } from './codecs';
import { isOptimalWindow } from './followupTracking';
import { classifyOutcome, learningSignalOf } from './learningSignal';
import type {
  AdjustmentKind,
  FollowupTrackingRecord,
  ItemActual,
  VolumeAdjustmentOutcomeRecord,
  VolumeCalculationLogRecord,
  VolumePredictionRecord,
  WeekActuals,
  WeekOutcomeRecords,
} from './types';

const KNOWN_KEYS: ReadonlyArray<string> = [
  'items',
  'measuredAt',
  'outcomeScores',
  'baselineRevenuePerSend',
];

interface ReadActuals {
  readonly bySlot: ReadonlyMap<string, ItemActual>;
  readonly measuredAt: string | null;
  readonly outcomeScores: {
    readonly saturationScore: number;
    readonly opportunityScore: number;
  } | null;
  readonly baselineRevenuePerSend: number | null;
  readonly issues: ReadonlyArray<Issue>;
}

const skipped = (
  path: string,
  expected: string,
  received: unknown,
  reason: 'invalid' | 'unknown_slot' | 'duplicate_slot' = 'invalid',
  slotId: string | null = null,
): Issue =>
  issue(
    'actual_skipped',
    {
      reason,
      slotId,
      expected,
      received: received === UNREADABLE ? 'an unreadable value' : showReceived(received),
    },
    path,
  );

/** Decoding issues of `actual_skipped`'s shape (reason `invalid`). */
const asSkipped = (issues: ReadonlyArray<Issue>, slotId: string | null): ReadonlyArray<Issue> =>
  issues.map((i) =>
    issue(
      'actual_skipped',
      {
        reason: 'invalid',
        slotId,
        expected: typeof i.details.expected === 'string' ? i.details.expected : 'a valid value',
        received: typeof i.details.received === 'string' ? i.details.received : 'an invalid value',
      },
      i.path,
    ),
  );

/** An optional field: `null` when absent or `null`, else decoded (a failure is reported, `null`). */
const optionalField = <A>(
  actuals: unknown,
  key: string,
  codec: t.Decoder<unknown, A>,
  issues: Issue[],
): A | null => {
  const u = readField(actuals, key);
  if (u === undefined || u === null) return null;
  if (u === UNREADABLE) {
    issues.push(skipped(`actuals.${key}`, 'a readable value', u));
    return null;
  }
  const d = decodeWith(codec, u, `actuals.${key}`, 'invalid_input');
  if (E.isRight(d)) return d.right;
  issues.push(...asSkipped(d.left, null));
  return null;
};

const readActuals = (schedule: ScheduleResult, actuals: unknown): ReadActuals => {
  const issues: Issue[] = [];
  const bySlot = new Map<string, ItemActual>();
  const empty = (): ReadActuals => ({
    bySlot,
    measuredAt: null,
    outcomeScores: null,
    baselineRevenuePerSend: null,
    issues,
  });
  try {
    if (typeof actuals !== 'object' || actuals === null || Array.isArray(actuals)) {
      issues.push(skipped('actuals', 'week actuals (an object with items)', actuals));
      return empty();
    }
    for (const key of Object.keys(actuals))
      if (!KNOWN_KEYS.includes(key))
        issues.push(skipped(`actuals.${key}`, 'unknown key', readField(actuals, key)));
    const slots = new Set(schedule.items.map((i) => i.slotId));
    const items = readField(actuals, 'items');
    if (!Array.isArray(items))
      issues.push(skipped('actuals.items', 'an array of item actuals', items));
    else
      for (let i = 0; i < items.length; i++) {
        const path = `actuals.items[${i}]`;
        const entry: unknown = items[i];
        const rawSlot = readField(entry, 'slotId');
        const slotId = typeof rawSlot === 'string' ? rawSlot : null;
        const d = decodeWith(ItemActualC, entry, path, 'invalid_input');
        if (E.isLeft(d)) issues.push(...asSkipped(d.left, slotId));
        else if (!slots.has(d.right.slotId))
          issues.push(
            skipped(
              `${path}.slotId`,
              'a slot id of the schedule',
              d.right.slotId,
              'unknown_slot',
              d.right.slotId,
            ),
          );
        else if (bySlot.has(d.right.slotId))
          issues.push(
            skipped(
              `${path}.slotId`,
              'one actual per slot',
              d.right.slotId,
              'duplicate_slot',
              d.right.slotId,
            ),
          );
        else bySlot.set(d.right.slotId, d.right);
      }
    return {
      bySlot,
      measuredAt: optionalField(actuals, 'measuredAt', IsoInstantC, issues),
      outcomeScores: optionalField(actuals, 'outcomeScores', OutcomeScoresC, issues),
      baselineRevenuePerSend: optionalField(
        actuals,
        'baselineRevenuePerSend',
        NonNegativeNumberC,
        issues,
      ),
      issues,
    };
  } catch (e) {
    // A value whose reading throws (a Proxy, a getter on an array index): nothing more is read.
    issues.push(skipped('actuals', 'readable week actuals', e instanceof Error ? e.message : e));
    return empty();
  }
};

/** `x` when a finite number, else `null` (a record never holds an infinity or `NaN`). */
const finiteOrNull = (x: number | null): number | null =>
  x !== null && Number.isFinite(x) ? x : null;

/** `(predicted - actual) / actual x 100`, `null` when either is unknown or the actual is 0. */
const errorPct = (predicted: number | null, actual: number | null): number | null =>
  predicted === null || actual === null || actual === 0
    ? null
    : finiteOrNull(((predicted - actual) / actual) * 100);

const cents = (usd: number): number => Math.round(usd * 100) / 100;

/** The 002 adjustment kinds a week's volume applied (none when it fell back to a degradation level). */
const adjustmentKindsOf = (schedule: ScheduleResult): ReadonlyArray<AdjustmentKind> => {
  const v = schedule.volume;
  if (v.calculationSource !== 'optimized') return [];
  const has = (prefix: string) => v.adjustmentsApplied.some((a) => a.startsWith(prefix));
  return (
    [
      ['saturation', 'saturation_x'],
      ['opportunity', 'opportunity_x'],
      ['revenue_trend', 'revenue_trend_'],
    ] as const
  )
    .filter(([, prefix]) => has(prefix))
    .map(([kind]) => kind);
};

/**
 * The seed 004 `volume_predictions` row of a built week before it is measured: inputs and
 * predictions from `schedule.volume` (see `VolumePredictionRecord`), every actual field `null`,
 * `outcomeMeasured: false`. Never throws.
 *
 * @example
 * volumePredictionRecordOf(week).predictedRevenuePerDay // week.volume.finalConfig.revenuePerDay
 *
 * Source: seed 004 `volume_predictions`.
 *
 * @since 0.2.0
 * @category records
 */
export const volumePredictionRecordOf = (schedule: ScheduleResult): VolumePredictionRecord => {
  const v = schedule.volume;
  const avg = schedule.creator.avgRevenuePerMessage ?? null;
  const messages = schedule.items.length;
  return {
    predictionId: v.predictionId,
    creatorId: schedule.creatorId,
    inputFanCount: v.fanCount,
    inputPageType: v.pageType,
    inputSaturation: v.saturationScore,
    inputOpportunity: v.opportunityScore,
    predictedTier: v.finalConfig.tier,
    predictedRevenuePerDay: v.finalConfig.revenuePerDay,
    predictedEngagementPerDay: v.finalConfig.engagementPerDay,
    predictedRetentionPerDay: v.finalConfig.retentionPerDay,
    predictedWeeklyRevenue: avg === null ? null : finiteOrNull(cents(avg * messages)),
    predictedWeeklyMessages: messages,
    scheduleTemplateId: schedule.templateId,
    weekStartDate: schedule.weekStart,
    actualTotalRevenue: null,
    actualMessagesSent: null,
    actualAvgRps: null,
    actualRevenuePerDay: null,
    outcomeMeasured: false,
    outcomeMeasuredAt: null,
    revenuePredictionErrorPct: null,
    volumePredictionErrorPct: null,
  };
};

/**
 * The seed 004 `volume_calculation_log` row of a built week's volume (see
 * `VolumeCalculationLogRecord`); `logId` is `<generationId>:volume`. Never throws.
 *
 * @example
 * volumeCalculationLogOf(week).dowAdjusted // true when weekday multipliers were applied
 *
 * Source: seed 004 `volume_calculation_log`.
 *
 * @since 0.2.0
 * @category records
 */
export const volumeCalculationLogOf = (schedule: ScheduleResult): VolumeCalculationLogRecord => {
  const v = schedule.volume;
  return {
    logId: `${schedule.audit.generationId}:volume`,
    creatorId: schedule.creatorId,
    trackingDate: v.trackingDate,
    fanCount: v.fanCount,
    pageType: v.pageType,
    saturationScore: v.saturationScore,
    opportunityScore: v.opportunityScore,
    tier: v.finalConfig.tier,
    revenuePerDay: v.finalConfig.revenuePerDay,
    engagementPerDay: v.finalConfig.engagementPerDay,
    retentionPerDay: v.finalConfig.retentionPerDay,
    scheduleTemplateId: schedule.templateId,
    dataSource: v.dataSource,
    calculationSource: v.calculationSource,
    confidenceScore: v.confidenceScore,
    captionConstrained: v.captionShortages.length > 0,
    messageCountAnalyzed: v.messageCount,
    multiHorizonUsed: v.adjustmentsApplied.includes('multi_horizon_fusion'),
    dowAdjusted: v.adjustmentsApplied.includes('dow_multipliers'),
    elasticityCapped: v.elasticityCapped,
    adjustmentsApplied: v.adjustmentsApplied,
    notes: v.auditTrail.map((a) => `${a.adjustment}: ${a.reason}`).join('; '),
  };
};

/** The follow-up tracking rows of the week: each follow-up with its parent, in item order. */
const followupRows = (
  schedule: ScheduleResult,
  bySlot: ReadonlyMap<string, ItemActual>,
  policy: SchedulePolicy,
): ReadonlyArray<FollowupTrackingRecord> => {
  const items = new Map(schedule.items.map((i) => [i.slotId, i]));
  return schedule.items.flatMap((f): FollowupTrackingRecord[] => {
    if (!f.isFollowUp || f.parentItemId === null) return [];
    const parent = items.get(f.parentItemId);
    if (parent === undefined) return [];
    const parentActual = bySlot.get(parent.slotId)?.sentAt ?? null;
    const followupActual = bySlot.get(f.slotId)?.sentAt ?? null;
    const parentTime = parentActual ?? parent.scheduledAt;
    const followupTime = followupActual ?? f.scheduledAt;
    const gapMinutes = (Date.parse(followupTime) - Date.parse(parentTime)) / 60_000;
    if (!Number.isFinite(gapMinutes)) return [];
    const actual = (parentActual === null ? 0 : 1) + (followupActual === null ? 0 : 1);
    return [
      {
        creatorId: schedule.creatorId,
        parentPpvId: parent.slotId,
        parentTime,
        followupTime,
        gapMinutes,
        ppvType: parent.ppvStyle ?? parent.sendTypeKey,
        isOptimalWindow: isOptimalWindow(gapMinutes, policy),
        timeSource: actual === 0 ? 'scheduled' : actual === 2 ? 'actual' : 'mixed',
      },
    ];
  });
};

/** The week's sends as mass-message history, for the 002 on-demand scores. */
const asHistory = (
  schedule: ScheduleResult,
  sent: ReadonlyArray<readonly [ScheduleItem, ItemActual]>,
): ReadonlyArray<MassMessage> =>
  sent.map(([item, a]) => ({
    creatorId: schedule.creatorId,
    sentAt: a.sentAt ?? item.scheduledAt,
    sendTypeKey: item.sendTypeKey,
    price: item.suggestedPrice,
    sent: a.sent,
    viewed: a.viewed,
    purchased: a.purchased,
    earnings: a.earnings,
    captionId: item.captionId,
  }));

/**
 * Turns a built week and its actual results into the seed 004 records.
 *
 * Inputs: `schedule` (what `buildSchedule` answered) and `actuals` (`WeekActuals`; at run time
 * any value is accepted and read defensively, as from JSON). Output (`WeekOutcomeRecords`):
 *
 * - `followupTracking`: one `FollowupTrackingRecord` per follow-up of the week, with the actual
 *   send times where the actuals give them (`timeSource`), the gap in minutes and
 *   `isOptimalWindow` (15-45 minutes).
 * - `volumePrediction`: `volumePredictionRecordOf(schedule)` measured: `actualTotalRevenue`
 *   (USD), `actualMessagesSent` (items with an actual), `actualAvgRps`, `actualRevenuePerDay`
 *   (revenue sends that were not follow-ups / days of the week), the signed error percents,
 *   `outcomeMeasured: true`, `outcomeMeasuredAt` = `actuals.measuredAt` (`null` without it).
 * - `calculationLog`: `volumeCalculationLogOf(schedule)`.
 * - `adjustmentOutcome`: the week against its calculation: outcome scores (the caller's
 *   `outcomeScores`, else the 002 on-demand scores of the week's own sends over the week's
 *   days, in UTC days as `calculateScoresFromHistory` counts them, else `null`), revenue per
 *   send, view and purchase rates, the deltas, `learningSignalOf` and `classifyOutcome`.
 * - `issues`: an `actual_skipped` warning for each entry or field not used - an entry that does
 *   not decode (negative, `NaN`, non-integer counts, a missing field: path
 *   `actuals.items[3].sent`), an unknown slot id, a second entry for a slot (the first is kept),
 *   an unknown key, an invalid `measuredAt`, `outcomeScores` or `baselineRevenuePerSend`.
 *
 * Never throws, whatever `actuals` is (a value that throws when read is one issue at `actuals`).
 * No clock is read.
 *
 * @example
 * const { volumePrediction, adjustmentOutcome, issues } = recordOutcomes(week, {
 *   items: [{ slotId: '2025-01-20_1', sent: 900, viewed: 400, purchased: 20, earnings: 300 }],
 *   measuredAt: '2025-01-28T09:00:00Z',
 * });
 *
 * Source: seed 004 `ppv_followup_tracking`, `volume_predictions`, `volume_calculation_log`,
 * `volume_adjustment_outcomes`; seed 000 task 3.8.
 *
 * @since 0.2.0
 * @category records
 */
export const recordOutcomes = (
  schedule: ScheduleResult,
  actuals: WeekActuals,
  policy: SchedulePolicy = DEFAULT_POLICY,
): WeekOutcomeRecords => {
  const read = readActuals(schedule, actuals);
  const v = schedule.volume;
  const sent = schedule.items.flatMap((i): Array<readonly [ScheduleItem, ItemActual]> => {
    const a = read.bySlot.get(i.slotId);
    return a === undefined ? [] : [[i, a]];
  });
  const days = weekDatesFrom(schedule.weekStart).length;
  const messagesSent = sent.length;
  const totalRevenue = cents(sum(sent.map(([, a]) => a.earnings)));
  const recipients = sum(sent.map(([, a]) => a.sent));
  const viewed = sum(sent.map(([, a]) => a.viewed));
  const purchased = sum(sent.map(([, a]) => a.purchased));
  const revenuePerSend = messagesSent > 0 ? totalRevenue / messagesSent : null;
  const revenueSends = sent.filter(([i]) => !i.isFollowUp && i.category === 'revenue').length;

  const predicted = volumePredictionRecordOf(schedule);
  const volumePrediction: VolumePredictionRecord = {
    ...predicted,
    actualTotalRevenue: totalRevenue,
    actualMessagesSent: messagesSent,
    actualAvgRps: revenuePerSend,
    actualRevenuePerDay: days > 0 ? revenueSends / days : null,
    outcomeMeasured: true,
    outcomeMeasuredAt: read.measuredAt,
    revenuePredictionErrorPct: errorPct(predicted.predictedWeeklyRevenue, totalRevenue),
    volumePredictionErrorPct: errorPct(predicted.predictedWeeklyMessages, messagesSent),
  };
  const calculationLog = volumeCalculationLogOf(schedule);

  const onDemand =
    read.outcomeScores === null && sent.length > 0
      ? calculateScoresFromHistory(
          asHistory(schedule, sent),
          addDaysIso(schedule.weekStart, days),
          { ...policy, volume: { ...policy.volume, scoreWindowDays: days } },
        )
      : null;
  const scores = read.outcomeScores ?? onDemand;
  const baseline = read.baselineRevenuePerSend ?? schedule.creator.avgRevenuePerMessage ?? null;
  const deltas = {
    saturationDelta: scores === null ? null : scores.saturationScore - v.saturationScore,
    opportunityDelta: scores === null ? null : scores.opportunityScore - v.opportunityScore,
    revenuePerSendChangePct:
      revenuePerSend === null || baseline === null || !(baseline > 0)
        ? null
        : finiteOrNull(((revenuePerSend - baseline) / baseline) * 100),
  };
  const learningSignal = learningSignalOf(deltas, policy);
  const adjustmentOutcome: VolumeAdjustmentOutcomeRecord = {
    outcomeId: `${calculationLog.logId}:outcome`,
    logId: calculationLog.logId,
    creatorId: schedule.creatorId,
    weekStartDate: schedule.weekStart,
    measuredAt: read.measuredAt,
    measurementPeriod: `${days}d`,
    adjustmentKinds: adjustmentKindsOf(schedule),
    inputSaturationScore: v.saturationScore,
    inputOpportunityScore: v.opportunityScore,
    inputTier: v.finalConfig.tier,
    inputRevenuePerDay: v.finalConfig.revenuePerDay,
    inputEngagementPerDay: v.finalConfig.engagementPerDay,
    inputRetentionPerDay: v.finalConfig.retentionPerDay,
    outcomeSaturationScore: scores?.saturationScore ?? null,
    outcomeOpportunityScore: scores?.opportunityScore ?? null,
    outcomeScoreSource:
      read.outcomeScores !== null ? 'provided' : onDemand !== null ? 'calculated_on_demand' : null,
    outcomeRevenuePerSend: revenuePerSend,
    outcomeTotalRevenue: totalRevenue,
    outcomeViewRate: recipients > 0 ? viewed / recipients : null,
    outcomePurchaseRate: viewed > 0 ? purchased / viewed : null,
    outcomeMessagesSent: messagesSent,
    ...deltas,
    outcomeClassification: classifyOutcome(learningSignal, policy),
    learningSignal,
    appliedToLearning: false,
    appliedAt: null,
  };
  return {
    followupTracking: followupRows(schedule, read.bySlot, policy),
    volumePrediction,
    calculationLog,
    adjustmentOutcome,
    issues: read.issues,
  };
};
