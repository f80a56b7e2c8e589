/**
 * Signers for the presets whose schemes are not HMAC over a template (Twilio, HubSpot, SendGrid,
 * Mailgun, Square): the provider's SDK where it can sign (Twilio, HubSpot), otherwise the
 * documented algorithm with node:crypto, written independently of the engine. Test-only.
 */
import { createHmac, generateKeyPairSync, randomBytes, randomUUID, sign as ecdsaSign, type KeyObject } from 'node:crypto';
import { Signature as HubspotSignature } from '@hubspot/api-client';
import twilio from 'twilio';
import { DEFAULT_URL, type SdkSigner } from './sdk-signers';

const JSON_TYPE = { 'content-type': 'application/json' };
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' };
const bodyOf = (payload: unknown): string => (typeof payload === 'string' ? payload : JSON.stringify(payload));
const unix = (ms: number) => String(Math.floor(ms / 1000));

/**
 * `twilio.getExpectedTwilioSignature` + `twilio.webhooks` body hash: a JSON post, signed the way
 * Twilio signs JSON (the URL with `?bodySHA256=`). Returns the URL to post to.
 */
export const signTwilioJson: SdkSigner = async ({ payload, secret, url = DEFAULT_URL }) => {
  const body = bodyOf(payload);
  const signedUrl = `${url}${url.includes('?') ? '&' : '?'}bodySHA256=${twilio.getExpectedBodyHash(body)}`;
  const signature = twilio.getExpectedTwilioSignature(secret, signedUrl, {});
  return { headers: { ...JSON_TYPE, 'x-twilio-signature': signature }, body, url: signedUrl };
};

/** A classic Twilio form post (`MessageStatus` callback shape); `payload` must be a flat record or a form string. */
export const signTwilioForm: SdkSigner = async ({ payload, secret, url = DEFAULT_URL }) => {
  const form = new URLSearchParams(typeof payload === 'string' ? payload : (payload as Record<string, string>));
  const params: Record<string, string | string[]> = {};
  for (const [k, v] of form) {
    const prev = params[k];
    params[k] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
  }
  const signature = twilio.getExpectedTwilioSignature(secret, url, params);
  return { headers: { ...FORM_TYPE, 'x-twilio-signature': signature }, body: form.toString(), url };
};

/** Twilio: form posts for flat string records and form strings, JSON for anything else. */
export const signTwilio: SdkSigner = (input) => {
  const flat = (v: unknown) => typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string');
  const isForm = (typeof input.payload === 'string' && !input.payload.trimStart().startsWith('{')) || flat(input.payload);
  return isForm ? signTwilioForm(input) : signTwilioJson(input);
};

/** `Signature.getSignature('POST', 'v3', …)` from `@hubspot/api-client`. */
export const signHubspot: SdkSigner = async ({ payload, secret, timestamp, url = DEFAULT_URL }) => {
  const body = bodyOf(payload);
  const signature = HubspotSignature.getSignature('POST', 'v3', { clientSecret: secret, requestBody: body, url, timestamp, signature: '' });
  return { headers: { ...JSON_TYPE, 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': String(timestamp) }, body, url };
};

/** Square's documented algorithm (its SDK only verifies): base64 HMAC-SHA256 of URL + body. */
export const signSquare: SdkSigner = async ({ payload, secret, url = DEFAULT_URL }) => {
  const body = bodyOf(payload);
  const signature = createHmac('sha256', secret).update(url + body).digest('base64');
  return { headers: { ...JSON_TYPE, 'x-square-hmacsha256-signature': signature }, body, url };
};

/** Mailgun's documented algorithm: `signature {timestamp, token, signature}` next to `event-data`. */
export const signMailgun: SdkSigner = async ({ payload, secret, timestamp, id }) => {
  const ts = unix(timestamp);
  const token = id ?? randomBytes(25).toString('hex');
  const signature = createHmac('sha256', secret).update(ts + token).digest('hex');
  const body = JSON.stringify({ signature: { timestamp: ts, token, signature }, 'event-data': payload });
  return { headers: JSON_TYPE, body };
};

// SendGrid holds its private key, so tests make pairs and sign with the private half of the
// public key they configured: the signer is called with the configured (public) secret.
const privateKeys = new Map<string, KeyObject>();

/** A fresh SendGrid-style verification key (base64 SPKI DER); `signSendgrid` can sign for it. */
export function sendgridTestKey(): string {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const spki = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  privateKeys.set(spki, privateKey);
  return spki;
}

/** ECDSA P-256/SHA-256 over timestamp + body with node:crypto, for a key from `sendgridTestKey`. */
export const signSendgrid: SdkSigner = async ({ payload, secret, timestamp }) => {
  const key = privateKeys.get(secret);
  if (!key) throw new Error('signSendgrid needs a public key made by sendgridTestKey()');
  const body = bodyOf(payload);
  const ts = unix(timestamp);
  const signature = ecdsaSign('sha256', Buffer.from(ts + body), key).toString('base64');
  return {
    headers: { ...JSON_TYPE, 'x-twilio-email-event-webhook-signature': signature, 'x-twilio-email-event-webhook-timestamp': ts },
    body,
  };
};

/** One signer per preset added with the irreducible schemes. */
export const providerSigners = {
  twilio: signTwilio,
  hubspot: signHubspot,
  sendgrid: signSendgrid,
  mailgun: signMailgun,
  square: signSquare,
} as const satisfies Record<string, SdkSigner>;

export type ProviderPresetId = keyof typeof providerSigners;

/** A realistic secret for each preset, as the receiver's over-HTTP test needs one per environment. */
export const providerTestSecrets: Record<ProviderPresetId, () => string> = {
  twilio: () => randomBytes(16).toString('hex'),
  hubspot: () => randomUUID(),
  sendgrid: sendgridTestKey,
  mailgun: () => randomBytes(16).toString('hex'),
  square: () => randomBytes(16).toString('base64url'),
};
