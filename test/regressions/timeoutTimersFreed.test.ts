/**
 * Regression: every timed port call left the caller's timeout sleep running after the call
 * had answered. With the README's `setTimeout` sleep, a script that built one week under
 * `withResilience` finished its build in about a second and then stayed alive until the longest
 * timeout (15 s) ran out.
 *
 * Now: `withTimeout` passes the sleep an `AbortSignal` and aborts it as soon as the call
 * settles, so a sleep that honours it frees its timer; a sleep that ignores it, or rejects on
 * abort (Node's `timers/promises`), changes nothing in the result. (A caller's abort listener
 * that throws is reported by the host as for any `EventTarget`, not by us.)
 */
import { setTimeout as delay } from 'node:timers/promises';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { inMemoryPorts, type Sleep, withResilience, withTimeout } from '../../src/index';
import { leanDataset, richCreator, runBuild, WEEK } from '../support/trustData';

const INPUTS = { creatorId: richCreator.creatorId, weekStart: WEEK, seed: 8 };

/** A sleep that never fires by itself and records each wait with its signal. */
const recordingSleep = () => {
  const waits: Array<{ readonly ms: number; readonly signal: AbortSignal | undefined }> = [];
  const sleep: Sleep = (ms, signal) => {
    waits.push({ ms, signal });
    return new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve()));
  };
  return { waits, sleep };
};

describe('regression: the timeout of a call that answered is freed', () => {
  it('withTimeout aborts the signal once the call settles, and answers the call', async () => {
    const { waits, sleep } = recordingSleep();
    const r = await withTimeout(async () => E.right(42), 10_000, sleep, 'getBestTiming');
    expect(r).toEqual(E.right(42));
    expect(waits).toHaveLength(1);
    expect(waits[0]?.ms).toBe(10_000);
    await Promise.resolve();
    expect(waits[0]?.signal?.aborted).toBe(true);
  });

  it('a whole build under withResilience leaves no timeout sleep unaborted', async () => {
    const { waits, sleep } = recordingSleep();
    const wrapped = withResilience(inMemoryPorts(leanDataset()), {
      clock: { now: () => Date.UTC(2025, 0, 20) },
      sleep,
    });
    if (E.isLeft(wrapped)) throw new Error(JSON.stringify(wrapped.left));
    const r = await runBuild(INPUTS, wrapped.right);
    expect(E.isRight(r)).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(waits.length).toBeGreaterThan(5);
    expect(waits.filter((w) => w.signal?.aborted !== true)).toEqual([]);
  });

  it("Node's timers/promises sleep (rejects on abort) and a sleep that ignores the signal give the same week", async () => {
    const build = async (sleep: Sleep) => {
      const wrapped = withResilience(inMemoryPorts(leanDataset()), {
        clock: { now: () => Date.UTC(2025, 0, 20) },
        sleep,
      });
      if (E.isLeft(wrapped)) throw new Error(JSON.stringify(wrapped.left));
      return runBuild(INPUTS, wrapped.right);
    };
    const node = await build((ms, signal) => delay(ms, undefined, { signal }));
    const ignoring = await build(() => new Promise<void>(() => undefined));
    expect(E.isRight(node)).toBe(true);
    expect(JSON.stringify(ignoring)).toBe(JSON.stringify(node));
  });
});
