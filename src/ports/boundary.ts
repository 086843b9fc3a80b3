/**
 * The one port boundary of the pipeline: every port call goes through `callPort`, which runs it
 * with `runPort` (a throw, a rejection, a `Left` of any shape or a non-`Either` answer become a
 * `PortError`), decodes the answer unless the port is trusted, and records the call in the
 * build's audit trail. Required ports turn a fault into a `ScheduleError`; optional ports
 * degrade to their seed fallback with a `port_failed` warning.
 *
 * Source: RULINGS "Errors and degradation" (port faults, trusted ports); seed 001 phase 1
 * recovery procedures.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type * as T from 'fp-ts/lib/Task.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type * as t from 'io-ts';
import { decodeWith } from '../domain/decode';
import {
  type Issue,
  type IssuePhase,
  issue,
  type ScheduleError,
  scheduleError,
} from '../domain/issues';
import { callInfoOf } from '../resilience/withResilience';
import { type PortError, portError, runPort } from './faults';
import type { PortName, SchedulePorts } from './ports';
import type { Trace } from './trace';
import { isTrusted, normalizesFaults } from './trust';

/**
 * Whether the caller supplied port `name` (an optional port may be absent). A port whose getter
 * throws counts as supplied: calling it then fails at the boundary, as a fault of that port.
 *
 * @internal
 */
export const hasPort = (ports: SchedulePorts, name: keyof SchedulePorts): boolean => {
  try {
    return (ports as unknown as Record<string, unknown>)[name] !== undefined;
  } catch {
    return true;
  }
};

const readPort = (ports: SchedulePorts, name: PortName): unknown => {
  try {
    return (ports as unknown as Record<string, unknown>)[name];
  } catch (e) {
    return e instanceof Error ? e : new Error('unreadable port');
  }
};

/**
 * How a call is reported: a required port, or an optional one and the fallback it degrades to.
 *
 * @internal
 */
export interface CallSite {
  readonly trace: Trace;
  readonly phase: IssuePhase;
  /** `null` for a required port, else the seed fallback an optional port degrades to. */
  readonly fallback: string | null;
}

/**
 * Calls port `name` with `args` through the boundary and decodes its answer with `codec`
 * (skipped when the port is trusted). Never rejects. Records one `port_call` event (attempts
 * from the wrapper's call information when `withResilience` ran it).
 *
 * @internal
 */
export const callPort =
  <A>(
    site: CallSite,
    ports: SchedulePorts,
    name: PortName,
    args: ReadonlyArray<unknown>,
    codec: t.Decoder<unknown, A>,
    root: string,
  ): TE.TaskEither<PortError, A> =>
  async () => {
    const result = await attempt(ports, name, args, codec, root);
    const e = E.isLeft(result) ? result.left : null;
    site.trace.record({
      type: 'port_call',
      phase: site.phase,
      port: name,
      attempts: E.isLeft(result) ? result.left.attempts : result.right.attempts,
      outcome: e === null ? 'ok' : e.kind,
      required: site.fallback === null,
      fallbackUsed: e === null ? null : site.fallback,
    });
    if (e !== null && site.fallback !== null)
      site.trace.record({
        type: 'degradation',
        phase: site.phase,
        degradationType: `${name}_failed`,
        fallback: site.fallback,
      });
    return E.isLeft(result) ? result : E.right(result.right.value);
  };

const attempt = async <A>(
  ports: SchedulePorts,
  name: PortName,
  args: ReadonlyArray<unknown>,
  codec: t.Decoder<unknown, A>,
  root: string,
): Promise<E.Either<PortError, { readonly value: A; readonly attempts: number }>> => {
  const fn = readPort(ports, name);
  if (typeof fn !== 'function')
    return E.left(portError(name, 'missing', `${name} is not a function`, { cause: fn }));
  let task: unknown;
  const answer = await runPort(name, () => {
    task = (fn as (...a: ReadonlyArray<unknown>) => unknown)(...args);
    return task;
  });
  const attempts = callInfoOf(task)?.attempts ?? 1;
  if (E.isLeft(answer)) {
    // The resilience wrapper's Left is already a PortError: keep its kind and attempts.
    const inner = answer.left.cause as Partial<PortError> | undefined;
    const base: PortError =
      normalizesFaults(fn) &&
      typeof inner === 'object' &&
      inner !== null &&
      typeof inner.kind === 'string' &&
      typeof inner.attempts === 'number' &&
      typeof inner.message === 'string'
        ? { ...(inner as PortError), port: name }
        : answer.left;
    // A library-built port (trusted) answers a dataset that does not decode with its issues.
    const issues = isTrusted(fn)
      ? (base.cause as { decodeIssues?: unknown } | undefined)?.decodeIssues
      : undefined;
    if (Array.isArray(issues) && issues.length > 0)
      return E.left(
        portError(name, 'decode', base.message, {
          decodeIssues: issues as ReadonlyArray<Issue>,
          attempts: Math.max(attempts, base.attempts),
          cause: base.cause,
        }),
      );
    return E.left(attempts > base.attempts ? { ...base, attempts } : base);
  }
  if (isTrusted(fn) || isTrusted(task)) return E.right({ value: answer.right as A, attempts });
  const decoded = decodeWith(codec, answer.right, root, { port: name });
  return E.isRight(decoded)
    ? E.right({ value: decoded.right, attempts })
    : E.left(
        portError(
          name,
          'decode',
          `${name} answered data that does not decode: ${decoded.left.map((i) => i.message).join('; ')}`,
          { decodeIssues: decoded.left, attempts },
        ),
      );
};

const attemptsOf = (e: PortError): number => e.attempts;

/**
 * The build error of a required port's fault: `DECODE_FAILED` with the decoding issues (paths
 * named), `PORT_TIMEOUT`, or `PORT_FAILURE` with one issue naming the port.
 *
 * @since 0.2.0
 * @category pipeline
 */
export const requiredPortError = (e: PortError, phase: IssuePhase): ScheduleError => {
  if (e.kind === 'decode' && e.decodeIssues !== undefined && e.decodeIssues.length > 0)
    return scheduleError('DECODE_FAILED', phase, e.decodeIssues, e.cause);
  if (e.kind === 'timeout')
    return scheduleError(
      'PORT_TIMEOUT',
      phase,
      [issue('port_timeout', { port: e.port, attempts: attemptsOf(e), reason: e.message }, e.port)],
      e.cause,
    );
  return scheduleError(
    'PORT_FAILURE',
    phase,
    [
      issue(
        'port_failure',
        { port: e.port, kind: e.kind, attempts: attemptsOf(e), reason: e.message },
        e.port,
      ),
    ],
    e.cause,
  );
};

/**
 * A required read: the answer, or the build's `Left` (`requiredPortError`).
 *
 * @internal
 */
export const required = <A>(
  phase: IssuePhase,
  call: TE.TaskEither<PortError, A>,
): TE.TaskEither<ScheduleError, A> =>
  pipe(
    call,
    TE.mapLeft((e) => requiredPortError(e, phase)),
  );

/**
 * An optional read: the answer, or `fallback` with a `port_failed` warning naming what is used
 * instead (`fallbackLabel`). Never fails.
 *
 * @internal
 */
export const optional = <A, F>(
  call: TE.TaskEither<PortError, A>,
  fallback: F,
  fallbackLabel: string,
): T.Task<readonly [A | F, ReadonlyArray<Issue>]> =>
  pipe(
    call,
    TE.match(
      (e): readonly [A | F, ReadonlyArray<Issue>] => [
        fallback,
        [
          issue(
            'port_failed',
            {
              port: e.port,
              kind: e.kind,
              attempts: e.attempts,
              reason: e.message,
              fallback: fallbackLabel,
            },
            e.port,
          ),
        ],
      ],
      (a): readonly [A | F, ReadonlyArray<Issue>] => [a, []],
    ),
  );
