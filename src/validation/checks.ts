/**
 * The nine quality checks of seed 001 §7.2. Each is a pure `(input) => Issue[]`.
 *
 * @module
 */
import { matchesPersona } from '../content/persona';
import { type Issue, issue } from '../domain/issues';
import { hhmm, instantToLocal, steadyOffsetAt } from '../domain/time';
import type { ScheduleItem } from '../domain/types';
import { groupBy, groupsOver, type Indexed, itemPath } from './helpers';
import type { Check, ValidationInput } from './types';
import { weekCheck } from './week';

const MINUTES_PER_DAY = 1440;

const REQUIRED_FIELDS = [
  'slotId',
  'scheduledDate',
  'scheduledTime',
  'scheduledAt',
  'sendTypeKey',
  'channelKey',
  'targetKey',
] as const satisfies ReadonlyArray<keyof ScheduleItem>;

/** A non-empty string. */
const filled = (v: unknown): boolean => typeof v === 'string' && v.length > 0;

/** Whether every `REQUIRED_FIELDS` field of the item is a non-empty string (each read once). */
const hasRequiredFields = (item: ScheduleItem): boolean =>
  filled(item.slotId) &&
  filled(item.scheduledDate) &&
  filled(item.scheduledTime) &&
  filled(item.scheduledAt) &&
  filled(item.sendTypeKey) &&
  filled(item.channelKey) &&
  filled(item.targetKey);

/**
 * Check 1: every item has `scheduledDate`, `scheduledTime`, `sendTypeKey`, `channelKey`,
 * `targetKey` (001), plus `slotId` and `scheduledAt`, which the other checks read.
 * One error `missing_field` per missing or empty field.
 *
 * Source: seed 001 §7.2 check 1.
 *
 * @since 0.1.0
 * @category validation
 */
export const checkRequiredFields = (input: ValidationInput): ReadonlyArray<Issue> => {
  const out: Issue[] = [];
  const items = input.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as ScheduleItem;
    // Issue 11: an item with every field is told by direct reads; the loop names what is missing.
    if (hasRequiredFields(item)) continue;
    for (const f of REQUIRED_FIELDS) {
      const v: unknown = item[f];
      if (typeof v !== 'string' || v.length === 0)
        out.push(issue('missing_field', { slotId: item.slotId ?? null, field: f }, itemPath(i, f)));
    }
  }
  return out;
};

/**
 * Every item has its own `slotId`: the follow-ups, the explanations and the records refer to an
 * item by it. Error `duplicate_slot_id` per id used more than once (a row copied in an edited
 * file). `buildSchedule` never makes one.
 *
 * Source: seed 001 §7.1 (the item's slot id).
 *
 * @since 0.3.0
 * @category validation
 */
export const checkSlotIds: Check = weekCheck((w) =>
  // Issue 11: the week's id map has one key per item when no id repeats.
  w.groups().distinctIds
    ? []
    : groupsOver(
        w.input.items,
        () => true,
        (i) => i.slotId,
        1,
      ).map(([slotId, g]) => issue('duplicate_slot_id', { slotId, count: g.length })),
);

/**
 * Every item's local date and time and its instant name the same moment: `scheduledAt`, seen in
 * the creator's zone, falls on `scheduledDate` at `scheduledTime` (to the minute). The other
 * checks read one or the other (spacing and conflicts the instant, the window the local time), so
 * an edit of one without the other would pass them both; this check makes it an error
 * `local_time_mismatch` per item (with the local date and time the instant gives). Items whose
 * fields are missing or unreadable are left to `checkRequiredFields` and the codec.
 *
 * Source: seed 001 §7.1 (the item); RULINGS "Timing" (time zones).
 *
 * @since 0.3.0
 * @category validation
 */
export const checkLocalTimes: Check = weekCheck((w) => {
  const timeZone = w.input.creator.timezone;
  const items = w.input.items;
  // Issue 11: the instant is read once (`epochAt`) and seen in the zone through the day's
  // steady offset; the local date's text is made once per day. An item that this does not show
  // on its own date and time (a transition day, an unreadable clock time, a mismatch) takes
  // `instantToLocal`, which decides.
  // The items come mostly in time order: the last UTC day's offset and the last local day's
  // text are kept before the maps are asked.
  const dayText = new Map<number, string>();
  let utcDay = Number.NaN;
  let utcOffset = Number.NaN;
  let localDay = Number.NaN;
  let localText = '';
  const out: Issue[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as ScheduleItem;
    const epoch = w.epochAt(i);
    if (!Number.isFinite(epoch) || typeof item.scheduledTime !== 'string') continue;
    if (Math.floor(epoch / MINUTES_PER_DAY) !== utcDay) {
      utcDay = Math.floor(epoch / MINUTES_PER_DAY);
      utcOffset = steadyOffsetAt(epoch, timeZone);
    }
    const offset = utcOffset;
    const minute = w.minuteAt(i);
    if (Number.isInteger(offset) && Number.isFinite(minute)) {
      const wall = epoch + offset;
      const day = Math.floor(wall / MINUTES_PER_DAY);
      let date = day === localDay ? localText : dayText.get(day);
      if (date === undefined) {
        date = new Date(day * MINUTES_PER_DAY * 60_000).toISOString().slice(0, 10);
        dayText.set(day, date);
      }
      localDay = day;
      localText = date;
      if (wall - day * MINUTES_PER_DAY === minute && date === item.scheduledDate) continue;
    }
    const local = instantToLocal(item.scheduledAt, timeZone);
    const localTime = hhmm(local.minuteOfDay);
    if (local.date === item.scheduledDate && localTime === item.scheduledTime.slice(0, 5)) continue;
    out.push(
      issue(
        'local_time_mismatch',
        {
          slotId: item.slotId,
          scheduledAt: item.scheduledAt,
          scheduledDate: item.scheduledDate,
          scheduledTime: item.scheduledTime,
          localDate: local.date,
          localTime,
          timeZone,
        },
        itemPath(i, 'scheduledAt'),
      ),
    );
  }
  return out;
});

/**
 * Check 2: no caption twice in the schedule. One warning `duplicate_caption` per caption id
 * used more than once (`details.count`, `details.slotIds`). Items without a caption are ignored.
 *
 * Source: seed 001 §7.2 check 2; RULINGS "Content matching" (duplicates).
 *
 * @since 0.1.0
 * @category validation
 */
export const checkCaptionUniqueness = (input: ValidationInput): ReadonlyArray<Issue> => {
  // Issue 11: one set of the ids tells a week where no caption repeats.
  const seen = new Set<unknown>();
  let kept = 0;
  for (const i of input.items)
    if (i.captionId !== null && i.captionId !== undefined) {
      kept++;
      seen.add(i.captionId);
    }
  if (seen.size === kept) return [];
  return groupsOver(
    input.items,
    (i) => i.captionId !== null && i.captionId !== undefined,
    (i) => i.captionId as string,
    1,
  ).map(([captionId, g]) =>
    issue('duplicate_caption', { captionId, count: g.length, slotIds: g.map((i) => i.slotId) }),
  );
};

/**
 * Check 3: every item's `contentTypeId` is in the vault with at least one item. Error
 * `vault_missing` per item otherwise. Skipped when the vault is unknown (`null`).
 *
 * Source: seed 001 §7.2 check 3.
 *
 * @since 0.1.0
 * @category validation
 */
export const checkVaultAvailability = (input: ValidationInput): ReadonlyArray<Issue> => {
  const vault = input.vault;
  if (vault === null) return [];
  const out: Issue[] = [];
  const items = input.items;
  for (let index = 0; index < items.length; index++) {
    const item = items[index] as ScheduleItem;
    if (item.contentTypeId === null || item.contentTypeId === undefined) continue;
    if ((vault.contentTypes[item.contentTypeId] ?? 0) <= 0)
      out.push(
        issue(
          'vault_missing',
          { slotId: item.slotId, contentTypeId: item.contentTypeId },
          itemPath(index, 'contentTypeId'),
        ),
      );
  }
  return out;
};

/**
 * Check 4: no two items at the same instant. One error `timing_conflict` per instant shared
 * by two or more items (`details.slotIds`).
 *
 * Source: seed 001 §7.2 check 4; RULINGS "Timing" (no two sends share a minute).
 *
 * @since 0.1.0
 * @category validation
 */
export const checkTimingConflicts: Check = weekCheck((w) => {
  // Issue 11: in time order, items that share an instant are neighbours.
  const g = w.groups();
  if (g.order !== null) {
    let shared = false;
    for (let j = 1; j < g.order.length && !shared; j++)
      shared = g.epoch[g.order[j - 1] as number] === g.epoch[g.order[j] as number];
    if (!shared) return [];
  }
  return groupsOver(
    w.all(),
    (x) => Number.isFinite(w.epochAt(x.index)),
    (x) => w.epochAt(x.index),
    1,
  ).map(([, g]) =>
    issue('timing_conflict', {
      scheduledAt: (g[0] as Indexed).item.scheduledAt ?? '',
      slotIds: g.map((x) => x.item.slotId),
    }),
  );
});

/**
 * Check 5: a day's allocated (non-follow-up) items never exceed the sum of the upper volume
 * bounds (`policy.volume.bounds`, 10 + 8 + 4 = 22). Warning `daily_volume_exceeded` per day.
 *
 * Source: seed 001 §7.2 check 5; phase 1 checkpoint bounds.
 *
 * @since 0.1.0
 * @category validation
 */
export const checkDailyVolume: Check = weekCheck((w) => {
  const input = w.input;
  const b = input.policy.volume.bounds;
  const max = b.revenue[1] + b.engagement[1] + b.retention[1];
  // Issue 11: the allocated items counted per date on the shared grouping first.
  const g = w.groups();
  const perDate = new Int32Array(g.dates);
  let over = false;
  for (let i = 0; i < g.size && !over; i++)
    if (g.followUp[i] === 0) {
      const c = (perDate[g.date[i] as number] as number) + 1;
      perDate[g.date[i] as number] = c;
      over = c > max;
    }
  if (!over) return [];
  return [
    ...groupBy(
      input.items.filter((i) => !i.isFollowUp),
      (i) => i.scheduledDate,
    ),
  ]
    .filter(([, g]) => g.length > max)
    .map(([date, g]) => issue('daily_volume_exceeded', { date, count: g.length, max }));
});

/**
 * Check 6: each caption matches the creator's persona (`matchesPersona`, score >= 40).
 * Warning `persona_mismatch` per item otherwise. Skipped without a persona and for items
 * waiting for a manual caption.
 *
 * Source: seed 001 §7.2 check 6.
 *
 * @since 0.1.0
 * @category validation
 */
export const checkPersonaConsistency = (input: ValidationInput): ReadonlyArray<Issue> => {
  const persona = input.persona;
  if (persona === null) return [];
  const manual = input.policy.content.manualCaptionText;
  const out: Issue[] = [];
  const items = input.items;
  for (let index = 0; index < items.length; index++) {
    const item = items[index] as ScheduleItem;
    if (item.needsCaption || item.captionText === manual || !(item.captionText.length > 0))
      continue;
    if (!matchesPersona(item.captionText, persona, input.policy))
      out.push(
        issue(
          'persona_mismatch',
          { slotId: item.slotId, captionId: item.captionId },
          itemPath(index, 'captionText'),
        ),
      );
  }
  return out;
};

/**
 * Check 7: every follow-up names a parent that is in the schedule. Error `orphaned_followup`.
 *
 * Source: seed 001 §7.2 check 7; phase 7 checkpoint "No orphaned followups".
 *
 * @since 0.1.0
 * @category validation
 */
export const checkFollowupLinkage = (input: ValidationInput): ReadonlyArray<Issue> => {
  const items = input.items;
  const ids = new Set<unknown>();
  for (const i of items) ids.add(i.slotId);
  const out: Issue[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index] as ScheduleItem;
    if (item.isFollowUp && (item.parentItemId === null || !ids.has(item.parentItemId)))
      out.push(
        issue(
          'orphaned_followup',
          { slotId: item.slotId, parentItemId: item.parentItemId },
          itemPath(index, 'parentItemId'),
        ),
      );
  }
  return out;
};

/**
 * Check 8: the volume phase's caption-pool shortages (`volume.captionShortages`), each reported
 * once: warning `caption_pool_low` below the threshold, warning `caption_pool_critical` at zero
 * usable captions, whose details carry the recommendation `CREATE NEW CAPTIONS: <type> needs 5+
 * new captions` and `requiresCaptionReview: true` and which makes the week at best
 * `needs_review` (the seed's "Critical" flags it for manual review).
 *
 * Source: seed 001 §7.2 check 8, §7.3 warning types ("Warning/Critical", two codes: RULINGS
 * "severities").
 *
 * @since 0.1.0
 * @category validation
 */
export const checkCaptionPool = (input: ValidationInput): ReadonlyArray<Issue> =>
  input.volume.captionShortages.map((s) =>
    s.usable === 0
      ? issue('caption_pool_critical', {
          sendTypeKey: s.sendTypeKey,
          usable: 0,
          recommendation: `CREATE NEW CAPTIONS: ${s.sendTypeKey} needs 5+ new captions`,
          requiresCaptionReview: true,
        })
      : issue('caption_pool_low', {
          sendTypeKey: s.sendTypeKey,
          usable: s.usable,
          threshold: input.policy.content.lowPoolThreshold,
        }),
  );

/**
 * Check 9: warning `low_confidence` when the volume confidence is below
 * `policy.volume.dampenBelowConfidence` (0.6).
 *
 * Source: seed 001 §7.2 check 9.
 *
 * @since 0.1.0
 * @category validation
 */
export const checkLowConfidence = (input: ValidationInput): ReadonlyArray<Issue> => {
  const { confidenceScore, messageCount } = input.volume;
  return confidenceScore < input.policy.volume.dampenBelowConfidence
    ? [issue('low_confidence', { confidenceScore, messageCount })]
    : [];
};
