/**
 * Regression (issue 9): `checkLocalTimes` and `checkSlotIds`. An item's local date and time
 * (`scheduledDate` + `scheduledTime`) must name the same minute as its instant `scheduledAt`
 * seen in the creator's zone; an edit of one without the other is an error
 * `local_time_mismatch`. Each slot id is used at most once (`duplicate_slot_id`, an error).
 * Built weeks, also across daylight-saving changes, pass both; `validateScheduleItems` no longer
 * passes an edited copy. Expected local times are computed here with `Intl`, not by the library.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoAgency } from '../../src/demo';
import {
  buildSchedule,
  checkLocalTimes,
  checkSlotIds,
  inMemoryPorts,
  type ScheduleInputs,
  type ScheduleItem,
  type ScheduleResult,
  VALIDATION_CHECKS,
  validateScheduleItems,
} from '../../src/index';
import { demoWeek, demoWeeks } from '../render/zonedWeeks';
import { intlLocal } from '../support/intlLocal';
import { creator, goodInput, goodItems } from './fixtures';

/** The local date `YYYY-MM-DD` and time `HH:MM` of an instant in a zone, by `Intl`. */
const localOf = (iso: string, timeZone: string) => intlLocal(iso, timeZone);

/** `HH:MM:SS` moved by `delta` minutes on the clock (wrapping at midnight), seconds kept. */
const shiftClock = (time: string, delta: number): string => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const minute = (((h * 60 + m + delta) % 1440) + 1440) % 1440;
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return `${hh}:${mm}${time.slice(5)}`;
};

const inputOf = (week: ScheduleResult, items: ReadonlyArray<ScheduleItem> = week.items) =>
  goodInput({ creator: week.creator, items });

describe('checkLocalTimes (unit)', () => {
  it('is one of the validation checks, named localTimes; slotIds too', () => {
    const names = VALIDATION_CHECKS.map((c) => c.name);
    expect(names).toContain('localTimes');
    expect(names).toContain('slotIds');
  });

  it('passes items whose local time and instant agree', () => {
    expect(checkLocalTimes(goodInput())).toEqual([]);
    expect(checkSlotIds(goodInput())).toEqual([]);
  });

  it('an edited scheduledTime without scheduledAt is an error naming the slot and the local time of the instant', () => {
    // America/New_York, winter (UTC-5): 2025-01-20T14:31:00Z is 09:31 on 2025-01-20.
    const items = goodItems();
    const target = items[0] as ScheduleItem;
    const edited = {
      ...target,
      scheduledAt: '2025-01-20T14:31:00.000Z',
      scheduledTime: '09:31:00',
    };
    const ok = checkLocalTimes(goodInput({ items: [edited, ...items.slice(1)] }));
    expect(ok).toEqual([]);
    const moved = { ...edited, scheduledTime: '11:45:00' };
    const out = checkLocalTimes(goodInput({ items: [moved, ...items.slice(1)] }));
    expect(out).toHaveLength(1);
    const [issue] = out;
    expect(issue?.code).toBe('local_time_mismatch');
    expect(issue?.severity).toBe('error');
    expect(issue?.details).toMatchObject({
      slotId: target.slotId,
      localDate: '2025-01-20',
      localTime: '09:31',
      timeZone: 'America/New_York',
    });
    expect(issue?.message).toContain(target.slotId);
    expect(issue?.message).toContain('09:31');
    expect(issue?.message).toContain('11:45');
    expect(issue?.path).toBe('items[0].scheduledAt');
  });

  it('an edited scheduledDate alone is a mismatch too', () => {
    const items = goodItems();
    const target = items[3] as ScheduleItem;
    const out = checkLocalTimes(
      goodInput({
        items: items.map((i) => (i === target ? { ...i, scheduledDate: '2025-01-25' } : i)),
      }),
    );
    expect(out.map((i) => [i.code, i.details.slotId])).toEqual([
      ['local_time_mismatch', target.slotId],
    ]);
  });

  it('reads the instant in the creator zone: the same items in another zone all mismatch', () => {
    const tokyo = { ...creator, timezone: 'Asia/Tokyo' };
    const out = checkLocalTimes(goodInput({ creator: tokyo }));
    expect(out).toHaveLength(goodItems().length);
    expect(new Set(out.map((i) => i.code))).toEqual(new Set(['local_time_mismatch']));
  });

  it('seconds are not compared, only the minute', () => {
    const items = goodItems();
    const first = items[0] as ScheduleItem;
    const withSeconds = { ...first, scheduledTime: `${first.scheduledTime.slice(0, 5)}:42` };
    expect(checkLocalTimes(goodInput({ items: [withSeconds, ...items.slice(1)] }))).toEqual([]);
  });
});

describe('checkSlotIds (unit)', () => {
  it('a slot id used twice is one error duplicate_slot_id with the count', () => {
    const items = goodItems();
    const copy = items[2] as ScheduleItem;
    const out = checkSlotIds(goodInput({ items: [...items, copy] }));
    expect(out).toHaveLength(1);
    expect(out[0]?.code).toBe('duplicate_slot_id');
    expect(out[0]?.severity).toBe('error');
    expect(out[0]?.details).toMatchObject({ slotId: copy.slotId, count: 2 });
    expect(out[0]?.message).toContain(copy.slotId);
  });

  it('three copies are one issue with count 3; two ids repeated, two issues', () => {
    const items = goodItems();
    const a = items[0] as ScheduleItem;
    const b = items[5] as ScheduleItem;
    const out = checkSlotIds(goodInput({ items: [...items, a, a, b] }));
    expect(out.map((i) => [i.details.slotId, i.details.count]).sort()).toEqual(
      [
        [a.slotId, 3],
        [b.slotId, 2],
      ].sort(),
    );
  });

  it('a different item under an existing slot id is a duplicate too', () => {
    const items = goodItems();
    const other = { ...(items[9] as ScheduleItem), slotId: (items[0] as ScheduleItem).slotId };
    expect(
      checkSlotIds(goodInput({ items: [...items.slice(0, 9), other] })).map((i) => i.code),
    ).toEqual(['duplicate_slot_id']);
  });
});

describe('built weeks', () => {
  let weeks: ScheduleResult[] = [];
  beforeAll(async () => {
    weeks = [
      ...(await demoWeeks()),
      // Spring forward: New York on Sunday 2025-03-09, Berlin on Sunday 2025-03-30.
      await demoWeek('creator_01', '2025-03-03', 5, 'America/New_York'),
      await demoWeek('creator_02', '2025-03-24', 5, 'Europe/Berlin'),
      // Fall back: New York on Sunday 2025-11-02, Berlin on Sunday 2025-10-26.
      await demoWeek('creator_03', '2025-10-27', 6, 'America/New_York'),
      await demoWeek('creator_04', '2025-10-20', 6, 'Europe/Berlin'),
      // Half-hour zones, and a zone far east of UTC (dates differ from UTC's).
      await demoWeek('creator_05', '2025-04-07', 8, 'Asia/Kolkata'),
      await demoWeek('creator_06', '2025-04-07', 8, 'Pacific/Auckland'),
      // Lord Howe moves its clocks by 30 minutes (on Sunday 2025-04-06).
      await demoWeek('creator_07', '2025-03-31', 9, 'Australia/Lord_Howe'),
    ];
  }, 120_000);

  it('every built item matches its instant, checked with Intl (a sanity check of the weeks)', () => {
    for (const w of weeks)
      for (const item of w.items) {
        const local = localOf(item.scheduledAt, w.creator.timezone);
        expect(`${item.scheduledDate} ${item.scheduledTime.slice(0, 5)}`, item.slotId).toBe(
          `${local.date} ${local.time}`,
        );
      }
  });

  it('every built item passes checkLocalTimes and checkSlotIds, DST weeks included', () => {
    for (const w of weeks) {
      expect(checkLocalTimes(inputOf(w)), `${w.creatorId} ${w.weekStart}`).toEqual([]);
      expect(checkSlotIds(inputOf(w)), `${w.creatorId} ${w.weekStart}`).toEqual([]);
      expect(w.validation.passedChecks).toContain('localTimes');
      expect(w.validation.passedChecks).toContain('slotIds');
    }
  });

  it('the DST weeks have items on the day the clocks change', () => {
    const dstDays: Readonly<Record<string, string>> = {
      '2025-03-03': '2025-03-09',
      '2025-03-24': '2025-03-30',
      '2025-10-27': '2025-11-02',
      '2025-10-20': '2025-10-26',
    };
    for (const w of weeks) {
      const day = dstDays[w.weekStart];
      if (day === undefined || w.creator.timezone === 'UTC') continue;
      expect(w.items.some((i) => i.scheduledDate === day)).toBe(true);
    }
  });

  it('shifting one item scheduledTime by a nonzero number of minutes gives exactly one mismatch naming it (property)', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat(),
        fc.oneof(
          fc.integer({ min: 1, max: 1439 }),
          fc.integer({ min: -1439, max: -1 }),
          fc.constantFrom(1, -1, 30, -30, 60, -60, 720, 1439),
        ),
        (w, k, delta) => {
          const week = weeks[w % weeks.length] as ScheduleResult;
          const target = week.items[k % week.items.length] as ScheduleItem;
          const edited = week.items.map((i) =>
            i === target ? { ...i, scheduledTime: shiftClock(i.scheduledTime, delta) } : i,
          );
          const out = checkLocalTimes(inputOf(week, edited));
          expect(out).toHaveLength(1);
          expect(out[0]?.code).toBe('local_time_mismatch');
          expect(out[0]?.severity).toBe('error');
          expect(out[0]?.details.slotId).toBe(target.slotId);
          expect(out[0]?.details.localTime).toBe(
            localOf(target.scheduledAt, week.creator.timezone).time,
          );
          expect(out[0]?.message).toContain(target.slotId);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('duplicating any one item gives exactly one duplicate_slot_id naming it (property)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), (w, k, at) => {
        const week = weeks[w % weeks.length] as ScheduleResult;
        const copy = week.items[k % week.items.length] as ScheduleItem;
        const items = [...week.items];
        items.splice(at % (items.length + 1), 0, copy);
        const out = checkSlotIds(inputOf(week, items));
        expect(out.map((i) => [i.code, i.details.slotId, i.details.count])).toEqual([
          ['duplicate_slot_id', copy.slotId, 2],
        ]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('validateScheduleItems over an edited week', () => {
  const dataset = generateDemoAgency(42);
  const ports = inMemoryPorts(dataset);
  const inputs: ScheduleInputs = { creatorId: 'creator_02', weekStart: '2025-01-20', seed: 42 };
  let week: ScheduleResult;
  beforeAll(async () => {
    const r = await buildSchedule(inputs)(ports)();
    if (E.isLeft(r)) throw new Error(r.left.message);
    week = r.right;
  });

  const report = async (items: unknown) => {
    const r = await validateScheduleItems(inputs, items)(ports)();
    if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`);
    return r.right;
  };

  it("the week's own items pass localTimes and slotIds", async () => {
    const v = await report(JSON.parse(JSON.stringify(week.items)));
    expect(v.passedChecks).toContain('localTimes');
    expect(v.passedChecks).toContain('slotIds');
  });

  it('an edited scheduledTime (scheduledAt kept) makes the week not pass (property over items and shifts)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 1439 }), async (k, delta) => {
        const target = week.items[k % week.items.length] as ScheduleItem;
        const edited = week.items.map((i) =>
          i === target ? { ...i, scheduledTime: shiftClock(i.scheduledTime, delta) } : i,
        );
        const v = await report(edited);
        expect(['passed', 'passed_with_warnings']).not.toContain(v.status);
        expect(v.passedChecks).not.toContain('localTimes');
        const mismatch = v.errors.filter((i) => i.code === 'local_time_mismatch');
        expect(mismatch.map((i) => i.details.slotId)).toEqual([target.slotId]);
      }),
      { numRuns: 8, seed: 9 },
    );
  });

  it('a duplicated item gives duplicate_slot_id and the week does not pass', async () => {
    const copy = week.items[4] as ScheduleItem;
    const v = await report([...week.items, copy]);
    expect(['passed', 'passed_with_warnings']).not.toContain(v.status);
    expect(v.errors.map((i) => i.code)).toContain('duplicate_slot_id');
    expect(
      v.errors.filter((i) => i.code === 'duplicate_slot_id').map((i) => i.details.slotId),
    ).toEqual([copy.slotId]);
    expect(v.passedChecks).not.toContain('slotIds');
  });
});
