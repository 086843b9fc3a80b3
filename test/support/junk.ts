/**
 * Junk for the issue 6 totality suites (`test/fuzz/`): fast-check arbitraries of values a caller
 * or a port might hand the library by mistake or by malice - wrong types, `NaN`, huge numbers,
 * deeply nested and circular objects, objects whose getters throw, hostile and revoked
 * Proxies, symbols, BigInts, functions - and the fixed-seed run settings every property uses.
 *
 * Every property runs once with a fixed seed, so a failure replays as it is: fast-check prints
 * `{ seed, path }` in the failure message; pass both back through `fuzzRuns` to replay one
 * counterexample.
 */
import fc from 'fast-check';

/**
 * The run settings of one property: a fixed `seed` (replayable), `numRuns` sized for the 2-core
 * CI machine, and `endOnFailure` so a failing run stops at its first counterexample (the failure
 * message still names the seed and path).
 */
export const fuzzRuns = (
  seed: number,
  numRuns: number,
  path?: string,
): {
  readonly seed: number;
  readonly numRuns: number;
  readonly endOnFailure: true;
  readonly path?: string;
} =>
  path === undefined
    ? { seed, numRuns, endOnFailure: true }
    : { seed, numRuns, endOnFailure: true, path };

/** Numbers that break naive code: NaN, infinities, -0, the extremes, unsafe integers. */
export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER + 2,
    -(Number.MAX_SAFE_INTEGER + 2),
    1e9,
    -1e9,
    1e308,
    2 ** 53,
  ),
  fc.double(),
  fc.integer(),
);

/** A symbol (never serialisable, throws on string conversion). */
export const symbolJunk: fc.Arbitrary<symbol> = fc.string({ maxLength: 8 }).map((s) => Symbol(s));

/** Scalars of every type, functions included. */
export const scalarJunk: fc.Arbitrary<unknown> = fc.oneof(
  nastyNumber,
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', ' ', 'abc', 'NaN', '__proto__', 'constructor', '2025-13-45', 'null'),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt(),
  symbolJunk,
  fc.constant(() => 42),
  fc.constant(function throwsWhenCalled() {
    throw new Error('junk function called');
  }),
);

/**
 * Gives `o` a short description for fast-check's reports (a non-enumerable symbol property: no
 * codec, `Object.keys` or `JSON.stringify` sees it), so printing a counterexample never reads a
 * throwing getter or recurses 20,000 levels deep.
 */
export const labelled = <A extends object>(o: A, label: string): A =>
  Object.defineProperty(o, fc.toStringMethod, { value: () => label, enumerable: false });

/** `{ a: { a: ... } }` or `[[[...]]]`, `depth` levels deep: deeper than any naive recursion survives. */
export const nested = (depth: number, shape: 'object' | 'array'): unknown => {
  let v: object = shape === 'object' ? {} : [];
  for (let i = 0; i < depth; i++) v = shape === 'object' ? { a: v } : [v];
  return labelled(v, `<${shape} nested ${depth} deep>`);
};

/** Deeply nested objects and arrays (1,000 to 20,000 levels: past any naive recursion). */
export const deepJunk: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.integer({ min: 1_000, max: 20_000 }),
    fc.constantFrom('object', 'array') as fc.Arbitrary<'object' | 'array'>,
  )
  .map(([depth, shape]) => nested(depth, shape));

/** An object, an array or a pair of objects referring to themselves. */
export const circularJunk: fc.Arbitrary<unknown> = fc
  .constantFrom('self', 'array', 'pair')
  .map((kind) => {
    if (kind === 'self') {
      const o: Record<string, unknown> = { name: 'loop' };
      o.self = o;
      return o;
    }
    if (kind === 'array') {
      const a: unknown[] = [1];
      a.push(a);
      return a;
    }
    const a: Record<string, unknown> = {};
    const b: Record<string, unknown> = { a };
    a.b = b;
    return a;
  });

/** An object whose enumerable property `key` throws when read (beside ordinary `others`). */
export const withThrowingGetter = (
  key: string,
  others: Readonly<Record<string, unknown>> = {},
): object =>
  labelled(
    Object.defineProperty({ ...others }, key, {
      enumerable: true,
      configurable: true,
      get() {
        throw new Error(`getter ${key} throws`);
      },
    }),
    `<object whose getter ${key} throws>`,
  );

/** An object whose property `key` answers `first` on its first read and `later` afterwards. */
export const withFlakyGetter = (
  key: string,
  first: unknown,
  later: unknown,
  others: Readonly<Record<string, unknown>> = {},
): object => {
  let reads = 0;
  return Object.defineProperty({ ...others }, key, {
    enumerable: true,
    configurable: true,
    get() {
      reads += 1;
      return reads === 1 ? first : later;
    },
  });
};

const TRAPS = [
  'get',
  'has',
  'ownKeys',
  'getOwnPropertyDescriptor',
  'getPrototypeOf',
  'set',
  'defineProperty',
  'deleteProperty',
  'apply',
] as const;

/**
 * A Proxy over `target` whose chosen traps throw. Only fast-check's own report and clone symbols
 * get an answer (so the test runner can print the counterexample); the library never asks for them.
 */
export const hostileProxy = (
  target: object,
  traps: ReadonlyArray<(typeof TRAPS)[number]>,
): object => {
  const label = `<Proxy whose ${traps.join(', ')} trap${traps.length === 1 ? '' : 's'} throw>`;
  const isRunnerKey = (key: unknown) => key === fc.toStringMethod || key === fc.cloneMethod;
  const handler: ProxyHandler<object> = Object.fromEntries(
    traps.map((trap) => [
      trap,
      () => {
        throw new Error(`proxy trap ${trap} throws`);
      },
    ]),
  );
  const get = handler.get;
  const has = handler.has;
  handler.get = (t, key, receiver) =>
    key === fc.toStringMethod
      ? () => label
      : key === fc.cloneMethod
        ? undefined
        : get === undefined
          ? Reflect.get(t, key, receiver)
          : get(t, key, receiver);
  handler.has = (t, key) =>
    isRunnerKey(key)
      ? key === fc.toStringMethod
      : has === undefined
        ? Reflect.has(t, key)
        : has(t, key);
  return new Proxy(target, handler);
};

/** Proxies over objects, arrays and functions with a random set of throwing traps. */
export const proxyJunk: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom('object', 'array', 'function'), fc.subarray([...TRAPS], { minLength: 1 }))
  .map(([kind, traps]) =>
    hostileProxy(kind === 'object' ? { a: 1 } : kind === 'array' ? [1, 2] : () => 1, traps),
  );

/**
 * A revoked Proxy: every operation on it throws, `Array.isArray` and `in` included. Kept apart
 * from `junk` because fast-check itself inspects the values it generates (`cloneMethod in v`)
 * and cannot carry one; the suites test revoked Proxies with dedicated cases.
 */
export const revokedProxy = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

/** Whether `u` can be inspected at all (`false` for a revoked Proxy). */
export const inspectable = (u: unknown): boolean => {
  try {
    Array.isArray(u);
    return true;
  } catch {
    return false;
  }
};

/** Objects with a throwing getter on one of `keys` (or a random key). */
export const getterJunk = (keys: ReadonlyArray<string> = ['value']): fc.Arbitrary<unknown> =>
  fc
    .tuple(
      fc.constantFrom(...keys, 'x'),
      fc.dictionary(fc.string({ maxLength: 6 }), fc.integer(), { maxKeys: 3 }),
    )
    .map(([key, others]) => withThrowingGetter(key, others));

/**
 * Junk of every kind, nested: scalars, deep and circular structures, throwing getters, hostile
 * Proxies, and objects / arrays / `Map`s / boxed values / null-prototype objects holding junk.
 * Revoked Proxies are not included (see `revokedProxy`).
 */
export const junk: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarJunk,
    deepJunk,
    circularJunk,
    getterJunk(),
    proxyJunk,
    fc.anything({
      maxDepth: 2,
      withBigInt: true,
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withDate: true,
      withTypedArray: true,
    }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/**
 * Objects that are not plain data: a `Date`, a `Map` holding the right keys, a `Set`, a `RegExp`,
 * a boxed number, an `Error`, a class instance. None may pass for an options or policy object.
 */
export const exoticObjectJunk: fc.Arbitrary<object> = fc
  .constantFrom('date', 'map', 'set', 'regexp', 'boxed', 'error', 'instance')
  .map((kind): object => {
    switch (kind) {
      case 'date':
        return new Date(0);
      case 'map':
        return new Map<string, unknown>([
          ['save', true],
          ['timing', { jitterMax: 1e9 }],
        ]);
      case 'set':
        return new Set(['save']);
      case 'regexp':
        return /save/;
      case 'boxed':
        return Object(42) as object;
      case 'error':
        return new Error('not an options object');
      default:
        return new (class Options {})();
    }
  });

/** Junk that is never a plain object (so it can never pass for an options or policy object). */
export const nonObjectJunk: fc.Arbitrary<unknown> = fc.oneof(
  scalarJunk.filter((u) => u !== undefined && u !== null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.constant([]),
  deepJunk.filter(Array.isArray),
  exoticObjectJunk,
);

/** A key that none of `known` is, including the keys of `Object.prototype`. */
export const unknownKey = (known: ReadonlyArray<string>): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.constantFrom('constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf', ''),
      fc.constantFrom(...known).map((k) => `${k}s`),
      fc.constantFrom(...known).map((k) => k.slice(0, -1)),
      fc.constantFrom(...known).map((k) => k.toUpperCase()),
    )
    .filter((k) => !known.includes(k));

/** `base` with an own enumerable `key` set to `value` (works for `__proto__` too). */
export const withKey = (base: object, key: string, value: unknown): Record<string, unknown> =>
  Object.defineProperty({ ...base }, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  }) as Record<string, unknown>;
