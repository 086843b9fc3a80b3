/**
 * The composition rules of RULINGS (page types, follow-ups, link drops, diversity, strategies,
 * targets and channels) as validation checks: each broken rule is an error. The weekly caps are
 * in `weeklyLimits.ts`.
 *
 * @module
 */
import {
  CHANNELS,
  type ChannelKey,
  SEND_TYPES,
  type SendTypeKey,
  TARGETS,
  type TargetKey,
  type TargetSpec,
} from '../domain/catalog';
import { type Issue, issue } from '../domain/issues';
import {
  channelReachesTarget,
  isLinkDrop,
  isLinkDropCampaign,
  linkDropMayPromote,
  weekDiversity,
} from '../domain/rules';
import { addDaysIso } from '../domain/time';
import type { ScheduleItem } from '../domain/types';
import { groupBy, itemPath, specOf } from './helpers';
import type { Check, ValidationInput } from './types';
import { closePairs, mayHaveClosePair, weekCheck } from './week';

/**
 * Page-type exclusions: every send type and audience target applies to the creator's page
 * type. Errors `unknown_send_type`, `send_type_not_for_page`, `target_not_for_page`.
 *
 * Source: seed 001 §1.4, §4.1; phase 2 and phase 4 checkpoints.
 *
 * @since 0.1.0
 * @category validation
 */
export const checkPageTypeExclusions: Check = weekCheck((w) => {
  const page = w.input.creator.pageType;
  const out: Issue[] = [];
  for (const { item, index } of w.all()) {
    const spec = specOf(item);
    const target = targetOf(item);
    if (spec === undefined)
      out.push(
        issue(
          'unknown_send_type',
          { slotId: item.slotId, sendTypeKey: item.sendTypeKey },
          itemPath(index, 'sendTypeKey'),
        ),
      );
    else if (!spec.pageTypes.includes(page))
      out.push(
        issue(
          'send_type_not_for_page',
          { slotId: item.slotId, sendTypeKey: item.sendTypeKey, pageType: page },
          itemPath(index, 'sendTypeKey'),
        ),
      );
    if (target !== undefined && !target.pageTypes.includes(page))
      out.push(
        issue(
          'target_not_for_page',
          { slotId: item.slotId, targetKey: item.targetKey, pageType: page },
          itemPath(index, 'targetKey'),
        ),
      );
  }
  return out;
});

/** The audience target's row, `undefined` for an unknown key. */
const targetOf = (item: ScheduleItem): TargetSpec | undefined =>
  (TARGETS as Readonly<Record<string, TargetSpec | undefined>>)[item.targetKey];

/**
 * Follow-up rules: only the follow-up send type (`generatedBy === 'followups'`) is a follow-up
 * and it is always one (`followup_type_mismatch`); the delay is within
 * [minDelayMinutes, maxDelayMinutes] and equals the real gap to the parent
 * (`followup_delay_out_of_range`); the parent can have a follow-up and is not one
 * (`invalid_followup_parent`); at most `maxPerDay` per local date of the parent
 * (`followup_limit_exceeded`); follow-ups are at least the type's `minMinutesBetween` (60)
 * apart (`followup_gap_violation`). All errors.
 *
 * Source: seed 001 §6; seed 003 task 2.3; seed 000 gap 5.1; RULINGS "Follow-ups".
 *
 * @since 0.1.0
 * @category validation
 */
export const checkFollowupRules: Check = weekCheck((w) => {
  const input = w.input;
  const f = input.policy.followups;
  const out: Issue[] = [];
  for (const { item, index } of w.all()) {
    const spec = specOf(item);
    if (spec !== undefined && (spec.generatedBy === 'followups') !== item.isFollowUp)
      out.push(
        issue(
          'followup_type_mismatch',
          { slotId: item.slotId, sendTypeKey: item.sendTypeKey, isFollowUp: item.isFollowUp },
          itemPath(index, 'isFollowUp'),
        ),
      );
    if (!item.isFollowUp) continue;
    const parentIndex = item.parentItemId !== null ? w.indexOfId(item.parentItemId) : undefined;
    const parent = parentIndex !== undefined ? input.items[parentIndex] : undefined;
    const d = item.followupDelayMinutes;
    const gap = parentIndex !== undefined ? w.epochAt(index) - w.epochAt(parentIndex) : null;
    const inRange = (x: number): boolean => x >= f.minDelayMinutes && x <= f.maxDelayMinutes;
    if (d === null || !inRange(d) || (gap !== null && Number.isFinite(gap) && gap !== d))
      out.push(
        issue(
          'followup_delay_out_of_range',
          {
            slotId: item.slotId,
            followupDelayMinutes: d,
            gapMinutes: gap,
            minDelayMinutes: f.minDelayMinutes,
            maxDelayMinutes: f.maxDelayMinutes,
          },
          itemPath(index, 'followupDelayMinutes'),
        ),
      );
    if (parent !== undefined && (parent.isFollowUp || specOf(parent)?.canHaveFollowup !== true))
      out.push(
        issue(
          'invalid_followup_parent',
          {
            slotId: item.slotId,
            parentItemId: parent.slotId,
            parentSendTypeKey: parent.sendTypeKey,
          },
          itemPath(index, 'parentItemId'),
        ),
      );
  }
  const followups = w.followups();
  const parentDate = (i: ScheduleItem): string =>
    (i.parentItemId !== null ? w.itemOfId(i.parentItemId)?.scheduledDate : undefined) ??
    i.scheduledDate;
  for (const [date, g] of groupBy(followups, (x) => parentDate(x.item)))
    if (g.length > f.maxPerDay)
      out.push(
        issue('followup_limit_exceeded', {
          date,
          count: g.length,
          max: f.maxPerDay,
          slotIds: g.map((x) => x.item.slotId),
        }),
      );
  if (!mayHaveClosePair(w.groups(), 1, 'type')) return out;
  for (const { key, a, b, gap, min } of closePairs(
    w,
    (i) => i.isFollowUp,
    (i) => (specOf(i) !== undefined ? i.sendTypeKey : undefined),
    (k) => SEND_TYPES[k as SendTypeKey].minMinutesBetween,
  ))
    out.push(
      issue(
        'followup_gap_violation',
        {
          sendTypeKey: key,
          slotIds: [a.item.slotId, b.item.slotId],
          gapMinutes: gap,
          minMinutes: min,
        },
        itemPath(b.index, 'scheduledAt'),
      ),
    );
  return out;
});

/**
 * Link drops: a link drop (`isLinkDrop`) that names a parent promotes a campaign of the week
 * sent before it and less than `policy.timing.linkDropLookbackHours` (24) hours earlier
 * (`linkDropMayPromote`). Error `invalid_link_drop_parent` with the reason: `missing` (not in the
 * schedule), `not_campaign`, `not_before`, `too_old`. A link drop without a parent
 * (`parentItemId: null`, reported `link_drop_unlinked` when it was built) passes; follow-ups are
 * checked by `checkFollowupRules` and `checkFollowupLinkage`.
 *
 * Source: seed 003 task 2.4; docs/rulings.md "Timing" (link drop parent).
 *
 * @since 0.3.0
 * @category validation
 */
export const checkLinkDropParents: Check = weekCheck((w) => {
  const input = w.input;
  const hours = input.policy.timing.linkDropLookbackHours;
  return w
    .all()
    .filter(({ item }) => isLinkDrop(item) && item.parentItemId !== null)
    .flatMap(({ item, index }): ReadonlyArray<Issue> => {
      const parentIndex = w.indexOfId(item.parentItemId);
      const parent = parentIndex !== undefined ? input.items[parentIndex] : undefined;
      if (parent !== undefined && linkDropMayPromote(parent, item, input.policy)) return [];
      const reason =
        parent === undefined
          ? 'missing'
          : !isLinkDropCampaign(parent)
            ? 'not_campaign'
            : !(w.epochAt(parentIndex as number) < w.epochAt(index))
              ? 'not_before'
              : 'too_old';
      return [
        issue(
          'invalid_link_drop_parent',
          {
            slotId: item.slotId,
            parentItemId: item.parentItemId as string,
            reason,
            parentSendTypeKey: parent?.sendTypeKey ?? null,
            lookbackHours: hours,
          },
          itemPath(index, 'parentItemId'),
        ),
      ];
    });
});

/**
 * Diversity: among allocated items, at least `minDistinctTypesPerWeek` (10) distinct send types,
 * `minRevenueTypesPerWeek` (5) revenue types counted from the seed's set of 7
 * (`REVENUE_VARIETY_TYPES`) and `minEngagementTypesPerWeek` (5) engagement types
 * (`weekDiversity`). One error `insufficient_diversity` per unmet minimum.
 *
 * Source: seed 001 phase 2 checkpoint; RULINGS "Allocation" (diversity), "revenue variety".
 *
 * @since 0.1.0
 * @category validation
 */
export const checkDiversity = (input: ValidationInput): ReadonlyArray<Issue> => {
  const a = input.policy.allocation;
  const keys = [
    ...new Set(
      input.items.filter((i) => !i.isFollowUp && specOf(i) !== undefined).map((i) => i.sendTypeKey),
    ),
  ];
  const d = weekDiversity(keys);
  const criteria = [
    { criterion: 'distinct_types', actual: d.distinct, min: a.minDistinctTypesPerWeek },
    { criterion: 'revenue_types', actual: d.revenue, min: a.minRevenueTypesPerWeek },
    { criterion: 'engagement_types', actual: d.engagement, min: a.minEngagementTypesPerWeek },
  ] as const;
  return criteria
    .filter((c) => c.actual < c.min)
    .map((c) => issue('insufficient_diversity', { ...c, sendTypeKeys: keys }));
};

/**
 * Strategies: at least `minStrategiesPerWeek` (3) distinct daily strategies
 * (`insufficient_strategies`), never the same strategy on two consecutive dates
 * (`strategy_repeated`), read from `dailyStrategies` in week order, and every item carries the
 * strategy of the date it is scheduled on, moved items included (`strategy_mismatch`). Errors.
 *
 * Source: seed 001 §2.3, phase 2 checkpoint; RULINGS "Allocation" (strategies), "moved items".
 *
 * @since 0.1.0
 * @category validation
 */
export const checkStrategies: Check = weekCheck((w) => {
  const input = w.input;
  const days = input.weekDates.flatMap((date) => {
    const s = input.dailyStrategies[date];
    return s === undefined ? [] : [{ date, strategy: s }];
  });
  const distinct = new Set(days.map((d) => d.strategy)).size;
  const min = input.policy.allocation.minStrategiesPerWeek;
  const out: Issue[] = distinct < min ? [issue('insufficient_strategies', { distinct, min })] : [];
  days.slice(1).forEach((d, j) => {
    const prev = days[j];
    if (prev !== undefined && prev.strategy === d.strategy && addDaysIso(prev.date, 1) === d.date)
      out.push(
        issue(
          'strategy_repeated',
          { strategy: d.strategy, dates: [prev.date, d.date] },
          `dailyStrategies.${d.date}`,
        ),
      );
  });
  for (const { item, index } of w.all()) {
    const dayStrategy = input.dailyStrategies[item.scheduledDate] ?? null;
    if (item.strategyUsed !== dayStrategy)
      out.push(
        issue(
          'strategy_mismatch',
          {
            slotId: item.slotId,
            scheduledDate: item.scheduledDate,
            strategyUsed: item.strategyUsed,
            dayStrategy,
          },
          itemPath(index, 'strategyUsed'),
        ),
      );
  }
  return out;
});

/**
 * Required targets: an item whose send type has a `requiredTarget` uses it
 * (ppv_followup -> ppv_non_purchasers, renew_on_message -> renew_off). Error
 * `required_target_violated`.
 *
 * Source: seed 001 §4.3; phase 4 checkpoint.
 *
 * @since 0.1.0
 * @category validation
 */
export const checkRequiredTargets: Check = weekCheck((w) => {
  const out: Issue[] = [];
  for (const { item, index } of w.all()) {
    const required = specOf(item)?.requiredTarget ?? null;
    if (required !== null && item.targetKey !== required)
      out.push(
        issue(
          'required_target_violated',
          { slotId: item.slotId, requiredTarget: required, targetKey: item.targetKey },
          itemPath(index, 'targetKey'),
        ),
      );
  }
  return out;
});

/**
 * Channel supports target: the item's channel is one of its target's channels. Errors
 * `unknown_target`, `channel_target_unsupported`.
 *
 * Source: seed 001 §4.1, §4.4; phase 4 checkpoint.
 *
 * @since 0.1.0
 * @category validation
 */
export const checkChannelTargets: Check = weekCheck((w) => {
  const out: Issue[] = [];
  for (const { item, index } of w.all()) {
    if (!(typeof item.targetKey === 'string' && item.targetKey.length > 0)) continue;
    const target = targetOf(item);
    if (target === undefined) {
      out.push(
        issue(
          'unknown_target',
          { slotId: item.slotId, targetKey: item.targetKey },
          itemPath(index, 'targetKey'),
        ),
      );
      continue;
    }
    const known = Object.hasOwn(CHANNELS, item.channelKey);
    if (
      !(known && channelReachesTarget(item.channelKey as ChannelKey, item.targetKey as TargetKey))
    )
      out.push(
        issue(
          'channel_target_unsupported',
          { slotId: item.slotId, channelKey: item.channelKey, targetKey: item.targetKey },
          itemPath(index, 'channelKey'),
        ),
      );
  }
  return out;
});
