/**
 * Issue 11: `sendOrder` parses each instant once; it must give the order of the straightforward
 * sort that parses both instants at every comparison.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StyledSend } from '../../src/index';
import { sendOrder } from '../../src/rotation/sameStyle';

const compareIds = (a: string, b: string): number => {
  // the slot-id order of the rule (`YYYY-MM-DD_N`, N numerically), as the source writes it
  const [da = '', na = ''] = a.split('_');
  const [db = '', nb = ''] = b.split('_');
  return da < db ? -1 : da > db ? 1 : Number(na) - Number(nb) || (a < b ? -1 : a > b ? 1 : 0);
};

const straightforward = (xs: ReadonlyArray<StyledSend>): ReadonlyArray<StyledSend> =>
  [...xs].sort(
    (a, b) =>
      Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt) || compareIds(a.slotId, b.slotId),
  );

const sendAt = (slotId: string, scheduledAt: string): StyledSend => ({
  slotId,
  scheduledDate: '2025-01-20',
  scheduledTime: '10:00',
  scheduledAt,
  sendTypeKey: 'ppv_unlock',
  ppvStyle: 'winner',
  isFollowUp: false,
});

const instant = fc.oneof(
  fc.constantFrom(
    '2025-01-20T10:00:00.000Z',
    '2025-01-20T10:00:00Z',
    '2025-01-20T11:00:00.000+01:00',
    '2025-01-20T09:30:00.000Z',
    'not an instant',
    '',
  ),
  fc
    .integer({ min: 0, max: 24 * 60 - 1 })
    .map((m) => new Date(Date.UTC(2025, 0, 20) + m * 60_000).toISOString()),
);

describe('sendOrder', () => {
  it('orders as the sort that parses at every comparison (ties, equal instants, unparseable ones)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), instant), { maxLength: 14 }),
        (rows) => {
          const sends = rows.map(([n, at]) => sendAt(`2025-01-20_${n}`, at));
          expect(sendOrder(sends)).toEqual(straightforward(sends));
          // the same objects, in a new array
          const out = sendOrder(sends);
          expect(out).not.toBe(sends);
          out.forEach((x) => {
            expect(sends).toContain(x);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('literal order: instant first, then slot id', () => {
    const a = sendAt('2025-01-20_2', '2025-01-20T10:00:00.000Z');
    const b = sendAt('2025-01-20_1', '2025-01-20T11:00:00.000+01:00');
    const c = sendAt('2025-01-20_3', '2025-01-20T09:00:00.000Z');
    expect(sendOrder([a, b, c]).map((x) => x.slotId)).toEqual([
      '2025-01-20_3',
      '2025-01-20_1',
      '2025-01-20_2',
    ]);
  });
});
