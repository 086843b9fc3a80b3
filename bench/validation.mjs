/**
 * Phase 7 on its own (issue 11): builds the demo agency's weeks from the built package
 * (`npm run build` first), rebuilds each week's `ValidationInput` from the result, checks that
 * `validateSchedule` gives the build's report again, then times `validateSchedule` alone over
 * `--rounds` rounds of every week (warm). `--edited` also times weeks whose items were edited
 * (shuffled, shifted, copied rows, dropped fields), the path of `validateScheduleItems`.
 * `--out FILE` writes every report (built and edited weeks) as one JSON file, to compare two
 * checkouts with `cmp`.
 *
 *   node bench/validation.mjs [--captions 100] [--history 90] [--rounds 200] [--edited] [--out FILE]
 */
import { writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import {
  buildSchedule,
  DEFAULT_POLICY,
  inMemoryPorts,
  sentCampaigns,
  validateSchedule,
} from 'eros-schedule';
import { generateDemoAgency } from 'eros-schedule/demo';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const captions = Number(arg('captions', 100));
const historyDays = Number(arg('history', 90));
const rounds = Number(arg('rounds', 200));
const edited = process.argv.includes('--edited');
const out = arg('out', null);

const addDays = (iso, n) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** A small deterministic generator (the bench's own, not the library's). */
const lcg = (seed) => {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
};

/** Edits of a week's items: what a hand-edited CSV may hold. */
const edits = (items, seed) => {
  const rnd = lcg(seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const shuffled = [...items].sort(() => rnd() - 0.5);
  const shift = (i, minutes) => {
    const at = new Date(Date.parse(i.scheduledAt) + minutes * 60_000).toISOString();
    return { ...i, scheduledAt: at };
  };
  return [
    shuffled,
    items.map((i) => (rnd() < 0.3 ? shift(i, Math.floor(rnd() * 40) - 20) : i)),
    [...items, ...items.slice(0, 5)],
    items.map((i, k) => (k % 7 === 0 ? { ...i, scheduledTime: 'junk', scheduledAt: '' } : i)),
    items.map((i, k) =>
      k % 5 === 0 ? { ...i, sendTypeKey: pick(['nope', 'bundle', 'vip_program']) } : i,
    ),
    items.map((i) => ({ ...i, isFollowUp: rnd() < 0.2 ? !i.isFollowUp : i.isFollowUp })),
    [],
    items.slice(0, 3),
  ];
};

const dataset = generateDemoAgency(42, { captions, historyDays, asOf: '2025-01-20' });
const inputs = [];
const reports = [];
for (const weekStart of ['2025-01-20', '2025-03-03', '2025-03-31', '2025-10-27']) {
  const data =
    weekStart === '2025-01-20'
      ? dataset
      : generateDemoAgency(42, { captions, historyDays, asOf: weekStart });
  const ports = inMemoryPorts(data);
  for (const c of data.creators) {
    const r = await buildSchedule({ creatorId: c.creatorId, weekStart, seed: 1 })(ports)();
    if (r._tag !== 'Right') continue;
    const week = r.right;
    const history = data.history.filter(
      (m) => m.creatorId === c.creatorId && m.sentAt < `${weekStart}T00:00:00Z`,
    );
    const input = {
      creator: week.creator,
      weekDates: Array.from({ length: 7 }, (_, k) => addDays(weekStart, k)),
      items: week.items,
      volume: week.volume,
      vault: data.vaults?.[c.creatorId] ?? null,
      persona: data.personas?.[c.creatorId] ?? null,
      dailyStrategies: week.summary.dailyStrategies,
      priorIssues: week.summary.adjustments,
      policy: DEFAULT_POLICY,
      manualConfidenceOverride: false,
      allowNextDayFollowups: false,
      campaignHistory: sentCampaigns(history, [], week.creator.timezone),
    };
    const again = validateSchedule(input);
    if (!isDeepStrictEqual(again, week.validation))
      console.log(`note: ${c.creatorId} ${weekStart}: the rebuilt input gives another report`);
    inputs.push(input);
    reports.push(again);
    if (edited)
      edits(week.items, inputs.length).forEach((items, k) => {
        const e = { ...input, items, allowNextDayFollowups: k % 2 === 0 };
        inputs.push(e);
        reports.push(validateSchedule(e));
      });
  }
}
if (out !== null) writeFileSync(out, JSON.stringify(reports));
// Every round validates fresh copies of the items, as every build does (a memo keyed by the
// items must not make the bench faster than a build).
const fresh = (n) =>
  Array.from({ length: n }, () =>
    inputs.map((i) => ({ ...i, items: i.items.map((x) => ({ ...x })) })),
  );
for (const round of fresh(20)) for (const i of round) validateSchedule(i);
const copies = fresh(rounds);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
for (const round of copies) for (const i of round) validateSchedule(i);
const cpu = process.cpuUsage(cpu0);
const n = rounds * inputs.length;
const ms = (performance.now() - t0) / n;
const cpuMs = (cpu.user + cpu.system) / 1000 / n;
console.log(
  `validateSchedule: ${ms.toFixed(4)} ms per week (cpu ${cpuMs.toFixed(4)} ms), ${inputs.length} weeks x ${rounds} rounds${edited ? ' (built and edited weeks)' : ''}`,
);
