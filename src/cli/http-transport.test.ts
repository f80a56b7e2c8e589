import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCliHttpTransport } from './http-transport';

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A control API stand-in: answers `{ok: true, value: n}`, and drops the `dropNth` request's kept connection unanswered. */
async function controlServer(dropNth: number): Promise<{ url: string; sockets: Set<Socket>; requests: () => number }> {
  const sockets = new Set<Socket>();
  let count = 0;
  server = createServer((req, res) => {
    count++;
    req.resume().on('end', () => {
      if (count === dropNth) req.socket.destroy();
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, value: count }));
    });
  });
  server.on('connection', (s) => sockets.add(s));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sockets, requests: () => count };
}

describe('the CLI control API transport', () => {
  it('reuses one connection for a command\'s calls', async () => {
    const host = await controlServer(0);
    const transport = createCliHttpTransport(host.url, 't');
    expect(await transport.invoke('environments.list', {})).toEqual({ ok: true, value: 1 });
    expect(await transport.invoke('sources.list', {})).toEqual({ ok: true, value: 2 });
    expect(host.sockets.size).toBe(1);
  });

  it('sends a call again on a fresh connection when the kept one was closed under it', async () => {
    const host = await controlServer(2);
    const transport = createCliHttpTransport(host.url, 't');
    expect(await transport.invoke('environments.list', {})).toEqual({ ok: true, value: 1 });
    expect(await transport.invoke('sources.list', {})).toEqual({ ok: true, value: 3 });
    expect(host.sockets.size).toBe(2);
  });

  it('says it cannot reach Inlet when nothing listens', async () => {
    const host = await controlServer(0);
    await new Promise<void>((r) => server!.close(() => r()));
    server = undefined;
    const result = await createCliHttpTransport(host.url, 't').invoke('environments.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^Cannot reach the running Inlet at .*ECONNREFUSED/) } });
  });
});
