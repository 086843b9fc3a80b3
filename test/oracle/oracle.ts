/**
 * The independent oracle of the RULINGS hard rules: `hardRuleViolations(result)` lists every
 * rule a built week breaks, checked directly on `result.items`, `result.summary`,
 * `result.volume` and `result.validation`. Every number and table comes from `literals.ts`
 * (never from the catalog or the policy of `src/`), so a mutant of a number in `src/` is seen.
 *
 * Pure: no clock, no I/O. One pass prepares the items (epoch minute, local minute, family);
 * each rule is then one linear or sorted scan, so a week of 150 items takes well under a
 * millisecond per rule.
 */
import { tzOffset } from '@date-fns/tz';
import type { Issue } from '../../src/domain/issues';
import type { ScheduleItem, ScheduleResult } from '../../src/index';
import { DEFAULT_LITERALS, type Family, type HardRuleLiterals } from './literals';

/** The names of the hard rules, in report order. */
export const HARD_RULES = [
  'window',
  'lateFollowups',
  'roundMinutes',
  'localTime',
  'uniqueMinutes',
  'spacing',
  'blockCap',
  'clockTimes',
  'typeGaps',
  'expirations',
  'weeklyCaps',
  'pageTypes',
  'channels',
  'categories',
  'followups',
  'linkDrops',
  'captions',
  'categoryBalance',
  'diversity',
  'strategies',
  'nothingLost',
  'confidenceFloor',
  'jitter',
  'volumeTiers',
  'sameStyle',
  'manualCaptions',
  'statusCoherence',
  'statusTruthful',
] as const;

/** One hard rule. */
export type HardRuleName = (typeof HARD_RULES)[number];

/**
 * The rules about the validation status itself; `statusTruthful` asks every other rule.
 */
export const STATUS_RULES: ReadonlyArray<HardRuleName> = [
  'manualCaptions',
  'statusCoherence',
  'statusTruthful',
];

/** Options of `hardRuleViolations`. */
export interface OracleOptions {
  /** The literals to check against; default `DEFAULT_LITERALS`. */
  readonly literals?: HardRuleLiterals;
  /** The build let follow-ups cross midnight (`options.allowNextDayFollowups`). Default false. */
  readonly allowNextDayFollowups?: boolean;
  /** The rules to check; default all of `HARD_RULES`. */
  readonly rules?: ReadonlyArray<HardRuleName>;
}

/** An item with what the rules read, computed once. */
interface Prepared {
  readonly item: ScheduleItem;
  readonly label: string;
  /** Epoch minute of `scheduledAt`, `NaN` when it does not parse. */
  readonly epoch: number;
  /** Local minute of the day of `scheduledTime`, `null` when malformed. */
  readonly minute: number | null;
  /** Family of the item's channel, `undefined` for an unknown channel. */
  readonly family: Family | undefined;
}

interface Ctx {
  readonly result: ScheduleResult;
  readonly lit: HardRuleLiterals;
  readonly allowNextDay: boolean;
  readonly items: ReadonlyArray<Prepared>;
  readonly main: ReadonlyArray<Prepared>;
  readonly followups: ReadonlyArray<Prepared>;
  readonly bySlot: ReadonlyMap<string, Prepared>;
  readonly weekDates: ReadonlyArray<string>;
  readonly adjustments: ReadonlyArray<Issue>;
  /** Memo of rule results inside one call (`statusTruthful` reuses them). */
  readonly memo: Map<HardRuleName, ReadonlyArray<string>>;
}

type Check = (c: Ctx) => ReadonlyArray<string>;

const TIME_RE = /^(\d{2}):(\d{2}):(\d{2})$/;
const SLOT_RE = /^(\d{4}-\d{2}-\d{2})_(\d+)$/;
const DAY_MS = 86_400_000;

/** The number of a `YYYY-MM-DD_n` slot id, for ties in send order; `Infinity` when malformed. */
const slotNumber = (slotId: string): number => {
  const m = SLOT_RE.exec(slotId);
  return m === null ? Number.POSITIVE_INFINITY : Number(m[2]);
};

/** Minute of the day of `HH:mm:ss`, `null` when malformed. */
const minuteOfDay = (time: string): number | null => {
  const m = TIME_RE.exec(time);
  if (m === null) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  return h < 24 && mi < 60 && Number(m[3]) < 60 ? h * 60 + mi : null;
};

/** `YYYY-MM-DD` plus `n` calendar days. */
const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

const hhmm = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const labelOf = (i: ScheduleItem): string =>
  `${i.slotId} ${i.sendTypeKey} ${i.scheduledDate} ${i.scheduledTime.slice(0, 5)} (${i.scheduledAt})`;

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

const byEpoch = (a: Prepared, b: Prepared): number => a.epoch - b.epoch;

const labels = (xs: ReadonlyArray<Prepared>): string => xs.map((x) => x.label).join(' | ');

const isPassing = (c: Ctx): boolean => c.lit.status.passing.includes(c.result.validation.status);

// ------------------------------------------------------------------------------------ time

const window: Check = (c) => {
  const w = c.lit.window;
  const week = new Set(c.weekDates);
  const out: string[] = [];
  for (const p of c.items) {
    const { item, minute } = p;
    if (minute === null) {
      out.push(`${p.label}: scheduledTime is not HH:mm:ss`);
      continue;
    }
    if (minute >= w.quietStartMinute && minute <= w.quietEndMinute)
      out.push(
        `${p.label} in the quiet hours ${hhmm(w.quietStartMinute)}-${hhmm(w.quietEndMinute)}`,
      );
    if (!item.isFollowUp) {
      if (!week.has(item.scheduledDate))
        out.push(`${p.label} is outside the week ${c.weekDates[0]}..${c.weekDates[6]}`);
      if (minute < w.startMinute || minute > w.endMinute)
        out.push(`${p.label} outside ${hhmm(w.startMinute)}-${hhmm(w.endMinute)}`);
      continue;
    }
    const parent = item.parentItemId === null ? undefined : c.bySlot.get(item.parentItemId);
    if (parent === undefined) continue; // `followups` reports the missing parent
    const parentDate = parent.item.scheduledDate;
    if (item.scheduledDate === parentDate) {
      if (minute > w.followupLatestMinute)
        out.push(`follow-up ${p.label} after ${hhmm(w.followupLatestMinute)}`);
    } else if (!(c.allowNextDay && item.scheduledDate === addDays(parentDate, 1)))
      out.push(
        `follow-up ${p.label} is not on its parent's local date ${parentDate}${c.allowNextDay ? ' or the next' : ''} (parent ${parent.label})`,
      );
  }
  return out;
};

/**
 * RULINGS "Follow-ups" late parents: a follow-up stays on its parent's date when at least the
 * minimum delay (15 minutes) remains before 23:59; only a parent later than that may have its
 * follow-up cross midnight (and only with `allowNextDayFollowups`, which `window` checks).
 */
const lateFollowups: Check = (c) => {
  const latest = c.lit.window.followupLatestMinute;
  const min = c.lit.followups.minDelayMinutes;
  return c.followups.flatMap((p) => {
    const parent = p.item.parentItemId === null ? undefined : c.bySlot.get(p.item.parentItemId);
    if (parent === undefined || parent.minute === null) return [];
    if (p.item.scheduledDate === parent.item.scheduledDate) return [];
    return parent.minute <= latest - min
      ? [
          `follow-up ${p.label} crosses midnight though its parent ${parent.label} leaves ${latest - parent.minute} min (>= ${min}) before ${hhmm(latest)}`,
        ]
      : [];
  });
};

const roundMinutes: Check = (c) =>
  c.items
    .filter((p) => p.minute !== null && c.lit.roundMinutes.includes(p.minute % 60))
    .map((p) => `${p.label} on a round minute`);

const localTime: Check = (c) => {
  const zone = c.result.creator.timezone;
  const out: string[] = [];
  for (const p of c.items) {
    const { item } = p;
    const ms = Date.parse(item.scheduledAt);
    if (Number.isNaN(ms) || new Date(ms).toISOString() !== item.scheduledAt) {
      out.push(`${p.label}: scheduledAt is not a UTC ISO instant`);
      continue;
    }
    if (ms % 60_000 !== 0) out.push(`${p.label}: scheduledAt is not on a whole minute`);
    const offset = tzOffset(zone, new Date(ms));
    const local = new Date(ms + offset * 60_000).toISOString();
    const expected = `${item.scheduledDate}T${item.scheduledTime}`;
    if (local.slice(0, 19) !== expected)
      out.push(
        `${p.label}: ${item.scheduledAt} is ${local.slice(0, 10)} ${local.slice(11, 19)} in ${zone} (UTC${offset >= 0 ? '+' : ''}${offset / 60}), not ${item.scheduledDate} ${item.scheduledTime}`,
      );
  }
  return out;
};

const uniqueMinutes: Check = (c) =>
  [
    ...groupBy(
      c.items.filter((p) => !Number.isNaN(p.epoch)),
      (p) => String(p.epoch),
    ),
  ]
    .filter(([, xs]) => xs.length > 1)
    .map(([, xs]) => `${xs.length} sends at the same minute: ${labels(xs)}`);

const spacing: Check = (c) => {
  const s = c.lit.spacing;
  const level = new Map<string, number>();
  for (const i of c.adjustments)
    if (i.code === c.lit.issueCodes.spacingRelaxed) {
      const id = String(i.details.slotId);
      const m =
        typeof i.details.spacingMinutes === 'number' ? i.details.spacingMinutes : s.floorMinutes;
      level.set(id, Math.min(level.get(id) ?? Number.POSITIVE_INFINITY, m));
    }
  const relaxedFor = (p: Prepared, gap: number): boolean =>
    (level.get(p.item.slotId) ?? Number.POSITIVE_INFINITY) <= gap;
  const out: string[] = [];
  for (const [fam, xs] of groupBy(
    c.main.filter((p) => p.family !== undefined && !Number.isNaN(p.epoch)),
    (p) => p.family as string,
  )) {
    const sorted = [...xs].sort(byEpoch);
    for (let a = 0; a < sorted.length; a++)
      for (let b = a + 1; b < sorted.length; b++) {
        const x = sorted[a] as Prepared;
        const y = sorted[b] as Prepared;
        const gap = y.epoch - x.epoch;
        if (gap >= s.targetMinutes) break;
        if (gap < s.floorMinutes)
          out.push(`${fam}: ${gap} min (< ${s.floorMinutes}) between ${x.label} and ${y.label}`);
        else if (!relaxedFor(x, gap) && !relaxedFor(y, gap))
          out.push(
            `${fam}: ${gap} min (< ${s.targetMinutes}) between ${x.label} and ${y.label} and no ${c.lit.issueCodes.spacingRelaxed} names either at <= ${gap}`,
          );
      }
  }
  return out;
};

const blockCap: Check = (c) => {
  const b = c.lit.blocks;
  return [
    ...groupBy(
      c.main.filter((p) => p.minute !== null && p.family !== undefined),
      (p) =>
        `${p.family} ${p.item.scheduledDate} ${hhmm(Math.floor((p.minute as number) / b.blockMinutes) * b.blockMinutes)}`,
    ),
  ]
    .filter(([, xs]) => xs.length > b.maxPerFamily)
    .map(
      ([k, xs]) =>
        `${k} block holds ${xs.length} sends (max ${b.maxPerFamily}): ${labels([...xs].sort(byEpoch))}`,
    );
};

const clockTimes: Check = (c) =>
  [...groupBy(c.items, (p) => p.item.scheduledTime.slice(0, 5))]
    .filter(([, xs]) => xs.length > c.lit.maxClockTimeUsesPerWeek)
    .map(
      ([t, xs]) =>
        `clock time ${t} used ${xs.length} times (max ${c.lit.maxClockTimeUsesPerWeek}): ${labels(xs)}`,
    );

const typeGaps: Check = (c) => {
  const out: string[] = [];
  for (const [key, xs] of groupBy(
    c.items.filter((p) => !Number.isNaN(p.epoch)),
    (p) => p.item.sendTypeKey,
  )) {
    const hours = (c.lit.typeGapHours as Readonly<Record<string, number>>)[key];
    if (hours === undefined) continue; // `categories` reports an unknown send type
    const sorted = [...xs].sort(byEpoch);
    for (let k = 1; k < sorted.length; k++) {
      const x = sorted[k - 1] as Prepared;
      const y = sorted[k] as Prepared;
      const gap = y.epoch - x.epoch;
      if (gap < hours * 60)
        out.push(`${key}: ${gap} min (< ${hours} h) between ${x.label} and ${y.label}`);
    }
  }
  return out;
};

const expirations: Check = (c) =>
  c.items.flatMap((p) => {
    const { item } = p;
    const hours = (c.lit.expirationHours as Readonly<Record<string, number>>)[item.sendTypeKey];
    if (hours === undefined)
      return item.expiresAt === null
        ? []
        : [`${p.label} expires at ${item.expiresAt}, expected null`];
    const expected = Date.parse(item.scheduledAt) + hours * 3_600_000;
    return item.expiresAt !== null &&
      Date.parse(item.expiresAt) === expected &&
      new Date(expected).toISOString() === item.expiresAt
      ? []
      : [
          `${p.label} expires at ${String(item.expiresAt)}, expected ${Number.isNaN(expected) ? '?' : new Date(expected).toISOString()} (+${hours} h)`,
        ];
  });

// ------------------------------------------------------------------------------------ catalog

const weeklyCaps: Check = (c) =>
  [...groupBy(c.items, (p) => p.item.sendTypeKey)].flatMap(([key, xs]) => {
    const cap = (c.lit.weeklyCaps as Readonly<Record<string, number>>)[key];
    return cap !== undefined && xs.length > cap
      ? [`${key} used ${xs.length} times in the week (cap ${cap}): ${labels(xs)}`]
      : [];
  });

const pageTypes: Check = (c) => {
  const page = c.result.creator.pageType;
  const sendTypes = c.lit.pageTypes.sendTypes as Readonly<Record<string, ReadonlyArray<string>>>;
  const targets = c.lit.pageTypes.targets as Readonly<Record<string, ReadonlyArray<string>>>;
  return c.items.flatMap((p) => [
    ...((sendTypes[p.item.sendTypeKey] ?? []).includes(page)
      ? []
      : [`${p.label}: send type ${p.item.sendTypeKey} is not for ${page} pages`]),
    ...((targets[p.item.targetKey] ?? []).includes(page)
      ? []
      : [`${p.label}: target ${p.item.targetKey} is not for ${page} pages`]),
  ]);
};

const channels: Check = (c) => {
  const allowed = c.lit.channels as Readonly<Record<string, ReadonlyArray<string>>>;
  const required = c.lit.requiredTargets as Readonly<Record<string, ReadonlyArray<string>>>;
  return c.items.flatMap((p) => {
    const { item } = p;
    const out: string[] = [];
    if (!(allowed[item.sendTypeKey] ?? []).includes(item.channelKey))
      out.push(
        `${p.label}: channel ${item.channelKey}, ${item.sendTypeKey} uses ${(allowed[item.sendTypeKey] ?? []).join(' or ') || 'no known channel'}`,
      );
    if (p.family === undefined) out.push(`${p.label}: channel ${item.channelKey} has no family`);
    const req = required[item.sendTypeKey];
    if (req !== undefined && !req.includes(item.targetKey))
      out.push(
        `${p.label}: target ${item.targetKey}, ${item.sendTypeKey} requires ${req.join(' or ')}`,
      );
    return out;
  });
};

const categories: Check = (c) => {
  const table = c.lit.categories as Readonly<Record<string, string>>;
  return c.items.flatMap((p) => {
    const expected = table[p.item.sendTypeKey];
    if (expected === undefined) return [`${p.label}: unknown send type ${p.item.sendTypeKey}`];
    return p.item.category === expected
      ? []
      : [`${p.label}: category ${p.item.category}, ${p.item.sendTypeKey} is ${expected}`];
  });
};

const followups: Check = (c) => {
  const f = c.lit.followups;
  const out: string[] = [];
  const perParentDate = new Map<string, Prepared[]>();
  const perParent = new Map<string, Prepared[]>();
  for (const p of c.items) {
    const { item } = p;
    const isType = item.sendTypeKey === f.sendType;
    if (isType !== item.isFollowUp)
      out.push(`${p.label}: isFollowUp ${item.isFollowUp} for send type ${item.sendTypeKey}`);
    if (!item.isFollowUp) {
      // a non-follow-up's parent is the link drops' business (`linkDrops`)
      if (item.followupDelayMinutes !== null)
        out.push(`${p.label}: not a follow-up but has delay ${String(item.followupDelayMinutes)}`);
      continue;
    }
    const parent = item.parentItemId === null ? undefined : c.bySlot.get(item.parentItemId);
    if (parent === undefined) {
      out.push(`follow-up ${p.label}: parent ${String(item.parentItemId)} is not in the schedule`);
      continue;
    }
    perParent.set(parent.item.slotId, [...(perParent.get(parent.item.slotId) ?? []), p]);
    const date = parent.item.scheduledDate;
    perParentDate.set(date, [...(perParentDate.get(date) ?? []), p]);
    if (parent.item.isFollowUp)
      out.push(`follow-up ${p.label}: its parent ${parent.label} is itself a follow-up`);
    else if (!f.parents.includes(parent.item.sendTypeKey))
      out.push(
        `follow-up ${p.label}: parent ${parent.label} is a ${parent.item.sendTypeKey}, only ${f.parents.join(', ')} have follow-ups`,
      );
    const d = item.followupDelayMinutes;
    const gap = p.epoch - parent.epoch;
    if (d === null || !Number.isInteger(d) || d < f.minDelayMinutes || d > f.maxDelayMinutes)
      out.push(
        `follow-up ${p.label}: delay ${String(d)} is not a whole number in ${f.minDelayMinutes}-${f.maxDelayMinutes}`,
      );
    if (d !== gap)
      out.push(
        `follow-up ${p.label}: delay ${String(d)} but ${gap} min after its parent ${parent.label}`,
      );
    if (item.targetKey !== f.target)
      out.push(`follow-up ${p.label}: target ${item.targetKey}, expected ${f.target}`);
    if (item.channelKey !== f.channel)
      out.push(`follow-up ${p.label}: channel ${item.channelKey}, expected ${f.channel}`);
  }
  for (const [parent, xs] of perParent)
    if (xs.length > 1) out.push(`parent ${parent} has ${xs.length} follow-ups: ${labels(xs)}`);
  for (const [date, xs] of perParentDate)
    if (xs.length > f.maxPerParentDate)
      out.push(
        `${xs.length} follow-ups for parents on ${date} (max ${f.maxPerParentDate}): ${labels(xs)}`,
      );
  const sorted = c.followups.filter((p) => !Number.isNaN(p.epoch)).sort(byEpoch);
  for (let k = 1; k < sorted.length; k++) {
    const x = sorted[k - 1] as Prepared;
    const y = sorted[k] as Prepared;
    if (y.epoch - x.epoch < f.minGapMinutes)
      out.push(
        `follow-ups ${y.epoch - x.epoch} min apart (< ${f.minGapMinutes}): ${x.label} and ${y.label}`,
      );
  }
  return out;
};

/**
 * 003 task 2.4 and docs/rulings.md "Timing": a link drop names, in `parentItemId`, the campaign it
 * promotes: a campaign send of the week (never a follow-up) sent before it and less than 24 hours
 * earlier. It has none only when no campaign was sent in those 24 hours, and then a
 * `link_drop_unlinked` issue names it. A send that is neither a follow-up nor a link drop has no
 * parent (follow-ups are the `followups` rule's).
 */
const linkDrops: Check = (c) => {
  const L = c.lit.linkDrops;
  const window = L.lookbackHours * 60;
  const isCampaign = (p: Prepared): boolean =>
    !p.item.isFollowUp && L.campaignTypes.includes(p.item.sendTypeKey);
  const campaigns = c.main.filter((p) => isCampaign(p) && !Number.isNaN(p.epoch)).sort(byEpoch);
  const unlinked = new Set(
    c.adjustments
      .filter((i) => i.code === c.lit.issueCodes.linkDropUnlinked)
      .map((i) => String(i.details.slotId)),
  );
  const out: string[] = [];
  for (const p of c.main) {
    const id = p.item.parentItemId;
    if (!L.sendTypes.includes(p.item.sendTypeKey)) {
      if (id !== null)
        out.push(`${p.label}: neither a follow-up nor a link drop but has parent ${id}`);
      continue;
    }
    if (id === null) {
      const live = campaigns.filter((q) => q.epoch < p.epoch && p.epoch - q.epoch < window);
      const last = live[live.length - 1];
      if (last !== undefined)
        out.push(
          `link drop ${p.label} has no parent though the campaign ${last.label} was sent ${p.epoch - last.epoch} min (< ${L.lookbackHours} h) before it`,
        );
      if (!unlinked.has(p.item.slotId))
        out.push(
          `link drop ${p.label} has no parent and no ${c.lit.issueCodes.linkDropUnlinked} names it`,
        );
      continue;
    }
    const parent = c.bySlot.get(id);
    if (parent === undefined) {
      out.push(`link drop ${p.label}: parent ${id} is not in the schedule`);
      continue;
    }
    if (!isCampaign(parent))
      out.push(
        `link drop ${p.label}: parent ${parent.label} is not a campaign (${L.campaignTypes.join(', ')}, never a follow-up)`,
      );
    const gap = p.epoch - parent.epoch;
    if (!(gap > 0)) out.push(`link drop ${p.label}: parent ${parent.label} is not sent before it`);
    else if (gap >= window)
      out.push(
        `link drop ${p.label}: parent ${parent.label} is sent ${gap} min before it (>= ${L.lookbackHours} h)`,
      );
  }
  return out;
};

const captions: Check = (c) => {
  const manual = c.lit.captions.manualText;
  const out: string[] = [];
  for (const p of c.items) {
    const { item } = p;
    const isManual = item.captionText === manual;
    if (item.needsCaption !== (item.captionId === null) || item.needsCaption !== isManual)
      out.push(
        `${p.label}: needsCaption ${item.needsCaption}, captionId ${String(item.captionId)}, captionText ${JSON.stringify(item.captionText.slice(0, 24))}`,
      );
  }
  for (const [id, xs] of groupBy(
    c.items.filter((p) => p.item.captionId !== null),
    (p) => String(p.item.captionId),
  ))
    if (xs.length > 1) out.push(`caption ${id} used ${xs.length} times: ${labels(xs)}`);
  return out;
};

// ------------------------------------------------------------------------------------ week

const categoryBalance: Check = (c) => {
  const b = c.lit.categoryBalance;
  const table = c.lit.categories as Readonly<Record<string, string>>;
  const total = c.main.length;
  if (total === 0) return ['the week has no allocated items'];
  const count = (cat: string) => c.main.filter((p) => table[p.item.sendTypeKey] === cat).length;
  const [rev, eng, ret] = [count('revenue'), count('engagement'), count('retention')];
  const pct = (n: number) => `${((100 * n) / total).toFixed(1)} %`;
  const eps = 1e-9;
  const shares = `revenue ${rev}, engagement ${eng}, retention ${ret} of ${total} allocated items`;
  return [
    ...(rev < b.revenueMinShare * total - eps
      ? [`revenue is ${pct(rev)} (< ${b.revenueMinShare * 100} %): ${shares}`]
      : []),
    ...(eng < b.engagementMinShare * total - eps
      ? [`engagement is ${pct(eng)} (< ${b.engagementMinShare * 100} %): ${shares}`]
      : []),
    ...(ret > b.retentionMaxShare * total + eps
      ? [`retention is ${pct(ret)} (> ${b.retentionMaxShare * 100} %): ${shares}`]
      : []),
  ];
};

const diversity: Check = (c) => {
  const d = c.lit.diversity;
  const table = c.lit.categories as Readonly<Record<string, string>>;
  const types = [...new Set(c.main.map((p) => p.item.sendTypeKey))].sort();
  const revenue = types.filter((k) => d.revenueTypes.includes(k));
  const engagement = types.filter((k) => table[k] === 'engagement');
  return [
    ...(types.length < d.minDistinctTypes
      ? [`${types.length} distinct send types (< ${d.minDistinctTypes}): ${types.join(', ')}`]
      : []),
    ...(revenue.length < d.minRevenueTypes
      ? [
          `${revenue.length} revenue types of ${d.revenueTypes.join('/')} (< ${d.minRevenueTypes}): ${revenue.join(', ')}`,
        ]
      : []),
    ...(engagement.length < d.minEngagementTypes
      ? [
          `${engagement.length} engagement types (< ${d.minEngagementTypes}): ${engagement.join(', ')}`,
        ]
      : []),
  ];
};

const strategies: Check = (c) => {
  const s = c.lit.strategies;
  const daily = c.result.summary.dailyStrategies;
  const out: string[] = [];
  const keys = Object.keys(daily).sort();
  if (keys.join() !== c.weekDates.join())
    out.push(`dailyStrategies covers ${keys.join(', ')}, not the week ${c.weekDates.join(', ')}`);
  for (const [date, name] of Object.entries(daily))
    if (!(s.names as ReadonlyArray<string>).includes(name))
      out.push(`${date}: strategy ${JSON.stringify(name)} is not one of ${s.names.join(', ')}`);
  for (let k = 1; k < c.weekDates.length; k++) {
    const a = daily[c.weekDates[k - 1] as string];
    const b = daily[c.weekDates[k] as string];
    if (a !== undefined && a === b)
      out.push(`strategy ${a} on two consecutive days ${c.weekDates[k - 1]} and ${c.weekDates[k]}`);
  }
  const distinct = new Set(c.weekDates.map((d) => daily[d]).filter((x) => x !== undefined)).size;
  if (distinct < s.minDistinctPerWeek)
    out.push(`${distinct} distinct strategies in the week (< ${s.minDistinctPerWeek})`);
  for (const p of c.items) {
    const { item } = p;
    const parent =
      item.isFollowUp && item.parentItemId !== null ? c.bySlot.get(item.parentItemId) : undefined;
    const day = item.isFollowUp ? parent?.item.scheduledDate : item.scheduledDate;
    if (day === undefined) continue; // `followups` reports the missing parent
    const expected = daily[day];
    if (item.strategyUsed !== expected)
      out.push(
        `${p.label}: strategyUsed ${item.strategyUsed}, but ${day}${item.isFollowUp ? " (its parent's day)" : ''} is ${String(expected)}`,
      );
  }
  return out;
};

const nothingLost: Check = (c) => {
  const codes = c.lit.issueCodes;
  const out: string[] = [];
  const moved = new Set(
    c.adjustments.filter((i) => i.code === codes.movedNextDay).map((i) => String(i.details.slotId)),
  );
  for (const p of c.main) {
    const m = SLOT_RE.exec(p.item.slotId);
    if (m === null) {
      out.push(`${p.label}: slotId is not YYYY-MM-DD_N`);
      continue;
    }
    const from = m[1] as string;
    if (p.item.scheduledDate === from) continue;
    if (!moved.has(p.item.slotId))
      out.push(
        `${p.label} is not on its allocation date ${from} and no ${codes.movedNextDay} names it`,
      );
    else if (p.item.scheduledDate !== addDays(from, 1))
      out.push(`${p.label} was moved from ${from} but is not on the next date ${addDays(from, 1)}`);
  }
  for (const [id, xs] of groupBy(c.items, (p) => p.item.slotId))
    if (xs.length > 1) out.push(`slot id ${id} used by ${xs.length} items: ${labels(xs)}`);
  let removed = 0;
  const removers: string[] = [];
  for (const i of c.adjustments) {
    const n =
      typeof i.details.removed === 'number' ? i.details.removed : i.code === codes.dropped ? 1 : 0;
    if (n !== 0) {
      removed += n;
      removers.push(
        `${i.code}${i.details.slotId === undefined ? '' : ` ${String(i.details.slotId)}`} -${n}`,
      );
    }
  }
  const planned = c.result.volume.weeklyTotal;
  if (typeof planned !== 'number' || planned !== c.main.length + removed)
    out.push(
      `planned weeklyTotal ${String(planned)} != ${c.main.length} allocated items built + ${removed} reported removed${removers.length > 0 ? ` (${removers.slice(0, 12).join(', ')}${removers.length > 12 ? ', ...' : ''})` : ''}: ${typeof planned === 'number' ? planned - c.main.length - removed : '?'} items unaccounted for`,
    );
  return out;
};

const confidenceFloor: Check = (c) => {
  const f = c.lit.confidence;
  const score = c.result.volume.confidenceScore;
  return [
    ...(typeof score === 'number' && score >= f.floor
      ? []
      : [
          `volume confidence ${String(score)} is below the floor ${f.floor} (minimum safe volumes stand at ${f.floor})`,
        ]),
    ...c.result.validation.errors
      .filter((e) => e.code === f.gateCode)
      .map((e) => `validation error ${e.code}: ${e.message}`),
  ];
};

const jitter: Check = (c) => {
  const { minMinutes, maxMinutes } = c.lit.jitter;
  return c.main
    .filter((p) => {
      const j = p.item.variationMetadata.jitter;
      return !(Number.isInteger(j) && j >= minMinutes && j <= maxMinutes);
    })
    .map(
      (p) =>
        `${p.label} has jitter ${String(p.item.variationMetadata.jitter)} outside ${minMinutes}..+${maxMinutes} minutes`,
    );
};

type Quotas = {
  readonly revenuePerDay: number;
  readonly engagementPerDay: number;
  readonly retentionPerDay: number;
};
const quotasText = (q: Quotas): string =>
  `${q.revenuePerDay}/${q.engagementPerDay}/${q.retentionPerDay}`;

const volumeTiers: Check = (c) => {
  const v = c.result.volume;
  const lit = c.lit.volume;
  const out: string[] = [];
  const row = [...lit.tiers].reverse().find((t) => v.fanCount >= t.minFans);
  if (row === undefined) return [`fan count ${String(v.fanCount)} is in no tier`];
  const noRetention = v.pageType === lit.noRetentionPageType;
  const expectBase: Quotas = {
    revenuePerDay: row.revenuePerDay,
    engagementPerDay: row.engagementPerDay,
    retentionPerDay: noRetention ? 0 : row.retentionPerDay,
  };
  if (v.baseConfig.tier !== row.tier || quotasText(v.baseConfig) !== quotasText(expectBase))
    out.push(
      `baseConfig ${v.baseConfig.tier} ${quotasText(v.baseConfig)} for ${v.fanCount} fans on a ${v.pageType} page; the tier table gives ${row.tier} ${quotasText(expectBase)}`,
    );
  const fallback = lit.fallbacks[v.calculationSource];
  if (fallback !== undefined) {
    if (v.confidenceScore !== fallback.confidence)
      out.push(
        `${v.calculationSource} volume at confidence ${v.confidenceScore}, the level sets ${fallback.confidence}`,
      );
    const q = fallback.quotas ?? expectBase;
    const expectFinal: Quotas = { ...q, retentionPerDay: noRetention ? 0 : q.retentionPerDay };
    if (quotasText(v.finalConfig) !== quotasText(expectFinal))
      out.push(
        `${v.calculationSource} finalConfig ${quotasText(v.finalConfig)} on a ${v.pageType} page, the level gives ${quotasText(expectFinal)}`,
      );
    if (v.calculationSource === 'minimum_safe' && c.result.validation.status === 'passed')
      out.push('a week built from minimum safe volumes is at best passed_with_warnings');
  }
  return out;
};

const manualCaptions: Check = (c) => {
  const total = c.items.length;
  if (total === 0 || !isPassing(c)) return [];
  const manual = c.items.filter((p) => p.item.captionText === c.lit.captions.manualText).length;
  const max = c.lit.status.maxManualShareToPass;
  return manual > max * total + 1e-9
    ? [
        `status ${c.result.validation.status} with ${manual} of ${total} items (${((100 * manual) / total).toFixed(1)} %) on ${c.lit.captions.manualText} (> ${max * 100} %: at best needs_review)`,
      ]
    : [];
};

const statusCoherence: Check = (c) => {
  const v = c.result.validation;
  const s = c.lit.status;
  const out: string[] = [];
  if (!s.all.includes(v.status))
    out.push(`status ${JSON.stringify(v.status)} is not one of ${s.all.join(', ')}`);
  if (!(v.score >= 0 && v.score <= 100)) out.push(`score ${v.score} is not in 0-100`);
  if (isPassing(c) && (v.errors.length > 0 || v.score < s.passScore))
    out.push(
      `status ${v.status} with score ${v.score} (pass ${s.passScore}) and ${v.errors.length} errors${v.errors.length > 0 ? `: ${v.errors.map((e) => e.code).join(', ')}` : ''}`,
    );
  if (v.score < s.reviewScore && v.status !== 'failed')
    out.push(`status ${v.status} with score ${v.score} (< ${s.reviewScore} fails)`);
  return out;
};

/**
 * 003 task 2.1, 2.2 and RULINGS "Rotation and state": every `ppv_unlock` / `ppv_wall` carries one
 * of the four styles, every bundle send type `bundle`, every other item none; per local date, in
 * send order, never two sends of a restricted style in a row (bundle send types included), and
 * at most one pattern send of a restricted style in each half of the day.
 */
const sameStyle: Check = (c) => {
  const L = c.lit.sameStyle;
  const out: string[] = [];
  for (const p of c.items) {
    const { item } = p;
    const style = item.ppvStyle;
    if (!item.isFollowUp && L.patternTypes.includes(item.sendTypeKey)) {
      if (style === null || !L.styles.includes(style))
        out.push(`${p.label} has style ${String(style)}, expected one of ${L.styles.join(', ')}`);
    } else if (!item.isFollowUp && L.bundleTypes.includes(item.sendTypeKey)) {
      if (style !== 'bundle') out.push(`${p.label} has style ${String(style)}, expected bundle`);
    } else if (style !== null) out.push(`${p.label} has style ${style}, expected none`);
  }
  const styled = c.main.filter(
    (p) => p.item.ppvStyle !== null && !Number.isNaN(p.epoch) && p.minute !== null,
  );
  for (const [date, xs] of groupBy(styled, (p) => p.item.scheduledDate)) {
    const day = [...xs].sort(
      (a, b) => a.epoch - b.epoch || slotNumber(a.item.slotId) - slotNumber(b.item.slotId),
    );
    for (let k = 1; k < day.length; k++) {
      const a = day[k - 1] as Prepared;
      const b = day[k] as Prepared;
      if (a.item.ppvStyle === b.item.ppvStyle && L.noBackToBack.includes(String(b.item.ppvStyle)))
        out.push(`${date}: two ${b.item.ppvStyle} in a row, ${a.label} and ${b.label}`);
    }
    for (const style of L.noBackToBack)
      for (const pm of [false, true]) {
        const same = day.filter(
          (p) =>
            p.item.ppvStyle === style &&
            L.patternTypes.includes(p.item.sendTypeKey) &&
            (p.minute as number) >= L.pmStartMinute === pm,
        );
        if (same.length > 1)
          out.push(
            `${date}: ${same.length} ${style} in the ${pm ? 'PM' : 'AM'}: ${same.map((p) => p.label).join(', ')}`,
          );
      }
  }
  return out;
};

const statusTruthful: Check = (c) => {
  if (!isPassing(c)) return [];
  const broken = HARD_RULES.filter((r) => !STATUS_RULES.includes(r))
    .map((r) => [r, run(c, r)] as const)
    .filter(([, vs]) => vs.length > 0);
  return broken.length === 0
    ? []
    : [
        `status ${c.result.validation.status} but the week breaks ${broken.map(([r, vs]) => `${r} (${vs.length}: ${vs[0]})`).join('; ')}`,
      ];
};

const CHECKS: Readonly<Record<HardRuleName, Check>> = {
  window,
  lateFollowups,
  roundMinutes,
  localTime,
  uniqueMinutes,
  spacing,
  blockCap,
  clockTimes,
  typeGaps,
  expirations,
  weeklyCaps,
  pageTypes,
  channels,
  categories,
  followups,
  linkDrops,
  captions,
  categoryBalance,
  diversity,
  strategies,
  nothingLost,
  confidenceFloor,
  jitter,
  volumeTiers,
  sameStyle,
  manualCaptions,
  statusCoherence,
  statusTruthful,
};

const run = (c: Ctx, rule: HardRuleName): ReadonlyArray<string> => {
  const hit = c.memo.get(rule);
  if (hit !== undefined) return hit;
  const out = CHECKS[rule](c);
  c.memo.set(rule, out);
  return out;
};

const prepare = (result: ScheduleResult, options: OracleOptions): Ctx => {
  const lit = options.literals ?? DEFAULT_LITERALS;
  const families = lit.spacing.families as Readonly<Record<string, Family>>;
  const items: Prepared[] = result.items.map((item) => ({
    item,
    label: labelOf(item),
    epoch: Date.parse(item.scheduledAt) / 60_000,
    minute: minuteOfDay(item.scheduledTime),
    family: families[item.channelKey],
  }));
  return {
    result,
    lit,
    allowNextDay: options.allowNextDayFollowups ?? false,
    items,
    main: items.filter((p) => !p.item.isFollowUp),
    followups: items.filter((p) => p.item.isFollowUp),
    bySlot: new Map(items.map((p) => [p.item.slotId, p])),
    weekDates: [0, 1, 2, 3, 4, 5, 6].map((n) => addDays(result.weekStart, n)),
    adjustments: result.summary.adjustments,
    memo: new Map(),
  };
};

/**
 * Every hard rule `result` breaks, as `rule: message` naming the items (slot id, send type,
 * local date and time, instant). Empty when every asked rule holds.
 *
 * `statusTruthful` always asks every non-status rule, whatever `options.rules` says: a week
 * that breaks any of them must not be `passed` or `passed_with_warnings`.
 */
export const hardRuleViolations = (
  result: ScheduleResult,
  options: OracleOptions = {},
): ReadonlyArray<string> => {
  const c = prepare(result, options);
  return (options.rules ?? HARD_RULES).flatMap((rule) => run(c, rule).map((m) => `${rule}: ${m}`));
};

/** The names of the rules `result` breaks (each once), for summaries. */
export const brokenRules = (
  result: ScheduleResult,
  options: OracleOptions = {},
): ReadonlyArray<HardRuleName> => {
  const c = prepare(result, options);
  return (options.rules ?? HARD_RULES).filter((rule) => run(c, rule).length > 0);
};
