/**
 * Same-style prevention: the rule (never two `winner` or two `bundle` PPVs in a row in a day,
 * and same styles split across AM and PM) written once, for the repair after timing and for the
 * validation check.
 *
 * Source: seed 003 gap 1.2, task 2.2 (`validate_no_consecutive_same_style`,
 * `validate_and_repair_consecutive_styles`); RULINGS "Rotation and state" (styles, bundle send
 * types, when styles are fixed).
 *
 * @module
 */
import { channelFamily, ppvStyleRoleOf, SEND_TYPES, type SendTypeKey } from '../domain/catalog';
import { type Issue, issue } from '../domain/issues';
import { DEFAULT_POLICY } from '../domain/policy';
import { compareSlotIds, dayHalfOf } from '../domain/rules';
import type { TimedSlot } from '../domain/stages';
import { epochMinuteToIso } from '../domain/time';
import type { PpvStyle } from '../domain/types';
import type { RotationPolicy } from './tracker';

/**
 * The fields the rule reads from a send (a `ScheduleItem` or a timed slot has them all).
 *
 * @since 0.3.0
 * @category rotation
 */
export interface StyledSend {
  /** The send's slot id (`YYYY-MM-DD_N`): named in violations, the tie-break of the send order. */
  readonly slotId: string;
  /** Local date `YYYY-MM-DD`. */
  readonly scheduledDate: string;
  /** Local `HH:mm` or `HH:mm:ss`. */
  readonly scheduledTime: string;
  /** UTC ISO instant: the send order. */
  readonly scheduledAt: string;
  /** The send type; whether it takes a pattern position (`ppv_unlock`, `ppv_wall`) or is a bundle type. */
  readonly sendTypeKey: SendTypeKey;
  /** The send's PPV style (seed 003 task 2.1), `null` for a send without one (not a PPV of the rule). */
  readonly ppvStyle: PpvStyle | null;
  /** `true` for a follow-up, which is never a PPV of the rule. */
  readonly isFollowUp: boolean;
}

/**
 * One break of the rule: two sends of a restricted style in a row on a day (`back_to_back`), or
 * more than one PPV of a restricted style in one half of a day (`same_period`; pattern PPVs only,
 * the bundle send types take no part in the split).
 *
 * @since 0.3.0
 * @category rotation
 */
export type SameStyleViolation =
  | {
      /** Two sends of a restricted style in a row on a day (seed 003 gap 1.2). */
      readonly kind: 'back_to_back';
      /** The local date `YYYY-MM-DD`. */
      readonly date: string;
      /** The restricted style repeated (`winner` or `bundle`). */
      readonly ppvStyle: PpvStyle;
      /** The two sends in a row, in send order. */
      readonly slotIds: readonly [string, string];
    }
  | {
      /** More than one pattern PPV of a restricted style in one half of a day. */
      readonly kind: 'same_period';
      /** The local date `YYYY-MM-DD`. */
      readonly date: string;
      /** The restricted style repeated. */
      readonly ppvStyle: PpvStyle;
      /** The half of the local day: `AM` before `policy.rotation.amPmSplitHour` (12:00), else `PM`. */
      readonly period: 'AM' | 'PM';
      /** The sends of the style in that half, in send order (two or more). */
      readonly slotIds: ReadonlyArray<string>;
    };

const hourOf = (time: string): number => Number.parseInt(time.slice(0, 2), 10);

/**
 * A day's styled sends in send order: instant (`Date.parse` of `scheduledAt`) ascending, then
 * slot id; a new array, stable for equal keys. Issue 11: each instant is parsed once, not at
 * every comparison; the same comparisons, so the same order. Exported for its tests only (not
 * part of the package's API).
 *
 * @internal
 */
export const sendOrder = <A extends StyledSend>(xs: ReadonlyArray<A>): ReadonlyArray<A> => {
  if (xs.length < 2) return [...xs];
  const at = Float64Array.from(xs, (x) => Date.parse(x.scheduledAt));
  const order = Array.from(xs, (_, i) => i).sort(
    (i, j) =>
      (at[i] as number) - (at[j] as number) ||
      compareSlotIds((xs[i] as A).slotId, (xs[j] as A).slotId),
  );
  return order.map((i) => xs[i] as A);
};

/**
 * Every break of the same-style rule among `sends`, day by day (local dates), in send order.
 * Follow-ups and sends without a style are not PPVs of the rule. Empty and single-PPV days never
 * break it.
 *
 * - Back to back: two consecutive styled sends of a day with the same style in
 *   `policy.noBackToBackStyles` (winner, bundle); the bundle send types are style `bundle`.
 * - AM/PM split: among the pattern PPVs (`ppv_unlock`, `ppv_wall`) of a day, more than one of a
 *   restricted style before `amPmSplitHour` (12:00), or more than one from it on.
 *
 * Source: seed 003 task 2.2 `validate_no_consecutive_same_style`; RULINGS "Rotation and state".
 *
 * @example
 * sameStyleViolations([winnerAt('10:07'), winnerAt('14:22')]) // [{ kind: 'back_to_back', ppvStyle: 'winner', ... }]
 *
 * @since 0.3.0
 * @category rotation
 */
export const sameStyleViolations = (
  sends: ReadonlyArray<StyledSend>,
  policy: RotationPolicy = DEFAULT_POLICY.rotation,
): ReadonlyArray<SameStyleViolation> => {
  const restricted = new Set<PpvStyle>(policy.noBackToBackStyles);
  const byDate = new Map<string, StyledSend[]>();
  for (const s of sends) {
    if (s.isFollowUp || s.ppvStyle === null) continue;
    const list = byDate.get(s.scheduledDate);
    if (list === undefined) byDate.set(s.scheduledDate, [s]);
    else list.push(s);
  }
  const out: SameStyleViolation[] = [];
  for (const date of [...byDate.keys()].sort()) {
    const day = sendOrder(byDate.get(date) ?? []);
    for (let i = 1; i < day.length; i++) {
      const a = day[i - 1] as StyledSend;
      const b = day[i] as StyledSend;
      if (a.ppvStyle === b.ppvStyle && restricted.has(b.ppvStyle as PpvStyle))
        out.push({
          kind: 'back_to_back',
          date,
          ppvStyle: b.ppvStyle as PpvStyle,
          slotIds: [a.slotId, b.slotId],
        });
    }
    for (const style of policy.noBackToBackStyles)
      for (const period of ['AM', 'PM'] as const) {
        const ids = day
          .filter(
            (s) =>
              s.ppvStyle === style &&
              ppvStyleRoleOf(s.sendTypeKey) === 'pattern' &&
              dayHalfOf(hourOf(s.scheduledTime) * 60, policy) === period,
          )
          .map((s) => s.slotId);
        if (ids.length > 1)
          out.push({ kind: 'same_period', date, ppvStyle: style, period, slotIds: ids });
      }
  }
  return out;
};

/**
 * A styled send already placed on a day, as the placement check reads it.
 *
 * @since 0.3.0
 * @category rotation
 */
export interface PlacedStyle {
  /** UTC epoch minutes: the send order. */
  readonly epochMinute: number;
  /** Minutes after local midnight. */
  readonly minuteOfDay: number;
  /** The send's PPV style. */
  readonly ppvStyle: PpvStyle;
  /** Whether the send takes a pattern position (`ppv_unlock`, `ppv_wall`): the AM/PM split. */
  readonly pattern: boolean;
}

/**
 * Whether a styled send placed at `candidate` keeps the same-style rule with the day's styled
 * sends already placed (`day`, any order): its neighbours in send order are not of its style
 * when that style is restricted, and a pattern PPV of a restricted style is the only one of its
 * style in its half of the day. The placement form of `sameStyleViolations`: a day whose every
 * styled send passed it has no break of the rule. Timing uses it before relaxing it.
 *
 * Source: seed 003 task 2.2; RULINGS "Rotation and state".
 *
 * @since 0.3.0
 * @category rotation
 */
export const styleFits = (
  day: ReadonlyArray<PlacedStyle>,
  candidate: PlacedStyle,
  policy: RotationPolicy = DEFAULT_POLICY.rotation,
): boolean => {
  const style = candidate.ppvStyle;
  if (!policy.noBackToBackStyles.includes(style)) return true;
  let prev: PlacedStyle | null = null;
  let next: PlacedStyle | null = null;
  const am = (m: number): boolean => dayHalfOf(m, policy) === 'AM';
  for (const d of day) {
    if (
      d.epochMinute < candidate.epochMinute &&
      (prev === null || d.epochMinute > prev.epochMinute)
    )
      prev = d;
    if (
      d.epochMinute > candidate.epochMinute &&
      (next === null || d.epochMinute < next.epochMinute)
    )
      next = d;
    if (
      candidate.pattern &&
      d.pattern &&
      d.ppvStyle === style &&
      am(d.minuteOfDay) === am(candidate.minuteOfDay)
    )
      return false;
  }
  return prev?.ppvStyle !== style && next?.ppvStyle !== style;
};

/** The AM and PM halves of the day (003 task 2.2 AM/PM split). */
const HALVES_OF_DAY = 2;

/**
 * Whether a day's styled PPVs leave timing room to send no two restricted styles in a row: for
 * each restricted style (winner, bundle), at most one send of it, or at most half of the day's
 * styled sends (`n` = `patternSends` pattern PPVs, whose styles are the pattern's positions
 * `0..patternSends-1` in turn, plus `bundleSends` bundle send types, style `bundle`). An order
 * exists from `2 x count <= n + 1`; the check keeps `slack` sends beyond it (`2 x count <= n + 1 -
 * slack`, default 1; allocation passes the policy's `bundleSendSlack` for bundle send types),
 * because the times come later and a channel family or a per-type gap can pin a send in place. And at most
 * two pattern sends of each restricted style, since a pair must be split across AM and PM.
 *
 * Source: seed 003 task 2.2 (the rule), RULINGS "bundle send types"; the slack is a project
 * choice (docs/rulings.md).
 *
 * @example
 * sameStyleSeparable(1, 1, ['solo', 'bundle', 'winner', 'sextape']) // true: solo + 1 bundle send
 * sameStyleSeparable(1, 2, ['solo', 'bundle', 'winner', 'sextape']) // false: 2 bundles of 3
 *
 * @since 0.3.0
 * @category rotation
 */
export const sameStyleSeparable = (
  patternSends: number,
  bundleSends: number,
  pattern: ReadonlyArray<PpvStyle>,
  policy: RotationPolicy = DEFAULT_POLICY.rotation,
  slack = 1,
): boolean => {
  if (!patternRoom(patternSends, pattern, policy)) return false;
  const n = patternSends + bundleSends;
  for (const style of policy.noBackToBackStyles) {
    const count =
      inPatternOf(style, patternSends, pattern) + (style === 'bundle' ? bundleSends : 0);
    if (count > 1 && 2 * count > n + 1 - slack) return false;
  }
  return true;
};

const inPatternOf = (style: PpvStyle, patternSends: number, pattern: ReadonlyArray<PpvStyle>) => {
  let count = 0;
  if (pattern.length > 0)
    for (let k = 0; k < patternSends; k++) if (pattern[k % pattern.length] === style) count++;
  return count;
};

/**
 * Whether a day's first `patternSends` pattern positions can keep the AM/PM split: no
 * restricted style more than twice (one send in each half of the day), and at most one
 * restricted style twice (each pair needs a morning PPV, and a day rarely has two: a paid
 * page's PPVs are all messages, 2 hours apart). Once false it stays false as the day grows, so
 * allocation stops adding pattern PPVs there.
 *
 * Source: seed 003 task 2.2 (AM/PM split); the one-pair limit is a project choice
 * (docs/rulings.md "same-style room").
 *
 * @example
 * patternRoom(6, ['solo', 'bundle', 'winner', 'sextape']) // false: bundle and winner twice each
 * patternRoom(5, ['solo', 'bundle', 'winner', 'sextape']) // true: only solo twice
 *
 * @since 0.3.0
 * @category rotation
 */
export const patternRoom = (
  patternSends: number,
  pattern: ReadonlyArray<PpvStyle>,
  policy: RotationPolicy = DEFAULT_POLICY.rotation,
): boolean => {
  let paired = 0;
  for (const style of policy.noBackToBackStyles) {
    const inPattern = inPatternOf(style, patternSends, pattern);
    if (inPattern > HALVES_OF_DAY) return false;
    if (inPattern === HALVES_OF_DAY && ++paired > 1) return false;
  }
  return true;
};

/**
 * The rule's breaks as validation errors: `same_style_back_to_back` and
 * `same_style_same_period`, each naming the slots.
 *
 * Source: seed 003 task 2.2.
 *
 * @since 0.3.0
 * @category rotation
 */
export const sameStyleIssues = (
  sends: ReadonlyArray<StyledSend>,
  policy: RotationPolicy = DEFAULT_POLICY.rotation,
): ReadonlyArray<Issue> =>
  sameStyleViolations(sends, policy).map((v) =>
    v.kind === 'back_to_back'
      ? issue('same_style_back_to_back', { ppvStyle: v.ppvStyle, slotIds: v.slotIds })
      : issue('same_style_same_period', {
          date: v.date,
          ppvStyle: v.ppvStyle,
          period: v.period,
          slotIds: v.slotIds,
        }),
  );

/**
 * The repaired slots and a `same_style_repaired` note per move.
 *
 * @since 0.3.0
 * @category rotation
 */
export interface SameStyleRepair {
  /** Sorted by `epochMinute`, then slot id. */
  readonly slots: ReadonlyArray<TimedSlot>;
  /** One `same_style_repaired` note per move. */
  readonly issues: ReadonlyArray<Issue>;
}

/** The slot moved to `to`'s time: clock, instant, expiry and time metadata come with the time. */
const atTimeOf = (slot: TimedSlot, to: TimedSlot): TimedSlot => {
  const hours = SEND_TYPES[slot.sendTypeKey].expirationHours;
  return {
    ...slot,
    minuteOfDay: to.minuteOfDay,
    scheduledTime: to.scheduledTime,
    scheduledAt: to.scheduledAt,
    epochMinute: to.epochMinute,
    expiresAt: hours ? epochMinuteToIso(to.epochMinute + hours * 60) : null,
    variationMetadata: {
      ...to.variationMetadata,
      dailyStrategy: slot.variationMetadata.dailyStrategy,
    },
  };
};

/** Whether every pair of same-type sends (not follow-ups) keeps its minimum gap. */
const typeGapsHold = (
  slots: ReadonlyArray<TimedSlot>,
  types: ReadonlySet<SendTypeKey>,
): boolean => {
  for (const key of types) {
    const min = SEND_TYPES[key].minMinutesBetween;
    const times = slots
      .filter((s) => !s.isFollowUp && s.sendTypeKey === key)
      .map((s) => s.epochMinute)
      .sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++)
      if ((times[i] as number) - (times[i - 1] as number) < min) return false;
  }
  return true;
};

const MAX_SEARCH_NODES = 20_000;
const MAX_SWAPS_PER_DAY = 12;

/**
 * A new order of a day's sends over the times they hold, without a break of the rule: each send
 * takes a time held by a send of its channel family (so the family's set of times, and with it
 * spacing, blocks and clock times, is unchanged), and every per-type gap holds against the rest
 * of the week. Depth-first over the times in order, trying the send already there first, so the
 * first order found moves as little as it can; the styled sends move first, the others (bumps,
 * link drops) only when the styled ones alone cannot be ordered. `null` when no order is found
 * within the search budget.
 */
const reorderDay = (
  week: ReadonlyArray<TimedSlot>,
  date: string,
  withOthers: boolean,
  policy: RotationPolicy,
): ReadonlyArray<TimedSlot> | null => {
  const day = week
    .filter((x) => x.scheduledDate === date && !x.isFollowUp && (withOthers || x.ppvStyle !== null))
    .sort((a, b) => a.epochMinute - b.epochMinute);
  const restricted = new Set<PpvStyle>(policy.noBackToBackStyles);
  const moving = new Set(day.map((x) => x.slotId));
  const fixed = new Map<SendTypeKey, number[]>();
  for (const x of week)
    if (!x.isFollowUp && !moving.has(x.slotId)) {
      const list = fixed.get(x.sendTypeKey);
      if (list === undefined) fixed.set(x.sendTypeKey, [x.epochMinute]);
      else list.push(x.epochMinute);
    }
  // The day's sends as small integers, read by the search at every node: the family, style,
  // send type and gap of the send at index j; the instant and half of the day of time i.
  const n = day.length;
  const ids = <K>(keys: ReadonlyArray<K>): Int32Array => {
    const seen = new Map<K, number>();
    const out = new Int32Array(keys.length);
    keys.forEach((key, i) => {
      let id = seen.get(key);
      if (id === undefined) {
        id = seen.size;
        seen.set(key, id);
      }
      out[i] = id;
    });
    return out;
  };
  const familyOf = ids(day.map((x) => channelFamily(x.channelKey)));
  const typeOf = ids(day.map((x) => x.sendTypeKey));
  const styles = day.map((x) => x.ppvStyle);
  // style id, -1 for a send without a style
  const styleOf = ids(styles).map((id, j) => (styles[j] === null ? -1 : id));
  const restrictedAt = day.map((x) => x.ppvStyle !== null && restricted.has(x.ppvStyle));
  const periodRule = day.map(
    (x, j) => restrictedAt[j] === true && ppvStyleRoleOf(x.sendTypeKey) === 'pattern',
  );
  const gapOf = Int32Array.from(day, (x) => SEND_TYPES[x.sendTypeKey].minMinutesBetween);
  const epochAt = Float64Array.from(day, (x) => x.epochMinute);
  const halfAt = Uint8Array.from(day, (x) => (dayHalfOf(x.minuteOfDay, policy) === 'AM' ? 0 : 1));
  // fixedOk[j * n + i]: send j at time i keeps its gap to every send of its type that stays
  const fixedOk = new Uint8Array(n * n);
  for (let j = 0; j < n; j++) {
    const times = fixed.get((day[j] as TimedSlot).sendTypeKey) ?? [];
    const min = gapOf[j] as number;
    for (let i = 0; i < n; i++) {
      const at = epochAt[i] as number;
      let ok = 1;
      for (const t of times)
        if (Math.abs(t - at) < min) {
          ok = 0;
          break;
        }
      fixedOk[j * n + i] = ok;
    }
  }
  const order = new Int32Array(n);
  const used = new Uint8Array(n);
  // sends of a restricted pattern style per (style, half of the day) in the order so far
  const periodCount = new Int32Array(2 * n);
  let nodes = 0;
  // The subtrees already searched without success, by their state, with the nodes each took.
  // A subtree depends only on the sends used, the send type at each time so far (the per-type
  // gaps), the last style and the (style, half) pairs taken; two sends of the same family, send
  // type and style are interchangeable, so the sends used count by that class. A subtree that
  // fails visits every valid extension of its state once, in any order, so a state met again
  // fails again after the same number of nodes: it is counted, not walked, and the search finds
  // what it found before and stops at the same node of its budget. Kept to days whose state fits
  // in exact integers (26 sends or fewer).
  const remember = n <= 26;
  // used sends as a mixed-radix number: a digit per class, worth the product of the earlier
  // classes' (size + 1); below 2^n
  const classOf = ids(day.map((_, j) => `${familyOf[j]}|${typeOf[j]}|${styleOf[j]}`));
  const classSize: number[] = [];
  for (const c of classOf) classSize[c] = (classSize[c] ?? 0) + 1;
  const classWeight: number[] = [];
  for (let c = 0, w = 1; c < classSize.length; c++) {
    classWeight[c] = w;
    w *= (classSize[c] as number) + 1;
  }
  const weightOf = Float64Array.from(classOf, (c) => classWeight[c] as number);
  const failed = new Map<string, number>();
  const typesAt: string[] = [''];
  let usedBits = 0;
  let periodBits = 0;
  /** Whether send j at time i keeps its gap to the sends of its type at times 0..i-1. */
  const gapOk = (j: number, i: number): boolean => {
    if (fixedOk[j * n + i] === 0) return false;
    const type = typeOf[j];
    const min = gapOf[j] as number;
    const at = epochAt[i] as number;
    for (let k = 0; k < i; k++)
      if (typeOf[order[k] as number] === type && Math.abs((epochAt[k] as number) - at) < min)
        return false;
    return true;
  };
  /** Depth-first over time i; `prevStyle` is the style id of the last styled send so far. */
  const search = (i: number, prevStyle: number): boolean => {
    if (i === n) return true;
    const before = nodes;
    if (++nodes > MAX_SEARCH_NODES) return false;
    const state = remember ? `${usedBits},${periodBits},${prevStyle},${typesAt[i]}` : '';
    if (remember) {
      const took = failed.get(state);
      if (took !== undefined) {
        nodes = before + took;
        return false;
      }
    }
    const family = familyOf[i];
    const half = halfAt[i] as number;
    for (let c = -1; c < n; c++) {
      const j = c < 0 ? i : c;
      if ((c >= 0 && c === i) || used[j] === 1) continue;
      if (familyOf[j] !== family) continue;
      const style = styleOf[j] as number;
      if (style >= 0 && style === prevStyle && restrictedAt[j] === true) continue;
      const key = periodRule[j] === true ? style * 2 + half : -1;
      if (key >= 0 && (periodCount[key] as number) >= 1) continue;
      if (!gapOk(j, i)) continue;
      used[j] = 1;
      order[i] = j;
      if (key >= 0) periodCount[key] = (periodCount[key] as number) + 1;
      if (remember) {
        usedBits += weightOf[j] as number;
        if (key >= 0) periodBits += 2 ** key;
        typesAt[i + 1] = `${typesAt[i]}${String.fromCharCode(48 + (typeOf[j] as number))}`;
      }
      if (search(i + 1, style >= 0 ? style : prevStyle)) return true;
      if (remember) {
        usedBits -= weightOf[j] as number;
        if (key >= 0) periodBits -= 2 ** key;
      }
      if (key >= 0) periodCount[key] = (periodCount[key] as number) - 1;
      used[j] = 0;
    }
    if (remember && nodes <= MAX_SEARCH_NODES) failed.set(state, nodes - before);
    return false;
  };
  if (!search(0, -1)) return null;
  const moved = new Map<string, TimedSlot>();
  order.forEach((j, i) => {
    const item = day[j] as TimedSlot;
    if (j !== i) moved.set(item.slotId, atTimeOf(item, day[i] as TimedSlot));
  });
  return week.map((x) => moved.get(x.slotId) ?? x);
};

/**
 * New styles for a day's pattern PPVs (RULINGS "when styles are fixed": the repair may swap the
 * styles of PPV items): the day keeps its multiset of pattern styles, the bundle send types keep
 * style `bundle`, and no send moves. Depth-first in send order, trying each send's own style
 * first, so the first assignment found changes as few styles as it can. `null` when none keeps
 * the rule within the search budget (`maxNodes` search nodes). Internal to the repair (not
 * exported from the package).
 *
 * @internal
 */
export const restyleDay = (
  week: ReadonlyArray<TimedSlot>,
  date: string,
  policy: RotationPolicy,
  maxNodes: number = MAX_SEARCH_NODES,
): ReadonlyArray<TimedSlot> | null => {
  const day = sendOrder(
    week.filter((x) => x.scheduledDate === date && !x.isFollowUp && x.ppvStyle !== null),
  );
  const restricted = new Set<PpvStyle>(policy.noBackToBackStyles);
  const left = new Map<PpvStyle, number>();
  for (const x of day)
    if (ppvStyleRoleOf(x.sendTypeKey) === 'pattern')
      left.set(x.ppvStyle as PpvStyle, (left.get(x.ppvStyle as PpvStyle) ?? 0) + 1);
  const styles = [...left.keys()].sort();
  const chosen: PpvStyle[] = [];
  const periodCount = new Map<string, number>();
  let nodes = 0;
  const search = (i: number): boolean => {
    if (i === day.length) return true;
    if (++nodes > maxNodes) return false;
    const item = day[i] as TimedSlot;
    const prev = i > 0 ? (chosen[i - 1] as PpvStyle) : null;
    const pattern = ppvStyleRoleOf(item.sendTypeKey) === 'pattern';
    const own = item.ppvStyle as PpvStyle;
    const options = pattern ? [own, ...styles.filter((x) => x !== own)] : [own];
    for (const style of options) {
      if (pattern && (left.get(style) ?? 0) === 0) continue;
      if (style === prev && restricted.has(style)) continue;
      const key =
        pattern && restricted.has(style) ? `${style}|${dayHalfOf(item.minuteOfDay, policy)}` : null;
      if (key !== null && (periodCount.get(key) ?? 0) >= 1) continue;
      if (pattern) left.set(style, (left.get(style) ?? 0) - 1);
      if (key !== null) periodCount.set(key, (periodCount.get(key) ?? 0) + 1);
      chosen.push(style);
      if (search(i + 1)) return true;
      chosen.pop();
      if (key !== null) periodCount.set(key, (periodCount.get(key) ?? 0) - 1);
      if (pattern) left.set(style, (left.get(style) ?? 0) + 1);
    }
    return false;
  };
  if (!search(0)) return null;
  const changed = new Map<string, PpvStyle>();
  day.forEach((x, i) => {
    if (chosen[i] !== x.ppvStyle) changed.set(x.slotId, chosen[i] as PpvStyle);
  });
  return week.map((x) => {
    const style = changed.get(x.slotId);
    return style === undefined ? x : { ...x, ppvStyle: style };
  });
};

/**
 * Repairs the same-style rule after timing, day by day, so that every timing rule still holds:
 *
 * 1. `reorder`: the day's styled sends are put in a new order over the times they already hold
 *    (a send only takes a time of its own channel family; every per-type gap still holds across
 *    the week), the order closest to the planned one found first;
 * 2. when no such order exists, `style_swap`: the day's pattern PPVs exchange styles (the day
 *    keeps its styles, no send moves; the bundle send types stay `bundle`), the assignment
 *    closest to the planned one first;
 * 3. when no assignment exists either, `time_swap`: a styled send and another send of the same channel
 *    family (a bump, a link drop) exchange their times when the per-type gaps of both types still
 *    hold, the swap that leaves the fewest breaks first, while it lowers the count.
 *
 * A moved send keeps its caption, content, price and style; its clock time, instant, expiry and
 * time metadata come with its new time. Spacing, 4-hour blocks, the window, round minutes and
 * clock-time repeats are unchanged, since each family's set of times is. Each repair is a
 * `same_style_repaired` note naming the sends it moved; what cannot be repaired stays, and the
 * validation check reports it as an error.
 *
 * Source: seed 003 task 2.2 `validate_and_repair_consecutive_styles` (position swap, AM/PM
 * redistribution); RULINGS "when styles are fixed" (the repair runs after timing, the final
 * check on send order).
 *
 * @since 0.3.0
 * @category rotation
 */
export const repairSameStyle = (
  slots: ReadonlyArray<TimedSlot>,
  policy: RotationPolicy = DEFAULT_POLICY.rotation,
): SameStyleRepair => {
  let week: TimedSlot[] = [...slots];
  const issues: Issue[] = [];
  const dates = [...new Set(week.map((s) => s.scheduledDate))].sort();
  for (const date of dates) {
    const count = (xs: ReadonlyArray<TimedSlot>): number =>
      sameStyleViolations(
        xs.filter((s) => s.scheduledDate === date),
        policy,
      ).length;
    let current = count(week);
    if (current === 0) continue;
    const reordered = reorderDay(week, date, false, policy) ?? reorderDay(week, date, true, policy);
    if (reordered !== null) {
      const movedIds = reordered.filter((x, i) => x !== week[i]).map((x) => x.slotId);
      issues.push(
        issue('same_style_repaired', {
          date,
          strategy: 'reorder',
          slotIds: movedIds,
          violationsBefore: current,
          violationsAfter: 0,
        }),
      );
      week = [...reordered];
      continue;
    }
    const restyled = restyleDay(week, date, policy);
    if (restyled !== null) {
      issues.push(
        issue('same_style_repaired', {
          date,
          strategy: 'style_swap',
          slotIds: restyled.filter((x, i) => x !== week[i]).map((x) => x.slotId),
          violationsBefore: current,
          violationsAfter: 0,
        }),
      );
      week = [...restyled];
      continue;
    }
    for (let moves = 0; current > 0 && moves < MAX_SWAPS_PER_DAY; moves++) {
      const day = week
        .map((s, i) => [s, i] as const)
        .filter(([s]) => s.scheduledDate === date && !s.isFollowUp)
        .sort(([a], [b]) => a.epochMinute - b.epochMinute);
      let best: {
        readonly next: TimedSlot[];
        readonly n: number;
        readonly ids: readonly [string, string];
      } | null = null;
      for (let x = 0; x < day.length; x++)
        for (let y = x + 1; y < day.length; y++) {
          const [a, ia] = day[x] as readonly [TimedSlot, number];
          const [b, ib] = day[y] as readonly [TimedSlot, number];
          if (a.ppvStyle === b.ppvStyle) continue;
          if (channelFamily(a.channelKey) !== channelFamily(b.channelKey)) continue;
          const next = [...week];
          next[ia] = atTimeOf(a, b);
          next[ib] = atTimeOf(b, a);
          if (!typeGapsHold(next, new Set([a.sendTypeKey, b.sendTypeKey]))) continue;
          const n = count(next);
          if (best === null || n < best.n) best = { next, n, ids: [a.slotId, b.slotId] };
        }
      if (best === null || best.n >= current) break;
      issues.push(
        issue('same_style_repaired', {
          date,
          strategy: 'time_swap',
          slotIds: best.ids,
          violationsBefore: current,
          violationsAfter: best.n,
        }),
      );
      week = best.next;
      current = best.n;
    }
  }
  return {
    slots: week.sort((a, b) => a.epochMinute - b.epochMinute || compareSlotIds(a.slotId, b.slotId)),
    issues,
  };
};
