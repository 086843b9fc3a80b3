import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUMP_MATRIX,
  checkBumpRatio,
  DEFAULT_POLICY,
  type Issue,
  issue,
  matrixKeyOf,
  matrixTierOf,
  type ScheduleItem,
  TIER_PPVS,
  VALIDATION_CHECKS,
  validateBumpRatio,
  validateSchedule,
  validationScore,
  validationStatus,
} from '../../src/index';
import {
  creator,
  goodInput,
  goodItems,
  makeItem,
  moveTo,
  volume,
  WEEK,
  withItem,
} from './fixtures';

const D0 = WEEK[0] as string;
/** A warning of phase 5 (deducts 1). */
const relaxed = (n = 0): Issue =>
  issue(
    'spacing_relaxed',
    {
      slotId: `${D0}_${n}`,
      spacingMinutes: 30,
      targetSpacingMinutes: 45,
      nearestSameFamilyMinutes: 31,
    },
    `slots[${n}]`,
  );
/** A warning that removes one planned item (deducts 3). */
const dropped = (n = 0): Issue =>
  issue(
    'item_dropped',
    {
      slotId: `${D0}_${n}`,
      sendTypeKey: 'bump_normal',
      date: D0,
      category: 'engagement',
      reason: 'no_valid_time',
      removed: 1,
    },
    `slots[${n}]`,
  );
/** An error (deducts 20). */
const err = (n = 0): Issue =>
  issue('round_minute', { slotId: `${D0}_${n}`, scheduledTime: '13:30:00' }, `items[${n}]`);
/** An info (no deduction). */
const info = (n = 0): Issue =>
  issue('followup_limit', { parentItemId: `${D0}_${n}`, date: D0, priority: 0.5, maxPerDay: 4 });
/** A warning of each of a few codes and deductions (see the score test). */
const warningOf = (code: WarningCode, n: number): Issue => {
  switch (code) {
    case 'spacing_relaxed':
      return relaxed(n);
    case 'low_confidence':
      return issue('low_confidence', { confidenceScore: 0.5 + n / 1000, messageCount: 20 });
    case 'revenue_mix':
      return issue('revenue_mix', {
        date: `d${n}`,
        tier: 'low',
        share: 0.2,
        target: 0.6,
        tolerance: 0.1,
        revenue: 1,
        engagement: 4,
      });
    case 'media_missing':
      return issue('media_missing', { slotId: `s${n}`, sendTypeKey: 'bundle', missing: 'video' });
  }
};
type WarningCode = 'spacing_relaxed' | 'low_confidence' | 'revenue_mix' | 'media_missing';
/** Score deductions of those codes (the issue table's seed values), errors 20, infos 0. */
const DEDUCTION: Readonly<Record<WarningCode, number>> = {
  spacing_relaxed: 1,
  low_confidence: 3,
  revenue_mix: 1,
  media_missing: 2, // the default warning deduction
};
const ERROR_DEDUCTION = 20;
const MAX_WARNING_DEDUCTION = 14;

describe('validateSchedule', () => {
  it('passes the good week with score 100 and every check', () => {
    const r = validateSchedule(goodInput());
    expect(r).toMatchObject({
      status: 'passed',
      score: 100,
      errors: [],
      warnings: [],
      recommendations: [],
      requiresCaptionReview: false,
    });
    expect(r.passedChecks).toEqual(VALIDATION_CHECKS.map((c) => c.name));
  });

  it('counts prior warnings, keeps infos at no cost and removes repeated findings', () => {
    const prior = [relaxed(1), relaxed(1), dropped(2), info()];
    // the dropped item is accounted for: 49 built + 1 reported removed = 50 planned
    const r = validateSchedule(
      goodInput({ priorIssues: prior, volume: { ...volume, weeklyTotal: 50 } }),
    );
    expect(r.warnings.map((w) => w.code)).toEqual(['spacing_relaxed', 'item_dropped']);
    expect(r.errors).toEqual([]);
    expect(r.notes.map((w) => w.code)).toEqual(['followup_limit']);
    expect(r.score).toBe(100 - 1 - 3);
    expect(r.status).toBe('passed_with_warnings');
  });

  it('merges a prior low_confidence with the same message into one finding', () => {
    const v = { ...volume, confidenceScore: 0.5 };
    const prior = [
      issue('low_confidence', { confidenceScore: 0.5, messageCount: volume.messageCount }),
    ];
    const r = validateSchedule(goodInput({ volume: v, priorIssues: prior }));
    expect(r.warnings.filter((w) => w.code === 'low_confidence')).toHaveLength(1);
    expect(r.score).toBe(97);
  });

  it('passes with info issues only', () => {
    const r = validateSchedule(goodInput({ priorIssues: [info()] }));
    expect(r.status).toBe('passed');
    expect(r.warnings).toHaveLength(0);
    expect(r.notes).toHaveLength(1);
  });

  it('needs review with one error, fails with two', () => {
    const one = validateSchedule(
      goodInput({ items: withItem(`${D0}_2`, (i) => moveTo(i, 13 * 60 + 30)) }),
    );
    expect(one).toMatchObject({ status: 'needs_review', score: 80 });
    expect(one.errors.map((e) => e.code)).toEqual(['round_minute']);
    expect(one.passedChecks).not.toContain('roundMinutes');
    const two = validateSchedule(
      goodInput({
        items: goodItems().map((i) =>
          i.slotId === `${D0}_2` || i.slotId === `${D0}_3`
            ? moveTo(i, i.slotId.endsWith('2') ? 13 * 60 + 30 : 14 * 60)
            : i,
        ),
      }),
    );
    expect(two).toMatchObject({ status: 'failed', score: 60 });
  });

  it('fails on confidence_too_low whatever the score, passes with the override', () => {
    const low = { ...volume, confidenceScore: 0.2 };
    const r = validateSchedule(goodInput({ volume: low }));
    expect(r.errors.map((e) => e.code)).toEqual(['confidence_too_low']);
    // one error and the low_confidence warning score 77, a needs_review score: the gate fails it
    expect(r.score).toBe(100 - 20 - 3);
    expect(r.status).toBe('failed');
    const ok = validateSchedule(goodInput({ volume: low, manualConfidenceOverride: true }));
    expect(ok.errors).toEqual([]);
    expect(ok.status).toBe('passed_with_warnings'); // low_confidence warning remains
  });

  it('lifts recommendations and the caption review flag', () => {
    const v = {
      ...volume,
      captionShortages: [
        { sendTypeKey: 'ppv_followup' as const, usable: 0 },
        { sendTypeKey: 'ppv_followup' as const, usable: 0 },
      ],
    };
    const r = validateSchedule(goodInput({ volume: v }));
    expect(r.recommendations).toEqual(['CREATE NEW CAPTIONS: ppv_followup needs 5+ new captions']);
    expect(r.requiresCaptionReview).toBe(true);
    // a critical caption shortage caps the status at needs_review (seed 001 check 8 "Critical")
    expect(r.warnings.map((w) => w.code)).toEqual(['caption_pool_critical']);
    expect(r).toMatchObject({ score: 98, status: 'needs_review' });
    const manual = withItem(`${D0}_2`, (i) => ({
      ...i,
      needsCaption: true,
      captionId: null,
      captionText: 'MANUAL_REQUIRED',
    }));
    expect(validateSchedule(goodInput({ items: manual })).requiresCaptionReview).toBe(true);
  });

  it('caps the warning deduction so warnings alone never fail a week', () => {
    const many = Array.from({ length: 30 }, (_, n) => relaxed(n));
    const r = validateSchedule(goodInput({ priorIssues: many }));
    expect(r.warnings).toHaveLength(30);
    expect(r.score).toBe(100 - MAX_WARNING_DEDUCTION);
    expect(r.status).toBe('passed_with_warnings');
  });

  it('is at best needs_review when more than 10 % of the items need a manual caption', () => {
    // RULINGS "manual captions"; 56 items: 5 manual (8.9 %) pass, 6 (10.7 %) do not
    const manual = (n: number) =>
      goodItems().map((i, k) =>
        k < n ? { ...i, needsCaption: true, captionId: null, captionText: 'MANUAL_REQUIRED' } : i,
      );
    expect(goodItems()).toHaveLength(56);
    const five = validateSchedule(goodInput({ items: manual(5) }));
    expect(five.status).toBe('passed');
    expect(five.requiresCaptionReview).toBe(true);
    const six = validateSchedule(goodInput({ items: manual(6) }));
    expect(six.warnings.map((w) => [w.code, w.details.manualItems])).toEqual([
      ['manual_captions_excessive', 6],
    ]);
    expect(six.score).toBeGreaterThanOrEqual(85);
    expect(six.status).toBe('needs_review');
  });

  it('does not depend on the order of the items', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(goodItems() as ScheduleItem[], { minLength: 56, maxLength: 56 }),
        fc.integer({ min: 0, max: 55 }),
        (shuffled, k) => {
          const broken = shuffled.map((i, j) => (j === k ? moveTo(i, 13 * 60 + 30) : i));
          const a = validateSchedule(goodInput({ items: broken }));
          const sorted = [...broken].sort((x, y) => (x.slotId < y.slotId ? -1 : 1));
          const b = validateSchedule(goodInput({ items: sorted }));
          expect(a.score).toBe(b.score);
          expect(a.status).toBe(b.status);
          expect(a.errors.map((e) => e.code).sort()).toEqual(b.errors.map((e) => e.code).sort());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('flags any item moved to a round minute or outside the window', () => {
    const all = goodItems();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: all.length - 1 }),
        fc.integer({ min: 8, max: 23 }),
        fc.constantFrom(0, 15, 30, 45), // RULINGS "Timing" jitter: never :00, :15, :30, :45
        (k, h, m) => {
          const items = all.map((i, j) => (j === k ? moveTo(i, h * 60 + m) : i));
          expect(validateSchedule(goodInput({ items })).errors.map((e) => e.code)).toContain(
            'round_minute',
          );
        },
      ),
      { numRuns: 200 },
    );
    const allocated = all.filter((i) => !i.isFollowUp);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: allocated.length - 1 }),
        fc.oneof(
          fc.integer({ min: 0, max: 8 * 60 - 1 }),
          fc.integer({ min: 23 * 60 + 31, max: 1439 }),
        ),
        (k, minute) => {
          const target = allocated[k] as ScheduleItem;
          const items = all.map((i) => (i.slotId === target.slotId ? moveTo(i, minute) : i));
          const r = validateSchedule(goodInput({ items }));
          expect(r.errors.map((e) => e.code)).toContain('outside_window');
          expect(r.status).not.toBe('passed');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('validationScore and validationStatus', () => {
  const issuesArb = fc.record({
    errors: fc.nat({ max: 8 }),
    warnings: fc.array(
      fc.constantFrom<WarningCode>(
        'low_confidence',
        'spacing_relaxed',
        'revenue_mix',
        'media_missing',
      ),
      { maxLength: 20 },
    ),
    infos: fc.nat({ max: 5 }),
  });

  it('scores 0-100 as the policy says and agrees with the thresholds', () => {
    fc.assert(
      fc.property(issuesArb, ({ errors, warnings, infos }) => {
        const es = Array.from({ length: errors }, (_, n) => err(n));
        const ws = [
          ...warnings.map((c, n) => warningOf(c, n)),
          ...Array.from({ length: infos }, (_, n) => info(n)),
        ];
        const deduction = Math.min(
          MAX_WARNING_DEDUCTION,
          warnings.reduce((s, c) => s + DEDUCTION[c], 0),
        );
        const score = validationScore(es, ws, DEFAULT_POLICY);
        expect(score).toBe(Math.max(0, 100 - ERROR_DEDUCTION * errors - deduction));
        expect(Number.isInteger(score) && score >= 0 && score <= 100).toBe(true);
        const status = validationStatus(score, es, ws, DEFAULT_POLICY);
        if (status === 'passed')
          expect(errors === 0 && warnings.length === 0 && score >= 85).toBe(true);
        if (status === 'passed_with_warnings')
          expect(errors === 0 && warnings.length > 0 && score >= 85).toBe(true);
        if (status === 'needs_review') expect(score >= 70).toBe(true);
        if (status === 'failed') expect(score < 70).toBe(true);
        // adding an error never raises the score
        expect(validationScore([...es, err(99)], ws, DEFAULT_POLICY)).toBeLessThanOrEqual(score);
      }),
      { numRuns: 200, seed: 20_250_120 },
    );
  });
});

describe('validateBumpRatio (000 task 3.1)', () => {
  const ppv = (n: number) =>
    Array.from({ length: n }, (_, k) => makeItem(`p${k}`, D0, 9 * 60 + 1 + k, 'ppv_unlock'));
  const bump = (n: number) =>
    Array.from({ length: n }, (_, k) => makeItem(`b${k}`, D0, 12 * 60 + 1 + k, 'bump_normal'));

  it('reads the matrix row, personalized falling back to gfe', () => {
    expect(matrixKeyOf({ ...creator, subType: 'personalized' })).toEqual(['nude', 'gfe']);
    expect(matrixKeyOf({ ...creator, contentPageType: 'porno', subType: 'commercial' })).toEqual([
      'porno',
      'commercial',
    ]);
    expect(BUMP_MATRIX.porno.commercial.low).toEqual([5, 8]);
    expect(TIER_PPVS.low).toEqual([2, 3]);
    expect([0, 999, 1000, 4999, 5000, 15000].map((n) => matrixTierOf(n, DEFAULT_POLICY))).toEqual([
      'low',
      'low',
      'mid',
      'mid',
      'high',
      'ultra',
    ]);
    expect(Object.isFrozen(BUMP_MATRIX) && Object.isFrozen(BUMP_MATRIX.nude.gfe)).toBe(true);
  });

  it('accepts the good week and an in-range ratio', () => {
    // RULINGS "what the matrix counts": PPVs are ppv_unlock (7), bundle (3), flash_bundle (2),
    // vip_program (1) and snapchat_bundle (1), not tip_goal, game_post or first_to_tip; bumps
    // are bump_* (13) and dm_farm (2)
    const r = validateBumpRatio(goodItems(), creator, DEFAULT_POLICY);
    expect(r).toMatchObject({ isValid: true, ppvCount: 14, bumpCount: 15, tier: 'low' });
    expect(r.expectedRange[0]).toBeCloseTo(4 / 3);
    expect(r.expectedRange[1]).toBe(3);
  });

  it('reports a low ratio with the bumps needed', () => {
    const r = validateBumpRatio([...ppv(10), ...bump(5)], creator, DEFAULT_POLICY);
    expect(r).toMatchObject({ isValid: false, actualRatio: 0.5, bumpsNeeded: 8 });
    expect(r.message).toBe('Bump ratio too low (0.50x). Add 8 bumps.');
  });

  it('reports a high ratio, bumps without PPVs, no bumps, and notes an empty schedule', () => {
    const ultra = { ...creator, fanCount: 20000 };
    expect(validateBumpRatio([...ppv(7), ...bump(13)], ultra, DEFAULT_POLICY)).toMatchObject({
      isValid: false,
      reason: 'too_high',
      message: 'Bump ratio high (1.86x). Risk of inbox fatigue.',
    });
    expect(validateBumpRatio(bump(3), creator, DEFAULT_POLICY)).toMatchObject({
      isValid: false,
      actualRatio: null,
    });
    expect(validateBumpRatio(ppv(3), creator, DEFAULT_POLICY)).toMatchObject({
      isValid: false,
      actualRatio: 0,
    });
    expect(validateBumpRatio([], creator, DEFAULT_POLICY)).toMatchObject({
      isValid: true,
      reason: 'empty',
      actualRatio: null,
    });
  });

  it('ignores follow-ups and stays within tolerance at the edges', () => {
    // low nude gfe: min 4/3; 0.8 x 4/3 = 1.0667 -> 15 bumps for 15 PPVs is too low, 17 is fine
    expect(validateBumpRatio([...ppv(15), ...bump(15)], creator, DEFAULT_POLICY).isValid).toBe(
      false,
    );
    expect(validateBumpRatio([...ppv(15), ...bump(17)], creator, DEFAULT_POLICY).isValid).toBe(
      true,
    );
    const fu = makeItem('p0_followup', D0, 9 * 60 + 22, 'ppv_followup', {
      isFollowUp: true,
      parentItemId: 'p0',
    });
    expect(validateBumpRatio([...ppv(1), fu, ...bump(2)], creator, DEFAULT_POLICY).ppvCount).toBe(
      1,
    );
  });

  it('as a check: warning bump_ratio, info for an empty week', () => {
    const ultra = goodInput({
      creator: { ...creator, fanCount: 20000 },
      items: [...ppv(7), ...bump(13)],
    });
    expect(checkBumpRatio(ultra).map((i) => `${i.severity}:${i.code}`)).toEqual([
      'warning:bump_ratio',
    ]);
    expect(checkBumpRatio(ultra)[0]?.details).toMatchObject({
      reason: 'too_high',
      ppvCount: 7,
      bumpCount: 13,
    });
    // an empty week is its own info code now (bump_ratio_empty)
    expect(checkBumpRatio(goodInput({ items: [] })).map((i) => `${i.severity}:${i.code}`)).toEqual([
      'info:bump_ratio_empty',
    ]);
  });
});
