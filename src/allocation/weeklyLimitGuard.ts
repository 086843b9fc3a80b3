/**
 * The weekly-limit guard of the allocated week: `enforceWeeklyLimits` over the allocation's
 * slots, each removal reported. The allocator already keeps every cap, so the guard normally
 * removes nothing; it makes sure no later change can send an over-cap week silently. Not part
 * of the public API (not exported from `allocation/index.ts`).
 *
 * Source: seed 000 gap 7.1, task 3.5; RULINGS "Allocation" (weekly caps), "Validation" (nothing
 * lost).
 *
 * @internal
 *
 * @module
 */
import { issue } from '../domain/issues';
import type { Allocation } from '../domain/stages';
import { enforceWeeklyLimits } from '../validation/weeklyLimits';

/**
 * The allocation without the slots over a weekly limit (`WEEKLY_LIMITS`: the lowest priority
 * goes; ties: the larger slot id, i.e. the later day), each removed slot reported as warning
 * `weekly_limit_removed` (`removed: 1`, so the week's planned total still equals the items built
 * plus the items reported removed). Unchanged, the same object, when nothing is over.
 */
export const guardWeeklyLimits = (allocation: Allocation): Allocation => {
  const limited = enforceWeeklyLimits(allocation.days.flatMap((d) => d.slots));
  if (!limited.modified) return allocation;
  const gone = new Set(limited.removed.map((r) => r.item));
  return {
    ...allocation,
    days: allocation.days.map((d) => ({
      ...d,
      slots: d.slots.filter((s) => !gone.has(s)),
    })),
    issues: [
      ...allocation.issues,
      ...limited.removed.map((r) =>
        issue(
          'weekly_limit_removed',
          {
            slotId: r.item.slotId,
            sendTypeKey: r.sendTypeKey,
            date: r.item.date,
            priority: r.item.priority,
            count: r.actual,
            max: r.limit,
            removed: 1,
          },
          `slots.${r.item.slotId}`,
        ),
      ),
    ],
  };
};
