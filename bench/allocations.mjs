/**
 * Bytes allocated per warm creator-week (issue 11: garbage collection was ~6 ms a week), from
 * the built package (`npm run build` first): V8's sampling heap profiler, counting objects the
 * collector has already freed too, over `--rounds` rounds of the demo agency after a warm-up.
 * Unlike a timing it hardly moves with the machine's load, so it compares two checkouts on a
 * busy machine. Prints the total and the top allocating functions (self, KB per week).
 *
 *   node bench/allocations.mjs [--captions 60000] [--history 90] [--rounds 5] [--top 30]
 */
import { Session } from 'node:inspector/promises';
import { buildSchedule, inMemoryPorts } from 'eros-schedule';
import { generateDemoAgency } from 'eros-schedule/demo';
import { arg } from './common.mjs';

const captions = arg('captions', 60000);
const historyDays = arg('history', 90);
const rounds = arg('rounds', 5);
const topN = arg('top', 30);
const weekStart = '2025-01-20';
const dataset = generateDemoAgency(42, { captions, historyDays, asOf: weekStart });
const ports = inMemoryPorts(dataset);
const run = async (n) => {
  for (let r = 0; r < n; r++)
    for (const c of dataset.creators)
      await buildSchedule({ creatorId: c.creatorId, weekStart, seed: r })(ports)();
};
await run(3);
const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 512,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
await run(rounds);
const { profile } = await session.post('HeapProfiler.stopSampling');
session.disconnect();
const self = new Map();
let total = 0;
const walk = (node) => {
  const f = node.callFrame;
  const label = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
  total += node.selfSize;
  self.set(label, (self.get(label) ?? 0) + node.selfSize);
  for (const c of node.children) walk(c);
};
walk(profile.head);
const weeks = rounds * dataset.creators.length;
console.log(
  `${captions} captions, ${historyDays} days: ${(total / weeks / 1e6).toFixed(2)} MB allocated per warm creator-week (${weeks} builds)`,
);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, topN))
  console.log(`${(v / weeks / 1e3).toFixed(1).padStart(9)} KB  ${k}`);
