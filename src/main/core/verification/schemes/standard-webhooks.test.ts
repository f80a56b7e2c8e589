import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VerificationConfigSchema } from '../../../../shared/domain/verification';
import { verifyRequest } from '../index';
import { signStandardWebhooks, signSvix, toVerifyRequest } from '../testing/sdk-signers';

const NOW = Date.UTC(2025, 5, 1, 12);
const secret = `whsec_${randomBytes(32).toString('base64')}`;
const anyPrefix = VerificationConfigSchema.parse({ scheme: 'standard_webhooks' });
const webhookOnly = VerificationConfigSchema.parse({ scheme: 'standard_webhooks', headerPrefix: 'webhook' });
const verify = (request: ReturnType<typeof toVerifyRequest>, config = anyPrefix, secrets = [secret]) =>
  verifyRequest({ config, secrets: secrets.map((value, i) => ({ id: `s${i}`, value })), request, now: NOW });
const sign = (signer = signStandardWebhooks, s = secret) => signer({ payload: { type: 'user.created' }, secret: s, timestamp: NOW, id: 'msg_1' });

describe('Standard Webhooks / Svix', () => {
  it('reads either the webhook-* or the svix-* family when the prefix is "any"', async () => {
    expect(verify(toVerifyRequest(await sign(signStandardWebhooks))).status).toBe('verified');
    expect(verify(toVerifyRequest(await sign(signSvix))).status).toBe('verified');
  });

  it('asks for webhook-signature when a webhook-only source receives svix-* headers', async () => {
    const result = verify(toVerifyRequest(await sign(signSvix)), webhookOnly);
    expect(result.diagnosis).toMatchObject({ code: 'missing_header', header: 'webhook-signature' });
  });

  it('names both families when neither signature header is present', () => {
    const result = verify(toVerifyRequest({ headers: {}, body: '{}' }));
    expect(result.diagnosis?.code).toBe('missing_header');
    expect(result.diagnosis?.message).toMatch(/webhook-signature nor an svix-signature/);
  });

  it.each(['webhook-id', 'webhook-timestamp'])('answers missing_header when %s is absent', async (name) => {
    const request = toVerifyRequest(await sign());
    delete request.headers[name];
    expect(verify(request).diagnosis).toMatchObject({ code: 'missing_header', header: name });
  });

  it('accepts any v1 entry in a space-separated list, skipping v1a entries', async () => {
    const request = toVerifyRequest(await sign());
    const real = request.headers['webhook-signature'];
    request.headers['webhook-signature'] = `v1a,${randomBytes(64).toString('base64')} v1,${randomBytes(32).toString('base64')} ${real}`;
    expect(verify(request).status).toBe('verified');
  });

  it('reads signatures from repeated headers joined with ", "', async () => {
    const request = toVerifyRequest(await sign());
    request.headers['webhook-signature'] = `v1,${randomBytes(32).toString('base64')}, ${request.headers['webhook-signature']}`;
    expect(verify(request).status).toBe('verified');
  });

  it('answers malformed_header when only Ed25519 (v1a) signatures are present', async () => {
    const request = toVerifyRequest(await sign());
    request.headers['webhook-signature'] = `v1a,${randomBytes(64).toString('base64')}`;
    const result = verify(request);
    expect(result.diagnosis).toMatchObject({ code: 'malformed_header', header: 'webhook-signature' });
    expect(result.diagnosis?.message).toMatch(/v1a/);
  });

  it('answers malformed_header for a timestamp that is not unix seconds', async () => {
    const request = toVerifyRequest(await sign());
    request.headers['webhook-timestamp'] = new Date(NOW).toISOString();
    expect(verify(request).diagnosis).toMatchObject({ code: 'malformed_header', header: 'webhook-timestamp' });
  });

  it('accepts the secret as Supabase shows it (v1,whsec_…) and bare base64 as the libraries do', async () => {
    const request = toVerifyRequest(await sign());
    expect(verify(request, anyPrefix, [`v1,${secret}`]).status).toBe('verified');
    expect(verify(request, anyPrefix, [secret.slice('whsec_'.length)]).status).toBe('verified');
  });

  it('rejects a delivery signed 10 minutes in the future with a -600 s skew', async () => {
    const signed = await signStandardWebhooks({ payload: {}, secret, timestamp: NOW + 600_000 });
    expect(verify(toVerifyRequest(signed)).diagnosis).toMatchObject({ code: 'timestamp_out_of_tolerance', skewSeconds: -600, header: 'webhook-timestamp' });
  });

  it('rejects a message id changed in transit with no_match', async () => {
    const request = toVerifyRequest(await sign());
    request.headers['webhook-id'] = 'msg_2';
    expect(verify(request).diagnosis?.code).toBe('no_match');
  });
});
