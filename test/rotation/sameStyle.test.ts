/**
 * Seed 003 task 2.2 (and quality gate 6: empty and single-item days): never two winner or two
 * bundle PPVs in a row in a day, the bundle send types count as bundle, and same styles of the
 * pattern PPVs split across AM (before 12:00) and PM. Own literals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimedSlot } from '../../src/domain/stages';
import {
  issue,
  type PpvStyle,
  patternRoom,
  reattributeTimeIssues,
  repairSameStyle,
  type SendTypeKey,
  type StyledSend,
  sameStyleSeparable,
  sameStyleViolations,
} from '../../src/index';

const send = (
  slotId: string,
  time: string,
  ppvStyle: PpvStyle | null,
  sendTypeKey: SendTypeKey = 'ppv_unlock',
): StyledSend => ({
  slotId,
  scheduledDate: '2025-01-20',
  scheduledTime: `${time}:00`,
  scheduledAt: `2025-01-20T${time}:00.000Z`,
  sendTypeKey,
  ppvStyle,
  isFollowUp: false,
});

describe('sameStyleViolations', () => {
  it('passes empty and single-item days', () => {
    expect(sameStyleViolations([])).toEqual([]);
    expect(sameStyleViolations([send('a', '14:07', 'winner')])).toEqual([]);
  });

  it('catches winner/winner and bundle/bundle back to back, not solo/solo', () => {
    expect(
      sameStyleViolations([send('a', '09:07', 'winner'), send('b', '15:22', 'winner')]).map(
        (v) => v.kind,
      ),
    ).toEqual(['back_to_back']);
    expect(sameStyleViolations([send('a', '09:07', 'solo'), send('b', '15:22', 'solo')])).toEqual(
      [],
    );
    expect(
      sameStyleViolations([send('a', '09:07', 'sextape'), send('b', '15:22', 'sextape')]),
    ).toEqual([]);
  });

  it('counts the bundle send types as bundle for back to back', () => {
    const v = sameStyleViolations([
      send('a', '09:07', 'bundle', 'flash_bundle'),
      send('b', '15:22', 'bundle', 'ppv_unlock'),
    ]);
    expect(v).toEqual([
      { kind: 'back_to_back', date: '2025-01-20', ppvStyle: 'bundle', slotIds: ['a', 'b'] },
    ]);
  });

  it('a PPV of another style in between separates them; a non-PPV does not', () => {
    expect(
      sameStyleViolations([
        send('a', '09:07', 'winner'),
        send('x', '10:07', 'solo'),
        send('b', '15:22', 'winner'),
      ]),
    ).toEqual([]);
    expect(
      sameStyleViolations([
        send('a', '09:07', 'winner'),
        send('x', '10:07', null, 'bump_normal'),
        send('b', '15:22', 'winner'),
      ]).map((v) => v.kind),
    ).toEqual(['back_to_back']);
  });

  it('requires the AM/PM split for two pattern PPVs of a restricted style (12:00 is PM)', () => {
    const am = [
      send('a', '08:07', 'winner'),
      send('x', '09:07', 'solo'),
      send('b', '11:58', 'winner'),
    ];
    expect(sameStyleViolations(am)).toEqual([
      {
        kind: 'same_period',
        date: '2025-01-20',
        ppvStyle: 'winner',
        period: 'AM',
        slotIds: ['a', 'b'],
      },
    ]);
    const split = [
      send('a', '11:58', 'winner'),
      send('x', '12:00', 'solo'),
      send('b', '12:07', 'winner'),
    ];
    expect(sameStyleViolations(split)).toEqual([]);
  });

  it('the bundle send types take no part in the AM/PM split', () => {
    const day = [
      send('a', '08:07', 'bundle', 'bundle'),
      send('x', '09:07', 'solo'),
      send('b', '10:07', 'bundle', 'snapchat_bundle'),
    ];
    expect(sameStyleViolations(day)).toEqual([]);
  });

  it('ignores follow-ups and days apart', () => {
    const f = { ...send('f', '09:30', 'winner'), isFollowUp: true };
    const other = {
      ...send('b', '15:22', 'winner'),
      scheduledDate: '2025-01-21',
      scheduledAt: '2025-01-21T15:22:00.000Z',
    };
    expect(sameStyleViolations([send('a', '09:07', 'winner'), f, other])).toEqual([]);
  });

  it('finds every adjacent restricted pair of any day (property, own oracle)', () => {
    const styles: ReadonlyArray<PpvStyle> = ['solo', 'bundle', 'winner', 'sextape'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...styles), { maxLength: 12 }), (seq) => {
        const day = seq.map((s, i) =>
          send(`s${i}`, `${String(8 + i).padStart(2, '0')}:07`, s, 'bundle'),
        );
        const expected = seq
          .slice(1)
          .filter((s, i) => s === seq[i] && (s === 'winner' || s === 'bundle')).length;
        expect(sameStyleViolations(day).filter((v) => v.kind === 'back_to_back')).toHaveLength(
          expected,
        );
      }),
      { seed: 20_250_120, numRuns: 300 },
    );
  });
});

describe('sameStyleSeparable', () => {
  it('allows one bundle alone and at most half of the styled sends beyond that', () => {
    const p: ReadonlyArray<PpvStyle> = ['solo', 'bundle', 'winner', 'sextape'];
    expect(sameStyleSeparable(0, 1, p)).toBe(true);
    expect(sameStyleSeparable(1, 1, p)).toBe(true);
    expect(sameStyleSeparable(1, 2, p)).toBe(false);
    expect(sameStyleSeparable(2, 1, p)).toBe(false); // solo, bundle + 1 bundle send: 2 of 3
    expect(sameStyleSeparable(3, 1, p)).toBe(true); // 2 of 4
  });
});

describe('patternRoom (AM/PM room of the pattern positions)', () => {
  const p: ReadonlyArray<PpvStyle> = ['solo', 'bundle', 'winner', 'sextape'];
  it('allows each restricted style twice at most, and only one of them twice', () => {
    expect(patternRoom(4, p)).toBe(true);
    expect(patternRoom(5, p)).toBe(true); // solo twice
    expect(patternRoom(6, p)).toBe(true); // solo, bundle twice
    expect(patternRoom(7, p)).toBe(false); // bundle and winner twice
    expect(patternRoom(6, ['bundle', 'winner', 'solo', 'sextape'])).toBe(false);
  });
  it('sameStyleSeparable keeps `slack` sends beyond the least an order needs', () => {
    // 2 bundles of 4 styled: an order exists (2 x 2 <= 4 + 1); slack 2 refuses it
    const p4: ReadonlyArray<PpvStyle> = ['solo', 'bundle', 'winner', 'sextape'];
    // solo, bundle, winner + 1 bundle send: 2 bundles of 4 (an order: B S B W)
    expect(sameStyleSeparable(3, 1, p4, undefined, 0)).toBe(true); // 4 <= 5
    expect(sameStyleSeparable(3, 1, p4, undefined, 1)).toBe(true); // 4 <= 4
    expect(sameStyleSeparable(3, 1, p4, undefined, 2)).toBe(false); // 4 > 3
  });
});

/** A timed send with the fields the repair reads (the rest of a real slot does not matter here). */
const timed = (
  slotId: string,
  minute: number,
  ppvStyle: PpvStyle | null,
  sendTypeKey: SendTypeKey = 'ppv_unlock',
  channelKey: TimedSlot['channelKey'] = 'mass_message',
): TimedSlot => {
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  const epochMinute = Date.parse('2025-01-20T00:00:00Z') / 60_000 + minute;
  return {
    slotId,
    date: '2025-01-20',
    scheduledDate: '2025-01-20',
    movedFromDate: null,
    minuteOfDay: minute,
    scheduledTime: `${hh}:${mm}:00`,
    scheduledAt: `2025-01-20T${hh}:${mm}:00.000Z`,
    epochMinute,
    expiresAt: null,
    sendTypeKey,
    channelKey,
    ppvStyle,
    isFollowUp: false,
    parentItemId: null,
    followupDelayMinutes: null,
    variationMetadata: { dailyStrategy: 'balanced_standard' },
  } as unknown as TimedSlot;
};

describe('repairSameStyle', () => {
  it('swaps the styles of pattern PPVs when no order of the times fixes the day (style_swap)', () => {
    // 09:07 W message, 11:22 W wall post, 14:37 S message: the wall post has no other time of
    // its family, and either order of the messages leaves two winners in a row
    const day = [
      timed('a', 9 * 60 + 7, 'winner'),
      timed('b', 11 * 60 + 22, 'winner', 'ppv_wall', 'wall_post'),
      timed('c', 14 * 60 + 37, 'solo'),
    ];
    const r = repairSameStyle(day);
    expect(sameStyleViolations(r.slots)).toEqual([]);
    // no send moved; the day kept its styles: W S W
    expect(r.slots.map((s) => [s.slotId, s.minuteOfDay])).toEqual(
      day.map((s) => [s.slotId, s.minuteOfDay]),
    );
    expect(r.slots.map((s) => s.ppvStyle)).toEqual(['winner', 'solo', 'winner']);
    expect(r.issues.map((i) => [i.code, i.details.strategy, i.details.slotIds])).toEqual([
      ['same_style_repaired', 'style_swap', ['b', 'c']],
    ]);
  });

  it('leaves a day that keeps the rule alone, and reports what it cannot fix', () => {
    const ok = [timed('a', 9 * 60 + 7, 'winner'), timed('b', 14 * 60 + 37, 'winner')];
    expect(repairSameStyle(ok)).toEqual({ slots: ok, issues: [] });
    // two bundle sends and nothing between them: no style to swap, no time to swap with
    const stuck = [
      timed('a', 9 * 60 + 7, 'bundle', 'bundle'),
      timed('b', 13 * 60 + 37, 'bundle', 'flash_bundle'),
    ];
    const r = repairSameStyle(stuck);
    expect(sameStyleViolations(r.slots).map((v) => v.kind)).toEqual(['back_to_back']);
  });
});

describe('reattributeTimeIssues (regression: relaxation notes named the send that left the time)', () => {
  it('moves a spacing note to the send now at the relaxed time, and drops it when nobody is', () => {
    const before = [timed('a', 600 + 7, 'winner'), timed('b', 630 + 8, 'solo')];
    const swapped = [
      { ...before[0], slotId: 'b', ppvStyle: 'solo' } as TimedSlot,
      { ...before[1], slotId: 'a', ppvStyle: 'winner' } as TimedSlot,
    ];
    const note = issue('spacing_relaxed', {
      slotId: 'b',
      spacingMinutes: 30,
      targetSpacingMinutes: 45,
      nearestSameFamilyMinutes: 31,
    });
    const out = reattributeTimeIssues(before, swapped, [note]);
    expect(out.map((i) => i.details.slotId)).toEqual(['a']);
    expect(out[0]?.message).toContain('a placed with 30-minute spacing');
    // b moved to a fresh time and nobody took its old one: the note goes
    const retimed = [before[0] as TimedSlot, timed('b', 900 + 7, 'solo')];
    expect(reattributeTimeIssues(before, retimed, [note])).toEqual([]);
    // unmoved: unchanged
    expect(reattributeTimeIssues(before, before, [note])).toEqual([note]);
  });
});
