/**
 * The rules of a built week's allocation and volume that the hard-rule oracle
 * (`test/oracle/oracle.ts`) does not cover, checked directly on the result with literal numbers
 * (never the policy or the catalog of `src/`, issue 12):
 *
 * - `variety`: no send type twice in a row inside a day's allocation (RULINGS "Allocation"
 *   variety), on the days no item was moved from or dropped;
 * - `slotNumbers`: each allocation date numbers its slots `_1.._n` with none missing: every
 *   number is an item built or an `item_dropped` (RULINGS "Validation" nothing lost);
 * - `volumeShape`: 7 weekday entries 0..6 summing to 7 x the daily total (RULINGS "Volume"
 *   weekly distribution), and no retention quota on free pages (RULINGS "Volume" free pages).
 */
import type { ScheduleItem, ScheduleResult } from '../../src/index';

/** Names of the rules `weekShapeViolations` checks. */
export const WEEK_SHAPE_RULES = ['variety', 'slotNumbers', 'volumeShape'] as const;

/** One rule of `WEEK_SHAPE_RULES`. */
export type WeekShapeRule = (typeof WEEK_SHAPE_RULES)[number];

const SLOT_RE = /^(\d{4}-\d{2}-\d{2})_(\d+)$/;
const WEEKDAYS = 7; // RULINGS "Volume" weekly distribution: keys 0 = Monday .. 6 = Sunday
const FREE_PAGE_RETENTION = 0; // RULINGS "Volume" free pages: retention quota 0
const MOVED = 'item_moved_next_day'; // RULINGS "Timing" relaxation: move to the next day
const DROPPED = 'item_dropped'; // RULINGS "Timing" relaxation: drop

/** Allocation date of a slot id (`2025-01-20_3`, `2025-01-20_3_followup`). */
export const slotDate = (slotId: string): string => slotId.slice(0, 10);

const slotNumber = (slotId: string): number | null => {
  const m = SLOT_RE.exec(slotId);
  return m === null ? null : Number(m[2]);
};

const groupBy = <A>(xs: ReadonlyArray<A>, key: (a: A) => string): Map<string, A[]> => {
  const m = new Map<string, A[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
};

const idsOf = (r: ScheduleResult, code: string): ReadonlyArray<string> =>
  r.summary.adjustments.filter((i) => i.code === code).map((i) => String(i.details.slotId));

type Check = (r: ScheduleResult) => ReadonlyArray<string>;

const variety: Check = (r) => {
  const disturbed = new Set([...idsOf(r, MOVED), ...idsOf(r, DROPPED)].map(slotDate));
  const out: string[] = [];
  for (const [date, xs] of groupBy(
    r.items.filter((i) => !i.isFollowUp),
    (i) => slotDate(i.slotId),
  )) {
    if (disturbed.has(date)) continue;
    const sorted = [...xs].sort(
      (a, b) => (slotNumber(a.slotId) ?? 0) - (slotNumber(b.slotId) ?? 0),
    );
    for (let k = 1; k < sorted.length; k++) {
      const a = sorted[k - 1] as ScheduleItem;
      const b = sorted[k] as ScheduleItem;
      if (a.sendTypeKey === b.sendTypeKey)
        out.push(`${date}: ${a.slotId} and ${b.slotId} are both ${a.sendTypeKey}`);
    }
  }
  return out;
};

const slotNumbers: Check = (r) => {
  const ids = [...r.items.filter((i) => !i.isFollowUp).map((i) => i.slotId), ...idsOf(r, DROPPED)];
  const out: string[] = [];
  if (new Set(ids).size !== ids.length) out.push('a slot id appears twice among items and drops');
  for (const [date, xs] of groupBy(ids, slotDate)) {
    const numbers = xs.map(slotNumber);
    if (numbers.some((n) => n === null))
      out.push(`${date}: slot ids ${xs.join(', ')} are not all YYYY-MM-DD_N`);
    const max = Math.max(...numbers.map((n) => n ?? 0));
    if (max !== xs.length)
      out.push(`${date}: slots up to _${max} allocated but ${xs.length} built or dropped`);
  }
  return out;
};

const volumeShape: Check = (r) => {
  const out: string[] = [];
  const f = r.volume.finalConfig;
  if (r.creator.pageType === 'free' && f.retentionPerDay !== FREE_PAGE_RETENTION)
    out.push(`free page with retentionPerDay ${f.retentionPerDay}`);
  const daily = f.revenuePerDay + f.engagementPerDay + f.retentionPerDay;
  const w = r.volume.weeklyDistribution as Readonly<Record<string, number>>;
  const keys = Object.keys(w).sort();
  const expected = Array.from({ length: WEEKDAYS }, (_, k) => String(k));
  if (keys.join() !== expected.join()) out.push(`weeklyDistribution keys ${keys.join()}`);
  const total = Object.values(w).reduce((a, b) => a + b, 0);
  if (total !== WEEKDAYS * daily)
    out.push(`weeklyDistribution sums to ${total}, expected ${WEEKDAYS} x ${daily}`);
  return out;
};

const CHECKS: Readonly<Record<WeekShapeRule, Check>> = { variety, slotNumbers, volumeShape };

/** Every violation of the named rules in `result`, as `rule: message`; empty when all hold. */
export const weekShapeViolations = (
  result: ScheduleResult,
  rules: ReadonlyArray<WeekShapeRule> = WEEK_SHAPE_RULES,
): ReadonlyArray<string> =>
  rules.flatMap((name) => CHECKS[name](result).map((m) => `${name}: ${m}`));
