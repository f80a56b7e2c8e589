import { randomUUID } from 'node:crypto';
import type { VerificationConfig } from '../../../shared/domain/verification';
import { candidateUrls } from './public-urls';
import { signDelivery } from './sign';

/** Where "Send test event" keeps the private half of Inlet's SendGrid test key pair (sealed). */
export const TEST_SIGNING_KEY_VAR = 'INLET_TEST_SIGNING_KEY';

/** What an environment signs with: its verification scheme, secrets (current first) and variables. */
export interface SigningSettings {
  environment: string;
  verification: VerificationConfig;
  secrets: ReadonlyArray<{ value: string }>;
  vars: Readonly<Record<string, string>>;
}

export type SigningKey = { ok: true; config: VerificationConfig; secret: string } | { ok: false; reason: string };

/**
 * What Inlet can sign with as the provider would: the environment's current (first) secret; for
 * SendGrid, whose secret is a public key, the private half of Inlet's own test key. Otherwise the
 * sentences that say why it can't.
 */
export function signingKeyFor(s: SigningSettings): SigningKey {
  const config = s.verification;
  if (config.scheme === 'none') {
    return { ok: false, reason: `The source does not sign its requests in ${s.environment}, so there is nothing to re-sign: a replay is accepted at any age.` };
  }
  if (config.scheme === 'sendgrid') {
    const key = s.vars[TEST_SIGNING_KEY_VAR];
    if (key) return { ok: true, config, secret: key };
    return {
      ok: false,
      reason:
        'SendGrid signs with a private key only SendGrid holds (Inlet is given its public key), so Inlet cannot sign as SendGrid. ' +
        'Send a test event once: Inlet then adds a test key of its own to this environment and can re-sign with it.',
    };
  }
  const secret = s.secrets.find((x) => x.value !== '')?.value;
  if (!secret) return { ok: false, reason: `There is no secret to re-sign with in ${s.environment}: add the signing secret to the source.` };
  return { ok: true, config, secret };
}

/** How old (seconds) a signature may be before the scheme refuses it; 0 when it checks no age. */
export function toleranceOf(config: VerificationConfig): number {
  // An HMAC scheme without a timestamp (GitHub, Shopify) has a tolerance setting it never uses.
  if (config.scheme === 'hmac' && !config.timestamp) return 0;
  return 'toleranceSeconds' in config ? config.toleranceSeconds : 0;
}

/** A logged request's parts, as re-signing reads and rewrites them. */
export interface RequestToSign {
  method: string;
  path: string;
  query: string;
  /** Lower-cased names, order and repeats kept. */
  headers: ReadonlyArray<readonly [string, string]>;
  body: Buffer;
  contentType: string | null;
}

export interface ResignInput {
  key: { config: VerificationConfig; secret: string };
  request: RequestToSign;
  /** Signing time, ms since the epoch. */
  now: number;
  /**
   * The Host the request will arrive with (e.g. the local receiver's `127.0.0.1:4100` for a copied
   * cURL); the logged Host when absent. URL-signing schemes sign the URL the verifier will try first.
   */
  host?: string;
}

const STANDARD_NAMES = ['id', 'timestamp', 'signature'].flatMap((part) => [`svix-${part}`, `webhook-${part}`]);

const first = (headers: RequestToSign['headers'], name: string) => headers.find(([n]) => n === name)?.[1];

/** Standard Webhooks signs under the family the request already uses, so no stale svix-* copy outlives it. */
function standardFamily(config: Extract<VerificationConfig, { scheme: 'standard_webhooks' }>, headers: RequestToSign['headers']): 'svix' | 'webhook' {
  if (config.headerPrefix === 'svix' || config.headerPrefix === 'webhook') return config.headerPrefix;
  if (first(headers, 'svix-signature') !== undefined && first(headers, 'webhook-signature') === undefined) return 'svix';
  if (first(headers, 'webhook-signature') !== undefined) return 'webhook';
  return config.headerPrefix === 'any' ? 'webhook' : 'svix';
}

/**
 * The message id to sign: the logged one, as a provider's own retry keeps it (so idempotency still
 * recognises the event); a fresh one when the request has none.
 */
function messageId(config: VerificationConfig, headers: RequestToSign['headers']): string | undefined {
  const fresh = `msg_${randomUUID().replaceAll('-', '')}`;
  if (config.scheme === 'standard_webhooks') return first(headers, `${standardFamily(config, headers)}-id`) ?? fresh;
  if (config.scheme === 'hmac' && config.signedContent.includes('{id}')) return first(headers, config.idHeader ?? 'webhook-id') ?? fresh;
  // Mailgun's token has its own form; a fresh random one is made by its signer.
  return config.scheme === 'mailgun' ? undefined : fresh;
}

/** Twilio adds `bodySHA256` to the URL of a JSON post; a logged one is for the old body. */
const withoutBodyHash = (query: string) => {
  const params = new URLSearchParams(query);
  if (!params.has('bodySHA256')) return query;
  params.delete('bodySHA256');
  return params.toString();
};

/**
 * The logged request signed afresh, as its provider would send it now: a new timestamp, the
 * environment's current secret, the logged message id (see `messageId`). Signature headers are
 * replaced; Mailgun's body and Twilio's `bodySHA256` query are rewritten. Throws a sentence when
 * the secret can't key the scheme.
 */
export function resignRequest(input: ResignInput): { headers: Array<[string, string]>; body: Buffer; query: string } {
  const { request } = input;
  let config = input.key.config;
  if (config.scheme === 'standard_webhooks') config = { ...config, headerPrefix: standardFamily(config, request.headers) };
  const query = config.scheme === 'twilio' ? withoutBodyHash(request.query) : request.query;
  const url = query ? `${request.path}?${query}` : request.path;
  const headerRecord = Object.fromEntries(request.headers.map(([n, v]) => [n, v]));
  if (input.host) headerRecord.host = input.host;
  const publicBaseUrl = 'publicBaseUrl' in config ? config.publicBaseUrl : undefined;
  const publicUrl = candidateUrls({ method: request.method, url, headers: headerRecord, rawBody: request.body }, publicBaseUrl)[0];
  const id = messageId(config, request.headers);
  const signed = signDelivery({
    config,
    secret: input.key.secret,
    body: request.body,
    now: input.now,
    method: request.method,
    url,
    ...(publicUrl !== undefined && { publicUrl }),
    ...(id !== undefined && { id }),
    ...(request.contentType !== null && { contentType: request.contentType }),
  });
  const replaced = new Set(Object.keys(signed.headers));
  if (config.scheme === 'standard_webhooks') for (const name of STANDARD_NAMES) replaced.add(name);
  const headers = [
    ...request.headers.filter(([name]) => !replaced.has(name)).map(([n, v]): [string, string] => [n, v]),
    ...Object.entries(signed.headers),
  ];
  const q = signed.url.indexOf('?');
  return { headers, body: signed.body, query: q === -1 ? '' : signed.url.slice(q + 1) };
}
