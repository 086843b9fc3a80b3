/**
 * Before/after comparison (issue 11: output byte-identical): writes every demo creator's week for
 * ten seeds, caption pools of 100 to 60,000, histories of 0 to 365 days and the weeks around
 * the 2025 daylight-saving changes, as one JSON file, from the built package (`npm run build` first). Compare two
 * checkouts with `cmp`:
 *
 *   node bench/snapshot.mjs /tmp/after.json && (cd /tmp/base && node bench/snapshot.mjs /tmp/before.json)
 *   cmp /tmp/before.json /tmp/after.json
 */
import { writeFileSync } from 'node:fs';
import { buildSchedule, inMemoryPorts } from 'eros-schedule';
import { generateDemoAgency } from 'eros-schedule/demo';

const out = [];
for (const [seed, weekStart, captions, historyDays] of [
  [42, '2025-01-20', 2000],
  [7, '2025-03-03', 600],
  [3, '2025-03-24', 2000],
  [11, '2025-10-20', 900],
  [5, '2025-10-27', 2000],
  [9, '2025-03-31', 300],
  [13, '2025-04-07', 100],
  [21, '2025-01-20', 60000, 365],
  [23, '2025-06-02', 20000, 0],
  [25, '2025-11-03', 2000, 30],
]) {
  const dataset = generateDemoAgency(seed, {
    captions,
    asOf: weekStart,
    ...(historyDays === undefined ? {} : { historyDays }),
  });
  const ports = inMemoryPorts(dataset);
  for (const c of dataset.creators) {
    const r = await buildSchedule({ creatorId: c.creatorId, weekStart, seed })(ports)();
    out.push({ seed, weekStart, creatorId: c.creatorId, r });
  }
}
writeFileSync(process.argv[2], JSON.stringify(out));
console.log(out.length, 'weeks');
