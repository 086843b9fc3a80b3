/**
 * The bump-ratio check: the page-type matrix's `validateBumpRatio` (volume module) as a
 * validation check.
 *
 * @module
 */
import type { Issue } from '../domain/issues';
import { validateBumpRatio } from '../volume/pageTypeMatrix';
import { vIssue } from './helpers';
import type { ValidationInput } from './types';

/**
 * The bump-ratio validator as a check: warning `bump_ratio` when `validateBumpRatio` finds the
 * ratio invalid, info `bump_ratio` for an empty schedule. `details` carries the rest of the
 * `BumpRatioResult` (tier, matrix key, counts, actual ratio, expected range, bumps needed).
 *
 * Source: seed 000 task 3.1, gap 3.2; RULINGS "Volume" (page-type matrix).
 *
 * @since 0.1.0
 * @category validation
 */
export const checkBumpRatio = (input: ValidationInput): ReadonlyArray<Issue> => {
  const r = validateBumpRatio(input.items, input.creator, input.policy);
  if (r.message === null) return [];
  const { message, ...details } = r;
  return [vIssue(r.isValid ? 'info' : 'warning', 'bump_ratio', message, details)];
};
