import type { ScheduleError } from '../domain/issues';
import type { ScheduleResult } from '../domain/stages';
import type { ScheduleInputs } from '../domain/types';
import type { SchedulePorts } from '../ports/ports';
import { buildSchedule } from './buildSchedule';

/**
 * The answer of `runSchedule`: a plain tagged value for callers who do not use fp-ts.
 * `ok: true` carries the week (`value`, a `ScheduleResult`); `ok: false` carries the
 * `ScheduleError` (`error`: its `code`, plain `message` and `issues`, each naming its path).
 *
 * @since 0.4.0
 * @category pipeline
 */
export type RunScheduleResult =
  | {
      /** `true`: the week was built. */
      readonly ok: true;
      /** The week, as `buildSchedule`'s `Right`. */
      readonly value: ScheduleResult;
    }
  | {
      /** `false`: no week could be built. */
      readonly ok: false;
      /** Why: `buildSchedule`'s `Left` (`code`, `message`, `issues`). */
      readonly error: ScheduleError;
    };

/**
 * `buildSchedule(inputs)(ports)()` as a Promise of a plain tagged result
 * (`{ ok: true, value }` or `{ ok: false, error }`), for callers who do not use fp-ts.
 * The same inputs and ports give the same week as `buildSchedule`.
 *
 * Total: the promise never rejects, whatever the inputs and the ports do; the errors are
 * `buildSchedule`'s (`INVALID_INPUT`, `CREATOR_NOT_FOUND`, `DECODE_FAILED`, `PORT_FAILURE`,
 * `PORT_TIMEOUT`, `INTERNAL_ERROR`), in `error`.
 *
 * @example
 * const answer = await runSchedule({ creatorId: 'c1', weekStart: '2025-01-20', seed: 7 }, inMemoryPorts(dataset));
 * if (answer.ok) console.log(answer.value.validation.status);
 * else console.error(answer.error.message);
 *
 * Source: seed 001 (the pipeline entry point); issue 10 (a Promise entry).
 *
 * @since 0.4.0
 * @category pipeline
 */
export const runSchedule = async (
  inputs: ScheduleInputs,
  ports: SchedulePorts,
): Promise<RunScheduleResult> => {
  const either = await buildSchedule(inputs)(ports)();
  return either._tag === 'Right'
    ? { ok: true, value: either.right }
    : { ok: false, error: either.left };
};
