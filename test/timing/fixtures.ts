import fc from 'fast-check';
import {
  CHANNELS,
  type ChannelKey,
  SEND_TYPE_KEYS,
  SEND_TYPES,
  type SendTypeKey,
  TARGETS,
  type TargetKey,
} from '../../src/domain/catalog';
import { DEFAULT_POLICY, type SchedulePolicy } from '../../src/domain/policy';
import type {
  AllocatedDay,
  Allocation,
  LoadedData,
  PhaseContext,
  TargetedSlot,
  Targeting,
  Timing,
} from '../../src/domain/stages';
import { addDaysIso, weekDatesFrom, weekdayOf } from '../../src/domain/time';
import { intlLocal } from '../support/intlLocal';
import { ownTargetReason, poolCaptionReason } from '../support/reasons';

export const STRATEGIES = [
  'revenue_focus',
  'engagement_burst',
  'balanced_standard',
  'variety_max',
  'storytelling',
];

export interface CtxOptions {
  readonly seed?: string;
  readonly timezone?: string;
  readonly weekStart?: string;
  readonly creatorId?: string;
  readonly policy?: SchedulePolicy;
}

export const makeCtx = (o: CtxOptions = {}): PhaseContext => ({
  creator: {
    creatorId: o.creatorId ?? 'alice',
    pageType: 'paid',
    fanCount: 3000,
    timezone: o.timezone ?? 'America/New_York',
    contentPageType: 'nude',
    subType: 'gfe',
    performanceTier: 2,
  },
  weekDates: weekDatesFrom(o.weekStart ?? '2025-01-20'),
  seed: o.seed ?? 'test-seed',
  options: {
    allowNextDayFollowups: false,
    manualConfidenceOverride: false,
    save: false,
    trackPrediction: false,
  },
  policy: o.policy ?? DEFAULT_POLICY,
});

export const makeLoaded = (
  peakHours: ReadonlyArray<number> = [20, 21, 22],
  avoidHours: ReadonlyArray<number> = [3, 4, 5, 6],
): LoadedData => ({
  trends: null,
  contentRankings: null,
  history: [],
  vault: null,
  timing: { peakHours, avoidHours, hourlyPerformance: {} },
  timingIsDefault: false,
  persona: null,
  rotationState: null,
  timingProfile: null,
  activePins: [],
  issues: [],
});

/** What a test says about one slot; the rest is derived from the catalog. */
export interface SlotSpec {
  readonly sendTypeKey: SendTypeKey;
  readonly channelKey?: ChannelKey;
  readonly targetKey?: TargetKey;
  readonly priority?: number;
}

export const defaultTarget = (k: SendTypeKey): TargetKey =>
  SEND_TYPES[k].requiredTarget ?? SEND_TYPES[k].defaultTarget ?? 'all_active';

const targetedSlot = (date: string, dayIndex: number, n: number, s: SlotSpec): TargetedSlot => {
  const spec = SEND_TYPES[s.sendTypeKey];
  return {
    slotId: `${date}_${n}`,
    ppvStyle: null,
    campaignType: null,
    gameType: null,
    date,
    dayIndex,
    sendTypeKey: s.sendTypeKey,
    category: spec.category,
    priority: s.priority ?? n,
    strategyUsed: STRATEGIES[dayIndex % STRATEGIES.length] as string,
    flavorEmphasis: 'none',
    captionId: null,
    captionText: 'caption',
    scores: null,
    captionReason: poolCaptionReason,
    contentTypeId: null,
    mediaType: spec.mediaType,
    flyerRequired: spec.requiresFlyer,
    needsCaption: false,
    targetKey: s.targetKey ?? defaultTarget(s.sendTypeKey),
    channelKey: s.channelKey ?? spec.channel,
    targetReason: ownTargetReason(s.sendTypeKey),
  };
};

/** Allocation and targeting for per-day slot lists (index i = ctx.weekDates[i]). */
export const makeWeek = (
  ctx: PhaseContext,
  days: ReadonlyArray<ReadonlyArray<SlotSpec>>,
): { readonly allocation: Allocation; readonly targeting: Targeting } => {
  const slots = ctx.weekDates.flatMap((date, i) =>
    (days[i] ?? []).map((s, j) => targetedSlot(date, i, j + 1, s)),
  );
  const allocDays: AllocatedDay[] = ctx.weekDates.map((date, i) => ({
    date,
    dayIndex: i,
    weekday: weekdayOf(date),
    strategy: STRATEGIES[i % STRATEGIES.length] as string,
    flavor: 'none',
    quotas: { revenue: 0, engagement: 0, retention: 0 },
    slots: slots.filter((s) => s.date === date),
  }));
  return {
    allocation: { days: allocDays, varietyModeUsed: false, issues: [] },
    targeting: { slots, issues: [] },
  };
};

export const ZONES = [
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns',
  'America/Sao_Paulo',
  'Europe/Berlin',
  'Europe/London',
  'UTC',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
];

/** Week starts that cross daylight-saving changes in several zones, plus ordinary ones. */
export const DST_WEEKS = [
  '2025-03-03',
  '2025-03-09',
  '2025-03-24',
  '2025-03-30',
  '2025-04-01',
  '2025-09-26',
  '2025-10-20',
  '2025-10-27',
  '2025-11-01',
];

const ALLOCATED_KEYS = SEND_TYPE_KEYS.filter((k) => SEND_TYPES[k].generatedBy === 'allocation');

const reachable = (target: TargetKey, c: ChannelKey): boolean =>
  TARGETS[target].channels.includes(c) &&
  (target === 'all_active' || CHANNELS[c].supportsTargeting);

export const slotSpecArb: fc.Arbitrary<SlotSpec> = fc
  .record({
    sendTypeKey: fc.constantFrom(...ALLOCATED_KEYS),
    useSecond: fc.boolean(),
    priority: fc.integer({ min: 1, max: 10 }),
  })
  .map(({ sendTypeKey, useSecond, priority }) => {
    const spec = SEND_TYPES[sendTypeKey];
    const targetKey = defaultTarget(sendTypeKey);
    const second = spec.secondChannel;
    const channelKey =
      useSecond && second !== null && reachable(targetKey, second) ? second : spec.channel;
    return { sendTypeKey, channelKey, targetKey, priority };
  });

export interface ScenarioInput {
  readonly seed: string;
  readonly timezone: string;
  readonly weekStart: string;
  readonly peakHours: ReadonlyArray<number>;
  readonly avoidHours: ReadonlyArray<number>;
  readonly days: ReadonlyArray<ReadonlyArray<SlotSpec>>;
}

export const scenarioArb: fc.Arbitrary<ScenarioInput> = fc.record({
  seed: fc.string({ maxLength: 12 }),
  timezone: fc.constantFrom(...ZONES),
  weekStart: fc.oneof(
    fc.constantFrom(...DST_WEEKS),
    fc.integer({ min: 0, max: 364 }).map((n) => addDaysIso('2025-01-01', n)),
  ),
  peakHours: fc.uniqueArray(fc.integer({ min: 0, max: 23 }), { maxLength: 6 }),
  avoidHours: fc.uniqueArray(fc.integer({ min: 0, max: 23 }), { maxLength: 8 }),
  days: fc.array(
    fc.oneof(
      fc.array(slotSpecArb, { maxLength: 22 }),
      fc.array(slotSpecArb, { minLength: 12, maxLength: 22 }),
    ),
    { minLength: 7, maxLength: 7 },
  ),
});

export const runScenario = (
  s: ScenarioInput,
  scheduleTimes: (
    ctx: PhaseContext,
    loaded: LoadedData,
    allocation: Allocation,
    targeting: Targeting,
  ) => Timing,
) => {
  const ctx = makeCtx({ seed: s.seed, timezone: s.timezone, weekStart: s.weekStart });
  const loaded = makeLoaded(s.peakHours, s.avoidHours);
  const { allocation, targeting } = makeWeek(ctx, s.days);
  return {
    ctx,
    loaded,
    allocation,
    targeting,
    timing: scheduleTimes(ctx, loaded, allocation, targeting),
  };
};

/** Local `YYYY-MM-DD HH:mm` of an ISO instant, computed with Intl (independent of src/). */
export const localOf = (iso: string, timeZone: string): string => {
  const { date, time } = intlLocal(iso, timeZone);
  return `${date} ${time}`;
};
