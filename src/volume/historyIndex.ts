/**
 * A per-history index for the volume phase (issue 11: work that depends only on the dataset is
 * done once). Each message's instant is parsed once into an epoch minute, and the derived
 * figures the volume functions read (local-day buckets per zone and window, the window's
 * messages, the scores, the elasticity fit, the trait analysis) are computed once per key.
 *
 * An index is remembered (in a `WeakMap` keyed by the history array) only for a history that
 * cannot change: a frozen array of frozen messages, as `inMemoryPorts` and the load phase hand it
 * on. Any other history gets a fresh index per call, so a caller's later change to its array is
 * always seen. Every memoised value is frozen (the library's own objects; never the messages), and each key holds only the inputs it depends on
 * (the policy fields actually read), so a memo never changes a result.
 *
 * @internal
 * @module
 */
import { addDaysIso, isoToEpochMinute, localMidnights } from '../domain/time';
import type { MassMessage } from '../domain/types';

/** Values kept per history before the oldest are dropped (windows, zones, policies seen). */
const MAX_MEMO_ENTRIES = 256;

/**
 * The parsed form of one history array and its memo of derived values.
 *
 * @internal
 */
export interface HistoryIndex {
  /** The history this index reads. */
  readonly history: ReadonlyArray<MassMessage>;
  /** Epoch minute of each message's `sentAt`, in history order (`NaN` when unreadable). */
  readonly minutes: Float64Array;
  /** The value of `key`, computed by `compute` on first use (bounded memo; `compute` freezes what it builds). */
  readonly memo: <A>(key: string, compute: () => A) => A;
}

const indexes = new WeakMap<ReadonlyArray<MassMessage>, HistoryIndex>();

/** Whether a history can never change: a frozen array whose messages are all frozen. */
const isSealed = (history: ReadonlyArray<MassMessage>): boolean => {
  if (!Object.isFrozen(history)) return false;
  for (const m of history) if (!Object.isFrozen(m)) return false;
  return true;
};

/**
 * Freezes a plain value the library built and everything it holds (memoised values are shared
 * between calls); typed arrays, which cannot be frozen, are left as they are.
 *
 * @internal
 */
export const freezeDeep = <A>(value: A): A => {
  if (
    typeof value === 'object' &&
    value !== null &&
    !Object.isFrozen(value) &&
    !ArrayBuffer.isView(value)
  ) {
    Object.freeze(value);
    for (const v of Object.values(value)) freezeDeep(v);
  }
  return value;
};

/** A fresh index of `history`: its instants parsed once, an empty memo. */
const buildIndex = (history: ReadonlyArray<MassMessage>): HistoryIndex => {
  const minutes = new Float64Array(history.length);
  for (let i = 0; i < history.length; i++)
    minutes[i] = isoToEpochMinute((history[i] as MassMessage).sentAt);
  const values = new Map<string, unknown>();
  const memo = <A>(key: string, compute: () => A): A => {
    if (values.has(key)) return values.get(key) as A;
    const value = compute();
    if (values.size >= MAX_MEMO_ENTRIES) values.clear();
    values.set(key, value);
    return value;
  };
  return { history, minutes, memo };
};

/**
 * The index of `history`: the remembered one for a frozen history of frozen messages, else a
 * fresh one (used for this call only).
 *
 * @internal
 */
export const historyIndexOf = (history: ReadonlyArray<MassMessage>): HistoryIndex => {
  const known = indexes.get(history);
  if (known !== undefined) return known;
  const index = buildIndex(history);
  if (isSealed(history)) indexes.set(history, index);
  return index;
};

const sectionKeys = new WeakMap<object, string>();

/**
 * A memo key part for a policy section: its JSON, remembered per frozen section object.
 *
 * @internal
 */
export const policyKey = (section: unknown): string => {
  if (typeof section !== 'object' || section === null) return JSON.stringify(section) ?? '';
  const known = sectionKeys.get(section);
  if (known !== undefined) return known;
  const key = JSON.stringify(section) ?? '';
  if (Object.isFrozen(section)) sectionKeys.set(section, key);
  return key;
};

/**
 * Local-day buckets of the history, as `localDayBuckets` gives them: the `days` local dates
 * before `asOf` (oldest first) and, per message, the index of its local date in `timeZone`
 * (`-1` outside the window or unreadable). Memoised per zone, date and day count.
 *
 * @internal
 */
export const localDaysOf = (
  index: HistoryIndex,
  asOf: string,
  days: number,
  timeZone: string,
): {
  /** The local dates before `asOf`, oldest first. */
  readonly dates: ReadonlyArray<string>;
  /** Per message, in history order: the index of its local date in `dates`, or -1. */
  readonly dayIndex: Int32Array;
} =>
  index.memo(`days\u0000${asOf}\u0000${days}\u0000${timeZone}`, () => {
    const n = Math.max(0, Math.floor(days));
    const dates = Array.from({ length: n }, (_, i) => addDaysIso(asOf, i - n));
    const bounds = localMidnights([...dates, asOf], timeZone);
    const { minutes } = index;
    const dayIndex = new Int32Array(minutes.length);
    const first = bounds[0] as number;
    const last = bounds[n] as number;
    for (let k = 0; k < minutes.length; k++) {
      const t = minutes[k] as number;
      if (n === 0 || !(t >= first && t < last)) {
        dayIndex[k] = -1;
        continue;
      }
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if ((bounds[mid] as number) <= t) lo = mid;
        else hi = mid - 1;
      }
      dayIndex[k] = lo;
    }
    return Object.freeze({ dates: Object.freeze(dates), dayIndex });
  });

/**
 * The messages with `start <= instant < end` (epoch minutes), in history order. Memoised per
 * window.
 *
 * @internal
 */
export const messagesBetween = (
  index: HistoryIndex,
  start: number,
  end: number,
): ReadonlyArray<MassMessage> =>
  index.memo(`between\u0000${start}\u0000${end}`, () => {
    const out: MassMessage[] = [];
    const { minutes, history } = index;
    for (let i = 0; i < minutes.length; i++) {
      const t = minutes[i] as number;
      if (t >= start && t < end) out.push(history[i] as MassMessage);
    }
    return Object.freeze(out);
  });
