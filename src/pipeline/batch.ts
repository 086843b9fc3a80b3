/**
 * Batches: a week for each of many creators, with bounded concurrency and progress, each result
 * or error kept (`buildSchedules`) or handed over one at a time in request order
 * (`streamSchedules`). Source: seed 001 (the pipeline, run per creator); issue "What an agency
 * touches" (an agency of creators).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as R from 'fp-ts/lib/Reader.js';
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

/** The entry of one request: its build, or `INTERNAL_ERROR` when the build throws (a bug); never rejects. */
const entryOf = async (
  index: number,
  inputs: ScheduleInputs,
  ports: SchedulePorts,
): Promise<BatchEntry> => {
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

/** The options' issues (`invalid_option`) and `requests`' (`invalid_input` when no array), or the decoded options. */
const checkBatch = <A>(
  codec: t.Type<A, unknown, unknown>,
  requests: unknown,
  options: unknown,
): E.Either<ScheduleError, A> => {
  const decoded = decodeWith(codec, options, 'options', 'invalid_option');
  const issues: Issue[] = E.isLeft(decoded) ? [...decoded.left] : [];
  if (!Array.isArray(requests))
    issues.push(
      issue('invalid_input', { expected: 'array', received: describeValue(requests) }, 'requests'),
    );
  return issues.length > 0 || E.isLeft(decoded)
    ? E.left(scheduleError('INVALID_INPUT', 'input', issues))
    : decoded;
};

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
    const decoded = checkBatch(BatchOptionsC, requests, options);
    if (E.isLeft(decoded)) return decoded;
    const concurrency = decoded.right.concurrency ?? 1;
    const onProgress = decoded.right.onProgress as BatchOptions['onProgress'];
    const total = requests.length;
    const entries: BatchEntry[] = new Array(total);
    let next = 0;
    let done = 0;
    let progressFailed = false;
    const runOne = (index: number): Promise<BatchEntry> =>
      entryOf(index, requests[index] as ScheduleInputs, ports);
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

/**
 * Options of `streamSchedules`:
 * - `concurrency`: how many requests are built and not yet taken by the consumer at once, an
 *   integer 1-64 (default 1: the next build starts when the consumer asks for it). At most
 *   this many weeks are held at any time, whatever the number of requests.
 *
 * @since 0.3.0
 * @category pipeline
 */
export interface StreamOptions {
  /** Builds in flight or waiting for the consumer at once, an integer 1-64; default 1. */
  readonly concurrency?: number;
}

/** The requests read once, index by index (an array whose reading throws is `INVALID_INPUT` at `requests`). */
const copyOf = (
  requests: ReadonlyArray<unknown>,
): E.Either<ScheduleError, ReadonlyArray<unknown>> => {
  try {
    const out: unknown[] = [];
    for (let i = 0; i < requests.length; i++) out.push(requests[i]);
    return E.right(out);
  } catch (e) {
    return E.left(
      scheduleError('INVALID_INPUT', 'input', [
        issue(
          'invalid_input',
          { expected: 'readable array', received: describeValue(e) },
          'requests',
        ),
      ]),
    );
  }
};

const StreamOptionsC = strictType(
  'StreamOptions',
  {},
  { concurrency: intInRange(1, MAX_CONCURRENCY) },
);

/**
 * Builds a week for each request with `buildSchedule` over the same ports and hands the entries
 * over one at a time, in request order (`entry.index` is the request's 0-based index), as an
 * async iterable: `for await (const entry of stream)`. Nothing is kept once an entry is handed
 * over, so memory stays flat over any number of requests: at most `concurrency` builds are in
 * flight or waiting to be taken, and no build starts before the consumer has asked for an entry
 * (pull-based). Each entry is what `buildSchedules` gives for the same request, at any
 * concurrency.
 *
 * Each iteration of the returned iterable builds the batch anew (nothing runs before one
 * starts). Ending the loop early (`break`, a throw in its body) starts no further build; builds
 * already in flight finish and are dropped.
 *
 * Returns `Left` `INVALID_INPUT` (issues `invalid_option` naming `options.concurrency` or an
 * unknown option, or `invalid_input` at `requests` when it is not an array) before any build
 * starts. Never throws, and the iterator's `next` never rejects: a junk request is its own
 * `Left` entry (`INVALID_INPUT`), a port that throws, rejects or answers garbage fails its own
 * entries only (`PORT_FAILURE`, `DECODE_FAILED`, as `buildSchedule` answers), a build that
 * throws (a bug) is an `INTERNAL_ERROR` entry. A port that never answers would stall its entry
 * and the ones after it: bounding a wait needs a clock, so wrap such ports with
 * `withResilience`, whose timeouts turn a hang into a `PORT_TIMEOUT` entry.
 *
 * @example
 * const stream = streamSchedules(
 *   creatorIds.map((creatorId) => ({ creatorId, weekStart: '2025-01-20', seed: 42 })),
 *   { concurrency: 2 },
 * )(inMemoryPorts(dataset));
 * if (E.isRight(stream)) for await (const entry of stream.right) write(entry);
 *
 * Source: seed 001 (the pipeline per creator); issue "What an agency touches".
 *
 * @since 0.3.0
 * @category pipeline
 */
export const streamSchedules =
  (
    requests: ReadonlyArray<ScheduleInputs>,
    options: StreamOptions = {},
  ): R.Reader<SchedulePorts, E.Either<ScheduleError, AsyncIterable<BatchEntry>>> =>
  (ports) => {
    const decoded = checkBatch(StreamOptionsC, requests, options);
    if (E.isLeft(decoded)) return decoded;
    const concurrency = decoded.right.concurrency ?? 1;
    const inputs = copyOf(requests);
    if (E.isLeft(inputs)) return inputs;
    const total = inputs.right.length;
    return E.right({
      [Symbol.asyncIterator]: (): AsyncIterator<BatchEntry> => {
        // `pending[k]`: the build of request `taken + k`, started, not yet handed over.
        const pending: Array<Promise<BatchEntry>> = [];
        let started = 0;
        let stopped = false;
        const fill = (): void => {
          while (!stopped && started < total && pending.length < concurrency) {
            const index = started++;
            pending.push(entryOf(index, inputs.right[index] as ScheduleInputs, ports));
          }
        };
        const done = (): IteratorResult<BatchEntry> => ({ done: true, value: undefined });
        return {
          next: async () => {
            fill();
            const head = pending.shift();
            if (head === undefined) return done();
            const entry = await head;
            return stopped ? done() : { done: false, value: entry };
          },
          return: async () => {
            stopped = true;
            pending.length = 0;
            return done();
          },
        };
      },
    });
  };
