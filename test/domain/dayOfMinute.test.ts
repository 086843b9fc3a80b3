/**
 * `dayOfMinute` (shared by `localDayBuckets` and the history index): the binary search gives the
 * day a plain scan of the midnights gives, and -1 outside the window.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOfMinute } from '../../src/domain/time';

const scan = (bounds: ReadonlyArray<number>, n: number, t: number): number => {
  for (let d = 0; d < n; d++)
    if ((bounds[d] as number) <= t && t < (bounds[d + 1] as number)) return d;
  return -1;
};

describe('dayOfMinute', () => {
  it('days of 1440 minutes, and 1380 or 1500 around a DST change', () => {
    expect(dayOfMinute([0, 1440, 2880], 2, 0)).toBe(0);
    expect(dayOfMinute([0, 1440, 2880], 2, 1439)).toBe(0);
    expect(dayOfMinute([0, 1440, 2880], 2, 1440)).toBe(1);
    expect(dayOfMinute([0, 1440, 2880], 2, 2880)).toBe(-1);
    expect(dayOfMinute([0, 1440, 2880], 2, -1)).toBe(-1);
    expect(dayOfMinute([0, 1380, 2880], 2, 1400)).toBe(1);
    expect(dayOfMinute([0], 0, 0)).toBe(-1);
    expect(dayOfMinute([0, 1440], 1, Number.NaN)).toBe(-1);
  });

  it('equals a scan of the midnights (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1380, max: 1500 }), { maxLength: 400 }),
        fc.integer({ min: -2000, max: 700_000 }),
        (lengths, t) => {
          const bounds = [0];
          for (const l of lengths) bounds.push((bounds[bounds.length - 1] as number) + l);
          expect(dayOfMinute(bounds, lengths.length, t)).toBe(scan(bounds, lengths.length, t));
        },
      ),
      { numRuns: 300 },
    );
  });
});
