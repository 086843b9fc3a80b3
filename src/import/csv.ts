/**
 * Reading one CSV file of the export with `csv-parse`: the header, the rows as records keyed by
 * column name with the 1-based line each row starts on, and the row issues of the file.
 *
 * Lines: `csv-parse` reports the line a record ENDS on, and counts a CRLF inside a quoted field
 * as two lines; the line a row starts on is computed here from the UTF-8 byte offset where the
 * record ends (`info.bytes`), minus the line breaks inside its quoted fields.
 *
 * @internal
 * @module
 */
import { parse } from 'csv-parse/sync';
import * as E from 'fp-ts/lib/Either.js';
import type { ImportError, RowIssue } from './types';

/** One data row: its values by column name (a column the row lacks is absent). */
export interface CsvRow {
  readonly line: number;
  readonly fields: Readonly<Record<string, string>>;
}

/** A read file: its columns, its rows in file order, its row issues. */
export interface CsvTable {
  readonly columns: ReadonlyArray<string>;
  readonly rows: ReadonlyArray<CsvRow>;
  readonly issues: ReadonlyArray<RowIssue>;
}

const LF = 0x0a;
const CR = 0x0d;

/** Byte offsets of every `\n` of the UTF-8 encoding of `text`, ascending. */
const newlineOffsets = (bytes: Uint8Array): ReadonlyArray<number> => {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === LF) out.push(i);
  return out;
};

/** How many of the ascending `offsets` are below `x`. */
const countBelow = (offsets: ReadonlyArray<number>, x: number): number => {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((offsets[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

const countLf = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === LF) n++;
  return n;
};

interface Collected {
  readonly record: Record<string, string>;
  readonly bytes: number;
  readonly fieldCount: number;
}

const describeError = (e: unknown): string =>
  e instanceof Error ? e.message : typeof e === 'string' ? e : 'unreadable CSV';

const readNumber = (u: unknown): number | null =>
  typeof u === 'number' && Number.isFinite(u) ? u : null;

/**
 * Parses `text` (the file `file`) with `csv-parse/sync`: header row, BOM stripped, blank lines
 * skipped, short and long rows kept (a row issue each). `Left` (`unreadable_file`) when there is
 * no header, a header name is blank or repeated, or the header itself is broken;
 * `Left` (`missing_columns`) when a column of `required` is absent. A quoting error after the
 * header keeps the rows before it and reports the rest of the file as one row issue.
 */
export const readCsv = (
  file: string,
  text: string,
  required: ReadonlyArray<string>,
): E.Either<ImportError, CsvTable> => {
  const seen: { header: ReadonlyArray<string> | null } = { header: null };
  const collected: Collected[] = [];
  let failure: unknown = null;
  try {
    parse(text, {
      columns: (names: ReadonlyArray<unknown>) => {
        const header = names.map((n) => String(n ?? '').trim());
        seen.header = header;
        return [...header];
      },
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      raw: true,
      info: true,
      on_record: (rec: unknown) => {
        const r = rec as {
          record: Record<string, string>;
          raw: string;
          info: { bytes: number; invalid_field_length: number };
        };
        collected.push({
          record: r.record,
          bytes: r.info.bytes,
          fieldCount: Object.keys(r.record).length,
        });
        return null;
      },
    });
  } catch (e) {
    failure = e;
  }
  const unreadable = (message: string): E.Either<ImportError, CsvTable> =>
    E.left({ code: 'unreadable_file', file, message, problems: [{ path: null, message }] });
  const columns = seen.header;
  if (columns === null)
    return unreadable(
      failure === null
        ? `${file}: no header row`
        : `${file}: the header cannot be read: ${describeError(failure)}`,
    );
  const blank = columns.some((c) => c === '');
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (blank || repeated.length > 0)
    return unreadable(
      `${file}: ${blank ? 'a blank column name' : `column ${JSON.stringify(repeated[0])} twice`} in the header`,
    );
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    return E.left({
      code: 'missing_columns',
      file,
      message: `${file}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      problems: missing.map((c) => ({ path: c, message: `${file}: missing column ${c}` })),
    });

  const bytes = new TextEncoder().encode(text);
  const offsets = newlineOffsets(bytes);
  const endLineOf = (end: number): number =>
    1 + countBelow(offsets, end > 0 && bytes[end - 1] === LF ? end - 1 : end);
  const issues: RowIssue[] = [];
  const rows: CsvRow[] = collected.map((c) => {
    const inside = Object.values(c.record).reduce((n, v) => n + countLf(v), 0);
    const line = endLineOf(c.bytes) - inside;
    if (c.fieldCount !== columns.length)
      issues.push({
        file,
        line,
        column: null,
        message: `${c.fieldCount} field${c.fieldCount === 1 ? '' : 's'}, the header has ${columns.length}`,
        value: null,
      });
    return { line, fields: c.record };
  });
  if (failure !== null) {
    const last = collected[collected.length - 1];
    let at: number | null = null;
    if (last !== undefined) {
      let i = last.bytes;
      while (i < bytes.length && (bytes[i] === LF || bytes[i] === CR)) i++;
      at = 1 + countBelow(offsets, i);
    } else {
      at = readNumber((failure as { lines?: unknown }).lines);
    }
    issues.push({
      file,
      line: at,
      column: null,
      message: `unreadable from this line to the end of the file, rows skipped: ${describeError(failure)}`,
      value: null,
    });
  }
  return E.right({ columns, rows, issues });
};
