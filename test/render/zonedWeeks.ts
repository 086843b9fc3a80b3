/**
 * Real weeks for the renderer tests: demo-agency builds for several creators, seeds and zones
 * (cached per module, each build about 0.2 s).
 */
import { generateDemoAgency } from '../../src/demo';
import {
  buildSchedule,
  type InMemoryDataset,
  inMemoryPorts,
  type ScheduleResult,
} from '../../src/index';

const datasets = new Map<string, InMemoryDataset>();

const datasetOf = (seed: number, asOf: string): InMemoryDataset => {
  const key = `${seed}|${asOf}`;
  let d = datasets.get(key);
  if (d === undefined) {
    d = generateDemoAgency(seed, { asOf, creators: 12, captions: 1200 });
    datasets.set(key, d);
  }
  return d;
};

/**
 * One demo week: `creatorId` of the demo agency of `seed`, built from `weekStart`, optionally
 * moved to another time zone (the zone changes where the local times fall, nothing else).
 */
export const demoWeek = async (
  creatorId: string,
  weekStart: string,
  seed: number,
  timezone?: string,
): Promise<ScheduleResult> => {
  const base = datasetOf(seed, weekStart);
  const dataset =
    timezone === undefined
      ? base
      : {
          ...base,
          creators: base.creators.map((c) => (c.creatorId === creatorId ? { ...c, timezone } : c)),
        };
  const r = await buildSchedule({ creatorId, weekStart, seed })(inMemoryPorts(dataset))();
  if (r._tag === 'Left')
    throw new Error(`demo week ${creatorId} ${weekStart}: ${JSON.stringify(r.left).slice(0, 400)}`);
  return r.right;
};

/** Several real weeks: four creators (paid and free pages, several zones) under two seeds. */
export const demoWeeks = async (): Promise<ReadonlyArray<ScheduleResult>> => {
  const out: ScheduleResult[] = [];
  for (const [creatorId, seed, weekStart] of [
    ['creator_01', 1, '2025-01-20'],
    ['creator_02', 1, '2025-01-20'],
    ['creator_05', 2, '2025-03-03'],
    ['creator_06', 2, '2025-03-03'],
    ['creator_08', 3, '2025-10-27'],
    ['creator_11', 3, '2025-10-27'],
  ] as const)
    out.push(await demoWeek(creatorId, weekStart, seed));
  return out;
};
