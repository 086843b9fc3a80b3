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
 * The collector of one build. `record` appends an event and hands it to the logger (a logger
 * that throws is ignored).
 *
 * @internal
 */
export interface Trace {
  readonly record: (event: AuditEvent) => void;
  readonly events: () => ReadonlyArray<AuditEvent>;
}

/**
 * A fresh trace forwarding to `logger` when given.
 *
 * @internal
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
