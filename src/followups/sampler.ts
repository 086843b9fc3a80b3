/**
 * The follow-up delay: a truncated normal on [15, 45] minutes with mean 28 and standard
 * deviation 8, drawn by inverse CDF from the seeded generator and rounded to whole minutes.
 *
 * Source: seed 003 task 2.3 (RULINGS "Follow-ups" window).
 *
 * @module
 */
import jStat from 'jstat';
import type { SchedulePolicy } from '../domain/policy';
import { nextFloat, type Rng } from '../random/rng';

/**
 * The part of the policy the delay is drawn from (`policy.followups`), all in minutes.
 *
 * @since 0.1.0
 * @category followups
 */
export type FollowupDelayPolicy = Pick<
  SchedulePolicy['followups'],
  'minDelayMinutes' | 'maxDelayMinutes' | 'meanDelayMinutes' | 'sdDelayMinutes'
>;

/**
 * The truncated normal distribution of the follow-up delay, in minutes.
 *
 * - `pdf(x)`, `cdf(x)`: density and distribution of the continuous delay on `[lower, upper]`
 *   (0 below, 1 above).
 * - `roundedCdf(k)`: `P(delay <= k)` for the whole-minute delay `sampleFollowupDelay` returns.
 * - `inv(p)`: quantile of the continuous delay, `p` in [0, 1].
 * - `mean`: mean of the continuous truncated distribution.
 *
 * @since 0.1.0
 * @category followups
 */
export interface FollowupDelayDistribution {
  /** Lower truncation point, minutes (`minDelayMinutes`, 15). */
  readonly lower: number;
  /** Upper truncation point, minutes (`maxDelayMinutes`, 45). */
  readonly upper: number;
  /** Mean of the continuous truncated distribution, minutes. */
  readonly mean: number;
  /** Density of the continuous delay at `x` minutes (0 outside `[lower, upper]`). */
  readonly pdf: (x: number) => number;
  /** `P(delay <= x)` for the continuous delay (0 below `lower`, 1 above `upper`). */
  readonly cdf: (x: number) => number;
  /** `P(delay <= k)` for the whole-minute delay `sampleFollowupDelay` returns. */
  readonly roundedCdf: (k: number) => number;
  /** Quantile of the continuous delay, minutes, for `p` in [0, 1] (clamped). */
  readonly inv: (p: number) => number;
}

/**
 * The truncated normal of the follow-up delay, built on `jStat.normal`.
 *
 * Source: seed 003 task 2.3; RULINGS "Follow-ups".
 *
 * @example
 * followupDelayDistribution(DEFAULT_POLICY.followups).cdf(45) // 1
 *
 * @since 0.1.0
 * @category followups
 */
export const followupDelayDistribution = (
  policy: FollowupDelayPolicy,
): FollowupDelayDistribution => {
  const {
    minDelayMinutes: a,
    maxDelayMinutes: b,
    meanDelayMinutes: mu,
    sdDelayMinutes: sd,
  } = policy;
  const phiA = jStat.normal.cdf(a, mu, sd);
  const phiB = jStat.normal.cdf(b, mu, sd);
  const z = phiB - phiA;
  const cdf = (x: number): number => {
    if (x <= a) return 0;
    if (x >= b) return 1;
    return (jStat.normal.cdf(x, mu, sd) - phiA) / z;
  };
  const pdf = (x: number): number => (x < a || x > b ? 0 : jStat.normal.pdf(x, mu, sd) / z);
  const inv = (p: number): number => {
    const q = Math.min(1, Math.max(0, p));
    return Math.min(b, Math.max(a, jStat.normal.inv(phiA + q * z, mu, sd)));
  };
  // Mean of a truncated normal: mu + sd * (phi(alpha) - phi(beta)) / Z.
  const mean = mu + (sd * sd * (jStat.normal.pdf(a, mu, sd) - jStat.normal.pdf(b, mu, sd))) / z;
  const lo = Math.ceil(a);
  const hi = Math.floor(b);
  const roundedCdf = (k: number): number => {
    if (k < lo) return 0;
    if (k >= hi) return 1;
    return cdf(Math.floor(k) + 0.5);
  };
  return { lower: a, upper: b, mean, pdf, cdf, roundedCdf, inv };
};

/**
 * Draws one follow-up delay in whole minutes and returns it with the next generator state.
 *
 * Inverse CDF: `u` uniform in `[Phi(a), Phi(b)]`, `x = Phi^-1(u)` (jStat), rounded to the
 * nearest minute and clamped to `[ceil(min), floor(max)]`. The same `rng` gives the same delay.
 *
 * Source: seed 003 task 2.3 (truncated normal, mean 28, sd 8); RULINGS "Follow-ups".
 *
 * @example
 * const [minutes, next] = sampleFollowupDelay(rngFrom('seed', 'c1', '2025-01-20_1', 'followup'), DEFAULT_POLICY.followups)
 *
 * @since 0.1.0
 * @category followups
 */
export const sampleFollowupDelay = (
  rng: Rng,
  policy: FollowupDelayPolicy,
): readonly [number, Rng] => {
  const [u, next] = nextFloat(rng);
  const x = followupDelayDistribution(policy).inv(u);
  const minutes = Math.min(
    Math.floor(policy.maxDelayMinutes),
    Math.max(Math.ceil(policy.minDelayMinutes), Math.round(x)),
  );
  return [minutes, next];
};
