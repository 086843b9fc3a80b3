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
import type { Issue } from '../domain/issues';
import type { ScheduleItem } from '../domain/types';
import { epochOf, groupBy, type Indexed, minuteOfDayOf, timed } from './helpers';
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
}

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
    minuteAt: perItem(items, minuteOfDayOf),
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
