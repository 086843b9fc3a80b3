/**
 * Issue 11 (work once): `validateSchedule` builds one set of views of the week (items with their
 * index, instants and clock times read once, items by slot id, the timed items sorted once) and
 * every check reads them. The views must never change a report: on random edits of a valid week
 * (shuffled, copied rows, shifted instants, unreadable times, flipped follow-up flags, repeated
 * and non-string slot ids, weeks across a daylight-saving change, tiny and empty weeks) the
 * report's issues are exactly, in order, those of each check run on its own input (fresh views);
 * and the pairs the sorted-once path finds equal a literal oracle and the per-group path (slot
 * ids that are not strings).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkFollowupRules,
  checkSpacing,
  checkTimingConflicts,
  checkTypeGaps,
  type Issue,
  type ScheduleItem,
  VALIDATION_CHECKS,
  validateSchedule,
  weekDatesFrom,
} from '../../src/index';
import { goodInput, goodItems, makeItem, STRATEGIES } from './fixtures';

/** One edit of a week's items. */
const anEdit = fc.oneof(
  fc.record({
    kind: fc.constant('shift' as const),
    at: fc.nat(60),
    minutes: fc.integer({ min: -90, max: 90 }),
  }),
  fc.record({ kind: fc.constant('copy' as const), at: fc.nat(60) }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat(60) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(60) }),
  fc.record({ kind: fc.constant('unreadable' as const), at: fc.nat(60) }),
  fc.record({ kind: fc.constant('sameId' as const), at: fc.nat(60), other: fc.nat(60) }),
  fc.record({ kind: fc.constant('sameInstant' as const), at: fc.nat(60), other: fc.nat(60) }),
  fc.record({
    kind: fc.constant('junkId' as const),
    at: fc.nat(60),
    id: fc.constantFrom<unknown>(7, null, undefined, 7.5),
  }),
);
type Edit = typeof anEdit extends fc.Arbitrary<infer A> ? A : never;

const apply = (items: ScheduleItem[], e: Edit): ScheduleItem[] => {
  if (items.length === 0) return items;
  const k = e.at % items.length;
  const item = items[k] as ScheduleItem;
  const out = [...items];
  switch (e.kind) {
    case 'shift':
      if (Number.isNaN(Date.parse(item.scheduledAt))) return out; // made unreadable earlier
      out[k] = {
        ...item,
        scheduledAt: new Date(Date.parse(item.scheduledAt) + e.minutes * 60_000).toISOString(),
      };
      return out;
    case 'copy':
      return [...out, { ...item }];
    case 'drop':
      out.splice(k, 1);
      return out;
    case 'flip':
      out[k] = { ...item, isFollowUp: !item.isFollowUp };
      return out;
    case 'unreadable':
      out[k] = { ...item, scheduledAt: 'not an instant', scheduledTime: '25:99:00' };
      return out;
    case 'sameId':
      out[k] = { ...item, slotId: (items[e.other % items.length] as ScheduleItem).slotId };
      return out;
    case 'sameInstant': {
      const other = items[e.other % items.length] as ScheduleItem;
      out[k] = { ...item, scheduledAt: other.scheduledAt };
      return out;
    }
    case 'junkId':
      out[k] = { ...item, slotId: e.id as string };
      return out;
  }
};

/** The valid week moved to `weekStart`, at the same local times (e.g. across a daylight-saving change). */
const movedWeek = (weekStart: string) => {
  const from = weekDatesFrom('2025-01-20');
  const dates = weekDatesFrom(weekStart);
  const move = (id: string): string => {
    const d = from.findIndex((x) => id.startsWith(x));
    return d < 0 ? id : `${dates[d]}${id.slice(10)}`;
  };
  const items = goodItems().map((i): ScheduleItem => {
    const date = dates[from.indexOf(i.scheduledDate)] as string;
    const [h, m] = i.scheduledTime.split(':').map(Number) as [number, number];
    const at = makeItem(move(i.slotId), date, h * 60 + m, i.sendTypeKey);
    return {
      ...i,
      slotId: at.slotId,
      scheduledDate: date,
      scheduledTime: at.scheduledTime,
      scheduledAt: at.scheduledAt,
      parentItemId: i.parentItemId === null ? null : move(i.parentItemId),
    };
  });
  return { dates, items };
};

const WEEKS = ['2025-01-20', '2025-03-03', '2025-03-31', '2025-10-27'].map(movedWeek);

/** Same finding: code, severity, path and message (the report's own rule, restated). */
const dedupe = (issues: ReadonlyArray<Issue>): ReadonlyArray<Issue> => {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = JSON.stringify([i.code, i.severity, i.path ?? '', i.message]);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

/** RULINGS "Timing": the spacing families of the channels, restated. */
const FAMILY: Readonly<Record<string, string>> = {
  mass_message: 'messages',
  targeted_message: 'messages',
  wall_post: 'posts',
  story: 'posts',
  live: 'posts',
};

/**
 * The spacing oracle, written apart from src: per family (in the order of its first allocated
 * item), the family's items with a readable instant sorted by instant then slot id, and every
 * consecutive pair less than 20 minutes (RULINGS "Timing") apart, as [earlier id, later id, gap,
 * path of the later].
 */
const spacingOracle = (items: ReadonlyArray<ScheduleItem>): unknown[] => {
  const groups = new Map<string, Array<{ item: ScheduleItem; index: number; at: number }>>();
  items.forEach((item, index) => {
    const family = FAMILY[item.channelKey];
    if (item.isFollowUp || family === undefined) return;
    const g = groups.get(family) ?? [];
    groups.set(family, g);
    const ms = Date.parse(item.scheduledAt);
    if (Number.isFinite(ms)) g.push({ item, index, at: Math.floor(ms / 60_000) });
  });
  return [...groups.values()].flatMap((g) => {
    const sorted = [...g].sort(
      (x, y) =>
        x.at - y.at || (x.item.slotId < y.item.slotId ? -1 : x.item.slotId > y.item.slotId ? 1 : 0),
    );
    return sorted.slice(1).flatMap((y, j) => {
      const x = sorted[j] as (typeof sorted)[number];
      return y.at - x.at < 20
        ? [[x.item.slotId, y.item.slotId, y.at - x.at, `items[${y.index}].scheduledAt`]]
        : [];
    });
  });
};

describe('the shared week views (issue 11)', () => {
  it('a report lists exactly the issues of each check run on its own, in order', () => {
    fc.assert(
      fc.property(
        fc.nat(WEEKS.length - 1),
        fc.array(anEdit, { maxLength: 12 }),
        fc.boolean(),
        fc.constantFrom(0, 1, 3, 100),
        (w, edits, nextDay, keep) => {
          const week = WEEKS[w] as (typeof WEEKS)[number];
          const items = edits
            .reduce(apply, [...week.items])
            .slice(0, keep === 100 ? undefined : keep);
          const input = goodInput({
            items,
            weekDates: week.dates,
            allowNextDayFollowups: nextDay,
            dailyStrategies: Object.fromEntries(
              week.dates.map((d, k) => [d, STRATEGIES[k] as string]),
            ),
          });
          const alone = VALIDATION_CHECKS.map((c) => c.run(input));
          const report = validateSchedule(input);
          const passed = VALIDATION_CHECKS.filter((_, k) => (alone[k] ?? []).length === 0).map(
            (c) => c.name,
          );
          expect(report.passedChecks).toEqual(passed);
          const all = dedupe([...input.priorIssues, ...alone.flat()]);
          expect(report.errors).toEqual(all.filter((i) => i.severity === 'error'));
          expect(report.warnings).toEqual(all.filter((i) => i.severity === 'warning'));
          expect(report.notes).toEqual(all.filter((i) => i.severity === 'info'));
          const spacing = report.errors
            .filter((i) => i.code === 'spacing_violation')
            .map((i) => [
              ...(i.details.slotIds as ReadonlyArray<unknown>),
              i.details.gapMinutes,
              i.path,
            ]);
          expect(spacing).toEqual(spacingOracle(items));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the pairs of the sorted-once path: literal oracles, and the same with non-string slot ids', () => {
    // three bump_normal (20 minutes apart at least, RULINGS per-type gap 60) at 09:07, 09:31
    // and 09:40 local, listed out of time order; and their follow-up twins
    const a = makeItem('b', '2025-01-20', 9 * 60 + 31, 'bump_normal');
    const b = makeItem('c', '2025-01-20', 9 * 60 + 7, 'bump_normal');
    const c = makeItem('a', '2025-01-20', 9 * 60 + 40, 'bump_normal');
    const gaps = (items: ReadonlyArray<ScheduleItem>) =>
      checkTypeGaps(goodInput({ items })).map((i) => [i.details.slotIds, i.details.gapMinutes]);
    expect(gaps([a, b, c])).toEqual([
      [['c', 'b'], 24],
      [['b', 'a'], 9],
    ]);
    const spacing = (items: ReadonlyArray<ScheduleItem>) =>
      checkSpacing(goodInput({ items })).map((i) => i.path);
    expect(spacing([a, b, c])).toEqual(['items[2].scheduledAt']); // 9 < 20 minutes
    // the same instant twice: ordered by slot id, the pair's gap 0
    const twin = { ...c, slotId: 'Z' };
    expect(gaps([c, twin])).toEqual([[['Z', 'a'], 0]]);
    expect(checkTimingConflicts(goodInput({ items: [c, twin] })).length).toBe(1);
    // a non-string slot id takes the per-group path: same pairs, no throw
    const junk = { ...b, slotId: 7 as unknown as string };
    expect(gaps([a, junk, c])).toEqual([
      [[7, 'b'], 24],
      [['b', 'a'], 9],
    ]);
    // follow-up gaps (ppv_followup at least 60 apart), parents missing
    const f1 = makeItem('f1', '2025-01-20', 20 * 60 + 7, 'ppv_followup', {
      isFollowUp: true,
      parentItemId: 'p',
      followupDelayMinutes: 20,
    });
    const f2 = {
      ...f1,
      slotId: 'f2',
      scheduledAt: new Date(Date.parse(f1.scheduledAt) + 50 * 60_000).toISOString(),
    };
    const followupGaps = checkFollowupRules(goodInput({ items: [f2, f1] }))
      .filter((i) => i.code === 'followup_gap_violation')
      .map((i) => [i.details.slotIds, i.details.gapMinutes, i.path]);
    expect(followupGaps).toEqual([[['f1', 'f2'], 50, 'items[0].scheduledAt']]);
  });

  it('an empty week and a one-item week validate without a throw', () => {
    expect(validateSchedule(goodInput({ items: [] })).errors.map((e) => e.code)).not.toContain(
      'timing_conflict',
    );
    const one = goodItems().slice(0, 1);
    expect(validateSchedule(goodInput({ items: one })).passedChecks).toContain('spacing');
  });

  it('repeated findings: the report keeps the first of each code, severity, path and message text', () => {
    // fields from a small alphabet with the identity's separator, so that two findings of
    // different fields can share one identity text (\u241f joins them): the report's rule
    const text = fc.constantFrom('', 'x', 'y', 'x\u241fy', '\u241f', 'items[0]');
    const finding = fc.record({
      code: fc.constantFrom('revenue_mix' as const, 'caption_pool_low' as const),
      path: fc.option(text, { nil: null }),
      message: text,
    });
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 30 }), (xs) => {
        const prior = xs.map(
          (x) =>
            ({
              code: x.code,
              severity: 'warning',
              path: x.path,
              message: x.message,
              details: {},
            }) as unknown as Issue,
        );
        const seen = new Set<string>();
        const expected = prior.filter((i) => {
          const k = [i.code, i.severity, i.path ?? '', i.message].join('\u241f');
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        });
        const report = validateSchedule(goodInput({ priorIssues: prior }));
        expect(report.warnings.slice(0, expected.length)).toEqual(expected);
        expect(report.warnings.slice(expected.length).some((w) => prior.includes(w))).toBe(false);
      }),
      { numRuns: 200 },
    );
    // the literal case: two findings whose fields differ but whose identity text is the same
    const a = {
      code: 'revenue_mix',
      severity: 'warning',
      path: 'x\u241fy',
      message: 'z',
      details: {},
    } as unknown as Issue;
    const b = { ...a, path: 'x', message: 'y\u241fz' } as Issue;
    const c = { ...a, path: 'x', message: 'y' } as Issue;
    const r = validateSchedule(goodInput({ priorIssues: [a, b, c, c] }));
    expect(r.warnings.filter((w) => w.code === 'revenue_mix')).toEqual([a, c]);
  });
});
