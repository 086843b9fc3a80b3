/**
 * Phase 5 with creator data (seed 003 task 2.8): the AM/PM preference used for same-style
 * spacing, the hourly performance ordering the preferred hours, and the jitter range of the
 * timing variation (`jitterRangeFor`). Numbers are the seeds', written as literals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CreatorTimingProfile,
  jitterRangeFor,
  type LoadedData,
  type PpvStyle,
  scheduleTimes,
} from '../../src/index';
import { makeCtx, makeLoaded, makeWeek, runScenario, type SlotSpec, scenarioArb } from './fixtures';

const profile = (over: Partial<CreatorTimingProfile> = {}): CreatorTimingProfile => ({
  avgResponseMinutes: null,
  peakEngagementHour: null,
  multiTimezoneAudience: false,
  timingVariation: 'medium',
  ...over,
});

const withProfile = (loaded: LoadedData, p: CreatorTimingProfile | null): LoadedData => ({
  ...loaded,
  timingProfile: p,
});

describe('jitterRangeFor (003 task 2.8 inside RULINGS -7..+8)', () => {
  it('low halves each side (floor), high stays inside -7..+8, medium and none keep it', () => {
    expect(jitterRangeFor(profile({ timingVariation: 'low' }))).toEqual({
      jitterMin: -3,
      jitterMax: 4,
    });
    expect(jitterRangeFor(profile({ timingVariation: 'high' }))).toEqual({
      jitterMin: -7,
      jitterMax: 8,
    });
    expect(jitterRangeFor(profile())).toEqual({ jitterMin: -7, jitterMax: 8 });
    expect(jitterRangeFor(null)).toEqual({ jitterMin: -7, jitterMax: 8 });
  });
});

/** Day 0 of the week: two winner PPVs (priorities 1 and 2) and a bump. */
const twoWinners = () => {
  const ctx = makeCtx();
  const specs: SlotSpec[] = [
    { sendTypeKey: 'ppv_unlock', priority: 1 },
    { sendTypeKey: 'ppv_unlock', priority: 2 },
    { sendTypeKey: 'bump_normal', priority: 1 },
  ];
  const week = makeWeek(ctx, [specs]);
  const styled = <S extends { readonly sendTypeKey: string }>(s: S): S =>
    s.sendTypeKey === 'ppv_unlock' ? { ...s, ppvStyle: 'winner' as PpvStyle } : s;
  return {
    ctx,
    allocation: {
      ...week.allocation,
      days: week.allocation.days.map((d) => ({ ...d, slots: d.slots.map(styled) })),
    },
    targeting: { ...week.targeting, slots: week.targeting.slots.map(styled) },
  };
};

const halfOf = (minuteOfDay: number): 'AM' | 'PM' => (minuteOfDay < 12 * 60 ? 'AM' : 'PM');

describe('the AM/PM preference for same-style spacing (003 task 2.8 get_am_pm_preference)', () => {
  const { ctx, allocation, targeting } = twoWinners();
  const run = (p: CreatorTimingProfile | null) => {
    const t = scheduleTimes(ctx, withProfile(makeLoaded([20, 21, 22]), p), allocation, targeting);
    const first = t.slots.find((s) => s.slotId.endsWith('_1'));
    return { first };
  };

  it('of two winners of a day (one AM, one PM), the first placed takes the preferred half', () => {
    // evening peak hours: without a preference the first winner takes a prime hour (PM)
    expect(halfOf(run(null).first?.minuteOfDay ?? 0)).toBe('PM');
    // peak engagement at 09:00: AM (hour < 12)
    expect(halfOf(run(profile({ peakEngagementHour: 9 })).first?.minuteOfDay ?? 0)).toBe('AM');
    // peak engagement at 12:00: PM
    expect(halfOf(run(profile({ peakEngagementHour: 12 })).first?.minuteOfDay ?? 0)).toBe('PM');
  });

  it('a day with one winner keeps its prime hour whatever the preference', () => {
    const ctx1 = makeCtx();
    const week = makeWeek(ctx1, [[{ sendTypeKey: 'ppv_unlock', priority: 1 }]]);
    const slots = week.targeting.slots.map((s) => ({ ...s, ppvStyle: 'winner' as PpvStyle }));
    const t = (p: CreatorTimingProfile | null) =>
      scheduleTimes(ctx1, withProfile(makeLoaded([20, 21, 22]), p), week.allocation, {
        ...week.targeting,
        slots,
      }).slots[0]?.minuteOfDay;
    expect(t(profile({ peakEngagementHour: 9 }))).toBe(t(null));
  });
});

describe('hourly performance orders the preferred hours (001 §1.6 best timing)', () => {
  it('the first revenue send takes the best-performing prime hour', () => {
    const ctx = makeCtx();
    const { allocation, targeting } = makeWeek(ctx, [[{ sendTypeKey: 'ppv_unlock', priority: 1 }]]);
    // peak hours 18-22: whatever the day's -1 / 0 / +1 rotation, 20 is a prime hour
    const loaded = makeLoaded([18, 19, 20, 21, 22]);
    const perf = Object.fromEntries(
      Array.from({ length: 24 }, (_, h) => [String(h), h === 20 ? 1 : 0.5]),
    );
    const plain = scheduleTimes(ctx, loaded, allocation, targeting).slots[0];
    const ranked = scheduleTimes(
      ctx,
      { ...loaded, timing: { ...loaded.timing, hourlyPerformance: perf } },
      allocation,
      targeting,
    ).slots[0];
    expect(plain?.variationMetadata.baseHour).not.toBe(20);
    expect(ranked?.variationMetadata.baseHour).toBe(20);
  });
});

describe('the jitter range in phase 5', () => {
  it('a low timing variation keeps every placed jitter in -3..+4 on a busy day', () => {
    const ctx = makeCtx();
    const day: SlotSpec[] = [
      ...Array.from({ length: 6 }, (_, i) => ({
        sendTypeKey: 'ppv_unlock' as const,
        priority: i + 1,
      })),
      ...Array.from({ length: 6 }, (_, i) => ({
        sendTypeKey: 'bump_normal' as const,
        priority: i + 1,
      })),
    ];
    const { allocation, targeting } = makeWeek(ctx, [day, day, day]);
    const t = scheduleTimes(
      ctx,
      withProfile(makeLoaded(), profile({ timingVariation: 'low' })),
      allocation,
      targeting,
    );
    expect(t.slots.length).toBeGreaterThan(20);
    for (const s of t.slots) {
      expect(s.variationMetadata.jitter).toBeGreaterThanOrEqual(-3);
      expect(s.variationMetadata.jitter).toBeLessThanOrEqual(4);
      expect([0, 15, 30, 45]).not.toContain(s.minuteOfDay % 60);
    }
  });
});

describe('the jitter table memo (issue 11)', () => {
  it('a frozen policy (memo used) gives the times of a thawed copy (table built each time), for every timing variation', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.constantFrom('low', 'medium', 'high', null),
        (scenario, variation) => {
          const prof = variation === null ? null : profile({ timingVariation: variation });
          const memo = runScenario(scenario, (ctx, loaded, a, t) =>
            scheduleTimes(ctx, withProfile(loaded, prof), a, t),
          );
          const thawed = { ...memo.ctx.policy, timing: { ...memo.ctx.policy.timing } };
          expect(Object.isFrozen(memo.ctx.policy.timing)).toBe(true);
          const fresh = scheduleTimes(
            { ...memo.ctx, policy: thawed },
            withProfile(memo.loaded, prof),
            memo.allocation,
            memo.targeting,
          );
          expect(fresh).toEqual(memo.timing);
        },
      ),
      { numRuns: 40 },
    );
  });
});
