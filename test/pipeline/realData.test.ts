/**
 * The agency's 40 real creators, each built for the week of 2025-09-08 (seed 1) against the
 * real caption export. The export has no message history, vault or timing, and no PPV, bundle,
 * VIP or game captions: the builds must degrade (generic captions, `MANUAL_REQUIRED`,
 * fallbacks, minimum-safe volumes), never fail, and keep every hard rule (checked by the
 * independent oracle of `test/oracle/oracle.ts`).
 */
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSchedule,
  type CaptionRecord,
  type InMemoryDataset,
  inMemoryPorts,
  type ScheduleError,
  type SchedulePorts,
  type ScheduleResult,
  SEND_TYPES,
} from '../../src/index';
import { hardRuleViolations } from '../oracle/oracle';
import { hasRealData, loadRealDataset, REAL_DATA_SKIP_REASON } from '../support/realData';
import { weekShapeViolations } from './weekShape';

const ruleViolations = (r: ScheduleResult): ReadonlyArray<string> => [
  ...hardRuleViolations(r),
  ...weekShapeViolations(r),
];

const WEEK = '2025-09-08';

type Built = readonly [string, E.Either<ScheduleError, ScheduleResult>];

const buildAll = async (
  ports: SchedulePorts,
  creatorIds: ReadonlyArray<string>,
  manualConfidenceOverride = false,
): Promise<ReadonlyArray<Built>> => {
  const out: Built[] = [];
  for (const creatorId of creatorIds)
    out.push([
      creatorId,
      await buildSchedule({
        creatorId,
        weekStart: WEEK,
        seed: 1,
        options: { manualConfidenceOverride },
      })(ports)(),
    ]);
  return out;
};

const rights = (built: ReadonlyArray<Built>): ReadonlyArray<ScheduleResult> =>
  built.flatMap(([, r]) => (E.isRight(r) ? [r.right] : []));

if (!hasRealData())
  describe('real agency data', () => {
    it.skip(REAL_DATA_SKIP_REASON, () => {});
  });

describe.skipIf(!hasRealData())(
  'buildSchedule on the 40 real creators (week of 2025-09-08)',
  () => {
    let dataset: InMemoryDataset;
    let creatorIds: ReadonlyArray<string>;
    let byId: ReadonlyMap<string, CaptionRecord>;
    let built: ReadonlyArray<Built>;

    beforeAll(async () => {
      const real = loadRealDataset();
      dataset = real.dataset;
      creatorIds = real.creatorIds;
      byId = new Map(dataset.captions.map((c) => [c.captionId, c]));
      built = await buildAll(inMemoryPorts(dataset), creatorIds);
    });

    it('builds a Right week for all 40 creators', () => {
      expect(creatorIds).toHaveLength(40);
      expect(
        built
          .filter(([, r]) => E.isLeft(r))
          .map(([id, r]) => `${id}: ${E.isLeft(r) ? r.left.code : ''}`),
      ).toEqual([]);
    });

    it('keeps every hard rule for every creator', () => {
      const violations = rights(built).flatMap((r) =>
        ruleViolations(r).map((v) => `${r.creatorId}: ${v}`),
      );
      expect(violations).toEqual([]);
    });

    it('fills slots with real captions, compatible ones where the export has them', () => {
      const items = rights(built).flatMap((r) => r.items);
      const real = items.filter((i) => i.captionId !== null && byId.has(i.captionId));
      expect(real.length).toBeGreaterThan(items.length / 2);
      // every caption is a real one, with the bank's own text
      for (const i of items)
        if (i.captionId !== null) expect(i.captionText).toBe(byId.get(i.captionId)?.text);
      // some slots got a caption of one of their own send type's caption types
      const compatible = real.filter((i) =>
        SEND_TYPES[i.sendTypeKey].captionTypes.includes(
          byId.get(i.captionId as string)?.captionType as never,
        ),
      );
      expect(compatible.length).toBeGreaterThan(0);
    });

    it('gives slots without a compatible real caption a reported generic caption or MANUAL_REQUIRED', () => {
      const bankTypes = new Set(dataset.captions.map((c) => c.captionType));
      let uncovered = 0;
      for (const r of rights(built)) {
        const generic = new Set(
          r.summary.adjustments
            .filter((a) => a.code === 'generic_caption_used')
            .map((a) => String(a.details.slotId)),
        );
        for (const i of r.items) {
          const spec = SEND_TYPES[i.sendTypeKey];
          if (spec.captionTypes.some((t) => bankTypes.has(t))) continue;
          uncovered++;
          const ok =
            (i.needsCaption && i.captionId === null && i.captionText === 'MANUAL_REQUIRED') ||
            (i.captionId !== null && generic.has(i.slotId));
          expect(
            ok,
            `${r.creatorId} ${i.slotId} ${i.sendTypeKey} caption ${String(i.captionId)}`,
          ).toBe(true);
        }
      }
      // the export has no PPV, bundle, VIP or game captions: such slots exist
      expect(uncovered).toBeGreaterThan(0);
    });

    it('marks slots MANUAL_REQUIRED instead of failing when the real pool runs out', async () => {
      const scarce = { ...dataset, captions: dataset.captions.slice(0, 25) };
      const ids = creatorIds.slice(0, 3);
      const scarceBuilt = await buildAll(inMemoryPorts(scarce), ids);
      expect(scarceBuilt.filter(([, r]) => E.isLeft(r))).toEqual([]);
      for (const r of rights(scarceBuilt)) {
        expect(ruleViolations(r)).toEqual([]);
        const manual = r.items.filter((i) => i.needsCaption);
        expect(manual.length).toBeGreaterThan(0);
        expect(r.items.some((i) => i.captionId !== null)).toBe(true);
        expect(r.validation.requiresCaptionReview).toBe(true);
        // phase 3 reports a slot's manual caption, phase 6 a follow-up's (its own code now)
        const reported = new Set(
          r.summary.adjustments
            .filter(
              (a) => a.code === 'manual_caption_required' || a.code === 'followup_manual_caption',
            )
            .map((a) => String(a.details.slotId)),
        );
        for (const i of manual)
          expect(reported.has(i.slotId), `${r.creatorId} ${i.slotId}`).toBe(true);
      }
    });

    // RULINGS "new and sparse creators" overturns the old expectation (the missing history failed
    // every week on confidence_too_low): no history gives the minimum-safe volumes at confidence
    // 0.3, which the gate passes, and the week is at best passed_with_warnings.
    it('builds every creator from minimum-safe volumes at confidence 0.3, with no error', () => {
      for (const r of rights(built)) {
        expect(r.volume.confidenceScore, r.creatorId).toBe(0.3);
        expect(r.volume.calculationSource, r.creatorId).toBe('minimum_safe');
        expect(
          r.validation.warnings.some(
            (w) => w.code === 'volume_degraded' && w.details.level === 'minimum_safe',
          ),
          r.creatorId,
        ).toBe(true);
        expect(r.validation.errors.map((e) => `${r.creatorId}: ${e.code}`)).toEqual([]);
        expect(r.validation.status, r.creatorId).not.toBe('passed');
      }
    });

    // ISSUE-NOTES (issue 7): the export has no PPV captions, so its weeks honestly land at
    // needs_review; what holds them there is the caption review, never a failed rule.
    it('holds a week below passing only for the caption review (critical pools, manual captions)', () => {
      const held = rights(built)
        .filter((r) => !['passed', 'passed_with_warnings'].includes(r.validation.status))
        .map((r) => ({
          id: r.creatorId,
          status: r.validation.status,
          score: r.validation.score,
          review: r.validation.warnings.some(
            (w) => w.code === 'caption_pool_critical' || w.code === 'manual_captions_excessive',
          ),
        }));
      expect(held.filter((h) => h.status !== 'needs_review' || !h.review || h.score < 85)).toEqual(
        [],
      );
    });

    it('gives the same statuses with the manual confidence override, which it no longer needs', async () => {
      const overridden = await buildAll(inMemoryPorts(dataset), creatorIds, true);
      const statusOf = (xs: ReadonlyArray<ScheduleResult>) =>
        xs.map((r) => `${r.creatorId}: ${r.validation.status} ${r.validation.score}`);
      expect(statusOf(rights(overridden))).toHaveLength(40);
      expect(statusOf(rights(overridden))).toEqual(statusOf(rights(built)));
    });
  },
);
