/**
 * The week as the checks read it, built once per validation (issue 11: work once). Every view
 * (items with their index, instants and clock times, items by slot id, the timed items sorted
 * by instant, the allocated items and the follow-ups) is computed the first time a check asks
 * for it and then shared by the checks of the same validation. A view belongs to one
 * validation only: the next one (after an edit of the items in place) builds its own. Not part
 * of the public API.
 *
 * @internal
 *
 * @module
 */
import { SEND_TYPE_KEYS, SEND_TYPES } from '../domain/catalog';
import type { Issue } from '../domain/issues';
import type { ScheduleItem } from '../domain/types';
import { epochOf, familyOf, groupBy, type Indexed, minuteOfDayOf, specOf, timed } from './helpers';
import type { Check, ValidationInput } from './types';

/** An item with its index and its readable instant (UTC epoch minute). */
export type Timed = Indexed & { readonly epoch: number };

/** The shared views of one validation's week; each is computed on its first read. */
export interface WeekView {
  /** The validation input itself. */
  readonly input: ValidationInput;
  /** Every item with its index, in input order. */
  readonly all: () => ReadonlyArray<Indexed>;
  /** The allocated (non-follow-up) items with their index, in input order. */
  readonly allocated: () => ReadonlyArray<Indexed>;
  /** The follow-ups with their index, in input order. */
  readonly followups: () => ReadonlyArray<Indexed>;
  /** UTC epoch minute of the item at `index` (`epochOf`), `NaN` when unreadable. */
  readonly epochAt: (index: number) => number;
  /** Minute of day of the item at `index` (`minuteOfDayOf`), `NaN` when unreadable. */
  readonly minuteAt: (index: number) => number;
  /** Index of the last item with `slotId` (as `new Map(items.map(...))` keeps the last), or `undefined`. */
  readonly indexOfId: (slotId: unknown) => number | undefined;
  /** The last item with `slotId`, or `undefined`. */
  readonly itemOfId: (slotId: unknown) => ScheduleItem | undefined;
  /** The items with a readable instant sorted by instant then slot id, `null` when the slot ids are not all strings. */
  readonly byTime: () => ReadonlyArray<Timed> | null;
  /**
   * The shared grouping of the week (issue 11: one pass over the items, read by every check's
   * shortcut), made on its first read.
   */
  readonly groups: () => WeekGroups;
}

/**
 * The week's items grouped once, by index, in typed arrays: what the checks' shortcuts read to
 * tell that a rule holds without building a group, a key text or an issue. Each number is read
 * from the item's own fields (never from the builder's bookkeeping); a shortcut that finds
 * anything it cannot settle leaves the answer to the check's plain form.
 */
export interface WeekGroups {
  /** Number of items. */
  readonly size: number;
  /** UTC epoch minute per item (`epochOf`), `NaN` when unreadable. */
  readonly epoch: Float64Array;
  /** Minute of day per item (`minuteOfDayOf`), `NaN` when unreadable. */
  readonly minute: Float64Array;
  /** 1 for an item whose `isFollowUp` is truthy, else 0. */
  readonly followUp: Uint8Array;
  /** Index of the item's send type in `SEND_TYPE_KEYS`, -1 for an unknown key (`specOf` undefined). */
  readonly type: Int16Array;
  /** Index of the item's channel family (0 messages, 1 posts), -1 for an unknown channel. */
  readonly family: Int8Array;
  /** Index of the item's `scheduledDate` among the week's distinct values (first-seen order). */
  readonly date: Int32Array;
  /** Number of distinct `scheduledDate` values. */
  readonly dates: number;
  /** Whether every `scheduledDate` is a string without `|` (a block key text of one date names no other). */
  readonly plainDates: boolean;
  /** Whether some item's send type has a catalog row its key does not index (`__proto__`...): shortcuts step aside. */
  readonly odd: boolean;
  /** Whether every slot id is distinct (as `Map` keys). */
  readonly distinctIds: boolean;
  /** Indexes of the items with a readable instant, sorted by instant then slot id; `null` when the slot ids are not all strings. */
  readonly order: Int32Array | null;
}

/** Index of each send type key in the catalog order. */
const TYPE_INDEX: ReadonlyMap<string, number> = new Map(SEND_TYPE_KEYS.map((k, i) => [k, i]));

/** The week's grouping, one pass over the items (and one sort of the timed ones). */
const groupsOf = (
  items: ReadonlyArray<ScheduleItem>,
  epochAt: (index: number) => number,
  minuteAt: (index: number) => number,
  ids: () => ReadonlyMap<unknown, number>,
): WeekGroups => {
  const n = items.length;
  const epoch = new Float64Array(n);
  const minute = new Float64Array(n);
  const followUp = new Uint8Array(n);
  const type = new Int16Array(n);
  const family = new Int8Array(n);
  const date = new Int32Array(n);
  const dateIds = new Map<unknown, number>();
  let plainDates = true;
  let odd = false;
  let stringIds = true;
  const timedIndexes: number[] = [];
  for (let i = 0; i < n; i++) {
    const item = items[i] as ScheduleItem;
    const e = epochAt(i);
    epoch[i] = e;
    minute[i] = minuteAt(i);
    followUp[i] = item.isFollowUp ? 1 : 0;
    if (specOf(item) === undefined) type[i] = -1;
    else {
      const t = TYPE_INDEX.get(item.sendTypeKey);
      if (t === undefined) {
        odd = true;
        type[i] = -1;
      } else type[i] = t;
    }
    const f = familyOf(item);
    family[i] = f === 'messages' ? 0 : f === 'posts' ? 1 : -1;
    if (f !== undefined && family[i] === -1) odd = true;
    const d: unknown = item.scheduledDate;
    let k = dateIds.get(d);
    if (k === undefined) {
      k = dateIds.size;
      dateIds.set(d, k);
      if (typeof d !== 'string' || d.includes('|')) plainDates = false;
    }
    date[i] = k;
    if (typeof item.slotId !== 'string') stringIds = false;
    if (Number.isFinite(e)) timedIndexes.push(i);
  }
  let order: Int32Array | null = null;
  if (stringIds) {
    // `byInstant` on indexes: instant, then the slot ids compared as strings (a stable sort, as
    // the sort of `timed`).
    timedIndexes.sort((a, b) => {
      const d = (epoch[a] as number) - (epoch[b] as number);
      if (d !== 0) return d;
      const sa = (items[a] as ScheduleItem).slotId;
      const sb = (items[b] as ScheduleItem).slotId;
      return sa < sb ? -1 : sa > sb ? 1 : 0;
    });
    order = Int32Array.from(timedIndexes);
  }
  return {
    size: n,
    epoch,
    minute,
    followUp,
    type,
    family,
    date,
    dates: dateIds.size,
    plainDates,
    odd,
    distinctIds: ids().size === n,
    order,
  };
};

/** A value computed on its first read and remembered. */
const lazy = <A>(compute: () => A): (() => A) => {
  let done = false;
  let value: A | undefined;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as A;
  };
};

/** The per-index numbers of `read` over the items, each computed on its first read. */
const perItem = (
  items: ReadonlyArray<ScheduleItem>,
  read: (item: ScheduleItem) => number,
): ((index: number) => number) => {
  const known: Array<number | undefined> = [];
  return (index) => {
    let v = known[index];
    if (v === undefined) {
      v = read(items[index] as ScheduleItem);
      known[index] = v;
    }
    return v;
  };
};

/** The views of `input`'s week, for one validation. */
export const weekOf = (input: ValidationInput): WeekView => {
  const items = input.items;
  const all = lazy(() => items.map((item, index): Indexed => ({ item, index })));
  const epochAt = perItem(items, epochOf);
  const minuteAt = perItem(items, minuteOfDayOf);
  const ids = lazy(() => {
    const m = new Map<unknown, number>();
    items.forEach((i, index) => {
      m.set(i.slotId, index);
    });
    return m;
  });
  return {
    input,
    all,
    allocated: lazy(() => all().filter((x) => !x.item.isFollowUp)),
    followups: lazy(() => all().filter((x) => x.item.isFollowUp)),
    epochAt,
    minuteAt,
    indexOfId: (slotId) => ids().get(slotId),
    itemOfId: (slotId) => {
      const index = ids().get(slotId);
      return index === undefined ? undefined : items[index];
    },
    byTime: lazy(() =>
      items.every((i) => typeof i.slotId === 'string')
        ? timed(all(), (x) => epochAt(x.index))
        : null,
    ),
    groups: lazy(() => groupsOf(items, epochAt, minuteAt, ids)),
  };
};

/** A check's rule over the week's views. */
export type WeekRule = (week: WeekView) => ReadonlyArray<Issue>;

/** The rule of each check made by `weekCheck`, for `validateSchedule` to run on its shared views. */
const rules = new WeakMap<Check, WeekRule>();

/** The check of `rule`: on its own it builds the views of its input; `ruleOf` gives the rule back. */
export const weekCheck = (rule: WeekRule): Check => {
  const check: Check = (input) => rule(weekOf(input));
  rules.set(check, rule);
  return check;
};

/** The rule `weekCheck` made `check` from, `undefined` for another check. */
export const ruleOf = (check: Check): WeekRule | undefined => rules.get(check);

/** A pair of items of one group, consecutive by time, closer than the group's minimum. */
export interface ClosePair {
  /** The group's key. */
  readonly key: string;
  /** The earlier item. */
  readonly a: Timed;
  /** The later item. */
  readonly b: Timed;
  /** Minutes from `a` to `b`. */
  readonly gap: number;
  /** The group's minimum gap. */
  readonly min: number;
}

/**
 * Consecutive pairs (by time) of the kept items of each group (`key`, `undefined` = no group)
 * whose gap is below `minGap(group)`; groups in the order of their first item, pairs in time
 * order. The timed items are sorted once per validation (`byTime`) when the slot ids are
 * strings (a total order: the sorted list filtered is the filtered list sorted), else each
 * group is sorted on its own.
 */
export const closePairs = (
  week: WeekView,
  keep: (i: ScheduleItem) => boolean,
  key: (i: ScheduleItem) => string | undefined,
  minGap: (k: string) => number,
): ReadonlyArray<ClosePair> => {
  const grouped = new Map<string, Timed[]>();
  const sorted = week.byTime();
  if (sorted === null) {
    const xs = week.all().filter((x) => keep(x.item) && key(x.item) !== undefined);
    for (const [k, g] of groupBy(xs, (x) => key(x.item) as string))
      grouped.set(k, [...timed(g, (x) => week.epochAt(x.index))]);
  } else {
    // Each kept item's group read once, by index (issue 11).
    const keys: Array<string | undefined> = [];
    for (const x of week.all()) {
      if (!keep(x.item)) continue;
      const k = key(x.item);
      keys[x.index] = k;
      if (k !== undefined && !grouped.has(k)) grouped.set(k, []);
    }
    for (const x of sorted) {
      const k = keys[x.index];
      if (k !== undefined) grouped.get(k)?.push(x);
    }
  }
  const out: ClosePair[] = [];
  for (const [k, g] of grouped) {
    const min = minGap(k);
    for (let j = 1; j < g.length; j++) {
      const a = g[j - 1] as Timed;
      const b = g[j] as Timed;
      const gap = b.epoch - a.epoch;
      if (gap < min) out.push({ key: k, a, b, gap, min });
    }
  }
  return out;
};

/** Each send type's `minMinutesBetween`, by its index in `SEND_TYPE_KEYS` (the catalog's numbers). */
const TYPE_MIN_GAP: Float64Array = Float64Array.from(
  SEND_TYPE_KEYS,
  (k) => SEND_TYPES[k].minMinutesBetween,
);

/**
 * Whether `closePairs` may find a pair, answered on the shared grouping without a group: the
 * timed items in time order (`order`), of the allocated items (`followUps` 0) or the follow-ups
 * (1), grouped by channel family or by send type (items without one left out, as `closePairs`
 * leaves out an undefined key); a group's consecutive pair closer than its minimum (`minGap` of
 * the family, or the type's `minMinutesBetween`) answers `true`. `false` only when no pair can
 * be found; `true` too when the grouping cannot settle it (slot ids that are not all strings,
 * an odd send type), for the check's plain form to answer.
 */
export const mayHaveClosePair = (
  g: WeekGroups,
  followUps: 0 | 1,
  by: 'family' | 'type',
  familyGap = 0,
): boolean => {
  const order = g.order;
  if (order === null || g.odd) return true;
  const keys = by === 'family' ? g.family : g.type;
  const last = new Float64Array(by === 'family' ? 2 : TYPE_MIN_GAP.length).fill(Number.NaN);
  for (let j = 0; j < order.length; j++) {
    const i = order[j] as number;
    if (g.followUp[i] !== followUps) continue;
    const k = keys[i] as number;
    if (k < 0) continue;
    const e = g.epoch[i] as number;
    const before = last[k] as number;
    if (
      !Number.isNaN(before) &&
      e - before < (by === 'family' ? familyGap : (TYPE_MIN_GAP[k] as number))
    )
      return true;
    last[k] = e;
  }
  return false;
};
