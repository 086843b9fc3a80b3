/**
 * The last same-style repair: a styled PPV that no reordering can separate from its twin moves
 * to another time of its day that keeps every timing rule at its strictest level (the target
 * spacing, no avoid hour), found with the same checker phase 5 places items with.
 *
 * Source: seed 003 task 2.2 (repair strategy 3, "move to a different time period"); RULINGS
 * "Timing" (the rules phase 5 never relaxes), "Rotation and state".
 *
 * @module
 */
import { CHANNELS, FOLLOWUP_SEND_TYPE, SEND_TYPES } from '../domain/catalog';
import { type Issue, issue } from '../domain/issues';
import { compareSlotIds } from '../domain/rules';
import type { LoadedData, PhaseContext, TimedSlot } from '../domain/stages';
import { clockTime, epochMinuteToIso } from '../domain/time';
import { sameStyleViolations } from '../rotation/sameStyle';
import { emptyLedger, type Ledger, localClock, prober, recordPlacement } from './ledger';

const ledgerWithout = (
  slots: ReadonlyArray<TimedSlot>,
  slotId: string,
  policy: PhaseContext['policy'],
): Ledger => {
  const ledger = emptyLedger();
  for (const s of slots)
    if (!s.isFollowUp && s.slotId !== slotId)
      recordPlacement(
        ledger,
        {
          date: s.scheduledDate,
          minuteOfDay: s.minuteOfDay,
          epochMinute: s.epochMinute,
          family: CHANNELS[s.channelKey].family,
          sendTypeKey: s.sendTypeKey,
          isFollowupParent: SEND_TYPES[s.sendTypeKey].canHaveFollowup,
          ppvStyle: s.ppvStyle,
        },
        policy,
      );
  return ledger;
};

const MAX_MOVES_PER_DAY = 6;

/**
 * Moves styled PPVs of days that still break the same-style rule after `repairSameStyle` to the
 * nearest other time of the same day that (a) passes every rule phase 5 never relaxes (window,
 * round minutes, clock-time uses, 4-hour blocks, an existing local time, no shared minute, the
 * per-type gap), (b) keeps the target spacing to its channel family, the follow-up parents'
 * spacing and the avoid hours, and (c) leaves fewer breaks of the rule on the day. The moved
 * send's time metadata names the nearest quarter hour as its base and the rest as its jitter
 * (inside -7..+8) and says it was adjusted (`same_style`). Each move is a `same_style_repaired`
 * note (`retime`); what it cannot move stays, for the validation check to report.
 *
 * Source: seed 003 task 2.2 (move to a different time period); RULINGS "Timing".
 *
 * @since 0.3.0
 * @category timing
 */
export const retimeSameStyle = (
  ctx: PhaseContext,
  loaded: LoadedData,
  slots: ReadonlyArray<TimedSlot>,
): { readonly slots: ReadonlyArray<TimedSlot>; readonly issues: ReadonlyArray<Issue> } => {
  const policy = ctx.policy;
  const t = policy.timing;
  const avoidHours = new Set(loaded.timing.avoidHours);
  const targetSpacing = t.spacingSteps[0] ?? 0;
  let week = [...slots];
  const issues: Issue[] = [];
  const onDay = (xs: ReadonlyArray<TimedSlot>, date: string) =>
    sameStyleViolations(
      xs.filter((s) => s.scheduledDate === date),
      policy.rotation,
    );
  const dates = [...new Set(week.map((s) => s.scheduledDate))].sort();
  for (const date of dates) {
    for (let move = 0; move < MAX_MOVES_PER_DAY; move++) {
      const before = onDay(week, date);
      if (before.length === 0) break;
      const involved = [...new Set(before.flatMap((v) => [...v.slotIds]))].reverse();
      const clock = localClock(date, ctx.creator.timezone, policy);
      let best: { readonly next: TimedSlot[]; readonly n: number; readonly id: string } | null =
        null;
      for (const id of involved) {
        const at = week.findIndex((s) => s.slotId === id);
        const item = week[at] as TimedSlot;
        const spec = SEND_TYPES[item.sendTypeKey];
        const check = prober(
          ledgerWithout(week, id, policy),
          {
            date,
            family: CHANNELS[item.channelKey].family,
            sendTypeKey: item.sendTypeKey,
            minMinutesBetween: spec.minMinutesBetween,
            isFollowupParent: spec.canHaveFollowup,
          },
          clock,
          avoidHours,
          policy,
        );
        const minutes: number[] = [];
        for (let m = t.windowStartMinute; m <= t.windowEndMinute; m++)
          if (m !== item.minuteOfDay) minutes.push(m);
        minutes.sort(
          (a, b) => Math.abs(a - item.minuteOfDay) - Math.abs(b - item.minuteOfDay) || a - b,
        );
        for (const m of minutes) {
          const e = check(m);
          if (e === null || e.gap < targetSpacing || e.inAvoidHours) continue;
          if (spec.canHaveFollowup && e.parentGap < FOLLOWUP_SEND_TYPE.minMinutesBetween) continue;
          const base = Math.round(m / 15) * 15;
          const moved: TimedSlot = {
            ...item,
            minuteOfDay: m,
            scheduledTime: clockTime(m),
            epochMinute: e.epochMinute,
            scheduledAt: epochMinuteToIso(e.epochMinute),
            expiresAt: spec.expirationHours
              ? epochMinuteToIso(e.epochMinute + spec.expirationHours * 60)
              : null,
            variationMetadata: {
              ...item.variationMetadata,
              baseHour: Math.floor(base / 60),
              timeShift: base % 60,
              jitter: m - base,
              timeAdjusted: true,
              adjustmentReason: 'same_style',
            },
          };
          const next = [...week];
          next[at] = moved;
          const n = onDay(next, date).length;
          if (n < before.length) {
            if (best === null || n < best.n) best = { next, n, id };
            break;
          }
        }
        if (best?.n === 0) break;
      }
      if (best === null) break;
      issues.push(
        issue('same_style_repaired', {
          date,
          strategy: 'retime',
          slotIds: [best.id],
          violationsBefore: before.length,
          violationsAfter: best.n,
        }),
      );
      week = best.next;
    }
  }
  return {
    slots: week.sort((a, b) => a.epochMinute - b.epochMinute || compareSlotIds(a.slotId, b.slotId)),
    issues,
  };
};
