/**
 * Regression, issue 6 "Why" 3a (the allocator): in about one demo week in five the revenue share
 * was under 30 % or the retention share over 20 %.
 *
 * Now the allocator meets the category balance in every week (RULINGS "Validation": the page-type
 * matrix ranges always leave room), and a week that broke it could not be reported passed. Over
 * 144 demo weeks - two agencies (seeds 7 and 19), the four DST weeks 2025-03-03 (US spring
 * forward on Sunday 03-09), 2025-03-10 (the week after), 2025-10-20 (EU fall back on Sunday
 * 10-26) and 2025-10-27 (the week after), every demo creator, three build seeds - the allocated
 * items (follow-ups counted apart) hold revenue >=
 * 30 %, engagement >= 25 %, retention <= 20 %, checked here from the items themselves, and no
 * week carries a category_balance issue.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { generateDemoAgency } from '../../src/demo';
import { buildSchedule, inMemoryPorts } from '../../src/index';
import { allocatedCounts, isPassing } from '../support/trustData';

const SEASONS = [
  { agencySeed: 7, asOf: '2025-03-03', weeks: ['2025-03-03', '2025-03-10'] },
  { agencySeed: 19, asOf: '2025-10-20', weeks: ['2025-10-20', '2025-10-27'] },
] as const;
const BUILD_SEEDS = [3, 101, 2_024] as const;

/** Seed 001 phase 7 / RULINGS "category balance". */
const REVENUE_MIN = 0.3;
const ENGAGEMENT_MIN = 0.25;
const RETENTION_MAX = 0.2;

describe('regression: demo weeks keep the category shares (DST weeks included)', () => {
  let weeks = 0;
  for (const season of SEASONS)
    it(`agency seed ${season.agencySeed}, weeks ${season.weeks.join(' and ')}`, async () => {
      const dataset = generateDemoAgency(season.agencySeed, { asOf: season.asOf });
      const ports = inMemoryPorts(dataset);
      const broken: string[] = [];
      for (const weekStart of season.weeks)
        for (const seed of BUILD_SEEDS)
          for (const creator of dataset.creators) {
            const label = `${creator.creatorId} ${weekStart} seed ${seed}`;
            const r = await buildSchedule({ creatorId: creator.creatorId, weekStart, seed })(
              ports,
            )();
            expect(E.isRight(r), label).toBe(true);
            if (E.isLeft(r)) continue;
            weeks += 1;
            const c = allocatedCounts(r.right.items);
            const shares = {
              revenue: c.revenue / c.total,
              engagement: c.engagement / c.total,
              retention: c.retention / c.total,
            };
            const ok =
              shares.revenue >= REVENUE_MIN &&
              shares.engagement >= ENGAGEMENT_MIN &&
              shares.retention <= RETENTION_MAX;
            if (!ok) broken.push(`${label}: ${JSON.stringify(c)}`);
            // A week breaking the balance may never read as passed.
            if (!ok) expect(isPassing(r.right.validation.status), label).toBe(false);
            const reported = [...r.right.validation.errors, ...r.right.validation.warnings].filter(
              (i) => i.code === 'category_balance',
            );
            expect(
              reported.map((i) => i.severity).every((s) => s === 'error'),
              label,
            ).toBe(true);
            expect(reported.length > 0, label).toBe(!ok);
          }
      expect(broken).toEqual([]);
    });

  it('covered more than 100 weeks', () => {
    expect(weeks).toBeGreaterThanOrEqual(100);
  });
});
