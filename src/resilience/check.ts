/**
 * Checking a resilience override: the resilience section of the one policy
 * (`DEFAULT_POLICY.resilience`), decoded by the policy codec.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { resolvePolicy } from '../domain/policy';
import type { ResiliencePolicy } from '../domain/resiliencePolicy';
import type { ResilienceProblem } from './problem';

/**
 * Checks a partial override of the resilience policy (any subset of `timeoutMs`, `retry`,
 * `breaker`, `idempotencyTtlMs`) with the policy codec and returns a fresh merged policy:
 * `Left` with every problem (`resilience.retry.atempts: unknown key`, `resilience.retry.attempts:
 * expected integer in 1..10, got 0`), never a throw, whatever it is given. `undefined` is the
 * default.
 *
 * @example
 * checkResiliencePolicy({ retry: { attempts: 2 } })
 * // Right({ ...defaults, retry: { attempts: 2, baseDelayMs: 1000, ... } })
 *
 * Source: seed 001 "Error Handling"; seed 003 tasks 2.5b, 2.5c; RULINGS intro (one policy).
 *
 * @since 0.2.0
 * @category resilience
 */
export const checkResiliencePolicy = (
  p: unknown,
): E.Either<ReadonlyArray<ResilienceProblem>, ResiliencePolicy> =>
  E.bimap(
    (issues: ReadonlyArray<import('../domain/issues').Issue>) =>
      issues.map((i) => {
        const path = (i.path ?? 'policy.resilience').replace(/^policy\./, '');
        const prefix = `${i.path ?? '(root)'}: `;
        return {
          path,
          message: i.message.startsWith(prefix) ? i.message.slice(prefix.length) : i.message,
        };
      }),
    (policy: import('../domain/policy').SchedulePolicy) => policy.resilience,
  )(resolvePolicy(p === undefined ? {} : { resilience: p }));
