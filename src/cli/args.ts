/**
 * The command line: subcommands and options, parsed with `node:util` `parseArgs` (strict: an
 * unknown or misspelled option is an error naming it). Shell code: nothing in the core imports it.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { isIsoDate } from '../domain/time';

/** The output formats of `plan` and `demo`. */
export const FORMATS = ['table', 'json', 'csv', 'ics', 'html'] as const;

/** One output format. */
export type Format = (typeof FORMATS)[number];

/** What the user asked for, checked. */
export type Command =
  | { readonly kind: 'help'; readonly topic: string | null }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'plan' | 'demo';
      readonly data: string | null;
      readonly settings: string | null;
      readonly weekStart: string | null;
      readonly seed: number;
      readonly creators: ReadonlyArray<string> | number | null;
      readonly format: Format;
      readonly out: string | null;
      readonly concurrency: number;
      /** Worker threads the weeks are spread over, `null`: none (built in this thread). */
      readonly workers: number | null;
      readonly utc: boolean;
      readonly alarm: number | null;
      /** demo: also write the demo agency as a dataset JSON file (for `plan --data`). */
      readonly saveDataset: string | null;
    }
  | {
      readonly kind: 'explain';
      readonly slotId: string;
      readonly data: string | null;
      readonly settings: string | null;
      readonly creator: string | null;
      readonly weekStart: string | null;
      /** `null`: not given (42, or the file's seed for validate). */
      readonly seed: number | null;
      readonly json: boolean;
    }
  | {
      readonly kind: 'validate';
      readonly file: string;
      readonly data: string | null;
      readonly settings: string | null;
      readonly creator: string | null;
      readonly weekStart: string | null;
      readonly seed: number | null;
      readonly json: boolean;
    };

/** The usage text, printed by `help` and after a bad command line. */
export const USAGE = `eros-schedule: weekly messaging schedules for creator accounts

Usage:
  eros-schedule plan     --data PATH [options]   build weeks for the creators of a data source
  eros-schedule demo     [options]               the same over the built-in demo agency
  eros-schedule explain  SLOT [options]          why an item of a week is where it is
  eros-schedule validate FILE [options]          run the validation checks over a week (.json or .csv)
  eros-schedule help | --help | --version

Data:
  --data PATH          a dataset JSON file, or a folder of agency exports (creator_stats_week.csv, ...);
                       without it, explain and validate use the demo agency
  --settings FILE      agency settings JSON for an export folder (default: PATH/agency-settings.json when present)

Week:
  --week-start DATE    first day of the week, YYYY-MM-DD (default: the demo's 2025-01-20, or the Monday
                       after an export's data)
  --seed N             seed of every random choice, an integer (default 42)

plan / demo:
  --creators LIST      creator ids, comma-separated, or a number N for the first N (default: all)
  --format F           table | json | csv | ics | html (default table)
  --out DIR            write one file per creator (and report.json) into DIR instead of stdout
  --concurrency N      builds in flight at once, 1-64 (default 1; in each worker with --workers)
  --workers N          spread the creators over N worker threads, 1-64 (default: none, one thread);
                       the same output, in the same order
  --utc                ics: times in UTC instead of the creator's zone
  --alarm MINUTES      ics: a reminder MINUTES before each send
  --save-dataset FILE  demo: also write the demo agency as a dataset JSON file, for plan --data FILE

explain / validate:
  --creator ID         the creator (default: the first of the data source; validate: the file's)
  --json               print the answer as JSON

Exit codes: 0 every week passed, 1 a week needs review or failed, 2 bad input.`;

/** A bad command line, in plain words. */
export class UsageError {
  constructor(readonly message: string) {}
}

const int = (flag: string, v: string | undefined, lo: number, hi: number, dflt: number): number => {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < lo || n > hi)
    throw new UsageError(
      `${flag}: expected a whole number from ${lo} to ${hi}, got ${JSON.stringify(v)}`,
    );
  return n;
};

const date = (v: string | undefined): string | null => {
  if (v === undefined) return null;
  if (!isIsoDate(v))
    throw new UsageError(`--week-start: expected a date YYYY-MM-DD, got ${JSON.stringify(v)}`);
  return v;
};

const OPTIONS = {
  data: { type: 'string' },
  settings: { type: 'string' },
  'week-start': { type: 'string' },
  seed: { type: 'string' },
  creators: { type: 'string' },
  creator: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  concurrency: { type: 'string' },
  workers: { type: 'string' },
  utc: { type: 'boolean' },
  alarm: { type: 'string' },
  json: { type: 'boolean' },
  'save-dataset': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** The options of a week build, shared by `plan` and `demo`. */
const BUILD_OPTIONS = [
  'week-start',
  'seed',
  'creators',
  'format',
  'out',
  'concurrency',
  'workers',
  'utc',
  'alarm',
];
const LOOKUP_OPTIONS = ['data', 'settings', 'creator', 'week-start', 'seed', 'json'];

/** Which options each subcommand takes: any other is a usage error. */
const ALLOWED: Readonly<Record<string, ReadonlyArray<string>>> = {
  plan: ['data', 'settings', ...BUILD_OPTIONS],
  demo: [...BUILD_OPTIONS, 'save-dataset'],
  explain: LOOKUP_OPTIONS,
  validate: LOOKUP_OPTIONS,
};

/**
 * `--seed -1` as `--seed=-1`: `parseArgs` reads a value starting with a dash as a missing one
 * (ambiguous), but a negative number after a numeric option can only be its value.
 */
const joinNegativeValues = (argv: ReadonlyArray<string>): string[] => {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const next = argv[i + 1];
    if (NUMERIC.has(a) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
};

const NUMERIC = new Set(['--seed', '--alarm', '--concurrency', '--workers']);

/**
 * Parses `argv` (without node and the script). Throws `UsageError` for a bad command line; the
 * shell turns it into exit code 2.
 */
export const parseCommand = (argv: ReadonlyArray<string>): Command => {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv),
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // `--data --creators 2`, `plan --data`: an option left without its value.
    const flag = /^Option '(--[\w-]+)/.exec(message)?.[1];
    if (flag !== undefined && /ambiguous|argument missing/.test(message))
      throw new UsageError(
        `${flag} needs a value (${flag} ${flag === '--data' ? 'PATH' : 'VALUE'})`,
      );
    throw new UsageError(message.replace(/\. To specify.*$/s, ''));
  }
  const { values: v, positionals } = parsed;
  if (v.version) return { kind: 'version' };
  const [name, ...rest] = positionals;
  if (v.help || name === undefined || name === 'help')
    return { kind: 'help', topic: name === 'help' ? (rest[0] ?? null) : (name ?? null) };
  const allowed = ALLOWED[name];
  if (allowed === undefined)
    throw new UsageError(
      `unknown command ${JSON.stringify(name)} (plan, demo, explain, validate, help)`,
    );
  for (const key of Object.keys(v))
    if (!allowed.includes(key) && key !== 'help')
      throw new UsageError(`${name} does not take --${key}`);
  const seedGiven =
    v.seed === undefined ? null : int('--seed', v.seed, -(2 ** 31), 2 ** 31 - 1, 42);
  const seed = seedGiven ?? 42;
  const weekStart = date(v['week-start']);
  if (name === 'explain' || name === 'validate') {
    const [target, ...extra] = rest;
    if (target === undefined)
      throw new UsageError(
        `${name} needs ${name === 'explain' ? 'a SLOT id (like 2025-01-20_3)' : 'a FILE (.json or .csv)'}`,
      );
    if (extra.length > 0) throw new UsageError(`${name}: unexpected ${JSON.stringify(extra[0])}`);
    const common = {
      data: v.data ?? null,
      settings: v.settings ?? null,
      creator: v.creator ?? null,
      weekStart,
      seed: seedGiven,
      json: v.json ?? false,
    };
    return name === 'explain'
      ? { kind: 'explain', slotId: target, ...common }
      : { kind: 'validate', file: target, ...common };
  }
  if (rest.length > 0) throw new UsageError(`${name}: unexpected ${JSON.stringify(rest[0])}`);
  const format = (v.format ?? 'table') as Format;
  if (!FORMATS.includes(format))
    throw new UsageError(
      `--format: expected one of ${FORMATS.join(', ')}, got ${JSON.stringify(v.format)}`,
    );
  if (name === 'plan' && v.data === undefined)
    throw new UsageError('plan needs --data PATH (or run: eros-schedule demo)');
  const creators =
    v.creators === undefined
      ? null
      : /^\d+$/.test(v.creators)
        ? int('--creators', v.creators, 1, 1_000_000, 1)
        : v.creators
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== '');
  if (Array.isArray(creators) && creators.length === 0)
    throw new UsageError('--creators: expected creator ids or a number');
  return {
    kind: name as 'plan' | 'demo',
    data: v.data ?? null,
    settings: v.settings ?? null,
    weekStart,
    seed,
    creators,
    format,
    out: v.out ?? null,
    concurrency: int('--concurrency', v.concurrency, 1, 64, 1),
    workers: v.workers === undefined ? null : int('--workers', v.workers, 1, 64, 1),
    utc: v.utc ?? false,
    alarm: v.alarm === undefined ? null : int('--alarm', v.alarm, 0, 10_080, 15),
    saveDataset: v['save-dataset'] ?? null,
  };
};
