/**
 * Issues are data: `{ code, severity, phase, path, message, details }`. Every phase collects its
 * issues instead of stopping at the first.
 *
 * @module
 */

/**
 * How serious an issue is. `error` fails a check; `warning` lowers the score; `info` only reports.
 *
 * @since 0.1.0
 * @category issues
 */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Where an issue arose: a pipeline phase or the input boundary.
 *
 * @since 0.1.0
 * @category issues
 */
export type IssuePhase =
  | 'input'
  | 'load'
  | 'volume'
  | 'allocation'
  | 'content'
  | 'targeting'
  | 'timing'
  | 'followups'
  | 'validation';

/**
 * One issue. `code` is stable and machine-readable (`low_confidence`, `spacing_relaxed`, ...);
 * `message` is for people; `details` holds the numbers behind it.
 *
 * @since 0.1.0
 * @category issues
 */
export interface Issue {
  readonly code: string;
  readonly severity: Severity;
  readonly phase: IssuePhase;
  /** Path of the value concerned (`items[3].scheduledTime`, `captions[12].performanceScore`). */
  readonly path: string | null;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * Builds an issue.
 *
 * @since 0.1.0
 * @category issues
 */
export const issue = (
  phase: IssuePhase,
  severity: Severity,
  code: string,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
  path: string | null = null,
): Issue => ({ code, severity, phase, path, message, details });

/**
 * Why `buildSchedule` could not produce a schedule at all. Everything short of these is a
 * warning or error inside the validation report.
 *
 * - `INVALID_INPUT`: the inputs failed to decode; `issues` name each field.
 * - `DECODE_FAILED`: a port returned data that failed to decode; `issues` name each path.
 * - `CREATOR_NOT_FOUND`: the profile port returned nothing (001 Phase 1 "CRITICAL").
 * - `PORT_FAILURE`: a required port failed; `cause` holds what it said.
 *
 * @since 0.1.0
 * @category issues
 */
export interface ScheduleError {
  readonly code: 'INVALID_INPUT' | 'DECODE_FAILED' | 'CREATOR_NOT_FOUND' | 'PORT_FAILURE';
  readonly message: string;
  readonly issues: ReadonlyArray<Issue>;
  readonly cause?: unknown;
}

/**
 * What a port returns when it fails.
 *
 * @since 0.1.0
 * @category ports
 */
export interface PortError {
  readonly port: string;
  readonly message: string;
  readonly cause?: unknown;
  /** Set when the port answered but its data failed to decode: one issue per path. */
  readonly decodeIssues?: ReadonlyArray<Issue>;
}

/**
 * The build error of a port error: `DECODE_FAILED` with the decoding issues (paths named) when
 * the port answered data that does not decode, else `PORT_FAILURE` with one `port_failure` issue.
 *
 * @since 0.1.0
 * @category issues
 */
export const portErrorToScheduleError = (e: PortError, phase: IssuePhase): ScheduleError =>
  e.decodeIssues !== undefined && e.decodeIssues.length > 0
    ? {
        code: 'DECODE_FAILED',
        message: `${e.port} returned data that does not decode: ${e.decodeIssues.map((i) => i.message).join('; ')}`,
        issues: e.decodeIssues,
        cause: e.cause,
      }
    : {
        code: 'PORT_FAILURE',
        message: `${e.port} failed: ${e.message}`,
        issues: [
          issue(phase, 'error', 'port_failure', `${e.port} failed: ${e.message}`, { port: e.port }),
        ],
        cause: e.cause,
      };
