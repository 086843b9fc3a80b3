import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rebalanceQuotas } from '../../src/index';

/** RULINGS "Volume" bounds after adjustment: revenue 1-10, engagement 1-8, retention 0-4 a day (001 phase 1 checkpoint). */
const BOUNDS = {
  revenue: [1, 10],
  engagement: [1, 8],
  retention: [0, 4],
} as const;

describe('rebalanceQuotas', () => {
  it('moves retention the page cannot send to engagement, keeping the day total', () => {
    expect(
      rebalanceQuotas(
        { revenue: 8, engagement: 6, retention: 4 },
        { revenue: 30, engagement: 30, retention: 3 },
      ),
    ).toEqual({
      revenue: 8,
      engagement: 7,
      retention: 3,
    });
  });
  it('leaves feasible quotas alone', () => {
    const q = { revenue: 4, engagement: 4, retention: 2 };
    expect(rebalanceQuotas(q, { revenue: 20, engagement: 20, retention: 3 })).toEqual(q);
  });
  const q = fc.record({
    revenue: fc.integer({ min: 0, max: 12 }),
    engagement: fc.integer({ min: 0, max: 10 }),
    retention: fc.integer({ min: 0, max: 5 }),
  });
  it('never exceeds capacity or bounds, and keeps the total when the page can send it (property)', () => {
    fc.assert(
      fc.property(q, q, (quotas, capacity) => {
        const out = rebalanceQuotas(quotas, capacity);
        const b = BOUNDS;
        for (const c of ['revenue', 'engagement', 'retention'] as const) {
          expect(out[c]).toBeLessThanOrEqual(Math.max(quotas[c], Math.min(capacity[c], b[c][1])));
          if (out[c] > quotas[c])
            expect(out[c]).toBeLessThanOrEqual(Math.min(capacity[c], b[c][1]));
        }
        const total = (x: typeof out) => x.revenue + x.engagement + x.retention;
        const L = {
          revenue: Math.min(capacity.revenue, b.revenue[1]),
          engagement: Math.min(capacity.engagement, b.engagement[1]),
          retention: Math.min(capacity.retention, b.retention[1]),
        };
        const clipped = (c: 'revenue' | 'engagement' | 'retention') => Math.min(quotas[c], L[c]);
        const excess =
          total(quotas) - clipped('revenue') - clipped('engagement') - clipped('retention');
        // Excess goes to engagement then revenue, within their limits; retention never receives.
        const expected =
          clipped('retention') +
          Math.min(L.engagement + L.revenue, clipped('engagement') + clipped('revenue') + excess);
        expect(total(out)).toBe(expected);
        expect(out.retention).toBe(clipped('retention'));
      }),
      { numRuns: 200 },
    );
  });
});
