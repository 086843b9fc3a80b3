/**
 * Priority of a follow-up parent when a day has more parents than follow-ups allowed.
 *
 * Source: seed 000 gap 5.1 and task 3.4; RULINGS "Follow-ups" (cap).
 *
 * @module
 */
import { mean } from 'simple-statistics';
import type { SendTypeKey } from '../domain/catalog';
import { defaultPriceOf, type SchedulePolicy } from '../domain/policy';
import type { TimedSlot } from '../domain/stages';
import { localToEpochMinute } from '../domain/time';
import type { MassMessage } from '../domain/types';

/**
 * The three 0-1 components of a parent's priority and their weighted sum (0-1).
 *
 * @since 0.1.0
 * @category followups
 */
export interface FollowupPriority {
  /** Estimated revenue of the parent in USD. */
  readonly estimatedRevenueUsd: number;
  /** Whether the estimate came from history (`false`: default price x 10). */
  readonly revenueFromHistory: boolean;
  readonly revenueScore: number;
  readonly recencyScore: number;
  readonly engagementScore: number;
  readonly priority: number;
}

/**
 * Scores one parent slot.
 *
 * - revenue: mean earnings (USD) per past send of the parent's send type in `history`; with no
 *   history of that type, `policy.pricing.defaultPrices[type] x policy.followups.defaultPriceBuyers` (10 buyers at the default
 *   price; 0 when the type has no default price), divided by `revenueNormalizerUsd`, capped at 1.
 * - recency: `max(0, 1 - h / 24)`, `h` the hours from the parent to the end of its local day
 *   (`latestMinuteOfDay`, 23:59) on the schedule's own clock, never the wall clock.
 * - engagement: purchased / viewed over the type's history, divided by
 *   `engagementNormalizerRate`, capped at 1; 0.5 without history or views.
 *
 * `priority = w.revenue x revenue + w.recency x recency + w.engagement x engagement`.
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
): FollowupPriority => {
  const f = policy.followups;
  const own = history.filter((m) => m.sendTypeKey === parent.sendTypeKey);
  const revenueFromHistory = own.length > 0;
  const estimatedRevenueUsd = revenueFromHistory
    ? mean(own.map((m) => m.earnings))
    : defaultRevenue(parent.sendTypeKey, policy);
  const revenueScore = clamp01(estimatedRevenueUsd / f.revenueNormalizerUsd);
  const endOfDay = localToEpochMinute(parent.scheduledDate, f.latestMinuteOfDay, timeZone);
  const hours = (endOfDay - parent.epochMinute) / 60;
  const recencyScore = clamp01(1 - hours / f.recencyHorizonHours);
  const viewed = own.reduce((s, m) => s + m.viewed, 0);
  const purchased = own.reduce((s, m) => s + m.purchased, 0);
  const engagementScore =
    viewed > 0
      ? clamp01(purchased / viewed / f.engagementNormalizerRate)
      : f.neutralEngagementScore;
  const w = f.priorityWeights;
  const priority =
    w.revenue * revenueScore + w.recency * recencyScore + w.engagement * engagementScore;
  return {
    estimatedRevenueUsd,
    revenueFromHistory,
    revenueScore,
    recencyScore,
    engagementScore,
    priority,
  };
};

const defaultRevenue = (key: SendTypeKey, policy: SchedulePolicy): number =>
  (defaultPriceOf(key, policy) ?? 0) * policy.followups.defaultPriceBuyers;

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
