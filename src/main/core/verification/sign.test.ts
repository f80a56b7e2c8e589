import '@shopify/shopify-api/adapters/web-api';
import { randomBytes } from 'node:crypto';
import { verify as githubVerify } from '@octokit/webhooks-methods';
import { ApiVersion, LogSeverity, shopifyApi } from '@shopify/shopify-api';
import { WorkOS } from '@workos-inc/node';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { Webhook as SvixWebhook } from 'svix';
import { describe, expect, it } from 'vitest';
import { createP256TestKeyPair, getPreset, signDelivery, signRequest, verificationPresets, verifyRequest } from './index';

const config = (id: string) => {
  const p = getPreset(id);
  if (!p) throw new Error(id);
  return p.config;
};
const whsec = `whsec_${randomBytes(32).toString('base64')}`;
const body = JSON.stringify({ id: 'evt_1', type: 'customer.created', data: { id: 'cus_1' } });
// Official verifiers read the real clock, so these requests are signed "now".
const sign = (id: string, secret: string) => signRequest({ config: config(id), secret, body, now: Date.now() });

describe('signRequest, checked by the official verifiers', () => {
  it('signs Stripe events that stripe.webhooks.constructEvent accepts', () => {
    const headers = sign('stripe', whsec);
    const event = new Stripe('sk_test_dummy').webhooks.constructEvent(body, headers['stripe-signature'] ?? '', whsec);
    expect(event.id).toBe('evt_1');
  });

  it('signs Svix messages that svix Webhook.verify accepts', () => {
    const headers = sign('svix', whsec);
    expect(Object.keys(headers).sort()).toEqual(['svix-id', 'svix-signature', 'svix-timestamp']);
    expect(new SvixWebhook(whsec).verify(body, headers)).toMatchObject({ id: 'evt_1' });
  });

  it('signs Standard Webhooks messages that standardwebhooks verify accepts', () => {
    expect(new StandardWebhook(whsec).verify(body, sign('standard-webhooks', whsec))).toMatchObject({ id: 'evt_1' });
  });

  it('signs Supabase auth hooks from the v1,whsec_ secret that standardwebhooks accepts once stripped', () => {
    const headers = sign('supabase-auth-hook', `v1,${whsec}`);
    expect(new StandardWebhook(whsec.slice('whsec_'.length)).verify(body, headers)).toMatchObject({ id: 'evt_1' });
  });

  it('signs WorkOS events that workos.webhooks.verifyHeader accepts', async () => {
    const secret = randomBytes(16).toString('hex');
    const headers = sign('workos', secret);
    expect(headers['workos-signature']).toMatch(/^t=\d{13}, v1=[0-9a-f]{64}$/);
    const ok = await new WorkOS('sk_test_dummy').webhooks.verifyHeader({ payload: JSON.parse(body), sigHeader: headers['workos-signature'] ?? '', secret });
    expect(ok).toBe(true);
  });

  it('signs GitHub deliveries that @octokit/webhooks-methods verify accepts', async () => {
    expect(await githubVerify('gh-secret', body, sign('github', 'gh-secret')['x-hub-signature-256'] ?? '')).toBe(true);
  });

  it('signs Shopify webhooks that shopify.webhooks.validate accepts', async () => {
    const shopify = shopifyApi({
      apiKey: 'key', apiSecretKey: 'shpss_test', scopes: [], hostName: 'localhost', apiVersion: ApiVersion.October25,
      isEmbeddedApp: false, logger: { level: LogSeverity.Error, log: async () => {} },
    });
    const headers = {
      ...sign('shopify', 'shpss_test'),
      'x-shopify-topic': 'orders/create', 'x-shopify-shop-domain': 'inlet.myshopify.com', 'x-shopify-api-version': '2025-10',
      'x-shopify-webhook-id': 'wh_1', 'x-shopify-event-id': 'ev_1', 'x-shopify-triggered-at': new Date().toISOString(),
    };
    const rawRequest = new Request('https://localhost/in/tok', { method: 'POST', headers, body });
    expect(await shopify.webhooks.validate({ rawBody: body, rawRequest })).toMatchObject({ valid: true });
  });

  it("reproduces Slack's published example signature", () => {
    const slackBody = 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    const headers = signRequest({ config: config('slack'), secret: '8f742231b10e8888abcd99yyyzzz85a5', body: slackBody, now: 1531420618_000 });
    expect(headers).toEqual({
      'x-slack-request-timestamp': '1531420618',
      'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    });
  });
});

describe('signDelivery round trip', () => {
  const keys = createP256TestKeyPair();
  const secretFor = (id: string) => (id === 'basic' ? 'u:pw' : id === 'supabase-auth-hook' ? `v1,${whsec}` : whsec);
  // SendGrid verifies with the public half of a pair and signs with the private half.
  const signingSecret = (id: string) => (id === 'sendgrid' ? keys.privateKey : secretFor(id));
  const verifyingSecret = (id: string) => (id === 'sendgrid' ? keys.publicKey : secretFor(id));

  it.each(verificationPresets.map((p) => p.id))('produces %s requests that verifyRequest accepts', (id) => {
    const now = 1748779200_000;
    const signed = signDelivery({ config: config(id), secret: signingSecret(id), body, now, url: '/in/t', publicUrl: 'http://127.0.0.1:4100/in/t' });
    const request = { method: 'POST', url: signed.url, headers: { ...signed.headers, host: '127.0.0.1:4100' }, rawBody: signed.body };
    const result = verifyRequest({ config: config(id), secrets: [{ id: 'k', value: verifyingSecret(id) }], request, now });
    expect(result).toMatchObject({ status: 'verified', matchedSecretId: 'k' });
  });

  it('refuses a Standard Webhooks secret that is not base64', () => {
    expect(() => signRequest({ config: config('svix'), secret: 'whsec_***', body, now: 0 })).toThrow(/can't be used/);
  });

  it('refuses to sign a URL-signed scheme without a full URL', () => {
    expect(() => signDelivery({ config: config('square'), secret: 'k', body, now: 0 })).toThrow(/pass publicUrl/);
  });

  it('signs under the configured publicBaseUrl when no full URL is given', () => {
    const square = { scheme: 'square' as const, publicBaseUrl: 'https://inlet.loca.lt' };
    const signed = signDelivery({ config: square, secret: 'k', body, now: 0, url: '/in/t' });
    const request = { method: 'POST', url: '/in/t', headers: signed.headers, rawBody: signed.body };
    expect(verifyRequest({ config: square, secrets: [{ id: 'k', value: 'k' }], request, now: 0 }).status).toBe('verified');
  });

  it('tells signRequest callers to use signDelivery when the scheme rewrites the body', () => {
    expect(() => signRequest({ config: config('mailgun'), secret: 'k', body, now: 0 })).toThrow(/use signDelivery/);
  });

  it('refuses to sign SendGrid with the public key, which cannot sign', () => {
    expect(() => signDelivery({ config: config('sendgrid'), secret: keys.publicKey, body, now: 0 })).toThrow(/private key/);
  });
});
