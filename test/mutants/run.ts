/**
 * Mutation check of the hard rules (issue 12): applies each one-line mutant of `MUTANTS` to
 * `src/`, runs the PROPERTY tests that guard it, and prints killed / survived. A mutant is killed
 * when at least one of those property tests fails. The source is restored after every mutant,
 * also when the run is interrupted.
 *
 *   npm run test:mutants                 # every mutant
 *   npm run test:mutants -- vip spacing  # the mutants whose name contains one of the words
 *
 * Not part of `npm test`: it runs the property suites once per mutant (minutes).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Mutant {
  readonly name: string;
  /** The seed rule it breaks. */
  readonly rule: string;
  readonly file: string;
  /** Exact text to replace; it must occur exactly once in the file. */
  readonly find: string;
  readonly replace: string;
  /** Property test files (and optional `-t` name filter) expected to kill it. */
  readonly tests: ReadonlyArray<string>;
}

/** The property suites built on the independent literal oracle. */
const BUILT_WEEKS = 'test/oracle/builtWeeks.test.ts';
const PIPELINE_PROPERTIES = 'test/pipeline/properties.test.ts';
const SAME_STYLE = 'test/rotation/sameStyle.test.ts';
const LINK_DROPS = 'test/timing/linkDrops.test.ts';
const POLICY = 'src/domain/policy.ts';
const CATALOG = 'src/domain/catalog.ts';

const MUTANTS: ReadonlyArray<Mutant> = [
  {
    name: 'vip_program weekly cap 1 -> 2',
    rule: '001 §2.4 weekly caps',
    file: CATALOG,
    find: '            requiresFlyer: true,\n            minMinutesBetween: 24 * H,\n            weeklyCap: 1,',
    replace:
      '            requiresFlyer: true,\n            minMinutesBetween: 24 * H,\n            weeklyCap: 2,',
    tests: [BUILT_WEEKS, PIPELINE_PROPERTIES],
  },
  {
    name: 'spacing target 45 -> 35',
    rule: 'RULINGS spacing (45, then 30, then 20)',
    file: POLICY,
    find: 'spacingSteps: [45, 30, 20],',
    replace: 'spacingSteps: [35, 30, 20],',
    tests: [BUILT_WEEKS, PIPELINE_PROPERTIES],
  },
  {
    name: 'spacing floor 20 -> 10',
    rule: 'RULINGS relaxation (never under 20)',
    file: POLICY,
    find: 'spacingSteps: [45, 30, 20],',
    replace: 'spacingSteps: [45, 30, 10],',
    tests: [BUILT_WEEKS],
  },
  {
    name: '4-hour block cap 3 -> 4',
    rule: 'RULINGS spacing (3 per family per 4-hour block)',
    file: POLICY,
    find: '    blockMinutes: 240,\n    maxPerBlock: 3,',
    replace: '    blockMinutes: 240,\n    maxPerBlock: 4,',
    tests: [BUILT_WEEKS, PIPELINE_PROPERTIES],
  },
  {
    name: 'like_farm gap 24 h -> 12 h',
    rule: '001 §5.6 per-type gaps',
    file: CATALOG,
    find: "          'like_farm',\n          row({\n            displayName: 'Like Farm',\n            category: 'engagement',\n            pageTypes: both,\n            captionTypes: ['engagement_prompt', 'casual'],\n            requiresMedia: false,\n            mediaType: 'none',\n            requiresFlyer: false,\n            minMinutesBetween: 24 * H,",
    replace:
      "          'like_farm',\n          row({\n            displayName: 'Like Farm',\n            category: 'engagement',\n            pageTypes: both,\n            captionTypes: ['engagement_prompt', 'casual'],\n            requiresMedia: false,\n            mediaType: 'none',\n            requiresFlyer: false,\n            minMinutesBetween: 12 * H,",
    tests: [BUILT_WEEKS, PIPELINE_PROPERTIES],
  },
  {
    name: 'category balance: revenue share 0.3 -> 0.2',
    rule: 'RULINGS category balance (revenue >= 30 %)',
    file: POLICY,
    find: '    revenueMinShare: 0.3,',
    replace: '    revenueMinShare: 0.2,',
    tests: [BUILT_WEEKS, PIPELINE_PROPERTIES],
  },
  {
    name: 'category balance: retention share 0.2 -> 0.3',
    rule: 'RULINGS category balance (retention <= 20 %)',
    file: POLICY,
    find: '    retentionMaxShare: 0.2,',
    replace: '    retentionMaxShare: 0.3,',
    tests: [BUILT_WEEKS, PIPELINE_PROPERTIES],
  },
  {
    name: 'follow-ups a day 4 -> 5',
    rule: '000 gap 5.1 (at most 4 a day)',
    file: POLICY,
    find: '    /** 000 gap 5.1. */\n    maxPerDay: 4,',
    replace: '    /** 000 gap 5.1. */\n    maxPerDay: 5,',
    tests: [BUILT_WEEKS, PIPELINE_PROPERTIES],
  },
  {
    name: 'follow-up window 15-45 -> 10-45',
    rule: '003 task 2.3 window',
    file: POLICY,
    find: '    minDelayMinutes: 15,',
    replace: '    minDelayMinutes: 10,',
    tests: [BUILT_WEEKS, PIPELINE_PROPERTIES],
  },
  {
    name: 'follow-up window 15-45 -> 15-55',
    rule: '003 task 2.3 window',
    file: POLICY,
    find: '    maxDelayMinutes: 45,',
    replace: '    maxDelayMinutes: 55,',
    tests: [BUILT_WEEKS, PIPELINE_PROPERTIES],
  },
  {
    name: 'follow-up delay mean 28 -> 35',
    rule: '003 task 2.3 (truncated normal, mean 28)',
    file: POLICY,
    find: '    meanDelayMinutes: 28,',
    replace: '    meanDelayMinutes: 35,',
    tests: [BUILT_WEEKS],
  },
  {
    name: 'jitter -7..+8 -> -7..+14',
    rule: '003 task 2.6 jitter range',
    file: POLICY,
    find: '    jitterMax: 8,',
    replace: '    jitterMax: 14,',
    tests: [BUILT_WEEKS, 'test/timing/properties.test.ts'],
  },
  {
    name: 'freshness recovery 30 days -> 10',
    rule: 'RULINGS freshness (linear recovery over 30 days)',
    file: POLICY,
    find: '    freshnessRecoveryDays: 30,',
    replace: '    freshnessRecoveryDays: 10,',
    tests: ['test/content/matchContent.test.ts'],
  },
  {
    name: 'confidence gate 0.3 -> 0.4',
    rule: '001 consumption rule 5; RULINGS new and sparse creators',
    file: POLICY,
    find: '    failBelowConfidence: 0.3,',
    replace: '    failBelowConfidence: 0.4,',
    tests: [BUILT_WEEKS],
  },
  {
    name: 'confidence gate 0.3 -> 0.2',
    rule: 'RULINGS new and sparse creators (minimum safe below 0.3)',
    file: POLICY,
    find: '    failBelowConfidence: 0.3,',
    replace: '    failBelowConfidence: 0.2,',
    tests: [BUILT_WEEKS],
  },
  {
    name: 'minimum safe confidence 0.3 -> 0.4',
    rule: '001 Volume Configuration Degradation level 3 (confidence 0.3)',
    file: POLICY,
    find: '      minimumSafeConfidence: 0.3, // level 3: no data, minimum safe values',
    replace: '      minimumSafeConfidence: 0.4, // level 3: no data, minimum safe values',
    tests: [BUILT_WEEKS],
  },
  {
    name: 'base quotas: low tier revenue 3 -> 4',
    rule: '001 §1.2 tier table',
    file: POLICY,
    find: "      { tier: 'low', minFans: 0, revenuePerDay: 3, engagementPerDay: 3, retentionPerDay: 1 },",
    replace:
      "      { tier: 'low', minFans: 0, revenuePerDay: 4, engagementPerDay: 3, retentionPerDay: 1 },",
    tests: [BUILT_WEEKS],
  },
  {
    name: 'base quotas: mid tier threshold 1,000 -> 2,000 fans',
    rule: '001 §1.2 tiers (mid from 1,000 fans)',
    file: POLICY,
    find: "      { tier: 'mid', minFans: 1000,",
    replace: "      { tier: 'mid', minFans: 2000,",
    tests: [BUILT_WEEKS],
  },
  {
    name: 'minimum safe quotas 3/3/1 -> 3/3/2',
    rule: '001 Volume Configuration Degradation level 3',
    file: POLICY,
    find: '    conservativeQuotas: { revenue: 3, engagement: 3, retention: 1 },',
    replace: '    conservativeQuotas: { revenue: 3, engagement: 3, retention: 2 },',
    tests: [BUILT_WEEKS],
  },
  {
    name: 'same style: bundles allowed back to back',
    rule: '003 task 2.2 (never two winners or two bundles in a row)',
    file: POLICY,
    find: "    noBackToBackStyles: ['winner', 'bundle'],",
    replace: "    noBackToBackStyles: ['winner'],",
    tests: [BUILT_WEEKS, SAME_STYLE],
  },
  {
    name: 'same style: AM/PM split 12:00 -> 15:00',
    rule: '003 task 2.2 (a same-style pair split across AM and PM)',
    file: POLICY,
    find: '    amPmSplitHour: 12,',
    replace: '    amPmSplitHour: 15,',
    tests: [BUILT_WEEKS, SAME_STYLE],
  },
  {
    name: 'link drop lookback 24 h -> 12 h',
    rule: '003 task 2.4 (a link drop promotes a campaign of the last 24 hours)',
    file: POLICY,
    find: '    linkDropLookbackHours: 24,',
    replace: '    linkDropLookbackHours: 12,',
    tests: [BUILT_WEEKS, LINK_DROPS],
  },
];

const words = process.argv.slice(2).map((w) => w.toLowerCase());
const chosen = MUTANTS.filter(
  (m) => words.length === 0 || words.some((w) => m.name.toLowerCase().includes(w)),
);

const restoreAll = new Map<string, string>();
const restore = (): void => {
  for (const [file, text] of restoreAll) writeFileSync(resolve(root, file), text);
  restoreAll.clear();
};
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    restore();
    process.exit(130);
  });

/** The failing tests of a vitest JSON report, `file > name`; the file alone when none is named. */
const failedTests = (file: string, report: string): ReadonlyArray<string> => {
  if (!existsSync(report)) return [`${file} (no report: the run crashed)`];
  const json = JSON.parse(readFileSync(report, 'utf8')) as {
    testResults?: ReadonlyArray<{
      assertionResults?: ReadonlyArray<{ status?: string; title?: string }>;
    }>;
  };
  const names = (json.testResults ?? []).flatMap((f) =>
    (f.assertionResults ?? [])
      .filter((a) => a.status === 'failed')
      .map((a) => `${file} > ${a.title}`),
  );
  return names.length > 0 ? names : [`${file} (failed outside a test)`];
};

interface Outcome {
  readonly mutant: Mutant;
  readonly status: 'killed' | 'survived' | 'invalid';
  readonly by: ReadonlyArray<string>;
  readonly seconds: number;
}

const outcomes: Outcome[] = [];
for (const mutant of chosen) {
  const path = resolve(root, mutant.file);
  const original = readFileSync(path, 'utf8');
  const count = original.split(mutant.find).length - 1;
  if (count !== 1) {
    outcomes.push({ mutant, status: 'invalid', by: [`text found ${count} times`], seconds: 0 });
    continue;
  }
  restoreAll.set(mutant.file, original);
  writeFileSync(path, original.replace(mutant.find, mutant.replace));
  const start = Date.now();
  const by: string[] = [];
  try {
    for (const test of mutant.tests) {
      const report = join(tmpdir(), `eros-mutant-${process.pid}.json`);
      const r = spawnSync(
        'npx',
        ['vitest', 'run', test, '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`],
        { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } },
      );
      if (r.status !== 0) by.push(...failedTests(test, report));
      rmSync(report, { force: true });
      if (by.length > 0) break;
    }
  } finally {
    restore();
  }
  const outcome: Outcome = {
    mutant,
    status: by.length > 0 ? 'killed' : 'survived',
    by,
    seconds: Math.round((Date.now() - start) / 1000),
  };
  outcomes.push(outcome);
  process.stdout.write(
    `${outcome.status.padEnd(8)} ${mutant.name} (${mutant.rule}) [${outcome.seconds} s]\n${by.map((t) => `           by ${t}\n`).join('')}`,
  );
}

const killed = outcomes.filter((o) => o.status === 'killed').length;
const survived = outcomes.filter((o) => o.status === 'survived');
const invalid = outcomes.filter((o) => o.status === 'invalid');
process.stdout.write(
  `\nmutants: ${killed} killed, ${survived.length} survived, ${invalid.length} invalid of ${outcomes.length}\n`,
);
for (const o of [...survived, ...invalid])
  process.stdout.write(`  ${o.status}: ${o.mutant.name} ${o.by.join(' ')}\n`);
process.exitCode = survived.length + invalid.length > 0 ? 1 : 0;
