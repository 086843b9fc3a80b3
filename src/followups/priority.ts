/**
 * Priority of a follow-up parent when a day has more parents than follow-ups allowed.
 *
 * Source: seed 000 gap 5.1 and task 3.4; RULINGS "Follow-ups" (cap).
 *
 * @module
 */
import { mean } from 'simple-statistics';
import type { SendTypeKey } from '../domain/catalog';
import { DEFAULT_POLICY, defaultPriceOf, type SchedulePolicy } from '../domain/policy';
import type { TimedSlot } from '../domain/stages';
import { localToEpochMinute } from '../domain/time';
import type { MassMessage } from '../domain/types';
import { historyIndexOf } from '../volume/historyIndex';

/**
 * The three 0-1 components of a follow-up's priority and their weighted sum.
 *
 * - `revenueScore`: the parent's estimated revenue over `revenueNormalizerUsd` ($1000), 0-1.
 * - `recencyScore`: `1 - hours since the parent / recencyHorizonHours` (24), 0-1.
 * - `engagementScore`: the parent's engagement rate over `engagementNormalizerRate` (20 %), 0-1.
 * - `priority`: `w.revenue x revenueScore + w.recency x recencyScore + w.engagement x
 *   engagementScore` with the policy's weights (0.50 / 0.30 / 0.20), 0-1.
 *
 * Source: seed 000 task 3.4 `_calculate_followup_priority`.
 *
 * @since 0.2.0
 * @category followups
 */
export interface FollowupPriorityScores {
  /** The parent's estimated revenue over `revenueNormalizerUsd` ($1000), clamped to 0-1. */
  readonly revenueScore: number;
  /** `1 - hours since the parent / recencyHorizonHours` (24), clamped to 0-1; 0.5 without hours. */
  readonly recencyScore: number;
  /** The parent's engagement rate over `engagementNormalizerRate` (20 %), clamped to 0-1; 0.5 without a rate. */
  readonly engagementScore: number;
  /** The weighted sum with `policy.followups.priorityWeights` (0.50 / 0.30 / 0.20), 0-1. */
  readonly priority: number;
}

/**
 * What the seed's priority formula reads of a follow-up, as plain numbers. Every field is
 * optional, as in the seed:
 *
 * - `parentEstimatedRevenue`: USD; missing scores 0 (the seed's `.get(..., 0)`).
 * - `hoursSinceParent`: hours from the parent's send to the caller's reference time (never the
 *   wall clock: the caller chooses the reference); missing or `null` scores
 *   `policy.followups.neutralRecencyScore` (0.5, the seed's "no timestamp" default).
 * - `parentEngagementRate`: purchases / views of the parent, 0-1 (0.20 = 20 %); missing or
 *   `null` scores `policy.followups.neutralEngagementScore` (0.5; docs/rulings.md "Follow-ups").
 *
 * Source: seed 000 task 3.4 (`parent_estimated_revenue`, `parent_sent_time` against
 * `reference_time`, `parent_engagement_rate`).
 *
 * @since 0.2.0
 * @category followups
 */
export interface FollowupPriorityInputs {
  /** The parent's estimated revenue, USD; missing scores 0. Source: 000 task 3.4 `parent_estimated_revenue`. */
  readonly parentEstimatedRevenue?: number;
  /**
   * Hours from the parent's send to the caller's reference time (never the wall clock); missing
   * or `null` scores `policy.followups.neutralRecencyScore` (0.5).
   */
  readonly hoursSinceParent?: number | null;
  /**
   * Purchases / views of the parent, 0-1 (0.20 = 20 %); missing or `null` scores
   * `policy.followups.neutralEngagementScore` (0.5).
   */
  readonly parentEngagementRate?: number | null;
}

/**
 * The seed's multi-factor follow-up priority over plain numbers, 0-1.
 *
 * - revenue: `min(1, max(0, parentEstimatedRevenue / revenueNormalizerUsd))` ($1000).
 * - recency: `min(1, max(0, 1 - hoursSinceParent / recencyHorizonHours))` (24 hours; a parent
 *   after the reference time scores 1).
 * - engagement: `min(1, max(0, parentEngagementRate / engagementNormalizerRate))` (20 %).
 * - `priority = 0.50 x revenue + 0.30 x recency + 0.20 x engagement` (`priorityWeights`).
 *
 * A number that is not finite (NaN, Infinity) scores 0 for its component; missing inputs take
 * the defaults of `FollowupPriorityInputs`. Never fails (errors: none). `followupPriority`
 * (the pipeline's parent priority) is built on it.
 *
 * Source: seed 000 task 3.4 `_calculate_followup_priority`, `FOLLOWUP_WEIGHTS`; gap 5.1.
 *
 * @example
 * calculateFollowupPriority({ parentEstimatedRevenue: 500, hoursSinceParent: 12, parentEngagementRate: 0.1 })
 * // { revenueScore: 0.5, recencyScore: 0.5, engagementScore: 0.5, priority: 0.5 }
 *
 * @since 0.2.0
 * @category followups
 */
export const calculateFollowupPriority = (
  inputs: FollowupPriorityInputs,
  policy: SchedulePolicy = DEFAULT_POLICY,
): FollowupPriorityScores => {
  const f = policy.followups;
  const revenueScore = clamp01((inputs.parentEstimatedRevenue ?? 0) / f.revenueNormalizerUsd);
  const hours = inputs.hoursSinceParent;
  const recencyScore =
    hours === undefined || hours === null
      ? f.neutralRecencyScore
      : clamp01(1 - hours / f.recencyHorizonHours);
  const rate = inputs.parentEngagementRate;
  const engagementScore =
    rate === undefined || rate === null
      ? f.neutralEngagementScore
      : clamp01(rate / f.engagementNormalizerRate);
  const w = f.priorityWeights;
  const priority =
    w.revenue * revenueScore + w.recency * recencyScore + w.engagement * engagementScore;
  return { revenueScore, recencyScore, engagementScore, priority };
};

/**
 * The priority of a pipeline parent: its estimated revenue, where the estimate came from, and
 * the scores of `calculateFollowupPriority`.
 *
 * Source: seed 000 task 3.4.
 *
 * @since 0.1.0
 * @category followups
 */
export interface FollowupPriority extends FollowupPriorityScores {
  /** Estimated revenue of the parent in USD. */
  readonly estimatedRevenueUsd: number;
  /** Whether the estimate came from history (`false`: default price x 10). */
  readonly revenueFromHistory: boolean;
}

/**
 * Scores one parent slot with `calculateFollowupPriority`, its inputs read from the week:
 *
 * - revenue: mean earnings (USD) per past send of the parent's send type in `history`; with no
 *   history of that type, `policy.pricing.defaultPrices[type] x policy.followups.defaultPriceBuyers` (10 buyers at the default
 *   price; 0 when the type has no default price).
 * - hours since the parent: from the parent to the end of its local day (`latestMinuteOfDay`,
 *   23:59) on the schedule's own clock, never the wall clock.
 * - engagement rate: purchased / viewed over the type's history; none (neutral 0.5) without
 *   history or views.
 *
 * Source: seed 000 task 3.4 (weights 0.50 / 0.30 / 0.20, $1000 and 20 % normalisers).
 *
 * @since 0.1.0
 * @category followups
 */
export const followupPriority = (
  parent: TimedSlot,
  history: ReadonlyArray<MassMessage>,
  timeZone: string,
  policy: SchedulePolicy,
): FollowupPriority =>
  priorityFrom(parent, sendTypeHistory(history, parent.sendTypeKey), timeZone, policy);

/** What `followupPriority` reads of a send type's history: whether there is any, mean earnings, views, purchases. */
export interface SendTypeHistory {
  /** Whether the history has a message of the send type. */
  readonly any: boolean;
  /** Mean earnings per message of the type (`simple-statistics` `mean`); `0` without any. */
  readonly meanEarnings: number;
  /** Views summed over the type's messages, in history order. */
  readonly viewed: number;
  /** Purchases summed over the type's messages, in history order. */
  readonly purchased: number;
}

/**
 * The history figures of one send type (issue 11: read once per send type for a week's parents,
 * and for a remembered history of frozen messages once per history: every type's figures in
 * one pass, the same sums in the same order).
 */
export const sendTypeHistory = (
  history: ReadonlyArray<MassMessage>,
  key: SendTypeKey,
): SendTypeHistory => {
  const index = historyIndexOf(history, true);
  if (!index.remembered) return figuresOf(history.filter((m) => m.sendTypeKey === key));
  const byType = index.memo('sendTypeHistory', () => {
    const own = new Map<string, MassMessage[]>();
    for (const m of index.history) {
      const list = own.get(m.sendTypeKey);
      if (list === undefined) own.set(m.sendTypeKey, [m]);
      else list.push(m);
    }
    return Object.freeze(
      new Map([...own].map(([k, messages]) => [k, Object.freeze(figuresOf(messages))])),
    );
  });
  return byType.get(key) ?? NO_HISTORY;
};

/** The figures of a send type without messages (what `figuresOf([])` gives). */
const NO_HISTORY: SendTypeHistory = Object.freeze({
  any: false,
  meanEarnings: 0,
  viewed: 0,
  purchased: 0,
});

/** The figures of one send type's messages, in history order. */
const figuresOf = (own: ReadonlyArray<MassMessage>): SendTypeHistory => {
  return {
    any: own.length > 0,
    meanEarnings: own.length > 0 ? mean(own.map((m) => m.earnings)) : 0,
    viewed: own.reduce((s, m) => s + m.viewed, 0),
    purchased: own.reduce((s, m) => s + m.purchased, 0),
  };
};

/** `followupPriority` of a parent from its send type's history figures (`sendTypeHistory`). */
export const priorityFrom = (
  parent: TimedSlot,
  own: SendTypeHistory,
  timeZone: string,
  policy: SchedulePolicy,
): FollowupPriority => {
  const revenueFromHistory = own.any;
  const estimatedRevenueUsd = revenueFromHistory
    ? own.meanEarnings
    : defaultRevenue(parent.sendTypeKey, policy);
  const endOfDay = localToEpochMinute(
    parent.scheduledDate,
    policy.followups.latestMinuteOfDay,
    timeZone,
  );
  const { viewed, purchased } = own;
  const scores = calculateFollowupPriority(
    {
      parentEstimatedRevenue: estimatedRevenueUsd,
      hoursSinceParent: (endOfDay - parent.epochMinute) / 60,
      parentEngagementRate: viewed > 0 ? purchased / viewed : null,
    },
    policy,
  );
  return {
    estimatedRevenueUsd,
    revenueFromHistory,
    revenueScore: scores.revenueScore,
    recencyScore: scores.recencyScore,
    engagementScore: scores.engagementScore,
    priority: scores.priority,
  };
};

const defaultRevenue = (key: SendTypeKey, policy: SchedulePolicy): number =>
  (defaultPriceOf(key, policy) ?? 0) * policy.followups.defaultPriceBuyers;

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
