import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VerificationConfigSchema, type VerificationConfigInput } from '../../../../shared/domain/verification';
import { getPreset, verifyRequest, type VerifyRequest } from '../index';

const config = (input: VerificationConfigInput) => VerificationConfigSchema.parse(input);
const preset = (id: string) => {
  const p = getPreset(id);
  if (!p) throw new Error(id);
  return p.config;
};
const request = (headers: Record<string, string>, body = '{"ok":true}', url = '/in/tok'): VerifyRequest => ({
  method: 'POST',
  url,
  headers,
  rawBody: Buffer.from(body),
});

describe("Slack's documented example (api.slack.com/authentication/verifying-requests-from-slack)", () => {
  const secret = '8f742231b10e8888abcd99yyyzzz85a5';
  const timestamp = '1531420618';
  const body =
    'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V' +
    '&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=' +
    '&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN' +
    '&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
  const headers = {
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
  };
  const signedAt = Number(timestamp) * 1000;

  it('verifies the published slash-command request at its own time', () => {
    const result = verifyRequest({ config: preset('slack'), secrets: [{ id: 'slack', value: secret }], request: request(headers, body), now: signedAt + 10_000 });
    expect(result).toEqual({ status: 'verified', scheme: 'hmac', matchedSecretId: 'slack' });
  });

  it('rejects the same request replayed today as stale, with a positive skew', () => {
    const now = Date.UTC(2025, 0, 1);
    const result = verifyRequest({ config: preset('slack'), secrets: [{ id: 'slack', value: secret }], request: request(headers, body), now });
    expect(result.diagnosis).toMatchObject({ code: 'timestamp_out_of_tolerance', header: 'x-slack-request-timestamp', skewSeconds: Math.round((now - signedAt) / 1000) });
  });

  it('answers missing_header for x-slack-request-timestamp when only the signature came', () => {
    const result = verifyRequest({ config: preset('slack'), secrets: [{ id: 's', value: secret }], request: request({ 'x-slack-signature': headers['x-slack-signature'] }, body), now: signedAt });
    expect(result.diagnosis).toMatchObject({ code: 'missing_header', header: 'x-slack-request-timestamp' });
  });
});

describe('malformed signature headers', () => {
  const hex64 = 'a'.repeat(64);
  const cases: { name: string; preset: string; headers: Record<string, string>; header: string; says: RegExp }[] = [
    { name: 'a GitHub signature without sha256=', preset: 'github', headers: { 'x-hub-signature-256': hex64 }, header: 'x-hub-signature-256', says: /start with "sha256="/ },
    { name: 'a GitHub signature that is not hex', preset: 'github', headers: { 'x-hub-signature-256': `sha256=${'z'.repeat(64)}` }, header: 'x-hub-signature-256', says: /not hexadecimal/ },
    { name: 'a SHA-1 signature where SHA-256 is expected', preset: 'github', headers: { 'x-hub-signature-256': `sha256=${'a'.repeat(40)}` }, header: 'x-hub-signature-256', says: /20 bytes where an SHA-256 signature has 32/ },
    { name: 'a Shopify signature that is not base64', preset: 'shopify', headers: { 'x-shopify-hmac-sha256': 'not base64!' }, header: 'x-shopify-hmac-sha256', says: /not base64/ },
    { name: 'a Stripe header without v1=', preset: 'stripe', headers: { 'stripe-signature': 't=1748779200,v0=abc' }, header: 'stripe-signature', says: /no v1= signature/ },
    { name: 'a Stripe header without t=', preset: 'stripe', headers: { 'stripe-signature': `v1=${hex64}` }, header: 'stripe-signature', says: /no t= timestamp/ },
    { name: 'a Stripe timestamp that is not a number', preset: 'stripe', headers: { 'stripe-signature': `t=yesterday,v1=${hex64}` }, header: 'stripe-signature', says: /whole number of seconds/ },
    { name: 'a Slack timestamp in ISO format', preset: 'slack', headers: { 'x-slack-signature': `v0=${hex64}`, 'x-slack-request-timestamp': '2025-06-01T12:00:00Z' }, header: 'x-slack-request-timestamp', says: /whole number/ },
  ];

  it.each(cases)('answers malformed_header for $name', ({ preset: id, headers, header, says }) => {
    const result = verifyRequest({ config: preset(id), secrets: [{ id: 's', value: 'secret' }], request: request(headers), now: 1748779200_000 });
    expect(result.status).toBe('failed');
    expect(result.diagnosis).toMatchObject({ code: 'malformed_header', header });
    expect(result.diagnosis?.message).toMatch(says);
  });
});

describe('the generic HMAC model', () => {
  const body = '{"id":"1"}';
  const sign = (algorithm: string, key: string | Buffer, content: string, encoding: 'hex' | 'base64') =>
    createHmac(algorithm, key).update(content).digest(encoding);

  it('accepts any of several v1 signatures in one header (the sender rolling its secret)', () => {
    const t = '1748779200';
    const good = sign('sha256', 'whsec_new', `${t}.${body}`, 'hex');
    const header = `t=${t},v1=${'0'.repeat(64)},v1=${good},v0=${'1'.repeat(64)}`;
    const result = verifyRequest({ config: preset('stripe'), secrets: [{ id: 'new', value: 'whsec_new' }], request: request({ 'stripe-signature': header }, body), now: 1748779200_000 });
    expect(result.matchedSecretId).toBe('new');
  });

  it('signs {method} {url} and {id} as received, with SHA-512 base64 and a base64 secret', () => {
    const key = Buffer.from('0123456789abcdef0123456789abcdef');
    const cfg = config({
      scheme: 'hmac', algorithm: 'sha512', encoding: 'base64', signatureHeader: 'X-Sig', signedContent: '{method} {url}\n{id}\n{body}',
      idHeader: 'X-Delivery', secretEncoding: 'base64',
    });
    const url = '/in/tok?x=1';
    const sig = sign('sha512', key, `POST ${url}\nd-42\n${body}`, 'base64');
    const ok = verifyRequest({ config: cfg, secrets: [{ id: 'k', value: key.toString('base64') }], request: request({ 'x-sig': sig, 'x-delivery': 'd-42' }, body, url), now: 0 });
    expect(ok.status).toBe('verified');
    const otherUrl = verifyRequest({ config: cfg, secrets: [{ id: 'k', value: key.toString('base64') }], request: request({ 'x-sig': sig, 'x-delivery': 'd-42' }, body, '/in/tok'), now: 0 });
    expect(otherUrl.diagnosis?.code).toBe('no_match');
    const noId = verifyRequest({ config: cfg, secrets: [{ id: 'k', value: key.toString('base64') }], request: request({ 'x-sig': sig }, body, url), now: 0 });
    expect(noId.diagnosis).toMatchObject({ code: 'missing_header', header: 'x-delivery' });
  });

  it('verifies legacy SHA-1 signatures (Intercom style)', () => {
    const cfg = config({ scheme: 'hmac', algorithm: 'sha1', encoding: 'hex', signatureHeader: 'x-hub-signature', signaturePrefix: 'sha1=' });
    const result = verifyRequest({ config: cfg, secrets: [{ id: 'k', value: 'client-secret' }], request: request({ 'x-hub-signature': `sha1=${sign('sha1', 'client-secret', body, 'hex')}` }, body), now: 0 });
    expect(result.status).toBe('verified');
  });

  it('reads kv headers with another separator and timestamp key (Paddle: ts=…;h1=…)', () => {
    const cfg = config({
      scheme: 'hmac', algorithm: 'sha256', encoding: 'hex', signatureHeader: 'paddle-signature', format: 'kv', pairSeparator: ';',
      signatureKey: 'h1', signedContent: '{timestamp}:{body}', timestamp: { from: 'signature', key: 'ts' }, toleranceSeconds: 5,
    });
    const header = `ts=1748779200;h1=${sign('sha256', 'pdl_ntfset_x', `1748779200:${body}`, 'hex')}`;
    const result = verifyRequest({ config: cfg, secrets: [{ id: 'k', value: 'pdl_ntfset_x' }], request: request({ 'paddle-signature': header }, body), now: 1748779203_000 });
    expect(result.status).toBe('verified');
  });

  it('rejects a timestamp from the future with a negative skew', () => {
    const t = '1748779600';
    const header = `t=${t},v1=${sign('sha256', 'whsec_a', `${t}.${body}`, 'hex')}`;
    const result = verifyRequest({ config: preset('stripe'), secrets: [{ id: 'a', value: 'whsec_a' }], request: request({ 'stripe-signature': header }, body), now: 1748779200_000 });
    expect(result.diagnosis).toMatchObject({ code: 'timestamp_out_of_tolerance', skewSeconds: -400 });
    expect(result.diagnosis?.message).toMatch(/in the future/);
  });

  it('ignores the age entirely when the tolerance is 0', () => {
    const cfg = preset('stripe');
    if (cfg.scheme !== 'hmac') throw new Error('hmac');
    const header = `t=1000,v1=${sign('sha256', 'whsec_a', `1000.${body}`, 'hex')}`;
    const result = verifyRequest({ config: { ...cfg, toleranceSeconds: 0 }, secrets: [{ id: 'a', value: 'whsec_a' }], request: request({ 'stripe-signature': header }, body), now: 1748779200_000 });
    expect(result.status).toBe('verified');
  });

  it('says when a seconds timestamp was sent where WorkOS expects milliseconds', () => {
    const t = '1748779200';
    const header = `t=${t}, v1=${sign('sha256', 'wk', `${t}.${body}`, 'hex')}`;
    const result = verifyRequest({ config: preset('workos'), secrets: [{ id: 'a', value: 'wk' }], request: request({ 'workos-signature': header }, body), now: 1748779200_000 });
    expect(result.diagnosis?.code).toBe('timestamp_out_of_tolerance');
    expect(result.diagnosis?.message).toMatch(/looks like seconds, but this scheme reads milliseconds/);
  });

  it('skips secrets that are not valid for the encoding instead of throwing', () => {
    const cfg = config({ scheme: 'hmac', algorithm: 'sha256', encoding: 'hex', signatureHeader: 'x-sig', secretEncoding: 'base64' });
    const sig = sign('sha256', Buffer.from('key'), body, 'hex');
    const result = verifyRequest({ config: cfg, secrets: [{ id: 'bad', value: '%%%' }, { id: 'good', value: Buffer.from('key').toString('base64') }], request: request({ 'x-sig': sig }, body), now: 0 });
    expect(result.matchedSecretId).toBe('good');
  });
});
