/**
 * End-to-end properties of `buildSchedule` over random creator-weeks (`creatorWeekArb`): every
 * hard rule of RULINGS is asserted directly on the returned items (see `rules.ts`), never through
 * `src/validation`, except in the one oracle test that compares the two.
 *
 * All `fc.assert` calls share one fast-check seed, so they draw the same 200 creator-weeks and a
 * week is built once (cached by content) and checked by several properties. Set `FC_SEED` to
 * replay a run; fast-check prints the seed and path of any counterexample.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  buildSchedule,
  inMemoryPorts,
  type ScheduleError,
  type ScheduleResult,
  SEND_TYPES,
} from '../../src/index';
import { type CreatorWeek, creatorWeekArb } from '../support/arbitraries';
import { buildRight, creatorFixture, datasetFixture } from './fixtures';
import {
  CATALOG_RULES,
  localOf,
  type RuleName,
  ruleViolations,
  TIME_RULES,
  WEEK_RULES,
} from './rules';

const FC_SEED = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 0x7fffffff));
const RUNS = { numRuns: 200, seed: FC_SEED } as const;

type Built = E.Either<ScheduleError, ScheduleResult>;

const run = (s: CreatorWeek, seed: number | string = s.seed): Promise<Built> =>
  buildSchedule({ creatorId: s.creatorId, weekStart: s.weekStart, seed })(
    inMemoryPorts(s.dataset),
  )();

/** Builds of the shared samples, keyed by the sample's content. */
const cache = new Map<string, Promise<Built>>();
const keyOf = (s: CreatorWeek): string =>
  createHash('sha1').update(JSON.stringify(s)).digest('hex');
const cachedBuild = (s: CreatorWeek): Promise<Built> => {
  const key = keyOf(s);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const built = run(s);
  cache.set(key, built);
  return built;
};

const label = (s: CreatorWeek, r: ScheduleResult): string =>
  `${s.creatorId} ${r.creator.pageType} fans=${r.creator.fanCount} ${r.creator.timezone} week ${s.weekStart} seed ${JSON.stringify(s.seed)}`;

/** Asserts the rules on a Right result; a Left on a valid creator-week is itself a failure. */
const assertRules = async (s: CreatorWeek, rules: ReadonlyArray<RuleName>): Promise<void> => {
  const r = await cachedBuild(s);
  if (E.isLeft(r)) expect.fail(`Left ${r.left.code}: ${r.left.message}`);
  expect(ruleViolations(r.right, rules), label(s, r.right)).toEqual([]);
};

describe('buildSchedule properties (RULINGS hard rules, asserted on the items)', () => {
  it('timing: window, round minutes, local time = instant (DST), unique instants, spacing, 4-hour blocks, per-type gaps, clock times, expirations', async () => {
    await fc.assert(
      fc.asyncProperty(creatorWeekArb, (s) => assertRules(s, TIME_RULES)),
      RUNS,
    );
  });

  it('catalog: weekly caps, page types and targets, categories, follow-ups, captions', async () => {
    await fc.assert(
      fc.asyncProperty(creatorWeekArb, (s) => assertRules(s, CATALOG_RULES)),
      RUNS,
    );
  });

  it('week: strategies, diversity, variety, nothing lost, volume quotas, status coherence', async () => {
    await fc.assert(
      fc.asyncProperty(creatorWeekArb, (s) => assertRules(s, WEEK_RULES)),
      RUNS,
    );
  });

  it('is deterministic: the same inputs and seed give byte-identical JSON', async () => {
    await fc.assert(
      fc.asyncProperty(creatorWeekArb, async (s) => {
        const first = await cachedBuild(s);
        const again = await run(structuredClone(s));
        expect(JSON.stringify(again)).toBe(JSON.stringify(first));
      }),
      RUNS,
    );
  });

  it('a different seed usually changes the schedule (at least one of 50 weeks differs)', async () => {
    const samples = fc.sample(creatorWeekArb, { numRuns: 50, seed: FC_SEED });
    let differing = 0;
    for (const s of samples) {
      const a = await cachedBuild(s);
      const b = await run(s, `${String(s.seed)}|other`);
      if (
        E.isRight(a) &&
        E.isRight(b) &&
        JSON.stringify(a.right.items) !== JSON.stringify(b.right.items)
      )
        differing++;
    }
    expect(differing).toBeGreaterThan(0);
  });

  /**
   * The one test that uses `src/validation` as an oracle: where its hard checks and the rules
   * here mean the same thing they must agree both ways; where the rule here is stricter (spacing
   * also wants `spacing_relaxed`, follow-ups, captions, strategies, instants), a check the
   * validator fails must be failed here too.
   */
  it('agrees with the validator on the hard rules', async () => {
    const same: ReadonlyArray<readonly [RuleName, string]> = [
      ['window', 'window'],
      ['roundMinutes', 'roundMinutes'],
      ['blockCap', 'blockCap'],
      ['typeGaps', 'typeGaps'],
      ['clockTimes', 'clockTimeRepeats'],
      ['weeklyCaps', 'weeklyCaps'],
      ['pageTypes', 'pageTypeExclusions'],
    ];
    const stricter: ReadonlyArray<readonly [RuleName, string]> = [
      ['spacing', 'spacing'],
      ['uniqueInstants', 'timingConflicts'],
      ['followups', 'followupRules'],
      ['followups', 'followupLinkage'],
      ['captions', 'captionUniqueness'],
      ['strategies', 'strategies'],
    ];
    await fc.assert(
      fc.asyncProperty(creatorWeekArb, async (s) => {
        const r = await cachedBuild(s);
        if (E.isLeft(r)) return;
        const passed = new Set(r.right.validation.passedChecks);
        const disagreements = [
          ...same.filter(
            ([rule, check]) => (ruleViolations(r.right, [rule]).length === 0) !== passed.has(check),
          ),
          ...stricter.filter(
            ([rule, check]) => !passed.has(check) && ruleViolations(r.right, [rule]).length === 0,
          ),
        ].map(
          ([rule, check]) =>
            `${rule} ${ruleViolations(r.right, [rule]).length === 0 ? 'holds' : 'fails'} but validator check ${check} ${passed.has(check) ? 'passed' : 'failed'}: ${r.right.validation.errors
              .map((e) => e.code)
              .join(',')}`,
        );
        expect(disagreements, label(s, r.right)).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('daylight-saving weeks (paid ultra creator)', () => {
  const cases = [
    { zone: 'America/New_York', weekStart: '2025-03-03', change: '2025-03-09' },
    { zone: 'America/New_York', weekStart: '2025-03-10', change: null },
    { zone: 'Europe/Berlin', weekStart: '2025-10-20', change: '2025-10-26' },
    { zone: 'Europe/Berlin', weekStart: '2025-10-27', change: null },
  ] as const;

  /** UTC offset in minutes of a local date-time at an instant. */
  const offsetOf = (iso: string, zone: string): number =>
    (Date.parse(`${localOf(iso, zone).replace(' ', 'T')}Z`) - Date.parse(iso)) / 60_000;

  for (const { zone, weekStart, change } of cases)
    it(`${zone} week of ${weekStart}${change ? ` (clock change ${change})` : ''}`, async () => {
      const creator = creatorFixture({ timezone: zone, fanCount: 30_000, pageType: 'paid' });
      const r = await buildRight(
        { creatorId: creator.creatorId, weekStart, seed: 11 },
        datasetFixture(creator, weekStart),
      );
      expect(r.volume.finalConfig.tier).toBe('ultra');
      expect(r.items.length).toBeGreaterThan(70);
      expect(ruleViolations(r)).toEqual([]);

      // scheduledAt is the local date and time in the creator's zone, on both sides of the change
      for (const i of r.items)
        expect(localOf(i.scheduledAt, zone)).toBe(`${i.scheduledDate} ${i.scheduledTime}`);
      const offsets = new Set(r.items.map((i) => offsetOf(i.scheduledAt, zone)));
      expect(offsets.size).toBe(change === null ? 1 : 2);

      // per-type gaps in real minutes, across days (24-hour types included)
      for (const key of new Set(r.items.map((i) => i.sendTypeKey))) {
        const times = r.items
          .filter((i) => i.sendTypeKey === key)
          .map((i) => Date.parse(i.scheduledAt) / 60_000)
          .sort((a, b) => a - b);
        for (let k = 1; k < times.length; k++)
          expect((times[k] as number) - (times[k - 1] as number), key).toBeGreaterThanOrEqual(
            SEND_TYPES[key].minMinutesBetween,
          );
      }
    });
});
