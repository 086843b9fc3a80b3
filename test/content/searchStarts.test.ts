/**
 * Issue 11 regression (a growing used-id set): phase 3's caption search remembers, per pool and
 * chain level, where the captions that can still pass begin (`Starts`). Over a week of searches
 * whose used set only grows, a search from the remembered start answers what a search from the
 * pool's first caption answers, for pools with repeated captions, vault filters, style
 * preferences and every level of the chain, and what a plain filter of the pool gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Pooled, passing, type Starts } from '../../src/content/matchContent';
import type { Caption } from '../../src/domain/types';

const caption = (id: number, performanceScore: number, contentType: string | null): Caption => ({
  captionId: `c${id}`,
  text: `caption ${id}`,
  captionType: 'teaser',
  contentType,
  performanceScore,
  lastUsedAt: null,
  useCount: 0,
  globalUseCount: 0,
});

// the seed's degradation chain (001 "Caption Availability Degradation"): 30/40, 20/30, 10/20, 0/0
const CHAIN: ReadonlyArray<{ readonly minFreshness: number; readonly minPerformance: number }> = [
  { minFreshness: 30, minPerformance: 40 },
  { minFreshness: 20, minPerformance: 30 },
  { minFreshness: 10, minPerformance: 20 },
  { minFreshness: 0, minPerformance: 0 },
];

const pooledArb = fc
  .array(
    fc.record({
      id: fc.integer({ min: 0, max: 40 }), // a small id range: repeated captions are common
      performance: fc.integer({ min: 0, max: 100 }),
      freshness: fc.integer({ min: 0, max: 100 }),
      contentType: fc.constantFrom(null, 'solo', 'bg', 'gg'),
    }),
    { maxLength: 80 },
  )
  .map((rows) =>
    rows.map(
      (r): Pooled => ({
        caption: caption(r.id, r.performance, r.contentType),
        freshness: r.freshness,
      }),
    ),
  );

describe('the caption search from a remembered start', () => {
  it('answers what a search from the first caption answers while the used set grows', () => {
    fc.assert(
      fc.property(
        pooledArb,
        fc.array(
          fc.record({
            level: fc.integer({ min: 0, max: 3 }),
            limit: fc.integer({ min: 1, max: 12 }),
            scan: fc.integer({ min: 0, max: 30 }),
            prefer: fc.boolean(),
            use: fc.integer({ min: 0, max: 3 }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        fc.constantFrom(null, ['solo'], ['solo', 'bg']),
        (pool, searches, allowedList) => {
          const allowed = allowedList === null ? null : new Set<string>(allowedList);
          const used = new Set<string>();
          const starts: Starts = new Map();
          const prefer = (c: Caption): boolean => c.contentType === 'solo';
          for (const s of searches) {
            const step = CHAIN[s.level] ?? { minFreshness: 0, minPerformance: 0 };
            const args = [
              pool,
              step,
              used,
              allowed,
              s.limit,
              s.prefer ? prefer : null,
              s.limit + s.scan,
            ] as const;
            const fromStart = passing(...args);
            const remembered = passing(...args, starts);
            expect(remembered.map((c) => c.captionId)).toEqual(fromStart.map((c) => c.captionId));
            // a plain filter: unused, distinct, passing the level and the vault, in pool order
            const plain: string[] = [];
            for (const p of pool) {
              const c = p.caption;
              if (used.has(c.captionId) || plain.includes(c.captionId)) continue;
              if (p.freshness < step.minFreshness || c.performanceScore < step.minPerformance)
                continue;
              if (allowed !== null && c.contentType !== null && !allowed.has(c.contentType))
                continue;
              plain.push(c.captionId);
            }
            if (!s.prefer)
              expect(remembered.map((c) => c.captionId)).toEqual(plain.slice(0, s.limit));
            // the week uses some of the answer (the used set only grows)
            for (const c of remembered.slice(0, s.use)) used.add(c.captionId);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
