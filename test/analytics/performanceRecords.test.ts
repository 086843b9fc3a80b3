/**
 * performanceRecordsFromHistory and detectTone.
 *
 * Imports from the module entry: src/index.ts does not export ./analytics yet.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectTone,
  type MassMessage,
  performanceRecordsFromHistory,
  SEND_TYPE_KEYS,
  SEND_TYPES,
  type SendTypeKey,
  TONE_MARKERS,
} from '../../src/index';

const revenueKey = SEND_TYPE_KEYS.find(
  (k) => SEND_TYPES[k].category === 'revenue' && SEND_TYPES[k].generatedBy === 'allocation',
) as SendTypeKey;
const otherKey = SEND_TYPE_KEYS.find((k) => SEND_TYPES[k].category !== 'revenue') as SendTypeKey;

const message = (fields: Partial<MassMessage>): MassMessage => ({
  creatorId: 'c1',
  sentAt: '2025-01-10T20:00:00.000Z',
  sendTypeKey: revenueKey,
  price: 15,
  sent: 1000,
  viewed: 400,
  purchased: 20,
  earnings: 300,
  captionId: 'cap1',
  ...fields,
});

describe('performanceRecordsFromHistory', () => {
  it('keeps priced revenue sends only, with their fields and a detected tone', () => {
    const history = [
      message({ captionText: 'Last chance babe, hurry ⏰', contentType: 'solo' }),
      message({ sendTypeKey: otherKey, price: null }),
      message({ price: null }),
      message({ price: 0 }),
      message({ earnings: 12.5, price: 9.99 }),
    ];
    expect(performanceRecordsFromHistory(history)).toEqual([
      {
        id: `c1:2025-01-10T20:00:00.000Z:${revenueKey}:0`,
        earnings: 300,
        captionText: 'Last chance babe, hurry ⏰',
        contentType: 'solo',
        tone: 'urgent',
        price: 15,
      },
      {
        id: `c1:2025-01-10T20:00:00.000Z:${revenueKey}:4`,
        earnings: 12.5,
        captionText: null,
        contentType: null,
        tone: null,
        price: 9.99,
      },
    ]);
  });

  it('uses the classifier it is given', () => {
    const [r] = performanceRecordsFromHistory([message({ captionText: 'hi' })], {
      detectTone: () => 'bratty',
    });
    expect(r?.tone).toBe('bratty');
  });

  it('gives unique ids and never keeps a non-revenue or unpriced send', () => {
    const messageArb = fc.record({
      sendTypeKey: fc.constantFrom(...SEND_TYPE_KEYS),
      price: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
      sentAt: fc.constantFrom('2025-01-10T20:00:00.000Z', '2025-01-11T20:00:00.000Z'),
    });
    fc.assert(
      fc.property(fc.array(messageArb, { maxLength: 30 }), (rows) => {
        const history = rows.map((r) => message(r));
        const records = performanceRecordsFromHistory(history);
        const expected = history.filter(
          (m) => SEND_TYPES[m.sendTypeKey].category === 'revenue' && (m.price ?? 0) > 0,
        ).length;
        return (
          records.length === expected && new Set(records.map((r) => r.id)).size === records.length
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('detectTone', () => {
  it.each([
    ['Hurry, this expires tonight only!', 'urgent'],
    ['On your knees and beg for it 😈', 'dominant'],
    ['hehe guess what I have for you 😜', 'playful'],
    ['Thank you baby, I miss you 🥰', 'sweet'],
    ['Slowly peeling off the lace, every inch of my curves in a 12 minute video', 'descriptive'],
    ['New set uploaded', 'neutral'],
    ['', 'neutral'],
  ] as const)('%s -> %s', (text, tone) => {
    expect(detectTone(text)).toBe(tone);
  });

  it('matches whole words only and reads curly apostrophes as straight', () => {
    expect(detectTone('beginning lovely shampoo')).toBe('neutral'); // not beg, love
    expect(detectTone('Don’t miss it')).toBe('urgent');
  });

  it('breaks ties by the order of TONE_MARKERS', () => {
    // one urgent marker, one sweet marker: urgent comes first
    expect(TONE_MARKERS.map((r) => r.tone)).toEqual([
      'urgent',
      'dominant',
      'playful',
      'sweet',
      'descriptive',
    ]);
    expect(detectTone('hurry babe')).toBe('urgent');
  });

  it('always returns one of the six tones', () => {
    const tones = new Set(['playful', 'sweet', 'dominant', 'urgent', 'descriptive', 'neutral']);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) =>
        tones.has(detectTone(text)),
      ),
      { numRuns: 200 },
    );
  });
});
