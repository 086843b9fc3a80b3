/**
 * Validation input and check types. Source: seed 001 §7.
 *
 * @module
 */

import type { DatedCampaign } from '../campaigns/plan';
import type { Issue } from '../domain/issues';
import type { SchedulePolicy } from '../domain/policy';
import type { CreatorProfile, Persona, ScheduleItem, Vault } from '../domain/types';
import type { VolumeResult } from '../volume/types';

/**
 * Everything phase 7 validates.
 *
 * - `items`: the assembled week (allocated items and follow-ups).
 * - `vault`: `null` when no vault was loaded; the vault check is then skipped.
 * - `persona`: `null` when none was loaded; the persona check is then skipped.
 * - `dailyStrategies`: strategy per local date (`YYYY-MM-DD`).
 * - `priorIssues`: issues reported by phases 1-6; their warnings count toward the score and
 *   appear in the report.
 * - `manualConfidenceOverride`: accept a volume confidence below `failBelowConfidence`.
 * - `allowNextDayFollowups`: the caller let follow-ups cross midnight (RULINGS "Follow-ups"
 *   late parents); default `false`.
 *
 * @since 0.1.0
 * @category validation
 */
export interface ValidationInput {
  readonly creator: CreatorProfile;
  readonly weekDates: ReadonlyArray<string>;
  readonly items: ReadonlyArray<ScheduleItem>;
  readonly volume: VolumeResult;
  readonly vault: Vault | null;
  readonly persona: Persona | null;
  readonly dailyStrategies: Readonly<Record<string, string>>;
  readonly priorIssues: ReadonlyArray<Issue>;
  readonly policy: SchedulePolicy;
  readonly manualConfidenceOverride: boolean;
  readonly allowNextDayFollowups?: boolean;
  /**
   * Campaigns already sent before the week, on local dates (`sentCampaigns`): the campaign
   * frequency check looks back over them (000 task 3.2 `lookback_days`); default none.
   */
  readonly campaignHistory?: ReadonlyArray<DatedCampaign>;
}

/**
 * One validation rule: a pure function from the input to the issues it finds (empty = passed).
 *
 * @since 0.1.0
 * @category validation
 */
export type Check = (input: ValidationInput) => ReadonlyArray<Issue>;

/**
 * A named check, as `validateSchedule` runs it; `name` appears in `passedChecks`.
 *
 * @since 0.1.0
 * @category validation
 */
export interface NamedCheck {
  readonly name: string;
  readonly run: Check;
}
