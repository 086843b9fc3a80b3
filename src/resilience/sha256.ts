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
