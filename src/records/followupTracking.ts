/**
 * The optimal follow-up window of seed 004 `ppv_followup_tracking`: 15-45 minutes between a PPV
 * and its follow-up.
 *
 * Source: seed 004 "Related Table: `ppv_followup_tracking`" ("Optimal Window").
 *
 * @module
 */
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';

/**
 * Whether a follow-up gap is inside the optimal window, `policy.records.optimalFollowupWindow`:
 * 15 to 45 minutes, both included (004 `is_optimal_window`: "1 if 15-45 min"). A non-finite gap
 * is not. Never throws.
 *
 * @example
 * isOptimalWindow(15) // true
 * isOptimalWindow(45) // true
 * isOptimalWindow(46) // false
 *
 * Source: seed 004 `ppv_followup_tracking.is_optimal_window`.
 *
 * @since 0.2.0
 * @category records
 */
export const isOptimalWindow = (
  gapMinutes: number,
  policy: SchedulePolicy = DEFAULT_POLICY,
): boolean => {
  const w = policy.records.optimalFollowupWindow;
  return Number.isFinite(gapMinutes) && gapMinutes >= w.minMinutes && gapMinutes <= w.maxMinutes;
};
