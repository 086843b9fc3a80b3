/**
 * Hand-built phase inputs for the follow-up tests.
 */
import {
  type Caption,
  clockTime,
  DEFAULT_POLICY,
  epochMinuteToIso,
  type LoadedData,
  localToEpochMinute,
  type MassMessage,
  type PhaseContext,
  type ScheduleItem,
  SEND_TYPES,
  type SendTypeKey,
  type TimedSlot,
  type Timing,
  weekDatesFrom,
} from '../../src/index';
import { ownTargetReason, poolCaptionReason } from '../support/reasons';

export const WEEK_START = '2025-01-20';

export const makeCtx = (
  over: {
    timezone?: string;
    allowNextDayFollowups?: boolean;
    seed?: string;
    weekStart?: string;
    maxPerDay?: number;
  } = {},
): PhaseContext => ({
  creator: {
    creatorId: 'creator_1',
    pageType: 'paid',
    fanCount: 2500,
    timezone: over.timezone ?? 'America/New_York',
    contentPageType: 'nude',
    subType: 'gfe',
    performanceTier: 2,
  },
  weekDates: weekDatesFrom(over.weekStart ?? WEEK_START),
  seed: over.seed ?? 'seed-1',
  options: {
    allowNextDayFollowups: over.allowNextDayFollowups ?? false,
    manualConfidenceOverride: false,
    save: false,
    trackPrediction: false,
  },
  policy:
    over.maxPerDay === undefined
      ? DEFAULT_POLICY
      : {
          ...DEFAULT_POLICY,
          followups: { ...DEFAULT_POLICY.followups, maxPerDay: over.maxPerDay },
        },
});

export const makeLoaded = (history: ReadonlyArray<MassMessage> = []): LoadedData => ({
  trends: null,
  contentRankings: null,
  history,
  vault: null,
  timing: { peakHours: [19, 20, 21], avoidHours: [3, 4, 5], hourlyPerformance: {} },
  timingIsDefault: true,
  persona: null,
  rotationState: null,
  timingProfile: null,
  activePins: [],
  issues: [],
});

/** A timed slot of `sendTypeKey` at local `date` + `minuteOfDay`. */
export const makeSlot = (
  ctx: PhaseContext,
  slotId: string,
  date: string,
  minuteOfDay: number,
  sendTypeKey: SendTypeKey = 'ppv_unlock',
): TimedSlot => {
  const spec = SEND_TYPES[sendTypeKey];
  const epochMinute = localToEpochMinute(date, minuteOfDay, ctx.creator.timezone);
  return {
    slotId,
    ppvStyle: null,
    campaignType: null,
    gameType: null,
    date,
    dayIndex: Math.max(0, ctx.weekDates.indexOf(date)),
    sendTypeKey,
    category: spec.category,
    priority: 1,
    strategyUsed: 'balanced_standard',
    flavorEmphasis: 'none',
    captionId: `cap_${slotId}`,
    captionText: 'hey babe',
    scores: null,
    captionReason: poolCaptionReason,
    contentTypeId: null,
    mediaType: spec.mediaType,
    flyerRequired: spec.requiresFlyer,
    needsCaption: false,
    targetKey: spec.requiredTarget ?? spec.defaultTarget ?? 'all_active',
    channelKey: spec.channel,
    targetReason: ownTargetReason(sendTypeKey),
    scheduledDate: date,
    movedFromDate: null,
    minuteOfDay,
    scheduledTime: clockTime(minuteOfDay),
    scheduledAt: epochMinuteToIso(epochMinute),
    epochMinute,
    expiresAt: null,
    variationMetadata: {
      baseHour: Math.floor(minuteOfDay / 60),
      timeShift: 0,
      jitter: 0,
      dailyStrategy: 'balanced_standard',
      primeHoursUsed: [19, 20, 21],
      timeAdjusted: false,
      adjustmentReason: null,
      fallbackUsed: false,
    },
    isFollowUp: false,
    parentItemId: null,
    followupDelayMinutes: null,
  };
};

export const makeTiming = (slots: ReadonlyArray<TimedSlot>): Timing => ({
  slots: [...slots].sort(
    (a, b) => a.epochMinute - b.epochMinute || a.slotId.localeCompare(b.slotId),
  ),
  dailyPrimeHours: {},
  issues: [],
});

export const makeCaptions = (n: number): ReadonlyArray<Caption> =>
  Array.from({ length: n }, (_, i) => ({
    captionId: `fu_${i}`,
    text: `last chance babe ${i}`,
    captionType: 'ppv_followup' as const,
    contentType: null,
    performanceScore: 70,
    lastUsedAt: null,
    useCount: 0,
    globalUseCount: 0,
  }));

export const toItem = (s: TimedSlot): ScheduleItem => ({
  slotId: s.slotId,
  ppvStyle: s.ppvStyle,
  campaignType: s.campaignType,
  gameType: s.gameType,
  scheduledDate: s.scheduledDate,
  movedFromDate: s.movedFromDate,
  scheduledTime: s.scheduledTime,
  scheduledAt: s.scheduledAt,
  sendTypeKey: s.sendTypeKey,
  category: s.category,
  channelKey: s.channelKey,
  targetKey: s.targetKey,
  captionId: s.captionId,
  captionText: s.captionText,
  contentTypeId: s.contentTypeId,
  mediaType: s.mediaType,
  flyerRequired: s.flyerRequired,
  suggestedPrice: null,
  priority: s.priority,
  isFollowUp: s.isFollowUp,
  parentItemId: s.parentItemId,
  followupDelayMinutes: s.followupDelayMinutes,
  expiresAt: s.expiresAt,
  strategyUsed: s.strategyUsed,
  flavorEmphasis: s.flavorEmphasis,
  variationMetadata: s.variationMetadata,
  needsCaption: s.needsCaption,
  reasons: { caption: s.captionReason, price: null, target: s.targetReason },
});
