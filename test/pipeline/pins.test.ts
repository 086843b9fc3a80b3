/**
 * The week's pinned posts in `buildSchedule` (seed 003 gap 1.6, task 2.5): `ppv_wall` and
 * `game_post` items pinned for 72 hours, at most 5 pins at once (3 when the policy says so),
 * the lowest pin evicted for a better one, expired pins removed, the current pins read through
 * the optional `getActivePins` port. Every number asserted is the seed's, written here as a
 * literal; nothing reads the library's policy.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { describe, expect, it } from 'vitest';
import {
  type ActivePin,
  type InMemoryDataset,
  inMemoryIdempotencyStore,
  inMemoryPorts,
  pinEstimatedRevenue,
  type ScheduleResult,
} from '../../src/index';
import { activePinsArb, creatorWeekArb } from '../support/arbitraries';
import { build, buildRight, creatorFixture, datasetFixture } from './fixtures';

/** 003 task 2.5 `MAX_PINNED = 5`, `PIN_DURATION_HOURS = 72`, `should_pin`. */
const MAX_PINNED = 5;
const PIN_HOURS = 72;
const PINNED_TYPES = ['ppv_wall', 'game_post'];
const HOUR_MS = 3_600_000;

const WEEK = '2025-01-20';
/** A free page (ppv_wall is a free-page send type), New York. */
const creator = creatorFixture({ creatorId: 'pin_creator', pageType: 'free', fanCount: 8000 });
const base = datasetFixture(creator, WEEK);
const withPins = (pins: ReadonlyArray<ActivePin>): InMemoryDataset => ({
  ...base,
  activePins: { [creator.creatorId]: pins },
});
const inputs = { creatorId: creator.creatorId, weekStart: WEEK, seed: 11 } as const;

/** Local midnight of 2025-01-20 in New York (UTC-5). */
const WEEK_START_AT = '2025-01-20T05:00:00.000Z';
const WEEK_END_AT = '2025-01-27T05:00:00.000Z';

const pin = (postId: string, fromHours: number, toHours: number, priority: number): ActivePin => ({
  postId,
  pinStart: new Date(Date.parse(WEEK_START_AT) + fromHours * HOUR_MS).toISOString(),
  pinEnd: new Date(Date.parse(WEEK_START_AT) + toHours * HOUR_MS).toISOString(),
  priority,
});

const pinnable = (r: ScheduleResult) =>
  r.items.filter((i) => !i.isFollowUp && PINNED_TYPES.includes(i.sendTypeKey));

/**
 * The most pins held at once: the current pins count from the week start; the actions of one
 * instant are applied together (unpins come first), then the pins are counted.
 */
const maxConcurrent = (r: ScheduleResult): number => {
  const held = new Set(r.pins.pinsBefore.map((p) => p.postId));
  let max = 0;
  const instants = [...new Set(r.pins.actions.map((a) => a.at))];
  if (!instants.includes(r.pins.weekStartAt)) max = held.size;
  for (const at of instants) {
    for (const a of r.pins.actions.filter((x) => x.at === at)) {
      if (a.action === 'pin') held.add(a.postId);
      else held.delete(a.postId);
    }
    max = Math.max(max, held.size);
  }
  return max;
};

/** Every rule of the plan the seed states, checked on a built week; `max` pins at most. */
const pinRuleViolations = (r: ScheduleResult, max = MAX_PINNED): string[] => {
  const out: string[] = [];
  if (maxConcurrent(r) > max) out.push(`${maxConcurrent(r)} pins at once, more than ${max}`);
  const pinned = new Set(r.pins.actions.filter((a) => a.action === 'pin').map((a) => a.postId));
  const skipped = new Set(r.pins.skipped.map((s) => s.itemId));
  for (const i of pinnable(r))
    if (!pinned.has(i.slotId) && !skipped.has(i.slotId))
      out.push(`${i.slotId} ${i.sendTypeKey} neither pinned nor reported skipped`);
  for (const s of r.pins.skipped)
    if (
      !r.summary.adjustments.some((i) => i.code === 'pin_skipped' && i.details.itemId === s.itemId)
    )
      out.push(`${s.itemId} skipped without a pin_skipped issue`);
  const items = new Map(r.items.map((i) => [i.slotId, i]));
  for (const a of r.pins.actions) {
    if (a.action !== 'pin') continue;
    const item = items.get(a.postId);
    if (item === undefined || !PINNED_TYPES.includes(item.sendTypeKey))
      out.push(`${a.postId} pinned but not a ppv_wall or game_post of the week`);
    else if (a.at !== item.scheduledAt)
      out.push(`${a.postId} pinned at ${a.at}, sent ${item.scheduledAt}`);
    const end = Date.parse(a.pinEnd ?? '');
    if (end - Date.parse(a.at) !== PIN_HOURS * HOUR_MS)
      out.push(`${a.postId} pinned ${a.at} until ${a.pinEnd}: not 72 hours`);
    // an expired pin is removed at its end, unless evicted first or still pinned at the week end
    const unpins = r.pins.actions.filter((x) => x.action === 'unpin' && x.postId === a.postId);
    const after = r.pins.pinsAfter.some((p) => p.postId === a.postId);
    if (end < Date.parse(r.pins.weekEndAt)) {
      const ok = unpins.some(
        (u) =>
          (u.reason === 'expired' && u.at === a.pinEnd) ||
          (u.reason === 'evicted' && Date.parse(u.at) < end),
      );
      if (!ok || after) out.push(`${a.postId} ends ${a.pinEnd} but is not removed then`);
    } else if (!after && !unpins.some((u) => u.reason === 'evicted'))
      out.push(`${a.postId} ends ${a.pinEnd}, after the week, but is not in pinsAfter`);
  }
  return out;
};

describe('pinned posts of a built week (003 task 2.5)', () => {
  it('pins every ppv_wall and game_post for 72 hours, at most 5 at once, and removes them when they expire', async () => {
    const r = await buildRight(inputs, base);
    expect(pinnable(r).length).toBeGreaterThan(MAX_PINNED);
    expect(r.pins.weekStartAt).toBe(WEEK_START_AT);
    expect(r.pins.weekEndAt).toBe(WEEK_END_AT);
    expect(r.pins.pinsBefore).toEqual([]);
    expect(pinRuleViolations(r)).toEqual([]);
    expect(r.pins.actions.some((a) => a.action === 'unpin' && a.reason === 'expired')).toBe(true);
    // every pin of the plan is a `ppv_wall` or `game_post`; nothing else is pinned
    const kinds = new Set(
      r.pins.actions
        .filter((a) => a.action === 'pin')
        .map((a) => r.items.find((i) => i.slotId === a.postId)?.sendTypeKey),
    );
    expect([...kinds].every((k) => PINNED_TYPES.includes(k ?? ''))).toBe(true);
  });

  it('holds at most 3 pins when the policy says 3 (003 gap 1.6 "Max 3-5 pins")', async () => {
    const r = await buildRight({ ...inputs, policy: { pins: { maxPinned: 3 } } }, base);
    expect(maxConcurrent(r)).toBeLessThanOrEqual(3);
    expect(pinRuleViolations(r, 3)).toEqual([]);
    expect(r.pins.skipped.length).toBeGreaterThan(0);
  });

  it('unpins at the week start the current pins that already ended, and those beyond 5 (lowest first)', async () => {
    const pins = [
      pin('ended', -80, -8, 900),
      ...[1, 2, 3, 4, 5].map((k) => pin(`strong_${k}`, -10, 300, 1_000_000 + k)),
      pin('weakest', -10, 300, 1),
    ];
    const r = await buildRight(inputs, withPins(pins));
    expect(r.pins.pinsBefore.map((p) => p.postId)).toEqual(pins.map((p) => p.postId));
    const atStart = r.pins.actions.filter((a) => a.at === WEEK_START_AT);
    expect(atStart.map((a) => [a.action, a.postId, a.reason])).toEqual([
      ['unpin', 'ended', 'expired'],
      ['unpin', 'weakest', 'over_limit'],
    ]);
    expect(
      r.summary.adjustments.filter((i) => i.code === 'pin_over_limit').map((i) => i.path),
    ).toEqual(['activePins[6]']);
    // the five strong pins hold every place all week: every candidate is skipped, reported
    expect(r.pins.actions.filter((a) => a.action === 'pin')).toEqual([]);
    expect(r.pins.skipped.map((s) => s.itemId).sort()).toEqual(
      pinnable(r)
        .map((i) => i.slotId)
        .sort(),
    );
    const skippedIssues = r.summary.adjustments.filter((i) => i.code === 'pin_skipped');
    expect(skippedIssues.length).toBe(pinnable(r).length);
    for (const i of skippedIssues) {
      expect(i.severity).toBe('info');
      expect(i.path).toMatch(/^items\[\d+\]$/);
      const index = Number(/\d+/.exec(i.path ?? '')?.[0]);
      expect(r.items[index]?.slotId).toBe(i.details.itemId);
    }
    expect(r.pins.pinsAfter.map((p) => p.postId)).toEqual(
      [1, 2, 3, 4, 5].map((k) => `strong_${k}`),
    );
    expect(pinRuleViolations(r)).toEqual([]);
  });

  it('evicts the lowest-priority pin when a better item comes, at the item send time', async () => {
    const weak = [1, 2, 3, 4, 5].map((k) => pin(`weak_${k}`, -10, 300, k / 10));
    const r = await buildRight(inputs, withPins(weak));
    const evictions = r.pins.actions.filter((a) => a.reason === 'evicted');
    // the weak pins go first, lowest first; later a pin of the week may make way in its turn
    expect(evictions.slice(0, 5).map((a) => a.postId)).toEqual(weak.map((p) => p.postId));
    const items = new Map(r.items.map((i) => [i.slotId, i]));
    for (const e of evictions) {
      // the pin that takes the place comes right after the unpin, at the same instant
      const next = r.pins.actions[r.pins.actions.indexOf(e) + 1];
      expect(next?.action).toBe('pin');
      expect(next?.at).toBe(e.at);
      expect(items.get(next?.postId ?? '')?.scheduledAt).toBe(e.at);
      expect(next?.priority).toBeGreaterThan(e.priority);
    }
    expect(r.summary.adjustments.filter((i) => i.code === 'pin_evicted').length).toBe(
      evictions.length,
    );
    expect(pinRuleViolations(r)).toEqual([]);
  });

  it('estimates a candidate revenue from the history of its send type, else its price x 10 buyers', () => {
    const sent = (earnings: number) => ({
      creatorId: 'c',
      sentAt: '2025-01-10T20:00:00.000Z',
      sendTypeKey: 'ppv_wall' as const,
      price: 15,
      sent: 100,
      viewed: 50,
      purchased: 2,
      earnings,
      captionId: null,
    });
    const wall = { sendTypeKey: 'ppv_wall' as const, suggestedPrice: 14.99 };
    expect(pinEstimatedRevenue(wall, [sent(100), sent(50)], 10)).toBe(75);
    expect(pinEstimatedRevenue(wall, [], 10)).toBe(149.9);
    expect(pinEstimatedRevenue({ ...wall, suggestedPrice: null }, [], 10)).toBe(0);
  });

  it('a frozen history (read once per history) gives what an unfrozen copy gives, a plain mean per type', () => {
    const types = ['ppv_wall', 'game_post', 'bump_normal'] as const;
    const messageArb = fc.record({
      creatorId: fc.constant('c'),
      sentAt: fc.constant('2025-01-10T20:00:00.000Z'),
      sendTypeKey: fc.constantFrom(...types),
      price: fc.constant(15),
      sent: fc.constant(100),
      viewed: fc.constant(50),
      purchased: fc.constant(2),
      earnings: fc.double({ min: 0, max: 5000, noNaN: true }),
      captionId: fc.constant(null),
    });
    fc.assert(
      fc.property(fc.array(messageArb, { maxLength: 40 }), (messages) => {
        const frozen = Object.freeze(messages.map((m) => Object.freeze({ ...m })));
        for (const sendTypeKey of types) {
          const item = { sendTypeKey, suggestedPrice: 9.99 };
          const own = messages.filter((m) => m.sendTypeKey === sendTypeKey);
          // the oracle: the mean of the type's earnings in history order, rounded to cents
          let total = 0;
          for (const m of own) total += m.earnings;
          const raw = own.length > 0 ? total / own.length : 99.9;
          const expected = raw > 0 ? Math.round(raw * 100) / 100 : 0;
          const unfrozen = pinEstimatedRevenue(
            item,
            messages.map((m) => ({ ...m })),
            10,
          );
          expect(Math.abs(unfrozen - expected)).toBeLessThanOrEqual(0.01);
          expect(pinEstimatedRevenue(item, frozen, 10)).toBe(unfrozen);
          // again: the remembered answer
          expect(pinEstimatedRevenue(item, [...frozen], 10)).toBe(unfrozen);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the getActivePins port (optional, through the port boundary)', () => {
  const ports = inMemoryPorts(base);

  it('a failing port: port_failed, no current pins, the week is built', async () => {
    const r = await build(inputs, {
      ...ports,
      getActivePins: () => () => Promise.reject(new Error('pins table locked')),
    });
    if (E.isLeft(r)) throw new Error(r.left.message);
    const failed = r.right.summary.adjustments.filter((i) => i.code === 'port_failed');
    expect(failed.map((i) => [i.path, i.severity, i.details.fallback])).toEqual([
      ['getActivePins', 'warning', 'no current pins'],
    ]);
    expect(r.right.pins.pinsBefore).toEqual([]);
    expect(r.right.items.length).toBeGreaterThan(0);
    expect(pinRuleViolations(r.right)).toEqual([]);
  });

  it('a garbage answer: decoded, port_failed (decode) naming the path, no current pins', async () => {
    const garbage = [
      pin('ok', -5, 60, 10),
      { postId: 'bad', pinStart: 'yesterday', pinEnd: 'tomorrow', priority: -3 },
    ];
    const r = await build(inputs, {
      ...ports,
      getActivePins: () => TE.right(garbage as unknown as ReadonlyArray<ActivePin>),
    });
    if (E.isLeft(r)) throw new Error(r.left.message);
    const failed = r.right.summary.adjustments.filter((i) => i.code === 'port_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.details.kind).toBe('decode');
    expect(failed[0]?.message).toContain('activePins[1].pinStart');
    expect(failed[0]?.message).toContain('activePins[1].priority');
    expect(r.right.pins.pinsBefore).toEqual([]);
  });

  it('a repeated postId does not decode either', async () => {
    const r = await build(inputs, {
      ...ports,
      getActivePins: () => TE.right([pin('same', -5, 60, 10), pin('same', -4, 61, 11)]),
    });
    if (E.isLeft(r)) throw new Error(r.left.message);
    const failed = r.right.summary.adjustments.filter((i) => i.code === 'port_failed');
    expect(failed[0]?.message).toContain('activePins[1].postId');
  });

  it('a caller port answer is decoded to canonical UTC instants', async () => {
    const r = await build(inputs, {
      ...ports,
      getActivePins: () =>
        TE.right([
          {
            postId: 'p',
            pinStart: '2025-01-19T10:00:00-05:00',
            pinEnd: '2025-01-22T10:00:00-05:00',
            priority: 40,
          },
        ]),
    });
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(r.right.pins.pinsBefore).toEqual([
      {
        postId: 'p',
        pinStart: '2025-01-19T15:00:00.000Z',
        pinEnd: '2025-01-22T15:00:00.000Z',
        priority: 40,
      },
    ]);
  });

  it('the current pins are part of the save idempotency key (docs/rulings.md "save idempotency key")', async () => {
    const saved = async (dataset: InMemoryDataset) => {
      const r = await build(
        { ...inputs, options: { save: true } },
        {
          ...inMemoryPorts(dataset),
          saveSchedule: () => TE.right({ templateId: 'tpl' }),
          idempotencyStore: inMemoryIdempotencyStore({ clock: { now: () => 0 } }),
        },
      );
      if (E.isLeft(r)) throw new Error(r.left.message);
      expect(r.right.save.status).toBe('saved');
      return r.right.save.operationKey;
    };
    const without = await saved(base);
    expect(without).not.toBeNull();
    expect(await saved(base)).toBe(without);
    expect(await saved(withPins([pin('p', -5, 60, 10)]))).not.toBe(without);
  });
});

describe('property: pins of random weeks', () => {
  const weekWithPins = creatorWeekArb.chain((s) =>
    activePinsArb(s.weekStart).map((pins) => ({
      ...s,
      dataset: { ...s.dataset, activePins: { [s.creatorId]: pins } },
    })),
  );

  it('at any instant at most 5 pins; every ppv_wall and game_post pinned or reported skipped (fixed seed)', async () => {
    await fc.assert(
      fc.asyncProperty(weekWithPins, async (s) => {
        const r = await build(
          { creatorId: s.creatorId, weekStart: s.weekStart, seed: s.seed },
          inMemoryPorts(s.dataset),
        );
        if (E.isLeft(r)) throw new Error(`${s.creatorId} ${s.weekStart}: Left ${r.left.code}`);
        expect(r.right.pins.pinsBefore).toEqual(s.dataset.activePins?.[s.creatorId]);
        expect(pinRuleViolations(r.right)).toEqual([]);
      }),
      { seed: 2_025_0005, numRuns: 25, endOnFailure: true },
    );
  });
});
