/**
 * `decodeDataset` finds duplicate history rows creator by creator (rows of different creators
 * never match) and lists them only then, in one ordered pass: the issues are exactly those of a
 * plain comparison of every row with every earlier one, in history order, each naming both
 * paths. Random histories of one to three creators with copied rows at random places.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { MassMessage } from '../../src/index';
import { decodeDataset } from '../../src/index';
import { massMessageArb } from '../support/arbitraries';
import { fuzzRuns } from '../support/junk';

const historyArb = fc
  .array(
    fc.constantFrom('dup_a', 'dup_b', 'dup_c').chain((id) => massMessageArb(id, '2025-01-20', 30)),
    { minLength: 0, maxLength: 40 },
  )
  .chain((rows) =>
    fc
      .array(fc.tuple(fc.nat(), fc.nat()), { maxLength: rows.length === 0 ? 0 : 5 })
      .map((copies) => {
        const out: MassMessage[] = [...rows];
        for (const [from, to] of copies)
          out.splice(to % (out.length + 1), 0, { ...(rows[from % rows.length] as MassMessage) });
        return out;
      }),
  );

/**
 * Histories with near copies too: rows at the instant of another row that differ in one field
 * (earnings or the send type), and exact copies among them, so several rows share an instant.
 */
const nearCopiesArb = historyArb.chain((rows) =>
  fc
    .array(fc.tuple(fc.nat(), fc.nat(), fc.boolean(), fc.boolean()), {
      maxLength: rows.length === 0 ? 0 : 8,
    })
    .map((copies) => {
      const out: MassMessage[] = [...rows];
      for (const [from, to, near, bySendType] of copies) {
        const row = out[from % out.length] as MassMessage;
        const copy: MassMessage = !near
          ? { ...row }
          : bySendType
            ? {
                ...row,
                sendTypeKey: row.sendTypeKey === 'bump_normal' ? 'ppv_unlock' : 'bump_normal',
              }
            : { ...row, earnings: row.earnings + 1 };
        out.splice(to % (out.length + 1), 0, copy);
      }
      return out;
    }),
);

const same = (a: MassMessage, b: MassMessage): boolean =>
  a.creatorId === b.creatorId &&
  Date.parse(a.sentAt) === Date.parse(b.sentAt) &&
  a.sendTypeKey === b.sendTypeKey &&
  a.price === b.price &&
  a.sent === b.sent &&
  a.viewed === b.viewed &&
  a.purchased === b.purchased &&
  a.earnings === b.earnings &&
  a.captionId === b.captionId &&
  (a.captionText ?? null) === (b.captionText ?? null) &&
  (a.contentType ?? null) === (b.contentType ?? null);

const expectDuplicates = (history: ReadonlyArray<MassMessage>): void => {
  const expected: Array<[string, string]> = [];
  history.forEach((m, i) => {
    const at = history.findIndex((e, j) => j < i && same(e, m));
    if (at >= 0) expected.push([`dataset.history[${i}]`, `dataset.history[${at}]`]);
  });
  const r = decodeDataset({ creators: [], history, captions: [] });
  const found = E.isLeft(r)
    ? r.left
        .filter((x) => x.code === 'duplicate_record')
        .map((x) => [x.path, (x.details as { firstPath?: string }).firstPath])
    : [];
  expect(found).toEqual(expected);
  expect(E.isRight(r)).toBe(expected.length === 0);
};

describe('decodeDataset: duplicate history rows', () => {
  it('are the rows equal to an earlier one, in history order, each with its first path', () => {
    fc.assert(fc.property(historyArb, expectDuplicates), fuzzRuns(1106, 200));
  });
  it('are found among rows sharing an instant, near copies not counted', () => {
    fc.assert(fc.property(nearCopiesArb, expectDuplicates), fuzzRuns(1107, 200));
  });
});
