import { describe, expect, it } from 'vitest';
import { getPreset, verifyRequest, type VerifyRequest } from '../index';

const config = (id: string) => {
  const p = getPreset(id);
  if (!p) throw new Error(id);
  return p.config;
};
const request = (headers: Record<string, string>): VerifyRequest => ({ method: 'POST', url: '/in/t', headers, rawBody: Buffer.from('{}') });
const verify = (id: string, headers: Record<string, string>, secrets = ['s3cret-token']) =>
  verifyRequest({ config: config(id), secrets: secrets.map((value, i) => ({ id: `s${i}`, value })), request: request(headers), now: 0 });

describe('shared secret header', () => {
  it('verifies the exact secret in x-webhook-secret', () => {
    expect(verify('shared-secret', { 'x-webhook-secret': 's3cret-token' })).toMatchObject({ status: 'verified', matchedSecretId: 's0' });
  });

  it('rejects a prefix of the secret with no_match', () => {
    expect(verify('shared-secret', { 'x-webhook-secret': 's3cret' }).diagnosis?.code).toBe('no_match');
  });

  it('picks the second secret during a rotation', () => {
    expect(verify('shared-secret', { 'x-webhook-secret': 'new-token' }, ['old-token', 'new-token']).matchedSecretId).toBe('s1');
  });
});

describe('bearer token', () => {
  it('never lets an empty token through, even next to a blank secret', () => {
    const result = verify('bearer', { authorization: 'Bearer ' }, ['', 'real-token']);
    expect(result.diagnosis?.code).toBe('no_match');
  });

  it('accepts "Bearer" in any letter case', () => {
    expect(verify('bearer', { authorization: 'bearer s3cret-token' }).status).toBe('verified');
  });

  it('answers malformed_header for a token without "Bearer "', () => {
    expect(verify('bearer', { authorization: 's3cret-token' }).diagnosis).toMatchObject({ code: 'malformed_header', header: 'authorization' });
  });
});

describe('HTTP basic', () => {
  const basic = (credentials: string) => ({ authorization: `Basic ${Buffer.from(credentials).toString('base64')}` });

  it('verifies the configured user:password', () => {
    expect(verify('basic', basic('inlet:pw'), ['inlet:pw']).status).toBe('verified');
  });

  it('rejects a wrong password with no_match', () => {
    expect(verify('basic', basic('inlet:nope'), ['inlet:pw']).diagnosis?.code).toBe('no_match');
  });

  it.each([['Bearer abc'], ['Basic !!!'], [`Basic ${Buffer.from('no-colon').toString('base64')}`]])(
    'answers malformed_header for authorization "%s"',
    (value) => {
      expect(verify('basic', { authorization: value }, ['inlet:pw']).diagnosis).toMatchObject({ code: 'malformed_header' });
    },
  );
});
