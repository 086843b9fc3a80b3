/**
 * The creator timing profile (003 task 2.8) and the creator window (RULINGS "creator window").
 * Expected numbers are the seed's own literals: 15 and 45 minutes, factors 0.6 and 1.5, a
 * 10-minute minimum width, noon for AM/PM, jitter 1, 2 and 8.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  allowNextDayFor,
  amPmPreference,
  type CreatorTimingProfile,
  CreatorTimingProfileC,
  DEFAULT_POLICY,
  decodeWith,
  followupWindowFor,
  ISSUE_CODES,
  jitterScaleFor,
  resolvePolicy,
  timingAdjustmentsFor,
} from '../../src/index';

const profile = (over: Partial<CreatorTimingProfile> = {}): CreatorTimingProfile => ({
  avgResponseMinutes: 30,
  peakEngagementHour: 20,
  multiTimezoneAudience: false,
  timingVariation: 'medium',
  ...over,
});

/** The seed's window, written out: [max(15, floor(0.6 avg)), min(45, floor(1.5 avg))]. */
const seedWindow = (avg: number): readonly [number, number] => [
  Math.max(15, Math.floor(avg * 0.6)),
  Math.min(45, Math.floor(avg * 1.5)),
];

describe('CreatorTimingProfileC (003 task 2.8)', () => {
  it('decodes an empty profile to "unknown" everywhere, with the seed defaults', () => {
    expect(CreatorTimingProfileC.decode({})).toEqual(
      E.right({
        avgResponseMinutes: null,
        peakEngagementHour: null,
        multiTimezoneAudience: false,
        timingVariation: 'medium',
      }),
    );
    expect(
      CreatorTimingProfileC.decode({
        avgResponseMinutes: null,
        peakEngagementHour: null,
        multiTimezoneAudience: null,
        timingVariation: null,
      }),
    ).toEqual(CreatorTimingProfileC.decode({}));
  });

  it('keeps the fields given and ignores fields it does not know', () => {
    expect(
      CreatorTimingProfileC.decode({
        avgResponseMinutes: 22.5,
        peakEngagementHour: 9,
        multiTimezoneAudience: true,
        timingVariation: 'high',
        preferredWindows: [1, 2],
      }),
    ).toEqual(
      E.right({
        avgResponseMinutes: 22.5,
        peakEngagementHour: 9,
        multiTimezoneAudience: true,
        timingVariation: 'high',
      }),
    );
  });

  it('names every bad field at its path', () => {
    const r = decodeWith(
      CreatorTimingProfileC,
      {
        avgResponseMinutes: -1,
        peakEngagementHour: 24,
        multiTimezoneAudience: 'yes',
        timingVariation: 'wild',
      },
      'timingProfile',
      { port: 'getTimingProfile' },
    );
    expect(E.isLeft(r)).toBe(true);
    if (E.isLeft(r))
      expect(r.left.map((i) => i.path).sort()).toEqual([
        'timingProfile.avgResponseMinutes',
        'timingProfile.multiTimezoneAudience',
        'timingProfile.peakEngagementHour',
        'timingProfile.timingVariation',
      ]);
    for (const bad of [null, 3, 'x', [], { avgResponseMinutes: Number.NaN }])
      expect(E.isLeft(CreatorTimingProfileC.decode(bad)), JSON.stringify(bad)).toBe(true);
  });

  it('recognises decoded profiles with `is` and encodes them unchanged', () => {
    const p = profile();
    expect(CreatorTimingProfileC.is(p)).toBe(true);
    expect(CreatorTimingProfileC.is({})).toBe(false);
    expect(CreatorTimingProfileC.encode(p)).toEqual(p);
  });
});

describe('followupWindowFor (003 task 2.8, RULINGS "creator window")', () => {
  it('tightens the window around the creator average', () => {
    expect(followupWindowFor(profile({ avgResponseMinutes: 30 }))).toEqual({
      minMinutes: 18,
      maxMinutes: 45,
      source: 'profile',
      reason: null,
    });
    expect(followupWindowFor(profile({ avgResponseMinutes: 20 }))).toEqual({
      minMinutes: 15,
      maxMinutes: 30,
      source: 'profile',
      reason: null,
    });
    expect(followupWindowFor(profile({ avgResponseMinutes: 50 }))).toEqual({
      minMinutes: 30,
      maxMinutes: 45,
      source: 'profile',
      reason: null,
    });
  });

  it('falls back to 15-45 when the window would be narrower than 10 minutes', () => {
    const fallback = { minMinutes: 15, maxMinutes: 45, source: 'default', reason: 'too_narrow' };
    // avg 10: 15..15; avg 16: 15..24 (9 wide); avg 60: 36..45 (9 wide); avg 100: 60..45
    for (const avg of [0, 5, 10, 16, 60, 100, 1440])
      expect(followupWindowFor(profile({ avgResponseMinutes: avg })), `avg ${avg}`).toEqual(
        fallback,
      );
    // exactly 10 wide is used: avg 17 gives 15..25 (floor(25.5) = 25)
    expect(followupWindowFor(profile({ avgResponseMinutes: 17 }))).toEqual({
      minMinutes: 15,
      maxMinutes: 25,
      source: 'profile',
      reason: null,
    });
  });

  it('uses the default window without a profile or an average', () => {
    expect(followupWindowFor(null)).toEqual({
      minMinutes: 15,
      maxMinutes: 45,
      source: 'default',
      reason: 'no_profile',
    });
    expect(followupWindowFor(profile({ avgResponseMinutes: null }))).toEqual({
      minMinutes: 15,
      maxMinutes: 45,
      source: 'default',
      reason: 'no_average',
    });
  });

  it('for any average: the seed window when at least 10 wide, else 15-45; always inside 15-45', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0, max: 1440 }),
          fc.double({ min: 0, max: 1440, noNaN: true }),
          fc.constantFrom(0, 16, 16.66, 17, 25, 30, 59, 60, 1440),
        ),
        (avg) => {
          const w = followupWindowFor(profile({ avgResponseMinutes: avg }));
          const [lo, hi] = seedWindow(avg);
          const expected =
            hi - lo >= 10
              ? { minMinutes: lo, maxMinutes: hi, source: 'profile', reason: null }
              : { minMinutes: 15, maxMinutes: 45, source: 'default', reason: 'too_narrow' };
          expect(w).toEqual(expected);
          expect(w.minMinutes).toBeGreaterThanOrEqual(15);
          expect(w.maxMinutes).toBeLessThanOrEqual(45);
          expect(w.maxMinutes - w.minMinutes).toBeGreaterThanOrEqual(10);
        },
      ),
      { seed: 20250120, numRuns: 300 },
    );
  });

  it('reads its numbers from the policy', () => {
    const wide = resolvePolicy({ timingProfile: { minWindowWidthMinutes: 20 } });
    expect(E.isRight(wide)).toBe(true);
    if (E.isRight(wide))
      expect(followupWindowFor(profile({ avgResponseMinutes: 20 }), wide.right).reason).toBe(
        'too_narrow',
      );
    const factors = resolvePolicy({ timingProfile: { windowMinFactor: 1, windowMaxFactor: 2 } });
    expect(E.isRight(factors)).toBe(true);
    if (E.isRight(factors))
      expect(followupWindowFor(profile({ avgResponseMinutes: 20 }), factors.right)).toMatchObject({
        minMinutes: 20,
        maxMinutes: 40,
      });
  });
});

describe('allowNextDayFor, amPmPreference, jitterScaleFor (003 task 2.8)', () => {
  it('allows next-day follow-ups for a multi-time-zone audience only', () => {
    expect(allowNextDayFor(profile({ multiTimezoneAudience: true }))).toBe(true);
    expect(allowNextDayFor(profile({ multiTimezoneAudience: false }))).toBe(false);
    expect(allowNextDayFor(null)).toBe(false);
  });

  it('prefers AM for a peak hour before 12, PM from 12, nothing when unknown', () => {
    expect(
      [0, 6, 11, 12, 13, 23].map((h) => amPmPreference(profile({ peakEngagementHour: h }))),
    ).toEqual(['AM', 'AM', 'AM', 'PM', 'PM', 'PM']);
    expect(amPmPreference(profile({ peakEngagementHour: null }))).toBeNull();
    expect(amPmPreference(null)).toBeNull();
  });

  it('halves the jitter for low variation (at least 1), doubles it for high (at most 8)', () => {
    const low = profile({ timingVariation: 'low' });
    const high = profile({ timingVariation: 'high' });
    expect([0, 1, 2, 3, 7, 8].map((b) => jitterScaleFor(low, b))).toEqual([1, 1, 1, 1, 3, 4]);
    expect([0, 1, 3, 4, 5, 7, 8].map((b) => jitterScaleFor(high, b))).toEqual([
      0, 2, 6, 8, 8, 8, 8,
    ]);
    expect(jitterScaleFor(profile({ timingVariation: 'medium' }), 7)).toBe(7);
    expect(jitterScaleFor(null, 7)).toBe(7);
  });

  it('for any base jitter: low never above the base (unless 1), high never above 8 or twice the base', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), (base) => {
        const low = jitterScaleFor(profile({ timingVariation: 'low' }), base);
        const high = jitterScaleFor(profile({ timingVariation: 'high' }), base);
        expect(low).toBe(Math.max(1, Math.floor(base / 2)));
        expect(high).toBe(Math.min(8, base * 2));
        expect(low).toBeGreaterThanOrEqual(1);
        expect(high).toBeLessThanOrEqual(8);
      }),
      { seed: 20250120, numRuns: 100 },
    );
  });
});

describe('timingAdjustmentsFor: what a profile changes, reported', () => {
  it('reports an applied profile as info timing_profile_applied', () => {
    const a = timingAdjustmentsFor(
      profile({ avgResponseMinutes: 30, peakEngagementHour: 9, multiTimezoneAudience: true }),
    );
    expect(a.followupWindow).toMatchObject({ minMinutes: 18, maxMinutes: 45, source: 'profile' });
    expect(a.allowNextDay).toBe(true);
    expect(a.amPmPreference).toBe('AM');
    expect(a.timingVariation).toBe('medium');
    expect(a.issues).toHaveLength(1);
    expect(a.issues[0]).toMatchObject({
      code: 'timing_profile_applied',
      severity: 'info',
      phase: 'timing',
      details: {
        followupWindow: { min: 18, max: 45, source: 'profile' },
        allowNextDay: true,
        amPmPreference: 'AM',
        timingVariation: 'medium',
      },
    });
  });

  it('reports the too-narrow fallback as info followup_window_default', () => {
    const a = timingAdjustmentsFor(profile({ avgResponseMinutes: 10, timingVariation: 'low' }));
    expect(a.followupWindow).toEqual({
      minMinutes: 15,
      maxMinutes: 45,
      source: 'default',
      reason: 'too_narrow',
    });
    expect(a.issues.map((i) => i.code)).toEqual([
      'timing_profile_applied',
      'followup_window_default',
    ]);
    expect(a.issues[1]).toMatchObject({
      severity: 'info',
      details: { avgResponseMinutes: 10, minMinutes: 15, maxMinutes: 15, reason: 'too_narrow' },
    });
    expect(a.issues[0]?.details).toMatchObject({
      followupWindow: { min: 15, max: 45, source: 'default' },
      timingVariation: 'low',
    });
  });

  it('changes nothing and reports nothing without a profile; no fallback issue without an average', () => {
    expect(timingAdjustmentsFor(null)).toEqual({
      followupWindow: { minMinutes: 15, maxMinutes: 45, source: 'default', reason: 'no_profile' },
      allowNextDay: false,
      amPmPreference: null,
      timingVariation: 'medium',
      issues: [],
    });
    const noAvg = timingAdjustmentsFor(profile({ avgResponseMinutes: null }));
    expect(noAvg.issues.map((i) => i.code)).toEqual(['timing_profile_applied']);
  });

  it('has rows in the issue table: info, LOW, no deduction', () => {
    expect(ISSUE_CODES.timing_profile_applied).toMatchObject({
      severity: 'info',
      phase: 'timing',
      seedLevel: 'LOW',
      deduction: 0,
    });
    expect(ISSUE_CODES.followup_window_default).toMatchObject({ severity: 'info', deduction: 0 });
  });

  it('holds the seed numbers in the policy section timingProfile', () => {
    expect(DEFAULT_POLICY.timingProfile).toEqual({
      windowMinFactor: 0.6,
      windowMaxFactor: 1.5,
      minWindowWidthMinutes: 10,
      lowJitterDivisor: 2,
      lowJitterMinMinutes: 1,
      highJitterFactor: 2,
      highJitterMaxMinutes: 8,
      earlyBelowMinutes: 20,
      lateAboveMinutes: 40,
    });
  });
});
