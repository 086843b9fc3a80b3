/**
 * Link drops and the campaigns they promote (seed 003 task 2.4): every `link_drop` and
 * `wall_link_drop` names, in `parentItemId`, the campaign it promotes, and expires 24 hours after
 * it is sent (the catalog's `expirationHours`, set with its time in phase 5).
 *
 * @module
 */
import { type Issue, issue } from '../domain/issues';
import type { SchedulePolicy } from '../domain/policy';
import {
  compareSlotIds,
  isLinkDrop,
  isLinkDropCampaign,
  type LinkDropSend,
  linkDropMayPromote,
} from '../domain/rules';
import { isoToEpochMinute } from '../domain/time';

/**
 * The sends with each link drop's `parentItemId` set, and what could not be linked.
 *
 * @since 0.3.0
 * @category timing
 */
export interface LinkedDrops<T extends LinkDropSend> {
  /** The input sends in their input order; only link drops change (`parentItemId`). */
  readonly items: ReadonlyArray<T>;
  /** One `link_drop_unlinked` (info) per link drop left with `parentItemId: null`. */
  readonly issues: ReadonlyArray<Issue>;
}

/**
 * Links every link drop to the campaign it promotes: the latest campaign (`isLinkDropCampaign`:
 * an allocated revenue send, never a follow-up) sent before it and less than
 * `policy.timing.linkDropLookbackHours` (24) hours earlier (`linkDropMayPromote`), so the link
 * points at a live campaign. A link drop with no such campaign gets `parentItemId: null` and a
 * `link_drop_unlinked` info issue (a Monday-morning link drop, a page whose day has no revenue
 * send yet). Every other send is returned as it is, follow-ups and their parents included.
 *
 * Input: sends in any order (`ScheduleItem`s or phase 5 `TimedSlot`s), `scheduledAt` UTC ISO
 * instants. Send order is the instant, then the slot id (`compareSlotIds`); a send whose
 * `scheduledAt` does not parse is neither linked nor a parent. Pure and deterministic: one sort
 * and one pass over the sends. Never fails.
 *
 * @example
 * // ppv_unlock 10:07, link_drop 14:22, wall_link_drop the next day 12:38 (26 h later)
 * linkDropParents(items, DEFAULT_POLICY)
 * // link_drop.parentItemId === ppv.slotId; wall_link_drop.parentItemId === null + link_drop_unlinked
 *
 * Source: seed 003 task 2.4 (`parent_id`, `create_link_drop(parent_campaign, ...)`); seed 001
 * §5.7 (link_drop 24 hours, "Campaign freshness"); docs/rulings.md "Timing" (link drop parent).
 *
 * @since 0.3.0
 * @category timing
 */
export const linkDropParents = <T extends LinkDropSend>(
  items: ReadonlyArray<T>,
  policy: Pick<SchedulePolicy, 'timing'>,
): LinkedDrops<T> => {
  const order = items
    .map((item, index) => ({ item, index, epoch: isoToEpochMinute(item.scheduledAt) }))
    .filter((x) => Number.isFinite(x.epoch))
    .sort((a, b) => a.epoch - b.epoch || compareSlotIds(a.item.slotId, b.item.slotId));
  const out = [...items];
  const issues: Issue[] = [];
  let latest: T | null = null; // the latest campaign of an earlier minute
  let pending: T | null = null; // the latest campaign of the current minute
  let minute = Number.NaN;
  for (const { item, index, epoch } of order) {
    if (epoch !== minute) {
      if (pending !== null) latest = pending;
      pending = null;
      minute = epoch;
    }
    if (isLinkDrop(item)) {
      const parent = latest !== null && linkDropMayPromote(latest, item, policy) ? latest : null;
      const parentItemId = parent === null ? null : parent.slotId;
      if (item.parentItemId !== parentItemId) out[index] = { ...item, parentItemId };
      if (parent === null)
        issues.push(
          issue(
            'link_drop_unlinked',
            {
              slotId: item.slotId,
              sendTypeKey: item.sendTypeKey,
              scheduledAt: item.scheduledAt,
              lookbackHours: policy.timing.linkDropLookbackHours,
            },
            `slots.${item.slotId}`,
          ),
        );
    } else if (isLinkDropCampaign(item)) pending = item;
  }
  return { items: out, issues };
};
