/**
 * Seed 004 "Views Reference" and "Best Practices" as pure functions. Every expected value is a
 * literal computed by hand from the seed's SQL (or, for the views the seed only names, from
 * their documented definition); nothing is read from the library's policy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CircuitBreakerRecord,
  type CreatorRotationState,
  creatorsWithPredictionMisses,
  creatorsWithSuboptimalFollowups,
  type FollowupTrackingRecord,
  meanAbsolutePercentageError,
  unhealthyCircuitBreakers,
  type VolumePredictionRecord,
  vActiveRotationStates,
  vCircuitBreakerHealth,
  vPredictionAccuracy,
} from '../../src/index';
import { fuzzRuns, nastyNumber } from '../support/junk';

const breaker = (over: Partial<CircuitBreakerRecord>): CircuitBreakerRecord => ({
  name: 'getBestTiming',
  state: 'closed',
  failureCount: 0,
  successCount: 0,
  lastFailureTime: null,
  lastSuccessTime: null,
  lastStateChange: null,
  ...over,
});

describe('vCircuitBreakerHealth (004 v_circuit_breaker_health)', () => {
  const NOW = '2025-01-20T10:45:30.000Z';

  it('success rate in percent with two decimals, 100 without calls; whole minutes in state, truncated', () => {
    const rows = vCircuitBreakerHealth(
      [
        breaker({
          name: 'a',
          failureCount: 1,
          successCount: 2,
          lastStateChange: '2025-01-20T10:00:00.000Z',
        }),
        breaker({ name: 'b' }),
        breaker({
          name: 'c',
          state: 'open',
          failureCount: 5,
          lastStateChange: '2025-01-20T10:45:31.000Z',
        }),
      ],
      NOW,
    );
    // 2 / 3 = 66.666..% -> 66.67; 45.5 minutes -> 45
    expect(rows.map((r) => [r.name, r.successRatePct, r.minutesInState])).toEqual([
      ['a', 66.67, 45],
      ['b', 100, null],
      // a state change one second after now: -1/60 minute truncates to 0 (SQL CAST AS INTEGER)
      ['c', 0, 0],
    ]);
  });

  it('takes now from the caller: no clock, an unreadable now gives no minutes', () => {
    const rec = breaker({ lastStateChange: '2025-01-20T10:00:00.000Z' });
    expect(vCircuitBreakerHealth([rec], '2025-01-20T12:00:00Z')[0]?.minutesInState).toBe(120);
    expect(vCircuitBreakerHealth([rec], 'not a time')[0]?.minutesInState).toBeNull();
  });

  it('unhealthy: open, half open for more than 30 minutes, or a success rate below 80 %', () => {
    const t0 = '2025-01-20T10:00:00.000Z';
    const health = vCircuitBreakerHealth(
      [
        breaker({ name: 'open', state: 'open', lastStateChange: t0 }),
        breaker({ name: 'half31', state: 'half_open', lastStateChange: t0, successCount: 1 }),
        breaker({
          name: 'half30',
          state: 'half_open',
          lastStateChange: '2025-01-20T10:01:00.000Z',
          successCount: 1,
        }),
        breaker({ name: 'rate79', failureCount: 21, successCount: 79 }),
        breaker({ name: 'rate80', failureCount: 20, successCount: 80 }),
        breaker({ name: 'closed' }),
      ],
      '2025-01-20T10:31:00.000Z',
    );
    expect(unhealthyCircuitBreakers(health).map((r) => r.name)).toEqual([
      'open',
      'half31',
      'rate79',
    ]);
  });
});

const prediction = (over: Partial<VolumePredictionRecord>): VolumePredictionRecord => ({
  predictionId: null,
  creatorId: 'c1',
  inputFanCount: 2000,
  inputPageType: 'paid',
  inputSaturation: 50,
  inputOpportunity: 50,
  predictedTier: 'mid',
  predictedRevenuePerDay: 4,
  predictedEngagementPerDay: 4,
  predictedRetentionPerDay: 2,
  predictedWeeklyRevenue: 1000,
  predictedWeeklyMessages: 70,
  scheduleTemplateId: null,
  weekStartDate: '2025-01-20',
  actualTotalRevenue: null,
  actualMessagesSent: null,
  actualAvgRps: null,
  actualRevenuePerDay: null,
  outcomeMeasured: true,
  outcomeMeasuredAt: null,
  revenuePredictionErrorPct: null,
  volumePredictionErrorPct: null,
  ...over,
});

describe('MAPE (000 task 3.8 volume_prediction_mape)', () => {
  it('a hand-computed example: |4-5|/5 = 20 %, |6-4|/4 = 50 %, mean 35 %; an actual of 0 is left out', () => {
    expect(
      meanAbsolutePercentageError([
        { predicted: 4, actual: 5 },
        { predicted: 6, actual: 4 },
        { predicted: 3, actual: 0 },
      ]),
    ).toBe(35);
    expect(meanAbsolutePercentageError([{ predicted: 3, actual: 0 }])).toBeNull();
    expect(meanAbsolutePercentageError([])).toBeNull();
  });

  it('is never negative, whatever the numbers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ predicted: nastyNumber, actual: nastyNumber }), { maxLength: 20 }),
        (pairs) => {
          const m = meanAbsolutePercentageError(pairs);
          if (m !== null) expect(m).toBeGreaterThanOrEqual(0);
        },
      ),
      fuzzRuns(0x004_0001, 300),
    );
  });
});

describe('vPredictionAccuracy (004 v_prediction_accuracy, defined from the records)', () => {
  it('per creator and week: MAPE of revenue sends a day, mean absolute revenue and volume errors; unmeasured left out', () => {
    const rows = vPredictionAccuracy([
      prediction({
        creatorId: 'c2',
        predictedRevenuePerDay: 5,
        actualRevenuePerDay: 4,
        revenuePredictionErrorPct: 10,
      }),
      prediction({
        predictedRevenuePerDay: 4,
        actualRevenuePerDay: 5,
        revenuePredictionErrorPct: -20,
        volumePredictionErrorPct: 5,
      }),
      prediction({
        predictedRevenuePerDay: 6,
        actualRevenuePerDay: 4,
        revenuePredictionErrorPct: 40,
        volumePredictionErrorPct: -15,
      }),
      prediction({
        weekStartDate: '2025-01-27',
        predictedRevenuePerDay: 4,
        actualRevenuePerDay: 0,
      }),
      prediction({ weekStartDate: '2025-02-03', outcomeMeasured: false, actualRevenuePerDay: 1 }),
    ]);
    expect(rows).toEqual([
      {
        creatorId: 'c1',
        weekStartDate: '2025-01-20',
        predictions: 2,
        predictedRevenuePerDay: 5,
        actualRevenuePerDay: 4.5,
        mape: 35, // (20 + 50) / 2
        revenueMape: 30, // (20 + 40) / 2
        volumeMape: 10, // (5 + 15) / 2
      },
      {
        creatorId: 'c1',
        weekStartDate: '2025-01-27',
        predictions: 1,
        predictedRevenuePerDay: 4,
        actualRevenuePerDay: 0,
        mape: null, // NULLIF(actual, 0)
        revenueMape: null,
        volumeMape: null,
      },
      {
        creatorId: 'c2',
        weekStartDate: '2025-01-20',
        predictions: 1,
        predictedRevenuePerDay: 5,
        actualRevenuePerDay: 4,
        mape: 25, // |5-4|/4
        revenueMape: 10,
        volumeMape: null,
      },
    ]);
  });

  it('creators whose predictions consistently miss: mean |revenue error| above 25 % over at least 3 measured predictions', () => {
    const rows = creatorsWithPredictionMisses([
      // c1: 3 predictions, |-30|, 30, 20 -> 26.67 > 25
      prediction({ creatorId: 'c1', revenuePredictionErrorPct: -30 }),
      prediction({ creatorId: 'c1', revenuePredictionErrorPct: 30 }),
      prediction({ creatorId: 'c1', revenuePredictionErrorPct: 20 }),
      // c2: 2 predictions only
      prediction({ creatorId: 'c2', revenuePredictionErrorPct: 90 }),
      prediction({ creatorId: 'c2', revenuePredictionErrorPct: 90 }),
      // c3: mean exactly 25 is not above 25
      prediction({ creatorId: 'c3', revenuePredictionErrorPct: 25 }),
      prediction({ creatorId: 'c3', revenuePredictionErrorPct: -25 }),
      prediction({ creatorId: 'c3', revenuePredictionErrorPct: 25 }),
      // c4: a record without an error counts as a prediction (COUNT(*)), not in the mean (AVG)
      prediction({ creatorId: 'c4', revenuePredictionErrorPct: 40 }),
      prediction({ creatorId: 'c4', revenuePredictionErrorPct: 50 }),
      prediction({ creatorId: 'c4', revenuePredictionErrorPct: null }),
      // unmeasured rows do not count
      prediction({ creatorId: 'c5', revenuePredictionErrorPct: 99, outcomeMeasured: false }),
      prediction({ creatorId: 'c5', revenuePredictionErrorPct: 99, outcomeMeasured: false }),
      prediction({ creatorId: 'c5', revenuePredictionErrorPct: 99, outcomeMeasured: false }),
    ]);
    expect(
      rows.map((r) => [r.creatorId, Math.round(r.avgError * 100) / 100, r.predictions]),
    ).toEqual([
      ['c1', 26.67, 3],
      ['c4', 45, 3],
    ]);
  });
});

const followup = (over: Partial<FollowupTrackingRecord>): FollowupTrackingRecord => ({
  creatorId: 'c1',
  parentPpvId: 'p',
  parentTime: '2025-01-24T14:00:00.000Z',
  followupTime: '2025-01-24T14:30:00.000Z',
  gapMinutes: 30,
  ppvType: 'winner',
  isOptimalWindow: true,
  timeSource: 'scheduled',
  ...over,
});

describe('creatorsWithSuboptimalFollowups (004 Best Practices)', () => {
  const NOW = '2025-01-27T15:00:00Z';
  it('more than 5 follow-ups outside 15-45 minutes since midnight 7 days before now', () => {
    const late = (creatorId: string, at: string, gapMinutes = 50) =>
      followup({ creatorId, followupTime: at, gapMinutes, isOptimalWindow: false });
    const rows = creatorsWithSuboptimalFollowups(
      [
        // c1: 6 suboptimal (gaps 50 and 10) + 2 optimal (30) since 2025-01-20T00:00Z
        ...Array.from({ length: 5 }, () => late('c1', '2025-01-20T00:00:00.000Z')),
        late('c1', '2025-01-22T09:00:00.000Z', 10),
        followup({ creatorId: 'c1' }),
        followup({ creatorId: 'c1' }),
        // c2: exactly 5 is not more than 5
        ...Array.from({ length: 5 }, () => late('c2', '2025-01-25T09:00:00.000Z')),
        // c3: 6 suboptimal, but one before the window
        late('c3', '2025-01-19T23:59:00.000Z'),
        ...Array.from({ length: 5 }, () => late('c3', '2025-01-25T09:00:00.000Z')),
      ],
      NOW,
    );
    // c1 mean gap: (5 x 50 + 10 + 2 x 30) / 8 = 40
    expect(rows).toEqual([{ creatorId: 'c1', avgGap: 40, suboptimalCount: 6, followups: 8 }]);
    expect(creatorsWithSuboptimalFollowups([late('c1', NOW)], 'yesterday')).toEqual([]);
  });

  it('recounts the window from the gap, not the stored flag (45 in, 45.5 out)', () => {
    const rows = creatorsWithSuboptimalFollowups(
      Array.from({ length: 6 }, (_, i) =>
        followup({ gapMinutes: i < 3 ? 45 : 45.5, isOptimalWindow: true }),
      ),
      NOW,
    );
    expect(rows).toEqual([]);
  });
});

const rotation = (over: Partial<CreatorRotationState>): CreatorRotationState => ({
  creatorId: 'c1',
  currentState: 'pattern_active',
  paused: false,
  pattern: ['solo', 'bundle', 'winner', 'sextape'],
  patternStartDate: '2025-01-15',
  daysOnPattern: 5,
  recentPatterns: [],
  contentRotation: null,
  lastScheduledDate: '2025-01-19',
  version: 3,
  ...over,
});

describe('vActiveRotationStates (004, defined from the records)', () => {
  it('the states whose pattern is in use: pattern_active or rotation_pending, not paused', () => {
    const rows = vActiveRotationStates([
      rotation({ creatorId: 'a' }),
      rotation({ creatorId: 'b', currentState: 'rotation_pending' }),
      rotation({ creatorId: 'c', paused: true }),
      rotation({ creatorId: 'd', currentState: 'initializing', pattern: [] }),
      rotation({ creatorId: 'e', currentState: 'rotating' }),
      rotation({ creatorId: 'f', currentState: 'pattern_exhausted' }),
      rotation({ creatorId: 'g', currentState: 'error' }),
    ]);
    expect(rows.map((r) => [r.creatorId, r.currentState])).toEqual([
      ['a', 'pattern_active'],
      ['b', 'rotation_pending'],
    ]);
    expect(rows[0]).toEqual({
      creatorId: 'a',
      currentState: 'pattern_active',
      pattern: ['solo', 'bundle', 'winner', 'sextape'],
      patternStartDate: '2025-01-15',
      daysOnPattern: 5,
      contentRotation: null,
      lastScheduledDate: '2025-01-19',
    });
  });
});
