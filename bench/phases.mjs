/**
 * Warm time per phase of a creator-week (issue 11), from the built package (`npm run build`
 * first): the caller's logger port stamps each audit checkpoint as it arrives, so a phase's time
 * is the gap between its checkpoint and the previous event. Medians over `--rounds` rounds of the
 * demo agency's creators.
 *
 *   node bench/phases.mjs [--captions 100] [--history 90] [--rounds 20]
 */
import { buildSchedule, inMemoryPorts } from 'eros-schedule';
import { generateDemoAgency } from 'eros-schedule/demo';
import { arg } from './common.mjs';

const captions = arg('captions', 100);
const historyDays = arg('history', 90);
const rounds = arg('rounds', 20);
const weekStart = '2025-01-20';
const dataset = generateDemoAgency(42, { captions, historyDays, asOf: weekStart });
const base = inMemoryPorts(dataset);
const sums = new Map();
let last = 0;
let on = false;
const ports = {
  ...base,
  log: (event) => {
    const now = performance.now();
    if (on) {
      const key = event.type === 'checkpoint' ? event.phase : event.type;
      sums.set(key, (sums.get(key) ?? 0) + (now - last));
    }
    last = now;
  },
};
const run = async (n) => {
  for (let r = 0; r < n; r++)
    for (const { creatorId } of dataset.creators) {
      const t0 = performance.now();
      last = t0;
      await buildSchedule({ creatorId, weekStart, seed: r })(ports)();
      if (on) sums.set('(total)', (sums.get('(total)') ?? 0) + (performance.now() - t0));
    }
};
await run(3);
on = true;
await run(rounds);
const weeks = rounds * dataset.creators.length;
console.log(
  `${captions} captions, ${historyDays} days: ms per warm creator-week by phase (${weeks} builds)`,
);
for (const [k, v] of [...sums].sort((a, b) => b[1] - a[1]))
  console.log(`${(v / weeks).toFixed(3).padStart(8)}  ${k}`);
