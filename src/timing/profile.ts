/**
 * The creator timing profile: what a creator's own history says about timing (average audience
 * response time, peak engagement hour, a multi-time-zone audience, how varied the timing may
 * be), its boundary codec, and the pure adjustments it makes to the defaults: the follow-up
 * window, next-day follow-ups, the AM/PM preference and the jitter range.
 *
 * Source: seed 003 task 2.8 (`TimingProfileIntegration`); RULINGS "Follow-ups" (creator window).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { intInRange, nullable, numberInRange } from '../domain/codecs';
import { type Issue, issue } from '../domain/issues';
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import { stringUnion } from '../domain/policyCodec';
import { dayHalfOf } from '../domain/rules';

/**
 * How varied a creator's timing may be (003 task 2.8 `activity_indicators.timing_variation`).
 *
 * @since 0.3.0
 * @category timing
 */
export type TimingVariation = 'low' | 'medium' | 'high';

/**
 * A creator's timing profile, decoded (every field present).
 *
 * - `avgResponseMinutes`: average minutes the audience takes to respond to a message, `null`
 *   when unknown (003 task 2.8 `engagement_patterns.avg_response_minutes`).
 * - `peakEngagementHour`: local hour 0-23 of the highest engagement, `null` when unknown
 *   (`preferred_windows.peak_engagement_hour`).
 * - `multiTimezoneAudience`: the audience spans time zones, so follow-ups may cross midnight
 *   (`timezone_info.multi_timezone_audience`; unknown decodes to `false`, the seed's default).
 * - `timingVariation`: `low`, `medium` or `high` (`activity_indicators.timing_variation`; unknown
 *   decodes to `medium`, the seed's default).
 *
 * Source: seed 003 task 2.8.
 *
 * @since 0.3.0
 * @category timing
 */
export interface CreatorTimingProfile {
  /**
   * Average minutes the audience takes to respond to a message (0-1440), `null` when unknown.
   * Source: 003 task 2.8 `engagement_patterns.avg_response_minutes`.
   */
  readonly avgResponseMinutes: number | null;
  /**
   * Local hour 0-23 of the highest engagement, `null` when unknown. Source: 003 task 2.8
   * `preferred_windows.peak_engagement_hour`.
   */
  readonly peakEngagementHour: number | null;
  /**
   * The audience spans time zones, so follow-ups may cross midnight (unknown decodes to `false`).
   * Source: 003 task 2.8 `timezone_info.multi_timezone_audience`.
   */
  readonly multiTimezoneAudience: boolean;
  /**
   * How varied the timing may be (unknown decodes to `medium`). Source: 003 task 2.8
   * `activity_indicators.timing_variation`.
   */
  readonly timingVariation: TimingVariation;
}

/**
 * A timing profile as a port may send it: every field optional, `null` or absent for unknown.
 *
 * Source: seed 003 task 2.8.
 *
 * @since 0.3.0
 * @category timing
 */
export interface CreatorTimingProfileWire {
  /** Average audience response minutes (0-1440); absent or `null` when unknown. */
  readonly avgResponseMinutes?: number | null;
  /** Local hour 0-23 of peak engagement; absent or `null` when unknown. */
  readonly peakEngagementHour?: number | null;
  /** The audience spans time zones; absent or `null` decodes to `false`. */
  readonly multiTimezoneAudience?: boolean | null;
  /** How varied the timing may be; absent or `null` decodes to `medium`. */
  readonly timingVariation?: TimingVariation | null;
}

const AvgResponseMinutesC = numberInRange(0, 24 * 60);
const PeakHourC = intInRange(0, 23);
const TimingVariationC = stringUnion<TimingVariation>(['low', 'medium', 'high']);

const WireC = t.partial(
  {
    avgResponseMinutes: nullable(AvgResponseMinutesC),
    peakEngagementHour: nullable(PeakHourC),
    multiTimezoneAudience: nullable(t.boolean),
    timingVariation: nullable(TimingVariationC),
  },
  'CreatorTimingProfile',
);

const isProfile = (u: unknown): u is CreatorTimingProfile => {
  if (typeof u !== 'object' || u === null) return false;
  const p = u as Record<string, unknown>;
  return (
    (p.avgResponseMinutes === null || AvgResponseMinutesC.is(p.avgResponseMinutes)) &&
    (p.peakEngagementHour === null || PeakHourC.is(p.peakEngagementHour)) &&
    typeof p.multiTimezoneAudience === 'boolean' &&
    TimingVariationC.is(p.timingVariation)
  );
};

/**
 * The io-ts codec of a timing profile from a port (`getTimingProfile`): decodes the wire shape
 * (every field optional, `null` = unknown; extra fields ignored, as the other port codecs do)
 * into a `CreatorTimingProfile` with every field present: `avgResponseMinutes` a number in
 * 0..1440 minutes or `null`, `peakEngagementHour` an integer 0..23 or `null`,
 * `multiTimezoneAudience` `false` when unknown, `timingVariation` `medium` when unknown. A bad
 * field fails at its path (`timingProfile.peakEngagementHour: expected integer in 0..23 | null,
 * got 24` through `decodeWith`).
 *
 * Source: seed 003 task 2.8 (the `.get(..., default)` defaults); STYLE "io-ts".
 *
 * @example
 * CreatorTimingProfileC.decode({ avgResponseMinutes: 30 })
 * // Right({ avgResponseMinutes: 30, peakEngagementHour: null, multiTimezoneAudience: false, timingVariation: 'medium' })
 *
 * @since 0.3.0
 * @category timing
 */
export const CreatorTimingProfileC: t.Type<
  CreatorTimingProfile,
  CreatorTimingProfileWire,
  unknown
> = new t.Type<CreatorTimingProfile, CreatorTimingProfileWire, unknown>(
  'CreatorTimingProfile',
  isProfile,
  (u, c) => {
    const r = WireC.validate(u, c);
    if (E.isLeft(r)) return r;
    const w = r.right;
    return t.success({
      avgResponseMinutes: w.avgResponseMinutes ?? null,
      peakEngagementHour: w.peakEngagementHour ?? null,
      multiTimezoneAudience: w.multiTimezoneAudience ?? false,
      timingVariation: w.timingVariation ?? 'medium',
    });
  },
  (a) => ({ ...a }),
);

/**
 * The part of the policy the profile adjustments read: the default follow-up window
 * (`followups.minDelayMinutes`, `followups.maxDelayMinutes`), the `timingProfile` factors, the
 * AM/PM split (`rotation.amPmSplitHour`) and the jitter range (`timing.jitterMin`,
 * `timing.jitterMax`).
 *
 * @since 0.3.0
 * @category timing
 */
export type TimingProfilePolicy = Pick<
  SchedulePolicy,
  'followups' | 'timingProfile' | 'rotation' | 'timing'
>;

/**
 * A follow-up window in whole minutes after the parent, and where it came from.
 *
 * - `source`: `profile` when the creator's window is used, else `default`.
 * - `reason`: why the default is used: `no_profile` (no profile), `no_average` (the profile has
 *   no average response time), `too_narrow` (the creator's window is narrower than
 *   `timingProfile.minWindowWidthMinutes`); `null` when the profile's window is used.
 *
 * Source: seed 003 task 2.8; RULINGS "creator window".
 *
 * @since 0.3.0
 * @category timing
 */
export interface FollowupWindow {
  /** Shortest follow-up delay, whole minutes after the parent. */
  readonly minMinutes: number;
  /** Longest follow-up delay, whole minutes after the parent. */
  readonly maxMinutes: number;
  /** `profile` when the creator's window is used, else `default` (the policy's 15-45). */
  readonly source: 'profile' | 'default';
  /**
   * Why the default is used: `no_profile`, `no_average` (no average response time) or
   * `too_narrow` (narrower than `timingProfile.minWindowWidthMinutes`); `null` with `profile`.
   */
  readonly reason: 'no_profile' | 'no_average' | 'too_narrow' | null;
}

/** The creator's window before the width rule: `[max(15, floor(0.6 avg)), min(45, floor(1.5 avg))]`. */
const profileWindow = (
  avg: number,
  policy: TimingProfilePolicy,
): { readonly minMinutes: number; readonly maxMinutes: number } => ({
  minMinutes: Math.max(
    policy.followups.minDelayMinutes,
    Math.floor(avg * policy.timingProfile.windowMinFactor),
  ),
  maxMinutes: Math.min(
    policy.followups.maxDelayMinutes,
    Math.floor(avg * policy.timingProfile.windowMaxFactor),
  ),
});

/**
 * The follow-up window of a creator, in whole minutes after the parent.
 *
 * With an average response time `avg` (minutes), the creator's window is
 * `max(minDelayMinutes, floor(windowMinFactor x avg))` to
 * `min(maxDelayMinutes, floor(windowMaxFactor x avg))` (by default `max(15, floor(0.6 avg))` to
 * `min(45, floor(1.5 avg))`; `floor` is the seed's `int()` on a non-negative number). It is used
 * only when `max - min >= timingProfile.minWindowWidthMinutes` (10). Otherwise, and without a
 * profile or an average, the default window `followups.minDelayMinutes`-`maxDelayMinutes`
 * (15-45) with the reason. Never fails.
 *
 * Source: seed 003 task 2.8 `get_optimal_followup_window`; RULINGS "creator window".
 *
 * @example
 * followupWindowFor({ ...profile, avgResponseMinutes: 30 }) // { minMinutes: 18, maxMinutes: 45, source: 'profile', reason: null }
 * followupWindowFor({ ...profile, avgResponseMinutes: 10 }) // { minMinutes: 15, maxMinutes: 45, source: 'default', reason: 'too_narrow' }
 *
 * @since 0.3.0
 * @category timing
 */
export const followupWindowFor = (
  profile: CreatorTimingProfile | null,
  policy: TimingProfilePolicy = DEFAULT_POLICY,
): FollowupWindow => {
  const byDefault = (reason: 'no_profile' | 'no_average' | 'too_narrow'): FollowupWindow => ({
    minMinutes: policy.followups.minDelayMinutes,
    maxMinutes: policy.followups.maxDelayMinutes,
    source: 'default',
    reason,
  });
  if (profile === null) return byDefault('no_profile');
  const avg = profile.avgResponseMinutes;
  if (avg === null || !Number.isFinite(avg)) return byDefault('no_average');
  const w = profileWindow(avg, policy);
  return w.maxMinutes - w.minMinutes >= policy.timingProfile.minWindowWidthMinutes
    ? { ...w, source: 'profile', reason: null }
    : byDefault('too_narrow');
};

/**
 * Whether follow-ups of this creator may cross midnight: the profile's `multiTimezoneAudience`;
 * `false` without a profile.
 *
 * Source: seed 003 task 2.8 `should_allow_next_day_followup`.
 *
 * @since 0.3.0
 * @category timing
 */
export const allowNextDayFor = (profile: CreatorTimingProfile | null): boolean =>
  profile?.multiTimezoneAudience ?? false;

/**
 * The creator's preferred half of the day: `AM` when the peak engagement hour (0-23 local) is
 * before `rotation.amPmSplitHour` (12), else `PM` (`dayHalfOf`); `null` without a profile or a
 * peak hour.
 *
 * Source: seed 003 task 2.8 `get_am_pm_preference`.
 *
 * @example
 * amPmPreference({ ...profile, peakEngagementHour: 11 }) // 'AM'
 * amPmPreference({ ...profile, peakEngagementHour: 12 }) // 'PM'
 *
 * @since 0.3.0
 * @category timing
 */
export const amPmPreference = (
  profile: CreatorTimingProfile | null,
  policy: Pick<SchedulePolicy, 'rotation'> = DEFAULT_POLICY,
): 'AM' | 'PM' | null => {
  const hour = profile?.peakEngagementHour ?? null;
  if (hour === null) return null;
  // the same split as the same-style rule it serves (003 task 2.2 AM/PM)
  return dayHalfOf(hour * 60, policy.rotation);
};

/**
 * The jitter range of a creator, in whole minutes, from a base range `baseJitterMinutes`:
 * `low` variation `max(lowJitterMinMinutes, floor(base / lowJitterDivisor))` (by default
 * `max(1, floor(base / 2))`), `high` `min(highJitterMaxMinutes, base x highJitterFactor)`
 * (`min(8, base x 2)`), `medium` and no profile the base unchanged.
 *
 * Source: seed 003 task 2.8 `adjust_jitter_for_creator`.
 *
 * @example
 * jitterScaleFor({ ...profile, timingVariation: 'low' }, 7)  // 3
 * jitterScaleFor({ ...profile, timingVariation: 'high' }, 7) // 8
 *
 * @since 0.3.0
 * @category timing
 */
export const jitterScaleFor = (
  profile: CreatorTimingProfile | null,
  baseJitterMinutes: number,
  policy: Pick<SchedulePolicy, 'timingProfile'> = DEFAULT_POLICY,
): number => {
  const p = policy.timingProfile;
  switch (profile?.timingVariation) {
    case 'low':
      return Math.max(p.lowJitterMinMinutes, Math.floor(baseJitterMinutes / p.lowJitterDivisor));
    case 'high':
      return Math.min(p.highJitterMaxMinutes, baseJitterMinutes * p.highJitterFactor);
    default:
      return baseJitterMinutes;
  }
};

/**
 * A jitter range in whole minutes: every offset `o` with `jitterMin <= o <= jitterMax`.
 *
 * @since 0.3.0
 * @category timing
 */
export interface JitterRange {
  /** The earliest offset, minutes (<= 0). */
  readonly jitterMin: number;
  /** The latest offset, minutes (>= 0). */
  readonly jitterMax: number;
}

/**
 * The jitter range of a creator: each side of the policy's range (`timing.jitterMin`,
 * `timing.jitterMax`, -7..+8 by default) scaled by `jitterScaleFor` and kept inside that range,
 * which RULINGS "jitter" fixes: `low` variation gives -3..+4 (`floor(7 / 2)`, `floor(8 / 2)`),
 * `medium` and no profile -7..+8, and `high` (`min(8, 2 x base)`) cannot widen the range past
 * -7..+8, so it stays -7..+8. Never fails.
 *
 * Source: seed 003 task 2.8 `adjust_jitter_for_creator`, task 2.6 (the range); RULINGS
 * "Timing" (jitter in [-7, +8]).
 *
 * @example
 * jitterRangeFor({ ...profile, timingVariation: 'low' })  // { jitterMin: -3, jitterMax: 4 }
 * jitterRangeFor({ ...profile, timingVariation: 'high' }) // { jitterMin: -7, jitterMax: 8 }
 *
 * @since 0.3.0
 * @category timing
 */
export const jitterRangeFor = (
  profile: CreatorTimingProfile | null,
  policy: Pick<SchedulePolicy, 'timing' | 'timingProfile'> = DEFAULT_POLICY,
): JitterRange => {
  const { jitterMin, jitterMax } = policy.timing;
  const below = Math.min(-jitterMin, jitterScaleFor(profile, -jitterMin, policy));
  const above = Math.min(jitterMax, jitterScaleFor(profile, jitterMax, policy));
  return { jitterMin: below === 0 ? 0 : -below, jitterMax: above };
};

/**
 * What a timing profile changes, with the issues that report it.
 *
 * - `followupWindow`: `followupWindowFor(profile, policy)`.
 * - `allowNextDay`: the caller's `allowNextDayFollowups` when given, else
 *   `allowNextDayFor(profile)`.
 * - `amPmPreference`: `amPmPreference(profile, policy)`.
 * - `timingVariation`: the profile's, `medium` without a profile.
 * - `issues`: without a profile none; with one, info `timing_profile_applied` (the window,
 *   next-day follow-ups, the AM/PM preference, the timing variation and the jitter range of
 *   `jitterRangeFor`), and info `followup_window_default` when the creator's window is too
 *   narrow (RULINGS "creator window": the fallback is reported).
 *
 * @since 0.3.0
 * @category timing
 */
export interface TimingAdjustments {
  /** The creator's follow-up window (`followupWindowFor`). */
  readonly followupWindow: FollowupWindow;
  /** Whether follow-ups may cross midnight: the caller's `allowNextDayFollowups` when given, else `allowNextDayFor(profile)`. */
  readonly allowNextDay: boolean;
  /** The preferred half of the local day (`amPmPreference`), `null` without a profile or a peak hour. */
  readonly amPmPreference: 'AM' | 'PM' | null;
  /** The profile's timing variation, `medium` without a profile. */
  readonly timingVariation: TimingVariation;
  /** None without a profile; else info `timing_profile_applied`, and `followup_window_default` when the window is too narrow. */
  readonly issues: ReadonlyArray<Issue>;
}

/**
 * Every adjustment a creator's timing profile makes, and the issues reporting them (see
 * `TimingAdjustments`). Pure; never fails. `profile: null` (no profile) gives the defaults and
 * no issue. `caller.allowNextDayFollowups`, when given (the build's
 * `options.allowNextDayFollowups`), wins over the profile's `multiTimezoneAudience`: the
 * caller's explicit word is an override, the profile the creator's default.
 *
 * Source: seed 003 task 2.8; RULINGS "creator window".
 *
 * @example
 * timingAdjustmentsFor({ avgResponseMinutes: 10, peakEngagementHour: 21, multiTimezoneAudience: true, timingVariation: 'low' })
 * // followupWindow 15-45 (default, too_narrow), allowNextDay true, 'PM', issues:
 * // [timing_profile_applied, followup_window_default]
 *
 * @since 0.3.0
 * @category timing
 */
export const timingAdjustmentsFor = (
  profile: CreatorTimingProfile | null,
  policy: TimingProfilePolicy = DEFAULT_POLICY,
  caller: { readonly allowNextDayFollowups?: boolean | undefined } = {},
): TimingAdjustments => {
  const followupWindow = followupWindowFor(profile, policy);
  const allowNextDay = caller.allowNextDayFollowups ?? allowNextDayFor(profile);
  const preference = amPmPreference(profile, policy);
  const timingVariation = profile?.timingVariation ?? 'medium';
  const issues: Issue[] = [];
  if (profile !== null) {
    issues.push(
      issue(
        'timing_profile_applied',
        {
          followupWindow: {
            min: followupWindow.minMinutes,
            max: followupWindow.maxMinutes,
            source: followupWindow.source,
          },
          allowNextDay,
          amPmPreference: preference,
          timingVariation,
          jitterMinutes: (({ jitterMin, jitterMax }) => ({ min: jitterMin, max: jitterMax }))(
            jitterRangeFor(profile, policy),
          ),
        },
        'timingProfile',
      ),
    );
    if (followupWindow.reason === 'too_narrow' && profile.avgResponseMinutes !== null) {
      const refused = profileWindow(profile.avgResponseMinutes, policy);
      issues.push(
        issue(
          'followup_window_default',
          {
            avgResponseMinutes: profile.avgResponseMinutes,
            minMinutes: refused.minMinutes,
            maxMinutes: refused.maxMinutes,
            reason: 'too_narrow',
          },
          'timingProfile.avgResponseMinutes',
        ),
      );
    }
  }
  return { followupWindow, allowNextDay, amPmPreference: preference, timingVariation, issues };
};
