/**
 * Issue 2 "done when": every hard rule of RULINGS holds in every week the example prints, for any
 * seed, and every demo creator's week passes validation. Random seeds and weeks (DST weeks
 * included) over the whole demo agency, checked with the independent rule oracle of rules.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoAgency } from '../../examples/demo-agency/generate';
import { buildSchedule, inMemoryPorts } from '../../src/index';
import { ruleViolations } from './rules';

const WEEKS = [
  '2025-01-20',
  '2025-03-03',
  '2025-03-10',
  '2025-03-31',
  '2025-10-20',
  '2025-10-27',
  '2026-06-15',
] as const;

describe('demo agency weeks', () => {
  it('keep every hard rule and pass validation for random seeds and weeks (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom(...WEEKS),
        async (seed, weekStart) => {
          const dataset = generateDemoAgency(seed, { asOf: weekStart });
          const ports = inMemoryPorts(dataset);
          for (const creator of dataset.creators) {
            const r = await buildSchedule({ creatorId: creator.creatorId, weekStart, seed })(
              ports,
            )();
            expect(r._tag, `${creator.creatorId} seed ${seed} ${weekStart}`).toBe('Right');
            if (r._tag === 'Left') return;
            expect(
              ruleViolations(r.right),
              `${creator.creatorId} seed ${seed} ${weekStart}`,
            ).toEqual([]);
            expect(
              ['passed', 'passed_with_warnings'],
              `${creator.creatorId} seed ${seed} ${weekStart}: ${r.right.validation.errors.map((e) => e.code).join(', ')}`,
            ).toContain(r.right.validation.status);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
