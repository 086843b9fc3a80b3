/**
 * The demo agency's creators and their side data: profiles, vaults, best timing, personas and
 * tracked performance trends.
 *
 * @module
 */
import type {
  BestTiming,
  ContentPageType,
  ContentRankTier,
  ContentTypeRanking,
  CreatorProfile,
  PageType,
  PerformanceTrends,
  Persona,
  SubType,
  Vault,
} from '../index';
import type { Draw } from './draw';

/**
 * Which kind of tracked performance trends a demo creator has: `divergent` (7d and 30d scores
 * at least 15 points apart), `saturated` (saturation above 70, revenue falling), `opportunity`
 * (opportunity above 70, revenue rising), `steady`; `null`: none, the pipeline derives scores
 * from the history.
 *
 * Source: seed 002 "Dynamic Adjustments" (the score bands each kind exercises).
 *
 * @since 0.3.0
 * @category demo
 */
export type TrendKind = 'divergent' | 'saturated' | 'opportunity' | 'steady' | null;

/**
 * Which best-timing shape a demo creator has: peak hours in the `evening`, at `midday`, or
 * `split` between both; `null`: none, the pipeline uses the generic hours.
 *
 * Source: seed 001 §1.6 (`get_best_timing`), phase 1 recovery (generic timing).
 *
 * @since 0.3.0
 * @category demo
 */
export type TimingKind = 'evening' | 'midday' | 'split' | null;

/**
 * One row of the demo roster: the profile of a synthetic creator and which side data
 * (trends, vault, rankings, timing, persona) the demo agency gives it.
 *
 * Source: seed 001 §1.1 (the profile), seed 000 task 3.1 (page types x sub-types).
 *
 * @since 0.3.0
 * @category demo
 */
export interface DemoCreatorSpec {
  /** Active fans, a whole number (decides the volume tier). */
  readonly fanCount: number;
  /** `paid` or `free` subscription page. */
  readonly pageType: PageType;
  /** `nude`, `non_nude` or `porno` (000 task 3.1). */
  readonly contentPageType: ContentPageType;
  /** `gfe`, `commercial` or `personalized` (000 task 3.1). */
  readonly subType: SubType;
  /** IANA time-zone name the creator's week is planned in. */
  readonly timezone: string;
  /** Performance tier, 1 (top) to 5 (001 §1.1). */
  readonly performanceTier: number;
  /** The kind of tracked trends, `null` for none. */
  readonly trends: TrendKind;
  /** Days of history before `asOf` (90, or ~10 for a new creator). */
  readonly historyDays: number;
  /** Whether the creator has vault availability data (without it, everything is assumed available). */
  readonly vault: boolean;
  /** Whether the creator has content-type rankings (TOP / MID / LOW / AVOID). */
  readonly rankings: boolean;
  /** The best-timing shape, `null` for none. */
  readonly timing: TimingKind;
  /** The persona's tone, `null` for no persona. */
  readonly persona: Persona['tone'] | null;
  /** Relative change of revenue per PPV from the first to the last history day (-0.4 = falling 40 %). */
  readonly revenueSlope: number;
}

/**
 * The roster: 12 creators over the four fan-count tiers, paid and free pages, every content
 * page type x sub-type, several time zones. The first three are deliberately different (low paid,
 * mid free, high paid) so `--creators 3` shows a spread.
 *
 * Source: seed 000 task 3.1 (page types x sub-types), seed 002 (tiers by fan count).
 *
 * @since 0.3.0
 * @category demo
 */
export const ROSTER: ReadonlyArray<DemoCreatorSpec> = [
  {
    fanCount: 350,
    pageType: 'paid',
    contentPageType: 'nude',
    subType: 'gfe',
    timezone: 'America/New_York',
    performanceTier: 4,
    trends: null,
    historyDays: 90,
    vault: true,
    rankings: true,
    timing: 'evening',
    persona: 'sweet',
    revenueSlope: 0.05,
  },
  {
    fanCount: 3200,
    pageType: 'free',
    contentPageType: 'non_nude',
    subType: 'commercial',
    timezone: 'Europe/London',
    performanceTier: 3,
    trends: 'divergent',
    historyDays: 90,
    vault: true,
    rankings: true,
    timing: 'midday',
    persona: 'playful',
    revenueSlope: -0.1,
  },
  {
    fanCount: 6500,
    pageType: 'paid',
    contentPageType: 'porno',
    subType: 'gfe',
    timezone: 'America/Chicago',
    performanceTier: 2,
    trends: 'saturated',
    historyDays: 90,
    vault: true,
    rankings: true,
    timing: 'split',
    persona: 'seductive',
    revenueSlope: -0.35,
  },
  {
    fanCount: 800,
    pageType: 'free',
    contentPageType: 'nude',
    subType: 'commercial',
    timezone: 'America/Los_Angeles',
    performanceTier: 5,
    trends: null,
    historyDays: 90,
    vault: true,
    rankings: true,
    timing: 'evening',
    persona: 'bratty',
    revenueSlope: 0,
  },
  {
    fanCount: 1800,
    pageType: 'paid',
    contentPageType: 'porno',
    subType: 'personalized',
    timezone: 'Europe/Berlin',
    performanceTier: 3,
    trends: null,
    historyDays: 90,
    vault: true,
    rankings: true,
    timing: 'midday',
    persona: 'girl_next_door',
    revenueSlope: 0.1,
  },
  {
    fanCount: 4600,
    pageType: 'paid',
    contentPageType: 'non_nude',
    subType: 'gfe',
    timezone: 'Australia/Sydney',
    performanceTier: 4,
    trends: null,
    historyDays: 10,
    vault: true,
    rankings: false,
    timing: 'evening',
    persona: 'sweet',
    revenueSlope: 0,
  },
  {
    fanCount: 9000,
    pageType: 'free',
    contentPageType: 'porno',
    subType: 'commercial',
    timezone: 'America/New_York',
    performanceTier: 2,
    trends: null,
    historyDays: 90,
    vault: true,
    rankings: true,
    timing: 'evening',
    persona: null,
    revenueSlope: -0.05,
  },
  {
    fanCount: 12400,
    pageType: 'paid',
    contentPageType: 'nude',
    subType: 'personalized',
    timezone: 'America/Denver',
    performanceTier: 2,
    trends: 'opportunity',
    historyDays: 90,
    vault: true,
    rankings: true,
    timing: 'split',
    persona: 'dominant',
    revenueSlope: 0.4,
  },
  {
    fanCount: 16000,
    pageType: 'paid',
    contentPageType: 'non_nude',
    subType: 'personalized',
    timezone: 'Europe/Madrid',
    performanceTier: 1,
    trends: null,
    historyDays: 90,
    vault: false,
    rankings: true,
    timing: 'midday',
    persona: 'playful',
    revenueSlope: 0.05,
  },
  {
    fanCount: 22000,
    pageType: 'free',
    contentPageType: 'nude',
    subType: 'gfe',
    timezone: 'America/Los_Angeles',
    performanceTier: 1,
    trends: null,
    historyDays: 90,
    vault: true,
    rankings: true,
    timing: null,
    persona: 'girl_next_door',
    revenueSlope: 0.15,
  },
  {
    fanCount: 31000,
    pageType: 'paid',
    contentPageType: 'porno',
    subType: 'commercial',
    timezone: 'Europe/London',
    performanceTier: 1,
    trends: 'steady',
    historyDays: 90,
    vault: true,
    rankings: true,
    timing: 'evening',
    persona: 'seductive',
    revenueSlope: 0.05,
  },
  {
    fanCount: 48000,
    pageType: 'free',
    contentPageType: 'non_nude',
    subType: 'commercial',
    timezone: 'America/Chicago',
    performanceTier: 1,
    trends: null,
    historyDays: 90,
    vault: true,
    rankings: true,
    timing: 'split',
    persona: 'bratty',
    revenueSlope: -0.1,
  },
];

/** Fan-count tier bounds (RULINGS "Volume"), for jittering extra creators inside their tier. */
const TIER_BOUNDS: ReadonlyArray<readonly [number, number]> = [
  [0, 999],
  [1000, 4999],
  [5000, 14999],
  [15000, 80000],
];

/** Roster row `i`; rows past the roster repeat it with fan counts moved inside the same tier. */
export const specAt = (i: number, d: Draw): DemoCreatorSpec => {
  const base = ROSTER[i % ROSTER.length] as DemoCreatorSpec;
  if (i < ROSTER.length) return base;
  const [lo, hi] = TIER_BOUNDS.find(([l, h]) => base.fanCount >= l && base.fanCount <= h) ?? [
    0, 80000,
  ];
  const fanCount = Math.min(hi, Math.max(lo, Math.round(base.fanCount * d.between(0.8, 1.2))));
  return { ...base, fanCount };
};

/** `creator_01`, `creator_02`, ... */
export const creatorIdOf = (i: number): string => `creator_${String(i + 1).padStart(2, '0')}`;

/** The creator profile of a roster row. */
export const profileOf = (
  i: number,
  spec: DemoCreatorSpec,
  avgRevenuePerMessage: number | null,
): CreatorProfile => ({
  creatorId: creatorIdOf(i),
  displayName: `Demo Creator ${String(i + 1).padStart(2, '0')}`,
  pageType: spec.pageType,
  fanCount: spec.fanCount,
  timezone: spec.timezone,
  contentPageType: spec.contentPageType,
  subType: spec.subType,
  performanceTier: spec.performanceTier,
  avgRevenuePerMessage,
});

/** Content types a page of each content page type films (keys of `CONTENT_TYPES`). */
export const CONTENT_BY_PAGE: Readonly<Record<ContentPageType, ReadonlyArray<string>>> = {
  non_nude: [
    'lingerie',
    'teasing',
    'feet',
    'pool_outdoor',
    'behind_scenes',
    'implied_solo',
    'story_roleplay',
    'shower_bath',
  ],
  nude: [
    'solo',
    'lingerie',
    'teasing',
    'shower_bath',
    'feet',
    'toy_play',
    'pov',
    'tits_play',
    'joi',
    'behind_scenes',
  ],
  porno: [
    'boy_girl',
    'girl_girl',
    'solo',
    'toy_play',
    'pov',
    'dom_sub',
    'shower_bath',
    'joi',
    'story_roleplay',
    'lingerie',
  ],
};

/** A vault: 6-9 of the page's content types with 2-40 items each, media counts and flyers. */
export const vaultOf = (spec: DemoCreatorSpec, d: Draw): Vault => {
  const pool = CONTENT_BY_PAGE[spec.contentPageType];
  const wanted = d.int(6, Math.min(9, pool.length));
  const chosen: string[] = [];
  while (chosen.length < wanted) {
    const c = d.pick(pool);
    if (!chosen.includes(c)) chosen.push(c);
  }
  const contentTypes = Object.fromEntries(
    pool.filter((c) => chosen.includes(c)).map((c) => [c, d.int(2, 40)]),
  );
  const total = Object.values(contentTypes).reduce((a, b) => a + b, 0);
  return {
    contentTypes,
    media: {
      video: Math.round(total * d.between(0.35, 0.5)),
      picture: Math.round(total * d.between(0.9, 1.6)),
      gif: d.int(4, 18),
    },
    flyers: d.int(3, 14),
  };
};

/** The content types a creator sends: its vault's types with items, or its page's types without a vault. */
export const contentTypesOf = (
  spec: DemoCreatorSpec,
  vault: Vault | null,
): ReadonlyArray<string> =>
  vault === null
    ? CONTENT_BY_PAGE[spec.contentPageType]
    : Object.keys(vault.contentTypes).filter((c) => (vault.contentTypes[c] ?? 0) > 0);

/**
 * Content-type rankings over `types`: each type draws a hidden 0-100 quality; the best ~30 % are
 * TOP, the weakest ~25 % LOW, the last one AVOID when there are 5 or more types, the rest MID.
 * The score is the quality, so scores fall from TOP to AVOID.
 */
export const contentRankingsOf = (
  types: ReadonlyArray<string>,
  d: Draw,
): ReadonlyArray<ContentTypeRanking> => {
  const scored = types
    .map((contentType) => ({ contentType, score: Math.round(d.between(5, 98)) }))
    .sort((a, b) => b.score - a.score || (a.contentType < b.contentType ? -1 : 1));
  const n = scored.length;
  const top = Math.max(1, Math.round(n * 0.3));
  const avoid = n >= 5 ? 1 : 0;
  const low = Math.max(1, Math.round(n * 0.25));
  const tierAt = (k: number): ContentRankTier =>
    k < top ? 'TOP' : k >= n - avoid ? 'AVOID' : k >= n - avoid - low ? 'LOW' : 'MID';
  return scored.map((r, k) => ({ contentType: r.contentType, tier: tierAt(k), score: r.score }));
};

/** Relative revenue per PPV by local hour (real-data README: 11:00 and 15:00 strong, 21:00 and 00:00 weaker). */
export const HOUR_EFFECT: ReadonlyArray<number> = [
  0.8, 0.75, 0.7, 0.6, 0.6, 0.6, 0.6, 0.7, 0.85, 0.95, 1.15, 1.4, 1.2, 1.05, 1.05, 1.1, 1.0, 0.95,
  0.95, 0.9, 0.9, 0.72, 0.8, 0.8,
];

const PEAKS: Readonly<Record<Exclude<TimingKind, null>, ReadonlyArray<number>>> = {
  evening: [19, 20, 21, 22],
  midday: [11, 12, 13, 15],
  split: [11, 15, 20, 21],
};

/** Best timing: the kind's peak hours, avoid hours 3-6, hourly performance 0-1 from the hour effect. */
export const timingOf = (kind: Exclude<TimingKind, null>, d: Draw): BestTiming => {
  const peakHours = PEAKS[kind];
  const avoidHours = [3, 4, 5, 6];
  const raw = HOUR_EFFECT.map((e, h) =>
    avoidHours.includes(h) ? 0.1 : e * d.between(0.85, 1.1) + (peakHours.includes(h) ? 0.5 : 0),
  );
  const max = Math.max(...raw);
  const hourlyPerformance = Object.fromEntries(
    raw.map((v, h) => [String(h), Math.round((v / max) * 100) / 100]),
  );
  return { peakHours, avoidHours, hourlyPerformance };
};

const PERSONAS: Readonly<Record<Persona['tone'], Omit<Persona, 'tone'>>> = {
  sweet: {
    emojiFrequency: 'medium',
    slangLevel: 'light',
    favoriteEmojis: ['💕', '🥰'],
    signaturePhrases: ['thank you', 'miss you'],
  },
  playful: {
    emojiFrequency: 'medium',
    slangLevel: 'light',
    favoriteEmojis: ['🙈', '🎉'],
    signaturePhrases: ['game', 'your turn'],
  },
  seductive: {
    emojiFrequency: 'low',
    slangLevel: 'none',
    favoriteEmojis: ['😈', '💋'],
    signaturePhrases: ['only for you', 'tonight'],
  },
  bratty: {
    emojiFrequency: 'high',
    slangLevel: 'heavy',
    favoriteEmojis: ['😏', '🔥'],
    signaturePhrases: ['babe', 'do not keep me waiting'],
  },
  girl_next_door: {
    emojiFrequency: 'low',
    slangLevel: 'light',
    favoriteEmojis: ['✨'],
    signaturePhrases: ['coffee', 'how is your day'],
  },
  dominant: {
    emojiFrequency: 'none',
    slangLevel: 'none',
    favoriteEmojis: [],
    signaturePhrases: ['do not make me wait', 'your move'],
  },
};

/** A persona of the given tone. */
export const personaOf = (tone: Persona['tone']): Persona => ({ tone, ...PERSONAS[tone] });

const TRENDS: Readonly<Record<Exclude<TrendKind, null>, Omit<PerformanceTrends, 'messageCount'>>> =
  {
    // 7d and 30d differ by >= 15 points: fusion detects divergence and leans on the 7d horizon.
    divergent: {
      horizons: {
        '7d': { saturationScore: 72, opportunityScore: 38 },
        '14d': { saturationScore: 55, opportunityScore: 50 },
        '30d': { saturationScore: 41, opportunityScore: 63 },
      },
      revenueTrendPercent: -12,
    },
    // Saturation > 70 on every horizon, revenue falling > 15 %.
    saturated: {
      horizons: {
        '7d': { saturationScore: 84, opportunityScore: 22 },
        '14d': { saturationScore: 80, opportunityScore: 25 },
        '30d': { saturationScore: 76, opportunityScore: 31 },
      },
      revenueTrendPercent: -22,
    },
    // Opportunity > 70 with saturation < 50, revenue rising > 15 %.
    opportunity: {
      horizons: {
        '7d': { saturationScore: 24, opportunityScore: 82 },
        '14d': { saturationScore: 28, opportunityScore: 78 },
        '30d': { saturationScore: 33, opportunityScore: 74 },
      },
      revenueTrendPercent: 24,
    },
    // Only two horizons tracked; the missing 7d is left out of the fusion.
    steady: {
      horizons: {
        '7d': null,
        '14d': { saturationScore: 48, opportunityScore: 55 },
        '30d': { saturationScore: 45, opportunityScore: 58 },
      },
      revenueTrendPercent: 6,
    },
  };

/** Tracked trends of the given kind; `messageCount` is the creator's last 30 days of history. */
export const trendsOf = (
  kind: Exclude<TrendKind, null>,
  messageCount: number,
): PerformanceTrends => ({
  ...TRENDS[kind],
  messageCount,
});
