/**
 * The agency export importer: the export's file texts in, an `InMemoryDataset` out, with every
 * value the export lacks reported as an assumed default, every bad row as a row issue and what
 * the export as a whole does not hold as gaps.
 *
 * Source: seed 001 phase 1 "load" (1.1 creator profile, the history and caption bank the
 * planner reads); `../shared/real-data/README.md`; ISSUE-NOTES "Issue 7 (agency)" (no creator
 * column, no PPV captions: reported per creator, never invented).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { CaptionType } from '../domain/catalog';
import { readField } from '../domain/decode';
import { CAPTION_FILES, type CaptionTables, readCaptions } from './captions';
import { readCreators } from './creators';
import { type CsvTable, readCsv } from './csv';
import { IMPORTED_FILES, requiredColumnsOf } from './files';
import { readMessages } from './messages';
import { type AgencySettings, BUILT_IN_DEFAULTS, decodeAgencySettings } from './settings';
import type {
  AgencyImport,
  AssumedDefault,
  ExportFiles,
  ExportGap,
  ImportError,
  RowIssue,
} from './types';

const CREATORS_FILE = 'creator_stats_week.csv';
const MESSAGES_FILE = 'mass_messages_week.csv';
const CONTENT_TYPES_FILE = 'content_types.json';

/** The caption types of the PPV sends whose captions the export lacks (001 §3.2 `ppv_unlock`). */
const PPV_CAPTION_TYPES: ReadonlyArray<CaptionType> = Object.freeze(['ppv_offer']);

const fail = (
  code: ImportError['code'],
  file: string | null,
  message: string,
): E.Either<ImportError, never> =>
  E.left({ code, file, message, problems: [{ path: null, message }] });

/** `content_types.json`: `{ "content_types": ["anal", ...] }`. */
const readContentTypes = (text: string): E.Either<ImportError, ReadonlySet<string>> => {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return fail(
      'unreadable_file',
      CONTENT_TYPES_FILE,
      `${CONTENT_TYPES_FILE}: not JSON (${e instanceof Error ? e.message : 'unreadable'})`,
    );
  }
  const keys = readField(json, 'content_types');
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string'))
    return fail(
      'unreadable_file',
      CONTENT_TYPES_FILE,
      `${CONTENT_TYPES_FILE}: expected { "content_types": [string, ...] }`,
    );
  return E.right(new Set(keys as ReadonlyArray<string>));
};

/** The text passed for `file`: `undefined` when absent, `null` when not a string. */
const textOf = (files: ExportFiles, file: string): string | null | undefined => {
  const v = readField(files, file);
  return v === undefined ? undefined : typeof v === 'string' ? v : null;
};

/**
 * Imports an agency export.
 *
 * `files`: file name -> the file's TEXT (`IMPORTED_FILES` lists the names read; only
 * `creator_stats_week.csv` is required). `settings`: the agency settings as parsed JSON
 * (`AgencySettingsC`), optional.
 *
 * Returns `Right(AgencyImport)`:
 * - `dataset`: the creators (`creator_stats_week.csv`), the captions of the caption files (ids
 *   `bump:`, `followup:`, `link:`, `renew:`, `tip:`, `short:` + the file's id), an EMPTY
 *   history (the export's messages have no creator);
 * - `agencyMessages`: `mass_messages_week.csv`, the wall-clock times read in the settings'
 *   `defaults.timezone`, else `America/New_York`;
 * - `defaults`: every profile value that came neither from the row nor from a per-creator
 *   setting (and the message zone, `creatorId: null`);
 * - `rowIssues`: every bad value, with the file, the 1-based line the row starts on and the
 *   column name (unknown creator ids of the settings: file `settings`, column
 *   `creators.<id>`);
 * - `gaps`: `no_creator_column` (when the messages file is read), `no_message_history` and
 *   `no_ppv_captions` per creator, `missing_optional_file`, `unread_file`.
 *
 * `Left(ImportError)` only when the import cannot go on: `missing_required_file`,
 * `unreadable_file` (a header that cannot be read, a file text that is not a string,
 * `content_types.json` not the expected JSON), `missing_columns`, `invalid_settings`.
 *
 * Pure: no file system, no clock; the same texts give the same import, and a creator's profile
 * does not depend on the order of the rows. Never throws.
 *
 * @example
 * importAgencyExport({ 'creator_stats_week.csv': 'creator_id,active_fans\nc1,120\n' })
 * // Right({ dataset: { creators: [{ creatorId: 'c1', fanCount: 120, timezone: 'America/New_York', ... }], ... },
 * //   defaults: [{ creatorId: 'c1', field: 'pageType', value: 'free', source: 'built_in_default' }, ...] })
 *
 * Source: seed 001 phase 1 "load"; `../shared/real-data/README.md`; ISSUE-NOTES "Issue 7".
 *
 * @since 0.3.0
 * @category import
 */
export const importAgencyExport = (
  files: ExportFiles,
  settings?: unknown,
): E.Either<ImportError, AgencyImport> => {
  const decoded = decodeAgencySettings(settings);
  if (E.isLeft(decoded)) return decoded;
  const agency: AgencySettings = decoded.right;

  const gaps: ExportGap[] = [];
  const rowIssues: RowIssue[] = [];
  const tables = new Map<string, CsvTable>();
  let contentKeys: ReadonlySet<string> | null = null;

  if (textOf(files, CREATORS_FILE) === undefined)
    return fail('missing_required_file', CREATORS_FILE, `${CREATORS_FILE} is required`);
  for (const spec of IMPORTED_FILES) {
    const text = textOf(files, spec.file);
    if (text === undefined) {
      gaps.push({
        code: 'missing_optional_file',
        file: spec.file,
        creatorId: null,
        message: `${spec.file} not in the export: ${spec.what} left out`,
      });
      continue;
    }
    if (text === null) return fail('unreadable_file', spec.file, `${spec.file}: not a text`);
    if (spec.file === CONTENT_TYPES_FILE) {
      const keys = readContentTypes(text);
      if (E.isLeft(keys)) return keys;
      contentKeys = keys.right;
      continue;
    }
    const table = readCsv(spec.file, text, requiredColumnsOf(spec.file));
    if (E.isLeft(table)) return table;
    tables.set(spec.file, table.right);
    rowIssues.push(...table.right.issues);
  }
  let passed: ReadonlyArray<string> = [];
  try {
    passed = typeof files === 'object' && files !== null ? Object.keys(files) : [];
  } catch {
    passed = [];
  }
  for (const file of passed)
    if (!IMPORTED_FILES.some((f) => f.file === file))
      gaps.push({
        code: 'unread_file',
        file,
        creatorId: null,
        message: `${file} is not a file the importer reads`,
      });

  const defaults: AssumedDefault[] = [];
  const creatorsRead = readCreators(tables.get(CREATORS_FILE) as CsvTable, agency);
  defaults.push(...creatorsRead.defaults);
  rowIssues.push(...creatorsRead.issues);
  const ids = creatorsRead.creators.map((c) => c.creatorId);
  for (const id of Object.keys(agency.creators ?? {}))
    if (!ids.includes(id))
      rowIssues.push({
        file: 'settings',
        line: null,
        column: `creators.${id}`,
        message: `creator ${id} is not in ${CREATORS_FILE}: its settings are not used`,
        value: id,
      });

  // The zone of the export's wall-clock times (sending times, the bump bank's last uses).
  const zone = agency.defaults?.timezone ?? BUILT_IN_DEFAULTS.timezone;
  if (tables.has(MESSAGES_FILE) || tables.has(CAPTION_FILES.bump.file))
    defaults.push({
      creatorId: null,
      field: 'messageTimezone',
      value: zone,
      source: agency.defaults?.timezone !== undefined ? 'settings_default' : 'built_in_default',
    });

  const captionTables: CaptionTables = Object.fromEntries(
    Object.entries(CAPTION_FILES).flatMap(([key, spec]) => {
      const t = tables.get(spec.file);
      return t === undefined ? [] : [[key, t]];
    }),
  );
  const captionsRead = readCaptions(captionTables, contentKeys, zone);
  rowIssues.push(...captionsRead.issues);

  const messagesTable = tables.get(MESSAGES_FILE);
  const messagesRead =
    messagesTable === undefined ? { messages: [], issues: [] } : readMessages(messagesTable, zone);
  rowIssues.push(...messagesRead.issues);
  if (messagesTable !== undefined)
    gaps.push({
      code: 'no_creator_column',
      file: MESSAGES_FILE,
      creatorId: null,
      message: `${MESSAGES_FILE} has no creator column: its ${messagesRead.messages.length} messages are returned as agencyMessages, in no creator's history`,
    });

  const hasPpvCaptions = captionsRead.captions.some((c) =>
    PPV_CAPTION_TYPES.includes(c.captionType),
  );
  for (const creatorId of ids) {
    gaps.push({
      code: 'no_message_history',
      file: MESSAGES_FILE,
      creatorId,
      message: `${creatorId}: no message history in the export`,
    });
    if (!hasPpvCaptions)
      gaps.push({
        code: 'no_ppv_captions',
        file: null,
        creatorId,
        message: `${creatorId}: the export has no PPV captions; PPV sends need manual captions`,
      });
  }

  return E.right({
    dataset: { creators: creatorsRead.creators, history: [], captions: captionsRead.captions },
    creatorIds: ids,
    agencyMessages: messagesRead.messages,
    defaults,
    rowIssues,
    gaps,
  });
};
