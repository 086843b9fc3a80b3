/**
 * Why an item is where it is: its time, caption, price and target, from the reasons the phases
 * recorded on the item (`variationMetadata`, `reasons`) and the issues of the build that name its
 * slot. Pure: the result of a build in, an explanation out.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { ChannelKey, TargetKey } from '../domain/catalog';
import type { Issue } from '../domain/issues';
import type { ScheduleResult } from '../domain/stages';
import type {
  CaptionReason,
  PriceReason,
  ScheduleItem,
  TargetReason,
  VariationMetadata,
} from '../domain/types';
import {
  channelName,
  plural,
  sendTypeName,
  shortTime,
  targetName,
  usd,
  weekdayName,
} from './words';

/**
 * The time part of an explanation: the local date and time, what they were built from (the
 * preferred hour, the morning/evening shift and the jitter, in minutes), whether a rule moved
 * the item and why, and for a follow-up its parent and delay (minutes).
 *
 * Source: seed 001 §5.2-§5.7, 003 task 2.6 (jitter), §6.5 (follow-ups).
 *
 * @since 0.3.0
 * @category render
 */
export interface TimeExplanation extends VariationMetadata {
  /** The item's local date `YYYY-MM-DD` in the creator's zone. */
  readonly scheduledDate: string;
  /** The item's local time `HH:mm:ss`. */
  readonly scheduledTime: string;
  /** The same moment as a UTC ISO instant. */
  readonly scheduledAt: string;
  /** The local date `YYYY-MM-DD` the item was allocated to before it moved to the next day, else `null`. */
  readonly movedFromDate: string | null;
  /** A follow-up's parent `slotId` (or a link drop's parent campaign slot), else `null`. */
  readonly parentItemId: string | null;
  /** Minutes after the parent, follow-ups only (15-45); `null` otherwise. */
  readonly followupDelayMinutes: number | null;
}

/**
 * Why an item is here: the item, the four parts of its explanation, the issues of the build that
 * name its slot (relaxations, fallbacks, degradations, failed checks; each issue once) and the
 * explanation in plain language, one line per fact.
 *
 * @since 0.3.0
 * @category render
 */
export interface ItemExplanation {
  /** The slot explained (`YYYY-MM-DD_N`, follow-ups `<parent>_followup`). */
  readonly slotId: string;
  /** The item as the build answered it. */
  readonly item: ScheduleItem;
  /** How the item's time was built and whether a rule moved it. */
  readonly time: TimeExplanation;
  /** Where the caption came from (phase 3 reason), with the caption chosen. */
  readonly caption: CaptionReason & {
    /** The caption chosen, `null` when `needsCaption`. */
    readonly captionId: string | null;
    /** Whether no caption was found and one must be written by hand. */
    readonly needsCaption: boolean;
  };
  /** How the price was set (default, history median, confidence, clamp), `null` for a free send. */
  readonly price:
    | (PriceReason & {
        /** The item's price, USD. */
        readonly suggestedPrice: number;
      })
    | null;
  /** The target and channel the send type asked for and the fallbacks taken, with what was used. */
  readonly target: TargetReason & {
    /** The audience the item targets. */
    readonly targetKey: TargetKey;
    /** The channel the item is sent on. */
    readonly channelKey: ChannelKey;
  };
  /** The build's issues that name the slot (adjustments, errors, warnings, notes), each once, in report order. */
  readonly issues: ReadonlyArray<Issue>;
  /** The explanation in plain language, one line per fact. */
  readonly lines: ReadonlyArray<string>;
}

/**
 * The slot asked for is not in the week: its id and the week's slot ids, so a caller can
 * suggest one.
 *
 * @since 0.3.0
 * @category render
 */
export interface SlotNotFound {
  /** Always `slot_not_found`. */
  readonly code: 'slot_not_found';
  /** The slot id asked for. */
  readonly slotId: string;
  /** For people: the slot id, the week start and the creator. */
  readonly message: string;
  /** Every slot id of the week, in item order. */
  readonly knownSlotIds: ReadonlyArray<string>;
}

/** Whether an issue names the slot: in its details (`slotId`, `slotIds`, `parentItemId` for what happened to its follow-up) or its path. */
const namesSlot = (i: Issue, slotId: string, index: number): boolean => {
  const d = (i.details ?? {}) as Readonly<Record<string, unknown>>;
  if (d.slotId === slotId) return true;
  if (Array.isArray(d.slotIds) && d.slotIds.includes(slotId)) return true;
  if (d.parentItemId === slotId) return true;
  const p = i.path ?? '';
  return p === `items[${index}]` || p.startsWith(`items[${index}].`) || p === `slots.${slotId}`;
};

/** The issues of a result that name the slot, each once, in report order. */
const issuesOf = (result: ScheduleResult, slotId: string, index: number): Issue[] => {
  const all = [
    ...result.summary.adjustments,
    ...result.validation.errors,
    ...result.validation.warnings,
    ...result.validation.notes,
  ];
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const i of all) {
    if (!namesSlot(i, slotId, index)) continue;
    const key = `${i.code}|${i.path}|${i.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(i);
  }
  return out;
};

const signed = (n: number): string => (n >= 0 ? `+${n}` : `${n}`);

const timeLines = (t: TimeExplanation, item: ScheduleItem, tz: string): string[] => {
  const lines = [
    `Time: ${weekdayName(t.scheduledDate)} ${t.scheduledDate} at ${shortTime(t.scheduledTime)} (${tz}), ${t.scheduledAt} UTC.`,
  ];
  if (item.isFollowUp && t.parentItemId !== null)
    lines.push(
      `  A follow-up ${t.followupDelayMinutes ?? '?'} minutes after its parent ${t.parentItemId} (a delay drawn from the follow-up window).`,
    );
  else
    lines.push(
      `  Built from the preferred hour ${String(t.baseHour).padStart(2, '0')}:00, shifted ${signed(t.timeShift)} min (morning/evening shift) with a jitter of ${signed(t.jitter)} min; the day's prime hours were ${t.primeHoursUsed.join(', ') || 'none'}; strategy ${t.dailyStrategy}.`,
    );
  if (t.timeAdjusted)
    lines.push(
      `  A rule moved it from its preferred time: ${t.adjustmentReason ?? 'not recorded'}.`,
    );
  if (t.fallbackUsed) lines.push('  No preferred hour was free, so a fallback hour was used.');
  if (t.movedFromDate !== null)
    lines.push(`  Allocated to ${t.movedFromDate} and moved to the next day to keep its spacing.`);
  return lines;
};

const captionLines = (c: ItemExplanation['caption'], item: ScheduleItem): string[] => {
  const scores =
    c.scores === null
      ? ''
      : ` Score ${c.scores.compositeScore.toFixed(1)} of 100 (freshness ${c.scores.freshnessScore.toFixed(1)}, performance ${c.scores.performanceScore.toFixed(1)}, type priority ${c.scores.typePriorityScore.toFixed(1)}, diversity ${c.scores.diversityScore.toFixed(1)}, persona ${c.scores.personaScore.toFixed(1)}).`;
  switch (c.source) {
    case 'pool':
      return [
        `Caption: ${c.captionId} from the ${sendTypeName(item.sendTypeKey)} caption types, best of ${c.candidates} candidates at degradation level ${c.level ?? 0} (freshness >= ${c.minFreshness ?? 0}, performance >= ${c.minPerformance ?? 0}).${scores}`,
      ];
    case 'generic':
      return [
        `Caption: ${c.captionId} from the generic pool (no caption of the send type's own types was left at any level), best of ${c.candidates} candidates.${scores}`,
      ];
    case 'followup_pool':
      return [
        `Caption: ${c.captionId}, the freshest unused follow-up caption of ${c.candidates} left (ranked by freshness, then performance).`,
      ];
    default:
      return [
        `Caption: none was left (${c.candidates} candidates); write one by hand (MANUAL_REQUIRED).`,
      ];
  }
};

const priceLines = (p: ItemExplanation['price']): string[] => {
  if (p === null) return ['Price: none (this send is free).'];
  const base = `Price: ${usd(p.suggestedPrice)}.`;
  const why =
    p.historyMedian === null
      ? ` The send type's default of ${usd(p.defaultPrice)}: ${p.historyPrices === 0 ? 'no priced send' : `only ${plural(p.historyPrices, 'priced send')}`} of this type in the history, too few for a median.`
      : ` The default ${usd(p.defaultPrice)} moved toward the history median ${usd(p.historyMedian)} (${plural(p.historyPrices, 'priced send')}) by the volume confidence ${p.confidence.toFixed(2)}, ending in .99.`;
  return [`${base}${why}${p.clamped ? ' Then held inside the policy price range.' : ''}`];
};

const FALLBACK_WORDS: Readonly<Record<TargetReason['fallbacks'][number], string>> = {
  target_not_applicable: 'this page type has no such audience, so it goes to all active fans',
  channel_switched: 'the channel could not reach that audience, so another channel is used',
  channel_incompatible: 'the channel could not reach that audience, so it goes to all active fans',
};

const targetLines = (t: ItemExplanation['target']): string[] => {
  const asked = `${targetName(t.sendTypeTarget)} by ${channelName(t.sendTypeChannel)}`;
  const got = `${targetName(t.targetKey)} by ${channelName(t.channelKey)}`;
  if (t.fallbacks.length === 0) return [`Target: ${got}, as the send type asks.`];
  return [
    `Target: ${got}. The send type asks for ${asked}; ${t.fallbacks.map((f) => FALLBACK_WORDS[f]).join('; ')}.`,
  ];
};

/**
 * Explains one item of a week: `Right` with its time (preferred hour, shift, jitter, moves and
 * fallbacks), caption (source, degradation level with its thresholds, candidates, score parts
 * 0-100), price (USD: default, history median, confidence, clamp), target (asked and fallbacks)
 * and every issue naming its slot, with plain-language `lines`; `Left` `slot_not_found` when the
 * week has no such slot.
 *
 * @example
 * pipe(explainItem(week, '2025-01-20_1'), E.map((e) => e.lines.join('\n')))
 *
 * Source: seed 001 §7.3 (the report), "Logging Strategy" (audit trails).
 *
 * @since 0.3.0
 * @category render
 */
export const explainItem = (
  result: ScheduleResult,
  slotId: string,
): E.Either<SlotNotFound, ItemExplanation> => {
  const index = result.items.findIndex((i) => i.slotId === slotId);
  const item = result.items[index];
  if (item === undefined)
    return E.left({
      code: 'slot_not_found',
      slotId,
      message: `no item ${JSON.stringify(slotId)} in the week of ${result.weekStart} for ${result.creatorId}`,
      knownSlotIds: result.items.map((i) => i.slotId),
    });
  const time: TimeExplanation = {
    ...item.variationMetadata,
    scheduledDate: item.scheduledDate,
    scheduledTime: item.scheduledTime,
    scheduledAt: item.scheduledAt,
    movedFromDate: item.movedFromDate,
    parentItemId: item.parentItemId,
    followupDelayMinutes: item.followupDelayMinutes,
  };
  const caption = {
    ...item.reasons.caption,
    captionId: item.captionId,
    needsCaption: item.needsCaption,
  };
  const price =
    item.reasons.price === null || item.suggestedPrice === null
      ? null
      : { ...item.reasons.price, suggestedPrice: item.suggestedPrice };
  const target = { ...item.reasons.target, targetKey: item.targetKey, channelKey: item.channelKey };
  const issues = issuesOf(result, slotId, index);
  const lines = [
    `${slotId}: ${sendTypeName(item.sendTypeKey)} (${item.category})${item.campaignType === null ? '' : `, campaign ${item.campaignType}`}${item.gameType === null ? '' : `, game ${item.gameType}`}.`,
    ...timeLines(time, item, result.creator.timezone),
    ...captionLines(caption, item),
    ...priceLines(price),
    ...targetLines(target),
    ...(issues.length === 0
      ? ['Issues: none name this slot.']
      : ['Issues naming this slot:', ...issues.map((i) => `  [${i.severity}] ${i.message}`)]),
  ];
  return E.right({ slotId, item, time, caption, price, target, issues, lines });
};
