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
import type { SendTypeKey } from '../domain/catalog';
import { type Issue, issue } from '../domain/issues';
import type { SchedulePolicy } from '../domain/policy';
import type { TimedSlot } from '../domain/stages';
import type { Caption, PpvStyle } from '../domain/types';
import { type PpvStructureType, ppvStructureFor, validatePpvStructure } from './ppvStructure';

/**
 * What a caption must fit on one item: `structure`, the seed 004 structure (`null`: none, a
 * solo or sextape mass message); `contentTypes`, the content types of the style (empty: any).
 *
 * @since 0.3.0
 * @category content
 */
export interface StyleFit {
  readonly ppvStyle: PpvStyle | null;
  readonly structure: PpvStructureType | null;
  readonly contentTypes: ReadonlyArray<string>;
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
  readonly structure: boolean;
  readonly content: boolean;
  readonly missing: ReadonlyArray<string>;
}

/**
 * The fit an item asks of its caption, `null` when its send type asks none (not a PPV, or a
 * PPV of no style and no structure).
 *
 * @example
 * styleFitOf('winner', 'ppv_unlock', DEFAULT_POLICY) // { ppvStyle: 'winner', structure: 'winner', contentTypes: [] }
 * styleFitOf('solo', 'ppv_unlock', DEFAULT_POLICY)   // { ppvStyle: 'solo', structure: null, contentTypes: ['solo', ...] }
 * styleFitOf(null, 'bump_normal', DEFAULT_POLICY)    // null
 *
 * @since 0.3.0
 * @category content
 */
export const styleFitOf = (
  ppvStyle: PpvStyle | null,
  sendTypeKey: SendTypeKey,
  policy: Pick<SchedulePolicy, 'rotation'>,
): StyleFit | null => {
  const structure = ppvStructureFor(ppvStyle, sendTypeKey);
  const contentTypes = ppvStyle === null ? [] : policy.rotation.styleContentTypes[ppvStyle];
  return structure === null && contentTypes.length === 0
    ? null
    : { ppvStyle, structure, contentTypes };
};

/**
 * The structure check of a caption text, memoised per policy object and (structure, text): the
 * same caption is checked for many slots of a week and many weeks of an agency (issue 9 "work
 * once"). The memo holds plain results and is bounded; a hit returns what a miss computes.
 */
const STRUCTURE_MEMO = new WeakMap<
  object,
  Map<string, { readonly passes: boolean; readonly missing: ReadonlyArray<string> }>
>();
const STRUCTURE_MEMO_MAX = 200_000;
const structureOf = (
  text: string,
  structure: PpvStructureType,
  policy: Pick<SchedulePolicy, 'ppvStructure'>,
): { readonly passes: boolean; readonly missing: ReadonlyArray<string> } => {
  let memo = STRUCTURE_MEMO.get(policy.ppvStructure);
  if (memo === undefined) {
    memo = new Map();
    STRUCTURE_MEMO.set(policy.ppvStructure, memo);
  }
  const key = `${structure}\u0000${text}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const r = validatePpvStructure(text, structure, policy.ppvStructure);
  if (memo.size >= STRUCTURE_MEMO_MAX) memo.clear();
  const value = { passes: r.passes, missing: r.missing };
  memo.set(key, value);
  return value;
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
  return {
    structure: result === null || result.passes,
    content:
      fit.contentTypes.length === 0 ||
      caption.contentType === null ||
      fit.contentTypes.includes(caption.contentType),
    missing: result === null ? [] : result.missing,
  };
};

/** The caption fields of a slot that move with its caption. */
type CaptionFields = Pick<
  TimedSlot,
  'captionId' | 'captionText' | 'scores' | 'contentTypeId' | 'needsCaption'
>;

const captionFieldsOf = (s: TimedSlot): CaptionFields => ({
  captionId: s.captionId,
  captionText: s.captionText,
  scores: s.scores,
  contentTypeId: s.contentTypeId,
  needsCaption: s.needsCaption,
});

type FitPolicy = Pick<SchedulePolicy, 'rotation' | 'ppvStructure'>;

/**
 * How a timed slot's caption and chosen content fit its style; `null` when the slot asks no fit
 * or has no caption. The content is the one chosen (`contentTypeId`), so none is a misfit.
 */
const slotFit = (s: TimedSlot, policy: FitPolicy) => {
  const fit = styleFitOf(s.ppvStyle, s.sendTypeKey, policy);
  if (fit === null || s.captionId === null || s.isFollowUp) return null;
  const f = captionFit({ text: s.captionText, contentType: s.contentTypeId }, fit, policy);
  const content =
    fit.contentTypes.length === 0 ||
    (s.contentTypeId !== null && fit.contentTypes.includes(s.contentTypeId));
  return { fit, structure: f.structure, missing: f.missing, content };
};

/** How many of structure and content fit (2 when nothing is asked). */
const fitCount = (s: TimedSlot, policy: FitPolicy): number => {
  const f = slotFit(s, policy);
  return f === null ? 2 : Number(f.structure) + Number(f.content);
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
  slots.flatMap((s) => {
    const f = slotFit(s, policy);
    return f === null || (f.structure && f.content)
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
