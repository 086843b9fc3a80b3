export {
  type DailyVariation,
  dailyVariation,
  preferredHours,
  primeHoursForDay,
} from './dailyVariation';
export {
  applyTimeJitter,
  jitterOffset,
  jitterOrder,
  validJitterOffsets,
} from './jitter';
export {
  allowNextDayFor,
  amPmPreference,
  type CreatorTimingProfile,
  CreatorTimingProfileC,
  type CreatorTimingProfileWire,
  type FollowupWindow,
  followupWindowFor,
  jitterScaleFor,
  type TimingAdjustments,
  type TimingProfilePolicy,
  type TimingVariation,
  timingAdjustmentsFor,
} from './profile';
export { scheduleTimes } from './scheduleTimes';
