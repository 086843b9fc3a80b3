/**
 * Saturation and opportunity scores computed from mass-message history when no tracked scores
 * exist. Source: seed 002 "Data Sources Priority" 2 (`calculated_on_demand`); RULINGS
 * "scores from message history".
 *
 * @module
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import { addDaysIso, localToEpochMinute } from '../domain/time';
import type { MassMessage } from '../domain/types';
import { type HistoryIndex, historyIndexOf, instantsOf, policyKey } from './historyIndex';

/**
 * Scores derived from history.
 *
 * @since 0.1.0
 * @category volume
 */
export interface HistoryScores {
  /** 0-100: higher = audience over-exposed. */
  readonly saturationScore: number;
  /** 0-100: higher = more revenue potential. */
  readonly opportunityScore: number;
  /** Revenue change of the second half of the window against the first, percent; `null` when the first half earned nothing. */
  readonly revenueTrendPercent: number | null;
  /** Messages in the window. */
  readonly messageCount: number;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const ratioChange = (before: number, after: number): number =>
  before > 0 ? clamp((after - before) / before, -1, 1) : after > 0 ? 1 : 0;

interface HalfStats {
  readonly sent: number;
  readonly viewed: number;
  readonly purchased: number;
  readonly earnings: number;
  readonly messages: number;
}

/**
 * The 14-day saturation and opportunity scores from history, measured at `asOf` (a local date;
 * the window is the `scoreWindowDays` days before it, in UTC days).
 *
 * Formula: the window is split into two halves. With `r` the change in revenue per send,
 * `v` the change in view rate, `p` the change in purchase rate (each a relative change clamped to
 * -1..1) and `cv` the coefficient of variation of daily earnings (clamped to 0..2), with the
 * coefficients of `policy.volume.onDemandScores`:
 * - saturation = 50 - 30 r - 10 v - 10 p + 10 (cv - 0.5)
 * - opportunity = 50 + 30 r + 10 v + 10 p - 5 (cv - 0.5)
 * Falling returns raise saturation; rising ones raise opportunity; volatile earnings raise
 * saturation. Small samples are noisy, so both scores and the revenue trend are shrunk toward
 * neutral by the confidence of the window's message count `n / (n + confidenceHalfMessages)`:
 * `50 + c (raw - 50)` and `c x trend`. Scores are clamped to 0..100, all rounded to one decimal.
 *
 * Returns `null` when either half has no message (not enough data: the caller then uses the
 * neutral default values).
 *
 * Source: seed 002 `calculate_scores_from_db` (described, not shown); RULINGS "scores from message history".
 *
 * @since 0.1.0
 * @category volume
 */
export const calculateScoresFromHistory = (
  history: ReadonlyArray<MassMessage>,
  asOf: string,
  policy: SchedulePolicy = DEFAULT_POLICY,
): HistoryScores | null => {
  const scores = scoresOf(historyIndexOf(history), asOf, policy);
  return scores === null ? null : { ...scores };
};

/**
 * `calculateScoresFromHistory` over a history index, memoised per date and the policy fields
 * it reads (frozen: copy before handing it out).
 *
 * @internal
 */
export const scoresOf = (
  index: HistoryIndex,
  asOf: string,
  policy: SchedulePolicy,
): HistoryScores | null => {
  const v = policy.volume;
  return index.memo(
    `scores\u0000${asOf}\u0000${v.scoreWindowDays}\u0000${v.confidenceHalfMessages}\u0000${v.neutralScore}\u0000${policyKey(v.onDemandScores)}`,
    () => {
      const s = computeScores(index, asOf, policy);
      return s === null ? null : Object.freeze(s);
    },
  );
};

/**
 * Earnings per UTC day of the window, day 0 first, over the messages `inWindow` (indexes into
 * `history` and `minutes`): when `days` is a whole number and every such message falls on one
 * of the `days` days (always, for a window of whole UTC days), the sums go to an array; else a
 * map by day keeps them, the pre-set days first, then any other day in order of first use.
 */
const dailyEarnings = (
  inWindow: ReadonlyArray<number>,
  minutes: Float64Array,
  history: ReadonlyArray<MassMessage>,
  start: number,
  days: number,
): number[] => {
  if (Number.isInteger(days) && days >= 0) {
    const values = new Array<number>(days).fill(0);
    let inRange = true;
    for (const i of inWindow) {
      const d = Math.floor(((minutes[i] as number) - start) / 1440);
      if (!(d >= 0 && d < days)) {
        inRange = false;
        break;
      }
      values[d] = (values[d] as number) + (history[i] as MassMessage).earnings;
    }
    if (inRange) return values;
  }
  const daily = new Map<number, number>();
  for (let d = 0; d < days; d++) daily.set(d, 0);
  for (const i of inWindow) {
    const d = Math.floor(((minutes[i] as number) - start) / 1440);
    daily.set(d, (daily.get(d) ?? 0) + (history[i] as MassMessage).earnings);
  }
  return [...daily.values()];
};

/** The scores of `calculateScoresFromHistory`, read from the index's parsed instants. */
const computeScores = (
  index: HistoryIndex,
  asOf: string,
  policy: SchedulePolicy,
): HistoryScores | null => {
  const days = policy.volume.scoreWindowDays;
  const end = localToEpochMinute(asOf, 0, 'UTC');
  const start = localToEpochMinute(addDaysIso(asOf, -days), 0, 'UTC');
  const mid = localToEpochMinute(addDaysIso(asOf, -Math.floor(days / 2)), 0, 'UTC');
  const { history } = index;
  const minutes = instantsOf(index);
  // the window's messages (history order) with their instants
  const inWindow: number[] = [];
  for (let i = 0; i < minutes.length; i++) {
    const t = minutes[i] as number;
    if (t >= start && t < end) inWindow.push(i);
  }
  const half = (second: boolean): HalfStats => {
    let sent = 0;
    let viewed = 0;
    let purchased = 0;
    let earnings = 0;
    let messages = 0;
    for (const i of inWindow) {
      if ((minutes[i] as number) >= mid !== second) continue;
      const m = history[i] as MassMessage;
      sent += m.sent;
      viewed += m.viewed;
      purchased += m.purchased;
      earnings += m.earnings;
      messages++;
    }
    return { sent, viewed, purchased, earnings, messages };
  };
  const first = half(false);
  const second = half(true);
  if (first.messages === 0 || second.messages === 0) return null;
  const rps = (h: HalfStats) => (h.sent > 0 ? h.earnings / h.messages : 0);
  const viewRate = (h: HalfStats) => (h.sent > 0 ? h.viewed / h.sent : 0);
  const buyRate = (h: HalfStats) => (h.viewed > 0 ? h.purchased / h.viewed : 0);
  const r = ratioChange(rps(first), rps(second));
  const v = ratioChange(viewRate(first), viewRate(second));
  const p = ratioChange(buyRate(first), buyRate(second));
  const values = dailyEarnings(inWindow, minutes, history, start, days);
  const mu = mean(values);
  const o = policy.volume.onDemandScores;
  const cv =
    mu > 0 && values.length > 1
      ? clamp(sampleStandardDeviation(values) / mu, 0, o.volatilityMax)
      : 0;
  const vol = cv - o.volatilityCenter;
  const score = (k: typeof o.saturation) =>
    neutral + k.revenuePerSend * r + k.viewRate * v + k.purchaseRate * p + k.volatility * vol;
  const round1 = (x: number) => Math.round(x * 10) / 10;
  const n = first.messages + second.messages;
  const c = n / (n + policy.volume.confidenceHalfMessages);
  const neutral = policy.volume.neutralScore;
  const shrink = (raw: number) => round1(neutral + c * (clamp(raw, 0, 100) - neutral));
  return {
    saturationScore: shrink(score(o.saturation)),
    opportunityScore: shrink(score(o.opportunity)),
    revenueTrendPercent:
      first.earnings > 0
        ? round1(c * ((second.earnings - first.earnings) / first.earnings) * 100)
        : null,
    messageCount: n,
  };
};
