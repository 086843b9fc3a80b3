/**
 * `buildSchedules`: a week per request, each result or error kept, in request order at any
 * concurrency, with progress; junk options and junk requests are typed values, never a throw.
 * `streamSchedules`: the same entries handed over one at a time, in request order, with at most
 * `concurrency` builds started and not yet taken.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { generateDemoAgency } from '../../src/demo';
import {
  type BatchEntry,
  type BatchProgress,
  buildSchedule,
  buildSchedules,
  inMemoryPorts,
  type ScheduleInputs,
  type SchedulePorts,
  streamSchedules,
} from '../../src/index';
import { withResilience } from '../../src/resilience';

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

/** Every entry of a stream, in the order it hands them over. */
const drain = async (stream: AsyncIterable<BatchEntry>): Promise<BatchEntry[]> => {
  const out: BatchEntry[] = [];
  for await (const entry of stream) out.push(entry);
  return out;
};

/** The stream of `requests`, failing the test on a `Left`. */
const streamOf = (
  requests: ReadonlyArray<ScheduleInputs>,
  concurrency?: number,
  over: SchedulePorts = ports,
): AsyncIterable<BatchEntry> => {
  const r = streamSchedules(requests, concurrency === undefined ? {} : { concurrency })(over);
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};

/** An entry as text: the week's JSON or the error's code and message. */
const textOf = (e: BatchEntry): string =>
  JSON.stringify(
    E.isRight(e.result) ? e.result.right : [e.result.left.code, e.result.left.message],
  );

describe('streamSchedules', () => {
  it('hands over what buildSchedules keeps, in request order, at any concurrency (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...ids, 'nobody'), { minLength: 0, maxLength: 6 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 3 }),
        async (picked, concurrency, seed) => {
          const requests = picked.map((id) => week(id, seed));
          const batch = await buildSchedules(requests)(ports)();
          if (E.isLeft(batch)) throw new Error(batch.left.message);
          const streamed = await drain(streamOf(requests, concurrency));
          expect(streamed.map((e) => e.index)).toEqual(picked.map((_, i) => i));
          expect(streamed.map(textOf)).toEqual(batch.right.entries.map(textOf));
        },
      ),
      { numRuns: 8, seed: 5 },
    );
  });

  it('starts nothing before it is iterated, and at most `concurrency` builds ahead of the consumer', async () => {
    let calls = 0;
    const counting: SchedulePorts = {
      ...ports,
      getCreatorProfile: (creatorId: string) => {
        calls++;
        return ports.getCreatorProfile(creatorId);
      },
    };
    const stream = streamOf(
      ids.map((id) => week(id)),
      2,
      counting,
    );
    await Promise.resolve();
    expect(calls).toBe(0);
    const it = stream[Symbol.asyncIterator]();
    const first = await it.next();
    expect(first.done === false && first.value.index).toBe(0);
    // request 0 handed over, request 1 in flight: no third build yet
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toBe(2);
    await it.next();
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toBe(3);
  });

  it('an early break starts no further build; a new iteration builds anew', async () => {
    let calls = 0;
    const counting: SchedulePorts = {
      ...ports,
      getCreatorProfile: (creatorId: string) => {
        calls++;
        return ports.getCreatorProfile(creatorId);
      },
    };
    const stream = streamOf(
      ids.map((id) => week(id)),
      1,
      counting,
    );
    for await (const entry of stream) if (entry.index === 1) break;
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toBe(2);
    const all = await drain(stream);
    expect(all.map((e) => e.index)).toEqual(ids.map((_, i) => i));
  });

  it('an empty batch is an empty stream', async () => {
    expect(await drain(streamOf([]))).toEqual([]);
  });

  it.each([
    [{ concurrency: 0 }, 'options.concurrency'],
    [{ concurrency: 2.5 }, 'options.concurrency'],
    [{ concurrency: 65 }, 'options.concurrency'],
    [{ concurrency: null }, 'options.concurrency'],
    [{ onProgress: () => {} }, 'options.onProgress'],
    [{ concurency: 2 }, 'options.concurency'],
  ])('junk options %j are INVALID_INPUT naming %s, before any build', (options, path) => {
    const r = streamSchedules([week(ids[0] as string)], options as never)(ports);
    expect(E.isLeft(r) && r.left.code).toBe('INVALID_INPUT');
    if (E.isLeft(r)) expect(r.left.issues.map((i) => i.path)).toContain(path);
  });

  it('options that are not an object, and requests that are not an array, are INVALID_INPUT', () => {
    for (const options of [null, 5, 'fast', []]) {
      const r = streamSchedules([], options as never)(ports);
      expect(E.isLeft(r) && r.left.code).toBe('INVALID_INPUT');
    }
    const notArray = streamSchedules('creator_01' as never)(ports);
    expect(E.isLeft(notArray) && notArray.left.issues[0]?.path).toBe('requests');
    const hostile = new Proxy([week(ids[0] as string)], {
      get: (target, key) => {
        if (key === '0') throw new Error('no');
        return Reflect.get(target, key);
      },
    });
    const unreadable = streamSchedules(hostile)(ports);
    expect(E.isLeft(unreadable) && unreadable.left.issues[0]?.path).toBe('requests');
  });

  it('junk requests and failing ports are their own Left entries; next never rejects', async () => {
    const broken: SchedulePorts = {
      ...ports,
      getCreatorProfile: (creatorId: string) => {
        if (creatorId === ids[1]) throw new Error('db down');
        if (creatorId === ids[2]) return () => Promise.reject(new Error('lost'));
        if (creatorId === ids[3]) return () => Promise.resolve(E.right({ creatorId: 7 })) as never;
        return ports.getCreatorProfile(creatorId);
      },
    };
    const requests = [
      null,
      week(ids[0] as string),
      week(ids[1] as string),
      week(ids[2] as string),
      week(ids[3] as string),
      { creatorId: 3 },
    ] as never;
    const entries = await drain(streamOf(requests, 3, broken));
    expect(entries.map((e) => (E.isLeft(e.result) ? e.result.left.code : 'ok'))).toEqual([
      'INVALID_INPUT',
      'ok',
      'PORT_FAILURE',
      'PORT_FAILURE',
      'DECODE_FAILED',
      'INVALID_INPUT',
    ]);
  });

  it('a port that hangs, under withResilience, is a PORT_TIMEOUT entry and the stream goes on', async () => {
    let t = 0;
    const hanging: SchedulePorts = {
      ...ports,
      getCreatorProfile: (creatorId: string) =>
        creatorId === ids[0] ? () => new Promise(() => {}) : ports.getCreatorProfile(creatorId),
    };
    const resilient = withResilience(hanging, {
      clock: { now: () => t },
      // a wait passes its virtual time after the ports' own answers (a macrotask later)
      sleep: (ms) =>
        new Promise((wake) => {
          setTimeout(() => {
            t += ms;
            wake();
          }, 0);
        }),
    });
    if (E.isLeft(resilient)) throw new Error('withResilience refused its options');
    const entries = await drain(
      streamOf([week(ids[0] as string), week(ids[1] as string)], 1, resilient.right),
    );
    expect(entries.map((e) => (E.isLeft(e.result) ? e.result.left.code : 'ok'))).toEqual([
      'PORT_TIMEOUT',
      'ok',
    ]);
  });
});
