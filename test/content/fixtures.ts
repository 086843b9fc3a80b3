import type {
  AllocatedSlot,
  Allocation,
  CaptionRecord,
  CreatorProfile,
  LoadedData,
  PhaseContext,
  Vault,
  VolumeResult,
} from '../../src/index';
import { DEFAULT_POLICY, SEND_TYPES, type SendTypeKey } from '../../src/index';
import { baseVolume } from '../support/volume';

export const WEEK = [
  '2025-01-20',
  '2025-01-21',
  '2025-01-22',
  '2025-01-23',
  '2025-01-24',
  '2025-01-25',
  '2025-01-26',
];

export const creator: CreatorProfile = {
  creatorId: 'alice',
  pageType: 'paid',
  fanCount: 3000,
  timezone: 'America/New_York',
  contentPageType: 'nude',
  subType: 'gfe',
  performanceTier: 2,
};

export const ctx: PhaseContext = {
  creator,
  weekDates: WEEK,
  seed: 'test',
  options: {
    allowNextDayFollowups: false,
    manualConfidenceOverride: false,
    save: false,
    trackPrediction: false,
  },
  policy: DEFAULT_POLICY,
};

export const loaded = (over: Partial<LoadedData> = {}): LoadedData => ({
  trends: null,
  contentRankings: null,
  history: [],
  vault: null,
  timing: { peakHours: [20], avoidHours: [4], hourlyPerformance: {} },
  timingIsDefault: true,
  persona: null,
  rotationState: null,
  timingProfile: null,
  activePins: [],
  issues: [],
  ...over,
});

export const vault = (over: Partial<Vault> = {}): Vault => ({
  contentTypes: { solo: 10, boy_girl: 0 },
  media: { video: 5, picture: 5, gif: 5 },
  flyers: 2,
  ...over,
});

/** An allocation with the given send types per day (days taken from WEEK in order). */
export const allocationOf = (days: ReadonlyArray<ReadonlyArray<SendTypeKey>>): Allocation => ({
  days: days.map((keys, dayIndex) => {
    const date = WEEK[dayIndex] ?? `2025-02-${String(dayIndex + 1).padStart(2, '0')}`;
    const slots: AllocatedSlot[] = keys.map((k, i) => ({
      slotId: `${date}_${i + 1}`,
      date,
      dayIndex,
      sendTypeKey: k,
      ppvStyle: null,
      campaignType: null,
      gameType: null,
      category: SEND_TYPES[k].category,
      priority: 1,
      strategyUsed: 'balanced_standard',
      flavorEmphasis: 'none',
    }));
    return {
      date,
      dayIndex,
      weekday: dayIndex,
      strategy: 'balanced_standard',
      flavor: 'none',
      quotas: { revenue: 1, engagement: 1, retention: 0 },
      slots,
    };
  }),
  varietyModeUsed: false,
  issues: [],
});

export const volume = (over: Partial<VolumeResult> = {}): VolumeResult => ({
  ...baseVolume(),
  baseConfig: { tier: 'mid', revenuePerDay: 4, engagementPerDay: 4, retentionPerDay: 2 },
  finalConfig: { tier: 'mid', revenuePerDay: 4, engagementPerDay: 4, retentionPerDay: 2 },
  weeklyDistribution: { 0: 10, 1: 10, 2: 10, 3: 10, 4: 10, 5: 10, 6: 10 },
  dowMultipliersUsed: { 0: 1, 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1 },
  contentAllocations: {},
  fusedSaturation: 50,
  fusedOpportunity: 50,
  divergenceDetected: false,
  confidenceScore: 0.8,
  messageCount: 100,
  elasticityCapped: false,
  adjustmentsApplied: ['base_tier_calculation'],
  captionWarnings: [],
  predictionId: null,
  volumeLevel: 'Mid',
  ppvPerDay: 2,
  bumpPerDay: 2,
  calculationSource: 'optimized',
  dataSource: 'default_values',
  revenueTrendPercent: null,
  saturationScore: 50,
  opportunityScore: 50,
  ...over,
});

export const record = (
  over: Partial<CaptionRecord> & Pick<CaptionRecord, 'captionId'>,
): CaptionRecord => ({
  text: `caption ${over.captionId}`,
  captionType: 'ppv_offer',
  contentType: null,
  performanceScore: 60,
  usage: [],
  ...over,
});
