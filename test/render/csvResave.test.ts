/**
 * Regression (issue 9): a schedule CSV re-saved by a tool that quotes every field (Python's
 * `csv.QUOTE_ALL`, some spreadsheets: an empty `null` field becomes `""`, numbers and booleans
 * are quoted, the header too) reads back as the same items, with the week columns
 * (`creatorId`, `weekStart`, `seed` as text). The re-saving is done here with csv-parse /
 * csv-stringify, independently of the library.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScheduleItem, ScheduleResult } from '../../src/index';
import { fromCsv, toCsv } from '../../src/render/csv';
import { demoWeek, demoWeeks } from './zonedWeeks';

/** Every field of a CSV text re-quoted: an empty field (quoted or not) is written as `""`. */
const quoteAll = (csv: string, lineEnd: 'windows' | 'unix' = 'windows'): string => {
  const records = parse(csv, { bom: true, relax_column_count: true }) as string[][];
  return stringify(records, { quoted: true, quoted_empty: true, record_delimiter: lineEnd });
};

/** The number of empty unquoted fields of a CSV text (the `null`s `toCsv` wrote). */
const bareEmpties = (csv: string): number => {
  let n = 0;
  parse(csv, {
    cast: (value, context) => {
      if (!context.quoting && value === '' && context.header !== true) n++;
      return value;
    },
  });
  return n;
};

let weeks: ReadonlyArray<ScheduleResult> = [];
beforeAll(async () => {
  weeks = [
    ...(await demoWeeks()),
    await demoWeek('creator_03', '2025-03-24', 7, 'Europe/Berlin'),
    await demoWeek('creator_09', '2025-06-02', 11, 'Asia/Kolkata'),
  ];
}, 120_000);

describe('quoteAll (the test helper)', () => {
  it('quotes every field and leaves no bare empty field', () => {
    const w = weeks[0] as ScheduleResult;
    const csv = toCsv(w.items, { creatorId: w.creatorId, weekStart: w.weekStart, seed: w.seed });
    expect(bareEmpties(csv)).toBeGreaterThan(0); // the file has nulls to lose
    const resaved = quoteAll(csv);
    expect(bareEmpties(resaved)).toBe(0);
    expect(resaved.startsWith('"creatorId","weekStart","seed","slotId",')).toBe(true);
    expect(resaved).not.toMatch(/(^|,)(,|\r\n)/m); // no empty unquoted field anywhere
    expect(resaved).toContain(',"",');
  });
});

describe('fromCsv of a file re-saved with every field quoted', () => {
  it('gives back the same items and week columns, for every demo week', () => {
    expect(weeks.length).toBeGreaterThanOrEqual(8);
    for (const w of weeks) {
      const csv = toCsv(w.items, { creatorId: w.creatorId, weekStart: w.weekStart, seed: w.seed });
      const back = fromCsv(quoteAll(csv));
      if (E.isLeft(back))
        throw new Error(`${w.creatorId}: ${JSON.stringify(back.left.slice(0, 5), null, 1)}`);
      expect(back.right.creatorId).toBe(w.creatorId);
      expect(back.right.weekStart).toBe(w.weekStart);
      expect(back.right.seed).toBe(String(w.seed));
      expect(back.right.items).toHaveLength(w.items.length);
      back.right.items.forEach((item, k) => {
        expect(item, `${w.creatorId} ${w.items[k]?.slotId}`).toEqual(w.items[k]);
      });
      expect(back.right.items).toEqual(w.items);
    }
  });

  it('also without the week columns, and with LF line ends', () => {
    for (const w of weeks.slice(0, 3)) {
      expect(fromCsv(quoteAll(toCsv(w.items), 'unix'))).toEqual(
        E.right({ items: w.items, creatorId: null, weekStart: null, seed: null }),
      );
    }
  });

  it('reads the same items as the file before re-saving (property over weeks and slices)', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        (w, start, length, crlf) => {
          const week = weeks[w % weeks.length] as ScheduleResult;
          const from = start % week.items.length;
          const items: ReadonlyArray<ScheduleItem> = week.items.slice(from, from + length);
          const csv = toCsv(items, {
            creatorId: week.creatorId,
            weekStart: week.weekStart,
            seed: week.seed,
          });
          const plain = fromCsv(csv);
          const resaved = fromCsv(quoteAll(csv, crlf ? 'windows' : 'unix'));
          expect(plain).toEqual(
            E.right({
              items,
              creatorId: week.creatorId,
              weekStart: week.weekStart,
              seed: String(week.seed),
            }),
          );
          expect(resaved).toEqual(plain);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps a null adjustmentReason (the demo weeks mostly have one) through the re-save', () => {
    const base = weeks[0]?.items.find((i) => !i.isFollowUp) as ScheduleItem;
    // (An empty-string reason cannot survive such a re-save: `""` is then all the file says.)
    for (const adjustmentReason of [null, 'moved off a round minute']) {
      const item: ScheduleItem = {
        ...base,
        variationMetadata: { ...base.variationMetadata, adjustmentReason },
      };
      const back = fromCsv(quoteAll(toCsv([item])));
      expect(
        E.isRight(back) && back.right.items[0]?.variationMetadata.adjustmentReason,
        JSON.stringify(adjustmentReason),
      ).toBe(adjustmentReason);
    }
  });

  it('keeps a null in every other nullable column through the re-save (hard case: all nulls at once)', () => {
    const base = weeks[0]?.items.find((i) => !i.isFollowUp) as ScheduleItem;
    const nulls: ScheduleItem = {
      ...base,
      variationMetadata: { ...base.variationMetadata, adjustmentReason: 'kept' },
      movedFromDate: null,
      captionId: null,
      contentTypeId: null,
      suggestedPrice: null,
      parentItemId: null,
      followupDelayMinutes: null,
      expiresAt: null,
      ppvStyle: null,
      campaignType: null,
      gameType: null,
      reasons: { ...base.reasons, price: null },
    };
    const csv = toCsv([nulls]);
    expect(fromCsv(quoteAll(csv))).toEqual(fromCsv(csv));
    expect(fromCsv(csv)).toEqual(
      E.right({ items: [nulls], creatorId: null, weekStart: null, seed: null }),
    );
  });
});
