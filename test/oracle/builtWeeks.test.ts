/**
 * Built weeks against the independent oracle: `buildSchedule` over `inMemoryPorts` (the public
 * entry) for the hard cases of `test/support/hardCases.ts`, every `Right` checked with
 * `hardRuleViolations` (a valid creator-week is never a `Left`).
 *
 * Replay: every property prints its fast-check seed and path on failure. The fixed-seed runs
 * replay as they are; the environment run takes `FC_SEED` (and `FC_PATH`) from the environment,
 * e.g. `FC_SEED=123 FC_PATH="4:1" npx vitest run test/oracle/builtWeeks.test.ts`. Shrinking is
 * off (`endOnFailure`): a week takes tens of milliseconds to build; replay the path to debug.
 *
 * The rules in `KNOWN_OPEN` break on today's `src/` and are skipped by the properties; the
 * tripwire at the end fails once a rule of the set no longer breaks in the fixed samples, so
 * the set is emptied as the fixes land. Today the set is empty: every hard rule is asserted.
 */
import { createHash } from 'node:crypto';
import { tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import jStat from 'jstat';
import { mean, standardDeviation } from 'simple-statistics';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSchedule,
  inMemoryPorts,
  type PolicyOverrides,
  type ScheduleError,
  type ScheduleResult,
  type Vault,
} from '../../src/index';
import { creatorFixture, datasetFixture } from '../pipeline/fixtures';
import {
  DST_CHANGES,
  DST_ZONES_WITH_CHANGES,
  HARD_CASE_ARBS,
  type HardCaseName,
  type HardCreatorWeek,
  hardCreatorWeekArb,
  vaultIsComplete,
} from '../support/hardCases';
import { DEFAULT_LITERALS, type HardRuleLiterals, overrideLiterals } from './literals';
import { HARD_RULES, type HardRuleName, hardRuleViolations } from './oracle';

/**
 * The hard rules that today's `src/` breaks, each with the defect it waits for. The properties
 * skip them; empty the set as the fixes land (the tripwire below says when).
 */
// biome-ignore lint/suspicious/noExportsInTest: issue 12 asks for the one exported set of open rules in this file
export const KNOWN_OPEN: ReadonlySet<HardRuleName> = new Set<HardRuleName>([]);

/**
 * Rules a week can only meet when its vault serves every media kind and flyers. For weeks
 * whose vault lacks some they are not asserted directly; `statusTruthful` still requires such a
 * week not to pass. The category balance is not among them: the allocator meets it whatever
 * the vault (RULINGS "category balance is a hard rule"), so it is asserted for every week.
 */
const VAULT_GATED: ReadonlySet<HardRuleName> = new Set<HardRuleName>(['diversity']);

const assertedRules = (s: HardCreatorWeek): ReadonlyArray<HardRuleName> =>
  HARD_RULES.filter((r) => !KNOWN_OPEN.has(r) && (vaultIsComplete(s) || !VAULT_GATED.has(r)));

type Built = E.Either<ScheduleError, ScheduleResult>;

/**
 * A week built with a policy override, and the oracle literals that override means (the test
 * passes the oracle its own numbers, issue 12).
 */
type OverriddenWeek = HardCreatorWeek & {
  readonly policy?: PolicyOverrides;
  readonly literals?: HardRuleLiterals;
};

const build = (s: OverriddenWeek, policy: PolicyOverrides | undefined = s.policy): Promise<Built> =>
  buildSchedule({
    creatorId: s.creatorId,
    weekStart: s.weekStart,
    seed: s.seed,
    ...(s.options === undefined ? {} : { options: s.options }),
    ...(policy === undefined ? {} : { policy }),
  })(inMemoryPorts(s.dataset))();

/** Builds keyed by the sample's content: properties and the tripwire share them. */
const cache = new Map<string, Promise<Built>>();
const cachedBuild = (s: OverriddenWeek): Promise<Built> => {
  const key = createHash('sha1').update(JSON.stringify(s)).digest('hex');
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const b = build(s);
  cache.set(key, b);
  return b;
};

const describeWeek = (s: HardCreatorWeek, r?: ScheduleResult): string => {
  const c = s.dataset.creators[0];
  return `[${s.hardCase}] ${s.creatorId} ${c?.pageType} fans=${c?.fanCount} ${c?.timezone} week ${s.weekStart} seed ${JSON.stringify(s.seed)}${s.options ? ` options ${JSON.stringify(s.options)}` : ''}${r ? ` -> ${r.items.length} items, ${r.validation.status} ${r.validation.score}` : ''}`;
};

/**
 * Whether the build let follow-ups cross midnight: the caller's option when given, else the
 * creator timing profile's multi-time-zone audience (003 task 2.8), else not.
 */
const nextDayAllowed = (s: HardCreatorWeek): boolean =>
  s.options?.allowNextDayFollowups ??
  s.dataset.timingProfiles?.[s.creatorId]?.multiTimezoneAudience ??
  false;

const oracleOptions = (s: OverriddenWeek) => ({
  allowNextDayFollowups: nextDayAllowed(s),
  ...(s.literals === undefined ? {} : { literals: s.literals }),
});

/** The property: a Right, and no violation of the asserted rules. */
const weekHolds = async (s: OverriddenWeek): Promise<void> => {
  const r = await cachedBuild(s);
  if (E.isLeft(r)) throw new Error(`${describeWeek(s)}: Left ${r.left.code}: ${r.left.message}`);
  const v = hardRuleViolations(r.right, { ...oracleOptions(s), rules: assertedRules(s) });
  if (v.length > 0)
    throw new Error(
      `${describeWeek(s, r.right)}\n${v.slice(0, 15).join('\n')}${v.length > 15 ? `\n... ${v.length - 15} more` : ''}`,
    );
};

/** Runs a property and, on failure, throws with the seed and path to replay it. */
const check = async (
  arb: fc.Arbitrary<HardCreatorWeek>,
  params: { readonly seed: number; readonly numRuns: number; readonly path?: string },
): Promise<void> => {
  const out = await fc.check(fc.asyncProperty(arb, weekHolds), { ...params, endOnFailure: true });
  if (out.failed) {
    const e = out.errorInstance;
    throw new Error(
      `property failed after ${out.numRuns} runs - replay: seed ${out.seed}, path "${out.counterexamplePath}" (fc.assert params { seed: ${out.seed}, path: "${out.counterexamplePath}" }, or FC_SEED/FC_PATH for the environment run)\n${e instanceof Error ? e.message : String(e)}`,
    );
  }
};

const MIX_SEED = 20_250_120;
const MIX_RUNS = 100;
const CASE_SEED = 4_242;
const CASE_RUNS = 10;
const ENV_SEED =
  process.env.FC_SEED === undefined
    ? Math.floor(Math.random() * 0x7fffffff)
    : Number(process.env.FC_SEED);
const ENV_RUNS = 40;

describe('built weeks hold every hard rule outside KNOWN_OPEN', () => {
  it(`hard-case mix, fixed seed ${MIX_SEED} (${MIX_RUNS} weeks)`, async () => {
    await check(hardCreatorWeekArb, { seed: MIX_SEED, numRuns: MIX_RUNS });
  });

  it.each(Object.keys(HARD_CASE_ARBS).filter((k) => k !== 'common') as HardCaseName[])(
    `%s, fixed seed ${CASE_SEED} (${CASE_RUNS} weeks)`,
    async (name) => {
      await check(HARD_CASE_ARBS[name], { seed: CASE_SEED, numRuns: CASE_RUNS });
    },
  );

  it(`hard-case mix, FC_SEED=${ENV_SEED} (${ENV_RUNS} weeks)`, async () => {
    await check(hardCreatorWeekArb, {
      seed: ENV_SEED,
      numRuns: ENV_RUNS,
      ...(process.env.FC_PATH === undefined ? {} : { path: process.env.FC_PATH }),
    });
  });
});

/**
 * 003 task 2.3: the follow-up delay is a normal of mean 28 and deviation 8 truncated to 15-45.
 * The mean of that truncated normal, from the literals, is about 28.6 minutes; the builder then
 * moves a delay off the round minutes (at most a few minutes) and clamps late parents, so the
 * realized mean over the fixed mix sample (about 1,200 follow-ups) must lie within 2 minutes of
 * it. A mean of 35 (the mutant) realizes about 34; a uniform 15-45 draw would give 30 with a
 * deviation of 8.7. Weeks with a creator timing profile are left out: the profile may narrow
 * the window (003 task 2.8), which moves the truncated mean.
 */
describe('follow-up delays follow the truncated normal of 003 task 2.3', () => {
  const f = DEFAULT_LITERALS.followups;
  const truncatedMean = (): number => {
    const a = (f.minDelayMinutes - f.delayMeanMinutes) / f.delayStdDevMinutes;
    const b = (f.maxDelayMinutes - f.delayMeanMinutes) / f.delayStdDevMinutes;
    const mass = jStat.normal.cdf(b, 0, 1) - jStat.normal.cdf(a, 0, 1);
    return (
      f.delayMeanMinutes +
      (f.delayStdDevMinutes * (jStat.normal.pdf(a, 0, 1) - jStat.normal.pdf(b, 0, 1))) / mass
    );
  };

  it(`realized mean within 2 minutes of the truncated mean, deviation 5-9 (fixed seed ${MIX_SEED})`, async () => {
    const sample = fc.sample(hardCreatorWeekArb, { seed: MIX_SEED, numRuns: MIX_RUNS });
    const delays: number[] = [];
    for (const s of sample) {
      if (s.dataset.timingProfiles?.[s.creatorId] !== undefined) continue;
      const r = await cachedBuild(s);
      if (E.isLeft(r)) throw new Error(`${describeWeek(s)}: Left ${r.left.code}`);
      for (const i of r.right.items)
        if (i.isFollowUp && i.followupDelayMinutes !== null) delays.push(i.followupDelayMinutes);
    }
    expect(delays.length).toBeGreaterThan(300);
    const target = truncatedMean();
    expect(target).toBeCloseTo(28.56, 1);
    const m = mean(delays);
    expect(Math.abs(m - target), `mean delay ${m.toFixed(2)} vs ${target.toFixed(2)}`).toBeLessThan(
      2,
    );
    const sd = standardDeviation(delays);
    expect(sd).toBeGreaterThan(5);
    expect(sd).toBeLessThan(9);
  });
});

// ------------------------------------------------------------------------------ forced paths

const WEEK = '2025-01-20';
const HOT = { saturationScore: 10, opportunityScore: 90 };

/**
 * A dense ultra week of the well-stocked fixture creator (30,000 fans, high opportunity, low
 * saturation, +40 % revenue trend) with the given timing and vault.
 */
const forcedWeek = (
  name: `forced:${string}`,
  seed: number,
  timing: { readonly peakHours: number[]; readonly avoidHours: number[] },
  vault?: Vault,
  options?: HardCreatorWeek['options'],
): HardCreatorWeek => {
  const creator = creatorFixture({ fanCount: 30_000, pageType: 'paid' });
  const base = datasetFixture(creator, WEEK);
  const id = creator.creatorId;
  return {
    hardCase: name,
    creatorId: id,
    weekStart: WEEK,
    seed,
    ...(options === undefined ? {} : { options }),
    dataset: {
      ...base,
      trends: {
        [id]: {
          horizons: { '7d': HOT, '14d': HOT, '30d': HOT },
          revenueTrendPercent: 40,
          messageCount: 270,
        },
      },
      timing: { [id]: { ...timing, hourlyPerformance: {} } },
      vaults: vault === undefined ? base.vaults : { [id]: vault },
    },
  };
};

const dayAfter = (d: string): string =>
  new Date(Date.parse(`${d}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * Avoid hours 09-22: only 08:00-08:59 and 23:00-23:30 are outside them. A dense ultra day
 * (16-17 sends) cannot fit there at 45 minutes, so the placer relaxes to 30, then to 20, and
 * then places the rest inside the avoid hours.
 */
const SQUEEZED = (seed: number) =>
  forcedWeek('forced:avoid09-22', seed, { peakHours: [23, 8], avoidHours: range(9, 22) });

/**
 * A caller policy with a 90-minute window, 19:30-21:00. Allocation plans what it takes a day's
 * window to carry (3 sends per family in each 4-hour block the window touches: 19:30-20:00 counts
 * as a whole block), so the days hold more than the 90 minutes can space out: items of a day that
 * do not fit move to the next day, where some find a time, and those that fit nowhere are
 * dropped. The oracle gets the overridden window literals. A low-tier creator (500 fans,
 * 3 / 3 / 1 a day) of the well-stocked fixture.
 */
const tightPolicy = (start: number, end: number): PolicyOverrides => ({
  timing: { windowStartMinute: start, windowEndMinute: end },
});
const tightLiterals = (start: number, end: number): HardRuleLiterals =>
  overrideLiterals(DEFAULT_LITERALS, { window: { startMinute: start, endMinute: end } });
const TIGHT = { start: 19 * 60 + 30, end: 21 * 60 } as const;
const TIGHT_LITERALS = tightLiterals(TIGHT.start, TIGHT.end);
const tightWeek = (
  name: `forced:${string}`,
  seed: number,
  fanCount: number,
  window: { readonly start: number; readonly end: number } = TIGHT,
): OverriddenWeek => {
  const creator = creatorFixture({ fanCount, pageType: 'paid' });
  return {
    hardCase: name,
    creatorId: creator.creatorId,
    weekStart: WEEK,
    seed,
    dataset: datasetFixture(creator, WEEK),
    policy: tightPolicy(window.start, window.end),
    literals: tightLiterals(window.start, window.end),
  };
};
const STARVED = (seed: number) => tightWeek('forced:window19:30-21:00', seed, 500);

/** Revenue sends (the follow-up parents) at 23:xx: follow-ups meet midnight. */
const LATE = (seed: number, allowNextDayFollowups: boolean) =>
  forcedWeek(
    'forced:late-parents',
    seed,
    { peakHours: [23], avoidHours: [3, 4, 5, 6] },
    undefined,
    { allowNextDayFollowups },
  );

const SEEDS = [1, 2, 3] as const;

describe('each relaxation path is reached by forced fixed-seed weeks, and they hold the rules', () => {
  const squeezed = SEEDS.map(SQUEEZED);
  const starved = SEEDS.map(STARVED);
  const late = SEEDS.map((s) => LATE(s, true));
  const forced: OverriddenWeek[] = [...squeezed, ...starved, ...late];
  const results = new Map<OverriddenWeek, ScheduleResult>();

  beforeAll(async () => {
    for (const s of forced) {
      const r = await cachedBuild(s);
      if (E.isLeft(r)) throw new Error(`${describeWeek(s)}: Left ${r.left.code}`);
      results.set(s, r.right);
    }
  });

  const reached = (
    from: ReadonlyArray<OverriddenWeek>,
    pred: (i: ScheduleResult['summary']['adjustments'][number]) => boolean,
  ) =>
    from.flatMap((s) => {
      const r = results.get(s) as ScheduleResult;
      return r.summary.adjustments.filter(pred).map((i) => ({ s, r, i }));
    });

  it('the forced weeks hold every rule outside KNOWN_OPEN', async () => {
    for (const s of forced) await weekHolds(s);
  });

  it.each([30, 20])('spacing relaxed to %i (spacing_relaxed with details.spacingMinutes)', (m) => {
    const hits = reached(
      squeezed,
      (i) => i.code === 'spacing_relaxed' && i.details.spacingMinutes === m,
    );
    expect(hits.length, 'avoid hours 09-22 should force it').toBeGreaterThan(0);
    // the relaxed item really sits closer than 45 minutes to a send of its family
    const { r, i } = hits[0] as (typeof hits)[number];
    expect(r.items.some((x) => x.slotId === i.details.slotId)).toBe(true);
  });

  it('avoid hours relaxed (avoid_hours_relaxed): an item placed inside the creator avoid hours', () => {
    const hits = reached(squeezed, (i) => i.code === 'avoid_hours_relaxed');
    expect(hits.length).toBeGreaterThan(0);
    const { r, i } = hits[0] as (typeof hits)[number];
    const item = r.items.find((x) => x.slotId === i.details.slotId);
    expect(range(9, 22)).toContain(Number(item?.scheduledTime.slice(0, 2)));
  });

  it('next-day move (item_moved_next_day): the item sits on the next date, with its day', () => {
    for (const s of starved)
      expect(
        reached([s], (i) => i.code === 'item_moved_next_day').length,
        `${describeWeek(s)}: a 90-minute window should force it`,
      ).toBeGreaterThan(0);
    const hits = reached(starved, (i) => i.code === 'item_moved_next_day');
    const placed = hits.filter(({ r, i }) => r.items.some((x) => x.slotId === i.details.slotId));
    expect(placed.length, 'some moved item is placed on its next date').toBeGreaterThan(0);
    for (const { r, i } of placed) {
      const item = r.items.find((x) => x.slotId === i.details.slotId);
      const from = String(i.details.slotId).slice(0, 10);
      expect(item?.scheduledDate).toBe(dayAfter(from));
      // RULINGS "moved items": where it came from, and the strategy of the day it is sent on
      expect(item?.movedFromDate).toBe(from);
      expect(item?.strategyUsed).toBe(r.summary.dailyStrategies[item?.scheduledDate ?? '']);
    }
  });

  it('drop (item_dropped): the item is not in the schedule, and it is counted as removed', () => {
    for (const s of starved)
      expect(
        reached([s], (i) => i.code === 'item_dropped').length,
        describeWeek(s),
      ).toBeGreaterThan(0);
    for (const { r, i } of reached(starved, (i) => i.code === 'item_dropped')) {
      expect(r.items.some((x) => x.slotId === i.details.slotId)).toBe(false);
      expect(i.details.removed).toBe(1);
    }
    // every hard rule holds on the overridden literals (window 19:30-21:00)
    for (const s of starved)
      expect(
        hardRuleViolations(results.get(s) as ScheduleResult, { literals: TIGHT_LITERALS }),
      ).toEqual([]);
  });

  // RULINGS "late parents" overturns the old expectation (with allowNextDayFollowups a late
  // parent's follow-up crossed midnight): a parent is at most 23:30, so at least 15 minutes remain
  // before 23:59 and its follow-up stays inside the day, the option notwithstanding.
  it('late parents: with allowNextDayFollowups no follow-up crosses midnight; late ones stay inside the day', () => {
    const pairs = late.flatMap((s) => {
      const r = results.get(s) as ScheduleResult;
      const bySlot = new Map(r.items.map((i) => [i.slotId, i]));
      return r.items
        .filter((i) => i.isFollowUp)
        .map((f) => ({ r, f, parent: bySlot.get(f.parentItemId ?? '') }));
    });
    const lateOnes = pairs.filter(({ parent }) => (parent?.scheduledTime ?? '') >= '23:00:00');
    expect(lateOnes.length, 'peak hour 23 gives follow-ups of 23:xx parents').toBeGreaterThan(0);
    for (const { f, parent } of pairs) {
      expect(parent, `${f.slotId}'s parent is in the week`).toBeDefined();
      expect((parent?.scheduledTime ?? '') <= '23:30:00', `${f.slotId}'s parent`).toBe(true);
      expect(f.scheduledDate, `${f.slotId} after ${parent?.scheduledTime}`).toBe(
        parent?.scheduledDate,
      );
      expect(f.scheduledTime <= '23:59:00', f.slotId).toBe(true);
    }
    for (const s of late) {
      const r = results.get(s) as ScheduleResult;
      expect(
        hardRuleViolations(r, { rules: ['lateFollowups', 'window'], allowNextDayFollowups: true }),
      ).toEqual([]);
      // the week holds even without the option: nothing needed it
      expect(hardRuleViolations(r, { rules: ['window'] })).toEqual([]);
    }
  });

  // Found while forcing the paths and fixed in src (categories take turns when a day's channel
  // families fill up): a one-hour window 20:00-21:00 for an ultra creator (8 / 8 / 3 planned a
  // day, 3 sends per family fit) used to give days of 3 revenue items and 0 engagement.
  it('a one-hour window keeps the category balance for an ultra creator', async () => {
    for (const seed of SEEDS) {
      const s = tightWeek('forced:window20-21-ultra', seed, 30_000, {
        start: 20 * 60,
        end: 21 * 60,
      });
      const r = await cachedBuild(s);
      if (E.isLeft(r)) throw new Error(r.left.message);
      expect(hardRuleViolations(r.right, oracleOptions(s)), describeWeek(s, r.right)).toEqual([]);
    }
  });

  /**
   * Found while forcing the paths and fixed in src (the allocation plans no more sends per family
   * than the window can space out, and when timing drops items the over-represented category
   * gives way too): the same kind of tight window,
   * 19:30-20:30, for a mid-tier creator (2,000 fans). Allocation plans 6 sends per family a day
   * (the window touches two 4-hour blocks), far more than an hour can space out, and phase 5 then
   * drops the lowest-priority items without regard to their category: the built week keeps its
   * retention items and loses engagement ones (seed 1: revenue 22, engagement 9, retention 10 of
   * 41 allocated items: engagement 22 %, retention 24 %). The report says `failed`
   * (`statusTruthful` holds), but RULINGS "category balance is a hard rule" asks for the balance
   * to be met, which fewer items would.
   */
  it('a tight window keeps the category balance after timing drops', async () => {
    for (const seed of SEEDS) {
      const s = tightWeek('forced:window19:30-20:30', seed, 2_000, {
        start: 19 * 60 + 30,
        end: 20 * 60 + 30,
      });
      const r = await cachedBuild(s);
      if (E.isLeft(r)) throw new Error(r.left.message);
      expect(r.right.summary.adjustments.some((i) => i.code === 'item_dropped')).toBe(true);
      expect(
        hardRuleViolations(r.right, { literals: s.literals, rules: ['categoryBalance'] }),
        describeWeek(s, r.right),
      ).toEqual([]);
    }
  });
});

describe('policy mutants built through the pipeline are caught by the default literals', () => {
  const dense = forcedWeek('forced:dense', 1, {
    peakHours: [19, 20, 21, 22],
    avoidHours: [3, 4, 5, 6],
  });

  it.each([
    {
      name: 'spacing target 45 -> 35',
      policy: { timing: { spacingSteps: [35, 30, 20] } },
      rule: 'spacing' as const,
      literals: overrideLiterals(DEFAULT_LITERALS, {
        spacing: { targetMinutes: 35, steps: [35, 30, 20] },
      }),
    },
    {
      name: '4-hour block cap 3 -> 4',
      policy: { timing: { maxPerBlock: 4 } },
      rule: 'blockCap' as const,
      literals: overrideLiterals(DEFAULT_LITERALS, { blocks: { maxPerFamily: 4 } }),
    },
  ])('$name', async ({ policy, rule, literals }) => {
    const r = await build(dense, policy);
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(hardRuleViolations(r.right, { rules: [rule] }).length).toBeGreaterThan(0);
    expect(hardRuleViolations(r.right, { rules: [rule], literals })).toEqual([]);
  });
});

describe('KNOWN_OPEN tripwire: each open rule still breaks in the fixed samples', () => {
  const samples = fc.sample(hardCreatorWeekArb, { seed: MIX_SEED, numRuns: MIX_RUNS });
  const broken = new Map<HardRuleName, string>();

  beforeAll(async () => {
    if (KNOWN_OPEN.size === 0) return;
    for (const s of [
      ...samples,
      ...SEEDS.map(SQUEEZED),
      ...SEEDS.map(STARVED),
      ...SEEDS.map((x) => LATE(x, true)),
    ]) {
      const r = await cachedBuild(s);
      if (E.isLeft(r)) continue;
      for (const rule of KNOWN_OPEN) {
        if (broken.has(rule)) continue;
        const v = hardRuleViolations(r.right, { ...oracleOptions(s), rules: [rule] });
        if (v.length > 0) broken.set(rule, `${describeWeek(s, r.right)}: ${v[0]}`);
      }
    }
  });

  // One test whatever the size of the set (an empty `it.each` would leave the suite empty).
  it(`KNOWN_OPEN (${[...KNOWN_OPEN].join(', ') || 'empty'}) holds only rules that still break`, () => {
    const fixed = [...KNOWN_OPEN].filter((rule) => !broken.has(rule));
    expect(fixed, 'these no longer break: remove them from KNOWN_OPEN').toEqual([]);
    // today every hard rule holds in every built week: the set is empty
    expect([...KNOWN_OPEN]).toEqual([]);
  });
});

describe('the hard-case arbitraries generate what they say', () => {
  const addDays = (d: string, n: number) =>
    new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  /** UTC offset at local noon of a date (noon is never inside a change). */
  const noonOffset = (zone: string, d: string) =>
    tzOffset(zone, new Date(Date.parse(`${d}T12:00:00Z`)));

  it('DST_CHANGES are real changes (New York, Berlin, Sydney) and São Paulo has none', () => {
    for (const [zone, dates] of Object.entries(DST_CHANGES))
      for (const d of dates) {
        const changes = noonOffset(zone, addDays(d, -1)) !== noonOffset(zone, d);
        expect(changes, `${zone} ${d}`).toBe(DST_ZONES_WITH_CHANGES.includes(zone));
      }
  });

  const sample = (name: HardCaseName) =>
    fc.sample(HARD_CASE_ARBS[name], { seed: CASE_SEED, numRuns: 25 });
  const only = <A>(s: HardCreatorWeek, r: Readonly<Record<string, A>>): A | undefined =>
    r[s.creatorId];

  it('each hard case holds its defining property', () => {
    for (const s of sample('denseDay')) {
      expect(s.dataset.creators[0]?.fanCount).toBeGreaterThanOrEqual(15_000);
      expect(only(s, s.dataset.trends ?? {})?.horizons['14d']?.opportunityScore).toBeGreaterThan(
        70,
      );
    }
    for (const s of sample('tinyCaptionPool'))
      expect(s.dataset.captions.length).toBeGreaterThanOrEqual(1);
    for (const s of sample('tinyCaptionPool'))
      expect(s.dataset.captions.length).toBeLessThanOrEqual(5);
    for (const s of sample('emptyCaptionPool')) expect(s.dataset.captions).toEqual([]);
    for (const s of sample('newCreator')) {
      expect(s.dataset.history).toEqual([]);
      expect(only(s, s.dataset.trends ?? {})).toBeUndefined();
    }
    for (const s of sample('sparseHistory'))
      expect(s.dataset.history.length).toBeLessThanOrEqual(10);
    for (const s of sample('dstWeek')) {
      const zone = s.dataset.creators[0]?.timezone as string;
      const week = Array.from({ length: 7 }, (_, k) => addDays(s.weekStart, k));
      expect(week.some((d) => (DST_CHANGES[zone] ?? []).includes(d))).toBe(true);
    }
    for (const s of sample('lateParents')) {
      expect(
        Math.min(...(only(s, s.dataset.timing ?? {})?.peakHours ?? [0])),
      ).toBeGreaterThanOrEqual(21);
      expect(typeof s.options?.allowNextDayFollowups).toBe('boolean');
    }
    for (const s of sample('vaultLacking')) expect(vaultIsComplete(s)).toBe(false);
    for (const s of sample('avoidHoursInWindow')) {
      const avoid = only(s, s.dataset.timing ?? {})?.avoidHours ?? [];
      expect(avoid.length).toBeGreaterThan(0);
      for (const h of avoid) expect(h >= 9 && h <= 22).toBe(true);
    }
  });

  it('the mix sometimes has a creator timing profile and current pins (003 tasks 2.8, 2.5)', () => {
    const mix = fc.sample(hardCreatorWeekArb, { seed: MIX_SEED, numRuns: MIX_RUNS });
    const profiles = mix.filter((s) => s.dataset.timingProfiles?.[s.creatorId] !== undefined);
    const pins = mix.filter((s) => (s.dataset.activePins?.[s.creatorId]?.length ?? 0) > 0);
    for (const part of [profiles, pins]) {
      expect(part.length).toBeGreaterThan(MIX_RUNS / 6);
      expect(part.length).toBeLessThan(MIX_RUNS / 2);
    }
    // a profile whose window the creator's average sets (avg 17-59 minutes: at least 10 wide)
    expect(
      profiles.some((s) => {
        const avg = s.dataset.timingProfiles?.[s.creatorId]?.avgResponseMinutes;
        return typeof avg === 'number' && avg >= 17 && avg < 60;
      }),
    ).toBe(true);
  });

  it('the mix draws every hard case', () => {
    const seen = new Set(
      fc.sample(hardCreatorWeekArb, { seed: MIX_SEED, numRuns: MIX_RUNS }).map((s) => s.hardCase),
    );
    expect([...seen].sort()).toEqual(Object.keys(HARD_CASE_ARBS).sort());
  });
});
