/**
 * Weekly limits (seed 000 gap 7.1, task 3.5; RULINGS "Allocation" weekly caps) over plain item
 * lists: the validator, the enforcement and the validation check built on them. Expected
 * values are literals (vip_program 1, snapchat_bundle 1, tip_goal 3), never read from the catalog.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkWeeklyCaps,
  enforceWeeklyLimits,
  validateWeeklyLimits,
  WEEKLY_LIMITS,
  type WeeklyLimitEnforceItem,
} from '../../src/index';
import { goodInput, goodItems, makeItem } from './fixtures';

/** 000 task 3.5 `WEEKLY_LIMITS` and 001 §2.4 (tip_goal); RULINGS "Allocation". */
const LIMITS = { vip_program: 1, snapchat_bundle: 1, tip_goal: 3 } as const;

const of = (...keys: string[]) => keys.map((sendTypeKey) => ({ sendTypeKey }));

describe('WEEKLY_LIMITS', () => {
  it('are the RULINGS caps: vip_program 1, snapchat_bundle 1, tip_goal 3, nothing else', () => {
    expect({ ...WEEKLY_LIMITS }).toEqual(LIMITS);
    expect(Object.isFrozen(WEEKLY_LIMITS)).toBe(true);
  });
});

describe('validateWeeklyLimits (000 task 3.5)', () => {
  it('is valid at the limits', () => {
    expect(
      validateWeeklyLimits(
        of('vip_program', 'snapchat_bundle', 'tip_goal', 'tip_goal', 'tip_goal', 'bump_normal'),
      ),
    ).toEqual({ isValid: true, warnings: [] });
  });

  it("warns once per type over its limit, with the seed's message", () => {
    const r = validateWeeklyLimits(
      of('vip_program', 'ppv_unlock', 'vip_program', 'snapchat_bundle', 'snapchat_bundle'),
    );
    expect(r.isValid).toBe(false);
    expect(r.warnings).toEqual([
      {
        sendTypeKey: 'vip_program',
        actual: 2,
        limit: 1,
        message: 'vip_program over-scheduled: 2x this week (max: 1)',
      },
      {
        sendTypeKey: 'snapchat_bundle',
        actual: 2,
        limit: 1,
        message: 'snapchat_bundle over-scheduled: 2x this week (max: 1)',
      },
    ]);
  });

  it('counts tip_goal against 3', () => {
    expect(validateWeeklyLimits(of('tip_goal', 'tip_goal', 'tip_goal')).isValid).toBe(true);
    expect(
      validateWeeklyLimits(of('tip_goal', 'tip_goal', 'tip_goal', 'tip_goal')).warnings,
    ).toEqual([
      {
        sendTypeKey: 'tip_goal',
        actual: 4,
        limit: 3,
        message: 'tip_goal over-scheduled: 4x this week (max: 3)',
      },
    ]);
  });

  it("takes the caller's limits: uncapped when absent or null, rounded down, below 0 as 0", () => {
    const items = of('bump_normal', 'bump_normal', 'vip_program', 'vip_program');
    expect(validateWeeklyLimits(items, { bump_normal: 1 }).warnings).toEqual([
      expect.objectContaining({ sendTypeKey: 'bump_normal', actual: 2, limit: 1 }),
    ]);
    expect(validateWeeklyLimits(items, { vip_program: null }).isValid).toBe(true);
    expect(validateWeeklyLimits(items, { vip_program: Number.NaN }).isValid).toBe(true);
    expect(validateWeeklyLimits(items, { vip_program: 2.9 }).isValid).toBe(true);
    expect(validateWeeklyLimits(items, { vip_program: 1.9 }).warnings[0]?.limit).toBe(1);
    expect(validateWeeklyLimits(of('tip_goal'), { tip_goal: -1 }).warnings[0]).toMatchObject({
      actual: 1,
      limit: 0,
    });
    expect(validateWeeklyLimits([], { tip_goal: -1 }).isValid).toBe(true);
  });

  it('an empty week is valid', () => {
    expect(validateWeeklyLimits([])).toEqual({ isValid: true, warnings: [] });
  });
});

const vip = (
  slotId: string,
  priority: number,
  scheduledAt?: string | null,
): WeeklyLimitEnforceItem & { scheduledAt?: string | null } => ({
  sendTypeKey: 'vip_program',
  slotId,
  priority,
  ...(scheduledAt === undefined ? {} : { scheduledAt }),
});

describe('enforceWeeklyLimits (000 task 3.5: remove the lowest priority)', () => {
  it('keeps the highest-priority vip_program and removes the others, saying why', () => {
    const items = [
      vip('2025-01-21_4', 3, '2025-01-21T20:07:00.000Z'),
      { sendTypeKey: 'ppv_unlock', slotId: '2025-01-21_1', priority: 9 },
      vip('2025-01-22_2', 1, '2025-01-22T15:07:00.000Z'),
      vip('2025-01-23_5', 2, '2025-01-23T12:07:00.000Z'),
    ];
    const r = enforceWeeklyLimits(items);
    expect(r.kept).toEqual([items[1], items[2]]);
    expect(r.modified).toBe(true);
    expect(
      r.removed.map((x) => [x.slotId, x.sendTypeKey, x.reason, x.actual, x.limit, x.rank]),
    ).toEqual([
      ['2025-01-23_5', 'vip_program', 'weekly_limit_exceeded', 3, 1, 2],
      ['2025-01-21_4', 'vip_program', 'weekly_limit_exceeded', 3, 1, 3],
    ]);
    expect(r.removed[0]?.item).toBe(items[3]);
    expect(r.before.warnings.map((w) => [w.sendTypeKey, w.actual, w.limit])).toEqual([
      ['vip_program', 3, 1],
    ]);
  });

  it('ties: the later scheduledAt goes, then the larger slotId; no time ranks below a time', () => {
    const sameTime = '2025-01-22T15:07:00.000Z';
    const r1 = enforceWeeklyLimits([
      vip('a', 1, '2025-01-23T10:07:00.000Z'),
      vip('b', 1, '2025-01-22T10:07:00+02:00'), // 08:07Z, the earliest
    ]);
    expect(r1.kept.map((x) => x.slotId)).toEqual(['b']);
    const r2 = enforceWeeklyLimits([vip('b', 1, sameTime), vip('a', 1, sameTime)]);
    expect(r2.kept.map((x) => x.slotId)).toEqual(['a']);
    const r3 = enforceWeeklyLimits([vip('a', 1), vip('b', 1, sameTime), vip('c', 1, 'not a time')]);
    expect(r3.kept.map((x) => x.slotId)).toEqual(['b']);
    expect(r3.removed.map((x) => x.slotId)).toEqual(['a', 'c']);
    const r4 = enforceWeeklyLimits([vip('2025-01-22_3', 1), vip('2025-01-20_3', 1)]);
    expect(r4.kept.map((x) => x.slotId)).toEqual(['2025-01-20_3']);
  });

  it('a priority that is not a number ranks lowest', () => {
    const r = enforceWeeklyLimits([vip('a', Number.NaN), vip('b', 7)]);
    expect(r.kept.map((x) => x.slotId)).toEqual(['b']);
  });

  it('enforces snapchat_bundle 1 and tip_goal 3 too, types in the order of the limits', () => {
    const tip = (slotId: string, priority: number) => ({
      sendTypeKey: 'tip_goal',
      slotId,
      priority,
    });
    const snap = (slotId: string, priority: number) => ({
      sendTypeKey: 'snapchat_bundle',
      slotId,
      priority,
    });
    const r = enforceWeeklyLimits([
      snap('s1', 2),
      tip('t1', 1),
      tip('t2', 4),
      snap('s2', 1),
      tip('t3', 2),
      tip('t4', 3),
      tip('t5', 5),
    ]);
    expect(r.kept.map((x) => x.slotId)).toEqual(['t1', 's2', 't3', 't4']);
    expect(r.removed.map((x) => x.slotId)).toEqual(['t2', 't5', 's1']);
  });

  it('changes nothing within the limits (modified: false)', () => {
    const items = [vip('a', 1), { sendTypeKey: 'bump_normal', slotId: 'b', priority: 1 }];
    expect(enforceWeeklyLimits(items)).toEqual({
      kept: items,
      removed: [],
      before: { isValid: true, warnings: [] },
      modified: false,
    });
  });

  it('hard cases: empty, a zero limit removes all of the type, custom limits', () => {
    expect(enforceWeeklyLimits([])).toEqual({
      kept: [],
      removed: [],
      before: { isValid: true, warnings: [] },
      modified: false,
    });
    const items = [vip('a', 1), vip('b', 2)];
    expect(enforceWeeklyLimits(items, { limits: { vip_program: 0 } }).kept).toEqual([]);
    expect(enforceWeeklyLimits(items, { limits: { vip_program: 2 } }).modified).toBe(false);
    expect(enforceWeeklyLimits(items, { limits: {} }).modified).toBe(false);
  });

  it('never changes the input and hands the items back with their own fields', () => {
    const items = Object.freeze([
      Object.freeze({ ...vip('a', 2), tag: 'x' }),
      Object.freeze({ ...vip('b', 1), tag: 'y' }),
    ]);
    const r = enforceWeeklyLimits(items);
    expect(r.kept.map((x) => x.tag)).toEqual(['y']);
    expect(r.removed[0]?.item.tag).toBe('x');
  });
});

describe('checkWeeklyCaps is built on validateWeeklyLimits', () => {
  it('one weekly_cap_exceeded error per type over its cap, the same numbers', () => {
    const items = [
      ...goodItems(),
      makeItem('x1', '2025-01-20', 10 * 60 + 7, 'vip_program'),
      makeItem('x2', '2025-01-22', 10 * 60 + 7, 'vip_program'),
      makeItem('x3', '2025-01-24', 10 * 60 + 7, 'vip_program'),
    ];
    const issues = checkWeeklyCaps(goodInput({ items }));
    const found = validateWeeklyLimits(items);
    expect(issues.map((i) => [i.code, i.severity, i.details])).toEqual(
      found.warnings.map((w) => [
        'weekly_cap_exceeded',
        'error',
        { sendTypeKey: w.sendTypeKey, count: w.actual, max: w.limit },
      ]),
    );
    expect(issues.some((i) => i.details.sendTypeKey === 'vip_program')).toBe(true);
    expect(issues.map((i) => i.message)).toEqual(found.warnings.map((w) => w.message));
  });

  it('no issue for a week within its caps', () => {
    expect(checkWeeklyCaps(goodInput())).toEqual([]);
  });
});

// ------------------------------------------------------------------ properties
const keyArb = fc.constantFrom(
  'vip_program',
  'snapchat_bundle',
  'tip_goal',
  'ppv_unlock',
  'bump_normal',
);
const itemsArb = fc
  .array(
    fc.record({
      sendTypeKey: keyArb,
      priority: fc.integer({ min: 1, max: 4 }),
      at: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
    }),
    { maxLength: 25 },
  )
  .map((xs) =>
    xs.map(
      (x, i): Item => ({
        sendTypeKey: x.sendTypeKey,
        priority: x.priority,
        slotId: `s${String(i).padStart(2, '0')}`,
        scheduledAt: x.at === null ? null : `2025-01-2${x.at}T12:07:00.000Z`,
      }),
    ),
  );
const limitsArb = fc.oneof(
  fc.constant(undefined),
  fc.record({
    vip_program: fc.integer({ min: 0, max: 3 }),
    snapchat_bundle: fc.integer({ min: 0, max: 3 }),
    tip_goal: fc.integer({ min: 0, max: 4 }),
  }),
);
interface Item {
  readonly sendTypeKey: string;
  readonly priority: number;
  readonly slotId: string;
  readonly scheduledAt: string | null;
}
/** Rank key in the test's own words: smaller priority, earlier time (none last), smaller id. */
const outranks = (a: Item, b: Item): boolean => {
  if (a.priority !== b.priority) return a.priority < b.priority;
  const ta = a.scheduledAt === null ? Number.POSITIVE_INFINITY : Date.parse(a.scheduledAt);
  const tb = b.scheduledAt === null ? Number.POSITIVE_INFINITY : Date.parse(b.scheduledAt);
  if (ta !== tb) return ta < tb;
  return a.slotId < b.slotId;
};

describe('enforceWeeklyLimits properties', () => {
  it('leaves no type over its limit, removes only when over, and only the lowest-priority ones', () => {
    fc.assert(
      fc.property(itemsArb, limitsArb, (items, limits) => {
        const lim: Readonly<Record<string, number>> = limits ?? LIMITS;
        const r = enforceWeeklyLimits(items, limits === undefined ? {} : { limits });
        expect(validateWeeklyLimits(r.kept, lim).isValid).toBe(true);
        for (const [key, max] of Object.entries(lim)) {
          const before = items.filter((i) => i.sendTypeKey === key).length;
          const kept = r.kept.filter((i) => i.sendTypeKey === key);
          expect(kept.length).toBe(Math.min(before, max));
          for (const x of r.removed.filter((x) => x.sendTypeKey === key))
            for (const k of kept) expect(outranks(k, x.item)).toBe(true);
        }
        for (const x of r.removed) expect(Object.keys(lim)).toContain(x.sendTypeKey);
      }),
    );
  });

  it('kept + removed = the input: each item once, kept in input order', () => {
    fc.assert(
      fc.property(itemsArb, limitsArb, (items, limits) => {
        const r = enforceWeeklyLimits(items, limits === undefined ? {} : { limits });
        expect(r.kept.length + r.removed.length).toBe(items.length);
        expect(r.kept).toEqual(items.filter((i) => r.kept.includes(i)));
        expect(new Set([...r.kept, ...r.removed.map((x) => x.item)]).size).toBe(items.length);
        expect(r.modified).toBe(!r.before.isValid);
      }),
    );
  });
});
