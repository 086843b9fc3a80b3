/**
 * Regression, issue 6 "Why" 2b: a `policy` that is not an object made `buildSchedule` throw
 * synchronously.
 *
 * Now building the task never throws, and running it answers `Left` `INVALID_INPUT` with one
 * `invalid_policy` issue at `policy`. `null` and `undefined` mean "no overrides".
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { buildSchedule, inMemoryPorts, type ScheduleInputs } from '../../src/index';
import { leanDataset, richCreator, runBuild, WEEK } from '../support/trustData';

const PORTS = inMemoryPorts(leanDataset());
const inputs = (policy: unknown) => ({
  creatorId: richCreator.creatorId,
  weekStart: WEEK,
  seed: 2,
  policy,
});

const NOT_OBJECTS: ReadonlyArray<readonly [string, unknown]> = [
  ['a number', 5],
  ['NaN', Number.NaN],
  ['a string', 'strict'],
  ['a boolean', true],
  ['an array', [{ timing: { jitterMax: 8 } }]],
  ['a function', () => ({ timing: {} })],
  ['a symbol', Symbol('policy')],
  ['a BigInt', 10n],
  ['a Date', new Date(0)],
  ['a Map', new Map([['timing', { jitterMax: 8 }]])],
];

describe('regression: a non-object policy is INVALID_INPUT, never a synchronous throw', () => {
  for (const [what, policy] of NOT_OBJECTS)
    it(`${what}`, async () => {
      expect(() => buildSchedule(inputs(policy) as ScheduleInputs)(PORTS)).not.toThrow();
      const r = await runBuild(inputs(policy), PORTS);
      expect(E.isLeft(r)).toBe(true);
      if (E.isRight(r)) return;
      expect(r.left.code).toBe('INVALID_INPUT');
      expect(r.left.issues.map((i) => [i.code, i.path])).toEqual([['invalid_policy', 'policy']]);
    });

  it('null and undefined are no overrides', async () => {
    for (const policy of [null, undefined])
      expect(E.isRight(await runBuild(inputs(policy), PORTS))).toBe(true);
  });
});
