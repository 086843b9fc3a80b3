import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleTimes } from '../../src/index';
import { runScenario, scenarioArb } from './fixtures';
import { timingViolations } from './invariants';

describe('scheduleTimes properties (RULINGS "Timing")', () => {
  it('keeps every timing invariant on random weeks, zones and seeds', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = runScenario(s, scheduleTimes);
        expect(timingViolations(r.ctx, r.loaded, r.targeting, r.timing)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic: the same input gives a deep-equal output', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const a = runScenario(s, scheduleTimes);
        const b = runScenario(structuredClone(s), scheduleTimes);
        expect(b.timing).toEqual(a.timing);
      }),
      { numRuns: 200 },
    );
  });
});
