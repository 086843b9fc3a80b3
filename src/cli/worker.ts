/**
 * The entry of a worker thread of `--workers` (`buildInWorkers`): it reads the dataset the main
 * thread sent (its JSON text, in `workerData`), builds the in-memory ports once, then builds
 * each request the main thread posts (`{ index, inputs }`) with `buildSchedules` and posts back
 * `{ index, result }`. A dataset that does not decode fails every request as its ports answer
 * (the dataset's problems, named by path); a result that cannot be posted is an `INTERNAL_ERROR` for its request. Shell
 * code: nothing in the core imports it.
 *
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as E from 'fp-ts/lib/Either.js';
import { issue, type ScheduleError, scheduleError } from '../domain/issues';
import type { ScheduleResult } from '../domain/stages';
import type { ScheduleInputs } from '../domain/types';
import { buildSchedules } from '../pipeline/batch';
import type { InMemoryDataset } from '../ports/dataset';
import { describeValue } from '../ports/faults';
import { inMemoryPorts } from '../ports/inMemory';
import type { SchedulePorts } from '../ports/ports';

/** What the main thread posts: one request and its index in the batch. */
interface Job {
  readonly index: number;
  readonly inputs: ScheduleInputs;
}

type Result = E.Either<ScheduleError, ScheduleResult>;

/** An `INTERNAL_ERROR` result with `reason` in its issue. */
const internal = (reason: string): Result =>
  E.left(scheduleError('INTERNAL_ERROR', 'input', [issue('internal_error', { reason })]));

/** The ports over the sent dataset, or why there are none (the same for every request). */
const portsOrError = (): E.Either<Result, SchedulePorts> => {
  try {
    const text = (workerData as { readonly datasetJson?: unknown } | null)?.datasetJson;
    if (typeof text !== 'string') return E.left(internal('the worker was sent no dataset'));
    // `inMemoryPorts` decodes the dataset itself (once); one that does not decode gives ports
    // that answer its problems, as `plan --data FILE` reports them
    return E.right(inMemoryPorts(JSON.parse(text) as InMemoryDataset));
  } catch (e) {
    return E.left(internal(`the worker could not read its dataset: ${describeValue(e)}`));
  }
};

const port = parentPort;
if (port !== null) {
  const ports = portsOrError();
  port.on('message', async (job: Job) => {
    const result: Result = E.isLeft(ports)
      ? ports.left
      : await buildSchedules([job.inputs])(ports.right)().then((b) =>
          E.isLeft(b) ? b : (b.right.entries[0]?.result ?? internal('no entry')),
        );
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
