/**
 * Issue 11: `assignTargets` builds each targeted slot with `Object.assign` instead of a spread
 * followed by properties (V8's slow path for an unfrozen source). The slot must be what the
 * spread gave: every key of the content slot in its order with its value, then `targetKey`,
 * `channelKey` and `targetReason` (a key the content slot already had keeps its place and takes
 * the new value), frozen or not.
 */
import { describe, expect, it } from 'vitest';
import { assignTargets } from '../../src/index';
import { makeCtx, makeWeek } from '../timing/fixtures';

describe('assignTargets slots equal the spread of the content slot', () => {
  const ctx = makeCtx();
  const { targeting } = makeWeek(ctx, [
    [{ sendTypeKey: 'renew_on_message' }, { sendTypeKey: 'ppv_unlock' }],
    [{ sendTypeKey: 'bump_normal' }],
  ]);
  const check = (slots: typeof targeting.slots) => {
    const content = { slots, usedCaptionIds: [], followupCandidates: [], issues: [] };
    const out = assignTargets(ctx, content).slots;
    expect(out).toHaveLength(slots.length);
    out.forEach((slot, i) => {
      const s = slots[i] as (typeof slots)[number];
      const spread = {
        ...s,
        targetKey: slot.targetKey,
        channelKey: slot.channelKey,
        targetReason: slot.targetReason,
      };
      expect(Object.keys(slot)).toEqual(Object.keys(spread));
      expect(slot).toEqual(spread);
      expect(slot).not.toBe(s);
    });
    return out;
  };

  it('from unfrozen, frozen and pre-targeted content slots', () => {
    const out = check(targeting.slots.map((s) => ({ ...s })));
    check(targeting.slots.map((s) => Object.freeze({ ...s })));
    // slots that already carry a target keep the key's place, with the new value
    const stale = out.map((s) => ({ ...s, targetKey: 'high_spenders' as const }));
    const again = check(stale);
    expect(again[0]?.targetKey).toBe('renew_off'); // a paid page: renew_on_message's own target
  });
});
