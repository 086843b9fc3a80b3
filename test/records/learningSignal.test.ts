/**
 * The 004 learning signal: its formula and classification (project choices documented in
 * docs/rulings.md "Records"), and how the volume engine reads it (RULINGS "learning signal": a
 * negative signal for a kind of adjustment pulls that multiplier toward 1 by the signal's size,
 * a positive one leaves it; reported). Expected values are literals.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { describe, expect, it } from 'vitest';
import {
  applyLearningSignal,
  calculateDynamicVolume,
  classifyOutcome,
  type DynamicVolumeContext,
  type InMemoryDataset,
  inMemoryPorts,
  learningSignalOf,
  learningSignalsFor,
  resolvePolicy,
  type ScheduleResult,
  type VolumeAdjustmentOutcomeRecord,
} from '../../src/index';
import { build, creatorFixture, datasetFixture } from '../pipeline/fixtures';
import { fuzzRuns, nastyNumber } from '../support/junk';

describe('learningSignalOf and classifyOutcome', () => {
  it('a hand-computed signal: 0.6 x (25 / 50) + 0.2 x (5 / 25) + 0.2 x (5 / 25) = 0.38, improved', () => {
    const s = learningSignalOf({
      revenuePerSendChangePct: 25,
      saturationDelta: -5,
      opportunityDelta: 5,
    });
    expect(s).toBeCloseTo(0.38, 12);
    expect(classifyOutcome(s)).toBe('improved');
  });

  it('unknown parts are left out and the weights renormalised; nothing known is 0, neutral', () => {
    // revenue per send alone: -40 / 50 = -0.8
    expect(
      learningSignalOf({
        revenuePerSendChangePct: -40,
        saturationDelta: null,
        opportunityDelta: null,
      }),
    ).toBeCloseTo(-0.8, 12);
    // saturation alone: +10 points over 25 -> -0.4
    expect(
      learningSignalOf({
        revenuePerSendChangePct: null,
        saturationDelta: 10,
        opportunityDelta: Number.NaN,
      }),
    ).toBeCloseTo(-0.4, 12);
    const none = learningSignalOf({
      revenuePerSendChangePct: null,
      saturationDelta: null,
      opportunityDelta: null,
    });
    expect(none).toBe(0);
    expect(classifyOutcome(none)).toBe('neutral');
  });

  it('each part is clamped: a 500 % rise and a 100-point fall of saturation are a full +1', () => {
    expect(
      learningSignalOf({
        revenuePerSendChangePct: 500,
        saturationDelta: -100,
        opportunityDelta: 100,
      }),
    ).toBe(1);
  });

  it('classification: above 0.1 improved, below -0.1 degraded, the band itself neutral', () => {
    expect([0.11, 0.1, 0, -0.1, -0.11].map((s) => classifyOutcome(s))).toEqual([
      'improved',
      'neutral',
      'neutral',
      'neutral',
      'degraded',
    ]);
    expect(classifyOutcome(Number.NaN)).toBe('neutral');
  });

  it('property: the signal is always a finite number in -1..1, whatever the deltas and weights', () => {
    const part = fc.oneof(fc.constant(null), nastyNumber);
    const weights = fc
      .tuple(
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
      )
      .filter(([a, b, c]) => a + b + c > 0)
      .map(([a, b, c]) => {
        const n = a + b + c;
        const r = resolvePolicy({
          records: {
            learning: {
              weights: { revenuePerSend: a / n, saturation: b / n, opportunity: 1 - a / n - b / n },
            },
          },
        });
        return E.isRight(r) ? r.right : undefined;
      });
    fc.assert(
      fc.property(part, part, part, weights, (r, s, o, policy) => {
        const signal = learningSignalOf(
          { revenuePerSendChangePct: r, saturationDelta: s, opportunityDelta: o },
          policy,
        );
        expect(Number.isFinite(signal)).toBe(true);
        expect(signal).toBeGreaterThanOrEqual(-1);
        expect(signal).toBeLessThanOrEqual(1);
      }),
      fuzzRuns(0x004_0101, 500),
    );
  });
});

describe('applyLearningSignal: a negative signal pulls toward 1 by its size, a positive one leaves it', () => {
  it('literals', () => {
    expect(applyLearningSignal(0.7, -0.5)).toBeCloseTo(0.85, 12);
    expect(applyLearningSignal(1.2, -0.5)).toBeCloseTo(1.1, 12);
    expect(applyLearningSignal(0.9, -1)).toBe(1);
    expect(applyLearningSignal(0.7, -3)).toBe(1); // clamped to -1
    expect(applyLearningSignal(0.7, 0.6)).toBe(0.7);
    expect(applyLearningSignal(1.2, 0)).toBe(1.2);
    expect(applyLearningSignal(0.7, undefined)).toBe(0.7);
    expect(applyLearningSignal(0.7, Number.NaN)).toBe(0.7);
  });

  it('property: the pulled multiplier lies between the rule multiplier and 1', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0.7, 0.9, 1.1, 1.2),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (m, s) => {
          const p = applyLearningSignal(m, s);
          expect(p).toBeGreaterThanOrEqual(Math.min(m, 1) - 1e-12);
          expect(p).toBeLessThanOrEqual(Math.max(m, 1) + 1e-12);
          if (s >= 0) expect(p).toBe(m);
        },
      ),
      fuzzRuns(0x004_0102, 200),
    );
  });
});

describe('calculateDynamicVolume with learning signals (inside the 002 rule)', () => {
  const ctx = (over: Partial<DynamicVolumeContext> = {}): DynamicVolumeContext => ({
    fanCount: 30_000,
    pageType: 'paid',
    saturationScore: 80,
    opportunityScore: 50,
    revenueTrendPercent: null,
    dataSource: 'volume_performance_tracking',
    confidenceScore: 1,
    ...over,
  });

  it('saturation > 70 (x0.7): a signal of -0.5 pulls it to 0.85, -1 to 1; +0.5 leaves 0.7', () => {
    // ultra 8 / 6 a day: x0.7 -> 5.6 / 4.2 -> 6 / 4; x0.85 -> 6.8 / 5.1 -> 7 / 5; x1 -> 8 / 6
    const none = calculateDynamicVolume(ctx());
    expect(none.appliedMultiplier).toBe(0.7);
    expect(none.learningPulls).toEqual([]);
    expect(none.finalConfig).toMatchObject({ revenuePerDay: 6, engagementPerDay: 4 });

    const half = calculateDynamicVolume(ctx({ learningSignals: { saturation: -0.5 } }));
    expect(half.appliedMultiplier).toBeCloseTo(0.85, 12);
    expect(half.saturationMultiplier).toBe(0.7); // the rule's
    expect(half.finalConfig).toMatchObject({ revenuePerDay: 7, engagementPerDay: 5 });
    expect(half.adjustmentsApplied).toContain('learning_pull_saturation_x0.85');

    const full = calculateDynamicVolume(ctx({ learningSignals: { saturation: -1 } }));
    expect(full.appliedMultiplier).toBe(1);
    expect(full.finalConfig).toMatchObject({ revenuePerDay: 8, engagementPerDay: 6 });

    const positive = calculateDynamicVolume(ctx({ learningSignals: { saturation: 0.5 } }));
    expect(positive.appliedMultiplier).toBe(0.7);
    expect(positive.finalConfig).toEqual(none.finalConfig);
    expect(positive.learningPulls).toEqual([
      { kind: 'saturation', signal: 0.5, ruleMultiplier: 0.7, multiplier: 0.7 },
    ]);
    expect(positive.adjustmentsApplied).toEqual(none.adjustmentsApplied);
  });

  it('opportunity > 70 with saturation < 50 (x1.2): -0.5 pulls it to 1.1; a saturation signal does nothing there', () => {
    const c = ctx({ saturationScore: 40, opportunityScore: 80 });
    expect(calculateDynamicVolume(c).appliedMultiplier).toBe(1.2);
    expect(
      calculateDynamicVolume({ ...c, learningSignals: { opportunity: -0.5 } }).appliedMultiplier,
    ).toBeCloseTo(1.1, 12);
    const sat = calculateDynamicVolume({ ...c, learningSignals: { saturation: -1 } });
    expect(sat.appliedMultiplier).toBe(1.2);
    expect(sat.learningPulls).toEqual([]);
  });

  it('never a second change of counts: the revenue trend +1 stays, the bounds still hold', () => {
    const v = calculateDynamicVolume(
      ctx({ revenueTrendPercent: 20, learningSignals: { saturation: -1 } }),
    );
    // x1 -> 8 revenue, then the trend's +1 -> 9 (inside 1-10)
    expect(v.finalConfig.revenuePerDay).toBe(9);
    expect(v.trendAdjustment).toBe(1);
  });
});

const outcome = (over: Partial<VolumeAdjustmentOutcomeRecord>): VolumeAdjustmentOutcomeRecord => ({
  outcomeId: 'o1',
  logId: 'l1',
  creatorId: 'c1',
  weekStartDate: '2025-01-13',
  measuredAt: null,
  measurementPeriod: '7d',
  adjustmentKinds: ['saturation'],
  inputSaturationScore: 80,
  inputOpportunityScore: 50,
  inputTier: 'ultra',
  inputRevenuePerDay: 6,
  inputEngagementPerDay: 4,
  inputRetentionPerDay: 3,
  outcomeSaturationScore: null,
  outcomeOpportunityScore: null,
  outcomeScoreSource: null,
  outcomeRevenuePerSend: null,
  outcomeTotalRevenue: 0,
  outcomeViewRate: null,
  outcomePurchaseRate: null,
  outcomeMessagesSent: 0,
  saturationDelta: null,
  opportunityDelta: null,
  revenuePerSendChangePct: null,
  outcomeClassification: 'degraded',
  learningSignal: -0.4,
  appliedToLearning: false,
  appliedAt: null,
  ...over,
});

describe('learningSignalsFor: the past outcomes the engine reads', () => {
  it('per kind, the mean of the latest 4 outcomes of earlier weeks of the creator', () => {
    const signals = learningSignalsFor(
      [
        outcome({ outcomeId: 'a', weekStartDate: '2024-12-09', learningSignal: 1 }), // fifth latest: out
        outcome({ outcomeId: 'b', weekStartDate: '2024-12-16', learningSignal: -0.2 }),
        outcome({ outcomeId: 'c', weekStartDate: '2024-12-23', learningSignal: -0.4 }),
        outcome({ outcomeId: 'd', weekStartDate: '2024-12-30', learningSignal: -0.6 }),
        outcome({
          outcomeId: 'e',
          weekStartDate: '2025-01-06',
          learningSignal: 0.2,
          adjustmentKinds: ['saturation', 'opportunity'],
        }),
        outcome({ outcomeId: 'f', weekStartDate: '2025-01-20', learningSignal: 1 }), // this week: out
        outcome({
          outcomeId: 'g',
          weekStartDate: '2025-01-13',
          learningSignal: -1,
          creatorId: 'other',
        }), // other creator: out
        outcome({
          outcomeId: 'h',
          weekStartDate: '2025-01-13',
          learningSignal: -1,
          adjustmentKinds: ['revenue_trend'],
        }), // not a multiplier kind
      ],
      'c1',
      '2025-01-20',
    );
    // saturation: (0.2 - 0.6 - 0.4 - 0.2) / 4 = -0.25; opportunity: 0.2 (one outcome)
    expect(signals.saturation?.outcomes).toBe(4);
    expect(signals.saturation?.signal).toBeCloseTo(-0.25, 12);
    expect(signals.opportunity).toEqual({ signal: 0.2, outcomes: 1 });
    expect(learningSignalsFor(null, 'c1', '2025-01-20')).toEqual({});
  });
});

describe('the learning signal port in a build (getAdjustmentOutcomes)', () => {
  const WEEK = '2025-01-20';
  // mid tier: 4 revenue sends a day before the 002 rule
  const creator = creatorFixture({ creatorId: 'c1', fanCount: 2_000 });
  // saturation 80 on every horizon: the 002 rule's x0.7
  const base = datasetFixture(creator, WEEK);
  const saturated: InMemoryDataset = {
    ...base,
    trends: {
      c1: {
        horizons: {
          '7d': { saturationScore: 80, opportunityScore: 50 },
          '14d': { saturationScore: 80, opportunityScore: 50 },
          '30d': { saturationScore: 80, opportunityScore: 50 },
        },
        revenueTrendPercent: 0,
        messageCount: 270,
      },
    },
  };
  const inputs = { creatorId: 'c1', weekStart: WEEK, seed: 11 };
  const right = async (r: Promise<E.Either<unknown, ScheduleResult>>) => {
    const x = await r;
    if (E.isLeft(x)) throw new Error('expected a week');
    return x.right;
  };
  const learning = (w: ScheduleResult) =>
    w.validation.notes.filter((i) => i.code === 'learning_signal_applied');

  it('a negative signal pulls the saturation multiplier toward 1 (more sends) and is reported; a positive one leaves the week', async () => {
    const plain = await right(build(inputs, inMemoryPorts(saturated)));
    const negative = await right(
      build(
        inputs,
        inMemoryPorts({
          ...saturated,
          adjustmentOutcomes: { c1: [outcome({ learningSignal: -1 })] },
        }),
      ),
    );
    const positive = await right(
      build(
        inputs,
        inMemoryPorts({
          ...saturated,
          adjustmentOutcomes: { c1: [outcome({ learningSignal: 0.7 })] },
        }),
      ),
    );
    expect(plain.volume.adjustmentsApplied).toContain('saturation_x0.7');
    expect(learning(plain)).toEqual([]);

    expect(negative.volume.adjustmentsApplied).toContain('learning_pull_saturation_x1');
    // mid 4 revenue sends a day: x0.7 -> 2.8 -> 3, pulled to x1 -> 4
    expect([
      plain.volume.finalConfig.revenuePerDay,
      negative.volume.finalConfig.revenuePerDay,
    ]).toEqual([3, 4]);
    expect(negative.volume.weeklyTotal).toBeGreaterThan(plain.volume.weeklyTotal);
    expect(learning(negative).map((i) => i.details)).toEqual([
      {
        kind: 'saturation',
        signal: -1,
        outcomes: 1,
        ruleMultiplier: 0.7,
        multiplier: 1,
        pulled: true,
      },
    ]);

    expect(learning(positive).map((i) => [i.details.pulled, i.details.multiplier])).toEqual([
      [false, 0.7],
    ]);
    expect(positive.items).toEqual(plain.items);
    expect(positive.volume.finalConfig).toEqual(plain.volume.finalConfig);
  });

  it('without the port the week is unchanged; an empty answer changes nothing either', async () => {
    const plain = await right(build(inputs, inMemoryPorts(saturated)));
    const empty = await right(
      build(inputs, inMemoryPorts({ ...saturated, adjustmentOutcomes: {} })),
    );
    expect(empty.items).toEqual(plain.items);
    expect(empty.volume).toEqual(plain.volume);
    expect(
      empty.audit.events.some((e) => e.type === 'port_call' && e.port === 'getAdjustmentOutcomes'),
    ).toBe(true);
    expect(
      plain.audit.events.some((e) => e.type === 'port_call' && e.port === 'getAdjustmentOutcomes'),
    ).toBe(false);
  });

  it('a failing or undecodable port: the seed fallback (no signal) and a port_failed warning, never a throw', async () => {
    const plain = await right(build(inputs, inMemoryPorts(saturated)));
    for (const port of [
      () => () => Promise.reject(new Error('db down')),
      () => TE.right([{ learningSignal: 'very bad' }]),
      () => TE.left({ message: 'no table' }),
    ]) {
      const week = await right(
        build(inputs, { ...inMemoryPorts(saturated), getAdjustmentOutcomes: port as never }),
      );
      expect(week.items).toEqual(plain.items);
      expect(week.volume.finalConfig).toEqual(plain.volume.finalConfig);
      const failed = week.summary.adjustments.filter((i) => i.code === 'port_failed');
      expect(failed.map((i) => [i.path, i.severity])).toEqual([
        ['getAdjustmentOutcomes', 'warning'],
      ]);
    }
  });

  it('a store signal outside -1..1 does not decode (port_failed); the record round-trips through the port', async () => {
    const bad = await right(
      build(inputs, {
        ...inMemoryPorts(saturated),
        getAdjustmentOutcomes: () => TE.right([outcome({ learningSignal: -1.5 })]),
      }),
    );
    expect(
      bad.summary.adjustments.some((i) => i.code === 'port_failed' && i.details.kind === 'decode'),
    ).toBe(true);
    const ok = await right(
      build(inputs, {
        ...inMemoryPorts(saturated),
        getAdjustmentOutcomes: () => TE.right([{ ...outcome({ learningSignal: -0.5 }), id: 7 }]),
      }),
    );
    expect(ok.volume.adjustmentsApplied).toContain('learning_pull_saturation_x0.85');
  });
});
