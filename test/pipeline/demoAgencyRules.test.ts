/**
 * Issue 2 "done when": every hard rule of RULINGS holds in every week the example prints, for any
 * seed, and every demo creator's week passes validation. Random seeds and weeks (DST weeks
 * included) over the whole demo agency, checked with the independent literal oracle
 * (`test/oracle/oracle.ts`) and the week shape rules of `weekShape.ts`.
 *
 * Replay: one run with the fixed seed `FIXED_SEED`, one with `FC_SEED` (a random seed when
 * unset, shown in the test name); fast-check prints the seed and path of a counterexample.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoAgency } from '../../src/demo';
import { buildSchedule, inMemoryPorts } from '../../src/index';
import { hardRuleViolations } from '../oracle/oracle';
import { weekShapeViolations } from './weekShape';

const WEEKS = [
  '2025-01-20',
  '2025-03-03',
  '2025-03-10',
  '2025-03-31',
  '2025-10-20',
  '2025-10-27',
  '2026-06-15',
] as const;

const FIXED_SEED = 20_250_120;
const ENV_SEED =
  process.env.FC_SEED === undefined
    ? Math.floor(Math.random() * 0x7fffffff)
    : Number(process.env.FC_SEED);

const agencyWeekHolds = async (seed: number, weekStart: string): Promise<void> => {
  const dataset = generateDemoAgency(seed, { asOf: weekStart });
  const ports = inMemoryPorts(dataset);
  for (const creator of dataset.creators) {
    const r = await buildSchedule({ creatorId: creator.creatorId, weekStart, seed })(ports)();
    const where = `${creator.creatorId} seed ${seed} ${weekStart}`;
    expect(r._tag, where).toBe('Right');
    if (r._tag === 'Left') return;
    expect([...hardRuleViolations(r.right), ...weekShapeViolations(r.right)], where).toEqual([]);
    expect(
      ['passed', 'passed_with_warnings'],
      `${where}: ${r.right.validation.status} ${r.right.validation.errors.map((e) => e.code).join(', ')}`,
    ).toContain(r.right.validation.status);
  }
};

const agencyWeekArb = fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(...WEEKS));

describe('demo agency weeks', () => {
  it.each([
    { label: `seed ${FIXED_SEED}`, seed: FIXED_SEED, numRuns: 8 },
    { label: `FC_SEED=${ENV_SEED}`, seed: ENV_SEED, numRuns: 4 },
  ])(
    'keep every hard rule and pass validation for random seeds and weeks ($label)',
    async ({ seed, numRuns }) => {
      await fc.assert(
        fc.asyncProperty(agencyWeekArb, ([s, weekStart]) => agencyWeekHolds(s, weekStart)),
        { seed, numRuns },
      );
    },
  );
});
