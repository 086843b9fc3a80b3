/**
 * The building blocks of the policy codec: strict objects (an unknown key is an error at its
 * path), numbers and whole numbers in a range, ordered pairs and bounded arrays. Each node has a
 * `full` codec (every key required) and a `partial` codec (every key optional, nested objects
 * partial too) for overrides. Recursion follows the schema only, so no input, however deep or
 * circular, can make decoding recurse past the schema's depth.
 *
 * @internal
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

/** Name of the type an unknown key fails against; the issue renderer says "unknown key". */
export const UNKNOWN_KEY = 'unknown key';

const unknownKeyType = new t.Type<never, never, unknown>(
  UNKNOWN_KEY,
  (_u): _u is never => false,
  (u, c) => t.failure(u, c),
  (a) => a,
);

const missingKeyType = (codec: t.Mixed) =>
  new t.Type<never, never, unknown>(
    codec.name,
    (_u): _u is never => false,
    (u, c) => t.failure(u, c),
    (a) => a,
  );

/**
 * A plain object: made by `{}` or `Object.create(null)` (not an array, a Date, a Map, a class
 * instance). The one predicate the policy codec and the pipeline's no-override shortcut share.
 */
export const isPlainObject = (u: unknown): u is Record<string, unknown> => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const proto = Object.getPrototypeOf(u);
  return proto === Object.prototype || proto === null;
};

/**
 * An object with exactly the given keys: an unknown key fails at its path with `unknown key`,
 * a missing key fails unless `optional`. The decoded value is a fresh object of the known keys.
 */
const strictObject = <A>(
  name: string,
  props: Readonly<Record<string, t.Mixed>>,
  optional: boolean,
): t.Type<A, A, unknown> =>
  new t.Type<A, A, unknown>(
    name,
    (u): u is A =>
      isPlainObject(u) &&
      Object.keys(u).every((k) => Object.hasOwn(props, k)) &&
      Object.entries(props).every(([k, c]) => (Object.hasOwn(u, k) ? c.is(u[k]) : optional)),
    (u, c) => {
      if (!isPlainObject(u)) return t.failure(u, c);
      const errors: t.ValidationError[] = [];
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(u))
        if (!Object.hasOwn(props, k))
          errors.push({ value: u[k], context: t.appendContext(c, k, unknownKeyType, u[k]) });
      for (const [k, codec] of Object.entries(props)) {
        if (!Object.hasOwn(u, k)) {
          if (!optional)
            errors.push({
              value: undefined,
              context: t.appendContext(c, k, missingKeyType(codec), undefined),
            });
          continue;
        }
        const v = u[k];
        const r = codec.validate(v, t.appendContext(c, k, codec, v));
        if (E.isLeft(r)) errors.push(...r.left);
        else out[k] = r.right;
      }
      return errors.length > 0 ? t.failures(errors) : t.success(out as A);
    },
    t.identity,
  );

/**
 * A codec pair: `full` for a complete value, `partial` for an override of it.
 */
export interface Node<A, P> {
  readonly full: t.Type<A, A, unknown>;
  readonly partial: t.Type<P, P, unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: the schema maps heterogeneous nodes.
type AnyNode = Node<any, any>;

// biome-ignore lint/suspicious/noExplicitAny: inference over io-ts' three type parameters.
type FullOf<N> = N extends { readonly full: t.Type<infer A, any, any> } ? A : never;
// biome-ignore lint/suspicious/noExplicitAny: inference over io-ts' three type parameters.
type PartialOf<N> = N extends { readonly partial: t.Type<infer P, any, any> } ? P : never;

/** A leaf: the same codec for the full value and an override (replaced whole). */
export const leaf = <A>(codec: t.Type<A, A, unknown>): Node<A, A> => ({
  full: codec,
  partial: codec,
});

/** A strict object of nodes; its override is a strict object of the nodes' overrides. */
export const obj = <N extends Readonly<Record<string, AnyNode>>>(
  name: string,
  nodes: N,
): Node<
  { readonly [K in keyof N]: FullOf<N[K]> },
  { readonly [K in keyof N]?: PartialOf<N[K]> }
> => ({
  full: strictObject(
    name,
    Object.fromEntries(Object.entries(nodes).map(([k, n]) => [k, n.full])),
    false,
  ),
  partial: strictObject(
    name,
    Object.fromEntries(Object.entries(nodes).map(([k, n]) => [k, n.partial])),
    true,
  ),
});

/**
 * A codec that accepts the values of `base` for which `accept` holds, named `name` so a failure
 * says what was expected. A failure of `base` itself is reported under the same name.
 */
export const refine = <A>(
  base: t.Type<A, A, unknown>,
  accept: (a: A) => boolean,
  name: string,
): t.Type<A, A, unknown> =>
  new t.Type<A, A, unknown>(
    name,
    (u): u is A => base.is(u) && accept(u),
    (u, c) => {
      const r = base.validate(u, c);
      return E.isRight(r) && accept(r.right) ? r : t.failure(u, c);
    },
    t.identity,
  );

/** A finite number in `lo..hi` (both included). */
export const num = (lo: number, hi: number): Node<number, number> =>
  leaf(refine(t.number, (n) => Number.isFinite(n) && n >= lo && n <= hi, `number in ${lo}..${hi}`));

/** A finite number strictly between `lo` and `hi` (neither included). */
export const numBetween = (lo: number, hi: number): Node<number, number> =>
  leaf(refine(t.number, (n) => Number.isFinite(n) && n > lo && n < hi, `number in (${lo}, ${hi})`));

/** A whole number in `lo..hi` (both included). */
export const int = (lo: number, hi: number): Node<number, number> =>
  leaf(
    refine(t.number, (n) => Number.isInteger(n) && n >= lo && n <= hi, `integer in ${lo}..${hi}`),
  );

/** An ordered pair `[min, max]` of numbers in `lo..hi` with `min <= max`. */
export const pair = (
  lo: number,
  hi: number,
  whole = false,
): Node<readonly [number, number], readonly [number, number]> => {
  const ok = (n: unknown): boolean =>
    typeof n === 'number' &&
    (whole ? Number.isInteger(n) : Number.isFinite(n)) &&
    n >= lo &&
    n <= hi;
  return leaf(
    new t.Type<readonly [number, number], readonly [number, number], unknown>(
      `[min, max] with ${whole ? 'integers' : 'numbers'} in ${lo}..${hi}, min <= max`,
      (u): u is readonly [number, number] =>
        Array.isArray(u) && u.length === 2 && ok(u[0]) && ok(u[1]) && u[0] <= u[1],
      (u, c) =>
        Array.isArray(u) && u.length === 2 && ok(u[0]) && ok(u[1]) && u[0] <= u[1]
          ? t.success([u[0], u[1]] as const)
          : t.failure(u, c),
      t.identity,
    ),
  );
};

/** An array of `element` with `minLength..maxLength` entries, decoded to a fresh array. */
export const arrayOf = <A>(
  element: { readonly full: t.Type<A, A, unknown> },
  minLength: number,
  maxLength: number,
): Node<ReadonlyArray<A>, ReadonlyArray<A>> => {
  const base = t.array(element.full);
  return leaf(
    new t.Type<ReadonlyArray<A>, ReadonlyArray<A>, unknown>(
      `array of ${minLength}..${maxLength} ${element.full.name}`,
      (u): u is ReadonlyArray<A> =>
        Array.isArray(u) && u.length >= minLength && u.length <= maxLength && base.is(u),
      (u, c) =>
        Array.isArray(u) && u.length >= minLength && u.length <= maxLength
          ? base.validate(u, c)
          : t.failure(u, c),
      t.identity,
    ),
  );
};

/** One of the given strings. */
export const oneOf = <K extends string>(values: ReadonlyArray<K>): Node<K, K> =>
  leaf(stringUnion(values));

/**
 * A codec for one of a fixed list of strings, named `name` or the quoted values joined by ` | `.
 */
export const stringUnion = <K extends string>(
  values: ReadonlyArray<K>,
  name?: string,
): t.Type<K, K, unknown> =>
  new t.Type<K, K, unknown>(
    name ?? values.map((v) => JSON.stringify(v)).join(' | '),
    (u): u is K => typeof u === 'string' && (values as ReadonlyArray<string>).includes(u),
    (u, c) =>
      typeof u === 'string' && (values as ReadonlyArray<string>).includes(u)
        ? t.success(u as K)
        : t.failure(u, c),
    t.identity,
  );

/** A strict object whose keys are `keys` and whose values are all `value`. */
export const recordOf = <K extends string, A, P>(
  name: string,
  keys: ReadonlyArray<K>,
  value: Node<A, P>,
): Node<{ readonly [k in K]: A }, { readonly [k in K]?: P }> =>
  obj(name, Object.fromEntries(keys.map((k) => [k, value])) as Record<K, Node<A, P>>) as Node<
    { readonly [k in K]: A },
    { readonly [k in K]?: P }
  >;

/** A non-blank string of at most `maxLength` characters. */
export const text = (maxLength: number): Node<string, string> =>
  leaf(
    refine(
      t.string,
      (s) => s.trim().length > 0 && s.length <= maxLength,
      `non-empty text of at most ${maxLength} characters`,
    ),
  );

/**
 * A strict object of io-ts codecs: `required` keys must be present, `optional` ones may be, any
 * other key is an error at its path (`unknown key`).
 */
export const strictType = <R extends t.Props, O extends t.Props>(
  name: string,
  required: R,
  optional: O,
): t.Type<
  { readonly [K in keyof R]: t.TypeOf<R[K]> } & { readonly [K in keyof O]?: t.TypeOf<O[K]> },
  { readonly [K in keyof R]: t.TypeOf<R[K]> } & { readonly [K in keyof O]?: t.TypeOf<O[K]> },
  unknown
> => {
  type A = { readonly [K in keyof R]: t.TypeOf<R[K]> } & {
    readonly [K in keyof O]?: t.TypeOf<O[K]>;
  };
  const req = strictObject<Record<string, unknown>>(name, { ...required, ...optional }, true);
  return new t.Type<A, A, unknown>(
    name,
    (u): u is A => req.is(u) && Object.keys(required).every((k) => Object.hasOwn(u as object, k)),
    (u, c) => {
      const r = req.validate(u, c);
      if (E.isLeft(r)) return r;
      const missing = Object.keys(required).filter((k) => !Object.hasOwn(r.right, k));
      if (missing.length === 0) return t.success(r.right as A);
      return t.failures(
        missing.map((k) => {
          const codec = required[k] as t.Mixed;
          return {
            value: undefined,
            context: t.appendContext(c, k, missingKeyType(codec), undefined),
          };
        }),
      );
    },
    t.identity,
  );
};

/** Two types are assignable both ways (a codec and the interface documenting it agree). */
export type Agree<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** `T` with every property and array readonly, at every depth. */
export type DeepReadonly<T> =
  T extends ReadonlyArray<infer E>
    ? ReadonlyArray<DeepReadonly<E>>
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

/**
 * `codec` typed by the documented interface `A` it decodes to. Its encoder is the identity, so
 * the output type is `A` too. The compiler refuses a codec whose decoded type and `A` differ
 * (beyond `readonly`), so the interface cannot drift from the codec.
 */
export const decodesTo =
  <A>() =>
  <C extends t.Mixed>(
    codec: C &
      (Agree<DeepReadonly<t.TypeOf<C>>, DeepReadonly<A>> extends true
        ? unknown
        : 'the codec and the interface disagree'),
  ): t.Type<A, A, unknown> =>
    codec as unknown as t.Type<A, A, unknown>;
