/**
 * What senders are answered when verification decides, over real HTTP: a generic reason on 401
 * (the diagnosis stays in the log), script-verified templates enforced once their secret is set,
 * and the edge cases where the providers' own libraries refuse a correctly signed request.
 */
import { createHmac, randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { Webhook as SvixWebhook } from 'svix';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPreset } from '../verification';
import { startTestCore, type TestCore } from '../testing/test-core';

let t: TestCore;
beforeAll(async () => {
  t = await startTestCore();
});
afterAll(() => t.close());

const stripe = new Stripe('sk_test_inlet_dummy');
const urlOf = (token: string) => `${t.core.receiverUrl}/in/${token}`;

async function post(url: string, headers: Record<string, string>, body: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const answer = (await res.json()) as { ok: boolean; error?: string; event_id: number };
  return { status: res.status, answer, event: await t.call('events.get', { id: answer.event_id }) };
}

/** A source verified by `preset` in development (enforced), with the given secrets. */
async function presetSource(key: string, preset: string, secrets: string[]) {
  const { id } = await t.source(key);
  const source = await t.call('sources.update', { id, settings: { development: { verification: getPreset(preset)!.config, enforceVerification: true } } });
  for (const secret of secrets) await t.call('sources.addSecret', { id, environment: 'development', secret });
  return urlOf(source.settings.find((s) => s.environment === 'development')!.endpointToken);
}

describe('a 401 answer', () => {
  it('tells the sender only that verification failed; the log keeps the diagnosis', async () => {
    const url = await presetSource('generic-401', 'stripe', ['whsec_first_secret_value', 'whsec_second_secret_value']);
    const body = JSON.stringify({ id: 'evt_1', type: 'customer.created' });
    const forged = stripe.webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_not_configured' });
    const attempts: Record<string, string>[] = [{ 'stripe-signature': forged }, {}, { 'stripe-signature': 't=1,v1=zz' }];
    for (const headers of attempts) {
      const { status, answer, event } = await post(url, headers, body);
      expect(status).toBe(401);
      expect(answer).toEqual({ ok: false, error: 'Signature verification failed', event_id: event.id });
      expect(event.verificationResult.diagnosis?.message).toBeTruthy();
    }
    const { event } = await post(url, { 'stripe-signature': forged }, body);
    expect(event.verificationResult.diagnosis?.message).toMatch(/any of the 2 configured secrets/);
  });
});

describe('the Custom HTTP template (verified by its script)', () => {
  const SECRET = `chs_${randomBytes(16).toString('hex')}`;
  let url: string;
  let sourceId: string;
  beforeAll(async () => {
    const source = await t.call('sources.connect', {
      templateId: 'custom-http', key: 'custom-http-enforced', mappingIds: ['user-signed-up-identify'], secrets: { development: SECRET },
    });
    sourceId = source.id;
    url = urlOf(source.settings.find((s) => s.environment === 'development')!.endpointToken);
  });
  const signup = (userId: string) => JSON.stringify({ type: 'user.signed_up', data: { user_id: userId, email: `${userId}@example.com` } });
  const users = async () => (await t.call('workspace.users', { environment: 'development' })).items.map((u) => u.id);

  it('is saved enforced where its secret is set, and not where none is', async () => {
    const source = await t.call('sources.get', { id: sourceId });
    expect(Object.fromEntries(source.settings.map((s) => [s.environment, s.enforceVerification]))).toEqual({ development: true, production: false });
  });

  it('answers a wrong or missing X-Webhook-Secret 401, logs it, and runs nothing', async () => {
    const attempts: Record<string, string>[] = [{ 'x-webhook-secret': 'not-the-secret' }, {}];
    for (const headers of attempts) {
      const { status, answer, event } = await post(url, headers, signup('usr_forged'));
      expect(status).toBe(401);
      expect(answer.error).toBe('Signature verification failed');
      expect(event).toMatchObject({ responseStatus: 401, verification: 'failed', processing: 'none', actionRuns: [] });
    }
    expect(await users()).not.toContain('usr_forged');
  });

  it('answers the right secret 200 and runs its mapping', async () => {
    const { status, event } = await post(url, { 'x-webhook-secret': SECRET }, signup('usr_real'));
    expect(status).toBe(200);
    expect(event.verification).toBe('verified');
    await expect.poll(users, { timeout: 5000 }).toContain('usr_real');
  });
});

describe('as the providers\' own libraries answer', () => {
  const STRIPE_SECRET = 'whsec_test_secret';
  const GITHUB_SECRET = 'mysecret';

  // stripe-node test/Webhook.spec.ts "should raise a JSON error from invalid JSON payload"
  it('answers 400 to a correctly signed Stripe body that is not JSON, and logs it verified', async () => {
    const url = await presetSource('stripe-not-json', 'stripe', [STRIPE_SECRET]);
    const body = '} I am not valid JSON; 123][';
    const { status, event } = await post(url, { 'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload: body, secret: STRIPE_SECRET }) }, body);
    expect(status).toBe(400);
    expect(event).toMatchObject({ responseStatus: 400, verification: 'verified', processing: 'none', bodyText: body });
  });

  // stripe-node "…invalid signature header" (/No webhook payload was provided/); octokit test/verify.test.ts "verify(secret) without eventPayload throws"
  it.each([
    ['stripe', (secret: string) => ({ 'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload: '', secret }) }), STRIPE_SECRET],
    ['github', (secret: string) => ({ 'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update('').digest('hex')}` }), GITHUB_SECRET],
  ] as const)('answers 401 to an empty %s body under a valid signature', async (preset, sign, secret) => {
    const url = await presetSource(`${preset}-empty`, preset, [secret]);
    const { status, event } = await post(url, sign(secret), '');
    expect(status).toBe(401);
    expect(event.verificationResult.diagnosis?.code).toBe('empty_body');
  });

  // svix src/webhook.test.ts "valid unbranded signature is valid and returns valid json"
  it('accepts a Svix delivery with the unbranded webhook-* headers', async () => {
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    const url = await presetSource('svix-unbranded', 'svix', [secret]);
    const body = '{"test": 2432232314}';
    const now = new Date();
    const headers = {
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new SvixWebhook(secret).sign('msg_p5jXN8AQM9LWM0D4loKWxJek', now, body),
    };
    const { status, event } = await post(url, headers, body);
    expect(status).toBe(200);
    expect(event.verification).toBe('verified');
  });
});
