/**
 * fast-check arbitraries for random valid inputs: one creator's dataset, a week and a seed.
 * Every generated value decodes with the boundary codecs (see test/domain/arbitraries.test.ts).
 */
import fc from 'fast-check';
import {
  CAPTION_TYPES,
  SEND_TYPE_KEYS,
  SEND_TYPES,
  type SendTypeKey,
} from '../../src/domain/catalog';
import type {
  BestTiming,
  CaptionRecord,
  CaptionUsage,
  CreatorProfile,
  CreatorRotationState,
  MassMessage,
  PerformanceTrends,
  Persona,
  Vault,
} from '../../src/domain/types';
import type { InMemoryDataset } from '../../src/ports/dataset';
import type { ActivePin } from '../../src/timing/pins';
import type { CreatorTimingProfileWire } from '../../src/timing/profile';

const DAY_MS = 86_400_000;

/** Zones the generated creators live in, with and without daylight saving. */
export const TIMEZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Sydney',
  'America/Sao_Paulo',
  'Asia/Tokyo',
  'UTC',
  'America/Los_Angeles',
  'Europe/London',
] as const;

/**
 * Week starts whose 7 days contain (or border) a daylight-saving change in one of `TIMEZONES`:
 * US 2024-03-10, 2025-03-09, 2025-11-02; EU 2025-03-30, 2025-10-26; Sydney 2025-04-06, 2025-10-05.
 */
export const DST_WEEK_STARTS = [
  '2024-03-04',
  '2024-03-10',
  '2025-03-03',
  '2025-03-09',
  '2025-03-10',
  '2025-03-24',
  '2025-03-30',
  '2025-03-31',
  '2025-04-01',
  '2025-09-29',
  '2025-10-20',
  '2025-10-26',
  '2025-10-27',
  '2025-11-02',
  '2025-11-03',
] as const;

/** Content-type keys used by the generated captions and vaults. */
export const CONTENT_TYPE_KEYS = [
  'solo',
  'boy_girl',
  'girl_girl',
  'bundle_offer',
  'lingerie',
  'feet',
  'toy_play',
  'shower_bath',
  'squirt',
  'joi',
] as const;

const PERSONA_TONES: ReadonlyArray<Persona['tone']> = [
  'playful',
  'sweet',
  'dominant',
  'bratty',
  'seductive',
  'girl_next_door',
];

/** `YYYY-MM-DD` of an epoch millisecond (UTC). */
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Epoch millisecond of a `YYYY-MM-DD` at 00:00 UTC. */
const dayMs = (date: string): number => Date.parse(`${date}T00:00:00.000Z`);

const RANGE_START = Date.UTC(2024, 0, 1);
const RANGE_DAYS = 4 * 365; // through 2027-12-30
const FIRST_MONDAY = Date.UTC(2024, 0, 1); // 2024-01-01 is a Monday

/**
 * A week start between 2024 and 2027: any date, a Monday, or one of `DST_WEEK_STARTS`.
 */
export const weekStartArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.integer({ min: 0, max: RANGE_DAYS }).map((d) => isoDay(RANGE_START + d * DAY_MS)),
  },
  {
    weight: 3,
    arbitrary: fc.integer({ min: 0, max: 207 }).map((w) => isoDay(FIRST_MONDAY + w * 7 * DAY_MS)),
  },
  { weight: 2, arbitrary: fc.constantFrom(...DST_WEEK_STARTS) },
);

/** A seed: an integer or a non-empty string. */
export const seedArb: fc.Arbitrary<number | string> = fc.oneof(
  fc.integer(),
  fc.string({ minLength: 1, maxLength: 12 }),
);

/** A creator id like `creator_ab12`. */
export const creatorIdArb: fc.Arbitrary<string> = fc
  .stringMatching(/^[a-z0-9]{1,8}$/)
  .map((s) => `creator_${s}`);

/** A fan count drawn evenly from the four volume tiers (low, mid, high, ultra). */
export const fanCountArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 999 }),
  fc.integer({ min: 1000, max: 4999 }),
  fc.integer({ min: 5000, max: 14_999 }),
  fc.integer({ min: 15_000, max: 40_000 }),
);

/** A valid creator profile; `displayName` and `avgRevenuePerMessage` sometimes absent. */
export const creatorProfileArb = (
  creatorId: fc.Arbitrary<string> = creatorIdArb,
): fc.Arbitrary<CreatorProfile> =>
  fc.record(
    {
      creatorId,
      displayName: fc.string({ maxLength: 20 }),
      pageType: fc.constantFrom('paid' as const, 'free' as const),
      fanCount: fanCountArb,
      timezone: fc.constantFrom(...TIMEZONES),
      contentPageType: fc.constantFrom('nude' as const, 'non_nude' as const, 'porno' as const),
      subType: fc.constantFrom('gfe' as const, 'commercial' as const, 'personalized' as const),
      performanceTier: fc.integer({ min: 1, max: 5 }),
      avgRevenuePerMessage: fc.option(
        fc.double({ min: 0, max: 200, noNaN: true, noDefaultInfinity: true }),
        { nil: null },
      ),
    },
    {
      requiredKeys: [
        'creatorId',
        'pageType',
        'fanCount',
        'timezone',
        'contentPageType',
        'subType',
        'performanceTier',
      ],
    },
  );

const revenueKey = (k: SendTypeKey): boolean => SEND_TYPES[k].category === 'revenue';

/**
 * A valid mass message sent `1..maxDaysBack` days before `weekStart`: price 5-50 USD on
 * revenue sends (`null` otherwise), sent 100-50000, viewed <= sent, purchased <= viewed,
 * earnings = purchased x price.
 */
export const massMessageArb = (
  creatorId: string,
  weekStart: string,
  maxDaysBack = 90,
): fc.Arbitrary<MassMessage> =>
  fc
    .record({
      daysBack: fc.integer({ min: 1, max: Math.max(1, maxDaysBack) }),
      minute: fc.integer({ min: 0, max: 1439 }),
      sendTypeKey: fc.constantFrom(...SEND_TYPE_KEYS),
      priceCents: fc.integer({ min: 500, max: 5000 }),
      sent: fc.integer({ min: 100, max: 50_000 }),
      viewPermille: fc.integer({ min: 0, max: 1000 }),
      buyPermille: fc.integer({ min: 0, max: 300 }),
      captionId: fc.option(
        fc.integer({ min: 0, max: 999 }).map((n) => `cap_${n}`),
        { nil: null },
      ),
    })
    .map((r) => {
      const price = revenueKey(r.sendTypeKey) ? r.priceCents / 100 : null;
      const viewed = Math.floor((r.sent * r.viewPermille) / 1000);
      const purchased = price === null ? 0 : Math.floor((viewed * r.buyPermille) / 1000);
      return {
        creatorId,
        sentAt: new Date(dayMs(weekStart) - r.daysBack * DAY_MS + r.minute * 60_000).toISOString(),
        sendTypeKey: r.sendTypeKey,
        price,
        sent: r.sent,
        viewed,
        purchased,
        earnings: price === null ? 0 : Math.round(purchased * price * 100) / 100,
        captionId: r.captionId,
      };
    });

/** Uses of one caption: index 0 is `creatorId`, others are other creators of the agency. */
const usageArb = (creatorId: string, weekStart: string): fc.Arbitrary<CaptionUsage[]> =>
  fc
    .uniqueArray(
      fc.record({
        who: fc.integer({ min: 0, max: 3 }),
        daysBack: fc.integer({ min: 1, max: 120 }),
        minute: fc.integer({ min: 0, max: 1439 }),
        useCount: fc.integer({ min: 1, max: 12 }),
      }),
      { maxLength: 3, selector: (u) => u.who },
    )
    .map((us) =>
      us.map((u) => ({
        creatorId: u.who === 0 ? creatorId : `other_creator_${u.who}`,
        lastUsedAt: new Date(
          dayMs(weekStart) - u.daysBack * DAY_MS + u.minute * 60_000,
        ).toISOString(),
        useCount: u.useCount,
      })),
    );

/** A caption pool of `0..maxSize` records over every caption type; ids `cap_0`, `cap_1`, ... */
export const captionPoolArb = (
  creatorId: string,
  weekStart: string,
  maxSize = 400,
): fc.Arbitrary<CaptionRecord[]> =>
  fc
    .array(
      fc.record({
        captionType: fc.constantFrom(...CAPTION_TYPES),
        contentType: fc.option(fc.constantFrom(...CONTENT_TYPE_KEYS), { nil: null, freq: 2 }),
        performanceScore: fc.oneof(
          fc.integer({ min: 0, max: 100 }),
          fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true }),
        ),
        words: fc.integer({ min: 1, max: 40 }),
        usage: usageArb(creatorId, weekStart),
      }),
      { maxLength: maxSize, size: 'max' },
    )
    .map((cs) =>
      cs.map((c, i) => ({
        captionId: `cap_${i}`,
        text: `Caption ${i} ${c.captionType}${' xo'.repeat(c.words)}`,
        captionType: c.captionType,
        contentType: c.contentType,
        performanceScore: c.performanceScore,
        usage: c.usage,
      })),
    );

const horizonArb = fc.option(
  fc.record({
    saturationScore: fc.integer({ min: 0, max: 100 }),
    opportunityScore: fc.integer({ min: 0, max: 100 }),
  }),
  { nil: null },
);

/** Tracked trends; each horizon present, `null` or absent. */
export const trendsArb: fc.Arbitrary<PerformanceTrends> = fc.record({
  horizons: fc.record(
    { '7d': horizonArb, '14d': horizonArb, '30d': horizonArb },
    { requiredKeys: [] },
  ),
  revenueTrendPercent: fc.option(fc.integer({ min: -100, max: 200 }), { nil: null }),
  messageCount: fc.integer({ min: 0, max: 3000 }),
});

/** A vault over `CONTENT_TYPE_KEYS`. */
export const vaultArb: fc.Arbitrary<Vault> = fc.record({
  contentTypes: fc.dictionary(
    fc.constantFrom(...CONTENT_TYPE_KEYS),
    fc.integer({ min: 0, max: 40 }),
    { maxKeys: 10 },
  ),
  media: fc.record({
    video: fc.integer({ min: 0, max: 200 }),
    picture: fc.integer({ min: 0, max: 500 }),
    gif: fc.integer({ min: 0, max: 50 }),
  }),
  flyers: fc.integer({ min: 0, max: 30 }),
});

const hourArb = fc.integer({ min: 0, max: 23 });

/** Best timing data: distinct peak and avoid hours, relative performance per hour. */
export const timingArb: fc.Arbitrary<BestTiming> = fc
  .record({
    peakHours: fc.uniqueArray(hourArb, { maxLength: 6 }),
    avoidHours: fc.uniqueArray(hourArb, { maxLength: 6 }),
    perf: fc.array(fc.tuple(hourArb, fc.integer({ min: 0, max: 100 })), { maxLength: 24 }),
  })
  .map((r) => ({
    peakHours: r.peakHours,
    avoidHours: r.avoidHours.filter((h) => !r.peakHours.includes(h)),
    hourlyPerformance: Object.fromEntries(r.perf.map(([h, p]) => [String(h), p / 100])),
  }));

/** A persona profile. */
export const personaArb: fc.Arbitrary<Persona> = fc.record({
  tone: fc.constantFrom(...PERSONA_TONES),
  emojiFrequency: fc.constantFrom(
    'none' as const,
    'low' as const,
    'medium' as const,
    'high' as const,
  ),
  slangLevel: fc.constantFrom('none' as const, 'light' as const, 'heavy' as const),
  favoriteEmojis: fc.subarray(['😈', '💕', '🔥', '😘', '🍑', '💦']),
  signaturePhrases: fc.subarray(['hey babe', 'miss you', 'just for you', 'xoxo']),
});

/** A stored rotation state that started before `weekStart`. */
export const rotationStateArb = (
  creatorId: string,
  weekStart: string,
): fc.Arbitrary<CreatorRotationState> =>
  fc
    .record({
      currentState: fc.constantFrom(
        'initializing' as const,
        'pattern_active' as const,
        'rotation_pending' as const,
        'rotating' as const,
        'pattern_exhausted' as const,
        'error' as const,
      ),
      pattern: fc.shuffledSubarray(['solo', 'bundle', 'winner', 'sextape'] as const, {
        minLength: 1,
      }),
      daysOnPattern: fc.integer({ min: 0, max: 30 }),
    })
    .map((r) => ({
      creatorId,
      currentState: r.currentState,
      pattern: r.pattern,
      paused: false,
      patternStartDate: isoDay(dayMs(weekStart) - r.daysOnPattern * DAY_MS),
      daysOnPattern: r.daysOnPattern,
      recentPatterns: [],
      contentRotation: null,
      lastScheduledDate: null,
      version: 0,
    }));

/**
 * A creator timing profile as a port sends it (003 task 2.8): each field absent, `null` or a
 * value: an average response time of 5-90 minutes (so the creator window is sometimes used,
 * sometimes too narrow: below 17 or from 60 minutes), a peak hour, the multi-time-zone flag
 * and the timing variation.
 */
export const timingProfileArb: fc.Arbitrary<CreatorTimingProfileWire> = fc.record(
  {
    avgResponseMinutes: fc.option(fc.integer({ min: 5, max: 90 }), { nil: null }),
    peakEngagementHour: fc.option(hourArb, { nil: null }),
    multiTimezoneAudience: fc.option(fc.boolean(), { nil: null }),
    timingVariation: fc.option(
      fc.constantFrom('low' as const, 'medium' as const, 'high' as const),
      {
        nil: null,
      },
    ),
  },
  { requiredKeys: [] },
);

/**
 * The current pins of a creator before `weekStart` (003 task 2.5 `PinItem`): 0-8 pins with ids
 * `pin_1`..., started 0-120 hours before the week's UTC midnight, lasting 1-100 hours (some
 * already ended when the week starts, some still running into it), priorities 0-500 USD.
 */
export const activePinsArb = (weekStart: string): fc.Arbitrary<ActivePin[]> =>
  fc
    .array(
      fc.record({
        startsBefore: fc.integer({ min: 0, max: 120 }),
        hours: fc.integer({ min: 1, max: 100 }),
        priority: fc.integer({ min: 0, max: 500 }),
      }),
      { maxLength: 8 },
    )
    .map((pins) =>
      pins.map((p, i) => {
        const start = dayMs(weekStart) - p.startsBefore * 3_600_000;
        return {
          postId: `pin_${i + 1}`,
          pinStart: new Date(start).toISOString(),
          pinEnd: new Date(start + p.hours * 3_600_000).toISOString(),
          priority: p.priority,
        };
      }),
    );

/** `arb` in one case of three, else `null`. */
export const sometimes = <A>(arb: fc.Arbitrary<A>): fc.Arbitrary<A | null> =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });

/** One generated case: a dataset with one creator, the week to build and the seed. */
export interface CreatorWeek {
  readonly dataset: InMemoryDataset;
  readonly creatorId: string;
  readonly weekStart: string;
  readonly seed: number | string;
}

const recordFor = <A>(creatorId: string, value: A | null): Readonly<Record<string, A>> =>
  value === null ? {} : { [creatorId]: value };

/** The parts a generated creator-week draws, each `null` when absent. */
export interface DrawnParts {
  readonly history: ReadonlyArray<InMemoryDataset['history'][number]>;
  readonly captions: InMemoryDataset['captions'];
  readonly trends: NonNullable<InMemoryDataset['trends']>[string] | null;
  readonly vault: NonNullable<InMemoryDataset['vaults']>[string] | null;
  readonly timing: NonNullable<InMemoryDataset['timing']>[string] | null;
  readonly persona: NonNullable<InMemoryDataset['personas']>[string] | null;
  readonly rotation: unknown;
  readonly timingProfile: unknown;
  readonly activePins: unknown;
}

/** The one-creator dataset of drawn parts (history in time order). */
export const datasetFor = (
  creator: InMemoryDataset['creators'][number],
  p: DrawnParts,
): InMemoryDataset =>
  ({
    creators: [creator],
    history: [...p.history].sort((a, b) => a.sentAt.localeCompare(b.sentAt)),
    captions: p.captions,
    trends: recordFor(creator.creatorId, p.trends),
    vaults: recordFor(creator.creatorId, p.vault),
    timing: recordFor(creator.creatorId, p.timing),
    personas: recordFor(creator.creatorId, p.persona),
    rotationStates: recordFor(creator.creatorId, p.rotation),
    timingProfiles: recordFor(creator.creatorId, p.timingProfile),
    activePins: recordFor(creator.creatorId, p.activePins),
  }) as InMemoryDataset;

/**
 * A random valid dataset with ONE creator, plus the week and seed to build: random page type,
 * fans across all tiers, a zone with or without DST, 0-90 days of history, trends / vault /
 * timing / persona / rotation state each sometimes missing, a timing profile and current pins
 * in one case of three each, 0-400 captions.
 */
export const creatorWeekArb: fc.Arbitrary<CreatorWeek> = fc
  .record({
    creator: creatorProfileArb(),
    weekStart: weekStartArb,
    seed: seedArb,
    historyDays: fc.integer({ min: 0, max: 90 }),
  })
  .chain(({ creator, weekStart, seed, historyDays }) =>
    fc
      .record({
        history: fc.array(massMessageArb(creator.creatorId, weekStart, historyDays), {
          maxLength: historyDays * 6,
          size: 'max',
        }),
        captions: captionPoolArb(creator.creatorId, weekStart),
        trends: fc.option(trendsArb, { nil: null }),
        vault: fc.option(vaultArb, { nil: null }),
        timing: fc.option(timingArb, { nil: null }),
        persona: fc.option(personaArb, { nil: null }),
        rotation: fc.option(rotationStateArb(creator.creatorId, weekStart), { nil: null }),
        timingProfile: sometimes(timingProfileArb),
        activePins: sometimes(activePinsArb(weekStart)),
      })
      .map(
        ({
          history,
          captions,
          trends,
          vault,
          timing,
          persona,
          rotation,
          timingProfile,
          activePins,
        }) => ({
          creatorId: creator.creatorId,
          weekStart,
          seed,
          dataset: datasetFor(creator, {
            history,
            captions,
            trends,
            vault,
            timing,
            persona,
            rotation,
            timingProfile,
            activePins,
          }),
        }),
      ),
  );
