/**
 * The week's pinned posts (phase 7, after assembly): the built items are the pin candidates of
 * `planPins`, the current pins come from the load phase (`getActivePins`), and the plan becomes
 * `result.pins` with its issues in the report.
 *
 * Source: seed 003 gap 1.6, task 2.5 (`PinnedPostManager`).
 *
 * @module
 */
import { mean } from 'simple-statistics';
import type { SendTypeKey } from '../domain/catalog';
import { type Issue, type IssueCode, type IssueDetailsByCode, issue } from '../domain/issues';
import type { LoadedData, PhaseContext, PinReport } from '../domain/stages';
import { addDaysIso, epochMinuteToIso, localToEpochMinute } from '../domain/time';
import type { MassMessage, ScheduleItem } from '../domain/types';
import { planPins } from '../timing/pins';
import { historyIndexOf } from '../volume/historyIndex';

/**
 * The earnings of `history`'s messages of `sendTypeKey`, in history order. For a remembered
 * history (frozen messages, `historyIndexOf`) one pass lists every send type's, once per
 * history (issue 11: no pass over the history per build); otherwise the type's own filter.
 */
const earningsOfType = (
  history: ReadonlyArray<MassMessage>,
  sendTypeKey: SendTypeKey,
): ReadonlyArray<number> => {
  const index = historyIndexOf(history, true);
  if (!index.remembered)
    return history.filter((m) => m.sendTypeKey === sendTypeKey).map((m) => m.earnings);
  const byType = index.memo('earningsByType', () => {
    const out = new Map<string, number[]>();
    for (const m of index.history) {
      const list = out.get(m.sendTypeKey);
      if (list === undefined) out.set(m.sendTypeKey, [m.earnings]);
      else list.push(m.earnings);
    }
    for (const list of out.values()) Object.freeze(list);
    return out as ReadonlyMap<string, ReadonlyArray<number>>;
  });
  return byType.get(sendTypeKey) ?? [];
};

/**
 * The estimated revenue of a pin candidate, USD, rounded to cents: the mean earnings per past
 * send of its send type in `history` (the 90 days of mass messages before the week), else, for
 * a type without history, its `suggestedPrice` x `defaultPriceBuyers` (10 buyers, the same
 * default as a follow-up parent's revenue), 0 when it has no price. It is the pin's `priority`
 * (003 task 2.5 `estimated_revenue`): the lowest is unpinned first.
 *
 * Source: seed 003 task 2.5 (`priority  # Based on estimated revenue`); docs/rulings.md
 * "Timing" (pins).
 *
 * @example
 * pinEstimatedRevenue({ sendTypeKey: 'ppv_wall', suggestedPrice: 14.99 }, [], 10) // 149.9
 *
 * @since 0.3.0
 * @category pipeline
 */
export const pinEstimatedRevenue = (
  item: Pick<ScheduleItem, 'sendTypeKey' | 'suggestedPrice'>,
  history: ReadonlyArray<MassMessage>,
  defaultPriceBuyers: number,
): number => {
  const own = earningsOfType(history, item.sendTypeKey);
  const raw =
    own.length > 0 ? mean(own as number[]) : (item.suggestedPrice ?? 0) * defaultPriceBuyers;
  return Number.isFinite(raw) && raw > 0 ? Math.round(raw * 100) / 100 : 0;
};

/** The issue with `path` renamed by `rename` (its message rendered again for the new path). */
const repath = (i: Issue, rename: (path: string) => string): Issue =>
  i.path === null
    ? i
    : (issue(
        i.code as IssueCode,
        i.details as unknown as IssueDetailsByCode[IssueCode],
        rename(i.path),
      ) as Issue);

/**
 * Plans the week's pins: every built item is a candidate of `planPins` (only
 * `policy.pins.pinnedSendTypes`, `ppv_wall` and `game_post`, are pinned), each with its slot id
 * as the post id, its send instant and `pinEstimatedRevenue`; the current pins are
 * `loaded.activePins`; the week runs from local midnight of its first date to local midnight
 * after its last (`[weekStartAt, weekEndAt)`, in the creator's zone, DST-safe). At most
 * `policy.pins.maxPinned` (5) pins at any instant, each for `pinDurationHours` (72) elapsed
 * hours; a candidate finding every place taken evicts the lowest pin only when its revenue is
 * strictly higher, else it is skipped.
 *
 * Returns the report (`result.pins`) and the plan's issues, their paths naming the item
 * (`items[12]`, the index in `items`) or the current pin (`activePins[2]`): info `pin_skipped`,
 * `pin_evicted`, `pin_over_limit`; warning `pin_candidate_invalid` for an item whose slot id is
 * already a current pin's post id. Pure; never fails.
 *
 * Source: seed 003 gap 1.6, task 2.5.
 *
 * @since 0.3.0
 * @category pipeline
 */
export const planWeekPins = (
  ctx: PhaseContext,
  loaded: LoadedData,
  items: ReadonlyArray<ScheduleItem>,
): {
  /** The week's pin report (`ScheduleResult.pins`). */
  readonly pins: PinReport;
  /** The plan's issues (`pin_skipped`, `pin_evicted`, `pin_over_limit`, `pin_candidate_invalid`). */
  readonly issues: ReadonlyArray<Issue>;
} => {
  const zone = ctx.creator.timezone;
  const first = ctx.weekDates[0] ?? '1970-01-05';
  const last = ctx.weekDates[ctx.weekDates.length - 1] ?? first;
  const weekStartAt = epochMinuteToIso(localToEpochMinute(first, 0, zone));
  const weekEndAt = epochMinuteToIso(localToEpochMinute(addDaysIso(last, 1), 0, zone));
  const buyers = ctx.policy.followups.defaultPriceBuyers;
  const revenueByType = new Map<SendTypeKey, number>();
  const revenueOf = (i: ScheduleItem): number => {
    const hit = revenueByType.get(i.sendTypeKey);
    if (hit !== undefined) return hit;
    const r = pinEstimatedRevenue(i, loaded.history, buyers);
    revenueByType.set(i.sendTypeKey, r);
    return r;
  };
  const pinnable = new Set<SendTypeKey>(ctx.policy.pins.pinnedSendTypes);
  const plan = planPins(
    {
      candidates: items.map((i) => ({
        itemId: i.slotId,
        sendTypeKey: i.sendTypeKey,
        scheduledAt: i.scheduledAt,
        estimatedRevenue: pinnable.has(i.sendTypeKey) && !i.isFollowUp ? revenueOf(i) : 0,
      })),
      currentPins: loaded.activePins,
      weekStartAt,
      weekEndAt,
    },
    ctx.policy.pins,
  );
  return {
    pins: {
      pinsBefore: loaded.activePins,
      actions: plan.actions,
      pinsAfter: plan.pinsAfter,
      skipped: plan.skipped,
      weekStartAt,
      weekEndAt,
    },
    issues: plan.issues.map((i) =>
      repath(i, (p) =>
        p.replace(/^candidates\[/, 'items[').replace(/^currentPins\[/, 'activePins['),
      ),
    ),
  };
};
