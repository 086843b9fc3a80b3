/**
 * `eros-schedule`, the command line: the imperative shell around the library. It reads files and
 * arguments, calls the pure core (`buildSchedules`, the importer, the renderers, `explainItem`,
 * `validateScheduleItems`), writes files, stderr and the exit code. Nothing in the core imports
 * it.
 *
 * Exit codes: 0 every week passed (`passed` or `passed_with_warnings`), 1 a week needs review,
 * failed or could not be built, 2 bad input (the command line, the data, the file).
 *
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import * as E from 'fp-ts/lib/Either.js';
import type { ScheduleError } from '../domain/issues';
import type { ScheduleResult, ValidationReport } from '../domain/stages';
import { addDaysIso, daysBetween, isIsoDate, weekdayOf } from '../domain/time';
import type { ScheduleItem } from '../domain/types';
import { type BatchEntry, streamSchedules } from '../pipeline/batch';
import { buildSchedule, validateScheduleItems } from '../pipeline/buildSchedule';
import { inMemoryPorts } from '../ports/inMemory';
import { fromCsv, toCsv } from '../render/csv';
import { explainItem } from '../render/explain';
import { toHtml } from '../render/html';
import { toIcs } from '../render/ics';
import { toTable } from '../render/table';
import { plural, STATUS_WORDS, whyNotPassed } from '../render/words';
import { VALIDATION_CHECKS } from '../validation/validateSchedule';
import { type Command, type Format, parseCommand, USAGE, UsageError } from './args';
import {
  demoSource,
  importNotes,
  loadSource,
  parseJsonText,
  pickCreators,
  readTextFile,
  type Source,
} from './source';
import { streamInWorkers } from './workers';

declare const __VERSION__: string;

/** Where the CLI writes: injectable for tests. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Where the progress bar draws: the terminal behind stderr, `null` when stderr is no terminal (then plain lines). */
  readonly progressStream: NodeJS.WritableStream | null;
  /** Colour in the terminal table (stdout a terminal and no `NO_COLOR`). */
  readonly color: boolean;
  /** The terminal's width in columns for the table (stdout a terminal), else `null`: as wide as the table needs. */
  readonly width?: number | null;
}

const PASSED = new Set(['passed', 'passed_with_warnings']);

const EXTENSIONS: Readonly<Record<Format, string>> = {
  table: 'txt',
  json: 'json',
  csv: 'csv',
  ics: 'ics',
  html: 'html',
};

/** A build or validation error: what failed, then its issues (at most 10), each once with its path. */
const errorLines = (e: ScheduleError, verb = 'could not build'): string[] =>
  e.issues.length === 0
    ? [`  ${verb}: ${e.message}`]
    : [
        `  ${verb}: ${plural(e.issues.length, 'problem')}`,
        ...e.issues
          .slice(0, 10)
          .map(
            (i) =>
              `    ${i.path === null || i.message.startsWith(i.path) ? '' : `${i.path}: `}${i.message}`,
          ),
        ...(e.issues.length > 10 ? [`    ... and ${e.issues.length - 10} more`] : []),
      ];

/**
 * The issues of a report in plain language: why it did not pass, errors and warnings, then how
 * many notes and where to read them (`notesAt`).
 */
export const reportLines = (v: ValidationReport, notesAt: string): string[] => [
  ...whyNotPassed(v).map((w) => `  not passed because: ${w}`),
  ...v.errors.map((i) => `  error: ${i.message}`),
  ...v.warnings.map((i) => `  warning: ${i.message}`),
  ...(v.notes.length === 0
    ? []
    : [`  ${plural(v.notes.length, 'note')} on what the build did (${notesAt})`]),
];

const statusLine = (r: ScheduleResult): string =>
  `${r.creatorId}: ${STATUS_WORDS[r.validation.status]} (score ${r.validation.score}/100), ${plural(r.items.length, 'item')}, week of ${r.weekStart}`;

/** `toCsv` with the columns that name the week, so `validate` can read the file alone. */
const csvOf = (r: ScheduleResult): string =>
  toCsv(r.items, { creatorId: r.creatorId, weekStart: r.weekStart, seed: r.seed });

const render = (
  format: Format,
  r: ScheduleResult,
  cmd: { utc: boolean; alarm: number | null },
  io: Io,
): string => {
  switch (format) {
    case 'json':
      return `${JSON.stringify(r, null, 2)}\n`;
    case 'csv':
      return csvOf(r);
    case 'ics':
      return toIcs(r, { utc: cmd.utc, alarmMinutesBefore: cmd.alarm });
    case 'html':
      return toHtml(r);
    default:
      return `${toTable(r, { color: io.color, ...(typeof io.width === 'number' ? { width: io.width } : {}) })}\n`;
  }
};

const plan = async (cmd: Extract<Command, { kind: 'plan' | 'demo' }>, io: Io): Promise<number> => {
  const source =
    cmd.kind === 'demo' ? demoSource(cmd.seed) : loadSource(cmd.data ?? '', cmd.settings);
  const creatorIds = pickCreators(source, cmd.creators);
  if (typeof cmd.creators === 'number' && cmd.creators > creatorIds.length)
    io.stderr(
      `--creators ${cmd.creators}: ${source.label} has only ${plural(creatorIds.length, 'creator')}; building them all.\n`,
    );
  const weekStart = cmd.weekStart ?? source.defaultWeekStart;
  if (cmd.out === null && creatorIds.length > 1 && (cmd.format === 'html' || cmd.format === 'ics'))
    throw new UsageError(
      `--format ${cmd.format} for ${creatorIds.length} creators needs --out DIR (one file each)`,
    );
  io.stderr(
    `Building the week of ${weekStart} (seed ${cmd.seed}) for ${creatorIds.length} creator${creatorIds.length === 1 ? '' : 's'} of ${source.label}.\n`,
  );
  const notes = source.imported === null ? [] : importNotes(source.imported);
  if (notes.length > 0)
    io.stderr(
      `What the export lacks or the import assumed:\n${notes.map((l) => `  ${l}`).join('\n')}\n`,
    );
  if (cmd.saveDataset !== null) {
    writeFileSync(cmd.saveDataset, `${JSON.stringify(source.dataset)}\n`);
    io.stderr(
      `The demo agency's dataset is in ${cmd.saveDataset} (eros-schedule plan --data ${cmd.saveDataset}).\n`,
    );
  }
  const bar =
    creatorIds.length > 1 && io.progressStream !== null
      ? new SingleBar(
          {
            format: '  {bar} {value}/{total} {creator}',
            stream: io.progressStream,
            hideCursor: true,
          },
          Presets.shades_classic,
        )
      : null;
  bar?.start(creatorIds.length, 0, { creator: '' });
  const requests = creatorIds.map((creatorId) => ({ creatorId, weekStart, seed: cmd.seed }));
  const progress = (done: number, entry: BatchEntry): void => {
    if (bar !== null) bar.update(done, { creator: entry.inputs.creatorId });
    else if (creatorIds.length > 1)
      io.stderr(`  [${done}/${creatorIds.length}] ${entry.inputs.creatorId}\n`);
  };
  // The weeks are streamed, in request order, to the output as they come: none is kept.
  let entries: AsyncIterable<BatchEntry>;
  if (cmd.workers === null) {
    const stream = streamSchedules(requests, { concurrency: cmd.concurrency })(
      inMemoryPorts(source.dataset),
    );
    if (E.isLeft(stream)) {
      bar?.stop();
      throw new UsageError(stream.left.message);
    }
    entries = stream.right;
  } else
    entries = streamInWorkers(source.dataset, requests, {
      workers: cmd.workers,
      concurrency: cmd.concurrency,
      decoded: source.decoded,
    });
  const output = outputWriter(cmd, source, weekStart, io);
  let code = 0;
  let done = 0;
  let built = 0;
  let passed = 0;
  const lines: string[] = [];
  for await (const entry of entries) {
    progress(++done, entry);
    output.add(entry);
    if (E.isLeft(entry.result)) {
      code = Math.max(code, entry.result.left.code === 'INVALID_INPUT' ? 2 : 1);
      lines.push(`${entry.inputs.creatorId}: not built`, ...errorLines(entry.result.left));
      continue;
    }
    const r = entry.result.right;
    built++;
    if (PASSED.has(r.validation.status)) passed++;
    else code = Math.max(code, 1);
    lines.push(
      statusLine(r),
      ...reportLines(
        r.validation,
        cmd.out === null
          ? 'listed by --format json'
          : `listed in ${path.join(cmd.out, 'report.json')}`,
      ),
    );
  }
  bar?.stop();
  output.end();
  io.stderr(`${lines.join('\n')}\n`);
  io.stderr(
    `${built} of ${plural(done, 'week')} built, ${passed} passed.${cmd.out === null ? '' : ` Files in ${cmd.out}.`}\n`,
  );
  return code;
};

/** Indents a JSON text as an element of an array printed by `JSON.stringify(array, null, 2)`. */
const asElement = (json: string): string => `  ${json.replaceAll('\n', '\n  ')}`;

/**
 * Where the weeks go, one entry at a time (`add`, in request order), then `end`: stdout (a JSON
 * week or array of weeks, one CSV, or each week rendered) or one file per week in `--out DIR`
 * and its `report.json`. Writes what the whole list of weeks would give at once, keeping only
 * the first JSON week (whether the output is one week or an array is known at its second) and
 * the report's lines.
 */
const outputWriter = (
  cmd: Extract<Command, { kind: 'plan' | 'demo' }>,
  source: Source,
  weekStart: string,
  io: Io,
): { readonly add: (entry: BatchEntry) => void; readonly end: () => void } => {
  if (cmd.out === null) {
    let weeks = 0;
    let first: ScheduleResult | null = null;
    const add = (entry: BatchEntry): void => {
      if (E.isLeft(entry.result)) return;
      const w = entry.result.right;
      weeks++;
      if (cmd.format === 'json') {
        if (weeks === 1) first = w;
        else {
          if (weeks === 2 && first !== null) {
            io.stdout(`[\n${asElement(JSON.stringify(first, null, 2))}`);
            first = null;
          }
          io.stdout(`,\n${asElement(JSON.stringify(w, null, 2))}`);
        }
      } else if (cmd.format === 'csv') {
        const csv = csvOf(w);
        io.stdout(weeks === 1 ? csv : csv.slice(csv.indexOf('\n') + 1));
      } else io.stdout(render(cmd.format, w, cmd, io));
    };
    const end = (): void => {
      if (cmd.format === 'json')
        io.stdout(
          weeks === 0 ? '[]\n' : weeks === 1 ? `${JSON.stringify(first, null, 2)}\n` : '\n]\n',
        );
      else if (cmd.format === 'csv' && weeks === 0) io.stdout('');
    };
    return { add, end };
  }
  const out = cmd.out;
  mkdirSync(out, { recursive: true });
  const reported: unknown[] = [];
  const add = (e: BatchEntry): void => {
    if (E.isLeft(e.result)) {
      reported.push({ creatorId: e.inputs.creatorId, built: false, error: e.result.left.message });
      return;
    }
    const w = e.result.right;
    writeFileSync(
      path.join(out, `${w.creatorId}.${EXTENSIONS[cmd.format]}`),
      render(cmd.format, w, cmd, { ...io, color: false, width: null }),
    );
    reported.push({
      creatorId: e.inputs.creatorId,
      built: true,
      file: `${e.inputs.creatorId}.${EXTENSIONS[cmd.format]}`,
      seed: w.seed,
      status: w.validation.status,
      score: w.validation.score,
      whyNotPassed: whyNotPassed(w.validation),
      requiresCaptionReview: w.validation.requiresCaptionReview,
      items: w.items.length,
      errors: w.validation.errors.map((i) => i.message),
      warnings: w.validation.warnings.map((i) => i.message),
      notes: w.validation.notes.map((i) => i.message),
    });
  };
  const end = (): void => {
    const report = {
      source: source.label,
      weekStart,
      seed: cmd.seed,
      weeks: reported,
      import:
        source.imported === null
          ? null
          : {
              defaults: source.imported.defaults,
              gaps: source.imported.gaps,
              rowIssues: source.imported.rowIssues,
            },
    };
    writeFileSync(path.join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  };
  return { add, end };
};

const sourceOf = (data: string | null, settings: string | null, seed: number): Source =>
  data === null ? demoSource(seed) : loadSource(data, settings);

const DEFAULT_SEED = 42;

const buildOne = async (
  source: Source,
  creatorId: string,
  weekStart: string,
  seed: number,
): Promise<ScheduleResult> => {
  const r = await buildSchedule({ creatorId, weekStart, seed })(inMemoryPorts(source.dataset))();
  if (E.isLeft(r))
    throw new UsageError(
      [`${creatorId}: could not build the week`, ...errorLines(r.left)].join('\n'),
    );
  return r.right;
};

/**
 * The week a slot belongs to when the user gave none: the source's default week when the slot's
 * date (`2025-01-22_3`) falls in it, else the Monday on or before that date.
 */
const weekOfSlot = (slotId: string, defaultWeekStart: string): string => {
  const date = slotId.slice(0, 10);
  if (!isIsoDate(date)) return defaultWeekStart;
  const offset = daysBetween(defaultWeekStart, date);
  if (offset >= 0 && offset < 7) return defaultWeekStart;
  return addDaysIso(date, -weekdayOf(date));
};

const explain = async (cmd: Extract<Command, { kind: 'explain' }>, io: Io): Promise<number> => {
  const seed = cmd.seed ?? DEFAULT_SEED;
  const source = sourceOf(cmd.data, cmd.settings, seed);
  const creatorId = cmd.creator ?? source.creatorIds[0];
  if (creatorId === undefined) throw new UsageError(`${source.label} has no creators`);
  pickCreators(source, [creatorId]);
  const weekStart = cmd.weekStart ?? weekOfSlot(cmd.slotId, source.defaultWeekStart);
  if (cmd.weekStart === null && weekStart !== source.defaultWeekStart)
    io.stderr(`(the week of ${weekStart}, from the slot id ${cmd.slotId})\n`);
  const week = await buildOne(source, creatorId, weekStart, seed);
  const e = explainItem(week, cmd.slotId);
  if (E.isLeft(e)) {
    const some = e.left.knownSlotIds.slice(0, 8).join(', ');
    throw new UsageError(
      `${e.left.message} (${creatorId}, week of ${weekStart}); its slots are ${some}${e.left.knownSlotIds.length > 8 ? ', ...' : ''}`,
    );
  }
  io.stdout(cmd.json ? `${JSON.stringify(e.right, null, 2)}\n` : `${e.right.lines.join('\n')}\n`);
  return 0;
};

/** A schedule file as read: its items (not yet decoded) and what it says of its week. */
interface ScheduleFile {
  readonly items: unknown;
  readonly creatorId: string | null;
  readonly weekStart: string | null;
  /** Where the week start came from: the file's own field, or the items' earliest date. */
  readonly weekStartFrom: 'file' | 'items' | null;
  readonly seed: string | null;
}

/** The earliest planned (not follow-up) local date of the items, the day moved items came from. */
const earliestDate = (items: ReadonlyArray<ScheduleItem>): string | null =>
  items
    .filter((i) => !i.isFollowUp)
    .map((i) => i.movedFromDate ?? i.scheduledDate)
    .sort()[0] ?? null;

/** The items of a schedule file: a CSV (`toCsv`), a `ScheduleResult` JSON, or a JSON array of items. */
const readSchedule = (file: string): ScheduleFile => {
  const text = readTextFile(file, 'the schedule FILE');
  if (file.toLowerCase().endsWith('.csv')) {
    const r = fromCsv(text);
    if (E.isLeft(r))
      throw new UsageError(
        [
          `${file} is not a schedule CSV:`,
          ...r.left
            .slice(0, 20)
            .map(
              (x) =>
                `  line ${x.line}: ${x.column === null || x.message.startsWith(`${x.column}:`) ? '' : `${x.column}: `}${x.message}`,
            ),
          ...(r.left.length > 20 ? [`  ... and ${r.left.length - 20} more`] : []),
        ].join('\n'),
      );
    const fromItems = earliestDate(r.right.items);
    return {
      items: r.right.items,
      creatorId: r.right.creatorId,
      weekStart: r.right.weekStart ?? fromItems,
      weekStartFrom: r.right.weekStart !== null ? 'file' : fromItems === null ? null : 'items',
      seed: r.right.seed,
    };
  }
  const json = parseJsonText(text, file);
  if (Array.isArray(json))
    return { items: json, creatorId: null, weekStart: null, weekStartFrom: null, seed: null };
  if (typeof json === 'object' && json !== null && 'items' in json) {
    const o = json as { items: unknown; creatorId?: unknown; weekStart?: unknown; seed?: unknown };
    const weekStart = typeof o.weekStart === 'string' ? o.weekStart : null;
    return {
      items: o.items,
      creatorId: typeof o.creatorId === 'string' ? o.creatorId : null,
      weekStart,
      weekStartFrom: weekStart === null ? null : 'file',
      seed: typeof o.seed === 'number' || typeof o.seed === 'string' ? String(o.seed) : null,
    };
  }
  throw new UsageError(
    `${file}: expected a schedule (an object with items, an array of items, or a CSV)`,
  );
};

/** The value to use of one of the week's names: the option, the file's, or an error when both are given and differ. */
const agree = (
  option: string,
  field: string,
  given: string | null,
  inFile: string | null,
  file: string,
): string | null => {
  if (given !== null && inFile !== null && given !== inFile)
    throw new UsageError(
      `${option} ${given} contradicts ${file}, whose ${field} is ${inFile} (leave ${option} out to use the file's)`,
    );
  return given ?? inFile;
};

/** A check's name in words: `timingConflicts` -> `timing conflicts`. */
const checkWords = (name: string): string => name.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);

const validate = async (cmd: Extract<Command, { kind: 'validate' }>, io: Io): Promise<number> => {
  const file = readSchedule(cmd.file);
  const creatorId = agree('--creator', 'creatorId', cmd.creator, file.creatorId, cmd.file);
  if (creatorId === null)
    throw new UsageError(`${cmd.file} does not name its creator: give --creator ID`);
  const weekStart =
    agree(
      '--week-start',
      'weekStart',
      cmd.weekStart,
      file.weekStartFrom === 'file' ? file.weekStart : null,
      cmd.file,
    ) ?? file.weekStart;
  if (weekStart === null)
    throw new UsageError(`${cmd.file} does not name its week: give --week-start DATE`);
  if (!isIsoDate(weekStart))
    throw new UsageError(`${cmd.file}: its weekStart ${JSON.stringify(weekStart)} is no date`);
  const seed =
    agree('--seed', 'seed', cmd.seed === null ? null : String(cmd.seed), file.seed, cmd.file) ??
    String(DEFAULT_SEED);
  // The demo agency itself depends on the seed: a demo week is validated against its own agency.
  const source = sourceOf(
    cmd.data,
    cmd.settings,
    /^-?\d+$/.test(seed) ? Number(seed) : DEFAULT_SEED,
  );
  pickCreators(source, [creatorId]);
  const r = await validateScheduleItems(
    { creatorId, weekStart, seed: /^-?\d+$/.test(seed) ? Number(seed) : seed },
    file.items,
  )(inMemoryPorts(source.dataset))();
  if (E.isLeft(r)) {
    io.stderr(`${[`${cmd.file}:`, ...errorLines(r.left, 'cannot validate')].join('\n')}\n`);
    return r.left.code === 'INVALID_INPUT' ? 2 : 1;
  }
  const v = r.right;
  const found = VALIDATION_CHECKS.map((c) => c.name).filter((n) => !v.passedChecks.includes(n));
  if (cmd.json) io.stdout(`${JSON.stringify(v, null, 2)}\n`);
  else
    io.stdout(
      `${[
        `${creatorId}, week of ${weekStart} (seed ${seed}): ${STATUS_WORDS[v.status]} (score ${v.score}/100)`,
        `  ${v.passedChecks.length} of ${plural(VALIDATION_CHECKS.length, 'check')} passed${found.length === 0 ? '' : `; found something: ${found.map(checkWords).join(', ')}`}`,
        ...reportLines(v, 'listed by --json'),
        ...v.recommendations.map((x) => `  recommendation: ${x}`),
      ].join('\n')}\n`,
    );
  return PASSED.has(v.status) ? 0 : 1;
};

/** Runs the CLI over `argv`; resolves to the exit code, never rejects. */
export const runCli = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  try {
    const cmd = parseCommand(argv);
    switch (cmd.kind) {
      case 'help':
        io.stdout(`${USAGE}\n`);
        return 0;
      case 'version':
        io.stdout(`${typeof __VERSION__ === 'string' ? __VERSION__ : 'dev'}\n`);
        return 0;
      case 'plan':
      case 'demo':
        return await plan(cmd, io);
      case 'explain':
        return await explain(cmd, io);
      default:
        return await validate(cmd, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`eros-schedule: ${e.message}\n(eros-schedule --help for usage)\n`);
      return 2;
    }
    io.stderr(
      `eros-schedule: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    return 1;
  }
};
