/**
 * `--workers` builds each week over the creator's share of the dataset (`creatorShares`) and a
 * caption bank indexed once (`captionBank`), through `creatorPorts` (or `decodedCreatorPorts`
 * for a share of a decoded dataset, as the worker threads do): for every creator, and for a
 * creator the dataset lacks, the week is the one `inMemoryPorts` over the whole dataset gives.
 * Random agencies of two or three hard creator-weeks (dense days, tiny and empty caption pools,
 * new creators, daylight-saving weeks, late parents, ...) merged into one dataset.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { creatorShares } from '../../src/cli/workers';
import type { CaptionRecord, InMemoryDataset, SchedulePorts } from '../../src/index';
import {
  buildSchedule,
  captionBank,
  creatorPorts,
  decodeDataset,
  inMemoryPorts,
} from '../../src/index';
import { decodedCreatorPorts } from '../../src/ports/inMemory';
import { type HardCreatorWeek, hardCreatorWeekArb } from '../support/hardCases';
import { fuzzRuns } from '../support/junk';

/**
 * One dataset of several creator-weeks: their creators, histories and records side by side,
 * and one caption bank (a caption id two weeks share is one caption, whose usage is the first
 * week's plus the later weeks' uses by other creators).
 */
const merge = (weeks: ReadonlyArray<HardCreatorWeek>): InMemoryDataset => {
  const captions = new Map<string, CaptionRecord>();
  const merged: Record<string, unknown> = { creators: [], history: [], captions: [] };
  for (const { dataset } of weeks) {
    for (const c of dataset.captions) {
      const known = captions.get(c.captionId);
      if (known === undefined) captions.set(c.captionId, c);
      else {
        const users = new Set(known.usage.map((u) => u.creatorId));
        captions.set(c.captionId, {
          ...known,
          usage: [...known.usage, ...c.usage.filter((u) => !users.has(u.creatorId))],
        });
      }
    }
    for (const [key, value] of Object.entries(dataset)) {
      if (key === 'captions') continue;
      if (Array.isArray(value)) merged[key] = [...(merged[key] as unknown[]), ...value];
      else merged[key] = { ...(merged[key] as object | undefined), ...(value as object) };
    }
  }
  merged.captions = [...captions.values()];
  return merged as unknown as InMemoryDataset;
};

const agencyArb = fc
  .array(hardCreatorWeekArb, { minLength: 2, maxLength: 3 })
  .filter((ws) => new Set(ws.map((w) => w.creatorId)).size === ws.length);

const weekOf = async (w: HardCreatorWeek, creatorId: string, ports: SchedulePorts) =>
  JSON.stringify(
    await buildSchedule({
      creatorId,
      weekStart: w.weekStart,
      seed: w.seed,
      ...(w.options === undefined ? {} : { options: w.options }),
    })(ports)(),
  );

describe('creatorShares + captionBank + creatorPorts', () => {
  it('each creator of a random agency gets the week inMemoryPorts over the whole dataset gives', async () => {
    let built = 0;
    await fc.assert(
      fc.asyncProperty(agencyArb, async (weeks) => {
        const dataset = merge(weeks);
        const decoded = decodeDataset(dataset);
        expect(E.isRight(decoded)).toBe(true);
        if (E.isLeft(decoded)) return;
        const bank = captionBank(dataset.captions);
        expect(E.isRight(bank)).toBe(true);
        if (E.isLeft(bank)) return;
        const whole = inMemoryPorts(dataset);
        const shareOf = creatorShares(decoded.right);
        const rawShareOf = creatorShares(dataset);
        for (const [w, creatorId] of [
          ...weeks.map((w) => [w, w.creatorId] as const),
          [weeks[0] as HardCreatorWeek, 'nobody_in_the_agency'] as const,
        ]) {
          const expected = await weekOf(w, creatorId, whole);
          if (expected.includes('"_tag":"Right"')) built++;
          expect(await weekOf(w, creatorId, creatorPorts(bank.right, rawShareOf(creatorId)))).toBe(
            expected,
          );
          expect(
            await weekOf(w, creatorId, decodedCreatorPorts(bank.right, shareOf(creatorId))),
          ).toBe(expected);
          // a share copied between threads (structured clone) serves the same week
          expect(
            await weekOf(
              w,
              creatorId,
              decodedCreatorPorts(bank.right, structuredClone(shareOf(creatorId))),
            ),
          ).toBe(expected);
        }
      }),
      fuzzRuns(1105, 12),
    );
    // most of the weeks are built (the others fail the same way over both ports)
    expect(built).toBeGreaterThan(20);
  }, 240_000);

  it("a share holds only its creator: the profile, the history rows and each record's entry", () => {
    const dataset = {
      creators: [{ creatorId: 'a' }, { creatorId: 'b' }],
      history: [
        { creatorId: 'b', n: 1 },
        { creatorId: 'a', n: 2 },
        { creatorId: 'b', n: 3 },
      ],
      captions: [{ captionId: 'x' }],
      vaults: { a: 'va', b: 'vb' },
      personas: { b: 'pb' },
    } as unknown as InMemoryDataset;
    const shareOf = creatorShares(dataset);
    expect(shareOf('b')).toEqual({
      creators: [{ creatorId: 'b' }],
      history: [
        { creatorId: 'b', n: 1 },
        { creatorId: 'b', n: 3 },
      ],
      vaults: { b: 'vb' },
      personas: { b: 'pb' },
    });
    expect(shareOf('a')).toEqual({
      creators: [{ creatorId: 'a' }],
      history: [{ creatorId: 'a', n: 2 }],
      vaults: { a: 'va' },
      personas: {},
    });
    expect(shareOf(42)).toEqual({ creators: [], history: [], vaults: {}, personas: {} });
    expect(shareOf('__proto__')).toEqual({ creators: [], history: [], vaults: {}, personas: {} });
  });
});

describe('captionBank and creatorPorts on bad input', () => {
  it('a caption bank that does not decode is Left naming the path; junk options are Left', () => {
    const bad = captionBank([{ captionId: 'x', performanceScore: 'n/a' }]);
    expect(E.isLeft(bad) && bad.left.some((i) => i.path?.startsWith('dataset.captions[0]'))).toBe(
      true,
    );
    expect(E.isLeft(captionBank('junk'))).toBe(true);
    expect(E.isLeft(captionBank([], null as never))).toBe(true);
    expect(E.isLeft(captionBank([], { usableCountCap: -1 }))).toBe(true);
    const ok = captionBank([]);
    expect(E.isRight(ok) && ok.right.size).toBe(0);
  });

  it('a forged bank or data that does not decode give ports whose reads fail with the issues', async () => {
    const ok = captionBank([]);
    if (E.isLeft(ok)) throw new Error('no bank');
    const forged = creatorPorts({ _tag: 'CaptionBank', size: 0 }, { creators: [], history: [] });
    const r1 = await forged.getCreatorProfile('a')();
    expect(E.isLeft(r1) && JSON.stringify(r1.left)).toContain('bank');
    const junk = creatorPorts(ok.right, { creators: 5 } as never);
    const r2 = await junk.getMassMessageHistory(
      'a',
      '2025-01-01T00:00:00Z',
      '2025-02-01T00:00:00Z',
    )();
    expect(E.isLeft(r2) && JSON.stringify(r2.left)).toContain('dataset.creators');
    for (const data of [
      null,
      7,
      'x',
      [],
      new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error('no');
          },
        },
      ),
    ]) {
      const ports = creatorPorts(ok.right, data as never);
      expect(E.isLeft(await ports.getCreatorProfile('a')())).toBe(true);
    }
  });
});
