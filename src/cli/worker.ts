/**
 * The entry of a worker thread of `--workers` (`streamInWorkers`): it indexes the caption bank
 * the main thread sent once (`workerData.captions`, with `captionBank`), then builds each
 * request the main thread posts (`{ index, inputs, data }`, `data` the creator's share of the
 * dataset, decoded by the main thread) with `buildSchedules` over that share and the bank, and
 * posts back `{ index, result }`. A bank that does not index fails every request as its ports
 * answer (the problems, named by path); a result that cannot be posted is an `INTERNAL_ERROR`
 * for its request. Shell code: nothing in the core imports it.
 *
 * @module
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import * as E from 'fp-ts/lib/Either.js';
import { issue, type ScheduleError, scheduleError } from '../domain/issues';
import type { ScheduleResult } from '../domain/stages';
import { buildSchedules } from '../pipeline/batch';
import { describeValue } from '../ports/faults';
import {
  type CaptionBank,
  captionBank,
  decodedCreatorPorts,
  inMemoryPorts,
} from '../ports/inMemory';
import type { SchedulePorts } from '../ports/ports';
import type { WorkerJob, WorkerStart } from './workers';

type Result = E.Either<ScheduleError, ScheduleResult>;

/** An `INTERNAL_ERROR` result with `reason` in its issue. */
const internal = (reason: string): Result =>
  E.left(scheduleError('INTERNAL_ERROR', 'input', [issue('internal_error', { reason })]));

const captions = (workerData as Partial<WorkerStart> | null)?.captions;
/** The bank over the sent captions, indexed once (or the failing ports of a bank that does not index). */
const bank: E.Either<SchedulePorts, CaptionBank> = ((): E.Either<SchedulePorts, CaptionBank> => {
  const b = captionBank(captions ?? []);
  return E.isRight(b)
    ? b
    : E.left(inMemoryPorts({ creators: [], history: [], captions: captions ?? [] }));
})();

/**
 * A full collection, when the engine lets the worker ask for one. Each week's share of the
 * dataset and what its build made outlive a few young-generation collections and land in the
 * old generation; left to itself the engine lets that garbage grow by hundreds of megabytes
 * before it collects it. A full collection once the heap has grown `GARBAGE_BYTES` past what
 * the last one left keeps the worker near its live size (the bank and the memos) at a small
 * cost in time.
 */
const collect = ((): (() => void) | null => {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
})();
const GARBAGE_BYTES = 24 * 1024 * 1024;
let live = 0;
/** Collects when the heap has grown `GARBAGE_BYTES` past the live size the last collection left. */
const collectGarbage = (): void => {
  if (collect === null || v8.getHeapStatistics().used_heap_size < live + GARBAGE_BYTES) return;
  collect();
  live = v8.getHeapStatistics().used_heap_size;
};

const port = parentPort;
if (port !== null) {
  port.on('message', async (job: WorkerJob) => {
    let result: Result;
    try {
      const ports = E.isLeft(bank) ? bank.left : decodedCreatorPorts(bank.right, job.data);
      result = await buildSchedules([job.inputs])(ports)().then((b) =>
        E.isLeft(b) ? b : (b.right.entries[0]?.result ?? internal('no entry')),
      );
    } catch (e) {
      result = internal(`the worker could not build the request: ${describeValue(e)}`);
    }
    collectGarbage();
    try {
      port.postMessage({ index: job.index, result });
    } catch (e) {
      port.postMessage({
        index: job.index,
        result: internal(`the week could not be sent back: ${describeValue(e)}`),
      });
    }
  });
}
