/**
 * Issue 11: phase 5 skips the candidate bases whose minutes `acceptMask` leaves out. The skip
 * is safe only if the mask never leaves out a minute the checks accept: on random ledgers (dense
 * days, full blocks, used clock times, styled sends, parents), for every minute of the window,
 * a minute that `prober`, the level's spacing, parent spacing, avoid hours, the same-style rule
 * and the kept half all accept is open in the mask. The literal cases pin the rules' numbers
 * (45 minutes of spacing, 60 between parents, blocks of 240 minutes with 3 sends, 2 uses of a
 * clock time, the 08:00-23:30 window).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChannelFamily, SendTypeKey } from '../../src/domain/catalog';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import type { PpvStyle } from '../../src/domain/types';
import { styleFits } from '../../src/rotation/sameStyle';
import {
  acceptMask,
  emptyLedger,
  type Ledger,
  localClock,
  type MaskLevel,
  maskHolds,
  type Probe,
  prober,
  recordPlacement,
} from '../../src/timing/ledger';

const policy = DEFAULT_POLICY;
const date = '2025-01-22';
const clock = localClock(date, 'UTC', policy);
const WS = 480; // 08:00
const WE = 1410; // 23:30
const dayStart = clock(0);

const families: ReadonlyArray<ChannelFamily> = ['messages', 'posts'];
const types: ReadonlyArray<SendTypeKey> = [
  'ppv_unlock',
  'bump_normal',
  'link_drop',
] as ReadonlyArray<SendTypeKey>;
const styles: ReadonlyArray<PpvStyle | null> = [
  'winner',
  'bundle',
  null,
] as ReadonlyArray<PpvStyle | null>;

/** One placed send of the random ledgers. */
interface Entry {
  readonly minuteOfDay: number;
  /** Days from the probed date (-1, 0 or 1). */
  readonly dayShift: number;
  readonly family: ChannelFamily;
  readonly sendTypeKey: SendTypeKey;
  readonly isFollowupParent: boolean;
  readonly ppvStyle: PpvStyle | null;
}

const entryArb: fc.Arbitrary<Entry> = fc.record({
  minuteOfDay: fc.integer({ min: WS, max: WE }),
  dayShift: fc.constantFrom(-1, 0, 0, 0, 1),
  family: fc.constantFrom(...families),
  sendTypeKey: fc.constantFrom(...types),
  isFollowupParent: fc.boolean(),
  ppvStyle: fc.constantFrom(...styles),
});

const ledgerOf = (entries: ReadonlyArray<Entry>): Ledger => {
  const ledger = emptyLedger();
  const seen = new Set<number>();
  for (const e of entries) {
    const epochMinute = dayStart + e.dayShift * 1440 + e.minuteOfDay;
    if (seen.has(epochMinute)) continue;
    seen.add(epochMinute);
    recordPlacement(
      ledger,
      {
        date: e.dayShift === 0 ? date : e.dayShift < 0 ? '2025-01-21' : '2025-01-23',
        minuteOfDay: e.minuteOfDay,
        epochMinute,
        family: e.family,
        sendTypeKey: e.sendTypeKey,
        isFollowupParent: e.isFollowupParent,
        ppvStyle: e.ppvStyle,
      },
      policy,
    );
  }
  return ledger;
};

describe('acceptMask (issue 11: the bases phase 5 may skip)', () => {
  it('leaves open every minute the checks accept', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 60 }),
        fc.constantFrom(...families),
        fc.constantFrom(...types),
        fc.constantFrom(0, 60, 1440),
        fc.boolean(),
        fc.constantFrom(0, 20, 30, 45),
        fc.constantFrom(0, 60),
        fc.boolean(),
        fc.constantFrom<PpvStyle | null>('winner', 'bundle', null),
        fc.boolean(),
        fc.constantFrom<readonly [number, number] | null>(null, [0, 719], [720, 1440]),
        fc.uniqueArray(fc.integer({ min: 0, max: 23 }), { maxLength: 4 }),
        (
          entries,
          family,
          sendTypeKey,
          minMinutesBetween,
          isFollowupParent,
          spacing,
          parentSpacing,
          ignoreAvoidHours,
          style,
          pattern,
          keep,
          avoid,
        ) => {
          const ledger = ledgerOf(entries);
          const probe: Probe = { date, family, sendTypeKey, minMinutesBetween, isFollowupParent };
          const avoidHours = new Set(avoid);
          const level: MaskLevel = {
            spacing,
            parentSpacing,
            ignoreAvoidHours,
            sameStyle: style === null ? null : { ppvStyle: style, pattern },
          };
          const mask = acceptMask(ledger, probe, clock(WS), avoidHours, level, keep, policy);
          expect(mask.length).toBe(WE - WS + 1);
          const check = prober(ledger, probe, clock, avoidHours, policy);
          const placed = ledger.stylesByDate.get(date) ?? [];
          for (let m = WS; m <= WE; m++) {
            const e = check(m);
            const accepted =
              e !== null &&
              e.gap >= spacing &&
              e.parentGap >= parentSpacing &&
              (ignoreAvoidHours || !e.inAvoidHours) &&
              (style === null ||
                styleFits(
                  placed,
                  { epochMinute: e.epochMinute, minuteOfDay: m, ppvStyle: style, pattern },
                  policy.rotation,
                )) &&
              (keep === null || (m >= keep[0] && m <= keep[1]));
            if (accepted) expect(mask[m - WS]).toBe(1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('closes the literal neighbourhoods of the rules', () => {
    const ledger = ledgerOf([
      {
        minuteOfDay: 20 * 60 + 7,
        dayShift: 0,
        family: 'messages' as ChannelFamily,
        sendTypeKey: 'bump_normal' as SendTypeKey,
        isFollowupParent: true,
        ppvStyle: 'winner' as PpvStyle,
      },
    ]);
    const probe: Probe = {
      date,
      family: 'messages' as ChannelFamily,
      sendTypeKey: 'ppv_unlock' as SendTypeKey,
      minMinutesBetween: 0,
      isFollowupParent: true,
    };
    const at = (m: number, level: MaskLevel) =>
      acceptMask(ledger, probe, clock(WS), new Set([9]), level, null, policy)[m - WS];
    const spacing45: MaskLevel = {
      spacing: 45,
      parentSpacing: 0,
      ignoreAvoidHours: true,
      sameStyle: null,
    };
    // 45 minutes from 20:07: 19:23 .. 20:51 closed, 19:22 and 20:52 open
    expect(at(19 * 60 + 22, spacing45)).toBe(1);
    expect(at(19 * 60 + 23, spacing45)).toBe(0);
    expect(at(20 * 60 + 51, spacing45)).toBe(0);
    expect(at(20 * 60 + 52, spacing45)).toBe(1);
    // round minutes are never open; 09:xx is an avoid hour unless ignored
    expect(at(19 * 60, spacing45)).toBe(0);
    expect(at(9 * 60 + 7, spacing45)).toBe(1);
    expect(at(9 * 60 + 7, { ...spacing45, ignoreAvoidHours: false })).toBe(0);
    // 60 minutes between parents: 19:08 .. 21:06 closed
    const parents: MaskLevel = {
      spacing: 0,
      parentSpacing: 60,
      ignoreAvoidHours: true,
      sameStyle: null,
    };
    expect(at(19 * 60 + 7, parents)).toBe(1);
    expect(at(19 * 60 + 8, parents)).toBe(0);
    expect(at(21 * 60 + 6, parents)).toBe(0);
    expect(at(21 * 60 + 7, parents)).toBe(1);
    // a winner next to the only styled send (a winner) is refused on both sides of it
    const winner: MaskLevel = {
      spacing: 0,
      parentSpacing: 0,
      ignoreAvoidHours: true,
      sameStyle: { ppvStyle: 'winner' as PpvStyle, pattern: false },
    };
    expect(at(10 * 60 + 7, winner)).toBe(0);
    expect(at(22 * 60 + 7, winner)).toBe(0);
    expect(
      at(10 * 60 + 7, { ...winner, sameStyle: { ppvStyle: 'bundle' as PpvStyle, pattern: false } }),
    ).toBe(1);
    const mask = acceptMask(ledger, probe, clock(WS), new Set(), spacing45, null, policy);
    expect(maskHolds(mask, 19 * 60 + 20, 19 * 60 + 22, policy)).toBe(true);
    expect(maskHolds(mask, 19 * 60 + 23, 20 * 60 + 51, policy)).toBe(false);
    // outside the window: nothing
    expect(maskHolds(mask, 0, WS - 1, policy)).toBe(false);
  });

  it('closes a block of 240 minutes once it holds 3 sends of the family, and a clock time used twice', () => {
    const three = [8 * 60 + 7, 9 * 60 + 7, 10 * 60 + 7].map((minuteOfDay) => ({
      minuteOfDay,
      dayShift: 0,
      family: 'posts' as ChannelFamily,
      sendTypeKey: 'link_drop' as SendTypeKey,
      isFollowupParent: false,
      ppvStyle: null,
    }));
    const twice = [-1, 1].map((dayShift) => ({
      minuteOfDay: 21 * 60 + 13,
      dayShift,
      family: 'messages' as ChannelFamily,
      sendTypeKey: 'bump_normal' as SendTypeKey,
      isFollowupParent: false,
      ppvStyle: null,
    }));
    const ledger = ledgerOf([...three, ...twice]);
    const probe: Probe = {
      date,
      family: 'posts' as ChannelFamily,
      sendTypeKey: 'ppv_unlock' as SendTypeKey,
      minMinutesBetween: 0,
      isFollowupParent: false,
    };
    const level: MaskLevel = {
      spacing: 0,
      parentSpacing: 0,
      ignoreAvoidHours: true,
      sameStyle: null,
    };
    const mask = acceptMask(ledger, probe, clock(WS), new Set(), level, null, policy);
    // block 2 of the day is 08:00-11:59
    expect(maskHolds(mask, 8 * 60, 11 * 60 + 59, policy)).toBe(false);
    expect(mask[12 * 60 + 7 - WS]).toBe(1);
    expect(mask[21 * 60 + 13 - WS]).toBe(0);
    expect(mask[21 * 60 + 14 - WS]).toBe(1);
  });

  it('splits the halves of the day at 12:00 for pattern PPVs of a restricted style', () => {
    const send = (minuteOfDay: number, ppvStyle: PpvStyle) => ({
      minuteOfDay,
      dayShift: 0,
      family: 'messages' as ChannelFamily,
      sendTypeKey: 'ppv_unlock' as SendTypeKey,
      isFollowupParent: false,
      ppvStyle,
    });
    // a pattern winner at 12:00 (PM) and a bundle at 11:00 between it and the morning
    const ledger = ledgerOf([
      send(12 * 60, 'winner' as PpvStyle),
      send(11 * 60, 'bundle' as PpvStyle),
    ]);
    const probe: Probe = {
      date,
      family: 'posts' as ChannelFamily,
      sendTypeKey: 'ppv_unlock' as SendTypeKey,
      minMinutesBetween: 0,
      isFollowupParent: false,
    };
    const level: MaskLevel = {
      spacing: 0,
      parentSpacing: 0,
      ignoreAvoidHours: true,
      sameStyle: { ppvStyle: 'winner' as PpvStyle, pattern: true },
    };
    const mask = acceptMask(ledger, probe, clock(WS), new Set(), level, null, policy);
    expect(mask[10 * 60 + 7 - WS]).toBe(1); // AM, next to the bundle: allowed
    expect(mask[11 * 60 + 37 - WS]).toBe(0); // between the bundle and the winner
    expect(mask[15 * 60 + 7 - WS]).toBe(0); // PM holds the winner
  });

  it('a remembered start (round minutes closed, per frozen policy) answers what a fresh one does', () => {
    // issue 11: the window with its round minutes closed is built once per frozen timing policy
    const frozen = DEFAULT_POLICY;
    expect(Object.isFrozen(frozen.timing)).toBe(true);
    const other = Object.freeze({
      ...frozen,
      timing: Object.freeze({ ...frozen.timing, roundMinutes: Object.freeze([5, 50]) }),
    });
    const fresh = (p: typeof frozen) => structuredClone(p) as typeof frozen;
    const probe: Probe = {
      date,
      family: 'messages',
      sendTypeKey: 'ppv_unlock' as SendTypeKey,
      minMinutesBetween: 120,
      isFollowupParent: true,
    };
    const level: MaskLevel = {
      spacing: 30,
      parentSpacing: 0,
      ignoreAvoidHours: false,
      sameStyle: null,
    };
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 40 }), (entries) => {
        const ledger = ledgerOf(entries);
        for (const p of [frozen, other, frozen, other]) {
          const mask = acceptMask(ledger, probe, clock(WS), new Set([3]), level, null, p);
          expect(mask).toEqual(
            acceptMask(ledger, probe, clock(WS), new Set([3]), level, null, fresh(p)),
          );
        }
      }),
      { numRuns: 100 },
    );
    const empty = emptyLedger();
    const open = (p: typeof frozen, m: number) =>
      acceptMask(empty, probe, clock(WS), new Set(), level, null, p)[m - WS];
    // 08:00 and 08:15 are round by default, 08:05 and 08:50 with the other policy
    expect([open(frozen, 480), open(frozen, 485), open(frozen, 495)]).toEqual([0, 1, 0]);
    expect([open(other, 480), open(other, 485), open(other, 530)]).toEqual([1, 0, 0]);
    // a caller writing into a mask does not change the next one
    acceptMask(empty, probe, clock(WS), new Set(), level, null, frozen).fill(0);
    expect(open(frozen, 481)).toBe(1);
  });
});
