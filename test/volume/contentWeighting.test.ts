import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContentRankTier, ContentTypeRanking, Vault } from '../../src/index';
// Imported from the module file until src/volume/index.ts exports it.
import { CONTENT_RANK_WEIGHTS, calculateContentAllocations } from '../../src/index';

const vaultOf = (contentTypes: Record<string, number>): Vault => ({
  contentTypes,
  media: { video: 10, picture: 10, gif: 0 },
  flyers: 0,
});

const r = (contentType: string, tier: ContentRankTier, score?: number): ContentTypeRanking =>
  score === undefined ? { contentType, tier } : { contentType, tier, score };

const sum = (a: Readonly<Record<string, number>>): number =>
  Object.values(a).reduce((x, y) => x + y, 0);

const TYPES = ['solo', 'lingerie', 'outdoor', 'feet', 'pov', 'boy_girl', 'shower', 'joi'];

describe('calculateContentAllocations (001 §1.2.1 module 6)', () => {
  it("gives the seed's example: TOP 3, MID 2, LOW 1, AVOID nothing", () => {
    const out = calculateContentAllocations(
      [r('solo', 'TOP'), r('lingerie', 'MID'), r('outdoor', 'LOW'), r('feet', 'AVOID')],
      null,
      6,
    );
    expect(out).toEqual({
      allocations: { solo: 3, lingerie: 2, outdoor: 1 },
      method: 'rankings',
      excluded: [],
    });
    expect(CONTENT_RANK_WEIGHTS).toEqual({ TOP: 3, MID: 2, LOW: 1, AVOID: 0 });
    expect(Object.isFrozen(CONTENT_RANK_WEIGHTS)).toBe(true);
  });

  it('gives fewer items than types to the best-ranked, by score then name', () => {
    const five = [
      r('a', 'TOP', 10),
      r('b', 'TOP', 90),
      r('c', 'TOP'),
      r('d', 'TOP', 50),
      r('e', 'TOP', 50),
    ];
    expect(calculateContentAllocations(five, null, 2).allocations).toEqual({ b: 1, d: 1 });
    expect(calculateContentAllocations(five, null, 3).allocations).toEqual({ b: 1, d: 1, e: 1 });
    expect(calculateContentAllocations(five, null, 5).allocations).toEqual({
      a: 1,
      b: 1,
      c: 1,
      d: 1,
      e: 1,
    });
    // a MID type never beats a TOP one for the last item
    expect(
      calculateContentAllocations([r('m', 'MID', 100), r('t', 'TOP', 0)], null, 1).allocations,
    ).toEqual({ t: 1 });
  });

  it('leaves out ranked types the vault has no items of and lists them', () => {
    const out = calculateContentAllocations(
      [r('solo', 'TOP'), r('boy_girl', 'TOP'), r('lingerie', 'MID'), r('feet', 'LOW')],
      vaultOf({ solo: 12, lingerie: 4, feet: 0, pov: 7 }),
      5,
    );
    expect(out.method).toBe('rankings');
    expect(out.excluded).toEqual(['boy_girl', 'feet']);
    expect(out.allocations).toEqual({ solo: 3, lingerie: 2 });
  });

  it('falls back to equal weighting over the non-AVOID vault types when no ranked type is usable', () => {
    const out = calculateContentAllocations(
      [r('solo', 'AVOID'), r('boy_girl', 'TOP')],
      vaultOf({ solo: 30, lingerie: 4, pov: 7 }),
      4,
    );
    expect(out).toEqual({
      allocations: { pov: 2, lingerie: 2 },
      method: 'equal',
      excluded: ['boy_girl'],
    });
    expect(calculateContentAllocations([r('solo', 'AVOID')], null, 4)).toEqual({
      allocations: {},
      method: 'none',
      excluded: [],
    });
  });

  it('weights the 6 largest vault types equally without rankings', () => {
    const vault = vaultOf({ a: 1, b: 9, c: 8, d: 7, e: 6, f: 5, g: 4, h: 0 });
    for (const rankings of [null, []]) {
      const out = calculateContentAllocations(rankings, vault, 7);
      expect(out.method).toBe('equal');
      expect(out.allocations).toEqual({ b: 2, c: 1, d: 1, e: 1, f: 1, g: 1 });
    }
    expect(calculateContentAllocations(null, vault, 2).allocations).toEqual({ b: 1, c: 1 });
  });

  it('returns none without rankings and vault, or with an empty vault', () => {
    const none = { allocations: {}, method: 'none', excluded: [] };
    expect(calculateContentAllocations(null, null, 5)).toEqual(none);
    expect(calculateContentAllocations([], vaultOf({ solo: 0 }), 5)).toEqual(none);
  });

  it('keeps the first ranking of a type ranked twice', () => {
    expect(
      calculateContentAllocations([r('solo', 'AVOID'), r('solo', 'TOP'), r('pov', 'LOW')], null, 3)
        .allocations,
    ).toEqual({ pov: 3 });
  });

  const ranking = fc.record({
    contentType: fc.constantFrom(...TYPES),
    tier: fc.constantFrom<ContentRankTier>('TOP', 'MID', 'LOW', 'AVOID'),
    score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  });
  const rankings = fc.option(fc.array(ranking, { maxLength: 10 }), { nil: null });
  const vault = fc.option(
    fc.dictionary(fc.constantFrom(...TYPES), fc.integer({ min: 0, max: 20 })).map(vaultOf),
    { nil: null },
  );
  const quota = fc.integer({ min: 0, max: 10 });

  it('sums exactly to the quota, never allocates AVOID or types missing from the vault', () => {
    fc.assert(
      fc.property(rankings, vault, quota, (rs, v, q) => {
        const out = calculateContentAllocations(rs, v, q);
        const values = Object.values(out.allocations);
        expect(values.every((n) => Number.isInteger(n) && n > 0)).toBe(true);
        expect(sum(out.allocations)).toBe(out.method === 'none' ? 0 : q);
        const first = new Map<string, ContentRankTier>();
        for (const x of rs ?? []) if (!first.has(x.contentType)) first.set(x.contentType, x.tier);
        for (const k of Object.keys(out.allocations)) {
          expect(first.get(k)).not.toBe('AVOID');
          if (v !== null) expect(v.contentTypes[k] ?? 0).toBeGreaterThan(0);
          if (out.method === 'rankings') expect(first.has(k)).toBe(true);
        }
        if (v !== null) for (const k of out.excluded) expect(v.contentTypes[k] ?? 0).toBe(0);
        else expect(out.excluded).toEqual([]);
        // higher tiers never get fewer items than lower ones
        if (out.method === 'rankings') {
          const w = (k: string) => CONTENT_RANK_WEIGHTS[first.get(k) ?? 'AVOID'];
          const usable = [...first.keys()].filter(
            (k) => w(k) > 0 && (v === null || (v.contentTypes[k] ?? 0) > 0),
          );
          const n = (k: string) => out.allocations[k] ?? 0;
          for (const a of usable)
            for (const b of usable) if (w(a) > w(b)) expect(n(a)).toBeGreaterThanOrEqual(n(b));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(rankings, vault, quota, (rs, v, q) => {
        expect(calculateContentAllocations(rs, v, q)).toEqual(
          calculateContentAllocations(rs, v, q),
        );
      }),
      { numRuns: 200 },
    );
  });
});
