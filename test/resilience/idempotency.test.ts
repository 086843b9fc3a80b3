import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  type IdempotencyClaim,
  type IdempotencyStore,
  idempotencyClaim,
  idempotencyKey,
  inMemoryIdempotencyStore,
  isIdempotencyFault,
  paramsHash,
  runIdempotent,
} from '../../src/resilience';
import { instantTime } from './support/virtualTime';

const T0 = 1_700_000_000_000;
/** 003 task 2.5b: ttl_minutes=60. */
const HOUR = 3600000;

describe('canonicalJson', () => {
  it('sorts keys at every level, drops undefined, strings non-finite numbers', () => {
    expect(canonicalJson({ b: 1, a: [undefined, Number.NaN], c: undefined })).toBe(
      '{"a":[null,"NaN"],"b":1}',
    );
    expect(canonicalJson({ z: { y: 1, x: [Number.POSITIVE_INFINITY, -0] } })).toBe(
      '{"z":{"x":["Infinity",0],"y":1}}',
    );
    expect(canonicalJson(new Date(T0))).toBe('"2023-11-14T22:13:20.000Z"');
    expect(canonicalJson(10n)).toBe('"10"');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson({ f: () => 1, s: Symbol('x'), t: true })).toBe('{"t":true}');
  });

  it('never fails on hostile input', () => {
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    expect(canonicalJson(circular)).toBe('{"a":1,"self":"[Circular]"}');
    const getter = {
      ok: 1,
      get bad(): number {
        throw new Error('boom');
      },
    };
    expect(canonicalJson(getter)).toBe('{"bad":"[Unreadable]","ok":1}');
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(canonicalJson({ p: proxy })).toBe('{"p":"[Unreadable]"}');
    let deep: unknown = 1;
    for (let i = 0; i < 100000; i++) deep = [deep];
    expect(typeof canonicalJson(deep)).toBe('string');
  });

  it('property: key order does not matter; equals JSON.stringify on plain JSON', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (o) => {
        const reversed = Object.fromEntries(Object.entries(o).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(o));
        expect(JSON.parse(canonicalJson(o))).toEqual(JSON.parse(JSON.stringify(o)));
      }),
    );
    fc.assert(
      fc.property(fc.anything(), (u) => {
        expect(typeof canonicalJson(u)).toBe('string');
      }),
    );
  });
});

describe('idempotencyKey', () => {
  it('is 32 hex chars of sha256(operation:canonical params)', () => {
    // first 32 hex chars of sha256('op:{"a":1}'), by an independent SHA-256
    const key = idempotencyKey('op', { a: 1 });
    expect(key).toBe('27715621bb595b9275a8989ca82080e1');
    expect(key).toBe(idempotencyKey('op', { a: 1, b: undefined }));
    expect(key).not.toBe(idempotencyKey('op2', { a: 1 }));
    expect(key).not.toBe(idempotencyKey('op', { a: 2 }));
    expect(paramsHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('matches the digest of the canonical text', () => {
    // first 32 hex chars of sha256('schedule_followup:{"creatorId":"c1","date":"2025-01-20"}')
    expect(idempotencyKey('schedule_followup', { date: '2025-01-20', creatorId: 'c1' })).toBe(
      'ba286648f2122d6b17ebee01fb50ef44',
    );
  });

  it('a claim carries the key, the params hash and the 60-minute TTL', () => {
    expect(idempotencyClaim('op', { a: 1 })).toEqual({
      operationKey: idempotencyKey('op', { a: 1 }),
      operationName: 'op',
      paramsHash: paramsHash({ a: 1 }),
      ttlMs: HOUR,
    });
  });
});

const counted = <A>(result: A) => {
  let runs = 0;
  const action = async () => {
    runs++;
    await Promise.resolve();
    return E.right({ ...result, run: runs }) as E.Either<string, A & { run: number }>;
  };
  return { action, runs: () => runs };
};

describe('runIdempotent with the in-memory store', () => {
  it('runs 100 concurrent calls with the same key once; all get the first result', async () => {
    const time = instantTime(T0);
    const store = inMemoryIdempotencyStore({ clock: time.clock });
    const claim = idempotencyClaim('save_schedule', { creatorId: 'c1', weekStart: '2025-01-20' });
    const { action, runs } = counted({ templateId: 't1' });
    const results = await Promise.all(
      Array.from({ length: 100 }, () => runIdempotent(store, claim, action)),
    );
    expect(runs()).toBe(1);
    const rights = results.map((r) => (E.isRight(r) ? r.right : null));
    expect(rights.filter((r) => r?.duplicate === false)).toHaveLength(1);
    expect(rights.filter((r) => r?.duplicate === true)).toHaveLength(99);
    for (const r of rights) expect(r?.result).toEqual({ templateId: 't1', run: 1 });
  });

  it('runs different keys separately', async () => {
    const store = inMemoryIdempotencyStore({ clock: instantTime(T0).clock });
    const { action, runs } = counted({ ok: true });
    const results = await Promise.all(
      ['c1', 'c2', 'c3', 'c1'].map((c) =>
        runIdempotent(store, idempotencyClaim('op', { c }), action),
      ),
    );
    expect(runs()).toBe(3);
    expect(results.map((r) => E.isRight(r) && r.right.duplicate)).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });

  it('answers a completed record without running, until its 60 minutes expire', async () => {
    const time = instantTime(T0);
    const store = inMemoryIdempotencyStore({ clock: time.clock });
    const claim = idempotencyClaim('op', { c: 1 });
    const { action, runs } = counted({});
    await runIdempotent(store, claim, action);
    time.advance(HOUR - 1);
    const again = await runIdempotent(store, claim, action);
    expect(E.isRight(again) && again.right).toEqual({ duplicate: true, result: { run: 1 } });
    expect(runs()).toBe(1);
    time.advance(1);
    const expired = await runIdempotent(store, claim, action);
    expect(E.isRight(expired) && expired.right).toEqual({ duplicate: false, result: { run: 2 } });
    expect(runs()).toBe(2);
  });

  it('writes the 004 record shape with the store clock', async () => {
    const time = instantTime(T0);
    const store = inMemoryIdempotencyStore({ clock: time.clock });
    const claim = idempotencyClaim('op', { c: 1 });
    const put = await store.putIfAbsent(claim)();
    expect(put).toEqual(
      E.right({
        stored: true,
        record: {
          operationKey: claim.operationKey,
          operationName: 'op',
          paramsHash: claim.paramsHash,
          status: 'pending',
          result: null,
          executedAt: '2023-11-14T22:13:20.000Z',
          expiresAt: '2023-11-14T23:13:20.000Z',
        },
      }),
    );
    time.advance(1000);
    const done = await store.complete(claim.operationKey, { v: 1 })();
    expect(E.isRight(done) && done.right).toMatchObject({
      status: 'completed',
      result: { v: 1 },
      executedAt: '2023-11-14T22:13:21.000Z',
      expiresAt: '2023-11-14T23:13:21.000Z',
    });
    expect(E.isLeft(await store.complete('nope', 1)())).toBe(true);
  });

  it('releases the claim when the action fails, so a retry runs', async () => {
    const store = inMemoryIdempotencyStore({ clock: instantTime(T0).clock });
    const claim = idempotencyClaim('op', { c: 1 });
    const failing = await runIdempotent(store, claim, async () => E.left('no capacity'));
    expect(failing).toEqual(E.left('no capacity'));
    const threw = await runIdempotent(store, claim, async () => {
      throw new Error('bug');
    });
    expect(E.isLeft(threw) && isIdempotencyFault(threw.left) && threw.left.reason).toBe(
      'action_failed',
    );
    const junk = await runIdempotent(store, claim, async () => 5 as never);
    expect(E.isLeft(junk) && isIdempotencyFault(junk.left) && junk.left.reason).toBe(
      'action_failed',
    );
    const retry = await runIdempotent(store, claim, async () => E.right('done'));
    expect(retry).toEqual(E.right({ duplicate: false, result: 'done' }));
  });

  it('waiters re-claim once when the first claimant fails, and one of them runs', async () => {
    const store = inMemoryIdempotencyStore({ clock: instantTime(T0).clock });
    const claim = idempotencyClaim('op', { c: 1 });
    let runs = 0;
    const action = async (): Promise<E.Either<string, number>> => {
      runs++;
      await Promise.resolve();
      return runs === 1 ? E.left('first fails') : E.right(runs);
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => runIdempotent(store, claim, action)),
    );
    expect(runs).toBe(2);
    expect(results[0]).toEqual(E.left('first fails'));
    for (const r of results.slice(1)) expect(E.isRight(r) && r.right.result).toBe(2);
  });

  it('a claim released twice in a row is contended', async () => {
    const time = instantTime(T0);
    const inner = inMemoryIdempotencyStore({ clock: time.clock });
    const pending = {
      operationKey: 'k',
      operationName: 'op',
      paramsHash: 'h',
      status: 'pending' as const,
      result: null,
      executedAt: 'a',
      expiresAt: 'b',
    };
    const store: IdempotencyStore = {
      ...inner,
      putIfAbsent: () => () => Promise.resolve(E.right({ stored: false, record: pending })),
      settled: () => () => Promise.resolve(E.right(null)),
    };
    let runs = 0;
    const r = await runIdempotent(store, idempotencyClaim('op', {}), async () => {
      runs++;
      return E.right(1);
    });
    expect(E.isLeft(r) && isIdempotencyFault(r.left) && r.left.reason).toBe('contended');
    expect(runs).toBe(0);
  });
});

describe('runIdempotent with a faulty store', () => {
  const claim: IdempotencyClaim = idempotencyClaim('op', { c: 1 });
  const base = () => inMemoryIdempotencyStore({ clock: instantTime(T0).clock });

  it('a store that fails, rejects, answers junk or Left is a store_failed value', async () => {
    const stores: IdempotencyStore[] = [
      {
        ...base(),
        putIfAbsent: () => {
          throw new Error('no db');
        },
      },
      { ...base(), putIfAbsent: () => () => Promise.reject(new Error('no db')) },
      { ...base(), putIfAbsent: () => () => Promise.resolve(E.right({ stored: 'yes' }) as never) },
      { ...base(), putIfAbsent: () => () => Promise.resolve(E.left({ message: 'locked' })) },
      null as unknown as IdempotencyStore,
    ];
    for (const store of stores) {
      let runs = 0;
      const r = await runIdempotent(store, claim, async () => {
        runs++;
        return E.right(1);
      });
      expect(E.isLeft(r) && isIdempotencyFault(r.left) && r.left.reason).toBe('store_failed');
      expect(runs).toBe(0);
    }
  });

  it('reports the decode paths of a bad store answer', async () => {
    const store = {
      ...base(),
      putIfAbsent: () => () =>
        Promise.resolve(E.right({ stored: false, record: { operationKey: 1 } })),
    } as unknown as IdempotencyStore;
    const r = await runIdempotent(store, claim, async () => E.right(1));
    if (E.isRight(r) || !isIdempotencyFault(r.left)) throw new Error('expected a fault');
    expect(r.left.message).toContain('idempotencyStore.putIfAbsent.record.operationKey');
  });

  it('a result that cannot be stored is complete_failed and carries the result', async () => {
    const store: IdempotencyStore = {
      ...base(),
      complete: () => () => Promise.resolve(E.left({ message: 'disk full' })),
    };
    const r = await runIdempotent(store, claim, async () => E.right({ templateId: 't1' }));
    expect(E.isLeft(r) && r.left).toMatchObject({
      type: 'idempotency_fault',
      reason: 'complete_failed',
      actionResult: { templateId: 't1' },
    });
  });

  it('an invalid claim is a value and runs nothing', async () => {
    for (const bad of [
      null,
      { ...claim, operationKey: '' },
      { ...claim, ttlMs: 0 },
      { ...claim, ttlMs: Number.NaN },
    ]) {
      let runs = 0;
      const r = await runIdempotent(base(), bad as IdempotencyClaim, async () => {
        runs++;
        return E.right(1);
      });
      expect(E.isLeft(r) && isIdempotencyFault(r.left) && r.left.reason).toBe('invalid_claim');
      expect(runs).toBe(0);
    }
  });

  it('a failing clock in the in-memory store is a value', async () => {
    const store = inMemoryIdempotencyStore({
      clock: {
        now: () => {
          throw new Error('clock down');
        },
      },
    });
    const r = await runIdempotent(store, claim, async () => E.right(1));
    expect(E.isLeft(r) && isIdempotencyFault(r.left) && r.left.reason).toBe('store_failed');
  });
});
