/**
 * `recordOutcomes`: a built week and its actual results into the seed 004 records. Expected
 * values are literals or are computed here by hand from the week's own items (never from the
 * library's policy).
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  decodeWith,
  type ItemActual,
  isOptimalWindow,
  recordOutcomes,
  type ScheduleResult,
  VolumeAdjustmentOutcomeRecordC,
  volumeCalculationLogOf,
  volumePredictionRecordOf,
  type WeekActuals,
} from '../../src/index';
import { buildRight, creatorFixture, datasetFixture } from '../pipeline/fixtures';
import { fuzzRuns, junk, nastyNumber } from '../support/junk';

const WEEK = '2025-01-20';
let week: ScheduleResult;

beforeAll(async () => {
  // 30,000 fans, avgRevenuePerMessage 12 USD, tracked scores 45 / 55
  const creator = creatorFixture();
  week = await buildRight(
    { creatorId: creator.creatorId, weekStart: WEEK, seed: 5 },
    datasetFixture(creator, WEEK),
  );
});

/** Every item sent to 1,000 fans, 400 views, 20 purchases, 15 USD. */
const everyItem = (over: Partial<ItemActual> = {}): ReadonlyArray<ItemActual> =>
  week.items.map((i) => ({
    slotId: i.slotId,
    sent: 1000,
    viewed: 400,
    purchased: 20,
    earnings: 15,
    ...over,
  }));

describe('isOptimalWindow (004 ppv_followup_tracking: 15-45 minutes)', () => {
  it('15 and 45 are inside, 14.99 and 45.01 outside, NaN never', () => {
    expect([15, 28, 45].map((g) => isOptimalWindow(g))).toEqual([true, true, true]);
    expect([14.99, 45.01, 0, -20, 90].map((g) => isOptimalWindow(g))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(isOptimalWindow(Number.NaN)).toBe(false);
    expect(isOptimalWindow(Number.POSITIVE_INFINITY)).toBe(false);
  });
});

describe('recordOutcomes over a built week', () => {
  it('the volume prediction: inputs, predictions and the measured outcome with its errors', () => {
    const n = week.items.length;
    const revenueSends = week.items.filter((i) => !i.isFollowUp && i.category === 'revenue').length;
    const r = recordOutcomes(week, { items: everyItem(), measuredAt: '2025-01-28T09:00:00+01:00' });
    expect(r.issues).toEqual([]);
    const p = r.volumePrediction;
    expect(p).toMatchObject({
      creatorId: 'dst_creator',
      inputFanCount: 30_000,
      inputPageType: 'paid',
      inputSaturation: 45,
      inputOpportunity: 55,
      predictedTier: 'ultra',
      predictedWeeklyMessages: n,
      predictedWeeklyRevenue: 12 * n,
      weekStartDate: WEEK,
      actualTotalRevenue: 15 * n,
      actualMessagesSent: n,
      actualAvgRps: 15,
      actualRevenuePerDay: revenueSends / 7,
      outcomeMeasured: true,
      outcomeMeasuredAt: '2025-01-28T08:00:00.000Z',
      volumePredictionErrorPct: 0,
    });
    // (12 n - 15 n) / 15 n = -20 %
    expect(p.revenuePredictionErrorPct).toBeCloseTo(-20, 9);
    expect(p.predictedRevenuePerDay).toBe(week.volume.finalConfig.revenuePerDay);
    expect(volumePredictionRecordOf(week)).toMatchObject({
      outcomeMeasured: false,
      actualTotalRevenue: null,
      revenuePredictionErrorPct: null,
    });
  });

  it('half the week sent: the volume error is +100 % (predicted twice what was sent)', () => {
    const half = week.items.filter((_, k) => k % 2 === 0);
    const r = recordOutcomes(week, {
      items: week.items.flatMap((i, k) =>
        k % 2 === 0
          ? [{ slotId: i.slotId, sent: 1000, viewed: 400, purchased: 20, earnings: 15 }]
          : [],
      ),
    });
    expect(r.volumePrediction.actualMessagesSent).toBe(half.length);
    expect(r.volumePrediction.volumePredictionErrorPct).toBeCloseTo(
      ((week.items.length - half.length) / half.length) * 100,
      9,
    );
    expect(r.volumePrediction.outcomeMeasuredAt).toBeNull();
  });

  it('the adjustment outcome: rates, deltas, the signal of a hand-computed example and its class', () => {
    // revenue per send 15 against the profile's 12 -> +25 %; saturation 45 -> 40, opportunity 55 -> 60
    const r = recordOutcomes(week, {
      items: everyItem(),
      outcomeScores: { saturationScore: 40, opportunityScore: 60 },
    });
    const o = r.adjustmentOutcome;
    expect(o).toMatchObject({
      creatorId: 'dst_creator',
      weekStartDate: WEEK,
      measurementPeriod: '7d',
      inputSaturationScore: 45,
      inputOpportunityScore: 55,
      inputTier: 'ultra',
      outcomeSaturationScore: 40,
      outcomeOpportunityScore: 60,
      outcomeScoreSource: 'provided',
      outcomeRevenuePerSend: 15,
      outcomeViewRate: 0.4,
      outcomePurchaseRate: 0.05,
      outcomeMessagesSent: week.items.length,
      saturationDelta: -5,
      opportunityDelta: 5,
      outcomeClassification: 'improved',
      appliedToLearning: false,
      appliedAt: null,
    });
    expect(o.revenuePerSendChangePct).toBeCloseTo(25, 9);
    // 0.6 x 25/50 + 0.2 x 5/25 + 0.2 x 5/25
    expect(o.learningSignal).toBeCloseTo(0.38, 9);
    expect(o.logId).toBe(r.calculationLog.logId);
    expect(o.outcomeId).toBe(`${r.calculationLog.logId}:outcome`);
    // tracked 45 / 55 and trend +5 %: no 002 adjustment applied this week
    expect(o.adjustmentKinds).toEqual([]);
  });

  it('a worse week is degraded, with a negative signal; a baseline from the caller wins over the profile', () => {
    const r = recordOutcomes(week, {
      items: everyItem({ earnings: 6 }),
      outcomeScores: { saturationScore: 70, opportunityScore: 30 },
    });
    // -50 % -> -1 (x0.6); +25 points saturation -> -1 (x0.2); -25 opportunity -> -1 (x0.2)
    expect(r.adjustmentOutcome.learningSignal).toBe(-1);
    expect(r.adjustmentOutcome.outcomeClassification).toBe('degraded');
    const b = recordOutcomes(week, {
      items: everyItem({ earnings: 6 }),
      baselineRevenuePerSend: 6,
    });
    expect(b.adjustmentOutcome.revenuePerSendChangePct).toBe(0);
  });

  it('without outcome scores, the 002 on-demand scores of the week itself; with nothing sent, nulls and a neutral 0', () => {
    const r = recordOutcomes(week, { items: everyItem() });
    expect(r.adjustmentOutcome.outcomeScoreSource).toBe('calculated_on_demand');
    expect(r.adjustmentOutcome.outcomeSaturationScore).not.toBeNull();
    const none = recordOutcomes(week, { items: [] });
    expect(none.adjustmentOutcome).toMatchObject({
      outcomeScoreSource: null,
      outcomeRevenuePerSend: null,
      outcomeTotalRevenue: 0,
      outcomeMessagesSent: 0,
      revenuePerSendChangePct: null,
      learningSignal: 0,
      outcomeClassification: 'neutral',
    });
    expect(none.volumePrediction.revenuePredictionErrorPct).toBeNull();
  });

  it('the calculation log mirrors the volume', () => {
    const log = volumeCalculationLogOf(week);
    expect(log).toMatchObject({
      logId: `${week.audit.generationId}:volume`,
      creatorId: 'dst_creator',
      trackingDate: WEEK,
      fanCount: 30_000,
      tier: 'ultra',
      dataSource: 'volume_performance_tracking',
      calculationSource: 'optimized',
      multiHorizonUsed: true,
      captionConstrained: false,
    });
    expect(log.adjustmentsApplied).toEqual(week.volume.adjustmentsApplied);
    expect(log.notes.startsWith('base_tier_calculation: ')).toBe(true);
  });

  it('the adjustment outcome decodes with its own codec (what the learning-signal port reads back)', () => {
    const r = recordOutcomes(week, {
      items: everyItem(),
      outcomeScores: { saturationScore: 40, opportunityScore: 60 },
    });
    const back = decodeWith(
      t.array(VolumeAdjustmentOutcomeRecordC),
      JSON.parse(JSON.stringify([r.adjustmentOutcome])),
      'o',
      { port: null },
    );
    expect(E.isRight(back) ? back.right : back.left).toEqual([r.adjustmentOutcome]);
  });
});

describe('recordOutcomes: follow-up tracking rows', () => {
  it('one row per follow-up, scheduled gaps inside 15-45 minutes; actual times move the gap', () => {
    const followups = week.items.filter((i) => i.isFollowUp);
    expect(followups.length).toBeGreaterThan(0);
    const scheduled = recordOutcomes(week, { items: [] }).followupTracking;
    expect(scheduled.map((r) => r.parentPpvId)).toEqual(followups.map((f) => f.parentItemId));
    for (const [k, row] of scheduled.entries()) {
      expect(row.gapMinutes).toBe(followups[k]?.followupDelayMinutes);
      expect(row.timeSource).toBe('scheduled');
      expect(row.isOptimalWindow).toBe(true);
    }
    const f = followups[0] as (typeof followups)[number];
    const parent = week.items.find(
      (i) => i.slotId === f.parentItemId,
    ) as (typeof week.items)[number];
    const at = (iso: string, minutes: number) =>
      new Date(Date.parse(iso) + minutes * 60_000).toISOString();
    // the parent went out 20 minutes late and the follow-up 31 minutes late: gap + 11 minutes
    const r = recordOutcomes(week, {
      items: [
        {
          slotId: parent.slotId,
          sent: 1,
          viewed: 1,
          purchased: 0,
          earnings: 0,
          sentAt: at(parent.scheduledAt, 20),
        },
        {
          slotId: f.slotId,
          sent: 1,
          viewed: 1,
          purchased: 0,
          earnings: 0,
          sentAt: at(f.scheduledAt, 31.5),
        },
      ],
    });
    const row = r.followupTracking[0];
    expect(row?.timeSource).toBe('actual');
    expect(row?.gapMinutes).toBe((f.followupDelayMinutes ?? 0) + 11.5);
    expect(row?.ppvType).toBe(parent.ppvStyle ?? parent.sendTypeKey);
    expect(row?.isOptimalWindow).toBe((f.followupDelayMinutes ?? 0) + 11.5 <= 45);
  });
});

describe('recordOutcomes: junk actuals are typed issues, never a throw', () => {
  it('unknown slots, negative numbers, NaN, strings, duplicates, unknown keys and bad fields: one actual_skipped each', () => {
    const [a, b] = week.items;
    const r = recordOutcomes(week, {
      items: [
        { slotId: a?.slotId, sent: 10, viewed: 5, purchased: 1, earnings: 20 },
        { slotId: 'no_such_slot', sent: 10, viewed: 5, purchased: 1, earnings: 20 },
        { slotId: b?.slotId, sent: -1, viewed: 5, purchased: 1, earnings: 20 },
        { slotId: b?.slotId, sent: 10, viewed: 5, purchased: 1, earnings: Number.NaN },
        { slotId: b?.slotId, sent: '10', viewed: 5, purchased: 1.5, earnings: 20 },
        { slotId: a?.slotId, sent: 99, viewed: 5, purchased: 1, earnings: 99 },
        null,
      ],
      measuredAt: 'yesterday',
      outcomeScores: { saturationScore: 140, opportunityScore: 50 },
      baselineRevenuePerSend: -3,
      bogus: 1,
    } as unknown as WeekActuals);
    expect(r.issues.map((i) => [i.code, i.severity, i.path, i.details.reason])).toEqual([
      ['actual_skipped', 'warning', 'actuals.bogus', 'invalid'],
      ['actual_skipped', 'warning', 'actuals.items[1].slotId', 'unknown_slot'],
      ['actual_skipped', 'warning', 'actuals.items[2].sent', 'invalid'],
      ['actual_skipped', 'warning', 'actuals.items[3].earnings', 'invalid'],
      ['actual_skipped', 'warning', 'actuals.items[4].sent', 'invalid'],
      ['actual_skipped', 'warning', 'actuals.items[4].purchased', 'invalid'],
      ['actual_skipped', 'warning', 'actuals.items[5].slotId', 'duplicate_slot'],
      ['actual_skipped', 'warning', 'actuals.items[6]', 'invalid'],
      ['actual_skipped', 'warning', 'actuals.measuredAt', 'invalid'],
      ['actual_skipped', 'warning', 'actuals.outcomeScores.saturationScore', 'invalid'],
      ['actual_skipped', 'warning', 'actuals.baselineRevenuePerSend', 'invalid'],
    ]);
    expect(r.issues[0]?.message).toBe('actuals.bogus: unknown key; skipped');
    // only the first entry counted
    expect(r.volumePrediction.actualMessagesSent).toBe(1);
    expect(r.volumePrediction.actualTotalRevenue).toBe(20);
    expect(r.volumePrediction.outcomeMeasuredAt).toBeNull();
  });

  it('a value that is no week actuals at all: one issue at actuals', () => {
    for (const u of [null, 42, 'x', [1, 2]]) {
      const r = recordOutcomes(week, u as unknown as WeekActuals);
      expect(r.issues.map((i) => [i.code, i.path])).toEqual([['actual_skipped', 'actuals']]);
      expect(r.volumePrediction.actualMessagesSent).toBe(0);
    }
  });

  it('property: never throws on random junk; every issue names a path; the signal stays in -1..1', () => {
    const slot = fc.oneof(fc.constantFrom(...week.items.slice(0, 5).map((i) => i.slotId)), junk);
    const entry = fc.oneof(
      junk,
      fc.record({
        slotId: slot,
        sent: nastyNumber,
        viewed: nastyNumber,
        purchased: nastyNumber,
        earnings: nastyNumber,
        sentAt: junk,
      }),
      fc.record({
        slotId: slot,
        sent: fc.nat(1e6),
        viewed: fc.nat(1e6),
        purchased: fc.nat(1e6),
        earnings: fc.double({ min: 0, max: 1e9, noNaN: true }),
      }),
    );
    const actuals = fc.oneof(
      junk,
      fc.record(
        {
          items: fc.oneof(junk, fc.array(entry, { maxLength: 12 })),
          measuredAt: junk,
          outcomeScores: fc.oneof(
            junk,
            fc.record({ saturationScore: nastyNumber, opportunityScore: nastyNumber }),
          ),
          baselineRevenuePerSend: fc.oneof(junk, nastyNumber),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(actuals, (a) => {
        const r = recordOutcomes(week, a as WeekActuals);
        for (const i of r.issues) {
          expect(i.code).toBe('actual_skipped');
          expect(typeof i.path).toBe('string');
          expect(i.message.length).toBeGreaterThan(0);
        }
        const s = r.adjustmentOutcome.learningSignal;
        expect(Number.isFinite(s) && s >= -1 && s <= 1).toBe(true);
        expect(Number.isFinite(r.adjustmentOutcome.outcomeTotalRevenue)).toBe(true);
        for (const row of r.followupTracking) expect(Number.isFinite(row.gapMinutes)).toBe(true);
        const back = decodeWith(VolumeAdjustmentOutcomeRecordC, r.adjustmentOutcome, 'o', {
          port: null,
        });
        expect(E.isRight(back)).toBe(true);
      }),
      fuzzRuns(0x004_0201, 300),
    );
  });
});
