/**
 * The character-level fast path of `IsoInstantC` and `isCanonicalInstant` (issue 11: the
 * boundary decodes every history instant): for strings in the canonical spelling
 * `YYYY-MM-DDTHH:MM:SS.mmmZ`, real or impossible, both answer what an independent oracle says, a
 * `Date.UTC` round trip of the fields (no code of the library).
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { IsoInstantC, isCanonicalInstant } from '../../src/domain/codecs';

/** Whether the fields of a canonical spelling name a real UTC date and clock time (years >= 100). */
const realInstant = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z$/.exec(s);
  if (m === null) return false;
  const [y, mo, d, h, mi, se, ms] = m.slice(1).map(Number) as number[];
  const t = Date.UTC(y as number, (mo as number) - 1, d, h, mi, se, ms);
  const back = new Date(t);
  return (
    back.getUTCFullYear() === y &&
    back.getUTCMonth() === (mo as number) - 1 &&
    back.getUTCDate() === d &&
    back.getUTCHours() === h &&
    back.getUTCMinutes() === mi &&
    back.getUTCSeconds() === se
  );
};

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const spelled = fc
  .tuple(
    fc.integer({ min: 100, max: 9999 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 61 }),
    fc.integer({ min: 0, max: 61 }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(
    ([y, mo, d, h, mi, s, ms]) =>
      `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(ms, 3)}Z`,
  );

describe('the canonical-instant fast path', () => {
  it('decodes a canonical spelling to itself exactly when it is a real instant', () => {
    fc.assert(
      fc.property(spelled, (s) => {
        const real = realInstant(s);
        const d = IsoInstantC.decode(s);
        expect(E.isRight(d)).toBe(real);
        if (E.isRight(d)) expect(d.right).toBe(s);
        expect(isCanonicalInstant(s)).toBe(real);
      }),
      { numRuns: 5000 },
    );
  });
  it('literal cases: leap days, month ends, clock limits, other spellings', () => {
    const cases: ReadonlyArray<readonly [string, string | null]> = [
      ['2024-02-29T23:59:59.999Z', '2024-02-29T23:59:59.999Z'],
      ['2025-02-29T00:00:00.000Z', null],
      ['2000-02-29T12:00:00.000Z', '2000-02-29T12:00:00.000Z'],
      ['1900-02-29T12:00:00.000Z', null],
      ['2025-04-31T00:00:00.000Z', null],
      ['2025-12-31T24:00:00.000Z', null],
      ['2025-01-20T19:60:00.000Z', null],
      ['2025-01-20T19:07:60.000Z', null],
      ['2025-13-01T00:00:00.000Z', null],
      ['2025-00-10T00:00:00.000Z', null],
      ['2025-01-00T00:00:00.000Z', null],
      ['2025-01-20T19:07:00Z', '2025-01-20T19:07:00.000Z'],
      ['2025-01-20T20:07:00.000+01:00', '2025-01-20T19:07:00.000Z'],
      ['2025-01-20 19:07:00.000Z', null],
    ];
    for (const [given, decoded] of cases) {
      const d = IsoInstantC.decode(given);
      expect(E.isRight(d) ? d.right : null).toBe(decoded);
    }
  });
});
