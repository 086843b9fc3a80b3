import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { rngFrom } from '../../src/index';
import type { PortError } from '../../src/ports/faults';
import {
  isRetryable,
  type RetryPolicy,
  retryDelays,
  safeNow,
  withRetry,
  withTimeout,
} from '../../src/resilience';
import { instantTime, virtualTime } from './support/virtualTime';

/** 001 retry_with_backoff: 3 calls, base 1 s, factor 3, "1s, 3s, 9s". */
const SEED_RETRY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 1000,
  factor: 3,
  maxDelayMs: 9000,
  jitterRatio: 0,
};

const fault = (kind: PortError['kind'], transient: boolean): PortError => ({
  port: 'p',
  kind,
  message: kind,
  attempts: 1,
  transient,
});

describe('safeNow', () => {
  it('reads a clock, and a failing or junk clock is a value', () => {
    expect(safeNow({ now: () => 1700000000000 })).toEqual(E.right(1700000000000));
    const threw = safeNow({
      now: () => {
        throw new Error('no time');
      },
    });
    expect(E.isLeft(threw) && threw.left.kind).toBe('threw');
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY, '5', 1e300]) {
      const r = safeNow({ now: () => v as number });
      expect(E.isLeft(r) && r.left.kind).toBe('malformed');
    }
  });
});

describe('withTimeout', () => {
  it('answers the call when it settles first', async () => {
    const vt = virtualTime();
    const r = await vt.run(
      withTimeout(
        () => vt.sleep(4000).then(() => E.right('ok')),
        5000,
        vt.sleep,
        'getVaultAvailability',
      ),
    );
    expect(r).toEqual(E.right('ok'));
    expect(vt.now()).toBe(4000);
  });

  it('is a transient timeout when the sleep wins (001: get_vault_availability 5 s)', async () => {
    const vt = virtualTime();
    const r = await vt.run(
      withTimeout(
        () => vt.sleep(12000).then(() => E.right('late')),
        5000,
        vt.sleep,
        'getVaultAvailability',
      ),
    );
    expect(vt.now()).toBe(5000);
    expect(r).toEqual(
      E.left({
        port: 'getVaultAvailability',
        kind: 'timeout',
        message: 'getVaultAvailability timed out after 5000 ms',
        attempts: 1,
        transient: true,
      }),
    );
  });

  it('bounds a call that never answers', async () => {
    const vt = virtualTime();
    const r = await vt.run(
      withTimeout(() => new Promise<E.Either<PortError, number>>(() => {}), 10000, vt.sleep, 'p'),
    );
    expect(E.isLeft(r) && r.left.kind).toBe('timeout');
    expect(vt.now()).toBe(10000);
  });

  it('just waits for the call when sleep fails, rejects or answers no promise', async () => {
    const sleeps = [
      () => {
        throw new Error('no timers');
      },
      () => Promise.reject(new Error('no timers')),
      () => undefined as unknown as Promise<void>,
    ];
    for (const sleep of sleeps) {
      const vt = virtualTime();
      const r = await vt.run(
        withTimeout(() => vt.sleep(20000).then(() => E.right(1)), 5000, sleep, 'p'),
      );
      expect(r).toEqual(E.right(1));
      expect(vt.now()).toBe(20000);
    }
  });

  it('turns a call that fails or answers junk into a PortError', async () => {
    const { sleep } = virtualTime();
    const rejected = await withTimeout(() => Promise.reject(new Error('down')), 5000, sleep, 'p');
    expect(E.isLeft(rejected) && rejected.left.kind).toBe('rejected');
    const threw = await withTimeout(
      () => {
        throw new Error('sync');
      },
      5000,
      sleep,
      'p',
    );
    expect(E.isLeft(threw) && threw.left.kind).toBe('rejected');
    const junk = await withTimeout(
      () => Promise.resolve(42 as unknown as E.Either<PortError, number>),
      5000,
      sleep,
      'p',
    );
    expect(E.isLeft(junk) && junk.left.kind).toBe('malformed');
  });
});

describe('retryDelays', () => {
  it('is 1 s, 3 s, 9 s without jitter, capped at 9 s (001)', () => {
    const rng = rngFrom('x');
    expect(retryDelays(SEED_RETRY, rng)).toEqual([1000, 3000]);
    expect(retryDelays({ ...SEED_RETRY, attempts: 4 }, rng)).toEqual([1000, 3000, 9000]);
    expect(retryDelays({ ...SEED_RETRY, attempts: 6 }, rng)).toEqual([
      1000, 3000, 9000, 9000, 9000,
    ]);
    expect(retryDelays({ ...SEED_RETRY, attempts: 1 }, rng)).toEqual([]);
  });

  it('clamps an unchecked policy instead of looping', () => {
    const rng = rngFrom('x');
    expect(retryDelays({ ...SEED_RETRY, attempts: Number.POSITIVE_INFINITY }, rng)).toHaveLength(0);
    expect(retryDelays({ ...SEED_RETRY, attempts: 1000 }, rng)).toHaveLength(9);
    expect(retryDelays({ ...SEED_RETRY, factor: 1e308, attempts: 3 }, rng)).toEqual([1000, 9000]);
  });

  it('property: jittered delays lie within +-ratio of the backoff, under the cap, seeded', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.string(),
        (attempts, jitterRatio, seed) => {
          const policy = { ...SEED_RETRY, attempts, jitterRatio };
          const delays = retryDelays(policy, rngFrom(seed));
          expect(delays).toEqual(retryDelays(policy, rngFrom(seed)));
          expect(delays).toHaveLength(attempts - 1);
          delays.forEach((d, k) => {
            const raw = 1000 * 3 ** k;
            expect(Number.isInteger(d)).toBe(true);
            expect(d).toBeLessThanOrEqual(9000);
            expect(d).toBeGreaterThanOrEqual(Math.min(9000, Math.floor(raw * (1 - jitterRatio))));
            expect(d).toBeLessThanOrEqual(Math.ceil(raw * (1 + jitterRatio)));
          });
        },
      ),
    );
  });

  it('jitters by at most 10 % with the project default', () => {
    const delays = retryDelays({ ...SEED_RETRY, jitterRatio: 0.1 }, rngFrom('seed', 'p', 0));
    expect(delays[0]).toBeGreaterThanOrEqual(900);
    expect(delays[0]).toBeLessThanOrEqual(1100);
    expect(delays[1]).toBeGreaterThanOrEqual(2700);
    expect(delays[1]).toBeLessThanOrEqual(3300);
  });
});

describe('withRetry', () => {
  it('retries transient faults with the backoff delays, then succeeds', async () => {
    const time = instantTime();
    const calls: number[] = [];
    const r = await withRetry(
      async (n) => {
        calls.push(n);
        return n < 3 ? E.left(fault('left', true)) : E.right('third time');
      },
      { policy: SEED_RETRY, sleep: time.sleep, rng: rngFrom('s') },
    );
    expect(r).toEqual(E.right('third time'));
    expect(calls).toEqual([1, 2, 3]);
    expect(time.slept).toEqual([1000, 3000]);
    expect(time.now()).toBe(4000);
  });

  it('gives up after 3 calls, with attempts 3', async () => {
    const time = instantTime();
    const r = await withRetry(async () => E.left(fault('timeout', true)), {
      policy: SEED_RETRY,
      sleep: time.sleep,
      rng: rngFrom('s'),
    });
    expect(E.isLeft(r) && r.left).toMatchObject({ kind: 'timeout', attempts: 3 });
  });

  it('never retries non-transient faults, nor decode / malformed / circuit_open', async () => {
    for (const f of [
      fault('left', false),
      fault('rejected', false),
      fault('decode', true),
      fault('malformed', true),
      fault('circuit_open', true),
    ]) {
      const time = instantTime();
      let calls = 0;
      const r = await withRetry(
        async () => {
          calls++;
          return E.left(f);
        },
        { policy: SEED_RETRY, sleep: time.sleep, rng: rngFrom('s') },
      );
      expect(calls).toBe(1);
      expect(E.isLeft(r) && r.left.attempts).toBe(1);
      expect(time.slept).toEqual([]);
    }
    expect(isRetryable(fault('timeout', false))).toBe(true);
  });

  it('tells onRetry (and ignores it failing), and a failing sleep does not stop it', async () => {
    const seen: number[] = [];
    let calls = 0;
    const r = await withRetry(
      async () => {
        calls++;
        return E.left(fault('left', true));
      },
      {
        policy: SEED_RETRY,
        sleep: () => Promise.reject(new Error('no timer')),
        rng: rngFrom('s'),
        onRetry: (e) => {
          seen.push(e.delayMs);
          throw new Error('listener broke');
        },
      },
    );
    expect(calls).toBe(3);
    expect(seen).toEqual([1000, 3000]);
    expect(E.isLeft(r) && r.left.attempts).toBe(3);
  });

  it('makes a single attempt when its options cannot be read', async () => {
    let calls = 0;
    const r = await withRetry(async () => {
      calls++;
      return E.left(fault('timeout', true));
    }, {} as never);
    expect(calls).toBe(1);
    expect(E.isLeft(r) && r.left.attempts).toBe(1);
  });

  it('turns an attempt that fails into a PortError of the port', async () => {
    const r = await withRetry(
      () => {
        throw new Error('bug');
      },
      { policy: SEED_RETRY, sleep: instantTime().sleep, rng: rngFrom('s'), port: 'getBestTiming' },
    );
    expect(E.isLeft(r) && r.left).toMatchObject({ port: 'getBestTiming', kind: 'rejected' });
  });

  it('property: calls = first success or non-retryable fault, at most attempts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10 }),
        fc.array(fc.constantFrom('ok', 'transient', 'permanent', 'timeout'), {
          minLength: 10,
          maxLength: 10,
        }),
        async (attempts, script) => {
          const time = instantTime();
          let calls = 0;
          const r = await withRetry(
            async (n) => {
              calls++;
              const s = script[n - 1];
              if (s === 'ok') return E.right(n);
              if (s === 'timeout') return E.left(fault('timeout', true));
              return E.left(fault('left', s === 'transient'));
            },
            { policy: { ...SEED_RETRY, attempts }, sleep: time.sleep, rng: rngFrom('s') },
          );
          const stop = script.findIndex((s) => s === 'ok' || s === 'permanent');
          const expected = Math.min(attempts, stop === -1 ? 10 : stop + 1);
          expect(calls).toBe(expected);
          expect(time.slept).toHaveLength(expected - 1);
          if (E.isLeft(r)) expect(r.left.attempts).toBe(expected);
          else expect(r.right).toBe(expected);
        },
      ),
    );
  });
});
