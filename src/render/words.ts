/**
 * Plain words for the renderers and `explain`: send types, targets, channels, categories,
 * weekdays, dates, times, prices and statuses as a person reads them. One place, so the table,
 * the HTML page, the ICS events and the explanations say the same thing.
 *
 * @module
 */
import {
  type Category,
  type ChannelKey,
  SEND_TYPES,
  type SendTypeKey,
  TARGETS,
  type TargetKey,
} from '../domain/catalog';
import { ISSUE_CODES } from '../domain/issues';
import type { ValidationReport, ValidationStatus } from '../domain/stages';
import { weekdayOf } from '../domain/time';

/** `ppv_non_purchasers` -> `ppv non purchasers`. */
export const humanize = (key: string): string => key.replace(/_/g, ' ').trim();

/** A send type's catalog name (`PPV Unlock`); an unknown key humanised. */
export const sendTypeName = (key: SendTypeKey | string): string =>
  SEND_TYPES[key as SendTypeKey]?.displayName ?? humanize(key);

/** A target's catalog name (`PPV Non-Purchasers`); an unknown key humanised. */
export const targetName = (key: TargetKey | string): string =>
  TARGETS[key as TargetKey]?.displayName ?? humanize(key);

/** Channels in plain words. */
export const CHANNEL_WORDS: Readonly<Record<ChannelKey, string>> = Object.freeze({
  mass_message: 'mass message',
  targeted_message: 'targeted message',
  wall_post: 'wall post',
  story: 'story',
  live: 'live',
});

export const channelName = (key: ChannelKey | string): string =>
  CHANNEL_WORDS[key as ChannelKey] ?? humanize(key);

/** What each category is for, in the words of the legend. Source: seed 001 §1.4 (categories). */
export const CATEGORY_WORDS: Readonly<
  Record<Category, { readonly label: string; readonly text: string }>
> = Object.freeze({
  revenue: {
    label: 'Revenue',
    text: 'Sends that sell: paid messages and posts, bundles, tip goals, games, VIP offers.',
  },
  engagement: {
    label: 'Engagement',
    text: 'Sends that keep fans talking and liking: bumps, link drops, DM and like farms, live promos.',
  },
  retention: {
    label: 'Retention',
    text: 'Sends that keep subscribers: renewal reminders, follow-ups to non-buyers, win-backs of expired fans.',
  },
});

export const categoryLabel = (c: string): string =>
  CATEGORY_WORDS[c as Category]?.label ?? humanize(c);

/** Weekday names, Monday first (`weekdayOf` order). */
export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/** Month abbreviations, January first. */
export const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** The weekday of a local date `YYYY-MM-DD` (`Monday`). */
export const weekdayName = (date: string): string => WEEKDAYS[weekdayOf(date)] ?? date;

/** `2025-01-20` -> `20 Jan 2025`. */
export const longDate = (date: string): string => {
  const [y, m, d] = date.split('-');
  const month = MONTHS[Number(m) - 1];
  return month === undefined ? date : `${Number(d)} ${month} ${y}`;
};

/** `HH:mm:ss` -> `HH:mm`. */
export const shortTime = (time: string): string => time.slice(0, 5);

/** USD with cents: `$17.99`. */
export const usd = (price: number): string =>
  Number.isFinite(price) ? `$${price.toFixed(2)}` : '';

/** Validation statuses in plain words. */
export const STATUS_WORDS: Readonly<Record<ValidationStatus, string>> = Object.freeze({
  passed: 'Passed',
  passed_with_warnings: 'Passed with warnings',
  needs_review: 'Needs review',
  failed: 'Failed',
});

/**
 * Why a week did not pass, in plain words: the errors, the issues that cap a week at
 * `needs_review` (too many manual captions, a critical caption shortage), the captions to review,
 * or a score below the pass mark. Empty for a passing week. Source: RULINGS "Validation".
 */
export const whyNotPassed = (v: ValidationReport): ReadonlyArray<string> => {
  if (v.status === 'passed' || v.status === 'passed_with_warnings') return [];
  const why: string[] = [];
  if (v.errors.length > 0) why.push(plural(v.errors.length, 'error'));
  const capping = [...v.errors, ...v.warnings].filter(
    (i) => ISSUE_CODES[i.code].capsStatus === 'needs_review',
  );
  const capCodes = [...new Set(capping.map((i) => i.code))];
  for (const code of capCodes) {
    const n = capping.filter((i) => i.code === code).length;
    const first = capping.find((i) => i.code === code);
    why.push(
      `${first?.message ?? humanize(code)}${n > 1 ? ` (and ${n - 1} more like it)` : ''}: a week with it is at best needs review`,
    );
  }
  if (v.requiresCaptionReview && capCodes.length === 0) why.push('its captions need review');
  if (why.length === 0) why.push(`its score ${v.score}/100 is below the pass mark`);
  return why;
};

/** `3 items`, `1 item`. */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n} ${n === 1 ? one : many}`;

/** What a send type is, in one sentence built from its catalog row. */
export const sendTypeDescription = (key: SendTypeKey | string): string => {
  const spec = SEND_TYPES[key as SendTypeKey];
  if (spec === undefined) return '';
  const parts = [
    `${categoryLabel(spec.category)}`,
    `sent as a ${channelName(spec.channel)}${spec.secondChannel === null ? '' : ` or ${channelName(spec.secondChannel)}`}`,
  ];
  const target = spec.requiredTarget ?? spec.defaultTarget;
  if (target !== null) parts.push(`to ${targetName(target)}`);
  if (spec.requiresMedia) parts.push(`with a ${spec.mediaType}`);
  else if (spec.mediaType === 'none') parts.push('text only');
  if (spec.requiresFlyer) parts.push('needs a flyer');
  if (spec.canHaveFollowup) parts.push('non-buyers get a follow-up');
  if (spec.expirationHours !== null) parts.push(`expires after ${spec.expirationHours} h`);
  if (spec.generatedBy === 'followups') parts.push('sent after a PPV to fans who did not buy');
  return `${parts.join(', ')}.`;
};
