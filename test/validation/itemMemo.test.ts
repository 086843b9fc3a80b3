/**
 * Issue 11 (work once): the validation checks remember what they read from an item (its instant
 * and its clock time), keyed by the item and the field it was read from. A memo must never
 * change a report: the same items edited in place after a first validation, or validated again,
 * give the report that a fresh copy of them gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ScheduleItem, validateSchedule } from '../../src/index';
import { goodInput, goodItems, TZ } from './fixtures';

/** An edit of one item's time fields, some of them unreadable. */
const edit = fc.record({
  index: fc.nat(55),
  scheduledTime: fc.oneof(
    fc.constantFrom('09:07:00', '23:59:00', '08:00:00', '12:15:00', '', 'noon', '25:00:00'),
    fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`),
  ),
  minutesLater: fc.oneof(fc.constant(null), fc.integer({ min: -2000, max: 2000 })),
});

/** The instant moved by `minutes`; `null`, or an instant an earlier edit made unreadable, gives an unreadable one. */
const shifted = (iso: string, minutes: number | null): string => {
  const at = Date.parse(iso);
  return minutes === null || Number.isNaN(at)
    ? 'not an instant'
    : new Date(at + minutes * 60_000).toISOString();
};

describe('validation item memo (issue 11)', () => {
  it('an item edited in place after a validation is read again: the report equals a fresh copy', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const items = goodItems().map((i) => ({ ...i })) as Array<Record<string, unknown>>;
        const input = goodInput({ items: items as unknown as ReadonlyArray<ScheduleItem> });
        validateSchedule(input); // fills the memo with the unedited fields
        for (const e of edits) {
          const item = items[e.index % items.length] as Record<string, unknown>;
          item.scheduledTime = e.scheduledTime;
          item.scheduledAt = shifted(item.scheduledAt as string, e.minutesLater);
        }
        const again = validateSchedule(input);
        const fresh = validateSchedule(goodInput({ items: structuredClone(items) as never }));
        expect(again).toEqual(fresh);
      }),
      { numRuns: 60 },
    );
  });

  it('validating the same items twice gives the same report, and an edit shows in the next one', () => {
    const items = goodItems().map((i) => ({ ...i }));
    const input = goodInput({ items });
    const first = validateSchedule(input);
    expect(first.errors).toEqual([]);
    expect(validateSchedule(input)).toEqual(first);
    // Move the first item onto the second one's instant: a timing conflict must now be found.
    const [a, b] = items as [ScheduleItem, ScheduleItem];
    Object.assign(a, { scheduledAt: b.scheduledAt });
    const codes = validateSchedule(input).errors.map((i) => i.code);
    expect(codes).toContain('timing_conflict');
    expect(TZ).toBe('America/New_York');
  });
});
