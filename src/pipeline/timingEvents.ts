/**
 * The timing events of a built week (seed 003 task 2.2b): derived from the result alone, so the
 * events a caller reads in `result.timingEvents` and those its logger port receives are the
 * same, and a build stays pure (no clock: each event carries the instant it is about).
 *
 * @module
 */
import type { TimingEvent } from '../domain/audit';
import type { ScheduleResult } from '../domain/stages';
import type { ScheduleItem } from '../domain/types';

/** The 003 task 2.2b follow-up window: optimal 15-45 minutes, early under 20, late over 40. */
const WINDOW = { min: 15, max: 45, earlyBelow: 20, lateAbove: 40 } as const;

const minuteOfTime = (time: string): number =>
  Number.parseInt(time.slice(0, 2), 10) * 60 + Number.parseInt(time.slice(3, 5), 10);

const hhmm = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(((minute % 60) + 60) % 60).padStart(2, '0')}`;

/** Share of positions two patterns differ in, 0-1 (1 when either is empty). Seed 003 `_calculate_diversity`. */
const diversity = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): number => {
  if (a.length === 0 || b.length === 0) return 1;
  let d = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) d++;
  return d / a.length;
};

/**
 * Every timing event of `result`, in this order: rotation changes and state transitions (by
 * date), then per send in send order its jitter and, for a follow-up, its scheduling, then the
 * same-style repairs, the pin actions (when the result plans pins), the validation result and
 * the save's saga (when a save ran). Pure and total.
 *
 * Source: seed 003 task 2.2b (`log_rotation_change`, `log_followup_scheduled`,
 * `log_jitter_applied`, `log_validation_result`, `log_saga_execution`); issue 7 deliverable 10.
 *
 * @example
 * timingEventsOf(week).filter((e) => e.eventType === 'followup_scheduled').every((e) => e.details.isOptimalWindow)
 *
 * @since 0.3.0
 * @category pipeline
 */
export const timingEventsOf = (result: ScheduleResult): ReadonlyArray<TimingEvent> => {
  const creatorId = result.creatorId;
  const ev = (
    eventType: TimingEvent['eventType'],
    at: string | null,
    details: Readonly<Record<string, unknown>>,
  ): TimingEvent => ({ eventType, creatorId, at, details });
  const out: TimingEvent[] = [];
  for (const r of result.rotation.rotations)
    out.push(
      ev('rotation_change', r.date, {
        oldPattern: r.oldPattern,
        newPattern: r.newPattern,
        rotationMethod: r.method,
        daysOnPreviousPattern: r.daysOnPrevious,
        patternDiversityScore: diversity(r.oldPattern, r.newPattern),
      }),
    );
  for (const t of result.rotation.transitions)
    out.push(ev('rotation_state_change', t.date, { from: t.from, to: t.to }));
  // Each send's instant parsed once (issue 11), not in every comparison of the sort.
  const bySlot = new Map<string, ScheduleItem>();
  const sends: Array<{ readonly item: ScheduleItem; readonly at: number }> = [];
  for (const item of result.items) {
    bySlot.set(item.slotId, item);
    sends.push({ item, at: Date.parse(item.scheduledAt) });
  }
  sends.sort((a, b) => a.at - b.at || (a.item.slotId < b.item.slotId ? -1 : 1));
  for (const { item, at } of sends) {
    if (item.isFollowUp) {
      const parent = item.parentItemId === null ? undefined : bySlot.get(item.parentItemId);
      const gap =
        parent === undefined
          ? (item.followupDelayMinutes ?? 0)
          : (at - Date.parse(parent.scheduledAt)) / 60_000;
      out.push(
        ev('followup_scheduled', item.scheduledAt, {
          slotId: item.slotId,
          parentTime: parent?.scheduledAt ?? null,
          followupTime: item.scheduledAt,
          gapMinutes: Math.round(gap * 10) / 10,
          ppvType: parent?.ppvStyle ?? parent?.sendTypeKey ?? null,
          isOptimalWindow: gap >= WINDOW.min && gap <= WINDOW.max,
          windowPosition:
            gap < WINDOW.earlyBelow ? 'early' : gap > WINDOW.lateAbove ? 'late' : 'optimal',
        }),
      );
      continue;
    }
    const v = item.variationMetadata;
    const final = minuteOfTime(item.scheduledTime);
    const original = v.baseHour * 60 + v.timeShift;
    out.push(
      ev('jitter_applied', item.scheduledAt, {
        slotId: item.slotId,
        originalTime: hhmm(original),
        jitteredTime: hhmm(final),
        offsetMinutes: v.jitter,
        sendType: item.sendTypeKey,
        finalMinute: final % 60,
        avoidedRoundMinute: final % 15 !== 0,
      }),
    );
  }
  const repairs = result.summary.adjustments.flatMap((i) =>
    i.code === 'same_style_repaired' ? [i] : [],
  );
  for (const r of repairs)
    out.push(
      ev('same_style_repair', r.details.date, {
        strategy: r.details.strategy,
        slotIds: r.details.slotIds,
        violationsBefore: r.details.violationsBefore,
        violationsAfter: r.details.violationsAfter,
      }),
    );
  for (const a of result.pins.actions)
    out.push(
      ev('pin', a.at, {
        action: a.action,
        postId: a.postId,
        reason: a.reason,
        pinEnd: a.pinEnd ?? null,
        priority: a.priority,
      }),
    );
  const v = result.validation;
  out.push(
    ev('validation_result', null, {
      validationType: 'schedule',
      status: v.status,
      isValid: v.status === 'passed' || v.status === 'passed_with_warnings',
      errorCount: v.errors.length,
      errors: v.errors.slice(0, 5).map((e) => e.code),
      repairsApplied: repairs.map((r) => r.details.strategy),
      repairCount: repairs.length,
    }),
  );
  if (result.save.sagaStatus !== null) {
    const last = result.save.sagaLog[result.save.sagaLog.length - 1];
    out.push(
      ev('saga_execution', null, {
        status: result.save.sagaStatus,
        completedSteps: last?.stepsCompleted ?? [],
        failedStep: last?.failedStep ?? null,
        error: last?.errorMessage ?? null,
        scheduleItemCount: result.items.length,
      }),
    );
  }
  return out;
};
