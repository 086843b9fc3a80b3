/**
 * Read-only ports over an in-memory dataset: for tests, examples and callers whose data already
 * sits in memory. Indexes are built once, so caption queries stay fast on a bank of ~60,000
 * captions (001 §3.0 universal pool).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import * as t from 'io-ts';
import { freshnessAfterDays, freshnessFirst, utcDayOf } from '../content/scoring';
import {
  type CaptionType,
  SEND_TYPE_KEYS,
  SEND_TYPES,
  type SendTypeKey,
  sendTypesForPage,
} from '../domain/catalog';
import { InMemoryDatasetC } from '../domain/codecs';
import { decodeWith } from '../domain/decode';
import { type Issue, issue } from '../domain/issues';
import { DEFAULT_POLICY, resolvePolicy, type SchedulePolicy } from '../domain/policy';
import type {
  Caption,
  CaptionRecord,
  CaptionUsage,
  CreatorProfile,
  MassMessage,
} from '../domain/types';
import { VolumeAdjustmentOutcomeRecordC } from '../records/codecs';
import { ActivePinsC } from '../timing/pins';
import { type CreatorTimingProfile, CreatorTimingProfileC } from '../timing/profile';
import type { InMemoryDataset } from './dataset';
import { describeValue } from './faults';
import type { CaptionQuery, SchedulePorts } from './ports';
import { markTrusted } from './trust';

/**
 * Options of `inMemoryPorts`.
 *
 * @since 0.1.0
 * @category ports
 */
export interface InMemoryPortsOptions {
  /**
   * Policy whose `content` section the caption queries use (freshness recovery days, and the
   * first degradation level as the "usable" thresholds of `countUsableCaptions`). Pass the same
   * policy as the build. Default `DEFAULT_POLICY`.
   */
  readonly policy?: Pick<SchedulePolicy, 'content'>;
  /** Most captions counted per caption type by `countUsableCaptions`. Default 100. */
  readonly usableCountCap?: number;
}

const own = <A>(record: Readonly<Record<string, A>> | undefined, key: string): A | null =>
  record !== undefined && Object.hasOwn(record, key) ? (record[key] ?? null) : null;

const cmpId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A caption of the bank as the ports index it: the fields a query reads, in one fixed shape.
 * Issue 11: callers' records come in many V8 shapes (spreads, literals of different sites); read
 * in the hot loops they made every property access megamorphic (about 2 µs a read on the demo
 * bank), so the ports read copies made by one literal.
 */
interface BankCaption {
  readonly captionId: string;
  readonly text: string;
  readonly captionType: CaptionType;
  readonly contentType: string | null;
  readonly performanceScore: number;
}

interface Ranked {
  readonly record: BankCaption;
  readonly freshness: number;
}

/** Freshness desc, performance desc, captionId asc: the order of 001 §3.0 "Freshness-First". */
const better = (a: Ranked, b: Ranked): number =>
  freshnessFirst(a.freshness, a.record, b.freshness, b.record);

/** Inserts into a sorted array of at most `limit` entries (binary search, no full sort). */
const insertBounded = (top: Ranked[], item: Ranked, limit: number): void => {
  if (top.length >= limit) {
    const worst = top[top.length - 1];
    if (worst === undefined || better(item, worst) >= 0) return;
    top.pop();
  }
  let lo = 0;
  let hi = top.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (better(top[mid] as Ranked, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  top.splice(lo, 0, item);
};

/**
 * The identity of a history row: its decoded fields in a fixed order (extra fields a caller left
 * on the record, which may be anything, are not part of it).
 */
const historyKey = (m: MassMessage): string =>
  JSON.stringify([
    m.creatorId,
    m.sentAt,
    m.sendTypeKey,
    m.price,
    m.sent,
    m.viewed,
    m.purchased,
    m.earnings,
    m.captionId,
    m.captionText ?? null,
    m.contentType ?? null,
  ]);

/**
 * Whether a history row equals an earlier one in every field. Rows of different creators never
 * do (the creator is part of the key), so each creator's rows are compared among themselves:
 * only one creator's keys are held at a time, not the whole history's.
 */
const anyDuplicateRow = (history: ReadonlyArray<MassMessage>): boolean => {
  const byCreator = new Map<string, MassMessage[]>();
  for (const m of history) {
    const rows = byCreator.get(m.creatorId);
    if (rows === undefined) byCreator.set(m.creatorId, [m]);
    else rows.push(m);
  }
  // Equal rows share their (canonical) instant: only the rows at an instant seen before in the
  // creator's history are keyed in full (issue 11: not a JSON key per row of the history).
  for (const rows of byCreator.values()) {
    if (rows.length < 2) continue;
    const firstAt = new Map<string, MassMessage>();
    const keyed = new Set<string>();
    const seen = new Set<string>();
    for (const m of rows) {
      const first = firstAt.get(m.sentAt);
      if (first === undefined) {
        firstAt.set(m.sentAt, m);
        continue;
      }
      if (!keyed.has(m.sentAt)) {
        keyed.add(m.sentAt);
        seen.add(historyKey(first));
      }
      const k = historyKey(m);
      if (seen.has(k)) return true;
      seen.add(k);
    }
  }
  return false;
};

/** One `duplicate_record` issue per entry whose key an earlier entry already has. */
const duplicates = <A>(
  xs: ReadonlyArray<A>,
  keyOf: (a: A) => string,
  collection: string,
  pathOf: (i: number) => string,
  label: (a: A) => string,
): ReadonlyArray<Issue> => {
  const first = new Map<string, number>();
  const out: Issue[] = [];
  xs.forEach((x, i) => {
    const k = keyOf(x);
    const at = first.get(k);
    if (at === undefined) first.set(k, i);
    else
      out.push(
        issue('duplicate_record', { collection, key: label(x), firstPath: pathOf(at) }, pathOf(i)),
      );
  });
  return out;
};

/** Duplicate creator and caption ids of a raw dataset, among the records whose id is a string. */
const rawDuplicateIds = (dataset: unknown): ReadonlyArray<Issue> => {
  const ids = (collection: 'creators' | 'captions', field: string) => {
    try {
      const xs = (dataset as Record<string, unknown>)[collection];
      if (!Array.isArray(xs)) return [];
      return xs.flatMap((x, index) => {
        const id =
          typeof x === 'object' && x !== null ? (x as Record<string, unknown>)[field] : undefined;
        return typeof id === 'string' ? [{ id, index }] : [];
      });
    } catch {
      return [];
    }
  };
  const report = (collection: 'creators' | 'captions', field: string, label: string) => {
    const first = new Map<string, number>();
    return ids(collection, field).flatMap(({ id, index }) => {
      const at = first.get(id);
      if (at === undefined) {
        first.set(id, index);
        return [];
      }
      return [
        issue(
          'duplicate_record',
          { collection: label, key: id, firstPath: `dataset.${collection}[${at}].${field}` },
          `dataset.${collection}[${index}].${field}`,
        ),
      ];
    });
  };
  return [
    ...report('creators', 'creatorId', 'creator id'),
    ...report('captions', 'captionId', 'caption id'),
  ];
};

/**
 * Decodes an agency dataset for `inMemoryPorts`: every record with the boundary codecs (paths
 * like `dataset.captions[12].performanceScore`), then duplicates, each named at both paths
 * (`details.firstPath` and the issue's path): a creator id or a caption id twice, the same
 * creator twice in one caption's usage, and a history row equal to an earlier one in every field
 * (instants compared in canonical UTC form). The current pins of a creator must have unique
 * `postId`s (`dataset.activePins.c1[3].postId: expected postId not already pinned`).
 * `Left` with every issue (codes `decode_error`, `duplicate_record`); never throws.
 *
 * Source: issue 4 "the boundary decodes everything"; RULINGS "trusted ports".
 *
 * @since 0.2.0
 * @category ports
 */
export const decodeDataset = (
  dataset: unknown,
): E.Either<ReadonlyArray<Issue>, InMemoryDataset> => {
  const decoded = decodeWith(InMemoryDatasetC, dataset, 'dataset', { port: null });
  const extras = decodeWith(DatasetExtrasC, dataset, 'dataset', { port: null });
  // When some records do not decode, the duplicate ids among the rest are reported too, so one
  // pass names every problem.
  if (E.isLeft(decoded))
    return E.left([
      ...decoded.left,
      ...(E.isLeft(extras) ? extras.left.filter((i) => i.path !== 'dataset') : []),
      ...rawDuplicateIds(dataset),
    ]);
  if (E.isLeft(extras)) return extras;
  // only the two records: a partial codec answers its input itself when nothing changed
  const { activePins, timingProfiles, adjustmentOutcomes } = extras.right;
  const d = {
    ...decoded.right,
    ...(activePins === undefined ? {} : { activePins }),
    ...(timingProfiles === undefined ? {} : { timingProfiles }),
    ...(adjustmentOutcomes === undefined ? {} : { adjustmentOutcomes }),
  };
  const issues = [
    ...duplicates(
      d.creators,
      (c) => c.creatorId,
      'creator id',
      (i) => `dataset.creators[${i}].creatorId`,
      (c) => c.creatorId,
    ),
    ...duplicates(
      d.captions,
      (c) => c.captionId,
      'caption id',
      (i) => `dataset.captions[${i}].captionId`,
      (c) => c.captionId,
    ),
    ...d.captions.flatMap((c, ci) =>
      c.usage.length < 2
        ? []
        : duplicates(
            c.usage,
            (u) => u.creatorId,
            'caption usage creator',
            (i) => `dataset.captions[${ci}].usage[${i}].creatorId`,
            (u) => `${c.captionId}/${u.creatorId}`,
          ),
    ),
    ...(!anyDuplicateRow(d.history)
      ? []
      : duplicates(
          d.history,
          historyKey,
          'history row',
          (i) => `dataset.history[${i}]`,
          (m) => `${m.creatorId} ${m.sendTypeKey} at ${m.sentAt}`,
        )),
  ];
  return issues.length > 0 ? E.left(issues) : E.right(d as InMemoryDataset);
};

/**
 * The dataset records whose codecs live in `timing/` (which imports the domain codecs): the
 * current pins (`ActivePinsC`) and the timing profiles (`CreatorTimingProfileC`) per creator.
 */
const DatasetExtrasC = t.partial({
  activePins: t.record(t.string, ActivePinsC),
  timingProfiles: t.record(t.string, CreatorTimingProfileC),
  adjustmentOutcomes: t.record(t.string, t.array(VolumeAdjustmentOutcomeRecordC)),
});

/** What every port of a dataset that does not decode answers. */
const invalidDataset = (issues: ReadonlyArray<Issue>) => ({
  message: `the in-memory dataset does not decode: ${issues.length} issue${issues.length === 1 ? '' : 's'}`,
  transient: false,
  decodeIssues: issues,
});

/**
 * Ports that serve an `InMemoryDataset`. Every read is a `TaskEither` that never fails (queries
 * run when the task runs); a creator with no entry gets `null` (the pipeline then applies the seed's fallback).
 *
 * Built once at construction: captions grouped by caption type (performance descending, then
 * `captionId`), each creator's usage by caption, global use counts, and each creator's history
 * sorted by `sentAt`.
 *
 * - `getCaptionCandidates` scans only the requested caption types, applies the vault filter
 *   (captions without a content type always pass), the exclusions, `minPerformance` and
 *   `minFreshness` (this creator's usage, `calculateFreshnessScore`), and keeps the best `limit`
 *   by freshness, performance (both descending) and `captionId` with a bounded selection; it
 *   stops scanning a type once no later caption can enter the selection.
 * - `getMassMessageHistory` returns the creator's messages with `from <= sentAt < to`, oldest first,
 *   found by binary search; the messages are frozen copies taken when the ports are built (the
 *   same objects in every answer), the array is new each time.
 * - `countUsableCaptions` counts, per send type of the creator's page type (all send types for an
 *   unknown creator), the captions of its caption types passing the first degradation level
 *   (freshness >= 30, performance >= 40) and the vault filter, at most `usableCountCap` (default 100) per
 *   caption type.
 * - `getTimingProfile` answers the creator's entry of `timingProfiles` (decoded), else `null`;
 *   `getActivePins` the creator's entry of `activePins`, else `[]` (003 tasks 2.8, 2.5).
 * - `getAdjustmentOutcomes` answers the creator's entry of `adjustmentOutcomes` (decoded), else
 *   `[]`; it exists only when the dataset has `adjustmentOutcomes` (004, the learning signal).
 *
 * The ports are read-only: `saveSchedule`, `saveRotationState` and `saveVolumePrediction` are
 * omitted, so a build with `save` or `trackPrediction` reports that nothing was saved. Wrap the
 * result (`{ ...inMemoryPorts(data), saveSchedule }`) to add writes.
 *
 * Source: seed 001 "MCP Tools Reference", §3.0-§3.1.
 *
 * @example
 * const ports = inMemoryPorts({ creators: [alice], history: [], captions: bank });
 *
 * @since 0.1.0
 * @category ports
 */
export const inMemoryPorts = (
  dataset: InMemoryDataset,
  options: InMemoryPortsOptions = {},
): SchedulePorts => {
  const decoded = decodeDataset(dataset);
  const checked = E.isLeft(decoded) ? decoded : checkOptions(options);
  if (E.isLeft(decoded) || E.isLeft(checked))
    return failingPorts(E.isLeft(decoded) ? decoded.left : E.isLeft(checked) ? checked.left : []);
  const d = decoded.right as InMemoryDataset;
  return trusted(servePorts(d, indexCaptions(d.captions, checked.right)));
};

/** Ports whose every read fails with `problems` (a dataset or options that do not decode). */
const failingPorts = (problems: ReadonlyArray<Issue>): SchedulePorts => {
  const fail = () => TE.left(invalidDataset(problems));
  return trusted({
    getCreatorProfile: fail,
    getPerformanceTrends: fail,
    getMassMessageHistory: fail,
    getVaultAvailability: fail,
    getBestTiming: fail,
    getPersonaProfile: fail,
    getCaptionCandidates: fail,
    countUsableCaptions: fail,
    getRotationState: fail,
    getContentTypeRankings: fail,
    getTimingProfile: fail,
    getActivePins: fail,
  });
};

/**
 * An agency dataset without its caption bank: one creator's share of it (or several
 * creators'), which `creatorPorts` serves over a `CaptionBank` built once. The fields are those
 * of `InMemoryDataset` but `captions`.
 *
 * @since 0.3.0
 * @category ports
 */
export type CreatorDataset = Omit<InMemoryDataset, 'captions'>;

/**
 * A caption bank decoded and indexed once (`captionBank`), for `creatorPorts`: the caption side
 * of `inMemoryPorts`, shared by the ports of many creators. Opaque; `size` is the number of
 * captions in the bank.
 *
 * @since 0.3.0
 * @category ports
 */
export interface CaptionBank {
  /** Always `'CaptionBank'`. */
  readonly _tag: 'CaptionBank';
  /** Captions in the bank. */
  readonly size: number;
}

const BANKS = new WeakMap<object, BankIndex>();

/**
 * Decodes and indexes an agency's caption bank once (001 §3.0 universal pool), as
 * `inMemoryPorts` does for the `captions` of its dataset, with the same options (the policy's
 * `content` section, `usableCountCap`). The bank holds every creator's usage of its captions (a
 * caption's freshness and global use count read it), so it is the whole bank, not a creator's
 * share.
 *
 * `Left` with every issue (`decode_error` at `dataset.captions[12].performanceScore`,
 * `duplicate_record` for a caption id or a creator's usage of one caption given twice,
 * `invalid_option` for `options`); never throws.
 *
 * Source: seed 001 §3.0-§3.1; issue 11 (batches that scale: the bank sent to each worker once).
 *
 * @example
 * const bank = captionBank(dataset.captions);
 * if (E.isRight(bank)) ports = creatorPorts(bank.right, { creators: [alice], history: aliceHistory });
 *
 * @since 0.3.0
 * @category ports
 */
export const captionBank = (
  captions: unknown,
  options: InMemoryPortsOptions = {},
): E.Either<ReadonlyArray<Issue>, CaptionBank> => {
  if (typeof options !== 'object' || options === null)
    return E.left([
      issue('invalid_option', { expected: 'object', received: describeValue(options) }, 'options'),
    ]);
  const decoded = decodeDataset({ creators: [], history: [], captions });
  const checked = E.isLeft(decoded) ? decoded : checkOptions(options);
  if (E.isLeft(decoded) || E.isLeft(checked))
    return E.left(E.isLeft(decoded) ? decoded.left : E.isLeft(checked) ? checked.left : []);
  const bank: CaptionBank = Object.freeze({
    _tag: 'CaptionBank',
    size: decoded.right.captions.length,
  });
  BANKS.set(bank, indexCaptions(decoded.right.captions, checked.right));
  return E.right(bank);
};

/**
 * Ports over `data` (a `CreatorDataset`: creators, their history and records, no captions) and a
 * caption bank built by `captionBank`. For every creator of `data` they answer what
 * `inMemoryPorts` answers over the whole dataset (`data`'s records plus the bank's captions): a
 * batch can keep one bank and build each creator's ports from that creator's share alone.
 *
 * `data` is decoded as `inMemoryPorts` decodes its dataset (paths like
 * `dataset.history[3].sentAt`); data that does not decode, or a `bank` that `captionBank` did
 * not build, gives ports whose every read fails with the issues (`invalid_input` at `bank`), as
 * `inMemoryPorts` does. Never throws.
 *
 * Source: seed 001 "MCP Tools Reference"; issue 11 (batches that scale).
 *
 * @example
 * const ports = creatorPorts(bank, { creators: [alice], history: aliceHistory, vaults: { alice: v } });
 *
 * @since 0.3.0
 * @category ports
 */
export const creatorPorts = (bank: CaptionBank, data: CreatorDataset): SchedulePorts => {
  const index = typeof bank === 'object' && bank !== null ? BANKS.get(bank) : undefined;
  if (index === undefined)
    return failingPorts([
      issue(
        'invalid_input',
        { expected: 'a caption bank built by captionBank', received: describeValue(bank) },
        'bank',
      ),
    ]);
  let withoutCaptions: unknown = data;
  try {
    if (typeof data === 'object' && data !== null && !Array.isArray(data))
      withoutCaptions = { ...data, captions: [] };
  } catch (e) {
    return failingPorts([
      issue(
        'invalid_input',
        { expected: 'readable object', received: describeValue(e) },
        'dataset',
      ),
    ]);
  }
  const decoded = decodeDataset(withoutCaptions);
  if (E.isLeft(decoded)) return failingPorts(decoded.left);
  return trusted(servePorts(decoded.right, index));
};

/** Marks every port function of an in-memory port set as answering decoded data. */
const trusted = (ports: SchedulePorts): SchedulePorts => {
  for (const f of Object.values(ports)) if (typeof f === 'function') markTrusted(f);
  return ports;
};

const checkOptions = (
  options: InMemoryPortsOptions,
): E.Either<
  ReadonlyArray<Issue>,
  { readonly policy: Pick<SchedulePolicy, 'content'>; readonly usableCap: number }
> => {
  const cap = options.usableCountCap ?? 100;
  const issues: Issue[] = [];
  if (!(Number.isInteger(cap) && cap >= 0))
    issues.push(
      issue(
        'invalid_option',
        { expected: 'integer >= 0', received: String(cap) },
        'options.usableCountCap',
      ),
    );
  let policy: Pick<SchedulePolicy, 'content'> = DEFAULT_POLICY;
  if (options.policy !== undefined) {
    const r = resolvePolicy({ content: options.policy.content });
    if (E.isLeft(r)) issues.push(...r.left);
    else policy = r.right;
  }
  return issues.length > 0 ? E.left(issues) : E.right({ policy, usableCap: cap });
};

/** The caption side of in-memory ports: the queries over one decoded caption bank, indexed once. */
interface BankIndex {
  readonly getCaptionCandidates: (query: CaptionQuery) => ReadonlyArray<Caption>;
  /** `creator`: the creator's profile (its page type picks the send types), `undefined` when unknown. */
  readonly countUsableCaptions: (
    creatorId: string,
    asOf: string,
    allowed: ReadonlyArray<string> | null,
    creator: CreatorProfile | undefined,
  ) => Readonly<Partial<Record<SendTypeKey, number>>>;
}

/**
 * Indexes a decoded caption bank: captions grouped by caption type (performance descending,
 * then `captionId`), each creator's usage by caption, global use counts, and each creator's last
 * uses per type list.
 */
const indexCaptions = (
  captions: ReadonlyArray<CaptionRecord>,
  {
    policy,
    usableCap,
  }: { readonly policy: Pick<SchedulePolicy, 'content'>; readonly usableCap: number },
): BankIndex => {
  const byType = new Map<CaptionType, BankCaption[]>();
  const usageByCreator = new Map<string, Map<string, CaptionUsage>>();
  const globalUses = new Map<string, number>();
  for (const given of captions) {
    const record: BankCaption = {
      captionId: given.captionId,
      text: given.text,
      captionType: given.captionType,
      contentType: given.contentType,
      performanceScore: given.performanceScore,
    };
    const list = byType.get(record.captionType);
    if (list === undefined) byType.set(record.captionType, [record]);
    else list.push(record);
    let total = 0;
    for (const u of given.usage) {
      total += u.useCount;
      let perCreator = usageByCreator.get(u.creatorId);
      if (perCreator === undefined) {
        perCreator = new Map();
        usageByCreator.set(u.creatorId, perCreator);
      }
      const previous = perCreator.get(record.captionId);
      if (previous === undefined || previous.lastUsedAt < u.lastUsedAt)
        perCreator.set(record.captionId, u);
    }
    globalUses.set(record.captionId, total);
  }

  for (const list of byType.values())
    list.sort((a, b) => b.performanceScore - a.performanceScore || cmpId(a.captionId, b.captionId));
  // Each creator's last uses as (position in its type list -> UTC day number), parsed once: the
  // freshness of a list is then 100 everywhere but at the creator's used captions (issue 11: a
  // query reads the few used positions, never a score per caption of the bank).
  const position = new Map<string, readonly [CaptionType, number]>();
  for (const [type, list] of byType)
    list.forEach((r, k) => {
      position.set(r.captionId, [type, k]);
    });
  // The first degradation level's thresholds ("usable" for `countUsableCaptions`).
  const usable = policy.content.degradationChain[0] ?? { minFreshness: 0, minPerformance: 0 };
  const lastUses = new Map<string, Map<CaptionType, Map<number, number>>>();
  // Each creator's uses of captions reaching the usable performance floor, per caption type: the
  // UTC day and the caption's content type, side by side (read without touching the records).
  const floorUses = new Map<
    string,
    Map<CaptionType, { readonly days: number[]; readonly contentTypes: Array<string | null> }>
  >();
  for (const [creatorId, perCreator] of usageByCreator) {
    const byList = new Map<CaptionType, Map<number, number>>();
    const floor = new Map<
      CaptionType,
      { readonly days: number[]; readonly contentTypes: Array<string | null> }
    >();
    for (const [captionId, u] of perCreator) {
      const at = position.get(captionId);
      if (at === undefined) continue;
      const [type, k] = at;
      let days = byList.get(type);
      if (days === undefined) {
        days = new Map();
        byList.set(type, days);
      }
      const day = utcDayOf(u.lastUsedAt);
      days.set(k, day);
      const record = byType.get(type)?.[k] as BankCaption;
      if (record.performanceScore < usable.minPerformance) continue;
      let f = floor.get(type);
      if (f === undefined) {
        f = { days: [], contentTypes: [] };
        floor.set(type, f);
      }
      f.days.push(day);
      f.contentTypes.push(record.contentType);
    }
    lastUses.set(creatorId, byList);
    floorUses.set(creatorId, floor);
  }
  const NO_USES: ReadonlyMap<number, number> = new Map();
  const usesOf = (creatorId: string, type: CaptionType): ReadonlyMap<number, number> =>
    lastUses.get(creatorId)?.get(type) ?? NO_USES;
  /** Freshness of the caption at `k` of a type's list: 100 unless the creator used it. */
  const freshnessAt = (uses: ReadonlyMap<number, number>, k: number, asOfDay: number): number => {
    const day = uses.get(k);
    return day === undefined ? 100 : freshnessAfterDays(asOfDay - day, policy);
  };
  // Per caption type, how many captions of each content type reach the first degradation level's
  // performance floor: `countUsableCaptions` counts per content type and subtracts the creator's
  // uses still too recent (kept apart above), instead of scanning the lists.
  const usableByType = new Map<CaptionType, Map<string | null, number>>();
  for (const [type, list] of byType) {
    const perContent = new Map<string | null, number>();
    for (const r of list) {
      if (r.performanceScore < usable.minPerformance) break; // sorted: the rest are lower
      perContent.set(r.contentType, (perContent.get(r.contentType) ?? 0) + 1);
    }
    usableByType.set(type, perContent);
  }
  const NO_USAGE: ReadonlyMap<string, CaptionUsage> = new Map();

  // One literal site, so every answered caption has one V8 shape; frozen, as the shared ones are.
  const captionOf = (record: BankCaption, usage: CaptionUsage | null): Caption =>
    Object.freeze({
      captionId: record.captionId,
      text: record.text,
      captionType: record.captionType,
      contentType: record.contentType,
      performanceScore: record.performanceScore,
      lastUsedAt: usage === null ? null : usage.lastUsedAt,
      useCount: usage === null ? 0 : usage.useCount,
      globalUseCount: globalUses.get(record.captionId) ?? 0,
    });
  // A caption the querying creator never used answers the same for every creator: built once and
  // shared (issue 11: no new caption object per query for the bank's unused captions).
  const unused = new Map<BankCaption, Caption>();
  const toCaption = (record: BankCaption, usage: ReadonlyMap<string, CaptionUsage>): Caption => {
    const u = usage.get(record.captionId);
    if (u !== undefined) return captionOf(record, u);
    const known = unused.get(record);
    if (known !== undefined) return known;
    const c = captionOf(record, null);
    unused.set(record, c);
    return c;
  };

  const contentFilter = (allowed: ReadonlyArray<string> | null) => {
    const set = allowed === null ? null : new Set(allowed);
    return (record: BankCaption): boolean =>
      set === null || record.contentType === null || set.has(record.contentType);
  };

  const getCaptionCandidates = (query: CaptionQuery): ReadonlyArray<Caption> => {
    if (query.limit <= 0) return [];
    const usage = usageByCreator.get(query.creatorId) ?? NO_USAGE;
    const excluded = new Set(query.excludeCaptionIds);
    const passesContent = contentFilter(query.allowedContentTypes);
    const asOfDay = utcDayOf(query.asOf);
    const top: Ranked[] = [];
    for (const type of new Set(query.captionTypes)) {
      const list = byType.get(type) ?? [];
      const uses = usesOf(query.creatorId, type);
      for (let i = 0; i < list.length; i++) {
        const record = list[i] as BankCaption;
        if (record.performanceScore < query.minPerformance) break; // sorted: the rest are lower
        const worst = top.length >= query.limit ? top[top.length - 1] : undefined;
        // Freshness is at most 100 and performance only falls from here: nothing later can enter.
        if (
          worst !== undefined &&
          worst.freshness >= 100 &&
          record.performanceScore < worst.record.performanceScore
        )
          break;
        const score = freshnessAt(uses, i, asOfDay);
        if (score < query.minFreshness || excluded.has(record.captionId) || !passesContent(record))
          continue;
        insertBounded(top, { record, freshness: score }, query.limit);
      }
    }
    return top.map((r) => toCaption(r.record, usage));
  };

  const countUsableCaptions = (
    creatorId: string,
    asOf: string,
    allowed: ReadonlyArray<string> | null,
    creator: CreatorProfile | undefined,
  ): Readonly<Partial<Record<SendTypeKey, number>>> => {
    const set = allowed === null ? null : new Set(allowed);
    const asOfDay = utcDayOf(asOf);
    const perType = new Map<CaptionType, number>();
    // min(cap, captions at or above the floors with an allowed content type): the captions of the
    // content types reaching the performance floor, less the creator's uses still too recent
    const countType = (type: CaptionType): number => {
      const cached = perType.get(type);
      if (cached !== undefined) return cached;
      let n = 0;
      for (const [contentType, count] of usableByType.get(type) ?? [])
        if (set === null || contentType === null || set.has(contentType)) n += count;
      const uses = floorUses.get(creatorId)?.get(type);
      if (uses !== undefined)
        for (let i = 0; i < uses.days.length; i++) {
          const contentType = uses.contentTypes[i] ?? null;
          if (
            (set === null || contentType === null || set.has(contentType)) &&
            freshnessAfterDays(asOfDay - (uses.days[i] as number), policy) < usable.minFreshness
          )
            n--;
        }
      const capped = Math.min(n, usableCap);
      perType.set(type, capped);
      return capped;
    };
    const specs =
      creator === undefined
        ? SEND_TYPE_KEYS.map((k) => SEND_TYPES[k])
        : sendTypesForPage(creator.pageType);
    return Object.fromEntries(
      specs.map((s) => [
        s.sendTypeKey,
        [...new Set(s.captionTypes)].reduce((sum, t) => sum + countType(t), 0),
      ]),
    );
  };

  return { getCaptionCandidates, countUsableCaptions };
};

const servePorts = (dataset: InMemoryDataset, bank: BankIndex): SchedulePorts => {
  const creators = new Map(dataset.creators.map((c) => [c.creatorId, c]));

  // Each creator's history sorted by instant, as frozen copies of the messages (issue 11: every
  // answer holds the same frozen messages, so the volume phase's history index is built once).
  const historyByCreator = new Map<
    string,
    { readonly ms: Float64Array; readonly messages: ReadonlyArray<MassMessage> }
  >();
  {
    const grouped = new Map<
      string,
      Array<{ readonly ms: number; readonly message: MassMessage }>
    >();
    for (const message of dataset.history) {
      const entry = { ms: Date.parse(message.sentAt), message };
      const list = grouped.get(message.creatorId);
      if (list === undefined) grouped.set(message.creatorId, [entry]);
      else list.push(entry);
    }
    for (const [id, list] of grouped) {
      list.sort((a, b) => a.ms - b.ms);
      historyByCreator.set(id, {
        ms: Float64Array.from(list, (e) => e.ms),
        // `Object.assign`, not a spread: frozen spread copies each get a hidden class of their
        // own in V8, which makes every later read of them slow
        messages: list.map((e) => Object.freeze(Object.assign({}, e.message))),
      });
    }
  }
  /** First index whose instant is >= `at` (`ms` sorted ascending). */
  const lowerBound = (ms: Float64Array, at: number): number => {
    let lo = 0;
    let hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((ms[mid] as number) < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const historyBetween = (
    creatorId: string,
    fromInstant: string,
    toInstant: string,
  ): ReadonlyArray<MassMessage> => {
    const sorted = historyByCreator.get(creatorId);
    const from = Date.parse(fromInstant);
    const to = Date.parse(toInstant);
    // unreadable bounds select nothing, as the comparisons they stand for
    if (sorted === undefined || Number.isNaN(from) || Number.isNaN(to)) return [];
    const lo = lowerBound(sorted.ms, from);
    return sorted.messages.slice(lo, Math.max(lo, lowerBound(sorted.ms, to)));
  };

  return {
    getCreatorProfile: (creatorId) => TE.right(creators.get(creatorId) ?? null),
    getPerformanceTrends: (creatorId) => TE.right(own(dataset.trends, creatorId)),
    getMassMessageHistory: (creatorId, fromInstant, toInstant) =>
      TE.fromIO(() => historyBetween(creatorId, fromInstant, toInstant)),
    getVaultAvailability: (creatorId) => TE.right(own(dataset.vaults, creatorId)),
    getBestTiming: (creatorId) => TE.right(own(dataset.timing, creatorId)),
    getPersonaProfile: (creatorId) => TE.right(own(dataset.personas, creatorId)),
    getCaptionCandidates: (query) => TE.fromIO(() => bank.getCaptionCandidates(query)),
    countUsableCaptions: (creatorId, asOf, allowed) =>
      TE.fromIO(() => bank.countUsableCaptions(creatorId, asOf, allowed, creators.get(creatorId))),
    getRotationState: (creatorId) => TE.right(own(dataset.rotationStates, creatorId)),
    getContentTypeRankings: (creatorId) => TE.right(own(dataset.contentRankings, creatorId)),
    // decoded by `decodeDataset`: the entries are `CreatorTimingProfile`s
    getTimingProfile: (creatorId) =>
      TE.right(own(dataset.timingProfiles, creatorId) as CreatorTimingProfile | null),
    getActivePins: (creatorId) => TE.right(own(dataset.activePins, creatorId) ?? []),
    // only a dataset with outcomes has the port (a build without it is unchanged)
    ...(dataset.adjustmentOutcomes === undefined
      ? {}
      : {
          getAdjustmentOutcomes: (creatorId: string) =>
            TE.right(own(dataset.adjustmentOutcomes, creatorId) ?? []),
        }),
  };
};

/**
 * `creatorPorts` over data the library decoded itself (a share of `decodeDataset`'s answer,
 * copied to a worker thread by structured clone): served as it is, without decoding it again.
 * Library-internal (the CLI's worker threads); any other caller uses `creatorPorts`. A `bank`
 * that `captionBank` did not build gives failing ports, as `creatorPorts` does.
 *
 * @internal
 */
export const decodedCreatorPorts = (bank: CaptionBank, data: CreatorDataset): SchedulePorts => {
  const index = BANKS.get(bank);
  return index === undefined
    ? creatorPorts(bank, data)
    : trusted(servePorts({ ...data, captions: [] }, index));
};
