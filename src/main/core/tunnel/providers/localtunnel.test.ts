import { createHash, randomBytes } from 'node:crypto';
import localtunnel from 'localtunnel';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLtServer, type LtServer } from '../testing/lt-server.js';
import { requestThroughTunnel } from '../testing/public-request.js';
import { startReceiverStub, type ReceiverStub } from '../testing/receiver-stub.js';
import { createLocaltunnelProvider } from './localtunnel.js';
import { TunnelOpenError, type TunnelConnection } from './provider.js';

let server: LtServer;
let receiver: ReceiverStub;
const opened: TunnelConnection[] = [];

beforeEach(async () => {
  [server, receiver] = await Promise.all([startLtServer(), startReceiverStub()]);
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
  await Promise.all([server?.stop(), receiver?.close()]);
});

const open = async (subdomain?: string, poolSettleMs?: number): Promise<TunnelConnection> => {
  const provider = createLocaltunnelProvider({ registerTimeoutMs: 3_000, connectTimeoutMs: 3_000, poolSettleMs });
  const connection = await provider.open({ localHost: '127.0.0.1', localPort: receiver.port, serverUrl: server.url, subdomain });
  opened.push(connection);
  return connection;
};

describe('localtunnel provider', () => {
  it('opens a tunnel on the requested subdomain that forwards a binary body byte for byte', async () => {
    const connection = await open('inlet-bytes');
    expect(connection.url).toBe(`http://inlet-bytes.${server.domain}`);
    expect(connection.subdomain).toBe('inlet-bytes');

    // Every byte value, and a 3-byte UTF-8 character cut in half at the end: the stock Host
    // rewrite decodes this chunk as UTF-8 and mangles both.
    const body = Buffer.concat([randomBytes(4096), Buffer.from([0, 1, 2, 255, 254, 128]), Buffer.from('€').subarray(0, 2)]);
    const response = await requestThroughTunnel(server, connection.url, { method: 'POST', path: '/in/src_1', body });

    expect(response.status).toBe(200);
    expect(JSON.parse(response.body.toString())).toEqual({
      sha256: createHash('sha256').update(body).digest('hex'),
      length: body.length,
    });
  });

  it('reports an error when the tunnel server goes away', async () => {
    const connection = await open();
    const failed = new Promise<Error>((resolve) => connection.onError(resolve));
    await server.stop();
    expect((await failed).message).toMatch(/connection refused/);
  });

  it('refuses a subdomain the server rejects, as a permanent failure', async () => {
    const failure = await open('Not Valid!').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TunnelOpenError);
    expect(failure).toMatchObject({ permanent: true, message: expect.stringMatching(/403.*Invalid subdomain/) });
  });

  it('fails transiently, without retrying on its own, when the server is unreachable', async () => {
    await server.stop();
    const failure = await open().catch((error: unknown) => error);
    expect(failure).toMatchObject({ permanent: false, message: expect.stringMatching(/unreachable/) });
  });

  it('closes all of its sockets on close()', async () => {
    const connection = await open();
    const status = async () => {
      const answer = await fetch(`${server.url}/api/tunnels/${connection.subdomain}/status`);
      return answer.status === 200 ? ((await answer.json()) as { connected_sockets: number }).connected_sockets : 0;
    };
    await expect.poll(status, { timeout: 5_000 }).toBeGreaterThan(0);
    await connection.close();
    await expect.poll(status, { timeout: 5_000 }).toBe(0);
  });
});

describe('the stock localtunnel client with axios 1.x', () => {
  it('registers with the server and forwards a request', async () => {
    const tunnel = await localtunnel({ port: receiver.port, local_host: '127.0.0.1', host: server.url });
    try {
      expect(tunnel.url).toMatch(new RegExp(`^http://[a-z0-9-]+\\.${server.domain}$`));
      await expect
        .poll(async () => (await requestThroughTunnel(server, tunnel.url ?? '', { method: 'POST', path: '/in/src_1', body: Buffer.from('{}') })).status, { timeout: 5_000 })
        .toBe(200);
    } finally {
      tunnel.close();
    }
  });
});
