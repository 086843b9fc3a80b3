/**
 * The reasons of a hand-built slot or item in the fixtures: a caption from the first level of the
 * chain (30/40), one candidate, and the target and channel the send type asks for.
 */
import { SEND_TYPES, type SendTypeKey } from '../../src/domain/catalog';
import type { CaptionReason, TargetReason } from '../../src/domain/types';

/** A caption taken from the pool at the first level (freshness >= 30, performance >= 40). */
export const poolCaptionReason: CaptionReason = {
  source: 'pool',
  level: 0,
  minFreshness: 30,
  minPerformance: 40,
  candidates: 1,
  scores: null,
};

/** The send type's own target and channel, no fallback. */
export const ownTargetReason = (sendTypeKey: SendTypeKey): TargetReason => {
  const spec = SEND_TYPES[sendTypeKey];
  return {
    sendTypeTarget: spec.requiredTarget ?? spec.defaultTarget ?? 'all_active',
    sendTypeChannel: spec.channel,
    fallbacks: [],
  };
};
