import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { describe, expect, it } from 'vitest';
import type { Caption, CaptionRecord, ContentAssignment } from '../../src/index';
import {
  CAPTION_TYPES,
  type CaptionQuery,
  type CaptionType,
  inMemoryPorts,
  matchContent,
  type SchedulePorts,
  SEND_TYPES,
  type SendTypeKey,
} from '../../src/index';
import { newTrace } from '../../src/ports/trace';
import { allocationOf, creator, ctx, loaded, record, vault, volume } from './fixtures';

const run = async (
  ports: SchedulePorts,
  days: ReadonlyArray<ReadonlyArray<SendTypeKey>>,
  over: { loaded?: Parameters<typeof loaded>[0]; volume?: Parameters<typeof volume>[0] } = {},
): Promise<ContentAssignment> => {
  const result = await matchContent(
    ctx,
    loaded(over.loaded),
    allocationOf(days),
    volume(over.volume),
    newTrace(undefined),
  )(ports)();
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

const portsOf = (captions: ReadonlyArray<CaptionRecord>) =>
  inMemoryPorts({ creators: [creator], history: [], captions });

const toCaption = (r: CaptionRecord): Caption => ({
  captionId: r.captionId,
  text: r.text,
  captionType: r.captionType,
  contentType: r.contentType,
  performanceScore: r.performanceScore,
  lastUsedAt: null,
  useCount: 0,
  globalUseCount: 0,
});

/** Ports whose caption query answers through `answer`, and that record each query. */
const stubPorts = (answer: (q: CaptionQuery) => ReadonlyArray<Caption>) => {
  const queries: CaptionQuery[] = [];
  const ports: SchedulePorts = {
    ...portsOf([]),
    getCaptionCandidates: (q) => {
      queries.push(q);
      return TE.right(answer(q));
    },
  };
  return { ports, queries };
};

/** Wraps ports so that each caption query is recorded. */
const spyPorts = (inner: SchedulePorts) => {
  const queries: CaptionQuery[] = [];
  const ports: SchedulePorts = {
    ...inner,
    getCaptionCandidates: (q) => {
      queries.push(q);
      return inner.getCaptionCandidates(q);
    },
  };
  return { ports, queries };
};

const codes = (a: ContentAssignment) => a.issues.map((i) => i.code);

describe('matchContent', () => {
  it('picks the best caption per slot and never reuses one', async () => {
    const bank = [
      record({ captionId: 'p1', performanceScore: 90 }),
      record({ captionId: 'p2', performanceScore: 80 }),
      record({ captionId: 't1', captionType: 'teaser', performanceScore: 95 }),
    ];
    const { ports, queries } = spyPorts(portsOf(bank));
    const a = await run(ports, [['ppv_unlock', 'ppv_unlock', 'ppv_unlock']]);
    // enough captions at the first level: one batched query per caption type of the slots
    // (ppv_unlock's ppv_offer and teaser); only the follow-up types, which have no caption in
    // this bank, walk further down the chain
    expect(
      queries
        .filter((q) => ['ppv_offer', 'teaser'].includes(q.captionTypes[0] as string))
        .map((q) => [q.sendTypeKey, q.captionTypes, q.minFreshness]),
    ).toEqual([
      [null, ['ppv_offer'], 30],
      [null, ['teaser'], 30],
    ]);
    expect(new Set(queries.map((q) => q.captionTypes.join()))).toEqual(
      new Set(['ppv_offer', 'teaser', 'ppv_followup', 'close_sale']),
    );
    // t1 (secondary type, 95) = 40 + 33.25 + 10.5 + 5 + 2.5 = 91.25 beats p2 = 40 + 28 + 15 + 5 + 2.5 = 90.5
    expect(a.slots.map((s) => s.captionId)).toEqual(['p1', 't1', 'p2']);
    expect(a.usedCaptionIds).toEqual(['p1', 't1', 'p2']);
    expect(a.slots[0]?.scores?.compositeScore).toBeCloseTo(40 + 31.5 + 15 + 5 + 2.5, 5);
    expect(a.slots.every((s) => !s.needsCaption && s.mediaType === 'video')).toBe(true);
  });

  it('walks the degradation chain and reports the level used', async () => {
    const c = {
      ...toCaption(record({ captionId: 'low', performanceScore: 25 })),
      lastUsedAt: '2025-01-17T10:00:00Z',
    };
    const { ports, queries } = stubPorts((q) => (q.minFreshness <= 10 ? [c] : []));
    const a = await run(ports, [['ppv_unlock']]);
    expect(a.slots[0]?.captionId).toBe('low');
    // Batched reads: one query per caption type and level (`sendTypeKey: null`), walking the
    // levels of ppv_unlock's caption types (ppv_offer, teaser) until one answers.
    const ppvTypes = ['ppv_offer', 'teaser'];
    expect(
      queries
        .filter((q) => ppvTypes.includes(q.captionTypes[0] as string))
        .map((q) => [q.captionTypes, q.minFreshness, q.minPerformance]),
    ).toEqual([
      [['ppv_offer'], 30, 40],
      [['teaser'], 30, 40],
      [['ppv_offer'], 20, 30],
      [['teaser'], 20, 30],
      [['ppv_offer'], 10, 20],
      [['teaser'], 10, 20],
    ]);
    expect(queries.every((q) => q.sendTypeKey === null && q.captionTypes.length === 1)).toBe(true);
    const keys = queries.map((q) => `${q.captionTypes.join()}|${q.minFreshness}`);
    expect(new Set(keys).size).toBe(keys.length);
    const lowered = a.issues.find((i) => i.code === 'caption_threshold_lowered');
    expect(lowered?.details).toMatchObject({ slotId: '2025-01-20_1', level: 2 });
    expect(lowered?.severity).toBe('warning');
    expect(a.slots[0]?.scores?.freshnessScore).toBe(10);
    expect(codes(a)).toContain('low_freshness');
  });

  it('does not report a lowered threshold when the first level suffices', async () => {
    const a = await run(portsOf([record({ captionId: 'p1' })]), [['ppv_unlock']]);
    expect(codes(a)).not.toContain('caption_threshold_lowered');
  });

  it('falls back to a generic caption of any type (001 §3.5 strategy 2)', async () => {
    const c = toCaption(record({ captionId: 'g', captionType: 'renewal' }));
    const { ports, queries } = stubPorts((q) =>
      q.captionTypes.length === CAPTION_TYPES.length ? [c] : [],
    );
    const a = await run(ports, [['ppv_unlock']]);
    // the generic query is read once, after every level of ppv_offer and teaser found nothing
    const genericAt = queries.findIndex((q) => q.captionTypes.length === CAPTION_TYPES.length);
    expect(queries.filter((q) => q.captionTypes.length === CAPTION_TYPES.length)).toHaveLength(1);
    expect(queries[genericAt]).toMatchObject({
      sendTypeKey: null,
      minFreshness: 0,
      minPerformance: 0,
    });
    const before = queries
      .slice(0, genericAt)
      .filter((q) => ['ppv_offer', 'teaser'].includes(q.captionTypes[0] as string));
    expect(
      before.map((q) => `${q.captionTypes[0]} ${q.minFreshness}/${q.minPerformance}`).sort(),
    ).toEqual([
      'ppv_offer 0/0',
      'ppv_offer 10/20',
      'ppv_offer 20/30',
      'ppv_offer 30/40',
      'teaser 0/0',
      'teaser 10/20',
      'teaser 20/30',
      'teaser 30/40',
    ]);
    expect(a.slots[0]?.captionId).toBe('g');
    expect(a.slots[0]?.scores?.typePriorityScore).toBe(ctx.policy.content.genericTypePriorityScore);
    expect(codes(a)).toContain('generic_caption_used');
  });

  it('flags MANUAL_REQUIRED when no caption exists, and still produces the slot', async () => {
    const { ports } = stubPorts(() => []);
    const a = await run(ports, [['ppv_unlock', 'bump_normal']]);
    expect(a.slots).toHaveLength(2);
    for (const s of a.slots) {
      expect(s).toMatchObject({
        needsCaption: true,
        captionId: null,
        captionText: 'MANUAL_REQUIRED',
        scores: null,
      });
    }
    expect(a.usedCaptionIds).toEqual([]);
    expect(codes(a).filter((c) => c === 'manual_caption_required')).toHaveLength(2);
  });

  it('applies the vault as a hard filter on content types', async () => {
    const bank = [
      record({ captionId: 'bg', contentType: 'boy_girl', performanceScore: 99 }),
      record({ captionId: 'x', contentType: 'anal', performanceScore: 98 }),
      record({ captionId: 'solo', contentType: 'solo', performanceScore: 50 }),
      record({ captionId: 'text', contentType: null, performanceScore: 45 }),
    ];
    const { ports, queries } = spyPorts(portsOf(bank));
    const a = await run(ports, [['ppv_unlock', 'ppv_unlock', 'ppv_unlock']], {
      loaded: { vault: vault() },
    });
    expect(queries[0]?.allowedContentTypes).toEqual(['solo']);
    expect(a.slots.map((s) => s.captionId)).toEqual(['solo', 'text', null]);
    expect(a.slots[0]?.contentTypeId).toBe('solo');
  });

  it('drops captions a port returns in spite of exclusions or the vault filter', async () => {
    const bad = [
      toCaption(record({ captionId: 'v', contentType: 'boy_girl' })),
      toCaption(record({ captionId: 'ok', contentType: 'solo', performanceScore: 50 })),
    ];
    const { ports } = stubPorts(() => bad);
    const a = await run(ports, [['ppv_unlock', 'ppv_unlock']], { loaded: { vault: vault() } });
    expect(a.slots.map((s) => s.captionId)).toEqual(['ok', null]);
  });

  it('assigns media content types from the volume content allocations', async () => {
    const bank = [
      record({ captionId: 'p1', performanceScore: 90 }),
      record({ captionId: 'p2', performanceScore: 80 }),
      record({ captionId: 'p3', performanceScore: 70 }),
      record({ captionId: 'f1', captionType: 'flirty', performanceScore: 70 }),
    ];
    const a = await run(
      portsOf(bank),
      [['ppv_unlock', 'ppv_unlock', 'ppv_unlock', 'bump_text_only']],
      {
        loaded: { vault: vault({ contentTypes: { solo: 3, lingerie: 4, feet: 0 } }) },
        volume: { contentAllocations: { solo: 2, lingerie: 1, feet: 5 } },
      },
    );
    expect(a.slots.map((s) => s.contentTypeId)).toEqual(['solo', 'lingerie', 'solo', null]);
  });

  it('falls back to the vault and to null for media content types', async () => {
    const bank = [record({ captionId: 'p1' })];
    const withVault = await run(portsOf(bank), [['ppv_unlock']], {
      loaded: { vault: vault({ contentTypes: { solo: 3, lingerie: 4 } }) },
    });
    expect(withVault.slots[0]?.contentTypeId).toBe('lingerie');
    const noVault = await run(portsOf(bank), [['ppv_unlock']]);
    expect(noVault.slots[0]?.contentTypeId).toBeNull();
  });

  it('reports missing vault media and flyers', async () => {
    const bank = [record({ captionId: 'b1', captionType: 'bundle_offer' })];
    const a = await run(portsOf(bank), [['bundle']], {
      loaded: { vault: vault({ media: { video: 0, picture: 3, gif: 1 }, flyers: 0 }) },
    });
    const missing = a.issues
      .filter((i) => i.code === 'media_missing')
      .map((i) => i.details.missing);
    expect(missing).toEqual(['video', 'flyer']);
    expect(a.slots[0]).toMatchObject({
      flyerRequired: true,
      mediaType: 'video',
      contentTypeId: null,
    });
  });

  // Issue 6 "the same shortage is reported once": the volume's caption-pool shortages are
  // reported by validation check 8 (caption_pool_low / caption_pool_critical, see
  // test/validation/checks.test.ts), no longer a second time by phase 3.
  it('does not report the volume caption shortages a second time', async () => {
    const a = await run(portsOf([]), [], {
      volume: {
        captionWarnings: ['Low captions for ppv_followup: <3 usable'],
        captionShortages: [{ sendTypeKey: 'ppv_followup', usable: 1 }],
      },
    });
    expect(a.issues).toEqual([]);
    expect(a.slots).toEqual([]);
  });

  it('uses the degraded weights on a stale pool and reports it once', async () => {
    const used = (d: string) => [{ creatorId: 'alice', lastUsedAt: `${d}T12:00:00Z`, useCount: 1 }];
    const bank = [
      record({ captionId: 'fresh', performanceScore: 40, usage: used('2025-01-06') }), // freshness 46.67
      record({ captionId: 'strong', performanceScore: 50, usage: used('2025-01-11') }), // freshness 30
    ];
    // standard weights: fresh 54.92 > strong 51.75; degraded weights: strong 58 > fresh 56.33
    const a = await run(portsOf(bank), [['ppv_unlock', 'ppv_unlock']]);
    expect(a.slots.map((s) => s.captionId)).toEqual(['strong', 'fresh']);
    expect(a.slots[0]?.scores?.compositeScore).toBe(58); // 6 + 25 + 15 + 9.5 (one global use) + 2.5
    expect(codes(a).filter((c) => c === 'caption_freshness_low')).toHaveLength(1);
    expect(a.issues.find((i) => i.code === 'caption_freshness_low')?.severity).toBe('info');
    expect(codes(a)).not.toContain('low_freshness');
  });

  it('returns PORT_FAILURE when the caption port fails', async () => {
    const ports: SchedulePorts = {
      ...portsOf([]),
      getCaptionCandidates: () => TE.left({ port: 'getCaptionCandidates', message: 'timeout' }),
    };
    const result = await matchContent(
      ctx,
      loaded(),
      allocationOf([['ppv_unlock']]),
      volume(),
      newTrace(undefined),
    )(ports)();
    expect(E.isLeft(result) && result.left.code).toBe('PORT_FAILURE');
  });

  it('is deterministic', async () => {
    const bank = Array.from({ length: 40 }, (_, i) =>
      record({
        captionId: `c${i}`,
        captionType: CAPTION_TYPES[i % 6] as CaptionType,
        performanceScore: (i * 37) % 100,
        contentType: i % 3 === 0 ? null : 'solo',
      }),
    );
    const days: SendTypeKey[][] = [
      ['ppv_unlock', 'bump_normal', 'tip_goal', 'bundle'],
      ['game_post', 'vip_program'],
    ];
    const a = await run(portsOf(bank), days, { loaded: { vault: vault() } });
    const b = await run(portsOf(bank), days, { loaded: { vault: vault() } });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

const ALLOCATABLE = (Object.keys(SEND_TYPES) as SendTypeKey[]).filter(
  (k) => SEND_TYPES[k].generatedBy === 'allocation',
);
const FEW_TYPES: CaptionType[] = [
  'ppv_offer',
  'teaser',
  'flirty',
  'casual',
  'renewal',
  'bundle_offer',
];

const arbRecord = fc.record({
  captionType: fc.constantFrom(...FEW_TYPES),
  contentType: fc.constantFrom(null, 'solo', 'boy_girl'),
  performanceScore: fc.integer({ min: 0, max: 100 }),
  daysAgo: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
});

/**
 * Caption records `c0`, `c1`, ... of `recs`; a record with `daysAgo` was last used by alice that
 * many days before 2025-01-20 at `hour` UTC.
 */
type Rec = typeof arbRecord extends fc.Arbitrary<infer R> ? R : never;
const bankOf = (recs: ReadonlyArray<Rec>, hour = 0) =>
  recs.map((r, i) =>
    record({
      captionId: `c${i}`,
      captionType: r.captionType,
      contentType: r.contentType,
      performanceScore: r.performanceScore,
      usage:
        r.daysAgo === null
          ? []
          : [
              {
                creatorId: 'alice',
                lastUsedAt: new Date(
                  Date.UTC(2025, 0, 20, hour) - r.daysAgo * 86_400_000,
                ).toISOString(),
                useCount: 1,
              },
            ],
    }),
  );

describe('matchContent invariants', () => {
  it('never assigns a caption twice and respects the vault filter (random pools)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbRecord, { maxLength: 25 }),
        fc.array(fc.array(fc.constantFrom(...ALLOCATABLE), { maxLength: 6 }), {
          minLength: 1,
          maxLength: 7,
        }),
        fc.boolean(),
        async (recs, days, withVault) => {
          const bank = bankOf(recs);
          const a = await run(portsOf(bank), days, withVault ? { loaded: { vault: vault() } } : {});
          const ids = a.slots.flatMap((s) => (s.captionId === null ? [] : [s.captionId]));
          expect(new Set(ids).size).toBe(ids.length);
          expect(a.usedCaptionIds).toEqual(ids);
          expect(a.slots).toHaveLength(days.flat().length);
          for (const s of a.slots) {
            expect(s.needsCaption).toBe(s.captionId === null);
            if (s.needsCaption) expect(s.captionText).toBe('MANUAL_REQUIRED');
          }
          if (withVault) {
            const byId = new Map(bank.map((r) => [r.captionId, r]));
            for (const id of ids) expect(byId.get(id)?.contentType).not.toBe('boy_girl');
          }
          // every caption of the pool that passes the vault filter is used before a slot goes manual
          const eligible = bank.filter((r) => !withVault || r.contentType !== 'boy_girl').length;
          if (a.slots.some((s) => s.needsCaption))
            expect(ids.length).toBe(Math.min(eligible, a.slots.length));
        },
      ),
      { numRuns: 200 },
    );
  });

  /**
   * RULINGS "Content matching" freshness, with its numbers as literals: a caption this creator
   * never used scores 100; after a use it recovers linearly from 0 (used on the first day of the
   * week or later) to 100 at 30 days, rounded to 2 decimals.
   */
  const literalFreshness = (daysAgo: number | null): number =>
    daysAgo === null
      ? 100
      : daysAgo <= 0
        ? 0
        : daysAgo >= 30
          ? 100
          : Math.round((100 * daysAgo * 100) / 30) / 100;

  it('scores each chosen caption with the linear 30-day freshness (random pools)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbRecord, { minLength: 1, maxLength: 20 }),
        fc.array(fc.array(fc.constantFrom(...ALLOCATABLE), { maxLength: 5 }), {
          minLength: 1,
          maxLength: 7,
        }),
        async (recs, days) => {
          const bank = bankOf(recs, 10);
          const daysAgoOf = new Map(recs.map((r, i) => [`c${i}`, r.daysAgo]));
          const a = await run(portsOf(bank), days);
          for (const slot of a.slots) {
            if (slot.captionId === null || slot.scores === null) continue;
            const daysAgo = daysAgoOf.get(slot.captionId);
            if (daysAgo === undefined) continue; // a generic caption of another creator's pool
            expect(
              slot.scores.freshnessScore,
              `${slot.captionId} used ${daysAgo} days ago`,
            ).toBeCloseTo(literalFreshness(daysAgo), 6);
          }
        },
      ),
      { numRuns: 150, seed: 3030 },
    );
  });
});

describe('matchContent by PPV style (issue 7 deliverable 3)', () => {
  const styled = (styles: ReadonlyArray<'solo' | 'bundle' | 'winner' | 'sextape'>) => {
    const a = allocationOf([styles.map(() => 'ppv_unlock' as SendTypeKey)]);
    const day = a.days[0];
    if (day === undefined) throw new Error('one day');
    return {
      ...a,
      days: [{ ...day, slots: day.slots.map((s, i) => ({ ...s, ppvStyle: styles[i] ?? null })) }],
    };
  };
  const runStyled = async (
    bank: ReadonlyArray<CaptionRecord>,
    styles: ReadonlyArray<'solo' | 'bundle' | 'winner' | 'sextape'>,
  ) => {
    const r = await matchContent(
      ctx,
      loaded(),
      styled(styles),
      volume(),
      newTrace(undefined),
    )(portsOf(bank))();
    if (E.isLeft(r)) throw new Error(r.left.message);
    return r.right;
  };

  it('a bundle PPV reads bundle_offer captions too, and the 004 bundle structure lifts one to the primary type score', async () => {
    const bank = [
      // a teaser (secondary, 70) beats an unfitting bundle_offer (generic, 40), not a fitting
      // one (scored as primary, 100): 0.35 x 75 + 0.15 x 70 < 0.35 x 70 + 0.15 x 100
      record({ captionId: 'plain', captionType: 'teaser', performanceScore: 75 }),
      record({
        captionId: 'bundle',
        captionType: 'bundle_offer',
        text: '3 videos + 10 pics, worth $80, half price tonight only.',
        performanceScore: 70,
      }),
    ];
    const r = await runStyled(bank, ['bundle']);
    expect(r.slots.map((s) => s.captionId)).toEqual(['bundle']);
    // a solo PPV does not read bundle_offer captions
    const solo = await runStyled(bank, ['solo']);
    expect(solo.slots.map((s) => s.captionId)).toEqual(['plain']);
  });

  it('a solo PPV takes solo content and a sextape PPV b/g content from one pool', async () => {
    const bank = [
      record({ captionId: 'bg', contentType: 'boy_girl', performanceScore: 95 }),
      record({ captionId: 'solo', contentType: 'solo', performanceScore: 55 }),
    ];
    const r = await runStyled(bank, ['solo', 'sextape']);
    expect(r.slots.map((s) => [s.captionId, s.contentTypeId])).toEqual([
      ['solo', 'solo'],
      ['bg', 'boy_girl'],
    ]);
  });
});
