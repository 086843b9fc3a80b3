/**
 * The week as a self-contained HTML page: a calendar of the 7 local days, a legend of the
 * categories and send types, the validation report and a summary. String building only: no DOM,
 * no clock, no I/O; every text is HTML-escaped.
 *
 * @module
 */

import { CATEGORIES, SEND_TYPES, type SendTypeKey } from '../domain/catalog';
import type { Issue } from '../domain/issues';
import type { ScheduleResult } from '../domain/stages';
import { weekDatesFrom } from '../domain/time';
import type { ScheduleItem } from '../domain/types';
import {
  CATEGORY_WORDS,
  channelName,
  humanize,
  longDate,
  plural,
  STATUS_WORDS,
  sendTypeDescription,
  sendTypeName,
  shortTime,
  targetName,
  usd,
  weekdayName,
  whyNotPassed,
} from './words';

// ---------------------------------------------------------------------------------------- text

const ESCAPES: Readonly<Record<string, string>> = Object.freeze({
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
});

/** Escapes text for an HTML text node or a double-quoted attribute value. */
const esc = (value: unknown): string => String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

// ---------------------------------------------------------------------------------------- ids

/** A valid, unique element id for every slot id, in item order. */
const elementIds = (items: ReadonlyArray<ScheduleItem>): ReadonlyMap<string, string> => {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const item of items) {
    if (ids.has(item.slotId)) continue;
    const base = `item-${item.slotId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    ids.set(item.slotId, id);
  }
  return ids;
};

// ---------------------------------------------------------------------------------------- items

const byLocalTime = (a: ScheduleItem, b: ScheduleItem): number =>
  a.scheduledTime < b.scheduledTime
    ? -1
    : a.scheduledTime > b.scheduledTime
      ? 1
      : a.scheduledAt < b.scheduledAt
        ? -1
        : a.scheduledAt > b.scheduledAt
          ? 1
          : a.slotId < b.slotId
            ? -1
            : a.slotId > b.slotId
              ? 1
              : 0;

interface Context {
  readonly ids: ReadonlyMap<string, string>;
  readonly bySlot: ReadonlyMap<string, ScheduleItem>;
  readonly children: ReadonlyMap<string, ReadonlyArray<ScheduleItem>>;
}

const shortRef = (item: ScheduleItem): string =>
  `${sendTypeName(item.sendTypeKey)} ${shortTime(item.scheduledTime)}`;

const parentLine = (item: ScheduleItem, ctx: Context): string => {
  if (item.parentItemId === null) return '';
  const parent = ctx.bySlot.get(item.parentItemId);
  const id = ctx.ids.get(item.parentItemId);
  const label = item.isFollowUp ? 'Follow-up of' : 'Promotes';
  const delay =
    item.isFollowUp && item.followupDelayMinutes !== null
      ? ` <span class="muted">(${esc(item.followupDelayMinutes)} min later)</span>`
      : '';
  const target =
    parent !== undefined && id !== undefined
      ? `<a class="parent-link" href="#${esc(id)}">${esc(shortRef(parent))}</a>`
      : `<span class="missing-parent">${esc(item.parentItemId)} (not in this week)</span>`;
  return `<p class="rel">${label} ${target}${delay}</p>`;
};

const childrenLine = (item: ScheduleItem, ctx: Context): string => {
  const kids = ctx.children.get(item.slotId) ?? [];
  if (kids.length === 0) return '';
  const links = kids
    .map((k) => {
      const id = ctx.ids.get(k.slotId) ?? '';
      return `<li><a class="child-link" href="#${esc(id)}">${esc(shortRef(k))}</a></li>`;
    })
    .join('');
  const label = kids.every((k) => k.isFollowUp)
    ? 'Follow-ups'
    : kids.some((k) => k.isFollowUp)
      ? 'Follow-ups and links'
      : 'Promoted by';
  return `<div class="rel children"><span>${label}:</span><ul>${links}</ul></div>`;
};

const badges = (item: ScheduleItem): string => {
  const b: string[] = [];
  if (item.needsCaption)
    b.push(
      '<span class="badge badge-caption" title="Write this caption by hand">✎ Manual caption needed</span>',
    );
  if (item.flyerRequired) b.push('<span class="badge">Flyer</span>');
  if (item.campaignType !== null)
    b.push(
      `<span class="badge">${esc(humanize(item.campaignType))}${item.gameType === null ? '' : `: ${esc(humanize(item.gameType))}`}</span>`,
    );
  else if (item.gameType !== null)
    b.push(`<span class="badge">${esc(humanize(item.gameType))}</span>`);
  if (item.movedFromDate !== null)
    b.push(
      `<span class="badge">Moved from ${esc(weekdayName(item.movedFromDate).slice(0, 3))}</span>`,
    );
  return b.length === 0 ? '' : `<p class="badges">${b.join('')}</p>`;
};

const renderItem = (item: ScheduleItem, ctx: Context): string => {
  const id = ctx.ids.get(item.slotId) ?? '';
  const classes = [
    'item',
    `cat-${item.category.replace(/[^a-z0-9_-]/gi, '')}`,
    item.isFollowUp ? 'followup' : '',
    item.needsCaption ? 'needs-caption' : '',
  ]
    .filter((c) => c !== '')
    .join(' ');
  const parentAttr =
    item.parentItemId === null
      ? ''
      : ` data-parent-id="${esc(ctx.ids.get(item.parentItemId) ?? '')}" data-parent-slot-id="${esc(item.parentItemId)}"`;
  const price =
    item.suggestedPrice === null
      ? ''
      : `<span class="price">${esc(usd(item.suggestedPrice))}</span>`;
  const caption = item.needsCaption
    ? '<p class="caption caption-missing">No caption yet</p>'
    : `<p class="caption" title="${esc(item.captionText)}">${esc(item.captionText)}</p>`;
  return [
    `<article class="${classes}" id="${esc(id)}" data-slot-id="${esc(item.slotId)}" data-category="${esc(item.category)}" data-send-type="${esc(item.sendTypeKey)}"${parentAttr}>`,
    '<header class="item-head">',
    `<time datetime="${esc(`${item.scheduledDate}T${item.scheduledTime}`)}">${esc(shortTime(item.scheduledTime))}</time>`,
    `<span class="send-type">${esc(sendTypeName(item.sendTypeKey))}</span>`,
    price,
    '</header>',
    `<p class="target">To ${esc(targetName(item.targetKey))} <span class="muted">· ${esc(channelName(item.channelKey))}</span></p>`,
    caption,
    badges(item),
    parentLine(item, ctx),
    childrenLine(item, ctx),
    '</article>',
  ].join('');
};

// ---------------------------------------------------------------------------------------- sections

const renderCalendar = (
  dates: ReadonlyArray<string>,
  items: ReadonlyArray<ScheduleItem>,
  ctx: Context,
): string => {
  const inWeek = new Set(dates);
  const columns = dates
    .map((date) => {
      const day = items.filter((i) => i.scheduledDate === date).sort(byLocalTime);
      return [
        `<section class="day" data-date="${esc(date)}" aria-label="${esc(`${weekdayName(date)} ${date}`)}">`,
        `<h3 class="day-head"><span class="weekday">${esc(weekdayName(date))}</span><span class="date">${esc(longDate(date))}</span><span class="count">${esc(plural(day.length, 'send'))}</span></h3>`,
        `<div class="day-items">${day.length === 0 ? '<p class="muted empty">Nothing planned</p>' : day.map((i) => renderItem(i, ctx)).join('')}</div>`,
        '</section>',
      ].join('');
    })
    .join('');
  const outside = items
    .filter((i) => !inWeek.has(i.scheduledDate))
    .sort((a, b) =>
      a.scheduledDate < b.scheduledDate
        ? -1
        : a.scheduledDate > b.scheduledDate
          ? 1
          : byLocalTime(a, b),
    );
  const outsideSection =
    outside.length === 0
      ? ''
      : `<section class="outside"><h3>Outside this week</h3><div class="outside-items">${outside
          .map(
            (i) => `<div><p class="muted">${esc(i.scheduledDate)}</p>${renderItem(i, ctx)}</div>`,
          )
          .join('')}</div></section>`;
  const key = CATEGORIES.map(
    (c) =>
      `<span class="key"><span class="swatch cat-${esc(c)}"></span>${esc(CATEGORY_WORDS[c].label)}</span>`,
  ).join('');
  return `<section class="calendar-wrap" aria-label="Week calendar"><div class="calendar-head"><h2>Calendar</h2><p class="calendar-key">${key}<a href="#legend">Legend</a></p></div><div class="calendar">${columns}</div>${outsideSection}</section>`;
};

const renderLegend = (items: ReadonlyArray<ScheduleItem>): string => {
  const cats = CATEGORIES.map(
    (c) =>
      `<li class="legend-cat" data-category="${esc(c)}"><span class="swatch cat-${esc(c)}"></span><strong>${esc(CATEGORY_WORDS[c].label)}</strong> <span>${esc(CATEGORY_WORDS[c].text)}</span></li>`,
  ).join('');
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.sendTypeKey, (counts.get(i.sendTypeKey) ?? 0) + 1);
  const order = (k: string): number => {
    const c = SEND_TYPES[k as SendTypeKey]?.category;
    return c === undefined ? CATEGORIES.length : CATEGORIES.indexOf(c);
  };
  const types = [...counts.keys()]
    .sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => {
      const cat = SEND_TYPES[k as SendTypeKey]?.category ?? '';
      return `<li class="legend-type" data-send-type="${esc(k)}"><span class="swatch cat-${esc(cat)}"></span><strong>${esc(sendTypeName(k))}</strong> <span class="muted">×${esc(counts.get(k) ?? 0)}</span> <span>${esc(sendTypeDescription(k))}</span></li>`;
    })
    .join('');
  return [
    '<section class="legend" id="legend" aria-label="Legend">',
    '<h2>Legend</h2>',
    `<ul class="legend-cats">${cats}</ul>`,
    '<p class="legend-marks"><span class="badge badge-caption">✎ Manual caption needed</span> no caption in the bank fits: write one by hand. <span class="mark-followup">Indented, dashed</span> items are follow-ups and link to their parent.</p>',
    `<h3>Send types this week</h3><ul class="legend-types">${types === '' ? '<li class="muted">None</li>' : types}</ul>`,
    '</section>',
  ].join('');
};

const issueList = (cls: string, title: string, issues: ReadonlyArray<Issue>): string =>
  issues.length === 0
    ? ''
    : `<div class="issues ${cls}"><h3>${esc(title)} (${issues.length})</h3><ul>${issues
        .map(
          (i) =>
            `<li data-code="${esc(i.code)}"><span class="msg">${esc(i.message)}</span> <span class="code">${esc(humanize(i.code))}</span></li>`,
        )
        .join('')}</ul></div>`;

const renderReport = (result: ScheduleResult): string => {
  const v = result.validation;
  const status = v.status as string;
  const statusClass = `status status-${status.replace(/[^a-z0-9_-]/gi, '')}`;
  const word = STATUS_WORDS[v.status] ?? humanize(status);
  const score = Number.isFinite(v.score) ? Math.round(v.score) : v.score;
  const notes =
    v.notes.length === 0
      ? ''
      : `<details class="issues notes"><summary>Notes (${v.notes.length}): what the build adjusted</summary><ul>${v.notes
          .map(
            (i) =>
              `<li data-code="${esc(i.code)}"><span class="msg">${esc(i.message)}</span> <span class="code">${esc(humanize(i.code))}</span></li>`,
          )
          .join('')}</ul></details>`;
  const recs =
    v.recommendations.length === 0
      ? ''
      : `<div class="issues recommendations"><h3>Recommendations</h3><ul>${v.recommendations.map((r) => `<li>${esc(r)}</li>`).join('')}</ul></div>`;
  const failed = v.status === 'failed';
  return [
    `<section class="report${failed ? ' report-failed' : ''}" id="validation" aria-label="Validation report">`,
    '<h2>Validation</h2>',
    `<div class="report-head"><p class="${esc(statusClass)}" data-status="${esc(status)}">${esc(word)}</p>`,
    `<p class="score" data-score="${esc(score)}"><strong>${esc(score)}</strong><span>/100</span></p>`,
    `<p class="counts">${esc(plural(v.errors.length, 'error'))} · ${esc(plural(v.warnings.length, 'warning'))} · ${esc(plural(v.notes.length, 'note'))}${v.requiresCaptionReview ? ' · <strong>captions need review</strong>' : ''}</p></div>`,
    whyNotPassed(v).length === 0
      ? ''
      : `<p class="why">Not passed because: ${whyNotPassed(v).map(esc).join('; ')}.</p>`,
    failed
      ? '<p class="failed-banner">This week did not pass validation: fix the errors below before sending.</p>'
      : '',
    issueList('errors', 'Errors', v.errors),
    issueList('warnings', 'Warnings', v.warnings),
    recs,
    notes,
    '</section>',
  ].join('');
};

const renderSummary = (
  dates: ReadonlyArray<string>,
  items: ReadonlyArray<ScheduleItem>,
): string => {
  const count = (p: (i: ScheduleItem) => boolean): number => items.filter(p).length;
  const catCells = CATEGORIES.map(
    (c) =>
      `<li class="cat-${esc(c)}" data-category="${esc(c)}"><span class="n">${count((i) => i.category === c)}</span> ${esc(CATEGORY_WORDS[c].label)}</li>`,
  ).join('');
  const head = `<tr><th scope="col">Day</th>${CATEGORIES.map((c) => `<th scope="col">${esc(CATEGORY_WORDS[c].label)}</th>`).join('')}<th scope="col">Total</th></tr>`;
  const rows = dates
    .map((d) => {
      const day = items.filter((i) => i.scheduledDate === d);
      return `<tr data-date="${esc(d)}"><th scope="row">${esc(weekdayName(d).slice(0, 3))} ${esc(longDate(d))}</th>${CATEGORIES.map((c) => `<td>${day.filter((i) => i.category === c).length}</td>`).join('')}<td><strong>${day.length}</strong></td></tr>`;
    })
    .join('');
  const foot = `<tr><th scope="row">Week</th>${CATEGORIES.map((c) => `<td>${count((i) => i.category === c)}</td>`).join('')}<td><strong>${items.length}</strong></td></tr>`;
  const priced = items.filter((i) => i.suggestedPrice !== null);
  return [
    '<section class="summary" id="summary" aria-label="Summary">',
    '<h2>Summary</h2>',
    `<ul class="summary-cats"><li data-category="total"><span class="n">${items.length}</span> sends</li>${catCells}</ul>`,
    `<p class="muted">${esc(
      plural(
        count((i) => i.isFollowUp),
        'follow-up',
      ),
    )} · ${esc(plural(priced.length, 'priced send'))} · ${esc(
      plural(
        count((i) => i.needsCaption),
        'manual caption',
      ),
    )}</p>`,
    `<table class="per-day"><thead>${head}</thead><tbody>${rows}</tbody><tfoot>${foot}</tfoot></table>`,
    '</section>',
  ].join('');
};

// ---------------------------------------------------------------------------------------- page

const CSS = `
:root{--rev:#1f8a4c;--rev-bg:#e8f6ee;--eng:#2563c9;--eng-bg:#e9f0fc;--ret:#8a3fb8;--ret-bg:#f4ebfa;--ink:#1d2430;--muted:#5d6675;--line:#d9dee6;--bg:#f6f7f9}
*{box-sizing:border-box}
body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif,"Apple Color Emoji","Segoe UI Emoji","Noto Color Emoji";color:var(--ink);background:var(--bg)}
main{padding:16px 20px 40px;max-width:1900px;margin:0 auto}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:0 0 10px}h3{font-size:14px;margin:10px 0 6px}
.page-head{display:flex;flex-wrap:wrap;gap:12px 24px;align-items:flex-end;justify-content:space-between;margin-bottom:14px}
.creator{margin:0;color:var(--muted)}
.muted{color:var(--muted)}
.top{display:grid;grid-template-columns:minmax(0,1.25fr) minmax(0,1fr);gap:14px;margin-bottom:14px;align-items:start}
@media (max-width:1000px){.top{grid-template-columns:1fr}}
.report,.summary,.legend,.calendar-wrap{background:#fff;border:1px solid var(--line);border-radius:10px;padding:14px 16px}
.report-head{display:flex;flex-wrap:wrap;align-items:center;gap:10px 18px}
.status{margin:0;padding:4px 12px;border-radius:999px;font-weight:700;border:2px solid currentColor}
.status-passed{color:#12713d;background:#e6f6ec}
.status-passed_with_warnings{color:#8a5a00;background:#fff4d6}
.status-needs_review{color:#a44a00;background:#ffe9d6}
.status-failed{color:#fff;background:#c0262d;border-color:#c0262d}
.report-failed{border:2px solid #c0262d;box-shadow:0 0 0 3px #f8d3d5}
.failed-banner{margin:10px 0 0;padding:8px 12px;background:#fde8e9;color:#8f1c21;border-left:4px solid #c0262d;font-weight:600}
.score{margin:0;font-size:13px;color:var(--muted)}.score strong{font-size:24px;color:var(--ink)}
.counts{margin:0;color:var(--muted)}
.issues ul{margin:0;padding-left:18px}.issues li{margin:3px 0}
.issues .code{font-size:11px;color:var(--muted);background:var(--bg);border-radius:4px;padding:0 4px;white-space:nowrap}
.errors h3{color:#b3242a}.warnings h3{color:#8a5a00}
details.notes{margin-top:10px}details.notes summary{cursor:pointer;font-weight:600}
.summary-cats{display:flex;flex-wrap:wrap;gap:8px;list-style:none;margin:0 0 6px;padding:0}
.summary-cats li{padding:6px 10px;border-radius:8px;background:var(--bg);border-left:4px solid var(--line)}
.summary-cats .n{font-weight:700;font-size:18px}
.summary-cats li.cat-revenue{border-color:var(--rev);background:var(--rev-bg)}
.summary-cats li.cat-engagement{border-color:var(--eng);background:var(--eng-bg)}
.summary-cats li.cat-retention{border-color:var(--ret);background:var(--ret-bg)}
table.per-day{border-collapse:collapse;width:100%;font-size:13px}
.per-day th,.per-day td{padding:3px 8px;border-bottom:1px solid var(--line);text-align:right}
.per-day th[scope=row],.per-day thead th:first-child{text-align:left;font-weight:500}
.per-day tfoot th,.per-day tfoot td{font-weight:700;border-top:2px solid var(--line)}
.legend{margin-top:14px}
.calendar-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:6px 18px}
.calendar-key{margin:0 0 10px;display:flex;gap:14px;color:var(--muted);font-size:13px}.calendar-key a{color:inherit}
.legend ul{list-style:none;margin:0;padding:0}
.legend-cats{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:6px 16px}
.legend-types{columns:3 320px;column-gap:24px}
.legend li{margin:3px 0;break-inside:avoid}
.legend-marks{margin:8px 0 0}
.swatch{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:6px;vertical-align:-1px;background:var(--line)}
.swatch.cat-revenue{background:var(--rev)}.swatch.cat-engagement{background:var(--eng)}.swatch.cat-retention{background:var(--ret)}
.mark-followup{border:1px dashed var(--muted);padding:0 4px;border-radius:4px}
.calendar{display:grid;grid-template-columns:repeat(7,minmax(170px,1fr));gap:8px;overflow-x:auto;align-items:start}
.day{min-width:0;background:var(--bg);border-radius:8px;padding:6px}
.day-head{display:flex;flex-direction:column;margin:0 0 6px;padding:4px 6px;border-bottom:2px solid var(--line)}
.day-head .weekday{font-size:15px}.day-head .date{font-weight:400;color:var(--muted)}.day-head .count{font-weight:400;font-size:12px;color:var(--muted)}
.day-items{display:flex;flex-direction:column;gap:6px}
.empty{padding:8px}
.item{background:#fff;border:1px solid var(--line);border-left:5px solid var(--line);border-radius:6px;padding:6px 8px;font-size:12.5px;scroll-margin-top:12px}
.item:target{outline:3px solid #f0b429}
.item.cat-revenue{border-left-color:var(--rev);background:linear-gradient(90deg,var(--rev-bg),#fff 60%)}
.item.cat-engagement{border-left-color:var(--eng);background:linear-gradient(90deg,var(--eng-bg),#fff 60%)}
.item.cat-retention{border-left-color:var(--ret);background:linear-gradient(90deg,var(--ret-bg),#fff 60%)}
.item.followup{margin-left:14px;border-style:dashed;border-left-style:solid}
.item-head{display:flex;flex-wrap:wrap;gap:2px 6px;align-items:baseline}
.item-head time{font-variant-numeric:tabular-nums;font-weight:700}
.send-type{font-weight:600}
.price{margin-left:auto;font-weight:700;color:var(--rev)}
.item p{margin:2px 0}
.target{color:var(--ink)}
.caption{color:#333b48;font-style:italic;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;overflow-wrap:anywhere}
.caption-missing{color:#a44a00;font-style:normal}
.badges{display:flex;flex-wrap:wrap;gap:3px}
.badge{display:inline-block;font-size:11px;padding:0 5px;border-radius:4px;background:#eef0f3;color:var(--muted)}
.badge-caption{background:#fff1c2;color:#7a4d00;font-weight:600}
.item.needs-caption{box-shadow:inset 0 0 0 1px #f0b429}
.rel{font-size:11.5px;color:var(--muted)}
.rel a{color:inherit;font-weight:600}
.children ul{display:inline;margin:0;padding:0;list-style:none}.children li{display:inline;margin-left:4px}
.missing-parent{color:#b3242a}
.outside{margin-top:10px}.outside-items{display:flex;flex-wrap:wrap;gap:8px}.outside-items>div{width:220px}
footer{margin-top:16px;font-size:12px;color:var(--muted)}
`
  .trim()
  .replace(/\n/g, '');

/**
 * Renders a built week as one self-contained HTML page (inline CSS, no scripts, no external
 * assets; works offline and prints): a calendar with one column per local date from
 * `result.weekStart` (7 columns, header weekday and date), each day's items in local time order
 * (`scheduledTime`), coloured by category (revenue / engagement / retention); a legend of the
 * categories and of each send type used that week in plain words; the validation report (status,
 * 0-100 score, errors, warnings, notes with their plain `message`, recommendations; a week that
 * did not pass carries `status-failed` and a banner); and a summary of items per category and per
 * day.
 *
 * Each item is an `<article class="item cat-<category>">` with `id` `item-<slotId>` (characters
 * outside `A-Za-z0-9_-` become `-`, a clash gets `-2`, `-3`), `data-slot-id` and `data-category`.
 * It shows the local time `HH:mm`, the send type's name, the price in USD with cents (`$17.99`,
 * only when `suggestedPrice` is not `null`), the audience target and channel in words, the caption
 * (clamped to two lines, full text in `title`), and a `Manual caption needed` marker when
 * `needsCaption`. A follow-up (and a link drop, whose `parentItemId` is the campaign it promotes)
 * carries `data-parent-id` (the parent's element id) and an `<a href="#item-…">` to its parent;
 * a parent lists links to its follow-ups. Items dated outside the 7 days are listed below the
 * calendar, so every item appears exactly once.
 *
 * Pure: the same result and options give the same string; every text is HTML-escaped.
 *
 * - `result`: a `ScheduleResult` as `buildSchedule` returns it (failed weeks included).
 * - `options.title`: page title and heading (escaped); default
 *   `Weekly schedule: <creator> (week of <date>)`.
 * - Returns: the HTML document, `<!doctype html>` first, UTF-8, `lang="en"`.
 *
 * Source: seed 001 §7.3 (the report).
 *
 * @example
 * const page = toHtml(result, { title: 'Creator 04, week of 20 Jan' });
 * // '<!doctype html><html lang="en">…'
 *
 * @since 0.3.0
 * @category render
 */
export const toHtml = (result: ScheduleResult, options?: { readonly title?: string }): string => {
  const items = result.items;
  const dates = weekDatesFrom(result.weekStart);
  const ids = elementIds(items);
  const bySlot = new Map<string, ScheduleItem>();
  for (const i of items) if (!bySlot.has(i.slotId)) bySlot.set(i.slotId, i);
  const children = new Map<string, ScheduleItem[]>();
  for (const i of items)
    if (i.parentItemId !== null && bySlot.has(i.parentItemId))
      children.set(i.parentItemId, [...(children.get(i.parentItemId) ?? []), i]);
  for (const list of children.values()) list.sort(byLocalTime);
  const ctx: Context = { ids, bySlot, children };

  const creator = result.creator;
  const name = creator?.displayName ?? result.creatorId;
  const title =
    options?.title ?? `Weekly schedule: ${name} (week of ${longDate(result.weekStart)})`;
  const creatorLine = [
    name === result.creatorId ? result.creatorId : `${name} (${result.creatorId})`,
    creator === undefined ? '' : `${creator.pageType} page`,
    creator === undefined ? '' : plural(creator.fanCount, 'fan'),
    creator === undefined ? '' : `tier ${creator.performanceTier}`,
    creator === undefined ? '' : `times in ${creator.timezone}`,
  ]
    .filter((s) => s !== '')
    .join(' · ');
  const range = `${longDate(dates[0] ?? result.weekStart)} – ${longDate(dates[6] ?? result.weekStart)}`;

  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<header class="page-head"><div><h1>${esc(title)}</h1><p class="creator">${esc(creatorLine)}</p></div><p class="muted">${esc(range)} · ${esc(plural(items.length, 'send'))}</p></header>`,
    `<div class="top">${renderReport(result)}${renderSummary(dates, items)}</div>`,
    renderCalendar(dates, items, ctx),
    renderLegend(items),
    '<footer>Local times in the creator’s time zone. Prices in USD. Generated by eros-schedule.</footer>',
    '</main>',
    '</body>',
    '</html>',
  ].join('\n');
};
