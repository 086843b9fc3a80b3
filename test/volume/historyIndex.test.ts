/**
 * Issue 11: the volume phase reads a history through a per-history index (parsed instants,
 * local-day buckets, window messages, scores, elasticity, weekday means, trait analysis),
 * remembered for a frozen history of frozen messages. The memo must never change a result:
 * hand-computed literal oracles on a daylight-saving week, then memoised (frozen, called again
 * and again, interleaved with other dates and zones) against fresh (a mutable copy) on random
 * histories, and a mutable history changed between calls is always read afresh.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculateDowMultipliers,
  calculateElasticity,
  calculateOptimizedVolume,
  calculateScoresFromHistory,
  dailyPpvVolumes,
  type MassMessage,
  type SendTypeKey,
  type VolumeContext,
} from '../../src/index';
import { creatorFixture } from '../pipeline/fixtures';

const TZ = 'America/New_York';

const msg = (sentAt: string, over: Partial<MassMessage> = {}): MassMessage => ({
  creatorId: 'c1',
  sentAt,
  sendTypeKey: 'ppv_unlock',
  price: 20,
  sent: 1000,
  viewed: 400,
  purchased: 10,
  earnings: 10,
  captionId: null,
  ...over,
});

/** A frozen array of frozen copies: what `inMemoryPorts` and the load phase hand on. */
const sealed = (h: ReadonlyArray<MassMessage>): ReadonlyArray<MassMessage> =>
  Object.freeze(h.map((m) => Object.freeze({ ...m })));

/** A mutable deep copy: never remembered. */
const fresh = (h: ReadonlyArray<MassMessage>): MassMessage[] => h.map((m) => ({ ...m }));

// New York springs forward on Sunday 2025-03-09 (EST -5 before, EDT -4 after).
const DST_HISTORY: ReadonlyArray<MassMessage> = [
  msg('2025-03-09T04:30:00.000Z', { earnings: 30 }), // 23:30 EST Sat 03-08
  msg('2025-03-09T05:30:00.000Z', { earnings: 10 }), // 00:30 EST Sun 03-09
  msg('2025-03-10T03:59:00.000Z', { earnings: 5, price: 15 }), // 23:59 EDT Sun 03-09
  msg('2025-03-10T04:00:00.000Z', { earnings: 99 }), // 00:00 EDT Mon 03-10: after the window
  msg('2025-03-08T15:00:00.000Z', { sendTypeKey: 'bump_normal', price: null, earnings: 6 }), // Sat, not a PPV
  msg('2025-03-07T15:00:00.000Z', { price: 0, earnings: 0 }), // Fri, a free revenue post
];

describe('the history index gives the literal results (DST week, New York)', () => {
  const h = sealed(DST_HISTORY);
  const days = [
    { date: '2025-03-07', ppvCount: 0, earnings: 0 },
    { date: '2025-03-08', ppvCount: 1, earnings: 30 },
    { date: '2025-03-09', ppvCount: 2, earnings: 15 },
  ];

  it('dailyPpvVolumes buckets by local date across the transition, again and again', () => {
    for (let k = 0; k < 3; k++) {
      expect(dailyPpvVolumes(h, TZ, '2025-03-10', 3)).toEqual(days);
      // another date and zone in between must not disturb the remembered buckets
      expect(dailyPpvVolumes(h, 'UTC', '2025-03-10', 3)).toEqual([
        { date: '2025-03-07', ppvCount: 0, earnings: 0 },
        { date: '2025-03-08', ppvCount: 0, earnings: 0 },
        { date: '2025-03-09', ppvCount: 2, earnings: 40 },
      ]);
      expect(dailyPpvVolumes(h, TZ, '2025-03-09', 2)).toEqual([
        { date: '2025-03-07', ppvCount: 0, earnings: 0 },
        { date: '2025-03-08', ppvCount: 1, earnings: 30 },
      ]);
    }
  });

  it('hands out copies: changing an answer changes no later answer', () => {
    const first = dailyPpvVolumes(h, TZ, '2025-03-10', 3) as unknown as Array<{ ppvCount: number }>;
    (first[1] as { ppvCount: number }).ppvCount = 42;
    expect(dailyPpvVolumes(h, TZ, '2025-03-10', 3)).toEqual(days);
    const s = calculateScoresFromHistory(sealed([msg('2025-03-01T12:00:00Z')]), '2025-03-10');
    expect(s).toBeNull();
  });

  it('weekday multipliers: the confidence is applied per call on the remembered means', () => {
    // 90 days before 2025-03-10: 13 of each weekday but Monday (12); Saturday 36 USD (30 + 6),
    // Sunday 15, over 51 USD in all; clamp 0.7-1.3.
    const at1 = { 0: 0.7, 1: 0.7, 2: 0.7, 3: 0.7, 4: 0.7, 5: 1.3, 6: 1.3 };
    const at01 = { 0: 0.9, 1: 0.9, 2: 0.9, 3: 0.9, 4: 0.9, 5: 1.3, 6: 1.1 };
    for (let k = 0; k < 2; k++) {
      expect(calculateDowMultipliers(h, '2025-03-10', TZ, 1)).toEqual(at1);
      expect(calculateDowMultipliers(h, '2025-03-10', TZ, 0.1)).toEqual(at01);
    }
    expect(calculateDowMultipliers(sealed([]), '2025-03-10', TZ, 1)).toEqual({
      0: 1,
      1: 1,
      2: 1,
      3: 1,
      4: 1,
      5: 1,
      6: 1,
    });
  });

  it('elasticity: too few levels on 3 PPVs, the same answer every time', () => {
    for (let k = 0; k < 2; k++) {
      const e = calculateElasticity(h, TZ, '2025-03-10');
      expect(e.status).toBe('skipped');
      expect(e.reason).toBe('insufficient_volume_levels');
      expect(e.meanRevenuePerSend).toBe(15); // 45 USD over 3 PPV sends
    }
  });
});

describe('a mutable history is read afresh on every call', () => {
  it('sees a message added between two calls', () => {
    const h = fresh(DST_HISTORY);
    expect(dailyPpvVolumes(h, TZ, '2025-03-10', 3)[0]).toEqual({
      date: '2025-03-07',
      ppvCount: 0,
      earnings: 0,
    });
    h.push(msg('2025-03-07T16:00:00.000Z', { earnings: 7 }));
    expect(dailyPpvVolumes(h, TZ, '2025-03-10', 3)[0]).toEqual({
      date: '2025-03-07',
      ppvCount: 1,
      earnings: 7,
    });
    (h[0] as { earnings: number }).earnings = 1;
    expect(dailyPpvVolumes(h, TZ, '2025-03-10', 3)[1]).toEqual({
      date: '2025-03-08',
      ppvCount: 1,
      earnings: 1,
    });
  });
});

// Random histories around the 2025 transitions, tiny to a few hundred messages.
const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'UTC', 'Asia/Kolkata'];
const WEEKS = ['2025-03-10', '2025-03-31', '2025-04-07', '2025-10-27', '2025-11-03', '2025-01-20'];
const KEYS: ReadonlyArray<SendTypeKey> = [
  'ppv_unlock',
  'ppv_wall',
  'bundle',
  'bump_normal',
  'ppv_followup',
  'tip_goal',
];
const CONTENT = ['solo', 'boy_girl', 'feet', null] as const;
const TEXTS = [
  'hurry, last chance babe ⏰',
  'good boy, earn it 😈',
  'haha guess what 😜',
  'slowly, every inch',
  null,
] as const;

const messageArb = (weekStart: string) =>
  fc
    .record({
      minutesBack: fc.integer({ min: -600, max: 100 * 1440 }),
      key: fc.constantFrom(...KEYS),
      price: fc.option(fc.constantFrom(0, 9.99, 15, 20, 25, 39), { nil: null }),
      earnings: fc.constantFrom(0, 3, 17.5, 60, 240, 999.99),
      sent: fc.integer({ min: 0, max: 500 }),
      viewed: fc.integer({ min: 0, max: 300 }),
      purchased: fc.integer({ min: 0, max: 40 }),
      content: fc.constantFrom(...CONTENT),
      text: fc.constantFrom(...TEXTS),
    })
    .map(
      (r): MassMessage => ({
        creatorId: 'dst_creator',
        sentAt: new Date(
          Date.parse(`${weekStart}T00:00:00Z`) - r.minutesBack * 60000,
        ).toISOString(),
        sendTypeKey: r.key,
        price: r.price,
        sent: r.sent,
        viewed: r.viewed,
        purchased: r.purchased,
        earnings: r.earnings,
        captionId: null,
        contentType: r.content,
        captionText: r.text,
      }),
    );

const caseArb = fc.constantFrom(...WEEKS).chain((week) =>
  fc.record({
    week: fc.constant(week),
    zone: fc.constantFrom(...ZONES),
    other: fc.constantFrom(...WEEKS),
    history: fc.oneof(
      fc.constant([] as MassMessage[]),
      fc.array(messageArb(week), { maxLength: 8 }),
      fc.array(messageArb(week), { minLength: 50, maxLength: 400 }),
    ),
  }),
);

const contextOf = (
  history: ReadonlyArray<MassMessage>,
  asOf: string,
  zone: string,
): VolumeContext => ({
  creator: creatorFixture({ timezone: zone }),
  trends: null,
  history,
  asOf,
  vault: null,
  usableCaptions: null,
  contentRankings: null,
});

describe('memoised (frozen history) equals fresh (mutable copy)', () => {
  it('calculateOptimizedVolume and the public history functions, random DST-week histories', () => {
    fc.assert(
      fc.property(caseArb, ({ week, zone, other, history }) => {
        const h = sealed(history);
        const expectFresh = (asOf: string, tz: string) => {
          const mine = fresh(history);
          expect(calculateOptimizedVolume(contextOf(h, asOf, tz))).toEqual(
            calculateOptimizedVolume(contextOf(mine, asOf, tz)),
          );
          expect(calculateScoresFromHistory(h, asOf)).toEqual(
            calculateScoresFromHistory(mine, asOf),
          );
          expect(calculateElasticity(h, tz, asOf)).toEqual(calculateElasticity(mine, tz, asOf));
          expect(dailyPpvVolumes(h, tz, asOf, 30)).toEqual(dailyPpvVolumes(mine, tz, asOf, 30));
          expect(calculateDowMultipliers(h, asOf, tz, 0.42)).toEqual(
            calculateDowMultipliers(mine, asOf, tz, 0.42),
          );
        };
        expectFresh(week, zone);
        expectFresh(other, 'Europe/Berlin');
        expectFresh(week, zone); // a hit after other keys
      }),
      { numRuns: 40 },
    );
  });
});

// A history of messages a caller may still change is remembered too, with a snapshot of every
// field: each change to any field (or to the array) between two calls must be seen.
const FIELD_CHANGES: ReadonlyArray<(m: Record<string, unknown>) => void> = [
  (m) => {
    m.earnings = (m.earnings as number) + 13;
  },
  (m) => {
    m.price = m.price === null ? 25 : null;
  },
  (m) => {
    m.sendTypeKey = m.sendTypeKey === 'ppv_unlock' ? 'bump_normal' : 'ppv_unlock';
  },
  (m) => {
    m.sentAt = new Date(Date.parse(m.sentAt as string) - 36 * 3600_000).toISOString();
  },
  (m) => {
    m.sent = (m.sent as number) + 100;
    m.viewed = (m.viewed as number) + 50;
  },
  (m) => {
    m.purchased = (m.purchased as number) + 7;
  },
  (m) => {
    m.captionText = m.captionText === 'good boy, earn it 😈' ? 'hurry ⏰' : 'good boy, earn it 😈';
  },
  (m) => {
    m.contentType = m.contentType === 'solo' ? 'feet' : 'solo';
  },
  (m) => {
    m.earnings = Number.NaN;
  },
  (m) => {
    m.earnings = (m.earnings as number) === 0 ? -0 : 0;
  },
];

describe('a mutable history, remembered with a snapshot, equals a fresh copy after any change', () => {
  it('calculateOptimizedVolume and the public history functions, random changes between calls', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.nat(),
        fc.nat({ max: FIELD_CHANGES.length - 1 }),
        fc.constantFrom('field', 'push', 'pop', 'none'),
        ({ week, zone, history }, at, change, how) => {
          const h = fresh(history);
          const same = (asOf: string, tz: string) => {
            const mine = fresh(h);
            expect(calculateOptimizedVolume(contextOf(h, asOf, tz))).toEqual(
              calculateOptimizedVolume(contextOf(mine, asOf, tz)),
            );
            expect(calculateScoresFromHistory(h, asOf)).toEqual(
              calculateScoresFromHistory(mine, asOf),
            );
            expect(calculateElasticity(h, tz, asOf)).toEqual(calculateElasticity(mine, tz, asOf));
            expect(dailyPpvVolumes(h, tz, asOf, 30)).toEqual(dailyPpvVolumes(mine, tz, asOf, 30));
            expect(calculateDowMultipliers(h, asOf, tz, 0.42)).toEqual(
              calculateDowMultipliers(mine, asOf, tz, 0.42),
            );
          };
          same(week, zone);
          same(week, zone); // remembered: a hit
          if (how === 'field' && h.length > 0)
            (FIELD_CHANGES[change] as (m: Record<string, unknown>) => void)(
              h[at % h.length] as unknown as Record<string, unknown>,
            );
          else if (how === 'push') h.push(msg(`${week}T00:00:00.000Z`, { earnings: 77 }));
          else if (how === 'pop') h.pop();
          same(week, zone); // after the change
          same(week, zone);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('sees a changed field of a remembered history (literal oracle)', () => {
    // one PPV at 23:30 EST on Sat 03-08 (04:30Z on 03-09) earning 30 USD
    const h = [msg('2025-03-09T04:30:00.000Z', { earnings: 30 })];
    const day = (history: ReadonlyArray<MassMessage>) =>
      dailyPpvVolumes(history, TZ, '2025-03-10', 2);
    expect(day(h)).toEqual([
      { date: '2025-03-08', ppvCount: 1, earnings: 30 },
      { date: '2025-03-09', ppvCount: 0, earnings: 0 },
    ]);
    expect(day(h)).toEqual([
      { date: '2025-03-08', ppvCount: 1, earnings: 30 },
      { date: '2025-03-09', ppvCount: 0, earnings: 0 },
    ]);
    (h[0] as { sentAt: string }).sentAt = '2025-03-09T05:30:00.000Z'; // 00:30 EST Sun 03-09
    expect(day(h)).toEqual([
      { date: '2025-03-08', ppvCount: 0, earnings: 0 },
      { date: '2025-03-09', ppvCount: 1, earnings: 30 },
    ]);
    (h[0] as { price: number | null }).price = null; // no longer a PPV
    expect(day(h)).toEqual([
      { date: '2025-03-08', ppvCount: 0, earnings: 0 },
      { date: '2025-03-09', ppvCount: 0, earnings: 0 },
    ]);
  });
});

describe('the remembered histories are bounded (a batch over an agency)', () => {
  it('forgets the oldest of many histories, keeps the recent ones, and the answers stay the same', async () => {
    const { historyIndexOf } = await import('../../src/volume/historyIndex');
    const histories = Array.from({ length: 1000 }, (_, k) =>
      sealed([msg('2025-03-07T15:00:00.000Z', { creatorId: `c${k}`, earnings: k })]),
    );
    const first = historyIndexOf(histories[0] as ReadonlyArray<MassMessage>);
    expect(historyIndexOf(histories[0] as ReadonlyArray<MassMessage>)).toBe(first);
    for (const h of histories) historyIndexOf(h);
    const last = histories[999] as ReadonlyArray<MassMessage>;
    // the most recent history is found again; the first of 1,000 was forgotten
    expect(historyIndexOf(last)).toBe(historyIndexOf(last));
    const again = historyIndexOf(histories[0] as ReadonlyArray<MassMessage>);
    expect(again).not.toBe(first);
    expect(again.remembered).toBe(true);
    // a forgotten history gives the same answers as before
    expect(
      dailyPpvVolumes(histories[0] as ReadonlyArray<MassMessage>, TZ, '2025-03-08', 1),
    ).toEqual([{ date: '2025-03-07', ppvCount: 1, earnings: 0 }]);
  });
});
