/**
 * Phase 7: validation of the assembled week. Source: seed 001 §7; RULINGS "Validation";
 * seed 000 task 3.1 (bump ratio).
 *
 * @module
 */
export {
  checkCategoryBalance,
  checkConfidenceGate,
  checkRevenueMix,
  checkVolumeContext,
} from './balance';
export {
  checkCaptionPool,
  checkCaptionUniqueness,
  checkDailyVolume,
  checkFollowupLinkage,
  checkLowConfidence,
  checkPersonaConsistency,
  checkRequiredFields,
  checkTimingConflicts,
  checkVaultAvailability,
  lowConfidenceMessage,
} from './checks';
export { checkBumpRatio } from './pageTypeMatrix';
export {
  checkChannelTargets,
  checkDiversity,
  checkFollowupRules,
  checkPageTypeExclusions,
  checkRequiredTargets,
  checkStrategies,
  checkWeeklyCaps,
} from './rules';
export {
  checkBlockCap,
  checkClockTimeRepeats,
  checkRoundMinutes,
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
