/**
 * Small readers shared by the checks. Not part of the public API (not exported from
 * `validation/index.ts`).
 *
 * @internal
 *
 * @module
 */
import { CHANNELS, type ChannelFamily, SEND_TYPES, type SendTypeSpec } from '../domain/catalog';
import { isoToEpochMinute } from '../domain/time';
import type { ScheduleItem } from '../domain/types';

const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Minutes after local midnight of `scheduledTime` (`HH:mm:ss`), `NaN` when unreadable. */
export const minuteOfDayOf = (item: ScheduleItem): number => {
  const field: unknown = item.scheduledTime;
  const m = TIME_RE.exec(typeof field === 'string' ? field : '');
  if (m === null) return Number.NaN;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : Number.NaN;
};

/** UTC epoch minute of `scheduledAt`, `NaN` when unreadable. */
export const epochOf = (item: ScheduleItem): number => {
  const field: unknown = item.scheduledAt;
  return typeof field === 'string' && field.length > 0 ? isoToEpochMinute(field) : Number.NaN;
};

/** The send type's row, `undefined` for an unknown key. */
export const specOf = (item: ScheduleItem): SendTypeSpec | undefined =>
  (SEND_TYPES as Readonly<Record<string, SendTypeSpec | undefined>>)[item.sendTypeKey];

/** The channel family of an item, `undefined` for an unknown channel. */
export const familyOf = (item: ScheduleItem): ChannelFamily | undefined =>
  (CHANNELS as Readonly<Record<string, { readonly family: ChannelFamily } | undefined>>)[
    item.channelKey
  ]?.family;

/** An item with its index in the input, for paths. */
export interface Indexed {
  readonly item: ScheduleItem;
  readonly index: number;
}

/** Items with their index, optionally filtered. */
export const indexed = (
  items: ReadonlyArray<ScheduleItem>,
  keep: (i: ScheduleItem) => boolean = () => true,
): ReadonlyArray<Indexed> =>
  items.map((item, index) => ({ item, index })).filter((x) => keep(x.item));

/** Time order: instant, then slot id (`a.epoch - b.epoch`, then the slot ids compared as strings). */
export const byInstant = (
  a: { readonly item: ScheduleItem; readonly epoch: number },
  b: { readonly item: ScheduleItem; readonly epoch: number },
): number =>
  a.epoch - b.epoch || (a.item.slotId < b.item.slotId ? -1 : a.item.slotId > b.item.slotId ? 1 : 0);

/** Items with a readable `scheduledAt` (`epoch` reads it), sorted by time then slot id (`byInstant`). */
export const timed = (
  xs: ReadonlyArray<Indexed>,
  epoch: (x: Indexed) => number = (x) => epochOf(x.item),
): ReadonlyArray<Indexed & { readonly epoch: number }> => {
  // One pass, no spread per item (issue 11).
  const out: Array<Indexed & { readonly epoch: number }> = [];
  for (const x of xs) {
    const e = epoch(x);
    if (Number.isFinite(e)) out.push({ item: x.item, index: x.index, epoch: e });
  }
  return out.sort(byInstant);
};

/** Groups values by a key, keys in first-seen order. */
export const groupBy = <A>(
  xs: ReadonlyArray<A>,
  key: (a: A) => string,
): ReadonlyMap<string, ReadonlyArray<A>> => {
  const out = new Map<string, A[]>();
  for (const x of xs) {
    const k = key(x);
    const g = out.get(k);
    if (g === undefined) out.set(k, [x]);
    else g.push(x);
  }
  return out;
};

/**
 * The groups of `groupBy` over the kept values that hold more than `size` values: keys in
 * first-seen order, values in input order (what `[...groupBy(xs.filter(keep), key)]` filtered
 * to `length > size` gives). Issue 11: from `size` 1 up a key is counted first and an array is
 * made only for a key over `size` (most keys of a week are seen once).
 */
export const groupsOver = <A, K>(
  xs: ReadonlyArray<A>,
  keep: (a: A) => boolean,
  key: (a: A) => K,
  size: number,
): ReadonlyArray<readonly [K, ReadonlyArray<A>]> => {
  if (!(size >= 1)) {
    const all = new Map<K, A[]>();
    for (const x of xs) {
      if (!keep(x)) continue;
      const k = key(x);
      const g = all.get(k);
      if (g === undefined) all.set(k, [x]);
      else g.push(x);
    }
    return [...all].filter(([, g]) => g.length > size);
  }
  const counts = new Map<K, number>();
  let over = false;
  for (const x of xs) {
    if (!keep(x)) continue;
    const k = key(x);
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    if (n > size) over = true;
  }
  if (!over) return [];
  const groups = new Map<K, A[]>();
  for (const [k, n] of counts) if (n > size) groups.set(k, []);
  for (const x of xs) if (keep(x)) groups.get(key(x))?.push(x);
  return [...groups];
};

/** `items[i]` or `items[i].field`. */
export const itemPath = (index: number, field?: string): string =>
  field === undefined ? `items[${index}]` : `items[${index}].${field}`;
