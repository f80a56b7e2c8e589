import { spawn } from 'node:child_process';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { bundle } from './testing/bundle.js';
import { startLtServer, type LtServer } from './testing/lt-server.js';
import { startTunnelFixture, type TunnelFixture } from './testing/manager-fixture.js';
import { requestThroughTunnel } from './testing/public-request.js';

const cleanups: Array<() => Promise<unknown>> = [];

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function fixtureWith(...args: Parameters<typeof startTunnelFixture>): Promise<TunnelFixture> {
  const fixture = await startTunnelFixture(...args);
  cleanups.push(() => fixture.close());
  return fixture;
}

describe('re-establishing after sleep or a clock change', () => {
  it.each([
    ['the wall clock jumps forward', { wall: 3_600_000, mono: 0 }],
    ['the wall clock jumps backward', { wall: -3_600_000, mono: 0 }],
    ['the monotonic clock jumps (a long suspend)', { wall: 0, mono: 120_000 }],
  ])('reconnects at once when %s', async (_name, jump) => {
    let wallOffset = 0;
    let monoOffset = 0;
    const f = await fixtureWith({
      clock: { now: () => Date.now() + wallOffset },
      monotonic: () => performance.now() + monoOffset,
      clockWatch: { intervalMs: 50, thresholdMs: 5_000 },
      // A minute of backoff: only an immediate retry can bring it back within the test.
      backoff: { initialMs: 60_000, maxMs: 60_000 },
    });
    f.manager.start(f.settings());
    await f.log.next('up', { from: 0 });
    const mark = f.log.all.length;

    wallOffset += jump.wall;
    monoOffset += jump.mono;
    const lost = await f.log.next('reconnecting', { from: mark });
    expect(lost.reason).toMatch(/^clock jump or wake from sleep/);
    expect(lost.nextTryAt).toBeLessThanOrEqual(Date.now() + wallOffset);
    const back = await f.log.next('up', { from: mark });
    expect(f.opens()).toBe(2);
    const response = await requestThroughTunnel(f.server, back.url, { method: 'POST', path: '/in/src_1', body: Buffer.from('{}') });
    expect(response.status).toBe(200);
  });
});

describe('stopping', () => {
  it('from up leaves no timer pending and publishes nothing more', async () => {
    const f = await fixtureWith({ probe: { intervalMs: 50 }, clockWatch: { intervalMs: 50, thresholdMs: 5_000 } });
    f.manager.start(f.settings());
    await f.log.next('up', { from: 0 });
    await expect.poll(() => f.receiver.probes).toBeGreaterThan(0);

    await f.manager.stop();
    expect(f.manager.status()).toEqual({ state: 'stopped' });
    expect(f.timers.pending()).toBe(0);
    await f.server.restart();
    expect(f.log.all.at(-1)).toEqual({ state: 'stopped' });
  });

  it('while reconnecting cancels the pending retry', async () => {
    const f = await fixtureWith();
    f.manager.start(f.settings());
    await f.log.next('up', { from: 0 });
    await f.server.stop();
    await f.log.next('reconnecting', { from: 0, where: (s) => s.attempt >= 2 });
    const opens = f.opens();

    await f.manager.stop();
    expect(f.timers.pending()).toBe(0);
    await f.server.restart();
    expect(f.opens()).toBe(opens);
    expect(f.log.all.at(-1)).toEqual({ state: 'stopped' });
  });

  it('while the server has not answered yet aborts the registration request', async () => {
    // A server that accepts connections and never answers: the open is still in flight.
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => {
      sockets.push(socket);
      // Read (and drop) the request, or the peer's FIN would never be seen.
      socket.resume();
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => silent.close(resolve));
    });
    const f = await fixtureWith();

    f.manager.start({ serverUrl: `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}` });
    await expect.poll(() => sockets.length).toBe(1);
    const closed = new Promise((resolve) => sockets[0]?.once('close', resolve));
    await f.manager.stop();
    await closed;
    expect(f.timers.pending()).toBe(0);
    expect(f.log.all.slice(1).map((s) => s.state)).toEqual(['starting', 'stopped']);
  });

  describe('in a process of its own, which then exits by itself', () => {
    let server: LtServer;
    afterEach(() => server?.stop());

    it.each(['up', 'unreachable'])('after %s', async (mode) => {
      server = await startLtServer();
      const script = await bundle('exit-scenario.ts', 'esm');
      const child = spawn(process.execPath, [script, String(server.port), server.domain, mode], { stdio: 'pipe' });
      cleanups.push(async () => void child.kill('SIGKILL'));
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

      const code = await new Promise((resolve) => child.once('exit', resolve));
      expect(output).toMatch(mode === 'up' ? /stopped after stopped → starting → up → stopped/ : /reconnecting → stopped/);
      expect(code).toBe(0);
    });
  });
});
