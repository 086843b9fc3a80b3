/**
 * Regression (issue 8): `sentCampaigns` kept one campaign per type and local date, so two game
 * posts of one day (and their earnings) reached the game tracker as one. A campaign is now the
 * same only when both sources name the same type at the same instant.
 */
import { describe, expect, it } from 'vitest';
import { sentCampaigns } from '../../src/index';

describe('sentCampaigns', () => {
  it('keeps two games of one day and drops the port row the history repeats', () => {
    const port = [
      {
        campaignType: 'spin_the_wheel_game' as const,
        sentAt: '2025-01-10T15:07:00.000Z',
        gameType: 'spin_the_wheel' as const,
        earnings: 4100,
      },
      {
        campaignType: 'spin_the_wheel_game' as const,
        sentAt: '2025-01-10T21:13:00.000Z',
        gameType: 'spin_the_wheel' as const,
        earnings: 3900,
      },
    ];
    const history = [
      {
        creatorId: 'c1',
        sentAt: '2025-01-10T15:07:00.000Z',
        sendTypeKey: 'game_post' as const,
        price: null,
        sent: 100,
        viewed: 50,
        purchased: 10,
        earnings: 4100,
        captionId: null,
        campaignType: 'spin_the_wheel_game' as const,
        gameType: 'spin_the_wheel' as const,
      },
    ];
    const out = sentCampaigns(history, port, 'America/New_York');
    expect(out.map((c) => c.earnings)).toEqual([4100, 3900]);
    expect(out.every((c) => c.date === '2025-01-10')).toBe(true);
  });
});
