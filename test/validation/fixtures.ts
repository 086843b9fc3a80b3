/**
 * A hand-built week that passes every validation check, and builders to break it.
 */
import {
  type CreatorProfile,
  clockTime,
  DEFAULT_POLICY,
  epochMinuteToIso,
  localToEpochMinute,
  type ScheduleItem,
  SEND_TYPES,
  type SendTypeKey,
  type ValidationInput,
  type VolumeResult,
  weekDatesFrom,
} from '../../src/index';
import { ownTargetReason, poolCaptionReason } from '../support/reasons';
import { baseVolume } from '../support/volume';

export const TZ = 'America/New_York';
export const WEEK = weekDatesFrom('2025-01-20');

export const creator: CreatorProfile = {
  creatorId: 'creator_1',
  pageType: 'paid',
  fanCount: 500,
  timezone: TZ,
  contentPageType: 'nude',
  subType: 'gfe',
  performanceTier: 3,
};

/** An item of `sendTypeKey` at local `date` + `minuteOfDay`, with the catalog's channel and target. */
export const makeItem = (
  slotId: string,
  date: string,
  minuteOfDay: number,
  sendTypeKey: SendTypeKey,
  over: Partial<ScheduleItem> = {},
): ScheduleItem => {
  const spec = SEND_TYPES[sendTypeKey];
  return {
    slotId,
    ppvStyle: null,
    campaignType: null,
    gameType: null,
    scheduledDate: date,
    movedFromDate: null,
    scheduledTime: clockTime(minuteOfDay),
    scheduledAt: epochMinuteToIso(localToEpochMinute(date, minuteOfDay, TZ)),
    sendTypeKey,
    category: spec.category,
    channelKey: spec.channel,
    targetKey: spec.requiredTarget ?? spec.defaultTarget ?? 'all_active',
    captionId: `cap_${slotId}`,
    captionText: 'hey babe, you will love this one',
    contentTypeId: spec.requiresMedia ? 'solo' : null,
    mediaType: spec.mediaType,
    flyerRequired: spec.requiresFlyer,
    suggestedPrice: null,
    priority: 1,
    isFollowUp: false,
    parentItemId: null,
    followupDelayMinutes: null,
    expiresAt: null,
    strategyUsed: 'balanced_standard',
    flavorEmphasis: 'none',
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
    needsCaption: false,
    reasons: {
      caption: poolCaptionReason,
      price: null,
      target: ownTargetReason(sendTypeKey),
    },
    ...over,
  };
};

const at = (h: number, m: number): number => h * 60 + m;

const REVENUE_A: ReadonlyArray<SendTypeKey> = [
  'bundle',
  'flash_bundle',
  'game_post',
  'first_to_tip',
  'bundle',
  'flash_bundle',
  'game_post',
];
const REVENUE_B: ReadonlyArray<SendTypeKey> = [
  'tip_goal',
  'vip_program',
  'tip_goal',
  'snapchat_bundle',
  'tip_goal',
  'bundle',
  'first_to_tip',
];
const ENGAGEMENT_1: ReadonlyArray<SendTypeKey> = [
  'link_drop',
  'dm_farm',
  'bump_descriptive',
  'like_farm',
  'wall_link_drop',
  'bump_text_only',
  'live_promo',
];
const ENGAGEMENT_2: ReadonlyArray<SendTypeKey> = [
  'bump_flyer',
  'bump_text_only',
  'link_drop',
  'bump_descriptive',
  'dm_farm',
  'bump_flyer',
  'link_drop',
];
const RETENTION: ReadonlyArray<SendTypeKey> = [
  'renew_on_post',
  'renew_on_message',
  'expired_winback',
  'renew_on_post',
  'renew_on_message',
  'expired_winback',
  'renew_on_post',
];

/**
 * The week's campaigns (seed 000 task 3.2, RULINGS "Allocation" campaigns), by day and row:
 * descriptive wall campaigns (tip goals on this paid page) on days 1, 3 and 5 (2 days apart), a
 * bundle wall campaign on day 1, spin the wheel on day 3 and another game (mystery box) on day
 * 7: 6 campaigns, 6 x 30 / 7 = 25.7 a month.
 */
const CAMPAIGNS: Readonly<Record<string, Partial<ScheduleItem>>> = {
  '0:1': { campaignType: 'bundle_wall_campaign' },
  '0:4': { campaignType: 'descriptive_wall_campaign' },
  '2:1': { campaignType: 'spin_the_wheel_game', gameType: 'spin_the_wheel' },
  '2:4': { campaignType: 'descriptive_wall_campaign' },
  '4:4': { campaignType: 'descriptive_wall_campaign' },
  '6:1': { campaignType: 'game_other', gameType: 'mystery_box' },
};

/**
 * A valid week: 7 allocated items a day (3 revenue, 3 engagement, 1 retention) and one PPV
 * follow-up a day, all at distinct non-round minutes (base minute + day index), with the
 * campaigns of `CAMPAIGNS`.
 */
export const goodItems = (): ReadonlyArray<ScheduleItem> =>
  WEEK.flatMap((date, d) => {
    const id = (n: number): string => `${date}_${n}`;
    const rows: Array<[number, SendTypeKey]> = [
      [at(9, 1 + d), 'bump_normal'],
      [at(12, 16 + d), REVENUE_A[d] as SendTypeKey],
      [at(14, 46 + d), ENGAGEMENT_1[d] as SendTypeKey],
      [at(16, 1 + d), RETENTION[d] as SendTypeKey],
      [at(17, 31 + d), REVENUE_B[d] as SendTypeKey],
      [at(19, 47 + d), 'ppv_unlock'],
      [at(22, 16 + d), ENGAGEMENT_2[d] as SendTypeKey],
    ];
    const items = rows.map(([m, k], n) =>
      makeItem(id(n + 1), date, m, k, {
        strategyUsed: STRATEGIES[d] as string,
        ...CAMPAIGNS[`${d}:${n}`],
      }),
    );
    const followup = makeItem(`${id(6)}_followup`, date, at(20, 7 + d), 'ppv_followup', {
      isFollowUp: true,
      parentItemId: id(6),
      followupDelayMinutes: 20,
      strategyUsed: STRATEGIES[d] as string, // a follow-up carries its day's strategy
    });
    return [...items, followup];
  });

export const STRATEGIES = [
  'revenue_focus',
  'storytelling',
  'variety_max',
  'engagement_burst',
  'balanced_standard',
  'revenue_focus',
  'storytelling',
];

export const volume: VolumeResult = {
  ...baseVolume(),
  baseConfig: { tier: 'low', revenuePerDay: 3, engagementPerDay: 3, retentionPerDay: 1 },
  finalConfig: { tier: 'low', revenuePerDay: 3, engagementPerDay: 3, retentionPerDay: 1 },
  weeklyDistribution: { 0: 7, 1: 7, 2: 7, 3: 7, 4: 7, 5: 7, 6: 7 },
  // RULINGS "nothing lost": the planned total is the 49 allocated items of `goodItems`
  weeklyTotal: 49,
  dowMultipliersUsed: { 0: 1, 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1 },
  contentAllocations: { solo: 21 },
  fusedSaturation: 50,
  fusedOpportunity: 50,
  divergenceDetected: false,
  confidenceScore: 0.85,
  messageCount: 156,
  elasticityCapped: false,
  adjustmentsApplied: ['base_tier_calculation'],
  captionWarnings: [],
  predictionId: null,
  volumeLevel: 'Low',
  ppvPerDay: 3,
  bumpPerDay: 3,
  calculationSource: 'optimized',
  dataSource: 'volume_performance_tracking',
  revenueTrendPercent: null,
  saturationScore: 50,
  opportunityScore: 50,
};

export const goodInput = (over: Partial<ValidationInput> = {}): ValidationInput => ({
  creator,
  weekDates: WEEK,
  items: goodItems(),
  volume,
  vault: { contentTypes: { solo: 10 }, media: { video: 10, picture: 10, gif: 10 }, flyers: 5 },
  persona: null,
  dailyStrategies: Object.fromEntries(WEEK.map((d, i) => [d, STRATEGIES[i] as string])),
  priorIssues: [],
  policy: DEFAULT_POLICY,
  manualConfidenceOverride: false,
  ...over,
});

/** The good week with item `slotId` changed. */
export const withItem = (
  slotId: string,
  change: (i: ScheduleItem) => ScheduleItem,
): ReadonlyArray<ScheduleItem> => goodItems().map((i) => (i.slotId === slotId ? change(i) : i));

/** Moves an item to another local minute of its date. */
export const moveTo = (
  i: ScheduleItem,
  minuteOfDay: number,
  date = i.scheduledDate,
): ScheduleItem => ({
  ...i,
  scheduledDate: date,
  scheduledTime: clockTime(minuteOfDay),
  scheduledAt: epochMinuteToIso(localToEpochMinute(date, minuteOfDay, TZ)),
});
