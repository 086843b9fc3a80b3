import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { describe, expect, it } from 'vitest';
import type { Caption, CaptionRecord, MassMessage } from '../../src/index';
import {
  CAPTION_TYPES,
  type CaptionQuery,
  type CaptionType,
  type InMemoryDataset,
  inMemoryPorts,
} from '../../src/index';
import { creator, record, vault } from '../content/fixtures';

const get = async <A>(te: TaskEither<unknown, A>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) throw new Error('port failed');
  return r.right;
};

const dataset = (
  captions: ReadonlyArray<CaptionRecord>,
  over: Partial<InMemoryDataset> = {},
): InMemoryDataset => ({
  creators: [creator],
  history: [],
  captions,
  ...over,
});

const AS_OF = '2025-01-20';

/**
 * RULINGS "Content matching" freshness with its numbers as literals: never used 100; used on
 * `asOf` or later 0; then linear over 30 whole UTC days, rounded to 2 decimals.
 */
const literalFreshness = (lastUsedAt: string | null, asOf: string): number => {
  if (lastUsedAt === null) return 100;
  const day = (iso: string) =>
    Math.floor(Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso) / 86_400_000);
  const days = day(asOf) - day(lastUsedAt);
  if (!Number.isFinite(days) || days <= 0) return 0;
  return days >= 30 ? 100 : Math.round((10_000 * days) / 30) / 100;
};

/** The reference: filter everything, sort everything. */
const naive = (bank: ReadonlyArray<CaptionRecord>, q: CaptionQuery): string[] => {
  const excluded = new Set(q.excludeCaptionIds);
  const allowed = q.allowedContentTypes === null ? null : new Set(q.allowedContentTypes);
  return bank
    .filter((r) => q.captionTypes.includes(r.captionType))
    .filter((r) => !excluded.has(r.captionId))
    .filter((r) => allowed === null || r.contentType === null || allowed.has(r.contentType))
    .map((r) => {
      const u = r.usage.find((x) => x.creatorId === q.creatorId);
      return { r, f: literalFreshness(u?.lastUsedAt ?? null, q.asOf) };
    })
    .filter(({ r, f }) => r.performanceScore >= q.minPerformance && f >= q.minFreshness)
    .sort(
      (a, b) =>
        b.f - a.f ||
        b.r.performanceScore - a.r.performanceScore ||
        (a.r.captionId < b.r.captionId ? -1 : a.r.captionId > b.r.captionId ? 1 : 0),
    )
    .slice(0, Math.max(0, q.limit))
    .map(({ r }) => r.captionId);
};

/** Deterministic synthetic bank (LCG), `n` captions. */
const syntheticBank = (n: number, seed = 7): CaptionRecord[] => {
  let s = seed;
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s;
  };
  return Array.from({ length: n }, (_, i) => {
    const usedDaysAgo = next() % 90;
    const creators = ['alice', 'bob', 'carol'].filter(() => next() % 4 === 0);
    return record({
      captionId: `cap_${String(i).padStart(6, '0')}`,
      captionType: CAPTION_TYPES[next() % CAPTION_TYPES.length] as CaptionType,
      contentType: ([null, 'solo', 'boy_girl', 'feet', 'lingerie'] as const)[next() % 5] ?? null,
      performanceScore: next() % 101,
      usage: creators.map((c) => ({
        creatorId: c,
        lastUsedAt: new Date(
          Date.UTC(2025, 0, 20) - usedDaysAgo * 86_400_000 + (next() % 86_400_000),
        ).toISOString(),
        useCount: 1 + (next() % 5),
      })),
    });
  });
};

const query = (over: Partial<CaptionQuery> = {}): CaptionQuery => ({
  creatorId: 'alice',
  sendTypeKey: 'ppv_unlock',
  captionTypes: ['ppv_offer', 'teaser'],
  allowedContentTypes: null,
  asOf: AS_OF,
  minFreshness: 30,
  minPerformance: 40,
  excludeCaptionIds: [],
  limit: 10,
  ...over,
});

describe('inMemoryPorts.getCaptionCandidates', () => {
  it('matches a naive full sort on 60,000 captions', async () => {
    const bank = syntheticBank(60_000);
    const ports = inMemoryPorts(dataset(bank));
    const queries: CaptionQuery[] = [
      query(),
      query({ minFreshness: 0, minPerformance: 0, limit: 25 }),
      query({
        captionTypes: ['flirty', 'casual'],
        allowedContentTypes: ['solo'],
        excludeCaptionIds: ['cap_000001', 'cap_000002'],
      }),
      query({
        captionTypes: [...CAPTION_TYPES],
        minFreshness: 100,
        minPerformance: 95,
        creatorId: 'bob',
      }),
      query({ creatorId: 'nobody', minPerformance: 99, limit: 3 }),
    ];
    for (const q of queries) {
      const got = await get(ports.getCaptionCandidates(q));
      expect(got.map((c) => c.captionId)).toEqual(naive(bank, q));
    }
  });

  it('matches a naive full sort on random small pools', async () => {
    const arbQuery = fc.record({
      creatorId: fc.constantFrom('alice', 'bob', 'carol'),
      captionTypes: fc.subarray([...CAPTION_TYPES], { minLength: 1, maxLength: 4 }),
      allowedContentTypes: fc.option(fc.subarray(['solo', 'boy_girl', 'feet', 'lingerie']), {
        nil: null,
      }),
      minFreshness: fc.constantFrom(0, 10, 20, 30, 100),
      minPerformance: fc.constantFrom(0, 20, 30, 40, 90),
      excluded: fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 20 }),
      limit: fc.integer({ min: 0, max: 15 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 300 }),
        fc.integer(),
        arbQuery,
        async (n, seed, a) => {
          const bank = syntheticBank(n, seed);
          const q = query({
            ...a,
            excludeCaptionIds: a.excluded.map((i) => `cap_${String(i).padStart(6, '0')}`),
          });
          const got = await get(inMemoryPorts(dataset(bank)).getCaptionCandidates(q));
          expect(got.map((c) => c.captionId)).toEqual(naive(bank, q));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("returns the creator's own usage and the global use count", async () => {
    const bank = [
      record({
        captionId: 'a',
        usage: [
          { creatorId: 'alice', lastUsedAt: '2024-11-01T10:00:00Z', useCount: 2 },
          { creatorId: 'bob', lastUsedAt: '2025-01-19T10:00:00Z', useCount: 3 },
        ],
      }),
    ];
    const ports = inMemoryPorts(dataset(bank));
    const [alice] = await get(ports.getCaptionCandidates(query()));
    expect(alice).toEqual<Caption>({
      captionId: 'a',
      text: 'caption a',
      captionType: 'ppv_offer',
      contentType: null,
      performanceScore: 60,
      // the dataset is decoded once: instants come back normalised to UTC with milliseconds
      lastUsedAt: '2024-11-01T10:00:00.000Z',
      useCount: 2,
      globalUseCount: 5,
    });
    // bob used it yesterday: freshness 3.33 < 30
    expect(await get(ports.getCaptionCandidates(query({ creatorId: 'bob' })))).toEqual([]);
  });
});

describe('inMemoryPorts reads', () => {
  const msg = (creatorId: string, sentAt: string): MassMessage => ({
    creatorId,
    sentAt,
    sendTypeKey: 'ppv_unlock',
    price: 10,
    sent: 100,
    viewed: 50,
    purchased: 5,
    earnings: 50,
    captionId: null,
  });

  it('filters the history to [from, to), oldest first', async () => {
    const history = [
      msg('alice', '2025-01-10T00:00:00Z'),
      msg('alice', '2025-01-01T00:00:00Z'),
      msg('bob', '2025-01-05T00:00:00Z'),
      msg('alice', '2025-01-05T12:00:00.000Z'),
    ];
    const ports = inMemoryPorts(dataset([], { history }));
    const got = await get(
      ports.getMassMessageHistory('alice', '2025-01-01T00:00:00Z', '2025-01-10T00:00:00Z'),
    );
    // decoded once by inMemoryPorts: instants normalised to `.000Z`
    expect(got.map((m) => m.sentAt)).toEqual([
      '2025-01-01T00:00:00.000Z',
      '2025-01-05T12:00:00.000Z',
    ]);
  });

  it('answers null for unknown creators, including prototype keys', async () => {
    const ports = inMemoryPorts(dataset([], { vaults: { alice: vault() } }));
    expect(await get(ports.getVaultAvailability('alice'))).toEqual(vault());
    for (const id of ['nobody', 'constructor', '__proto__', 'toString']) {
      expect(await get(ports.getCreatorProfile(id))).toBeNull();
      expect(await get(ports.getVaultAvailability(id))).toBeNull();
      expect(await get(ports.getPerformanceTrends(id, AS_OF))).toBeNull();
      expect(await get(ports.getBestTiming(id))).toBeNull();
      expect(await get(ports.getPersonaProfile(id))).toBeNull();
      expect(await get(ports.getRotationState(id))).toBeNull();
    }
    expect(ports.saveSchedule).toBeUndefined();
  });

  it('counts usable captions per send type of the page type', async () => {
    const bank = [
      record({ captionId: 'a', captionType: 'ppv_offer', performanceScore: 80 }),
      record({ captionId: 'b', captionType: 'teaser', performanceScore: 40 }),
      record({ captionId: 'c', captionType: 'teaser', performanceScore: 39 }),
      record({ captionId: 'd', captionType: 'ppv_offer', contentType: 'boy_girl' }),
      record({
        captionId: 'e',
        captionType: 'ppv_offer',
        usage: [{ creatorId: 'alice', lastUsedAt: '2025-01-18T00:00:00Z', useCount: 1 }],
      }),
    ];
    const ports = inMemoryPorts(dataset(bank), { usableCountCap: 1000 });
    const counts = await get(
      ports.countUsableCaptions?.('alice', AS_OF, ['solo']) ?? (() => Promise.reject()),
    );
    expect(counts.ppv_unlock).toBe(2); // a, b (c too weak, d filtered by vault, e stale)
    expect(counts.ppv_wall).toBeUndefined(); // free-page type, creator is paid
    expect(counts.ppv_followup).toBe(0);
    const capped = inMemoryPorts(dataset(syntheticBank(5000)), { usableCountCap: 7 });
    const cappedCounts = await get(
      capped.countUsableCaptions?.('alice', AS_OF, null) ?? (() => Promise.reject()),
    );
    expect(cappedCounts.ppv_unlock).toBe(14);
  });

  // Issue 11 (regression of the counted form): the port counts per content type and subtracts the
  // creator's recent uses instead of scanning; this is the scan, with the seed's 30/40 floors as
  // literals, over random banks (tiny and empty ones, vault filters, caps of 0, unknown creators).
  it('counts what a scan of each caption type counts, capped per caption type', async () => {
    const typesOf = {
      ppv_unlock: ['ppv_offer', 'teaser'],
      ppv_followup: ['ppv_followup', 'close_sale'],
    } as const;
    const scan = (
      bank: ReadonlyArray<CaptionRecord>,
      creatorId: string,
      allowed: ReadonlyArray<string> | null,
      cap: number,
      types: ReadonlyArray<string>,
    ): number =>
      types.reduce((sum, type) => {
        const n = bank.filter((r) => {
          const u = r.usage.find((x) => x.creatorId === creatorId);
          return (
            r.captionType === type &&
            r.performanceScore >= 40 &&
            literalFreshness(u?.lastUsedAt ?? null, AS_OF) >= 30 &&
            (allowed === null || r.contentType === null || allowed.includes(r.contentType))
          );
        }).length;
        return sum + Math.min(n, cap);
      }, 0);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 400 }),
        fc.integer(),
        fc.constantFrom('alice', 'bob', 'carol', 'nobody'),
        fc.option(fc.subarray(['solo', 'boy_girl', 'feet', 'lingerie']), { nil: null }),
        fc.integer({ min: 0, max: 40 }),
        async (n, seed, creatorId, allowed, cap) => {
          const bank = syntheticBank(n, seed);
          const ports = inMemoryPorts(dataset(bank), { usableCountCap: cap });
          const counts = await get(
            ports.countUsableCaptions?.(creatorId, AS_OF, allowed) ?? (() => Promise.reject()),
          );
          for (const [key, types] of Object.entries(typesOf))
            expect(counts[key as keyof typeof typesOf]).toBe(
              scan(bank, creatorId, allowed, cap, types),
            );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('answers the same caption for two creators that never used it, and frozen', async () => {
    const bank = syntheticBank(200, 3);
    const ports = inMemoryPorts(dataset(bank));
    const q = query({ minFreshness: 0, minPerformance: 0, limit: 200 });
    const alice = await get(ports.getCaptionCandidates(q));
    const nobody = await get(ports.getCaptionCandidates({ ...q, creatorId: 'nobody' }));
    const unusedByAlice = alice.filter((c) => c.lastUsedAt === null);
    expect(unusedByAlice.length).toBeGreaterThan(0);
    for (const c of unusedByAlice) {
      expect(Object.isFrozen(c)).toBe(true);
      expect(nobody.find((x) => x.captionId === c.captionId)).toBe(c);
    }
  });
});
