/**
 * Regression (issue 8 tests, caption fit for campaigns): a game post's caption names its game
 * when the pool has one - but the caption port was read only `demand + candidateLimit` deep per
 * caption type (5 game-invite slots + 10 = 15 captions by freshness and performance), so a fresh
 * caption naming the game that ranked lower was never seen: the spin slot took an unnamed caption
 * and was reported "no unused caption fits it" while one did.
 *
 * Now the caption types of the game posts are read `styleScanLimit` (50) deep, the depth the fit
 * search scans, so a fitting caption inside it is found.
 */
import { describe, expect, it } from 'vitest';
import type { CaptionRecord } from '../../src/index';
import { buildRight, captionBank, creatorFixture, datasetFixture } from '../pipeline/fixtures';

describe('regression: a fitting game caption below the first reads is found', () => {
  it('one fresh spin-the-wheel caption of performance 70 among 80 game captions: the spin slot takes it', async () => {
    const creator = creatorFixture({ creatorId: 'deep_game' });
    const week = '2025-01-20';
    const spin: CaptionRecord = {
      captionId: 'deep_spin',
      text: 'Spin the wheel with me, every prize is a surprise',
      captionType: 'game_invite',
      contentType: null,
      // below about 20 of the 40 game invites and 20 of the 40 playful captions (55-94)
      performanceScore: 70,
      usage: [],
    };
    const r = await buildRight(
      { creatorId: creator.creatorId, weekStart: week, seed: 11 },
      { ...datasetFixture(creator, week), captions: [...captionBank(), spin] },
    );
    const slot = r.items.find((i) => i.campaignType === 'spin_the_wheel_game');
    expect(slot?.captionId).toBe('deep_spin');
    expect(
      r.summary.adjustments.some(
        (i) => i.code === 'campaign_caption_misfit' && i.details.slotId === slot?.slotId,
      ),
    ).toBe(false);
  });
});
