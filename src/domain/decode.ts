/**
 * Decoding at the boundary: an io-ts codec run over anything a caller or a port passes, every
 * failing path collected as an issue. Never throws: a value whose reading throws (a getter, a
 * Proxy) is an issue at the root.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { type Issue, issue } from './issues';

const MAX_RECEIVED = 60;

/**
 * The received value as at most 60 characters of JSON (or its type when it cannot be shown);
 * never throws.
 *
 * @since 0.2.0
 * @category codecs
 */
export const showReceived = (u: unknown): string => {
  let s: string;
  try {
    if (u === undefined) s = 'undefined';
    else if (typeof u === 'number' && !Number.isFinite(u)) s = String(u);
    else if (typeof u === 'bigint') s = `${u}n`;
    else if (typeof u === 'function') s = 'a function';
    else if (typeof u === 'symbol') s = 'a symbol';
    else s = JSON.stringify(u) ?? typeof u;
  } catch {
    let array = false;
    try {
      array = Array.isArray(u);
    } catch {
      // a revoked Proxy cannot even say whether it is an array
    }
    s = array ? 'an unprintable array' : `an unprintable ${typeof u}`;
  }
  return s.length > MAX_RECEIVED ? `${s.slice(0, MAX_RECEIVED - 1)}…` : s;
};

/**
 * The path of an io-ts error: keys joined by dots, array indexes in brackets. A union or
 * intersection member (an entry that passes its parent's value on unchanged under an index key)
 * adds nothing.
 */
const pathOf = (rootPath: string, context: t.Context): string => {
  let path = rootPath;
  for (let i = 1; i < context.length; i++) {
    const entry = context[i] as t.ContextEntry;
    const parent = context[i - 1] as t.ContextEntry;
    const isMember =
      /^\d+$/.test(entry.key) &&
      !Array.isArray(parent.actual) &&
      Object.is(entry.actual, parent.actual);
    if (isMember) continue;
    if (Array.isArray(parent.actual) && /^\d+$/.test(entry.key)) path = `${path}[${entry.key}]`;
    else path = path === '' ? entry.key : `${path}.${entry.key}`;
  }
  return path;
};

/**
 * What a decode failure is reported as: the inputs (`invalid_input`), the policy overrides
 * (`invalid_policy`), another option object (`invalid_option`) or a port's answer (`{ port }`:
 * `decode_error` naming the port).
 *
 * @since 0.2.0
 * @category codecs
 */
export type DecodeTarget =
  | 'invalid_input'
  | 'invalid_policy'
  | 'invalid_option'
  | {
      /** The port whose answer is decoded (`getVaultAvailability`), named in the `decode_error` issue; `null` when unknown. */
      readonly port: string | null;
    };

const TARGET_CODES: ReadonlyArray<string> = ['invalid_input', 'invalid_policy', 'invalid_option'];

/** The issue of one failing path; a target that is none of `DecodeTarget` reports as `decode_error`. */
const issueOf = (
  target: DecodeTarget,
  expected: string,
  received: string,
  path: string | null,
): Issue => {
  if (typeof target === 'string' && TARGET_CODES.includes(target))
    return issue(target, { expected, received }, path);
  let port: string | null = null;
  try {
    const p = typeof target === 'object' && target !== null ? target.port : null;
    port = typeof p === 'string' ? p : null;
  } catch {
    port = null;
  }
  return issue('decode_error', { port, expected, received }, path);
};

/**
 * Decodes `value` with `codec`. On failure returns one issue per failing path (every error, not
 * the first), each with `path` like `captions[12].performanceScore` (prefixed by `rootPath`;
 * `null` when the root value itself fails and `rootPath` is empty), message `<path>: expected
 * <expected>, got <received as JSON, at most 60 characters>` (`<path>: unknown key` for a key the
 * codec does not know), details `{ expected, received }`. A value that throws when read is one
 * issue at the root. Never throws.
 *
 * @example
 * decodeWith(t.array(CaptionC), answer, 'captions', { port: 'getCaptionCandidates' })
 * // Left([{ code: 'decode_error', path: 'captions[12].performanceScore',
 * //   message: 'captions[12].performanceScore: expected number in 0..100, got "n/a"', ... }])
 *
 * @since 0.1.0
 * @category codecs
 */
export const decodeWith = <A>(
  codec: t.Decoder<unknown, A>,
  value: unknown,
  rootPath: string,
  target: DecodeTarget,
): E.Either<ReadonlyArray<Issue>, A> => {
  let result: t.Validation<A>;
  try {
    result = codec.decode(value);
  } catch (e) {
    const why = e instanceof RangeError ? 'a value too deeply nested to read' : 'a readable value';
    return E.left([issueOf(target, why, showReceived(value), rootPath === '' ? null : rootPath)]);
  }
  if (E.isRight(result)) return E.right(result.right);
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const error of result.left) {
    const path = pathOf(rootPath, error.context);
    if (seen.has(path)) continue;
    seen.add(path);
    const last = error.context[error.context.length - 1];
    const expected = last?.type.name ?? codec.name;
    issues.push(issueOf(target, expected, showReceived(error.value), path === '' ? null : path));
  }
  return E.left(issues);
};

/**
 * The mark `readField` answers for a field whose reading threw (a getter, a revoked Proxy), so
 * a caller can report "an unreadable value" instead of the value.
 *
 * @since 0.3.0
 * @category decode
 */
export const UNREADABLE: unique symbol = Symbol('unreadable');

/**
 * Reads `u[key]` of anything a caller passes: `undefined` when `u` is not an object, `UNREADABLE`
 * when the reading throws. Never throws.
 *
 * @example
 * readField({ a: 1 }, 'a') // 1
 * readField(null, 'a')     // undefined
 *
 * Source: STYLE "zod's issue model" (junk is a value, never a throw); RULINGS "Boundary".
 *
 * @since 0.3.0
 * @category decode
 */
export const readField = (u: unknown, key: string): unknown => {
  try {
    return typeof u === 'object' && u !== null ? (u as Record<string, unknown>)[key] : undefined;
  } catch {
    return UNREADABLE;
  }
};
