/**
 * The views of seed 004's "Views Reference" and the queries of its "Best Practices", as pure
 * functions over the typed records. A view the seed gives as SQL computes what its SQL does; a
 * view the seed only names (`v_prediction_accuracy`, `v_active_rotation_states`) is defined
 * from the record types, as documented on each (ISSUE-NOTES issue 6 "Views"). No clock: where a
 * query reads `'now'`, the caller passes `now`.
 *
 * Source: seed 004 "Views Reference", "Best Practices"; seed 000 task 3.8
 * (`v_volume_prediction_accuracy`, `volume_prediction_mape`).
 *
 * @module
 */
import { mean } from 'simple-statistics';
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import type { CreatorRotationState } from '../domain/types';
import type { BreakerState, CircuitBreakerRecord } from '../resilience/breaker';
import { isOptimalWindow } from './followupTracking';
import type { FollowupTrackingRecord, VolumePredictionRecord } from './types';

const round2 = (x: number): number => Math.round(x * 100) / 100;
const known = (x: number | null | undefined): x is number =>
  typeof x === 'number' && Number.isFinite(x);
const meanOrNull = (xs: ReadonlyArray<number>): number | null =>
  xs.length === 0 ? null : mean([...xs]);
const byKey = <A>(rows: ReadonlyArray<A>, key: (a: A) => string): Map<string, A[]> => {
  const groups = new Map<string, A[]>();
  for (const r of rows) {
    const k = key(r);
    const g = groups.get(k);
    if (g === undefined) groups.set(k, [r]);
    else g.push(r);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
};

/**
 * One row of `v_circuit_breaker_health`: the breaker's record plus `successRatePct` (percent,
 * two decimals; 100 when it has counted no call) and `minutesInState` (whole minutes from
 * `lastStateChange` to `now`, truncated toward zero as SQL's `CAST(... AS INTEGER)`; `null`
 * without a state change or a readable `now`).
 *
 * Source: seed 004 `v_circuit_breaker_health`.
 *
 * @example
 * const row: CircuitBreakerHealthRow = vCircuitBreakerHealth([record], now)[0];
 *
 * @since 0.2.0
 * @category records
 */
export interface CircuitBreakerHealthRow {
  /** The breaker's name (004 `circuit_breaker_state.name`; with `withResilience`, the port it guards). */
  readonly name: string;
  /** `closed`, `open` or `half_open`. */
  readonly state: BreakerState;
  /** Consecutive failures since the last success. */
  readonly failureCount: number;
  /** Consecutive successes since the last failure (what half-open testing counts). */
  readonly successCount: number;
  /** Percent, 0-100. */
  readonly successRatePct: number;
  /** UTC ISO instant of the most recent failure, `null` when none. */
  readonly lastFailureTime: string | null;
  /** UTC ISO instant of the most recent success, `null` when none. */
  readonly lastSuccessTime: string | null;
  /** Minutes. */
  readonly minutesInState: number | null;
}

/**
 * `v_circuit_breaker_health` over circuit breaker records (004 `circuit_breaker_state`, as
 * `toBreakerRecord` or `ResilientPorts.breakerRecords` give them), at `now` (an ISO 8601
 * instant; the caller's clock, none is read):
 *
 * - `successRatePct` = `round(successCount / (failureCount + successCount) x 100, 2)`, 100 when
 *   both are 0;
 * - `minutesInState` = `trunc((now - lastStateChange) / 1 minute)`, `null` when
 *   `lastStateChange` is `null` or `now` is not an instant.
 *
 * One row per record, in the records' order. Never throws.
 *
 * @example
 * vCircuitBreakerHealth([{ name: 'getBestTiming', state: 'open', failureCount: 5, successCount: 0,
 *   lastFailureTime: '2025-01-20T10:00:00.000Z', lastSuccessTime: null,
 *   lastStateChange: '2025-01-20T10:00:00.000Z' }], '2025-01-20T10:45:30Z')
 * // [{ ..., successRatePct: 0, minutesInState: 45 }]
 *
 * Source: seed 004 "Views Reference" `v_circuit_breaker_health`.
 *
 * @since 0.2.0
 * @category records
 */
export const vCircuitBreakerHealth = (
  states: ReadonlyArray<CircuitBreakerRecord>,
  now: string,
): ReadonlyArray<CircuitBreakerHealthRow> => {
  const nowMs = Date.parse(now);
  return states.map((s) => {
    const calls = s.failureCount + s.successCount;
    const changed = s.lastStateChange === null ? Number.NaN : Date.parse(s.lastStateChange);
    const minutes = Math.trunc((nowMs - changed) / 60_000);
    return {
      name: s.name,
      state: s.state,
      failureCount: s.failureCount,
      successCount: s.successCount,
      successRatePct: calls > 0 ? round2((s.successCount / calls) * 100) : 100,
      lastFailureTime: s.lastFailureTime,
      lastSuccessTime: s.lastSuccessTime,
      // `+ 0`: a state change less than a minute ahead of `now` truncates to 0, not -0
      minutesInState: Number.isFinite(minutes) ? minutes + 0 : null,
    };
  });
};

/**
 * The "Circuit Breaker Health Check" of seed 004: the unhealthy breakers among
 * `vCircuitBreakerHealth` rows - `open`, or `half_open` for more than
 * `policy.records.unhealthyBreakers.halfOpenAboveMinutes` (30) minutes, or a success rate below
 * `successRateBelowPct` (80 %). A `half_open` row without `minutesInState` is not unhealthy for
 * its time (SQL's `NULL > 30`). Rows keep their order. Never throws.
 *
 * @example
 * unhealthyCircuitBreakers(vCircuitBreakerHealth(records, now)).map((r) => r.name)
 *
 * Source: seed 004 "Best Practices" ("All unhealthy circuit breakers").
 *
 * @since 0.2.0
 * @category records
 */
export const unhealthyCircuitBreakers = (
  health: ReadonlyArray<CircuitBreakerHealthRow>,
  policy: SchedulePolicy = DEFAULT_POLICY,
): ReadonlyArray<CircuitBreakerHealthRow> => {
  const u = policy.records.unhealthyBreakers;
  return health.filter(
    (r) =>
      r.state === 'open' ||
      (r.state === 'half_open' &&
        r.minutesInState !== null &&
        r.minutesInState > u.halfOpenAboveMinutes) ||
      r.successRatePct < u.successRateBelowPct,
  );
};

/**
 * The mean absolute percentage error of predicted against actual values:
 * `mean(|predicted - actual| / |actual|) x 100` over the pairs whose actual is a number other
 * than 0 and whose prediction is finite (SQL's `NULLIF(actual, 0)` leaves the others out of the
 * average; so does an error too large for a number). `null` when no pair counts. Never
 * negative; never throws.
 *
 * @example
 * meanAbsolutePercentageError([{ predicted: 4, actual: 5 }, { predicted: 6, actual: 4 }]) // (20 + 50) / 2 = 35
 *
 * Source: seed 000 task 3.8 `volume_prediction_mape` (`AVG(ABS(predicted - actual) / actual) * 100`).
 *
 * @since 0.2.0
 * @category records
 */
export const meanAbsolutePercentageError = (
  pairs: ReadonlyArray<{ readonly predicted: number; readonly actual: number }>,
): number | null =>
  meanOrNull(
    pairs
      .filter((p) => known(p.predicted) && known(p.actual) && p.actual !== 0)
      .map((p) => (Math.abs(p.predicted - p.actual) / Math.abs(p.actual)) * 100)
      .filter(Number.isFinite),
  );

/**
 * One row of `v_prediction_accuracy`: the measured predictions of one creator and week.
 *
 * - `predictions`: measured prediction records of the creator and week;
 * - `predictedRevenuePerDay`, `actualRevenuePerDay`: their means (revenue sends a day; the
 *   actual `null` when none is known);
 * - `mape`: the MAPE of predicted against actual revenue sends a day (000 task 3.8
 *   `v_volume_prediction_accuracy`), percent; `null` when every actual is 0 or unknown;
 * - `revenueMape`, `volumeMape`: the mean absolute `revenuePredictionErrorPct` and
 *   `volumePredictionErrorPct`, percent, `null` when none is known.
 *
 * Source: seed 004 `v_prediction_accuracy` (named only); seed 000 task 3.8.
 *
 * @example
 * const row: PredictionAccuracyRow = vPredictionAccuracy(records)[0];
 *
 * @since 0.2.0
 * @category records
 */
export interface PredictionAccuracyRow {
  /** The creator the predictions are for. */
  readonly creatorId: string;
  /** Local date `YYYY-MM-DD`. */
  readonly weekStartDate: string;
  /** Measured prediction records of the creator and week. */
  readonly predictions: number;
  /** Mean predicted revenue sends a day. */
  readonly predictedRevenuePerDay: number;
  /** Mean actual revenue sends a day, `null` when none is known. */
  readonly actualRevenuePerDay: number | null;
  /** Percent. */
  readonly mape: number | null;
  /** Percent. */
  readonly revenueMape: number | null;
  /** Percent. */
  readonly volumeMape: number | null;
}

/**
 * `v_prediction_accuracy` ("prediction accuracy across creators and time periods"; the seed
 * names it without SQL): the measured volume predictions (`outcomeMeasured`) grouped by creator
 * and week, each group's MAPE of revenue sends a day (`meanAbsolutePercentageError`, as 000 task
 * 3.8 computes `volume_prediction_mape`) and the mean absolute revenue and volume errors (see
 * `PredictionAccuracyRow`). Rows ordered by creator, then week. Unmeasured records are left
 * out. Never throws.
 *
 * @example
 * vPredictionAccuracy([
 *   { ...p, creatorId: 'c1', weekStartDate: '2025-01-20', predictedRevenuePerDay: 4, actualRevenuePerDay: 5, outcomeMeasured: true },
 * ])[0].mape // 20
 *
 * Source: seed 004 "Views Reference" `v_prediction_accuracy`; seed 000 task 3.8
 * `v_volume_prediction_accuracy`.
 *
 * @since 0.2.0
 * @category records
 */
export const vPredictionAccuracy = (
  records: ReadonlyArray<VolumePredictionRecord>,
): ReadonlyArray<PredictionAccuracyRow> => {
  const measured = records.filter((r) => r.outcomeMeasured);
  const groups = byKey(measured, (r) => JSON.stringify([r.creatorId, r.weekStartDate]));
  return [...groups.values()].map((g) => {
    const first = g[0] as VolumePredictionRecord;
    const abs = (xs: ReadonlyArray<number | null>) =>
      meanOrNull(xs.filter(known).map((x) => Math.abs(x)));
    return {
      creatorId: first.creatorId,
      weekStartDate: first.weekStartDate,
      predictions: g.length,
      predictedRevenuePerDay: mean(g.map((r) => r.predictedRevenuePerDay)),
      actualRevenuePerDay: meanOrNull(g.map((r) => r.actualRevenuePerDay).filter(known)),
      mape: meanAbsolutePercentageError(
        g.flatMap((r) =>
          known(r.actualRevenuePerDay)
            ? [{ predicted: r.predictedRevenuePerDay, actual: r.actualRevenuePerDay }]
            : [],
        ),
      ),
      revenueMape: abs(g.map((r) => r.revenuePredictionErrorPct)),
      volumeMape: abs(g.map((r) => r.volumePredictionErrorPct)),
    };
  });
};

/**
 * One row of `creatorsWithPredictionMisses`: `avgError` the mean absolute revenue prediction
 * error (percent) of the creator's measured predictions, `predictions` how many were measured.
 *
 * Source: seed 004 "Best Practices" (predictions that consistently miss).
 *
 * @example
 * const row: PredictionMissRow = { creatorId: 'c1', avgError: 31.5, predictions: 4 };
 *
 * @since 0.2.0
 * @category records
 */
export interface PredictionMissRow {
  /** The creator whose predictions miss. */
  readonly creatorId: string;
  /** Percent. */
  readonly avgError: number;
  /** How many of the creator's predictions were measured. */
  readonly predictions: number;
}

/**
 * The creators whose predictions consistently miss (seed 004 "Monitoring Volume Prediction
 * Accuracy"): over the measured predictions (`outcomeMeasured`), per creator, `avgError` =
 * mean of `|revenuePredictionErrorPct|` (records without one are counted in `predictions` but
 * not averaged, as SQL's `AVG` and `COUNT(*)`), kept when `avgError >
 * policy.records.predictionMisses.avgErrorAbovePct` (25) and `predictions >= minPredictions`
 * (3). Ordered by creator. Never throws.
 *
 * @example
 * creatorsWithPredictionMisses(records) // [{ creatorId: 'c1', avgError: 30, predictions: 3 }]
 *
 * Source: seed 004 "Best Practices" (`HAVING avg_error > 25 AND predictions >= 3`).
 *
 * @since 0.2.0
 * @category records
 */
export const creatorsWithPredictionMisses = (
  records: ReadonlyArray<VolumePredictionRecord>,
  policy: SchedulePolicy = DEFAULT_POLICY,
): ReadonlyArray<PredictionMissRow> => {
  const m = policy.records.predictionMisses;
  const groups = byKey(
    records.filter((r) => r.outcomeMeasured),
    (r) => r.creatorId,
  );
  return [...groups.entries()].flatMap(([creatorId, g]): PredictionMissRow[] => {
    const avgError = meanOrNull(
      g
        .map((r) => r.revenuePredictionErrorPct)
        .filter(known)
        .map((x) => Math.abs(x)),
    );
    return avgError !== null && avgError > m.avgErrorAbovePct && g.length >= m.minPredictions
      ? [{ creatorId, avgError, predictions: g.length }]
      : [];
  });
};

/**
 * One row of `creatorsWithSuboptimalFollowups`: the creator's mean follow-up gap (minutes), its
 * follow-ups outside the optimal window, and its follow-ups counted.
 *
 * Source: seed 004 "Best Practices" (suboptimal follow-up timing).
 *
 * @example
 * const row: SuboptimalFollowupRow = { creatorId: 'c1', avgGap: 52.5, suboptimalCount: 6, followups: 8 };
 *
 * @since 0.2.0
 * @category records
 */
export interface SuboptimalFollowupRow {
  /** The creator whose follow-ups are off. */
  readonly creatorId: string;
  /** Minutes. */
  readonly avgGap: number;
  /** Follow-ups outside the optimal 15-45 minute window (004 `is_optimal_window = 0`). */
  readonly suboptimalCount: number;
  /** Follow-ups counted. */
  readonly followups: number;
}

/**
 * The creators with suboptimal follow-up timing (seed 004 "Querying PPV Followup Data"): the
 * tracking rows whose `followupTime` is on or after midnight UTC of the date
 * `policy.records.suboptimalFollowups.lookbackDays` (7) days before `now` (SQL's `date('now',
 * '-7 days')`; the record has no `created_at`, so the follow-up's own time stands in), per
 * creator the mean gap and the rows outside the optimal window (`isOptimalWindow`, 15-45
 * minutes), kept when more than `countAbove` (5) are. `now` is an ISO 8601 instant (no clock is
 * read); when it is not one, the answer is `[]`. Ordered by creator. Never throws.
 *
 * @example
 * creatorsWithSuboptimalFollowups(rows, '2025-01-27T12:00:00Z') // [{ creatorId: 'c1', avgGap: 50, suboptimalCount: 6, followups: 6 }]
 *
 * Source: seed 004 "Best Practices" (`HAVING suboptimal_count > 5`).
 *
 * @since 0.2.0
 * @category records
 */
export const creatorsWithSuboptimalFollowups = (
  records: ReadonlyArray<FollowupTrackingRecord>,
  now: string,
  policy: SchedulePolicy = DEFAULT_POLICY,
): ReadonlyArray<SuboptimalFollowupRow> => {
  const s = policy.records.suboptimalFollowups;
  const nowMs = Date.parse(now);
  if (!Number.isFinite(nowMs)) return [];
  const day = 86_400_000;
  const cutoff = Math.floor(nowMs / day) * day - s.lookbackDays * day;
  const recent = records.filter((r) => {
    const t = Date.parse(r.followupTime);
    return Number.isFinite(t) && t >= cutoff && known(r.gapMinutes);
  });
  return [...byKey(recent, (r) => r.creatorId).entries()].flatMap(
    ([creatorId, g]): SuboptimalFollowupRow[] => {
      const suboptimalCount = g.filter((r) => !isOptimalWindow(r.gapMinutes, policy)).length;
      return suboptimalCount > s.countAbove
        ? [
            {
              creatorId,
              avgGap: mean(g.map((r) => r.gapMinutes)),
              suboptimalCount,
              followups: g.length,
            },
          ]
        : [];
    },
  );
};

/**
 * One row of `vActiveRotationStates`: a creator's rotation pattern in use.
 *
 * Source: seed 004 `v_active_rotation_states` (named only), `creator_rotation_state`.
 *
 * @example
 * const row: ActiveRotationRow = vActiveRotationStates([state])[0];
 *
 * @since 0.2.0
 * @category records
 */
export interface ActiveRotationRow {
  /** The creator the state belongs to. */
  readonly creatorId: string;
  /** The state, one of the two in which a pattern is in use. */
  readonly currentState: 'pattern_active' | 'rotation_pending';
  /** The 4-style PPV pattern in use (003 task 2.1). */
  readonly pattern: CreatorRotationState['pattern'];
  /** Local date `YYYY-MM-DD`. */
  readonly patternStartDate: string;
  /** Calendar days. */
  readonly daysOnPattern: number;
  /** `004`'s content-type rotation, `null` when not stored. */
  readonly contentRotation: CreatorRotationState['contentRotation'];
  /** Local date `YYYY-MM-DD`, `null` when none. */
  readonly lastScheduledDate: string | null;
}

/**
 * `v_active_rotation_states` ("shows currently active rotation patterns"; the seed names it
 * without SQL): the rotation states whose pattern is in use - `pattern_active` (004's `active`,
 * RULINGS "Rotation and state") or `rotation_pending` (still sending its pattern, due to
 * rotate) - and not `paused` (004's `paused` is read as a flag, RULINGS). `initializing`,
 * `rotating`, `pattern_exhausted` and `error` have no pattern in use. One row per such state,
 * in the states' order. Never throws.
 *
 * @example
 * vActiveRotationStates(states).map((r) => r.creatorId)
 *
 * Source: seed 004 "Views Reference" `v_active_rotation_states`; RULINGS "Rotation and state".
 *
 * @since 0.2.0
 * @category records
 */
export const vActiveRotationStates = (
  states: ReadonlyArray<CreatorRotationState>,
): ReadonlyArray<ActiveRotationRow> =>
  states.flatMap((s): ActiveRotationRow[] =>
    !s.paused && (s.currentState === 'pattern_active' || s.currentState === 'rotation_pending')
      ? [
          {
            creatorId: s.creatorId,
            currentState: s.currentState,
            pattern: s.pattern,
            patternStartDate: s.patternStartDate,
            daysOnPattern: s.daysOnPattern,
            contentRotation: s.contentRotation,
            lastScheduledDate: s.lastScheduledDate,
          },
        ]
      : [],
  );
