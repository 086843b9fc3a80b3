/**
 * CPU profile of warm creator-weeks (issue 11): builds the demo agency's weeks from the built
 * package (`npm run build` first), warms up, times `--rounds` rounds, then samples `--rounds`
 * more under the V8 profiler and prints the top functions by self and by inclusive time (the
 * share of samples; a function is counted once per stack). `--out FILE` keeps the raw
 * `.cpuprofile` for a viewer.
 *
 *   node bench/profile.mjs [--captions 100] [--history 90] [--rounds 8] [--top 30] [--out FILE]
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { buildSchedule, inMemoryPorts } from 'eros-schedule';
import { generateDemoAgency } from 'eros-schedule/demo';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const captions = Number(arg('captions', 100));
const historyDays = Number(arg('history', 90));
const rounds = Number(arg('rounds', 8));
const topN = Number(arg('top', 30));
const out = arg('out', null);
const weekStart = '2025-01-20';

const dataset = generateDemoAgency(42, { captions, historyDays, asOf: weekStart });
const ports = inMemoryPorts(dataset);
const creators = dataset.creators.map((c) => c.creatorId);
const run = async (n) => {
  for (let r = 0; r < n; r++)
    for (const creatorId of creators)
      await buildSchedule({ creatorId, weekStart, seed: r })(ports)();
};
await run(2);
const t0 = performance.now();
await run(rounds);
const ms = (performance.now() - t0) / (rounds * creators.length);
console.log(
  `${captions} captions, ${historyDays} days (${dataset.history.length} history messages): ${ms.toFixed(3)} ms per warm creator-week, ${rounds * creators.length} builds`,
);

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
await run(rounds);
const { profile } = await session.post('Profiler.stop');
session.disconnect();
if (out !== null) writeFileSync(out, JSON.stringify(profile));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
const counts = new Map();
for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
const self = new Map();
const inclusive = new Map();
for (const [id, c] of counts) {
  const k = label(byId.get(id));
  self.set(k, (self.get(k) ?? 0) + c);
  const seen = new Set();
  for (let p = id; p !== undefined; p = parent.get(p)) {
    const kk = label(byId.get(p));
    if (seen.has(kk)) continue;
    seen.add(kk);
    inclusive.set(kk, (inclusive.get(kk) ?? 0) + c);
  }
}
const total = profile.samples.length;
const table = (m) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, topN)
    .map(
      ([k, v]) =>
        `${((100 * v) / total).toFixed(1).padStart(5)} %  ${((v / total) * ms).toFixed(3).padStart(7)} ms  ${k}`,
    )
    .join('\n');
console.log(`--- self time (share, ms per week)\n${table(self)}`);
console.log(`--- inclusive time (share, ms per week)\n${table(inclusive)}`);
