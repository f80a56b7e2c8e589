import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkerRunner } from './runner.js';

const WORKER = resolve(__dirname, '../../../../out/main/preprocess-worker.js');
if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run \`npm run build\` first`);

const runner = createWorkerRunner(WORKER);
afterAll(() => runner.close());
const ctx = { vars: {}, body: { a: 1 }, rawBody: '{"a":1}', headers: {} };

describe('the sandbox worker thread', () => {
  it('stops a script stuck in a built-in at the hard deadline while this thread keeps running', async () => {
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 10);
    const started = performance.now();
    const result = await runner.run({
      source: 'function main() { for (;;) { "x".repeat(1 << 20); } }',
      ctx,
      limits: { timeoutMs: 50, memoryBytes: 512 * 1024 * 1024 },
    });
    const elapsed = performance.now() - started;
    clearInterval(ticker);
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(elapsed).toBeLessThan(5_000);
    // The event loop went on ticking while the script spun in the other thread.
    expect(ticks).toBeGreaterThan(elapsed / 10 / 4);
  });

  it('runs the next script normally after a terminated one', async () => {
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
