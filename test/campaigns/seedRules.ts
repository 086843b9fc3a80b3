/**
 * The test oracle's own copy of seed 000 task 3.2 `CAMPAIGN_FREQUENCY_RULES` and the RULINGS
 * "Campaigns and games" numbers, written as literals (never read from `src`'s policy), and a
 * calendar-day helper of its own (plain UTC arithmetic, not `src/domain/time`).
 */

export type SeedCampaignType =
  | 'descriptive_wall_campaign'
  | 'bundle_wall_campaign'
  | 'spin_the_wheel_game'
  | 'game_other';

export interface SeedRule {
  readonly minDaysBetween: number;
  readonly maxDaysBetween: number;
  readonly monthlyTarget: readonly [number, number];
  readonly rationale: string;
}

/** 000 task 3.2 `CAMPAIGN_FREQUENCY_RULES`. */
export const SEED_RULES: Readonly<Record<SeedCampaignType, SeedRule>> = {
  descriptive_wall_campaign: {
    minDaysBetween: 2,
    maxDaysBetween: 3,
    monthlyTarget: [10, 15],
    rationale: 'Top converters (8 of top 10 in 365-day analysis)',
  },
  spin_the_wheel_game: {
    minDaysBetween: 7,
    maxDaysBetween: 7,
    monthlyTarget: [4, 5],
    rationale: 'High single performance ($5,178 reference), weekly cadence',
  },
  bundle_wall_campaign: {
    minDaysBetween: 5,
    maxDaysBetween: 7,
    monthlyTarget: [4, 6],
    rationale: 'Value-focused, needs spacing for scarcity',
  },
  game_other: {
    minDaysBetween: 7,
    maxDaysBetween: 14,
    monthlyTarget: [2, 4],
    rationale: 'Lower-performing game types',
  },
};

export const SEED_TYPES: ReadonlyArray<SeedCampaignType> = [
  'descriptive_wall_campaign',
  'spin_the_wheel_game',
  'bundle_wall_campaign',
  'game_other',
];

/** 000 task 3.2 overall check / RULINGS "total": at least 14 campaigns a month. */
export const MIN_PER_MONTH = 14;
/** 000 task 3.2 `monthly_projection = len(dates) * (30 / schedule_days)`. */
export const DAYS_PER_MONTH = 30;
/** RULINGS "total": at least 4 campaigns in every 7-day week (4 x 30 / 7 = 17). */
export const MIN_PER_WEEK = 4;
/** 001 §2.4 / RULINGS "weekly caps": tip_goal 3 a week. */
export const TIP_GOAL_WEEKLY_CAP = 3;

/** Calendar days from `a` to `b` (`YYYY-MM-DD`), by UTC midnight arithmetic. */
export const dayDiff = (a: string, b: string): number =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** `date` plus `n` calendar days. */
export const plusDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The 7 dates from `start`. */
export const weekOf = (start: string): string[] =>
  Array.from({ length: 7 }, (_, i) => plusDays(start, i));
