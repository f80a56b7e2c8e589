import { createHmac } from 'node:crypto';
import { AwsLambdaReceiver } from '@zoom/rivet/users';
import { describe, expect, it, vi } from 'vitest';
import { answerHandshake } from './handshakes';

describe('Slack url_verification', () => {
  it('answers 200 with the challenge', () => {
    const parsedBody = { token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl', challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P', type: 'url_verification' };
    expect(answerHandshake('slack_url_verification', { parsedBody, secrets: [], verified: false })).toEqual({
      status: 200,
      body: { challenge: parsedBody.challenge },
    });
  });

  it('leaves ordinary events alone', () => {
    expect(answerHandshake('slack_url_verification', { parsedBody: { type: 'event_callback', event: {} }, secrets: ['s'], verified: true })).toBeNull();
  });
});

describe('Zoom endpoint.url_validation', () => {
  const secret = 'zoom-secret-token-0123456789';
  const parsedBody = { event: 'endpoint.url_validation', event_ts: 1718031600000, payload: { plainToken: 'qgg8vlvZRS6UYooatFL8Aw' } };

  it("answers what Zoom's own library (@zoom/rivet) answers", async () => {
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    const body = JSON.stringify(parsedBody);
    const ts = String(Date.now());
    const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
    type LambdaEvent = Parameters<ReturnType<AwsLambdaReceiver['start']>>[0];
    type LambdaContext = Parameters<ReturnType<AwsLambdaReceiver['start']>>[1];
    const event = { body, headers: { 'x-zm-signature': signature, 'x-zm-request-timestamp': ts }, isBase64Encoded: false } as unknown as LambdaEvent;
    const rivet = (await new AwsLambdaReceiver({ webhooksSecretToken: secret }).start()(event, {} as LambdaContext)) as { statusCode: number; body: string };
    expect(rivet.statusCode).toBe(200);
    expect(answerHandshake('zoom_url_validation', { parsedBody, secrets: [secret], verified: true })).toEqual({ status: 200, body: JSON.parse(rivet.body) });
  });

  it('is the documented hex HMAC-SHA256 of the plain token', () => {
    const answer = answerHandshake('zoom_url_validation', { parsedBody, secrets: [secret], verified: true });
    expect(answer?.body).toEqual({ plainToken: 'qgg8vlvZRS6UYooatFL8Aw', encryptedToken: createHmac('sha256', secret).update('qgg8vlvZRS6UYooatFL8Aw').digest('hex') });
  });

  it('refuses an unverified validation request, which would otherwise hand out signatures', () => {
    expect(answerHandshake('zoom_url_validation', { parsedBody, secrets: [secret], verified: false })).toMatchObject({ status: 401 });
  });

  it('answers 401 without telling the sender that the environment has no Secret Token', () => {
    const unverified = answerHandshake('zoom_url_validation', { parsedBody, secrets: [secret], verified: false });
    expect(answerHandshake('zoom_url_validation', { parsedBody, secrets: [], verified: false })).toEqual(unverified);
    expect(unverified).toEqual({ status: 401, body: { error: 'Signature verification failed' } });
  });

  it('leaves ordinary events alone', () => {
    expect(answerHandshake('zoom_url_validation', { parsedBody: { event: 'meeting.started', payload: {} }, secrets: [secret], verified: true })).toBeNull();
  });
});
