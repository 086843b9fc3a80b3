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
  const fast = canonicalDateDay(isoDate);
  if (!Number.isNaN(fast)) return fast;
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
  const day = Number.isInteger(days) ? canonicalDateDay(date) + days : Number.NaN;
  // a real date of years 1000-9999 and a whole number of days: calendar arithmetic
  if (day >= MIN_FAST_DAY && day <= MAX_FAST_DAY) return isoDateOfDay(day);
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
export const epochMinuteToIso = (epochMinute: number): string => {
  if (Number.isInteger(epochMinute)) {
    const day = Math.floor(epochMinute / MINUTES_PER_DAY);
    // a whole minute of years 1000-9999: calendar arithmetic, as toISOString writes it
    if (day >= MIN_FAST_DAY && day <= MAX_FAST_DAY) {
      const m = epochMinute - day * MINUTES_PER_DAY;
      const h = Math.floor(m / 60);
      const mm = m - h * 60;
      return `${isoDateOfDay(day)}T${h < 10 ? '0' : ''}${h}:${mm < 10 ? '0' : ''}${mm}:00.000Z`;
    }
  }
  return new Date(epochMinute * 60000).toISOString();
};

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
export const isoToEpochMinute = (iso: string): number => {
  const fast = canonicalInstantMinute(iso);
  return Number.isNaN(fast) ? Math.floor(new Date(iso).getTime() / 60000) : fast;
};

/** The digit at `i` of `s` (0-9), or -1 when it is not an ASCII digit. */
const digitAt = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/** The number of the `n` ASCII digits of `s` from `i`, or -1 when one is not a digit. */
const digitsAt = (s: string, i: number, n: number): number => {
  let x = 0;
  for (let k = i; k < i + n; k++) {
    const c = digitAt(s, k);
    if (c < 0) return -1;
    x = x * 10 + c;
  }
  return x;
};

/** Days in a month of the proleptic Gregorian calendar (`month` 1-12). */
const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`). */
const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
};

/**
 * Days since 1970-01-01 of a real date written `YYYY-MM-DD` with a year 1000-9999, by calendar
 * arithmetic; `NaN` for anything else (the callers then take their general path).
 */
const canonicalDateDay = (date: string): number => {
  if (
    typeof date !== 'string' ||
    date.length !== 10 ||
    date.charCodeAt(4) !== 45 ||
    date.charCodeAt(7) !== 45
  )
    return Number.NaN;
  const year = digitsAt(date, 0, 4);
  const month = digitsAt(date, 5, 2);
  const day = digitsAt(date, 8, 2);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return Number.NaN;
  return daysFromCivil(year, month, day);
};

/** First and last day (since 1970-01-01) `isoDateOfDay` writes: 1000-01-01 and 9999-12-31. */
const MIN_FAST_DAY = -354_285;
const MAX_FAST_DAY = 2_932_896;

/** `YYYY-MM-DD` of a day since 1970-01-01 within years 1000-9999 (H. Hinnant's `civil_from_days`). */
const isoDateOfDay = (epochDay: number): string => {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
};

/**
 * The epoch minute of an instant in the canonical UTC form `toISOString` writes
 * (`YYYY-MM-DDTHH:mm:ss.sssZ`, or without the milliseconds), read by calendar arithmetic: a
 * year 1000-9999 and a real date and time of day; `NaN` for anything else, which then takes
 * `Date`'s parser (issue 11: no `Date` per history message).
 *
 * @example
 * canonicalInstantMinute('2025-01-20T19:07:00.000Z') // 28_956_667 (Date.parse / 60000, floored)
 * canonicalInstantMinute('2025-02-30T10:00:00.000Z') // NaN
 *
 * Source: issue 11 (speed).
 *
 * @since 0.3.0
 * @category time
 */
export const canonicalInstantMinute = (iso: string): number => {
  if (typeof iso !== 'string' || (iso.length !== 24 && iso.length !== 20)) return Number.NaN;
  if (
    iso.charCodeAt(4) !== 45 || // -
    iso.charCodeAt(7) !== 45 ||
    iso.charCodeAt(10) !== 84 || // T
    iso.charCodeAt(13) !== 58 || // :
    iso.charCodeAt(16) !== 58 ||
    iso.charCodeAt(iso.length - 1) !== 90 // Z
  )
    return Number.NaN;
  if (iso.length === 24 && (iso.charCodeAt(19) !== 46 || digitsAt(iso, 20, 3) < 0))
    return Number.NaN; // .sss
  const year = digitsAt(iso, 0, 4);
  const month = digitsAt(iso, 5, 2);
  const day = digitsAt(iso, 8, 2);
  const hour = digitsAt(iso, 11, 2);
  const minute = digitsAt(iso, 14, 2);
  const second = digitsAt(iso, 17, 2);
  if (
    year < 1000 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  )
    return Number.NaN;
  // seconds and milliseconds never reach the next minute: the floor drops them
  return daysFromCivil(year, month, day) * MINUTES_PER_DAY + hour * 60 + minute;
};

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
  const fast = canonicalLocal(iso, timeZone);
  if (fast !== null) return fast;
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
 * `instantToLocal` of an instant in the canonical form on a UTC day whose offset in `timeZone`
 * is steady (the cached offsets), by calendar arithmetic (the date, hour and minute depend on
 * the instant's minute only, the offset being whole minutes); `null` otherwise, for the general
 * path (issue 11: no `Date` per follow-up candidate).
 */
const canonicalLocal = (
  iso: string,
  timeZone: string,
): ReturnType<typeof instantToLocal> | null => {
  const minute = canonicalInstantMinute(iso);
  if (Number.isNaN(minute)) return null;
  const offset = offsetOfDay(timeZone, Math.floor(minute / MINUTES_PER_DAY));
  if (!Number.isInteger(offset)) return null;
  const wall = minute + offset;
  const day = Math.floor(wall / MINUTES_PER_DAY);
  if (!(day >= MIN_FAST_DAY && day <= MAX_FAST_DAY)) return null;
  const minuteOfDay = wall - day * MINUTES_PER_DAY;
  return {
    date: isoDateOfDay(day),
    minuteOfDay,
    weekday: (((day + 3) % 7) + 7) % 7,
    hour: Math.floor(minuteOfDay / 60),
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
  const utcMidnight = (d: string) => {
    const day = canonicalDateDay(d);
    return Number.isNaN(day) ? Date.parse(`${d}T00:00:00Z`) / 60000 : day * MINUTES_PER_DAY;
  };
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

/**
 * The zone's UTC offset in minutes (local = UTC + offset) at a UTC epoch minute, when the
 * whole UTC day of that minute has one offset: the per-zone, per-day value `instantToLocal`
 * reads, so `epochMinute + offset` is the local wall time `instantToLocal` gives for the same
 * instant (its local date is `floor(wall / 1440)` days after 1970-01-01, its minute of day
 * `wall mod 1440`). `NaN` on a daylight-saving transition day, for a zone the runtime does not
 * know and for a minute that is not finite: take `instantToLocal` (its exact path) then.
 * Pure; never fails.
 *
 * @example
 * steadyOffsetAt(29_000_000, 'America/Los_Angeles') // -480 (January: UTC-8)
 *
 * Source: issue 11 (time zones without per-item lookups); RULINGS "time zones".
 *
 * @since 0.3.0
 * @category time
 */
export const steadyOffsetAt = (epochMinute: number, timeZone: string): number =>
  Number.isFinite(epochMinute)
    ? offsetOfDay(timeZone, Math.floor(epochMinute / MINUTES_PER_DAY))
    : Number.NaN;
