import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, BUILT_WORKER, ensureBuilt } from '../testing/built-app';
import { createWorkerRunner } from './runner.js';

let runner: ReturnType<typeof createWorkerRunner>;
beforeAll(async () => {
  await ensureBuilt();
  runner = createWorkerRunner(BUILT_WORKER);
}, BUILD_TIMEOUT_MS);
afterAll(() => runner?.close());
const ctx = { vars: {}, body: { a: 1 }, rawBody: '{"a":1}', headers: {} };
const stuck = { source: 'function main() { for (;;) { "x".repeat(1 << 20); } }', ctx, limits: { timeoutMs: 50, memoryBytes: 512 * 1024 * 1024 } };

describe('the sandbox worker thread', () => {
  it('stops a script stuck in a built-in at the hard deadline while this thread keeps running', async () => {
    const order: string[] = [];
    // A timer can only fire before the result if this thread was free while the script spun.
    const timer = new Promise<void>((resolve) => setTimeout(() => resolve(void order.push('timer')), 1));
    const result = await runner.run(stuck).finally(() => order.push('result'));
    await timer;
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(order).toEqual(['timer', 'result']);
  });

  it('runs the next script normally after a terminated one', async () => {
    expect(await runner.run(stuck)).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    const result = await runner.run({ source: 'function main(ctx) { return { verified: true, a: ctx.body.a }; }', ctx });
    expect(result).toMatchObject({ ok: true, verified: true, extra: { a: 1 } });
  });

  it('runs scripts one at a time, in order', async () => {
    const results = await Promise.all(
      [1, 2, 3].map((n) => runner.run({ source: `function main() { return { n: ${n} }; }`, ctx })),
    );
    expect(results.map((r) => (r.ok ? r.extra.n : null))).toEqual([1, 2, 3]);
  });
});
