/**
 * `buildSchedules`: a week per request, each result or error kept, in request order at any
 * concurrency, with progress; junk options and junk requests are typed values, never a throw.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { generateDemoAgency } from '../../src/demo';
import {
  type BatchProgress,
  buildSchedule,
  buildSchedules,
  inMemoryPorts,
  type ScheduleInputs,
} from '../../src/index';

const dataset = generateDemoAgency(42, { creators: 6, captions: 1200 });
const ports = inMemoryPorts(dataset);
const ids = dataset.creators.map((c) => c.creatorId);
const week = (creatorId: string, seed = 7): ScheduleInputs => ({
  creatorId,
  weekStart: '2025-01-20',
  seed,
});

describe('buildSchedules', () => {
  it('keeps every result and every error, in request order', async () => {
    const requests = [week(ids[0] as string), week('nobody'), week(ids[1] as string)];
    const r = await buildSchedules(requests)(ports)();
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(r.right.entries.map((e) => e.index)).toEqual([0, 1, 2]);
    expect(r.right.entries.map((e) => e.inputs.creatorId)).toEqual([ids[0], 'nobody', ids[1]]);
    const [a, missing, b] = r.right.entries;
    expect(a && E.isRight(a.result)).toBe(true);
    expect(b && E.isRight(b.result)).toBe(true);
    expect(missing && E.isLeft(missing.result) && missing.result.left.code).toBe(
      'CREATOR_NOT_FOUND',
    );
  });

  it('gives what buildSchedule gives, at any concurrency (property)', async () => {
    const single = new Map<string, string>();
    for (const id of ids) {
      const r = await buildSchedule(week(id))(ports)();
      single.set(id, JSON.stringify(E.isRight(r) ? r.right.items : r.left));
    }
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...ids), { minLength: 0, maxLength: 6 }),
        fc.integer({ min: 1, max: 8 }),
        async (picked, concurrency) => {
          const r = await buildSchedules(
            picked.map((id) => week(id)),
            { concurrency },
          )(ports)();
          if (E.isLeft(r)) throw new Error(r.left.message);
          expect(r.right.entries).toHaveLength(picked.length);
          r.right.entries.forEach((e, i) => {
            expect(e.inputs.creatorId).toBe(picked[i]);
            expect(JSON.stringify(E.isRight(e.result) ? e.result.right.items : e.result.left)).toBe(
              single.get(picked[i] as string),
            );
          });
        },
      ),
      { numRuns: 8, seed: 3 },
    );
  });

  it('reports progress once per request, done counting up to the total', async () => {
    const seen: BatchProgress[] = [];
    const r = await buildSchedules(
      ids.slice(0, 4).map((id) => week(id)),
      {
        concurrency: 2,
        onProgress: (p) => seen.push(p),
      },
    )(ports)();
    expect(E.isRight(r)).toBe(true);
    expect(seen.map((p) => p.done)).toEqual([1, 2, 3, 4]);
    expect(seen.every((p) => p.total === 4)).toBe(true);
    expect(new Set(seen.map((p) => p.entry.index))).toEqual(new Set([0, 1, 2, 3]));
  });

  it('goes on when onProgress throws, and says so', async () => {
    let calls = 0;
    const r = await buildSchedules(
      ids.slice(0, 3).map((id) => week(id)),
      {
        onProgress: () => {
          calls++;
          throw new Error('the caller broke');
        },
      },
    )(ports)();
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(r.right.entries).toHaveLength(3);
    expect(r.right.entries.every((e) => E.isRight(e.result))).toBe(true);
    expect(r.right.progressFailed).toBe(true);
    expect(calls).toBe(1);
  });

  it('an empty batch is an empty result', async () => {
    const r = await buildSchedules([])(ports)();
    expect(r).toEqual(E.right({ entries: [], progressFailed: false }));
  });

  it.each([
    [{ concurrency: 0 }, 'options.concurrency'],
    [{ concurrency: 1.5 }, 'options.concurrency'],
    [{ concurrency: 65 }, 'options.concurrency'],
    [{ concurrency: '2' }, 'options.concurrency'],
    [{ onProgress: 'print' }, 'options.onProgress'],
    [{ concurency: 2 }, 'options.concurency'],
  ])('junk options %j are INVALID_INPUT naming %s, before any build', async (options, path) => {
    const r = await buildSchedules([week(ids[0] as string)], options as never)(ports)();
    expect(E.isLeft(r)).toBe(true);
    if (E.isLeft(r)) {
      expect(r.left.code).toBe('INVALID_INPUT');
      expect(r.left.issues.map((i) => i.path)).toContain(path);
    }
  });

  it('junk requests: not an array is INVALID_INPUT; a junk request is its own Left entry', async () => {
    const notArray = await buildSchedules('creator_01' as never)(ports)();
    expect(E.isLeft(notArray) && notArray.left.issues[0]?.path).toBe('requests');
    const r = await buildSchedules([null, week(ids[0] as string), { creatorId: 3 }] as never)(
      ports,
    )();
    if (E.isLeft(r)) throw new Error(r.left.message);
    const codes = r.right.entries.map((e) => (E.isLeft(e.result) ? e.result.left.code : 'ok'));
    expect(codes).toEqual(['INVALID_INPUT', 'ok', 'INVALID_INPUT']);
  });

  it('a port that throws fails its own entries only', async () => {
    const broken = {
      ...ports,
      getCreatorProfile: (creatorId: string) => {
        if (creatorId === ids[1]) throw new Error('db down');
        return ports.getCreatorProfile(creatorId);
      },
    };
    const r = await buildSchedules(ids.slice(0, 3).map((id) => week(id)))(broken)();
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(r.right.entries.map((e) => E.isRight(e.result))).toEqual([true, false, true]);
  });
});
