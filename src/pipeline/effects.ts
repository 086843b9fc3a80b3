/**
 * The pipeline's effects between the pure phases: the volume with its degradation chain and
 * the prediction port, and the save (a saga guarded by the idempotency store).
 * Source: seed 001 §1.2.1 module 8, "Volume Configuration Degradation", §7.4; seed 003 tasks
 * 2.1b and 2.5b.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type * as RT from 'fp-ts/lib/ReaderTask.js';
import type * as RTE from 'fp-ts/lib/ReaderTaskEither.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import * as t from 'io-ts';
import { NonEmptyStringC } from '../domain/codecs';
import { type Issue, issue, type ScheduleError, scheduleError } from '../domain/issues';
import type { PhaseContext, SaveOutcome, ScheduleResult } from '../domain/stages';
import { callPort, hasPort, optional } from '../ports/boundary';
import { describeValue } from '../ports/faults';
import type { SchedulePorts } from '../ports/ports';
import type { Trace } from '../ports/trace';
import { idempotencyClaim, runIdempotent } from '../resilience/idempotency';
import { runSaga, sagaStep } from '../resilience/saga';
import { calculateOptimizedVolume, degradeVolume } from '../volume';
import type { VolumeResult } from '../volume/types';
import type { Loaded } from './load';

/**
 * The volume of the week: `calculateOptimizedVolume`, then the 001 degradation chain
 * (`degradeVolume`: minimum safe volumes for a creator whose data give a confidence below 0.3,
 * the base tier when the engine fails), then, when `trackPrediction` is set and the port
 * exists, the prediction saved and its id recorded (`prediction_tracked`). A failing
 * prediction port does not stop the build: the id stays `null`, `prediction_failed` is added to
 * the volume's adjustments and a `port_failed` warning is reported.
 *
 * Returns the volume and the issues of the steps taken (`volume_degraded`, `port_failed`);
 * `Left` only when no tier can be determined (001 "abort").
 *
 * Source: seed 001 §1.2.1 module 8, "Volume Configuration Degradation".
 *
 * @example
 * import { DEFAULT_POLICY, type PhaseContext, trackVolume, weekDatesFrom } from 'eros-schedule';
 *
 * // `ports`, `trace` and `data` (the `Loaded` of phase 1) as in `loadCreatorData`'s example
 * const ctx: PhaseContext = {
 *   creator: data.creator,
 *   weekDates: weekDatesFrom('2025-01-20'),
 *   seed: '7',
 *   options: { allowNextDayFollowups: false, manualConfidenceOverride: false, save: false, trackPrediction: false },
 *   policy: DEFAULT_POLICY,
 * };
 * const step = await trackVolume(ctx, data, trace)(ports)();
 * if (step._tag === 'Right') {
 *   step.right.volume.weeklyTotal; // 56 items in the week
 *   step.right.volume.confidenceScore; // 0.95
 *   step.right.issues; // []: no degradation level was needed
 * }
 *
 * @since 0.1.0
 * @category pipeline
 */
export const trackVolume =
  (
    ctx: PhaseContext,
    data: Loaded,
    trace: Trace,
  ): RTE.ReaderTaskEither<
    SchedulePorts,
    ScheduleError,
    {
      /** The week's volume, with `predictionId` and `prediction_tracked` / `prediction_failed` when a prediction was tracked. */
      readonly volume: VolumeResult;
      /** What the steps reported: `volume_degraded` (a degradation level was used), `port_failed` (the prediction port). */
      readonly issues: ReadonlyArray<Issue>;
    }
  > =>
  (ports) => {
    const asOf = ctx.weekDates[0] ?? '';
    let optimized: VolumeResult | null = null;
    let failure: string | null = null;
    try {
      optimized = calculateOptimizedVolume(
        {
          creator: ctx.creator,
          trends: data.loaded.trends,
          history: data.loaded.history,
          asOf,
          vault: data.loaded.vault,
          usableCaptions: data.usableCaptions,
          contentRankings: data.loaded.contentRankings,
          ...(data.loaded.adjustmentOutcomes === undefined
            ? {}
            : { adjustmentOutcomes: data.loaded.adjustmentOutcomes }),
        },
        ctx.policy,
      );
    } catch (e) {
      // 001 "Optimization fails, use base tier": a module failure (a bug) degrades, never aborts.
      failure = `the volume optimization failed: ${describeValue(e)}`;
    }
    const chain = degradeVolume(
      {
        creator: ctx.creator,
        optimized,
        failure,
        tierKnown: true,
        manualConfidenceOverride: ctx.options.manualConfidenceOverride,
        asOf,
        vault: data.loaded.vault,
        contentRankings: data.loaded.contentRankings,
        usableCaptions: data.usableCaptions,
      },
      ctx.policy,
    );
    if (E.isLeft(chain))
      return TE.left(
        scheduleError('INTERNAL_ERROR', 'volume', [
          issue('internal_error', { reason: 'no volume tier can be determined' }),
        ]),
      );
    const { volume, level, issue: degraded } = chain.right;
    if (level !== 'optimized')
      trace.record({
        type: 'recovery',
        phase: 'volume',
        action: `volume_${level}`,
        success: true,
        detail: degraded?.message ?? level,
      });
    const issues = degraded === null ? [] : [degraded];
    if (!ctx.options.trackPrediction || !hasPort(ports, 'saveVolumePrediction'))
      return TE.right({ volume, issues });
    const { predictionId: _omit, ...rest } = volume;
    const site = { trace, phase: 'volume' as const, fallback: 'no prediction id' };
    return pipe(
      optional(
        callPort(
          site,
          ports,
          'saveVolumePrediction',
          [
            {
              creatorId: ctx.creator.creatorId,
              weekStart: asOf,
              volume: rest,
              predictedRevenueItems: volume.finalConfig.revenuePerDay * 7,
              predictedTotalItems: volume.weeklyTotal,
            },
          ],
          t.type({ predictionId: NonEmptyStringC }),
          'prediction',
        ),
        null,
        'no prediction id',
      ),
      TE.fromTask,
      TE.map(([saved, failed]) => ({
        volume:
          saved === null
            ? { ...volume, adjustmentsApplied: [...volume.adjustmentsApplied, 'prediction_failed'] }
            : {
                ...volume,
                predictionId: saved.predictionId,
                adjustmentsApplied: [...volume.adjustmentsApplied, 'prediction_tracked'],
              },
        issues: [...issues, ...failed],
      })),
    );
  };

/**
 * The idempotency key of a save: a stable hash of the creator, the week, and digests of the
 * inputs, the resolved policy and the data the week was built from (the port answers). The
 * same build saved twice has the same key.
 *
 * Source: seed 003 task 2.5b; ISSUE-NOTES issue 4 "Idempotency".
 *
 * @since 0.2.0
 * @category pipeline
 */
export const saveOperationParams = (
  ctx: PhaseContext,
  data: Loaded,
  seedInput: unknown,
): unknown => ({
  creatorId: ctx.creator.creatorId,
  weekStart: ctx.weekDates[0] ?? '',
  inputs: { seed: seedInput, options: ctx.options },
  policy: ctx.policy,
  answers: {
    creator: data.creator,
    loaded: { ...data.loaded, issues: undefined },
    usableCaptions: data.usableCaptions,
  },
});

const TemplateC = t.type({ templateId: NonEmptyStringC });

const notSaved = (status: SaveOutcome['status']): SaveOutcome => ({
  status,
  templateId: null,
  operationKey: null,
  sagaStatus: null,
  sagaLog: [],
});

const ROTATION_STEP = 'save_rotation_state';
const CONFLICT = 'rotation version conflict';

const RotationSaveAnswerC = t.union([
  t.type({ status: t.literal('saved') }),
  t.type({ status: t.literal('conflict'), storedVersion: t.union([t.number, t.null]) }),
]);

/** The stored version a conflict message names (`... stored version 4`), `null` when none. */
const conflictVersionOf = (reason: string): number | null => {
  const m = /stored version (\d+)$/.exec(reason);
  return m === null ? null : Number(m[1]);
};

/**
 * The saga step that writes the week's rotation state (003 task 2.1 "save to database"): it
 * states the version the build read, and a store that holds another one answers `conflict`,
 * which fails the step so the saga removes the saved schedule (a concurrent build of the
 * creator saved first; this week was built from a stale state). Its compensation writes the
 * state read back.
 */
const rotationStep = (
  site: { readonly trace: Trace; readonly phase: 'save'; readonly fallback: null },
  ports: SchedulePorts,
  result: ScheduleResult,
) => {
  const { stateBefore, stateAfter } = result.rotation;
  const expected = stateBefore === null ? null : stateBefore.version;
  return sagaStep<{ readonly status: 'saved' }>({
    name: ROTATION_STEP,
    run: async () => {
      const answer = await callPort(
        site,
        ports,
        'saveRotationState',
        [stateAfter, expected],
        RotationSaveAnswerC,
        'rotationSaved',
      )();
      if (E.isLeft(answer)) return answer;
      return answer.right.status === 'saved'
        ? E.right({ status: 'saved' as const })
        : E.left(
            `${CONFLICT}: read version ${expected ?? 'none'}, stored version ${answer.right.storedVersion ?? 'unknown'}`,
          );
    },
    compensate: async (): Promise<E.Either<unknown, void>> =>
      stateBefore === null
        ? E.left('no stored rotation state to restore')
        : pipe(
            await callPort(
              site,
              ports,
              'saveRotationState',
              [stateBefore, stateAfter.version],
              RotationSaveAnswerC,
              'rotationRestored',
            )(),
            E.map(() => undefined),
          ),
  });
};

/**
 * Saves a passing week (001 §7.4): only when `options.save` is set and validation passed
 * (`passed` or `passed_with_warnings`); otherwise an info `save_refused`.
 *
 * The save is a saga (003 task 2.1b): the `save_schedule` step (compensated by `deleteSchedule`
 * when the port exists), then, with a `saveRotationState` port, the `save_rotation_state` step
 * (the week's rotation state with the version the build read; a `conflict` answer fails it with
 * a `rotation_version_conflict` error); a failing step compensates the completed ones in
 * reverse. With an
 * `idempotencyStore` port, the saga runs inside the idempotency guard (003 task 2.5b): the same
 * build saved twice (the key of `saveOperationParams`) stores once and answers the first
 * template id (`save_duplicate`, info), 100 concurrent saves included. The saga log goes to the
 * `saveSagaLog` port when there is one.
 *
 * Never fails and never discards the week: a failed save returns it whole, with a `save_failed`
 * error (and `compensation_failed` when a compensation failed) for the caller to put in the
 * report.
 *
 * Source: seed 001 §7.4, phase 7 "Database save failure"; seed 003 tasks 2.1b, 2.5b; RULINGS
 * "failed save".
 *
 * @since 0.2.0
 * @category pipeline
 */
export const saveWeek =
  (
    ctx: PhaseContext,
    result: ScheduleResult,
    params: unknown,
    trace: Trace,
  ): RT.ReaderTask<
    SchedulePorts,
    {
      /** What the save did: its status, template id, idempotency key, saga status and log. */
      readonly save: SaveOutcome;
      /** What the save reported (`save_refused`, `save_duplicate`, `save_failed`, `compensation_failed`...), for the validation report. */
      readonly issues: ReadonlyArray<Issue>;
    }
  > =>
  (ports) =>
  async () => {
    if (!ctx.options.save) return { save: notSaved('not_requested'), issues: [] };
    const status = result.validation.status;
    const passed = status === 'passed' || status === 'passed_with_warnings';
    if (!passed || !hasPort(ports, 'saveSchedule'))
      return {
        save: notSaved('refused'),
        issues: [
          issue('save_refused', {
            reason: passed ? 'no saveSchedule port was supplied' : `validation status is ${status}`,
          }),
        ],
      };
    const site = { trace, phase: 'save' as const, fallback: null };
    const saga = () =>
      runSaga(
        [
          sagaStep<{ readonly templateId: string }>({
            name: 'save_schedule',
            run: async () =>
              callPort(
                site,
                ports,
                'saveSchedule',
                [{ creatorId: result.creatorId, weekStart: result.weekStart, result }],
                TemplateC,
                'saved',
              )(),
            compensate: async (saved): Promise<E.Either<unknown, void>> =>
              !hasPort(ports, 'deleteSchedule')
                ? E.left('no deleteSchedule port to remove the saved schedule')
                : pipe(
                    await callPort(
                      site,
                      ports,
                      'deleteSchedule',
                      [saved.templateId],
                      t.unknown,
                      'deleted',
                    )(),
                    E.map(() => undefined),
                  ),
          }),
          ...(hasPort(ports, 'saveRotationState') ? [rotationStep(site, ports, result)] : []),
        ],
        { sagaId: `${result.audit.generationId}:save`, creatorId: result.creatorId },
      );
    const sagaAsEither = async () => {
      const r = await saga();
      return r.status === 'completed' ? E.right(r) : E.left<typeof r, typeof r>(r);
    };
    let store: SchedulePorts['idempotencyStore'];
    try {
      store = ports.idempotencyStore;
    } catch (e) {
      return {
        save: notSaved('failed'),
        issues: [
          issue('save_failed', {
            failedStep: 'idempotency_claim',
            reason: `idempotencyStore cannot be read: ${describeValue(e)}`,
            sagaStatus: 'not_started',
          }),
        ],
      };
    }
    const claim = idempotencyClaim('save_schedule', params);
    const outcome =
      store === undefined
        ? await sagaAsEither().then(E.map((r) => ({ duplicate: false, result: r })))
        : await runIdempotent(store, claim, sagaAsEither);
    const logOf = (r: unknown) =>
      typeof r === 'object' && r !== null && Array.isArray((r as { log?: unknown }).log)
        ? (r as { log: ScheduleResult['save']['sagaLog'] }).log
        : [];
    const writeLog = async (log: SaveOutcome['sagaLog']): Promise<ReadonlyArray<Issue>> => {
      // nothing to write: the port is not even read
      if (log.length === 0 || !hasPort(ports, 'saveSagaLog')) return [];
      const [, failed] = await optional(
        callPort(
          { trace, phase: 'save', fallback: 'saga log not stored' },
          ports,
          'saveSagaLog',
          [log],
          t.unknown,
          'sagaLog',
        ),
        null,
        'saga log not stored',
      )();
      return failed;
    };
    if (E.isRight(outcome)) {
      const r = outcome.right.result;
      const templateId =
        (r.outputs.save_schedule as { templateId: string } | undefined)?.templateId ?? '';
      const duplicate = outcome.right.duplicate;
      const logIssues = duplicate ? [] : await writeLog(r.log);
      return {
        save: {
          status: duplicate ? 'duplicate' : 'saved',
          templateId,
          operationKey: store === undefined ? null : claim.operationKey,
          sagaStatus: r.status,
          sagaLog: r.log,
        },
        issues: [
          ...(duplicate
            ? [issue('save_duplicate', { templateId, operationKey: claim.operationKey })]
            : []),
          ...logIssues,
        ],
      };
    }
    const left = outcome.left as unknown;
    const isSaga =
      typeof left === 'object' &&
      left !== null &&
      typeof (left as { status?: unknown }).status === 'string' &&
      'completedSteps' in (left as object);
    const saga_ = isSaga ? (left as Awaited<ReturnType<typeof saga>>) : null;
    const reason = saga_ !== null ? (saga_.error ?? 'the save failed') : describeValue(left);
    const log = logOf(saga_);
    const logIssues = await writeLog(log);
    return {
      save: {
        status: 'failed',
        templateId: null,
        operationKey: store === undefined ? null : claim.operationKey,
        sagaStatus: saga_?.status ?? null,
        sagaLog: log,
      },
      issues: [
        issue('save_failed', {
          failedStep: saga_?.failedStep ?? null,
          reason,
          sagaStatus: saga_?.status ?? 'not_started',
        }),
        ...(saga_?.failedStep === ROTATION_STEP && reason.includes(`${CONFLICT}:`)
          ? [
              issue('rotation_version_conflict', {
                creatorId: result.creatorId,
                expectedVersion: result.rotation.stateBefore?.version ?? 0,
                storedVersion: conflictVersionOf(reason),
              }),
            ]
          : []),
        ...(saga_ !== null && saga_.compensationErrors.length > 0
          ? [issue('compensation_failed', { errors: saga_.compensationErrors })]
          : []),
        ...logIssues,
      ],
    };
  };
