/**
 * The agency's real exports from `../shared/real-data/` (relative to the project root), read
 * with the shipped importer (`importAgencyExport`, `eros-schedule/import`). Test and benchmark
 * input only: the files are never copied into the project. Tests skip when `hasRealData()` is
 * false.
 *
 * The export has no content page type, sub-type or performance tier. So that the real-data tests
 * cover the whole matrix, this loader passes the importer agency settings of its own (a TEST
 * choice, not the importer's, which assumes and reports defaults): the tier from the quintiles
 * of each creator's total net earnings (1 = the top fifth), and content page type x sub-type
 * spread over the 3 x 3 combinations in file order.
 *
 * What the export does not have stays absent: no per-creator history (the agency's week of mass
 * messages has no creator column; it is offered apart by `loadRealMassMessages()`), no vaults,
 * timing, personas, and no PPV, bundle, VIP or game captions.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import * as E from 'fp-ts/lib/Either.js';
import { quantile } from 'simple-statistics';
import type { ContentPageType, MassMessage, SubType } from '../../src/domain/types';
import { type AgencyImport, IMPORTED_FILES, importAgencyExport } from '../../src/import';
import type { InMemoryDataset } from '../../src/ports/dataset';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Absolute path of the shared real-data folder (`<repo>/../shared/real-data`). */
export const realDataDir: string = path.resolve(repoRoot, '../shared/real-data');

/** Message for `describe.skipIf(!hasRealData())`. */
export const REAL_DATA_SKIP_REASON = `real agency data not found at ${realDataDir}; real-data tests skipped`;

/** Whether every file the importer reads is present. */
export const hasRealData = (): boolean =>
  IMPORTED_FILES.every((f) => existsSync(path.join(realDataDir, f.file)));

/** The texts of the export files, keyed by file name, for `importAgencyExport`. */
export const realExportFiles = (): Readonly<Record<string, string>> =>
  Object.fromEntries(
    IMPORTED_FILES.filter((f) => existsSync(path.join(realDataDir, f.file))).map((f) => [
      f.file,
      readFileSync(path.join(realDataDir, f.file), 'utf8'),
    ]),
  );

const CONTENT_PAGE_TYPES: ReadonlyArray<ContentPageType> = ['nude', 'non_nude', 'porno'];
const SUB_TYPES: ReadonlyArray<SubType> = ['gfe', 'commercial', 'personalized'];

/** The test's agency settings (see the module documentation). */
const testSettings = (stats: string) => {
  const rows = parse(stats, { columns: true, bom: true, skip_empty_lines: true }) as Array<
    Record<string, string>
  >;
  const earnings = rows.map((r) => Number(r.total_earnings_net) || 0);
  const cuts = [0.8, 0.6, 0.4, 0.2].map((p) => quantile(earnings, p));
  return {
    creators: Object.fromEntries(
      rows.map((r, i) => {
        const above = cuts.findIndex((c) => (Number(r.total_earnings_net) || 0) >= c);
        return [
          r.creator_id,
          {
            performanceTier: above === -1 ? 5 : above + 1,
            contentPageType: CONTENT_PAGE_TYPES[Math.floor(i / 3) % 3],
            subType: SUB_TYPES[i % 3],
          },
        ];
      }),
    ),
  };
};

/** The real dataset and its creator ids (file order). */
export interface RealDataset {
  readonly dataset: InMemoryDataset;
  readonly creatorIds: ReadonlyArray<string>;
  /** The whole import: defaults, gaps, row issues, the agency's messages. */
  readonly imported: AgencyImport;
}

let cache: RealDataset | undefined;

/**
 * The real agency data as an `InMemoryDataset` through the importer with the test's settings:
 * 40 creators, ~27k captions, empty history. Imported once per process.
 */
export const loadRealDataset = (): RealDataset => {
  if (cache === undefined) {
    const files = realExportFiles();
    const r = importAgencyExport(files, testSettings(files['creator_stats_week.csv'] ?? ''));
    if (E.isLeft(r)) throw new Error(`real data did not import: ${r.left.message}`);
    cache = { dataset: r.right.dataset, creatorIds: r.right.creatorIds, imported: r.right };
  }
  return cache;
};

/**
 * The agency's week of mass messages (Sep 7-14 2025) as history rows of creator `agency_week`
 * (the export names staff senders, not creators), sorted by instant.
 */
export const loadRealMassMessages = (): MassMessage[] =>
  loadRealDataset()
    .imported.agencyMessages.map(
      (m): MassMessage => ({
        creatorId: 'agency_week',
        sentAt: m.sentAt,
        sendTypeKey: m.sendTypeKey,
        price: m.price,
        sent: m.sent,
        viewed: m.viewed,
        purchased: m.purchased,
        earnings: m.earnings,
        captionId: null,
      }),
    )
    .sort((a, b) => a.sentAt.localeCompare(b.sentAt));
