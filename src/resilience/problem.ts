/**
 * Problems with what a caller passed (a policy override, a stored record, the options of
 * `withResilience`): a path and a message, every problem collected.
 *
 * @module
 */
import type { Issue } from '../domain/issues';

/**
 * One problem: the path of the value concerned (`resilience.retry.attempts`,
 * `options.breakers[0].state`) and what is wrong with it (`unknown key`, `expected an integer in
 * 1..10, got 0`). Rendered for people as `<path>: <message>`.
 *
 * Source: STYLE (zod's issue model: every problem collected, named by its path).
 *
 * @since 0.2.0
 * @category resilience
 */
export interface ResilienceProblem {
  /** Path of the value concerned (`resilience.retry.attempts`), `(root)` for the value itself. */
  readonly path: string;
  /** What is wrong with it (`unknown key`, `expected an integer in 1..10, got 0`). */
  readonly message: string;
}

/**
 * The problems of decoding issues (`decodeWith`): the issue's path (`(root)` for the value
 * itself) and `expected <codec>, got <value>`.
 *
 * Source: STYLE (io-ts codecs at the boundary, errors name the path).
 *
 * @since 0.2.0
 * @category resilience
 */
export const problemsOfIssues = (issues: ReadonlyArray<Issue>): ReadonlyArray<ResilienceProblem> =>
  issues.map((i) => ({
    path: i.path ?? '(root)',
    message: `expected ${String(i.details.expected)}, got ${String(i.details.received)}`,
  }));
