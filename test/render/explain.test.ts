/**
 * `explainItem` answers for every slot of a demo week, from the reasons the phases record on
 * each item; the reasons agree with the item they explain.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { generateDemoAgency } from '../../src/demo';
import {
  assignTargets,
  buildSchedule,
  explainItem,
  inMemoryPorts,
  type MassMessage,
  pricedWithReason,
  type ScheduleResult,
  suggestPrice,
} from '../../src/index';
import { makeCtx, makeWeek } from '../timing/fixtures';
import { DEMO_CREATORS, demoWeek } from './weeks';

const sale = (price: number, i: number): MassMessage => ({
  creatorId: 'c1',
  sentAt: `2025-01-${String(10 + (i % 9)).padStart(2, '0')}T18:00:00.000Z`,
  sendTypeKey: 'ppv_unlock',
  price,
  sent: 100,
  viewed: 50,
  purchased: 5,
  earnings: 5 * price,
  captionId: null,
});

const explained = (week: ScheduleResult) =>
  week.items.map((item) => {
    const e = explainItem(week, item.slotId);
    if (E.isLeft(e)) throw new Error(e.left.message);
    return e.right;
  });

describe('explainItem', () => {
  it('answers for every slot of every demo creator, with the four parts in plain words', async () => {
    for (const creatorId of DEMO_CREATORS) {
      const week = await demoWeek(creatorId, 42);
      for (const e of explained(week)) {
        const text = e.lines.join('\n');
        expect(text).toMatch(/^Time: /m);
        expect(text).toMatch(/^Caption: /m);
        expect(text).toMatch(/^Price: /m);
        expect(text).toMatch(/^Target: /m);
        expect(e.item.slotId).toBe(e.slotId);
        // Time parts are the item's own.
        expect(e.time.scheduledAt).toBe(e.item.scheduledAt);
        expect(e.time.jitter).toBe(e.item.variationMetadata.jitter);
      }
    }
  });

  it('names the slot that is not in the week, and lists the ones that are', async () => {
    const week = await demoWeek('creator_02', 1);
    const e = explainItem(week, '2031-01-01_99');
    expect(E.isLeft(e)).toBe(true);
    if (E.isLeft(e)) {
      expect(e.left.code).toBe('slot_not_found');
      expect(e.left.knownSlotIds).toEqual(week.items.map((i) => i.slotId));
    }
  });

  it('lists the issues that name the slot, each once', async () => {
    const week = await demoWeek('creator_05', 3);
    for (const e of explained(week)) {
      const keys = e.issues.map((i) => `${i.code}|${i.path}|${i.message}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const i of e.issues) {
        const d = i.details as Record<string, unknown>;
        const names =
          d.slotId === e.slotId ||
          (Array.isArray(d.slotIds) && d.slotIds.includes(e.slotId)) ||
          d.parentItemId === e.slotId ||
          (i.path ?? '').includes(e.slotId) ||
          /^items\[\d+\]/.test(i.path ?? '');
        expect(names, `${i.code} at ${i.path}`).toBe(true);
      }
    }
  });

  it('shows the follow-up delay and its parent', async () => {
    const week = await demoWeek('creator_01', 42);
    const followups = explained(week).filter((e) => e.item.isFollowUp);
    expect(followups.length).toBeGreaterThan(0);
    for (const e of followups) {
      const text = e.lines.join('\n');
      expect(text).toContain(
        `${e.item.followupDelayMinutes} minutes after its parent ${e.item.parentItemId}`,
      );
    }
  });
});

describe('the reasons on each item', () => {
  it('agree with the item: caption source, scores, price and target', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...DEMO_CREATORS),
        fc.integer({ min: 0, max: 10_000 }),
        async (creatorId, seed) => {
          const week = await demoWeek(creatorId, seed);
          for (const item of week.items) {
            const { caption, price, target } = item.reasons;
            // A manual caption, and only a manual caption, has no caption id (RULINGS "shortage").
            expect(caption.source === 'manual').toBe(item.needsCaption);
            expect(caption.source === 'manual').toBe(item.captionId === null);
            // Follow-ups take their captions from the follow-up pool (001 §6.4).
            if (item.isFollowUp) expect(['followup_pool', 'manual']).toContain(caption.source);
            else expect(caption.source).not.toBe('followup_pool');
            // Ranked captions carry their score parts, 0-100.
            if (caption.source === 'pool' || caption.source === 'generic') {
              expect(caption.scores).not.toBeNull();
              expect(caption.candidates).toBeGreaterThanOrEqual(1);
              for (const v of Object.values(caption.scores ?? {})) {
                expect(v).toBeGreaterThanOrEqual(0);
                expect(v).toBeLessThanOrEqual(100);
              }
            }
            // The chain has four levels: 30/40, 20/30, 10/20, 0/0 (001 §3.5).
            if (caption.source === 'pool') expect([0, 1, 2, 3]).toContain(caption.level);
            else expect(caption.level).toBeNull();
            // A price has its reason; a free send has neither.
            expect(price === null).toBe(item.suggestedPrice === null);
            if (price !== null && item.suggestedPrice !== null) {
              const whole = Math.round(item.suggestedPrice + 0.01);
              // Prices stay in $3-$250 and end in .99 (001 §7.1, the policy range).
              expect(whole).toBeGreaterThanOrEqual(3);
              expect(whole).toBeLessThanOrEqual(250);
              const raw =
                price.historyMedian === null
                  ? price.defaultPrice
                  : price.defaultPrice +
                    price.confidence * (price.historyMedian - price.defaultPrice);
              if (!price.clamped) expect(whole).toBe(Math.round(raw));
              if (price.historyMedian === null) expect(price.historyPrices).toBeLessThan(3);
            }
            // No fallback: the item has the target its send type asks for.
            if (target.fallbacks.length === 0 && !item.isFollowUp)
              expect(item.targetKey).toBe(target.sendTypeTarget);
            if (target.fallbacks.includes('target_not_applicable'))
              expect(item.targetKey).toBe('all_active');
          }
        },
      ),
      { numRuns: 12, seed: 9 },
    );
  });

  it('price: the default until 3 priced sends, then toward their median by the confidence', () => {
    // ppv_unlock's default is $18 (policy defaultPrices, calibrated to the real-data README).
    expect(pricedWithReason('ppv_unlock', [sale(10, 0), sale(30, 1)], 1)).toEqual({
      price: 17.99,
      reason: {
        defaultPrice: 18,
        historyMedian: null,
        historyPrices: 2,
        confidence: 1,
        clamped: false,
      },
    });
    expect(pricedWithReason('ppv_unlock', [sale(10, 0), sale(30, 1), sale(26, 2)], 0.5)).toEqual({
      // 18 + 0.5 * (26 - 18) = 22
      price: 21.99,
      reason: {
        defaultPrice: 18,
        historyMedian: 26,
        historyPrices: 3,
        confidence: 0.5,
        clamped: false,
      },
    });
    // Clamped to $250: a median of 900 at full confidence.
    const high = pricedWithReason('ppv_unlock', [sale(900, 0), sale(900, 1), sale(900, 2)], 1);
    expect(high?.price).toBe(249.99);
    expect(high?.reason.clamped).toBe(true);
    // A free send has no price and no reason.
    expect(pricedWithReason('bump_normal', [], 1)).toBeNull();
    // suggestPrice is the same price.
    expect(suggestPrice('ppv_unlock', [sale(10, 0), sale(30, 1), sale(26, 2)], 0.5)).toBe(21.99);
  });

  it('target: a free page has no renew-off audience (fans who turned renewal off), and the reason says so (001 §4.2)', () => {
    const free = makeCtx();
    const ctx = { ...free, creator: { ...free.creator, pageType: 'free' as const } };
    const { targeting } = makeWeek(ctx, [
      [{ sendTypeKey: 'renew_on_message' }, { sendTypeKey: 'ppv_unlock' }],
    ]);
    const content = {
      slots: targeting.slots,
      usedCaptionIds: [],
      followupCandidates: [],
      issues: [],
    };
    const [renew, ppv] = assignTargets(ctx, content).slots;
    expect(renew?.targetKey).toBe('all_active');
    expect(renew?.targetReason).toEqual({
      sendTypeTarget: 'renew_off',
      sendTypeChannel: 'mass_message',
      fallbacks: ['target_not_applicable'],
    });
    expect(ppv?.targetReason.fallbacks).toEqual([]);
    // On a paid page that audience exists: no fallback.
    const paid = assignTargets(makeCtx(), content).slots[0];
    expect(paid?.targetKey).toBe('renew_off');
    expect(paid?.targetReason.fallbacks).toEqual([]);
  });

  it('caption: a tiny caption pool degrades, and each item says how far', async () => {
    const ds = generateDemoAgency(42, { captions: 60 });
    const r = await buildSchedule({ creatorId: 'creator_01', weekStart: '2025-01-20', seed: 5 })(
      inMemoryPorts(ds),
    )();
    if (E.isLeft(r)) throw new Error(r.left.message);
    const sources = new Set(r.right.items.map((i) => i.reasons.caption.source));
    // 60 captions cannot fill a week of ~70 items: some are generic or written by hand.
    expect([...sources].some((s) => s === 'generic' || s === 'manual')).toBe(true);
    for (const item of r.right.items) {
      const e = explainItem(r.right, item.slotId);
      if (E.isLeft(e)) throw new Error(e.left.message);
      if (item.needsCaption) expect(e.right.lines.join('\n')).toContain('MANUAL_REQUIRED');
    }
  });
});
