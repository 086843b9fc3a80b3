/**
 * Benchmark: `calculateOptimizedVolume` with 90 days of history for each demo creator.
 * Rewrites its section of docs/benchmarks.md.
 *
 *   npx tsx bench/volume.bench.ts [--runs 30]
 */
import { performance } from 'node:perf_hooks';
import { generateDemoAgency } from '../src/demo';
import { calculateOptimizedVolume, inMemoryPorts } from '../src/index';
import { fmt, machineLine, median, numberArg, writeSection } from './report';

const runs = numberArg('runs', 30);
const weekStart = '2025-01-20';
const dataset = generateDemoAgency(42, { asOf: weekStart });
const ports = inMemoryPorts(dataset);
const contexts = await Promise.all(
  dataset.creators.map(async (creator) => {
    const counts = await ports.countUsableCaptions?.(creator.creatorId, weekStart, null)();
    return {
      creator,
      trends: dataset.trends?.[creator.creatorId] ?? null,
      history: dataset.history.filter((m) => m.creatorId === creator.creatorId),
      asOf: weekStart,
      vault: dataset.vaults?.[creator.creatorId] ?? null,
      usableCaptions: counts && counts._tag === 'Right' ? counts.right : null,
      contentRankings: dataset.contentRankings?.[creator.creatorId] ?? null,
    };
  }),
);
const times: number[] = [];
for (let r = 0; r <= runs; r++)
  for (const context of contexts) {
    const s = performance.now();
    calculateOptimizedVolume(context);
    if (r > 0) times.push(performance.now() - s);
  }
const messages = contexts.map((c) => c.history.length);
writeSection('## calculateOptimizedVolume with 90 days of history', [
  'Command: `npx tsx bench/volume.bench.ts` (reproduces this section; it rewrites it in place).',
  '',
  machineLine(),
  '',
  `Demo agency (seed 42): ${contexts.length} creators, ${Math.min(...messages)}-${Math.max(...messages)} history messages each (90 days, one new creator with 10 days); every module on (fusion or on-demand scores, confidence, weekday multipliers, page-type range, elasticity fit, content weighting, trait tests, caption-pool check); ${runs} runs after 1 warm-up run.`,
  '',
  '| figure | value |',
  '|---|---|',
  `| median per creator | ${fmt(median(times))} ms |`,
  `| min / max per creator | ${fmt(Math.min(...times))} / ${fmt(Math.max(...times))} ms |`,
]);
