/**
 * The hard rules of a built week (RULINGS), checked directly on `result.items` and the summary,
 * independently of `src/validation`. Each check returns the violations it finds as
 * `rule: message` strings; an empty list means the rule holds.
 *
 * The numbers are the RULINGS defaults (the builds under test use no policy override); per-type
 * numbers come from the catalog (`SEND_TYPES`, `TARGETS`, `CHANNELS`).
 */
import { TZDate, tz } from '@date-fns/tz';
import { format } from 'date-fns';
import {
  CHANNELS,
  type ChannelFamily,
  SEND_TYPES,
  type SendTypeKey,
  TARGETS,
} from '../../src/domain/catalog';
import type { Issue } from '../../src/domain/issues';
import type { ScheduleItem, ScheduleResult } from '../../src/domain/types';

/** RULINGS numbers (minutes unless said otherwise). */
export const RULES = {
  windowStart: 8 * 60,
  windowEnd: 23 * 60 + 30,
  followupLatest: 23 * 60 + 59,
  quietStart: 3 * 60,
  quietEnd: 8 * 60 - 1,
  roundMinutes: [0, 15, 30, 45],
  spacingFloor: 20,
  spacingTarget: 45,
  blockMinutes: 240,
  maxPerBlock: 3,
  maxClockTimeUses: 2,
  followupMinDelay: 15,
  followupMaxDelay: 45,
  maxFollowupsPerDay: 4,
  manualCaptionText: 'MANUAL_REQUIRED',
  minDistinctTypes: 10,
  minRevenueTypes: 5,
  minEngagementTypes: 5,
  minStrategies: 3,
  passScore: 85,
  statuses: ['passed', 'passed_with_warnings', 'needs_review', 'failed'],
} as const;

/** Names of the rule groups `ruleViolations` reports. */
export type RuleName =
  | 'window'
  | 'roundMinutes'
  | 'localTime'
  | 'uniqueInstants'
  | 'spacing'
  | 'blockCap'
  | 'typeGaps'
  | 'clockTimes'
  | 'expirations'
  | 'weeklyCaps'
  | 'pageTypes'
  | 'categories'
  | 'followups'
  | 'captions'
  | 'strategies'
  | 'diversity'
  | 'variety'
  | 'nothingLost'
  | 'volume'
  | 'status';

/** Rule groups of the property tests. */
export const TIME_RULES: ReadonlyArray<RuleName> = [
  'window',
  'roundMinutes',
  'localTime',
  'uniqueInstants',
  'spacing',
  'blockCap',
  'typeGaps',
  'clockTimes',
  'expirations',
];
export const CATALOG_RULES: ReadonlyArray<RuleName> = [
  'weeklyCaps',
  'pageTypes',
  'categories',
  'followups',
  'captions',
];
export const WEEK_RULES: ReadonlyArray<RuleName> = [
  'strategies',
  'diversity',
  'variety',
  'nothingLost',
  'volume',
  'status',
];
export const ALL_RULES: ReadonlyArray<RuleName> = [...TIME_RULES, ...CATALOG_RULES, ...WEEK_RULES];

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2}):(\d{2})$/;
const SLOT_RE = /^(\d{4}-\d{2}-\d{2})_(\d+)$/;

/** Minute of the day of `HH:mm:ss`, or `null` when malformed. */
export const minuteOfDay = (time: string): number | null => {
  const m = TIME_RE.exec(time);
  if (m === null) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  return h < 24 && mi < 60 && Number(m[3]) < 60 ? h * 60 + mi : null;
};

/** Epoch minute of an ISO instant. */
const epochMinute = (iso: string): number => Date.parse(iso) / 60_000;

/** `YYYY-MM-DD` plus `n` days (calendar arithmetic in UTC). */
export const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Allocation date of a slot id (`2025-01-20_3`, `2025-01-20_3_followup`). */
export const slotDate = (slotId: string): string => slotId.slice(0, 10);

/** Allocation number of a non-follow-up slot id, `null` when it does not match `YYYY-MM-DD_N`. */
const slotNumber = (slotId: string): number | null => {
  const m = SLOT_RE.exec(slotId);
  return m === null ? null : Number(m[2]);
};

/** Local `YYYY-MM-DD HH:mm:ss` of an instant in `zone` (via @date-fns/tz). */
export const localOf = (iso: string, zone: string): string =>
  format(new Date(iso), 'yyyy-MM-dd HH:mm:ss', { in: tz(zone) });

/** Epoch ms of a local date and time in `zone` (via @date-fns/tz). */
export const instantOf = (date: string, time: string, zone: string): number => {
  const d = DATE_RE.exec(date);
  const t = TIME_RE.exec(time);
  if (d === null || t === null) return Number.NaN;
  return new TZDate(
    Number(d[1]),
    Number(d[2]) - 1,
    Number(d[3]),
    Number(t[1]),
    Number(t[2]),
    Number(t[3]),
    zone,
  ).getTime();
};

const familyOf = (i: ScheduleItem): ChannelFamily => CHANNELS[i.channelKey].family;

const groupBy = <A>(xs: ReadonlyArray<A>, key: (a: A) => string): Map<string, A[]> => {
  const m = new Map<string, A[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list === undefined) m.set(k, [x]);
    else list.push(x);
  }
  return m;
};

const byInstant = (a: ScheduleItem, b: ScheduleItem): number =>
  epochMinute(a.scheduledAt) - epochMinute(b.scheduledAt);

const adjustmentsOf = (r: ScheduleResult, code: string): ReadonlyArray<Issue> =>
  r.summary.adjustments.filter((i) => i.code === code);

const slotIdsOf = (issues: ReadonlyArray<Issue>): Set<string> =>
  new Set(issues.map((i) => String(i.details.slotId)));

const itemLabel = (i: ScheduleItem): string =>
  `${i.slotId} ${i.sendTypeKey}@${i.scheduledDate} ${i.scheduledTime} (${i.scheduledAt}, ${i.channelKey})`;

/** The seven dates of the week. */
export const weekDatesOf = (weekStart: string): ReadonlyArray<string> =>
  [0, 1, 2, 3, 4, 5, 6].map((n) => addDays(weekStart, n));

type Check = (r: ScheduleResult) => ReadonlyArray<string>;

// ---------------------------------------------------------------- time

const window: Check = (r) => {
  const out: string[] = [];
  const week = new Set(weekDatesOf(r.weekStart));
  const bySlot = new Map(r.items.map((i) => [i.slotId, i]));
  for (const i of r.items) {
    const m = minuteOfDay(i.scheduledTime);
    if (m === null) {
      out.push(`malformed scheduledTime ${itemLabel(i)}`);
      continue;
    }
    if (!week.has(i.scheduledDate)) out.push(`${itemLabel(i)} outside the week`);
    if (m >= RULES.quietStart && m <= RULES.quietEnd) out.push(`${itemLabel(i)} in 03:00-07:59`);
    if (!i.isFollowUp) {
      if (m < RULES.windowStart || m > RULES.windowEnd)
        out.push(`${itemLabel(i)} outside 08:00-23:30`);
    } else {
      const parent = i.parentItemId === null ? undefined : bySlot.get(i.parentItemId);
      if (parent !== undefined && parent.scheduledDate !== i.scheduledDate)
        out.push(`follow-up ${itemLabel(i)} not on its parent's date ${parent.scheduledDate}`);
      if (m > RULES.followupLatest) out.push(`follow-up ${itemLabel(i)} after 23:59`);
    }
  }
  return out;
};

const roundMinutes: Check = (r) =>
  r.items
    .filter((i) =>
      (RULES.roundMinutes as ReadonlyArray<number>).includes(
        (minuteOfDay(i.scheduledTime) ?? 0) % 60,
      ),
    )
    .map((i) => `${itemLabel(i)} on a round minute`);

const localTime: Check = (r) => {
  const zone = r.creator.timezone;
  const out: string[] = [];
  for (const i of r.items) {
    const local = localOf(i.scheduledAt, zone);
    const expected = `${i.scheduledDate} ${i.scheduledTime}`;
    if (local !== expected) out.push(`${itemLabel(i)} is ${local} in ${zone}, not ${expected}`);
    else if (instantOf(i.scheduledDate, i.scheduledTime, zone) !== Date.parse(i.scheduledAt))
      out.push(`${itemLabel(i)}: ${expected} in ${zone} is not ${i.scheduledAt}`);
    if (
      Number.isNaN(Date.parse(i.scheduledAt)) ||
      new Date(i.scheduledAt).toISOString() !== i.scheduledAt
    )
      out.push(`${itemLabel(i)}: scheduledAt is not a UTC ISO instant`);
  }
  return out;
};

const uniqueInstants: Check = (r) =>
  [...groupBy(r.items, (i) => String(epochMinute(i.scheduledAt)))]
    .filter(([, xs]) => xs.length > 1)
    .map(([, xs]) => `same instant: ${xs.map(itemLabel).join(' | ')}`);

const spacing: Check = (r) => {
  const out: string[] = [];
  const relaxed = slotIdsOf(adjustmentsOf(r, 'spacing_relaxed'));
  const main = r.items.filter((i) => !i.isFollowUp);
  for (const [fam, xs] of groupBy(main, familyOf)) {
    const sorted = [...xs].sort(byInstant);
    for (let a = 0; a < sorted.length; a++)
      for (let b = a + 1; b < sorted.length; b++) {
        const x = sorted[a] as ScheduleItem;
        const y = sorted[b] as ScheduleItem;
        const gap = epochMinute(y.scheduledAt) - epochMinute(x.scheduledAt);
        if (gap >= RULES.spacingTarget) break;
        if (gap < RULES.spacingFloor)
          out.push(`${fam}: ${gap} min between ${itemLabel(x)} and ${itemLabel(y)}`);
        else if (!relaxed.has(x.slotId) && !relaxed.has(y.slotId))
          out.push(
            `${fam}: ${gap} min between ${itemLabel(x)} and ${itemLabel(y)} without spacing_relaxed`,
          );
      }
  }
  return out;
};

const blockCap: Check = (r) =>
  [
    ...groupBy(
      r.items.filter((i) => !i.isFollowUp),
      (i) =>
        `${familyOf(i)} ${i.scheduledDate} block ${Math.floor((minuteOfDay(i.scheduledTime) ?? 0) / RULES.blockMinutes)}`,
    ),
  ]
    .filter(([, xs]) => xs.length > RULES.maxPerBlock)
    .map(([k, xs]) => `${k} holds ${xs.length}: ${xs.map(itemLabel).join(' | ')}`);

const typeGaps: Check = (r) => {
  const out: string[] = [];
  for (const [key, xs] of groupBy(r.items, (i) => i.sendTypeKey)) {
    const min = SEND_TYPES[key as SendTypeKey].minMinutesBetween;
    const sorted = [...xs].sort(byInstant);
    for (let k = 1; k < sorted.length; k++) {
      const x = sorted[k - 1] as ScheduleItem;
      const y = sorted[k] as ScheduleItem;
      const gap = epochMinute(y.scheduledAt) - epochMinute(x.scheduledAt);
      if (gap < min)
        out.push(`${key}: ${gap} min (< ${min}) between ${itemLabel(x)} and ${itemLabel(y)}`);
    }
  }
  return out;
};

const clockTimes: Check = (r) =>
  [...groupBy(r.items, (i) => i.scheduledTime.slice(0, 5))]
    .filter(([, xs]) => xs.length > RULES.maxClockTimeUses)
    .map(([t, xs]) => `clock time ${t} used ${xs.length} times: ${xs.map(itemLabel).join(' | ')}`);

const expirations: Check = (r) =>
  r.items.flatMap((i) => {
    const hours = SEND_TYPES[i.sendTypeKey].expirationHours;
    if (hours === null)
      return i.expiresAt === null
        ? []
        : [`${itemLabel(i)} expires at ${i.expiresAt}, expected null`];
    const expected = Date.parse(i.scheduledAt) + hours * 3_600_000;
    return i.expiresAt !== null && Date.parse(i.expiresAt) === expected
      ? []
      : [
          `${itemLabel(i)} expires at ${String(i.expiresAt)}, expected ${new Date(expected).toISOString()}`,
        ];
  });

// ---------------------------------------------------------------- catalog

const weeklyCaps: Check = (r) =>
  [...groupBy(r.items, (i) => i.sendTypeKey)].flatMap(([key, xs]) => {
    const cap = SEND_TYPES[key as SendTypeKey].weeklyCap;
    return cap !== null && xs.length > cap ? [`${key} used ${xs.length} times (cap ${cap})`] : [];
  });

const pageTypes: Check = (r) => {
  const page = r.creator.pageType;
  return r.items.flatMap((i) => [
    ...(SEND_TYPES[i.sendTypeKey].pageTypes.includes(page)
      ? []
      : [`${itemLabel(i)}: send type not for ${page} pages`]),
    ...(TARGETS[i.targetKey].pageTypes.includes(page)
      ? []
      : [`${itemLabel(i)}: target ${i.targetKey} not for ${page} pages`]),
  ]);
};

const categories: Check = (r) =>
  r.items
    .filter((i) => i.category !== SEND_TYPES[i.sendTypeKey].category)
    .map(
      (i) =>
        `${itemLabel(i)} has category ${i.category}, catalog says ${SEND_TYPES[i.sendTypeKey].category}`,
    );

const followups: Check = (r) => {
  const out: string[] = [];
  const bySlot = new Map(r.items.map((i) => [i.slotId, i]));
  const perParentDate = new Map<string, number>();
  for (const i of r.items) {
    const generated = SEND_TYPES[i.sendTypeKey].generatedBy === 'followups';
    if (generated !== i.isFollowUp)
      out.push(
        `${itemLabel(i)}: isFollowUp ${i.isFollowUp} for a ${SEND_TYPES[i.sendTypeKey].generatedBy} type`,
      );
    if (!i.isFollowUp) {
      if (i.parentItemId !== null || i.followupDelayMinutes !== null)
        out.push(
          `${itemLabel(i)}: not a follow-up but has parent ${String(i.parentItemId)} / delay ${String(i.followupDelayMinutes)}`,
        );
      continue;
    }
    const parent = i.parentItemId === null ? undefined : bySlot.get(i.parentItemId);
    if (parent === undefined) {
      out.push(`follow-up ${itemLabel(i)}: parent ${String(i.parentItemId)} not in the schedule`);
      continue;
    }
    if (parent.isFollowUp)
      out.push(`follow-up ${itemLabel(i)}: parent ${parent.slotId} is itself a follow-up`);
    if (!SEND_TYPES[parent.sendTypeKey].canHaveFollowup)
      out.push(`follow-up ${itemLabel(i)}: parent ${itemLabel(parent)} cannot have a follow-up`);
    const diff = epochMinute(i.scheduledAt) - epochMinute(parent.scheduledAt);
    const d = i.followupDelayMinutes;
    if (
      d === null ||
      d < RULES.followupMinDelay ||
      d > RULES.followupMaxDelay ||
      !Number.isInteger(d)
    )
      out.push(`follow-up ${itemLabel(i)}: delay ${String(d)} outside 15-45`);
    if (d !== diff)
      out.push(
        `follow-up ${itemLabel(i)}: delay ${String(d)} but ${diff} min after ${itemLabel(parent)}`,
      );
    if (i.targetKey !== 'ppv_non_purchasers')
      out.push(`follow-up ${itemLabel(i)}: target ${i.targetKey}`);
    if (i.channelKey !== 'targeted_message')
      out.push(`follow-up ${itemLabel(i)}: channel ${i.channelKey}`);
    perParentDate.set(parent.scheduledDate, (perParentDate.get(parent.scheduledDate) ?? 0) + 1);
  }
  for (const [date, n] of perParentDate)
    if (n > RULES.maxFollowupsPerDay) out.push(`${n} follow-ups for parents on ${date}`);
  const parents = r.items.filter((i) => i.isFollowUp).map((i) => i.parentItemId);
  if (new Set(parents).size !== parents.length) out.push('a parent has two follow-ups');
  return out;
};

const captions: Check = (r) => {
  const out: string[] = [];
  for (const [id, xs] of groupBy(
    r.items.filter((i) => i.captionId !== null),
    (i) => String(i.captionId),
  ))
    if (xs.length > 1)
      out.push(`caption ${id} used ${xs.length} times: ${xs.map(itemLabel).join(' | ')}`);
  for (const i of r.items) {
    const manualText = i.captionText === RULES.manualCaptionText;
    if (i.needsCaption !== (i.captionId === null) || i.needsCaption !== manualText)
      out.push(
        `${itemLabel(i)}: needsCaption ${i.needsCaption}, captionId ${String(i.captionId)}, text ${JSON.stringify(i.captionText.slice(0, 30))}`,
      );
  }
  return out;
};

// ---------------------------------------------------------------- week

const strategies: Check = (r) => {
  const out: string[] = [];
  const dates = weekDatesOf(r.weekStart);
  const s = r.summary.dailyStrategies;
  const keys = Object.keys(s).sort();
  if (keys.join() !== dates.join())
    out.push(`dailyStrategies keys ${keys.join()} are not the week ${dates.join()}`);
  for (let k = 1; k < dates.length; k++)
    if (s[dates[k] as string] !== undefined && s[dates[k] as string] === s[dates[k - 1] as string])
      out.push(`strategy ${String(s[dates[k] as string])} on ${dates[k - 1]} and ${dates[k]}`);
  const distinct = new Set(Object.values(s)).size;
  if (distinct < RULES.minStrategies) out.push(`only ${distinct} distinct strategies`);
  for (const i of r.items) {
    const expected = s[slotDate(i.slotId)];
    if (i.strategyUsed !== expected)
      out.push(
        `${itemLabel(i)}: strategy ${i.strategyUsed}, allocation day says ${String(expected)}`,
      );
  }
  return out;
};

const diversity: Check = (r) => {
  const types = new Set(r.items.filter((i) => !i.isFollowUp).map((i) => i.sendTypeKey));
  const count = (c: string) => [...types].filter((k) => SEND_TYPES[k].category === c).length;
  const [distinct, revenue, engagement] = [types.size, count('revenue'), count('engagement')];
  if (
    distinct >= RULES.minDistinctTypes &&
    revenue >= RULES.minRevenueTypes &&
    engagement >= RULES.minEngagementTypes
  )
    return [];
  const missing = [
    ...(adjustmentsOf(r, 'diversity_shortfall').length > 0
      ? []
      : ['diversity_shortfall adjustment']),
    ...(r.validation.errors.some((e) => e.code === 'insufficient_diversity')
      ? []
      : ['insufficient_diversity error']),
  ];
  return missing.length === 0
    ? []
    : [
        `${distinct} types (${revenue} revenue, ${engagement} engagement) without ${missing.join(' and ')}`,
      ];
};

const variety: Check = (r) => {
  const disturbed = new Set(
    [...adjustmentsOf(r, 'item_moved_next_day'), ...adjustmentsOf(r, 'item_dropped')].map((i) =>
      slotDate(String(i.details.slotId)),
    ),
  );
  const out: string[] = [];
  for (const [date, xs] of groupBy(
    r.items.filter((i) => !i.isFollowUp),
    (i) => slotDate(i.slotId),
  )) {
    if (disturbed.has(date)) continue;
    const sorted = [...xs].sort(
      (a, b) => (slotNumber(a.slotId) ?? 0) - (slotNumber(b.slotId) ?? 0),
    );
    for (let k = 1; k < sorted.length; k++) {
      const a = sorted[k - 1] as ScheduleItem;
      const b = sorted[k] as ScheduleItem;
      if (a.sendTypeKey === b.sendTypeKey)
        out.push(`${date}: ${a.slotId} and ${b.slotId} are both ${a.sendTypeKey}`);
    }
  }
  return out;
};

const nothingLost: Check = (r) => {
  const out: string[] = [];
  const dropped = adjustmentsOf(r, 'item_dropped').map((i) => String(i.details.slotId));
  const moved = new Map(
    adjustmentsOf(r, 'item_moved_next_day').map((i) => [String(i.details.slotId), i]),
  );
  const main = r.items.filter((i) => !i.isFollowUp);
  for (const i of main) {
    if (slotNumber(i.slotId) === null) out.push(`${itemLabel(i)}: slot id is not YYYY-MM-DD_N`);
    const from = slotDate(i.slotId);
    if (i.scheduledDate !== from && !(moved.has(i.slotId) && i.scheduledDate === addDays(from, 1)))
      out.push(
        `${itemLabel(i)} is not on its allocation date ${from} and no item_moved_next_day says so`,
      );
  }
  const ids = [...main.map((i) => i.slotId), ...dropped];
  if (new Set(ids).size !== ids.length)
    out.push('a slot id appears twice among items and item_dropped');
  for (const [date, xs] of groupBy(ids, slotDate)) {
    const numbers = xs.map(slotNumber).filter((n): n is number => n !== null);
    const max = Math.max(...numbers);
    if (max !== xs.length)
      out.push(
        `${date}: slots up to _${max} allocated but ${xs.length} placed or dropped (${xs.length - dropped.filter((d) => slotDate(d) === date).length} items)`,
      );
  }
  return out;
};

const volume: Check = (r) => {
  const out: string[] = [];
  const f = r.volume.finalConfig;
  if (r.creator.pageType === 'free' && f.retentionPerDay !== 0)
    out.push(`free page with retentionPerDay ${f.retentionPerDay}`);
  const daily = f.revenuePerDay + f.engagementPerDay + f.retentionPerDay;
  const w = r.volume.weeklyDistribution as Readonly<Record<string, number>>;
  const keys = Object.keys(w).sort();
  if (keys.join() !== '0,1,2,3,4,5,6') out.push(`weeklyDistribution keys ${keys.join()}`);
  const total = Object.values(w).reduce((a, b) => a + b, 0);
  if (total !== 7 * daily) out.push(`weeklyDistribution sums to ${total}, expected 7 x ${daily}`);
  return out;
};

const status: Check = (r) => {
  const v = r.validation;
  const out: string[] = [];
  if (!(RULES.statuses as ReadonlyArray<string>).includes(v.status)) out.push(`status ${v.status}`);
  if (!(v.score >= 0 && v.score <= 100)) out.push(`score ${v.score}`);
  if (
    (v.status === 'passed' || v.status === 'passed_with_warnings') &&
    (v.errors.length > 0 || v.score < RULES.passScore)
  )
    out.push(
      `status ${v.status} with score ${v.score} and errors ${v.errors.map((e) => e.code).join(',')}`,
    );
  return out;
};

const CHECKS: Readonly<Record<RuleName, Check>> = {
  window,
  roundMinutes,
  localTime,
  uniqueInstants,
  spacing,
  blockCap,
  typeGaps,
  clockTimes,
  expirations,
  weeklyCaps,
  pageTypes,
  categories,
  followups,
  captions,
  strategies,
  diversity,
  variety,
  nothingLost,
  volume,
  status,
};

/**
 * Every violation of the named rules in `result`, as `rule: message`. Empty when all hold.
 */
export const ruleViolations = (
  result: ScheduleResult,
  rules: ReadonlyArray<RuleName> = ALL_RULES,
): ReadonlyArray<string> =>
  rules.flatMap((name) => CHECKS[name](result).map((m) => `${name}: ${m}`));
