/**
 * Phase 7: validation of the assembled week. Source: seed 001 §7; RULINGS "Validation";
 * seed 000 task 3.1 (bump ratio), task 3.5 (weekly limits).
 *
 * @module
 */
export {
  checkCategoryBalance,
  checkConfidenceGate,
  checkManualCaptions,
  checkRevenueMix,
  checkVolumeAccounting,
  checkVolumeContext,
} from './balance';
export {
  BUMP_RATIO_SEND_TYPES,
  BUMP_RATIO_TOLERANCE,
  type BumpRatioResult,
  checkBumpRatio,
  isMatrixBump,
  isMatrixPpv,
  validateBumpRatio,
} from './bumpRatio';
export { checkCampaignFrequency, checkGameLimits } from './campaigns';
export {
  checkCaptionPool,
  checkCaptionUniqueness,
  checkDailyVolume,
  checkFollowupLinkage,
  checkLocalTimes,
  checkLowConfidence,
  checkPersonaConsistency,
  checkRequiredFields,
  checkSlotIds,
  checkTimingConflicts,
  checkVaultAvailability,
} from './checks';
export {
  checkChannelTargets,
  checkDiversity,
  checkFollowupRules,
  checkLinkDropParents,
  checkPageTypeExclusions,
  checkRequiredTargets,
  checkStrategies,
} from './rules';
export {
  checkBlockCap,
  checkClockTimeRepeats,
  checkRoundMinutes,
  checkSameStyle,
  checkSpacing,
  checkTypeGaps,
  checkWindow,
} from './timingRules';
export type { Check, NamedCheck, ValidationInput } from './types';
export {
  VALIDATION_CHECKS,
  validateSchedule,
  validationScore,
  validationStatus,
} from './validateSchedule';
export {
  checkWeeklyCaps,
  enforceWeeklyLimits,
  validateWeeklyLimits,
  WEEKLY_LIMITS,
  type WeeklyLimitEnforceItem,
  type WeeklyLimitEnforcement,
  type WeeklyLimitItem,
  type WeeklyLimitOptions,
  type WeeklyLimitRemoval,
  type WeeklyLimits,
  type WeeklyLimitValidation,
  type WeeklyLimitWarning,
} from './weeklyLimits';
