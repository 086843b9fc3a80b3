/**
 * Local dates and clock times in the creator's zone. Plans are made in local time; every item
 * also carries the matching UTC instant (RULINGS "time zones"). Built on date-fns and
 * `@date-fns/tz`; independent of the host's zone.
 *
 * @module
 */
import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, format, getISODay, isExists } from 'date-fns';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

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
export const isIsoDate = (s: string): boolean => {
  const m = DATE_RE.exec(s);
  return m !== null && isExists(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
};

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
export const addDaysIso = (date: string, days: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // Noon UTC: whatever the host's zone, adding whole days never crosses a UTC date boundary.
  return addDays(new Date(Date.UTC(y, m - 1, d, 12)), days)
    .toISOString()
    .slice(0, 10);
};

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
 * Minutes after midnight as `HH:mm`.
 *
 * @since 0.2.0
 * @category time
 */
export const hhmm = (minuteOfDay: number): string =>
  `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;

/**
 * Minutes after midnight as `HH:mm:ss`.
 *
 * @since 0.1.0
 * @category time
 */
export const clockTime = (minuteOfDay: number): string => `${hhmm(minuteOfDay)}:00`;

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

/**
 * The `days` local dates before `asOf` (oldest first) and, for each item, the index of the local
 * date its instant falls on in `timeZone` (`-1` outside the window or unparseable). One zone
 * lookup per day (its local midnight), then a binary search per item: DST-correct and fast for
 * long histories.
 *
 * @since 0.1.0
 * @category time
 */
export const localDayBuckets = <A>(
  items: ReadonlyArray<A>,
  instantOf: (a: A) => string,
  asOf: string,
  days: number,
  timeZone: string,
): { readonly dates: ReadonlyArray<string>; readonly dayIndex: ReadonlyArray<number> } => {
  const n = Math.max(0, Math.floor(days));
  const dates = Array.from({ length: n }, (_, i) => addDaysIso(asOf, i - n));
  const bounds = localMidnights([...dates, asOf], timeZone);
  const dayIndex = items.map((a) => {
    const t = isoToEpochMinute(instantOf(a));
    if (n === 0 || !(t >= (bounds[0] as number) && t < (bounds[n] as number))) return -1;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((bounds[mid] as number) <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  });
  return { dates, dayIndex };
};

/**
 * Epoch minutes of the local midnights of consecutive dates in `timeZone`. The zone is asked at
 * every 7th date and, where two asked dates disagree on the UTC offset, by bisection down to the
 * day of the change; dates between two asked dates with the same offset share it (offsets change
 * at most a few times a year, never twice within 7 days). Same results as `localToEpochMinute`
 * per date, with a handful of zone lookups for a 90-day window.
 *
 * @since 0.1.0
 * @category time
 */
export const localMidnights = (
  dates: ReadonlyArray<string>,
  timeZone: string,
): ReadonlyArray<number> => {
  const utcMidnight = (d: string) => Date.parse(`${d}T00:00:00Z`) / 60000;
  const out = new Array<number>(dates.length).fill(Number.NaN);
  const asked = new Array<boolean>(dates.length).fill(false);
  const ask = (i: number): number => {
    if (!asked[i]) {
      out[i] = localToEpochMinute(dates[i] as string, 0, timeZone);
      asked[i] = true;
    }
    return (out[i] as number) - utcMidnight(dates[i] as string);
  };
  const fill = (lo: number, hi: number): void => {
    const offset = ask(lo);
    const same = offset === ask(hi);
    if (hi - lo <= 1) return;
    if (same) {
      for (let i = lo + 1; i < hi; i++)
        if (!asked[i]) out[i] = utcMidnight(dates[i] as string) + offset;
      return;
    }
    const mid = (lo + hi) >>> 1;
    ask(mid);
    fill(lo, mid);
    fill(mid, hi);
  };
  const step = 7;
  for (let lo = 0; lo < dates.length - 1; lo += step)
    fill(lo, Math.min(dates.length - 1, lo + step));
  if (dates.length === 1) ask(0);
  return out;
};
