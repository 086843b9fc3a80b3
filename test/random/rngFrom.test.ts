import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { hashString, rngFrom } from '../../src/random/rng';

// Issue 11: rngFrom hashes its parts one by one instead of joining them; the generator must be
// the one the joined text gives (FNV-1a of the parts joined with U+241F, then xoroshiro128+).
describe('rngFrom', () => {
  it('gives the states the joined parts gave before (literals from the joined version)', () => {
    expect(rngFrom('42', 'creator_01', '2025-01-20', '2025-01-20_3', 'jitter').state).toEqual([
      -1, 985757130, -985757131, 0,
    ]);
    expect(rngFrom().state).toEqual([-1, 2128831034, -2128831035, 0]);
    expect(rngFrom(7, 'é😀').state).toEqual([-1, -301279924, 301279923, 0]);
  });

  it('equals the generator of the joined parts, for any parts', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string({ unit: 'grapheme' }), fc.string(), fc.integer(), fc.double()),
          {
            maxLength: 6,
          },
        ),
        (parts) => {
          const joined = xoroshiro128plus(hashString(parts.map(String).join('\u241f'))).getState();
          expect(rngFrom(...parts).state).toEqual(joined);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('separates its parts: ("ab") and ("a", "b") differ', () => {
    expect(rngFrom('ab').state).not.toEqual(rngFrom('a', 'b').state);
  });
});
