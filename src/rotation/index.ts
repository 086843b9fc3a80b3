export {
  type InvalidTransition,
  ROTATION_STATES,
  transition,
  VALID_TRANSITIONS,
  validateTransition,
} from './machine';
export {
  ROTATION_METHODS,
  type RotatedPattern,
  type RotationMethod,
  rotatePattern,
  STANDARD_PATTERNS,
  samePattern,
} from './patterns';
export {
  type PlacedStyle,
  patternRoom,
  repairSameStyle,
  type SameStyleRepair,
  type SameStyleViolation,
  type StyledSend,
  sameStyleIssues,
  sameStyleSeparable,
  sameStyleViolations,
  styleFits,
} from './sameStyle';
export {
  CreatorRotationStateC,
  readStoredRotationState,
  type StoredRotationRead,
  type StoredRotationState,
} from './stored';
export {
  type PatternRotation,
  ppvStyleAt,
  type RotationDay,
  type RotationInput,
  type RotationPlan,
  type RotationPolicy,
  type RotationTransition,
  rotatesOnDecisionDay,
  trackRotation,
} from './tracker';
