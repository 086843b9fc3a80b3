/**
 * Fake time for the resilience tests: a mutable clock and sleeps that never use a real timer.
 *
 * - `instantTime()`: `sleep(ms)` advances the clock by `ms` and resolves at once (for backoff).
 * - `virtualTime()`: `sleep(ms)` resolves when the virtual clock reaches `now + ms`; `run(p)`
 *   drives a promise to completion, flushing microtasks and, whenever nothing else can happen,
 *   jumping the clock to the earliest pending sleep (so timeouts race port calls by virtual time).
 */
import type { Clock, Sleep } from '../../../src/resilience';

export interface InstantTime {
  readonly clock: Clock;
  readonly sleep: Sleep;
  readonly slept: number[];
  now(): number;
  advance(ms: number): void;
}

export const instantTime = (start = 0): InstantTime => {
  let t = start;
  const slept: number[] = [];
  return {
    clock: { now: () => t },
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
    },
    slept,
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
};

export interface VirtualTime {
  readonly clock: Clock;
  readonly sleep: Sleep;
  readonly slept: number[];
  now(): number;
  advance(ms: number): void;
  run<A>(p: Promise<A>): Promise<A>;
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 200; i++) await Promise.resolve();
};

export const virtualTime = (start = 0): VirtualTime => {
  let t = start;
  let seq = 0;
  const timers: { at: number; seq: number; wake: () => void }[] = [];
  const slept: number[] = [];
  return {
    clock: { now: () => t },
    sleep: (ms) =>
      new Promise<void>((wake) => {
        slept.push(ms);
        timers.push({ at: t + ms, seq: seq++, wake });
      }),
    slept,
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
    run: async <A>(p: Promise<A>): Promise<A> => {
      let settled = false;
      let value: A | undefined;
      let failure: unknown;
      let failed = false;
      p.then(
        (v) => {
          settled = true;
          value = v;
        },
        (e) => {
          settled = true;
          failed = true;
          failure = e;
        },
      );
      for (;;) {
        await flush();
        if (settled) {
          if (failed) throw failure;
          return value as A;
        }
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers.shift();
        if (next === undefined) throw new Error('virtual time: the promise waits on nothing');
        t = Math.max(t, next.at);
        next.wake();
      }
    },
  };
};
