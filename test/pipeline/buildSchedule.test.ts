/**
 * `buildSchedule`'s error values, degraded ports and the write paths (save, prediction
 * tracking), on a hand-built creator whose week passes validation.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { describe, expect, it } from 'vitest';
import {
  type Caption,
  inMemoryPorts,
  type MassMessage,
  type SaveScheduleRequest,
  type ScheduleError,
  type SchedulePorts,
  type ScheduleResult,
  type VolumePrediction,
} from '../../src/index';
import { hardRuleViolations } from '../oracle/oracle';
import { build, creatorFixture, datasetFixture } from './fixtures';

const creator = creatorFixture({ timezone: 'Europe/Berlin', fanCount: 8000 });
const weekStart = '2025-03-10';
const dataset = datasetFixture(creator, weekStart);
const ports = inMemoryPorts(dataset);
const inputs = { creatorId: creator.creatorId, weekStart, seed: 5 } as const;

const left = (r: E.Either<ScheduleError, ScheduleResult>): ScheduleError => {
  if (E.isRight(r)) throw new Error('expected a Left');
  return r.left;
};
const right = (r: E.Either<ScheduleError, ScheduleResult>): ScheduleResult => {
  if (E.isLeft(r)) throw new Error(`expected a Right, got ${r.left.code}: ${r.left.message}`);
  return r.right;
};

describe('buildSchedule errors', () => {
  it.each([
    ['weekStart', { ...inputs, weekStart: '2025-02-30' }],
    ['creatorId', { ...inputs, creatorId: '' }],
    ['seed', { ...inputs, seed: Number.NaN }],
  ] as const)('rejects an invalid %s with INVALID_INPUT naming the field', async (field, bad) => {
    const e = left(await build(bad, ports));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path)).toContain(`inputs.${field}`);
  });

  it('names every invalid field at once', async () => {
    const e = left(
      await build({ creatorId: '', weekStart: '2025-02-30', seed: Number.NaN }, ports),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['inputs.creatorId', 'inputs.weekStart', 'inputs.seed']),
    );
  });

  it('answers CREATOR_NOT_FOUND for an unknown creator', async () => {
    const e = left(await build({ ...inputs, creatorId: 'nobody' }, ports));
    expect(e.code).toBe('CREATOR_NOT_FOUND');
  });

  describe('a caption port answering performanceScore "n/a"', () => {
    const badCaptions: SchedulePorts = {
      ...ports,
      getCaptionCandidates: (q) =>
        TE.map((cs: ReadonlyArray<Caption>) =>
          cs.map((c, i) => (i === 1 ? { ...c, performanceScore: 'n/a' as unknown as number } : c)),
        )(ports.getCaptionCandidates(q)),
    };

    it('gives a Left naming the path of the bad value', async () => {
      const e = left(await build(inputs, badCaptions));
      expect(e.message).toContain('captions[1].performanceScore');
      expect(e.issues.map((i) => i.path)).toContain('captions[1].performanceScore');
    });

    it('is DECODE_FAILED, as documented for port data that does not decode', async () => {
      expect(left(await build(inputs, badCaptions)).code).toBe('DECODE_FAILED');
    });
  });

  it('degrades a failing optional port (getBestTiming) with a port_failed adjustment', async () => {
    const r = right(
      await build(inputs, {
        ...ports,
        getBestTiming: () => TE.left({ port: 'getBestTiming', message: 'timeout' }),
      }),
    );
    expect(r.items.length).toBeGreaterThan(0);
    expect(r.summary.adjustments).toContainEqual(
      expect.objectContaining({
        code: 'port_failed',
        details: expect.objectContaining({ port: 'getBestTiming' }),
      }),
    );
  });

  it('fails with PORT_FAILURE when a required port (getCaptionCandidates) fails', async () => {
    const e = left(
      await build(inputs, {
        ...ports,
        getCaptionCandidates: () => TE.left({ port: 'getCaptionCandidates', message: 'down' }),
      }),
    );
    expect(e.code).toBe('PORT_FAILURE');
    expect(e.message).toContain('getCaptionCandidates');
  });
});

describe('buildSchedule writes', () => {
  it('saves a passing week through saveSchedule and returns the templateId', async () => {
    const saved: SaveScheduleRequest[] = [];
    const r = right(
      await build(
        { ...inputs, options: { save: true } },
        {
          ...ports,
          saveSchedule: (req) => {
            saved.push(req);
            return TE.right({ templateId: `tpl_${req.creatorId}_${req.weekStart}` });
          },
        },
      ),
    );
    expect(['passed', 'passed_with_warnings']).toContain(r.validation.status);
    expect(r.templateId).toBe(`tpl_${creator.creatorId}_${weekStart}`);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.result.items).toEqual(r.items);
  });

  it('does not save without options.save', async () => {
    let calls = 0;
    const r = right(
      await build(inputs, {
        ...ports,
        saveSchedule: () => {
          calls++;
          return TE.right({ templateId: 'never' });
        },
      }),
    );
    expect(r.templateId).toBeNull();
    expect(calls).toBe(0);
  });

  it('tracks the volume prediction and records its id', async () => {
    const predictions: VolumePrediction[] = [];
    const r = right(
      await build(
        { ...inputs, options: { trackPrediction: true } },
        {
          ...ports,
          saveVolumePrediction: (p) => {
            predictions.push(p);
            return TE.right({ predictionId: 'pred_1' });
          },
        },
      ),
    );
    expect(r.volume.predictionId).toBe('pred_1');
    expect(r.volume.adjustmentsApplied).toContain('prediction_tracked');
    expect(predictions).toHaveLength(1);
    expect(predictions[0]?.creatorId).toBe(creator.creatorId);
  });
});

describe('deprecated send types in history', () => {
  it("reads 'ppv_message' rows as ppv_unlock: the same week, byte for byte", async () => {
    const priced = (m: MassMessage): MassMessage =>
      m.sendTypeKey === 'ppv_unlock' ? { ...m, price: 40, earnings: m.purchased * 40 } : m;
    const current = { ...dataset, history: dataset.history.map(priced) };
    const deprecated = {
      ...dataset,
      history: current.history.map((m) =>
        m.sendTypeKey === 'ppv_unlock'
          ? { ...m, sendTypeKey: 'ppv_message' as MassMessage['sendTypeKey'] }
          : m,
      ),
    };
    expect(deprecated.history.some((m) => (m.sendTypeKey as string) === 'ppv_message')).toBe(true);
    const a = right(await build(inputs, inMemoryPorts(deprecated)));
    const b = right(await build(inputs, inMemoryPorts(current)));
    const base = right(await build(inputs, ports));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    // the rows were read, not dropped: their prices moved the ppv_unlock price
    const price = (r: ScheduleResult) =>
      r.items.find((i) => i.sendTypeKey === 'ppv_unlock')?.suggestedPrice;
    expect(price(a)).not.toBe(price(base));
    expect(a.items.some((i) => (i.sendTypeKey as string) === 'ppv_message')).toBe(false);
  });
});

// RULINGS "new and sparse creators" (issue 6): a creator with no history and no tracked trends
// was failed on confidence_too_low; it now takes the minimum-safe volumes at confidence 0.3.
describe('a new creator (no history, no trends)', () => {
  it('builds a passing minimum-safe week, at best passed_with_warnings', async () => {
    const fresh = creatorFixture({ creatorId: 'new_creator', fanCount: 8000, pageType: 'paid' });
    const { trends: _t, ...rest } = datasetFixture(fresh, weekStart);
    const r = right(
      await build(
        { creatorId: fresh.creatorId, weekStart, seed: 5 },
        inMemoryPorts({ ...rest, history: [] }),
      ),
    );
    expect(r.volume.confidenceScore).toBe(0.3);
    // 001 "Error Handling" volume chain: minimum safe 3 / 3 / 1 a day
    expect(r.volume.finalConfig).toMatchObject({
      revenuePerDay: 3,
      engagementPerDay: 3,
      retentionPerDay: 1,
    });
    expect(r.validation.errors).toEqual([]);
    expect(r.validation.status).toBe('passed_with_warnings');
    expect(r.validation.warnings.find((w) => w.code === 'volume_degraded')?.details).toMatchObject({
      level: 'minimum_safe',
      confidenceScore: 0.3,
    });
    expect(hardRuleViolations(r)).toEqual([]);
  });
});
