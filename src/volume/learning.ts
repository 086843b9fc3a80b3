/**
 * The learning signal of past adjustments, as the volume engine reads it: per kind of 002
 * multiplier, the mean learning signal of the creator's latest outcomes of that kind; a
 * negative one pulls this week's multiplier of that kind toward 1 by its size, a positive one
 * leaves it. It acts inside the 002 rule, never as a second change of counts.
 *
 * Source: seed 004 `volume_adjustment_outcomes` (learning signal); RULINGS "Campaigns and games"
 * (learning signal).
 *
 * @module
 */
import { mean } from 'simple-statistics';
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import type { VolumeAdjustmentOutcomeRecord } from '../records/types';

/**
 * A kind of 002 adjustment that is a multiplier: the saturation or the opportunity multiplier.
 * The revenue trend's one send more or less is not one (pulling it would change the counts a
 * second time).
 *
 * Source: seed 002 "Dynamic Adjustments"; RULINGS "learning signal" ("pulls that multiplier
 * toward 1").
 *
 * @example
 * const k: MultiplierKind = 'opportunity';
 *
 * @since 0.2.0
 * @category volume
 */
export type MultiplierKind = 'saturation' | 'opportunity';

/**
 * The learning signal of one kind of multiplier: the mean `signal` (-1..1) of the `outcomes`
 * past outcome records it was read from.
 *
 * Source: seed 004 `volume_adjustment_outcomes.learning_signal`.
 *
 * @example
 * const s: KindSignal = { signal: -0.4, outcomes: 3 };
 *
 * @since 0.2.0
 * @category volume
 */
export interface KindSignal {
  /** The mean learning signal of the kind's past outcomes, -1..1 (seed 004 `learning_signal`). */
  readonly signal: number;
  /** How many past outcome records the mean is over (>= 1). */
  readonly outcomes: number;
}

/**
 * The learning signals of a week, per multiplier kind; a kind without past outcomes is absent.
 *
 * Source: seed 004 `volume_adjustment_outcomes`; RULINGS "learning signal".
 *
 * @example
 * const s: LearningSignals = { saturation: { signal: -0.4, outcomes: 3 } };
 *
 * @since 0.2.0
 * @category volume
 */
export type LearningSignals = Readonly<Partial<Record<MultiplierKind, KindSignal>>>;

const KINDS: ReadonlyArray<MultiplierKind> = ['saturation', 'opportunity'];

/**
 * The learning signals for a week of `creatorId` starting `weekStart` (local date), from the
 * outcome records the `getAdjustmentOutcomes` port answered (decoded):
 *
 * - only the creator's records of weeks strictly before `weekStart` count (a store answering
 *   other creators or later weeks changes nothing);
 * - per kind, the records whose `adjustmentKinds` hold it, latest week first (ties by
 *   `outcomeId`), at most `policy.records.learning.lookbackOutcomes` (4) of them;
 * - the kind's signal is the mean of their `learningSignal` (simple-statistics), clamped to
 *   -1..1; non-finite signals are left out.
 *
 * `appliedToLearning` is not read: the engine is stateless and reads every past record. `null`
 * or `[]` gives `{}`. Never throws.
 *
 * @example
 * learningSignalsFor([{ ...outcome, weekStartDate: '2025-01-13', adjustmentKinds: ['saturation'], learningSignal: -0.4 }], 'c1', '2025-01-20')
 * // { saturation: { signal: -0.4, outcomes: 1 } }
 *
 * Source: seed 004 `volume_adjustment_outcomes`; RULINGS "learning signal".
 *
 * @since 0.2.0
 * @category volume
 */
export const learningSignalsFor = (
  outcomes: ReadonlyArray<VolumeAdjustmentOutcomeRecord> | null,
  creatorId: string,
  weekStart: string,
  policy: SchedulePolicy = DEFAULT_POLICY,
): LearningSignals => {
  if (outcomes === null || outcomes.length === 0) return {};
  const past = outcomes
    .filter(
      (o) =>
        o.creatorId === creatorId &&
        o.weekStartDate < weekStart &&
        Number.isFinite(o.learningSignal),
    )
    .sort((a, b) =>
      a.weekStartDate !== b.weekStartDate
        ? a.weekStartDate > b.weekStartDate
          ? -1
          : 1
        : a.outcomeId < b.outcomeId
          ? -1
          : a.outcomeId > b.outcomeId
            ? 1
            : 0,
    );
  const out: Partial<Record<MultiplierKind, KindSignal>> = {};
  for (const kind of KINDS) {
    const latest = past
      .filter((o) => o.adjustmentKinds.includes(kind))
      .slice(0, policy.records.learning.lookbackOutcomes);
    if (latest.length === 0) continue;
    const signal = Math.min(1, Math.max(-1, mean(latest.map((o) => o.learningSignal))));
    out[kind] = { signal, outcomes: latest.length };
  }
  return out;
};

/**
 * A 002 multiplier after the learning signal of its kind: a negative `signal` pulls it toward 1
 * by the signal's size, `1 + (multiplier - 1) x (1 - |signal|)` (-1 takes it to 1); a signal of 0
 * or more, a missing or non-finite one, leaves it. The signal is clamped to -1..1.
 *
 * @example
 * applyLearningSignal(0.7, -0.5) // 0.85
 * applyLearningSignal(1.2, -0.5) // 1.1
 * applyLearningSignal(0.7, 0.6)  // 0.7
 *
 * Source: RULINGS "Campaigns and games" (learning signal).
 *
 * @since 0.2.0
 * @category volume
 */
export const applyLearningSignal = (multiplier: number, signal: number | undefined): number => {
  if (signal === undefined || !Number.isFinite(signal) || signal >= 0) return multiplier;
  const s = Math.max(-1, signal);
  return 1 + (multiplier - 1) * (1 + s);
};
