/**
 * Every number and table of the RULINGS hard rules, written out as literals with the seed or
 * RULINGS reference beside it. The oracle (`oracle.ts`) reads its numbers from here and only
 * from here: nothing in this file may read a value from `src/` (only `import type` is allowed,
 * and `oracle.test.ts` checks it). A property of the code under test whose oracle reads its
 * numbers from that code cannot catch a mutant of those numbers (issue 12).
 *
 * A test that builds with a policy override passes the oracle its own overridden literals
 * (`overrideLiterals(DEFAULT_LITERALS, { blocks: { maxPerFamily: 1 } })`).
 *
 * Seed names: `000` = Wave 3 content mix and volume, `001` = pipeline orchestration v2.3,
 * `003` = Wave 2 timing precision.
 */
import type {
  Category,
  ChannelKey,
  PageType,
  SendTypeKey,
  TargetKey,
} from '../../src/domain/catalog';

/** A channel family of the spacing and block rules (RULINGS "Timing"). */
export type Family = 'messages' | 'posts';

/** The five daily strategies (001 §2.3). */
export type StrategyName =
  | 'revenue_focus'
  | 'engagement_burst'
  | 'balanced_standard'
  | 'variety_max'
  | 'storytelling';

/** Every literal the hard rules use. Minutes unless the name says otherwise. */
export interface HardRuleLiterals {
  readonly window: {
    /** First local minute of a non-follow-up send, 08:00. */
    readonly startMinute: number;
    /** Last local minute of a non-follow-up send, 23:30. */
    readonly endMinute: number;
    /** Last local minute of a follow-up on its parent's date, 23:59. */
    readonly followupLatestMinute: number;
    /** Quiet hours never used by any send, 03:00-07:59 (inclusive minutes). */
    readonly quietStartMinute: number;
    readonly quietEndMinute: number;
  };
  /** Minutes of the hour never scheduled, follow-ups included. */
  readonly roundMinutes: ReadonlyArray<number>;
  readonly spacing: {
    /** Target minutes between two non-follow-up sends of one family. */
    readonly targetMinutes: number;
    /** Last relaxation step: never closer than this. */
    readonly floorMinutes: number;
    /** The relaxation steps, target first. */
    readonly steps: ReadonlyArray<number>;
    /** Family of each channel. */
    readonly families: Readonly<Record<ChannelKey, Family>>;
  };
  readonly blocks: {
    /** Length of a local block, blocks start at 00:00. */
    readonly blockMinutes: number;
    /** Non-follow-up sends of one family per block. */
    readonly maxPerFamily: number;
  };
  /** Uses of one local clock time `HH:mm` per week. */
  readonly maxClockTimeUsesPerWeek: number;
  /** Minimum real hours between two sends of one type, across day boundaries. */
  readonly typeGapHours: Readonly<Record<SendTypeKey, number>>;
  /** Sends per week of the capped types. */
  readonly weeklyCaps: Readonly<Partial<Record<SendTypeKey, number>>>;
  readonly pageTypes: {
    /** Page types each send type may appear on. */
    readonly sendTypes: Readonly<Record<SendTypeKey, ReadonlyArray<PageType>>>;
    /** Page types each audience target may be used on. */
    readonly targets: Readonly<Record<TargetKey, ReadonlyArray<PageType>>>;
  };
  /** Channels each send type may use: its default channel and, where named, its second one. */
  readonly channels: Readonly<Record<SendTypeKey, ReadonlyArray<ChannelKey>>>;
  /** Targets a send type must use, where one is required. */
  readonly requiredTargets: Readonly<Partial<Record<SendTypeKey, ReadonlyArray<TargetKey>>>>;
  readonly followups: {
    /** The only send type phase 6 creates. */
    readonly sendType: SendTypeKey;
    /** Send types that can have a follow-up. */
    readonly parents: ReadonlyArray<SendTypeKey>;
    readonly minDelayMinutes: number;
    readonly maxDelayMinutes: number;
    /** Follow-ups per local date of the parent. */
    readonly maxPerParentDate: number;
    readonly target: TargetKey;
    readonly channel: ChannelKey;
    /** Minutes between two follow-ups (ppv_followup's own gap). */
    readonly minGapMinutes: number;
    /** The delay is drawn from a normal of this mean and deviation, truncated to the window. */
    readonly delayMeanMinutes: number;
    readonly delayStdDevMinutes: number;
  };
  /** Category of each send type. */
  readonly categories: Readonly<Record<SendTypeKey, Category>>;
  /** Shares of the week's allocated (non-follow-up) items. */
  readonly categoryBalance: {
    readonly revenueMinShare: number;
    readonly engagementMinShare: number;
    readonly retentionMaxShare: number;
  };
  readonly diversity: {
    readonly minDistinctTypes: number;
    readonly minRevenueTypes: number;
    /** The seed's own revenue set the revenue minimum is counted from. */
    readonly revenueTypes: ReadonlyArray<SendTypeKey>;
    readonly minEngagementTypes: number;
  };
  readonly strategies: {
    readonly names: ReadonlyArray<StrategyName>;
    readonly minDistinctPerWeek: number;
  };
  /** Hours after `scheduledAt` a send expires; types not listed never expire (`null`). */
  readonly expirationHours: Readonly<Partial<Record<SendTypeKey, number>>>;
  /** Link drops and the campaigns they promote (003 task 2.4; docs/rulings.md "Timing"). */
  readonly linkDrops: {
    /** Send types that are link drops: each names the campaign it promotes in `parentItemId`. */
    readonly sendTypes: ReadonlyArray<SendTypeKey>;
    /** Send types a link drop may promote (never a follow-up). */
    readonly campaignTypes: ReadonlyArray<SendTypeKey>;
    /** A link drop's campaign is sent before it and less than this many hours earlier. */
    readonly lookbackHours: number;
  };
  readonly captions: {
    /** `captionText` of an item waiting for a manual caption. */
    readonly manualText: string;
  };
  readonly status: {
    /** A passing status needs this score (and no errors). */
    readonly passScore: number;
    /** Below this score the week fails. */
    readonly reviewScore: number;
    /** A week with a larger share of manual captions is at best `needs_review`. */
    readonly maxManualShareToPass: number;
    readonly passing: ReadonlyArray<string>;
    readonly all: ReadonlyArray<string>;
  };
  readonly confidence: {
    /** Volume confidence never below this; the confidence gate never fails a default build. */
    readonly floor: number;
    /** The gate's error code. */
    readonly gateCode: string;
  };
  /** Jitter offsets of a non-follow-up send, minutes (inclusive). */
  readonly jitter: {
    readonly minMinutes: number;
    readonly maxMinutes: number;
  };
  readonly volume: {
    /** Tier rows by fan count, lowest first: a creator is in the last row whose `minFans` it reaches. */
    readonly tiers: ReadonlyArray<{
      readonly tier: string;
      readonly minFans: number;
      readonly revenuePerDay: number;
      readonly engagementPerDay: number;
      readonly retentionPerDay: number;
    }>;
    /** Page type on which retention is always 0. */
    readonly noRetentionPageType: PageType;
    /** The fallback levels: quotas (`null` = the tier row) and the confidence each sets. */
    readonly fallbacks: Readonly<
      Record<
        string,
        {
          readonly confidence: number;
          readonly quotas: {
            readonly revenuePerDay: number;
            readonly engagementPerDay: number;
            readonly retentionPerDay: number;
          } | null;
        }
      >
    >;
  };
  /** The PPV styles and the same-style rule (003 task 2.1, 2.2; RULINGS "Rotation and state"). */
  readonly sameStyle: {
    /** The four styles of the standard patterns. */
    readonly styles: ReadonlyArray<string>;
    /** Send types that take a pattern position and its style. */
    readonly patternTypes: ReadonlyArray<SendTypeKey>;
    /** Send types whose style is always `bundle`; back-to-back rule only, not the AM/PM split. */
    readonly bundleTypes: ReadonlyArray<SendTypeKey>;
    /** Styles never sent twice in a row in a day, and at most once in each half of the day. */
    readonly noBackToBack: ReadonlyArray<string>;
    /** First local minute of the PM half of the day, 12:00. */
    readonly pmStartMinute: number;
  };
  /** Issue codes the rules read in `result.summary.adjustments`. */
  readonly issueCodes: {
    readonly spacingRelaxed: string;
    readonly movedNextDay: string;
    readonly dropped: string;
    /** A link drop left without a campaign. */
    readonly linkDropUnlinked: string;
  };
}

const BOTH: ReadonlyArray<PageType> = ['paid', 'free'];
const PAID: ReadonlyArray<PageType> = ['paid'];
const FREE: ReadonlyArray<PageType> = ['free'];

/** The RULINGS defaults, each with its source. */
export const DEFAULT_LITERALS: HardRuleLiterals = {
  window: {
    startMinute: 8 * 60, // RULINGS "Timing" window: 08:00-23:30 local; 001 §5.3 "08:00 - 23:30"
    endMinute: 23 * 60 + 30, // RULINGS "Timing" window
    followupLatestMinute: 23 * 60 + 59, // RULINGS "Follow-ups" late parents: inside the day until 23:59; 003 task 2.3 "Clamp to 11:59 PM"
    quietStartMinute: 3 * 60, // RULINGS "Timing" window: "nothing 03:00-07:59"
    quietEndMinute: 7 * 60 + 59, // RULINGS "Timing" window
  },
  roundMinutes: [0, 15, 30, 45], // RULINGS "Timing" jitter, follow-ups included; 003 gap 10.7, task 2.6 ROUND_MINUTES
  spacing: {
    targetMinutes: 45, // RULINGS "Timing" spacing; 001 phase 5 checkpoint "At least 45 minutes"
    floorMinutes: 20, // RULINGS "Timing" relaxation "spacing 45 to 30 to 20"
    steps: [45, 30, 20], // RULINGS "Timing" relaxation order
    families: {
      mass_message: 'messages', // RULINGS "Timing" spacing: messages = mass_message, targeted_message
      targeted_message: 'messages',
      wall_post: 'posts', // RULINGS "Timing" spacing: posts = wall_post, story, live
      story: 'posts',
      live: 'posts',
    },
  },
  blocks: {
    blockMinutes: 4 * 60, // RULINGS "Timing" spacing: 4-hour blocks at 00:00, 04:00, ...; 001 §5.4 rule 3
    maxPerFamily: 3, // RULINGS "Timing": at most 3 non-follow-up sends of a family per block; 001 §5.4 rule 3
  },
  maxClockTimeUsesPerWeek: 2, // RULINGS "Timing": no exact clock time more than twice a week; 001 §5.5
  typeGapHours: {
    // 001 §5.6 "MIN TIME BETWEEN SAME TYPE", measured in real hours across days (RULINGS "per-type gaps")
    ppv_unlock: 2,
    ppv_wall: 3,
    tip_goal: 4,
    vip_program: 24,
    game_post: 4,
    bundle: 3,
    flash_bundle: 6,
    snapchat_bundle: 24,
    first_to_tip: 6,
    link_drop: 2,
    wall_link_drop: 3,
    bump_normal: 1,
    bump_descriptive: 2,
    bump_text_only: 2,
    bump_flyer: 4,
    dm_farm: 4,
    like_farm: 24,
    live_promo: 2,
    renew_on_post: 12,
    renew_on_message: 24,
    ppv_followup: 1,
    expired_winback: 24,
  },
  weeklyCaps: {
    vip_program: 1, // 001 §2.4 WEEKLY LIMITED TYPES; 000 gap 7.1; RULINGS "Allocation"
    snapchat_bundle: 1, // 001 §2.4; 000 gap 7.1
    tip_goal: 3, // 001 §2.4
  },
  pageTypes: {
    sendTypes: {
      // 001 §1.4 category table ("ppv_wall (FREE)", "tip_goal (PAID)") and FILTER
      // ("For free pages: Exclude renew_on_post, renew_on_message, expired_winback"); 001 §2.4.1
      ppv_unlock: BOTH,
      ppv_wall: FREE,
      tip_goal: PAID,
      vip_program: BOTH,
      game_post: BOTH,
      bundle: BOTH,
      flash_bundle: BOTH,
      snapchat_bundle: BOTH,
      first_to_tip: BOTH,
      link_drop: BOTH,
      wall_link_drop: BOTH,
      bump_normal: BOTH,
      bump_descriptive: BOTH,
      bump_text_only: BOTH,
      bump_flyer: BOTH,
      dm_farm: BOTH,
      like_farm: BOTH,
      live_promo: BOTH,
      renew_on_post: PAID,
      renew_on_message: PAID,
      ppv_followup: BOTH,
      expired_winback: PAID,
    },
    targets: {
      // 001 §4.1 TARGET CATALOG "Page Types"; 001 phase 4 checkpoint "No paid-only targets on free pages"
      all_active: BOTH,
      renew_off: PAID,
      renew_on: PAID,
      expired_recent: PAID,
      expired_all: PAID,
      never_purchased: BOTH,
      recent_purchasers: BOTH,
      high_spenders: BOTH,
      inactive_7d: BOTH,
      ppv_non_purchasers: BOTH,
    },
  },
  channels: {
    // RULINGS "Channels (phase 4)": default channel, then the second channel where named
    ppv_unlock: ['mass_message'],
    bundle: ['mass_message', 'wall_post'],
    flash_bundle: ['mass_message'],
    vip_program: ['mass_message'],
    snapchat_bundle: ['mass_message'],
    link_drop: ['mass_message'],
    dm_farm: ['mass_message'],
    renew_on_message: ['mass_message'],
    ppv_followup: ['targeted_message'],
    expired_winback: ['targeted_message'],
    ppv_wall: ['wall_post'],
    wall_link_drop: ['wall_post'],
    bump_flyer: ['wall_post'],
    like_farm: ['wall_post'],
    renew_on_post: ['wall_post'],
    tip_goal: ['wall_post', 'mass_message'],
    game_post: ['wall_post', 'mass_message'],
    first_to_tip: ['wall_post', 'mass_message'],
    bump_normal: ['wall_post', 'mass_message'],
    bump_descriptive: ['wall_post', 'mass_message'],
    bump_text_only: ['wall_post', 'mass_message'],
    live_promo: ['wall_post', 'story'],
  },
  requiredTargets: {
    renew_on_message: ['renew_off'], // 001 §4.3 "MUST target renew_off"; phase 4 checkpoint
    ppv_followup: ['ppv_non_purchasers'], // 001 §4.3 "MUST target non-buyers"; §6.2
    expired_winback: ['expired_recent', 'expired_all'], // 001 §4.2 "expired_winback REQUIRES expired_recent OR expired_all"
  },
  followups: {
    sendType: 'ppv_followup', // 001 §6.2 followup.send_type_key
    parents: ['ppv_unlock', 'ppv_wall', 'tip_goal'], // 001 §6.1 can_have_followup; RULINGS "Follow-ups" parents
    minDelayMinutes: 15, // RULINGS "Follow-ups" window; 003 gap 1.3, task 2.3 min_offset
    maxDelayMinutes: 45, // RULINGS "Follow-ups" window; 003 task 2.3 max_offset
    maxPerParentDate: 4, // 000 gap 5.1, task 3.4 MAX_FOLLOWUPS_PER_DAY; RULINGS "Follow-ups" cap
    target: 'ppv_non_purchasers', // 001 §6.2 target_key; §4.3 required target
    channel: 'targeted_message', // 001 §6.2 channel_key; RULINGS "Channels"
    minGapMinutes: 60, // 001 §5.6 ppv_followup "1 hour"; RULINGS "Follow-ups" spacing
    delayMeanMinutes: 28, // 003 task 2.3 `mean = 28  # Sweet spot`
    delayStdDevMinutes: 8, // 003 task 2.3 `std_dev = 8`
  },
  categories: {
    // 001 §1.4 "Send Type Categories"
    ppv_unlock: 'revenue',
    ppv_wall: 'revenue',
    tip_goal: 'revenue',
    vip_program: 'revenue',
    game_post: 'revenue',
    bundle: 'revenue',
    flash_bundle: 'revenue',
    snapchat_bundle: 'revenue',
    first_to_tip: 'revenue',
    link_drop: 'engagement',
    wall_link_drop: 'engagement',
    bump_normal: 'engagement',
    bump_descriptive: 'engagement',
    bump_text_only: 'engagement',
    bump_flyer: 'engagement',
    dm_farm: 'engagement',
    like_farm: 'engagement',
    live_promo: 'engagement',
    renew_on_post: 'retention',
    renew_on_message: 'retention',
    ppv_followup: 'retention',
    expired_winback: 'retention',
  },
  categoryBalance: {
    revenueMinShare: 0.3, // 001 phase 7 checkpoint "Revenue >= 30%"; RULINGS "Validation": a hard rule
    engagementMinShare: 0.25, // 001 phase 7 checkpoint "Engagement >= 25%"
    retentionMaxShare: 0.2, // 001 phase 7 checkpoint "Retention <= 20%"
  },
  diversity: {
    minDistinctTypes: 10, // 001 "After Phase 2" 22-type diversity check; RULINGS "Allocation" diversity
    minRevenueTypes: 5, // 001 "After Phase 2" revenue variety
    revenueTypes: [
      // 001 "After Phase 2" validate_allocation_diversity revenue_types; RULINGS "revenue variety"
      'ppv_unlock',
      'bundle',
      'flash_bundle',
      'game_post',
      'first_to_tip',
      'vip_program',
      'snapchat_bundle',
    ],
    minEngagementTypes: 5, // 001 "After Phase 2" engagement variety (engagement = 001 §1.4 category)
  },
  strategies: {
    names: [
      'revenue_focus',
      'engagement_burst',
      'balanced_standard',
      'variety_max',
      'storytelling',
    ], // 001 §2.3 available_strategies
    minDistinctPerWeek: 3, // 001 "After Phase 2" strategy diversity; "Daily Strategy Rotation"
  },
  expirationHours: {
    game_post: 24, // 001 §5.7 EXPIRATION DEFAULTS
    flash_bundle: 24, // 001 §5.7
    link_drop: 24, // 001 §5.7; 003 gap 1.5, task 2.4
    first_to_tip: 24, // 001 §5.7
    wall_link_drop: 24, // 003 task 2.4 `send_type in ['link_drop', 'wall_link_drop']`
  },
  linkDrops: {
    sendTypes: ['link_drop', 'wall_link_drop'], // 003 task 2.4 `send_type in ['link_drop', 'wall_link_drop']`
    campaignTypes: [
      // docs/rulings.md "Timing" link drop parent: the revenue sends (001 §1.4 revenue category;
      // RULINGS "Campaigns and games": ppv_wall / tip_goal wall campaigns, bundles, game_post)
      'ppv_unlock',
      'ppv_wall',
      'tip_goal',
      'vip_program',
      'game_post',
      'bundle',
      'flash_bundle',
      'snapchat_bundle',
      'first_to_tip',
    ],
    lookbackHours: 24, // 001 §5.7 link_drop 24 hours "Campaign freshness"; 003 task 2.4 +24 h
  },
  captions: {
    manualText: 'MANUAL_REQUIRED', // RULINGS "Content matching" shortage; 001 "Caption Availability Degradation"
  },
  status: {
    passScore: 85, // RULINGS "Validation" score thresholds; 001 phase 7 checkpoint
    reviewScore: 70, // RULINGS "Validation" score thresholds
    maxManualShareToPass: 0.1, // RULINGS "Validation" manual captions: more than 10 % -> at best needs_review
    passing: ['passed', 'passed_with_warnings'], // RULINGS "Validation" score thresholds
    all: ['passed', 'passed_with_warnings', 'needs_review', 'failed'],
  },
  confidence: {
    floor: 0.3, // RULINGS "Errors and degradation" new and sparse creators: minimum safe at 0.3; 001 consumption rule 5
    gateCode: 'confidence_too_low',
  },
  jitter: {
    minMinutes: -7, // 003 task 2.6 `for offset in range(-7, 9)`; RULINGS "Timing" jitter
    maxMinutes: 8, // 003 task 2.6
  },
  volume: {
    tiers: [
      // 001 §1.2 "Volume Tier Mapping"
      { tier: 'low', minFans: 0, revenuePerDay: 3, engagementPerDay: 3, retentionPerDay: 1 }, // 0-999
      { tier: 'mid', minFans: 1000, revenuePerDay: 4, engagementPerDay: 4, retentionPerDay: 2 }, // 1K-4.9K
      { tier: 'high', minFans: 5000, revenuePerDay: 6, engagementPerDay: 5, retentionPerDay: 2 }, // 5K-14.9K
      { tier: 'ultra', minFans: 15000, revenuePerDay: 8, engagementPerDay: 6, retentionPerDay: 3 }, // 15K+
    ],
    noRetentionPageType: 'free', // 001 §1.2 DYNAMIC VOLUME "retention_per_day = 0 for free"; Degradation level 3 "(0 for free)"
    fallbacks: {
      base_tier: { confidence: 0.6, quotas: null }, // 001 "Volume Configuration Degradation" level 1
      fan_count_estimate: { confidence: 0.5, quotas: null }, // level 2: tier from the fan count
      minimum_safe: {
        confidence: 0.3, // level 3 "Set confidence_score = 0.3"; RULINGS "new and sparse creators"
        quotas: { revenuePerDay: 3, engagementPerDay: 3, retentionPerDay: 1 }, // level 3: 3 / 3 / 1
      },
    },
  },
  sameStyle: {
    styles: ['solo', 'bundle', 'winner', 'sextape'], // 003 task 2.1 STANDARD_PATTERNS; issue 7 "solo | bundle | winner | sextape"
    patternTypes: ['ppv_unlock', 'ppv_wall'], // RULINGS "Rotation and state" styles
    bundleTypes: ['bundle', 'flash_bundle', 'snapchat_bundle'], // RULINGS "bundle send types"
    noBackToBack: ['winner', 'bundle'], // 003 task 2.2 "never two winners or two bundles in a row"
    pmStartMinute: 12 * 60, // 003 task 2.2 AM/PM split at 12:00
  },
  issueCodes: {
    spacingRelaxed: 'spacing_relaxed', // RULINGS "Timing" relaxation: "report every relaxation"
    movedNextDay: 'item_moved_next_day', // RULINGS "Timing" relaxation "move to the next day"
    dropped: 'item_dropped', // RULINGS "Timing" relaxation "drop the lowest-priority items"; "Validation" nothing lost
    linkDropUnlinked: 'link_drop_unlinked', // docs/rulings.md "Timing" link drop parent: none in the 24 hours before
  },
};

type Patch<T> = {
  readonly [K in keyof T]?: T[K] extends ReadonlyArray<unknown>
    ? T[K]
    : T[K] extends object
      ? Partial<T[K]>
      : T[K];
};

/**
 * `base` with some groups changed, one level deep: `overrideLiterals(DEFAULT_LITERALS,
 * { spacing: { floorMinutes: 30 } })` keeps the other spacing literals.
 */
export const overrideLiterals = (
  base: HardRuleLiterals,
  patch: Patch<HardRuleLiterals>,
): HardRuleLiterals => {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    const b = (base as unknown as Record<string, unknown>)[k];
    out[k] =
      v !== null && typeof v === 'object' && !Array.isArray(v) && typeof b === 'object'
        ? { ...(b as object), ...(v as object) }
        : v;
  }
  return out as unknown as HardRuleLiterals;
};
