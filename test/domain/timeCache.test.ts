/**
 * Issue 11: the zone offsets are cached per zone and UTC day, with the exact path kept on
 * daylight-saving days. The oracle here is the zone database itself (@date-fns/tz's `TZDate`,
 * date-fns `format` and `getISODay`), computed per call, over random instants and wall times in
 * zones with and without DST, half-hour shifts (Lord Howe), southern DST (Sydney), no DST
 * (Kolkata) and the transitions themselves.
 */
import { TZDate } from '@date-fns/tz';
import { differenceInCalendarDays, format, getISODay } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDaysIso,
  daysBetween,
  instantToLocal,
  localToEpochMinute,
  weekdayOf,
} from '../../src/domain/time';

const ZONES = [
  'America/New_York',
  'America/Los_Angeles',
  'Europe/London',
  'Europe/Berlin',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/St_Johns',
  'UTC',
] as const;

/** Instants a few hours either side of known 2025 transitions (UTC). */
const TRANSITIONS = [
  '2025-03-09T07:00:00Z', // New York spring forward
  '2025-11-02T06:00:00Z', // New York fall back
  '2025-03-30T01:00:00Z', // EU spring forward
  '2025-10-26T01:00:00Z', // EU fall back
  '2025-04-05T15:00:00Z', // Lord Howe back 30 minutes
  '2025-10-04T15:30:00Z', // Lord Howe forward 30 minutes
  '2025-04-05T16:00:00Z', // Sydney fall back
].map((iso) => Date.parse(iso) / 60000);

const oracleLocal = (ms: number, zone: string) => {
  const t = new TZDate(ms, zone);
  return {
    date: format(t, 'yyyy-MM-dd'),
    minuteOfDay: t.getHours() * 60 + t.getMinutes(),
    weekday: getISODay(t) - 1,
    hour: t.getHours(),
  };
};

const epochMinute = fc.oneof(
  fc.integer({ min: Date.parse('2019-01-01') / 60000, max: Date.parse('2031-01-01') / 60000 }),
  fc
    .tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -26 * 60, max: 26 * 60 }))
    .map(([t, d]) => t + d),
);
const zone = fc.constantFrom(...ZONES);

describe('cached zone offsets agree with the zone database', () => {
  it('instantToLocal, at whole minutes and with seconds', () => {
    fc.assert(
      fc.property(epochMinute, fc.integer({ min: 0, max: 59_999 }), zone, (m, extraMs, z) => {
        const ms = m * 60000 + extraMs;
        expect(instantToLocal(new Date(ms).toISOString(), z)).toEqual(oracleLocal(ms, z));
      }),
      { numRuns: 3000 },
    );
  });

  it('localToEpochMinute, including skipped and repeated wall times', () => {
    fc.assert(
      fc.property(epochMinute, zone, (m, z) => {
        const local = oracleLocal(m * 60000, z);
        const [y, mo, d] = local.date.split('-').map(Number) as [number, number, number];
        // The wall time of a random instant, and the same wall time an hour later (which falls
        // into a gap or a repeat near a transition).
        for (const minuteOfDay of [local.minuteOfDay, (local.minuteOfDay + 60) % 1440]) {
          const exact = Math.round(
            new TZDate(y, mo - 1, d, Math.floor(minuteOfDay / 60), minuteOfDay % 60, z).getTime() /
              60000,
          );
          expect(localToEpochMinute(local.date, minuteOfDay, z)).toBe(exact);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('the New York spring-forward gap and fall-back repeat resolve as the zone database does', () => {
    // 02:30 on 2025-03-09 does not exist in New York: 07:30Z, as TZDate moves it.
    expect(
      new Date(localToEpochMinute('2025-03-09', 150, 'America/New_York') * 60000).toISOString(),
    ).toBe('2025-03-09T07:30:00.000Z');
    // 01:30 on 2025-11-02 happens twice: the first (EDT) one, 05:30Z.
    expect(
      new Date(localToEpochMinute('2025-11-02', 90, 'America/New_York') * 60000).toISOString(),
    ).toBe('2025-11-02T05:30:00.000Z');
    expect(instantToLocal('2025-11-02T06:30:00.000Z', 'America/New_York')).toEqual({
      date: '2025-11-02',
      minuteOfDay: 90,
      weekday: 6,
      hour: 1,
    });
  });

  it('an unknown zone still gives NaN, not a cached answer of another zone', () => {
    expect(localToEpochMinute('2025-01-20', 600, 'Mars/Olympus')).toBeNaN();
    expect(localToEpochMinute('2025-01-20', 600, 'UTC')).toBe(
      Date.parse('2025-01-20T10:00:00Z') / 60000,
    );
  });
});

describe('calendar arithmetic agrees with date-fns', () => {
  const date = fc
    .integer({
      min: Date.parse('1990-01-01') / 86_400_000,
      max: Date.parse('2060-12-31') / 86_400_000,
    })
    .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
  it('weekdayOf (Monday 0 .. Sunday 6) and daysBetween', () => {
    fc.assert(
      fc.property(date, date, (a, b) => {
        const utc = (s: string) => new TZDate(`${s}T00:00:00Z`, 'UTC');
        expect(weekdayOf(a)).toBe(getISODay(utc(a)) - 1);
        expect(daysBetween(a, b)).toBe(differenceInCalendarDays(utc(b), utc(a)));
        expect(addDaysIso(a, daysBetween(a, b))).toBe(b);
      }),
      { numRuns: 2000 },
    );
    expect(weekdayOf('2025-01-20')).toBe(0);
    expect(weekdayOf('2025-01-26')).toBe(6);
    expect(weekdayOf('1969-12-31')).toBe(2);
  });
});
