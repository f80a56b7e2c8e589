import type { StandardWebhooksScheme } from '../../../../shared/domain/verification';
import { compileTemplate } from '../signed-content';
import { parseTimestamp, skewSeconds, staleMessage, withinTolerance } from '../timestamp';
import type { SchemeOutcome, VerifyRequest, VerifySecret } from '../types';
import { decodeSignatures, findMatchingSecret, type SignedParts } from './hmac-core';
import { noMatch } from './hmac';

const TEMPLATE = compileTemplate('{id}.{timestamp}.{body}');
// Repeated headers arrive joined with ", ", so a comma before whitespace also separates entries.
const ENTRY_SEPARATOR = /[\s,]*\s+/;
const TRAILING_COMMA = /,$/;

type Family = 'svix' | 'webhook';
type HeaderNames = { id: string; timestamp: string; signature: string };

const namesOf = (family: Family): HeaderNames => ({ id: `${family}-id`, timestamp: `${family}-timestamp`, signature: `${family}-signature` });

/** `any` reads whichever family the request carries, preferring the spec's `webhook-*` names. */
function headerFamily(config: StandardWebhooksScheme, headers: Record<string, string>): Family | undefined {
  if (config.headerPrefix === 'svix' || config.headerPrefix === 'webhook') return config.headerPrefix;
  if (headers['webhook-signature'] !== undefined) return 'webhook';
  if (headers['svix-signature'] !== undefined) return 'svix';
  return undefined;
}

/** The header names to read: as the svix library, each svix-* name first, else its webhook-* name. */
function headerNames(config: StandardWebhooksScheme, headers: Record<string, string>): HeaderNames | undefined {
  if (config.headerPrefix !== 'svix_or_webhook') {
    const family = headerFamily(config, headers);
    return family && namesOf(family);
  }
  const pick = (part: keyof HeaderNames) => (headers[`svix-${part}`] === undefined && headers[`webhook-${part}`] !== undefined ? `webhook-${part}` : `svix-${part}`);
  return { id: pick('id'), timestamp: pick('timestamp'), signature: pick('signature') };
}

/**
 * Reads `v1,<b64> v1,<b64> v1a,<b64>`: only HMAC (`v1`) entries count; Ed25519 (`v1a`) entries are
 * skipped, as the reference libraries do.
 */
function readEntries(value: string): { v1: string[]; other: string[] } {
  const v1: string[] = [];
  const other: string[] = [];
  for (const entry of value.trim().split(ENTRY_SEPARATOR)) {
    const comma = entry.indexOf(',');
    if (comma > 0 && entry.slice(0, comma) === 'v1') v1.push(entry.slice(comma + 1).replace(TRAILING_COMMA, ''));
    else if (entry) other.push(entry.slice(0, Math.max(comma, 0)) || entry);
  }
  return { v1, other };
}

/** Standard Webhooks / Svix (Clerk, Resend, Supabase auth hooks): `{id}.{timestamp}.{body}`, base64 SHA-256. */
export function checkStandardWebhooks(
  config: StandardWebhooksScheme,
  secrets: readonly VerifySecret[],
  request: VerifyRequest,
  now: number,
): SchemeOutcome {
  const names = headerNames(config, request.headers);
  if (names === undefined)
    return {
      ok: false,
      code: 'missing_header',
      header: 'webhook-signature',
      message: 'The request has neither a webhook-signature nor an svix-signature header, so it was not signed the Standard Webhooks / Svix way.',
    };
  for (const name of [names.signature, names.id, names.timestamp]) {
    // Empty counts as missing, as in the reference libraries (`if (!msgId || …)`).
    if (!request.headers[name])
      return { ok: false, code: 'missing_header', header: name, message: `The request has no ${name} header; Standard Webhooks needs ${names.id}, ${names.timestamp} and ${names.signature}.` };
  }
  const id = request.headers[names.id] ?? '';
  const rawTimestamp = request.headers[names.timestamp] ?? '';
  const timestampMs = parseTimestamp(rawTimestamp, 's');
  if (timestampMs === null)
    return { ok: false, code: 'malformed_header', header: names.timestamp, message: `${names.timestamp} should be a whole number of seconds since 1970.` };

  const entries = readEntries(request.headers[names.signature] ?? '');
  if (entries.v1.length === 0) {
    const why = entries.other.some((v) => v.startsWith('v1a'))
      ? 'it only has v1a (Ed25519) signatures, which Inlet does not check yet'
      : 'it has no "v1,<base64>" entry';
    return { ok: false, code: 'malformed_header', header: names.signature, message: `${names.signature} can't be checked: ${why}.` };
  }
  const decoded = decodeSignatures(entries.v1, 'base64', 'sha256');
  if (decoded.signatures.length === 0)
    return { ok: false, code: 'malformed_header', header: names.signature, message: `The signature in ${names.signature} can't be right: ${decoded.rejected ?? 'it is empty'}.` };

  const parts: SignedParts = {
    algorithm: 'sha256',
    template: TEMPLATE,
    values: { id, timestamp: rawTimestamp },
    signatures: decoded.signatures,
    secretEncoding: 'whsec',
  };
  const secretId = findMatchingSecret(parts, secrets, request.rawBody);
  if (secretId === undefined) return noMatch(names.signature, secrets.length, parts);
  if (!withinTolerance(timestampMs, now, config.toleranceSeconds)) {
    const skew = skewSeconds(timestampMs, now);
    return {
      ok: false,
      code: 'timestamp_out_of_tolerance',
      header: names.timestamp,
      skewSeconds: skew,
      message: staleMessage(skew, config.toleranceSeconds, rawTimestamp, 's'),
    };
  }
  return { ok: true, secretId };
}
