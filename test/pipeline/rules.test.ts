/**
 * The rule checker of `rules.ts` catches what it claims to: a clean week has no violations, and
 * each hand-made breakage of one rule is reported under that rule.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Issue, ScheduleItem, ScheduleResult } from '../../src/index';
import { buildRight, creatorFixture, datasetFixture } from './fixtures';
import { addDays, instantOf, type RuleName, ruleViolations, slotDate } from './rules';

const zone = 'Europe/Berlin';

/** `item` moved to `date` at `minute` of the day, with consistent local and UTC fields. */
const at = (
  item: ScheduleItem,
  date: string,
  minute: number,
  slotId = item.slotId,
): ScheduleItem => {
  const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;
  return {
    ...item,
    slotId,
    scheduledDate: date,
    scheduledTime: time,
    scheduledAt: new Date(instantOf(date, time, zone)).toISOString(),
  };
};
const minuteOf = (i: ScheduleItem): number =>
  Number(i.scheduledTime.slice(0, 2)) * 60 + Number(i.scheduledTime.slice(3, 5));

describe('rules.ts checker', () => {
  let week: ScheduleResult;
  let main: ScheduleItem;
  let followup: ScheduleItem;
  let undisturbedDay: ReadonlyArray<ScheduleItem>;

  const replace = (from: ScheduleItem, to: ScheduleItem): ScheduleResult => ({
    ...week,
    items: week.items.map((i) => (i === from ? to : i)),
  });
  const add = (...extra: ScheduleItem[]): ScheduleResult => ({
    ...week,
    items: [...week.items, ...extra],
  });
  const flagged = (r: ScheduleResult, rule: RuleName) => ruleViolations(r, [rule]);

  beforeAll(async () => {
    const creator = creatorFixture({ timezone: zone, fanCount: 8000 });
    week = await buildRight(
      { creatorId: creator.creatorId, weekStart: '2025-10-20', seed: 3 },
      datasetFixture(creator, '2025-10-20'),
    );
    const found = week.items.find(
      (i) => !i.isFollowUp && minuteOf(i) % 240 < 180 && minuteOf(i) < 20 * 60,
    );
    const f = week.items.find((i) => i.isFollowUp);
    if (found === undefined || f === undefined)
      throw new Error('fixture week lacks the items the tests need');
    main = found;
    followup = f;
    const disturbed = new Set(
      week.summary.adjustments
        .filter((a) => a.code === 'item_moved_next_day' || a.code === 'item_dropped')
        .map((a) => slotDate(String(a.details.slotId))),
    );
    const date = Object.keys(week.summary.dailyStrategies).find((d) => !disturbed.has(d)) ?? '';
    undisturbedDay = week.items
      .filter((i) => !i.isFollowUp && slotDate(i.slotId) === date)
      .sort((a, b) => Number(a.slotId.split('_')[1]) - Number(b.slotId.split('_')[1]));
  });

  it('finds nothing wrong with a clean week', () => {
    expect(ruleViolations(week)).toEqual([]);
    expect(undisturbedDay.length).toBeGreaterThan(3);
  });

  it.each<[RuleName, () => ScheduleResult]>([
    ['window', () => replace(main, at(main, main.scheduledDate, 7 * 60 + 52))],
    ['window', () => replace(main, at(main, main.scheduledDate, 23 * 60 + 41))],
    ['roundMinutes', () => replace(main, at(main, main.scheduledDate, 9 * 60 + 45))],
    [
      'localTime',
      () =>
        replace(main, {
          ...main,
          scheduledAt: new Date(Date.parse(main.scheduledAt) + 3_600_000).toISOString(),
        }),
    ],
    ['uniqueInstants', () => add(at(main, main.scheduledDate, minuteOf(main), 'x_1'))],
    ['spacing', () => add(at(main, main.scheduledDate, minuteOf(main) + 11, 'x_1'))],
    [
      'blockCap',
      () =>
        add(...[1, 2, 3].map((n) => at(main, main.scheduledDate, minuteOf(main) + n, `x_${n}`))),
    ],
    ['typeGaps', () => add(at(main, main.scheduledDate, minuteOf(main) + 23, 'x_1'))],
    [
      'clockTimes',
      () =>
        add(
          ...[1, 2].map((n) => at(main, addDays(main.scheduledDate, n), minuteOf(main), `x_${n}`)),
        ),
    ],
    [
      'expirations',
      () =>
        replace(main, { ...main, expiresAt: main.expiresAt === null ? main.scheduledAt : null }),
    ],
    [
      'weeklyCaps',
      () =>
        add(
          ...[1, 2, 3, 4].map((n) => ({
            ...main,
            slotId: `x_${n}`,
            sendTypeKey: 'tip_goal' as const,
          })),
        ),
    ],
    ['pageTypes', () => replace(main, { ...main, sendTypeKey: 'ppv_wall' })],
    [
      'pageTypes',
      () => ({
        ...week,
        creator: { ...week.creator, pageType: 'free' },
        items: [{ ...main, sendTypeKey: 'bump_normal', targetKey: 'renew_off' }],
      }),
    ],
    [
      'categories',
      () =>
        replace(main, {
          ...main,
          category: main.category === 'revenue' ? 'engagement' : 'revenue',
        }),
    ],
    [
      'followups',
      () =>
        replace(followup, {
          ...followup,
          followupDelayMinutes: (followup.followupDelayMinutes ?? 0) + 1,
        }),
    ],
    ['followups', () => replace(followup, { ...followup, parentItemId: 'nowhere_1' })],
    [
      'captions',
      () =>
        replace(main, {
          ...main,
          captionId: week.items.find((i) => i !== main && i.captionId !== null)?.captionId ?? null,
        }),
    ],
    ['captions', () => replace(main, { ...main, needsCaption: true })],
    ['strategies', () => replace(main, { ...main, strategyUsed: 'made_up' })],
    [
      'diversity',
      () => ({
        ...week,
        items: week.items.filter(
          (i) => i.sendTypeKey === 'ppv_unlock' || i.sendTypeKey === 'bump_normal',
        ),
      }),
    ],
    [
      'variety',
      () =>
        replace(undisturbedDay[2] as ScheduleItem, {
          ...(undisturbedDay[2] as ScheduleItem),
          sendTypeKey: (undisturbedDay[1] as ScheduleItem).sendTypeKey,
        }),
    ],
    ['nothingLost', () => ({ ...week, items: week.items.filter((i) => i !== undisturbedDay[1]) })],
    ['nothingLost', () => replace(main, at(main, addDays(main.scheduledDate, 2), minuteOf(main)))],
    [
      'volume',
      () => ({
        ...week,
        volume: {
          ...week.volume,
          weeklyDistribution: {
            ...week.volume.weeklyDistribution,
            0: week.volume.weeklyDistribution[0] + 1,
          },
        },
      }),
    ],
    [
      'status',
      () => ({
        ...week,
        validation: { ...week.validation, status: 'passed', errors: [{ code: 'x' } as Issue] },
      }),
    ],
  ])('flags a broken %s rule', (rule, broken) => {
    expect(flagged(broken(), rule)).not.toEqual([]);
  });
});
