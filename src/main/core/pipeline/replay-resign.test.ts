/**
 * Re-signing on replay, for every template: an event received 10 minutes ago (older than any
 * scheme's tolerance) is replayed re-signed; Inlet's own verifier accepts it through the real
 * replay path, and the provider's official SDK (or, for providers that publish none, their
 * documented algorithm written independently) accepts the re-signed request as sent.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventDetail } from '../../../shared/domain/event';
import type { Template } from '../../../shared/domain/template';
import { templates } from '../templates/index';
import { officialVerifiers } from '../templates/testing/official-verifiers';
import { testSecretFor } from '../templates/testing/template-secrets';
import type { TestDelivery } from '../templates/test-delivery';
import { startTestCore, type TestCore } from '../testing/test-core';
import { createP256TestKeyPair } from '../verification';
import { candidateUrls } from '../verification/public-urls';
import { TEST_SIGNING_KEY_VAR } from '../verification/resign';
import { documentedSigners } from '../verification/testing/documented-signers';
import { providerSigners } from '../verification/testing/provider-signers';
import { sdkSigners, signSharedSecret, type SdkSigner } from '../verification/testing/sdk-signers';

const signers: Record<string, SdkSigner> = { ...sdkSigners, ...providerSigners, ...documentedSigners };
const signerFor = (t: Template): SdkSigner => signers[t.id] ?? signSharedSecret;
const payloadFor = (t: Template): unknown => {
  const body = t.samples[0]!.body;
  return t.id === 'mailgun' ? (body as Record<string, unknown>)['event-data'] : body;
};

const AGO = 10 * 60_000;
let offset = 0;
let t: TestCore;
beforeAll(async () => {
  t = await startTestCore({ clock: { now: () => Date.now() - offset } });
});
afterAll(() => t.close());

/** The replayed request as the provider would have sent it: the URL the verifier tries first, headers, body. */
function asDelivery(e: EventDetail): TestDelivery {
  const headers = Object.fromEntries(e.headers);
  const url = e.query ? `${e.path}?${e.query}` : e.path;
  const [full] = candidateUrls({ method: e.method, url, headers, rawBody: Buffer.alloc(0) }, undefined);
  return { method: e.method, url: full!, headers, body: Buffer.from(e.bodyBase64, 'base64') };
}

const hmac = (algorithm: string, key: string, content: string, encoding: 'hex' | 'base64') => createHmac(algorithm, key).update(content, 'utf8').digest(encoding);

/** Providers without an SDK: their documented algorithm, recomputed over what the replay sent. */
async function documentedCheck(id: string, d: TestDelivery, secret: string): Promise<boolean> {
  const body = d.body.toString('utf8');
  if (id === 'mailgun') {
    const { signature: s } = JSON.parse(body) as { signature: { timestamp: string; token: string; signature: string } };
    return hmac('sha256', secret, s.timestamp + s.token, 'hex') === s.signature && Math.abs(Date.now() / 1000 - Number(s.timestamp)) < 60;
  }
  const signer: SdkSigner = documentedSigners[id as keyof typeof documentedSigners];
  const t = /t=(\d+)/.exec(d.headers['calendly-webhook-signature'] ?? '')?.[1];
  const expected = await signer({ payload: body, secret, timestamp: t ? Number(t) * 1000 : Date.now() });
  const name = Object.keys(expected.headers).find((h) => h !== 'content-type')!;
  return d.headers[name] === expected.headers[name];
}

const unsigned = (x: Template) => x.verification.scheme === 'none' && !x.secretVar;
const signable = templates.filter((x) => !unsigned(x));

describe.each(signable.map((x) => [x.id, x] as const))('%s, received 10 minutes ago and replayed re-signed', (id, template) => {
  it('is verified by Inlet through the replay and by the provider\'s own verifier', async () => {
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    offset = AGO;
    const secret = testSecretFor(template);
    const source = await t.call('sources.connect', { templateId: id, key: `resign-${id}`, mappingIds: [], secrets: { development: secret } });
    // SendGrid keeps its private key: Inlet re-signs with a test pair of its own, as "send test event" sets up.
    const pair = id === 'sendgrid' ? createP256TestKeyPair() : null;
    if (pair) {
      await t.call('sources.addSecret', { id: source.id, environment: 'development', secret: pair.publicKey, label: 'Inlet test key' });
      await t.call('sources.setVar', { id: source.id, environment: 'development', name: TEST_SIGNING_KEY_VAR, value: pair.privateKey, secret: true });
    }
    const url = `${t.core.receiverUrl}/in/${source.settings[0]!.endpointToken}`;
    const signed = await signerFor(template)({ payload: payloadFor(template), secret, timestamp: Date.now() - AGO, url });
    const res = await fetch(signed.url ?? url, { method: 'POST', headers: { ...signed.headers, ...template.samples[0]!.headers }, body: signed.body });
    const { event_id: originalId } = (await res.json()) as { event_id: number };
    expect((await t.call('events.get', { id: originalId })).verification).toBe('verified');

    offset = 0;
    const options = await t.call('events.replayOptions', { id: originalId });
    expect(options.modes.find((m) => m.mode === 'resign')).toEqual({ mode: 'resign', available: true, reason: null });
    const stale = options.toleranceSeconds > 0;
    expect(options.defaultMode).toBe(stale ? 'resign' : 'as_is');
    if (stale) expect(options.reason).toMatch(/^This event is 10 minutes old; .+ rejects signatures older than .+, so Inlet re-signs it\.$/);

    const replay = await t.call('events.replay', { id: originalId, mode: 'resign' });
    const detail = await t.call('events.get', { id: replay.id });
    expect(detail.verificationResult.status, JSON.stringify(detail.verificationResult.diagnosis)).toBe('verified');
    expect(detail).toMatchObject({ responseStatus: 200, replayMode: 'resign', replayOf: originalId });
    expect(detail.edited).toBeUndefined();

    const delivery = asDelivery(detail);
    const official = officialVerifiers[id];
    if (official) {
      expect(await official.verify(delivery, pair ? pair.publicKey : secret), official.name).toBe(true);
    } else if (id in documentedSigners || id === 'mailgun') {
      expect(await documentedCheck(id, delivery, secret)).toBe(true);
    } else {
      // Unsigned senders whose script checks a shared secret header: the current value is sent.
      expect(delivery.headers[template.secretVar!.header]).toBe(`${template.secretVar!.prefix}${secret}`);
    }
  });
});

describe('a stale replay without re-signing', () => {
  it('is refused as configured, so re-signing is what makes it pass', async () => {
    const stripe = templates.find((x) => x.id === 'stripe')!;
    offset = AGO;
    const secret = testSecretFor(stripe);
    const source = await t.call('sources.connect', { templateId: 'stripe', key: 'stale-stripe', mappingIds: [], secrets: { development: secret } });
    await t.call('sources.update', { id: source.id, settings: { development: { enforceVerification: true } } });
    const url = `${t.core.receiverUrl}/in/${source.settings[0]!.endpointToken}`;
    const signed = await sdkSigners.stripe({ payload: payloadFor(stripe), secret, timestamp: Date.now() - AGO, url });
    const res = await fetch(url, { method: 'POST', headers: signed.headers, body: signed.body });
    const { event_id: id } = (await res.json()) as { event_id: number };
    offset = 0;

    const asIs = await t.call('events.get', { id: (await t.call('events.replay', { id, mode: 'as_is' })).id });
    expect(asIs).toMatchObject({ responseStatus: 401, verificationResult: { status: 'failed', diagnosis: { code: 'timestamp_out_of_tolerance' } } });
    // No mode: Inlet's default for a stale event is to re-sign it.
    const byDefault = await t.call('events.replay', { id });
    expect(byDefault).toMatchObject({ replayMode: 'resign', responseStatus: 200, verification: 'verified' });
  });
});

describe('a capture imported today but signed 10 minutes ago', () => {
  it('is re-signed by default, its age read from the signature', async () => {
    offset = 0;
    const stripe = templates.find((x) => x.id === 'stripe')!;
    const secret = testSecretFor(stripe);
    const source = await t.call('sources.connect', { templateId: 'stripe', key: 'imported-stripe', mappingIds: [], secrets: { development: secret } });
    const signed = await sdkSigners.stripe({ payload: payloadFor(stripe), secret, timestamp: Date.now() - AGO });
    const { ids } = await t.call('events.import', { sourceId: source.id, environment: 'development', items: [{ headers: signed.headers, body: signed.body }] });
    const options = await t.call('events.replayOptions', { id: ids[0]! });
    expect(options).toMatchObject({ defaultMode: 'resign', toleranceSeconds: 300, reason: 'This event is 10 minutes old; Stripe rejects signatures older than 5 minutes, so Inlet re-signs it.' });
    expect(await t.call('events.replay', { id: ids[0]! })).toMatchObject({ replayMode: 'resign', verification: 'verified' });

    // A bulk replay without a mode takes the same default per event; with one, that mode for all.
    for (const mode of [undefined, 'resign'] as const) {
      const { jobId } = await t.call('events.replayMany', { ids, ...(mode ? { mode } : {}) });
      await expect.poll(async () => (await t.call('events.replayJobs', {})).some((j) => j.jobId === jobId)).toBe(false);
    }
    const replays = await t.call('events.list', { replayOf: ids[0]! });
    expect(replays.items.map((e) => [e.replayMode, e.verification])).toEqual([['resign', 'verified'], ['resign', 'verified'], ['resign', 'verified']]);
  });
});

describe('templates Inlet cannot sign for', () => {
  it('say why re-signing is unavailable, and refuse it', async () => {
    const { url } = await t.source('plain');
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    const { event_id: plainId } = (await res.json()) as { event_id: number };
    const plain = await t.call('events.replayOptions', { id: plainId });
    expect(plain.defaultMode).toBe('as_is');
    expect(plain.modes.find((m) => m.mode === 'resign')).toMatchObject({ available: false, reason: expect.stringMatching(/does not sign its requests in development/) });
    await expect(t.call('events.replay', { id: plainId, mode: 'resign' })).rejects.toThrow(/can't be re-signed/);

    const sendgrid = templates.find((x) => x.id === 'sendgrid')!;
    const secret = testSecretFor(sendgrid);
    const source = await t.call('sources.connect', { templateId: 'sendgrid', key: 'sendgrid-nokey', mappingIds: [], secrets: { development: secret } });
    const signed = await providerSigners.sendgrid({ payload: payloadFor(sendgrid), secret, timestamp: Date.now() });
    const sent = await fetch(`${t.core.receiverUrl}/in/${source.settings[0]!.endpointToken}`, { method: 'POST', headers: signed.headers, body: signed.body });
    const { event_id: sgId } = (await sent.json()) as { event_id: number };
    const options = await t.call('events.replayOptions', { id: sgId });
    expect(options.modes.find((m) => m.mode === 'resign')).toMatchObject({ available: false, reason: expect.stringMatching(/private key only SendGrid holds/) });
  });
});
