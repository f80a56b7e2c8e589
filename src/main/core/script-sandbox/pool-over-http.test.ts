import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestCore, type TestCore } from '../testing/test-core';
import { createWorkerRunner, type WorkerPool } from './runner.js';
import { BUILT_WORKER } from './testing/pool-fixtures.js';

// Stuck in the regex engine when the body asks for it; the minute of grace keeps it stuck until
// the pool is closed, so a queue stays full for as long as a test looks at it.
const SCRIPT = `function main(ctx) {
  if (ctx.body && ctx.body.stuck) /(a+)+$/.test("a".repeat(40) + "!");
  return { verified: true };
}`;

let t: TestCore;
let pool: WorkerPool;
beforeEach(async () => {
  pool = createWorkerRunner(BUILT_WORKER, { workers: 1, queuePerSource: 2, graceMs: 60_000 });
  t = await startTestCore({ sandbox: pool });
});
afterEach(async () => {
  // First, so requests waiting on a stuck script are answered and the receiver can close.
  await pool.close();
  await t.close();
});

async function scriptedSource(key: string) {
  const { id, url } = await t.source(key);
  await t.call('sources.update', { id, settings: { development: { preprocess: { script: SCRIPT, enabled: true } } } });
  return { id, url };
}

const send = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('preprocess scripts under load, over HTTP', () => {
  it("answers 503 with Retry-After once a source's script queue is full, and logs it", async () => {
    const { id, url } = await scriptedSource('slow');
    const held = [0, 1, 2].map(() => send(url, { stuck: true }).catch(() => null));
    await vi.waitFor(() => expect(pool.stats()).toMatchObject({ inFlight: { [id]: 1 }, waiting: { [id]: 2 } }));

    const res = await send(url, { stuck: true });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    const answer = (await res.json()) as { error: string; event_id: number };
    expect(answer.error).toBe("This source's preprocess script is busy; retry later.");
    const event = await t.call('events.get', { id: answer.event_id });
    expect(event).toMatchObject({ responseStatus: 503, error: answer.error, preprocessOutput: { ok: false, error: { kind: 'busy' } } });
    expect(event.processing).not.toBe('pending');

    await pool.close();
    await Promise.all(held);
  });

  it('never starts the script of a request whose client left while it waited', async () => {
    const { id, url } = await scriptedSource('gone');
    void send(url, { stuck: true }).catch(() => null);
    await vi.waitFor(() => expect(pool.stats()).toMatchObject({ inFlight: { [id]: 1 }, started: 1 }));

    const { port, pathname } = new URL(url);
    const body = JSON.stringify({ stuck: false, n: 2 });
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(`POST ${pathname} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    });
    await vi.waitFor(() => expect(pool.stats().waiting).toEqual({ [id]: 1 }));
    socket.destroy();
    await vi.waitFor(() => expect(pool.stats().waiting).toEqual({}));
    expect(pool.stats().started).toBe(1);

    const logged = async () => (await t.call('events.list', { limit: 10 })).items.find((e) => e.sourceId === id);
    await vi.waitFor(async () => expect(await logged()).toBeDefined());
    const event = await t.call('events.get', { id: (await logged())!.id });
    expect(event.preprocessOutput).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(event.processing).not.toBe('pending');
  });
});
