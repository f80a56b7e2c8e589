import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { getPreset, signDelivery, verifyRequest, type VerifyRequest } from '../index';
import { signTwilioForm, signTwilioJson } from '../testing/provider-signers';
import { toVerifyRequest } from '../testing/sdk-signers';

const config = getPreset('twilio')?.config ?? { scheme: 'none' as const };
const token = '0123456789abcdef0123456789abcdef';
const publicUrl = 'https://inlet-demo.loca.lt/in/tok_twilio';
const status = { MessageSid: 'SM1f0e8ae6ade43cb3c0ce4525424e404f', MessageStatus: 'delivered', To: '+15558675310', From: '+15017122661', AccountSid: 'AC' + 'a'.repeat(32) };
const json = JSON.stringify({ event: 'message.delivered', sid: 'SM1f0e8ae6ade43cb3c0ce4525424e404f', status: 'delivered' });

const check = (request: VerifyRequest, secrets = [token]) =>
  verifyRequest({ config, secrets: secrets.map((value, i) => ({ id: `t${i}`, value })), request, now: 0 });
const hint = (result: ReturnType<typeof check>, code: string) => result.diagnosis?.hints.find((h) => h.code === code)?.message;

describe('Twilio, signed by twilio-node', () => {
  it('verifies a form-encoded status callback signed by getExpectedTwilioSignature', async () => {
    const result = check(toVerifyRequest(await signTwilioForm({ payload: status, secret: token, timestamp: 0, url: publicUrl })));
    expect(result).toEqual({ status: 'verified', scheme: 'twilio', matchedSecretId: 't0' });
  });

  it('verifies a JSON post whose URL carries the bodySHA256 from getExpectedBodyHash', async () => {
    const signed = await signTwilioJson({ payload: json, secret: token, timestamp: 0, url: publicUrl });
    expect(signed.url).toContain(`bodySHA256=${twilio.getExpectedBodyHash(json)}`);
    expect(check(toVerifyRequest(signed)).status).toBe('verified');
  });

  it("reproduces Twilio's documented example signature", () => {
    const params = { Digits: '1234', To: '+18005551212', From: '+14158675310', Caller: '+14158675310', CallSid: 'CA1234567890ABCDE' };
    const body = new URLSearchParams(params).toString();
    const headers = { 'x-twilio-signature': 'GvWf1cFY/Q7PnoempGyD5oXAezc=', host: 'mycompany.com', 'content-type': 'application/x-www-form-urlencoded' };
    const request = { method: 'POST', url: '/myapp.php?foo=1&bar=2', headers, rawBody: Buffer.from(body) };
    expect(verifyRequest({ config, secrets: [{ id: 'doc', value: '12345' }], request, now: 0 }).status).toBe('verified');
  });
});

describe('Twilio, signed by Inlet and checked by twilio-node', () => {
  it('signs form posts that twilio.validateRequest accepts', () => {
    const body = new URLSearchParams(status).toString();
    const signed = signDelivery({ config, secret: token, body, now: 0, url: '/in/tok_twilio', publicUrl, contentType: 'application/x-www-form-urlencoded' });
    expect(twilio.validateRequest(token, signed.headers['x-twilio-signature'] ?? '', publicUrl, status)).toBe(true);
  });

  it('signs JSON posts that twilio.validateRequestWithBody accepts at the bodySHA256 URL', () => {
    const signed = signDelivery({ config, secret: token, body: json, now: 0, url: '/in/tok_twilio', publicUrl });
    const fullUrl = `https://inlet-demo.loca.lt${signed.url}`;
    expect(twilio.validateRequestWithBody(token, signed.headers['x-twilio-signature'] ?? '', fullUrl, json)).toBe(true);
  });
});

describe('Twilio failures', () => {
  it('rejects a JSON body changed after signing, naming the body hash', async () => {
    const request = toVerifyRequest(await signTwilioJson({ payload: json, secret: token, timestamp: 0, url: publicUrl }));
    request.rawBody = Buffer.from(json.replace('delivered', 'failed'));
    const result = check(request);
    expect(result.diagnosis).toMatchObject({ code: 'no_match', header: 'x-twilio-signature' });
    expect(result.diagnosis?.message).toMatch(/bodySHA256/);
  });

  it('rejects a form parameter changed after signing', async () => {
    const request = toVerifyRequest(await signTwilioForm({ payload: status, secret: token, timestamp: 0, url: publicUrl }));
    request.rawBody = Buffer.from(request.rawBody.toString().replace('delivered', 'undelivered'));
    expect(check(request).diagnosis?.code).toBe('no_match');
  });

  it('lists the URLs it tried when Twilio called a URL the request does not show', async () => {
    const request = toVerifyRequest(await signTwilioForm({ payload: status, secret: token, timestamp: 0, url: publicUrl }));
    request.headers.host = '127.0.0.1:4100';
    const result = check(request);
    expect(result.diagnosis?.code).toBe('no_match');
    expect(hint(result, 'public_url')).toMatch(/https:\/\/127\.0\.0\.1:4100\/in\/tok_twilio.*must match one of them exactly/);
  });

  it('verifies that request once the receiver passes the tunnel URL in publicUrls', async () => {
    const request = toVerifyRequest(await signTwilioForm({ payload: status, secret: token, timestamp: 0, url: publicUrl }));
    expect(check({ ...request, headers: { ...request.headers, host: '127.0.0.1:4100' }, publicUrls: [publicUrl] }).status).toBe('verified');
  });

  it("verifies it with the scheme's publicBaseUrl, given as origin or as the whole URL", async () => {
    const request = toVerifyRequest(await signTwilioForm({ payload: status, secret: token, timestamp: 0, url: publicUrl }));
    const local = { ...request, headers: { ...request.headers, host: '127.0.0.1:4100' } };
    for (const publicBaseUrl of ['https://inlet-demo.loca.lt', publicUrl]) {
      const result = verifyRequest({ config: { scheme: 'twilio', publicBaseUrl }, secrets: [{ id: 't', value: token }], request: local, now: 0 });
      expect(result.status).toBe('verified');
    }
  });

  it('accepts a signature over the URL without :443 when the Host header carries the port', async () => {
    const request = toVerifyRequest(await signTwilioForm({ payload: status, secret: token, timestamp: 0, url: publicUrl }));
    request.headers.host = 'inlet-demo.loca.lt:443';
    expect(check(request).status).toBe('verified');
  });

  it('says an Account SID was configured instead of the Auth Token', async () => {
    const request = toVerifyRequest(await signTwilioForm({ payload: status, secret: token, timestamp: 0, url: publicUrl }));
    expect(hint(check(request, ['AC' + 'b'.repeat(32)]), 'secret_kind')).toMatch(/Account SID/);
  });

  it('answers missing_header without X-Twilio-Signature and malformed_header for a non-SHA-1 value', () => {
    const base = { method: 'POST', url: '/in/t', rawBody: Buffer.from('a=b') };
    expect(check({ ...base, headers: {} }).diagnosis).toMatchObject({ code: 'missing_header', header: 'x-twilio-signature' });
    expect(check({ ...base, headers: { 'x-twilio-signature': 'abcd' } }).diagnosis).toMatchObject({ code: 'malformed_header' });
  });
});
