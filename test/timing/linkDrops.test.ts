/**
 * Link drops and the campaigns they promote (seed 003 task 2.4): `linkDropParents` on hand-made
 * sends, a property over random sends, and a property over random built weeks. The seed's
 * numbers are literals here: a link drop expires 24 hours after it is sent, and (project choice,
 * docs/rulings.md "Timing") promotes the latest revenue send of the 24 hours before it.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  buildSchedule,
  DEFAULT_POLICY,
  inMemoryPorts,
  isLinkDrop,
  isLinkDropCampaign,
  linkDropMayPromote,
  linkDropParents,
  resolvePolicy,
  type ScheduleItem,
  SEND_TYPE_KEYS,
  SEND_TYPES,
  type SendTypeKey,
} from '../../src/index';
import { creatorWeekArb } from '../support/arbitraries';
import { makeItem } from '../validation/fixtures';

const D0 = '2025-01-20';
const D1 = '2025-01-21';
const HOUR = 60;
const at = (h: number, m: number): number => h * HOUR + m;
const epochOf = (i: { readonly scheduledAt: string }): number => Date.parse(i.scheduledAt) / 60_000;
const ids = (items: ReadonlyArray<ScheduleItem>) =>
  Object.fromEntries(items.map((i) => [i.slotId, i.parentItemId]));

/** 001 §1.4 revenue sends: what a link drop may promote (the test's own list). */
const REVENUE: ReadonlyArray<SendTypeKey> = [
  'ppv_unlock',
  'ppv_wall',
  'tip_goal',
  'vip_program',
  'game_post',
  'bundle',
  'flash_bundle',
  'snapchat_bundle',
  'first_to_tip',
];

describe('the catalog and the predicates', () => {
  it('link_drop and wall_link_drop are the link drops and expire after 24 hours (003 task 2.4)', () => {
    expect(SEND_TYPE_KEYS.filter((k) => SEND_TYPES[k].promotesCampaign)).toEqual([
      'link_drop',
      'wall_link_drop',
    ]);
    expect(SEND_TYPES.link_drop.expirationHours).toBe(24);
    expect(SEND_TYPES.wall_link_drop.expirationHours).toBe(24);
    expect(DEFAULT_POLICY.timing.linkDropLookbackHours).toBe(24);
  });

  it('the campaigns are the revenue sends, never a follow-up', () => {
    const campaigns = SEND_TYPE_KEYS.filter((k) =>
      isLinkDropCampaign({ sendTypeKey: k, isFollowUp: false }),
    );
    expect([...campaigns].sort()).toEqual([...REVENUE].sort());
    expect(isLinkDropCampaign({ sendTypeKey: 'ppv_unlock', isFollowUp: true })).toBe(false);
    expect(isLinkDrop({ sendTypeKey: 'link_drop', isFollowUp: true })).toBe(false);
    expect(isLinkDrop({ sendTypeKey: 'nope' as SendTypeKey, isFollowUp: false })).toBe(false);
  });

  it('linkDropMayPromote: before, and less than 24 hours before', () => {
    const link = makeItem('l', D1, at(10, 7), 'link_drop');
    const ppv = (minute: number, date = D0) => makeItem('p', date, minute, 'ppv_unlock');
    expect(linkDropMayPromote(ppv(at(10, 8)), link, DEFAULT_POLICY)).toBe(true); // 23 h 59 min
    expect(linkDropMayPromote(ppv(at(10, 7)), link, DEFAULT_POLICY)).toBe(false); // 24 h
    expect(linkDropMayPromote(ppv(at(10, 7), D1), link, DEFAULT_POLICY)).toBe(false); // same minute
    expect(linkDropMayPromote(ppv(at(11, 7), D1), link, DEFAULT_POLICY)).toBe(false); // after
    const bump = makeItem('b', D1, at(9, 7), 'bump_normal');
    expect(linkDropMayPromote(bump, link, DEFAULT_POLICY)).toBe(false);
    expect(linkDropMayPromote({ ...ppv(at(12, 7)), scheduledAt: 'x' }, link, DEFAULT_POLICY)).toBe(
      false,
    );
  });
});

describe('linkDropParents', () => {
  it('links each link drop to the latest campaign of the 24 hours before it', () => {
    const items = [
      makeItem(`${D0}_1`, D0, at(9, 7), 'bundle'),
      makeItem(`${D0}_2`, D0, at(12, 22), 'ppv_unlock'),
      makeItem(`${D0}_2_followup`, D0, at(12, 49), 'ppv_followup', {
        isFollowUp: true,
        parentItemId: `${D0}_2`,
        followupDelayMinutes: 27,
      }),
      makeItem(`${D0}_3`, D0, at(13, 8), 'bump_normal'),
      makeItem(`${D0}_4`, D0, at(14, 38), 'link_drop'),
      makeItem(`${D0}_5`, D0, at(20, 11), 'game_post'),
      makeItem(`${D1}_1`, D1, at(9, 41), 'wall_link_drop'),
    ];
    const r = linkDropParents(items, DEFAULT_POLICY);
    expect(ids(r.items)).toEqual({
      [`${D0}_1`]: null,
      [`${D0}_2`]: null,
      [`${D0}_2_followup`]: `${D0}_2`,
      [`${D0}_3`]: null,
      [`${D0}_4`]: `${D0}_2`, // not the follow-up at 12:49, not the bump at 13:08
      [`${D1}_1`]: `${D0}_5`, // the game post of the evening before
      [`${D0}_5`]: null,
    });
    expect(r.issues).toEqual([]);
    // only the link drops change; the others are the same objects, in the same order
    r.items.forEach((x, k) => {
      if (!isLinkDrop(x)) expect(x).toBe(items[k]);
    });
    expect(r.items.map((x) => x.slotId)).toEqual(items.map((x) => x.slotId));
  });

  it('a campaign exactly 24 hours before is not live; 23 h 59 min before is', () => {
    const campaign = makeItem(`${D0}_1`, D0, at(10, 7), 'flash_bundle');
    const at24 = makeItem(`${D1}_1`, D1, at(10, 7), 'link_drop');
    const at2359 = makeItem(`${D1}_1`, D1, at(10, 6), 'link_drop');
    expect(epochOf(at24) - epochOf(campaign)).toBe(24 * HOUR);
    const late = linkDropParents([campaign, at24], DEFAULT_POLICY);
    expect(late.items[1]?.parentItemId).toBeNull();
    expect(late.issues).toHaveLength(1);
    expect(late.issues[0]).toMatchObject({
      code: 'link_drop_unlinked',
      severity: 'info',
      phase: 'timing',
      details: { slotId: `${D1}_1`, sendTypeKey: 'link_drop', lookbackHours: 24 },
    });
    expect(late.issues[0]?.message).toContain('24 hours');
    expect(linkDropParents([campaign, at2359], DEFAULT_POLICY).items[1]?.parentItemId).toBe(
      `${D0}_1`,
    );
  });

  it('an empty week, and a day without campaigns: nothing to link, each link drop reported', () => {
    expect(linkDropParents([], DEFAULT_POLICY)).toEqual({ items: [], issues: [] });
    const day = [
      makeItem(`${D0}_1`, D0, at(9, 7), 'link_drop'),
      makeItem(`${D0}_2`, D0, at(11, 22), 'bump_normal'),
      makeItem(`${D0}_3`, D0, at(14, 38), 'wall_link_drop'),
      makeItem(`${D0}_4`, D0, at(16, 4), 'renew_on_message'),
    ];
    const r = linkDropParents(day, DEFAULT_POLICY);
    expect(r.items.map((i) => i.parentItemId)).toEqual([null, null, null, null]);
    expect(r.issues.map((i) => [i.code, i.details.slotId])).toEqual([
      ['link_drop_unlinked', `${D0}_1`],
      ['link_drop_unlinked', `${D0}_3`],
    ]);
  });

  it('replaces a stale parent, ignores a campaign at the same minute, reads the policy, mutates nothing', () => {
    const items = [
      makeItem(`${D0}_1`, D0, at(9, 7), 'ppv_unlock'),
      makeItem(`${D0}_2`, D0, at(16, 22), 'tip_goal'),
      makeItem(`${D0}_3`, D0, at(16, 22), 'link_drop', { parentItemId: 'stale' }),
    ];
    const frozen = structuredClone(items);
    const r = linkDropParents(items, DEFAULT_POLICY);
    expect(r.items[2]?.parentItemId).toBe(`${D0}_1`);
    expect(items).toEqual(frozen);
    expect(linkDropParents(items, DEFAULT_POLICY)).toEqual(r);
    const six = resolvePolicy({ timing: { linkDropLookbackHours: 6 } });
    if (E.isLeft(six)) expect.fail('policy');
    const short = linkDropParents(items, six.right);
    expect(short.items[2]?.parentItemId).toBeNull();
    expect(short.issues[0]?.details).toMatchObject({ lookbackHours: 6 });
    expect(E.isLeft(resolvePolicy({ timing: { linkDropLookbackHours: 25 } }))).toBe(true);
  });

  it('property: random sends, every link drop gets the latest revenue send of the 24 hours before it', () => {
    const sendArb = fc.record({
      key: fc.constantFrom<SendTypeKey>(...SEND_TYPE_KEYS),
      day: fc.integer({ min: 0, max: 6 }),
      minute: fc.integer({ min: 8 * HOUR, max: 23 * HOUR + 30 }),
      stale: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(sendArb, { maxLength: 40 }), (rows) => {
        const items = rows.map((s, n) =>
          makeItem(
            `${n}`,
            `2025-01-${String(20 + s.day).padStart(2, '0')}`,
            s.minute,
            s.key,
            s.key === 'ppv_followup'
              ? { isFollowUp: true, parentItemId: 'p', followupDelayMinutes: 20 }
              : { parentItemId: s.stale ? 'stale' : null },
          ),
        );
        const r = linkDropParents(items, DEFAULT_POLICY);
        const unlinked = new Set(r.issues.map((i) => String(i.details.slotId)));
        r.items.forEach((x, k) => {
          const before = items[k] as ScheduleItem;
          const isDrop = !x.isFollowUp && ['link_drop', 'wall_link_drop'].includes(x.sendTypeKey);
          if (!isDrop) {
            expect(x).toBe(before);
            return;
          }
          const live = items.filter(
            (c) =>
              !c.isFollowUp &&
              REVENUE.includes(c.sendTypeKey) &&
              epochOf(c) < epochOf(x) &&
              epochOf(x) - epochOf(c) < 24 * HOUR,
          );
          const latest = Math.max(...live.map(epochOf));
          if (live.length === 0) {
            expect(x.parentItemId).toBeNull();
            expect(unlinked.has(x.slotId)).toBe(true);
          } else {
            const parent = items.find((c) => c.slotId === x.parentItemId) as ScheduleItem;
            expect(live).toContain(parent);
            expect(epochOf(parent)).toBe(latest);
            expect(unlinked.has(x.slotId)).toBe(false);
          }
        });
      }),
      { seed: 20_250_120, numRuns: 300 },
    );
  });
});

describe('built weeks (003 task 2.4)', () => {
  it('property: every link drop promotes an earlier revenue send of the last 24 hours, the latest one, and expires 24 hours after it', async () => {
    await fc.assert(
      fc.asyncProperty(creatorWeekArb, async (s) => {
        const r = await buildSchedule({
          creatorId: s.creatorId,
          weekStart: s.weekStart,
          seed: s.seed,
        })(inMemoryPorts(s.dataset))();
        if (E.isLeft(r)) expect.fail(`Left ${r.left.code}: ${r.left.message}`);
        const week = r.right;
        const bySlot = new Map(week.items.map((i) => [i.slotId, i]));
        const campaigns = week.items.filter(
          (i) => !i.isFollowUp && REVENUE.includes(i.sendTypeKey),
        );
        const notes = new Set(
          week.validation.notes
            .filter((n) => n.code === 'link_drop_unlinked')
            .map((n) => String(n.details.slotId)),
        );
        for (const d of week.items) {
          const isDrop = d.sendTypeKey === 'link_drop' || d.sendTypeKey === 'wall_link_drop';
          if (!isDrop) {
            if (!d.isFollowUp) expect(d.parentItemId, d.slotId).toBeNull();
            continue;
          }
          expect(d.isFollowUp).toBe(false);
          expect(d.expiresAt).toBe(
            new Date(Date.parse(d.scheduledAt) + 24 * 3_600_000).toISOString(),
          );
          const live = campaigns.filter(
            (c) => epochOf(c) < epochOf(d) && epochOf(d) - epochOf(c) < 24 * HOUR,
          );
          if (d.parentItemId === null) {
            expect(live, d.slotId).toEqual([]);
            expect(notes.has(d.slotId), d.slotId).toBe(true);
            continue;
          }
          const parent = bySlot.get(d.parentItemId);
          expect(parent, `${d.slotId} -> ${d.parentItemId}`).toBeDefined();
          const p = parent as ScheduleItem;
          expect(p.isFollowUp).toBe(false);
          expect(p.category).toBe('revenue');
          expect(epochOf(p)).toBeLessThan(epochOf(d));
          expect(epochOf(d) - epochOf(p)).toBeLessThan(24 * HOUR);
          expect(epochOf(p)).toBe(Math.max(...live.map(epochOf)));
        }
        expect(week.validation.passedChecks).toContain('linkDropParents');
      }),
      { seed: 20_250_120, numRuns: 25 },
    );
  });
});
