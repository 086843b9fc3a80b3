/**
 * The send-type catalog, audience targets and channels: the rule tables every phase asks.
 *
 * Shared phase code reads these tables (`SEND_TYPES[key].canHaveFollowup`) and never tests a
 * send-type name.
 *
 * @module
 */

/**
 * The 22 send types of seed 001 §1.4.
 *
 * @since 0.1.0
 * @category catalog
 */
export const SEND_TYPE_KEYS = [
  'ppv_unlock',
  'ppv_wall',
  'tip_goal',
  'vip_program',
  'game_post',
  'bundle',
  'flash_bundle',
  'snapchat_bundle',
  'first_to_tip',
  'link_drop',
  'wall_link_drop',
  'bump_normal',
  'bump_descriptive',
  'bump_text_only',
  'bump_flyer',
  'dm_farm',
  'like_farm',
  'live_promo',
  'renew_on_post',
  'renew_on_message',
  'ppv_followup',
  'expired_winback',
] as const;

/**
 * A send-type key of seed 001 §1.4 (`ppv_unlock`, `bump_normal`, ...).
 *
 * @since 0.1.0
 * @category catalog
 */
export type SendTypeKey = (typeof SEND_TYPE_KEYS)[number];

/**
 * Deprecated send-type keys read on input and mapped to their replacement; never emitted.
 * Source: seed 001 §2.4.1; RULINGS "Allocation".
 *
 * @since 0.1.0
 * @category catalog
 */
export const DEPRECATED_SEND_TYPES: Readonly<Record<string, SendTypeKey>> = Object.freeze({
  ppv_message: 'ppv_unlock', // 001 §2.4.1
  ppv_video: 'ppv_unlock', // 001 §2.4.1
});

/**
 * Reads a send-type key from input, mapping deprecated keys (`ppv_message`, `ppv_video`) to
 * `ppv_unlock`. Returns `null` for an unknown key.
 *
 * Source: seed 001 §2.4.1.
 *
 * @since 0.1.0
 * @category catalog
 */
export const normalizeSendTypeKey = (key: string): SendTypeKey | null => {
  if ((SEND_TYPE_KEYS as ReadonlyArray<string>).includes(key)) return key as SendTypeKey;
  return DEPRECATED_SEND_TYPES[key] ?? null;
};

/**
 * Send-type category. Source: seed 001 §1.4.
 *
 * @since 0.1.0
 * @category catalog
 */
export type Category = 'revenue' | 'engagement' | 'retention';

/**
 * The categories in allocation order.
 *
 * @since 0.1.0
 * @category catalog
 */
export const CATEGORIES: ReadonlyArray<Category> = ['revenue', 'engagement', 'retention'];

/**
 * Page type of a creator account. Source: seed 001 §1.1.
 *
 * @since 0.1.0
 * @category catalog
 */
export type PageType = 'paid' | 'free';

/**
 * Distribution channels. Source: seed 001 "MCP Tools Reference" (`get_channels`).
 *
 * @since 0.1.0
 * @category catalog
 */
export const CHANNEL_KEYS = [
  'mass_message',
  'targeted_message',
  'wall_post',
  'story',
  'live',
] as const;

/**
 * A channel key.
 *
 * @since 0.1.0
 * @category catalog
 */
export type ChannelKey = (typeof CHANNEL_KEYS)[number];

/**
 * The channel families of the spacing rules: *messages* and *posts*. Source: RULINGS "Timing".
 *
 * @since 0.1.0
 * @category catalog
 */
export type ChannelFamily = 'messages' | 'posts';

/**
 * One channel's attributes.
 *
 * @since 0.1.0
 * @category catalog
 */
export interface ChannelSpec {
  /** The channel's key (`mass_message`, `targeted_message`, `wall_post`, `story`, `live`; 001 §4.4). */
  readonly channelKey: ChannelKey;
  /** Whether the channel can address a segment other than `all_active` (001 §4.4). */
  readonly supportsTargeting: boolean;
  /** Spacing family (RULINGS "Timing"). */
  readonly family: ChannelFamily;
}

/**
 * The channel table. Source: seed 001 §4.4; families from RULINGS "Timing".
 *
 * @since 0.1.0
 * @category catalog
 */
export const CHANNELS: Readonly<Record<ChannelKey, ChannelSpec>> = Object.freeze({
  mass_message: { channelKey: 'mass_message', supportsTargeting: true, family: 'messages' },
  targeted_message: { channelKey: 'targeted_message', supportsTargeting: true, family: 'messages' },
  wall_post: { channelKey: 'wall_post', supportsTargeting: false, family: 'posts' },
  story: { channelKey: 'story', supportsTargeting: false, family: 'posts' },
  live: { channelKey: 'live', supportsTargeting: false, family: 'posts' },
});

/**
 * The 10 audience targets of seed 001 §4.1.
 *
 * @since 0.1.0
 * @category catalog
 */
export const TARGET_KEYS = [
  'all_active',
  'renew_off',
  'renew_on',
  'expired_recent',
  'expired_all',
  'never_purchased',
  'recent_purchasers',
  'high_spenders',
  'inactive_7d',
  'ppv_non_purchasers',
] as const;

/**
 * An audience target key.
 *
 * @since 0.1.0
 * @category catalog
 */
export type TargetKey = (typeof TARGET_KEYS)[number];

/**
 * One audience target: which page types and channels can address it.
 *
 * @since 0.1.0
 * @category catalog
 */
export interface TargetSpec {
  /** The target's key (`all_active`, `renew_off`...; 001 §4.1). */
  readonly targetKey: TargetKey;
  /** Its name for people (`All Active Fans`, `Renew Off`). */
  readonly displayName: string;
  /** Page types that have this audience (`renew_*` and `expired_*` only exist on `paid` pages; 001 §4.1). */
  readonly pageTypes: ReadonlyArray<PageType>;
  /** Channels that can reach it (001 §4.4); a channel switch tries them in this order, after the send type's second channel. */
  readonly channels: ReadonlyArray<ChannelKey>;
}

const both: ReadonlyArray<PageType> = ['paid', 'free'];
const paidOnly: ReadonlyArray<PageType> = ['paid'];
const freeOnly: ReadonlyArray<PageType> = ['free'];

/**
 * The audience target table. Source: seed 001 §4.1.
 *
 * @since 0.1.0
 * @category catalog
 */
export const TARGETS: Readonly<Record<TargetKey, TargetSpec>> = Object.freeze({
  all_active: {
    targetKey: 'all_active',
    displayName: 'All Active Fans',
    pageTypes: both,
    channels: ['mass_message', 'wall_post', 'story', 'live'],
  },
  renew_off: {
    targetKey: 'renew_off',
    displayName: 'Renew Off',
    pageTypes: paidOnly,
    channels: ['targeted_message', 'mass_message'],
  },
  renew_on: {
    targetKey: 'renew_on',
    displayName: 'Renew On',
    pageTypes: paidOnly,
    channels: ['targeted_message', 'mass_message'],
  },
  expired_recent: {
    targetKey: 'expired_recent',
    displayName: 'Recently Expired',
    pageTypes: paidOnly,
    channels: ['targeted_message'],
  },
  expired_all: {
    targetKey: 'expired_all',
    displayName: 'All Expired',
    pageTypes: paidOnly,
    channels: ['targeted_message'],
  },
  never_purchased: {
    targetKey: 'never_purchased',
    displayName: 'Never Purchased',
    pageTypes: both,
    channels: ['targeted_message', 'mass_message'],
  },
  recent_purchasers: {
    targetKey: 'recent_purchasers',
    displayName: 'Recent Purchasers',
    pageTypes: both,
    channels: ['targeted_message', 'mass_message'],
  },
  high_spenders: {
    targetKey: 'high_spenders',
    displayName: 'High Spenders',
    pageTypes: both,
    channels: ['targeted_message', 'mass_message'],
  },
  inactive_7d: {
    targetKey: 'inactive_7d',
    displayName: 'Inactive 7 Days',
    pageTypes: both,
    channels: ['targeted_message', 'mass_message'],
  },
  ppv_non_purchasers: {
    targetKey: 'ppv_non_purchasers',
    displayName: 'PPV Non-Purchasers',
    pageTypes: both,
    channels: ['targeted_message'],
  },
});

/**
 * Caption types named by seed 001 §3.2, plus the types this library assigns to the send types
 * §3.2 leaves out (`link_promo`, `engagement_prompt`, `live_promo`; see `docs/rulings.md`).
 *
 * @since 0.1.0
 * @category catalog
 */
export const CAPTION_TYPES = [
  'ppv_offer',
  'teaser',
  'tip_goal_promo',
  'game_invite',
  'vip_promo',
  'exclusive',
  'playful',
  'bundle_offer',
  'urgency',
  'flirty',
  'casual',
  'story',
  'personal',
  'ppv_followup',
  'close_sale',
  'renewal',
  'appreciation',
  'winback',
  'miss_you',
  'link_promo',
  'engagement_prompt',
  'live_promo',
] as const;

/**
 * A caption type.
 *
 * @since 0.1.0
 * @category catalog
 */
export type CaptionType = (typeof CAPTION_TYPES)[number];

/**
 * The kind of media a send carries. `none` for text-only sends.
 *
 * @since 0.1.0
 * @category catalog
 */
export type MediaType = 'video' | 'picture' | 'gif' | 'none';

/**
 * Every attribute the seeds give a send type.
 *
 * @since 0.1.0
 * @category catalog
 */
export interface SendTypeSpec {
  /** The send type's key (`ppv_unlock`, `bump_normal`...; one of the 22 of 001 §1.4). */
  readonly sendTypeKey: SendTypeKey;
  /** Its name for people (`PPV Unlock`, `Tip Goal`). */
  readonly displayName: string;
  /** 001 §1.4 */
  readonly category: Category;
  /** Page types the send type applies to (001 §1.4, §2.4.1). */
  readonly pageTypes: ReadonlyArray<PageType>;
  /** Caption types by priority, primary first (001 §3.2). */
  readonly captionTypes: ReadonlyArray<CaptionType>;
  /** Whether the send carries vault media (001 §1.5, §3.3). */
  readonly requiresMedia: boolean;
  /** Media kind checked against the vault when `requiresMedia` (001 §1.5). */
  readonly mediaType: MediaType;
  /** Whether a flyer is needed (001 §1.5; `send_type_library.json`). */
  readonly requiresFlyer: boolean;
  /** Minimum minutes between two sends of this type, across day boundaries (001 §5.6). */
  readonly minMinutesBetween: number;
  /** Maximum sends per week, `null` = uncapped (001 §2.4). */
  readonly weeklyCap: number | null;
  /** Hours until the send expires, `null` = no expiration (001 §5.7, 003 task 2.4). */
  readonly expirationHours: number | null;
  /** Whether phase 6 creates a follow-up for it (001 §6.1). */
  readonly canHaveFollowup: boolean;
  /**
   * Whether the send is a link drop: it carries a link to a campaign it promotes, named by its
   * `parentItemId` (003 task 2.4 `create_link_drop(parent_campaign, ...)`).
   */
  readonly promotesCampaign: boolean;
  /** Default audience target (001 §4.3). */
  readonly defaultTarget: TargetKey | null;
  /** Required audience target, which wins over the default (001 §4.3). */
  readonly requiredTarget: TargetKey | null;
  /** Default channel (RULINGS "Channels"). */
  readonly channel: ChannelKey;
  /** Second channel the planner may choose, when named (RULINGS "Channels"). */
  readonly secondChannel: ChannelKey | null;
  /** `allocation` when phase 2 allocates it, `followups` when only phase 6 creates it. */
  readonly generatedBy: 'allocation' | 'followups';
}

type Row = Omit<SendTypeSpec, 'sendTypeKey'>;

const row = (r: Row): Row => r;

const H = 60;

/**
 * The send-type catalog: one row per send type with every attribute the seeds give.
 *
 * Sources per column: category 001 §1.4; page types 001 §1.4; caption types 001 §3.2;
 * media and flyer 001 §1.5 and the agency's send-type library; minimum time between
 * 001 §5.6; weekly cap 001 §2.4; expiration 001 §5.7 and 003 task 2.4; follow-up 001 §6.1;
 * link drops (`promotesCampaign`) 003 task 2.4; targets 001 §4.3; channels RULINGS "Channels".
 *
 * @since 0.1.0
 * @category catalog
 */
export const SEND_TYPES: Readonly<Record<SendTypeKey, SendTypeSpec>> = Object.freeze(
  Object.fromEntries(
    (
      [
        [
          'ppv_unlock',
          row({
            displayName: 'PPV Unlock',
            category: 'revenue',
            pageTypes: both,
            captionTypes: ['ppv_offer', 'teaser'],
            requiresMedia: true,
            mediaType: 'video',
            requiresFlyer: false,
            minMinutesBetween: 2 * H,
            weeklyCap: null,
            expirationHours: null,
            canHaveFollowup: true,
            promotesCampaign: false,
            defaultTarget: 'all_active',
            requiredTarget: null,
            channel: 'mass_message',
            secondChannel: null,
            generatedBy: 'allocation',
          }),
        ],
        [
          'ppv_wall',
          row({
            displayName: 'PPV Wall Post',
            category: 'revenue',
            pageTypes: freeOnly,
            captionTypes: ['ppv_offer', 'teaser'],
            requiresMedia: true,
            mediaType: 'video',
            requiresFlyer: false,
            minMinutesBetween: 3 * H,
            weeklyCap: null,
            expirationHours: null,
            canHaveFollowup: true,
            promotesCampaign: false,
            defaultTarget: 'all_active',
            requiredTarget: null,
            channel: 'wall_post',
            secondChannel: null,
            generatedBy: 'allocation',
          }),
        ],
        [
          'tip_goal',
          row({
            displayName: 'Tip Goal',
            category: 'revenue',
            pageTypes: paidOnly,
            captionTypes: ['tip_goal_promo', 'game_invite'],
            requiresMedia: true,
            mediaType: 'gif',
            requiresFlyer: false,
            minMinutesBetween: 4 * H,
            weeklyCap: 3,
            expirationHours: null,
            canHaveFollowup: true,
            promotesCampaign: false,
            defaultTarget: 'all_active',
            requiredTarget: null,
            channel: 'wall_post',
            secondChannel: 'mass_message',
            generatedBy: 'allocation',
          }),
        ],
        [
          'vip_program',
          row({
            displayName: 'VIP Program',
            category: 'revenue',
            pageTypes: both,
            captionTypes: ['vip_promo', 'exclusive'],
            requiresMedia: true,
            mediaType: 'picture',
            requiresFlyer: true,
            minMinutesBetween: 24 * H,
            weeklyCap: 1,
            expirationHours: null,
            canHaveFollowup: false,
            promotesCampaign: false,
            defaultTarget: 'high_spenders',
            requiredTarget: null,
            channel: 'mass_message',
            secondChannel: null,
            generatedBy: 'allocation',
          }),
        ],
        [
          'game_post',
          row({
            displayName: 'Game Post',
            category: 'revenue',
            pageTypes: both,
            captionTypes: ['game_invite', 'playful'],
            requiresMedia: true,
            mediaType: 'gif',
            requiresFlyer: false,
            minMinutesBetween: 4 * H,
            weeklyCap: null,
            expirationHours: 24,
            canHaveFollowup: false,
            promotesCampaign: false,
            defaultTarget: 'all_active',
            requiredTarget: null,
            channel: 'wall_post',
            secondChannel: 'mass_message',
            generatedBy: 'allocation',
          }),
        ],
        [
          'bundle',
          row({
            displayName: 'Bundle',
            category: 'revenue',
            pageTypes: both,
            captionTypes: ['bundle_offer', 'ppv_offer'],
            requiresMedia: true,
            mediaType: 'video',
            requiresFlyer: true,
            minMinutesBetween: 3 * H,
            weeklyCap: null,
            expirationHours: null,
            canHaveFollowup: false,
            promotesCampaign: false,
            defaultTarget: 'all_active',
            requiredTarget: null,
            channel: 'mass_message',
            secondChannel: null,
            generatedBy: 'allocation',
          }),
        ],
        [
          'flash_bundle',
          row({
            displayName: 'Flash Bundle',
            category: 'revenue',
            pageTypes: both,
            captionTypes: ['urgency', 'bundle_offer'],
            requiresMedia: true,
            mediaType: 'video',
            requiresFlyer: false,
            minMinutesBetween: 6 * H,
            weeklyCap: null,
            expirationHours: 24,
            canHaveFollowup: false,
            promotesCampaign: false,
            defaultTarget: 'all_active',
            requiredTarget: null,
            channel: 'mass_message',
            secondChannel: null,
            generatedBy: 'allocation',
          }),
        ],
        [
          'snapchat_bundle',
          row({
            displayName: 'Snapchat Bundle',
            category: 'revenue',
            pageTypes: both,
            captionTypes: ['bundle_offer', 'exclusive'],
            requiresMedia: true,
            mediaType: 'picture',
            requiresFlyer: false,
            minMinutesBetween: 24 * H,
            weeklyCap: 1,
            expirationHours: null,
            canHaveFollowup: false,
            promotesCampaign: false,
            defaultTarget: 'all_active',
            requiredTarget: null,
            channel: 'mass_message',
            secondChannel: null,
            generatedBy: 'allocation',
          }),
        ],
        [
          'first_to_tip',
          row({
            displayName: 'First To Tip',
            category: 'revenue',
            pageTypes: both,
            captionTypes: ['tip_goal_promo', 'urgency'],
            requiresMedia: false,
            mediaType: 'none',
            requiresFlyer: false,
            minMinutesBetween: 6 * H,
            weeklyCap: null,
            expirationHours: 24,
            canHaveFollowup: false,
            promotesCampaign: false,
            defaultTarget: 'all_active',
            requiredTarget: null,
            channel: 'wall_post',
            secondChannel: 'mass_message',
            generatedBy: 'allocation',
          }),
        ],
        [
          'link_drop',
          row({
            displayName: 'Link Drop',
            category: 'engagement',
            pageTypes: both,
            captionTypes: ['link_promo', 'casual'],
            requiresMedia: false,
            mediaType: 'none',
            requiresFlyer: false,
            minMinutesBetween: 2 * H,
            weeklyCap: null,
            expirationHours: 24,
            canHaveFollowup: false,
            promotesCampaign: true,
            defaultTarget: 'all_active',
            requiredTarget: null,
            channel: 'mass_message',
            secondChannel: null,
            generatedBy: 'allocation',
          }),
        ],
        [
          'wall_link_drop',
          row({
            displayName: 'Wall Link Drop',
            category: 'engagement',
            pageTypes: both,
            captionTypes: ['link_promo', 'teaser'],
            requiresMedia: false,
            mediaType: 'none',
            requiresFlyer: false,
            minMinutesBetween: 3 * H,
            weeklyCap: null,
            expirationHours: 24,
            canHaveFollowup: false,
            promotesCampaign: true,
            defaultTarget: 'all_active',
            requiredTarget: null,
            channel: 'wall_post',
            secondChannel: null,
            generatedBy: 'allocation',
          }),
        ],
        [
          'bump_normal',
          row({
            displayName: 'Bump (Normal)',
            category: 'engagement',
            pageTypes: both,
            captionTypes: ['flirty', 'casual'],
            requiresMedia: true,
            mediaType: 'picture',
            requiresFlyer: false,
            minMinutesBetween: 1 * H,
            weeklyCap: null,
            expirationHours: null,
            canHaveFollowup: false,
            promotesCampaign: false,
            defaultTarget: 'all_active',
            requiredTarget: null,
            channel: 'wall_post',
            secondChannel: 'mass_message',
            generatedBy: 'allocation',
          }),
        ],
        [
          'bump_descriptive',
          row({
            displayName: 'Bump (Descriptive)',
            category: 'engagement',
            pageTypes: both,
            captionTypes: ['story', 'personal'],
            requiresMedia: true,
            mediaType: 'picture',
            requiresFlyer: false,
            minMinutesBetween: 2 * H,
            weeklyCap: null,
            expirationHours: null,
            canHaveFollowup: false,
            promotesCampaign: false,
            defaultTarget: 'all_active',
            requiredTarget: null,
            channel: 'wall_post',
            secondChannel: 'mass_message',
            generatedBy: 'allocation',
          }),
        ],
        [
          'bump_text_only',
          row({
            displayName: 'Bump (Text Only)',
            category: 'engagement',
            pageTypes: both,
            captionTypes: ['casual', 'flirty'],
            requiresMedia: false,
            mediaType: 'none',
            requiresFlyer: false,
            minMinutesBetween: 2 * H,
            weeklyCap: null,
            expirationHours: null,
            canHaveFollowup: false,
            promotesCampaign: false,
            defaultTarget: 'all_active',
            requiredTarget: null,
            channel: 'wall_post',
            secondChannel: 'mass_message',
            generatedBy: 'allocation',
          }),
        ],
        [
          'bump_flyer',
          row({
            displayName: 'Bump (Flyer)',
            category: 'engagement',
            pageTypes: both,
            captionTypes: ['flirty', 'teaser'],
            requiresMedia: false,
            mediaType: 'none',
            requiresFlyer: true,
            minMinutesBetween: 4 * H,
            weeklyCap: null,
            expirationHours: null,
            canHaveFollowup: false,
            promotesCampaign: false,
            defaultTarget: 'all_active',
            requiredTarget: null,
            channel: 'wall_post',
            secondChannel: null,
            generatedBy: 'allocation',
          }),
        ],
        [
          'dm_farm',
          row({
            displayName: 'DM Farm',
            category: 'engagement',
            pageTypes: both,
            captionTypes: ['engagement_prompt', 'flirty'],
            requiresMedia: false,
            mediaType: 'none',
            requiresFlyer: false,
            minMinutesBetween: 4 * H,
            weeklyCap: null,
            expirationHours: null,
            canHaveFollowup: false,
            promotesCampaign: false,
            defaultTarget: 'all_active',
            requiredTarget: null,
            channel: 'mass_message',
            secondChannel: null,
            generatedBy: 'allocation',
          }),
        ],
        [
          'like_farm',
          row({
            displayName: 'Like Farm',
            category: 'engagement',
            pageTypes: both,
            captionTypes: ['engagement_prompt', 'casual'],
            requiresMedia: false,
            mediaType: 'none',
            requiresFlyer: false,
            minMinutesBetween: 24 * H,
            weeklyCap: null,
            expirationHours: null,
            canHaveFollowup: false,
            promotesCampaign: false,
            defaultTarget: 'all_active',
            requiredTarget: null,
            channel: 'wall_post',
            secondChannel: null,
            generatedBy: 'allocation',
          }),
        ],
        [
          'live_promo',
          row({
            displayName: 'Live Promo',
            category: 'engagement',
            pageTypes: both,
            captionTypes: ['live_promo', 'urgency'],
            requiresMedia: false,
            mediaType: 'none',
            requiresFlyer: false,
            minMinutesBetween: 2 * H,
            weeklyCap: null,
            expirationHours: null,
            canHaveFollowup: false,
            promotesCampaign: false,
            defaultTarget: 'all_active',
            requiredTarget: null,
            channel: 'wall_post',
            secondChannel: 'story',
            generatedBy: 'allocation',
          }),
        ],
        [
          'renew_on_post',
          row({
            displayName: 'Renew On Post',
            category: 'retention',
            pageTypes: paidOnly,
            captionTypes: ['renewal', 'appreciation'],
            requiresMedia: true,
            mediaType: 'picture',
            requiresFlyer: false,
            minMinutesBetween: 12 * H,
            weeklyCap: null,
            expirationHours: null,
            canHaveFollowup: false,
            promotesCampaign: false,
            defaultTarget: 'all_active',
            requiredTarget: null,
            channel: 'wall_post',
            secondChannel: null,
            generatedBy: 'allocation',
          }),
        ],
        [
          'renew_on_message',
          row({
            displayName: 'Renew On Message',
            category: 'retention',
            pageTypes: paidOnly,
            captionTypes: ['renewal', 'appreciation'],
            requiresMedia: false,
            mediaType: 'none',
            requiresFlyer: false,
            minMinutesBetween: 24 * H,
            weeklyCap: null,
            expirationHours: null,
            canHaveFollowup: false,
            promotesCampaign: false,
            defaultTarget: null,
            requiredTarget: 'renew_off',
            channel: 'mass_message',
            secondChannel: null,
            generatedBy: 'allocation',
          }),
        ],
        [
          'ppv_followup',
          row({
            displayName: 'PPV Follow-up',
            category: 'retention',
            pageTypes: both,
            captionTypes: ['ppv_followup', 'close_sale'],
            requiresMedia: false,
            mediaType: 'none',
            requiresFlyer: false,
            minMinutesBetween: 1 * H,
            weeklyCap: null,
            expirationHours: null,
            canHaveFollowup: false,
            promotesCampaign: false,
            defaultTarget: null,
            requiredTarget: 'ppv_non_purchasers',
            channel: 'targeted_message',
            secondChannel: null,
            generatedBy: 'followups',
          }),
        ],
        [
          'expired_winback',
          row({
            displayName: 'Expired Win-back',
            category: 'retention',
            pageTypes: paidOnly,
            captionTypes: ['winback', 'miss_you'],
            requiresMedia: false,
            mediaType: 'none',
            requiresFlyer: false,
            minMinutesBetween: 24 * H,
            weeklyCap: null,
            expirationHours: null,
            canHaveFollowup: false,
            promotesCampaign: false,
            defaultTarget: 'expired_recent',
            requiredTarget: null,
            channel: 'targeted_message',
            secondChannel: null,
            generatedBy: 'allocation',
          }),
        ],
      ] as ReadonlyArray<readonly [SendTypeKey, Row]>
    ).map(([k, r]) => [k, Object.freeze({ sendTypeKey: k, ...r })]),
  ) as Record<SendTypeKey, SendTypeSpec>,
);

/**
 * The follow-up send type: the one catalog row with `generatedBy: 'followups'`, created only by
 * phase 6 (`ppv_followup`). Phases ask this constant instead of naming the type.
 * Source: seed 001 §6.2; RULINGS "Follow-ups".
 *
 * @since 0.1.0
 * @category catalog
 */
export const FOLLOWUP_SEND_TYPE: SendTypeSpec =
  SEND_TYPES[
    SEND_TYPE_KEYS.find((k) => SEND_TYPES[k].generatedBy === 'followups') ?? 'ppv_followup'
  ];

/**
 * The send types that apply to a page type. Source: seed 001 §1.4 filter.
 *
 * @since 0.1.0
 * @category catalog
 */
export const sendTypesForPage = (pageType: PageType): ReadonlyArray<SendTypeSpec> =>
  SEND_TYPE_KEYS.map((k) => SEND_TYPES[k]).filter((s) => s.pageTypes.includes(pageType));

/**
 * The spacing family of a channel. Source: RULINGS "Timing".
 *
 * @since 0.1.0
 * @category catalog
 */
export const channelFamily = (channel: ChannelKey): ChannelFamily => CHANNELS[channel].family;

/**
 * The revenue types the phase 2 checkpoint counts toward "at least 5 revenue types": the seed's
 * own set of 7 (`ppv_wall` and `tip_goal` are revenue sends but not in it).
 * Source: seed 001 "After Phase 2" checkpoint; RULINGS "revenue variety".
 *
 * @since 0.2.0
 * @category catalog
 */
export const REVENUE_VARIETY_TYPES: ReadonlyArray<SendTypeKey> = Object.freeze([
  'ppv_unlock', // 001 phase 2 checkpoint
  'bundle', // 001 phase 2 checkpoint
  'flash_bundle', // 001 phase 2 checkpoint
  'game_post', // 001 phase 2 checkpoint
  'first_to_tip', // 001 phase 2 checkpoint
  'vip_program', // 001 phase 2 checkpoint
  'snapchat_bundle', // 001 phase 2 checkpoint
]);

/**
 * How a send type takes part in PPV rotation: `pattern` types take the rotation pattern's style
 * in the order they are sent; `bundle` types are PPVs of style `bundle` that take no position in
 * the pattern (they count for the back-to-back rule only, not for the AM/PM split); a type not
 * listed carries no style.
 *
 * Source: seed 003 task 2.1 (`ppv_style`), task 2.2 (`is_ppv`); RULINGS "Rotation and state"
 * (styles, bundle send types).
 *
 * @since 0.3.0
 * @category catalog
 */
export const PPV_STYLE_ROLES: Readonly<Partial<Record<SendTypeKey, 'pattern' | 'bundle'>>> =
  Object.freeze({
    ppv_unlock: 'pattern', // RULINGS "styles"
    ppv_wall: 'pattern', // RULINGS "styles"
    bundle: 'bundle', // RULINGS "bundle send types"
    flash_bundle: 'bundle', // RULINGS "bundle send types"
    snapchat_bundle: 'bundle', // RULINGS "bundle send types"
  });

/**
 * The rotation role of a send type (`PPV_STYLE_ROLES`), `null` when it carries no style.
 *
 * @example
 * ppvStyleRoleOf('ppv_unlock') // 'pattern'
 * ppvStyleRoleOf('flash_bundle') // 'bundle'
 * ppvStyleRoleOf('bump_normal') // null
 *
 * @since 0.3.0
 * @category catalog
 */
export const ppvStyleRoleOf = (sendTypeKey: SendTypeKey): 'pattern' | 'bundle' | null =>
  Object.hasOwn(PPV_STYLE_ROLES, sendTypeKey) ? (PPV_STYLE_ROLES[sendTypeKey] ?? null) : null;

/**
 * The campaign types of seed 000 task 3.2 (`CAMPAIGN_FREQUENCY_RULES` keys), in the order the
 * planner places them (most frequent first).
 *
 * @example
 * CAMPAIGN_TYPES[0] // 'descriptive_wall_campaign'
 *
 * Source: 000 task 3.2; RULINGS "Allocation" (campaigns).
 *
 * @since 0.3.0
 * @category catalog
 */
export const CAMPAIGN_TYPES = Object.freeze([
  'descriptive_wall_campaign',
  'bundle_wall_campaign',
  'spin_the_wheel_game',
  'game_other',
] as const);

/**
 * A campaign type of seed 000 task 3.2: `descriptive_wall_campaign | bundle_wall_campaign |
 * spin_the_wheel_game | game_other`.
 *
 * @example
 * const c: CampaignType = 'bundle_wall_campaign';
 *
 * @since 0.3.0
 * @category catalog
 */
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

/**
 * The game sub-types of `game_post` (000 task 3.6 `GAME_BENCHMARKS` keys), in the seed's order;
 * ties between game types go to the earlier one.
 *
 * @example
 * GAME_TYPES[0] // 'spin_the_wheel'
 *
 * Source: 000 task 3.6.
 *
 * @since 0.3.0
 * @category catalog
 */
export const GAME_TYPES = Object.freeze([
  'spin_the_wheel',
  'prize_wheel',
  'mystery_box',
  'scratch_off',
  'card_game',
] as const);

/**
 * A game sub-type of `game_post`: `spin_the_wheel | prize_wheel | mystery_box | scratch_off |
 * card_game`. Source: 000 task 3.6 `GAME_BENCHMARKS` keys.
 *
 * @example
 * const t: GameType = 'mystery_box';
 *
 * @since 0.3.0
 * @category catalog
 */
export type GameType = (typeof GAME_TYPES)[number];

/**
 * How a campaign type is sent (RULINGS "Allocation" campaigns): its send type on the page type
 * and the channel it goes out on.
 *
 * - `descriptive_wall_campaign`: a wall revenue post with a long descriptive caption,
 *   `ppv_wall` on free pages and `tip_goal` on paid pages, on the wall;
 * - `bundle_wall_campaign`: a `bundle` posted on the wall (`wall_post`, not its default mass
 *   message);
 * - `spin_the_wheel_game` and `game_other`: a `game_post` on the wall, told apart by its game
 *   type (`spin_the_wheel`, or another of `GAME_TYPES`).
 *
 * @example
 * campaignSendOf('descriptive_wall_campaign', 'paid') // { sendTypeKey: 'tip_goal', channelKey: 'wall_post' }
 * campaignSendOf('bundle_wall_campaign', 'free')      // { sendTypeKey: 'bundle', channelKey: 'wall_post' }
 *
 * Source: 000 task 3.2; RULINGS "Allocation" (campaigns), "Campaigns and games" (games).
 *
 * @since 0.3.0
 * @category catalog
 */
export const campaignSendOf = (
  campaignType: CampaignType,
  pageType: PageType,
): {
  /** The send type the campaign goes out as on this page type. */
  readonly sendTypeKey: SendTypeKey;
  /** The channel it goes out on (`wall_post` for every campaign type). */
  readonly channelKey: ChannelKey;
} => {
  switch (campaignType) {
    case 'descriptive_wall_campaign':
      return {
        sendTypeKey: pageType === 'free' ? 'ppv_wall' : 'tip_goal',
        channelKey: 'wall_post',
      };
    case 'bundle_wall_campaign':
      return { sendTypeKey: 'bundle', channelKey: 'wall_post' };
    default:
      return { sendTypeKey: 'game_post', channelKey: 'wall_post' };
  }
};

/**
 * Whether a value is one of `CAMPAIGN_TYPES`. Never throws.
 *
 * @example
 * isCampaignType('game_other') // true
 * isCampaignType('campaign')   // false
 *
 * Source: 000 task 3.2 `CAMPAIGN_FREQUENCY_RULES` keys.
 *
 * @since 0.3.0
 * @category catalog
 */
export const isCampaignType = (u: unknown): u is CampaignType =>
  typeof u === 'string' && (CAMPAIGN_TYPES as ReadonlyArray<string>).includes(u);

/**
 * Whether a value is one of `GAME_TYPES`. Never throws.
 *
 * @example
 * isGameType('mystery_box') // true
 *
 * Source: 000 task 3.6 `GAME_BENCHMARKS` keys.
 *
 * @since 0.3.0
 * @category catalog
 */
export const isGameType = (u: unknown): u is GameType =>
  typeof u === 'string' && (GAME_TYPES as ReadonlyArray<string>).includes(u);
