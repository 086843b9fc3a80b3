/**
 * Boundary codecs (io-ts): what a caller passes to `buildSchedule` and what a port returns is
 * decoded once into the domain types; inside the library those types are trusted. A failed
 * decode yields one issue per failing path, every path collected (`decodeWith`:
 * `captions[12].performanceScore: expected number in 0..100, got "n/a"`).
 *
 * Decoding also normalises: deprecated send-type keys become `ppv_unlock` (001 §2.4.1) and ISO
 * instants are rewritten in canonical UTC form (`2025-01-20T19:07:00.000Z`). A stored rotation
 * state is read by `readStoredRotationState` (`src/rotation/stored.ts`), which never fails.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { InMemoryDataset } from '../ports/dataset';
import type { VolumeAdjustmentOutcomeRecord } from '../records/types';
import type { StoredRotationState } from '../rotation/stored';
import type { ActivePin } from '../timing/pins';
import type { CreatorTimingProfileWire } from '../timing/profile';
import {
  CAMPAIGN_TYPES,
  CAPTION_TYPES,
  CATEGORIES,
  type CampaignType,
  type CaptionType,
  type Category,
  CHANNEL_KEYS,
  type ChannelKey,
  GAME_TYPES,
  type GameType,
  type MediaType,
  normalizeSendTypeKey,
  type PageType,
  type SendTypeKey,
  TARGET_KEYS,
  type TargetKey,
} from './catalog';
import { decodeWith } from './decode';
import type { Issue } from './issues';
import { decodesTo, refine, strictType, stringUnion } from './policyCodec';
import { canonicalInstantMinute, isIsoDate, isTimeZone } from './time';
import type {
  BestTiming,
  CampaignRecord,
  Caption,
  CaptionRecord,
  CaptionUsage,
  ContentPageType,
  ContentRankTier,
  ContentTypeRanking,
  CreatorProfile,
  HorizonScores,
  MassMessage,
  PerformanceTrends,
  Persona,
  PpvStyle,
  ScheduleItem,
  ScheduleOptions,
  SubType,
  Vault,
} from './types';

// ---------------------------------------------------------------------------------------------
// Primitive codecs
// ---------------------------------------------------------------------------------------------

/**
 * A codec for one of a fixed list of strings.
 */
const oneOf = stringUnion;

/**
 * `codec` or `null`. Unlike `t.union([codec, t.null])` it adds no union member to the error
 * path, so a bad value is reported once, as `expected <codec> | null`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const nullable = <A, O>(codec: t.Type<A, O, unknown>): t.Type<A | null, O | null, unknown> =>
  new t.Type<A | null, O | null, unknown>(
    `${codec.name} | null`,
    (u): u is A | null => u === null || codec.is(u),
    (u, c) => (u === null ? t.success(null) : codec.validate(u, c)),
    (a) => (a === null ? null : codec.encode(a)),
  );

const finite = (n: number): boolean => Number.isFinite(n);
const isInt = (n: number): boolean => Number.isInteger(n);

/**
 * A finite number (no `NaN`, no infinity).
 *
 * @since 0.1.0
 * @category codecs
 */
export const FiniteNumberC = refine(t.number, finite, 'finite number');

/**
 * A finite number >= 0 (USD amounts, counts that may be fractional).
 *
 * @since 0.1.0
 * @category codecs
 */
export const NonNegativeNumberC = refine(t.number, (n) => finite(n) && n >= 0, 'number >= 0');

/**
 * A whole number >= 0 (counts of fans, sends, items).
 *
 * @since 0.1.0
 * @category codecs
 */
export const NonNegativeIntC = refine(t.number, (n) => isInt(n) && n >= 0, 'integer >= 0');

/**
 * A whole number in `lo..hi`, both included; named `integer in lo..hi`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const intInRange = (lo: number, hi: number): t.Type<number, number, unknown> =>
  refine(t.number, (n) => isInt(n) && n >= lo && n <= hi, `integer in ${lo}..${hi}`);

/**
 * A finite number in `lo..hi`, both included; named `number in lo..hi`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const numberInRange = (lo: number, hi: number): t.Type<number, number, unknown> =>
  refine(t.number, (n) => finite(n) && n >= lo && n <= hi, `number in ${lo}..${hi}`);

/**
 * A 0-100 score (performance, saturation, opportunity). Source: 001 §3.0, §1.3.
 *
 * @since 0.1.0
 * @category codecs
 */
export const ScoreC = numberInRange(0, 100);

/**
 * A string with at least one non-blank character.
 *
 * @since 0.1.0
 * @category codecs
 */
export const NonEmptyStringC = refine(t.string, (s) => s.trim().length > 0, 'non-empty string');

/**
 * An IANA time-zone name this runtime knows (`America/New_York`, `UTC`).
 *
 * @since 0.1.0
 * @category codecs
 */
export const TimeZoneC = refine(t.string, isTimeZone, 'IANA time zone');

/**
 * A real calendar date `YYYY-MM-DD`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const IsoDateC = refine(t.string, isIsoDate, 'YYYY-MM-DD date');

const INSTANT_RE =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** Whether a string is an ISO instant whose date and clock fields are real (no 2025-02-30, no 24:00). */
const isInstant = (u: unknown): u is string => {
  if (typeof u !== 'string') return false;
  const m = INSTANT_RE.exec(u);
  if (m === null || !isIsoDate(m[1] as string)) return false;
  const [hh, mm, ss, oh, om] = [m[2], m[3], m[4] ?? '0', m[6] ?? '0', m[7] ?? '0'].map(Number);
  return (
    (hh as number) < 24 &&
    (mm as number) < 60 &&
    (ss as number) < 60 &&
    (oh as number) < 24 &&
    (om as number) < 60 &&
    Number.isFinite(Date.parse(u))
  );
};

/**
 * Whether `s` is a real instant already in canonical UTC form `YYYY-MM-DDTHH:MM:SS.mmmZ`, read
 * by calendar arithmetic (`canonicalInstantMinute`), no regular expression and no `Date`
 * (issue 11: the boundary decodes every history instant). `false` means "take the exact path",
 * not "invalid" (years before 1000 always take it). Where it answers `true`, `isInstant` holds
 * and the canonical form of `s` is `s` itself.
 */
const isCanonicalFast = (s: string): boolean =>
  s.length === 24 && !Number.isNaN(canonicalInstantMinute(s));

/**
 * An ISO 8601 instant with a zone designator (`2025-01-20T19:07:00Z`, `...+02:00`), decoded to
 * canonical UTC form (`2025-01-20T19:07:00.000Z`). A local date-time without zone is refused, and
 * so is an impossible date or clock time (`2025-02-30T10:00:00Z`, `T24:00`): `Date.parse` would
 * roll it over to another day.
 *
 * @since 0.1.0
 * @category codecs
 */
export const IsoInstantC = new t.Type<string, string, unknown>(
  'ISO 8601 instant',
  (u): u is string => isInstant(u),
  (u, c) =>
    typeof u === 'string' && isCanonicalFast(u)
      ? t.success(u)
      : isInstant(u)
        ? t.success(new Date(Date.parse(u)).toISOString())
        : t.failure(u, c),
  t.identity,
);

/**
 * Whether `u` is an instant that `IsoInstantC` decodes to itself: an ISO 8601 instant already in
 * canonical UTC form (`2025-01-20T19:07:00.000Z`). For values the library made itself, so a
 * decode that would change nothing can be skipped (issue 11).
 *
 * @since 0.3.0
 * @category codecs
 */
export const isCanonicalInstant = (u: unknown): u is string => {
  // years 1000-9999 with a real date and clock time, the milliseconds written: the round trip
  // below holds, so calendar arithmetic answers without a `Date` (issue 11); else the exact path
  if (typeof u === 'string' && isCanonicalFast(u)) return true;
  if (typeof u !== 'string' || !CANONICAL_INSTANT_RE.test(u)) return false;
  const ms = Date.parse(u);
  if (!Number.isFinite(ms) || new Date(ms).toISOString() !== u) return false;
  // the round trip holds only for a real date and clock time, which `isInstant` accepts too,
  // except in the years 0-99 (its date check reads them as 1900-1999): those take its path
  return u.startsWith('00') ? isInstant(u) : true;
};

/** The form `Date.prototype.toISOString` writes for the years 0000-9999. */
const CANONICAL_INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * A send-type key. Deprecated keys (`ppv_message`, `ppv_video`) decode to `ppv_unlock`; an
 * unknown key is an error. Source: 001 §1.4, §2.4.1.
 *
 * @since 0.1.0
 * @category codecs
 */
export const SendTypeKeyC = new t.Type<SendTypeKey, string, unknown>(
  'send type key',
  (u): u is SendTypeKey => typeof u === 'string' && normalizeSendTypeKey(u) === u,
  (u, c) => {
    const key = typeof u === 'string' ? normalizeSendTypeKey(u) : null;
    return key === null ? t.failure(u, c) : t.success(key);
  },
  t.identity,
);

/**
 * A caption type of `CAPTION_TYPES`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const CaptionTypeC: t.Type<CaptionType, CaptionType, unknown> = oneOf(
  CAPTION_TYPES,
  'caption type',
);

/**
 * `paid` or `free`. Source: 001 §1.1.
 *
 * @since 0.1.0
 * @category codecs
 */
export const PageTypeC = oneOf<PageType>(['paid', 'free']);

/**
 * `nude | non_nude | porno`. Source: 000 task 3.1.
 *
 * @since 0.1.0
 * @category codecs
 */
export const ContentPageTypeC = oneOf<ContentPageType>(['nude', 'non_nude', 'porno']);

/**
 * `gfe | commercial | personalized`. Source: 000 task 3.1.
 *
 * @since 0.1.0
 * @category codecs
 */
export const SubTypeC = oneOf<SubType>(['gfe', 'commercial', 'personalized']);

/**
 * A campaign type of seed 000 task 3.2 (`CAMPAIGN_TYPES`).
 *
 * @since 0.3.0
 * @category codecs
 */
export const CampaignTypeC = oneOf<CampaignType>(CAMPAIGN_TYPES);

/**
 * A game type of seed 000 task 3.6 (`GAME_TYPES`).
 *
 * @since 0.3.0
 * @category codecs
 */
export const GameTypeC = oneOf<GameType>(GAME_TYPES);

/**
 * A PPV style of the rotation patterns. Source: 003 task 2.1.
 *
 * @since 0.1.0
 * @category codecs
 */
export const PpvStyleC = oneOf<PpvStyle>(['solo', 'bundle', 'winner', 'sextape']);

const HourC = intInRange(0, 23);
const HourKeyC = refine(t.string, (s) => /^(\d|1\d|2[0-3])$/.test(s), 'hour key "0".."23"');

/**
 * A record whose keys must pass `key` (io-ts' `t.record` silently drops keys its domain
 * refuses; here a bad key is an error at that key).
 */
const recordOf = <A>(
  key: t.Type<string, string, unknown>,
  value: t.Type<A, A, unknown>,
  name: string,
) =>
  new t.Type<Record<string, A>, Record<string, A>, unknown>(
    name,
    (u): u is Record<string, A> =>
      t.UnknownRecord.is(u) && Object.entries(u).every(([k, v]) => key.is(k) && value.is(v)),
    (u, c) => {
      if (!t.UnknownRecord.is(u)) return t.failure(u, c);
      const errors: t.ValidationError[] = [];
      const out: Record<string, A> = {};
      for (const [k, v] of Object.entries(u)) {
        if (!key.is(k)) {
          errors.push({ value: k, context: t.appendContext(c, k, key, k) });
          continue;
        }
        const r = value.validate(v, t.appendContext(c, k, value, v));
        if (E.isLeft(r)) errors.push(...r.left);
        else out[k] = r.right;
      }
      return errors.length > 0 ? t.failures(errors) : t.success(out);
    },
    t.identity,
  );

// ---------------------------------------------------------------------------------------------
// Domain codecs
// ---------------------------------------------------------------------------------------------

/**
 * A creator profile. Source: 001 §1.1, 000 task 3.1.
 *
 * @since 0.1.0
 * @category codecs
 */
export const CreatorProfileC: t.Type<CreatorProfile, CreatorProfile, unknown> =
  decodesTo<CreatorProfile>()(
    t.intersection(
      [
        t.type(
          {
            creatorId: NonEmptyStringC,
            pageType: PageTypeC,
            fanCount: NonNegativeIntC,
            timezone: TimeZoneC,
            contentPageType: ContentPageTypeC,
            subType: SubTypeC,
            performanceTier: intInRange(1, 5),
          },
          'CreatorProfile',
        ),
        t.partial(
          { displayName: t.string, avgRevenuePerMessage: nullable(NonNegativeNumberC) },
          'CreatorProfile',
        ),
      ],
      'CreatorProfile',
    ),
  );

/** The fields a caption of the bank and a caption as a port returns it share (001 §3.0). */
const CAPTION_FIELDS = {
  captionId: NonEmptyStringC,
  text: NonEmptyStringC,
  captionType: CaptionTypeC,
  contentType: nullable(NonEmptyStringC),
  performanceScore: ScoreC,
};

/**
 * A caption as a port returns it for one creator. Source: 001 §3.0-§3.4.
 *
 * @since 0.1.0
 * @category codecs
 */
export const CaptionC: t.Type<Caption, Caption, unknown> = decodesTo<Caption>()(
  t.type(
    {
      ...CAPTION_FIELDS,
      lastUsedAt: nullable(IsoInstantC),
      useCount: NonNegativeIntC,
      globalUseCount: NonNegativeIntC,
    },
    'Caption',
  ),
);

/**
 * One creator's use of a caption.
 *
 * @since 0.1.0
 * @category codecs
 */
export const CaptionUsageC: t.Type<CaptionUsage, CaptionUsage, unknown> = decodesTo<CaptionUsage>()(
  t.type(
    { creatorId: NonEmptyStringC, lastUsedAt: IsoInstantC, useCount: NonNegativeIntC },
    'CaptionUsage',
  ),
);

/**
 * A caption of the universal caption bank. Source: 001 §3.0.
 *
 * @since 0.1.0
 * @category codecs
 */
export const CaptionRecordC: t.Type<CaptionRecord, CaptionRecord, unknown> =
  decodesTo<CaptionRecord>()(
    t.type(
      {
        ...CAPTION_FIELDS,
        usage: t.array(CaptionUsageC),
      },
      'CaptionRecord',
    ),
  );

/**
 * Vault availability; every count a whole number >= 0. Source: 001 §1.5.
 *
 * @since 0.1.0
 * @category codecs
 */
export const VaultC: t.Type<Vault, Vault, unknown> = decodesTo<Vault>()(
  t.type(
    {
      contentTypes: t.record(t.string, NonNegativeIntC),
      media: t.type(
        { video: NonNegativeIntC, picture: NonNegativeIntC, gif: NonNegativeIntC },
        'VaultMedia',
      ),
      flyers: NonNegativeIntC,
    },
    'Vault',
  ),
);

/**
 * One past mass message; `sendTypeKey` is normalised (001 §2.4.1). Source: 001 §1.3.
 *
 * @since 0.1.0
 * @category codecs
 */
export const MassMessageC: t.Type<MassMessage, MassMessage, unknown> = decodesTo<MassMessage>()(
  t.intersection(
    [
      t.type(
        {
          creatorId: NonEmptyStringC,
          sentAt: IsoInstantC,
          sendTypeKey: SendTypeKeyC,
          price: nullable(NonNegativeNumberC),
          sent: NonNegativeIntC,
          viewed: NonNegativeIntC,
          purchased: NonNegativeIntC,
          earnings: NonNegativeNumberC,
          captionId: nullable(NonEmptyStringC),
        },
        'MassMessage',
      ),
      t.partial(
        {
          captionText: nullable(t.string),
          contentType: nullable(NonEmptyStringC),
          campaignType: nullable(CampaignTypeC),
          gameType: nullable(GameTypeC),
        },
        'MassMessage',
      ),
    ],
    'MassMessage',
  ),
);

/**
 * One campaign already sent (`CampaignRecord`), as the optional `getCampaignHistory` port
 * answers it: a campaign type, an ISO instant, a game type or `null`, earnings (USD, >= 0) or
 * `null`. Source: seed 000 task 3.2, task 3.6.
 *
 * @since 0.3.0
 * @category codecs
 */
export const CampaignRecordC: t.Type<CampaignRecord, CampaignRecord, unknown> =
  decodesTo<CampaignRecord>()(
    strictType(
      'CampaignRecord',
      {
        campaignType: CampaignTypeC,
        sentAt: IsoInstantC,
        gameType: nullable(GameTypeC),
        earnings: nullable(NonNegativeNumberC),
      },
      {},
    ),
  );

/**
 * A content type's ranking: TOP / MID / LOW / AVOID with an optional 0-100 score.
 * Source: seed 001 `get_content_type_rankings`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const ContentTypeRankingC: t.Type<ContentTypeRanking, ContentTypeRanking, unknown> =
  decodesTo<ContentTypeRanking>()(
    t.intersection(
      [
        t.type(
          {
            contentType: NonEmptyStringC,
            tier: oneOf<ContentRankTier>(['TOP', 'MID', 'LOW', 'AVOID']),
          },
          'ContentTypeRanking',
        ),
        t.partial({ score: nullable(ScoreC) }, 'ContentTypeRanking'),
      ],
      'ContentTypeRanking',
    ),
  );

/**
 * Saturation and opportunity at one horizon, 0-100 each. Source: 002.
 *
 * @since 0.1.0
 * @category codecs
 */
export const HorizonScoresC: t.Type<HorizonScores, HorizonScores, unknown> =
  decodesTo<HorizonScores>()(
    t.type({ saturationScore: ScoreC, opportunityScore: ScoreC }, 'HorizonScores'),
  );

/**
 * Tracked performance trends; each horizon may be missing or `null`. Source: 001 §1.3, 002.
 *
 * @since 0.1.0
 * @category codecs
 */
export const PerformanceTrendsC: t.Type<PerformanceTrends, PerformanceTrends, unknown> =
  decodesTo<PerformanceTrends>()(
    t.type(
      {
        horizons: t.partial(
          {
            '7d': nullable(HorizonScoresC),
            '14d': nullable(HorizonScoresC),
            '30d': nullable(HorizonScoresC),
          },
          'Horizons',
        ),
        revenueTrendPercent: nullable(
          refine(t.number, (n) => finite(n) && n >= -100, 'number >= -100'),
        ),
        messageCount: NonNegativeIntC,
      },
      'PerformanceTrends',
    ),
  );

/**
 * Best timing data; hours are local whole hours 0-23, relative performance 0-1. Source: 001 §1.6.
 *
 * @since 0.1.0
 * @category codecs
 */
export const BestTimingC: t.Type<BestTiming, BestTiming, unknown> = decodesTo<BestTiming>()(
  t.type(
    {
      peakHours: t.array(HourC),
      avoidHours: t.array(HourC),
      hourlyPerformance: recordOf(HourKeyC, numberInRange(0, 1), 'HourlyPerformance'),
    },
    'BestTiming',
  ),
);

/**
 * A persona profile. Source: 001 "MCP Tools Reference" (`get_persona_profile`).
 *
 * @since 0.1.0
 * @category codecs
 */
export const PersonaC: t.Type<Persona, Persona, unknown> = decodesTo<Persona>()(
  t.type(
    {
      tone: oneOf<Persona['tone']>([
        'playful',
        'sweet',
        'dominant',
        'bratty',
        'seductive',
        'girl_next_door',
      ]),
      emojiFrequency: oneOf<Persona['emojiFrequency']>(['none', 'low', 'medium', 'high']),
      slangLevel: oneOf<Persona['slangLevel']>(['none', 'light', 'heavy']),
      favoriteEmojis: t.array(t.string),
      signaturePhrases: t.array(t.string),
    },
    'Persona',
  ),
);

/**
 * Caller options of one build; every field optional.
 *
 * @since 0.1.0
 * @category codecs
 */
export const ScheduleOptionsC: t.Type<ScheduleOptions, ScheduleOptions, unknown> =
  decodesTo<ScheduleOptions>()(
    strictType(
      'ScheduleOptions',
      {},
      {
        allowNextDayFollowups: t.boolean,
        manualConfidenceOverride: t.boolean,
        save: t.boolean,
        trackPrediction: t.boolean,
      },
    ),
  );

/**
 * A seed: a finite number or a non-empty string.
 *
 * @since 0.1.0
 * @category codecs
 */
export const SeedC = new t.Type<number | string, number | string, unknown>(
  'finite number or non-empty string',
  (u): u is number | string =>
    (typeof u === 'number' && Number.isFinite(u)) || (typeof u === 'string' && u.length > 0),
  (u, c) =>
    (typeof u === 'number' && Number.isFinite(u)) || (typeof u === 'string' && u.length > 0)
      ? t.success(u)
      : t.failure(u, c),
  t.identity,
);

/**
 * What `ScheduleInputsC` decodes: the `ScheduleInputs` envelope with `policy` and `experiment`
 * still undecoded (`resolvePolicy` and `decodeAbExperiment` decode them, each naming its own
 * paths).
 *
 * @since 0.3.0
 * @category codecs
 */
export interface RawScheduleInputs {
  /** The creator to build for, a non-empty string. */
  readonly creatorId: string;
  /** First local date of the 7-day week, `YYYY-MM-DD`. */
  readonly weekStart: string;
  /** Seed of every random choice: a finite number or a non-empty string. */
  readonly seed: number | string;
  /** Caller options of the build. */
  readonly options?: ScheduleOptions;
  /** Policy overrides, not yet decoded (any value). */
  readonly policy?: unknown;
  /** The A/B experiment, not yet decoded (any value). */
  readonly experiment?: unknown;
}

/**
 * What `buildSchedule` is asked to build: the envelope of `ScheduleInputs`, exact (an unknown
 * key is an error at its path).
 *
 * @since 0.1.0
 * @category codecs
 */
export const ScheduleInputsC: t.Type<RawScheduleInputs, RawScheduleInputs, unknown> =
  decodesTo<RawScheduleInputs>()(
    strictType(
      'ScheduleInputs',
      { creatorId: NonEmptyStringC, weekStart: IsoDateC, seed: SeedC },
      // `policy` is decoded by `resolvePolicy`, which names each leaf's range; `experiment` by
      // `decodeAbExperiment` (analytics/), which imports this module.
      { options: ScheduleOptionsC, policy: t.unknown, experiment: t.unknown },
    ),
  );

/**
 * An agency dataset for `inMemoryPorts`, decoded as a whole.
 *
 * @since 0.1.0
 * @category codecs
 */
export const InMemoryDatasetC: t.Type<InMemoryDataset, InMemoryDataset, unknown> =
  decodesTo<InMemoryDataset>()(
    strictType(
      'InMemoryDataset',
      {
        creators: t.array(CreatorProfileC),
        history: t.array(MassMessageC),
        captions: t.array(CaptionRecordC),
      },
      {
        trends: t.record(t.string, PerformanceTrendsC),
        vaults: t.record(t.string, VaultC),
        timing: t.record(t.string, BestTimingC),
        personas: t.record(t.string, PersonaC),
        // Any stored shape: the pipeline reads it with `readStoredRotationState`, which never fails.
        rotationStates: t.record(t.string, t.unknown) as unknown as t.Type<
          Record<string, StoredRotationState>,
          unknown,
          unknown
        >,
        contentRankings: t.record(t.string, t.array(ContentTypeRankingC)),
        // Decoded by `decodeDataset` with `ActivePinsC` and `CreatorTimingProfileC` (timing/), which
        // import this module: read as records here, their entries checked there.
        activePins: t.record(t.string, t.unknown) as unknown as t.Type<
          Record<string, ReadonlyArray<ActivePin>>,
          unknown,
          unknown
        >,
        timingProfiles: t.record(t.string, t.unknown) as unknown as t.Type<
          Record<string, CreatorTimingProfileWire>,
          unknown,
          unknown
        >,
        // Decoded by `decodeDataset` with `VolumeAdjustmentOutcomeRecordC` (records/), likewise.
        adjustmentOutcomes: t.record(t.string, t.unknown) as unknown as t.Type<
          Record<string, ReadonlyArray<VolumeAdjustmentOutcomeRecord>>,
          unknown,
          unknown
        >,
      },
    ),
  );

// ---------------------------------------------------------------------------------------------
// Schedule items (the library's output, read back from an export)
// ---------------------------------------------------------------------------------------------

/** A local clock time `HH:mm:ss` (00:00:00 to 23:59:59). */
const ClockTimeC = refine(
  t.string,
  (s) => /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/.test(s),
  'HH:mm:ss time',
);

/** A whole number (any sign): minute shifts and jitter. */
const IntC = refine(t.number, isInt, 'integer');

/** A number in 0..1 (a confidence). */
const UnitC = numberInRange(0, 1);

const CaptionScoresC = strictType(
  'CaptionScores',
  {
    freshnessScore: ScoreC,
    performanceScore: ScoreC,
    typePriorityScore: ScoreC,
    diversityScore: ScoreC,
    personaScore: ScoreC,
    compositeScore: ScoreC,
  },
  {},
);

const ItemReasonsC = strictType(
  'ItemReasons',
  {
    caption: strictType(
      'CaptionReason',
      {
        source: oneOf(['pool', 'generic', 'followup_pool', 'manual'] as const),
        level: nullable(NonNegativeIntC),
        minFreshness: nullable(ScoreC),
        minPerformance: nullable(ScoreC),
        candidates: NonNegativeIntC,
        scores: nullable(CaptionScoresC),
      },
      {},
    ),
    price: nullable(
      strictType(
        'PriceReason',
        {
          defaultPrice: NonNegativeNumberC,
          historyMedian: nullable(NonNegativeNumberC),
          historyPrices: NonNegativeIntC,
          confidence: UnitC,
          clamped: t.boolean,
        },
        {},
      ),
    ),
    target: strictType(
      'TargetReason',
      {
        sendTypeTarget: oneOf<TargetKey>(TARGET_KEYS, 'target key'),
        sendTypeChannel: oneOf<ChannelKey>(CHANNEL_KEYS, 'channel key'),
        fallbacks: t.readonlyArray(
          oneOf(['target_not_applicable', 'channel_switched', 'channel_incompatible'] as const),
        ),
      },
      {},
    ),
  },
  {},
);

const VariationMetadataC = strictType(
  'VariationMetadata',
  {
    baseHour: HourC,
    timeShift: IntC,
    jitter: IntC,
    dailyStrategy: t.string,
    primeHoursUsed: t.readonlyArray(HourC),
    timeAdjusted: t.boolean,
    adjustmentReason: nullable(t.string),
    fallbackUsed: t.boolean,
  },
  {},
);

/**
 * One item of a weekly schedule (`ScheduleItem`), exact: every field is required, an unknown
 * key is an error at its path (`items[3].captionTxt: unknown key`), and so is a missing one. Use
 * it to read back a schedule the library wrote (a JSON file, a CSV export through `fromCsv`, a
 * store): `encode` gives the plain object again, so decode then encode is the identity on an
 * item the library built.
 *
 * - `slotId` a non-empty string; `scheduledDate` and `movedFromDate` real dates `YYYY-MM-DD`
 *   (`movedFromDate` or `null`); `scheduledTime` local `HH:mm:ss`; `scheduledAt` and `expiresAt`
 *   ISO instants (decoded to canonical UTC form; `expiresAt` or `null`).
 * - `sendTypeKey` a send-type key (deprecated keys decode to `ppv_unlock`); `category`,
 *   `channelKey`, `targetKey`, `mediaType`, `ppvStyle`, `campaignType`, `gameType` from the
 *   catalog's lists (the last three or `null`).
 * - `captionId` and `contentTypeId` a non-empty string or `null`; `captionText`, `strategyUsed`,
 *   `flavorEmphasis` any string.
 * - `suggestedPrice` USD >= 0 or `null`; `priority` a whole number >= 1;
 *   `followupDelayMinutes` whole minutes >= 0 or `null`.
 * - `variationMetadata`: `baseHour` and each of `primeHoursUsed` a local hour 0-23, `timeShift`
 *   and `jitter` whole minutes of any sign, `adjustmentReason` a string or `null`.
 * - `reasons`: the caption reason (scores 0-100, thresholds 0-100 or `null`), the price reason
 *   (USD, confidence 0-1) or `null`, the target reason.
 *
 * @example
 * decodeWith(t.readonlyArray(ScheduleItemC), JSON.parse(text), 'items', 'invalid_input')
 *
 * Source: seed 001 §7.1 (the item), §6.5 (follow-ups), §5.3 (variation metadata); §7.3 (the
 * reasons the report explains).
 *
 * @since 0.3.0
 * @category codecs
 */
export const ScheduleItemC: t.Type<ScheduleItem, ScheduleItem, unknown> = strictType(
  'ScheduleItem',
  {
    slotId: NonEmptyStringC,
    scheduledDate: IsoDateC,
    movedFromDate: nullable(IsoDateC),
    scheduledTime: ClockTimeC,
    scheduledAt: IsoInstantC,
    sendTypeKey: SendTypeKeyC,
    category: oneOf<Category>(CATEGORIES, 'category'),
    channelKey: oneOf<ChannelKey>(CHANNEL_KEYS, 'channel key'),
    targetKey: oneOf<TargetKey>(TARGET_KEYS, 'target key'),
    captionId: nullable(NonEmptyStringC),
    captionText: t.string,
    contentTypeId: nullable(NonEmptyStringC),
    mediaType: oneOf<MediaType>(['video', 'picture', 'gif', 'none'], 'media type'),
    flyerRequired: t.boolean,
    suggestedPrice: nullable(NonNegativeNumberC),
    priority: refine(t.number, (n) => isInt(n) && n >= 1, 'integer >= 1'),
    isFollowUp: t.boolean,
    parentItemId: nullable(NonEmptyStringC),
    followupDelayMinutes: nullable(NonNegativeIntC),
    expiresAt: nullable(IsoInstantC),
    strategyUsed: t.string,
    flavorEmphasis: t.string,
    variationMetadata: VariationMetadataC,
    needsCaption: t.boolean,
    ppvStyle: nullable(PpvStyleC),
    campaignType: nullable(CampaignTypeC),
    gameType: nullable(GameTypeC),
    reasons: ItemReasonsC,
  },
  {},
);

/**
 * Decodes a JSON value (already parsed, e.g. `JSON.parse` of a saved schedule) as an array of
 * schedule items with `ScheduleItemC`. Returns `Right` of fresh items, or `Left` of one
 * `invalid_input` issue per failing path, every path collected, each naming the item
 * (`items[3].suggestedPrice: expected number >= 0 | null, got "12"`). Never throws.
 *
 * Source: seed 001 §7.1.
 *
 * @since 0.3.0
 * @category codecs
 */
export const decodeScheduleItems = (
  json: unknown,
): E.Either<ReadonlyArray<Issue>, ReadonlyArray<ScheduleItem>> =>
  decodeWith(t.readonlyArray(ScheduleItemC), json, 'items', 'invalid_input');
