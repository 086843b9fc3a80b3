/**
 * Data sources of the CLI: a dataset JSON file, a folder of agency exports (through the pure
 * importer, `src/import`), or the built-in demo agency. Reads files; shell code.
 *
 * @module
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { generateDemoAgency } from '../demo';
import { DEMO_AS_OF } from '../demo/generate';
import { addDaysIso, instantToLocal, weekdayOf } from '../domain/time';
import { type AgencyImport, IMPORTED_FILES, importAgencyExport } from '../import';
import type { InMemoryDataset } from '../ports/dataset';
import { decodeDataset } from '../ports/inMemory';
import { UsageError } from './args';

/** A data source, loaded: the dataset, its creators in order, and what the import assumed. */
export interface Source {
  readonly label: string;
  readonly dataset: InMemoryDataset;
  readonly creatorIds: ReadonlyArray<string>;
  /** The week start used when the user gave none. */
  readonly defaultWeekStart: string;
  readonly imported: AgencyImport | null;
  /** Whether `dataset` is `decodeDataset`'s answer already (a dataset file): not decoded again by `--workers`. */
  readonly decoded: boolean;
}

/** The Monday on or after a local date. */
const mondayOnOrAfter = (date: string): string => {
  const w = weekdayOf(date); // 0 = Monday
  return w === 0 ? date : addDaysIso(date, 7 - w);
};

/** Why a file cannot be read, in plain words (the system's code, not its stack). */
const readProblem = (e: unknown): string => {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return typeof code === 'string' ? code : 'unreadable';
  }
};

/** A text file's contents; a file that cannot be read is a usage error naming it and `what` it is. */
export const readTextFile = (file: string, what: string): string => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${file}: ${readProblem(e)}`);
  }
  // A NUL or many replacement characters: not a text file (say so rather than echo its bytes).
  if (text.includes('\u0000') || (text.match(/\uFFFD/g) ?? []).length > 8)
    throw new UsageError(`${file} is not a text file (expected ${what} as JSON or CSV)`);
  return text;
};

/** Parses JSON text; a syntax error is a usage error with the line and column, not the text around it. */
export const parseJsonText = (text: string, file: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec(e instanceof Error ? e.message : '');
    let where = '';
    if (at?.[1] !== undefined) {
      const before = text.slice(0, Number(at[1]));
      const line = before.split('\n').length;
      where = ` (line ${line}, column ${before.length - before.lastIndexOf('\n')})`;
    }
    throw new UsageError(`${file} is not valid JSON${where}`);
  }
};

const readText = (file: string): string => readTextFile(file, 'the export file');

const readJson = (file: string, what: string): unknown =>
  parseJsonText(readTextFile(file, what), file);

/** The demo agency (seeded), for `demo` and for `explain` / `validate` without `--data`. */
export const demoSource = (seed: number): Source => {
  const dataset = generateDemoAgency(seed);
  return {
    label: `the demo agency (seed ${seed})`,
    dataset,
    creatorIds: dataset.creators.map((c) => c.creatorId),
    defaultWeekStart: DEMO_AS_OF,
    imported: null,
    decoded: false,
  };
};

/** The latest local date an export names (creator stats week, agency messages), if any. */
const latestDateOf = (
  files: Readonly<Record<string, string>>,
  imported: AgencyImport,
): string | null => {
  const dates: string[] = [];
  for (const m of imported.agencyMessages) dates.push(m.sentAt.slice(0, 10));
  const stats = files['creator_stats_week.csv'] ?? '';
  for (const m of stats.matchAll(/\b(\d{4}-\d{2}-\d{2})\b/g))
    if (m[1] !== undefined) dates.push(m[1]);
  return dates.length === 0 ? null : (dates.sort().at(-1) ?? null);
};

/** Loads `--data PATH`: a folder of exports or a dataset JSON file. */
export const loadSource = (dataPath: string, settingsPath: string | null): Source => {
  if (!existsSync(dataPath))
    throw new UsageError(
      `--data ${dataPath}: no such file or folder (give a dataset JSON file or a folder of agency exports)`,
    );
  if (statSync(dataPath).isDirectory()) {
    const names = new Set(readdirSync(dataPath));
    const files: Record<string, string> = {};
    for (const f of IMPORTED_FILES)
      if (names.has(f.file)) files[f.file] = readText(path.join(dataPath, f.file));
    const settingsFile =
      settingsPath ??
      (names.has('agency-settings.json') ? path.join(dataPath, 'agency-settings.json') : null);
    const settings =
      settingsFile === null ? undefined : readJson(settingsFile, 'the agency settings');
    const r = importAgencyExport(files, settings);
    if (E.isLeft(r)) {
      const lines = [
        r.left.message,
        ...r.left.problems.map((p) => `  ${p.path ?? '(root)'}: ${p.message}`),
      ];
      throw new UsageError(lines.join('\n'));
    }
    const latest = latestDateOf(files, r.right);
    return {
      label: `the agency export in ${dataPath}`,
      dataset: r.right.dataset,
      creatorIds: r.right.creatorIds,
      defaultWeekStart: latest === null ? DEMO_AS_OF : mondayOnOrAfter(addDaysIso(latest, 1)),
      imported: r.right,
      decoded: false,
    };
  }
  if (settingsPath !== null) throw new UsageError('--settings applies to an export folder only');
  if (/\.csv$/i.test(dataPath))
    throw new UsageError(
      `--data ${dataPath} is one CSV file: give the folder of exports that holds it (${path.dirname(dataPath)}), or a dataset JSON file`,
    );
  const decoded = decodeDataset(readJson(dataPath, 'the dataset'));
  if (E.isLeft(decoded)) {
    const shown = decoded.left.slice(0, 20).map((i) => `  ${i.message}`);
    const more = decoded.left.length > 20 ? [`  ... and ${decoded.left.length - 20} more`] : [];
    throw new UsageError([`${dataPath} is not a dataset:`, ...shown, ...more].join('\n'));
  }
  // The latest local date of the history, each message in its creator's zone (a message sent
  // late on Sunday in New York is Monday in UTC).
  const zones = new Map(decoded.right.creators.map((c) => [c.creatorId, c.timezone]));
  const latest = decoded.right.history
    .map((m) => {
      const zone = zones.get(m.creatorId);
      return zone === undefined ? m.sentAt.slice(0, 10) : instantToLocal(m.sentAt, zone).date;
    })
    .sort()
    .at(-1);
  return {
    label: dataPath,
    dataset: decoded.right,
    creatorIds: decoded.right.creators.map((c) => c.creatorId),
    defaultWeekStart: latest === undefined ? DEMO_AS_OF : mondayOnOrAfter(addDaysIso(latest, 1)),
    imported: null,
    decoded: true,
  };
};

/** Picks the creators asked for: all, the first N, or the ids given (each must exist). */
export const pickCreators = (
  source: Source,
  asked: ReadonlyArray<string> | number | null,
): ReadonlyArray<string> => {
  if (asked === null) return source.creatorIds;
  if (typeof asked === 'number') return source.creatorIds.slice(0, asked);
  const known = new Set(source.creatorIds);
  const unknown = asked.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new UsageError(
      `--creators: ${unknown.join(', ')} not in ${source.label} (it has ${source.creatorIds.slice(0, 5).join(', ')}${source.creatorIds.length > 5 ? ', ...' : ''})`,
    );
  return asked;
};

/** Plain-language lines of what an import assumed and what the export lacks. */
export const importNotes = (imported: AgencyImport): ReadonlyArray<string> => {
  const lines: string[] = [];
  const byCreator = new Map<string, string[]>();
  for (const d of imported.defaults) {
    const key = d.creatorId ?? 'agency';
    const list = byCreator.get(key) ?? [];
    list.push(
      `${d.field} = ${d.value} (${d.source === 'settings_default' ? 'settings default' : 'built-in default'})`,
    );
    byCreator.set(key, list);
  }
  for (const [creatorId, list] of byCreator) lines.push(`${creatorId}: assumed ${list.join(', ')}`);
  // Gaps of one kind, grouped over the creators they concern (report.json keeps each one).
  const gaps = new Map<string, { message: string; creators: string[] }>();
  for (const g of imported.gaps) {
    const message =
      g.creatorId !== null && g.message.startsWith(`${g.creatorId}: `)
        ? g.message.slice(g.creatorId.length + 2)
        : g.message;
    const key = `${g.code}|${message}`;
    const entry = gaps.get(key) ?? { message, creators: [] };
    if (g.creatorId !== null) entry.creators.push(g.creatorId);
    gaps.set(key, entry);
  }
  for (const { message, creators } of gaps.values())
    lines.push(
      creators.length === 0
        ? `export: ${message}`
        : `${message}: ${creators.length === 1 ? creators[0] : `${creators.length} creators (${creators.join(', ')})`}`,
    );
  for (const r of imported.rowIssues)
    lines.push(
      `${r.file}${r.line === null ? '' : `:${r.line}`}${r.column === null ? '' : ` (${r.column})`}: ${r.message}`,
    );
  return lines;
};
