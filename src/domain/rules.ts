/**
 * Rule predicates shared by the phases and the validator, each written once: the window, round
 * minutes, 4-hour blocks, whether a channel reaches a target, a send type's target, whether the
 * vault serves a send type, the week's diversity, and which campaign a link drop may promote.
 *
 * Source: RULINGS "Timing", "Channels", "Allocation"; seed 001 §1.5, §4.2-§4.4, phase 2
 * checkpoint; seed 003 task 2.4.
 *
 * @module
 */
import {
  type Category,
  CHANNELS,
  type ChannelKey,
  REVENUE_VARIETY_TYPES,
  SEND_TYPES,
  type SendTypeKey,
  type SendTypeSpec,
  TARGETS,
  type TargetKey,
} from './catalog';
import type { SchedulePolicy } from './policy';
import { isoToEpochMinute } from './time';
import type { ScheduleItem, Vault } from './types';

const minuteOfHour = (minute: number): number => ((minute % 60) + 60) % 60;

/**
 * Whether a minute of the day falls on one of `policy.timing.roundMinutes` (by default :00, :15,
 * :30, :45). Works for any integer minute, including negative ones and ones past midnight.
 *
 * Source: seed 003 gap 10.7; RULINGS "jitter".
 *
 * @example
 * isRoundMinute(20 * 60 + 15, DEFAULT_POLICY) // true
 * isRoundMinute(20 * 60 + 7, DEFAULT_POLICY)  // false
 *
 * @since 0.1.0
 * @category rules
 */
export const isRoundMinute = (
  minuteOfDay: number,
  policy: Pick<SchedulePolicy, 'timing'>,
): boolean => policy.timing.roundMinutes.includes(minuteOfHour(minuteOfDay));

/**
 * Whether a minute of the day (0-1439) lies in the sending window (08:00-23:30 by default, both
 * ends included). Source: RULINGS "Timing" (window).
 *
 * @since 0.2.0
 * @category rules
 */
export const inWindow = (minuteOfDay: number, policy: Pick<SchedulePolicy, 'timing'>): boolean =>
  minuteOfDay >= policy.timing.windowStartMinute && minuteOfDay <= policy.timing.windowEndMinute;

/**
 * The half of the day a minute (0-1439) lies in: `AM` before `amPmSplitHour` (12:00), else `PM`.
 * The one predicate of the same-style AM/PM split (003 task 2.2) and the creator's AM/PM
 * preference (003 task 2.8).
 *
 * @example
 * dayHalfOf(11 * 60 + 59, DEFAULT_POLICY.rotation) // 'AM'
 * dayHalfOf(12 * 60, DEFAULT_POLICY.rotation) // 'PM'
 *
 * @since 0.3.0
 * @category rules
 */
export const dayHalfOf = (
  minuteOfDay: number,
  rotation: Pick<SchedulePolicy['rotation'], 'amPmSplitHour'>,
): 'AM' | 'PM' => (Math.floor(minuteOfDay / 60) < rotation.amPmSplitHour ? 'AM' : 'PM');

/**
 * The block of the day a minute belongs to: `floor(minuteOfDay / policy.timing.blockMinutes)`
 * (by default 4-hour blocks starting at 00:00, so 0-5).
 *
 * Source: seed 001 §5.4 rule 3; RULINGS "Timing" (spacing).
 *
 * @since 0.1.0
 * @category rules
 */
export const blockIndex = (minuteOfDay: number, policy: Pick<SchedulePolicy, 'timing'>): number =>
  Math.floor(minuteOfDay / policy.timing.blockMinutes);

/**
 * Whether a channel can address an audience target: the target lists the channel, and a
 * target other than `all_active` needs a channel that supports targeting.
 * Source: seed 001 §4.1, §4.4.
 *
 * @since 0.2.0
 * @category rules
 */
export const channelReachesTarget = (channel: ChannelKey, target: TargetKey): boolean =>
  TARGETS[target].channels.includes(channel) &&
  (target === 'all_active' || CHANNELS[channel].supportsTargeting);

/**
 * The target a send type asks for: its required target, else its default, else `all_active`.
 * Source: seed 001 §4.2-§4.3.
 *
 * @since 0.2.0
 * @category rules
 */
export const targetOfSendType = (spec: SendTypeSpec): TargetKey =>
  spec.requiredTarget ?? spec.defaultTarget ?? 'all_active';

/**
 * Whether the vault can serve a send type: its media kind has items and, when it needs a flyer,
 * a flyer exists. An unknown vault (`null`) serves everything (001 phase 1 recovery "assume all
 * content available"). Source: seed 001 §1.5.
 *
 * @since 0.1.0
 * @category rules
 */
export const vaultServes = (spec: SendTypeSpec, vault: Vault | null): boolean => {
  if (vault === null) return true;
  if (spec.requiresMedia && spec.mediaType !== 'none' && vault.media[spec.mediaType] <= 0)
    return false;
  if (spec.requiresFlyer && vault.flyers <= 0) return false;
  return true;
};

/**
 * Distinct send types of a week, overall, revenue types counted from the seed's set of 7
 * (`REVENUE_VARIETY_TYPES`) and engagement types.
 * Source: seed 001 phase 2 checkpoint; RULINGS "diversity", "revenue variety".
 *
 * @since 0.1.0
 * @category rules
 */
export const weekDiversity = (
  keys: ReadonlyArray<SendTypeKey>,
): {
  /** Distinct send types of the week (the minimum is 10). */
  readonly distinct: number;
  /** Distinct revenue types among the seed's set of 7 (`REVENUE_VARIETY_TYPES`; the minimum is 5). */
  readonly revenue: number;
  /** Distinct engagement types (the minimum is 5). */
  readonly engagement: number;
} => {
  const set = new Set(keys);
  let revenue = 0;
  let engagement = 0;
  for (const k of set) {
    if (REVENUE_VARIETY_TYPES.includes(k)) revenue++;
    if (SEND_TYPES[k].category === 'engagement') engagement++;
  }
  return { distinct: set.size, revenue, engagement };
};

/**
 * Which category-balance bounds a count of allocated items breaks: revenue below
 * `revenueMinShare` (30 %), engagement below `engagementMinShare` (25 %), retention above
 * `retentionMaxShare` (20 %) of the total. Empty when the balance holds or there are no items.
 * The allocator plans with it and the validator checks with it.
 *
 * Source: seed 001 phase 7 checkpoint; RULINGS "category balance is a hard rule".
 *
 * @since 0.2.0
 * @category rules
 */
export const balanceViolations = (
  counts: Readonly<Record<Category, number>>,
  policy: Pick<SchedulePolicy, 'validation'>,
): ReadonlyArray<{
  /** The category whose share breaks its bound. */
  readonly category: Category;
  /** `min` for a share below its minimum (revenue, engagement), `max` for one above its maximum (retention). */
  readonly kind: 'min' | 'max';
  /** The bound broken, a share 0-1 (`policy.validation.revenueMinShare`...). */
  readonly bound: number;
  /** The category's actual share of the items, 0-1. */
  readonly share: number;
}> => {
  const total = counts.revenue + counts.engagement + counts.retention;
  if (total <= 0) return [];
  const v = policy.validation;
  const bounds = [
    { category: 'revenue', kind: 'min', bound: v.revenueMinShare },
    { category: 'engagement', kind: 'min', bound: v.engagementMinShare },
    { category: 'retention', kind: 'max', bound: v.retentionMaxShare },
  ] as const;
  // Shares compared in whole items (a * total) so 3 of 10 is exactly 30 %.
  const EPS = 1e-9;
  return bounds
    .filter((b) =>
      b.kind === 'min'
        ? counts[b.category] < b.bound * total - EPS
        : counts[b.category] > b.bound * total + EPS,
    )
    .map((b) => ({ ...b, share: counts[b.category] / total }));
};

/**
 * Items per category of `items` (each counted under its `category`).
 *
 * Input: any items with a `category`. Output: `{ revenue, engagement, retention }` counts.
 *
 * Source: seed 001 §1.4 categories; RULINGS "category balance is a hard rule".
 *
 * @since 0.2.0
 * @category rules
 */
export const categoryCounts = (
  items: ReadonlyArray<{ readonly category: Category }>,
): Record<Category, number> => {
  const out: Record<Category, number> = { revenue: 0, engagement: 0, retention: 0 };
  for (const x of items) out[x.category] += 1;
  return out;
};

/**
 * The category to remove one item from to bring `counts` back toward the category balance:
 * too much retention drops retention; too little revenue drops retention, else engagement; too
 * little engagement drops retention, else revenue. `undefined` when the balance holds or no
 * such item is left. The allocator's day rebalancing and the timing phase's drops both use it.
 *
 * Source: seed 001 phase 7 checkpoint; RULINGS "category balance is a hard rule".
 *
 * @since 0.2.0
 * @category rules
 */
export const balanceVictim = (
  counts: Readonly<Record<Category, number>>,
  policy: Pick<SchedulePolicy, 'validation'>,
): Category | undefined => {
  const broken = balanceViolations(counts, policy)[0];
  if (broken === undefined) return undefined;
  const victims: ReadonlyArray<Category> =
    broken.category === 'retention'
      ? ['retention']
      : broken.category === 'revenue'
        ? ['retention', 'engagement']
        : ['retention', 'revenue'];
  return victims.find((c) => counts[c] > 0);
};

/**
 * Compares slot ids naturally (`2025-01-20_2` before `2025-01-20_10`): the tie-break of send
 * order everywhere a week is sorted by time.
 *
 * @since 0.3.0
 * @category rules
 */
export const compareSlotIds = (a: string, b: string): number => {
  const re = /\d+|\D+/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    const numeric = /^\d/.test(x) && /^\d/.test(y) ? Number(x) - Number(y) : 0;
    if (numeric !== 0) return numeric;
    if (x !== y) return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
};

const specOfKey = (sendTypeKey: string): SendTypeSpec | undefined =>
  (SEND_TYPES as Readonly<Record<string, SendTypeSpec | undefined>>)[sendTypeKey];

/**
 * What the link-drop rules read of a send: a `ScheduleItem` or a phase 5 `TimedSlot`.
 *
 * @since 0.3.0
 * @category rules
 */
export type LinkDropSend = Pick<
  ScheduleItem,
  'slotId' | 'sendTypeKey' | 'isFollowUp' | 'scheduledAt' | 'parentItemId'
>;

/**
 * Whether a send is a link drop (`link_drop`, `wall_link_drop`: the catalog's
 * `promotesCampaign`): a send that links to the campaign it promotes. A follow-up never is;
 * an unknown send type is not.
 *
 * Source: seed 003 task 2.4 (`send_type in ['link_drop', 'wall_link_drop']`).
 *
 * @since 0.3.0
 * @category rules
 */
export const isLinkDrop = (send: Pick<LinkDropSend, 'sendTypeKey' | 'isFollowUp'>): boolean =>
  !send.isFollowUp && specOfKey(send.sendTypeKey)?.promotesCampaign === true;

/**
 * Whether a send is a campaign a link drop may promote: an allocated revenue send (ppv_unlock,
 * ppv_wall, tip_goal, vip_program, game_post, bundle, flash_bundle, snapchat_bundle,
 * first_to_tip; the catalog's `category`), never a follow-up. The RULINGS campaigns (wall
 * campaigns on ppv_wall / tip_goal, bundle wall campaigns, games) are all among them.
 *
 * Source: seed 003 task 2.4 (`create_link_drop(parent_campaign, ...)`); seed 001 §1.4
 * (categories), §5.7 (link_drop expiry "Campaign freshness"); RULINGS "Campaigns and games";
 * docs/rulings.md "Timing" (link drop parent).
 *
 * @since 0.3.0
 * @category rules
 */
export const isLinkDropCampaign = (
  send: Pick<LinkDropSend, 'sendTypeKey' | 'isFollowUp'>,
): boolean => !send.isFollowUp && specOfKey(send.sendTypeKey)?.category === 'revenue';

/**
 * Whether `campaign` may be the parent of `linkDrop`: it is a campaign (`isLinkDropCampaign`)
 * sent strictly before the link drop and less than `policy.timing.linkDropLookbackHours` (24)
 * hours earlier, so the campaign is still live when the link goes out. Instants are compared in
 * whole UTC minutes; an unreadable `scheduledAt` on either side gives `false`. Does not look at
 * `linkDrop`'s own send type (see `isLinkDrop`).
 *
 * @example
 * // a ppv_unlock at 10:07 and a link_drop at 14:22 the same day
 * linkDropMayPromote(ppv, link, DEFAULT_POLICY) // true
 *
 * Source: seed 003 task 2.4; docs/rulings.md "Timing" (link drop parent).
 *
 * @since 0.3.0
 * @category rules
 */
export const linkDropMayPromote = (
  campaign: Pick<LinkDropSend, 'sendTypeKey' | 'isFollowUp' | 'scheduledAt'>,
  linkDrop: Pick<LinkDropSend, 'scheduledAt'>,
  policy: Pick<SchedulePolicy, 'timing'>,
): boolean => {
  if (!isLinkDropCampaign(campaign)) return false;
  const gap = isoToEpochMinute(linkDrop.scheduledAt) - isoToEpochMinute(campaign.scheduledAt);
  return gap > 0 && gap < policy.timing.linkDropLookbackHours * 60;
};
