/**
 * The daily follow-up limit (seed 000 gap 5.1, task 3.4) over plain records, its priority
 * formula, and the pipeline's use of both. Expected values are literals of the seed (4 a day,
 * weights 0.50 / 0.30 / 0.20, $1000, 20 %, 24 hours, 0.5 without a timestamp), never read from
 * the policy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculateFollowupPriority,
  DEFAULT_POLICY,
  enforceDailyFollowupLimit,
  type FollowupLimitItem,
  followupPriority,
  generateFollowups,
  type MassMessage,
  type SendTypeKey,
  type TimedSlot,
} from '../../src/index';
import { makeCaptions, makeCtx, makeLoaded, makeSlot, makeTiming } from './fixtures';

// ------------------------------------------------------------------ the seed's numbers, literal
/** 000 gap 5.1 / task 3.4 `MAX_FOLLOWUPS_PER_DAY`. */
const MAX_PER_DAY = 4;
/** 000 task 3.4 `FOLLOWUP_WEIGHTS`. */
const W = { revenue: 0.5, recency: 0.3, engagement: 0.2 } as const;
/** 000 task 3.4: revenue normalised to $1000, engagement to 20 %, recency over 24 hours. */
const REVENUE_USD = 1000;
const ENGAGEMENT_RATE = 0.2;
const HORIZON_HOURS = 24;
/** 000 task 3.4 "Default if no timestamp"; docs/rulings.md: an unknown engagement rate is neutral. */
const NEUTRAL = 0.5;

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/** The seed's formula, written again in the test: the oracle of the properties. */
const seedPriority = (r: {
  parentEstimatedRevenue?: number;
  hoursSinceParent?: number | null;
  parentEngagementRate?: number | null;
}): number => {
  const revenue = clamp01((r.parentEstimatedRevenue ?? 0) / REVENUE_USD);
  const recency =
    r.hoursSinceParent === undefined || r.hoursSinceParent === null
      ? NEUTRAL
      : clamp01(1 - r.hoursSinceParent / HORIZON_HOURS);
  const engagement =
    r.parentEngagementRate === undefined || r.parentEngagementRate === null
      ? NEUTRAL
      : clamp01(r.parentEngagementRate / ENGAGEMENT_RATE);
  return W.revenue * revenue + W.recency * recency + W.engagement * engagement;
};

const D1 = '2025-01-20';
const D2 = '2025-01-21';
const D3 = '2025-01-22';

describe('calculateFollowupPriority (000 task 3.4)', () => {
  it('weights revenue 0.50, recency 0.30, engagement 0.20', () => {
    expect(
      calculateFollowupPriority({
        parentEstimatedRevenue: 500,
        hoursSinceParent: 12,
        parentEngagementRate: 0.1,
      }),
    ).toEqual({ revenueScore: 0.5, recencyScore: 0.5, engagementScore: 0.5, priority: 0.5 });
    // each factor alone
    const only = (r: number, h: number, e: number) =>
      calculateFollowupPriority({
        parentEstimatedRevenue: r,
        hoursSinceParent: h,
        parentEngagementRate: e,
      }).priority;
    expect(only(1000, 24, 0)).toBeCloseTo(0.5, 12);
    expect(only(0, 0, 0)).toBeCloseTo(0.3, 12);
    expect(only(0, 24, 0.2)).toBeCloseTo(0.2, 12);
    expect(only(1000, 0, 0.2)).toBeCloseTo(1, 12);
    expect(only(0, 24, 0)).toBe(0);
  });

  it('normalises revenue by $1000, capped at 1, never below 0', () => {
    const rev = (usd: number) =>
      calculateFollowupPriority({ parentEstimatedRevenue: usd, hoursSinceParent: 0 }).revenueScore;
    expect(rev(0)).toBe(0);
    expect(rev(250)).toBe(0.25);
    expect(rev(1000)).toBe(1);
    expect(rev(2500)).toBe(1);
    expect(rev(-40)).toBe(0);
    expect(calculateFollowupPriority({}).revenueScore).toBe(0); // seed `.get(..., 0)`
  });

  it('decays recency from 1 to 0 over 24 hours; 0.5 without a timestamp', () => {
    const rec = (h: number | null | undefined) =>
      calculateFollowupPriority({ hoursSinceParent: h }).recencyScore;
    expect(rec(0)).toBe(1);
    expect(rec(6)).toBe(0.75);
    expect(rec(12)).toBe(0.5);
    expect(rec(24)).toBe(0);
    expect(rec(30)).toBe(0);
    expect(rec(-3)).toBe(1); // a parent after the reference: still at most 1
    expect(rec(null)).toBe(0.5);
    expect(rec(undefined)).toBe(0.5);
  });

  it('normalises engagement by 20 %, capped at 1; an unknown rate is neutral (0.5)', () => {
    const eng = (rate: number | null | undefined) =>
      calculateFollowupPriority({ parentEngagementRate: rate }).engagementScore;
    expect(eng(0)).toBe(0);
    expect(eng(0.05)).toBe(0.25);
    expect(eng(0.2)).toBe(1);
    expect(eng(0.4)).toBe(1);
    expect(eng(null)).toBe(0.5);
    expect(eng(undefined)).toBe(0.5);
  });

  it('scores a number that is not finite as 0 for its component', () => {
    const s = calculateFollowupPriority({
      parentEstimatedRevenue: Number.NaN,
      hoursSinceParent: Number.NaN,
      parentEngagementRate: Number.POSITIVE_INFINITY,
    });
    expect(s).toEqual({ revenueScore: 0, recencyScore: 0, engagementScore: 0, priority: 0 });
  });

  it("reads the weights and normalisers of the caller's policy", () => {
    const policy = {
      ...DEFAULT_POLICY,
      followups: {
        ...DEFAULT_POLICY.followups,
        priorityWeights: { revenue: 1, recency: 0, engagement: 0 },
        revenueNormalizerUsd: 200,
      },
    };
    expect(calculateFollowupPriority({ parentEstimatedRevenue: 100 }, policy).priority).toBe(0.5);
  });

  it('stays in 0-1 and equals the seed formula for any inputs', () => {
    fc.assert(
      fc.property(
        fc.option(fc.double({ noNaN: false }), { nil: undefined }),
        fc.option(fc.double(), { nil: null }),
        fc.option(fc.double(), { nil: null }),
        (parentEstimatedRevenue, hoursSinceParent, parentEngagementRate) => {
          const r = { parentEstimatedRevenue, hoursSinceParent, parentEngagementRate };
          const p = calculateFollowupPriority(r).priority;
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1 + 1e-12);
          expect(p).toBeCloseTo(seedPriority(r), 12);
        },
      ),
    );
  });
});

describe('followupPriority (a pipeline parent) is built on the same formula', () => {
  it('mean earnings, hours to the end of the local day, purchased / viewed', () => {
    const ctx = makeCtx();
    const msg = (earnings: number): MassMessage => ({
      creatorId: 'creator_1',
      sentAt: '2025-01-10T20:00:00.000Z',
      sendTypeKey: 'ppv_unlock',
      price: 20,
      sent: 1000,
      viewed: 500,
      purchased: 50,
      earnings,
      captionId: null,
    });
    // 17:59 local: 6 hours to 23:59 -> recency 0.75; mean $200 -> 0.2; 100/1000 = 10 % -> 0.5
    const parent = makeSlot(ctx, `${D1}_1`, D1, 17 * 60 + 59);
    const p = followupPriority(parent, [msg(100), msg(300)], ctx.creator.timezone, ctx.policy);
    expect(p).toMatchObject({
      estimatedRevenueUsd: 200,
      revenueFromHistory: true,
      revenueScore: 0.2,
      recencyScore: 0.75,
      engagementScore: 0.5,
    });
    expect(p.priority).toBeCloseTo(0.5 * 0.2 + 0.3 * 0.75 + 0.2 * 0.5, 12);
    expect(p.priority).toBe(
      calculateFollowupPriority({
        parentEstimatedRevenue: 200,
        hoursSinceParent: 6,
        parentEngagementRate: 0.1,
      }).priority,
    );
  });
});

/** A record of the seed's inputs. */
const rec = (
  id: string,
  date: string,
  parentEstimatedRevenue: number,
  hoursSinceParent: number | null = 2,
  parentEngagementRate: number | null = 0.1,
): FollowupLimitItem => ({
  id,
  date,
  parentEstimatedRevenue,
  hoursSinceParent,
  parentEngagementRate,
});

describe('enforceDailyFollowupLimit (000 task 3.4)', () => {
  it('keeps the 4 highest priorities of a day, in input order, and says what it removed and why', () => {
    const day = [300, 900, 100, 700, 500, 600].map((usd, i) => rec(`f${i}`, D1, usd));
    const r = enforceDailyFollowupLimit(day);
    expect(r.kept.map((k) => k.id)).toEqual(['f1', 'f3', 'f4', 'f5']);
    expect(r.modified).toBe(true);
    expect(r.maxPerDay).toBe(4);
    expect(r.days).toEqual([{ date: D1, candidates: 6, kept: 4, removed: 2 }]);
    expect(r.removed.map((x) => [x.id, x.rank, x.reason, x.parentEstimatedRevenue])).toEqual([
      ['f0', 5, 'daily_followup_limit', 300],
      ['f2', 6, 'daily_followup_limit', 100],
    ]);
    const f0 = r.removed[0];
    // 300 / 1000, 1 - 2/24, 0.1 / 0.2
    expect(f0?.scores?.revenueScore).toBe(0.3);
    expect(f0?.scores?.recencyScore).toBeCloseTo(1 - 2 / 24, 12);
    expect(f0?.scores?.engagementScore).toBe(0.5);
    expect(f0?.priority).toBeCloseTo(0.5 * 0.3 + 0.3 * (1 - 2 / 24) + 0.2 * 0.5, 12);
    expect(f0?.maxPerDay).toBe(4);
    expect(f0?.item).toBe(day[0]);
  });

  it('changes nothing with 4 or fewer a day (modified: false)', () => {
    const day = [1, 2, 3, 4].map((usd, i) => rec(`f${i}`, D1, usd));
    const r = enforceDailyFollowupLimit(day);
    expect(r).toEqual({
      kept: day,
      removed: [],
      days: [{ date: D1, candidates: 4, kept: 4, removed: 0 }],
      maxPerDay: 4,
      modified: false,
    });
  });

  it('counts each date apart; dates ascending in days and removed', () => {
    const items = [
      ...[1, 2, 3, 4, 5].map((usd, i) => rec(`b${i}`, D2, usd * 100)),
      ...[1, 2, 3].map((usd, i) => rec(`a${i}`, D1, usd * 100)),
      ...[1, 2, 3, 4, 5, 6].map((usd, i) => rec(`c${i}`, D3, usd * 100)),
    ];
    const r = enforceDailyFollowupLimit(items);
    expect(r.days).toEqual([
      { date: D1, candidates: 3, kept: 3, removed: 0 },
      { date: D2, candidates: 5, kept: 4, removed: 1 },
      { date: D3, candidates: 6, kept: 4, removed: 2 },
    ]);
    expect(r.removed.map((x) => x.id)).toEqual(['b0', 'c1', 'c0']);
    expect(r.kept).toHaveLength(11);
  });

  it('reads recency from the hours given, or from minutes and the caller’s reference', () => {
    const ref = 29_000_000;
    const r = enforceDailyFollowupLimit(
      [
        { id: 'old', date: D1, parentEpochMinute: ref - 20 * 60 },
        { id: 'fresh', date: D1, parentEpochMinute: ref - 60 },
        {
          id: 'own-ref',
          date: D1,
          parentEpochMinute: ref - 60,
          referenceEpochMinute: ref + 22 * 60,
        },
        { id: 'no-time', date: D1 },
      ],
      { maxPerDay: 1, referenceEpochMinute: ref },
    );
    expect(r.kept.map((k) => k.id)).toEqual(['fresh']);
    const recency = Object.fromEntries(r.removed.map((x) => [x.id, x.scores?.recencyScore]));
    expect(recency.old).toBeCloseTo(1 - 20 / 24, 12);
    expect(recency['own-ref']).toBeCloseTo(1 - 23 / 24, 12);
    expect(recency['no-time']).toBe(0.5);
  });

  it('a precomputed priority wins over the inputs; NaN ranks last', () => {
    const r = enforceDailyFollowupLimit(
      [
        { id: 'rich', date: D1, parentEstimatedRevenue: 1000, parentEngagementRate: 0.2 },
        { id: 'given', date: D1, priority: 0.99, parentEstimatedRevenue: 0 },
        { id: 'nan', date: D1, priority: Number.NaN },
      ],
      { maxPerDay: 2 },
    );
    expect(r.kept.map((k) => k.id)).toEqual(['rich', 'given']);
    expect(r.removed.map((x) => [x.id, x.scores])).toEqual([['nan', null]]);
  });

  it('keeps the earlier record of equal priorities (input order)', () => {
    const day = Array.from({ length: 7 }, (_, i) => rec(`t${i}`, D1, 400));
    const r = enforceDailyFollowupLimit(day);
    expect(r.kept.map((k) => k.id)).toEqual(['t0', 't1', 't2', 't3']);
    expect(r.removed.map((x) => x.id)).toEqual(['t4', 't5', 't6']);
  });

  it('hard cases: empty input, zero max, negative and fractional max, no limit', () => {
    expect(enforceDailyFollowupLimit([])).toEqual({
      kept: [],
      removed: [],
      days: [],
      maxPerDay: 4,
      modified: false,
    });
    const day = [5, 4, 3].map((usd, i) => rec(`z${i}`, D1, usd * 100));
    const zero = enforceDailyFollowupLimit(day, { maxPerDay: 0 });
    expect(zero.kept).toEqual([]);
    expect(zero.removed.map((x) => [x.id, x.rank])).toEqual([
      ['z0', 1],
      ['z1', 2],
      ['z2', 3],
    ]);
    expect(enforceDailyFollowupLimit(day, { maxPerDay: -2 }).kept).toEqual([]);
    expect(enforceDailyFollowupLimit(day, { maxPerDay: Number.NaN }).kept).toEqual([]);
    expect(enforceDailyFollowupLimit(day, { maxPerDay: 2.9 }).kept.map((k) => k.id)).toEqual([
      'z0',
      'z1',
    ]);
    expect(enforceDailyFollowupLimit(day, { maxPerDay: Number.POSITIVE_INFINITY }).modified).toBe(
      false,
    );
  });

  it("takes the default max from the caller's policy, and the option over it", () => {
    const day = [5, 4, 3].map((usd, i) => rec(`p${i}`, D1, usd * 100));
    const policy = { ...DEFAULT_POLICY, followups: { ...DEFAULT_POLICY.followups, maxPerDay: 1 } };
    expect(enforceDailyFollowupLimit(day, { policy }).kept.map((k) => k.id)).toEqual(['p0']);
    expect(enforceDailyFollowupLimit(day, { policy, maxPerDay: 2 }).kept).toHaveLength(2);
  });

  it('hands the records back untouched, with their own fields, and never changes the input', () => {
    const day = Object.freeze(
      [1, 2, 3, 4, 5].map((usd, i) => Object.freeze({ ...rec(`x${i}`, D1, usd * 100), tag: i })),
    );
    const r = enforceDailyFollowupLimit(day);
    expect(r.kept.map((k) => k.tag)).toEqual([1, 2, 3, 4]);
    expect(r.removed[0]?.item.tag).toBe(0);
  });
});

// ------------------------------------------------------------------ properties
const dateArb = fc.constantFrom(D1, D2, D3);
const inputsArb = fc.record(
  {
    parentEstimatedRevenue: fc.double({ min: -100, max: 2000, noNaN: true }),
    hoursSinceParent: fc.option(fc.double({ min: -5, max: 40, noNaN: true }), { nil: null }),
    parentEngagementRate: fc.option(fc.double({ min: 0, max: 0.5, noNaN: true }), { nil: null }),
  },
  { requiredKeys: [] },
);
/** Records of the seed's inputs, or with a precomputed priority (coarse, so ties happen). */
const recordsArb = fc
  .array(
    fc.oneof(
      fc.record({ date: dateArb, inputs: inputsArb }),
      fc.record({
        date: dateArb,
        priority: fc.integer({ min: 0, max: 8 }).map((n) => n / 8),
      }),
    ),
    { maxLength: 30 },
  )
  .map((xs) =>
    xs.map(
      (x, i): FollowupLimitItem =>
        'inputs' in x
          ? { id: `r${i}`, date: x.date, ...x.inputs }
          : { id: `r${i}`, date: x.date, priority: x.priority },
    ),
  );
const priorityOf = (r: FollowupLimitItem): number =>
  r.priority !== undefined ? r.priority : seedPriority(r);

describe('enforceDailyFollowupLimit properties', () => {
  it('never keeps a lower-priority follow-up over a higher one on the same day', () => {
    fc.assert(
      fc.property(recordsArb, fc.integer({ min: 0, max: 6 }), (records, maxPerDay) => {
        const r = enforceDailyFollowupLimit(records, { maxPerDay });
        for (const k of r.kept)
          for (const x of r.removed)
            if (x.date === k.date)
              expect(priorityOf(k)).toBeGreaterThanOrEqual(priorityOf(x.item) - 1e-12);
      }),
    );
  });

  it('keeps at most 4 a day by default, and exactly min(candidates, 4)', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const r = enforceDailyFollowupLimit(records);
        for (const date of [D1, D2, D3]) {
          const candidates = records.filter((x) => x.date === date).length;
          const kept = r.kept.filter((x) => x.date === date).length;
          expect(kept).toBeLessThanOrEqual(MAX_PER_DAY);
          expect(kept).toBe(Math.min(candidates, MAX_PER_DAY));
        }
        expect(r.modified).toBe(r.removed.length > 0);
      }),
    );
  });

  it('kept + removed = the input: each record once, kept in input order', () => {
    fc.assert(
      fc.property(recordsArb, fc.integer({ min: 0, max: 6 }), (records, maxPerDay) => {
        const r = enforceDailyFollowupLimit(records, { maxPerDay });
        expect(r.kept.length + r.removed.length).toBe(records.length);
        expect(r.kept).toEqual(records.filter((x) => r.kept.includes(x)));
        const all = new Set([...r.kept, ...r.removed.map((x) => x.item)]);
        expect(all.size).toBe(records.length);
        for (const x of r.removed) {
          expect(x.rank).toBeGreaterThan(maxPerDay);
          expect(x.reason).toBe('daily_followup_limit');
        }
        expect(r.days.reduce((n, d) => n + d.removed, 0)).toBe(r.removed.length);
      }),
    );
  });
});

// ------------------------------------------------------------------ the pipeline uses it
/**
 * The cap as `generateFollowups` applied it inline before the limiter existed: per local date,
 * sorted by `followupPriority` (highest first; ties earlier epochMinute, then slotId), the first
 * `maxPerDay` kept. Written here as the regression oracle.
 */
const inlineCap = (
  slots: ReadonlyArray<TimedSlot>,
  history: ReadonlyArray<MassMessage>,
  maxPerDay: number,
): { kept: string[]; removed: Array<[string, string, number]> } => {
  const ctx = makeCtx();
  const byTime = (a: TimedSlot, b: TimedSlot) =>
    a.epochMinute - b.epochMinute || (a.slotId < b.slotId ? -1 : a.slotId > b.slotId ? 1 : 0);
  const dates = [...new Set(slots.map((s) => s.scheduledDate))].sort();
  const kept: TimedSlot[] = [];
  const removed: Array<[string, string, number]> = [];
  for (const date of dates) {
    const scored = slots
      .filter((s) => s.scheduledDate === date)
      .map((s) => ({ s, p: followupPriority(s, history, ctx.creator.timezone, ctx.policy) }))
      .sort((x, y) => y.p.priority - x.p.priority || byTime(x.s, y.s));
    kept.push(...scored.slice(0, maxPerDay).map((x) => x.s));
    for (const { s, p } of scored.slice(maxPerDay)) removed.push([s.slotId, date, p.priority]);
  }
  return { kept: kept.sort(byTime).map((s) => s.slotId), removed };
};

describe('generateFollowups caps with enforceDailyFollowupLimit (regression: the same result)', () => {
  const parentTypes: ReadonlyArray<SendTypeKey> = ['ppv_unlock', 'ppv_wall', 'tip_goal'];
  const msg = (sendTypeKey: SendTypeKey, earnings: number, purchased: number): MassMessage => ({
    creatorId: 'creator_1',
    sentAt: '2025-01-10T20:00:00.000Z',
    sendTypeKey,
    price: 20,
    sent: 1000,
    viewed: 400,
    purchased,
    earnings,
    captionId: null,
  });

  it('reports and keeps the parents the inline cap did, in the same order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            day: fc.integer({ min: 0, max: 2 }),
            // whole hours + 7 minutes keep parents apart; equal times on other days make ties
            hour: fc.integer({ min: 8, max: 21 }),
            type: fc.constantFrom(...parentTypes),
          }),
          { selector: (x) => `${x.day}/${x.hour}`, maxLength: 18 },
        ),
        fc.array(
          fc.record({
            type: fc.constantFrom(...parentTypes),
            earnings: fc.integer({ min: 0, max: 1500 }),
            purchased: fc.integer({ min: 0, max: 120 }),
          }),
          { maxLength: 6 },
        ),
        fc.integer({ min: 0, max: 5 }),
        (parents, hist, maxPerDay) => {
          const ctx = makeCtx({ maxPerDay });
          const dates = [D1, D2, D3];
          const slots = parents.map((p, i) =>
            makeSlot(ctx, `${dates[p.day]}_${i + 1}`, dates[p.day] ?? D1, p.hour * 60 + 7, p.type),
          );
          const history = hist.map((h) => msg(h.type, h.earnings, h.purchased));
          const out = generateFollowups(
            ctx,
            makeLoaded(history),
            makeTiming(slots),
            makeCaptions(40),
            [],
          );
          const expected = inlineCap(slots, history, maxPerDay);
          const limit = out.issues.filter((i) => i.code === 'followup_limit');
          expect(
            limit.map((i) => [i.details.parentItemId, i.details.date, i.details.priority]),
          ).toEqual(expected.removed);
          expect(limit.every((i) => i.details.maxPerDay === maxPerDay)).toBe(true);
          const placedOrSkipped = new Set([
            ...out.slots.filter((s) => s.isFollowUp).map((s) => s.parentItemId),
            ...out.issues
              .filter((i) => i.code === 'late_night_followup' || i.code === 'followup_skipped')
              .map((i) => i.details.parentItemId),
          ]);
          expect([...placedOrSkipped].sort()).toEqual([...expected.kept].sort());
        },
      ),
      { numRuns: 150 },
    );
  });
});
