/**
 * Properties of phase 5 on random weeks, zones and seeds, checked with the literal invariants of
 * `invariants.ts` (RULINGS "Timing"). The fixed-seed runs replay as they are; fast-check prints
 * the seed and path of a counterexample. The third run takes `FC_SEED` (a random seed when unset,
 * shown in its name): `FC_SEED=123 npx vitest run test/timing/properties.test.ts`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleTimes } from '../../src/index';
import { runScenario, scenarioArb } from './fixtures';
import { timingViolations } from './invariants';

const FIXED_SEED = 20_250_120;
const ENV_SEED =
  process.env.FC_SEED === undefined
    ? Math.floor(Math.random() * 0x7fffffff)
    : Number(process.env.FC_SEED);

describe('scheduleTimes properties (RULINGS "Timing")', () => {
  it(`keeps every timing invariant on random weeks, zones and seeds (seed ${FIXED_SEED})`, () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = runScenario(s, scheduleTimes);
        expect(timingViolations(r)).toEqual([]);
      }),
      { numRuns: 200, seed: FIXED_SEED },
    );
  });

  it(`keeps every timing invariant (FC_SEED=${ENV_SEED})`, () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = runScenario(s, scheduleTimes);
        expect(timingViolations(r)).toEqual([]);
      }),
      { numRuns: 100, seed: ENV_SEED },
    );
  });

  it(`is deterministic: the same input gives a deep-equal output (seed ${FIXED_SEED})`, () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const a = runScenario(s, scheduleTimes);
        const b = runScenario(structuredClone(s), scheduleTimes);
        expect(b.timing).toEqual(a.timing);
      }),
      { numRuns: 100, seed: FIXED_SEED },
    );
  });
});
