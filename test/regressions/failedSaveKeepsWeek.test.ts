/**
 * Regression, issue 6 "Why" 4b: a failing `saveSchedule` discarded the finished week.
 *
 * Now (RULINGS "failed save"): the save is a saga (003 task 2.1b); when it fails - the port
 * rejects, throws, answers a `Left` or an answer that does not decode - the full built week is
 * returned (the same items as a build without save), with a `save_failed` error in
 * `validation.errors`, `save.status` `failed`, and a status that is no longer passed. The saga
 * log (seed 004 `saga_execution_log`, one record per status change) goes to `saveSagaLog`.
 *
 * The save saga has a single step, so no later step can fail after a write; the compensation
 * order is tested on `runSaga` directly, with a fake store and a fake clock.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { describe, expect, it } from 'vitest';
import {
  inMemoryPorts,
  runSaga,
  type SagaLogRecord,
  type SagaStep,
  type SchedulePorts,
  sagaStep,
} from '../../src/index';
import { datasetFixture } from '../pipeline/fixtures';
import { fakeTime } from '../support/fakeTime';
import { isPassing, richCreator, rightOf, runBuild, WEEK } from '../support/trustData';

const PORTS: SchedulePorts = inMemoryPorts(datasetFixture(richCreator, WEEK));
const INPUTS = { creatorId: richCreator.creatorId, weekStart: WEEK, seed: 31 };

const FAILING_SAVES: ReadonlyArray<readonly [string, SchedulePorts['saveSchedule']]> = [
  ['rejects', () => () => Promise.reject(new Error('deadlock detected'))],
  ['answers a Left', () => TE.left({ message: 'unique constraint violated', transient: false })],
  [
    'throws',
    () => {
      throw new Error('pool exhausted');
    },
  ],
  ['answers no template id', () => TE.right({ templateId: '' })],
  ['answers junk', () => TE.right('ok' as never)],
];

describe('regression: a failing saveSchedule keeps the week', () => {
  for (const [how, saveSchedule] of FAILING_SAVES)
    it(`a save that ${how}: the whole week, save_failed in the errors, save.status failed, not passed`, async () => {
      const unsaved = rightOf(await runBuild(INPUTS, PORTS));
      expect(isPassing(unsaved.validation.status)).toBe(true);
      const logs: SagaLogRecord[][] = [];
      const week = rightOf(
        await runBuild(
          { ...INPUTS, options: { save: true } },
          {
            ...PORTS,
            saveSchedule,
            saveSagaLog: (records: ReadonlyArray<SagaLogRecord>) => {
              logs.push([...records]);
              return TE.right(undefined);
            },
          },
        ),
      );
      expect(week.items).toEqual(unsaved.items);
      expect(week.volume).toEqual(unsaved.volume);
      expect(week.save.status).toBe('failed');
      expect(week.templateId).toBeNull();
      const failed = week.validation.errors.filter((i) => i.code === 'save_failed');
      expect(failed.map((i) => [i.severity, i.details.failedStep])).toEqual([
        ['error', 'save_schedule'],
      ]);
      expect(isPassing(week.validation.status)).toBe(false);
      // Nothing was written, so there is nothing to compensate: rolled back at once.
      expect(week.save.sagaStatus).toBe('rolled_back');
      expect(week.save.sagaLog.map((l) => l.status)).toEqual([
        'pending',
        'in_progress',
        'compensating',
        'rolled_back',
      ]);
      expect(logs).toEqual([week.save.sagaLog]);
    });

  it('a save that succeeds: saved, the template id, the saga log completed', async () => {
    const week = rightOf(
      await runBuild(
        { ...INPUTS, options: { save: true } },
        { ...PORTS, saveSchedule: () => TE.right({ templateId: 'tpl-31' }) },
      ),
    );
    expect([week.save.status, week.templateId, week.save.sagaStatus]).toEqual([
      'saved',
      'tpl-31',
      'completed',
    ]);
    expect(week.save.sagaLog.map((l) => l.status)).toEqual(['pending', 'in_progress', 'completed']);
  });
});

describe('runSaga compensates the completed steps in reverse order (003 task 2.1b)', () => {
  /** A fake store: a map the steps write to, with the order of every write and delete. */
  const fakeStore = () => {
    const rows = new Map<string, string>();
    const journal: string[] = [];
    const write = (key: string, fail = false): SagaStep<{ readonly key: string }> =>
      sagaStep({
        name: key,
        run: async () => {
          if (fail) return E.left(`cannot write ${key}`);
          rows.set(key, 'written');
          journal.push(`write ${key}`);
          return E.right({ key });
        },
        compensate: async (out) => {
          rows.delete(out.key);
          journal.push(`delete ${out.key}`);
          return E.right(undefined);
        },
      });
    return { rows, journal, write };
  };

  it('a third step failing: the second, then the first, are undone; rolled_back; the log per status change', async () => {
    const ft = fakeTime(Date.UTC(2025, 0, 20, 9));
    const store = fakeStore();
    const result = await runSaga(
      [
        store.write('schedule'),
        store.write('rotation_state'),
        store.write('followup_tracking', true),
      ] as ReadonlyArray<SagaStep<unknown>>,
      { sagaId: 'saga-1', creatorId: 'c1', clock: ft.clock },
    );
    expect(store.journal).toEqual([
      'write schedule',
      'write rotation_state',
      'delete rotation_state',
      'delete schedule',
    ]);
    expect(store.rows.size).toBe(0);
    expect(result.status).toBe('rolled_back');
    expect(result.completedSteps).toEqual(['schedule', 'rotation_state']);
    expect(result.compensatedSteps).toEqual(['rotation_state', 'schedule']);
    expect(result.failedStep).toBe('followup_tracking');
    expect(result.compensationErrors).toEqual([]);
    expect(result.log.map((l) => l.status)).toEqual([
      'pending',
      'in_progress',
      'compensating',
      'rolled_back',
    ]);
    expect(result.log.every((l) => l.sagaId === 'saga-1' && l.creatorId === 'c1')).toBe(true);
    expect(result.log[0]?.startedAt).toBe('2025-01-20T09:00:00.000Z');
    expect(result.log.at(-1)?.completedAt).toBe('2025-01-20T09:00:00.000Z');
  });

  it('a compensation that fails: the others still run, status failed, its error reported', async () => {
    const store = fakeStore();
    const broken: SagaStep<unknown> = sagaStep({
      name: 'rotation_state',
      run: async () => {
        store.journal.push('write rotation_state');
        return E.right({ key: 'rotation_state' });
      },
      compensate: async () => {
        throw new Error('rotation table locked');
      },
    });
    const result = await runSaga(
      [store.write('schedule'), broken, store.write('pins', true)] as ReadonlyArray<
        SagaStep<unknown>
      >,
      { sagaId: 'saga-2', creatorId: 'c1' },
    );
    expect(store.journal).toEqual(['write schedule', 'write rotation_state', 'delete schedule']);
    expect(result.status).toBe('failed');
    expect(result.compensatedSteps).toEqual(['rotation_state', 'schedule']);
    expect(result.compensationErrors).toHaveLength(1);
    expect(result.compensationErrors[0]).toMatch(/^rotation_state: .*rotation table locked/);
    expect(result.log.at(-1)?.status).toBe('failed');
  });

  it('a step that rejects, throws or answers junk fails the saga like a Left', async () => {
    for (const run of [
      () => Promise.reject(new Error('gone')),
      () => {
        throw new Error('gone');
      },
      async () => 'not an Either',
    ]) {
      const store = fakeStore();
      const result = await runSaga(
        [
          store.write('schedule'),
          {
            name: 'second',
            run,
            compensate: async () => E.right(undefined),
          } as unknown as SagaStep<unknown>,
        ] as ReadonlyArray<SagaStep<unknown>>,
        { sagaId: 'saga-3', creatorId: 'c1' },
      );
      expect([result.status, result.failedStep]).toEqual(['rolled_back', 'second']);
      expect(store.journal).toEqual(['write schedule', 'delete schedule']);
    }
  });
});
