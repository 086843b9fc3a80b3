/**
 * Issue 11: the same-style repair's reorder search reads the day's sends as small integers
 * (families, styles, send types, gaps and the gaps to the sends that stay, computed once per day)
 * instead of asking the catalog and building string keys at every node. The search must visit
 * the same nodes in the same order, so it finds the same order and gives up at the same node of
 * its budget (a subtree already searched without success is counted, not walked again, when it
 * comes back: the same sends used by family, type and style, the same send types at the times so
 * far, the same last style and AM/PM pairs). The oracle below is the plain search, written with
 * the rule's literals: styles
 * `winner` and `bundle` never twice in a row, a restricted pattern style once per half of the
 * day (AM before 12:00), a send only on a time of its channel family, the per-type gaps of the
 * catalog (120 minutes between `ppv_unlock`s, ...), and a budget of 20,000 search nodes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimedSlot } from '../../src/domain/stages';
import { repairSameStyle, sameStyleViolations } from '../../src/rotation/sameStyle';

/** The literals the oracle holds: a send type's family, gap and whether it takes a pattern position. */
const TYPES: Readonly<
  Record<string, { readonly channel: string; readonly gap: number; readonly pattern: boolean }>
> = {
  ppv_unlock: { channel: 'mass_message', gap: 120, pattern: true },
  ppv_wall: { channel: 'wall_post', gap: 180, pattern: true },
  bundle: { channel: 'mass_message', gap: 180, pattern: false },
  flash_bundle: { channel: 'mass_message', gap: 360, pattern: false },
  bump_normal: { channel: 'wall_post', gap: 60, pattern: false },
  link_drop: { channel: 'mass_message', gap: 120, pattern: false },
};
const FAMILY: Readonly<Record<string, string>> = { mass_message: 'messages', wall_post: 'posts' };
const RESTRICTED = new Set(['winner', 'bundle']);
const BUDGET = 20_000;
const DAY0 = Date.parse('2025-01-20T00:00:00Z') / 60_000;

interface Send {
  readonly minute: number;
  readonly dayShift: number;
  readonly sendTypeKey: string;
  readonly ppvStyle: string | null;
  readonly followUp: boolean;
}

const slotOf = (s: Send, k: number): TimedSlot => {
  const spec = TYPES[s.sendTypeKey] as (typeof TYPES)[string];
  const date = s.dayShift === 0 ? '2025-01-20' : '2025-01-21';
  const hh = String(Math.floor(s.minute / 60)).padStart(2, '0');
  const mm = String(s.minute % 60).padStart(2, '0');
  const style =
    s.sendTypeKey === 'bundle' || s.sendTypeKey === 'flash_bundle'
      ? 'bundle'
      : spec.pattern
        ? s.ppvStyle
        : null;
  return {
    slotId: `${date}_${k + 1}`,
    date,
    scheduledDate: date,
    movedFromDate: null,
    minuteOfDay: s.minute,
    scheduledTime: `${hh}:${mm}:00`,
    scheduledAt: `${date}T${hh}:${mm}:00.000Z`,
    epochMinute: DAY0 + s.dayShift * 1440 + s.minute,
    expiresAt: null,
    sendTypeKey: s.sendTypeKey,
    channelKey: spec.channel,
    ppvStyle: style,
    isFollowUp: s.followUp,
    parentItemId: null,
    followupDelayMinutes: null,
    variationMetadata: { dailyStrategy: 'balanced_standard' },
  } as unknown as TimedSlot;
};

/**
 * The plain reorder search of one date: the day's sends (styled ones only unless `withOthers`)
 * by instant; depth-first over the times, the send already there first. Returns, per time, the
 * index of the send that takes it, or `null` when none is found within the budget.
 */
const oracleOrder = (
  week: ReadonlyArray<TimedSlot>,
  date: string,
  withOthers: boolean,
): ReadonlyArray<TimedSlot> | null => {
  const day = week
    .filter((x) => x.scheduledDate === date && !x.isFollowUp && (withOthers || x.ppvStyle !== null))
    .sort((a, b) => a.epochMinute - b.epochMinute);
  const moving = new Set(day.map((x) => x.slotId));
  const stay = week.filter((x) => !x.isFollowUp && !moving.has(x.slotId));
  const gap = (x: TimedSlot) => (TYPES[x.sendTypeKey] as (typeof TYPES)[string]).gap;
  const order: number[] = [];
  const used = new Set<number>();
  const period = new Map<string, number>();
  let nodes = 0;
  const search = (i: number, prev: string | null): boolean => {
    if (i === day.length) return true;
    if (++nodes > BUDGET) return false;
    const slot = day[i] as TimedSlot;
    const candidates = [i, ...day.map((_, j) => j).filter((j) => j !== i)];
    for (const j of candidates) {
      if (used.has(j)) continue;
      const item = day[j] as TimedSlot;
      if (FAMILY[item.channelKey] !== FAMILY[slot.channelKey]) continue;
      const style = item.ppvStyle;
      if (style !== null && style === prev && RESTRICTED.has(style)) continue;
      const key =
        style !== null &&
        RESTRICTED.has(style) &&
        (TYPES[item.sendTypeKey] as (typeof TYPES)[string]).pattern
          ? `${style}${slot.minuteOfDay < 12 * 60 ? 'AM' : 'PM'}`
          : null;
      if (key !== null && (period.get(key) ?? 0) > 0) continue;
      const at = slot.epochMinute;
      if (
        stay.some(
          (t) => t.sendTypeKey === item.sendTypeKey && Math.abs(t.epochMinute - at) < gap(item),
        )
      )
        continue;
      if (
        order.some(
          (o, k) =>
            (day[o] as TimedSlot).sendTypeKey === item.sendTypeKey &&
            Math.abs((day[k] as TimedSlot).epochMinute - at) < gap(item),
        )
      )
        continue;
      used.add(j);
      order.push(j);
      if (key !== null) period.set(key, (period.get(key) ?? 0) + 1);
      if (search(i + 1, style ?? prev)) return true;
      if (key !== null) period.set(key, (period.get(key) ?? 0) - 1);
      order.pop();
      used.delete(j);
    }
    return false;
  };
  if (!search(0, null)) return null;
  return order.map((j, i) => {
    const item = day[j] as TimedSlot;
    return { ...item, epochMinute: (day[i] as TimedSlot).epochMinute };
  });
};

const sendArb = (minute: fc.Arbitrary<number>): fc.Arbitrary<Send> =>
  fc.record({
    minute,
    dayShift: fc.constantFrom(0, 0, 0, 0, 1),
    sendTypeKey: fc.constantFrom(...Object.keys(TYPES), 'ppv_unlock', 'ppv_unlock'),
    // a pattern type without a style stays in place in the styled-only search: a fixed send
    ppvStyle: fc.constantFrom('winner', 'winner', 'bundle', 'solo', 'sextape', null),
    followUp: fc.constantFrom(false, false, false, false, true),
  });

/** A week of sends at distinct minutes; the dense arbitraries squeeze a day into a few hours. */
const weekArb = (lo: number, hi: number, max: number): fc.Arbitrary<ReadonlyArray<TimedSlot>> =>
  fc
    .uniqueArray(sendArb(fc.integer({ min: lo, max: hi })), {
      minLength: 1,
      maxLength: max,
      selector: (s) => s.minute + 1440 * s.dayShift,
    })
    .map((sends) => sends.map(slotOf));

const check = (week: ReadonlyArray<TimedSlot>): void => {
  const date = '2025-01-20';
  const before = sameStyleViolations(week.filter((s) => s.scheduledDate === date)).length;
  const r = repairSameStyle(week);
  const reorder = r.issues.find((i) => i.details.date === date && i.details.strategy === 'reorder');
  if (before === 0) {
    expect(reorder).toBeUndefined();
    return;
  }
  const expected = oracleOrder(week, date, false) ?? oracleOrder(week, date, true);
  if (expected === null) {
    expect(reorder).toBeUndefined();
    return;
  }
  expect(reorder).toBeDefined();
  const at = new Map(r.slots.map((s) => [s.slotId, s.epochMinute]));
  for (const x of expected) expect([x.slotId, at.get(x.slotId)]).toEqual([x.slotId, x.epochMinute]);
};

describe('repairSameStyle reorder search (issue 11: integer state, same search)', () => {
  it('finds the order the plain search finds, over random weeks', () => {
    fc.assert(fc.property(weekArb(8 * 60 + 1, 23 * 60 + 29, 14), check), { numRuns: 3000 });
  });

  it('finds the same order on dense days (many sends in a few hours, tight per-type gaps)', () => {
    fc.assert(fc.property(weekArb(9 * 60 + 1, 14 * 60 + 59, 16), check), { numRuns: 2000 });
  });

  it('gives up where the plain search gives up: a day with no order exhausts the budget', () => {
    // eight bumps (posts) before two winner messages in the afternoon: the winners share a half
    // of the day in every order, and with the bumps the search walks 8! = 40,320 orders of them
    // before it could fail, so it stops at its budget
    const bumps: Send[] = [...Array(8).keys()].map((k) => ({
      minute: 8 * 60 + 7 + k * 61,
      dayShift: 0,
      sendTypeKey: 'bump_normal',
      ppvStyle: null,
      followUp: false,
    }));
    const winners: Send[] = [16 * 60 + 7, 18 * 60 + 37].map((minute) => ({
      minute,
      dayShift: 0,
      sendTypeKey: 'ppv_unlock',
      ppvStyle: 'winner',
      followUp: false,
    }));
    const week = [...bumps, ...winners].map(slotOf);
    expect(oracleOrder(week, '2025-01-20', false)).toBeNull();
    expect(oracleOrder(week, '2025-01-20', true)).toBeNull();
    check(week);
    expect(repairSameStyle(week).issues.map((i) => i.details.strategy)).not.toContain('reorder');
  });

  it('stops at the same node of its budget when an order exists only beyond it', () => {
    // eight bumps from 08:35, one hour and a minute apart, then five messages: the plain search
    // first finds an order at its 105,273rd node, past the budget of 20,000, so it reports none
    // and the repair goes on to the other strategies. Counting a subtree already searched
    // without walking it again must still count its nodes.
    const bumps: Send[] = [...Array(8).keys()].map((k) => ({
      minute: 515 + k * 61,
      dayShift: 0,
      sendTypeKey: 'bump_normal',
      ppvStyle: null,
      followUp: false,
    }));
    const messages: Send[] = [
      [533, 'link_drop', 'winner'],
      [1089, 'flash_bundle', 'winner'],
      [1147, 'ppv_unlock', 'winner'],
      [1331, 'ppv_unlock', 'bundle'],
      [819, 'ppv_unlock', 'winner'],
    ].map(([minute, sendTypeKey, ppvStyle]) => ({
      minute: minute as number,
      dayShift: 0,
      sendTypeKey: sendTypeKey as string,
      ppvStyle: ppvStyle as string,
      followUp: false,
    }));
    const week = [...bumps, ...messages].map(slotOf);
    expect(oracleOrder(week, '2025-01-20', false)).toBeNull();
    expect(oracleOrder(week, '2025-01-20', true)).toBeNull();
    check(week);
    expect(repairSameStyle(week).issues.map((i) => i.details.strategy)).not.toContain('reorder');
  });
});
