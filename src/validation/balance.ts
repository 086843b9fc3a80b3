/**
 * Week-level balance and volume checks: category balance, revenue / engagement mix, the
 * confidence gate and the volume context.
 *
 * @module
 */
import { CATEGORIES, type Category } from '../domain/catalog';
import type { Issue } from '../domain/issues';
import type { ScheduleItem } from '../domain/types';
import { revenueMixOf } from '../volume/pageTypeMatrix';
import { groupBy, specOf, vIssue } from './helpers';
import type { ValidationInput } from './types';

const categoryOf = (i: ScheduleItem): Category => specOf(i)?.category ?? i.category;

const countByCategory = (items: ReadonlyArray<ScheduleItem>): Record<Category, number> => {
  const out: Record<Category, number> = { revenue: 0, engagement: 0, retention: 0 };
  for (const i of items) out[categoryOf(i)] = (out[categoryOf(i)] ?? 0) + 1;
  return out;
};

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Category balance of the week's allocated items: revenue >= `revenueMinShare` (30 %),
 * engagement >= `engagementMinShare` (25 %), retention <= `retentionMaxShare` (20 %).
 * Follow-ups are left out and reported apart in `details.followups`. One warning
 * `category_balance` per bound missed.
 *
 * Source: seed 001 phase 7 checkpoint; RULINGS "Validation" (category balance).
 *
 * @since 0.1.0
 * @category validation
 */
export const checkCategoryBalance = (input: ValidationInput): ReadonlyArray<Issue> => {
  const v = input.policy.validation;
  const allocated = input.items.filter((i) => !i.isFollowUp);
  const total = allocated.length;
  if (total === 0) return [];
  const counts = countByCategory(allocated);
  const followups = input.items.filter((i) => i.isFollowUp);
  const shares = Object.fromEntries(
    CATEGORIES.map((c) => [c, round3(counts[c] / total)]),
  ) as Record<Category, number>;
  const bounds: ReadonlyArray<{ category: Category; kind: 'min' | 'max'; bound: number }> = [
    { category: 'revenue', kind: 'min', bound: v.revenueMinShare },
    { category: 'engagement', kind: 'min', bound: v.engagementMinShare },
    { category: 'retention', kind: 'max', bound: v.retentionMaxShare },
  ];
  return bounds
    .filter((b) =>
      b.kind === 'min'
        ? counts[b.category] / total < b.bound
        : counts[b.category] / total > b.bound,
    )
    .map((b) =>
      vIssue(
        'warning',
        'category_balance',
        `${b.category} is ${Math.round(shares[b.category] * 100)} % of allocated items (${b.kind === 'min' ? 'minimum' : 'maximum'} ${Math.round(b.bound * 100)} %)`,
        {
          ...b,
          share: shares[b.category],
          counts,
          shares,
          allocatedItems: total,
          followups: { count: followups.length, byCategory: countByCategory(followups) },
        },
      ),
    );
};

/**
 * Revenue / engagement mix per day: revenue / (revenue + engagement) of the day's allocated
 * items against `revenueMixLowTier` (60 %) for the first (lowest) volume tier and
 * `revenueMixOtherTiers` (50 %) for the others, with `revenueMixTolerance` either side.
 * Warning `revenue_mix` per day outside the band; days without such items are skipped. The
 * arithmetic is the volume module's `revenueMixOf`.
 *
 * Source: seed 000 gap 3.1; RULINGS "Volume" (revenue / engagement mix).
 *
 * @since 0.1.0
 * @category validation
 */
export const checkRevenueMix = (input: ValidationInput): ReadonlyArray<Issue> => {
  const tier = input.volume.finalConfig.tier;
  return [
    ...groupBy(
      input.items.filter((i) => !i.isFollowUp),
      (i) => i.scheduledDate,
    ),
  ].flatMap(([date, g]) => {
    const c = countByCategory(g);
    const { share, target, tolerance, withinTolerance } = revenueMixOf(c, tier, input.policy);
    return share === null || withinTolerance
      ? []
      : [
          vIssue(
            'warning',
            'revenue_mix',
            `Revenue is ${Math.round(share * 100)} % of revenue + engagement items on ${date} (target ${Math.round(target * 100)} % +- ${Math.round(tolerance * 100)} %)`,
            {
              date,
              tier,
              share: round3(share),
              target,
              tolerance,
              revenue: c.revenue,
              engagement: c.engagement,
            },
          ),
        ];
  });
};

/**
 * Confidence gate: error `confidence_too_low` when the volume confidence is below
 * `policy.volume.failBelowConfidence` (0.3) and the caller gave no manual override; with the
 * override, info `confidence_override_applied`.
 *
 * Source: seed 001 consumption rule 5; RULINGS "Volume" (confidence).
 *
 * @since 0.1.0
 * @category validation
 */
export const checkConfidenceGate = (input: ValidationInput): ReadonlyArray<Issue> => {
  const { confidenceScore, messageCount } = input.volume;
  const min = input.policy.volume.failBelowConfidence;
  if (confidenceScore >= min) return [];
  return input.manualConfidenceOverride
    ? [
        vIssue(
          'info',
          'confidence_override_applied',
          `Confidence ${confidenceScore.toFixed(2)} is below ${min}; accepted by manual override`,
          { confidenceScore, messageCount, min },
        ),
      ]
    : [
        vIssue(
          'error',
          'confidence_too_low',
          `Confidence ${confidenceScore.toFixed(2)} is below ${min}; a manual override is required`,
          { confidenceScore, messageCount, min },
        ),
      ];
};

/**
 * Volume context: warning `divergence_detected` when the 7d and 30d horizons disagreed and
 * warning `elasticity_capped` when the revenue quota was capped by diminishing returns (each
 * deducts 1 by default).
 *
 * Source: seed 001 §1.2.1 consumption matrix (phase 7b: divergence and elasticity are warnings),
 * §7.3 `volume_metadata`.
 *
 * @since 0.1.0
 * @category validation
 */
export const checkVolumeContext = (input: ValidationInput): ReadonlyArray<Issue> => {
  const v = input.volume;
  return [
    ...(v.divergenceDetected
      ? [
          vIssue(
            'warning',
            'divergence_detected',
            'Saturation / opportunity horizons diverged; fused with divergence weights',
            { fusedSaturation: v.fusedSaturation, fusedOpportunity: v.fusedOpportunity },
          ),
        ]
      : []),
    ...(v.elasticityCapped
      ? [
          vIssue(
            'warning',
            'elasticity_capped',
            `Revenue quota capped at ${v.finalConfig.revenuePerDay} a day by diminishing returns (elasticity)`,
            {
              capRevenuePerDay: v.elasticity.capRevenuePerDay,
              adjustmentsApplied: v.adjustmentsApplied,
            },
          ),
        ]
      : []),
  ];
};
