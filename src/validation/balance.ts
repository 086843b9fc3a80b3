/**
 * Week-level checks: category balance, revenue / engagement mix, manual captions, the volume
 * accounting ("nothing lost"), the confidence gate and the volume context.
 *
 * @module
 */
import { CATEGORIES, type Category } from '../domain/catalog';
import { type Issue, issue, removedItemsOf } from '../domain/issues';
import { balanceViolations, categoryCounts } from '../domain/rules';
import type { ScheduleItem } from '../domain/types';
import { revenueMixOf } from '../volume/volumeTargets';
import { groupBy, specOf } from './helpers';
import type { ValidationInput } from './types';

const categoryOf = (i: ScheduleItem): Category => specOf(i)?.category ?? i.category;

const countByCategory = (items: ReadonlyArray<ScheduleItem>): Record<Category, number> =>
  categoryCounts(items.map((i) => ({ category: categoryOf(i) })));

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Category balance of the week's allocated items, a hard rule: revenue >= `revenueMinShare`
 * (30 %), engagement >= `engagementMinShare` (25 %), retention <= `retentionMaxShare` (20 %)
 * (`balanceViolations`). Follow-ups are left out and reported apart in `details.followups`. One
 * error `category_balance` per bound missed.
 *
 * Source: seed 001 phase 7 checkpoint; RULINGS "Validation" (category balance, a hard rule).
 *
 * @since 0.1.0
 * @category validation
 */
export const checkCategoryBalance = (input: ValidationInput): ReadonlyArray<Issue> => {
  const allocated = input.items.filter((i) => !i.isFollowUp);
  const total = allocated.length;
  if (total === 0) return [];
  const counts = countByCategory(allocated);
  const followups = input.items.filter((i) => i.isFollowUp);
  const shares = Object.fromEntries(
    CATEGORIES.map((c) => [c, round3(counts[c] / total)]),
  ) as Record<Category, number>;
  return balanceViolations(counts, input.policy).map((b) =>
    issue('category_balance', {
      ...b,
      share: round3(b.share),
      counts,
      shares,
      allocatedItems: total,
      followups: { count: followups.length, byCategory: countByCategory(followups) },
    }),
  );
};

/**
 * Revenue / engagement mix per day: revenue / (revenue + engagement) of the day's allocated
 * items against `revenueMixLowTier` (60 %) for the first (lowest) volume tier and
 * `revenueMixOtherTiers` (50 %) for the others, with `revenueMixTolerance` either side.
 * Warning `revenue_mix` per day outside the band; days without such items are skipped. The
 * arithmetic is the volume module's `revenueMixOf`.
 *
 * Source: seed 000 gap 3.1; RULINGS "Volume" (revenue / engagement mix: a warning).
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
          issue('revenue_mix', {
            date,
            tier,
            share: round3(share),
            target,
            tolerance,
            revenue: c.revenue,
            engagement: c.engagement,
          }),
        ];
  });
};

/**
 * Manual captions: when more than `policy.validation.maxManualCaptionShare` (10 %) of the week's
 * items (follow-ups included) wait for a manual caption, warning `manual_captions_excessive`,
 * which makes the week at best `needs_review` (and so never saved).
 *
 * Source: RULINGS "Validation" (manual captions).
 *
 * @since 0.2.0
 * @category validation
 */
export const checkManualCaptions = (input: ValidationInput): ReadonlyArray<Issue> => {
  const total = input.items.length;
  if (total === 0) return [];
  const manual = input.items.filter((i) => i.needsCaption).length;
  const maxShare = input.policy.validation.maxManualCaptionShare;
  return manual > maxShare * total
    ? [
        issue('manual_captions_excessive', {
          manualItems: manual,
          totalItems: total,
          share: round3(manual / total),
          maxShare,
        }),
      ]
    : [];
};

/**
 * Nothing lost: the week's planned total (`volume.weeklyTotal`) equals the allocated items built
 * plus the planned items that earlier phases reported removed (`removedItemsOf` over
 * `priorIssues`). Error `volume_accounting` otherwise.
 *
 * Source: RULINGS "Validation" (nothing lost).
 *
 * @since 0.2.0
 * @category validation
 */
export const checkVolumeAccounting = (input: ValidationInput): ReadonlyArray<Issue> => {
  let built = 0;
  for (const i of input.items) if (!i.isFollowUp) built++;
  const removed = input.priorIssues.reduce((n, i) => n + removedItemsOf(i), 0);
  const weeklyTotal = input.volume.weeklyTotal;
  return built + removed === weeklyTotal
    ? []
    : [issue('volume_accounting', { weeklyTotal, built, removed })];
};

/**
 * Confidence gate: error `confidence_too_low` when the volume confidence is below
 * `policy.volume.failBelowConfidence` (0.3) and the caller gave no manual override; with the
 * override, info `confidence_override_applied`. `buildSchedule` never reaches it with its own
 * volumes (a creator with too little data takes the minimum-safe step at 0.3); it guards
 * confidences a caller passes to `validateSchedule`.
 *
 * Source: seed 001 consumption rule 5; RULINGS "Volume" (confidence), "new and sparse creators".
 *
 * @since 0.1.0
 * @category validation
 */
export const checkConfidenceGate = (input: ValidationInput): ReadonlyArray<Issue> => {
  const { confidenceScore, messageCount } = input.volume;
  const min = input.policy.volume.failBelowConfidence;
  if (confidenceScore >= min) return [];
  return input.manualConfidenceOverride
    ? [issue('confidence_override_applied', { confidenceScore, messageCount, min })]
    : [issue('confidence_too_low', { confidenceScore, messageCount, min })];
};

/**
 * Volume context: warning `divergence_detected` when the 7d and 30d horizons disagreed and
 * warning `elasticity_capped` when the revenue quota was capped by diminishing returns (each
 * deducts 1).
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
          issue('divergence_detected', {
            fusedSaturation: v.fusedSaturation,
            fusedOpportunity: v.fusedOpportunity,
          }),
        ]
      : []),
    ...(v.elasticityCapped
      ? [
          issue('elasticity_capped', {
            revenuePerDay: v.finalConfig.revenuePerDay,
            capRevenuePerDay: v.elasticity.capRevenuePerDay,
            adjustmentsApplied: v.adjustmentsApplied,
          }),
        ]
      : []),
  ];
};
