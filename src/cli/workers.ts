/**
 * `--workers N`: a batch spread over worker threads (`node:worker_threads`). The main thread
 * decodes the dataset once (or takes it decoded, as `plan --data FILE` has it) and indexes it by
 * creator; each worker gets the caption bank once (`workerData`, indexed there once with
 * `captionBank`) and, with each request, only its creator's share of the dataset (the creator,
 * its history and its records: `creatorShares`), over which it builds the week. The entries are
 * what `buildSchedules` gives for the same requests, whichever worker built them, and come back
 * in request order (`streamInWorkers`, an async iterable): at most `window` requests are in
 * flight or built and not yet taken, so memory stays flat over any number of creators. A worker
 * asks for more as it answers, so a slow creator does not hold the others back (within the
 * window). A worker that dies (throws, runs out of memory, cannot start) fails the requests it
 * held with an `INTERNAL_ERROR` naming it; the others go on, and when no worker is left the
 * requests not yet handed out fail the same way. A dataset that does not decode fails every
 * request as one thread does (built in the main thread over its failing ports). Never rejects.
 * Shell code: nothing in the core imports it.
 *
 * @module
 */
import { Worker } from 'node:worker_threads';
import * as E from 'fp-ts/lib/Either.js';
import { issue, scheduleError } from '../domain/issues';
import type { ScheduleInputs } from '../domain/types';
import { type BatchEntry, streamSchedules } from '../pipeline/batch';
import type { InMemoryDataset } from '../ports/dataset';
import { describeValue } from '../ports/faults';
import { type CreatorDataset, decodeDataset, inMemoryPorts } from '../ports/inMemory';

/** Options of `streamInWorkers` and `buildInWorkers`. */
export interface WorkerBatchOptions {
  /** Worker threads, 1 or more (never more than the requests). */
  readonly workers: number;
  /** Requests in flight in each worker at once, 1 or more. */
  readonly concurrency: number;
  /**
   * Requests in flight or built and not yet taken, at most, 1 or more (default: twice `workers`
   * x `concurrency`).
   */
  readonly window?: number;
  /** `buildInWorkers`: called once per entry, in request order, as it is taken. */
  readonly onEntry?: (entry: BatchEntry) => void;
  /** The worker script (default: the built `cli-worker.js` next to the CLI, or `worker.ts` from source). */
  readonly entry?: URL;
  /**
   * The dataset is `decodeDataset`'s answer (`Right`) already, as `plan --data FILE` holds it:
   * it is not decoded again. Default `false`: the main thread decodes it once.
   */
  readonly decoded?: boolean;
}

/** What the main thread posts per request: its index, inputs and its creator's share of the dataset. */
export interface WorkerJob {
  readonly index: number;
  readonly inputs: ScheduleInputs;
  readonly data: CreatorDataset;
}

/** What a worker starts with (`workerData`): the dataset's caption bank, decoded. */
export interface WorkerStart {
  readonly captions: InMemoryDataset['captions'];
}

/** The worker script next to this module: `cli-worker.js` in the built CLI, `worker.ts` in the source tree. */
const defaultEntry = (): URL =>
  import.meta.url.endsWith('.ts')
    ? new URL('./worker.ts', import.meta.url)
    : new URL('./cli-worker.js', import.meta.url);

/** A worker over `entry`: a `.ts` entry (the source tree, under tsx or a test runner) is loaded through tsx. */
const spawn = (entry: URL, workerData: WorkerStart): Worker =>
  entry.pathname.endsWith('.ts')
    ? new Worker(
        `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`,
        { eval: true, workerData },
      )
    : new Worker(entry, { workerData });

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

/** The records of a dataset keyed by creator id (all but `creators`, `history` and `captions`). */
const RECORD_KEYS = [
  'trends',
  'vaults',
  'timing',
  'personas',
  'rotationStates',
  'contentRankings',
  'activePins',
  'timingProfiles',
  'adjustmentOutcomes',
] as const;

/**
 * Each creator's share of a decoded dataset: the creator's profile (if any), its history (in
 * the dataset's order) and its entry of each record the dataset has (a record the dataset lacks
 * stays absent, an entry it lacks is an empty record), so that `creatorPorts` over the share and
 * the dataset's caption bank answers for that creator what `inMemoryPorts` over the whole
 * dataset answers. Indexes the history once (one pass); each share is built when asked for.
 */
export const creatorShares = (
  dataset: InMemoryDataset,
): ((creatorId: unknown) => CreatorDataset) => {
  const creators = new Map<string, InMemoryDataset['creators'][number]>();
  for (const c of dataset.creators) if (!creators.has(c.creatorId)) creators.set(c.creatorId, c);
  const history = new Map<string, Array<InMemoryDataset['history'][number]>>();
  for (const m of dataset.history) {
    const list = history.get(m.creatorId);
    if (list === undefined) history.set(m.creatorId, [m]);
    else list.push(m);
  }
  return (creatorId) => {
    const id = typeof creatorId === 'string' ? creatorId : null;
    const creator = id === null ? undefined : creators.get(id);
    const share: Record<string, unknown> = {
      creators: creator === undefined ? [] : [creator],
      history: id === null ? [] : (history.get(id) ?? []),
    };
    for (const key of RECORD_KEYS) {
      const record = dataset[key] as Readonly<Record<string, unknown>> | undefined;
      if (record === undefined) continue;
      const entry: Record<string, unknown> = {};
      if (id !== null && Object.hasOwn(record, id))
        Object.defineProperty(entry, id, {
          value: record[id],
          enumerable: true,
          writable: true,
          configurable: true,
        });
      share[key] = entry;
    }
    return share as unknown as CreatorDataset;
  };
};

/** A worker of the pool: its thread, the requests it holds, whether it still takes requests. */
interface PoolWorker {
  readonly worker: Worker | null;
  readonly held: Set<number>;
  alive: boolean;
}

/**
 * Builds a week for each request across `options.workers` worker threads over `dataset` and
 * hands the entries over one at a time, in request order, as `streamSchedules` does (each entry
 * is what `buildSchedules` gives for the same request). Nothing starts before the first entry
 * is asked for; each iteration starts a pool of its own; ending the loop early stops the
 * workers. At most `window` requests are in flight or waiting to be taken. The iterator's
 * `next` never rejects: every failure is an entry.
 */
export const streamInWorkers = (
  dataset: InMemoryDataset,
  requests: ReadonlyArray<ScheduleInputs>,
  options: WorkerBatchOptions,
): AsyncIterable<BatchEntry> => ({
  [Symbol.asyncIterator]: (): AsyncIterator<BatchEntry> => {
    const total = requests.length;
    const perRound = Math.max(1, options.workers) * Math.max(1, options.concurrency);
    const window = Math.max(1, options.window ?? 2 * perRound);
    const done = (): IteratorResult<BatchEntry> => ({ done: true, value: undefined });
    // A dataset that does not decode: every request fails as one thread fails it.
    let fallback: AsyncIterator<BatchEntry> | null = null;
    let shareOf: ((creatorId: unknown) => CreatorDataset) | null = null;
    let captions: InMemoryDataset['captions'] = [];
    const pool: PoolWorker[] = [];
    const ready = new Map<number, BatchEntry>();
    let next = 0; // the next request to hand to a worker
    let taken = 0; // the next request to hand to the consumer
    let noneLeft: string | null = null; // why requests not handed out fail: no worker left
    let stopped = false;
    let started = false;
    let wake: (() => void) | null = null;
    const poke = (): void => {
      const w = wake;
      wake = null;
      w?.();
    };
    const stopAll = (): void => {
      stopped = true;
      for (const w of pool) {
        w.alive = false;
        w.worker?.terminate().catch(() => undefined);
      }
      ready.clear();
    };
    const settle = (entry: BatchEntry): void => {
      if (stopped || entry.index < taken || ready.has(entry.index)) return;
      ready.set(entry.index, entry);
      poke();
    };
    const dispatch = (): void => {
      for (const w of pool)
        while (
          !stopped &&
          w.alive &&
          w.worker !== null &&
          w.held.size < options.concurrency &&
          next < total &&
          next < taken + window
        ) {
          const index = next++;
          const inputs = requests[index] as ScheduleInputs;
          w.held.add(index);
          try {
            const job: WorkerJob = {
              index,
              inputs,
              data: (shareOf as (id: unknown) => CreatorDataset)(inputs?.creatorId),
            };
            w.worker.postMessage(job);
          } catch (e) {
            w.held.delete(index);
            settle(
              failed(
                index,
                inputs,
                `the request could not be sent to a worker: ${describeValue(e)}`,
              ),
            );
          }
        }
    };
    const start = (): void => {
      started = true;
      const decoded = options.decoded === true ? E.right(dataset) : decodeDataset(dataset);
      if (E.isLeft(decoded)) {
        const stream = streamSchedules(requests)(inMemoryPorts(dataset));
        fallback = E.isLeft(stream)
          ? { next: async () => done() }
          : stream.right[Symbol.asyncIterator]();
        return;
      }
      shareOf = creatorShares(decoded.right);
      captions = decoded.right.captions;
      if (total === 0) return;
      const count = Math.max(1, Math.min(options.workers, total));
      let notStarted = 'no worker could start';
      for (let k = 0; k < count; k++) {
        let worker: Worker | null = null;
        try {
          worker = spawn(options.entry ?? defaultEntry(), { captions });
        } catch (e) {
          notStarted = `worker ${k + 1} could not start: ${describeValue(e)}`;
        }
        const w: PoolWorker = { worker, held: new Set<number>(), alive: worker !== null };
        pool.push(w);
        if (worker === null) continue;
        let why: string | null = null;
        worker.on('message', (m: unknown) => {
          if (!w.alive || !isAnswer(m, w.held)) return;
          w.held.delete(m.index);
          settle({ index: m.index, inputs: requests[m.index] as ScheduleInputs, result: m.result });
          dispatch();
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
            settle(
              failed(index, requests[index] as ScheduleInputs, `${reason} before building it`),
            );
          w.held.clear();
          if (pool.every((p) => !p.alive)) {
            noneLeft = `no worker left (${reason})`;
            poke();
          } else dispatch();
        });
      }
      if (pool.every((p) => !p.alive)) noneLeft = notStarted;
      dispatch();
    };
    return {
      next: async () => {
        if (stopped) return done();
        if (!started) start();
        if (fallback !== null) return fallback.next();
        while (taken < total) {
          const entry = ready.get(taken);
          if (entry !== undefined) {
            ready.delete(taken);
            taken++;
            dispatch();
            if (taken === total) stopAll();
            return { done: false, value: entry };
          }
          if (noneLeft !== null && taken >= next) {
            const index = taken++;
            next = Math.max(next, taken);
            if (taken === total) stopAll();
            return {
              done: false,
              value: failed(index, requests[index] as ScheduleInputs, noneLeft),
            };
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          if (stopped) return done();
        }
        stopAll();
        return done();
      },
      return: async () => {
        if (fallback !== null) await fallback.return?.();
        stopAll();
        poke();
        return done();
      },
    };
  },
});

/**
 * Builds a week for each request across `options.workers` worker threads over `dataset` and
 * resolves to the entries in request order, as `buildSchedules` would; `onEntry` sees each as it
 * is taken (a throwing `onEntry` does not stop the batch). Never rejects: every failure is an
 * entry.
 */
export const buildInWorkers = async (
  dataset: InMemoryDataset,
  requests: ReadonlyArray<ScheduleInputs>,
  options: WorkerBatchOptions,
): Promise<ReadonlyArray<BatchEntry>> => {
  const entries: BatchEntry[] = [];
  for await (const entry of streamInWorkers(dataset, requests, options)) {
    entries.push(entry);
    try {
      options.onEntry?.(entry);
    } catch {
      // the caller's progress display failed: the batch goes on
    }
  }
  return entries;
};
