/**
 * Pinned posts: which of the week's wall items are pinned, when each is unpinned, and which
 * pins make way for them. A pure planner of seed 003 task 2.5 (`PinnedPostManager`): no clock
 * and no database; the current pins and the week's bounds are inputs, and the answer is the list
 * of pin and unpin actions with their instants.
 *
 * Source: seed 003 gap 1.6 ("Max 3-5 pins, rotate every 72 hours") and task 2.5.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { SendTypeKey } from '../domain/catalog';
import {
  IsoInstantC,
  isCanonicalInstant,
  NonEmptyStringC,
  NonNegativeNumberC,
  SendTypeKeyC,
} from '../domain/codecs';
import { decodeWith, showReceived } from '../domain/decode';
import { type Issue, issue } from '../domain/issues';
import {
  DEFAULT_POLICY,
  isResolvedSlice,
  resolvePolicy,
  type SchedulePolicy,
} from '../domain/policy';
import type { PinPolicy } from '../domain/policyTypes';

const HOUR_MS = 3_600_000;
const PORT = 'getActivePins';

/**
 * One pinned post as the current-pins port answers it (003 task 2.5 `PinItem`).
 *
 * - `postId`: the post (a schedule item id once this planner pinned it).
 * - `pinStart`, `pinEnd`: UTC ISO instants; `pinEnd` is after `pinStart`.
 * - `priority`: the post's estimated revenue, USD (>= 0); the lowest is unpinned first.
 *
 * Source: seed 003 task 2.5 `PinItem`.
 *
 * @since 0.3.0
 * @category timing
 */
export interface ActivePin {
  /** The pinned post (a schedule item id once this planner pinned it). */
  readonly postId: string;
  /** UTC ISO instant the pin started. */
  readonly pinStart: string;
  /** UTC ISO instant the pin ends (is due to be unpinned). */
  readonly pinEnd: string;
  /** Estimated revenue of the post, USD. */
  readonly priority: number;
}

/**
 * One item of the week that might be pinned (any send type: only those of
 * `policy.pins.pinnedSendTypes` are considered).
 *
 * - `itemId`: the schedule item; it becomes the pin's `postId`.
 * - `scheduledAt`: UTC ISO instant of the send; a pin starts then.
 * - `estimatedRevenue`: USD (>= 0); the pin's priority (003 task 2.5 `estimated_revenue`).
 *
 * Source: seed 003 task 2.5 `schedule_pin`.
 *
 * @since 0.3.0
 * @category timing
 */
export interface PinCandidate {
  /** The schedule item; it becomes the pin's `postId`. */
  readonly itemId: string;
  /** The item's send type; only those of `policy.pins.pinnedSendTypes` are pinned. */
  readonly sendTypeKey: SendTypeKey;
  /** UTC ISO instant the item is sent. */
  readonly scheduledAt: string;
  /** Estimated revenue, USD. */
  readonly estimatedRevenue: number;
}

/**
 * One pin or unpin of the plan, at a UTC ISO instant.
 *
 * - `pin`, reason `scheduled`: a candidate is pinned at its `scheduledAt`, until `pinEnd`
 *   (`at + policy.pins.pinDurationHours`).
 * - `unpin`, reason `expired`: at the pin's `pinEnd` (at `weekStartAt` for a current pin that had
 *   already ended).
 * - `unpin`, reason `evicted`: at the `scheduledAt` of a candidate of strictly higher priority
 *   that finds every place taken.
 * - `unpin`, reason `over_limit`: at `weekStartAt`, a current pin beyond `maxPinned`.
 *
 * `priority` is the post's estimated revenue, USD.
 *
 * Source: seed 003 task 2.5 (`schedule_pin`, `_unpin`, `get_pins_to_remove`).
 *
 * @since 0.3.0
 * @category timing
 */
export interface PinAction {
  /** Whether the post is pinned or unpinned at `at`. */
  readonly action: 'pin' | 'unpin';
  /** The post pinned or unpinned. */
  readonly postId: string;
  /** UTC ISO instant of the action. */
  readonly at: string;
  /**
   * `scheduled` (a pin at the candidate's send), `expired` (its `pinEnd` passed), `evicted` (a
   * higher-priority candidate needs the place) or `over_limit` (beyond `maxPinned` at week start).
   */
  readonly reason: 'scheduled' | 'expired' | 'evicted' | 'over_limit';
  /** UTC ISO instant the new pin ends; `pin` actions only. */
  readonly pinEnd?: string;
  /** Estimated revenue of the post, USD. */
  readonly priority: number;
}

/**
 * A candidate that was not pinned because every place was held by a pin of at least its
 * priority. Source: seed 003 task 2.5 ("New item is lower priority, don't pin").
 *
 * @since 0.3.0
 * @category timing
 */
export interface SkippedPin {
  /** The candidate not pinned. */
  readonly itemId: string;
  /** Always `lower_priority`: every place was held by a pin of at least its priority. */
  readonly reason: 'lower_priority';
}

/**
 * What `planPins` answers.
 *
 * - `actions`: every pin and unpin in the order they happen (`at` never decreases; at one
 *   instant unpins come before the pin they make room for).
 * - `pinsAfter`: the pins still pinned at `weekEndAt` (ending at or after it), by `pinEnd` then
 *   `postId`: next week's current pins.
 * - `skipped`: the candidates not pinned for their priority.
 * - `issues`: every skip, eviction, over-limit unpin, rejected candidate and unreadable input.
 *
 * Source: seed 003 task 2.5.
 *
 * @since 0.3.0
 * @category timing
 */
export interface PinPlan {
  /** Every pin and unpin in the order they happen (`at` never decreases; unpins before the pin they make room for). */
  readonly actions: ReadonlyArray<PinAction>;
  /** The pins still pinned at `weekEndAt`, by `pinEnd` then `postId`: next week's current pins. */
  readonly pinsAfter: ReadonlyArray<ActivePin>;
  /** The candidates not pinned for their priority. */
  readonly skipped: ReadonlyArray<SkippedPin>;
  /** Every skip, eviction, over-limit unpin, rejected candidate and unreadable input. */
  readonly issues: ReadonlyArray<Issue>;
}

/**
 * What `planPins` plans from: the week's items (`candidates`), the pins as the current-pins port
 * answered them (`currentPins`) and the week's bounds `[weekStartAt, weekEndAt)` as UTC ISO
 * instants. Every field is decoded: junk is reported, never trusted.
 *
 * Source: seed 003 task 2.5.
 *
 * @since 0.3.0
 * @category timing
 */
export interface PinPlanInput {
  /** The week's items that might be pinned (decoded; junk is reported). */
  readonly candidates: ReadonlyArray<PinCandidate>;
  /** The pins as the current-pins port (`getActivePins`) answered them (decoded; junk is reported). */
  readonly currentPins: ReadonlyArray<ActivePin>;
  /** UTC ISO instant the week starts (included). */
  readonly weekStartAt: string;
  /** UTC ISO instant the week ends (excluded). */
  readonly weekEndAt: string;
}

export type { PinPolicy };

/** The name a failing `pinEnd` is reported against. */
const PinEndAfterStart = new t.Type<string, string, unknown>(
  'instant after pinStart',
  (u): u is string => typeof u === 'string',
  (u, c) => t.failure(u, c),
  t.identity,
);

const ActivePinFieldsC = t.type(
  {
    postId: NonEmptyStringC,
    pinStart: IsoInstantC,
    pinEnd: IsoInstantC,
    priority: NonNegativeNumberC,
  },
  'ActivePin',
);

/**
 * The io-ts codec of one current pin: `postId` a non-blank string, `pinStart` and `pinEnd` ISO
 * instants with a zone (decoded to canonical UTC, `2025-01-20T19:07:00.000Z`), `pinEnd` after
 * `pinStart`, `priority` a finite number >= 0 (USD). Other keys are ignored; the decoded value
 * holds the four fields only. A failure names its field (`pinEnd: expected instant after
 * pinStart`).
 *
 * Source: seed 003 task 2.5 `PinItem`.
 *
 * @since 0.3.0
 * @category timing
 */
export const ActivePinC: t.Type<ActivePin, ActivePin, unknown> = new t.Type<
  ActivePin,
  ActivePin,
  unknown
>(
  'ActivePin',
  (u): u is ActivePin => ActivePinFieldsC.is(u) && Date.parse(u.pinEnd) > Date.parse(u.pinStart),
  (u, c) => {
    const r = ActivePinFieldsC.validate(u, c);
    if (E.isLeft(r)) return r;
    const { postId, pinStart, pinEnd, priority } = r.right;
    return Date.parse(pinEnd) > Date.parse(pinStart)
      ? t.success({ postId, pinStart, pinEnd, priority })
      : t.failure(pinEnd, t.appendContext(c, 'pinEnd', PinEndAfterStart, pinEnd));
  },
  t.identity,
);

/** The postIds of a decoded list must be unique: a repeated one is reported at its path. */
const UniquePostId = new t.Type<string, string, unknown>(
  'postId not already pinned',
  (u): u is string => typeof u === 'string',
  (u, c) => t.failure(u, c),
  t.identity,
);

/**
 * The io-ts codec of a list of current pins (what `getActivePins` answers): an array of
 * `ActivePinC` whose `postId`s are unique; a repeated `postId` fails at the second
 * (`[3].postId: expected postId not already pinned`). `buildSchedule` decodes the port's
 * answer with it at the port boundary, and `inMemoryPorts` its dataset's `activePins`.
 *
 * Source: seed 003 task 2.5 `_load_active_pins`; STYLE io-ts boundary.
 *
 * @since 0.3.0
 * @category timing
 */
export const ActivePinsC: t.Type<
  ReadonlyArray<ActivePin>,
  ReadonlyArray<ActivePin>,
  unknown
> = new t.Type<ReadonlyArray<ActivePin>, ReadonlyArray<ActivePin>, unknown>(
  'array of ActivePin',
  (u): u is ReadonlyArray<ActivePin> => Array.isArray(u) && u.every((p) => ActivePinC.is(p)),
  (u, c) => {
    const r = t.array(ActivePinC).validate(u, c);
    if (E.isLeft(r)) return r;
    const seen = new Set<string>();
    const errors: t.ValidationError[] = [];
    r.right.forEach((p, i) => {
      if (seen.has(p.postId)) {
        const at = t.appendContext(c, String(i), ActivePinC, p);
        errors.push({ value: p.postId, context: t.appendContext(at, 'postId', UniquePostId, p) });
      }
      seen.add(p.postId);
    });
    return errors.length > 0 ? t.failures(errors) : t.success(r.right);
  },
  t.identity,
);

/**
 * Decodes the current pins a port (or a caller) answered: `Right` with fresh `ActivePin`s
 * (canonical UTC instants), or `Left` with one `decode_error` issue per failing path naming the
 * port `getActivePins` (`activePins[2].priority: expected number >= 0, got NaN`); a `postId`
 * that appears twice is an error at the second (`activePins[3].postId: expected postId not
 * already pinned`). Never throws.
 *
 * Source: seed 003 task 2.5 `_load_active_pins`; STYLE io-ts boundary.
 *
 * @example
 * decodeActivePins([{ postId: 'p1', pinStart: '2025-01-19T20:00:00Z',
 *   pinEnd: '2025-01-22T20:00:00Z', priority: 40 }])
 * // Right([{ postId: 'p1', pinStart: '2025-01-19T20:00:00.000Z', pinEnd: '2025-01-22T20:00:00.000Z', priority: 40 }])
 *
 * @since 0.3.0
 * @category timing
 */
export const decodeActivePins = (
  u: unknown,
  rootPath = 'activePins',
): E.Either<ReadonlyArray<Issue>, ReadonlyArray<ActivePin>> =>
  decodeWith(ActivePinsC, u, rootPath, { port: PORT });

const PinCandidateC = t.type(
  {
    itemId: NonEmptyStringC,
    sendTypeKey: SendTypeKeyC,
    scheduledAt: IsoInstantC,
    estimatedRevenue: NonNegativeNumberC,
  },
  'PinCandidate',
);

/** Whether `PinCandidateC` decodes `u` to itself (its guard, and an instant already canonical). */
const isDecodedCandidate = (u: unknown): u is t.TypeOf<typeof PinCandidateC> => {
  try {
    // `PinCandidateC.is` field by field, the instant by its canonical form alone (which implies
    // `IsoInstantC.is`): the pipeline's own candidates are read once, not twice
    if (!t.UnknownRecord.is(u)) return false;
    return (
      NonEmptyStringC.is(u.itemId) &&
      SendTypeKeyC.is(u.sendTypeKey) &&
      isCanonicalInstant(u.scheduledAt) &&
      NonNegativeNumberC.is(u.estimatedRevenue)
    );
  } catch {
    // a value whose reading throws (a hostile Proxy, a getter): `decodeWith` reports it
    return false;
  }
};

const PlanInputC = t.type(
  {
    candidates: t.UnknownArray,
    currentPins: t.unknown,
    weekStartAt: IsoInstantC,
    weekEndAt: IsoInstantC,
  },
  'PinPlanInput',
);

/** A pin while the plan runs: instants in epoch milliseconds, and the path it came from. */
interface Live {
  readonly postId: string;
  readonly pinStart: string;
  readonly endMs: number;
  readonly priority: number;
  readonly path: string;
}

/** A checked candidate with its instant in epoch milliseconds and its input path. */
interface Checked {
  readonly itemId: string;
  readonly atMs: number;
  readonly priority: number;
  readonly path: string;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Eviction order: lowest priority first, then the one that ends first, then by postId. */
const evictionOrder = (a: Live, b: Live): number =>
  a.priority - b.priority || a.endMs - b.endMs || byString(a.postId, b.postId);

/** Expiry order: the one that ends first, then by postId. */
const expiryOrder = (a: Live, b: Live): number => a.endMs - b.endMs || byString(a.postId, b.postId);

const iso = (ms: number): string => new Date(ms).toISOString();

/** The `itemId` of a rejected candidate when it can be read as a string, else `null`. */
const itemIdOf = (u: unknown): string | null => {
  try {
    const v = typeof u === 'object' && u !== null ? (u as { itemId?: unknown }).itemId : null;
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
};

const emptyPlan = (issues: ReadonlyArray<Issue>): PinPlan => ({
  actions: [],
  pinsAfter: [],
  skipped: [],
  issues,
});

/** The decoded input: the week's bounds in order and the candidates as a fresh array. */
interface ReadInput {
  readonly candidates: ReadonlyArray<unknown>;
  readonly currentPins: unknown;
  readonly weekStartAt: string;
  readonly weekEndAt: string;
  readonly startMs: number;
  readonly endMs: number;
}

/** Decodes the input's envelope (`invalid_input` issues naming the field); never throws. */
const readInput = (input: unknown): E.Either<ReadonlyArray<Issue>, ReadInput> => {
  const envelope = decodeWith(PlanInputC, input, '', 'invalid_input');
  if (E.isLeft(envelope)) return envelope;
  const { currentPins, weekStartAt, weekEndAt } = envelope.right;
  let candidates: ReadonlyArray<unknown>;
  try {
    candidates = Array.from(envelope.right.candidates);
  } catch {
    const received = showReceived(envelope.right.candidates);
    return E.left([
      issue('invalid_input', { expected: 'a readable array', received }, 'candidates'),
    ]);
  }
  const startMs = Date.parse(weekStartAt);
  const endMs = Date.parse(weekEndAt);
  if (!(startMs < endMs))
    return E.left([
      issue(
        'invalid_input',
        { expected: 'an instant after weekStartAt', received: JSON.stringify(weekEndAt) },
        'weekEndAt',
      ),
    ]);
  return E.right({ candidates, currentPins, weekStartAt, weekEndAt, startMs, endMs });
};

/** The policy slice, checked by the policy codec (ranges and unknown keys); never throws. */
const checkPolicy = (policy: unknown): E.Either<ReadonlyArray<Issue>, PinPolicy> =>
  isResolvedSlice(policy)
    ? E.right(policy as PinPolicy)
    : E.map((p: SchedulePolicy) => p.pins)(resolvePolicy({ pins: policy }));

/**
 * Plans the week's pinned posts (003 task 2.5, made pure: time comes from the inputs).
 *
 * Steps:
 * 1. Decode. The input's `weekStartAt` and `weekEndAt` must be ISO instants with
 *    `weekStartAt < weekEndAt` and `candidates` an array, else the plan is empty with
 *    `invalid_input` errors naming the field; a policy slice outside its ranges gives an empty
 *    plan with `invalid_policy` errors (`policy.pins.maxPinned`). `currentPins` that do not
 *    decode (`decodeActivePins`) are replaced by no current pins, reported as warning
 *    `pins_unreadable`. A candidate that does not decode (blank id, unknown send type, bad
 *    instant, `NaN` or negative revenue), whose `itemId` repeats an earlier candidate or a
 *    current pin, or scheduled outside `[weekStartAt, weekEndAt)` is left out, reported as
 *    warning `pin_candidate_invalid` at `candidates[i]`.
 * 2. Week start. Current pins ending at or before `weekStartAt` are unpinned at `weekStartAt`
 *    (`expired`); then, while more than `maxPinned` remain, the lowest is unpinned at
 *    `weekStartAt` (`over_limit`, info `pin_over_limit`). Current pins count as pinned from
 *    `weekStartAt` whatever their `pinStart`.
 * 3. Candidates whose send type is in `pinnedSendTypes`, by `scheduledAt` then `itemId`: first
 *    every pin ending at or before the candidate's `scheduledAt` is unpinned at its `pinEnd`
 *    (`expired`). If `maxPinned` pins remain, the lowest is unpinned at `scheduledAt`
 *    (`evicted`, info `pin_evicted`) when the candidate's `estimatedRevenue` is strictly higher
 *    than its priority; otherwise the candidate is skipped (`skipped`, info `pin_skipped`). A
 *    pinned candidate is pinned at `scheduledAt` until `scheduledAt + pinDurationHours`, with
 *    priority `estimatedRevenue`.
 * 4. Week end. Every pin ending before `weekEndAt` is unpinned at its `pinEnd` (`expired`); the
 *    rest are `pinsAfter`.
 *
 * "Lowest" means the lowest priority; among equal priorities the pin that ends first, then the
 * smallest `postId` (deterministic). No instant ever holds more than `maxPinned` pins. Items of
 * other send types are not pin candidates and are not reported. The same inputs give the same
 * plan; the order of `candidates` only matters between two entries with the same `itemId` (the
 * first is kept). Never throws.
 *
 * @example
 * planPins({
 *   candidates: [{ itemId: 'w1', sendTypeKey: 'ppv_wall', scheduledAt: '2025-01-20T20:07:00Z', estimatedRevenue: 120 }],
 *   currentPins: [],
 *   weekStartAt: '2025-01-20T05:00:00Z',
 *   weekEndAt: '2025-01-27T05:00:00Z',
 * })
 * // actions: pin w1 at 2025-01-20T20:07:00.000Z until 2025-01-23T20:07:00.000Z (72 h),
 * //          unpin w1 at 2025-01-23T20:07:00.000Z (expired); pinsAfter: []
 *
 * Source: seed 003 gap 1.6, task 2.5.
 *
 * @since 0.3.0
 * @category timing
 */
export const planPins = (input: PinPlanInput, policy: PinPolicy = DEFAULT_POLICY.pins): PinPlan => {
  const checkedPolicy = checkPolicy(policy);
  const envelope = readInput(input);
  if (E.isLeft(checkedPolicy) || E.isLeft(envelope))
    return emptyPlan([
      ...(E.isLeft(checkedPolicy) ? checkedPolicy.left : []),
      ...(E.isLeft(envelope) ? envelope.left : []),
    ]);
  const { maxPinned, pinDurationHours, pinnedSendTypes } = checkedPolicy.right;
  const pinnable = new Set<string>(pinnedSendTypes);
  const durationMs = pinDurationHours * HOUR_MS;
  const { candidates, currentPins, weekStartAt, weekEndAt, startMs, endMs } = envelope.right;

  const issues: Issue[] = [];
  const actions: PinAction[] = [];
  const skipped: SkippedPin[] = [];

  // 1. The current pins, or none when they cannot be read.
  const decodedPins = decodeActivePins(currentPins, 'currentPins');
  if (E.isLeft(decodedPins))
    issues.push(
      issue('pins_unreadable', {
        port: PORT,
        problems: decodedPins.left.map((i) => i.message),
        fallback: 'no current pins',
      }),
    );
  let live: Live[] = (E.isRight(decodedPins) ? decodedPins.right : []).map((p, i) => ({
    postId: p.postId,
    pinStart: p.pinStart,
    endMs: Date.parse(p.pinEnd),
    priority: p.priority,
    path: `currentPins[${i}]`,
  }));

  // 1. The candidates: decoded one by one, unique ids, inside the week.
  const taken = new Set(live.map((p) => p.postId));
  const queue: Checked[] = [];
  candidates.forEach((raw, i) => {
    const path = `candidates[${i}]`;
    const rejected = (
      itemId: string | null,
      reason: 'undecodable' | 'duplicate_id' | 'outside_week',
      problems: ReadonlyArray<string>,
    ) => issues.push(issue('pin_candidate_invalid', { itemId, reason, problems }, path));
    // a candidate the decode would answer unchanged (the pipeline's own items) skips it (issue 11)
    const d = isDecodedCandidate(raw)
      ? E.right(raw)
      : decodeWith(PinCandidateC, raw, path, 'invalid_input');
    if (E.isLeft(d)) {
      rejected(
        itemIdOf(raw),
        'undecodable',
        d.left.map((x) => x.message),
      );
      return;
    }
    const c = d.right;
    if (taken.has(c.itemId)) {
      rejected(c.itemId, 'duplicate_id', [`${path}.itemId: ${JSON.stringify(c.itemId)} repeated`]);
      return;
    }
    taken.add(c.itemId);
    if (!pinnable.has(c.sendTypeKey)) return;
    const atMs = Date.parse(c.scheduledAt);
    if (atMs < startMs || atMs >= endMs) {
      rejected(c.itemId, 'outside_week', [
        `${path}.scheduledAt: ${c.scheduledAt} not in [${weekStartAt}, ${weekEndAt})`,
      ]);
      return;
    }
    queue.push({ itemId: c.itemId, atMs, priority: c.estimatedRevenue, path });
  });
  queue.sort((a, b) => a.atMs - b.atMs || byString(a.itemId, b.itemId));

  const unpin = (p: Live, atMs: number, reason: PinAction['reason']): void => {
    actions.push({
      action: 'unpin',
      postId: p.postId,
      at: iso(atMs),
      reason,
      priority: p.priority,
    });
  };
  /** Unpins, at their pinEnd, the pins ending at or before `ms` (or before it, when `strict`). */
  const expireUntil = (ms: number, strict: boolean): void => {
    const ending = live.filter((p) => (strict ? p.endMs < ms : p.endMs <= ms)).sort(expiryOrder);
    if (ending.length === 0) return;
    for (const p of ending) unpin(p, p.endMs, 'expired');
    live = live.filter((p) => !ending.includes(p));
  };

  // 2. The week start: pins already ended, then pins beyond the maximum.
  const ended = live.filter((p) => p.endMs <= startMs).sort(expiryOrder);
  for (const p of ended) unpin(p, startMs, 'expired');
  live = live.filter((p) => !ended.includes(p));
  if (live.length > maxPinned) {
    const over = [...live].sort(evictionOrder).slice(0, live.length - maxPinned);
    for (const p of over) {
      unpin(p, startMs, 'over_limit');
      issues.push(
        issue('pin_over_limit', { postId: p.postId, priority: p.priority, maxPinned }, p.path),
      );
    }
    live = live.filter((p) => !over.includes(p));
  }

  // 3. The candidates in time order.
  for (const c of queue) {
    expireUntil(c.atMs, false);
    if (live.length >= maxPinned) {
      const lowest = [...live].sort(evictionOrder)[0] as Live;
      if (!(c.priority > lowest.priority)) {
        skipped.push({ itemId: c.itemId, reason: 'lower_priority' });
        issues.push(
          issue(
            'pin_skipped',
            { itemId: c.itemId, reason: 'lower_priority', lowestPinnedPriority: lowest.priority },
            c.path,
          ),
        );
        continue;
      }
      unpin(lowest, c.atMs, 'evicted');
      issues.push(
        issue(
          'pin_evicted',
          { postId: lowest.postId, byItemId: c.itemId, priority: lowest.priority },
          lowest.path,
        ),
      );
      live = live.filter((p) => p !== lowest);
    }
    const pinEndMs = c.atMs + durationMs;
    actions.push({
      action: 'pin',
      postId: c.itemId,
      at: iso(c.atMs),
      reason: 'scheduled',
      pinEnd: iso(pinEndMs),
      priority: c.priority,
    });
    live.push({
      postId: c.itemId,
      pinStart: iso(c.atMs),
      endMs: pinEndMs,
      priority: c.priority,
      path: c.path,
    });
  }

  // 4. The week end.
  expireUntil(endMs, true);
  const pinsAfter = [...live].sort(expiryOrder).map((p) => ({
    postId: p.postId,
    pinStart: p.pinStart,
    pinEnd: iso(p.endMs),
    priority: p.priority,
  }));
  return { actions, pinsAfter, skipped, issues };
};
