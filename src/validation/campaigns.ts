/**
 * The campaign checks of phase 7: the task 3.2 frequency validator over the week and the
 * campaigns of the lookback window, and the week's game limit.
 *
 * Source: seed 000 task 3.2 `validate_campaign_frequency`; RULINGS "Campaigns and games".
 *
 * @module
 */
import { gameLimitIssues, validateCampaignFrequency } from '../campaigns/frequency';
import type { Issue } from '../domain/issues';
import { addDaysIso } from '../domain/time';
import type { ValidationInput } from './types';

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
  return validateCampaignFrequency(
    [...past, ...bounds, ...input.items.filter((i) => !i.isFollowUp)],
    { lookbackDays: lookback, reportFrom: first, policy: input.policy },
  ).issues;
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
