/**
 * The campaign frequency validator of seed 000 task 3.2 and the week's game limit.
 *
 * Source: seed 000 task 3.2 `validate_campaign_frequency`; RULINGS "Campaigns and games"
 * (total, monthly projection, spacing unit, games, A/B arms).
 *
 * @module
 */
import { CAMPAIGN_TYPES, type CampaignType } from '../domain/catalog';
import { type Issue, issue } from '../domain/issues';
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import { addDaysIso, daysBetween, isIsoDate } from '../domain/time';

/**
 * Why each campaign type has its cadence: the seed's `rationale` texts.
 * Source: 000 task 3.2 `CAMPAIGN_FREQUENCY_RULES[type]['rationale']`.
 *
 * @since 0.3.0
 * @category campaigns
 */
export const CAMPAIGN_RATIONALES: Readonly<Record<CampaignType, string>> = Object.freeze({
  descriptive_wall_campaign: 'Top converters (8 of top 10 in 365-day analysis)', // 000 task 3.2
  bundle_wall_campaign: 'Value-focused, needs spacing for scarcity', // 000 task 3.2
  spin_the_wheel_game: 'High single performance ($5,178 reference), weekly cadence', // 000 task 3.2
  game_other: 'Lower-performing game types', // 000 task 3.2
});

/**
 * An item as the validator reads it: any record with a `campaignType` (other values and `null`
 * are not campaigns) and its local date `scheduledDate` (`YYYY-MM-DD`), or else the UTC date of
 * `scheduledAt`. Items without a readable date are left out.
 *
 * @since 0.3.0
 * @category campaigns
 */
export interface CampaignFrequencyItem {
  /** The item's campaign type, one of `CAMPAIGN_TYPES`; another value, `null` or absent: not a campaign. */
  readonly campaignType?: string | null;
  /** The item's local calendar date, `YYYY-MM-DD`; preferred over `scheduledAt`. */
  readonly scheduledDate?: string;
  /** The item's send instant (ISO 8601); its UTC date is used when `scheduledDate` is absent or unreadable. */
  readonly scheduledAt?: string;
}

/**
 * Options of `validateCampaignFrequency`.
 *
 * - `lookbackDays`: only items on the `lookbackDays` local dates ending at the latest item's
 *   date count (default `policy.campaigns.lookbackDays`, 30);
 * - `reportFrom`: spacing findings are reported only for a campaign on or after this date (the
 *   pipeline passes the week's first date, so the history's own gaps are not the week's); by
 *   default every pair is checked;
 * - `policy`: the rules (`policy.campaigns`); an A/B arm's policy is checked against its own
 *   targets (RULINGS "A/B arms").
 *
 * @since 0.3.0
 * @category campaigns
 */
export interface CampaignFrequencyOptions {
  /**
   * Days counted: the local dates ending at the latest item's date (a finite number >= 1,
   * floored; default `policy.campaigns.lookbackDays`, 30).
   */
  readonly lookbackDays?: number;
  /**
   * Local date `YYYY-MM-DD`: spacing findings only for a campaign on or after it (the pipeline
   * passes the week's first date); absent: every pair is checked.
   */
  readonly reportFrom?: string;
  /** The rules (`policy.campaigns`; default `DEFAULT_POLICY`); an A/B arm passes its own. */
  readonly policy?: Pick<SchedulePolicy, 'campaigns'>;
}

/**
 * One warning of the seed: `type` (a campaign type or `overall`), `message`, `severity`
 * (`critical`, `high`, `medium`, the seed's words) and the type's `rationale` where the seed
 * gives one.
 *
 * @since 0.3.0
 * @category campaigns
 */
export interface CampaignFrequencyWarning {
  /** The campaign type the warning is about, or `overall` for the monthly total. */
  readonly type: CampaignType | 'overall';
  /** The message of the matching issue, for people. */
  readonly message: string;
  /**
   * The seed's severity: `critical` (same day, total below `minPerMonth`), `high` (too close,
   * under-scheduled) or `medium` (gap exceeded).
   */
  readonly severity: 'critical' | 'high' | 'medium';
  /** The type's `CAMPAIGN_RATIONALES` text; only on under-scheduled warnings. */
  readonly rationale?: string;
}

/**
 * One recommendation of the seed (a campaign type with none scheduled).
 *
 * @since 0.3.0
 * @category campaigns
 */
export interface CampaignFrequencyRecommendation {
  /** The campaign type with none scheduled in the lookback. */
  readonly type: CampaignType;
  /** The message of the matching `campaign_missing` issue, for people. */
  readonly message: string;
  /** The type's `CAMPAIGN_RATIONALES` text. */
  readonly rationale: string;
}

/**
 * The validator's answer, the seed's result in camelCase plus the numbers behind it.
 *
 * - `isValid`: no `critical` warning (the seed's rule).
 * - `totalMonthlyProjection`: campaigns x `daysPerMonth` / `daysCovered` (RULINGS "monthly
 *   projection").
 * - `monthlyProjections`: the same per campaign type (0 for a type with none).
 * - `daysCovered`: local days from the first to the last dated item, inclusive (at least 1;
 *   7 when no item has a date, the seed's fallback).
 * - `counts`: campaigns per type inside the lookback.
 * - `issues`: the warnings and recommendations as issues of the issue table
 *   (`campaign_same_day` error, `campaign_too_close` warning, `campaign_gap_exceeded` warning,
 *   `campaign_under_scheduled` warning, `campaign_total_low` error, `campaign_missing` info).
 *
 * @since 0.3.0
 * @category campaigns
 */
export interface CampaignFrequencyResult {
  /** `true` when no warning is `critical` (the seed's rule). */
  readonly isValid: boolean;
  /** The seed's warnings: per-type spacing and volume, then the `overall` total. */
  readonly warnings: ReadonlyArray<CampaignFrequencyWarning>;
  /** One per campaign type with none scheduled in the lookback. */
  readonly recommendations: ReadonlyArray<CampaignFrequencyRecommendation>;
  /** Campaigns a month: campaigns x `daysPerMonth` (30) / `daysCovered`. */
  readonly totalMonthlyProjection: number;
  /** The same projection per campaign type (0 for a type with none). */
  readonly monthlyProjections: Readonly<Record<CampaignType, number>>;
  /** Local days from the first to the last dated item, inclusive (at least 1; 7 when no item has a date). */
  readonly daysCovered: number;
  /** Campaigns per type inside the lookback. */
  readonly counts: Readonly<Record<CampaignType, number>>;
  /** The warnings and recommendations as issues of the issue table (`campaign_*` codes). */
  readonly issues: ReadonlyArray<Issue>;
}

/** Each field is read once (a getter may answer differently on a second read). */
/**
 * How the days between two campaigns of a type stand against its rule (000 task 3.2): `0`
 * days is `same_day`, fewer than `minDaysBetween` `too_close`, more than `maxDaysBetween`
 * `too_far`, else `null` (the spacing holds). The one spacing predicate of the validator and
 * the campaign-adherence KPI.
 *
 * @example
 * campaignGapFinding(2, { minDaysBetween: 2, maxDaysBetween: 3 }) // null
 * campaignGapFinding(5, { minDaysBetween: 2, maxDaysBetween: 3 }) // 'too_far'
 *
 * Source: 000 task 3.2 `validate_campaign_frequency` (days_apart checks).
 *
 * @since 0.3.0
 * @category campaigns
 */
export const campaignGapFinding = (
  daysApart: number,
  rule: { readonly minDaysBetween: number; readonly maxDaysBetween: number },
): 'same_day' | 'too_close' | 'too_far' | null =>
  daysApart === 0
    ? 'same_day'
    : daysApart < rule.minDaysBetween
      ? 'too_close'
      : daysApart > rule.maxDaysBetween
        ? 'too_far'
        : null;

const dateOf = (item: CampaignFrequencyItem): string | null => {
  try {
    const scheduledDate: unknown = item.scheduledDate;
    if (typeof scheduledDate === 'string' && isIsoDate(scheduledDate)) return scheduledDate;
    const scheduledAt: unknown = item.scheduledAt;
    if (typeof scheduledAt === 'string' && Number.isFinite(Date.parse(scheduledAt))) {
      const date = new Date(Date.parse(scheduledAt)).toISOString().slice(0, 10);
      return isIsoDate(date) ? date : null;
    }
  } catch {
    return null;
  }
  return null;
};

/** The readable dated items; an item (or a list) that cannot be read is left out. */
const datedItems = (
  items: unknown,
): Array<{ readonly date: string; readonly campaignType: unknown }> => {
  const dated: Array<{ readonly date: string; readonly campaignType: unknown }> = [];
  try {
    if (!Array.isArray(items)) return dated;
    for (const item of items as ReadonlyArray<unknown>) {
      try {
        if (typeof item !== 'object' || item === null) continue;
        const date = dateOf(item as CampaignFrequencyItem);
        const campaignType: unknown = (item as CampaignFrequencyItem).campaignType;
        if (date !== null) dated.push({ date, campaignType });
      } catch {
        // an item whose fields cannot be read (a throwing getter, a hostile Proxy)
      }
    }
  } catch {
    // a list that cannot be read (a revoked or hostile Proxy): the items read so far
  }
  return dated;
};

/** The options' fields, read once; a field (or options) that cannot be read is the default. */
const readOptions = (
  options: unknown,
): {
  readonly lookbackDays: unknown;
  readonly reportFrom: unknown;
  readonly policy: unknown;
} => {
  const field = (key: 'lookbackDays' | 'reportFrom' | 'policy'): unknown => {
    try {
      return typeof options === 'object' && options !== null
        ? (options as Record<string, unknown>)[key]
        : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    lookbackDays: field('lookbackDays'),
    reportFrom: field('reportFrom'),
    policy: field('policy'),
  };
};

/**
 * Checks that campaigns are scheduled at the task 3.2 frequencies:
 * - spacing per type, on local calendar dates (RULINGS "spacing unit"): two on one date is
 *   `critical` (`campaign_same_day`), fewer days than `minDaysBetween` is `high`
 *   (`campaign_too_close`), more than `maxDaysBetween` is `medium` (`campaign_gap_exceeded`);
 * - volume per type: its monthly projection below the low end of `monthlyTarget` is `high`
 *   (`campaign_under_scheduled`); a type with none is a recommendation (`campaign_missing`);
 * - the total: a projection below `minPerMonth` (14) is `critical` (`campaign_total_low`).
 * Projections are `count x 30 / daysCovered` (RULINGS "monthly projection"). Pure; never
 * throws (unreadable items are left out).
 *
 * @param items - plain records (`CampaignFrequencyItem`): schedule items, history campaigns.
 * @param options - `lookbackDays`, `reportFrom`, `policy` (`CampaignFrequencyOptions`).
 *
 * @example
 * // desc every 2-3 days, a bundle, spin and another game in one week of 7 days:
 * validateCampaignFrequency(items).isValid // true
 * // only 2 campaigns in the week: 2 x 30 / 7 = 8.6 a month < 14
 * validateCampaignFrequency(two).warnings.at(-1)?.severity // 'critical'
 *
 * Source: 000 task 3.2 `validate_campaign_frequency`; RULINGS "Campaigns and games".
 *
 * @since 0.3.0
 * @category campaigns
 */
export const validateCampaignFrequency = (
  items: ReadonlyArray<CampaignFrequencyItem>,
  options: CampaignFrequencyOptions = {},
): CampaignFrequencyResult => {
  const o = readOptions(options);
  const policy = (o.policy ?? DEFAULT_POLICY) as Pick<SchedulePolicy, 'campaigns'>;
  const c = policy.campaigns;
  const lookback =
    typeof o.lookbackDays === 'number' && Number.isFinite(o.lookbackDays) && o.lookbackDays >= 1
      ? Math.floor(o.lookbackDays)
      : c.lookbackDays;
  const reportFrom = typeof o.reportFrom === 'string' ? o.reportFrom : undefined;
  const dated = datedItems(items);
  const latest = dated.reduce<string | null>(
    (m, x) => (m === null || x.date > m ? x.date : m),
    null,
  );
  // A lookback longer than the calendar can count (past year 275760) cuts nothing.
  let from: string | null = null;
  try {
    from = latest === null ? null : addDaysIso(latest, -(lookback - 1));
  } catch {
    from = null;
  }
  const inWindow = dated.filter((x) => from === null || x.date >= from);
  const first = inWindow.reduce<string | null>(
    (m, x) => (m === null || x.date < m ? x.date : m),
    null,
  );
  const daysCovered =
    first === null || latest === null ? 7 : Math.max(1, daysBetween(first, latest) + 1);
  const project = (n: number) => (n * c.daysPerMonth) / daysCovered;

  const warnings: CampaignFrequencyWarning[] = [];
  const recommendations: CampaignFrequencyRecommendation[] = [];
  const issues: Issue[] = [];
  const counts = {} as Record<CampaignType, number>;
  const monthlyProjections = {} as Record<CampaignType, number>;
  const reportable = (date: string) => reportFrom === undefined || date >= reportFrom;

  for (const type of CAMPAIGN_TYPES) {
    const rule = c.rules[type];
    const rationale = CAMPAIGN_RATIONALES[type];
    const dates = inWindow
      .filter((x) => x.campaignType === type)
      .map((x) => x.date)
      .sort();
    counts[type] = dates.length;
    monthlyProjections[type] = project(dates.length);
    if (dates.length === 0) {
      const i = issue('campaign_missing', {
        campaignType: type,
        monthlyTarget: rule.monthlyTarget,
        rationale,
      });
      issues.push(i);
      recommendations.push({ type, message: i.message, rationale });
      continue;
    }
    for (let k = 1; k < dates.length; k++) {
      const previousDate = dates[k - 1] as string;
      const date = dates[k] as string;
      if (!reportable(date)) continue;
      const daysApart = daysBetween(previousDate, date);
      const finding = campaignGapFinding(daysApart, rule);
      const found =
        finding === 'same_day'
          ? ([issue('campaign_same_day', { campaignType: type, date }), 'critical'] as const)
          : finding === 'too_close'
            ? ([
                issue('campaign_too_close', {
                  campaignType: type,
                  date,
                  previousDate,
                  daysApart,
                  minDaysBetween: rule.minDaysBetween,
                }),
                'high',
              ] as const)
            : finding === 'too_far'
              ? ([
                  issue('campaign_gap_exceeded', {
                    campaignType: type,
                    date,
                    previousDate,
                    daysApart,
                    maxDaysBetween: rule.maxDaysBetween,
                  }),
                  'medium',
                ] as const)
              : null;
      if (found === null) continue;
      issues.push(found[0]);
      warnings.push({ type, message: found[0].message, severity: found[1] });
    }
    const projection = monthlyProjections[type];
    const [lo] = rule.monthlyTarget;
    if (projection < lo) {
      const i = issue('campaign_under_scheduled', {
        campaignType: type,
        monthlyProjection: projection,
        monthlyTarget: rule.monthlyTarget,
        shortfall: lo - projection,
        rationale,
      });
      issues.push(i);
      warnings.push({ type, message: i.message, severity: 'high', rationale });
    }
  }
  const total = CAMPAIGN_TYPES.reduce((s, t) => s + counts[t], 0);
  const totalMonthlyProjection = project(total);
  if (totalMonthlyProjection < c.minPerMonth) {
    const i = issue('campaign_total_low', {
      monthlyProjection: totalMonthlyProjection,
      minPerMonth: c.minPerMonth,
      daysCovered,
    });
    issues.push(i);
    warnings.push({ type: 'overall', message: i.message, severity: 'critical' });
  }
  return {
    isValid: !warnings.some((w) => w.severity === 'critical'),
    warnings,
    recommendations,
    totalMonthlyProjection,
    monthlyProjections,
    daysCovered,
    counts,
    issues,
  };
};

/**
 * The week's game limit (RULINGS "games": a week holds no more game posts than the cadence
 * allows): per game campaign type at most `ceil(days / minDaysBetween)` in the week (spin the
 * wheel once, another game once in 7 days), and every `game_post` carries a game type.
 * One `game_limit_exceeded` error per type over its limit; a `game_post` without a campaign is
 * counted under `game_post`, whose limit is 0. Pure.
 *
 * @param items - the week's items (`sendTypeKey`, `campaignType`).
 * @param days - days in the week (7).
 *
 * @example
 * gameLimitIssues([{ sendTypeKey: 'game_post', campaignType: 'spin_the_wheel_game' }], 7) // []
 *
 * Source: RULINGS "Campaigns and games" (games); 000 task 3.2 (days between).
 *
 * @since 0.3.0
 * @category campaigns
 */
export const gameLimitIssues = (
  items: ReadonlyArray<{ readonly sendTypeKey: string; readonly campaignType?: string | null }>,
  days: number,
  policy: Pick<SchedulePolicy, 'campaigns'> = DEFAULT_POLICY,
): ReadonlyArray<Issue> => {
  const out: Issue[] = [];
  const games = items.filter((i) => i.sendTypeKey === 'game_post');
  for (const type of ['spin_the_wheel_game', 'game_other'] as const) {
    const count = games.filter((g) => g.campaignType === type).length;
    const max = Math.ceil(days / policy.campaigns.rules[type].minDaysBetween);
    if (count > max) out.push(issue('game_limit_exceeded', { campaignType: type, count, max }));
  }
  const loose = games.filter(
    (g) => g.campaignType !== 'spin_the_wheel_game' && g.campaignType !== 'game_other',
  ).length;
  if (loose > 0)
    out.push(issue('game_limit_exceeded', { campaignType: 'game_post', count: loose, max: 0 }));
  return out;
};
