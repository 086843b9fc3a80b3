/**
 * The timing rules of RULINGS "Timing" and "Follow-ups" (window) as validation checks: each
 * broken rule is an error.
 *
 * @module
 */

import { SEND_TYPES, type SendTypeKey } from '../domain/catalog';
import { type Issue, issue } from '../domain/issues';
import { inWindow, isRoundMinute } from '../domain/rules';
import { addDaysIso, hhmm } from '../domain/time';
import type { ScheduleItem } from '../domain/types';
import { sameStyleIssues } from '../rotation/sameStyle';
import { familyOf, groupBy, groupsOver, itemPath, specOf } from './helpers';
import type { Check, ValidationInput } from './types';
import { closePairs, mayHaveClosePair, type WeekGroups, weekCheck } from './week';

/**
 * Window: allocated items lie inside the week and between `windowStartMinute` and
 * `windowEndMinute` (08:00-23:30 local). A follow-up lies on its parent's local date between
 * the window start and `latestMinuteOfDay` (23:59), or, only with `allowNextDayFollowups`, in
 * the early hours of the next date. Errors `outside_window`, `outside_week`.
 *
 * Source: RULINGS "Timing" (window) and "Follow-ups" (late parents).
 *
 * @since 0.1.0
 * @category validation
 */
export const checkWindow: Check = weekCheck((w) => {
  const input = w.input;
  const t = input.policy.timing;
  const latest = input.policy.followups.latestMinuteOfDay;
  const week = new Set(input.weekDates);
  const windowOf = { windowStart: hhmm(t.windowStartMinute), windowEnd: hhmm(t.windowEndMinute) };
  // One pass; an item's details are made only when it breaks the rule (issue 11).
  const details = (item: ScheduleItem) => ({
    slotId: item.slotId,
    scheduledDate: item.scheduledDate,
    scheduledTime: item.scheduledTime,
  });
  const outside = (item: ScheduleItem, isFollowUp: boolean, parentDate: string | null) => ({
    slotId: item.slotId,
    scheduledDate: item.scheduledDate,
    scheduledTime: item.scheduledTime,
    windowStart: windowOf.windowStart,
    windowEnd: windowOf.windowEnd,
    isFollowUp,
    parentDate,
  });
  const out: Issue[] = [];
  for (const { item, index } of w.all()) {
    const m = w.minuteAt(index);
    if (!Number.isFinite(m)) continue;
    if (!item.isFollowUp) {
      if (!week.has(item.scheduledDate))
        out.push(issue('outside_week', details(item), itemPath(index, 'scheduledDate')));
      if (!inWindow(m, input.policy))
        out.push(
          issue('outside_window', outside(item, false, null), itemPath(index, 'scheduledTime')),
        );
      continue;
    }
    const parentDate =
      (item.parentItemId !== null ? w.itemOfId(item.parentItemId)?.scheduledDate : undefined) ??
      item.scheduledDate;
    const sameDay = item.scheduledDate === parentDate && m >= t.windowStartMinute && m <= latest;
    const nextDay =
      input.allowNextDayFollowups === true &&
      item.scheduledDate === addDaysIso(parentDate, 1) &&
      m < t.windowStartMinute;
    if (!(sameDay || nextDay))
      out.push(
        issue('outside_window', outside(item, true, parentDate), itemPath(index, 'scheduledTime')),
      );
  }
  return out;
});

/**
 * Round minutes: no item (follow-ups included) at a minute of `policy.timing.roundMinutes`
 * (:00, :15, :30, :45). Error `round_minute`.
 *
 * Source: seed 003 gap 10.7; RULINGS "Timing" (jitter).
 *
 * @since 0.1.0
 * @category validation
 */
export const checkRoundMinutes: Check = weekCheck((w) =>
  w
    .all()
    .filter(({ index }) => {
      const m = w.minuteAt(index);
      return Number.isFinite(m) && isRoundMinute(m, w.input.policy);
    })
    .map(({ item, index }) =>
      issue(
        'round_minute',
        { slotId: item.slotId, scheduledTime: item.scheduledTime },
        itemPath(index, 'scheduledTime'),
      ),
    ),
);

/**
 * Spacing: two allocated sends of the same channel family are at least the last spacing step
 * apart (`policy.timing.spacingSteps`, 20 minutes). Follow-ups are exempt. Error
 * `spacing_violation` per pair.
 *
 * Source: RULINGS "Timing" (spacing, relaxation).
 *
 * @since 0.1.0
 * @category validation
 */
export const checkSpacing: Check = weekCheck((w) => {
  const steps = w.input.policy.timing.spacingSteps;
  const min = steps[steps.length - 1] ?? 0;
  // Issue 11: the shared grouping tells a week without a close pair; pairs are made only for one.
  if (!mayHaveClosePair(w.groups(), 0, 'family', min)) return [];
  return closePairs(
    w,
    (i) => !i.isFollowUp,
    familyOf,
    () => min,
  ).map(({ key, a, b, gap }) =>
    issue(
      'spacing_violation',
      {
        family: key,
        slotIds: [a.item.slotId, b.item.slotId],
        gapMinutes: gap,
        minMinutes: min,
      },
      itemPath(b.index, 'scheduledAt'),
    ),
  );
});

/**
 * 4-hour blocks: at most `policy.timing.maxPerBlock` (3) allocated sends of a channel family in
 * each local block of `blockMinutes` (240) from 00:00. Follow-ups are exempt. Error
 * `block_cap_exceeded` per full block.
 *
 * Source: RULINGS "Timing" (spacing).
 *
 * @since 0.1.0
 * @category validation
 */
export const checkBlockCap: Check = weekCheck((w) => {
  const t = w.input.policy.timing;
  if (!mayExceedBlocks(w.groups(), t.blockMinutes, t.maxPerBlock)) return [];
  const xs = w
    .allocated()
    .filter(
      ({ item, index }) => familyOf(item) !== undefined && Number.isFinite(w.minuteAt(index)),
    );
  return [
    ...groupBy(
      xs,
      ({ item, index }) =>
        `${item.scheduledDate}|${familyOf(item)}|${Math.floor(w.minuteAt(index) / t.blockMinutes)}`,
    ),
  ]
    .filter(([, g]) => g.length > t.maxPerBlock)
    .map(([k, g]) => {
      const [date, family, block] = k.split('|') as [string, string, string];
      const start = Number(block) * t.blockMinutes;
      return issue('block_cap_exceeded', {
        date,
        family,
        blockStartMinute: start,
        blockMinutes: t.blockMinutes,
        count: g.length,
        max: t.maxPerBlock,
        slotIds: g.map((x) => x.item.slotId),
      });
    });
});

/**
 * Per-type gaps: two allocated sends of one type are at least its `minMinutesBetween` apart,
 * measured in real minutes across day boundaries. Error `type_gap_violation` per pair.
 * (Follow-ups are checked by `checkFollowupRules`.)
 *
 * Source: seed 001 §5.6; RULINGS "Timing" (per-type gaps).
 *
 * @since 0.1.0
 * @category validation
 */
export const checkTypeGaps: Check = weekCheck((w) =>
  !mayHaveClosePair(w.groups(), 0, 'type')
    ? []
    : closePairs(
        w,
        (i) => !i.isFollowUp && specOf(i) !== undefined,
        (i) => i.sendTypeKey,
        (k) => SEND_TYPES[k as SendTypeKey].minMinutesBetween,
      ).map(({ key, a, b, gap, min }) =>
        issue(
          'type_gap_violation',
          {
            sendTypeKey: key,
            slotIds: [a.item.slotId, b.item.slotId],
            gapMinutes: gap,
            minMinutes: min,
          },
          itemPath(b.index, 'scheduledAt'),
        ),
      ),
);

/**
 * Clock-time diversity: no local clock time used more than
 * `policy.timing.maxClockTimeUsesPerWeek` (2) times in the week. Error `clock_time_repeated`.
 *
 * Source: seed 001 §5.5; RULINGS "Timing".
 *
 * @since 0.1.0
 * @category validation
 */
export const checkClockTimeRepeats: Check = weekCheck((w) => {
  const max = w.input.policy.timing.maxClockTimeUsesPerWeek;
  if (!mayRepeatMinutes(w.groups(), max)) return [];
  return groupsOver(
    w.all(),
    ({ index }) => Number.isFinite(w.minuteAt(index)),
    (x) => x.item.scheduledTime,
    max,
  ).map(([time, g]) =>
    issue('clock_time_repeated', {
      scheduledTime: time,
      count: g.length,
      max,
      slotIds: g.map((x) => x.item.slotId),
    }),
  );
});

/**
 * Same-style rule: never two `winner` or two `bundle` PPVs in a row in a day (the bundle send
 * types are style `bundle`), and same styles of the pattern PPVs split across AM and PM. Errors
 * `same_style_back_to_back` and `same_style_same_period` (`sameStyleIssues`, the predicate the
 * repair uses).
 *
 * Source: seed 003 gap 1.2, task 2.2; RULINGS "Rotation and state".
 *
 * @since 0.3.0
 * @category validation
 */
export const checkSameStyle = (input: ValidationInput): ReadonlyArray<Issue> =>
  sameStyleIssues(input.items, input.policy.rotation);

/**
 * Whether some (date, channel family, block) of the allocated items with a clock time may hold
 * more than `max` items, counted on the shared grouping (issue 11). `false` only when none can;
 * `true` too when the grouping cannot settle it (dates that are not plain strings, an odd send
 * type, a block length that is not a positive finite number), for the check's plain form.
 */
const mayExceedBlocks = (g: WeekGroups, blockMinutes: number, max: number): boolean => {
  if (!g.plainDates || g.odd || !(blockMinutes > 0 && Number.isFinite(blockMinutes))) return true;
  const blocks = Math.floor(1439 / blockMinutes) + 1;
  const counts = new Int32Array(g.dates * 2 * blocks);
  for (let i = 0; i < g.size; i++) {
    if (g.followUp[i] !== 0) continue;
    const f = g.family[i] as number;
    const m = g.minute[i] as number;
    if (f < 0 || !Number.isFinite(m)) continue;
    const block = Math.floor(m / blockMinutes);
    if (!(block >= 0 && block < blocks)) return true;
    const k = ((g.date[i] as number) * 2 + f) * blocks + block;
    const c = (counts[k] as number) + 1;
    if (c > max) return true;
    counts[k] = c;
  }
  return false;
};

/**
 * Whether some clock time may be used more than `max` times: the items with a readable clock
 * time counted per minute of the day (issue 11); two equal `scheduledTime` texts name one
 * minute, so no minute over `max` means no text over it. `false` only then.
 */
const mayRepeatMinutes = (g: WeekGroups, max: number): boolean => {
  const counts = new Int32Array(1440);
  for (let i = 0; i < g.size; i++) {
    const m = g.minute[i] as number;
    if (!Number.isFinite(m)) continue;
    const c = (counts[m] as number) + 1;
    if (c > max) return true;
    counts[m] = c;
  }
  return false;
};
