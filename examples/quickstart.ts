/**
 * Quickstart: one creator's week. The data sits in memory (`inMemoryPorts`), except the caption
 * bank, which a "database" serves over the network: slow, and failing now and then. The ports are
 * wrapped with `withResilience`, which gives every call a timeout, retries transient failures
 * with backoff, and trips a circuit breaker, on the caller's clock.
 *
 *   npx tsx examples/quickstart.ts
 */
import { setTimeout as delay } from 'node:timers/promises';
import {
  buildSchedule,
  type CaptionQuery,
  inMemoryPorts,
  type SchedulePorts,
  withResilience,
} from 'eros-schedule';
import { generateDemoAgency } from 'eros-schedule/demo';
import * as E from 'fp-ts/lib/Either.js';

const memory = inMemoryPorts(generateDemoAgency(42));

// A caption store behind a network: answers after 5 ms, and the 3rd query fails once with a
// transient error (a dropped connection), as a real database client would report it.
let queries = 0;
const captionDb = (query: CaptionQuery) => async () => {
  queries += 1;
  const n = queries;
  await delay(5);
  if (n === 3) return E.left({ message: 'connection reset by peer', transient: true });
  return memory.getCaptionCandidates(query)();
};

const resilient = withResilience({ ...memory, getCaptionCandidates: captionDb } as SchedulePorts, {
  clock: { now: () => Date.now() },
  // the timer of every timeout is freed (aborted) as soon as its call answers
  sleep: (ms, signal) => delay(ms, undefined, { signal }),
  policy: { retry: { baseDelayMs: 10 } }, // the default backoff is 1 s, 3 s
});
if (E.isLeft(resilient)) throw new Error(resilient.left.map((p) => p.message).join('; '));

const result = await buildSchedule({ creatorId: 'creator_04', weekStart: '2025-01-20', seed: 7 })(
  resilient.right,
)();

if (result._tag === 'Left') {
  console.error(result.left.code, result.left.message);
  process.exitCode = 1;
} else {
  const { validation, summary, items, audit } = result.right;
  console.log(
    validation.status,
    validation.score,
    `${summary.totalItems} items`,
    `${summary.uniqueSendTypes} send types`,
  );
  const first = items.find((i) => i.sendTypeKey === 'ppv_unlock');
  const followup = items.find((i) => i.isFollowUp && i.parentItemId === first?.slotId);
  const { variationMetadata, ...shown } = first ?? {};
  console.log(shown);
  console.log(
    followup?.scheduledTime,
    followup?.sendTypeKey,
    `+${followup?.followupDelayMinutes} min`,
    followup?.targetKey,
  );
  const calls = audit.events.filter((e) => e.type === 'port_call');
  const retried = calls.filter((e) => e.attempts > 1);
  console.log(
    `${calls.length} port calls,`,
    retried.map((e) => `${e.port} took ${e.attempts} attempts`).join(', '),
  );
}
