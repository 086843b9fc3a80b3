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
  /** The creator the week is for (page type, fan count, time zone...). */
  readonly creator: CreatorProfile;
  /** The week's local dates `YYYY-MM-DD`, in order. */
  readonly weekDates: ReadonlyArray<string>;
  /** The assembled week: allocated items and follow-ups. */
  readonly items: ReadonlyArray<ScheduleItem>;
  /** The volume the week was built for (phase 1), with its confidence. */
  readonly volume: VolumeResult;
  /** The creator's vault, `null` when none was loaded (the vault check is then skipped). */
  readonly vault: Vault | null;
  /** The creator's persona, `null` when none was loaded (the persona check is then skipped). */
  readonly persona: Persona | null;
  /** The day's allocation strategy per local date `YYYY-MM-DD`. */
  readonly dailyStrategies: Readonly<Record<string, string>>;
  /** Issues of phases 1-6: their warnings count toward the score and appear in the report. */
  readonly priorIssues: ReadonlyArray<Issue>;
  /** The resolved policy the checks read. */
  readonly policy: SchedulePolicy;
  /** Accept a volume confidence below `failBelowConfidence`. */
  readonly manualConfidenceOverride: boolean;
  /** The caller let follow-ups cross midnight (RULINGS "Follow-ups" late parents); default `false`. */
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
  /** The check's name, listed in `passedChecks` when it finds nothing. */
  readonly name: string;
  /** The rule itself. */
  readonly run: Check;
}
