import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestCore, type TestCore } from '../testing/test-core';
import { createWorkerRunner, type WorkerPool } from './runner.js';
import { BUILT_WORKER, STUCK_SCRIPT } from './testing/pool-fixtures.js';

const ctx = { vars: {}, body: { a: 1 }, rawBody: '{"a":1}', headers: {} };
const fast = { source: 'function main(ctx) { return { verified: true, a: ctx.body.a }; }', ctx };

let pool: WorkerPool | undefined;
let t: TestCore | undefined;
// Node publishes every `new Worker` here, whoever creates it: the core's own pool included.
let threadsStarted = 0;
const onWorker = () => void (threadsStarted += 1);
afterEach(async () => {
  unsubscribe('worker_threads', onWorker);
  await pool?.close();
  await t?.close();
  pool = t = undefined;
});

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('sandbox worker threads start on first use', () => {
  it('a core whose sources have no script starts no sandbox thread; the first script run starts one and works', async () => {
    threadsStarted = 0;
    subscribe('worker_threads', onWorker);
    t = await startTestCore({ sandboxWorkerPath: BUILT_WORKER });
    const plain = await t.source('plain');
    expect((await post(plain.url, { a: 1 })).status).toBe(200);
    // The one thread a core always starts: full-text indexing's (store/search-index.ts).
    expect(threadsStarted).toBe(1);

    const scripted = await t.source('scripted');
    const script = 'function main(ctx) { return { verified: true, event: "seen." + ctx.body.a }; }';
    await t.call('sources.update', { id: scripted.id, settings: { development: { preprocess: { script, enabled: true } } } });
    const res = await post(scripted.url, { a: 7 });
    expect(res.status).toBe(200);
    const { event_id } = (await res.json()) as { event_id: number };
    const event = await t!.call('events.get', { id: event_id });
    expect(event.preprocessOutput).toMatchObject({ ok: true, verified: true, extra: { event: 'seen.7' } });
    expect(threadsStarted).toBe(2);
  });

  it('a pool has no thread before its first run, keeps one for runs in turn, and grows when runs overlap', async () => {
    const p = (pool = createWorkerRunner(BUILT_WORKER, { workers: 2, graceMs: 60_000 }));
    expect(p.stats().workers).toBe(0);
    for (let i = 0; i < 3; i += 1) expect(await p.run(fast, { key: 'a' })).toMatchObject({ ok: true, extra: { a: 1 } });
    expect(p.stats().workers).toBe(1);
    void p.run({ source: STUCK_SCRIPT, ctx }, { key: 'stuck' });
    await vi.waitFor(() => expect(p.stats()).toMatchObject({ inFlight: { stuck: 1 } }));
    expect(await p.run(fast, { key: 'b' })).toMatchObject({ ok: true, extra: { a: 1 } });
    expect(p.stats().workers).toBe(2);
  });

  it("the first run on a fresh pool still stops at its script's time limit", async () => {
    const p = (pool = createWorkerRunner(BUILT_WORKER, { workers: 1, graceMs: 60_000 }));
    const result = await p.run({ source: 'function main() { for (;;) {} }', ctx, limits: { timeoutMs: 50 } });
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout' } });
  });

  it('the first run on a fresh pool, stuck in a built-in, is stopped at the hard deadline and its thread replaced', async () => {
    const p = (pool = createWorkerRunner(BUILT_WORKER, { workers: 1, graceMs: 300 }));
    const result = await p.run({ source: STUCK_SCRIPT, ctx, limits: { timeoutMs: 50 } });
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout', message: expect.stringMatching(/blocked inside a built-in/) } });
    expect(await p.run(fast)).toMatchObject({ ok: true, verified: true });
  });
});
