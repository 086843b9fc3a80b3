/**
 * Issue 6 totality: `inMemoryPorts` decodes its dataset once. Random corruptions of a valid
 * agency dataset - duplicate creator or caption ids, a duplicated history row (the same instant
 * written another way included), unparseable instants, unknown caption types, junk in any field,
 * junk instead of the whole dataset - are `decodeDataset` issues naming their paths (both paths
 * for a duplicate: the issue's `path` and `details.firstPath`), and a build over
 * `inMemoryPorts(corrupted)` is a `Left` `DECODE_FAILED` with the same paths, never a throw.
 *
 * One fixed-seed run per property; fast-check prints `{ seed, path }` on failure.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  CAPTION_TYPES,
  decodeDataset,
  type InMemoryDataset,
  type Issue,
  inMemoryPorts,
  type SchedulePorts,
} from '../../src/index';
import { captionBank, datasetFixture } from '../pipeline/fixtures';
import { fuzzRuns, inspectable, junk, revokedProxy } from '../support/junk';
import { newCreator, richCreator, runBuild, WEEK } from '../support/trustData';

type Row = Record<string, unknown>;
interface Data {
  creators: Row[];
  history: Row[];
  captions: Row[];
  [key: string]: unknown;
}

/** Two creators, 66 captions (some used by the first creator), 24 history rows. */
const BASE: Data = (() => {
  const d = datasetFixture(richCreator, WEEK);
  const captions = captionBank(3).map((c, i) =>
    i % 5 === 0
      ? {
          ...c,
          usage: [
            {
              creatorId: richCreator.creatorId,
              lastUsedAt: `2025-01-${String(1 + (i % 17)).padStart(2, '0')}T20:00:00Z`,
              useCount: 1 + (i % 3),
            },
          ],
        }
      : c,
  );
  return JSON.parse(
    JSON.stringify({
      ...d,
      creators: [richCreator, newCreator()],
      captions,
      history: d.history.slice(-24),
    }),
  ) as Data;
})();

const fresh = (): Data => structuredClone(BASE);

/** A corruption and the issue it must produce. */
interface Planted {
  readonly apply: (d: Data) => void;
  readonly code: 'duplicate_record' | 'decode_error';
  /** Path of the issue, given the dataset after every corruption (indexes may shift). */
  readonly path: string;
  readonly firstPath?: string;
  readonly label: string;
}

const insertAt = <A>(xs: A[], at: number, x: A): void => {
  xs.splice(at, 0, x);
};

/** A copy of `collection[k]` inserted at `at`: the later of the two is the duplicate. */
const duplicate = (
  collection: 'creators' | 'captions' | 'history',
  field: string | null,
  change: (row: Row) => Row,
) =>
  fc.tuple(fc.nat(), fc.nat()).map(([k0, at0]): Planted => {
    const n = BASE[collection].length;
    const k = k0 % n;
    const at = at0 % (n + 1);
    // After the insert, the original sits at k (or k + 1 when inserted before it).
    const original = at <= k ? k + 1 : k;
    const [first, second] = original < at ? [original, at] : [at, original];
    const suffix = field === null ? '' : `.${field}`;
    return {
      label: `duplicate ${collection}[${k}] inserted at ${at}`,
      apply: (d) => insertAt(d[collection], at, change(structuredClone(d[collection][k] as Row))),
      code: 'duplicate_record',
      path: `dataset.${collection}[${second}]${suffix}`,
      firstPath: `dataset.${collection}[${first}]${suffix}`,
    };
  });

/** The same instant written another way: without milliseconds, or at a -04:00 offset. */
const sameInstant = (iso: string, variant: number): string => {
  const ms = Date.parse(iso);
  if (variant === 0) return new Date(ms).toISOString().replace('.000Z', 'Z');
  const local = new Date(ms - 4 * 3_600_000).toISOString().replace('.000Z', '');
  return `${local}-04:00`;
};

const BAD_INSTANTS = [
  'yesterday',
  '',
  '2025-13-01T00:00:00Z',
  '2025-01-20',
  '2025-01-20T20:00:00',
  '2025-01-20T25:00:00Z',
  '20/01/2025 20:00',
];

const at = <A>(xs: ReadonlyArray<A>, k: number): number => k % xs.length;

const planted: fc.Arbitrary<Planted> = fc.oneof(
  duplicate('creators', 'creatorId', (r) => ({ ...r, fanCount: 5 })),
  duplicate('captions', 'captionId', (r) => ({ ...r, text: 'another text, same id' })),
  duplicate('history', null, (r) => r),
  duplicate('history', null, (r) => Object.fromEntries(Object.entries(r).reverse())),
  fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 1 })).map(([k0, at0, v]): Planted => {
    // A history row whose instant is written differently is still the same row.
    const k = at(BASE.history, k0);
    const pos = at0 % (BASE.history.length + 1);
    const original = pos <= k ? k + 1 : k;
    const [first, second] = original < pos ? [original, pos] : [pos, original];
    return {
      label: `history[${k}] again at ${pos}, instant variant ${v}`,
      apply: (d) => {
        const row = structuredClone(d.history[k] as Row);
        insertAt(d.history, pos, { ...row, sentAt: sameInstant(row.sentAt as string, v) });
      },
      code: 'duplicate_record',
      path: `dataset.history[${second}]`,
      firstPath: `dataset.history[${first}]`,
    };
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...BAD_INSTANTS)).map(([k0, bad]): Planted => {
    const k = at(BASE.history, k0);
    return {
      label: `history[${k}].sentAt = ${JSON.stringify(bad)}`,
      apply: (d) => {
        (d.history[k] as Row).sentAt = bad;
      },
      code: 'decode_error',
      path: `dataset.history[${k}].sentAt`,
    };
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...BAD_INSTANTS)).map(([k0, bad]): Planted => {
    const used = BASE.captions.flatMap((c, i) => ((c.usage as Row[]).length > 0 ? [i] : []));
    const k = used[k0 % used.length] as number;
    return {
      label: `captions[${k}].usage[0].lastUsedAt = ${JSON.stringify(bad)}`,
      apply: (d) => {
        ((d.captions[k] as Row).usage as Row[])[0] = {
          ...((d.captions[k] as Row).usage as Row[])[0],
          lastUsedAt: bad,
        };
      },
      code: 'decode_error',
      path: `dataset.captions[${k}].usage[0].lastUsedAt`,
    };
  }),
  fc
    .tuple(
      fc.nat(),
      fc.oneof(fc.constantFrom('nope', '', 'PPV_OFFER', 'ppv offer'), fc.string({ maxLength: 10 })),
    )
    .filter(([, t]) => !(CAPTION_TYPES as ReadonlyArray<string>).includes(t))
    .map(([k0, type]): Planted => {
      const k = at(BASE.captions, k0);
      return {
        label: `captions[${k}].captionType = ${JSON.stringify(type)}`,
        apply: (d) => {
          (d.captions[k] as Row).captionType = type;
        },
        code: 'decode_error',
        path: `dataset.captions[${k}].captionType`,
      };
    }),
  // Junk that no codec of the field accepts.
  fc
    .tuple(
      fc.constantFrom(
        ['creators', 'fanCount', [-1, 1.5, Number.NaN, 'many', null]],
        ['creators', 'timezone', ['Mars/Olympus', '', 5, 'EST5EDT!']],
        ['creators', 'pageType', ['vip', '', null, 1]],
        ['creators', 'performanceTier', [0, 6, 2.5, '1']],
        ['history', 'sendTypeKey', ['ppv_unlok', '', 7, null]],
        ['history', 'sent', [-5, 1.5, Number.POSITIVE_INFINITY, '100']],
        ['history', 'earnings', [-0.01, Number.NaN, '12']],
        ['captions', 'performanceScore', [101, -1, Number.NaN, '90']],
        ['captions', 'usage', ['none', null, 5, {}]],
        ['captions', 'text', ['', '   ', 5, null]],
      ) as fc.Arbitrary<readonly ['creators' | 'history' | 'captions', string, unknown[]]>,
      fc.nat(),
      fc.nat(),
    )
    .map(([[collection, field, values], k0, v0]): Planted => {
      const k = at(BASE[collection], k0);
      const value = values[v0 % values.length];
      return {
        label: `${collection}[${k}].${field} = ${String(value)}`,
        apply: (d) => {
          (d[collection][k] as Row)[field] = value;
        },
        code: 'decode_error',
        path: `dataset.${collection}[${k}].${field}`,
      };
    }),
);

const hasIssue = (issues: ReadonlyArray<Issue>, p: Planted): boolean =>
  issues.some(
    (i) =>
      i.code === p.code &&
      i.path === p.path &&
      (p.firstPath === undefined || i.details.firstPath === p.firstPath),
  );

const expectDatasetPaths = (issues: ReadonlyArray<Issue>): void => {
  expect(issues.length).toBeGreaterThan(0);
  for (const i of issues) {
    expect(['decode_error', 'duplicate_record']).toContain(i.code);
    expect(i.path === 'dataset' || /^dataset[.[]/.test(i.path ?? '')).toBe(true);
    if (i.code === 'duplicate_record') expect(String(i.details.firstPath)).toMatch(/^dataset[.[]/);
  }
};

const build = (dataset: unknown) => {
  let ports: SchedulePorts | undefined;
  expect(() => {
    ports = inMemoryPorts(dataset as InMemoryDataset);
  }).not.toThrow();
  return runBuild({ creatorId: richCreator.creatorId, weekStart: WEEK, seed: 3 }, ports);
};

describe('fuzz: datasets for inMemoryPorts', () => {
  it('the base dataset decodes', () => {
    expect(E.isRight(decodeDataset(BASE))).toBe(true);
  });

  it('one corruption is reported at its path (both paths for a duplicate) and the build is Left DECODE_FAILED with it', async () => {
    await fc.assert(
      fc.asyncProperty(planted, async (p) => {
        const d = fresh();
        p.apply(d);
        const decoded = decodeDataset(d);
        expect(E.isLeft(decoded), p.label).toBe(true);
        if (E.isRight(decoded)) return;
        expectDatasetPaths(decoded.left);
        expect(
          hasIssue(decoded.left, p),
          `${p.label}: ${JSON.stringify(decoded.left.map((i) => [i.path, i.details.firstPath]))}`,
        ).toBe(true);
        const r = await build(d);
        expect(E.isLeft(r)).toBe(true);
        if (E.isRight(r)) return;
        expect(r.left.code).toBe('DECODE_FAILED');
        expectDatasetPaths(r.left.issues);
        expect(hasIssue(r.left.issues, p), p.label).toBe(true);
      }),
      fuzzRuns(0x1e6_0201, 90),
    );
  });

  it('several corruptions at once are all reported', () => {
    fc.assert(
      fc.property(
        // One corruption per record, so that none hides another.
        fc.uniqueArray(
          planted.filter((p) => p.code === 'decode_error'),
          { minLength: 2, maxLength: 5, selector: (p) => p.path.replace(/\].*$/, ']') },
        ),
        (ps) => {
          const d = fresh();
          for (const p of ps) p.apply(d);
          const decoded = decodeDataset(d);
          expect(E.isLeft(decoded)).toBe(true);
          if (E.isRight(decoded)) return;
          for (const p of ps) expect(hasIssue(decoded.left, p), p.label).toBe(true);
        },
      ),
      fuzzRuns(0x1e6_0202, 60),
    );
  });

  it('junk in any field of any record is decoded without a throw: Right, or issues at dataset paths and a DECODE_FAILED build', async () => {
    const fields = (collection: 'creators' | 'history' | 'captions') => [
      ...new Set((BASE[collection] as Row[]).flatMap((r) => Object.keys(r))),
      'captionText',
      'contentType',
      'extraField',
    ];
    const anyField = fc
      .constantFrom('creators', 'history', 'captions')
      .chain((collection) =>
        fc.tuple(
          fc.constant(collection),
          fc.nat(),
          fc.constantFrom(...fields(collection as 'creators')),
          junk.filter(inspectable),
        ),
      );
    await fc.assert(
      fc.asyncProperty(anyField, async ([collection, k0, field, value]) => {
        const d = fresh();
        const rows = d[collection as 'creators'];
        const k = k0 % rows.length;
        (rows[k] as Row)[field] = value;
        let decoded: ReturnType<typeof decodeDataset> | undefined;
        expect(() => {
          decoded = decodeDataset(d);
        }).not.toThrow();
        if (decoded === undefined || E.isRight(decoded)) return;
        expectDatasetPaths(decoded.left);
        const r = await build(d);
        expect(E.isLeft(r) && r.left.code).toBe('DECODE_FAILED');
        if (E.isLeft(r)) expectDatasetPaths(r.left.issues);
      }),
      fuzzRuns(0x1e6_0203, 100),
    );
  });

  it('junk instead of a dataset (or of one of its collections) is a Left with dataset paths, never a throw', async () => {
    const shapes = fc.oneof(
      junk.filter(inspectable),
      fc
        .tuple(
          fc.constantFrom('creators', 'history', 'captions', 'vaults', 'timing', 'trends'),
          junk.filter(inspectable),
        )
        .map(([k, v]) => ({ ...BASE, [k]: v })),
    );
    await fc.assert(
      fc.asyncProperty(shapes, async (d) => {
        let decoded: ReturnType<typeof decodeDataset> | undefined;
        expect(() => {
          decoded = decodeDataset(d);
        }).not.toThrow();
        if (decoded === undefined || E.isRight(decoded)) return;
        expectDatasetPaths(decoded.left);
        const r = await build(d);
        expect(E.isLeft(r) && r.left.code).toBe('DECODE_FAILED');
      }),
      fuzzRuns(0x1e6_0204, 100),
    );
  });
});

describe('fuzz findings: datasets (found by this suite, fixed in cabcfc3)', () => {
  // Was: the duplicate-history check JSON.stringified each decoded row (extra fields included)
  // outside any try: an extra field holding a cycle or a 20,000-deep object overflowed the stack,
  // a BigInt or a throwing getter threw, so decodeDataset and inMemoryPorts threw.
  it('a history row with an extra field holding junk decodes without a throw', () => {
    fc.assert(
      fc.property(fc.nat(), junk.filter(inspectable), (k0, value) => {
        const d = fresh();
        (d.history[k0 % d.history.length] as Row).note = value;
        expect(() => decodeDataset(d)).not.toThrow();
      }),
      fuzzRuns(0x1e6_0205, 60),
    );
  });

  // Was: decodeDataset and inMemoryPorts threw a TypeError on a revoked Proxy.
  it('a revoked Proxy as the dataset is a decode_error at "dataset"', () => {
    const r = decodeDataset(revokedProxy());
    expect(E.isLeft(r) ? r.left.map((i) => i.path) : 'Right').toEqual(['dataset']);
  });
});
