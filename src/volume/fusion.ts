/**
 * Multi-horizon fusion of 7d / 14d / 30d scores. Source: seed 001 §1.2.1 module 2.
 *
 * @module
 */
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import type { HorizonScores, PerformanceTrends } from '../domain/types';

/**
 * Fused scores.
 *
 * @since 0.1.0
 * @category volume
 */
export interface FusedScores {
  /** 0-100. */
  readonly fusedSaturation: number;
  /** 0-100. */
  readonly fusedOpportunity: number;
  /** 7d and 30d saturation or opportunity differ by 15 points or more. */
  readonly divergenceDetected: boolean;
  /** Weights used per horizon after renormalisation. */
  readonly weights: Readonly<Record<'7d' | '14d' | '30d', number>>;
}

/**
 * Fuses the horizons with `policy.volume.fusion`: weights 0.30 / 0.50 / 0.20 (7d / 14d / 30d), or
 * 0.50 / 0.35 / 0.15 when the 7d and 30d scores diverge by 15 points or more; missing horizons
 * are left out and the remaining weights renormalised. Returns `null` when no horizon is present.
 *
 * Source: seed 001 §1.2.1 "Multi-Horizon Fusion"; issue 3 text for the weights.
 *
 * @since 0.1.0
 * @category volume
 */
export const fuseHorizons = (
  trends: PerformanceTrends,
  policy: Pick<SchedulePolicy, 'volume'> = DEFAULT_POLICY,
): FusedScores | null => {
  const { weights: DEFAULT_WEIGHTS, divergentWeights: DIVERGENT_WEIGHTS } = policy.volume.fusion;
  const DIVERGENCE_POINTS = policy.volume.fusion.divergencePoints;
  const h = trends.horizons;
  const present = (['7d', '14d', '30d'] as const).filter((k) => h[k] != null);
  if (present.length === 0) return null;
  const s7 = h['7d'];
  const s30 = h['30d'];
  const divergenceDetected =
    s7 != null &&
    s30 != null &&
    (Math.abs(s7.saturationScore - s30.saturationScore) >= DIVERGENCE_POINTS ||
      Math.abs(s7.opportunityScore - s30.opportunityScore) >= DIVERGENCE_POINTS);
  const base = divergenceDetected ? DIVERGENT_WEIGHTS : DEFAULT_WEIGHTS;
  const total = present.reduce((a, k) => a + base[k], 0);
  const weights = { '7d': 0, '14d': 0, '30d': 0 };
  for (const k of present) weights[k] = base[k] / total;
  const fuse = (f: (s: HorizonScores) => number) =>
    Math.round(present.reduce((a, k) => a + weights[k] * f(h[k] as HorizonScores), 0) * 10) / 10;
  return {
    fusedSaturation: fuse((s) => s.saturationScore),
    fusedOpportunity: fuse((s) => s.opportunityScore),
    divergenceDetected,
    weights,
  };
};
