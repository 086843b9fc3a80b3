/**
 * Local dates and clock times in the creator's zone. Plans are made in local time; every item
 * also carries the matching UTC instant (RULINGS "time zones"). Built on date-fns and
 * `@date-fns/tz`; independent of the host's zone.
 *
 * @module
 */
import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, format, getISODay, isValid, parse } from 'date-fns';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

const utcDate = (isoDate: string): TZDate => {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 'UTC');
};

/**
 * Whether a string is a real calendar date `YYYY-MM-DD`.
 *
 * @since 0.1.0
 * @category time
 */
export const isIsoDate = (s: string): boolean =>
  DATE_RE.test(s) &&
  isValid(parse(s, 'yyyy-MM-dd', utcDate('2000-01-01'))) &&
  format(utcDate(s), 'yyyy-MM-dd') === s;

/**
 * Whether a string names an IANA time zone this runtime knows.
 *
 * @since 0.1.0
 * @category time
 */
export const isTimeZone = (tz: string): boolean =>
  tz.length > 0 &&
  !Number.isNaN(new TZDate(2025, 0, 1, 12, 0, tz).getTime()) &&
  /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$|^UTC$/.test(tz);

/**
 * `date` plus `days` calendar days, `YYYY-MM-DD`.
 *
 * @since 0.1.0
 * @category time
 */
export const addDaysIso = (date: string, days: number): string =>
  format(addDays(utcDate(date), days), 'yyyy-MM-dd');

/**
 * Calendar days from `from` to `to` (positive when `to` is later).
 *
 * @since 0.1.0
 * @category time
 */
export const daysBetween = (from: string, to: string): number =>
  differenceInCalendarDays(utcDate(to), utcDate(from));

/**
 * Weekday of a date: 0 = Monday .. 6 = Sunday (RULINGS "weekly distribution").
 *
 * @since 0.1.0
 * @category time
 */
export const weekdayOf = (date: string): number => getISODay(utcDate(date)) - 1;

/**
 * The 7 dates starting at `weekStart`.
 *
 * @since 0.1.0
 * @category time
 */
export const weekDatesFrom = (weekStart: string): ReadonlyArray<string> =>
  Array.from({ length: 7 }, (_, i) => addDaysIso(weekStart, i));

/**
 * Minutes after midnight as `HH:mm:ss`.
 *
 * @since 0.1.0
 * @category time
 */
export const clockTime = (minuteOfDay: number): string =>
  `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}:00`;

/**
 * UTC epoch minute of a local date and minute of day in `timeZone`. In a daylight-saving gap
 * the wall time is moved forward, as `TZDate` does.
 *
 * @since 0.1.0
 * @category time
 */
export const localToEpochMinute = (date: string, minuteOfDay: number, timeZone: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new TZDate(y, m - 1, d, Math.floor(minuteOfDay / 60), minuteOfDay % 60, timeZone);
  return Math.round(t.getTime() / 60000);
};

/**
 * An epoch minute as a UTC ISO instant (`2025-01-20T19:07:00.000Z`).
 *
 * @since 0.1.0
 * @category time
 */
export const epochMinuteToIso = (epochMinute: number): string =>
  new Date(epochMinute * 60000).toISOString();

/**
 * Epoch minute of an ISO instant; `NaN` when it is not one.
 *
 * @since 0.1.0
 * @category time
 */
export const isoToEpochMinute = (iso: string): number =>
  Math.floor(new Date(iso).getTime() / 60000);

/**
 * Local date (`YYYY-MM-DD`), minute of day and weekday of a UTC instant in `timeZone`.
 *
 * @since 0.1.0
 * @category time
 */
export const instantToLocal = (
  iso: string,
  timeZone: string,
): {
  readonly date: string;
  readonly minuteOfDay: number;
  readonly weekday: number;
  readonly hour: number;
} => {
  const t = new TZDate(new Date(iso).getTime(), timeZone);
  const date = format(t, 'yyyy-MM-dd');
  return {
    date,
    minuteOfDay: t.getHours() * 60 + t.getMinutes(),
    weekday: getISODay(t) - 1,
    hour: t.getHours(),
  };
};
