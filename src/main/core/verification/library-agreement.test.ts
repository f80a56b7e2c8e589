/**
 * Edge cases where the providers' own libraries decide, ported from their test suites. Each case
 * runs the SDK itself next to `verifyRequest`, so the two are checked against each other rather
 * than against a value copied from the SDK's test.
 */
import { createHmac } from 'node:crypto';
import { sign as githubSign, verify as githubVerify } from '@octokit/webhooks-methods';
import Stripe from 'stripe';
import { Webhook as SvixWebhook } from 'svix';
import { describe, expect, it } from 'vitest';
import { getPreset, payloadRefusal, secretFormatProblem, verifyRequest } from './index';

const stripe = new Stripe('sk_test_inlet_dummy');
const STRIPE_SECRET = 'whsec_test_secret';
const GITHUB_SECRET = 'mysecret';
// svix src/webhook.test.ts's defaultSecret: base64 without the whsec_ prefix.
const SVIX_SECRET = 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

const configOf = (id: string) => getPreset(id)!.config;
const check = (id: string, secret: string, headers: Record<string, string>, body: string) =>
  verifyRequest({
    config: configOf(id),
    secrets: [{ id: 's', value: secret }],
    request: { method: 'POST', url: '/in/t', headers, rawBody: Buffer.from(body, 'utf8') },
    now: Date.now(),
  });

const stripeHeader = (payload: string) => stripe.webhooks.generateTestHeaderString({ payload, secret: STRIPE_SECRET });
const stripeAccepts = (payload: string, header: string): boolean => {
  try {
    stripe.webhooks.constructEvent(payload, header, STRIPE_SECRET);
    return true;
  } catch {
    return false;
  }
};

describe('Stripe, as stripe-node constructEvent (test/Webhook.spec.ts)', () => {
  // "should raise a SignatureVerificationError from a valid JSON payload and an invalid signature header" (the /No webhook payload was provided/ one)
  it('refuses an empty body even under a valid signature', () => {
    const header = stripeHeader('');
    expect(() => stripe.webhooks.constructEvent('', header, STRIPE_SECRET)).toThrow(/No webhook payload was provided/);
    expect(check('stripe', STRIPE_SECRET, { 'stripe-signature': header }, '')).toMatchObject({ status: 'failed', diagnosis: { code: 'empty_body' } });
  });

  // "should raise a JSON error from invalid JSON payload"
  it('verifies a correctly signed body that is not JSON but refuses it as a payload', () => {
    const body = '} I am not valid JSON; 123][';
    const header = stripeHeader(body);
    expect(stripeAccepts(body, header)).toBe(false);
    expect(check('stripe', STRIPE_SECRET, { 'stripe-signature': header }, body).status).toBe('verified');
    expect(payloadRefusal(configOf('stripe'), Buffer.from(body))).toMatch(/not valid JSON/);
    expect(payloadRefusal(configOf('stripe'), Buffer.from('{"id":"evt_test_webhook"}'))).toBeNull();
  });

  // verifyHeader compares hex strings (secureCompare), so an upper-cased signature never matches.
  it('refuses a signature written in upper-case hex', () => {
    const body = JSON.stringify({ id: 'evt_test_webhook', object: 'event' });
    const header = stripeHeader(body);
    const upper = header.replace(/v1=([0-9a-f]+)/, (_m, hex: string) => `v1=${hex.toUpperCase()}`);
    expect(stripeAccepts(body, header)).toBe(true);
    expect(stripeAccepts(body, upper)).toBe(false);
    expect(check('stripe', STRIPE_SECRET, { 'stripe-signature': header }, body).status).toBe('verified');
    expect(check('stripe', STRIPE_SECRET, { 'stripe-signature': upper }, body)).toMatchObject({ status: 'failed', diagnosis: { code: 'malformed_header' } });
  });
});

describe('GitHub, as @octokit/webhooks-methods verify (test/verify.test.ts)', () => {
  // "verify(secret) without eventPayload throws"
  it('refuses an empty body even under a valid signature', async () => {
    // octokit's sign() refuses an empty payload too, so the valid signature is computed by hand.
    const emptySignature = `sha256=${createHmac('sha256', GITHUB_SECRET).update('').digest('hex')}`;
    await expect(githubSign(GITHUB_SECRET, '')).rejects.toThrow(/payload required/);
    await expect(githubVerify(GITHUB_SECRET, '', emptySignature)).rejects.toThrow(/secret, eventPayload & signature required/);
    expect(check('github', GITHUB_SECRET, { 'x-hub-signature-256': emptySignature }, '')).toMatchObject({ status: 'failed', diagnosis: { code: 'empty_body' } });
  });

  // "verify(secret, eventPayload, signature) returns true for correct signature", and verify's exact string comparison for the upper-cased one.
  it('accepts the lower-case signature and refuses it upper-cased', async () => {
    const body = `${JSON.stringify({ foo: 'bar' }, null, 2)}\n`;
    const signature = await githubSign(GITHUB_SECRET, body);
    const upper = `sha256=${signature.slice(7).toUpperCase()}`;
    expect(await githubVerify(GITHUB_SECRET, body, signature)).toBe(true);
    expect(await githubVerify(GITHUB_SECRET, body, upper)).toBe(false);
    expect(check('github', GITHUB_SECRET, { 'x-hub-signature-256': signature }, body).status).toBe('verified');
    expect(check('github', GITHUB_SECRET, { 'x-hub-signature-256': upper }, body)).toMatchObject({ status: 'failed', diagnosis: { code: 'malformed_header' } });
  });
});

describe('Svix family, as the svix library (src/webhook.test.ts)', () => {
  const body = '{"test": 2432232314}';
  const signed = () => {
    const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
    const timestamp = new Date();
    const signature = new SvixWebhook(SVIX_SECRET).sign(id, timestamp, body);
    const seconds = String(Math.floor(timestamp.getTime() / 1000));
    return {
      branded: { 'svix-id': id, 'svix-timestamp': seconds, 'svix-signature': signature },
      unbranded: { 'webhook-id': id, 'webhook-timestamp': seconds, 'webhook-signature': signature },
    };
  };

  // "valid unbranded signature is valid and returns valid json"
  it.each(['svix', 'resend'])('accepts the unbranded webhook-* headers on a %s source', (id) => {
    const { unbranded } = signed();
    expect(new SvixWebhook(SVIX_SECRET).verify(body, unbranded)).toEqual({ test: 2432232314 });
    expect(check(id, SVIX_SECRET, unbranded, body).status).toBe('verified');
  });

  // Clerk's own verifyWebhook (@clerk/backend src/webhooks.ts) throws "Missing required webhook headers" without svix-*.
  it('keeps Clerk to the svix-* names, as Clerk\'s verifyWebhook does', () => {
    const { branded, unbranded } = signed();
    expect(check('clerk', SVIX_SECRET, branded, body).status).toBe('verified');
    expect(check('clerk', SVIX_SECRET, unbranded, body)).toMatchObject({ status: 'failed', diagnosis: { code: 'missing_header', header: 'svix-signature' } });
  });

  // "verification works with and without signature prefix"
  it.each(['svix', 'clerk', 'resend', 'standard-webhooks'])('takes a %s secret with or without its whsec_ prefix', (id) => {
    const { branded, unbranded } = signed();
    const headers = id === 'standard-webhooks' ? unbranded : branded;
    expect(new SvixWebhook(SVIX_SECRET).verify(body, branded)).toBeTruthy();
    expect(new SvixWebhook(`whsec_${SVIX_SECRET}`).verify(body, branded)).toBeTruthy();
    for (const secret of [SVIX_SECRET, `whsec_${SVIX_SECRET}`]) {
      expect(check(id, secret, headers, body).status).toBe('verified');
      expect(secretFormatProblem(configOf(id), secret)).toBeUndefined();
    }
  });
});
