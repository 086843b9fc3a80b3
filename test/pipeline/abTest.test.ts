/**
 * A/B arms in buildSchedule (seed 000 task 3.7; RULINGS "A/B arms"): `inputs.experiment` puts
 * the creator in an arm by a hash of test id and creator id, the arm's configuration is laid over
 * the caller's policy, the week is validated against the arm's own targets, and the result names
 * the arm. Without an experiment nothing changes.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  type AbExperiment,
  assignAbArm,
  type CampaignType,
  designVolumeAbTest,
  type InMemoryDataset,
  inMemoryPorts,
  type ScheduleInputs,
  sentCampaigns,
  VOLUME_AB_TESTS,
  validateCampaignFrequency,
} from '../../src/index';
import { leanDataset, richCreator, runBuild } from '../support/trustData';
import { buildRight, creatorFixture, datasetFixture } from './fixtures';

const WEEK = '2025-01-20';
const LAST = '2025-01-26';

/** The fixture's history with 4 campaigns in the month before the week: a 5-a-month cadence. */
const fiveAMonth = (): InMemoryDataset => {
  const creator = creatorFixture();
  const base = datasetFixture(creator, WEEK);
  const tags = new Map<string, CampaignType>([
    ['2025-01-02', 'bundle_wall_campaign'],
    ['2025-01-06', 'descriptive_wall_campaign'],
    ['2025-01-09', 'spin_the_wheel_game'],
    ['2025-01-17', 'descriptive_wall_campaign'],
  ]);
  const history = base.history.map((m) => {
    const type = tags.get(m.sentAt.slice(0, 10));
    if (type === undefined) return m;
    tags.delete(m.sentAt.slice(0, 10));
    return { ...m, campaignType: type };
  });
  expect(tags.size).toBe(0);
  return { ...base, history };
};

const inputs = (experiment?: AbExperiment, over: Partial<ScheduleInputs> = {}): ScheduleInputs => ({
  creatorId: 'dst_creator',
  weekStart: WEEK,
  seed: 7,
  ...(experiment === undefined ? {} : { experiment }),
  ...over,
});

const codes = (xs: ReadonlyArray<{ readonly code: string }>) => xs.map((i) => i.code);

describe('buildSchedule with inputs.experiment', () => {
  const campaignTest = VOLUME_AB_TESTS.campaign_frequency_high_vs_standard;

  it('a campaign-frequency control arm of 5 a month is validated against its own targets', async () => {
    const dataset = fiveAMonth();
    const week = await buildRight(inputs({ test: campaignTest, treatmentShare: 0 }), dataset);
    expect(week.experiment).toEqual({
      testId: 'campaign_frequency_high_vs_standard',
      arm: 'control',
    });
    const all = [...week.validation.errors, ...week.validation.warnings];
    expect(codes(all)).not.toContain('campaign_total_low');
    expect(codes(all)).not.toContain('campaign_under_scheduled');
    expect(week.validation.errors).toEqual([]);
    // The arm plans about 5 a month: the week adds one campaign to the 4 of the month before.
    const campaigns = week.items.filter((i) => i.campaignType !== null);
    expect(campaigns.length).toBe(1);
    // The same month against the default cadence (14 a month) would be critical.
    const creator = dataset.creators[0];
    if (creator === undefined) throw new Error('no creator');
    const month = [
      ...sentCampaigns(dataset.history, [], creator.timezone)
        .filter((c) => c.date >= '2024-12-28')
        .map((c) => ({ campaignType: c.campaignType, scheduledDate: c.date })),
      { scheduledDate: WEEK },
      { scheduledDate: LAST },
      ...week.items.filter((i) => !i.isFollowUp),
    ];
    expect(codes(validateCampaignFrequency(month, { reportFrom: WEEK }).issues)).toContain(
      'campaign_total_low',
    );
  });

  it('the treatment arm of the same test plans more campaigns', async () => {
    const dataset = fiveAMonth();
    const control = await buildRight(inputs({ test: campaignTest, treatmentShare: 0 }), dataset);
    const treatment = await buildRight(inputs({ test: campaignTest, treatmentShare: 1 }), dataset);
    expect(treatment.experiment).toEqual({
      testId: 'campaign_frequency_high_vs_standard',
      arm: 'treatment',
    });
    const n = (w: typeof control) => w.items.filter((i) => i.campaignType !== null).length;
    expect(n(treatment)).toBeGreaterThan(n(control));
    expect(codes(treatment.validation.errors)).not.toContain('campaign_total_low');
  });

  it('the arm is the hash of test id and creator id at the default share of 0.5', async () => {
    const dataset = datasetFixture(creatorFixture(), WEEK);
    const week = await buildRight(inputs({ test: campaignTest }), dataset);
    // dst_creator's bucket in this test is 0.48: treatment (see test/analytics/abTest.test.ts)
    expect(assignAbArm(campaignTest.testId, 'dst_creator')).toBe('treatment');
    expect(week.experiment).toEqual({ testId: campaignTest.testId, arm: 'treatment' });
  });

  it('a weekday-distribution arm: uniform gives every day the daily total', async () => {
    const low = creatorFixture({ creatorId: 'low_c', fanCount: 500 });
    const dataset = datasetFixture(low, WEEK);
    const test = VOLUME_AB_TESTS.dow_distribution_uniform_vs_weighted;
    const run = (treatmentShare: number) =>
      buildRight(inputs({ test, treatmentShare }, { creatorId: 'low_c' }), dataset);
    const uniform = await run(0);
    expect(uniform.experiment?.arm).toBe('control');
    expect(Object.values(uniform.volume.dowMultipliersUsed)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(Object.values(uniform.volume.weeklyDistribution)).toEqual([8, 8, 8, 8, 8, 8, 8]);
    const weighted = await run(1);
    expect(weighted.experiment?.arm).toBe('treatment');
    expect(Object.values(weighted.volume.dowMultipliersUsed).some((m) => m !== 1)).toBe(true);
  });

  it('a bump-ratio arm sets the matrix ratio of the week', async () => {
    const low = creatorFixture({ creatorId: 'low_c', fanCount: 500 });
    const dataset = datasetFixture(low, WEEK);
    const test = VOLUME_AB_TESTS.bump_ratio_2x_vs_3x;
    const run = (treatmentShare: number) =>
      buildRight(inputs({ test, treatmentShare }, { creatorId: 'low_c' }), dataset);
    // low tier: 2-3 PPVs a day; 2x = 4-6 bumps, 3x = 6-9
    const x2 = await run(0);
    expect(x2.volume.volumeTargets.bumpsPerDay).toEqual([4, 6]);
    expect(x2.volume.volumeTargets.bumpToPpvRatio).toBe(2);
    const x3 = await run(1);
    expect(x3.volume.volumeTargets.bumpsPerDay).toEqual([6, 9]);
    expect(x3.volume.volumeTargets.bumpToPpvRatio).toBe(3);
    expect(x3.volume.finalConfig.engagementPerDay).toBeGreaterThan(
      x2.volume.finalConfig.engagementPerDay,
    );
  });

  it('a holdout group is one line: its control arm builds the week the caller would get', async () => {
    const dataset = datasetFixture(creatorFixture(), WEEK);
    const holdout = designVolumeAbTest({
      testId: 'holdout_2025q1',
      hypothesis: 'the 15-a-month cadence earns more than the default',
      controlConfig: {},
      treatmentConfig: { monthlyCampaigns: 15 },
      primaryMetric: 'monthly_revenue',
    });
    if (E.isLeft(holdout)) throw new Error('no test');
    const plain = await buildRight(inputs(), dataset);
    const held = await buildRight(inputs({ test: holdout.right, treatmentShare: 0 }), dataset);
    expect(held.experiment).toEqual({ testId: 'holdout_2025q1', arm: 'control' });
    const { experiment: _e, ...rest } = held;
    expect(JSON.stringify(rest)).toBe(JSON.stringify(plain));
  });

  it('without an experiment (absent or null) the result has no experiment field and is the same', async () => {
    const dataset = datasetFixture(creatorFixture(), WEEK);
    const plain = await buildRight(inputs(), dataset);
    expect('experiment' in plain).toBe(false);
    const withNull = await buildRight(inputs(undefined, { experiment: null }), dataset);
    expect(JSON.stringify(withNull)).toBe(JSON.stringify(plain));
  });

  it('is deterministic with an experiment', async () => {
    const dataset = fiveAMonth();
    const a = await buildRight(inputs({ test: campaignTest }), dataset);
    const b = await buildRight(inputs({ test: structuredClone(campaignTest) }), dataset);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('junk experiments are INVALID_INPUT naming the path, before any port is called', async () => {
    const ports = inMemoryPorts(leanDataset());
    const valid = { creatorId: richCreator.creatorId, weekStart: WEEK, seed: 7 };
    const cases: ReadonlyArray<readonly [unknown, ReadonlyArray<string>]> = [
      [42, ['inputs.experiment: expected AbExperiment, got 42']],
      [{}, ['inputs.experiment.test: expected VolumeAbTest, got undefined']],
      [
        { test: campaignTest, treatmentShare: -0.1 },
        ['inputs.experiment.treatmentShare: expected number in 0..1, got -0.1'],
      ],
      [
        { test: { ...campaignTest, treatmentConfig: { monthly_campaigns: 15 } } },
        ['inputs.experiment.test.treatmentConfig.monthly_campaigns: unknown key'],
      ],
      [
        { test: { ...campaignTest, controlConfig: { policy: { timing: { jitterMax: 99 } } } } },
        [
          'inputs.experiment.test.controlConfig.policy.timing.jitterMax: expected integer in 0..30, got 99',
        ],
      ],
    ];
    for (const [experiment, messages] of cases) {
      const r = await runBuild({ ...valid, experiment }, ports);
      expect(E.isLeft(r)).toBe(true);
      if (E.isRight(r)) continue;
      expect(r.left.code).toBe('INVALID_INPUT');
      expect(r.left.issues.map((i) => i.message)).toEqual(messages);
      expect(r.left.issues.every((i) => i.code === 'invalid_input')).toBe(true);
    }
    // An arm whose merged policy breaks an invariant is an invalid_policy issue.
    const broken = {
      test: {
        ...campaignTest,
        treatmentConfig: { policy: { validation: { reviewScore: 90, passScore: 80 } } },
      },
      treatmentShare: 1,
    };
    const r = await runBuild({ ...valid, experiment: broken }, ports);
    expect(E.isLeft(r) && r.left.issues.map((i) => i.code)).toEqual(['invalid_policy']);
  });
});
