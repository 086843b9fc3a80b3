/**
 * The bump-ratio check of the page-type matrix: which sends count as PPVs and bumps, the ratio
 * against the matrix with its tolerance, and the validation check built on it.
 *
 * Source: seed 000 task 3.1 `validate_bump_ratio`, gap 3.2; RULINGS "what the matrix counts".
 *
 * @module
 */
import {
  CHANNELS,
  type ChannelKey,
  channelFamily,
  type PageType,
  type SendTypeKey,
} from '../domain/catalog';
import { type Issue, issue } from '../domain/issues';
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import type { ScheduleItem } from '../domain/types';
import {
  calculateVolumeTargets,
  type DailyRange,
  type MatrixSubType,
  type MatrixTier,
  type PageTypeConfig,
} from '../volume/volumeTargets';
import type { ValidationInput } from './types';

/**
 * Which send types count as PPVs and which as bumps for the matrix (RULINGS "what the matrix
 * counts"): a PPV is a priced revenue send by mass message (`ppv_unlock`, `bundle`,
 * `flash_bundle`, `snapchat_bundle`, `vip_program`) or `ppv_wall` on free pages; a bump is a
 * `bump_*` type or `dm_farm`. Follow-ups never count. Frozen.
 *
 * Source: seed 000 task 3.1 `is_ppv` / `is_bump`; RULINGS "Validation" (what the matrix counts).
 *
 * @since 0.1.0
 * @category validation
 */
export const BUMP_RATIO_SEND_TYPES: Readonly<{
  /** Priced revenue send types that count as PPVs when sent by mass message (000 task 3.1 `is_ppv`). */
  readonly ppv: ReadonlyArray<SendTypeKey>;
  /** Counted as PPVs on free pages only. */
  readonly freePagePpv: ReadonlyArray<SendTypeKey>;
  /** Send types that count as bumps: the `bump_*` types and `dm_farm` (000 task 3.1 `is_bump`). */
  readonly bump: ReadonlyArray<SendTypeKey>;
}> = Object.freeze({
  ppv: Object.freeze([
    'ppv_unlock', // RULINGS "what the matrix counts"
    'bundle',
    'flash_bundle',
    'snapchat_bundle',
    'vip_program',
  ] as const),
  freePagePpv: Object.freeze(['ppv_wall'] as const), // RULINGS: ppv_wall on free pages
  bump: Object.freeze([
    'bump_normal', // 000 task 3.1 `is_bump`
    'bump_descriptive',
    'bump_text_only',
    'bump_flyer',
    'dm_farm', // RULINGS "what the matrix counts"
  ] as const),
});

/**
 * Whether a send counts as a PPV for the page-type matrix (RULINGS "what the matrix counts"): a
 * priced revenue send by mass message (`BUMP_RATIO_SEND_TYPES.ppv` on a channel of the messages
 * family; a bundle wall campaign posted on the wall is not one), or `ppv_wall` on a free page.
 * `channelKey` absent: the send type's own channel.
 *
 * @example
 * isMatrixPpv('bundle', 'mass_message', 'paid') // true
 * isMatrixPpv('bundle', 'wall_post', 'paid')    // false: a bundle wall campaign
 * isMatrixPpv('ppv_wall', 'wall_post', 'free')  // true
 *
 * Source: seed 000 task 3.1 `is_ppv`; RULINGS "Validation" (what the matrix counts),
 * "Allocation" (campaigns).
 *
 * @since 0.3.0
 * @category validation
 */
export const isMatrixPpv = (
  sendTypeKey: SendTypeKey,
  channelKey: ChannelKey | undefined,
  pageType: PageType | undefined,
): boolean =>
  (pageType === 'free' && sendTypeKey === 'ppv_wall') ||
  ((BUMP_RATIO_SEND_TYPES.ppv as ReadonlyArray<SendTypeKey>).includes(sendTypeKey) &&
    (channelKey === undefined || !Object.hasOwn(CHANNELS, channelKey)
      ? true
      : channelFamily(channelKey) === 'messages'));

/**
 * Whether a send counts as a bump for the page-type matrix: a `bump_*` type or `dm_farm`
 * (`BUMP_RATIO_SEND_TYPES.bump`).
 *
 * @example
 * isMatrixBump('dm_farm') // true
 *
 * Source: seed 000 task 3.1 `is_bump`; RULINGS "what the matrix counts".
 *
 * @since 0.3.0
 * @category validation
 */
export const isMatrixBump = (sendTypeKey: SendTypeKey): boolean =>
  (BUMP_RATIO_SEND_TYPES.bump as ReadonlyArray<SendTypeKey>).includes(sendTypeKey);

/**
 * Tolerance either side of the expected bump-ratio range: the default policy's
 * `matrix.ratioTolerance`, 0.2 = 20 % (valid from `0.8 x min` to `1.2 x max`).
 * Source: seed 000 task 3.1 "20% tolerance".
 *
 * @since 0.1.0
 * @category validation
 */
export const BUMP_RATIO_TOLERANCE: number = DEFAULT_POLICY.matrix.ratioTolerance;

/** Floating-point slack so a ratio exactly at a tolerance edge (4/3 = 0.8 x 5/3) counts as on it. */
const RATIO_EPSILON = 1e-9;

/**
 * Result of `validateBumpRatio`.
 *
 * - `reason`: why it is not valid (`no_ppvs`, `no_bumps`, `too_low`, `too_high`), `empty` for a
 *   schedule with neither, else `null`.
 * - `actualRatio`: bumps / PPVs, `null` without PPVs.
 * - `expectedRange`: `[min bumps / max PPVs, max bumps / min PPVs]` (`bumpRatioRange`).
 * - `bumpsNeeded`: bumps to add when the ratio is too low, else `null`.
 * - `message`: the issue text of the reason (rendered by the issue table), else `null`.
 *
 * @since 0.1.0
 * @category validation
 */
export interface BumpRatioResult {
  /** The ratio is inside the tolerated range, or the schedule has neither PPVs nor bumps. */
  readonly isValid: boolean;
  /** Why it is not valid (`no_ppvs`, `no_bumps`, `too_low`, `too_high`), `empty` with neither, else `null`. */
  readonly reason: 'no_ppvs' | 'no_bumps' | 'too_low' | 'too_high' | 'empty' | null;
  /** The matrix volume tier of the creator's fan count. */
  readonly tier: MatrixTier;
  /** The matrix row used: the content page type and the sub-type. */
  readonly matrixKey: readonly [PageTypeConfig['contentPageType'], MatrixSubType];
  /** Non-follow-up items that count as PPVs. */
  readonly ppvCount: number;
  /** Non-follow-up items that count as bumps. */
  readonly bumpCount: number;
  /** Bumps / PPVs, `null` without PPVs. */
  readonly actualRatio: number | null;
  /** The expected bumps-per-PPV range, `[min bumps / max PPVs, max bumps / min PPVs]`, before tolerance. */
  readonly expectedRange: DailyRange;
  /** Bumps to add when the ratio is too low, else `null`. */
  readonly bumpsNeeded: number | null;
  /** The issue text of the reason (rendered by the issue table), else `null`. */
  readonly message: string | null;
}

const ratioIssue = (r: Omit<BumpRatioResult, 'message' | 'isValid'>): Issue | null => {
  if (r.reason === null) return null;
  if (r.reason === 'empty')
    return issue('bump_ratio_empty', { tier: r.tier, matrixKey: r.matrixKey });
  return issue('bump_ratio', {
    reason: r.reason,
    tier: r.tier,
    matrixKey: r.matrixKey,
    ppvCount: r.ppvCount,
    bumpCount: r.bumpCount,
    actualRatio: r.actualRatio,
    expectedRange: r.expectedRange,
    bumpsNeeded: r.bumpsNeeded,
  });
};

/**
 * Checks a schedule's bump : PPV ratio against the page-type matrix with the policy's tolerance
 * (20 %).
 *
 * Counts the allocated (non-follow-up) items of `BUMP_RATIO_SEND_TYPES` (`ppv_wall` as a PPV on
 * free pages only). No PPVs and no bumps is valid (reason `empty`); bumps without PPVs, no
 * bumps, a ratio below `0.8 x min` or above `1.2 x max` are not. A ratio exactly at `0.8 x min`
 * or `1.2 x max` is valid. Returns a value, never an error; `checkBumpRatio` turns it into an
 * issue. `config.pageType` defaults to `paid`.
 *
 * Source: seed 000 task 3.1 `validate_bump_ratio`, gap 3.2; RULINGS "what the matrix counts".
 *
 * @example
 * validateBumpRatio(items, creator).isValid
 *
 * @since 0.1.0
 * @category validation
 */
export const validateBumpRatio = (
  schedule: ReadonlyArray<
    Pick<ScheduleItem, 'sendTypeKey' | 'isFollowUp'> & { readonly channelKey?: ChannelKey }
  >,
  config: PageTypeConfig & { readonly pageType?: PageType },
  policy: SchedulePolicy = DEFAULT_POLICY,
): BumpRatioResult => {
  const base = bumpRatioOf(schedule, config, policy);
  return {
    ...base,
    isValid: base.reason === null || base.reason === 'empty',
    message: ratioIssue(base)?.message ?? null,
  };
};

/** `validateBumpRatio` without `isValid` and `message` (the check renders the issue once). */
const bumpRatioOf = (
  schedule: ReadonlyArray<
    Pick<ScheduleItem, 'sendTypeKey' | 'isFollowUp'> & { readonly channelKey?: ChannelKey }
  >,
  config: PageTypeConfig & { readonly pageType?: PageType },
  policy: SchedulePolicy,
): Omit<BumpRatioResult, 'message' | 'isValid'> => {
  const { tier, matrixKey, bumpRatioRange: expectedRange } = calculateVolumeTargets(config, policy);
  // One pass over the allocated (non-follow-up) items (issue 11).
  let ppvCount = 0;
  let bumpCount = 0;
  schedule.forEach((i) => {
    if (i.isFollowUp) return;
    if (isMatrixPpv(i.sendTypeKey, i.channelKey, config.pageType)) ppvCount++;
    if (isMatrixBump(i.sendTypeKey)) bumpCount++;
  });
  const tolerance = policy.matrix.ratioTolerance;
  const actualRatio = ppvCount > 0 ? bumpCount / ppvCount : null;
  let reason: BumpRatioResult['reason'] = null;
  let bumpsNeeded: number | null = null;
  if (ppvCount === 0 && bumpCount === 0) reason = 'empty';
  else if (ppvCount === 0) reason = 'no_ppvs';
  else if (bumpCount === 0) reason = 'no_bumps';
  else if ((actualRatio as number) < expectedRange[0] * (1 - tolerance) - RATIO_EPSILON) {
    reason = 'too_low';
    bumpsNeeded = Math.trunc(expectedRange[0] * ppvCount - bumpCount);
  } else if ((actualRatio as number) > expectedRange[1] * (1 + tolerance) + RATIO_EPSILON)
    reason = 'too_high';
  return {
    reason,
    tier,
    matrixKey,
    ppvCount,
    bumpCount,
    actualRatio,
    expectedRange,
    bumpsNeeded,
  };
};

/**
 * The bump-ratio validator as a check: warning `bump_ratio` when `validateBumpRatio` finds the
 * ratio invalid, info `bump_ratio_empty` for a schedule without PPVs or bumps. `details` carries
 * the `BumpRatioResult` (reason, tier, matrix key, counts, actual ratio, expected range, bumps
 * needed).
 *
 * Source: seed 000 task 3.1, gap 3.2; RULINGS "Volume" (page-type matrix).
 *
 * @since 0.1.0
 * @category validation
 */
export const checkBumpRatio = (input: ValidationInput): ReadonlyArray<Issue> => {
  const found = ratioIssue(bumpRatioOf(input.items, input.creator, input.policy));
  return found === null ? [] : [found];
};
