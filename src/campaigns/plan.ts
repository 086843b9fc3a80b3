/**
 * The campaign cadence planned, not only checked: which days of a week carry which campaigns,
 * continuing the spacing of the campaigns already sent, and which game each game post plays.
 *
 * Source: seed 000 task 3.2 (`CAMPAIGN_FREQUENCY_RULES`), task 3.6 (the game tracker), gap 7.2;
 * RULINGS "Campaigns and games" (cadence, total, games, spacing unit, avoid list vs cadence),
 * "Allocation" (campaigns); docs/rulings.md "Campaign cadence".
 *
 * @module
 */

import {
  GAME_BENCHMARKS,
  type GameBenchmark,
  type GameRecommendations,
} from '../analytics/gameTracker';
import {
  CAMPAIGN_TYPES,
  type CampaignType,
  GAME_TYPES,
  type GameType,
  isCampaignType,
  isGameType,
  SEND_TYPES,
  type SendTypeKey,
} from '../domain/catalog';
import { type Issue, issue } from '../domain/issues';
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import { daysBetween, instantToLocal, isIsoDate, isTimeZone } from '../domain/time';
import type { CampaignRecord, MassMessage } from '../domain/types';

/**
 * A campaign on a local calendar date (RULINGS "spacing unit": days between campaigns are
 * counted on the creator's local dates).
 *
 * @since 0.3.0
 * @category campaigns
 */
export interface DatedCampaign {
  /** The campaign's type (a `game_post` with a game and no type counts by `campaignTypeOfGame`). */
  readonly campaignType: CampaignType;
  /** Local date `YYYY-MM-DD` in the creator's zone. */
  readonly date: string;
  /** The game played, `null` when the campaign is not a game or its game type is not known. */
  readonly gameType: GameType | null;
  /** USD, `null` when not known. */
  readonly earnings: number | null;
}

/**
 * The campaign type a game post of `gameType` counts as (RULINGS "Allocation": spin the wheel
 * is `spin_the_wheel_game`, every other game `game_other`).
 *
 * @example
 * campaignTypeOfGame('spin_the_wheel') // 'spin_the_wheel_game'
 * campaignTypeOfGame('mystery_box')    // 'game_other'
 *
 * Source: 000 task 3.2; RULINGS "Allocation" (campaigns).
 *
 * @since 0.3.0
 * @category campaigns
 */
export const campaignTypeOfGame = (gameType: GameType): CampaignType =>
  gameType === 'spin_the_wheel' ? 'spin_the_wheel_game' : 'game_other';

/**
 * The campaigns already sent, on the creator's local dates, oldest first: the history rows
 * that carry a `campaignType` (or a `game_post` that carries a `gameType`, counted by
 * `campaignTypeOfGame`) and the rows of the optional campaign port. A campaign found in both
 * (same type, same instant) is kept once, the port's row first; two campaigns of a type on one
 * date at different instants are both kept (the game tracker reads each game's earnings). Rows
 * whose instant cannot be read are left out. Pure.
 *
 * @param history - mass-message history (`MassMessage.campaignType`, `MassMessage.gameType`).
 * @param records - the `getCampaignHistory` port's answer (empty without the port).
 * @param timeZone - the creator's IANA zone; an invalid zone gives `[]`.
 *
 * Source: 000 task 3.2 (the campaigns of the lookback window); RULINGS "Campaigns and games"
 * (cadence continues across weeks, spacing unit).
 *
 * @since 0.3.0
 * @category campaigns
 */
export const sentCampaigns = (
  history: ReadonlyArray<MassMessage>,
  records: ReadonlyArray<CampaignRecord>,
  timeZone: string,
): ReadonlyArray<DatedCampaign> => {
  if (!isTimeZone(timeZone)) return [];
  const out: DatedCampaign[] = [];
  const seen = new Set<string>();
  const add = (
    campaignType: CampaignType,
    sentAt: string,
    gameType: GameType | null,
    earnings: number | null,
  ) => {
    if (!Number.isFinite(Date.parse(sentAt))) return;
    const date = instantToLocal(sentAt, timeZone).date;
    const key = `${campaignType}|${Date.parse(sentAt)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ campaignType, date, gameType, earnings });
  };
  for (const r of records)
    add(r.campaignType, r.sentAt, isGameType(r.gameType) ? r.gameType : null, r.earnings);
  for (const m of history) {
    const game = isGameType(m.gameType) ? m.gameType : null;
    const type = isCampaignType(m.campaignType)
      ? m.campaignType
      : game !== null && m.sendTypeKey === 'game_post'
        ? campaignTypeOfGame(game)
        : null;
    if (type !== null) add(type, m.sentAt, game, m.earnings);
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
};

/**
 * One planned campaign: its local date, type and the send type that carries it
 * (`campaignSendOf`), with the game of a game campaign.
 *
 * @since 0.3.0
 * @category campaigns
 */
export interface PlannedCampaign {
  /** Local date `YYYY-MM-DD`. */
  readonly date: string;
  /** The campaign's type. */
  readonly campaignType: CampaignType;
  /** The send type that carries the campaign on this page (`CampaignPlanInput.sendTypeOf`). */
  readonly sendTypeKey: SendTypeKey;
  /** The game a game campaign plays (`GameChoice`), `null` for a wall campaign. */
  readonly gameType: GameType | null;
  /** Days since the previous campaign of the type (history or this plan), `null` for a first. */
  readonly daysSincePrevious: number | null;
}

/**
 * What the planner needs besides the policy.
 *
 * - `weekDates`: the week's local dates, in order.
 * - `sent`: the campaigns already sent (`sentCampaigns`), dates before the week.
 * - `sendTypeOf`: the send type of a campaign type on this page, `null` when the page cannot
 *   send it (the vault cannot serve the type).
 * - `gameTypes`: the games of the two game campaigns (`chooseGameTypes`); a `null` game skips
 *   the campaign (every game is on the avoid list).
 *
 * @since 0.3.0
 * @category campaigns
 */
export interface CampaignPlanInput {
  /** The week's local dates `YYYY-MM-DD`, in order. */
  readonly weekDates: ReadonlyArray<string>;
  /** The campaigns already sent (`sentCampaigns`), on dates before the week. */
  readonly sent: ReadonlyArray<DatedCampaign>;
  /** The send type of a campaign type on this page, `null` when the page or vault cannot send it. */
  readonly sendTypeOf: (campaignType: CampaignType) => SendTypeKey | null;
  /** The games of the two game campaigns (`chooseGameTypes`); a `null` game skips its campaign. */
  readonly gameTypes: GameChoice;
}

/**
 * A week's planned campaigns, in date then `CAMPAIGN_TYPES` order, and the issues of planning:
 * `campaign_unavailable` (warning: the page or vault cannot send a type), `game_type_substituted`
 * (info: spin the wheel is on the avoid list and its weekly slot plays the recommended game),
 * `game_campaign_skipped` (warning: every other game is on the avoid list),
 * `campaign_week_short` (warning: fewer than the week's minimum could be planned).
 *
 * @since 0.3.0
 * @category campaigns
 */
export interface CampaignPlan {
  /** The planned campaigns, in date then `CAMPAIGN_TYPES` order. */
  readonly campaigns: ReadonlyArray<PlannedCampaign>;
  /** `campaign_unavailable`, `game_type_substituted`, `game_campaign_skipped`, `campaign_week_short`. */
  readonly issues: ReadonlyArray<Issue>;
}

/**
 * Plans a week's campaigns by the task 3.2 table (RULINGS "cadence": the table is the plan).
 *
 * For each campaign type, in `CAMPAIGN_TYPES` order, day by day, with `gap` the local days since
 * its previous campaign (sent or planned) and `recent` its campaigns in the
 * `policy.campaigns.daysPerMonth` (30) days before the day:
 * - a type with no previous campaign starts on the day of the first `min(maxDaysBetween, 7)`
 *   days that carries the fewest campaigns so far (the earliest of equals), so a new creator's
 *   campaigns spread over the week;
 * - otherwise the day takes one when `gap >= maxDaysBetween` (it is due), or when
 *   `gap >= minDaysBetween` and `recent + 1 <= plannedPerMonth` (the type is under its planned
 *   monthly count) - deferred by a day when the day already carries another campaign, the next
 *   day of the week is free and the deferral keeps `gap + 1 <= maxDaysBetween`;
 * - never more of a send type than its weekly cap (tip_goal 3).
 * The week's minimum is `ceil(minPerMonth x 7 / daysPerMonth)` (14 a month: 4 a week, RULINGS
 * "total"); while the plan is short of it, the day and type with room that keep
 * `gap >= minDaysBetween` on both sides are added (earliest day, `CAMPAIGN_TYPES` order);
 * a week still short is reported. Pure and deterministic.
 *
 * @example
 * // a new creator on a free page: desc on days 1, 3, 5, 7, bundle days 2 and 7, spin day 4,
 * // other game day 6
 * planCampaigns({ weekDates, sent: [], sendTypeOf, gameTypes }, DEFAULT_POLICY).campaigns.length // 8
 *
 * Source: 000 task 3.2; RULINGS "Campaigns and games"; docs/rulings.md "Campaign cadence".
 *
 * @since 0.3.0
 * @category campaigns
 */
export const planCampaigns = (
  input: CampaignPlanInput,
  policy: Pick<SchedulePolicy, 'campaigns'> = DEFAULT_POLICY,
): CampaignPlan => {
  const c = policy.campaigns;
  const dates = input.weekDates.filter(isIsoDate);
  const issues: Issue[] = [];
  const planned: PlannedCampaign[] = [];
  const perDate = new Map<string, number>(dates.map((d) => [d, 0]));
  const perSendType = new Map<SendTypeKey, number>();
  const datesOf = (type: CampaignType): string[] =>
    [
      ...input.sent.filter((s) => s.campaignType === type && s.date < (dates[0] ?? '')),
      ...planned.filter((p) => p.campaignType === type),
    ]
      .map((x) => x.date)
      .sort();
  const capOf = (k: SendTypeKey): number => SEND_TYPES[k].weeklyCap ?? Number.POSITIVE_INFINITY;
  const gameOf = (type: CampaignType): GameType | null =>
    type === 'spin_the_wheel_game'
      ? input.gameTypes.spin
      : type === 'game_other'
        ? input.gameTypes.other
        : null;
  const place = (type: CampaignType, sendTypeKey: SendTypeKey, date: string): void => {
    const previous = datesOf(type).filter((d) => d < date);
    const last = previous[previous.length - 1];
    planned.push({
      date,
      campaignType: type,
      sendTypeKey,
      gameType: gameOf(type),
      daysSincePrevious: last === undefined ? null : daysBetween(last, date),
    });
    perDate.set(date, (perDate.get(date) ?? 0) + 1);
    perSendType.set(sendTypeKey, (perSendType.get(sendTypeKey) ?? 0) + 1);
  };

  const usable: Array<{ type: CampaignType; sendTypeKey: SendTypeKey }> = [];
  for (const type of CAMPAIGN_TYPES) {
    const sendTypeKey = input.sendTypeOf(type);
    if (sendTypeKey === null) {
      issues.push(issue('campaign_unavailable', { campaignType: type }));
      continue;
    }
    if (gameOf(type) === null && (type === 'spin_the_wheel_game' || type === 'game_other')) {
      issues.push(issue('game_campaign_skipped', { campaignType: type }));
      continue;
    }
    usable.push({ type, sendTypeKey });
  }

  for (const { type, sendTypeKey } of usable) {
    const rule = c.rules[type];
    for (let i = 0; i < dates.length; i++) {
      const date = dates[i] as string;
      if ((perSendType.get(sendTypeKey) ?? 0) >= capOf(sendTypeKey)) break;
      const before = datesOf(type);
      const last = before[before.length - 1];
      if (last === undefined) {
        const span = Math.min(rule.maxDaysBetween, 7, dates.length);
        let best = 0;
        for (let j = 1; j < span; j++)
          if ((perDate.get(dates[j] as string) ?? 0) < (perDate.get(dates[best] as string) ?? 0))
            best = j;
        if (best !== i) {
          if (best > i) i = best - 1;
          continue;
        }
        place(type, sendTypeKey, date);
        continue;
      }
      const gap = daysBetween(last, date);
      const recent = before.filter((d) => daysBetween(d, date) < c.daysPerMonth).length;
      const due = gap >= rule.maxDaysBetween;
      const wanted = gap >= rule.minDaysBetween && recent + 1 <= rule.plannedPerMonth;
      if (!due && !wanted) continue;
      const next = dates[i + 1];
      if (
        !due &&
        (perDate.get(date) ?? 0) > 0 &&
        next !== undefined &&
        (perDate.get(next) ?? 0) === 0 &&
        gap + 1 <= rule.maxDaysBetween
      )
        continue;
      place(type, sendTypeKey, date);
    }
  }

  const minimum = Math.ceil((c.minPerMonth * dates.length) / c.daysPerMonth);
  for (const date of dates) {
    for (const { type, sendTypeKey } of usable) {
      if (planned.length >= minimum) break;
      if ((perSendType.get(sendTypeKey) ?? 0) >= capOf(sendTypeKey)) continue;
      const rule = c.rules[type];
      const all = datesOf(type);
      const before = all.filter((d) => d < date);
      const after = all.filter((d) => d > date);
      const last = before[before.length - 1];
      const next = after[0];
      if (all.includes(date)) continue;
      if (last !== undefined && daysBetween(last, date) < rule.minDaysBetween) continue;
      if (next !== undefined && daysBetween(date, next) < rule.minDaysBetween) continue;
      place(type, sendTypeKey, date);
    }
  }
  if (planned.length < minimum)
    issues.push(issue('campaign_week_short', { planned: planned.length, minimum }));
  const spin = input.gameTypes.spin;
  if (
    input.gameTypes.spinSubstituted &&
    spin !== null &&
    planned.some((p) => p.campaignType === 'spin_the_wheel_game')
  )
    issues.push(
      issue('game_type_substituted', {
        campaignType: 'spin_the_wheel_game',
        from: 'spin_the_wheel',
        to: spin,
      }),
    );
  const order = (t: CampaignType) => CAMPAIGN_TYPES.indexOf(t);
  return {
    campaigns: planned.sort(
      (a, b) =>
        (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
        order(a.campaignType) - order(b.campaignType),
    ),
    issues,
  };
};

/**
 * The games of the week's two game campaigns: `spin` for the weekly spin-the-wheel slot,
 * `other` for the other-game slot, each `null` when no game may be played.
 *
 * @since 0.3.0
 * @category campaigns
 */
export interface GameChoice {
  /** The game of the weekly spin-the-wheel slot (`spin_the_wheel` unless avoided), `null` when none may be played. */
  readonly spin: GameType | null;
  /** The game of the other-game slot (best estimate not avoided, not `spin`), `null` when every one is avoided. */
  readonly other: GameType | null;
  /** Whether spin the wheel is on the avoid list and its slot plays `spin` instead. */
  readonly spinSubstituted: boolean;
}

/**
 * Chooses the games from the tracker's answer (RULINGS "games", "avoid list vs cadence"):
 * - the spin slot plays `spin_the_wheel`; when the tracker's avoid list holds it, the slot plays
 *   the tracker's `recommended` type instead (`spinSubstituted`). The avoid list wins over the
 *   recommendation too: when `recommended` is itself avoided (every type with history is below
 *   the threshold, spin the wheel then the seed's best of them), the slot plays the game of the
 *   highest estimate that is not avoided, `null` (skipped) when there is none;
 * - the other-game slot plays the game other than spin the wheel (and other than the spin
 *   slot's game) of the highest estimate that is not on the avoid list: the posterior mean for a
 *   type with history, the benchmark average otherwise; ties in `GAME_TYPES` order; `null` when
 *   every one is avoided.
 *
 * @example
 * chooseGameTypes(getGameRecommendations([])) // { spin: 'spin_the_wheel', other: 'mystery_box', spinSubstituted: false }
 *
 * Source: 000 task 3.6 (`recommended`, `avoid`); RULINGS "Campaigns and games".
 *
 * @since 0.3.0
 * @category campaigns
 */
export const chooseGameTypes = (
  recommendations: GameRecommendations,
  benchmarks: Readonly<Record<GameType, GameBenchmark>> = GAME_BENCHMARKS,
): GameChoice => {
  const avoided = (t: GameType) => recommendations.avoid.includes(t);
  const estimate = (t: GameType): number =>
    recommendations.bayesianEstimates[t]?.posteriorMean ?? benchmarks[t].avgEarnings;
  /** The game of the highest estimate, not avoided and not excluded; ties in `GAME_TYPES` order. */
  const best = (excluded: ReadonlyArray<GameType>): GameType | null => {
    let found: GameType | null = null;
    for (const t of GAME_TYPES) {
      if (excluded.includes(t) || avoided(t) || estimate(t) < 0) continue;
      if (found === null || estimate(t) > estimate(found)) found = t;
    }
    return found;
  };
  const spinSubstituted = avoided('spin_the_wheel');
  const spin: GameType | null = !spinSubstituted
    ? 'spin_the_wheel'
    : !avoided(recommendations.recommended)
      ? recommendations.recommended
      : best(['spin_the_wheel']);
  const other = best(spin === null ? ['spin_the_wheel'] : ['spin_the_wheel', spin]);
  return { spin, other, spinSubstituted };
};
