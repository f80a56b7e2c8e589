import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getPreset, signDelivery, verifyRequest, type VerifyRequest } from '../index';

const config = getPreset('mailgun')?.config ?? { scheme: 'none' as const };
const key = 'key-3ax6xnjp29jd6fds4gc373sgvjxteol0';
const NOW = Date.UTC(2025, 5, 1, 12);
const ts = String(NOW / 1000);
const token = 'a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0';
const eventData = { event: 'delivered', id: 'CPgfbmQMTCKtHW6uIWtuVe', recipient: 'ada@example.com', timestamp: NOW / 1000 };

/** Mailgun's documented algorithm, with node:crypto (mailgun.js has no webhook helper). */
const mac = (secret: string, t = ts, k = token) => createHmac('sha256', secret).update(t + k).digest('hex');
const jsonRequest = (signature: unknown, data: unknown = eventData): VerifyRequest => ({
  method: 'POST', url: '/in/t', headers: { 'content-type': 'application/json' }, rawBody: Buffer.from(JSON.stringify({ signature, 'event-data': data })),
});
const check = (request: VerifyRequest, secrets = [key], cfg = config) =>
  verifyRequest({ config: cfg, secrets: secrets.map((value, i) => ({ id: `m${i}`, value })), request, now: NOW });

describe('Mailgun', () => {
  it('verifies the signature object in a JSON webhook', () => {
    expect(check(jsonRequest({ timestamp: ts, token, signature: mac(key) }))).toEqual({ status: 'verified', scheme: 'mailgun', matchedSecretId: 'm0' });
  });

  it('verifies the legacy form-encoded and multipart formats', () => {
    const form = new URLSearchParams({ event: 'delivered', recipient: 'ada@example.com', timestamp: ts, token, signature: mac(key) }).toString();
    const asForm = { method: 'POST', url: '/in/t', headers: { 'content-type': 'application/x-www-form-urlencoded' }, rawBody: Buffer.from(form) };
    expect(check(asForm).status).toBe('verified');
    const part = (name: string, value: string) => `--b\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const multipart = part('event', 'delivered') + part('timestamp', ts) + part('token', token) + part('signature', mac(key)) + '--b--\r\n';
    const asMultipart = { method: 'POST', url: '/in/t', headers: { 'content-type': 'multipart/form-data; boundary=b' }, rawBody: Buffer.from(multipart) };
    expect(check(asMultipart).status).toBe('verified');
  });

  it('still verifies when the event data was changed, because Mailgun does not sign it', () => {
    const request = jsonRequest({ timestamp: ts, token, signature: mac(key) }, { ...eventData, recipient: 'eve@example.com' });
    expect(check(request).status).toBe('verified');
  });

  it('rejects another signing key with no_match and says the payload is not covered', () => {
    const result = check(jsonRequest({ timestamp: ts, token, signature: mac('key-other') }));
    expect(result.diagnosis?.code).toBe('no_match');
    expect(result.diagnosis?.hints.map((h) => h.code)).toContain('unsigned_payload');
  });

  it('rejects a changed token with no_match', () => {
    expect(check(jsonRequest({ timestamp: ts, token: token.replace('a', 'b'), signature: mac(key) })).diagnosis?.code).toBe('no_match');
  });

  it('rejects a stale timestamp when a tolerance is configured', () => {
    const old = String(NOW / 1000 - 600);
    const request = jsonRequest({ timestamp: old, token, signature: mac(key, old) });
    expect(check(request).status).toBe('verified');
    expect(check(request, [key], { scheme: 'mailgun', toleranceSeconds: 300 }).diagnosis).toMatchObject({ code: 'timestamp_out_of_tolerance', skewSeconds: 600 });
  });

  it('answers missing_header naming the absent fields, and malformed_header for a short signature', () => {
    expect(check(jsonRequest({ timestamp: ts })).diagnosis?.message).toMatch(/no Mailgun signature, token/);
    expect(check(jsonRequest({ timestamp: ts, token, signature: 'abcd' })).diagnosis?.code).toBe('malformed_header');
  });

  it('says the public validation key was configured instead of the signing key', () => {
    const result = check(jsonRequest({ timestamp: ts, token, signature: mac(key) }), ['pubkey-5ogiflzbnjrljiky49qxsiozqef5jxp7']);
    expect(result.diagnosis?.hints.find((h) => h.code === 'secret_kind')?.message).toMatch(/public validation key/);
  });

  it('signs test events by wrapping a bare event as event-data, with a signature the documented algorithm reproduces', () => {
    const signed = signDelivery({ config, secret: key, body: JSON.stringify(eventData), now: NOW, id: token });
    const parsed = JSON.parse(signed.body.toString()) as { signature: { timestamp: string; token: string; signature: string }; 'event-data': unknown };
    expect(parsed['event-data']).toEqual(eventData);
    expect(parsed.signature).toEqual({ timestamp: ts, token, signature: mac(key) });
  });
});
