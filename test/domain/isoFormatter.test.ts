/**
 * Issue 11: phase 5 formats its instants with `epochMinuteIsoFormatter`, which builds each UTC
 * date once and appends the clock time. It must give exactly `Date#toISOString`'s string for
 * every epoch minute, in any order of calls (dates formatted before, days before 1970, the
 * years beyond 9999 that `toISOString` writes with six digits, non-integer minutes).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochMinuteIsoFormatter } from '../../src/domain/time';

const plain = (epochMinute: number): string => new Date(epochMinute * 60_000).toISOString();

describe('epochMinuteIsoFormatter (issue 11)', () => {
  it('writes the literal instants', () => {
    const iso = epochMinuteIsoFormatter();
    expect(iso(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(iso(29_000_000)).toBe('2025-02-19T21:20:00.000Z');
    expect(iso(29_000_000 + 1439)).toBe('2025-02-20T21:19:00.000Z');
    expect(iso(-1)).toBe('1969-12-31T23:59:00.000Z');
    expect(iso(1.5)).toBe('1970-01-01T00:01:30.000Z');
  });

  it('answers what toISOString answers, in any order of calls (property)', () => {
    // every minute Date can hold (-271821-04-20 to +275760-09-13), weighted to the demo weeks
    const minute = fc.oneof(
      fc.integer({ min: 28_900_000, max: 29_100_000 }),
      fc.integer({ min: -8_640_000_000_000_000 / 60_000, max: 8_640_000_000_000_000 / 60_000 }),
      fc.integer({
        min: -62_167_219_200_000 / 60_000 - 3000,
        max: -62_167_219_200_000 / 60_000 + 3000,
      }),
    );
    fc.assert(
      fc.property(fc.array(minute, { minLength: 1, maxLength: 60 }), (minutes) => {
        const iso = epochMinuteIsoFormatter();
        for (const m of [...minutes, ...minutes]) expect(iso(m)).toBe(plain(m));
      }),
      { numRuns: 300 },
    );
  });
});
