import { afterEach, describe, expect, it, vi } from 'vitest';
import { VerificationResultSchema } from '../../../shared/domain/verification';
import { createP256TestKeyPair, getPreset, secretFormatProblem, signDelivery, signRequest, verifyRequest, type VerifyInput } from './index';

const NOW = 1748779200_000;
const stripe = getPreset('stripe')?.config ?? { scheme: 'none' as const };
const body = JSON.stringify({ id: 'evt_1', type: 'invoice.paid' });

function input(headers: Record<string, string>, secrets = ['whsec_a'], rawBody = body): VerifyInput {
  return {
    config: stripe,
    secrets: secrets.map((value, i) => ({ id: `s${i}`, value })),
    otherEnvironments: [{ environment: 'production', secrets: ['whsec_prod'] }],
    request: { method: 'POST', url: '/in/t', headers, rawBody: Buffer.from(rawBody) },
    now: NOW,
  };
}
const signed = (secret: string, now = NOW) => signRequest({ config: stripe, secret, body, now });

afterEach(() => vi.restoreAllMocks());

describe('verifyRequest', () => {
  it.each([
    ['verified', input(signed('whsec_a'))],
    ['no_match with hints', input(signed('whsec_prod'), ['sk_test_x'])],
    ['stale', input(signed('whsec_a', NOW - 3_600_000))],
    ['missing header', input({})],
    ['malformed header', input({ 'stripe-signature': 'garbage' })],
    ['no secret', input(signed('whsec_a'), [])],
  ])('returns a result the shared schema accepts (%s)', (_name, i) => {
    const result = verifyRequest(i);
    expect(VerificationResultSchema.parse(result)).toEqual(result);
    if (result.status === 'failed') expect(result.diagnosis?.message).toMatch(/^[A-Z].*\.$/);
  });

  it('does not parse the JSON body when the signature matches', () => {
    const parse = vi.spyOn(JSON, 'parse');
    expect(verifyRequest(input(signed('whsec_a'))).status).toBe('verified');
    expect(parse).not.toHaveBeenCalled();
  });

  it('parses the body only to explain a mismatch', () => {
    const parse = vi.spyOn(JSON, 'parse');
    expect(verifyRequest(input(signed('whsec_b'))).diagnosis?.code).toBe('no_match');
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('lists several hints at once when several things look wrong', () => {
    const result = verifyRequest(input(signed('whsec_prod'), ['sk_live_x']));
    expect(result.diagnosis?.hints.map((h) => h.code)).toEqual(['secret_kind', 'other_environment']);
  });
});

describe('the schemes that are not HMAC over a template', () => {
  const configOf = (id: string) => getPreset(id)?.config ?? { scheme: 'none' as const };
  const keys = createP256TestKeyPair();
  const cases: [string, string, string][] = [
    ['twilio', '0123456789abcdef0123456789abcdef', 'AC0123456789abcdef0123456789abcdef'],
    ['hubspot', 'a5b7c4e2-1d3f-4b6a-9e8d-7c6b5a4f3e2d', 'pat-na1-x'],
    ['sendgrid', keys.publicKey, keys.privateKey],
    ['mailgun', 'signing-key', 'pubkey-abc'],
    ['square', 'signature-key', 'EAAAEtoken'],
  ];

  it.each(cases)('return %s results the shared schema accepts, verified and failed', (id, good, wrong) => {
    const signWith = id === 'sendgrid' ? keys.privateKey : good;
    const signed = signDelivery({ config: configOf(id), secret: signWith, body, now: NOW, url: '/in/t', publicUrl: 'http://127.0.0.1:4100/in/t' });
    const request = { method: 'POST', url: signed.url, headers: { ...signed.headers, host: '127.0.0.1:4100' }, rawBody: signed.body };
    for (const secret of [good, wrong]) {
      const result = verifyRequest({ config: configOf(id), secrets: [{ id: 's', value: secret }], request, now: NOW });
      expect(VerificationResultSchema.parse(result)).toEqual(result);
      expect(result.status).toBe(secret === good ? 'verified' : 'failed');
    }
  });

  it.each(cases)('check %s secret formats for the connect dialog', (id, good, wrong) => {
    expect(secretFormatProblem(configOf(id), good)).toBeUndefined();
    expect(secretFormatProblem(configOf(id), wrong)).toMatch(/^The secret /);
  });
});
