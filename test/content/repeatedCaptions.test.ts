/**
 * A caption port that answers a caption twice (a caller's store with a join that repeats rows)
 * changes nothing in phase 3: a pool's repeated caption is a candidate once, so the week has the
 * same items as with the plain answers and never sends one caption twice. Issue 11 regression:
 * phase 3 checks repeated ids once per pool instead of keeping a set per slot search. A port that
 * answers in no particular order builds the same weeks too: phase 3 sorts what it reads (issue 11
 * regression: pools already sorted are merged instead of sorted, and the two paths must agree).
 */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { describe, expect, it } from 'vitest';
import { generateDemoAgency } from '../../src/demo/index';
import {
  buildSchedule,
  type CaptionQuery,
  inMemoryPorts,
  type SchedulePorts,
} from '../../src/index';

const twice = (ports: SchedulePorts): SchedulePorts => ({
  ...ports,
  getCaptionCandidates: (q: CaptionQuery) =>
    TE.map((cs: ReadonlyArray<unknown>) => [...cs, ...[...cs].reverse()])(
      ports.getCaptionCandidates(q),
    ) as ReturnType<SchedulePorts['getCaptionCandidates']>,
});

/** Each answer in a scrambled order (a store that does not sort): phase 3 sorts the pools itself. */
const scrambled = (ports: SchedulePorts): SchedulePorts => ({
  ...ports,
  getCaptionCandidates: (q: CaptionQuery) =>
    TE.map((cs: ReadonlyArray<unknown>) => {
      const r = [...cs].reverse();
      return [...r.slice(1), ...r.slice(0, 1)];
    })(ports.getCaptionCandidates(q)) as ReturnType<SchedulePorts['getCaptionCandidates']>,
});

/** The same wrapper without repeating: only the port's trust differs from `twice`. */
const once = (ports: SchedulePorts): SchedulePorts => ({
  ...ports,
  getCaptionCandidates: (q: CaptionQuery) => ports.getCaptionCandidates(q),
});

describe('a caption port that repeats captions or does not sort them', () => {
  for (const [seed, weekStart, captions] of [
    [3, '2025-01-20', 15],
    [8, '2025-03-24', 120],
    [11, '2025-10-27', 2000],
  ] as const)
    it(`builds the same weeks as with plain sorted answers (seed ${seed}, ${captions} captions)`, async () => {
      const dataset = generateDemoAgency(seed, { captions, asOf: weekStart });
      const base = inMemoryPorts(dataset);
      for (const c of dataset.creators.slice(0, 4)) {
        const inputs = { creatorId: c.creatorId, weekStart, seed };
        const a = await buildSchedule(inputs)(once(base))();
        const b = await buildSchedule(inputs)(twice(base))();
        const s = await buildSchedule(inputs)(scrambled(base))();
        expect(JSON.stringify(E.map((r: { items: unknown }) => r.items)(s))).toBe(
          JSON.stringify(E.map((r: { items: unknown }) => r.items)(a)),
        );
        expect(E.isRight(a) && E.isRight(b)).toBe(true);
        if (E.isLeft(a) || E.isLeft(b)) return;
        expect(JSON.stringify(b.right.items)).toBe(JSON.stringify(a.right.items));
        const ids = b.right.items
          .filter((i) => !i.isFollowUp)
          .flatMap((i) => (i.captionId === null ? [] : [i.captionId]));
        expect(new Set(ids).size).toBe(ids.length);
      }
    });
});
