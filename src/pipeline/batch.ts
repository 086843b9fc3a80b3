/**
 * Batches: a week for each of many creators, with bounded concurrency and progress, each result
 * or error kept. Source: seed 001 (the pipeline, run per creator); issue "What an agency
 * touches" (an agency of creators).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as RT from 'fp-ts/lib/ReaderTask.js';
import * as t from 'io-ts';
import { intInRange } from '../domain/codecs';
import { decodeWith } from '../domain/decode';
import { type Issue, issue, type ScheduleError, scheduleError } from '../domain/issues';
import { strictType } from '../domain/policyCodec';
import type { ScheduleResult } from '../domain/stages';
import type { ScheduleInputs } from '../domain/types';
import { describeValue } from '../ports/faults';
import type { SchedulePorts } from '../ports/ports';
import { buildSchedule } from './buildSchedule';

/**
 * What one request of a batch gave: its inputs, its index in the requests, and the week
 * (`Right`) or the reason there is none (`Left`, a `ScheduleError` as `buildSchedule` returns
 * it).
 *
 * @since 0.3.0
 * @category pipeline
 */
export interface BatchEntry {
  /** 0-based index of the request in `requests`. */
  readonly index: number;
  /** The request's inputs, as given. */
  readonly inputs: ScheduleInputs;
  /** The week (`Right`) or why there is none (`Left`, as `buildSchedule` answers). */
  readonly result: E.Either<ScheduleError, ScheduleResult>;
}

/**
 * Progress of a batch, reported once per finished request: how many are done of how many, and
 * the entry that just finished.
 *
 * @since 0.3.0
 * @category pipeline
 */
export interface BatchProgress {
  /** Requests finished so far, this one included (1..`total`). */
  readonly done: number;
  /** Requests in the batch. */
  readonly total: number;
  /** The entry that just finished. */
  readonly entry: BatchEntry;
}

/**
 * Options of `buildSchedules`:
 * - `concurrency`: how many builds are in flight at once, an integer 1-64 (default 1: one after
 *   the other). The work is mostly synchronous, so a higher figure helps only with ports that
 *   wait on I/O.
 * - `onProgress`: called after each request finishes, in the order they finish. A callback that
 *   throws is not called again and the batch goes on (`progressFailed` on the result).
 *
 * @since 0.3.0
 * @category pipeline
 */
export interface BatchOptions {
  /** Builds in flight at once, an integer 1-64; default 1. */
  readonly concurrency?: number;
  /** Called after each request finishes, in finishing order; not called again once it throws. */
  readonly onProgress?: (progress: BatchProgress) => void;
}

/**
 * Result of `buildSchedules`: one entry per request, in request order, and whether the caller's
 * `onProgress` threw (it is then no longer called).
 *
 * @since 0.3.0
 * @category pipeline
 */
export interface BatchResult {
  /** One entry per request, in request order. */
  readonly entries: ReadonlyArray<BatchEntry>;
  /** Whether `onProgress` threw (it was then no longer called). */
  readonly progressFailed: boolean;
}

/** The most builds in flight at once that `buildSchedules` accepts. */
const MAX_CONCURRENCY = 64;

const BatchOptionsC = strictType(
  'BatchOptions',
  {},
  { concurrency: intInRange(1, MAX_CONCURRENCY), onProgress: t.Function },
);

/**
 * Builds a week for each request with `buildSchedule`, at most `concurrency` at once, over the
 * same ports, and keeps every outcome: a request whose build fails is an entry with a `Left`, the
 * others go on. Entries come back in request order whatever the finishing order; the same
 * requests give the same entries at any concurrency.
 *
 * Returns `Left` `INVALID_INPUT` (issues `invalid_option` naming `options.concurrency` or
 * `options.onProgress`, or `invalid_input` at `requests` when it is not an array) before any
 * build starts. Never throws; its task never rejects (a build that throws, which is a bug, is
 * an `INTERNAL_ERROR` entry).
 *
 * @example
 * const batch = await buildSchedules(
 *   creatorIds.map((creatorId) => ({ creatorId, weekStart: '2025-01-20', seed: 42 })),
 *   { concurrency: 2, onProgress: ({ done, total }) => bar.update(done, total) },
 * )(inMemoryPorts(dataset))();
 *
 * Source: seed 001 (the pipeline per creator).
 *
 * @since 0.3.0
 * @category pipeline
 */
export const buildSchedules =
  (
    requests: ReadonlyArray<ScheduleInputs>,
    options: BatchOptions = {},
  ): RT.ReaderTask<SchedulePorts, E.Either<ScheduleError, BatchResult>> =>
  (ports) =>
  async () => {
    const decoded = decodeWith(BatchOptionsC, options, 'options', 'invalid_option');
    const issues: Issue[] = E.isLeft(decoded) ? [...decoded.left] : [];
    if (!Array.isArray(requests))
      issues.push(
        issue(
          'invalid_input',
          { expected: 'array', received: describeValue(requests) },
          'requests',
        ),
      );
    if (issues.length > 0 || E.isLeft(decoded))
      return E.left(scheduleError('INVALID_INPUT', 'input', issues));
    const concurrency = decoded.right.concurrency ?? 1;
    const onProgress = decoded.right.onProgress as BatchOptions['onProgress'];
    const total = requests.length;
    const entries: BatchEntry[] = new Array(total);
    let next = 0;
    let done = 0;
    let progressFailed = false;
    const runOne = async (index: number): Promise<BatchEntry> => {
      const inputs = requests[index] as ScheduleInputs;
      try {
        return { index, inputs, result: await buildSchedule(inputs)(ports)() };
      } catch (e) {
        return {
          index,
          inputs,
          result: E.left(
            scheduleError('INTERNAL_ERROR', 'validation', [
              issue('internal_error', { reason: describeValue(e) }),
            ]),
          ),
        };
      }
    };
    const worker = async (): Promise<void> => {
      while (next < total) {
        const index = next++;
        const entry = await runOne(index);
        entries[index] = entry;
        done++;
        if (onProgress !== undefined && !progressFailed) {
          try {
            onProgress({ done, total, entry });
          } catch {
            progressFailed = true;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, total)) }, worker));
    return E.right({ entries, progressFailed });
  };
