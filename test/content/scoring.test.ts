import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Caption } from '../../src/index';
import {
  calculateFreshnessScore,
  compositeScore,
  DEFAULT_POLICY,
  diversityScore,
  rankFollowupCaptions,
  SEND_TYPES,
  scoreCaption,
  typePriorityScore,
  utcDayOf,
} from '../../src/index';

const P = DEFAULT_POLICY;
const caption = (over: Partial<Caption> & Pick<Caption, 'captionId'>): Caption => ({
  text: 'hey you',
  captionType: 'ppv_offer',
  contentType: null,
  performanceScore: 80,
  lastUsedAt: null,
  useCount: 0,
  globalUseCount: 0,
  ...over,
});

describe('calculateFreshnessScore (RULINGS freshness)', () => {
  it('scores a caption never used by the creator 100', () => {
    expect(calculateFreshnessScore(null, '2025-01-20', P)).toBe(100);
  });
  it('scores a caption used today 0, and a use after asOf 0', () => {
    expect(calculateFreshnessScore('2025-01-20T09:00:00Z', '2025-01-20', P)).toBe(0);
    expect(calculateFreshnessScore('2025-01-25T09:00:00Z', '2025-01-20', P)).toBe(0);
  });
  it('recovers linearly: 15 of 30 days = 50', () => {
    expect(calculateFreshnessScore('2025-01-05T23:59:00Z', '2025-01-20', P)).toBe(50);
    expect(calculateFreshnessScore('2025-01-17T00:00:00Z', '2025-01-20', P)).toBe(10);
  });
  it('is fully recovered after 30 days or more', () => {
    expect(calculateFreshnessScore('2024-12-21T00:00:00Z', '2025-01-20', P)).toBe(100);
    expect(calculateFreshnessScore('2023-01-01T00:00:00Z', '2025-01-20', P)).toBe(100);
  });
  it('uses the UTC date of the instant', () => {
    // 2025-01-19T23:30-05:00 is 2025-01-20 in UTC: used "today".
    expect(calculateFreshnessScore('2025-01-19T23:30:00-05:00', '2025-01-20', P)).toBe(0);
  });
  it('follows freshnessRecoveryDays from the policy', () => {
    const p = { content: { ...P.content, freshnessRecoveryDays: 10 } };
    expect(calculateFreshnessScore('2025-01-15T00:00:00Z', '2025-01-20', p)).toBe(50);
  });
  it('scores an unparseable instant 0', () => {
    expect(calculateFreshnessScore('not a date', '2025-01-20', P)).toBe(0);
  });
  it('stays within 0-100 and never decreases with age', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 400 }), fc.integer({ min: 0, max: 400 }), (a, b) => {
        const asOf = '2025-06-01';
        const at = (d: number) => new Date(Date.UTC(2025, 5, 1) - d * 86_400_000).toISOString();
        const fa = calculateFreshnessScore(at(a), asOf, P);
        const fb = calculateFreshnessScore(at(a + b), asOf, P);
        return fa >= 0 && fa <= 100 && fb >= fa;
      }),
      { numRuns: 200 },
    );
  });
});

describe('diversityScore, typePriorityScore', () => {
  it('loses diversityPenaltyPerGlobalUse per global use, never below 0', () => {
    expect(diversityScore(0, P)).toBe(100);
    expect(diversityScore(4, P)).toBe(80);
    expect(diversityScore(1000, P)).toBe(0);
  });
  it('ranks primary 100, secondary 70, other/generic 40', () => {
    const spec = SEND_TYPES.ppv_unlock;
    expect(typePriorityScore('ppv_offer', spec, P)).toBe(100);
    expect(typePriorityScore('teaser', spec, P)).toBe(70);
    expect(typePriorityScore('renewal', spec, P)).toBe(40);
    expect(typePriorityScore('ppv_offer', null, P)).toBe(40);
  });
});

describe('compositeScore (001 §3.1 weights 40/35/15/5/5)', () => {
  const all = (x: number) => ({
    freshnessScore: x,
    performanceScore: x,
    typePriorityScore: x,
    diversityScore: x,
    personaScore: x,
  });
  it('weights each component', () => {
    expect(compositeScore(all(100), P.content.weights)).toBe(100);
    expect(compositeScore({ ...all(0), freshnessScore: 100 }, P.content.weights)).toBe(40);
    expect(compositeScore({ ...all(0), performanceScore: 100 }, P.content.weights)).toBe(35);
    expect(compositeScore({ ...all(0), typePriorityScore: 100 }, P.content.weights)).toBe(15);
    expect(compositeScore({ ...all(0), diversityScore: 100 }, P.content.weights)).toBe(5);
    expect(compositeScore({ ...all(0), personaScore: 100 }, P.content.weights)).toBe(5);
  });
  it('matches the seed example row', () => {
    // 001 "Phase 3 Output State": 92*.4 + 85.2*.35 + 88*.15 + 95*.05 + 82*.05 = 88.67
    const s = {
      freshnessScore: 92,
      performanceScore: 85.2,
      typePriorityScore: 88,
      diversityScore: 95,
      personaScore: 82,
    };
    expect(compositeScore(s, P.content.weights)).toBe(88.67);
  });
  it('uses the degraded weights when given (freshness 20 %, performance 50 %)', () => {
    expect(compositeScore({ ...all(0), performanceScore: 100 }, P.content.degradedWeights)).toBe(
      50,
    );
  });
  it('scoreCaption combines the components', () => {
    const s = scoreCaption(
      caption({ captionId: 'c1' }),
      SEND_TYPES.ppv_unlock,
      null,
      '2025-01-20',
      P.content.weights,
      P,
    );
    expect(s).toEqual({
      freshnessScore: 100,
      performanceScore: 80,
      typePriorityScore: 100,
      diversityScore: 100,
      personaScore: 50,
      compositeScore: 40 + 28 + 15 + 5 + 2.5,
    });
  });
});

describe('rankFollowupCaptions', () => {
  it('sorts by composite descending, ties by captionId', () => {
    const ranked = rankFollowupCaptions(
      [
        caption({ captionId: 'b', captionType: 'ppv_followup' }),
        caption({ captionId: 'a', captionType: 'ppv_followup' }),
        caption({ captionId: 'c', captionType: 'close_sale' }),
        caption({ captionId: 'd', captionType: 'ppv_followup', performanceScore: 95 }),
      ],
      SEND_TYPES.ppv_followup,
      null,
      '2025-01-20',
      P,
    );
    expect(ranked.map((c) => c.captionId)).toEqual(['d', 'a', 'b', 'c']);
    expect(ranked[0]?.scores.compositeScore).toBeGreaterThan(ranked[1]?.scores.compositeScore ?? 0);
  });
});

describe('utcDayOf (issue 11: calendar arithmetic for canonical dates and instants)', () => {
  // the straightforward version: Date's parser
  const oracle = (s: string): number =>
    Math.floor(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s) / 86_400_000);
  const same = (s: string) => {
    const got = utcDayOf(s);
    const want = oracle(s);
    if (Number.isNaN(want)) expect(got).toBeNaN();
    else expect(got).toBe(want);
  };

  it('matches Date.parse on instants and dates of any year, canonical or not', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(-500, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)) }),
        fc.constantFrom('iso', 'noMillis', 'date', 'offset'),
        (d, form) => {
          if (Number.isNaN(d.getTime())) return;
          const iso = d.toISOString();
          const s =
            form === 'iso'
              ? iso
              : form === 'noMillis'
                ? `${iso.slice(0, 19)}Z`
                : form === 'date'
                  ? iso.slice(0, 10)
                  : `${iso.slice(0, 19)}+02:00`;
          same(s);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('answers the hard cases as Date.parse does', () => {
    for (const s of [
      '1970-01-01',
      '1969-12-31T23:59:59.999Z',
      '1970-01-01T00:00:00Z',
      '2024-02-29',
      '2025-02-29',
      '2025-02-30T10:00:00.000Z',
      '2025-13-01',
      '2025-01-20T24:00:00.000Z',
      '2025-01-20T23:59:60Z',
      '0999-12-31T23:59:59.000Z',
      '1000-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      '2025-01-20T19:07:00.000+01:00',
      '2025-1-20',
      'not a date',
      '',
    ])
      same(s);
    expect(utcDayOf('2025-01-20')).toBe(20_108);
    expect(utcDayOf('2025-01-20T23:59:59.999Z')).toBe(20_108);
  });
});
