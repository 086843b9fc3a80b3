/**
 * Phase 4: audience targets and channels. Source: seed 001 §4.1-§4.4, phase 4 recovery;
 * RULINGS "Channels (phase 4)".
 *
 * @module
 */

import {
  type ChannelKey,
  campaignSendOf,
  SEND_TYPES,
  type SendTypeKey,
  TARGETS,
  type TargetKey,
} from '../domain/catalog';
import { type Issue, issue } from '../domain/issues';
import { channelReachesTarget, targetOfSendType } from '../domain/rules';
import type { ContentAssignment, PhaseContext, TargetedSlot, Targeting } from '../domain/stages';
import type { CreatorProfile, TargetReason } from '../domain/types';

/**
 * The target and channel of one send type on one page, with the issues of any fallback:
 * the required target wins over the default, which wins over `all_active` (001 §4.2); a target
 * the page type cannot use falls back to `all_active` (`target_not_applicable`); when the
 * channel cannot address the target, a required target keeps its target and moves to a channel
 * that can (`channel_switched`), any other target falls back to `all_active`
 * (`channel_incompatible`) (001 §4.4, phase 4 recovery).
 *
 * @since 0.1.0
 * @category targeting
 */
export const resolveTarget = (
  sendTypeKey: SendTypeKey,
  creator: Pick<CreatorProfile, 'pageType'>,
  slotId: string | null = null,
): {
  /** The audience used: the send type's required or default target, else `all_active` after a fallback. */
  readonly targetKey: TargetKey;
  /** The channel used: the send type's, or one that reaches a required target (`channel_switched`). */
  readonly channelKey: ChannelKey;
  /** One issue per fallback taken (`target_not_applicable`, `channel_switched`, `channel_incompatible`). */
  readonly issues: ReadonlyArray<Issue>;
} => {
  const spec = SEND_TYPES[sendTypeKey];
  const issues: Issue[] = [];
  let targetKey: TargetKey = targetOfSendType(spec);
  let channelKey: ChannelKey = spec.channel;
  if (!TARGETS[targetKey].pageTypes.includes(creator.pageType)) {
    issues.push(
      issue('target_not_applicable', {
        slotId,
        sendTypeKey,
        targetKey,
        pageType: creator.pageType,
      }),
    );
    targetKey = 'all_active';
  }
  const reachable = (c: ChannelKey) => channelReachesTarget(c, targetKey);
  if (!reachable(channelKey)) {
    const alternative = [spec.secondChannel, ...TARGETS[targetKey].channels].find(
      (c): c is ChannelKey => c !== null && reachable(c),
    );
    if (spec.requiredTarget === targetKey && alternative) {
      issues.push(
        issue('channel_switched', {
          slotId,
          sendTypeKey,
          from: channelKey,
          to: alternative,
          targetKey,
        }),
      );
      channelKey = alternative;
    } else {
      issues.push(issue('channel_incompatible', { slotId, sendTypeKey, channelKey, targetKey }));
      targetKey = 'all_active';
    }
  }
  return { targetKey, channelKey, issues };
};

/**
 * Phase 4: assigns each slot its audience target and channel with `resolveTarget`.
 * Source: seed 001 §4.2-§4.4.
 *
 * @example
 * import { assignTargets } from 'eros-schedule';
 *
 * // `ctx` as in `trackVolume`'s example; `content` the `Right` of `matchContent` (phase 3)
 * const targeting = assignTargets(ctx, content);
 * targeting.slots.map((s) => `${s.targetKey} via ${s.channelKey}`);
 * // ['all_active via wall_post', 'all_active via mass_message', 'high_spenders via mass_message', ...]
 * targeting.issues; // the fallbacks taken (`target_not_applicable`, `channel_switched`...)
 *
 * @since 0.1.0
 * @category targeting
 */
export const assignTargets = (ctx: PhaseContext, content: ContentAssignment): Targeting => {
  const issues: Issue[] = [];
  const slots: TargetedSlot[] = content.slots.map((s) => {
    const r = resolveTarget(s.sendTypeKey, ctx.creator, s.slotId);
    issues.push(...r.issues);
    // A campaign goes out on its own channel (RULINGS "Allocation": a bundle wall campaign is
    // a bundle posted on the wall) when that channel reaches the target.
    const own =
      s.campaignType === null ? null : campaignSendOf(s.campaignType, ctx.creator.pageType);
    const channelKey =
      own !== null && channelReachesTarget(own.channelKey, r.targetKey)
        ? own.channelKey
        : r.channelKey;
    const spec = SEND_TYPES[s.sendTypeKey];
    const targetReason: TargetReason = {
      sendTypeTarget: targetOfSendType(spec),
      sendTypeChannel: own?.channelKey ?? spec.channel,
      fallbacks: r.issues.flatMap((i) =>
        i.code === 'target_not_applicable' ||
        i.code === 'channel_switched' ||
        i.code === 'channel_incompatible'
          ? [i.code]
          : [],
      ),
    };
    // Issue 11: `Object.assign` rather than a spread followed by properties, which V8 runs on a
    // slow path for a source object that is not frozen; the same keys in the same order.
    const slot: TargetedSlot = Object.assign({}, s, {
      targetKey: r.targetKey,
      channelKey,
      targetReason,
    });
    return slot;
  });
  return { slots, issues };
};
