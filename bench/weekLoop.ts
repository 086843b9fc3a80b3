/**
 * A plain loop for paired timings of two checkouts: generates the demo agency (seed 1) and
 * builds its 12 creators 4 times for the week of 2025-01-20, then prints the mean ms per
 * creator-week. The checkout is the first argument (default: this one), so the same script
 * times a baseline worktree:
 *
 *   farm-bench -n 6 --timeout 600 --vs "node --import tsx bench/weekLoop.ts /tmp/base" -- node --import tsx bench/weekLoop.ts
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(process.argv[2] ?? '.');
const load = (path: string) => import(pathToFileURL(resolve(root, path)).href);
const { generateDemoAgency } = await load('src/demo/index.ts');
const { buildSchedule, inMemoryPorts } = await load('src/index.ts');
const dataset = generateDemoAgency(1, { asOf: '2025-01-20' });
const ports = inMemoryPorts(dataset);
const t0 = performance.now();
let n = 0;
for (let round = 0; round < 4; round++)
  for (const c of dataset.creators) {
    await buildSchedule({ creatorId: c.creatorId, weekStart: '2025-01-20', seed: round })(ports)();
    n++;
  }
console.log(`${((performance.now() - t0) / n).toFixed(1)} ms per creator-week (${n} builds)`);
