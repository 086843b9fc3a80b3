/**
 * Two consecutive weeks of one creator with the PPV rotation state carried between them through
 * the rotation port (seed 003 task 2.1): week 1 is saved with its state, week 2 reads it and
 * continues the pattern where week 1 left it. The store is a versioned map, as a real adapter
 * keeps a row per creator: a save names the version it read, and a stale one is refused.
 *
 *   npx tsx examples/twoWeeks.ts
 */

import {
  buildSchedule,
  type CreatorRotationState,
  inMemoryPorts,
  type RotationSaveAnswer,
  type SchedulePorts,
} from 'eros-schedule';
import { generateDemoAgency } from 'eros-schedule/demo';
import * as TE from 'fp-ts/lib/TaskEither.js';

const rotationRows = new Map<string, CreatorRotationState>();
const ports: SchedulePorts = {
  ...inMemoryPorts(generateDemoAgency(42)),
  getRotationState: (creatorId) => TE.right(rotationRows.get(creatorId) ?? null),
  saveSchedule: ({ weekStart }) => TE.right({ templateId: `tpl-${weekStart}` }),
  deleteSchedule: () => TE.right(undefined),
  saveRotationState: (state, expectedVersion): TE.TaskEither<never, RotationSaveAnswer> => {
    const stored = rotationRows.get(state.creatorId)?.version ?? null;
    if (stored !== expectedVersion) return TE.right({ status: 'conflict', storedVersion: stored });
    rotationRows.set(state.creatorId, state);
    return TE.right({ status: 'saved' });
  },
};

const short = { solo: 'S', bundle: 'B', winner: 'W', sextape: 'X' } as const;

for (const weekStart of ['2025-01-20', '2025-01-27']) {
  const result = await buildSchedule({
    creatorId: 'creator_04',
    weekStart,
    seed: 7,
    options: { save: true },
  })(ports)();
  if (result._tag === 'Left') {
    console.error(result.left.code, result.left.message);
    process.exitCode = 1;
    break;
  }
  const { validation, rotation, items, save } = result.right;
  const before = rotation.stateBefore;
  console.log(
    `week ${weekStart}: ${validation.status}, save ${save.status}, state read`,
    before === null
      ? 'none'
      : `v${before.version} ${before.pattern.join('-')} (${before.daysOnPattern} days on it)`,
  );
  for (const r of rotation.rotations)
    console.log(`  ${r.date} ${r.method}: ${r.oldPattern.join('-')} -> ${r.newPattern.join('-')}`);
  const days = new Map<string, string[]>();
  for (const i of items)
    if (i.ppvStyle !== null)
      days.set(i.scheduledDate, [...(days.get(i.scheduledDate) ?? []), short[i.ppvStyle]]);
  console.log(`  styles in send order: ${[...days.values()].map((d) => d.join('')).join(' ')}`);
  const after = rotation.stateAfter;
  console.log(
    `  state saved: v${after.version} ${after.pattern.join('-')} from ${after.patternStartDate}`,
  );
}
