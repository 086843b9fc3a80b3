/**
 * The checkers the pipeline properties use catch what they claim to, on a real built week: the
 * independent hard-rule oracle (`test/oracle/oracle.ts`, literals only) and the allocation and
 * volume shape rules of `weekShape.ts`. A clean week has no violations, and each hand-made
 * breakage of one rule is reported under that rule. (`oracle.test.ts` tests the oracle rule by
 * rule in depth; this keeps the cases the former `rules.ts` checker was tested with.)
 */
import { TZDate } from '@date-fns/tz';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Issue, ScheduleItem, ScheduleResult } from '../../src/index';
import { type HardRuleName, hardRuleViolations } from '../oracle/oracle';
import { buildRight, creatorFixture, datasetFixture } from './fixtures';
import { slotDate, type WeekShapeRule, weekShapeViolations } from './weekShape';

const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Epoch ms of a local date and `HH:mm:ss` in `zone`. */
const instantOf = (date: string, time: string, zone: string): number =>
  new TZDate(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    Number(time.slice(0, 2)),
    Number(time.slice(3, 5)),
    Number(time.slice(6, 8)),
    zone,
  ).getTime();

type RuleName = HardRuleName | WeekShapeRule;
const SHAPE: ReadonlyArray<string> = ['variety', 'slotNumbers', 'volumeShape'];
const ruleViolations = (r: ScheduleResult, rules?: ReadonlyArray<RuleName>) => [
  ...hardRuleViolations(
    r,
    rules === undefined
      ? {}
      : { rules: rules.filter((x): x is HardRuleName => !SHAPE.includes(x)) },
  ),
  ...weekShapeViolations(
    r,
    rules?.filter((x): x is WeekShapeRule => SHAPE.includes(x)),
  ),
];

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

describe('the hard-rule oracle and the week shape rules on a built week', () => {
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
    ['uniqueMinutes', () => add(at(main, main.scheduledDate, minuteOf(main), 'x_1'))],
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
    // RULINGS "moved items": an item sent on the next day that keeps its origin day's strategy
    // (the old rule, now overturned) is flagged
    ['strategies', () => replace(main, at(main, addDays(main.scheduledDate, 1), minuteOf(main)))],
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
    ['slotNumbers', () => ({ ...week, items: week.items.filter((i) => i !== undisturbedDay[1]) })],
    ['nothingLost', () => replace(main, at(main, addDays(main.scheduledDate, 2), minuteOf(main)))],
    [
      'volumeShape',
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
      'volumeShape',
      () => ({
        ...week,
        creator: { ...week.creator, pageType: 'free' },
        volume: {
          ...week.volume,
          finalConfig: { ...week.volume.finalConfig, retentionPerDay: 1 },
        },
      }),
    ],
    [
      'statusCoherence',
      () => ({
        ...week,
        validation: {
          ...week.validation,
          status: 'passed',
          errors: [{ code: 'x' } as unknown as Issue],
        },
      }),
    ],
    [
      'statusTruthful',
      () => ({
        ...replace(main, at(main, main.scheduledDate, 9 * 60 + 45)),
        validation: { ...week.validation, status: 'passed', errors: [] },
      }),
    ],
  ])('flags a broken %s rule', (rule, broken) => {
    expect(flagged(broken(), rule)).not.toEqual([]);
  });
});
