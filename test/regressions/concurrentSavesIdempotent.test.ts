/**
 * Issue 6 Deliver 3 (idempotency guard, seed 003 task 2.5b; ISSUE-NOTES "Idempotency"): the same
 * save twice stores once and answers the first template id - 100 concurrent saves included.
 *
 * 100 `buildSchedule` calls with `options.save` and the same inputs, started together under
 * `Promise.all`, over ports with a counting `saveSchedule` and an `inMemoryIdempotencyStore` on a
 * fake clock: `saveSchedule` runs exactly once, all 100 results carry the same template id, one
 * is `saved` and 99 are `duplicate`. A different build (another seed, another policy, other port
 * data) is another save.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { inMemoryIdempotencyStore, inMemoryPorts, type SchedulePorts } from '../../src/index';
import { fakeTime } from '../support/fakeTime';
import { newCreator, newCreatorDataset, rightOf, runBuild, WEEK } from '../support/trustData';

const CREATOR = newCreator({ pageType: 'free' });
const READS = inMemoryPorts(newCreatorDataset(CREATOR));

const countingPorts = () => {
  const ft = fakeTime();
  const saved: string[] = [];
  const ports: SchedulePorts = {
    ...READS,
    saveSchedule: () => async () => {
      const templateId = `tpl-${saved.length + 1}`;
      saved.push(templateId);
      return E.right({ templateId });
    },
    idempotencyStore: inMemoryIdempotencyStore({ clock: ft.clock }),
  };
  return { ports, saved };
};

const inputs = (seed: number) => ({
  creatorId: CREATOR.creatorId,
  weekStart: WEEK,
  seed,
  options: { save: true },
});

describe('idempotent saves under Promise.all', () => {
  it('100 concurrent saves of the same build store once and answer the first template id', async () => {
    const { ports, saved } = countingPorts();
    const results = (
      await Promise.all(Array.from({ length: 100 }, () => runBuild(inputs(9), ports)))
    ).map(rightOf);
    expect(saved).toEqual(['tpl-1']);
    expect(new Set(results.map((r) => r.templateId))).toEqual(new Set(['tpl-1']));
    expect(results.filter((r) => r.save.status === 'saved')).toHaveLength(1);
    expect(results.filter((r) => r.save.status === 'duplicate')).toHaveLength(99);
    expect(new Set(results.map((r) => r.save.operationKey)).size).toBe(1);
    expect(results[0]?.save.operationKey).not.toBeNull();
    // Every caller gets the same week.
    for (const r of results) expect(r.items).toEqual(results[0]?.items);
    // A duplicate is reported (info), never an error.
    for (const r of results.filter((x) => x.save.status === 'duplicate')) {
      expect(r.summary.adjustments.some((i) => i.code === 'save_duplicate')).toBe(true);
      expect(r.validation.errors).toEqual([]);
    }
  });

  it('a different build (another seed) is another save; the same one again is still a duplicate', async () => {
    const { ports, saved } = countingPorts();
    const first = rightOf(await runBuild(inputs(9), ports));
    const other = rightOf(await runBuild(inputs(10), ports));
    const again = rightOf(await runBuild(inputs(9), ports));
    expect(saved).toEqual(['tpl-1', 'tpl-2']);
    expect([first.save.status, other.save.status, again.save.status]).toEqual([
      'saved',
      'saved',
      'duplicate',
    ]);
    expect([first.templateId, other.templateId, again.templateId]).toEqual([
      'tpl-1',
      'tpl-2',
      'tpl-1',
    ]);
  });

  it('the key covers the policy and the data: another override or another answer of a port is another save', async () => {
    const { ports, saved } = countingPorts();
    await runBuild(inputs(9), ports);
    const overridden = rightOf(
      await runBuild({ ...inputs(9), policy: { followups: { maxPerDay: 3 } } }, ports),
    );
    const moreData = rightOf(
      await runBuild(inputs(9), {
        ...ports,
        ...inMemoryPorts(newCreatorDataset(CREATOR, 13)),
        saveSchedule: ports.saveSchedule,
        idempotencyStore: ports.idempotencyStore,
      }),
    );
    expect(saved).toEqual(['tpl-1', 'tpl-2', 'tpl-3']);
    expect([overridden.save.status, moreData.save.status]).toEqual(['saved', 'saved']);
  });
});
