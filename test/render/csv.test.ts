/**
 * `toCsv` / `fromCsv`: a lossless round trip of real weeks and of items with hostile text, and
 * errors that name the line and the column. Own literals only.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScheduleItem, ScheduleResult } from '../../src/index';
import { CSV_COLUMNS, type CsvError, fromCsv, toCsv } from '../../src/render/csv';
import { demoWeeks } from './zonedWeeks';

let weeks: ReadonlyArray<ScheduleResult> = [];
let sample: ReadonlyArray<ScheduleItem> = [];
beforeAll(async () => {
  weeks = await demoWeeks();
  sample = weeks.flatMap((w) => w.items.slice(0, 12));
});

const errorsOf = (text: string): CsvError[] => {
  const r = fromCsv(text);
  return E.isLeft(r) ? r.left : [];
};

const lines = (csv: string): string[] => csv.split('\r\n');

describe('toCsv', () => {
  it('writes a header row and one row per item, the fixed columns in order', () => {
    const items = weeks[0]?.items ?? [];
    const csv = toCsv(items);
    expect(lines(csv)[0]).toBe(
      [
        'slotId,scheduledDate,movedFromDate,scheduledTime,scheduledAt,sendTypeKey,category',
        'channelKey,targetKey,captionId,captionText,contentTypeId,mediaType,flyerRequired',
        'suggestedPrice,priority,isFollowUp,parentItemId,followupDelayMinutes,expiresAt',
        'strategyUsed,flavorEmphasis,variationMetadata.baseHour,variationMetadata.timeShift',
        'variationMetadata.jitter,variationMetadata.dailyStrategy,variationMetadata.primeHoursUsed',
        'variationMetadata.timeAdjusted,variationMetadata.adjustmentReason',
        'variationMetadata.fallbackUsed,needsCaption,ppvStyle,campaignType,gameType,reasons',
      ].join(','),
    );
    expect(CSV_COLUMNS).toHaveLength(35);
    expect(csv.endsWith('\r\n')).toBe(true);
    // One record per item (captions hold no line breaks in the demo).
    expect(lines(csv)).toHaveLength(items.length + 2);
  });

  it('writes null as an empty field, text quoted, prime hours joined by |', () => {
    const item = weeks[0]?.items.find((i) => i.suggestedPrice === null) as ScheduleItem;
    const row = lines(
      toCsv([
        {
          ...item,
          variationMetadata: {
            ...item.variationMetadata,
            primeHoursUsed: [19, 20, 21],
            adjustmentReason: '',
          },
        },
      ]),
    )[1] as string;
    expect(row.startsWith(`"${item.slotId}","${item.scheduledDate}",,`)).toBe(true);
    expect(row).toContain(',"19|20|21",');
    expect(row).toContain(',"",'); // the empty adjustment reason
  });

  it('adds a leading creatorId column when asked', () => {
    const csv = toCsv(weeks[0]?.items ?? [], { creatorId: 'creator_01' });
    expect(lines(csv)[0]?.startsWith('creatorId,slotId,')).toBe(true);
    expect(lines(csv)[1]?.startsWith('"creator_01",')).toBe(true);
  });

  it('writes formula-like text as it is by default, and neutralised with excelSafe', () => {
    const item = { ...(weeks[0]?.items[0] as ScheduleItem), captionText: '=HYPERLINK("x")' };
    expect(toCsv([item])).toContain(',"=HYPERLINK(""x"")",');
    const safe = toCsv(
      [{ ...item, variationMetadata: { ...item.variationMetadata, jitter: -5 } }],
      { excelSafe: true },
    );
    expect(safe.startsWith('\uFEFF')).toBe(true);
    expect(safe).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(safe).toContain(',-5,'); // numbers are not text: no quote mark
    const back = fromCsv(safe);
    expect(E.isRight(back) && back.right.items[0]?.captionText).toBe(`'=HYPERLINK("x")`);
  });
});

describe('fromCsv(toCsv(items)) round trip', () => {
  it('gives back every item of several demo weeks, deep-equal', () => {
    expect(weeks.length).toBeGreaterThanOrEqual(6);
    for (const w of weeks) {
      expect(fromCsv(toCsv(w.items))).toEqual(
        E.right({ items: w.items, creatorId: null, weekStart: null, seed: null }),
      );
      expect(
        fromCsv(toCsv(w.items, { creatorId: w.creatorId, weekStart: w.weekStart, seed: w.seed })),
      ).toEqual(
        E.right({
          items: w.items,
          creatorId: w.creatorId,
          weekStart: w.weekStart,
          seed: String(w.seed),
        }),
      );
    }
  });

  it('keeps hostile text, null vs empty string, cents and negative jitter (property)', () => {
    const tricky = fc.constantFrom(
      'a, b, c',
      'say "hi"',
      'line one\nline two',
      'crlf\r\nand cr\r',
      '💋✨ 👩‍❤️‍👨 🇺🇸',
      '=1+2',
      '+1 555',
      '-oops',
      '@mention',
      "'quoted",
      ' padded ',
      '\uFEFFbom',
      '\t tab',
      '',
      '""',
      'null',
    );
    const text = fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 40 }), fc.string());
    const nonEmpty = text.filter((s) => s.trim().length > 0);
    const cents = fc.integer({ min: 0, max: 99_999 }).map((c) => c / 100);
    const mutation = fc.record({
      captionText: text,
      strategyUsed: text,
      flavorEmphasis: text,
      dailyStrategy: text,
      adjustmentReason: fc.option(text, { nil: null }),
      captionId: fc.option(nonEmpty, { nil: null }),
      contentTypeId: fc.option(nonEmpty, { nil: null }),
      suggestedPrice: fc.option(cents, { nil: null }),
      jitter: fc.integer({ min: -7, max: 8 }),
      timeShift: fc.integer({ min: -90, max: 90 }),
      primeHoursUsed: fc.array(fc.integer({ min: 0, max: 23 }), { maxLength: 5 }),
      confidence: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 6 }),
        fc.option(nonEmpty, { nil: undefined }),
        fc.option(fc.oneof(fc.integer(), nonEmpty), { nil: undefined }),
        (picks, creatorId, seed) => {
          const items = picks.map(([k, m]): ScheduleItem => {
            const base = sample[k % sample.length] as ScheduleItem;
            return {
              ...base,
              captionText: m.captionText,
              strategyUsed: m.strategyUsed,
              flavorEmphasis: m.flavorEmphasis,
              captionId: m.captionId,
              contentTypeId: m.contentTypeId,
              suggestedPrice: m.suggestedPrice,
              variationMetadata: {
                ...base.variationMetadata,
                jitter: m.jitter,
                timeShift: m.timeShift,
                dailyStrategy: m.dailyStrategy,
                adjustmentReason: m.adjustmentReason,
                primeHoursUsed: m.primeHoursUsed,
              },
              reasons: {
                ...base.reasons,
                caption: { ...base.reasons.caption, source: 'manual' },
                price: {
                  defaultPrice: m.suggestedPrice ?? 0,
                  historyMedian: null,
                  historyPrices: 0,
                  confidence: m.confidence,
                  clamped: false,
                },
              },
            };
          });
          const back = fromCsv(
            toCsv(items, {
              ...(creatorId === undefined ? {} : { creatorId }),
              ...(seed === undefined ? {} : { seed, weekStart: '2025-03-03' }),
            }),
          );
          expect(back).toEqual(
            E.right({
              items,
              creatorId: creatorId ?? null,
              weekStart: seed === undefined ? null : '2025-03-03',
              seed: seed === undefined ? null : String(seed),
            }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps an empty week', () => {
    expect(fromCsv(toCsv([]))).toEqual(
      E.right({ items: [], creatorId: null, weekStart: null, seed: null }),
    );
  });
});

describe('fromCsv errors', () => {
  it('names a misspelled and a missing column on line 1', () => {
    const csv = toCsv(weeks[0]?.items ?? []).replace(',captionText,', ',captionTxt,');
    const errors = errorsOf(csv);
    expect(errors).toContainEqual(expect.objectContaining({ line: 1, column: 'captionTxt' }));
    expect(errors).toContainEqual({
      line: 1,
      column: 'captionText',
      message: 'missing column "captionText"',
    });
    expect(errors.every((e) => e.line === 1)).toBe(true);
  });

  it('refuses a wrong header and an empty file', () => {
    expect(errorsOf('a,b,c\r\n1,2,3\r\n').length).toBeGreaterThan(30);
    expect(errorsOf('')).toEqual([
      { line: 1, column: null, message: 'empty file: expected a header row' },
    ]);
    const twice = toCsv([]).replace('\r\n', ',slotId\r\n');
    expect(errorsOf(twice)).toEqual([
      { line: 1, column: 'slotId', message: 'column "slotId" appears twice' },
    ]);
  });

  it('accepts the columns in another order', () => {
    const items = weeks[0]?.items.slice(0, 3) ?? [];
    const csv = toCsv(items);
    const [head, ...rest] = lines(csv)
      .filter((l) => l !== '')
      .map((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
    const order = (head as string[]).map((_, i) => i).reverse();
    const swapped = [head, ...rest]
      .map((r) => order.map((i) => (r as string[])[i]).join(','))
      .join('\r\n');
    expect(fromCsv(swapped)).toEqual(
      E.right({ items, creatorId: null, weekStart: null, seed: null }),
    );
  });

  it('names the line and column of a bad number, a bad boolean, a bad value', () => {
    const items = weeks[0]?.items.slice(0, 4) ?? [];
    const rows = lines(toCsv(items));
    const col = (name: string) => CSV_COLUMNS.indexOf(name);
    const edit = (row: string, name: string, value: string) => {
      const cells = row.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
      cells[col(name)] = value;
      return cells.join(',');
    };
    rows[3] = edit(rows[3] as string, 'priority', 'two');
    rows[2] = edit(
      edit(rows[2] as string, 'flyerRequired', 'yes'),
      'variationMetadata.baseHour',
      '25',
    );
    const errors = errorsOf(rows.join('\r\n'));
    expect(errors).toEqual([
      {
        line: 3,
        column: 'flyerRequired',
        message: 'flyerRequired: expected true or false, got "yes"',
      },
      {
        line: 3,
        column: 'variationMetadata.baseHour',
        message: 'variationMetadata.baseHour: expected integer in 0..23, got 25',
      },
      { line: 4, column: 'priority', message: 'priority: expected a number, got "two"' },
    ]);
  });

  it('counts lines across a caption with line breaks', () => {
    const base = weeks[0]?.items[0] as ScheduleItem;
    const items = [
      { ...base, captionText: 'one\ntwo\nthree' },
      { ...base, slotId: 'x_2' },
    ];
    const csv = toCsv(items)
      .replace(`"x_2"`, '"x_2"')
      .replace(/,"all_active",/g, ',"everyone",');
    const errors = errorsOf(csv);
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'targetKey'],
      [5, 'targetKey'],
    ]);
  });

  it('reports a null where text is required, a bad reasons JSON, a short row, a broken quote', () => {
    const item = weeks[0]?.items[0] as ScheduleItem;
    const [head, row] = lines(toCsv([item]));
    const cells = (row as string).split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const set = (name: string, v: string) => {
      const c = [...cells];
      c[CSV_COLUMNS.indexOf(name)] = v;
      return c.join(',');
    };
    expect(errorsOf([head, set('captionText', '')].join('\r\n'))).toEqual([
      { line: 2, column: 'captionText', message: 'captionText: expected string, got null' },
    ]);
    expect(errorsOf([head, set('reasons', '"{oops"')].join('\r\n'))).toEqual([
      { line: 2, column: 'reasons', message: 'reasons: expected JSON, got "{oops"' },
    ]);
    const nested = errorsOf(
      [
        head,
        set('reasons', `"${JSON.stringify({ ...item.reasons, extra: 1 }).replaceAll('"', '""')}"`),
      ].join('\r\n'),
    );
    expect(nested).toEqual([{ line: 2, column: 'reasons', message: 'reasons.extra: unknown key' }]);
    expect(errorsOf([head, cells.slice(0, 5).join(',')].join('\r\n'))).toEqual([
      { line: 2, column: null, message: `expected ${CSV_COLUMNS.length} fields, got 5` },
    ]);
    const broken = errorsOf(`${head}\r\n"unclosed,1,2\r\n`);
    expect(broken).toHaveLength(1);
    expect(broken[0]?.column).toBeNull();
    expect(broken[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('keeps an empty creator id, refuses a missing one', () => {
    const items = weeks[0]?.items.slice(0, 2) ?? [];
    expect(fromCsv(toCsv(items, { creatorId: '' }))).toEqual(
      E.right({ items, creatorId: '', weekStart: null, seed: null }),
    );
    const csv = toCsv(items, { creatorId: 'c' }).replace('\r\n"c",', '\r\n,');
    expect(errorsOf(csv)).toEqual([
      {
        line: 2,
        column: 'creatorId',
        message: 'creatorId: expected a value ("c" on the other rows), got an empty field',
      },
    ]);
  });

  it('refuses two creator ids in one file', () => {
    const items = weeks[0]?.items.slice(0, 2) ?? [];
    const csv = toCsv(items, { creatorId: 'creator_01' });
    const [head, a, b] = lines(csv);
    const errors = errorsOf(
      [head, a, (b as string).replace('"creator_01"', '"creator_02"')].join('\r\n'),
    );
    expect(errors).toEqual([
      {
        line: 3,
        column: 'creatorId',
        message: 'creatorId: expected "creator_01" as on 1 other row, got "creator_02"',
      },
    ]);
  });

  // Regression: one mistyped first row used to make every other row the one in error.
  it('blames the one row whose creator, week or seed differs from the others', () => {
    const items = weeks[0]?.items.slice(0, 4) ?? [];
    const csv = toCsv(items, { creatorId: 'creator_01', weekStart: '2025-01-20', seed: 42 });
    const [head, a, ...rest] = lines(csv);
    const typo = (a as string).replace('"creator_01"', '"creatr_01"').replace('"42"', '"7"');
    expect(errorsOf([head, typo, ...rest].join('\r\n'))).toEqual([
      {
        line: 2,
        column: 'creatorId',
        message: 'creatorId: expected "creator_01" as on 3 other rows, got "creatr_01"',
      },
      { line: 2, column: 'seed', message: 'seed: expected "42" as on 3 other rows, got "7"' },
    ]);
  });

  it('refuses a week start that is no date', () => {
    const items = weeks[0]?.items.slice(0, 1) ?? [];
    expect(errorsOf(toCsv(items, { weekStart: '2025-02-30' }))).toEqual([
      {
        line: 2,
        column: 'weekStart',
        message: 'weekStart: expected a date YYYY-MM-DD, got "2025-02-30"',
      },
    ]);
  });
});
