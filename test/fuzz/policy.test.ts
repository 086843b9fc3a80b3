/**
 * Issue 6 totality: policy overrides. Junk or out-of-range leaves (`{ timing: { jitterMax: 1e9 }
 * }`, `NaN`, `"abc"`), unknown keys, arrays in place of objects and a policy that is not an
 * object are `invalid_policy` issues naming `policy.<path>` (through `buildSchedule`: a `Left`
 * `INVALID_INPUT` carrying them); overrides near the defaults resolve to a `Right` or to a `Left`
 * naming the range or invariant broken; `resolvePolicy` never throws whatever it is given.
 *
 * The leaf and node paths are enumerated from the shape of the resolved default policy (a
 * generator of inputs, not an oracle of numbers); the expected paths are the generators' own.
 * One fixed-seed run per property; fast-check prints `{ seed, path }` on failure.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { type Issue, inMemoryPorts, resolvePolicy } from '../../src/index';
import {
  deepJunk,
  fuzzRuns,
  inspectable,
  junk,
  nonObjectJunk,
  revokedProxy,
  symbolJunk,
  unknownKey,
  withKey,
} from '../support/junk';
import { leanDataset, richCreator, runBuild, WEEK } from '../support/trustData';

type Json = unknown;

const defaults = (() => {
  const r = resolvePolicy({});
  if (E.isLeft(r)) throw new Error('the default policy does not resolve');
  return r.right as unknown as Record<string, Json>;
})();

const isNode = (u: unknown): u is Record<string, Json> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

interface Leaf {
  readonly path: ReadonlyArray<string>;
  readonly value: Json;
}

/** Every leaf (number, string, boolean or array: arrays are replaced whole) and every object node. */
const walk = (
  u: Record<string, Json>,
  at: ReadonlyArray<string>,
  leaves: Leaf[],
  nodes: Array<ReadonlyArray<string>>,
): void => {
  nodes.push(at);
  for (const [k, v] of Object.entries(u)) {
    if (isNode(v)) walk(v, [...at, k], leaves, nodes);
    else leaves.push({ path: [...at, k], value: v });
  }
};
const LEAVES: Leaf[] = [];
const NODES: Array<ReadonlyArray<string>> = [];
walk(defaults, [], LEAVES, NODES);

const dotted = (path: ReadonlyArray<string>): string =>
  path.length === 0 ? 'policy' : `policy.${path.join('.')}`;

/** `{ a: { b: value } }` for path `[a, b]`. */
const overrideAt = (path: ReadonlyArray<string>, value: unknown): unknown =>
  path.length === 0 ? value : withKey({}, path[0] as string, overrideAt(path.slice(1), value));

const nodeAt = (path: ReadonlyArray<string>): Record<string, Json> =>
  path.reduce<Record<string, Json>>((n, k) => n[k] as Record<string, Json>, defaults);

/** Values no leaf of the kind of `v` accepts. */
const junkFor = (v: Json): fc.Arbitrary<unknown> => {
  const common = fc.oneof(
    fc.constantFrom(null, true, false, {}, Number.NaN),
    symbolJunk,
    fc.bigInt(),
    deepJunk,
  );
  if (typeof v === 'number')
    return fc.oneof(
      common,
      fc.constantFrom(
        Number.POSITIVE_INFINITY,
        Number.NEGATIVE_INFINITY,
        1e12,
        -1e12,
        'abc',
        '5',
        '',
        [],
        [1, 2],
      ),
    );
  if (typeof v === 'string')
    return fc.oneof(common, fc.constantFrom(5, '', '   ', 'x'.repeat(201), [], ['a']));
  if (Array.isArray(v))
    return fc.oneof(
      common,
      fc.constantFrom('abc', 5, [Number.NaN], [{}], [null], new Array(100).fill(1)),
    );
  return common;
};

/** Whether an issue names `path` or something inside it. */
const names = (i: Issue, path: string): boolean =>
  i.path === path || (i.path ?? '').startsWith(`${path}.`) || (i.path ?? '').startsWith(`${path}[`);

const ALL_PATHS = new Set([...LEAVES.map((l) => dotted(l.path)), ...NODES.map(dotted)]);
/** Whether an issue's path is a path of the policy (a leaf, a node, or an element of an array leaf). */
const isPolicyPath = (p: string | null): boolean =>
  p !== null && ALL_PATHS.has(p.replace(/\[\d+\](\..*)?$/, ''));

const expectInvalidPolicy = (issues: ReadonlyArray<Issue>): void => {
  expect(issues.length).toBeGreaterThan(0);
  for (const i of issues) {
    expect(i.code).toBe('invalid_policy');
    expect(i.path === 'policy' || (i.path ?? '').startsWith('policy.')).toBe(true);
  }
};

const ports = inMemoryPorts(leanDataset());
const inputs = (policy: unknown) => ({
  creatorId: richCreator.creatorId,
  weekStart: WEEK,
  seed: 5,
  policy,
});

/** A fault planted in an override, with the path that must be named. */
interface Planted {
  readonly override: unknown;
  readonly path: string;
  readonly unknownKey: boolean;
}

const leafJunk: fc.Arbitrary<Planted> = fc.constantFrom(...LEAVES).chain((leaf) =>
  junkFor(leaf.value).map((v) => ({
    override: overrideAt(leaf.path, v),
    path: dotted(leaf.path),
    unknownKey: false,
  })),
);
const unknownKeys: fc.Arbitrary<Planted> = fc.constantFrom(...NODES).chain((node) =>
  fc.tuple(unknownKey(Object.keys(nodeAt(node))), junk).map(([k, v]) => ({
    override: overrideAt(node, withKey({}, k, v)),
    path: dotted([...node, k]),
    unknownKey: true,
  })),
);
const arraysForObjects: fc.Arbitrary<Planted> = fc
  .constantFrom(...NODES)
  .chain((node) =>
    fc
      .constantFrom<unknown[]>([], [1], [{}], ['timing'])
      .map((a) => ({ override: overrideAt(node, a), path: dotted(node), unknownKey: false })),
  );
const planted = fc.oneof(leafJunk, leafJunk, unknownKeys, arraysForObjects);

describe('fuzz: policy overrides', () => {
  it('enumerates a policy worth fuzzing', () => {
    expect(LEAVES.length).toBeGreaterThan(150);
    expect(NODES.length).toBeGreaterThan(30);
  });

  it('a junk leaf, an unknown key or an array for an object is invalid_policy naming policy.<path>, through resolvePolicy and buildSchedule', async () => {
    await fc.assert(
      fc.asyncProperty(planted, async (p) => {
        const resolved = resolvePolicy(p.override);
        expect(E.isLeft(resolved)).toBe(true);
        if (E.isRight(resolved)) return;
        expectInvalidPolicy(resolved.left);
        expect(resolved.left.some((i) => names(i, p.path))).toBe(true);
        if (p.unknownKey)
          expect(resolved.left.find((i) => i.path === p.path)?.message).toBe(
            `${p.path}: unknown key`,
          );
        const built = await runBuild(inputs(p.override), ports);
        expect(E.isLeft(built)).toBe(true);
        if (E.isRight(built)) return;
        expect(built.left.code).toBe('INVALID_INPUT');
        expectInvalidPolicy(built.left.issues);
        expect(built.left.issues.some((i) => names(i, p.path))).toBe(true);
      }),
      fuzzRuns(0x1e6_0101, 300),
    );
  });

  it('every planted fault is reported, not only the first', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(leafJunk, { minLength: 2, maxLength: 5, selector: (p) => p.path }),
        (ps) => {
          // Merge the planted overrides into one object (paths are distinct leaves).
          const merged: Record<string, unknown> = {};
          for (const p of ps) {
            const path = p.path.split('.').slice(1);
            let at = merged;
            path.slice(0, -1).forEach((k) => {
              at[k] = (at[k] as Record<string, unknown> | undefined) ?? {};
              at = at[k] as Record<string, unknown>;
            });
            let leaf: unknown = p.override;
            for (const k of path) leaf = (leaf as Record<string, unknown>)[k];
            at[path[path.length - 1] as string] = leaf;
          }
          // A leaf nested under another planted leaf cannot be planted at once: skip those draws.
          fc.pre(ps.every((p) => ps.every((q) => p === q || !q.path.startsWith(`${p.path}.`))));
          const r = resolvePolicy(merged);
          expect(E.isLeft(r)).toBe(true);
          if (E.isRight(r)) return;
          for (const p of ps)
            expect(
              r.left.some((i) => names(i, p.path)),
              p.path,
            ).toBe(true);
        },
      ),
      fuzzRuns(0x1e6_0102, 120),
    );
  });

  it('a policy that is not an object is one invalid_policy issue at "policy"; null and undefined mean no overrides', async () => {
    await fc.assert(
      fc.asyncProperty(nonObjectJunk, async (p) => {
        const r = resolvePolicy(p);
        expect(E.isLeft(r)).toBe(true);
        if (E.isRight(r)) return;
        expect(r.left.map((i) => [i.code, i.path])).toEqual([['invalid_policy', 'policy']]);
        const built = await runBuild(inputs(p), ports);
        expect(E.isLeft(built) && built.left.code).toBe('INVALID_INPUT');
      }),
      fuzzRuns(0x1e6_0103, 80),
    );
    expect(E.isRight(resolvePolicy(null))).toBe(true);
    expect(E.isRight(resolvePolicy(undefined))).toBe(true);
  });

  /** Overrides of a few numeric leaves to values near their defaults (x0.5-x1.5). */
  const nearDefaults = fc
    .uniqueArray(fc.constantFrom(...LEAVES.filter((l) => typeof l.value === 'number')), {
      minLength: 1,
      maxLength: 6,
      selector: (l) => dotted(l.path),
    })
    .chain((leaves) =>
      fc.tuple(...leaves.map(() => fc.double({ min: 0.5, max: 1.5, noNaN: true }))).map((factors) =>
        leaves.map((l, k) => {
          const d = l.value as number;
          const scaled = d * (factors[k] as number);
          return { path: l.path, value: Number.isInteger(d) ? Math.round(scaled) : scaled };
        }),
      ),
    );

  const mergeAll = (
    entries: ReadonlyArray<{ readonly path: ReadonlyArray<string>; readonly value: unknown }>,
  ) => {
    const out: Record<string, unknown> = {};
    for (const { path, value } of entries) {
      let at = out;
      path.slice(0, -1).forEach((k) => {
        at[k] = (at[k] as Record<string, unknown> | undefined) ?? {};
        at = at[k] as Record<string, unknown>;
      });
      at[path[path.length - 1] as string] = value;
    }
    return out;
  };

  const leafOf = (policy: unknown, path: ReadonlyArray<string>): unknown =>
    path.reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], policy);

  it('overrides near the defaults resolve to Right with exactly those leaves changed, or to a Left naming a policy path', () => {
    fc.assert(
      fc.property(nearDefaults, (entries) => {
        const r = resolvePolicy(mergeAll(entries));
        if (E.isLeft(r)) {
          expectInvalidPolicy(r.left);
          for (const i of r.left) expect(isPolicyPath(i.path), String(i.path)).toBe(true);
          return;
        }
        const changed = new Set(entries.map((e) => dotted(e.path)));
        for (const e of entries) expect(leafOf(r.right, e.path)).toBe(e.value);
        for (const l of LEAVES)
          if (!changed.has(dotted(l.path))) expect(leafOf(r.right, l.path)).toEqual(l.value);
      }),
      fuzzRuns(0x1e6_0104, 200),
    );
  });

  it('a week built under a resolvable override near the defaults is a Right or a Left with paths, never a throw or an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(nearDefaults, async (entries) => {
        const override = mergeAll(entries);
        fc.pre(E.isRight(resolvePolicy(override)));
        const r = await runBuild(inputs(override), ports);
        if (E.isLeft(r)) {
          expect(r.left.code).not.toBe('INTERNAL_ERROR');
          for (const i of r.left.issues) expect(i.path).not.toBeNull();
        } else expect(r.right.items.length).toBeGreaterThan(0);
      }),
      fuzzRuns(0x1e6_0105, 16),
    );
  });

  it('resolvePolicy never throws, whatever it is given (junk at the root or anywhere in an override)', () => {
    const anywhere = fc
      .tuple(fc.constantFrom(...NODES, ...LEAVES.map((l) => l.path)), junk)
      .map(([path, v]) => overrideAt(path, v));
    fc.assert(
      fc.property(fc.oneof(junk.filter(inspectable), anywhere), (p) => {
        let r: ReturnType<typeof resolvePolicy> | undefined;
        expect(() => {
          r = resolvePolicy(p);
        }).not.toThrow();
        expect(r !== undefined && (E.isLeft(r) || E.isRight(r))).toBe(true);
        if (r !== undefined && E.isLeft(r)) expectInvalidPolicy(r.left);
      }),
      fuzzRuns(0x1e6_0106, 300),
    );
  });

  it('a resolved policy is deep-frozen', () => {
    const r = resolvePolicy({ followups: { maxPerDay: 3 } });
    expect(E.isRight(r)).toBe(true);
    if (E.isLeft(r)) return;
    const frozen = (u: unknown): boolean =>
      typeof u !== 'object' || u === null || (Object.isFrozen(u) && Object.values(u).every(frozen));
    expect(frozen(r.right)).toBe(true);
  });
});

describe('fuzz findings: policy (found by this suite, fixed in cabcfc3)', () => {
  // Was: showReceived's catch branch called Array.isArray(u), which throws on a revoked Proxy, so
  // resolvePolicy threw a TypeError; through buildSchedule it was an INTERNAL_ERROR.
  it('resolvePolicy(revoked Proxy) answers a Left at "policy" instead of throwing', () => {
    const r = resolvePolicy(revokedProxy());
    expect(E.isLeft(r) ? r.left.map((i) => i.path) : 'Right').toEqual(['policy']);
  });
});
