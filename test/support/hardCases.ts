/**
 * fast-check arbitraries for the hard cases of a weekly build, on top of the common random
 * creator-week of `arbitraries.ts` (whose pieces they reuse): dense days, tiny and empty caption
 * pools, new and sparse creators, daylight-saving weeks, late parents near midnight, vaults
 * that lack media kinds, and avoid hours inside the 08:00-23:30 window.
 *
 * Each generated case is a valid `CreatorWeek` (one creator, a week, a seed) plus the name of
 * its hard case and the build options (`allowNextDayFollowups` for late parents). Every case
 * has, one time in three each, a creator timing profile (003 task 2.8) and current pins (003
 * task 2.5).
 * `hardCreatorWeekArb` mixes all of them with the common case.
 */
import fc from 'fast-check';
import type {
  BestTiming,
  CaptionRecord,
  CreatorProfile,
  CreatorRotationState,
  MassMessage,
  PerformanceTrends,
  Persona,
  ScheduleOptions,
  Vault,
} from '../../src/domain/types';
import type { ActivePin } from '../../src/timing/pins';
import type { CreatorTimingProfileWire } from '../../src/timing/profile';
import {
  activePinsArb,
  type CreatorWeek,
  captionPoolArb,
  creatorProfileArb,
  creatorWeekArb,
  datasetFor,
  massMessageArb,
  personaArb,
  rotationStateArb,
  seedArb,
  sometimes,
  timingArb,
  timingProfileArb,
  trendsArb,
  vaultArb,
  weekStartArb,
} from './arbitraries';

/** The hard cases (and `common`, the plain random creator-week). */
export type HardCaseName =
  | 'common'
  | 'denseDay'
  | 'tinyCaptionPool'
  | 'emptyCaptionPool'
  | 'newCreator'
  | 'sparseHistory'
  | 'dstWeek'
  | 'lateParents'
  | 'vaultLacking'
  | 'avoidHoursInWindow';

/** A creator-week of one hard case, with the options to build it with. */
export interface HardCreatorWeek extends CreatorWeek {
  /** The hard case, or `forced:<what>` for a hand-built week of a test. */
  readonly hardCase: HardCaseName | `forced:${string}`;
  readonly options?: ScheduleOptions;
}

const DAY_MS = 86_400_000;

const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/**
 * Local dates of the daylight-saving changes 2024-2027, checked with `@date-fns/tz`:
 * New York second Sunday of March / first of November, Berlin last Sunday of March / October,
 * Sydney first Sunday of April (clocks back) / October (forward). Brazil abolished daylight
 * saving in 2019, so `America/Sao_Paulo` has no change in these years: its weeks sit on the
 * dates it used to change (first Sunday of November, third Sunday of February) and must show
 * one UTC offset.
 */
export const DST_CHANGES: Readonly<Record<string, ReadonlyArray<string>>> = {
  'America/New_York': [
    '2024-03-10',
    '2024-11-03',
    '2025-03-09',
    '2025-11-02',
    '2026-03-08',
    '2026-11-01',
    '2027-03-14',
    '2027-11-07',
  ],
  'Europe/Berlin': [
    '2024-03-31',
    '2024-10-27',
    '2025-03-30',
    '2025-10-26',
    '2026-03-29',
    '2026-10-25',
    '2027-03-28',
    '2027-10-31',
  ],
  'Australia/Sydney': [
    '2024-04-07',
    '2024-10-06',
    '2025-04-06',
    '2025-10-05',
    '2026-04-05',
    '2026-10-04',
    '2027-04-04',
    '2027-10-03',
  ],
  'America/Sao_Paulo': ['2024-11-03', '2025-02-16', '2025-11-02', '2026-02-15'],
};

/** The zones of `DST_CHANGES` that really change their offset in 2024-2027. */
export const DST_ZONES_WITH_CHANGES: ReadonlyArray<string> = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Sydney',
];

/** The pieces a creator-week is assembled from; each defaults to `creatorWeekArb`'s choice. */
export interface WeekParts {
  readonly creator?: fc.Arbitrary<CreatorProfile>;
  readonly weekStart?: fc.Arbitrary<string>;
  /** Creator and week start together, when they depend on each other (DST weeks). */
  readonly creatorAndWeek?: fc.Arbitrary<readonly [CreatorProfile, string]>;
  readonly seed?: fc.Arbitrary<number | string>;
  readonly history?: (creatorId: string, weekStart: string) => fc.Arbitrary<MassMessage[]>;
  readonly captions?: (creatorId: string, weekStart: string) => fc.Arbitrary<CaptionRecord[]>;
  readonly trends?: fc.Arbitrary<PerformanceTrends | null>;
  readonly vault?: fc.Arbitrary<Vault | null>;
  readonly timing?: fc.Arbitrary<BestTiming | null>;
  readonly persona?: fc.Arbitrary<Persona | null>;
  readonly rotation?: (
    creatorId: string,
    weekStart: string,
  ) => fc.Arbitrary<CreatorRotationState | null>;
  readonly options?: fc.Arbitrary<ScheduleOptions | undefined>;
  /** The creator timing profile (003 task 2.8); default: one case in three. */
  readonly timingProfile?: fc.Arbitrary<CreatorTimingProfileWire | null>;
  /** The current pins (003 task 2.5); default: one case in three. */
  readonly activePins?: (weekStart: string) => fc.Arbitrary<ActivePin[] | null>;
}

/** 0-90 days of history, up to 6 messages a day (as `creatorWeekArb`). */
const defaultHistory = (creatorId: string, weekStart: string): fc.Arbitrary<MassMessage[]> =>
  fc
    .integer({ min: 0, max: 90 })
    .chain((days) =>
      fc.array(massMessageArb(creatorId, weekStart, days), { maxLength: days * 6, size: 'max' }),
    );

/** `n` days of history with `perDay` messages a day on average: enough for a confident volume. */
const richHistory =
  (minDays: number, maxDays: number) =>
  (creatorId: string, weekStart: string): fc.Arbitrary<MassMessage[]> =>
    fc.integer({ min: minDays, max: maxDays }).chain((days) =>
      fc.array(massMessageArb(creatorId, weekStart, days), {
        minLength: days * 2,
        maxLength: days * 4,
      }),
    );

/** Assembles a creator-week of `hardCase` from `parts`. */
export const creatorWeekFrom = (
  hardCase: HardCaseName,
  parts: WeekParts = {},
): fc.Arbitrary<HardCreatorWeek> =>
  fc
    .record({
      cw:
        parts.creatorAndWeek ??
        fc.tuple(parts.creator ?? creatorProfileArb(), parts.weekStart ?? weekStartArb),
      seed: parts.seed ?? seedArb,
      options: parts.options ?? fc.constant(undefined),
    })
    .chain(({ cw: [creator, weekStart], seed, options }) =>
      fc
        .record({
          history: (parts.history ?? defaultHistory)(creator.creatorId, weekStart),
          captions: (parts.captions ?? ((id, ws) => captionPoolArb(id, ws)))(
            creator.creatorId,
            weekStart,
          ),
          trends: parts.trends ?? fc.option(trendsArb, { nil: null }),
          vault: parts.vault ?? fc.option(vaultArb, { nil: null }),
          timing: parts.timing ?? fc.option(timingArb, { nil: null }),
          persona: parts.persona ?? fc.option(personaArb, { nil: null }),
          rotation: (
            parts.rotation ?? ((id, ws) => fc.option(rotationStateArb(id, ws), { nil: null }))
          )(creator.creatorId, weekStart),
          timingProfile: parts.timingProfile ?? sometimes(timingProfileArb),
          activePins: (parts.activePins ?? ((ws) => sometimes(activePinsArb(ws))))(weekStart),
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
          }): HardCreatorWeek => ({
            hardCase,
            creatorId: creator.creatorId,
            weekStart,
            seed,
            ...(options === undefined ? {} : { options }),
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

/** A creator of `creatorProfileArb` with some fields drawn from other arbitraries. */
const creatorWith = (
  over: { readonly [K in keyof CreatorProfile]?: fc.Arbitrary<CreatorProfile[K]> },
): fc.Arbitrary<CreatorProfile> =>
  fc
    .tuple(creatorProfileArb(), fc.record(over as Record<string, fc.Arbitrary<unknown>>))
    .map(([c, o]) => ({ ...c, ...o }) as CreatorProfile);

/** A vault with every media kind and flyers in stock. */
export const fullVaultArb: fc.Arbitrary<Vault> = fc.record({
  contentTypes: fc.constantFrom<Readonly<Record<string, number>>>(
    { solo: 30, boy_girl: 20, girl_girl: 10, bundle_offer: 8 },
    { solo: 12, lingerie: 6, feet: 4, toy_play: 9, joi: 3 },
  ),
  media: fc.record({
    video: fc.integer({ min: 20, max: 200 }),
    picture: fc.integer({ min: 50, max: 500 }),
    gif: fc.integer({ min: 5, max: 50 }),
  }),
  flyers: fc.integer({ min: 5, max: 30 }),
});

/** Trends on every horizon: high opportunity, low saturation, rising revenue. */
const hotTrendsArb: fc.Arbitrary<PerformanceTrends> = fc
  .record({
    saturationScore: fc.integer({ min: 0, max: 25 }),
    opportunityScore: fc.integer({ min: 75, max: 100 }),
    revenueTrendPercent: fc.integer({ min: 20, max: 200 }),
    messageCount: fc.integer({ min: 200, max: 3000 }),
  })
  .map(({ saturationScore, opportunityScore, revenueTrendPercent, messageCount }) => {
    const h = { saturationScore, opportunityScore };
    return { horizons: { '7d': h, '14d': h, '30d': h }, revenueTrendPercent, messageCount };
  });

const ultraFansArb = fc.integer({ min: 15_000, max: 40_000 });

/**
 * Dense days: ultra tier (15,000+ fans), high opportunity and low saturation on every horizon
 * with a rising revenue trend (the `002` rule raises the counts to the `001` bounds), 60-90 days
 * of history, a full vault and a large caption pool.
 */
export const denseDayArb: fc.Arbitrary<HardCreatorWeek> = creatorWeekFrom('denseDay', {
  creator: creatorWith({ fanCount: ultraFansArb }),
  history: richHistory(60, 90),
  captions: (id, ws) => captionPoolArb(id, ws, 400),
  trends: hotTrendsArb,
  vault: fullVaultArb,
});

/** A caption pool of 1-5 captions. */
export const tinyCaptionPoolArb: fc.Arbitrary<HardCreatorWeek> = creatorWeekFrom(
  'tinyCaptionPool',
  { captions: (id, ws) => captionPoolArb(id, ws, 5).filter((cs) => cs.length >= 1) },
);

/** No caption at all: every item waits for a manual caption. */
export const emptyCaptionPoolArb: fc.Arbitrary<HardCreatorWeek> = creatorWeekFrom(
  'emptyCaptionPool',
  { captions: () => fc.constant([]) },
);

/** A new creator: no message history and no tracked trends. */
export const newCreatorArb: fc.Arbitrary<HardCreatorWeek> = creatorWeekFrom('newCreator', {
  history: () => fc.constant([]),
  trends: fc.constant(null),
});

/** A sparse history: 1-10 messages in the last 1-30 days, no tracked trends (or few messages). */
export const sparseHistoryArb: fc.Arbitrary<HardCreatorWeek> = creatorWeekFrom('sparseHistory', {
  history: (id, ws) =>
    fc
      .integer({ min: 1, max: 30 })
      .chain((days) => fc.array(massMessageArb(id, ws, days), { minLength: 1, maxLength: 10 })),
  trends: fc.option(
    trendsArb.map((t) => ({ ...t, messageCount: t.messageCount % 11 })),
    { nil: null },
  ),
});

/**
 * A week containing a daylight-saving change in New York, Berlin or Sydney (the change date is
 * one of the 7 days), or a week on São Paulo's former change dates (no change since 2019).
 */
export const dstWeekArb: fc.Arbitrary<HardCreatorWeek> = creatorWeekFrom('dstWeek', {
  creatorAndWeek: fc
    .tuple(
      creatorProfileArb(),
      fc
        .constantFrom(...Object.keys(DST_CHANGES))
        .chain((zone) =>
          fc.tuple(
            fc.constant(zone),
            fc.constantFrom(...(DST_CHANGES[zone] as ReadonlyArray<string>)),
            fc.integer({ min: 0, max: 6 }),
          ),
        ),
    )
    .map(([c, [zone, change, k]]) => [{ ...c, timezone: zone }, addDays(change, -k)] as const),
});

/**
 * Late parents: peak hours at 22-23 (revenue sends, the follow-up parents, go late), so
 * follow-ups meet midnight; built with and without `allowNextDayFollowups`.
 */
export const lateParentsArb: fc.Arbitrary<HardCreatorWeek> = creatorWeekFrom('lateParents', {
  creator: creatorWith({ fanCount: fc.integer({ min: 1000, max: 40_000 }) }),
  timing: fc.record({
    peakHours: fc.constantFrom([22, 23], [21, 22, 23], [23], [22]),
    avoidHours: fc.constantFrom([3, 4, 5, 6], [], [8, 9, 10]),
    hourlyPerformance: fc.constant({ '22': 1, '23': 0.9 }),
  }),
  vault: fullVaultArb,
  options: fc.boolean().map((allowNextDayFollowups) => ({ allowNextDayFollowups })),
});

/** Which media kinds a lacking vault has none of. */
const LACKS = [
  ['video'],
  ['gif'],
  ['picture'],
  ['flyers'],
  ['video', 'gif'],
  ['video', 'picture', 'gif', 'flyers'],
] as const;

/** A vault without video, gif, picture or flyers (one or several of them). */
export const lackingVaultArb: fc.Arbitrary<Vault> = fc
  .tuple(fullVaultArb, fc.constantFrom(...LACKS))
  .map(([v, lacks]) => {
    const none = new Set<string>(lacks);
    return {
      contentTypes: v.contentTypes,
      media: {
        video: none.has('video') ? 0 : v.media.video,
        picture: none.has('picture') ? 0 : v.media.picture,
        gif: none.has('gif') ? 0 : v.media.gif,
      },
      flyers: none.has('flyers') ? 0 : v.flyers,
    };
  });

/** A vault that lacks media kinds (no video, no gif, no picture, no flyers, or none at all). */
export const vaultLackingArb: fc.Arbitrary<HardCreatorWeek> = creatorWeekFrom('vaultLacking', {
  vault: lackingVaultArb,
});

/**
 * Avoid hours inside 08:00-23:30 (a run of 4-12 hours starting at 9-14, e.g. 9-20), peak hours
 * outside them, so the avoid-hours relaxation is reachable (the default 03-06 lies in the quiet
 * hours).
 */
export const avoidHoursInWindowArb: fc.Arbitrary<HardCreatorWeek> = creatorWeekFrom(
  'avoidHoursInWindow',
  {
    creator: creatorWith({ fanCount: fc.integer({ min: 1000, max: 40_000 }) }),
    timing: fc
      .record({ start: fc.integer({ min: 9, max: 14 }), length: fc.integer({ min: 4, max: 12 }) })
      .map(({ start, length }) => {
        const avoidHours = Array.from({ length }, (_, i) => start + i).filter((h) => h <= 22);
        const free = [19, 20, 21, 22, 23, 8].filter((h) => !avoidHours.includes(h));
        return {
          peakHours: free.slice(0, 3),
          avoidHours,
          hourlyPerformance: Object.fromEntries(free.map((h) => [String(h), 0.8])),
        };
      }),
  },
);

/** The common random creator-week of `arbitraries.ts`. */
export const commonCreatorWeekArb: fc.Arbitrary<HardCreatorWeek> = creatorWeekArb.map((s) => ({
  ...s,
  hardCase: 'common' as const,
}));

/** One arbitrary per hard case. */
export const HARD_CASE_ARBS: Readonly<Record<HardCaseName, fc.Arbitrary<HardCreatorWeek>>> = {
  common: commonCreatorWeekArb,
  denseDay: denseDayArb,
  tinyCaptionPool: tinyCaptionPoolArb,
  emptyCaptionPool: emptyCaptionPoolArb,
  newCreator: newCreatorArb,
  sparseHistory: sparseHistoryArb,
  dstWeek: dstWeekArb,
  lateParents: lateParentsArb,
  vaultLacking: vaultLackingArb,
  avoidHoursInWindow: avoidHoursInWindowArb,
};

/** A weighted mix: the common case 4 parts in 13, each hard case 1. */
export const hardCreatorWeekArb: fc.Arbitrary<HardCreatorWeek> = fc.oneof(
  { weight: 4, arbitrary: commonCreatorWeekArb },
  ...(Object.keys(HARD_CASE_ARBS) as HardCaseName[])
    .filter((k) => k !== 'common')
    .map((k) => ({ weight: 1, arbitrary: HARD_CASE_ARBS[k] })),
);

/**
 * Whether the creator's vault serves every media kind and flyers (or is unknown, which serves
 * everything). A vault that lacks a media kind takes away the send types that need it, and the
 * week may then be unable to meet the diversity minimums or the category balance at all.
 */
export const vaultIsComplete = (s: CreatorWeek): boolean => {
  const v = s.dataset.vaults?.[s.creatorId];
  return (
    v === undefined || (v.media.video > 0 && v.media.picture > 0 && v.media.gif > 0 && v.flyers > 0)
  );
};
