/**
 * Regression (issue 9): `toTable` at its natural width (no `width` option: as wide as its cells,
 * nothing cut), cells that begin with the slot label (`2025-01-20_3` -> `3`, its follow-up `3+`),
 * the legend line that explains `N before a send`, and with a width the labels dropped before a
 * price is cut. A week that does not pass says why (`  why: `). Own literals only.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoAgency } from '../../src/demo';
import {
  buildSchedule,
  inMemoryPorts,
  type ScheduleItem,
  type ScheduleResult,
} from '../../src/index';
import { toTable } from '../../src/render/table';
import { demoWeek as demoWeek42 } from './weeks';
import { demoWeek, demoWeeks } from './zonedWeeks';

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences.
const stripAnsi = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');
/** Terminal width of plain text (emoji two columns), independent of the renderer's. */
const cols = (s: string): number =>
  [...stripAnsi(s)].reduce((n, c) => n + (/\p{Extended_Pictographic}/u.test(c) ? 2 : 1), 0);

/** The grid: the header, the rule, the rows and the closing rule. */
const gridOf = (table: string): string[] => {
  const lines = stripAnsi(table).split('\n');
  const first = lines.findIndex((l) => l.includes('┼'));
  const last = lines.length - 1 - [...lines].reverse().findIndex((l) => l.includes('┼'));
  return lines.slice(first - 1, last + 1);
};
const rowsOf = (table: string): string[] => gridOf(table).slice(2, -1);

/** A price as the table shows it: `$16.99`, `$20` for whole dollars. */
const priceText = (usd: number): string =>
  Number.isInteger(usd) ? `$${usd}` : `$${usd.toFixed(2)}`;

/** The slot label of a slot id: the part after the date, `_followup` as `+`. */
const labelOf = (slotId: string): string => slotId.slice(11).replace(/_followup$/, '+');

/** The width of a send's cell without its label: `HH:MM CODE[*][ $price]` (codes 3 letters). */
const bareWidth = (i: ScheduleItem): number =>
  5 +
  1 +
  3 +
  (i.needsCaption ? 1 : 0) +
  (i.suggestedPrice === null ? 0 : 1 + priceText(i.suggestedPrice).length);

/** Each day's sends in the grid, column by column, as the cells' trimmed texts. */
const cellsByDay = (table: string): string[][] => {
  const days: string[][] = Array.from({ length: 7 }, () => []);
  for (const row of rowsOf(table))
    row.split('│').forEach((cell, k) => {
      if (cell.trim() !== '') days[k]?.push(cell.trim());
    });
  return days;
};

const CELL = /^(?:(\d+\+?) )?(\d{2}:\d{2}) ([A-Z]{3})(\*?)(?: (\$\d+(?:\.\d{2})?))?$/;

let weeks: ScheduleResult[] = [];
beforeAll(async () => {
  weeks = [
    ...(await demoWeeks()),
    await demoWeek('creator_03', '2025-03-03', 7),
    await demoWeek42('creator_01', 42, '2025-01-20'),
    await demoWeek42('creator_05', 42, '2025-01-20'),
  ];
}, 120_000);

const byTime = (a: ScheduleItem, b: ScheduleItem) => a.scheduledAt.localeCompare(b.scheduledAt);
const datesOf = (w: ScheduleResult): string[] =>
  Array.from({ length: 7 }, (_, k) => {
    const d = new Date(`${w.weekStart}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + k);
    return d.toISOString().slice(0, 10);
  });

describe('toTable without a width: as wide as its cells', () => {
  it('every grid line has the same width, nothing is cut, every price is whole', () => {
    for (const w of weeks) {
      const table = toTable(w);
      const grid = gridOf(table);
      const first = cols(grid[0] as string);
      for (const line of grid) expect(cols(line), `${w.creatorId} ${line}`).toBe(first);
      expect(grid.join('\n')).not.toContain('…');
      const shown = rowsOf(table).join('\n');
      const prices = [...shown.matchAll(/\$\d+(?:\.\d{2})?/g)].map((m) => m[0]).sort();
      const expected = w.items
        .filter((i) => i.suggestedPrice !== null)
        .map((i) => priceText(i.suggestedPrice as number))
        .sort();
      expect(prices, w.creatorId).toEqual(expected);
    }
  });

  it('shows a VIP price over $100 whole (VIP $140.99-like prices are not cut)', () => {
    const vip = weeks.flatMap((w) =>
      w.items
        .filter((i) => i.sendTypeKey === 'vip_program' && (i.suggestedPrice ?? 0) >= 100)
        .map((i) => [w, i] as const),
    );
    expect(vip.length).toBeGreaterThan(0);
    for (const [w, i] of vip) {
      const text = `${i.scheduledTime.slice(0, 5)} VIP${i.needsCaption ? '*' : ''} ${priceText(i.suggestedPrice as number)}`;
      expect(rowsOf(toTable(w)).join('\n'), `${w.creatorId} ${i.slotId}`).toContain(text);
    }
  });

  it('each cell begins with its slot label: the slot id after its date, follow-ups N+', () => {
    for (const w of weeks) {
      const table = toTable(w);
      const dates = datesOf(w);
      const days = cellsByDay(table);
      dates.forEach((date, k) => {
        const items = w.items.filter((i) => i.scheduledDate === date).sort(byTime);
        const cells = days[k] ?? [];
        expect(cells, `${w.creatorId} ${date}`).toHaveLength(items.length);
        cells.forEach((cell, n) => {
          const item = items[n] as ScheduleItem;
          const m = CELL.exec(cell);
          expect(m, `${w.creatorId} ${cell}`).not.toBeNull();
          expect(m?.[1], cell).toBe(labelOf(item.slotId));
          expect(m?.[2], cell).toBe(item.scheduledTime.slice(0, 5));
          expect(m?.[4], cell).toBe(item.needsCaption ? '*' : '');
          expect(m?.[5] ?? null, cell).toBe(
            item.suggestedPrice === null ? null : priceText(item.suggestedPrice),
          );
          if (item.isFollowUp) expect(m?.[1]).toMatch(/^\d+\+$/);
        });
      });
    }
  });

  it("a follow-up's label is its parent's label with +", () => {
    for (const w of weeks)
      for (const f of w.items.filter((i) => i.isFollowUp && i.parentItemId !== null))
        expect(labelOf(f.slotId)).toBe(`${labelOf(f.parentItemId as string)}+`);
  });

  it("the legend explains 'N before a send' and N+", () => {
    for (const w of weeks) {
      const flat = stripAnsi(toTable(w)).replace(/\s+/g, ' ');
      expect(flat).toContain('N before a send');
      expect(flat).toContain(`${w.weekStart}_1`);
      expect(flat).toContain('N+');
    }
  });
});

describe('toTable with a width', () => {
  it('width 120: every line fits, and labels go before prices are cut when the bare cells fit', () => {
    for (const w of weeks) {
      const table = toTable(w, { width: 120 });
      for (const line of table.split('\n')) expect(cols(line), line).toBeLessThanOrEqual(120);
      const room = Math.floor((120 - 6) / 7);
      const bare = Math.max(...w.items.map(bareWidth));
      if (bare <= room) {
        const shown = rowsOf(table).join('\n');
        expect(shown, w.creatorId).not.toContain('…');
        for (const i of w.items)
          if (i.suggestedPrice !== null) expect(shown).toContain(priceText(i.suggestedPrice));
      }
    }
  });

  it('width 120, a week whose bare cells fit 16 columns: prices whole, no labels (hard case)', () => {
    const w = weeks[0] as ScheduleResult;
    // Prices of at most $99.99 and no caption marks: `HH:MM VIP $99.99` is 16 columns.
    const items = w.items.map((i) => ({
      ...i,
      needsCaption: false,
      suggestedPrice: i.suggestedPrice === null ? null : Math.min(i.suggestedPrice, 99.99),
    }));
    expect(Math.max(...items.map(bareWidth))).toBeLessThanOrEqual(16);
    expect(Math.max(...w.items.map(bareWidth))).toBeGreaterThan(10);
    const table = toTable({ ...w, items }, { width: 120 });
    for (const line of table.split('\n')) expect(cols(line)).toBeLessThanOrEqual(120);
    const grid = gridOf(table);
    expect(grid.join('\n')).not.toContain('…');
    const cells = cellsByDay(table).flat();
    expect(cells).toHaveLength(items.length);
    for (const cell of cells) {
      const m = CELL.exec(cell);
      expect(m, cell).not.toBeNull();
      expect(m?.[1], cell).toBeUndefined(); // no label
    }
    const prices = [...grid.join('\n').matchAll(/\$\d+(?:\.\d{2})?/g)].map((m) => m[0]).sort();
    expect(prices).toEqual(
      items
        .filter((i) => i.suggestedPrice !== null)
        .map((i) => priceText(i.suggestedPrice as number))
        .sort(),
    );
  });

  it('any width: lines fit, grid aligned; prices whole whenever the bare cells fit; labels whenever the labelled cells fit (property)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 41, max: 260 }), (k, width) => {
        const w = weeks[k % weeks.length] as ScheduleResult;
        const table = toTable(w, { width });
        for (const line of table.split('\n')) expect(cols(line)).toBeLessThanOrEqual(width);
        const grid = gridOf(table);
        const first = cols(grid[0] as string);
        for (const line of grid) expect(cols(line)).toBe(first);
        const room = Math.floor((width - 6) / 7);
        const bare = Math.max(...w.items.map(bareWidth));
        const labelled = Math.max(
          ...w.items.map(
            (i) => bareWidth(i) + 1 + Math.max(...w.items.map((x) => labelOf(x.slotId).length)),
          ),
        );
        const cells = cellsByDay(table).flat();
        if (labelled <= room) {
          expect(grid.join('\n')).not.toContain('…');
          for (const cell of cells) expect(CELL.exec(cell)?.[1], cell).toBeDefined();
        } else if (bare <= room) {
          expect(grid.join('\n')).not.toContain('…');
          for (const cell of cells) expect(CELL.exec(cell)?.[1], cell).toBeUndefined();
        }
      }),
      { numRuns: 120 },
    );
  });
});

describe('a week that does not pass says why', () => {
  it("needs_review: a line starting with '  why: '", async () => {
    const dataset = { ...generateDemoAgency(42), captions: [] };
    const r = await buildSchedule({ creatorId: 'creator_01', weekStart: '2025-01-20', seed: 42 })(
      inMemoryPorts(dataset),
    )();
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(r.right.validation.status).toBe('needs_review');
    const lines = toTable(r.right).split('\n');
    const why = lines.filter((l) => l.startsWith('  why: '));
    expect(why.length).toBeGreaterThan(0);
    expect(lines.findIndex((l) => l.startsWith('Validation: needs review'))).toBeLessThan(
      lines.indexOf(why[0] as string),
    );
  });

  it('a passing week has no why line', () => {
    for (const w of weeks.filter(
      (x) => x.validation.status === 'passed' || x.validation.status === 'passed_with_warnings',
    ))
      expect(
        toTable(w)
          .split('\n')
          .some((l) => l.startsWith('  why: ')),
      ).toBe(false);
  });
});
