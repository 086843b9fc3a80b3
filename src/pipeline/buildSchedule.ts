/**
 * `buildSchedule`: the seven phases composed in order, with a checkpoint after each. Source:
 * seed 001 "Pipeline Overview", "Error Propagation Rules" (phase boundary enforcement).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as RTE from 'fp-ts/lib/ReaderTaskEither.js';
import * as t from 'io-ts';
import { allocateWeek } from '../allocation';
import { guardWeeklyLimits } from '../allocation/weeklyLimitGuard';
import { type AbAssignment, applyAbExperiment, decodeAbExperiment } from '../analytics/abTest';
import { sentCampaigns } from '../campaigns/plan';
import { matchContent, rematchRestyled, styleMisfits } from '../content';
import type { CheckpointDecision, TimingEvent } from '../domain/audit';
import { ScheduleInputsC, ScheduleItemC } from '../domain/codecs';
import { decodeWith } from '../domain/decode';
import {
  ISSUE_CODES,
  type Issue,
  type IssuePhase,
  issue,
  type ScheduleError,
  scheduleError,
} from '../domain/issues';
import { resolvePolicy, type SchedulePolicy } from '../domain/policy';
import { isPlainObject } from '../domain/policyCodec';
import type { PhaseContext, ScheduleResult, ValidationReport } from '../domain/stages';
import { weekDatesFrom } from '../domain/time';
import type { ScheduleInputs, ScheduleItem } from '../domain/types';
import { generateFollowups } from '../followups';
import { describeValue } from '../ports/faults';
import type { SchedulePorts } from '../ports/ports';
import { newTrace, type Trace } from '../ports/trace';
import { canonicalJson, idempotencyKeyWith } from '../resilience/idempotency';
import { type Sha256Prefix, sha256HexAfter, sha256Prefix } from '../resilience/sha256';
import { repairSameStyle, trackRotation } from '../rotation';
import { assignTargets } from '../targeting';
import {
  linkDropParents,
  reattributeTimeIssues,
  retimeSameStyle,
  scheduleTimes,
  timingAdjustmentsFor,
} from '../timing';
import {
  type ValidationInput,
  validateSchedule,
  validationScore,
  validationStatus,
} from '../validation';
import { assembleItems, summarize } from './assemble';
import { saveOperationParams, saveWeek, trackVolume } from './effects';
import { loadCreatorData } from './load';
import { planWeekPins } from './pins';
import { timingEventsOf } from './timingEvents';

/**
 * The checkpoint decision of a phase from its issues (001 "Propagation Decision Matrix"): an
 * error is an abort only when no week can exist yet (a `Left`); otherwise a HIGH recovery is
 * `recover`, a warning `degrade`, else `pass`.
 */
const decide = (issues: ReadonlyArray<Issue>): CheckpointDecision => {
  if (issues.some((i) => ISSUE_CODES[i.code].seedLevel === 'HIGH')) return 'recover';
  if (issues.some((i) => i.severity === 'warning' || i.severity === 'error')) return 'degrade';
  return 'pass';
};

/** The phase each timing event belongs to. */
const TIMING_EVENT_PHASE: Readonly<Record<TimingEvent['eventType'], IssuePhase>> = {
  rotation_change: 'allocation',
  rotation_state_change: 'allocation',
  followup_scheduled: 'followups',
  jitter_applied: 'timing',
  same_style_repair: 'timing',
  pin: 'timing',
  validation_result: 'validation',
  saga_execution: 'save',
};

const checkpoint = (trace: Trace, phase: IssuePhase, issues: ReadonlyArray<Issue>): void => {
  trace.record({
    type: 'checkpoint',
    phase,
    decision: decide(issues),
    codes: [...new Set(issues.filter((i) => i.severity !== 'info').map((i) => i.code))],
  });
};

/** Reads `inputs.experiment` (`undefined` for a non-object), or an issue when reading throws. */
const readExperiment = (inputs: unknown): E.Either<Issue, unknown> => {
  try {
    return E.right(
      typeof inputs === 'object' && inputs !== null
        ? (inputs as { readonly experiment?: unknown }).experiment
        : undefined,
    );
  } catch {
    return E.left(
      issue(
        'invalid_input',
        { expected: 'a readable experiment', received: 'a value that throws when read' },
        'inputs.experiment',
      ),
    );
  }
};

/**
 * The experiment of the inputs (000 task 3.7): `null` without one; else the creator's arm and
 * its policy over the caller's (`applyAbExperiment`).
 */
const experimentOf = (
  inputs: unknown,
  creatorId: string | null,
  policy: SchedulePolicy | null,
): E.Either<
  ReadonlyArray<Issue>,
  { readonly assignment: AbAssignment; readonly policy: SchedulePolicy } | null
> => {
  const value = readExperiment(inputs);
  if (E.isLeft(value)) return E.left([value.left]);
  if (value.right === undefined || value.right === null) return E.right(null);
  const experiment = decodeAbExperiment(value.right, 'inputs.experiment');
  if (E.isLeft(experiment)) return experiment;
  // The inputs or the policy failed: their issues are reported, the arm is not resolved.
  if (creatorId === null || policy === null) return E.right(null);
  return applyAbExperiment(experiment.right, creatorId, policy, 'inputs.experiment');
};

/** Whether a policy override has nothing in it: absent, or an object without any own key. */
const isEmptyOverride = (u: unknown): boolean => {
  if (u === undefined || u === null) return true;
  try {
    return isPlainObject(u) && Reflect.ownKeys(u).length === 0;
  } catch {
    return false;
  }
};

/**
 * The policy of the inputs without overrides, resolved once (it is deep-frozen, so sharing it
 * cannot leak a change into a later build), with its canonical JSON for the generation id.
 * Issue 11 (work once): resolving and serialising the defaults was a tenth of a week's build.
 */
let resolvedDefaults: {
  readonly policy: SchedulePolicy;
  readonly known: ReadonlyMap<object, string>;
} | null = null;

/**
 * The policy of `overrides` (the shared resolved defaults when there are none), or the
 * overrides' issues. Internal.
 *
 * @internal
 */
export const resolveOverrides = (
  overrides: unknown,
): E.Either<ReadonlyArray<Issue>, SchedulePolicy> => {
  if (!isEmptyOverride(overrides)) return resolvePolicy(overrides);
  if (resolvedDefaults !== null) return E.right(resolvedDefaults.policy);
  const resolved = resolvePolicy({});
  if (E.isRight(resolved))
    resolvedDefaults = {
      policy: resolved.right,
      known: new Map([[resolved.right, canonicalJson(resolved.right)]]),
    };
  return resolved;
};

const NOTHING_KNOWN: ReadonlyMap<object, string> = new Map();

/** How many creators' generation-id prefixes `generationIdOf` keeps (the most recent). */
const GENERATION_PREFIXES_KEPT = 64;

/**
 * The SHA-256 states after `generation:{<creatorId and options>,"policy":<default policy>`, by
 * the canonical JSON of creatorId and options (most recent last).
 */
const generationPrefixes = new Map<
  string,
  { readonly policyJson: string; readonly prefix: Sha256Prefix }
>();

/**
 * The build's generation id: `idempotencyKey('generation', { creatorId, weekStart, seed,
 * options, policy })`. With the default policy (its canonical JSON known, ~10 KB) the SHA-256
 * state after the creator's head and the policy is kept for the creator's next builds, so only
 * the seed and week are hashed again (issue 11). The canonical keys sort creatorId, options,
 * policy, seed, weekStart, so the text is the head's entries, the policy, then the tail's.
 *
 * @internal
 */
export const generationIdOf = (
  inputs: Pick<ScheduleInputs, 'creatorId' | 'weekStart' | 'seed' | 'options'>,
  policy: SchedulePolicy,
): string => {
  const params = {
    creatorId: inputs.creatorId,
    weekStart: inputs.weekStart,
    seed: inputs.seed,
    options: inputs.options ?? {},
    policy,
  };
  const defaults = resolvedDefaults;
  const policyJson = policy === defaults?.policy ? defaults.known.get(policy) : undefined;
  if (policyJson === undefined) return idempotencyKeyWith('generation', params, NOTHING_KNOWN);
  const head = canonicalJson({ creatorId: params.creatorId, options: params.options });
  const tail = canonicalJson({ seed: params.seed, weekStart: params.weekStart });
  // An empty side has no entry to join with a comma: the whole text, as before.
  if (head.length < 3 || tail.length < 3 || head[0] !== '{' || tail[0] !== '{')
    return idempotencyKeyWith('generation', params, defaults?.known ?? NOTHING_KNOWN);
  let kept = generationPrefixes.get(head);
  if (kept === undefined || kept.policyJson !== policyJson) {
    kept = {
      policyJson,
      prefix: sha256Prefix(`generation:${head.slice(0, -1)},"policy":${policyJson}`),
    };
    if (generationPrefixes.size >= GENERATION_PREFIXES_KEPT) {
      const oldest = generationPrefixes.keys().next().value;
      if (oldest !== undefined) generationPrefixes.delete(oldest);
    }
  } else generationPrefixes.delete(head);
  generationPrefixes.set(head, kept);
  return sha256HexAfter(kept.prefix, `,${tail.slice(1)}`).slice(0, 32);
};

/** Decodes the inputs, resolves the policy and applies the experiment, every problem collected. */
const decodeInputs = (
  inputs: unknown,
): E.Either<
  ScheduleError,
  {
    readonly inputs: ScheduleInputs;
    readonly policy: SchedulePolicy;
    readonly experiment: AbAssignment | null;
  }
> => {
  const decoded = decodeWith(ScheduleInputsC, inputs, 'inputs', 'invalid_input');
  let policyOverrides: unknown = {};
  let unreadable: Issue | null = null;
  try {
    policyOverrides =
      typeof inputs === 'object' && inputs !== null
        ? ((inputs as { readonly policy?: unknown }).policy ?? {})
        : {};
  } catch {
    unreadable = issue(
      'invalid_input',
      { expected: 'a readable policy', received: 'a value that throws when read' },
      'inputs.policy',
    );
  }
  const policy = unreadable === null ? resolveOverrides(policyOverrides) : E.left([unreadable]);
  const experiment = experimentOf(
    inputs,
    E.isRight(decoded) ? decoded.right.creatorId : null,
    E.isRight(policy) ? policy.right : null,
  );
  const problems = [
    ...(E.isLeft(decoded) ? decoded.left : []),
    ...(E.isLeft(policy) ? policy.left : []),
    ...(E.isLeft(experiment) ? experiment.left : []),
  ];
  if (problems.length > 0 || E.isLeft(decoded) || E.isLeft(policy) || E.isLeft(experiment))
    return E.left(scheduleError('INVALID_INPUT', 'input', problems));
  return E.right({
    inputs: decoded.right as ScheduleInputs,
    policy: experiment.right?.policy ?? policy.right,
    experiment: experiment.right?.assignment ?? null,
  });
};

/**
 * Builds a creator's week. Reads through the caller's ports and returns the schedule, its volume,
 * its validation report and its audit trail; the same inputs, seed and port data give
 * byte-identical JSON.
 *
 * Phases, each followed by a checkpoint recorded in `result.audit` (pass, recover, degrade or
 * abort): 1 load (ports, decoding, fallbacks; the creator timing profile and the current pins
 * when their optional ports exist) - 2 volume (with the 001 degradation chain) and
 * allocation, guarded by `enforceWeeklyLimits` (000 task 3.5) - 3 caption matching - 4 targets
 * and channels - 5 timing (the profile's jitter range, AM/PM preference, hourly performance) -
 * 6 follow-ups (the profile's window and next-day rule) - 7 assembly, pricing, the pin plan
 * (`result.pins`, 003 task 2.5) and validation, then the optional save (a saga behind the
 * idempotency guard). A week that fails validation is still returned whole
 * (`validation.status` says so); only saving is refused. A failed save is an error in the
 * report, never a lost week.
 *
 * A/B tests (000 task 3.7): with `inputs.experiment` (`{ test, treatmentShare? }`) the creator's
 * arm (`assignAbArm`, a hash of test id and creator id) has its configuration laid over
 * `inputs.policy` (`applyAbExperiment`), the week is built and validated with that policy (the
 * arm's own targets, RULINGS "A/B arms") and `result.experiment` names the arm. Without one
 * nothing changes.
 *
 * Total: it never throws and its task never rejects, whatever the inputs and whatever the ports
 * do (throw, reject, answer garbage). A port that never answers needs a timeout, which needs a
 * clock: wrap the ports with `withResilience`.
 *
 * Errors (`Left`, only when no week can exist): `INVALID_INPUT` (inputs, policy overrides or
 * the experiment; each issue names the field), `CREATOR_NOT_FOUND`, `DECODE_FAILED` (a required port answered
 * data that does not decode; paths named), `PORT_FAILURE` / `PORT_TIMEOUT` (a required port
 * failed; the issue names it), `INTERNAL_ERROR` (a bug).
 *
 * @example
 * const result = await buildSchedule({ creatorId: 'c1', weekStart: '2025-01-20', seed: 7 })(inMemoryPorts(dataset))();
 *
 * Source: seed 001 (pipeline, error handling), RULINGS.
 *
 * @since 0.1.0
 * @category pipeline
 */
export const buildSchedule = (
  inputs: ScheduleInputs,
): RTE.ReaderTaskEither<SchedulePorts, ScheduleError, ScheduleResult> => run(inputs, null);

/**
 * Validates a week's items as they are now (edited by hand, read back from a CSV or JSON
 * export) in the context of the week the same inputs build: the creator, the volume, the vault,
 * the persona, the daily strategies, the campaigns already sent and what the data forced on the
 * build (its phase issues, kept as prior issues) are the build's; the items are the ones given.
 * Unedited items of a build give that build's report. Nothing is saved and no prediction is
 * recorded, whatever `inputs.options` says.
 *
 * `items` is decoded with `ScheduleItemC`: `Left` `INVALID_INPUT` with one `invalid_input` issue
 * per failing path (`items[3].scheduledTime`). Other errors as `buildSchedule`.
 *
 * @example
 * const report = await validateScheduleItems(inputs, fromCsvItems)(ports)();
 *
 * Source: seed 001 §7.2-§7.3 (validation and the report).
 *
 * @since 0.3.0
 * @category pipeline
 */
export const validateScheduleItems =
  (
    inputs: ScheduleInputs,
    items: unknown,
  ): RTE.ReaderTaskEither<SchedulePorts, ScheduleError, ValidationReport> =>
  (ports) =>
  async () => {
    const decoded = decodeWith(t.array(ScheduleItemC), items, 'items', 'invalid_input');
    if (E.isLeft(decoded)) return E.left(scheduleError('INVALID_INPUT', 'input', decoded.left));
    const r = await run(inputs, decoded.right)(ports)();
    return E.isLeft(r) ? r : E.right(r.right.validation);
  };

/** `buildSchedule`, validating `itemsToValidate` instead of the built items when given. */
const run =
  (
    inputs: ScheduleInputs,
    itemsToValidate: ReadonlyArray<ScheduleItem> | null,
  ): RTE.ReaderTaskEither<SchedulePorts, ScheduleError, ScheduleResult> =>
  (ports) =>
  async () => {
    try {
      let logger: SchedulePorts['log'];
      try {
        logger = typeof ports?.log === 'function' ? ports.log : undefined;
      } catch {
        logger = undefined;
      }
      const trace = newTrace(logger);
      const decoded = decodeInputs(inputs);
      if (E.isLeft(decoded)) {
        checkpoint(trace, 'input', decoded.left.issues);
        return decoded;
      }
      const { inputs: decodedInputs, policy, experiment } = decoded.right;
      return await pipeline(decodedInputs, policy, trace, experiment, itemsToValidate)(ports)();
    } catch (e) {
      return E.left(
        scheduleError('INTERNAL_ERROR', 'validation', [
          issue('internal_error', { reason: describeValue(e) }),
        ]),
      );
    }
  };

/**
 * Phases 1-7 in order, as one plain async function over the ports (issue 11: no fp-ts layer per
 * step; a phase that fails records its `abort` checkpoint and ends the build with its error).
 */
const pipeline =
  (
    inputs: ScheduleInputs,
    policy: SchedulePolicy,
    trace: Trace,
    experiment: AbAssignment | null,
    itemsToValidate: ReadonlyArray<ScheduleItem> | null = null,
  ): RTE.ReaderTaskEither<SchedulePorts, ScheduleError, ScheduleResult> =>
  (ports) => {
    const generationId = generationIdOf(inputs, policy);
    const abortAt = (phase: IssuePhase, e: ScheduleError): E.Either<ScheduleError, never> => {
      trace.record({
        type: 'checkpoint',
        phase,
        decision: 'abort',
        codes: [...new Set(e.issues.map((i) => i.code))],
      });
      return E.left(e);
    };
    return async () => {
      // Phase 1: load
      const loadedData = await loadCreatorData(
        inputs.creatorId,
        inputs.weekStart,
        policy,
        trace,
      )(ports)();
      if (E.isLeft(loadedData)) return abortAt('load', loadedData.left);
      const data = loadedData.right;
      // The creator timing profile (003 task 2.8): what it changes, reported. The caller's
      // `allowNextDayFollowups`, when given, wins over the profile's multi-time-zone audience.
      const profile = timingAdjustmentsFor(data.loaded.timingProfile, policy, {
        allowNextDayFollowups: inputs.options?.allowNextDayFollowups,
      });
      checkpoint(trace, 'load', data.loaded.issues);
      const ctx: PhaseContext = {
        creator: data.creator,
        weekDates: weekDatesFrom(inputs.weekStart),
        seed: String(inputs.seed),
        options: {
          allowNextDayFollowups: profile.allowNextDay,
          manualConfidenceOverride: inputs.options?.manualConfidenceOverride ?? false,
          // A revalidation (`validateScheduleItems`) never saves or records a prediction.
          save: itemsToValidate === null && (inputs.options?.save ?? false),
          trackPrediction: itemsToValidate === null && (inputs.options?.trackPrediction ?? false),
        },
        policy,
      };
      // Phase 2: volume, then allocation
      const tracked = await trackVolume(ctx, data, trace)(ports)();
      if (E.isLeft(tracked)) return abortAt('volume', tracked.left);
      const volumeStep = tracked.right;
      checkpoint(trace, 'volume', [...volumeStep.issues, ...volumeStep.volume.notes]);
      const volume = volumeStep.volume;
      // The rotation of the week (003 task 2.1): the pattern per date, from the stored state.
      const rotation = trackRotation(
        {
          creatorId: ctx.creator.creatorId,
          state: data.loaded.rotationState,
          scheduleDates: ctx.weekDates,
          seed: ctx.seed,
        },
        ctx.policy.rotation,
      );
      // The weekly limits (000 task 3.5) as a guard on the allocated week: normally it removes
      // nothing; what it removes is reported.
      const allocation = guardWeeklyLimits(allocateWeek(ctx, data.loaded, volume, rotation));
      checkpoint(trace, 'allocation', [...rotation.issues, ...allocation.issues]);
      // Phase 3: caption matching (and the follow-up candidates, read with the rest)
      const matched = await matchContent(ctx, data.loaded, allocation, volume, trace)(ports)();
      if (E.isLeft(matched)) return abortAt('content', matched.left);
      const content = matched.right;
      checkpoint(trace, 'content', content.issues);
      // Phase 4: targets and channels
      const targeting = assignTargets(ctx, content);
      checkpoint(trace, 'targeting', targeting.issues);
      // Phase 5: timing, then the same-style repair (003 task 2.2) before the follow-ups; the
      // link drops name their campaigns once the times are final (003 task 2.4).
      const timed = scheduleTimes(ctx, data.loaded, allocation, targeting);
      const repaired = repairSameStyle(timed.slots, ctx.policy.rotation);
      const retimed = retimeSameStyle(ctx, data.loaded, repaired.slots);
      // RULINGS "when styles are fixed": the swapped styles' captions are re-matched, and the
      // misfits of the final styles reported (issue 7 deliverable 3).
      const restyled = [...repaired.issues, ...retimed.issues].flatMap((i) =>
        i.code === 'same_style_repaired' && i.details.strategy === 'style_swap'
          ? i.details.slotIds
          : [],
      );
      const linked = linkDropParents(
        rematchRestyled(retimed.slots, restyled, ctx.policy),
        ctx.policy,
      );
      const timing = {
        ...timed,
        slots: linked.items,
        issues: [
          ...reattributeTimeIssues(timed.slots, linked.items, timed.issues),
          ...repaired.issues,
          ...retimed.issues,
          ...styleMisfits(linked.items, ctx.policy),
          ...linked.issues,
        ],
      };
      checkpoint(trace, 'timing', [...profile.issues, ...timing.issues]);
      // Phase 6: follow-ups
      const withFollowups = generateFollowups(
        ctx,
        data.loaded,
        timing,
        content.followupCandidates,
        content.usedCaptionIds,
      );
      checkpoint(trace, 'followups', withFollowups.issues);
      // Phase 7: assembly, pricing, pins, validation
      const items = assembleItems(ctx, data.loaded, volume, withFollowups);
      // The week's pinned posts (003 task 2.5): the items' pins, from the current pins.
      const pinned = planWeekPins(ctx, data.loaded, items);
      const adjustments = [
        ...data.loaded.issues,
        ...profile.issues,
        ...volumeStep.issues,
        ...volume.notes,
        ...rotation.issues,
        ...allocation.issues,
        ...content.issues,
        ...targeting.issues,
        ...timing.issues,
        ...withFollowups.issues,
        ...pinned.issues,
      ];
      const validationInput: ValidationInput = {
        creator: ctx.creator,
        weekDates: ctx.weekDates,
        items: itemsToValidate ?? items,
        volume,
        vault: data.loaded.vault,
        persona: data.loaded.persona,
        dailyStrategies: Object.fromEntries(allocation.days.map((d) => [d.date, d.strategy])),
        priorIssues: adjustments,
        policy: ctx.policy,
        manualConfidenceOverride: ctx.options.manualConfidenceOverride,
        allowNextDayFollowups: ctx.options.allowNextDayFollowups,
        campaignHistory: sentCampaigns(
          data.loaded.history,
          data.loaded.campaignHistory ?? [],
          ctx.creator.timezone,
        ),
      };
      const validation = validateSchedule(validationInput);
      checkpoint(trace, 'validation', [...validation.errors, ...validation.warnings]);
      const draft: ScheduleResult = {
        creatorId: ctx.creator.creatorId,
        weekStart: inputs.weekStart,
        seed: inputs.seed,
        creator: ctx.creator,
        items,
        validation,
        volume,
        summary: summarize(ctx, items, allocation.days, timing.dailyPrimeHours, adjustments),
        templateId: null,
        save: {
          status: 'not_requested',
          templateId: null,
          operationKey: null,
          sagaStatus: null,
          sagaLog: [],
        },
        audit: { generationId, events: [] },
        timingEvents: [],
        rotation: {
          stateBefore: rotation.stateBefore,
          stateAfter: rotation.stateAfter,
          rotations: rotation.rotations,
          transitions: rotation.transitions,
        },
        pins: pinned.pins,
        ...(experiment === null ? {} : { experiment }),
      };
      // The save (a saga behind the idempotency guard), then the audit trail.
      const saved = await saveWeek(
        ctx,
        draft,
        saveOperationParams(ctx, data, inputs.seed),
        trace,
      )(ports)();
      checkpoint(trace, 'save', saved.issues);
      const week: ScheduleResult = {
        ...draft,
        validation: withIssues(draft.validation, saved.issues, policy),
        templateId: saved.save.templateId,
        save: saved.save,
        summary: { ...draft.summary, adjustments: [...draft.summary.adjustments, ...saved.issues] },
      };
      // 003 task 2.2b: the timing events, to the result and, as they are recorded, to the logger
      const timingEvents = timingEventsOf(week);
      for (const event of timingEvents)
        trace.record({ type: 'timing', phase: TIMING_EVENT_PHASE[event.eventType], event });
      return E.right({ ...week, timingEvents, audit: { generationId, events: trace.events() } });
    };
  };

/**
 * The report with the save's issues added; an error (a failed save) recomputes the score and
 * status, so a week that could not be saved never reads as passed and saved.
 */
const withIssues = (
  v: ScheduleResult['validation'],
  extra: ReadonlyArray<Issue>,
  policy: SchedulePolicy,
): ScheduleResult['validation'] => {
  if (extra.length === 0) return v;
  const errors = [...v.errors, ...extra.filter((i) => i.severity === 'error')];
  const warnings = [...v.warnings, ...extra.filter((i) => i.severity === 'warning')];
  const notes = [...v.notes, ...extra.filter((i) => i.severity === 'info')];
  const score = validationScore(errors, warnings, policy);
  return {
    ...v,
    errors,
    warnings,
    notes,
    score,
    status: validationStatus(score, errors, warnings, policy),
  };
};
