import { createHmac } from 'node:crypto';
import type { HmacScheme, VerificationConfig } from '../../../shared/domain/verification';
import { decodeSecret } from './secrets';
import { compileTemplate, feedContent } from './signed-content';
import {
  signHubspotV3,
  signMailgun,
  signSendgrid,
  signSquare,
  signTwilio,
  type ProviderSignInput,
  type SignedDelivery,
} from './sign-providers';

export type { SignedDelivery } from './sign-providers';

export interface SignRequestInput {
  config: VerificationConfig;
  /**
   * The secret as configured (e.g. `whsec_…`, `v1,whsec_…`, `user:password`). For SendGrid, whose
   * configured secret is a public key, this is instead the private key of a test key pair
   * (`createP256TestKeyPair`): only a request signed with it verifies against its public half.
   */
  secret: string;
  body: Buffer | string;
  /** Signing time, ms since the epoch. */
  now: number;
  method?: string;
  /** Path and query the request will be sent to, when the scheme signs `{url}`. */
  url?: string;
  /** Message id for schemes that sign `{id}` (Mailgun: the token); derived from `now` when absent. */
  id?: string;
  /**
   * The full URL the request is delivered to, as the provider would call it (e.g.
   * `http://127.0.0.1:4100/in/tok`): Twilio, HubSpot and Square sign it. Defaults to the scheme's
   * `publicBaseUrl` + `url`; signing one of those schemes without either throws.
   */
  publicUrl?: string;
  /** The body's media type; Twilio signs form fields but hashes JSON. Guessed from the body when absent. */
  contentType?: string;
}

function keyOf(secret: string, encoding: HmacScheme['secretEncoding']): Buffer {
  const key = decodeSecret(secret, encoding);
  if (!key) throw new Error(`The secret can't be used as a ${encoding === 'raw' ? '' : `${encoding} `}HMAC key.`);
  return key;
}

function signHmac(config: HmacScheme, input: SignRequestInput, body: Buffer): Record<string, string> {
  const timestamp = String(config.timestampUnit === 's' ? Math.floor(input.now / 1000) : input.now);
  const id = input.id ?? `msg_${input.now}`;
  const template = compileTemplate(config.signedContent);
  const values = { id, timestamp, method: input.method ?? 'POST', url: input.url ?? '/' };
  const hmac = createHmac(config.algorithm, keyOf(input.secret, config.secretEncoding));
  const signature = feedContent(hmac, template, values, body).digest(config.encoding);

  const headers: Record<string, string> = {};
  if (config.format === 'plain') headers[config.signatureHeader] = `${config.signaturePrefix}${signature}`;
  else {
    const pairs = [`${config.signatureKey}=${signature}`];
    if (config.timestamp?.from === 'signature') pairs.unshift(`${config.timestamp.key}=${timestamp}`);
    headers[config.signatureHeader] = pairs.join(config.pairSeparator);
  }
  if (config.timestamp?.from === 'header') headers[config.timestamp.header] = timestamp;
  if (template.variables.includes('id')) headers[config.idHeader ?? 'webhook-id'] = id;
  return headers;
}

/**
 * The request a provider would send for `body` under `config`, signed with `secret` at `now`: what
 * "Send test event" pushes through the real receiver. Unlike `signRequest` it may change the body
 * (Mailgun signs inside it) and the URL (Twilio adds `bodySHA256` for JSON): send `body` to `url`.
 * Throws when the secret can't be a key for the scheme, or a URL-signed scheme has no full URL.
 */
export function signDelivery(input: SignRequestInput): SignedDelivery {
  const { config } = input;
  const body = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body;
  const p: ProviderSignInput = {
    secret: input.secret,
    body,
    now: input.now,
    method: input.method ?? 'POST',
    url: input.url ?? '/',
    ...(input.publicUrl !== undefined && { publicUrl: input.publicUrl }),
    ...(input.contentType !== undefined && { contentType: input.contentType }),
    ...(input.id !== undefined && { id: input.id }),
  };
  switch (config.scheme) {
    case 'twilio':
      return signTwilio(config, p);
    case 'hubspot_v3':
      return signHubspotV3(config, p);
    case 'square':
      return signSquare(config, p);
    case 'sendgrid':
      return signSendgrid(p);
    case 'mailgun':
      return signMailgun(p);
    default:
      return { headers: signHeaders(config, input, body), body, url: p.url };
  }
}

/**
 * The headers a provider would add to `body` under `config`, signed with `secret` at `now`.
 * Lower-cased header names. Throws when the secret can't be a key for the scheme, and for requests
 * whose body or URL the scheme must change (Mailgun; Twilio with a JSON body): use `signDelivery`.
 */
export function signRequest(input: SignRequestInput): Record<string, string> {
  const delivered = signDelivery(input);
  const body = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body;
  if (!delivered.body.equals(body) || delivered.url !== (input.url ?? '/'))
    throw new Error(`The ${input.config.scheme} scheme changes the body or URL when signing: use signDelivery and send what it returns.`);
  return delivered.headers;
}

type HeaderOnlyConfig = Exclude<VerificationConfig, { scheme: 'twilio' | 'hubspot_v3' | 'square' | 'sendgrid' | 'mailgun' }>;

function signHeaders(config: HeaderOnlyConfig, input: SignRequestInput, body: Buffer): Record<string, string> {
  switch (config.scheme) {
    case 'none':
      return {};
    case 'shared_secret':
      return { [config.header]: `${config.prefix}${input.secret}` };
    case 'basic':
      return { authorization: `Basic ${Buffer.from(input.secret, 'utf8').toString('base64')}` };
    case 'hmac':
      return signHmac(config, input, body);
    case 'standard_webhooks': {
      const family = config.headerPrefix === 'any' ? 'webhook' : config.headerPrefix === 'svix_or_webhook' ? 'svix' : config.headerPrefix;
      const id = input.id ?? `msg_${input.now}`;
      const timestamp = String(Math.floor(input.now / 1000));
      const hmac = createHmac('sha256', keyOf(input.secret, 'whsec'));
      const signature = hmac.update(`${id}.${timestamp}.`, 'utf8').update(body).digest('base64');
      return { [`${family}-id`]: id, [`${family}-timestamp`]: timestamp, [`${family}-signature`]: `v1,${signature}` };
    }
  }
}
