/**
 * Data-driven volume triggers: the traits the top performers share, tested for significance
 * before they raise any volume. Source: seed 000 task 3.3 (`analyze_top_performer_traits`,
 * `apply_volume_increases`) and gap 4.1 ("if 60 %+ of the top 10 share a trait, increase that
 * type by 20-30 %").
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import jStat from 'jstat';
import { sum } from 'simple-statistics';
import { showReceived } from '../domain/decode';
import { type Issue, issue } from '../domain/issues';
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import { apportion } from '../volume/weekly';

/**
 * One past revenue send, as the trait analysis reads it.
 *
 * - `earnings`: USD earned by the send (finite, >= 0).
 * - `captionText`: the caption sent; `null` when unknown (counts as outside the optimal length).
 * - `contentType`, `tone`: `null` when unknown; an unknown value never makes a trait.
 * - `price`: USD; `null` when unknown.
 *
 * Source: seed 000 task 3.3 (`performance_data` rows).
 *
 * @since 0.1.0
 * @category analytics
 */
export interface PerformanceRecord {
  /** The send's id (ties in earnings are broken by it). */
  readonly id: string;
  /** USD earned by the send (finite, >= 0). */
  readonly earnings: number;
  /** The caption sent; `null` when unknown (counts as outside the optimal length). */
  readonly captionText: string | null;
  /** The content type sent; `null` when unknown (an unknown value never makes a trait). */
  readonly contentType: string | null;
  /** The caption's tone; `null` when unknown. */
  readonly tone: string | null;
  /** The price, USD; `null` when unknown. */
  readonly price: number | null;
}

/**
 * The defaults of the trait analysis, one row per rule of seed 000 task 3.3:
 *
 * - `topN` 10: "top 10" (gap 4.1, `top_n`).
 * - `minSampleForConfidence` 50: below it `statisticalConfidence` is `LOW`.
 * - `alpha` 0.05: significance level before the Bonferroni correction.
 * - `threshold` 0.6: "60 %+ of the top 10 share a trait" (gap 4.1).
 * - `optimalLength` 250-449 characters (Unicode code points) of caption text.
 * - `minCellForChiSquare` 5: below it in any cell, Fisher's exact test is used.
 * - `fisherRelativeTolerance` 1e-7: tables whose probability is within this relative distance
 *   of the observed one count as "as extreme" (R's `fisher.test`).
 * - multipliers: optimal length x1.25, content type x1.25, tone x1.20 ("+20-30 %").
 *
 * @since 0.1.0
 * @category analytics
 */
export const DEFAULT_TRAIT_POLICY: SchedulePolicy['traits'] = DEFAULT_POLICY.traits;

// ---------------------------------------------------------------------------------------------
// 2x2 tests of independence
// ---------------------------------------------------------------------------------------------

/**
 * A 2x2 contingency table of non-negative integer counts, rows first:
 * `[[a, b], [c, d]]`. In the trait analysis: rows top / non-top, columns has trait / has not.
 *
 * @since 0.1.0
 * @category analytics
 */
export type ContingencyTable2x2 = readonly [readonly [number, number], readonly [number, number]];

/**
 * Result of the chi-square test of independence on a 2x2 table (1 degree of freedom).
 *
 * @since 0.1.0
 * @category analytics
 */
export interface ChiSquareResult {
  /** The chi-square statistic (with Yates' correction unless turned off). */
  readonly statistic: number;
  /** Upper-tail probability, 0-1 (absolute accuracy about 1e-15: tiny p-values read 0). */
  readonly pValue: number;
  /** Degrees of freedom: always 1 for a 2x2 table. */
  readonly df: 1;
}

/**
 * Result of Fisher's exact test on a 2x2 table.
 *
 * @since 0.1.0
 * @category analytics
 */
export interface FisherExactResult {
  /** Two-sided p-value, 0-1. */
  readonly pValue: number;
  /** Sample odds ratio `ad / bc`: `Infinity` when `bc = 0`, `NaN` when a row or column is empty. */
  readonly oddsRatio: number;
}

const isCountTable = (t: ContingencyTable2x2): boolean =>
  t.every((row) => row.every((x) => Number.isInteger(x) && x >= 0));

const margins = (t: ContingencyTable2x2) => {
  const [[a, b], [c, d]] = t;
  return { rows: [a + b, c + d], cols: [a + c, b + d], n: a + b + c + d } as const;
};

/**
 * Pearson's chi-square test of independence on a 2x2 table, with Yates' continuity correction
 * by default (each `|observed - expected|` shrunk by 0.5, never past the expected count), as
 * `scipy.stats.chi2_contingency` does for 2x2 tables. The p-value is the upper tail of the
 * chi-square distribution with 1 degree of freedom (jstat).
 *
 * A table with an empty row or column has no expected counts to test against: statistic 0,
 * p-value 1 (scipy raises instead). Cells must be non-negative integers, else both are `NaN`.
 *
 * Source: seed 000 task 3.3 (`chi_square_test`, `stats.chi2_contingency`).
 *
 * @since 0.1.0
 * @category analytics
 */
export const chiSquareIndependence2x2 = (
  table: ContingencyTable2x2,
  { yates = true }: { readonly yates?: boolean } = {},
): ChiSquareResult => {
  if (!isCountTable(table)) return { statistic: Number.NaN, pValue: Number.NaN, df: 1 };
  const { rows, cols, n } = margins(table);
  if (rows.includes(0) || cols.includes(0)) return { statistic: 0, pValue: 1, df: 1 };
  const terms = [0, 1].flatMap((i) =>
    [0, 1].map((j) => {
      const observed = table[i as 0 | 1][j as 0 | 1];
      const expected = ((rows[i] as number) * (cols[j] as number)) / n;
      const gap = Math.abs(observed - expected);
      const corrected = yates ? gap - Math.min(0.5, gap) : gap;
      return (corrected * corrected) / expected;
    }),
  );
  const statistic = sum(terms);
  const pValue = Math.min(1, Math.max(0, 1 - jStat.chisquare.cdf(statistic, 1)));
  return { statistic, pValue, df: 1 };
};

/**
 * Fisher's exact test on a 2x2 table, two-sided as `scipy.stats.fisher_exact`: with the margins
 * fixed, the top-left cell follows the hypergeometric distribution (jstat); the p-value is the
 * sum of the probabilities of every table whose probability is at most the observed one (within
 * a relative tolerance of 1e-7). A table with an empty row or column gives p-value 1 and odds
 * ratio `NaN`. Cells must be non-negative integers, else both are `NaN`.
 *
 * Source: seed 000 task 3.3 (`stats.fisher_exact` for small cells).
 *
 * @since 0.1.0
 * @category analytics
 */
export const fisherExact2x2 = (
  table: ContingencyTable2x2,
  relativeTolerance: number = DEFAULT_POLICY.traits.fisherRelativeTolerance,
): FisherExactResult => {
  if (!isCountTable(table)) return { pValue: Number.NaN, oddsRatio: Number.NaN };
  const [[a, b], [c, d]] = table;
  const { rows, cols, n } = margins(table);
  if (rows.includes(0) || cols.includes(0)) return { pValue: 1, oddsRatio: Number.NaN };
  const oddsRatio = b > 0 && c > 0 ? (a * d) / (b * c) : Number.POSITIVE_INFINITY;
  const [row1] = rows;
  const [col1] = cols;
  const lo = Math.max(0, col1 - (n - row1));
  const hi = Math.min(row1, col1);
  const pdf = (k: number) => jStat.hypgeom.pdf(k, n, row1, col1);
  const limit = pdf(a) * (1 + relativeTolerance);
  const asExtreme: number[] = [];
  for (let k = lo; k <= hi; k++) {
    const p = pdf(k);
    if (p <= limit) asExtreme.push(p);
  }
  return { pValue: Math.min(1, sum(asExtreme)), oddsRatio };
};

// ---------------------------------------------------------------------------------------------
// Trait analysis
// ---------------------------------------------------------------------------------------------

/**
 * Options of `analyzeTopPerformerTraits`; each defaults to `DEFAULT_TRAIT_POLICY`.
 *
 * @since 0.1.0
 * @category analytics
 */
export interface TraitAnalysisOptions {
  /** Records that count as top performers (integer >= 1). Default 10. */
  readonly topN?: number;
  /** Records needed for `statisticalConfidence: 'HIGH'` (>= 0). Default 50. */
  readonly minSampleForConfidence?: number;
  /** Family-wise significance level, 0-1 exclusive. Default 0.05. */
  readonly alpha?: number;
  /** Share of the top N that must share a value, 0-1 (0 exclusive). Default 0.6. */
  readonly threshold?: number;
}

/**
 * The test a trait's p-value comes from: chi-square (Yates) when every cell is >= 5, else
 * Fisher's exact test.
 *
 * @since 0.1.0
 * @category analytics
 */
export type TraitTest = 'chi_square' | 'fisher_exact';

/**
 * A value shared by at least `threshold x topN` of the top performers, with its test.
 *
 * - `value`: the shared value (`'250-449'` for the optimal length, a content type, a tone, a
 *   price in USD).
 * - `count` / `share`: top performers having it, and `count / topN` (0-1).
 * - `table`: `[[top with, top without], [non-top with, non-top without]]`.
 * - `isSignificant`: `pValue < bonferroniAlpha`.
 *
 * Source: seed 000 task 3.3 (`shared_traits` entries).
 *
 * @since 0.1.0
 * @category analytics
 */
export interface SharedTrait<V extends string | number> {
  /** The shared value (`'250-449'` for the optimal length, a content type, a tone, a price in USD). */
  readonly value: V;
  /** Top performers having it. */
  readonly count: number;
  /** `count / topN`, 0-1. */
  readonly share: number;
  /** `[[top with, top without], [non-top with, non-top without]]`. */
  readonly table: ContingencyTable2x2;
  /** The test the p-value comes from (chi-square, or Fisher's exact test when a cell is under 5). */
  readonly test: TraitTest;
  /** The test's p-value, 0-1. */
  readonly pValue: number;
  /** `pValue < bonferroniAlpha`. */
  readonly isSignificant: boolean;
  /** The recommendation for people (e.g. `Top performers favour solo content`). */
  readonly recommendationText: string;
}

/**
 * The trait families that passed the share rule; a family is absent when no value reaches it.
 * Source: seed 000 task 3.3 (`optimal_length`, `dominant_content_type`, `dominant_tone`,
 * `dominant_price`).
 *
 * @since 0.1.0
 * @category analytics
 */
export interface SharedTraits {
  /** Captions of the optimal length (250-449 characters). */
  readonly optimalLength?: SharedTrait<string>;
  /** The content type most top performers share. */
  readonly dominantContentType?: SharedTrait<string>;
  /** The tone most top performers share. */
  readonly dominantTone?: SharedTrait<string>;
  /** The price (USD) most top performers share. */
  readonly dominantPrice?: SharedTrait<number>;
}

/**
 * A volume or weight increase backed by a significant trait. `multiplier` scales the content
 * type's allocation (`increase_allocation`) or the caption weight (`increase_weight`).
 * Price traits are reported in `sharedTraits` only (as in the seed).
 *
 * Source: seed 000 task 3.3 (`recommendations`).
 *
 * @since 0.1.0
 * @category analytics
 */
export type TraitRecommendation =
  | {
      /** The trait: captions of the optimal length. */
      readonly trait: 'optimal_length';
      /** Raise the caption weight. */
      readonly action: 'increase_weight';
      /** The multiplier to apply (000 gap 4.1, `policy.traits.multipliers`). */
      readonly multiplier: number;
      /** The trait test's p-value, below the Bonferroni-corrected alpha. */
      readonly pValue: number;
    }
  | {
      /** The trait: a content type. */
      readonly trait: 'content_type';
      /** The content type whose allocation increases. */
      readonly contentType: string;
      /** Raise the content type's allocation. */
      readonly action: 'increase_allocation';
      /** The multiplier to apply (000 gap 4.1, `policy.traits.multipliers`). */
      readonly multiplier: number;
      /** The trait test's p-value, below the Bonferroni-corrected alpha. */
      readonly pValue: number;
    }
  | {
      /** The trait: a caption tone. */
      readonly trait: 'tone';
      /** The tone whose caption weight increases. */
      readonly tone: string;
      /** Raise the caption weight. */
      readonly action: 'increase_weight';
      /** The multiplier to apply (000 gap 4.1, `policy.traits.multipliers`). */
      readonly multiplier: number;
      /** The trait test's p-value, below the Bonferroni-corrected alpha. */
      readonly pValue: number;
    };

/**
 * Result of `analyzeTopPerformerTraits`.
 *
 * - `analyzedCount`: records analysed (all of them); `topN`: how many were top performers.
 * - `statisticalConfidence`: `HIGH` when `analyzedCount >= minSampleForConfidence`.
 * - `bonferroniAlpha`: `alpha / 4` (four trait families tested).
 * - `reason`: `insufficient_data` when there are fewer records than `topN` (nothing tested).
 *
 * @since 0.1.0
 * @category analytics
 */
export interface TraitAnalysis {
  /** Whether `recommendations` is not empty. */
  readonly hasRecommendations: boolean;
  /** The trait families that passed the share rule. */
  readonly sharedTraits: SharedTraits;
  /** The increases backed by a significant trait. */
  readonly recommendations: ReadonlyArray<TraitRecommendation>;
  /** Records analysed (all of them). */
  readonly analyzedCount: number;
  /** How many were top performers. */
  readonly topN: number;
  /** `HIGH` when `analyzedCount >= minSampleForConfidence`, else `LOW`. */
  readonly statisticalConfidence: 'HIGH' | 'LOW';
  /** `alpha / 4` (four trait families tested). */
  readonly bonferroniAlpha: number;
  /** `insufficient_data` when there are fewer records than `topN` (nothing tested). */
  readonly reason?: 'insufficient_data';
}

/** Trait families tested: optimal length, content type, tone, price (seed 000 task 3.3). */
const TRAIT_FAMILIES_TESTED = 4;

interface Resolved {
  readonly topN: number;
  readonly minSampleForConfidence: number;
  readonly alpha: number;
  readonly threshold: number;
}

const optionIssues = (o: Resolved): ReadonlyArray<Issue> => {
  const bad = (field: keyof Resolved, ok: boolean, rule: string): ReadonlyArray<Issue> =>
    ok ? [] : [issue('invalid_trait_option', { field, rule, value: o[field] }, `options.${field}`)];
  return [
    ...bad('topN', Number.isInteger(o.topN) && o.topN >= 1, 'an integer >= 1'),
    ...bad(
      'minSampleForConfidence',
      Number.isFinite(o.minSampleForConfidence) && o.minSampleForConfidence >= 0,
      'a number >= 0',
    ),
    ...bad('alpha', o.alpha > 0 && o.alpha < 1, 'a number in (0, 1)'),
    ...bad('threshold', o.threshold > 0 && o.threshold <= 1, 'a number in (0, 1]'),
  ];
};

const recordIssues = (performance: ReadonlyArray<PerformanceRecord>): ReadonlyArray<Issue> => {
  const out: Issue[] = [];
  for (let i = 0; i < performance.length; i++) {
    if (!(i in performance)) continue; // a hole is skipped, as flatMap skips it
    const r = performance[i] as PerformanceRecord;
    if (!(Number.isFinite(r.earnings) && r.earnings >= 0))
      out.push(
        issue('invalid_earnings', { id: r.id, earnings: r.earnings }, `performance[${i}].earnings`),
      );
    if (!(r.price === null || (Number.isFinite(r.price) && r.price >= 0)))
      out.push(issue('invalid_price', { id: r.id, price: r.price }, `performance[${i}].price`));
  }
  return out;
};

/** Earnings descending, ties by id ascending (code-unit order, locale-free). */
const byEarnings = (x: PerformanceRecord, y: PerformanceRecord): number =>
  y.earnings - x.earnings || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

interface Candidate<V> {
  readonly value: V;
  readonly count: number;
  readonly table: ContingencyTable2x2;
}

/**
 * The most common non-null value among the top N (ties: the value met first in rank order, as
 * Python's `Counter.most_common`) and its 2x2 table against the rest.
 */
const dominantValue = <V extends string | number>(
  top: ReadonlyArray<PerformanceRecord>,
  rest: ReadonlyArray<PerformanceRecord>,
  traitValue: (r: PerformanceRecord) => V | null,
): Candidate<V> | null => {
  const counts = new Map<V, number>();
  for (const r of top) {
    const v = traitValue(r);
    if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let best: V | null = null;
  let bestCount = 0;
  for (const [v, k] of counts) {
    if (k > bestCount) {
      best = v;
      bestCount = k;
    }
  }
  if (best === null) return null;
  const restCount = rest.filter((r) => traitValue(r) === best).length;
  return {
    value: best,
    count: bestCount,
    table: [
      [bestCount, top.length - bestCount],
      [restCount, rest.length - restCount],
    ],
  };
};

/** p-value of a trait's table: chi-square (Yates) when every cell >= 5, else Fisher. */
const testTable = (
  table: ContingencyTable2x2,
  traits: SchedulePolicy['traits'],
): { test: TraitTest; pValue: number } =>
  table.flat().every((x) => x >= traits.minCellForChiSquare)
    ? { test: 'chi_square', pValue: chiSquareIndependence2x2(table).pValue }
    : {
        test: 'fisher_exact',
        pValue: fisherExact2x2(table, traits.fisherRelativeTolerance).pValue,
      };

const percent = (multiplier: number) => Math.round((multiplier - 1) * 100);

/** Length in Unicode code points: UTF-16 length minus the surrogate pairs. */
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
const codePoints = (text: string): number =>
  text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);

/**
 * Which of the top performers share a trait, and whether the sharing is significant.
 *
 * The records are ranked by earnings (descending; ties by `id`); the first `topN` are the top
 * performers, the rest the comparison group. Four trait families are tested:
 *
 * 1. optimal length: caption text of 250-449 characters (code points);
 * 2. dominant content type, 3. dominant tone, 4. dominant price (to the cent): the most common
 *    known value among the top N (ties: the better-ranked).
 *
 * A family is reported in `sharedTraits` when at least `ceil(threshold x topN)` top performers
 * share its value (the 60 %-of-top-10 rule). Independence of "top vs non-top" and "has the value
 * vs not" is then tested on the 2x2 table: chi-square with Yates' correction when every cell is
 * >= 5, else Fisher's exact test (two-sided). Bonferroni: a trait is significant when its
 * p-value is below `alpha / 4`. Only significant traits give recommendations: optimal length
 * `increase_weight` x1.25, content type `increase_allocation` x1.25, tone `increase_weight`
 * x1.20; price none.
 *
 * Returns `Left` with every issue found (never stops at the first):
 * - `invalid_earnings` (error, path `performance[i].earnings`): NaN, infinite or negative;
 * - `invalid_price` (error, path `performance[i].price`): NaN, infinite or negative;
 * - `invalid_trait_option` (error, path `options.<field>`): an option out of range;
 * - `invalid_input` (error, path `performance`): not an array, or records or options that cannot
 *   be read. Never throws, whatever it is given.
 *
 * With fewer records than `topN`, `Right` with no traits and `reason: 'insufficient_data'`.
 *
 * Source: seed 000 task 3.3 (`analyze_top_performer_traits`), gap 4.1.
 *
 * @since 0.1.0
 * @category analytics
 */
export const analyzeTopPerformerTraits = (
  performance: ReadonlyArray<PerformanceRecord>,
  options: TraitAnalysisOptions = {},
  policy: Pick<SchedulePolicy, 'traits'> = DEFAULT_POLICY,
): E.Either<ReadonlyArray<Issue>, TraitAnalysis> => {
  try {
    if (!Array.isArray(performance))
      return E.left([
        issue(
          'invalid_input',
          { expected: 'an array of performance records', received: showReceived(performance) },
          'performance',
        ),
      ]);
    return analyze(performance, options ?? {}, policy);
  } catch (e) {
    // A record or an option that cannot be read (a getter that throws, a revoked Proxy).
    return E.left([
      issue(
        'invalid_input',
        { expected: 'readable performance records and options', received: showReceived(e) },
        'performance',
      ),
    ]);
  }
};

const analyze = (
  performance: ReadonlyArray<PerformanceRecord>,
  options: TraitAnalysisOptions,
  policy: Pick<SchedulePolicy, 'traits'>,
): E.Either<ReadonlyArray<Issue>, TraitAnalysis> => {
  const traits = policy.traits;
  const o: Resolved = {
    topN: options.topN ?? traits.topN,
    minSampleForConfidence: options.minSampleForConfidence ?? traits.minSampleForConfidence,
    alpha: options.alpha ?? traits.alpha,
    threshold: options.threshold ?? traits.threshold,
  };
  const issues = [...optionIssues(o), ...recordIssues(performance)];
  if (issues.length > 0) return E.left(issues);

  const bonferroniAlpha = o.alpha / TRAIT_FAMILIES_TESTED;
  const base = {
    analyzedCount: performance.length,
    topN: o.topN,
    statisticalConfidence:
      performance.length >= o.minSampleForConfidence ? ('HIGH' as const) : ('LOW' as const),
    bonferroniAlpha,
  };
  if (performance.length < o.topN)
    return E.right({
      ...base,
      hasRecommendations: false,
      sharedTraits: {},
      recommendations: [],
      reason: 'insufficient_data',
    });

  const ranked = [...performance].sort(byEarnings);
  const top = ranked.slice(0, o.topN);
  const rest = ranked.slice(o.topN);
  // 1e-9 guards 0.6 x 10 against binary rounding (6.000000000000001 would demand 7).
  const minShared = Math.ceil(o.threshold * o.topN - 1e-9);

  const shared = <V extends string | number>(
    traitValue: (r: PerformanceRecord) => V | null,
    text: (v: V) => string,
  ): SharedTrait<V> | undefined => {
    const c = dominantValue(top, rest, traitValue);
    if (c === null || c.count < minShared) return undefined;
    const { test, pValue } = testTable(c.table, traits);
    return {
      value: c.value,
      count: c.count,
      share: c.count / o.topN,
      table: c.table,
      test,
      pValue,
      isSignificant: pValue < bonferroniAlpha,
      recommendationText: text(c.value),
    };
  };

  const { minCharacters, maxCharacters } = traits.optimalLength;
  const m = traits.multipliers;
  const lengthLabel = `${minCharacters}-${maxCharacters}`;
  const optimalLength = shared(
    (r) => {
      const text = r.captionText;
      // code points lie between half the UTF-16 length and the UTF-16 length: count only when
      // that range meets the optimal one
      if (text === null || text.length < minCharacters || text.length > 2 * maxCharacters)
        return null;
      const len = codePoints(text);
      return len >= minCharacters && len <= maxCharacters ? lengthLabel : null;
    },
    (v) => `Prioritize ${v} char captions (+${percent(m.optimalLength)}% weight)`,
  );
  const dominantContentType = shared(
    (r) => r.contentType,
    (v) => `Increase ${v} allocation by ${percent(m.contentType)}%`,
  );
  const dominantTone = shared(
    (r) => r.tone,
    (v) => `Prioritize ${v} captions (+${percent(m.tone)}% weight)`,
  );
  const dominantPrice = shared(
    (r) => (r.price === null ? null : Math.round(r.price * 100) / 100),
    (v) => `Use $${v} pricing more frequently`,
  );

  const recommendations: ReadonlyArray<TraitRecommendation> = [
    ...(optimalLength?.isSignificant
      ? [
          {
            trait: 'optimal_length',
            action: 'increase_weight',
            multiplier: m.optimalLength,
            pValue: optimalLength.pValue,
          } as const,
        ]
      : []),
    ...(dominantContentType?.isSignificant
      ? [
          {
            trait: 'content_type',
            contentType: dominantContentType.value,
            action: 'increase_allocation',
            multiplier: m.contentType,
            pValue: dominantContentType.pValue,
          } as const,
        ]
      : []),
    ...(dominantTone?.isSignificant
      ? [
          {
            trait: 'tone',
            tone: dominantTone.value,
            action: 'increase_weight',
            multiplier: m.tone,
            pValue: dominantTone.pValue,
          } as const,
        ]
      : []),
  ];

  const sharedTraits: SharedTraits = {
    ...(optimalLength && { optimalLength }),
    ...(dominantContentType && { dominantContentType }),
    ...(dominantTone && { dominantTone }),
    ...(dominantPrice && { dominantPrice }),
  };
  return E.right({
    ...base,
    hasRecommendations: recommendations.length > 0,
    sharedTraits,
    recommendations,
  });
};

// ---------------------------------------------------------------------------------------------
// Applying the recommendations
// ---------------------------------------------------------------------------------------------

/**
 * Result of `applyVolumeIncreases`.
 *
 * - `allocation`: the input allocation with each recommended content type multiplied.
 * - `optimalLengthBonus`: the caption-weight multiplier for 250-449-character captions, `null`
 *   when length was not recommended.
 * - `applied`: what was applied, in order: `optimal_length`, `content_type:<type>`.
 *
 * @since 0.1.0
 * @category analytics
 */
export interface VolumeIncreases {
  /** The input allocation with each recommended content type multiplied. */
  readonly allocation: Readonly<Record<string, number>>;
  /** The caption-weight multiplier for 250-449-character captions, `null` when length was not recommended. */
  readonly optimalLengthBonus: number | null;
  /** What was applied, in order: `optimal_length`, `content_type:<type>`. */
  readonly applied: ReadonlyArray<string>;
}

/**
 * Applies trait recommendations to a content allocation (any unit: items, shares): a
 * `content_type` recommendation multiplies that type's entry when the allocation has it (a type
 * the allocation lacks, e.g. one ranked AVOID or absent from the vault, is never added); an
 * `optimal_length` recommendation sets `optimalLengthBonus`. Tone recommendations weight
 * captions, not volume, and are left to content matching. Pure: the input is not modified.
 *
 * Source: seed 000 task 3.3 (`apply_volume_increases`).
 *
 * @since 0.1.0
 * @category analytics
 */
export const applyVolumeIncreases = (
  allocation: Readonly<Record<string, number>>,
  recommendations: ReadonlyArray<TraitRecommendation>,
): VolumeIncreases => {
  // a fresh copy, filled in here only: the caller's allocation is never touched
  const adjusted: Record<string, number> = { ...allocation };
  const applied: string[] = [];
  let optimalLengthBonus: number | null = null;
  for (const rec of recommendations) {
    if (rec.trait === 'optimal_length') {
      optimalLengthBonus = rec.multiplier;
      applied.push(rec.trait);
    } else if (rec.trait === 'content_type' && Object.hasOwn(adjusted, rec.contentType)) {
      adjusted[rec.contentType] = (adjusted[rec.contentType] ?? 0) * rec.multiplier;
      applied.push(`content_type:${rec.contentType}`);
    }
  }
  return { allocation: adjusted, optimalLengthBonus, applied };
};

/**
 * Applies the `content_type` recommendations to integer content allocations and re-apportions
 * them so they still sum to `total` (the day's revenue quota, items): each type with a positive
 * count is weighted `count x multiplier` (multipliers of repeated recommendations multiply) and
 * `total` is split by the largest-remainder method (ties by content type name). Types with a
 * count <= 0 (e.g. ranked AVOID) get 0 and absent types stay absent. When no type has a positive
 * count there is nothing to scale: the counts come back unchanged. `total` is rounded to a whole
 * number >= 0.
 *
 * Source: seed 000 task 3.3 (`apply_volume_increases`), gap 4.1 ("+20-30 %").
 *
 * @since 0.1.0
 * @category analytics
 */
export const applyContentIncreasesToCounts = (
  counts: Readonly<Record<string, number>>,
  recommendations: ReadonlyArray<TraitRecommendation>,
  total: number,
): Readonly<Record<string, number>> => {
  const positive = Object.keys(counts)
    .filter((k) => (counts[k] ?? 0) > 0)
    .sort();
  if (positive.length === 0) return { ...counts };
  const multiplier = (k: string) =>
    recommendations.reduce(
      (acc, r) => (r.trait === 'content_type' && r.contentType === k ? acc * r.multiplier : acc),
      1,
    );
  const parts = apportion(
    Math.max(0, Math.round(total)),
    positive.map((k) => (counts[k] ?? 0) * multiplier(k)),
  );
  const share = new Map(positive.map((k, i) => [k, parts[i] ?? 0]));
  return Object.fromEntries(Object.keys(counts).map((k) => [k, share.get(k) ?? 0]));
};
