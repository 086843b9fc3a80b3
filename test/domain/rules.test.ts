/**
 * The shared category-balance predicates of `src/domain/rules.ts`, with the RULINGS numbers as
 * literals: revenue >= 30 %, engagement >= 25 %, retention <= 20 % of the allocated items.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceVictim, balanceViolations, categoryCounts, DEFAULT_POLICY } from '../../src/index';

const counts = (revenue: number, engagement: number, retention: number) => ({
  revenue,
  engagement,
  retention,
});

describe('categoryCounts', () => {
  it('counts items per category', () => {
    expect(
      categoryCounts([{ category: 'revenue' }, { category: 'retention' }, { category: 'revenue' }]),
    ).toEqual(counts(2, 0, 1));
    expect(categoryCounts([])).toEqual(counts(0, 0, 0));
  });
});

describe('balanceVictim', () => {
  it('is undefined when the balance holds: 3 / 5 / 2 of 10 (30 %, 50 %, 20 %)', () => {
    expect(balanceVictim(counts(3, 5, 2), DEFAULT_POLICY)).toBeUndefined();
  });
  it('drops retention when it is over 20 %: 4 / 4 / 3', () => {
    expect(balanceVictim(counts(4, 4, 3), DEFAULT_POLICY)).toBe('retention');
  });
  it('revenue under 30 %: drops retention first, then engagement', () => {
    expect(balanceVictim(counts(2, 7, 1), DEFAULT_POLICY)).toBe('retention');
    expect(balanceVictim(counts(2, 8, 0), DEFAULT_POLICY)).toBe('engagement');
  });
  it('engagement under 25 %: drops retention first, then revenue', () => {
    expect(balanceVictim(counts(7, 2, 1), DEFAULT_POLICY)).toBe('retention');
    expect(balanceVictim(counts(8, 2, 0), DEFAULT_POLICY)).toBe('revenue');
  });
  it('removing the victim one item at a time always ends balanced (or empty)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (r, e, t) => {
          const c = counts(r, e, t);
          for (let v = balanceVictim(c, DEFAULT_POLICY); v !== undefined; ) {
            c[v] -= 1;
            v = balanceVictim(c, DEFAULT_POLICY);
          }
          const total = c.revenue + c.engagement + c.retention;
          const balanced =
            total === 0 ||
            (c.revenue >= 0.3 * total - 1e-9 &&
              c.engagement >= 0.25 * total - 1e-9 &&
              c.retention <= 0.2 * total + 1e-9);
          expect(balanced, JSON.stringify(c)).toBe(true);
          expect(balanceViolations(c, DEFAULT_POLICY)).toEqual([]);
        },
      ),
      { seed: 77, numRuns: 300 },
    );
  });
});
