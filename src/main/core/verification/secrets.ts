import { createSecretKey, type KeyObject } from 'node:crypto';
import type { HmacScheme } from '../../../shared/domain/verification';

export type SecretEncoding = HmacScheme['secretEncoding'];

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * Strips what dashboards put in front of Standard Webhooks secrets: Supabase shows `v1,whsec_…`,
 * Svix and the spec show `whsec_…`. Both are accepted rather than rejected as typos.
 */
export function stripWhsec(value: string): string {
  const noVersion = value.startsWith('v1,') ? value.slice(3) : value;
  return noVersion.startsWith('whsec_') ? noVersion.slice(6) : noVersion;
}

/**
 * The HMAC key bytes for a configured secret, or null when the secret cannot be a key of this
 * encoding (empty, or not base64 where base64 is required).
 */
export function decodeSecret(value: string, encoding: SecretEncoding): Buffer | null {
  if (encoding === 'raw') return value.length > 0 ? Buffer.from(value, 'utf8') : null;
  const b64 = encoding === 'whsec' ? stripWhsec(value) : value;
  if (!BASE64.test(b64)) return null;
  const key = Buffer.from(b64, 'base64');
  return key.length > 0 ? key : null;
}

/** Enough for every secret of a busy workspace; old entries go first when it overflows. */
const KEYS_KEPT = 64;
const keys = new Map<string, KeyObject | null>();

/**
 * `decodeSecret` as an HMAC key, decoded once per secret value: the receiver verifies every request
 * with the same few secrets. Keyed by the value itself, so a changed or rotated secret is simply a
 * new entry and the stale one ages out; a KeyObject can't be altered by whoever uses it.
 */
export function hmacKey(value: string, encoding: SecretEncoding): KeyObject | null {
  const id = `${encoding}:${value}`;
  let key = keys.get(id);
  if (key === undefined) {
    const bytes = decodeSecret(value, encoding);
    key = bytes && createSecretKey(bytes);
    if (keys.size >= KEYS_KEPT) keys.delete(keys.keys().next().value!);
    keys.set(id, key);
  }
  return key;
}
