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
import { CHANNELS, FOLLOWUP_SEND_TYPE, ppvStyleRoleOf, SEND_TYPES } from '../domain/catalog';
import { type Issue, type IssueDetailsByCode, type IssueOf, issue } from '../domain/issues';
import { compareSlotIds, dayHalfOf } from '../domain/rules';
import type { LoadedData, PhaseContext, TimedSlot } from '../domain/stages';
import { clockTime, epochMinuteToIso } from '../domain/time';
import { restyleDay, type SameStyleViolation, sameStyleViolations } from '../rotation/sameStyle';
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
 * How far a day is from the rule: a same-period pair counts 2, a back-to-back pair 1, so that a
 * move which splits a pair across AM and PM at the cost of one back-to-back pair (a bundle send
 * next to the only morning PPV) is progress the next move can finish.
 */
const weight = (vs: ReadonlyArray<SameStyleViolation>): number =>
  vs.reduce((w, v) => w + (v.kind === 'same_period' ? 2 : 1), 0);
/** Search budget of the restyle tried after each move into the other half of the day. */
const RESTYLE_NODES = 2_000;

/**
 * Moves styled PPVs of days that still break the same-style rule after `repairSameStyle` to the
 * nearest other time of the same day that (a) passes every rule phase 5 never relaxes (window,
 * round minutes, clock-time uses, 4-hour blocks, an existing local time, no shared minute, the
 * per-type gap), (b) keeps the target spacing to its channel family, the follow-up parents'
 * spacing and the avoid hours, and (c) leaves fewer breaks of the rule on the day, or none once
 * the day's pattern PPVs take new styles (the `style_swap` search of `repairSameStyle`, reported
 * as its own note). The sends the breaks name are tried first, then the day's other styled
 * sends; when no single move is enough, a bundle send of the day moves first (a bundle send
 * beside the only morning PPV) and then one more send. The moved
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
): {
  /** The week's slots with the moved sends at their new times. */
  readonly slots: ReadonlyArray<TimedSlot>;
  /** One `same_style_repaired` note per move (`retime`, or a `style_swap`). */
  readonly issues: ReadonlyArray<Issue>;
} => {
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

  /** The free minutes of `date` the send `id` may move to, nearest first, as moved sends. */
  const movesOf = (
    w: ReadonlyArray<TimedSlot>,
    date: string,
    id: string,
  ): { readonly at: number; readonly moves: ReadonlyArray<TimedSlot> } => {
    const at = w.findIndex((s) => s.slotId === id);
    const item = w[at] as TimedSlot;
    const spec = SEND_TYPES[item.sendTypeKey];
    const check = prober(
      ledgerWithout(w, id, policy),
      {
        date,
        family: CHANNELS[item.channelKey].family,
        sendTypeKey: item.sendTypeKey,
        minMinutesBetween: spec.minMinutesBetween,
        isFollowupParent: spec.canHaveFollowup,
      },
      localClock(date, ctx.creator.timezone, policy),
      avoidHours,
      policy,
    );
    const minutes: number[] = [];
    for (let m = t.windowStartMinute; m <= t.windowEndMinute; m++)
      if (m !== item.minuteOfDay) minutes.push(m);
    minutes.sort(
      (x, y) => Math.abs(x - item.minuteOfDay) - Math.abs(y - item.minuteOfDay) || x - y,
    );
    const moves: TimedSlot[] = [];
    for (const m of minutes) {
      const e = check(m);
      if (e === null || e.gap < targetSpacing || e.inAvoidHours) continue;
      if (spec.canHaveFollowup && e.parentGap < FOLLOWUP_SEND_TYPE.minMinutesBetween) continue;
      const base = Math.round(m / 15) * 15;
      moves.push({
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
      });
    }
    return { at, moves };
  };

  /** Where a moved send sits among the day's other styled sends, and in which half. */
  const placeKey = (w: ReadonlyArray<TimedSlot>, date: string, moved: TimedSlot): string => {
    let before = 0;
    for (const s of w)
      if (
        s.scheduledDate === date &&
        !s.isFollowUp &&
        s.ppvStyle !== null &&
        s.slotId !== moved.slotId &&
        s.epochMinute < moved.epochMinute
      )
        before++;
    return `${moved.slotId}|${before}|${dayHalfOf(moved.minuteOfDay, policy.rotation)}`;
  };

  /**
   * The best single move of a styled send of `date` in `w`: the first free minute (nearest
   * first) of a send that lowers the weight of the breaks, or that lets new styles clear them.
   * The sends the breaks name come first (the latest first), then the day's other styled sends.
   */
  const bestMove = (w: ReadonlyArray<TimedSlot>, date: string) => {
    const before = onDay(w, date);
    const named = [...new Set(before.flatMap((v) => [...v.slotIds]))].reverse();
    const ids = [
      ...named,
      ...w
        .filter(
          (s) =>
            s.scheduledDate === date &&
            !s.isFollowUp &&
            s.ppvStyle !== null &&
            !named.includes(s.slotId),
        )
        .sort((x, y) => y.epochMinute - x.epochMinute)
        .map((s) => s.slotId),
    ];
    let best: Move | null = null;
    // a new-styles search depends only on the send order and the halves: tried once per place
    const restyleTried = new Set<string>();
    for (const id of ids) {
      const { at, moves } = movesOf(w, date, id);
      for (const moved of moves) {
        const next = [...w];
        next[at] = moved;
        const after = onDay(next, date);
        if (weight(after) < weight(before)) {
          if (best === null || weight(after) < best.weight)
            best = { next, id, restyled: [], nMoved: after.length, weight: weight(after) };
          break;
        }
        const key = placeKey(next, date, moved);
        if (restyleTried.has(key)) continue;
        restyleTried.add(key);
        const restyled = restyleDay(next, date, policy.rotation, RESTYLE_NODES);
        if (restyled !== null) {
          best = {
            next: [...restyled],
            id,
            restyled: restyled.filter((x, k) => x !== next[k]).map((x) => x.slotId),
            nMoved: after.length,
            weight: 0,
          };
          break;
        }
      }
      if (best?.weight === 0) break;
    }
    return best;
  };

  /**
   * Two moves when one is not enough: a bundle send of the day moves first (once per place in
   * the send order), then the best single move must clear the day.
   */
  const twoMoves = (w: ReadonlyArray<TimedSlot>, date: string) => {
    const bundles = w.filter(
      (s) =>
        s.scheduledDate === date && !s.isFollowUp && ppvStyleRoleOf(s.sendTypeKey) === 'bundle',
    );
    for (const b of bundles) {
      const { at, moves } = movesOf(w, date, b.slotId);
      const tried = new Set<string>();
      for (const moved of moves) {
        const next = [...w];
        next[at] = moved;
        const key = placeKey(next, date, moved);
        if (tried.has(key)) continue;
        tried.add(key);
        const second = bestMove(next, date);
        if (second?.weight === 0)
          return { first: { id: b.slotId, nMoved: onDay(next, date).length }, second };
      }
    }
    return null;
  };

  const report = (date: string, before: number, move: Move) => {
    issues.push(
      issue('same_style_repaired', {
        date,
        strategy: 'retime',
        slotIds: [move.id],
        violationsBefore: before,
        violationsAfter: move.nMoved,
      }),
    );
    if (move.restyled.length > 0)
      issues.push(
        issue('same_style_repaired', {
          date,
          strategy: 'style_swap',
          slotIds: move.restyled,
          violationsBefore: move.nMoved,
          violationsAfter: 0,
        }),
      );
  };

  const dates = [...new Set(week.map((s) => s.scheduledDate))].sort();
  for (const date of dates) {
    for (let move = 0; move < MAX_MOVES_PER_DAY; move++) {
      const before = onDay(week, date).length;
      if (before === 0) break;
      const best = bestMove(week, date);
      if (best !== null) {
        report(date, before, best);
        week = best.next;
        continue;
      }
      const pair = twoMoves(week, date);
      if (pair === null) break;
      issues.push(
        issue('same_style_repaired', {
          date,
          strategy: 'retime',
          slotIds: [pair.first.id],
          violationsBefore: before,
          violationsAfter: pair.first.nMoved,
        }),
      );
      report(date, pair.first.nMoved, pair.second);
      week = pair.second.next;
    }
  }
  return {
    slots: week.sort((a, b) => a.epochMinute - b.epochMinute || compareSlotIds(a.slotId, b.slotId)),
    issues,
  };
};

/** A retime found by the search. */
interface Move {
  readonly next: TimedSlot[];
  readonly id: string;
  /** Sends whose style changed after the move (the new-styles search). */
  readonly restyled: ReadonlyArray<string>;
  /** Breaks after the move alone, before the new styles. */
  readonly nMoved: number;
  /** `weight` of the breaks left. */
  readonly weight: number;
}

type TimeBoundCode = 'spacing_relaxed' | 'avoid_hours_relaxed' | 'fallback_slot_used';
const TIME_BOUND_CODES: ReadonlySet<string> = new Set<TimeBoundCode>([
  'spacing_relaxed',
  'avoid_hours_relaxed',
  'fallback_slot_used',
]);

/** The note re-made for the send now at its time (its message names that send). */
const renamed = <K extends TimeBoundCode>(i: IssueOf<K>, slotId: string): Issue =>
  issue<K>(i.code, { ...i.details, slotId } as IssueDetailsByCode[K], i.path) as Issue;

/**
 * Re-attributes phase 5's time-bound notes (`spacing_relaxed`, `avoid_hours_relaxed`,
 * `fallback_slot_used`) after the same-style repair moved sends. A relaxation belongs to a time
 * of a channel family, not to the send that held it: when a reorder or swap puts another send of
 * the family at that time, the note names the send now there; when a send was moved to a fresh
 * time at the strictest level (`retimeSameStyle`), the notes of its old time go with nobody and
 * are dropped. Other notes pass unchanged.
 *
 * Source: 001 "Timing Degradation" (each relaxed placement reported); RULINGS "relaxation".
 *
 * @since 0.3.0
 * @category timing
 */
export const reattributeTimeIssues = (
  before: ReadonlyArray<TimedSlot>,
  after: ReadonlyArray<TimedSlot>,
  issues: ReadonlyArray<Issue>,
): ReadonlyArray<Issue> => {
  const key = (s: TimedSlot) => `${CHANNELS[s.channelKey].family}|${s.epochMinute}`;
  const beforeById = new Map(before.map((s) => [s.slotId, s] as const));
  const afterById = new Map(after.map((s) => [s.slotId, s] as const));
  const afterByTime = new Map<string, string>();
  for (const s of after) if (!s.isFollowUp) afterByTime.set(key(s), s.slotId);
  const out: Issue[] = [];
  for (const i of issues) {
    if (!TIME_BOUND_CODES.has(i.code)) {
      out.push(i);
      continue;
    }
    const details = i.details as { readonly slotId: string };
    const was = beforeById.get(details.slotId);
    const now = afterById.get(details.slotId);
    if (was === undefined || now === undefined || now.epochMinute === was.epochMinute) {
      out.push(i);
      continue;
    }
    const holder = afterByTime.get(key(was));
    if (holder === undefined) continue;
    out.push(renamed(i as IssueOf<TimeBoundCode>, holder));
  }
  return out;
};
