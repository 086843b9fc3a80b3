/**
 * A week as a terminal grid: one column per day, one `HH:MM CODE $price` cell per send in time
 * order, a legend of the short codes, the validation status and score, and the issues in plain
 * language. Text only (captions are left out: their emoji have no dependable width); ANSI colour
 * only when asked.
 *
 * Source: seed 001 §7.1 (the item), §7.3 (the report).
 *
 * @module
 */
import { type Category, SEND_TYPE_KEYS, SEND_TYPES, type SendTypeKey } from '../domain/catalog';
import type { ScheduleResult, ValidationStatus } from '../domain/stages';
import { weekDatesFrom, weekdayOf } from '../domain/time';
import type { ScheduleItem } from '../domain/types';
import { plural, whyNotPassed } from './words';

/**
 * Options of `toTable`.
 *
 * - `width` (default: as wide as the cells need): the most columns (terminal cells) a line may
 *   take; cells are cut to fit. Below 41 (seven 5-character `HH:MM` columns and their
 *   separators) it is taken as 41.
 * - `color` (default `false`): ANSI colours (sends by category, the status, errors and
 *   warnings); without it the output is plain text.
 *
 * @since 0.3.0
 * @category render
 */
export interface TableOptions {
  /** The most terminal columns a line may take, cells cut to fit (default: as wide as needed; below 41 taken as 41). */
  readonly width?: number;
  /** ANSI colours for categories, the status, errors and warnings (default `false`: plain text). */
  readonly color?: boolean;
}

/**
 * The short code of each send type in the grid (three letters), explained by the legend.
 *
 * @since 0.3.0
 * @category render
 */
export const SEND_TYPE_CODES: Readonly<Record<SendTypeKey, string>> = Object.freeze({
  ppv_unlock: 'PPV', // PPV Unlock
  ppv_wall: 'PPW', // PPV Wall Post
  tip_goal: 'TIP', // Tip Goal
  vip_program: 'VIP', // VIP Program
  game_post: 'GAM', // Game Post
  bundle: 'BUN', // Bundle
  flash_bundle: 'FLB', // Flash Bundle
  snapchat_bundle: 'SNP', // Snapchat Bundle
  first_to_tip: 'FTT', // First To Tip
  link_drop: 'LNK', // Link Drop
  wall_link_drop: 'WLK', // Wall Link Drop
  bump_normal: 'BMP', // Bump (Normal)
  bump_descriptive: 'BMD', // Bump (Descriptive)
  bump_text_only: 'BMT', // Bump (Text Only)
  bump_flyer: 'BMF', // Bump (Flyer)
  dm_farm: 'DMF', // DM Farm
  like_farm: 'LKF', // Like Farm
  live_promo: 'LIV', // Live Promo
  renew_on_post: 'RNP', // Renew On Post
  renew_on_message: 'RNM', // Renew On Message
  ppv_followup: 'FUP', // PPV Follow-up
  expired_winback: 'WIN', // Expired Winback
});

const STATUS_WORDS: Readonly<Record<ValidationStatus, string>> = Object.freeze({
  passed: 'passed',
  passed_with_warnings: 'passed with warnings',
  needs_review: 'needs review',
  failed: 'failed',
});

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

const ANSI = Object.freeze({
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  magenta: '\u001b[35m',
  cyan: '\u001b[36m',
});

const CATEGORY_COLOR: Readonly<Record<Category, string>> = Object.freeze({
  revenue: ANSI.green,
  engagement: ANSI.cyan,
  retention: ANSI.magenta,
});

const STATUS_COLOR: Readonly<Record<ValidationStatus, string>> = Object.freeze({
  passed: ANSI.green,
  passed_with_warnings: ANSI.yellow,
  needs_review: ANSI.yellow,
  failed: ANSI.red,
});

const MIN_COLUMN = 5; // `HH:MM`

/**
 * Terminal columns a string takes: 0 for combining marks, zero-width joiners and variation
 * selectors, 2 for emoji and East Asian wide characters, 1 otherwise; ANSI colour codes take
 * none.
 *
 * @since 0.3.0
 * @category render
 */
export const displayWidth = (s: string): number => {
  let w = 0;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences.
  for (const cp of s.replace(/\u001b\[[0-9;]*m/g, '')) {
    if (/\p{M}|\u200d|[\ufe00-\ufe0f]/u.test(cp)) continue;
    const n = cp.codePointAt(0) as number;
    const wide =
      /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(cp) ||
      (n >= 0x1100 && n <= 0x115f) ||
      (n >= 0x2e80 && n <= 0xa4cf) ||
      (n >= 0xac00 && n <= 0xd7a3) ||
      (n >= 0xf900 && n <= 0xfaff) ||
      (n >= 0xfe30 && n <= 0xfe4f) ||
      (n >= 0xff00 && n <= 0xff60) ||
      (n >= 0xffe0 && n <= 0xffe6) ||
      (n >= 0x20000 && n <= 0x3fffd);
    // Pictographs below U+2100 (©, ®, ‼) are narrow unless followed by VS16.
    w += wide && n >= 0x2100 ? 2 : 1;
  }
  return w;
};

/** Cuts a string to at most `width` columns, ending in `…` when cut. */
const cut = (s: string, width: number): string => {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const cp of s) {
    if (displayWidth(`${out}${cp}`) > width - 1) break;
    out += cp;
  }
  return `${out}…`;
};

/** Pads (or cuts) a string to exactly `width` columns. */
const padTo = (s: string, width: number): string => {
  const c = cut(s, width);
  return `${c}${' '.repeat(Math.max(0, width - displayWidth(c)))}`;
};

/** Word-wraps a text to `width` columns after `first` on the first line and `rest` on the others. */
const wrap = (text: string, width: number, first: string, rest: string): ReadonlyArray<string> => {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter((x) => x !== '')) {
    const candidate = empty ? `${line}${word}` : `${line} ${word}`;
    if (!empty && displayWidth(candidate) > width) {
      lines.push(line);
      line = `${rest}${word}`;
    } else line = candidate;
    empty = false;
  }
  lines.push(line);
  return lines.map((l) => cut(l, width));
};

const priceText = (usd: number): string =>
  Number.isInteger(usd) ? `$${usd}` : `$${usd.toFixed(2)}`;

const SLOT_ID = /^(\d{4}-\d{2}-\d{2})_(.+)$/;

/**
 * The short slot label of a send: the slot id after its date (`2025-01-20_3` -> `3`), a
 * follow-up's `_followup` as `+` (`3+`); `''` for an id of another form.
 */
const slotLabel = (item: ScheduleItem): string => {
  const m = SLOT_ID.exec(item.slotId);
  return m?.[2] === undefined ? '' : m[2].replace(/_followup$/, '+');
};

/** The cell of one send: `N HH:MM CODE $price` (`N` the slot label), `*` after the code when it needs a caption. */
const cellText = (item: ScheduleItem, labelWidth: number): string =>
  `${timeAndCode(item, labelWidth)}${item.suggestedPrice === null ? '' : ` ${priceText(item.suggestedPrice)}`}`;

const timeAndCode = (item: ScheduleItem, labelWidth: number): string =>
  `${labelWidth === 0 ? '' : `${slotLabel(item).padStart(labelWidth)} `}${item.scheduledTime.slice(0, 5)} ${SEND_TYPE_CODES[item.sendTypeKey]}${item.needsCaption ? '*' : ''}`;

/** A text fitted to `width`: cut with `…`, or to its first `width` characters in a narrow column. */
const fitCell = (text: string, width: number): string =>
  padTo(width <= MIN_COLUMN ? text.slice(0, width) : text, width);

/**
 * The cell of a send fitted to `width`: whole when it fits, else cut after the code (`3 20:17 VIP
 * $…`), else without the slot label, the time and as much of the code as fits (`20:17 V`); the
 * `HH:MM` always whole.
 */
const sendCell = (item: ScheduleItem, width: number, labelWidth: number): string => {
  const full = cellText(item, labelWidth);
  const short = timeAndCode(item, labelWidth);
  if (displayWidth(full) <= width || width >= short.length + 2) return padTo(full, width);
  return padTo(timeAndCode(item, 0).slice(0, width), width);
};

/** Entries packed into lines of `width` columns, separated by `; `, after `head` on the first. */
const pack = (head: string, entries: ReadonlyArray<string>, width: number): string[] => {
  const indent = ' '.repeat(Math.min(head.length, 8));
  const lines: string[] = [];
  let line = head;
  let empty = true;
  for (const e of entries) {
    const candidate = empty ? `${line}${e}` : `${line}; ${e}`;
    if (!empty && displayWidth(candidate) + 1 > width) {
      lines.push(`${line};`);
      line = `${indent}${e}`;
    } else line = candidate;
    empty = false;
  }
  lines.push(line);
  return lines.map((l) => cut(l, width));
};

const byTime = (a: ScheduleItem, b: ScheduleItem): number =>
  a.scheduledAt < b.scheduledAt ? -1 : a.scheduledAt > b.scheduledAt ? 1 : 0;

/**
 * Draws a week as a terminal grid, `width` columns wide at most (default: as wide as its cells):
 *
 * 1. a title line: the creator, the week, the zone and the number of sends;
 * 2. the grid: 7 columns (`Mon 03-03` ... the week's local dates), under each the day's sends
 *    in time order as `N HH:MM CODE $price` (`N` the slot id after its date, `2025-03-03_4` ->
 *    `4`, a follow-up `4+`; local time; price in USD, shown for priced sends; `*` after the
 *    code: the send needs a caption), cells cut with `…` to fit; a send dated outside the 7 days
 *    is listed on a line below the grid, and a send moved to another day is named with its
 *    whole slot id;
 * 3. the legend: each short code used (`SEND_TYPE_CODES`), its send type in plain words and its
 *    category (`PPV = PPV Unlock (revenue)`), and how a slot label reads as a slot id;
 * 4. the validation status and score (`Validation: passed with warnings, score 95/100`) with the
 *    counts of errors, warnings and notes, and why a week did not pass;
 * 5. the errors and warnings, each its `message`, wrapped to the width.
 *
 * Every grid line has the same display width. ANSI colour only with `color: true`. Lines are
 * joined with `\n`, with a final `\n`. Never fails.
 *
 * @example
 * toTable(result, { width: 100 })
 * // 'Demo Creator 01 (creator_01), week of 2025-03-03, America/New_York, 68 sends\n Mon 03-03 │ ...'
 *
 * Source: seed 001 §7.1 (the item), §7.3 (the report).
 *
 * @since 0.3.0
 * @category render
 */
export const toTable = (result: ScheduleResult, options: TableOptions = {}): string => {
  const dates = weekDatesFrom(result.weekStart);
  const days = dates.map((d) => result.items.filter((i) => i.scheduledDate === d).sort(byTime));
  const outside = result.items.filter((i) => !dates.includes(i.scheduledDate)).sort(byTime);
  const rows = Math.max(0, ...days.map((d) => d.length));
  // The natural column: the widest cell, or the 9-character day header.
  const naturalWith = (labels: number): number =>
    Math.max(9, ...days.flatMap((d) => d.map((i) => displayWidth(cellText(i, labels)))));
  const fullLabels = Math.max(0, ...result.items.map((i) => slotLabel(i).length));
  const requested =
    typeof options.width === 'number' && Number.isFinite(options.width)
      ? Math.floor(options.width)
      : naturalWith(fullLabels) * 7 + 6;
  const room = Math.floor((requested - 6) / 7);
  // Slot labels only when every whole cell still fits with them: prices before labels.
  const labelWidth = naturalWith(fullLabels) <= room || naturalWith(0) > room ? fullLabels : 0;
  const column = Math.max(MIN_COLUMN, Math.min(naturalWith(labelWidth), room));
  const width = Math.max(requested, column * 7 + 6);
  const color = options.color === true;
  const paint = (code: string, s: string): string => (color ? `${code}${s}${ANSI.reset}` : s);

  const lines: string[] = [];
  const who = result.creator.displayName ?? result.creatorId;
  const title = `${who}${who === result.creatorId ? '' : ` (${result.creatorId})`}, week of ${result.weekStart}, ${result.creator.timezone}, ${result.items.length} sends`;
  lines.push(paint(ANSI.bold, cut(title, width)));

  const rule = Array.from({ length: 7 }, () => '─'.repeat(column)).join('┼');
  lines.push(
    dates
      .map((d) => paint(ANSI.bold, fitCell(`${WEEKDAYS[weekdayOf(d)]} ${d.slice(5)}`, column)))
      .join('│'),
  );
  lines.push(rule);
  for (let r = 0; r < rows; r++)
    lines.push(
      days
        .map((day) => {
          const item = day[r];
          if (item === undefined) return ' '.repeat(column);
          return paint(CATEGORY_COLOR[item.category], sendCell(item, column, labelWidth));
        })
        .join('│'),
    );
  if (rows === 0) lines.push(Array.from({ length: 7 }, () => ' '.repeat(column)).join('│'));
  lines.push(rule);
  if (outside.length > 0)
    lines.push(
      ...wrap(
        outside.map((i) => `${i.scheduledDate} ${cellText(i, 0)} (${i.slotId})`).join(', '),
        width,
        'Outside the week: ',
        '  ',
      ),
    );

  const used = new Set(result.items.map((i) => i.sendTypeKey));
  const legend = SEND_TYPE_KEYS.filter((k) => used.has(k)).map(
    (k) => `${SEND_TYPE_CODES[k]} = ${SEND_TYPES[k].displayName} (${SEND_TYPES[k].category})`,
  );
  if (result.items.some((i) => i.needsCaption)) legend.push('* = needs a caption');
  if (labelWidth > 0)
    legend.push(
      `N before a send = its slot, slot id DATE_N (${result.weekStart}_1); N+ = the follow-up of N, slot id DATE_N_followup`,
    );
  const moved = result.items.filter((i) => {
    const m = SLOT_ID.exec(i.slotId);
    return m !== null && m[1] !== i.scheduledDate && dates.includes(i.scheduledDate);
  });
  if (moved.length > 0)
    legend.push(
      `moved: ${moved.map((i) => `${i.slotId} is on ${WEEKDAYS[weekdayOf(i.scheduledDate)]} ${i.scheduledDate.slice(5)}`).join(', ')}`,
    );
  if (legend.length > 0) lines.push('', ...pack('Legend: ', legend, width));

  const v = result.validation;
  const status = STATUS_WORDS[v.status];
  const summary = cut(
    `Validation: ${status}, score ${v.score}/100 (${plural(v.errors.length, 'error')}, ${plural(v.warnings.length, 'warning')}, ${plural(v.notes.length, 'note')})`,
    width,
  );
  lines.push('', summary.replace(status, paint(STATUS_COLOR[v.status], status)));
  for (const why of whyNotPassed(v)) lines.push(...wrap(why, width, '  why: ', '    '));
  for (const [label, issues, mark, code] of [
    ['Errors', v.errors, 'x', ANSI.red],
    ['Warnings', v.warnings, '!', ANSI.yellow],
  ] as const) {
    if (issues.length === 0) continue;
    lines.push(paint(code, `${label}:`));
    for (const issue of issues) lines.push(...wrap(issue.message, width, `  ${mark} `, '    '));
  }
  return `${lines.join('\n')}\n`;
};
