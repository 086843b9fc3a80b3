/**
 * Regression, issue 6 "Why" 2d: `resolvePolicy({})` shared nested objects with
 * `DEFAULT_POLICY`, so one caller's mutation changed every later build in the process.
 *
 * Now a resolved policy is a fresh object at every level - it shares no object or array with
 * `DEFAULT_POLICY`, with another resolved policy, or with the override it was given - and it is
 * deep-frozen; a caller that mutates a resolved policy, the defaults, or its own override object
 * after the call changes no later build.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, inMemoryPorts, resolvePolicy, type SchedulePolicy } from '../../src/index';
import { leanDataset, richCreator, rightOf, runBuild, WEEK } from '../support/trustData';

const PORTS = inMemoryPorts(leanDataset());
const inputs = (policy?: unknown) => ({
  creatorId: richCreator.creatorId,
  weekStart: WEEK,
  seed: 12,
  ...(policy === undefined ? {} : { policy }),
});

/** Every object and array reachable from `u` (itself included). */
const objectsOf = (u: unknown, out = new Set<object>()): Set<object> => {
  if (typeof u === 'object' && u !== null && !out.has(u)) {
    out.add(u);
    for (const v of Object.values(u)) objectsOf(v, out);
  }
  return out;
};

const resolved = (o: unknown): SchedulePolicy => {
  const r = resolvePolicy(o);
  if (E.isLeft(r)) throw new Error(r.left.map((i) => i.message).join('; '));
  return r.right;
};

/** Tries a mutation; a frozen object refuses it (TypeError in strict mode), which is fine too. */
const tryMutate = (f: () => void): void => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TypeError);
  }
};

describe('regression: resolvePolicy({}) shares nothing, and no mutation changes a later build', () => {
  it('shares no object or array with DEFAULT_POLICY, nor with another resolved policy', () => {
    const defaults = objectsOf(DEFAULT_POLICY);
    const a = objectsOf(resolved({}));
    const b = objectsOf(resolved({}));
    expect(a.size).toBeGreaterThan(30);
    for (const o of a) {
      expect(defaults.has(o)).toBe(false);
      expect(b.has(o)).toBe(false);
    }
    expect(resolved({})).toEqual(DEFAULT_POLICY);
  });

  it('shares nothing with the override object either, so mutating it after the call changes nothing', () => {
    const override = {
      followups: { maxPerDay: 2 },
      timing: { defaultPeakHours: [18, 19, 20, 21] },
      content: {
        degradationChain: [
          { minFreshness: 30, minPerformance: 40 },
          { minFreshness: 0, minPerformance: 0 },
        ],
      },
    };
    const p = resolved(override);
    const mine = objectsOf(override);
    for (const o of objectsOf(p)) expect(mine.has(o)).toBe(false);
    override.followups.maxPerDay = 4;
    override.timing.defaultPeakHours.push(23);
    override.timing.defaultPeakHours[0] = 3;
    (override.content.degradationChain[0] as { minFreshness: number }).minFreshness = 99;
    expect(p.followups.maxPerDay).toBe(2);
    expect(p.timing.defaultPeakHours).toEqual([18, 19, 20, 21]);
    expect(p.content.degradationChain[0]).toEqual({ minFreshness: 30, minPerformance: 40 });
  });

  it('is deep-frozen', () => {
    for (const o of objectsOf(resolved({ followups: { maxPerDay: 3 } })))
      expect(Object.isFrozen(o)).toBe(true);
  });

  it('a caller mutating a resolved policy, DEFAULT_POLICY or its override after a build changes no later build', async () => {
    const before = rightOf(await runBuild(inputs(), PORTS));
    const override = {
      followups: { maxPerDay: 2 },
      timing: { defaultPeakHours: [18, 19, 20, 21] },
    };
    const withOverride = rightOf(await runBuild(inputs(override), PORTS));

    const p = resolved({});
    tryMutate(() => {
      (p.followups as { maxPerDay: number }).maxPerDay = 0;
    });
    tryMutate(() => {
      (p.timing.defaultPeakHours as number[]).push(4);
    });
    tryMutate(() => {
      (DEFAULT_POLICY.validation as { passScore: number }).passScore = 0;
    });
    tryMutate(() => {
      (DEFAULT_POLICY.timing.roundMinutes as number[]).length = 0;
    });
    override.followups.maxPerDay = 0;
    override.timing.defaultPeakHours.length = 0;

    const after = rightOf(await runBuild(inputs(), PORTS));
    expect(after.items).toEqual(before.items);
    expect(after.validation).toEqual(before.validation);
    const again = rightOf(
      await runBuild(
        inputs({ followups: { maxPerDay: 2 }, timing: { defaultPeakHours: [18, 19, 20, 21] } }),
        PORTS,
      ),
    );
    expect(again.items).toEqual(withOverride.items);
    // 000 gap 5.1 allows 4 follow-ups a day; the override asked for 2, and got 2.
    const perDay = new Map<string, number>();
    for (const i of again.items.filter((x) => x.isFollowUp))
      perDay.set(i.scheduledDate, (perDay.get(i.scheduledDate) ?? 0) + 1);
    for (const n of perDay.values()) expect(n).toBeLessThanOrEqual(2);
  });
});
