import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The host half of the sandbox's `crypto`, `atob` and `btoa`. Strings in, strings out: nothing
 * else crosses into the sandbox, so no host object can leak through these functions.
 */

const ALGORITHMS: Readonly<Record<string, string>> = {
  sha1: 'sha1',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
  md5: 'md5',
};
const OUTPUT_ENCODINGS = new Set(['hex', 'base64', 'base64url']);
const KEY_ENCODINGS = new Set(['utf8', 'hex', 'base64', 'base64url']);

function algorithmOf(name: string): string {
  const algorithm = ALGORITHMS[name.toLowerCase().replace('-', '')];
  if (algorithm === undefined) {
    throw new TypeError(`unsupported algorithm "${name}" (use sha1, sha256, sha384, sha512 or md5)`);
  }
  return algorithm;
}

function outputEncodingOf(name: string): 'hex' | 'base64' | 'base64url' {
  if (!OUTPUT_ENCODINGS.has(name)) {
    throw new TypeError(`unsupported encoding "${name}" (use hex, base64 or base64url)`);
  }
  return name as 'hex' | 'base64' | 'base64url';
}

function keyBytes(key: string, encoding: string): Buffer {
  if (!KEY_ENCODINGS.has(encoding)) {
    throw new TypeError(`unsupported key encoding "${encoding}" (use utf8, hex, base64 or base64url)`);
  }
  return Buffer.from(key, encoding as BufferEncoding);
}

/** HMAC of a UTF-8 message; the key is decoded with `keyEncoding` (Svix-style keys are base64). */
export function hmac(
  algorithm: string,
  key: string,
  message: string,
  encoding: string,
  keyEncoding: string,
): string {
  return createHmac(algorithmOf(algorithm), keyBytes(key, keyEncoding))
    .update(message, 'utf8')
    .digest(outputEncodingOf(encoding));
}

/** Digest of a UTF-8 message. */
export function hash(algorithm: string, message: string, encoding: string): string {
  return createHash(algorithmOf(algorithm)).update(message, 'utf8').digest(outputEncodingOf(encoding));
}

/**
 * Constant-time string equality. Both sides are hashed first so that neither the content nor the
 * length of the expected value shows in the timing.
 */
export function stringsEqual(a: string, b: string): boolean {
  const digestA = createHash('sha256').update(a, 'utf8').digest();
  const digestB = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(digestA, digestB);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The web `atob`: base64 to a binary string (one char per byte). */
export function atob(data: string): string {
  const compact = data.replace(/[\t\n\f\r ]/g, '');
  if (!BASE64.test(compact) || compact.length % 4 === 1) {
    throw invalidCharacter('atob: the string to be decoded is not valid base64');
  }
  return Buffer.from(compact, 'base64').toString('latin1');
}

/** The web `btoa`: a binary string (chars ≤ U+00FF) to base64. */
export function btoa(data: string): string {
  for (let i = 0; i < data.length; i += 1) {
    if (data.charCodeAt(i) > 0xff) {
      throw invalidCharacter('btoa: the string contains characters outside of Latin-1');
    }
  }
  return Buffer.from(data, 'latin1').toString('base64');
}

function invalidCharacter(message: string): Error {
  const error = new Error(message);
  error.name = 'InvalidCharacterError';
  return error;
}
