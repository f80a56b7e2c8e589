import { createHmac } from 'node:crypto';
import { digestsEqual } from '../constant-time';
import type { Probe, VerifySecret } from '../types';

/** A signature over `before + body + after`, where `before` is one of several candidate strings (URLs). */
export interface UrlSigned {
  algorithm: 'sha1' | 'sha256';
  signature: Buffer;
  /** Candidate prefixes, one per URL the provider may have called. */
  before: readonly string[];
  after: string;
}

function matches(parts: UrlSigned, key: string, body: Buffer): boolean {
  for (const before of parts.before) {
    const mac = createHmac(parts.algorithm, key).update(before, 'utf8').update(body).update(parts.after, 'utf8').digest();
    if (digestsEqual(mac, parts.signature)) return true;
  }
  return false;
}

/** The id of the first secret (raw key) that signs one of the candidates. */
export function findUrlSigner(parts: UrlSigned, secrets: readonly VerifySecret[], body: Buffer): string | undefined {
  return secrets.find((s) => matches(parts, s.value, body))?.id;
}

export function urlSignedProbe(parts: UrlSigned): Probe {
  return { coversBody: true, matches: (body, secrets) => secrets.some((s) => s !== '' && matches(parts, s, body)) };
}
