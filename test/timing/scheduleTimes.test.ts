import { describe, expect, it } from 'vitest';
import type { SendTypeKey } from '../../src/domain/catalog';
import type { TimedSlot, Timing } from '../../src/domain/stages';
import { DEFAULT_POLICY, scheduleTimes, weekPhaseOf } from '../../src/index';
import { localOf, makeCtx, makeLoaded, makeWeek, type SlotSpec } from './fixtures';
import { timingThresholds, timingViolations } from './invariants';

const run = (
  days: ReadonlyArray<ReadonlyArray<SlotSpec>>,
  o: {
    timezone?: string;
    weekStart?: string;
    seed?: string;
    peak?: number[];
    avoid?: number[];
  } = {},
) => {
  const ctx = makeCtx({ timezone: o.timezone, weekStart: o.weekStart, seed: o.seed });
  const loaded = makeLoaded(o.peak ?? [20, 21, 22], o.avoid ?? [3, 4, 5, 6]);
  const { allocation, targeting } = makeWeek(ctx, days);
  const timing = scheduleTimes(ctx, loaded, allocation, targeting);
  return { ctx, loaded, allocation, targeting, timing };
};

const ok = (r: ReturnType<typeof run>) => expect(timingViolations(r)).toEqual([]);

const bySlot = (t: Timing, slotId: string): TimedSlot => {
  const s = t.slots.find((x) => x.slotId === slotId);
  if (s === undefined) throw new Error(`missing ${slotId}`);
  return s;
};

const codes = (t: Timing, code: string) => t.issues.filter((i) => i.code === code);

const keys = (...ks: SendTypeKey[]): SlotSpec[] => ks.map((sendTypeKey) => ({ sendTypeKey }));

const everyDay = (specs: SlotSpec[]) => Array.from({ length: 7 }, () => specs);

describe('scheduleTimes: daily variation and preferred hours (001 §5.2, §5.3)', () => {
  const r = run(
    everyDay(keys('ppv_unlock', 'bundle', 'flash_bundle', 'bump_normal', 'renew_on_message')),
  );

  it('keeps every invariant', () => ok(r));

  // 001 §5.2: the prime hours rotate -1, 0, +1 by day; the evening shift is +20 minutes on
  // even days and -20 on odd ones. The week's phase (`weekPhaseOf`, tested on its own in
  // weekVariation.test.ts) moves both from week to week.
  const ROTATION = [-1, 0, 1];
  const phase = weekPhaseOf(r.ctx.creator.creatorId, '2025-01-20');
  const primeOf = (day: number) =>
    [20, 21, 22].map((h) => h + (ROTATION[(day + phase) % 3] as number));
  const eveningOf = (day: number) => ((day + phase) % 2 === 0 ? 20 : -20);

  it('places the first revenue item at the rotated prime hour plus the evening shift plus jitter', () => {
    const mon = bySlot(r.timing, '2025-01-20_1');
    expect(mon.variationMetadata).toMatchObject({
      baseHour: primeOf(0)[0],
      timeShift: eveningOf(0),
      primeHoursUsed: primeOf(0),
      dailyStrategy: 'revenue_focus',
      timeAdjusted: false,
      adjustmentReason: null,
      fallbackUsed: false,
    });
    expect(mon.minuteOfDay).toBe(
      (primeOf(0)[0] as number) * 60 + eveningOf(0) + mon.variationMetadata.jitter,
    );
    const tue = bySlot(r.timing, '2025-01-21_1');
    expect(tue.variationMetadata).toMatchObject({
      baseHour: primeOf(1)[0],
      timeShift: eveningOf(1),
      primeHoursUsed: primeOf(1),
    });
  });

  it('spreads the revenue items of a day over the prime hours', () => {
    const hours = ['2025-01-20_1', '2025-01-20_2', '2025-01-20_3'].map(
      (id) => bySlot(r.timing, id).variationMetadata.baseHour,
    );
    expect(hours).toEqual(primeOf(0));
  });

  it('uses the morning shift for engagement and no shift for retention', () => {
    // the morning shift is -15 minutes on even days, +15 on odd ones (001 §5.2)
    const morningOf = (day: number) => ((day + phase) % 2 === 0 ? -15 : 15);
    expect(bySlot(r.timing, '2025-01-20_4').variationMetadata).toMatchObject({
      baseHour: 9,
      timeShift: morningOf(0),
    });
    expect(bySlot(r.timing, '2025-01-21_4').variationMetadata).toMatchObject({
      baseHour: 9,
      timeShift: morningOf(1),
    });
    expect(bySlot(r.timing, '2025-01-20_5').variationMetadata).toMatchObject({
      baseHour: 16,
      timeShift: 0,
    });
  });

  it('reports the prime hours of every date and sorts slots by instant', () => {
    expect(Object.keys(r.timing.dailyPrimeHours)).toEqual(r.ctx.weekDates);
    expect(r.timing.dailyPrimeHours['2025-01-22']).toEqual(primeOf(2));
    const epochs = r.timing.slots.map((s) => s.epochMinute);
    expect(epochs).toEqual([...epochs].sort((a, b) => a - b));
    expect(r.timing.slots.every((s) => !s.isFollowUp && s.parentItemId === null)).toBe(true);
  });

  it('is deterministic and depends on the seed', () => {
    const again = run(
      everyDay(keys('ppv_unlock', 'bundle', 'flash_bundle', 'bump_normal', 'renew_on_message')),
    );
    expect(again.timing).toEqual(r.timing);
    const other = run(
      everyDay(keys('ppv_unlock', 'bundle', 'flash_bundle', 'bump_normal', 'renew_on_message')),
      { seed: 'other' },
    );
    expect(other.timing.slots.map((s) => s.minuteOfDay)).not.toEqual(
      r.timing.slots.map((s) => s.minuteOfDay),
    );
  });

  it('sets expiry from expirationHours (001 §5.7)', () => {
    const g = run([keys('game_post', 'ppv_unlock')]);
    const game = bySlot(g.timing, '2025-01-20_1');
    expect(Date.parse(game.expiresAt ?? '') - Date.parse(game.scheduledAt)).toBe(24 * 3600 * 1000);
    expect(bySlot(g.timing, '2025-01-20_2').expiresAt).toBeNull();
  });
});

describe('scheduleTimes: time zones and daylight saving (RULINGS "time zones")', () => {
  it('America/New_York week of 2025-03-03 (DST starts 2025-03-09): instants match local times', () => {
    const r = run(everyDay(keys('ppv_unlock', 'bump_normal', 'like_farm')), {
      timezone: 'America/New_York',
      weekStart: '2025-03-03',
    });
    ok(r);
    for (const s of r.timing.slots)
      expect(localOf(s.scheduledAt, 'America/New_York')).toBe(
        `${s.scheduledDate} ${s.scheduledTime.slice(0, 5)}`,
      );
    const sat = bySlot(r.timing, '2025-03-08_1');
    const sun = bySlot(r.timing, '2025-03-09_1');
    const utcMinute = (s: TimedSlot) => ((s.epochMinute % 1440) + 1440) % 1440;
    expect((utcMinute(sat) - sat.minuteOfDay + 1440) % 1440).toBe(5 * 60);
    expect((utcMinute(sun) - sun.minuteOfDay + 1440) % 1440).toBe(4 * 60);
  });

  it.each(['2025-10-20', '2025-10-27'])(
    'Europe/Berlin week of %s: instants match local times',
    (weekStart) => {
      const r = run(everyDay(keys('ppv_unlock', 'bundle', 'bump_normal', 'renew_on_message')), {
        timezone: 'Europe/Berlin',
        weekStart,
      });
      ok(r);
      for (const s of r.timing.slots)
        expect(localOf(s.scheduledAt, 'Europe/Berlin')).toBe(
          `${s.scheduledDate} ${s.scheduledTime.slice(0, 5)}`,
        );
    },
  );

  it('never uses a local time skipped by daylight saving when the window covers the change', () => {
    const policy = {
      ...DEFAULT_POLICY,
      timing: { ...DEFAULT_POLICY.timing, windowStartMinute: 0, windowEndMinute: 23 * 60 + 59 },
    };
    const ctx = makeCtx({ timezone: 'America/New_York', weekStart: '2025-03-03', policy });
    const loaded = makeLoaded([2, 3], []);
    const { allocation, targeting } = makeWeek(
      ctx,
      Array.from({ length: 7 }, () =>
        keys('ppv_unlock', 'bundle', 'flash_bundle', 'link_drop', 'dm_farm'),
      ),
    );
    const timing = scheduleTimes(ctx, loaded, allocation, targeting);
    // the overridden window, passed to the invariants as literals
    const wholeDay = timingThresholds({ window: { startMinute: 0, endMinute: 23 * 60 + 59 } });
    expect(timingViolations({ ctx, loaded, allocation, targeting, timing }, wholeDay)).toEqual([]);
    const sunday = timing.slots.filter((s) => s.scheduledDate === '2025-03-09');
    expect(sunday.some((s) => s.minuteOfDay >= 3 * 60 && s.minuteOfDay < 4 * 60)).toBe(true);
    expect(sunday.every((s) => s.minuteOfDay < 2 * 60 || s.minuteOfDay >= 3 * 60)).toBe(true);
  });

  it('measures a 24-hour gap in real minutes across days, DST change included', () => {
    const r = run(everyDay(keys('like_farm', 'vip_program')), {
      timezone: 'America/New_York',
      weekStart: '2025-03-03',
    });
    ok(r);
    for (const k of ['like_farm', 'vip_program']) {
      const xs = r.timing.slots.filter((s) => s.sendTypeKey === k).map((s) => s.epochMinute);
      for (let i = 1; i < xs.length; i++)
        expect((xs[i] as number) - (xs[i - 1] as number)).toBeGreaterThanOrEqual(24 * 60);
    }
  });
});

describe('scheduleTimes: relaxations (RULINGS "relaxation")', () => {
  const allBut = (...open: number[]) =>
    Array.from({ length: 24 }, (_, h) => h).filter((h) => !open.includes(h));

  it('relaxes spacing, then avoid hours, and reports both', () => {
    const day = keys(
      'ppv_unlock',
      'bundle',
      'flash_bundle',
      'vip_program',
      'snapchat_bundle',
      'link_drop',
      'dm_farm',
    );
    const r = run([day], { avoid: allBut(19, 20), peak: [20, 21] });
    ok(r);
    expect(r.timing.slots).toHaveLength(7);
    const relaxed = codes(r.timing, 'spacing_relaxed');
    expect(relaxed.length).toBeGreaterThan(0);
    expect(relaxed[0]?.severity).toBe('warning');
    expect(relaxed[0]?.details).toMatchObject({
      spacingMinutes: expect.any(Number),
      slotId: expect.any(String),
    });
    expect(codes(r.timing, 'avoid_hours_relaxed').length).toBeGreaterThan(0);
    expect(codes(r.timing, 'item_moved_next_day')).toHaveLength(0);
  });

  const crowded = keys(
    'ppv_unlock',
    'ppv_unlock',
    'ppv_unlock',
    'ppv_unlock',
    'link_drop',
    'link_drop',
    'link_drop',
    'link_drop',
    'bundle',
    'bundle',
    'dm_farm',
    'dm_farm',
    'flash_bundle',
  );

  it("moves what a day cannot hold to the next date, after that date's own items", () => {
    const r = run([crowded, keys('ppv_unlock')]);
    ok(r);
    const moved = codes(r.timing, 'item_moved_next_day');
    expect(moved.length).toBeGreaterThan(0);
    const id = String(moved[0]?.details.slotId);
    const s = bySlot(r.timing, id);
    expect(s.scheduledDate).toBe('2025-01-21');
    expect(s.date).toBe('2025-01-20');
    expect(s.variationMetadata).toMatchObject({
      timeAdjusted: true,
      adjustmentReason: 'moved_next_day',
    });
    expect(
      r.timing.slots.filter(
        (x) => x.scheduledDate === '2025-01-20' && x.channelKey !== 'wall_post',
      ),
    ).toHaveLength(12);
  });

  it('drops what the last date cannot hold and reports the whole slot', () => {
    const r = run([[], [], [], [], [], [], crowded]);
    ok(r);
    const dropped = codes(r.timing, 'item_dropped');
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped[0]?.severity).toBe('warning');
    // the issue names the item (not the whole slot any more) and counts it as removed
    const id = String(dropped[0]?.details.slotId);
    const slot = r.targeting.slots.find((x) => x.slotId === id);
    expect(dropped[0]?.details).toEqual({
      slotId: id,
      sendTypeKey: slot?.sendTypeKey,
      date: '2025-01-26',
      category: slot?.category,
      reason: 'no_valid_time',
      removed: 1,
    });
    expect(r.timing.slots.length + dropped.length).toBe(crowded.length);
  });

  it('drops a moved item that does not fit on the next date either', () => {
    const r = run([crowded, crowded]);
    ok(r);
    const dropped = codes(r.timing, 'item_dropped').map((i) => String(i.details.slotId));
    const moved = codes(r.timing, 'item_moved_next_day').map((i) => String(i.details.slotId));
    expect(dropped.some((id) => id.startsWith('2025-01-20'))).toBe(true);
    expect(moved.some((id) => id.startsWith('2025-01-21'))).toBe(true);
  });

  it('tries the second channel of another family before relaxing', () => {
    const posts: SlotSpec[] = [
      ...Array.from({ length: 12 }, () => ({
        sendTypeKey: 'bump_normal' as const,
        channelKey: 'wall_post' as const,
        priority: 1,
      })),
      { sendTypeKey: 'bump_descriptive', channelKey: 'wall_post', priority: 99 },
    ];
    const r = run([posts]);
    ok(r);
    const switched = codes(r.timing, 'second_channel_used');
    expect(switched.map((i) => i.details.slotId)).toEqual(['2025-01-20_13']);
    expect(switched[0]?.severity).toBe('info');
    expect(bySlot(r.timing, '2025-01-20_13').channelKey).toBe('mass_message');
  });

  it('never switches to a channel that cannot reach the target', () => {
    const posts: SlotSpec[] = [
      ...Array.from({ length: 12 }, () => ({
        sendTypeKey: 'bump_normal' as const,
        channelKey: 'wall_post' as const,
        priority: 1,
      })),
      {
        sendTypeKey: 'bump_descriptive',
        channelKey: 'wall_post',
        targetKey: 'expired_recent',
        priority: 99,
      },
    ];
    const r = run([posts]);
    ok(r);
    expect(codes(r.timing, 'second_channel_used')).toHaveLength(0);
    expect(bySlot(r.timing, '2025-01-20_13').channelKey).toBe('wall_post');
  });

  it('drops a slot whose date is outside the week', () => {
    const ctx = makeCtx();
    const loaded = makeLoaded();
    const { allocation, targeting } = makeWeek(ctx, [keys('ppv_unlock')]);
    const stray = {
      ...(targeting.slots[0] as (typeof targeting.slots)[number]),
      slotId: '2025-02-01_1',
      date: '2025-02-01',
    };
    const timing = scheduleTimes(ctx, loaded, allocation, {
      ...targeting,
      slots: [...targeting.slots, stray],
    });
    expect(codes(timing, 'item_dropped').map((i) => i.details.reason)).toEqual([
      'date_outside_week',
    ]);
    expect(timing.slots).toHaveLength(1);
  });
});
