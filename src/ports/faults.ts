/**
 * Port faults as values. A port is written by the caller and may reject, throw, answer a `Left`
 * of any shape, answer something that is not an `Either` at all, or never answer. `runPort`
 * turns every one of those outcomes except the last into a `PortError` (the last needs a clock:
 * see `withResilience`). Source: RULINGS "Errors and degradation" (port faults); seed 001 "Error
 * Handling" (MCP calls).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { PortFaultKind } from '../domain/audit';
import type { Issue } from '../domain/issues';

/**
 * What a port may put in the `Left` of its answer. Every field is optional and any other shape is
 * accepted too (it is reported as the cause): `transient: true` marks a failure worth a retry
 * (`withResilience` retries only those).
 *
 * @since 0.2.0
 * @category ports
 */
export interface PortFailure {
  /** Why the call failed, for people. */
  readonly message?: string;
  /** Whether the same call may succeed if tried again (a timeout, a dropped connection). */
  readonly transient?: boolean;
  /** The underlying error, kept as given. */
  readonly cause?: unknown;
}

export type { PortFaultKind } from '../domain/audit';

/**
 * A failed port call, normalised: which port, how it failed, after how many attempts, whether a
 * retry may help, and what it said.
 *
 * @since 0.2.0
 * @category ports
 */
export interface PortError {
  /** The port's name in `SchedulePorts` (`getCaptionCandidates`, `saveSchedule`, ...). */
  readonly port: string;
  /** How it failed: `threw`, `rejected`, `left`, `malformed`, `decode`, `timeout`, `circuit_open` or `missing`. */
  readonly kind: PortFaultKind;
  /** Plain-language description; never empty. */
  readonly message: string;
  /** Calls made, retries included (1 without `withResilience`). */
  readonly attempts: number;
  /** Whether the port marked the failure as transient (`timeout` always is). */
  readonly transient: boolean;
  /** What the port threw, rejected with or answered in its `Left`. */
  readonly cause?: unknown;
  /** For `decode`: one issue per failing path. */
  readonly decodeIssues?: ReadonlyArray<Issue>;
}

const MAX_MESSAGE = 200;

/**
 * A short, never-throwing description of any value: a string as itself, an `Error` as its
 * message, an object by its `message` field or its JSON, else its type. At most 200 characters.
 *
 * @since 0.2.0
 * @category ports
 */
export const describeValue = (u: unknown): string => {
  let s: string;
  try {
    if (typeof u === 'string') s = u;
    else if (u instanceof Error) s = `${u.name}: ${u.message}`;
    else if (typeof u === 'object' && u !== null) {
      const m = (u as { readonly message?: unknown }).message;
      if (typeof m === 'string' && m.length > 0) s = m;
      else s = JSON.stringify(u) ?? Object.prototype.toString.call(u);
    } else if (typeof u === 'bigint') s = `${u}n`;
    else if (typeof u === 'symbol') s = 'a symbol';
    else if (typeof u === 'function') s = 'a function';
    else s = String(u);
  } catch {
    s = typeof u === 'object' && u !== null ? 'an unreadable object' : typeof u;
  }
  if (s.length === 0) s = '(empty)';
  return s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE - 1)}…` : s;
};

/**
 * Builds a `PortError` (attempts 1 unless given).
 *
 * @since 0.2.0
 * @category ports
 */
export const portError = (
  port: string,
  kind: PortFaultKind,
  message: string,
  extra: Partial<Pick<PortError, 'attempts' | 'transient' | 'cause' | 'decodeIssues'>> = {},
): PortError => ({
  port,
  kind,
  message: message.length > 0 ? message : kind,
  attempts: extra.attempts ?? 1,
  transient: extra.transient ?? kind === 'timeout',
  ...(extra.cause === undefined ? {} : { cause: extra.cause }),
  ...(extra.decodeIssues === undefined ? {} : { decodeIssues: extra.decodeIssues }),
});

const readField = (u: unknown, key: string): unknown => {
  try {
    return typeof u === 'object' && u !== null ? (u as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Normalises a port's `Left` of any shape: its `message` (when a non-empty string) or a
 * description, and `transient` only when it is exactly `true`.
 *
 * @since 0.2.0
 * @category ports
 */
export const fromPortLeft = (port: string, left: unknown): PortError => {
  const message = readField(left, 'message');
  return portError(
    port,
    'left',
    typeof message === 'string' && message.length > 0 ? message : describeValue(left),
    { transient: readField(left, 'transient') === true, cause: left },
  );
};

/**
 * A port name as text, whatever a caller passed for it (a junk name never breaks a message).
 *
 * @since 0.2.0
 * @category ports
 */
export const nameOf = (port: unknown): string =>
  typeof port === 'string' ? port : `(port ${describeValue(port)})`;

const isThenable = (u: unknown): u is PromiseLike<unknown> => {
  try {
    return (
      (typeof u === 'object' || typeof u === 'function') &&
      u !== null &&
      typeof (u as { then?: unknown }).then === 'function'
    );
  } catch {
    return false;
  }
};

/**
 * Reads an `Either` out of any value without throwing: `Left`/`Right` by `_tag`, else `null`.
 */
const asEither = (u: unknown): E.Either<unknown, unknown> | null => {
  const tag = readField(u, '_tag');
  if (tag === 'Right') return E.right(readField(u, 'right'));
  if (tag === 'Left') return E.left(readField(u, 'left'));
  return null;
};

/**
 * Runs one port call and never throws or rejects: `call` is invoked (a synchronous throw is
 * `threw`), its result must be a task (a function returning a promise of an `Either`; anything
 * else is `malformed`), the task is run (`threw` / `rejected`), a `Left` of any shape becomes
 * `left` with the port's `transient` flag. A `Right` is returned as `unknown`: decoding is the
 * caller's. A call that never settles never settles here either: bound it with `withResilience`.
 *
 * @example
 * await runPort('getCreatorProfile', () => ports.getCreatorProfile('c1'))
 * // Right(profile) or Left({ port: 'getCreatorProfile', kind: 'rejected', ... })
 *
 * Source: RULINGS "Errors and degradation" (port faults).
 *
 * @since 0.2.0
 * @category ports
 */
export const runPort = async (
  portName: string,
  call: () => unknown,
): Promise<E.Either<PortError, unknown>> => {
  const port = nameOf(portName);
  let task: unknown;
  try {
    task = call();
  } catch (e) {
    return E.left(portError(port, 'threw', `${port} threw: ${describeValue(e)}`, { cause: e }));
  }
  if (typeof task !== 'function')
    return E.left(
      portError(port, 'malformed', `${port} did not return a task (got ${describeValue(task)})`, {
        cause: task,
      }),
    );
  let pending: unknown;
  try {
    pending = (task as () => unknown)();
  } catch (e) {
    return E.left(portError(port, 'threw', `${port} threw: ${describeValue(e)}`, { cause: e }));
  }
  let settled: unknown;
  if (isThenable(pending)) {
    try {
      settled = await pending;
    } catch (e) {
      return E.left(
        portError(port, 'rejected', `${port} rejected: ${describeValue(e)}`, { cause: e }),
      );
    }
  } else settled = pending;
  const either = asEither(settled);
  if (either === null)
    return E.left(
      portError(
        port,
        'malformed',
        `${port} answered something that is not an Either (${describeValue(settled)})`,
        { cause: settled },
      ),
    );
  return E.isLeft(either) ? E.left(fromPortLeft(port, either.left)) : either;
};
