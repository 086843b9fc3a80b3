/**
 * Issue 11 (linear everywhere): `summarize` counts the week in one pass over the items. Its
 * counts must equal the plain filters (one per category, per date, the follow-ups, the distinct
 * send types) on random weeks: items on dates outside the week, categories and dates repeated or
 * unknown, no items at all; and a literal oracle on a small hand-made week.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  type PhaseContext,
  type ScheduleItem,
  summarize,
  weekDatesFrom,
} from '../../src/index';
import { creator, goodItems } from '../validation/fixtures';

const WEEK = weekDatesFrom('2025-01-20');
const ctx: PhaseContext = {
  creator,
  weekDates: WEEK,
  seed: '1',
  options: {
    allowNextDayFollowups: false,
    manualConfidenceOverride: false,
    save: false,
    trackPrediction: false,
  },
  policy: DEFAULT_POLICY,
};

const base = goodItems()[0] as ScheduleItem;
const itemOf = (over: Partial<ScheduleItem>): ScheduleItem => ({ ...base, ...over });

describe('summarize: one pass gives the counts of the plain filters', () => {
  it('equals the plain counts on random weeks (property)', () => {
    const anItem = fc.record({
      category: fc.constantFrom('revenue', 'engagement', 'retention', 'revenue', 'other'),
      scheduledDate: fc.constantFrom(...WEEK, '2025-01-19', '2025-01-27', 'junk'),
      isFollowUp: fc.boolean(),
      sendTypeKey: fc.constantFrom(
        'bundle',
        'tip_goal',
        'bump_normal',
        'ppv_followup',
        'link_drop',
      ),
    });
    fc.assert(
      fc.property(fc.array(anItem, { maxLength: 80 }), (draws) => {
        const items = draws.map((d) => itemOf(d as Partial<ScheduleItem>));
        const s = summarize(ctx, items, [], {}, []);
        expect(s.totalItems).toBe(items.length);
        expect(s.byCategory).toEqual({
          revenue: items.filter((i) => i.category === 'revenue').length,
          engagement: items.filter((i) => i.category === 'engagement').length,
          retention: items.filter((i) => i.category === 'retention').length,
        });
        expect(Object.keys(s.byCategory)).toEqual(['revenue', 'engagement', 'retention']);
        expect(s.byDay).toEqual(
          Object.fromEntries(
            WEEK.map((d) => [d, items.filter((i) => i.scheduledDate === d).length]),
          ),
        );
        expect(Object.keys(s.byDay)).toEqual([...WEEK]);
        expect(s.followupsGenerated).toBe(items.filter((i) => i.isFollowUp).length);
        expect(s.uniqueSendTypes).toBe(new Set(items.map((i) => i.sendTypeKey)).size);
      }),
      { numRuns: 300 },
    );
  });

  it('counts a small week (literal oracle)', () => {
    const items = [
      itemOf({ category: 'revenue', scheduledDate: '2025-01-20', sendTypeKey: 'bundle' }),
      itemOf({ category: 'revenue', scheduledDate: '2025-01-20', sendTypeKey: 'tip_goal' }),
      itemOf({ category: 'engagement', scheduledDate: '2025-01-22', sendTypeKey: 'bump_normal' }),
      itemOf({
        category: 'revenue',
        scheduledDate: '2025-01-22',
        sendTypeKey: 'ppv_followup',
        isFollowUp: true,
      }),
      itemOf({ category: 'retention', scheduledDate: '2025-01-27', sendTypeKey: 'bundle' }),
    ];
    const s = summarize(ctx, items, [], {}, []);
    expect(s.totalItems).toBe(5);
    expect(s.byCategory).toEqual({ revenue: 3, engagement: 1, retention: 1 });
    expect(s.byDay).toEqual({
      '2025-01-20': 2,
      '2025-01-21': 0,
      '2025-01-22': 2,
      '2025-01-23': 0,
      '2025-01-24': 0,
      '2025-01-25': 0,
      '2025-01-26': 0,
    });
    expect(s.followupsGenerated).toBe(1);
    expect(s.uniqueSendTypes).toBe(4);
  });
});
