/**
 * Issue 11 (validation fast paths): each check that takes a shortcut answers exactly what its
 * plain form answers.
 *
 * - `checkLocalTimes` sees an instant through the day's steady offset (`steadyOffsetAt`) and
 *   asks `instantToLocal` only for the items it cannot settle: its issues equal, in order, those
 *   of the plain form (every item through `instantToLocal`), and on the zones listed here the
 *   local date and time of an `Intl` oracle. Random instants around the 2025 daylight-saving
 *   changes of zones with whole, half and quarter-hour offsets and a 30-minute DST, with true,
 *   shifted, copied and unreadable local fields.
 * - `checkCampaignFrequency` gives the validator one plain item per readable date: its issues
 *   equal those of the plain form (the validator over every allocated item), on dense days, few
 *   items, unreadable dates, dates outside the week and campaign histories.
 * - The checks of repeats (`checkSlotIds`, `checkCaptionUniqueness`, `checkTimingConflicts`,
 *   `checkClockTimeRepeats`) count a key before they make its group: their issues equal those of
 *   the plain forms (every key grouped), with few and many repeats, missing and non-string ids,
 *   unreadable instants and clock times, and weekly clock-time limits of 1 to 3.
 * - `checkBumpRatio` counts in one pass and renders its issue once: it reports exactly what
 *   `validateBumpRatio` finds (same reason, counts, ratio and message).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkBumpRatio,
  checkCampaignFrequency,
  checkCaptionUniqueness,
  checkClockTimeRepeats,
  checkLocalTimes,
  checkSlotIds,
  checkTimingConflicts,
  type DatedCampaign,
  hhmm,
  type Issue,
  instantToLocal,
  issue,
  resolvePolicy,
  type ScheduleItem,
  steadyOffsetAt,
  type ValidationInput,
  validateBumpRatio,
  validateCampaignFrequency,
  weekDatesFrom,
} from '../../src/index';
import { intlLocal } from '../support/intlLocal';
import { goodInput, goodItems } from './fixtures';

/** The plain form of `checkLocalTimes`: every item through `instantToLocal`. */
const plainLocalTimes = (input: ValidationInput): ReadonlyArray<Issue> => {
  const timeZone = input.creator.timezone;
  return input.items.flatMap((item, i) => {
    const at: unknown = item.scheduledAt;
    const epoch =
      typeof at === 'string' && at.length > 0
        ? Math.floor(new Date(at).getTime() / 60000)
        : Number.NaN;
    if (!Number.isFinite(epoch) || typeof item.scheduledTime !== 'string') return [];
    const local = instantToLocal(item.scheduledAt, timeZone);
    const localTime = hhmm(local.minuteOfDay);
    if (local.date === item.scheduledDate && localTime === item.scheduledTime.slice(0, 5))
      return [];
    return [
      issue(
        'local_time_mismatch',
        {
          slotId: item.slotId,
          scheduledAt: item.scheduledAt,
          scheduledDate: item.scheduledDate,
          scheduledTime: item.scheduledTime,
          localDate: local.date,
          localTime,
          timeZone,
        },
        `items[${i}].scheduledAt`,
      ),
    ];
  });
};

const ZONES = [
  'America/Los_Angeles',
  'America/New_York',
  'America/St_Johns', // -03:30 / -02:30
  'Europe/London',
  'Europe/Berlin',
  'Australia/Lord_Howe', // +10:30 / +11:00: a 30-minute change
  'Asia/Kolkata', // +05:30, no DST
  'Asia/Kathmandu', // +05:45
  'Pacific/Chatham', // +12:45 / +13:45
  'UTC',
] as const;

/** UTC epoch minutes of the 2025 changes (and one quiet day), the instants drawn around them. */
const CENTRES = [
  '2025-01-20T12:00:00Z',
  '2025-03-09T10:00:00Z', // US spring
  '2025-03-30T01:00:00Z', // EU spring
  '2025-04-05T14:00:00Z', // Lord Howe / Chatham autumn
  '2025-09-27T14:00:00Z', // Chatham spring
  '2025-10-04T15:30:00Z', // Lord Howe spring
  '2025-10-26T01:00:00Z', // EU autumn
  '2025-11-02T09:00:00Z', // US autumn
].map((iso) => Date.parse(iso) / 60000);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** One item: an instant near a change, and local fields true, shifted or unreadable. */
const anItem = fc.record({
  centre: fc.constantFrom(...CENTRES),
  delta: fc.integer({ min: -3 * 1440, max: 3 * 1440 }),
  seconds: fc.constantFrom(0, 0, 0, 30, 59),
  atForm: fc.constantFrom('iso', 'iso', 'iso', 'offset', 'empty', 'junk'),
  date: fc.constantFrom('true', 'true', 'true', 'next', 'previous', 'short', 'junk'),
  time: fc.constantFrom(
    'true',
    'true',
    'true',
    'plus1',
    'minus60',
    'noSeconds',
    'junkTail',
    '24',
    'junk',
  ),
});

type ItemDraw = typeof anItem extends fc.Arbitrary<infer A> ? A : never;

const itemsOf = (draws: ReadonlyArray<ItemDraw>, timeZone: string): ReadonlyArray<ScheduleItem> => {
  const base = goodItems()[0] as ScheduleItem;
  return draws.map((d, k) => {
    const ms = (d.centre + d.delta) * 60000 + d.seconds * 1000;
    const iso = new Date(ms).toISOString();
    const local = intlLocal(iso, timeZone);
    const [y, mo, da] = local.date.split('-').map(Number) as [number, number, number];
    const dayShift = (n: number) =>
      new Date(Date.UTC(y, mo - 1, da + n)).toISOString().slice(0, 10);
    const [h, mi] = local.time.split(':').map(Number) as [number, number];
    const clock = (m: number) => {
      const x = ((m % 1440) + 1440) % 1440;
      return `${pad(Math.floor(x / 60))}:${pad(x % 60)}:00`;
    };
    const scheduledAt =
      d.atForm === 'iso'
        ? iso
        : d.atForm === 'offset'
          ? `${new Date(ms + 3600_000).toISOString().slice(0, 19)}+01:00`
          : d.atForm === 'empty'
            ? ''
            : 'not a date';
    const scheduledDate =
      d.date === 'true'
        ? local.date
        : d.date === 'next'
          ? dayShift(1)
          : d.date === 'previous'
            ? dayShift(-1)
            : d.date === 'short'
              ? `${y}-${mo}-${da}`
              : 'junk';
    const scheduledTime =
      d.time === 'true'
        ? `${local.time}:00`
        : d.time === 'plus1'
          ? clock(h * 60 + mi + 1)
          : d.time === 'minus60'
            ? clock(h * 60 + mi - 60)
            : d.time === 'noSeconds'
              ? local.time
              : d.time === 'junkTail'
                ? `${local.time}xx`
                : d.time === '24'
                  ? `24:${pad(mi)}:00`
                  : '9:5';
    return { ...base, slotId: `s${k}`, scheduledAt, scheduledDate, scheduledTime };
  });
};

describe('checkLocalTimes: the steady-offset path answers what instantToLocal answers', () => {
  it('equals the plain form, in order, around daylight-saving changes (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.array(anItem, { minLength: 0, maxLength: 40 }),
        (timeZone, draws) => {
          const items = itemsOf(draws, timeZone);
          const input = goodInput({
            creator: { ...goodInput().creator, timezone: timeZone },
            items,
          });
          expect(checkLocalTimes(input)).toEqual(plainLocalTimes(input));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('flags exactly the items whose fields differ from the Intl local time (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.array(anItem, { minLength: 1, maxLength: 30 }),
        (timeZone, draws) => {
          const items = itemsOf(draws, timeZone);
          const input = goodInput({
            creator: { ...goodInput().creator, timezone: timeZone },
            items,
          });
          const flagged = new Set(checkLocalTimes(input).map((i) => i.path));
          items.forEach((item, k) => {
            const ms = Date.parse(item.scheduledAt);
            if (item.scheduledAt === '' || !Number.isFinite(ms)) {
              expect(flagged.has(`items[${k}].scheduledAt`)).toBe(false);
              return;
            }
            const local = intlLocal(item.scheduledAt, timeZone);
            const same =
              local.date === item.scheduledDate && local.time === item.scheduledTime.slice(0, 5);
            expect(flagged.has(`items[${k}].scheduledAt`)).toBe(!same);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('has no steady offset on a change day, and the zone offset elsewhere (literal oracles)', () => {
    const minute = (iso: string) => Date.parse(iso) / 60000;
    expect(steadyOffsetAt(minute('2025-01-20T12:00:00Z'), 'America/Los_Angeles')).toBe(-480);
    expect(steadyOffsetAt(minute('2025-07-01T12:00:00Z'), 'America/Los_Angeles')).toBe(-420);
    expect(steadyOffsetAt(minute('2025-01-20T12:00:00Z'), 'Asia/Kathmandu')).toBe(345);
    expect(steadyOffsetAt(minute('2025-03-09T12:00:00Z'), 'America/Los_Angeles')).toBeNaN();
    expect(steadyOffsetAt(minute('2025-03-30T12:00:00Z'), 'Europe/Berlin')).toBeNaN();
    expect(steadyOffsetAt(Number.NaN, 'UTC')).toBeNaN();
    expect(steadyOffsetAt(minute('2025-01-20T12:00:00Z'), 'Not/AZone')).toBeNaN();
  });
});

/** The plain form of `checkCampaignFrequency`: the validator over every allocated item. */
const plainCampaignFrequency = (input: ValidationInput): ReadonlyArray<Issue> => {
  const first = input.weekDates[0];
  const last = input.weekDates[input.weekDates.length - 1];
  if (first === undefined || last === undefined) return [];
  const lookback = input.policy.campaigns.lookbackDays;
  const fromDate = new Date(`${last}T12:00:00Z`);
  fromDate.setUTCDate(fromDate.getUTCDate() - (lookback - 1));
  const from = fromDate.toISOString().slice(0, 10);
  const past = (input.campaignHistory ?? [])
    .filter((c) => c.date >= from && c.date < first)
    .map((c) => ({ campaignType: c.campaignType, scheduledDate: c.date }));
  const bounds = [{ scheduledDate: first }, { scheduledDate: last }];
  const week = input.items.filter((i) => !i.isFollowUp);
  const found = validateCampaignFrequency([...past, ...bounds, ...week], {
    lookbackDays: lookback,
    reportFrom: first,
    policy: input.policy,
  });
  const own = validateCampaignFrequency([...bounds, ...week], { policy: input.policy });
  return found.issues.map((i) =>
    i.code === 'campaign_total_low' &&
    own.totalMonthlyProjection >= input.policy.campaigns.minPerMonth
      ? issue('campaign_history_low', {
          monthlyProjection: found.totalMonthlyProjection,
          weekProjection: own.totalMonthlyProjection,
          minPerMonth: input.policy.campaigns.minPerMonth,
          daysCovered: found.daysCovered,
        })
      : i,
  );
};

const CAMPAIGNS = [
  'descriptive_wall_campaign',
  'bundle_wall_campaign',
  'spin_the_wheel_game',
  'game_other',
] as const;

describe('checkCampaignFrequency: one plain item per readable date answers the same', () => {
  it('equals the plain form on random weeks and histories (property)', () => {
    const week = weekDatesFrom('2025-01-20');
    const aDate = fc.oneof(
      fc.constantFrom(...week),
      fc.constantFrom('2025-01-19', '2025-01-27', '2025-03-15', '2024-12-01'),
      fc.constantFrom('junk', '2025-1-21', '2025-02-30', ''),
    );
    const anEntry = fc.record({
      date: aDate,
      at: fc.constantFrom(
        '2025-01-22T15:07:00.000Z',
        '2025-03-20T10:00:00.000Z',
        '2024-12-02T10:00:00.000Z',
        'junk',
        '',
      ),
      campaign: fc.option(fc.constantFrom(...CAMPAIGNS), { freq: 3 }),
      undefinedCampaign: fc.boolean(),
      followup: fc.boolean(),
    });
    const aPast = fc.record({
      date: fc.constantFrom('2024-12-25', '2025-01-01', '2025-01-10', '2025-01-18', '2025-01-19'),
      campaignType: fc.constantFrom(...CAMPAIGNS),
    });
    fc.assert(
      fc.property(
        fc.array(anEntry, { minLength: 0, maxLength: 60 }),
        fc.array(aPast, { maxLength: 12 }),
        fc.boolean(),
        (entries, pastDraws, withBase) => {
          const base = goodItems()[0] as ScheduleItem;
          const drawn = entries.map((e, k): ScheduleItem => {
            const item: ScheduleItem = {
              ...base,
              slotId: `e${k}`,
              scheduledDate: e.date,
              scheduledAt: e.at,
              isFollowUp: e.followup,
              campaignType: e.campaign,
            };
            if (e.campaign === null && e.undefinedCampaign) {
              const { campaignType: _c, ...rest } = item;
              return rest as ScheduleItem;
            }
            return item;
          });
          const items = withBase ? [...goodItems(), ...drawn] : drawn;
          const campaignHistory: ReadonlyArray<DatedCampaign> = pastDraws.map((p) => ({
            campaignType: p.campaignType,
            date: p.date,
            gameType: null,
            earnings: null,
          }));
          const input = goodInput({ items, campaignHistory });
          expect(checkCampaignFrequency(input)).toEqual(plainCampaignFrequency(input));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the literal findings of a dense week with two campaigns', () => {
    const base = goodItems()[0] as ScheduleItem;
    // 30 plain sends a day on three days, a bundle wall campaign on the 20th and the 21st
    const items: ScheduleItem[] = [];
    for (const date of ['2025-01-20', '2025-01-21', '2025-01-22'])
      for (let k = 0; k < 30; k++)
        items.push({ ...base, slotId: `${date}_${k}`, scheduledDate: date, campaignType: null });
    items.push({
      ...base,
      slotId: 'c1',
      scheduledDate: '2025-01-20',
      campaignType: 'bundle_wall_campaign',
    });
    items.push({
      ...base,
      slotId: 'c2',
      scheduledDate: '2025-01-21',
      campaignType: 'bundle_wall_campaign',
    });
    const found = checkCampaignFrequency(goodInput({ items }));
    expect(found).toEqual(plainCampaignFrequency(goodInput({ items })));
    const tooClose = found.filter((i) => i.code === 'campaign_too_close');
    expect(tooClose.map((i) => i.details)).toEqual([
      expect.objectContaining({
        campaignType: 'bundle_wall_campaign',
        date: '2025-01-21',
        previousDate: '2025-01-20',
        daysApart: 1,
      }),
    ]);
  });
});

/** Every kept value grouped by key (first-seen key order), the plain form of the repeat checks. */
const grouped = <A, K>(xs: ReadonlyArray<A>, keep: (a: A) => boolean, key: (a: A) => K) => {
  const m = new Map<K, A[]>();
  for (const x of xs)
    if (keep(x)) {
      const g = m.get(key(x));
      if (g === undefined) m.set(key(x), [x]);
      else g.push(x);
    }
  return [...m];
};

const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
const readableTime = (t: unknown): boolean => {
  const m = TIME_RE.exec(typeof t === 'string' ? t : '');
  return m !== null && Number(m[1]) < 24 && Number(m[2]) < 60;
};
const readableAt = (at: unknown): number =>
  typeof at === 'string' && at.length > 0 ? Math.floor(new Date(at).getTime() / 60000) : Number.NaN;

describe('the repeat checks: counting first answers what grouping everything answers', () => {
  it('equal their plain forms on random weeks with repeats (property)', () => {
    const anEntry = fc.record({
      slotId: fc.oneof(
        fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
        fc.constant(undefined),
        fc.constant(7),
      ),
      captionId: fc.oneof(
        fc.constantFrom('c1', 'c2', 'c3', 'c4'),
        fc.constant(null),
        fc.constant(undefined),
      ),
      at: fc.constantFrom(
        '2025-01-20T14:07:00.000Z',
        '2025-01-20T14:07:30.000Z',
        '2025-01-21T16:11:00.000Z',
        '2025-01-22T18:23:00.000Z',
        '',
        'junk',
      ),
      time: fc.constantFrom(
        '09:07:00',
        '09:07:00',
        '11:11:00',
        '13:23:00',
        '13:23',
        '25:00:00',
        'x',
      ),
    });
    fc.assert(
      fc.property(
        fc.array(anEntry, { maxLength: 40 }),
        fc.integer({ min: 1, max: 3 }),
        (entries, maxUses) => {
          const base = goodItems()[0] as ScheduleItem;
          const items = entries.map(
            (e): ScheduleItem => ({
              ...base,
              slotId: e.slotId as string,
              captionId: e.captionId as string | null,
              scheduledAt: e.at,
              scheduledTime: e.time,
            }),
          );
          const policy = resolvePolicy({ timing: { maxClockTimeUsesPerWeek: maxUses } });
          if (policy._tag !== 'Right') throw new Error('policy');
          const input = goodInput({ items, policy: policy.right });
          expect(checkSlotIds(input)).toEqual(
            grouped(
              items,
              () => true,
              (i) => i.slotId,
            )
              .filter(([, g]) => g.length > 1)
              .map(([slotId, g]) => issue('duplicate_slot_id', { slotId, count: g.length })),
          );
          expect(checkCaptionUniqueness(input)).toEqual(
            grouped(
              items,
              (i) => i.captionId !== null && i.captionId !== undefined,
              (i) => i.captionId as string,
            )
              .filter(([, g]) => g.length > 1)
              .map(([captionId, g]) =>
                issue('duplicate_caption', {
                  captionId,
                  count: g.length,
                  slotIds: g.map((i) => i.slotId),
                }),
              ),
          );
          expect(checkTimingConflicts(input)).toEqual(
            grouped(
              items,
              (i) => Number.isFinite(readableAt(i.scheduledAt)),
              (i) => readableAt(i.scheduledAt),
            )
              .filter(([, g]) => g.length > 1)
              .map(([, g]) =>
                issue('timing_conflict', {
                  scheduledAt: g[0]?.scheduledAt ?? '',
                  slotIds: g.map((i) => i.slotId),
                }),
              ),
          );
          expect(checkClockTimeRepeats(input)).toEqual(
            grouped(
              items,
              (i) => readableTime(i.scheduledTime),
              (i) => i.scheduledTime,
            )
              .filter(([, g]) => g.length > maxUses)
              .map(([time, g]) =>
                issue('clock_time_repeated', {
                  scheduledTime: time,
                  count: g.length,
                  max: maxUses,
                  slotIds: g.map((i) => i.slotId),
                }),
              ),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('checkBumpRatio: one pass reports what validateBumpRatio finds', () => {
  it('agrees with validateBumpRatio on random weeks (property)', () => {
    const anItem = fc.record({
      sendTypeKey: fc.constantFrom(
        'bundle',
        'ppv_unlock',
        'ppv_wall',
        'bump_normal',
        'dm_farm',
        'link_drop',
        'tip_goal',
      ),
      channelKey: fc.constantFrom('mass_message', 'wall_post', 'story'),
      isFollowUp: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(anItem, { maxLength: 30 }),
        fc.constantFrom('paid', 'free'),
        (draws, pageType) => {
          const base = goodItems()[0] as ScheduleItem;
          const items = draws.map((d) => ({ ...base, ...d }) as ScheduleItem);
          const input = goodInput({ items, creator: { ...goodInput().creator, pageType } });
          const found = checkBumpRatio(input);
          const r = validateBumpRatio(items, input.creator, input.policy);
          if (r.reason === null) expect(found).toEqual([]);
          else {
            expect(found).toHaveLength(1);
            expect(found[0]?.message).toBe(r.message);
            expect(found[0]?.code).toBe(r.reason === 'empty' ? 'bump_ratio_empty' : 'bump_ratio');
            if (r.reason !== 'empty')
              expect(found[0]?.details).toEqual({
                reason: r.reason,
                tier: r.tier,
                matrixKey: r.matrixKey,
                ppvCount: r.ppvCount,
                bumpCount: r.bumpCount,
                actualRatio: r.actualRatio,
                expectedRange: r.expectedRange,
                bumpsNeeded: r.bumpsNeeded,
              });
          }
          expect(r.ppvCount).toBe(
            items.filter(
              (i) =>
                !i.isFollowUp &&
                ((pageType === 'free' && i.sendTypeKey === 'ppv_wall') ||
                  (['ppv_unlock', 'bundle'].includes(i.sendTypeKey) &&
                    i.channelKey === 'mass_message')),
            ).length,
          );
          expect(r.bumpCount).toBe(
            items.filter((i) => !i.isFollowUp && ['bump_normal', 'dm_farm'].includes(i.sendTypeKey))
              .length,
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
