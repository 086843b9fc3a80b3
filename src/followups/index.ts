/**
 * Phase 6: follow-up generation. Source: seed 001 §6; seed 003 task 2.3; seed 000 gap 5.1.
 *
 * @module
 */
export { generateFollowups } from './generateFollowups';
export {
  type DailyFollowupLimitOptions,
  type DailyFollowupLimitResult,
  enforceDailyFollowupLimit,
  type FollowupDayCount,
  type FollowupLimitItem,
  type RemovedFollowup,
} from './limiter';
export {
  calculateFollowupPriority,
  type FollowupPriority,
  type FollowupPriorityInputs,
  type FollowupPriorityScores,
  followupPriority,
} from './priority';
export {
  type FollowupDelayDistribution,
  type FollowupDelayPolicy,
  followupDelayDistribution,
  sampleFollowupDelay,
} from './sampler';
export {
  type DelayRejection,
  type PpvFollowup,
  type PpvFollowupError,
  type PpvFollowupOptions,
  type PpvFollowupParent,
  type PpvFollowupPolicy,
  schedulePpvFollowup,
} from './schedulePpvFollowup';
