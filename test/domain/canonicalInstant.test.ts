/**
 * `isCanonicalInstant` (issue 11: decodes that change nothing are skipped) holds exactly when
 * `IsoInstantC` decodes a value to itself, over instants in every spelling the codec reads and
 * impossible ones.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { IsoInstantC, isCanonicalInstant } from '../../src/domain/codecs';
import { canonicalInstantMinute } from '../../src/domain/time';

const decodesToItself = (u: unknown): boolean => {
  const d = IsoInstantC.decode(u);
  return E.isRight(d) && d.right === u;
};

describe('isCanonicalInstant', () => {
  it('holds for what IsoInstantC decodes to itself, and only for that', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const spelled = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }).map((y) => String(y).padStart(4, '0')),
        two(13),
        two(32),
        two(25),
        two(61),
        two(61),
        fc.constantFrom('.000Z', 'Z', '.123Z', '.5Z', '+00:00', '-05:00', '', '.000z'),
      )
      .map(([y, mo, d, h, mi, s, z]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${z}`);
    fc.assert(
      fc.property(fc.oneof(spelled, fc.string(), fc.anything()), (u) => {
        expect(isCanonicalInstant(u)).toBe(decodesToItself(u));
      }),
      { numRuns: 3000 },
    );
  });
  it('literal cases', () => {
    expect(isCanonicalInstant('2025-01-20T19:07:00.000Z')).toBe(true);
    expect(isCanonicalInstant('2025-01-20T19:07:00Z')).toBe(false);
    expect(isCanonicalInstant('2025-02-30T10:00:00.000Z')).toBe(false);
    expect(isCanonicalInstant('2025-01-20T24:00:00.000Z')).toBe(false);
    expect(isCanonicalInstant(1_737_400_020_000)).toBe(false);
    expect(isCanonicalInstant('0999-12-31T23:59:59.999Z')).toBe(true);
    expect(isCanonicalInstant('0050-02-29T00:00:00.000Z')).toBe(false);
    expect(isCanonicalInstant('2024-02-29T23:59:59.999Z')).toBe(true);
    expect(isCanonicalInstant('1900-02-29T00:00:00.000Z')).toBe(false);
  });
  it('canonicalInstantMinute is the floored minute of Date.parse for canonical instants, NaN for others', () => {
    const instant = fc
      .date({
        min: new Date('1000-01-01T00:00:00.000Z'),
        max: new Date('9999-12-31T23:59:59.999Z'),
      })
      .filter((d) => !Number.isNaN(d.getTime()))
      .map((d) => d.toISOString());
    fc.assert(
      fc.property(instant, (iso) => {
        expect(canonicalInstantMinute(iso)).toBe(Math.floor(Date.parse(iso) / 60000));
      }),
      { numRuns: 1000 },
    );
    expect(canonicalInstantMinute('2025-01-20T19:07:00.000Z')).toBe(28_956_667);
    expect(canonicalInstantMinute('2025-02-30T10:00:00.000Z')).toBeNaN();
    expect(canonicalInstantMinute('0999-12-31T23:59:59.999Z')).toBeNaN();
  });
});
