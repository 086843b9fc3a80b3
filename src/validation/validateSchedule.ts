/**
 * Phase 7: run every check and build the validation report.
 *
 * @module
 */
import { ISSUE_CODES, type Issue } from '../domain/issues';
import type { SchedulePolicy } from '../domain/policy';
import type { ValidationReport, ValidationStatus } from '../domain/stages';
import {
  checkCategoryBalance,
  checkConfidenceGate,
  checkManualCaptions,
  checkRevenueMix,
  checkVolumeAccounting,
  checkVolumeContext,
} from './balance';
import { checkBumpRatio } from './bumpRatio';
import { checkCampaignFrequency, checkGameLimits } from './campaigns';
import {
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
import {
  checkChannelTargets,
  checkDiversity,
  checkFollowupRules,
  checkLinkDropParents,
  checkPageTypeExclusions,
  checkRequiredTargets,
  checkStrategies,
} from './rules';
import {
  checkBlockCap,
  checkClockTimeRepeats,
  checkRoundMinutes,
  checkSameStyle,
  checkSpacing,
  checkTypeGaps,
  checkWindow,
} from './timingRules';
import type { NamedCheck, ValidationInput } from './types';
import { ruleOf, weekOf } from './week';
import { checkWeeklyCaps } from './weeklyLimits';

/**
 * Every check `validateSchedule` runs, in report order: the nine of seed 001 §7.2, the RULINGS
 * hard rules, balance and volume checks, and the seed 000 bump ratio.
 *
 * @since 0.1.0
 * @category validation
 */
export const VALIDATION_CHECKS: ReadonlyArray<NamedCheck> = Object.freeze([
  { name: 'requiredFields', run: checkRequiredFields },
  { name: 'slotIds', run: checkSlotIds },
  { name: 'localTimes', run: checkLocalTimes },
  { name: 'captionUniqueness', run: checkCaptionUniqueness },
  { name: 'vaultAvailability', run: checkVaultAvailability },
  { name: 'timingConflicts', run: checkTimingConflicts },
  { name: 'dailyVolume', run: checkDailyVolume },
  { name: 'personaConsistency', run: checkPersonaConsistency },
  { name: 'followupLinkage', run: checkFollowupLinkage },
  { name: 'captionPool', run: checkCaptionPool },
  { name: 'lowConfidence', run: checkLowConfidence },
  { name: 'window', run: checkWindow },
  { name: 'roundMinutes', run: checkRoundMinutes },
  { name: 'spacing', run: checkSpacing },
  { name: 'blockCap', run: checkBlockCap },
  { name: 'typeGaps', run: checkTypeGaps },
  { name: 'clockTimeRepeats', run: checkClockTimeRepeats },
  { name: 'sameStyle', run: checkSameStyle },
  { name: 'weeklyCaps', run: checkWeeklyCaps },
  { name: 'pageTypeExclusions', run: checkPageTypeExclusions },
  { name: 'followupRules', run: checkFollowupRules },
  { name: 'linkDropParents', run: checkLinkDropParents },
  { name: 'diversity', run: checkDiversity },
  { name: 'strategies', run: checkStrategies },
  { name: 'requiredTargets', run: checkRequiredTargets },
  { name: 'channelTargets', run: checkChannelTargets },
  { name: 'categoryBalance', run: checkCategoryBalance },
  { name: 'manualCaptions', run: checkManualCaptions },
  { name: 'volumeAccounting', run: checkVolumeAccounting },
  { name: 'revenueMix', run: checkRevenueMix },
  { name: 'confidenceGate', run: checkConfidenceGate },
  { name: 'volumeContext', run: checkVolumeContext },
  { name: 'bumpRatio', run: checkBumpRatio },
  { name: 'campaignFrequency', run: checkCampaignFrequency },
  { name: 'gameLimits', run: checkGameLimits },
]);

/** What separates the fields of a finding's identity. */
const SEP = '\u241f';

/** Same finding: same code, severity, path and message, whichever phase reported it. */
const identity = (code: string, severity: string, path: string, message: string): string =>
  `${code}${SEP}${severity}${SEP}${path}${SEP}${message}`;

/**
 * The issues without repeated findings (`identity`), the first of each kept. A finding whose
 * fields hold no separator is looked up field by field (its identity has exactly three
 * separators, so it is one of those tuples and no other's); any other by its identity text.
 * Issue 11: no identity text is built for the usual finding.
 */
const dedupe = (issues: ReadonlyArray<Issue>): ReadonlyArray<Issue> => {
  const seen = new Map<string, Map<string, Map<string, Set<string>>>>();
  const seenText = new Set<string>();
  return issues.filter((i) => {
    const code = `${i.code}`;
    const severity = `${i.severity}`;
    const path = `${i.path ?? ''}`;
    const message = `${i.message}`;
    if (
      code.includes(SEP) ||
      severity.includes(SEP) ||
      path.includes(SEP) ||
      message.includes(SEP)
    ) {
      const k = identity(code, severity, path, message);
      if (seenText.has(k)) return false;
      seenText.add(k);
      return true;
    }
    let bySeverity = seen.get(code);
    if (bySeverity === undefined) {
      bySeverity = new Map();
      seen.set(code, bySeverity);
    }
    let byPath = bySeverity.get(severity);
    if (byPath === undefined) {
      byPath = new Map();
      bySeverity.set(severity, byPath);
    }
    let messages = byPath.get(path);
    if (messages === undefined) {
      messages = new Set();
      byPath.set(path, messages);
    }
    if (messages.has(message)) return false;
    messages.add(message);
    return true;
  });
};

/**
 * Score of a report, 0-100: `100 - (the errors' deductions) - min(maxWarningDeduction, the
 * warnings' deductions)`, each issue deducting its `ISSUE_CODES` row's `deduction` (errors 20,
 * warnings 1-3, info 0); clamped and rounded.
 *
 * Source: RULINGS "Validation" (score thresholds); the issue table.
 *
 * @since 0.1.0
 * @category validation
 */
export const validationScore = (
  errors: ReadonlyArray<Issue>,
  warnings: ReadonlyArray<Issue>,
  policy: SchedulePolicy,
): number => {
  const deduction = (xs: ReadonlyArray<Issue>, severity: Issue['severity']) =>
    xs
      .filter((i) => i.severity === severity)
      .reduce((s, i) => s + ISSUE_CODES[i.code].deduction, 0);
  const raw =
    100 -
    deduction(errors, 'error') -
    Math.min(policy.validation.maxWarningDeduction, deduction(warnings, 'warning'));
  return Math.round(Math.min(100, Math.max(0, raw)));
};

/**
 * Status of a report: `failed` with a `confidence_too_low` error; else `passed` (score >=
 * `passScore`, no errors, no warning-severity issues) or `passed_with_warnings`; else
 * `needs_review` when score >= `reviewScore`; else `failed`. An issue whose row caps the status
 * (`manual_captions_excessive`, `caption_pool_critical`) makes a passing week `needs_review`.
 *
 * Source: RULINGS "Validation" (85 / 70 thresholds, manual captions); seed 001 consumption
 * rule 5, §7.2 check 8 (`requires_caption_review`).
 *
 * @since 0.1.0
 * @category validation
 */
export const validationStatus = (
  score: number,
  errors: ReadonlyArray<Issue>,
  warnings: ReadonlyArray<Issue>,
  policy: SchedulePolicy,
): ValidationStatus => {
  const v = policy.validation;
  if (errors.some((e) => e.code === 'confidence_too_low')) return 'failed';
  const capped = [...errors, ...warnings].some(
    (i) => ISSUE_CODES[i.code].capsStatus === 'needs_review',
  );
  if (score >= v.passScore && errors.length === 0 && !capped)
    return warnings.some((w) => w.severity === 'warning') ? 'passed_with_warnings' : 'passed';
  if (score >= v.reviewScore) return 'needs_review';
  return 'failed';
};

/**
 * Validates an assembled week.
 *
 * Runs `VALIDATION_CHECKS`, adds `input.priorIssues` (phases 1-6), removes repeated findings
 * (same code, severity, path and message), and returns:
 * - `errors`: issues of severity `error`; `warnings`: `warning` issues; `notes`: `info` issues (no deduction);
 * - `recommendations`: every `details.recommendation` text, without repeats;
 * - `requiresCaptionReview`: an issue asked for it (`details.requiresCaptionReview`) or an item
 *   waits for a manual caption;
 * - `score` and `status` (see `validationScore`, `validationStatus`);
 * - `passedChecks`: names of the checks that found nothing.
 *
 * Never fails: a broken schedule gives a `failed` report (RULINGS "Validation", nothing lost).
 *
 * Source: seed 001 §7.2, §7.3, phase 7 checkpoint; RULINGS "Validation".
 *
 * @example
 * import { validateSchedule } from 'eros-schedule';
 *
 * // the week of phases 1-7a: `ctx`, `data`, `volume`, `allocation`, `timing`, `withFollowups`, `items`
 * const report = validateSchedule({
 *   creator: ctx.creator,
 *   weekDates: ctx.weekDates,
 *   items,
 *   volume,
 *   vault: data.loaded.vault,
 *   persona: data.loaded.persona,
 *   dailyStrategies: Object.fromEntries(allocation.days.map((d) => [d.date, d.strategy])),
 *   priorIssues: [...allocation.issues, ...timing.issues, ...withFollowups.issues],
 *   policy: ctx.policy,
 *   manualConfidenceOverride: false,
 * });
 * report.status; // 'passed_with_warnings'
 * report.score; // 93
 *
 * @since 0.1.0
 * @category validation
 */
export const validateSchedule = (input: ValidationInput): ValidationReport => {
  // One set of views of the week for every check (issue 11: work once).
  const week = weekOf(input);
  const results = VALIDATION_CHECKS.map((c) => {
    const rule = ruleOf(c.run);
    return { name: c.name, issues: rule === undefined ? c.run(input) : rule(week) };
  });
  const all = dedupe([...input.priorIssues, ...results.flatMap((r) => r.issues)]);
  const errors = all.filter((i) => i.severity === 'error');
  const warnings = all.filter((i) => i.severity === 'warning');
  const notes = all.filter((i) => i.severity === 'info');
  const recommendations = [
    ...new Set(
      all.flatMap((i) =>
        typeof i.details.recommendation === 'string' ? [i.details.recommendation] : [],
      ),
    ),
  ];
  const requiresCaptionReview =
    all.some((i) => i.details.requiresCaptionReview === true) ||
    input.items.some((i) => i.needsCaption);
  const score = validationScore(errors, warnings, input.policy);
  return {
    status: validationStatus(score, errors, warnings, input.policy),
    score,
    errors,
    warnings,
    notes,
    recommendations,
    requiresCaptionReview,
    passedChecks: results.filter((r) => r.issues.length === 0).map((r) => r.name),
  };
};
