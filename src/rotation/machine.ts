/**
 * The PPV rotation state machine: the six states of seed 003 and its transition table, enforced
 * by `transition`, which returns the refused move as a value.
 *
 * Source: seed 003 "Formal State Machine Definition"; RULINGS "Rotation and state" (states,
 * error edges: the table wins over the diagram).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { RotationState } from '../domain/types';

/**
 * The six states, in the seed's order.
 *
 * Source: seed 003 `class RotationState(Enum)`.
 *
 * @since 0.3.0
 * @category rotation
 */
export const ROTATION_STATES: ReadonlyArray<RotationState> = Object.freeze([
  'initializing', // 003: loading or creating initial state
  'pattern_active', // 003: currently using a rotation pattern
  'rotation_pending', // 003: day 3, awaiting rotation decision
  'rotating', // 003: actively changing to new pattern
  'pattern_exhausted', // 003: all patterns used recently
  'error', // 003: error state requiring recovery
]);

/**
 * The valid targets of each state, exactly as seed 003's `VALID_TRANSITIONS`. Only the states
 * listed here reach `error` (RULINGS "error edges": the table wins over the diagram's "any
 * state on failure").
 *
 * Source: seed 003 `VALID_TRANSITIONS`.
 *
 * @since 0.3.0
 * @category rotation
 */
export const VALID_TRANSITIONS: Readonly<Record<RotationState, ReadonlyArray<RotationState>>> =
  Object.freeze({
    initializing: Object.freeze(['pattern_active', 'error'] as const),
    pattern_active: Object.freeze(['rotation_pending', 'error'] as const),
    rotation_pending: Object.freeze(['rotating', 'pattern_active'] as const),
    rotating: Object.freeze(['pattern_active', 'pattern_exhausted', 'error'] as const),
    pattern_exhausted: Object.freeze(['pattern_active'] as const),
    error: Object.freeze(['initializing'] as const),
  });

/**
 * A refused transition: the current state, the target and the targets the table allows.
 *
 * Source: seed 003 `InvalidTransitionError` (a value here, never thrown).
 *
 * @since 0.3.0
 * @category rotation
 */
export interface InvalidTransition {
  /** Always `InvalidTransition` (the discriminant). */
  readonly _tag: 'InvalidTransition';
  /** The state the machine is in. */
  readonly current: RotationState;
  /** The state asked for, which the table does not allow from `current`. */
  readonly target: RotationState;
  /** The targets `VALID_TRANSITIONS` allows from `current` (seed 003 "Formal State Machine Definition"). */
  readonly validTargets: ReadonlyArray<RotationState>;
  /** `Cannot transition from initializing to rotating. Valid targets: pattern_active, error`. */
  readonly message: string;
}

/**
 * Whether the table allows `current -> target`. A value that is not one of the six states is
 * never a valid current state or target.
 *
 * Source: seed 003 `validate_transition`.
 *
 * @example
 * validateTransition('error', 'initializing') // true
 * validateTransition('pattern_exhausted', 'error') // false
 *
 * @since 0.3.0
 * @category rotation
 */
export const validateTransition = (current: RotationState, target: RotationState): boolean =>
  Object.hasOwn(VALID_TRANSITIONS, current) &&
  (VALID_TRANSITIONS[current] as ReadonlyArray<string>).includes(target);

/**
 * Moves the machine: `Right(target)` when the table allows it, else `Left(InvalidTransition)`
 * naming the current state, the target and the valid targets. Never throws.
 *
 * Source: seed 003 `transition_to` (its exception returned as a value).
 *
 * @example
 * transition('initializing', 'pattern_active') // Right('pattern_active')
 * transition('initializing', 'rotating') // Left({ current: 'initializing', target: 'rotating', validTargets: ['pattern_active', 'error'], ... })
 *
 * @since 0.3.0
 * @category rotation
 */
export const transition = (
  current: RotationState,
  target: RotationState,
): E.Either<InvalidTransition, RotationState> => {
  if (validateTransition(current, target)) return E.right(target);
  const validTargets: ReadonlyArray<RotationState> = Object.hasOwn(VALID_TRANSITIONS, current)
    ? VALID_TRANSITIONS[current]
    : [];
  return E.left({
    _tag: 'InvalidTransition',
    current,
    target,
    validTargets,
    message: `Cannot transition from ${String(current)} to ${String(target)}. Valid targets: ${
      validTargets.length > 0 ? validTargets.join(', ') : 'none'
    }`,
  });
};
