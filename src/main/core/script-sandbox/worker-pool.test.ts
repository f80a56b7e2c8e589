import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorkerRunner, type WorkerPool, type WorkerPoolOptions } from './runner.js';
import { BUILT_WORKER, STUCK_SCRIPT } from './testing/pool-fixtures.js';

const ctx = { vars: {}, body: { a: 1 }, rawBody: '{"a":1}', headers: {} };
const fast = { source: 'function main(ctx) { return { verified: true, a: ctx.body.a }; }', ctx };
const stuck = { source: STUCK_SCRIPT, ctx };

let pool: WorkerPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});
// The stuck script blocks inside the regex engine until its hard deadline, which a minute of
// grace puts beyond any test: it holds its worker until the pool is closed.
const open = (options: WorkerPoolOptions) => (pool = createWorkerRunner(BUILT_WORKER, { graceMs: 60_000, ...options }));

describe('the sandbox worker pool', () => {
  it("finishes a fast source's run while another source's scripts are stuck", async () => {
    const p = open({ workers: 2 });
    let slowSettled = 0;
    for (let i = 0; i < 3; i += 1) void p.run(stuck, { key: 'slow' }).then(() => (slowSettled += 1));
    await vi.waitFor(() => expect(p.stats()).toMatchObject({ inFlight: { slow: 1 }, waiting: { slow: 2 } }));
    const result = await p.run(fast, { key: 'fast' });
    expect(result).toMatchObject({ ok: true, verified: true, extra: { a: 1 } });
    expect(slowSettled).toBe(0);
  });

  it('serves waiting sources in turn on a single worker', async () => {
    const p = open({ workers: 1, graceMs: 1_000 });
    const order: string[] = [];
    const runs = ['a', 'a', 'a', 'b'].map((key, i) =>
      p.run({ source: `function main() { return { n: ${i} }; }`, ctx }, { key }).then(() => order.push(`${key}${i}`)),
    );
    await Promise.all(runs);
    // b's single run goes second, not behind a's backlog.
    expect(order).toEqual(['a0', 'b3', 'a1', 'a2']);
  });

  it("answers busy once a source's queue is full, and still queues other sources", async () => {
    const p = open({ workers: 1, queuePerSource: 2 });
    const held = [0, 1, 2].map(() => p.run(stuck, { key: 'slow', bounded: true }));
    await vi.waitFor(() => expect(p.stats()).toMatchObject({ inFlight: { slow: 1 }, waiting: { slow: 2 } }));
    const refused = await p.run(stuck, { key: 'slow', bounded: true });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'busy', message: "This source's preprocess script is busy; retry later." } });
    void p.run(fast, { key: 'other', bounded: true });
    expect(p.stats().waiting).toEqual({ slow: 2, other: 1 });
    await p.close();
    // Shutting down answers them as not run (the receiver: 503, retry later).
    expect(await Promise.all(held)).toMatchObject([{ ok: false, error: { kind: 'busy' } }, { ok: false, error: { kind: 'busy' } }, { ok: false, error: { kind: 'busy' } }]);
  });

  it('drops a waiting run whose client went away; it never starts', async () => {
    const p = open({ workers: 1 });
    void p.run(stuck, { key: 'slow' });
    const client = new AbortController();
    const dropped = p.run(fast, { key: 'other', signal: client.signal });
    await vi.waitFor(() => expect(p.stats()).toMatchObject({ waiting: { other: 1 }, started: 1 }));
    client.abort();
    expect(await dropped).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(p.stats()).toMatchObject({ waiting: {}, started: 1 });
  });

  it('answers a request too deep to post to the worker with a failed run, then runs the next one', async () => {
    const p = open({ workers: 1 });
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i += 1) deep = { a: deep };
    const result = await p.run({ source: fast.source, ctx: { ...ctx, body: deep } });
    expect(result).toMatchObject({ ok: false, error: { kind: 'sandbox', message: expect.stringMatching(/nested too deeply.*the script did not run/) } });
    expect(await p.run(fast)).toMatchObject({ ok: true, verified: true });
  });

  it('answers a value structured clone refuses with a failed run', async () => {
    const p = open({ workers: 1 });
    const result = await p.run({ source: fast.source, ctx: { ...ctx, body: { f: () => 1 } } });
    expect(result).toMatchObject({ ok: false, error: { kind: 'sandbox', message: expect.stringMatching(/could not be handed to the script sandbox/) } });
  });
});
