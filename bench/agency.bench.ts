/**
 * 1,000 creator-weeks of a demo agency (issue 11: "1,000 creator-weeks sequential <= 3 s"):
 * streamed in one thread (`streamSchedules`, each week dropped once taken), kept whole
 * (`buildSchedules`), and spread over worker threads (the CLI's `--workers`, `streamInWorkers`).
 * Each run is a fresh process (a child of this script) so its memory is its own: the RSS after
 * the dataset (and, in one thread, its port indexes) is built, against the peak RSS during the
 * batch (sampled after each week and every 50 ms, worker threads included; they share the
 * process). The weeks of every mode are compared (a SHA-256 of each week's JSON, in request
 * order). Rewrites its section of docs/benchmarks.md.
 *
 *   npx tsx bench/agency.bench.ts [--creators 1000] [--rounds 3] [--workers 2]
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { streamInWorkers } from '../src/cli/workers';
import { generateDemoAgency } from '../src/demo';
import {
  type BatchEntry,
  buildSchedules,
  decodeDataset,
  inMemoryPorts,
  type ScheduleInputs,
  streamSchedules,
} from '../src/index';
import { fmt, machineLine, median, numberArg, writeSection } from './report';

const weekStart = '2025-01-20';
const self = fileURLToPath(import.meta.url);
const creators = numberArg('creators', 1000);
const rounds = numberArg('rounds', 3);
const workers = numberArg('workers', 2);
const mb = (bytes: number): number => bytes / 1024 / 1024;

/** What one child measured. */
interface Run {
  readonly mode: string;
  readonly weeks: number;
  readonly failed: number;
  readonly history: number;
  readonly captions: number;
  readonly tGen: number;
  readonly tSetup: number;
  readonly batchMs: ReadonlyArray<number>;
  readonly rssBefore: number;
  readonly rssPeak: number;
  readonly heapBefore: number;
  readonly heapRetained: number;
  readonly firstMs: ReadonlyArray<number>;
  readonly digest: string;
}

if (process.argv[2] === '--child') {
  const mode = process.argv[3] as 'stream' | 'keep' | 'workers';
  const t0 = performance.now();
  const dataset = generateDemoAgency(42, { creators, asOf: weekStart });
  const tGen = performance.now() - t0;
  const requests: ScheduleInputs[] = dataset.creators.map((c) => ({
    creatorId: c.creatorId,
    weekStart,
    seed: 42,
  }));
  const t1 = performance.now();
  // one thread: the port indexes; workers: the dataset decoded once, as `plan --data FILE` holds it
  const ports = mode === 'workers' ? null : inMemoryPorts(dataset);
  if (mode === 'workers' && decodeDataset(dataset)._tag === 'Left') throw new Error('no dataset');
  const tSetup = performance.now() - t1;
  globalThis.gc?.();
  const rssBefore = process.memoryUsage.rss();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapRetained = 0;
  let rssPeak = rssBefore;
  const sample = (): void => {
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  };
  const timer = setInterval(sample, 50);
  const batchMs: number[] = [];
  let hashes: string[] = [];
  let failed = 0;
  let taken = 0;
  let first = 0;
  const firstMs: number[] = [];
  const take = (entry: BatchEntry): void => {
    if (taken++ === 0) firstMs.push(performance.now() - first);
    // every 100 weeks: what the batch still holds (a full collection first)
    if (taken % 100 === 0 && globalThis.gc !== undefined) {
      globalThis.gc();
      heapRetained = Math.max(heapRetained, process.memoryUsage().heapUsed - heapBefore);
    }
    if (entry.result._tag === 'Left') failed++;
    hashes[entry.index] = createHash('sha256').update(JSON.stringify(entry.result)).digest('hex');
    sample();
  };
  for (let round = 0; round < (mode === 'keep' ? 1 : rounds); round++) {
    hashes = [];
    failed = 0;
    taken = 0;
    const s = performance.now();
    first = s;
    if (mode === 'stream' && ports !== null) {
      const stream = streamSchedules(requests)(ports);
      if (stream._tag === 'Left') throw new Error(stream.left.message);
      for await (const entry of stream.right) take(entry);
    } else if (mode === 'keep' && ports !== null) {
      const batch = await buildSchedules(requests, { onProgress: sample })(ports)();
      if (batch._tag === 'Left') throw new Error(batch.left.message);
      for (const entry of batch.right.entries) take(entry);
    } else {
      // as the CLI does: the decoded dataset, then the pool (its start is part of the time);
      // each creator's share is sent with its request, the weeks streamed back in order
      for await (const entry of streamInWorkers(dataset, requests, {
        workers,
        concurrency: 1,
        decoded: true,
      }))
        take(entry);
    }
    batchMs.push(performance.now() - s);
  }
  clearInterval(timer);
  sample();
  const run: Run = {
    mode,
    weeks: requests.length,
    failed,
    history: dataset.history.length,
    captions: dataset.captions.length,
    tGen,
    tSetup,
    batchMs,
    rssBefore,
    rssPeak,
    heapBefore,
    heapRetained,
    firstMs,
    digest: createHash('sha256').update(hashes.join('')).digest('hex'),
  };
  process.stdout.write(JSON.stringify(run));
  process.exit(0);
}

const child = (mode: string): Run =>
  JSON.parse(
    execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', self, '--child', mode, ...process.argv.slice(2)],
      { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] },
    ),
  ) as Run;

const stream = child('stream');
const keep = child('keep');
const spread = child('workers');
const identical = stream.digest === keep.digest && stream.digest === spread.digest;
const row = (label: string, r: Run, setup: string): string => {
  const ms = median(r.batchMs);
  return `| ${label} | ${fmt(ms / 1000)} s (${fmt(ms / r.weeks)} ms per week; ${r.batchMs.map((x) => fmt(x / 1000)).join(', ')}) | ${fmt(median(r.firstMs) / 1000)} s | ${setup} | ${fmt(mb(r.rssBefore))} MB | ${fmt(mb(r.rssPeak))} MB (+${fmt(mb(r.rssPeak - r.rssBefore))} MB) | ${fmt(mb(r.heapRetained))} MB |`;
};

writeSection('## A batch of 1,000 creator-weeks: streamed, kept, across worker threads', [
  `Command: \`npx tsx bench/agency.bench.ts --creators ${creators} --rounds ${rounds} --workers ${workers}\` (reproduces this section; it rewrites it in place). Source tree under tsx, each mode in a fresh process.`,
  '',
  machineLine(),
  '',
  `Demo agency (seed 42) of ${stream.weeks.toLocaleString('en-US')} creators (\`generateDemoAgency(42, { creators: ${creators} })\`): ${stream.captions.toLocaleString('en-US')} captions, ${stream.history.toLocaleString('en-US')} history messages (generated in ${fmt(stream.tGen / 1000)} s), week of ${weekStart}, seed 42. Batch time: median of ${rounds} batches (kept: 1), each batch listed. RSS before: after the dataset (and in one thread its port indexes) is built; peak: the highest RSS sampled during the batches (after each week and every 50 ms; worker threads share the process; garbage not yet collected counts). Heap held: the main thread's used heap after a full collection, every 100 weeks, over the heap before the batch.`,
  '',
  '| mode | batch (median) | first week taken after | set-up before the batch | RSS before | peak RSS during the batch | heap the batch holds (most, after a full GC every 100 weeks) |',
  '|---|---|---|---|---|---|---|',
  row(
    '`streamSchedules`, one thread, each week dropped once taken',
    stream,
    `port indexes ${fmt(stream.tSetup / 1000)} s`,
  ),
  row(
    '`buildSchedules`, one thread, every week kept',
    keep,
    `port indexes ${fmt(keep.tSetup / 1000)} s`,
  ),
  row(
    `\`--workers ${workers}\` (\`streamInWorkers\`, each week dropped once taken)`,
    spread,
    `dataset decoded ${fmt(spread.tSetup / 1000)} s; the batch time includes starting the workers (tsx), the caption bank each indexes once, and each creator's share`,
  ),
  '',
  `Weeks: ${stream.weeks - stream.failed} of ${stream.weeks} built in each mode; the weeks of the three modes are ${identical ? 'identical' : 'NOT identical'} (SHA-256 of each week's JSON, in request order).`,
]);
if (!identical) process.exitCode = 1;
