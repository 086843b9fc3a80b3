/**
 * `--workers N`: a batch spread over worker threads (`node:worker_threads`). Each worker gets
 * the same dataset (its JSON text, decoded in the worker as `plan --data FILE` decodes a file)
 * and builds the requests the main thread hands it, at most `concurrency` at a time; a worker
 * asks for more as it answers, so a slow creator does not hold the others back. The entries
 * are what `buildSchedules` gives for the same requests, whichever worker built them. A worker
 * that dies (throws, runs out of memory, cannot start) fails the requests it held with an
 * `INTERNAL_ERROR` naming it; the others go on, and when no worker is left the requests not
 * yet handed out fail the same way. Never rejects. Shell code: nothing in the core imports it.
 *
 * @module
 */
import { Worker } from 'node:worker_threads';
import * as E from 'fp-ts/lib/Either.js';
import { issue, scheduleError } from '../domain/issues';
import type { ScheduleInputs } from '../domain/types';
import type { BatchEntry } from '../pipeline/batch';
import { describeValue } from '../ports/faults';

/** Options of `buildInWorkers`. */
export interface WorkerBatchOptions {
  /** Worker threads, 1 or more (never more than the requests). */
  readonly workers: number;
  /** Requests in flight in each worker at once, 1 or more. */
  readonly concurrency: number;
  /** Called once per finished request, in finishing order. */
  readonly onEntry?: (entry: BatchEntry) => void;
  /** The worker script (default: the built `cli-worker.js` next to the CLI, or `worker.ts` from source). */
  readonly entry?: URL;
}

/** The worker script next to this module: `cli-worker.js` in the built CLI, `worker.ts` in the source tree. */
const defaultEntry = (): URL =>
  import.meta.url.endsWith('.ts')
    ? new URL('./worker.ts', import.meta.url)
    : new URL('./cli-worker.js', import.meta.url);

/** A worker over `entry`: a `.ts` entry (the source tree, under tsx or a test runner) is loaded through tsx. */
const spawn = (entry: URL, datasetJson: string): Worker =>
  entry.pathname.endsWith('.ts')
    ? new Worker(
        `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`,
        { eval: true, workerData: { datasetJson } },
      )
    : new Worker(entry, { workerData: { datasetJson } });

/** The failure entry of a request no worker could build. */
const failed = (index: number, inputs: ScheduleInputs, reason: string): BatchEntry => ({
  index,
  inputs,
  result: E.left(scheduleError('INTERNAL_ERROR', 'input', [issue('internal_error', { reason })])),
});

/** Whether a worker's message is an answer `{ index, result }` for one of the requests it holds. */
const isAnswer = (
  m: unknown,
  held: ReadonlySet<number>,
): m is { index: number; result: BatchEntry['result'] } => {
  if (typeof m !== 'object' || m === null) return false;
  const { index, result } = m as { index?: unknown; result?: unknown };
  const tag =
    typeof result === 'object' && result !== null ? (result as { _tag?: unknown })._tag : null;
  return typeof index === 'number' && held.has(index) && (tag === 'Left' || tag === 'Right');
};

/**
 * Builds a week for each request across `options.workers` worker threads over `datasetJson`
 * (the dataset as JSON text) and resolves to the entries in request order, as
 * `buildSchedules` would; `onEntry` sees each as it finishes. Never rejects: every failure is
 * an entry.
 */
export const buildInWorkers = (
  datasetJson: string,
  requests: ReadonlyArray<ScheduleInputs>,
  options: WorkerBatchOptions,
): Promise<ReadonlyArray<BatchEntry>> =>
  new Promise((resolve) => {
    const total = requests.length;
    const entries: BatchEntry[] = new Array(total);
    const settled = new Array<boolean>(total).fill(false);
    let done = 0;
    let next = 0;
    const pool: Array<{
      readonly worker: Worker | null;
      readonly held: Set<number>;
      alive: boolean;
    }> = [];
    const finish = (): void => {
      for (const w of pool) {
        w.alive = false;
        w.worker?.terminate().catch(() => undefined);
      }
      resolve(entries);
    };
    const settle = (entry: BatchEntry): void => {
      if (settled[entry.index] === true) return;
      settled[entry.index] = true;
      entries[entry.index] = entry;
      done++;
      try {
        options.onEntry?.(entry);
      } catch {
        // the caller's progress display failed: the batch goes on
      }
      if (done === total) finish();
    };
    const failRest = (reason: string): void => {
      while (next < total) {
        const index = next++;
        settle(failed(index, requests[index] as ScheduleInputs, reason));
      }
    };
    const dispatch = (w: (typeof pool)[number]): void => {
      while (w.alive && w.worker !== null && w.held.size < options.concurrency && next < total) {
        const index = next++;
        w.held.add(index);
        try {
          w.worker.postMessage({ index, inputs: requests[index] });
        } catch (e) {
          w.held.delete(index);
          settle(
            failed(
              index,
              requests[index] as ScheduleInputs,
              `the request could not be sent to a worker: ${describeValue(e)}`,
            ),
          );
        }
      }
    };
    if (total === 0) {
      resolve(entries);
      return;
    }
    const count = Math.max(1, Math.min(options.workers, total));
    let notStarted = 'no worker could start';
    for (let k = 0; k < count; k++) {
      let worker: Worker | null = null;
      try {
        worker = spawn(options.entry ?? defaultEntry(), datasetJson);
      } catch (e) {
        notStarted = `worker ${k + 1} could not start: ${describeValue(e)}`;
      }
      const w = { worker, held: new Set<number>(), alive: worker !== null };
      pool.push(w);
      if (worker === null) continue;
      let why: string | null = null;
      worker.on('message', (m: unknown) => {
        if (!w.alive) return;
        if (!isAnswer(m, w.held)) return;
        w.held.delete(m.index);
        settle({ index: m.index, inputs: requests[m.index] as ScheduleInputs, result: m.result });
        dispatch(w);
      });
      worker.on('messageerror', (e) => {
        why = `a message of worker ${k + 1} could not be read: ${describeValue(e)}`;
      });
      worker.on('error', (e) => {
        why = `worker ${k + 1} failed: ${describeValue(e)}`;
      });
      worker.on('exit', (code) => {
        if (!w.alive) return;
        w.alive = false;
        const reason = why ?? `worker ${k + 1} stopped (exit code ${code})`;
        for (const index of [...w.held])
          settle(failed(index, requests[index] as ScheduleInputs, `${reason} before building it`));
        w.held.clear();
        if (pool.every((p) => !p.alive)) failRest(`no worker left (${reason})`);
      });
    }
    if (pool.every((p) => !p.alive)) failRest(notStarted);
    for (const w of pool) dispatch(w);
  });
