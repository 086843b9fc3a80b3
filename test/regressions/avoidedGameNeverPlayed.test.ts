/**
 * Regression (issue 8 tests, campaigns): when spin the wheel was on the game tracker's avoid list
 * and the tracker's `recommended` type was spin the wheel itself - the seed recommends the best
 * of the types with history, so a creator whose only game history is a poor spin the wheel gets
 * it recommended and avoided at once - `chooseGameTypes` put spin the wheel in the spin slot
 * anyway and the plan reported "spin_the_wheel ... plays spin_the_wheel instead".
 *
 * Now (RULINGS "avoid list vs cadence": the avoid list wins): the slot plays the recommended game
 * only when it is not avoided, else the game of the highest estimate that is not avoided (the
 * benchmark for a type without history), else it is skipped (`game_campaign_skipped`).
 */
import * as TE from 'fp-ts/lib/TaskEither.js';
import { describe, expect, it } from 'vitest';
import {
  type CampaignRecord,
  chooseGameTypes,
  getGameRecommendations,
  inMemoryPorts,
  planCampaigns,
} from '../../src/index';
import { datasetFixture } from '../pipeline/fixtures';
import { richCreator, rightOf, runBuild, WEEK } from '../support/trustData';

const spins = (n: number, earnings: number) =>
  Array.from({ length: n }, (_, k) => ({
    gameType: 'spin_the_wheel' as const,
    earnings,
    date: `2024-0${1 + (k % 9)}-1${k % 10}`,
    creatorId: 'c',
  }));

describe('regression: a game on the avoid list is never played', () => {
  it('only a poor spin the wheel in the history: recommended and avoided; the slot plays mystery box', () => {
    // (5178.5 x 45 + 0 x 189) / 234 = 995.9 < 1000
    const recs = getGameRecommendations(spins(189, 0));
    expect(recs.recommended).toBe('spin_the_wheel');
    expect(recs.avoid).toEqual(['spin_the_wheel']);
    const choice = chooseGameTypes(recs);
    // the best estimates left: mystery box 3,000 (benchmark), then prize wheel 2,500
    expect(choice).toEqual({ spin: 'mystery_box', other: 'prize_wheel', spinSubstituted: true });
    const plan = planCampaigns({
      weekDates: [
        '2025-01-06',
        '2025-01-07',
        '2025-01-08',
        '2025-01-09',
        '2025-01-10',
        '2025-01-11',
        '2025-01-12',
      ],
      sent: [],
      sendTypeOf: (t) =>
        t === 'descriptive_wall_campaign'
          ? 'ppv_wall'
          : t === 'bundle_wall_campaign'
            ? 'bundle'
            : 'game_post',
      gameTypes: choice,
    });
    expect(plan.campaigns.some((c) => c.gameType === 'spin_the_wheel')).toBe(false);
    expect(plan.issues.find((i) => i.code === 'game_type_substituted')?.details).toEqual({
      campaignType: 'spin_the_wheel_game',
      from: 'spin_the_wheel',
      to: 'mystery_box',
    });
  });

  it('every game avoided: both game slots skipped', () => {
    const recs = {
      ...getGameRecommendations([]),
      avoid: ['spin_the_wheel', 'prize_wheel', 'mystery_box', 'scratch_off', 'card_game'] as const,
      recommended: 'spin_the_wheel' as const,
    };
    expect(chooseGameTypes({ ...recs, avoid: [...recs.avoid] })).toEqual({
      spin: null,
      other: null,
      spinSubstituted: true,
    });
  });

  it('through the pipeline: an avoided spin the wheel (policy threshold 5,000) is not posted', async () => {
    // 10 weekly spins at 1,000 USD: (5178.5 x 45 + 1000 x 10) / 55 = 4418.8 < 5000, the only
    // game with history, so the tracker recommends it and avoids it
    const records: CampaignRecord[] = Array.from({ length: 10 }, (_, k) => ({
      campaignType: 'spin_the_wheel_game',
      sentAt: new Date(Date.parse('2025-01-13T01:07:00.000Z') - k * 7 * 86_400_000).toISOString(),
      gameType: 'spin_the_wheel',
      earnings: 1000,
    }));
    const week = rightOf(
      await runBuild(
        {
          creatorId: richCreator.creatorId,
          weekStart: WEEK,
          seed: 3,
          policy: { games: { avoidBelowUsd: 5000 } },
        },
        {
          ...inMemoryPorts(datasetFixture(richCreator, WEEK)),
          getCampaignHistory: () => TE.right(records),
        },
      ),
    );
    const games = week.items.filter((i) => i.sendTypeKey === 'game_post');
    expect(games.length).toBeGreaterThan(0);
    expect(games.map((g) => g.gameType)).not.toContain('spin_the_wheel');
    const sub = week.summary.adjustments.find((i) => i.code === 'game_type_substituted');
    expect(sub?.details.from).toBe('spin_the_wheel');
    expect(sub?.details.to).not.toBe('spin_the_wheel');
    expect(games.find((g) => g.campaignType === 'spin_the_wheel_game')?.gameType).toBe(
      sub?.details.to,
    );
  });
});
