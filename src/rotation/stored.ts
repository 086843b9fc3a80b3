/**
 * Reading a stored rotation state: the `003` record, `004`'s row (its state names, its
 * snake_case columns, its `rotation_pattern` JSON) and anything else a store may answer. Never a
 * decode failure: what cannot be read is reported and the machine recovers through
 * `initializing`.
 *
 * Source: seed 003 task 2.1 (schema), seed 004 "Rotation State Management"; RULINGS "Rotation
 * and state" (`004` states, `004` pattern JSON).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { IsoDateC, NonEmptyStringC, NonNegativeIntC, nullable, PpvStyleC } from '../domain/codecs';
import { type Issue, issue } from '../domain/issues';
import { isIsoDate } from '../domain/time';
import type {
  ContentRotationHint,
  CreatorRotationState,
  PpvStyle,
  RecentPattern,
  RotationState,
} from '../domain/types';
import { ROTATION_STATES } from './machine';

/**
 * A rotation state as a store may hold it: the canonical record, or `004`'s
 * `creator_rotation_state` row (`creator_id`, `rotation_pattern` as JSON text or object,
 * `pattern_start_date` as an ISO date or datetime, `days_on_pattern`, `current_state` one of
 * `initializing | active | paused | rotating` or a `003` state).
 *
 * @since 0.3.0
 * @category rotation
 */
export type StoredRotationState = CreatorRotationState | Readonly<Record<string, unknown>>;

const RecentPatternC = t.type({ pattern: t.array(PpvStyleC), startDate: IsoDateC });

const RotationStateNameC = new t.Type<RotationState, string, unknown>(
  'rotation state',
  (u): u is RotationState =>
    typeof u === 'string' && (ROTATION_STATES as ReadonlyArray<string>).includes(u),
  (u, c) =>
    typeof u === 'string' && (ROTATION_STATES as ReadonlyArray<string>).includes(u)
      ? t.success(u as RotationState)
      : t.failure(u, c),
  t.identity,
);

const ContentRotationHintC = t.type({
  contentTypes: t.array(t.string),
  sequenceType: nullable(t.string),
  weights: t.record(t.string, t.number),
  cycleLengthDays: nullable(t.number),
  avoidRepeatWithin: nullable(t.number),
});

/**
 * The canonical rotation state, exactly (what `saveRotationState` receives and
 * `result.rotation.stateAfter` holds).
 *
 * @since 0.3.0
 * @category codecs
 */
export const CreatorRotationStateC: t.Type<CreatorRotationState, unknown, unknown> = t.type(
  {
    creatorId: NonEmptyStringC,
    currentState: RotationStateNameC,
    paused: t.boolean,
    pattern: t.array(PpvStyleC),
    patternStartDate: IsoDateC,
    daysOnPattern: NonNegativeIntC,
    recentPatterns: t.array(RecentPatternC),
    contentRotation: nullable(ContentRotationHintC),
    lastScheduledDate: nullable(IsoDateC),
    version: NonNegativeIntC,
  },
  'CreatorRotationState',
) as unknown as t.Type<CreatorRotationState, unknown, unknown>;

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/** The first own field present among `keys` (camelCase first, then `004`'s snake_case). */
const field = (r: Readonly<Record<string, unknown>>, ...keys: ReadonlyArray<string>): unknown => {
  for (const k of keys) if (Object.hasOwn(r, k)) return r[k];
  return undefined;
};

const parseJsonText = (u: unknown): unknown => {
  if (typeof u !== 'string') return u;
  try {
    return JSON.parse(u) as unknown;
  } catch {
    return u;
  }
};

const numberOrNull = (u: unknown): number | null =>
  typeof u === 'number' && Number.isFinite(u) ? u : null;

const FOUR_STYLES: ReadonlyArray<PpvStyle> = ['solo', 'bundle', 'winner', 'sextape'];

/** Whether `pattern` holds each of the four styles exactly once (every 003 pattern does). */
const isFullPattern = (pattern: ReadonlyArray<PpvStyle>): boolean =>
  pattern.length === FOUR_STYLES.length && FOUR_STYLES.every((x) => pattern.includes(x));

/** `004`'s `rotation_pattern` object (snake_case or camelCase keys) as the content-type hint. */
const contentHintOf = (u: unknown): ContentRotationHint | null => {
  if (!isRecord(u)) return null;
  const types = field(u, 'contentTypes', 'content_types');
  if (!Array.isArray(types) || !types.every((x) => typeof x === 'string')) return null;
  const w = field(u, 'weights');
  const weights: Record<string, number> = {};
  if (isRecord(w))
    for (const [k, v] of Object.entries(w))
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0) weights[k] = v;
  const seq = field(u, 'sequenceType', 'sequence_type');
  return {
    contentTypes: types as ReadonlyArray<string>,
    sequenceType: typeof seq === 'string' ? seq : null,
    weights,
    cycleLengthDays: numberOrNull(field(u, 'cycleLengthDays', 'cycle_length_days')),
    avoidRepeatWithin: numberOrNull(field(u, 'avoidRepeatWithin', 'avoid_repeat_within')),
  };
};

/** What `readStoredRotationState` answers: the state to start from and what reading it found. */
export interface StoredRotationRead {
  /** `null` when nothing is stored. An unreadable state is read as `error` (it recovers). */
  readonly state: CreatorRotationState | null;
  /** `rotation_state_unreadable` when the stored state could not be read, `rotation_state_normalized` per field read as another value. */
  readonly issues: ReadonlyArray<Issue>;
}

const unreadable = (
  creatorId: string,
  problems: ReadonlyArray<string>,
  version: number,
  contentRotation: ContentRotationHint | null,
  firstDate: string,
): StoredRotationRead => ({
  state: {
    creatorId,
    currentState: 'error',
    paused: false,
    pattern: [],
    patternStartDate: firstDate,
    daysOnPattern: 0,
    recentPatterns: [],
    contentRotation,
    lastScheduledDate: null,
    version,
  },
  issues: [issue('rotation_state_unreadable', { creatorId, problems }, 'rotationState')],
});

/**
 * Reads whatever the rotation port answered into a state the tracker can start from. Total:
 *
 * - `null` / `undefined`: nothing stored (`state: null`).
 * - `004` state names: `active` is `pattern_active`; `paused` is `pattern_active` with
 *   `paused: true` (the pattern is kept and does not rotate); each reported
 *   (`rotation_state_normalized`, info). A `pattern_start_date` with a time keeps its date.
 * - A state holding only `004`'s `rotation_pattern` (content types with weights): kept as
 *   `contentRotation`, and a `003` pattern starts from `initializing` (the tracker reports it).
 * - Anything else that cannot be read (not an object, another creator's id, an unknown state
 *   name, a style that is not one of the four, a pattern that does not hold each of the four
 *   styles once, a bad date): a `rotation_state_unreadable`
 *   warning naming each problem, and the state is read as `error` with no pattern, so the
 *   machine recovers through `initializing` (seed 003 table). The stored version is kept when
 *   readable, so the save still states it.
 *
 * `firstDate` is the schedule's first local date (the start of a recovered pattern).
 *
 * Source: seed 003 task 2.1, seed 004 "Rotation State Management"; RULINGS "Rotation and state".
 *
 * @example
 * readStoredRotationState({ creator_id: 'c1', current_state: 'paused', rotation_pattern: '["solo","bundle","winner","sextape"]', pattern_start_date: '2025-01-10T09:00:00Z', days_on_pattern: 2 }, 'c1', '2025-01-20')
 * // { state: { currentState: 'pattern_active', paused: true, pattern: ['solo', ...], patternStartDate: '2025-01-10', ... }, issues: [2 x rotation_state_normalized] }
 *
 * @since 0.3.0
 * @category rotation
 */
export const readStoredRotationState = (
  raw: unknown,
  creatorId: string,
  firstDate: string,
): StoredRotationRead => {
  if (raw === null || raw === undefined) return { state: null, issues: [] };
  if (!isRecord(raw)) return unreadable(creatorId, ['expected an object'], 0, null, firstDate);
  const problems: string[] = [];
  const notes: Issue[] = [];
  const note = (f: string, stored: string, readAs: string) =>
    notes.push(
      issue('rotation_state_normalized', { field: f, stored, readAs }, `rotationState.${f}`),
    );

  const versionRaw = field(raw, 'version');
  const version =
    typeof versionRaw === 'number' && Number.isInteger(versionRaw) && versionRaw >= 0
      ? versionRaw
      : 0;
  if (versionRaw !== undefined && version !== versionRaw)
    problems.push('version: expected integer >= 0');

  const id = field(raw, 'creatorId', 'creator_id');
  if (id !== undefined && id !== creatorId)
    problems.push(`creatorId: expected ${creatorId}, got ${JSON.stringify(id) ?? 'undefined'}`);

  // State name: 003's six, 004's active / paused.
  const stateRaw = field(raw, 'currentState', 'current_state');
  let currentState: RotationState = 'initializing';
  let paused = field(raw, 'paused') === true;
  if (typeof stateRaw === 'string' && RotationStateNameC.is(stateRaw)) currentState = stateRaw;
  else if (stateRaw === 'active') {
    currentState = 'pattern_active';
    note('currentState', 'active', 'pattern_active');
  } else if (stateRaw === 'paused') {
    currentState = 'pattern_active';
    paused = true;
    note('currentState', 'paused', 'pattern_active (paused: the pattern is kept, no rotation)');
  } else if (stateRaw !== undefined)
    problems.push(`currentState: unknown state ${JSON.stringify(stateRaw) ?? 'undefined'}`);

  // Pattern: 003's style list, or 004's content-type object (JSON text or parsed).
  const patternRaw = parseJsonText(field(raw, 'pattern', 'rotationPattern', 'rotation_pattern'));
  let pattern: ReadonlyArray<PpvStyle> = [];
  let contentRotation = contentHintOf(parseJsonText(field(raw, 'contentRotation')));
  if (Array.isArray(patternRaw)) {
    const bad = patternRaw.findIndex((s) => !PpvStyleC.is(s));
    if (bad >= 0)
      problems.push(
        `pattern[${bad}]: expected solo | bundle | winner | sextape, got ${JSON.stringify(patternRaw[bad]) ?? 'undefined'}`,
      );
    else if (patternRaw.length > 0 && !isFullPattern(patternRaw as ReadonlyArray<PpvStyle>))
      // 003's patterns hold each of the four styles once, and rotating one keeps that; any
      // other list (a style missing or repeated) cannot keep the same-style rule on a day of
      // several PPVs, so it is not carried on.
      problems.push(
        `pattern: expected the four styles solo, bundle, winner, sextape each once, got ${JSON.stringify(patternRaw)}`,
      );
    else pattern = patternRaw as ReadonlyArray<PpvStyle>;
  } else if (isRecord(patternRaw)) {
    const hint = contentHintOf(patternRaw);
    if (hint === null) problems.push('rotationPattern: expected styles or content_types');
    else contentRotation = hint;
  } else if (patternRaw !== undefined && patternRaw !== null)
    problems.push('pattern: expected a list of styles');

  // Start date: a date, or an ISO datetime whose date is kept.
  const startRaw = field(raw, 'patternStartDate', 'pattern_start_date');
  let patternStartDate = firstDate;
  if (typeof startRaw === 'string' && isIsoDate(startRaw)) patternStartDate = startRaw;
  else if (typeof startRaw === 'string' && isIsoDate(startRaw.slice(0, 10))) {
    patternStartDate = startRaw.slice(0, 10);
    note('patternStartDate', startRaw, patternStartDate);
  } else if (pattern.length > 0)
    problems.push(
      `patternStartDate: expected YYYY-MM-DD date, got ${JSON.stringify(startRaw) ?? 'undefined'}`,
    );

  const recentRaw = field(raw, 'recentPatterns');
  const recent = t.array(RecentPatternC).decode(recentRaw ?? []);
  const recentPatterns: ReadonlyArray<RecentPattern> = E.isRight(recent) ? recent.right : [];
  if (E.isLeft(recent)) problems.push('recentPatterns: expected [{ pattern, startDate }]');

  const lastRaw = field(raw, 'lastScheduledDate');
  const lastScheduledDate = typeof lastRaw === 'string' && isIsoDate(lastRaw) ? lastRaw : null;

  if (problems.length > 0)
    return unreadable(creatorId, problems, version, contentRotation, firstDate);
  // A state without a 003 pattern (004's shape only) starts one from initializing.
  if (pattern.length === 0 && currentState !== 'error') currentState = 'initializing';
  const daysRaw = field(raw, 'daysOnPattern', 'days_on_pattern');
  return {
    state: {
      creatorId,
      currentState,
      paused,
      pattern,
      patternStartDate,
      daysOnPattern:
        typeof daysRaw === 'number' && Number.isInteger(daysRaw) && daysRaw >= 0 ? daysRaw : 0,
      recentPatterns,
      contentRotation,
      lastScheduledDate,
      version,
    },
    issues: notes,
  };
};
