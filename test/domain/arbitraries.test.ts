import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  decodeDataset,
  decodeWith,
  InMemoryDatasetC,
  isIsoDate,
  ScheduleInputsC,
} from '../../src/index';
import { creatorWeekArb } from '../support/arbitraries';

describe('test arbitraries', () => {
  it('generate datasets that decode with the InMemoryDataset codec, unchanged', () => {
    fc.assert(
      fc.property(creatorWeekArb, ({ dataset, creatorId, weekStart, seed }) => {
        const decoded = decodeWith(InMemoryDatasetC, dataset, 'dataset', { port: null });
        if (E.isLeft(decoded)) throw new Error(decoded.left.map((i) => i.message).join('\n'));
        expect(decoded.right).toEqual(dataset);
        // and `inMemoryPorts` accepts it: no duplicate ids or history rows
        const whole = decodeDataset(dataset);
        expect(E.isRight(whole) ? [] : whole.left.map((i) => i.message)).toEqual([]);
        expect(
          E.isRight(
            decodeWith(ScheduleInputsC, { creatorId, weekStart, seed }, '', 'invalid_input'),
          ),
        ).toBe(true);
        expect(dataset.creators.map((c) => c.creatorId)).toEqual([creatorId]);
        expect(isIsoDate(weekStart)).toBe(true);
        expect(new Set(dataset.captions.map((c) => c.captionId)).size).toBe(
          dataset.captions.length,
        );
        for (const m of dataset.history) {
          expect(m.viewed).toBeLessThanOrEqual(m.sent);
          expect(m.purchased).toBeLessThanOrEqual(m.viewed);
          expect(m.sentAt < `${weekStart}T00:00:00.000Z`).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });
});
