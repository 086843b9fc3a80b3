/**
 * Issue 11: the generation id keeps the SHA-256 state after a creator's head and the default
 * policy, and hashes only the seed and week again. It must equal the straightforward
 * `idempotencyKey('generation', { creatorId, weekStart, seed, options, policy })` for any
 * inputs: odd creator ids (the U+241F separator, quotes, surrogates), options of any shape,
 * absent fields, repeated and interleaved creators (the memo hit and its eviction).
 */

import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { generationIdOf, resolveOverrides } from '../../src/pipeline/buildSchedule';
import { idempotencyKey } from '../../src/resilience/idempotency';

const defaults = () => {
  const p = resolveOverrides(undefined);
  if (E.isLeft(p)) throw new Error('the default policy did not resolve');
  return p.right;
};

const straight = (
  i: { creatorId?: unknown; weekStart?: unknown; seed?: unknown; options?: unknown },
  policy: unknown,
) =>
  idempotencyKey('generation', {
    creatorId: i.creatorId,
    weekStart: i.weekStart,
    seed: i.seed,
    options: i.options ?? {},
    policy,
  });

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', 'creator_01', '\u241f', '"}', '\ud83d', '\ude00', 'a\ud83d\ude00'),
);
const inputs = fc.record(
  {
    creatorId: text,
    weekStart: fc.oneof(text, fc.constant('2025-01-20')),
    seed: fc.oneof(fc.integer(), fc.double(), text),
    options: fc.oneof(fc.constant(undefined), fc.constant({}), fc.object()),
  },
  { requiredKeys: [] },
);

describe('generationIdOf', () => {
  it('equals the idempotency key of the whole text, for any inputs, memo hit or not', () => {
    const policy = defaults();
    fc.assert(
      fc.property(fc.array(inputs, { minLength: 1, maxLength: 80 }), (xs) => {
        // each twice, interleaved, so the kept states are hit, refreshed and evicted
        for (const x of [...xs, ...xs.reverse()]) {
          // biome-ignore lint/suspicious/noExplicitAny: arbitrary inputs, as a caller may pass
          expect(generationIdOf(x as any, policy)).toBe(straight(x, policy));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives the literal ids of known inputs, and the same for another policy object', () => {
    const policy = defaults();
    const a = { creatorId: 'creator_01', weekStart: '2025-01-20', seed: 1 };
    const first = generationIdOf(a, policy);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(generationIdOf(a, policy)).toBe(first);
    expect(generationIdOf({ ...a, seed: 2 }, policy)).not.toBe(first);
    // a policy the memo does not know is hashed whole: same text, same id
    const copy = JSON.parse(JSON.stringify(policy));
    expect(generationIdOf(a, copy)).toBe(first);
  });
});
