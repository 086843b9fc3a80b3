/**
 * The files of an agency export the importer reads, which are required, and the columns it
 * needs in each.
 *
 * Source: `../shared/real-data/README.md` (the export's files and columns).
 *
 * @module
 */

/**
 * One file the importer reads. `required`: the import fails without it (only
 * `creator_stats_week.csv`); an optional file missing is an `ExportGap`
 * (`missing_optional_file`). `columns`: the header names it must have (a file that lacks one
 * fails with `missing_columns`); other columns the importer reads are used when present.
 *
 * Source: `../shared/real-data/README.md` (the export's files and columns).
 *
 * @since 0.3.0
 * @category import
 */
export interface ImportedFile {
  /** The file's name in the export (`creator_stats_week.csv`), the key of `ExportFiles`. */
  readonly file: string;
  /** Whether the import fails without it (`missing_required_file`). */
  readonly required: boolean;
  /** Header names it must have; empty for a file with no required column (`content_types.json`). */
  readonly columns: ReadonlyArray<string>;
  /** For people: what the file holds and what the importer takes from it. */
  readonly what: string;
}

/**
 * Every file `importAgencyExport` reads, in the order it reads them.
 *
 * Source: `../shared/real-data/README.md`.
 *
 * @since 0.3.0
 * @category import
 */
export const IMPORTED_FILES: ReadonlyArray<ImportedFile> = Object.freeze(
  (
    [
      {
        file: 'creator_stats_week.csv',
        required: true,
        columns: ['creator_id', 'active_fans'],
        what: 'one row per creator: the creators, fan counts, page type, zone',
      },
      {
        file: 'content_types.json',
        required: false,
        columns: [],
        what: '{ "content_types": [...] }: the content-type keys the bump bank tags may name',
      },
      {
        file: 'captions_bump_bank.csv',
        required: false,
        columns: ['caption_ref', 'caption_text'],
        what: 'bump captions (story / flirty / casual), with use dates per page',
      },
      {
        file: 'captions_followup_bump.csv',
        required: false,
        columns: ['row_id', 'caption_text'],
        what: 'follow-up bump captions (close_sale / ppv_followup / teaser)',
      },
      {
        file: 'captions_link_drop.csv',
        required: false,
        columns: ['row_id', 'caption_text'],
        what: 'link drop captions (link_promo)',
      },
      {
        file: 'captions_renew_campaign.csv',
        required: false,
        columns: ['row_id', 'caption_text'],
        what: 'renew-on captions (renewal / appreciation)',
      },
      {
        file: 'captions_tip_campaign.csv',
        required: false,
        columns: ['row_id', 'caption_text'],
        what: 'tip campaign captions (game_invite / urgency / tip_goal_promo)',
      },
      {
        file: 'caption_earnings_short.csv',
        required: false,
        columns: ['caption_id', 'caption_text'],
        what: 'short captions with a 0-100 performance score',
      },
      {
        file: 'mass_messages_week.csv',
        required: false,
        columns: ['sending_time', 'price', 'sent', 'viewed', 'purchased', 'earnings'],
        what: "one week of the agency's mass messages (no creator column)",
      },
    ] as ReadonlyArray<ImportedFile>
  ).map((f) => Object.freeze({ ...f, columns: Object.freeze([...f.columns]) })),
);

/** The columns `file` must have (none for a file not in the table). */
export const requiredColumnsOf = (file: string): ReadonlyArray<string> =>
  IMPORTED_FILES.find((f) => f.file === file)?.columns ?? [];
