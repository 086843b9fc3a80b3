/**
 * Issue 7 deliverable 3: caption matching by PPV style. A caption that fits the seed 004
 * structure of its styled PPV (winner 3 of 4 elements, bundle 2 of 3) scores as the primary
 * caption type (ISSUE-NOTES: through the 0.15 type-priority part, primary = 100); a solo PPV
 * prefers solo content, a sextape PPV b/g content; what does not fit is reported
 * (`ppv_style_misfit`); captions of swapped styles are re-matched. Own literals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimedSlot } from '../../src/domain/stages';
import {
  type Caption,
  captionFit,
  DEFAULT_POLICY,
  rankCaptions,
  rematchRestyled,
  SEND_TYPES,
  styleFitOf,
  styleMisfits,
  typePriorityScore,
} from '../../src/index';

const P = DEFAULT_POLICY;
const caption = (over: Partial<Caption> & Pick<Caption, 'captionId'>): Caption => ({
  text: 'hey you',
  captionType: 'ppv_offer',
  contentType: null,
  performanceScore: 50,
  lastUsedAt: null,
  useCount: 0,
  globalUseCount: 0,
  ...over,
});

// a winner caption: clickbait opening, exclusivity, value anchor, call to action (004)
const WINNER = 'OMG you will not believe this! Only for you, worth $50. Unlock it now.';
// a bundle caption: itemization, value anchor, urgency (004)
const BUNDLE = '3 videos + 10 pics, worth $80, half price tonight only.';
const PLAIN = 'I filmed this one thinking about you.';

describe('styleFitOf', () => {
  it('asks the 004 structure of winner and bundle PPVs and the content of solo and sextape', () => {
    expect(styleFitOf('winner', 'ppv_unlock', P)).toMatchObject({ structure: 'winner' });
    expect(styleFitOf('bundle', 'ppv_unlock', P)).toMatchObject({ structure: 'bundle' });
    expect(styleFitOf('bundle', 'flash_bundle', P)).toMatchObject({ structure: 'bundle' });
    expect(styleFitOf('solo', 'ppv_unlock', P)?.structure).toBeNull();
    expect(styleFitOf('solo', 'ppv_unlock', P)?.contentTypes).toContain('solo');
    expect(styleFitOf('sextape', 'ppv_unlock', P)?.contentTypes).toContain('boy_girl');
    expect(styleFitOf('solo', 'ppv_unlock', P)?.contentTypes).not.toContain('boy_girl');
    expect(styleFitOf('solo', 'ppv_wall', P)?.structure).toBe('wall_campaign');
    expect(styleFitOf(null, 'bump_normal', P)).toBeNull();
  });

  it('captionFit: structure by the 004 validator, content by the style list', () => {
    const winner = styleFitOf('winner', 'ppv_unlock', P);
    const solo = styleFitOf('solo', 'ppv_unlock', P);
    if (winner === null || solo === null) throw new Error('fits expected');
    expect(captionFit({ text: WINNER, contentType: null }, winner, P).structure).toBe(true);
    const plain = captionFit({ text: PLAIN, contentType: null }, winner, P);
    expect(plain.structure).toBe(false);
    expect(plain.missing.length).toBeGreaterThanOrEqual(2);
    expect(captionFit({ text: PLAIN, contentType: 'solo' }, solo, P).content).toBe(true);
    expect(captionFit({ text: PLAIN, contentType: 'boy_girl' }, solo, P).content).toBe(false);
  });
});

describe('ranking by style', () => {
  it('a fitting caption scores as the primary type (100) through the 0.15 part', () => {
    const ppv = SEND_TYPES.ppv_unlock;
    expect(typePriorityScore('teaser', ppv, P)).toBe(70);
    expect(typePriorityScore('teaser', ppv, P, true)).toBe(100);
    expect(typePriorityScore('bundle_offer', ppv, P)).toBe(40);
    expect(typePriorityScore('bundle_offer', ppv, P, true)).toBe(100);
    // the weights keep their values: a primary caption stays at 100
    expect(typePriorityScore('ppv_offer', ppv, P, true)).toBe(100);
  });

  it('puts the winner-structured teaser ahead of an equal plain teaser for a winner PPV only', () => {
    const a = caption({ captionId: 'a', captionType: 'teaser', text: PLAIN });
    const b = caption({ captionId: 'b', captionType: 'teaser', text: WINNER });
    const spec = SEND_TYPES.ppv_unlock;
    const fit = styleFitOf('winner', 'ppv_unlock', P);
    const styled = rankCaptions([a, b], spec, null, '2025-01-20', P, fit).ranked;
    expect(styled.map((c) => c.captionId)).toEqual(['b', 'a']);
    // 15 points of type priority x 0.30 difference (100 vs 70)
    expect(
      (styled[0]?.scores.compositeScore ?? 0) - (styled[1]?.scores.compositeScore ?? 0),
    ).toBeCloseTo(0.15 * 30, 5);
    // without a style: equal scores, caption id order
    expect(
      rankCaptions([b, a], spec, null, '2025-01-20', P).ranked.map((c) => c.captionId),
    ).toEqual(['a', 'b']);
  });

  it('a solo PPV takes solo content before a better-scored b/g caption; a sextape PPV the reverse', () => {
    const solo = caption({ captionId: 's', contentType: 'solo', performanceScore: 40 });
    const bg = caption({ captionId: 'g', contentType: 'boy_girl', performanceScore: 90 });
    const spec = SEND_TYPES.ppv_unlock;
    const rank = (style: 'solo' | 'sextape') =>
      rankCaptions(
        [bg, solo],
        spec,
        null,
        '2025-01-20',
        P,
        styleFitOf(style, 'ppv_unlock', P),
      ).ranked.map((c) => c.captionId);
    expect(rank('solo')).toEqual(['s', 'g']);
    expect(rank('sextape')).toEqual(['g', 's']);
  });

  it('property: with a style, every content-fitting caption ranks before every misfit', () => {
    const contents = ['solo', 'boy_girl', 'girl_girl', 'feet', null] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            contentType: fc.constantFrom(...contents),
            performanceScore: fc.integer({ min: 0, max: 100 }),
            text: fc.constantFrom(PLAIN, WINNER, BUNDLE),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        fc.constantFrom('solo' as const, 'sextape' as const, 'winner' as const, 'bundle' as const),
        (rows, style) => {
          const pool = rows.map((r, i) => caption({ captionId: `c${i}`, ...r }));
          const fit = styleFitOf(style, 'ppv_unlock', P);
          const ranked = rankCaptions(
            pool,
            SEND_TYPES.ppv_unlock,
            null,
            '2025-01-20',
            P,
            fit,
          ).ranked;
          const solo = ['solo', 'feet']; // feet is a solo content type here
          const sextape = ['boy_girl', 'girl_girl'];
          const fits = (c: Caption) =>
            c.contentType === null ||
            (style === 'solo'
              ? solo.includes(c.contentType)
              : style === 'sextape'
                ? sextape.includes(c.contentType)
                : true);
          const firstMisfit = ranked.findIndex((c) => !fits(c));
          if (firstMisfit >= 0) expect(ranked.slice(firstMisfit).every((c) => !fits(c))).toBe(true);
        },
      ),
    );
  });
});

/** A timed PPV with the caption fields the re-match reads. */
const timed = (
  slotId: string,
  ppvStyle: TimedSlot['ppvStyle'],
  text: string,
  contentTypeId: string | null,
): TimedSlot =>
  ({
    slotId,
    scheduledDate: '2025-01-20',
    sendTypeKey: 'ppv_unlock',
    ppvStyle,
    isFollowUp: false,
    captionId: `cap-${slotId}`,
    captionText: text,
    scores: null,
    contentTypeId,
    needsCaption: false,
  }) as unknown as TimedSlot;

describe('after the same-style repair', () => {
  it('re-matches the captions of two swapped PPVs when that makes them fit', () => {
    // the repair made a winner and b solo, but a holds the solo caption and b the winner one
    const a = timed('a', 'winner', PLAIN, 'solo');
    const b = timed('b', 'solo', WINNER, 'solo');
    const out = rematchRestyled([a, b], ['a', 'b'], P);
    expect(out.map((s) => s.captionId)).toEqual(['cap-b', 'cap-a']);
    expect(styleMisfits(out, P)).toEqual([]);
    // not restyled: untouched
    expect(rematchRestyled([a, b], [], P)).toEqual([a, b]);
  });

  it('reports what still misfits, naming the structure, its missing elements and the content', () => {
    const issues = styleMisfits(
      [timed('a', 'winner', PLAIN, 'solo'), timed('b', 'solo', PLAIN, 'boy_girl')],
      P,
    );
    expect(issues.map((i) => [i.code, i.details.slotId, i.details.structure])).toEqual([
      ['ppv_style_misfit', 'a', 'winner'],
      ['ppv_style_misfit', 'b', null],
    ]);
    expect(issues[1]?.details.fits).toContain('solo');
    expect(issues[0]?.message).toContain('not a winner caption');
  });
});
