import { createHmac } from 'node:crypto';
import type { Diagnosis, MailgunScheme } from '../../../../shared/domain/verification';
import { digestsEqual } from '../constant-time';
import { parseTimestamp, skewSeconds, staleMessage, withinTolerance } from '../timestamp';
import type { Probe, SchemeOutcome, VerifyRequest, VerifySecret } from '../types';
import { decodeSignatures } from './hmac-core';

/** The three values Mailgun puts in the body; `timestamp + token` is what it signs. */
export interface MailgunSignature {
  timestamp: string;
  token: string;
  signature: string;
}
type Fields = Partial<MailgunSignature>;

const UNSIGNED: Diagnosis['hints'][number] = {
  code: 'unsigned_payload',
  message:
    "Mailgun signs only timestamp + token, not the event data: even a verified request's payload is not protected. " +
    'Cache tokens to refuse replays, and re-fetch anything critical from the Mailgun API.',
};

const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

function fromJson(body: string): Fields | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null || !('signature' in parsed)) return undefined;
    const s: unknown = parsed.signature;
    if (typeof s !== 'object' || s === null) return {};
    const r = s as Record<string, unknown>;
    return { timestamp: text(r.timestamp), token: text(r.token), signature: text(r.signature) };
  } catch {
    return undefined;
  }
}

// Legacy webhooks post multipart/form-data when they carry attachments: only these fields are read.
const MULTIPART_FIELD = /name="(timestamp|token|signature)"\r?\n(?:[^\r\n]+\r?\n)*\r?\n([^\r\n]*)/g;

function fromForm(body: string, contentType: string): Fields {
  const fields: Fields = {};
  if (contentType.includes('multipart/')) {
    for (const m of body.matchAll(MULTIPART_FIELD)) fields[m[1] as keyof Fields] ??= m[2];
    return fields;
  }
  const form = new URLSearchParams(body);
  return { timestamp: form.get('timestamp') ?? undefined, token: form.get('token') ?? undefined, signature: form.get('signature') ?? undefined };
}

/** Where Mailgun put the signature: `signature: {…}` in a JSON body, or form fields in the legacy format. */
export function readMailgunSignature(body: Buffer, contentType = ''): Fields {
  const raw = body.toString('utf8');
  if (!contentType.includes('form')) {
    const json = fromJson(raw);
    if (json) return json;
  }
  return fromForm(raw, contentType);
}

const mailgunMac = (key: string, timestamp: string, token: string) =>
  createHmac('sha256', key).update(timestamp + token, 'utf8').digest();

function matchSecret(fields: MailgunSignature, signature: Buffer, secrets: readonly VerifySecret[]) {
  return secrets.find((s) => digestsEqual(mailgunMac(s.value, fields.timestamp, fields.token), signature))?.id;
}

const fail = (code: 'missing_header' | 'malformed_header', message: string): SchemeOutcome => ({ ok: false, code, message, hints: [UNSIGNED] });

/** Mailgun: hex HMAC-SHA256 keyed with the HTTP webhook signing key over `timestamp + token`, all read from the body. */
export function checkMailgun(config: MailgunScheme, secrets: readonly VerifySecret[], request: VerifyRequest, now: number): SchemeOutcome {
  const contentType = request.headers['content-type'] ?? '';
  const fields = readMailgunSignature(request.rawBody, contentType);
  const absent = (['signature', 'timestamp', 'token'] as const).filter((k) => !fields[k]);
  if (absent.length > 0)
    return fail('missing_header', `The body has no Mailgun ${absent.join(', ')}: Mailgun puts signature {timestamp, token, signature} in the JSON body (or as form fields in the legacy format).`);
  const { timestamp = '', token = '', signature = '' } = fields;
  const timestampMs = parseTimestamp(timestamp, 's');
  if (timestampMs === null) return fail('malformed_header', 'The Mailgun signature timestamp should be a whole number of seconds since 1970.');
  const decoded = decodeSignatures([signature], 'hex', 'sha256');
  const expected = decoded.signatures[0];
  if (!expected) return fail('malformed_header', `The Mailgun signature can't be right: ${decoded.rejected ?? 'it is empty'}.`);

  const probe: Probe = {
    coversBody: false,
    matches: (body, values) => {
      const f = readMailgunSignature(body, contentType);
      const sig = f.signature && decodeSignatures([f.signature], 'hex', 'sha256').signatures[0];
      if (!sig || !f.timestamp || !f.token) return false;
      const all = { timestamp: f.timestamp, token: f.token, signature: f.signature ?? '' };
      return matchSecret(all, sig, values.map((value, i) => ({ id: String(i), value }))) !== undefined;
    },
  };
  const secretId = matchSecret({ timestamp, token, signature }, expected, secrets);
  if (secretId === undefined) {
    const tried = secrets.length === 1 ? 'the configured signing key' : `any of the ${secrets.length} configured signing keys`;
    return {
      ok: false,
      code: 'no_match',
      message: `The Mailgun signature does not match ${tried}: use the HTTP webhook signing key (Sending → Webhooks), not an API key, or the timestamp or token changed on the way.`,
      probe,
      hints: [UNSIGNED],
    };
  }
  if (!withinTolerance(timestampMs, now, config.toleranceSeconds)) {
    const skew = skewSeconds(timestampMs, now);
    return { ok: false, code: 'timestamp_out_of_tolerance', skewSeconds: skew, message: staleMessage(skew, config.toleranceSeconds, timestamp, 's'), hints: [UNSIGNED] };
  }
  return { ok: true, secretId };
}
