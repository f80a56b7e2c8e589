import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../testing/test-core';
import { documentedSigners } from '../verification/testing/documented-signers';
import { signSlack } from '../verification/testing/sdk-signers';

let t: TestCore;
beforeAll(async () => {
  t = await startTestCore();
});
afterAll(() => t.close());

let connected = 0;
/** A fresh source per test, so each test stands alone (`-t` runs it by itself). */
async function connect(templateId: string, secret: string) {
  const key = `${templateId}-${(connected += 1)}`;
  const source = await t.call('sources.connect', { templateId, key, mappingIds: [], secrets: { development: secret } });
  return `${t.core.receiverUrl}/in/${source.settings[0]!.endpointToken}`;
}

describe('template handshakes at the receiver', () => {
  it("answers Slack's url_verification with its challenge and logs it without mapping it", async () => {
    const secret = '8f742231b10e8888abcd99yyyzzz85a5';
    const url = await connect('slack', secret);
    const signed = await signSlack({ payload: { token: 'x', challenge: 'c-123', type: 'url_verification' }, secret, timestamp: Date.now() });
    const res = await fetch(url, { method: 'POST', headers: signed.headers, body: signed.body });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'c-123' });
    const { items } = await t.call('events.list', { limit: 1 });
    expect(items[0]).toMatchObject({ verification: 'verified', processing: 'none', responseStatus: 200 });
  });

  it("answers Zoom's endpoint.url_validation with the token's HMAC under the Secret Token", async () => {
    const secret = 'zoom-secret-token-1234567890';
    const url = await connect('zoom', secret);
    const signed = await documentedSigners.zoom({
      payload: { event: 'endpoint.url_validation', payload: { plainToken: 'qgg8vlvZRS6UYooatFL8Aw' }, event_ts: Date.now() },
      secret,
      timestamp: Date.now(),
    });
    const res = await fetch(url, { method: 'POST', headers: signed.headers, body: signed.body });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      plainToken: 'qgg8vlvZRS6UYooatFL8Aw',
      encryptedToken: createHmac('sha256', secret).update('qgg8vlvZRS6UYooatFL8Aw').digest('hex'),
    });
  });

  it('refuses to sign a Zoom validation that does not verify', async () => {
    const url = await connect('zoom', 'zoom-secret-token-1234567890');
    const body = JSON.stringify({ event: 'endpoint.url_validation', payload: { plainToken: 'abc' } });
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(401);
    expect(JSON.stringify(await res.json())).not.toContain('encryptedToken');
  });
});
