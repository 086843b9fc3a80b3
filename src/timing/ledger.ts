/**
 * The placement ledger: what phase 5 has placed so far, indexed for the constraint checks of
 * seed 001 §5.4-§5.6 and RULINGS "Timing". A ledger is created and filled inside one
 * `scheduleTimes` call and never escapes it.
 *
 * @module
 */
import { type ChannelFamily, ppvStyleRoleOf, type SendTypeKey } from '../domain/catalog';
import type { SchedulePolicy } from '../domain/policy';
import { blockIndex, inWindow, isRoundMinute } from '../domain/rules';
import { epochMinuteToIso, instantToLocal, localToEpochMinute } from '../domain/time';
import type { PpvStyle } from '../domain/types';
import type { PlacedStyle } from '../rotation/sameStyle';

/**
 * One placed send, as the ledger records it.
 *
 * @since 0.1.0
 * @category timing
 */
export interface LedgerEntry {
  readonly date: string;
  readonly minuteOfDay: number;
  readonly epochMinute: number;
  readonly family: ChannelFamily;
  readonly sendTypeKey: SendTypeKey;
  /** Whether phase 6 will give it a follow-up (its send type `canHaveFollowup`). */
  readonly isFollowupParent: boolean;
  /** Its PPV style, `null` when it has none (003 task 2.1). */
  readonly ppvStyle?: PpvStyle | null;
}

/**
 * Placed sends, indexed. Sorted arrays hold epoch minutes; `blocks` counts sends per block of
 * the day under the key `family|date`; `clockTimes` counts uses per local minute of the day
 * (one clock time `HH:mm`).
 *
 * @since 0.1.0
 * @category timing
 */
export interface Ledger {
  readonly epochs: Set<number>;
  readonly byFamily: Map<ChannelFamily, number[]>;
  readonly byType: Map<SendTypeKey, number[]>;
  /** Epoch minutes of the sends that will get a follow-up. */
  readonly parents: number[];
  readonly blocks: Map<string, number[]>;
  readonly clockTimes: Map<number, number>;
  /** The styled sends placed on each local date, for the same-style rule (003 task 2.2). */
  readonly stylesByDate: Map<string, PlacedStyle[]>;
}

/**
 * What is asked of the candidates of one item on one date for one channel family.
 *
 * @since 0.1.0
 * @category timing
 */
export interface Probe {
  readonly date: string;
  readonly family: ChannelFamily;
  readonly sendTypeKey: SendTypeKey;
  /** Minimum minutes to any other send of the same type (001 §5.6). */
  readonly minMinutesBetween: number;
  /** Whether the item will get a follow-up. */
  readonly isFollowupParent: boolean;
}

/**
 * A candidate that passes every rule that is never relaxed, with what the relaxable rules need:
 * the distance in minutes to the nearest send of the same family (`Infinity` when none) and
 * whether its hour is an avoid hour.
 *
 * @since 0.1.0
 * @category timing
 */
export interface Evaluation {
  readonly epochMinute: number;
  readonly gap: number;
  readonly inAvoidHours: boolean;
  /** For a follow-up parent: minutes to the nearest other parent (`Infinity` otherwise or when none). */
  readonly parentGap: number;
}

/**
 * An empty ledger.
 *
 * @since 0.1.0
 * @category timing
 */
export const emptyLedger = (): Ledger => ({
  epochs: new Set(),
  byFamily: new Map(),
  byType: new Map(),
  parents: [],
  blocks: new Map(),
  clockTimes: new Map(),
  stylesByDate: new Map(),
});

const lowerBound = (xs: ReadonlyArray<number>, x: number): number => {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** Distance from `x` to the nearest element of the sorted `xs`; `Infinity` when empty. */
const nearest = (xs: ReadonlyArray<number>, x: number): number => {
  const i = lowerBound(xs, x);
  const after = i < xs.length ? (xs[i] as number) - x : Number.POSITIVE_INFINITY;
  const before = i > 0 ? x - (xs[i - 1] as number) : Number.POSITIVE_INFINITY;
  return Math.min(after, before);
};

const NONE: ReadonlyArray<number> = [];

/**
 * A checker for the candidates of one probe against the rules phase 5 never relaxes (RULINGS
 * "Timing"): inside the window, not a round minute, fewer than `maxClockTimeUsesPerWeek` uses of
 * its clock time, fewer than `maxPerBlock` sends of its family in its block of the day, a local
 * time that exists (not skipped by daylight saving), no send at the same epoch minute, and at
 * least `minMinutesBetween` from every send of its type. The checker returns `null` when one
 * fails, else the values the relaxable rules (spacing, avoid hours) need. It reads the ledger
 * as it is when called.
 *
 * @since 0.1.0
 * @category timing
 */
export const prober = (
  ledger: Ledger,
  probe: Probe,
  epochOf: (minuteOfDay: number) => number,
  avoidHours: ReadonlySet<number>,
  policy: Pick<SchedulePolicy, 'timing'>,
): ((minuteOfDay: number) => Evaluation | null) => {
  const t = policy.timing;
  const blocks = ledger.blocks.get(`${probe.family}|${probe.date}`) ?? NONE;
  const family = ledger.byFamily.get(probe.family) ?? NONE;
  const sameType = ledger.byType.get(probe.sendTypeKey) ?? NONE;
  return (m) => {
    if (!inWindow(m, policy)) return null;
    if (isRoundMinute(m, policy)) return null;
    if ((ledger.clockTimes.get(m) ?? 0) >= t.maxClockTimeUsesPerWeek) return null;
    if ((blocks[blockIndex(m, policy)] ?? 0) >= t.maxPerBlock) return null;
    const epochMinute = epochOf(m);
    if (Number.isNaN(epochMinute) || ledger.epochs.has(epochMinute)) return null;
    if (nearest(sameType, epochMinute) < probe.minMinutesBetween) return null;
    return {
      epochMinute,
      gap: nearest(family, epochMinute),
      inAvoidHours: avoidHours.has(Math.floor(m / 60)),
      parentGap: probe.isFollowupParent
        ? nearest(ledger.parents, epochMinute)
        : Number.POSITIVE_INFINITY,
    };
  };
};

/** What the relaxable rules ask at one relaxation level (see `acceptMask`). */
export interface MaskLevel {
  /** Minutes kept from every send of the probe's family. */
  readonly spacing: number;
  /** Minutes kept from every follow-up parent, for a parent (0 = not asked). */
  readonly parentSpacing: number;
  readonly ignoreAvoidHours: boolean;
  /**
   * The same-style rule the level keeps (003 task 2.2), for a send of a restricted style:
   * its style and whether it takes a pattern position; `null` when the level does not keep it.
   */
  readonly sameStyle: { readonly ppvStyle: PpvStyle; readonly pattern: boolean } | null;
}

/** The window with its round minutes closed, per frozen timing policy (see `roundMinutesClosed`). */
const closedRoundMinutes = new WeakMap<object, Uint8Array>();

/**
 * `acceptMask`'s start: the window's minutes `ws..ws + width - 1` open (1) but the round minutes
 * `h * 60 + r` (every hour `h` the window touches, every `r` of `roundMinutes`), closed (0).
 * Remembered for a frozen policy section (what `resolvePolicy` returns), else built each time.
 * The caller copies it before writing.
 */
const roundMinutesClosed = (t: SchedulePolicy['timing'], ws: number, width: number): Uint8Array => {
  const frozen = Object.isFrozen(t) && Object.isFrozen(t.roundMinutes);
  const known = frozen ? closedRoundMinutes.get(t) : undefined;
  if (known !== undefined) return known;
  const open = new Uint8Array(width).fill(1);
  for (let h = Math.floor(ws / 60); h * 60 < ws + width; h++)
    for (const r of t.roundMinutes) {
      const j = h * 60 + r - ws;
      if (j >= 0 && j < width) open[j] = 0;
    }
  if (frozen) closedRoundMinutes.set(t, open);
  return open;
};

/**
 * Which minutes of a day's window may hold the probe at one relaxation level: `mask[j]` is 1 for
 * a possible minute `windowStartMinute + j`, 0 for one left out. A minute is left out when a rule certainly refuses it there: it is
 * a round minute, a send already holds its epoch minute, its clock time is used up, its block of the day is full for the family, it is closer than
 * `minMinutesBetween` to a send of its type, closer than the level's spacing to a send of its
 * family or (for a parent) than the parent spacing to a parent, in an avoid hour the level keeps,
 * at a time where the same-style rule the level keeps refuses it (`styleFits`: next to a styled
 * send of the date of the same style, or for a pattern PPV in a half of the day holding a pattern
 * PPV of its style), or outside `keep` (minutes of the day, both ends included; `null` keeps
 * all). Every minute
 * `prober` and the level would accept is counted, so skipping the ranges without one changes no
 * placement. The window's local minutes must map linearly to epoch minutes from `windowStartEpoch`
 * (no daylight-saving change inside it); the caller checks that. The ledger is one
 * `recordPlacement` filled (its sends are read from the families' sorted lists).
 *
 * Source: seed 001 §5.4-§5.6; RULINGS "Timing" (the rules `prober` applies).
 *
 * @since 0.3.0
 * @category timing
 */
export const acceptMask = (
  ledger: Ledger,
  probe: Probe,
  windowStartEpoch: number,
  avoidHours: ReadonlySet<number>,
  level: MaskLevel,
  keep: readonly [number, number] | null,
  policy: Pick<SchedulePolicy, 'timing' | 'rotation'>,
): Uint8Array => {
  const t = policy.timing;
  const ws = t.windowStartMinute;
  const width = Math.max(0, t.windowEndMinute - ws + 1);
  const open = roundMinutesClosed(t, ws, width).slice();
  /** Closes the minutes of the day `from..to` (both included). */
  const close = (from: number, to: number): void => {
    const a = Math.max(0, from - ws);
    const b = Math.min(width - 1, to - ws);
    if (a <= b) open.fill(0, a, b + 1);
  };
  /** Closes every minute closer than `radius` to an epoch minute of the sorted `xs`. */
  const closeNear = (xs: ReadonlyArray<number>, radius: number): void => {
    if (radius <= 0) return;
    const lastEpoch = windowStartEpoch + width - 1;
    for (let i = lowerBound(xs, windowStartEpoch - radius + 1); i < xs.length; i++) {
      const x = xs[i] as number;
      if (x > lastEpoch + radius - 1) break;
      const at = x - windowStartEpoch + ws;
      close(at - radius + 1, at + radius - 1);
    }
  };
  const maxUses = t.maxClockTimeUsesPerWeek;
  ledger.clockTimes.forEach((uses, minute) => {
    const j = minute - ws;
    if (uses >= maxUses && j >= 0 && j < width) open[j] = 0;
  });
  // the sends inside this window: every placed send is in its family's sorted list
  ledger.byFamily.forEach((xs) => {
    for (let i = lowerBound(xs, windowStartEpoch); i < xs.length; i++) {
      const j = (xs[i] as number) - windowStartEpoch;
      if (j >= width) break;
      open[j] = 0;
    }
  });
  const blocks = ledger.blocks.get(`${probe.family}|${probe.date}`) ?? NONE;
  for (let b = 0; b < blocks.length; b++)
    if ((blocks[b] ?? 0) >= t.maxPerBlock) close(b * t.blockMinutes, (b + 1) * t.blockMinutes - 1);
  closeNear(ledger.byType.get(probe.sendTypeKey) ?? NONE, probe.minMinutesBetween);
  closeNear(ledger.byFamily.get(probe.family) ?? NONE, level.spacing);
  if (probe.isFollowupParent) closeNear(ledger.parents, level.parentSpacing);
  if (!level.ignoreAvoidHours) for (const h of avoidHours) close(h * 60, h * 60 + 59);
  if (level.sameStyle !== null) {
    const { ppvStyle, pattern } = level.sameStyle;
    const split = policy.rotation.amPmSplitHour * 60;
    const placed = [...(ledger.stylesByDate.get(probe.date) ?? [])].sort(
      (a, b) => a.epochMinute - b.epochMinute,
    );
    // Between two neighbours in send order (or before the first, after the last), a send of the
    // style is refused when either neighbour has its style.
    for (let i = 0; i <= placed.length; i++) {
      const before = placed[i - 1];
      const after = placed[i];
      if (before?.ppvStyle !== ppvStyle && after?.ppvStyle !== ppvStyle) continue;
      const from = before === undefined ? ws : before.epochMinute - windowStartEpoch + ws + 1;
      const to =
        after === undefined ? ws + width - 1 : after.epochMinute - windowStartEpoch + ws - 1;
      close(from, to);
    }
    if (pattern)
      for (const d of placed)
        if (d.pattern && d.ppvStyle === ppvStyle)
          if (d.minuteOfDay < split) close(0, split - 1);
          else close(split, 24 * 60);
  }
  if (keep !== null) {
    close(ws, keep[0] - 1);
    close(keep[1] + 1, ws + width - 1);
  }
  return open;
};

/**
 * Whether the minutes of the day `from..to` (both included) hold a minute `acceptMask`'s
 * `mask` leaves possible.
 *
 * @since 0.3.0
 * @category timing
 */
export const maskHolds = (
  mask: Uint8Array,
  from: number,
  to: number,
  policy: Pick<SchedulePolicy, 'timing'>,
): boolean => {
  const ws = policy.timing.windowStartMinute;
  const b = Math.min(mask.length - 1, to - ws);
  for (let i = Math.max(0, from - ws); i <= b; i++) if (mask[i] === 1) return true;
  return false;
};

const insertSorted = <K>(m: Map<K, number[]>, key: K, x: number): void => {
  const xs = m.get(key) ?? [];
  xs.splice(lowerBound(xs, x), 0, x);
  m.set(key, xs);
};

/**
 * Records a placed send in the ledger (mutates the ledger the caller owns).
 *
 * @since 0.1.0
 * @category timing
 */
export const recordPlacement = (
  ledger: Ledger,
  entry: LedgerEntry,
  policy: Pick<SchedulePolicy, 'timing'>,
): void => {
  ledger.epochs.add(entry.epochMinute);
  insertSorted(ledger.byFamily, entry.family, entry.epochMinute);
  insertSorted(ledger.byType, entry.sendTypeKey, entry.epochMinute);
  if (entry.isFollowupParent)
    ledger.parents.splice(lowerBound(ledger.parents, entry.epochMinute), 0, entry.epochMinute);
  const key = `${entry.family}|${entry.date}`;
  const blocks = ledger.blocks.get(key) ?? [];
  const b = blockIndex(entry.minuteOfDay, policy);
  blocks[b] = (blocks[b] ?? 0) + 1;
  ledger.blocks.set(key, blocks);
  ledger.clockTimes.set(entry.minuteOfDay, (ledger.clockTimes.get(entry.minuteOfDay) ?? 0) + 1);
  if (entry.ppvStyle !== undefined && entry.ppvStyle !== null) {
    const day = ledger.stylesByDate.get(entry.date) ?? [];
    day.push({
      epochMinute: entry.epochMinute,
      minuteOfDay: entry.minuteOfDay,
      ppvStyle: entry.ppvStyle,
      pattern: ppvStyleRoleOf(entry.sendTypeKey) === 'pattern',
    });
    ledger.stylesByDate.set(entry.date, day);
  }
};

/**
 * Epoch minutes of local minutes of one date in one zone. Inside the window, when the zone's
 * offset is the same at both ends, it is linear from the window's start (one time-zone lookup
 * per end); otherwise each minute is looked up once with `localToEpochMinute` and remembered.
 * A local minute that does not exist (skipped by a daylight-saving change) gives `NaN`.
 *
 * @since 0.1.0
 * @category timing
 */
export const localClock = (
  date: string,
  timeZone: string,
  policy: Pick<SchedulePolicy, 'timing'>,
): ((minuteOfDay: number) => number) => {
  const { windowStartMinute: a, windowEndMinute: b } = policy.timing;
  const ea = localToEpochMinute(date, a, timeZone);
  const linear = localToEpochMinute(date, b, timeZone) - ea === b - a;
  const memo = new Map<number, number>();
  return (m) => {
    if (linear && m >= a && m <= b) return ea + (m - a);
    const hit = memo.get(m);
    if (hit !== undefined) return hit;
    const e = localToEpochMinute(date, m, timeZone);
    const local = instantToLocal(epochMinuteToIso(e), timeZone);
    const exact = local.date === date && local.minuteOfDay === m ? e : Number.NaN;
    memo.set(m, exact);
    return exact;
  };
};
