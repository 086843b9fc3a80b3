import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { describe, expect, it } from 'vitest';
import { rngFrom, type SchedulePorts } from '../../src/index';
import type { PortError } from '../../src/ports/faults';
import {
  callInfoOf,
  type ResilienceEvent,
  type ResilientPorts,
  retryDelays,
  withResilience,
} from '../../src/resilience';
import { instantTime, type VirtualTime, virtualTime } from './support/virtualTime';

const PORT_NAMES = [
  'getCreatorProfile',
  'getPerformanceTrends',
  'getMassMessageHistory',
  'getVaultAvailability',
  'getBestTiming',
  'getPersonaProfile',
  'getCaptionCandidates',
  'countUsableCaptions',
  'getContentTypeRankings',
  'getRotationState',
  'saveSchedule',
  'saveRotationState',
  'saveVolumePrediction',
] as const;

type Behaviour = (...args: ReadonlyArray<unknown>) => unknown;

/** Ports whose every function answers `Right(name)` at once unless `over` says otherwise. */
const portsOf = (over: Partial<Record<string, Behaviour>> = {}): SchedulePorts =>
  Object.fromEntries(
    PORT_NAMES.map((n) => [n, over[n] ?? (() => () => Promise.resolve(E.right(n)))]),
  ) as unknown as SchedulePorts;

const wrap = (
  ports: SchedulePorts,
  vt: { clock: VirtualTime['clock']; sleep: VirtualTime['sleep'] },
  extra: Record<string, unknown> = {},
): ResilientPorts => {
  const r = withResilience(ports, { clock: vt.clock, sleep: vt.sleep, ...extra });
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
  return r.right;
};

/** A port of `name` whose tasks answer from `script` in turn (the last entry repeats). */
const scripted = (script: ReadonlyArray<() => Promise<unknown>>) => {
  let calls = 0;
  const port: Behaviour = () => () => {
    const f = script[Math.min(calls, script.length - 1)]!;
    calls++;
    return f();
  };
  return { port, calls: () => calls };
};

const transient = () => Promise.resolve(E.left({ message: 'flaky', transient: true }));
const permanent = () => Promise.resolve(E.left({ message: 'down' }));
const ok = (v: unknown) => () => Promise.resolve(E.right(v));

const problemsOf = (ports: unknown, options: unknown): string[] => {
  const r = withResilience(ports as SchedulePorts, options as never);
  return E.isLeft(r) ? r.left.map((p) => `${p.path}: ${p.message}`) : [];
};

describe('withResilience options', () => {
  it('names every bad option by path', () => {
    expect(problemsOf(portsOf(), { clock: { now: 5 }, sleep: 1, colour: 'red' })).toEqual([
      'options.colour: unknown key',
      'options.clock.now: expected a function, got 5',
      'options.sleep: expected a function, got 1',
    ]);
    const time = instantTime();
    expect(
      problemsOf(portsOf(), { ...time, slept: undefined, policy: { retry: { attempts: 0 } } }),
    ).toContain('options.slept: unknown key');
    const base = { clock: time.clock, sleep: time.sleep };
    expect(problemsOf(portsOf(), { ...base, policy: { retry: { attempts: 0 } } })).toEqual([
      'options.policy.retry.attempts: expected integer in 1..10, got 0',
    ]);
    expect(problemsOf(portsOf(), { ...base, policy: { retry: { atempts: 2 } } })).toEqual([
      'options.policy.retry.atempts: unknown key',
    ]);
    expect(
      problemsOf(portsOf(), {
        ...base,
        breakers: [
          {
            name: 'getBestTiming',
            state: 'ajar',
            failureCount: 0,
            successCount: 0,
            lastFailureTime: null,
            lastSuccessTime: null,
            lastStateChange: null,
          },
        ],
      }),
    ).toEqual(['options.breakers[0].state: expected "closed" | "open" | "half_open", got "ajar"']);
    const rec = {
      name: 'x',
      state: 'closed',
      failureCount: 0,
      successCount: 0,
      lastFailureTime: null,
      lastSuccessTime: null,
      lastStateChange: null,
    };
    expect(problemsOf(portsOf(), { ...base, breakers: [rec, rec] })).toEqual([
      'options.breakers[1].name: duplicate breaker name "x"',
    ]);
    expect(problemsOf(portsOf(), { ...base, breakers: 'none' })).toEqual([
      'options.breakers: expected an array of breaker records, got none',
    ]);
    expect(problemsOf(portsOf(), { ...base, seed: Number.NaN, onEvent: 3 })).toEqual([
      'options.seed: expected a string or a finite number, got NaN',
      'options.onEvent: expected a function, got 3',
    ]);
    expect(problemsOf(null, base)).toEqual(['ports: expected an object, got null']);
    expect(problemsOf(portsOf(), undefined)).toEqual([
      'options: expected an object, got undefined',
    ]);
  });

  it('property: never fails, whatever ports and options are', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.oneof(
          fc.anything(),
          fc.record({ clock: fc.anything(), sleep: fc.anything(), policy: fc.anything() }),
        ),
        (ports, options) => {
          const r = withResilience(ports as SchedulePorts, options as never);
          expect(E.isLeft(r) || E.isRight(r)).toBe(true);
        },
      ),
    );
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(problemsOf(proxy, proxy)).toHaveLength(2);
  });
});

describe('withResilience wrapping', () => {
  it('wraps every function-valued port and leaves anything else as it is', async () => {
    const original = portsOf();
    const custom = () => 'mine';
    const ports = { ...original, custom, label: 'x' } as unknown as SchedulePorts;
    const r = wrap(ports, instantTime());
    for (const n of PORT_NAMES) {
      expect(r[n]).not.toBe(original[n]);
      expect(typeof r[n]).toBe('function');
    }
    expect((r as unknown as { custom: unknown }).custom).toBe(custom);
    expect((r as unknown as { label: unknown }).label).toBe('x');
    const vt = virtualTime();
    const w = wrap(ports, vt);
    for (const n of PORT_NAMES) {
      const task = (w[n] as (...a: unknown[]) => TaskEither<PortError, unknown>)();
      expect(await vt.run(task())).toEqual(E.right(n));
    }
  });

  it('is a SchedulePorts whose faults carry their kind', async () => {
    const vt = virtualTime();
    const w: ResilientPorts = wrap(portsOf({ getBestTiming: () => permanent }), vt);
    const asPorts: SchedulePorts = w;
    const r = await vt.run(asPorts.getBestTiming('c1')());
    const typed = await vt.run(w.getBestTiming('c1')());
    expect(E.isLeft(r) && E.isLeft(typed) && typed.left.kind).toBe('left');
  });

  it('keeps optional ports absent and wraps class methods with their this', async () => {
    const { saveSchedule: _drop, ...rest } = portsOf() as unknown as Record<string, unknown>;
    const w = wrap(rest as unknown as SchedulePorts, instantTime());
    expect('saveSchedule' in w).toBe(false);

    class Ports {
      readonly id = 'c1';
      getCreatorProfile(creatorId: string) {
        return () => Promise.resolve(E.right({ self: this.id, creatorId }));
      }
    }
    const vt = virtualTime();
    const wc = wrap(new Ports() as unknown as SchedulePorts, vt);
    expect(await vt.run(wc.getCreatorProfile('c9')())).toEqual(
      E.right({ self: 'c1', creatorId: 'c9' }),
    );
  });

  it('answers the port and records its call info (elapsed by the caller clock)', async () => {
    const vt = virtualTime(1_700_000_000_000);
    const w = wrap(
      portsOf({
        getBestTiming: (id) => () => vt.sleep(250).then(() => E.right({ creatorId: id })),
      }),
      vt,
    );
    const task = w.getBestTiming('c1');
    expect(callInfoOf(task)).toBeUndefined();
    expect(await vt.run(task())).toEqual(E.right({ creatorId: 'c1' }));
    expect(callInfoOf(task)).toEqual({
      port: 'getBestTiming',
      attempts: 1,
      outcome: 'ok',
      elapsedMs: 250,
    });
    expect(callInfoOf(() => 1)).toBeUndefined();
    expect(callInfoOf({})).toBeUndefined();
  });

  it('property: whatever a port does, the task answers an Either and never rejects', async () => {
    const behaviours: Record<string, Behaviour> = {
      throws: () => {
        throw new Error('sync');
      },
      notATask: () => 42,
      taskThrows: () => () => {
        throw new Error('task');
      },
      rejects: () => () => Promise.reject(new Error('async')),
      junk: () => () => Promise.resolve({ nope: true }),
      leftOfAnyShape: () => () => Promise.resolve(E.left(7)),
      hangs: () => () => new Promise(() => {}),
      right: () => () => Promise.resolve(E.right('fine')),
      syncRight: () => () => E.right('sync fine'),
    };
    const kinds: Record<string, string> = {
      throws: 'threw',
      notATask: 'malformed',
      taskThrows: 'threw',
      rejects: 'rejected',
      junk: 'malformed',
      leftOfAnyShape: 'left',
      hangs: 'timeout',
      right: 'ok',
      syncRight: 'ok',
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(behaviours)),
        fc.constantFrom(...PORT_NAMES),
        async (b, port) => {
          const vt = virtualTime();
          const w = wrap(portsOf({ [port]: behaviours[b] }), vt, {
            policy: { retry: { attempts: 1 } },
          });
          const task = (w[port] as () => TaskEither<PortError, unknown>)();
          const r = await vt.run(task());
          expect(E.isLeft(r) || E.isRight(r)).toBe(true);
          expect(callInfoOf(task)?.outcome).toBe(kinds[b]);
          if (E.isLeft(r)) expect(r.left.port).toBe(port);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('withResilience retries and timeouts', () => {
  it('retries transient faults with seeded jitter around 1 s and 3 s', async () => {
    const vt = virtualTime();
    const events: ResilienceEvent[] = [];
    const p = scripted([transient, transient, ok('third')]);
    const w = wrap(portsOf({ getBestTiming: p.port }), vt, {
      seed: 'run-1',
      onEvent: (e: ResilienceEvent) => events.push(e),
    });
    const task = w.getBestTiming('c1');
    expect(await vt.run(task())).toEqual(E.right('third'));
    expect(p.calls()).toBe(3);
    const delays = events.flatMap((e) => (e.type === 'retry_scheduled' ? [e.delayMs] : []));
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(900);
    expect(delays[0]).toBeLessThanOrEqual(1100);
    expect(delays[1]).toBeGreaterThanOrEqual(2700);
    expect(delays[1]).toBeLessThanOrEqual(3300);
    // the jitter of call 0 of getBestTiming under seed run-1
    const seeded = retryDelays(
      { attempts: 3, baseDelayMs: 1000, factor: 3, maxDelayMs: 9000, jitterRatio: 0.1 },
      rngFrom('run-1', 'getBestTiming', 0),
    );
    expect(delays).toEqual(seeded);
    expect(callInfoOf(task)).toEqual({
      port: 'getBestTiming',
      attempts: 3,
      outcome: 'ok',
      elapsedMs: delays[0]! + delays[1]!,
    });
    expect(events.filter((e) => e.type === 'call_failed')).toHaveLength(2);
  });

  it('the same seed gives the same delays; the next call of the port other ones', async () => {
    const delaysOf = async (seed: string, calls: number) => {
      const vt = virtualTime();
      const events: ResilienceEvent[] = [];
      const w = wrap(portsOf({ getBestTiming: () => transient }), vt, {
        seed,
        onEvent: (e: ResilienceEvent) => events.push(e),
      });
      const out: number[][] = [];
      for (let i = 0; i < calls; i++) {
        events.length = 0;
        await vt.run(w.getBestTiming('c1')());
        out.push(events.flatMap((e) => (e.type === 'retry_scheduled' ? [e.delayMs] : [])));
      }
      return out;
    };
    const a = await delaysOf('s', 2);
    expect(await delaysOf('s', 2)).toEqual(a);
    expect(a[0]).not.toEqual(a[1]);
  });

  it('times a hanging port out after 5 s per attempt, 3 attempts (001)', async () => {
    const vt = virtualTime();
    const events: ResilienceEvent[] = [];
    const w = wrap(portsOf({ getVaultAvailability: () => () => new Promise(() => {}) }), vt, {
      policy: { retry: { jitterRatio: 0 } },
      onEvent: (e: ResilienceEvent) => events.push(e),
    });
    const task = w.getVaultAvailability('c1');
    const r = await vt.run(task());
    expect(E.isLeft(r) && r.left).toMatchObject({
      port: 'getVaultAvailability',
      kind: 'timeout',
      attempts: 3,
      transient: true,
    });
    expect(vt.now()).toBe(5000 + 1000 + 5000 + 3000 + 5000);
    expect(events.filter((e) => e.type === 'call_timed_out')).toEqual([
      { type: 'call_timed_out', port: 'getVaultAvailability', attempt: 1, timeoutMs: 5000 },
      { type: 'call_timed_out', port: 'getVaultAvailability', attempt: 2, timeoutMs: 5000 },
      { type: 'call_timed_out', port: 'getVaultAvailability', attempt: 3, timeoutMs: 5000 },
    ]);
    expect(callInfoOf(task)).toEqual({
      port: 'getVaultAvailability',
      attempts: 3,
      outcome: 'timeout',
      elapsedMs: 19000,
    });
  });

  it('uses save_schedule 20 s and a timeout override', async () => {
    const vt = virtualTime();
    const hang = () => () => new Promise(() => {});
    const w = wrap(portsOf({ saveSchedule: hang, getRotationState: hang }), vt, {
      policy: { retry: { attempts: 1 }, timeoutMs: { getRotationState: 2500 } },
    });
    await vt.run(w.saveSchedule!({} as never)());
    expect(vt.now()).toBe(20000);
    await vt.run(w.getRotationState('c1')());
    expect(vt.now()).toBe(22500);
  });

  it('does not retry a non-transient fault', async () => {
    const vt = virtualTime();
    const p = scripted([permanent]);
    const w = wrap(portsOf({ getBestTiming: p.port }), vt);
    const r = await vt.run(w.getBestTiming('c1')());
    expect(E.isLeft(r) && r.left).toMatchObject({ kind: 'left', attempts: 1, message: 'down' });
    expect(p.calls()).toBe(1);
  });
});

describe('withResilience circuit breaker', () => {
  it('opens after 5 failures, refuses without calling, probes after 30 s, closes after 3', async () => {
    const vt = virtualTime(1_700_000_000_000);
    const events: ResilienceEvent[] = [];
    const p = scripted([permanent, permanent, permanent, permanent, permanent, ok('back')]);
    const w = wrap(portsOf({ getPersonaProfile: p.port }), vt, {
      onEvent: (e: ResilienceEvent) => events.push(e),
    });
    for (let i = 0; i < 5; i++) await vt.run(w.getPersonaProfile('c1')());
    expect(p.calls()).toBe(5);
    expect(events.filter((e) => e.type === 'breaker_transition')).toEqual([
      {
        type: 'breaker_transition',
        port: 'getPersonaProfile',
        from: 'closed',
        to: 'open',
        atMs: 1_700_000_000_000,
      },
    ]);
    const refusedTask = w.getPersonaProfile('c1');
    const refused = await vt.run(refusedTask());
    expect(E.isLeft(refused) && refused.left).toMatchObject({
      port: 'getPersonaProfile',
      kind: 'circuit_open',
      transient: false,
      attempts: 1,
    });
    expect(E.isLeft(refused) && refused.left.message).toContain('retry after 30000 ms');
    expect(callInfoOf(refusedTask)?.outcome).toBe('circuit_open');
    expect(p.calls()).toBe(5);

    vt.advance(29999);
    expect(E.isLeft(await vt.run(w.getPersonaProfile('c1')()))).toBe(true);
    expect(p.calls()).toBe(5);
    vt.advance(1);
    const probes = await vt.run(Promise.all([1, 2, 3, 4].map(() => w.getPersonaProfile('c1')())));
    expect(probes.slice(0, 3)).toEqual([E.right('back'), E.right('back'), E.right('back')]);
    expect(E.isLeft(probes[3]!) && probes[3]!.left.kind).toBe('circuit_open');
    expect(p.calls()).toBe(8);
    expect(
      events
        .filter((e) => e.type === 'breaker_transition')
        .map((e) => e.type === 'breaker_transition' && `${e.from}->${e.to}`),
    ).toEqual(['closed->open', 'open->half_open', 'half_open->closed']);
    expect(await vt.run(w.getPersonaProfile('c1')())).toEqual(E.right('back'));
  });

  it('counts every attempt: retried transient faults open it mid-call', async () => {
    const vt = virtualTime();
    const p = scripted([transient]);
    const w = wrap(portsOf({ getBestTiming: p.port }), vt);
    const first = await vt.run(w.getBestTiming('c1')());
    expect(E.isLeft(first) && first.left).toMatchObject({ kind: 'left', attempts: 3 });
    const second = await vt.run(w.getBestTiming('c1')());
    // attempts 4 and 5 fail and open the breaker; attempt 6 is refused: the call failed because
    // of its own transient faults, which it reports (with the breaker named in the message)
    expect(E.isLeft(second) && second.left).toMatchObject({ kind: 'left', attempts: 3 });
    expect(E.isLeft(second) && second.left.message).toMatch(/then the circuit breaker opened$/);
    expect(p.calls()).toBe(5);
  });

  it('keeps one breaker per port', async () => {
    const vt = virtualTime();
    const w = wrap(portsOf({ getBestTiming: () => permanent }), vt);
    for (let i = 0; i < 5; i++) await vt.run(w.getBestTiming('c1')());
    expect(await vt.run(w.getPersonaProfile('c1')())).toEqual(E.right('getPersonaProfile'));
    const records = w.breakerRecords();
    expect(records.map((r) => r.name)).toEqual([...PORT_NAMES].sort());
    expect(records.find((r) => r.name === 'getBestTiming')).toMatchObject({
      state: 'open',
      failureCount: 5,
    });
    expect(records.find((r) => r.name === 'getPersonaProfile')).toMatchObject({
      state: 'closed',
      successCount: 1,
    });
  });

  it('restores breakers from their records', async () => {
    const vt = virtualTime(1_700_000_000_000);
    const w = wrap(portsOf({ getBestTiming: () => permanent }), vt);
    for (let i = 0; i < 5; i++) await vt.run(w.getBestTiming('c1')());
    const stored = [
      ...w.breakerRecords(),
      {
        name: 'legacy_db',
        state: 'open' as const,
        failureCount: 3,
        successCount: 0,
        lastFailureTime: null,
        lastSuccessTime: null,
        lastStateChange: null,
      },
    ];
    const p = scripted([ok('healthy')]);
    const again = wrap(portsOf({ getBestTiming: p.port }), vt, { breakers: stored });
    const r = await vt.run(again.getBestTiming('c1')());
    expect(E.isLeft(r) && r.left.kind).toBe('circuit_open');
    expect(p.calls()).toBe(0);
    expect(again.breakerRecords()).toEqual(stored.sort((a, b) => (a.name < b.name ? -1 : 1)));
  });

  it('the failure-rate variant opens above 50 % of the last 10 calls (001)', async () => {
    const vt = virtualTime();
    const p = scripted([ok(1), ok(2), ok(3), ok(4), permanent]);
    const w = wrap(portsOf({ getBestTiming: p.port }), vt, {
      policy: { breaker: { variant: 'failure_rate' } },
    });
    for (let i = 0; i < 10; i++) await vt.run(w.getBestTiming('c1')());
    // 4 successes, 6 failures in the window
    expect(w.breakerRecords().find((r) => r.name === 'getBestTiming')?.state).toBe('open');
    const r = await vt.run(w.getBestTiming('c1')());
    expect(E.isLeft(r) && r.left.kind).toBe('circuit_open');
  });
});

describe('withResilience with a faulty caller', () => {
  it('ignores an onEvent that fails', async () => {
    const vt = virtualTime();
    const w = wrap(portsOf({ getBestTiming: () => permanent }), vt, {
      onEvent: () => {
        throw new Error('logger down');
      },
    });
    const r = await vt.run(w.getBestTiming('c1')());
    expect(E.isLeft(r) && r.left.kind).toBe('left');
  });

  it('goes on when the clock fails, reporting it, with no elapsed time', async () => {
    const vt = virtualTime();
    const events: ResilienceEvent[] = [];
    const r = withResilience(portsOf(), {
      clock: {
        now: () => {
          throw new Error('clock down');
        },
      },
      sleep: vt.sleep,
      onEvent: (e) => events.push(e),
    });
    if (E.isLeft(r)) throw new Error('options');
    const task = r.right.getBestTiming('c1');
    expect(await vt.run(task())).toEqual(E.right('getBestTiming'));
    expect(callInfoOf(task)).toEqual({
      port: 'getBestTiming',
      attempts: 1,
      outcome: 'ok',
      elapsedMs: null,
    });
    expect(events.some((e) => e.type === 'clock_failed')).toBe(true);
  });

  it('retries without waiting when sleep rejects', async () => {
    const p = scripted([transient, transient, ok('done')]);
    const r = withResilience(portsOf({ getBestTiming: p.port }), {
      clock: { now: () => 0 },
      sleep: () => Promise.reject(new Error('no timers')),
    });
    if (E.isLeft(r)) throw new Error('options');
    expect(await r.right.getBestTiming('c1')()).toEqual(E.right('done'));
    expect(p.calls()).toBe(3);
  });
});
