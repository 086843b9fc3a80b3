/**
 * Issue 7 deliverable 10 (seed 003 task 2.2b): the result carries the timing events - rotation
 * changes, follow-ups with their window position, jitter applied, same-style repairs, the
 * validation outcome, the save's saga - and the logger port receives the same events. Own
 * literals: the 15-45 minute window, early under 20, late over 40, round minutes :00/:15/:30/:45.
 */
import * as TE from 'fp-ts/lib/TaskEither.js';
import { describe, expect, it } from 'vitest';
import { generateDemoAgency } from '../../src/demo';
import {
  type AuditEvent,
  buildSchedule,
  inMemoryPorts,
  type SchedulePorts,
  type TimingEvent,
} from '../../src/index';
import { timingEventsOf } from '../../src/pipeline/timingEvents';

const build = async (ports: SchedulePorts, save = false) => {
  const r = await buildSchedule({
    creatorId: 'creator_04',
    weekStart: '2025-01-20',
    seed: 7,
    options: { save },
  })(ports)();
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};

describe('timing events (003 task 2.2b)', () => {
  it('one jitter event per send and one follow-up event per follow-up, with the window position', async () => {
    const week = await build(inMemoryPorts(generateDemoAgency(42)));
    const of = (t: TimingEvent['eventType']) => week.timingEvents.filter((e) => e.eventType === t);
    const main = week.items.filter((i) => !i.isFollowUp);
    const followups = week.items.filter((i) => i.isFollowUp);
    expect(of('jitter_applied')).toHaveLength(main.length);
    expect(of('followup_scheduled')).toHaveLength(followups.length);
    for (const e of of('followup_scheduled')) {
      const gap = e.details.gapMinutes as number;
      expect(e.details.isOptimalWindow).toBe(gap >= 15 && gap <= 45);
      expect(e.details.windowPosition).toBe(gap < 20 ? 'early' : gap > 40 ? 'late' : 'optimal');
      expect(e.details.isOptimalWindow).toBe(true);
    }
    for (const e of of('jitter_applied')) {
      expect([0, 15, 30, 45]).not.toContain(e.details.finalMinute);
      expect(e.details.avoidedRoundMinute).toBe(true);
      expect(e.details.offsetMinutes as number).toBeGreaterThanOrEqual(-7);
      expect(e.details.offsetMinutes as number).toBeLessThanOrEqual(8);
    }
    expect(of('rotation_change')).toHaveLength(week.rotation.rotations.length);
    expect(of('rotation_state_change')).toHaveLength(week.rotation.transitions.length);
    const repairs = week.summary.adjustments.filter((i) => i.code === 'same_style_repaired');
    expect(of('same_style_repair')).toHaveLength(repairs.length);
    const [validation] = of('validation_result');
    expect(validation?.details).toMatchObject({
      status: week.validation.status,
      errorCount: week.validation.errors.length,
      repairCount: repairs.length,
    });
    expect(of('pin').map((e) => [e.details.action, e.details.postId])).toEqual(
      week.pins.actions.map((a) => [a.action, a.postId]),
    );
    expect(of('pin').length).toBeGreaterThan(0);
    expect(of('saga_execution')).toEqual([]); // no save asked
    for (const e of week.timingEvents) expect(e.creatorId).toBe('creator_04');
  });

  it('the logger port receives the same events as type timing; a save adds its saga', async () => {
    const logged: AuditEvent[] = [];
    const ports: SchedulePorts = {
      ...inMemoryPorts(generateDemoAgency(42)),
      saveSchedule: () => TE.right({ templateId: 'tpl-1' }),
      log: (e) => {
        logged.push(e);
      },
    };
    const week = await build(ports, true);
    const timing = logged.flatMap((e) => (e.type === 'timing' ? [e.event] : []));
    expect(timing).toEqual(week.timingEvents);
    expect(week.audit.events.filter((e) => e.type === 'timing')).toHaveLength(timing.length);
    const saga = week.timingEvents.filter((e) => e.eventType === 'saga_execution');
    expect(saga.map((e) => e.details.status)).toEqual(['completed']);
    expect(saga[0]?.details.completedSteps).toEqual(['save_schedule']);
  });

  it('is the same for the same build (no clock in an event)', async () => {
    const ports = inMemoryPorts(generateDemoAgency(42));
    const [a, b] = await Promise.all([build(ports), build(ports)]);
    expect(a.timingEvents).toEqual(b.timingEvents);
  });
  it('lists the sends in instant then slot id order, as a sort parsing each instant per comparison does', async () => {
    const week = await build(inMemoryPorts(generateDemoAgency(42)));
    // hard cases: the items reversed, and several sends at one instant (slot ids decide)
    const first = week.items[0]?.scheduledAt ?? '';
    const items = [...week.items]
      .reverse()
      .map((i, k) => (k % 4 === 0 ? { ...i, scheduledAt: first } : i));
    const events = timingEventsOf({ ...week, items });
    const sendOrder = events.flatMap((e) =>
      e.eventType === 'jitter_applied' || e.eventType === 'followup_scheduled'
        ? [e.details.slotId]
        : [],
    );
    const expected = [...items]
      .sort(
        (a, b) =>
          Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt) || (a.slotId < b.slotId ? -1 : 1),
      )
      .map((i) => i.slotId);
    expect(sendOrder).toEqual(expected);
    const gaps = events.flatMap((e) =>
      e.eventType === 'followup_scheduled' ? [[e.details.slotId, e.details.gapMinutes]] : [],
    );
    const bySlot = new Map(items.map((i) => [i.slotId, i]));
    expect(gaps).toEqual(
      expected.flatMap((id) => {
        const item = bySlot.get(id);
        if (item === undefined || !item.isFollowUp) return [];
        const parent = item.parentItemId === null ? undefined : bySlot.get(item.parentItemId);
        const gap =
          parent === undefined
            ? (item.followupDelayMinutes ?? 0)
            : (Date.parse(item.scheduledAt) - Date.parse(parent.scheduledAt)) / 60_000;
        return [[id, Math.round(gap * 10) / 10]];
      }),
    );
    expect(gaps.length).toBeGreaterThan(0);
  });
});
