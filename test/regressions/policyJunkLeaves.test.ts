/**
 * Regression, issue 6 "Why" 2c: `NaN`, `"abc"` and misspelled keys in policy overrides were
 * accepted without a word.
 *
 * Now each is an `invalid_policy` issue at its path (an unknown key reads `<path>: unknown
 * key`), every one of them reported at once, and the build is `Left` `INVALID_INPUT`.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { inMemoryPorts, resolvePolicy } from '../../src/index';
import { leanDataset, richCreator, runBuild, WEEK } from '../support/trustData';

const PORTS = inMemoryPorts(leanDataset());
const inputs = (policy: unknown) => ({
  creatorId: richCreator.creatorId,
  weekStart: WEEK,
  seed: 2,
  policy,
});

const pathsOf = async (
  policy: unknown,
): Promise<ReadonlyArray<readonly [string | null, string]>> => {
  const r = await runBuild(inputs(policy), PORTS);
  if (E.isRight(r)) return [];
  expect(r.left.code).toBe('INVALID_INPUT');
  for (const i of r.left.issues) expect(i.code).toBe('invalid_policy');
  return r.left.issues.map((i) => [i.path, i.message] as const);
};

describe('regression: NaN, "abc" and misspelled policy keys are errors', () => {
  it('NaN at a leaf', async () => {
    expect(await pathsOf({ followups: { maxPerDay: Number.NaN } })).toEqual([
      [
        'policy.followups.maxPerDay',
        expect.stringMatching(/^policy\.followups\.maxPerDay: expected .*, got NaN$/),
      ],
    ]);
  });

  it('"abc" at a leaf', async () => {
    expect(await pathsOf({ validation: { passScore: 'abc' } })).toEqual([
      ['policy.validation.passScore', expect.stringMatching(/got "abc"$/)],
    ]);
  });

  it('a misspelled key, nested or at the top', async () => {
    expect(await pathsOf({ timing: { windowStart: 480 } })).toEqual([
      ['policy.timing.windowStart', 'policy.timing.windowStart: unknown key'],
    ]);
    expect(await pathsOf({ followup: { maxPerDay: 3 } })).toEqual([
      ['policy.followup', 'policy.followup: unknown key'],
    ]);
  });

  it('Infinity, a string number and an out-of-range share', async () => {
    const found = await pathsOf({
      validation: {
        revenueMinShare: Number.POSITIVE_INFINITY,
        engagementMinShare: '0.25',
        retentionMaxShare: 1.5,
      },
    });
    expect(found.map(([p]) => p).sort()).toEqual([
      'policy.validation.engagementMinShare',
      'policy.validation.retentionMaxShare',
      'policy.validation.revenueMinShare',
    ]);
  });

  it('every fault of one override is reported, not only the first', () => {
    const r = resolvePolicy({
      timing: { jitterMax: Number.NaN, windowStart: 480 },
      followups: { maxPerDay: 'abc' },
      pricing: { defaultPrices: { ppv_unlok: 18 } },
    });
    expect(E.isLeft(r) ? r.left.map((i) => i.path).sort() : 'Right').toEqual([
      'policy.followups.maxPerDay',
      'policy.pricing.defaultPrices.ppv_unlok',
      'policy.timing.jitterMax',
      'policy.timing.windowStart',
    ]);
  });
});
