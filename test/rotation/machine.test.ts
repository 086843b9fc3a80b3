/**
 * Seed 003 "Formal State Machine Definition" and quality gate 8: every valid transition passes,
 * every other one is refused as a value naming the current state, the target and the valid
 * targets; error only goes to initializing. The oracle is the seed's table, written out here.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  type RotationState,
  transition,
  VALID_TRANSITIONS,
  validateTransition,
} from '../../src/index';

/** Seed 003 `VALID_TRANSITIONS`, literally. */
const SEED_TABLE: Readonly<Record<string, ReadonlyArray<string>>> = {
  initializing: ['pattern_active', 'error'],
  pattern_active: ['rotation_pending', 'error'],
  rotation_pending: ['rotating', 'pattern_active'],
  rotating: ['pattern_active', 'pattern_exhausted', 'error'],
  pattern_exhausted: ['pattern_active'],
  error: ['initializing'],
};
const STATES = Object.keys(SEED_TABLE) as RotationState[];

describe('rotation state machine (003)', () => {
  it('has exactly the seed table', () => {
    expect(Object.keys(VALID_TRANSITIONS).sort()).toEqual([...STATES].sort());
    for (const s of STATES) expect([...VALID_TRANSITIONS[s]]).toEqual(SEED_TABLE[s]);
  });

  it.each(STATES.flatMap((from) => STATES.map((to) => [from, to] as const)))(
    '%s -> %s is allowed exactly when the seed lists it',
    (from, to) => {
      const allowed = (SEED_TABLE[from] ?? []).includes(to);
      expect(validateTransition(from, to)).toBe(allowed);
      const r = transition(from, to);
      if (allowed) expect(r).toEqual(E.right(to));
      else {
        expect(E.isLeft(r)).toBe(true);
        if (E.isLeft(r)) {
          expect(r.left.current).toBe(from);
          expect(r.left.target).toBe(to);
          expect(r.left.validTargets).toEqual(SEED_TABLE[from]);
          expect(r.left.message).toContain(`Cannot transition from ${from} to ${to}`);
        }
      }
    },
  );

  it('refuses the seed examples: initializing -> rotating, pattern_exhausted -> error', () => {
    expect(E.isLeft(transition('initializing', 'rotating'))).toBe(true);
    expect(E.isLeft(transition('pattern_exhausted', 'error'))).toBe(true);
    expect(VALID_TRANSITIONS.error).toEqual(['initializing']);
  });

  it('never throws on a value that is not a state', () => {
    const junk = 'paused' as unknown as RotationState;
    expect(validateTransition(junk, 'pattern_active')).toBe(false);
    const r = transition(junk, 'pattern_active');
    expect(E.isLeft(r) && r.left.validTargets).toEqual([]);
  });
});
