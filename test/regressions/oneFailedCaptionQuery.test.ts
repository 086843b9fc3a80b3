/**
 * Regression, issue 6 "Why" 1c: one failed caption query out of the 50-131 that a week made, one
 * after another, threw the whole week away; there was no timeout, retry or circuit breaker.
 *
 * Now: the week's caption candidates are read in at most one call per caption type (Deliver 2),
 * concurrently; under `withResilience` a transient failure (a `Left` the port marks
 * `transient: true`, or a timeout) is retried with backoff and the week is built - the same week
 * as without the failure. A failure the port does not mark transient is not retried: the build is
 * a `Left` naming the port, never a rejection.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { describe, expect, it } from 'vitest';
import {
  CAPTION_TYPES,
  type CaptionQuery,
  inMemoryPorts,
  type SchedulePorts,
  withResilience,
} from '../../src/index';
import { datasetFixture } from '../pipeline/fixtures';
import { fakeTime } from '../support/fakeTime';
import { type Built, richCreator, rightOf, runBuild, WEEK } from '../support/trustData';

/** The fixture's full caption bank (40 per caption type): enough for every slot. */
const PORTS: SchedulePorts = inMemoryPorts(datasetFixture(richCreator, WEEK));
const INPUTS = { creatorId: richCreator.creatorId, weekStart: WEEK, seed: 21 };
const POLICY = {
  timeoutMs: { getCaptionCandidates: 15_000 },
  retry: { attempts: 3, baseDelayMs: 1_000, factor: 3, maxDelayMs: 9_000, jitterRatio: 0 },
};

/** The caption port with call `failAt` (0-based) answered by `fault` instead. */
const captionsFailingOnce = (failAt: number, fault: () => unknown) => {
  const seen = { calls: 0 };
  const ports: SchedulePorts = {
    ...PORTS,
    getCaptionCandidates: ((q: CaptionQuery) => {
      const n = seen.calls;
      seen.calls += 1;
      return n === failAt ? fault() : PORTS.getCaptionCandidates(q);
    }) as SchedulePorts['getCaptionCandidates'],
  };
  return { ports, seen };
};

const resilient = async (ports: SchedulePorts): Promise<{ r: Built; elapsedMs: number }> => {
  const ft = fakeTime();
  const w = withResilience(ports, {
    clock: ft.clock,
    sleep: ft.sleep,
    policy: POLICY,
    seed: 'captions',
  });
  if (E.isLeft(w)) throw new Error(JSON.stringify(w.left));
  const { value, elapsedMs } = await ft.drive(() => runBuild(INPUTS, w.right));
  return { r: value, elapsedMs };
};

const captionAttempts = (r: Built): number[] =>
  E.isLeft(r)
    ? []
    : r.right.audit.events.flatMap((e) =>
        e.type === 'port_call' && e.port === 'getCaptionCandidates' ? [e.attempts] : [],
      );

describe('regression: one failed caption query does not throw the week away', () => {
  it('reads the captions in at most one call per caption type, concurrently', async () => {
    let calls = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const ports: SchedulePorts = {
      ...PORTS,
      getCaptionCandidates: (q) => async () => {
        calls += 1;
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await Promise.resolve();
        const r = await PORTS.getCaptionCandidates(q)();
        inFlight -= 1;
        return r;
      },
    };
    const week = rightOf(await runBuild(INPUTS, ports));
    expect(week.items.length).toBeGreaterThan(100);
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(CAPTION_TYPES.length);
    expect(maxInFlight).toBeGreaterThan(1);
  });

  it('a transient Left on one caption query is retried under withResilience and the same week is built', async () => {
    const { r: baseline } = await resilient(PORTS);
    const base = rightOf(baseline);
    const { ports, seen } = captionsFailingOnce(3, () =>
      TE.left({ message: 'connection reset by peer', transient: true }),
    );
    const { r, elapsedMs } = await resilient(ports);
    const week = rightOf(r);
    expect(week.items).toEqual(base.items);
    expect(week.validation.status).toBe(base.validation.status);
    expect(captionAttempts(r).filter((n) => n === 2)).toHaveLength(1);
    expect(captionAttempts(r).every((n) => n === 1 || n === 2)).toBe(true);
    expect(seen.calls).toBe(captionAttempts(baseline).length + 1);
    // One retry after seed 001's first delay, 1 s of fake time.
    expect(elapsedMs).toBe(1_000);
  });

  it('a caption query that never answers once is timed out, retried, and the same week is built', async () => {
    const base = rightOf((await resilient(PORTS)).r);
    const { ports } = captionsFailingOnce(0, () => () => new Promise(() => undefined));
    const { r, elapsedMs } = await resilient(ports);
    expect(rightOf(r).items).toEqual(base.items);
    expect(elapsedMs).toBe(15_000 + 1_000);
  });

  it('a failure the port does not mark transient is not retried: Left PORT_FAILURE naming the port, no rejection', async () => {
    const { ports } = captionsFailingOnce(
      3,
      () => () => Promise.reject(new Error('syntax error in SQL')),
    );
    const { r } = await resilient(ports);
    expect(E.isLeft(r)).toBe(true);
    if (E.isRight(r)) return;
    expect(r.left.code).toBe('PORT_FAILURE');
    expect(r.left.issues.map((i) => [i.path, i.details.kind, i.details.attempts])).toEqual([
      ['getCaptionCandidates', 'rejected', 1],
    ]);
  });
});
