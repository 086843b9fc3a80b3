import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { generateDemoAgency } from '../../src/demo';
import {
  addDaysIso,
  buildSchedule,
  CAPTION_TYPES,
  decodeWith,
  type InMemoryDataset,
  InMemoryDatasetC,
  inMemoryPorts,
  instantToLocal,
  type MassMessage,
  SEND_TYPES,
} from '../../src/index';
import { DEFAULT_LITERALS } from '../oracle/literals';

const AS_OF = '2025-01-20';
const CONTENT_BEARING = new Set([
  'ppv_offer',
  'teaser',
  'bundle_offer',
  'urgency',
  'exclusive',
  'vip_promo',
]);

const cache = new Map<number, InMemoryDataset>();
const demo = (seed: number): InMemoryDataset => {
  const hit = cache.get(seed);
  if (hit !== undefined) return hit;
  const d = generateDemoAgency(seed);
  cache.set(seed, d);
  return d;
};

/** 001 §1.2 tier table by fan count, from the oracle's literals (never from src's policy). */
const tierOf = (fans: number): string =>
  [...DEFAULT_LITERALS.volume.tiers].reverse().find((t) => fans >= t.minFans)?.tier ?? 'low';

const historyOf = (d: InMemoryDataset, creatorId: string): ReadonlyArray<MassMessage> =>
  d.history.filter((m) => m.creatorId === creatorId);

describe('generateDemoAgency', () => {
  it("historyDays sets every creator's history span (0 = none; default: the roster's own)", () => {
    const asOf = '2025-01-20';
    expect(generateDemoAgency(4, { captions: 100, historyDays: 0 }).history).toEqual([]);
    const long = generateDemoAgency(4, { captions: 100, historyDays: 365 });
    const earliest = long.history.map((m) => m.sentAt).sort()[0] as string;
    // 365 local days before 2025-01-20 start on 2024-01-21 (a leap year in between).
    expect(earliest.slice(0, 10) >= '2024-01-20').toBe(true);
    expect(earliest.slice(0, 10) <= '2024-01-22').toBe(true);
    expect(long.history.every((m) => m.sentAt < `${asOf}T12:00:00Z`)).toBe(true);
    // The default keeps the roster's spans: 90 days for most, so nothing older than 91 days.
    const plain = generateDemoAgency(4, { captions: 100 });
    expect(plain.history.every((m) => m.sentAt >= '2024-10-20')).toBe(true);
  });

  it('is a pure function of the seed and options', () => {
    expect(generateDemoAgency(7)).toEqual(generateDemoAgency(7));
    expect(generateDemoAgency(7, { captions: 900, asOf: '2025-03-03' })).toEqual(
      generateDemoAgency(7, { captions: 900, asOf: '2025-03-03' }),
    );
    expect(generateDemoAgency(8).captions).not.toEqual(generateDemoAgency(7).captions);
  });

  it('decodes with the InMemoryDataset codec', () => {
    for (const seed of [1, 42]) {
      const r = decodeWith(InMemoryDatasetC, demo(seed), 'dataset', { port: null });
      expect(E.isRight(r) ? [] : r.left.slice(0, 5).map((i) => i.message)).toEqual([]);
    }
  });

  it('has at least 12 creators over every tier, page type and content page type x sub-type', () => {
    const { creators } = demo(42);
    expect(creators.length).toBeGreaterThanOrEqual(12);
    expect(new Set(creators.map((c) => tierOf(c.fanCount)))).toEqual(
      new Set(['low', 'mid', 'high', 'ultra']),
    );
    expect(new Set(creators.map((c) => c.pageType))).toEqual(new Set(['paid', 'free']));
    const combos = new Set(creators.map((c) => `${c.contentPageType}/${c.subType}`));
    for (const p of ['nude', 'non_nude', 'porno'])
      for (const s of ['gfe', 'commercial', 'personalized']) expect(combos).toContain(`${p}/${s}`);
    expect(new Set(creators.map((c) => c.timezone)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(creators.map((c) => c.performanceTier))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(new Set(creators.map((c) => c.creatorId)).size).toBe(creators.length);
    for (const c of creators) expect(c.displayName).toMatch(/^Demo Creator \d{2}$/);
  });

  it('makes extra creators on request, inside the tiers', () => {
    const d = generateDemoAgency(3, { creators: 15, captions: 900 });
    expect(d.creators.map((c) => c.creatorId).slice(12)).toEqual([
      'creator_13',
      'creator_14',
      'creator_15',
    ]);
    expect(d.creators.slice(12).map((c) => tierOf(c.fanCount))).toEqual(
      d.creators.slice(0, 3).map((c) => tierOf(c.fanCount)),
    );
  });

  it('has a caption bank of >= 2,000 captions, >= 40 of every caption type', () => {
    const { captions } = demo(42);
    expect(captions.length).toBeGreaterThanOrEqual(2000);
    for (const t of CAPTION_TYPES)
      expect(captions.filter((c) => c.captionType === t).length).toBeGreaterThanOrEqual(40);
    expect(new Set(captions.map((c) => c.captionId)).size).toBe(captions.length);
    expect(new Set(captions.map((c) => c.text)).size).toBe(captions.length);
    for (const c of captions)
      expect(c.contentType !== null).toBe(CONTENT_BEARING.has(c.captionType));
    // Score profile of the agency bank: a dense 40-60 middle, many low, a high tail.
    const share = (lo: number, hi: number) =>
      captions.filter((c) => c.performanceScore >= lo && c.performanceScore < hi).length /
      captions.length;
    expect(share(0, 20)).toBeGreaterThan(0.08);
    expect(share(40, 60)).toBeGreaterThan(0.6);
    expect(share(80, 101)).toBeGreaterThan(0.02);
  });

  it('records caption usage that matches the history', () => {
    const d = demo(42);
    const used = d.captions.filter((c) => c.usage.length > 0);
    expect(used.length).toBeGreaterThan(100);
    const ids = new Set(d.captions.map((c) => c.captionId));
    for (const m of d.history) if (m.captionId !== null) expect(ids.has(m.captionId)).toBe(true);
    const sample = used.slice(0, 50);
    for (const c of sample)
      for (const u of c.usage) {
        const sends = d.history.filter(
          (m) => m.captionId === c.captionId && m.creatorId === u.creatorId,
        );
        expect(u.useCount).toBe(sends.length);
        expect(u.lastUsedAt).toBe(
          sends
            .map((m) => m.sentAt)
            .sort()
            .at(-1),
        );
      }
    const recent = used.filter((c) =>
      c.usage.some(
        (u) => Date.parse(u.lastUsedAt) >= Date.parse(`${addDaysIso(AS_OF, -60)}T00:00:00Z`),
      ),
    );
    expect(recent.length).toBeGreaterThan(100);
  });

  it('has 90 days of history per creator ending the day before asOf, one new creator with ~10 days', () => {
    const d = demo(42);
    const spans = d.creators.map((c) => {
      const dates = new Set(
        historyOf(d, c.creatorId).map((m) => instantToLocal(m.sentAt, c.timezone).date),
      );
      const sorted = [...dates].sort();
      return { id: c.creatorId, days: dates.size, first: sorted[0], last: sorted.at(-1) };
    });
    const full = spans.filter((s) => s.days === 90);
    const fresh = spans.filter((s) => s.days < 30);
    expect(full.length).toBe(d.creators.length - 1);
    expect(fresh.length).toBe(1);
    expect(fresh[0]?.days).toBeGreaterThanOrEqual(8);
    expect(fresh[0]?.days).toBeLessThanOrEqual(14);
    for (const s of spans) expect(s.last).toBe(addDaysIso(AS_OF, -1));
    for (const s of full) expect(s.first).toBe(addDaysIso(AS_OF, -90));
    const other = generateDemoAgency(42, { captions: 900, asOf: '2025-03-03' });
    expect(
      other.history
        .map((m) => m.sentAt)
        .sort()
        .at(-1)! < '2025-03-04',
    ).toBe(true);
  });

  it('has plausible messages: allocatable send types of the page, local hours, prices and counts', () => {
    const d = demo(42);
    const byId = new Map(d.creators.map((c) => [c.creatorId, c]));
    const ppvPrices: number[] = [];
    for (const m of d.history) {
      const c = byId.get(m.creatorId)!;
      // page types and categories from the oracle's 001 §1.4 literals
      expect(m.sendTypeKey).not.toBe(DEFAULT_LITERALS.followups.sendType);
      expect(DEFAULT_LITERALS.pageTypes.sendTypes[m.sendTypeKey]).toContain(c.pageType);
      const hour = instantToLocal(m.sentAt, c.timezone).hour;
      expect(hour < 3 || hour >= 8).toBe(true);
      expect(m.viewed).toBeLessThanOrEqual(m.sent);
      expect(m.purchased).toBeLessThanOrEqual(m.viewed);
      expect(m.price === null).toBe(DEFAULT_LITERALS.categories[m.sendTypeKey] !== 'revenue');
      expect(m.earnings).toBeCloseTo(m.purchased * (m.price ?? 0), 2);
      if (m.sendTypeKey === 'ppv_unlock' && m.price !== null) ppvPrices.push(m.price);
    }
    const share = (k: string) =>
      d.history.filter((m) => m.sendTypeKey.startsWith(k)).length / d.history.length;
    expect(share('ppv_') + share('bump_')).toBeGreaterThan(0.6);
    expect(ppvPrices.filter((p) => p >= 8 && p <= 30).length / ppvPrices.length).toBeGreaterThan(
      0.9,
    );
  });

  it('follows the real-data effects: Thu beats Sat, 11:00 beats 21:00, $15-25 beats $0-15', () => {
    const d = demo(42);
    const zones = new Map(d.creators.map((c) => [c.creatorId, c.timezone]));
    // Per creator: revenue per PPV relative to the creator's mean, averaged over creators.
    const relative = (key: (m: MassMessage) => string | null) => {
      const sums = new Map<string, number[]>();
      for (const c of d.creators) {
        const ppvs = historyOf(d, c.creatorId).filter((m) => m.sendTypeKey === 'ppv_unlock');
        const mean = ppvs.reduce((a, m) => a + m.earnings, 0) / Math.max(1, ppvs.length);
        if (ppvs.length < 100 || mean <= 0) continue;
        const groups = new Map<string, number[]>();
        for (const m of ppvs) {
          const k = key(m);
          if (k !== null) groups.set(k, [...(groups.get(k) ?? []), m.earnings / mean]);
        }
        for (const [k, xs] of groups)
          sums.set(k, [...(sums.get(k) ?? []), xs.reduce((a, b) => a + b, 0) / xs.length]);
      }
      return (k: string) => {
        const xs = sums.get(k) ?? [];
        return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
      };
    };
    const local = (m: MassMessage) => instantToLocal(m.sentAt, zones.get(m.creatorId)!);
    const weekday = relative((m) => String(local(m).weekday));
    expect(weekday('3')).toBeGreaterThan(weekday('5'));
    const hour = relative((m) => String(local(m).hour));
    expect(hour('11')).toBeGreaterThan(hour('21'));
    const price = relative((m) => (m.price! < 15 ? 'low' : m.price! < 25 ? 'best' : null));
    expect(price('best')).toBeGreaterThan(price('low'));
  });

  it('ranks the content types of all creators but one, over their vault types', () => {
    const d = demo(42);
    const rankings = d.contentRankings ?? {};
    const without = d.creators.filter((c) => rankings[c.creatorId] === undefined);
    expect(without.map((c) => c.creatorId)).toEqual(['creator_06']);
    expect(d.vaults?.creator_06).toBeDefined();
    for (const c of d.creators) {
      const rs = rankings[c.creatorId];
      if (rs === undefined) continue;
      const vault = d.vaults?.[c.creatorId];
      const types = rs.map((r) => r.contentType);
      expect(new Set(types).size).toBe(types.length);
      if (vault !== undefined)
        expect([...types].sort()).toEqual(
          Object.keys(vault.contentTypes)
            .filter((k) => (vault.contentTypes[k] ?? 0) > 0)
            .sort(),
        );
      const tiers = rs.map((r) => r.tier);
      expect(tiers).toContain('TOP');
      expect(tiers.some((t) => t === 'LOW' || t === 'AVOID')).toBe(true);
      const order = { TOP: 0, MID: 1, LOW: 2, AVOID: 3 } as const;
      for (let k = 1; k < rs.length; k++) {
        expect(order[rs[k]!.tier]).toBeGreaterThanOrEqual(order[rs[k - 1]!.tier]);
        expect(rs[k]!.score!).toBeLessThanOrEqual(rs[k - 1]!.score!);
      }
    }
    expect(Object.values(rankings).some((rs) => rs.some((r) => r.tier === 'AVOID'))).toBe(true);
  });

  it('gives media sends a content type of the creator, TOP types earning more; captions their text', () => {
    const d = demo(42);
    const texts = new Map(d.captions.map((c) => [c.captionId, c]));
    const byId = new Map(d.creators.map((c) => [c.creatorId, c]));
    let matching = 0;
    let captioned = 0;
    for (const m of d.history) {
      const spec = SEND_TYPES[m.sendTypeKey];
      expect(m.contentType != null).toBe(spec.requiresMedia);
      if (m.contentType != null) {
        const vault = d.vaults?.[m.creatorId];
        if (vault !== undefined) expect(vault.contentTypes[m.contentType] ?? 0).toBeGreaterThan(0);
        expect(byId.has(m.creatorId)).toBe(true);
      }
      if (m.captionId === null) expect(m.captionText).toBeUndefined();
      else {
        const caption = texts.get(m.captionId);
        expect(m.captionText).toBe(caption?.text);
        if (m.contentType != null && caption?.contentType != null) {
          captioned++;
          if (caption.contentType === m.contentType) matching++;
        }
      }
    }
    expect(matching / captioned).toBeGreaterThan(0.9);
    // Revenue per PPV relative to the creator's mean, by the rank of the content type.
    const rel: Record<string, number[]> = {};
    for (const c of d.creators) {
      const tiers = new Map(
        (d.contentRankings?.[c.creatorId] ?? []).map((r) => [r.contentType, r.tier]),
      );
      const ppvs = historyOf(d, c.creatorId).filter((m) => m.sendTypeKey === 'ppv_unlock');
      const mean = ppvs.reduce((a, m) => a + m.earnings, 0) / Math.max(1, ppvs.length);
      if (mean <= 0) continue;
      for (const m of ppvs) {
        const t = tiers.get(m.contentType ?? '');
        if (t !== undefined) rel[t] = [...(rel[t] ?? []), m.earnings / mean];
      }
    }
    const avg = (t: string) => (rel[t] ?? []).reduce((a, b) => a + b, 0) / (rel[t]?.length ?? 1);
    expect(avg('TOP')).toBeGreaterThan(avg('MID'));
    expect(avg('MID')).toBeGreaterThan(avg('LOW'));
    expect(avg('LOW')).toBeGreaterThan(avg('AVOID'));
  });

  it('gives trends to some creators (divergent, saturated, high opportunity), side data to most', () => {
    const d = demo(42);
    const trends = Object.values(d.trends ?? {});
    expect(trends.length).toBeGreaterThanOrEqual(3);
    expect(trends.length).toBeLessThan(d.creators.length);
    expect(
      trends.some((t) => {
        const a = t.horizons['7d'];
        const b = t.horizons['30d'];
        return a != null && b != null && Math.abs(a.saturationScore - b.saturationScore) >= 15;
      }),
    ).toBe(true);
    expect(trends.some((t) => (t.horizons['14d']?.saturationScore ?? 0) > 70)).toBe(true);
    expect(
      trends.some(
        (t) =>
          (t.horizons['14d']?.opportunityScore ?? 0) > 70 &&
          (t.horizons['14d']?.saturationScore ?? 100) < 50,
      ),
    ).toBe(true);
    const ids = d.creators.map((c) => c.creatorId);
    const missing = (r: Readonly<Record<string, unknown>> | undefined) =>
      ids.filter((id) => r?.[id] === undefined).length;
    expect(missing(d.vaults)).toBe(1);
    expect(missing(d.timing)).toBe(1);
    expect(missing(d.personas)).toBeGreaterThanOrEqual(1);
    expect(missing(d.personas)).toBeLessThan(ids.length / 2);
    for (const t of Object.values(d.timing ?? {})) {
      expect(t.avoidHours).toEqual([3, 4, 5, 6]);
      for (const h of t.peakHours) expect((h >= 11 && h <= 15) || (h >= 19 && h <= 22)).toBe(true);
    }
  });
});

describe('demo agency through buildSchedule', () => {
  for (const seed of [1, 42]) {
    it(`builds every creator's week (seed ${seed}) with a passing validation`, async () => {
      const d = demo(seed);
      const ports = inMemoryPorts(d);
      const failures: string[] = [];
      for (const c of d.creators) {
        const r = await buildSchedule({ creatorId: c.creatorId, weekStart: AS_OF, seed })(ports)();
        if (E.isLeft(r)) {
          failures.push(
            `${c.creatorId}: Left ${r.left.code}: ${r.left.issues.map((i) => `[${i.code}] ${i.message}`).join('; ')}`,
          );
          continue;
        }
        const v = r.right.validation;
        if (v.status !== 'passed' && v.status !== 'passed_with_warnings')
          failures.push(
            `${c.creatorId}: ${v.status} (${v.score}): ${[...v.errors, ...v.warnings].map((i) => `[${i.code}] ${i.message}`).join('; ')}`,
          );
      }
      expect(failures).toEqual([]);
    });
  }
});
