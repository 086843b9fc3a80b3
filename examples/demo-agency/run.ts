/**
 * Builds a week for every creator of the demo agency and prints it.
 *
 *   npm run example                                  # seed 42, week of 2025-01-20, all creators
 *   npm run example -- --creators 3                  # the first 3 creators
 *   npm run example -- --creators creator_02,creator_09 --seed 7 --week-start 2025-01-27
 *   npm run example -- --json > weeks.json           # only the ScheduleResult array on stdout
 *
 * The library is imported by its package name (`eros-schedule`, `eros-schedule/demo`), which the
 * package's own exports map resolves to the built `dist/` (`npm ci` builds it; after editing
 * `src/`, `npm run build`). The seed drives both the demo data and the build. Exit code 1 when a build returns `Left` or a
 * week's validation status is not `passed` / `passed_with_warnings` (the reasons go to stderr);
 * 2 on bad arguments.
 */

import type { Issue, ScheduleItem, ScheduleResult } from 'eros-schedule';
import * as lib from 'eros-schedule';
import { generateDemoAgency } from 'eros-schedule/demo';

const USAGE =
  'usage: run.ts [--seed N] [--week-start YYYY-MM-DD] [--creators N | id,id,...] [--json]';

interface Args {
  readonly seed: number;
  readonly weekStart: string;
  readonly creators: number | ReadonlyArray<string> | null;
  readonly json: boolean;
}

const fail = (message: string): never => {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
};

const parseArgs = (argv: ReadonlyArray<string>): Args => {
  let seed = 42;
  let weekStart = '2025-01-20';
  let creators: Args['creators'] = null;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split('=', 2) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      return v === undefined ? fail(`${flag} needs a value`) : v;
    };
    switch (flag) {
      case '--seed': {
        const v = value();
        seed = Number(v);
        if (!Number.isInteger(seed)) fail(`--seed: expected a whole number, got ${v}`);
        break;
      }
      case '--week-start':
        weekStart = value();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(weekStart) || Number.isNaN(Date.parse(weekStart)))
          fail(`--week-start: expected YYYY-MM-DD, got ${weekStart}`);
        break;
      case '--creators': {
        const v = value();
        if (/^\d+$/.test(v)) creators = Number(v);
        else
          creators = v
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s.length > 0);
        break;
      }
      case '--json':
        json = true;
        break;
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
        break;
      default:
        fail(`unknown argument ${arg}`);
    }
  }
  return { seed, weekStart, creators, json };
};

// ------------------------------------------------------------------------------------------------
// Formatting
// ------------------------------------------------------------------------------------------------

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));

const truncate = (s: string, n: number): string => {
  const chars = Array.from(s.replace(/\s+/g, ' ').trim());
  return chars.length <= n ? chars.join('') : `${chars.slice(0, n - 1).join('')}…`;
};

const price = (p: number | null): string =>
  p === null ? '' : `$${Number.isInteger(p) ? p : p.toFixed(2)}`;

const captionOf = (item: ScheduleItem): string =>
  item.needsCaption ? `[${item.captionText}]` : truncate(item.captionText, 50);

const row = (item: ScheduleItem, indent: string): string =>
  `${indent}${item.scheduledTime.slice(0, 5)}  ${pad(item.sendTypeKey, 17)} ${pad(item.channelKey, 16)} ${pad(item.targetKey, 18)} ${pad(price(item.suggestedPrice), 6)} ${captionOf(item)}`;

const codeCounts = (issues: ReadonlyArray<Issue>): string => {
  const counts = new Map<string, number>();
  for (const i of issues) counts.set(i.code, (counts.get(i.code) ?? 0) + 1);
  return [...counts].map(([code, n]) => (n > 1 ? `${code} x${n}` : code)).join(', ');
};

const tierOf = (r: ScheduleResult): string => r.volume.finalConfig.tier;

const weekTable = (r: ScheduleResult, weekdayOf: (date: string) => number): string => {
  const c = r.creator;
  const v = r.volume;
  const f = v.finalConfig;
  const lines: string[] = [
    `== ${c.creatorId} (${c.displayName ?? c.creatorId}) | ${tierOf(r)} tier, ${c.fanCount.toLocaleString('en-US')} fans | ${c.pageType} page, ${c.contentPageType}/${c.subType} | ${c.timezone}`,
    `   volume ${f.revenuePerDay} rev / ${f.engagementPerDay} eng / ${f.retentionPerDay} ret per day (saturation ${v.fusedSaturation}, opportunity ${v.fusedOpportunity}, confidence ${v.confidenceScore}, ${v.dataSource})`,
    `   validation ${r.validation.status} (${r.validation.score})`,
  ];
  if (r.validation.errors.length > 0) lines.push(`   errors: ${codeCounts(r.validation.errors)}`);
  const warnings = r.validation.warnings;
  const notes = r.validation.notes;
  if (warnings.length > 0) lines.push(`   warnings: ${codeCounts(warnings)}`);
  if (notes.length > 0) lines.push(`   notes: ${codeCounts(notes)}`);

  const dates = [
    ...new Set([...Object.keys(r.summary.dailyStrategies), ...r.items.map((i) => i.scheduledDate)]),
  ].sort();
  const followupsOf = new Map<string, ScheduleItem[]>();
  for (const item of r.items)
    if (item.isFollowUp && item.parentItemId !== null)
      followupsOf.set(item.parentItemId, [...(followupsOf.get(item.parentItemId) ?? []), item]);
  const parentIds = new Set(r.items.filter((i) => !i.isFollowUp).map((i) => i.slotId));
  const byTime = (a: ScheduleItem, b: ScheduleItem) => a.scheduledAt.localeCompare(b.scheduledAt);

  for (const date of dates) {
    const strategy = r.summary.dailyStrategies[date] ?? '-';
    const prime = r.summary.dailyPrimeHours[date];
    lines.push(
      '',
      `   ${WEEKDAYS[weekdayOf(date)] ?? ''} ${date}  ${strategy}${prime ? `  (prime hours ${prime.join(', ')})` : ''}`,
    );
    const dayItems = r.items
      .filter(
        (i) =>
          i.scheduledDate === date &&
          (!i.isFollowUp || i.parentItemId === null || !parentIds.has(i.parentItemId)),
      )
      .sort(byTime);
    for (const item of dayItems) {
      lines.push(row(item, '     '));
      for (const fu of [...(followupsOf.get(item.slotId) ?? [])].sort(byTime))
        lines.push(row(fu, '       ↳ '));
    }
  }
  return lines.join('\n');
};

const summaryLine = (r: ScheduleResult): string => {
  const base = r.items.filter((i) => !i.isFollowUp);
  const count = (cat: string) => base.filter((i) => i.category === cat).length;
  const followups = r.items.length - base.length;
  return `${r.creatorId}: ${r.items.length} items (${count('revenue')} rev / ${count('engagement')} eng / ${count('retention')} ret, ${followups} follow-ups), ${r.summary.uniqueSendTypes} types, ${r.validation.status} (${r.validation.score})`;
};

// ------------------------------------------------------------------------------------------------
// Main
// ------------------------------------------------------------------------------------------------

const args = parseArgs(process.argv.slice(2));
const rosterSize = typeof args.creators === 'number' ? Math.max(args.creators, 12) : undefined;
const dataset = generateDemoAgency(args.seed, {
  asOf: args.weekStart,
  ...(rosterSize ? { creators: rosterSize } : {}),
});
const ports = lib.inMemoryPorts(dataset);
const ids =
  args.creators === null
    ? dataset.creators.map((c) => c.creatorId)
    : typeof args.creators === 'number'
      ? dataset.creators.slice(0, args.creators).map((c) => c.creatorId)
      : args.creators;

const results: ScheduleResult[] = [];
const problems: string[] = [];
for (const creatorId of ids) {
  const built = await lib.buildSchedule({ creatorId, weekStart: args.weekStart, seed: args.seed })(
    ports,
  )();
  if (built._tag === 'Left') {
    const e = built.left;
    problems.push(`${creatorId}: build failed with ${e.code}: ${e.message}`);
    for (const i of e.issues) problems.push(`  [${i.code}] ${i.path ?? ''} ${i.message}`);
    continue;
  }
  const r = built.right;
  results.push(r);
  if (r.validation.status !== 'passed' && r.validation.status !== 'passed_with_warnings') {
    problems.push(`${creatorId}: validation ${r.validation.status} (${r.validation.score})`);
    for (const i of r.validation.errors) problems.push(`  error [${i.code}] ${i.message}`);
    for (const i of r.validation.warnings) problems.push(`  warning [${i.code}] ${i.message}`);
  }
}

if (args.json) {
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} else {
  const header = `Demo agency, seed ${args.seed}, week of ${args.weekStart}`;
  process.stdout.write(
    `${header}\n\n${results.map((r) => weekTable(r, lib.weekdayOf)).join('\n\n')}\n\n`,
  );
  process.stdout.write(`${results.map(summaryLine).join('\n')}\n`);
}
if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exitCode = 1;
}
