/**
 * `toTable`: every send appears once in its day's column in time order, the grid is aligned and
 * fits the width, the legend explains every code used, the status and the issues are shown.
 * Own literals only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Issue, ScheduleItem, ScheduleResult } from '../../src/index';
import { displayWidth, toTable } from '../../src/render/table';
import { demoWeek, demoWeeks } from './zonedWeeks';

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences.
const stripAnsi = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');
/** Terminal width of plain text (emoji two columns), independent of the renderer's. */
const cols = (s: string): number =>
  [...stripAnsi(s)].reduce((n, c) => n + (/\p{Extended_Pictographic}/u.test(c) ? 2 : 1), 0);

const gridOf = (table: string): string[] => {
  const lines = stripAnsi(table).split('\n');
  const first = lines.findIndex((l) => l.includes('┼'));
  const last = lines.length - 1 - [...lines].reverse().findIndex((l) => l.includes('┼'));
  return lines.slice(first - 1, last + 1); // header, rule, rows, rule
};

const TIME = /\b\d{2}:\d{2}\b/g;

let weeks: ReadonlyArray<ScheduleResult> = [];
beforeAll(async () => {
  weeks = [...(await demoWeeks()), await demoWeek('creator_03', '2025-03-03', 7)];
});

describe('toTable', () => {
  it('shows every send once, in its day column, in time order', () => {
    for (const w of weeks) {
      const grid = gridOf(toTable(w));
      const rows = grid.slice(2, -1);
      const columns: string[][] = Array.from({ length: 7 }, () => []);
      for (const row of rows)
        row.split('│').forEach((cell, k) => {
          for (const m of cell.matchAll(TIME)) columns[k]?.push(m[0]);
        });
      expect(columns.flat()).toHaveLength(w.items.length);
      const dates = [...new Set(w.items.map((i) => i.scheduledDate))].sort();
      expect(dates).toHaveLength(7);
      dates.forEach((date, k) => {
        const expected = w.items
          .filter((i) => i.scheduledDate === date)
          .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt))
          .map((i) => i.scheduledTime.slice(0, 5));
        expect(columns[k]).toEqual(expected);
      });
    }
  });

  it('heads each column with the weekday and the date', () => {
    const w = weeks[0] as ScheduleResult; // week of 2025-01-20, a Monday
    const header = gridOf(toTable(w))[0] as string;
    expect(header.split('│').map((c) => c.trim())).toEqual([
      'Mon 01-20',
      'Tue 01-21',
      'Wed 01-22',
      'Thu 01-23',
      'Fri 01-24',
      'Sat 01-25',
      'Sun 01-26',
    ]);
  });

  it('aligns the grid and fits every line in the width, with and without colour', () => {
    for (const w of weeks)
      for (const width of [120, 100, 80, 61, 43])
        for (const color of [false, true]) {
          const table = toTable(w, { width, color });
          const grid = gridOf(table);
          expect(grid.length).toBeGreaterThan(4);
          const first = cols(grid[0] as string);
          for (const line of grid) expect(cols(line), `${width} ${line}`).toBe(first);
          expect(first).toBeLessThanOrEqual(width);
          for (const line of table.split('\n')) expect(cols(line)).toBeLessThanOrEqual(width);
          expect(grid.slice(2, -1).join('\n').match(TIME)).toHaveLength(w.items.length);
        }
  });

  it('shows the send type code and the price in a wide cell', () => {
    const w = weeks[0] as ScheduleResult;
    const table = toTable(w, { width: 140 });
    const priced = w.items.find(
      (i) => i.sendTypeKey === 'ppv_unlock' && i.suggestedPrice !== null,
    ) as ScheduleItem;
    const price = priced.suggestedPrice as number;
    const text = Number.isInteger(price) ? `$${price}` : `$${price.toFixed(2)}`;
    expect(table).toContain(`${priced.scheduledTime.slice(0, 5)} PPV ${text}`);
    const bump = w.items.find((i) => i.sendTypeKey === 'bump_normal') as ScheduleItem;
    expect(table).toContain(`${bump.scheduledTime.slice(0, 5)} BMP `);
  });

  it('lists in the legend each code used, with the send type and category in plain words', () => {
    for (const w of weeks) {
      const table = stripAnsi(toTable(w));
      const legend = table.slice(table.indexOf('Legend: ')).split('\nValidation')[0] as string;
      const codes = new Set(
        gridOf(table)
          .slice(2, -1)
          .flatMap((r) => [...r.matchAll(/\d{2}:\d{2} ([A-Z]{3})/g)].map((m) => m[1] as string)),
      );
      expect(codes.size).toBeGreaterThan(5);
      for (const code of codes) expect(legend).toMatch(new RegExp(`(^|; |\\s)${code} = [A-Z]`));
      const entries = legend.replace(/^Legend: /, '').split(/;\s+/);
      expect(entries.filter((e) => /^[A-Z]{3} = /.test(e))).toHaveLength(codes.size);
      const keys = new Set(w.items.map((i) => i.sendTypeKey));
      if (keys.has('ppv_unlock')) expect(legend).toContain('PPV = PPV Unlock (revenue)');
      if (keys.has('ppv_followup')) expect(legend).toContain('FUP = PPV Follow-up (retention)');
      if (keys.has('bump_normal')) expect(legend).toContain('BMP = Bump (Normal) (engagement)');
    }
  });

  it('states the validation status and score, and each error and warning message', () => {
    const status: Record<string, string> = {
      passed: 'passed',
      passed_with_warnings: 'passed with warnings',
      needs_review: 'needs review',
      failed: 'failed',
    };
    for (const w of weeks) {
      const table = toTable(w, { width: 200 });
      const v = w.validation;
      const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
      expect(table).toContain(
        `Validation: ${status[v.status]}, score ${v.score}/100 (${n(v.errors.length, 'error')}, ${n(v.warnings.length, 'warning')}, ${n(v.notes.length, 'note')})`,
      );
      const flat = table.replace(/\s+/g, ' ');
      for (const issue of [...v.errors, ...v.warnings])
        expect(flat).toContain(issue.message.replace(/\s+/g, ' '));
    }
    const w = weeks[0] as ScheduleResult;
    const error: Issue = {
      ...(w.validation.notes[0] as Issue),
      severity: 'error',
      message:
        'Two sends of the same PPV style on 2025-01-21 at 20:07 and 21:12, which the rotation forbids because the style must change',
    };
    const failed: ScheduleResult = {
      ...w,
      validation: { ...w.validation, status: 'failed', score: 40, errors: [error] },
    };
    const narrow = toTable(failed, { width: 60 });
    expect(narrow).toContain('Validation: failed, score 40/100 (1 error,');
    expect(narrow).toContain('why: 1 error');
    expect(narrow).toContain('Errors:\n  x Two sends of the same PPV style');
    for (const line of narrow.split('\n')) expect(cols(line)).toBeLessThanOrEqual(60);
    expect(narrow.replace(/\s+/g, ' ')).toContain(error.message);
    expect(toTable(failed, { color: true })).toContain('\u001b[31mfailed\u001b[0m');
  });

  it('writes ANSI colour only when asked, and never a caption', () => {
    const w = weeks[0] as ScheduleResult;
    expect(toTable(w)).not.toContain('\u001b[');
    expect(toTable(w, { color: true })).toContain('\u001b[');
    expect(stripAnsi(toTable(w, { color: true }))).toBe(toTable(w));
    const table = toTable(w, { width: 400 });
    for (const i of w.items.filter((x) => x.captionText.length > 20))
      expect(table).not.toContain(i.captionText);
  });

  it('marks a send that needs a caption, lists a send dated outside the week, draws an empty week', () => {
    const w = weeks[0] as ScheduleResult;
    const base = w.items[0] as ScheduleItem;
    const manual = {
      ...base,
      needsCaption: true,
      captionId: null,
      captionText: 'MANUAL_REQUIRED',
      scheduledTime: '07:05:00',
    };
    const late = {
      ...base,
      slotId: '2025-01-26_9_followup',
      scheduledDate: '2025-01-27',
      scheduledTime: '00:10:00',
      scheduledAt: '2025-01-27T05:10:00.000Z',
    };
    const table = toTable({ ...w, items: [manual, late] });
    expect(table).toMatch(/07:05 [A-Z]{3}\*/);
    expect(table).toContain('* = needs a caption');
    expect(table).toMatch(/Outside the week: 2025-01-27 00:10 [A-Z]{3}/);
    const empty = toTable({ ...w, items: [] });
    const grid = gridOf(empty);
    expect(grid).toHaveLength(4);
    expect(new Set(grid.map(cols)).size).toBe(1);
    expect(displayWidth('ab💋')).toBe(4);
    expect(displayWidth('\u001b[32mok\u001b[0m')).toBe(2);
  });
});
