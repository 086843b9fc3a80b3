/**
 * Regression, issue 6 "Why" 1b: a port that never answered hung `buildSchedule` forever.
 *
 * Now: under `withResilience`, on the caller's clock and sleep, a call that gets no answer within its
 * timeout is a `timeout` fault, retried with backoff: a required port ends in `PORT_TIMEOUT`
 * naming it, an optional one in its fallback with a `port_failed` warning, both within
 * timeout x attempts + backoff. The clock and `sleep` here are fake (test/support/fakeTime.ts):
 * no real timer runs, the fake clock says how long the build took.
 *
 * Literals: seed 001 "Timeout Configuration" (`get_creator_profile` 10 s, history behind
 * `get_performance_trends` 15 s, `get_best_timing` 5 s, `get_send_type_captions` 15 s) and
 * "Retry Strategy with Exponential Backoff" (`max_retries=3`, `base_delay=1.0`, delays 1 s, 3 s,
 * 9 s). The tests pass these numbers explicitly, with no jitter, so the fake elapsed time is exact.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { inMemoryPorts, type SchedulePorts, withResilience } from '../../src/index';
import { fakeTime } from '../support/fakeTime';
import { leanDataset, richCreator, runBuild, WEEK } from '../support/trustData';

const PORTS: SchedulePorts = inMemoryPorts(leanDataset());
const INPUTS = { creatorId: richCreator.creatorId, weekStart: WEEK, seed: 8 };
const never = () => () => new Promise<never>(() => undefined);

/** Seed 001 numbers, jitter off. */
const SEED_POLICY = {
  timeoutMs: {
    getCreatorProfile: 10_000,
    getMassMessageHistory: 15_000,
    getBestTiming: 5_000,
    getCaptionCandidates: 15_000,
  },
  retry: { attempts: 3, baseDelayMs: 1_000, factor: 3, maxDelayMs: 9_000, jitterRatio: 0 },
};

const hangOn = async (port: keyof typeof SEED_POLICY.timeoutMs, policy: unknown = SEED_POLICY) => {
  const ft = fakeTime();
  const wrapped = withResilience(
    { ...PORTS, [port]: never },
    {
      clock: ft.clock,
      sleep: ft.sleep,
      policy: policy as never,
      seed: 'hang',
    },
  );
  if (E.isLeft(wrapped)) throw new Error(JSON.stringify(wrapped.left));
  const { value, elapsedMs } = await ft.drive(() => runBuild(INPUTS, wrapped.right));
  return { r: value, elapsedMs };
};

describe('regression: a port that never answers ends in PORT_TIMEOUT under withResilience, not a hang', () => {
  it('getCreatorProfile: PORT_TIMEOUT after 3 x 10 s + 1 s + 3 s of fake time', async () => {
    const { r, elapsedMs } = await hangOn('getCreatorProfile');
    expect(E.isLeft(r) && r.left.code).toBe('PORT_TIMEOUT');
    if (E.isRight(r)) return;
    expect(r.left.issues.map((i) => [i.code, i.path, i.details.attempts])).toEqual([
      ['port_timeout', 'getCreatorProfile', 3],
    ]);
    expect(elapsedMs).toBe(3 * 10_000 + 1_000 + 3_000);
  });

  it('getMassMessageHistory: PORT_TIMEOUT after 3 x 15 s + 1 s + 3 s', async () => {
    const { r, elapsedMs } = await hangOn('getMassMessageHistory');
    expect(E.isLeft(r) && r.left.code).toBe('PORT_TIMEOUT');
    if (E.isRight(r)) return;
    expect(r.left.issues.map((i) => [i.path, i.details.attempts])).toEqual([
      ['getMassMessageHistory', 3],
    ]);
    expect(elapsedMs).toBe(3 * 15_000 + 1_000 + 3_000);
  });

  it('optional getBestTiming: the generic peak hours, a port_failed timeout warning, the week, after 3 x 5 s + 1 s + 3 s', async () => {
    const { r, elapsedMs } = await hangOn('getBestTiming');
    expect(E.isRight(r)).toBe(true);
    if (E.isLeft(r)) return;
    expect(r.right.items.length).toBeGreaterThan(0);
    expect(
      r.right.summary.adjustments
        .filter((i) => i.code === 'port_failed')
        .map((i) => [i.path, i.details.kind, i.details.attempts]),
    ).toEqual([['getBestTiming', 'timeout', 3]]);
    expect(r.right.summary.adjustments.some((i) => i.code === 'timing_default')).toBe(true);
    expect(elapsedMs).toBe(3 * 5_000 + 1_000 + 3_000);
  });

  it('with the default resilience policy the profile times out too, within 3 x 10 s + (1 s + 3 s) x 1.1', async () => {
    const { r, elapsedMs } = await hangOn('getCreatorProfile', undefined);
    expect(E.isLeft(r) && r.left.code).toBe('PORT_TIMEOUT');
    // +-10 % jitter on the retry delays is the project's choice (the seeds have none).
    expect(elapsedMs).toBeLessThanOrEqual(3 * 10_000 + (1_000 + 3_000) * 1.1);
  });

  it('getCaptionCandidates with the breaker kept closed: PORT_TIMEOUT after 3 x 15 s + 1 s + 3 s', async () => {
    const { r, elapsedMs } = await hangOn('getCaptionCandidates', {
      ...SEED_POLICY,
      breaker: { failureThreshold: 1_000 },
    });
    expect(E.isLeft(r) && r.left.code).toBe('PORT_TIMEOUT');
    if (E.isRight(r)) return;
    expect(
      r.left.issues.every((i) => i.path === 'getCaptionCandidates' && i.details.attempts === 3),
    ).toBe(true);
    expect(elapsedMs).toBe(3 * 15_000 + 1_000 + 3_000);
  });

  // Found by this suite, fixed in 308ca04: the ~20 concurrent caption reads all timed out
  // together, the default breaker (003: 5 consecutive failures) opened, the first read's retry was
  // refused, and the build ended in PORT_FAILURE circuit_open instead of PORT_TIMEOUT.
  it('getCaptionCandidates under the default breaker: PORT_TIMEOUT, not a circuit_open PORT_FAILURE', async () => {
    const { r } = await hangOn('getCaptionCandidates');
    expect(E.isLeft(r) ? [r.left.code, r.left.issues[0]?.details.kind ?? null] : 'Right').toEqual([
      'PORT_TIMEOUT',
      null,
    ]);
  });
});
