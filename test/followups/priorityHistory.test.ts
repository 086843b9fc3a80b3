/**
 * Issue 11 (each send type's history read once): the week's parents are scored from their send
 * type's history figures, read once per send type (`sendTypeHistory`, `priorityFrom`), which must
 * give what the seed's formula gives read afresh for every parent: checked against an
 * independent computation on random histories (empty, one type, several types, no views) and
 * parents of several send types, and on literal cases.
 */
import fc from 'fast-check';
import { mean } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { priorityFrom, sendTypeHistory } from '../../src/followups/priority';
import {
  DEFAULT_POLICY,
  followupPriority,
  type MassMessage,
  type SendTypeKey,
} from '../../src/index';
import { makeCtx, makeSlot } from './fixtures';

const KEYS: ReadonlyArray<SendTypeKey> = ['ppv_unlock', 'bundle', 'bump_normal', 'ppv_wall'];

const messageArb: fc.Arbitrary<MassMessage> = fc.record({
  messageId: fc.uuid(),
  creatorId: fc.constant('alice'),
  sentAt: fc.constant('2025-01-10T20:00:00Z'),
  sendTypeKey: fc.constantFrom(...KEYS),
  price: fc.constant(null),
  sent: fc.nat(1000),
  viewed: fc.oneof(fc.constant(0), fc.nat(500)),
  purchased: fc.nat(50),
  earnings: fc.double({ min: 0, max: 5000, noNaN: true, noDefaultInfinity: true }),
  captionId: fc.constant(null),
}) as fc.Arbitrary<MassMessage>;

/** The formula read afresh for one parent, written out here (not src's code). */
const fresh = (history: ReadonlyArray<MassMessage>, key: SendTypeKey, endHours: number) => {
  const own = history.filter((m) => m.sendTypeKey === key);
  const revenue = own.length > 0 ? mean(own.map((m) => m.earnings)) : null;
  const viewed = own.reduce((s, m) => s + m.viewed, 0);
  const purchased = own.reduce((s, m) => s + m.purchased, 0);
  return { revenue, rate: viewed > 0 ? purchased / viewed : null, endHours };
};

describe('parents scored from their send type history read once', () => {
  const ctx = makeCtx();
  it('equal the formula read afresh for every parent', () => {
    fc.assert(
      fc.property(
        fc.array(messageArb, { maxLength: 30 }),
        fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.integer({ min: 0, max: 1439 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (history, parents) => {
          const once = new Map<SendTypeKey, ReturnType<typeof sendTypeHistory>>();
          parents.forEach(([key, minute], i) => {
            const slot = makeSlot(ctx, `p${i}`, '2025-01-21', minute, key);
            const s = once.get(key) ?? sendTypeHistory(history, key);
            once.set(key, s);
            const got = priorityFrom(slot, s, ctx.creator.timezone, DEFAULT_POLICY);
            expect(got).toEqual(
              followupPriority(slot, history, ctx.creator.timezone, DEFAULT_POLICY),
            );
            const f = fresh(history, key, 0);
            expect(got.revenueFromHistory).toBe(f.revenue !== null);
            if (f.revenue !== null) expect(got.estimatedRevenueUsd).toBe(f.revenue);
            if (f.rate === null) expect(got.engagementScore).toBe(0.5);
            else expect(got.engagementScore).toBe(Math.min(1, Math.max(0, f.rate / 0.2)));
          });
        },
      ),
      { seed: 20250121, numRuns: 400 },
    );
  });

  it('literal cases: empty history, no views, two types', () => {
    expect(sendTypeHistory([], 'ppv_unlock')).toEqual({
      any: false,
      meanEarnings: 0,
      viewed: 0,
      purchased: 0,
    });
    const m = (key: SendTypeKey, earnings: number, viewed: number, purchased: number) =>
      ({
        messageId: `${key}${earnings}`,
        creatorId: 'alice',
        sentAt: '2025-01-10T20:00:00Z',
        sendTypeKey: key,
        price: null,
        sent: 100,
        viewed,
        purchased,
        earnings,
        captionId: null,
      }) as MassMessage;
    const h = [m('ppv_unlock', 100, 50, 5), m('bundle', 900, 0, 0), m('ppv_unlock', 300, 50, 15)];
    expect(sendTypeHistory(h, 'ppv_unlock')).toEqual({
      any: true,
      meanEarnings: 200,
      viewed: 100,
      purchased: 20,
    });
    const slot = makeSlot(ctx, 'p', '2025-01-21', 23 * 60 + 59, 'ppv_unlock');
    const p = priorityFrom(
      slot,
      sendTypeHistory(h, 'ppv_unlock'),
      ctx.creator.timezone,
      DEFAULT_POLICY,
    );
    // revenue 200/1000, recency 1 (at the end of the day), engagement 0.2/0.2
    expect(p.revenueScore).toBe(0.2);
    expect(p.recencyScore).toBe(1);
    expect(p.engagementScore).toBe(1);
    expect(p.priority).toBeCloseTo(0.5 * 0.2 + 0.3 + 0.2, 12);
  });
});
