/**
 * Regression, issue 6 "Why" 5: every new creator (no history) got `failed` on
 * `confidence_too_low`, although seed 001's volume degradation chain gives a creator with no
 * data ultra-conservative volumes at confidence 0.3, which passes the gate.
 *
 * Now (001 "Volume Configuration Degradation", level 3; RULINGS "new and sparse creators"): a
 * creator whose data give a confidence below 0.3 takes the minimum safe volumes - 3 revenue, 3
 * engagement, 1 retention a day, 0 retention on free pages - at confidence 0.3, with a
 * `volume_degraded` warning, and the week is `passed_with_warnings` (so it can be saved). Less
 * data never gives a worse outcome than no data. Every number below is the seed's literal.
 */
import * as TE from 'fp-ts/lib/TaskEither.js';
import { describe, expect, it } from 'vitest';
import { inMemoryPorts, type MassMessage } from '../../src/index';
import { historyFixture } from '../pipeline/fixtures';
import {
  allocatedCounts,
  isPassing,
  newCreator,
  newCreatorDataset,
  rightOf,
  runBuild,
  WEEK,
} from '../support/trustData';

/** Seed 001 "Volume Configuration Degradation", level 3 "minimum safe values". */
const MIN_SAFE = { revenue: 3, engagement: 3, retention: 1 } as const;
const MIN_SAFE_FREE = { revenue: 3, engagement: 3, retention: 0 } as const;
const MIN_SAFE_CONFIDENCE = 0.3;

const build = async (
  pageType: 'paid' | 'free',
  history: ReadonlyArray<MassMessage> = [],
  save = false,
) => {
  const creator = newCreator({ pageType });
  const dataset = { ...newCreatorDataset(creator), history: [...history] };
  return rightOf(
    await runBuild(
      { creatorId: creator.creatorId, weekStart: WEEK, seed: 27, options: { save } },
      { ...inMemoryPorts(dataset), saveSchedule: () => TE.right({ templateId: 'tpl-new' }) },
    ),
  );
};

describe('regression: a new creator with no history builds a passing minimum-safe week', () => {
  for (const [pageType, quotas] of [
    ['paid', MIN_SAFE],
    ['free', MIN_SAFE_FREE],
  ] as const)
    it(`${pageType} page: ${quotas.revenue} / ${quotas.engagement} / ${quotas.retention} a day at confidence 0.3, passed_with_warnings`, async () => {
      const week = await build(pageType);
      expect(week.validation.status).toBe('passed_with_warnings');
      expect(week.volume.confidenceScore).toBe(MIN_SAFE_CONFIDENCE);
      expect({
        revenue: week.volume.finalConfig.revenuePerDay,
        engagement: week.volume.finalConfig.engagementPerDay,
        retention: week.volume.finalConfig.retentionPerDay,
      }).toEqual(quotas);
      expect(week.volume.weeklyTotal).toBe(
        7 * (quotas.revenue + quotas.engagement + quotas.retention),
      );
      // Counted on the day each item was allocated to (an item moved to the next day keeps it).
      const allocatedOn = (i: (typeof week.items)[number]) => i.movedFromDate ?? i.scheduledDate;
      const days = new Set(week.items.map(allocatedOn));
      expect(days.size).toBe(7);
      for (const date of days) {
        const c = allocatedCounts(week.items.filter((i) => allocatedOn(i) === date));
        expect(
          { revenue: c.revenue, engagement: c.engagement, retention: c.retention },
          date,
        ).toEqual(quotas);
      }
      const degraded = week.validation.warnings.filter((i) => i.code === 'volume_degraded');
      expect(
        degraded.map((i) => [i.details.level, i.details.confidenceScore, i.details.quotas]),
      ).toEqual([['minimum_safe', MIN_SAFE_CONFIDENCE, quotas]]);
      expect(week.validation.errors.filter((i) => i.code === 'confidence_too_low')).toEqual([]);
    });

  it('it can be saved', async () => {
    const week = await build('paid', [], true);
    expect([week.save.status, week.templateId]).toEqual(['saved', 'tpl-new']);
  });

  it('a sparse creator (a few messages) is never worse off than one with none', async () => {
    const none = await build('paid');
    const creator = newCreator({ pageType: 'paid' });
    const sparse = await build('paid', historyFixture(creator, WEEK).slice(-6));
    expect(isPassing(sparse.validation.status)).toBe(true);
    expect(sparse.validation.score).toBeGreaterThanOrEqual(none.validation.score - 20);
    expect(sparse.volume.confidenceScore).toBeGreaterThanOrEqual(MIN_SAFE_CONFIDENCE);
    expect(sparse.validation.errors.filter((i) => i.code === 'confidence_too_low')).toEqual([]);
  });
});
