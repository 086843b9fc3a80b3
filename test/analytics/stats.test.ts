/**
 * The two 2x2 tests of independence against reference values.
 *
 * Reference values: generated with SciPy 1.17.1 / NumPy 2.4.6 on this machine
 * (`scipy.stats.fisher_exact(table)` two-sided, `scipy.stats.chi2_contingency(table)` with its
 * default Yates correction), printed with `repr(float(x))` and pasted here. Textbook checks:
 * Fisher's tea-tasting table [[3,1],[1,3]] has two-sided p = 34/70 = 0.4857142857 (Fisher 1935,
 * "The Design of Experiments" §2); the chi-square p-value for 1 degree of freedom is also checked
 * against the closed form p = erfc(sqrt(statistic / 2)).
 *
 * Imports from the module entry: src/index.ts does not export ./analytics yet.
 */
import fc from 'fast-check';
import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import {
  type ContingencyTable2x2,
  chiSquareIndependence2x2,
  fisherExact2x2,
} from '../../src/index';

/** Relative closeness with an absolute floor (jstat's tail accuracy is about 1e-15 absolute). */
const close = (actual: number, expected: number, rel = 1e-9, abs = 1e-13) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.max(abs, rel * Math.abs(expected)));

const t = (a: number, b: number, c: number, d: number): ContingencyTable2x2 => [
  [a, b],
  [c, d],
];

/** [table, scipy fisher_exact p (two-sided), scipy fisher_exact odds ratio] */
const FISHER_REFERENCE: ReadonlyArray<readonly [ContingencyTable2x2, number, number]> = [
  [t(3, 1, 1, 3), 0.48571428571428565, 9.0], // tea tasting: 34/70
  [t(8, 2, 1, 5), 0.034965034965034975, 20.0],
  [t(10, 0, 20, 70), 1.7356717438013377e-6, Number.POSITIVE_INFINITY], // zero cell
  [t(0, 5, 5, 0), 0.007936507936507938, 0.0], // two zero cells: 2 / C(10,5)
  [t(12, 5, 7, 9), 0.16632006577356484, 3.085714285714286],
  [t(1, 9, 11, 3), 0.0027594561852200836, 0.030303030303030304],
  [t(2, 7, 8, 2), 0.02301413756522116, 0.07142857142857142],
  [t(7, 3, 5, 5), 0.6499166468206717, 2.3333333333333335],
  [t(8, 2, 300, 690), 0.0018308392968603893, 9.2], // top 10 of 1,000
  [t(9, 1, 100, 890), 1.4583156264025446e-8, 80.1],
  [t(6, 4, 450, 540), 0.5258339796337304, 1.8],
  [t(60, 40, 30, 70), 3.304592989272319e-5, 3.5],
  [t(25, 15, 10, 30), 0.0014328738241224238, 5.0],
  [t(500, 300, 200, 400), 2.4956201946275093e-27, 3.3333333333333335],
];

/** [table, scipy chi2_contingency statistic (Yates), p-value] */
const CHI_SQUARE_REFERENCE: ReadonlyArray<readonly [ContingencyTable2x2, number, number]> = [
  [t(60, 40, 30, 70), 16.98989898989899, 3.7579211012441855e-5],
  [t(12, 5, 7, 9), 1.455996378814684, 0.22756821457580642],
  [t(25, 15, 10, 30), 9.955555555555556, 0.0016036472624141077],
  [t(8, 2, 300, 690), 9.258753741149958, 0.0023437245503861188],
  [t(6, 4, 450, 540), 0.3597963640533305, 0.5486193514356527],
  [t(3, 1, 1, 3), 0.5, 0.47950012218695337],
  [t(0, 5, 5, 0), 6.4, 0.01141203638600166],
  [t(10, 0, 20, 70), 22.354497354497358, 2.266815833808003e-6],
  [t(2, 7, 8, 2), 4.236882716049381, 0.03955473041656684],
];

describe('fisherExact2x2', () => {
  it.each(FISHER_REFERENCE)('matches scipy on %j', (table, p, oddsRatio) => {
    const r = fisherExact2x2(table);
    close(r.pValue, p);
    expect(r.oddsRatio).toBeCloseTo(oddsRatio, 12);
  });

  it('gives the textbook tea-tasting value 34/70', () => {
    // P(3 right) = C(4,3)C(4,1)/C(8,4) = 16/70, P(4) = 1/70; two-sided doubles the tail: 34/70.
    close(fisherExact2x2(t(3, 1, 1, 3)).pValue, 34 / 70, 1e-12);
  });

  it('gives p = 1 and odds ratio NaN for an empty row or column (scipy)', () => {
    expect(fisherExact2x2(t(6, 4, 0, 0))).toEqual({ pValue: 1, oddsRatio: Number.NaN });
    expect(fisherExact2x2(t(10, 0, 5, 0))).toEqual({ pValue: 1, oddsRatio: Number.NaN });
  });

  it('gives p = 1 when the observed table is the most likely one', () => {
    expect(fisherExact2x2(t(5, 5, 5, 5)).pValue).toBeCloseTo(1, 12);
  });

  it('returns NaN for cells that are not non-negative integers', () => {
    expect(fisherExact2x2(t(1.5, 2, 3, 4)).pValue).toBeNaN();
    expect(fisherExact2x2(t(-1, 2, 3, 4)).pValue).toBeNaN();
  });
});

describe('chiSquareIndependence2x2', () => {
  it.each(CHI_SQUARE_REFERENCE)('matches scipy on %j', (table, statistic, p) => {
    const r = chiSquareIndependence2x2(table);
    close(r.statistic, statistic, 1e-12);
    close(r.pValue, p, 1e-9, 1e-13);
    expect(r.df).toBe(1);
  });

  it('computes the Yates statistic of [[60,40],[30,70]] by hand', () => {
    // Row totals 100 / 100, column totals 90 / 110, n = 200.
    // Expected counts: 100*90/200 = 45, 100*110/200 = 55, 45, 55; |observed - expected| = 15 in
    // every cell. Yates: (15 - 0.5)^2 = 210.25, so
    // statistic = 210.25 (1/45 + 1/55 + 1/45 + 1/55) = 210.25 x 400/4950 = 1682/99 = 16.989898...
    // (without the correction: 225 x 400/4950 = 18.1818...).
    const r = chiSquareIndependence2x2(t(60, 40, 30, 70));
    expect(Math.abs(r.statistic - 1682 / 99)).toBeLessThan(1e-6);
    expect(
      Math.abs(chiSquareIndependence2x2(t(60, 40, 30, 70), { yates: false }).statistic - 200 / 11),
    ).toBeLessThan(1e-6);
    // Two methods for the p-value: the closed form for 1 df, p = erfc(sqrt(x / 2)) (jstat), and
    // scipy's chi2.sf(1682/99, 1) = 3.7579211012441855e-05.
    close(r.pValue, jStat.erfc(Math.sqrt(1682 / 99 / 2)), 1e-9);
    close(r.pValue, 3.7579211012441855e-5, 1e-9);
  });

  it('matches the closed form erfc(sqrt(x/2)) on every reference table', () => {
    for (const [table] of CHI_SQUARE_REFERENCE) {
      const r = chiSquareIndependence2x2(table);
      close(r.pValue, jStat.erfc(Math.sqrt(r.statistic / 2)), 1e-9, 1e-13);
    }
  });

  it('never over-corrects: a cell within 0.5 of its expected count contributes 0', () => {
    expect(chiSquareIndependence2x2(t(5, 5, 5, 5)).statistic).toBe(0);
    expect(chiSquareIndependence2x2(t(5, 5, 5, 5)).pValue).toBeCloseTo(1, 12);
  });

  it('reads a very large association as p ~ 0 (scipy: 6.1e-27)', () => {
    const r = chiSquareIndependence2x2(t(500, 300, 200, 400));
    close(r.statistic, 115.50291666666666, 1e-12);
    expect(r.pValue).toBeLessThan(1e-14);
  });

  it('gives statistic 0 and p = 1 for an empty row or column', () => {
    expect(chiSquareIndependence2x2(t(6, 4, 0, 0))).toEqual({ statistic: 0, pValue: 1, df: 1 });
  });
});

const cell = fc.integer({ min: 0, max: 40 });
const table = fc.tuple(cell, cell, cell, cell).map(([a, b, c, d]) => t(a, b, c, d));

describe('properties of the 2x2 tests', () => {
  it('p-values lie in [0, 1]', () => {
    fc.assert(
      fc.property(table, fc.boolean(), (tb, yates) => {
        const f = fisherExact2x2(tb).pValue;
        const c = chiSquareIndependence2x2(tb, { yates }).pValue;
        return f >= 0 && f <= 1 && c >= 0 && c <= 1;
      }),
      { numRuns: 200 },
    );
  });

  it('Fisher is symmetric under transposition and under swapping rows', () => {
    fc.assert(
      fc.property(table, ([[a, b], [c, d]]) => {
        const p = fisherExact2x2(t(a, b, c, d)).pValue;
        const transposed = fisherExact2x2(t(a, c, b, d)).pValue;
        const swapped = fisherExact2x2(t(c, d, a, b)).pValue;
        return (
          Math.abs(p - transposed) <= 1e-12 * Math.max(1, p) &&
          Math.abs(p - swapped) <= 1e-12 * Math.max(1, p)
        );
      }),
      { numRuns: 200 },
    );
  });

  it('the Yates statistic never exceeds the uncorrected one', () => {
    fc.assert(
      fc.property(
        table,
        (tb) =>
          chiSquareIndependence2x2(tb).statistic <=
          chiSquareIndependence2x2(tb, { yates: false }).statistic + 1e-12,
      ),
      { numRuns: 200 },
    );
  });
});
