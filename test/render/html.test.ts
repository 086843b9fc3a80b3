/**
 * `toHtml` (seed 001 §7.3, the report): the page of a demo week has one element per item with an
 * id from its slot id, follow-ups link to their parents, every text is escaped, a week that did
 * not pass is marked. The page is read as text here; `html.browser.test.ts` loads it in Chromium.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScheduleItem, ScheduleResult } from '../../src/index';
import { toHtml } from '../../src/render';
import { articlesOf, attr, DEMO_CREATORS, demoWeek, idsOf } from './weeks';

const countOf = (haystack: string, needle: string): number => haystack.split(needle).length - 1;

/** The invariants every rendered week keeps. */
const checkPage = (week: ScheduleResult, html: string): void => {
  expect(html.startsWith('<!doctype html>')).toBe(true);
  const ids = idsOf(html);
  expect(new Set(ids).size).toBe(ids.length);
  const articles = articlesOf(html);
  expect(articles).toHaveLength(week.items.length);
  for (const item of week.items) {
    expect(countOf(html, ` id="item-${item.slotId}"`)).toBe(1);
    expect(countOf(html, ` data-slot-id="${item.slotId}"`)).toBe(1);
  }
  const idSet = new Set(ids);
  for (const { open, body } of articles) {
    const slotId = attr(open, 'data-slot-id');
    const item = week.items.find((i) => i.slotId === slotId);
    expect(item).toBeDefined();
    expect(attr(open, 'data-category')).toBe(item?.category);
    if (item?.isFollowUp) {
      const parentId = attr(open, 'data-parent-id');
      expect(parentId).toBe(`item-${item.parentItemId}`);
      expect(idSet.has(parentId ?? '')).toBe(true);
      expect(body).toContain(`href="#${parentId}"`);
    }
  }
  // parents list their follow-ups
  for (const f of week.items.filter((i) => i.isFollowUp)) {
    const parent = articles.find((a) => attr(a.open, 'data-slot-id') === f.parentItemId);
    expect(parent?.body).toContain(`href="#item-${f.slotId}"`);
  }
  // 7 day columns, each item in its day, in local time order
  const days = html.split('<section class="day" ').slice(1);
  expect(days).toHaveLength(7);
  for (const day of days) {
    const date = /data-date="([^"]*)"/.exec(day)?.[1];
    const shown = [...day.matchAll(/data-slot-id="([^"]*)"/g)].map((m) => m[1]);
    const expected = week.items
      .filter((i) => i.scheduledDate === date)
      .sort(
        (a, b) =>
          a.scheduledTime.localeCompare(b.scheduledTime) ||
          a.scheduledAt.localeCompare(b.scheduledAt) ||
          a.slotId.localeCompare(b.slotId),
      )
      .map((i) => i.slotId);
    expect(shown).toEqual(expected);
  }
};

describe('toHtml (seed 001 §7.3)', () => {
  let week: ScheduleResult;
  let html: string;
  beforeAll(async () => {
    week = await demoWeek('creator_04', 7);
    html = toHtml(week);
  });

  it('renders a self-contained page: doctype, lang, utf-8, inline CSS, no script or external asset', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link\b|\ssrc=|url\(|https?:\/\//i);
  });

  it('gives each item one element with its slot id, category and parent link', () => {
    expect(week.items.some((i) => i.isFollowUp)).toBe(true);
    checkPage(week, html);
  });

  it('shows a legend of the categories and of every send type of the week in plain words', () => {
    const legend = html.slice(html.indexOf('<section class="legend"'));
    for (const c of ['Revenue', 'Engagement', 'Retention']) expect(legend).toContain(c);
    for (const key of new Set(week.items.map((i) => i.sendTypeKey)))
      expect(legend).toContain(`data-send-type="${key}"`);
    expect(legend).toContain('PPV Follow-up');
  });

  it('shows prices in USD, the target in words and a marker when a caption is missing', () => {
    const [first, ...rest] = week.items;
    const priced: ScheduleItem = {
      ...(first as ScheduleItem),
      suggestedPrice: 17.99,
      needsCaption: true,
      captionId: null,
      captionText: 'MANUAL_REQUIRED',
    };
    const free: ScheduleItem = { ...(rest[0] as ScheduleItem), suggestedPrice: 20 };
    const page = toHtml({ ...week, items: [priced, free, ...rest.slice(1)] });
    const a = articlesOf(page).find((x) => attr(x.open, 'data-slot-id') === priced.slotId);
    expect(a?.body).toContain('$17.99');
    expect(a?.body).toContain('Manual caption needed');
    expect(a?.body).not.toContain('MANUAL_REQUIRED');
    expect(a?.open).toContain('needs-caption');
    expect(page).toContain('$20.00');
    expect(html).toContain('To All Active Fans');
  });

  it('escapes caption texts, messages, titles and slot ids', () => {
    const evil = '<script>alert(1)</script> & "q" \'s 😏';
    const [first, ...rest] = week.items;
    const item: ScheduleItem = {
      ...(first as ScheduleItem),
      slotId: '2025-01-20_9"><img src=x onerror=alert(1)>',
      captionText: evil,
      needsCaption: false,
    };
    const [warning] = week.validation.warnings;
    const result: ScheduleResult = {
      ...week,
      items: [item, ...rest],
      validation: {
        ...week.validation,
        warnings: warning === undefined ? [] : [{ ...warning, message: `bad <b>${evil}` }],
        recommendations: ['Try <i>less</i> & more'],
      },
    };
    const page = toHtml(result, { title: 'Week <of> "doom"' });
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b>');
    expect(page).not.toContain('<i>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;s 😏');
    expect(page).toContain(`title="&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;`);
    expect(page).toContain('<title>Week &lt;of&gt; &quot;doom&quot;</title>');
    expect(page).toContain('Try &lt;i&gt;less&lt;/i&gt; &amp; more');
    expect(page).toContain(
      'data-slot-id="2025-01-20_9&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"',
    );
    const ids = idsOf(page);
    expect(ids).toContain('item-2025-01-20_9---img-src-x-onerror-alert-1--');
    for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_-]*$/);
  });

  it('marks a week that did not pass with a failed status and lists its errors', () => {
    const [warning] = week.validation.warnings;
    expect(warning).toBeDefined();
    if (warning === undefined) return;
    const failed: ScheduleResult = {
      ...week,
      validation: {
        ...week.validation,
        status: 'failed',
        score: 41,
        errors: [{ ...warning, severity: 'error', message: 'Two winner PPVs back to back' }],
      },
    };
    const page = toHtml(failed);
    expect(page).toMatch(/<p class="status status-failed" data-status="failed">Failed<\/p>/);
    expect(page).toContain('class="report report-failed"');
    expect(page).toContain('did not pass validation');
    expect(page).toContain('Two winner PPVs back to back');
    expect(page).toContain('data-score="41"');
    expect(html).toContain(`status-${week.validation.status}`);
    expect(html.includes('class="status status-failed"')).toBe(false);
  });

  it('summarises the items per category and per day', () => {
    const summary = html.slice(html.indexOf('<section class="summary"'));
    for (const [c, n] of Object.entries(week.summary.byCategory))
      expect(summary).toContain(`data-category="${c}"><span class="n">${n}</span>`);
    for (const [date, n] of Object.entries(week.summary.byDay))
      expect(summary).toMatch(new RegExp(`<tr data-date="${date}">.*?<td><strong>${n}</strong>`));
  });

  it('is pure: the same result gives the same page', () => {
    expect(toHtml(week)).toBe(html);
    expect(toHtml(week, { title: 'x' })).toBe(toHtml(week, { title: 'x' }));
  });

  it('keeps its invariants over creators and seeds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...DEMO_CREATORS),
        fc.integer({ min: 1, max: 10_000 }),
        async (creatorId, seed) => {
          const w = await demoWeek(creatorId, seed);
          checkPage(w, toHtml(w));
        },
      ),
      { numRuns: 6, seed: 20250120 },
    );
  });
});
