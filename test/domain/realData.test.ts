import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { importAgencyExport } from '../../src/import';
import { decodeWith, InMemoryDatasetC, MassMessageC } from '../../src/index';
import {
  hasRealData,
  loadRealDataset,
  loadRealMassMessages,
  REAL_DATA_SKIP_REASON,
} from '../support/realData';

describe("the export's wall-clock times (through the importer)", () => {
  const messages = (times: ReadonlyArray<string>) => {
    const csv = [
      'caption_text,sending_time,sender,status,price,sent,viewed,purchased,earnings',
      ...times.map((t) => `hi,"${t}",sender_001,sent,-,10,1,0,0.0`),
    ].join('\n');
    const stats =
      'creator_id,week_start_date,snapshot_tz,active_fans,total_earnings_net\ncreator_001,2025-09-06,America/New_York,10,1.0\n';
    const r = importAgencyExport({
      'creator_stats_week.csv': stats,
      'mass_messages_week.csv': csv,
    });
    if (E.isLeft(r)) throw new Error(r.left.message);
    return r.right;
  };

  it('reads US Eastern sending times as UTC instants, across daylight saving', () => {
    const r = messages([
      'Sep 14, 2025 at 12:13 AM',
      'Sep 13, 2025 at 11:56 PM',
      'Jan 05, 2025 at 12:00 PM',
    ]);
    expect(r.agencyMessages.map((m) => m.sentAt).sort()).toEqual([
      '2025-01-05T17:00:00.000Z',
      '2025-09-14T03:56:00.000Z',
      '2025-09-14T04:13:00.000Z',
    ]);
    const bad = messages(['tomorrow']);
    expect(bad.agencyMessages).toEqual([]);
    expect(bad.rowIssues.map((i) => [i.file, i.line, i.column])).toEqual([
      ['mass_messages_week.csv', 2, 'sending_time'],
    ]);
  });
});

describe.skipIf(!hasRealData())('real agency data', () => {
  if (!hasRealData()) console.warn(REAL_DATA_SKIP_REASON);

  it('loads 40 creators and the caption export, and decodes with the dataset codec', () => {
    const { dataset, creatorIds } = loadRealDataset();
    expect(creatorIds).toHaveLength(40);
    expect(dataset.captions.length).toBeGreaterThan(20_000);
    expect(dataset.history).toEqual([]);
    expect(new Set(dataset.captions.map((c) => c.captionId)).size).toBe(dataset.captions.length);
    expect(new Set(dataset.creators.map((c) => c.performanceTier))).toEqual(
      new Set([1, 2, 3, 4, 5]),
    );
    expect(new Set(dataset.creators.map((c) => c.pageType))).toEqual(new Set(['paid', 'free']));
    const decoded = decodeWith(InMemoryDatasetC, dataset, 'dataset', { port: null });
    expect(E.isRight(decoded) ? [] : decoded.left.slice(0, 5)).toEqual([]);
    expect(loadRealDataset()).toBe(loadRealDataset());
  });

  it('adds no PPV, bundle, VIP or game captions the export does not have', () => {
    const types = new Set(loadRealDataset().dataset.captions.map((c) => c.captionType));
    for (const missing of [
      'ppv_offer',
      'bundle_offer',
      'vip_promo',
      'exclusive',
      'winback',
      'miss_you',
      'live_promo',
    ]) {
      expect(types.has(missing as never)).toBe(false);
    }
  });

  it('parses the week of mass messages', () => {
    const messages = loadRealMassMessages();
    expect(messages).toHaveLength(210);
    expect(
      E.isRight(
        decodeWith(t.array(MassMessageC), messages, 'history', { port: 'getMassMessageHistory' }),
      ),
    ).toBe(true);
    expect(messages.every((m) => m.sentAt >= '2025-09-07' && m.sentAt < '2025-09-15')).toBe(true);
    expect(
      messages.filter((m) => m.price !== null).every((m) => m.sendTypeKey === 'ppv_unlock'),
    ).toBe(true);
  });
});
