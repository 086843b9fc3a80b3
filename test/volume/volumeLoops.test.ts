/**
 * Issue 11: the volume phase's loops over a history run on arrays (typed arrays per local day,
 * plain sums per half-window, one record list) instead of maps, spreads and a new object per
 * message. Each must answer what a plain reading of its rule answers: the oracles here are
 * written out in the test (local dates from `Intl.DateTimeFormat`, sums in history order,
 * 14-day halves in UTC), over random histories around the 2025 DST transitions (dense days,
 * tiny and empty histories, free posts, unreadable instants, holes), plus literal examples.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculateScoresFromHistory,
  dailyPpvVolumes,
  type MassMessage,
  performanceRecordsFromHistory,
  type SendTypeKey,
} from '../../src/index';

const REVENUE: ReadonlyArray<SendTypeKey> = ['ppv_unlock', 'ppv_wall', 'bundle', 'tip_goal']; // 001 §1.4 revenue types
const OTHER: ReadonlyArray<SendTypeKey> = ['bump_normal', 'ppv_followup', 'dm_farm']; // engagement, retention
const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'UTC', 'Asia/Kolkata'];
const WEEKS = ['2025-03-10', '2025-03-31', '2025-04-07', '2025-10-27', '2025-11-03', '2025-01-20'];

const localDate = (iso: string, timeZone: string): string | null => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  // en-CA writes YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(t));
};

const datesBefore = (asOf: string, days: number): string[] =>
  Array.from({ length: days }, (_, i) =>
    new Date(Date.parse(`${asOf}T12:00:00Z`) - (days - i) * 86_400_000).toISOString().slice(0, 10),
  );

/** Plain reading of `dailyPpvVolumes`: revenue sends with a price above 0, per local date. */
const plainDaily = (history: ReadonlyArray<MassMessage>, tz: string, asOf: string, days: number) =>
  datesBefore(asOf, days).map((date) => {
    let ppvCount = 0;
    let earnings = 0;
    history.forEach((m) => {
      if (!REVENUE.includes(m.sendTypeKey) || m.price === null || !(m.price > 0)) return;
      if (!Number.isFinite(m.earnings) || localDate(m.sentAt, tz) !== date) return;
      ppvCount += 1;
      earnings += m.earnings;
    });
    return { date, ppvCount, earnings };
  });

const messageArb = (week: string) =>
  fc
    .record({
      minutesBack: fc.oneof(
        fc.integer({ min: -600, max: 40 * 1440 }),
        fc.integer({ min: 1440 * 2, max: 1440 * 2 + 60 }), // a dense day
      ),
      key: fc.constantFrom(...REVENUE, ...OTHER),
      price: fc.option(fc.constantFrom(0, 9.99, 15, 39), { nil: null }),
      earnings: fc.constantFrom(0, 3, 17.5, 240, 999.99, Number.NaN),
      sent: fc.integer({ min: 0, max: 500 }),
      viewed: fc.integer({ min: 0, max: 300 }),
      purchased: fc.integer({ min: 0, max: 40 }),
      text: fc.constantFrom('hurry, last chance ⏰', 'babe 🥰', null, undefined),
      content: fc.constantFrom('solo', 'feet', null, undefined),
      unreadable: fc.boolean(),
    })
    .map(
      (r): MassMessage => ({
        creatorId: 'c',
        sentAt:
          r.unreadable && r.minutesBack % 7 === 0
            ? 'not an instant'
            : new Date(Date.parse(`${week}T00:00:00Z`) - r.minutesBack * 60000).toISOString(),
        sendTypeKey: r.key,
        price: r.price,
        sent: r.sent,
        viewed: r.viewed,
        purchased: r.purchased,
        earnings: r.earnings,
        captionId: null,
        ...(r.text === undefined ? {} : { captionText: r.text }),
        ...(r.content === undefined ? {} : { contentType: r.content }),
      }),
    );

const caseArb = fc.constantFrom(...WEEKS).chain((week) =>
  fc.record({
    week: fc.constant(week),
    zone: fc.constantFrom(...ZONES),
    days: fc.constantFrom(1, 3, 14, 30),
    history: fc.oneof(
      fc.constant([] as MassMessage[]),
      fc.array(messageArb(week), { maxLength: 6 }),
      fc.array(messageArb(week), { minLength: 40, maxLength: 300 }),
    ),
  }),
);

describe('dailyPpvVolumes per local day', () => {
  it('literal: two PPVs on a New York Sunday across the spring-forward, one free post', () => {
    const m = (sentAt: string, over: Partial<MassMessage> = {}): MassMessage => ({
      creatorId: 'c',
      sentAt,
      sendTypeKey: 'ppv_unlock',
      price: 20,
      sent: 10,
      viewed: 5,
      purchased: 1,
      earnings: 20,
      captionId: null,
      ...over,
    });
    const h = [
      m('2025-03-09T05:30:00.000Z'), // 00:30 EST Sun 03-09
      m('2025-03-10T03:59:00.000Z', { earnings: 5 }), // 23:59 EDT Sun 03-09
      m('2025-03-09T04:30:00.000Z', { price: 0 }), // 23:30 EST Sat 03-08, free
    ];
    expect(dailyPpvVolumes(h, 'America/New_York', '2025-03-10', 2)).toEqual([
      { date: '2025-03-08', ppvCount: 0, earnings: 0 },
      { date: '2025-03-09', ppvCount: 2, earnings: 25 },
    ]);
  });

  it('equals the plain per-date reading on random DST-week histories', () => {
    fc.assert(
      fc.property(caseArb, ({ week, zone, days, history }) => {
        expect(dailyPpvVolumes(history, zone, week, days)).toEqual(
          plainDaily(history, zone, week, days),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('skips holes as the array methods do', () => {
    const h = new Array<MassMessage>(3);
    h[1] = {
      creatorId: 'c',
      sentAt: '2025-01-19T12:00:00.000Z',
      sendTypeKey: 'ppv_unlock',
      price: 10,
      sent: 1,
      viewed: 1,
      purchased: 1,
      earnings: 7,
      captionId: null,
    };
    expect(dailyPpvVolumes(h, 'UTC', '2025-01-20', 1)).toEqual([
      { date: '2025-01-19', ppvCount: 1, earnings: 7 },
    ]);
  });
});

describe('performanceRecordsFromHistory', () => {
  it('equals a plain filter-and-map of the revenue sends, holes skipped', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), ({ history }, hole) => {
        const h = [...history];
        if (h.length > 2) delete h[hole % h.length];
        const plain = h
          .map((m, i) => [m, i] as const)
          .filter(
            ([m]) =>
              m !== undefined && REVENUE.includes(m.sendTypeKey) && m.price !== null && m.price > 0,
          )
          .map(([m, i]) => ({
            id: `c:${m.sentAt}:${m.sendTypeKey}:${i}`,
            earnings: m.earnings,
            captionText: m.captionText ?? null,
            contentType: m.contentType ?? null,
            tone:
              m.captionText === 'hurry, last chance ⏰'
                ? 'urgent'
                : m.captionText === 'babe 🥰'
                  ? 'sweet'
                  : null,
            price: m.price,
          }));
        expect(performanceRecordsFromHistory(h)).toEqual(plain);
      }),
      { numRuns: 150 },
    );
  });
});

describe('calculateScoresFromHistory sums', () => {
  it('the message count is the window of 14 UTC days before asOf, halves on each side of day 7', () => {
    fc.assert(
      fc.property(caseArb, ({ week, history }) => {
        const end = Date.parse(`${week}T00:00:00Z`);
        const start = end - 14 * 86_400_000;
        const mid = end - 7 * 86_400_000;
        const at = history.map((m) => Math.floor(Date.parse(m.sentAt) / 60000) * 60000);
        const first = at.filter((t) => t >= start && t < mid).length;
        const second = at.filter((t) => t >= mid && t < end).length;
        const s = calculateScoresFromHistory(history, week);
        if (first === 0 || second === 0) expect(s).toBeNull();
        else expect(s?.messageCount).toBe(first + second);
      }),
      { numRuns: 150 },
    );
  });
});
