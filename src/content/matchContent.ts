/**
 * Phase 3, content matching: a caption and content type for every allocated slot.
 * Source: seed 001 §3.0-§3.5, phase 3 recovery, "Caption Availability Degradation",
 * "Low Caption Freshness Response"; RULINGS "Content matching (phase 3)".
 *
 * @module
 */
import { pipe } from 'fp-ts/lib/function.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import {
  CAPTION_TYPES,
  type CaptionType,
  SEND_TYPES,
  type SendTypeKey,
  type SendTypeSpec,
} from '../domain/catalog';
import {
  type Issue,
  issue,
  type PortError,
  portErrorToScheduleError,
  type ScheduleError,
  type Severity,
} from '../domain/issues';
import type { SchedulePolicy } from '../domain/policy';
import type {
  AllocatedSlot,
  Allocation,
  CaptionScores,
  ContentAssignment,
  ContentSlot,
  LoadedData,
  PhaseContext,
} from '../domain/stages';
import type { Caption, Persona, Vault } from '../domain/types';
import type { CaptionQuery, SchedulePorts } from '../ports/ports';
import type { VolumeResult } from '../volume/types';
import { type ComponentScores, componentScores, compositeScore } from './scoring';

/**
 * A caption with its scores for one slot.
 *
 * @since 0.1.0
 * @category content
 */
export interface ScoredCaption extends Caption {
  readonly scores: CaptionScores;
}

/**
 * Candidates ranked best first, and whether the stale-pool weights were used.
 *
 * @since 0.1.0
 * @category content
 */
export interface RankedCaptions {
  readonly ranked: ReadonlyArray<ScoredCaption>;
  /** Mean freshness of the candidates, 0-100 (`100` when there are none). */
  readonly meanFreshness: number;
  /** Whether `policy.content.degradedWeights` were applied (mean freshness below `staleAverageFreshness`). */
  readonly degradedWeights: boolean;
}

const byCompositeThenId = (a: ScoredCaption, b: ScoredCaption): number =>
  b.scores.compositeScore - a.scores.compositeScore ||
  (a.captionId < b.captionId ? -1 : a.captionId > b.captionId ? 1 : 0);

/**
 * Scores and ranks candidate captions for a send type: composite descending, ties by
 * `captionId` ascending. When the candidates' mean freshness is below
 * `policy.content.staleAverageFreshness` the degraded weights (freshness 20 %, performance 50 %)
 * are used instead of the standard 40/35/15/5/5.
 *
 * Source: seed 001 §3.1, phase 3 recovery `caption_freshness_low`.
 *
 * @since 0.1.0
 * @category content
 */
export const rankCaptions = (
  candidates: ReadonlyArray<Caption>,
  spec: Pick<SendTypeSpec, 'captionTypes'> | null,
  persona: Persona | null,
  asOf: string,
  policy: SchedulePolicy,
): RankedCaptions => {
  const parts: ReadonlyArray<readonly [Caption, ComponentScores]> = candidates.map((c) => [
    c,
    componentScores(c, spec, persona, asOf, policy),
  ]);
  const meanFreshness =
    parts.length === 0
      ? 100
      : parts.reduce((sum, [, s]) => sum + s.freshnessScore, 0) / parts.length;
  const degradedWeights = meanFreshness < policy.content.staleAverageFreshness;
  const weights = degradedWeights ? policy.content.degradedWeights : policy.content.weights;
  const ranked = parts
    .map(
      ([c, s]): ScoredCaption => ({
        ...c,
        scores: { ...s, compositeScore: compositeScore(s, weights) },
      }),
    )
    .sort(byCompositeThenId);
  return { ranked, meanFreshness, degradedWeights };
};

/**
 * Ranks follow-up caption candidates for phase 6: best composite first, ties by `captionId`;
 * phase 6 takes the first one not yet used. Same scoring as `matchContent`.
 *
 * Source: seed 001 §3.1, §6.
 *
 * @since 0.1.0
 * @category content
 */
export const rankFollowupCaptions = (
  candidates: ReadonlyArray<Caption>,
  spec: Pick<SendTypeSpec, 'captionTypes'>,
  persona: Persona | null,
  asOf: string,
  policy: SchedulePolicy,
): ReadonlyArray<ScoredCaption> => rankCaptions(candidates, spec, persona, asOf, policy).ranked;

/** What the degradation walk found for one slot. */
interface Found {
  readonly candidates: ReadonlyArray<Caption>;
  /** Index in the degradation chain, `-1` when nothing was found. */
  readonly level: number;
  readonly generic: boolean;
}

interface MatchState {
  readonly slots: ReadonlyArray<ContentSlot>;
  readonly used: ReadonlyArray<string>;
  readonly remainingAllocations: Readonly<Record<string, number>>;
  readonly issues: ReadonlyArray<Issue>;
  readonly staleReported: boolean;
}

const portFailure = (e: PortError): ScheduleError => portErrorToScheduleError(e, 'content');

/** Content types of the vault with at least one item, sorted; `null` without a vault (001 §3.0). */
const allowedContentTypesOf = (vault: Vault | null): ReadonlyArray<string> | null =>
  vault === null
    ? null
    : Object.entries(vault.contentTypes)
        .filter(([, n]) => n > 0)
        .map(([k]) => k)
        .sort();

/** Key with the largest positive value, ties by key; `null` when none. */
const largestKey = (
  record: Readonly<Record<string, number>>,
  accept: (k: string) => boolean,
): string | null => {
  const best = Object.entries(record)
    .filter(([k, n]) => n > 0 && accept(k))
    .sort(([ka, a], [kb, b]) => b - a || (ka < kb ? -1 : ka > kb ? 1 : 0))[0];
  return best === undefined ? null : best[0];
};

type CaptionSearch = Omit<CaptionQuery, 'minFreshness' | 'minPerformance'>;

/**
 * Walks the degradation chain from `level`: the first level with candidates wins. Candidates the
 * port returns in spite of the exclusions or the vault filter are dropped here as well.
 */
const walkChain = (
  ports: SchedulePorts,
  search: CaptionSearch,
  chain: SchedulePolicy['content']['degradationChain'],
  level: number,
): TE.TaskEither<ScheduleError, Found | null> => {
  const step = chain[level];
  if (step === undefined) return TE.right(null);
  const excluded = new Set(search.excludeCaptionIds);
  const allowed = search.allowedContentTypes === null ? null : new Set(search.allowedContentTypes);
  return pipe(
    ports.getCaptionCandidates({ ...search, ...step }),
    TE.mapLeft(portFailure),
    TE.map((captions) =>
      captions.filter(
        (c) =>
          !excluded.has(c.captionId) &&
          (allowed === null || c.contentType === null || allowed.has(c.contentType)),
      ),
    ),
    TE.chain((candidates) =>
      candidates.length > 0
        ? TE.right<ScheduleError, Found | null>({ candidates, level, generic: false })
        : walkChain(ports, search, chain, level + 1),
    ),
  );
};

/** The degradation chain, then the generic query at the last level (001 §3.5 strategy 2). */
const findCandidates = (
  ports: SchedulePorts,
  search: CaptionSearch,
  policy: SchedulePolicy,
): TE.TaskEither<ScheduleError, Found> => {
  const chain = policy.content.degradationChain;
  const last = chain[chain.length - 1] ?? { minFreshness: 0, minPerformance: 0 };
  const none: Found = { candidates: [], level: -1, generic: false };
  return pipe(
    walkChain(ports, search, chain, 0),
    TE.chain((found) =>
      found !== null
        ? TE.right(found)
        : pipe(
            walkChain(
              ports,
              {
                ...search,
                sendTypeKey: null,
                captionTypes: CAPTION_TYPES as ReadonlyArray<CaptionType>,
              },
              [last],
              0,
            ),
            TE.map((generic) =>
              generic === null ? none : { ...generic, level: chain.length - 1, generic: true },
            ),
          ),
    ),
  );
};

interface SlotEnv {
  readonly ctx: PhaseContext;
  readonly loaded: LoadedData;
  readonly asOf: string;
  readonly allowedContentTypes: ReadonlyArray<string> | null;
}

/** Content type of a media slot: the caption's own, else the largest remaining allocation. */
const chooseContentType = (
  caption: Caption | null,
  spec: SendTypeSpec,
  env: SlotEnv,
  remaining: Readonly<Record<string, number>>,
): string | null => {
  if (caption !== null && caption.contentType !== null) return caption.contentType;
  if (!spec.requiresMedia) return null;
  const allowed = env.allowedContentTypes === null ? null : new Set(env.allowedContentTypes);
  const fromAllocation = largestKey(remaining, (k) => allowed === null || allowed.has(k));
  if (fromAllocation !== null) return fromAllocation;
  return env.loaded.vault === null ? null : largestKey(env.loaded.vault.contentTypes, () => true);
};

/** Pure part of a slot's assignment, once the candidates are known. */
const assignSlot = (
  env: SlotEnv,
  state: MatchState,
  slot: AllocatedSlot,
  index: number,
  found: Found,
): MatchState => {
  const { policy } = env.ctx;
  const spec = SEND_TYPES[slot.sendTypeKey];
  const path = `slots[${index}]`;
  const base = { slotId: slot.slotId, sendTypeKey: slot.sendTypeKey };
  const issues: Issue[] = [];
  const report = (
    severity: Severity,
    code: string,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
  ): void => {
    issues.push(issue('content', severity, code, message, { ...base, ...details }, path));
  };
  const { ranked, meanFreshness, degradedWeights } = rankCaptions(
    found.candidates,
    spec,
    env.loaded.persona,
    env.asOf,
    policy,
  );
  const chosen = ranked[0] ?? null;

  if (found.level > 0 && !found.generic)
    report(
      'warning',
      'caption_threshold_lowered',
      `Caption shortage for ${slot.sendTypeKey}: thresholds lowered`,
      {
        level: found.level,
        ...policy.content.degradationChain[found.level],
      },
    );
  if (found.generic)
    report(
      'warning',
      'generic_caption_used',
      `No ${slot.sendTypeKey} caption: using a generic caption`,
      {
        captionType: chosen?.captionType ?? null,
      },
    );
  if (chosen === null)
    report(
      'warning',
      'manual_caption_required',
      `No captions available for ${slot.sendTypeKey}: manual creation required`,
    );
  const staleReported = state.staleReported || (chosen !== null && degradedWeights);
  if (chosen !== null && degradedWeights && !state.staleReported)
    report('info', 'caption_freshness_low', 'Caption freshness low: prioritizing performance', {
      meanFreshness: Math.round(meanFreshness * 100) / 100,
      threshold: policy.content.staleAverageFreshness,
    });
  if (chosen !== null && chosen.scores.freshnessScore < policy.content.lowFreshnessWarningBelow)
    report('warning', 'low_freshness', 'Using low-freshness caption', {
      captionId: chosen.captionId,
      freshnessScore: chosen.scores.freshnessScore,
    });

  const vault = env.loaded.vault;
  const mediaMissing =
    vault !== null &&
    spec.requiresMedia &&
    spec.mediaType !== 'none' &&
    (vault.media[spec.mediaType] ?? 0) <= 0;
  if (mediaMissing)
    report('warning', 'vault_missing', `Missing ${spec.mediaType}`, { missing: spec.mediaType });
  if (vault !== null && spec.requiresFlyer && vault.flyers <= 0)
    report('warning', 'vault_missing', 'Missing flyer', { missing: 'flyer' });

  const contentTypeId = mediaMissing
    ? null
    : chooseContentType(chosen, spec, env, state.remainingAllocations);
  const remainingAllocations =
    contentTypeId !== null &&
    spec.requiresMedia &&
    (state.remainingAllocations[contentTypeId] ?? 0) > 0
      ? {
          ...state.remainingAllocations,
          [contentTypeId]: (state.remainingAllocations[contentTypeId] ?? 0) - 1,
        }
      : state.remainingAllocations;

  const contentSlot: ContentSlot = {
    ...slot,
    captionId: chosen?.captionId ?? null,
    captionText: chosen?.text ?? policy.content.manualCaptionText,
    scores: chosen?.scores ?? null,
    contentTypeId,
    mediaType: spec.mediaType,
    flyerRequired: spec.requiresFlyer,
    needsCaption: chosen === null,
  };
  return {
    slots: [...state.slots, contentSlot],
    used: chosen === null ? state.used : [...state.used, chosen.captionId],
    remainingAllocations,
    issues: [...state.issues, ...issues],
    staleReported,
  };
};

/**
 * Phase 3: assigns a caption and content to every allocated slot, in allocation order (days in
 * order, slots in order), one slot after the other so that no caption is used twice.
 *
 * Per slot: asks `ports.getCaptionCandidates` for the send type's caption types (001 §3.2) at
 * `asOf = ctx.weekDates[0]`, excluding captions already used, limited to
 * `policy.content.candidateLimit`, restricted to the vault's content types with items (hard
 * filter, 001 §3.0); walks `policy.content.degradationChain` (30/40, 20/30, 10/20, 0/0) until a
 * level has candidates; then a generic query over every caption type (001 §3.5 strategy 2); then
 * flags the slot `needsCaption` with `captionText = policy.content.manualCaptionText`
 * (RULINGS "shortage"). Candidates are ranked by `rankCaptions`; the best is used.
 *
 * `contentTypeId` is the caption's content type; for a media send whose caption has none, the
 * content type with the largest remaining count in `volume.contentAllocations` (decremented as
 * used, vault types only), else the vault's largest content type; `null` without a vault, and
 * `null` when the vault has none of the send's media kind (001 §3.3).
 *
 * Issues (phase `content`): `caption_pool_warning` (one per `volume.captionWarnings` entry, 001
 * consumption rule 3), `caption_threshold_lowered` (details `slotId`, `level`),
 * `generic_caption_used`, `manual_caption_required`, `caption_freshness_low` (info, once per
 * build), `low_freshness`, `vault_missing` (details `missing`: media kind or `flyer`).
 *
 * Returns `Left` `PORT_FAILURE` when the caption port fails, `DECODE_FAILED` when its captions do
 * not decode.
 *
 * @since 0.1.0
 * @category content
 */
export const matchContent =
  (ctx: PhaseContext, loaded: LoadedData, allocation: Allocation, volume: VolumeResult) =>
  (ports: SchedulePorts): TE.TaskEither<ScheduleError, ContentAssignment> => {
    const slots = allocation.days.flatMap((d) => d.slots);
    const env: SlotEnv = {
      ctx,
      loaded,
      asOf: ctx.weekDates[0] ?? slots[0]?.date ?? '',
      allowedContentTypes: allowedContentTypesOf(loaded.vault),
    };
    const poolIssues = volume.captionWarnings.map((w, i) =>
      issue(
        'content',
        'warning',
        'caption_pool_warning',
        w,
        { warning: w },
        `volume.captionWarnings[${i}]`,
      ),
    );
    const initial: MatchState = {
      slots: [],
      used: [],
      remainingAllocations: volume.contentAllocations,
      issues: poolIssues,
      staleReported: false,
    };
    const step = (
      state: MatchState,
      slot: AllocatedSlot,
      index: number,
    ): TE.TaskEither<ScheduleError, MatchState> => {
      const sendTypeKey: SendTypeKey = slot.sendTypeKey;
      return pipe(
        findCandidates(
          ports,
          {
            creatorId: ctx.creator.creatorId,
            sendTypeKey,
            captionTypes: SEND_TYPES[sendTypeKey].captionTypes,
            allowedContentTypes: env.allowedContentTypes,
            asOf: env.asOf,
            excludeCaptionIds: state.used,
            limit: ctx.policy.content.candidateLimit,
          },
          ctx.policy,
        ),
        TE.map((found) => assignSlot(env, state, slot, index, found)),
      );
    };
    return pipe(
      slots.reduce(
        (acc, slot, index) =>
          pipe(
            acc,
            TE.chain((state) => step(state, slot, index)),
          ),
        TE.right<ScheduleError, MatchState>(initial),
      ),
      TE.map((s) => ({ slots: s.slots, usedCaptionIds: s.used, issues: s.issues })),
    );
  };
