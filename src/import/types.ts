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
  /** The creator whose profile field was filled, `null` for `messageTimezone` (the agency's). */
  readonly creatorId: string | null;
  /** The field filled (`timezone`, `pageType`, `fanCount`...). */
  readonly field: AssumedField;
  /** The value used: an IANA zone, a page type, a tier 1-5, a fan count... */
  readonly value: string | number;
  /** Where it came from: the settings' `defaults` or `BUILT_IN_DEFAULTS`. */
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
  /** The file of the row (`creator_stats_week.csv`...), `settings` for the settings. */
  readonly file: string;
  /** 1-based line on which the row starts, `null` for the settings. */
  readonly line: number | null;
  /** The column's header name (a settings path for the settings), `null` for a whole row. */
  readonly column: string | null;
  /** For people: what was wrong and what the importer did (skipped the row, defaulted the field). */
  readonly message: string;
  /** The text read, `null` when there is none. */
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
  /** What is missing (see `ExportGapCode`). */
  readonly code: ExportGapCode;
  /** The file concerned (the missing optional file, the unread file, `mass_messages_week.csv`), `null` when the gap is no file's. */
  readonly file: string | null;
  /** The creator concerned (`no_message_history`, `no_ppv_captions`), `null` for a gap of the whole export. */
  readonly creatorId: string | null;
  /** For people: the gap and its consequence for the schedules. */
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
  /** When it was sent, a UTC ISO instant (the export's wall clock read in the message zone). */
  readonly sentAt: string;
  /** The staff member who sent it (the export's sender column), `null` when blank. */
  readonly sender: string | null;
  /** `sent` or `unsent` as the export says (unsent rows still carry audience counts). */
  readonly status: string;
  /** `ppv_unlock` when priced, else `bump_normal` (the export names no send type). */
  readonly sendTypeKey: SendTypeKey;
  /** Price in USD, `null` for a free send (`-` in the export). */
  readonly price: number | null;
  /** Fans it was sent to, a whole number >= 0. */
  readonly sent: number;
  /** Fans who viewed it, a whole number >= 0. */
  readonly viewed: number;
  /** Fans who bought it, a whole number >= 0. */
  readonly purchased: number;
  /** Earnings in USD. */
  readonly earnings: number;
  /** The message text, `null` when blank. */
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
  /** The data for `inMemoryPorts`: creators (profiles, vaults), captions, and an empty history. */
  readonly dataset: InMemoryDataset;
  /** The imported creators' ids, in the order of `creator_stats_week.csv`. */
  readonly creatorIds: ReadonlyArray<string>;
  /** Sorted by `sentAt` (file order among equal instants). */
  readonly agencyMessages: ReadonlyArray<AgencyMessage>;
  /** Every profile value assumed because the export and the per-creator settings lack it. */
  readonly defaults: ReadonlyArray<AssumedDefault>;
  /** Every bad value of a row or of the settings; the import went on past each. */
  readonly rowIssues: ReadonlyArray<RowIssue>;
  /** What the export as a whole does not hold. */
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
  /** Why the import failed (see `ImportErrorCode`). */
  readonly code: ImportErrorCode;
  /** The file at fault (missing, unreadable or short of columns), `null` for the settings. */
  readonly file: string | null;
  /** For people: the failure as a whole. */
  readonly message: string;
  /** One entry per failing settings path or missing column; may be empty (`missing_required_file`). */
  readonly problems: ReadonlyArray<{
    /** A settings path or a column name, `null` for the whole value. */
    readonly path: string | null;
    /** For people: what is wrong there. */
    readonly message: string;
  }>;
}
