import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyTimeJitter,
  blockIndex,
  DEFAULT_POLICY,
  isRoundMinute,
  jitterOffset,
  jitterOrder,
  rngFrom,
  validJitterOffsets,
} from '../../src/index';

const P = DEFAULT_POLICY;
/** RULINGS "Timing" jitter: never :00, :15, :30 or :45 (a literal, not `src`'s predicate). */
const ROUND = [0, 15, 30, 45];
const isRound = (minute: number): boolean => ROUND.includes(((minute % 60) + 60) % 60);

describe('isRoundMinute and blockIndex (003 gap 10.7, 001 §5.4)', () => {
  it('flags :00, :15, :30 and :45 only', () => {
    expect([0, 15, 30, 45].map((m) => isRoundMinute(20 * 60 + m, P))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([1, 14, 29, 44, 59].some((m) => isRoundMinute(20 * 60 + m, P))).toBe(false);
    expect(isRoundMinute(-15, P)).toBe(true);
    expect(isRoundMinute(-7, P)).toBe(false);
  });

  it('cuts the day in 4-hour blocks from 00:00', () => {
    expect(
      [0, 239, 240, 8 * 60, 12 * 60 - 1, 12 * 60, 23 * 60 + 30].map((m) => blockIndex(m, P)),
    ).toEqual([0, 0, 1, 2, 2, 3, 5]);
  });
});

describe('jitter (003 task 2.6 / 2.7)', () => {
  it('never lands on a round minute and stays in -7..+8 for any base and seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1439 }), fc.string(), (base, seed) => {
        const [offset] = jitterOffset(rngFrom(seed), base, P);
        expect(offset).toBeGreaterThanOrEqual(-7); // RULINGS "Timing" jitter [-7, +8]
        expect(offset).toBeLessThanOrEqual(8);
        expect(isRound(base + offset)).toBe(false);
        const jittered = applyTimeJitter(base, [seed, 'creator', '2025-01-15'], P);
        expect(isRound(jittered)).toBe(false);
        expect(jittered - base).toBeGreaterThanOrEqual(-7);
        expect(jittered - base).toBeLessThanOrEqual(8);
      }),
      { numRuns: 200 },
    );
  });

  it('avoids round minutes for the 003 task 2.7 cases (:30 for every hour, :00, :59)', () => {
    for (const creator of ['test_1', 'test_2', 'test_3', 'test_4', 'test_5'])
      for (let hour = 0; hour < 24; hour++)
        expect(isRound(applyTimeJitter(hour * 60 + 30, [creator, hour], P))).toBe(false);
    expect(isRound(applyTimeJitter(14 * 60, ['zero_minute_test'], P))).toBe(false);
    expect(isRound(applyTimeJitter(14 * 60 + 59, ['edge_minute_test'], P))).toBe(false);
  });

  it('is deterministic for the same seed parts', () => {
    const a = applyTimeJitter(14 * 60 + 30, ['determinism_test', '2025-01-15', 'slot_1'], P);
    const b = applyTimeJitter(14 * 60 + 30, ['determinism_test', '2025-01-15', 'slot_1'], P);
    expect(a).toBe(b);
  });

  it('reaches every valid offset across seeds (uniform choice, not a fixed one)', () => {
    const base = 20 * 60;
    const seen = new Set(
      Array.from({ length: 400 }, (_, i) => jitterOffset(rngFrom('s', i), base, P)[0]),
    );
    expect([...seen].sort((a, b) => a - b)).toEqual(validJitterOffsets(base, P));
  });

  it('lists the valid offsets of 003 task 2.6', () => {
    expect(validJitterOffsets(20 * 60, P)).toEqual([
      -7, -6, -5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    expect(validJitterOffsets(20 * 60 + 10, P)).toEqual([
      -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 6, 7, 8,
    ]);
  });

  it('orders every valid offset exactly once, deterministically', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1439 }), fc.string(), (base, seed) => {
        const [order] = jitterOrder(rngFrom(seed), base, P);
        expect([...order].sort((a, b) => a - b)).toEqual(validJitterOffsets(base, P));
        expect(jitterOrder(rngFrom(seed), base, P)[0]).toEqual(order);
      }),
      { numRuns: 200 },
    );
  });

  it('starts the order with any valid offset across seeds', () => {
    const base = 20 * 60 + 10;
    const firsts = new Set(
      Array.from({ length: 400 }, (_, i) => jitterOrder(rngFrom('o', i), base, P)[0][0]),
    );
    expect([...firsts].sort((a, b) => (a as number) - (b as number))).toEqual(
      validJitterOffsets(base, P),
    );
  });

  it('falls back to the nearest non-round offset when the range has none', () => {
    const narrow = { timing: { ...P.timing, jitterMin: 0, jitterMax: 0 } };
    const [offset] = jitterOffset(rngFrom('x'), 20 * 60, narrow);
    expect(offset).toBe(1);
  });
});
