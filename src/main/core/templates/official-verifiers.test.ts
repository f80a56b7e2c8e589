/**
 * For every template: a request signed the provider's way (its SDK's signer where there is one)
 * verifies through a connected source and fails with a diagnosis once tampered; and the request
 * "send test event" builds is accepted by the provider's own verifier.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Template } from '../../../shared/domain/template';
import { startTestCore, type TestCore } from '../testing/test-core';
import { createP256TestKeyPair } from '../verification';
import { documentedSigners } from '../verification/testing/documented-signers';
import { providerSigners } from '../verification/testing/provider-signers';
import { sdkSigners, signSharedSecret, type SdkSigner, type SignedRequest } from '../verification/testing/sdk-signers';
import { templates } from './index';
import { buildTestDelivery } from './test-delivery';
import { officialVerifiers } from './testing/official-verifiers';
import { testSecretFor } from './testing/template-secrets';

const signers: Record<string, SdkSigner> = { ...sdkSigners, ...providerSigners, ...documentedSigners };
/** Unsigned senders are checked by their script against the x-webhook-secret header. */
const signerFor = (t: Template): SdkSigner => signers[t.id] ?? signSharedSecret;
/** Mailgun's signer wraps the event itself; the others sign the sample's body as it is. */
const payloadFor = (t: Template): unknown => {
  const body = t.samples[0]!.body;
  return t.id === 'mailgun' ? (body as Record<string, unknown>)['event-data'] : body;
};

/** Changes what the signature covers: the body, or for Mailgun (which signs only timestamp + token) the token. */
function tamper(t: Template, signed: SignedRequest): SignedRequest {
  if (t.id === 'mailgun') return { ...signed, body: signed.body.replace(/"token":"(.)/, (_m, c: string) => `"token":"${c === 'a' ? 'b' : 'a'}`) };
  if (t.secretVar) return { ...signed, headers: { ...signed.headers, [t.secretVar.header]: 'not-the-secret' } };
  return { ...signed, body: `${signed.body} ` };
}

let t: TestCore;
beforeAll(async () => {
  t = await startTestCore();
});
afterAll(() => t.close());

async function post(url: string, signed: SignedRequest, extraHeaders: Record<string, string>) {
  const res = await fetch(signed.url ?? url, { method: 'POST', headers: { ...signed.headers, ...extraHeaders }, body: signed.body });
  const { event_id: id } = (await res.json()) as { event_id: number };
  return t.call('events.get', { id });
}

describe.each(templates.map((x) => [x.id, x] as const))('%s signed the provider\'s way', (id, template) => {
  it('verifies through a connected source, and fails with no_match once tampered', async () => {
    const secret = testSecretFor(template);
    const source = await t.call('sources.connect', { templateId: id, key: `signed-${id}`, mappingIds: [], secrets: { development: secret } });
    const url = `${t.core.receiverUrl}/in/${source.settings[0]!.endpointToken}`;
    const sample = template.samples[0]!;
    const signed = await signerFor(template)({ payload: payloadFor(template), secret, timestamp: Date.now(), url });
    const accepted = await post(url, signed, sample.headers);
    expect(accepted.verificationResult.status, JSON.stringify(accepted.verificationResult.diagnosis)).toBe('verified');
    expect(accepted.eventType).toBe(sample.eventType);

    const rejected = await post(url, tamper(template, signed), sample.headers);
    expect(rejected.verificationResult).toMatchObject({ status: 'failed', diagnosis: { code: 'no_match' } });
  });
});

const withOfficialVerifier = templates.filter((x) => officialVerifiers[x.id]).map((x) => [x.id, officialVerifiers[x.id]!.name, x] as const);

describe.each(withOfficialVerifier)('%s test events, checked by %s', (id, _name, template) => {
  it('are accepted by the official verifier and refused by it with another secret', async () => {
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    const keys = id === 'sendgrid' ? createP256TestKeyPair() : null;
    const secret = keys ? keys.privateKey : testSecretFor(template);
    const verifyWith = keys ? keys.publicKey : secret;
    const delivery = buildTestDelivery({
      template, payload: { kind: 'sample', sample: template.samples[0]! }, config: template.verification, secret,
      secretVarValue: null, now: Date.now(), endpointUrl: 'http://127.0.0.1:4100/in/tok_official',
    });
    const verifier = officialVerifiers[id]!.verify;
    expect(await verifier(delivery, verifyWith)).toBe(true);
    const other = keys ? createP256TestKeyPair().publicKey : testSecretFor(template);
    expect(await verifier(delivery, other)).toBe(false);
  });
});

it('covers every signed template with an official verifier except those that publish none', () => {
  const without = templates.filter((x) => !officialVerifiers[x.id]).map((x) => x.id).sort();
  expect(without).toEqual(['calendly', 'custom-http', 'intercom', 'lemon-squeezy', 'mailgun', 'posthog-knock', 'posthog-webhook', 'supabase-database', 'typeform']);
});
