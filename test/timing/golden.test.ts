/**
 * Issue 11: phase 5 and the same-style repair were made cheaper (reused per-item checks, cached
 * preferred hours, an integer reorder search, a memoised ISO formatter) without changing a
 * single output byte. This differential test pins that: `golden/phase5.json` holds the hashes
 * (first 16 hex digits of the SHA-256 of `JSON.stringify({ timing, repaired })`) that the
 * plain implementation before issue 11's timing work (commit dd419f2) gave on 240 scenarios
 * sampled from `scenarioArb` with seed 11: random zones, DST weeks, dense days (12-22 slots),
 * peak and avoid hours. Any change of behaviour on them changes a hash.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repairSameStyle, scheduleTimes } from '../../src/index';
import { runScenario, scenarioArb } from './fixtures';

const golden = JSON.parse(
  readFileSync(new URL('./golden/phase5.json', import.meta.url), 'utf8'),
) as { readonly seed: number; readonly numRuns: number; readonly hashes: ReadonlyArray<string> };

describe('phase 5 output unchanged by the issue 11 fast paths (differential, golden hashes)', () => {
  it('gives the plain implementation’s output on 240 sampled scenarios', () => {
    const scenarios = fc.sample(scenarioArb, { seed: golden.seed, numRuns: golden.numRuns });
    expect(scenarios).toHaveLength(240);
    const hashes = scenarios.map((s) => {
      const r = runScenario(s, scheduleTimes);
      const repaired = repairSameStyle(r.timing.slots, r.ctx.policy.rotation);
      return createHash('sha256')
        .update(JSON.stringify({ timing: r.timing, repaired }))
        .digest('hex')
        .slice(0, 16);
    });
    const differing = hashes.flatMap((h, i) => (h === golden.hashes[i] ? [] : [i]));
    expect(differing).toEqual([]);
  });
});
