/**
 * Regression, issue 6 "Why" 2a: the override `{ timing: { jitterMax: 1e9 } }` aborted the Node
 * process.
 *
 * Now every leaf of the policy has a range: a jitter of 1e9 minutes is an `invalid_policy` issue
 * at `policy.timing.jitterMax`, and `buildSchedule` answers `Left` `INVALID_INPUT` without
 * running a phase. The seed's jitter is -7..+8 minutes (003 task 2.6).
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { inMemoryPorts, resolvePolicy } from '../../src/index';
import { leanDataset, richCreator, rightOf, runBuild, WEEK } from '../support/trustData';

const PORTS = inMemoryPorts(leanDataset());
const inputs = (policy: unknown) => ({
  creatorId: richCreator.creatorId,
  weekStart: WEEK,
  seed: 2,
  policy,
});

describe('regression: { timing: { jitterMax: 1e9 } } is INVALID_INPUT, not a crash', () => {
  it('buildSchedule answers Left INVALID_INPUT naming policy.timing.jitterMax', async () => {
    const r = await runBuild(inputs({ timing: { jitterMax: 1e9 } }), PORTS);
    expect(E.isLeft(r)).toBe(true);
    if (E.isRight(r)) return;
    expect(r.left.code).toBe('INVALID_INPUT');
    expect(r.left.issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_policy', 'policy.timing.jitterMax'],
    ]);
    expect(r.left.issues[0]?.message).toMatch(
      /^policy\.timing\.jitterMax: expected .*, got 1000000000$/,
    );
  });

  it('resolvePolicy answers the same issue', () => {
    const r = resolvePolicy({ timing: { jitterMax: 1e9 } });
    expect(E.isLeft(r) ? r.left.map((i) => i.path) : 'Right').toEqual(['policy.timing.jitterMax']);
  });

  it('the mirror image, jitterMin: -1e9, too', async () => {
    const r = await runBuild(inputs({ timing: { jitterMin: -1e9 } }), PORTS);
    expect(E.isLeft(r) ? r.left.issues.map((i) => i.path) : 'Right').toEqual([
      'policy.timing.jitterMin',
    ]);
  });

  it("the seed's own jitter (-7..+8) is accepted and builds a week", async () => {
    const week = rightOf(
      await runBuild(inputs({ timing: { jitterMin: -7, jitterMax: 8 } }), PORTS),
    );
    for (const item of week.items.filter((i) => !i.isFollowUp)) {
      expect(item.variationMetadata.jitter).toBeGreaterThanOrEqual(-7);
      expect(item.variationMetadata.jitter).toBeLessThanOrEqual(8);
    }
  });
});
