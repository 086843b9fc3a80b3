/**
 * Issue 11 (work once): a phase handed a section of a resolved policy does not check it again
 * (`isResolvedSlice`). Regression: planWeekPins re-resolved the default policy in every build,
 * because the build's resolved defaults are not `DEFAULT_POLICY` itself. The shortcut must only
 * take the resolver's own deep-frozen sections: a look-alike copy, a mutable object or junk is
 * still checked (a bad `maxPinned` is still `invalid_policy`).
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, isResolvedSlice, resolvePolicy } from '../../src/domain/policy';
import { planPins } from '../../src/timing/pins';

const WEEK = {
  candidates: [],
  currentPins: [],
  weekStartAt: '2025-01-20T05:00:00.000Z',
  weekEndAt: '2025-01-27T05:00:00.000Z',
};

describe('isResolvedSlice', () => {
  it('knows the sections of resolved policies and of the defaults, and nothing else', () => {
    const r = resolvePolicy({ pins: { maxPinned: 3 } });
    if (E.isLeft(r)) throw new Error('expected a policy');
    expect(isResolvedSlice(r.right.pins)).toBe(true);
    expect(isResolvedSlice(r.right.timing)).toBe(true);
    expect(isResolvedSlice(DEFAULT_POLICY.pins)).toBe(true);
    expect(isResolvedSlice({ ...r.right.pins })).toBe(false);
    expect(
      isResolvedSlice({ maxPinned: 3, pinDurationHours: 72, pinnedSendTypes: ['ppv_wall'] }),
    ).toBe(false);
    for (const junk of [null, undefined, 3, 'pins', [], r.right])
      expect(isResolvedSlice(junk)).toBe(false);
  });

  it('leaves planPins checking every other policy', () => {
    const r = resolvePolicy({ pins: { maxPinned: 3 } });
    if (E.isLeft(r)) throw new Error('expected a policy');
    expect(planPins(WEEK, r.right.pins).issues).toEqual([]);
    // a mutable look-alike with a bad value is still refused, naming the leaf
    const bad = { ...r.right.pins, maxPinned: 9 };
    expect(planPins(WEEK, bad).issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_policy', 'policy.pins.maxPinned'],
    ]);
  });
});
