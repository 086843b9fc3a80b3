/**
 * getGameRecommendations, getGameFrequency, GAME_BENCHMARKS (seed 000 task 3.6).
 *
 * Expected numbers are the seed's literals, typed here (never read from src's tables); the
 * Bayesian update is worked by hand below.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  GAME_BENCHMARKS,
  GAME_TYPES,
  type GamePerformance,
  getGameFrequency,
  getGameRecommendations,
  resolvePolicy,
} from '../../src/index';

const rec = (gameType: string, earnings: number, date = '2025-01-06'): GamePerformance => ({
  gameType,
  earnings,
  date,
  creatorId: 'c1',
});

describe('GAME_BENCHMARKS', () => {
  it('holds the seed table (000 task 3.6), confidence intervals as given', () => {
    expect(GAME_BENCHMARKS).toEqual({
      spin_the_wheel: {
        avgEarnings: 5178.5,
        stdDev: 2500,
        sampleSize: 45,
        ci95Lower: 4432,
        ci95Upper: 5925,
        recommendedFrequency: 'weekly',
        performanceTier: 'top',
      },
      prize_wheel: {
        avgEarnings: 2500,
        stdDev: 1200,
        sampleSize: 38,
        ci95Lower: 2110,
        ci95Upper: 2890,
        recommendedFrequency: 'weekly',
        performanceTier: 'mid',
      },
      mystery_box: {
        avgEarnings: 3000,
        stdDev: 1400,
        sampleSize: 32,
        ci95Lower: 2502,
        ci95Upper: 3498,
        recommendedFrequency: 'weekly',
        performanceTier: 'mid',
      },
      scratch_off: {
        avgEarnings: 1200,
        stdDev: 600,
        sampleSize: 28,
        ci95Lower: 970,
        ci95Upper: 1430,
        recommendedFrequency: 'weekly',
        performanceTier: 'low',
      },
      card_game: {
        avgEarnings: 500,
        stdDev: 300,
        sampleSize: 22,
        ci95Lower: 370,
        ci95Upper: 630,
        recommendedFrequency: 'bi-weekly_or_stop',
        performanceTier: 'avoid',
      },
    });
    expect(GAME_TYPES).toEqual([
      'spin_the_wheel',
      'prize_wheel',
      'mystery_box',
      'scratch_off',
      'card_game',
    ]);
  });

  it('is deep-frozen', () => {
    expect(Object.isFrozen(GAME_BENCHMARKS)).toBe(true);
    expect(Object.isFrozen(GAME_BENCHMARKS.spin_the_wheel)).toBe(true);
  });

  it('gives each type its frequency', () => {
    expect(getGameFrequency('spin_the_wheel')).toBe('weekly');
    expect(getGameFrequency('card_game')).toBe('bi-weekly_or_stop');
  });
});

describe('policy.games', () => {
  it('defaults to the seed threshold of $1,000', () => {
    expect(DEFAULT_POLICY.games.avoidBelowUsd).toBe(1000);
  });

  it('is validated by resolvePolicy', () => {
    const ok = resolvePolicy({ games: { avoidBelowUsd: 2000 } });
    expect(E.isRight(ok) && ok.right.games.avoidBelowUsd).toBe(2000);
    const bad = resolvePolicy({ games: { avoidBelowUsd: -1, extra: 1 } });
    expect(E.isLeft(bad)).toBe(true);
    if (E.isLeft(bad)) {
      const paths = bad.left.map((i) => i.path);
      expect(paths).toContain('policy.games.avoidBelowUsd');
      expect(paths).toContain('policy.games.extra');
    }
    expect(E.isLeft(resolvePolicy({ games: { avoidBelowUsd: Number.NaN } }))).toBe(true);
  });
});

describe('getGameRecommendations', () => {
  it('answers from the benchmarks alone without history', () => {
    const r = getGameRecommendations([]);
    expect(r.source).toBe('benchmark');
    expect(r.recommended).toBe('spin_the_wheel');
    expect(r.reason).toBe('Highest benchmark earnings ($5,178)');
    expect(r.avoid).toEqual(['card_game']);
    expect(r.worst).toBe('card_game');
    expect(r.rawAverages).toEqual({});
    expect(r.bayesianEstimates).toEqual({});
    expect(r.issues).toEqual([]);
    expect(r.frequencies).toEqual({
      spin_the_wheel: 'weekly',
      prize_wheel: 'weekly',
      mystery_box: 'weekly',
      scratch_off: 'weekly',
      card_game: 'bi-weekly_or_stop',
    });
  });

  it('computes the Bayesian update by hand (sample-size weights)', () => {
    const r = getGameRecommendations([
      rec('spin_the_wheel', 3000),
      rec('card_game', 400, '2025-01-09'),
      rec('spin_the_wheel', 1000, '2025-01-13'),
      rec('prize_wheel', 100, '2025-01-10'),
    ]);
    expect(r.source).toBe('bayesian_updated');
    // spin_the_wheel: creator mean (3000 + 1000) / 2 = 2000 over n = 2; prior 5178.50 over 45.
    // posterior = (5178.50 * 45 + 2000 * 2) / 47 = (233032.5 + 4000) / 47 = 237032.5 / 47
    const spin = r.bayesianEstimates.spin_the_wheel;
    expect(spin?.posteriorMean).toBeCloseTo(5043.244680851064, 9);
    expect(spin?.effectiveN).toBe(47);
    expect(spin?.creatorWeight).toBeCloseTo(2 / 47, 12);
    expect(spin?.benchmarkWeight).toBeCloseTo(45 / 47, 12);
    expect(spin?.observedMean).toBe(2000);
    expect(spin?.observedN).toBe(2);
    // card_game: (500 * 22 + 400 * 1) / 23 = 11400 / 23
    expect(r.bayesianEstimates.card_game?.posteriorMean).toBeCloseTo(495.6521739130435, 9);
    expect(r.bayesianEstimates.card_game?.effectiveN).toBe(23);
    // prize_wheel: (2500 * 38 + 100 * 1) / 39 = 95100 / 39
    expect(r.bayesianEstimates.prize_wheel?.posteriorMean).toBeCloseTo(2438.4615384615386, 9);
    expect(r.rawAverages).toEqual({ spin_the_wheel: 2000, prize_wheel: 100, card_game: 400 });
    expect(r.recommended).toBe('spin_the_wheel');
    expect(r.worst).toBe('card_game');
    expect(r.reason).toBe('Best performer ($5043.24 Bayesian avg)');
    expect(r.avoid).toEqual(['card_game']);
    expect(Object.keys(r.bayesianEstimates)).toEqual([
      'spin_the_wheel',
      'prize_wheel',
      'card_game',
    ]);
  });

  it('lets strong creator history overturn the prior', () => {
    // 100 scratch-off posts of 9000: (1200 * 28 + 9000 * 100) / 128 = 933600 / 128 = 7293.75
    const history = Array.from({ length: 100 }, () => rec('scratch_off', 9000));
    const r = getGameRecommendations([...history, rec('spin_the_wheel', 5000)]);
    expect(r.bayesianEstimates.scratch_off?.posteriorMean).toBeCloseTo(7293.75, 9);
    expect(r.recommended).toBe('scratch_off');
    expect(r.worst).toBe('spin_the_wheel');
    expect(r.avoid).toEqual([]);
  });

  it('avoids every type with history below $1,000, and follows the policy threshold', () => {
    // mystery_box with 200 posts of 0: (3000 * 32) / 232 = 413.79...; card_game 500 * 22 / 23
    const history = [
      ...Array.from({ length: 200 }, () => rec('mystery_box', 0)),
      rec('card_game', 0),
      rec('spin_the_wheel', 6000),
    ];
    const r = getGameRecommendations(history);
    expect(r.bayesianEstimates.mystery_box?.posteriorMean).toBeCloseTo(96000 / 232, 9);
    expect(r.avoid).toEqual(['mystery_box', 'card_game']);
    expect(r.worst).toBe('mystery_box');
    const strict = { ...DEFAULT_POLICY, games: { avoidBelowUsd: 6000 } };
    expect(getGameRecommendations(history, GAME_BENCHMARKS, strict).avoid).toEqual([
      'spin_the_wheel',
      'mystery_box',
      'card_game',
    ]);
    // A $1,000 estimate exactly is not below the threshold.
    const edge = getGameRecommendations([rec('card_game', 1000)], {
      ...GAME_BENCHMARKS,
      card_game: { ...GAME_BENCHMARKS.card_game, avgEarnings: 1000 },
    });
    expect(edge.avoid).toEqual([]);
  });

  it('breaks ties in GAME_TYPES order', () => {
    const flat = Object.fromEntries(
      GAME_TYPES.map((t) => [t, { ...GAME_BENCHMARKS[t], avgEarnings: 2000, sampleSize: 10 }]),
    ) as typeof GAME_BENCHMARKS;
    const r = getGameRecommendations(
      [rec('card_game', 2000), rec('prize_wheel', 2000), rec('mystery_box', 2000)],
      flat,
    );
    expect(r.recommended).toBe('prize_wheel');
    expect(r.worst).toBe('prize_wheel');
    expect(getGameRecommendations([], flat).recommended).toBe('spin_the_wheel');
  });

  it('skips and reports junk records, naming the index', () => {
    const junk = [
      rec('spin_the_wheel', 3000),
      rec('bingo', 9000),
      rec('prize_wheel', Number.NaN),
      rec('prize_wheel', -5),
      rec('prize_wheel', Number.POSITIVE_INFINITY),
      rec('mystery_box', 100, '2025-02-30'),
      { gameType: 'mystery_box', earnings: 100, date: '2025-01-01', creatorId: '' },
      null,
      'x',
    ] as unknown as GamePerformance[];
    const r = getGameRecommendations(junk);
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([
      ['game_record_skipped', 'history[1].gameType'],
      ['game_record_skipped', 'history[2].earnings'],
      ['game_record_skipped', 'history[3].earnings'],
      ['game_record_skipped', 'history[4].earnings'],
      ['game_record_skipped', 'history[5].date'],
      ['game_record_skipped', 'history[6].creatorId'],
      ['game_record_skipped', 'history[7]'],
      ['game_record_skipped', 'history[8]'],
    ]);
    expect(r.issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(Object.keys(r.bayesianEstimates)).toEqual(['spin_the_wheel']);
    expect(r.recommended).toBe('spin_the_wheel');
  });

  it('answers from the benchmarks when every record is junk or history is not an array', () => {
    const r = getGameRecommendations([rec('bingo', 1)]);
    expect(r.source).toBe('benchmark');
    expect(r.issues).toHaveLength(1);
    const s = getGameRecommendations('nope' as unknown as GamePerformance[]);
    expect(s.source).toBe('benchmark');
    expect(s.issues[0]?.code).toBe('invalid_input');
    const throwing = [
      Object.defineProperty({}, 'gameType', {
        get: () => {
          throw new Error('boom');
        },
      }),
    ] as unknown as GamePerformance[];
    expect(getGameRecommendations(throwing).issues[0]?.path).toBe('history[0]');
  });

  const knownRecord = fc.record({
    gameType: fc.constantFrom(...GAME_TYPES),
    earnings: fc.double({ min: 0, max: 1e6, noNaN: true }),
    date: fc.constantFrom('2025-01-06', '2025-03-31', '2024-02-29'),
    creatorId: fc.constant('c1'),
  });

  it('property: each posterior lies between the creator mean and the benchmark mean', () => {
    fc.assert(
      fc.property(fc.array(knownRecord, { minLength: 1, maxLength: 40 }), (history) => {
        const r = getGameRecommendations(history);
        for (const t of GAME_TYPES) {
          const est = r.bayesianEstimates[t];
          if (est === undefined) continue;
          const lo = Math.min(est.observedMean, GAME_BENCHMARKS[t].avgEarnings);
          const hi = Math.max(est.observedMean, GAME_BENCHMARKS[t].avgEarnings);
          const eps = 1e-9 * Math.max(1, hi);
          expect(est.posteriorMean).toBeGreaterThanOrEqual(lo - eps);
          expect(est.posteriorMean).toBeLessThanOrEqual(hi + eps);
          expect(est.creatorWeight + est.benchmarkWeight).toBeCloseTo(1, 12);
        }
      }),
    );
  });

  it('property: junk never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.anything()), (history) => {
        const r = getGameRecommendations(history as unknown as GamePerformance[]);
        expect(GAME_TYPES).toContain(r.recommended);
      }),
    );
    fc.assert(
      fc.property(fc.anything(), (history) => {
        expect(() => getGameRecommendations(history as GamePerformance[])).not.toThrow();
      }),
    );
  });

  it('property: deterministic, and independent of the order of the history', () => {
    fc.assert(
      fc.property(fc.array(knownRecord, { maxLength: 30 }), (history) => {
        const a = getGameRecommendations(history);
        expect(getGameRecommendations(history)).toEqual(a);
        const b = getGameRecommendations([...history].reverse());
        expect(b.recommended).toBe(a.recommended);
        expect(b.worst).toBe(a.worst);
        expect(b.avoid).toEqual(a.avoid);
        expect(Object.keys(b.bayesianEstimates)).toEqual(Object.keys(a.bayesianEstimates));
      }),
    );
  });
});
