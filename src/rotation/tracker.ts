/**
 * The PPV rotation tracker, pure: from the stored state and the schedule's own dates, the
 * pattern in force on each date, the rotations, every state transition and the state to store.
 *
 * Source: seed 003 task 2.1 (`PPVRotationTracker`), "Formal State Machine Definition"; RULINGS
 * "Rotation and state" (clock, `004` states, exhausted, error edges, randomness).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { type Issue, issue } from '../domain/issues';
import { DEFAULT_POLICY } from '../domain/policy';
import type { RotationPolicy } from '../domain/policyTypes';
import { daysBetween } from '../domain/time';
import type { CreatorRotationState, PpvStyle, RecentPattern, RotationState } from '../domain/types';
import { nextInt, rngFrom } from '../random/rng';
import { md5Hex } from '../resilience/sha256';
import { transition } from './machine';
import {
  ROTATION_METHODS,
  type RotationMethod,
  rotatePattern,
  STANDARD_PATTERNS,
} from './patterns';

export type { RotationPolicy };

/**
 * What the tracker is asked: the creator, the stored state (`null` when none), the schedule's
 * local dates `YYYY-MM-DD` in order, and the build's seed.
 *
 * @since 0.3.0
 * @category rotation
 */
export interface RotationInput {
  /** The creator; part of the day-3 hash and of every seed. */
  readonly creatorId: string;
  /** The stored rotation state (seed 004 `creator_rotation_state`), `null` when none. */
  readonly state: CreatorRotationState | null;
  /** The schedule's local dates `YYYY-MM-DD` (deduplicated and sorted by the tracker). */
  readonly scheduleDates: ReadonlyArray<string>;
  /** The build's seed: the initial pattern and rotation methods are drawn from it. */
  readonly seed: string | number;
}

/**
 * One pattern change: its local date, the method asked for and used, the old and new patterns,
 * the days spent on the old one, and whether every standard pattern had been used recently.
 *
 * Source: seed 003 task 2.2b `log_rotation_change`.
 *
 * @since 0.3.0
 * @category rotation
 */
export interface PatternRotation {
  /** The local date `YYYY-MM-DD` the new pattern starts on. */
  readonly date: string;
  /** The method used (`new` when reverse or shuffle gave the same pattern). */
  readonly method: RotationMethod;
  /** The method drawn from the seeded generator. */
  readonly requestedMethod: RotationMethod;
  /** The pattern in force before the rotation. */
  readonly oldPattern: ReadonlyArray<PpvStyle>;
  /** The pattern in force from `date`. */
  readonly newPattern: ReadonlyArray<PpvStyle>;
  /** Calendar days spent on the old pattern (its start date to `date`). */
  readonly daysOnPrevious: number;
  /** Every standard pattern was used in the last 14 days, so the least recently used one was taken. */
  readonly exhausted: boolean;
}

/**
 * One state transition of the machine, with the local date it happened on.
 *
 * @since 0.3.0
 * @category rotation
 */
export interface RotationTransition {
  /** The local date `YYYY-MM-DD` the transition happened on. */
  readonly date: string;
  /** The state left. */
  readonly from: RotationState;
  /** The state entered. */
  readonly to: RotationState;
}

/**
 * The pattern in force on one schedule date, and its day count (0 on the day it starts).
 *
 * @since 0.3.0
 * @category rotation
 */
export interface RotationDay {
  /** The schedule's local date `YYYY-MM-DD`. */
  readonly date: string;
  /** The PPV style pattern in force on the date. */
  readonly pattern: ReadonlyArray<PpvStyle>;
  /** The local date `YYYY-MM-DD` the pattern started on. */
  readonly patternStartDate: string;
  /** Calendar days since `patternStartDate` (0 on the day it starts). */
  readonly dayOnPattern: number;
}

/**
 * The tracker's answer: the pattern per date, the rotations, the transitions, the state before
 * and after (`stateAfter.version` is `stateBefore.version + 1`), and what it reports.
 *
 * @since 0.3.0
 * @category rotation
 */
export interface RotationPlan {
  /** The pattern in force on each schedule date, dates ascending. */
  readonly days: ReadonlyArray<RotationDay>;
  /** The stored state the tracker started from, `null` when none. */
  readonly stateBefore: CreatorRotationState | null;
  /** The state to store (`version` is `stateBefore.version + 1`). */
  readonly stateAfter: CreatorRotationState;
  /** Every pattern change, in date order. */
  readonly rotations: ReadonlyArray<PatternRotation>;
  /** Every state machine transition, in order. */
  readonly transitions: ReadonlyArray<RotationTransition>;
  /** What the tracker reports (`rotation_pattern_started`, `rotation_paused`, `rotation_state_ahead`, ...). */
  readonly issues: ReadonlyArray<Issue>;
}

/**
 * The seed's deterministic day-3 decision: rotate when the first 8 hex digits of
 * `md5("<creatorId>:<patternStartDate>")` read as an even number (003 task 2.1). Later days
 * before the forced day (a policy with a longer range) hash the day count too.
 *
 * @since 0.3.0
 * @category rotation
 */
export const rotatesOnDecisionDay = (
  creatorId: string,
  patternStartDate: string,
  dayOnPattern: number,
  policy: RotationPolicy = DEFAULT_POLICY.rotation,
): boolean => {
  const key =
    dayOnPattern === policy.minDaysOnPattern
      ? `${creatorId}:${patternStartDate}`
      : `${creatorId}:${patternStartDate}:${dayOnPattern}`;
  return Number.parseInt(md5Hex(key).slice(0, 8), 16) % 2 === 0;
};

const isStyled = (p: ReadonlyArray<PpvStyle>): boolean => p.length > 0;

/**
 * Runs the rotation state machine over the schedule's dates.
 *
 * - Start: no state, or a stored `error` (recovered through `initializing`, seed 003 table), or
 *   a state without a `003` pattern: a standard pattern drawn from the seeded generator starts on
 *   the first date (`rotation_pattern_started`). A stored `rotating` or `pattern_exhausted`
 *   returns to `pattern_active` with its pattern; `rotation_pending` takes its decision on the
 *   first date that allows one.
 * - Each date, days on pattern are counted in calendar days from the pattern's start date on the
 *   schedule's own dates (RULINGS "clock"): before day 3 nothing happens; on day 3 the machine
 *   goes to `rotation_pending` and rotates when `rotatesOnDecisionDay` says so, else back to
 *   `pattern_active`; from day 4 it always rotates. A rotation draws its method (reverse,
 *   shuffle, new) from the generator seeded by seed, creator and date, changes the pattern with
 *   `rotatePattern`, goes through `pattern_exhausted` when every standard pattern was used in
 *   the last 14 days, and the new pattern starts that date.
 * - `paused` (seed 004): the pattern is kept and never rotates (`rotation_paused`).
 * - A stored pattern starting after the first date (`rotation_state_ahead`): kept, no rotation
 *   before its start.
 * - Every move goes through `transition`; a refused one (never expected) is reported and the
 *   machine recovers through `error` and `initializing`.
 *
 * Pure: the same input gives the same plan, byte for byte.
 *
 * Source: seed 003 task 2.1, "Formal State Machine Definition"; RULINGS "Rotation and state".
 *
 * @example
 * const plan = trackRotation({ creatorId: 'c1', state: null, scheduleDates: weekDatesFrom('2025-01-20'), seed: 7 });
 * plan.days[0].pattern // e.g. ['winner', 'solo', 'sextape', 'bundle']
 * plan.rotations.length // 1 or 2 in a 7-day week
 *
 * @since 0.3.0
 * @category rotation
 */
export const trackRotation = (
  input: RotationInput,
  policy: RotationPolicy = DEFAULT_POLICY.rotation,
): RotationPlan => {
  const { creatorId, state, seed } = input;
  const dates = [...new Set(input.scheduleDates)].sort();
  const first = dates[0] ?? state?.patternStartDate ?? '1970-01-01';
  const issues: Issue[] = [];
  const transitions: RotationTransition[] = [];
  const rotations: PatternRotation[] = [];
  const days: RotationDay[] = [];

  let machine: RotationState = state?.currentState ?? 'initializing';
  let pattern: ReadonlyArray<PpvStyle> = state?.pattern ?? [];
  let start = state?.patternStartDate ?? first;
  let recent: ReadonlyArray<RecentPattern> = state?.recentPatterns ?? [];
  const paused = state?.paused ?? false;

  const prune = (xs: ReadonlyArray<RecentPattern>, on: string): ReadonlyArray<RecentPattern> =>
    xs.filter((r) => daysBetween(r.startDate, on) <= policy.recentPatternDays);

  const begin = (
    date: string,
    reason: 'no_state' | 'content_rotation_only' | 'recovered_from_error',
  ): void => {
    const [i] = nextInt(
      rngFrom(seed, creatorId, date, 'rotation-initial'),
      0,
      STANDARD_PATTERNS.length - 1,
    );
    pattern = STANDARD_PATTERNS[i] as ReadonlyArray<PpvStyle>;
    start = date;
    recent = prune([...recent, { pattern, startDate: date }], date);
    issues.push(issue('rotation_pattern_started', { date, pattern, reason }));
  };

  // Moves the machine; a refused move is reported and recovered through error -> initializing.
  const move = (date: string, to: RotationState): void => {
    const r = transition(machine, to);
    if (E.isRight(r)) {
      transitions.push({ date, from: machine, to });
      machine = to;
      return;
    }
    issues.push(
      issue('rotation_transition_refused', {
        date,
        from: machine,
        to,
        validTargets: r.left.validTargets,
      }),
    );
    transitions.push({ date, from: machine, to: 'error' });
    machine = 'error';
    transitions.push({ date, from: 'error', to: 'initializing' });
    machine = 'initializing';
    begin(date, 'recovered_from_error');
    transitions.push({ date, from: 'initializing', to: 'pattern_active' });
    machine = 'pattern_active';
  };

  // The start, from the stored state's position in the machine.
  if (machine === 'error') {
    move(first, 'initializing');
    begin(first, 'recovered_from_error');
    move(first, 'pattern_active');
  } else if (machine === 'initializing' || !isStyled(pattern)) {
    if (machine !== 'initializing') {
      move(first, 'error');
      move(first, 'initializing');
    }
    if (!isStyled(pattern))
      begin(first, state?.contentRotation ? 'content_rotation_only' : 'no_state');
    move(first, 'pattern_active');
  } else if (machine === 'rotating' || machine === 'pattern_exhausted') {
    move(first, 'pattern_active');
  }
  if (paused) issues.push(issue('rotation_paused', { pattern, patternStartDate: start }));
  if (start > first)
    issues.push(
      issue('rotation_state_ahead', { patternStartDate: start, firstScheduleDate: first }),
    );

  for (const date of dates) {
    const onPattern = daysBetween(start, date);
    if (!paused && onPattern >= policy.minDaysOnPattern) {
      if (machine === 'pattern_active') move(date, 'rotation_pending');
      const rotate =
        onPattern >= policy.maxDaysOnPattern ||
        rotatesOnDecisionDay(creatorId, start, onPattern, policy);
      if (!rotate) move(date, 'pattern_active');
      else {
        move(date, 'rotating');
        const [m, r1] = nextInt(
          rngFrom(seed, creatorId, date, 'rotation-method'),
          0,
          ROTATION_METHODS.length - 1,
        );
        const requested = ROTATION_METHODS[m] as RotationMethod;
        const live = prune(recent, date);
        const [out] = rotatePattern(pattern, requested, r1, live);
        if (out.method !== out.requestedMethod)
          issues.push(
            issue('rotation_method_replaced', {
              date,
              requested: out.requestedMethod,
              used: out.method,
            }),
          );
        if (out.exhausted) {
          move(date, 'pattern_exhausted');
          issues.push(
            issue('rotation_exhausted', {
              date,
              recentPatterns: live.map((x) => x.pattern),
              pattern: out.pattern,
            }),
          );
        }
        move(date, 'pattern_active');
        rotations.push({
          date,
          method: out.method,
          requestedMethod: out.requestedMethod,
          oldPattern: pattern,
          newPattern: out.pattern,
          daysOnPrevious: onPattern,
          exhausted: out.exhausted,
        });
        pattern = out.pattern;
        start = date;
        recent = prune([...live, { pattern, startDate: date }], date);
      }
    }
    days.push({
      date,
      pattern,
      patternStartDate: start,
      dayOnPattern: Math.max(0, daysBetween(start, date)),
    });
  }

  const last = dates[dates.length - 1] ?? first;
  const stateAfter: CreatorRotationState = {
    creatorId,
    currentState: machine,
    paused,
    pattern,
    patternStartDate: start,
    daysOnPattern: Math.max(0, daysBetween(start, last)),
    recentPatterns: prune(recent, last),
    contentRotation: state?.contentRotation ?? null,
    lastScheduledDate: last,
    version: (state?.version ?? 0) + 1,
  };
  return { days, stateBefore: state, stateAfter, rotations, transitions, issues };
};

/**
 * The style of the PPV at `position` (0-based, in planned order) on `date`:
 * `pattern[position % pattern.length]` of the pattern in force that day; `null` for a date the
 * plan does not cover. Source: seed 003 task 2.1 `get_next_ppv_type`.
 *
 * @example
 * ppvStyleAt(plan, '2025-01-20', 0) // the first style of that day's pattern
 *
 * @since 0.3.0
 * @category rotation
 */
export const ppvStyleAt = (plan: RotationPlan, date: string, position: number): PpvStyle | null => {
  const day = plan.days.find((d) => d.date === date);
  if (day === undefined || day.pattern.length === 0) return null;
  const n = day.pattern.length;
  return day.pattern[((Math.trunc(position) % n) + n) % n] ?? null;
};
