import { verify as verifySignature, type KeyObject } from 'node:crypto';
import type { SendgridScheme } from '../../../../shared/domain/verification';
import { p256PublicKey } from '../ecdsa-keys';
import { parseTimestamp, skewSeconds, staleMessage, withinTolerance } from '../timestamp';
import type { Probe, SchemeOutcome, VerifyRequest, VerifySecret } from '../types';

const HEADER = 'x-twilio-email-event-webhook-signature';
const TIMESTAMP = 'x-twilio-email-event-webhook-timestamp';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function verifies(key: KeyObject, timestamp: string, body: Buffer, signature: Buffer): boolean {
  try {
    return verifySignature('sha256', Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, signature);
  } catch {
    // A signature that is not valid DER is just a signature that doesn't verify.
    return false;
  }
}

function findKey(timestamp: string, body: Buffer, signature: Buffer, secrets: readonly VerifySecret[]): string | undefined {
  for (const secret of secrets) {
    const key = p256PublicKey(secret.value);
    if (key && verifies(key, timestamp, body, signature)) return secret.id;
  }
  return undefined;
}

/**
 * SendGrid Event Webhook: ECDSA P-256 / SHA-256 (DER, base64) over `timestamp + body`; each secret
 * is a public verification key, so nothing secret is stored for this scheme.
 */
export function checkSendgrid(config: SendgridScheme, secrets: readonly VerifySecret[], request: VerifyRequest, now: number): SchemeOutcome {
  const value = request.headers[HEADER];
  if (value === undefined || value === '')
    return { ok: false, code: 'missing_header', header: HEADER, message: `The request has no ${HEADER} header, which should carry SendGrid's signature.` };
  const timestamp = request.headers[TIMESTAMP];
  if (timestamp === undefined)
    return { ok: false, code: 'missing_header', header: TIMESTAMP, message: `The request has no ${TIMESTAMP} header, which is part of the signed content.` };
  const timestampMs = parseTimestamp(timestamp, 's');
  if (timestampMs === null)
    return { ok: false, code: 'malformed_header', header: TIMESTAMP, message: `The timestamp in ${TIMESTAMP} should be a whole number of seconds since 1970.` };
  const raw = value.trim();
  if (!BASE64.test(raw))
    return { ok: false, code: 'malformed_header', header: HEADER, message: `The signature in ${HEADER} can't be right: it is not base64.` };
  const signature = Buffer.from(raw, 'base64');

  const secretId = findKey(timestamp, request.rawBody, signature, secrets);
  if (secretId === undefined) {
    const usable = secrets.filter((s) => p256PublicKey(s.value) !== null).length;
    const probe: Probe = {
      coversBody: true,
      matches: (body, keys) => findKey(timestamp, body, signature, keys.map((v, i) => ({ id: String(i), value: v }))) !== undefined,
    };
    const which = usable === 0 ? 'no configured secret is a P-256 public key' : `it does not verify with ${usable === 1 ? 'the configured verification key' : `any of the ${usable} configured verification keys`}`;
    return {
      ok: false,
      code: 'no_match',
      header: HEADER,
      message: `The signature in ${HEADER} can't be verified: ${which}. Either the key is not this account's current verification key (it changes when regenerated), or the body changed on the way.`,
      probe,
    };
  }
  if (!withinTolerance(timestampMs, now, config.toleranceSeconds)) {
    const skew = skewSeconds(timestampMs, now);
    return { ok: false, code: 'timestamp_out_of_tolerance', header: TIMESTAMP, skewSeconds: skew, message: staleMessage(skew, config.toleranceSeconds, timestamp, 's') };
  }
  return { ok: true, secretId };
}
