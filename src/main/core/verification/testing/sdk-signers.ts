/**
 * Requests signed the way each provider signs them, by the provider's own SDK wherever one exists,
 * so our verifier is never its own oracle. Shared with the receiver's over-HTTP tests.
 * Test-only: imports devDependencies.
 */
import { createHmac } from 'node:crypto';
import { sign as githubSign } from '@octokit/webhooks-methods';
import { getHmac as shopifyHmac } from '@shopify/shopify-api/test-helpers';
import { WorkOS } from '@workos-inc/node';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { Webhook as SvixWebhook } from 'svix';

export interface SignInput {
  /** A string is sent as-is; anything else as compact JSON. */
  payload: unknown;
  secret: string;
  /** Signing time, ms since the epoch. */
  timestamp: number;
  /** Message id for the Standard Webhooks family; derived from the timestamp when absent. */
  id?: string;
  /**
   * The full URL the request will be posted to (`http://127.0.0.1:4100/in/tok`), for presets that
   * sign the URL (Twilio, HubSpot, Square); `DEFAULT_URL` when absent.
   */
  url?: string;
}

export interface SignedRequest {
  headers: Record<string, string>;
  body: string;
  /** Where to post it, when the signer chose or changed the URL (Twilio adds `?bodySHA256=`). */
  url?: string;
}

/** Where URL-signing presets are delivered when the test gives no URL. */
export const DEFAULT_URL = 'https://inlet.example/in/test-token';

export type SdkSigner = (input: SignInput) => Promise<SignedRequest>;

const JSON_TYPE = { 'content-type': 'application/json' };
const bodyOf = (payload: unknown): string => (typeof payload === 'string' ? payload : JSON.stringify(payload));
const seconds = (ms: number): number => Math.floor(ms / 1000);

// Dummy API keys: constructing the clients makes no network call.
const stripe = new Stripe('sk_test_inlet_dummy');
const workos = new WorkOS('sk_test_inlet_dummy');

/** `stripe.webhooks.generateTestHeaderString`. */
export const signStripe: SdkSigner = async ({ payload, secret, timestamp }) => {
  const body = bodyOf(payload);
  const header = stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: seconds(timestamp) });
  return { headers: { ...JSON_TYPE, 'stripe-signature': header }, body };
};

/** `new svix.Webhook(secret).sign(…)`, with `svix-*` headers (Svix, Clerk, Resend). */
export const signSvix: SdkSigner = async ({ payload, secret, timestamp, id }) => {
  const body = bodyOf(payload);
  const msgId = id ?? `msg_${timestamp}`;
  const signature = new SvixWebhook(secret).sign(msgId, new Date(timestamp), body);
  return {
    headers: { ...JSON_TYPE, 'svix-id': msgId, 'svix-timestamp': String(seconds(timestamp)), 'svix-signature': signature },
    body,
  };
};
export const signClerk = signSvix;
export const signResend = signSvix;

/** `new standardwebhooks.Webhook(secret).sign(…)`, with `webhook-*` headers. */
export const signStandardWebhooks: SdkSigner = async ({ payload, secret, timestamp, id }) => {
  const body = bodyOf(payload);
  const msgId = id ?? `msg_${timestamp}`;
  const signature = new StandardWebhook(secret).sign(msgId, new Date(timestamp), body);
  return {
    headers: { ...JSON_TYPE, 'webhook-id': msgId, 'webhook-timestamp': String(seconds(timestamp)), 'webhook-signature': signature },
    body,
  };
};

/**
 * Supabase shows the secret as `v1,whsec_…` and has no signer of its own; its docs have you strip
 * `v1,whsec_` before handing it to `standardwebhooks`, which is what Supabase signs with.
 */
export const signSupabaseAuthHook: SdkSigner = (input) =>
  signStandardWebhooks({ ...input, secret: input.secret.replace(/^v1,whsec_/, '') });

/**
 * `workos.webhooks.computeSignature`. It signs `JSON.stringify(payload)`, so the body sent is
 * compact JSON of the parsed payload.
 */
export const signWorkos: SdkSigner = async ({ payload, secret, timestamp }) => {
  const object: unknown = typeof payload === 'string' ? JSON.parse(payload) : payload;
  const body = JSON.stringify(object);
  const signature = await workos.webhooks.computeSignature(timestamp, object, secret);
  return { headers: { ...JSON_TYPE, 'workos-signature': `t=${timestamp}, v1=${signature}` }, body };
};

/** `@octokit/webhooks-methods` `sign`. GitHub has no timestamp; `timestamp` is ignored. */
export const signGithub: SdkSigner = async ({ payload, secret }) => {
  const body = bodyOf(payload);
  return {
    headers: { ...JSON_TYPE, 'x-github-event': 'ping', 'x-hub-signature-256': await githubSign(secret, body) },
    body,
  };
};

/** `getHmac` from `@shopify/shopify-api/test-helpers`, plus the headers `webhooks.validate` requires. */
export const signShopify: SdkSigner = async ({ payload, secret, timestamp, id }) => {
  const body = bodyOf(payload);
  return {
    headers: {
      ...JSON_TYPE,
      'x-shopify-hmac-sha256': shopifyHmac(body, secret),
      'x-shopify-topic': 'orders/create',
      'x-shopify-shop-domain': 'inlet-test.myshopify.com',
      'x-shopify-api-version': '2025-10',
      'x-shopify-webhook-id': id ?? `wh_${timestamp}`,
      'x-shopify-triggered-at': new Date(timestamp).toISOString(),
    },
    body,
  };
};

/**
 * Slack publishes no signer (Bolt only verifies), so this follows Slack's documented algorithm;
 * the tests pin it to Slack's own published example.
 */
export const signSlack: SdkSigner = async ({ payload, secret, timestamp }) => {
  const body = bodyOf(payload);
  const ts = String(seconds(timestamp));
  const signature = createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex');
  return { headers: { ...JSON_TYPE, 'x-slack-request-timestamp': ts, 'x-slack-signature': `v0=${signature}` }, body };
};

/** Knock's Custom HTTP default: the secret itself in `x-webhook-secret`. */
export const signSharedSecret: SdkSigner = async ({ payload, secret }) => ({
  headers: { ...JSON_TYPE, 'x-webhook-secret': secret },
  body: bodyOf(payload),
});

export const signBearer: SdkSigner = async ({ payload, secret }) => ({
  headers: { ...JSON_TYPE, authorization: `Bearer ${secret}` },
  body: bodyOf(payload),
});

/** `secret` is `user:password`. */
export const signBasic: SdkSigner = async ({ payload, secret }) => ({
  headers: { ...JSON_TYPE, authorization: `Basic ${Buffer.from(secret, 'utf8').toString('base64')}` },
  body: bodyOf(payload),
});

/** One signer per built-in preset id. */
export const sdkSigners = {
  stripe: signStripe,
  'standard-webhooks': signStandardWebhooks,
  svix: signSvix,
  clerk: signClerk,
  resend: signResend,
  'supabase-auth-hook': signSupabaseAuthHook,
  workos: signWorkos,
  github: signGithub,
  shopify: signShopify,
  slack: signSlack,
  'shared-secret': signSharedSecret,
  bearer: signBearer,
  basic: signBasic,
} as const satisfies Record<string, SdkSigner>;

export type SignedPresetId = keyof typeof sdkSigners;

/**
 * The request a receiver would hand to `verifyRequest` for a signed delivery. When the signer
 * chose the URL, its path and query are what arrives, with its host in the Host header, as an
 * HTTP client would send it.
 */
export function toVerifyRequest(signed: SignedRequest, url = '/in/test-token'): {
  method: string;
  url: string;
  headers: Record<string, string>;
  rawBody: Buffer;
} {
  const headers = { ...signed.headers };
  if (signed.url === undefined) return { method: 'POST', url, headers, rawBody: Buffer.from(signed.body, 'utf8') };
  const target = new URL(signed.url);
  headers.host ??= target.host;
  const path = signed.url.slice(signed.url.indexOf(target.host) + target.host.length);
  return { method: 'POST', url: path || '/', headers, rawBody: Buffer.from(signed.body, 'utf8') };
}
