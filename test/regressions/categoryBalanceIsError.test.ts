/**
 * Regression, issue 6 "Why" 3a (the report): a week whose revenue share was under 30 % or whose
 * retention share was over 20 % was reported `passed`, the balance only a warning.
 *
 * Now category balance is a hard rule (RULINGS "Validation"): revenue >= 30 %, engagement >=
 * 25 %, retention <= 20 % of the week's allocated items (follow-ups counted apart) is an
 * `error`, so such a week is never `passed` nor `passed_with_warnings`. The weeks here are crafted
 * from a built week and judged by `validateSchedule` directly: 40 allocated items, counts chosen
 * on either side of each bound.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  addDaysIso,
  inMemoryPorts,
  resolvePolicy,
  type ScheduleItem,
  type ScheduleResult,
  validateSchedule,
} from '../../src/index';
import { datasetFixture } from '../pipeline/fixtures';
import { isPassing, richCreator, rightOf, runBuild, WEEK } from '../support/trustData';

const DATASET = datasetFixture(richCreator, WEEK);
const POLICY = (() => {
  const r = resolvePolicy({});
  if (E.isLeft(r)) throw new Error('no default policy');
  return r.right;
})();

let built: ScheduleResult | undefined;
const week = async (): Promise<ScheduleResult> => {
  built ??= rightOf(
    await runBuild(
      { creatorId: richCreator.creatorId, weekStart: WEEK, seed: 6 },
      inMemoryPorts(DATASET),
    ),
  );
  return built;
};

/** The week cut down to `revenue` / `engagement` / `retention` allocated items (and their follow-ups). */
const crafted = (
  w: ScheduleResult,
  counts: { revenue: number; engagement: number; retention: number },
) => {
  const allocated = w.items.filter((i) => !i.isFollowUp);
  const kept: ScheduleItem[] = [];
  for (const category of ['revenue', 'engagement', 'retention'] as const) {
    const pool = allocated.filter((i) => i.category === category);
    expect(
      pool.length,
      `the built week has ${counts[category]} ${category} items`,
    ).toBeGreaterThanOrEqual(counts[category]);
    // Spread over the week: every k-th item.
    const step = pool.length / counts[category];
    for (let k = 0; k < counts[category]; k++)
      kept.push(pool[Math.floor(k * step)] as ScheduleItem);
  }
  const ids = new Set(kept.map((i) => i.slotId));
  const items = w.items.filter(
    (i) => ids.has(i.slotId) || (i.isFollowUp && ids.has(i.parentItemId ?? '')),
  );
  return validateSchedule({
    creator: w.creator,
    weekDates: Array.from({ length: 7 }, (_, d) => addDaysIso(WEEK, d)),
    items,
    volume: { ...w.volume, weeklyTotal: kept.length },
    vault: DATASET.vaults?.[richCreator.creatorId] ?? null,
    persona: DATASET.personas?.[richCreator.creatorId] ?? null,
    dailyStrategies: w.summary.dailyStrategies,
    priorIssues: [],
    policy: POLICY,
    manualConfidenceOverride: false,
  });
};

const balanceIssues = (v: ReturnType<typeof validateSchedule>) =>
  [...v.errors, ...v.warnings, ...v.notes].filter((i) => i.code === 'category_balance');

describe('regression: a week breaking the category balance is never passed (category_balance is an error)', () => {
  it('the built week itself keeps the balance', async () => {
    const w = await week();
    expect(w.validation.errors.filter((i) => i.code === 'category_balance')).toEqual([]);
    expect(isPassing(w.validation.status)).toBe(true);
  });

  it('exactly 30 % revenue and 20 % retention (12 / 20 / 8 of 40) keep the balance', async () => {
    const v = crafted(await week(), { revenue: 12, engagement: 20, retention: 8 });
    expect(balanceIssues(v)).toEqual([]);
  });

  it('revenue 27.5 % (11 of 40): a category_balance error on revenue, and not passed', async () => {
    const v = crafted(await week(), { revenue: 11, engagement: 21, retention: 8 });
    expect(
      balanceIssues(v).map((i) => [
        i.severity,
        i.details.category,
        i.details.kind,
        i.details.bound,
      ]),
    ).toEqual([['error', 'revenue', 'min', 0.3]]);
    expect(balanceIssues(v)[0]?.details.share).toBeCloseTo(11 / 40, 3);
    expect(v.errors.some((i) => i.code === 'category_balance')).toBe(true);
    expect(isPassing(v.status)).toBe(false);
  });

  it('retention 22.5 % (9 of 40): a category_balance error on retention, and not passed', async () => {
    const v = crafted(await week(), { revenue: 14, engagement: 17, retention: 9 });
    expect(
      balanceIssues(v).map((i) => [
        i.severity,
        i.details.category,
        i.details.kind,
        i.details.bound,
      ]),
    ).toEqual([['error', 'retention', 'max', 0.2]]);
    expect(isPassing(v.status)).toBe(false);
  });

  it('engagement 22.5 % (9 of 40): a category_balance error on engagement, and not passed', async () => {
    const v = crafted(await week(), { revenue: 23, engagement: 9, retention: 8 });
    expect(
      balanceIssues(v).map((i) => [
        i.severity,
        i.details.category,
        i.details.kind,
        i.details.bound,
      ]),
    ).toEqual([['error', 'engagement', 'min', 0.25]]);
    expect(isPassing(v.status)).toBe(false);
  });

  it('follow-ups are counted apart: 11 revenue items of 40 stay 27.5 % whatever the follow-ups', async () => {
    const [b] = balanceIssues(crafted(await week(), { revenue: 11, engagement: 21, retention: 8 }));
    expect(b?.details.allocatedItems).toBe(40);
    expect(b?.details.counts).toEqual({ revenue: 11, engagement: 21, retention: 8 });
    expect(b?.details.followups.count).toBeGreaterThan(0);
  });
});
