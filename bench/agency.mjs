/**
 * 1,000 creator-weeks of a demo agency (issue 11: "1,000 creator-weeks sequential <= 3 s"), on
 * the built package (`npm run build` first), plain `node`: streamed in one thread
 * (`streamSchedules`, each week dropped once taken), kept whole (`buildSchedules`), and spread
 * over worker threads (the CLI's `--workers`: `streamInWorkers` of `src/cli/workers.ts`, bundled
 * here with esbuild as tsup bundles the CLI, over the built worker `dist/cli-worker.js`).
 *
 * Each mode runs in a fresh process (a child of this script) so its memory is its own. The timed
 * batches have a cheap consumer (it counts the `Right` and `Left` weeks and samples the RSS after
 * each week, and every 50 ms, worker threads included; they share the process). A separate
 * verification pass after them (the kept batch's own entries in the kept mode) takes a SHA-256
 * of each week's JSON, in request order, to prove the three modes give the same weeks, and the
 * main thread's used heap after a full collection every 100 weeks. Rewrites its section of
 * docs/benchmarks.md.
 *
 *   npm run build && node bench/agency.mjs [--creators 1000] [--rounds 3] [--workers 2]
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { arg, writeSection } from './common.mjs';

const weekStart = '2025-01-20';
const self = fileURLToPath(import.meta.url);
const creators = arg('creators', 1000);
const rounds = arg('rounds', 3);
const workers = arg('workers', 2);
const mb = (bytes) => bytes / 1024 / 1024;
const f2 = (x) => x.toFixed(2);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

if (process.argv[2] === '--child') {
  const mode = process.argv[3];
  const lib = await import('eros-schedule');
  const { generateDemoAgency } = await import('eros-schedule/demo');
  // workers: the CLI's main-thread side, bundled as tsup bundles it into dist/cli.js (the
  // library inside it, fp-ts and io-ts outside), over the built worker entry
  let streamInWorkers = null;
  let dir = null;
  const workerEntry = new URL('../dist/cli-worker.js', import.meta.url);
  if (mode === 'workers') {
    const { build } = await import('esbuild');
    // inside the repository, so that fp-ts and io-ts resolve from its node_modules
    dir = mkdtempSync(fileURLToPath(new URL('../.agency-bench-', import.meta.url)));
    const outfile = join(dir, 'workers.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('../src/cli/workers.ts', import.meta.url))],
      outfile,
      bundle: true,
      packages: 'external',
      format: 'esm',
      platform: 'node',
      target: 'node20',
      tsconfig: fileURLToPath(new URL('../tsconfig.build.json', import.meta.url)),
      logLevel: 'warning',
    });
    ({ streamInWorkers } = await import(pathToFileURL(outfile).href));
  }
  const t0 = performance.now();
  const dataset = generateDemoAgency(42, { creators, asOf: weekStart });
  const tGen = performance.now() - t0;
  const requests = dataset.creators.map((c) => ({ creatorId: c.creatorId, weekStart, seed: 42 }));
  const t1 = performance.now();
  // one thread: the port indexes; workers: the dataset decoded once, as `plan --data FILE` holds it
  const ports = mode === 'workers' ? null : lib.inMemoryPorts(dataset);
  const decoded = mode === 'workers' ? lib.decodeDataset(dataset) : null;
  if (decoded !== null && decoded._tag === 'Left') throw new Error('the dataset does not decode');
  const tSetup = performance.now() - t1;
  globalThis.gc?.();
  const rssBefore = process.memoryUsage.rss();
  const heapBefore = process.memoryUsage().heapUsed;
  let rssPeak = rssBefore;
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss > rssPeak) rssPeak = rss;
  };
  /** The weeks of one batch, each handed to `take` in request order. */
  const batch = async (take) => {
    if (mode === 'stream') {
      const stream = lib.streamSchedules(requests)(ports);
      if (stream._tag === 'Left') throw new Error(stream.left.message);
      for await (const entry of stream.right) take(entry);
      return null;
    }
    if (mode === 'keep') {
      const kept = await lib.buildSchedules(requests, { onProgress: sample })(ports)();
      if (kept._tag === 'Left') throw new Error(kept.left.message);
      for (const entry of kept.right.entries) take(entry);
      return kept.right.entries;
    }
    // as the CLI does: the decoded dataset, then the pool (its start is part of the time); each
    // creator's share is sent with its request, the weeks streamed back in order
    for await (const entry of streamInWorkers(decoded.right, requests, {
      workers,
      concurrency: 1,
      decoded: true,
      entry: workerEntry,
    }))
      take(entry);
    return null;
  };

  // The timed batches: count the weeks, sample the RSS.
  const timer = setInterval(sample, 50);
  const batchMs = [];
  const firstMs = [];
  let right = 0;
  let left = 0;
  let kept = null;
  for (let round = 0; round < (mode === 'keep' ? 1 : rounds); round++) {
    right = 0;
    left = 0;
    let taken = 0;
    const s = performance.now();
    kept = await batch((entry) => {
      if (taken++ === 0) firstMs.push(performance.now() - s);
      if (entry.result._tag === 'Right') right++;
      else left++;
      sample();
    });
    batchMs.push(performance.now() - s);
  }
  clearInterval(timer);
  sample();

  // The verification pass (not timed): each week's digest in request order, and what the batch
  // holds in the main thread's heap (a full collection every 100 weeks; the kept batch: its
  // entries, still held).
  const hashes = [];
  let heapRetained = 0;
  let taken = 0;
  const verify = (entry) => {
    taken++;
    if (mode !== 'keep' && taken % 100 === 0 && globalThis.gc !== undefined) {
      globalThis.gc();
      heapRetained = Math.max(heapRetained, process.memoryUsage().heapUsed - heapBefore);
    }
    hashes[entry.index] = createHash('sha256').update(JSON.stringify(entry.result)).digest('hex');
  };
  if (kept !== null) {
    globalThis.gc?.();
    heapRetained = process.memoryUsage().heapUsed - heapBefore;
    for (const entry of kept) verify(entry);
  } else await batch(verify);
  if (dir !== null) rmSync(dir, { recursive: true, force: true });
  process.stdout.write(
    JSON.stringify({
      mode,
      weeks: requests.length,
      right,
      left,
      verified: taken,
      history: dataset.history.length,
      captions: dataset.captions.length,
      tGen,
      tSetup,
      batchMs,
      rssBefore,
      rssPeak,
      heapRetained,
      firstMs,
      digest: createHash('sha256').update(hashes.join('')).digest('hex'),
    }),
  );
  process.exit(0);
}

const child = (mode) =>
  JSON.parse(
    execFileSync(
      process.execPath,
      ['--expose-gc', self, '--child', mode, ...process.argv.slice(2)],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    ),
  );

const stream = child('stream');
const keep = child('keep');
const spread = child('workers');
const runs = [stream, keep, spread];
const identical = runs.every((r) => r.digest === stream.digest && r.verified === r.weeks);
const row = (label, r, setup) => {
  const ms = median(r.batchMs);
  return `| ${label} | ${f2(ms / 1000)} s (${f2(ms / r.weeks)} ms per week; ${r.batchMs.map((x) => f2(x / 1000)).join(', ')}) | ${f2(median(r.firstMs) / 1000)} s | ${setup} | ${f2(mb(r.rssBefore))} MB | ${f2(mb(r.rssPeak))} MB (+${f2(mb(r.rssPeak - r.rssBefore))} MB) | ${f2(mb(r.heapRetained))} MB |`;
};
const lines = [
  `Command: \`npm run build && node bench/agency.mjs --creators ${creators} --rounds ${rounds} --workers ${workers}\` (reproduces this section; it rewrites it in place). Built package (\`dist/esm\`, the worker threads on \`dist/cli-worker.js\`), plain \`node\`, each mode in a fresh process.`,
  '',
  `Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}. Measured ${new Date().toISOString().slice(0, 10)}.`,
  '',
  `Demo agency (seed 42) of ${stream.weeks.toLocaleString('en-US')} creators (\`generateDemoAgency(42, { creators: ${creators} })\`): ${stream.captions.toLocaleString('en-US')} captions, ${stream.history.toLocaleString('en-US')} history messages (generated in ${f2(stream.tGen / 1000)} s), week of ${weekStart}, seed 42. Batch time: median of ${rounds} batches (kept: 1), each batch listed; the timed batches only count the weeks. RSS before: after the dataset (and in one thread its port indexes) is built; peak: the highest RSS sampled during the timed batches (after each week and every 50 ms; worker threads share the process; garbage not yet collected counts). Heap held: measured in a separate pass after the timed batches, the main thread's used heap after a full collection every 100 weeks (kept: after the batch, its entries held), over the heap before the batch.`,
  '',
  '| mode | batch (median) | first week taken after | set-up before the batch | RSS before | peak RSS during the batch | heap the batch holds (most, after a full GC every 100 weeks) |',
  '|---|---|---|---|---|---|---|',
  row(
    '`streamSchedules`, one thread, each week dropped once taken',
    stream,
    `port indexes ${f2(stream.tSetup / 1000)} s`,
  ),
  row(
    '`buildSchedules`, one thread, every week kept',
    keep,
    `port indexes ${f2(keep.tSetup / 1000)} s`,
  ),
  row(
    `\`--workers ${workers}\` (\`streamInWorkers\`, each week dropped once taken)`,
    spread,
    `dataset decoded ${f2(spread.tSetup / 1000)} s; the batch time includes starting the workers, the caption bank each indexes once, and each creator's share`,
  ),
  '',
  `Weeks: ${stream.right} of ${stream.weeks} built in each mode (${runs.map((r) => `${r.mode} ${r.right} built, ${r.left} not`).join('; ')}); the weeks of the three modes are ${identical ? 'identical' : 'NOT identical'} (SHA-256 of each week's JSON, in request order, in the verification pass).`,
];
writeSection('## A batch of 1,000 creator-weeks: streamed, kept, across worker threads', lines);
if (!identical) process.exitCode = 1;
