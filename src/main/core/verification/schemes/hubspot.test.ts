import { Signature } from '@hubspot/api-client';
import { describe, expect, it } from 'vitest';
import { getPreset, signDelivery, verifyRequest, type VerifyRequest } from '../index';
import { signHubspot } from '../testing/provider-signers';
import { toVerifyRequest } from '../testing/sdk-signers';
import { hubspotUri } from './hubspot';

const config = getPreset('hubspot')?.config ?? { scheme: 'none' as const };
const secret = 'a5b7c4e2-1d3f-4b6a-9e8d-7c6b5a4f3e2d';
const url = 'https://inlet-demo.loca.lt/in/tok_hubspot';
const NOW = Date.UTC(2025, 5, 1, 12);
const body = JSON.stringify([{ eventId: 100, subscriptionId: 2, portalId: 62515, appId: 54321, occurredAt: NOW, subscriptionType: 'contact.creation', attemptNumber: 0, objectId: 123, changeFlag: 'CREATED', changeSource: 'CRM' }]);

const check = (request: VerifyRequest, now = NOW, secrets = [secret]) =>
  verifyRequest({ config, secrets: secrets.map((value, i) => ({ id: `h${i}`, value })), request, now });

describe('HubSpot v3', () => {
  it('verifies a request signed by Signature.getSignature from @hubspot/api-client', async () => {
    const result = check(toVerifyRequest(await signHubspot({ payload: body, secret, timestamp: NOW, url })));
    expect(result).toEqual({ status: 'verified', scheme: 'hubspot_v3', matchedSecretId: 'h0' });
  });

  it('signs requests that Signature.isValid from @hubspot/api-client accepts', () => {
    const now = Date.now();
    const signed = signDelivery({ config, secret, body, now, url: '/in/tok_hubspot', publicUrl: url });
    const valid = Signature.isValid({
      signatureVersion: 'v3', method: 'POST', clientSecret: secret, requestBody: body, url,
      signature: signed.headers['x-hubspot-signature-v3'] ?? '', timestamp: Number(signed.headers['x-hubspot-request-timestamp']),
    });
    expect(valid).toBe(true);
  });

  it('rejects a request signed 6 minutes ago with a 360 s skew', async () => {
    const result = check(toVerifyRequest(await signHubspot({ payload: body, secret, timestamp: NOW - 360_000, url })));
    expect(result.diagnosis).toMatchObject({ code: 'timestamp_out_of_tolerance', header: 'x-hubspot-request-timestamp', skewSeconds: 360 });
  });

  it('rejects a tampered body with no_match and lists the URLs it tried', async () => {
    const request = toVerifyRequest(await signHubspot({ payload: body, secret, timestamp: NOW, url }));
    request.rawBody = Buffer.from(body.replace('CREATED', 'DELETED'));
    const result = check(request);
    expect(result.diagnosis?.code).toBe('no_match');
    expect(result.diagnosis?.hints.find((h) => h.code === 'public_url')?.message).toContain(url);
  });

  it('decodes the escapes HubSpot documents before signing, and still accepts the undecoded form the SDK signs', async () => {
    const escaped = `${url}?redirect=https%3A%2F%2Fexample.com%2Fa%2Cb`;
    expect(hubspotUri(escaped)).toBe(`${url}?redirect=https://example.com/a,b`);
    const ours = signDelivery({ config, secret, body, now: NOW, url: '/in/tok_hubspot?redirect=https%3A%2F%2Fexample.com%2Fa%2Cb', publicUrl: escaped });
    const request = { method: 'POST', url: ours.url, headers: { ...ours.headers, host: 'inlet-demo.loca.lt' }, rawBody: ours.body };
    expect(check(request).status).toBe('verified');
    expect(check(toVerifyRequest(await signHubspot({ payload: body, secret, timestamp: NOW, url: escaped }))).status).toBe('verified');
  });

  it('explains that only v3 is checked when a v1 signature arrives', () => {
    const request = { method: 'POST', url: '/in/t', headers: { 'x-hubspot-signature': 'a'.repeat(64), 'x-hubspot-signature-version': 'v1' }, rawBody: Buffer.from(body) };
    const result = check(request);
    expect(result.diagnosis).toMatchObject({ code: 'missing_header', header: 'x-hubspot-signature-v3' });
    expect(result.diagnosis?.message).toMatch(/v1\/v2/);
  });

  it('answers malformed_header for a timestamp in ISO format', () => {
    const request = { method: 'POST', url: '/in/t', headers: { 'x-hubspot-signature-v3': 'AAAA', 'x-hubspot-request-timestamp': '2025-06-01T12:00:00Z' }, rawBody: Buffer.from(body) };
    expect(check(request).diagnosis).toMatchObject({ code: 'malformed_header', header: 'x-hubspot-request-timestamp' });
  });

  it('says a private app token was configured instead of the client secret', async () => {
    const result = check(toVerifyRequest(await signHubspot({ payload: body, secret, timestamp: NOW, url })), NOW, ['pat-na1-11111111-2222']);
    expect(result.diagnosis?.hints.find((h) => h.code === 'secret_kind')?.message).toMatch(/private app access token/);
  });
});
