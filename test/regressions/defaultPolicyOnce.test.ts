/**
 * Issue 11 (work once): a build without policy overrides uses the default policy resolved once
 * (deep-frozen) and its canonical JSON computed once. Nothing a caller sees may change: the
 * generation id is the idempotency key of the same parameters, any spelling of "no overrides"
 * gives the same week as overrides that equal the defaults, and `canonicalJsonWith` gives
 * `canonicalJson`'s text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idempotencyKey, inMemoryPorts, resolvePolicy } from '../../src/index';
import { canonicalJson, canonicalJsonWith } from '../../src/resilience/idempotency';
import { leanDataset, richCreator, rightOf, runBuild, WEEK } from '../support/trustData';

const PORTS = inMemoryPorts(leanDataset());
const build = async (extra: Record<string, unknown>) =>
  rightOf(
    await runBuild({ creatorId: richCreator.creatorId, weekStart: WEEK, seed: 5, ...extra }, PORTS),
  );

describe('default policy resolved once (issue 11)', () => {
  it('the generation id is the idempotency key of the inputs and the resolved defaults', async () => {
    const policy = resolvePolicy({});
    if (policy._tag === 'Left') throw new Error('defaults do not resolve');
    const expected = idempotencyKey('generation', {
      creatorId: richCreator.creatorId,
      weekStart: WEEK,
      seed: 5,
      options: {},
      policy: policy.right,
    });
    expect((await build({})).audit.generationId).toBe(expected);
    expect((await build({})).audit.generationId).toBe(expected); // the second build, from the memo
  });

  it('no policy, {}, a null-prototype {} and overrides equal to the defaults give the same week', async () => {
    const none = JSON.stringify(await build({}));
    expect(JSON.stringify(await build({ policy: {} }))).toBe(none);
    expect(JSON.stringify(await build({ policy: Object.create(null) }))).toBe(none);
    // 001: at most 4 follow-ups a day; an override equal to the default is the same policy
    expect(JSON.stringify(await build({ policy: { followups: { maxPerDay: 4 } } }))).toBe(none);
    // a different override is a different generation
    const other = await build({ policy: { followups: { maxPerDay: 3 } } });
    expect(other.audit.generationId).not.toBe(JSON.parse(none).audit.generationId);
  });

  it('an override object that throws when read is an invalid input, never a default week', async () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no keys');
        },
      },
    );
    const r = await runBuild(
      { creatorId: richCreator.creatorId, weekStart: WEEK, seed: 5, policy: hostile },
      PORTS,
    );
    expect(r._tag).toBe('Left');
  });

  // Regression (CI of 2026-12-03): the no-override shortcut took any empty object whose tag is
  // "[object Object]" (a class instance, an object with another prototype) for "no overrides"
  // and built the default week, where the policy codec rejects it.
  it('an empty object that is not plain data is an invalid policy, never the default week', async () => {
    class Overrides {}
    const exotic = [new Overrides(), Object.create({}), Object.create(Object.create(null))];
    for (const policy of exotic) {
      const r = await runBuild(
        { creatorId: richCreator.creatorId, weekStart: WEEK, seed: 5, policy },
        PORTS,
      );
      expect(r._tag === 'Left' ? r.left.code : 'built a week').toBe('INVALID_INPUT');
    }
  });

  it('canonicalJsonWith writes known objects as their canonical JSON: the same text as canonicalJson', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.string(), (a, inner, key) => {
        const shared = Object.freeze({ inner, n: 1 });
        const value = { a, [key]: [shared, { shared }] };
        const known = new Map<object, string>([[shared, canonicalJson(shared)]]);
        expect(canonicalJsonWith(value, known)).toBe(canonicalJson(value));
      }),
      { numRuns: 200 },
    );
  });
});
