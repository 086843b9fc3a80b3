/**
 * Phase 5: the time of every send. Source: seed 001 §5.1-§5.7 and "Daily Variation System";
 * seed 003 task 2.6 (jitter); RULINGS "Timing (phase 5)".
 *
 * @module
 */
import {
  CATEGORIES,
  CHANNELS,
  type ChannelFamily,
  type ChannelKey,
  FOLLOWUP_SEND_TYPE,
  ppvStyleRoleOf,
  SEND_TYPES,
} from '../domain/catalog';
import { type Issue, issue } from '../domain/issues';
import {
  balanceVictim,
  categoryCounts,
  channelReachesTarget,
  compareSlotIds,
  dayHalfOf,
} from '../domain/rules';
import type {
  Allocation,
  LoadedData,
  PhaseContext,
  TargetedSlot,
  Targeting,
  TimedSlot,
  Timing,
} from '../domain/stages';
import { clockTime, epochMinuteIsoFormatter } from '../domain/time';
import type { PpvStyle } from '../domain/types';
import { rngFrom } from '../random/rng';
import { styleFits } from '../rotation/sameStyle';
import { baseStream, type Candidate } from './candidates';
import { type DailyVariation, dailyVariation, preferredHours, weekPhaseOf } from './dailyVariation';
import { jitterTable } from './jitter';
import {
  acceptMask,
  type Evaluation,
  emptyLedger,
  type Ledger,
  localClock,
  maskHolds,
  type Probe,
  prober,
  recordPlacement,
} from './ledger';
import { amPmPreference, jitterRangeFor } from './profile';

/** One relaxation level: the spacing in minutes and whether avoid hours are ignored. */
interface Level {
  readonly spacing: number;
  readonly ignoreAvoidHours: boolean;
  /** Minutes kept between two follow-up parents (0 = not asked). */
  readonly parentSpacing: number;
  /** Whether a styled PPV must keep the same-style rule (003 task 2.2); relaxed last. */
  readonly sameStyle: boolean;
}

/** An input slot with its index in `targeting.slots` and whether it was moved to the next day. */
interface WorkItem {
  readonly slot: TargetedSlot;
  readonly index: number;
  readonly moved: boolean;
  /** 0 for a long-gap type (`chainedGapMinutes` or more between two sends), else 1. */
  readonly chained: number;
  /** Index of the slot's category in `CATEGORIES`. */
  readonly categoryIndex: number;
}

/** Where an item was placed and how. */
interface Placement {
  readonly candidate: Candidate;
  readonly evaluation: Evaluation;
  readonly channelKey: ChannelKey;
  readonly level: Level;
  /** Minute of the item's first preferred candidate on this date, `null` when it had none. */
  readonly firstMinute: number | null;
}

/**
 * The checks of one item's candidates for one channel family, kept across relaxation levels (the
 * ledger does not change while one item is placed): `memo[m - windowStart]` is the evaluation of
 * the window's minute `m` (`null` refused) when `asked[m - windowStart]` is the item's number,
 * else not asked yet; `masks[level * 3 + half]` the `acceptMask` of a level and half (half 0:
 * the whole window, 1: the preferred half, 2: the other one; `null` on a day whose window is
 * not linear). The arrays are kept for the whole week and reused by every item.
 */
interface FamilyChecks {
  family: ChannelFamily | null;
  probe: Probe | null;
  check: (minuteOfDay: number) => Evaluation | null;
  readonly memo: Array<Evaluation | null>;
  readonly asked: Int32Array;
  readonly masks: Array<Uint8Array | null | undefined>;
}

/** What every placement reads. */
interface Env {
  readonly ctx: PhaseContext;
  readonly avoidHours: ReadonlySet<number>;
  readonly levels: ReadonlyArray<Level>;
  /** The levels of an item without a restricted style (those that do not keep the same-style rule). */
  readonly plainLevels: ReadonlyArray<Level>;
  /** The jitter table of the creator's jitter range (`jitterRangeFor`, -7..+8 by default). */
  readonly jitters: ReadonlyArray<ReadonlyArray<number>>;
  /** The creator's preferred half of the day (003 task 2.8), `null` without a preference. */
  readonly amPm: 'AM' | 'PM' | null;
  /** Relative performance per local hour (`BestTiming.hourlyPerformance`, 0-1). */
  readonly hourlyPerformance: Readonly<Record<string, number>>;
  /** The checks of the families of the item being placed (one per family), reused by every item. */
  readonly checks: FamilyChecks[];
  /** The channels of the week's slots outside campaigns (`channelOptionsIn`). */
  readonly options: OptionsMemo;
  /** The jitters of one base, written by `BaseStream.jittersOf`. */
  readonly order: number[];
  /** Number of the item being placed (the `asked` stamp of its checks). */
  item: number;
}

const NOT_ASKED = (_: number): Evaluation | null => null;

const familyChecks = (width: number): FamilyChecks => ({
  family: null,
  probe: null,
  check: NOT_ASKED,
  memo: new Array<Evaluation | null>(width).fill(null),
  asked: new Int32Array(width),
  masks: [],
});

/**
 * The preferred hours in the order of their hourly performance, best first (a stable sort: equal
 * performances keep their order, hours without a value come after those with one, in their
 * order). Unchanged when no hour has a value. Source: seed 001 §1.6 (`get_best_timing`, best
 * performing time slots), seed 003 task 2.8 ("historical engagement patterns by hour").
 */
const byPerformance = (
  hours: ReadonlyArray<number>,
  performance: Readonly<Record<string, number>>,
): ReadonlyArray<number> => {
  const performanceOf = (h: number): number | undefined =>
    Object.hasOwn(performance, String(h)) ? performance[String(h)] : undefined;
  if (!hours.some((h) => performanceOf(h) !== undefined)) return hours;
  return hours
    .map((h, i) => ({ h, i, v: performanceOf(h) ?? Number.NEGATIVE_INFINITY }))
    .sort((a, b) => b.v - a.v || a.i - b.i)
    .map((x) => x.h);
};

/**
 * Placement order inside a day: the long-gap types first (12 hours or more between two sends,
 * e.g. the daily 24-hour retention types), whose window is the narrowest, then seed 001 §5.1's
 * order: category (revenue, engagement, retention), priority, slot id. Placing the narrowest
 * items last let the evening PPVs fill their family's blocks and pushed them out of the week.
 */
const compareItems = (a: WorkItem, b: WorkItem): number =>
  a.chained - b.chained ||
  a.categoryIndex - b.categoryIndex ||
  a.slot.priority - b.slot.priority ||
  compareSlotIds(a.slot.slotId, b.slot.slotId);

/**
 * RULINGS "relaxation": every spacing step with avoid hours honoured, then the last step with
 * avoid hours ignored (only when an avoid hour falls inside the window).
 */
const relaxationLevels = (
  ctx: PhaseContext,
  avoidHours: ReadonlySet<number>,
): ReadonlyArray<Level> => {
  const t = ctx.policy.timing;
  const steps = t.spacingSteps.length > 0 ? t.spacingSteps : [0];
  // First try to keep follow-up parents as far apart as their follow-ups must be (the follow-up
  // type's own gap, 60 minutes), so phase 6 can place every follow-up; relaxed before spacing.
  const parentSpacing = FOLLOWUP_SEND_TYPE.minMinutesBetween;
  const levels = [
    { spacing: steps[0] as number, ignoreAvoidHours: false, parentSpacing },
    ...steps.map((spacing) => ({ spacing, ignoreAvoidHours: false, parentSpacing: 0 })),
  ];
  const lo = Math.floor(t.windowStartMinute / 60);
  const hi = Math.floor(t.windowEndMinute / 60);
  const avoidInWindow = [...avoidHours].some((h) => h >= lo && h <= hi);
  const all = avoidInWindow
    ? [
        ...levels,
        { spacing: steps[steps.length - 1] as number, ignoreAvoidHours: true, parentSpacing: 0 },
      ]
    : levels;
  // The same-style rule (a hard rule) is kept through every relaxation of spacing and avoid
  // hours, and only given up when no time keeps it; the repair after timing then tries again.
  return [
    ...all.map((l) => ({ ...l, sameStyle: true })),
    ...all.map((l) => ({ ...l, sameStyle: false })),
  ];
};

const SEP = '|';

/** The jitter tables of a frozen timing policy section (what `resolvePolicy` returns), by range. */
const jitterTables = new WeakMap<object, Map<string, ReadonlyArray<ReadonlyArray<number>>>>();

/**
 * `jitterTable` of the policy with the creator's jitter range (`jitterRangeFor`): remembered per
 * frozen timing section and range (the table depends on nothing else), else built each time.
 */
const creatorJitterTable = (
  policy: PhaseContext['policy'],
  range: { readonly jitterMin: number; readonly jitterMax: number },
): ReadonlyArray<ReadonlyArray<number>> => {
  const t = policy.timing;
  const build = () => jitterTable({ timing: { ...t, ...range } });
  if (!Object.isFrozen(t) || !Object.isFrozen(t.roundMinutes)) return build();
  let byRange = jitterTables.get(t);
  if (byRange === undefined) {
    byRange = new Map();
    jitterTables.set(t, byRange);
  }
  const key = range.jitterMin + SEP + range.jitterMax;
  let table = byRange.get(key);
  if (table === undefined) {
    table = build();
    byRange.set(key, table);
  }
  return table;
};

/** `channelOptions` of the slots outside campaigns, by send type, channel and target. */
type OptionsMemo = Map<string, ReadonlyArray<ChannelKey>>;

/** `channelOptions`, computed once per week for each send type, channel and target. */
const channelOptionsIn = (memo: OptionsMemo, slot: TargetedSlot): ReadonlyArray<ChannelKey> => {
  if (slot.campaignType !== null) return channelOptions(slot);
  const key = slot.sendTypeKey + SEP + slot.channelKey + SEP + slot.targetKey;
  let options = memo.get(key);
  if (options === undefined) {
    options = channelOptions(slot);
    memo.set(key, options);
  }
  return options;
};

const reachable = (slot: TargetedSlot, channel: ChannelKey): boolean =>
  channelReachesTarget(channel, slot.targetKey);

/**
 * The slot's channel, then the send type's other channel when it can reach the slot's target and
 * belongs to another family (a channel of the same family meets the same limits).
 */
const channelOptions = (slot: TargetedSlot): ReadonlyArray<ChannelKey> => {
  // A campaign keeps its own channel (RULINGS "Allocation": a wall campaign is on the wall).
  if (slot.campaignType !== null) return [slot.channelKey];
  const spec = SEND_TYPES[slot.sendTypeKey];
  const family = CHANNELS[slot.channelKey].family;
  const others = [spec.channel, spec.secondChannel].filter(
    (c): c is ChannelKey =>
      c !== null && c !== slot.channelKey && CHANNELS[c].family !== family && reachable(slot, c),
  );
  return [slot.channelKey, ...others.filter((c, i) => others.indexOf(c) === i)];
};

/** The preferred hours of an item and where its search starts (see `chainedPreference`). */
interface Preference {
  readonly hours: ReadonlyArray<number>;
  readonly shift: number;
  readonly startIndex: number;
}

/**
 * Preferred hours of an item of a long-gap type (12 hours or more, e.g. a daily 24-hour type):
 * when the type's latest send pushes the earliest allowed minute of this date past the first
 * preferred base, the search starts at that earliest minute instead of the next preferred hour.
 * Otherwise a daily type slips by up to an hour a day (24 hours means 24 real hours) and runs out
 * of window by the end of the week. Source: seed 001 §5.6; RULINGS "per-type gaps".
 */
const chainedPreference = (
  pref: { readonly hours: ReadonlyArray<number>; readonly shift: number },
  sameType: ReadonlyArray<number> | undefined,
  gap: number,
  clock: (minuteOfDay: number) => number,
  spreadIndex: number,
  chainedGap: number,
): Preference => {
  const latest = sameType && sameType.length > 0 ? sameType[sameType.length - 1] : undefined;
  const firstHour = pref.hours[spreadIndex % Math.max(1, pref.hours.length)];
  if (gap < chainedGap || latest === undefined || firstHour === undefined)
    return { hours: pref.hours, shift: pref.shift, startIndex: spreadIndex };
  const earliest = latest + gap - clock(0);
  if (earliest <= firstHour * 60 + pref.shift || earliest >= 24 * 60)
    return { hours: pref.hours, shift: pref.shift, startIndex: spreadIndex };
  return { hours: [Math.floor(earliest / 60)], shift: earliest % 60, startIndex: 0 };
};

const passes = (e: Evaluation, level: Level): boolean =>
  e.gap >= level.spacing &&
  e.parentGap >= level.parentSpacing &&
  (level.ignoreAvoidHours || !e.inAvoidHours);

/** The halves an item with a preferred half tries (preferred first), and the whole day. */
const PREFERRED_FIRST: ReadonlyArray<boolean> = [true, false];
const WHOLE_DAY: ReadonlyArray<null> = [null];

/**
 * Finds the first candidate, channel and level that satisfy the rules (001 §5.3 with the
 * RULINGS relaxation order), or `null`. Candidates and their checks are computed lazily and
 * reused across levels: the ledger does not change while one item is being placed.
 * `pref` holds the day's preferred hours of the slot's category (`preferredHours` in
 * `hourlyPerformance` order).
 */
const findPlacement = (
  env: Env,
  ledger: Ledger,
  slot: TargetedSlot,
  day: DailyVariation,
  hours: { readonly hours: ReadonlyArray<number>; readonly shift: number },
  clock: (minuteOfDay: number) => number,
  spreadIndex: number,
  splitStyles: ReadonlySet<PpvStyle>,
): Placement | null => {
  const { ctx } = env;
  const policy = ctx.policy;
  const spec = SEND_TYPES[slot.sendTypeKey];
  const minMinutesBetween = spec.minMinutesBetween;
  const pref = chainedPreference(
    hours,
    ledger.byType.get(slot.sendTypeKey),
    minMinutesBetween,
    clock,
    spreadIndex,
    policy.timing.chainedGapMinutes,
  );
  const style = slot.ppvStyle;
  const styled = style !== null && policy.rotation.noBackToBackStyles.includes(style);
  const levels = styled ? env.levels : env.plainLevels;
  const placedStyles = styled ? (ledger.stylesByDate.get(day.date) ?? []) : [];
  const pattern = ppvStyleRoleOf(slot.sendTypeKey) === 'pattern';
  // 003 task 2.8 AM/PM preference "for same-style spacing": on a day whose pattern PPVs of this
  // restricted style must split across AM and PM, the first of them placed (the highest
  // priority) tries the creator's preferred half first, at every level that keeps the rule.
  const preferred = env.amPm;
  const preferHalf =
    styled &&
    pattern &&
    preferred !== null &&
    style !== null &&
    splitStyles.has(style) &&
    !placedStyles.some(
      (p) =>
        p.pattern &&
        p.ppvStyle === style &&
        dayHalfOf(p.minuteOfDay, policy.rotation) === preferred,
    );
  const fits = (e: Evaluation, minuteOfDay: number): boolean =>
    style === null ||
    styleFits(
      placedStyles,
      { epochMinute: e.epochMinute, minuteOfDay, ppvStyle: style, pattern },
      policy.rotation,
    );
  const rng = rngFrom(ctx.seed, ctx.creator.creatorId, day.date, slot.slotId, 'jitter');
  const bases = baseStream(rng, pref.hours, pref.shift, pref.startIndex, policy, env.jitters);
  const order = env.order;
  const firstMinute =
    bases.preferred === 0 || !bases.has(0) || bases.jittersOf(0, order) === 0
      ? null
      : bases.hourOf(0) * 60 + bases.shiftOf(0) + (order[0] as number);
  const ws = policy.timing.windowStartMinute;
  const we = policy.timing.windowEndMinute;
  // The window's local minutes map linearly to epoch minutes on a day without a DST change in
  // it; only then are bases skipped by the masks (on other days every base is read).
  const windowStartEpoch = clock(ws);
  const linear = clock(we) - windowStartEpoch === we - ws;
  const options = channelOptionsIn(env.options, slot);
  const item = ++env.item;
  let families = 0;
  const entryOf = (family: ChannelFamily): FamilyChecks => {
    for (let f = 0; f < families; f++) {
      const known = env.checks[f] as FamilyChecks;
      if (known.family === family) return known;
    }
    if (families === env.checks.length) env.checks.push(familyChecks(we - ws + 1));
    const entry = env.checks[families++] as FamilyChecks;
    const probe: Probe = {
      date: day.date,
      family,
      sendTypeKey: slot.sendTypeKey,
      minMinutesBetween,
      isFollowupParent: spec.canHaveFollowup,
    };
    entry.family = family;
    entry.probe = probe;
    entry.check = prober(ledger, probe, clock, env.avoidHours, policy);
    entry.masks.length = 0;
    return entry;
  };
  const evaluationOf = (entry: FamilyChecks, m: number): Evaluation | null => {
    // outside the window `prober` refuses at once; inside, each minute is asked once
    if (m < ws || m > we) return null;
    const j = m - ws;
    if (entry.asked[j] === item) return entry.memo[j] as Evaluation | null;
    const evaluation = entry.check(m);
    entry.memo[j] = evaluation;
    entry.asked[j] = item;
    return evaluation;
  };
  const split = policy.rotation.amPmSplitHour * 60;
  const maskOf = (
    entry: FamilyChecks,
    li: number,
    level: Level,
    half: boolean | null,
  ): Uint8Array | null => {
    const key = li * 3 + (half === null ? 0 : half ? 1 : 2);
    let mask = entry.masks[key];
    if (mask === undefined) {
      // the minutes of the preferred half (half = true) or of the other one (false)
      const keep: readonly [number, number] | null =
        half === null ? null : (preferred === 'AM') === half ? [0, split - 1] : [split, 24 * 60];
      const sameStyle = level.sameStyle && style !== null ? { ppvStyle: style, pattern } : null;
      mask = linear
        ? acceptMask(
            ledger,
            entry.probe as Probe,
            windowStartEpoch,
            env.avoidHours,
            {
              spacing: level.spacing,
              parentSpacing: level.parentSpacing,
              ignoreAvoidHours: level.ignoreAvoidHours,
              sameStyle,
            },
            keep,
            policy,
          )
        : null;
      entry.masks[key] = mask;
    }
    return mask;
  };
  for (let li = 0; li < levels.length; li++) {
    const level = levels[li] as Level;
    for (const channelKey of options) {
      const entry = entryOf(CHANNELS[channelKey].family);
      // With a preferred half: its candidates first, then the others (each in stream order).
      for (const half of preferHalf && level.sameStyle ? PREFERRED_FIRST : WHOLE_DAY) {
        // Bases in order; the first is always read, a later one only when the level's mask
        // leaves one of its minutes possible. A minute a base shares with an earlier base was
        // refused there, so reading it again changes nothing.
        let mask: Uint8Array | null | undefined;
        for (let k = 0; bases.has(k); k++) {
          if (k > 0) {
            if (mask === undefined) {
              mask = maskOf(entry, li, level, half);
              // no possible minute left in the window: no later base can hold one
              if (mask !== null && mask.indexOf(1) < 0) break;
            }
            if (mask !== null) {
              const from = bases.spanStart(k);
              if (!Number.isNaN(from) && !maskHolds(mask, from, bases.spanEnd(k), policy)) continue;
            }
          }
          const base = bases.hourOf(k) * 60 + bases.shiftOf(k);
          const count = bases.jittersOf(k, order);
          for (let j = 0; j < count; j++) {
            const jitter = order[j] as number;
            const m = base + jitter;
            if (half !== null && (dayHalfOf(m, policy.rotation) === preferred) !== half) continue;
            const evaluation = evaluationOf(entry, m);
            if (
              evaluation !== null &&
              passes(evaluation, level) &&
              (!level.sameStyle || fits(evaluation, m))
            )
              return {
                candidate: {
                  minuteOfDay: m,
                  baseHour: bases.hourOf(k),
                  timeShift: bases.shiftOf(k),
                  jitter,
                  fallback: k >= bases.preferred,
                },
                evaluation,
                channelKey,
                level,
                firstMinute,
              };
          }
        }
      }
    }
  }
  return null;
};

const adjustmentReason = (p: Placement, moved: boolean, targetSpacing: number): string | null => {
  if (moved) return 'moved_next_day';
  if (p.candidate.minuteOfDay === p.firstMinute) return null;
  if (p.level.ignoreAvoidHours && p.evaluation.inAvoidHours) return 'avoid_hours_relaxed';
  if (p.evaluation.gap < targetSpacing) return 'spacing_relaxed';
  if (p.candidate.fallback) return 'no_preferred_slot_available';
  return 'preferred_slot_taken';
};

const toTimedSlot = (
  ctx: PhaseContext,
  item: WorkItem,
  day: DailyVariation,
  p: Placement,
  dailyStrategy: string,
  flavor: string,
  iso: (epochMinute: number) => string,
): TimedSlot => {
  const { slot } = item;
  const epochMinute = p.evaluation.epochMinute;
  const hours = SEND_TYPES[slot.sendTypeKey].expirationHours;
  const reason = adjustmentReason(p, item.moved, ctx.policy.timing.spacingSteps[0] ?? 0);
  // Object.assign rather than a spread followed by new keys: V8 (Node 20) builds the latter
  // tens of times slower.
  return Object.assign({}, slot, {
    channelKey: p.channelKey,
    strategyUsed: dailyStrategy,
    flavorEmphasis: flavor,
    movedFromDate: item.moved ? slot.date : null,
    scheduledDate: day.date,
    minuteOfDay: p.candidate.minuteOfDay,
    scheduledTime: clockTime(p.candidate.minuteOfDay),
    scheduledAt: iso(epochMinute),
    epochMinute,
    expiresAt: hours ? iso(epochMinute + hours * 60) : null,
    variationMetadata: {
      baseHour: p.candidate.baseHour,
      timeShift: p.candidate.timeShift,
      jitter: p.candidate.jitter,
      dailyStrategy,
      primeHoursUsed: day.primeHours,
      timeAdjusted: reason !== null,
      adjustmentReason: reason,
      fallbackUsed: p.candidate.fallback,
    },
    isFollowUp: false,
    parentItemId: null,
    followupDelayMinutes: null,
  });
};

/** Appends the issues of one placement to `out` (mutates `out`, which the caller owns). */
const placementIssuesInto = (
  out: Issue[],
  ctx: PhaseContext,
  item: WorkItem,
  p: Placement,
): void => {
  const { slot, index } = item;
  const path = `slots[${index}]`;
  const target = ctx.policy.timing.spacingSteps[0] ?? 0;
  if (p.channelKey !== slot.channelKey)
    out.push(
      issue(
        'second_channel_used',
        {
          slotId: slot.slotId,
          sendTypeKey: slot.sendTypeKey,
          from: slot.channelKey,
          to: p.channelKey,
        },
        path,
      ),
    );
  if (p.evaluation.gap < target)
    out.push(
      issue(
        'spacing_relaxed',
        {
          slotId: slot.slotId,
          spacingMinutes: p.level.spacing,
          targetSpacingMinutes: target,
          nearestSameFamilyMinutes: p.evaluation.gap,
        },
        path,
      ),
    );
  if (p.level.ignoreAvoidHours && p.evaluation.inAvoidHours)
    out.push(
      issue(
        'avoid_hours_relaxed',
        { slotId: slot.slotId, hour: Math.floor(p.candidate.minuteOfDay / 60) },
        path,
      ),
    );
  if (p.candidate.fallback)
    out.push(
      issue(
        'fallback_slot_used',
        { slotId: slot.slotId, minuteOfDay: p.candidate.minuteOfDay },
        path,
      ),
    );
};

/**
 * RULINGS "category balance is a hard rule": when the items that could not be placed leave the
 * week out of balance, the lowest-priority items of the over-represented category (latest in the
 * week first) are dropped too, each reported (`item_dropped`, reason `balance`). Mutates `issues`.
 */
const keepBalance = (
  placed: ReadonlyArray<TimedSlot>,
  items: ReadonlyArray<WorkItem>,
  policy: PhaseContext['policy'],
  issues: Issue[],
): ReadonlyArray<TimedSlot> => {
  // Only the relaxation's last step (no valid time) removes items of the plan here.
  if (!issues.some((i) => i.code === 'item_dropped' && i.details.reason === 'no_valid_time'))
    return placed;
  const kept = [...placed];
  const indexOf = new Map(items.map((w) => [w.slot.slotId, w] as const));
  for (
    let guard = 0;
    guard < placed.length && kept.length >= policy.allocation.minItemsForDayBalance;
    guard++
  ) {
    const victim = balanceVictim(categoryCounts(kept), policy);
    if (victim === undefined) break;
    let at = -1;
    kept.forEach((x, i) => {
      const best = kept[at];
      if (
        x.category === victim &&
        (best === undefined ||
          x.priority > best.priority ||
          (x.priority === best.priority && x.epochMinute > best.epochMinute))
      )
        at = i;
    });
    const [gone] = kept.splice(at, 1) as [TimedSlot];
    const work = indexOf.get(gone.slotId);
    if (work !== undefined) issues.push(droppedIssue(work, 'balance'));
  }
  return kept;
};

/**
 * The restricted styles (winner, bundle) of which a day's queue holds at least two pattern PPVs:
 * the AM/PM split of 003 task 2.2 puts one in each half of the day.
 */
const stylesToSplit = (
  queue: ReadonlyArray<WorkItem>,
  policy: PhaseContext['policy'],
): ReadonlySet<PpvStyle> => {
  const counts = new Map<PpvStyle, number>();
  for (const { slot } of queue)
    if (
      slot.ppvStyle !== null &&
      ppvStyleRoleOf(slot.sendTypeKey) === 'pattern' &&
      policy.rotation.noBackToBackStyles.includes(slot.ppvStyle)
    )
      counts.set(slot.ppvStyle, (counts.get(slot.ppvStyle) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= 2).map(([style]) => style));
};

const droppedIssue = (
  item: WorkItem,
  reason: 'no_valid_time' | 'date_outside_week' | 'balance',
): Issue =>
  issue(
    'item_dropped',
    {
      slotId: item.slot.slotId,
      sendTypeKey: item.slot.sendTypeKey,
      date: item.slot.date,
      category: item.slot.category,
      reason,
      removed: 1,
    },
    `slots[${item.index}]`,
  );

const movedIssue = (item: WorkItem, toDate: string): Issue =>
  issue(
    'item_moved_next_day',
    {
      slotId: item.slot.slotId,
      sendTypeKey: item.slot.sendTypeKey,
      fromDate: item.slot.date,
      toDate,
    },
    `slots[${item.index}]`,
  );

/**
 * Phase 5: gives every targeted slot a local date and time, its UTC instant and expiry.
 *
 * Days are processed in week order, items of a day by category (revenue, engagement,
 * retention), priority and slot id (001 §5.1). Each day gets rotated prime hours and morning /
 * evening shifts (001 §5.2). An item tries its category's preferred hours (the k-th item of a
 * category starting at hour index k), each base with a seeded jitter in -7..+8 that never lands
 * on :00/:15/:30/:45 (003 task 2.6), then every window base in 5-minute steps nearest first
 * (001 §5.3 fallback). A candidate must be inside the window (08:00-23:30 by default), unused
 * at its epoch minute, at least the spacing away from any send of its channel family, below
 * `maxPerBlock` (3) sends of its family in its 4-hour block of the local date,
 * `minMinutesBetween` real minutes away from any send of its type across days, on a clock time
 * used fewer than `maxClockTimeUsesPerWeek` (2) times this week, and outside avoid hours
 * (001 §5.4-§5.6, RULINGS "Timing"). When a send type has a second channel of another family that can reach the
 * slot's target, it is tried at the same level before relaxing.
 *
 * Relaxation order (RULINGS "relaxation"): spacing 45 -> 30 -> 20, then avoid hours, then the
 * next date of the week (after that date's own items), then the item is dropped.
 *
 * Creator data (003 task 2.8, `loaded.timingProfile` and `loaded.timing`):
 * - the preferred hours of every category are tried in the order of `hourlyPerformance`, best
 *   first (hours without a value after the others; the 001 §5.2 rotation and shifts unchanged);
 * - the jitter range is `jitterRangeFor(profile)`: -3..+4 for a `low` timing variation, else
 *   -7..+8 (RULINGS "jitter"), every offset still off the round minutes;
 * - with an AM/PM preference, on a day holding two pattern PPVs of a restricted style (winner,
 *   bundle), which the same-style rule splits across the halves of the day, the first of them
 *   placed tries the preferred half first at every level that keeps the rule.
 * Without a profile and without hourly performance the times are those of the defaults.
 *
 * Issues (phase `timing`, path `slots[i]` of `targeting.slots`):
 * - `spacing_relaxed` (warning): placed closer than the target spacing to a send of its family.
 * - `avoid_hours_relaxed` (warning): placed in an avoid hour.
 * - `item_moved_next_day` (warning): moved to the next date.
 * - `item_dropped` (warning): not placed; `details.slot` holds the whole slot.
 * - `channel_switched` (info): placed on the send type's other channel.
 * - `fallback_slot_used` (info): no preferred hour had room (001 §5.3 fallback).
 *
 * Output slots are sorted by `epochMinute` then slot id; expiry is `expirationHours` after the
 * send (001 §5.7); `dailyPrimeHours` is keyed by local date.
 *
 * @example
 * import { scheduleTimes } from 'eros-schedule';
 *
 * // `ctx` and `data` as in `trackVolume`'s example; `allocation` (phase 2) and `targeting` (phase 4)
 * const timing = scheduleTimes(ctx, data.loaded, allocation, targeting);
 * timing.slots[0]?.scheduledTime; // '09:53:00', local to the creator's zone
 * timing.slots[0]?.scheduledAt; // '2025-01-20T17:53:00.000Z'
 * timing.dailyPrimeHours['2025-01-20']; // [18, 19, 20, 21]
 *
 * @since 0.1.0
 * @category timing
 */
export const scheduleTimes = (
  ctx: PhaseContext,
  loaded: LoadedData,
  allocation: Allocation,
  targeting: Targeting,
): Timing => {
  const policy = ctx.policy;
  const avoidHours = new Set(loaded.timing.avoidHours);
  const profile = loaded.timingProfile ?? null;
  const levels = relaxationLevels(ctx, avoidHours);
  const env: Env = {
    ctx,
    avoidHours,
    levels,
    plainLevels: levels.filter((l) => !l.sameStyle),
    // 003 task 2.8: the creator's jitter range, inside RULINGS' -7..+8
    jitters: creatorJitterTable(policy, jitterRangeFor(profile, policy)),
    amPm: amPmPreference(profile, policy),
    hourlyPerformance: loaded.timing.hourlyPerformance,
    options: new Map(),
    checks: [],
    order: [],
    item: 0,
  };
  const weekPhase = weekPhaseOf(ctx.creator.creatorId, ctx.weekDates[0] ?? '1970-01-05');
  const days = ctx.weekDates.map((d, i) =>
    dailyVariation(d, i, loaded.timing.peakHours, policy, weekPhase),
  );
  const dayByDate = new Map(allocation.days.map((d) => [d.date, d] as const));
  const chainedGap = policy.timing.chainedGapMinutes;
  const items: ReadonlyArray<WorkItem> = targeting.slots.map((slot, index) => ({
    slot,
    index,
    moved: false,
    chained: SEND_TYPES[slot.sendTypeKey].minMinutesBetween >= chainedGap ? 0 : 1,
    categoryIndex: CATEGORIES.indexOf(slot.category),
  }));
  const byDate = new Map<string, WorkItem[]>();
  for (const it of items) {
    const list = byDate.get(it.slot.date);
    if (list === undefined) byDate.set(it.slot.date, [it]);
    else list.push(it);
  }
  const ledger = emptyLedger();
  const isoOf = epochMinuteIsoFormatter();
  const placed: TimedSlot[] = [];
  const issues: Issue[] = items
    .filter((it) => !ctx.weekDates.includes(it.slot.date))
    .map((it) => droppedIssue(it, 'date_outside_week'));
  let carry: ReadonlyArray<WorkItem> = [];
  days.forEach((day, i) => {
    const own = [...(byDate.get(day.date) ?? [])].sort(compareItems);
    const queue = [...own, ...carry];
    const nextDate = ctx.weekDates[i + 1];
    const clock = localClock(day.date, ctx.creator.timezone, policy);
    const spread = new Map<string, number>();
    const moving: WorkItem[] = [];
    const splitStyles = stylesToSplit(queue, policy);
    // the day's preferred hours of each category, in `hourlyPerformance` order
    const hoursOf = new Map<string, { readonly hours: ReadonlyArray<number>; shift: number }>();
    const preferenceOf = (
      category: TargetedSlot['category'],
    ): { readonly hours: ReadonlyArray<number>; readonly shift: number } => {
      let pref = hoursOf.get(category);
      if (pref === undefined) {
        const hours = preferredHours(category, day, policy);
        pref = { hours: byPerformance(hours.hours, env.hourlyPerformance), shift: hours.shift };
        hoursOf.set(category, pref);
      }
      return pref;
    };
    // RULINGS "moved items": an item carries the strategy of the day it is sent on.
    const allocated = dayByDate.get(day.date);
    const place = (item: WorkItem, k: number): void => {
      const p = findPlacement(
        env,
        ledger,
        item.slot,
        day,
        preferenceOf(item.slot.category),
        clock,
        k,
        splitStyles,
      );
      if (p !== null) {
        const timed = toTimedSlot(
          ctx,
          item,
          day,
          p,
          allocated?.strategy ?? item.slot.strategyUsed,
          allocated?.flavor ?? item.slot.flavorEmphasis,
          isoOf,
        );
        const family = CHANNELS[p.channelKey].family;
        recordPlacement(
          ledger,
          {
            date: day.date,
            minuteOfDay: timed.minuteOfDay,
            epochMinute: timed.epochMinute,
            family,
            sendTypeKey: timed.sendTypeKey,
            isFollowupParent: SEND_TYPES[timed.sendTypeKey].canHaveFollowup,
            ppvStyle: timed.ppvStyle,
          },
          policy,
        );
        placed.push(timed);
        placementIssuesInto(issues, ctx, item, p);
      } else if (!item.moved && nextDate !== undefined) {
        moving.push({ ...item, moved: true });
        issues.push(movedIssue(item, nextDate));
      } else issues.push(droppedIssue(item, 'no_valid_time'));
    };
    for (const item of queue) {
      const k = spread.get(item.slot.category) ?? 0;
      spread.set(item.slot.category, k + 1);
      place(item, k);
    }
    carry = moving;
  });
  const kept = keepBalance(placed, items, policy, issues);
  return {
    slots: [...kept].sort(
      (a, b) => a.epochMinute - b.epochMinute || compareSlotIds(a.slotId, b.slotId),
    ),
    dailyPrimeHours: Object.fromEntries(days.map((d) => [d.date, d.primeHours])),
    issues,
  };
};
