/**
 * Phase 7a: assembly. Source: seed 001 §7.1, "Phase 7 Output".
 *
 * @module
 */
import { CATEGORIES, type Category, type SendTypeKey } from '../domain/catalog';
import type { Issue } from '../domain/issues';
import type {
  AllocatedDay,
  LoadedData,
  PhaseContext,
  ScheduleSummary,
  TimedSlot,
  WithFollowups,
} from '../domain/stages';
import type { ScheduleItem } from '../domain/types';
import type { VolumeResult } from '../volume/types';
import { pricedWithReason } from './pricing';

/**
 * Turns the timed slots (with follow-ups) into schedule items sorted by instant then slot id,
 * pricing each revenue send with `pricedWithReason` (`suggestPrice` with its reason) and the volume confidence (001 consumption
 * rule 4).
 *
 * Source: seed 001 §7.1.
 *
 * @example
 * import { assembleItems } from 'eros-schedule';
 *
 * // `ctx`, `data` and `volume` as in `trackVolume`'s example; `withFollowups` of phase 6
 * const items = assembleItems(ctx, data.loaded, volume, withFollowups);
 * items.length; // 69: the 56 allocated sends and 13 follow-ups
 * items[0]?.scheduledAt; // '2025-01-20T17:53:00.000Z' (09:53 in Los Angeles)
 * items.find((i) => i.suggestedPrice !== null)?.suggestedPrice; // 15.99
 *
 * @since 0.1.0
 * @category pipeline
 */
export const assembleItems = (
  ctx: PhaseContext,
  loaded: LoadedData,
  volume: VolumeResult,
  withFollowups: WithFollowups,
): ReadonlyArray<ScheduleItem> => {
  // One pass over the history per send type, not per item (issue 11 "linear everywhere").
  const prices = new Map<SendTypeKey, ReturnType<typeof pricedWithReason>>();
  const priceOf = (sendTypeKey: SendTypeKey): ReturnType<typeof pricedWithReason> => {
    if (!prices.has(sendTypeKey))
      prices.set(
        sendTypeKey,
        pricedWithReason(sendTypeKey, loaded.history, volume.confidenceScore, ctx.policy),
      );
    return prices.get(sendTypeKey) ?? null;
  };
  return [...withFollowups.slots]
    .sort((a, b) => a.epochMinute - b.epochMinute || a.slotId.localeCompare(b.slotId))
    .map((s: TimedSlot): ScheduleItem => {
      const priced = s.isFollowUp ? null : priceOf(s.sendTypeKey);
      return {
        slotId: s.slotId,
        scheduledDate: s.scheduledDate,
        movedFromDate: s.movedFromDate,
        scheduledTime: s.scheduledTime,
        scheduledAt: s.scheduledAt,
        sendTypeKey: s.sendTypeKey,
        ppvStyle: s.ppvStyle,
        campaignType: s.campaignType,
        gameType: s.gameType,
        category: s.category,
        channelKey: s.channelKey,
        targetKey: s.targetKey,
        captionId: s.captionId,
        captionText: s.captionText,
        contentTypeId: s.contentTypeId,
        mediaType: s.mediaType,
        flyerRequired: s.flyerRequired,
        suggestedPrice: priced?.price ?? null,
        priority: s.priority,
        isFollowUp: s.isFollowUp,
        parentItemId: s.parentItemId,
        followupDelayMinutes: s.followupDelayMinutes,
        expiresAt: s.expiresAt,
        strategyUsed: s.strategyUsed,
        flavorEmphasis: s.flavorEmphasis,
        variationMetadata: s.variationMetadata,
        needsCaption: s.needsCaption,
        reasons: {
          caption: s.captionReason,
          price: priced?.reason ?? null,
          target: s.targetReason,
        },
      };
    });
};

/**
 * Counts of the week. Source: seed 001 "Phase 7 Output" `summary`.
 *
 * @since 0.1.0
 * @category pipeline
 */
export const summarize = (
  ctx: PhaseContext,
  items: ReadonlyArray<ScheduleItem>,
  days: ReadonlyArray<AllocatedDay>,
  dailyPrimeHours: Readonly<Record<string, ReadonlyArray<number>>>,
  adjustments: ReadonlyArray<Issue>,
): ScheduleSummary => {
  // One pass over the items (issue 11: linear everywhere), then the counts in table order.
  const perCategory = new Map<unknown, number>();
  const perDate = new Map<unknown, number>();
  const sendTypes = new Set<SendTypeKey>();
  let followups = 0;
  for (const i of items) {
    perCategory.set(i.category, (perCategory.get(i.category) ?? 0) + 1);
    perDate.set(i.scheduledDate, (perDate.get(i.scheduledDate) ?? 0) + 1);
    sendTypes.add(i.sendTypeKey);
    if (i.isFollowUp) followups++;
  }
  const byCategory = Object.fromEntries(
    CATEGORIES.map((c) => [c, perCategory.get(c) ?? 0]),
  ) as Record<Category, number>;
  const byDay = Object.fromEntries(ctx.weekDates.map((d) => [d, perDate.get(d) ?? 0]));
  return {
    totalItems: items.length,
    byCategory,
    byDay,
    followupsGenerated: followups,
    uniqueSendTypes: sendTypes.size,
    dailyStrategies: Object.fromEntries(days.map((d) => [d.date, d.strategy])),
    dailyPrimeHours,
    adjustments,
  };
};
