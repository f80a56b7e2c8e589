import { describe, expect, it, vi } from 'vitest';
import type { PushMessage } from '../../../shared/api/events';
import { summary } from '../test/fixtures';
import { createHttpTransport, type LiveStatus } from './http-transport';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fetch whose event streams the test writes to by hand. */
function fakeHost() {
  const streams: Array<ReadableStreamDefaultController<Uint8Array>> = [];
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  let callReply: Response | Error = json(200, { ok: true, value: { version: '1' } });
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    if (String(url).endsWith('/api/events')) {
      const body = new ReadableStream<Uint8Array>({ start: (c) => void streams.push(c) });
      return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
    }
    if (callReply instanceof Error) throw callReply;
    return callReply;
  }) as unknown as typeof globalThis.fetch;
  const write = (i: number, text: string) => streams[i]!.enqueue(new TextEncoder().encode(text));
  return { fetch, calls, streams, write, reply: (r: Response | Error) => (callReply = r) };
}

describe('HTTP transport', () => {
  it('posts a call as JSON with the bearer token and returns the host result', async () => {
    const host = fakeHost();
    const t = createHttpTransport({ token: 'tok', onUnauthorized: () => {}, fetch: host.fetch });
    await expect(t.invoke('app.info', {})).resolves.toEqual({ ok: true, value: { version: '1' } });
    expect(host.calls[0]!.url).toBe('/api/app.info');
    expect(host.calls[0]!.init).toMatchObject({ method: 'POST', body: '{}', headers: { authorization: 'Bearer tok' } });
  });

  it('reports a rejected token once and passes the error on', async () => {
    const host = fakeHost();
    const onUnauthorized = vi.fn();
    host.reply(json(401, { ok: false, error: { code: 'unauthorized', message: 'wrong token' } }));
    const t = createHttpTransport({ token: 'bad', onUnauthorized, fetch: host.fetch });
    expect(await t.invoke('app.info', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    await t.invoke('app.info', {});
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('turns a network failure into an error that says the host is unreachable', async () => {
    const host = fakeHost();
    host.reply(new TypeError('Failed to fetch'));
    const t = createHttpTransport({ token: 'tok', onUnauthorized: () => {}, fetch: host.fetch });
    const r = await t.invoke('app.info', {});
    expect(!r.ok && r.error.message).toMatch(/Cannot reach the Inlet host/);
  });

  it('delivers valid push events from the stream and drops unknown or malformed ones', async () => {
    const host = fakeHost();
    const t = createHttpTransport({ token: 'tok', onUnauthorized: () => {}, fetch: host.fetch });
    const got: PushMessage[] = [];
    t.subscribe((m) => got.push(m));
    await vi.waitFor(() => expect(host.streams).toHaveLength(1));
    host.write(0, 'event: nope\ndata: {}\n\nevent: events.received\ndata: {"id":"x"}\n\n');
    host.write(0, `event: events.received\ndata: ${JSON.stringify(summary({ id: 7 }))}\n\n`);
    await vi.waitFor(() => expect(got).toHaveLength(1));
    expect(got[0]).toMatchObject({ name: 'events.received', payload: { id: 7 } });
  });

  it('reconnects after the stream drops and reports the status on the way', async () => {
    const host = fakeHost();
    const t = createHttpTransport({ token: 'tok', onUnauthorized: () => {}, fetch: host.fetch, retryMinMs: 1 });
    const statuses: LiveStatus[] = [];
    t.onStatus((s) => statuses.push(s));
    const got: PushMessage[] = [];
    const unsubscribe = t.subscribe((m) => got.push(m));
    await vi.waitFor(() => expect(statuses).toContain('live'));
    host.streams[0]!.close();
    await vi.waitFor(() => expect(host.streams).toHaveLength(2));
    host.write(1, 'event: config.changed\ndata: {"what":"sources"}\n\n');
    await vi.waitFor(() => expect(got).toHaveLength(1));
    expect(statuses).toEqual(['offline', 'connecting', 'live', 'offline', 'connecting', 'live']);
    unsubscribe();
    expect(statuses.at(-1)).toBe('offline');
  });
});
