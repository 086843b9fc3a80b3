/**
 * Phase 2: send-type allocation with daily variation. Source: seed 001 §2.1-§2.6, phase 2
 * checkpoint and recovery; RULINGS "Allocation (phase 2)".
 *
 * @module
 */

import { GAME_BENCHMARKS, getGameRecommendations } from '../analytics/gameTracker';
import {
  type CampaignPlan,
  chooseGameTypes,
  type PlannedCampaign,
  planCampaigns,
  sentCampaigns,
} from '../campaigns/plan';
import {
  CATEGORIES,
  type Category,
  type ChannelFamily,
  campaignSendOf,
  channelFamily,
  ppvStyleRoleOf,
  SEND_TYPES,
  type SendTypeKey,
  type SendTypeSpec,
  sendTypesForPage,
} from '../domain/catalog';
import { type Issue, issue } from '../domain/issues';
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import {
  balanceVictim,
  balanceViolations,
  categoryCounts,
  vaultServes,
  weekDiversity,
} from '../domain/rules';
import type {
  AllocatedDay,
  AllocatedSlot,
  Allocation,
  DailyRange,
  DayQuotas,
  LoadedData,
  PhaseContext,
} from '../domain/stages';
import { addDaysIso, daysBetween, weekdayOf } from '../domain/time';
import type { PpvStyle } from '../domain/types';
import { type Rng, rngFrom, weightedPick } from '../random/rng';
import { patternRoom, sameStyleSeparable } from '../rotation/sameStyle';
import { ppvStyleAt, type RotationPlan, trackRotation } from '../rotation/tracker';
import { isMatrixBump, isMatrixPpv } from '../validation/bumpRatio';
import type { VolumeResult } from '../volume/types';
import { calculateVolumeTargets } from '../volume/volumeTargets';
import { apportion } from '../volume/weekly';
import { STRATEGIES, type StrategyKey, selectDailyStrategies } from './strategies';

/**
 * Per-day quotas from the weekly distribution: the weekday's total split across categories in
 * the ratio of `finalConfig` (largest remainder, so the parts sum to the day's total), then the
 * confidence dampening of seed 001 §2.2 on the revenue quota: below 0.6 toward the conservative
 * quota by `confidence / 0.6`; between 0.6 and 0.8 up to 10 % toward the base tier quota; from
 * 0.8 unchanged. Dampening only ever lowers a quota (it damps toward the tier minimum; it never
 * adds sends the weekly distribution did not plan), so the day's planned total minus the
 * returned quotas is what dampening removed. Bounds and capacity are applied by `planDayQuotas`.
 *
 * Source: seed 001 §2.1 (weekly_distribution is primary), §2.2.
 *
 * @since 0.1.0
 * @category allocation
 */
export const calculateDayQuotas = (
  volume: VolumeResult,
  weekday: number,
  policy: SchedulePolicy = DEFAULT_POLICY,
): DayQuotas => {
  const f = volume.finalConfig;
  const total =
    volume.weeklyDistribution[weekday as 0] ??
    f.revenuePerDay + f.engagementPerDay + f.retentionPerDay;
  const [rev, eng, ret] = apportion(total, [
    f.revenuePerDay,
    f.engagementPerDay,
    f.retentionPerDay,
  ]) as [number, number, number];
  const v = policy.volume;
  const c = volume.confidenceScore;
  let revenue = rev;
  if (c < v.dampenBelowConfidence) {
    const k = c / v.dampenBelowConfidence;
    revenue = Math.round(rev * k + v.conservativeQuotas.revenue * (1 - k));
  } else if (c < v.trustAboveConfidence) {
    const k =
      v.moderateDampening *
      (1 - (c - v.dampenBelowConfidence) / (v.trustAboveConfidence - v.dampenBelowConfidence));
    revenue = Math.round(rev - (rev - volume.baseConfig.revenuePerDay) * k);
  }
  return { revenue: Math.min(rev, revenue), engagement: eng, retention: ret };
};

/**
 * How many sends of a type one day takes given its minimum time between sends: the window
 * (less the jitter range) divided by the gap, at least 1. The gap also binds across midnight, so
 * a day takes no more than the gap lets the next day start again at the same hour: a 12-hour
 * type gets 1 a day, a 6-hour type 2, a 2-hour type 7. Source: seed 001 §5.6 with the RULINGS
 * window and "per-type gaps".
 *
 * @since 0.1.0
 * @category allocation
 */
export const dailyCapacity = (
  spec: SendTypeSpec,
  policy: SchedulePolicy = DEFAULT_POLICY,
): number => {
  const span =
    policy.timing.windowEndMinute -
    policy.timing.windowStartMinute -
    (policy.timing.jitterMax - policy.timing.jitterMin);
  return Math.max(1, Math.floor(span / spec.minMinutesBetween));
};

/**
 * Most non-follow-up sends one channel family takes in a day: `maxPerBlock` times the 4-hour
 * blocks the window touches (3 x 4 = 12 with the defaults), and no more than the window can space
 * out at the last spacing step (a 60-minute window holds 4 sends 20 minutes apart). Source:
 * RULINGS "spacing", "relaxation".
 *
 * @since 0.1.0
 * @category allocation
 */
export const familyDailyCapacity = (policy: SchedulePolicy = DEFAULT_POLICY): number => {
  const t = policy.timing;
  const blocks =
    Math.floor(t.windowEndMinute / t.blockMinutes) -
    Math.floor(t.windowStartMinute / t.blockMinutes) +
    1;
  const floor = t.spacingSteps[t.spacingSteps.length - 1] ?? 0;
  const spaced =
    floor > 0
      ? Math.floor((t.windowEndMinute - t.windowStartMinute) / floor) + 1
      : Number.POSITIVE_INFINITY;
  return Math.min(blocks * t.maxPerBlock, spaced);
};

/**
 * How many sends of each category one day can take: the sum of the daily capacities of the
 * category's eligible send types (weekly caps aside). Source: seed 001 §5.6 with the RULINGS window.
 *
 * @since 0.1.0
 * @category allocation
 */
export const categoryCapacity = (
  eligibleByCategory: Readonly<Record<Category, ReadonlyArray<SendTypeSpec>>>,
  policy: SchedulePolicy = DEFAULT_POLICY,
): DayQuotas => {
  const sum = (c: Category) =>
    eligibleByCategory[c].reduce((n, s) => n + dailyCapacity(s, policy), 0);
  return { revenue: sum('revenue'), engagement: sum('engagement'), retention: sum('retention') };
};

/**
 * Day quotas the page can send: a category asked for more than its send types can take in a day
 * (e.g. 4 retention sends when the three retention types fit once a day each) gives its excess to
 * engagement, then revenue, within their capacity and bounds, so the day's total from the weekly
 * distribution is kept whenever it can be sent at all. Retention stays 0 when it is 0.
 * Source: seed 001 §2.1 (weekly distribution primary), §5.6; RULINGS "bounds after adjustment".
 *
 * @since 0.1.0
 * @category allocation
 */
export const rebalanceQuotas = (
  quotas: DayQuotas,
  capacity: DayQuotas,
  policy: SchedulePolicy = DEFAULT_POLICY,
): DayQuotas => {
  const b = policy.volume.bounds;
  const limit = (c: Category) => Math.min(capacity[c], b[c][1]);
  const out = { ...quotas };
  let excess = 0;
  for (const c of CATEGORIES) {
    if (out[c] > limit(c)) {
      excess += out[c] - limit(c);
      out[c] = limit(c);
    }
  }
  for (const c of ['engagement', 'revenue'] as const) {
    const room = Math.max(0, limit(c) - out[c]);
    const moved = Math.min(room, excess);
    out[c] += moved;
    excess -= moved;
  }
  return out;
};

/**
 * Why a planned item of a day was not allocated: confidence dampening (001 §2.2), the per-day
 * bounds (001 phase 1 checkpoint), what the page's send types can carry in a day, or the
 * category balance (RULINGS: the balance wins over the matrix ratio).
 *
 * @since 0.2.0
 * @category allocation
 */
export type QuotaReductionReason = 'confidence' | 'bounds' | 'capacity' | 'balance';

/**
 * The plan of one day: the weekly distribution's total, the quotas allocated, and every planned
 * item not allocated with its reason.
 *
 * @since 0.2.0
 * @category allocation
 */
export interface DayQuotaPlan {
  /** The weekly distribution's total for the day. */
  readonly planned: number;
  /** The items per category the day allocates, after dampening, limits and balance. */
  readonly quotas: DayQuotas;
  /**
   * Every planned item not allocated, merged per category and reason (empty when the day kept
   * its whole planned total); `planned` equals the quotas' total plus the sum of `from - to`.
   */
  readonly reductions: ReadonlyArray<{
    /** The category that lost items. */
    readonly category: Category;
    /** The category's item count before the reduction. */
    readonly from: number;
    /** The category's item count after the reduction (less than `from`). */
    readonly to: number;
    /** Why the items were dropped. */
    readonly reason: QuotaReductionReason;
  }>;
  /** Set when items moved between categories (the day total kept): why, and the quotas before. */
  readonly rebalanced: {
    /** The quotas after confidence dampening, before any item moved. */
    readonly from: DayQuotas;
    /** `capacity`: moved to fit limits or lower bounds; `balance`: moved by the category balance. */
    readonly reason: 'capacity' | 'balance';
  } | null;
}

const totalOf = (q: DayQuotas): number => q.revenue + q.engagement + q.retention;

/**
 * Plans one day's quotas so that what the day allocates can be sent and keeps the category
 * balance, and says where every planned item went.
 *
 * 1. `calculateDayQuotas`: the weekly distribution's total split by `finalConfig`, revenue damped
 *    by confidence (a reduction, reason `confidence`).
 * 2. Limits: each category at most `min(capacity, upper bound)` (retention 0 when the week plans
 *    none); an excess moves to engagement, then revenue, within their limits (the total kept,
 *    `rebalanced`), and what fits nowhere is a reduction (`bounds` or `capacity`). A category
 *    under its lower bound takes items from another.
 * 3. Balance (`balanceViolations`, for days of 4+ items): retention above 20 % moves to revenue
 *    then engagement; revenue under 30 % takes from engagement (while it keeps 25 %) then
 *    retention; engagement under 25 % takes from revenue (while it keeps 30 %) then retention;
 *    when no move is possible an item of the over-represented category is removed (reduction
 *    `balance`). Inside the page-type matrix ranges there is always room (low porno/commercial:
 *    3 PPV, 5 bumps, 1 retention).
 *
 * `planned = quotas total + sum of reductions` always holds.
 *
 * Source: seed 001 §2.1, §2.2, phase 1 and phase 7 checkpoints; RULINGS "category balance is a
 * hard rule", "nothing lost".
 *
 * @since 0.2.0
 * @category allocation
 */
export const planDayQuotas = (
  volume: VolumeResult,
  weekday: number,
  capacity: DayQuotas,
  policy: SchedulePolicy,
): DayQuotaPlan => {
  const f = volume.finalConfig;
  const planned =
    volume.weeklyDistribution[weekday as 0] ??
    f.revenuePerDay + f.engagementPerDay + f.retentionPerDay;
  const damped = calculateDayQuotas(volume, weekday, policy);
  const split = apportion(planned, [f.revenuePerDay, f.engagementPerDay, f.retentionPerDay]);
  const reductions: Array<DayQuotaPlan['reductions'][number]> = [];
  const reduce = (category: Category, from: number, to: number, reason: QuotaReductionReason) => {
    if (to < from) reductions.push({ category, from, to, reason });
  };
  reduce('revenue', split[0] ?? damped.revenue, damped.revenue, 'confidence');

  const b = policy.volume.bounds;
  const limit = (c: Category): number =>
    c === 'retention' && f.retentionPerDay === 0 ? 0 : Math.min(capacity[c], b[c][1]);
  const lower = (c: Category): number => Math.min(b[c][0], limit(c));
  const q: Record<Category, number> = { ...damped };
  const start = { ...damped };
  let moved: 'capacity' | 'balance' | null = null;

  // 2. Limits.
  for (const c of CATEGORIES) {
    const over = q[c] - limit(c);
    if (over <= 0) continue;
    const reason: QuotaReductionReason = q[c] > b[c][1] ? 'bounds' : 'capacity';
    const from = q[c];
    q[c] = limit(c);
    let left = over;
    for (const t of ['engagement', 'revenue'] as const) {
      if (t === c || left === 0) continue;
      const m = Math.min(left, Math.max(0, limit(t) - q[t]));
      if (m > 0) {
        q[t] += m;
        left -= m;
        moved = 'capacity';
      }
    }
    if (left > 0) reduce(c, from, from - left, reason);
  }
  for (const c of CATEGORIES)
    while (q[c] < lower(c)) {
      const donor = (['engagement', 'revenue', 'retention'] as const).find(
        (d) => d !== c && q[d] > lower(d),
      );
      if (donor === undefined) break;
      q[donor]--;
      q[c]++;
      moved = moved ?? 'capacity';
    }

  // 3. Balance.
  for (
    let guard = 0;
    guard < 200 && totalOf(q) >= policy.allocation.minItemsForDayBalance;
    guard++
  ) {
    const broken = balanceViolations(q, policy)[0];
    if (broken === undefined) break;
    const T = totalOf(q);
    const v = policy.validation;
    const canGive = (c: Category, keepShare: number): boolean =>
      q[c] > lower(c) && q[c] - 1 >= keepShare * T - 1e-9;
    const move = (from: Category, to: Category): boolean => {
      if (q[to] >= limit(to)) return false;
      q[from]--;
      q[to]++;
      moved = 'balance';
      return true;
    };
    const remove = (c: Category): void => {
      reduce(c, q[c], q[c] - 1, 'balance');
      q[c]--;
    };
    if (broken.category === 'retention') {
      if (!move('retention', 'revenue') && !move('retention', 'engagement')) remove('retention');
    } else if (broken.category === 'revenue') {
      const ok =
        (canGive('engagement', v.engagementMinShare) && move('engagement', 'revenue')) ||
        (q.retention > lower('retention') && move('retention', 'revenue'));
      if (!ok) remove(q.retention > lower('retention') ? 'retention' : 'engagement');
    } else {
      const ok =
        (canGive('revenue', v.revenueMinShare) && move('revenue', 'engagement')) ||
        (q.retention > lower('retention') && move('retention', 'engagement'));
      if (!ok) remove(q.retention > lower('retention') ? 'retention' : 'revenue');
    }
  }
  // Merge reductions of the same category and reason.
  const merged = new Map<string, DayQuotaPlan['reductions'][number]>();
  for (const r of reductions) {
    const k = `${r.category}|${r.reason}`;
    const prev = merged.get(k);
    merged.set(k, prev === undefined ? r : { ...prev, to: prev.to - (r.from - r.to) });
  }
  const quotas: DayQuotas = {
    revenue: q.revenue,
    engagement: q.engagement,
    retention: q.retention,
  };
  return {
    planned,
    quotas,
    reductions: [...merged.values()],
    rebalanced: moved === null ? null : { from: start, reason: moved },
  };
};

/**
 * Orders a day's slots R, E, R, E, Ret, ... (seed 001 §2.6).
 *
 * @since 0.1.0
 * @category allocation
 */
export const interleaveCategories = <
  A extends {
    /** The slot's category, which decides its place in the R, E, R, E, Ret cycle. */
    readonly category: Category;
  },
>(
  slots: ReadonlyArray<A>,
): ReadonlyArray<A> => {
  const by = (c: Category) => slots.filter((s) => s.category === c);
  const [r, e, t] = [by('revenue'), by('engagement'), by('retention')];
  const out: A[] = [];
  let ri = 0;
  let ei = 0;
  let ti = 0;
  while (ri < r.length || ei < e.length || ti < t.length) {
    if (ri < r.length) out.push(r[ri++] as A);
    if (ei < e.length) out.push(e[ei++] as A);
    if (ri < r.length) out.push(r[ri++] as A);
    if (ei < e.length) out.push(e[ei++] as A);
    if (ti < t.length) out.push(t[ti++] as A);
  }
  return out;
};

/**
 * Reorders a day's sequence so that no send type follows itself whenever any order allows it,
 * staying as close to the given order as possible: at each position it takes the earliest
 * remaining slot of another type than the previous one whose choice still leaves an arrangement
 * without repeats (no type may hold more than half of what remains). When no order avoids a
 * repeat (one type is more than half the day), the fewest repeats are left. Source: RULINGS
 * "variety" (no send type twice in a row inside a day's allocation).
 *
 * @since 0.1.0
 * @category allocation
 */
export const breakRepeats = <
  A extends {
    /** The slot's send type; two adjacent slots should not share it. */
    readonly sendTypeKey: SendTypeKey;
  },
>(
  slots: ReadonlyArray<A>,
): ReadonlyArray<A> => {
  const remaining = [...slots];
  const counts = new Map<SendTypeKey, number>();
  for (const s of slots) counts.set(s.sendTypeKey, (counts.get(s.sendTypeKey) ?? 0) + 1);
  const feasible = (prev: SendTypeKey, left: number): boolean => {
    for (const [k, n] of counts)
      if (n > (k === prev ? Math.floor(left / 2) : Math.ceil(left / 2))) return false;
    return true;
  };
  const out: A[] = [];
  let prev: SendTypeKey | null = null;
  while (remaining.length > 0) {
    let pick = -1;
    for (let i = 0; i < remaining.length && pick < 0; i++) {
      const k = (remaining[i] as A).sendTypeKey;
      if (k === prev) continue;
      counts.set(k, (counts.get(k) ?? 0) - 1);
      if (feasible(k, remaining.length - 1)) pick = i;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    if (pick < 0) {
      // No choice keeps every later step free of repeats: take the most frequent other type.
      let best = -1;
      for (let i = 0; i < remaining.length; i++) {
        const k = (remaining[i] as A).sendTypeKey;
        if (
          k !== prev &&
          (best < 0 || (counts.get(k) ?? 0) > (counts.get((remaining[best] as A).sendTypeKey) ?? 0))
        )
          best = i;
      }
      pick = best >= 0 ? best : 0;
    }
    const [chosen] = remaining.splice(pick, 1) as [A];
    counts.set(chosen.sendTypeKey, (counts.get(chosen.sendTypeKey) ?? 0) - 1);
    out.push(chosen);
    prev = chosen.sendTypeKey;
  }
  return out;
};

interface WeekState {
  readonly weekly: Map<SendTypeKey, number>;
  /**
   * Planned campaigns of a capped send type not yet placed: the weekly cap keeps room for them
   * (a tip_goal campaign late in the week is not crowded out by an earlier ordinary tip goal).
   */
  readonly reserved: Map<SendTypeKey, number>;
  /**
   * The schedule position of the next pattern PPV (003 task 2.1 `schedule_position`): it runs
   * on through the week's days and starts again at 0 when the pattern rotates.
   */
  stylePosition: number;
  /** The start date of the pattern `stylePosition` counts in. */
  stylePatternStart: string | null;
}

/** `pattern` read from position `offset` on (the styles a day starting there takes in turn). */
const fromPosition = (
  pattern: ReadonlyArray<PpvStyle>,
  offset: number,
): ReadonlyArray<PpvStyle> => {
  const n = pattern.length;
  if (n === 0) return pattern;
  const k = ((offset % n) + n) % n;
  return [...pattern.slice(k), ...pattern.slice(0, k)];
};

/**
 * What the allocator aims at from the page-type matrix (000 task 3.1): the expected bump : PPV
 * ratio range and PPV range of the creator's tier and page type, and which send types count
 * (RULINGS "what the matrix counts"; a bundle on the wall is not a mass-message PPV).
 */
interface MatrixAim {
  readonly ratio: DailyRange;
  readonly ppvRange: DailyRange;
  readonly isPpv: (k: SendTypeKey, family?: ChannelFamily) => boolean;
  readonly isBump: (k: SendTypeKey) => boolean;
}

/**
 * A day's matrix aim inside its quotas: at most the matrix's PPVs (and the revenue quota),
 * bumps up to `ratio max x PPVs` (and the engagement quota), and PPVs down to what the bumps
 * carry at `ratio min`, so `bumps / PPVs` sits inside the range whenever the quotas allow.
 */
const matrixAimOf = (
  quotas: DayQuotas,
  matrix: MatrixAim,
): { readonly ppv: number; readonly bump: number } => {
  const eps = 1e-9;
  if (quotas.revenue <= 0) return { ppv: 0, bump: quotas.engagement };
  const cap = Math.min(quotas.revenue, matrix.ppvRange[1]);
  const bump0 = Math.min(quotas.engagement, Math.floor(matrix.ratio[1] * cap + eps));
  const ppv = Math.min(cap, Math.max(1, Math.floor(bump0 / matrix.ratio[0] + eps)));
  return { ppv, bump: Math.min(bump0, Math.floor(matrix.ratio[1] * ppv + eps)) };
};

interface DraftSlot {
  readonly sendTypeKey: SendTypeKey;
  readonly category: Category;
  readonly priority: number;
  readonly campaign?: PlannedCampaign;
}

/** Why a planned campaign could not be placed on its day (`campaign_unplaced`). */
type UnplacedReason = 'no_revenue_room' | 'channel_full' | 'style_room' | 'daily_capacity';

const typeWeight = (
  spec: SendTypeSpec,
  strategy: StrategyKey,
  volume: VolumeResult,
  used: number,
  policy: SchedulePolicy,
): number => {
  const a = policy.allocation;
  let w = a.typeWeights[spec.sendTypeKey] ?? 1;
  if (STRATEGIES[strategy].boosts.includes(spec.sendTypeKey)) w *= a.strategyBoost;
  if (volume.fusedOpportunity > a.highOpportunityAbove)
    w *= (a.highOpportunityPriority as Partial<Record<SendTypeKey, number>>)[spec.sendTypeKey] ?? 1;
  if (volume.fusedOpportunity < a.lowOpportunityBelow)
    w *= (a.lowOpportunityPriority as Partial<Record<SendTypeKey, number>>)[spec.sendTypeKey] ?? 1;
  // Novelty: a type not yet used this week is more likely (keeps the 10-type diversity reachable).
  return used === 0 ? w * a.noveltyMultiplier : w;
};

const allocateDay = (
  rng: Rng,
  quotas: DayQuotas,
  strategy: StrategyKey,
  forceLeastUsed: boolean,
  eligibleByCategory: Readonly<Record<Category, ReadonlyArray<SendTypeSpec>>>,
  state: WeekState,
  volume: VolumeResult,
  policy: SchedulePolicy,
  stylePattern: ReadonlyArray<PpvStyle>,
  campaigns: ReadonlyArray<PlannedCampaign>,
  matrix: MatrixAim,
): readonly [
  ReadonlyArray<DraftSlot>,
  ReadonlyArray<{ readonly category: Category; readonly removed: number }>,
  Rng,
  ReadonlyArray<{ readonly from: SendTypeKey; readonly to: SendTypeKey }>,
  ReadonlyArray<{ readonly campaign: PlannedCampaign; readonly reason: UnplacedReason }>,
] => {
  let r = rng;
  const daily = new Map<SendTypeKey, number>();
  // Same-style room (003 task 2.2): the day's bundle-style PPVs (bundle send types and the
  // pattern's bundle positions) must be separable by its other styled PPVs.
  // The bundle-style positions among the day's first `n` pattern PPVs (the pattern read on from
  // the day's position). A day with a bundle send takes at most one of them: a pair must be
  // split across AM and PM, and with a bundle send as well the day leaves no room to keep the
  // three apart when its window is tight (RULINGS "bundle send types"; docs/rulings.md).
  // Counted in place, no array per call (issue 11: it runs for every open type of every turn).
  const patternBundles = (n: number): number => {
    const len = stylePattern.length;
    if (len === 0) return 0;
    let bundles = 0;
    for (let k = 0; k < n; k++) if (stylePattern[k % len] === 'bundle') bundles++;
    return bundles;
  };
  const styled = { pattern: 0, bundle: 0 };
  const styleRoomAfter = (s: SendTypeSpec): boolean => {
    const role = ppvStyleRoleOf(s.sendTypeKey);
    return role === 'bundle'
      ? patternBundles(styled.pattern) < 2 &&
          sameStyleSeparable(
            styled.pattern,
            styled.bundle + 1,
            stylePattern,
            policy.rotation,
            policy.rotation.bundleSendSlack,
          )
      : role === 'pattern'
        ? patternRoom(styled.pattern + 1, stylePattern, policy.rotation) &&
          (styled.bundle === 0 || patternBundles(styled.pattern + 1) < 2)
        : true;
  };
  const family = new Map<ChannelFamily, number>();
  const familyCap = familyDailyCapacity(policy);
  const familyOf = (s: SendTypeSpec): ChannelFamily | null => {
    const first = channelFamily(s.channel);
    if ((family.get(first) ?? 0) < familyCap) return first;
    const second = s.secondChannel ? channelFamily(s.secondChannel) : null;
    return second !== null && (family.get(second) ?? 0) < familyCap ? second : null;
  };
  const drafts: DraftSlot[] = [];
  const draftFamilies: ChannelFamily[] = [];
  const leastUsed = forceLeastUsed || STRATEGIES[strategy].selection === 'least_used';
  const filled: Record<Category, number> = { revenue: 0, engagement: 0, retention: 0 };
  const blocked = new Set<Category>();
  const last = new Map<Category, SendTypeKey>();
  // The categories take turns in the 001 §2.6 pattern R, E, R, E, Ret, so that when the day's
  // channel families fill up, every category has had its share (a day of 3 is R, E, R, never
  // R, R, R): the category balance then holds however tight the capacity is.
  const pattern: ReadonlyArray<Category> = [
    'revenue',
    'engagement',
    'revenue',
    'engagement',
    'retention',
  ];
  // The day's planned campaigns come first (RULINGS "cadence": the table is the plan); each
  // takes a revenue place on the wall, or is reported when the day cannot take it.
  const unplaced: Array<{ readonly campaign: PlannedCampaign; readonly reason: UnplacedReason }> =
    [];
  const matrixCount = { ppv: 0, bump: 0 };
  for (const campaign of campaigns) {
    const spec = SEND_TYPES[campaign.sendTypeKey];
    const fam = channelFamily(campaignSendOf(campaign.campaignType, 'free').channelKey);
    state.reserved.set(
      spec.sendTypeKey,
      Math.max(0, (state.reserved.get(spec.sendTypeKey) ?? 0) - 1),
    );
    const reason: UnplacedReason | null =
      filled.revenue >= quotas.revenue
        ? 'no_revenue_room'
        : (daily.get(spec.sendTypeKey) ?? 0) >= dailyCapacity(spec, policy)
          ? 'daily_capacity'
          : (family.get(fam) ?? 0) >= familyCap
            ? 'channel_full'
            : !styleRoomAfter(spec)
              ? 'style_room'
              : null;
    if (reason !== null) {
      unplaced.push({ campaign, reason });
      continue;
    }
    filled.revenue++;
    drafts.push({
      sendTypeKey: spec.sendTypeKey,
      category: 'revenue',
      priority: filled.revenue,
      campaign,
    });
    if (matrix.isPpv(spec.sendTypeKey, fam)) matrixCount.ppv++;
    daily.set(spec.sendTypeKey, (daily.get(spec.sendTypeKey) ?? 0) + 1);
    const role = ppvStyleRoleOf(spec.sendTypeKey);
    if (role !== null) styled[role]++;
    family.set(fam, (family.get(fam) ?? 0) + 1);
    draftFamilies.push(fam);
    state.weekly.set(spec.sendTypeKey, (state.weekly.get(spec.sendTypeKey) ?? 0) + 1);
    last.set('revenue', spec.sendTypeKey);
  }
  // The matrix aim of the places left after the campaigns (a wall campaign is no PPV).
  const aim = matrixAimOf(
    { ...quotas, revenue: quotas.revenue - (filled.revenue - matrixCount.ppv) },
    matrix,
  );
  const wanted = (c: Category) => !blocked.has(c) && filled[c] < quotas[c];
  for (let turn = 0; CATEGORIES.some(wanted); turn++) {
    const category = pattern[turn % pattern.length] as Category;
    if (!wanted(category)) continue;
    const open = eligibleByCategory[category].filter((s) => {
      const cap = s.weeklyCap;
      return (
        (cap === null ||
          (state.weekly.get(s.sendTypeKey) ?? 0) + (state.reserved.get(s.sendTypeKey) ?? 0) <
            cap) &&
        (daily.get(s.sendTypeKey) ?? 0) < dailyCapacity(s, policy) &&
        familyOf(s) !== null &&
        styleRoomAfter(s)
      );
    });
    const noRepeat = open.filter((s) => s.sendTypeKey !== last.get(category));
    const any = noRepeat.length > 0 ? noRepeat : open;
    // The page-type matrix (000 task 3.1): revenue picks are matrix PPVs while the day is under
    // its PPV aim, other revenue sends after; engagement picks are bumps while the day is under
    // its bump aim. When the preferred kind has no type left the other is taken (the ratio
    // shortfall is reported after the day).
    const prefer =
      category === 'revenue'
        ? (s: SendTypeSpec) => matrix.isPpv(s.sendTypeKey) === matrixCount.ppv < aim.ppv
        : category === 'engagement'
          ? (s: SendTypeSpec) => matrix.isBump(s.sendTypeKey) === matrixCount.bump < aim.bump
          : null;
    let preferred = any;
    if (prefer !== null) {
      const fresh = noRepeat.filter(prefer);
      if (fresh.length > 0) preferred = fresh;
      else {
        const repeated = open.filter(prefer);
        if (repeated.length > 0) preferred = repeated;
      }
    }
    const pool = preferred;
    if (pool.length === 0) {
      blocked.add(category);
      continue;
    }
    let pick: SendTypeSpec | null;
    if (leastUsed) {
      pick = [...pool].sort(
        (x, y) =>
          (state.weekly.get(x.sendTypeKey) ?? 0) - (state.weekly.get(y.sendTypeKey) ?? 0) ||
          (policy.allocation.typeWeights[y.sendTypeKey] ?? 0) -
            (policy.allocation.typeWeights[x.sendTypeKey] ?? 0) ||
          x.sendTypeKey.localeCompare(y.sendTypeKey),
      )[0] as SendTypeSpec;
    } else {
      const [p, next] = weightedPick(r, pool, (s) =>
        typeWeight(s, strategy, volume, state.weekly.get(s.sendTypeKey) ?? 0, policy),
      );
      r = next;
      pick = p ?? (pool[0] as SendTypeSpec);
    }
    filled[category]++;
    drafts.push({ sendTypeKey: pick.sendTypeKey, category, priority: filled[category] });
    if (matrix.isPpv(pick.sendTypeKey)) matrixCount.ppv++;
    if (matrix.isBump(pick.sendTypeKey)) matrixCount.bump++;
    daily.set(pick.sendTypeKey, (daily.get(pick.sendTypeKey) ?? 0) + 1);
    const role = ppvStyleRoleOf(pick.sendTypeKey);
    if (role !== null) styled[role]++;
    const fam = familyOf(pick) as ChannelFamily;
    family.set(fam, (family.get(fam) ?? 0) + 1);
    draftFamilies.push(fam);
    state.weekly.set(pick.sendTypeKey, (state.weekly.get(pick.sendTypeKey) ?? 0) + 1);
    last.set(category, pick.sendTypeKey);
  }
  // The pattern PPVs took their styles after the bundle sends were chosen: while the day's
  // bundle styles cannot be ordered without two in a row, its last bundle send becomes the
  // best-weighted other revenue type the day can still take (reported).
  const replaced: Array<{ readonly from: SendTypeKey; readonly to: SendTypeKey }> = [];
  const count = (m: Map<SendTypeKey, number>, k: SendTypeKey, by: number) =>
    m.set(k, (m.get(k) ?? 0) + by);
  for (
    let guard = drafts.length;
    guard > 0 &&
    styled.bundle > 0 &&
    !sameStyleSeparable(
      styled.pattern,
      styled.bundle,
      stylePattern,
      policy.rotation,
      policy.rotation.bundleSendSlack,
    );
    guard--
  ) {
    // The last ordinary bundle send; else the last ordinary pattern PPV (the bundle wall
    // campaign keeps its place: the pattern takes one PPV fewer that day); a bundle wall
    // campaign only when neither is left (it is then reported as not placed).
    const ordinary = (d: DraftSlot) => d.campaign === undefined;
    const passes: ReadonlyArray<(d: DraftSlot) => boolean> = [
      (d) => ppvStyleRoleOf(d.sendTypeKey) === 'bundle' && ordinary(d),
      (d) => ppvStyleRoleOf(d.sendTypeKey) === 'pattern' && ordinary(d),
      (d) => ppvStyleRoleOf(d.sendTypeKey) === 'bundle',
    ];
    const candidatesOf = (ps: ReadonlyArray<(d: DraftSlot) => boolean>): number[] => {
      const out: number[] = [];
      for (const pass of ps)
        for (let i = drafts.length - 1; i >= 0; i--)
          if (pass(drafts[i] as DraftSlot) && !out.includes(i)) out.push(i);
      return out;
    };
    let at = -1;
    let old: DraftSlot | undefined;
    let oldRole: 'bundle' | 'pattern' = 'bundle';
    let oldFamily: ChannelFamily | undefined;
    let alt: SendTypeSpec | undefined;
    const tryReplace = (candidates: ReadonlyArray<number>): void => {
      for (const i of candidates) {
        const o = drafts[i] as DraftSlot;
        const role0 = ppvStyleRoleOf(o.sendTypeKey) as 'bundle' | 'pattern';
        const f0 = draftFamilies[i] as ChannelFamily;
        count(daily, o.sendTypeKey, -1);
        count(state.weekly, o.sendTypeKey, -1);
        family.set(f0, (family.get(f0) ?? 0) - 1);
        styled[role0]--;
        oldRole = role0;
        const alternatives = eligibleByCategory.revenue
          .filter((x) => {
            const role = ppvStyleRoleOf(x.sendTypeKey);
            const cap = x.weeklyCap;
            return (
              role !== 'bundle' &&
              (oldRole === 'bundle' || role !== 'pattern') &&
              (cap === null ||
                (state.weekly.get(x.sendTypeKey) ?? 0) + (state.reserved.get(x.sendTypeKey) ?? 0) <
                  cap) &&
              (daily.get(x.sendTypeKey) ?? 0) < dailyCapacity(x, policy) &&
              familyOf(x) !== null &&
              (role !== 'pattern' ||
                sameStyleSeparable(
                  styled.pattern + 1,
                  styled.bundle,
                  stylePattern,
                  policy.rotation,
                ))
            );
          })
          .sort(
            (x, y) =>
              // a type outside the pattern first: it adds no style to the day
              Number(ppvStyleRoleOf(x.sendTypeKey) === 'pattern') -
                Number(ppvStyleRoleOf(y.sendTypeKey) === 'pattern') ||
              typeWeight(y, strategy, volume, state.weekly.get(y.sendTypeKey) ?? 0, policy) -
                typeWeight(x, strategy, volume, state.weekly.get(x.sendTypeKey) ?? 0, policy) ||
              x.sendTypeKey.localeCompare(y.sendTypeKey),
          );
        const a = alternatives[0];
        if (a !== undefined) {
          at = i;
          old = o;
          oldFamily = f0;
          alt = a;
          break;
        }
        count(daily, o.sendTypeKey, 1);
        count(state.weekly, o.sendTypeKey, 1);
        family.set(f0, (family.get(f0) ?? 0) + 1);
        styled[role0]++;
      }
    };
    tryReplace(candidatesOf(passes.slice(0, 2)));
    if (at < 0 || old === undefined || alt === undefined || oldFamily === undefined) {
      // No replacement: a bundle wall campaign keeps its place and the day takes one pattern
      // PPV fewer (reported as an unfilled revenue place), rather than losing the campaign.
      const campaignBundle = drafts.some(
        (d) => ppvStyleRoleOf(d.sendTypeKey) === 'bundle' && d.campaign !== undefined,
      );
      let drop = -1;
      for (let i = drafts.length - 1; i >= 0 && drop < 0; i--) {
        const d = drafts[i] as DraftSlot;
        if (ppvStyleRoleOf(d.sendTypeKey) === 'pattern' && d.campaign === undefined) drop = i;
      }
      if (!campaignBundle || drop < 0) {
        tryReplace(candidatesOf(passes.slice(2)));
        if (at < 0 || old === undefined || alt === undefined) break;
      } else {
        const gone = drafts[drop] as DraftSlot;
        const goneFamily = draftFamilies[drop] as ChannelFamily;
        count(daily, gone.sendTypeKey, -1);
        count(state.weekly, gone.sendTypeKey, -1);
        family.set(goneFamily, (family.get(goneFamily) ?? 0) - 1);
        styled.pattern--;
        filled[gone.category]--;
        drafts.splice(drop, 1);
        draftFamilies.splice(drop, 1);
        for (let i = 0; i < drafts.length; i++) {
          const d = drafts[i] as DraftSlot;
          if (d.category === gone.category && d.priority > gone.priority)
            drafts[i] = { ...d, priority: d.priority - 1 };
        }
        continue;
      }
    }
    if (old === undefined || alt === undefined) break;
    const fam = familyOf(alt) as ChannelFamily;
    drafts[at] = { sendTypeKey: alt.sendTypeKey, category: old.category, priority: old.priority };
    if (old.campaign !== undefined) unplaced.push({ campaign: old.campaign, reason: 'style_room' });
    draftFamilies[at] = fam;
    count(daily, alt.sendTypeKey, 1);
    count(state.weekly, alt.sendTypeKey, 1);
    family.set(fam, (family.get(fam) ?? 0) + 1);
    if (ppvStyleRoleOf(alt.sendTypeKey) === 'pattern') styled.pattern++;
    replaced.push({ from: old.sendTypeKey, to: alt.sendTypeKey });
  }
  const unfilled = CATEGORIES.filter((c) => filled[c] < quotas[c]).map((category) => ({
    category,
    removed: quotas[category] - filled[category],
  }));
  return [drafts, unfilled, r, replaced, unplaced];
};

/**
 * Removes the lowest-priority drafts of a day until its category balance holds (RULINGS: the
 * balance wins), for a day whose quotas could not all be filled. Returns the kept drafts and
 * what was removed per category.
 */
const rebalanceDrafts = (
  drafts: ReadonlyArray<DraftSlot>,
  policy: SchedulePolicy,
): readonly [
  ReadonlyArray<DraftSlot>,
  ReadonlyArray<{ readonly category: Category; readonly removed: number }>,
] => {
  const kept = [...drafts];
  const removed = new Map<Category, number>();
  for (
    let guard = 0;
    guard < 200 && kept.length >= policy.allocation.minItemsForDayBalance;
    guard++
  ) {
    const victim = balanceVictim(categoryCounts(kept), policy);
    if (victim === undefined) break;
    let at = -1;
    kept.forEach((d, i) => {
      if (d.category === victim && (at < 0 || d.priority > (kept[at] as DraftSlot).priority))
        at = i;
    });
    kept.splice(at, 1);
    removed.set(victim, (removed.get(victim) ?? 0) + 1);
  }
  return [kept, [...removed].map(([category, n]) => ({ category, removed: n }))];
};

/**
 * Phase 2: allocates the week. For each day: the day's quotas (`planDayQuotas`: the weekly
 * distribution, confidence dampening, bounds, capacity and the category balance), a strategy
 * (no consecutive repeat, 3+ a week), send types drawn per category by strategy-weighted
 * selection (or least-used for `variety_max`) among the types applicable to the page, generated
 * by allocation, served by the vault, under their weekly cap and daily capacity, never the same
 * type twice in a row; then interleaved R, E, R, E, Ret. When the week misses the diversity
 * minimums (10 types, 5 revenue types of the seed's set of 7, 5 engagement, bounded by what the
 * page can use) it is allocated again in variety mode.
 *
 * Nothing is lost silently: every planned item of the weekly distribution that is not allocated
 * is counted in a `quota_reduced` (dampening, bounds, capacity, balance) or `quota_unfilled` (no
 * eligible send type left, e.g. under a weekly cap) warning with `details.removed`.
 *
 * Issues: `send_type_unavailable` (info, vault cannot serve a type), `quota_rebalanced` (info),
 * `quota_reduced` (warning), `quota_dampened` (info), `quota_unfilled` (warning),
 * `diversity_restart` (info), `diversity_shortfall` (warning).
 *
 * Source: seed 001 §2.1-§2.6, phase 2 checkpoint and recovery; RULINGS "Allocation",
 * "Validation" (category balance, nothing lost).
 *
 * @example
 * import { allocateWeek } from 'eros-schedule';
 *
 * // `ctx` and `data` as in `trackVolume`'s example, `volume` its result (`step.right.volume`)
 * const allocation = allocateWeek(ctx, data.loaded, volume);
 * allocation.days.map((d) => d.strategy); // ['engagement_burst', 'revenue_focus', 'storytelling', ...]
 * allocation.days.map((d) => d.slots.length); // [6, 6, 10, 10, 9, 7, 8]: 56, the weekly distribution
 * allocation.issues; // quotas rebalanced, reduced or unfilled, diversity restarts
 *
 * @since 0.1.0
 * @category allocation
 */
export const allocateWeek = (
  ctx: PhaseContext,
  loaded: LoadedData,
  volume: VolumeResult,
  rotation: RotationPlan = trackRotation(
    {
      creatorId: ctx.creator.creatorId,
      state: loaded.rotationState,
      scheduleDates: ctx.weekDates,
      seed: ctx.seed,
    },
    ctx.policy.rotation,
  ),
): Allocation => {
  const policy = ctx.policy;
  const issues: Issue[] = [];
  const applicable = sendTypesForPage(ctx.creator.pageType).filter(
    (s) => s.generatedBy === 'allocation',
  );
  const served = applicable.filter((s) => vaultServes(s, loaded.vault));
  for (const s of applicable)
    if (!served.includes(s))
      issues.push(
        issue('send_type_unavailable', {
          sendTypeKey: s.sendTypeKey,
          missing: s.requiresFlyer && (loaded.vault?.flyers ?? 0) <= 0 ? 'a flyer' : s.mediaType,
        }),
      );
  // Campaigns and games are planned by their cadence (000 task 3.2); a game is only ever a
  // planned game campaign (RULINGS "games"), so game_post is not drawn with the other types.
  const campaignPlan = planWeekCampaigns(ctx, loaded, served);
  const targets = calculateVolumeTargets(ctx.creator, policy);
  const matrix: MatrixAim = {
    ratio: targets.bumpRatioRange,
    ppvRange: targets.mmppvsPerDay,
    isPpv: (k, family = 'messages') =>
      isMatrixPpv(k, family === 'messages' ? undefined : 'wall_post', ctx.creator.pageType),
    isBump: isMatrixBump,
  };
  const drawn = served.filter((s) => s.sendTypeKey !== 'game_post');
  const eligibleByCategory = {
    revenue: drawn.filter((s) => s.category === 'revenue'),
    engagement: drawn.filter((s) => s.category === 'engagement'),
    retention: drawn.filter((s) => s.category === 'retention'),
  };
  const [strategies] = selectDailyStrategies(
    rngFrom(ctx.seed, ctx.creator.creatorId, ctx.weekDates[0] ?? '', 'strategies'),
    ctx.weekDates.length,
    volume.fusedSaturation,
    volume.fusedOpportunity,
    policy,
  );
  const capacity = categoryCapacity(eligibleByCategory, policy);
  const quotas = ctx.weekDates.map((date, dayIndex) => {
    const plan = planDayQuotas(volume, weekdayOf(date), capacity, policy);
    if (plan.rebalanced !== null)
      issues.push(
        issue('quota_rebalanced', {
          date,
          dayIndex,
          from: plan.rebalanced.from,
          to: plan.quotas,
          reason: plan.rebalanced.reason,
        }),
      );
    for (const r of plan.reductions)
      issues.push(
        issue('quota_reduced', {
          date,
          category: r.category,
          removed: r.from - r.to,
          reason: r.reason,
          from: r.from,
          to: r.to,
        }),
      );
    return plan.quotas;
  });
  if (volume.confidenceScore < policy.volume.trustAboveConfidence)
    issues.push(issue('quota_dampened', { confidenceScore: volume.confidenceScore }));

  const run = (varietyMode: boolean) => {
    const reserved = new Map<SendTypeKey, number>();
    for (const c of campaignPlan.campaigns)
      if (SEND_TYPES[c.sendTypeKey].weeklyCap !== null)
        reserved.set(c.sendTypeKey, (reserved.get(c.sendTypeKey) ?? 0) + 1);
    const state: WeekState = {
      weekly: new Map(),
      reserved,
      stylePosition: 0,
      stylePatternStart: null,
    };
    const runIssues: Issue[] = [];
    // The day's pattern read from the schedule position it starts at.
    const stylesFrom = (date: string): ReadonlyArray<PpvStyle> => {
      const day = rotation.days.find((d) => d.date === date);
      if (day === undefined) return [];
      if (day.patternStartDate !== state.stylePatternStart) {
        state.stylePatternStart = day.patternStartDate;
        state.stylePosition = 0;
      }
      return fromPosition(day.pattern, state.stylePosition);
    };
    // A planned campaign the day cannot take moves to the next day while its spacing allows
    // (deferred, reported), else it is reported as not placed.
    let carried: PlannedCampaign[] = [];
    // The plan as the week goes: a deferral pushes the type's next planned campaign on by as
    // many days when it would come too close (past the week's end it is left to next week).
    let plan: ReadonlyArray<PlannedCampaign> = campaignPlan.campaigns;
    const lastDate = ctx.weekDates[ctx.weekDates.length - 1] ?? '';
    const days: AllocatedDay[] = ctx.weekDates.map((date, dayIndex) => {
      const strategy = strategies[dayIndex] ?? 'balanced_standard';
      const todays = [
        ...carried.map((c) => ({
          ...c,
          date,
          daysSincePrevious:
            c.daysSincePrevious === null ? null : c.daysSincePrevious + daysBetween(c.date, date),
        })),
        ...plan.filter((c) => c.date === date),
      ];
      carried = [];
      const dayQuotas = quotas[dayIndex] as DayQuotas;
      const [filled, unfilled, , replaced, unplaced] = allocateDay(
        rngFrom(
          ctx.seed,
          ctx.creator.creatorId,
          date,
          varietyMode ? 'allocation-variety' : 'allocation',
        ),
        dayQuotas,
        strategy,
        varietyMode,
        eligibleByCategory,
        state,
        volume,
        policy,
        stylesFrom(date),
        todays,
        matrix,
      );
      const next = ctx.weekDates[dayIndex + 1];
      for (const u of unplaced) {
        const c = u.campaign;
        const rule = policy.campaigns.rules[c.campaignType];
        const later = plan.find((p) => p.campaignType === c.campaignType && p.date > date);
        // A late campaign beats a missing one (its gap is reported by the frequency check).
        if (next !== undefined) {
          if (later !== undefined && daysBetween(next, later.date) < rule.minDaysBetween) {
            const moved = addDaysIso(next, rule.minDaysBetween);
            plan = plan.flatMap((p) =>
              p !== later ? [p] : moved <= lastDate ? [{ ...p, date: moved }] : [],
            );
            if (moved > lastDate && SEND_TYPES[later.sendTypeKey].weeklyCap !== null)
              state.reserved.set(
                later.sendTypeKey,
                Math.max(0, (state.reserved.get(later.sendTypeKey) ?? 0) - 1),
              );
            runIssues.push(
              issue('campaign_deferred', {
                date: later.date,
                to: moved,
                campaignType: later.campaignType,
                sendTypeKey: later.sendTypeKey,
                reason: 'spacing',
              }),
            );
          }
          carried.push(c);
          if (SEND_TYPES[c.sendTypeKey].weeklyCap !== null)
            state.reserved.set(c.sendTypeKey, (state.reserved.get(c.sendTypeKey) ?? 0) + 1);
          runIssues.push(
            issue('campaign_deferred', {
              date,
              to: next,
              campaignType: c.campaignType,
              sendTypeKey: c.sendTypeKey,
              reason: u.reason,
            }),
          );
        } else
          runIssues.push(
            issue('campaign_unplaced', {
              date,
              campaignType: c.campaignType,
              sendTypeKey: c.sendTypeKey,
              reason: u.reason,
            }),
          );
      }
      for (const x of replaced)
        runIssues.push(issue('bundle_send_replaced', { date, from: x.from, to: x.to }));
      for (const u of unfilled)
        runIssues.push(issue('quota_unfilled', { date, category: u.category, removed: u.removed }));
      const [drafts, cut] = unfilled.length > 0 ? rebalanceDrafts(filled, policy) : [filled, []];
      for (const c of cut) {
        const had = filled.filter((d) => d.category === c.category).length;
        runIssues.push(
          issue('quota_reduced', {
            date,
            category: c.category,
            removed: c.removed,
            reason: 'balance',
            from: had,
            to: had - c.removed,
          }),
        );
        for (const d of filled)
          if (d.category === c.category && !drafts.includes(d)) {
            state.weekly.set(d.sendTypeKey, (state.weekly.get(d.sendTypeKey) ?? 1) - 1);
            if (d.campaign !== undefined)
              runIssues.push(
                issue('campaign_unplaced', {
                  date,
                  campaignType: d.campaign.campaignType,
                  sendTypeKey: d.sendTypeKey,
                  reason: 'balance',
                }),
              );
          }
      }
      const ordered = breakRepeats(interleaveCategories(drafts));
      const flavor = STRATEGIES[strategy].flavorEmphasis;
      // RULINGS "when styles are fixed": the pattern's styles go to the day's pattern PPVs in
      // their planned order; the bundle send types are style bundle.
      const slots: AllocatedSlot[] = ordered.map((d, i) => {
        const role = ppvStyleRoleOf(d.sendTypeKey);
        const ppvStyle: PpvStyle | null =
          role === 'bundle'
            ? 'bundle'
            : role === 'pattern'
              ? ppvStyleAt(rotation, date, state.stylePosition++)
              : null;
        return {
          slotId: `${date}_${i + 1}`,
          date,
          dayIndex,
          sendTypeKey: d.sendTypeKey,
          category: d.category,
          priority: d.priority,
          strategyUsed: strategy,
          flavorEmphasis: flavor,
          ppvStyle,
          campaignType: d.campaign?.campaignType ?? null,
          gameType: d.campaign?.gameType ?? null,
        };
      });
      // The day's matrix ratio against the range with its tolerance (000 task 3.1): where the
      // quotas (the category balance wins) or the page's send types could not carry it, the
      // shortfall is reported with its numbers.
      const ppvCount = slots.filter((s) =>
        matrix.isPpv(
          s.sendTypeKey,
          s.campaignType === null
            ? 'messages'
            : channelFamily(campaignSendOf(s.campaignType, ctx.creator.pageType).channelKey),
        ),
      ).length;
      const bumpCount = slots.filter((s) => matrix.isBump(s.sendTypeKey)).length;
      const tol = policy.matrix.ratioTolerance;
      const ratio = ppvCount > 0 ? bumpCount / ppvCount : null;
      if (
        (ppvCount > 0 || bumpCount > 0) &&
        (ratio === null ||
          ratio < matrix.ratio[0] * (1 - tol) - 1e-9 ||
          ratio > matrix.ratio[1] * (1 + tol) + 1e-9)
      )
        runIssues.push(
          issue('matrix_ratio_shortfall', {
            date,
            ppvCount,
            bumpCount,
            actualRatio: ratio,
            expectedRange: matrix.ratio,
            quotas: dayQuotas,
          }),
        );
      return {
        date,
        dayIndex,
        weekday: weekdayOf(date),
        strategy,
        flavor,
        quotas: dayQuotas,
        slots,
      };
    });
    return { days, runIssues };
  };

  const a = policy.allocation;
  const possible = weekDiversity(served.map((s) => s.sendTypeKey));
  const target = {
    distinct: Math.min(a.minDistinctTypesPerWeek, possible.distinct),
    revenue: Math.min(a.minRevenueTypesPerWeek, possible.revenue),
    engagement: Math.min(a.minEngagementTypesPerWeek, possible.engagement),
  };
  const meets = (days: ReadonlyArray<AllocatedDay>) => {
    const d = weekDiversity(days.flatMap((x) => x.slots.map((s) => s.sendTypeKey)));
    return {
      d,
      ok:
        d.distinct >= target.distinct &&
        d.revenue >= target.revenue &&
        d.engagement >= target.engagement,
    };
  };
  let result = run(false);
  let check = meets(result.days);
  let varietyModeUsed = false;
  if (!check.ok) {
    issues.push(issue('diversity_restart', { ...check.d }));
    result = run(true);
    check = meets(result.days);
    varietyModeUsed = true;
  }
  const short =
    check.d.distinct < a.minDistinctTypesPerWeek ||
    check.d.revenue < a.minRevenueTypesPerWeek ||
    check.d.engagement < a.minEngagementTypesPerWeek;
  if (short) {
    const missing = [
      ...new Set(
        applicable
          .filter((x) => !served.includes(x))
          .map((x) =>
            x.requiresFlyer && (loaded.vault?.flyers ?? 0) <= 0
              ? 'flyers'
              : `${x.mediaType} content`,
          ),
      ),
    ];
    issues.push(
      issue('diversity_shortfall', {
        ...check.d,
        minimums: {
          distinct: a.minDistinctTypesPerWeek,
          revenue: a.minRevenueTypesPerWeek,
          engagement: a.minEngagementTypesPerWeek,
        },
        limitedByPage: check.ok,
        ...(missing.length > 0
          ? { recommendation: `Add ${missing.join(', ')} to the vault to unlock more send types` }
          : {}),
      }),
    );
  }
  return {
    days: result.days,
    varietyModeUsed,
    issues: [...issues, ...campaignPlan.issues, ...result.runIssues],
  };
};

/**
 * The week's campaign plan (`planCampaigns`) from the campaigns already sent (history rows and
 * the campaign port) and the games the tracker recommends from their earnings; a campaign type
 * whose send type the page or vault cannot serve is left out (reported by the planner).
 */
const planWeekCampaigns = (
  ctx: PhaseContext,
  loaded: LoadedData,
  served: ReadonlyArray<SendTypeSpec>,
): CampaignPlan => {
  const sent = sentCampaigns(loaded.history, loaded.campaignHistory ?? [], ctx.creator.timezone);
  const games = sent.flatMap((c) =>
    c.gameType !== null && c.earnings !== null
      ? [
          {
            gameType: c.gameType,
            earnings: c.earnings,
            date: c.date,
            creatorId: ctx.creator.creatorId,
          },
        ]
      : [],
  );
  const gameTypes = chooseGameTypes(getGameRecommendations(games, GAME_BENCHMARKS, ctx.policy));
  return planCampaigns(
    {
      weekDates: ctx.weekDates,
      sent,
      sendTypeOf: (type) => {
        const k = campaignSendOf(type, ctx.creator.pageType).sendTypeKey;
        return served.some((s) => s.sendTypeKey === k) ? k : null;
      },
      gameTypes,
    },
    ctx.policy,
  );
};
