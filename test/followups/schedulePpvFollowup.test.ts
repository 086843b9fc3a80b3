/**
 * `schedulePpvFollowup` (003 task 2.3 with RULINGS "late parents", "jitter"). The oracle's
 * numbers are its own literals: a 15-45 minute window, mean 28, 23:59 the last minute of the
 * day, never :00, :15, :30 or :45, early under 20 and late over 40 (003 task 2.2b). Local times
 * are read back with `Intl.DateTimeFormat`, not with the library's time helpers.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  type CreatorTimingProfile,
  followupWindowFor,
  generateFollowups,
  type PpvFollowup,
  type PpvFollowupParent,
  resolvePolicy,
  schedulePpvFollowup,
} from '../../src/index';
import { intlLocal } from '../support/intlLocal';
import { inspectable, junk } from '../support/junk';
import { makeCaptions, makeCtx, makeLoaded, makeSlot, makeTiming } from './fixtures';

const ROUND = [0, 15, 30, 45];
const LAST_MINUTE = 23 * 60 + 59;
const NY = 'America/New_York';
const LONDON = 'Europe/London';

const parentAt = (
  scheduledDate: string,
  scheduledTime: string,
  timeZone: string = NY,
  slotId = 'ppv_1',
): PpvFollowupParent => ({ slotId, scheduledDate, scheduledTime, timeZone });

const minuteOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** Local date `YYYY-MM-DD` and time `HH:mm:ss` of an instant in `timeZone` (independent of src). */
const localOf = (ms: number, timeZone: string) => intlLocal(ms, timeZone, { seconds: true });

const nextDate = (date: string): string =>
  new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const right = (r: E.Either<unknown, PpvFollowup>): PpvFollowup => {
  if (E.isLeft(r)) throw new Error(`expected Right, got ${JSON.stringify(r.left)}`);
  return r.right;
};

/**
 * What every follow-up must satisfy: a whole delay inside the window, its instant exactly the
 * parent's + the delay, its local date and time those of that instant, no round minute, the
 * parent's date unless it crossed midnight, and the window position of its delay.
 */
const expectSound = (
  f: PpvFollowup,
  parent: PpvFollowupParent,
  window: readonly [number, number],
): void => {
  expect(Number.isInteger(f.delayMinutes)).toBe(true);
  expect(f.delayMinutes).toBeGreaterThanOrEqual(window[0]);
  expect(f.delayMinutes).toBeLessThanOrEqual(window[1]);
  const at = Date.parse(f.scheduledAt);
  expect(f.scheduledAt).toBe(new Date(at).toISOString());
  expect(localOf(at, parent.timeZone)).toEqual({ date: f.scheduledDate, time: f.scheduledTime });
  const parentLocal = localOf(at - f.delayMinutes * 60_000, parent.timeZone);
  expect(parentLocal.date).toBe(parent.scheduledDate);
  expect(parentLocal.time.slice(0, 5)).toBe(parent.scheduledTime.slice(0, 5));
  expect(ROUND).not.toContain(minuteOf(f.scheduledTime) % 60);
  expect(f.crossedMidnight).toBe(f.scheduledDate !== parent.scheduledDate);
  if (f.crossedMidnight) expect(f.scheduledDate).toBe(nextDate(parent.scheduledDate));
  else expect(minuteOf(f.scheduledTime)).toBeLessThanOrEqual(LAST_MINUTE);
  expect(f.windowPosition).toBe(
    f.delayMinutes < 20 ? 'early' : f.delayMinutes > 40 ? 'late' : 'optimal',
  );
};

describe('schedulePpvFollowup: the 003 timing gate', () => {
  it('50 follow-ups: 100 % in 15-45 minutes, none at :00, :15, :30 or :45', () => {
    const out = Array.from({ length: 50 }, (_, i) => {
      const minute = 8 * 60 + i * 17; // 08:00 .. 21:53, every minute of the hour visited
      const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      const parent = parentAt('2025-01-15', time, NY, `ppv_${i}`);
      const f = right(schedulePpvFollowup(parent, { seed: 'gate', creatorId: `creator_${i % 7}` }));
      expectSound(f, parent, [15, 45]);
      return f;
    });
    expect(out.every((f) => f.delayMinutes >= 15 && f.delayMinutes <= 45)).toBe(true);
    expect(out.filter((f) => ROUND.includes(minuteOf(f.scheduledTime) % 60))).toEqual([]);
    // the truncated normal around 28, not a constant
    const delays = out.map((f) => f.delayMinutes);
    expect(new Set(delays).size).toBeGreaterThan(5);
    const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
    expect(mean).toBeGreaterThan(24);
    expect(mean).toBeLessThan(33);
  });

  it('moves a draw that lands on a round minute to the nearest other minute, inside the window', () => {
    // A parent at :00 with a 15-minute window [15, 16]: 15 lands on :15, so 16 is taken.
    for (const seed of ['a', 'b', 'c', 'd', 'e']) {
      const f = right(
        schedulePpvFollowup(parentAt('2025-01-15', '20:00'), {
          seed,
          window: { minMinutes: 15, maxMinutes: 16 },
        }),
      );
      expect(f.delayMinutes).toBe(16);
      expect(f.scheduledTime).toBe('20:16:00');
    }
  });
});

describe('schedulePpvFollowup: late parents (003 task 2.9 under RULINGS "late parents")', () => {
  it('a parent at 23:30 stays on its day: 29 minutes remain, at least 15', () => {
    for (const allowNextDay of [false, true])
      for (const seed of ['boundary_test', 1, 2, 3, 'x']) {
        const parent = parentAt('2025-01-15', '23:30');
        const f = right(
          schedulePpvFollowup(parent, { seed, creatorId: 'boundary_test', allowNextDay }),
        );
        expectSound(f, parent, [15, 29]);
        expect(f.scheduledDate).toBe('2025-01-15');
        expect(f.crossedMidnight).toBe(false);
      }
  });

  it('a parent at 23:44 has exactly 15 minutes left: the follow-up is at 23:59', () => {
    const f = right(schedulePpvFollowup(parentAt('2025-01-15', '23:44'), { seed: 's' }));
    expect(f).toMatchObject({ scheduledDate: '2025-01-15', scheduledTime: '23:59:00' });
    expect(f.delayMinutes).toBe(15);
  });

  it('a parent at 23:50 without allowNextDay is dropped as late_night_followup, never moved to 08:00', () => {
    for (const time of ['23:45', '23:50', '23:59'])
      expect(schedulePpvFollowup(parentAt('2025-01-15', time, NY, 'late'), { seed: 's' })).toEqual(
        E.left({
          code: 'late_night_followup',
          parentSlotId: 'late',
          parentTime: time,
          minutesLeft: LAST_MINUTE - minuteOf(time),
          minMinutes: 15,
        }),
      );
  });

  it('a parent at 23:50 with allowNextDay crosses midnight with a gap of 15-45 minutes', () => {
    for (const seed of ['boundary_test', 7, 'y', 'z']) {
      const parent = parentAt('2025-01-15', '23:50');
      const f = right(schedulePpvFollowup(parent, { seed, allowNextDay: true }));
      expectSound(f, parent, [15, 45]);
      expect(f.crossedMidnight).toBe(true);
      expect(f.scheduledDate).toBe('2025-01-16');
      const gap = (Date.parse(f.scheduledAt) - Date.parse('2025-01-16T04:50:00.000Z')) / 60_000;
      expect(gap).toBe(f.delayMinutes);
      expect(minuteOf(f.scheduledTime)).toBeLessThan(8 * 60);
    }
  });

  it('a crossing at the end of a month and a year lands on the next calendar date', () => {
    for (const [date, next] of [
      ['2025-01-31', '2025-02-01'],
      ['2024-02-28', '2024-02-29'],
      ['2025-12-31', '2026-01-01'],
    ] as const) {
      const f = right(
        schedulePpvFollowup(parentAt(date, '23:55', LONDON), { seed: 's', allowNextDay: true }),
      );
      expect(f.scheduledDate).toBe(next);
    }
  });

  it('applies the rule to the window it is given: a 30-45 window at 23:20 stays (39 left)', () => {
    const parent = parentAt('2025-01-15', '23:20');
    const f = right(
      schedulePpvFollowup(parent, { seed: 's', window: { minMinutes: 30, maxMinutes: 45 } }),
    );
    expectSound(f, parent, [30, 39]);
    expect(
      schedulePpvFollowup(parentAt('2025-01-15', '23:31'), {
        seed: 's',
        window: { minMinutes: 30, maxMinutes: 45 },
      }),
    ).toMatchObject(E.left({ code: 'late_night_followup', minutesLeft: 28, minMinutes: 30 }));
  });
});

describe('schedulePpvFollowup: determinism', () => {
  it('gives the same follow-up for the same inputs, HH:mm and HH:mm:00 alike', () => {
    const parent = parentAt('2025-01-20', '20:07');
    const a = schedulePpvFollowup(parent, { seed: 42, creatorId: 'c1' });
    expect(schedulePpvFollowup({ ...parent }, { seed: 42, creatorId: 'c1' })).toEqual(a);
    expect(
      schedulePpvFollowup({ ...parent, scheduledTime: '20:07:00' }, { seed: 42, creatorId: 'c1' }),
    ).toEqual(a);
  });

  it('draws from the seed, the creator and the parent minute', () => {
    const delays = (f: (i: number) => E.Either<unknown, PpvFollowup>) =>
      new Set(Array.from({ length: 30 }, (_, i) => right(f(i)).delayMinutes)).size;
    const parent = parentAt('2025-01-20', '14:07');
    expect(delays((i) => schedulePpvFollowup(parent, { seed: i }))).toBeGreaterThan(5);
    expect(
      delays((i) => schedulePpvFollowup(parent, { seed: 's', creatorId: `c${i}` })),
    ).toBeGreaterThan(5);
    expect(
      delays((i) =>
        schedulePpvFollowup(parentAt('2025-01-20', `1${Math.floor(i / 10)}:0${(i % 9) + 1}`), {
          seed: 's',
        }),
      ),
    ).toBeGreaterThan(5);
  });

  it('keeps the parent seconds in the follow-up', () => {
    const f = right(schedulePpvFollowup(parentAt('2025-01-20', '20:07:31'), { seed: 1 }));
    expect(f.scheduledTime.endsWith(':31')).toBe(true);
    expect(f.scheduledAt.endsWith(':31.000Z')).toBe(true);
  });
});

describe('schedulePpvFollowup: daylight saving', () => {
  const DST_DAYS: ReadonlyArray<readonly [string, string]> = [
    [NY, '2025-03-09'], // 02:00 -> 03:00
    [LONDON, '2025-03-30'], // 01:00 -> 02:00
    [NY, '2025-11-02'], // 02:00 -> 01:00
    [LONDON, '2025-10-26'], // 02:00 -> 01:00
  ];

  it('every parent minute from 00:00 to 03:59 on the change days: sound, or refused when it does not exist', () => {
    for (const [zone, date] of DST_DAYS)
      for (let m = 0; m < 4 * 60; m++) {
        const time = `0${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
        const parent = parentAt(date, time, zone);
        const r = schedulePpvFollowup(parent, { seed: `dst-${m}`, creatorId: 'c' });
        const inGap =
          (zone === NY && date === '2025-03-09' && m >= 120 && m < 180) ||
          (zone === LONDON && date === '2025-03-30' && m >= 60 && m < 120);
        if (inGap) {
          expect(r, `${zone} ${date} ${time}`).toMatchObject(
            E.left({ code: 'invalid_input', field: 'parent.scheduledTime' }),
          );
          continue;
        }
        expectSound(right(r), parent, [15, 45]);
      }
  });

  it('measures the delay in elapsed minutes across the spring-forward gap', () => {
    // New York 01:50 EST is 06:50Z; 15-45 minutes later is 07:05Z-07:35Z, i.e. 03:05-03:35 EDT.
    const f = right(schedulePpvFollowup(parentAt('2025-03-09', '01:50'), { seed: 'gap' }));
    expect(Date.parse(f.scheduledAt) - Date.parse('2025-03-09T06:50:00.000Z')).toBe(
      f.delayMinutes * 60_000,
    );
    expect(f.scheduledTime >= '03:05:00' && f.scheduledTime <= '03:35:00').toBe(true);
    // London 00:50 GMT is 00:50Z; the follow-up is past 02:00 BST.
    const g = right(schedulePpvFollowup(parentAt('2025-03-30', '00:50', LONDON), { seed: 'gap' }));
    expect(Date.parse(g.scheduledAt) - Date.parse('2025-03-30T00:50:00.000Z')).toBe(
      g.delayMinutes * 60_000,
    );
    expect(g.scheduledTime >= '02:05:00').toBe(true);
  });

  it('refuses a parent inside the spring-forward gap, naming the field', () => {
    expect(schedulePpvFollowup(parentAt('2025-03-09', '02:30'), { seed: 1 })).toMatchObject(
      E.left({ code: 'invalid_input', field: 'parent.scheduledTime' }),
    );
    expect(schedulePpvFollowup(parentAt('2025-03-30', '01:15', LONDON), { seed: 1 })).toMatchObject(
      E.left({ code: 'invalid_input', field: 'parent.scheduledTime' }),
    );
  });

  it('late parents on the change days follow the same rule', () => {
    for (const [zone, date] of DST_DAYS) {
      const stays = right(schedulePpvFollowup(parentAt(date, '23:30', zone), { seed: 1 }));
      expect(stays.scheduledDate).toBe(date);
      expect(schedulePpvFollowup(parentAt(date, '23:50', zone), { seed: 1 })).toMatchObject(
        E.left({ code: 'late_night_followup' }),
      );
      const crosses = right(
        schedulePpvFollowup(parentAt(date, '23:50', zone), { seed: 1, allowNextDay: true }),
      );
      expect(crosses.scheduledDate).toBe(nextDate(date));
    }
  });
});

describe('schedulePpvFollowup: windows from timing profiles (003 task 2.8)', () => {
  const profile = (avg: number | null): CreatorTimingProfile => ({
    avgResponseMinutes: avg,
    peakEngagementHour: 20,
    multiTimezoneAudience: false,
    timingVariation: 'medium',
  });

  it.each([
    [30, 18, 45],
    [20, 15, 30],
    [10, 15, 45], // 15..15 is too narrow: the default window
    [null, 15, 45],
  ] as const)('avg %s minutes: every follow-up %i-%i minutes after the parent', (avg, lo, hi) => {
    const w = followupWindowFor(profile(avg));
    expect([w.minMinutes, w.maxMinutes]).toEqual([lo, hi]);
    for (let i = 0; i < 40; i++) {
      const parent = parentAt(
        '2025-01-21',
        `${10 + (i % 12)}:${String((i * 7) % 60).padStart(2, '0')}`,
      );
      expectSound(right(schedulePpvFollowup(parent, { seed: i, window: w })), parent, [lo, hi]);
    }
  });

  it('reads the window-position thresholds from the policy', () => {
    const p = resolvePolicy({ timingProfile: { earlyBelowMinutes: 46 } });
    expect(E.isRight(p)).toBe(true);
    if (E.isRight(p))
      expect(
        right(schedulePpvFollowup(parentAt('2025-01-21', '12:07'), { seed: 1 }, p.right))
          .windowPosition,
      ).toBe('early');
  });
});

describe('schedulePpvFollowup: the late-parent rule is the one phase 6 uses', () => {
  it('gives a follow-up at the same parents as generateFollowups, on the same side of midnight', () => {
    for (const allowNextDay of [false, true])
      for (let m = 23 * 60; m <= LAST_MINUTE; m++) {
        const ctx = makeCtx({ allowNextDayFollowups: allowNextDay });
        const slot = makeSlot(ctx, `p${m}`, '2025-01-22', m);
        const built = generateFollowups(ctx, makeLoaded(), makeTiming([slot]), makeCaptions(1), []);
        const fu = built.slots.find((s) => s.isFollowUp);
        const r = schedulePpvFollowup(
          parentAt('2025-01-22', slot.scheduledTime, ctx.creator.timezone),
          { seed: 'same', allowNextDay },
        );
        expect(E.isRight(r), `${slot.scheduledTime} allowNextDay ${allowNextDay}`).toBe(
          fu !== undefined,
        );
        if (E.isRight(r) && fu !== undefined) expect(r.right.scheduledDate).toBe(fu.scheduledDate);
        if (E.isLeft(r)) {
          expect(r.left.code).toBe('late_night_followup');
          expect(built.issues.map((i) => i.code)).toContain('late_night_followup');
        }
      }
  });
});

describe('schedulePpvFollowup: junk input is a Left naming the field', () => {
  const ok = parentAt('2025-01-20', '20:07');
  it.each([
    [{ ...ok, scheduledDate: '2025-02-30' }, {}, 'parent.scheduledDate'],
    [{ ...ok, scheduledDate: '20250120' }, {}, 'parent.scheduledDate'],
    [{ ...ok, scheduledTime: '24:00' }, {}, 'parent.scheduledTime'],
    [{ ...ok, scheduledTime: '7:05' }, {}, 'parent.scheduledTime'],
    [{ ...ok, scheduledTime: '20:07:60' }, {}, 'parent.scheduledTime'],
    [{ ...ok, timeZone: 'Mars/Olympus_Mons' }, {}, 'parent.timeZone'],
    [{ ...ok, timeZone: '' }, {}, 'parent.timeZone'],
    [{ ...ok, slotId: '' }, {}, 'parent.slotId'],
    [ok, { window: { minMinutes: 30, maxMinutes: 20 } }, 'options.window.maxMinutes'],
    [ok, { window: { minMinutes: 20.5, maxMinutes: 20.9 } }, 'options.window.maxMinutes'],
    [ok, { window: { minMinutes: Number.NaN, maxMinutes: 45 } }, 'options.window.minMinutes'],
    [
      ok,
      { window: { minMinutes: 15, maxMinutes: Number.POSITIVE_INFINITY } },
      'options.window.maxMinutes',
    ],
    [ok, { window: { minMinutes: 0, maxMinutes: 45 } }, 'options.window.minMinutes'],
    [ok, { window: null }, 'options.window'],
    [ok, { seed: Number.NaN }, 'options.seed'],
    [ok, { seed: '' }, 'options.seed'],
    [ok, { allowNextDay: 'yes' }, 'options.allowNextDay'],
    [ok, { creatorId: 7 }, 'options.creatorId'],
    [null, {}, 'parent'],
    [ok, null, 'options'],
  ] as const)('%o, %o: invalid_input at %s', (parent, over, field) => {
    const options = over === null ? null : { seed: 's', ...over };
    expect(schedulePpvFollowup(parent as never, options as never)).toMatchObject(
      E.left({ code: 'invalid_input', field }),
    );
  });

  it('never throws, whatever it is given', () => {
    const j = junk.filter(inspectable);
    const field = <A>(a: fc.Arbitrary<A>) => fc.oneof(a, j);
    fc.assert(
      fc.property(
        fc.oneof(
          j,
          fc.record({
            slotId: field(fc.constant('p')),
            scheduledDate: field(fc.constantFrom('2025-01-20', '2025-03-09', '2025-13-01')),
            scheduledTime: field(fc.constantFrom('20:07', '23:50', '02:30', '25:00')),
            timeZone: field(fc.constantFrom(NY, LONDON, 'UTC', 'Nowhere/City')),
          }),
        ),
        fc.oneof(
          j,
          fc.record(
            {
              seed: field(fc.oneof(fc.string({ minLength: 1 }), fc.integer())),
              creatorId: field(fc.string()),
              allowNextDay: field(fc.boolean()),
              window: field(
                fc.record({ minMinutes: field(fc.double()), maxMinutes: field(fc.double()) }),
              ),
            },
            { requiredKeys: [] },
          ),
        ),
        (parent, options) => {
          let r: unknown;
          expect(() => {
            r = schedulePpvFollowup(parent as never, options as never);
          }).not.toThrow();
          expect(
            E.isLeft(r as E.Either<unknown, unknown>) || E.isRight(r as E.Either<unknown, unknown>),
          ).toBe(true);
        },
      ),
      { seed: 20250120, numRuns: 400 },
    );
  });

  it('never throws on throwing getters and revoked proxies', () => {
    const throwing = Object.defineProperty({}, 'scheduledDate', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const [parent, options] of [
      [throwing, { seed: 1 }],
      [proxy, { seed: 1 }],
      [ok, proxy],
      [ok, { seed: 1, window: proxy }],
    ])
      expect(E.isLeft(schedulePpvFollowup(parent as never, options as never))).toBe(true);
  });
});

describe('schedulePpvFollowup: properties over random parents, windows and seeds', () => {
  const ZONES = [NY, LONDON, 'UTC', 'Asia/Tokyo', 'Australia/Sydney', 'America/Santiago'];
  const DATES = [
    '2025-01-20',
    '2025-03-09',
    '2025-03-30',
    '2025-04-06',
    '2025-10-05',
    '2025-10-26',
    '2025-11-02',
    '2025-09-06',
    '2025-12-31',
  ];
  const parentArb = fc.record({
    date: fc.oneof(
      fc.constantFrom(...DATES),
      fc
        .date({
          min: new Date('2024-01-01T00:00:00Z'),
          max: new Date('2026-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString().slice(0, 10)),
    ),
    minute: fc.oneof(
      fc.integer({ min: 0, max: LAST_MINUTE }),
      fc.integer({ min: 23 * 60, max: LAST_MINUTE }),
    ),
    zone: fc.constantFrom(...ZONES),
  });
  const windowArb = fc.oneof(
    fc.constant(undefined),
    fc.constant({ minMinutes: 15, maxMinutes: 45 }),
    fc
      .tuple(fc.integer({ min: 1, max: 90 }), fc.integer({ min: 0, max: 60 }))
      .map(([lo, width]) => ({ minMinutes: lo, maxMinutes: lo + width })),
  );

  it('every Right lies in its window, off the round minutes, on the parent day unless it crossed midnight with allowNextDay', () => {
    fc.assert(
      fc.property(
        parentArb,
        windowArb,
        fc.oneof(fc.string({ minLength: 1 }), fc.integer()),
        fc.boolean(),
        ({ date, minute, zone }, window, seed, allowNextDay) => {
          const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
          const parent = parentAt(date, time, zone);
          const r = schedulePpvFollowup(parent, {
            seed,
            allowNextDay,
            ...(window === undefined ? {} : { window }),
          });
          const lo = window?.minMinutes ?? 15;
          const hi = window?.maxMinutes ?? 45;
          const left = LAST_MINUTE - minute;
          if (E.isLeft(r)) {
            const e = r.left;
            if (e.code === 'late_night_followup') {
              expect(allowNextDay).toBe(false);
              expect(left).toBeLessThan(lo);
            } else if (e.code === 'invalid_input') {
              // only a parent time that does not exist (a spring-forward gap)
              expect(e.field).toBe('parent.scheduledTime');
              const probe = Date.parse(`${date}T${time}:00Z`);
              const exists = Array.from({ length: 29 * 4 }, (_, k) => (k - 14 * 4) * 15).some(
                (offset) => {
                  const l = localOf(probe - offset * 60_000, zone);
                  return l.date === date && l.time === `${time}:00`;
                },
              );
              expect(exists).toBe(false);
            } else {
              // no_valid_delay: at most one whole minute to choose from
              const last = left >= lo ? Math.min(hi, left) : hi;
              expect(Math.floor(last) - Math.ceil(lo)).toBeLessThan(1);
            }
            return;
          }
          const f = r.right;
          expectSound(f, parent, [lo, hi]);
          // Kept inside the day: clamped to the minutes left (a zone whose clocks go back at
          // midnight, Santiago, repeats 23:00-23:59 and so has more room than the clock shows).
          if (left >= lo && zone !== 'America/Santiago')
            expect(f.delayMinutes).toBeLessThanOrEqual(left);
          if (f.crossedMidnight) {
            expect(allowNextDay).toBe(true);
            expect(left).toBeLessThan(lo);
          }
        },
      ),
      { seed: 20250120, numRuns: 600 },
    );
  });

  it('the same inputs always give the same answer', () => {
    fc.assert(
      fc.property(
        parentArb,
        windowArb,
        fc.integer(),
        fc.boolean(),
        (p, window, seed, allowNextDay) => {
          const time = `${String(Math.floor(p.minute / 60)).padStart(2, '0')}:${String(p.minute % 60).padStart(2, '0')}`;
          const options = { seed, allowNextDay, ...(window === undefined ? {} : { window }) };
          expect(schedulePpvFollowup(parentAt(p.date, time, p.zone), options)).toEqual(
            schedulePpvFollowup(parentAt(p.date, time, p.zone), { ...options }),
          );
        },
      ),
      { seed: 20250120, numRuns: 200 },
    );
  });
});
