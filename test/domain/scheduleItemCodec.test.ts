/**
 * `ScheduleItemC`: every item of real demo weeks decodes and re-encodes to itself, and the codec
 * is exact (an unknown or missing key, a bad value are errors naming the path).
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  decodeScheduleItems,
  decodeWith,
  type ScheduleItem,
  ScheduleItemC,
  type ScheduleResult,
} from '../../src/index';
import { demoWeeks } from '../render/zonedWeeks';

let weeks: ReadonlyArray<ScheduleResult> = [];
beforeAll(async () => {
  weeks = await demoWeeks();
});

const pathsOf = (u: unknown): string[] => {
  const r = decodeWith(ScheduleItemC, u, 'item', 'invalid_input');
  return E.isLeft(r) ? r.left.map((i) => i.message) : [];
};

describe('ScheduleItemC', () => {
  it('decodes every item of several demo weeks and re-encodes it identically', () => {
    let count = 0;
    for (const w of weeks) {
      expect(w.items.length).toBeGreaterThan(20);
      for (const item of w.items) {
        const r = ScheduleItemC.decode(item);
        expect(E.isRight(r) ? null : pathsOf(item)).toBeNull();
        if (E.isRight(r)) {
          expect(r.right).toEqual(item);
          expect(ScheduleItemC.encode(r.right)).toEqual(item);
          expect(ScheduleItemC.is(item)).toBe(true);
        }
        // Through JSON too: what a saved schedule file gives back.
        expect(ScheduleItemC.decode(JSON.parse(JSON.stringify(item)))).toEqual(E.right(item));
        count++;
      }
    }
    expect(count).toBeGreaterThan(200);
  });

  it('decodes a whole week with decodeScheduleItems', () => {
    const items = weeks[0]?.items ?? [];
    expect(decodeScheduleItems(JSON.parse(JSON.stringify(items)))).toEqual(E.right(items));
  });

  it('is exact: an unknown key, a missing key, an unknown nested key are errors at their path', () => {
    const item = weeks[0]?.items[0] as ScheduleItem;
    expect(pathsOf({ ...item, captionTxt: 'x' })).toEqual(['item.captionTxt: unknown key']);
    const { captionText: _drop, ...missing } = item;
    expect(pathsOf(missing)).toHaveLength(1);
    expect(pathsOf(missing)[0]).toMatch(/^item\.captionText: /);
    expect(
      pathsOf({ ...item, variationMetadata: { ...item.variationMetadata, extra: 1 } }),
    ).toEqual(['item.variationMetadata.extra: unknown key']);
    expect(
      pathsOf({
        ...item,
        reasons: { ...item.reasons, target: { ...item.reasons.target, fallbacks: ['nope'] } },
      }),
    ).toHaveLength(1);
  });

  it('names the path of each bad value, every path collected', () => {
    const item = weeks[0]?.items[0] as ScheduleItem;
    const messages = pathsOf({
      ...item,
      suggestedPrice: '12',
      scheduledTime: '25:00:00',
      variationMetadata: { ...item.variationMetadata, primeHoursUsed: [19, 24] },
    });
    expect(messages).toHaveLength(3);
    expect(messages.join('\n')).toContain('item.suggestedPrice');
    expect(messages.join('\n')).toContain('item.scheduledTime');
    expect(messages.join('\n')).toContain('item.variationMetadata.primeHoursUsed[1]');
    const many = decodeScheduleItems([item, { ...item, priority: 0 }]);
    expect(E.isLeft(many) && many.left.map((i) => i.path)).toEqual(['items[1].priority']);
    expect(E.isLeft(decodeScheduleItems({}))).toBe(true);
    expect(t.readonlyArray(ScheduleItemC).is([item])).toBe(true);
  });
});
