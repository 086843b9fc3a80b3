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
      getActivePins: 10000,
      getTimingProfile: 10000,
      getCampaignHistory: 10000,
      getAdjustmentOutcomes: 10000,
      saveSchedule: 20000,
      saveRotationState: 10000,
      saveVolumePrediction: 10000,
      deleteSchedule: 20000,
      saveSagaLog: 10000,
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

describe('checkResiliencePolicy (the resilience section of the one policy codec)', () => {
  it('answers a fresh, frozen copy of the default for no override', () => {
    for (const u of [undefined, {}]) {
      const r = checkResiliencePolicy(u);
      expect(E.isRight(r)).toBe(true);
      if (E.isLeft(r)) return;
      expect(r.right).toEqual(DEFAULT_RESILIENCE_POLICY);
      expect(r.right).not.toBe(DEFAULT_RESILIENCE_POLICY);
      expect(r.right.timeoutMs).not.toBe(DEFAULT_RESILIENCE_POLICY.timeoutMs);
      expect(r.right.retry).not.toBe(DEFAULT_RESILIENCE_POLICY.retry);
      expect(r.right.breaker).not.toBe(DEFAULT_RESILIENCE_POLICY.breaker);
      // resolvePolicy answers a fresh deep-frozen policy: nothing shared, nothing mutable
      expect(Object.isFrozen(r.right.retry)).toBe(true);
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
    expect(() => {
      (r.right.retry as { attempts: number }).attempts = 7;
    }).toThrow(TypeError);
    override.retry.attempts = 9;
    expect(r.right.retry.attempts).toBe(2);
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
      // in the schema's order (the ports, then default)
      'resilience.timeoutMs.getBestTiming: expected number in 1..3600000, got 0',
      'resilience.timeoutMs.saveSchedule: expected number in 1..3600000, got -1',
      'resilience.timeoutMs.default: expected number in 1..3600000, got Infinity',
      'resilience.retry.attempts: expected integer in 1..10, got 0',
      'resilience.retry.baseDelayMs: expected number in 0..3600000, got NaN',
      'resilience.retry.factor: expected number in 1..100, got 0.5',
      'resilience.retry.jitterRatio: expected number in 0..1, got 1.5',
      'resilience.breaker.variant: expected "consecutive" | "failure_rate", got "sometimes"',
      'resilience.breaker.failureThreshold: expected integer in 1..10000, got 2.5',
      'resilience.breaker.failureRateThreshold: expected number in 0..1, got -0.1',
      'resilience.idempotencyTtlMs: expected number in 1..2592000000, got "60"',
    ]);
    expect(problemsOf({ retry: { attempts: 11 } })).toEqual([
      'resilience.retry.attempts: expected integer in 1..10, got 11',
    ]);
  });

  it('rejects what is not an object', () => {
    for (const u of [null, 5, 'x', [], () => 1])
      expect(problemsOf(u)[0]).toMatch(/^resilience: expected resilience, got/);
    expect(problemsOf({ retry: [1] })[0]).toMatch(/^resilience\.retry: expected retry, got/);
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
    // a value that throws when read is one issue at the policy's root
    expect(problemsOf(getter)).toEqual([
      'policy: expected a readable value, got an unprintable object',
    ]);

    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(problemsOf(proxy)[0]).toMatch(/^policy: expected a readable value/);

    const keysThrow = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no keys');
        },
      },
    );
    expect(problemsOf({ breaker: keysThrow })[0]).toMatch(/^policy: expected a readable value/);
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
