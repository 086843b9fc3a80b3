import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { decodeWith, InMemoryDatasetC, MassMessageC } from '../../src/index';
import {
  hasRealData,
  loadRealDataset,
  loadRealMassMessages,
  parseCsvRows,
  parseSendingTime,
  REAL_DATA_SKIP_REASON,
} from '../support/realData';

describe('CSV parser', () => {
  it('handles quoted fields, doubled quotes, embedded newlines, CRLF and a BOM', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, ""y""",3\n"multi\nline",,"last"\n';
    expect(parseCsvRows(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, "y"', '3'],
      ['multi\nline', '', 'last'],
    ]);
  });

  it('reads US Eastern sending times as UTC instants, across daylight saving', () => {
    expect(parseSendingTime('Sep 14, 2025 at 12:13 AM')).toBe('2025-09-14T04:13:00.000Z');
    expect(parseSendingTime('Sep 13, 2025 at 11:56 PM')).toBe('2025-09-14T03:56:00.000Z');
    expect(parseSendingTime('Jan 05, 2025 at 12:00 PM')).toBe('2025-01-05T17:00:00.000Z');
    expect(parseSendingTime('tomorrow')).toBeNull();
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
