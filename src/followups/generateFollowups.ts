/**
 * Phase 6: follow-ups for the timed sends that can have one.
 *
 * Source: seed 001 §6.1-§6.5; seed 003 task 2.3 (delay window); seed 000 gap 5.1 and task 3.4
 * (cap and priority); RULINGS "Follow-ups".
 *
 * @module
 */
import {
  FOLLOWUP_SEND_TYPE,
  SEND_TYPES,
  type SendTypeKey,
  type SendTypeSpec,
} from '../domain/catalog';
import { type Issue, issue } from '../domain/issues';
import { targetOfSendType } from '../domain/rules';
import type { LoadedData, PhaseContext, TimedSlot, Timing, WithFollowups } from '../domain/stages';
import { clockTime, epochMinuteToIso, instantToLocal } from '../domain/time';
import type { Caption } from '../domain/types';
import { rngFrom } from '../random/rng';
import { followupWindowFor } from '../timing/profile';
import { enforceDailyFollowupLimit } from './limiter';
import { priorityFrom, type SendTypeHistory, sendTypeHistory } from './priority';
import { sampleFollowupDelay } from './sampler';
import { type DelayRejection, dayHasRoom, searchFollowupDelay } from './schedulePpvFollowup';

/** What the placement loop knows about the week so far. */
interface Occupancy {
  readonly minutes: Set<number>;
  /** Epoch minutes of the follow-ups (of the follow-up type) placed or already present. */
  readonly followupMinutes: number[];
  /** Uses per local clock time `HH:mm:ss`. */
  readonly clockUses: Map<string, number>;
}

const byTime = (a: TimedSlot, b: TimedSlot): number =>
  a.epochMinute - b.epochMinute || (a.slotId < b.slotId ? -1 : a.slotId > b.slotId ? 1 : 0);

/**
 * Generates the follow-ups of phase 6.
 *
 * Steps:
 * 1. Parents: timed slots whose send type `canHaveFollowup` and that are not follow-ups.
 *    The follow-up send type is the catalog entry with `generatedBy === 'followups'`; its
 *    category, channel and required target come from the table.
 * 2. Cap: at most `policy.followups.maxPerDay` per local date of the parent; when more qualify,
 *    `enforceDailyFollowupLimit` keeps the highest `followupPriority` (ties: earlier
 *    `epochMinute`, then `slotId`); each parent left out is reported as info `followup_limit`.
 *    The cap is applied before placement: a kept parent whose follow-up cannot be placed does
 *    not hand its place to another parent.
 * 3. Delay: drawn with `sampleFollowupDelay` from `rngFrom(seed, creatorId, slotId, 'followup')`
 *    (mean 28, sd 8, truncated to the window: 15-45, or the creator's window of
 *    `followupWindowFor(loaded.timingProfile)` when it is at least 10 minutes wide, 003 task
 *    2.8), then the delay in [min, max] closest to the draw (ties: the later) that is not a round
 *    minute, shares no minute with another send, keeps the follow-up type's
 *    `minMinutesBetween` from every other follow-up, does not use a local clock time more than
 *    `policy.timing.maxClockTimeUsesPerWeek` times, and stays on the parent's local date at or
 *    before `latestMinuteOfDay`, crossing midnight only when fewer than `minDelayMinutes` (15,
 *    whatever the creator's window) remain and `ctx.options.allowNextDayFollowups` is set
 *    (RULINGS "late parents"; the same search as `schedulePpvFollowup`, with the week's rules
 *    added). A parent with 15 minutes left whose creator window starts after 23:59 takes the
 *    default window cut at 23:59 (info `followup_window_default`, reason `late_parent`). If none works the
 *    follow-up is skipped: warning `late_night_followup` when only the midnight rule stood in
 *    the way of some delay, else warning `followup_skipped`. It is never moved to 08:00 the next day.
 * 4. Caption: the first candidate (already ranked) not used in the schedule; else
 *    `needsCaption`, `captionId: null`, `captionText: policy.content.manualCaptionText` and
 *    warning `manual_caption_required`.
 *
 * Parents are placed in time order. Returns every slot (timed slots and follow-ups) sorted by
 * `epochMinute` then `slotId`, the number generated, the caption ids used (the input ones
 * followed by the follow-ups') and the issues.
 *
 * Source: seed 001 §6; seed 003 task 2.3; seed 000 gap 5.1, task 3.4; RULINGS "Follow-ups".
 *
 * @example
 * import { generateFollowups } from 'eros-schedule';
 *
 * // `ctx` and `data` as in `trackVolume`'s example; `timing` (phase 5) and `content` (phase 3)
 * const withFollowups = generateFollowups(
 *   ctx,
 *   data.loaded,
 *   timing,
 *   content.followupCandidates,
 *   content.usedCaptionIds,
 * );
 * withFollowups.followupsGenerated; // 13
 * withFollowups.slots.filter((s) => s.isFollowUp).map((s) => s.followupDelayMinutes); // each 15-45
 *
 * @since 0.1.0
 * @category followups
 */
export const generateFollowups = (
  ctx: PhaseContext,
  loaded: LoadedData,
  timing: Timing,
  candidates: ReadonlyArray<Caption>,
  usedCaptionIds: ReadonlyArray<string>,
): WithFollowups => {
  const spec: SendTypeSpec | undefined = FOLLOWUP_SEND_TYPE;
  const issues: Issue[] = [];
  if (spec === undefined || !spec.pageTypes.includes(ctx.creator.pageType)) {
    if (spec !== undefined)
      issues.push(
        issue('followups_not_applicable', {
          sendTypeKey: spec.sendTypeKey,
          pageType: ctx.creator.pageType,
        }),
      );
    return {
      slots: [...timing.slots].sort(byTime),
      followupsGenerated: 0,
      usedCaptionIds: [...usedCaptionIds],
      issues,
    };
  }

  const parents = selectParents(ctx, loaded, timing.slots, issues);
  const f = ctx.policy.followups;
  // 003 task 2.8: the creator's window when the profile gives one at least 10 minutes wide,
  // else 15-45 (RULINGS "creator window"); always inside 15-45.
  const window = followupWindowFor(loaded.timingProfile ?? null, ctx.policy);
  const profileAvg = loaded.timingProfile?.avgResponseMinutes ?? null;
  const used = new Set(usedCaptionIds);
  const captionIds: string[] = [...usedCaptionIds];
  const followups: TimedSlot[] = [];
  const clockUses = new Map<string, number>();
  for (const s of timing.slots)
    clockUses.set(s.scheduledTime, (clockUses.get(s.scheduledTime) ?? 0) + 1);
  // Issue 11: grown in place as the follow-ups are placed (no copy per parent)
  const occupancy: Occupancy = {
    minutes: new Set(timing.slots.map((s) => s.epochMinute)),
    followupMinutes: timing.slots
      .filter((s) => s.isFollowUp || s.sendTypeKey === spec.sendTypeKey)
      .map((s) => s.epochMinute),
    clockUses,
  };

  for (const parent of parents) {
    const search = (minMinutes: number, maxMinutes: number) => {
      const [drawn] = sampleFollowupDelay(
        rngFrom(ctx.seed, ctx.creator.creatorId, parent.slotId, 'followup'),
        { ...f, minDelayMinutes: minMinutes, maxDelayMinutes: maxMinutes },
      );
      return {
        sampled: drawn,
        ...searchFollowupDelay({
          parentEpochMinute: parent.epochMinute,
          parentDate: parent.scheduledDate,
          parentMinuteOfDay: parent.minuteOfDay,
          timeZone: ctx.creator.timezone,
          sampled: drawn,
          minMinutes,
          maxMinutes,
          allowNextDay: ctx.options.allowNextDayFollowups,
          latestMinuteOfDay: f.latestMinuteOfDay,
          roomMinutes: f.minDelayMinutes,
          policy: ctx.policy,
          occupied: (epochMinute, local) =>
            weekRejections(ctx, spec, epochMinute, local.minuteOfDay, occupancy),
        }),
      };
    };
    let found = search(window.minMinutes, window.maxMinutes);
    // RULINGS "late parents": a parent with the 15 minutes left keeps its follow-up on its day;
    // when the creator's window starts too late for that, the default window (cut at 23:59).
    if (
      found.delay === null &&
      window.source === 'profile' &&
      profileAvg !== null &&
      dayHasRoom(parent.minuteOfDay, f.minDelayMinutes, f.latestMinuteOfDay) &&
      !dayHasRoom(parent.minuteOfDay, window.minMinutes, f.latestMinuteOfDay)
    ) {
      const fallback = search(f.minDelayMinutes, f.maxDelayMinutes);
      if (fallback.delay !== null) {
        found = fallback;
        issues.push(
          issue(
            'followup_window_default',
            {
              avgResponseMinutes: profileAvg,
              minMinutes: window.minMinutes,
              maxMinutes: window.maxMinutes,
              reason: 'late_parent',
              parentItemId: parent.slotId,
            },
            `slots.${parent.slotId}`,
          ),
        );
      }
    }
    const { delay, rejections, sampled } = found;
    if (delay === null) {
      const onlyMidnight = [...rejections.values()].some(
        (w) => w.length === 1 && w[0] === 'midnight',
      );
      issues.push(
        onlyMidnight
          ? issue(
              'late_night_followup',
              {
                parentItemId: parent.slotId,
                parentDate: parent.scheduledDate,
                parentTime: parent.scheduledTime,
                sampledDelayMinutes: sampled,
              },
              `slots.${parent.slotId}`,
            )
          : issue(
              'followup_skipped',
              {
                parentItemId: parent.slotId,
                sampledDelayMinutes: sampled,
                minDelayMinutes: window.minMinutes,
                maxDelayMinutes: window.maxMinutes,
                rejections: Object.fromEntries(rejections),
              },
              `slots.${parent.slotId}`,
            ),
      );
      continue;
    }

    const unused = candidates.filter((c) => !used.has(c.captionId));
    const caption = unused[0] ?? null;
    if (caption !== null) {
      used.add(caption.captionId);
      captionIds.push(caption.captionId);
    } else {
      issues.push(
        issue(
          'followup_manual_caption',
          { slotId: `${parent.slotId}_followup`, sendTypeKey: spec.sendTypeKey },
          `slots.${parent.slotId}_followup`,
        ),
      );
    }

    const epochMinute = parent.epochMinute + delay;
    const slot = buildFollowup(
      ctx,
      spec,
      parent,
      epochMinute,
      delay,
      sampled,
      rejections.get(sampled) ?? [],
      caption,
      unused.length,
    );
    followups.push(slot);
    occupancy.minutes.add(epochMinute);
    occupancy.followupMinutes.push(epochMinute);
    occupancy.clockUses.set(
      slot.scheduledTime,
      (occupancy.clockUses.get(slot.scheduledTime) ?? 0) + 1,
    );
  }

  return {
    slots: [...timing.slots, ...followups].sort(byTime),
    followupsGenerated: followups.length,
    usedCaptionIds: captionIds,
    issues,
  };
};

/**
 * Eligible parents after the daily cap (`enforceDailyFollowupLimit`, the parents in time order
 * so equal priorities keep the earlier parent), in time order; the parents left out are
 * reported, by date and then rank.
 */
const selectParents = (
  ctx: PhaseContext,
  loaded: LoadedData,
  slots: ReadonlyArray<TimedSlot>,
  issues: Issue[],
): ReadonlyArray<TimedSlot> => {
  const eligible = slots
    .filter((s) => !s.isFollowUp && SEND_TYPES[s.sendTypeKey].canHaveFollowup)
    .sort(byTime);
  // Issue 11: each send type's history read once (not once per parent)
  const stats = new Map<SendTypeKey, SendTypeHistory>();
  const statsOf = (key: SendTypeKey): SendTypeHistory => {
    const known = stats.get(key);
    if (known !== undefined) return known;
    const s = sendTypeHistory(loaded.history, key);
    stats.set(key, s);
    return s;
  };
  const limited = enforceDailyFollowupLimit(
    eligible.map((slot) => ({
      id: slot.slotId,
      date: slot.scheduledDate,
      priority: priorityFrom(slot, statsOf(slot.sendTypeKey), ctx.creator.timezone, ctx.policy)
        .priority,
      slot,
    })),
    { maxPerDay: ctx.policy.followups.maxPerDay, policy: ctx.policy },
  );
  for (const r of limited.removed)
    issues.push(
      issue(
        'followup_limit',
        { parentItemId: r.id, date: r.date, priority: r.priority, maxPerDay: r.maxPerDay },
        `slots.${r.id}`,
      ),
    );
  return limited.kept.map((p) => p.slot);
};

/**
 * The rules of the week a follow-up at `epochMinute` breaks (the round-minute and midnight
 * rules are `searchFollowupDelay`'s): a taken minute, the follow-up type's gap, a clock time
 * used the weekly maximum.
 */
const weekRejections = (
  ctx: PhaseContext,
  spec: SendTypeSpec,
  epochMinute: number,
  minuteOfDay: number,
  occ: Occupancy,
): ReadonlyArray<DelayRejection> => {
  const out: DelayRejection[] = [];
  if (occ.minutes.has(epochMinute)) out.push('minute_taken');
  if (occ.followupMinutes.some((m) => Math.abs(m - epochMinute) < spec.minMinutesBetween))
    out.push('followup_gap');
  if ((occ.clockUses.get(clockTime(minuteOfDay)) ?? 0) >= ctx.policy.timing.maxClockTimeUsesPerWeek)
    out.push('clock_time_repeated');
  return out;
};

const buildFollowup = (
  ctx: PhaseContext,
  spec: SendTypeSpec,
  parent: TimedSlot,
  epochMinute: number,
  delay: number,
  sampled: number,
  sampledRejections: ReadonlyArray<DelayRejection>,
  caption: Caption | null,
  candidateCount: number,
): TimedSlot => {
  const scheduledAt = epochMinuteToIso(epochMinute);
  const local = instantToLocal(scheduledAt, ctx.creator.timezone);
  const adjusted = delay !== sampled;
  return {
    slotId: `${parent.slotId}_followup`,
    date: parent.date,
    dayIndex: parent.dayIndex,
    sendTypeKey: spec.sendTypeKey,
    category: spec.category,
    priority: parent.priority,
    ppvStyle: null,
    campaignType: null,
    gameType: null,
    strategyUsed: parent.strategyUsed,
    flavorEmphasis: parent.flavorEmphasis,
    captionId: caption?.captionId ?? null,
    captionText: caption?.text ?? ctx.policy.content.manualCaptionText,
    scores: null,
    captionReason: {
      source: caption === null ? 'manual' : 'followup_pool',
      level: null,
      minFreshness: null,
      minPerformance: null,
      candidates: candidateCount,
      scores: null,
    },
    contentTypeId: null,
    mediaType: 'none',
    flyerRequired: false,
    needsCaption: caption === null,
    targetKey: targetOfSendType(spec),
    channelKey: spec.channel,
    targetReason: {
      sendTypeTarget: targetOfSendType(spec),
      sendTypeChannel: spec.channel,
      fallbacks: [],
    },
    scheduledDate: local.date,
    movedFromDate: null,
    minuteOfDay: local.minuteOfDay,
    scheduledTime: clockTime(local.minuteOfDay),
    scheduledAt,
    epochMinute,
    expiresAt:
      spec.expirationHours === null
        ? null
        : epochMinuteToIso(epochMinute + spec.expirationHours * 60),
    variationMetadata: {
      baseHour: Math.floor(parent.minuteOfDay / 60),
      timeShift: delay,
      jitter: 0,
      dailyStrategy: parent.variationMetadata.dailyStrategy,
      primeHoursUsed: parent.variationMetadata.primeHoursUsed,
      timeAdjusted: adjusted,
      adjustmentReason: adjusted ? sampledRejections.join(',') || null : null,
      fallbackUsed: false,
    },
    isFollowUp: true,
    parentItemId: parent.slotId,
    followupDelayMinutes: delay,
  };
};
