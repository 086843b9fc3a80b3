/**
 * The agency settings: the profile fields the export lacks, per creator and agency-wide, as a
 * small JSON file decoded once at the boundary; and the built-in defaults used when neither
 * gives a value.
 *
 * Source: seed 001 phase 1 "load" (1.1: page type, tier 1-5); seed 000 task 3.1 (content page
 * type, sub-type); `../shared/real-data/README.md` (what the export holds).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { PageType } from '../domain/catalog';
import { intInRange, TimeZoneC } from '../domain/codecs';
import { decodeWith } from '../domain/decode';
import { strictType, stringUnion } from '../domain/policyCodec';
import type { ContentPageType, SubType } from '../domain/types';
import type { ImportError } from './types';

/**
 * The fields a creator's settings (or the agency-wide defaults) may give, each optional:
 * `timezone` an IANA zone, `contentPageType` `nude | non_nude | porno`, `subType`
 * `gfe | commercial | personalized`, `performanceTier` a whole number 1 (top) to 5, `pageType`
 * `paid | free`.
 *
 * Source: seed 001 phase 1 "load" (1.1: page type, tier 1-5); seed 000 task 3.1 (content page type, sub-type).
 *
 * @since 0.3.0
 * @category import
 */
export interface CreatorSettings {
  /** IANA time-zone name the creator's plans are made in (`America/New_York`); a per-creator value wins over the row's `snapshot_tz`. */
  readonly timezone?: string;
  /** `nude | non_nude | porno` (000 task 3.1), a row of the bump matrix. */
  readonly contentPageType?: ContentPageType;
  /** `gfe | commercial | personalized` (000 task 3.1). */
  readonly subType?: SubType;
  /** Performance tier, a whole number 1 (top) to 5 (001 §1.1). */
  readonly performanceTier?: number;
  /** `paid` or `free` subscription page (001 §1.1); a per-creator value wins over what the export's row suggests. */
  readonly pageType?: PageType;
}

/**
 * The agency settings: `defaults` for every creator, `creators` by creator id (a per-creator
 * value wins over `defaults`).
 *
 * Source: seed 001 phase 1 "load" (1.1: page type, tier 1-5); seed 000 task 3.1 (content page type, sub-type).
 *
 * @since 0.3.0
 * @category import
 */
export interface AgencySettings {
  /** Values for every creator, used where the export and the creator's own settings give none. */
  readonly defaults?: CreatorSettings;
  /** Per-creator values by creator id; each wins over `defaults`. */
  readonly creators?: Readonly<Record<string, CreatorSettings>>;
}

/**
 * The codec of one creator's settings: an exact object (an unknown key fails at its path).
 *
 * Source: seed 001 phase 1 "load" (1.1: page type, tier 1-5); seed 000 task 3.1 (content page type, sub-type).
 *
 * @since 0.3.0
 * @category import
 */
export const CreatorSettingsC: t.Type<CreatorSettings, CreatorSettings, unknown> = strictType(
  'CreatorSettings',
  {},
  {
    timezone: TimeZoneC,
    contentPageType: stringUnion<ContentPageType>(['nude', 'non_nude', 'porno']),
    subType: stringUnion<SubType>(['gfe', 'commercial', 'personalized']),
    performanceTier: intInRange(1, 5),
    pageType: stringUnion<PageType>(['paid', 'free']),
  },
);

/**
 * The codec of the agency settings JSON:
 * `{ defaults?: CreatorSettings, creators?: { [creatorId]: CreatorSettings } }`, exact at
 * every level (`defaults.timzone: unknown key`), values checked (`creators.creator_002.
 * performanceTier: expected integer in 1..5, got 7`).
 *
 * Source: seed 001 phase 1 "load" (1.1: page type, tier 1-5); seed 000 task 3.1 (content page type, sub-type).
 *
 * @since 0.3.0
 * @category import
 */
export const AgencySettingsC: t.Type<AgencySettings, AgencySettings, unknown> = strictType(
  'AgencySettings',
  {},
  {
    defaults: CreatorSettingsC,
    creators: t.record(t.string, CreatorSettingsC),
  },
);

/**
 * Decodes the agency settings (a parsed JSON value; `undefined` means no settings, `{}`).
 * `Left` (`invalid_settings`) with one problem per failing path, every path collected:
 * `{ path: 'defaults.timzone', message: 'defaults.timzone: unknown key' }`. Never throws.
 *
 * @example
 * decodeAgencySettings({ defaults: { performanceTier: 3 } }) // Right({ defaults: { performanceTier: 3 } })
 * decodeAgencySettings({ defaults: { tier: 3 } })            // Left: 'defaults.tier: unknown key'
 *
 * Source: STYLE "io-ts" (codecs at the boundary, errors name the path).
 *
 * @since 0.3.0
 * @category import
 */
export const decodeAgencySettings = (json: unknown): E.Either<ImportError, AgencySettings> =>
  json === undefined
    ? E.right({})
    : E.mapLeft((issues: ReadonlyArray<{ path: string | null; message: string }>) => ({
        code: 'invalid_settings' as const,
        file: null,
        message: `invalid agency settings: ${issues.map((i) => i.message).join('; ')}`,
        problems: issues.map((i) => ({ path: i.path, message: i.message })),
      }))(decodeWith(AgencySettingsC, json, '', 'invalid_option'));

/**
 * The values used when neither the export's row nor the settings give one. Each use is
 * reported as an `AssumedDefault` with source `built_in_default`.
 *
 * Source: seed 001 phase 1 "load" (1.1: page type, tier 1-5); seed 000 task 3.1 (content page type, sub-type).
 *
 * @since 0.3.0
 * @category import
 */
export const BUILT_IN_DEFAULTS: Readonly<{
  /** `America/New_York`: the agency's exports are US Eastern wall clock (real-data README). */
  readonly timezone: string;
  /** `nude`: the bump-matrix row the volume engine itself falls back to (000 task 3.1). */
  readonly contentPageType: ContentPageType;
  /** `gfe`: the same fallback row (000 task 3.1). */
  readonly subType: SubType;
  /** 3: the middle of 001 §1.1's 1-5 (the tier is carried, not used). */
  readonly performanceTier: number;
  /** `free`: 30 of the 40 creators of the real-data export are free pages. */
  readonly pageType: PageType;
  /** 0 active fans: the smallest volume tier (001 §1.2). */
  readonly fanCount: number;
}> = Object.freeze({
  // README "mass_messages_week.csv": the agency's exports are US Eastern wall clock.
  timezone: 'America/New_York',
  // The bump matrix row the volume engine itself falls back to (`matrixKeyOf`, 000 task 3.1).
  contentPageType: 'nude',
  // Same fallback row; `personalized` also reads as `gfe` there (000 task 3.1).
  subType: 'gfe',
  // The middle of 001 §1.1's 1-5: neither top nor bottom (the tier is carried, not used).
  performanceTier: 3,
  // 30 of the 40 creators of ../shared/real-data/creator_stats_week.csv are free pages.
  pageType: 'free',
  // No active fans known: the smallest volume tier (001 §1.2 maps fan count to volume).
  fanCount: 0,
});
