/**
 * `computeDashboardKpis`: the eight KPIs of seed 000 task 3.8 from one set of records - the
 * weeks a caller built with `buildSchedule`, their actual results (`WeekActuals`) or the
 * outcomes `recordOutcomes` made of them, and game results. The input is read once into plain
 * records (`DashboardKpiRecords`), and every KPI is computed from those (`kpisFromRecords`).
 * Junk is reported as issues, never a throw; no clock is read.
 *
 * Source: seed 000 task 3.8 "Volume Optimization Dashboard Metrics"; issue 8 ("all eight KPIs
 * are computed from one set of records").
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { isCampaignType, isGameType, SEND_TYPES } from '../domain/catalog';
import {
  ContentPageTypeC,
  FiniteNumberC,
  GameTypeC,
  IsoDateC,
  NonEmptyStringC,
  NonNegativeNumberC,
  nullable,
  PageTypeC,
  SendTypeKeyC,
  SubTypeC,
} from '../domain/codecs';
import { decodeWith, readField, showReceived, UNREADABLE } from '../domain/decode';
import { type Issue, type IssueDetailsByCode, issue } from '../domain/issues';
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import type { ScheduleResult } from '../domain/stages';
import { weekDatesFrom } from '../domain/time';
import { ItemActualC } from '../records/codecs';
import { recordOutcomes } from '../records/recordOutcomes';
import type { WeekActuals, WeekOutcomeRecords } from '../records/types';
import type { WeeklyLimitItem } from '../validation/weeklyLimits';
import type { GamePerformance } from './gameTracker';
import {
  type BumpRatioDay,
  bayesianEstimateAccuracy,
  bumpRatioCompliance,
  type CampaignKpiRecord,
  campaignFrequencyAdherence,
  type FollowupDay,
  followupLimitUtilization,
  gameTypeRevenueVariance,
  KPI_METRICS,
  type KpiMetric,
  type KpiResult,
  notComputableKpi,
  type PredictionKpiRecord,
  type TraitLiftSend,
  traitRecommendationLift,
  volumePredictionMape,
  weeklyLimitViolations,
} from './kpis';
import { detectTone } from './performanceRecords';

/**
 * One creator week of the dashboard's records.
 *
 * - `schedule`: the week as `buildSchedule` answered it (`ScheduleResult`; read: `creatorId`,
 *   `weekStart`, `creator`'s page type, fan count, content page type and sub-type, and per item
 *   `slotId`, `scheduledDate`, `sendTypeKey`, `isFollowUp`, `parentItemId`, `campaignType`,
 *   `gameType`, `contentTypeId`, `captionText`; `volume.traitAnalysis`).
 * - `actuals`: the week's actual results (`WeekActuals`, per `slotId`, earnings in USD); the
 *   items' earnings feed the trait lift and the games, and `recordOutcomes(schedule, actuals)`
 *   gives the measured volume prediction unless `outcomes` is given.
 * - `outcomes`: what `recordOutcomes` answered for the week; its `volumePrediction` is used
 *   for the MAPE (and wins over the one recomputed from `actuals`).
 * - `traitRecommendedSlotIds`: the slot ids of the week's trait-recommended sends, when the
 *   caller decides them; without it they are read from the week's own trait analysis (see
 *   `computeDashboardKpis`).
 *
 * Source: 000 task 3.8 (`weekly_actuals`, `volume_predictions`); seed 004 records.
 *
 * @example
 * const week: DashboardWeek = { schedule, actuals };
 *
 * @since 0.3.0
 * @category analytics
 */
export interface DashboardWeek {
  /** The week as `buildSchedule` answered it; the items, creator and trait analysis are read. */
  readonly schedule: ScheduleResult;
  /** The week's actual results per `slotId` (earnings in USD); absent or `null` when not yet measured. */
  readonly actuals?: WeekActuals | null;
  /** What `recordOutcomes` answered for the week; its volume prediction wins over one recomputed from `actuals`. */
  readonly outcomes?: WeekOutcomeRecords | null;
  /** The slot ids of the week's trait-recommended sends; absent or `null`: read from the week's trait analysis. */
  readonly traitRecommendedSlotIds?: ReadonlyArray<string> | null;
}

/**
 * The input of `computeDashboardKpis`: one set of records.
 *
 * - `weeks`: the creator weeks (`DashboardWeek`), any creators, any order; one entry per
 *   creator and week start.
 * - `gameResults`: game results not in the weeks' items (`GamePerformance`, USD), measured with
 *   the weeks' own games.
 * - `gameHistory`: game results before the records' window; they feed the Bayesian estimates
 *   and are not measured.
 *
 * Source: 000 task 3.8; 000 task 3.6 (`GamePerformance`).
 *
 * @example
 * const input: DashboardKpiInput = { weeks: [{ schedule, actuals }], gameHistory: pastGames };
 *
 * @since 0.3.0
 * @category analytics
 */
export interface DashboardKpiInput {
  /** The creator weeks, any creators, any order; one entry per creator and week start. */
  readonly weeks: ReadonlyArray<DashboardWeek>;
  /** Game results not in the weeks' items (USD), measured with the weeks' own games; absent or `null`: none. */
  readonly gameResults?: ReadonlyArray<GamePerformance> | null;
  /** Game results before the records' window: they feed the Bayesian estimates, not measured; absent or `null`: none. */
  readonly gameHistory?: ReadonlyArray<GamePerformance> | null;
}

/**
 * The plain records the eight KPIs are computed from, one list per KPI input:
 *
 * - `campaigns`: every non-follow-up item with a campaign type (`CampaignKpiRecord`);
 * - `bumpRatioDays`: every date of every week, with that date's items and the creator's
 *   page-type configuration (`BumpRatioDay`);
 * - `predictions`: each week's volume prediction (`PredictionKpiRecord`);
 * - `traitSends`: the non-follow-up revenue sends with an actual result, of the weeks with
 *   trait recommendations (`TraitLiftSend`);
 * - `followupDays`: every date of every week with the follow-ups counted against it
 *   (`FollowupDay`);
 * - `weeks`: each week's items (`{ sendTypeKey }`) for the weekly limits;
 * - `games`: the weeks' `game_post` items with a game type and an actual result, then
 *   `gameResults` (`GamePerformance`); `gameHistory`: the input's game history.
 *
 * Source: 000 task 3.8 (`campaign_frequency_audit`, `daily_schedule_audit`,
 * `volume_predictions` / `weekly_actuals`).
 *
 * @example
 * kpisFromRecords(computeDashboardKpis(input).records) // the same KPIs again
 *
 * @since 0.3.0
 * @category analytics
 */
export interface DashboardKpiRecords {
  /** Every non-follow-up item with a campaign type (campaign frequency adherence). */
  readonly campaigns: ReadonlyArray<CampaignKpiRecord>;
  /** Every date of every week with its items and the creator's page-type configuration (bump ratio compliance). */
  readonly bumpRatioDays: ReadonlyArray<BumpRatioDay>;
  /** Each week's volume prediction (volume prediction MAPE). */
  readonly predictions: ReadonlyArray<PredictionKpiRecord>;
  /** Non-follow-up revenue sends with an actual result, of weeks with trait recommendations (trait lift). */
  readonly traitSends: ReadonlyArray<TraitLiftSend>;
  /** Every date of every week with the follow-ups counted against it (follow-up limit utilization). */
  readonly followupDays: ReadonlyArray<FollowupDay>;
  /** Each week's items, one list per creator week (weekly limit violations). */
  readonly weeks: ReadonlyArray<ReadonlyArray<WeeklyLimitItem>>;
  /** The weeks' `game_post` items with a game type and an actual result, then `gameResults` (USD). */
  readonly games: ReadonlyArray<GamePerformance>;
  /** The input's game history, feeding the Bayesian estimates only. */
  readonly gameHistory: ReadonlyArray<GamePerformance>;
}

/**
 * What `computeDashboardKpis` answers: the eight KPIs by metric, the records they were computed
 * from, and the issues (`kpi_record_skipped` warnings for what could not be read,
 * `actual_skipped` warnings of `recordOutcomes` with the week's path, one `kpi_not_computable`
 * info per KPI whose value is `null`).
 *
 * Source: 000 task 3.8.
 *
 * @example
 * computeDashboardKpis(input).kpis.bumpRatioCompliance.status // 'ok'
 *
 * @since 0.3.0
 * @category analytics
 */
export interface DashboardKpis {
  /** The eight KPIs by metric. */
  readonly kpis: Readonly<Record<KpiMetric, KpiResult>>;
  /** The plain records the KPIs were computed from (`kpisFromRecords(records)` gives them again). */
  readonly records: DashboardKpiRecords;
  /** `kpi_record_skipped` and `actual_skipped` warnings, and one `kpi_not_computable` info per `null` KPI. */
  readonly issues: ReadonlyArray<Issue>;
}

const EMPTY_RECORDS: DashboardKpiRecords = Object.freeze({
  campaigns: [],
  bumpRatioDays: [],
  predictions: [],
  traitSends: [],
  followupDays: [],
  weeks: [],
  games: [],
  gameHistory: [],
});

/**
 * The eight KPIs of one set of plain records: each KPI function of `./kpis` over its list of
 * `records` (`DashboardKpiRecords`). Pure; never throws (a list that cannot be read counts as
 * empty).
 *
 * Source: 000 task 3.8.
 *
 * @param records - the records (`DashboardKpiRecords`).
 * @param policy - the rules and `policy.kpis` (default `DEFAULT_POLICY`).
 *
 * @example
 * kpisFromRecords({ ...records, weeks: [[{ sendTypeKey: 'vip_program' }]] }).weeklyLimitViolations.value // 0
 *
 * @since 0.3.0
 * @category analytics
 */
export const kpisFromRecords = (
  records: DashboardKpiRecords,
  policy: SchedulePolicy = DEFAULT_POLICY,
): Readonly<Record<KpiMetric, KpiResult>> => {
  const list = <K extends keyof DashboardKpiRecords>(key: K): DashboardKpiRecords[K] => {
    try {
      const v = (records as DashboardKpiRecords)[key];
      return Array.isArray(v) ? v : EMPTY_RECORDS[key];
    } catch {
      return EMPTY_RECORDS[key];
    }
  };
  return {
    campaignFrequencyAdherence: campaignFrequencyAdherence(list('campaigns'), policy),
    bumpRatioCompliance: bumpRatioCompliance(list('bumpRatioDays'), policy),
    volumePredictionMape: volumePredictionMape(list('predictions'), policy),
    traitRecommendationLift: traitRecommendationLift(list('traitSends'), policy),
    followupLimitUtilization: followupLimitUtilization(list('followupDays'), policy),
    weeklyLimitViolations: weeklyLimitViolations(list('weeks'), policy),
    gameTypeRevenueVariance: gameTypeRevenueVariance(list('games'), policy),
    bayesianEstimateAccuracy: bayesianEstimateAccuracy(list('games'), policy, {
      history: list('gameHistory'),
    }),
  };
};

// ---------------------------------------------------------------------------------------------
// Reading the input
// ---------------------------------------------------------------------------------------------

const isRecord = (u: unknown): boolean => {
  try {
    return typeof u === 'object' && u !== null && !Array.isArray(u);
  } catch {
    return false;
  }
};

const keysOf = (u: unknown): ReadonlyArray<string> => {
  try {
    return Object.keys(u as object);
  } catch {
    return [];
  }
};

const rowsOf = (u: unknown): ReadonlyArray<unknown> | null => {
  try {
    return Array.isArray(u) ? Array.from(u as ArrayLike<unknown>) : null;
  } catch {
    return null;
  }
};

const skipped = (path: string, expected: string, received: unknown): Issue =>
  issue(
    'kpi_record_skipped',
    {
      expected,
      received: received === UNREADABLE ? 'an unreadable value' : showReceived(received),
    },
    path,
  );

/** Decoding issues as `kpi_record_skipped` at their paths. */
const asSkipped = (issues: ReadonlyArray<Issue>): ReadonlyArray<Issue> =>
  issues.map((i) =>
    issue(
      'kpi_record_skipped',
      {
        expected: typeof i.details.expected === 'string' ? i.details.expected : 'a valid value',
        received: typeof i.details.received === 'string' ? i.details.received : 'an invalid value',
      },
      i.path,
    ),
  );

const decode = <A>(codec: t.Decoder<unknown, A>, u: unknown, path: string, issues: Issue[]) => {
  const d = decodeWith(codec, u, path, 'invalid_input');
  if (E.isRight(d)) return d.right;
  issues.push(...asSkipped(d.left));
  return null;
};

const unknownKeys = (
  u: unknown,
  known: ReadonlyArray<string>,
  path: (key: string) => string,
): ReadonlyArray<Issue> =>
  keysOf(u)
    .filter((k) => !known.includes(k))
    .map((k) => skipped(path(k), 'unknown key', readField(u, k)));

/** The fields of a schedule item the KPIs read. */
const ItemViewC = t.intersection([
  t.type({
    slotId: NonEmptyStringC,
    scheduledDate: IsoDateC,
    sendTypeKey: SendTypeKeyC,
    isFollowUp: t.boolean,
  }),
  t.partial({
    parentItemId: nullable(t.string),
    campaignType: nullable(t.string),
    gameType: nullable(t.string),
    contentTypeId: nullable(t.string),
    captionText: t.string,
  }),
]);
type ItemView = t.TypeOf<typeof ItemViewC>;

/** The fields of a schedule the KPIs read, its items decoded one by one. */
const ScheduleHeadC = t.type({
  creatorId: NonEmptyStringC,
  weekStart: IsoDateC,
  creator: t.type({
    fanCount: NonNegativeNumberC,
    pageType: PageTypeC,
    contentPageType: ContentPageTypeC,
    subType: SubTypeC,
  }),
  items: t.UnknownArray,
});

const PredictionViewC = t.type({
  outcomeMeasured: t.boolean,
  predictedRevenuePerDay: FiniteNumberC,
  actualRevenuePerDay: nullable(FiniteNumberC),
});

const GamePerformanceC = t.type({
  gameType: GameTypeC,
  earnings: NonNegativeNumberC,
  date: IsoDateC,
  creatorId: NonEmptyStringC,
});

/** One significant trait recommendation of a week's volume (`volume.traitAnalysis`). */
type TraitRec =
  | { readonly trait: 'content_type' | 'tone'; readonly value: string }
  | { readonly trait: 'optimal_length' };

/** `trait[:value] xmultiplier (p=...)`, as the volume engine writes a recommendation. */
const TRAIT_REC_RE = /^(content_type|tone|optimal_length)(?::(.+?))? x\d+(?:\.\d+)? \(p=[^)]*\)$/;

/** The recommendations of a week's trait analysis; none when it has no readable ones. */
const traitRecsOf = (schedule: unknown): ReadonlyArray<TraitRec> => {
  const analysis = readField(readField(schedule, 'volume'), 'traitAnalysis');
  const rows = rowsOf(readField(analysis, 'recommendations')) ?? [];
  return rows.flatMap((r): TraitRec[] => {
    const m = typeof r === 'string' ? TRAIT_REC_RE.exec(r) : null;
    if (m === null) return [];
    const trait = m[1] as 'content_type' | 'tone' | 'optimal_length';
    if (trait === 'optimal_length') return [{ trait }];
    return m[2] === undefined ? [] : [{ trait, value: m[2] }];
  });
};

/** Unicode code points, as the trait analysis measures caption length. */
const codePoints = (text: string): number => Array.from(text).length;

const carriesTrait = (item: ItemView, rec: TraitRec, policy: SchedulePolicy): boolean => {
  const text = item.captionText ?? '';
  switch (rec.trait) {
    case 'content_type':
      return item.contentTypeId === rec.value;
    case 'tone':
      return text !== '' && detectTone(text) === rec.value;
    case 'optimal_length': {
      const n = codePoints(text);
      const { minCharacters, maxCharacters } = policy.traits.optimalLength;
      return n >= minCharacters && n <= maxCharacters;
    }
  }
};

/** Earnings (USD) by slot id: the first decodable actual of each of the schedule's slots. */
const earningsBySlot = (actuals: unknown, slots: ReadonlySet<string>): Map<string, number> => {
  const out = new Map<string, number>();
  for (const entry of rowsOf(readField(actuals, 'items')) ?? []) {
    const d = ItemActualC.decode(entry);
    if (E.isRight(d) && slots.has(d.right.slotId) && !out.has(d.right.slotId))
      out.set(d.right.slotId, d.right.earnings);
  }
  return out;
};

const WEEK_KEYS: ReadonlyArray<string> = [
  'schedule',
  'actuals',
  'outcomes',
  'traitRecommendedSlotIds',
];
const INPUT_KEYS: ReadonlyArray<string> = ['weeks', 'gameResults', 'gameHistory'];

interface Collected {
  campaigns: CampaignKpiRecord[];
  bumpRatioDays: BumpRatioDay[];
  predictions: PredictionKpiRecord[];
  traitSends: TraitLiftSend[];
  followupDays: FollowupDay[];
  weeks: WeeklyLimitItem[][];
  games: GamePerformance[];
}

/** Reads one week entry into `out`; every problem is an issue in `issues`. */
const readWeek = (
  entry: unknown,
  path: string,
  seen: Set<string>,
  out: Collected,
  issues: Issue[],
  policy: SchedulePolicy,
): void => {
  if (!isRecord(entry)) {
    issues.push(skipped(path, 'a week ({ schedule, actuals?, outcomes? })', entry));
    return;
  }
  issues.push(...unknownKeys(entry, WEEK_KEYS, (k) => `${path}.${k}`));
  const schedule = readField(entry, 'schedule');
  const head = decode(ScheduleHeadC, schedule, `${path}.schedule`, issues);
  if (head === null) return;
  const key = JSON.stringify([head.creatorId, head.weekStart]);
  if (seen.has(key)) {
    issues.push(
      skipped(
        `${path}.schedule`,
        'one week per creator and week start',
        `${head.creatorId} ${head.weekStart} again`,
      ),
    );
    return;
  }
  seen.add(key);

  const items: ItemView[] = [];
  (rowsOf(head.items) ?? []).forEach((u, i) => {
    const item = decode(ItemViewC, u, `${path}.schedule.items[${i}]`, issues);
    if (item !== null) items.push(item);
  });
  const slots = new Set(items.map((i) => i.slotId));

  // Outcomes: the caller's records, else recorded here from the actuals.
  const actuals = readField(entry, 'actuals');
  const outcomes = readField(entry, 'outcomes');
  let prediction: PredictionKpiRecord | null = null;
  let earnings = new Map<string, number>();
  if (actuals !== undefined && actuals !== null) {
    try {
      const r = recordOutcomes(schedule as ScheduleResult, actuals as WeekActuals, policy);
      for (const i of r.issues)
        issues.push(
          i.code === 'actual_skipped'
            ? issue(
                'actual_skipped',
                i.details as IssueDetailsByCode['actual_skipped'],
                `${path}.${i.path ?? 'actuals'}`,
              )
            : i,
        );
      prediction = r.volumePrediction;
      earnings = earningsBySlot(actuals, slots);
    } catch {
      issues.push(
        skipped(`${path}.schedule`, 'a schedule as buildSchedule answers it', 'a partial schedule'),
      );
    }
  }
  if (outcomes !== undefined && outcomes !== null) {
    const p = decode(
      PredictionViewC,
      readField(outcomes, 'volumePrediction'),
      `${path}.outcomes.volumePrediction`,
      issues,
    );
    if (p !== null) prediction = p;
  }
  if (prediction !== null)
    out.predictions.push({
      outcomeMeasured: prediction.outcomeMeasured,
      predictedRevenuePerDay: prediction.predictedRevenuePerDay,
      actualRevenuePerDay: prediction.actualRevenuePerDay,
    });

  // Trait-recommended sends: the caller's slot ids, else the week's own trait analysis.
  const override = readField(entry, 'traitRecommendedSlotIds');
  let isTrait: ((i: ItemView) => boolean) | null = null;
  if (override !== undefined && override !== null) {
    const ids = rowsOf(override);
    if (ids === null || !ids.every((s) => typeof s === 'string'))
      issues.push(skipped(`${path}.traitRecommendedSlotIds`, 'an array of slot ids', override));
    else {
      const set = new Set(ids as ReadonlyArray<string>);
      isTrait = (i) => set.has(i.slotId);
    }
  } else {
    const recs = traitRecsOf(schedule);
    if (recs.length > 0) isTrait = (i) => recs.some((r) => carriesTrait(i, r, policy));
  }

  const sends = items.filter((i) => !i.isFollowUp);
  if (isTrait !== null) {
    const traitOf = isTrait;
    for (const i of sends) {
      const usd = earnings.get(i.slotId);
      if (usd !== undefined && SEND_TYPES[i.sendTypeKey].category === 'revenue')
        out.traitSends.push({ traitRecommended: traitOf(i), earnings: usd });
    }
  }

  for (const i of sends)
    if (isCampaignType(i.campaignType))
      out.campaigns.push({
        creatorId: head.creatorId,
        campaignType: i.campaignType,
        date: i.scheduledDate,
      });

  // Days: every date of the week, an empty one included.
  const bySlot = new Map(items.map((i) => [i.slotId, i]));
  const countsAgainst = (f: ItemView): string =>
    (f.parentItemId == null ? undefined : bySlot.get(f.parentItemId))?.scheduledDate ??
    f.scheduledDate;
  const followups = items.filter((i) => i.isFollowUp);
  for (const date of weekDatesFrom(head.weekStart)) {
    out.bumpRatioDays.push({
      creatorId: head.creatorId,
      date,
      items: items
        .filter((i) => i.scheduledDate === date)
        .map((i) => ({ sendTypeKey: i.sendTypeKey, isFollowUp: i.isFollowUp })),
      config: head.creator,
    });
    out.followupDays.push({
      creatorId: head.creatorId,
      date,
      followups: followups.filter((f) => countsAgainst(f) === date).length,
    });
  }

  out.weeks.push(items.map((i) => ({ sendTypeKey: i.sendTypeKey })));

  for (const i of sends) {
    const usd = earnings.get(i.slotId);
    if (i.sendTypeKey === 'game_post' && isGameType(i.gameType) && usd !== undefined)
      out.games.push({
        gameType: i.gameType,
        earnings: usd,
        date: i.scheduledDate,
        creatorId: head.creatorId,
      });
  }
};

const readGames = (u: unknown, path: string, issues: Issue[]): GamePerformance[] => {
  if (u === undefined || u === null) return [];
  const rows = rowsOf(u);
  if (rows === null) {
    issues.push(skipped(path, 'an array of game results', u));
    return [];
  }
  return rows.flatMap((r, i) => {
    const g = decode(GamePerformanceC, r, `${path}[${i}]`, issues);
    return g === null ? [] : [g];
  });
};

const collect = (input: unknown, issues: Issue[], policy: SchedulePolicy): DashboardKpiRecords => {
  const out: Collected = {
    campaigns: [],
    bumpRatioDays: [],
    predictions: [],
    traitSends: [],
    followupDays: [],
    weeks: [],
    games: [],
  };
  if (!isRecord(input)) {
    issues.push(
      skipped('input', 'dashboard records ({ weeks, gameResults?, gameHistory? })', input),
    );
    return EMPTY_RECORDS;
  }
  issues.push(...unknownKeys(input, INPUT_KEYS, (k) => k));
  const weeks = rowsOf(readField(input, 'weeks'));
  if (weeks === null) issues.push(skipped('weeks', 'an array of weeks', readField(input, 'weeks')));
  const seen = new Set<string>();
  (weeks ?? []).forEach((w, i) => {
    readWeek(w, `weeks[${i}]`, seen, out, issues, policy);
  });
  const gameResults = readGames(readField(input, 'gameResults'), 'gameResults', issues);
  const gameHistory = readGames(readField(input, 'gameHistory'), 'gameHistory', issues);
  return { ...out, games: [...out.games, ...gameResults], gameHistory };
};

/**
 * Computes the eight dashboard KPIs of seed 000 task 3.8 for one set of records: the weeks a
 * caller built (`buildSchedule`) with their actual results or recorded outcomes
 * (`recordOutcomes`), and game results.
 *
 * The input (`DashboardKpiInput`) is read into plain records (`DashboardKpiRecords`, answered
 * as `records`), and `kpisFromRecords` computes every KPI from them:
 *
 * 1. `campaignFrequencyAdherence` (%): the weeks' campaigns, per creator and type, across weeks.
 * 2. `bumpRatioCompliance` (%): every date of every week (7 a week), a day without PPVs not
 *    compliant.
 * 3. `volumePredictionMape` (%): each week's volume prediction, from `outcomes` or else
 *    recorded from `actuals`.
 * 4. `traitRecommendationLift` (%): the non-follow-up revenue sends with an actual, in the weeks
 *    whose sends can be told apart: the caller's `traitRecommendedSlotIds`, or else the
 *    significant recommendations of the week's trait analysis (`volume.traitAnalysis`): a send
 *    whose `contentTypeId` is a recommended content type, whose caption has a recommended tone
 *    (`detectTone`), or whose caption length is in the optimal range, when those are
 *    recommended. A week without either takes no part.
 * 5. `followupLimitUtilization` (%): every date of every week, each follow-up counted on its
 *    parent's date (as the limiter counts it).
 * 6. `weeklyLimitViolations` (count): each week's items.
 * 7. `gameTypeRevenueVariance` (ratio): the weeks' `game_post` items with a game type and an
 *    actual, and `gameResults`.
 * 8. `bayesianEstimateAccuracy` (%): the same games, each estimated from `gameHistory` and the
 *    games of the same creator on earlier dates.
 *
 * Errors (never thrown): what cannot be read is a `kpi_record_skipped` warning at its path
 * (`weeks[2].schedule.items[5].scheduledDate`, `gameResults[0].earnings`, an unknown key, a
 * second entry for one creator and week); the actuals' own problems are `recordOutcomes`'
 * `actual_skipped` warnings under the week's path; each KPI whose value is `null` is a
 * `kpi_not_computable` info with its reason. No clock is read.
 *
 * Source: 000 task 3.8; issue 8 ("all eight KPIs are computed from one set of records").
 *
 * @param input - the records (`DashboardKpiInput`; any value is accepted and read
 *   defensively, as from JSON).
 * @param policy - the rules and `policy.kpis` (default `DEFAULT_POLICY`).
 *
 * @example
 * const week = await buildSchedule({ creatorId: 'c1', weekStart: '2025-01-20', seed: 1 })(ports)();
 * const { kpis, issues } = computeDashboardKpis({ weeks: [{ schedule: week.right, actuals }] });
 * kpis.followupLimitUtilization // { value: 96.43, unit: '%', status: 'ok', ... }
 *
 * @since 0.3.0
 * @category analytics
 */
export const computeDashboardKpis = (
  input: DashboardKpiInput,
  policy: SchedulePolicy = DEFAULT_POLICY,
): DashboardKpis => {
  const issues: Issue[] = [];
  let records: DashboardKpiRecords;
  let kpis: Readonly<Record<KpiMetric, KpiResult>>;
  try {
    records = collect(input, issues, policy);
    kpis = kpisFromRecords(records, policy);
  } catch (e) {
    issues.push(
      issue('internal_error', {
        reason: `dashboard KPIs: ${e instanceof Error ? e.message : showReceived(e)}`,
      }),
    );
    records = EMPTY_RECORDS;
    kpis = Object.fromEntries(
      KPI_METRICS.map((m) => [m, notComputableKpi(m, 'input_unreadable', DEFAULT_POLICY)]),
    ) as Record<KpiMetric, KpiResult>;
  }
  for (const m of KPI_METRICS) {
    const k = kpis[m];
    if (k.value === null && k.reason !== null)
      issues.push(issue('kpi_not_computable', { metric: m, reason: k.reason }));
  }
  return { kpis, records, issues };
};
