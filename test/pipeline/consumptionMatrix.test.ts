/**
 * Walks seed 001's OptimizedVolumeResult consumption matrix: each field is consumed by the phase
 * the matrix names, and the five consumption rules hold.
 */
import * as TE from 'fp-ts/lib/TaskEither.js';
import { describe, expect, it } from 'vitest';
import {
  allocateWeek,
  calculateOptimizedVolume,
  checkCaptionPool,
  inMemoryPorts,
  matchContent,
  type PhaseContext,
  suggestPrice,
  type ValidationInput,
  type VolumeResult,
  validateSchedule,
} from '../../src/index';
import { newTrace } from '../../src/ports/trace';
import {
  ctx as contentCtx,
  loaded as contentLoaded,
  volume as contentVolume,
} from '../content/fixtures';
import { buildRight, creatorFixture, datasetFixture } from './fixtures';

const WEEK_START = '2025-01-20';
const creator = creatorFixture({ creatorId: 'matrix', timezone: 'UTC', fanCount: 8000 });
const dataset = datasetFixture(creator, WEEK_START);

const volumeWith = (over: Partial<VolumeResult>): VolumeResult => ({
  ...calculateOptimizedVolume({
    creator,
    trends: null,
    history: [],
    asOf: WEEK_START,
    vault: null,
    usableCaptions: null,
  }),
  ...over,
});

const ctx: PhaseContext = { ...contentCtx, creator };

describe('OptimizedVolumeResult consumption matrix (001 §1.2.1)', () => {
  it('phase 1: the build carries every field of the volume result', async () => {
    const r = await buildRight({ creatorId: 'matrix', weekStart: WEEK_START, seed: 1 }, dataset);
    for (const field of [
      'finalConfig',
      'weeklyDistribution',
      'dowMultipliersUsed',
      'contentAllocations',
      'confidenceScore',
      'messageCount',
      'fusedSaturation',
      'fusedOpportunity',
      'divergenceDetected',
      'elasticityCapped',
      'adjustmentsApplied',
      'captionWarnings',
      'captionShortages',
      'predictionId',
    ])
      expect(r.volume).toHaveProperty(field);
    expect(r.volume.adjustmentsApplied[0]).toBe('base_tier_calculation');
    expect(r.volume.auditTrail.map((a) => a.adjustment)).toEqual(r.volume.adjustmentsApplied);
  });

  it('phase 2 (primary): day quotas come from weeklyDistribution, not a fixed table', () => {
    const weeklyDistribution = { 0: 8, 1: 9, 2: 10, 3: 11, 4: 12, 5: 13, 6: 14 } as const;
    const v = volumeWith({ weeklyDistribution, confidenceScore: 0.95 });
    const a = allocateWeek(ctx, contentLoaded(), v);
    // 2025-01-20 is a Monday: day index = weekday.
    expect(a.days.map((d) => d.quotas.revenue + d.quotas.engagement + d.quotas.retention)).toEqual([
      8, 9, 10, 11, 12, 13, 14,
    ]);
  });

  it('phase 2: confidence below 0.6 damps the revenue quotas toward the conservative quota', () => {
    const high = allocateWeek(ctx, contentLoaded(), volumeWith({ confidenceScore: 0.95 }));
    const low = allocateWeek(ctx, contentLoaded(), volumeWith({ confidenceScore: 0.1 }));
    const rev = (x: typeof high) => x.days.map((d) => d.quotas.revenue);
    expect(rev(low).every((r, i) => Math.abs(r - 3) <= Math.abs((rev(high)[i] ?? 0) - 3))).toBe(
      true,
    );
    expect(low.issues.map((i) => i.code)).toContain('quota_dampened');
  });

  it('phase 2 and 3: content allocations choose the content of media sends', async () => {
    const v = contentVolume({ contentAllocations: { boy_girl: 4 } });
    const a = allocateWeek(ctx, contentLoaded(), v);
    const content = await matchContent(
      ctx,
      contentLoaded({
        vault: {
          contentTypes: { solo: 9, boy_girl: 3 },
          media: { video: 9, picture: 9, gif: 9 },
          flyers: 2,
        },
      }),
      a,
      v,
      newTrace(undefined),
    )(inMemoryPorts({ creators: [creator], history: [], captions: [] }))();
    if (content._tag === 'Left') throw new Error(content.left.message);
    const media = content.right.slots.filter((s) => s.contentTypeId !== null);
    expect(media.length).toBeGreaterThan(0);
    expect(media[0]?.contentTypeId).toBe('boy_girl');
  });

  // Issue 6 "the same shortage is reported once": the caption_warnings alert is the
  // caption_pool_low warning of validation check 8; phase 3 does not report it a second time.
  it('caption_warnings alert once: a caption_pool_low warning of validation, not of phase 3', async () => {
    const v = contentVolume({
      captionWarnings: ['Low captions for ppv_followup: <3 usable'],
      captionShortages: [{ sendTypeKey: 'ppv_followup', usable: 2 }],
    });
    const a = allocateWeek(ctx, contentLoaded(), v);
    const content = await matchContent(
      ctx,
      contentLoaded(),
      a,
      v,
      newTrace(undefined),
    )({
      ...inMemoryPorts({ creators: [creator], history: [], captions: [] }),
      getCaptionCandidates: () => TE.right([]),
    })();
    if (content._tag === 'Left') throw new Error(content.left.message);
    expect(content.right.issues.filter((i) => i.code.startsWith('caption_pool'))).toEqual([]);
    const pool = checkCaptionPool({ volume: v, policy: contentCtx.policy } as ValidationInput);
    expect(pool.map((i) => [i.code, i.severity, i.message])).toEqual([
      ['caption_pool_low', 'warning', 'Low captions for ppv_followup: <3 usable'],
    ]);
  });

  it('phase 7a: pricing moves toward the history median by the confidence', () => {
    const history = dataset.history.filter((m) => m.sendTypeKey === 'ppv_unlock');
    const p0 = suggestPrice('ppv_unlock', history, 0);
    const p1 = suggestPrice('ppv_unlock', history, 1);
    expect(p0).not.toBeNull();
    expect(p1).not.toBe(p0);
  });

  it('phase 7b: low confidence is a warning; below 0.3 the week fails unless overridden', async () => {
    const r = await buildRight({ creatorId: 'matrix', weekStart: WEEK_START, seed: 1 }, dataset);
    const input = {
      creator,
      weekDates: Object.keys(r.summary.byDay),
      items: r.items,
      vault: null,
      persona: null,
      dailyStrategies: r.summary.dailyStrategies,
      priorIssues: [],
      policy: contentCtx.policy,
    };
    const low = validateSchedule({
      ...input,
      volume: { ...r.volume, confidenceScore: 0.2 },
      manualConfidenceOverride: false,
    });
    expect(low.status).toBe('failed');
    expect(low.errors.map((e) => e.code)).toContain('confidence_too_low');
    expect(low.warnings.map((w) => w.code)).toContain('low_confidence');
    const overridden = validateSchedule({
      ...input,
      volume: { ...r.volume, confidenceScore: 0.2 },
      manualConfidenceOverride: true,
    });
    expect(overridden.errors.map((e) => e.code)).not.toContain('confidence_too_low');
  });

  it('phase 7b: divergence and elasticity caps are reported; caption pool shortages ask for captions', async () => {
    const r = await buildRight({ creatorId: 'matrix', weekStart: WEEK_START, seed: 1 }, dataset);
    const report = validateSchedule({
      creator,
      weekDates: Object.keys(r.summary.byDay),
      items: r.items,
      vault: null,
      persona: null,
      dailyStrategies: r.summary.dailyStrategies,
      priorIssues: [],
      policy: contentCtx.policy,
      manualConfidenceOverride: false,
      volume: {
        ...r.volume,
        divergenceDetected: true,
        elasticityCapped: true,
        captionWarnings: ['Critical shortage for bundle: 0 usable captions'],
        captionShortages: [{ sendTypeKey: 'bundle', usable: 0 }],
      },
    });
    const codes = report.warnings.map((w) => w.code);
    expect(codes).toEqual(
      expect.arrayContaining(['divergence_detected', 'elasticity_capped', 'caption_pool_critical']),
    );
    // a critical shortage asks for a caption review: at best needs_review
    expect(['needs_review', 'failed']).toContain(report.status);
    expect(report.recommendations.some((x) => x.startsWith('CREATE NEW CAPTIONS: bundle'))).toBe(
      true,
    );
    expect(report.requiresCaptionReview).toBe(true);
  });

  it('prediction tracking: the id comes back from the port, and nothing is written when tracking is off', async () => {
    const saved: unknown[] = [];
    const ports = {
      ...inMemoryPorts(dataset),
      saveVolumePrediction: (p: unknown) => {
        saved.push(p);
        return TE.right({ predictionId: 'pred-1' });
      },
    };
    const { buildSchedule } = await import('../../src/index');
    const off = await buildSchedule({ creatorId: 'matrix', weekStart: WEEK_START, seed: 1 })(
      ports,
    )();
    expect(saved).toHaveLength(0);
    expect(off._tag === 'Right' && off.right.volume.predictionId).toBeNull();
    const on = await buildSchedule({
      creatorId: 'matrix',
      weekStart: WEEK_START,
      seed: 1,
      options: { trackPrediction: true },
    })(ports)();
    expect(saved).toHaveLength(1);
    expect(on._tag === 'Right' && on.right.volume.predictionId).toBe('pred-1');
    expect(on._tag === 'Right' && on.right.volume.adjustmentsApplied).toContain(
      'prediction_tracked',
    );
  });
});
