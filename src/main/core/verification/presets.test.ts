import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VerificationPresetSchema } from '../../../shared/domain/verification';
import { getPreset, verificationPresets, verifyRequest } from './index';
import { documentedSigners, type DocumentedPresetId } from './testing/documented-signers';
import { providerSigners, providerTestSecrets, type ProviderPresetId } from './testing/provider-signers';
import { sdkSigners, toVerifyRequest, type SignedPresetId } from './testing/sdk-signers';

const signers = { ...sdkSigners, ...documentedSigners, ...providerSigners };

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);
const b64 = () => randomBytes(24).toString('base64');
const payload = { id: 'evt_1', type: 'customer.created', data: { object: { id: 'cus_1', email: 'ada@example.com' } } };

interface Case {
  id: SignedPresetId | DocumentedPresetId | ProviderPresetId;
  secret: () => string;
  /** The header that carries the signature (or secret); removing it gives missing_header. */
  header: string;
  /** Tolerance in seconds, for presets whose signatures carry a time. */
  tolerance?: number;
}

const cases: Case[] = [
  { id: 'stripe', secret: () => `whsec_${b64()}`, header: 'stripe-signature', tolerance: 300 },
  { id: 'standard-webhooks', secret: () => `whsec_${b64()}`, header: 'webhook-signature', tolerance: 300 },
  { id: 'svix', secret: () => `whsec_${b64()}`, header: 'svix-signature', tolerance: 300 },
  { id: 'clerk', secret: () => `whsec_${b64()}`, header: 'svix-signature', tolerance: 300 },
  { id: 'resend', secret: () => `whsec_${b64()}`, header: 'svix-signature', tolerance: 300 },
  { id: 'supabase-auth-hook', secret: () => `v1,whsec_${b64()}`, header: 'webhook-signature', tolerance: 300 },
  { id: 'workos', secret: () => randomBytes(16).toString('hex'), header: 'workos-signature', tolerance: 180 },
  { id: 'github', secret: () => randomBytes(20).toString('hex'), header: 'x-hub-signature-256' },
  { id: 'shopify', secret: () => `shpss_${randomBytes(16).toString('hex')}`, header: 'x-shopify-hmac-sha256' },
  { id: 'slack', secret: () => randomBytes(16).toString('hex'), header: 'x-slack-signature', tolerance: 300 },
  { id: 'linear', secret: () => `lin_wh_${b64()}`, header: 'linear-signature' },
  { id: 'paddle', secret: () => `pdl_ntfset_${b64()}`, header: 'paddle-signature', tolerance: 5 },
  { id: 'calendly', secret: () => b64(), header: 'calendly-webhook-signature', tolerance: 180 },
  { id: 'typeform', secret: () => b64(), header: 'typeform-signature' },
  { id: 'lemon-squeezy', secret: () => randomBytes(12).toString('hex'), header: 'x-signature' },
  { id: 'intercom', secret: () => b64(), header: 'x-hub-signature' },
  { id: 'zoom', secret: () => b64(), header: 'x-zm-signature' },
  { id: 'twilio', secret: providerTestSecrets.twilio, header: 'x-twilio-signature' },
  { id: 'hubspot', secret: providerTestSecrets.hubspot, header: 'x-hubspot-signature-v3', tolerance: 300 },
  { id: 'sendgrid', secret: providerTestSecrets.sendgrid, header: 'x-twilio-email-event-webhook-signature' },
  { id: 'mailgun', secret: providerTestSecrets.mailgun, header: 'signature' },
  { id: 'square', secret: providerTestSecrets.square, header: 'x-square-hmacsha256-signature' },
  { id: 'shared-secret', secret: () => b64(), header: 'x-webhook-secret' },
  { id: 'bearer', secret: () => b64(), header: 'authorization' },
  { id: 'basic', secret: () => `inlet:${b64()}`, header: 'authorization' },
];

async function deliver(c: Case, secret: string, signedAt = NOW, body: unknown = payload) {
  const signed = await signers[c.id]({ payload: body, secret, timestamp: signedAt, id: 'msg_2Qx' });
  return toVerifyRequest(signed);
}

function check(c: Case, secrets: string[], request: ReturnType<typeof toVerifyRequest>) {
  const config = getPreset(c.id)?.config;
  if (!config) throw new Error(`no preset ${c.id}`);
  return verifyRequest({ config, secrets: secrets.map((value, i) => ({ id: `sec_${i}`, value })), request, now: NOW });
}

describe('verification presets', () => {
  it('are all valid preset data with a secret hint and a signer under test', () => {
    for (const preset of verificationPresets) {
      expect(VerificationPresetSchema.parse(preset)).toEqual(preset);
      expect(preset.secretHint).toMatch(/\w/);
      expect(cases.map((c) => c.id)).toContain(preset.id);
    }
  });

  it('finds presets by id and nothing for an unknown id', () => {
    expect(getPreset('stripe')?.name).toBe('Stripe');
    expect(getPreset('nope')).toBeUndefined();
  });
});

describe.each(cases)('preset $id', (c) => {
  it('verifies a request signed by the official signer (or the documented algorithm)', async () => {
    const secret = c.secret();
    const result = check(c, [secret], await deliver(c, secret));
    expect(result).toEqual({ status: 'verified', scheme: getPreset(c.id)?.config.scheme, matchedSecretId: 'sec_0' });
  });

  it('reports the id of the secret that matched when several are active (rotation)', async () => {
    const [older, newer] = [c.secret(), c.secret()];
    const result = check(c, [older, newer], await deliver(c, newer));
    expect(result.status).toBe('verified');
    expect(result.matchedSecretId).toBe('sec_1');
  });

  it('rejects a request signed with another secret with no_match', async () => {
    const result = check(c, [c.secret()], await deliver(c, c.secret()));
    expect(result.status).toBe('failed');
    expect(result.diagnosis?.code).toBe('no_match');
    expect(result.diagnosis?.message).toMatch(/does not match|is not|are not/);
  });

  it('answers missing_header naming the header when it is absent', async () => {
    const request = await deliver(c, c.secret());
    if (c.id === 'mailgun') request.rawBody = Buffer.from(JSON.stringify({ 'event-data': payload }));
    else delete request.headers[c.header];
    const result = check(c, [c.secret()], request);
    expect(result.diagnosis).toMatchObject({ code: 'missing_header' });
    if (c.id !== 'mailgun') expect(result.diagnosis?.header).toBe(c.header);
  });

  it('answers no_secret when no secret is configured', async () => {
    const result = check(c, [], await deliver(c, c.secret()));
    expect(result.diagnosis?.code).toBe('no_secret');
  });

});

const tamper = (request: ReturnType<typeof toVerifyRequest>) => {
  request.rawBody = Buffer.from(request.rawBody.toString('utf8').replace('ada@', 'eve@'));
  return request;
};
const BODY_SIGNING = new Set(['hmac', 'standard_webhooks', 'twilio', 'sendgrid', 'hubspot_v3', 'square']);
const signsBody = (c: Case) => BODY_SIGNING.has(getPreset(c.id)?.config.scheme ?? 'none');

describe.each(cases.filter(signsBody))('preset $id (signs the body)', (c) => {
  it('rejects a tampered body with no_match', async () => {
    const secret = c.secret();
    const result = check(c, [secret], tamper(await deliver(c, secret)));
    expect(result.status).toBe('failed');
    expect(result.diagnosis?.code).toBe('no_match');
  });
});

describe.each(cases.filter((c) => !signsBody(c)))('preset $id (the body is not signed)', (c) => {
  it('does not protect the body: a changed body still verifies', async () => {
    const secret = c.secret();
    expect(check(c, [secret], tamper(await deliver(c, secret))).status).toBe('verified');
  });
});

describe.each(cases.filter((c) => c.tolerance !== undefined))('preset $id (timestamped)', (c) => {
  it('rejects a signature older than the tolerance with the skew in seconds', async () => {
    const secret = c.secret();
    const age = (c.tolerance ?? 0) + 60;
    const result = check(c, [secret], await deliver(c, secret, NOW - age * 1000));
    expect(result.status).toBe('failed');
    expect(result.diagnosis).toMatchObject({ code: 'timestamp_out_of_tolerance', skewSeconds: age });
  });

  it('accepts a signature just inside the tolerance', async () => {
    const secret = c.secret();
    const result = check(c, [secret], await deliver(c, secret, NOW - ((c.tolerance ?? 0) - 1) * 1000));
    expect(result.status).toBe('verified');
  });
});

describe('Stripe preset', () => {
  const c = cases[0] as Case;

  it('rejects a Stripe event signed 6 minutes ago with a 360 s skew', async () => {
    const secret = c.secret();
    const result = check(c, [secret], await deliver(c, secret, NOW - 360_000));
    expect(result.diagnosis).toMatchObject({ code: 'timestamp_out_of_tolerance', skewSeconds: 360, header: 'stripe-signature' });
    expect(result.diagnosis?.message).toContain('6 minutes ago');
  });

  it('uses the whsec_ secret as raw key bytes, so the same secret base64-decoded does not match', async () => {
    const secret = `whsec_${b64()}`;
    const request = await deliver(c, secret);
    const config = { ...(getPreset('stripe')?.config ?? { scheme: 'none' as const }) };
    if (config.scheme !== 'hmac') throw new Error('stripe is hmac');
    const asSvix = verifyRequest({ config: { ...config, secretEncoding: 'whsec' }, secrets: [{ id: 's', value: secret }], request, now: NOW });
    expect(asSvix.diagnosis?.code).toBe('no_match');
  });
});

describe('Zoom preset', () => {
  it('accepts a Zoom request signed an hour ago, since Zoom defines no age limit', async () => {
    const c = cases.find((x) => x.id === 'zoom') as Case;
    const secret = c.secret();
    expect(check(c, [secret], await deliver(c, secret, NOW - 3_600_000)).status).toBe('verified');
  });
});
