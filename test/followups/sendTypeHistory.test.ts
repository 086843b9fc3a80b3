/**
 * Issue 11: a follow-up parent's send-type figures (any, mean earnings, views, purchases) are
 * read once per remembered history (frozen messages) for every type in one pass. They must be
 * the figures of a plain filter of the type's messages: literal oracles, then random histories
 * (tiny, empty, one type only, many types), frozen against a mutable copy, asked again and
 * again and in any order of types.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sendTypeHistory } from '../../src/followups/priority';
import type { MassMessage, SendTypeKey } from '../../src/index';

const KEYS: ReadonlyArray<SendTypeKey> = ['ppv_unlock', 'bundle', 'bump_normal', 'ppv_followup'];

const msg = (sendTypeKey: SendTypeKey, earnings: number, viewed: number, purchased: number) =>
  ({
    creatorId: 'c',
    sentAt: '2025-01-10T12:00:00.000Z',
    sendTypeKey,
    price: 10,
    sent: 100,
    viewed,
    purchased,
    earnings,
    captionId: null,
  }) satisfies MassMessage;

const sealed = (h: ReadonlyArray<MassMessage>) =>
  Object.freeze(h.map((m) => Object.freeze({ ...m })));

describe('sendTypeHistory', () => {
  it('literal: two bundles, one PPV, no follow-up', () => {
    const h = sealed([
      msg('bundle', 10, 50, 2),
      msg('ppv_unlock', 7, 9, 1),
      msg('bundle', 20, 30, 4),
    ]);
    for (let k = 0; k < 2; k++) {
      expect(sendTypeHistory(h, 'bundle')).toEqual({
        any: true,
        meanEarnings: 15,
        viewed: 80,
        purchased: 6,
      });
      expect(sendTypeHistory(h, 'ppv_unlock')).toEqual({
        any: true,
        meanEarnings: 7,
        viewed: 9,
        purchased: 1,
      });
      expect(sendTypeHistory(h, 'ppv_followup')).toEqual({
        any: false,
        meanEarnings: 0,
        viewed: 0,
        purchased: 0,
      });
    }
  });

  it('remembered (frozen) equals a mutable copy, every type, any order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: fc.constantFrom(...KEYS),
            earnings: fc.constantFrom(0, 0.1, 0.2, 17.5, 999.99),
            viewed: fc.nat({ max: 500 }),
            purchased: fc.nat({ max: 50 }),
          }),
          { maxLength: 200 },
        ),
        fc.shuffledSubarray([...KEYS]),
        (rows, order) => {
          const plain = rows.map((r) => msg(r.key, r.earnings, r.viewed, r.purchased));
          const h = sealed(plain);
          for (const key of [...order, ...KEYS])
            expect(sendTypeHistory(h, key)).toEqual(
              sendTypeHistory(
                plain.map((m) => ({ ...m })),
                key,
              ),
            );
        },
      ),
      { numRuns: 200 },
    );
  });
});
