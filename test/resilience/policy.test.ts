import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { checkResiliencePolicy, DEFAULT_RESILIENCE_POLICY } from '../../src/resilience';

const problemsOf = (u: unknown): string[] => {
  const r = checkResiliencePolicy(u);
  return E.isLeft(r) ? r.left.map((p) => `${p.path}: ${p.message}`) : [];
};

describe('DEFAULT_RESILIENCE_POLICY', () => {
  it('holds the seed numbers', () => {
    // 001 MCP_TIMEOUT_CONFIG (seconds) and its fallback of 10 s
    expect(DEFAULT_RESILIENCE_POLICY.timeoutMs).toEqual({
      getCreatorProfile: 10000,
      getPerformanceTrends: 15000,
      getMassMessageHistory: 15000,
      getVaultAvailability: 5000,
      getBestTiming: 5000,
      getPersonaProfile: 10000,
      getCaptionCandidates: 15000,
      countUsableCaptions: 15000,
      getContentTypeRankings: 10000,
      getRotationState: 10000,
      saveSchedule: 20000,
      saveRotationState: 10000,
      saveVolumePrediction: 10000,
      default: 10000,
    });
    // 001 retry_with_backoff: 3 calls, 1 s, x3 (1 s, 3 s, 9 s)
    expect(DEFAULT_RESILIENCE_POLICY.retry).toEqual({
      attempts: 3,
      baseDelayMs: 1000,
      factor: 3,
      maxDelayMs: 9000,
      jitterRatio: 0.1,
    });
    // 003 task 2.5c: 5 failures, 30 s, 3 probes; 001: > 50 % over 10 calls, one test call
    expect(DEFAULT_RESILIENCE_POLICY.breaker).toEqual({
      variant: 'consecutive',
      failureThreshold: 5,
      recoveryTimeoutMs: 30000,
      halfOpenMaxCalls: 3,
      windowSize: 10,
      failureRateThreshold: 0.5,
      rateHalfOpenMaxCalls: 1,
    });
    // 003 task 2.5b ttl_minutes=60
    expect(DEFAULT_RESILIENCE_POLICY.idempotencyTtlMs).toBe(3600000);
  });

  it('is deep-frozen', () => {
    const p = DEFAULT_RESILIENCE_POLICY;
    for (const o of [p, p.timeoutMs, p.retry, p.breaker]) expect(Object.isFrozen(o)).toBe(true);
    expect(() => {
      (p.retry as { attempts: number }).attempts = 9;
    }).toThrow(TypeError);
    expect(p.retry.attempts).toBe(3);
  });
});

describe('checkResiliencePolicy', () => {
  it('answers a fresh copy of the default for no override', () => {
    for (const u of [undefined, {}]) {
      const r = checkResiliencePolicy(u);
      expect(E.isRight(r)).toBe(true);
      if (E.isLeft(r)) return;
      expect(r.right).toEqual(DEFAULT_RESILIENCE_POLICY);
      expect(r.right).not.toBe(DEFAULT_RESILIENCE_POLICY);
      expect(r.right.timeoutMs).not.toBe(DEFAULT_RESILIENCE_POLICY.timeoutMs);
      expect(r.right.retry).not.toBe(DEFAULT_RESILIENCE_POLICY.retry);
      expect(r.right.breaker).not.toBe(DEFAULT_RESILIENCE_POLICY.breaker);
      expect(Object.isFrozen(r.right.retry)).toBe(false);
    }
  });

  it('merges a partial override without sharing its objects', () => {
    const override = {
      retry: { attempts: 2 },
      breaker: { variant: 'failure_rate' as const },
      timeoutMs: { saveSchedule: 25000 },
      idempotencyTtlMs: 60000,
    };
    const r = checkResiliencePolicy(override);
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
    expect(r.right.retry).toEqual({
      attempts: 2,
      baseDelayMs: 1000,
      factor: 3,
      maxDelayMs: 9000,
      jitterRatio: 0.1,
    });
    expect(r.right.breaker.variant).toBe('failure_rate');
    expect(r.right.breaker.failureThreshold).toBe(5);
    expect(r.right.timeoutMs.saveSchedule).toBe(25000);
    expect(r.right.timeoutMs.getBestTiming).toBe(5000);
    expect(r.right.idempotencyTtlMs).toBe(60000);
    expect(r.right.retry).not.toBe(override.retry);
    (r.right.retry as { attempts: number }).attempts = 7;
    expect(override.retry.attempts).toBe(2);
    expect(DEFAULT_RESILIENCE_POLICY.retry.attempts).toBe(3);
  });

  it('rejects unknown keys with their path', () => {
    expect(problemsOf({ retry: { atempts: 2 } })).toEqual([
      'resilience.retry.atempts: unknown key',
    ]);
    expect(problemsOf({ retries: {} })).toEqual(['resilience.retries: unknown key']);
    expect(problemsOf({ timeoutMs: { getCaptions: 1 } })).toEqual([
      'resilience.timeoutMs.getCaptions: unknown key',
    ]);
  });

  it('rejects bad numbers, collecting every problem', () => {
    expect(
      problemsOf({
        timeoutMs: { saveSchedule: -1, default: Number.POSITIVE_INFINITY, getBestTiming: 0 },
        retry: { attempts: 0, baseDelayMs: Number.NaN, factor: 0.5, jitterRatio: 1.5 },
        breaker: { variant: 'sometimes', failureThreshold: 2.5, failureRateThreshold: -0.1 },
        idempotencyTtlMs: '60',
      }),
    ).toEqual([
      'resilience.timeoutMs.saveSchedule: expected a finite number > 0, got -1',
      'resilience.timeoutMs.default: expected a finite number > 0, got Infinity',
      'resilience.timeoutMs.getBestTiming: expected a finite number > 0, got 0',
      'resilience.retry.attempts: expected an integer in 1..10, got 0',
      'resilience.retry.baseDelayMs: expected a finite number >= 0, got NaN',
      'resilience.retry.factor: expected a finite number >= 1, got 0.5',
      'resilience.retry.jitterRatio: expected a finite number in 0..1, got 1.5',
      'resilience.breaker.variant: expected one of "consecutive", "failure_rate", got "sometimes"',
      'resilience.breaker.failureThreshold: expected an integer >= 1, got 2.5',
      'resilience.breaker.failureRateThreshold: expected a finite number in 0..1, got -0.1',
      'resilience.idempotencyTtlMs: expected a finite number > 0, got "60"',
    ]);
    expect(problemsOf({ retry: { attempts: 11 } })).toEqual([
      'resilience.retry.attempts: expected an integer in 1..10, got 11',
    ]);
  });

  it('rejects what is not an object', () => {
    for (const u of [null, 5, 'x', [], () => 1])
      expect(problemsOf(u)[0]).toMatch(/^resilience: expected an object/);
    expect(problemsOf({ retry: [1] })[0]).toMatch(/^resilience\.retry: expected an object/);
  });

  it('never fails on hostile input', () => {
    const circular: Record<string, unknown> = {};
    circular.retry = circular;
    expect(problemsOf(circular)).toEqual(['resilience.retry.retry: unknown key']);

    const getter = {
      get retry(): unknown {
        throw new Error('boom');
      },
    };
    expect(problemsOf(getter)).toEqual(['resilience.retry: unreadable (Error: boom)']);

    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(problemsOf(proxy)[0]).toMatch(/^resilience: unreadable object/);

    const keysThrow = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no keys');
        },
      },
    );
    expect(problemsOf({ breaker: keysThrow })[0]).toMatch(
      /^resilience\.breaker: unreadable object/,
    );
  });

  it('property: never fails, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({
            retry: fc.anything(),
            breaker: fc.dictionary(fc.string(), fc.anything()),
            timeoutMs: fc.anything(),
          }),
        ),
        (u) => {
          const r = checkResiliencePolicy(u);
          expect(E.isLeft(r) || E.isRight(r)).toBe(true);
        },
      ),
    );
  });

  it('property: a valid override is taken as given, and the default is untouched', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            attempts: fc.integer({ min: 1, max: 10 }),
            baseDelayMs: fc.double({ min: 0, max: 1e6, noNaN: true }),
            factor: fc.double({ min: 1, max: 10, noNaN: true }),
            maxDelayMs: fc.double({ min: 0, max: 1e6, noNaN: true }),
            jitterRatio: fc.double({ min: 0, max: 1, noNaN: true }),
          },
          { requiredKeys: [] },
        ),
        (retry) => {
          const r = checkResiliencePolicy({ retry });
          if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
          expect(r.right.retry).toEqual({
            attempts: 3,
            baseDelayMs: 1000,
            factor: 3,
            maxDelayMs: 9000,
            jitterRatio: 0.1,
            ...retry,
          });
          expect(DEFAULT_RESILIENCE_POLICY.retry.attempts).toBe(3);
        },
      ),
    );
  });
});
