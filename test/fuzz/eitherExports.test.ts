/**
 * Issue 6 totality: every function exported by `src/index.ts` that answers an `Either` (or a
 * promise of one) never throws and never rejects, whatever it is given.
 *
 * The list was read off `src/index.ts`'s exports (the `E.Either` return types): `resolvePolicy`,
 * `analyzeTopPerformerTraits`, `decodeWith`, `decodeDataset`, `withResilience`,
 * `fromBreakerRecord`, `checkResiliencePolicy`, `degradeVolume`, `safeNow` (synchronous) and
 * `runPort`, `withRetry`, `withTimeout`, `runIdempotent`, `buildSchedule` (tasks). The phase
 * internals `loadCreatorData` and `trackVolume` take the library's internal trace and are left
 * out. `buildSchedule` has suites of its own (inputs, policy, datasets, ports).
 *
 * Two properties per function: junk in its data argument with the other arguments valid, and
 * junk in every argument. Where the library does not hold yet, the property is kept as
 * `it.fails` with a comment naming the bug. Revoked Proxies have dedicated cases (fast-check
 * cannot carry one in a generated value).
 *
 * One fixed-seed run per property; fast-check prints `{ seed, path }` on failure.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index';
import {
  analyzeTopPerformerTraits,
  CreatorProfileC,
  checkResiliencePolicy,
  decodeDataset,
  decodeWith,
  degradeVolume,
  fromBreakerRecord,
  IsoInstantC,
  idempotencyClaim,
  inMemoryIdempotencyStore,
  inMemoryPorts,
  MassMessageC,
  PolicyOverridesC,
  resolvePolicy,
  rngFrom,
  runIdempotent,
  runPort,
  ScheduleInputsC,
  safeNow,
  withResilience,
  withRetry,
  withTimeout,
} from '../../src/index';
import { fakeTime } from '../support/fakeTime';
import { fuzzRuns, inspectable, junk } from '../support/junk';
import { leanDataset, newCreator } from '../support/trustData';

const j = junk.filter(inspectable);
const args = (n: number) => fc.tuple(...Array.from({ length: n }, () => j));

const isEither = (u: unknown): boolean => {
  const tag = (u as { readonly _tag?: unknown } | null | undefined)?._tag;
  return tag === 'Left' || tag === 'Right';
};

/** Calls `f`; fails the test if it throws or answers something that is not an Either. */
const total = (label: string, f: () => unknown): void => {
  let r: unknown;
  try {
    r = f();
  } catch (e) {
    throw new Error(`${label} threw: ${String(e instanceof Error ? e.message : typeof e)}`);
  }
  expect(isEither(r), `${label} answered no Either`).toBe(true);
};

/** Lets queued callbacks run; a promise not settled after 200 such turns waits on nothing. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Awaits `f()`; fails the test if it throws, rejects, hangs or answers no Either. */
const totalAsync = async (label: string, f: () => unknown): Promise<void> => {
  let p: unknown;
  try {
    p = f();
  } catch (e) {
    throw new Error(
      `${label} threw synchronously: ${String(e instanceof Error ? e.message : typeof e)}`,
    );
  }
  let state: 'pending' | 'resolved' | 'rejected' = 'pending';
  let value: unknown;
  Promise.resolve(p).then(
    (v) => {
      state = 'resolved';
      value = v;
    },
    (e: unknown) => {
      state = 'rejected';
      value = e;
    },
  );
  for (let i = 0; i < 200 && state === 'pending'; i++) await turn();
  if (state === 'pending') throw new Error(`${label} never settled`);
  if (state === 'rejected')
    throw new Error(
      `${label} rejected: ${String(value instanceof Error ? value.message : typeof value)}`,
    );
  expect(isEither(value), `${label} answered no Either`).toBe(true);
};

const POLICY = (() => {
  const r = resolvePolicy({});
  if (E.isLeft(r)) throw new Error('no default policy');
  return r.right;
})();
const PORTS = inMemoryPorts(leanDataset());
const CREATOR = newCreator();
const VOLUME_INPUT = {
  creator: CREATOR,
  optimized: null,
  failure: null,
  tierKnown: true,
  manualConfidenceOverride: false,
  asOf: '2025-01-20',
  vault: null,
  contentRankings: null,
  usableCaptions: null,
};
const RETRY = { attempts: 3, baseDelayMs: 10, factor: 2, maxDelayMs: 100, jitterRatio: 0.1 };
const CODECS = [CreatorProfileC, MassMessageC, ScheduleInputsC, PolicyOverridesC, IsoInstantC];
const TARGETS = [
  'invalid_input',
  'invalid_policy',
  'invalid_option',
  { port: 'getBestTiming' },
  { port: null },
];
const ok = async () => E.right(1);

describe('fuzz: the exported Either functions are total', () => {
  it('the functions under test are all exported', () => {
    for (const name of [
      'resolvePolicy',
      'analyzeTopPerformerTraits',
      'decodeWith',
      'decodeDataset',
      'withResilience',
      'fromBreakerRecord',
      'checkResiliencePolicy',
      'degradeVolume',
      'safeNow',
      'runPort',
      'withRetry',
      'withTimeout',
      'runIdempotent',
      'buildSchedule',
    ])
      expect(typeof (lib as Record<string, unknown>)[name], name).toBe('function');
  });

  it('resolvePolicy, decodeDataset, fromBreakerRecord, checkResiliencePolicy, safeNow: junk in, an Either out', () => {
    fc.assert(
      fc.property(j, (v) => {
        total('resolvePolicy', () => resolvePolicy(v));
        total('decodeDataset', () => decodeDataset(v));
        total('fromBreakerRecord', () => fromBreakerRecord(v));
        total('checkResiliencePolicy', () => checkResiliencePolicy(v));
        total('safeNow', () => safeNow(v as never));
        total('safeNow(clock)', () => safeNow({ now: () => v } as never));
      }),
      fuzzRuns(0x1e6_0401, 150),
    );
  });

  it('the same five, with junk in every argument position', () => {
    fc.assert(
      fc.property(args(3), ([a, b, c]) => {
        const call = (f: unknown) => (f as (...x: unknown[]) => unknown)(a, b, c);
        total('resolvePolicy', () => call(resolvePolicy));
        total('decodeDataset', () => call(decodeDataset));
        total('fromBreakerRecord', () => call(fromBreakerRecord));
        total('checkResiliencePolicy', () => call(checkResiliencePolicy));
        total('safeNow', () => call(safeNow));
      }),
      fuzzRuns(0x1e6_0402, 120),
    );
  });

  it('decodeWith: junk values under every codec and target', () => {
    fc.assert(
      fc.property(
        j,
        fc.constantFrom(...CODECS),
        fc.constantFrom(...TARGETS),
        (v, codec, target) => {
          total('decodeWith', () => decodeWith(codec as never, v, 'value', target as never));
          total('decodeWith(root "")', () => decodeWith(codec as never, v, '', target as never));
        },
      ),
      fuzzRuns(0x1e6_0403, 250),
    );
  });

  it('withResilience: junk ports with valid options, and junk options with valid ports', () => {
    const ft = fakeTime();
    fc.assert(
      fc.property(j, (v) => {
        total('withResilience(junk, options)', () =>
          withResilience(v as never, { clock: ft.clock, sleep: ft.sleep }),
        );
        total('withResilience(ports, junk)', () => withResilience(PORTS, v as never));
        total('withResilience(ports, { policy: junk })', () =>
          withResilience(PORTS, { clock: ft.clock, sleep: ft.sleep, policy: v as never }),
        );
        total('withResilience(ports, { breakers: junk })', () =>
          withResilience(PORTS, { clock: ft.clock, sleep: ft.sleep, breakers: v as never }),
        );
      }),
      fuzzRuns(0x1e6_0404, 150),
    );
    fc.assert(
      fc.property(args(2), ([a, b]) => {
        total('withResilience(junk, junk)', () => withResilience(a as never, b as never));
      }),
      fuzzRuns(0x1e6_0405, 150),
    );
  });

  it('withRetry and runIdempotent: junk in any argument settles to an Either', async () => {
    const ft = fakeTime();
    const store = inMemoryIdempotencyStore({ clock: ft.clock });
    const claim = idempotencyClaim('fuzz', { a: 1 });
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(j, args(3), async (v, [a, b, c]) => {
        runs += 1;
        const options = { policy: RETRY, sleep: async () => undefined, rng: rngFrom('fuzz') };
        await totalAsync('withRetry(junk, options)', () => withRetry(v as never, options));
        await totalAsync('withRetry(attempt, junk)', () => withRetry(ok, v as never));
        await totalAsync('withRetry(attempt, { policy: junk })', () =>
          withRetry(ok, { ...options, policy: v as never }),
        );
        await totalAsync('withRetry(junk, junk)', () => withRetry(a as never, b as never));
        await totalAsync('runIdempotent(junk store)', () => runIdempotent(v as never, claim, ok));
        await totalAsync('runIdempotent(junk claim)', () => runIdempotent(store, v as never, ok));
        await totalAsync('runIdempotent(junk action)', () =>
          runIdempotent(store, idempotencyClaim('fuzz-action', { run: runs }), v as never),
        );
        await totalAsync('runIdempotent(junk, junk, junk)', () =>
          runIdempotent(a as never, b as never, c as never),
        );
      }),
      fuzzRuns(0x1e6_0406, 120),
    );
  });

  it('runPort and withTimeout with a valid port name: junk calls, runs, timeouts and sleeps settle to an Either', async () => {
    await fc.assert(
      fc.asyncProperty(j, async (v) => {
        const sleep = async () => undefined;
        await totalAsync('runPort(name, junk)', () => runPort('fuzzPort', v as never));
        await totalAsync('runPort(name, () => junk)', () => runPort('fuzzPort', () => v));
        await totalAsync('runPort(name, () => () => junk)', () =>
          runPort('fuzzPort', () => () => v),
        );
        await totalAsync('withTimeout(junk run)', () =>
          withTimeout(v as never, 10, sleep, 'fuzzPort'),
        );
        await totalAsync('withTimeout(junk ms)', () =>
          withTimeout(async () => E.right(1), v as never, sleep, 'fuzzPort'),
        );
        await totalAsync('withTimeout(junk sleep)', () =>
          withTimeout(async () => E.right(1), 10, v as never, 'fuzzPort'),
        );
      }),
      fuzzRuns(0x1e6_0407, 150),
    );
  });
});

describe('fuzz findings: exported Either functions that threw (found by this suite, fixed in 8435a2d)', () => {
  // Was: `analyzeTopPerformerTraits(undefined)` threw reading 'flatMap', `[null]` reading
  // 'earnings', a sparse array reading 'captionText', `options = null` reading 'topN'.
  it('analyzeTopPerformerTraits never throws on junk records or options', () => {
    fc.assert(
      fc.property(j, j, (records, options) => {
        total('analyzeTopPerformerTraits(junk)', () => analyzeTopPerformerTraits(records as never));
        total('analyzeTopPerformerTraits([junk])', () =>
          analyzeTopPerformerTraits([records] as never),
        );
        total('analyzeTopPerformerTraits([], junk)', () =>
          analyzeTopPerformerTraits([], options as never),
        );
      }),
      fuzzRuns(0x1e6_0411, 150),
    );
  });

  // Was: `degradeVolume(undefined, policy)` threw reading 'fanCount', `contentRankings: {}`
  // threw "(rankings ?? []).filter is not a function", a junk policy threw reading 'volume'.
  it('degradeVolume never throws on a junk input or policy', () => {
    fc.assert(
      fc.property(j, j, (input, policy) => {
        total('degradeVolume(junk, policy)', () => degradeVolume(input as never, POLICY));
        total('degradeVolume({ creator: junk }, policy)', () =>
          degradeVolume({ ...VOLUME_INPUT, creator: input } as never, POLICY),
        );
        total('degradeVolume(input, junk)', () =>
          degradeVolume(VOLUME_INPUT as never, policy as never),
        );
        for (const field of Object.keys(VOLUME_INPUT))
          total(`degradeVolume({ ${field}: junk })`, () =>
            degradeVolume({ ...VOLUME_INPUT, [field]: input } as never, POLICY),
          );
      }),
      fuzzRuns(0x1e6_0412, 120),
    );
  });
});

describe('fuzz findings, fixed in src: exported Either functions that used to throw', () => {
  // Used to throw (src/domain/decode.ts issueOf / decodeWith): a `target` that is not one of the documented
  // ones throws: `null` reads 'port' of null, an unknown string throws in `issue` (no row in
  // ISSUE_CODES: "Cannot read properties of undefined (reading 'severity')"), a junk codec
  // whose decode fails falls into the same path. decodeWith is documented "Never throws".
  it('decodeWith never throws, whatever its codec, path and target', () => {
    fc.assert(
      fc.property(args(4), ([codec, value, root, target]) => {
        total('decodeWith(junk...)', () =>
          decodeWith(codec as never, value, root as never, target as never),
        );
      }),
      fuzzRuns(0x1e6_0413, 300),
    );
  });

  // Used to reject (src/ports/faults.ts runPort, src/resilience/timeout.ts withTimeout): the port name is
  // interpolated into messages (`${port} threw: ...`) and read without a guard, so a symbol (or a
  // Proxy whose traps throw) as the name makes the promise reject ("Cannot convert a Symbol
  // value to a string") instead of answering Left; both are documented never to reject.
  it('runPort and withTimeout never reject, whatever the port name', async () => {
    await fc.assert(
      fc.asyncProperty(j, j, async (name, v) => {
        await totalAsync('runPort(junk name)', () => runPort(name as never, () => v));
        await totalAsync('withTimeout(junk name)', () =>
          withTimeout(
            async () => E.left({ port: 'x' } as never),
            10,
            async () => undefined,
            name as never,
          ),
        );
      }),
      fuzzRuns(0x1e6_0414, 300),
    );
  });
});
