import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apportion,
  calculateDynamicVolume,
  calculateScoresFromHistory,
  calculateWeeklyDistribution,
  confidenceFromMessageCount,
  type DynamicVolumeContext,
  fuseHorizons,
  getVolumeTier,
  type MassMessage,
  normalizeDowMultipliers,
  roundHalfUp,
} from '../../src/index';

/** RULINGS "Volume" bounds after adjustment: revenue 1-10, engagement 1-8, retention 0-4 a day (001 phase 1 checkpoint). */
const BOUNDS = {
  revenue: [1, 10],
  engagement: [1, 8],
  retention: [0, 4],
} as const;

const ctx = (over: Partial<DynamicVolumeContext> = {}): DynamicVolumeContext => ({
  fanCount: 12_434,
  pageType: 'paid',
  saturationScore: 45,
  opportunityScore: 65,
  revenueTrendPercent: null,
  dataSource: 'volume_performance_tracking',
  ...over,
});

describe('getVolumeTier (001 §1.2, 002 brackets)', () => {
  it('puts the seed 002 example, 12,434 fans, in High', () => {
    expect(getVolumeTier(12_434).tier).toBe('high');
  });
  it('uses the ruled brackets low 0-999, mid 1,000-4,999, high 5,000-14,999, ultra 15,000+', () => {
    expect(
      [0, 999, 1000, 4999, 5000, 14_999, 15_000, 250_000].map((f) => getVolumeTier(f).tier),
    ).toEqual(['low', 'low', 'mid', 'mid', 'high', 'high', 'ultra', 'ultra']);
  });
  it('gives the 001 §1.2 base quotas', () => {
    expect(getVolumeTier(500)).toMatchObject({
      revenuePerDay: 3,
      engagementPerDay: 3,
      retentionPerDay: 1,
    });
    expect(getVolumeTier(20_000)).toMatchObject({
      revenuePerDay: 8,
      engagementPerDay: 6,
      retentionPerDay: 3,
    });
  });
});

describe('calculateDynamicVolume (002)', () => {
  it('gives the High tier quotas for the 002 example at neutral-ish scores', () => {
    expect(calculateDynamicVolume(ctx()).finalConfig).toEqual({
      tier: 'high',
      revenuePerDay: 6,
      engagementPerDay: 5,
      retentionPerDay: 2,
    });
  });
  it('gives free pages no retention', () => {
    const v = calculateDynamicVolume(ctx({ pageType: 'free' }));
    expect(v.baseConfig.retentionPerDay).toBe(0);
    expect(v.finalConfig.retentionPerDay).toBe(0);
    expect(v.adjustmentsApplied).toContain('free_page_no_retention');
  });
  it('adjusts for the trend only strictly beyond 15 %', () => {
    const rev = (t: number | null) =>
      calculateDynamicVolume(ctx({ revenueTrendPercent: t })).finalConfig.revenuePerDay;
    expect(rev(15)).toBe(6);
    expect(rev(15.01)).toBe(7);
    expect(rev(-15)).toBe(6);
    expect(rev(-15.01)).toBe(5);
    expect(rev(null)).toBe(6);
  });
  it('applies saturation x0.7 above 70 and x0.9 from 50 to 70, rounding half up', () => {
    // high tier revenue 6: 6 x 0.9 = 5.4 -> 5; 6 x 0.7 = 4.2 -> 4; engagement 5 x 0.9 = 4.5 -> 5 (half up)
    expect(calculateDynamicVolume(ctx({ saturationScore: 60 })).finalConfig).toMatchObject({
      revenuePerDay: 5,
      engagementPerDay: 5,
    });
    expect(calculateDynamicVolume(ctx({ saturationScore: 71 })).finalConfig).toMatchObject({
      revenuePerDay: 4,
      engagementPerDay: 4,
    });
    expect(roundHalfUp(4.5)).toBe(5);
    expect(roundHalfUp(2.5)).toBe(3);
  });
  it('applies opportunity x1.2 above 70 with saturation under 50, x1.1 at 60-70 with saturation under 30', () => {
    expect(
      calculateDynamicVolume(ctx({ opportunityScore: 71, saturationScore: 49 }))
        .opportunityMultiplier,
    ).toBe(1.2);
    expect(
      calculateDynamicVolume(ctx({ opportunityScore: 71, saturationScore: 50 }))
        .opportunityMultiplier,
    ).toBe(1);
    expect(
      calculateDynamicVolume(ctx({ opportunityScore: 65, saturationScore: 29 }))
        .opportunityMultiplier,
    ).toBe(1.1);
    expect(
      calculateDynamicVolume(ctx({ opportunityScore: 65, saturationScore: 30 }))
        .opportunityMultiplier,
    ).toBe(1);
  });
  it('damps the multipliers toward 1 below 0.6 confidence', () => {
    const full = calculateDynamicVolume(ctx({ saturationScore: 80, confidenceScore: 1 }));
    const none = calculateDynamicVolume(ctx({ saturationScore: 80, confidenceScore: 0 }));
    expect(full.appliedMultiplier).toBeCloseTo(0.7);
    expect(none.appliedMultiplier).toBe(1);
    expect(
      calculateDynamicVolume(ctx({ saturationScore: 80, confidenceScore: 0.3 })).appliedMultiplier,
    ).toBeCloseTo(0.85);
  });

  const contextArb = fc.record({
    fanCount: fc.integer({ min: 0, max: 60_000 }),
    pageType: fc.constantFrom('paid' as const, 'free' as const),
    saturationScore: fc.double({ min: 0, max: 100, noNaN: true }),
    opportunityScore: fc.double({ min: 0, max: 100, noNaN: true }),
    revenueTrendPercent: fc.option(fc.double({ min: -100, max: 300, noNaN: true }), { nil: null }),
    dataSource: fc.constant('default_values' as const),
    confidenceScore: fc.double({ min: 0, max: 1, noNaN: true }),
  });

  it('keeps every quota inside the ruled bounds (property)', () => {
    fc.assert(
      fc.property(contextArb, (c) => {
        const f = calculateDynamicVolume(c).finalConfig;
        const b = BOUNDS;
        expect(f.revenuePerDay).toBeGreaterThanOrEqual(b.revenue[0]);
        expect(f.revenuePerDay).toBeLessThanOrEqual(b.revenue[1]);
        expect(f.engagementPerDay).toBeGreaterThanOrEqual(b.engagement[0]);
        expect(f.engagementPerDay).toBeLessThanOrEqual(b.engagement[1]);
        expect(f.retentionPerDay).toBeGreaterThanOrEqual(0);
        expect(f.retentionPerDay).toBeLessThanOrEqual(c.pageType === 'free' ? 0 : b.retention[1]);
      }),
      { numRuns: 200 },
    );
  });

  it('never raises a quota when saturation rises (property)', () => {
    fc.assert(
      fc.property(contextArb, fc.double({ min: 0, max: 100, noNaN: true }), (c, more) => {
        const lo = calculateDynamicVolume(c).finalConfig;
        const hi = calculateDynamicVolume({
          ...c,
          saturationScore: Math.max(c.saturationScore, more),
        }).finalConfig;
        expect(hi.revenuePerDay).toBeLessThanOrEqual(lo.revenuePerDay);
        expect(hi.engagementPerDay).toBeLessThanOrEqual(lo.engagementPerDay);
      }),
      { numRuns: 200 },
    );
  });
});

describe('weekly distribution (001 §1.2.1, RULINGS)', () => {
  const weeklyArb = fc.tuple(
    ...Array.from({ length: 7 }, () => fc.double({ min: 0.7, max: 1.3, noNaN: true })),
  );
  it('keeps the weekly total at exactly 7 x the daily total and each day inside the bounds (property)', () => {
    fc.assert(
      fc.property(weeklyArb, fc.integer({ min: 2, max: 22 }), (ms, daily) => {
        const raw = Object.fromEntries(ms.map((m, i) => [i, m])) as Record<
          0 | 1 | 2 | 3 | 4 | 5 | 6,
          number
        >;
        const norm = normalizeDowMultipliers(raw);
        const dist = calculateWeeklyDistribution(daily, norm, 2, 22);
        const values = Object.values(dist);
        expect(values).toHaveLength(7);
        expect(values.reduce((a, b) => a + b, 0)).toBe(7 * daily);
        for (const v of values) {
          expect(v).toBeGreaterThanOrEqual(2);
          expect(v).toBeLessThanOrEqual(22);
          expect(v).toBeLessThanOrEqual(Math.ceil(daily * 1.3) + 1);
        }
        for (const m of Object.values(norm)) {
          expect(m).toBeGreaterThanOrEqual(0.7);
          expect(m).toBeLessThanOrEqual(1.3);
        }
      }),
      { numRuns: 200 },
    );
  });
  it('is uniform for uniform multipliers', () => {
    const ones = { 0: 1, 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1 } as const;
    expect(Object.values(calculateWeeklyDistribution(13, ones, 2, 22))).toEqual([
      13, 13, 13, 13, 13, 13, 13,
    ]);
  });
  it('apportions exactly (largest remainder)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 1, maxLength: 9 }),
        (total, ws) => {
          expect(apportion(total, ws).reduce((a, b) => a + b, 0)).toBe(total);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('confidence, fusion and on-demand scores', () => {
  it('maps message counts to confidence like the 001 example (156 messages ~ 0.85)', () => {
    expect(confidenceFromMessageCount(156)).toBeCloseTo(0.86, 2);
    expect(confidenceFromMessageCount(0)).toBe(0);
    expect(confidenceFromMessageCount(22)).toBeLessThan(0.6);
  });
  it('fuses with 0.30/0.50/0.20 and 0.50/0.35/0.15 on divergence, renormalising missing horizons', () => {
    const f = fuseHorizons({
      horizons: {
        '7d': { saturationScore: 40, opportunityScore: 60 },
        '14d': { saturationScore: 50, opportunityScore: 60 },
        '30d': { saturationScore: 50, opportunityScore: 60 },
      },
      revenueTrendPercent: null,
      messageCount: 10,
    });
    expect(f?.fusedSaturation).toBeCloseTo(0.3 * 40 + 0.5 * 50 + 0.2 * 50, 1);
    expect(f?.divergenceDetected).toBe(false);
    const d = fuseHorizons({
      horizons: {
        '7d': { saturationScore: 30, opportunityScore: 60 },
        '14d': { saturationScore: 50, opportunityScore: 60 },
        '30d': { saturationScore: 45, opportunityScore: 60 },
      },
      revenueTrendPercent: null,
      messageCount: 10,
    });
    expect(d?.divergenceDetected).toBe(true);
    expect(d?.fusedSaturation).toBeCloseTo(0.5 * 30 + 0.35 * 50 + 0.15 * 45, 1);
    const m = fuseHorizons({
      horizons: {
        '14d': { saturationScore: 50, opportunityScore: 70 },
        '30d': { saturationScore: 80, opportunityScore: 40 },
      },
      revenueTrendPercent: null,
      messageCount: 10,
    });
    expect(m?.fusedSaturation).toBeCloseTo((0.5 * 50 + 0.2 * 80) / 0.7, 1);
    expect(fuseHorizons({ horizons: {}, revenueTrendPercent: null, messageCount: 0 })).toBeNull();
  });
  it('derives higher saturation from falling returns and higher opportunity from rising ones', () => {
    const msg = (day: number, earnings: number): MassMessage => ({
      creatorId: 'c',
      sentAt: `2025-01-${String(day).padStart(2, '0')}T20:00:00.000Z`,
      sendTypeKey: 'ppv_unlock',
      price: 10,
      sent: 1000,
      viewed: 300,
      purchased: Math.round(earnings / 10),
      earnings,
      captionId: null,
    });
    const falling = Array.from({ length: 14 }, (_, i) => msg(i + 1, i < 7 ? 500 : 200));
    const rising = Array.from({ length: 14 }, (_, i) => msg(i + 1, i < 7 ? 200 : 500));
    const f = calculateScoresFromHistory(falling, '2025-01-15');
    const r = calculateScoresFromHistory(rising, '2025-01-15');
    expect(f && r).toBeTruthy();
    expect(f?.saturationScore).toBeGreaterThan(50);
    expect(r?.opportunityScore).toBeGreaterThan(50);
    expect(f?.revenueTrendPercent).toBeLessThan(0);
    expect(calculateScoresFromHistory([], '2025-01-15')).toBeNull();
  });
});
