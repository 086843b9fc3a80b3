/**
 * Benchmark: `buildSchedule` over the demo agency with a 60,000-caption in-memory pool.
 * Writes the median time per creator-week to docs/benchmarks.md.
 *
 *   npm run bench                 # default: 5 measured rounds after 1 warm-up
 *   npm run bench -- --rounds 9
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateDemoAgency } from '../examples/demo-agency/generate';
import { buildSchedule, inMemoryPorts } from '../src/index';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const rounds = arg('rounds', 5);
const captions = arg('captions', 60_000);
const weekStart = '2025-01-20';

const median = (xs: ReadonlyArray<number>) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const t0 = performance.now();
const dataset = generateDemoAgency(42, { captions, asOf: weekStart });
const tGen = performance.now() - t0;
const t1 = performance.now();
const ports = inMemoryPorts(dataset);
const tIndex = performance.now() - t1;
const creators = dataset.creators.map((c) => c.creatorId);

const perWeek: number[] = [];
const perRound: number[] = [];
for (let round = 0; round <= rounds; round++) {
  const r0 = performance.now();
  for (const creatorId of creators) {
    const s = performance.now();
    const result = await buildSchedule({ creatorId, weekStart, seed: round })(ports)();
    const ms = performance.now() - s;
    if (result._tag === 'Left') throw new Error(`${creatorId}: ${result.left.message}`);
    if (round > 0) perWeek.push(ms);
  }
  if (round > 0) perRound.push(performance.now() - r0);
}
const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
const rssMb = process.memoryUsage().rss / 1024 / 1024;

const fmt = (x: number) => x.toFixed(2);
const section = [
  '## buildSchedule over the demo agency',
  '',
  'Command: `npm run bench` (reproduces this section; it rewrites it in place).',
  '',
  `Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}. Measured ${new Date().toISOString().slice(0, 10)}.`,
  '',
  `Demo agency: ${creators.length} creators, ${dataset.captions.length.toLocaleString('en-US')} captions, ${dataset.history.length.toLocaleString('en-US')} history messages; ${rounds} rounds after 1 warm-up round, seeds 1..${rounds}.`,
  '',
  '| figure | value |',
  '|---|---|',
  `| median per creator-week | ${fmt(median(perWeek))} ms |`,
  `| min / max per creator-week | ${fmt(Math.min(...perWeek))} / ${fmt(Math.max(...perWeek))} ms |`,
  `| median per round (${creators.length} creator-weeks) | ${fmt(median(perRound))} ms |`,
  `| generate demo dataset (once) | ${fmt(tGen)} ms |`,
  `| build in-memory port indexes (once) | ${fmt(tIndex)} ms |`,
  `| heap used / RSS at the end | ${fmt(heapMb)} / ${fmt(rssMb)} MB |`,
  '',
].join('\n');

const file = resolve(dirname(fileURLToPath(import.meta.url)), '../docs/benchmarks.md');
let doc: string;
try {
  doc = readFileSync(file, 'utf8');
} catch {
  doc =
    '# Benchmarks\n\nSpeed and memory are measured here, never in unit tests. Medians of whole rounds on a shared 2-core machine: compare ratios, not single figures.\n\n';
}
const start = doc.indexOf('## buildSchedule over the demo agency');
const next = start >= 0 ? doc.indexOf('\n## ', start + 5) : -1;
doc =
  start >= 0
    ? doc.slice(0, start) + section + (next >= 0 ? doc.slice(next + 1) : '')
    : `${doc}${section}`;
writeFileSync(file, doc);
process.stdout.write(`${section}\n`);
