/**
 * The learning signal of a week's outcome and its classification. The seed gives the signal's
 * range (-1..1) and what its bands mean, not its formula; the formula and its numbers are the
 * project's (`policy.records.learning`, docs/rulings.md "Records").
 *
 * Source: seed 004 `volume_adjustment_outcomes` ("Learning Signal Values"); RULINGS "Campaigns
 * and games" (learning signal).
 *
 * @module
 */
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import type { OutcomeClassification } from './types';

/**
 * The deltas a learning signal is computed from (the 004 "Deltas" columns); `null` (or any
 * non-finite number) when unknown.
 *
 * - `revenuePerSendChangePct`: percent change of revenue per send against the baseline.
 * - `saturationDelta`, `opportunityDelta`: outcome score - input score, points (0-100 scale).
 *
 * Source: seed 004 `volume_adjustment_outcomes` deltas.
 *
 * @example
 * const d: OutcomeDeltas = { revenuePerSendChangePct: 20, saturationDelta: -5, opportunityDelta: null };
 *
 * @since 0.2.0
 * @category records
 */
export interface OutcomeDeltas {
  /** Percent change of revenue per send against the baseline (`20` = +20 %), `null` when unknown. */
  readonly revenuePerSendChangePct: number | null;
  /** Outcome saturation score minus input saturation score, points on the 0-100 scale, `null` when unknown. */
  readonly saturationDelta: number | null;
  /** Outcome opportunity score minus input opportunity score, points on the 0-100 scale, `null` when unknown. */
  readonly opportunityDelta: number | null;
}

const clamp1 = (x: number): number => Math.min(1, Math.max(-1, x));
const known = (x: number | null | undefined): x is number =>
  typeof x === 'number' && Number.isFinite(x);

/**
 * The learning signal of a week's outcome, in -1..1: positive when the week improved on what it
 * was built from, negative when it degraded.
 *
 * Formula (with `L = policy.records.learning`): three parts, each clamped to -1..1,
 * - `r = revenuePerSendChangePct / L.revenuePerSendFullScalePct` (revenue per send rose: +),
 * - `s = -saturationDelta / L.scoreFullScalePoints` (the audience got less saturated: +),
 * - `o = opportunityDelta / L.scoreFullScalePoints` (more opportunity: +),
 *
 * and the signal is their mean weighted by `L.weights` (0.6 / 0.2 / 0.2) over the known parts
 * (an unknown part's weight is left out and the others renormalised). With no known part, or
 * known parts of weight 0, the signal is 0. Always finite, never outside -1..1; never throws.
 *
 * @example
 * learningSignalOf({ revenuePerSendChangePct: 25, saturationDelta: -5, opportunityDelta: 5 })
 * // 0.6 x 0.5 + 0.2 x 0.2 + 0.2 x 0.2 = 0.38
 *
 * Source: seed 004 "Learning Signal Values" (range and bands); policy `records.learning`.
 *
 * @since 0.2.0
 * @category records
 */
export const learningSignalOf = (
  deltas: OutcomeDeltas,
  policy: SchedulePolicy = DEFAULT_POLICY,
): number => {
  const L = policy.records.learning;
  const parts: ReadonlyArray<readonly [number | null, number, number]> = [
    [deltas.revenuePerSendChangePct, L.revenuePerSendFullScalePct, L.weights.revenuePerSend],
    [
      known(deltas.saturationDelta) ? -deltas.saturationDelta : null,
      L.scoreFullScalePoints,
      L.weights.saturation,
    ],
    [deltas.opportunityDelta, L.scoreFullScalePoints, L.weights.opportunity],
  ];
  let sum = 0;
  let weight = 0;
  for (const [value, scale, w] of parts) {
    if (!known(value) || !(w > 0) || !(scale > 0)) continue;
    sum += w * clamp1(value / scale);
    weight += w;
  }
  const signal = weight > 0 ? clamp1(sum / weight) : 0;
  return Number.isFinite(signal) ? signal : 0;
};

/**
 * The classification of a learning signal: `improved` above `policy.records.learning.neutralBand`
 * (0.1), `degraded` below minus it, else `neutral` (a non-finite signal is `neutral`).
 *
 * @example
 * classifyOutcome(0.38) // 'improved'
 * classifyOutcome(-0.05) // 'neutral'
 *
 * Source: seed 004 `outcome_classification` (improved, degraded, neutral); policy
 * `records.learning.neutralBand`.
 *
 * @since 0.2.0
 * @category records
 */
export const classifyOutcome = (
  signal: number,
  policy: SchedulePolicy = DEFAULT_POLICY,
): OutcomeClassification => {
  const band = policy.records.learning.neutralBand;
  if (!Number.isFinite(signal)) return 'neutral';
  return signal > band ? 'improved' : signal < -band ? 'degraded' : 'neutral';
};
