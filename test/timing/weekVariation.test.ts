/**
 * Issue 7 deliverable 9: a creator's prime hours and morning / evening offsets differ between
 * consecutive weeks, deterministically from creator and week. Own literals: the 001 §5.2 prime
 * hour rotation -1, 0, +1 and shifts of the default policy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoAgency } from '../../src/demo';
import {
  buildSchedule,
  DEFAULT_POLICY,
  dailyVariation,
  inMemoryPorts,
  weekPhaseOf,
} from '../../src/index';

const ROTATION = [-1, 0, 1]; // 001 §5.2 DAILY PRIME HOUR EXAMPLES
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const mondayArb = fc.integer({ min: 0, max: 700 }).map((w) => addDays('2024-01-01', 7 * w)); // 2024-01-01 is a Monday

describe('week-to-week variation', () => {
  it('consecutive weeks have consecutive phases, so every weekday shifts its prime hours and swaps its offsets', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), mondayArb, (creatorId, monday) => {
        const next = addDays(monday, 7);
        const p = weekPhaseOf(creatorId, monday);
        expect(weekPhaseOf(creatorId, next)).toBe(p + 1);
        expect(weekPhaseOf(creatorId, monday)).toBe(p); // deterministic
        for (let day = 0; day < 7; day++) {
          const a = dailyVariation(addDays(monday, day), day, [20, 21, 22], DEFAULT_POLICY, p);
          const b = dailyVariation(addDays(next, day), day, [20, 21, 22], DEFAULT_POLICY, p + 1);
          const shiftA = ROTATION[(((day + p) % 3) + 3) % 3] as number;
          expect(a.primeHours).toEqual([20, 21, 22].map((h) => h + shiftA).filter((h) => h <= 23));
          expect(b.primeHours).not.toEqual(a.primeHours);
          expect(Math.sign(b.morningShift)).toBe(-Math.sign(a.morningShift));
          expect(Math.sign(b.eveningShift)).toBe(-Math.sign(a.eveningShift));
        }
      }),
    );
  });

  it('two consecutive demo weeks of each creator use other prime hours on the same weekday', async () => {
    const dataset = generateDemoAgency(3, { asOf: '2025-03-03' });
    const ports = inMemoryPorts(dataset);
    for (const creator of dataset.creators) {
      const weeks = await Promise.all(
        ['2025-03-03', '2025-03-10'].map((weekStart) =>
          buildSchedule({ creatorId: creator.creatorId, weekStart, seed: 3 })(ports)(),
        ),
      );
      const prime = weeks.map((r) =>
        r._tag === 'Right' ? Object.values(r.right.summary.dailyPrimeHours) : null,
      );
      expect(prime[0]).not.toBeNull();
      for (let day = 0; day < 7; day++)
        expect(prime[1]?.[day], `${creator.creatorId} day ${day}`).not.toEqual(prime[0]?.[day]);
    }
  });
});
