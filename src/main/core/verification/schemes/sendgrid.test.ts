import { generateKeyPairSync, sign } from 'node:crypto';
import { EventWebhook } from '@sendgrid/eventwebhook';
import { describe, expect, it } from 'vitest';
import { createP256TestKeyPair, getPreset, signDelivery, verifyRequest, type VerifyRequest } from '../index';

const config = getPreset('sendgrid')?.config ?? { scheme: 'none' as const };
const NOW = Date.UTC(2025, 5, 1, 12);
const body = JSON.stringify([{ email: 'ada@example.com', timestamp: 1748779200, event: 'delivered', sg_event_id: 'sg_1', sg_message_id: 'msg_1' }]);
const SIG = 'x-twilio-email-event-webhook-signature';
const TS = 'x-twilio-email-event-webhook-timestamp';

/** SendGrid holds its key, so the "provider" here is a self-generated P-256 key and crypto.sign. */
function sendgridSigned(payload = body, at = NOW) {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const ts = String(Math.floor(at / 1000));
  const signature = sign('sha256', Buffer.from(ts + payload), privateKey).toString('base64');
  const request: VerifyRequest = { method: 'POST', url: '/in/t', headers: { [SIG]: signature, [TS]: ts }, rawBody: Buffer.from(payload) };
  return { request, spki: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'), pem: publicKey.export({ format: 'pem', type: 'spki' }).toString() };
}
const check = (request: VerifyRequest, keys: string[], cfg = config, now = NOW) =>
  verifyRequest({ config: cfg, secrets: keys.map((value, i) => ({ id: `k${i}`, value })), request, now });
const hint = (result: ReturnType<typeof check>) => result.diagnosis?.hints.find((h) => h.code === 'secret_kind')?.message;

describe('SendGrid Event Webhook', () => {
  it('verifies an ECDSA P-256 signature with the base64 verification key SendGrid shows', () => {
    const { request, spki } = sendgridSigned();
    expect(spki.startsWith('MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE')).toBe(true);
    expect(check(request, [spki])).toEqual({ status: 'verified', scheme: 'sendgrid', matchedSecretId: 'k0' });
  });

  it('accepts the key with PEM armour too', () => {
    const { request, pem } = sendgridSigned();
    expect(check(request, [pem]).status).toBe('verified');
  });

  it('signs test events with a test key pair that EventWebhook.verifySignature accepts', () => {
    const keys = createP256TestKeyPair();
    const signed = signDelivery({ config, secret: keys.privateKey, body, now: NOW });
    const ew = new EventWebhook();
    const ok = ew.verifySignature(ew.convertPublicKeyToECDSA(keys.publicKey), body, signed.headers[SIG] ?? '', signed.headers[TS] ?? '');
    expect(ok).toBe(true);
  });

  it('rejects a body changed after signing with no_match', () => {
    const { request, spki } = sendgridSigned();
    request.rawBody = Buffer.from(body.replace('delivered', 'bounce'));
    expect(check(request, [spki]).diagnosis).toMatchObject({ code: 'no_match', header: SIG });
  });

  it('rejects the verification key of another account with no_match', () => {
    const { request } = sendgridSigned();
    expect(check(request, [sendgridSigned().spki]).diagnosis?.code).toBe('no_match');
  });

  it('rejects a stale timestamp when a tolerance is configured, and ignores age without one', () => {
    const { request, spki } = sendgridSigned(body, NOW - 600_000);
    expect(check(request, [spki]).status).toBe('verified');
    const result = check(request, [spki], { scheme: 'sendgrid', toleranceSeconds: 300 });
    expect(result.diagnosis).toMatchObject({ code: 'timestamp_out_of_tolerance', header: TS, skewSeconds: 600 });
  });

  it('says a private key was pasted where the public verification key belongs', () => {
    const { request } = sendgridSigned();
    const privatePem = createP256TestKeyPair().privateKey;
    expect(hint(check(request, [privatePem]))).toMatch(/is a private key.*MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE/);
    expect(hint(check(request, [privatePem.replace(/-----[A-Z ]+-----|\s/g, '')]))).toMatch(/is a private key/);
  });

  it('says an SG. API key or a non-key was pasted', () => {
    const { request } = sendgridSigned();
    expect(hint(check(request, ['SG.abc.def']))).toMatch(/SendGrid API key/);
    expect(hint(check(request, ['hunter2']))).toMatch(/is not a P-256 public key/);
  });

  it('answers missing_header for each absent header and malformed_header for a non-base64 signature', () => {
    const { request, spki } = sendgridSigned();
    expect(check({ ...request, headers: { [TS]: '1' } }, [spki]).diagnosis).toMatchObject({ code: 'missing_header', header: SIG });
    expect(check({ ...request, headers: { [SIG]: 'AAAA' } }, [spki]).diagnosis).toMatchObject({ code: 'missing_header', header: TS });
    expect(check({ ...request, headers: { [SIG]: 'not base64!', [TS]: '1' } }, [spki]).diagnosis).toMatchObject({ code: 'malformed_header', header: SIG });
  });
});
