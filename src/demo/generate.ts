/**
 * A seeded, fictional demo agency for the examples, tests and benchmarks: creators over every
 * tier, page type and content page type x sub-type, 90 days of mass-message history each, vaults,
 * best timing, personas, tracked trends for a few, and a universal caption bank written for the
 * demo. Nothing is copied from the real agency data; its measured figures calibrate the
 * distributions (see `history.ts` and `captions.ts`).
 *
 * @example
 * const dataset = generateDemoAgency(42);
 * const result = await buildSchedule({ creatorId: 'creator_01', weekStart: '2025-01-20', seed: 42 })(inMemoryPorts(dataset))();
 *
 * @module
 */
import {
  type BestTiming,
  CAPTION_TYPES,
  type CaptionRecord,
  type CaptionType,
  type CaptionUsage,
  type ContentRankTier,
  type ContentTypeRanking,
  type CreatorProfile,
  type InMemoryDataset,
  type MassMessage,
  type PerformanceTrends,
  type Persona,
  type Vault,
} from '../index';
import {
  CONTENT_CAPTION_TYPES,
  CONTENT_TYPES,
  captionText,
  captionTypeCounts,
  performanceScore,
} from './captions';
import {
  contentRankingsOf,
  contentTypesOf,
  creatorIdOf,
  personaOf,
  profileOf,
  ROSTER,
  specAt,
  timingOf,
  trendsOf,
  vaultOf,
} from './creators';
import { drawFrom } from './draw';
import { type ContentMix, captionPicker, historyOf } from './history';

export { CONTENT_TYPES } from './captions';
export { type DemoCreatorSpec, ROSTER, type TimingKind, type TrendKind } from './creators';

/**
 * Options of `generateDemoAgency`.
 *
 * Source: the demo agency (no seed section).
 *
 * @since 0.3.0
 * @category demo
 */
export interface DemoAgencyOptions {
  /** Number of creators (default 12, the whole roster; more repeat the roster with new ids and fan counts in the same tier). */
  readonly creators?: number;
  /** Captions in the bank (default 2,400; at least 40 per caption type from 880 on). */
  readonly captions?: number;
  /** Local date the data is current at, `YYYY-MM-DD` (default `2025-01-20`): history ends the day before. */
  readonly asOf?: string;
  /**
   * Days of history before `asOf` for every creator, 0 or more (default: each roster creator's
   * own span, 90 days for most and 10 for the new creator). For benchmarks and tests of long or
   * empty histories.
   */
  readonly historyDays?: number;
}

/**
 * Default `asOf`: the Monday the demo weeks start on.
 *
 * Source: the demo agency (no seed section).
 *
 * @since 0.3.0
 * @category demo
 */
export const DEMO_AS_OF = '2025-01-20';

/**
 * Default caption bank size.
 *
 * Source: the demo agency.
 *
 * @since 0.3.0
 * @category demo
 */
export const DEMO_CAPTIONS = 2400;

/** Relative frequency of the content types in the caption bank (teasing and solo most common). */
const CONTENT_WEIGHT: Readonly<Record<string, number>> = {
  teasing: 3,
  solo: 2.5,
  lingerie: 2,
  boy_girl: 2,
};

/**
 * How often a ranked content type is sent among media sends and how well it sells: TOP types are
 * sent most and earn most per send, AVOID types are rare and sell worst.
 */
const RANK_EFFECTS: Readonly<
  Record<ContentRankTier, { readonly frequency: number; readonly effect: number }>
> = {
  TOP: { frequency: 1.6, effect: 1.35 },
  MID: { frequency: 1.2, effect: 1 },
  LOW: { frequency: 0.9, effect: 0.75 },
  AVOID: { frequency: 0.4, effect: 0.55 },
};

/** The content mix of a creator: even without rankings, by the rankings' tiers with them. */
const contentMixOf = (
  types: ReadonlyArray<string>,
  rankings: ReadonlyArray<ContentTypeRanking> | null,
): ContentMix => {
  const tiers = new Map((rankings ?? []).map((r) => [r.contentType, r.tier]));
  const of = (c: string) => {
    const t = tiers.get(c);
    return t === undefined ? { frequency: 1, effect: 1 } : RANK_EFFECTS[t];
  };
  return { types, frequency: (c) => of(c).frequency, effect: (c) => of(c).effect };
};

/** The caption bank without usage: ids `cap_00001`..., grouped by caption type. */
const captionBank = (seed: number, total: number): ReadonlyArray<Omit<CaptionRecord, 'usage'>> => {
  const counts = captionTypeCounts(total);
  const contentKeys = Object.keys(CONTENT_TYPES);
  const out: Array<Omit<CaptionRecord, 'usage'>> = [];
  for (const captionType of CAPTION_TYPES) {
    const d = drawFrom(seed, 'captions', captionType);
    const seen = new Set<string>();
    const withContent = CONTENT_CAPTION_TYPES.includes(captionType);
    for (let k = 0; k < counts[captionType]; k++) {
      const contentType = withContent
        ? d.weighted(contentKeys, (c) => CONTENT_WEIGHT[c] ?? 1)
        : null;
      let text = captionText(captionType, contentType, d);
      for (let attempt = 0; attempt < 6 && seen.has(text); attempt++)
        text = captionText(captionType, contentType, d);
      seen.add(text);
      out.push({
        captionId: `cap_${String(out.length + 1).padStart(5, '0')}`,
        text,
        captionType,
        contentType,
        performanceScore: performanceScore(d),
      });
    }
  }
  return out;
};

/** Each creator's uses of each caption, from the history. */
const usageFrom = (
  history: ReadonlyArray<MassMessage>,
): ReadonlyMap<string, ReadonlyArray<CaptionUsage>> => {
  const byCaption = new Map<string, Map<string, { lastUsedAt: string; useCount: number }>>();
  for (const m of history) {
    if (m.captionId === null) continue;
    let perCreator = byCaption.get(m.captionId);
    if (perCreator === undefined) {
      perCreator = new Map();
      byCaption.set(m.captionId, perCreator);
    }
    const u = perCreator.get(m.creatorId);
    if (u === undefined) perCreator.set(m.creatorId, { lastUsedAt: m.sentAt, useCount: 1 });
    else
      perCreator.set(m.creatorId, {
        lastUsedAt: u.lastUsedAt < m.sentAt ? m.sentAt : u.lastUsedAt,
        useCount: u.useCount + 1,
      });
  }
  return new Map(
    [...byCaption].map(([id, perCreator]) => [
      id,
      [...perCreator]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([creatorId, u]) => ({ creatorId, lastUsedAt: u.lastUsedAt, useCount: u.useCount })),
    ]),
  );
};

/**
 * Generates the demo agency: a pure function of `seed` and the options (the same arguments give
 * deep-equal datasets).
 *
 * - `creators`: `creator_01`... ("Demo Creator 01"), the `ROSTER` of 12 (350 to 48,000 fans, all
 *   four tiers, paid and free, every content page type x sub-type, eight IANA zones,
 *   performance tiers 1-5).
 * - `history`: 90 days of mass messages per creator ending the day before `asOf` (about 10 days
 *   for the new creator `creator_06`), oldest first.
 * - `trends` for four creators (divergent horizons, highly saturated, high opportunity, two
 *   horizons only); the others have none and the pipeline derives scores from history.
 * - `vaults` for all but `creator_09`; `timing` for all but `creator_10`; `personas` for all but
 *   `creator_07`.
 * - `contentRankings` (TOP / MID / LOW / AVOID with 0-100 scores) over each creator's vault
 *   content types (its page's types for `creator_09`, which has no vault), for all but the new
 *   creator `creator_06`. Media sends in the history carry a `contentType` of those types, TOP
 *   types sent more often and earning more per send; messages with a caption carry its text.
 * - `captions`: the universal bank (default 2,400) with every creator's use of each caption as
 *   recorded in the history.
 *
 * Source: seeds 001-004 (the data every phase reads); distributions calibrated to the real-data README.
 *
 * @since 0.3.0
 * @category demo
 */
export const generateDemoAgency = (
  seed: number,
  options: DemoAgencyOptions = {},
): InMemoryDataset => {
  const asOf = options.asOf ?? DEMO_AS_OF;
  const creatorCount = options.creators ?? ROSTER.length;
  const bank = captionBank(seed, options.captions ?? DEMO_CAPTIONS);

  const byType = (allowed: ReadonlySet<string> | null) => {
    const map = new Map<CaptionType, Array<Omit<CaptionRecord, 'usage'>>>();
    for (const c of bank) {
      if (allowed !== null && c.contentType !== null && !allowed.has(c.contentType)) continue;
      const list = map.get(c.captionType);
      if (list === undefined) map.set(c.captionType, [c]);
      else list.push(c);
    }
    return map;
  };
  const unfiltered = captionPicker(byType(null));

  const creators: CreatorProfile[] = [];
  const history: MassMessage[] = [];
  const trends: Record<string, PerformanceTrends> = {};
  const vaults: Record<string, Vault> = {};
  const timing: Record<string, BestTiming> = {};
  const personas: Record<string, Persona> = {};
  const contentRankings: Record<string, ReadonlyArray<ContentTypeRanking>> = {};
  const asOfMs = Date.parse(`${asOf}T00:00:00Z`);

  for (let i = 0; i < creatorCount; i++) {
    const creatorId = creatorIdOf(i);
    const rostered = specAt(i, drawFrom(seed, 'roster', i));
    const spec =
      options.historyDays === undefined
        ? rostered
        : { ...rostered, historyDays: Math.max(0, Math.floor(options.historyDays)) };
    const vault = spec.vault ? vaultOf(spec, drawFrom(seed, 'vault', creatorId)) : null;
    if (vault !== null) vaults[creatorId] = vault;
    if (spec.timing !== null)
      timing[creatorId] = timingOf(spec.timing, drawFrom(seed, 'timing', creatorId));
    if (spec.persona !== null) personas[creatorId] = personaOf(spec.persona);

    const picker =
      vault === null ? unfiltered : captionPicker(byType(new Set(Object.keys(vault.contentTypes))));
    const types = contentTypesOf(spec, vault);
    const rankings = spec.rankings
      ? contentRankingsOf(types, drawFrom(seed, 'rankings', creatorId))
      : null;
    if (rankings !== null) contentRankings[creatorId] = rankings;
    const own = historyOf(
      creatorId,
      spec,
      asOf,
      picker,
      contentMixOf(types, rankings),
      drawFrom(seed, 'history', creatorId),
    );
    history.push(...own);

    if (spec.trends !== null) {
      const last30 = own.filter((m) => asOfMs - Date.parse(m.sentAt) <= 31 * 86_400_000).length;
      trends[creatorId] = trendsOf(spec.trends, last30);
    }
    const earnings = own.reduce((a, m) => a + m.earnings, 0);
    creators.push(
      profileOf(i, spec, own.length >= 30 ? Math.round((earnings / own.length) * 100) / 100 : null),
    );
  }

  const usage = usageFrom(history);
  const captions: CaptionRecord[] = bank.map((c) => ({
    ...c,
    usage: usage.get(c.captionId) ?? [],
  }));

  return { creators, trends, history, vaults, timing, personas, captions, contentRankings };
};
