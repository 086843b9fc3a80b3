/**
 * Campaigns and games: the cadence planner, the game choice and the frequency validator.
 *
 * Source: seed 000 tasks 3.2 and 3.6; RULINGS "Campaigns and games".
 *
 * @module
 */
export {
  CAMPAIGN_RATIONALES,
  type CampaignFrequencyItem,
  type CampaignFrequencyOptions,
  type CampaignFrequencyRecommendation,
  type CampaignFrequencyResult,
  type CampaignFrequencyWarning,
  campaignGapFinding,
  gameLimitIssues,
  validateCampaignFrequency,
} from './frequency';
export {
  type CampaignPlan,
  type CampaignPlanInput,
  campaignTypeOfGame,
  chooseGameTypes,
  type DatedCampaign,
  type GameChoice,
  type PlannedCampaign,
  planCampaigns,
  sentCampaigns,
} from './plan';
