/**
 * The policy: every number the rules use, in one typed, deep-frozen table with its seed source.
 * A caller overrides any part through `resolvePolicy`, which decodes the overrides (a range for
 * every leaf, an unknown key is an error at its path), merges them over the defaults, checks the
 * invariants between leaves and returns a fresh object.
 *
 * Source: RULINGS intro ("every number belongs in one typed, documented policy table that a
 * caller can override"); STYLE "ts-fsrs" (defaults, validation and migration in one resolver).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import {
  CAMPAIGN_TYPES,
  CAPTION_TYPES,
  GAME_TYPES,
  SEND_TYPE_KEYS,
  type SendTypeKey,
} from './catalog';
import { decodeWith } from './decode';
import { deepFreeze } from './freeze';
import { type Issue, issue } from './issues';
import { arrayOf, int, num, numBetween, obj, oneOf, pair, recordOf, text } from './policyCodec';
import type { PolicyOverrides, SchedulePolicy } from './policyTypes';
import { DEFAULT_RESILIENCE_POLICY, MAX_RETRY_ATTEMPTS, PORT_NAMES } from './resiliencePolicy';
import { DEFAULT_VOLUME_TIERS } from './volumeTiers';

export type { PolicyOverrides, SchedulePolicy, TierRow } from './policyTypes';

const TIERS = ['low', 'mid', 'high', 'ultra'] as const;
const STRATEGY_KEYS = [
  'revenue_focus',
  'engagement_burst',
  'balanced_standard',
  'variety_max',
  'storytelling',
] as const;
const PRICED_TYPES = [
  'ppv_unlock',
  'ppv_wall',
  'tip_goal',
  'vip_program',
  'game_post',
  'bundle',
  'flash_bundle',
  'snapchat_bundle',
  'first_to_tip',
] as const satisfies ReadonlyArray<SendTypeKey>;

const hour = int(0, 23);
const share = num(0, 1);
const score = num(0, 100);
const pct = num(0, 100);
const minutesOfDay = int(0, 24 * 60 - 1);
const quotas = (max: number) =>
  obj('quotas', { revenue: int(0, max), engagement: int(0, max), retention: int(0, max) });
const weights5 = obj('weights', {
  freshness: share,
  performance: share,
  typePriority: share,
  diversity: share,
  persona: share,
});
const horizonWeights = obj('horizonWeights', { '7d': share, '14d': share, '30d': share });
const strategyWeights = recordOf('strategyWeights', STRATEGY_KEYS, share);
const tierRanges = recordOf('tierRanges', TIERS, pair(0, 50, true));
const subTypeRanges = obj('subTypeRanges', { gfe: tierRanges, commercial: tierRanges });

/**
 * The schema of the policy: its shape and a range for every leaf (io-ts codecs, `full` for a
 * whole policy and `partial` for overrides). Ranges are what the library can run with; the
 * defaults are the seed's numbers.
 */
const SCHEMA = obj('SchedulePolicy', {
  volume: obj('volume', {
    tiers: arrayOf(
      obj('TierRow', {
        tier: oneOf(TIERS),
        minFans: int(0, 1e9),
        revenuePerDay: int(0, 50),
        engagementPerDay: int(0, 50),
        retentionPerDay: int(0, 50),
      }),
      4,
      4,
    ),
    bounds: obj('bounds', {
      revenue: pair(0, 50, true),
      engagement: pair(0, 50, true),
      retention: pair(0, 50, true),
    }),
    saturation: obj('saturation', {
      highAbove: score,
      highMultiplier: num(0, 5),
      mediumFrom: score,
      mediumMultiplier: num(0, 5),
    }),
    opportunity: obj('opportunity', {
      highAbove: score,
      highMaxSaturation: score,
      highMultiplier: num(0, 5),
      mediumFrom: score,
      mediumMaxSaturation: score,
      mediumMultiplier: num(0, 5),
    }),
    revenueTrendThresholdPercent: num(0, 1000),
    neutralScore: score,
    dowMultiplierClamp: pair(0.01, 10),
    confidenceHalfMessages: num(0.001, 1e6),
    dampenBelowConfidence: share,
    trustAboveConfidence: share,
    moderateDampening: share,
    failBelowConfidence: share,
    conservativeQuotas: quotas(50),
    degradation: obj('degradation', {
      baseTierConfidence: share,
      fanCountEstimateConfidence: share,
      minimumSafeConfidence: share,
    }),
    scoreWindowDays: int(2, 365),
    dowHistoryDays: int(0, 730),
    fusion: obj('fusion', {
      weights: horizonWeights,
      divergentWeights: horizonWeights,
      divergencePoints: score,
    }),
    contentWeighting: obj('contentWeighting', {
      rankWeights: obj('rankWeights', {
        TOP: num(0, 100),
        MID: num(0, 100),
        LOW: num(0, 100),
        AVOID: num(0, 100),
      }),
      equalWeightingMaxTypes: int(1, 100),
    }),
    onDemandScores: obj('onDemandScores', {
      saturation: obj('coefficients', {
        revenuePerSend: num(-100, 100),
        viewRate: num(-100, 100),
        purchaseRate: num(-100, 100),
        volatility: num(-100, 100),
      }),
      opportunity: obj('coefficients', {
        revenuePerSend: num(-100, 100),
        viewRate: num(-100, 100),
        purchaseRate: num(-100, 100),
        volatility: num(-100, 100),
      }),
      volatilityCenter: num(0, 10),
      volatilityMax: num(0, 100),
    }),
  }),
  matrix: obj('matrix', {
    bumps: obj('bumps', { nude: subTypeRanges, non_nude: subTypeRanges, porno: subTypeRanges }),
    mmppvs: tierRanges,
    ratioTolerance: share,
  }),
  elasticity: obj('elasticity', {
    historyDays: int(1, 730),
    minDaysPerLevel: int(1, 365),
    minLevels: int(2, 50),
    minRSquared: share,
    minMarginalShare: share,
  }),
  traits: obj('traits', {
    topN: int(1, 10_000),
    minSampleForConfidence: int(1, 1e6),
    alpha: num(1e-12, 0.5),
    threshold: share,
    historyDays: int(1, 730),
    optimalLength: obj('optimalLength', {
      minCharacters: int(0, 100_000),
      maxCharacters: int(0, 100_000),
    }),
    minCellForChiSquare: int(0, 1000),
    fisherRelativeTolerance: num(0, 0.01),
    multipliers: obj('multipliers', {
      optimalLength: num(1, 5),
      contentType: num(1, 5),
      tone: num(1, 5),
    }),
  }),
  allocation: obj('allocation', {
    strategyWeights: obj('strategyWeightSets', {
      saturated: strategyWeights,
      opportunity: strategyWeights,
      balanced: strategyWeights,
    }),
    strategySaturationAbove: score,
    strategyOpportunityAbove: score,
    minStrategiesPerWeek: int(1, 5),
    minDistinctTypesPerWeek: int(0, 22),
    minRevenueTypesPerWeek: int(0, 9),
    minEngagementTypesPerWeek: int(0, 9),
    strategyBoost: num(0, 100),
    noveltyMultiplier: num(0, 100),
    minItemsForDayBalance: int(0, 1000),
    typeWeights: recordOf('typeWeights', SEND_TYPE_KEYS, num(0, 1000)),
    highOpportunityPriority: obj('highOpportunityPriority', {
      ppv_unlock: num(0, 100),
      bundle: num(0, 100),
      flash_bundle: num(0, 100),
      vip_program: num(0, 100),
    }),
    lowOpportunityPriority: obj('lowOpportunityPriority', {
      bump_normal: num(0, 100),
      bump_descriptive: num(0, 100),
      dm_farm: num(0, 100),
      link_drop: num(0, 100),
    }),
    highOpportunityAbove: score,
    lowOpportunityBelow: score,
  }),
  content: obj('content', {
    weights: weights5,
    degradedWeights: weights5,
    staleAverageFreshness: score,
    freshnessRecoveryDays: int(0, 3650),
    degradationChain: arrayOf(
      obj('degradationStep', { minFreshness: score, minPerformance: score }),
      1,
      20,
    ),
    candidateLimit: int(1, 1000),
    styleScanLimit: int(1, 10_000),
    typePriorityScores: arrayOf(score, 1, 10),
    genericTypePriorityScore: score,
    diversityPenaltyPerGlobalUse: num(0, 100),
    manualCaptionText: text(200),
    lowFreshnessWarningBelow: score,
    lowPoolThreshold: int(0, 1000),
    persona: obj('persona', {
      emojiBands: obj('emojiBands', {
        none: pair(0, 100),
        low: pair(0, 100),
        medium: pair(0, 100),
        high: pair(0, 100),
      }),
      slangBands: obj('slangBands', {
        none: pair(0, 100),
        light: pair(0, 100),
        heavy: pair(0, 100),
      }),
      points: obj('personaPoints', { emoji: score, slang: score, signature: score }),
      matchMinScore: score,
      neutralScore: score,
    }),
  }),
  timing: obj('timing', {
    windowStartMinute: minutesOfDay,
    windowEndMinute: minutesOfDay,
    spacingSteps: arrayOf(int(0, 24 * 60), 1, 10),
    blockMinutes: int(15, 24 * 60),
    maxPerBlock: int(1, 100),
    maxClockTimeUsesPerWeek: int(1, 1000),
    jitterMin: int(-30, 0),
    jitterMax: int(0, 30),
    roundMinutes: arrayOf(int(0, 59), 0, 60),
    engagementHours: arrayOf(hour, 1, 24),
    retentionHours: arrayOf(hour, 1, 24),
    morningShiftMinutes: int(0, 59),
    eveningShiftMinutes: int(0, 59),
    defaultPeakHours: arrayOf(hour, 1, 24),
    defaultAvoidHours: arrayOf(hour, 0, 24),
    primeHourRotation: arrayOf(int(-6, 6), 1, 7),
    chainedGapMinutes: int(1, 7 * 24 * 60),
    fallbackStepMinutes: int(1, 60),
    // At most 24: no campaign expires sooner (001 §5.7), so every campaign inside it is live.
    linkDropLookbackHours: int(1, 24),
  }),
  followups: obj('followups', {
    minDelayMinutes: num(1, 24 * 60),
    maxDelayMinutes: num(1, 24 * 60),
    meanDelayMinutes: num(1, 24 * 60),
    sdDelayMinutes: num(0.01, 24 * 60),
    maxPerDay: int(0, 100),
    priorityWeights: obj('priorityWeights', { revenue: share, recency: share, engagement: share }),
    revenueNormalizerUsd: num(0.01, 1e9),
    engagementNormalizerRate: num(0.0001, 1),
    latestMinuteOfDay: minutesOfDay,
    defaultPriceBuyers: num(0, 1e6),
    recencyHorizonHours: num(0.01, 1000),
    neutralEngagementScore: share,
    neutralRecencyScore: share,
  }),
  validation: obj('validation', {
    passScore: score,
    reviewScore: score,
    revenueMinShare: share,
    engagementMinShare: share,
    retentionMaxShare: share,
    revenueMixLowTier: share,
    revenueMixOtherTiers: share,
    revenueMixTolerance: share,
    maxWarningDeduction: score,
    maxManualCaptionShare: share,
  }),
  pricing: obj('pricing', {
    defaultPrices: recordOf('defaultPrices', PRICED_TYPES, num(0, 100_000)),
    minPrice: num(0, 100_000),
    maxPrice: num(0, 100_000),
    minHistoryPrices: int(1, 10_000),
  }),
  rotation: obj('rotation', {
    minDaysOnPattern: int(1, 60),
    maxDaysOnPattern: int(1, 60),
    recentPatternDays: int(1, 365),
    noBackToBackStyles: arrayOf(oneOf(['solo', 'bundle', 'winner', 'sextape'] as const), 0, 4),
    amPmSplitHour: int(1, 23),
    bundleSendSlack: int(1, 8),
    styleCaptionTypes: recordOf(
      'styleCaptionTypes',
      ['solo', 'bundle', 'winner', 'sextape'] as const,
      arrayOf(oneOf(CAPTION_TYPES), 0, CAPTION_TYPES.length),
    ),
    styleContentTypes: recordOf(
      'styleContentTypes',
      ['solo', 'bundle', 'winner', 'sextape'] as const,
      arrayOf(text(60), 0, 200),
    ),
  }),
  resilience: obj('resilience', {
    // A timeout of 0 would time out every call; an hour is the most any port may take.
    timeoutMs: recordOf('timeoutMs', [...PORT_NAMES, 'default'] as const, num(1, 3_600_000)),
    retry: obj('retry', {
      // At least one call; more than 10 calls per request is a loop, not a retry.
      attempts: int(1, MAX_RETRY_ATTEMPTS),
      baseDelayMs: num(0, 3_600_000),
      // Backoff never shrinks.
      factor: num(1, 100),
      maxDelayMs: num(0, 3_600_000),
      jitterRatio: share,
    }),
    breaker: obj('breaker', {
      variant: oneOf(['consecutive', 'failure_rate'] as const),
      failureThreshold: int(1, 10_000),
      recoveryTimeoutMs: num(0, 86_400_000),
      halfOpenMaxCalls: int(1, 10_000),
      windowSize: int(1, 10_000),
      failureRateThreshold: share,
      rateHalfOpenMaxCalls: int(1, 10_000),
    }),
    idempotencyTtlMs: num(1, 30 * 86_400_000),
  }),
  ppvStructure: obj('ppvStructure', {
    // At least one element; at most all of the structure's elements (4, 3, 3).
    winnerMinElements: int(1, 4),
    bundleMinElements: int(1, 3),
    wallCampaignMinElements: int(1, 3),
    titleMaxCharacters: int(1, 10_000),
    bodyMinWords: int(0, 10_000),
    wrapMaxCharacters: int(1, 10_000),
  }),
  pins: obj('pins', {
    // 003 gap 1.6 "Max 3-5 pins".
    maxPinned: int(3, 5),
    // An hour to a month (30 days) of pinning.
    pinDurationHours: num(1, 720),
    pinnedSendTypes: arrayOf(oneOf(SEND_TYPE_KEYS), 0, SEND_TYPE_KEYS.length),
  }),
  timingProfile: obj('timingProfile', {
    windowMinFactor: num(0, 10),
    windowMaxFactor: num(0, 10),
    minWindowWidthMinutes: num(0, 24 * 60),
    lowJitterDivisor: int(1, 100),
    lowJitterMinMinutes: int(0, 30),
    highJitterFactor: int(1, 100),
    highJitterMaxMinutes: int(0, 30),
    earlyBelowMinutes: num(0, 24 * 60),
    lateAboveMinutes: num(0, 24 * 60),
  }),
  games: obj('games', {
    // USD; a game type whose estimate is below it is avoided (0 avoids none).
    avoidBelowUsd: num(0, 1_000_000),
  }),
  campaigns: obj('campaigns', {
    rules: recordOf(
      'campaignRules',
      CAMPAIGN_TYPES,
      obj('CampaignRule', {
        minDaysBetween: int(1, 366),
        maxDaysBetween: int(1, 366),
        monthlyTarget: pair(0, 100, true),
        plannedPerMonth: num(0, 100),
      }),
    ),
    minPerMonth: num(0, 1000),
    daysPerMonth: num(1, 31),
    lookbackDays: int(1, 366),
    gameKeywords: recordOf('gameKeywords', GAME_TYPES, arrayOf(text(60), 1, 20)),
  }),
  records: obj('records', {
    // Minutes after the parent, both included.
    optimalFollowupWindow: obj('optimalFollowupWindow', {
      minMinutes: num(0, 24 * 60),
      maxMinutes: num(0, 24 * 60),
    }),
    suboptimalFollowups: obj('suboptimalFollowups', {
      lookbackDays: int(1, 366),
      countAbove: int(0, 100_000),
    }),
    predictionMisses: obj('predictionMisses', {
      avgErrorAbovePct: num(0, 100_000),
      minPredictions: int(1, 100_000),
    }),
    unhealthyBreakers: obj('unhealthyBreakers', {
      halfOpenAboveMinutes: num(0, 525_600),
      successRateBelowPct: num(0, 100),
    }),
    learning: obj('learning', {
      weights: obj('weights', { revenuePerSend: share, saturation: share, opportunity: share }),
      // A change of this size or more is a full signal (never 0: it divides).
      revenuePerSendFullScalePct: num(1, 1_000),
      scoreFullScalePoints: num(1, 100),
      neutralBand: num(0, 1),
      lookbackOutcomes: int(1, 520),
    }),
  }),
  kpis: obj('kpis', {
    // Percent of campaigns, of days; the higher the better.
    campaignFrequencyAdherence: obj('kpiAtLeast', { targetAtLeast: pct, alertBelow: pct }),
    bumpRatioCompliance: obj('kpiAtLeast', { targetAtLeast: pct, alertBelow: pct }),
    // Percent error; the lower the better.
    volumePredictionMape: obj('kpiBelow', { targetBelow: num(0, 1e6), alertAbove: num(0, 1e6) }),
    // Percent lift; the higher the better (a lift may be negative).
    traitRecommendationLift: obj('kpiAbove', {
      targetAbove: num(-100, 1e6),
      alertBelow: num(-100, 1e6),
    }),
    followupLimitUtilization: obj('kpiRange', { targetRange: pair(0, 100), alertBelow: pct }),
    weeklyLimitViolations: obj('kpiAtMost', { targetAtMost: int(0, 1e6), alertAbove: int(0, 1e6) }),
    // Coefficient of variation (a ratio); the lower the better.
    gameTypeRevenueVariance: obj('kpiBelow', { targetBelow: num(0, 100), alertAbove: num(0, 100) }),
    // Percent; the higher the better (below 0 when estimates miss by more than the actuals).
    bayesianEstimateAccuracy: obj('kpiAbove', {
      targetAbove: num(-1e6, 100),
      alertBelow: num(-1e6, 100),
    }),
  }),
  abTest: obj('abTest', {
    durationDays: int(1, 3650),
    // Both open: a confidence or power of 0 or 1 has no finite z-score.
    confidenceLevel: numBetween(0, 1),
    statisticalPower: numBetween(0, 1),
    minimumDetectableEffect: numBetween(0, 1000),
    standardDeviation: numBetween(0, 1e9),
    observationsPerDay: int(1, 1e9),
    treatmentShare: share,
  }),
});

/** Compile-time check: two types are assignable both ways (the codec and the documented interface agree). */
type Agree<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _policyAgrees: Agree<t.TypeOf<(typeof SCHEMA)['full']>, SchedulePolicy> = true;
const _overridesAgree: Agree<t.TypeOf<(typeof SCHEMA)['partial']>, PolicyOverrides> = true;
void _policyAgrees;
void _overridesAgree;

const DEFAULTS = {
  volume: {
    /** 001 §1.2 table; tiers from all seeds (RULINGS "Volume"): `volumeTiers.ts`. */
    tiers: DEFAULT_VOLUME_TIERS,
    /** 001 phase 1 checkpoint: revenue 1-10, engagement 1-8, retention 0-4 per day. */
    bounds: { revenue: [1, 10], engagement: [1, 8], retention: [0, 4] },
    /** 002 "Dynamic Adjustments" 1: saturation > 70 x0.7; 50-70 x0.9. */
    saturation: { highAbove: 70, highMultiplier: 0.7, mediumFrom: 50, mediumMultiplier: 0.9 },
    /** 002 "Dynamic Adjustments" 2. */
    opportunity: {
      highAbove: 70,
      highMaxSaturation: 50,
      highMultiplier: 1.2,
      mediumFrom: 60,
      mediumMaxSaturation: 30,
      mediumMultiplier: 1.1,
    },
    /** 002 "Dynamic Adjustments" 3: strictly beyond +-15 % moves revenue by one send. */
    revenueTrendThresholdPercent: 15,
    /** 002 "Data Sources Priority" 3: neutral scores. */
    neutralScore: 50,
    /** 001 §1.2.1 DOW multipliers, clamped (RULINGS "weekly distribution"). */
    dowMultiplierClamp: [0.7, 1.3],
    /** Confidence = n / (n + k) messages; k chosen so 156 messages give 0.86 (001 §1.2.1 example 0.85). */
    confidenceHalfMessages: 25,
    /** 001 §2.2: below this, quotas are damped toward the conservative quotas. */
    dampenBelowConfidence: 0.6,
    /** 001 §2.2: at or above this, quotas are trusted fully. */
    trustAboveConfidence: 0.8,
    /** 001 §2.2 "Apply 10% dampening" between 0.6 and 0.8. */
    moderateDampening: 0.1,
    /** 001 consumption rule 5: below this validation fails without a manual override. */
    failBelowConfidence: 0.3,
    /** 001 "Volume Configuration Degradation" level 3: the minimum safe 3 / 3 / 1 (0 retention on free pages). */
    conservativeQuotas: { revenue: 3, engagement: 3, retention: 1 },
    /** 001 "Volume Configuration Degradation": the confidence each fallback level sets. */
    degradation: {
      baseTierConfidence: 0.6, // level 1: optimization fails, base tier
      fanCountEstimateConfidence: 0.5, // level 2: tier estimated from the fan count
      minimumSafeConfidence: 0.3, // level 3: no data, minimum safe values
    },
    /** 002 on-demand scores read the last 14 days of history. */
    scoreWindowDays: 14,
    /** Weekday multipliers read this many days of history (001 §1.2.1). */
    dowHistoryDays: 90,
    /** 001 §1.2.1 module 2 "Multi-Horizon Fusion" (issue 3 text for the weights). */
    fusion: {
      weights: { '7d': 0.3, '14d': 0.5, '30d': 0.2 },
      divergentWeights: { '7d': 0.5, '14d': 0.35, '30d': 0.15 },
      /** 7d vs 30d saturation or opportunity at least this many points apart. */
      divergencePoints: 15,
    },
    /** 001 §1.2.1 module 6 "Content Weighting". */
    contentWeighting: {
      /** 001 module 6 example (solo 3, lingerie 2, outdoor 1); AVOID never allocated (`get_content_type_rankings`). */
      rankWeights: { TOP: 3, MID: 2, LOW: 1, AVOID: 0 },
      /** Project choice (001 names "Equal weighting" without a count): the vault's 6 largest types. */
      equalWeightingMaxTypes: 6,
    },
    /**
     * 002 `calculated_on_demand` (the seed describes, does not show, the formula; RULINGS
     * "scores from message history"): score = 50 + sum of coefficient x change, with the
     * changes of revenue per send, view rate and purchase rate over the two halves of the window
     * (-1..1) and the volatility term `cv - volatilityCenter` (cv clamped to 0..volatilityMax).
     */
    onDemandScores: {
      saturation: { revenuePerSend: -30, viewRate: -10, purchaseRate: -10, volatility: 10 },
      opportunity: { revenuePerSend: 30, viewRate: 10, purchaseRate: 10, volatility: -5 },
      volatilityCenter: 0.5,
      volatilityMax: 2,
    },
  },
  /** 000 task 3.1 page-type matrix (gap 3.2). */
  matrix: {
    /** `BUMP_MATRIX`: bumps per day by content page type, sub-type and tier. */
    bumps: {
      nude: {
        gfe: { low: [4, 6], mid: [4, 6], high: [7, 9], ultra: [10, 12] },
        commercial: { low: [5, 6], mid: [4, 6], high: [7, 9], ultra: [10, 12] },
      },
      non_nude: {
        gfe: { low: [4, 6], mid: [4, 6], high: [7, 9], ultra: [10, 12] },
        commercial: { low: [5, 6], mid: [4, 6], high: [7, 9], ultra: [10, 12] },
      },
      porno: {
        gfe: { low: [5, 7], mid: [4, 6], high: [7, 9], ultra: [10, 12] },
        commercial: { low: [5, 8], mid: [4, 6], high: [7, 9], ultra: [10, 12] }, // 1.67x-4.0x
      },
    },
    /** `TIER_PPVS`: mass-message PPVs per day by tier. */
    mmppvs: { low: [2, 3], mid: [4, 6], high: [7, 9], ultra: [10, 12] },
    /** `validate_bump_ratio` "20% tolerance". */
    ratioTolerance: 0.2,
  },
  elasticity: {
    /** Days of history read; the same window as the weekday multipliers (001 §1.2.1 module 4). */
    historyDays: 90,
    /** Issue 3: a volume level counts with at least 3 days (001 §1.2.1 "sufficient volume history"). */
    minDaysPerLevel: 3,
    /** Issue 3: at least 3 volume levels before a fit is tried. */
    minLevels: 3,
    /** Project choice: a fit is good enough from this R^2 (per-day revenue is noisy; see src/volume/elasticity.ts). */
    minRSquared: 0.3,
    /** Project choice calibrated on the real-data README "By PPVs per day": cap where the next PPV earns under this share of the mean revenue per PPV. */
    minMarginalShare: 0.4,
  },
  traits: {
    /** 000 task 3.3 `top_n` ("top 10", gap 4.1). */
    topN: 10,
    /** 000 task 3.3 `min_sample_for_confidence`. */
    minSampleForConfidence: 50,
    /** 000 task 3.3 `alpha`, Bonferroni-corrected over the trait families tested. */
    alpha: 0.05,
    /** 000 gap 4.1: 60 % of the top 10 share a trait. */
    threshold: 0.6,
    /** History records read for trait detection, days (the 90-day window of 001 §1.2.1). */
    historyDays: 90,
    /** 000 task 3.3 optimal caption length, characters (Unicode code points). */
    optimalLength: { minCharacters: 250, maxCharacters: 449 },
    /** 000 task 3.3: below 5 in any cell, Fisher's exact test instead of chi-square. */
    minCellForChiSquare: 5,
    /** Tables within this relative probability count as "as extreme" (R `fisher.test`, scipy). */
    fisherRelativeTolerance: 1e-7,
    /** 000 gap 4.1 "+20-30 %": optimal length x1.25, content type x1.25, tone x1.20. */
    multipliers: { optimalLength: 1.25, contentType: 1.25, tone: 1.2 },
  },
  allocation: {
    /** 001 §2.3 strategy weights by performance. */
    strategyWeights: {
      saturated: {
        revenue_focus: 0.1,
        engagement_burst: 0.3,
        balanced_standard: 0.2,
        variety_max: 0.2,
        storytelling: 0.2,
      },
      opportunity: {
        revenue_focus: 0.3,
        engagement_burst: 0.1,
        balanced_standard: 0.2,
        variety_max: 0.2,
        storytelling: 0.2,
      },
      balanced: {
        revenue_focus: 0.2,
        engagement_burst: 0.2,
        balanced_standard: 0.2,
        variety_max: 0.2,
        storytelling: 0.2,
      },
    },
    /** 001 §2.3: saturation above this uses `saturated` weights; opportunity above uses `opportunity`. */
    strategySaturationAbove: 70,
    strategyOpportunityAbove: 70,
    /** 001 phase 2 checkpoint. */
    minStrategiesPerWeek: 3,
    minDistinctTypesPerWeek: 10,
    minRevenueTypesPerWeek: 5,
    minEngagementTypesPerWeek: 5,
    /** Multiplier on a strategy's boosted types (001 §2.5 `boost=`; the seed gives no number). */
    strategyBoost: 2.5,
    /** Project choice: a type not yet used this week is this much more likely (keeps 10 types reachable). */
    noveltyMultiplier: 1.5,
    /** Project choice (RULINGS category balance is a week rule): days with fewer items leave the balance to the week, since a share of 1-3 items is all or nothing. */
    minItemsForDayBalance: 4,
    /** Base selection weight of each send type inside its category (001 §2.5 `type_weights`). */
    typeWeights: {
      ppv_unlock: 4,
      ppv_wall: 3,
      tip_goal: 1.2,
      vip_program: 0.6,
      game_post: 1.2,
      bundle: 1.5,
      flash_bundle: 1.0,
      snapchat_bundle: 0.6,
      first_to_tip: 1.0,
      link_drop: 1.0,
      wall_link_drop: 1.0,
      bump_normal: 2.5,
      bump_descriptive: 1.8,
      bump_text_only: 1.5,
      bump_flyer: 1.0,
      dm_farm: 1.2,
      like_farm: 0.8,
      live_promo: 0.7,
      renew_on_post: 1.0,
      renew_on_message: 1.0,
      ppv_followup: 0,
      expired_winback: 0.8,
    },
    /** 001 "Opportunity-Based Prioritization": opportunity > 70. */
    highOpportunityPriority: { ppv_unlock: 1.5, bundle: 1.4, flash_bundle: 1.3, vip_program: 1.2 },
    /** 001 "Opportunity-Based Prioritization": opportunity < 40. */
    lowOpportunityPriority: {
      bump_normal: 1.3,
      bump_descriptive: 1.3,
      dm_farm: 1.2,
      link_drop: 1.1,
    },
    highOpportunityAbove: 70,
    lowOpportunityBelow: 40,
  },
  content: {
    /** 001 §3.0 scoring weights. */
    weights: {
      freshness: 0.4,
      performance: 0.35,
      typePriority: 0.15,
      diversity: 0.05,
      persona: 0.05,
    },
    /** 001 phase 3 recovery "caption_freshness_low": weights when the pool is stale. */
    degradedWeights: {
      freshness: 0.2,
      performance: 0.5,
      typePriority: 0.15,
      diversity: 0.1,
      persona: 0.05,
    },
    /** Average candidate freshness below which the degraded weights apply (001 "Low Caption Freshness"). */
    staleAverageFreshness: 50,
    /** RULINGS "freshness": a used caption recovers linearly to 100 over this many days. */
    freshnessRecoveryDays: 30,
    /** 001 phase 3 recovery degradation chain (thresholds on 0-100 scores). */
    degradationChain: [
      { minFreshness: 30, minPerformance: 40 },
      { minFreshness: 20, minPerformance: 30 },
      { minFreshness: 10, minPerformance: 20 },
      { minFreshness: 0, minPerformance: 0 },
    ],
    /** 001 §3.1 `limit = 10`. */
    candidateLimit: 10,
    /**
     * Project choice (docs/rulings.md "structure fit"): a styled PPV looks for captions that fit
     * its style among the first 50 passing captions in the port's order (freshness,
     * performance), so the search stays bounded in large banks.
     */
    styleScanLimit: 50,
    /** Type-priority score of the primary and secondary caption type (001 §3.2 priorities 1, 2). */
    typePriorityScores: [100, 70],
    /** Type-priority score of a generic caption of another type (001 §3.5 strategy 2). */
    genericTypePriorityScore: 40,
    /** Diversity score lost per use by any creator of the universal pool (RULINGS "freshness"). */
    diversityPenaltyPerGlobalUse: 5,
    /** Text of a slot no caption could fill (001 "Caption shortage" final fallback). */
    manualCaptionText: 'MANUAL_REQUIRED',
    /** 001 §3.4: below this a caption is reported as `low_freshness`. */
    lowFreshnessWarningBelow: 30,
    /** Captions per send type below which a caption-pool warning is raised (001 §1.2.1 module 7). */
    lowPoolThreshold: 3,
    /**
     * Persona fit (001 §3.0 persona component, §7.2 check 6; the seed gives no formula - project
     * choice): points for emoji density (emojis per word) inside the persona's band, slang density
     * inside its band, and a favourite emoji or signature phrase; a caption matches from 40; no
     * persona scores a neutral 50.
     */
    persona: {
      emojiBands: { none: [0, 0.02], low: [0.02, 0.12], medium: [0.1, 0.35], high: [0.3, 10] },
      slangBands: { none: [0, 0.02], light: [0.01, 0.12], heavy: [0.08, 10] },
      points: { emoji: 50, slang: 25, signature: 25 },
      matchMinScore: 40,
      neutralScore: 50,
    },
  },
  timing: {
    /** RULINGS "window": 08:00-23:30 local, in minutes after midnight. */
    windowStartMinute: 8 * 60,
    windowEndMinute: 23 * 60 + 30,
    /** RULINGS "spacing": target 45, then relax to 30, then 20 (001 phase 5 recovery). */
    spacingSteps: [45, 30, 20],
    /** RULINGS "spacing": blocks of 4 hours from 00:00, at most 3 sends of a family each. */
    blockMinutes: 240,
    maxPerBlock: 3,
    /** 001 §5.5: no exact clock time more than twice a week. */
    maxClockTimeUsesPerWeek: 2,
    /** 003 task 2.6: jitter offset range in minutes. */
    jitterMin: -7,
    jitterMax: 8,
    /** 003 gap 10.7: minutes never scheduled. */
    roundMinutes: [0, 15, 30, 45],
    /** 001 §5.3 preferred hours for engagement and retention. */
    engagementHours: [9, 10, 11, 14, 15, 16],
    retentionHours: [16, 17, 18],
    /** 001 §5.2 morning / evening shifts in minutes (even days: -15 / +20). */
    morningShiftMinutes: 15,
    eveningShiftMinutes: 20,
    /** 001 phase 1 recovery: generic timing when none is given. */
    defaultPeakHours: [19, 20, 21, 22],
    defaultAvoidHours: [3, 4, 5, 6],
    /** 001 §5.2 prime-hour rotation offsets by day index modulo 3. */
    primeHourRotation: [-1, 0, 1],
    /** Project choice (001 §5.6, RULINGS "per-type gaps"): from this gap on, a type's earlier send decides where the next one can start (12 hours). */
    chainedGapMinutes: 12 * 60,
    /** 001 §5.3 `find_any_available_slot`: minutes between two fallback bases (the jitter covers the minutes between). */
    fallbackStepMinutes: 5,
    /**
     * Project choice (003 task 2.4 `create_link_drop(parent_campaign, ...)`; 001 §5.7 link_drop
     * 24 hours "Campaign freshness"): a link drop promotes the latest campaign sent in the 24
     * hours before it.
     */
    linkDropLookbackHours: 24,
  },
  followups: {
    /** RULINGS "Follow-ups" / 003 task 2.3: truncated normal on [15, 45], mean 28, sd 8. */
    minDelayMinutes: 15,
    maxDelayMinutes: 45,
    meanDelayMinutes: 28,
    sdDelayMinutes: 8,
    /** 000 gap 5.1. */
    maxPerDay: 4,
    /** 000 task 3.4 priority weights. */
    priorityWeights: { revenue: 0.5, recency: 0.3, engagement: 0.2 },
    /** 000 task 3.4: revenue normalised to this many USD, engagement to this rate. */
    revenueNormalizerUsd: 1000,
    engagementNormalizerRate: 0.2,
    /** RULINGS "late parents": the last minute of the day a follow-up may use, 23:59. */
    latestMinuteOfDay: 23 * 60 + 59,
    /** Project choice (000 task 3.4 gives no default): a parent type without history is estimated at its default price x 10 buyers. */
    defaultPriceBuyers: 10,
    /** 000 task 3.4 recency: `1 - hours to the end of the day / 24`. */
    recencyHorizonHours: 24,
    /** Project choice: the engagement score of a parent without an engagement rate (a type without views in the history). */
    neutralEngagementScore: 0.5,
    /** 000 task 3.4 `recency_score = 0.5  # Default if no timestamp`: a parent without a send time. */
    neutralRecencyScore: 0.5,
  },
  validation: {
    /** RULINGS "score thresholds". */
    passScore: 85,
    reviewScore: 70,
    /** RULINGS "category balance" (allocated items only). */
    revenueMinShare: 0.3,
    engagementMinShare: 0.25,
    retentionMaxShare: 0.2,
    /** RULINGS "revenue / engagement mix": 60 % low tier, 50 % others, reported with tolerance. */
    revenueMixLowTier: 0.6,
    revenueMixOtherTiers: 0.5,
    revenueMixTolerance: 0.15,
    /** Project choice: warnings together deduct at most this, so warnings alone cannot fail a week (score >= 86). */
    maxWarningDeduction: 14,
    /** RULINGS "manual captions": more than 10 % MANUAL_REQUIRED items is at best needs_review. */
    maxManualCaptionShare: 0.1,
  },
  pricing: {
    /** Default prices in USD per revenue send type; calibrated to the real-data README ($15-25 PPVs earn most). */
    defaultPrices: {
      ppv_unlock: 18,
      ppv_wall: 15,
      tip_goal: 50,
      vip_program: 200,
      game_post: 10,
      bundle: 30,
      flash_bundle: 22,
      snapchat_bundle: 35,
      first_to_tip: 25,
    },
    /** Prices never leave this range, USD. */
    minPrice: 3,
    maxPrice: 250,
    /** Project choice (001 consumption rule 4): past prices of a send type move its price only from 3 of them on. */
    minHistoryPrices: 3,
  },
  rotation: {
    /** 003 task 2.1 `_check_pattern_rotation`: no rotation before day 3 of a pattern; on day 3 the deterministic 50 % decision. */
    minDaysOnPattern: 3,
    /** 003 task 2.1: from day 4 on a pattern always rotates ("pattern changes every 3-4 days", gap 1.1). */
    maxDaysOnPattern: 4,
    /** RULINGS "exhausted": the state keeps the patterns of the last 14 days. */
    recentPatternDays: 14,
    /** 003 gap 1.2, task 2.2: never two winner or two bundle PPVs back to back, and the AM/PM split for them. */
    noBackToBackStyles: ['winner', 'bundle'],
    /** 003 task 2.2: `period = 'AM' if hour < 12 else 'PM'`; also 003 task 2.8 `get_am_pm_preference` (`'AM' if peak_hour < 12`). */
    amPmSplitHour: 12,
    /**
     * Project choice (docs/rulings.md "same-style room"): allocation adds a bundle send type to a
     * day only while its bundle-style sends leave 2 sends of slack beyond the least an order
     * without two bundles in a row needs (`2 x bundles <= styled + 1 - slack`), since the times
     * come later and channel families and per-type gaps can pin sends in place.
     */
    bundleSendSlack: 2,
    /**
     * Project choice (docs/rulings.md "style content"), over the agency's content-type keys
     * (real-data `content_types.json`): the content types a PPV of each style shows. Caption
     * matching prefers captions of these types and reports a misfit (`ppv_style_misfit`); an
     * empty list is any content type (a bundle or a winner is chosen by its structure, seed 004).
     * Source: 003 gap 1.1 (solo, bundle, winner, sextape), issue 7 ("solo, b/g and so on").
     */
    /**
     * Project choice (docs/rulings.md "style content"): caption types a pattern PPV of each style
     * may also take beyond its send type's own (001 §3.2): a bundle-style PPV a `bundle_offer`
     * caption, whose seed 004 bundle structure (itemization, value anchor, urgency) its own
     * `ppv_offer` / `teaser` captions rarely have. They score as generic unless they fit the
     * structure (ISSUE-NOTES: a fitting caption scores as the primary type).
     */
    styleCaptionTypes: { solo: [], bundle: ['bundle_offer'], winner: [], sextape: [] },
    styleContentTypes: {
      solo: [
        'solo',
        'implied_solo',
        'pussy_play',
        'implied_pussy_play',
        'toy_play',
        'implied_toy_play',
        'tits_play',
        'implied_tits_play',
        'squirt',
        'joi',
        'shower_bath',
        'lingerie',
        'teasing',
        'feet',
        'pov',
      ],
      bundle: [],
      winner: [],
      sextape: [
        'boy_girl',
        'boy_girl_girl',
        'girl_girl',
        'girl_girl_girl',
        'creampie',
        'blowjob',
        'deepthroat',
        'anal',
      ],
    },
  },
  /** Timeouts, retries, circuit breaker and idempotency: the resilience module's table, each number with its seed (001 "Error Handling"; 003 tasks 2.5b, 2.5c). */
  resilience: DEFAULT_RESILIENCE_POLICY,
  ppvStructure: {
    /** 004 "PPV Caption Structure Requirements": a Winner PPV caption has at least 3 of its 4 elements (75 %). */
    winnerMinElements: 3,
    /** 004 "PPV Caption Structure Requirements": a Bundle PPV caption has at least 2 of its 3 elements (the count wins over the table's "50 %"). */
    bundleMinElements: 2,
    /** 004 "PPV Caption Structure Requirements": a Wall Campaign caption has at least 2 of its 3 elements (67 %). */
    wallCampaignMinElements: 2,
    /** Project choice (004 names "Clickbait Title" without a length): a title is at most 60 characters (code points). */
    titleMaxCharacters: 60,
    /** Project choice (004 names "Body with Setting" without a length): a body has at least 8 words. */
    bodyMinWords: 8,
    /** Project choice (004 names "Short Wrap" without a length): a wrap is at most 80 characters (code points). */
    wrapMaxCharacters: 80,
  },
  /** 003 gap 1.6 and task 2.5 `PinnedPostManager`: the pinned posts of the wall. */
  pins: {
    /** 003 task 2.5 `MAX_PINNED = 5` (gap 1.6 "Max 3-5 pins"). */
    maxPinned: 5,
    /** 003 task 2.5 `PIN_DURATION_HOURS = 72` (gap 1.6 "rotate every 72 hours"). */
    pinDurationHours: 72,
    /** 003 task 2.5 `should_pin`: `send_type in ['ppv_wall', 'game_post']`. */
    pinnedSendTypes: ['ppv_wall', 'game_post'],
  },
  /** 003 task 2.8 `TimingProfileIntegration`: how a creator's timing profile adjusts the defaults. */
  timingProfile: {
    /** 003 task 2.8 `get_optimal_followup_window`: `max(15, int(avg_response_time * 0.6))`. */
    windowMinFactor: 0.6,
    /** 003 task 2.8 `get_optimal_followup_window`: `min(45, int(avg_response_time * 1.5))`. */
    windowMaxFactor: 1.5,
    /** RULINGS "creator window": the creator's window is used only when at least 10 minutes wide. */
    minWindowWidthMinutes: 10,
    /** 003 task 2.8 `adjust_jitter_for_creator` low variation: `max(1, base_jitter // 2)`. */
    lowJitterDivisor: 2,
    lowJitterMinMinutes: 1,
    /** 003 task 2.8 `adjust_jitter_for_creator` high variation: `min(8, base_jitter * 2)`. */
    highJitterFactor: 2,
    highJitterMaxMinutes: 8,
    /** 003 task 2.2b `window_position`: a follow-up gap under 20 minutes is `early`, over 40 `late`. */
    earlyBelowMinutes: 20,
    lateAboveMinutes: 40,
  },
  /** 000 task 3.6 `GameTypeTracker.get_recommendations`: the game type success tracker. */
  games: {
    /** 000 task 3.6 `avoid_list`: `est['posterior_mean'] < 1000  # Below $1000 threshold` (USD). */
    avoidBelowUsd: 1000,
  },
  /**
   * 000 task 3.2 `CAMPAIGN_FREQUENCY_RULES` and `validate_campaign_frequency`; RULINGS
   * "Campaigns and games" (cadence, total, games, monthly projection, spacing unit).
   */
  campaigns: {
    rules: {
      /** 000 task 3.2: every 2-3 days, 10-15 a month ("Top converters"). */
      descriptive_wall_campaign: {
        minDaysBetween: 2,
        maxDaysBetween: 3,
        monthlyTarget: [10, 15],
        /** The planner's aim inside the target (docs/rulings.md "Campaign cadence"). */
        plannedPerMonth: 12,
      },
      /** 000 task 3.2: bundle wall campaigns every 5-7 days, 4-6 a month. */
      bundle_wall_campaign: {
        minDaysBetween: 5,
        maxDaysBetween: 7,
        monthlyTarget: [4, 6],
        plannedPerMonth: 5,
      },
      /** 000 task 3.2: spin the wheel weekly, 7 days between, 4-5 a month. */
      spin_the_wheel_game: {
        minDaysBetween: 7,
        maxDaysBetween: 7,
        monthlyTarget: [4, 5],
        plannedPerMonth: 4,
      },
      /** 000 task 3.2: other games every 7-14 days, 2-4 a month. */
      game_other: {
        minDaysBetween: 7,
        maxDaysBetween: 14,
        monthlyTarget: [2, 4],
        plannedPerMonth: 3,
      },
    },
    /** 000 task 3.2 overall check: `monthly_projection < 14` is critical (RULINGS "total"). */
    minPerMonth: 14,
    /** 000 task 3.2 `monthly_projection = len(dates) * (30 / schedule_days)`. */
    daysPerMonth: 30,
    /** 000 task 3.2 `validate_campaign_frequency(schedule, lookback_days=30)`. */
    lookbackDays: 30,
    /**
     * Words a game caption names its game type with (000 task 3.6 sub-types; the caption of a
     * game fits its type, issue 8): matched case-insensitively at word starts.
     */
    gameKeywords: {
      spin_the_wheel: ['spin', 'wheel'],
      prize_wheel: ['prize wheel', 'prize'],
      mystery_box: ['mystery', 'box'],
      scratch_off: ['scratch'],
      card_game: ['card', 'deck'],
    },
  },
  /** 004 operational records, their views and the learning signal (`src/records/`). */
  records: {
    /** 004 `ppv_followup_tracking.is_optimal_window`: "1 if 15-45 min" (inclusive). */
    optimalFollowupWindow: { minMinutes: 15, maxMinutes: 45 },
    /** 004 "Best Practices" suboptimal follow-up timing: `date('now', '-7 days')`, `HAVING suboptimal_count > 5`. */
    suboptimalFollowups: { lookbackDays: 7, countAbove: 5 },
    /** 004 "Best Practices" predictions that consistently miss: `HAVING avg_error > 25 AND predictions >= 3`. */
    predictionMisses: { avgErrorAbovePct: 25, minPredictions: 3 },
    /** 004 "Circuit Breaker Health Check": `half_open AND minutes_in_state > 30`, `success_rate_pct < 80`. */
    unhealthyBreakers: { halfOpenAboveMinutes: 30, successRateBelowPct: 80 },
    /**
     * 004 `volume_adjustment_outcomes.learning_signal` (-1..1; the seed gives the range and the
     * bands, not the formula). Project choices (docs/rulings.md "Records"): the signal is the
     * weighted mean of three parts in -1..1, the revenue-per-send change over
     * `revenuePerSendFullScalePct`, minus the saturation delta and plus the opportunity delta
     * over `scoreFullScalePoints`; `|signal| <= neutralBand` is `neutral` (004 "0.0: Neutral,
     * maintain current approach", widened to a band); the volume engine reads the mean signal
     * of the last `lookbackOutcomes` outcomes of each kind of adjustment.
     */
    learning: {
      weights: { revenuePerSend: 0.6, saturation: 0.2, opportunity: 0.2 },
      revenuePerSendFullScalePct: 50,
      scoreFullScalePoints: 25,
      neutralBand: 0.1,
      lookbackOutcomes: 4,
    },
  },
  /**
   * 000 task 3.8 "Volume Optimization Dashboard Metrics": each KPI's target and alert threshold
   * (`src/analytics/kpis.ts`). A value meeting the target is `ok`, one beyond the alert
   * threshold `alert`, anything between `watch` (docs/rulings.md "KPIs").
   */
  kpis: {
    /** 000 task 3.8 `campaign_frequency_adherence`: target >= 90 %, alert < 75 %. */
    campaignFrequencyAdherence: { targetAtLeast: 90, alertBelow: 75 },
    /** 000 task 3.8 `bump_ratio_compliance`: target >= 85 %, alert < 70 %. */
    bumpRatioCompliance: { targetAtLeast: 85, alertBelow: 70 },
    /** 000 task 3.8 `volume_prediction_mape`: target < 15 %, alert > 25 %. */
    volumePredictionMape: { targetBelow: 15, alertAbove: 25 },
    /** 000 task 3.8 `trait_recommendation_lift`: target > 20 %, alert < 5 %. */
    traitRecommendationLift: { targetAbove: 20, alertBelow: 5 },
    /** 000 task 3.8 `followup_limit_utilization`: target 75-100 %, alert < 50 %. */
    followupLimitUtilization: { targetRange: [75, 100], alertBelow: 50 },
    /** 000 task 3.8 `weekly_limit_violations`: target 0, alert > 0. */
    weeklyLimitViolations: { targetAtMost: 0, alertAbove: 0 },
    /** 000 task 3.8 `game_type_revenue_variance`: target < 0.50, alert > 0.75. */
    gameTypeRevenueVariance: { targetBelow: 0.5, alertAbove: 0.75 },
    /** 000 task 3.8 `bayesian_estimate_accuracy`: target > 85 %, alert < 70 %. */
    bayesianEstimateAccuracy: { targetAbove: 85, alertBelow: 70 },
  },
  /** 000 task 3.7 `VolumeABTest` defaults and `validate_test_completion` (`src/analytics/abTest.ts`). */
  abTest: {
    /** 000 task 3.7 `duration_days: int = 14`. */
    durationDays: 14,
    /** 000 task 3.7 `confidence_level: float = 0.95`, two-tailed (`stats.norm.ppf(1 - alpha / 2)`). */
    confidenceLevel: 0.95,
    /** 000 task 3.7 `statistical_power: float = 0.80` (`stats.norm.ppf(self.statistical_power)`). */
    statisticalPower: 0.8,
    /** 000 task 3.7 `minimum_detectable_effect: float = 0.10  # 10% lift`, in standard deviations of the metric. */
    minimumDetectableEffect: 0.1,
    /** 000 task 3.7 `sigma = 1.0` ("Assuming unit variance for normalized metrics"). */
    standardDeviation: 1,
    /** 000 task 3.7 `validate_test_completion`: `max(shortfall_control, shortfall_treatment) // 10 + 1` more days. */
    observationsPerDay: 10,
    /** Project choice (000 task 3.7 names control and treatment without a split; docs/rulings.md "A/B tests"): half the creators in treatment. */
    treatmentShare: 0.5,
  },
} as const satisfies SchedulePolicy;

/**
 * The default policy, deep-frozen. Each entry names its seed and section.
 *
 * @since 0.1.0
 * @category policy
 */
export const DEFAULT_POLICY: SchedulePolicy = deepFreeze(DEFAULTS);

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/** A fresh deep copy of plain data (objects and arrays), merging `over` into `base`. */
const merge = (base: unknown, over: unknown): unknown => {
  if (isPlainObject(base)) {
    const o = isPlainObject(over) ? over : {};
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(base))
      out[k] = merge(base[k], Object.hasOwn(o, k) ? o[k] : undefined);
    return out;
  }
  const v = over === undefined ? base : over;
  return Array.isArray(v) ? v.map((x) => merge(x, undefined)) : v;
};

const sumsToOne = (w: Readonly<Record<string, number>>): boolean =>
  Math.abs(Object.values(w).reduce((a, b) => a + b, 0) - 1) < 1e-9;

/**
 * The invariants between leaves of a whole policy: weights summing to 1, ordered thresholds,
 * the window inside the day, the tiers in order. One `invalid_policy` issue per broken one,
 * naming its path.
 */
const invariantIssues = (p: SchedulePolicy): ReadonlyArray<Issue> => {
  const out: Issue[] = [];
  const bad = (path: string, expected: string, received: unknown) =>
    out.push(
      issue(
        'invalid_policy',
        { expected, received: JSON.stringify(received) ?? 'undefined' },
        `policy.${path}`,
      ),
    );
  const weightSets: ReadonlyArray<readonly [string, Readonly<Record<string, number>>]> = [
    ['content.weights', p.content.weights],
    ['content.degradedWeights', p.content.degradedWeights],
    ['followups.priorityWeights', p.followups.priorityWeights],
    ['volume.fusion.weights', p.volume.fusion.weights],
    ['volume.fusion.divergentWeights', p.volume.fusion.divergentWeights],
    ['allocation.strategyWeights.saturated', p.allocation.strategyWeights.saturated],
    ['allocation.strategyWeights.opportunity', p.allocation.strategyWeights.opportunity],
    ['allocation.strategyWeights.balanced', p.allocation.strategyWeights.balanced],
    ['records.learning.weights', p.records.learning.weights],
  ];
  for (const [path, w] of weightSets)
    if (!sumsToOne(w))
      bad(
        path,
        'weights summing to 1',
        Object.values(w).reduce((a, b) => a + b, 0),
      );
  const t = p.timing;
  if (!(t.windowStartMinute < t.windowEndMinute))
    bad('timing.windowStartMinute', 'windowStartMinute < windowEndMinute', [
      t.windowStartMinute,
      t.windowEndMinute,
    ]);
  if (t.windowEndMinute - t.windowStartMinute <= t.jitterMax - t.jitterMin)
    bad('timing.windowEndMinute', 'a window longer than the jitter range', t.windowEndMinute);
  for (let i = 1; i < t.spacingSteps.length; i++)
    if ((t.spacingSteps[i] as number) > (t.spacingSteps[i - 1] as number))
      bad(`timing.spacingSteps[${i}]`, 'spacing steps that never increase', t.spacingSteps);
  if (t.roundMinutes.length >= 60)
    bad('timing.roundMinutes', 'fewer than 60 round minutes', t.roundMinutes.length);
  if (p.rotation.minDaysOnPattern > p.rotation.maxDaysOnPattern)
    bad('rotation.minDaysOnPattern', 'minDaysOnPattern <= maxDaysOnPattern', [
      p.rotation.minDaysOnPattern,
      p.rotation.maxDaysOnPattern,
    ]);
  for (const [type, rule] of Object.entries(p.campaigns.rules))
    if (rule.minDaysBetween > rule.maxDaysBetween)
      bad(`campaigns.rules.${type}.minDaysBetween`, 'minDaysBetween <= maxDaysBetween', [
        rule.minDaysBetween,
        rule.maxDaysBetween,
      ]);
  const f = p.followups;
  if (!(f.minDelayMinutes <= f.meanDelayMinutes && f.meanDelayMinutes <= f.maxDelayMinutes))
    bad('followups.minDelayMinutes', 'minDelay <= meanDelay <= maxDelay', [
      f.minDelayMinutes,
      f.meanDelayMinutes,
      f.maxDelayMinutes,
    ]);
  if (Math.ceil(f.minDelayMinutes) > Math.floor(f.maxDelayMinutes))
    bad(
      'followups.maxDelayMinutes',
      'a whole minute between minDelay and maxDelay',
      f.maxDelayMinutes,
    );
  if (f.latestMinuteOfDay < t.windowStartMinute)
    bad(
      'followups.latestMinuteOfDay',
      'latestMinuteOfDay >= timing.windowStartMinute',
      f.latestMinuteOfDay,
    );
  const v = p.validation;
  if (!(v.reviewScore <= v.passScore))
    bad('validation.reviewScore', 'reviewScore <= passScore', v.reviewScore);
  if (v.revenueMinShare + v.engagementMinShare > 1)
    bad(
      'validation.revenueMinShare',
      'revenueMinShare + engagementMinShare <= 1',
      v.revenueMinShare + v.engagementMinShare,
    );
  const vol = p.volume;
  vol.tiers.forEach((row, i) => {
    if (row.tier !== TIERS[i]) bad(`volume.tiers[${i}].tier`, JSON.stringify(TIERS[i]), row.tier);
    if (i === 0 && row.minFans !== 0) bad('volume.tiers[0].minFans', '0', row.minFans);
    if (i > 0 && row.minFans <= (vol.tiers[i - 1]?.minFans ?? 0))
      bad(`volume.tiers[${i}].minFans`, 'increasing fan thresholds', row.minFans);
  });
  if (
    !(
      vol.failBelowConfidence <= vol.dampenBelowConfidence &&
      vol.dampenBelowConfidence <= vol.trustAboveConfidence
    )
  )
    bad(
      'volume.dampenBelowConfidence',
      'failBelowConfidence <= dampenBelowConfidence <= trustAboveConfidence',
      vol.dampenBelowConfidence,
    );
  if (vol.degradation.minimumSafeConfidence < vol.failBelowConfidence)
    bad(
      'volume.degradation.minimumSafeConfidence',
      'at least volume.failBelowConfidence (the gate must not fail the minimum-safe step)',
      vol.degradation.minimumSafeConfidence,
    );
  const chain = p.content.degradationChain;
  for (let i = 1; i < chain.length; i++) {
    const a = chain[i - 1] as (typeof chain)[number];
    const b = chain[i] as (typeof chain)[number];
    if (b.minFreshness > a.minFreshness || b.minPerformance > a.minPerformance)
      bad(`content.degradationChain[${i}]`, 'thresholds that never increase', b);
  }
  if (p.pricing.minPrice > p.pricing.maxPrice)
    bad('pricing.minPrice', 'minPrice <= maxPrice', p.pricing.minPrice);
  const w = p.records.optimalFollowupWindow;
  if (w.minMinutes > w.maxMinutes)
    bad('records.optimalFollowupWindow.minMinutes', 'minMinutes <= maxMinutes', w.minMinutes);
  const len = p.traits.optimalLength;
  if (len.minCharacters > len.maxCharacters)
    bad('traits.optimalLength.minCharacters', 'minCharacters <= maxCharacters', len.minCharacters);
  // A KPI's alert threshold lies beyond its target, never inside it.
  const k = p.kpis;
  const kpiOrder: ReadonlyArray<readonly [string, number, number]> = [
    [
      'campaignFrequencyAdherence.alertBelow',
      k.campaignFrequencyAdherence.alertBelow,
      k.campaignFrequencyAdherence.targetAtLeast,
    ],
    [
      'bumpRatioCompliance.alertBelow',
      k.bumpRatioCompliance.alertBelow,
      k.bumpRatioCompliance.targetAtLeast,
    ],
    [
      'volumePredictionMape.targetBelow',
      k.volumePredictionMape.targetBelow,
      k.volumePredictionMape.alertAbove,
    ],
    [
      'traitRecommendationLift.alertBelow',
      k.traitRecommendationLift.alertBelow,
      k.traitRecommendationLift.targetAbove,
    ],
    [
      'followupLimitUtilization.alertBelow',
      k.followupLimitUtilization.alertBelow,
      k.followupLimitUtilization.targetRange[0],
    ],
    [
      'weeklyLimitViolations.targetAtMost',
      k.weeklyLimitViolations.targetAtMost,
      k.weeklyLimitViolations.alertAbove,
    ],
    [
      'gameTypeRevenueVariance.targetBelow',
      k.gameTypeRevenueVariance.targetBelow,
      k.gameTypeRevenueVariance.alertAbove,
    ],
    [
      'bayesianEstimateAccuracy.alertBelow',
      k.bayesianEstimateAccuracy.alertBelow,
      k.bayesianEstimateAccuracy.targetAbove,
    ],
  ];
  for (const [path, low, high] of kpiOrder)
    if (low > high) bad(`kpis.${path}`, 'an alert threshold beyond the target', [low, high]);
  return out;
};

/**
 * Decodes policy overrides (`unknown`: anything a caller passes), merges them over
 * `DEFAULT_POLICY` and checks the result.
 *
 * - Every leaf has a range (a jitter of 1e9 minutes, `NaN` or `"abc"` is an error at its path);
 *   an unknown key is an error (`policy.timing.windowStart: unknown key`); arrays and
 *   `[min, max]` pairs are replaced whole.
 * - Then the invariants between leaves (weights summing to 1, ordered thresholds, the window).
 * - `Left` with one `invalid_policy` issue per problem, every problem collected; never throws,
 *   whatever it is given (circular or unreadable values included).
 * - `Right` with a fresh, deep-frozen policy: nothing is shared with `DEFAULT_POLICY` or the
 *   overrides, so no caller's object can change a later build.
 *
 * @example
 * resolvePolicy({ followups: { maxPerDay: 3 } }) // Right(policy with 3 follow-ups a day)
 * resolvePolicy({ timing: { jitterMax: 1e9 } })  // Left([policy.timing.jitterMax: expected integer in 0..30, got 1000000000])
 *
 * Source: RULINGS intro; STYLE "ts-fsrs" (one resolver).
 *
 * @since 0.1.0
 * @category policy
 */
export const resolvePolicy = (
  overrides: unknown = {},
): E.Either<ReadonlyArray<Issue>, SchedulePolicy> => {
  const decoded = decodeWith(SCHEMA.partial, overrides ?? {}, 'policy', 'invalid_policy');
  if (E.isLeft(decoded)) return decoded;
  let merged: SchedulePolicy;
  try {
    merged = merge(DEFAULT_POLICY, decoded.right) as SchedulePolicy;
  } catch {
    return E.left([
      issue(
        'invalid_policy',
        { expected: 'plain data', received: 'an unreadable value' },
        'policy',
      ),
    ]);
  }
  const problems = invariantIssues(merged);
  if (problems.length > 0) return E.left(problems);
  const frozen = deepFreeze(merged);
  for (const slice of Object.values(frozen))
    if (typeof slice === 'object') resolvedSlices.add(slice);
  return E.right(frozen);
};

/** The sections of every policy `resolvePolicy` returned: deep-frozen and already checked. */
const resolvedSlices = new WeakSet<object>([
  ...Object.values(DEFAULT_POLICY).filter((v): v is object => typeof v === 'object' && v !== null),
]);

/**
 * Whether `slice` is a section (`pins`, `timing`, ...) of a policy `resolvePolicy` returned, or
 * of `DEFAULT_POLICY`: such a section is deep-frozen and passed every check, so a phase that is
 * handed it needs not check it again (issue 11: work once). Any other value gives `false`.
 *
 * Source: RULINGS intro (one resolver).
 *
 * @since 0.3.0
 * @category policy
 */
export const isResolvedSlice = (slice: unknown): boolean =>
  typeof slice === 'object' && slice !== null && resolvedSlices.has(slice);

/**
 * The default price of a send type in USD (`policy.pricing.defaultPrices`), `null` for a send
 * type without a price. Source: policy `pricing`.
 *
 * @since 0.2.0
 * @category policy
 */
export const defaultPriceOf = (sendTypeKey: SendTypeKey, policy: SchedulePolicy): number | null =>
  (policy.pricing.defaultPrices as Readonly<Partial<Record<SendTypeKey, number>>>)[sendTypeKey] ??
  null;

/**
 * The io-ts codec of policy overrides (what `inputs.policy` may hold): strict objects, a range
 * for every leaf. `resolvePolicy` uses it; it is exported for callers who decode a stored policy
 * themselves.
 *
 * @since 0.2.0
 * @category policy
 */
export const PolicyOverridesC: t.Type<PolicyOverrides, PolicyOverrides, unknown> = SCHEMA.partial;

/**
 * The io-ts codec of a whole policy (every key required).
 *
 * @since 0.2.0
 * @category policy
 */
export const SchedulePolicyC: t.Type<SchedulePolicy, SchedulePolicy, unknown> = SCHEMA.full;
