/**
 * The audit trail of one build: phases, port calls (port, attempts, outcome, fallback used),
 * recoveries, degradations and checkpoint decisions, in the order they happened. A trace is
 * created and filled inside one `buildSchedule` run and leaves it as an immutable array; an
 * optional logger port receives every event as it happens.
 *
 * Source: seed 001 "Logging and Observability" (audit trail requirements, structured events).
 *
 * @module
 */
import type { AuditEvent } from '../domain/audit';

/**
 * The audit collector of one build, which the phase functions (`loadCreatorData`,
 * `matchContent`) record their port calls, recoveries and decisions into. `buildSchedule` makes
 * one per run; a caller running a phase alone makes one with `newTrace`.
 *
 * Source: seed 001 "Logging and Observability".
 *
 * @since 0.3.0
 * @category ports
 */
export interface Trace {
  /** Appends an event and hands it to the logger (a logger that throws is ignored). */
  readonly record: (event: AuditEvent) => void;
  /** A copy of the events recorded so far, in order. */
  readonly events: () => ReadonlyArray<AuditEvent>;
}

/**
 * A fresh, empty trace forwarding every event to `logger` when given (its answer and failures,
 * a rejected promise included, are ignored).
 *
 * @example
 * import { newTrace } from 'eros-schedule';
 *
 * const trace = newTrace(undefined);
 * trace.events(); // []
 *
 * Source: seed 001 "Logging and Observability".
 *
 * @since 0.3.0
 * @category ports
 */
export const newTrace = (logger: ((event: AuditEvent) => unknown) | undefined): Trace => {
  const events: AuditEvent[] = [];
  return {
    record: (event) => {
      events.push(event);
      if (logger !== undefined)
        try {
          const r = logger(event);
          // A logger answering a promise that rejects must not become an unhandled rejection.
          if (
            typeof r === 'object' &&
            r !== null &&
            typeof (r as Promise<unknown>).then === 'function'
          )
            (r as Promise<unknown>).then(undefined, () => undefined);
        } catch {
          // the logger is the caller's; its failure never stops a build
        }
    },
    events: () => [...events],
  };
};
