import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../testing/test-core';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore({ bodyLimitBytes: 64 * 1024, bodyIdleTimeoutMs: 300 });
});
afterEach(() => t.close());

const post = (url: string, body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(url, { method: 'POST', body, headers });

const lastEvent = async () => {
  const { items } = await t.call('events.list', { limit: 1 });
  return t.call('events.get', { id: items[0]!.id });
};

describe('receiver', () => {
  it('logs a JSON event byte-exact before answering 200 with its id', async () => {
    const { url } = await t.source('shop');
    const body = '{ "type": "order.created",\n  "id": "evt_1" }';
    const res = await post(url, body);
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { event_id: number };
    const event = await t.call('events.get', { id: answer.event_id });
    expect(event.bodyText).toBe(body);
    expect(event.eventType).toBe('order.created');
    expect(event.environment).toBe('development');
    expect(event.verification).toBe('unverified');
    expect(event.parsedBody).toEqual({ type: 'order.created', id: 'evt_1' });
  });

  it('logs malformed JSON with its parse error and still accepts it', async () => {
    const { url } = await t.source('shop');
    const res = await post(url, '{"type": "a",');
    expect(res.status).toBe(200);
    const event = await lastEvent();
    expect(event.parseError).toMatch(/^Malformed JSON: /);
    expect(event.bodyText).toBe('{"type": "a",');
    expect(event.eventType).toBeNull();
  });

  it('keeps form, text and binary bodies, parsing forms for mapping', async () => {
    const { url } = await t.source('forms');
    await post(url, 'type=call.completed&CallSid=CA1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect((await lastEvent()).eventType).toBe('call.completed');
    const bytes = Buffer.from([0, 159, 146, 150, 255]);
    await post(url, bytes, { 'content-type': 'application/octet-stream' });
    const binary = await lastEvent();
    expect(binary.bodyText).toBeNull();
    expect(Buffer.from(binary.bodyBase64, 'base64').equals(bytes)).toBe(true);
  });

  it('answers an oversized body 413 and logs it', async () => {
    const { url } = await t.source('big');
    const res = await post(url, 'x'.repeat(70 * 1024));
    expect(res.status).toBe(413);
    const event = await lastEvent();
    expect(event.responseStatus).toBe(413);
    expect(event.error).toMatch(/exceeds the limit of 65536 bytes/);
  });

  it('answers a client that stalls mid-body 408 and logs it', async () => {
    const { url } = await t.source('slow');
    const { port, pathname } = new URL(url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(`POST ${pathname} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"type":`);
      });
      let data = '';
      socket.on('data', (d) => (data += d.toString()));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    const event = await lastEvent();
    expect(event.responseStatus).toBe(408);
    expect(event.error).toMatch(/sent nothing for 300 ms after 8 bytes/);
  });

  it('answers an unknown token 404 and still logs the request', async () => {
    const { core } = t;
    const res = await post(`${core.receiverUrl}/in/not-a-token`, '{"type":"x"}');
    expect(res.status).toBe(404);
    const event = await lastEvent();
    expect(event.responseStatus).toBe(404);
    expect(event.sourceId).toBeNull();
    expect(event.bodyText).toBe('{"type":"x"}');
  });

  it('serves nothing but /in/<token>: the control API is not there', async () => {
    for (const path of ['/', '/api/sources.list', '/api/events', '/index.html']) {
      expect((await fetch(`${t.core.receiverUrl}${path}`, { method: 'POST', body: '{}' })).status).toBe(404);
    }
  });

  it('answers a disabled environment 403 with the reason', async () => {
    const { id, url } = await t.source('off');
    await t.call('sources.update', { id, settings: { development: { enabled: false } } });
    const res = await post(url, '{"type":"x"}');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/disabled in the development environment/);
  });

  it('answers 401 when verification is enforced and fails, with the diagnosis logged', async () => {
    const { id, url } = await t.source('locked');
    await t.call('sources.update', {
      id,
      settings: { development: { verification: { scheme: 'shared_secret', header: 'x-webhook-secret' }, enforceVerification: true } },
    });
    await t.call('sources.addSecret', { id, environment: 'development', secret: 'correct-horse-battery' });
    expect((await post(url, '{}', { 'x-webhook-secret': 'wrong' })).status).toBe(401);
    const failed = await lastEvent();
    expect(failed.verification).toBe('failed');
    expect(failed.verificationResult.diagnosis?.code).toBe('no_match');
    expect((await post(url, '{}', { 'x-webhook-secret': 'correct-horse-battery' })).status).toBe(200);
    expect((await lastEvent()).verification).toBe('verified');
  });

  it('refuses GET with 405 and logs it', async () => {
    const { url } = await t.source('get');
    const res = await fetch(url);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST, PUT, PATCH');
    expect((await lastEvent()).method).toBe('GET');
  });

  it('stops answering the old URL once the token is rotated', async () => {
    const { id, url } = await t.source('rotate');
    const rotated = await t.call('sources.rotateToken', { id, environment: 'development' });
    const fresh = `${t.core.receiverUrl}/in/${rotated.settings[0]!.endpointToken}`;
    expect(fresh).not.toBe(url);
    expect((await post(url, '{}')).status).toBe(404);
    expect((await post(fresh, '{}')).status).toBe(200);
  });

  it('extracts the idempotency key by path from headers', async () => {
    const { id, url } = await t.source('idem');
    await t.call('sources.update', { id, settings: { development: { idempotencyKeyPath: 'headers.svix-id' } } });
    await post(url, '{"type":"user.created"}', { 'content-type': 'application/json', 'svix-id': 'msg_42' });
    expect((await lastEvent()).idempotencyKey).toBe('msg_42');
  });

  it('commits many concurrent requests, each answered with its own durable id', async () => {
    const { url } = await t.source('burst');
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => post(url, JSON.stringify({ type: 'n', i })).then((r) => r.json() as Promise<{ event_id: number }>)),
    );
    const ids = new Set(answers.map((a) => a.event_id));
    expect(ids.size).toBe(200);
    const { items } = await t.call('events.list', { limit: 500 });
    expect(items.length).toBe(200);
  });
});
