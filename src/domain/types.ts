/**
 * Domain types: what enters through the inputs and the ports (decoded by `domain/codecs`), and
 * what `buildSchedule` returns. Inside the library these types are trusted.
 *
 * @module
 */

import type {
  CampaignType,
  CaptionType,
  Category,
  ChannelKey,
  GameType,
  MediaType,
  PageType,
  SendTypeKey,
  TargetKey,
} from './catalog';
import type { PolicyOverrides } from './policyTypes';
import type { CaptionScores } from './stages';

/**
 * Content page type of seed 000 task 3.1.
 *
 * @since 0.1.0
 * @category model
 */
export type ContentPageType = 'nude' | 'non_nude' | 'porno';

/**
 * Sub-type of seed 000 task 3.1 (`personalized` falls back to `gfe` in the matrix).
 *
 * @since 0.1.0
 * @category model
 */
export type SubType = 'gfe' | 'commercial' | 'personalized';

/**
 * A creator profile. Source: seed 001 §1.1, seed 000 task 3.1.
 *
 * @since 0.1.0
 * @category model
 */
export interface CreatorProfile {
  /** The creator's id, a non-empty string; every port is asked by it. */
  readonly creatorId: string;
  /** The creator's name for people (renderers), when known. */
  readonly displayName?: string;
  /** `paid` or `free` subscription page (001 §1.1). */
  readonly pageType: PageType;
  /** Active fans, a whole number >= 0 (001 §1.1). */
  readonly fanCount: number;
  /** IANA time-zone name, e.g. `America/New_York`; plans are made in this zone. */
  readonly timezone: string;
  /** `nude | non_nude | porno` (000 task 3.1). */
  readonly contentPageType: ContentPageType;
  /** `gfe | commercial | personalized` (000 task 3.1). */
  readonly subType: SubType;
  /** 1 (top) to 5 (001 §1.1). */
  readonly performanceTier: number;
  /** Average revenue per message in USD, when known (001 §1.1). */
  readonly avgRevenuePerMessage?: number | null;
}

/**
 * A caption as the ports return it for one creator: freshness and use count are this creator's.
 * Source: seed 001 §3.0-§3.4.
 *
 * @since 0.1.0
 * @category model
 */
export interface Caption {
  /** The caption's id in the bank. */
  readonly captionId: string;
  /** The caption text sent with the item. */
  readonly text: string;
  /** Its caption type (`ppv_offer`, `flirty`...; 001 §3.2), matched against the send type's caption types. */
  readonly captionType: CaptionType;
  /** Content type key (`solo`, `boy_girl`, ...) or `null` for text that needs no content. */
  readonly contentType: string | null;
  /** 0-100 performance score (001 §3.0). */
  readonly performanceScore: number;
  /** When this creator last sent it (ISO instant), `null` if never. */
  readonly lastUsedAt: string | null;
  /** How often this creator sent it. */
  readonly useCount: number;
  /** How often any creator sent it (universal pool, 001 §3.0); lowers the diversity score. */
  readonly globalUseCount: number;
}

/**
 * One creator's use of a caption, as stored in a caption bank.
 *
 * @since 0.1.0
 * @category model
 */
export interface CaptionUsage {
  /** The creator who used the caption. */
  readonly creatorId: string;
  /** ISO instant. */
  readonly lastUsedAt: string;
  /** How often that creator sent it. */
  readonly useCount: number;
}

/**
 * A caption of the universal caption bank with every creator's use of it (001 §3.0).
 *
 * @since 0.1.0
 * @category model
 */
export interface CaptionRecord {
  /** The caption's id in the bank. */
  readonly captionId: string;
  /** The caption text. */
  readonly text: string;
  /** Its caption type (001 §3.2). */
  readonly captionType: CaptionType;
  /** Content type key it goes with (`solo`, `boy_girl`...), `null` for text that needs no content. */
  readonly contentType: string | null;
  /** 0-100. */
  readonly performanceScore: number;
  /** Each creator's use of it; a creator without an entry never sent it. */
  readonly usage: ReadonlyArray<CaptionUsage>;
}

/**
 * Vault availability. Source: seed 001 §1.5.
 *
 * @since 0.1.0
 * @category model
 */
export interface Vault {
  /** Content types with the number of items of each (`{ solo: 12, boy_girl: 3 }`). */
  readonly contentTypes: Readonly<Record<string, number>>;
  /** Items per media kind. */
  readonly media: {
    /** Videos ready to send. */
    readonly video: number;
    /** Pictures ready to send. */
    readonly picture: number;
    /** GIFs ready to send. */
    readonly gif: number;
  };
  /** Flyers ready to use. */
  readonly flyers: number;
}

/**
 * One mass message sent in the past. Source: seed 001 §1.3, `mass_messages`.
 *
 * @since 0.1.0
 * @category model
 */
export interface MassMessage {
  /** The creator who sent the message. */
  readonly creatorId: string;
  /** When it was sent, a UTC ISO instant. */
  readonly sentAt: string;
  /** The send type it went out as (deprecated keys such as `ppv_message` are normalized to `ppv_unlock`, 001 §2.4.1). */
  readonly sendTypeKey: SendTypeKey;
  /** Price in USD, `null` for free sends. */
  readonly price: number | null;
  /** Fans it was delivered to, a whole number >= 0. */
  readonly sent: number;
  /** Fans who opened it, a whole number >= 0. */
  readonly viewed: number;
  /** Fans who bought (unlocked) it, a whole number; 0 for a free send. */
  readonly purchased: number;
  /** Earnings in USD. */
  readonly earnings: number;
  /** The caption sent with it, `null` when it had none or the history does not record it; read for caption freshness and use counts. */
  readonly captionId: string | null;
  /** Text of the caption sent, when the history keeps it (trait detection, 000 task 3.3). */
  readonly captionText?: string | null;
  /** Content type of the media sent (`solo`, `boy_girl`, ...), when known. */
  readonly contentType?: string | null;
  /**
   * The campaign the message sent, when the history records it (seed 000 task 3.2; the
   * planner continues the cadence from it).
   */
  readonly campaignType?: CampaignType | null;
  /** The game of a `game_post`, when recorded (seed 000 task 3.6; the game tracker reads it). */
  readonly gameType?: GameType | null;
}

/**
 * One campaign already sent, as the optional `getCampaignHistory` port answers it.
 *
 * - `sentAt`: ISO instant of the send.
 * - `gameType`: the game of a game campaign, else `null`.
 * - `earnings`: USD earned, `null` when not known (the game tracker reads the game campaigns
 *   with earnings).
 *
 * Source: seed 000 task 3.2 (`campaign_type`, `scheduled_time`), task 3.6 (`GamePerformance`).
 *
 * @example
 * const r: CampaignRecord = { campaignType: 'spin_the_wheel_game', sentAt: '2025-03-01T20:07:00.000Z', gameType: 'spin_the_wheel', earnings: 4100 };
 *
 * @since 0.3.0
 * @category model
 */
export interface CampaignRecord {
  /** The campaign sent (`descriptive_wall_campaign`, `bundle_wall_campaign`, `spin_the_wheel_game`, `game_other`; 000 task 3.2). */
  readonly campaignType: CampaignType;
  /** When it was sent, a UTC ISO instant (000 task 3.2 `scheduled_time`). */
  readonly sentAt: string;
  /** The game of a game campaign (`spin_the_wheel`, `mystery_box`...; 000 task 3.6), else `null`. */
  readonly gameType: GameType | null;
  /** Earnings in USD, `null` when not known; the game tracker reads the game campaigns that have it. */
  readonly earnings: number | null;
}

/**
 * Saturation and opportunity at one horizon, 0-100 each.
 *
 * @since 0.1.0
 * @category model
 */
export interface HorizonScores {
  /** Saturation, 0-100: higher means the audience is overexposed (001 §1.3 `saturation_score`). */
  readonly saturationScore: number;
  /** Opportunity, 0-100: higher means more revenue potential (001 §1.3 `opportunity_score`). */
  readonly opportunityScore: number;
}

/**
 * Tracked performance trends. Source: seed 001 §1.3, §1.2.1; seed 002.
 *
 * @since 0.1.0
 * @category model
 */
export interface PerformanceTrends {
  /**
   * The scores per tracking horizon (001 §1.2.1 multi-horizon fusion, `get_performance_trends`
   * periods); a horizon absent or `null` has no tracked data and is left out of the fusion.
   */
  readonly horizons: {
    /** Scores over the last 7 days, `null` or absent when not tracked. */
    readonly '7d'?: HorizonScores | null;
    /** Scores over the last 14 days (the period seed 002 reads), `null` or absent when not tracked. */
    readonly '14d'?: HorizonScores | null;
    /** Scores over the last 30 days, `null` or absent when not tracked. */
    readonly '30d'?: HorizonScores | null;
  };
  /** Revenue change in percent over the period (-100..), `null` when unknown (002). */
  readonly revenueTrendPercent: number | null;
  /** Messages analysed to produce the scores. */
  readonly messageCount: number;
}

/**
 * Performance tier of a content type for a creator. Source: seed 001 "MCP Tools Reference"
 * `get_content_type_rankings` (TOP / MID / LOW / AVOID).
 *
 * @since 0.1.0
 * @category model
 */
export type ContentRankTier = 'TOP' | 'MID' | 'LOW' | 'AVOID';

/**
 * One content type's ranking. Source: seed 001 `get_content_type_rankings`; seed 001 §1.2.1
 * module 6 (content weighting).
 *
 * @since 0.1.0
 * @category model
 */
export interface ContentTypeRanking {
  /** The content type key ranked (`solo`, `boy_girl`...), as in the vault's `contentTypes`. */
  readonly contentType: string;
  /** Its tier: `TOP`, `MID`, `LOW` or `AVOID` (never allocated by the content weighting). */
  readonly tier: ContentRankTier;
  /** Optional 0-100 performance score inside the tier. */
  readonly score?: number | null;
}

/**
 * Best timing data. Source: seed 001 §1.6.
 *
 * @since 0.1.0
 * @category model
 */
export interface BestTiming {
  /** Local hours 0-23 with the best results. */
  readonly peakHours: ReadonlyArray<number>;
  /** Local hours 0-23 to avoid. */
  readonly avoidHours: ReadonlyArray<number>;
  /** Relative performance per local hour (`"20": 1.0`), 0-1. */
  readonly hourlyPerformance: Readonly<Record<string, number>>;
}

/**
 * Persona profile. Source: seed 001 "MCP Tools Reference" (`get_persona_profile`).
 *
 * @since 0.1.0
 * @category model
 */
export interface Persona {
  /** The creator's voice (`playful`, `sweet`, `dominant`, `bratty`, `seductive`, `girl_next_door`). */
  readonly tone: 'playful' | 'sweet' | 'dominant' | 'bratty' | 'seductive' | 'girl_next_door';
  /** How many emojis her captions use; picks the emoji-density band of the persona score (`policy.content.persona.emojiBands`). */
  readonly emojiFrequency: 'none' | 'low' | 'medium' | 'high';
  /** How much slang her captions use; picks the slang-density band of the persona score (`policy.content.persona.slangBands`). */
  readonly slangLevel: 'none' | 'light' | 'heavy';
  /** Emojis she uses most; a caption containing one earns the signature points of the persona score. */
  readonly favoriteEmojis: ReadonlyArray<string>;
  /** Phrases typical of her voice, matched case-insensitively in a caption for the signature points. */
  readonly signaturePhrases: ReadonlyArray<string>;
}

/**
 * The states of the PPV rotation state machine (seed 003 `RotationState`). `004`'s stored
 * `active` is read as `pattern_active` and its `paused` as `pattern_active` with the `paused`
 * flag (RULINGS "Rotation and state").
 *
 * @since 0.1.0
 * @category model
 */
export type RotationState =
  | 'initializing'
  | 'pattern_active'
  | 'rotation_pending'
  | 'rotating'
  | 'pattern_exhausted'
  | 'error';

/**
 * A PPV style of the rotation patterns. Source: seed 003 task 2.1.
 *
 * @since 0.1.0
 * @category model
 */
export type PpvStyle = 'solo' | 'bundle' | 'winner' | 'sextape';

/**
 * A pattern used recently, with the local date it started (RULINGS "exhausted": the state keeps
 * the patterns of the last 14 days).
 *
 * @since 0.3.0
 * @category model
 */
export interface RecentPattern {
  /** The 4-style PPV pattern (003 task 2.1), in order. */
  readonly pattern: ReadonlyArray<PpvStyle>;
  /** Local date `YYYY-MM-DD`. */
  readonly startDate: string;
}

/**
 * `004`'s `rotation_pattern` JSON: content types with weights, kept beside the `003` style
 * pattern as a content-type hint for the caption's content choice (RULINGS "`004` pattern JSON").
 *
 * @since 0.3.0
 * @category model
 */
export interface ContentRotationHint {
  /** Content type keys to rotate through (`content_types`, e.g. `["b_g", "solo", "toy"]`). */
  readonly contentTypes: ReadonlyArray<string>;
  /** How they are sequenced (`sequence_type`, e.g. `weighted_random`), `null` when not stored. */
  readonly sequenceType: string | null;
  /** Content type -> weight, 0-1. */
  readonly weights: Readonly<Record<string, number>>;
  /** Length of one rotation cycle in days (`cycle_length_days`), `null` when not stored. */
  readonly cycleLengthDays: number | null;
  /** The `avoid_repeat_within` spacing before a content type repeats (004 gives `2` and no unit), `null` when not stored. */
  readonly avoidRepeatWithin: number | null;
}

/**
 * A creator's persisted rotation state (the `creator_rotation_state` row of seeds 003 and 004),
 * read through `getRotationState` and written through `saveRotationState`.
 *
 * Source: seed 003 task 2.1, seed 004 "Rotation State Management"; RULINGS "Rotation and state".
 *
 * @since 0.3.0
 * @category model
 */
export interface CreatorRotationState {
  /** The creator the state belongs to (the row's primary key). */
  readonly creatorId: string;
  /** The state machine's state (003 `RotationState`; 004's `active`/`paused` read as `pattern_active`). */
  readonly currentState: RotationState;
  /** `004`'s `paused`: the pattern is kept and does not rotate. */
  readonly paused: boolean;
  /** The `003` style pattern, 4 styles (empty only while `initializing`). */
  readonly pattern: ReadonlyArray<PpvStyle>;
  /** Local date `YYYY-MM-DD` the pattern started. */
  readonly patternStartDate: string;
  /** Calendar days from `patternStartDate` to `lastScheduledDate` (or 0). */
  readonly daysOnPattern: number;
  /** The patterns started in the last 14 days, oldest first, the current one last. */
  readonly recentPatterns: ReadonlyArray<RecentPattern>;
  /** `004`'s content-type rotation, when stored. */
  readonly contentRotation: ContentRotationHint | null;
  /** The last local date a saved schedule covered, `null` when none. */
  readonly lastScheduledDate: string | null;
  /** Write version: a save states the version it read, and a store refuses a stale one. */
  readonly version: number;
}

/**
 * Caller options of one build.
 *
 * @since 0.1.0
 * @category model
 */
export interface ScheduleOptions {
  /** Let a follow-up cross midnight (RULINGS "Follow-ups"). Default `false`. */
  readonly allowNextDayFollowups?: boolean;
  /** Accept a schedule whose volume confidence is below 0.3 (001 consumption rule 5). */
  readonly manualConfidenceOverride?: boolean;
  /** Persist the schedule through `ports.saveSchedule` when it passes validation. */
  readonly save?: boolean;
  /** Persist the volume prediction through `ports.saveVolumePrediction`. */
  readonly trackPrediction?: boolean;
}

/**
 * What `buildSchedule` is asked to build.
 *
 * @since 0.1.0
 * @category model
 */
export interface ScheduleInputs {
  /** The creator to build the week for; `getCreatorProfile` is asked by it (`CREATOR_NOT_FOUND` when it answers `null`). */
  readonly creatorId: string;
  /** First local date of the 7-day week, `YYYY-MM-DD`. */
  readonly weekStart: string;
  /** Seed of every random choice; the same inputs and seed give the same schedule. */
  readonly seed: number | string;
  /** Caller options (next-day follow-ups, confidence override, save, prediction tracking); each defaults to `false`. */
  readonly options?: ScheduleOptions;
  /** Overrides of the default policy, merged and checked by `resolvePolicy`. */
  readonly policy?: PolicyOverrides;
  /**
   * An A/B test the creator takes part in (000 task 3.7; `null` or absent: none): the creator's
   * arm (`assignAbArm`, a hash of test id and creator id) is built with its configuration laid
   * over `policy` (`applyAbExperiment`), and `result.experiment` names the arm.
   */
  readonly experiment?: import('../analytics/abTest').AbExperiment | null;
}

/**
 * Variation metadata of one item. Source: seed 001 §5.3, "Variation Metadata Tracking".
 *
 * @since 0.1.0
 * @category model
 */
export interface VariationMetadata {
  /** Preferred hour the time was built from. */
  readonly baseHour: number;
  /** Morning/evening shift in minutes (001 §5.2). */
  readonly timeShift: number;
  /** Jitter in minutes, -7..+8 (003 task 2.6). */
  readonly jitter: number;
  /** The day's allocation strategy (`revenue_focus`, `engagement_burst`, `balanced_standard`, `variety_max`, `storytelling`; 001 §2.3). */
  readonly dailyStrategy: string;
  /** The day's rotated prime hours (001 §5.2). */
  readonly primeHoursUsed: ReadonlyArray<number>;
  /** Whether a rule moved the item away from its preferred slot. */
  readonly timeAdjusted: boolean;
  /**
   * Why the time was moved, `null` when `timeAdjusted` is `false`: `moved_next_day`,
   * `avoid_hours_relaxed`, `spacing_relaxed`, `no_preferred_slot_available`,
   * `preferred_slot_taken`, `same_style` (the 003 same-style repair), or for a follow-up the
   * comma-separated reasons its sampled delay was refused.
   */
  readonly adjustmentReason: string | null;
  /** Whether no preferred slot was available (001 §5.3 fallback). */
  readonly fallbackUsed: boolean;
}

/**
 * Why an item has its caption (phase 3, or phase 6 for a follow-up): where the caption came
 * from, the level of the degradation chain it passed and its score parts (each 0-100).
 *
 * - `source`: `pool` (the send type's caption types at chain `level`, 001 §3.2-§3.4),
 *   `generic` (the generic query over every caption type, 001 §3.5 strategy 2), `followup_pool`
 *   (the follow-up candidates, ranked by `rankFollowupCaptions`, 001 §6.4), `manual` (nothing
 *   found: `MANUAL_REQUIRED`, RULINGS "shortage").
 * - `level`: index in `policy.content.degradationChain` (0 = the first, strictest level), `null`
 *   for `generic`, `followup_pool` and `manual`.
 * - `minFreshness` / `minPerformance`: the thresholds of that level (0-100), else `null`.
 * - `candidates`: how many candidates were ranked for the slot.
 * - `scores`: the chosen caption's score parts and composite (0-100), `null` without a caption
 *   or for a follow-up caption (ranked by freshness and performance only).
 *
 * Source: seed 001 §3.1-§3.5, §6.4.
 *
 * @since 0.3.0
 * @category model
 */
export interface CaptionReason {
  /** Where the caption came from: `pool`, `generic`, `followup_pool` or `manual` (see above). */
  readonly source: 'pool' | 'generic' | 'followup_pool' | 'manual';
  /** Index in `policy.content.degradationChain` (0 = strictest), `null` for `generic`, `followup_pool` and `manual`. */
  readonly level: number | null;
  /** The freshness threshold of that level, 0-100, `null` without a level. */
  readonly minFreshness: number | null;
  /** The performance threshold of that level, 0-100, `null` without a level. */
  readonly minPerformance: number | null;
  /** How many candidates were ranked for the slot, a whole number >= 0. */
  readonly candidates: number;
  /** The chosen caption's score parts and composite, 0-100 each; `null` without a caption or for a follow-up caption. */
  readonly scores: CaptionScores | null;
}

/**
 * Why an item has its price (phase 7a, `suggestPrice`): the policy default of the send type
 * (USD), the median price the creator charged for it in the history (USD, `null` with fewer than
 * `policy.pricing.minHistoryPrices` priced sends), how many priced sends that median is over, the
 * volume confidence (0-1) that moves the default toward it, and whether the result was clamped
 * to the policy range.
 *
 * Source: seed 001 consumption rule 4, §7.1 `suggested_price`.
 *
 * @since 0.3.0
 * @category model
 */
export interface PriceReason {
  /** The policy's default price of the send type, USD. */
  readonly defaultPrice: number;
  /** Median price the creator charged for the send type, USD; `null` with fewer than `policy.pricing.minHistoryPrices` priced sends. */
  readonly historyMedian: number | null;
  /** How many priced sends of the send type the median is over, a whole number >= 0. */
  readonly historyPrices: number;
  /** The volume confidence, 0-1, that moves the default toward the median (001 consumption rule 4). */
  readonly confidence: number;
  /** Whether the price was clamped to the policy's price range. */
  readonly clamped: boolean;
}

/**
 * Why an item has its audience target and channel (phase 4, `resolveTarget`): the target and
 * channel its send type asks for, and the fallbacks taken, in order (`target_not_applicable`:
 * the page type has no such audience, so `all_active`; `channel_switched`: a required target
 * moved to a channel that reaches it; `channel_incompatible`: the channel cannot reach the
 * target, so `all_active`). Follow-ups inherit their parent's non-buyers (001 §6.5).
 *
 * Source: seed 001 §4.2-§4.4, §6.5.
 *
 * @since 0.3.0
 * @category model
 */
export interface TargetReason {
  /** The audience target the send type asks for (001 §4.2). */
  readonly sendTypeTarget: TargetKey;
  /** The channel the send type asks for (001 §4.4). */
  readonly sendTypeChannel: ChannelKey;
  /** The fallbacks taken, in order; empty when the item kept its send type's target and channel. */
  readonly fallbacks: ReadonlyArray<
    'target_not_applicable' | 'channel_switched' | 'channel_incompatible'
  >;
}

/**
 * The reasons the phases record on an item, read by `explainItem`: its caption, its price
 * (`null` for a send without a price) and its target. Its time is explained by
 * `variationMetadata` and by the issues that name the slot.
 *
 * Source: seed 001 §7.3 (the report), "Logging Strategy" (audit trails).
 *
 * @since 0.3.0
 * @category model
 */
export interface ItemReasons {
  /** Where the caption came from and how it ranked (phase 3, or phase 6 for a follow-up). */
  readonly caption: CaptionReason;
  /** How the price was set (phase 7a), `null` for a send without a price (follow-ups and send types the policy gives no price). */
  readonly price: PriceReason | null;
  /** The send type's target and channel and the fallbacks taken (phase 4). */
  readonly target: TargetReason;
}

/**
 * One send of the weekly schedule. Source: seed 001 §7.1, §6.5, §7.4.
 *
 * @since 0.1.0
 * @category model
 */
export interface ScheduleItem {
  /** `YYYY-MM-DD_N`, follow-ups `<parent>_followup`. */
  readonly slotId: string;
  /** Local date `YYYY-MM-DD` in the creator's zone. */
  readonly scheduledDate: string;
  /** The day an item moved to the next day was allocated to (RULINGS "moved items"), else `null`. */
  readonly movedFromDate: string | null;
  /** Local time `HH:mm:ss`. */
  readonly scheduledTime: string;
  /** The same moment as a UTC ISO instant. */
  readonly scheduledAt: string;
  /** The send type (`ppv_unlock`, `bump_normal`...; 001 §1.4), `ppv_followup` for a follow-up. */
  readonly sendTypeKey: SendTypeKey;
  /** Its category: `revenue`, `engagement` or `retention` (001 §1.4). */
  readonly category: Category;
  /** The channel it is sent on (`mass_message`, `wall_post`...; 001 §4.4). */
  readonly channelKey: ChannelKey;
  /** The audience targeted (`all_active`, `renew_off`...; 001 §4.1); a follow-up targets its parent's non-buyers (001 §6.5). */
  readonly targetKey: TargetKey;
  /** `null` when `needsCaption`. */
  readonly captionId: string | null;
  /** `MANUAL_REQUIRED` when `needsCaption`. */
  readonly captionText: string;
  /** The content type sent (`solo`, `boy_girl`...; a vault content type key), `null` for a send without content, without a vault, or when the vault has none of its media kind (001 §3.3). */
  readonly contentTypeId: string | null;
  /** The media kind sent: `video`, `picture`, `gif` or `none` (the send type's, 001 §1.5; `none` for follow-ups). */
  readonly mediaType: MediaType;
  /** Whether the send needs a flyer (the send type's rule, 001 §1.5); `false` for follow-ups. */
  readonly flyerRequired: boolean;
  /** USD, `null` for sends without a price. */
  readonly suggestedPrice: number | null;
  /** 1 = first of its category that day. */
  readonly priority: number;
  /** Whether it is a follow-up generated in phase 6 (`ppv_followup`, 001 §6). */
  readonly isFollowUp: boolean;
  /** A follow-up's parent `slotId`, or a link drop's parent campaign slot (003 task 2.4), else `null`. */
  readonly parentItemId: string | null;
  /** Minutes after the parent, follow-ups only (15-45). */
  readonly followupDelayMinutes: number | null;
  /** UTC ISO instant, `null` when the send does not expire. */
  readonly expiresAt: string | null;
  /** The day's allocation strategy (`revenue_focus`, `engagement_burst`, `balanced_standard`, `variety_max`, `storytelling`; 001 §2.3). */
  readonly strategyUsed: string;
  /** The strategy's flavor emphasis (`bundle_flash_vip`, `even_distribution`...; 001 §2.3 "Strategy flavor mapping"). */
  readonly flavorEmphasis: string;
  /** How the time was built: base hour, shift, jitter, prime hours, adjustments (001 §5.3 "Variation Metadata Tracking"). */
  readonly variationMetadata: VariationMetadata;
  /** Whether no caption was found and one must be written: `captionId` is then `null` and `captionText` `MANUAL_REQUIRED` (RULINGS "shortage"). */
  readonly needsCaption: boolean;
  /**
   * The PPV style from the rotation pattern (`ppv_unlock`, `ppv_wall`), `bundle` for the bundle
   * send types, else `null` (seed 003 task 2.1, RULINGS "Rotation and state" styles).
   */
  readonly ppvStyle: PpvStyle | null;
  /**
   * The campaign the item sends (`descriptive_wall_campaign`, `bundle_wall_campaign`,
   * `spin_the_wheel_game`, `game_other`; seed 000 task 3.2, RULINGS "Allocation" campaigns), or
   * `null` for a send that is not a planned campaign.
   */
  readonly campaignType: CampaignType | null;
  /**
   * The game of a `game_post` (`spin_the_wheel`, `prize_wheel`, `mystery_box`, `scratch_off`,
   * `card_game`; seed 000 task 3.6), else `null`.
   */
  readonly gameType: GameType | null;
  /** Why the item has its caption, price and target, as the phases recorded it (`explainItem`). */
  readonly reasons: ItemReasons;
}
