/**
 * Regression, issue 6 "Why" 1a: a port that rejects or throws - even an optional one with a
 * documented fallback - ended as a rejected promise instead of a `Left` or a fallback.
 *
 * Now (RULINGS "port faults"): a required port's fault is a `Left` naming the port
 * (`PORT_FAILURE`, with how it failed); an optional port's fault is its seed fallback plus a
 * `port_failed` warning naming it, and the week is still built; the logger's failures are
 * ignored. `buildSchedule`'s task never rejects (`runBuild` fails the test if it does).
 */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { describe, expect, it } from 'vitest';
import { inMemoryPorts, type SchedulePorts } from '../../src/index';
import { workingWrites } from '../support/faultyPorts';
import {
  leanDataset,
  OPTIONAL_READS,
  REQUIRED_READS,
  richCreator,
  rightOf,
  runBuild,
  WEEK,
} from '../support/trustData';

const PORTS: SchedulePorts = { ...inMemoryPorts(leanDataset()), ...workingWrites() };
const INPUTS = { creatorId: richCreator.creatorId, weekStart: WEEK, seed: 4 };

const FAULTS = {
  rejects: {
    make: () => () => () => Promise.reject(new Error('db connection lost')),
    kind: 'rejected',
  },
  'throws when called': {
    make: () => () => {
      throw new Error('driver not loaded');
    },
    kind: 'threw',
  },
  'throws when its task runs': {
    make: () => () => () => {
      throw new TypeError('cannot read rows of undefined');
    },
    kind: 'threw',
  },
} as const;

describe('regression: a rejecting or throwing port ends as a Left or a fallback, never a rejected promise', () => {
  for (const port of REQUIRED_READS)
    for (const [how, f] of Object.entries(FAULTS))
      it(`required ${port} that ${how}: Left PORT_FAILURE naming it`, async () => {
        const r = await runBuild(INPUTS, { ...PORTS, [port]: f.make() });
        expect(E.isLeft(r)).toBe(true);
        if (E.isRight(r)) return;
        expect(r.left.code).toBe('PORT_FAILURE');
        expect(r.left.issues.map((i) => [i.code, i.path, i.details.port, i.details.kind])).toEqual([
          ['port_failure', port, port, f.kind],
        ]);
      });

  for (const port of OPTIONAL_READS)
    for (const [how, f] of Object.entries(FAULTS).slice(0, 2))
      it(`optional ${port} that ${how}: the fallback, a port_failed warning, and the week`, async () => {
        const week = rightOf(await runBuild(INPUTS, { ...PORTS, [port]: f.make() }));
        expect(week.items.length).toBeGreaterThan(0);
        const failed = week.summary.adjustments.filter((i) => i.code === 'port_failed');
        expect(failed.map((i) => [i.path, i.severity, i.details.kind])).toEqual([
          [port, 'warning', f.kind],
        ]);
        expect(typeof failed[0]?.details.fallback).toBe('string');
        expect(
          week.validation.warnings.some((i) => i.code === 'port_failed' && i.path === port),
        ).toBe(true);
        expect(
          week.audit.events.some(
            (e) =>
              e.type === 'port_call' &&
              e.port === port &&
              e.outcome === f.kind &&
              e.fallbackUsed !== null,
          ),
        ).toBe(true);
      });

  it('a rejecting saveVolumePrediction: no prediction id, prediction_failed, a port_failed warning, the week', async () => {
    const week = rightOf(
      await runBuild(
        { ...INPUTS, options: { trackPrediction: true } },
        { ...PORTS, saveVolumePrediction: FAULTS.rejects.make() },
      ),
    );
    expect(week.items.length).toBeGreaterThan(0);
    expect(week.volume.predictionId).toBeNull();
    expect(week.volume.adjustmentsApplied).toContain('prediction_failed');
    expect(
      week.summary.adjustments.filter((i) => i.code === 'port_failed').map((i) => i.path),
    ).toEqual(['saveVolumePrediction']);
  });

  it('a rejecting saveSagaLog after a save: the week is saved, the log failure is a port_failed warning', async () => {
    const week = rightOf(
      await runBuild(
        { ...INPUTS, options: { save: true } },
        { ...PORTS, saveSagaLog: FAULTS.rejects.make() },
      ),
    );
    expect(week.save.status).toBe('saved');
    expect(
      week.summary.adjustments.filter((i) => i.code === 'port_failed').map((i) => i.path),
    ).toEqual(['saveSagaLog']);
  });

  it('a logger that throws or rejects changes nothing', async () => {
    const plain = rightOf(await runBuild(INPUTS, PORTS));
    for (const log of [
      () => {
        throw new Error('log sink full');
      },
      () => Promise.reject(new Error('log sink full')),
    ]) {
      const week = rightOf(await runBuild(INPUTS, { ...PORTS, log }));
      expect(week.items).toEqual(plain.items);
      expect(week.validation).toEqual(plain.validation);
    }
  });

  it('an optional port answering a Left (the documented failure shape) degrades the same way', async () => {
    const week = rightOf(
      await runBuild(INPUTS, {
        ...PORTS,
        getBestTiming: () => TE.left({ message: 'timeout', transient: true }),
      }),
    );
    expect(
      week.summary.adjustments
        .filter((i) => i.code === 'port_failed')
        .map((i) => [i.path, i.details.kind]),
    ).toEqual([['getBestTiming', 'left']]);
    expect(week.summary.adjustments.some((i) => i.code === 'timing_default')).toBe(true);
  });
});
