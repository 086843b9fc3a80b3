/**
 * The optional `getCampaignHistory` port (seed 000 task 3.2; RULINGS "port faults"): read at
 * load and decoded with `CampaignRecordC`. A port that rejects, throws (when called or when its
 * task runs), answers a `Left`, something that is not an `Either` or not a task, answers records
 * that do not decode, or is not a function: the week is still built, with one `port_failed`
 * warning naming the port, and its campaigns are those of the fallback - the mass-message
 * history only - i.e. the week of a build without the port. A working port moves the cadence.
 */
import * as TE from 'fp-ts/lib/TaskEither.js';
import { describe, expect, it } from 'vitest';
import { type CampaignRecord, inMemoryPorts, type SchedulePorts } from '../../src/index';
import { workingWrites } from '../support/faultyPorts';
import { leanDataset, richCreator, rightOf, runBuild, WEEK } from '../support/trustData';
import { dayDiff } from './seedRules';
import { campaignsOf } from './weeks';

const PORTS: SchedulePorts = { ...inMemoryPorts(leanDataset()), ...workingWrites() };
const INPUTS = { creatorId: richCreator.creatorId, weekStart: WEEK, seed: 8 };
const PORT = 'getCampaignHistory';

const FAULTS: ReadonlyArray<{
  readonly how: string;
  readonly port: unknown;
  readonly kind: string;
}> = [
  { how: 'rejects', port: () => () => Promise.reject(new Error('db down')), kind: 'rejected' },
  {
    how: 'throws when called',
    port: () => {
      throw new Error('driver not loaded');
    },
    kind: 'threw',
  },
  {
    how: 'throws when its task runs',
    port: () => () => {
      throw new TypeError('rows of undefined');
    },
    kind: 'threw',
  },
  {
    how: 'answers a Left',
    port: () => TE.left({ message: 'timeout', transient: true }),
    kind: 'left',
  },
  { how: 'answers 42 (junk)', port: () => TE.right(42), kind: 'decode' },
  { how: 'answers a string', port: () => TE.right('garbage'), kind: 'decode' },
  {
    how: 'answers objects of no record shape',
    port: () => TE.right([{ bogus: true }]),
    kind: 'decode',
  },
  {
    how: 'answers a record of an unknown campaign type and a bad instant',
    port: () =>
      TE.right([
        { campaignType: 'flash_sale', sentAt: 'yesterday', gameType: null, earnings: null },
      ]),
    kind: 'decode',
  },
  {
    how: 'answers negative earnings',
    port: () =>
      TE.right([
        {
          campaignType: 'spin_the_wheel_game',
          sentAt: '2025-01-15T20:00:00.000Z',
          gameType: 'spin_the_wheel',
          earnings: -5,
        },
      ]),
    kind: 'decode',
  },
];

const OTHER_FAULTS: ReadonlyArray<{ readonly how: string; readonly port: unknown }> = [
  { how: 'answers something that is not an Either', port: () => () => Promise.resolve(42) },
  { how: 'returns no task', port: () => 42 },
  { how: 'is not a function', port: 42 },
];

describe('getCampaignHistory faults: the week is built on the history fallback, port_failed', () => {
  const plainWeek = async () => rightOf(await runBuild(INPUTS, PORTS));

  const checkFallback = async (port: unknown) => {
    const plain = await plainWeek();
    const week = rightOf(await runBuild(INPUTS, { ...PORTS, [PORT]: port }));
    const failed = week.summary.adjustments.filter((i) => i.code === 'port_failed');
    expect(failed.map((i) => [i.path, i.severity, i.details.port])).toEqual([
      [PORT, 'warning', PORT],
    ]);
    expect(String(failed[0]?.details.fallback)).toMatch(/history/);
    expect(week.validation.warnings.some((i) => i.code === 'port_failed' && i.path === PORT)).toBe(
      true,
    );
    expect(
      week.audit.events.some(
        (e) =>
          e.type === 'port_call' &&
          e.port === PORT &&
          e.outcome !== 'ok' &&
          e.fallbackUsed !== null,
      ),
    ).toBe(true);
    // the fallback's week: the campaigns (and every item) of a build without the port
    expect(week.items).toEqual(plain.items);
    expect(campaignsOf(week).length).toBeGreaterThanOrEqual(4);
    return failed[0];
  };

  for (const f of FAULTS)
    it(`a port that ${f.how}: port_failed (${f.kind})`, async () => {
      const failed = await checkFallback(f.port);
      expect(failed?.details.kind).toBe(f.kind);
    });

  for (const f of OTHER_FAULTS)
    it(`a port that ${f.how}: port_failed`, async () => {
      await checkFallback(f.port);
    });

  it('a port whose property getter throws: port_failed, the week', async () => {
    const ports = Object.defineProperty({ ...PORTS }, PORT, {
      enumerable: true,
      get() {
        throw new Error('the port property cannot be read');
      },
    });
    const week = rightOf(await runBuild(INPUTS, ports));
    expect(
      week.summary.adjustments.filter((i) => i.code === 'port_failed').map((i) => i.path),
    ).toEqual([PORT]);
  });
});

describe('getCampaignHistory answers', () => {
  it('null or [] are "none sent": the week of a build without the port, no warning', async () => {
    const plain = rightOf(await runBuild(INPUTS, PORTS));
    for (const answer of [null, []]) {
      const week = rightOf(await runBuild(INPUTS, { ...PORTS, [PORT]: () => TE.right(answer) }));
      expect(week.summary.adjustments.filter((i) => i.code === 'port_failed')).toEqual([]);
      expect(week.items).toEqual(plain.items);
    }
  });

  it('is asked for the history window ending at the week start, and moves the cadence', async () => {
    const calls: Array<readonly [string, string, string]> = [];
    // spin the wheel 3 days before the week (local 2025-01-17 evening in New York)
    const sent: CampaignRecord[] = [
      {
        campaignType: 'spin_the_wheel_game',
        sentAt: '2025-01-18T01:07:00.000Z',
        gameType: 'spin_the_wheel',
        earnings: 4100,
      },
    ];
    const week = rightOf(
      await runBuild(INPUTS, {
        ...PORTS,
        [PORT]: (creatorId: string, from: string, to: string) => {
          calls.push([creatorId, from, to]);
          return TE.right(sent);
        },
      }),
    );
    expect(calls).toHaveLength(1);
    const [creatorId, from, to] = calls[0] as readonly [string, string, string];
    expect(creatorId).toBe(richCreator.creatorId);
    // the week starts at local midnight of 2025-01-20 in New York (05:00 UTC)
    expect(to).toBe('2025-01-20T05:00:00.000Z');
    expect(Date.parse(from)).toBeLessThan(Date.parse(to));
    const spins = campaignsOf(week).filter((c) => c.campaignType === 'spin_the_wheel_game');
    expect(spins.map((c) => dayDiff('2025-01-17', c.scheduledDate))).toEqual([7]);
    expect(week.summary.adjustments.filter((i) => i.code === 'port_failed')).toEqual([]);
  });
});
