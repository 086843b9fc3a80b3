/**
 * Phase 2: send-type allocation with daily variation. Source: seed 001 §2.1-§2.6, phase 2
 * checkpoint and recovery; RULINGS "Allocation (phase 2)".
 *
 * @module
 */
import {
  CATEGORIES,
  type Category,
  type ChannelFamily,
  channelFamily,
  SEND_TYPES,
  type SendTypeKey,
  type SendTypeSpec,
  sendTypesForPage,
} from '../domain/catalog';
import { type Issue, issue } from '../domain/issues';
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import type {
  AllocatedDay,
  AllocatedSlot,
  Allocation,
  DayQuotas,
  LoadedData,
  PhaseContext,
} from '../domain/stages';
import { weekdayOf } from '../domain/time';
import type { Vault } from '../domain/types';
import { type Rng, rngFrom, weightedPick } from '../random/rng';
import type { VolumeResult } from '../volume/types';
import { apportion } from '../volume/weekly';
import { STRATEGIES, type StrategyKey, selectDailyStrategies } from './strategies';

/**
 * Per-day quotas from the weekly distribution: the weekday's total split across categories in
 * the ratio of `finalConfig` (largest remainder, so the parts sum to the day's total), then the
 * confidence dampening of seed 001 §2.2 on the revenue quota: below 0.6 toward the conservative
 * quota by `confidence / 0.6`; between 0.6 and 0.8 up to 10 % toward the base tier quota;
 * from 0.8 unchanged. Every quota stays inside the policy bounds.
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
  const clamp = (x: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, x));
  return {
    revenue: clamp(revenue, v.bounds.revenue),
    engagement: clamp(eng, v.bounds.engagement),
    retention: f.retentionPerDay === 0 ? 0 : clamp(ret, v.bounds.retention),
  };
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
 * blocks the window touches (3 x 4 = 12 with the defaults). Source: RULINGS "spacing".
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
  return blocks * t.maxPerBlock;
};

/**
 * Whether the vault can serve a send type: its media kind has items and, when it needs a flyer,
 * a flyer exists. An unknown vault (`null`) serves everything. Source: seed 001 §1.5.
 *
 * @since 0.1.0
 * @category allocation
 */
export const vaultServes = (spec: SendTypeSpec, vault: Vault | null): boolean => {
  if (vault === null) return true;
  if (spec.requiresMedia && spec.mediaType !== 'none' && vault.media[spec.mediaType] <= 0)
    return false;
  if (spec.requiresFlyer && vault.flyers <= 0) return false;
  return true;
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
 * Orders a day's slots R, E, R, E, Ret, ... (seed 001 §2.6).
 *
 * @since 0.1.0
 * @category allocation
 */
export const interleaveCategories = <A extends { readonly category: Category }>(
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
export const breakRepeats = <A extends { readonly sendTypeKey: SendTypeKey }>(
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
}

interface DraftSlot {
  readonly sendTypeKey: SendTypeKey;
  readonly category: Category;
  readonly priority: number;
}

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
    w *= a.highOpportunityPriority[spec.sendTypeKey] ?? 1;
  if (volume.fusedOpportunity < a.lowOpportunityBelow)
    w *= a.lowOpportunityPriority[spec.sendTypeKey] ?? 1;
  // Novelty: a type not yet used this week is more likely (keeps the 10-type diversity reachable).
  return used === 0 ? w * 1.5 : w;
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
): readonly [ReadonlyArray<DraftSlot>, ReadonlyArray<Category>, Rng] => {
  let r = rng;
  const daily = new Map<SendTypeKey, number>();
  const family = new Map<ChannelFamily, number>();
  const familyCap = familyDailyCapacity(policy);
  const familyOf = (s: SendTypeSpec): ChannelFamily | null => {
    const first = channelFamily(s.channel);
    if ((family.get(first) ?? 0) < familyCap) return first;
    const second = s.secondChannel ? channelFamily(s.secondChannel) : null;
    return second !== null && (family.get(second) ?? 0) < familyCap ? second : null;
  };
  const drafts: DraftSlot[] = [];
  const unfilled: Category[] = [];
  const leastUsed = forceLeastUsed || STRATEGIES[strategy].selection === 'least_used';
  for (const category of CATEGORIES) {
    let last: SendTypeKey | null = null;
    for (let n = 0; n < quotas[category]; n++) {
      const open = eligibleByCategory[category].filter((s) => {
        const cap = s.weeklyCap;
        return (
          (cap === null || (state.weekly.get(s.sendTypeKey) ?? 0) < cap) &&
          (daily.get(s.sendTypeKey) ?? 0) < dailyCapacity(s, policy) &&
          familyOf(s) !== null
        );
      });
      const noRepeat = open.filter((s) => s.sendTypeKey !== last);
      const pool = noRepeat.length > 0 ? noRepeat : open;
      if (pool.length === 0) {
        unfilled.push(category);
        break;
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
      drafts.push({ sendTypeKey: pick.sendTypeKey, category, priority: n + 1 });
      daily.set(pick.sendTypeKey, (daily.get(pick.sendTypeKey) ?? 0) + 1);
      const fam = familyOf(pick) as ChannelFamily;
      family.set(fam, (family.get(fam) ?? 0) + 1);
      state.weekly.set(pick.sendTypeKey, (state.weekly.get(pick.sendTypeKey) ?? 0) + 1);
      last = pick.sendTypeKey;
    }
  }
  return [drafts, unfilled, r];
};

/**
 * Distinct send types of a week, overall and per category (follow-ups excluded).
 *
 * @since 0.1.0
 * @category allocation
 */
export const weekDiversity = (
  keys: ReadonlyArray<SendTypeKey>,
): { readonly distinct: number; readonly revenue: number; readonly engagement: number } => {
  const set = new Set(keys);
  const count = (c: Category) => [...set].filter((k) => SEND_TYPES[k].category === c).length;
  return { distinct: set.size, revenue: count('revenue'), engagement: count('engagement') };
};

/**
 * Phase 2: allocates the week. For each day: the day's quotas (weekly distribution, confidence
 * dampening), a strategy (no consecutive repeat, 3+ a week), send types drawn per category by
 * strategy-weighted selection (or least-used for `variety_max`) among the types applicable to
 * the page, generated by allocation, served by the vault, under their weekly cap and daily
 * capacity, never the same type twice in a row; then interleaved R, E, R, E, Ret. When the week
 * misses the diversity minimums (10 types, 5 revenue, 5 engagement, bounded by what the page can
 * use) it is allocated again in variety mode.
 *
 * Issues: `send_type_unavailable` (info, vault cannot serve a type), `quota_dampened` (info),
 * `quota_unfilled` (warning), `diversity_restart` (info), `diversity_shortfall` (warning).
 *
 * Source: seed 001 §2.1-§2.6, phase 2 checkpoint and recovery; RULINGS "Allocation".
 *
 * @since 0.1.0
 * @category allocation
 */
export const allocateWeek = (
  ctx: PhaseContext,
  loaded: LoadedData,
  volume: VolumeResult,
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
        issue(
          'allocation',
          'info',
          'send_type_unavailable',
          `${s.sendTypeKey} needs ${s.requiresFlyer ? 'a flyer' : s.mediaType} the vault does not have`,
          { sendTypeKey: s.sendTypeKey },
        ),
      );
  const eligibleByCategory = {
    revenue: served.filter((s) => s.category === 'revenue'),
    engagement: served.filter((s) => s.category === 'engagement'),
    retention: served.filter((s) => s.category === 'retention'),
  };
  const [strategies] = selectDailyStrategies(
    rngFrom(ctx.seed, ctx.creator.creatorId, ctx.weekDates[0] ?? '', 'strategies'),
    ctx.weekDates.length,
    volume.fusedSaturation,
    volume.fusedOpportunity,
    policy,
  );
  const capacity = categoryCapacity(eligibleByCategory, policy);
  const quotas = ctx.weekDates.map((d, i) => {
    const raw = calculateDayQuotas(volume, weekdayOf(d), policy);
    const fitted = rebalanceQuotas(raw, capacity, policy);
    if (
      fitted.revenue !== raw.revenue ||
      fitted.engagement !== raw.engagement ||
      fitted.retention !== raw.retention
    )
      issues.push(
        issue(
          'allocation',
          'info',
          'quota_rebalanced',
          `${d}: ${raw.revenue}/${raw.engagement}/${raw.retention} cannot be sent with the page's send types - rebalanced to ${fitted.revenue}/${fitted.engagement}/${fitted.retention}`,
          { date: d, dayIndex: i, from: raw, to: fitted, capacity },
        ),
      );
    return fitted;
  });
  if (volume.confidenceScore < policy.volume.trustAboveConfidence)
    issues.push(
      issue(
        'allocation',
        'info',
        'quota_dampened',
        `Confidence ${volume.confidenceScore.toFixed(2)} - revenue quotas damped toward conservative values`,
        { confidenceScore: volume.confidenceScore },
      ),
    );

  const run = (varietyMode: boolean) => {
    const state: WeekState = { weekly: new Map() };
    const runIssues: Issue[] = [];
    const days: AllocatedDay[] = ctx.weekDates.map((date, dayIndex) => {
      const strategy = strategies[dayIndex] ?? 'balanced_standard';
      const dayQuotas = quotas[dayIndex] as DayQuotas;
      const [drafts, unfilled] = allocateDay(
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
      );
      for (const c of unfilled)
        runIssues.push(
          issue(
            'allocation',
            'warning',
            'quota_unfilled',
            `${date}: no eligible ${c} send type left for the day's quota`,
            { date, category: c },
          ),
        );
      const ordered = breakRepeats(interleaveCategories(drafts));
      const flavor = STRATEGIES[strategy].flavorEmphasis;
      const slots: AllocatedSlot[] = ordered.map((d, i) => ({
        slotId: `${date}_${i + 1}`,
        date,
        dayIndex,
        sendTypeKey: d.sendTypeKey,
        category: d.category,
        priority: d.priority,
        strategyUsed: strategy,
        flavorEmphasis: flavor,
      }));
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
    issues.push(
      issue(
        'allocation',
        'info',
        'diversity_restart',
        `Only ${check.d.distinct} send types (${check.d.revenue} revenue, ${check.d.engagement} engagement) - allocating again in variety mode`,
        { ...check.d },
      ),
    );
    result = run(true);
    check = meets(result.days);
    varietyModeUsed = true;
  }
  const short =
    check.d.distinct < a.minDistinctTypesPerWeek ||
    check.d.revenue < a.minRevenueTypesPerWeek ||
    check.d.engagement < a.minEngagementTypesPerWeek;
  if (short) {
    const limitedByPage = !check.ok
      ? 'the allocation could not reach them'
      : 'the page and its vault do not offer enough send types';
    issues.push(
      issue(
        'allocation',
        'warning',
        'diversity_shortfall',
        `Week uses ${check.d.distinct} send types (${check.d.revenue} revenue, ${check.d.engagement} engagement), under the ${a.minDistinctTypesPerWeek} / ${a.minRevenueTypesPerWeek} / ${a.minEngagementTypesPerWeek} minimums: ${limitedByPage}`,
        {
          ...check.d,
          possible,
          recommendation:
            applicable.length > served.length
              ? `Add ${[...new Set(applicable.filter((x) => !served.includes(x)).map((x) => (x.requiresFlyer && (loaded.vault?.flyers ?? 0) <= 0 ? 'flyers' : `${x.mediaType} content`)))].join(', ')} to the vault to unlock more send types`
              : undefined,
        },
      ),
    );
  }
  return { days: result.days, varietyModeUsed, issues: [...issues, ...result.runIssues] };
};
