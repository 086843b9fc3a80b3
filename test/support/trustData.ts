/**
 * Shared data and helpers of the issue 6 suites ("results you can trust": `test/fuzz/` and
 * `test/regressions/`): small realistic datasets built from the pipeline fixtures, a build
 * runner that turns a synchronous throw or a rejected promise into a test failure with a clear
 * message, the port names by role, and the category counts of a week.
 *
 * Every number the suites assert is a literal from the seeds; nothing here reads the library's
 * policy.
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  buildSchedule,
  type CreatorProfile,
  type InMemoryDataset,
  type ScheduleError,
  type ScheduleItem,
  type SchedulePorts,
  type ScheduleResult,
  type VolumeAdjustmentOutcomeRecord,
} from '../../src/index';
import { captionBank, creatorFixture, datasetFixture } from '../pipeline/fixtures';

/** The Monday most suites build (no DST change inside the week). */
export const WEEK = '2025-01-20';

/** The ports the pipeline cannot do without (RULINGS "port faults"): a fault is a `Left` naming the port. */
export const REQUIRED_READS = [
  'getCreatorProfile',
  'getMassMessageHistory',
  'getCaptionCandidates',
] as const;

/** The reads with a seed fallback: a fault is the fallback plus a `port_failed` warning. */
export const OPTIONAL_READS = [
  'getPerformanceTrends',
  'getVaultAvailability',
  'getBestTiming',
  'getPersonaProfile',
  'getRotationState',
  'getContentTypeRankings',
  'countUsableCaptions',
  'getTimingProfile',
  'getActivePins',
  'getAdjustmentOutcomes',
] as const;

export type RequiredRead = (typeof REQUIRED_READS)[number];
export type OptionalRead = (typeof OPTIONAL_READS)[number];
export type ReadPort = RequiredRead | OptionalRead;

/** The well-stocked paid creator of the pipeline fixtures (30,000 fans, New York). */
export const richCreator: CreatorProfile = creatorFixture();

/**
 * The fixture creator's dataset with a leaner caption bank (12 captions per caption type), so a
 * fuzz run that builds a whole week stays fast; the week still builds and passes.
 */
export const leanDataset = (creator: CreatorProfile = richCreator): InMemoryDataset => ({
  ...datasetFixture(creator, WEEK),
  captions: captionBank(12),
});

/**
 * A past adjustment outcome of `creatorId` (004 `volume_adjustment_outcomes`, the week before
 * `WEEK`): a saturation adjustment that degraded, learning signal -0.5.
 */
export const pastAdjustmentOutcome = (creatorId: string): VolumeAdjustmentOutcomeRecord => ({
  outcomeId: 'past:outcome',
  logId: 'past',
  creatorId,
  weekStartDate: '2025-01-13',
  measuredAt: '2025-01-20T06:00:00.000Z',
  measurementPeriod: '7d',
  adjustmentKinds: ['saturation'],
  inputSaturationScore: 75,
  inputOpportunityScore: 50,
  inputTier: 'ultra',
  inputRevenuePerDay: 6,
  inputEngagementPerDay: 4,
  inputRetentionPerDay: 3,
  outcomeSaturationScore: 80,
  outcomeOpportunityScore: 45,
  outcomeScoreSource: 'provided',
  outcomeRevenuePerSend: 9,
  outcomeTotalRevenue: 900,
  outcomeViewRate: 0.4,
  outcomePurchaseRate: 0.05,
  outcomeMessagesSent: 100,
  saturationDelta: 5,
  opportunityDelta: -5,
  revenuePerSendChangePct: -25,
  outcomeClassification: 'degraded',
  learningSignal: -0.5,
  appliedToLearning: false,
  appliedAt: null,
});

/** A creator with no history, no trends and no vault: the 001 minimum-safe case. */
export const newCreator = (overrides: Partial<CreatorProfile> = {}): CreatorProfile =>
  creatorFixture({
    creatorId: 'new_creator',
    displayName: 'New Creator',
    fanCount: 800,
    performanceTier: 5,
    avgRevenuePerMessage: null,
    ...overrides,
  });

/** A dataset holding only `creator` and a caption bank: no history, trends, vault or timing. */
export const newCreatorDataset = (creator: CreatorProfile, perType = 12): InMemoryDataset => ({
  creators: [creator],
  history: [],
  captions: captionBank(perType),
});

/** What `runBuild` answers. */
export type Built = E.Either<ScheduleError, ScheduleResult>;

/**
 * Runs `buildSchedule(inputs)(ports)()` and fails the test with a plain message if any step of
 * it throws synchronously or its promise rejects (the library promises neither ever happens).
 */
export const runBuild = async (inputs: unknown, ports: unknown): Promise<Built> => {
  let pending: Promise<Built>;
  try {
    pending = buildSchedule(inputs as never)(ports as SchedulePorts)();
  } catch (e) {
    throw new Error(`buildSchedule threw synchronously: ${String(e)}`);
  }
  try {
    return await pending;
  } catch (e) {
    throw new Error(`buildSchedule's task rejected: ${String(e)}`);
  }
};

/** The `Right` of a build, or a test failure naming the `Left`. */
export const rightOf = (r: Built): ScheduleResult => {
  if (E.isLeft(r)) throw new Error(`expected a built week, got ${r.left.code}: ${r.left.message}`);
  return r.right;
};

/** The `Left` of a build, or a test failure. */
export const leftOf = (r: Built): ScheduleError => {
  if (E.isRight(r)) throw new Error(`expected a Left, got a week (${r.right.validation.status})`);
  return r.left;
};

export interface CategoryCounts {
  readonly revenue: number;
  readonly engagement: number;
  readonly retention: number;
  readonly total: number;
}

/** Category counts of a week's allocated items (follow-ups left out, RULINGS "category balance"). */
export const allocatedCounts = (items: ReadonlyArray<ScheduleItem>): CategoryCounts => {
  const allocated = items.filter((i) => !i.isFollowUp);
  const n = (c: string) => allocated.filter((i) => i.category === c).length;
  return {
    revenue: n('revenue'),
    engagement: n('engagement'),
    retention: n('retention'),
    total: allocated.length,
  };
};

/** The statuses a week breaking a hard rule may never have (RULINGS "Validation"). */
export const PASSING = ['passed', 'passed_with_warnings'] as const;

/** Whether a status is one of `PASSING`. */
export const isPassing = (status: string): boolean =>
  (PASSING as ReadonlyArray<string>).includes(status);
