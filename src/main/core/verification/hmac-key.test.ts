import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getPreset, signRequest, verifyRequest } from './index';
import { hmacKey } from './secrets';

const body = Buffer.from('{"type":"customer.created"}');
const now = Date.UTC(2026, 0, 1);

function verify(presetId: string, signedWith: string, secrets: string[]) {
  const config = getPreset(presetId)!.config;
  const headers = signRequest({ config, secret: signedWith, body, now });
  const request = { method: 'POST', url: '/in/t', headers: { 'content-type': 'application/json', ...headers }, rawBody: body };
  return verifyRequest({ config, secrets: secrets.map((value, i) => ({ id: `s${i}`, value })), request, now });
}

const whsec = () => `whsec_${randomBytes(24).toString('base64')}`;

describe('HMAC keys decoded once per secret', () => {
  it('gives the same key for the same secret, another for another, and none for a secret that is not base64', () => {
    const secret = whsec();
    expect(hmacKey(secret, 'whsec')).toBe(hmacKey(secret, 'whsec'));
    expect(hmacKey(secret, 'whsec')!.equals(hmacKey(secret, 'raw')!)).toBe(false);
    expect(hmacKey('whsec_not base64!', 'whsec')).toBeNull();
    expect(hmacKey('', 'raw')).toBeNull();
  });

  it('verifies with a rotated secret and no longer with the old one', () => {
    const [before, after] = [whsec(), whsec()];
    expect(verify('stripe', before, [before])).toMatchObject({ status: 'verified' });
    expect(verify('stripe', before, [after])).toMatchObject({ status: 'failed' });
    expect(verify('stripe', after, [after])).toMatchObject({ status: 'verified' });
  });

  it('matches each request to its own secret among more secrets than it keeps decoded', () => {
    const secrets = Array.from({ length: 150 }, whsec);
    for (let round = 0; round < 2; round += 1) {
      for (const [i, secret] of secrets.entries()) {
        expect(verify('standard-webhooks', secret, secrets.slice(Math.max(0, i - 2), i + 3))).toMatchObject({
          status: 'verified',
          matchedSecretId: `s${Math.min(i, 2)}`,
        });
      }
    }
  });
});
