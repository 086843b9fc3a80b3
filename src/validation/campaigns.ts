/**
 * The campaign checks of phase 7: the task 3.2 frequency validator over the week and the
 * campaigns of the lookback window, and the week's game limit.
 *
 * Source: seed 000 task 3.2 `validate_campaign_frequency`; RULINGS "Campaigns and games".
 *
 * @module
 */
import { gameLimitIssues, validateCampaignFrequency } from '../campaigns/frequency';
import { type Issue, issue } from '../domain/issues';
import { addDaysIso, isIsoDate } from '../domain/time';
import type { ScheduleItem } from '../domain/types';
import type { ValidationInput } from './types';

/**
 * The week's allocated items as `validateCampaignFrequency` reads them, without the ones that
 * cannot change its answer (issue 11: a week's items are read once, not twice each): an item
 * without a campaign type (`null` or absent) counts only by its date (the first and the last
 * date of the window), so of those on one readable `scheduledDate` (`isIsoDate`, the date the
 * validator then reads) the first is kept and the others left out; every other item is kept, in
 * order. An item whose fields cannot be read is kept for the validator to judge.
 */
const campaignReadOf = (items: ReadonlyArray<ScheduleItem>): ReadonlyArray<ScheduleItem> => {
  const out: ScheduleItem[] = [];
  const dates = new Map<string, boolean>();
  for (const i of items) {
    if (i.isFollowUp) continue;
    let plain = false;
    try {
      const campaignType: unknown = i.campaignType;
      const date: unknown = i.scheduledDate;
      if ((campaignType === null || campaignType === undefined) && typeof date === 'string') {
        const seen = dates.get(date);
        if (seen === undefined) dates.set(date, isIsoDate(date));
        else plain = seen;
      }
    } catch {
      plain = false;
    }
    if (!plain) out.push(i);
  }
  return out;
};

/**
 * The campaign frequency check (`validateCampaignFrequency`) over the week's items and the
 * campaigns already sent (`input.campaignHistory`) in the `policy.campaigns.lookbackDays` (30)
 * days that end with the week: spacing findings for the week's own campaigns (a gap that ends
 * inside the week), the monthly projection per type and in all. Issues: `campaign_same_day`
 * (error), `campaign_too_close`, `campaign_gap_exceeded`, `campaign_under_scheduled`
 * (warnings), `campaign_total_low` (error), `campaign_missing` (info).
 *
 * Source: 000 task 3.2; RULINGS "Campaigns and games" (total, monthly projection, spacing unit).
 *
 * @since 0.3.0
 * @category validation
 */
export const checkCampaignFrequency = (input: ValidationInput): ReadonlyArray<Issue> => {
  const first = input.weekDates[0];
  const last = input.weekDates[input.weekDates.length - 1];
  if (first === undefined || last === undefined) return [];
  const lookback = input.policy.campaigns.lookbackDays;
  const from = addDaysIso(last, -(lookback - 1));
  const past = (input.campaignHistory ?? [])
    .filter((c) => c.date >= from && c.date < first)
    .map((c) => ({ campaignType: c.campaignType, scheduledDate: c.date }));
  // Days covered run from the first campaign of the window (or the week's first day) to the
  // week's last day (RULINGS "monthly projection": count x 30 / days covered).
  const bounds = [{ scheduledDate: first }, { scheduledDate: last }];
  const week = campaignReadOf(input.items);
  const found = validateCampaignFrequency([...past, ...bounds, ...week], {
    lookbackDays: lookback,
    reportFrom: first,
    policy: input.policy,
  });
  // The week cannot send the past again: when the window is short of the monthly minimum only
  // because of the weeks before, and the week on its own projects at least the minimum, the
  // shortfall is the history's (a warning), not the week's error. Less data never does worse.
  const own = validateCampaignFrequency([...bounds, ...week], { policy: input.policy });
  return found.issues.map((i) =>
    i.code === 'campaign_total_low' &&
    own.totalMonthlyProjection >= input.policy.campaigns.minPerMonth
      ? issue('campaign_history_low', {
          monthlyProjection: found.totalMonthlyProjection,
          weekProjection: own.totalMonthlyProjection,
          minPerMonth: input.policy.campaigns.minPerMonth,
          daysCovered: found.daysCovered,
        })
      : i,
  );
};

/**
 * The week's game limit (`gameLimitIssues`): spin the wheel once, another game at most once in
 * 7 days, every `game_post` a planned game campaign. Error `game_limit_exceeded`.
 *
 * Source: RULINGS "Campaigns and games" (games).
 *
 * @since 0.3.0
 * @category validation
 */
export const checkGameLimits = (input: ValidationInput): ReadonlyArray<Issue> =>
  gameLimitIssues(input.items, input.weekDates.length, input.policy);
