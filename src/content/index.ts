export {
  matchContent,
  type RankedCaptions,
  rankCaptions,
  rankFollowupCaptions,
  type ScoredCaption,
} from './matchContent';
export { matchesPersona, personaScore } from './persona';
export {
  type ComponentScores,
  type ContentPolicy,
  calculateFreshnessScore,
  freshnessAfterDays,
  utcDayOf,
  componentScores,
  compositeScore,
  diversityScore,
  type ScoringWeights,
  scoreCaption,
  typePriorityScore,
} from './scoring';
