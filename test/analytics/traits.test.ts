/**
 * analyzeTopPerformerTraits, applyVolumeIncreases, applyContentIncreasesToCounts.
 *
 * Expected p-values of the scenario tables: SciPy 1.17.1 on this machine
 * (`scipy.stats.fisher_exact` two-sided / `chi2_contingency` with Yates), pasted.
 *
 * Imports from the module entry: src/index.ts does not export ./analytics yet.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  analyzeTopPerformerTraits,
  applyContentIncreasesToCounts,
  applyVolumeIncreases,
  chiSquareIndependence2x2,
  fisherExact2x2,
  type PerformanceRecord,
  rngFrom,
  shuffle,
  type TraitAnalysis,
  type TraitAnalysisOptions,
  type TraitRecommendation,
} from '../../src/index';

const LONG = 'a'.repeat(300);
const SHORT = 'a'.repeat(50);

const record = (
  id: string,
  earnings: number,
  fields: Partial<Omit<PerformanceRecord, 'id' | 'earnings'>> = {},
): PerformanceRecord => ({
  id,
  earnings,
  captionText: null,
  contentType: null,
  tone: null,
  price: null,
  ...fields,
});

/** Top records earn 1000, 999, ...; the rest 100, 99.5, ... so the split is known. */
const scenario = (
  topCount: number,
  restCount: number,
  top: (i: number) => Partial<PerformanceRecord>,
  rest: (j: number) => Partial<PerformanceRecord>,
): ReadonlyArray<PerformanceRecord> => [
  ...Array.from({ length: topCount }, (_, i) =>
    record(`t${String(i).padStart(3, '0')}`, 1000 - i, top(i)),
  ),
  ...Array.from({ length: restCount }, (_, j) =>
    record(`r${String(j).padStart(3, '0')}`, 100 - j / 2, rest(j)),
  ),
];

const analyse = (
  records: ReadonlyArray<PerformanceRecord>,
  options?: TraitAnalysisOptions,
): TraitAnalysis => {
  const r = analyzeTopPerformerTraits(records, options);
  if (E.isLeft(r)) throw new Error(r.left.map((i) => i.message).join('; '));
  return r.right;
};

const close = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.max(1e-13, 1e-9 * expected));

describe('analyzeTopPerformerTraits: a top 10 of 100', () => {
  // Top 10: 8 long captions, 7 solo, 6 playful, prices 5 x $15 + 5 x $20.
  // Rest 90: 9 long captions, 20 solo, 40 playful.
  const records = scenario(
    10,
    90,
    (i) => ({
      captionText: i < 8 ? LONG : SHORT,
      contentType: i < 7 ? 'solo' : 'boy_girl',
      tone: i < 6 ? 'playful' : 'sweet',
      price: i < 5 ? 15 : 20,
    }),
    (j) => ({
      captionText: j < 9 ? LONG : SHORT,
      contentType: j < 20 ? 'solo' : 'boy_girl',
      tone: j < 40 ? 'playful' : 'sweet',
      price: 10,
    }),
  );
  const a = analyse(records);

  it('reports the optimal length: [[8,2],[9,81]], Fisher p = 4.8967e-6, significant', () => {
    const s = a.sharedTraits.optimalLength;
    expect(s).toMatchObject({ value: '250-449', count: 8, share: 0.8, test: 'fisher_exact' });
    expect(s?.table).toEqual([
      [8, 2],
      [9, 81],
    ]);
    close(s?.pValue ?? Number.NaN, 4.896741344416866e-6);
    expect(s?.isSignificant).toBe(true);
    expect(s?.recommendationText).toBe('Prioritize 250-449 char captions (+25% weight)');
  });

  it('reports the content type: [[7,3],[20,70]], Fisher p = 0.003548 < 0.0125, significant', () => {
    const s = a.sharedTraits.dominantContentType;
    expect(s).toMatchObject({ value: 'solo', count: 7, test: 'fisher_exact', isSignificant: true });
    close(s?.pValue ?? Number.NaN, 0.003547992347828937);
    expect(s?.recommendationText).toBe('Increase solo allocation by 25%');
  });

  it('reports the tone without significance: [[6,4],[40,50]], Fisher p = 0.506', () => {
    const s = a.sharedTraits.dominantTone;
    expect(s).toMatchObject({ value: 'playful', count: 6, isSignificant: false });
    close(s?.pValue ?? Number.NaN, 0.5060961114196454);
  });

  it('leaves out the price: 5 of 10 is under the 60 % rule', () => {
    expect(a.sharedTraits.dominantPrice).toBeUndefined();
  });

  it('recommends only the significant traits, with the seed multipliers', () => {
    expect(a.recommendations).toEqual([
      {
        trait: 'optimal_length',
        action: 'increase_weight',
        multiplier: 1.25,
        pValue: a.sharedTraits.optimalLength?.pValue,
      },
      {
        trait: 'content_type',
        contentType: 'solo',
        action: 'increase_allocation',
        multiplier: 1.25,
        pValue: a.sharedTraits.dominantContentType?.pValue,
      },
    ]);
    expect(a).toMatchObject({
      hasRecommendations: true,
      analyzedCount: 100,
      topN: 10,
      statisticalConfidence: 'HIGH',
      bonferroniAlpha: 0.0125,
    });
    expect(a.reason).toBeUndefined();
  });
});

describe('analyzeTopPerformerTraits: chi-square and the Bonferroni band', () => {
  // Top 20 of 200: 15 solo (rest 30 of 180), 12 playful (rest 60 of 180): every cell >= 5.
  const records = scenario(
    20,
    180,
    (i) => ({ contentType: i < 15 ? 'solo' : 'feet', tone: i < 12 ? 'playful' : 'sweet' }),
    (j) => ({ contentType: j < 30 ? 'solo' : 'feet', tone: j < 60 ? 'playful' : 'sweet' }),
  );

  it('uses chi-square with Yates when every cell is >= 5', () => {
    const a = analyse(records, { topN: 20, minSampleForConfidence: 500 });
    expect(a.sharedTraits.dominantContentType).toMatchObject({
      value: 'solo',
      test: 'chi_square',
      isSignificant: true,
    });
    close(a.sharedTraits.dominantContentType?.pValue ?? Number.NaN, 1.6571004391746552e-8);
    expect(a.statisticalConfidence).toBe('LOW');
  });

  it('does not act on p = 0.0347: below alpha 0.05 but above alpha / 4', () => {
    const a = analyse(records, { topN: 20 });
    const tone = a.sharedTraits.dominantTone;
    expect(tone?.test).toBe('chi_square');
    close(tone?.pValue ?? Number.NaN, 0.03472940805706735);
    expect(tone?.isSignificant).toBe(false);
    expect(a.recommendations.some((r) => r.trait === 'tone')).toBe(false);
  });

  it('acts on it with alpha 0.2 (adjusted 0.05)', () => {
    const a = analyse(records, { topN: 20, alpha: 0.2 });
    expect(a.bonferroniAlpha).toBeCloseTo(0.05, 15);
    expect(a.recommendations).toContainEqual({
      trait: 'tone',
      tone: 'playful',
      action: 'increase_weight',
      multiplier: 1.2,
      pValue: a.sharedTraits.dominantTone?.pValue,
    });
  });

  it('does not act on the Fisher p = 0.035 of [[8,2],[1,5]]', () => {
    const small = scenario(
      10,
      6,
      (i) => ({ tone: i < 8 ? 'urgent' : 'sweet' }),
      (j) => ({ tone: j < 1 ? 'urgent' : 'sweet' }),
    );
    const a = analyse(small);
    close(a.sharedTraits.dominantTone?.pValue ?? Number.NaN, 0.034965034965034975);
    expect(a.sharedTraits.dominantTone?.isSignificant).toBe(false);
    expect(a.hasRecommendations).toBe(false);
    expect(a.statisticalConfidence).toBe('LOW');
  });
});

describe('analyzeTopPerformerTraits: edge cases', () => {
  it('returns insufficient_data with fewer records than topN', () => {
    const a = analyse(
      scenario(
        9,
        0,
        () => ({ tone: 'sweet' }),
        () => ({}),
      ),
    );
    expect(a).toEqual({
      hasRecommendations: false,
      sharedTraits: {},
      recommendations: [],
      analyzedCount: 9,
      topN: 10,
      statisticalConfidence: 'LOW',
      bonferroniAlpha: 0.0125,
      reason: 'insufficient_data',
    });
  });

  it('tests exactly topN records against an empty group: p = 1', () => {
    const a = analyse(
      scenario(
        10,
        0,
        () => ({ contentType: 'solo' }),
        () => ({}),
      ),
    );
    expect(a.sharedTraits.dominantContentType).toMatchObject({ count: 10, pValue: 1 });
    expect(a.hasRecommendations).toBe(false);
  });

  it('never makes a trait of unknown values', () => {
    const a = analyse(
      scenario(
        10,
        40,
        () => ({}),
        () => ({ contentType: 'solo' }),
      ),
    );
    expect(a.sharedTraits).toEqual({});
  });

  it('counts caption length in code points, not UTF-16 units', () => {
    const emoji = '😘'.repeat(300); // 300 code points, 600 UTF-16 units
    const a = analyse(
      scenario(
        10,
        0,
        () => ({ captionText: emoji }),
        () => ({}),
      ),
    );
    expect(a.sharedTraits.optimalLength?.count).toBe(10);
  });

  it('breaks earnings ties by id and dominant-value ties by rank', () => {
    // All earn the same: the top 10 are ids a00..a09; 5 solo (a00..a04) and 5 feet: solo first.
    const records = Array.from({ length: 20 }, (_, i) =>
      record(`a${String(i).padStart(2, '0')}`, 50, { contentType: i < 5 ? 'solo' : 'feet' }),
    );
    const a = analyse([...records].reverse(), { threshold: 0.5 });
    expect(a.sharedTraits.dominantContentType).toMatchObject({ value: 'solo', count: 5 });
  });

  it('compares prices to the cent', () => {
    const a = analyse(
      scenario(
        10,
        0,
        (i) => ({ price: i % 2 ? 9.99 : 9.990000001 }),
        () => ({}),
      ),
    );
    expect(a.sharedTraits.dominantPrice).toMatchObject({ value: 9.99, count: 10 });
    expect(a.sharedTraits.dominantPrice?.recommendationText).toBe(
      'Use $9.99 pricing more frequently',
    );
  });

  it('collects an issue per bad earnings or price, naming the path', () => {
    const records = [
      record('a', Number.NaN),
      record('b', 10),
      record('c', -1),
      record('d', Number.POSITIVE_INFINITY, { price: -5 }),
    ];
    const r = analyzeTopPerformerTraits(records);
    expect(E.isLeft(r)).toBe(true);
    if (E.isLeft(r)) {
      expect(r.left.map((i) => [i.code, i.path, i.phase, i.severity])).toEqual([
        ['invalid_earnings', 'performance[0].earnings', 'volume', 'error'],
        ['invalid_earnings', 'performance[2].earnings', 'volume', 'error'],
        ['invalid_earnings', 'performance[3].earnings', 'volume', 'error'],
        ['invalid_price', 'performance[3].price', 'volume', 'error'],
      ]);
    }
  });

  it('rejects out-of-range options', () => {
    const r = analyzeTopPerformerTraits([], { topN: 0, alpha: 1.5, threshold: 0 });
    expect(E.isLeft(r) ? r.left.map((i) => i.path) : []).toEqual([
      'options.topN',
      'options.alpha',
      'options.threshold',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const TYPES = ['solo', 'boy_girl', 'feet', null] as const;
const TONES = ['playful', 'sweet', 'urgent', null] as const;

const rowArb = fc.record({
  earnings: fc.integer({ min: 0, max: 60 }),
  length: fc.constantFrom(null, 40, 300, 600),
  contentType: fc.constantFrom(...TYPES),
  tone: fc.constantFrom(...TONES),
  price: fc.constantFrom(null, 10, 15, 25),
  // one row in five is a "winner": earns more, long solo playful caption, so that real
  // associations (and recommendations) appear in most samples
  boost: fc.integer({ min: 0, max: 99 }).map((x) => x < 20),
});

/** 0-100 random records with unique ids. */
const recordsArb = fc
  .integer({ min: 0, max: 100 })
  .chain((n) => fc.array(rowArb, { minLength: n, maxLength: n }))
  .map((rows) =>
    rows.map(
      (r, i): PerformanceRecord => ({
        id: `r${i}`,
        earnings: r.boost ? r.earnings + 60 : r.earnings,
        captionText: r.boost ? 'x'.repeat(300) : r.length === null ? null : 'x'.repeat(r.length),
        contentType: r.boost ? 'solo' : r.contentType,
        tone: r.boost ? 'playful' : r.tone,
        price: r.price,
      }),
    ),
  );

const optionsArb = fc.record({
  topN: fc.integer({ min: 1, max: 15 }),
  alpha: fc.double({ min: 0.001, max: 0.3, noNaN: true }),
  threshold: fc.constantFrom(0.5, 0.6, 0.7, 0.8),
});

/** The test's own ranking and value counts, independent of the implementation. */
const topCount = (
  records: ReadonlyArray<PerformanceRecord>,
  topN: number,
  has: (r: PerformanceRecord) => boolean,
): number =>
  [...records]
    .sort((x, y) => y.earnings - x.earnings || (x.id < y.id ? -1 : 1))
    .slice(0, topN)
    .filter(has).length;

const hasValue = (rec: TraitRecommendation) => (r: PerformanceRecord) =>
  rec.trait === 'optimal_length'
    ? r.captionText !== null && r.captionText.length >= 250 && r.captionText.length <= 449
    : rec.trait === 'content_type'
      ? r.contentType === rec.contentType
      : r.tone === rec.tone;

describe('properties of analyzeTopPerformerTraits', () => {
  it('no recommendation without the share rule (>= ceil(threshold x topN) of the top N)', () => {
    let recommended = 0;
    fc.assert(
      fc.property(recordsArb, optionsArb, (records, options) => {
        const a = analyse(records, options);
        const need = Math.ceil(options.threshold * options.topN - 1e-9);
        recommended += a.recommendations.length;
        return (
          Object.values(a.sharedTraits).every((t) => t.count >= need) &&
          a.recommendations.every((rec) => topCount(records, options.topN, hasValue(rec)) >= need)
        );
      }),
      { numRuns: 200 },
    );
    expect(recommended).toBeGreaterThan(0);
  });

  it('Bonferroni: significant iff p < alpha / 4; recommendations only from significant traits', () => {
    fc.assert(
      fc.property(recordsArb, optionsArb, (records, options) => {
        const a = analyse(records, options);
        const traits = Object.values(a.sharedTraits);
        return (
          traits.every((s) => s.isSignificant === s.pValue < options.alpha / 4) &&
          traits.every((s) => s.pValue >= 0 && s.pValue <= 1) &&
          a.recommendations.every((r) => r.pValue < options.alpha / 4) &&
          a.hasRecommendations === a.recommendations.length > 0
        );
      }),
      { numRuns: 200 },
    );
  });

  it('a p-value between alpha / 4 and alpha is never significant (constructed tables)', () => {
    // One trait family (tone) with a chosen table; every other field unknown.
    let inBand = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 6, max: 10 }),
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (topWith, restSize, restShare) => {
          const restWith = Math.round(restShare * restSize);
          const records = scenario(
            10,
            restSize,
            (i) => ({ tone: i < topWith ? 'sweet' : 'urgent' }),
            (j) => ({ tone: j < restWith ? 'sweet' : 'urgent' }),
          );
          const a = analyse(records);
          const s = a.sharedTraits.dominantTone;
          if (s === undefined || s.value !== 'sweet') return true;
          const table = s.table;
          const reference = table.flat().every((x) => x >= 5)
            ? chiSquareIndependence2x2(table).pValue
            : fisherExact2x2(table).pValue;
          const band = s.pValue >= 0.05 / 4 && s.pValue < 0.05;
          if (band) inBand++;
          return (
            s.pValue === reference &&
            (!band || (!s.isSignificant && a.recommendations.length === 0))
          );
        },
      ),
      { numRuns: 200 },
    );
    expect(inBand).toBeGreaterThan(0);
  });

  it('is deterministic and independent of the input order (unique ids)', () => {
    fc.assert(
      fc.property(recordsArb, fc.integer(), (records, seed) => {
        const [shuffled] = shuffle(rngFrom('traits', seed), records);
        const a = analyse(records);
        expect(analyse(records)).toEqual(a);
        expect(analyse(shuffled)).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Applying recommendations
// ---------------------------------------------------------------------------------------------

const soloUp: TraitRecommendation = {
  trait: 'content_type',
  contentType: 'solo',
  action: 'increase_allocation',
  multiplier: 1.25,
  pValue: 0.001,
};
const lengthUp: TraitRecommendation = {
  trait: 'optimal_length',
  action: 'increase_weight',
  multiplier: 1.25,
  pValue: 0.001,
};
const toneUp: TraitRecommendation = {
  trait: 'tone',
  tone: 'playful',
  action: 'increase_weight',
  multiplier: 1.2,
  pValue: 0.001,
};

describe('applyVolumeIncreases', () => {
  it('multiplies present content types and sets the length bonus, leaving the input intact', () => {
    const allocation = Object.freeze({ solo: 4, feet: 2 });
    const r = applyVolumeIncreases(allocation, [lengthUp, soloUp, toneUp]);
    expect(r).toEqual({
      allocation: { solo: 5, feet: 2 },
      optimalLengthBonus: 1.25,
      applied: ['optimal_length', 'content_type:solo'],
    });
    expect(allocation).toEqual({ solo: 4, feet: 2 });
  });

  it('never adds a content type the allocation lacks', () => {
    const r = applyVolumeIncreases({ feet: 2 }, [soloUp]);
    expect(r).toEqual({ allocation: { feet: 2 }, optimalLengthBonus: null, applied: [] });
  });
});

describe('applyContentIncreasesToCounts', () => {
  it('moves items to the boosted type and keeps the total', () => {
    // weights 8 x 1.25 = 10, 5, 5 (sum 20) -> 18 x (10, 5, 5) / 20 = 9, 4.5, 4.5: floors 9, 4, 4,
    // the one item left goes to the tie broken by name (bg before feet).
    expect(applyContentIncreasesToCounts({ solo: 8, feet: 5, bg: 5 }, [soloUp], 18)).toEqual({
      solo: 9,
      feet: 4,
      bg: 5,
    });
  });

  it('leaves counts unchanged when nothing can be scaled', () => {
    expect(applyContentIncreasesToCounts({ solo: 0 }, [soloUp], 4)).toEqual({ solo: 0 });
  });

  const NAMES = ['solo', 'boy_girl', 'feet', 'tease', 'custom'] as const;
  const recArb = fc.record({
    contentType: fc.constantFrom(...NAMES, 'absent_type'),
    multiplier: fc.constantFrom(1.2, 1.25, 1.3),
  });

  it('keeps the total, never feeds zero (AVOID) or absent types, keeps the keys', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...NAMES), fc.integer({ min: 0, max: 8 })),
        fc.array(recArb, { maxLength: 3 }),
        fc.integer({ min: 0, max: 30 }),
        (counts, recs, total) => {
          const recommendations: TraitRecommendation[] = recs.map((r) => ({
            trait: 'content_type',
            action: 'increase_allocation',
            pValue: 0.001,
            ...r,
          }));
          const out = applyContentIncreasesToCounts(counts, recommendations, total);
          const anyPositive = Object.values(counts).some((n) => n > 0);
          expect(Object.keys(out)).toEqual(Object.keys(counts));
          expect('absent_type' in out).toBe(false);
          for (const [k, n] of Object.entries(counts)) {
            if (n === 0) expect(out[k]).toBe(0);
            expect(Number.isInteger(out[k])).toBe(true);
          }
          if (anyPositive) expect(Object.values(out).reduce((a, b) => a + b, 0)).toBe(total);
          expect(applyContentIncreasesToCounts(counts, recommendations, total)).toEqual(out);
        },
      ),
      { numRuns: 200 },
    );
  });
});
