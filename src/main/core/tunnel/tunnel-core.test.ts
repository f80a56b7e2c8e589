import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TunnelStatus } from '../../../shared/domain/settings';
import { startTestCore, type TestCore } from '../testing/test-core';
import { getPreset } from '../verification';
import { signStripe } from '../verification/testing/sdk-signers';
import { startLtServer, type LtServer } from './testing/lt-server.js';

/** The tunnel as the app drives it: through the contract, against a real localtunnel server. */
const SECRET = 'whsec_tunnel_core_test_secret';
let lt: LtServer;
let t: TestCore;
let url: string;
const statuses: TunnelStatus[] = [];

beforeAll(async () => {
  lt = await startLtServer();
  t = await startTestCore({ tunnelProbeIntervalMs: 500 });
  t.core.subscribe((m) => {
    if (m.name === 'tunnel.statusChanged') statuses.push(m.payload);
  });
  const { id } = await t.source('stripe');
  const source = await t.call('sources.update', { id, settings: { development: { verification: getPreset('stripe')!.config } } });
  await t.call('sources.addSecret', { id, environment: 'development', secret: SECRET });
  url = `/in/${source.settings[0]!.endpointToken}`;
}, 60_000);
afterAll(async () => {
  await t?.close();
  await lt?.stop();
});

/** Resolves with the first status (seen from now on) that satisfies `test`. */
function next(test: (s: TunnelStatus) => boolean, timeoutMs = 20_000): Promise<TunnelStatus> {
  const from = statuses.length;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no such status; saw ${JSON.stringify(statuses.slice(from))}`)), timeoutMs);
    const poll = setInterval(() => {
      const hit = statuses.slice(from).find(test);
      if (hit) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(hit);
      }
    }, 10);
  });
}

/** A request as the internet would send it: to the tunnel server, naming the tunnel in Host. */
function throughTunnel(publicUrl: string, path: string, headers: Record<string, string>, body: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: lt.port, method: 'POST', path, agent: false, headers: { ...headers, host: new URL(publicUrl).host } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const sendSigned = async (publicUrl: string) => {
  const signed = await signStripe({ payload: { id: `evt_${Date.now()}`, type: 'customer.created' }, secret: SECRET, timestamp: Date.now() });
  return throughTunnel(publicUrl, url, signed.headers, signed.body);
};

/** Opens the tunnel from stopped with this test server's settings and waits for its public URL. */
async function startTunnel(): Promise<string> {
  const up = next((s) => s.state === 'up');
  const started = await t.call('tunnel.start', { settings: { serverUrl: lt.url, connectAddress: `127.0.0.1:${lt.port}`, subdomain: null } });
  expect(started.state).toBe('starting');
  const status = await up;
  if (status.state !== 'up') throw new Error('not up');
  return status.url;
}

describe('the tunnel through the core', () => {
  // Every test starts from a closed tunnel and opens its own, so each one also runs alone (`-t`).
  beforeEach(async () => {
    expect((await t.call('tunnel.stop', {})).state).toBe('stopped');
  });

  it('comes up against a self-hosted server and carries a Stripe-signed event to the log as verified', async () => {
    const publicUrl = await startTunnel();
    expect(publicUrl).toMatch(/^http:\/\/[a-z0-9-]+\.lt\.test/);
    expect((await t.call('tunnel.status', {})).state).toBe('up');

    const res = await sendSigned(publicUrl);
    expect(res.status).toBe(200);
    const { event_id } = JSON.parse(res.body) as { event_id: number };
    expect((await t.call('events.get', { id: event_id })).verification).toBe('verified');
  });

  it('exposes only the receiver: control API paths answer 404 through the tunnel', async () => {
    const publicUrl = await startTunnel();
    for (const path of ['/api/sources.list', '/api/events', '/']) {
      expect((await throughTunnel(publicUrl, path, { 'content-type': 'application/json' }, '{}')).status).toBe(404);
    }
  });

  it('reconnects by itself after the server goes away and comes back, and events flow again', async () => {
    await startTunnel();
    const reconnecting = next((s) => s.state === 'reconnecting');
    await lt.stop();
    await reconnecting;
    const up = next((s) => s.state === 'up');
    await lt.restart();
    const status = await up;
    if (status.state !== 'up') throw new Error('not up');
    expect((await sendSigned(status.url)).status).toBe(200);
  }, 40_000);

  it('announces a changed public URL with the old and the new one', async () => {
    const publicUrl = await startTunnel();
    const moved = next((s) => s.state === 'up' && s.previousUrl !== undefined);
    await t.call('tunnel.start', { settings: { subdomain: 'inlet-moved' } });
    const status = await moved;
    if (status.state !== 'up') throw new Error('not up');
    expect(status.previousUrl).toBe(publicUrl);
    expect(status.url).toMatch(/^http:\/\/inlet-moved\./);
    expect((await t.call('settings.get', {})).tunnel.subdomain).toBe('inlet-moved');
  }, 30_000);

  it('stops on request', async () => {
    await startTunnel();
    const stopped = await t.call('tunnel.stop', {});
    expect(stopped.state).toBe('stopped');
    expect((await t.call('tunnel.status', {})).state).toBe('stopped');
  });
});
