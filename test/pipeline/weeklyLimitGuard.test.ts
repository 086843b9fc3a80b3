/**
 * The weekly-limit guard of `buildSchedule` (seed 000 task 3.5; RULINGS "Validation" nothing
 * lost): the allocator never exceeds a cap, so the test makes it do so, by turning allocated
 * revenue slots into vip_program (cap 1, a literal here). The guard must remove the
 * lowest-priority ones before captions and times are given, name each in a
 * `weekly_limit_removed` issue, and keep the week's accounting whole.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Allocation } from '../../src/index';
import { buildRight, creatorFixture, datasetFixture } from './fixtures';

const inject = { on: false };

vi.mock('../../src/allocation/allocateWeek', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/allocation/allocateWeek')>();
  return {
    ...real,
    allocateWeek: (...args: Parameters<typeof real.allocateWeek>): Allocation => {
      const a = real.allocateWeek(...args);
      if (!inject.on) return a;
      // The last revenue slot of three days becomes a vip_program (priority as allocated).
      const days = a.days.map((d, i) => {
        if (i > 2) return d;
        const last = d.slots.map((s) => s.category).lastIndexOf('revenue');
        return {
          ...d,
          slots: d.slots.map((s, n) =>
            n === last ? { ...s, sendTypeKey: 'vip_program' as const, ppvStyle: null } : s,
          ),
        };
      });
      return { ...a, days };
    },
  };
});

const WEEK = '2025-01-20';
const VIP_CAP = 1; // 000 task 3.5 WEEKLY_LIMITS; RULINGS "Allocation"

describe('buildSchedule guards the weekly limits after allocation', () => {
  it('normally removes nothing', async () => {
    inject.on = false;
    const creator = creatorFixture();
    const r = await buildRight(
      { creatorId: creator.creatorId, weekStart: WEEK, seed: 3 },
      datasetFixture(creator, WEEK),
    );
    expect(r.summary.adjustments.filter((i) => i.code === 'weekly_limit_removed')).toEqual([]);
  });

  it('removes an injected over-cap vip_program, names it, and loses nothing', async () => {
    inject.on = true;
    const creator = creatorFixture();
    const r = await buildRight(
      { creatorId: creator.creatorId, weekStart: WEEK, seed: 3 },
      datasetFixture(creator, WEEK),
    );
    inject.on = false;
    const vips = r.items.filter((i) => i.sendTypeKey === 'vip_program');
    expect(vips).toHaveLength(VIP_CAP);
    const removed = r.summary.adjustments.filter((i) => i.code === 'weekly_limit_removed');
    expect(removed.length).toBeGreaterThanOrEqual(2);
    for (const i of removed) {
      expect(i).toMatchObject({ severity: 'warning', phase: 'allocation' });
      expect(i.details).toMatchObject({ sendTypeKey: 'vip_program', max: VIP_CAP, removed: 1 });
      expect(i.path).toBe(`slots.${String(i.details.slotId)}`);
      expect(i.message).toContain(String(i.details.slotId));
      // the removed slot is nowhere in the week
      expect(r.items.some((x) => x.slotId === i.details.slotId)).toBe(false);
    }
    // the kept one outranks every removed one (smaller priority, then the earlier day)
    const kept = vips[0];
    for (const i of removed)
      expect(
        (kept?.priority ?? 0) < Number(i.details.priority) ||
          ((kept?.priority ?? 0) === Number(i.details.priority) &&
            String(kept?.slotId) < String(i.details.slotId)),
      ).toBe(true);
    // nothing lost: no weekly cap error, and the accounting holds
    const codes = [...r.validation.errors, ...r.validation.warnings].map((i) => i.code);
    expect(codes).not.toContain('weekly_cap_exceeded');
    expect(codes).not.toContain('volume_accounting');
    expect(r.validation.warnings.map((i) => i.code)).toContain('weekly_limit_removed');
  });
});
