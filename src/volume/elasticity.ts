/**
 * Elasticity bounds: the diminishing return of daily PPV revenue on daily PPV volume, fitted from
 * the creator's history, and the cap on revenue sends per day where one more send stops paying.
 *
 * Source: seed 001 §1.2.1 module 5 ("Elasticity Bounds -> diminishing returns check ->
 * elasticity_capped"; applied when there is sufficient volume history, else the check is skipped);
 * calibration: `../shared/real-data/README.md` "By PPVs per day" (3-4 a day 168.66 $/PPV, 5-6 a
 * day 232.50, 7+ a day 117.61: revenue per PPV falls past about 6 a day).
 *
 * @module
 */
import { linearRegression, linearRegressionLine, rSquared } from 'simple-statistics';
import { SEND_TYPES } from '../domain/catalog';
import { type Issue, issue } from '../domain/issues';
import { DEFAULT_POLICY } from '../domain/policy';
import { isIsoDate, isTimeZone } from '../domain/time';
import type { MassMessage } from '../domain/types';
import {
  freezeDeep,
  type HistoryIndex,
  historyIndexOf,
  localDaysOf,
  policyKey,
} from './historyIndex';

/**
 * The numbers of the elasticity check.
 *
 * @since 0.1.0
 * @category volume
 */
export interface ElasticityPolicy {
  /** Days of history before `asOf` read for the fit (local calendar days). */
  readonly historyDays: number;
  /** Days a volume level (PPV sends per day) needs before it counts. */
  readonly minDaysPerLevel: number;
  /** Counted volume levels needed for a fit. */
  readonly minLevels: number;
  /** Minimum R^2 of the fit over the days (0-1). */
  readonly minRSquared: number;
  /** A send must earn at least this share of the mean revenue per PPV send (0-1). */
  readonly minMarginalShare: number;
}

/**
 * Default elasticity policy.
 *
 * @since 0.1.0
 * @category volume
 */
export const DEFAULT_ELASTICITY_POLICY: ElasticityPolicy = DEFAULT_POLICY.elasticity;

/**
 * One local day of PPV sends: the revenue sends (`SEND_TYPES[key].category === 'revenue'`) with
 * a price above 0, and their total earnings.
 *
 * @since 0.1.0
 * @category volume
 */
export interface DailyPpvVolume {
  /** Local date `YYYY-MM-DD` in the creator's zone. */
  readonly date: string;
  /** PPV sends that day. */
  readonly ppvCount: number;
  /** Earnings of those sends, USD. */
  readonly earnings: number;
}

/**
 * One volume level: the days with the same number of PPV sends.
 *
 * @since 0.1.0
 * @category volume
 */
export interface ElasticityLevel {
  /** PPV sends per day. */
  readonly v: number;
  /** Days at this level in the window. */
  readonly days: number;
  /** Mean daily PPV earnings at this level, USD. */
  readonly meanRevenue: number;
  /** `meanRevenue / v`, USD per send. */
  readonly revenuePerSend: number;
  /** Whether the level has `minDaysPerLevel` days and enters the fit. */
  readonly counted: boolean;
}

/**
 * The fitted curve: daily revenue `R(v) = a + b ln(v)` in USD, `v` in sends per day.
 *
 * @since 0.1.0
 * @category volume
 */
export interface ElasticityFit {
  /** USD per day at one send. */
  readonly a: number;
  /** USD per day per unit of `ln(v)`. */
  readonly b: number;
  /** R^2 over the counted days (0-1). */
  readonly rSquared: number;
}

/**
 * Why the check was skipped:
 * - `insufficient_volume_levels`: fewer than `minLevels` levels of `minDaysPerLevel` days;
 * - `no_positive_response`: the fitted `b <= 0` (more sends do not earn more: no
 *   diminishing-return curve to cap on);
 * - `poor_fit`: `b > 0` but R^2 below `minRSquared`.
 *
 * @since 0.1.0
 * @category volume
 */
export type ElasticitySkipReason =
  | 'insufficient_volume_levels'
  | 'no_positive_response'
  | 'poor_fit';

/**
 * The fields every `ElasticityResult` carries, fitted or skipped: the levels seen, the mean
 * revenue per PPV send and the marginal-revenue threshold.
 *
 * Source: seed 001 §1.2.1 module 5.
 *
 * @since 0.3.0
 * @category volume
 */
export interface ElasticityCommon {
  /** Every level seen in the window (days with at least one PPV), by `v`. */
  readonly levels: ReadonlyArray<ElasticityLevel>;
  /** Window earnings over window PPV sends, USD per send; 0 without PPV sends. */
  readonly meanRevenuePerSend: number;
  /** `minMarginalShare x meanRevenuePerSend`, USD per send. */
  readonly thresholdUsd: number;
}

/**
 * Result of `calculateElasticity`. `fitted`: a good curve and the cap in sends per day.
 * `skipped`: the reason; `fit` is kept when one was computed (`poor_fit`,
 * `no_positive_response`), `capRevenuePerDay` is `null`.
 *
 * @since 0.1.0
 * @category volume
 */
export type ElasticityResult =
  | (ElasticityCommon & {
      /** A good curve was fitted and the cap computed. */
      readonly status: 'fitted';
      /** Always `null` for a fitted result. */
      readonly reason: null;
      /** The fitted curve, daily revenue `R(v) = a + b ln(v)` in USD. */
      readonly fit: ElasticityFit;
      /** Largest revenue sends per day whose marginal revenue reaches the threshold (>= 1). */
      readonly capRevenuePerDay: number;
    })
  | (ElasticityCommon & {
      /** No cap: too few levels, no positive response or a poor fit. */
      readonly status: 'skipped';
      /** Why the check was skipped. */
      readonly reason: ElasticitySkipReason;
      /** The curve when one was computed (`poor_fit`, `no_positive_response`), else `null`. */
      readonly fit: ElasticityFit | null;
      /** Always `null`: no cap when skipped. */
      readonly capRevenuePerDay: null;
    });

/**
 * Revenue sends per day after the elasticity cap.
 *
 * @since 0.1.0
 * @category volume
 */
export interface ElasticityApplication {
  /** Revenue sends per day. */
  readonly revenuePerDay: number;
  /** True when the cap lowered the planned count (001 `elasticity_capped`). */
  readonly capped: boolean;
}

/**
 * PPV sends and their earnings per local date, for each of the `days` dates before `asOf`
 * (oldest first, days without PPV included with 0). A PPV send is a send whose type has
 * category `revenue` with a price above 0 (follow-ups are retention sends and free revenue posts
 * earn no unlock, so neither counts); the day is the send's local date in `timeZone`, so a send
 * at 23:30 local on the 1st counts on the 1st even when UTC is already the 2nd. Sends with an
 * unreadable instant or non-finite earnings are ignored; an invalid zone or date, or `days`
 * not a finite number >= 1, gives `[]`.
 *
 * Source: seed 001 §1.2.1 module 5.
 *
 * @since 0.1.0
 * @category volume
 */
export const dailyPpvVolumes = (
  history: ReadonlyArray<MassMessage>,
  timeZone: string,
  asOf: string,
  days: number,
): ReadonlyArray<DailyPpvVolume> =>
  dailyPpvVolumesOf(historyIndexOf(history), timeZone, asOf, days).map((d) => ({ ...d }));

/**
 * `dailyPpvVolumes` over a history index, memoised per zone, date and day count (frozen).
 *
 * @internal
 */
export const dailyPpvVolumesOf = (
  index: HistoryIndex,
  timeZone: string,
  asOf: string,
  days: number,
): ReadonlyArray<DailyPpvVolume> => {
  if (!isTimeZone(timeZone) || !isIsoDate(asOf) || !(days >= 1) || !Number.isFinite(days))
    return [];
  return index.memo(`ppvDays\u0000${asOf}\u0000${days}\u0000${timeZone}`, () => {
    const { dates, dayIndex } = localDaysOf(index, asOf, days, timeZone);
    // per local date, in history order: PPV sends and their earnings
    const ppvCount = new Float64Array(dates.length);
    const earnings = new Float64Array(dates.length);
    const { history } = index;
    for (let i = 0; i < history.length; i++) {
      if (!(i in history)) continue; // a hole is skipped, as forEach skips it
      const m = history[i] as MassMessage;
      if (
        !(
          SEND_TYPES[m.sendTypeKey]?.category === 'revenue' &&
          m.price !== null &&
          m.price > 0 &&
          Number.isFinite(m.earnings)
        )
      )
        continue;
      const d = dayIndex[i] as number;
      if (d < 0) continue;
      ppvCount[d] = (ppvCount[d] as number) + 1;
      earnings[d] = (earnings[d] as number) + m.earnings;
    }
    return Object.freeze(
      dates.map((date, d) =>
        Object.freeze({
          date,
          ppvCount: ppvCount[d] as number,
          earnings: earnings[d] as number,
        }),
      ),
    );
  });
};

/**
 * Marginal revenue of the `v`-th send of a day on a fit, USD: `R(v) - R(v - 1) = b ln(v / (v - 1))`
 * (the discrete difference, not the derivative). `Infinity` for `v <= 1` (the first send has no
 * `R(0)` on a log curve and is always allowed).
 *
 * @since 0.1.0
 * @category volume
 */
export const marginalRevenuePerSend = (fit: ElasticityFit, v: number): number =>
  v <= 1 ? Number.POSITIVE_INFINITY : fit.b * Math.log(v / (v - 1));

/**
 * Largest `v >= 1` with `b ln(v / (v - 1)) >= thresholdUsd`, in closed form:
 * `v <= 1 / (1 - exp(-thresholdUsd / b))`. `null` when `b <= 0`; `null` too when the threshold is
 * 0 or the bound is not finite (no send falls below the threshold: nothing to cap).
 */
const capFromSlope = (b: number, thresholdUsd: number): number | null => {
  if (!(b > 0) || !(thresholdUsd > 0)) return null;
  const bound = 1 / -Math.expm1(-thresholdUsd / b);
  if (!Number.isFinite(bound)) return null;
  // guard the floor against rounding: check the marginal on each side of it
  let v = Math.max(1, Math.floor(bound));
  const fit = { a: 0, b, rSquared: 1 };
  while (v > 1 && marginalRevenuePerSend(fit, v) < thresholdUsd) v--;
  while (marginalRevenuePerSend(fit, v + 1) >= thresholdUsd) v++;
  return v;
};

/**
 * The elasticity check of seed 001 §1.2.1 module 5.
 *
 * 1. `dailyPpvVolumes` over `policy.historyDays` local days before `asOf`; days without PPV are
 *    left out.
 * 2. Days are grouped by PPV count `v` into levels; a level counts with `minDaysPerLevel` days;
 *    fewer than `minLevels` counted levels: skipped, `insufficient_volume_levels`.
 * 3. `R(v) = a + b ln(v)` by least squares over the counted days, each day one point (the same
 *    `a` and `b` as the level means weighted by their day counts, while R^2 keeps the day-to-day
 *    noise); simple-statistics `linearRegression` and `rSquared`. At least 2 levels are needed
 *    whatever `minLevels` says.
 * 4. `b <= 0`: skipped, `no_positive_response`; R^2 below `minRSquared`: skipped, `poor_fit`.
 * 5. Threshold = `minMarginalShare x meanRevenuePerSend` (all PPV sends of the window);
 *    `capRevenuePerDay` = the largest `v >= 1` whose marginal revenue `b ln(v / (v - 1))` reaches
 *    it (`v / (v - 1) >= exp(threshold / b)`). A cap that would be unbounded (threshold 0) makes
 *    the check `no_positive_response`.
 *
 * Units: USD, sends per day. Pure, never throws; an invalid zone or date reads as no history.
 * The result is frozen (it is computed once per frozen history, zone, date and policy).
 *
 * Source: seed 001 §1.2.1 module 5 ("Sufficient volume history" else "Skip check");
 * real-data README "By PPVs per day".
 *
 * @example
 * // 4 days at each of 1..10 PPVs a day earning about 50 + 120 ln(v) USD
 * calculateElasticity(history, 'America/New_York', '2025-03-03')
 * // { status: 'fitted', reason: null, fit: { a: ~50, b: ~120, rSquared: ~0.99 },
 * //   meanRevenuePerSend: ~42, thresholdUsd: ~16.8, capRevenuePerDay: 7, levels: [...] }
 *
 * @since 0.1.0
 * @category volume
 */
export const calculateElasticity = (
  history: ReadonlyArray<MassMessage>,
  timeZone: string,
  asOf: string,
  policy: ElasticityPolicy = DEFAULT_ELASTICITY_POLICY,
): ElasticityResult => elasticityOf(historyIndexOf(history), timeZone, asOf, policy);

/**
 * `calculateElasticity` over a history index, memoised per zone, date and elasticity policy
 * (the result is frozen).
 *
 * @internal
 */
export const elasticityOf = (
  index: HistoryIndex,
  timeZone: string,
  asOf: string,
  policy: ElasticityPolicy,
): ElasticityResult =>
  index.memo(`elasticity\u0000${asOf}\u0000${timeZone}\u0000${policyKey(policy)}`, () =>
    freezeDeep(fitElasticity(index, timeZone, asOf, policy)),
  );

/** The elasticity check of `calculateElasticity`, on the index's daily PPV volumes. */
const fitElasticity = (
  index: HistoryIndex,
  timeZone: string,
  asOf: string,
  policy: ElasticityPolicy,
): ElasticityResult => {
  const days = dailyPpvVolumesOf(index, timeZone, asOf, policy.historyDays).filter(
    (d) => d.ppvCount > 0,
  );
  const totalSends = days.reduce((s, d) => s + d.ppvCount, 0);
  const totalEarnings = days.reduce((s, d) => s + d.earnings, 0);
  const meanRevenuePerSend = totalSends > 0 ? totalEarnings / totalSends : 0;
  const thresholdUsd = policy.minMarginalShare * meanRevenuePerSend;

  const byLevel = new Map<number, number[]>();
  for (const d of days) byLevel.set(d.ppvCount, [...(byLevel.get(d.ppvCount) ?? []), d.earnings]);
  const levels: ReadonlyArray<ElasticityLevel> = [...byLevel]
    .sort(([x], [y]) => x - y)
    .map(([v, earnings]) => {
      const meanRevenue = earnings.reduce((s, e) => s + e, 0) / earnings.length;
      return {
        v,
        days: earnings.length,
        meanRevenue,
        revenuePerSend: meanRevenue / v,
        counted: earnings.length >= policy.minDaysPerLevel,
      };
    });
  const common = { levels, meanRevenuePerSend, thresholdUsd };
  const skip = (reason: ElasticitySkipReason, fit: ElasticityFit | null): ElasticityResult => ({
    ...common,
    status: 'skipped',
    reason,
    fit,
    capRevenuePerDay: null,
  });

  const counted = new Set(levels.filter((l) => l.counted).map((l) => l.v));
  if (counted.size < Math.max(2, policy.minLevels)) return skip('insufficient_volume_levels', null);
  const points = days
    .filter((d) => counted.has(d.ppvCount))
    .map((d): [number, number] => [Math.log(d.ppvCount), d.earnings]);
  const line = linearRegression(points);
  const r2 = rSquared(points, linearRegressionLine(line));
  const fit: ElasticityFit = {
    a: line.b,
    b: line.m,
    rSquared: Number.isFinite(r2) ? r2 : 0,
  };
  if (!(fit.b > 0)) return skip('no_positive_response', fit);
  if (fit.rSquared < policy.minRSquared) return skip('poor_fit', fit);
  const cap = capFromSlope(fit.b, thresholdUsd);
  if (cap === null) return skip('no_positive_response', fit);
  return { ...common, status: 'fitted', reason: null, fit, capRevenuePerDay: cap };
};

/**
 * Caps planned revenue sends per day at the elasticity cap, never below the lower bound and
 * never above the plan: `capped ? min(planned, max(lower, cap)) : planned`, where `capped` means
 * the result is below the plan. A skipped check never caps.
 *
 * `bounds` is `[lower, upper]` revenue sends per day (`policy.volume.bounds.revenue`, 1-10).
 *
 * Source: seed 001 §1.2.1 module 5 (`elasticity_capped`), phase 1 checkpoint (revenue 1-10).
 *
 * @since 0.1.0
 * @category volume
 */
export const applyElasticityCap = (
  plannedRevenuePerDay: number,
  elasticity: ElasticityResult,
  bounds: readonly [number, number],
): ElasticityApplication => {
  if (elasticity.status !== 'fitted') return { revenuePerDay: plannedRevenuePerDay, capped: false };
  const revenuePerDay = Math.min(
    plannedRevenuePerDay,
    Math.max(bounds[0], elasticity.capRevenuePerDay),
  );
  return { revenuePerDay, capped: revenuePerDay < plannedRevenuePerDay };
};

/**
 * Issues of the check: `elasticity_skipped` (info) with `{ reason, why, levels, rSquared }` when
 * the check was skipped, else none. A cap is reported once, by phase 7 as the `elasticity_capped`
 * warning read from the volume result (001 consumption matrix), and in the volume audit trail.
 *
 * Source: seed 001 §1.2.1 module 5 ("Skip check").
 *
 * @since 0.1.0
 * @category volume
 */
export const elasticityIssues = (elasticity: ElasticityResult): ReadonlyArray<Issue> => {
  if (elasticity.status === 'skipped') {
    const counted = elasticity.levels.filter((l) => l.counted).length;
    const why = {
      insufficient_volume_levels: `${counted} volume level(s) with enough days`,
      no_positive_response: 'revenue does not rise with PPV volume',
      poor_fit: `the curve explains too little (R^2 ${elasticity.fit?.rSquared.toFixed(2)})`,
    }[elasticity.reason];
    return [
      issue('elasticity_skipped', {
        reason: elasticity.reason,
        why,
        levels: counted,
        rSquared: elasticity.fit?.rSquared ?? null,
      }),
    ];
  }
  return [];
};
