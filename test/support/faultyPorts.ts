/**
 * Ports that misbehave on purpose, for the issue 6 port-answer suites. Each port of a working
 * port set (`inMemoryPorts` plus writes that succeed) gets a behaviour: answer normally, fault
 * on every call, fault on the calls a seeded pattern picks, never answer, or answer late on the
 * fake clock. The faults are every way a caller's port can go wrong: a rejected task, a
 * synchronous throw (calling the port or running its task), a value that is not a function in
 * place of the port, a port that returns no task, a task answering something that is not an
 * `Either`, a `Left` of any shape, a `Right` that does not decode, and a port property whose
 * getter throws.
 *
 * Every wrapped port counts its calls and the faults it served, so a test can say which ports
 * really failed during the build.
 */
import fc from 'fast-check';
import * as TE from 'fp-ts/lib/TaskEither.js';
import {
  type IdempotencyStore,
  inMemoryIdempotencyStore,
  type SchedulePorts,
  type Sleep,
} from '../../src/index';
import { inspectable, junk } from './junk';
import { OPTIONAL_READS, REQUIRED_READS } from './trustData';

export type Fault =
  | { readonly kind: 'reject'; readonly reason: unknown }
  | { readonly kind: 'throwSync'; readonly reason: unknown }
  | { readonly kind: 'throwInTask'; readonly reason: unknown }
  | { readonly kind: 'notAFunction'; readonly value: unknown }
  | { readonly kind: 'returnsNonTask'; readonly value: unknown }
  | { readonly kind: 'nonEither'; readonly value: unknown }
  | { readonly kind: 'left'; readonly value: unknown }
  | { readonly kind: 'undecodable'; readonly value: unknown }
  | { readonly kind: 'getterThrows' };

export type Behaviour =
  | { readonly kind: 'ok' }
  | { readonly kind: 'always'; readonly fault: Fault }
  /** Faults on call `i` when `pattern[i % pattern.length]`. */
  | {
      readonly kind: 'intermittent';
      readonly pattern: ReadonlyArray<boolean>;
      readonly fault: Fault;
    }
  | { readonly kind: 'hang' }
  /** Answers normally after `ms` of fake time (`sleep`). */
  | { readonly kind: 'slow'; readonly ms: number };

/** What a wrapped port did during a build. */
export interface Served {
  calls: number;
  faults: number;
}

/** The port functions a fuzz run may break: the reads and the writes of a save. */
export const FUZZED_PORTS = [
  ...REQUIRED_READS,
  ...OPTIONAL_READS,
  'saveSchedule',
  'saveVolumePrediction',
  'saveSagaLog',
] as const;
export type FuzzedPort = (typeof FUZZED_PORTS)[number];

/** Answers no read codec (nor the save answers') accepts. */
const UNDECODABLE: ReadonlyArray<unknown> = [
  42,
  'garbage',
  true,
  { bogus: true },
  [{ bogus: true }],
  { creatorId: 5 },
  [{ sentAt: 'yesterday' }],
];

/** A `Left` a port might answer: junk, or the documented shape with any `transient` flag. */
const leftValue: fc.Arbitrary<unknown> = fc.oneof(
  junk.filter(inspectable),
  fc.record({ message: fc.string({ maxLength: 20 }), transient: fc.boolean() }),
  fc.constant({ message: 'connection reset', transient: true }),
);

export const faultArb = (opts: { readonly getters: boolean }): fc.Arbitrary<Fault> =>
  fc.oneof(
    junk.filter(inspectable).map((reason): Fault => ({ kind: 'reject', reason })),
    junk.filter(inspectable).map((reason): Fault => ({ kind: 'throwSync', reason })),
    junk.filter(inspectable).map((reason): Fault => ({ kind: 'throwInTask', reason })),
    junk
      .filter((u) => inspectable(u) && u !== undefined && typeof u !== 'function')
      .map((value): Fault => ({ kind: 'notAFunction', value })),
    junk
      .filter((u) => inspectable(u) && typeof u !== 'function')
      .map((value): Fault => ({ kind: 'returnsNonTask', value })),
    junk.filter(inspectable).map((value): Fault => ({ kind: 'nonEither', value })),
    leftValue.map((value): Fault => ({ kind: 'left', value })),
    fc.constantFrom(...UNDECODABLE).map((value): Fault => ({ kind: 'undecodable', value })),
    ...(opts.getters ? [fc.constant<Fault>({ kind: 'getterThrows' })] : []),
  );

export const behaviourArb = (opts: {
  readonly getters: boolean;
  readonly hangs: boolean;
  /** Weight of `ok` against 3 for `always`, 2 for `intermittent` (and 1 each for hang, slow). */
  readonly okWeight?: number;
}): fc.Arbitrary<Behaviour> =>
  fc.oneof(
    { arbitrary: fc.constant<Behaviour>({ kind: 'ok' }), weight: opts.okWeight ?? 6 },
    {
      arbitrary: faultArb(opts).map((fault): Behaviour => ({ kind: 'always', fault })),
      weight: 3,
    },
    {
      arbitrary: fc
        .tuple(fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), faultArb({ getters: false }))
        .map(([pattern, fault]): Behaviour => ({ kind: 'intermittent', pattern, fault })),
      weight: 2,
    },
    ...(opts.hangs
      ? [
          { arbitrary: fc.constant<Behaviour>({ kind: 'hang' }), weight: 1 },
          {
            arbitrary: fc
              .integer({ min: 1, max: 30_000 })
              .map((ms): Behaviour => ({ kind: 'slow', ms })),
            weight: 1,
          },
        ]
      : []),
  );

type AnyFn = (...args: ReadonlyArray<unknown>) => unknown;

/** The port `base` behaving as `b`; counts into `served`. */
const wrap = (base: AnyFn, b: Behaviour, served: Served, sleep: Sleep | undefined): AnyFn => {
  return (...args) => {
    const i = served.calls;
    served.calls += 1;
    if (b.kind === 'ok') return base(...args);
    if (b.kind === 'hang') {
      served.faults += 1;
      return () => new Promise(() => undefined);
    }
    if (b.kind === 'slow')
      return async () => {
        if (sleep !== undefined) await sleep(b.ms);
        return (base(...args) as () => Promise<unknown>)();
      };
    const faulty = b.kind === 'always' || b.pattern[i % b.pattern.length] === true;
    if (!faulty) return base(...args);
    served.faults += 1;
    const f = b.fault;
    switch (f.kind) {
      case 'throwSync':
        throw f.reason;
      case 'returnsNonTask':
      case 'notAFunction':
        // Inside a call (an intermittent fault) a non-function answers in place of the task.
        return f.value;
      case 'throwInTask':
        return () => {
          throw f.reason;
        };
      case 'reject':
        return () => Promise.reject(f.reason);
      case 'nonEither':
        return () => Promise.resolve(f.value);
      case 'left':
        return TE.left(f.value);
      case 'undecodable':
        return TE.right(f.value);
      default:
        // getterThrows: inside a call (an intermittent fault) the call itself throws.
        throw new Error('the port cannot be reached');
    }
  };
};

/** Writes that succeed, so a save and a prediction can happen. */
export const workingWrites = (): Pick<
  SchedulePorts,
  'saveSchedule' | 'saveVolumePrediction' | 'saveSagaLog'
> => ({
  saveSchedule: () => TE.right({ templateId: 'tpl-fuzz' }),
  saveVolumePrediction: () => TE.right({ predictionId: 'pred-fuzz' }),
  saveSagaLog: () => TE.right(undefined),
});

/**
 * `ports` with each named port behaving as `plan` says (ports the plan does not name are
 * untouched). Answers the broken port set and what each port served.
 */
export const breakPorts = (
  ports: SchedulePorts,
  plan: Readonly<Partial<Record<FuzzedPort, Behaviour>>>,
  sleep?: Sleep,
): { readonly ports: SchedulePorts; readonly served: Readonly<Record<string, Served>> } => {
  const out: Record<string, unknown> = { ...ports };
  const served: Record<string, Served> = {};
  for (const [name, b] of Object.entries(plan) as Array<[FuzzedPort, Behaviour]>) {
    const s: Served = { calls: 0, faults: 0 };
    served[name] = s;
    const base = (ports as unknown as Record<string, AnyFn>)[name];
    if (base === undefined) continue;
    if (b.kind === 'always' && b.fault.kind === 'getterThrows') {
      Object.defineProperty(out, name, {
        enumerable: true,
        configurable: true,
        get() {
          s.faults += 1;
          throw new Error(`${name}: the port property cannot be read`);
        },
      });
    } else if (b.kind === 'always' && b.fault.kind === 'notAFunction') {
      const value = b.fault.value;
      Object.defineProperty(out, name, {
        enumerable: true,
        configurable: true,
        get() {
          s.faults += 1;
          return value;
        },
      });
    } else out[name] = wrap(base, b, s, sleep);
  }
  return { ports: out as unknown as SchedulePorts, served };
};

/** The idempotency store of a run: none, a working one, junk, or one whose methods reject. */
export type StoreChoice = 'absent' | 'working' | 'junk' | 'rejecting';
export const storeArb: fc.Arbitrary<StoreChoice> = fc.constantFrom(
  'absent',
  'absent',
  'working',
  'junk',
  'rejecting',
);
export const storeOf = (
  choice: StoreChoice,
  clock: { readonly now: () => number },
): IdempotencyStore | unknown => {
  if (choice === 'working') return inMemoryIdempotencyStore({ clock });
  if (choice === 'junk') return { putIfAbsent: 5, complete: 'x' };
  if (choice === 'rejecting') {
    const no = () => () => Promise.reject(new Error('store down'));
    return { putIfAbsent: no, complete: no, release: no, settled: no };
  }
  return undefined;
};

/** The logger of a run: none, one that works, throws, rejects, or is not a function. */
export type LogChoice = 'absent' | 'working' | 'throws' | 'rejects' | 'junk';
export const logArb: fc.Arbitrary<LogChoice> = fc.constantFrom(
  'absent',
  'working',
  'throws',
  'rejects',
  'junk',
);
export const logOf = (choice: LogChoice): unknown =>
  choice === 'working'
    ? () => undefined
    : choice === 'throws'
      ? () => {
          throw new Error('logger down');
        }
      : choice === 'rejects'
        ? () => Promise.reject(new Error('logger down'))
        : choice === 'junk'
          ? 42
          : undefined;
