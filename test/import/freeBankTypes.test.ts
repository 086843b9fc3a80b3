/**
 * Regression (issue 9): the free caption banks `captions_followup_bump.csv` and
 * `caption_earnings_short.csv` hold no PPV captions (the export's README), so none of their
 * captions is given a type that sells a PPV: not `ppv_offer`, `teaser`, `bundle_offer`,
 * `exclusive`, `vip_promo` or `urgency`, whatever its text or price. Checked on the rule tables
 * (`captionTypeOf`), through the importer on synthetic files, and on the real export when present.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  type AgencyImport,
  captionTypeOf,
  FOLLOWUP_RULES,
  importAgencyExport,
  SHORT_RULES,
} from '../../src/import/index';
import { hasRealData, REAL_DATA_SKIP_REASON, realDataDir } from '../support/realData';

/** The caption types that sell a PPV (a free bank's caption must never get one). */
const PPV_SELLING = ['ppv_offer', 'teaser', 'bundle_offer', 'exclusive', 'vip_promo', 'urgency'];

const STATS =
  'creator_id,week_start_date,snapshot_tz,subscription_net,recurring_subscriptions_net,renew_on_percent,active_fans\nc1,,UTC,0,0,0,7\n';

/** Words and marks that sound like selling a PPV, to tempt the rules. */
const SALESY = [
  'unlock',
  'exclusive',
  'bundle',
  'VIP',
  'vip only',
  'teaser',
  'sneak peek',
  'PPV',
  'last chance',
  'hurry',
  'expires tonight',
  'only $9.99',
  '50% off',
  'limited',
  'full video',
  'never seen before',
  'tonight only',
  'urgent',
  'check your inbox',
  'did you see',
  'baby',
  '😘',
  '🔥',
  '💦',
  '?',
  '!!!',
  'open it',
  'tip',
  'renew',
];

const captionText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc
    .array(fc.oneof(fc.constantFrom(...SALESY), fc.string({ minLength: 1, maxLength: 8 })), {
      minLength: 1,
      maxLength: 12,
    })
    .map((ws) => ws.join(' ')),
);
const lengthClass = fc.constantFrom('', 'Short', 'Medium', 'Long', 'XL');
const price = fc.oneof(
  fc.constant(0),
  fc.double({ min: 0, max: 500, noNaN: true }),
  fc.constantFrom(9.99, 14.99, 140.99),
);

describe('captionTypeOf over the free bank rule tables', () => {
  it('FOLLOWUP_RULES never gives a PPV-selling type (property over texts, length classes and prices)', () => {
    fc.assert(
      fc.property(captionText, lengthClass, price, (text, cls, usd) => {
        const type = captionTypeOf(FOLLOWUP_RULES, { text, lengthClass: cls, price: usd });
        expect(PPV_SELLING).not.toContain(type);
      }),
      { numRuns: 2000 },
    );
  });

  it('SHORT_RULES never gives a PPV-selling type (property over texts)', () => {
    fc.assert(
      fc.property(captionText, lengthClass, price, (text, cls, usd) => {
        const type = captionTypeOf(SHORT_RULES, { text, lengthClass: cls, price: usd });
        expect(PPV_SELLING).not.toContain(type);
      }),
      { numRuns: 2000 },
    );
  });

  it('no row of either table names a PPV-selling type', () => {
    for (const row of [...FOLLOWUP_RULES, ...SHORT_RULES])
      expect(PPV_SELLING, row.when).not.toContain(row.captionType);
  });

  it('the hard cases: salesy words, a long plain caption, an empty text, a priced caption', () => {
    const cases = [
      'unlock the full video before it expires, exclusive bundle for VIPs only, hurry',
      'you will love what comes next, the most exclusive thing I ever made for you',
      'teaser',
      '',
      '   ',
      'a plain caption with more than three words in it',
    ];
    for (const text of cases)
      for (const usd of [0, 25])
        for (const table of [FOLLOWUP_RULES, SHORT_RULES])
          expect(PPV_SELLING, `${text} ${usd}`).not.toContain(
            captionTypeOf(table, { text, lengthClass: '', price: usd }),
          );
  });
});

const imported = (files: Readonly<Record<string, string>>): AgencyImport => {
  const r = importAgencyExport({ 'creator_stats_week.csv': STATS, ...files });
  if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`);
  return r.right;
};

describe('importAgencyExport of the free bank files', () => {
  it('gives no caption of either file a PPV-selling type (property over synthetic files)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(captionText, price), { minLength: 1, maxLength: 15 }),
        fc.array(captionText, { minLength: 1, maxLength: 15 }),
        (followups, shorts) => {
          const followupCsv = stringify([
            [
              'row_id',
              'caption_text',
              'price',
              'category',
              'has_link',
              'contains_renew',
              'mentions_tip',
            ],
            ...followups.map(([t, p], k) => [
              String(k + 1),
              t,
              p.toFixed(2),
              'Follow Up MassMessage Bump',
              'False',
              'False',
              'False',
            ]),
          ]);
          const shortCsv = stringify([
            [
              'caption_id',
              'caption_text',
              'len',
              'times_used',
              'total_earnings',
              'performance_score',
              'created_at',
            ],
            ...shorts.map((t, k) => [
              String(k + 1),
              t,
              String(t.length),
              '1',
              '10.0',
              '50',
              '2025-12-12 02:43:02',
            ]),
          ]);
          const imp = imported({
            'captions_followup_bump.csv': followupCsv,
            'caption_earnings_short.csv': shortCsv,
          });
          const fromFreeBanks = imp.dataset.captions.filter(
            (c) => c.captionId.startsWith('followup:') || c.captionId.startsWith('short:'),
          );
          const nonBlank =
            followups.filter(([t]) => t.trim() !== '').length +
            shorts.filter((t) => t.trim() !== '').length;
          expect(fromFreeBanks.length).toBeLessThanOrEqual(nonBlank);
          for (const c of fromFreeBanks) expect(PPV_SELLING, c.text).not.toContain(c.captionType);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a plain follow-up caption is casual and a long plain short caption flirty (no longer teaser)', () => {
    const imp = imported({
      'captions_followup_bump.csv':
        'row_id,caption_text,price\n1,here is a little present to thank you for your support,0\n',
      'caption_earnings_short.csv':
        'caption_id,caption_text,len,times_used,total_earnings,performance_score,created_at\n1,you will love what comes next,29,1,0,50,2025-12-12 02:43:02\n',
    });
    expect(imp.dataset.captions.map((c) => [c.captionId, c.captionType])).toEqual([
      ['followup:1', 'casual'],
      ['short:1', 'flirty'],
    ]);
  });
});

describe.skipIf(!hasRealData())('the real export free banks', () => {
  it('no caption of captions_followup_bump.csv or caption_earnings_short.csv has a PPV-selling type', () => {
    const files = Object.fromEntries(
      ['creator_stats_week.csv', 'captions_followup_bump.csv', 'caption_earnings_short.csv'].map(
        (f) => [f, readFileSync(path.join(realDataDir, f), 'utf8')],
      ),
    );
    const r = importAgencyExport(files);
    if (E.isLeft(r)) throw new Error(r.left.message);
    const free = r.right.dataset.captions.filter(
      (c) => c.captionId.startsWith('followup:') || c.captionId.startsWith('short:'),
    );
    expect(free.length).toBeGreaterThan(0);
    const bad = free.filter((c) => PPV_SELLING.includes(c.captionType));
    expect(bad.map((c) => `${c.captionId} ${c.captionType}`)).toEqual([]);
  });
});
if (!hasRealData()) console.warn(REAL_DATA_SKIP_REASON);
