/**
 * The importer on the agency's real export (`../shared/real-data/`, read here with node:fs; the
 * library never reads files): 40 creators, each with its unknown profile fields reported as
 * defaults, the agency's week of messages apart from any creator, the PPV-caption and history
 * gaps per creator, the same caption ids as the test loader, and a Right week for the first
 * creator. Skips when the folder is absent.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AgencyImport, IMPORTED_FILES, importAgencyExport } from '../../src/import/index';
import { buildSchedule, inMemoryPorts } from '../../src/index';
import { hasRealData, REAL_DATA_SKIP_REASON, realDataDir } from '../support/realData';

if (!hasRealData())
  describe('importAgencyExport on the real agency export', () => {
    it.skip(REAL_DATA_SKIP_REASON, () => {});
  });

describe.skipIf(!hasRealData())('importAgencyExport on the real agency export', () => {
  let imp: AgencyImport;
  let sendingTimes: ReadonlyArray<string>;

  beforeAll(() => {
    const files = Object.fromEntries(
      IMPORTED_FILES.map((f) => [f.file, readFileSync(path.join(realDataDir, f.file), 'utf8')]),
    );
    const r = importAgencyExport(files);
    if (E.isLeft(r)) throw new Error(r.left.message);
    imp = r.right;
    // The test's own count of readable sending times: every row of the README's format.
    sendingTimes = (files['mass_messages_week.csv'] ?? '').match(
      /"[A-Z][a-z]{2} \d{1,2}, \d{4} at \d{1,2}:\d{2} [AP]M"/g,
    ) as ReadonlyArray<string>;
  });

  it('reads 40 creators, each with a reported default for contentPageType, subType and tier', () => {
    expect(imp.creatorIds).toHaveLength(40);
    for (const id of imp.creatorIds) {
      const fields = imp.defaults.filter((d) => d.creatorId === id).map((d) => d.field);
      expect(fields).toEqual(
        expect.arrayContaining(['contentPageType', 'subType', 'performanceTier']),
      );
      expect(fields.filter((f) => f === 'contentPageType')).toHaveLength(1);
    }
  });

  it('parses the agency messages, none in a creator history', () => {
    expect(sendingTimes).toHaveLength(210);
    expect(imp.agencyMessages).toHaveLength(210);
    expect(imp.dataset.history).toEqual([]);
    const first = imp.agencyMessages[0]?.sentAt ?? '';
    const last = imp.agencyMessages[imp.agencyMessages.length - 1]?.sentAt ?? '';
    // Sep 7-14 2025, US Eastern (UTC-4): between 2025-09-07T04:00Z and 2025-09-15T04:00Z
    expect(first >= '2025-09-07T04:00:00.000Z').toBe(true);
    expect(last < '2025-09-15T04:00:00.000Z').toBe(true);
  });

  it('reports the missing creator column once, and no history and no PPV captions per creator', () => {
    expect(imp.gaps.filter((g) => g.code === 'no_creator_column')).toHaveLength(1);
    for (const code of ['no_message_history', 'no_ppv_captions'] as const)
      expect(
        imp.gaps
          .filter((g) => g.code === code)
          .map((g) => g.creatorId)
          .sort(),
      ).toEqual([...imp.creatorIds].sort());
    expect(imp.dataset.captions.some((c) => c.captionType === 'ppv_offer')).toBe(false);
  });

  it('keeps every caption with text once: 26,438 of the six banks, each id unique', () => {
    // 12,170 bump bank rows with text, 13,331 follow-up bumps, 156 link drops, 261 renew, 213
    // tip campaign and 905 short captions, less the repeated rows (counted from the files).
    const ids = imp.dataset.captions.map((c) => c.captionId);
    expect(ids).toHaveLength(26_438);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the two bump rows without text are row issues, and only they', () => {
    expect(imp.rowIssues.map((i) => [i.file, i.column])).toEqual([
      ['captions_bump_bank.csv', 'caption_text'],
      ['captions_bump_bank.csv', 'caption_text'],
    ]);
  });

  it('builds a Right week for the first creator', async () => {
    const r = await buildSchedule({
      creatorId: imp.creatorIds[0] as string,
      weekStart: '2025-09-08',
      seed: 1,
    })(inMemoryPorts(imp.dataset))();
    expect(E.isRight(r)).toBe(true);
  });
});
