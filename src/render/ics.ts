/**
 * A week as an iCalendar file (RFC 5545): one `VEVENT` per item, in the creator's zone with its
 * `VTIMEZONE` (or in UTC), with stable UIDs so a calendar that imports the week twice updates
 * the events instead of doubling them.
 *
 * No clock: `DTSTAMP` is the week's first date at midnight UTC unless the caller gives one.
 *
 * Source: RFC 5545 (iCalendar), RFC 7986 (`NAME`); seed 001 §7.1 (the item).
 *
 * @module
 */
import { tzOffset } from '@date-fns/tz';
import { CATEGORIES, type Category, type ChannelKey, SEND_TYPES, TARGETS } from '../domain/catalog';
import type { ScheduleResult } from '../domain/stages';
import type { ScheduleItem } from '../domain/types';

/**
 * Options of `toIcs`.
 *
 * - `utc` (default `false`): write every start as a UTC time (`DTSTART:20250303T145300Z`) and no
 *   `VTIMEZONE`; else in the creator's zone (`DTSTART;TZID=America/New_York:20250303T095300`).
 * - `alarmMinutesBefore` (default `null`, no alarm): a `VALARM` that fires this many minutes
 *   before each send (`TRIGGER:-PT15M`, `ACTION:DISPLAY`); a value that is not a whole number
 *   >= 0 means no alarm.
 * - `calendarName`: the calendar's `NAME` / `X-WR-CALNAME` (default `<creator>: week of
 *   <weekStart>`).
 * - `durationMinutes` (default 15): each event's `DURATION` in minutes; a value that is not a
 *   whole number >= 1 means 15.
 * - `dtstamp`: the ISO instant every `DTSTAMP` states (the time the file was made, which only
 *   the caller knows); default, and for a value that is not an instant, the week's first date at
 *   midnight UTC, so the same week always gives the same file.
 *
 * @since 0.3.0
 * @category render
 */
export interface IcsOptions {
  /** Write every start as a UTC time and no `VTIMEZONE` (default `false`: the creator's zone). */
  readonly utc?: boolean;
  /**
   * Minutes before each send a `VALARM` fires (`TRIGGER:-PT15M`); default `null`, and any value
   * that is not a whole number >= 0, means no alarm.
   */
  readonly alarmMinutesBefore?: number | null;
  /** The calendar's `NAME` / `X-WR-CALNAME` (default `<creator>: week of <weekStart>`). */
  readonly calendarName?: string;
  /** Each event's `DURATION`, minutes (default 15; a value that is not a whole number >= 1 means 15). */
  readonly durationMinutes?: number;
  /**
   * The ISO instant every `DTSTAMP` states (the time the file was made); default, and for a value
   * that is not an instant, the week's first date at midnight UTC.
   */
  readonly dtstamp?: string;
}

/** Plain names of the channels (the catalog has keys only). */
const CHANNEL_NAMES: Readonly<Record<ChannelKey, string>> = Object.freeze({
  mass_message: 'Mass message',
  targeted_message: 'Targeted message',
  wall_post: 'Wall post',
  story: 'Story',
  live: 'Live',
});

/** Plain names of the categories. */
const CATEGORY_NAMES: Readonly<Record<Category, string>> = Object.freeze(
  Object.fromEntries(
    CATEGORIES.map((c) => [c, `${c.charAt(0).toUpperCase()}${c.slice(1)}`]),
  ) as Record<Category, string>,
);

const MINUTE = 60_000;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Lines: escaping and folding
// ---------------------------------------------------------------------------------------------

/**
 * A TEXT value escaped per RFC 5545 §3.3.11: `\` `;` `,` escaped with a backslash, every line
 * break as `\n`; other control characters (not allowed in TEXT) are dropped.
 *
 * @since 0.3.0
 * @category render
 */
export const escapeIcsText = (s: string): string =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping the controls TEXT forbids.
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');

const utf8Length = (cp: string): number => {
  const n = cp.codePointAt(0) as number;
  return n < 0x80 ? 1 : n < 0x800 ? 2 : n < 0x10000 ? 3 : 4;
};

/**
 * One content line folded per RFC 5545 §3.1: physical lines of at most 75 octets of UTF-8, each
 * continuation starting with a space, never splitting a character; joined by CRLF, without the
 * final CRLF.
 *
 * @since 0.3.0
 * @category render
 */
export const foldIcsLine = (line: string): string => {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  let limit = 75;
  for (const cp of line) {
    const n = utf8Length(cp);
    if (bytes + n > limit) {
      out.push(current);
      current = ' ';
      bytes = 1;
      limit = 75;
    }
    current += cp;
    bytes += n;
  }
  out.push(current);
  return out.join('\r\n');
};

// ---------------------------------------------------------------------------------------------
// Times and zones
// ---------------------------------------------------------------------------------------------

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `YYYYMMDDTHHMMSS` of the UTC fields of an epoch millisecond. */
const basicDateTime = (ms: number): string => {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
};

/** `±HHMM` (or `±HHMMSS`) of an offset in minutes. */
const utcOffset = (minutes: number): string => {
  const sign = minutes < 0 ? '-' : '+';
  const total = Math.round(Math.abs(minutes) * 60);
  const s = total % 60;
  return `${sign}${pad(Math.floor(total / 3600))}${pad(Math.floor(total / 60) % 60)}${s === 0 ? '' : pad(s)}`;
};

/** The zone's UTC offset in minutes at an epoch millisecond. */
const offsetAt = (zone: string, ms: number): number => tzOffset(zone, new Date(ms));

interface Transition {
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/**
 * The zone's offset changes in `[start, end)`: asked once a day, then bisected to the minute
 * where two days disagree (an offset changes at most once within a day).
 */
const transitionsIn = (zone: string, start: number, end: number): ReadonlyArray<Transition> => {
  const out: Transition[] = [];
  let prev = offsetAt(zone, start);
  for (let t = start; t < end; t += DAY) {
    const next = Math.min(t + DAY, end);
    const o = offsetAt(zone, next);
    if (o === prev) continue;
    let lo = t; // offset `prev`
    let hi = next; // offset `o`
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
      if (offsetAt(zone, mid) === prev) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, from: prev, to: o });
    prev = o;
  }
  return out;
};

/**
 * The `VTIMEZONE` of `zone` around the week: the observance in effect a year before the week
 * starts, then one per offset change until a year after it ends, each with the zone's actual
 * offsets (`DTSTART` the local time of the change in the offset before it). An observance whose
 * offset is above the least of the window is `DAYLIGHT`, else `STANDARD`.
 */
const vtimezone = (zone: string, weekStartMs: number): ReadonlyArray<string> => {
  const start = weekStartMs - 366 * DAY;
  const end = weekStartMs + (7 + 366) * DAY;
  const first = offsetAt(zone, start);
  const changes = transitionsIn(zone, start, end);
  const least = Math.min(first, ...changes.map((c) => c.to));
  const observances: ReadonlyArray<Transition> = [
    { at: start, from: first, to: first },
    ...changes,
  ];
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    `X-LIC-LOCATION:${zone}`,
    ...observances.flatMap((o) => {
      const kind = o.to > least ? 'DAYLIGHT' : 'STANDARD';
      return [
        `BEGIN:${kind}`,
        `DTSTART:${basicDateTime(o.at + o.from * MINUTE)}`,
        `TZOFFSETFROM:${utcOffset(o.from)}`,
        `TZOFFSETTO:${utcOffset(o.to)}`,
        `END:${kind}`,
      ];
    }),
    'END:VTIMEZONE',
  ];
};

/**
 * `DTSTART` of an instant: local in the zone, or in UTC when asked, or when the local time is
 * ambiguous (the repeated hour when clocks go back: RFC 5545 §3.3.5 reads it as the first
 * occurrence, some readers as the second, so both are written in UTC).
 */
const dtstart = (ms: number, zone: string, utc: boolean): string => {
  if (utc) return `DTSTART:${basicDateTime(ms)}Z`;
  const wall = ms + offsetAt(zone, ms) * MINUTE;
  const candidates = [
    ...new Set([offsetAt(zone, ms - DAY), offsetAt(zone, ms), offsetAt(zone, ms + DAY)]),
  ]
    .map((o) => wall - o * MINUTE)
    .filter((t) => t + offsetAt(zone, t) * MINUTE === wall);
  return candidates.length === 1
    ? `DTSTART;TZID=${zone}:${basicDateTime(wall)}`
    : `DTSTART:${basicDateTime(ms)}Z`;
};

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

/** The id part of a UID: letters, digits, `-` and `_` kept, anything else `%XX` per UTF-8 byte. */
const uidPart = (s: string): string =>
  [...s]
    .map((cp) =>
      /^[A-Za-z0-9_-]$/.test(cp)
        ? cp
        : [...new TextEncoder().encode(cp)]
            .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
            .join(''),
    )
    .join('');

/**
 * The `UID` of an item's event: `<slotId>.<creatorId>@eros-schedule`, each part kept to
 * letters, digits, `-` and `_` (anything else `%XX`-encoded, so two different ids never give
 * one UID). Slot ids carry their date, so the UID is unique across weeks and the same on every
 * run: a re-imported week updates its events.
 *
 * @example
 * icsUid('2025-03-03_1', 'creator_01') // '2025-03-03_1.creator_01@eros-schedule'
 *
 * Source: RFC 5545 §3.8.4.7.
 *
 * @since 0.3.0
 * @category render
 */
export const icsUid = (slotId: string, creatorId: string): string =>
  `${uidPart(slotId)}.${uidPart(creatorId)}@eros-schedule`;

const usd = (price: number): string => `$${price.toFixed(2)}`;

const summaryOf = (item: ScheduleItem): string =>
  `${SEND_TYPES[item.sendTypeKey].displayName}${item.suggestedPrice === null ? '' : ` ${usd(item.suggestedPrice)}`}${item.needsCaption ? ' (caption needed)' : ''}`;

const descriptionOf = (item: ScheduleItem): string =>
  [
    item.needsCaption ? 'Caption: none found yet, write one before sending.' : item.captionText,
    '',
    `Price: ${item.suggestedPrice === null ? 'none' : `${usd(item.suggestedPrice)} (USD)`}`,
    `Target: ${TARGETS[item.targetKey].displayName}`,
    `Channel: ${CHANNEL_NAMES[item.channelKey]}`,
    `Category: ${CATEGORY_NAMES[item.category]}`,
    ...(item.mediaType === 'none'
      ? []
      : [
          `Media: ${item.mediaType}${item.contentTypeId === null ? '' : ` (${item.contentTypeId})`}`,
        ]),
    ...(item.flyerRequired ? ['Flyer required'] : []),
    ...(item.isFollowUp && item.parentItemId !== null
      ? [
          `Follow-up of ${item.parentItemId}${item.followupDelayMinutes === null ? '' : `, ${item.followupDelayMinutes} minutes after it`}`,
        ]
      : []),
    ...(item.expiresAt === null ? [] : [`Expires: ${item.expiresAt}`]),
    `Slot: ${item.slotId}`,
  ].join('\n');

const wholeAtLeast = (u: unknown, min: number): u is number =>
  typeof u === 'number' && Number.isInteger(u) && u >= min;

/**
 * Writes a week as an iCalendar file (RFC 5545): a `VCALENDAR` (`VERSION:2.0`, `PRODID`,
 * `CALSCALE:GREGORIAN`, `METHOD:PUBLISH`, `NAME` / `X-WR-CALNAME`), the creator zone's
 * `VTIMEZONE` (not with `utc`) and one `VEVENT` per item, in the items' order:
 *
 * - `UID` from `icsUid(slotId, creatorId)`, the same on every run; `DTSTAMP` `options.dtstamp`
 *   or the week's first date at midnight UTC (no clock is read);
 * - `DTSTART` the item's `scheduledAt`, as local time in the creator's zone with `TZID` (a time
 *   in the repeated hour when clocks go back in UTC, as readers disagree on it) or in UTC with
 *   `utc: true`; `DURATION` `options.durationMinutes` (default 15 minutes);
 * - `SUMMARY` the send type's plain name and the price (`PPV Unlock $14.99`); `DESCRIPTION` the
 *   caption, the price in USD, the target, the channel, the category, the media, the parent of a
 *   follow-up and the slot id; `CATEGORIES` the category (`Revenue`); `RELATED-TO` the parent's
 *   UID for an item with a `parentItemId` (a follow-up, a link drop); `TRANSP:TRANSPARENT`;
 * - a `VALARM` (`ACTION:DISPLAY`, `TRIGGER:-PT<n>M`) when `options.alarmMinutesBefore` is set.
 *
 * TEXT values are escaped (`escapeIcsText`), lines folded at 75 octets (`foldIcsLine`), CRLF line
 * ends. Never fails: option values out of range fall back as `IcsOptions` says.
 *
 * @example
 * toIcs(result, { alarmMinutesBefore: 15 })
 * // 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//eros-schedule//Weekly schedule//EN\r\n...'
 *
 * Source: RFC 5545 §3.4 (VCALENDAR), §3.6.1 (VEVENT), §3.6.5 (VTIMEZONE), §3.6.6 (VALARM),
 * §3.1 (folding), §3.3.11 (TEXT); RFC 7986 §5.1 (NAME); seed 001 §7.1 (the item).
 *
 * @since 0.3.0
 * @category render
 */
export const toIcs = (result: ScheduleResult, options: IcsOptions = {}): string => {
  const zone = result.creator.timezone;
  const utc = options.utc === true;
  const weekStartMs = Date.parse(`${result.weekStart}T00:00:00Z`);
  const stampMs =
    typeof options.dtstamp === 'string' && Number.isFinite(Date.parse(options.dtstamp))
      ? Date.parse(options.dtstamp)
      : weekStartMs;
  const dtstamp = `DTSTAMP:${basicDateTime(Math.floor(stampMs / 1000) * 1000)}Z`;
  const duration = wholeAtLeast(options.durationMinutes, 1) ? options.durationMinutes : 15;
  const alarm = wholeAtLeast(options.alarmMinutesBefore, 0) ? options.alarmMinutesBefore : null;
  const name =
    options.calendarName ??
    `${result.creator.displayName ?? result.creatorId}: week of ${result.weekStart}`;

  const events = result.items.flatMap((item) => {
    const summary = escapeIcsText(summaryOf(item));
    return [
      'BEGIN:VEVENT',
      `UID:${icsUid(item.slotId, result.creatorId)}`,
      dtstamp,
      dtstart(Date.parse(item.scheduledAt), zone, utc),
      `DURATION:PT${duration}M`,
      `SUMMARY:${summary}`,
      `DESCRIPTION:${escapeIcsText(descriptionOf(item))}`,
      `CATEGORIES:${escapeIcsText(CATEGORY_NAMES[item.category])}`,
      ...(item.parentItemId === null
        ? []
        : [`RELATED-TO:${icsUid(item.parentItemId, result.creatorId)}`]),
      'TRANSP:TRANSPARENT',
      ...(alarm === null
        ? []
        : [
            'BEGIN:VALARM',
            'ACTION:DISPLAY',
            `DESCRIPTION:${summary}`,
            `TRIGGER:-PT${alarm}M`,
            'END:VALARM',
          ]),
      'END:VEVENT',
    ];
  });

  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//eros-schedule//Weekly schedule//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeIcsText(name)}`,
    `X-WR-CALNAME:${escapeIcsText(name)}`,
    ...(utc ? [] : [`X-WR-TIMEZONE:${zone}`, ...vtimezone(zone, weekStartMs)]),
    ...events,
    'END:VCALENDAR',
  ];
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
};
