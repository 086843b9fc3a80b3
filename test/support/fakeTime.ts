/**
 * Fake time for the issue 6 fuzz and regression suites: a clock the tests own and a `sleep`
 * that never starts a real timer. `sleep(ms)` registers a wake-up at `now + ms`; `drive(run)`
 * runs a task and, each time the task can make no more progress by itself (every pending
 * promise callback has run), moves the clock to the earliest pending wake-up and fires it. So a
 * port that never answers loses its race against the timeout by fake time alone, and the test
 * reads how much fake time passed.
 *
 * `drive` rejects when the task waits on nothing that fake time can wake (a true hang) or when
 * more than `maxWakeups` wake-ups fire (a loop): both are test failures, never real waits.
 */
import type { Clock, Sleep } from '../../src/index';

export interface FakeTime {
  readonly clock: Clock;
  readonly sleep: Sleep;
  /** The fake clock, epoch ms. */
  now(): number;
  /** Every `ms` passed to `sleep`, in call order. */
  readonly sleeps: ReadonlyArray<number>;
  /** Runs `run()` to completion under fake time; answers its value and the fake ms it took. */
  drive<A>(run: () => Promise<A>): Promise<{ readonly value: A; readonly elapsedMs: number }>;
}

/** Lets every queued promise callback run: a check-phase turn comes after the microtask queue is empty. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A fresh fake time starting at `start` (epoch ms; default 2025-01-20T00:00:00Z). */
export const fakeTime = (start = Date.UTC(2025, 0, 20), maxWakeups = 10_000): FakeTime => {
  let t = start;
  let seq = 0;
  const sleeps: number[] = [];
  const timers: Array<{ readonly at: number; readonly seq: number; readonly wake: () => void }> =
    [];
  return {
    clock: { now: () => t },
    sleep: (ms) =>
      new Promise<void>((wake) => {
        sleeps.push(ms);
        timers.push({ at: t + (Number.isFinite(ms) && ms > 0 ? ms : 0), seq: seq++, wake });
      }),
    now: () => t,
    sleeps,
    drive: async <A>(run: () => Promise<A>) => {
      const t0 = t;
      let done = false;
      let failed = false;
      let value: A | undefined;
      let failure: unknown;
      run().then(
        (v) => {
          done = true;
          value = v;
        },
        (e: unknown) => {
          done = true;
          failed = true;
          failure = e;
        },
      );
      for (let wakeups = 0; ; wakeups++) {
        await settle();
        if (done) {
          if (failed) throw failure;
          return { value: value as A, elapsedMs: t - t0 };
        }
        if (wakeups >= maxWakeups) throw new Error(`fake time: more than ${maxWakeups} wake-ups`);
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers.shift();
        if (next === undefined)
          throw new Error('fake time: the task waits on nothing fake time can wake (a hang)');
        t = Math.max(t, next.at);
        next.wake();
      }
    },
  };
};
