/**
 * The shapes of an agency export import: what `importAgencyExport` returns, what it reports
 * (assumed defaults, row issues, export gaps) and its fatal errors.
 *
 * Source: seed 001 phase 1 "load" (1.1 creator profile: page type, tier, fan count);
 * `../shared/real-data/README.md` (the export's files and columns).
 *
 * @module
 */
import type { SendTypeKey } from '../domain/catalog';
import type { InMemoryDataset } from '../ports/dataset';

/**
 * The export's files by file name (`creator_stats_week.csv`, ...), each as its TEXT. The shell
 * reads the folder; the importer never touches a file system.
 *
 * Source: seed 001 phase 1 "load"; `../shared/real-data/README.md`; ISSUE-NOTES "Issue 7 (agency)".
 *
 * @since 0.3.0
 * @category import
 */
export type ExportFiles = Readonly<Record<string, string>>;

/**
 * A creator-profile field the export does not hold (or holds unreadably) and the importer
 * fills: `timezone`, `contentPageType`, `subType`, `performanceTier`, `pageType`, `fanCount`;
 * `messageTimezone` is the zone the agency's mass-message times are read in (no creator).
 *
 * Source: seed 001 phase 1 "load"; `../shared/real-data/README.md`; ISSUE-NOTES "Issue 7 (agency)".
 *
 * @since 0.3.0
 * @category import
 */
export type AssumedField =
  | 'timezone'
  | 'contentPageType'
  | 'subType'
  | 'performanceTier'
  | 'pageType'
  | 'fanCount'
  | 'messageTimezone';

/**
 * A value that came neither from the export's row nor from a per-creator setting:
 * `settings_default` (the settings' `defaults`) or `built_in_default` (`BUILT_IN_DEFAULTS`).
 * `creatorId` is `null` for `messageTimezone`.
 *
 * Source: seed 001 phase 1 "load"; `../shared/real-data/README.md`; ISSUE-NOTES "Issue 7 (agency)".
 *
 * @since 0.3.0
 * @category import
 */
export interface AssumedDefault {
  readonly creatorId: string | null;
  readonly field: AssumedField;
  readonly value: string | number;
  readonly source: 'settings_default' | 'built_in_default';
}

/**
 * A bad value of one row (or of the settings): the row was skipped or the field defaulted, and
 * the import went on. `line` is the 1-based line of the file on which the row STARTS (a
 * multi-line quoted field makes it differ from the row's index); `null` for the settings.
 * `column` is the column's header name (a settings path for the settings; `null` for a whole
 * row). `value` is the text read (`null` when there is none).
 *
 * Source: seed 001 phase 1 "load"; `../shared/real-data/README.md`; ISSUE-NOTES "Issue 7 (agency)".
 *
 * @since 0.3.0
 * @category import
 */
export interface RowIssue {
  readonly file: string;
  readonly line: number | null;
  readonly column: string | null;
  readonly message: string;
  readonly value: string | null;
}

/**
 * What the export as a whole does not hold:
 * - `no_creator_column`: `mass_messages_week.csv` names staff senders, not creators; its
 *   messages are returned apart as `agencyMessages` (`creatorId: null`);
 * - `no_message_history`: a creator has no message history (`creatorId` set, one per creator);
 * - `no_ppv_captions`: the caption files hold no PPV caption (one per creator);
 * - `missing_optional_file`: an optional file of `IMPORTED_FILES` was not passed;
 * - `unread_file`: a file was passed that the importer does not read (its name is `file`).
 *
 * Source: seed 001 phase 1 "load"; `../shared/real-data/README.md`; ISSUE-NOTES "Issue 7 (agency)".
 *
 * @since 0.3.0
 * @category import
 */
export type ExportGapCode =
  | 'no_creator_column'
  | 'no_message_history'
  | 'no_ppv_captions'
  | 'missing_optional_file'
  | 'unread_file';

/**
 * One gap of the export (see `ExportGapCode`).
 *
 * Source: seed 001 phase 1 "load"; `../shared/real-data/README.md`; ISSUE-NOTES "Issue 7 (agency)".
 *
 * @since 0.3.0
 * @category import
 */
export interface ExportGap {
  readonly code: ExportGapCode;
  readonly file: string | null;
  readonly creatorId: string | null;
  readonly message: string;
}

/**
 * One row of `mass_messages_week.csv`. The export has no creator column, so the message has no
 * `creatorId` and is in no creator's history. `sentAt` is a UTC ISO instant (the wall clock
 * read in the message zone); `price` in USD, `null` for free sends (`-`); `sendTypeKey`
 * `ppv_unlock` when priced, else `bump_normal`; counts are whole numbers >= 0; `earnings` USD.
 *
 * Source: seed 001 phase 1 "load"; `../shared/real-data/README.md`; ISSUE-NOTES "Issue 7 (agency)".
 *
 * @since 0.3.0
 * @category import
 */
export interface AgencyMessage {
  readonly sentAt: string;
  readonly sender: string | null;
  /** `sent` or `unsent` as the export says (unsent rows still carry audience counts). */
  readonly status: string;
  readonly sendTypeKey: SendTypeKey;
  readonly price: number | null;
  readonly sent: number;
  readonly viewed: number;
  readonly purchased: number;
  readonly earnings: number;
  readonly captionText: string | null;
}

/**
 * A successful import: the `dataset` for `inMemoryPorts` (creators, captions, empty history),
 * the creator ids in file order, the agency's messages, and every default, row issue and gap.
 *
 * Source: seed 001 phase 1 "load"; `../shared/real-data/README.md`; ISSUE-NOTES "Issue 7 (agency)".
 *
 * @since 0.3.0
 * @category import
 */
export interface AgencyImport {
  readonly dataset: InMemoryDataset;
  readonly creatorIds: ReadonlyArray<string>;
  /** Sorted by `sentAt` (file order among equal instants). */
  readonly agencyMessages: ReadonlyArray<AgencyMessage>;
  readonly defaults: ReadonlyArray<AssumedDefault>;
  readonly rowIssues: ReadonlyArray<RowIssue>;
  readonly gaps: ReadonlyArray<ExportGap>;
}

/**
 * Why an import failed as a whole:
 * - `missing_required_file`: `creator_stats_week.csv` was not passed;
 * - `unreadable_file`: a file's header cannot be read (no header, blank or repeated column
 *   names, broken quoting) or `content_types.json` is not the expected JSON;
 * - `missing_columns`: a file lacks a column the importer needs (`columns` lists them);
 * - `invalid_settings`: the settings do not decode (`problems` names every failing path).
 *
 * Source: seed 001 phase 1 "load"; `../shared/real-data/README.md`; ISSUE-NOTES "Issue 7 (agency)".
 *
 * @since 0.3.0
 * @category import
 */
export type ImportErrorCode =
  | 'missing_required_file'
  | 'unreadable_file'
  | 'missing_columns'
  | 'invalid_settings';

/**
 * A fatal import error (see `ImportErrorCode`). `problems` holds one entry per failing path or
 * missing column: `{ path, message }` (`path` a settings path or a column name; `null` for the
 * whole value).
 *
 * Source: seed 001 phase 1 "load"; `../shared/real-data/README.md`; ISSUE-NOTES "Issue 7 (agency)".
 *
 * @since 0.3.0
 * @category import
 */
export interface ImportError {
  readonly code: ImportErrorCode;
  readonly file: string | null;
  readonly message: string;
  readonly problems: ReadonlyArray<{ readonly path: string | null; readonly message: string }>;
}
