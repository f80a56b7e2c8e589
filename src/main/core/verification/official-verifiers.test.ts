/**
 * signRequest output for presets whose providers publish a verifier but no signer, fed to that
 * verifier. (None of these SDKs can sign, so the reverse direction is not possible: the presets
 * test signs them with the documented algorithm instead.)
 */
import { LinearWebhookClient } from '@linear/sdk/webhooks';
import { Paddle } from '@paddle/paddle-node-sdk';
import { verifySlackRequest } from '@slack/bolt';
import { AwsLambdaReceiver } from '@zoom/rivet/users';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getPreset, signRequest } from './index';

const config = (id: string) => {
  const p = getPreset(id);
  if (!p) throw new Error(id);
  return p.config;
};
// Official verifiers read the real clock, so every request is signed just before it is checked.
const sign = (id: string, secret: string, body: string) => signRequest({ config: config(id), secret, body, now: Date.now() });

afterEach(() => vi.restoreAllMocks());

describe('Slack: @slack/bolt verifySlackRequest', () => {
  const secret = '8f742231b10e8888abcd99yyyzzz85a5';
  const body = JSON.stringify({ type: 'event_callback', event_id: 'Ev1', event: { type: 'app_mention', text: 'hi' } });
  const headersOf = (h: Record<string, string>) => ({ 'x-slack-signature': h['x-slack-signature'] ?? '', 'x-slack-request-timestamp': Number(h['x-slack-request-timestamp']) });

  it('accepts a Slack request signed by Inlet', () => {
    expect(() => verifySlackRequest({ signingSecret: secret, body, headers: headersOf(sign('slack', secret, body)) })).not.toThrow();
  });

  it('rejects it once the body changed, so the check is real', () => {
    expect(() => verifySlackRequest({ signingSecret: secret, body: body.replace('hi', 'ho'), headers: headersOf(sign('slack', secret, body)) })).toThrow();
  });
});

describe('Paddle: paddle.webhooks.unmarshal (5 s tolerance)', () => {
  const secret = 'pdl_ntfset_01hv8x29kz0t586xy6zn1a62ny_JLRyAlPVL4MVhXYhKBhFJmZPwvxmGxsO';
  const paddle = new Paddle('pdl_sdbx_apikey_dummy');
  const body = JSON.stringify({
    event_id: 'evt_01hv8x2acma2gz3he4z4a6eqrb',
    event_type: 'customer.created',
    occurred_at: '2025-06-01T12:00:00.000000Z',
    notification_id: 'ntf_01hv8x2af3bkzam7yf5fr9ftv6',
    data: {
      id: 'ctm_01hv8x29kz0t586xy6zn1a62ny', name: 'Ada Lovelace', email: 'ada@example.com', locale: 'en', status: 'active',
      custom_data: null, import_meta: null, marketing_consent: false, created_at: '2025-06-01T12:00:00.000Z', updated_at: '2025-06-01T12:00:00.000Z',
    },
  });

  it('unmarshals a customer.created event signed by Inlet', async () => {
    const event = await paddle.webhooks.unmarshal(body, secret, sign('paddle', secret, body)['paddle-signature'] ?? '');
    expect(event).toMatchObject({ eventId: 'evt_01hv8x2acma2gz3he4z4a6eqrb', eventType: 'customer.created' });
  });

  it('refuses it with another secret', async () => {
    await expect(paddle.webhooks.unmarshal(body, `${secret}x`, sign('paddle', secret, body)['paddle-signature'] ?? '')).rejects.toThrow(/verification failed/);
  });
});

describe('Linear: LinearWebhookClient.verify (webhookTimestamp within 60 s)', () => {
  const secret = 'lin_wh_0123456789abcdef0123456789abcdef';
  const body = () => JSON.stringify({ action: 'create', type: 'Issue', data: { id: 'iss_1', title: 'Bug' }, webhookTimestamp: Date.now(), webhookId: 'wh_1' });

  it('accepts a Linear delivery signed by Inlet', () => {
    const raw = body();
    expect(new LinearWebhookClient(secret).verify(Buffer.from(raw), sign('linear', secret, raw)['linear-signature'] ?? '')).toBe(true);
  });

  it('refuses it once the body changed', () => {
    const raw = body();
    const signature = sign('linear', secret, raw)['linear-signature'] ?? '';
    expect(() => new LinearWebhookClient(secret).verify(Buffer.from(raw.replace('Bug', 'Fix')), signature)).toThrow(/signature/);
  });
});

describe("Zoom: @zoom/rivet's AwsLambdaReceiver fed a Lambda event", () => {
  const secret = 'zoom-secret-token-0123456789';
  const body = JSON.stringify({ event: 'meeting.started', event_ts: 1748779200000, payload: { account_id: 'acc_1', object: { id: '123', topic: 'Standup' } } });
  type LambdaEvent = Parameters<ReturnType<AwsLambdaReceiver['start']>>[0];
  type LambdaContext = Parameters<ReturnType<AwsLambdaReceiver['start']>>[1];

  async function deliver(rawBody: string, headers: Record<string, string>) {
    // Rivet logs every Lambda event it receives.
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    const handler = new AwsLambdaReceiver({ webhooksSecretToken: secret }).start();
    const event = { body: rawBody, headers, isBase64Encoded: false } as unknown as LambdaEvent;
    return handler(event, {} as LambdaContext);
  }

  it('answers 200 to a Zoom event signed by Inlet', async () => {
    expect(await deliver(body, sign('zoom', secret, body))).toMatchObject({ statusCode: 200 });
  });

  it('answers 400 once the body changed', async () => {
    expect(await deliver(body.replace('Standup', 'Retro'), sign('zoom', secret, body))).toMatchObject({ statusCode: 400 });
  });
});
