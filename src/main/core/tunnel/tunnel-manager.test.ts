import { afterEach, describe, expect, it } from 'vitest';
import { requestThroughTunnel } from './testing/public-request.js';
import { startTunnelFixture, type TunnelFixture } from './testing/manager-fixture.js';

let fixture: TunnelFixture | undefined;

afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const post = (f: TunnelFixture, url: string, path = '/in/src_1', body = '{"hello":"world"}', timeoutMs = 5_000) =>
  requestThroughTunnel(f.server, url, { method: 'POST', path, body: Buffer.from(body), timeoutMs });

/** Tunnel sockets the server holds for a subdomain (0 once it has dropped the client). */
const serverSockets = async (f: TunnelFixture, subdomain: string): Promise<number> => {
  const response = await fetch(`${f.server.url}/api/tunnels/${subdomain}/status`);
  return response.ok ? ((await response.json()) as { connected_sockets: number }).connected_sockets : 0;
};

describe('tunnel manager against a real localtunnel server', () => {
  it('comes up with a public URL that reaches the receiver, and 404s what the receiver does not serve', async () => {
    const f = (fixture = await startTunnelFixture({ probe: { intervalMs: 200 } }));
    expect(f.manager.start(f.settings())).toEqual({ state: 'starting', serverUrl: f.server.url });

    const up = await f.log.next('up', { from: 0 });
    expect(up.url).toMatch(new RegExp(`^http://[a-z0-9-]+\\.${f.server.domain}$`));
    expect(up.previousUrl).toBeUndefined();
    expect(f.manager.status()).toEqual(up);

    const delivered = await post(f, up.url, '/in/src_1', '{"id":"evt_1"}');
    expect(delivered.status).toBe(200);
    expect(f.receiver.received.map((r) => [r.method, r.path, r.body.toString()])).toEqual([
      ['POST', '/in/src_1', '{"id":"evt_1"}'],
    ]);
    expect((await post(f, up.url, '/admin')).status).toBe(404);
    expect((await requestThroughTunnel(f.server, up.url, { method: 'GET', path: '/__inlet_probe/guess' })).status).toBe(404);

    // The periodic probe goes through the public URL and is answered by the receiver.
    await expect.poll(() => f.receiver.probes, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    // Only the first transitions are certain: on a loaded machine a slow probe may rightly reconnect later.
    expect(f.log.all.slice(1, 3).map((s) => s.state)).toEqual(['starting', 'up']);
  });

  it('reconnects by itself after the tunnel server goes down and comes back on the same port, keeping its URL', async () => {
    const f = (fixture = await startTunnelFixture());
    f.manager.start(f.settings());
    const up = await f.log.next('up', { from: 0 });
    const mark = f.log.all.length;

    await f.server.stop();
    const lost = await f.log.next('reconnecting', { from: mark });
    expect(lost).toMatchObject({ attempt: 1, lastUrl: up.url });

    await f.server.restart();
    const back = await f.log.next('up', { from: mark });
    // The client asks for the subdomain it had, and a restarted server has nobody holding it.
    expect(back.url).toBe(up.url);
    expect(back.previousUrl).toBeUndefined();
    expect((await post(f, back.url)).status).toBe(200);
    expect(f.receiver.received).toHaveLength(1);
  });

  it('detects a stalled tunnel with the probe and re-establishes it', async () => {
    const f = (fixture = await startTunnelFixture({ probe: { intervalMs: 200, timeoutMs: 600 } }));
    f.manager.start(f.settings());
    const up = await f.log.next('up', { from: 0 });
    await expect.poll(() => f.receiver.probes, { timeout: 5_000 }).toBeGreaterThan(0);
    const mark = f.log.all.length;

    expect(await f.server.stall(new URL(up.url).hostname.split('.')[0] ?? '')).toBeGreaterThan(0);
    // Stalled for real: the sockets are open on both ends, yet a request gets no answer.
    const stalled = post(f, up.url, '/in/src_1', '{}', 1_000);
    await expect(stalled.then(() => 'answered', () => 'no answer')).resolves.toBe('no answer');

    const lost = await f.log.next('reconnecting', { from: mark });
    expect(lost.reason).toMatch(/^probe failed: timed out/);
    const back = await f.log.next('up', { from: mark });
    expect((await post(f, back.url)).status).toBe(200);
    // The stalled client still holds the old subdomain on the server, so this one may differ.
    expect(back.previousUrl).toBe(back.url === up.url ? undefined : up.url);
  });

  it('announces a changed public URL with the old and the new one', async () => {
    const f = (fixture = await startTunnelFixture());
    f.manager.start(f.settings('inlet-alpha'));
    const alpha = await f.log.next('up', { from: 0 });
    expect(alpha.url).toBe(`http://inlet-alpha.${f.server.domain}`);
    await expect.poll(() => serverSockets(f, 'inlet-alpha'), { timeout: 5_000 }).toBeGreaterThan(0);
    const mark = f.log.all.length;

    f.manager.start(f.settings('inlet-bravo'));
    const bravo = await f.log.next('up', { from: mark });
    expect(bravo).toMatchObject({ url: `http://inlet-bravo.${f.server.domain}`, previousUrl: alpha.url });
    expect((await post(f, bravo.url)).status).toBe(200);
    // The old tunnel is closed, not left running beside the new one.
    await expect.poll(() => serverSockets(f, 'inlet-alpha'), { timeout: 5_000 }).toBe(0);
  });

  it('stops with an error, and no retries, when the server refuses the subdomain', async () => {
    const f = (fixture = await startTunnelFixture());
    f.manager.start(f.settings('No Such_Name!'));
    const failed = await f.log.next('error', { from: 0 });
    expect(failed.reason).toMatch(/403.*Invalid subdomain/);
    expect(f.opens()).toBe(1);
    expect(f.timers.pending()).toBe(0);
  });

  it('treats the same settings as a no-op while running', async () => {
    const f = (fixture = await startTunnelFixture());
    f.manager.start(f.settings());
    const up = await f.log.next('up', { from: 0 });
    expect(f.manager.start(f.settings())).toBe(up);
    expect(f.opens()).toBe(1);
  });
});
