/**
 * Whether a caption fits the PPV style of its item: the seed 004 structure the style asks for
 * (a winner caption with 3 of its 4 elements, a bundle caption with 2 of 3; `ppvStructureFor`)
 * and the content types a PPV of the style shows (`policy.rotation.styleContentTypes`: a solo PPV
 * shows solo content, a sextape PPV b/g, g/g and so on). Caption matching uses it to prefer the
 * fitting captions and to report a misfit.
 *
 * Source: seed 003 gap 1.1 and task 2.1 (the styles), seed 004 "PPV Structure Validation";
 * ISSUE-NOTES "Structure fit and the caption weights"; RULINGS "Rotation and state".
 *
 * @module
 */
import type { CampaignType, GameType, SendTypeKey } from '../domain/catalog';
import { type Issue, issue } from '../domain/issues';
import type { SchedulePolicy } from '../domain/policy';
import type { TimedSlot } from '../domain/stages';
import type { Caption, PpvStyle } from '../domain/types';
import { type PpvStructureType, ppvStructureFor, validatePpvStructure } from './ppvStructure';
import {
  findIn,
  LN_IU,
  lit,
  type Matcher,
  notAfterClass,
  type ScannedText,
  scanText,
  seq,
} from './wordMatch';

/**
 * What a caption must fit on one item: `structure`, the seed 004 structure (`null`: none, a
 * solo or sextape mass message); `contentTypes`, the content types of the style (empty: any).
 *
 * @since 0.3.0
 * @category content
 */
export interface StyleFit {
  /** The item's PPV style (seed 003 task 2.1), `null` for a send without one. */
  readonly ppvStyle: PpvStyle | null;
  /** The seed 004 structure the caption must pass, `null` when none (a solo or sextape mass message). */
  readonly structure: PpvStructureType | null;
  /** The content types a PPV of the style shows (`policy.rotation.styleContentTypes`); empty: any. */
  readonly contentTypes: ReadonlyArray<string>;
  /** The campaign the item sends (000 task 3.2), `null` for a send that is not a campaign. */
  readonly campaignType?: CampaignType | null;
  /** The game of a game post (000 task 3.6), `null` otherwise. */
  readonly gameType?: GameType | null;
  /** Words one of which the caption names its game with (`policy.campaigns.gameKeywords`). */
  readonly gameKeywords?: ReadonlyArray<string>;
}

/**
 * The campaign of an item as `styleFitOf` reads it.
 *
 * @since 0.3.0
 * @category content
 */
export interface CampaignFitOf {
  /** The campaign the item sends (000 task 3.2), `null` for a send that is not a campaign. */
  readonly campaignType: CampaignType | null;
  /** The game of a game post (000 task 3.6), `null` otherwise. */
  readonly gameType: GameType | null;
}

/**
 * How one caption fits: `structure` (it passes the structure's validator, or there is no
 * structure to pass), `content` (its content type is one of the style's, or the style allows
 * any, or the caption names none and the content is chosen for it), `missing` (the structure's
 * elements it lacks).
 *
 * @since 0.3.0
 * @category content
 */
export interface CaptionFit {
  /** The caption passes the structure's validator, or there is no structure to pass. */
  readonly structure: boolean;
  /** Its content type is one of the style's, or the style allows any, or the caption names none. */
  readonly content: boolean;
  /** The structure's elements the caption lacks (empty without a structure). */
  readonly missing: ReadonlyArray<string>;
  /** It names the item's game (one of the game's keywords), or no game is asked. */
  readonly game?: boolean;
}

/**
 * The fit an item asks of its caption, `null` when its send type asks none (not a PPV, or a
 * PPV of no style and no structure).
 *
 * @example
 * styleFitOf('winner', 'ppv_unlock', DEFAULT_POLICY) // { ppvStyle: 'winner', structure: 'winner', contentTypes: [] }
 * styleFitOf('solo', 'ppv_unlock', DEFAULT_POLICY)   // { ppvStyle: 'solo', structure: null, contentTypes: ['solo', ...] }
 * styleFitOf(null, 'bump_normal', DEFAULT_POLICY)    // null
 * styleFitOf(null, 'tip_goal', DEFAULT_POLICY, { campaignType: 'descriptive_wall_campaign', gameType: null })
 * // { structure: 'wall_campaign', ... }: a descriptive wall campaign asks the 004 wall structure
 * styleFitOf(null, 'game_post', DEFAULT_POLICY, { campaignType: 'game_other', gameType: 'mystery_box' })
 * // { gameKeywords: ['mystery', 'box'], ... }: a game caption names its game
 *
 * Source: 004 "PPV Structure Validation" (Wall Campaign); 000 task 3.2 (descriptive wall
 * campaigns), task 3.6 (game types); issue 8 (captions for campaigns fit the type).
 *
 * @since 0.3.0
 * @category content
 */
export const styleFitOf = (
  ppvStyle: PpvStyle | null,
  sendTypeKey: SendTypeKey,
  policy: Pick<SchedulePolicy, 'rotation'> & Partial<Pick<SchedulePolicy, 'campaigns'>>,
  campaign: CampaignFitOf | null = null,
): StyleFit | null => {
  const campaignType = campaign?.campaignType ?? null;
  const gameType = campaign?.gameType ?? null;
  const structure =
    campaignType === 'descriptive_wall_campaign'
      ? 'wall_campaign'
      : ppvStructureFor(ppvStyle, sendTypeKey);
  const contentTypes = ppvStyle === null ? [] : policy.rotation.styleContentTypes[ppvStyle];
  const gameKeywords = gameType === null ? [] : (policy.campaigns?.gameKeywords[gameType] ?? []);
  if (structure === null && contentTypes.length === 0 && gameKeywords.length === 0) return null;
  return campaignType === null
    ? { ppvStyle, structure, contentTypes }
    : { ppvStyle, structure, contentTypes, campaignType, gameType, gameKeywords };
};

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The matcher of a game keyword at a word start (`(^|[^\p{L}\p{N}])keyword` under `iu`), for a
 * keyword of ASCII letters, digits, spaces, `-` and `_`; `null` for another keyword, which is read
 * with the regular expression (issue 11, the cold build: no Unicode class to compile). Remembered
 * per keyword, bounded.
 */
const GAME_MATCHERS = new Map<string, Matcher | null>();
const GAME_MATCHERS_MAX = 1_000;
const ASCII_KEYWORD = /^[a-z0-9 _-]+$/i;
const gameMatcher = (keyword: string): Matcher | null => {
  const known = GAME_MATCHERS.get(keyword);
  if (known !== undefined) return known;
  const m = ASCII_KEYWORD.test(keyword)
    ? seq(notAfterClass(LN_IU), lit(keyword.toLowerCase()))
    : null;
  if (GAME_MATCHERS.size >= GAME_MATCHERS_MAX) GAME_MATCHERS.clear();
  GAME_MATCHERS.set(keyword, m);
  return m;
};

/** Whether `text` names one of `keywords` at a word start, case-insensitively. */
const scanNamesGame = (text: string, keywords: ReadonlyArray<string>): boolean => {
  let scan: ScannedText | null = null;
  return keywords.some((k) => {
    const m = gameMatcher(k);
    if (m === null) return new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(k)}`, 'iu').test(text);
    scan ??= scanText(text);
    return findIn(scan, m) !== null;
  });
};

/**
 * Bounded memos of plain results keyed by a string and then a caption text: the caption bank is
 * shared by the weeks of an agency, so a text is checked once, not once per week (issue 11 "work
 * once"). Nested maps, so a lookup hashes the text itself (its hash is kept on the string), not a
 * new joined key. When `max` entries are held the memo starts again; a hit returns what a miss
 * computes.
 */
const textMemo = <A>(max: number) => {
  const memo = new Map<string, Map<string, A>>();
  let size = 0;
  return (key: string, text: string, compute: () => A): A => {
    let byText = memo.get(key);
    if (byText === undefined) {
      byText = new Map();
      memo.set(key, byText);
    }
    const hit = byText.get(text);
    if (hit !== undefined) return hit;
    const value = compute();
    if (size >= max) {
      memo.clear();
      size = 0;
      byText = new Map();
      memo.set(key, byText);
    }
    byText.set(text, value);
    size++;
    return value;
  };
};

const GAME_MEMO = textMemo<boolean>(200_000);

const KEYWORD_KEYS = new WeakMap<ReadonlyArray<string>, string>();

/** `scanNamesGame`, memoised per keyword list and text. */
const namesGame = (text: string, keywords: ReadonlyArray<string>): boolean => {
  let key = KEYWORD_KEYS.get(keywords);
  if (key === undefined) {
    key = keywords.join('\u0000');
    KEYWORD_KEYS.set(keywords, key);
  }
  return GAME_MEMO(key, text, () => scanNamesGame(text, keywords));
};

/**
 * The structure check of a caption text, memoised per policy section, structure and text: the
 * same caption is checked for many slots of a week and many weeks of an agency (issue 11 "work
 * once"). A resolved policy is a fresh object per build, so the memo is keyed by the section's
 * content (its JSON, computed once per section object), not by its identity.
 */
const STRUCTURE_MEMO = textMemo<{
  readonly passes: boolean;
  readonly missing: ReadonlyArray<string>;
}>(200_000);
/** Per policy section object, the memo key of each structure (the section's JSON and the structure). */
const SECTION_KEYS = new WeakMap<object, Map<PpvStructureType, string>>();
const structureOf = (
  text: string,
  structure: PpvStructureType,
  policy: Pick<SchedulePolicy, 'ppvStructure'>,
): { readonly passes: boolean; readonly missing: ReadonlyArray<string> } => {
  let keys = SECTION_KEYS.get(policy.ppvStructure);
  if (keys === undefined) {
    keys = new Map();
    SECTION_KEYS.set(policy.ppvStructure, keys);
  }
  let key = keys.get(structure);
  if (key === undefined) {
    key = `${JSON.stringify(policy.ppvStructure)}\u0000${structure}`;
    keys.set(structure, key);
  }
  return STRUCTURE_MEMO(key, text, () => {
    const r = validatePpvStructure(text, structure, policy.ppvStructure);
    return { passes: r.passes, missing: r.missing };
  });
};

/**
 * How `caption` fits `fit` (see `CaptionFit`). Pure; never throws.
 *
 * @since 0.3.0
 * @category content
 */
export const captionFit = (
  caption: Pick<Caption, 'text' | 'contentType'>,
  fit: StyleFit,
  policy: Pick<SchedulePolicy, 'ppvStructure'>,
): CaptionFit => {
  const result = fit.structure === null ? null : structureOf(caption.text, fit.structure, policy);
  const keywords = fit.gameKeywords ?? [];
  const game = keywords.length === 0 || namesGame(caption.text, keywords);
  const missing = result === null ? [] : result.missing;
  const base = {
    structure: result === null || result.passes,
    content:
      fit.contentTypes.length === 0 ||
      caption.contentType === null ||
      fit.contentTypes.includes(caption.contentType),
    missing: game ? missing : [...missing, `the game name (${keywords.join(' / ')})`],
  };
  return keywords.length === 0 ? base : { ...base, game };
};

/** The caption fields of a slot that move with its caption. */
type CaptionFields = Pick<
  TimedSlot,
  'captionId' | 'captionText' | 'scores' | 'captionReason' | 'contentTypeId' | 'needsCaption'
>;

const captionFieldsOf = (s: TimedSlot): CaptionFields => ({
  captionId: s.captionId,
  captionText: s.captionText,
  scores: s.scores,
  captionReason: s.captionReason,
  contentTypeId: s.contentTypeId,
  needsCaption: s.needsCaption,
});

/**
 * The policy sections the style-fit checks read: `rotation` (what each PPV style shows),
 * `ppvStructure` (the seed 004 structures) and, optionally, `campaigns` (the game keywords).
 *
 * @since 0.3.0
 * @category content
 */
export type FitPolicy = Pick<SchedulePolicy, 'rotation' | 'ppvStructure'> &
  Partial<Pick<SchedulePolicy, 'campaigns'>>;

/**
 * How a timed slot's caption and chosen content fit its style; `null` when the slot asks no fit
 * or has no caption. The content is the one chosen (`contentTypeId`), so none is a misfit.
 */
const slotFit = (s: TimedSlot, policy: FitPolicy) => {
  const fit = styleFitOf(s.ppvStyle, s.sendTypeKey, policy, s);
  if (fit === null || s.captionId === null || s.isFollowUp) return null;
  const f = captionFit({ text: s.captionText, contentType: s.contentTypeId }, fit, policy);
  const content =
    fit.contentTypes.length === 0 ||
    (s.contentTypeId !== null && fit.contentTypes.includes(s.contentTypeId));
  return { fit, structure: f.structure, missing: f.missing, content, game: f.game ?? true };
};

/** How many of structure, content and game fit (3 when nothing is asked). */
const fitCount = (s: TimedSlot, policy: FitPolicy): number => {
  const f = slotFit(s, policy);
  return f === null ? 3 : Number(f.structure) + Number(f.content) + Number(f.game);
};

/**
 * Re-matches the captions of PPVs whose styles the same-style repair swapped (RULINGS "when
 * styles are fixed": the repair may swap the styles of two PPV items and then re-matches their
 * captions): two restyled sends of one send type and one day exchange their captions and
 * content when that makes more of the two fit their new styles. No caption is used twice and
 * none is added, so the week's caption uses are unchanged. Pure.
 *
 * Source: RULINGS "Rotation and state" (when styles are fixed); seed 004 "PPV Structure
 * Validation".
 *
 * @since 0.3.0
 * @category content
 */
export const rematchRestyled = (
  slots: ReadonlyArray<TimedSlot>,
  restyled: ReadonlyArray<string>,
  policy: FitPolicy,
): ReadonlyArray<TimedSlot> => {
  if (restyled.length === 0) return slots;
  const out = [...slots];
  const at = new Map(out.map((s, i) => [s.slotId, i] as const));
  const ids = [...new Set(restyled)].filter((id) => at.has(id));
  for (let x = 0; x < ids.length; x++)
    for (let y = x + 1; y < ids.length; y++) {
      const i = at.get(ids[x] as string) as number;
      const j = at.get(ids[y] as string) as number;
      const a = out[i] as TimedSlot;
      const b = out[j] as TimedSlot;
      if (a.sendTypeKey !== b.sendTypeKey || a.scheduledDate !== b.scheduledDate) continue;
      const a2 = { ...a, ...captionFieldsOf(b) };
      const b2 = { ...b, ...captionFieldsOf(a) };
      if (fitCount(a2, policy) + fitCount(b2, policy) > fitCount(a, policy) + fitCount(b, policy)) {
        out[i] = a2;
        out[j] = b2;
      }
    }
  return out;
};

/**
 * The `ppv_style_misfit` notes of a timed week: each styled PPV whose caption does not fit its
 * style's seed 004 structure or whose content is not one of the style's content types (after the
 * same-style repair, so the styles are the final ones). Items waiting for a manual caption are
 * left to `manual_caption_required`.
 *
 * Source: issue 7 deliverable 3 (caption matching reports a misfit); seed 004 "PPV Structure
 * Validation".
 *
 * @since 0.3.0
 * @category content
 */
export const styleMisfits = (
  slots: ReadonlyArray<TimedSlot>,
  policy: FitPolicy,
): ReadonlyArray<Issue> =>
  slots.flatMap((s): ReadonlyArray<Issue> => {
    const f = slotFit(s, policy);
    if (f === null || (f.structure && f.content && f.game)) return [];
    if (f.fit.campaignType != null && !(f.structure && f.game))
      return [
        issue('campaign_caption_misfit', {
          slotId: s.slotId,
          campaignType: f.fit.campaignType,
          gameType: f.fit.gameType ?? null,
          missing: f.missing,
        }),
      ];
    return f.structure && f.content
      ? []
      : [
          issue('ppv_style_misfit', {
            slotId: s.slotId,
            ppvStyle: f.fit.ppvStyle ?? 'bundle',
            structure: f.structure ? null : f.fit.structure,
            missing: f.missing,
            contentTypeId: s.contentTypeId,
            fits: f.content ? [] : f.fit.contentTypes,
          }),
        ];
  });
