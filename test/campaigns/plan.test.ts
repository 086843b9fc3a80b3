/**
 * Issue 8 deliverables 1-2: the campaign cadence planned (seed 000 task 3.2, RULINGS "Campaigns
 * and games" cadence, total, games, avoid list vs cadence). `planCampaigns` for a new creator
 * (spread over the week, at least 4), continuing from the campaigns already sent (each type's
 * spacing to its last sent campaign inside its min / max), the tip_goal weekly cap of 3 on a paid
 * page (descriptive wall campaign = tip_goal), an unavailable send type; the game choice of the
 * task 3.6 tracker (benchmarks only, spin the wheel avoided, every other game avoided); and a
 * property over random weeks and histories. The oracle's numbers are the seed's (`seedRules.ts`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CampaignPlanInput,
  type CampaignType,
  campaignSendOf,
  campaignTypeOfGame,
  chooseGameTypes,
  type DatedCampaign,
  type GameChoice,
  type GamePerformance,
  getGameRecommendations,
  type PageType,
  planCampaigns,
  type SendTypeKey,
  sentCampaigns,
} from '../../src/index';
import { fuzzRuns } from '../support/junk';
import {
  dayDiff,
  MIN_PER_WEEK,
  plusDays,
  SEED_RULES,
  SEED_TYPES,
  TIP_GOAL_WEEKLY_CAP,
  weekOf,
} from './seedRules';

const WEEK = weekOf('2025-01-06');
/** The benchmark-only game choice (000 task 3.6 without history). */
const BENCHMARK_GAMES: GameChoice = {
  spin: 'spin_the_wheel',
  other: 'mystery_box',
  spinSubstituted: false,
};
/** RULINGS "Allocation" campaigns: the send type of each campaign type by page type. */
const SEND_OF: Record<PageType, Record<CampaignType, SendTypeKey>> = {
  free: {
    descriptive_wall_campaign: 'ppv_wall',
    bundle_wall_campaign: 'bundle',
    spin_the_wheel_game: 'game_post',
    game_other: 'game_post',
  },
  paid: {
    descriptive_wall_campaign: 'tip_goal',
    bundle_wall_campaign: 'bundle',
    spin_the_wheel_game: 'game_post',
    game_other: 'game_post',
  },
};

const input = (
  page: PageType,
  sent: ReadonlyArray<DatedCampaign> = [],
  over: Partial<CampaignPlanInput> = {},
): CampaignPlanInput => ({
  weekDates: WEEK,
  sent,
  sendTypeOf: (t) => SEND_OF[page][t],
  gameTypes: BENCHMARK_GAMES,
  ...over,
});

const sentAt = (campaignType: CampaignType, date: string): DatedCampaign => ({
  campaignType,
  date,
  gameType:
    campaignType === 'spin_the_wheel_game'
      ? 'spin_the_wheel'
      : campaignType === 'game_other'
        ? 'mystery_box'
        : null,
  earnings: null,
});

const datesOf = (plan: ReturnType<typeof planCampaigns>, t: CampaignType): string[] =>
  plan.campaigns.filter((c) => c.campaignType === t).map((c) => c.date);

describe('planCampaigns: a new creator', () => {
  for (const page of ['free', 'paid'] as const)
    it(`${page} page: every type, spread over the week, at least 4, spacing inside the rules`, () => {
      const plan = planCampaigns(input(page));
      expect(plan.issues).toEqual([]);
      expect(plan.campaigns.length).toBeGreaterThanOrEqual(MIN_PER_WEEK);
      // each type once at least, each first campaign on its own day
      const firsts = SEED_TYPES.map((t) => datesOf(plan, t)[0]);
      for (const d of firsts) expect(d).toBeDefined();
      expect(new Set(firsts).size).toBe(4);
      // spread: the week's days carry campaigns on at least 6 of 7 dates, none more than 2
      const perDay = WEEK.map((d) => plan.campaigns.filter((c) => c.date === d).length);
      expect(perDay.filter((n) => n > 0).length).toBeGreaterThanOrEqual(6);
      expect(Math.max(...perDay)).toBeLessThanOrEqual(2);
      for (const t of SEED_TYPES) {
        const ds = datesOf(plan, t);
        const r = SEED_RULES[t];
        // the first of a type no later than min(max, 7) days into the week
        expect(dayDiff(WEEK[0] as string, ds[0] as string)).toBeLessThan(
          Math.min(r.maxDaysBetween, 7),
        );
        for (let k = 1; k < ds.length; k++) {
          const gap = dayDiff(ds[k - 1] as string, ds[k] as string);
          expect(gap, `${t} ${ds.join(' ')}`).toBeGreaterThanOrEqual(r.minDaysBetween);
          expect(gap, `${t} ${ds.join(' ')}`).toBeLessThanOrEqual(r.maxDaysBetween);
        }
        // nothing after the week's last campaign of the type is left past its max
        expect(dayDiff(ds.at(-1) as string, WEEK[6] as string)).toBeLessThan(r.maxDaysBetween);
      }
      // spin the wheel and the other game once each (7 days between)
      expect(datesOf(plan, 'spin_the_wheel_game')).toHaveLength(1);
      expect(datesOf(plan, 'game_other')).toHaveLength(1);
      // the send types of the page, the games of the choice, a first has no previous
      for (const c of plan.campaigns) {
        expect(c.sendTypeKey).toBe(SEND_OF[page][c.campaignType]);
        expect(c.gameType).toBe(
          c.campaignType === 'spin_the_wheel_game'
            ? 'spin_the_wheel'
            : c.campaignType === 'game_other'
              ? 'mystery_box'
              : null,
        );
      }
      for (const t of SEED_TYPES)
        expect(plan.campaigns.find((c) => c.campaignType === t)?.daysSincePrevious).toBeNull();
    });

  it('paid page: descriptive wall campaigns are tip goals, at most 3 a week (001 §2.4)', () => {
    const plan = planCampaigns(input('paid'));
    const tips = plan.campaigns.filter((c) => c.sendTypeKey === 'tip_goal');
    expect(tips.length).toBe(TIP_GOAL_WEEKLY_CAP);
    expect(tips.every((c) => c.campaignType === 'descriptive_wall_campaign')).toBe(true);
  });

  it('the plan is sorted by date and is deterministic', () => {
    const a = planCampaigns(input('free'));
    expect(planCampaigns(input('free'))).toEqual(a);
    const dates = a.campaigns.map((c) => c.date);
    expect(dates).toEqual([...dates].sort());
  });
});

describe('planCampaigns: continuing from the campaigns already sent', () => {
  // The week before: desc Sat 4th, bundle Tue 31st, spin Wed 1st, other game Fri 27th.
  const SENT = [
    sentAt('game_other', '2024-12-27'),
    sentAt('bundle_wall_campaign', '2024-12-31'),
    sentAt('spin_the_wheel_game', '2025-01-01'),
    sentAt('descriptive_wall_campaign', '2025-01-02'),
    sentAt('descriptive_wall_campaign', '2025-01-04'),
  ];

  for (const page of ['free', 'paid'] as const)
    it(`${page}: each type's first campaign of the week is min..max days after its last sent one`, () => {
      const plan = planCampaigns(input(page, SENT));
      for (const t of SEED_TYPES) {
        const last = SENT.filter((s) => s.campaignType === t).at(-1)?.date as string;
        const ds = datesOf(plan, t);
        const r = SEED_RULES[t];
        const seq = [last, ...ds];
        for (let k = 1; k < seq.length; k++) {
          const gap = dayDiff(seq[k - 1] as string, seq[k] as string);
          expect(gap, `${t}: ${seq.join(' ')}`).toBeGreaterThanOrEqual(r.minDaysBetween);
          expect(gap, `${t}: ${seq.join(' ')}`).toBeLessThanOrEqual(r.maxDaysBetween);
        }
        const first = plan.campaigns.find((c) => c.campaignType === t);
        if (first !== undefined) expect(first.daysSincePrevious).toBe(dayDiff(last, first.date));
      }
      // spin the wheel exactly 7 days after the 1st
      expect(datesOf(plan, 'spin_the_wheel_game')).toEqual(['2025-01-08']);
      expect(plan.campaigns.length).toBeGreaterThanOrEqual(MIN_PER_WEEK);
    });

  it('an old history (every type last sent 40 days ago): the due types start on the first day', () => {
    const old = SEED_TYPES.map((t) => sentAt(t, plusDays(WEEK[0] as string, -40)));
    const plan = planCampaigns(input('free', old));
    for (const t of SEED_TYPES) expect(datesOf(plan, t)[0], t).toBe(WEEK[0]);
    expect(plan.campaigns.length).toBeGreaterThanOrEqual(MIN_PER_WEEK);
  });

  it('history inside or after the week is not "already sent": it is ignored', () => {
    const inside = [sentAt('spin_the_wheel_game', '2025-01-07')];
    expect(planCampaigns(input('free', inside))).toEqual(planCampaigns(input('free')));
  });

  it('sentCampaigns: history rows and port records on local dates, a campaign in both (same type, same instant) kept once', () => {
    const rows = [
      {
        creatorId: 'c',
        sentAt: '2025-01-03T03:30:00.000Z', // 2025-01-02 22:30 in New York
        sendTypeKey: 'game_post' as const,
        price: null,
        sent: 100,
        viewed: 50,
        purchased: 0,
        earnings: 900,
        captionId: null,
        gameType: 'spin_the_wheel' as const,
      },
      {
        creatorId: 'c',
        sentAt: '2025-01-04T15:00:00.000Z',
        sendTypeKey: 'ppv_wall' as const,
        price: 10,
        sent: 100,
        viewed: 50,
        purchased: 2,
        earnings: 20,
        captionId: null,
        campaignType: 'descriptive_wall_campaign' as const,
      },
      {
        creatorId: 'c',
        sentAt: '2025-01-04T16:00:00.000Z',
        sendTypeKey: 'ppv_wall' as const,
        price: 10,
        sent: 100,
        viewed: 50,
        purchased: 2,
        earnings: 20,
        captionId: null,
      },
    ];
    const records = [
      {
        // the history's descriptive campaign again, at the same instant: kept once (the port's)
        campaignType: 'descriptive_wall_campaign' as const,
        sentAt: '2025-01-04T15:00:00.000Z',
        gameType: null,
        earnings: null,
      },
      {
        campaignType: 'game_other' as const,
        sentAt: 'not an instant',
        gameType: 'mystery_box' as const,
        earnings: 1,
      },
    ];
    expect(sentCampaigns(rows, records, 'America/New_York')).toEqual([
      {
        campaignType: 'spin_the_wheel_game',
        date: '2025-01-02',
        gameType: 'spin_the_wheel',
        earnings: 900,
      },
      {
        campaignType: 'descriptive_wall_campaign',
        date: '2025-01-04',
        gameType: null,
        earnings: null,
      },
    ]);
    expect(sentCampaigns(rows, records, 'Not/A_Zone')).toEqual([]);
  });

  it('campaignTypeOfGame: spin the wheel is spin_the_wheel_game, every other game game_other', () => {
    expect(campaignTypeOfGame('spin_the_wheel')).toBe('spin_the_wheel_game');
    for (const g of ['prize_wheel', 'mystery_box', 'scratch_off', 'card_game'] as const)
      expect(campaignTypeOfGame(g)).toBe('game_other');
  });
});

describe('planCampaigns: the weekly cap and unavailable send types', () => {
  it('a dense descriptive history on a paid page: still at most 3 tip goals in the week', () => {
    const sent = Array.from({ length: 15 }, (_, k) =>
      sentAt('descriptive_wall_campaign', plusDays('2025-01-05', -2 * k)),
    );
    const plan = planCampaigns(input('paid', sent));
    expect(plan.campaigns.filter((c) => c.sendTypeKey === 'tip_goal').length).toBeLessThanOrEqual(
      TIP_GOAL_WEEKLY_CAP,
    );
  });

  it('a send type the page or vault cannot send: campaign_unavailable, the others planned', () => {
    const plan = planCampaigns(
      input('free', [], {
        sendTypeOf: (t) => (t === 'bundle_wall_campaign' ? null : SEND_OF.free[t]),
      }),
    );
    expect(plan.issues.map((i) => [i.code, i.severity, i.details])).toEqual([
      ['campaign_unavailable', 'warning', { campaignType: 'bundle_wall_campaign' }],
    ]);
    expect(datesOf(plan, 'bundle_wall_campaign')).toEqual([]);
    for (const t of ['descriptive_wall_campaign', 'spin_the_wheel_game', 'game_other'] as const)
      expect(datesOf(plan, t).length).toBeGreaterThan(0);
    expect(plan.campaigns.length).toBeGreaterThanOrEqual(MIN_PER_WEEK);
  });

  it('no game post on the page: both game campaigns unavailable, the week still has 4 (desc + bundle)', () => {
    const plan = planCampaigns(
      input('free', [], {
        sendTypeOf: (t) => (SEND_OF.free[t] === 'game_post' ? null : SEND_OF.free[t]),
      }),
    );
    expect(plan.issues.map((i) => i.details.campaignType)).toEqual([
      'spin_the_wheel_game',
      'game_other',
    ]);
    expect(plan.campaigns.length).toBeGreaterThanOrEqual(MIN_PER_WEEK);
  });

  it('nothing can be sent: an empty plan reported short (campaign_week_short, minimum 4)', () => {
    const plan = planCampaigns(input('free', [], { sendTypeOf: () => null }));
    expect(plan.campaigns).toEqual([]);
    expect(plan.issues.find((i) => i.code === 'campaign_week_short')?.details).toEqual({
      planned: 0,
      minimum: 4,
    });
  });
});

/** `n` game records of `gameType`, each earning `earnings` USD. */
const games = (
  gameType: GamePerformance['gameType'],
  n: number,
  earnings: number,
): GamePerformance[] =>
  Array.from({ length: n }, (_, k) => ({
    gameType,
    earnings,
    date: plusDays('2024-01-01', k),
    creatorId: 'c',
  }));

describe('the game choice (000 task 3.6, RULINGS "avoid list vs cadence")', () => {
  it('benchmarks only: spin the wheel weekly, the other game mystery box ($3,000, the best non-spin)', () => {
    // benchmarks: spin 5,178.50; mystery box 3,000; prize wheel 2,500; scratch off 1,200;
    // card game 500 (avoided, below $1,000)
    expect(chooseGameTypes(getGameRecommendations([]))).toEqual({
      spin: 'spin_the_wheel',
      other: 'mystery_box',
      spinSubstituted: false,
    });
  });

  it('history that puts spin the wheel below $1,000: the spin slot plays the recommended game, reported', () => {
    // spin: (5178.5 x 45 + 0 x 189) / 234 = 995.9 < 1000 (avoided);
    // mystery box: (3000 x 32 + 4000 x 3) / 35 = 3085.7 (recommended)
    const recs = getGameRecommendations([
      ...games('spin_the_wheel', 189, 0),
      ...games('mystery_box', 3, 4000),
    ]);
    expect(recs.avoid).toEqual(['spin_the_wheel']);
    expect(recs.recommended).toBe('mystery_box');
    const choice = chooseGameTypes(recs);
    // the other slot: the best left, prize wheel ($2,500 benchmark)
    expect(choice).toEqual({ spin: 'mystery_box', other: 'prize_wheel', spinSubstituted: true });
    const plan = planCampaigns(input('free', [], { gameTypes: choice }));
    expect(
      plan.campaigns.filter((c) => c.campaignType === 'spin_the_wheel_game').map((c) => c.gameType),
    ).toEqual(['mystery_box']);
    expect(
      plan.campaigns.filter((c) => c.campaignType === 'game_other').map((c) => c.gameType),
    ).toEqual(['prize_wheel']);
    expect(plan.issues.map((i) => [i.code, i.severity, i.details])).toEqual([
      [
        'game_type_substituted',
        'info',
        { campaignType: 'spin_the_wheel_game', from: 'spin_the_wheel', to: 'mystery_box' },
      ],
    ]);
    expect(plan.issues[0]?.message).toBe(
      'spin_the_wheel is on the avoid list: the weekly spin_the_wheel_game slot plays mystery_box instead',
    );
  });

  it('every other game below $1,000: no other-game campaign this week (game_campaign_skipped)', () => {
    // prize wheel (2500 x 38) / 98 = 969; mystery box (3000 x 32) / 97 = 990;
    // scratch off (1200 x 28) / 35 = 960; card game (500 x 22) / 23 = 478; spin 6,000 a week
    const recs = getGameRecommendations([
      ...games('spin_the_wheel', 10, 6000),
      ...games('prize_wheel', 60, 0),
      ...games('mystery_box', 65, 0),
      ...games('scratch_off', 7, 0),
      ...games('card_game', 1, 0),
    ]);
    expect(recs.avoid).toEqual(['prize_wheel', 'mystery_box', 'scratch_off', 'card_game']);
    const choice = chooseGameTypes(recs);
    expect(choice).toEqual({ spin: 'spin_the_wheel', other: null, spinSubstituted: false });
    const plan = planCampaigns(input('free', [], { gameTypes: choice }));
    expect(datesOf(plan, 'game_other')).toEqual([]);
    expect(datesOf(plan, 'spin_the_wheel_game')).toHaveLength(1);
    expect(plan.issues.map((i) => [i.code, i.severity, i.details])).toEqual([
      ['game_campaign_skipped', 'warning', { campaignType: 'game_other' }],
    ]);
    expect(plan.campaigns.length).toBeGreaterThanOrEqual(MIN_PER_WEEK);
  });
});

describe('planCampaigns: property over random weeks and histories', () => {
  const historyArb = fc.oneof(
    fc.constant([] as Array<{ t: CampaignType; back: number }>),
    // ordinary: the last 60 days
    fc.array(
      fc.record({
        t: fc.constantFrom<CampaignType>(...SEED_TYPES),
        back: fc.integer({ min: 1, max: 60 }),
      }),
      { maxLength: 40 },
    ),
    // dense: every type in the last 5 days, many on one date
    fc.array(
      fc.record({
        t: fc.constantFrom<CampaignType>(...SEED_TYPES),
        back: fc.integer({ min: 1, max: 5 }),
      }),
      { maxLength: 30 },
    ),
    // old: 40 to 400 days ago
    fc.array(
      fc.record({
        t: fc.constantFrom<CampaignType>(...SEED_TYPES),
        back: fc.integer({ min: 40, max: 400 }),
      }),
      { maxLength: 20 },
    ),
  );
  const caseArb = fc.record({
    start: fc.integer({ min: 0, max: 3000 }).map((n) => plusDays('2023-01-02', n)),
    page: fc.constantFrom<PageType>('free', 'paid'),
    history: historyArb,
  });

  it('keeps min spacing to history and inside the week, one of a type a date, >= 4, the cap, no avoidable gap over max', () => {
    fc.assert(
      fc.property(caseArb, ({ start, page, history }) => {
        const week = weekOf(start);
        const sent = history.map((h) => sentAt(h.t, plusDays(start, -h.back)));
        const plan = planCampaigns(input(page, sent, { weekDates: week }));
        expect(plan.campaigns.length).toBeGreaterThanOrEqual(MIN_PER_WEEK);
        expect(plan.issues.filter((i) => i.code === 'campaign_week_short')).toEqual([]);
        expect(
          plan.campaigns.filter((c) => c.sendTypeKey === 'tip_goal').length,
        ).toBeLessThanOrEqual(TIP_GOAL_WEEKLY_CAP);
        for (const c of plan.campaigns) expect(week).toContain(c.date);
        for (const t of SEED_TYPES) {
          const r = SEED_RULES[t];
          const planned = datesOf(plan, t);
          expect(new Set(planned).size, `${t} twice on one date`).toBe(planned.length);
          const last = sent
            .filter((s) => s.campaignType === t)
            .map((s) => s.date)
            .sort()
            .at(-1);
          const seq = last === undefined ? planned : [last, ...planned];
          for (let k = 1; k < seq.length; k++) {
            const gap = dayDiff(seq[k - 1] as string, seq[k] as string);
            expect(gap, `${t}: ${seq.join(' ')}`).toBeGreaterThanOrEqual(r.minDaysBetween);
            // a gap over max only where history already left one before the week (then the
            // type starts on the first day)
            if (
              k === 1 &&
              last !== undefined &&
              dayDiff(last, week[0] as string) >= r.maxDaysBetween
            )
              expect(seq[1]).toBe(week[0]);
            else expect(gap, `${t}: ${seq.join(' ')}`).toBeLessThanOrEqual(r.maxDaysBetween);
          }
          if (seq.length > 0)
            expect(
              dayDiff(seq.at(-1) as string, week[6] as string),
              `${t} left past max`,
            ).toBeLessThan(r.maxDaysBetween);
        }
      }),
      fuzzRuns(0x0c4_3203, 200),
    );
  });
});

describe('campaignSendOf (RULINGS "Allocation" campaigns)', () => {
  it('descriptive = ppv_wall (free) / tip_goal (paid); bundle wall = bundle on the wall; games = game_post', () => {
    for (const page of ['free', 'paid'] as const)
      for (const t of SEED_TYPES) {
        const s = campaignSendOf(t, page);
        expect(s.sendTypeKey).toBe(SEND_OF[page][t]);
        expect(s.channelKey).toBe('wall_post');
      }
  });
});
