import { afterEach, describe, expect, it, vi } from 'vitest';
import { VerificationResultSchema } from '../../../shared/domain/verification';
import { getPreset, signRequest, verifyRequest, type VerifyInput } from './index';

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
