/**
 * `buildSchedule`: the seven phases composed in order. Source: seed 001 "Pipeline Overview".
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as RTE from 'fp-ts/lib/ReaderTaskEither.js';
import { allocateWeek } from '../allocation';
import { matchContent } from '../content';
import { decodeWith, ScheduleInputsC } from '../domain/codecs';
import type { ScheduleError } from '../domain/issues';
import { resolvePolicy } from '../domain/policy';
import type { PhaseContext } from '../domain/stages';
import { weekDatesFrom } from '../domain/time';
import type { ScheduleInputs, ScheduleResult } from '../domain/types';
import { generateFollowups } from '../followups';
import type { SchedulePorts } from '../ports/ports';
import { assignTargets } from '../targeting';
import { scheduleTimes } from '../timing';
import { validateSchedule } from '../validation';
import { assembleItems, summarize } from './assemble';
import { fetchFollowupCandidates, saveIfValid, trackVolume } from './effects';
import { decodingPorts, loadCreatorData } from './load';

const invalidInput = (issues: ScheduleError['issues']): ScheduleError => ({
  code: 'INVALID_INPUT',
  message: issues.map((i) => i.message).join('; '),
  issues,
});

/**
 * Builds a creator's week. Reads through the caller's ports and returns the schedule, its volume
 * and its validation report; the same inputs, seed and port data give byte-identical JSON.
 *
 * Phases: 1 load (ports, decoding, fallbacks) - 2 volume and allocation - 3 caption matching -
 * 4 targets and channels - 5 timing - 6 follow-ups - 7 assembly, pricing and validation, then
 * the optional save. A week that fails validation is still returned whole (`validation.status`
 * says so); only saving is refused.
 *
 * Errors (`Left`): `INVALID_INPUT` (inputs or policy overrides; each issue names the field),
 * `CREATOR_NOT_FOUND`, `DECODE_FAILED` (a port answered data that does not decode; paths named),
 * `PORT_FAILURE` (a required port failed).
 *
 * @example
 * const result = await buildSchedule({ creatorId: 'c1', weekStart: '2025-01-20', seed: 7 })(inMemoryPorts(dataset))();
 *
 * Source: seed 001 (pipeline), RULINGS.
 *
 * @since 0.1.0
 * @category pipeline
 */
export const buildSchedule = (
  inputs: ScheduleInputs,
): RTE.ReaderTaskEither<SchedulePorts, ScheduleError, ScheduleResult> =>
  RTE.local(decodingPorts)(pipeline(inputs));

const pipeline = (
  inputs: ScheduleInputs,
): RTE.ReaderTaskEither<SchedulePorts, ScheduleError, ScheduleResult> =>
  pipe(
    RTE.fromEither(
      pipe(
        decodeWith(ScheduleInputsC, inputs, 'inputs', 'input'),
        E.chain(() => resolvePolicy(inputs.policy ?? {})),
        E.mapLeft(invalidInput),
      ),
    ),
    RTE.bindTo('policy'),
    // Phase 1: load
    RTE.bind('data', ({ policy }) => loadCreatorData(inputs.creatorId, inputs.weekStart, policy)),
    RTE.let(
      'ctx',
      ({ policy, data }): PhaseContext => ({
        creator: data.creator,
        weekDates: weekDatesFrom(inputs.weekStart),
        seed: String(inputs.seed),
        options: {
          allowNextDayFollowups: inputs.options?.allowNextDayFollowups ?? false,
          manualConfidenceOverride: inputs.options?.manualConfidenceOverride ?? false,
          save: inputs.options?.save ?? false,
          trackPrediction: inputs.options?.trackPrediction ?? false,
        },
        policy,
      }),
    ),
    // Phase 2: volume, then allocation
    RTE.bind('volume', ({ ctx, data }) => trackVolume(ctx, data)),
    RTE.let('allocation', ({ ctx, data, volume }) => allocateWeek(ctx, data.loaded, volume)),
    // Phase 3: caption matching
    RTE.bind('content', ({ ctx, data, allocation, volume }) =>
      matchContent(ctx, data.loaded, allocation, volume),
    ),
    // Phase 4: targets and channels
    RTE.let('targeting', ({ ctx, content }) => assignTargets(ctx, content)),
    // Phase 5: timing
    RTE.let('timing', ({ ctx, data, allocation, targeting }) =>
      scheduleTimes(ctx, data.loaded, allocation, targeting),
    ),
    // Phase 6: follow-ups
    RTE.bind('followupCaptions', ({ ctx, data, timing, content }) =>
      fetchFollowupCandidates(ctx, data.loaded, timing, content.usedCaptionIds),
    ),
    RTE.let('withFollowups', ({ ctx, data, timing, followupCaptions, content }) =>
      generateFollowups(ctx, data.loaded, timing, followupCaptions, content.usedCaptionIds),
    ),
    // Phase 7: assembly, pricing, validation
    RTE.let('items', ({ ctx, data, volume, withFollowups }) =>
      assembleItems(ctx, data.loaded, volume, withFollowups),
    ),
    RTE.let(
      'adjustments',
      ({ data, volume, allocation, content, targeting, timing, withFollowups }) => [
        ...data.loaded.issues,
        ...volume.notes,
        ...allocation.issues,
        ...content.issues,
        ...targeting.issues,
        ...timing.issues,
        ...withFollowups.issues,
      ],
    ),
    RTE.let('validation', ({ ctx, data, volume, allocation, items, adjustments }) =>
      validateSchedule({
        creator: ctx.creator,
        weekDates: ctx.weekDates,
        items,
        volume,
        vault: data.loaded.vault,
        persona: data.loaded.persona,
        dailyStrategies: Object.fromEntries(allocation.days.map((d) => [d.date, d.strategy])),
        priorIssues: adjustments,
        policy: ctx.policy,
        manualConfidenceOverride: ctx.options.manualConfidenceOverride,
        allowNextDayFollowups: ctx.options.allowNextDayFollowups,
      }),
    ),
    RTE.map(
      ({ ctx, volume, allocation, timing, items, adjustments, validation }): ScheduleResult => ({
        creatorId: ctx.creator.creatorId,
        weekStart: inputs.weekStart,
        creator: ctx.creator,
        items,
        validation,
        volume,
        summary: summarize(ctx, items, allocation.days, timing.dailyPrimeHours, adjustments),
        templateId: null,
      }),
    ),
    RTE.chain((result) => saveIfValid(inputs, result)),
  );
