/**
 * SHA-256 of a string, as lowercase hex: the one place the library hashes (idempotency keys,
 * generation ids), on the well-kept `@noble/hashes`.
 *
 * @internal
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The SHA-256 digest of the UTF-8 bytes of `message`, as 64 lowercase hex characters. Pure;
 * never fails (a lone surrogate is encoded as U+FFFD, as `TextEncoder` does).
 *
 * @internal
 */
export const sha256Hex = (message: string): string => bytesToHex(sha256(utf8ToBytes(message)));
