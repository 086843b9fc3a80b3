/**
 * The creator timing profile in `buildSchedule` (seed 003 task 2.8, RULINGS "Follow-ups"
 * creator window): read through the optional `getTimingProfile` port; the follow-up window
 * `max(15, 0.6 x avg)` to `min(45, 1.5 x avg)` when at least 10 minutes wide, next-day
 * follow-ups from the multi-time-zone audience, the jitter halved for a low timing variation.
 * Every expected number is the seed's, written here as a literal.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { describe, expect, it } from 'vitest';
import {
  type CreatorTimingProfile,
  type CreatorTimingProfileWire,
  type InMemoryDataset,
  inMemoryPorts,
  type ScheduleResult,
} from '../../src/index';
import { hardRuleViolations } from '../oracle/oracle';
import { build, buildRight, creatorFixture, datasetFixture } from './fixtures';

/** 003 task 2.3 / RULINGS "Follow-ups": the default window. */
const DEFAULT_MIN = 15;
const DEFAULT_MAX = 45;
/** 003 task 2.8: the creator window's factors. */
const MIN_FACTOR = 0.6;
const MAX_FACTOR = 1.5;

const WEEK = '2025-01-20';
const creator = creatorFixture({ creatorId: 'profile_creator', fanCount: 30_000 });
const base = datasetFixture(creator, WEEK);
const withProfile = (p: CreatorTimingProfileWire, over: Partial<InMemoryDataset> = {}) => ({
  ...base,
  ...over,
  timingProfiles: { [creator.creatorId]: p },
});
const inputs = { creatorId: creator.creatorId, weekStart: WEEK, seed: 21 } as const;

const delays = (r: ScheduleResult): number[] =>
  r.items.filter((i) => i.isFollowUp).map((i) => i.followupDelayMinutes as number);

const applied = (r: ScheduleResult) =>
  r.summary.adjustments.filter((i) => i.code === 'timing_profile_applied');

describe('the follow-up window of a creator (003 task 2.8)', () => {
  it.each([
    // avg 30: max(15, 18) = 18 to min(45, 45) = 45
    { avg: 30, min: 18, max: 45 },
    // avg 24: max(15, floor(14.4)) = 15 to min(45, 36) = 36
    { avg: 24, min: 15, max: 36 },
    // avg 40: max(15, 24) = 24 to min(45, 60) = 45
    { avg: 40, min: 24, max: 45 },
  ])(
    'avg $avg min: every follow-up $min-$max minutes after its parent',
    async ({ avg, min, max }) => {
      expect(Math.max(DEFAULT_MIN, Math.floor(avg * MIN_FACTOR))).toBe(min);
      expect(Math.min(DEFAULT_MAX, Math.floor(avg * MAX_FACTOR))).toBe(max);
      const r = await buildRight(inputs, withProfile({ avgResponseMinutes: avg }));
      const ds = delays(r);
      expect(ds.length).toBeGreaterThan(10);
      for (const d of ds) {
        expect(d).toBeGreaterThanOrEqual(min);
        expect(d).toBeLessThanOrEqual(max);
      }
      expect(applied(r)).toHaveLength(1);
      expect(applied(r)[0]?.details).toMatchObject({
        followupWindow: { min, max, source: 'profile' },
        allowNextDay: false,
        timingVariation: 'medium',
        jitterMinutes: { min: -7, max: 8 },
      });
      // the oracle's follow-up rule (15-45, its own literals) still holds
      expect(hardRuleViolations(r, { rules: ['followups', 'lateFollowups', 'window'] })).toEqual(
        [],
      );
    },
  );

  it('a window narrower than 10 minutes is refused: 15-45, reported (avg 10: 15-15)', async () => {
    const r = await buildRight(inputs, withProfile({ avgResponseMinutes: 10 }));
    const refused = r.summary.adjustments.filter((i) => i.code === 'followup_window_default');
    expect(refused.map((i) => [i.severity, i.details.minMinutes, i.details.maxMinutes])).toEqual([
      ['info', 15, 15],
    ]);
    expect(applied(r)[0]?.details.followupWindow).toEqual({ min: 15, max: 45, source: 'default' });
    for (const d of delays(r)) {
      expect(d).toBeGreaterThanOrEqual(DEFAULT_MIN);
      expect(d).toBeLessThanOrEqual(DEFAULT_MAX);
    }
  });

  it('without a profile nothing changes: the same week as a dataset without the field', async () => {
    const plain = await buildRight(inputs, base);
    const empty = await buildRight(inputs, { ...base, timingProfiles: {} });
    expect(JSON.stringify(empty.items)).toBe(JSON.stringify(plain.items));
    expect(applied(plain)).toEqual([]);
  });
});

describe('the jitter of a creator (003 task 2.8 adjust_jitter_for_creator)', () => {
  it('low variation: every jitter in -3..+4 (floor(7 / 2), floor(8 / 2)), never a round minute', async () => {
    const r = await buildRight(inputs, withProfile({ timingVariation: 'low' }));
    const main = r.items.filter(
      (i) => !i.isFollowUp && i.variationMetadata.adjustmentReason !== 'same_style',
    );
    expect(main.length).toBeGreaterThan(50);
    for (const i of main) {
      expect(i.variationMetadata.jitter, i.slotId).toBeGreaterThanOrEqual(-3);
      expect(i.variationMetadata.jitter, i.slotId).toBeLessThanOrEqual(4);
    }
    expect(applied(r)[0]?.details.jitterMinutes).toEqual({ min: -3, max: 4 });
    expect(hardRuleViolations(r, { rules: ['roundMinutes', 'jitter'] })).toEqual([]);
  });

  it('high variation: min(8, 2 x base) cannot leave RULINGS -7..+8', async () => {
    const r = await buildRight(inputs, withProfile({ timingVariation: 'high' }));
    expect(applied(r)[0]?.details.jitterMinutes).toEqual({ min: -7, max: 8 });
    expect(hardRuleViolations(r, { rules: ['jitter'] })).toEqual([]);
  });
});

describe('next-day follow-ups of a multi-time-zone audience (003 task 2.8, RULINGS "late parents")', () => {
  // A window of 23:46-23:58 (jitter -3..+3): every parent has fewer than 15 minutes left.
  const late = {
    policy: {
      timing: {
        windowStartMinute: 23 * 60 + 46,
        windowEndMinute: 23 * 60 + 58,
        jitterMin: -3,
        jitterMax: 3,
      },
    },
  };
  const lateData = withProfile(
    { multiTimezoneAudience: true },
    {
      timing: {
        [creator.creatorId]: { peakHours: [23], avoidHours: [3, 4, 5, 6], hourlyPerformance: {} },
      },
    },
  );
  const crossing = (r: ScheduleResult) => {
    const bySlot = new Map(r.items.map((i) => [i.slotId, i]));
    return r.items.filter(
      (i) => i.isFollowUp && i.scheduledDate !== bySlot.get(i.parentItemId ?? '')?.scheduledDate,
    );
  };

  it('the profile lets follow-ups cross midnight when the caller says nothing', async () => {
    const r = await buildRight({ ...inputs, ...late }, lateData);
    expect(crossing(r).length).toBeGreaterThan(0);
    expect(applied(r)[0]?.details.allowNextDay).toBe(true);
    expect(
      hardRuleViolations(r, { rules: ['lateFollowups', 'followups'], allowNextDayFollowups: true }),
    ).toEqual([]);
  });

  it("the caller's allowNextDayFollowups: false wins: no follow-up crosses, late_night_followup", async () => {
    const r = await buildRight(
      { ...inputs, ...late, options: { allowNextDayFollowups: false } },
      lateData,
    );
    expect(crossing(r)).toEqual([]);
    expect(r.summary.adjustments.some((i) => i.code === 'late_night_followup')).toBe(true);
    expect(applied(r)[0]?.details.allowNextDay).toBe(false);
  });
});

describe('the getTimingProfile port (optional, through the port boundary)', () => {
  const ports = inMemoryPorts(base);

  it('a failing port: port_failed, the default timing, the week is built', async () => {
    const r = await build(inputs, {
      ...ports,
      getTimingProfile: () => () => {
        throw new Error('profile service down');
      },
    });
    if (E.isLeft(r)) throw new Error(r.left.message);
    const failed = r.right.summary.adjustments.filter((i) => i.code === 'port_failed');
    expect(failed.map((i) => [i.path, i.details.kind])).toEqual([['getTimingProfile', 'threw']]);
    expect(applied(r.right)).toEqual([]);
    expect(r.right.items.length).toBeGreaterThan(0);
  });

  it('a garbage answer: port_failed (decode) naming the field, the default timing', async () => {
    const r = await build(inputs, {
      ...ports,
      getTimingProfile: () =>
        TE.right({
          peakEngagementHour: 24,
          timingVariation: 'wild',
        } as unknown as CreatorTimingProfile),
    });
    if (E.isLeft(r)) throw new Error(r.left.message);
    const failed = r.right.summary.adjustments.filter((i) => i.code === 'port_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.details.kind).toBe('decode');
    expect(failed[0]?.message).toContain('timingProfile.peakEngagementHour');
    expect(failed[0]?.message).toContain('timingProfile.timingVariation');
    expect(applied(r.right)).toEqual([]);
  });

  it('a caller profile is decoded: unknown fields default (multiTimezoneAudience false, medium)', async () => {
    const r = await build(inputs, {
      ...ports,
      getTimingProfile: () => TE.right({ avgResponseMinutes: 30 } as CreatorTimingProfile),
    });
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(applied(r.right)[0]?.details).toMatchObject({
      followupWindow: { min: 18, max: 45, source: 'profile' },
      allowNextDay: false,
      amPmPreference: null,
      timingVariation: 'medium',
    });
  });
});
