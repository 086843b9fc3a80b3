/**
 * Confidence and the weekly distribution. Source: seed 001 §1.2.1 modules 3-4, §2.1;
 * RULINGS "weekly distribution", "confidence".
 *
 * @module
 */
import { mean } from 'simple-statistics';
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import { weekdayOf } from '../domain/time';
import type { MassMessage } from '../domain/types';
import { type HistoryIndex, historyIndexOf, localDaysOf } from './historyIndex';
import type { Weekly } from './types';

/**
 * Confidence in the volume decision from the number of messages analysed:
 * `n / (n + confidenceHalfMessages)`, two decimals, 0-1 (156 messages give 0.86, 22 give 0.47).
 *
 * Source: seed 001 §1.2.1 module 3 (example 156 messages -> 0.85; < 30 messages damped).
 *
 * @since 0.1.0
 * @category volume
 */
export const confidenceFromMessageCount = (
  messageCount: number,
  policy: SchedulePolicy = DEFAULT_POLICY,
): number => {
  const n = Math.max(0, messageCount);
  return Math.round((n / (n + policy.volume.confidenceHalfMessages)) * 100) / 100;
};

/**
 * Splits a whole `total` into integer parts proportional to `weights` by the largest-remainder
 * method: the parts always sum to `total`; ties go to the earlier index. All-zero weights split
 * evenly.
 *
 * @since 0.1.0
 * @category volume
 */
export const apportion = (total: number, weights: ReadonlyArray<number>): ReadonlyArray<number> => {
  const n = weights.length;
  if (n === 0) return [];
  const sum = weights.reduce((a, b) => a + Math.max(0, b), 0);
  const w = sum > 0 ? weights.map((x) => Math.max(0, x) / sum) : weights.map(() => 1 / n);
  const exact = w.map((x) => x * total);
  const floors = exact.map((x) => Math.floor(x));
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const out = [...floors];
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
};

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

const weekly = <A>(f: (d: 0 | 1 | 2 | 3 | 4 | 5 | 6) => A): Weekly<A> =>
  Object.fromEntries(WEEKDAYS.map((d) => [d, f(d)])) as unknown as Weekly<A>;

/**
 * Weekday multipliers from weekday revenue history: the mean earnings of each weekday's days
 * over the mean of all days in the `dowHistoryDays` before `asOf` (days in the creator's zone),
 * shrunk toward 1 by the confidence (`1 + confidence * (raw - 1)`), clamped to 0.7-1.3 and
 * rounded to two decimals. Uniform (all 1) when the history has no earnings.
 *
 * Source: seed 001 §1.2.1 module 4; RULINGS "weekly distribution".
 *
 * @since 0.1.0
 * @category volume
 */
export const calculateDowMultipliers = (
  history: ReadonlyArray<MassMessage>,
  asOf: string,
  timeZone: string,
  confidence: number,
  policy: SchedulePolicy = DEFAULT_POLICY,
): Weekly<number> => dowMultipliersOf(historyIndexOf(history), asOf, timeZone, confidence, policy);

/**
 * `calculateDowMultipliers` over a history index: the weekday earnings means are memoised per
 * zone, date and day count; the confidence and the clamp are applied per call.
 *
 * @internal
 */
export const dowMultipliersOf = (
  index: HistoryIndex,
  asOf: string,
  timeZone: string,
  confidence: number,
  policy: SchedulePolicy,
): Weekly<number> => {
  const days = policy.volume.dowHistoryDays;
  const { overall, weekdayMeans } = index.memo(
    `dow\u0000${asOf}\u0000${days}\u0000${timeZone}`,
    () => {
      const { dates, dayIndex } = localDaysOf(index, asOf, days, timeZone);
      const earnings = new Array<number>(dates.length).fill(0);
      index.history.forEach((m, i) => {
        const d = dayIndex[i] ?? -1;
        if (d >= 0) earnings[d] = (earnings[d] ?? 0) + m.earnings;
      });
      const overall = days > 0 ? mean(earnings) : 0;
      const perWeekday: number[][] = WEEKDAYS.map(() => []);
      dates.forEach((d, i) => {
        perWeekday[weekdayOf(d)]?.push(earnings[i] ?? 0);
      });
      // per weekday the mean of its days' earnings, null for a weekday without days
      const weekdayMeans = perWeekday.map((xs) => (xs.length > 0 ? mean(xs) : null));
      return Object.freeze({ overall, weekdayMeans: Object.freeze(weekdayMeans) });
    },
  );
  if (overall <= 0) return weekly(() => 1);
  const [lo, hi] = policy.volume.dowMultiplierClamp;
  const c = Math.min(1, Math.max(0, confidence));
  return weekly((d) => {
    const m = weekdayMeans[d] ?? null;
    const raw = m !== null ? m / overall : 1;
    return Math.round(Math.min(hi, Math.max(lo, 1 + c * (raw - 1))) * 100) / 100;
  });
};

/**
 * Rescales weekday multipliers so they average exactly 1 (sum 7) while each stays inside the
 * clamp (0.7-1.3): `clamp(m x k)` with the scale `k` found by bisection. Without this, dividing by
 * the sum would push a day past the clamp (six days at 0.7 and one at 1.3 would give that day
 * 1.65 x the daily total). Rounded to two decimals. Source: RULINGS "weekly distribution".
 *
 * @since 0.1.0
 * @category volume
 */
export const normalizeDowMultipliers = (
  multipliers: Weekly<number>,
  policy: SchedulePolicy = DEFAULT_POLICY,
): Weekly<number> => {
  const [lo, hi] = policy.volume.dowMultiplierClamp;
  const ms = WEEKDAYS.map((d) => Math.max(1e-6, multipliers[d]));
  const at = (k: number) => ms.map((m) => Math.min(hi, Math.max(lo, m * k)));
  // the sum of `at(k)` in order, without an array per bisection step
  const total = (k: number) => {
    let sum = 0;
    for (const m of ms) sum += Math.min(hi, Math.max(lo, m * k));
    return sum;
  };
  let a = 1e-3;
  let b = 1e3;
  for (let i = 0; i < 100; i++) {
    const mid = Math.sqrt(a * b);
    if (total(mid) < 7) a = mid;
    else b = mid;
  }
  const scaled = at(Math.sqrt(a * b));
  return weekly((d) => Math.round((scaled[d] ?? 1) * 100) / 100);
};

/**
 * Items per weekday: 7 x `dailyTotal` split across the weekdays in proportion to the multipliers
 * (largest remainder), each day kept within `[minPerDay, maxPerDay]` while the weekly total is
 * kept exactly (rounding never loses or adds an item).
 *
 * Source: seed 001 §1.2.1, §2.1; RULINGS "weekly distribution".
 *
 * @since 0.1.0
 * @category volume
 */
export const calculateWeeklyDistribution = (
  dailyTotal: number,
  multipliers: Weekly<number>,
  minPerDay: number,
  maxPerDay: number,
): Weekly<number> => {
  const total = dailyTotal * 7;
  const parts = [
    ...apportion(
      total,
      WEEKDAYS.map((d) => multipliers[d]),
    ),
  ];
  // Move items from days over the bound to days under it, keeping the total.
  for (let guard = 0; guard < 100; guard++) {
    const over = parts.findIndex((x) => x > maxPerDay);
    const under = parts.findIndex((x) => x < minPerDay);
    if (over < 0 && under < 0) break;
    if (over >= 0) {
      const to = parts.reduce(
        (best, x, i) => (x < maxPerDay && (best < 0 || x < (parts[best] ?? 0)) ? i : best),
        -1,
      );
      if (to < 0) break;
      parts[over] = (parts[over] ?? 0) - 1;
      parts[to] = (parts[to] ?? 0) + 1;
    } else {
      const from = parts.reduce(
        (best, x, i) => (x > minPerDay && (best < 0 || x > (parts[best] ?? 0)) ? i : best),
        -1,
      );
      if (from < 0) break;
      parts[from] = (parts[from] ?? 0) - 1;
      parts[under] = (parts[under] ?? 0) + 1;
    }
  }
  return weekly((d) => parts[d] ?? 0);
};
