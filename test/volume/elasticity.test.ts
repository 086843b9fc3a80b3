import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso, epochMinuteToIso, localToEpochMinute } from '../../src/domain/time';
import type { MassMessage } from '../../src/domain/types';
import {
  applyElasticityCap,
  calculateElasticity,
  checkVolumeContext,
  DEFAULT_ELASTICITY_POLICY,
  dailyPpvVolumes,
  type ElasticityPolicy,
  type ElasticityResult,
  elasticityIssues,
  marginalRevenuePerSend,
} from '../../src/index';
import { nextFloat, type Rng, rngFrom } from '../../src/random/rng';
import { goodInput } from '../validation/fixtures';

const AS_OF = '2025-03-03';
const TZ = 'America/New_York';
const BOUNDS = [1, 10] as const;

const message = (
  sentAt: string,
  earnings: number,
  over: Partial<MassMessage> = {},
): MassMessage => ({
  creatorId: 'c1',
  sentAt,
  sendTypeKey: 'ppv_unlock',
  price: 20,
  sent: 1000,
  viewed: 400,
  purchased: 10,
  earnings,
  captionId: null,
  ...over,
});

/** `earnings` split over `v` PPV sends at 10:00, 11:00, ... local time on `date`. */
const ppvDay = (date: string, v: number, earnings: number, tz = TZ): MassMessage[] =>
  Array.from({ length: v }, (_, i) =>
    message(epochMinuteToIso(localToEpochMinute(date, 600 + 60 * i, tz)), earnings / v),
  );

/** One day per entry, the most recent first: day i is `asOf - 1 - i`. */
const history = (
  days: ReadonlyArray<{ readonly v: number; readonly revenue: number }>,
  tz = TZ,
): MassMessage[] => days.flatMap((d, i) => ppvDay(addDaysIso(AS_OF, -1 - i), d.v, d.revenue, tz));

/** `daysPerLevel` days at each level, revenue `R(v)` plus uniform noise in [-noise, +noise]. */
const curve = (
  levels: ReadonlyArray<number>,
  daysPerLevel: number,
  r: (v: number) => number,
  noise = 0,
  seed = 'elasticity',
): Array<{ v: number; revenue: number }> => {
  let rng: Rng = rngFrom(seed);
  return levels.flatMap((v) =>
    Array.from({ length: daysPerLevel }, () => {
      const [u, next] = nextFloat(rng);
      rng = next;
      return { v, revenue: r(v) + noise * (2 * u - 1) };
    }),
  );
};

/** The closed-form cap: the largest v with b ln(v / (v - 1)) >= t. */
const closedFormCap = (b: number, t: number): number =>
  Math.max(1, Math.floor(1 / (1 - Math.exp(-t / b))));

const fitted = (r: ElasticityResult) => {
  if (r.status !== 'fitted') throw new Error(`expected a fit, got ${r.reason}`);
  return r;
};

const LEVELS_1_10 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('dailyPpvVolumes (001 §1.2.1 module 5)', () => {
  it('counts a send on its local date: 23:30 local on the 1st is the 1st though UTC is the 2nd', () => {
    const sentAt = epochMinuteToIso(localToEpochMinute('2025-02-01', 23 * 60 + 30, TZ));
    expect(sentAt).toBe('2025-02-02T04:30:00.000Z');
    const days = dailyPpvVolumes([message(sentAt, 80)], TZ, '2025-02-05', 7);
    expect(days.find((d) => d.date === '2025-02-01')).toEqual({
      date: '2025-02-01',
      ppvCount: 1,
      earnings: 80,
    });
    expect(days.find((d) => d.date === '2025-02-02')?.ppvCount).toBe(0);
  });

  it('lists the `days` local dates before asOf, oldest first, and ignores sends outside', () => {
    const at = (date: string, minute: number) =>
      epochMinuteToIso(localToEpochMinute(date, minute, TZ));
    const h = [
      message(at('2025-02-26', 600), 10), // asOf - 5: before the window
      message(at('2025-02-27', 0), 20), // asOf - 4: first day
      message(at('2025-03-02', 23 * 60 + 59), 30), // asOf - 1: last day
      message(at('2025-03-03', 0), 40), // asOf: excluded
    ];
    const days = dailyPpvVolumes(h, TZ, AS_OF, 4);
    expect(days.map((d) => d.date)).toEqual([
      '2025-02-27',
      '2025-02-28',
      '2025-03-01',
      '2025-03-02',
    ]);
    expect(days.map((d) => d.earnings)).toEqual([20, 0, 0, 30]);
  });

  it('counts only priced revenue sends', () => {
    const at = epochMinuteToIso(localToEpochMinute('2025-03-01', 600, TZ));
    const h = [
      message(at, 100),
      message(at, 50, { sendTypeKey: 'bundle', price: 30 }),
      message(at, 0, { price: null }),
      message(at, 0, { price: 0 }),
      message(at, 25, { sendTypeKey: 'ppv_followup', price: 15 }), // retention category
      message(at, 0, { sendTypeKey: 'bump_normal', price: null }),
      message('not an instant', 999),
    ];
    const day = dailyPpvVolumes(h, TZ, AS_OF, 3).find((d) => d.date === '2025-03-01');
    expect(day).toEqual({ date: '2025-03-01', ppvCount: 2, earnings: 150 });
  });

  it('reads an invalid zone or date as no history instead of throwing', () => {
    const h = history([{ v: 2, revenue: 100 }]);
    expect(dailyPpvVolumes(h, 'Not/AZone', AS_OF, 7)).toEqual([]);
    expect(dailyPpvVolumes(h, TZ, '2025-02-30', 7)).toEqual([]);
    expect(calculateElasticity(h, 'Not/AZone', AS_OF).reason).toBe('insufficient_volume_levels');
  });
});

describe('calculateElasticity: skipped', () => {
  it('skips with fewer than 3 volume levels', () => {
    const r = calculateElasticity(history(curve([2, 5], 10, (v) => 100 * v)), TZ, AS_OF);
    expect(r.status).toBe('skipped');
    expect(r.reason).toBe('insufficient_volume_levels');
    expect(r.fit).toBeNull();
    expect(r.capRevenuePerDay).toBeNull();
    expect(r.levels.map((l) => [l.v, l.days])).toEqual([
      [2, 10],
      [5, 10],
    ]);
  });

  it('skips when a level has fewer than 3 days', () => {
    const days = [...curve([1, 3], 4, (v) => 60 * v), ...curve([6], 2, (v) => 60 * v)];
    const r = calculateElasticity(history(days), TZ, AS_OF);
    expect(r.reason).toBe('insufficient_volume_levels');
    expect(r.levels.map((l) => l.counted)).toEqual([true, true, false]);
  });

  it('skips an empty history and leaves the plan alone', () => {
    const r = calculateElasticity([], TZ, AS_OF);
    expect(r).toMatchObject({ status: 'skipped', meanRevenuePerSend: 0, thresholdUsd: 0 });
    expect(applyElasticityCap(8, r, BOUNDS)).toEqual({ revenuePerDay: 8, capped: false });
  });

  it('skips a falling curve with no_positive_response', () => {
    const r = calculateElasticity(
      history(curve([1, 2, 3, 4, 5], 3, (v) => 500 - 100 * Math.log(v))),
      TZ,
      AS_OF,
    );
    expect(r.reason).toBe('no_positive_response');
    expect(r.fit?.b).toBeLessThan(0);
    expect(r.capRevenuePerDay).toBeNull();
  });

  it('skips a rising but noisy cloud with poor_fit', () => {
    const days = [1, 2, 3].flatMap((v) =>
      [100, 900, 100, 900].map((base) => ({ v, revenue: base + 10 * v })),
    );
    const r = calculateElasticity(history(days), TZ, AS_OF);
    expect(r.reason).toBe('poor_fit');
    expect(r.fit?.b).toBeGreaterThan(0);
    expect(r.fit?.rSquared).toBeLessThan(DEFAULT_ELASTICITY_POLICY.minRSquared);
  });
});

describe('calculateElasticity: fitted', () => {
  // R(v) = 50 + 120 ln(v), levels 1..10, 4 days each, +-5 USD seeded noise
  const logDays = curve(LEVELS_1_10, 4, (v) => 50 + 120 * Math.log(v), 5);
  const r = fitted(calculateElasticity(history(logDays), TZ, AS_OF));

  it('recovers a log curve', () => {
    expect(r.fit.b).toBeGreaterThan(114);
    expect(r.fit.b).toBeLessThan(126);
    expect(r.fit.a).toBeGreaterThan(40);
    expect(r.fit.a).toBeLessThan(60);
    expect(r.fit.rSquared).toBeGreaterThan(0.95);
    expect(r.levels).toHaveLength(10);
    expect(r.levels.every((l) => l.days === 4 && l.counted)).toBe(true);
  });

  it('caps where the marginal revenue falls below the threshold (closed form)', () => {
    // mean revenue per send: sum R(v) / sum v over the levels, noise aside
    const meanPerSend =
      LEVELS_1_10.reduce((s, v) => s + 50 + 120 * Math.log(v), 0) /
      LEVELS_1_10.reduce((s, v) => s + v, 0);
    expect(r.meanRevenuePerSend).toBeCloseTo(meanPerSend, 0);
    expect(r.thresholdUsd).toBeCloseTo(
      DEFAULT_ELASTICITY_POLICY.minMarginalShare * r.meanRevenuePerSend,
      10,
    );
    expect(r.capRevenuePerDay).toBe(closedFormCap(r.fit.b, r.thresholdUsd));
    expect(closedFormCap(120, 0.4 * meanPerSend)).toBe(7); // the noiseless answer
    expect(r.capRevenuePerDay).toBe(7);
    expect(marginalRevenuePerSend(r.fit, 7)).toBeGreaterThanOrEqual(r.thresholdUsd);
    expect(marginalRevenuePerSend(r.fit, 8)).toBeLessThan(r.thresholdUsd);
  });

  it('follows the threshold share', () => {
    const policy = (minMarginalShare: number): ElasticityPolicy => ({
      ...DEFAULT_ELASTICITY_POLICY,
      minMarginalShare,
    });
    for (const share of [0.1, 0.25, 0.5, 1, 3]) {
      const s = fitted(calculateElasticity(history(logDays), TZ, AS_OF, policy(share)));
      expect(s.capRevenuePerDay).toBe(closedFormCap(s.fit.b, s.thresholdUsd));
    }
    expect(calculateElasticity(history(logDays), TZ, AS_OF, policy(3)).capRevenuePerDay).toBe(1);
  });

  it('applies the cap to the planned revenue sends, within the bounds', () => {
    expect(applyElasticityCap(9, r, BOUNDS)).toEqual({ revenuePerDay: 7, capped: true });
    expect(applyElasticityCap(7, r, BOUNDS)).toEqual({ revenuePerDay: 7, capped: false });
    expect(applyElasticityCap(4, r, BOUNDS)).toEqual({ revenuePerDay: 4, capped: false });
    expect(applyElasticityCap(9, r, [8, 10])).toEqual({ revenuePerDay: 8, capped: true });
    expect(applyElasticityCap(8, r, [8, 10])).toEqual({ revenuePerDay: 8, capped: false });
  });

  it('does not cap a constant-return history (R = 40 v) below 10', () => {
    const lin = fitted(
      calculateElasticity(history(curve(LEVELS_1_10, 3, (v) => 40 * v)), TZ, AS_OF),
    );
    expect(lin.meanRevenuePerSend).toBeCloseTo(40, 10);
    expect(lin.thresholdUsd).toBeCloseTo(16, 10);
    // the log fit of a line: the 10th send's fitted marginal b ln(10/9) still reaches 16 USD
    expect(lin.fit.b).toBeGreaterThan(150);
    expect(marginalRevenuePerSend(lin.fit, 10)).toBeGreaterThanOrEqual(lin.thresholdUsd);
    expect(lin.capRevenuePerDay).toBe(closedFormCap(lin.fit.b, lin.thresholdUsd));
    expect(lin.capRevenuePerDay).toBeGreaterThanOrEqual(10);
    expect(applyElasticityCap(10, lin, BOUNDS)).toEqual({ revenuePerDay: 10, capped: false });
  });

  it('caps a history shaped like the real-data README figures near 6-7 a day', () => {
    // $/PPV: 3-4 a day 168.66, 5-6 a day 232.50, 7+ a day 117.61; 5 days per level
    const perPpv = (v: number) => (v <= 4 ? 168.66 : v <= 6 ? 232.5 : 117.61);
    const days = curve([3, 4, 5, 6, 7, 8], 5, (v) => v * perPpv(v));
    const real = fitted(calculateElasticity(history(days), TZ, AS_OF));
    expect(real.capRevenuePerDay).toBe(7);
    expect(applyElasticityCap(8, real, BOUNDS)).toEqual({ revenuePerDay: 7, capped: true });
    const lenient = calculateElasticity(history(days), TZ, AS_OF, {
      ...DEFAULT_ELASTICITY_POLICY,
      minMarginalShare: 0.25,
    });
    expect(lenient.capRevenuePerDay).toBeGreaterThan(BOUNDS[1]); // why the default is not 0.25
  });
});

describe('elasticityIssues', () => {
  it('says why the check was skipped', () => {
    const r = calculateElasticity([], TZ, AS_OF);
    const issues = elasticityIssues(r);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'elasticity_skipped',
      severity: 'info',
      phase: 'volume',
      details: { reason: 'insufficient_volume_levels', levels: 0 },
    });
  });

  // Issue 6 "the same shortage is reported once": a binding cap is no longer an info of the
  // volume phase; it is the one elasticity_capped warning of validation (checkVolumeContext).
  it('reports a cap once, in validation, and nothing when the cap does not bind', () => {
    const r = calculateElasticity(
      history(curve(LEVELS_1_10, 4, (v) => 50 + 120 * Math.log(v))),
      TZ,
      AS_OF,
    );
    expect(applyElasticityCap(9, r, BOUNDS)).toEqual({ revenuePerDay: 7, capped: true });
    expect(applyElasticityCap(5, r, BOUNDS)).toEqual({ revenuePerDay: 5, capped: false });
    expect(elasticityIssues(r)).toEqual([]);
    const base = goodInput().volume;
    const capped = {
      ...base,
      elasticityCapped: true,
      elasticity: { ...base.elasticity, capRevenuePerDay: 7 },
      finalConfig: { ...base.finalConfig, revenuePerDay: 7 },
    };
    expect(
      checkVolumeContext(goodInput({ volume: capped })).map((i) => [
        i.code,
        i.severity,
        i.details.revenuePerDay,
      ]),
    ).toEqual([['elasticity_capped', 'warning', 7]]);
    expect(checkVolumeContext(goodInput())).toEqual([]);
  });
});

describe('elasticity properties', () => {
  const zones = ['UTC', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney'] as const;
  const dayArb = fc.record({
    v: fc.integer({ min: 0, max: 10 }),
    revenue: fc.double({ min: 0, max: 3000, noNaN: true }),
  });
  // free-form days, and log curves with noise (which mostly fit)
  const randomDays = fc.array(dayArb, { maxLength: 40 });
  const curveDays = fc
    .record({
      levels: fc.uniqueArray(fc.integer({ min: 1, max: 10 }), { minLength: 3, maxLength: 8 }),
      daysPerLevel: fc.integer({ min: 3, max: 5 }),
      a: fc.double({ min: 0, max: 300, noNaN: true }),
      b: fc.double({ min: -50, max: 400, noNaN: true }),
      noise: fc.double({ min: 0, max: 100, noNaN: true }),
      seed: fc.nat(),
    })
    .map(({ levels, daysPerLevel, a, b, noise, seed }) =>
      curve(levels, daysPerLevel, (v) => Math.max(0, a + b * Math.log(v)), noise, String(seed)).map(
        (d) => ({ v: d.v, revenue: Math.max(0, d.revenue) }),
      ),
    );
  const historyArb = fc
    .tuple(fc.oneof(randomDays, curveDays), fc.constantFrom(...zones))
    .map(([days, tz]) => ({ h: history(days, tz), tz }));
  const policyArb = fc.record({
    historyDays: fc.integer({ min: 1, max: 90 }),
    minDaysPerLevel: fc.integer({ min: 1, max: 3 }),
    minLevels: fc.integer({ min: 1, max: 4 }),
    minRSquared: fc.double({ min: 0, max: 0.5, noNaN: true }),
    minMarginalShare: fc.double({ min: 0.01, max: 3, noNaN: true }),
  });
  const boundsArb = fc
    .tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }))
    .map(([x, y]) => [Math.min(x, y), Math.max(x, y)] as const);

  it('a cap is a whole number >= 1 where the next send falls below the threshold', () => {
    fc.assert(
      fc.property(historyArb, policyArb, ({ h, tz }, policy) => {
        const r = calculateElasticity(h, tz, AS_OF, policy);
        if (r.status === 'skipped') return r.capRevenuePerDay === null;
        const cap = r.capRevenuePerDay;
        return (
          Number.isInteger(cap) &&
          cap >= 1 &&
          r.fit.b > 0 &&
          marginalRevenuePerSend(r.fit, cap) >= r.thresholdUsd &&
          marginalRevenuePerSend(r.fit, cap + 1) < r.thresholdUsd
        );
      }),
      { numRuns: 200 },
    );
  });

  it('the capped count never exceeds the plan nor falls below the lower bound', () => {
    fc.assert(
      fc.property(historyArb, policyArb, boundsArb, fc.nat(10), ({ h, tz }, policy, b, k) => {
        const planned = b[0] + (k % (b[1] - b[0] + 1));
        const r = calculateElasticity(h, tz, AS_OF, policy);
        const a = applyElasticityCap(planned, r, b);
        return (
          a.revenuePerDay <= planned &&
          a.revenuePerDay >= b[0] &&
          a.capped === a.revenuePerDay < planned
        );
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(historyArb, policyArb, ({ h, tz }, policy) => {
        expect(calculateElasticity([...h], tz, AS_OF, policy)).toEqual(
          calculateElasticity(h, tz, AS_OF, policy),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('skipping never caps', () => {
    fc.assert(
      fc.property(historyArb, policyArb, boundsArb, ({ h, tz }, policy, b) => {
        const r = calculateElasticity(h, tz, AS_OF, policy);
        fc.pre(r.status === 'skipped');
        expect(applyElasticityCap(b[1], r, b)).toEqual({ revenuePerDay: b[1], capped: false });
      }),
      { numRuns: 200 },
    );
  });
});
