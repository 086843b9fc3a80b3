/**
 * Weekly limits of the exclusive send types over plain item lists: the validator of seed 000
 * task 3.5, the enforcement that removes the lowest-priority items over a limit, and the
 * validation check built on the validator.
 *
 * Source: seed 000 gap 7.1, task 3.5 `validate_weekly_limits`; seed 001 §2.4; RULINGS
 * "Allocation" (weekly caps).
 *
 * @module
 */
import { SEND_TYPE_KEYS, SEND_TYPES, type SendTypeKey } from '../domain/catalog';
import { ISSUE_CODES, type Issue, issue } from '../domain/issues';
import type { ValidationInput } from './types';

/**
 * Weekly limits: the most items of a send type a week may hold, by `sendTypeKey`. A key that is
 * absent, `null` or not a number is uncapped; a limit is rounded down, and one below 0 counts
 * as 0.
 *
 * Source: seed 000 task 3.5 `WEEKLY_LIMITS`.
 *
 * @since 0.2.0
 * @category validation
 */
export type WeeklyLimits = Readonly<Record<string, number | null | undefined>>;

/**
 * The default weekly limits: every send type of the catalog with a `weeklyCap`, in catalog
 * order: tip_goal 3, vip_program 1, snapchat_bundle 1. Frozen.
 *
 * Source: seed 000 gap 7.1, task 3.5 `WEEKLY_LIMITS` (vip_program 1, snapchat_bundle 1); seed
 * 001 §2.4 (tip_goal 3); RULINGS "Allocation" (weekly caps).
 *
 * @since 0.2.0
 * @category validation
 */
export const WEEKLY_LIMITS: Readonly<Partial<Record<SendTypeKey, number>>> = Object.freeze(
  Object.fromEntries(
    SEND_TYPE_KEYS.flatMap((k) => {
      const cap = SEND_TYPES[k].weeklyCap;
      return cap === null ? [] : [[k, cap] as const];
    }),
  ),
);

/**
 * Anything with a send type: a schedule item, an allocated slot, a plain record.
 *
 * Source: seed 000 task 3.5 (`item.get('send_type')`).
 *
 * @since 0.2.0
 * @category validation
 */
export interface WeeklyLimitItem {
  /** The item's send type key (`vip_program`, `tip_goal`...); a key without a limit is uncapped. */
  readonly sendTypeKey: string;
}

/**
 * One send type over its weekly limit: `actual` items against `limit`, and the message of the
 * issue table (`weekly_cap_exceeded`: "vip_program over-scheduled: 2x this week (max: 1)").
 *
 * Source: seed 000 task 3.5 `warnings[]` (`send_type`, `actual`, `limit`, `message`).
 *
 * @since 0.2.0
 * @category validation
 */
export interface WeeklyLimitWarning {
  /** The send type over its limit. Source: 000 task 3.5 `send_type`. */
  readonly sendTypeKey: string;
  /** Items of the type in the week (> `limit`). */
  readonly actual: number;
  /** The type's weekly limit, rounded down and at least 0. */
  readonly limit: number;
  /** The `weekly_cap_exceeded` message, e.g. `vip_program over-scheduled: 2x this week (max: 1)`. */
  readonly message: string;
}

/**
 * Result of `validateWeeklyLimits`: `isValid` when no send type is over its limit; `warnings`
 * one per send type over it, in the order of the limits.
 *
 * Source: seed 000 task 3.5 (`is_valid`, `warnings`).
 *
 * @since 0.2.0
 * @category validation
 */
export interface WeeklyLimitValidation {
  /** `true` when no send type is over its limit. */
  readonly isValid: boolean;
  /** One per send type over its limit, in the order of the limits. */
  readonly warnings: ReadonlyArray<WeeklyLimitWarning>;
}

/** The limits as `[key, limit]` in their order, the uncapped ones left out. */
const limitEntries = (limits: WeeklyLimits): ReadonlyArray<readonly [string, number]> =>
  Object.entries(limits).flatMap(([key, limit]) =>
    typeof limit === 'number' && !Number.isNaN(limit) && limit !== Number.POSITIVE_INFINITY
      ? [[key, Math.max(0, Math.floor(limit))] as const]
      : [],
  );

const countByType = (items: ReadonlyArray<WeeklyLimitItem>): ReadonlyMap<string, number> => {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.sendTypeKey, (counts.get(i.sendTypeKey) ?? 0) + 1);
  return counts;
};

const warningMessage = (sendTypeKey: string, actual: number, limit: number): string =>
  ISSUE_CODES.weekly_cap_exceeded.message({ sendTypeKey, count: actual, max: limit }, null);

/**
 * Counts the items of each limited send type in the week and reports every type over its limit
 * (`actual > limit`). Every item counts, whatever else it carries (follow-ups have no limit).
 * `limits` defaults to `WEEKLY_LIMITS` (vip_program 1, snapchat_bundle 1, tip_goal 3). Returns
 * a value, never fails (errors: none); `checkWeeklyCaps` turns the warnings into
 * `weekly_cap_exceeded` errors.
 *
 * Source: seed 000 gap 7.1, task 3.5 `validate_weekly_limits`; RULINGS "Allocation".
 *
 * @example
 * validateWeeklyLimits([{ sendTypeKey: 'vip_program' }, { sendTypeKey: 'vip_program' }])
 * // { isValid: false, warnings: [{ sendTypeKey: 'vip_program', actual: 2, limit: 1,
 * //   message: 'vip_program over-scheduled: 2x this week (max: 1)' }] }
 *
 * @since 0.2.0
 * @category validation
 */
export const validateWeeklyLimits = (
  items: ReadonlyArray<WeeklyLimitItem>,
  limits: WeeklyLimits = WEEKLY_LIMITS,
): WeeklyLimitValidation => {
  const counts = countByType(items);
  const warnings = limitEntries(limits).flatMap(([sendTypeKey, limit]) => {
    const actual = counts.get(sendTypeKey) ?? 0;
    return actual > limit
      ? [{ sendTypeKey, actual, limit, message: warningMessage(sendTypeKey, actual, limit) }]
      : [];
  });
  return { isValid: warnings.length === 0, warnings };
};

/**
 * An item `enforceWeeklyLimits` can rank:
 *
 * - `priority`: 1 = first of its category that day, larger = lower priority (the allocated
 *   slot's `priority`); not a number ranks lowest.
 * - `scheduledAt`: ISO instant, optional; between equal priorities the later one is the lower.
 *   An item without a readable one ranks below every item that has one.
 * - `slotId`: the last tie-break, the larger (in string order) is the lower, and the name in the
 *   report.
 *
 * Source: seed 000 task 3.5, issue 8 (remove the lowest priority); seed 001 §2.5 (`priority`).
 *
 * @since 0.2.0
 * @category validation
 */
export interface WeeklyLimitEnforceItem extends WeeklyLimitItem {
  /** 1 = first of its category that day, larger = lower priority; not a number ranks lowest. */
  readonly priority: number;
  /** The last tie-break (the larger, in string order, is the lower) and the name in the report. */
  readonly slotId: string;
  /** ISO instant; between equal priorities the later is the lower; absent or unreadable ranks below every readable one. */
  readonly scheduledAt?: string | null;
}

/**
 * Options of `enforceWeeklyLimits`: `limits`, default `WEEKLY_LIMITS`.
 *
 * Source: seed 000 task 3.5.
 *
 * @since 0.2.0
 * @category validation
 */
export interface WeeklyLimitOptions {
  /** The weekly limits by send type (default `WEEKLY_LIMITS`: tip_goal 3, vip_program 1, snapchat_bundle 1). */
  readonly limits?: WeeklyLimits;
}

/**
 * An item removed by `enforceWeeklyLimits`: its send type had `actual` items against `limit`,
 * and it ranked `rank` (1 = highest priority, always > `limit`). `reason` is always
 * `weekly_limit_exceeded`.
 *
 * Source: seed 000 task 3.5; RULINGS "Validation" (nothing lost: every removal named).
 *
 * @since 0.2.0
 * @category validation
 */
export interface WeeklyLimitRemoval<A> {
  /** The removed item, untouched. */
  readonly item: A;
  /** The item's `slotId`. */
  readonly slotId: string;
  /** The item's send type. */
  readonly sendTypeKey: string;
  /** Always `weekly_limit_exceeded`. */
  readonly reason: 'weekly_limit_exceeded';
  /** Items of the type in the input week. */
  readonly actual: number;
  /** The type's weekly limit. */
  readonly limit: number;
  /** The item's place among the type's items, 1 = highest priority (always > `limit`). */
  readonly rank: number;
}

/**
 * Result of `enforceWeeklyLimits`.
 *
 * - `kept`: the items kept, in input order; no limited type is over its limit among them.
 * - `removed`: the items removed, by send type in the order of the limits, then by rank.
 * - `before`: `validateWeeklyLimits` of the input (what was over).
 * - `modified`: whether anything was removed.
 *
 * Every input item is in `kept` or in `removed`, once.
 *
 * Source: seed 000 task 3.5; RULINGS "Validation" (nothing lost).
 *
 * @since 0.2.0
 * @category validation
 */
export interface WeeklyLimitEnforcement<A> {
  /** The items kept, in input order; no limited type is over its limit among them. */
  readonly kept: ReadonlyArray<A>;
  /** The items removed, by send type in the order of the limits, then by rank. */
  readonly removed: ReadonlyArray<WeeklyLimitRemoval<A>>;
  /** `validateWeeklyLimits` of the input (what was over). */
  readonly before: WeeklyLimitValidation;
  /** Whether anything was removed. */
  readonly modified: boolean;
}

const priorityKey = (p: number): number =>
  typeof p === 'number' && !Number.isNaN(p) ? p : Number.POSITIVE_INFINITY;

const timeKey = (at: string | null | undefined): number => {
  const t = typeof at === 'string' ? Date.parse(at) : Number.NaN;
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
};

/** Highest priority first: smaller `priority`, then earlier `scheduledAt`, then smaller `slotId`. */
const byRank = (a: WeeklyLimitEnforceItem, b: WeeklyLimitEnforceItem): number => {
  const pa = priorityKey(a.priority);
  const pb = priorityKey(b.priority);
  if (pa !== pb) return pa < pb ? -1 : 1;
  const ta = timeKey(a.scheduledAt);
  const tb = timeKey(b.scheduledAt);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.slotId < b.slotId ? -1 : a.slotId > b.slotId ? 1 : 0;
};

/**
 * Removes the lowest-priority items of every send type over its weekly limit, so that each
 * limited type keeps exactly `limit` items: the type's items are ranked (smaller `priority`
 * first, then earlier `scheduledAt`, then smaller `slotId`; see `WeeklyLimitEnforceItem`) and
 * those ranked after `limit` are removed, each with its reason. Types within their limit and
 * uncapped types are untouched. Pure, never fails (errors: none); the input is not changed. `buildSchedule`
 * applies it to the allocated week as a guard and reports each removal (`weekly_limit_removed`).
 *
 * Source: seed 000 gap 7.1, task 3.5 (limits; enforcement by removing the lowest priority);
 * RULINGS "Allocation" (weekly caps), "Validation" (nothing lost).
 *
 * @example
 * enforceWeeklyLimits([
 *   { sendTypeKey: 'vip_program', priority: 1, slotId: '2025-01-20_3' },
 *   { sendTypeKey: 'vip_program', priority: 2, slotId: '2025-01-22_4' },
 * ]).removed.map((r) => r.slotId) // ['2025-01-22_4']
 *
 * @since 0.2.0
 * @category validation
 */
export const enforceWeeklyLimits = <A extends WeeklyLimitEnforceItem>(
  items: ReadonlyArray<A>,
  options: WeeklyLimitOptions = {},
): WeeklyLimitEnforcement<A> => {
  const limits = options.limits ?? WEEKLY_LIMITS;
  const before = validateWeeklyLimits(items, limits);
  const removedIndex = new Set<number>();
  const removed: WeeklyLimitRemoval<A>[] = [];
  for (const { sendTypeKey, actual, limit } of before.warnings) {
    const ranked = items
      .map((item, index) => ({ item, index }))
      .filter((x) => x.item.sendTypeKey === sendTypeKey)
      .sort((a, b) => byRank(a.item, b.item) || a.index - b.index);
    ranked.slice(limit).forEach(({ item, index }, i) => {
      removedIndex.add(index);
      removed.push({
        item,
        slotId: item.slotId,
        sendTypeKey,
        reason: 'weekly_limit_exceeded',
        actual,
        limit,
        rank: limit + i + 1,
      });
    });
  }
  return {
    kept: items.filter((_, i) => !removedIndex.has(i)),
    removed,
    before,
    modified: removed.length > 0,
  };
};

/**
 * Weekly caps as a check: one error `weekly_cap_exceeded` (`sendTypeKey`, `count`, `max`) per
 * warning of `validateWeeklyLimits` with the catalog's caps (vip_program 1, snapchat_bundle 1,
 * tip_goal 3).
 *
 * Source: seed 001 §2.4; seed 000 task 3.5; RULINGS "Allocation".
 *
 * @since 0.1.0
 * @category validation
 */
export const checkWeeklyCaps = (input: ValidationInput): ReadonlyArray<Issue> =>
  validateWeeklyLimits(input.items).warnings.map((w) =>
    issue('weekly_cap_exceeded', { sendTypeKey: w.sendTypeKey, count: w.actual, max: w.limit }),
  );
