/**
 * `--workers N`: the weeks spread over worker threads give the same output as one thread (same
 * order, same bytes) in every format; a worker that dies, throws or cannot start is a typed
 * failure of the creators it held, never a crash, and the other workers go on.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { buildInWorkers, streamInWorkers } from '../../src/cli/workers';
import { generateDemoAgency } from '../../src/demo';
import { cli } from './run';

/** A dataset that decodes (no creators): the stand-in workers of these tests answer without it. */
const EMPTY = { creators: [], history: [], captions: [] };

const tmp = mkdtempSync(path.join(os.tmpdir(), 'eros-workers-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const support = (name: string): URL => new URL(`./support/${name}`, import.meta.url);
const week = (creatorId: string) => ({ creatorId, weekStart: '2025-01-20', seed: 42 });
const codeOf = (e: { result: E.Either<{ code: string }, unknown> }): string =>
  E.isLeft(e.result) ? e.result.left.code : 'ok';
const reasonOf = (e: { result: E.Either<{ message: string }, unknown> }): string =>
  E.isLeft(e.result) ? e.result.left.message : '';

/** Every file of a folder, name and text. */
const filesOf = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));

describe('eros-schedule demo --workers N', () => {
  it.each([
    ['json', '2'],
    ['csv', '3'],
    ['table', '1'],
  ])(
    '--format %s over --workers %s prints the same bytes as one thread',
    async (format, workers) => {
      const one = await cli('demo', '--format', format, '--creators', '5');
      const many = await cli('demo', '--format', format, '--creators', '5', '--workers', workers);
      expect(many.code).toBe(one.code);
      expect(one.stdout.length).toBeGreaterThan(1000);
      expect(many.stdout).toBe(one.stdout);
    },
    60_000,
  );

  it('--out DIR writes the same files, report.json included, with --workers and --concurrency', async () => {
    const a = path.join(tmp, 'one');
    const b = path.join(tmp, 'many');
    const one = await cli('demo', '--format', 'ics', '--out', a, '--creators', '4');
    const many = await cli(
      'demo',
      ...['--format', 'ics', '--out', b, '--creators', '4', '--workers', '2', '--concurrency', '2'],
    );
    expect(many.code).toBe(one.code);
    expect(Object.keys(filesOf(a))).toHaveLength(5);
    expect(filesOf(b)).toEqual(filesOf(a));
  }, 60_000);

  it.each(['0', '65', 'two', '1.5', '-2'])('--workers %s is a usage error naming it', async (n) => {
    const r = await cli('demo', '--workers', n);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--workers');
  });

  it('explain and validate do not take --workers', async () => {
    const r = await cli('explain', '2025-01-20_1', '--workers', '2');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does not take --workers');
  });
});

describe('buildInWorkers', () => {
  it('a worker that stops fails the creator it held; the other worker builds the rest, in order', async () => {
    const ids = ['a', 'b', 'poison', 'c', 'd', 'e'];
    const entries = await buildInWorkers(EMPTY, ids.map(week), {
      workers: 2,
      concurrency: 1,
      entry: support('dyingWorker.mjs'),
    });
    expect(entries.map((e) => e.inputs.creatorId)).toEqual(ids);
    expect(entries.map((e) => e.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(entries.map(codeOf)).toEqual(['ok', 'ok', 'INTERNAL_ERROR', 'ok', 'ok', 'ok']);
    expect(reasonOf(entries[2] as never)).toMatch(/exit code 3.*before building it/);
  }, 30_000);

  it('when every worker is gone, the requests not handed out fail too, each once', async () => {
    const seen: number[] = [];
    const entries = await buildInWorkers(EMPTY, ['a', 'thrower', 'b', 'c'].map(week), {
      workers: 1,
      concurrency: 1,
      entry: support('dyingWorker.mjs'),
      onEntry: (e) => seen.push(e.index),
    });
    expect(entries.map(codeOf)).toEqual([
      'ok',
      'INTERNAL_ERROR',
      'INTERNAL_ERROR',
      'INTERNAL_ERROR',
    ]);
    expect(reasonOf(entries[1] as never)).toContain('the worker broke');
    expect(reasonOf(entries[3] as never)).toContain('no worker left');
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  }, 30_000);

  it('workers that cannot start, or whose script is missing, fail every request', async () => {
    for (const name of ['brokenWorker.mjs', 'noSuchWorker.mjs']) {
      const entries = await buildInWorkers(EMPTY, ['a', 'b', 'c'].map(week), {
        workers: 2,
        concurrency: 1,
        entry: support(name),
      });
      expect(entries.map(codeOf)).toEqual(['INTERNAL_ERROR', 'INTERNAL_ERROR', 'INTERNAL_ERROR']);
    }
  }, 30_000);

  it('a dataset that does not decode is DECODE_FAILED naming the path for each request; no requests, no workers', async () => {
    const entries = await buildInWorkers(
      { creators: 5 } as never,
      [week('creator_01'), week('x')],
      {
        workers: 1,
        concurrency: 1,
      },
    );
    expect(entries.map(codeOf)).toEqual(['DECODE_FAILED', 'DECODE_FAILED']);
    expect(reasonOf(entries[0] as never)).toContain('creators');
    expect(await buildInWorkers(EMPTY, [], { workers: 4, concurrency: 1 })).toEqual([]);
  }, 30_000);

  it('a throwing onEntry does not stop the batch', async () => {
    const dataset = generateDemoAgency(7, { creators: 2, captions: 400 });
    const ids = dataset.creators.map((c) => c.creatorId);
    const entries = await buildInWorkers(dataset, ids.map(week), {
      workers: 2,
      concurrency: 1,
      onEntry: () => {
        throw new Error('display broke');
      },
    });
    expect(entries.map(codeOf)).toEqual(['ok', 'ok']);
  }, 60_000);
});

describe('streamInWorkers', () => {
  /** The fake week a `holdingWorker.mjs` answers. */
  type Held = { creatorId: string; held: number; creators: string[]; historyOf: string[] };
  const heldOf = (e: { result: E.Either<unknown, unknown> }): Held =>
    (E.isRight(e.result) ? e.result.right : { held: -1 }) as Held;

  it('holds at most `window` requests in flight or unread, and hands them over in request order', async () => {
    const ids = Array.from({ length: 11 }, (_, i) => `c${i}`);
    const seen: number[] = [];
    for await (const entry of streamInWorkers(EMPTY, ids.map(week), {
      workers: 1,
      concurrency: 10,
      window: 4,
      entry: support('holdingWorker.mjs'),
    }))
      seen.push(entry.index, heldOf(entry).held);
    // answered 3, 2, 1, 0 (the last received first), then 7..4, then 10..8: taken 0..10
    expect(seen).toEqual([0, 4, 1, 4, 2, 4, 3, 4, 4, 4, 5, 4, 6, 4, 7, 4, 8, 3, 9, 3, 10, 3]);
  }, 30_000);

  it('a consumer that stops taking stops the dispatch at the window; ending the loop early stops the workers', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `c${i}`);
    const stream = streamInWorkers(EMPTY, ids.map(week), {
      workers: 2,
      concurrency: 4,
      window: 8,
      entry: support('holdingWorker.mjs'),
    });
    const it = stream[Symbol.asyncIterator]();
    const first = await it.next();
    expect(first.done).toBe(false);
    // nothing taken for a while: every answered request waits, none more is sent
    await new Promise((r) => setTimeout(r, 600));
    const rest: number[] = [];
    for (let k = 0; k < 7; k++) {
      const e = await it.next();
      rest.push(e.done ? -1 : heldOf(e.value).held);
    }
    // requests 1..7 were sent with request 0 (the window of 8), none after them before taking
    expect(rest.every((held) => held >= 1 && held <= 4)).toBe(true);
    expect((await it.return?.())?.done).toBe(true);
    expect((await it.next()).done).toBe(true);
  }, 30_000);

  it("each request is sent its creator's share of the dataset: its profile, its history", async () => {
    const dataset = generateDemoAgency(7, { creators: 3, captions: 200 });
    const ids = [...dataset.creators.map((c) => c.creatorId), 'nobody'];
    const entries = await buildInWorkers(dataset, ids.map(week), {
      workers: 2,
      concurrency: 2,
      entry: support('holdingWorker.mjs'),
    });
    expect(entries.map((e) => heldOf(e).creators)).toEqual([
      ['creator_01'],
      ['creator_02'],
      ['creator_03'],
      [],
    ]);
    expect(entries.map((e) => heldOf(e).historyOf)).toEqual([
      ['creator_01'],
      ['creator_02'],
      ['creator_03'],
      [],
    ]);
  }, 30_000);
});
