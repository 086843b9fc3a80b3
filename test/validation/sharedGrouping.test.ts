/**
 * Issue 11 (validation on one shared grouping): the checks that first ask the week's grouping
 * (typed arrays of instants, clock minutes, types, families and dates) whether a rule can be
 * broken answer exactly what plain forms written here answer: `checkSpacing`, `checkTypeGaps`,
 * the follow-up gaps of `checkFollowupRules`, `checkBlockCap`, `checkDailyVolume` and
 * `checkRequiredFields`, on random weeks with close sends, full blocks, crowded days, unknown
 * and odd send types and channels, unreadable instants and clock times, dates that are not
 * plain strings and non-string slot ids. The oracles' numbers are the seeds' literals (spacing
 * 20 minutes, blocks of 240 minutes with at most 3 sends, 22 allocated sends a day, ppv_unlock
 * and link_drop 2 hours apart, ppv_followup 1 hour), never read from the policy. Also: the
 * persona check's remembered marker answers equal a fresh persona's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkBlockCap,
  checkDailyVolume,
  checkFollowupRules,
  checkPersonaConsistency,
  checkRequiredFields,
  checkSpacing,
  checkTypeGaps,
  type Issue,
  issue,
  type ScheduleItem,
} from '../../src/index';
import { goodInput, goodItems } from './fixtures';

const FAMILY: Readonly<Record<string, string>> = {
  mass_message: 'messages',
  targeted_message: 'messages',
  wall_post: 'posts',
  story: 'posts',
};
/** Seed 001 §5.6 per-type gaps of the types generated here (minutes). */
const TYPE_GAP: Readonly<Record<string, number>> = {
  ppv_unlock: 120,
  link_drop: 120,
  ppv_followup: 60,
};

const readableAt = (at: unknown): number =>
  typeof at === 'string' && at.length > 0 ? Math.floor(new Date(at).getTime() / 60000) : Number.NaN;
const minuteOf = (t: unknown): number => {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(typeof t === 'string' ? t : '');
  if (m === null) return Number.NaN;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  return h < 24 && mi < 60 ? h * 60 + mi : Number.NaN;
};

/** Groups in first-seen order (`Map` keys), values in input order. */
const grouped = <A, K>(xs: ReadonlyArray<A>, key: (a: A) => K | undefined): Array<[K, A[]]> => {
  const m = new Map<K, A[]>();
  for (const x of xs) {
    const k = key(x);
    if (k === undefined) continue;
    const g = m.get(k);
    if (g === undefined) m.set(k, [x]);
    else g.push(x);
  }
  return [...m];
};

interface At {
  readonly item: ScheduleItem;
  readonly index: number;
  readonly epoch: number;
}

/** Consecutive pairs by (instant, slot id) of each group closer than its minimum. */
const plainPairs = (
  items: ReadonlyArray<ScheduleItem>,
  keep: (i: ScheduleItem) => boolean,
  key: (i: ScheduleItem) => string | undefined,
  min: (k: string) => number,
): Array<{ key: string; a: At; b: At; gap: number; min: number }> => {
  const xs = items
    .map((item, index) => ({ item, index, epoch: readableAt(item.scheduledAt) }))
    .filter((x) => keep(x.item));
  const out: Array<{ key: string; a: At; b: At; gap: number; min: number }> = [];
  for (const [k, g] of grouped(xs, (x) => key(x.item))) {
    const sorted = g
      .filter((x) => Number.isFinite(x.epoch))
      .sort(
        (a, b) =>
          a.epoch - b.epoch ||
          (a.item.slotId < b.item.slotId ? -1 : a.item.slotId > b.item.slotId ? 1 : 0),
      );
    for (let j = 1; j < sorted.length; j++) {
      const a = sorted[j - 1] as At;
      const b = sorted[j] as At;
      if (b.epoch - a.epoch < min(k))
        out.push({ key: k, a, b, gap: b.epoch - a.epoch, min: min(k) });
    }
  }
  return out;
};

const known = (i: ScheduleItem): boolean => Object.hasOwn(TYPE_GAP, i.sendTypeKey);

const plainSpacing = (items: ReadonlyArray<ScheduleItem>): Issue[] =>
  plainPairs(
    items,
    (i) => !i.isFollowUp,
    (i) => (Object.hasOwn(FAMILY, i.channelKey) ? FAMILY[i.channelKey] : undefined),
    () => 20,
  ).map(({ key, a, b, gap }) =>
    issue(
      'spacing_violation',
      {
        family: key as 'messages',
        slotIds: [a.item.slotId, b.item.slotId],
        gapMinutes: gap,
        minMinutes: 20,
      },
      `items[${b.index}].scheduledAt`,
    ),
  );

const plainTypeGaps = (items: ReadonlyArray<ScheduleItem>, followups: boolean): Issue[] =>
  plainPairs(
    items,
    (i) => (followups ? i.isFollowUp : !i.isFollowUp && known(i)),
    (i) => (known(i) ? i.sendTypeKey : undefined),
    (k) => TYPE_GAP[k] as number,
  ).map(({ key, a, b, gap, min }) =>
    issue(
      followups ? 'followup_gap_violation' : 'type_gap_violation',
      {
        sendTypeKey: key as 'ppv_unlock',
        slotIds: [a.item.slotId, b.item.slotId],
        gapMinutes: gap,
        minMinutes: min,
      },
      `items[${b.index}].scheduledAt`,
    ),
  );

const plainBlocks = (items: ReadonlyArray<ScheduleItem>): Issue[] =>
  grouped(
    items.filter(
      (i) =>
        !i.isFollowUp &&
        Object.hasOwn(FAMILY, i.channelKey) &&
        Number.isFinite(minuteOf(i.scheduledTime)),
    ),
    (i) =>
      `${i.scheduledDate}|${FAMILY[i.channelKey]}|${Math.floor(minuteOf(i.scheduledTime) / 240)}`,
  )
    .filter(([, g]) => g.length > 3)
    .map(([k, g]) => {
      const [date, family, block] = k.split('|') as [string, string, string];
      return issue('block_cap_exceeded', {
        date,
        family: family as 'messages',
        blockStartMinute: Number(block) * 240,
        blockMinutes: 240,
        count: g.length,
        max: 3,
        slotIds: g.map((i) => i.slotId),
      });
    });

const plainDaily = (items: ReadonlyArray<ScheduleItem>): Issue[] =>
  grouped(
    items.filter((i) => !i.isFollowUp),
    (i) => i.scheduledDate,
  )
    .filter(([, g]) => g.length > 22)
    .map(([date, g]) => issue('daily_volume_exceeded', { date, count: g.length, max: 22 }));

const FIELDS = [
  'slotId',
  'scheduledDate',
  'scheduledTime',
  'scheduledAt',
  'sendTypeKey',
  'channelKey',
  'targetKey',
] as const;
const plainRequired = (items: ReadonlyArray<ScheduleItem>): Issue[] =>
  items.flatMap((item, i) =>
    FIELDS.filter((f) => {
      const v: unknown = item[f];
      return typeof v !== 'string' || v.length === 0;
    }).map((f) =>
      issue('missing_field', { slotId: item.slotId ?? null, field: f }, `items[${i}].${f}`),
    ),
  );

const anEntry = fc.record({
  slotId: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0, max: 60 }).map((n) => `2025-01-2${n % 3}_${n}`) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, 7, '') },
  ),
  day: fc.integer({ min: 0, max: 2 }),
  minute: fc.integer({ min: 9 * 60, max: 13 * 60 }),
  seconds: fc.constantFrom('00', '30'),
  junkTime: fc.constantFrom(null, null, null, null, null, null, 'x', '25:00:00', ''),
  junkAt: fc.constantFrom(null, null, null, null, null, null, null, 'junk', ''),
  date: fc.constantFrom(null, null, null, null, null, null, 'a|b', 5, undefined),
  sendTypeKey: fc.constantFrom(
    'ppv_unlock',
    'ppv_unlock',
    'link_drop',
    'ppv_followup',
    'nope',
    '__proto__',
  ),
  channelKey: fc.constantFrom(
    'mass_message',
    'targeted_message',
    'wall_post',
    'story',
    'nope',
    'toString',
  ),
  isFollowUp: fc.boolean(),
});

describe('checks on the shared grouping answer what their plain forms answer', () => {
  it('spacing, type and follow-up gaps, blocks, days and required fields (property)', () => {
    fc.assert(
      fc.property(fc.array(anEntry, { maxLength: 60 }), fc.boolean(), (entries, manyDays) => {
        const base = goodItems()[0] as ScheduleItem;
        const items = entries.map((e): ScheduleItem => {
          const day = manyDays ? e.day : 0;
          const h = Math.floor(e.minute / 60);
          const m = e.minute % 60;
          const hh = `${h}`.padStart(2, '0');
          const mm = `${m}`.padStart(2, '0');
          return {
            ...base,
            slotId: e.slotId as string,
            scheduledDate: (e.date === null ? `2025-01-2${day}` : e.date) as string,
            scheduledTime: e.junkTime ?? `${hh}:${mm}:00`,
            // UTC instants at the local clock (an offset makes no difference to these rules)
            scheduledAt: e.junkAt ?? `2025-01-2${day}T${hh}:${mm}:${e.seconds}.000Z`,
            sendTypeKey: e.sendTypeKey as 'ppv_unlock',
            channelKey: e.channelKey as 'mass_message',
            isFollowUp: e.isFollowUp,
            parentItemId: null,
          };
        });
        const input = goodInput({ items });
        expect(checkSpacing(input)).toEqual(plainSpacing(items));
        expect(checkTypeGaps(input)).toEqual(plainTypeGaps(items, false));
        expect(
          checkFollowupRules(input).filter((i) => i.code === 'followup_gap_violation'),
        ).toEqual(plainTypeGaps(items, true));
        expect(checkBlockCap(input)).toEqual(plainBlocks(items));
        expect(checkDailyVolume(input)).toEqual(plainDaily(items));
        expect(checkRequiredFields(input)).toEqual(plainRequired(items));
      }),
      { numRuns: 300 },
    );
  });

  it('a crowded day: 23 allocated sends, 4 in one block, sends 10 minutes apart (literal)', () => {
    const base = goodItems()[0] as ScheduleItem;
    const items = Array.from({ length: 23 }, (_, n): ScheduleItem => {
      const minute = 8 * 60 + 7 + (n < 4 ? n * 10 : 240 + n * 41);
      const hh = `${Math.floor(minute / 60) % 24}`.padStart(2, '0');
      const mm = `${minute % 60}`.padStart(2, '0');
      return {
        ...base,
        slotId: `2025-01-20_${n}`,
        scheduledDate: '2025-01-20',
        scheduledTime: `${hh}:${mm}:00`,
        scheduledAt: `2025-01-20T${hh}:${mm}:00.000Z`,
        sendTypeKey: 'link_drop',
        channelKey: 'wall_post',
        isFollowUp: false,
      };
    });
    const input = goodInput({ items });
    expect(checkDailyVolume(input).map((i) => i.details)).toEqual([
      { date: '2025-01-20', count: 23, max: 22 },
    ]);
    expect(checkBlockCap(input)[0]?.details).toEqual({
      date: '2025-01-20',
      family: 'posts',
      blockStartMinute: 480,
      blockMinutes: 240,
      count: 4,
      max: 3,
      slotIds: ['2025-01-20_0', '2025-01-20_1', '2025-01-20_2', '2025-01-20_3'],
    });
    expect(checkSpacing(input).map((i) => i.details.gapMinutes)).toEqual([10, 10, 10]);
    expect(checkTypeGaps(input).length).toBeGreaterThan(3);
  });
});

describe('the persona check with remembered marker answers', () => {
  it('answers as a fresh, equal persona does, week after week', () => {
    const persona = {
      creatorId: 'c1',
      tone: 'playful',
      emojiFrequency: 'medium',
      favoriteEmojis: ['💕'],
      slangLevel: 'light',
      signaturePhrases: ['Hey Babe'],
    } as const;
    const base = goodItems();
    const texts = ['hey babe 💕 new set', 'plain text here', 'HEY BABE look', '💕💕 rn', 'x'];
    const items = base.map((i, k) => ({ ...i, captionText: texts[k % texts.length] as string }));
    const first = checkPersonaConsistency(goodInput({ items, persona: persona as never }));
    for (let round = 0; round < 3; round++) {
      expect(checkPersonaConsistency(goodInput({ items, persona: persona as never }))).toEqual(
        first,
      );
      expect(
        checkPersonaConsistency(goodInput({ items, persona: { ...persona } as never })),
      ).toEqual(first);
    }
    // a persona with other markers is not answered from the first one's memory
    const other = { ...persona, favoriteEmojis: [], signaturePhrases: ['plain'] };
    const flagged = (r: ReadonlyArray<Issue>) => r.map((i) => i.path);
    const again = checkPersonaConsistency(goodInput({ items, persona: other as never }));
    const fresh = checkPersonaConsistency(goodInput({ items, persona: { ...other } as never }));
    expect(flagged(again)).toEqual(flagged(fresh));
  });
});
