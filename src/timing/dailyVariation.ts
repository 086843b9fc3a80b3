/**
 * Daily timing variation: rotated prime hours and morning / evening shifts per day of the week,
 * and the preferred hours of each category. Source: seed 001 §5.2, §5.3 and "Daily Variation
 * System".
 *
 * @module
 */
import type { Category } from '../domain/catalog';
import type { SchedulePolicy } from '../domain/policy';
import { daysBetween } from '../domain/time';
import { md5Hex } from '../resilience/sha256';

/** The part of the policy the daily variation reads. */

/**
 * The timing variation of one day of the week.
 *
 * @since 0.1.0
 * @category timing
 */
export interface DailyVariation {
  /** The local date `YYYY-MM-DD`. */
  readonly date: string;
  /** Index of the date in the week, 0-6. */
  readonly dayIndex: number;
  /** Rotated prime hours, local hours inside the window (001 §5.2). */
  readonly primeHours: ReadonlyArray<number>;
  /** Minutes added to morning (engagement) bases: `-morningShiftMinutes` on even days, `+` on odd. */
  readonly morningShift: number;
  /** Minutes added to evening (revenue) bases: `+eveningShiftMinutes` on even days, `-` on odd. */
  readonly eveningShift: number;
}

const unique = (xs: ReadonlyArray<number>): ReadonlyArray<number> =>
  xs.filter((x, i) => xs.indexOf(x) === i);

const inWindowHours = (
  hours: ReadonlyArray<number>,
  policy: Pick<SchedulePolicy, 'timing'>,
): ReadonlyArray<number> => {
  const lo = Math.floor(policy.timing.windowStartMinute / 60);
  const hi = Math.floor(policy.timing.windowEndMinute / 60);
  return unique(hours.filter((h) => Number.isInteger(h) && h >= lo && h <= hi));
};

/**
 * The prime hours of day `dayIndex`: each peak hour shifted by
 * `policy.timing.primeHourRotation[(dayIndex + weekPhase) % 3]` (by default -1, 0, +1; `weekPhase`
 * from `weekPhaseOf`, 0 by default) and kept inside the
 * window's hours (08-23 by default), duplicates removed, order kept. When nothing is left, the
 * unshifted peak hours inside the window are used, then `policy.timing.defaultPeakHours`, then
 * the window's first hour.
 *
 * Source: seed 001 §5.2 "DAILY PRIME HOUR EXAMPLES".
 *
 * @example
 * primeHoursForDay([20, 21, 22], 0, DEFAULT_POLICY) // [19, 20, 21]
 * primeHoursForDay([20, 21, 22], 2, DEFAULT_POLICY) // [21, 22, 23]
 * primeHoursForDay([20, 21, 22], 0, DEFAULT_POLICY, 1) // [20, 21, 22]: the next week's phase
 *
 * @since 0.1.0
 * @category timing
 */
export const primeHoursForDay = (
  peakHours: ReadonlyArray<number>,
  dayIndex: number,
  policy: Pick<SchedulePolicy, 'timing'>,
  weekPhase = 0,
): ReadonlyArray<number> => {
  const rotation = policy.timing.primeHourRotation;
  const n = rotation.length;
  const shift = n > 0 ? (rotation[(((dayIndex + weekPhase) % n) + n) % n] ?? 0) : 0;
  const choices = [
    inWindowHours(
      peakHours.map((h) => h + shift),
      policy,
    ),
    inWindowHours(peakHours, policy),
    inWindowHours(policy.timing.defaultPeakHours, policy),
  ];
  return choices.find((c) => c.length > 0) ?? [Math.floor(policy.timing.windowStartMinute / 60)];
};

/**
 * The variation of one day: rotated prime hours and the morning / evening shifts in minutes
 * (even `dayIndex + weekPhase`: morning earlier, evening later; odd: the reverse).
 *
 * Source: seed 001 §5.2.
 *
 * @since 0.1.0
 * @category timing
 */
export const dailyVariation = (
  date: string,
  dayIndex: number,
  peakHours: ReadonlyArray<number>,
  policy: Pick<SchedulePolicy, 'timing'>,
  weekPhase = 0,
): DailyVariation => {
  const even = (dayIndex + weekPhase) % 2 === 0;
  const { morningShiftMinutes, eveningShiftMinutes } = policy.timing;
  return {
    date,
    dayIndex,
    primeHours: primeHoursForDay(peakHours, dayIndex, policy, weekPhase),
    morningShift: even ? -morningShiftMinutes : morningShiftMinutes,
    eveningShift: even ? eveningShiftMinutes : -eveningShiftMinutes,
  };
};

/**
 * Preferred local hours and the shift in minutes for a category on a day: revenue uses the
 * day's prime hours with the evening shift, engagement `policy.timing.engagementHours` with the
 * morning shift, retention `policy.timing.retentionHours` with no shift.
 *
 * Source: seed 001 §5.3.
 *
 * @since 0.1.0
 * @category timing
 */
export const preferredHours = (
  category: Category,
  day: DailyVariation,
  policy: Pick<SchedulePolicy, 'timing'>,
): {
  /** Preferred local hours (0-23), in preference order, without repeats. */
  readonly hours: ReadonlyArray<number>;
  /** Minutes added to each preferred hour's base (the day's evening or morning shift; 0 for retention). */
  readonly shift: number;
} => {
  switch (category) {
    case 'revenue':
      return { hours: day.primeHours, shift: day.eveningShift };
    case 'engagement':
      return { hours: unique(policy.timing.engagementHours), shift: day.morningShift };
    case 'retention':
      return { hours: unique(policy.timing.retentionHours), shift: 0 };
  }
};

/**
 * The week's phase of the daily variation (issue 7 deliverable 9: prime hours and offsets differ
 * between consecutive weeks of one creator): the number of whole weeks from 1970-01-05 (a Monday)
 * to `weekStart`, plus a per-creator constant from the MD5 of the creator id. Consecutive weeks
 * of a creator have consecutive phases, so the prime-hour rotation (period 3) starts on another
 * step and the morning / evening shifts (period 2) swap, every week; two creators in one week
 * mostly differ. Deterministic: the same creator and week give the same phase.
 *
 * Source: seed 001 §5.2 "Daily Variation System" (varied per day), issue 7 (and per week).
 *
 * @example
 * weekPhaseOf('creator_04', '2025-01-27') - weekPhaseOf('creator_04', '2025-01-20') // 1
 *
 * @since 0.3.0
 * @category timing
 */
export const weekPhaseOf = (creatorId: string, weekStart: string): number => {
  const weeks = Math.floor(daysBetween('1970-01-05', weekStart) / 7);
  const creator = Number.parseInt(md5Hex(creatorId).slice(0, 6), 16);
  return weeks + creator;
};
