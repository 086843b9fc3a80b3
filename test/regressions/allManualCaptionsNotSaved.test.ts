/**
 * Regression, issue 6 "Why" 3b: a week whose every caption was `MANUAL_REQUIRED` (an empty
 * caption bank) passed validation and was saved.
 *
 * Now (RULINGS "manual captions"): a week where more than 10 % of the items carry
 * `MANUAL_REQUIRED` is at best `needs_review`, and a week that does not pass is never saved
 * (`save.status` `refused`, the save port never called). The 10 % bound is checked on both
 * sides with `validateSchedule` on a crafted week.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { describe, expect, it } from 'vitest';
import {
  addDaysIso,
  inMemoryPorts,
  resolvePolicy,
  type ScheduleResult,
  validateSchedule,
} from '../../src/index';
import { datasetFixture } from '../pipeline/fixtures';
import { isPassing, richCreator, rightOf, runBuild, WEEK } from '../support/trustData';

/** Seed 001 "Caption shortage", final fallback. */
const MANUAL = 'MANUAL_REQUIRED';
/** RULINGS "manual captions". */
const MAX_MANUAL_SHARE = 0.1;

const DATASET = datasetFixture(richCreator, WEEK);
const INPUTS = {
  creatorId: richCreator.creatorId,
  weekStart: WEEK,
  seed: 14,
  options: { save: true },
};

describe('regression: a week of MANUAL_REQUIRED captions is at best needs_review and is not saved', () => {
  it('an empty caption bank: every item manual, not passed, save refused, saveSchedule never called', async () => {
    let saves = 0;
    const ports = {
      ...inMemoryPorts({ ...DATASET, captions: [] }),
      saveSchedule: () => {
        saves += 1;
        return TE.right({ templateId: 'must-not-happen' });
      },
    };
    const week = rightOf(await runBuild(INPUTS, ports));
    expect(week.items.length).toBeGreaterThan(0);
    for (const i of week.items) {
      expect(i.needsCaption).toBe(true);
      expect(i.captionText).toBe(MANUAL);
      expect(i.captionId).toBeNull();
    }
    expect(['needs_review', 'failed']).toContain(week.validation.status);
    const excessive = [...week.validation.errors, ...week.validation.warnings].find(
      (i) => i.code === 'manual_captions_excessive',
    );
    expect(excessive?.details).toMatchObject({ share: 1, maxShare: MAX_MANUAL_SHARE });
    expect(week.save.status).toBe('refused');
    expect(week.templateId).toBeNull();
    expect(saves).toBe(0);
  });

  describe('the 10 % bound, on a crafted week', () => {
    let built: ScheduleResult | undefined;
    const week = async () => {
      built ??= rightOf(await runBuild({ ...INPUTS, options: {} }, inMemoryPorts(DATASET)));
      return built;
    };
    const policy = (() => {
      const r = resolvePolicy({});
      if (E.isLeft(r)) throw new Error('no default policy');
      return r.right;
    })();
    /** The built week with its first `manual` items turned into manual-caption items. */
    const withManual = (w: ScheduleResult, manual: number) =>
      validateSchedule({
        creator: w.creator,
        weekDates: Array.from({ length: 7 }, (_, d) => addDaysIso(WEEK, d)),
        items: w.items.map((i, k) =>
          k < manual ? { ...i, needsCaption: true, captionId: null, captionText: MANUAL } : i,
        ),
        volume: w.volume,
        vault: DATASET.vaults?.[richCreator.creatorId] ?? null,
        persona: DATASET.personas?.[richCreator.creatorId] ?? null,
        dailyStrategies: w.summary.dailyStrategies,
        priorIssues: w.summary.adjustments,
        policy,
        manualConfidenceOverride: false,
      });

    it('the built week passes with no manual caption', async () => {
      const w = await week();
      expect(w.items.some((i) => i.needsCaption)).toBe(false);
      expect(isPassing(withManual(w, 0).status)).toBe(true);
    });

    it('exactly 10 % manual items is not capped by the rule', async () => {
      const w = await week();
      const atBound = Math.floor(w.items.length * MAX_MANUAL_SHARE);
      const v = withManual(w, atBound);
      expect(atBound / w.items.length).toBeLessThanOrEqual(MAX_MANUAL_SHARE);
      expect([...v.errors, ...v.warnings].some((i) => i.code === 'manual_captions_excessive')).toBe(
        false,
      );
      expect(isPassing(v.status)).toBe(true);
    });

    it('one item more than 10 % caps the week at needs_review', async () => {
      const w = await week();
      const over = Math.floor(w.items.length * MAX_MANUAL_SHARE) + 1;
      const v = withManual(w, over);
      expect(over / w.items.length).toBeGreaterThan(MAX_MANUAL_SHARE);
      expect([...v.errors, ...v.warnings].some((i) => i.code === 'manual_captions_excessive')).toBe(
        true,
      );
      expect(isPassing(v.status)).toBe(false);
      expect(['needs_review', 'failed']).toContain(v.status);
    });
  });
});
