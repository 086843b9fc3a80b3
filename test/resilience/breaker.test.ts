import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  admit,
  type Breaker,
  type BreakerPolicy,
  type BreakerState,
  fromBreakerRecord,
  initialBreaker,
  recordFailure,
  recordSuccess,
  toBreakerRecord,
} from '../../src/resilience';

/** 003 task 2.5c: 5 failures, 30 s, 3 probes. */
const CONSECUTIVE: BreakerPolicy = {
  variant: 'consecutive',
  failureThreshold: 5,
  recoveryTimeoutMs: 30000,
  halfOpenMaxCalls: 3,
  windowSize: 10,
  failureRateThreshold: 0.5,
  rateHalfOpenMaxCalls: 1,
};
/** 001: > 50 % of the last 10 calls, 30 s, a single test call. */
const RATE: BreakerPolicy = { ...CONSECUTIVE, variant: 'failure_rate' };

const LEGAL: ReadonlyArray<string> = [
  'closed->open',
  'open->half_open',
  'half_open->closed',
  'half_open->open',
];

const fail = (b: Breaker, n: number, now: number, p: BreakerPolicy): Breaker => {
  let x = b;
  for (let i = 0; i < n; i++) x = recordFailure(x, now, p);
  return x;
};

const T0 = 1_700_000_000_000;

describe('consecutive breaker (003 task 2.5c)', () => {
  it('stays closed for 4 failures and opens on the 5th', () => {
    const four = fail(initialBreaker('p'), 4, T0, CONSECUTIVE);
    expect(four.state).toBe('closed');
    expect(four.failureCount).toBe(4);
    expect(admit(four, T0, CONSECUTIVE).allowed).toBe(true);
    const five = recordFailure(four, T0 + 1, CONSECUTIVE);
    expect(five.state).toBe('open');
    expect(five.lastStateChange).toBe(T0 + 1);
  });

  it('a success resets the consecutive failures', () => {
    const b = recordSuccess(fail(initialBreaker('p'), 4, T0, CONSECUTIVE), T0, CONSECUTIVE);
    expect(b.failureCount).toBe(0);
    expect(fail(b, 4, T0, CONSECUTIVE).state).toBe('closed');
  });

  it('refuses while open, and admits a probe once 30 s have passed', () => {
    const open = fail(initialBreaker('p'), 5, T0, CONSECUTIVE);
    const early = admit(open, T0 + 29999, CONSECUTIVE);
    expect(early.allowed).toBe(false);
    expect(early.breaker.state).toBe('open');
    const probe = admit(open, T0 + 30000, CONSECUTIVE);
    expect(probe.allowed).toBe(true);
    expect(probe.breaker.state).toBe('half_open');
    expect(probe.breaker.halfOpenCalls).toBe(1);
    expect(probe.breaker.lastStateChange).toBe(T0 + 30000);
  });

  it('half-open admits 3 probes, closes after 3 successes', () => {
    let b = fail(initialBreaker('p'), 5, T0, CONSECUTIVE);
    const t = T0 + 30000;
    for (let i = 0; i < 3; i++) {
      const a = admit(b, t, CONSECUTIVE);
      expect(a.allowed).toBe(true);
      b = a.breaker;
    }
    expect(admit(b, t, CONSECUTIVE).allowed).toBe(false);
    b = recordSuccess(b, t, CONSECUTIVE);
    b = recordSuccess(b, t, CONSECUTIVE);
    expect(b.state).toBe('half_open');
    b = recordSuccess(b, t + 5, CONSECUTIVE);
    expect(b.state).toBe('closed');
    expect(b.lastStateChange).toBe(t + 5);
    expect(b.failureCount).toBe(0);
  });

  it('any half-open failure reopens for another 30 s', () => {
    let b = admit(fail(initialBreaker('p'), 5, T0, CONSECUTIVE), T0 + 30000, CONSECUTIVE).breaker;
    b = recordSuccess(b, T0 + 30001, CONSECUTIVE);
    b = recordFailure(b, T0 + 30002, CONSECUTIVE);
    expect(b.state).toBe('open');
    expect(admit(b, T0 + 60001, CONSECUTIVE).allowed).toBe(false);
    expect(admit(b, T0 + 60002, CONSECUTIVE).allowed).toBe(true);
  });

  it('outcomes recorded while open change no state', () => {
    const open = fail(initialBreaker('p'), 5, T0, CONSECUTIVE);
    expect(recordSuccess(open, T0 + 1, CONSECUTIVE).state).toBe('open');
    const later = recordFailure(open, T0 + 2, CONSECUTIVE);
    expect(later.state).toBe('open');
    expect(later.lastStateChange).toBe(T0);
  });

  it('counts time from the state change, and a clock going back is no time passed', () => {
    const open = fail(initialBreaker('p'), 5, T0, CONSECUTIVE);
    expect(admit(open, T0 - 100000, CONSECUTIVE).allowed).toBe(false);
  });
});

describe('failure-rate breaker (001)', () => {
  it('does not judge a window of fewer than 10 calls', () => {
    const nine = fail(initialBreaker('p'), 9, T0, RATE);
    expect(nine.state).toBe('closed');
    expect(nine.window).toHaveLength(9);
  });

  it('5 failures in 10 calls (50 %) stay closed; 6 (60 %) open', () => {
    let b = initialBreaker('p');
    for (let i = 0; i < 5; i++) b = recordSuccess(b, T0, RATE);
    b = fail(b, 5, T0, RATE);
    expect(b.state).toBe('closed');
    const six = recordFailure(b, T0 + 1, RATE);
    // window now: 4 successes, 6 failures
    expect(six.state).toBe('open');
  });

  it('slides: only the last 10 outcomes count', () => {
    let b = fail(initialBreaker('p'), 5, T0, RATE);
    for (let i = 0; i < 10; i++) b = recordSuccess(b, T0, RATE);
    expect(b.window).toEqual(Array(10).fill('success'));
    b = fail(b, 5, T0, RATE);
    expect(b.state).toBe('closed');
  });

  it('allows a single test call after 30 s; a success closes with an empty window', () => {
    let b = fail(initialBreaker('p'), 10, T0, RATE);
    expect(b.state).toBe('open');
    expect(admit(b, T0 + 29999, RATE).allowed).toBe(false);
    const a = admit(b, T0 + 30000, RATE);
    expect(a.allowed).toBe(true);
    expect(admit(a.breaker, T0 + 30000, RATE).allowed).toBe(false);
    b = recordSuccess(a.breaker, T0 + 30001, RATE);
    expect(b.state).toBe('closed');
    expect(b.window).toEqual([]);
    expect(fail(b, 9, T0 + 30002, RATE).state).toBe('closed');
  });

  it('a failed test call reopens', () => {
    const b = admit(fail(initialBreaker('p'), 10, T0, RATE), T0 + 30000, RATE).breaker;
    expect(recordFailure(b, T0 + 30001, RATE).state).toBe('open');
  });
});

describe('seed 004 circuit_breaker_state records', () => {
  it('writes ISO times and null for never', () => {
    const b = recordSuccess(fail(initialBreaker('getBestTiming'), 2, T0, CONSECUTIVE), T0 + 1000);
    expect(toBreakerRecord(initialBreaker('x'))).toEqual({
      name: 'x',
      state: 'closed',
      failureCount: 0,
      successCount: 0,
      lastFailureTime: null,
      lastSuccessTime: null,
      lastStateChange: null,
    });
    expect(toBreakerRecord(fail(b, 5, T0 + 2000, CONSECUTIVE))).toEqual({
      name: 'getBestTiming',
      state: 'open',
      failureCount: 5,
      successCount: 0,
      lastFailureTime: '2023-11-14T22:13:22.000Z',
      lastSuccessTime: '2023-11-14T22:13:21.000Z',
      lastStateChange: '2023-11-14T22:13:22.000Z',
    });
  });

  it('round-trips, restoring an empty window and no probes in flight', () => {
    const b = admit(fail(initialBreaker('p'), 10, T0, RATE), T0 + 30000, RATE).breaker;
    const restored = fromBreakerRecord(toBreakerRecord(b));
    expect(restored).toEqual(E.right({ ...b, halfOpenCalls: 0, window: [] }));
    const closedWithWindow = fail(initialBreaker('q'), 3, T0, RATE);
    const r = fromBreakerRecord(toBreakerRecord(closedWithWindow));
    expect(E.isRight(r) && r.right.window).toEqual([]);
  });

  it('accepts zones and extra columns, normalising to UTC', () => {
    const r = fromBreakerRecord({
      name: 'p',
      state: 'open',
      failureCount: 5,
      successCount: 0,
      lastFailureTime: '2025-01-20T20:07:00+01:00',
      lastSuccessTime: null,
      lastStateChange: '2025-01-20T19:07:00Z',
      updatedAt: '2025-01-20T19:07:00Z',
    });
    expect(E.isRight(r) && r.right.lastFailureTime).toBe(Date.parse('2025-01-20T19:07:00Z'));
  });

  it('an open record without lastStateChange probes at the next admit', () => {
    const r = fromBreakerRecord({
      name: 'p',
      state: 'open',
      failureCount: 5,
      successCount: 0,
      lastFailureTime: null,
      lastSuccessTime: null,
      lastStateChange: null,
    });
    if (E.isLeft(r)) throw new Error('decode');
    const a = admit(r.right, T0, CONSECUTIVE);
    expect(a.allowed).toBe(true);
    expect(a.breaker.state).toBe('half_open');
  });

  it('rejects junk with paths', () => {
    const r = fromBreakerRecord({
      name: '',
      state: 'ajar',
      failureCount: -1,
      successCount: 1.5,
      lastFailureTime: 'yesterday',
      lastSuccessTime: 5,
    });
    expect(E.isLeft(r) && r.left.map((p) => p.path)).toEqual([
      'name',
      'state',
      'failureCount',
      'successCount',
      'lastFailureTime',
      'lastSuccessTime',
      'lastStateChange',
    ]);
    expect(E.isLeft(r) && r.left[1]).toEqual({
      path: 'state',
      message: 'expected "closed" | "open" | "half_open", got "ajar"',
    });
    const getter = {
      get name(): string {
        throw new Error('boom');
      },
    };
    expect(E.isLeft(fromBreakerRecord(getter))).toBe(true);
    expect(E.isLeft(fromBreakerRecord(null))).toBe(true);
  });

  it('property: never fails, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (u) => {
        const r = fromBreakerRecord(u);
        expect(E.isLeft(r) || E.isRight(r)).toBe(true);
      }),
    );
  });
});

type Op =
  | { readonly op: 'admit' }
  | { readonly op: 'success' }
  | { readonly op: 'failure' }
  | { readonly op: 'advance'; readonly ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ op: 'admit' } as const),
  fc.constant({ op: 'success' } as const),
  fc.constant({ op: 'failure' } as const),
  fc.integer({ min: 0, max: 40000 }).map((ms) => ({ op: 'advance', ms }) as const),
);

const policyArb: fc.Arbitrary<BreakerPolicy> = fc.record({
  variant: fc.constantFrom('consecutive' as const, 'failure_rate' as const),
  failureThreshold: fc.integer({ min: 1, max: 6 }),
  recoveryTimeoutMs: fc.integer({ min: 0, max: 30000 }),
  halfOpenMaxCalls: fc.integer({ min: 1, max: 4 }),
  windowSize: fc.integer({ min: 1, max: 10 }),
  failureRateThreshold: fc.double({ min: 0, max: 1, noNaN: true }),
  rateHalfOpenMaxCalls: fc.integer({ min: 1, max: 3 }),
});

describe('breaker state machine properties', () => {
  it('random successes, failures, admissions and time never make an illegal transition', () => {
    fc.assert(
      fc.property(policyArb, fc.array(opArb, { maxLength: 80 }), (policy, ops) => {
        let b = initialBreaker('p');
        let now = T0;
        const probes =
          policy.variant === 'consecutive' ? policy.halfOpenMaxCalls : policy.rateHalfOpenMaxCalls;
        for (const o of ops) {
          const before = b;
          let allowed: boolean | null = null;
          if (o.op === 'advance') now += o.ms;
          else if (o.op === 'admit') ({ allowed, breaker: b } = admit(b, now, policy));
          else if (o.op === 'success') b = recordSuccess(b, now, policy);
          else b = recordFailure(b, now, policy);
          const from: BreakerState = before.state;
          const to: BreakerState = b.state;
          if (from !== to) {
            expect(LEGAL).toContain(`${from}->${to}`);
            expect(b.lastStateChange).toBe(now);
            if (to === 'half_open') {
              expect(o.op).toBe('admit');
              expect(now - (before.lastStateChange ?? now)).toBeGreaterThanOrEqual(
                policy.recoveryTimeoutMs,
              );
            }
            if (to === 'open') expect(o.op).toBe('failure');
            if (to === 'closed') expect(o.op).toBe('success');
          }
          if (o.op === 'admit' && before.state === 'open' && b.state === 'open')
            expect(allowed).toBe(false);
          if (o.op === 'admit' && b.state === 'closed') expect(allowed).toBe(true);
          expect(b.halfOpenCalls).toBeLessThanOrEqual(probes);
          expect(b.window.length).toBeLessThanOrEqual(policy.windowSize);
          if (b.state !== 'closed') expect(b.window).toEqual([]);
          if (policy.variant === 'consecutive' && b.state === 'closed')
            expect(b.failureCount).toBeLessThan(policy.failureThreshold);
        }
      }),
    );
  });

  it('calls that follow admission: the breaker never admits more than the probes per half-open period', () => {
    fc.assert(
      fc.property(
        policyArb,
        fc.array(fc.record({ ok: fc.boolean(), gap: fc.integer({ min: 0, max: 20000 }) }), {
          maxLength: 60,
        }),
        (policy, calls) => {
          let b = initialBreaker('p');
          let now = T0;
          let admittedInPeriod = 0;
          const probes =
            policy.variant === 'consecutive'
              ? policy.halfOpenMaxCalls
              : policy.rateHalfOpenMaxCalls;
          for (const c of calls) {
            now += c.gap;
            const before = b.state;
            const a = admit(b, now, policy);
            b = a.breaker;
            if (b.state === 'half_open' && before !== 'half_open') admittedInPeriod = 0;
            if (a.allowed && b.state === 'half_open') admittedInPeriod++;
            expect(admittedInPeriod).toBeLessThanOrEqual(probes);
            if (a.allowed) b = c.ok ? recordSuccess(b, now, policy) : recordFailure(b, now, policy);
          }
        },
      ),
    );
  });
});
