import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../testing/test-core';
import { startTestApp, type TestApp } from './test-app';

const ENV = 'development';
let t: TestCore | undefined;
let target: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  await target?.stop();
  t = target = undefined;
});

/** Posts with header lines exactly as given (fetch would merge a repeated name into one line). */
function postRaw(url: string, rawHeaders: string[], body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: [...rawHeaders, 'content-length', String(Buffer.byteLength(body))] }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { event_id: number }).event_id));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('forwarded header lines', () => {
  it('arrive in the order they were received, a repeated name as separate lines, with Host set to the destination', async () => {
    t = await startTestCore();
    target = await startTestApp((_req, res) => {
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.writeHead(200, { 'x-app': 'yes' }).end('ok');
    });
    const source = await t.call('sources.create', { key: 'plain' });
    const token = source.settings.find((s) => s.environment === ENV)!.endpointToken;
    await t.call('destinations.create', { sourceId: source.id, environment: ENV, url: target.url('/hook') });

    const eventId = await postRaw(
      `${t.core.receiverUrl}/in/${token}`,
      ['host', 'hooks.example.test', 'x-trace', 'first', 'content-type', 'application/json', 'x-trace', 'second'],
      '{"type":"ping"}',
    );
    await expect.poll(async () => (await t!.call('deliveries.list', { eventId }))[0]?.status, { timeout: 10_000 }).toBe('delivered');

    const raw = target.received[0]!.rawHeaders;
    const names = raw.filter((_, i) => i % 2 === 0).map((h) => h.toLowerCase());
    // The received lines keep their relative order; Inlet's own come after them.
    expect(names.filter((h) => h === 'x-trace' || h === 'content-type')).toEqual(['x-trace', 'content-type', 'x-trace']);
    expect(raw.filter((_, i) => i % 2 === 1 && raw[i - 1]!.toLowerCase() === 'x-trace')).toEqual(['first', 'second']);
    expect(target.received[0]!.headers.host).toBe(`127.0.0.1:${target.port}`);
    expect(target.received[0]!.headers['x-forwarded-host']).toBe('hooks.example.test');
    expect(names.filter((h) => h === 'host')).toHaveLength(1);

    const [delivery] = await t.call('deliveries.list', { eventId });
    // The app's answer headers are logged by name, repeated ones joined.
    expect(delivery!.attemptLog[0]!.response!.headers).toMatchObject({ 'x-app': 'yes', 'set-cookie': 'a=1, b=2' });
  });
});
