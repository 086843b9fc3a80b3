/**
 * io-ts codecs of the seed 004 records read back through a port, and of the actual results a
 * caller hands to `recordOutcomes`.
 *
 * Source: seed 004 `volume_adjustment_outcomes`; STYLE "io-ts" (codecs at the boundary only).
 *
 * @module
 */
import * as t from 'io-ts';
import {
  FiniteNumberC,
  IsoDateC,
  IsoInstantC,
  NonEmptyStringC,
  NonNegativeIntC,
  NonNegativeNumberC,
  nullable,
  numberInRange,
  ScoreC,
} from '../domain/codecs';
import { refine, stringUnion } from '../domain/policyCodec';
import type { ItemActual, VolumeAdjustmentOutcomeRecord } from './types';

/** The most any one count or amount of an item's actual result may be (keeps sums finite). */
const MAX_ACTUAL = 1e9;

const CountC = refine(
  t.number,
  (n) => Number.isInteger(n) && n >= 0 && n <= MAX_ACTUAL,
  'integer in 0..1e9',
);
const AmountC = refine(
  t.number,
  (n) => Number.isFinite(n) && n >= 0 && n <= MAX_ACTUAL,
  'number in 0..1e9',
);

/**
 * The io-ts codec of one `ItemActual`: `slotId` a non-empty string, `sent`, `viewed`,
 * `purchased` integers in 0..1e9, `earnings` USD in 0..1e9, `sentAt` absent, `null` or an ISO
 * instant (decoded to canonical UTC). Extra fields are ignored.
 *
 * Source: seed 004 `volume_predictions` actual outcomes.
 *
 * @example
 * ItemActualC.decode({ slotId: '2025-01-20_1', sent: 900, viewed: 400, purchased: 20, earnings: 300 }) // Right
 *
 * @since 0.2.0
 * @category records
 */
export const ItemActualC: t.Type<ItemActual, ItemActual, unknown> = t.intersection([
  t.type({
    slotId: NonEmptyStringC,
    sent: CountC,
    viewed: CountC,
    purchased: CountC,
    earnings: AmountC,
  }),
  t.partial({ sentAt: nullable(IsoInstantC) }),
]);

/**
 * The io-ts codec of `WeekActuals.outcomeScores`: saturation and opportunity, 0-100 each.
 *
 * Source: seed 004 `volume_adjustment_outcomes` outcome scores.
 *
 * @example
 * OutcomeScoresC.decode({ saturationScore: 40, opportunityScore: 60 }) // Right
 *
 * @since 0.2.0
 * @category records
 */
export const OutcomeScoresC = t.type({
  /** Saturation after the week, 0-100 (higher: the audience is overexposed). */
  saturationScore: ScoreC,
  /** Opportunity after the week, 0-100 (higher: more revenue potential). */
  opportunityScore: ScoreC,
});

const AdjustmentKindC = stringUnion(['saturation', 'opportunity', 'revenue_trend'] as const);

/**
 * The io-ts codec of a `VolumeAdjustmentOutcomeRecord` as a store answers it (the
 * `getAdjustmentOutcomes` port): every field of the record, `learningSignal` in -1..1, scores
 * 0-100, instants ISO 8601 with a zone (decoded to canonical UTC), `weekStartDate` a
 * `YYYY-MM-DD` date. Extra fields (a store's `applied_at` bookkeeping, an `id`) are kept.
 *
 * Source: seed 004 `volume_adjustment_outcomes`.
 *
 * @example
 * decodeWith(t.array(VolumeAdjustmentOutcomeRecordC), rows, 'adjustmentOutcomes', { port: 'getAdjustmentOutcomes' })
 *
 * @since 0.2.0
 * @category records
 */
export const VolumeAdjustmentOutcomeRecordC: t.Type<
  VolumeAdjustmentOutcomeRecord,
  VolumeAdjustmentOutcomeRecord,
  unknown
> = t.type({
  outcomeId: NonEmptyStringC,
  logId: t.string,
  creatorId: NonEmptyStringC,
  weekStartDate: IsoDateC,
  measuredAt: nullable(IsoInstantC),
  measurementPeriod: t.string,
  adjustmentKinds: t.readonlyArray(AdjustmentKindC),
  inputSaturationScore: ScoreC,
  inputOpportunityScore: ScoreC,
  inputTier: stringUnion(['low', 'mid', 'high', 'ultra'] as const),
  inputRevenuePerDay: NonNegativeIntC,
  inputEngagementPerDay: NonNegativeIntC,
  inputRetentionPerDay: NonNegativeIntC,
  outcomeSaturationScore: nullable(ScoreC),
  outcomeOpportunityScore: nullable(ScoreC),
  outcomeScoreSource: nullable(stringUnion(['provided', 'calculated_on_demand'] as const)),
  outcomeRevenuePerSend: nullable(NonNegativeNumberC),
  outcomeTotalRevenue: NonNegativeNumberC,
  outcomeViewRate: nullable(NonNegativeNumberC),
  outcomePurchaseRate: nullable(NonNegativeNumberC),
  outcomeMessagesSent: NonNegativeIntC,
  saturationDelta: nullable(FiniteNumberC),
  opportunityDelta: nullable(FiniteNumberC),
  revenuePerSendChangePct: nullable(FiniteNumberC),
  outcomeClassification: stringUnion(['improved', 'degraded', 'neutral'] as const),
  learningSignal: numberInRange(-1, 1),
  appliedToLearning: t.boolean,
  appliedAt: nullable(IsoInstantC),
});
