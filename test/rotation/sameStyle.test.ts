/**
 * Seed 003 task 2.2 (and quality gate 6: empty and single-item days): never two winner or two
 * bundle PPVs in a row in a day, the bundle send types count as bundle, and same styles of the
 * pattern PPVs split across AM (before 12:00) and PM. Own literals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type PpvStyle,
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
