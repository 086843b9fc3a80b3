/**
 * The game type success tracker: which game type a creator's `game_post` should use, from the
 * population benchmarks updated with the creator's own game history (a sample-size weighted
 * Bayesian update), and which game types to avoid.
 *
 * Source: seed 000 task 3.6 (`GAME_BENCHMARKS`, `GameTypeTracker.get_recommendations`,
 * `get_game_frequency`) and gap 7.2; RULINGS "Campaigns and games" (benchmark priors, avoid list
 * below $1,000); ISSUE-NOTES issue 6 (the confidence intervals are data, copied as given).
 *
 * @module
 */
import { mean } from 'simple-statistics';
import { GAME_TYPES, type GameType, isGameType } from '../domain/catalog';
import { showReceived } from '../domain/decode';
import { deepFreeze } from '../domain/freeze';
import { type Issue, issue } from '../domain/issues';
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import { isIsoDate } from '../domain/time';

/**
 * How often a game type should run: `weekly`, or `bi-weekly_or_stop` (every two weeks at most,
 * or not at all). Source: 000 task 3.6 `recommended_frequency`.
 *
 * @example
 * const f: GameFrequency = 'weekly';
 *
 * @since 0.3.0
 * @category analytics
 */
export type GameFrequency = 'weekly' | 'bi-weekly_or_stop';

/**
 * The benchmark performance tier of a game type. Source: 000 task 3.6 `performance_tier`.
 *
 * @example
 * const t: GamePerformanceTier = 'top';
 *
 * @since 0.3.0
 * @category analytics
 */
export type GamePerformanceTier = 'top' | 'mid' | 'low' | 'avoid';

/**
 * The population benchmark of one game type.
 *
 * - `avgEarnings`, `stdDev`, `ci95Lower`, `ci95Upper`: USD per game post.
 * - `sampleSize`: number of game posts behind the benchmark (the prior's weight).
 * - `ci95Lower`, `ci95Upper`: the seed's 95 % confidence interval, data (never recomputed).
 *
 * Source: 000 task 3.6 `GAME_BENCHMARKS` rows.
 *
 * @example
 * const b: GameBenchmark = GAME_BENCHMARKS.prize_wheel; // b.avgEarnings === 2500
 *
 * @since 0.3.0
 * @category analytics
 */
export interface GameBenchmark {
  /** Mean earnings of a game post of the type, USD; the Bayesian prior mean. Source: 000 task 3.6 `avg_earnings`. */
  readonly avgEarnings: number;
  /** Standard deviation of the earnings, USD (data; the update does not read it). Source: 000 task 3.6 `std_dev`. */
  readonly stdDev: number;
  /** Number of game posts behind the benchmark: the prior's weight in the update. Source: 000 task 3.6 `sample_size`. */
  readonly sampleSize: number;
  /** Lower end of the seed's 95 % confidence interval of the mean, USD (data, never recomputed). Source: 000 task 3.6 `ci_95_lower`. */
  readonly ci95Lower: number;
  /** Upper end of the seed's 95 % confidence interval of the mean, USD (data, never recomputed). Source: 000 task 3.6 `ci_95_upper`. */
  readonly ci95Upper: number;
  /** How often the type should run. Source: 000 task 3.6 `recommended_frequency`. */
  readonly recommendedFrequency: GameFrequency;
  /** The type's benchmark tier. Source: 000 task 3.6 `performance_tier`. */
  readonly performanceTier: GamePerformanceTier;
}

/**
 * The benchmarks of every game type, one row each (USD per game post), deep-frozen. The
 * confidence intervals are the seed's literals (ISSUE-NOTES issue 6).
 *
 * Source: 000 task 3.6 `GAME_BENCHMARKS`.
 *
 * @example
 * GAME_BENCHMARKS.spin_the_wheel.avgEarnings // 5178.5
 * GAME_BENCHMARKS.card_game.recommendedFrequency // 'bi-weekly_or_stop'
 *
 * @since 0.3.0
 * @category analytics
 */
export const GAME_BENCHMARKS: Readonly<Record<GameType, GameBenchmark>> = deepFreeze({
  // 000 task 3.6 GAME_BENCHMARKS['spin_the_wheel'] (gap 7.2: the top game type).
  spin_the_wheel: {
    avgEarnings: 5178.5, // 000 task 3.6 'avg_earnings': 5178.50
    stdDev: 2500, // 000 task 3.6 'std_dev': 2500.00
    sampleSize: 45, // 000 task 3.6 'sample_size': 45
    ci95Lower: 4432, // 000 task 3.6 'ci_95_lower': 4432.0
    ci95Upper: 5925, // 000 task 3.6 'ci_95_upper': 5925.0
    recommendedFrequency: 'weekly', // 000 task 3.6 'recommended_frequency': 'weekly'
    performanceTier: 'top', // 000 task 3.6 'performance_tier': 'top'
  },
  // 000 task 3.6 GAME_BENCHMARKS['prize_wheel'].
  prize_wheel: {
    avgEarnings: 2500, // 000 task 3.6 'avg_earnings': 2500.00
    stdDev: 1200, // 000 task 3.6 'std_dev': 1200.00
    sampleSize: 38, // 000 task 3.6 'sample_size': 38
    ci95Lower: 2110, // 000 task 3.6 'ci_95_lower': 2110.0
    ci95Upper: 2890, // 000 task 3.6 'ci_95_upper': 2890.0
    recommendedFrequency: 'weekly', // 000 task 3.6 'recommended_frequency': 'weekly'
    performanceTier: 'mid', // 000 task 3.6 'performance_tier': 'mid'
  },
  // 000 task 3.6 GAME_BENCHMARKS['mystery_box'].
  mystery_box: {
    avgEarnings: 3000, // 000 task 3.6 'avg_earnings': 3000.00
    stdDev: 1400, // 000 task 3.6 'std_dev': 1400.00
    sampleSize: 32, // 000 task 3.6 'sample_size': 32
    ci95Lower: 2502, // 000 task 3.6 'ci_95_lower': 2502.0
    ci95Upper: 3498, // 000 task 3.6 'ci_95_upper': 3498.0
    recommendedFrequency: 'weekly', // 000 task 3.6 'recommended_frequency': 'weekly'
    performanceTier: 'mid', // 000 task 3.6 'performance_tier': 'mid'
  },
  // 000 task 3.6 GAME_BENCHMARKS['scratch_off'].
  scratch_off: {
    avgEarnings: 1200, // 000 task 3.6 'avg_earnings': 1200.00
    stdDev: 600, // 000 task 3.6 'std_dev': 600.00
    sampleSize: 28, // 000 task 3.6 'sample_size': 28
    ci95Lower: 970, // 000 task 3.6 'ci_95_lower': 970.0
    ci95Upper: 1430, // 000 task 3.6 'ci_95_upper': 1430.0
    recommendedFrequency: 'weekly', // 000 task 3.6 'recommended_frequency': 'weekly'
    performanceTier: 'low', // 000 task 3.6 'performance_tier': 'low'
  },
  // 000 task 3.6 GAME_BENCHMARKS['card_game'] (gap 7.2: "$500 avg (low) -> bi-weekly or stop").
  card_game: {
    avgEarnings: 500, // 000 task 3.6 'avg_earnings': 500.00
    stdDev: 300, // 000 task 3.6 'std_dev': 300.00
    sampleSize: 22, // 000 task 3.6 'sample_size': 22
    ci95Lower: 370, // 000 task 3.6 'ci_95_lower': 370.0
    ci95Upper: 630, // 000 task 3.6 'ci_95_upper': 630.0
    recommendedFrequency: 'bi-weekly_or_stop', // 000 task 3.6 'recommended_frequency': 'bi-weekly_or_stop'
    performanceTier: 'avoid', // 000 task 3.6 'performance_tier': 'avoid'
  },
});

/**
 * One past game post of a creator.
 *
 * - `gameType`: one of `GAME_TYPES` (another string is skipped and reported).
 * - `earnings`: USD earned by the post (finite, >= 0).
 * - `date`: the post's local calendar date, `YYYY-MM-DD`.
 * - `creatorId`: a non-empty string.
 *
 * Source: 000 task 3.6 `GamePerformance`.
 *
 * @example
 * const p: GamePerformance = { gameType: 'spin_the_wheel', earnings: 4200, date: '2025-01-06', creatorId: 'c1' };
 *
 * @since 0.3.0
 * @category analytics
 */
export interface GamePerformance {
  /** The game type, one of `GAME_TYPES`; another string makes the record skipped and reported. */
  readonly gameType: string;
  /** USD the post earned (finite, >= 0). */
  readonly earnings: number;
  /** The post's local calendar date, `YYYY-MM-DD`. */
  readonly date: string;
  /** The creator who posted the game (a non-empty string). */
  readonly creatorId: string;
}

/**
 * The Bayesian estimate of one game type (000 task 3.6 `bayesian_estimates[game_type]`).
 *
 * - `posteriorMean`: USD, `(avgEarnings * sampleSize + observedMean * observedN) / effectiveN`.
 * - `effectiveN`: `sampleSize + observedN`.
 * - `creatorWeight`: `observedN / effectiveN`; `benchmarkWeight`: `sampleSize / effectiveN`.
 * - `observedMean` (USD) and `observedN`: the creator's own posts of the type.
 *
 * @example
 * // 2 posts of 3000 and 1000 USD on spin_the_wheel (45 at 5178.50):
 * // { posteriorMean: (5178.5 * 45 + 2000 * 2) / 47, effectiveN: 47, creatorWeight: 2 / 47, ... }
 *
 * @since 0.3.0
 * @category analytics
 */
export interface GameBayesianEstimate {
  /** USD: `(avgEarnings * sampleSize + observedMean * observedN) / effectiveN`. */
  readonly posteriorMean: number;
  /** The effective sample size, `sampleSize + observedN`. */
  readonly effectiveN: number;
  /** The share of the estimate from the creator's posts, `observedN / effectiveN` (0-1). */
  readonly creatorWeight: number;
  /** The share of the estimate from the benchmark, `sampleSize / effectiveN` (0-1). */
  readonly benchmarkWeight: number;
  /** The creator's mean earnings on the type, USD. */
  readonly observedMean: number;
  /** How many of the creator's usable posts are of the type (>= 1). */
  readonly observedN: number;
}

/**
 * The tracker's answer.
 *
 * - `source`: `bayesian_updated` when at least one usable record exists, else `benchmark`
 *   (the answer from the benchmarks alone).
 * - `recommended`, `worst`: the game types of highest and lowest estimate (posterior mean over
 *   the types with history; the benchmark average without history). Ties: the earlier type of
 *   `GAME_TYPES` wins.
 * - `reason`: for people (`Best performer ($2431.52 Bayesian avg)`).
 * - `avoid`: the types whose estimate is below `policy.games.avoidBelowUsd` (USD), in
 *   `GAME_TYPES` order.
 * - `frequencies`: every game type's `recommendedFrequency` (000 task 3.6 `get_game_frequency`).
 * - `rawAverages`: USD, the creator's mean earnings per type with history (`raw_averages`).
 * - `bayesianEstimates`: per type with history (`bayesian_estimates`).
 * - `issues`: one `game_record_skipped` warning per unusable record, its path naming the index.
 *
 * @example
 * getGameRecommendations([]).recommended // 'spin_the_wheel'
 *
 * @since 0.3.0
 * @category analytics
 */
export interface GameRecommendations {
  /** `bayesian_updated` when at least one usable record exists, else `benchmark` (benchmarks alone). */
  readonly source: 'benchmark' | 'bayesian_updated';
  /** The type of highest estimate (posterior mean with history, benchmark average without); ties: earlier in `GAME_TYPES`. */
  readonly recommended: GameType;
  /** The type of lowest estimate, by the same rule as `recommended`. */
  readonly worst: GameType;
  /** For people, e.g. `Best performer ($2431.52 Bayesian avg)` or `Highest benchmark earnings ($5,178)`. */
  readonly reason: string;
  /**
   * The types whose estimate is below `policy.games.avoidBelowUsd` (USD), in `GAME_TYPES` order;
   * with history only types the creator has posted are considered.
   */
  readonly avoid: ReadonlyArray<GameType>;
  /** Every game type's `recommendedFrequency` (000 task 3.6 `get_game_frequency`). */
  readonly frequencies: Readonly<Record<GameType, GameFrequency>>;
  /** The creator's mean earnings per type with history, USD (`raw_averages`); empty without history. */
  readonly rawAverages: Readonly<Partial<Record<GameType, number>>>;
  /** The Bayesian estimate per type with history (`bayesian_estimates`); empty without history. */
  readonly bayesianEstimates: Readonly<Partial<Record<GameType, GameBayesianEstimate>>>;
  /** One `game_record_skipped` warning per unusable record (path `history[i]...`), or `invalid_input` for a non-array history. */
  readonly issues: ReadonlyArray<Issue>;
}

type Field = 'record' | 'gameType' | 'earnings' | 'date' | 'creatorId';

const skip = (index: number, field: Field, expected: string, received: unknown): Issue =>
  issue(
    'game_record_skipped',
    { index, field, expected, received: showReceived(received) },
    field === 'record' ? `history[${index}]` : `history[${index}].${field}`,
  );

/** The first problem of a record, or its game type and earnings when it is usable. */
const readRecord = (
  r: unknown,
  index: number,
): { readonly ok: true; readonly gameType: GameType; readonly earnings: number } | Issue => {
  if (typeof r !== 'object' || r === null || Array.isArray(r))
    return skip(index, 'record', 'a game record', r);
  const { gameType, earnings, date, creatorId } = r as Record<string, unknown>;
  if (!isGameType(gameType))
    return skip(index, 'gameType', `one of ${GAME_TYPES.join(', ')}`, gameType);
  if (typeof earnings !== 'number' || !Number.isFinite(earnings) || earnings < 0)
    return skip(index, 'earnings', 'a finite number >= 0 (USD)', earnings);
  if (typeof date !== 'string' || !isIsoDate(date))
    return skip(index, 'date', 'a calendar date YYYY-MM-DD', date);
  if (typeof creatorId !== 'string' || creatorId === '')
    return skip(index, 'creatorId', 'a non-empty string', creatorId);
  return { ok: true, gameType, earnings };
};

/** The type of highest (`sign` 1) or lowest (`sign` -1) score; ties keep the earlier type. */
const extreme = (
  types: ReadonlyArray<GameType>,
  score: (t: GameType) => number,
  sign: 1 | -1,
): GameType =>
  types.reduce((best, t) => (sign * (score(t) - score(best)) > 0 ? t : best), types[0] as GameType);

const thousands = (usd: number): string =>
  Math.floor(usd)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * The seed's Bayesian update with a conjugate normal prior, simplified to sample-size weights
 * (the prior's standard deviation is not used): posterior mean
 * `(priorMean * priorN + observedMean * observedN) / (priorN + observedN)` and effective
 * sample size `priorN + observedN`.
 *
 * Source: 000 task 3.6 `bayesian_update`.
 */
const bayesianUpdate = (
  priorMean: number,
  priorN: number,
  observedMean: number,
  observedN: number,
): { readonly posteriorMean: number; readonly effectiveN: number } => {
  const totalN = priorN + observedN;
  return {
    posteriorMean: (priorMean * priorN + observedMean * observedN) / totalN,
    effectiveN: totalN,
  };
};

/**
 * Recommends the game type for a creator's `game_post` from their game history and the
 * benchmarks, as seed 000 task 3.6 `get_recommendations` computes it:
 *
 * 1. Records are read one by one; an unusable one (not an object, a game type outside
 *    `GAME_TYPES`, earnings that are not a finite number >= 0 USD, a date that is not a
 *    `YYYY-MM-DD` calendar date, an empty creator id) is skipped and reported as a
 *    `game_record_skipped` warning at `history[i]...`. A `history` that is not an array is
 *    read as empty and reported at `history`.
 * 2. Without a usable record: the benchmark answer (`source: 'benchmark'`): the type of highest
 *    `avgEarnings` (spin the wheel, "Highest benchmark earnings ($5,178)"), the avoid list of
 *    benchmark averages below the threshold (card game), the lowest as `worst`.
 * 3. Else, per game type with history: the creator's mean (simple-statistics `mean`), updated
 *    with the benchmark as prior weighted by its `sampleSize`; `recommended` and `worst` are the
 *    highest and lowest posterior means, `avoid` the types below `policy.games.avoidBelowUsd`.
 *
 * Ties go to the earlier type of `GAME_TYPES`; lists and records follow that order, so the
 * answer does not depend on the order of the history. Never throws: every problem is a value in
 * `issues`.
 *
 * Source: 000 task 3.6; RULINGS "Campaigns and games".
 *
 * @param history - the creator's past game posts (`GamePerformance`, USD).
 * @param benchmarks - the prior of each game type (default `GAME_BENCHMARKS`).
 * @param policy - reads `policy.games.avoidBelowUsd` (default `DEFAULT_POLICY`: 1000 USD).
 *
 * @example
 * getGameRecommendations([
 *   { gameType: 'spin_the_wheel', earnings: 3000, date: '2025-01-06', creatorId: 'c1' },
 *   { gameType: 'spin_the_wheel', earnings: 1000, date: '2025-01-13', creatorId: 'c1' },
 *   { gameType: 'card_game', earnings: 400, date: '2025-01-09', creatorId: 'c1' },
 * ])
 * // { source: 'bayesian_updated', recommended: 'spin_the_wheel', worst: 'card_game',
 * //   avoid: ['card_game'], bayesianEstimates: { spin_the_wheel: { posteriorMean: 5043.2446..., effectiveN: 47, ... }, ... } }
 *
 * @since 0.3.0
 * @category analytics
 */
export const getGameRecommendations = (
  history: ReadonlyArray<GamePerformance>,
  benchmarks: Readonly<Record<GameType, GameBenchmark>> = GAME_BENCHMARKS,
  policy: SchedulePolicy = DEFAULT_POLICY,
): GameRecommendations => {
  const threshold = policy.games.avoidBelowUsd;
  const frequencies = Object.fromEntries(
    GAME_TYPES.map((t) => [t, benchmarks[t].recommendedFrequency]),
  ) as Record<GameType, GameFrequency>;
  const issues: Issue[] = [];
  const earningsByType = new Map<GameType, number[]>();
  let rows: ReadonlyArray<unknown> = [];
  try {
    if (Array.isArray(history)) rows = history;
    else
      issues.push(
        issue(
          'invalid_input',
          { expected: 'an array of game records', received: showReceived(history) },
          'history',
        ),
      );
  } catch {
    issues.push(
      issue(
        'invalid_input',
        { expected: 'an array of game records', received: 'an unreadable value' },
        'history',
      ),
    );
  }
  for (let index = 0; index < rows.length; index++) {
    let read: ReturnType<typeof readRecord>;
    try {
      read = readRecord(rows[index], index);
    } catch {
      // A record that cannot be read (a getter that throws, a revoked Proxy).
      read = skip(index, 'record', 'a readable game record', 'an unreadable value');
    }
    if ('ok' in read) {
      const list = earningsByType.get(read.gameType) ?? [];
      list.push(read.earnings);
      earningsByType.set(read.gameType, list);
    } else issues.push(read);
  }

  const seen = GAME_TYPES.filter((t) => earningsByType.has(t));
  if (seen.length === 0) {
    const avg = (t: GameType): number => benchmarks[t].avgEarnings;
    const recommended = extreme(GAME_TYPES, avg, 1);
    return {
      source: 'benchmark',
      recommended,
      worst: extreme(GAME_TYPES, avg, -1),
      reason: `Highest benchmark earnings ($${thousands(avg(recommended))})`,
      avoid: GAME_TYPES.filter((t) => avg(t) < threshold),
      frequencies,
      rawAverages: {},
      bayesianEstimates: {},
      issues,
    };
  }

  const rawAverages: Partial<Record<GameType, number>> = {};
  const bayesianEstimates: Partial<Record<GameType, GameBayesianEstimate>> = {};
  for (const t of seen) {
    const earnings = earningsByType.get(t) as number[];
    const observedMean = mean(earnings);
    const observedN = earnings.length;
    const prior = benchmarks[t];
    const { posteriorMean, effectiveN } = bayesianUpdate(
      prior.avgEarnings,
      prior.sampleSize,
      observedMean,
      observedN,
    );
    rawAverages[t] = observedMean;
    bayesianEstimates[t] = {
      posteriorMean,
      effectiveN,
      creatorWeight: observedN / effectiveN,
      benchmarkWeight: prior.sampleSize / effectiveN,
      observedMean,
      observedN,
    };
  }
  const posterior = (t: GameType): number =>
    (bayesianEstimates[t] as GameBayesianEstimate).posteriorMean;
  const recommended = extreme(seen, posterior, 1);
  return {
    source: 'bayesian_updated',
    recommended,
    worst: extreme(seen, posterior, -1),
    reason: `Best performer ($${posterior(recommended).toFixed(2)} Bayesian avg)`,
    avoid: seen.filter((t) => posterior(t) < threshold),
    frequencies,
    rawAverages,
    bayesianEstimates,
    issues,
  };
};

/**
 * The recommended frequency of a game type (`weekly` or `bi-weekly_or_stop`), from the
 * benchmarks.
 *
 * Source: 000 task 3.6 `get_game_frequency`.
 *
 * @example
 * getGameFrequency('card_game') // 'bi-weekly_or_stop'
 *
 * @since 0.3.0
 * @category analytics
 */
export const getGameFrequency = (
  gameType: GameType,
  benchmarks: Readonly<Record<GameType, GameBenchmark>> = GAME_BENCHMARKS,
): GameFrequency => benchmarks[gameType].recommendedFrequency;
