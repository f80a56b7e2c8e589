import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../testing/test-core';
import { createIngestGauge } from './ingest-gauge';

let t: TestCore | undefined;
let server: Server | undefined;
afterEach(async () => {
  await t?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server?.closeAllConnections();
  t = server = undefined;
});

/** An app answering 200 at once that counts the TCP connections it was opened. */
async function countingApp() {
  const app = { connections: 0, received: 0, url: '' };
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      app.received += 1;
      res.writeHead(200).end('ok');
    });
  });
  server.on('connection', () => void (app.connections += 1));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  app.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return app;
}

describe('connections to a destination', () => {
  it('sends a released backlog over at most `concurrency` kept-alive connections, not one per delivery', async () => {
    t = await startTestCore();
    const app = await countingApp();
    const source = await t.source('custom');
    const dest = await t.call('destinations.create', { sourceId: source.id, environment: 'development', url: app.url, concurrency: 3 });
    await t.call('destinations.pause', { id: dest.id });
    for (let i = 0; i < 30; i++) {
      const res = await fetch(source.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"type":"order.created","n":${i}}` });
      expect(res.status).toBe(200);
    }
    await t.call('destinations.resume', { id: dest.id });
    await expect.poll(() => app.received, { timeout: 10_000 }).toBe(30);
    expect(app.connections).toBeLessThanOrEqual(3);
    await expect.poll(async () => (await t!.call('destinations.list', {}))[0]!.counts, { timeout: 10_000 }).toMatchObject({ delivered: 30, pending: 0 });
  });
});

describe('yielding to ingest', () => {
  it('counts a burst of events as busy, and a developer’s few events a second as quiet', () => {
    let now = 0;
    const gauge = createIngestGauge(() => now);
    for (let i = 0; i < 5; i++) {
      gauge.note(1);
      now += 200;
    }
    expect(gauge.busy()).toBe(false);
    for (let i = 0; i < 60; i++) {
      gauge.note(1);
      now += 1;
    }
    expect(gauge.busy()).toBe(true);
    // Busy lasts through a short lull (HOLD_MS), not past it.
    now += 350;
    expect(gauge.busy()).toBe(false);
  });
});
