import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, dailyVariation, preferredHours, primeHoursForDay } from '../../src/index';

const P = DEFAULT_POLICY;

describe('primeHoursForDay (001 §5.2)', () => {
  it('rotates -1, 0, +1 by day index as in the 001 example table', () => {
    const week = Array.from({ length: 7 }, (_, i) => primeHoursForDay([20, 21, 22], i, P));
    expect(week).toEqual([
      [19, 20, 21],
      [20, 21, 22],
      [21, 22, 23],
      [19, 20, 21],
      [20, 21, 22],
      [21, 22, 23],
      [19, 20, 21],
    ]);
  });

  it('keeps the hours inside 08-23', () => {
    expect(primeHoursForDay([22, 23], 2, P)).toEqual([23]);
    expect(primeHoursForDay([8, 9], 0, P)).toEqual([8]);
  });

  it('falls back to the unshifted hours, then the policy default', () => {
    expect(primeHoursForDay([23], 2, P)).toEqual([23]);
    expect(primeHoursForDay([2, 3], 1, P)).toEqual(P.timing.defaultPeakHours);
    expect(primeHoursForDay([], 0, P)).toEqual(P.timing.defaultPeakHours);
  });
});

describe('dailyVariation and preferredHours (001 §5.2, §5.3)', () => {
  it('shifts morning earlier and evening later on even days, the reverse on odd days', () => {
    const even = dailyVariation('2025-01-20', 0, [20, 21, 22], P);
    const odd = dailyVariation('2025-01-21', 1, [20, 21, 22], P);
    expect([even.morningShift, even.eveningShift]).toEqual([-15, 20]);
    expect([odd.morningShift, odd.eveningShift]).toEqual([15, -20]);
  });

  it('gives revenue the prime hours, engagement the morning hours and retention no shift', () => {
    const day = dailyVariation('2025-01-20', 0, [20, 21, 22], P);
    expect(preferredHours('revenue', day, P)).toEqual({ hours: [19, 20, 21], shift: 20 });
    expect(preferredHours('engagement', day, P)).toEqual({
      hours: [9, 10, 11, 14, 15, 16],
      shift: -15,
    });
    expect(preferredHours('retention', day, P)).toEqual({ hours: [16, 17, 18], shift: 0 });
  });
});
