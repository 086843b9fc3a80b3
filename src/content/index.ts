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
  componentScores,
  compositeScore,
  diversityScore,
  freshnessAfterDays,
  type ScoringWeights,
  scoreCaption,
  typePriorityScore,
  utcDayOf,
} from './scoring';
