/**
 * Hand-built datasets and build helpers for the pipeline tests: a well-stocked creator whose
 * week can pass validation (rich caption bank, full vault, 90 days of history), and a build
 * helper that runs `buildSchedule` over `inMemoryPorts`.
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  buildSchedule,
  CAPTION_TYPES,
  type CaptionRecord,
  type CreatorProfile,
  type InMemoryDataset,
  inMemoryPorts,
  type MassMessage,
  type ScheduleError,
  type ScheduleInputs,
  type SchedulePorts,
  type ScheduleResult,
  SEND_TYPE_KEYS,
  SEND_TYPES,
} from '../../src/index';

const DAY_MS = 86_400_000;

/** A creator with every field set; override what the test is about. */
export const creatorFixture = (overrides: Partial<CreatorProfile> = {}): CreatorProfile => ({
  creatorId: 'dst_creator',
  displayName: 'DST Creator',
  pageType: 'paid',
  fanCount: 30_000,
  timezone: 'America/New_York',
  contentPageType: 'nude',
  subType: 'gfe',
  performanceTier: 2,
  avgRevenuePerMessage: 12,
  ...overrides,
});

/** `perType` captions of every caption type, fresh for every creator, performance 55-94. */
export const captionBank = (perType = 40): CaptionRecord[] =>
  CAPTION_TYPES.flatMap((captionType, t) =>
    Array.from({ length: perType }, (_, n) => ({
      captionId: `${captionType}_${n}`,
      text: `${captionType} caption number ${n} with a few words for the fans`,
      captionType,
      contentType: n % 3 === 0 ? null : n % 3 === 1 ? 'solo' : 'boy_girl',
      performanceScore: 55 + ((n * 7 + t * 3) % 40),
      usage: [],
    })),
  );

/**
 * Three mass messages a day for the 90 days before `weekStart`, rotating over the send types of
 * the creator's page type, with plausible prices and rates.
 */
export const historyFixture = (creator: CreatorProfile, weekStart: string): MassMessage[] => {
  const start = Date.parse(`${weekStart}T00:00:00Z`);
  const keys = SEND_TYPE_KEYS.filter(
    (k) =>
      SEND_TYPES[k].pageTypes.includes(creator.pageType) &&
      SEND_TYPES[k].generatedBy === 'allocation',
  );
  return Array.from({ length: 270 }, (_, n) => {
    const key = keys[n % keys.length] ?? 'ppv_unlock';
    const revenue = SEND_TYPES[key].category === 'revenue';
    const sent = 4000 + ((n * 37) % 900);
    const viewed = Math.floor(sent * 0.4);
    const purchased = revenue ? Math.floor(viewed * 0.05) : 0;
    const price = revenue ? 15 + (n % 3) * 5 : null;
    return {
      creatorId: creator.creatorId,
      sentAt: new Date(
        start - (90 - Math.floor(n / 3)) * DAY_MS + (14 + (n % 3) * 3) * 3_600_000,
      ).toISOString(),
      sendTypeKey: key,
      price,
      sent,
      viewed,
      purchased,
      earnings: price === null ? 0 : purchased * price,
      captionId: null,
    };
  });
};

/** A dataset with one well-stocked creator. */
export const datasetFixture = (creator: CreatorProfile, weekStart: string): InMemoryDataset => ({
  creators: [creator],
  history: historyFixture(creator, weekStart),
  captions: captionBank(),
  trends: {
    [creator.creatorId]: {
      horizons: {
        '7d': { saturationScore: 45, opportunityScore: 55 },
        '14d': { saturationScore: 45, opportunityScore: 55 },
        '30d': { saturationScore: 45, opportunityScore: 55 },
      },
      revenueTrendPercent: 5,
      messageCount: 270,
    },
  },
  vaults: {
    [creator.creatorId]: {
      contentTypes: { solo: 30, boy_girl: 20, girl_girl: 10, bundle_offer: 8 },
      media: { video: 150, picture: 300, gif: 40 },
      flyers: 25,
    },
  },
  timing: {
    [creator.creatorId]: {
      peakHours: [19, 20, 21, 22],
      avoidHours: [3, 4, 5, 6],
      hourlyPerformance: { '19': 0.8, '20': 1, '21': 0.9, '22': 0.7 },
    },
  },
  personas: {
    [creator.creatorId]: {
      tone: 'playful',
      emojiFrequency: 'medium',
      slangLevel: 'light',
      favoriteEmojis: ['💕', '🔥'],
      signaturePhrases: ['hey babe'],
    },
  },
});

/** Runs one build over the given ports. */
export const build = (
  inputs: ScheduleInputs,
  ports: SchedulePorts,
): Promise<E.Either<ScheduleError, ScheduleResult>> => buildSchedule(inputs)(ports)();

/** Runs one build over `inMemoryPorts(dataset)` and returns the result, failing on a `Left`. */
export const buildRight = async (
  inputs: ScheduleInputs,
  dataset: InMemoryDataset,
): Promise<ScheduleResult> => {
  const r = await build(inputs, inMemoryPorts(dataset));
  if (E.isLeft(r)) throw new Error(`expected Right, got ${r.left.code}: ${r.left.message}`);
  return r.right;
};
