import { createHmac, type KeyObject } from 'node:crypto';
import type { HmacScheme } from '../../../../shared/domain/verification';
import { digestsEqual } from '../constant-time';
import { hmacKey, type SecretEncoding } from '../secrets';
import { feedContent, type CompiledTemplate, type ContentValues } from '../signed-content';
import type { Probe, VerifySecret } from '../types';

export type Algorithm = HmacScheme['algorithm'];
export type SignatureEncoding = HmacScheme['encoding'];

/** Everything needed to recompute a signature, read out of one request. */
export interface SignedParts {
  algorithm: Algorithm;
  template: CompiledTemplate;
  values: ContentValues;
  /** The signatures the sender put in the request, decoded; any may match. */
  signatures: readonly Buffer[];
  secretEncoding: SecretEncoding;
}

const DIGEST_BYTES: Record<Algorithm, number> = { sha1: 20, sha256: 32, sha512: 64 };
const HEX = /^[0-9a-fA-F]+$/;
const LOWER_HEX = /^[0-9a-f]+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export const ALGORITHM_LABEL: Record<Algorithm, string> = { sha1: 'SHA-1', sha256: 'SHA-256', sha512: 'SHA-512' };

/**
 * Decodes signature strings, keeping those that have the digest's length. `rejected` holds a
 * reason for the first one that didn't, for a `malformed_header` message. `lowerHex` refuses
 * upper-case hex digits, as libraries that compare hex strings do (octokit, stripe-node).
 */
export function decodeSignatures(
  raw: readonly string[],
  encoding: SignatureEncoding,
  algorithm: Algorithm,
  lowerHex = false,
): { signatures: Buffer[]; rejected?: string } {
  const signatures: Buffer[] = [];
  let rejected: string | undefined;
  const bytes = DIGEST_BYTES[algorithm];
  for (const value of raw) {
    if (encoding === 'hex' && lowerHex && HEX.test(value) && !LOWER_HEX.test(value)) {
      rejected ??= "it has upper-case hexadecimal digits, which the provider's own library refuses";
      continue;
    }
    const valid = encoding === 'hex' ? HEX.test(value) && value.length % 2 === 0 : BASE64.test(value);
    const decoded = valid ? Buffer.from(value, encoding) : undefined;
    if (decoded?.length === bytes) signatures.push(decoded);
    else
      rejected ??= valid
        ? `it holds ${decoded?.length ?? 0} bytes where an ${ALGORITHM_LABEL[algorithm]} signature has ${bytes}`
        : `it is not ${encoding === 'hex' ? 'hexadecimal' : 'base64'}`;
  }
  return rejected === undefined ? { signatures } : { signatures, rejected };
}

function keyMatches(parts: SignedParts, key: KeyObject, body: Buffer): boolean {
  const expected = feedContent(createHmac(parts.algorithm, key), parts.template, parts.values, body).digest();
  for (const signature of parts.signatures) if (digestsEqual(expected, signature)) return true;
  return false;
}

/** The id of the first secret whose HMAC equals one of the request's signatures. */
export function findMatchingSecret(parts: SignedParts, secrets: readonly VerifySecret[], body: Buffer): string | undefined {
  for (const secret of secrets) {
    const key = hmacKey(secret.value, parts.secretEncoding);
    if (key && keyMatches(parts, key, body)) return secret.id;
  }
  return undefined;
}

export function hmacProbe(parts: SignedParts): Probe {
  return {
    coversBody: parts.template.segments.some((s) => 'variable' in s && s.variable === 'body'),
    matches: (body, secrets) =>
      secrets.some((value) => {
        const key = hmacKey(value, parts.secretEncoding);
        return key !== null && keyMatches(parts, key, body);
      }),
  };
}
