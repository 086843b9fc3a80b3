/**
 * Quickstart: one creator's week from plain data through the in-memory ports.
 *
 *   npx tsx examples/quickstart.ts
 */
import { buildSchedule, inMemoryPorts } from '../src/index';
import { generateDemoAgency } from './demo-agency/generate';

const ports = inMemoryPorts(generateDemoAgency(42)); // or your own InMemoryDataset / SchedulePorts
const result = await buildSchedule({ creatorId: 'creator_04', weekStart: '2025-01-20', seed: 7 })(
  ports,
)();

if (result._tag === 'Left') {
  console.error(result.left.code, result.left.message);
  process.exitCode = 1;
} else {
  const { validation, summary, items } = result.right;
  console.log(
    validation.status,
    validation.score,
    `${summary.totalItems} items`,
    `${summary.uniqueSendTypes} send types`,
  );
  const first = items.find((i) => i.sendTypeKey === 'ppv_unlock');
  const followup = items.find((i) => i.parentItemId === first?.slotId);
  const { variationMetadata, ...shown } = first ?? {};
  console.log(shown);
  console.log(
    followup?.scheduledTime,
    followup?.sendTypeKey,
    `+${followup?.followupDelayMinutes} min`,
    followup?.targetKey,
  );
}
