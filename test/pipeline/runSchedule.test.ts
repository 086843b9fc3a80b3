import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { generateDemoAgency } from '../../src/demo';
import { buildSchedule, inMemoryPorts, runSchedule, type SchedulePorts } from '../../src/index';

const ports = inMemoryPorts(generateDemoAgency(42));
const inputs = { creatorId: 'creator_01', weekStart: '2025-01-20', seed: 42 };

describe('runSchedule: a Promise of a plain tagged result', () => {
  it('gives the week buildSchedule gives, as { ok: true, value }', async () => {
    const answer = await runSchedule(inputs, ports);
    const either = await buildSchedule(inputs)(ports)();
    expect(answer.ok).toBe(true);
    expect(E.isRight(either)).toBe(true);
    if (answer.ok && E.isRight(either)) expect(answer.value).toEqual(either.right);
  });

  it('gives { ok: false, error } for an unknown creator, without rejecting', async () => {
    const answer = await runSchedule({ ...inputs, creatorId: 'nobody' }, ports);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('CREATOR_NOT_FOUND');
  });

  it('never rejects when a port throws or the inputs are junk', async () => {
    const throwing: SchedulePorts = {
      ...ports,
      getCreatorProfile: () => {
        throw new Error('boom');
      },
    };
    const a = await runSchedule(inputs, throwing);
    expect(a.ok).toBe(false);
    const b = await runSchedule({ creatorId: 7, weekStart: 'soon' } as never, ports);
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.error.code).toBe('INVALID_INPUT');
  });
});
