export {
  matchContent,
  type RankedCaptions,
  rankCaptions,
  rankFollowupCaptions,
  type ScoredCaption,
} from './matchContent';
export { matchesPersona, personaScore } from './persona';
export {
  detectPpvElements,
  PPV_ELEMENT_DETECTORS,
  PPV_STRUCTURE_ELEMENTS,
  PPV_STRUCTURE_TYPES,
  PPV_STRUCTURES,
  type PpvCaptionParts,
  type PpvDetectorScope,
  type PpvElementDetector,
  type PpvElementMatches,
  type PpvStructureElement,
  type PpvStructurePolicy,
  type PpvStructureResult,
  type PpvStructureType,
  ppvCaptionParts,
  ppvStructureFor,
  validatePpvStructure,
} from './ppvStructure';
export {
  type ComponentScores,
  type ContentPolicy,
  calculateFreshnessScore,
  componentScores,
  compositeScore,
  diversityScore,
  freshnessAfterDays,
  type ScoringWeights,
  scoreCaption,
  typePriorityScore,
  utcDayOf,
} from './scoring';
export {
  type CampaignFitOf,
  type CaptionFit,
  captionFit,
  type FitPolicy,
  rematchRestyled,
  type StyleFit,
  styleFitOf,
  styleMisfits,
} from './styleFit';
