import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPreset } from '../verification';
import { documentedSigners } from '../verification/testing/documented-signers';
import { providerSigners, providerTestSecrets } from '../verification/testing/provider-signers';
import { sdkSigners, type SignedRequest } from '../verification/testing/sdk-signers';
import { startTestCore, type TestCore } from '../testing/test-core';

/**
 * Every preset, fed requests signed by the provider's own SDK (or, where it has none, by its
 * documented algorithm), through the real receiver.
 */
const signers = { ...sdkSigners, ...providerSigners, ...documentedSigners };
type SignedPresetId = keyof typeof signers;
const svixSecret = () => `whsec_${randomBytes(24).toString('base64')}`;
const secrets: Record<SignedPresetId, () => string> = {
  stripe: () => `whsec_${randomBytes(16).toString('hex')}`,
  'standard-webhooks': svixSecret,
  svix: svixSecret,
  clerk: svixSecret,
  resend: svixSecret,
  'supabase-auth-hook': () => `v1,${svixSecret()}`,
  workos: () => randomBytes(16).toString('hex'),
  github: () => randomBytes(12).toString('hex'),
  shopify: () => randomBytes(16).toString('hex'),
  slack: () => randomBytes(16).toString('hex'),
  'shared-secret': () => randomBytes(16).toString('hex'),
  bearer: () => randomBytes(16).toString('hex'),
  basic: () => `inlet:${randomBytes(8).toString('hex')}`,
  ...providerTestSecrets,
  ...Object.fromEntries(Object.keys(documentedSigners).map((id) => [id, () => randomBytes(16).toString('hex')])),
} as Record<SignedPresetId, () => string>;
const TIMESTAMPED = new Set<SignedPresetId>(['stripe', 'standard-webhooks', 'svix', 'clerk', 'resend', 'supabase-auth-hook', 'workos', 'slack', 'hubspot', 'paddle', 'calendly']);
// Mailgun signs only a timestamp and token, and shared secrets sign nothing: no body to tamper with.
const BODY_SIGNED = new Set<SignedPresetId>([...TIMESTAMPED, 'github', 'shopify', 'twilio', 'sendgrid', 'square', 'linear', 'typeform', 'lemon-squeezy', 'intercom', 'zoom']);

let t: TestCore;
beforeAll(async () => {
  t = await startTestCore();
});
afterAll(() => t.close());

const deliver = async (url: string, signed: SignedRequest) => {
  const res = await fetch(signed.url ?? url, { method: 'POST', headers: signed.headers, body: signed.body });
  const { event_id } = (await res.json()) as { event_id: number };
  return { status: res.status, event: await t.call('events.get', { id: event_id }) };
};

async function connect(preset: SignedPresetId) {
  const { id } = await t.source(preset.replace(/[^a-z0-9]/g, '-'));
  const config = getPreset(preset)!.config;
  const secret = secrets[preset]();
  const prodSecret = secrets[preset]();
  const source = await t.call('sources.update', {
    id,
    settings: { development: { verification: config, enforceVerification: true }, production: { verification: config } },
  });
  // Two active secrets (a rotation), the signing one added second, so a match must say which one.
  await t.call('sources.addSecret', { id, environment: 'development', secret: secrets[preset](), label: 'old' });
  const withBoth = await t.call('sources.addSecret', { id, environment: 'development', secret, label: 'current' });
  await t.call('sources.addSecret', { id, environment: 'production', secret: prodSecret });
  const dev = withBoth.settings.find((s) => s.environment === 'development')!;
  const secretId = dev.secrets.find((s) => s.label === 'current')!.id;
  expect(dev.secrets.map((s) => s.label)).toEqual(['old', 'current']);
  const token = source.settings.find((s) => s.environment === 'development')!.endpointToken;
  return { url: `${t.core.receiverUrl}/in/${token}`, secret, secretId, prodSecret };
}

const payload = { id: 'evt_1NG8Du2eZvKYlo2CUI79vXWy', object: 'event', type: 'customer.created', data: { object: { id: 'cus_NffrFeUfNV2Hib', email: 'jenny.rosen@example.com' } } };

describe.each(Object.keys(signers) as SignedPresetId[])('the %s preset over HTTP', (preset) => {
  const sign = (input: Parameters<(typeof signers)[SignedPresetId]>[0]) => signers[preset]({ ...input, url: endpoint.url });
  let endpoint: Awaited<ReturnType<typeof connect>>;
  beforeAll(async () => {
    endpoint = await connect(preset);
  });

  it('accepts a request signed by the official SDK and logs it verified', async () => {
    const { status, event } = await deliver(endpoint.url, await sign({ payload, secret: endpoint.secret, timestamp: Date.now() }));
    expect(status).toBe(200);
    expect(event.verification).toBe('verified');
    expect(event.verificationResult.matchedSecretId).toBe(endpoint.secretId);
  });

  it('rejects the wrong secret with 401 and a no_match diagnosis', async () => {
    const { status, event } = await deliver(endpoint.url, await sign({ payload, secret: secrets[preset](), timestamp: Date.now() }));
    expect(status).toBe(401);
    expect(event.verificationResult.diagnosis?.code).toBe('no_match');
  });

  it("hints that the production secret was used on the development URL", async () => {
    const { event } = await deliver(endpoint.url, await sign({ payload, secret: endpoint.prodSecret, timestamp: Date.now() }));
    expect(event.verificationResult.diagnosis?.hints.map((h) => h.code)).toContain('other_environment');
  });

  // Presets that sign only a header value (shared secret, basic auth) have no body to tamper with.
  if (BODY_SIGNED.has(preset)) it('rejects a tampered body with no_match', async () => {
    const signed = await sign({ payload, secret: endpoint.secret, timestamp: Date.now() });
    const { status, event } = await deliver(endpoint.url, { ...signed, body: signed.body.replace('jenny', 'jenna') });
    expect(status).toBe(401);
    expect(event.verificationResult.diagnosis?.code).toBe('no_match');
  });

  if (TIMESTAMPED.has(preset)) it('rejects a request signed ten minutes ago, giving the skew', async () => {
    const signed = await sign({ payload, secret: endpoint.secret, timestamp: Date.now() - 600_000 });
    const { status, event } = await deliver(endpoint.url, signed);
    expect(status).toBe(401);
    expect(event.verificationResult.diagnosis?.code).toBe('timestamp_out_of_tolerance');
    expect(event.verificationResult.diagnosis?.skewSeconds).toBeGreaterThanOrEqual(599);
    expect(event.verificationResult.diagnosis?.skewSeconds).toBeLessThan(610);
  });
});
