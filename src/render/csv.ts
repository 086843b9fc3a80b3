/**
 * A week's items as CSV and back, losslessly: one row per item under a header row of fixed
 * columns, written with `csv-stringify` and read with `csv-parse` (RFC 4180 quoting, CRLF
 * records), every row read back through `ScheduleItemC`.
 *
 * The cells:
 *
 * - every scalar field of `ScheduleItem` is a column of its own, named as the field
 *   (`slotId`, `scheduledAt`, `suggestedPrice`, ...); `variationMetadata` is flattened to
 *   `variationMetadata.baseHour`, `variationMetadata.timeShift`, ... with
 *   `variationMetadata.primeHoursUsed` as the hours joined by `|` (`19|20|21`, an empty list
 *   as an empty quoted field); `reasons` is nested and is one column of JSON;
 * - optional leading columns naming the week, each the same on every row: `creatorId`,
 *   `weekStart` and `seed` (the seed as text), so that a file can be revalidated on its own;
 * - numbers as JavaScript writes them (`14.99`, `-7`: the shortest text that reads back to the
 *   same number), booleans as `true` / `false`;
 * - **`null` is an empty unquoted field, the empty string is an empty quoted field `""`** (the
 *   PostgreSQL `COPY ... CSV` convention). Every text cell is quoted, so a tool that keeps the
 *   quotes keeps the difference. `""` in a number, boolean or JSON column reads as `null`. A
 *   file whose header is quoted was re-saved by a tool quoting every field (Python's
 *   `csv.QUOTE_ALL`, some spreadsheets; `toCsv` writes its header bare): there `""` reads as
 *   `null` in every text column, `''` only where `null` is not valid.
 *
 * CSV injection: by default the text is written as it is, so the file round-trips (a caption
 * may start with `=`, `+`, `-` or `@`). `excelSafe: true` is for files meant to be opened in a
 * spreadsheet: text cells starting with `=`, `+`, `-`, `@`, a tab or a carriage return get a
 * leading `'` (csv-stringify's `escape_formulas`) and the file starts with a UTF-8 byte order
 * mark; such a file no longer round-trips (`fromCsv` keeps the `'`).
 *
 * Source: seed 001 §7.1 (the item).
 *
 * @module
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import * as E from 'fp-ts/lib/Either.js';
import { ScheduleItemC } from '../domain/codecs';
import { decodeWith, showReceived } from '../domain/decode';
import { isIsoDate } from '../domain/time';
import type { ScheduleItem } from '../domain/types';

/**
 * One problem of a CSV file read by `fromCsv`: the 1-based line of the file the row starts on
 * (the header is line 1; a quoted field may hold line breaks, so a row may span lines), the
 * column's header name (`null` when the problem is not one cell's: a row with the wrong number of
 * fields, a broken quote) and what is wrong, in plain words.
 *
 * @example
 * { line: 4, column: 'suggestedPrice', message: 'suggestedPrice: expected a number, got "12,5"' }
 *
 * @since 0.3.0
 * @category render
 */
export interface CsvError {
  /** The 1-based line of the file the row starts on (the header is line 1). */
  readonly line: number;
  /** The column's header name, `null` when the problem is not one cell's (wrong field count, broken quote). */
  readonly column: string | null;
  /** What is wrong, in plain words. */
  readonly message: string;
}

/**
 * Options of `toCsv`.
 *
 * - `creatorId`, `weekStart`, `seed`: each, when set, a leading column of that name with this
 *   value on every row (in that order; the seed written as text). `fromCsv` gives them back, so
 *   `validate` can rebuild the week's context from the file alone.
 * - `excelSafe` (default `false`): neutralise formula-like text for spreadsheets (a leading `'`,
 *   see the module documentation) and start the file with a byte order mark; the file then no
 *   longer round-trips exactly.
 *
 * @since 0.3.0
 * @category render
 */
export interface CsvOptions {
  /** When set, a leading `creatorId` column with this value on every row. */
  readonly creatorId?: string;
  /** When set, a leading `weekStart` column (local date `YYYY-MM-DD`) on every row. */
  readonly weekStart?: string;
  /** When set, a leading `seed` column with the seed written as text on every row. */
  readonly seed?: number | string;
  /**
   * Neutralise formula-like text for spreadsheets (a leading `'`) and start the file with a byte
   * order mark (default `false`); the file then no longer round-trips exactly.
   */
  readonly excelSafe?: boolean;
}

type Kind = 'text' | 'number' | 'boolean' | 'hours' | 'json';

interface Column {
  readonly name: string;
  readonly kind: Kind;
  readonly get: (item: ScheduleItem) => unknown;
}

const field = <K extends keyof ScheduleItem>(name: K, kind: Kind): Column => ({
  name,
  kind,
  get: (item) => item[name],
});

const variation = <K extends keyof ScheduleItem['variationMetadata']>(
  name: K,
  kind: Kind,
): Column => ({
  name: `variationMetadata.${name}`,
  kind,
  get: (item) => item.variationMetadata[name],
});

/** The columns, in the order of `ScheduleItem`'s fields. */
const COLUMNS: ReadonlyArray<Column> = [
  field('slotId', 'text'),
  field('scheduledDate', 'text'),
  field('movedFromDate', 'text'),
  field('scheduledTime', 'text'),
  field('scheduledAt', 'text'),
  field('sendTypeKey', 'text'),
  field('category', 'text'),
  field('channelKey', 'text'),
  field('targetKey', 'text'),
  field('captionId', 'text'),
  field('captionText', 'text'),
  field('contentTypeId', 'text'),
  field('mediaType', 'text'),
  field('flyerRequired', 'boolean'),
  field('suggestedPrice', 'number'),
  field('priority', 'number'),
  field('isFollowUp', 'boolean'),
  field('parentItemId', 'text'),
  field('followupDelayMinutes', 'number'),
  field('expiresAt', 'text'),
  field('strategyUsed', 'text'),
  field('flavorEmphasis', 'text'),
  variation('baseHour', 'number'),
  variation('timeShift', 'number'),
  variation('jitter', 'number'),
  variation('dailyStrategy', 'text'),
  variation('primeHoursUsed', 'hours'),
  variation('timeAdjusted', 'boolean'),
  variation('adjustmentReason', 'text'),
  variation('fallbackUsed', 'boolean'),
  field('needsCaption', 'boolean'),
  field('ppvStyle', 'text'),
  field('campaignType', 'text'),
  field('gameType', 'text'),
  field('reasons', 'json'),
];

/** The optional leading columns that name the week, in order. */
const WEEK_COLUMNS = ['creatorId', 'weekStart', 'seed'] as const;
type WeekColumn = (typeof WEEK_COLUMNS)[number];
const isWeekColumn = (name: string): name is WeekColumn =>
  (WEEK_COLUMNS as ReadonlyArray<string>).includes(name);

/**
 * The header of `toCsv`, in order (without the optional leading `creatorId`, `weekStart` and
 * `seed`): the scalar fields
 * of `ScheduleItem`, `variationMetadata.*` flattened, then `reasons` (JSON).
 *
 * @since 0.3.0
 * @category render
 */
export const CSV_COLUMNS: ReadonlyArray<string> = Object.freeze(COLUMNS.map((c) => c.name));

const TEXT_COLUMNS: ReadonlySet<string> = new Set(
  COLUMNS.filter((c) => c.kind === 'text').map((c) => c.name),
);

/** A cell as csv-stringify takes it: text quoted, numbers and booleans bare, `null` empty. */
const cellOf = (kind: Kind, value: unknown): string | number | boolean | null => {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'hours':
      return (value as ReadonlyArray<number>).map(String).join('|');
    case 'json':
      return JSON.stringify(value);
    default:
      return value as string | number | boolean;
  }
};

/**
 * Writes a week's items as CSV: a header row (`CSV_COLUMNS`, after the `creatorId`, `weekStart`
 * and `seed` columns of the options given) and one row per item in the given order, CRLF line
 * ends. `null`
 * is an empty field and `''` an empty quoted field, so `fromCsv(toCsv(items)).items` deep-equals
 * `items` (not with `excelSafe`; see the module documentation). Units as in `ScheduleItem`: USD
 * prices, minutes, local hours 0-23.
 *
 * @example
 * toCsv(result.items, { creatorId: result.creatorId, weekStart: result.weekStart, seed: result.seed })
 * // 'creatorId,weekStart,seed,slotId,...,reasons\r\n"creator_01","2025-03-03","42","2025-03-03_1",...'
 *
 * Source: seed 001 §7.1 (the item).
 *
 * @since 0.3.0
 * @category render
 */
export const toCsv = (items: ReadonlyArray<ScheduleItem>, options: CsvOptions = {}): string => {
  const week = WEEK_COLUMNS.flatMap((name) => {
    const v = options[name];
    return v === undefined ? [] : [{ name, value: String(v) }];
  });
  const header = [...week.map((w) => w.name), ...CSV_COLUMNS];
  const rows = items.map((item) => [
    ...week.map((w) => w.value),
    ...COLUMNS.map((c) => cellOf(c.kind, c.get(item))),
  ]);
  const bom = options.excelSafe === true ? '\uFEFF' : '';
  // The header bare (names need no quotes), every text cell of the rows quoted.
  const head = stringify([header], { record_delimiter: 'windows' });
  const body = stringify(rows, {
    quoted_string: true,
    record_delimiter: 'windows',
    cast: { boolean: (b: boolean) => (b ? 'true' : 'false') },
    escape_formulas: options.excelSafe === true,
  });
  return `${bom}${head}${body}`;
};

const NUMBER_RE = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

type Cell = string | null;

/** A cell read back as the value its column holds, or the reason it cannot be. */
const readCell = (
  kind: Kind,
  cell: Cell,
):
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly why: string } => {
  if (cell === null) return { ok: true, value: null };
  // `toCsv` never writes `""` for a number, a boolean or JSON: a tool that re-saved the file
  // quoted an empty field, which was `null`.
  if (cell === '' && (kind === 'number' || kind === 'boolean' || kind === 'json'))
    return { ok: true, value: null };
  switch (kind) {
    case 'text':
      return { ok: true, value: cell };
    case 'number':
      return NUMBER_RE.test(cell) && Number.isFinite(Number(cell))
        ? { ok: true, value: Number(cell) }
        : { ok: false, why: `expected a number, got ${showReceived(cell)}` };
    case 'boolean':
      return cell === 'true' || cell === 'false'
        ? { ok: true, value: cell === 'true' }
        : { ok: false, why: `expected true or false, got ${showReceived(cell)}` };
    case 'hours': {
      if (cell === '') return { ok: true, value: [] };
      const parts = cell.split('|');
      return parts.every((p) => NUMBER_RE.test(p))
        ? { ok: true, value: parts.map(Number) }
        : { ok: false, why: `expected hours joined by "|" (19|20|21), got ${showReceived(cell)}` };
    }
    case 'json':
      try {
        return { ok: true, value: JSON.parse(cell) as unknown };
      } catch {
        return { ok: false, why: `expected JSON, got ${showReceived(cell)}` };
      }
  }
};

/** The column an io-ts path (`variationMetadata.primeHoursUsed[1]`, `reasons.caption.level`) falls in. */
const columnOfPath = (path: string | null): string | null => {
  if (path === null) return null;
  if (path.startsWith('reasons')) return 'reasons';
  const name = path.replace(/\[\d+\]$/, '');
  return CSV_COLUMNS.includes(name) ? name : null;
};

/** Sets `obj[a][b]` for a column name `a.b`. */
const assign = (obj: Record<string, unknown>, name: string, value: unknown): void => {
  const dot = name.indexOf('.');
  if (dot < 0) {
    obj[name] = value;
    return;
  }
  const head = name.slice(0, dot);
  const inner = (obj[head] ?? {}) as Record<string, unknown>;
  inner[name.slice(dot + 1)] = value;
  obj[head] = inner;
};

interface ParsedRecord {
  readonly record: ReadonlyArray<Cell>;
  readonly info: { readonly lines: number };
}

const lineBreaks = (s: Cell): number => (s === null ? 0 : (s.match(/\r\n|\r|\n/g) ?? []).length);

/** Checks the header: every column known, none twice, none missing; where each column is. */
const readHeader = (
  header: ReadonlyArray<Cell>,
): E.Either<CsvError[], { readonly index: ReadonlyMap<string, number> }> => {
  const errors: CsvError[] = [];
  const index = new Map<string, number>();
  header.forEach((raw, i) => {
    const name = raw ?? '';
    if (!isWeekColumn(name) && !CSV_COLUMNS.includes(name)) {
      const near = CSV_COLUMNS.find((c) => c.toLowerCase() === name.trim().toLowerCase());
      errors.push({
        line: 1,
        column: name,
        message: `unknown column ${showReceived(name)} (column ${i + 1})${near === undefined ? '' : `; did you mean "${near}"?`}`,
      });
    } else if (index.has(name))
      errors.push({ line: 1, column: name, message: `column "${name}" appears twice` });
    else index.set(name, i);
  });
  for (const name of CSV_COLUMNS)
    if (!index.has(name))
      errors.push({ line: 1, column: name, message: `missing column "${name}"` });
  return errors.length > 0 ? E.left(errors) : E.right({ index });
};

/**
 * The value of a week column (`creatorId`, `weekStart`, `seed`): the one most rows hold (the
 * first seen on a tie), so that one mistyped row is blamed, not every other one; each row that
 * holds another value, or none, is an error of its line.
 */
const weekValueOf = (
  name: WeekColumn,
  cells: ReadonlyArray<{ readonly cell: Cell; readonly line: number }>,
): { readonly value: string | null; readonly errors: ReadonlyArray<CsvError> } => {
  const counts = new Map<string, number>();
  for (const { cell } of cells) if (cell !== null) counts.set(cell, (counts.get(cell) ?? 0) + 1);
  let value: string | null = null;
  for (const [v, n] of counts) if (value === null || n > (counts.get(value) ?? 0)) value = v;
  const errors = cells.flatMap(({ cell, line }): CsvError[] => {
    if (cell === value) return [];
    const others = counts.get(value ?? '') ?? 0;
    return [
      {
        line,
        column: name,
        message:
          cell === null
            ? `${name}: expected a value (${showReceived(value)} on the other rows), got an empty field`
            : `${name}: expected ${showReceived(value)} as on ${others} other row${others === 1 ? '' : 's'}, got ${showReceived(cell)}`,
      },
    ];
  });
  if (value === null && cells.length > 0)
    errors.push({
      line: cells[0]?.line ?? 2,
      column: name,
      message: `${name}: the column is empty on every row`,
    });
  if (name === 'weekStart' && value !== null && !isIsoDate(value))
    errors.push({
      line: cells[0]?.line ?? 2,
      column: name,
      message: `weekStart: expected a date YYYY-MM-DD, got ${showReceived(value)}`,
    });
  return { value, errors };
};

/**
 * What `fromCsv` reads: the items, and the week columns' values (`null` for a column the file
 * does not have; `seed` as text, since `42` and `"42"` build the same week).
 *
 * @since 0.3.0
 * @category render
 */
export interface CsvSchedule {
  /** The items read, each decoded with `ScheduleItemC`, in file order. */
  readonly items: ScheduleItem[];
  /** The `creatorId` column's value, `null` when the file has no such column. */
  readonly creatorId: string | null;
  /** The `weekStart` column's value (local date `YYYY-MM-DD`), `null` when the file has no such column. */
  readonly weekStart: string | null;
  /** The `seed` column's value as text, `null` when the file has no such column. */
  readonly seed: string | null;
}

/**
 * Reads a CSV file written by `toCsv` back into items. The header must name every column of
 * `CSV_COLUMNS` once (in any order), optionally with `creatorId`, `weekStart` and `seed`
 * columns; an unknown (misspelled) or missing column is an error of line 1. Each row is read
 * cell by cell (empty unquoted field = `null`, `""` = `''`, numbers, `true` / `false`,
 * `19|20|21`, the `reasons` JSON) and decoded with `ScheduleItemC`. A byte order mark and empty
 * lines are skipped.
 *
 * Returns `Right(CsvSchedule)`, or `Left` of every problem found in line order, each
 * `{ line, column, message }` with the 1-based line the row starts on and the column's name: a
 * bad cell (`expected a number, got "abc"`), a value the codec refuses
 * (`variationMetadata.baseHour: expected integer in 0..23, got 25`), a row with the wrong number
 * of fields, a row whose `creatorId`, `weekStart` or `seed` differs from the one most rows hold
 * (that row is blamed, not the others), a `weekStart` that is no date, or the CSV itself broken
 * (an unclosed quote: `column` `null`). Never throws.
 *
 * @example
 * fromCsv(toCsv(result.items, { creatorId: 'creator_01', weekStart: '2025-03-03', seed: 42 }))
 * // Right({ items: result.items, creatorId: 'creator_01', weekStart: '2025-03-03', seed: '42' })
 *
 * Source: seed 001 §7.1 (the item).
 *
 * @since 0.3.0
 * @category render
 */
export const fromCsv = (text: string): E.Either<CsvError[], CsvSchedule> => {
  let records: ReadonlyArray<ParsedRecord>;
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      cast: (value, context) => (context.quoting || value !== '' ? value : null),
    }) as unknown as ReadonlyArray<ParsedRecord>;
  } catch (e) {
    const line = typeof e === 'object' && e !== null ? (e as { lines?: unknown }).lines : null;
    const message = e instanceof Error ? e.message : 'unreadable CSV';
    return E.left([{ line: typeof line === 'number' ? line : 1, column: null, message }]);
  }
  const [first, ...rows] = records;
  if (first === undefined)
    return E.left([{ line: 1, column: null, message: 'empty file: expected a header row' }]);
  const headerLine = first.info.lines - first.record.reduce((n, c) => n + lineBreaks(c), 0);
  const header = readHeader(first.record);
  if (E.isLeft(header)) return E.left(header.left.map((e) => ({ ...e, line: headerLine })));
  const { index } = header.right;
  // `toCsv` writes its header bare: a quoted header means a tool re-saved the file quoting
  // every field, so its `""` no longer tells `''` from `null`.
  const resaved = text.replace(/^\uFEFF/, '').startsWith('"');

  const errors: CsvError[] = [];
  const items: ScheduleItem[] = [];
  const sized: Array<{ readonly record: ReadonlyArray<Cell>; readonly line: number }> = [];
  for (const { record, info } of rows) {
    const line = info.lines - record.reduce((n, c) => n + lineBreaks(c), 0);
    if (record.length !== first.record.length)
      errors.push({
        line,
        column: null,
        message: `expected ${first.record.length} fields, got ${record.length}`,
      });
    else sized.push({ record, line });
  }
  const week = { creatorId: null, weekStart: null, seed: null } as Record<
    WeekColumn,
    string | null
  >;
  for (const name of WEEK_COLUMNS) {
    const at = index.get(name);
    if (at === undefined) continue;
    const r = weekValueOf(
      name,
      sized.map(({ record, line }) => ({ cell: record[at] ?? null, line })),
    );
    week[name] = r.value;
    errors.push(...r.errors);
  }
  for (const { record, line } of sized) {
    const obj: Record<string, unknown> = {};
    const bad = new Set<string>();
    for (const c of COLUMNS) {
      const cell = record[index.get(c.name) as number] ?? null;
      // In a re-saved file an empty text was most likely `null` (see below for `''`).
      const r =
        resaved && c.kind === 'text' && cell === ''
          ? { ok: true as const, value: null }
          : readCell(c.kind, cell);
      if (r.ok) assign(obj, c.name, r.value);
      else {
        bad.add(c.name);
        errors.push({ line, column: c.name, message: `${c.name}: ${r.why}` });
      }
    }
    let decoded = decodeWith(ScheduleItemC, obj, '', 'invalid_input');
    if (E.isLeft(decoded)) {
      // An empty text the codec refuses as read is the other of `''` and `null`: `toCsv`
      // writes `""` only where `''` is valid, and a re-saved file's `""` is `null` but where
      // only `''` is valid.
      const emptied = decoded.left
        .map((i) => columnOfPath(i.path))
        .filter(
          (c): c is string =>
            c !== null && TEXT_COLUMNS.has(c) && record[index.get(c) as number] === '',
        );
      if (emptied.length > 0) {
        for (const c of emptied) assign(obj, c, resaved ? '' : null);
        decoded = decodeWith(ScheduleItemC, obj, '', 'invalid_input');
      }
    }
    if (E.isRight(decoded)) {
      if (bad.size === 0) items.push(decoded.right);
      continue;
    }
    for (const issue of decoded.left) {
      const column = columnOfPath(issue.path);
      if (column !== null && bad.has(column)) continue;
      errors.push({ line, column, message: issue.message });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return errors.length > 0 ? E.left(errors) : E.right({ items, ...week });
};
