/**
 * One PPV follow-up time: a seeded truncated-normal delay inside the follow-up window, kept off
 * the round minutes and inside the parent's local day unless the day has no room left, in
 * which case it crosses midnight only when allowed. The placement search here is shared with
 * phase 6 (`generateFollowups`), so the window, the round-minute rule and the late-parent rule
 * are written once.
 *
 * Source: seed 003 task 2.3 (`schedule_ppv_followup`), task 2.2b (`window_position`); RULINGS
 * "Follow-ups" (window, late parents), "Timing" (jitter: no round minute, follow-ups included).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import { isRoundMinute } from '../domain/rules';
import {
  epochMinuteToIso,
  hhmm,
  instantToLocal,
  isIsoDate,
  isTimeZone,
  localToEpochMinute,
} from '../domain/time';
import { rngFrom } from '../random/rng';
import { sampleFollowupDelay } from './sampler';

/**
 * Why a candidate delay was refused.
 *
 * - `round_minute`: the follow-up would land on :00, :15, :30 or :45 (003 gap 10.7).
 * - `minute_taken`: another send already uses that minute (RULINGS "Follow-ups" spacing).
 * - `followup_gap`: closer than the follow-up type's `minMinutesBetween` to another follow-up.
 * - `clock_time_repeated`: the local clock time is already used the weekly maximum (001 §5.5).
 * - `midnight`: it would leave the parent's local day or pass `latestMinuteOfDay`.
 *
 * @since 0.1.0
 * @category followups
 */
export type DelayRejection =
  | 'round_minute'
  | 'minute_taken'
  | 'followup_gap'
  | 'clock_time_repeated'
  | 'midnight';

/** A local date and minute of the day (what `instantToLocal` answers). */
interface LocalMinute {
  readonly date: string;
  readonly minuteOfDay: number;
}

/** What the shared delay search needs to know about one parent. */
export interface DelaySearch {
  readonly parentEpochMinute: number;
  /** Local date and minute of day of the parent. */
  readonly parentDate: string;
  readonly parentMinuteOfDay: number;
  readonly timeZone: string;
  /** The drawn delay, minutes. */
  readonly sampled: number;
  readonly minMinutes: number;
  readonly maxMinutes: number;
  readonly allowNextDay: boolean;
  readonly latestMinuteOfDay: number;
  /**
   * The shortest delay the midnight rule measures the day's room with (RULINGS "late parents":
   * 15 minutes); default `minMinutes`. A creator window starting later still keeps a parent
   * with 15 minutes left on its day.
   */
  readonly roomMinutes?: number;
  readonly policy: Pick<SchedulePolicy, 'timing'>;
  /** Rules of the caller's week (occupied minutes, gaps), checked between the round-minute and midnight rules. */
  readonly occupied?: (epochMinute: number, local: LocalMinute) => ReadonlyArray<DelayRejection>;
}

/** The delay found (if any) and every delay tried with the rules it broke, in the order tried. */
export interface DelaySearchResult {
  readonly delay: number | null;
  readonly rejections: ReadonlyMap<number, ReadonlyArray<DelayRejection>>;
}

/** Candidate delays in [min, max], closest to the sample first; on a tie the later first. */
const delaysByCloseness = (sampled: number, min: number, max: number): ReadonlyArray<number> => {
  const lo = Math.ceil(min);
  const hi = Math.floor(max);
  if (!Number.isFinite(sampled) || !Number.isFinite(lo) || !Number.isFinite(hi)) {
    const out: number[] = [];
    for (let d = lo; d <= hi; d++) out.push(d);
    return out.sort((x, y) => Math.abs(x - sampled) - Math.abs(y - sampled) || y - x);
  }
  // Issue 11: the same order without a sort, by merging the delays above `sampled` (rising) and
  // below it (falling), the nearer first and, at the same distance, the later (the one above).
  const out: number[] = [];
  let up = Math.max(lo, Math.ceil(sampled));
  let down = Math.min(hi, up - 1);
  while (up <= hi || down >= lo) {
    if (up <= hi && (down < lo || Math.abs(up - sampled) <= Math.abs(down - sampled)))
      out.push(up++);
    else out.push(down--);
  }
  return out;
};

/**
 * Whether the parent's own day still holds the shortest delay: at least `minMinutes` between
 * the parent and `latestMinuteOfDay` (23:59), in local clock minutes (RULINGS "late parents").
 */
export const dayHasRoom = (
  parentMinuteOfDay: number,
  minMinutes: number,
  latestMinuteOfDay: number,
): boolean => parentMinuteOfDay + minMinutes <= latestMinuteOfDay;

/**
 * The shared placement search: the delay in `[minMinutes, maxMinutes]` closest to `sampled`
 * (ties: the later) that breaks no rule. The rules, in the order they are reported: not a round
 * minute (local clock, `policy.timing.roundMinutes`); the caller's `occupied` rules; and the
 * midnight rule of RULINGS "late parents": the follow-up stays on the parent's local date at or
 * before `latestMinuteOfDay`, except when the day has no room for the shortest delay and
 * `allowNextDay` is set, when it may cross midnight. Deterministic. Taking the closest allowed
 * delay clamps a draw that would cross midnight to the last allowed minute of the day.
 */
export const searchFollowupDelay = (s: DelaySearch): DelaySearchResult => {
  const rejections = new Map<number, ReadonlyArray<DelayRejection>>();
  const room = dayHasRoom(s.parentMinuteOfDay, s.roomMinutes ?? s.minMinutes, s.latestMinuteOfDay);
  const delay = delaysByCloseness(s.sampled, s.minMinutes, s.maxMinutes).find((d) => {
    const epochMinute = s.parentEpochMinute + d;
    const local = instantToLocal(epochMinuteToIso(epochMinute), s.timeZone);
    const why: DelayRejection[] = [];
    if (isRoundMinute(local.minuteOfDay, s.policy)) why.push('round_minute');
    if (s.occupied !== undefined) why.push(...s.occupied(epochMinute, local));
    const sameDay = local.date === s.parentDate && local.minuteOfDay <= s.latestMinuteOfDay;
    if (!sameDay && (room || !s.allowNextDay)) why.push('midnight');
    rejections.set(d, why);
    return why.length === 0;
  });
  return { delay: delay ?? null, rejections };
};

/**
 * The parent PPV of `schedulePpvFollowup`.
 *
 * - `slotId`: the parent's id (named in errors).
 * - `scheduledDate`: local date `YYYY-MM-DD` in `timeZone`.
 * - `scheduledTime`: local clock time `HH:mm` or `HH:mm:ss`; it must exist on that date (not in
 *   a daylight-saving gap).
 * - `timeZone`: IANA time zone (`America/New_York`).
 *
 * @since 0.3.0
 * @category followups
 */
export interface PpvFollowupParent {
  /** The parent PPV's slot id (named in errors). */
  readonly slotId: string;
  /** The parent's local date `YYYY-MM-DD` in `timeZone`. */
  readonly scheduledDate: string;
  /** The parent's local clock time `HH:mm` or `HH:mm:ss`; it must exist on that date (not in a DST gap). */
  readonly scheduledTime: string;
  /** IANA time zone of the parent's local date and time (`America/New_York`). */
  readonly timeZone: string;
}

/**
 * Options of `schedulePpvFollowup`.
 *
 * - `seed`: the seed of the draw (a finite number or a non-empty string).
 * - `creatorId`: part of the seed, as in 003 task 2.3 (default `''`).
 * - `allowNextDay`: the follow-up may cross midnight when the parent's day has no room left
 *   (default `false`; 003 task 2.8 `multi_timezone_audience`, see `allowNextDayFor`).
 * - `window`: minutes after the parent, both ends included, each in 1..1440 with a whole
 *   minute between them (default `policy.followups.minDelayMinutes`-`maxDelayMinutes`, 15-45;
 *   a creator's window comes from `followupWindowFor`).
 *
 * @since 0.3.0
 * @category followups
 */
export interface PpvFollowupOptions {
  /** The seed of the draw (a finite number or a non-empty string). */
  readonly seed: string | number;
  /** Part of the seed, as in 003 task 2.3 (default `''`). */
  readonly creatorId?: string;
  /**
   * The follow-up may cross midnight when the parent's day has no room left (default `false`;
   * 003 task 2.8 `multi_timezone_audience`, see `allowNextDayFor`).
   */
  readonly allowNextDay?: boolean;
  /**
   * Minutes after the parent, both ends included (default `policy.followups` 15-45; a creator's
   * window comes from `followupWindowFor`).
   */
  readonly window?: {
    /** Shortest delay, minutes after the parent (1-1440). */
    readonly minMinutes: number;
    /** Longest delay, minutes after the parent (1-1440, at least a whole minute above `minMinutes`). */
    readonly maxMinutes: number;
  };
}

/**
 * A scheduled follow-up.
 *
 * - `scheduledDate`, `scheduledTime`: local date `YYYY-MM-DD` and clock time `HH:mm:ss` in the
 *   parent's zone (the seconds are the parent's).
 * - `scheduledAt`: the UTC ISO instant, exactly the parent's instant + `delayMinutes`.
 * - `delayMinutes`: whole minutes after the parent, inside the window.
 * - `sampledDelayMinutes`: the seeded draw before the round-minute and midnight rules moved it.
 * - `crossedMidnight`: the follow-up is on a later local date than the parent (only with
 *   `allowNextDay`).
 * - `windowPosition`: `early` under 20 minutes, `late` over 40, else `optimal`
 *   (`policy.timingProfile.earlyBelowMinutes`, `lateAboveMinutes`; 003 task 2.2b).
 *
 * @since 0.3.0
 * @category followups
 */
export interface PpvFollowup {
  /** Local date `YYYY-MM-DD` in the parent's zone. */
  readonly scheduledDate: string;
  /** Local clock time `HH:mm:ss` in the parent's zone (the seconds are the parent's). */
  readonly scheduledTime: string;
  /** UTC ISO instant, exactly the parent's instant + `delayMinutes`. */
  readonly scheduledAt: string;
  /** Whole minutes after the parent, inside the window. */
  readonly delayMinutes: number;
  /** The seeded draw, minutes, before the round-minute and midnight rules moved it. */
  readonly sampledDelayMinutes: number;
  /** The follow-up is on a later local date than the parent (only with `allowNextDay`). */
  readonly crossedMidnight: boolean;
  /**
   * `early` under `policy.timingProfile.earlyBelowMinutes` (20), `late` over `lateAboveMinutes`
   * (40), else `optimal`. Source: 003 task 2.2b `window_position`.
   */
  readonly windowPosition: 'early' | 'optimal' | 'late';
}

/**
 * Why `schedulePpvFollowup` gave no follow-up.
 *
 * - `invalid_input`: `field` names the input that is not what `expected` says (`parent.timeZone`,
 *   `options.window.maxMinutes`, ...); `received` shows the value.
 * - `late_night_followup`: fewer than `minMinutes` remain between the parent and 23:59
 *   (`minutesLeft`, local clock minutes) and `allowNextDay` is not set (RULINGS "late parents":
 *   dropped, never moved to 08:00).
 * - `no_valid_delay`: every whole minute of the window (cut at 23:59 when the day has room)
 *   falls on a round minute; only possible with a window narrower than 2 minutes.
 *
 * @since 0.3.0
 * @category followups
 */
export type PpvFollowupError =
  | {
      /** An argument is not what the function accepts. */
      readonly code: 'invalid_input';
      /** The input at fault (`parent.timeZone`, `options.window.maxMinutes`, ...). */
      readonly field: string;
      /** What the field must be, for people. */
      readonly expected: string;
      /** A short, safe rendering of the value received. */
      readonly received: string;
    }
  | {
      /** Too little of the parent's day remains and `allowNextDay` is not set (dropped, never moved to 08:00). */
      readonly code: 'late_night_followup';
      /** The parent PPV's slot id. */
      readonly parentSlotId: string;
      /** The parent's local clock time `HH:mm`. */
      readonly parentTime: string;
      /** Local clock minutes between the parent and `latestMinuteOfDay` (23:59), at least 0. */
      readonly minutesLeft: number;
      /** The window's shortest delay, minutes, that did not fit. */
      readonly minMinutes: number;
    }
  | {
      /** Every whole minute of the window falls on a round minute (a window narrower than 2 minutes). */
      readonly code: 'no_valid_delay';
      /** The parent PPV's slot id. */
      readonly parentSlotId: string;
      /** The window's shortest delay, minutes after the parent. */
      readonly minMinutes: number;
      /** The window's longest delay, minutes after the parent. */
      readonly maxMinutes: number;
    };

/**
 * The part of the policy `schedulePpvFollowup` reads: `followups` (default window 15-45, mean
 * 28, sd 8, `latestMinuteOfDay` 23:59), `timing.roundMinutes` and the window-position
 * thresholds of `timingProfile`.
 *
 * @since 0.3.0
 * @category followups
 */
export type PpvFollowupPolicy = Pick<SchedulePolicy, 'followups' | 'timing' | 'timingProfile'>;

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;
const MAX_WINDOW_MINUTES = 24 * 60;

/** A short, safe rendering of any value for an error. */
const show = (u: unknown): string => {
  if (typeof u === 'string') return JSON.stringify(u.length > 40 ? `${u.slice(0, 40)}...` : u);
  if (typeof u === 'number' || typeof u === 'boolean' || u === undefined || u === null)
    return String(u);
  return typeof u;
};

type Invalid = Extract<PpvFollowupError, { readonly code: 'invalid_input' }>;
const invalid = (field: string, expected: string, received: unknown): Invalid => ({
  code: 'invalid_input',
  field,
  expected,
  received: show(received),
});

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null;

/**
 * The fields `keys` of `u` read once into a plain object; `Left` naming `field` when `u` is not
 * an object or a read throws (a throwing getter, a revoked proxy).
 */
const readFields = <K extends string>(
  u: unknown,
  field: string,
  keys: ReadonlyArray<K>,
): E.Either<Invalid, { readonly [P in K]: unknown }> => {
  if (!isRecord(u)) return E.left(invalid(field, 'an object', u));
  try {
    const out = {} as { [P in K]: unknown };
    for (const k of keys) out[k] = u[k];
    return E.right(out);
  } catch {
    return E.left(invalid(field, 'plain data', 'an unreadable value'));
  }
};

interface Checked {
  readonly slotId: string;
  readonly date: string;
  readonly minuteOfDay: number;
  readonly seconds: number;
  readonly timeZone: string;
  readonly epochMinute: number;
  readonly seed: string | number;
  readonly creatorId: string;
  readonly allowNextDay: boolean;
  readonly minMinutes: number;
  readonly maxMinutes: number;
}

/** Reads and checks every input field; the first bad one is the `Left`. */
const check = (
  parent: unknown,
  options: unknown,
  policy: PpvFollowupPolicy,
): E.Either<Invalid, Checked> => {
  const p = readFields(parent, 'parent', [
    'slotId',
    'scheduledDate',
    'scheduledTime',
    'timeZone',
  ] as const);
  if (E.isLeft(p)) return p;
  const { slotId, scheduledDate, scheduledTime, timeZone } = p.right;
  if (typeof slotId !== 'string' || slotId.length === 0)
    return E.left(invalid('parent.slotId', 'a non-empty string', slotId));
  if (typeof scheduledDate !== 'string' || !isIsoDate(scheduledDate))
    return E.left(invalid('parent.scheduledDate', 'a YYYY-MM-DD date', scheduledDate));
  const time = typeof scheduledTime === 'string' ? TIME_RE.exec(scheduledTime) : null;
  if (time === null)
    return E.left(invalid('parent.scheduledTime', 'an HH:mm or HH:mm:ss time', scheduledTime));
  if (typeof timeZone !== 'string' || !isTimeZone(timeZone))
    return E.left(invalid('parent.timeZone', 'an IANA time zone', timeZone));
  const minuteOfDay = Number(time[1]) * 60 + Number(time[2]);
  const epochMinute = localToEpochMinute(scheduledDate, minuteOfDay, timeZone);
  const back = Number.isFinite(epochMinute)
    ? instantToLocal(epochMinuteToIso(epochMinute), timeZone)
    : null;
  if (back === null || back.date !== scheduledDate || back.minuteOfDay !== minuteOfDay)
    return E.left(
      invalid(
        'parent.scheduledTime',
        `a local time that exists on ${scheduledDate} in ${timeZone}`,
        scheduledTime,
      ),
    );

  const o = readFields(options, 'options', [
    'seed',
    'creatorId',
    'allowNextDay',
    'window',
  ] as const);
  if (E.isLeft(o)) return o;
  const { seed, creatorId, allowNextDay, window } = o.right;
  if (!((typeof seed === 'number' && Number.isFinite(seed)) || (typeof seed === 'string' && seed)))
    return E.left(invalid('options.seed', 'a finite number or a non-empty string', seed));
  if (creatorId !== undefined && typeof creatorId !== 'string')
    return E.left(invalid('options.creatorId', 'a string', creatorId));
  if (allowNextDay !== undefined && typeof allowNextDay !== 'boolean')
    return E.left(invalid('options.allowNextDay', 'a boolean', allowNextDay));
  let minMinutes = policy.followups.minDelayMinutes;
  let maxMinutes = policy.followups.maxDelayMinutes;
  if (window !== undefined) {
    const w = readFields(window, 'options.window', ['minMinutes', 'maxMinutes'] as const);
    if (E.isLeft(w)) return w;
    const { minMinutes: lo, maxMinutes: hi } = w.right;
    const inRange = (n: unknown): n is number =>
      typeof n === 'number' && Number.isFinite(n) && n >= 1 && n <= MAX_WINDOW_MINUTES;
    const expected = `a number of minutes in 1..${MAX_WINDOW_MINUTES}`;
    if (!inRange(lo)) return E.left(invalid('options.window.minMinutes', expected, lo));
    if (!inRange(hi)) return E.left(invalid('options.window.maxMinutes', expected, hi));
    if (Math.ceil(lo) > Math.floor(hi))
      return E.left(
        invalid(
          'options.window.maxMinutes',
          'a whole minute between minMinutes and maxMinutes',
          hi,
        ),
      );
    minMinutes = lo;
    maxMinutes = hi;
  }
  return E.right({
    slotId,
    date: scheduledDate,
    minuteOfDay,
    seconds: Number(time[3] ?? 0),
    timeZone,
    epochMinute,
    seed: seed as string | number,
    creatorId: creatorId ?? '',
    allowNextDay: allowNextDay ?? false,
    minMinutes,
    maxMinutes,
  });
};

const windowPositionOf = (
  delay: number,
  policy: Pick<SchedulePolicy, 'timingProfile'>,
): PpvFollowup['windowPosition'] =>
  delay < policy.timingProfile.earlyBelowMinutes
    ? 'early'
    : delay > policy.timingProfile.lateAboveMinutes
      ? 'late'
      : 'optimal';

const place = (c: Checked, policy: PpvFollowupPolicy): E.Either<PpvFollowupError, PpvFollowup> => {
  const f = policy.followups;
  const minutesLeft = f.latestMinuteOfDay - c.minuteOfDay;
  if (!dayHasRoom(c.minuteOfDay, c.minMinutes, f.latestMinuteOfDay) && !c.allowNextDay)
    return E.left({
      code: 'late_night_followup',
      parentSlotId: c.slotId,
      parentTime: hhmm(c.minuteOfDay),
      minutesLeft: Math.max(0, minutesLeft),
      minMinutes: c.minMinutes,
    });
  const [sampled] = sampleFollowupDelay(
    rngFrom(c.seed, c.creatorId, c.date, hhmm(c.minuteOfDay), 'followup'),
    {
      minDelayMinutes: c.minMinutes,
      maxDelayMinutes: c.maxMinutes,
      meanDelayMinutes: f.meanDelayMinutes,
      sdDelayMinutes: f.sdDelayMinutes,
    },
  );
  const { delay } = searchFollowupDelay({
    parentEpochMinute: c.epochMinute,
    parentDate: c.date,
    parentMinuteOfDay: c.minuteOfDay,
    timeZone: c.timeZone,
    sampled,
    minMinutes: c.minMinutes,
    maxMinutes: c.maxMinutes,
    allowNextDay: c.allowNextDay,
    latestMinuteOfDay: f.latestMinuteOfDay,
    policy,
  });
  if (delay === null)
    return E.left({
      code: 'no_valid_delay',
      parentSlotId: c.slotId,
      minMinutes: c.minMinutes,
      maxMinutes: c.maxMinutes,
    });
  const epochMinute = c.epochMinute + delay;
  const local = instantToLocal(epochMinuteToIso(epochMinute), c.timeZone);
  return E.right({
    scheduledDate: local.date,
    scheduledTime: `${hhmm(local.minuteOfDay)}:${String(c.seconds).padStart(2, '0')}`,
    scheduledAt: new Date(epochMinute * 60_000 + c.seconds * 1000).toISOString(),
    delayMinutes: delay,
    sampledDelayMinutes: sampled,
    crossedMidnight: local.date !== c.date,
    windowPosition: windowPositionOf(delay, policy),
  });
};

/**
 * Schedules the follow-up of one PPV: a delay in whole minutes inside the window after the
 * parent, deterministic for the same inputs.
 *
 * 1. The delay is drawn from the truncated normal of `sampleFollowupDelay` (mean 28, sd 8,
 *    truncated to the window, 15-45 by default), seeded from `seed`, `creatorId` and the
 *    parent's local date and `HH:mm` (as 003 task 2.3 seeds from the creator and the parent's
 *    minute).
 * 2. The delay used is the one in the window closest to the draw (ties: the later) whose local
 *    minute is not :00, :15, :30 or :45 (RULINGS "jitter", follow-ups included; the same rule and
 *    search as phase 6 `generateFollowups`), so it stays inside the window.
 * 3. Midnight (RULINGS "late parents"): when at least `minMinutes` remain before 23:59
 *    (`policy.followups.latestMinuteOfDay`), the follow-up stays on the parent's date: the delay
 *    is clamped, not redrawn - the closest allowed delay in `[minMinutes, minutes left]`.
 *    Otherwise it crosses midnight only when `allowNextDay` is set (then anywhere in the
 *    window), else `Left` `late_night_followup`. It is never pushed to 08:00.
 * 4. Daylight saving: the parent's local time must exist (a time in the spring-forward gap is
 *    `invalid_input`; an ambiguous fall-back time resolves as `localToEpochMinute` does); the
 *    follow-up is the parent's UTC instant + `delayMinutes`, and its local date and time are read
 *    back in the zone, so it always exists.
 *
 * Never throws: junk in any argument (bad date, bad time, unknown zone, window min > max, `NaN`)
 * is a `Left` `invalid_input` naming the field. `policy` is trusted (resolve overrides with
 * `resolvePolicy`).
 *
 * Source: seed 003 task 2.3 `schedule_ppv_followup`, task 2.2b `window_position`; RULINGS
 * "Follow-ups" (window, late parents), "Timing" (jitter).
 *
 * @example
 * schedulePpvFollowup(
 *   { slotId: 'p1', scheduledDate: '2025-01-15', scheduledTime: '20:07', timeZone: 'America/New_York' },
 *   { seed: 'week-1', creatorId: 'c1' },
 * ) // Right({ scheduledDate: '2025-01-15', scheduledTime: '20:32:00', scheduledAt: '2025-01-16T01:32:00.000Z',
 *   //         delayMinutes: 25, sampledDelayMinutes: 25, crossedMidnight: false, windowPosition: 'optimal' })
 * // a parent at 23:30 stays on its day (29 minutes left); at 23:50 it is Left late_night_followup
 * // unless allowNextDay
 *
 * @since 0.3.0
 * @category followups
 */
export const schedulePpvFollowup = (
  parent: PpvFollowupParent,
  options: PpvFollowupOptions,
  policy: PpvFollowupPolicy = DEFAULT_POLICY,
): E.Either<PpvFollowupError, PpvFollowup> => {
  try {
    const checked = check(parent, options, policy);
    return E.isLeft(checked) ? checked : place(checked.right, policy);
  } catch {
    // Nothing here throws for an expected outcome (bad inputs are `Left`s from `check`); only a
    // hostile policy object (a throwing getter, a revoked Proxy) can, and it becomes a value too.
    return E.left(invalid('policy', 'a policy from resolvePolicy', 'an unusable value'));
  }
};
