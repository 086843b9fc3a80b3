/**
 * `toHtml` in a real browser: Debian's Chromium through playwright-core loads the page of a demo
 * week (`page.setContent`, no server), takes a screenshot and reads the laid-out DOM: 7 day
 * columns left to right, one visible element per item, every follow-up's parent link resolving to
 * an element, the legend and the validation status. Skipped when `/usr/bin/chromium` is missing.
 *
 * Set `EROS_KEEP_SCREENSHOT=1` to keep the screenshot (its path is logged).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScheduleResult } from '../../src/index';
import { toHtml } from '../../src/render';
import { demoWeek } from './weeks';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const TIMEOUT = 30_000;

// CI (`.ci/run`) installs Debian's chromium and sets EROS_REQUIRE_BROWSER=1: there a missing
// browser fails the suite instead of skipping it.
const required = process.env.EROS_REQUIRE_BROWSER === '1';
if (!hasChromium && !required)
  console.warn(`html.browser.test: ${CHROMIUM} not found, the browser tests are skipped`);

describe.runIf(!hasChromium && required)('the browser CI requires', () => {
  it(`is installed at ${CHROMIUM}`, () => {
    expect(hasChromium).toBe(true);
  });
});

describe.skipIf(!hasChromium)(`toHtml in Chromium (${CHROMIUM})`, () => {
  let browser: Browser;
  let page: Page;
  let week: ScheduleResult;
  let dir: string;

  beforeAll(async () => {
    week = await demoWeek('creator_04', 7);
    dir = await mkdtemp(join(tmpdir(), 'eros-schedule-html-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.setContent(toHtml(week), { waitUntil: 'load' });
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    if (dir !== undefined && process.env.EROS_KEEP_SCREENSHOT === undefined)
      await rm(dir, { recursive: true, force: true });
  }, TIMEOUT);

  it(
    'takes a full-page PNG screenshot',
    async () => {
      const path = join(dir, 'week.png');
      await page.screenshot({ path, fullPage: true });
      const png = await readFile(path);
      expect(png.length).toBeGreaterThan(10_000);
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      if (process.env.EROS_KEEP_SCREENSHOT !== undefined) console.info(`screenshot: ${path}`);
    },
    TIMEOUT,
  );

  it(
    'lays out 7 day columns left to right, weekday and date in each header',
    async () => {
      const days = page.locator('.calendar > .day');
      expect(await days.count()).toBe(7);
      const xs: number[] = [];
      for (let i = 0; i < 7; i++) {
        const box = await days.nth(i).boundingBox();
        expect(box).not.toBeNull();
        xs.push(box?.x ?? Number.NaN);
        const head = await days.nth(i).locator('.day-head').innerText();
        expect(head).toMatch(/(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day/);
      }
      for (let i = 0; i < 6; i++) expect(xs[i + 1] as number).toBeGreaterThan(xs[i] as number);
      expect(await days.first().getAttribute('data-date')).toBe(week.weekStart);
    },
    TIMEOUT,
  );

  it(
    'shows one visible element per item',
    async () => {
      const items = page.locator('article.item');
      expect(await items.count()).toBe(week.items.length);
      const boxes = await items.evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return {
            w: r.width,
            h: r.height,
            shown: e.ownerDocument.defaultView?.getComputedStyle(e).visibility !== 'hidden',
          };
        }),
      );
      for (const b of boxes) {
        expect(b.w).toBeGreaterThan(0);
        expect(b.h).toBeGreaterThan(0);
        expect(b.shown).toBe(true);
      }
      for (const item of week.items.slice(0, 10)) {
        const el = page.locator(`[data-slot-id="${item.slotId}"]`);
        expect(await el.count()).toBe(1);
        const box = await el.boundingBox();
        expect(box).not.toBeNull();
        expect(box?.width ?? 0).toBeGreaterThan(0);
        expect(box?.height ?? 0).toBeGreaterThan(0);
        expect(await el.getAttribute('id')).toBe(`item-${item.slotId}`);
      }
    },
    TIMEOUT,
  );

  it(
    "resolves each follow-up's parent link to an element of the page",
    async () => {
      const links = await page.locator('article.item.followup').evaluateAll((els) =>
        els.map((e) => {
          const a = e.querySelector('a.parent-link');
          const href = a?.getAttribute('href') ?? '';
          const target = href.startsWith('#')
            ? e.ownerDocument.getElementById(href.slice(1))
            : null;
          return {
            slotId: e.getAttribute('data-slot-id'),
            parentId: e.getAttribute('data-parent-id'),
            href,
            targetSlotId: target?.getAttribute('data-slot-id') ?? null,
          };
        }),
      );
      const followups = week.items.filter((i) => i.isFollowUp);
      expect(followups.length).toBeGreaterThan(0);
      expect(links).toHaveLength(followups.length);
      for (const l of links) {
        const item = followups.find((f) => f.slotId === l.slotId);
        expect(l.targetSlotId).toBe(item?.parentItemId);
        expect(l.href).toBe(`#${l.parentId}`);
      }
    },
    TIMEOUT,
  );

  it(
    'shows the legend and the validation status',
    async () => {
      const legend = page.locator('#legend');
      expect(await legend.isVisible()).toBe(true);
      expect(await legend.locator('.legend-cat').count()).toBe(3);
      const types = new Set(week.items.map((i) => i.sendTypeKey));
      expect(await legend.locator('.legend-type').count()).toBe(types.size);
      const status = page.locator('#validation .status');
      expect(await status.isVisible()).toBe(true);
      expect(await status.getAttribute('data-status')).toBe(week.validation.status);
      expect(await status.getAttribute('class')).toContain(`status-${week.validation.status}`);
      expect(await page.locator('#validation .score strong').innerText()).toBe(
        String(Math.round(week.validation.score)),
      );
    },
    TIMEOUT,
  );

  it(
    'marks a failed week visibly',
    async () => {
      const failed = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await failed.setContent(
        toHtml({ ...week, validation: { ...week.validation, status: 'failed', score: 40 } }),
      );
      const status = failed.locator('.status.status-failed');
      expect(await status.isVisible()).toBe(true);
      const bg = await status.evaluate(
        (e) => e.ownerDocument.defaultView?.getComputedStyle(e).backgroundColor,
      );
      expect(bg).toBe('rgb(192, 38, 45)');
      expect(await failed.locator('.failed-banner').isVisible()).toBe(true);
      await failed.close();
    },
    TIMEOUT,
  );
});
