/**
 * Timeouts: a port call raced against the caller's `sleep`. The library sets no timer; the
 * caller's `sleep(ms)` is the timer.
 *
 * Source: seed 001 "Timeout Configuration" (`call_mcp_with_timeout`); RULINGS "Errors and
 * degradation" (time for resilience).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { describeValue, nameOf, type PortError, portError } from '../ports/faults';
import { newAbortController, type Sleep, safeSleep } from './clock';
import { guarded } from './guard';

/**
 * Races `run()` against `sleep(ms, signal)`; `signal` is aborted as soon as the call settles,
 * so a sleep that honours it frees its timer.
 *
 * Input: `run` (one port call answering a promise of `Either<PortError, A>`), `ms` (the timeout,
 * milliseconds), `sleep` (the caller's), `port` (the name reported).
 * Output: the call's own `Either` when it settles first; when `sleep` resolves first,
 * `Left(PortError)` with kind `timeout`, `transient: true`, message `<port> timed out after
 * <ms> ms` (the call goes on in the background and its answer is dropped). A `run` that fails,
 * rejects or answers no `Either` is a `PortError` of `port` (`rejected` / `malformed`).
 *
 * Never rejects. A `sleep` that fails, rejects or answers no promise gives no timeout: the call
 * is then simply awaited, and nothing is reported about the sleep. So the only way this hangs is
 * a call that never settles while `sleep` is unusable (or never resolves).
 *
 * Source: seed 001 "Timeout Configuration".
 *
 * @example
 * await withTimeout(() => runPort('getBestTiming', call), 5_000, sleep, 'getBestTiming')
 * // Left({ port: 'getBestTiming', kind: 'timeout', transient: true, ... }) if 5 s pass first
 *
 * @since 0.2.0
 * @category resilience
 */
export const withTimeout = <A>(
  run: () => Promise<E.Either<PortError, A>>,
  ms: number,
  sleep: Sleep,
  portName: string,
): Promise<E.Either<PortError, A>> => {
  const port = nameOf(portName);
  const call = guarded(port, run);
  const cancel = newAbortController();
  if (cancel !== undefined) void call.then(() => cancel.abort());
  const timer = safeSleep(sleep, ms, cancel?.signal).then(
    (slept): Promise<E.Either<PortError, A>> =>
      E.isRight(slept)
        ? Promise.resolve(
            E.left(
              portError(port, 'timeout', `${port} timed out after ${describeValue(ms)} ms`, {
                transient: true,
              }),
            ),
          )
        : call,
  );
  return Promise.race([call, timer]);
};
