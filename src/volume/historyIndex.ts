/**
 * A per-history index for the volume phase (issue 11: work that depends only on the dataset is
 * done once). Each message's instant is parsed once into an epoch minute, and the derived
 * figures the volume functions read (local-day buckets per zone and window, the window's
 * messages, the scores, the elasticity fit, the trait analysis) are computed once per key.
 *
 * An index is remembered in a `WeakMap` keyed by the history's first message (for the most
 * recent `MAX_REMEMBERED_HISTORIES` histories) and found again for any array holding the same
 * message objects in the same order (one identity check per message, far cheaper than parsing):
 * the load phase's sorted copy of the port's answer hits it every build. For a history of frozen
 * messages (as `inMemoryPorts` answers it) that check is all; for messages a caller may still
 * change, the index also keeps a snapshot of every field of every message (`MassMessage`'s
 * fields) and is used again only when each field still holds the same value (`Object.is`), so a
 * caller's change to its messages is always seen: a changed history is indexed afresh. A history with holes or entries that are not objects, or whose
 * fields cannot be read, gets a fresh index per call. Every memoised value is frozen (the
 * library's own objects; never the messages), and each key holds only the inputs it depends on
 * (the policy fields actually read), so a memo never changes a result.
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
  /**
   * Whether the index is found again by message identity alone (a remembered history of frozen
   * messages): cheap enough to look up once per item. An index of messages that may change is
   * remembered too, but each lookup compares every field with its snapshot.
   */
  readonly remembered: boolean;
  /** The value of `key`, computed by `compute` on first use (bounded memo; `compute` freezes what it builds). */
  readonly memo: <A>(key: string, compute: () => A) => A;
}

/** A remembered index and, for messages that are not frozen, the snapshot of their fields. */
interface Remembered {
  readonly index: HistoryIndex;
  /** Every field of each message, in order (`snapshotOf`); `null` when every message is frozen. */
  readonly snapshot: ReadonlyArray<unknown> | null;
}

/** Indexes remembered per history, found by the history's first message (ephemeron). */
const indexes = new WeakMap<MassMessage, Remembered[]>();
/** Indexes remembered per first message (the same messages in different windows). */
const MAX_INDEXES_PER_FIRST_MESSAGE = 8;
/**
 * Histories (first messages) remembered at once, the most recent. A batch over an agency meets
 * each creator's history once per week: remembering every one would hold each creator's memo
 * (tens of kilobytes) for as long as its messages live (issue 11: the batch's memory stays
 * flat). Forgetting the oldest only costs a fresh index if that history comes back.
 */
const MAX_REMEMBERED_HISTORIES = 32;
/** The first messages of the remembered histories, oldest first (weakly: a message the caller drops goes). */
const rememberedOrder: Array<WeakRef<MassMessage>> = [];

/** Remembers `list` under `first`, forgetting the oldest history past `MAX_REMEMBERED_HISTORIES`. */
const remember = (first: MassMessage, list: Remembered[]): void => {
  indexes.set(first, list);
  rememberedOrder.push(new WeakRef(first));
  if (rememberedOrder.length <= MAX_REMEMBERED_HISTORIES) return;
  const oldest = (rememberedOrder.shift() as WeakRef<MassMessage>).deref();
  if (oldest !== undefined) indexes.delete(oldest);
};

/** Fields of `MassMessage` a snapshot keeps per message (all of them). */
const SNAPSHOT_WIDTH = 13;

/** The sameness of a field's values: `Object.is` (NaN is NaN, 0 is not -0). */
const same: (x: unknown, y: unknown) => boolean = Object.is;

/** Whether every entry of `history` is present and an object (holes and others: no). */
const allObjects = (history: ReadonlyArray<MassMessage>): boolean => {
  for (let i = 0; i < history.length; i++)
    if (!(i in history) || typeof history[i] !== 'object' || history[i] === null) return false;
  return true;
};

/** Whether every entry of `history` (all objects) is frozen. */
const allFrozen = (history: ReadonlyArray<MassMessage>): boolean => {
  for (let i = 0; i < history.length; i++) if (!Object.isFrozen(history[i])) return false;
  return true;
};

/**
 * Every field of every message, in order (`SNAPSHOT_WIDTH` per message: each field of
 * `MassMessage`, read one by one and not by a computed key, which V8 reads far faster);
 * `null` when a field cannot be read.
 */
const snapshotOf = (history: ReadonlyArray<MassMessage>): ReadonlyArray<unknown> | null => {
  const out = new Array<unknown>(history.length * SNAPSHOT_WIDTH);
  try {
    for (let i = 0, k = 0; i < history.length; i++, k += SNAPSHOT_WIDTH) {
      const m = history[i] as MassMessage;
      out[k] = m.creatorId;
      out[k + 1] = m.sentAt;
      out[k + 2] = m.sendTypeKey;
      out[k + 3] = m.price;
      out[k + 4] = m.sent;
      out[k + 5] = m.viewed;
      out[k + 6] = m.purchased;
      out[k + 7] = m.earnings;
      out[k + 8] = m.captionId;
      out[k + 9] = m.captionText;
      out[k + 10] = m.contentType;
      out[k + 11] = m.campaignType;
      out[k + 12] = m.gameType;
    }
  } catch {
    return null;
  }
  return out;
};

/** Whether every message of `history` still holds its snapshot's values (`Object.is`). */
const matchesSnapshot = (
  snapshot: ReadonlyArray<unknown>,
  history: ReadonlyArray<MassMessage>,
): boolean => {
  try {
    for (let i = 0, k = 0; i < history.length; i++, k += SNAPSHOT_WIDTH) {
      const m = history[i] as MassMessage;
      if (
        !same(m.creatorId, snapshot[k]) ||
        !same(m.sentAt, snapshot[k + 1]) ||
        !same(m.sendTypeKey, snapshot[k + 2]) ||
        !same(m.price, snapshot[k + 3]) ||
        !same(m.sent, snapshot[k + 4]) ||
        !same(m.viewed, snapshot[k + 5]) ||
        !same(m.purchased, snapshot[k + 6]) ||
        !same(m.earnings, snapshot[k + 7]) ||
        !same(m.captionId, snapshot[k + 8]) ||
        !same(m.captionText, snapshot[k + 9]) ||
        !same(m.contentType, snapshot[k + 10]) ||
        !same(m.campaignType, snapshot[k + 11]) ||
        !same(m.gameType, snapshot[k + 12])
      )
        return false;
    }
  } catch {
    return false;
  }
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
 * The index of `history`, remembered and found again for any array holding the same message
 * objects in the same order whose fields all still hold the values they had when it was built
 * (frozen messages cannot change, so for them the identity check is all). A history with holes,
 * entries that are not objects or fields that cannot be read gets a fresh index, used for this
 * call only. With `frozenOnly` (a caller that asks once per item), a history whose messages are
 * not all frozen gets a fresh index without the field-by-field check.
 *
 * @internal
 */
export const historyIndexOf = (
  history: ReadonlyArray<MassMessage>,
  frozenOnly = false,
): HistoryIndex => {
  const first = history.length > 0 && 0 in history ? history[0] : undefined;
  if (typeof first !== 'object' || first === null) return buildIndex(history, false);
  const known = indexes.get(first);
  if (known !== undefined)
    for (let k = 0; k < known.length; k++) {
      const { index, snapshot } = known[k] as Remembered;
      if ((frozenOnly && snapshot !== null) || !sameMessages(index.history, history)) continue;
      if (snapshot === null || matchesSnapshot(snapshot, history)) return index;
      // a message changed since: this index can never be used again
      known.splice(k, 1);
      break;
    }
  if (!allObjects(history)) return buildIndex(history, false);
  const frozen = allFrozen(history);
  if (frozenOnly && !frozen) return buildIndex(history, false);
  const snapshot = frozen ? null : snapshotOf(history);
  if (!frozen && snapshot === null) return buildIndex(history, false);
  // a private copy of the array (never changed): the caller's may change later
  const index = buildIndex([...history], frozen);
  const list = known ?? [];
  if (list.length >= MAX_INDEXES_PER_FIRST_MESSAGE) list.shift();
  list.push({ index, snapshot });
  if (known === undefined) remember(first, list);
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
