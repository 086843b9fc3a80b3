import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDaysIso,
  localDayBuckets,
  localMidnights,
  localToEpochMinute,
  weekdayOf,
} from '../../src/index';

const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Sydney',
  'America/Santiago',
  'Africa/Casablanca',
  'Asia/Tehran',
  'UTC',
  'America/Sao_Paulo',
  'Pacific/Chatham',
  'Asia/Kolkata',
] as const;

describe('local time helpers', () => {
  it('addDaysIso crosses month, year and leap-day boundaries', () => {
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysIso('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDaysIso('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDaysIso('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDaysIso('2025-03-09', 90)).toBe('2025-06-07');
  });
  it('weekdayOf counts Monday as 0', () => {
    expect(weekdayOf('2025-01-20')).toBe(0);
    expect(weekdayOf('2025-01-26')).toBe(6);
  });
  it('localMidnights gives what localToEpochMinute gives for each date, DST and odd zones included (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 120 }),
        (tz, off, n) => {
          const start = addDaysIso('2018-01-01', off);
          const dates = Array.from({ length: n }, (_, i) => addDaysIso(start, i));
          expect(localMidnights(dates, tz)).toEqual(dates.map((d) => localToEpochMinute(d, 0, tz)));
        },
      ),
      { numRuns: 200 },
    );
  });
  it('localDayBuckets puts an instant on its local date (23:30 New York is the same local day)', () => {
    const items = [
      '2025-03-01T04:30:00Z',
      '2025-03-01T05:30:00Z',
      '2025-03-10T03:59:00Z',
      '2025-03-10T04:00:00Z',
    ];
    const { dates, dayIndex } = localDayBuckets(
      items,
      (x) => x,
      '2025-03-10',
      10,
      'America/New_York',
    );
    expect(dayIndex.map((i) => (i >= 0 ? dates[i] : null))).toEqual([
      '2025-02-28',
      '2025-03-01',
      '2025-03-09',
      null,
    ]);
  });
});
