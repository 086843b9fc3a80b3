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
