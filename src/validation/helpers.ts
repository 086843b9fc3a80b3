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

/**
 * What the checks read from an item, remembered per item together with the field it was read
 * from: a later read of the same item answers from the memo only while the field is the same
 * string, so an edited item is read again. Issue 11 (work once): some twenty checks read the
 * same instants and clock times of every item.
 */
interface Memo {
  readonly from: unknown;
  readonly value: number;
}

const memoised = (
  read: (item: ScheduleItem) => unknown,
  compute: (field: unknown) => number,
): ((item: ScheduleItem) => number) => {
  const memo = new WeakMap<ScheduleItem, Memo>();
  return (item) => {
    const field = read(item);
    const known = memo.get(item);
    if (known !== undefined && known.from === field) return known.value;
    const value = compute(field);
    memo.set(item, { from: field, value });
    return value;
  };
};

const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Minutes after local midnight of `scheduledTime` (`HH:mm:ss`), `NaN` when unreadable. */
export const minuteOfDayOf: (item: ScheduleItem) => number = memoised(
  (item) => item.scheduledTime,
  (field) => {
    const m = TIME_RE.exec(typeof field === 'string' ? field : '');
    if (m === null) return Number.NaN;
    const h = Number(m[1]);
    const min = Number(m[2]);
    return h < 24 && min < 60 ? h * 60 + min : Number.NaN;
  },
);

/** UTC epoch minute of `scheduledAt`, `NaN` when unreadable. */
export const epochOf: (item: ScheduleItem) => number = memoised(
  (item) => item.scheduledAt,
  (field) => (typeof field === 'string' && field.length > 0 ? isoToEpochMinute(field) : Number.NaN),
);

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

/** Items with a readable `scheduledAt`, sorted by time then slot id. */
export const timed = (
  xs: ReadonlyArray<Indexed>,
): ReadonlyArray<Indexed & { readonly epoch: number }> =>
  xs
    .map((x) => ({ ...x, epoch: epochOf(x.item) }))
    .filter((x) => Number.isFinite(x.epoch))
    .sort(
      (a, b) =>
        a.epoch - b.epoch ||
        (a.item.slotId < b.item.slotId ? -1 : a.item.slotId > b.item.slotId ? 1 : 0),
    );

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

/** `items[i]` or `items[i].field`. */
export const itemPath = (index: number, field?: string): string =>
  field === undefined ? `items[${index}]` : `items[${index}].${field}`;

/** Consecutive pairs (by time) of the items of each group whose gap is below `min(group)`. */
export const closePairs = (
  xs: ReadonlyArray<Indexed>,
  key: (i: ScheduleItem) => string | undefined,
  minGap: (k: string) => number,
): ReadonlyArray<{
  readonly key: string;
  readonly a: Indexed;
  readonly b: Indexed;
  readonly gap: number;
  readonly min: number;
}> =>
  [
    ...groupBy(
      xs.filter((x) => key(x.item) !== undefined),
      (x) => key(x.item) as string,
    ),
  ].flatMap(([k, g]) => {
    const sorted = timed(g);
    const min = minGap(k);
    return sorted.slice(1).flatMap((b, j) => {
      const a = sorted[j] as (typeof sorted)[number];
      const gap = b.epoch - a.epoch;
      return gap < min ? [{ key: k, a, b, gap, min }] : [];
    });
  });
