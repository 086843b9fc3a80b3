/**
 * The saga: steps run in order, each with a compensation; on the first failure the completed
 * steps are compensated in reverse order. A generic combinator: the save and the timing saga of
 * seed 003 task 2.1b are sagas of their own steps.
 *
 * Statuses, one log record per change:
 *
 * | status | meaning here | seed 004 `saga_execution_log` |
 * |---|---|---|
 * | `pending` | created, no step run yet | same |
 * | `in_progress` | steps running | same |
 * | `completed` | every step succeeded (terminal) | same |
 * | `compensating` | a step failed; compensations running | same |
 * | `rolled_back` | every compensation succeeded (terminal) | 004 says "manual rollback performed" |
 * | `failed` | at least one compensation failed (terminal) | 004 says "compensation completed after failure" |
 *
 * The seeds disagree on the last two. ISSUE-NOTES (issue 4, "Saga") rules for seed 003's code
 * (`ROLLED_BACK if not compensation_errors else FAILED`): `rolled_back` means the compensation
 * succeeded, `failed` that it did not. A store that keeps 004's reading must map them on write.
 *
 * Source: seed 003 task 2.1b (`Wave2TimingSaga`, `SagaStatus`, `SagaResult`); seed 004
 * `saga_execution_log`; ISSUE-NOTES issue 4 "Saga".
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { describeValue } from '../ports/faults';
import { type Clock, isoOf, safeNow } from './clock';
import { eitherOf } from './guard';

/**
 * The outputs of the steps completed so far, by step name.
 *
 * Source: seed 003 task 2.1b (`SagaStep`, `SagaStatus`, `SagaResult`); seed 004
 * `saga_execution_log`.
 *
 * @since 0.2.0
 * @category resilience
 */
export type SagaOutputs = Readonly<Record<string, unknown>>;

/**
 * One step: `run` sees the outputs of the earlier steps and answers its own output (`Right`) or
 * its failure (`Left`, any value); `compensate` undoes it, given its output and the outputs of
 * every completed step. A step or compensation that fails synchronously, rejects or answers
 * something that is not an `Either` is a failure like a `Left`.
 *
 * Source: seed 003 task 2.1b (`SagaStep`, `SagaStatus`, `SagaResult`); seed 004
 * `saga_execution_log`.
 *
 * @since 0.2.0
 * @category resilience
 */
export interface SagaStep<A = unknown> {
  /** Unique within the saga; the key of its output. */
  readonly name: string;
  /** Does the step, given the outputs of the earlier steps: its output (`Right`) or its failure (`Left`). */
  run(done: SagaOutputs): Promise<E.Either<unknown, A>>;
  /** Undoes the step, given its own output and the outputs of every completed step; a `Left` is a failed compensation. */
  compensate(output: A, done: SagaOutputs): Promise<E.Either<unknown, void>>;
}

/**
 * Types a step by its `run` (so `compensate` receives the step's own output type). Identity.
 *
 * @example
 * sagaStep({ name: 'save', run: async () => E.right({ templateId: 't1' }),
 *            compensate: async (saved) => deleteTemplate(saved.templateId) })
 *
 * Source: seed 003 task 2.1b (`SagaStep`, `SagaStatus`, `SagaResult`); seed 004
 * `saga_execution_log`.
 *
 * @since 0.2.0
 * @category resilience
 */
export const sagaStep = <A>(step: SagaStep<A>): SagaStep<A> => step;

/**
 * A saga status (see the module table).
 *
 * Source: seed 003 task 2.1b (`SagaStep`, `SagaStatus`, `SagaResult`); seed 004
 * `saga_execution_log`.
 *
 * @since 0.2.0
 * @category resilience
 */
export type SagaStatus =
  | 'pending'
  | 'in_progress'
  | 'completed'
  | 'compensating'
  | 'rolled_back'
  | 'failed';

/**
 * One row of seed 004 `saga_execution_log`, camelCase (the table's `id` and `created_at` are the
 * store's). `executionTimeMs` is the time since the start when the record was written, by the
 * caller's clock (`null` without a usable clock); `startedAt` / `completedAt` are ISO 8601 UTC
 * strings from it (`null` without one; `completedAt` only on the terminal record).
 *
 * Source: seed 003 task 2.1b (`SagaStep`, `SagaStatus`, `SagaResult`); seed 004
 * `saga_execution_log`.
 *
 * @since 0.2.0
 * @category resilience
 */
export interface SagaLogRecord {
  /** The saga's id, as the caller named it (the save: `<generationId>:save`; 004 `saga_id`). */
  readonly sagaId: string;
  /** The creator the saga ran for (004 `creator_id`). */
  readonly creatorId: string;
  /** The status this record logs the change to. */
  readonly status: SagaStatus;
  /** Steps completed so far, in run order (004 `steps_completed`). */
  readonly stepsCompleted: ReadonlyArray<string>;
  /** The step that failed, `null` while none has (004 `failed_step`). */
  readonly failedStep: string | null;
  /** The failure, described (`<step> failed: <what it said>`), `null` while none (004 `error_message`). */
  readonly errorMessage: string | null;
  /** One per failed compensation so far: `<step>: <what it said>`. */
  readonly compensationErrors: ReadonlyArray<string>;
  /** Milliseconds from the start to this record, by the caller's clock; `null` without a usable clock. */
  readonly executionTimeMs: number | null;
  /** UTC ISO instant the saga started, `null` without a usable clock. */
  readonly startedAt: string | null;
  /** UTC ISO instant it ended, on the terminal record only; else `null`. */
  readonly completedAt: string | null;
}

/**
 * What a saga came to.
 *
 * Source: seed 003 task 2.1b (`SagaStep`, `SagaStatus`, `SagaResult`); seed 004
 * `saga_execution_log`.
 *
 * @since 0.2.0
 * @category resilience
 */
export interface SagaResult {
  /** `completed` (every step succeeded), `rolled_back` (a step failed, every compensation succeeded) or `failed` (a compensation failed). */
  readonly status: 'completed' | 'rolled_back' | 'failed';
  /** Steps that completed, in run order (compensated ones included). */
  readonly completedSteps: ReadonlyArray<string>;
  /** Steps whose compensation was run, in the order run (the reverse of `completedSteps`). */
  readonly compensatedSteps: ReadonlyArray<string>;
  /** The step that failed; `null` when completed. */
  readonly failedStep: string | null;
  /** The failure, described (`<step> failed: <what it said>`); `null` when completed. */
  readonly error: string | null;
  /** One per failed compensation: `<step>: <what it said>`. */
  readonly compensationErrors: ReadonlyArray<string>;
  /** Outputs of the completed steps, by step name. */
  readonly outputs: SagaOutputs;
  /** Milliseconds from start to end by the caller's clock, `null` without a usable clock. */
  readonly executionTimeMs: number | null;
  /** One record per status change, in order. */
  readonly log: ReadonlyArray<SagaLogRecord>;
}

/** Runs a step's function; its failure of any form becomes `Left(description)`. */
const attempt = async (f: () => unknown): Promise<E.Either<string, unknown>> => {
  let answer: unknown;
  try {
    answer = await f();
  } catch (e) {
    return E.left(describeValue(e));
  }
  const either = eitherOf(answer);
  if (either === null) return E.left(`answered ${describeValue(answer)}, not an Either`);
  return E.mapLeft(describeValue)(either);
};

interface ReadStep {
  readonly name: string;
  readonly step: SagaStep<unknown>;
}

/** Reads and checks the steps: names unique strings, `run` and `compensate` functions. */
const readSteps = (
  steps: ReadonlyArray<SagaStep<unknown>>,
): E.Either<{ readonly step: string; readonly message: string }, ReadonlyArray<ReadStep>> => {
  const out: ReadStep[] = [];
  const names = new Set<string>();
  let list: ReadonlyArray<unknown>;
  try {
    list = Array.from(steps as ReadonlyArray<unknown>);
  } catch (e) {
    return E.left({ step: '(steps)', message: `steps unreadable: ${describeValue(e)}` });
  }
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    let name: unknown;
    let run: unknown;
    let compensate: unknown;
    try {
      name = (s as SagaStep).name;
      run = (s as SagaStep).run;
      compensate = (s as SagaStep).compensate;
    } catch (e) {
      return E.left({ step: `#${i}`, message: `step #${i} unreadable: ${describeValue(e)}` });
    }
    const label = typeof name === 'string' ? name : `#${i}`;
    if (typeof name !== 'string' || name.length === 0)
      return E.left({ step: label, message: `step #${i} has no name` });
    if (names.has(name)) return E.left({ step: label, message: `duplicate step name "${name}"` });
    if (typeof run !== 'function' || typeof compensate !== 'function')
      return E.left({ step: label, message: `step "${name}" needs run and compensate functions` });
    names.add(name);
    out.push({ name, step: s as SagaStep<unknown> });
  }
  return E.right(out);
};

/**
 * Runs `steps` in order; on the first failure runs the compensations of the completed steps in
 * reverse order (every one of them, even after one fails) and stops.
 *
 * Input: the steps, and `meta` (`sagaId`, `creatorId` for the log; an optional `clock` for its
 * times). Output: a `SagaResult`: `completed` when every step succeeded; `rolled_back` when a
 * step failed and every compensation succeeded; `failed` when a compensation failed too. Steps
 * that are malformed (a missing name, a duplicate name, `run` or `compensate` not a function)
 * fail the saga before any step runs. Never rejects; a step that never settles keeps it waiting
 * (bound a step with `withTimeout` if it talks to a port).
 *
 * Source: seed 003 task 2.1b `Wave2TimingSaga.execute` / `_compensate`; seed 004
 * `saga_execution_log`.
 *
 * @example
 * const result = await runSaga([saveStep, rotationStep], { sagaId, creatorId: 'c1', clock });
 * // { status: 'rolled_back', completedSteps: ['save'], failedStep: 'rotation', ... }
 *
 * @since 0.2.0
 * @category resilience
 */
export const runSaga = async (
  steps: ReadonlyArray<SagaStep<unknown>>,
  meta: { readonly sagaId: string; readonly creatorId: string; readonly clock?: Clock },
): Promise<SagaResult> => {
  let sagaId = '';
  let creatorId = '';
  let clock: Clock | undefined;
  try {
    sagaId = String(meta.sagaId);
    creatorId = String(meta.creatorId);
    clock = meta.clock;
  } catch {
    // Unreadable meta: the log carries empty ids and no times.
  }
  const read = (): number | null => {
    if (clock === undefined) return null;
    const r = safeNow(clock);
    return E.isRight(r) ? r.right : null;
  };
  const start = read();
  const startedAt = isoOf(start);
  const log: SagaLogRecord[] = [];
  const completed: string[] = [];
  const outputs = new Map<string, unknown>();
  const snapshot = (): SagaOutputs => Object.fromEntries(outputs);
  let failedStep: string | null = null;
  let errorMessage: string | null = null;
  const compensationErrors: string[] = [];
  let elapsed: number | null = start === null ? null : 0;

  const enter = (status: SagaStatus, now: number | null): void => {
    elapsed = start === null || now === null ? null : now - start;
    const terminal = status === 'completed' || status === 'rolled_back' || status === 'failed';
    log.push({
      sagaId,
      creatorId,
      status,
      stepsCompleted: [...completed],
      failedStep,
      errorMessage,
      compensationErrors: [...compensationErrors],
      executionTimeMs: elapsed,
      startedAt,
      completedAt: terminal ? isoOf(now) : null,
    });
  };

  enter('pending', start);
  enter('in_progress', read());
  const checked = readSteps(steps);
  const compensated: string[] = [];
  const finish = (status: SagaResult['status']): SagaResult => {
    enter(status, read());
    return {
      status,
      completedSteps: [...completed],
      compensatedSteps: compensated,
      failedStep,
      error: errorMessage,
      compensationErrors: [...compensationErrors],
      outputs: snapshot(),
      executionTimeMs: elapsed,
      log,
    };
  };

  const done: ReadStep[] = [];
  if (E.isLeft(checked)) {
    failedStep = checked.left.step;
    errorMessage = checked.left.message;
  } else
    for (const { name, step } of checked.right) {
      const r = await attempt(() => step.run(snapshot()));
      if (E.isLeft(r)) {
        failedStep = name;
        errorMessage = `${name} failed: ${r.left}`;
        break;
      }
      outputs.set(name, r.right);
      completed.push(name);
      done.push({ name, step });
    }
  if (failedStep === null) return finish('completed');

  enter('compensating', read());
  for (const { name, step } of [...done].reverse()) {
    compensated.push(name);
    const r = await attempt(() => step.compensate(outputs.get(name), snapshot()));
    if (E.isLeft(r)) compensationErrors.push(`${name}: ${r.left}`);
  }
  return finish(compensationErrors.length === 0 ? 'rolled_back' : 'failed');
};
