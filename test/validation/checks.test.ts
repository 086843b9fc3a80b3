import { describe, expect, it } from 'vitest';
import {
  checkBlockCap,
  checkCaptionPool,
  checkCaptionUniqueness,
  checkCategoryBalance,
  checkChannelTargets,
  checkClockTimeRepeats,
  checkConfidenceGate,
  checkDailyVolume,
  checkDiversity,
  checkFollowupLinkage,
  checkFollowupRules,
  checkLowConfidence,
  checkPageTypeExclusions,
  checkPersonaConsistency,
  checkRequiredFields,
  checkRequiredTargets,
  checkRevenueMix,
  checkRoundMinutes,
  checkSpacing,
  checkStrategies,
  checkTimingConflicts,
  checkTypeGaps,
  checkVaultAvailability,
  checkVolumeContext,
  checkWeeklyCaps,
  checkWindow,
  DEFAULT_POLICY,
  type Issue,
  type Persona,
  type ScheduleItem,
  VALIDATION_CHECKS,
} from '../../src/index';
import { goodInput, goodItems, makeItem, moveTo, volume, WEEK, withItem } from './fixtures';

const codes = (issues: ReadonlyArray<Issue>): string[] =>
  issues.map((i) => `${i.severity}:${i.code}`);
const D0 = WEEK[0] as string;
const D1 = WEEK[1] as string;
const items = (xs: ReadonlyArray<ScheduleItem>) => goodInput({ items: xs });

describe('the good week', () => {
  it.each(VALIDATION_CHECKS.map((c) => [c.name, c.run] as const))('%s finds nothing', (_, run) => {
    expect(run(goodInput())).toEqual([]);
  });
});

describe('001 §7.2 checks', () => {
  it('1 required fields: missing_field per empty field', () => {
    const bad = withItem(`${D0}_2`, (i) => ({
      ...i,
      targetKey: '' as never,
      channelKey: undefined as never,
    }));
    const out = checkRequiredFields(items(bad));
    expect(codes(out)).toEqual(['error:missing_field', 'error:missing_field']);
    expect(out.map((i) => i.details.field)).toEqual(['channelKey', 'targetKey']);
    expect(out[0]?.path).toBe('items[1].channelKey');
  });

  it('2 caption uniqueness: duplicate_caption with the count', () => {
    const bad = withItem(`${D0}_2`, (i) => ({ ...i, captionId: `cap_${D0}_1` }));
    const out = checkCaptionUniqueness(items(bad));
    expect(codes(out)).toEqual(['warning:duplicate_caption']);
    expect(out[0]?.details).toMatchObject({ captionId: `cap_${D0}_1`, count: 2 });
    const manual = goodItems().map((i) => ({ ...i, captionId: null }));
    expect(checkCaptionUniqueness(items(manual))).toEqual([]);
  });

  it('3 vault availability: vault_missing, skipped without a vault', () => {
    const bad = withItem(`${D0}_2`, (i) => ({ ...i, contentTypeId: 'boy_girl' }));
    expect(codes(checkVaultAvailability(items(bad)))).toEqual(['error:vault_missing']);
    expect(checkVaultAvailability(goodInput({ items: bad, vault: null }))).toEqual([]);
  });

  it('4 timing conflict: two items at one instant', () => {
    const first = goodItems()[0] as ScheduleItem;
    const bad = withItem(`${D0}_2`, (i) => ({ ...i, scheduledAt: first.scheduledAt }));
    const out = checkTimingConflicts(items(bad));
    expect(codes(out)).toEqual(['error:timing_conflict']);
    expect(out[0]?.details.slotIds).toEqual([`${D0}_1`, `${D0}_2`]);
  });

  it('5 daily volume: warning above the sum of the upper bounds (22), follow-ups not counted', () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, k) =>
        makeItem(`${D0}_x${k}`, D0, 8 * 60 + 1 + k * 40, 'bump_normal'),
      );
    expect(checkDailyVolume(items(many(22)))).toEqual([]);
    expect(codes(checkDailyVolume(items(many(23))))).toEqual(['warning:daily_volume_exceeded']);
    const withFollowups = [
      ...many(22),
      makeItem(`${D0}_x0_followup`, D0, 9 * 60 + 1, 'ppv_followup', { isFollowUp: true }),
    ];
    expect(checkDailyVolume(items(withFollowups))).toEqual([]);
  });

  it('6 persona: persona_mismatch via matchesPersona, skipped for manual captions and without persona', () => {
    const persona: Persona = {
      tone: 'sweet',
      emojiFrequency: 'none',
      slangLevel: 'none',
      favoriteEmojis: [],
      signaturePhrases: ['xoxo'],
    };
    const xs = [
      makeItem('a', D0, 9 * 60 + 1, 'bump_normal', {
        captionText: 'Thinking of you this morning, xoxo',
      }),
      makeItem('b', D0, 10 * 60 + 1, 'bump_normal', { captionText: '😘😘😘 u gonna lol omg 😘😘' }),
      makeItem('c', D0, 11 * 60 + 1, 'bump_normal', {
        captionText: 'MANUAL_REQUIRED',
        captionId: null,
        needsCaption: true,
      }),
    ];
    const out = checkPersonaConsistency(goodInput({ items: xs, persona }));
    expect(codes(out)).toEqual(['warning:persona_mismatch']);
    expect(out[0]?.details.slotId).toBe('b');
    expect(checkPersonaConsistency(goodInput({ items: xs, persona: null }))).toEqual([]);
  });

  it('7 follow-up linkage: orphaned_followup', () => {
    const bad = withItem(`${D0}_6_followup`, (i) => ({ ...i, parentItemId: 'nope' }));
    expect(codes(checkFollowupLinkage(items(bad)))).toEqual(['error:orphaned_followup']);
    const noParent = withItem(`${D0}_6_followup`, (i) => ({ ...i, parentItemId: null }));
    expect(codes(checkFollowupLinkage(items(noParent)))).toEqual(['error:orphaned_followup']);
  });

  it('8 caption pool: one issue per shortage; a critical shortage carries the recommendation', () => {
    // The shortages are data on the volume result now (`captionShortages`), reported once here;
    // the seed's "Warning/Critical" code is two codes (RULINGS "severities").
    const v = {
      ...volume,
      captionShortages: [
        { sendTypeKey: 'ppv_followup' as const, usable: 2 },
        { sendTypeKey: 'bump_flyer' as const, usable: 0 },
        { sendTypeKey: 'wall_link_drop' as const, usable: 0 },
      ],
    };
    const out = checkCaptionPool(goodInput({ volume: v }));
    expect(codes(out)).toEqual([
      'warning:caption_pool_low',
      'warning:caption_pool_critical',
      'warning:caption_pool_critical',
    ]);
    expect(out[0]?.details).toMatchObject({ sendTypeKey: 'ppv_followup', usable: 2, threshold: 3 });
    expect(out[0]?.details.recommendation).toBeUndefined();
    expect(out[0]?.message).toBe('Low captions for ppv_followup: <3 usable');
    expect(out[1]?.details).toMatchObject({
      recommendation: 'CREATE NEW CAPTIONS: bump_flyer needs 5+ new captions',
      requiresCaptionReview: true,
    });
    expect(out[1]?.message).toBe('Critical shortage for bump_flyer: 0 usable captions');
    expect(out[2]?.details.recommendation).toBe(
      'CREATE NEW CAPTIONS: wall_link_drop needs 5+ new captions',
    );
    expect(checkCaptionPool(goodInput())).toEqual([]);
  });

  it('9 low confidence: below 0.6, with the 001 message', () => {
    const out = checkLowConfidence(
      goodInput({ volume: { ...volume, confidenceScore: 0.55, messageCount: 22 } }),
    );
    expect(codes(out)).toEqual(['warning:low_confidence']);
    expect(out[0]?.message).toBe(
      'Low confidence (0.55) - volumes dampened toward conservative defaults',
    );
    expect(out[0]?.details).toEqual({ confidenceScore: 0.55, messageCount: 22 });
    expect(checkLowConfidence(goodInput({ volume: { ...volume, confidenceScore: 0.6 } }))).toEqual(
      [],
    );
  });
});

describe('RULINGS hard rules', () => {
  it('window: allocated items inside 08:00-23:30 and inside the week', () => {
    expect(codes(checkWindow(items(withItem(`${D0}_1`, (i) => moveTo(i, 7 * 60 + 58)))))).toEqual([
      'error:outside_window',
    ]);
    expect(codes(checkWindow(items(withItem(`${D0}_7`, (i) => moveTo(i, 23 * 60 + 37)))))).toEqual([
      'error:outside_window',
    ]);
    expect(checkWindow(items(withItem(`${D0}_7`, (i) => moveTo(i, 23 * 60 + 29))))).toEqual([]);
    expect(
      codes(checkWindow(items(withItem(`${D0}_1`, (i) => moveTo(i, 9 * 60 + 1, '2025-01-19'))))),
    ).toEqual(['error:outside_week']);
  });

  it('window: follow-ups may run to 23:59, cross midnight only with allowNextDayFollowups', () => {
    const late = withItem(`${D0}_6_followup`, (i) => moveTo(i, 23 * 60 + 58));
    expect(checkWindow(items(late))).toEqual([]);
    const nextDay = withItem(`${D0}_6_followup`, (i) => moveTo(i, 7, D1));
    expect(codes(checkWindow(items(nextDay)))).toEqual(['error:outside_window']);
    expect(checkWindow(goodInput({ items: nextDay, allowNextDayFollowups: true }))).toEqual([]);
  });

  it('round minutes: follow-ups included', () => {
    expect(
      codes(checkRoundMinutes(items(withItem(`${D0}_2`, (i) => moveTo(i, 13 * 60 + 30))))),
    ).toEqual(['error:round_minute']);
    expect(
      codes(checkRoundMinutes(items(withItem(`${D0}_6_followup`, (i) => moveTo(i, 20 * 60 + 15))))),
    ).toEqual(['error:round_minute']);
  });

  it('spacing: same-family allocated sends at least 20 minutes apart, follow-ups exempt', () => {
    // D0_2 bundle (mass_message) at 12:16; D0_3 link_drop (mass_message) moved next to it.
    expect(codes(checkSpacing(items(withItem(`${D0}_3`, (i) => moveTo(i, 12 * 60 + 29)))))).toEqual(
      ['error:spacing_violation'],
    );
    expect(checkSpacing(items(withItem(`${D0}_3`, (i) => moveTo(i, 12 * 60 + 36))))).toEqual([]);
    // a wall post next to a message is another family
    expect(checkSpacing(items(withItem(`${D0}_1`, (i) => moveTo(i, 12 * 60 + 22))))).toEqual([]);
    // follow-up 1 minute after a mass message: exempt
    expect(
      checkSpacing(items(withItem(`${D0}_6_followup`, (i) => moveTo(i, 19 * 60 + 48)))),
    ).toEqual([]);
  });

  it('4-hour blocks: at most 3 sends of a family per block', () => {
    const extra = (n: number) =>
      Array.from({ length: n }, (_, k) =>
        makeItem(`${D0}_p${k}`, D0, 12 * 60 + 2 + k * 50, 'bump_text_only'),
      );
    expect(checkBlockCap(items([...goodItems(), ...extra(3)]))).toEqual([]);
    const out = checkBlockCap(items([...goodItems(), ...extra(4)]));
    expect(codes(out)).toEqual(['error:block_cap_exceeded']);
    expect(out[0]?.details).toMatchObject({
      date: D0,
      family: 'posts',
      blockStartMinute: 720,
      count: 4,
    });
  });

  it('per-type gaps in real minutes, across days', () => {
    const ppv = makeItem(`${D1}_x`, D1, 18 * 60 + 2, 'ppv_unlock');
    expect(codes(checkTypeGaps(items([...goodItems(), ppv])))).toEqual([
      'error:type_gap_violation',
    ]);
    // like_farm (24 h) on D3 at 14:49; another on D4 at 09:08 is less than 24 hours later
    const like = makeItem('lf', WEEK[4] as string, 9 * 60 + 8, 'like_farm');
    const out = checkTypeGaps(items([...goodItems(), like]));
    expect(codes(out)).toEqual(['error:type_gap_violation']);
    expect(out[0]?.details).toMatchObject({ sendTypeKey: 'like_farm', minMinutes: 1440 });
  });

  it('clock time used more than twice a week', () => {
    const same = (slotId: string) => (i: ScheduleItem) =>
      i.slotId === slotId ? moveTo(i, 9 * 60 + 1) : i;
    const two = goodItems().map(same(`${WEEK[1]}_1`));
    expect(checkClockTimeRepeats(items(two))).toEqual([]);
    const three = two.map(same(`${WEEK[2]}_1`));
    expect(codes(checkClockTimeRepeats(items(three)))).toEqual(['error:clock_time_repeated']);
  });

  it('weekly caps', () => {
    const bad = withItem(`${WEEK[6]}_5`, (i) =>
      makeItem(i.slotId, i.scheduledDate, 17 * 60 + 37, 'vip_program'),
    );
    const out = checkWeeklyCaps(items(bad));
    expect(codes(out)).toEqual(['error:weekly_cap_exceeded']);
    expect(out[0]?.details).toMatchObject({ sendTypeKey: 'vip_program', count: 2, max: 1 });
  });

  it('page-type exclusions: send types and targets', () => {
    const free = checkPageTypeExclusions(
      goodInput({ creator: { ...goodInput().creator, pageType: 'free' } }),
    );
    const c = new Set(codes(free));
    expect(c).toEqual(new Set(['error:send_type_not_for_page', 'error:target_not_for_page']));
    const ppvWall = withItem(`${D0}_2`, (i) => makeItem(i.slotId, D0, 12 * 60 + 16, 'ppv_wall'));
    expect(codes(checkPageTypeExclusions(items(ppvWall)))).toEqual([
      'error:send_type_not_for_page',
    ]);
    const unknown = withItem(`${D0}_2`, (i) => ({ ...i, sendTypeKey: 'ppv_video' as never }));
    expect(codes(checkPageTypeExclusions(items(unknown)))).toEqual(['error:unknown_send_type']);
  });

  it('follow-up rules: delay, parent, type, cap, gap', () => {
    const fu = `${D0}_6_followup`;
    const far = withItem(fu, (i) => ({ ...moveTo(i, 20 * 60 + 37), followupDelayMinutes: 50 }));
    expect(codes(checkFollowupRules(items(far)))).toEqual(['error:followup_delay_out_of_range']);
    const lying = withItem(fu, (i) => ({ ...i, followupDelayMinutes: 25 }));
    expect(codes(checkFollowupRules(items(lying)))).toEqual(['error:followup_delay_out_of_range']);
    // parent is a bump: cannot have a follow-up
    const badParent = goodItems().map((i) =>
      i.slotId === fu
        ? { ...moveTo(i, 9 * 60 + 31), parentItemId: `${D0}_1`, followupDelayMinutes: 30 }
        : i,
    );
    expect(codes(checkFollowupRules(items(badParent)))).toEqual(['error:invalid_followup_parent']);
    const notFollowup = withItem(fu, (i) => ({ ...i, isFollowUp: false }));
    expect(codes(checkFollowupRules(items(notFollowup)))).toEqual(['error:followup_type_mismatch']);
  });

  it('follow-up rules: at most 4 per parent date, at least 60 minutes apart', () => {
    const parents = [9, 11, 13, 15, 17].map((h, k) =>
      makeItem(`p${k}`, D0, h * 60 + 2, 'ppv_unlock'),
    );
    const fus = parents.map((p, k) =>
      makeItem(`p${k}_followup`, D0, (9 + 2 * k) * 60 + 22, 'ppv_followup', {
        isFollowUp: true,
        parentItemId: p.slotId,
        followupDelayMinutes: 20,
      }),
    );
    expect(codes(checkFollowupRules(items([...parents, ...fus])))).toEqual([
      'error:followup_limit_exceeded',
    ]);
    expect(checkFollowupRules(items([...parents.slice(0, 4), ...fus.slice(0, 4)]))).toEqual([]);
    const close = [
      makeItem('a', D0, 12 * 60 + 2, 'ppv_unlock'),
      makeItem('b', D0, 12 * 60 + 41, 'tip_goal'),
      makeItem('a_followup', D0, 12 * 60 + 22, 'ppv_followup', {
        isFollowUp: true,
        parentItemId: 'a',
        followupDelayMinutes: 20,
      }),
      makeItem('b_followup', D0, 13 * 60 + 1, 'ppv_followup', {
        isFollowUp: true,
        parentItemId: 'b',
        followupDelayMinutes: 20,
      }),
    ];
    expect(codes(checkFollowupRules(items(close)))).toEqual(['error:followup_gap_violation']);
  });

  it('diversity: 10 types, 5 revenue, 5 engagement', () => {
    const dull = goodItems().map((i) =>
      i.isFollowUp
        ? i
        : ({
            ...i,
            sendTypeKey: i.category === 'revenue' ? 'ppv_unlock' : 'bump_normal',
          } as ScheduleItem),
    );
    const out = checkDiversity(items(dull));
    expect(codes(out)).toEqual([
      'error:insufficient_diversity',
      'error:insufficient_diversity',
      'error:insufficient_diversity',
    ]);
    expect(out.map((i) => i.details.criterion)).toEqual([
      'distinct_types',
      'revenue_types',
      'engagement_types',
    ]);
  });

  it('strategies: 3 distinct, never the same on consecutive days', () => {
    const same = Object.fromEntries(WEEK.map((d) => [d, 'revenue_focus']));
    const onSame = goodItems().map((i) => ({ ...i, strategyUsed: 'revenue_focus' }));
    const out = checkStrategies(goodInput({ dailyStrategies: same, items: onSame }));
    expect(codes(out)).toEqual([
      'error:insufficient_strategies',
      ...Array(6).fill('error:strategy_repeated'),
    ]);
    const repeat = { ...goodInput().dailyStrategies, [D1]: 'revenue_focus' };
    const onRepeat = goodItems().map((i) =>
      i.scheduledDate === D1 ? { ...i, strategyUsed: 'revenue_focus' } : i,
    );
    expect(codes(checkStrategies(goodInput({ dailyStrategies: repeat, items: onRepeat })))).toEqual(
      ['error:strategy_repeated'],
    );
  });

  it('strategies: every item carries the strategy of the day it is sent on', () => {
    // the days' strategies change but the items keep theirs: one mismatch per item of each day
    const same = Object.fromEntries(WEEK.map((d) => [d, 'revenue_focus']));
    const mismatched = goodItems().filter((i) => i.strategyUsed !== 'revenue_focus');
    const out = checkStrategies(goodInput({ dailyStrategies: same }));
    expect(out.filter((i) => i.code === 'strategy_mismatch').map((i) => i.details.slotId)).toEqual(
      mismatched.map((i) => i.slotId),
    );
    expect(out.find((i) => i.code === 'strategy_mismatch')?.severity).toBe('error');
  });

  it("strategies: a moved item carries its new day's strategy (RULINGS moved items)", () => {
    // RULINGS "moved items" overturns the old rule (a moved item kept its origin day's strategy)
    const strategies = goodInput().dailyStrategies;
    const moved = (strategyUsed: string) =>
      withItem(`${D0}_3`, (i) => ({
        ...moveTo(i, 10 * 60 + 7, D1),
        movedFromDate: D0,
        strategyUsed,
      }));
    expect(strategies[D0]).not.toBe(strategies[D1]);
    const kept = checkStrategies(items(moved(strategies[D0] as string)));
    expect(kept.map((i) => [i.code, i.details.slotId, i.details.dayStrategy])).toEqual([
      ['strategy_mismatch', `${D0}_3`, strategies[D1]],
    ]);
    expect(checkStrategies(items(moved(strategies[D1] as string)))).toEqual([]);
  });

  it('required targets', () => {
    const bad = withItem(`${D1}_4`, (i) => ({ ...i, targetKey: 'all_active' }));
    expect(bad.find((i) => i.slotId === `${D1}_4`)?.sendTypeKey).toBe('renew_on_message');
    expect(codes(checkRequiredTargets(items(bad)))).toEqual(['error:required_target_violated']);
  });

  it('channel supports the target', () => {
    // expired_recent is reachable by targeted messages only
    const bad = withItem(`${WEEK[2]}_4`, (i) => ({ ...i, channelKey: 'mass_message' }));
    expect(codes(checkChannelTargets(items(bad)))).toEqual(['error:channel_target_unsupported']);
    const unknown = withItem(`${D0}_1`, (i) => ({ ...i, targetKey: 'whales' as never }));
    expect(codes(checkChannelTargets(items(unknown)))).toEqual(['error:unknown_target']);
  });
});

describe('balance and volume checks', () => {
  it('category balance: revenue >= 30 %, follow-ups reported apart', () => {
    const engagementHeavy = goodItems().map((i) =>
      i.category === 'revenue' && i.sendTypeKey !== 'ppv_unlock'
        ? ({ ...i, sendTypeKey: 'bump_normal', category: 'engagement' } as ScheduleItem)
        : i,
    );
    const out = checkCategoryBalance(items(engagementHeavy));
    // RULINGS "category balance is a hard rule": an error now, no longer a warning
    expect(codes(out)).toEqual(['error:category_balance']);
    expect(out[0]?.details).toMatchObject({
      category: 'revenue',
      allocatedItems: 49,
      followups: { count: 7 },
    });
  });

  it('category balance: retention at most 20 %', () => {
    const retentionHeavy = goodItems().map((i) =>
      i.sendTypeKey === 'bump_normal'
        ? ({ ...i, sendTypeKey: 'renew_on_post', category: 'retention' } as ScheduleItem)
        : i,
    );
    expect(checkCategoryBalance(items(retentionHeavy)).map((i) => i.details.category)).toEqual([
      'retention',
    ]);
  });

  it('revenue mix per day against 60 % (low tier) / 50 % with tolerance', () => {
    const revenueDay = goodItems().map((i) =>
      i.scheduledDate === D0 && i.category === 'engagement' && i.sendTypeKey !== 'bump_normal'
        ? ({ ...i, sendTypeKey: 'bundle', category: 'revenue' } as ScheduleItem)
        : i,
    );
    const out = checkRevenueMix(items(revenueDay));
    expect(codes(out)).toEqual(['warning:revenue_mix']);
    expect(out[0]?.details).toMatchObject({ date: D0, target: 0.6, revenue: 5, engagement: 1 });
    const mid = { ...volume, finalConfig: { ...volume.finalConfig, tier: 'mid' as const } };
    expect(checkRevenueMix(goodInput({ volume: mid }))).toEqual([]);
  });

  it('confidence gate: error below 0.3 unless overridden', () => {
    const low = { ...volume, confidenceScore: 0.2 };
    expect(codes(checkConfidenceGate(goodInput({ volume: low })))).toEqual([
      'error:confidence_too_low',
    ]);
    expect(
      codes(checkConfidenceGate(goodInput({ volume: low, manualConfidenceOverride: true }))),
    ).toEqual(['info:confidence_override_applied']);
  });

  it('volume context: divergence and elasticity as warnings (001 consumption matrix, phase 7b)', () => {
    const v = { ...volume, divergenceDetected: true, elasticityCapped: true };
    expect(codes(checkVolumeContext(goodInput({ volume: v })))).toEqual([
      'warning:divergence_detected',
      'warning:elasticity_capped',
    ]);
    expect(checkVolumeContext(goodInput({ volume }))).toEqual([]);
  });

  it('uses the policy, not literals', () => {
    const policy = {
      ...DEFAULT_POLICY,
      timing: { ...DEFAULT_POLICY.timing, windowStartMinute: 10 * 60 },
    };
    expect(codes(checkWindow(goodInput({ policy })))).toContain('error:outside_window');
  });
});
