import { CHANNELS, SEND_TYPES } from '../../src/domain/catalog';
import type {
  LoadedData,
  PhaseContext,
  Targeting,
  TimedSlot,
  Timing,
} from '../../src/domain/stages';
import { addDaysIso, localToEpochMinute } from '../../src/domain/time';
import { localOf } from './fixtures';

const groupBy = <A>(xs: ReadonlyArray<A>, key: (a: A) => string): Map<string, A[]> => {
  const m = new Map<string, A[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
};

const family = (s: TimedSlot) => CHANNELS[s.channelKey].family;

/** Every phase 5 invariant of RULINGS "Timing"; returns the violations found (empty = ok). */
export const timingViolations = (
  ctx: PhaseContext,
  loaded: LoadedData,
  targeting: Targeting,
  timing: Timing,
): ReadonlyArray<string> => {
  const t = ctx.policy.timing;
  const out: string[] = [];
  const slots = timing.slots;
  const issuesOf = (code: string) =>
    new Set(timing.issues.filter((i) => i.code === code).map((i) => String(i.details.slotId)));
  const relaxed = issuesOf('spacing_relaxed');
  const avoidRelaxed = issuesOf('avoid_hours_relaxed');
  const moved = issuesOf('item_moved_next_day');
  const dropped = timing.issues.filter((i) => i.code === 'item_dropped');

  for (const s of slots) {
    const m = s.minuteOfDay;
    if (m < t.windowStartMinute || m > t.windowEndMinute)
      out.push(`${s.slotId} outside window at ${m}`);
    if (t.roundMinutes.includes(m % 60)) out.push(`${s.slotId} on round minute ${s.scheduledTime}`);
    if (s.epochMinute !== localToEpochMinute(s.scheduledDate, m, ctx.creator.timezone))
      out.push(`${s.slotId} epoch mismatch`);
    const local = localOf(s.scheduledAt, ctx.creator.timezone);
    if (local !== `${s.scheduledDate} ${s.scheduledTime.slice(0, 5)}`)
      out.push(
        `${s.slotId} scheduledAt ${s.scheduledAt} is ${local} locally, not ${s.scheduledDate} ${s.scheduledTime}`,
      );
    const v = s.variationMetadata;
    if (v.baseHour * 60 + v.timeShift + v.jitter !== m)
      out.push(`${s.slotId} metadata does not add up`);
    if (v.jitter < t.jitterMin || v.jitter > t.jitterMax)
      out.push(`${s.slotId} jitter ${v.jitter}`);
    if (loaded.timing.avoidHours.includes(Math.floor(m / 60)) && !avoidRelaxed.has(s.slotId))
      out.push(`${s.slotId} in avoid hour without avoid_hours_relaxed`);
    if (
      s.scheduledDate !== s.date &&
      !(moved.has(s.slotId) && s.scheduledDate === addDaysIso(s.date, 1))
    )
      out.push(`${s.slotId} on ${s.scheduledDate} without a move`);
    const exp = SEND_TYPES[s.sendTypeKey].expirationHours;
    if ((exp === null) !== (s.expiresAt === null)) out.push(`${s.slotId} expiry`);
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
        if (d >= (t.spacingSteps[0] ?? 0)) break;
        if (d < (t.spacingSteps[t.spacingSteps.length - 1] ?? 0))
          out.push(`${fam}: ${a.slotId} and ${b.slotId} only ${d} minutes apart`);
        if (!relaxed.has(a.slotId) && !relaxed.has(b.slotId))
          out.push(`${fam}: ${a.slotId} and ${b.slotId} ${d} apart without spacing_relaxed`);
      }
  }

  for (const [key, xs] of groupBy(
    slots,
    (s) => `${family(s)}|${s.scheduledDate}|${Math.floor(s.minuteOfDay / t.blockMinutes)}`,
  ))
    if (xs.length > t.maxPerBlock) out.push(`block ${key} holds ${xs.length}`);

  for (const [key, xs] of groupBy(slots, (s) => s.sendTypeKey)) {
    const sorted = [...xs].sort((a, b) => a.epochMinute - b.epochMinute);
    const gap = SEND_TYPES[key as TimedSlot['sendTypeKey']].minMinutesBetween;
    for (let i = 1; i < sorted.length; i++) {
      const d = (sorted[i] as TimedSlot).epochMinute - (sorted[i - 1] as TimedSlot).epochMinute;
      if (d < gap) out.push(`${key} sends ${d} minutes apart (< ${gap})`);
    }
  }

  for (const [time, xs] of groupBy(slots, (s) => s.scheduledTime))
    if (xs.length > t.maxClockTimeUsesPerWeek)
      out.push(`clock time ${time} used ${xs.length} times`);

  const placedIds = slots.map((s) => s.slotId);
  const droppedIds = dropped.map((i) => String(i.details.slotId));
  const all = [...placedIds, ...droppedIds].sort();
  const input = targeting.slots.map((s) => s.slotId).sort();
  if (all.length !== input.length || all.some((id, i) => id !== input[i]))
    out.push(`placed ${placedIds.length} + dropped ${droppedIds.length} != input ${input.length}`);
  for (const d of dropped)
    if ((d.details.slot as { slotId?: string } | undefined)?.slotId !== d.details.slotId)
      out.push(`dropped ${String(d.details.slotId)} without its slot`);

  return out;
};
