/**
 * Phase 3, content matching: a caption and content type for every allocated slot.
 * Source: seed 001 §3.0-§3.5, phase 3 recovery, "Caption Availability Degradation",
 * "Low Caption Freshness Response"; RULINGS "Content matching (phase 3)".
 *
 * @module
 */
import type * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import * as t from 'io-ts';
import {
  CAPTION_TYPES,
  type CaptionType,
  FOLLOWUP_SEND_TYPE,
  ppvStyleRoleOf,
  SEND_TYPES,
  type SendTypeSpec,
} from '../domain/catalog';
import { CaptionC } from '../domain/codecs';
import { type Issue, issue, type ScheduleError } from '../domain/issues';
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
import type { Caption, CaptionReason, Persona, Vault } from '../domain/types';
import { callPort, requiredPortError } from '../ports/boundary';
import type { CaptionQuery, SchedulePorts } from '../ports/ports';
import type { Trace } from '../ports/trace';
import type { VolumeResult } from '../volume/types';
import {
  type ComponentScores,
  calculateFreshnessScore,
  componentScores,
  compositeOf,
  compositeScore,
  freshnessFirst,
  typePriorityScore,
} from './scoring';
import { type CaptionFit, captionFit, type StyleFit, styleFitOf } from './styleFit';

/**
 * A caption with its scores for one slot.
 *
 * @since 0.1.0
 * @category content
 */
export interface ScoredCaption extends Caption {
  /** The caption's component scores for the slot and their weighted composite (0-100). */
  readonly scores: CaptionScores;
}

/**
 * Candidates ranked best first, and whether the stale-pool weights were used.
 *
 * @since 0.1.0
 * @category content
 */
export interface RankedCaptions {
  /** The candidates best first: fitting content (and named game) first, then composite descending, ties by `captionId`. */
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
 * `captionId` ascending. With a `fit` (a styled PPV, `styleFitOf`): a caption that fits the
 * style's seed 004 structure scores as the primary caption type, and the captions whose content
 * type fits the style come before those whose content type does not. When the candidates' mean freshness is below
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
  fit: StyleFit | null = null,
): RankedCaptions => {
  const fits = new Map<Caption, CaptionFit>();
  const parts: ReadonlyArray<readonly [Caption, ComponentScores]> = candidates.map((c) => {
    const f = fit === null ? null : captionFit(c, fit, policy);
    if (f !== null) fits.set(c, f);
    return [
      c,
      componentScores(
        c,
        spec,
        persona,
        asOf,
        policy,
        f !== null && fit?.structure != null && f.structure,
      ),
    ];
  });
  const meanFreshness =
    parts.length === 0
      ? 100
      : parts.reduce((sum, [, s]) => sum + s.freshnessScore, 0) / parts.length;
  const degradedWeights = meanFreshness < policy.content.staleAverageFreshness;
  const weights = degradedWeights ? policy.content.degradedWeights : policy.content.weights;
  // a styled PPV prefers the captions of its style's content types, then the composite
  // a game post prefers the captions that name its game first (issue 8: captions fit the type)
  const contentFits = (c: Caption): number =>
    (fits.get(c)?.game === false ? 2 : 0) + (fits.get(c)?.content === false ? 1 : 0);
  const ranked = parts
    .map(([c, s]) => ({
      fitRank: contentFits(c),
      caption: {
        ...c,
        scores: { ...s, compositeScore: compositeScore(s, weights) },
      } as ScoredCaption,
    }))
    .sort((a, b) => a.fitRank - b.fitRank || byCompositeThenId(a.caption, b.caption))
    .map((x) => x.caption);
  return { ranked, meanFreshness, degradedWeights };
};

/** The five component scores of a caption that do not depend on the slot (its type priority does). */
interface BaseScores {
  readonly freshnessScore: number;
  readonly performanceScore: number;
  readonly diversityScore: number;
  readonly personaScore: number;
}

/**
 * The scoring of one week's candidates (issue 11, candidates scored once): each caption's
 * slot-independent scores (`componentScores` less the type priority) and its fit to each style
 * fit, computed on first use and remembered per caption object. The persona, `asOf` and policy
 * are the week's, so a remembered value is what a fresh computation returns.
 */
export interface WeekScorer {
  /** The caption's scores that do not depend on the slot. */
  readonly base: (c: Caption) => BaseScores;
  /** How the caption fits a style fit (`captionFit`), remembered per fit object and caption. */
  readonly fitOf: (c: Caption, fit: StyleFit) => CaptionFit;
  /** Scratch arrays of `rankForSlot`, reused by every slot of the week (read only up to a call's count). */
  readonly scratch: {
    readonly bases: BaseScores[];
    readonly priorities: number[];
    readonly ranks: number[];
  };
}

/** A scorer for the week of `persona` at `asOf` under `policy`. */
export const weekScorer = (
  persona: Persona | null,
  asOf: string,
  policy: SchedulePolicy,
): WeekScorer => {
  const bases = new Map<Caption, BaseScores>();
  const fits = new Map<StyleFit, Map<Caption, CaptionFit>>();
  return {
    base: (c) => {
      const known = bases.get(c);
      if (known !== undefined) return known;
      const s = componentScores(c, null, persona, asOf, policy);
      const b: BaseScores = {
        freshnessScore: s.freshnessScore,
        performanceScore: s.performanceScore,
        diversityScore: s.diversityScore,
        personaScore: s.personaScore,
      };
      bases.set(c, b);
      return b;
    },
    fitOf: (c, fit) => {
      let m = fits.get(fit);
      if (m === undefined) {
        m = new Map();
        fits.set(fit, m);
      }
      const known = m.get(c);
      if (known !== undefined) return known;
      const f = captionFit(c, fit, policy);
      m.set(c, f);
      return f;
    },
    scratch: { bases: [], priorities: [], ranks: [] },
  };
};

/** The best candidate of a slot with its scores, how many there were, and the freshness figures. */
export interface SlotRanking {
  /** The best candidate (`rankCaptions(...).ranked[0]`), `null` when there is none. */
  readonly chosen: { readonly caption: Caption; readonly scores: CaptionScores } | null;
  /** How many candidates were ranked. */
  readonly count: number;
  /** As `RankedCaptions.meanFreshness`. */
  readonly meanFreshness: number;
  /** As `RankedCaptions.degradedWeights`. */
  readonly degradedWeights: boolean;
}

/**
 * `rankCaptions` for one slot, reduced to what phase 3 reads (the best candidate, the count, the
 * freshness figures), with the week's remembered scores and fits and no copy of a candidate:
 * the same ranking, the scores of the chosen caption built in `rankCaptions`' key order.
 */
export const rankForSlot = (
  candidates: ReadonlyArray<Caption>,
  spec: Pick<SendTypeSpec, 'captionTypes'> | null,
  policy: SchedulePolicy,
  fit: StyleFit | null,
  scorer: WeekScorer,
): SlotRanking => {
  const n = candidates.length;
  if (n === 0) return { chosen: null, count: 0, meanFreshness: 100, degradedWeights: false };
  // issue 11: the week's scratch arrays, written from 0 to n - 1 (no arrays per slot)
  const { bases, priorities, ranks } = scorer.scratch;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const c = candidates[i] as Caption;
    const f = fit === null ? null : scorer.fitOf(c, fit);
    const b = scorer.base(c);
    bases[i] = b;
    priorities[i] = typePriorityScore(
      c.captionType,
      spec,
      policy,
      f !== null && fit?.structure != null && f.structure,
    );
    ranks[i] = (f?.game === false ? 2 : 0) + (f?.content === false ? 1 : 0);
    sum += b.freshnessScore;
  }
  const meanFreshness = sum / n;
  const degradedWeights = meanFreshness < policy.content.staleAverageFreshness;
  const weights = degradedWeights ? policy.content.degradedWeights : policy.content.weights;
  const compositeAt = (i: number): number => {
    const b = bases[i] as BaseScores;
    return compositeOf(
      b.freshnessScore,
      b.performanceScore,
      priorities[i] as number,
      b.diversityScore,
      b.personaScore,
      weights,
    );
  };
  // the first of the order (fit rank, composite descending, captionId) is the best; issue 11: no
  // score object per candidate, only the chosen one's
  let best = 0;
  let bestComposite = compositeAt(0);
  for (let i = 1; i < n; i++) {
    const composite = compositeAt(i);
    const d =
      (ranks[i] as number) - (ranks[best] as number) ||
      bestComposite - composite ||
      compareIds((candidates[i] as Caption).captionId, (candidates[best] as Caption).captionId);
    if (d < 0) {
      best = i;
      bestComposite = composite;
    }
  }
  const b = bases[best] as BaseScores;
  const bestScores: CaptionScores = {
    freshnessScore: b.freshnessScore,
    performanceScore: b.performanceScore,
    typePriorityScore: priorities[best] as number,
    diversityScore: b.diversityScore,
    personaScore: b.personaScore,
    compositeScore: bestComposite,
  };
  return {
    chosen: { caption: candidates[best] as Caption, scores: bestScores },
    count: n,
    meanFreshness,
    degradedWeights,
  };
};

/** `-1`, `0` or `1` as `a` sorts before, with or after `b`. */
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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

/** A slot's search: its candidates, a read to wait for before searching again from `level`, or the read's failure. */
type Search =
  | { readonly found: Found }
  | { readonly wait: Promise<Answer>; readonly level: number }
  | { readonly failed: ScheduleError };

/** Candidates for one slot: the level of the degradation chain they passed, or the generic query. */
interface Found {
  readonly candidates: ReadonlyArray<Caption>;
  /** Index in the degradation chain, `-1` when nothing was found. */
  readonly level: number;
  readonly generic: boolean;
}

/**
 * The week's assignment so far. Issue 11 (no copy per slot): made afresh for each run of the
 * phase's task and grown in place, slot after slot (the slots are assigned one after the other);
 * its arrays are the phase's result.
 */
interface MatchState {
  readonly slots: ContentSlot[];
  readonly used: string[];
  readonly usedSet: Set<string>;
  /** Where the week's searches start (`Starts`, for `usedSet` and the week's vault filter). */
  readonly starts: Starts;
  remainingAllocations: Readonly<Record<string, number>>;
  readonly issues: Issue[];
  staleReported: boolean;
}

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
  // one pass (issue 11): the first of the keys sorted by value descending, then key ascending
  let best: string | null = null;
  let bestValue = 0;
  for (const k of Object.keys(record)) {
    const n = record[k] as number;
    if (!(n > 0) || !accept(k)) continue;
    if (best === null || n > bestValue || (n === bestValue && k < best)) {
      best = k;
      bestValue = n;
    }
  }
  return best;
};

/** A fetched caption with the freshness the scoring computes, for filtering by level. @internal */
export interface Pooled {
  readonly caption: Caption;
  readonly freshness: number;
}

/** The port's order (001 §3.0 "Freshness-First"): freshness desc, performance desc, id asc. */
const portOrder = (a: Pooled, b: Pooled): number =>
  freshnessFirst(a.freshness, a.caption, b.freshness, b.caption);

type Step = SchedulePolicy['content']['degradationChain'][number];

/**
 * Where each (pool, chain step) search may start for one week's searches (issue 11, a growing
 * used-id set): every caption before the index is used or fails the step or the vault filter.
 * The used ids only grow and the step and the vault filter are fixed for the week, so those
 * captions never pass again, and a search from the index finds what a search from the start finds.
 *
 * @internal
 */
export type Starts = Map<ReadonlyArray<Pooled>, Map<Step, number>>;

/** Whether a pooled caption passes one level of the chain and the vault filter. */
const passesStep = (p: Pooled, step: Step, allowed: ReadonlySet<string> | null): boolean =>
  p.freshness >= step.minFreshness &&
  p.caption.performanceScore >= step.minPerformance &&
  (allowed === null || p.caption.contentType === null || allowed.has(p.caption.contentType));

/**
 * The index of the first caption of `pool` from `from` on that is unused and passes `step` and
 * the vault filter (`pool.length` when none), remembered in `starts`.
 */
const startOf = (
  starts: Starts,
  pool: ReadonlyArray<Pooled>,
  step: Step,
  used: ReadonlySet<string>,
  allowed: ReadonlySet<string> | null,
): number => {
  let byStep = starts.get(pool);
  if (byStep === undefined) {
    byStep = new Map();
    starts.set(pool, byStep);
  }
  let i = byStep.get(step) ?? 0;
  for (; i < pool.length; i++) {
    const p = pool[i] as Pooled;
    if (!used.has(p.caption.captionId) && passesStep(p, step, allowed)) break;
  }
  byStep.set(step, i);
  return i;
};

/**
 * The caption degradation walk, written once for the slots and the follow-ups: the candidates of
 * a pool (sorted in the port's order, `portOrder`) that pass one level of the chain, are unused
 * and fit the vault, in that order, at most `limit`. With `starts` (the week's, for one `used`
 * set that only grows and one `allowed`), the search skips the captions that can no longer pass.
 * Exported for its tests only (not part of the package's API).
 *
 * @internal
 */
export const passing = (
  pool: ReadonlyArray<Pooled>,
  step: Step,
  used: ReadonlySet<string>,
  allowed: ReadonlySet<string> | null,
  limit: number,
  prefer: ((c: Caption) => boolean) | null = null,
  scanLimit = limit,
  starts: Starts | null = null,
): ReadonlyArray<Caption> => {
  const out: Caption[] = [];
  const rest: Caption[] = [];
  // issue 11: a pool without a caption id twice (the common case) needs no set of the ids seen
  const seen = hasRepeatedIds(pool) ? new Set<string>() : null;
  const scanTo = Math.max(limit, scanLimit);
  // the captions skipped at the start are used or fail the step: none is added to `seen`
  const from = starts === null ? 0 : startOf(starts, pool, step, used, allowed);
  for (let i = from; i < pool.length; i++) {
    const p = pool[i] as Pooled;
    if (out.length >= limit || out.length + rest.length >= scanTo) break;
    const c = p.caption;
    if (used.has(c.captionId) || seen?.has(c.captionId) === true) continue;
    if (!passesStep(p, step, allowed)) continue;
    seen?.add(c.captionId);
    // a styled PPV takes the captions that fit its style first, the others after them
    if (prefer === null || prefer(c)) out.push(c);
    else rest.push(c);
  }
  if (rest.length === 0) return out; // at most `limit` already
  for (const c of rest) {
    if (out.length >= limit) break;
    out.push(c);
  }
  return out;
};

/** Whether a pool holds a caption id twice, once per pool array (pools are read-only). */
const repeatedIds = new WeakMap<ReadonlyArray<Pooled>, boolean>();
const hasRepeatedIds = (pool: ReadonlyArray<Pooled>): boolean => {
  const known = repeatedIds.get(pool);
  if (known !== undefined) return known;
  const ids = new Set<string>();
  let repeated = false;
  for (const p of pool) {
    if (ids.has(p.caption.captionId)) {
      repeated = true;
      break;
    }
    ids.add(p.caption.captionId);
  }
  repeatedIds.set(pool, repeated);
  return repeated;
};

/**
 * The caption reads of one week, batched: one query per caption type and degradation level,
 * remembered, so the week asks the port at most once per caption type in the common case (a
 * lower level is read only when a slot exhausts the higher ones) and the first level of every
 * caption type is read concurrently. The generic query (001 §3.5 strategy 2) is read once, when
 * first needed.
 */
interface CaptionReads {
  /**
   * The pooled captions of `types` fetched up to `level`, reading what is missing, sorted in the
   * port's order (`portOrder`; the sort is stable, so equal captions keep the read order). The
   * reads start when this is called; the promise never rejects.
   */
  readonly upTo: (
    types: ReadonlyArray<CaptionType>,
    level: number,
    remaining: number,
  ) => Promise<Answer>;
  /** The generic pool, sorted in the port's order (the read starts when this is called). */
  readonly generic: (remaining: number) => Promise<Answer>;
  /** What `upTo(types, level, _)` answered, once that read has settled; `undefined` before. */
  readonly upToNow: (types: ReadonlyArray<CaptionType>, level: number) => Answer | undefined;
  /** What `generic` answered, once that read has settled; `undefined` before. */
  readonly genericNow: () => Answer | undefined;
}

/** A caption read's answer: the pooled captions, or the build's error. */
type Answer = E.Either<ScheduleError, ReadonlyArray<Pooled>>;

/** The first `Left` of `answers` in their order, else their pools (as `TE.sequenceArray`). */
const allPools = (
  answers: ReadonlyArray<Answer>,
): E.Either<ScheduleError, ReadonlyArray<ReadonlyArray<Pooled>>> => {
  const pools: Array<ReadonlyArray<Pooled>> = [];
  for (const a of answers) {
    if (a._tag === 'Left') return a;
    pools.push(a.right);
  }
  return { _tag: 'Right', right: pools };
};

/**
 * A pool sorted in the port's order (a stable sort of a copy). Issue 11: a pool already in that
 * order (one answer of a port that sorts, the common case) is copied without sorting; a stable
 * sort leaves such an array as it is.
 */
const sortedPool = (pool: ReadonlyArray<Pooled>): ReadonlyArray<Pooled> =>
  inPortOrder(pool) ? [...pool] : [...pool].sort(portOrder);

/** Whether a pool is in the port's order already. */
const inPortOrder = (pool: ReadonlyArray<Pooled>): boolean => {
  for (let i = 1; i < pool.length; i++)
    if (portOrder(pool[i - 1] as Pooled, pool[i] as Pooled) > 0) return false;
  return true;
};

/**
 * The pools of several reads as one, sorted in the port's order: `sortedPool` of their
 * concatenation. Issue 11: when each read is in that order already, a merge that takes the
 * earlier read's caption on a tie (what a stable sort of the concatenation keeps).
 */
const mergedPool = (parts: ReadonlyArray<ReadonlyArray<Pooled>>): ReadonlyArray<Pooled> => {
  if (parts.length === 1) return sortedPool(parts[0] as ReadonlyArray<Pooled>);
  if (!parts.every(inPortOrder)) return sortedPool(parts.flat());
  const at = parts.map(() => 0);
  const out: Pooled[] = [];
  for (;;) {
    let best = -1;
    for (let k = 0; k < parts.length; k++) {
      const p = (parts[k] as ReadonlyArray<Pooled>)[at[k] as number];
      if (p === undefined) continue;
      if (
        best < 0 ||
        portOrder(p, (parts[best] as ReadonlyArray<Pooled>)[at[best] as number] as Pooled) < 0
      )
        best = k;
    }
    if (best < 0) return out;
    out.push((parts[best] as ReadonlyArray<Pooled>)[at[best] as number] as Pooled);
    at[best] = (at[best] as number) + 1;
  }
};

const captionReads = (
  ports: SchedulePorts,
  trace: Trace,
  ctx: PhaseContext,
  asOf: string,
  allowedContentTypes: ReadonlyArray<string> | null,
): CaptionReads => {
  const policy = ctx.policy;
  const chain = policy.content.degradationChain;
  const memo = new Map<string, Promise<Answer>>();
  const fetchedIds = new Map<CaptionType, Set<string>>();
  const site = { trace, phase: 'content' as const, fallback: null };
  const pooled = (cs: ReadonlyArray<Caption>): ReadonlyArray<Pooled> =>
    cs.map((caption) => ({
      caption,
      freshness: calculateFreshnessScore(caption.lastUsedAt, asOf, policy),
    }));
  // Issue 11 (caption reads without fp-ts layers): each read is one promise, started when first
  // asked for and remembered; it never rejects (`callPort` answers an Either).
  const read = (key: string, query: CaptionQuery): Promise<Answer> => {
    const known = memo.get(key);
    if (known !== undefined) return known;
    const run = callPort(
      site,
      ports,
      'getCaptionCandidates',
      [query],
      CaptionsC,
      'captions',
    )().then(
      (e): Answer =>
        e._tag === 'Left'
          ? { _tag: 'Left', left: requiredPortError(e.left, 'content') }
          : { _tag: 'Right', right: pooled(e.right) },
    );
    memo.set(key, run);
    return run;
  };
  const level = (type: CaptionType, l: number, remaining: number): Promise<Answer> => {
    const key = `${type}|${l}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const step = chain[l] as Step;
    let ids = fetchedIds.get(type);
    if (ids === undefined) {
      ids = new Set<string>();
      fetchedIds.set(type, ids);
    }
    const fetched = ids;
    return read(key, {
      creatorId: ctx.creator.creatorId,
      sendTypeKey: null,
      captionTypes: [type],
      allowedContentTypes,
      asOf,
      minFreshness: step.minFreshness,
      minPerformance: step.minPerformance,
      // The captions already read for this type at a higher level are in the pool already.
      excludeCaptionIds: [...fetched],
      limit: remaining + policy.content.candidateLimit,
    }).then((a) => {
      if (a._tag === 'Right') for (const p of a.right) fetched.add(p.caption.captionId);
      return a;
    });
  };
  // Issue 11 (work once): the merged and sorted pool of a (types, level) is remembered. Its first
  // request reads every level it needs (the reads are remembered by `read`), so a later request
  // of the same key would read nothing and merge the same pools in the same order. Issue 11 (no
  // wait per slot): the answers of the settled reads are kept beside them, so a slot whose pools
  // are read already finds its candidates without waiting for a task. Both per level, in one
  // entry per set of distinct types, found from a slot's type array without building a key.
  interface Merged {
    readonly runs: Array<Promise<Answer> | undefined>;
    readonly now: Array<Answer | undefined>;
  }
  const mergedByKey = new Map<string, Merged>();
  const mergedByTypes = new Map<ReadonlyArray<CaptionType>, Merged>();
  const mergedOf = (types: ReadonlyArray<CaptionType>): Merged => {
    const known = mergedByTypes.get(types);
    if (known !== undefined) return known;
    // the slots share their type arrays; equal sets of distinct types share one entry
    const key = [...new Set(types)].join(',');
    let entry = mergedByKey.get(key);
    if (entry === undefined) {
      entry = { runs: [], now: [] };
      mergedByKey.set(key, entry);
    }
    mergedByTypes.set(types, entry);
    return entry;
  };
  const genericSorted: {
    value: Promise<Answer> | null;
    now: Answer | undefined;
  } = { value: null, now: undefined };
  return {
    upTo: (types, l, remaining) => {
      const entry = mergedOf(types);
      const known = entry.runs[l];
      if (known !== undefined) return known;
      const parts: Array<Promise<Answer>> = [];
      for (const type of new Set(types))
        for (let k = 0; k <= l; k++) parts.push(level(type, k, remaining));
      const run = Promise.all(parts).then((answers): Answer => {
        const pools = allPools(answers);
        const e: Answer =
          pools._tag === 'Left' ? pools : { _tag: 'Right', right: mergedPool(pools.right) };
        entry.now[l] = e;
        return e;
      });
      entry.runs[l] = run;
      return run;
    },
    upToNow: (types, l) => mergedOf(types).now[l],
    genericNow: () => genericSorted.now,
    generic: (remaining) => {
      if (genericSorted.value !== null) return genericSorted.value;
      const last = chain[chain.length - 1] as Step;
      const run = read('generic', {
        creatorId: ctx.creator.creatorId,
        sendTypeKey: null,
        captionTypes: CAPTION_TYPES as ReadonlyArray<CaptionType>,
        allowedContentTypes,
        asOf,
        minFreshness: last.minFreshness,
        minPerformance: last.minPerformance,
        excludeCaptionIds: [],
        limit: remaining + policy.content.candidateLimit,
      }).then((a): Answer => {
        const e: Answer = a._tag === 'Left' ? a : { _tag: 'Right', right: sortedPool(a.right) };
        genericSorted.now = e;
        return e;
      });
      genericSorted.value = run;
      return run;
    },
  };
};

const CaptionsC = t.array(CaptionC);

interface SlotEnv {
  readonly ctx: PhaseContext;
  readonly loaded: LoadedData;
  readonly asOf: string;
  readonly allowedContentTypes: ReadonlyArray<string> | null;
  /** `allowedContentTypes` as a set. */
  readonly allowedSet: ReadonlySet<string> | null;
}

/** Content type of a media slot: the caption's own, else the largest remaining allocation. */
const chooseContentType = (
  caption: Caption | null,
  spec: SendTypeSpec,
  env: SlotEnv,
  remaining: Readonly<Record<string, number>>,
  fit: StyleFit | null,
): string | null => {
  if (caption !== null && caption.contentType !== null) return caption.contentType;
  if (!spec.requiresMedia) return null;
  const allowed = env.allowedSet;
  // a styled PPV takes a content type of its style first (a solo PPV solo content)
  const styled = fit === null || fit.contentTypes.length === 0 ? null : fit.contentTypes;
  const ok = (k: string) => allowed === null || allowed.has(k);
  const fromAllocation =
    (styled === null ? null : largestKey(remaining, (k) => ok(k) && styled.includes(k))) ??
    largestKey(remaining, ok);
  if (fromAllocation !== null) return fromAllocation;
  const vault = env.loaded.vault;
  if (vault === null) return null;
  return (
    (styled === null ? null : largestKey(vault.contentTypes, (k) => styled.includes(k))) ??
    largestKey(vault.contentTypes, () => true)
  );
};

/**
 * The caption types a slot reads: its send type's (001 §3.2), then those its PPV style adds
 * (`policy.rotation.styleCaptionTypes`, for a pattern PPV only).
 */
const slotCaptionTypes = (
  slot: AllocatedSlot,
  policy: SchedulePolicy,
): ReadonlyArray<CaptionType> => {
  const own = SEND_TYPES[slot.sendTypeKey].captionTypes;
  if (slot.ppvStyle === null || ppvStyleRoleOf(slot.sendTypeKey) !== 'pattern') return own;
  const extra = policy.rotation.styleCaptionTypes[slot.ppvStyle].filter((t) => !own.includes(t));
  return extra.length === 0 ? own : [...own, ...extra];
};

/**
 * The caption reason of a slot (`ItemReasons.caption`): the chain level the candidates passed
 * with its thresholds, or the generic query, or none.
 */
const captionReasonOf = (
  found: Found,
  chosen: { readonly scores: CaptionScores } | null,
  candidates: number,
  policy: SchedulePolicy,
): CaptionReason => {
  const step = found.generic ? undefined : policy.content.degradationChain[found.level];
  if (chosen === null)
    return {
      source: 'manual',
      level: null,
      minFreshness: null,
      minPerformance: null,
      candidates,
      scores: null,
    };
  return {
    source: found.generic ? 'generic' : 'pool',
    level: found.generic ? null : found.level,
    minFreshness: step?.minFreshness ?? null,
    minPerformance: step?.minPerformance ?? null,
    candidates,
    scores: chosen.scores,
  };
};

/**
 * A slot's assignment once the candidates are known: adds the slot, its caption use and its
 * issues to the week's state (in place, see `MatchState`).
 */
const assignSlot = (
  env: SlotEnv,
  state: MatchState,
  slot: AllocatedSlot,
  index: number,
  found: Found,
  fit: StyleFit | null,
  scorer: WeekScorer,
): MatchState => {
  const { policy } = env.ctx;
  const spec = SEND_TYPES[slot.sendTypeKey];
  const path = `slots[${index}]`;
  // the details name the slot in literals, not a spread (slow in V8, see `contentSlot` below)
  const issues = state.issues;
  const ranking = rankForSlot(found.candidates, spec, policy, fit, scorer);
  const { meanFreshness, degradedWeights } = ranking;
  const best = ranking.chosen;
  const chosen = best === null ? null : best.caption;
  const step = policy.content.degradationChain[found.level];
  if (found.level > 0 && !found.generic && step !== undefined)
    issues.push(
      issue(
        'caption_threshold_lowered',
        {
          slotId: slot.slotId,
          sendTypeKey: slot.sendTypeKey,
          level: found.level,
          minFreshness: step.minFreshness,
          minPerformance: step.minPerformance,
        },
        path,
      ),
    );
  if (found.generic && chosen !== null)
    issues.push(
      issue(
        'generic_caption_used',
        { slotId: slot.slotId, sendTypeKey: slot.sendTypeKey, captionType: chosen.captionType },
        path,
      ),
    );
  if (chosen === null)
    issues.push(
      issue(
        'manual_caption_required',
        { slotId: slot.slotId, sendTypeKey: slot.sendTypeKey },
        path,
      ),
    );
  const staleReported = state.staleReported || (chosen !== null && degradedWeights);
  if (chosen !== null && degradedWeights && !state.staleReported)
    issues.push(
      issue(
        'caption_freshness_low',
        {
          slotId: slot.slotId,
          sendTypeKey: slot.sendTypeKey,
          meanFreshness: Math.round(meanFreshness * 100) / 100,
          threshold: policy.content.staleAverageFreshness,
        },
        path,
      ),
    );
  if (best !== null && best.scores.freshnessScore < policy.content.lowFreshnessWarningBelow)
    issues.push(
      issue(
        'low_freshness',
        {
          slotId: slot.slotId,
          sendTypeKey: slot.sendTypeKey,
          captionId: best.caption.captionId,
          freshnessScore: best.scores.freshnessScore,
        },
        path,
      ),
    );

  const vault = env.loaded.vault;
  const mediaMissing =
    vault !== null &&
    spec.requiresMedia &&
    spec.mediaType !== 'none' &&
    (vault.media[spec.mediaType] ?? 0) <= 0;
  if (mediaMissing)
    issues.push(
      issue(
        'media_missing',
        { slotId: slot.slotId, sendTypeKey: slot.sendTypeKey, missing: spec.mediaType },
        path,
      ),
    );
  if (vault !== null && spec.requiresFlyer && vault.flyers <= 0)
    issues.push(
      issue(
        'media_missing',
        { slotId: slot.slotId, sendTypeKey: slot.sendTypeKey, missing: 'flyer' },
        path,
      ),
    );

  const contentTypeId = mediaMissing
    ? null
    : chooseContentType(chosen, spec, env, state.remainingAllocations, fit);
  const remainingAllocations =
    contentTypeId !== null &&
    spec.requiresMedia &&
    (state.remainingAllocations[contentTypeId] ?? 0) > 0
      ? {
          ...state.remainingAllocations,
          [contentTypeId]: (state.remainingAllocations[contentTypeId] ?? 0) - 1,
        }
      : state.remainingAllocations;

  // Issue 11: `Object.assign` rather than a spread followed by properties, which V8 (Node 20)
  // runs on a slow path for a source object that is not frozen; the same keys in the same order.
  const contentSlot: ContentSlot = Object.assign({}, slot, {
    captionId: chosen?.captionId ?? null,
    captionText: chosen?.text ?? policy.content.manualCaptionText,
    scores: best?.scores ?? null,
    captionReason: captionReasonOf(found, best, ranking.count, policy),
    contentTypeId,
    mediaType: spec.mediaType,
    flyerRequired: spec.requiresFlyer,
    needsCaption: chosen === null,
  });
  state.slots.push(contentSlot);
  if (chosen !== null) {
    state.used.push(chosen.captionId);
    state.usedSet.add(chosen.captionId);
  }
  state.remainingAllocations = remainingAllocations;
  state.staleReported = staleReported;
  return state;
};

/**
 * Phase 3: assigns a caption and content to every allocated slot, in allocation order (days in
 * order, slots in order), so that no caption is used twice, and reads the follow-up caption
 * candidates phase 6 will use.
 *
 * Caption reads are batched (`getCaptionCandidates` with `sendTypeKey: null` and one caption
 * type per query): every caption type the week needs is read at the first level of
 * `policy.content.degradationChain` (30/40) concurrently, with a limit of the slots that can use
 * it plus `candidateLimit`; a lower level (20/30, 10/20, 0/0) of a caption type is read only
 * when a slot finds nothing unused at the levels above; the generic query over every caption
 * type (001 §3.5 strategy 2) is read once when a slot finds nothing at any level. In a week with
 * enough captions that is one call per caption type.
 *
 * Per slot: the unused candidates of its send type's caption types (001 §3.2) that pass the
 * first level with any, in the port's order (freshness, performance), at most
 * `candidateLimit`, restricted to the vault's content types with items (hard filter, 001 §3.0);
 * then the generic candidates; then `needsCaption` with `captionText =
 * policy.content.manualCaptionText` (RULINGS "shortage"). Candidates are ranked by
 * `rankCaptions`; the best is used.
 *
 * `contentTypeId` is the caption's content type; for a media send whose caption has none, the
 * content type with the largest remaining count in `volume.contentAllocations` (decremented as
 * used, vault types only), else the vault's largest content type; `null` without a vault, and
 * `null` when the vault has none of the send's media kind (001 §3.3).
 *
 * Follow-up candidates: the unused captions of the follow-up send type's caption types, walking
 * the same chain until there are enough for every possible parent (at most
 * `followups.maxPerDay` a day), ranked by `rankFollowupCaptions`.
 *
 * Issues (phase `content`, path `slots[i]`): `caption_threshold_lowered`, `generic_caption_used`,
 * `manual_caption_required`, `caption_freshness_low` (info, once per build), `low_freshness`,
 * `media_missing`.
 *
 * Returns `Left` `PORT_FAILURE` / `PORT_TIMEOUT` when the caption port fails, `DECODE_FAILED` when
 * its captions do not decode.
 *
 * Source: seed 001 §3.0-§3.5, §6.4, phase 3 recovery; RULINGS "Content matching (phase 3)".
 *
 * @example
 * import { matchContent } from 'eros-schedule';
 *
 * // `ctx`, `data`, `volume`, `trace` and `ports` as in `trackVolume`'s example; `allocation` of `allocateWeek`
 * const matched = await matchContent(ctx, data.loaded, allocation, volume, trace)(ports)();
 * if (matched._tag === 'Right') {
 *   const content = matched.right;
 *   content.slots.filter((s) => s.needsCaption).length; // 0: every slot found a caption
 *   content.slots[0]?.captionReason.source; // 'pool'
 *   content.followupCandidates.length; // the ranked captions phase 6 draws from
 * }
 *
 * @since 0.1.0
 * @category content
 */
export const matchContent =
  (
    ctx: PhaseContext,
    loaded: LoadedData,
    allocation: Allocation,
    volume: VolumeResult,
    trace: Trace,
  ) =>
  (ports: SchedulePorts): TE.TaskEither<ScheduleError, ContentAssignment> => {
    const policy = ctx.policy;
    const chain = policy.content.degradationChain;
    const slots = allocation.days.flatMap((d) => d.slots);
    const allowedContentTypes = allowedContentTypesOf(loaded.vault);
    const allowed = allowedContentTypes === null ? null : new Set(allowedContentTypes);
    const env: SlotEnv = {
      ctx,
      loaded,
      asOf: ctx.weekDates[0] ?? slots[0]?.date ?? '',
      allowedContentTypes,
      allowedSet: allowed,
    };
    const reads = captionReads(ports, trace, ctx, env.asOf, env.allowedContentTypes);
    const followupSpec = FOLLOWUP_SEND_TYPE;
    const followupsApply = followupSpec.pageTypes.includes(ctx.creator.pageType);
    const parents = slots.filter((s) => SEND_TYPES[s.sendTypeKey].canHaveFollowup).length;
    const followupDemand = followupsApply
      ? Math.min(parents, Math.max(0, policy.followups.maxPerDay) * ctx.weekDates.length)
      : 0;

    // How many of the remaining slots (from index i on) can use each caption type.
    const typesOf = slots.map((s) => slotCaptionTypes(s, policy));
    // Issue 11: counted once, from the last slot back (`usersFrom.get(type)[i]`: the slots from
    // index i on whose caption types include `type`).
    const usersFrom = new Map<CaptionType, ReadonlyArray<number>>();
    for (const type of new Set(typesOf.flat())) {
      const counts = new Array<number>(slots.length + 1).fill(0);
      for (let k = slots.length - 1; k >= 0; k--)
        counts[k] = (counts[k + 1] ?? 0) + ((typesOf[k] ?? []).includes(type) ? 1 : 0);
      usersFrom.set(type, counts);
    }
    const demandFrom = (i: number, type: CaptionType): number =>
      (followupSpec.captionTypes.includes(type) ? followupDemand : 0) +
      (usersFrom.get(type)?.[i] ?? 0);
    // Each slot's style fit, once; equal fits share one object, so the week's fit memo serves them all.
    const fitByKey = new Map<string, StyleFit>();
    const fitsOf: ReadonlyArray<StyleFit | null> = slots.map((s) => {
      const fit = styleFitOf(s.ppvStyle, s.sendTypeKey, policy, s);
      if (fit === null) return null;
      const key = JSON.stringify([fit.structure, fit.contentTypes, fit.gameKeywords ?? []]);
      const known = fitByKey.get(key);
      if (known !== undefined) return known;
      fitByKey.set(key, fit);
      return fit;
    });
    const scorer = weekScorer(loaded.persona, env.asOf, policy);
    // A game post looks for a caption that names its game among the first `styleScanLimit`
    // passing captions (issue 8: captions for campaigns fit the type), so its caption types are
    // read that deep: a read of only `demand + candidateLimit` captions misses a fitting one that
    // ranks lower by freshness and performance, and the slot would be reported as a misfit.
    const gameScanTypes = new Set(
      slots.flatMap((_s, k) =>
        (fitsOf[k]?.gameKeywords?.length ?? 0) > 0 ? (typesOf[k] ?? []) : [],
      ),
    );
    const readDemand = (i: number, type: CaptionType): number =>
      gameScanTypes.has(type)
        ? Math.max(
            demandFrom(i, type),
            policy.content.styleScanLimit - policy.content.candidateLimit,
          )
        : demandFrom(i, type);
    const neededTypes = [
      ...new Set([...typesOf.flat(), ...(followupDemand > 0 ? followupSpec.captionTypes : [])]),
    ];

    // Whether a caption fits a slot's style, from the week's fit memo.
    const fitPreference = (index: number): ((c: Caption) => boolean) | null => {
      const fit = fitsOf[index] ?? null;
      if (fit === null) return null;
      return (c) => {
        const f = scorer.fitOf(c, fit);
        return f.structure && f.content && f.game !== false;
      };
    };

    const last = chain[chain.length - 1] as Step;
    // A slot's search from chain level `from`, without waiting when its pools are read already
    // (issue 11: no task per slot): the candidates, or the read to wait for before searching
    // again from the level that needs it (the same reads, in the same order, as a walk that
    // waits at every level).
    const searchFrom = (state: MatchState, index: number, from: number): Search => {
      const slot = slots[index] as AllocatedSlot;
      const types = typesOf[index] ?? SEND_TYPES[slot.sendTypeKey].captionTypes;
      const prefer = fitPreference(index);
      for (let l = from; ; l++) {
        const step = chain[l];
        if (step === undefined) {
          const pool = reads.genericNow();
          if (pool === undefined) return { wait: reads.generic(slots.length - index), level: l };
          if (pool._tag === 'Left') return { failed: pool.left };
          const candidates = passing(
            pool.right,
            last,
            state.usedSet,
            allowed,
            policy.content.candidateLimit,
            null,
            policy.content.candidateLimit,
            state.starts,
          );
          return {
            found:
              candidates.length > 0
                ? { candidates, level: chain.length - 1, generic: true }
                : { candidates: [], level: -1, generic: false },
          };
        }
        const pool = reads.upToNow(types, l);
        if (pool === undefined) {
          const remaining = Math.max(...types.map((type) => readDemand(index, type)), 1);
          return { wait: reads.upTo(types, l, remaining), level: l };
        }
        if (pool._tag === 'Left') return { failed: pool.left };
        const candidates = passing(
          pool.right,
          step,
          state.usedSet,
          allowed,
          policy.content.candidateLimit,
          prefer,
          prefer === null ? policy.content.candidateLimit : policy.content.styleScanLimit,
          state.starts,
        );
        if (candidates.length > 0) return { found: { candidates, level: l, generic: false } };
      }
    };

    // The slots from `index` on, the first searched from chain level `from`, waiting only where
    // a read is waited for (issue 11: plain promises, no fp-ts task per wait).
    const assignFrom = async (
      state: MatchState,
      index: number,
      from: number,
    ): Promise<E.Either<ScheduleError, MatchState>> => {
      let level = from;
      for (let i = index; i < slots.length; i++) {
        const r = searchFrom(state, i, level);
        if ('wait' in r) {
          const waited = await r.wait;
          if (waited._tag === 'Left') return waited;
          // search this slot again from the level that read
          level = r.level;
          i--;
          continue;
        }
        if ('failed' in r) return { _tag: 'Left', left: r.failed };
        assignSlot(env, state, slots[i] as AllocatedSlot, i, r.found, fitsOf[i] ?? null, scorer);
        level = 0;
      }
      return { _tag: 'Right', right: state };
    };

    const followupCandidates = async (
      state: MatchState,
    ): Promise<E.Either<ScheduleError, ReadonlyArray<Caption>>> => {
      if (followupDemand === 0) return { _tag: 'Right', right: [] };
      for (let l = 0; ; l++) {
        const step = chain[l] as Step;
        const pool = await reads.upTo(followupSpec.captionTypes, l, followupDemand);
        if (pool._tag === 'Left') return pool;
        const found = passing(
          pool.right,
          step,
          state.usedSet,
          allowed,
          followupDemand + policy.content.candidateLimit,
          null,
          followupDemand + policy.content.candidateLimit,
          state.starts,
        );
        if (found.length >= followupDemand || l + 1 >= chain.length)
          return {
            _tag: 'Right',
            right: rankFollowupCaptions(found, followupSpec, loaded.persona, env.asOf, policy),
          };
      }
    };

    const initial = (): MatchState => ({
      slots: [],
      used: [],
      usedSet: new Set(),
      starts: new Map(),
      remainingAllocations: volume.contentAllocations,
      issues: [],
      staleReported: false,
    });
    // Round one: the first level of every caption type the week needs, concurrently (the reads
    // start here, when the task is made).
    const roundOne = Promise.all(
      neededTypes.map((type) => reads.upTo([type], 0, readDemand(0, type))),
    );
    return async () => {
      const first = allPools(await roundOne);
      if (first._tag === 'Left') return first;
      // a fresh state for each run of the task (it is grown in place)
      const assigned = await assignFrom(initial(), 0, 0);
      if (assigned._tag === 'Left') return assigned;
      const s = assigned.right;
      const followups = await followupCandidates(s);
      if (followups._tag === 'Left') return followups;
      return {
        _tag: 'Right',
        right: {
          slots: s.slots,
          usedCaptionIds: s.used,
          followupCandidates: followups.right,
          issues: s.issues,
        },
      };
    };
  };
