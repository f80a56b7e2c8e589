import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the stub saw arrive at `/in/<token>`. */
export interface ReceivedRequest {
  method: string;
  path: string;
  body: Buffer;
}

/** Stands in for the receiver: serves `/in/<token>` and the probe route, 404 for the rest. */
export interface ReceiverStub {
  readonly port: number;
  readonly received: ReceivedRequest[];
  /** How many probes answered 200. */
  readonly probes: number;
  /** Which paths are probes — in the app, the manager's `isProbePath`. */
  setProbeCheck(check: (pathname: string) => boolean): void;
  close(): Promise<void>;
}

export async function startReceiverStub(): Promise<ReceiverStub> {
  const received: ReceivedRequest[] = [];
  let probes = 0;
  let isProbe: (pathname: string) => boolean = () => false;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const pathname = new URL(req.url ?? '/', 'http://receiver').pathname;
      if (req.method === 'GET' && isProbe(pathname)) {
        probes += 1;
        res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('ok');
        return;
      }
      if (req.method === 'POST' && /^\/in\/[\w-]+$/.test(pathname)) {
        const body = Buffer.concat(chunks);
        received.push({ method: req.method, path: pathname, body });
        const sha256 = createHash('sha256').update(body).digest('hex');
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ sha256, length: body.length }));
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    port: (server.address() as AddressInfo).port,
    received,
    get probes() {
      return probes;
    },
    setProbeCheck(check) {
      isProbe = check;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
