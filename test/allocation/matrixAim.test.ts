/**
 * The allocator aims at the page-type matrix (issue 8 deliverable 4; seed 000 task 3.1): over
 * the demo agency most days carry a bump : PPV ratio inside the matrix range, every week keeps
 * the category balance, and every day outside the range is reported with its numbers.
 *
 * The oracle holds the seed's numbers as its own literals: the tiers (1,000 / 5,000 / 15,000
 * fans), `TIER_PPVS`, `BUMP_MATRIX`, the 20 % tolerance, the balance shares 30 / 25 / 20 %.
 */
import { describe, expect, it } from 'vitest';
import { generateDemoAgency } from '../../src/demo';
import {
  buildSchedule,
  type CreatorProfile,
  inMemoryPorts,
  type ScheduleItem,
} from '../../src/index';

// 000 task 3.1 TIER_PPVS and BUMP_MATRIX
const TIER_PPVS = { low: [2, 3], mid: [4, 6], high: [7, 9], ultra: [10, 12] } as const;
const LOW_BUMPS: Record<string, readonly [number, number]> = {
  'nude/gfe': [4, 6],
  'nude/commercial': [5, 6],
  'non_nude/gfe': [4, 6],
  'non_nude/commercial': [5, 6],
  'porno/gfe': [5, 7],
  'porno/commercial': [5, 8],
};
const OTHER_BUMPS = { mid: [4, 6], high: [7, 9], ultra: [10, 12] } as const;
const tierOf = (fans: number) =>
  fans >= 15000 ? 'ultra' : fans >= 5000 ? 'high' : fans >= 1000 ? 'mid' : 'low';

/** The seed's expected range `[min bumps / max PPVs, max bumps / min PPVs]`, gfe for personalized. */
const rangeOf = (c: CreatorProfile): readonly [number, number] => {
  const tier = tierOf(c.fanCount);
  const sub = c.subType === 'commercial' ? 'commercial' : 'gfe';
  const bumps = tier === 'low' ? LOW_BUMPS[`${c.contentPageType}/${sub}`] : OTHER_BUMPS[tier];
  const ppvs = TIER_PPVS[tier];
  const [bLo, bHi] = bumps as readonly [number, number];
  return [bLo / ppvs[1], bHi / ppvs[0]];
};

// RULINGS "what the matrix counts"
const MASS_PPV = ['ppv_unlock', 'bundle', 'flash_bundle', 'snapchat_bundle', 'vip_program'];
const BUMPS = ['bump_normal', 'bump_descriptive', 'bump_text_only', 'bump_flyer', 'dm_farm'];
const isPpv = (i: ScheduleItem, c: CreatorProfile) =>
  (MASS_PPV.includes(i.sendTypeKey) && i.channelKey !== 'wall_post') ||
  (c.pageType === 'free' && i.sendTypeKey === 'ppv_wall');

const WEEKS = ['2025-01-06', '2025-01-13'];

describe('the allocator aims at the page-type matrix (demo agency)', () => {
  it('keeps most days inside the ratio range, the balance in every week, and reports every day outside', async () => {
    const data = generateDemoAgency(42);
    const ports = inMemoryPorts(data);
    let days = 0;
    let inside = 0;
    for (const c of data.creators)
      for (const weekStart of WEEKS) {
        const r = await buildSchedule({ creatorId: c.creatorId, weekStart, seed: 7 })(ports)();
        if (r._tag === 'Left') throw new Error(r.left.message);
        const allocated = r.right.items.filter((i) => !i.isFollowUp);
        // RULINGS "category balance": revenue >= 30 %, engagement >= 25 %, retention <= 20 %
        const n = allocated.length;
        const share = (cat: string) => allocated.filter((i) => i.category === cat).length / n;
        expect(share('revenue'), `${c.creatorId} ${weekStart}`).toBeGreaterThanOrEqual(0.3);
        expect(share('engagement'), `${c.creatorId} ${weekStart}`).toBeGreaterThanOrEqual(0.25);
        expect(share('retention'), `${c.creatorId} ${weekStart}`).toBeLessThanOrEqual(0.2);
        const [lo, hi] = rangeOf(c);
        const reported = new Set(
          r.right.summary.adjustments
            .filter((a) => a.code === 'matrix_ratio_shortfall')
            .map((a) => (a.details as { date: string }).date),
        );
        // by the day each item was allocated to (an item moved to the next day counts there)
        const byDay = new Map<string, ScheduleItem[]>();
        for (const i of allocated) {
          const d = i.movedFromDate ?? i.scheduledDate;
          byDay.set(d, [...(byDay.get(d) ?? []), i]);
        }
        for (const [date, items] of byDay) {
          days++;
          const p = items.filter((i) => isPpv(i, c)).length;
          const b = items.filter((i) => BUMPS.includes(i.sendTypeKey)).length;
          // 000 task 3.1: valid from 0.8 x min to 1.2 x max
          const ok = p > 0 && b / p >= 0.8 * lo - 1e-9 && b / p <= 1.2 * hi + 1e-9;
          if (ok) inside++;
          else
            expect(reported.has(date), `${c.creatorId} ${date}: ${b}/${p} not reported`).toBe(true);
        }
      }
    // measured 0.71 over four weeks (0.57 before the aim); most days
    expect(inside / days).toBeGreaterThan(0.6);
  }, 120_000);
});
