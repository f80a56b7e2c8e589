import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventSummary } from '../../../shared/domain/event';
import { silentLogger } from '../ports';
import type { NewEvent } from '../store/repos/events.repo';
import { startTestCore, type TestCore } from '../testing/test-core';
import { rawExchange, rawRequest } from '../testing/raw-http';
import { createIngestQueue } from './ingest-queue';
import { startReceiver } from './receiver-server';
import type { RouteTable } from '../judge/routes';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const start = async (options: Parameters<typeof startTestCore>[0] = {}) => {
  t = await startTestCore({ bodyLimitBytes: 64 * 1024, bodyIdleTimeoutMs: 2_000, ...options });
  return t;
};
const portOf = (core: TestCore) => Number(new URL(core.core.receiverUrl).port);
const events = async (core: TestCore): Promise<EventSummary[]> => (await core.call('events.list', { limit: 500 })).items;

describe('requests to unknown endpoints', () => {
  it('stores only the first 4 KiB of the body and says how large it was', async () => {
    const core = await start();
    const res = await fetch(`${core.core.receiverUrl}/in/nope`, { method: 'POST', body: 'x'.repeat(50_000) });
    expect(res.status).toBe(404);
    const [summary] = await events(core);
    const event = await core.call('events.get', { id: summary!.id });
    expect(event.bodySize).toBe(4096);
    expect(event.error).toBe('Unknown endpoint; only the first 4096 of its 50000 bytes were stored');
  });

  it('answers 404 beyond the per-minute allowance without storing, then logs one summary of what was dropped', async () => {
    let now = 1_700_000_000_000;
    const core = await start({ unknownTokenBytesPerMinute: 12_000, clock: { now: () => now } });
    for (let i = 0; i < 6; i++) {
      expect((await fetch(`${core.core.receiverUrl}/in/nope-${i}`, { method: 'POST', body: 'y'.repeat(5_000) })).status).toBe(404);
    }
    expect((await events(core)).length).toBe(2);
    now += 61_000;
    await fetch(`${core.core.receiverUrl}/in/later`, { method: 'POST', body: '{}' });
    await vi.waitFor(async () => {
      const all = await events(core);
      expect(all.map((e) => e.error)).toContainEqual(expect.stringMatching(/^4 requests to unknown endpoints \(\d+ bytes\) were not stored in the last minute/));
      expect(all.some((e) => e.path === '/in/later')).toBe(true);
    });
  });
});

/**
 * An idle connection, open once connected. The server accepts connections in the order they were
 * made, so one made after these is counted after them.
 */
async function holdOpen(core: TestCore, localAddress?: string) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let connected!: () => void;
  const open = new Promise<void>((r) => (connected = r));
  const done = rawExchange(portOf(core), async () => {
    connected();
    await released;
  }, { ...(localAddress ? { localAddress } : {}), end: true });
  await open;
  return { release: () => (release(), done) };
}

describe('slow senders and connection caps', () => {
  it('answers a body trickled past the whole-request deadline 408 and logs it', async () => {
    const core = await start({ requestDeadlineMs: 500, bodyIdleTimeoutMs: 5_000 });
    const { url } = await core.source('trickle');
    const trickle = Array.from({ length: 40 }, () => [{ waitMs: 50 }, 'a']).flat();
    const answer = await rawExchange(portOf(core), [rawRequest('POST', new URL(url).pathname, '').replace('content-length: 0', 'content-length: 100'), ...trickle]);
    expect(answer.statuses).toEqual([408]);
    const [event] = await events(core);
    expect(event!.responseStatus).toBe(408);
    expect(event!.error).toBe('Request not complete within the 500 ms deadline');
  });

  it('answers headers trickled past the deadline 408 and logs a minimal record', async () => {
    const core = await start({ requestDeadlineMs: 300 });
    const answer = await rawExchange(portOf(core), ['POST /in/x HTTP/1.1\r\n', ...Array.from({ length: 30 }, (_, i) => [{ waitMs: 50 }, `X-${i}: a\r\n`]).flat()]);
    expect(answer.statuses).toEqual([408]);
    // Node keeps no trace of unfinished headers: the record has the address, the answer and why.
    await vi.waitFor(async () =>
      expect((await events(core))[0]).toMatchObject({ responseStatus: 408, error: 'Request not complete within the 300 ms deadline' }),
    );
  });

  it('refuses connections over the per-address cap with 503 and logs the refusal', async () => {
    const core = await start({ maxConnectionsPerAddress: 2 });
    const held = await Promise.all([holdOpen(core, '127.0.0.2'), holdOpen(core, '127.0.0.2')]);
    const refused = await rawExchange(portOf(core), [rawRequest('POST', '/in/x', '{}')], { localAddress: '127.0.0.2' });
    expect(refused.statuses).toEqual([503]);
    await Promise.all(held.map((h) => h.release()));
    await vi.waitFor(async () =>
      expect((await events(core)).map((e) => e.error)).toContain('Connection refused: Too many open connections from 127.0.0.2 (limit 2); retry later'),
    );
    // The loopback address (the tunnel) is bound by the total cap only.
    expect((await fetch(`${core.core.receiverUrl}/in/x`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('refuses connections over the total cap', async () => {
    const core = await start({ maxConnections: 2 });
    const held = await Promise.all([holdOpen(core), holdOpen(core)]);
    expect((await rawExchange(portOf(core), [rawRequest('POST', '/in/x', '{}')])).statuses).toEqual([503]);
    await Promise.all(held.map((h) => h.release()));
  });
});

describe("requests Node's parser rejects", () => {
  it('logs an invalid Content-Length as the 400 it was answered, with the parser code', async () => {
    const core = await start();
    const answer = await rawExchange(portOf(core), [rawRequest('POST', '/in/abc', '{}', { 'content-length': 'abc' })]);
    expect(answer.statuses).toEqual([400]);
    await vi.waitFor(async () => expect((await events(core))[0]).toMatchObject({ responseStatus: 400, method: 'POST', path: '/in/abc' }));
    expect((await events(core))[0]!.error).toMatch(/HPE_INVALID_CONTENT_LENGTH/);
  });

  it('logs oversized headers as 431', async () => {
    const core = await start();
    const answer = await rawExchange(portOf(core), [rawRequest('POST', '/in/abc', '{}', { 'x-big': 'a'.repeat(20_000) })]);
    expect(answer.statuses).toEqual([431]);
    await vi.waitFor(async () => expect((await events(core))[0]).toMatchObject({ responseStatus: 431 }));
  });

  it('logs a body longer than its Content-Length as the 400 the sender got, and does not process it', async () => {
    const core = await start();
    const { url } = await core.source('short');
    const answer = await rawExchange(portOf(core), [rawRequest('POST', new URL(url).pathname, '{"type":"a"}', { 'content-length': '5' })]);
    expect(answer.statuses).toEqual([400]);
    const all = await events(core);
    expect(all.length).toBe(1);
    expect(all[0]).toMatchObject({ responseStatus: 400, processing: 'none', actionStatus: null });
    expect(all[0]!.error).toMatch(/^Bytes after this request are not valid HTTP \(HPE_INVALID_METHOD/);
    expect(answer.eventIds).toEqual([all[0]!.id]);
  });

  it('answers a pipelined valid request normally and the garbage after it 400, logging both', async () => {
    const core = await start();
    const { url } = await core.source('pipe');
    const path = new URL(url).pathname;
    const first = await rawExchange(portOf(core), [rawRequest('POST', path, '{"type":"a"}')], { timeoutMs: 300 });
    expect(first.statuses).toEqual([200]);
    const answer = await rawExchange(portOf(core), [rawRequest('POST', path, '{"type":"b"}'), { waitMs: 200 }, '\x00\x01garbage\r\n\r\n']);
    expect(answer.statuses).toEqual([200, 400]);
    await vi.waitFor(async () => expect((await events(core)).map((e) => e.responseStatus)).toEqual([400, 200, 200]));
  });

  it('answers an unsupported Expect 417 and logs it', async () => {
    const core = await start();
    const { url } = await core.source('expect');
    const answer = await rawExchange(portOf(core), [rawRequest('POST', new URL(url).pathname, '{}', { expect: 'teapot' })]);
    expect(answer.statuses).toEqual([417]);
    expect((await events(core))[0]).toMatchObject({ responseStatus: 417, processing: 'none' });
  });
});

const stubDeps = (over: Partial<Parameters<typeof startReceiver>[0]>): Parameters<typeof startReceiver>[0] => ({
  routes: { lookup: () => undefined, forSource: () => undefined, invalidate: () => undefined } as unknown as RouteTable,
  queue: createIngestQueue(() => [], () => undefined),
  clock: { now: () => Date.now() },
  logger: silentLogger,
  sandbox: { run: () => Promise.reject(new Error('unused')), close: async () => undefined },
  hasMappings: () => false,
  isTestDelivery: () => false,
  isProbePath: () => false,
  recordAnswer: () => undefined,
  ...over,
});
const stubOptions = { host: '127.0.0.1', port: 0, bodyLimitBytes: 1024, idleTimeoutMs: 1_000, requestDeadlineMs: 5_000, maxConnections: 10, maxConnectionsPerAddress: 10, unknownTokenBytesPerMinute: 1e6 };

describe('unexpected failures', () => {
  it('answers 500, logs the request with the error and keeps serving', async () => {
    const stored: NewEvent[] = [];
    let fail = true;
    const receiver = await startReceiver(
      stubDeps({
        queue: createIngestQueue((batch) => batch.map((e) => stored.push(e)), () => undefined),
        isTestDelivery: () => {
          if (fail) throw new Error('the database is gone');
          return false;
        },
      }),
      stubOptions,
    );
    try {
      const res = await fetch(`${receiver.url}/in/x`, { method: 'POST', body: '{}' });
      expect(res.status).toBe(500);
      expect(stored.at(-1)).toMatchObject({ responseStatus: 500, error: 'Internal error: the database is gone', path: '/in/x' });
      fail = false;
      expect((await fetch(`${receiver.url}/in/x`, { method: 'POST', body: '{}' })).status).toBe(404);
    } finally {
      await receiver.close();
    }
  });

  it('records "not answered" (0) when the sender left before the answer could be written', async () => {
    const answers: Array<[number, number, string]> = [];
    let commit: ((id: number) => void) | undefined;
    const queue = { ...createIngestQueue(() => [], () => undefined), enqueue: () => new Promise<number>((resolve) => (commit = resolve)) };
    const receiver = await startReceiver(stubDeps({ queue, recordAnswer: (...a) => void answers.push(a) }), stubOptions);
    try {
      const port = Number(new URL(receiver.url).port);
      await rawExchange(port, async (socket) => {
        socket.write(rawRequest('POST', '/in/x', '{}'));
        await vi.waitFor(() => expect(commit).toBeDefined());
        socket.destroy();
      });
      await vi.waitFor(() => expect(receiver.openConnections).toBe(0));
      commit!(7);
      await vi.waitFor(() => expect(answers).toEqual([[7, 0, 'Not answered: the client closed the connection before Inlet could answer 404']]));
    } finally {
      await receiver.close();
    }
  });
});
