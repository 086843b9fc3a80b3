/**
 * Local dates and clock times in the creator's zone. Plans are made in local time; every item
 * also carries the matching UTC instant (RULINGS "time zones"). Built on date-fns and
 * `@date-fns/tz`; independent of the host's zone.
 *
 * @module
 */
import { TZDate, tzOffset } from '@date-fns/tz';
import { addDays, format, getISODay, isExists } from 'date-fns';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MINUTES_PER_DAY = 1440;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (calendar arithmetic; NaN when malformed). */
const epochDayOf = (isoDate: string): number => {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

// Offsets per zone and UTC day (issue 11: time zones without per-item lookups). The zone
// database is read through @date-fns/tz once per zone and day; a day whose offset is not the
// same at its start and at its end (a daylight-saving transition, or a zone the database does
// not know) is stored as NaN and every instant on it takes the exact path. Memoising a pure
// function of its arguments: bounded, never observable in a result.
const MAX_CACHED_ZONES = 1_000;
const MAX_CACHED_DAYS_PER_ZONE = 100_000;
const dayOffsets = new Map<string, Map<number, number>>();
/** `isTimeZone`'s answers per zone name (bounded like the offsets). */
const knownZones = new Map<string, boolean>();

/** The zone's offset in minutes (local = UTC + offset) over the whole UTC day `day`, or NaN. */
const offsetOfDay = (timeZone: string, day: number): number => {
  let days = dayOffsets.get(timeZone);
  if (days === undefined) {
    if (dayOffsets.size >= MAX_CACHED_ZONES) dayOffsets.clear();
    days = new Map();
    dayOffsets.set(timeZone, days);
  }
  let offset = days.get(day);
  if (offset === undefined) {
    const start = tzOffset(timeZone, new Date(day * 86_400_000));
    const end = tzOffset(timeZone, new Date((day + 1) * 86_400_000));
    offset = start === end && Number.isInteger(start) ? start : Number.NaN;
    if (days.size >= MAX_CACHED_DAYS_PER_ZONE) days.clear();
    days.set(day, offset);
  }
  return offset;
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
export const isTimeZone = (tz: string): boolean => {
  const known = knownZones.get(tz);
  if (known !== undefined) return known;
  const valid =
    tz.length > 0 &&
    !Number.isNaN(new TZDate(2025, 0, 1, 12, 0, tz).getTime()) &&
    /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$|^UTC$/.test(tz);
  if (knownZones.size >= MAX_CACHED_ZONES) knownZones.clear();
  knownZones.set(tz, valid);
  return valid;
};

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
export const daysBetween = (from: string, to: string): number => epochDayOf(to) - epochDayOf(from);

/**
 * Weekday of a date: 0 = Monday .. 6 = Sunday (RULINGS "weekly distribution").
 *
 * @since 0.1.0
 * @category time
 */
export const weekdayOf = (date: string): number => (((epochDayOf(date) + 3) % 7) + 7) % 7;

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
  const hours = Math.floor(minuteOfDay / 60);
  const minutes = minuteOfDay % 60;
  // The wall time read as if it were UTC; the instant is within 14 hours of it.
  const wall = Date.UTC(y, m - 1, d, hours, minutes) / 60000;
  if (Number.isInteger(wall)) {
    const first = Math.floor((wall - 14 * 60) / MINUTES_PER_DAY);
    const last = Math.floor((wall + 14 * 60) / MINUTES_PER_DAY);
    const offset = offsetOfDay(timeZone, first);
    let steady = Number.isInteger(offset);
    for (let day = first + 1; steady && day <= last; day++)
      steady = offsetOfDay(timeZone, day) === offset;
    if (steady) return wall - offset;
  }
  // Near a transition (a skipped or repeated wall time): the exact path.
  const t = new TZDate(y, m - 1, d, hours, minutes, timeZone);
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
 * `epochMinuteToIso` for many instants: a formatter that builds each UTC date's
 * `YYYY-MM-DDT` once and appends `HH:mm:00.000Z`; the same string as `epochMinuteToIso` for
 * every input (instants outside the years 0000-9999 and non-integer minutes go through it).
 * Meant for one schedule: it remembers the dates it has formatted.
 *
 * Source: seed 001 §5.7 (the send and expiry instants of phase 5); issue 11 (speed).
 *
 * @example
 * const iso = epochMinuteIsoFormatter();
 * iso(29_000_000) // '2025-02-19T21:20:00.000Z', as epochMinuteToIso(29_000_000)
 *
 * @since 0.3.0
 * @category time
 */
export const epochMinuteIsoFormatter = (): ((epochMinute: number) => string) => {
  const prefixes = new Map<number, string>();
  return (epochMinute) => {
    if (!Number.isSafeInteger(epochMinute)) return epochMinuteToIso(epochMinute);
    const day = Math.floor(epochMinute / MINUTES_PER_DAY);
    let prefix = prefixes.get(day);
    if (prefix === undefined) {
      const midnight = epochMinuteToIso(day * MINUTES_PER_DAY);
      // 'YYYY-MM-DDT00:00:00.000Z'; a six-digit year ('+275760-...') keeps the slow path
      prefix = midnight.length === 24 ? midnight.slice(0, 11) : '';
      prefixes.set(day, prefix);
    }
    if (prefix === '') return epochMinuteToIso(epochMinute);
    return `${prefix}${hhmm(epochMinute - day * MINUTES_PER_DAY)}:00.000Z`;
  };
};

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
  /** Local date `YYYY-MM-DD` in `timeZone`. */
  readonly date: string;
  /** Minutes after local midnight, 0-1439. */
  readonly minuteOfDay: number;
  /** Local weekday, 0 = Monday .. 6 = Sunday. */
  readonly weekday: number;
  /** Local hour, 0-23. */
  readonly hour: number;
} => {
  const ms = new Date(iso).getTime();
  const offset = Number.isFinite(ms)
    ? offsetOfDay(timeZone, Math.floor(ms / 86_400_000))
    : Number.NaN;
  if (Number.isInteger(offset)) {
    const wall = new Date(ms + offset * 60000);
    const hour = wall.getUTCHours();
    return {
      date: wall.toISOString().slice(0, 10),
      minuteOfDay: hour * 60 + wall.getUTCMinutes(),
      weekday: (wall.getUTCDay() + 6) % 7,
      hour,
    };
  }
  // A transition day, or an unknown zone: the exact path.
  const t = new TZDate(ms, timeZone);
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
): {
  /** The `days` local dates `YYYY-MM-DD` before `asOf`, oldest first. */
  readonly dates: ReadonlyArray<string>;
  /** Per item, in input order: the index in `dates` of its local date, `-1` outside the window or unparseable. */
  readonly dayIndex: ReadonlyArray<number>;
} => {
  const n = Math.max(0, Math.floor(days));
  const dates = Array.from({ length: n }, (_, i) => addDaysIso(asOf, i - n));
  const bounds = localMidnights([...dates, asOf], timeZone);
  const dayIndex = items.map((a) => dayOfMinute(bounds, n, isoToEpochMinute(instantOf(a))));
  return { dates, dayIndex };
};

/**
 * The day an instant falls on: the index `d` (0 to `n - 1`) with `bounds[d] <= t < bounds[d + 1]`,
 * by binary search over the `n + 1` ascending local midnights `bounds` (epoch minutes); `-1`
 * outside `[bounds[0], bounds[n])` or for a NaN `t`. Shared by `localDayBuckets` and the volume
 * phase's history index. Pure; never fails.
 *
 * Source: seed 002 (the history's local days), issue 11 (one zone lookup per day).
 *
 * @example
 * dayOfMinute([0, 1440, 2880], 2, 1500) // 1
 *
 * @since 0.3.0
 * @category time
 */
export const dayOfMinute = (bounds: ReadonlyArray<number>, n: number, t: number): number => {
  if (n === 0 || !(t >= (bounds[0] as number) && t < (bounds[n] as number))) return -1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((bounds[mid] as number) <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
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
