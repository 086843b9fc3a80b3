/**
 * Benchmark (issue 11): one creator-week at caption pools of 100, 2,000, 20,000 and 60,000 and
 * histories of 0, 30, 90 and 365 days, warm (median over rounds after a warm-up round) and first
 * (the first build over a freshly built dataset in a process whose code is already loaded); then
 * the cold figures of a new process: the import, the port index build and the first build, each
 * measured apart (ISSUE-NOTES "the cold build"). Rewrites its section of docs/benchmarks.md.
 *
 *   npx tsx bench/matrix.bench.ts [--rounds 3]
 *   npx tsx bench/matrix.bench.ts --cold-child 60000 90   # one cold process (used by the above)
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { fmt, machineLine, median, numberArg, writeSection } from './report';

const weekStart = '2025-01-20';
const args = process.argv.slice(2);

if (args[0] === '--cold-child') {
  // A new process: time the import, the dataset and port build, and the first build apart.
  const captions = Number(args[1]);
  const historyDays = Number(args[2]);
  const t0 = performance.now();
  const lib = await import('../src/index');
  const { generateDemoAgency } = await import('../src/demo');
  const tImport = performance.now() - t0;
  const dataset = generateDemoAgency(42, { captions, historyDays, asOf: weekStart });
  const t1 = performance.now();
  const ports = lib.inMemoryPorts(dataset);
  const tPorts = performance.now() - t1;
  const t2 = performance.now();
  await lib.buildSchedule({ creatorId: 'creator_01', weekStart, seed: 1 })(ports)();
  const tFirst = performance.now() - t2;
  process.stdout.write(JSON.stringify({ tImport, tPorts, tFirst }));
  process.exit(0);
}

const { buildSchedule, inMemoryPorts } = await import('../src/index');
const { generateDemoAgency } = await import('../src/demo');
const rounds = numberArg('rounds', 3);
const POOLS = [100, 2_000, 20_000, 60_000];
const HISTORIES = [0, 30, 90, 365];

const rows: string[] = [];
for (const captions of POOLS)
  for (const historyDays of HISTORIES) {
    const dataset = generateDemoAgency(42, { captions, historyDays, asOf: weekStart });
    const ports = inMemoryPorts(dataset);
    const creators = dataset.creators.map((c) => c.creatorId);
    const warm: number[] = [];
    let first = Number.NaN;
    for (let round = 0; round <= rounds; round++)
      for (const creatorId of creators) {
        const s = performance.now();
        const r = await buildSchedule({ creatorId, weekStart, seed: round })(ports)();
        const ms = performance.now() - s;
        if (r._tag === 'Left') throw new Error(`${creatorId}: ${r.left.message}`);
        if (Number.isNaN(first)) first = ms;
        if (round > 0) warm.push(ms);
      }
    rows.push(
      `| ${captions.toLocaleString('en-US')} | ${historyDays} | ${dataset.history.length.toLocaleString('en-US')} | ${fmt(median(warm))} | ${fmt(first)} |`,
    );
  }

const self = fileURLToPath(import.meta.url);
const cold = (captions: number, historyDays: number) => {
  const runs = Array.from({ length: 3 }, () =>
    JSON.parse(
      execFileSync(
        process.execPath,
        ['--import', 'tsx', self, '--cold-child', String(captions), String(historyDays)],
        { encoding: 'utf8' },
      ),
    ),
  );
  const m = (k: string) => fmt(median(runs.map((r) => r[k] as number)));
  return `| ${captions.toLocaleString('en-US')} | ${historyDays} | ${m('tImport')} | ${m('tPorts')} | ${m('tFirst')} |`;
};
const coldRows = [cold(100, 90), cold(60_000, 90)];

writeSection('## One creator-week by caption pool and history length', [
  'Command: `npx tsx bench/matrix.bench.ts` (reproduces this section; it rewrites it in place).',
  '',
  machineLine(),
  '',
  `Demo agency (seed 42), 12 creators, week of ${weekStart}; warm = median over ${rounds} rounds of the 12 creator-weeks after 1 warm-up round; first = the first build over that dataset (code already loaded by the earlier rows).`,
  '',
  '| captions | history days | history messages (all creators) | warm ms per creator-week | first build ms |',
  '|---|---|---|---|---|',
  ...rows,
  '',
  'Cold: a new process (`tsx`, sources compiled on import) per run, median of 3 runs: the import of the library and the demo module, the port index build over the dataset, then the first `buildSchedule`.',
  '',
  '| captions | history days | import ms | port index build ms | first build ms |',
  '|---|---|---|---|---|',
  ...coldRows,
]);
