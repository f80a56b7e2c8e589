import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the test app saw of one request. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** Header lines as they came, in order: name, value, name, value… */
  rawHeaders: string[];
  body: Buffer;
}

export type AppHandler = (req: Received, res: ServerResponse) => void;

/**
 * A developer's app on loopback for forwarding tests: records every request and answers with
 * `handler` (200 "ok" by default). `stop` and `start` keep the port, so the app can go down and
 * come back as a restarting dev server does.
 */
export async function startTestApp(handler: AppHandler = (_req, res) => void res.writeHead(200).end('ok'), port = 0) {
  const received: Received[] = [];
  let current = handler;
  let server: Server | null = null;
  const listen = (p: number) =>
    new Promise<number>((resolve, reject) => {
      const s = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, rawHeaders: req.rawHeaders, body: Buffer.concat(chunks) };
          received.push(r);
          current(r, res);
        });
      });
      s.keepAliveTimeout = 100;
      s.once('error', reject);
      s.listen(p, '127.0.0.1', () => {
        server = s;
        resolve((s.address() as AddressInfo).port);
      });
    });
  const boundPort = await listen(port);
  return {
    received,
    port: boundPort,
    url: (path = '/webhooks') => `http://127.0.0.1:${boundPort}${path}`,
    answer(next: AppHandler) {
      current = next;
    },
    async stop() {
      const s = server;
      server = null;
      if (!s) return;
      await new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      });
    },
    start: () => listen(boundPort),
  };
}
export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** Timers driven by the test's clock: `advance` moves the clock and runs what came due. */
export function manualTime(start = Date.now()) {
  let now = start;
  let seq = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  return {
    clock: { now: () => now },
    timers: {
      set(fn: () => void, ms: number) {
        const id = ++seq;
        due.set(id, { at: now + ms, fn });
        return id;
      },
      clear(handle: unknown) {
        due.delete(handle as number);
      },
    },
    set(to: number) {
      now = to;
    },
    advance(ms: number) {
      now += ms;
      for (const [id, t] of [...due].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at > now) continue;
        due.delete(id);
        t.fn();
      }
    },
  };
}
