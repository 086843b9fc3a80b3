/**
 * Issue 6 totality: `buildSchedule` over arbitrary junk inputs. Whatever the caller passes as
 * inputs - wrong types, missing or misspelled fields, NaN, huge numbers, deep or circular
 * objects, throwing getters, hostile Proxies, symbols, BigInts - the build answers a `Left`
 * `INVALID_INPUT` whose issues all name a path, and it never throws, rejects, or calls a port.
 *
 * One fixed-seed run per property; fast-check prints `{ seed, path }` on failure (replay with
 * `fuzzRuns(seed, runs, path)`).
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { inMemoryPorts, type SchedulePorts, VOLUME_AB_TESTS } from '../../src/index';
import {
  circularJunk,
  deepJunk,
  exoticObjectJunk,
  fuzzRuns,
  getterJunk,
  hostileProxy,
  inspectable,
  junk,
  nonObjectJunk,
  proxyJunk,
  scalarJunk,
  unknownKey,
  withKey,
  withThrowingGetter,
} from '../support/junk';
import { leanDataset, richCreator, runBuild, WEEK } from '../support/trustData';

const VALID = { creatorId: richCreator.creatorId, weekStart: WEEK, seed: 7 } as const;
const INPUT_KEYS = ['creatorId', 'weekStart', 'seed', 'options', 'policy', 'experiment'];
const AB_TEST = VOLUME_AB_TESTS.campaign_frequency_high_vs_standard;
const ARM_KEYS = ['bumpToPpvRatio', 'dowWeighting', 'monthlyCampaigns', 'policy'];
const OPTION_KEYS = [
  'allowNextDayFollowups',
  'manualConfidenceOverride',
  'save',
  'trackPrediction',
];

const BASE_PORTS = inMemoryPorts(leanDataset());

/** Ports that count every call: decoding fails first, so a junk build never reaches a port. */
const countingPorts = (): { readonly ports: SchedulePorts; readonly calls: () => number } => {
  const base = BASE_PORTS;
  let calls = 0;
  const ports = Object.fromEntries(
    Object.entries(base).map(([k, f]) => [
      k,
      typeof f === 'function'
        ? (...args: unknown[]) => {
            calls += 1;
            return (f as (...a: unknown[]) => unknown)(...args);
          }
        : f,
    ]),
  ) as unknown as SchedulePorts;
  return { ports, calls: () => calls };
};

/** A junk input and, when the generator knows it, the path an issue must name. */
interface Case {
  readonly inputs: unknown;
  readonly path?: string;
  readonly unknownKey?: boolean;
}

const omit = (key: string): Record<string, unknown> =>
  Object.fromEntries(Object.entries(VALID).filter(([k]) => k !== key));

const notAString = junk.filter((u) => typeof u !== 'string');
const invalidWeekStart = fc.oneof(
  notAString,
  fc.constantFrom('', '2025-02-30', '2025-1-20', '20-01-2025', '2025-01-20T00:00:00Z', 'monday'),
  fc.string({ maxLength: 12 }).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)),
);
const invalidSeed = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, ''),
  junk.filter((u) => typeof u !== 'string' && typeof u !== 'number'),
);
const invalidCreatorId = fc.oneof(notAString, fc.constantFrom('', ' ', '\t\n'));
const notABoolean = junk.filter((u) => typeof u !== 'boolean' && u !== undefined);

const cases: fc.Arbitrary<Case> = fc.oneof(
  // The inputs themselves are not an object (or are junk of any shape).
  junk.filter(inspectable).map((inputs) => ({ inputs })),
  nonObjectJunk.map((inputs) => ({ inputs, path: 'inputs' })),
  // A required field is missing.
  fc
    .constantFrom('creatorId', 'weekStart', 'seed')
    .map((k) => ({ inputs: omit(k), path: `inputs.${k}` })),
  // A required field holds junk.
  invalidCreatorId.map((v) => ({ inputs: { ...VALID, creatorId: v }, path: 'inputs.creatorId' })),
  invalidWeekStart.map((v) => ({ inputs: { ...VALID, weekStart: v }, path: 'inputs.weekStart' })),
  invalidSeed.map((v) => ({ inputs: { ...VALID, seed: v }, path: 'inputs.seed' })),
  // Unknown or misspelled keys, at the top and in the options.
  fc
    .tuple(unknownKey(INPUT_KEYS), junk)
    .map(([k, v]) => ({ inputs: withKey(VALID, k, v), path: `inputs.${k}`, unknownKey: true })),
  fc.tuple(unknownKey(OPTION_KEYS), junk).map(([k, v]) => ({
    inputs: { ...VALID, options: withKey({}, k, v) },
    path: `inputs.options.${k}`,
    unknownKey: true,
  })),
  // Options that are not an options object, or a known option that is not a boolean.
  fc.oneof(nonObjectJunk, fc.constant(null)).map((v) => ({
    inputs: { ...VALID, options: v },
    path: 'inputs.options',
  })),
  fc.tuple(fc.constantFrom(...OPTION_KEYS), notABoolean).map(([k, v]) => ({
    inputs: { ...VALID, options: { [k]: v } },
    path: `inputs.options.${k}`,
  })),
  // A policy that is not an object (null and undefined mean "no overrides").
  nonObjectJunk.map((v) => ({ inputs: { ...VALID, policy: v }, path: 'policy' })),
  fc.tuple(unknownKey(['volume', 'timing', 'content', 'followups']), junk).map(([k, v]) => ({
    inputs: { ...VALID, policy: withKey({}, k, v) },
    path: `policy.${k}`,
    unknownKey: true,
  })),
  // An experiment that is not an experiment (null and undefined mean "no experiment"), an
  // unknown key in it or in an arm, a share that is not a number in 0..1.
  nonObjectJunk.map((v) => ({ inputs: { ...VALID, experiment: v }, path: 'inputs.experiment' })),
  fc.tuple(unknownKey(['test', 'treatmentShare']), junk.filter(inspectable)).map(([k, v]) => ({
    inputs: { ...VALID, experiment: withKey({ test: AB_TEST }, k, v) },
    path: `inputs.experiment.${k}`,
    unknownKey: true,
  })),
  fc.tuple(unknownKey(ARM_KEYS), junk.filter(inspectable)).map(([k, v]) => ({
    inputs: { ...VALID, experiment: { test: { ...AB_TEST, controlConfig: withKey({}, k, v) } } },
    path: `inputs.experiment.test.controlConfig.${k}`,
    unknownKey: true,
  })),
  junk
    .filter(inspectable)
    .filter((u) => !(typeof u === 'number' && u >= 0 && u <= 1))
    .map((v) => ({
      inputs: { ...VALID, experiment: { test: AB_TEST, treatmentShare: v } },
      path: 'inputs.experiment.treatmentShare',
    })),
  // A value that throws when read is one issue at the experiment's root.
  junk.filter(inspectable).map((v) => ({
    inputs: { ...VALID, experiment: { test: v } },
    path: 'inputs.experiment',
  })),
  // Deep, circular and unreadable values in every field.
  fc
    .tuple(
      fc.constantFrom(...INPUT_KEYS),
      fc.oneof(deepJunk, circularJunk, getterJunk(), proxyJunk),
    )
    .map(([k, v]) => ({ inputs: { ...VALID, [k]: v } })),
  // Throwing getters and hostile Proxies around the inputs themselves.
  fc
    .constantFrom(...INPUT_KEYS)
    .map((k) => ({ inputs: withThrowingGetter(k, VALID), path: 'inputs' })),
  fc
    .subarray(['get', 'ownKeys', 'getOwnPropertyDescriptor'] as const, { minLength: 1 })
    .map((traps) => ({ inputs: hostileProxy({ ...VALID }, traps), path: 'inputs' })),
  // Symbols, BigInts, NaN and functions in place of the whole inputs.
  scalarJunk.map((inputs) => ({ inputs, path: 'inputs' })),
);

describe('fuzz: buildSchedule inputs', () => {
  it('junk inputs always give Left INVALID_INPUT with a path on every issue, never a throw, rejection or port call', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const { ports, calls } = countingPorts();
        const r = await runBuild(c.inputs, ports);
        expect(E.isLeft(r)).toBe(true);
        if (E.isRight(r)) return;
        expect(r.left.code).toBe('INVALID_INPUT');
        expect(r.left.issues.length).toBeGreaterThan(0);
        for (const i of r.left.issues) {
          expect(['invalid_input', 'invalid_policy']).toContain(i.code);
          expect(typeof i.path).toBe('string');
          expect((i.path ?? '').length).toBeGreaterThan(0);
          expect(
            i.path === 'inputs' || i.path === 'policy' || /^(inputs|policy)[.[]/.test(i.path ?? ''),
          ).toBe(true);
        }
        if (c.path !== undefined) {
          const at = r.left.issues.filter(
            (i) =>
              i.path === c.path ||
              (i.path ?? '').startsWith(`${c.path}.`) ||
              (i.path ?? '').startsWith(`${c.path}[`),
          );
          expect(at.length, `an issue at ${c.path}`).toBeGreaterThan(0);
          if (c.unknownKey === true)
            expect(r.left.issues.find((i) => i.path === c.path)?.message).toBe(
              `${c.path}: unknown key`,
            );
        }
        expect(calls()).toBe(0);
      }),
      fuzzRuns(0x1e6_0001, 300),
    );
  });

  it('a misspelled option names its path with "unknown key"', async () => {
    const r = await runBuild({ ...VALID, options: { allowNextDayFollowup: true } }, BASE_PORTS);
    expect(E.isLeft(r)).toBe(true);
    if (E.isRight(r)) return;
    expect(r.left.code).toBe('INVALID_INPUT');
    expect(r.left.issues.map((i) => [i.code, i.path, i.message])).toEqual([
      [
        'invalid_input',
        'inputs.options.allowNextDayFollowup',
        'inputs.options.allowNextDayFollowup: unknown key',
      ],
    ]);
  });

  it('getters that answer differently on every read never crash a build: one value is used throughout', async () => {
    const ports = BASE_PORTS;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('creatorId', 'weekStart', 'seed'),
        junk.filter(inspectable),
        async (key, later) => {
          let reads = 0;
          const inputs = Object.defineProperty({ ...VALID }, key, {
            enumerable: true,
            get() {
              reads += 1;
              return reads === 1 ? VALID[key as keyof typeof VALID] : later;
            },
          });
          const r = await runBuild(inputs, ports);
          // Read once at the boundary: the decoded copy is what the build uses.
          if (E.isLeft(r)) for (const i of r.left.issues) expect(i.path).not.toBeNull();
          else expect(r.right.creatorId).toBe(VALID.creatorId);
        },
      ),
      fuzzRuns(0x1e6_0002, 6),
    );
  });
});

describe('fuzz findings: inputs (found by this suite, fixed in cabcfc3)', () => {
  // Was: when reading `inputs.policy` threw (a getter on the prototype, or a Proxy `get` trap),
  // decodeInputs passed the thrown Error to resolvePolicy as the override; an Error has no
  // enumerable keys, so the week was built with the default policy.
  it('an unreadable inputs.policy (prototype getter that throws) is INVALID_INPUT, not the default policy', async () => {
    class Inputs {
      readonly creatorId = VALID.creatorId;
      readonly weekStart = VALID.weekStart;
      readonly seed = VALID.seed;
      get policy(): unknown {
        throw new Error('the policy cannot be read');
      }
    }
    const r = await runBuild(new Inputs(), BASE_PORTS);
    expect(E.isLeft(r) ? r.left.code : 'built a week').toBe('INVALID_INPUT');
  });

  // Was: showReceived's catch branch called Array.isArray(u), which throws on a revoked Proxy,
  // so buildSchedule answered INTERNAL_ERROR with an issue whose path was null.
  it('a revoked Proxy as the inputs is INVALID_INPUT at path "inputs"', async () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const r = await runBuild(proxy, BASE_PORTS);
    expect(E.isLeft(r) ? [r.left.code, r.left.issues[0]?.path] : 'built').toEqual([
      'INVALID_INPUT',
      'inputs',
    ]);
  });
});

describe('fuzz findings: objects that are not plain data (found by this suite, fixed in cabcfc3)', () => {
  // Was: any non-array object passed strictObject as a plain object, so `options: new Date()` or
  // `policy: new Map([['timing', { jitterMax: 1e9 }]])` was silently read as "no options" / "no
  // overrides" and the week was built.
  it('a non-plain object as options or policy is INVALID_INPUT naming the field', async () => {
    const ports = BASE_PORTS;
    await fc.assert(
      fc.asyncProperty(exoticObjectJunk, fc.constantFrom('options', 'policy'), async (v, field) => {
        const r = await runBuild({ ...VALID, [field]: v }, ports);
        expect(E.isLeft(r) ? r.left.code : 'built a week').toBe('INVALID_INPUT');
      }),
      fuzzRuns(0x1e6_0003, 14),
    );
  });
});
