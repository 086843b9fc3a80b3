/**
 * A per-history index for the volume phase (issue 11: work that depends only on the dataset is
 * done once). Each message's instant is parsed once into an epoch minute, and the derived
 * figures the volume functions read (local-day buckets per zone and window, the window's
 * messages, the scores, the elasticity fit, the trait analysis) are computed once per key.
 *
 * An index is remembered only for a history of frozen messages (as `inMemoryPorts` answers it),
 * in a `WeakMap` keyed by its first message, and found again for any array holding the same
 * message objects in the same order (one identity check per message, far cheaper than parsing):
 * the load phase's sorted copy of the port's answer hits it every build. Any other history gets
 * a fresh index per call, so a caller's change to its messages is always seen. Every memoised
 * value is frozen (the library's own objects; never the messages), and each key holds only the
 * inputs it depends on (the policy fields actually read), so a memo never changes a result.
 *
 * @internal
 * @module
 */
import { addDaysIso, dayOfMinute, isoToEpochMinute, localMidnights } from '../domain/time';
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
  /** Whether the index is remembered (frozen messages): worth computing figures for later calls. */
  readonly remembered: boolean;
  /** The value of `key`, computed by `compute` on first use (bounded memo; `compute` freezes what it builds). */
  readonly memo: <A>(key: string, compute: () => A) => A;
}

/** Indexes remembered per history, found by the history's first message (ephemeron). */
const indexes = new WeakMap<MassMessage, HistoryIndex[]>();
/** Indexes remembered per first message (the same messages in different windows). */
const MAX_INDEXES_PER_FIRST_MESSAGE = 8;

/** Whether every entry of `history` is present and a frozen object (holes and others: no). */
const allFrozen = (history: ReadonlyArray<MassMessage>): boolean => {
  for (let i = 0; i < history.length; i++)
    if (
      !(i in history) ||
      typeof history[i] !== 'object' ||
      history[i] === null ||
      !Object.isFrozen(history[i])
    )
      return false;
  return true;
};

/** Whether `history` holds exactly `messages`, the same objects in the same order. */
const sameMessages = (
  messages: ReadonlyArray<MassMessage>,
  history: ReadonlyArray<MassMessage>,
): boolean => {
  if (messages.length !== history.length) return false;
  for (let i = 0; i < messages.length; i++) if (messages[i] !== history[i]) return false;
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

/** A fresh index of `history` (read in place), with an empty memo. */
const buildIndex = (history: ReadonlyArray<MassMessage>, remembered: boolean): HistoryIndex => {
  const values = new Map<string, unknown>();
  const memo = <A>(key: string, compute: () => A): A => {
    if (values.has(key)) return values.get(key) as A;
    const value = compute();
    if (values.size >= MAX_MEMO_ENTRIES) values.clear();
    values.set(key, value);
    return value;
  };
  return { history, remembered, memo };
};

/**
 * Epoch minute of each message's `sentAt`, in history order (`NaN` when unreadable or a hole),
 * parsed once per index.
 *
 * @internal
 */
export const instantsOf = (index: HistoryIndex): Float64Array =>
  index.memo('instants', () => {
    const { history } = index;
    const minutes = new Float64Array(history.length);
    for (let i = 0; i < history.length; i++)
      // a hole is skipped by every reader, as array methods skip it
      minutes[i] = i in history ? isoToEpochMinute((history[i] as MassMessage).sentAt) : Number.NaN;
    return minutes;
  });

/**
 * The index of `history`. For a history of frozen messages it is remembered and found again for
 * any array holding the same message objects in the same order (checked one by one: a frozen
 * message cannot change, so neither can anything computed from them); any other history gets a
 * fresh index, used for this call only.
 *
 * @internal
 */
export const historyIndexOf = (history: ReadonlyArray<MassMessage>): HistoryIndex => {
  const first = history.length > 0 && 0 in history ? history[0] : undefined;
  if (typeof first !== 'object' || first === null) return buildIndex(history, false);
  const known = indexes.get(first);
  if (known !== undefined)
    for (const index of known) if (sameMessages(index.history, history)) return index;
  if (!allFrozen(history)) return buildIndex(history, false);
  // a private copy of the array (never changed): the caller's may change later, its messages cannot
  const index = buildIndex([...history], true);
  const list = known ?? [];
  if (list.length >= MAX_INDEXES_PER_FIRST_MESSAGE) list.shift();
  list.push(index);
  if (known === undefined) indexes.set(first, list);
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
    const minutes = instantsOf(index);
    const dayIndex = new Int32Array(minutes.length);
    for (let k = 0; k < minutes.length; k++)
      dayIndex[k] = dayOfMinute(bounds, n, minutes[k] as number);
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
    const { history } = index;
    const minutes = instantsOf(index);
    for (let i = 0; i < minutes.length; i++) {
      const t = minutes[i] as number;
      if (t >= start && t < end) out.push(history[i] as MassMessage);
    }
    return Object.freeze(out);
  });
