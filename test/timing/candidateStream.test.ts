/**
 * Issue 11: the candidate stream draws its jitters from one mutable cursor (`drawsFrom`) and
 * writes each base's order into a reused buffer. The oracle here is the stream as it was first
 * written (kept below, literally): one immutable `nextInt` per base, threaded, each order built
 * with slices, bases as objects. Both must give the same candidates in the same order for any
 * seed, preferred hours, shift, start index and timing policy (including a policy that leaves
 * no valid jitter, a one-minute window and fallback steps of one minute).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SchedulePolicy } from '../../src/domain/policy';
import { DEFAULT_POLICY, jitterOrder, nextInt, type Rng, rngFrom } from '../../src/index';
import { drawsFrom } from '../../src/random/draws';
import { baseStream, type Candidate, candidateStream } from '../../src/timing/candidates';
import { drawJitterOrder, jitterTable } from '../../src/timing/jitter';

type TimingPolicy = Pick<SchedulePolicy, 'timing'>;

/** The policy fields the stream reads, as literals (the defaults: 08:00-23:30, -7..+8, :00/:15/:30/:45, 5 minutes). */
const literalPolicy = (o: {
  windowStartMinute: number;
  windowEndMinute: number;
  jitterMin: number;
  jitterMax: number;
  roundMinutes: ReadonlyArray<number>;
  fallbackStepMinutes: number;
}): TimingPolicy => ({ timing: { ...DEFAULT_POLICY.timing, ...o } }) as TimingPolicy;

const DEFAULTS_LITERAL = literalPolicy({
  windowStartMinute: 480,
  windowEndMinute: 1410,
  jitterMin: -7,
  jitterMax: 8,
  roundMinutes: [0, 15, 30, 45],
  fallbackStepMinutes: 5,
});

const isRound = (m: number, p: TimingPolicy) =>
  p.timing.roundMinutes.includes(((m % 60) + 60) % 60);

/** The first definition of `jitterOrder`: valid offsets, one draw, the order built by slices. */
const referenceJitterOrder = (
  rng: Rng,
  base: number,
  p: TimingPolicy,
): readonly [ReadonlyArray<number>, Rng] => {
  const valid: number[] = [];
  for (let o = p.timing.jitterMin; o <= p.timing.jitterMax; o++)
    if (!isRound(base + o, p)) valid.push(o);
  if (valid.length === 0) {
    for (let d = 0; d < 60; d++)
      for (const o of [d, -d]) if (!isRound(base + o, p)) return [[o], rng];
    return [[0], rng];
  }
  const n = valid.length;
  const turns = Math.max(1, 2 * (n - 1));
  const [k, next] = nextInt(rng, 0, n * turns - 1);
  const i = k % n;
  const rest = [...valid.slice(0, i), ...valid.slice(i + 1)];
  const t = Math.floor(k / n);
  const start = t % Math.max(1, rest.length);
  const step = t < rest.length ? 1 : rest.length - 1;
  const order = [valid[i] as number];
  for (let j = 0; j < rest.length; j++)
    order.push(rest[(start + j * step) % rest.length] as number);
  return [order, next];
};

/** The first definition of the stream: every candidate, in order, eagerly. */
const referenceStream = (
  rng: Rng,
  hours: ReadonlyArray<number>,
  shift: number,
  startIndex: number,
  p: TimingPolicy,
): ReadonlyArray<Candidate> => {
  const { windowStartMinute: ws, windowEndMinute: we, fallbackStepMinutes: step } = p.timing;
  const bases: { baseHour: number; timeShift: number; fallback: boolean }[] = hours.map((_, i) => ({
    baseHour: hours[(startIndex + i) % hours.length] as number,
    timeShift: shift,
    fallback: false,
  }));
  const first = bases[0];
  const anchor = first === undefined ? ws : first.baseHour * 60 + shift;
  const last = Math.floor((we - ws) / step);
  const at = (k: number) => ws + k * step;
  let right = Math.min(last + 1, Math.max(0, Math.ceil((anchor - ws) / step)));
  let left = right - 1;
  for (;;) {
    const useLeft = left >= 0 && (right > last || anchor - at(left) <= at(right) - anchor);
    if (!useLeft && right > last) break;
    const b = useLeft ? at(left--) : at(right++);
    const hour = Math.floor(b / 60);
    bases.push({ baseHour: hour, timeShift: b - hour * 60, fallback: true });
  }
  const seen = new Set<number>();
  const out: Candidate[] = [];
  let r = rng;
  for (const b of bases) {
    const base = b.baseHour * 60 + b.timeShift;
    const [offsets, next] = referenceJitterOrder(r, base, p);
    r = next;
    for (const jitter of offsets) {
      if (seen.has(base + jitter)) continue;
      seen.add(base + jitter);
      out.push({
        minuteOfDay: base + jitter,
        baseHour: b.baseHour,
        timeShift: b.timeShift,
        jitter,
        fallback: b.fallback,
      });
    }
  }
  return out;
};

const readAll = (s: ReturnType<typeof candidateStream>): ReadonlyArray<Candidate> => {
  const out: Candidate[] = [];
  for (let i = 0; s.minuteAt(i) !== undefined; i++) out.push(s.candidateAt(i));
  return out;
};

const policyArb: fc.Arbitrary<TimingPolicy> = fc.oneof(
  fc.constant(DEFAULTS_LITERAL),
  fc
    .record({
      windowStartMinute: fc.integer({ min: 0, max: 1439 }),
      length: fc.integer({ min: 0, max: 1439 }),
      jitterMin: fc.integer({ min: -30, max: 0 }),
      jitterMax: fc.integer({ min: 0, max: 30 }),
      roundMinutes: fc.oneof(
        fc.constant([0, 15, 30, 45]),
        fc.constant(Array.from({ length: 60 }, (_, i) => i)), // no valid jitter at all
        fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { maxLength: 59 }),
      ),
      fallbackStepMinutes: fc.integer({ min: 1, max: 60 }),
    })
    .map(({ length, windowStartMinute, ...o }) =>
      literalPolicy({
        ...o,
        windowStartMinute,
        windowEndMinute: Math.min(1439, windowStartMinute + length),
      }),
    ),
);

describe('the candidate stream (issue 11: one cursor, reused buffers)', () => {
  it('gives the reference candidates in the reference order', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.integer({ min: 0, max: 23 }), { maxLength: 7 }),
        fc.integer({ min: -30, max: 30 }),
        fc.nat(20),
        policyArb,
        (seed, hours, shift, startIndex, p) => {
          const rng = rngFrom(seed, 'creator', '2025-03-09', 'slot');
          const s = candidateStream(rng, hours, shift, startIndex, p, jitterTable(p));
          const expected = referenceStream(rng, hours, shift, startIndex, p);
          expect(readAll(s)).toEqual(expected);
          expect(s.firstPreferredMinute).toBe(
            hours.length === 0 ? null : (expected[0]?.minuteOfDay ?? null),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads the same candidates however far and in whatever order it is read', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.nat(2000), { maxLength: 30 }), (seed, probes) => {
        const rng = rngFrom(seed);
        const hours = [20, 21, 18];
        const whole = referenceStream(rng, hours, 7, 1, DEFAULTS_LITERAL);
        const s = candidateStream(rng, hours, 7, 1, DEFAULTS_LITERAL);
        for (const i of probes) {
          expect(s.minuteAt(i)).toBe(whole[i]?.minuteOfDay);
          if (i < whole.length) expect(s.candidateAt(i)).toEqual(whole[i]);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('jitter orders from a cursor (issue 11)', () => {
  it('drawsFrom gives the values and final state of threading nextInt', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.nat(5000)), { maxLength: 40 }),
        (seed, ranges) => {
          let r = rngFrom(seed);
          const d = drawsFrom(r);
          for (const [from, width] of ranges) {
            const [v, next] = nextInt(r, from, from + width);
            r = next;
            expect(d.int(from, from + width)).toBe(v);
          }
          expect(d.rng()).toEqual(r);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('jitterOrder and drawJitterOrder agree with the reference order, base after base', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.integer({ min: -60, max: 1500 }), { maxLength: 20 }),
        policyArb,
        (seed, bases, p) => {
          let ref = rngFrom(seed);
          let pub = ref;
          const d = drawsFrom(ref);
          const buffer: number[] = [];
          const table = jitterTable(p);
          for (const base of bases) {
            const [expected, next] = referenceJitterOrder(ref, base, p);
            ref = next;
            const [order, after] = jitterOrder(pub, base, p, table);
            pub = after;
            expect(order).toEqual(expected);
            expect(pub).toEqual(ref);
            const n = drawJitterOrder(d, base, p, table, buffer);
            expect(buffer.slice(0, n)).toEqual(expected);
          }
          expect(d.rng()).toEqual(ref);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the base stream (issue 11: bases generated in place)', () => {
  it('gives the reference bases, jitter orders and spans, base after base', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.integer({ min: 0, max: 23 }), { maxLength: 7 }),
        fc.integer({ min: -30, max: 30 }),
        fc.nat(20),
        policyArb,
        (seed, hours, shift, startIndex, p) => {
          const rng = rngFrom(seed, 'creator', '2025-03-09', 'slot');
          const s = baseStream(rng, hours, shift, startIndex, p, jitterTable(p));
          // the reference bases: the preferred hours rotated, then every fallback base once
          const fromStream = referenceStream(rng, hours, shift, startIndex, p);
          const n = hours.length;
          let r = rng;
          const out: number[] = [];
          for (let k = 0; s.has(k); k++) {
            const base = s.hourOf(k) * 60 + s.shiftOf(k);
            if (k < n) {
              expect(s.hourOf(k)).toBe(hours[(startIndex + k) % n]);
              expect(s.shiftOf(k)).toBe(shift);
            } else {
              expect(s.shiftOf(k)).toBeGreaterThanOrEqual(0);
              expect(s.shiftOf(k)).toBeLessThan(60);
            }
            const [offsets, next] = referenceJitterOrder(r, base, p);
            r = next;
            const count = s.jittersOf(k, out);
            expect(out.slice(0, count)).toEqual(offsets);
            const valid: number[] = [];
            for (let o = p.timing.jitterMin; o <= p.timing.jitterMax; o++)
              if (!isRound(base + o, p)) valid.push(o);
            expect(s.spanStart(k)).toBe(
              valid.length === 0 ? Number.NaN : base + (valid[0] as number),
            );
            expect(s.spanEnd(k)).toBe(
              valid.length === 0 ? Number.NaN : base + (valid[valid.length - 1] as number),
            );
            expect(s.preferred).toBe(n);
            if (k >= n) expect(fromStream.some((c) => c.fallback)).toBe(true);
          }
          // as many bases as the reference: the preferred ones and every window base
          const { windowStartMinute: ws, windowEndMinute: we, fallbackStepMinutes: st } = p.timing;
          let total = 0;
          while (s.has(total)) total++;
          expect(total).toBe(n + Math.floor((we - ws) / st) + 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
