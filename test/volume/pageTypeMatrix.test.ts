import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUMP_MATRIX,
  BUMP_RATIO_SEND_TYPES,
  type ContentPageType,
  calculateVolumeTargets,
  DEFAULT_POLICY,
  engagementRangeFor,
  matrixKeyOf,
  type PageTypeConfig,
  revenueMixOf,
  revenueMixTarget,
  SEND_TYPE_KEYS,
  type SendTypeKey,
  type SubType,
  TIER_PPVS,
  validateBumpRatio,
} from '../../src/index';
import { DEFAULT_LITERALS } from '../oracle/literals';

const FANS = { low: 500, mid: 2000, high: 8000, ultra: 20000 } as const;
const TIERS = ['low', 'mid', 'high', 'ultra'] as const;
const PAGES: ReadonlyArray<ContentPageType> = ['nude', 'non_nude', 'porno'];
const SUBS: ReadonlyArray<SubType> = ['gfe', 'commercial', 'personalized'];

const cfg = (
  contentPageType: ContentPageType,
  subType: SubType,
  fanCount: number = FANS.low,
): PageTypeConfig => ({ fanCount, contentPageType, subType });

const items = (ppvs: number, bumps: number, key: SendTypeKey = 'bump_normal') => [
  ...Array.from({ length: ppvs }, () => ({
    sendTypeKey: 'ppv_unlock' as SendTypeKey,
    isFollowUp: false,
  })),
  ...Array.from({ length: bumps }, () => ({ sendTypeKey: key, isFollowUp: false })),
];

describe('calculateVolumeTargets (000 task 3.1)', () => {
  it('gives the seed example: porno commercial at the low tier, 5-8 bumps, ratio 1.67x-4.0x', () => {
    const t = calculateVolumeTargets(cfg('porno', 'commercial'));
    expect(t.tier).toBe('low');
    expect(t.matrixKey).toEqual(['porno', 'commercial']);
    expect(t.mmppvsPerDay).toEqual([2, 3]);
    expect(t.bumpsPerDay).toEqual([5, 8]);
    expect(t.bumpToPpvRatio).toBe(2.5);
    expect(t.bumpRatioRange[0]).toBeCloseTo(1.67, 2);
    expect(t.bumpRatioRange[1]).toBe(4);
    expect(t.totalMessagesPerDay).toEqual([7, 11]);
    // gap 3.2: "~2.7x average; arithmetic mean of corner cases 2.50, 4.00, 1.67, 2.67"
    const [b0, b1] = t.bumpsPerDay;
    const [p0, p1] = t.mmppvsPerDay;
    expect((b0 / p0 + b1 / p0 + b0 / p1 + b1 / p1) / 4).toBeCloseTo(2.71, 2);
  });

  it('reads every cell of the matrix', () => {
    const expected: Record<string, Record<(typeof TIERS)[number], [number, number]>> = {
      'nude/gfe': { low: [4, 6], mid: [4, 6], high: [7, 9], ultra: [10, 12] },
      'nude/commercial': { low: [5, 6], mid: [4, 6], high: [7, 9], ultra: [10, 12] },
      'non_nude/gfe': { low: [4, 6], mid: [4, 6], high: [7, 9], ultra: [10, 12] },
      'non_nude/commercial': { low: [5, 6], mid: [4, 6], high: [7, 9], ultra: [10, 12] },
      'porno/gfe': { low: [5, 7], mid: [4, 6], high: [7, 9], ultra: [10, 12] },
      'porno/commercial': { low: [5, 8], mid: [4, 6], high: [7, 9], ultra: [10, 12] },
    };
    const ppvs = { low: [2, 3], mid: [4, 6], high: [7, 9], ultra: [10, 12] };
    for (const page of PAGES)
      for (const sub of ['gfe', 'commercial'] as const)
        for (const tier of TIERS) {
          const bumps = expected[`${page}/${sub}`]?.[tier];
          expect(BUMP_MATRIX[page][sub][tier]).toEqual(bumps);
          const t = calculateVolumeTargets(cfg(page, sub, FANS[tier]));
          expect(t.tier).toBe(tier);
          expect(t.bumpsPerDay).toEqual(bumps);
          expect(t.mmppvsPerDay).toEqual(ppvs[tier]);
          expect(TIER_PPVS[tier]).toEqual(ppvs[tier]);
          const [b0, b1] = bumps as [number, number];
          const [p0, p1] = ppvs[tier] as [number, number];
          expect(t.bumpToPpvRatio).toBe(b0 / p0);
          expect(t.bumpRatioRange).toEqual([b0 / p1, b1 / p0]);
          expect(t.totalMessagesPerDay).toEqual([p0 + b0, p1 + b1]);
        }
  });

  it('uses the policy tiers at their boundaries', () => {
    const tiers = [0, 999, 1000, 4999, 5000, 14999, 15000].map(
      (n) => calculateVolumeTargets(cfg('nude', 'gfe', n), DEFAULT_POLICY).tier,
    );
    expect(tiers).toEqual(['low', 'low', 'mid', 'mid', 'high', 'high', 'ultra']);
  });

  it('reads personalized as gfe', () => {
    for (const page of PAGES)
      for (const tier of TIERS) {
        expect(matrixKeyOf(cfg(page, 'personalized'))).toEqual([page, 'gfe']);
        expect(calculateVolumeTargets(cfg(page, 'personalized', FANS[tier]))).toEqual(
          calculateVolumeTargets(cfg(page, 'gfe', FANS[tier])),
        );
      }
  });

  it('falls back to nude / gfe for an unknown page type, to gfe for an unknown sub-type', () => {
    const unknownPage = {
      contentPageType: 'amateur' as ContentPageType,
      subType: 'commercial' as SubType,
    };
    expect(matrixKeyOf(unknownPage)).toEqual(['nude', 'gfe']);
    expect(matrixKeyOf({ contentPageType: 'toString' as ContentPageType, subType: 'gfe' })).toEqual(
      ['nude', 'gfe'],
    );
    expect(matrixKeyOf({ contentPageType: 'porno', subType: 'vip' as SubType })).toEqual([
      'porno',
      'gfe',
    ]);
    expect(calculateVolumeTargets({ fanCount: 500, ...unknownPage }).bumpsPerDay).toEqual([4, 6]);
  });

  it('keeps its tables frozen', () => {
    expect(Object.isFrozen(BUMP_MATRIX)).toBe(true);
    for (const page of PAGES)
      for (const sub of ['gfe', 'commercial'] as const) {
        expect(Object.isFrozen(BUMP_MATRIX[page])).toBe(true);
        expect(Object.isFrozen(BUMP_MATRIX[page][sub])).toBe(true);
        for (const tier of TIERS) expect(Object.isFrozen(BUMP_MATRIX[page][sub][tier])).toBe(true);
      }
    expect(Object.isFrozen(TIER_PPVS) && Object.isFrozen(TIER_PPVS.low)).toBe(true);
    expect(Object.isFrozen(BUMP_RATIO_SEND_TYPES.ppv)).toBe(true);
    expect(Object.isFrozen(BUMP_RATIO_SEND_TYPES.bump)).toBe(true);
  });

  it('counts the PPVs and bumps RULINGS "what the matrix counts" names', () => {
    // RULINGS overturns the old reading (ppv_unlock and ppv_wall as PPVs, bump_* as bumps): a
    // PPV is a priced mass-message revenue send, or ppv_wall on free pages; dm_farm is a bump
    expect(BUMP_RATIO_SEND_TYPES.ppv).toEqual([
      'ppv_unlock',
      'bundle',
      'flash_bundle',
      'snapchat_bundle',
      'vip_program',
    ]);
    expect(BUMP_RATIO_SEND_TYPES.freePagePpv).toEqual(['ppv_wall']);
    expect([...BUMP_RATIO_SEND_TYPES.bump].sort()).toEqual([
      'bump_descriptive',
      'bump_flyer',
      'bump_normal',
      'bump_text_only',
      'dm_farm',
    ]);
    for (const k of BUMP_RATIO_SEND_TYPES.ppv)
      expect(DEFAULT_LITERALS.categories[k]).toBe('revenue');
    for (const k of BUMP_RATIO_SEND_TYPES.bump)
      expect(DEFAULT_LITERALS.categories[k]).toBe('engagement');
  });
});

describe('validateBumpRatio (000 task 3.1, 20 % tolerance)', () => {
  const pc = cfg('porno', 'commercial'); // expected range 5/3 .. 4

  it('accepts a ratio exactly at 0.8 x min and rejects one just below', () => {
    // 0.8 x 5/3 = 4/3: 3 PPVs and 4 bumps sit on the edge.
    expect(validateBumpRatio(items(3, 4), pc)).toMatchObject({ isValid: true, message: null });
    expect(validateBumpRatio(items(300, 399), pc)).toMatchObject({
      isValid: false,
      actualRatio: 1.33,
      bumpsNeeded: 101,
    });
    // low nude gfe: 0.8 x 4/3 = 16/15
    const ng = cfg('nude', 'gfe');
    expect(validateBumpRatio(items(15, 16), ng).isValid).toBe(true);
    expect(validateBumpRatio(items(15, 15), ng).isValid).toBe(false);
  });

  it('accepts a ratio exactly at 1.2 x max and rejects one just above', () => {
    // 1.2 x 4 = 4.8
    expect(validateBumpRatio(items(5, 24), pc).isValid).toBe(true);
    expect(validateBumpRatio(items(100, 479), pc).isValid).toBe(true);
    expect(validateBumpRatio(items(100, 481), pc)).toMatchObject({
      isValid: false,
      message: 'Bump ratio high (4.81x). Risk of inbox fatigue.',
    });
  });

  it('counts every bump type, the PPVs of the page and no follow-up', () => {
    const mixed = [
      ...items(2, 0),
      ...(['bump_normal', 'bump_descriptive', 'bump_text_only', 'bump_flyer'] as const).map(
        (sendTypeKey) => ({ sendTypeKey, isFollowUp: false }),
      ),
      { sendTypeKey: 'ppv_followup' as const, isFollowUp: true },
      { sendTypeKey: 'ppv_unlock' as const, isFollowUp: true },
      { sendTypeKey: 'ppv_wall' as const, isFollowUp: false },
      { sendTypeKey: 'dm_farm' as const, isFollowUp: false },
    ];
    // paid page: ppv_wall is no PPV; dm_farm is a bump (RULINGS "what the matrix counts")
    expect(validateBumpRatio(mixed, pc)).toMatchObject({ ppvCount: 2, bumpCount: 5 });
    // free page: ppv_wall counts as a PPV
    expect(validateBumpRatio(mixed, { ...pc, pageType: 'free' })).toMatchObject({
      ppvCount: 3,
      bumpCount: 5,
    });
    const revenueNotPpv = (['tip_goal', 'game_post', 'first_to_tip'] as const).map(
      (sendTypeKey) => ({ sendTypeKey, isFollowUp: false }),
    );
    expect(validateBumpRatio([...mixed, ...revenueNotPpv], pc).ppvCount).toBe(2);
  });

  it('is deterministic and independent of item order', () => {
    const item = fc.record({
      sendTypeKey: fc.constantFrom(...SEND_TYPE_KEYS),
      isFollowUp: fc.boolean(),
    });
    const config = fc.record({
      fanCount: fc.integer({ min: 0, max: 100_000 }),
      contentPageType: fc.constantFrom(...PAGES),
      subType: fc.constantFrom(...SUBS),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), config, (xs, c) => {
        const r = validateBumpRatio(xs, c);
        expect(validateBumpRatio(xs, c)).toEqual(r);
        expect(validateBumpRatio([...xs].reverse(), c)).toEqual(r);
        if (r.ppvCount > 0 && r.bumpCount > 0 && r.actualRatio !== null) {
          const inside =
            r.actualRatio >= r.expectedRange[0] * 0.8 - 1e-9 &&
            r.actualRatio <= r.expectedRange[1] * 1.2 + 1e-9;
          expect(r.isValid).toBe(inside);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('engagementRangeFor', () => {
  it('clips the bump range to the policy engagement bounds (1-8)', () => {
    expect(engagementRangeFor(cfg('porno', 'commercial', FANS.low))).toEqual([5, 8]);
    expect(engagementRangeFor(cfg('nude', 'gfe', FANS.mid))).toEqual([4, 6]);
    expect(engagementRangeFor(cfg('nude', 'gfe', FANS.high))).toEqual([7, 8]);
    expect(engagementRangeFor(cfg('nude', 'gfe', FANS.ultra))).toEqual([8, 8]);
    expect(engagementRangeFor(cfg('nude', 'gfe', FANS.low), [1, 5])).toEqual([4, 5]);
  });

  it('stays inside the bounds with min <= max', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom(...PAGES),
        fc.constantFrom(...SUBS),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        (fanCount, page, sub, a, b) => {
          const bounds = [Math.min(a, b), Math.max(a, b)] as const;
          const [min, max] = engagementRangeFor(cfg(page, sub, fanCount), bounds);
          expect(min).toBeLessThanOrEqual(max);
          expect(min).toBeGreaterThanOrEqual(bounds[0]);
          expect(max).toBeLessThanOrEqual(bounds[1]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('revenue / engagement mix (000 gap 3.1)', () => {
  it('targets 60 % on the low tier and 50 % on the others', () => {
    expect(revenueMixTarget('low')).toBe(0.6);
    for (const t of ['mid', 'high', 'ultra'] as const) expect(revenueMixTarget(t)).toBe(0.5);
    const policy = {
      ...DEFAULT_POLICY,
      validation: { ...DEFAULT_POLICY.validation, revenueMixLowTier: 0.7 },
    };
    expect(revenueMixTarget('low', policy)).toBe(0.7);
  });

  it('reports the share against the target with the tolerance, edges included', () => {
    expect(revenueMixOf({ revenue: 5, engagement: 1 }, 'low')).toMatchObject({
      target: 0.6,
      tolerance: 0.15,
      withinTolerance: false,
    });
    expect(revenueMixOf({ revenue: 3, engagement: 3 }, 'low')).toEqual({
      share: 0.5,
      target: 0.6,
      tolerance: 0.15,
      withinTolerance: true,
    });
    expect(revenueMixOf({ revenue: 13, engagement: 7 }, 'mid').withinTolerance).toBe(true);
    expect(revenueMixOf({ revenue: 7, engagement: 13 }, 'high').withinTolerance).toBe(true);
    expect(revenueMixOf({ revenue: 7, engagement: 3 }, 'mid').withinTolerance).toBe(false);
    expect(revenueMixOf({ revenue: 0, engagement: 0 }, 'ultra')).toMatchObject({
      share: null,
      withinTolerance: true,
    });
  });
});
