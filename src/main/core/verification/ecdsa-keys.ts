import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

const ARMOUR = /-----(BEGIN|END) [A-Z ]+-----/g;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** The DER prefix of every P-256 SubjectPublicKeyInfo: what SendGrid's verification keys begin with. */
export const P256_SPKI_PREFIX = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE';

const cache = new Map<string, KeyObject | null>();
const CACHE_LIMIT = 64;

function remember(value: string, key: KeyObject | null): KeyObject | null {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(value, key);
  return key;
}

/** The base64 body of a key, with or without PEM armour and line breaks; null if not base64. */
export function keyBody(value: string): string | null {
  const body = value.replace(ARMOUR, '').replace(/\s+/g, '');
  return BASE64.test(body) ? body : null;
}

const isP256 = (key: KeyObject) => key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';

/**
 * A P-256 public key from SendGrid's "verification key" (base64 SPKI DER), accepted with or
 * without PEM armour; null when the value is not such a key. Parsed keys are cached.
 */
export function p256PublicKey(value: string): KeyObject | null {
  if (cache.has(value)) return cache.get(value) ?? null;
  const body = keyBody(value);
  if (body === null) return remember(value, null);
  try {
    const key = createPublicKey({ key: Buffer.from(body, 'base64'), format: 'der', type: 'spki' });
    return remember(value, isP256(key) ? key : null);
  } catch {
    return remember(value, null);
  }
}

/**
 * A P-256 private key for signing test events: PEM (PKCS#8 or SEC1 "EC PRIVATE KEY"), or the
 * base64 PKCS#8 DER body alone. Throws when it is not one.
 */
export function p256PrivateKey(value: string): KeyObject {
  const trimmed = value.trim();
  let key: KeyObject;
  try {
    key = trimmed.startsWith('-----')
      ? createPrivateKey(trimmed)
      : createPrivateKey({ key: Buffer.from(keyBody(trimmed) ?? '', 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new Error("The secret can't be used to sign: SendGrid signatures need a P-256 private key (PEM or base64 PKCS#8).");
  }
  if (!isP256(key)) throw new Error("The secret can't be used to sign: it is not a P-256 (prime256v1) key.");
  return key;
}

/** Whether a value parses as a private key of any kind (the "pasted the private key" hint). */
export function looksLikePrivateKey(value: string): boolean {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value)) return true;
  const body = keyBody(value);
  if (body === null || body.length < 60) return false;
  try {
    createPrivateKey({ key: Buffer.from(body, 'base64'), format: 'der', type: 'pkcs8' });
    return true;
  } catch {
    return false;
  }
}
