/**
 * The pipeline's port calls between the pure phases: prediction tracking, follow-up caption
 * candidates and the save. Source: seed 001 §1.2.1 module 8, §6.4, §7.4.
 *
 * @module
 */
import { pipe } from 'fp-ts/lib/function.js';
import type * as RTE from 'fp-ts/lib/ReaderTaskEither.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { rankFollowupCaptions } from '../content';
import { FOLLOWUP_SEND_TYPE, SEND_TYPES } from '../domain/catalog';
import {
  issue,
  type PortError,
  portErrorToScheduleError,
  type ScheduleError,
} from '../domain/issues';
import type { LoadedData, PhaseContext, Timing } from '../domain/stages';
import type { Caption, ScheduleInputs, ScheduleResult } from '../domain/types';
import type { SchedulePorts } from '../ports/ports';
import { calculateOptimizedVolume } from '../volume';
import type { VolumeResult } from '../volume/types';
import type { Loaded } from './load';

const portFailure = (e: PortError): ScheduleError => portErrorToScheduleError(e, 'load');

/**
 * Computes the volume result and, when `trackPrediction` is set and the port exists, saves the
 * prediction and records its id (`prediction_tracked`). A failing prediction port does not stop
 * the build: the id stays `null` and `prediction_failed` is added to the audit trail.
 * Source: seed 001 §1.2.1 module 8.
 *
 * @since 0.1.0
 * @category pipeline
 */
export const trackVolume =
  (
    ctx: PhaseContext,
    data: Loaded,
  ): RTE.ReaderTaskEither<SchedulePorts, ScheduleError, VolumeResult> =>
  (ports) => {
    const volume = calculateOptimizedVolume(
      {
        creator: ctx.creator,
        trends: data.loaded.trends,
        history: data.loaded.history,
        asOf: ctx.weekDates[0] ?? '',
        vault: data.loaded.vault,
        usableCaptions: data.usableCaptions,
        contentRankings: data.loaded.contentRankings,
      },
      ctx.policy,
    );
    const save = ports.saveVolumePrediction;
    if (!ctx.options.trackPrediction || !save) return TE.right(volume);
    const { predictionId: _omit, ...rest } = volume;
    const weeklyTotal = Object.values(volume.weeklyDistribution).reduce((a, b) => a + b, 0);
    return pipe(
      save({
        creatorId: ctx.creator.creatorId,
        weekStart: ctx.weekDates[0] ?? '',
        volume: rest,
        predictedRevenueItems: volume.finalConfig.revenuePerDay * 7,
        predictedTotalItems: weeklyTotal,
      }),
      TE.map(({ predictionId }) => ({
        ...volume,
        predictionId,
        adjustmentsApplied: [...volume.adjustmentsApplied, 'prediction_tracked'],
      })),
      TE.orElseW(() =>
        TE.right({
          ...volume,
          adjustmentsApplied: [...volume.adjustmentsApplied, 'prediction_failed'],
        }),
      ),
    );
  };

/**
 * Follow-up caption candidates, ranked: walks the degradation chain until there are enough
 * unused candidates for every possible parent. Source: seed 001 §6.4, phase 3 degradation chain.
 *
 * @since 0.1.0
 * @category pipeline
 */
export const fetchFollowupCandidates =
  (
    ctx: PhaseContext,
    loaded: LoadedData,
    timing: Timing,
    usedCaptionIds: ReadonlyArray<string>,
  ): RTE.ReaderTaskEither<SchedulePorts, ScheduleError, ReadonlyArray<Caption>> =>
  (ports) => {
    const parents = timing.slots.filter((s) => SEND_TYPES[s.sendTypeKey].canHaveFollowup).length;
    const needed = Math.min(parents, ctx.policy.followups.maxPerDay * ctx.weekDates.length);
    if (needed === 0) return TE.right([]);
    const allowed = loaded.vault
      ? Object.keys(loaded.vault.contentTypes).filter(
          (k) => (loaded.vault?.contentTypes[k] ?? 0) > 0,
        )
      : null;
    const step = (
      level: number,
      found: ReadonlyArray<Caption>,
    ): TE.TaskEither<ScheduleError, ReadonlyArray<Caption>> => {
      const chain = ctx.policy.content.degradationChain;
      const params = chain[level];
      if (params === undefined || found.length >= needed) return TE.right(found);
      return pipe(
        ports.getCaptionCandidates({
          creatorId: ctx.creator.creatorId,
          sendTypeKey: FOLLOWUP_SEND_TYPE.sendTypeKey,
          captionTypes: FOLLOWUP_SEND_TYPE.captionTypes,
          allowedContentTypes: allowed,
          asOf: ctx.weekDates[0] ?? '',
          minFreshness: params.minFreshness,
          minPerformance: params.minPerformance,
          excludeCaptionIds: [...usedCaptionIds, ...found.map((c) => c.captionId)],
          limit: needed - found.length + ctx.policy.content.candidateLimit,
        }),
        TE.mapLeft(portFailure),
        TE.chain((cs) => step(level + 1, [...found, ...cs])),
      );
    };
    return pipe(
      step(0, []),
      TE.map((cs) =>
        rankFollowupCaptions(
          cs,
          FOLLOWUP_SEND_TYPE,
          loaded.persona,
          ctx.weekDates[0] ?? '',
          ctx.policy,
        ),
      ),
    );
  };

/**
 * Saves the schedule through `ports.saveSchedule` when `options.save` is set and validation
 * passed (`passed` or `passed_with_warnings`); otherwise returns the result unchanged. A refused
 * save adds a `save_refused` warning; a failing port is a `PORT_FAILURE`. Source: seed 001 §7.4.
 *
 * @since 0.1.0
 * @category pipeline
 */
export const saveIfValid =
  (
    inputs: ScheduleInputs,
    result: ScheduleResult,
  ): RTE.ReaderTaskEither<SchedulePorts, ScheduleError, ScheduleResult> =>
  (ports) => {
    if (!inputs.options?.save) return TE.right(result);
    const passed =
      result.validation.status === 'passed' || result.validation.status === 'passed_with_warnings';
    if (!passed || !ports.saveSchedule) {
      const why = passed
        ? 'no saveSchedule port was supplied'
        : `validation status is ${result.validation.status}`;
      return TE.right({
        ...result,
        summary: {
          ...result.summary,
          adjustments: [
            ...result.summary.adjustments,
            issue('validation', 'warning', 'save_refused', `Schedule not saved: ${why}`, {}),
          ],
        },
      });
    }
    return pipe(
      ports.saveSchedule({ creatorId: result.creatorId, weekStart: result.weekStart, result }),
      TE.mapLeft(portFailure),
      TE.map(({ templateId }) => ({ ...result, templateId })),
    );
  };
