/**
 * Issue 11: the follow-up delay search tries the delays in `[minMinutes, maxMinutes]` nearest the
 * sampled delay first (ties: the later) by merging the delays above and below the draw, without
 * sorting the range. The order tried must be the sorted order: with every delay rejected, the
 * rejections (kept in the order tried) list the whole range as a sort by closeness gives it,
 * for draws inside, outside and at the ends of the window, fractional or whole, and windows of
 * one minute, fractional bounds or none.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchFollowupDelay } from '../../src/followups/schedulePpvFollowup';
import { DEFAULT_POLICY } from '../../src/index';

const triedOrder = (sampled: number, minMinutes: number, maxMinutes: number) => [
  ...searchFollowupDelay({
    parentEpochMinute: 29_000_000,
    parentDate: '2025-02-21',
    parentMinuteOfDay: 600,
    timeZone: 'America/New_York',
    sampled,
    minMinutes,
    maxMinutes,
    allowNextDay: true,
    latestMinuteOfDay: 1439,
    policy: DEFAULT_POLICY,
    occupied: () => ['occupied' as never],
  }).rejections.keys(),
];

const sortedOrder = (sampled: number, min: number, max: number) => {
  const out: number[] = [];
  for (let d = Math.ceil(min); d <= Math.floor(max); d++) out.push(d);
  return out.sort((x, y) => Math.abs(x - sampled) - Math.abs(y - sampled) || y - x);
};

describe('searchFollowupDelay tries the delays nearest the draw first', () => {
  it('literal: a draw of 20.5 in 15-25 tries 21, 20, 22, 19, ...; ties go to the later', () => {
    expect(triedOrder(20.5, 15, 25)).toEqual([21, 20, 22, 19, 23, 18, 24, 17, 25, 16, 15]);
    expect(triedOrder(20, 18, 22)).toEqual([20, 21, 19, 22, 18]);
    expect(triedOrder(40, 15, 25)).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15]);
    expect(triedOrder(3, 15, 17)).toEqual([15, 16, 17]);
    expect(triedOrder(20, 25, 15)).toEqual([]);
  });

  it('equals the sort by closeness on random draws and windows', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -20, max: 300 }),
          fc.double({ min: -20, max: 300, noNaN: true }),
        ),
        fc.oneof(fc.integer({ min: 0, max: 200 }), fc.double({ min: 0, max: 200, noNaN: true })),
        fc.oneof(fc.integer({ min: 0, max: 120 }), fc.double({ min: 0, max: 120, noNaN: true })),
        (sampled, min, width) => {
          expect(triedOrder(sampled, min, min + width)).toEqual(
            sortedOrder(sampled, min, min + width),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});
