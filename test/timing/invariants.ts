/**
 * Every phase 5 invariant of RULINGS "Timing", checked on a `Timing` against literal thresholds:
 * the numbers come from the independent oracle's literals (`test/oracle/literals.ts`, each with
 * its seed reference) and the jitter range below, never from `ctx.policy` or the catalog of
 * `src/` (issue 12). A test that builds with a policy override passes its own thresholds
 * (`timingThresholds({ window: { startMinute: 0 } })`).
 *
 * Local time is checked independently of `src/domain/time`: the local date and time of the
 * instant are computed with `Intl` (`localOf`).
 */
import type { Allocation, LoadedData, TargetedSlot, TimedSlot, Timing } from '../../src/index';
import { DEFAULT_LITERALS, type HardRuleLiterals, overrideLiterals } from '../oracle/literals';
import { localOf } from './fixtures';

/** The thresholds the invariants check against. */
export interface TimingThresholds {
  readonly literals: HardRuleLiterals;
  /** Jitter range in minutes, inclusive. */
  readonly jitter: { readonly min: number; readonly max: number };
}

/** RULINGS defaults. */
export const DEFAULT_TIMING_THRESHOLDS: TimingThresholds = {
  literals: DEFAULT_LITERALS,
  jitter: {
    min: -7, // RULINGS "Timing" jitter: "a deterministic offset in [-7, +8] minutes"; 003 task 2.6
    max: 8, // RULINGS "Timing" jitter; 003 task 2.6
  },
};

/** The default thresholds with some literal groups overridden (for a test's policy override). */
export const timingThresholds = (
  patch: Parameters<typeof overrideLiterals>[1],
  jitter: TimingThresholds['jitter'] = DEFAULT_TIMING_THRESHOLDS.jitter,
): TimingThresholds => ({ literals: overrideLiterals(DEFAULT_LITERALS, patch), jitter });

/** One run of `scheduleTimes`: what it was given and what it answered. */
export interface TimingRun {
  readonly ctx: { readonly creator: { readonly timezone: string } };
  readonly loaded: LoadedData;
  readonly allocation: Allocation;
  readonly targeting: { readonly slots: ReadonlyArray<TargetedSlot> };
  readonly timing: Timing;
}

const groupBy = <A>(xs: ReadonlyArray<A>, key: (a: A) => string): Map<string, A[]> => {
  const m = new Map<string, A[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
};

const DAY_MS = 86_400_000;
const nextDate = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
const hhmm = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Every violation found (empty = every invariant holds). */
export const timingViolations = (
  r: TimingRun,
  thresholds: TimingThresholds = DEFAULT_TIMING_THRESHOLDS,
): ReadonlyArray<string> => {
  const L = thresholds.literals;
  const zone = r.ctx.creator.timezone;
  const families = L.spacing.families as Readonly<Record<string, string>>;
  const family = (s: TimedSlot) => families[s.channelKey] ?? `unknown channel ${s.channelKey}`;
  const gapHours = L.typeGapHours as Readonly<Record<string, number>>;
  const expiry = L.expirationHours as Readonly<Record<string, number>>;
  const out: string[] = [];
  const slots = r.timing.slots;
  const issuesOf = (code: string) => r.timing.issues.filter((i) => i.code === code);
  const idsOf = (code: string) => new Set(issuesOf(code).map((i) => String(i.details.slotId)));
  /** Lowest spacing each relaxed slot was allowed. */
  const relaxedTo = new Map<string, number>();
  for (const i of issuesOf('spacing_relaxed')) {
    const id = String(i.details.slotId);
    const m = Number(i.details.spacingMinutes);
    relaxedTo.set(id, Math.min(relaxedTo.get(id) ?? Number.POSITIVE_INFINITY, m));
  }
  const avoidRelaxed = idsOf('avoid_hours_relaxed');
  const moved = idsOf('item_moved_next_day');
  const dropped = issuesOf('item_dropped');
  const strategyOf = new Map(r.allocation.days.map((d) => [d.date, d.strategy]));

  for (const s of slots) {
    const m = s.minuteOfDay;
    if (m < L.window.startMinute || m > L.window.endMinute)
      out.push(
        `${s.slotId} at ${hhmm(m)} outside ${hhmm(L.window.startMinute)}-${hhmm(L.window.endMinute)}`,
      );
    if (L.roundMinutes.includes(m % 60)) out.push(`${s.slotId} on round minute ${s.scheduledTime}`);
    if (s.scheduledTime !== `${hhmm(m)}:00`)
      out.push(`${s.slotId} scheduledTime ${s.scheduledTime} is not minute ${m}`);
    if (s.epochMinute * 60_000 !== Date.parse(s.scheduledAt))
      out.push(`${s.slotId} epochMinute ${s.epochMinute} is not ${s.scheduledAt}`);
    const local = localOf(s.scheduledAt, zone);
    if (local !== `${s.scheduledDate} ${hhmm(m)}`)
      out.push(
        `${s.slotId} scheduledAt ${s.scheduledAt} is ${local} in ${zone}, not ${s.scheduledDate} ${s.scheduledTime}`,
      );
    const v = s.variationMetadata;
    if (v.baseHour * 60 + v.timeShift + v.jitter !== m)
      out.push(`${s.slotId} metadata does not add up`);
    if (v.jitter < thresholds.jitter.min || v.jitter > thresholds.jitter.max)
      out.push(`${s.slotId} jitter ${v.jitter}`);
    if (r.loaded.timing.avoidHours.includes(Math.floor(m / 60)) && !avoidRelaxed.has(s.slotId))
      out.push(`${s.slotId} in avoid hour without avoid_hours_relaxed`);
    const isMoved = s.scheduledDate !== s.date;
    if (isMoved && !(moved.has(s.slotId) && s.scheduledDate === nextDate(s.date)))
      out.push(`${s.slotId} on ${s.scheduledDate} without a move`);
    // RULINGS "moved items": the day it came from, and the strategy of the day it is sent on
    if (s.movedFromDate !== (isMoved ? s.date : null))
      out.push(`${s.slotId} on ${s.scheduledDate} has movedFromDate ${String(s.movedFromDate)}`);
    const dayStrategy = strategyOf.get(s.scheduledDate);
    if (dayStrategy !== undefined && s.strategyUsed !== dayStrategy)
      out.push(
        `${s.slotId} on ${s.scheduledDate} has strategy ${s.strategyUsed}, not ${dayStrategy}`,
      );
    const hours = expiry[s.sendTypeKey];
    const expected =
      hours === undefined ? null : new Date(Date.parse(s.scheduledAt) + hours * 3_600_000);
    if ((expected?.toISOString() ?? null) !== s.expiresAt)
      out.push(
        `${s.slotId} expires ${String(s.expiresAt)}, expected ${String(expected?.toISOString())}`,
      );
  }

  if (new Set(slots.map((s) => s.epochMinute)).size !== slots.length)
    out.push('two sends share a minute');

  for (let i = 1; i < slots.length; i++)
    if ((slots[i - 1] as TimedSlot).epochMinute > (slots[i] as TimedSlot).epochMinute)
      out.push('not sorted');

  for (const [fam, xs] of groupBy(slots, family)) {
    const sorted = [...xs].sort((a, b) => a.epochMinute - b.epochMinute);
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length; j++) {
        const a = sorted[i] as TimedSlot;
        const b = sorted[j] as TimedSlot;
        const d = b.epochMinute - a.epochMinute;
        if (d >= L.spacing.targetMinutes) break;
        if (d < L.spacing.floorMinutes)
          out.push(`${fam}: ${a.slotId} and ${b.slotId} only ${d} minutes apart`);
        const allowed = (id: string) => (relaxedTo.get(id) ?? Number.POSITIVE_INFINITY) <= d;
        if (!allowed(a.slotId) && !allowed(b.slotId))
          out.push(
            `${fam}: ${a.slotId} and ${b.slotId} ${d} apart without spacing_relaxed to <= ${d}`,
          );
      }
  }

  const block = L.blocks.blockMinutes;
  for (const [key, xs] of groupBy(
    slots,
    (s) => `${family(s)}|${s.scheduledDate}|${hhmm(Math.floor(s.minuteOfDay / block) * block)}`,
  ))
    if (xs.length > L.blocks.maxPerFamily) out.push(`block ${key} holds ${xs.length}`);

  for (const [key, xs] of groupBy(slots, (s) => s.sendTypeKey)) {
    const sorted = [...xs].sort((a, b) => a.epochMinute - b.epochMinute);
    const gap = (gapHours[key] ?? Number.NaN) * 60;
    for (let i = 1; i < sorted.length; i++) {
      const d = (sorted[i] as TimedSlot).epochMinute - (sorted[i - 1] as TimedSlot).epochMinute;
      if (!(d >= gap)) out.push(`${key} sends ${d} minutes apart (< ${gap})`);
    }
  }

  for (const [time, xs] of groupBy(slots, (s) => s.scheduledTime.slice(0, 5)))
    if (xs.length > L.maxClockTimeUsesPerWeek)
      out.push(`clock time ${time} used ${xs.length} times`);

  // RULINGS "nothing lost": every input slot is placed or dropped, and the drop names the item
  const placedIds = slots.map((s) => s.slotId);
  const droppedIds = dropped.map((i) => String(i.details.slotId));
  const all = [...placedIds, ...droppedIds].sort();
  const input = r.targeting.slots.map((s) => s.slotId).sort();
  if (all.length !== input.length || all.some((id, i) => id !== input[i]))
    out.push(`placed ${placedIds.length} + dropped ${droppedIds.length} != input ${input.length}`);
  const inputById = new Map(r.targeting.slots.map((s) => [s.slotId, s]));
  for (const d of dropped) {
    const slot = inputById.get(String(d.details.slotId));
    const named =
      slot !== undefined &&
      d.details.sendTypeKey === slot.sendTypeKey &&
      d.details.date === slot.date &&
      d.details.category === slot.category &&
      d.details.removed === 1;
    if (!named) out.push(`item_dropped ${String(d.details.slotId)} does not name its item`);
  }

  return out;
};
