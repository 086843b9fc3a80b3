import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { generateDemoAgency } from '../src/demo';
import { buildSchedule, inMemoryPorts, type SchedulePorts, withResilience } from '../src/index';
import { fmt, machineLine, median, numberArg, writeSection } from './report';

const rounds = numberArg('rounds', 5);
const captions = numberArg('captions', 60_000);
const weekStart = '2025-01-20';

const t0 = performance.now();
const dataset = generateDemoAgency(42, { captions, asOf: weekStart });
const tGen = performance.now() - t0;
const t1 = performance.now();
const ports = inMemoryPorts(dataset);
const tIndex = performance.now() - t1;
const creators = dataset.creators.map((c) => c.creatorId);

/** Median ms per creator-week and per round over `rounds` rounds after one warm-up round. */
const measure = async (p: SchedulePorts) => {
  const perWeek: number[] = [];
  const perRound: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    const r0 = performance.now();
    for (const creatorId of creators) {
      const s = performance.now();
      const result = await buildSchedule({ creatorId, weekStart, seed: round })(p)();
      const ms = performance.now() - s;
      if (result._tag === 'Left') throw new Error(`${creatorId}: ${result.left.message}`);
      if (round > 0) perWeek.push(ms);
    }
    if (round > 0) perRound.push(performance.now() - r0);
  }
  return { perWeek, perRound };
};

const { perWeek, perRound } = await measure(ports);
const resilient = withResilience(ports, {
  clock: { now: () => Date.now() },
  sleep: (ms, signal) => delay(ms, undefined, { signal }),
});
if (resilient._tag === 'Left') throw new Error(resilient.left.map((e) => e.message).join('; '));
const wrapped = await measure(resilient.right);
const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
const rssMb = process.memoryUsage().rss / 1024 / 1024;

writeSection('## buildSchedule over the demo agency', [
  'Command: `npx tsx bench/buildSchedule.bench.ts` (reproduces this section; it rewrites it in place; `npm run bench` runs all three benchmarks).',
  '',
  machineLine(),
  '',
  `Demo agency: ${creators.length} creators, ${dataset.captions.length.toLocaleString('en-US')} captions, ${dataset.history.length.toLocaleString('en-US')} history messages; ${rounds} rounds after 1 warm-up round, seeds 1..${rounds}.`,
  '',
  '| figure | value |',
  '|---|---|',
  `| median per creator-week | ${fmt(median(perWeek))} ms |`,
  `| min / max per creator-week | ${fmt(Math.min(...perWeek))} / ${fmt(Math.max(...perWeek))} ms |`,
  `| median per round (${creators.length} creator-weeks) | ${fmt(median(perRound))} ms |`,
  `| median per creator-week, ports under \`withResilience\` (timeouts, retry, breakers; real clock) | ${fmt(median(wrapped.perWeek))} ms |`,
  `| generate demo dataset (once) | ${fmt(tGen)} ms |`,
  `| build in-memory port indexes (once) | ${fmt(tIndex)} ms |`,
  `| heap used / RSS at the end | ${fmt(heapMb)} / ${fmt(rssMb)} MB |`,
]);
