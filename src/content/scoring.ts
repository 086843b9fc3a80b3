/**
 * Caption scoring: freshness, diversity, type priority, persona and the weighted composite.
 * Every number comes from `policy.content`. Source: seed 001 §3.0, §3.1, §3.4; RULINGS
 * "Content matching (phase 3)".
 *
 * @module
 */
import type { CaptionType, SendTypeSpec } from '../domain/catalog';
import type { SchedulePolicy } from '../domain/policy';
import type { ScoringWeights } from '../domain/policyTypes';
import type { CaptionScores } from '../domain/stages';
import { canonicalInstantMinute } from '../domain/time';
import type { Caption, Persona } from '../domain/types';
import { personaScore } from './persona';

/**
 * The content part of the policy the scoring functions read.
 *
 * @since 0.1.0
 * @category content
 */
export type ContentPolicy = Pick<SchedulePolicy, 'content'>;

export type { ScoringWeights };

/**
 * The five component scores of a caption, 0-100 each, before weighting.
 *
 * @since 0.1.0
 * @category content
 */
export type ComponentScores = Omit<CaptionScores, 'compositeScore'>;

const DAY_MS = 86_400_000;

const round2 = (x: number): number => Math.round(x * 100) / 100;

const clamp100 = (x: number): number => Math.min(100, Math.max(0, x));

const MINUTES_PER_DAY = 1_440;

/**
 * UTC day number of an ISO date or instant; `NaN` when unparseable. Issue 11: a date or an
 * instant in canonical UTC form is read by calendar arithmetic (`canonicalInstantMinute`, the
 * minute floored, so the day is the floor of `Date.parse`'s); anything else takes `Date.parse`.
 */
const utcDayNumber = (isoDateOrInstant: string): number => {
  const iso = isoDateOrInstant.length === 10 ? `${isoDateOrInstant}T00:00:00Z` : isoDateOrInstant;
  const minute = canonicalInstantMinute(iso);
  if (!Number.isNaN(minute)) return Math.floor(minute / MINUTES_PER_DAY);
  return Math.floor(Date.parse(iso) / DAY_MS);
};

/**
 * Freshness of a caption for one creator, 0-100 (two decimals).
 *
 * - never used by this creator (`lastUsedAt === null`): 100;
 * - used: recovers linearly from 0 to 100 over `policy.content.freshnessRecoveryDays`, counting
 *   whole days between the UTC date of `lastUsedAt` and `asOf`; a use on or after `asOf` scores 0,
 *   `freshnessRecoveryDays` days or more scores 100;
 * - an unparseable `lastUsedAt` or `asOf` scores 0 (treated as just used: never promoted).
 *
 * `asOf` is the local date `YYYY-MM-DD` of the schedule, never the wall clock.
 *
 * @example
 * calculateFreshnessScore(null, '2025-01-20', DEFAULT_POLICY) // 100
 * calculateFreshnessScore('2025-01-05T12:00:00Z', '2025-01-20', DEFAULT_POLICY) // 50
 *
 * Source: RULINGS "Content matching (phase 3)" freshness (replaces seed 001 §3.4 formula).
 *
 * @since 0.1.0
 * @category content
 */
export const calculateFreshnessScore = (
  lastUsedAt: string | null,
  asOf: string,
  policy: ContentPolicy,
): number => {
  if (lastUsedAt === null) return 100;
  return freshnessAfterDays(utcDayNumber(asOf) - utcDayNumber(lastUsedAt), policy);
};

/**
 * Freshness after `days` whole days since the last use (the arithmetic of
 * `calculateFreshnessScore`): 0 for 0 or fewer days (or a non-finite count), then linear to 100
 * at `freshnessRecoveryDays`. For indexes that store last uses as UTC day numbers.
 *
 * Source: RULINGS "Content matching (phase 3)" freshness.
 *
 * @since 0.1.0
 * @category content
 */
export const freshnessAfterDays = (days: number, policy: ContentPolicy): number => {
  if (!Number.isFinite(days) || days <= 0) return 0;
  const recovery = policy.content.freshnessRecoveryDays;
  if (recovery <= 0 || days >= recovery) return 100;
  return round2((100 * days) / recovery);
};

/**
 * The caption port's order, seed 001 §3.0 "Freshness-First": freshness descending, then
 * `performanceScore` descending, then `captionId` ascending. A comparator for `sort`: negative
 * when `a` (freshness `freshnessA`, 0-100) comes first. The in-memory port answers in this
 * order and phase 3 re-sorts merged pools with it.
 *
 * Source: seed 001 §3.0 "Freshness-First"; RULINGS "Content matching (phase 3)".
 *
 * @since 0.2.0
 * @category content
 */
export const freshnessFirst = (
  freshnessA: number,
  a: { readonly performanceScore: number; readonly captionId: string },
  freshnessB: number,
  b: { readonly performanceScore: number; readonly captionId: string },
): number =>
  freshnessB - freshnessA ||
  b.performanceScore - a.performanceScore ||
  (a.captionId < b.captionId ? -1 : a.captionId > b.captionId ? 1 : 0);

/**
 * The UTC day number (days since 1970-01-01) of a `YYYY-MM-DD` date or an ISO instant; `NaN`
 * when it does not parse.
 *
 * @since 0.1.0
 * @category content
 */
export const utcDayOf = (isoDateOrInstant: string): number => utcDayNumber(isoDateOrInstant);

/**
 * Diversity score from the caption's use by every creator of the universal pool, 0-100:
 * `max(0, 100 - diversityPenaltyPerGlobalUse * globalUseCount)`.
 *
 * Source: seed 001 §3.0 (diversity 5 %), RULINGS "freshness" (global reuse lowers diversity).
 *
 * @since 0.1.0
 * @category content
 */
export const diversityScore = (globalUseCount: number, policy: ContentPolicy): number =>
  clamp100(100 - policy.content.diversityPenaltyPerGlobalUse * Math.max(0, globalUseCount));

/**
 * Type-priority score, 0-100: `policy.content.typePriorityScores[i]` where `i` is the caption
 * type's position in `spec.captionTypes` (primary 100, secondary 70 by default), otherwise
 * `genericTypePriorityScore` (40), also when `spec` is `null` (a generic query). A caption that
 * fits the seed 004 structure of a styled PPV (`structureFits`) scores as the primary caption
 * type (ISSUE-NOTES "Structure fit and the caption weights": the five weights keep their values).
 *
 * Source: seed 001 §3.2 priorities 1, 2; §3.5 strategy 2; seed 004 "PPV Structure Validation".
 *
 * @since 0.1.0
 * @category content
 */
export const typePriorityScore = (
  captionType: CaptionType,
  spec: Pick<SendTypeSpec, 'captionTypes'> | null,
  policy: ContentPolicy,
  structureFits = false,
): number => {
  const index = spec === null ? -1 : spec.captionTypes.indexOf(captionType);
  const own =
    (index >= 0 ? policy.content.typePriorityScores[index] : undefined) ??
    policy.content.genericTypePriorityScore;
  const primary = policy.content.typePriorityScores[0];
  return structureFits && primary !== undefined ? Math.max(own, primary) : own;
};

/**
 * Weighted composite of the five component scores, 0-100 (two decimals):
 * `freshness * w.freshness + performance * w.performance + typePriority * w.typePriority +
 * diversity * w.diversity + persona * w.persona`.
 *
 * Source: seed 001 §3.1 (weights 40/35/15/5/5, §3.0), phase 3 recovery degraded weights.
 *
 * @since 0.1.0
 * @category content
 */
export const compositeScore = (scores: ComponentScores, weights: ScoringWeights): number =>
  compositeOf(
    scores.freshnessScore,
    scores.performanceScore,
    scores.typePriorityScore,
    scores.diversityScore,
    scores.personaScore,
    weights,
  );

/**
 * `compositeScore` of the five component scores (each 0-100) given apart, for ranking loops that
 * build no score object per candidate (issue 11): the same arithmetic in the same order, so the
 * same number.
 *
 * Source: seed 001 §3.1 (40/35/15/5/5), phase 3 recovery `caption_freshness_low`.
 *
 * @since 0.3.0
 * @category content
 */
export const compositeOf = (
  freshnessScore: number,
  performanceScore: number,
  typePriorityScore: number,
  diversityScore: number,
  personaScore: number,
  weights: ScoringWeights,
): number =>
  round2(
    freshnessScore * weights.freshness +
      performanceScore * weights.performance +
      typePriorityScore * weights.typePriority +
      diversityScore * weights.diversity +
      personaScore * weights.persona,
  );

/**
 * The five component scores of a caption (see `calculateFreshnessScore`, `diversityScore`,
 * `typePriorityScore`, `personaScore`; performance is the caption's own 0-100 score, clamped).
 * `structureFits`: the caption fits the seed 004 structure of its styled PPV
 * (`validatePpvStructure(...).passes`), so it scores as the primary caption type.
 *
 * @since 0.1.0
 * @category content
 */
export const componentScores = (
  caption: Caption,
  spec: Pick<SendTypeSpec, 'captionTypes'> | null,
  persona: Persona | null,
  asOf: string,
  policy: ContentPolicy,
  structureFits = false,
): ComponentScores => ({
  freshnessScore: calculateFreshnessScore(caption.lastUsedAt, asOf, policy),
  performanceScore: clamp100(caption.performanceScore),
  typePriorityScore: typePriorityScore(caption.captionType, spec, policy, structureFits),
  diversityScore: diversityScore(caption.globalUseCount, policy),
  personaScore: personaScore(caption.text, persona, policy),
});

/**
 * Every score of a caption for a slot, composite included. `spec` is the slot's send type, or
 * `null` for a generic caption; `asOf` the local date freshness is measured at (`YYYY-MM-DD`).
 *
 * Source: seed 001 §3.0-§3.1, "Phase 3 Output State".
 *
 * @since 0.1.0
 * @category content
 */
export const scoreCaption = (
  caption: Caption,
  spec: Pick<SendTypeSpec, 'captionTypes'> | null,
  persona: Persona | null,
  asOf: string,
  weights: ScoringWeights,
  policy: ContentPolicy,
): CaptionScores => {
  const parts = componentScores(caption, spec, persona, asOf, policy);
  return { ...parts, compositeScore: compositeScore(parts, weights) };
};
