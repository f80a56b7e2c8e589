import { createHmac } from 'node:crypto';
import { WebhooksHelper } from 'square';
import { describe, expect, it } from 'vitest';
import { getPreset, signDelivery, verifyRequest, type VerifyRequest } from '../index';

const config = getPreset('square')?.config ?? { scheme: 'none' as const };
const key = 'Ab1Cd2Ef3Gh4Ij5Kl6Mn7O';
const notificationUrl = 'https://inlet-demo.loca.lt/in/tok_square';
const body = JSON.stringify({ merchant_id: 'MLX', type: 'payment.updated', event_id: '1f3b2c4d', created_at: '2025-06-01T12:00:00Z', data: { type: 'payment', id: 'KkAkhdMs', object: { payment: { id: 'KkAkhdMs', status: 'COMPLETED' } } } });

/** Square's documented algorithm with node:crypto (its SDK only verifies). */
const squareSigned = (url = notificationUrl, secret = key, algorithm = 'sha256'): VerifyRequest => ({
  method: 'POST',
  url: '/in/tok_square',
  headers: { host: 'inlet-demo.loca.lt', [algorithm === 'sha256' ? 'x-square-hmacsha256-signature' : 'x-square-signature']: createHmac(algorithm, secret).update(url + body).digest('base64') },
  rawBody: Buffer.from(body),
});
const check = (request: VerifyRequest, secrets = [key]) =>
  verifyRequest({ config, secrets: secrets.map((value, i) => ({ id: `q${i}`, value })), request, now: 0 });

describe('Square', () => {
  it('verifies a signature over the notification URL + body', () => {
    expect(check(squareSigned())).toEqual({ status: 'verified', scheme: 'square', matchedSecretId: 'q0' });
  });

  it('signs test events that WebhooksHelper.verifySignature from square accepts', async () => {
    const signed = signDelivery({ config, secret: key, body, now: 0, url: '/in/tok_square', publicUrl: notificationUrl });
    const ok = await WebhooksHelper.verifySignature({ requestBody: body, signatureHeader: signed.headers['x-square-hmacsha256-signature'] ?? '', signatureKey: key, notificationUrl });
    expect(ok).toBe(true);
  });

  it('rejects a tampered body with no_match', () => {
    const request = squareSigned();
    request.rawBody = Buffer.from(body.replace('COMPLETED', 'FAILED'));
    expect(check(request).diagnosis).toMatchObject({ code: 'no_match', header: 'x-square-hmacsha256-signature' });
  });

  it('rejects another signature key with no_match', () => {
    expect(check(squareSigned(notificationUrl, 'another-key')).diagnosis?.code).toBe('no_match');
  });

  it('names the URLs it tried when the subscription URL is not one of them', () => {
    const result = check(squareSigned('https://old-tunnel.loca.lt/in/tok_square'));
    const message = result.diagnosis?.hints.find((h) => h.code === 'public_url')?.message ?? '';
    expect(message).toContain('https://inlet-demo.loca.lt/in/tok_square');
    expect(message).toMatch(/must match one of them exactly/);
    expect(check({ ...squareSigned('https://old-tunnel.loca.lt/in/tok_square'), publicUrls: ['https://old-tunnel.loca.lt/in/tok_square'] }).status).toBe('verified');
  });

  it('verifies legacy x-square-signature (HMAC-SHA1) subscriptions', () => {
    expect(check(squareSigned(notificationUrl, key, 'sha1'))).toMatchObject({ status: 'verified' });
  });

  it('says an access token was configured instead of the signature key', () => {
    const result = check(squareSigned(), ['EAAAEexampleAccessToken']);
    expect(result.diagnosis?.hints.find((h) => h.code === 'secret_kind')?.message).toMatch(/access token/);
  });

  it('answers missing_header without a signature and malformed_header for a SHA-1-sized one in the SHA-256 header', () => {
    expect(check({ ...squareSigned(), headers: {} }).diagnosis).toMatchObject({ code: 'missing_header', header: 'x-square-hmacsha256-signature' });
    const short = { ...squareSigned(), headers: { 'x-square-hmacsha256-signature': Buffer.alloc(20).toString('base64') } };
    expect(check(short).diagnosis).toMatchObject({ code: 'malformed_header' });
  });
});
