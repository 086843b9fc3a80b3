import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDaysIso,
  checkFollowupLinkage,
  checkFollowupRules,
  checkRoundMinutes,
  checkTimingConflicts,
  checkWindow,
  DEFAULT_POLICY,
  followupDelayDistribution,
  generateFollowups,
  instantToLocal,
  type MassMessage,
  rngFrom,
  SEND_TYPE_KEYS,
  SEND_TYPES,
  type SendTypeKey,
  sampleFollowupDelay,
  type TimedSlot,
  type ValidationInput,
} from '../../src/index';
import { DEFAULT_LITERALS } from '../oracle/literals';
import {
  makeCaptions,
  makeCtx,
  makeLoaded,
  makeSlot,
  makeTiming,
  toItem,
  WEEK_START,
} from './fixtures';

const policy = DEFAULT_POLICY.followups;
/** Expected values of the hard rules are literals (issue 12), never read from the catalog. */
const F = DEFAULT_LITERALS.followups;
const allocatable = SEND_TYPE_KEYS.filter((k) => SEND_TYPES[k].generatedBy === 'allocation');

describe('sampleFollowupDelay', () => {
  it('always returns a whole minute in [15, 45]', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer(), (seed, n) => {
        const [d] = sampleFollowupDelay(rngFrom(seed, n), policy);
        return Number.isInteger(d) && d >= 15 && d <= 45;
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic for the same generator', () => {
    const r = rngFrom('s', 'c', '2025-01-20_1', 'followup');
    expect(sampleFollowupDelay(r, policy)[0]).toBe(sampleFollowupDelay(r, policy)[0]);
  });

  it('follows the truncated normal (mean ~28, KS gap < 0.05 over 5,000 samples)', () => {
    const samples: number[] = [];
    let rng = rngFrom('distribution-test');
    for (let i = 0; i < 5000; i++) {
      const [d, next] = sampleFollowupDelay(rng, policy);
      samples.push(d);
      rng = next;
    }
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    expect(Math.abs(mean - 28)).toBeLessThan(1.5);
    const dist = followupDelayDistribution(policy);
    let maxGap = 0;
    for (let k = 14; k <= 46; k++) {
      const empirical = samples.filter((d) => d <= k).length / samples.length;
      maxGap = Math.max(maxGap, Math.abs(empirical - dist.roundedCdf(k)));
    }
    expect(maxGap).toBeLessThan(0.05);
  });
});

describe('followupDelayDistribution', () => {
  const dist = followupDelayDistribution(policy);
  it('is a distribution on [15, 45]', () => {
    expect(dist.cdf(15)).toBe(0);
    expect(dist.cdf(45)).toBe(1);
    expect(dist.pdf(10)).toBe(0);
    expect(dist.pdf(50)).toBe(0);
    let area = 0;
    for (let x = 15; x < 45; x += 0.01) area += dist.pdf(x + 0.005) * 0.01;
    expect(area).toBeCloseTo(1, 3);
  });
  it('has its mean near 28 and inverts its CDF', () => {
    expect(dist.mean).toBeGreaterThan(28);
    expect(dist.mean).toBeLessThan(29.5);
    for (const p of [0.1, 0.5, 0.9]) expect(dist.cdf(dist.inv(p))).toBeCloseTo(p, 6);
  });
});

describe('generateFollowups', () => {
  it('creates a follow-up 15-45 minutes after a PPV with the catalog attributes', () => {
    const ctx = makeCtx();
    const parent = makeSlot(ctx, '2025-01-20_1', '2025-01-20', 20 * 60 + 7);
    const out = generateFollowups(ctx, makeLoaded(), makeTiming([parent]), makeCaptions(3), []);
    expect(out.followupsGenerated).toBe(1);
    expect(out.slots).toHaveLength(2);
    const fu = out.slots.find((s) => s.isFollowUp) as TimedSlot;
    expect(fu).toMatchObject({
      slotId: '2025-01-20_1_followup',
      sendTypeKey: 'ppv_followup', // 001 §6.2
      category: 'retention', // 001 §1.4
      channelKey: 'targeted_message', // 001 §6.2; RULINGS "Channels"
      targetKey: 'ppv_non_purchasers', // 001 §4.3, §6.2
      parentItemId: '2025-01-20_1',
      contentTypeId: null,
      mediaType: 'none',
      flyerRequired: false,
      scores: null,
      captionId: 'fu_0',
      needsCaption: false,
      scheduledDate: '2025-01-20',
    });
    expect(fu.epochMinute - parent.epochMinute).toBe(fu.followupDelayMinutes);
    expect(fu.variationMetadata.timeShift).toBe(fu.followupDelayMinutes);
    expect(fu.variationMetadata.baseHour).toBe(20);
    expect(out.usedCaptionIds).toEqual(['fu_0']);
    expect(out.issues).toEqual([]);
  });

  it('gives no follow-up to sends that cannot have one', () => {
    const ctx = makeCtx();
    const slots = [
      makeSlot(ctx, '2025-01-20_1', '2025-01-20', 9 * 60 + 7, 'bump_normal'),
      makeSlot(ctx, '2025-01-20_2', '2025-01-20', 12 * 60 + 7, 'bundle'),
    ];
    expect(
      generateFollowups(ctx, makeLoaded(), makeTiming(slots), makeCaptions(3), [])
        .followupsGenerated,
    ).toBe(0);
  });

  it('skips captions already used and asks for a manual caption when none is left', () => {
    const ctx = makeCtx();
    const slots = [
      makeSlot(ctx, '2025-01-20_1', '2025-01-20', 12 * 60 + 7),
      makeSlot(ctx, '2025-01-20_2', '2025-01-20', 18 * 60 + 7),
    ];
    const out = generateFollowups(ctx, makeLoaded(), makeTiming(slots), makeCaptions(2), ['fu_0']);
    const fus = out.slots.filter((s) => s.isFollowUp);
    expect(fus.map((f) => f.captionId)).toEqual(['fu_1', null]);
    expect(fus[1]).toMatchObject({
      needsCaption: true,
      captionText: 'MANUAL_REQUIRED', // RULINGS "Content matching" shortage
    });
    expect(out.issues.map((i) => [i.code, i.severity])).toEqual([
      ['followup_manual_caption', 'warning'],
    ]);
    expect(out.usedCaptionIds).toEqual(['fu_0', 'fu_1']);
  });

  it('keeps at most 4 per day, by priority, and reports the others as followup_limit', () => {
    const ctx = makeCtx();
    const date = '2025-01-20';
    const slots = [9, 11, 13, 15, 17, 19].map((h, i) =>
      makeSlot(ctx, `${date}_${i + 1}`, date, h * 60 + 7),
    );
    const out = generateFollowups(ctx, makeLoaded(), makeTiming(slots), makeCaptions(10), []);
    expect(out.followupsGenerated).toBe(4);
    // Same type, no history: recency decides; the four latest parents win.
    expect(out.slots.filter((s) => s.isFollowUp).map((s) => s.parentItemId)).toEqual([
      `${date}_3`,
      `${date}_4`,
      `${date}_5`,
      `${date}_6`,
    ]);
    const limit = out.issues.filter((i) => i.code === 'followup_limit');
    expect(limit.map((i) => i.details.parentItemId)).toEqual([`${date}_2`, `${date}_1`]);
    expect(limit.every((i) => i.severity === 'info')).toBe(true);
  });

  it('prefers the parent with the higher estimated revenue from history', () => {
    const ctx = makeCtx({ maxPerDay: 1 });
    const date = '2025-01-20';
    const early = makeSlot(ctx, `${date}_1`, date, 9 * 60 + 7, 'tip_goal');
    const late = makeSlot(ctx, `${date}_2`, date, 21 * 60 + 7, 'ppv_unlock');
    const msg = (sendTypeKey: SendTypeKey, earnings: number): MassMessage => ({
      creatorId: 'creator_1',
      sentAt: '2025-01-10T20:00:00.000Z',
      sendTypeKey,
      price: 20,
      sent: 1000,
      viewed: 500,
      purchased: 50,
      earnings,
      captionId: null,
    });
    const out = generateFollowups(
      ctx,
      makeLoaded([msg('tip_goal', 2000), msg('ppv_unlock', 10)]),
      makeTiming([early, late]),
      makeCaptions(3),
      [],
    );
    expect(out.slots.filter((s) => s.isFollowUp).map((s) => s.parentItemId)).toEqual([`${date}_1`]);
  });

  it('drops the follow-up of a parent at 23:50 with late_night_followup', () => {
    const ctx = makeCtx();
    const parent = makeSlot(ctx, '2025-01-20_1', '2025-01-20', 23 * 60 + 50);
    const out = generateFollowups(ctx, makeLoaded(), makeTiming([parent]), makeCaptions(3), []);
    expect(out.followupsGenerated).toBe(0);
    expect(out.issues.map((i) => [i.code, i.severity])).toEqual([
      ['late_night_followup', 'warning'],
    ]);
    expect(out.usedCaptionIds).toEqual([]);
  });

  it('lets a 23:50 parent cross midnight when allowNextDayFollowups is set', () => {
    const ctx = makeCtx({ allowNextDayFollowups: true });
    const parent = makeSlot(ctx, '2025-01-20_1', '2025-01-20', 23 * 60 + 50);
    const out = generateFollowups(ctx, makeLoaded(), makeTiming([parent]), makeCaptions(3), []);
    const fu = out.slots.find((s) => s.isFollowUp) as TimedSlot;
    expect(fu.scheduledDate).toBe('2025-01-21');
    expect(fu.minuteOfDay).toBeLessThan(60);
  });

  it('keeps a 23:35 parent inside its day (at most 23:59) instead of crossing midnight', () => {
    const ctx = makeCtx();
    const parent = makeSlot(ctx, '2025-01-20_1', '2025-01-20', 23 * 60 + 35);
    const out = generateFollowups(ctx, makeLoaded(), makeTiming([parent]), makeCaptions(3), []);
    const fu = out.slots.find((s) => s.isFollowUp) as TimedSlot;
    expect(fu.scheduledDate).toBe('2025-01-20');
    expect(fu.minuteOfDay).toBeLessThanOrEqual(23 * 60 + 59);
    expect(fu.minuteOfDay).toBeGreaterThanOrEqual(23 * 60 + 50);
  });

  it('keeps a 23:30 parent inside its day even with allowNextDayFollowups (RULINGS late parents)', () => {
    for (const allowNextDayFollowups of [false, true]) {
      const ctx = makeCtx({ allowNextDayFollowups });
      const parent = makeSlot(ctx, '2025-01-20_1', '2025-01-20', 23 * 60 + 30);
      const out = generateFollowups(ctx, makeLoaded(), makeTiming([parent]), makeCaptions(3), []);
      const fu = out.slots.find((s) => s.isFollowUp) as TimedSlot;
      expect(fu.scheduledDate).toBe('2025-01-20');
      expect(fu.minuteOfDay).toBeGreaterThanOrEqual(23 * 60 + 45);
      expect(fu.minuteOfDay).toBeLessThanOrEqual(23 * 60 + 59);
    }
  });

  it('reports followup_skipped when every delay is blocked for another reason', () => {
    const ctx = makeCtx();
    const date = '2025-01-20';
    const parent = makeSlot(ctx, `${date}_1`, date, 12 * 60 + 7);
    // Occupy every minute 15-45 minutes after the parent.
    const blockers = Array.from({ length: 31 }, (_, i) =>
      makeSlot(ctx, `${date}_b${i}`, date, 12 * 60 + 22 + i, 'bump_normal'),
    );
    const out = generateFollowups(
      ctx,
      makeLoaded(),
      makeTiming([parent, ...blockers]),
      makeCaptions(3),
      [],
    );
    expect(out.followupsGenerated).toBe(0);
    expect(out.issues.map((i) => i.code)).toEqual(['followup_skipped']);
  });

  it('moves off a taken minute and records the adjustment', () => {
    const ctx = makeCtx();
    const date = '2025-01-20';
    const parent = makeSlot(ctx, `${date}_1`, date, 12 * 60 + 7);
    const free = generateFollowups(ctx, makeLoaded(), makeTiming([parent]), makeCaptions(3), []);
    const first = free.slots.find((s) => s.isFollowUp) as TimedSlot;
    const blocker = makeSlot(ctx, `${date}_2`, date, first.minuteOfDay, 'bump_normal');
    const out = generateFollowups(
      ctx,
      makeLoaded(),
      makeTiming([parent, blocker]),
      makeCaptions(3),
      [],
    );
    const moved = out.slots.find((s) => s.isFollowUp) as TimedSlot;
    expect(moved.epochMinute).not.toBe(first.epochMinute);
    expect(
      Math.abs((moved.followupDelayMinutes ?? 0) - (first.followupDelayMinutes ?? 0)),
    ).toBeLessThanOrEqual(2);
    expect(moved.variationMetadata.timeAdjusted).toBe(true);
    expect(moved.variationMetadata.adjustmentReason).toContain('minute_taken');
  });
});

/** A random week of timed slots: per day up to 8 sends at distinct minutes inside 08:00-23:50. */
const weekArb = fc
  .record({
    timezone: fc.constantFrom(
      'America/New_York',
      'Asia/Kolkata',
      'UTC',
      'Australia/Sydney',
      'Europe/Berlin',
    ),
    weekStart: fc.constantFrom(WEEK_START, '2025-03-03', '2025-10-27', '2025-03-31'),
    seed: fc.string({ maxLength: 8 }),
    allowNextDayFollowups: fc.boolean(),
    days: fc.array(
      fc.uniqueArray(
        fc.record({
          minute: fc.integer({ min: 8 * 60, max: 23 * 60 + 50 }),
          sendTypeKey: fc.constantFrom(...allocatable),
        }),
        { maxLength: 8, selector: (s) => s.minute },
      ),
      { minLength: 7, maxLength: 7 },
    ),
  })
  .map((w) => {
    const ctx = makeCtx({
      timezone: w.timezone,
      weekStart: w.weekStart,
      seed: w.seed,
      allowNextDayFollowups: w.allowNextDayFollowups,
    });
    const slots = w.days.flatMap((day, d) =>
      day.map((s, n) =>
        makeSlot(
          ctx,
          `${ctx.weekDates[d]}_${n + 1}`,
          ctx.weekDates[d] as string,
          s.minute,
          s.sendTypeKey,
        ),
      ),
    );
    // Drop slots that share an instant (a DST fall-back repeats wall times).
    const unique = slots.filter(
      (s, i) => slots.findIndex((o) => o.epochMinute === s.epochMinute) === i,
    );
    return { ctx, slots: unique };
  });

describe('generateFollowups properties', () => {
  it('respects every follow-up rule on random weeks', () => {
    fc.assert(
      fc.property(weekArb, fc.integer({ min: 0, max: 30 }), ({ ctx, slots }, nCaptions) => {
        const out = generateFollowups(
          ctx,
          makeLoaded(),
          makeTiming(slots),
          makeCaptions(nCaptions),
          [],
        );
        const fus = out.slots.filter((s) => s.isFollowUp);
        const byId = new Map(out.slots.map((s) => [s.slotId, s]));
        expect(out.followupsGenerated).toBe(fus.length);
        expect(out.slots).toHaveLength(slots.length + fus.length);
        // sorted by time
        for (let i = 1; i < out.slots.length; i++)
          expect((out.slots[i] as TimedSlot).epochMinute).toBeGreaterThanOrEqual(
            (out.slots[i - 1] as TimedSlot).epochMinute,
          );
        // never shares a minute
        expect(new Set(out.slots.map((s) => s.epochMinute)).size).toBe(out.slots.length);
        const perDay = new Map<string, number>();
        for (const f of fus) {
          const parent = byId.get(f.parentItemId ?? '') as TimedSlot;
          expect(parent).toBeDefined();
          expect(parent.isFollowUp).toBe(false);
          expect(F.parents).toContain(parent.sendTypeKey);
          const d = f.followupDelayMinutes as number;
          expect(Number.isInteger(d)).toBe(true);
          expect(d).toBeGreaterThanOrEqual(F.minDelayMinutes);
          expect(d).toBeLessThanOrEqual(F.maxDelayMinutes);
          expect(f.epochMinute - parent.epochMinute).toBe(d);
          const local = instantToLocal(f.scheduledAt, ctx.creator.timezone);
          expect(DEFAULT_LITERALS.roundMinutes).not.toContain(local.minuteOfDay % 60);
          expect(local.date).toBe(f.scheduledDate);
          // RULINGS "late parents": inside the day while 15 minutes remain before 23:59, even
          // with allowNextDayFollowups; only a later parent may cross midnight, with the option
          const latest = DEFAULT_LITERALS.window.followupLatestMinute;
          if (
            !ctx.options.allowNextDayFollowups ||
            parent.minuteOfDay <= latest - F.minDelayMinutes
          ) {
            expect(f.scheduledDate).toBe(parent.scheduledDate);
            expect(local.minuteOfDay).toBeLessThanOrEqual(latest);
          } else
            expect([parent.scheduledDate, addDaysIso(parent.scheduledDate, 1)]).toContain(
              f.scheduledDate,
            );
          perDay.set(parent.scheduledDate, (perDay.get(parent.scheduledDate) ?? 0) + 1);
        }
        for (const n of perDay.values()) expect(n).toBeLessThanOrEqual(F.maxPerParentDate);
        const times = fus.map((f) => f.epochMinute).sort((a, b) => a - b);
        for (let i = 1; i < times.length; i++)
          expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(
            F.minGapMinutes,
          );
        // captions unique
        const ids = fus.flatMap((f) => (f.captionId === null ? [] : [f.captionId]));
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 200, seed: 20_250_120 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(weekArb, ({ ctx, slots }) => {
        const a = generateFollowups(ctx, makeLoaded(), makeTiming(slots), makeCaptions(5), []);
        const b = generateFollowups(
          ctx,
          makeLoaded(),
          makeTiming([...slots].reverse()),
          makeCaptions(5),
          [],
        );
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 200 },
    );
  });

  it('passes the validation follow-up checks', () => {
    fc.assert(
      fc.property(weekArb, ({ ctx, slots }) => {
        const out = generateFollowups(ctx, makeLoaded(), makeTiming(slots), makeCaptions(5), []);
        const input = {
          creator: ctx.creator,
          weekDates: ctx.weekDates,
          items: out.slots.map(toItem),
          policy: ctx.policy,
          allowNextDayFollowups: ctx.options.allowNextDayFollowups,
        } as unknown as ValidationInput;
        const fuIssues = [
          ...checkFollowupRules(input),
          ...checkFollowupLinkage(input),
          ...checkTimingConflicts(input),
          ...checkRoundMinutes(input).filter((i) => String(i.details.slotId).endsWith('_followup')),
          ...checkWindow(input).filter((i) => i.details.isFollowUp === true),
        ];
        expect(fuIssues).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
