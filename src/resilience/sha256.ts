/**
 * SHA-256 and MD5 of a string, as lowercase hex: the one place the library hashes (idempotency
 * keys and generation ids with SHA-256; the rotation tracker's day-3 decision with MD5, as seed
 * 003 task 2.1 computes it), on the well-kept `@noble/hashes`.
 *
 * @internal
 * @module
 */
import { md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The SHA-256 digest of the UTF-8 bytes of `message`, as 64 lowercase hex characters. Pure;
 * never fails (a lone surrogate is encoded as U+FFFD, as `TextEncoder` does).
 *
 * @internal
 */
export const sha256Hex = (message: string): string => bytesToHex(sha256(utf8ToBytes(message)));

/**
 * The MD5 digest of the UTF-8 bytes of `message`, as 32 lowercase hex characters: only for the
 * seed's deterministic decisions (003 task 2.1 `hashlib.md5(...).hexdigest()[:8]`), never for
 * security. Pure; never fails.
 *
 * @internal
 */
export const md5Hex = (message: string): string => bytesToHex(md5(utf8ToBytes(message)));

/**
 * The SHA-256 state after the UTF-8 bytes of `prefix`, to finish with `sha256HexAfter` as many
 * times as wanted (issue 11: a long text shared by many messages is hashed once). Pure.
 *
 * @internal
 */
export interface Sha256Prefix {
  readonly prefix: string;
  readonly state: ReturnType<typeof sha256.create>;
}

/** @internal The `Sha256Prefix` of `prefix`. */
export const sha256Prefix = (prefix: string): Sha256Prefix => ({
  prefix,
  state: sha256.create().update(utf8ToBytes(prefix)),
});

/**
 * `sha256Hex(p.prefix + rest)`, from the state after the prefix. When the prefix ends inside a
 * surrogate pair that `rest` completes, the text is hashed whole (its UTF-8 bytes are not the
 * two parts' bytes). Pure; never fails.
 *
 * @internal
 */
export const sha256HexAfter = (p: Sha256Prefix, rest: string): string => {
  const last = p.prefix.charCodeAt(p.prefix.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) return sha256Hex(p.prefix + rest);
  return bytesToHex(p.state.clone().update(utf8ToBytes(rest)).digest());
};
