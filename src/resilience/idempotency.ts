/**
 * Idempotency: an operation with the same name and parameters runs once while its record is
 * remembered. The key is a digest of the operation and its parameters in canonical JSON; the
 * record lives in a store port that offers an atomic put-if-absent, so concurrent callers with
 * the same key run the action once and all receive its result.
 *
 * The core has no clock: expiry is the store's job (it has one), and the store writes the
 * record's times. `inMemoryIdempotencyStore` is a reference store for tests and single-process
 * use.
 *
 * Source: seed 003 task 2.5b (`IdempotencyGuard`, `ttl_minutes=60`, `sha256(...)[:32]`); seed
 * 004 `timing_idempotency`; ISSUE-NOTES issue 4 "Idempotency".
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import * as t from 'io-ts';
import { nullable } from '../domain/codecs';
import { decodeWith } from '../domain/decode';
import type { Issue } from '../domain/issues';
import { DEFAULT_RESILIENCE_POLICY } from '../domain/resiliencePolicy';
import {
  describeValue,
  type PortError,
  type PortFailure,
  portError,
  runPort,
} from '../ports/faults';
import { type Clock, isoOf, safeNow } from './clock';
import { eitherOf, readProp } from './guard';
import { sha256Hex } from './sha256';

const UNREADABLE = '"[Unreadable]"';
const CIRCULAR = '"[Circular]"';

/** Objects whose canonical JSON is already known (deep-frozen values the library made). */
type KnownJson = ReadonlyMap<object, string>;

const NO_KNOWN: KnownJson = new Map();

/** Canonical JSON of `u`, or `undefined` for a value JSON drops (undefined, functions, symbols). */
const canon = (
  u: unknown,
  stack: ReadonlyArray<object>,
  known: KnownJson = NO_KNOWN,
): string | undefined => {
  switch (typeof u) {
    case 'string':
      return JSON.stringify(u);
    case 'number':
      return Number.isFinite(u) ? JSON.stringify(u) : JSON.stringify(String(u));
    case 'boolean':
      return u ? 'true' : 'false';
    case 'bigint':
      return JSON.stringify(u.toString());
    case 'object': {
      if (u === null) return 'null';
      const text = known.get(u);
      if (text !== undefined) return text;
      if (stack.includes(u)) return CIRCULAR;
      const inner = [...stack, u];
      const toJson = readProp(u, 'toJSON');
      if (E.isLeft(toJson)) return UNREADABLE;
      if (typeof toJson.right === 'function') {
        let replaced: unknown;
        try {
          replaced = (toJson.right as (this: unknown) => unknown).call(u);
        } catch {
          return UNREADABLE;
        }
        return replaced === u ? UNREADABLE : canon(replaced, inner, known);
      }
      let isArray: boolean;
      let keys: string[];
      try {
        isArray = Array.isArray(u);
        keys = isArray ? [] : Object.keys(u).sort();
      } catch {
        return UNREADABLE;
      }
      if (isArray) {
        const length = readProp(u, 'length');
        if (E.isLeft(length) || typeof length.right !== 'number') return UNREADABLE;
        const items: string[] = [];
        for (let i = 0; i < length.right; i++) {
          const item = readProp(u, String(i));
          items.push(E.isRight(item) ? (canon(item.right, inner, known) ?? 'null') : UNREADABLE);
        }
        return `[${items.join(',')}]`;
      }
      const fields: string[] = [];
      for (const key of keys) {
        const field = readProp(u, key);
        const value = E.isRight(field) ? canon(field.right, inner, known) : UNREADABLE;
        if (value !== undefined) fields.push(`${JSON.stringify(key)}:${value}`);
      }
      return `{${fields.join(',')}}`;
    }
    default:
      return undefined;
  }
};

/**
 * Canonical JSON of any value: object keys sorted (by UTF-16 code units) at every level,
 * `undefined`, functions and symbols dropped from objects (`null` in arrays, as JSON does),
 * non-finite numbers as strings (`"NaN"`, `"Infinity"`), bigints as decimal strings, `toJSON`
 * honoured (a `Date` is its ISO string), no whitespace. A value JSON cannot hold at all is
 * `null`; a circular reference is `"[Circular]"`, a property that cannot be read (a getter that
 * fails, a revoked Proxy) `"[Unreadable]"`, input nested too deep for the stack
 * `"[Unserialisable]"`. Maps and Sets have no JSON form and, like JSON, serialise as `{}`:
 * pass plain data. Never fails.
 *
 * Source: seed 003 task 2.5b `json.dumps(params, sort_keys=True, default=str)` (same intent;
 * the text is compact JSON, not Python's, so digests differ from the seed's Python).
 *
 * @example
 * canonicalJson({ b: 1, a: [undefined, NaN], c: undefined }) // '{"a":[null,"NaN"],"b":1}'
 *
 * @since 0.2.0
 * @category resilience
 */
export const canonicalJson = (u: unknown): string => canonicalJsonWith(u, NO_KNOWN);

/**
 * `canonicalJson` of `u` where the objects of `known` (values the library made and deep-froze)
 * are written as their given canonical JSON instead of being walked again (issue 11: the
 * resolved default policy is serialised once, not per build). Internal.
 *
 * @internal
 */
export const canonicalJsonWith = (u: unknown, known: KnownJson): string => {
  try {
    return canon(u, [], known) ?? 'null';
  } catch {
    return '"[Unserialisable]"';
  }
};

/**
 * The idempotency key of an operation: the first 32 hex characters of the SHA-256 digest of
 * `operation + ':' + canonicalJson(params)`. Stable: equal operation names and canonically equal
 * parameters (key order, `undefined` fields) give equal keys. Never fails.
 *
 * Source: seed 003 task 2.5b `_generate_key`.
 *
 * @example
 * idempotencyKey('schedule_followup', { creatorId: 'c1', date: '2025-01-20' }) // 32 hex chars
 *
 * @since 0.2.0
 * @category resilience
 */
export const idempotencyKey = (operation: string, params: unknown): string =>
  idempotencyKeyWith(operation, params, NO_KNOWN);

/**
 * `idempotencyKey` with the canonical JSON of some deep-frozen objects already known
 * (`canonicalJsonWith`): the same key, without walking them again. Internal.
 *
 * @internal
 */
export const idempotencyKeyWith = (operation: string, params: unknown, known: KnownJson): string =>
  sha256Hex(`${operation}:${canonicalJsonWith(params, known)}`).slice(0, 32);

/**
 * The seed 004 `params_hash`: the full SHA-256 hex digest (64 characters) of
 * `canonicalJson(params)`. Never fails.
 *
 * Source: seed 004 `timing_idempotency.params_hash`.
 *
 * @since 0.2.0
 * @category resilience
 */
export const paramsHash = (params: unknown): string => sha256Hex(canonicalJson(params));

/**
 * The status of an idempotency record: `pending` (claimed, the action is running), `completed`
 * (its result is stored), `failed` (recorded as failed by some writer; a store treats it as
 * absent for `putIfAbsent`).
 *
 * Source: seed 003 task 2.5b; seed 004 `timing_idempotency`.
 *
 * @since 0.2.0
 * @category resilience
 */
export type IdempotencyStatus = 'pending' | 'completed' | 'failed';

/**
 * The seed 004 `timing_idempotency` row, camelCase, plus its status. Times are ISO 8601 strings
 * written by the store (the core has no clock): `executedAt` when the record was last written,
 * `expiresAt` when it stops counting.
 *
 * Source: seed 003 task 2.5b; seed 004 `timing_idempotency`.
 *
 * @since 0.2.0
 * @category resilience
 */
export interface IdempotencyRecord {
  /** The operation's `idempotencyKey`, 32 hex characters (004 `operation_key`, the row's key). */
  readonly operationKey: string;
  /** The operation's name (`save_schedule`; 004 `operation_name`). */
  readonly operationName: string;
  /** SHA-256 hex digest of the canonical parameters, 64 characters (004 `params_hash`). */
  readonly paramsHash: string;
  /** `pending`, `completed` or `failed`. */
  readonly status: IdempotencyStatus;
  /** The action's result once `completed`; `null` before. */
  readonly result: unknown | null;
  /** When the store last wrote the record, an ISO 8601 instant of the store's clock (004 `executed_at`). */
  readonly executedAt: string;
  /** When the record stops counting (`executedAt` plus the claim's TTL), an ISO 8601 instant (004 `expires_at`). */
  readonly expiresAt: string;
}

/**
 * A claim on an operation key: what `putIfAbsent` stores as a `pending` record, with how long
 * the record is remembered (ms).
 *
 * Source: seed 003 task 2.5b; seed 004 `timing_idempotency`.
 *
 * @since 0.2.0
 * @category resilience
 */
export interface IdempotencyClaim {
  /** The key claimed: `idempotencyKey(operationName, params)`, 32 hex characters. */
  readonly operationKey: string;
  /** The operation's name (`save_schedule`). */
  readonly operationName: string;
  /** `paramsHash(params)`, 64 hex characters. */
  readonly paramsHash: string;
  /** How long the record is remembered, milliseconds, a finite number > 0 (default 60 minutes). */
  readonly ttlMs: number;
}

/**
 * The claim of `operation` with `params`: its `idempotencyKey`, `paramsHash` and TTL (ms;
 * default `DEFAULT_RESILIENCE_POLICY.idempotencyTtlMs`, 60 min, seed 003 task 2.5b).
 *
 * Source: seed 003 task 2.5b; seed 004 `timing_idempotency`.
 *
 * @since 0.2.0
 * @category resilience
 */
export const idempotencyClaim = (
  operation: string,
  params: unknown,
  ttlMs: number = DEFAULT_RESILIENCE_POLICY.idempotencyTtlMs,
): IdempotencyClaim => ({
  operationKey: idempotencyKey(operation, params),
  operationName: operation,
  paramsHash: paramsHash(params),
  ttlMs,
});

/**
 * The store port of idempotency records, supplied by the caller (a table shaped like seed 004
 * `timing_idempotency`). Every answer is decoded at the boundary.
 *
 * - `putIfAbsent(claim)`: atomically stores a `pending` record under `claim.operationKey` unless
 *   an unexpired `pending` or `completed` record is there (expiry is judged by the store's clock);
 *   answers whether it stored, and the record now under the key.
 * - `complete(key, result)`: the pending record becomes `completed` with `result` (its times
 *   and expiry renewed from now); answers it.
 * - `release(key)`: removes the record under the key (compensation: a retry can claim again).
 * - `settled(key)`: answers once the record is no longer `pending`: the record, or `null` when it
 *   was released, is gone or expired.
 *
 * Source: seed 003 task 2.5b; ISSUE-NOTES issue 4 "Idempotency".
 *
 * @since 0.2.0
 * @category resilience
 */
export interface IdempotencyStore {
  /** Atomically stores a `pending` record for the claim unless an unexpired `pending` or `completed` one is there. */
  readonly putIfAbsent: (claim: IdempotencyClaim) => TaskEither<
    PortFailure,
    {
      /** Whether this call stored the claim (`false`: a record was already there). */
      readonly stored: boolean;
      /** The record now under the key: the new `pending` one, or the one already there. */
      readonly record: IdempotencyRecord;
    }
  >;
  /** Turns the pending record under `key` into `completed` with `result`, renewing its times; answers it. */
  readonly complete: (key: string, result: unknown) => TaskEither<PortFailure, IdempotencyRecord>;
  /** Removes the record under `key`, so a retry can claim it again (compensation). */
  readonly release: (key: string) => TaskEither<PortFailure, void>;
  /** Answers once the record under `key` is no longer `pending`: the record, or `null` when released, gone or expired. */
  readonly settled: (key: string) => TaskEither<PortFailure, IdempotencyRecord | null>;
}

interface Entry {
  readonly record: IdempotencyRecord;
  readonly expiresAtMs: number;
  readonly ttlMs: number;
}

/**
 * An in-memory `IdempotencyStore` on the caller's clock. `putIfAbsent` checks and sets the map
 * synchronously when its task runs, so it is atomic under `Promise.all`; an expired or `failed`
 * record counts as absent. `settled` resolves when `complete` or `release` happens for the key,
 * or when a later `putIfAbsent` replaces the expired claim it waits on; it sets no timer and
 * does not poll, so a claim that is never completed or released (and never replaced) keeps its
 * waiters waiting. A clock that fails, a `ttlMs` that is not a finite number > 0 or an expiry
 * outside the `Date` range is a `Left` (`PortFailure`). The state lives in the returned object.
 *
 * Source: ISSUE-NOTES issue 4 "Idempotency" (the in-memory store has an atomic put-if-absent).
 *
 * @since 0.2.0
 * @category resilience
 */
export const inMemoryIdempotencyStore = (deps: { readonly clock: Clock }): IdempotencyStore => {
  const entries = new Map<string, Entry>();
  const waiters = new Map<string, Array<(r: IdempotencyRecord | null) => void>>();
  const wake = (key: string, r: IdempotencyRecord | null): void => {
    const ws = waiters.get(key) ?? [];
    waiters.delete(key);
    for (const w of ws) w(r);
  };
  const fail = <A>(message: string, cause?: unknown): Promise<E.Either<PortFailure, A>> =>
    Promise.resolve(E.left(cause === undefined ? { message } : { message, cause }));
  const ok = <A>(a: A): Promise<E.Either<PortFailure, A>> => Promise.resolve(E.right(a));
  const times = (now: number, ttlMs: number) => {
    const executedAt = isoOf(now);
    const expiresAt = isoOf(now + ttlMs);
    return executedAt === null || expiresAt === null ? null : { executedAt, expiresAt };
  };

  return {
    putIfAbsent: (claim) => () => {
      const now = safeNow(deps.clock);
      if (E.isLeft(now)) return fail(now.left.message, now.left);
      if (!(Number.isFinite(claim.ttlMs) && claim.ttlMs > 0))
        return fail(`ttlMs must be a finite number > 0, got ${describeValue(claim.ttlMs)}`);
      const existing = entries.get(claim.operationKey);
      if (
        existing !== undefined &&
        existing.expiresAtMs > now.right &&
        existing.record.status !== 'failed'
      )
        return ok({ stored: false, record: existing.record });
      const at = times(now.right, claim.ttlMs);
      if (at === null) return fail('expiry outside the Date range');
      const record: IdempotencyRecord = {
        operationKey: claim.operationKey,
        operationName: claim.operationName,
        paramsHash: claim.paramsHash,
        status: 'pending',
        result: null,
        ...at,
      };
      entries.set(claim.operationKey, {
        record,
        expiresAtMs: now.right + claim.ttlMs,
        ttlMs: claim.ttlMs,
      });
      if (existing !== undefined) wake(claim.operationKey, null);
      return ok({ stored: true, record });
    },
    complete: (key, result) => () => {
      const now = safeNow(deps.clock);
      if (E.isLeft(now)) return fail(now.left.message, now.left);
      const existing = entries.get(key);
      if (existing === undefined || existing.record.status !== 'pending')
        return fail(`no pending claim under ${key}`);
      const at = times(now.right, existing.ttlMs);
      if (at === null) return fail('expiry outside the Date range');
      const record: IdempotencyRecord = {
        ...existing.record,
        status: 'completed',
        result,
        ...at,
      };
      entries.set(key, { ...existing, record, expiresAtMs: now.right + existing.ttlMs });
      wake(key, record);
      return ok(record);
    },
    release: (key) => () => {
      if (entries.delete(key)) wake(key, null);
      return ok(undefined);
    },
    settled: (key) => () => {
      const now = safeNow(deps.clock);
      if (E.isLeft(now)) return fail(now.left.message, now.left);
      const existing = entries.get(key);
      if (existing === undefined || existing.expiresAtMs <= now.right) return ok(null);
      if (existing.record.status !== 'pending') return ok(existing.record);
      return new Promise((resolve) => {
        const ws = waiters.get(key) ?? [];
        ws.push((r) => resolve(E.right(r)));
        waiters.set(key, ws);
      });
    },
  };
};

/**
 * Why `runIdempotent` could not give an answer of its own (the action's own `Left` is passed
 * through unchanged instead):
 *
 * - `store_failed`: a store call failed, failed synchronously, or answered data that does not
 *   decode (`cause` holds the `PortError`).
 * - `action_failed`: the action failed synchronously, rejected or answered no `Either` (`cause`
 *   holds what it said); the claim was released.
 * - `complete_failed`: the action succeeded but storing its result failed; `actionResult`
 *   holds the result. The claim stays pending until it expires, so a retry before then waits.
 * - `unexpected_record`: `settled` answered a record still `pending`.
 * - `contended`: the key was released by its claimant twice in a row; no answer.
 * - `invalid_claim`: the claim is not one (an empty key, a `ttlMs` that is not > 0, ...).
 *
 * Source: seed 003 task 2.5b; ISSUE-NOTES issue 4 "Idempotency".
 *
 * @since 0.2.0
 * @category resilience
 */
export interface IdempotencyFault {
  /** Always `idempotency_fault`: tells the fault from the action's own `Left`. */
  readonly type: 'idempotency_fault';
  /** Why no answer could be given (see above). */
  readonly reason:
    | 'store_failed'
    | 'action_failed'
    | 'complete_failed'
    | 'unexpected_record'
    | 'contended'
    | 'invalid_claim';
  /** The claim's operation key; `''` for `invalid_claim`. */
  readonly operationKey: string;
  /** For people: what went wrong. */
  readonly message: string;
  /** What failed: the store's `PortError` (`store_failed`, `complete_failed`), what the action threw or answered (`action_failed`), or the claim given (`invalid_claim`). */
  readonly cause?: unknown;
  /** The action's result that could not be stored (`complete_failed` only). */
  readonly actionResult?: unknown;
}

/**
 * Whether a value is an `IdempotencyFault` (to tell it from the action's own error). Never
 * fails.
 *
 * Source: seed 003 task 2.5b; ISSUE-NOTES issue 4 "Idempotency".
 *
 * @since 0.2.0
 * @category resilience
 */
export const isIdempotencyFault = (u: unknown): u is IdempotencyFault => {
  try {
    return (
      typeof u === 'object' && u !== null && (u as { type?: unknown }).type === 'idempotency_fault'
    );
  } catch {
    return false;
  }
};

const StatusC = new t.Type<IdempotencyStatus, IdempotencyStatus, unknown>(
  '"pending" | "completed" | "failed"',
  (u): u is IdempotencyStatus => u === 'pending' || u === 'completed' || u === 'failed',
  (u, c) =>
    u === 'pending' || u === 'completed' || u === 'failed' ? t.success(u) : t.failure(u, c),
  t.identity,
);

/**
 * The io-ts codec of an `IdempotencyRecord` as a store answers it (times as the store writes
 * them, any string; the result as stored).
 *
 * Source: seed 003 task 2.5b; seed 004 `timing_idempotency`.
 *
 * @since 0.2.0
 * @category resilience
 */
export const IdempotencyRecordC: t.Type<IdempotencyRecord, IdempotencyRecord, unknown> = t.type({
  operationKey: t.string,
  operationName: t.string,
  paramsHash: t.string,
  status: StatusC,
  result: t.unknown,
  executedAt: t.string,
  expiresAt: t.string,
}) as unknown as t.Type<IdempotencyRecord, IdempotencyRecord, unknown>;

const PutAnswerC = t.type({ stored: t.boolean, record: IdempotencyRecordC });
const SettledC = nullable(IdempotencyRecordC);

type StoreMethod = 'putIfAbsent' | 'complete' | 'release' | 'settled';

/** One store call through `runPort`, its answer decoded; every fault a `PortError`. */
const storeCall = async <A>(
  method: StoreMethod,
  call: () => unknown,
  codec: t.Decoder<unknown, A>,
): Promise<E.Either<PortError, A>> => {
  const port = `idempotencyStore.${method}`;
  const answer = await runPort(port, call);
  if (E.isLeft(answer)) return answer;
  let decoded: E.Either<ReadonlyArray<Issue>, A>;
  try {
    decoded = decodeWith(codec, answer.right, port, { port });
  } catch (e) {
    return E.left(portError(port, 'decode', `${port} answered unreadable data`, { cause: e }));
  }
  return E.isRight(decoded)
    ? E.right(decoded.right)
    : E.left(
        portError(port, 'decode', decoded.left.map((i) => i.message).join('; '), {
          cause: answer.right,
          decodeIssues: decoded.left,
        }),
      );
};

const fault = (
  claim: IdempotencyClaim,
  reason: IdempotencyFault['reason'],
  message: string,
  extra: Pick<IdempotencyFault, 'cause' | 'actionResult'> = {},
): IdempotencyFault => ({
  type: 'idempotency_fault',
  reason,
  operationKey: claim.operationKey,
  message,
  ...extra,
});

const storeFault = (claim: IdempotencyClaim, e: PortError): IdempotencyFault =>
  fault(claim, 'store_failed', e.message, { cause: e });

/** A fresh copy of a claim with its fields checked, or why it is not one. */
const readClaim = (u: unknown): IdempotencyClaim | string => {
  try {
    const c = u as IdempotencyClaim;
    const claim = {
      operationKey: c.operationKey,
      operationName: c.operationName,
      paramsHash: c.paramsHash,
      ttlMs: c.ttlMs,
    };
    if (typeof claim.operationKey !== 'string' || claim.operationKey.length === 0)
      return 'claim.operationKey: expected a non-empty string';
    if (typeof claim.operationName !== 'string') return 'claim.operationName: expected a string';
    if (typeof claim.paramsHash !== 'string') return 'claim.paramsHash: expected a string';
    if (!(typeof claim.ttlMs === 'number' && Number.isFinite(claim.ttlMs) && claim.ttlMs > 0))
      return `claim.ttlMs: expected a finite number > 0, got ${describeValue(claim.ttlMs)}`;
    return claim;
  } catch (e) {
    return `claim unreadable: ${describeValue(e)}`;
  }
};

/**
 * What `runIdempotent` answers: the action's result, and whether it came from an earlier run
 * (`duplicate: true`, the action did not run this time).
 *
 * Source: seed 003 task 2.5b; ISSUE-NOTES issue 4 "Idempotency".
 *
 * @since 0.2.0
 * @category resilience
 */
export interface IdempotentResult<A> {
  /** Whether the result came from an earlier run (the action did not run this time). */
  readonly duplicate: boolean;
  /** The action's result, this run's or the stored one. */
  readonly result: A;
}

/**
 * Runs `action` at most once per unexpired key of `store`.
 *
 * 1. Claims `claim.operationKey` with `putIfAbsent`.
 * 2. Stored: runs `action`; on `Right(a)` completes the record with `a` and answers
 *    `Right({ duplicate: false, result: a })`; on its `Left(e)` releases the claim (so a retry can
 *    run) and answers `Left(e)` unchanged (a release that fails is not reported: the claim then
 *    stays until its TTL expires).
 * 3. A `completed` record is there: answers its result, `duplicate: true`, without running the
 *    action.
 * 4. A `pending` record is there: awaits `settled` and answers the settled result
 *    (`duplicate: true`); when the claim was released, expired or failed instead, claims once
 *    more (from step 1); released again, it answers the fault `contended`.
 *
 * Every store call goes through `runPort` and its answer is decoded, so a store that fails,
 * rejects or answers junk is an `IdempotencyFault` (`store_failed`), never a rejection; see
 * `IdempotencyFault` for the other reasons. A stored result is answered as stored (typed `A`
 * on trust: decode it if the store is not yours). Never rejects; it waits as long as the store's
 * `settled` or the action does.
 *
 * Source: seed 003 task 2.5b `check_and_store` / `@idempotent`; seed 004 `timing_idempotency`;
 * ISSUE-NOTES issue 4 "Idempotency" (100 concurrent saves store once).
 *
 * @example
 * const store = inMemoryIdempotencyStore({ clock });
 * await runIdempotent(store, idempotencyClaim('save_schedule', { creatorId, weekStart }), save)
 * // Right({ duplicate: false, result }) the first time, Right({ duplicate: true, result }) after
 *
 * @since 0.2.0
 * @category resilience
 */
export const runIdempotent = async <E1, A>(
  store: IdempotencyStore,
  claim: IdempotencyClaim,
  action: () => Promise<E.Either<E1, A>>,
): Promise<E.Either<IdempotencyFault | E1, IdempotentResult<A>>> => {
  type Answer = E.Either<IdempotencyFault | E1, IdempotentResult<A>>;
  const checked = readClaim(claim);
  if (typeof checked === 'string')
    return E.left({
      type: 'idempotency_fault',
      reason: 'invalid_claim',
      operationKey: '',
      message: checked,
      cause: claim,
    });
  claim = checked;
  const key = claim.operationKey;
  const duplicate = (r: IdempotencyRecord): Answer =>
    E.right({ duplicate: true, result: r.result as A });

  const release = () => storeCall('release', () => store.release(key), t.unknown);

  const runAction = async (): Promise<Answer> => {
    let answer: unknown;
    try {
      answer = await action();
    } catch (e) {
      await release();
      return E.left(
        fault(claim, 'action_failed', `action failed: ${describeValue(e)}`, { cause: e }),
      );
    }
    const either = eitherOf(answer);
    if (either !== null && E.isRight(either)) {
      const result = either.right as A;
      const done = await storeCall(
        'complete',
        () => store.complete(key, result),
        IdempotencyRecordC,
      );
      return E.isRight(done)
        ? E.right({ duplicate: false, result })
        : E.left(
            fault(
              claim,
              'complete_failed',
              `the action ran but its result was not stored: ${done.left.message}`,
              {
                cause: done.left,
                actionResult: result,
              },
            ),
          );
    }
    await release();
    if (either !== null && E.isLeft(either)) return E.left(either.left as E1);
    return E.left(
      fault(claim, 'action_failed', `action answered ${describeValue(answer)}, not an Either`, {
        cause: answer,
      }),
    );
  };

  /** One claim; `'released'` when the key turned out free again. */
  const round = async (): Promise<Answer | 'released'> => {
    const put = await storeCall('putIfAbsent', () => store.putIfAbsent(claim), PutAnswerC);
    if (E.isLeft(put)) return E.left(storeFault(claim, put.left));
    if (put.right.stored) return runAction();
    const found = put.right.record;
    if (found.status === 'completed') return duplicate(found);
    if (found.status === 'failed') return 'released';
    const settled = await storeCall('settled', () => store.settled(key), SettledC);
    if (E.isLeft(settled)) return E.left(storeFault(claim, settled.left));
    const record = settled.right;
    if (record === null || record.status === 'failed') return 'released';
    if (record.status === 'completed') return duplicate(record);
    return E.left(
      fault(claim, 'unexpected_record', `settled answered a pending record for ${key}`),
    );
  };

  const first = await round();
  if (first !== 'released') return first;
  const second = await round();
  return second !== 'released'
    ? second
    : E.left(fault(claim, 'contended', `the claim on ${key} was released twice; not run`));
};
