import { createHash, createHmac, generateKeyPairSync, randomBytes, sign as ecdsaSign } from 'node:crypto';
import type {
  HubspotV3Scheme,
  SquareScheme,
  TwilioScheme,
} from '../../../shared/domain/verification';
import { p256PrivateKey } from './ecdsa-keys';
import { underBase } from './public-urls';
import { hubspotUri } from './schemes/hubspot';
import { formParams, twilioContent } from './schemes/twilio';

/** What a provider would send: headers (lower-cased), the body, and the path + query to send it to. */
export interface SignedDelivery {
  headers: Record<string, string>;
  body: Buffer;
  /** Path and query; differs from the input's when the scheme changes the URL (Twilio's `bodySHA256`). */
  url: string;
}

/** The parts of a signing request the provider-specific signers need. */
export interface ProviderSignInput {
  secret: string;
  body: Buffer;
  now: number;
  method: string;
  /** Path and query. */
  url: string;
  publicUrl?: string;
  contentType?: string;
  id?: string;
}

/** A throwaway P-256 key pair: the public half is configured like SendGrid's verification key. */
export interface P256TestKeyPair {
  /** Base64 SPKI DER, the form SendGrid shows (`MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…`). */
  publicKey: string;
  /** PKCS#8 PEM; pass it as `secret` to `signRequest` with the SendGrid preset. */
  privateKey: string;
}

/**
 * A key pair for SendGrid test events: SendGrid keeps its private key, so "Send test event" signs
 * with this private key and the environment is given the public key as an extra secret.
 */
export function createP256TestKeyPair(): P256TestKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

/** The full URL the provider would have signed; URL-signed schemes can't sign without one. */
function fullUrl(input: ProviderSignInput, base: string | undefined, provider: string): string {
  if (input.publicUrl) return input.publicUrl;
  if (base) return underBase(base, input.url);
  throw new Error(`${provider} signs the full URL it calls: pass publicUrl (or configure the scheme's publicBaseUrl) to sign.`);
}

const withQuery = (url: string, key: string, value: string) => `${url}${url.includes('?') ? '&' : '?'}${key}=${value}`;

function isJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/** Twilio: form posts sign URL + sorted params; JSON posts get `bodySHA256` in the URL and sign the URL alone. */
export function signTwilio(config: TwilioScheme, input: ProviderSignInput): SignedDelivery {
  const url = fullUrl(input, config.publicBaseUrl, 'Twilio');
  const { body } = input;
  const form = input.contentType ? input.contentType.includes('x-www-form-urlencoded') : body.length > 0 && !isJson(body);
  const hmac = (content: string) => createHmac('sha1', input.secret).update(content, 'utf8').digest('base64');
  if (form || body.length === 0) {
    const params = formParams(input.method, 'application/x-www-form-urlencoded', body);
    return { headers: { 'x-twilio-signature': hmac(twilioContent(url, params)) }, body, url: input.url };
  }
  const hash = createHash('sha256').update(body).digest('hex');
  return {
    headers: { 'x-twilio-signature': hmac(withQuery(url, 'bodySHA256', hash)) },
    body,
    url: withQuery(input.url, 'bodySHA256', hash),
  };
}

/** HubSpot v3, with the URI decoded as HubSpot's docs describe. */
export function signHubspotV3(config: HubspotV3Scheme, input: ProviderSignInput): SignedDelivery {
  const uri = hubspotUri(fullUrl(input, config.publicBaseUrl, 'HubSpot'));
  const timestamp = String(input.now);
  const signature = createHmac('sha256', input.secret)
    .update(input.method.toUpperCase() + uri, 'utf8')
    .update(input.body)
    .update(timestamp, 'utf8')
    .digest('base64');
  return { headers: { 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp }, body: input.body, url: input.url };
}

export function signSquare(config: SquareScheme, input: ProviderSignInput): SignedDelivery {
  const url = fullUrl(input, config.publicBaseUrl, 'Square');
  const signature = createHmac('sha256', input.secret).update(url, 'utf8').update(input.body).digest('base64');
  return { headers: { 'x-square-hmacsha256-signature': signature }, body: input.body, url: input.url };
}

/** SendGrid: `secret` is a P-256 private key (see `createP256TestKeyPair`), never the configured public key. */
export function signSendgrid(input: ProviderSignInput): SignedDelivery {
  const key = p256PrivateKey(input.secret);
  const timestamp = String(Math.floor(input.now / 1000));
  const signature = ecdsaSign('sha256', Buffer.concat([Buffer.from(timestamp, 'utf8'), input.body]), key).toString('base64');
  return {
    headers: { 'x-twilio-email-event-webhook-signature': signature, 'x-twilio-email-event-webhook-timestamp': timestamp },
    body: input.body,
    url: input.url,
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Mailgun signs inside the body: a JSON body gets `signature: {timestamp, token, signature}` (a
 * bare event is wrapped as `event-data`) and is re-serialised compactly; any other body is
 * treated as the legacy form and gets the three fields.
 */
export function signMailgun(input: ProviderSignInput): SignedDelivery {
  const timestamp = String(Math.floor(input.now / 1000));
  const token = input.id ?? randomBytes(25).toString('hex');
  const signature = { timestamp, token, signature: createHmac('sha256', input.secret).update(timestamp + token, 'utf8').digest('hex') };
  const text = input.body.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const form = new URLSearchParams(text);
    for (const [k, v] of Object.entries(signature)) form.set(k, v);
    return { headers: {}, body: Buffer.from(form.toString(), 'utf8'), url: input.url };
  }
  const envelope = isRecord(parsed) && ('event-data' in parsed || 'signature' in parsed) ? parsed : { 'event-data': parsed };
  return { headers: {}, body: Buffer.from(JSON.stringify({ ...envelope, signature }), 'utf8'), url: input.url };
}
