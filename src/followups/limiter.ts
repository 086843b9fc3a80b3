/**
 * The daily follow-up limit over plain records: at most `maxPerDay` (4) follow-ups count against
 * one local date; when more qualify, the highest priorities stay.
 *
 * Source: seed 000 gap 5.1, task 3.4 `enforce_daily_followup_limit`; RULINGS "Follow-ups" (cap).
 *
 * @module
 */
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import {
  calculateFollowupPriority,
  type FollowupPriorityInputs,
  type FollowupPriorityScores,
} from './priority';

/**
 * One follow-up (or follow-up parent) for `enforceDailyFollowupLimit`.
 *
 * - `id`: the caller's name for it, reported back.
 * - `date`: the local date `YYYY-MM-DD` it counts against (the parent's local date).
 * - `priority`: a precomputed priority (0-1, higher first); when it is a number the other
 *   fields are not read.
 * - otherwise the seed's inputs (`FollowupPriorityInputs`): `parentEstimatedRevenue` (USD),
 *   `parentEngagementRate` (0-1), and the hours since the parent: `hoursSinceParent`, or
 *   `parentEpochMinute` (UTC epoch minutes) with `referenceEpochMinute` (this record's, else
 *   `options.referenceEpochMinute`): `(reference - parent) / 60`. The reference is the
 *   caller's: the library reads no clock. With no hours and no minutes, the neutral recency.
 *
 * Other fields are kept and handed back untouched.
 *
 * Source: seed 000 task 3.4 (`id`, `parent_estimated_revenue`, `parent_sent_time`,
 * `parent_engagement_rate`); gap 5.1 (per day).
 *
 * @since 0.2.0
 * @category followups
 */
export interface FollowupLimitItem extends FollowupPriorityInputs {
  /** The caller's name for the record, reported back. */
  readonly id: string;
  /** The local date `YYYY-MM-DD` it counts against (the parent's local date). */
  readonly date: string;
  /** A precomputed priority (0-1, higher first); when it is a number the seed's inputs are not read. */
  readonly priority?: number;
  /** The parent's send instant, UTC epoch minutes; with a reference it gives the hours since the parent. */
  readonly parentEpochMinute?: number;
  /** This record's reference time, UTC epoch minutes (else `options.referenceEpochMinute`). */
  readonly referenceEpochMinute?: number;
}

/**
 * Options of `enforceDailyFollowupLimit`.
 *
 * - `maxPerDay`: follow-ups kept per date; default `policy.followups.maxPerDay` (4). Rounded
 *   down; below 0 or NaN keeps none; `Infinity` keeps all.
 * - `policy`: weights and normalisers of the priority; default `DEFAULT_POLICY`.
 * - `referenceEpochMinute`: the reference time (UTC epoch minutes) of records that give
 *   `parentEpochMinute` without their own.
 *
 * Source: seed 000 task 3.4 (`max_followups = MAX_FOLLOWUPS_PER_DAY`, `reference_time`).
 *
 * @since 0.2.0
 * @category followups
 */
export interface DailyFollowupLimitOptions {
  /**
   * Follow-ups kept per date (default `policy.followups.maxPerDay`, 4; 000 task 3.4
   * `MAX_FOLLOWUPS_PER_DAY`). Rounded down; below 0 or NaN keeps none; `Infinity` keeps all.
   */
  readonly maxPerDay?: number;
  /** Weights and normalisers of the priority (default `DEFAULT_POLICY`). */
  readonly policy?: SchedulePolicy;
  /** The reference time, UTC epoch minutes, of records that give `parentEpochMinute` without their own. */
  readonly referenceEpochMinute?: number;
}

/**
 * A follow-up the limit removed, and why.
 *
 * - `reason`: always `daily_followup_limit` (more than `maxPerDay` on `date`).
 * - `priority`: the priority it was ranked by (0-1); `scores`: its parts, `null` when the
 *   priority was precomputed.
 * - `rank`: its place among the date's follow-ups, 1 = highest priority (always > `maxPerDay`).
 * - `parentEstimatedRevenue`: as given (USD), `null` when not given (the seed's
 *   `removed_items[].parent_revenue`).
 *
 * Source: seed 000 task 3.4 `removed_items`.
 *
 * @since 0.2.0
 * @category followups
 */
export interface RemovedFollowup<A> {
  /** The removed record, untouched. */
  readonly item: A;
  /** The record's `id`. */
  readonly id: string;
  /** The local date `YYYY-MM-DD` it counted against. */
  readonly date: string;
  /** Always `daily_followup_limit`: more than `maxPerDay` on `date`. */
  readonly reason: 'daily_followup_limit';
  /** The priority it was ranked by (0-1; NaN ranks last). */
  readonly priority: number;
  /** The priority's parts, `null` when the priority was precomputed. */
  readonly scores: FollowupPriorityScores | null;
  /** Its place among the date's follow-ups, 1 = highest priority (always > `maxPerDay`). */
  readonly rank: number;
  /** The limit applied (after rounding). */
  readonly maxPerDay: number;
  /** The parent's estimated revenue as given, USD; `null` when not given (000 task 3.4 `parent_revenue`). */
  readonly parentEstimatedRevenue: number | null;
}

/**
 * Follow-ups of one date: how many were given, kept and removed.
 *
 * Source: seed 000 task 3.4 `followup_count`, `removed_count`.
 *
 * @since 0.2.0
 * @category followups
 */
export interface FollowupDayCount {
  /** The local date `YYYY-MM-DD`. */
  readonly date: string;
  /** Records given for the date. */
  readonly candidates: number;
  /** Records kept, `min(candidates, maxPerDay)` (000 task 3.4 `followup_count`). */
  readonly kept: number;
  /** Records removed, `candidates - kept` (000 task 3.4 `removed_count`). */
  readonly removed: number;
}

/**
 * Result of `enforceDailyFollowupLimit`.
 *
 * - `kept`: the records kept, in input order.
 * - `removed`: the records removed, by date (ascending), then by rank.
 * - `days`: the counts per date, dates ascending.
 * - `maxPerDay`: the limit applied (after rounding).
 * - `modified`: whether anything was removed.
 *
 * Every input record is in `kept` or in `removed`, once.
 *
 * Source: seed 000 task 3.4 (`modified`, `followup_count`, `removed_items`).
 *
 * @since 0.2.0
 * @category followups
 */
export interface DailyFollowupLimitResult<A> {
  /** The records kept, in input order. */
  readonly kept: ReadonlyArray<A>;
  /** The records removed, by date (ascending), then by rank. */
  readonly removed: ReadonlyArray<RemovedFollowup<A>>;
  /** The counts per date, dates ascending. */
  readonly days: ReadonlyArray<FollowupDayCount>;
  /** The limit applied (after rounding). */
  readonly maxPerDay: number;
  /** Whether anything was removed (000 task 3.4 `modified`). */
  readonly modified: boolean;
}

interface Ranked<A> {
  readonly item: A;
  readonly index: number;
  readonly priority: number;
  /** The priority as a sort key: not a number ranks last. */
  readonly key: number;
  readonly scores: FollowupPriorityScores | null;
}

const isNumber = (x: unknown): x is number => typeof x === 'number';

const hoursOf = (item: FollowupLimitItem, options: DailyFollowupLimitOptions): number | null => {
  if (isNumber(item.hoursSinceParent)) return item.hoursSinceParent;
  const reference = item.referenceEpochMinute ?? options.referenceEpochMinute;
  return isNumber(item.parentEpochMinute) && isNumber(reference)
    ? (reference - item.parentEpochMinute) / 60
    : null;
};

const score = <A extends FollowupLimitItem>(
  item: A,
  index: number,
  options: DailyFollowupLimitOptions,
  policy: SchedulePolicy,
): Ranked<A> => {
  if (isNumber(item.priority))
    return {
      item,
      index,
      priority: item.priority,
      key: Number.isNaN(item.priority) ? Number.NEGATIVE_INFINITY : item.priority,
      scores: null,
    };
  const scores = calculateFollowupPriority(
    {
      parentEstimatedRevenue: item.parentEstimatedRevenue,
      hoursSinceParent: hoursOf(item, options),
      parentEngagementRate: item.parentEngagementRate,
    },
    policy,
  );
  return { item, index, priority: scores.priority, key: scores.priority, scores };
};

/** Higher priority first; equal priorities keep the input order. */
const byPriority = <A>(a: Ranked<A>, b: Ranked<A>): number =>
  a.key > b.key ? -1 : a.key < b.key ? 1 : a.index - b.index;

const limitOf = (maxPerDay: number): number =>
  Number.isNaN(maxPerDay) ? 0 : Math.max(0, Math.floor(maxPerDay));

/**
 * Keeps at most `maxPerDay` (4) follow-ups per local date: each date's records are ranked by
 * priority (highest first; equal priorities keep the input order, so a caller who wants another
 * tie rule sorts the input first) and those ranked after `maxPerDay` are removed, each with its
 * reason, priority and rank. The priority is the record's precomputed `priority`, else
 * `calculateFollowupPriority` of its inputs (0.50 revenue / $1000, 0.30 recency over 24 hours,
 * 0.20 engagement / 20 %). A record whose priority is NaN ranks last.
 *
 * Pure: it reads no clock (the reference time of the recency is the caller's) and never fails;
 * the input is not changed. `generateFollowups` applies it to the week's parents.
 *
 * Source: seed 000 gap 5.1, task 3.4 `enforce_daily_followup_limit`; RULINGS "Follow-ups" (cap).
 *
 * Errors: none; every outcome is in the result.
 *
 * @example
 * const day = [900, 100, 700, 500, 600].map((usd, i) => ({
 *   id: `f${i}`, date: '2025-01-20', parentEstimatedRevenue: usd, hoursSinceParent: 2, parentEngagementRate: 0.1,
 * }));
 * enforceDailyFollowupLimit(day).removed.map((r) => [r.id, r.rank]) // [['f1', 5]]
 *
 * @since 0.2.0
 * @category followups
 */
export const enforceDailyFollowupLimit = <A extends FollowupLimitItem>(
  followups: ReadonlyArray<A>,
  options: DailyFollowupLimitOptions = {},
): DailyFollowupLimitResult<A> => {
  const policy = options.policy ?? DEFAULT_POLICY;
  const maxPerDay = limitOf(options.maxPerDay ?? policy.followups.maxPerDay);
  const byDate = new Map<string, Ranked<A>[]>();
  followups.forEach((item, index) => {
    const ranked = score(item, index, options, policy);
    const day = byDate.get(item.date);
    if (day === undefined) byDate.set(item.date, [ranked]);
    else day.push(ranked);
  });
  const dates = [...byDate.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const keptIndex = new Set<number>();
  const removed: RemovedFollowup<A>[] = [];
  const days: FollowupDayCount[] = [];
  for (const date of dates) {
    const ranked = [...(byDate.get(date) ?? [])].sort(byPriority);
    ranked.forEach((r, i) => {
      if (i < maxPerDay) keptIndex.add(r.index);
      else
        removed.push({
          item: r.item,
          id: r.item.id,
          date,
          reason: 'daily_followup_limit',
          priority: r.priority,
          scores: r.scores,
          rank: i + 1,
          maxPerDay,
          parentEstimatedRevenue: isNumber(r.item.parentEstimatedRevenue)
            ? r.item.parentEstimatedRevenue
            : null,
        });
    });
    const kept = Math.min(ranked.length, maxPerDay);
    days.push({ date, candidates: ranked.length, kept, removed: ranked.length - kept });
  }
  return {
    kept: followups.filter((_, i) => keptIndex.has(i)),
    removed,
    days,
    maxPerDay,
    modified: removed.length > 0,
  };
};
