import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PushMessage } from '../../shared/api/events';
import { fail, ok, type ApiResult } from '../../shared/api/result';
import { createControlServer, type ControlServer } from './http-bridge';

const TOKEN = 'test-token-0123456789';

/** A core that echoes calls and lets the test push events. */
function fakeCore() {
  const listeners = new Set<(m: PushMessage) => void>();
  const calls: Array<{ method: unknown; input: unknown; transport: string }> = [];
  return {
    calls,
    listeners,
    push: (m: PushMessage) => listeners.forEach((l) => l(m)),
    async dispatch(method: unknown, input: unknown, ctx: { transport: string }): Promise<ApiResult<unknown>> {
      calls.push({ method, input, transport: ctx.transport });
      if (method === 'sources.get') return fail('not_found', 'no source with id "x"');
      return ok({ echo: input });
    },
    subscribe(listener: (m: PushMessage) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

interface Reply {
  status: number;
  headers: IncomingMessage['headers'];
  text: string;
}

let server: ControlServer;
let core: ReturnType<typeof fakeCore>;
let staticDir: string;

const send = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  new Promise<Reply>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: init.method ?? 'GET',
        headers: { host: `127.0.0.1:${server.port}`, ...init.headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });

const auth = { authorization: `Bearer ${TOKEN}` };
const call = (method: string, body: unknown, headers: Record<string, string> = auth) =>
  send(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'inlet-static-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Inlet</title>');
  writeFileSync(join(staticDir, 'assets', 'app-abc.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'inlet-outside.txt'), 'outside');
  core = fakeCore();
  server = await createControlServer({ core, token: TOKEN, port: 0, staticDir });
});
// Each test counts only the calls it made, so it passes alone (`-t`) and in any order.
beforeEach(() => {
  core.calls.length = 0;
});
afterAll(async () => {
  await server.close();
  rmSync(staticDir, { recursive: true, force: true });
});

describe('control server: the security boundary', () => {
  it('answers 401 to an API call without a token', async () => {
    const r = await call('app.info', {}, {});
    expect(r.status).toBe(401);
    expect(JSON.parse(r.text)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('answers 401 to a wrong token and to a token without "Bearer"', async () => {
    expect((await call('app.info', {}, { authorization: 'Bearer nope-nope-nope-nope' })).status).toBe(401);
    expect((await call('app.info', {}, { authorization: TOKEN })).status).toBe(401);
  });

  it('refuses the event stream without a token', async () => {
    expect((await send('/api/events')).status).toBe(401);
  });

  it('answers 403 to a foreign Origin even with the right token', async () => {
    const r = await call('app.info', {}, { ...auth, origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect(core.calls).toHaveLength(0);
  });

  it('answers 403 to a foreign Host (DNS rebinding), for the UI too', async () => {
    const host = { host: `rebound.evil.example:${server.port}` };
    expect((await call('app.info', {}, { ...auth, ...host })).status).toBe(403);
    expect((await send('/', { headers: host })).status).toBe(403);
  });

  it('refuses directory traversal, encoded or not', async () => {
    for (const path of ['/../inlet-outside.txt', '/%2e%2e/inlet-outside.txt', '/assets/..%2f..%2finlet-outside.txt', '/assets/%00.js']) {
      const r = await send(path);
      expect(r.status, path).toBe(403);
      expect(r.text).not.toContain('outside');
    }
  });
});

describe('control server: the API', () => {
  it('round-trips a call through core.dispatch as an http call', async () => {
    const r = await call('sources.create', { key: 'stripe-test' }, { ...auth, origin: `http://localhost:${server.port}` });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual({ ok: true, value: { echo: { key: 'stripe-test' } } });
    expect(core.calls).toEqual([{ method: 'sources.create', input: { key: 'stripe-test' }, transport: 'http' }]);
  });

  it('maps an API error code to its HTTP status', async () => {
    const r = await call('sources.get', { id: 'x' });
    expect(r.status).toBe(404);
    expect(JSON.parse(r.text)).toEqual({ ok: false, error: { code: 'not_found', message: 'no source with id "x"' } });
  });

  it('answers 400 invalid_input to malformed JSON without calling the core', async () => {
    const r = await send('/api/app.info', { method: 'POST', headers: auth, body: '{"oops' });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(core.calls).toHaveLength(0);
  });

  it('treats an empty body as {}', async () => {
    const r = await send('/api/app.info', { method: 'POST', headers: auth });
    expect(JSON.parse(r.text)).toEqual({ ok: true, value: { echo: {} } });
  });

  it('answers 413 to a body over the limit', async () => {
    const small = await createControlServer({ core, token: TOKEN, port: 0, bodyLimitBytes: 10 });
    try {
      const r = await new Promise<number>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: small.port, path: '/api/app.info', method: 'POST', headers: { ...auth, host: `127.0.0.1:${small.port}` } },
          (res) => resolve(res.statusCode ?? 0),
        );
        req.on('error', reject);
        req.end(JSON.stringify({ padding: 'x'.repeat(100) }));
      });
      expect(r).toBe(413);
    } finally {
      await small.close();
    }
  });

  it('delivers a pushed event over Server-Sent Events and unsubscribes on disconnect', async () => {
    const listenersBefore = core.listeners.size;
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: '/api/events', headers: { ...auth, host: `127.0.0.1:${server.port}` } },
        (res) => {
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          let text = '';
          let pushed = false;
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (!pushed && text.includes(': connected')) {
              pushed = true;
              core.push({ name: 'config.changed', payload: { what: 'sources' } });
            }
            const at = text.indexOf('event:');
            if (at >= 0 && text.indexOf('\n\n', at) >= 0) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('event: config.changed\ndata: {"what":"sources"}\n\n');
    await expect.poll(() => core.listeners.size).toBe(listenersBefore);
  });
});

describe('control server: keeping streams alive', () => {
  it('sends ping comments on a quiet event stream', async () => {
    const pinging = await createControlServer({ core, token: TOKEN, port: 0, pingIntervalMs: 20 });
    try {
      const text = await new Promise<string>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: pinging.port, path: '/api/events', headers: { ...auth, host: `127.0.0.1:${pinging.port}` } },
          (res) => {
            let seen = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              seen += chunk;
              if (seen.includes(': ping\n\n')) {
                req.destroy();
                resolve(seen);
              }
            });
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(text).toContain(': ping');
    } finally {
      await pinging.close();
    }
  });

  it('closes open event streams when the server closes', async () => {
    const closing = await createControlServer({ core, token: TOKEN, port: 0 });
    const ended = new Promise<void>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: closing.port, path: '/api/events', headers: { ...auth, host: `127.0.0.1:${closing.port}` } },
        (res) => {
          res.once('data', () => void closing.close());
          res.on('end', resolve);
          res.on('error', resolve);
        },
      );
      req.on('error', reject);
      req.end();
    });
    await expect(ended).resolves.toBeUndefined();
  });
});

describe('control server: the UI', () => {
  it('serves index.html with a Content-Security-Policy', async () => {
    const r = await send('/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['content-security-policy']).toContain("connect-src 'self'");
  });

  it('serves assets with their content type', async () => {
    const r = await send('/assets/app-abc.js');
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(r.text).toBe('console.log(1)');
  });

  it('falls back to index.html for client routes but 404s a missing asset', async () => {
    expect((await send('/sources/abc')).text).toContain('<title>Inlet</title>');
    expect((await send('/assets/missing.js')).status).toBe(404);
  });
});
