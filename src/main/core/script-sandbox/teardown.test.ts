import { expect, it } from 'vitest';
import { runPreprocess } from './run-preprocess.js';

const ctx = { vars: {}, body: { a: 1 }, rawBody: '{"a":1}', headers: {} };

it('reports a long promise chain stopped at its limit as a timeout, even when tearing it down breaks the engine', async () => {
  const chain = await runPreprocess({
    source: 'function main() { const next = () => Promise.resolve().then(next); return next(); }',
    ctx,
    limits: { timeoutMs: 300 },
  });
  expect(chain).toMatchObject({ ok: false, error: { kind: 'timeout' } });
  const next = await runPreprocess({ source: 'function main(ctx) { return { verified: true, a: ctx.body.a }; }', ctx });
  expect(next).toMatchObject({ ok: true, verified: true, extra: { a: 1 } });
});
