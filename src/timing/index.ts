export {
  type DailyVariation,
  dailyVariation,
  preferredHours,
  primeHoursForDay,
  weekPhaseOf,
} from './dailyVariation';
export {
  applyTimeJitter,
  jitterOffset,
  jitterOrder,
  validJitterOffsets,
} from './jitter';
export { type LinkedDrops, linkDropParents } from './linkDrops';
export {
  type ActivePin,
  ActivePinC,
  ActivePinsC,
  decodeActivePins,
  type PinAction,
  type PinCandidate,
  type PinPlan,
  type PinPlanInput,
  type PinPolicy,
  planPins,
  type SkippedPin,
} from './pins';
export {
  allowNextDayFor,
  amPmPreference,
  type CreatorTimingProfile,
  CreatorTimingProfileC,
  type CreatorTimingProfileWire,
  type FollowupWindow,
  followupWindowFor,
  type JitterRange,
  jitterRangeFor,
  jitterScaleFor,
  type TimingAdjustments,
  type TimingProfilePolicy,
  type TimingVariation,
  timingAdjustmentsFor,
} from './profile';
export { reattributeTimeIssues, retimeSameStyle } from './retime';
export { scheduleTimes } from './scheduleTimes';
