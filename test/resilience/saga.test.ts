import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { runSaga, type SagaStatus, type SagaStep, sagaStep } from '../../src/resilience';
import { instantTime } from './support/virtualTime';

const META = { sagaId: 'saga-1', creatorId: 'c1' };

/** A step that records what happened to it in `trace`. */
const step = (
  name: string,
  trace: string[],
  opts: { readonly fail?: boolean; readonly compensationFails?: boolean } = {},
): SagaStep<string> => ({
  name,
  run: async () => {
    trace.push(`run ${name}`);
    return opts.fail === true ? E.left(`${name} broke`) : E.right(`${name} output`);
  },
  compensate: async (output) => {
    trace.push(`undo ${name} (${output})`);
    return opts.compensationFails === true ? E.left(`cannot undo ${name}`) : E.right(undefined);
  },
});

const statuses = (log: ReadonlyArray<{ status: SagaStatus }>) => log.map((r) => r.status);

describe('runSaga (003 task 2.1b)', () => {
  it('completes when every step succeeds', async () => {
    const trace: string[] = [];
    const r = await runSaga(
      [step('rotation_update', trace), step('followup_generation', trace)],
      META,
    );
    expect(r.status).toBe('completed');
    expect(r.completedSteps).toEqual(['rotation_update', 'followup_generation']);
    expect(r.compensatedSteps).toEqual([]);
    expect(r.failedStep).toBeNull();
    expect(r.error).toBeNull();
    expect(r.outputs).toEqual({
      rotation_update: 'rotation_update output',
      followup_generation: 'followup_generation output',
    });
    expect(trace).toEqual(['run rotation_update', 'run followup_generation']);
    expect(statuses(r.log)).toEqual(['pending', 'in_progress', 'completed']);
  });

  it('compensates the completed steps in reverse order: rolled_back', async () => {
    const trace: string[] = [];
    const r = await runSaga(
      [
        step('rotation_update', trace),
        step('schedule_validation', trace),
        step('followup_generation', trace, { fail: true }),
        step('jitter_application', trace),
      ],
      META,
    );
    expect(trace).toEqual([
      'run rotation_update',
      'run schedule_validation',
      'run followup_generation',
      'undo schedule_validation (schedule_validation output)',
      'undo rotation_update (rotation_update output)',
    ]);
    expect(r.status).toBe('rolled_back');
    expect(r.failedStep).toBe('followup_generation');
    expect(r.error).toBe('followup_generation failed: followup_generation broke');
    expect(r.completedSteps).toEqual(['rotation_update', 'schedule_validation']);
    expect(r.compensatedSteps).toEqual(['schedule_validation', 'rotation_update']);
    expect(r.compensationErrors).toEqual([]);
    expect(statuses(r.log)).toEqual(['pending', 'in_progress', 'compensating', 'rolled_back']);
  });

  it('is failed when a compensation fails, and still runs the others', async () => {
    const trace: string[] = [];
    const r = await runSaga(
      [
        step('a', trace),
        step('b', trace, { compensationFails: true }),
        step('c', trace),
        step('d', trace, { fail: true }),
      ],
      META,
    );
    expect(r.status).toBe('failed');
    expect(r.compensatedSteps).toEqual(['c', 'b', 'a']);
    expect(r.compensationErrors).toEqual(['b: cannot undo b']);
    expect(statuses(r.log)).toEqual(['pending', 'in_progress', 'compensating', 'failed']);
    expect(r.log[3]).toMatchObject({
      stepsCompleted: ['a', 'b', 'c'],
      failedStep: 'd',
      errorMessage: 'd failed: d broke',
      compensationErrors: ['b: cannot undo b'],
    });
  });

  it('a first step that fails rolls back nothing', async () => {
    const r = await runSaga([step('a', [], { fail: true })], META);
    expect(r.status).toBe('rolled_back');
    expect(r.completedSteps).toEqual([]);
    expect(r.compensatedSteps).toEqual([]);
  });

  it('a step or compensation that throws, rejects or answers junk is a failure value', async () => {
    const trace: string[] = [];
    const throwing: SagaStep = {
      name: 'throwing',
      run: () => {
        throw new Error('sync bug');
      },
      compensate: async () => E.right(undefined),
    };
    const r1 = await runSaga([step('a', trace), throwing], META);
    expect(r1.status).toBe('rolled_back');
    expect(r1.error).toBe('throwing failed: Error: sync bug');

    const rejectingUndo: SagaStep = {
      name: 'x',
      run: async () => E.right(1),
      compensate: () => Promise.reject(new Error('undo bug')),
    };
    const junk: SagaStep = {
      name: 'junk',
      run: async () => 42 as never,
      compensate: async () => E.right(undefined),
    };
    const r2 = await runSaga([rejectingUndo, junk], META);
    expect(r2.status).toBe('failed');
    expect(r2.error).toBe('junk failed: answered 42, not an Either');
    expect(r2.compensationErrors).toEqual(['x: Error: undo bug']);
  });

  it('lets a step read the outputs of earlier steps, and a compensation its own output', async () => {
    const seen: unknown[] = [];
    const save = sagaStep({
      name: 'save',
      run: async () => E.right({ templateId: 't1' }),
      compensate: async (saved) => {
        seen.push(`delete ${saved.templateId}`);
        return E.right(undefined);
      },
    });
    const rotation = sagaStep({
      name: 'rotation',
      run: async (done) => {
        seen.push(done);
        return E.left('rotation store down');
      },
      compensate: async () => E.right(undefined),
    });
    const r = await runSaga([save, rotation], META);
    expect(seen).toEqual([{ save: { templateId: 't1' } }, 'delete t1']);
    expect(r.outputs).toEqual({ save: { templateId: 't1' } });
  });

  it('refuses malformed steps before running any', async () => {
    const trace: string[] = [];
    const dup = await runSaga([step('a', trace), step('a', trace)], META);
    expect(dup.status).toBe('rolled_back');
    expect(dup.failedStep).toBe('a');
    expect(dup.error).toBe('duplicate step name "a"');
    expect(trace).toEqual([]);
    const noRun = await runSaga(
      [{ name: 'b', compensate: async () => E.right(undefined) } as never],
      META,
    );
    expect(noRun.error).toBe('step "b" needs run and compensate functions');
    const noName = await runSaga([{} as never], META);
    expect(noName.failedStep).toBe('#0');
  });

  it('writes the 004 saga_execution_log rows with the clock', async () => {
    const time = instantTime(1_700_000_000_000);
    const slow = (name: string, ms: number, fail = false): SagaStep => ({
      name,
      run: async () => {
        time.advance(ms);
        return fail ? E.left('down') : E.right(name);
      },
      compensate: async () => {
        time.advance(5);
        return E.right(undefined);
      },
    });
    const r = await runSaga([slow('a', 100), slow('b', 50, true)], { ...META, clock: time.clock });
    expect(r.log).toEqual([
      {
        sagaId: 'saga-1',
        creatorId: 'c1',
        status: 'pending',
        stepsCompleted: [],
        failedStep: null,
        errorMessage: null,
        compensationErrors: [],
        executionTimeMs: 0,
        startedAt: '2023-11-14T22:13:20.000Z',
        completedAt: null,
      },
      {
        sagaId: 'saga-1',
        creatorId: 'c1',
        status: 'in_progress',
        stepsCompleted: [],
        failedStep: null,
        errorMessage: null,
        compensationErrors: [],
        executionTimeMs: 0,
        startedAt: '2023-11-14T22:13:20.000Z',
        completedAt: null,
      },
      {
        sagaId: 'saga-1',
        creatorId: 'c1',
        status: 'compensating',
        stepsCompleted: ['a'],
        failedStep: 'b',
        errorMessage: 'b failed: down',
        compensationErrors: [],
        executionTimeMs: 150,
        startedAt: '2023-11-14T22:13:20.000Z',
        completedAt: null,
      },
      {
        sagaId: 'saga-1',
        creatorId: 'c1',
        status: 'rolled_back',
        stepsCompleted: ['a'],
        failedStep: 'b',
        errorMessage: 'b failed: down',
        compensationErrors: [],
        executionTimeMs: 155,
        startedAt: '2023-11-14T22:13:20.000Z',
        completedAt: '2023-11-14T22:13:20.155Z',
      },
    ]);
    expect(r.executionTimeMs).toBe(155);
  });

  it('never rejects, whatever it is given', async () => {
    const r = await runSaga(null as never, null as never);
    expect(r.status).toBe('rolled_back');
    expect(r.error).toMatch(/^steps unreadable/);
    expect(r.log[0]).toMatchObject({ sagaId: '', creatorId: '', startedAt: null });
  });

  it('has null times without a clock, or with one that fails', async () => {
    for (const clock of [
      undefined,
      {
        now: () => {
          throw new Error('down');
        },
      },
    ]) {
      const r = await runSaga([step('a', [])], { ...META, ...(clock ? { clock } : {}) });
      expect(r.executionTimeMs).toBeNull();
      for (const rec of r.log) {
        expect(rec.startedAt).toBeNull();
        expect(rec.completedAt).toBeNull();
        expect(rec.executionTimeMs).toBeNull();
      }
    }
  });
});

const NEXT: Readonly<Record<SagaStatus, ReadonlyArray<SagaStatus>>> = {
  pending: ['in_progress'],
  in_progress: ['completed', 'compensating'],
  compensating: ['rolled_back', 'failed'],
  completed: [],
  rolled_back: [],
  failed: [],
};

describe('saga properties', () => {
  it('always compensates exactly the completed steps in reverse order, through legal statuses', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            fails: fc.boolean(),
            how: fc.constantFrom('left', 'throws', 'rejects'),
            undoFails: fc.boolean(),
          }),
          { maxLength: 8 },
        ),
        async (specs) => {
          const ran: string[] = [];
          const undone: string[] = [];
          const seenDone: [string[], string[]][] = [];
          const outputsSeen: [unknown, number][] = [];
          const steps: SagaStep<number>[] = specs.map((s, i) => ({
            name: `s${i}`,
            run: async (done) => {
              // recorded, not asserted here: a failed assertion in a step is a step failure
              seenDone.push([Object.keys(done), [...ran]]);
              if (s.fails) {
                if (s.how === 'throws') throw new Error('x');
                if (s.how === 'rejects') return Promise.reject(new Error('x'));
                return E.left('x');
              }
              ran.push(`s${i}`);
              return E.right(i);
            },
            compensate: async (output) => {
              outputsSeen.push([output, i]);
              undone.push(`s${i}`);
              return s.undoFails ? E.left('undo') : E.right(undefined);
            },
          }));
          const r = await runSaga(steps, META);
          const firstFail = specs.findIndex((s) => s.fails);
          const completed = specs.slice(0, firstFail === -1 ? specs.length : firstFail);
          for (const [keys, before] of seenDone) expect(keys).toEqual(before);
          for (const [output, i] of outputsSeen) expect(output).toBe(i);
          expect(r.completedSteps).toEqual(ran);
          expect(r.completedSteps).toHaveLength(completed.length);
          expect(r.compensatedSteps).toEqual(firstFail === -1 ? [] : [...ran].reverse());
          expect(undone).toEqual(r.compensatedSteps);
          const undoFailures = firstFail === -1 ? 0 : completed.filter((s) => s.undoFails).length;
          expect(r.compensationErrors).toHaveLength(undoFailures);
          expect(r.status).toBe(
            firstFail === -1 ? 'completed' : undoFailures === 0 ? 'rolled_back' : 'failed',
          );
          const seq = statuses(r.log);
          expect(seq[0]).toBe('pending');
          for (let i = 1; i < seq.length; i++) expect(NEXT[seq[i - 1]!]).toContain(seq[i]);
          expect(NEXT[seq[seq.length - 1]!]).toEqual([]);
          expect(seq[seq.length - 1]).toBe(r.status);
        },
      ),
    );
  });
});
