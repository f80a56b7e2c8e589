import { resolve } from 'node:path';
import { CUSTOM_HTTP_SCRIPT } from '../../src/main/core/script-sandbox/default-scripts';
import { runPreprocess, warmUpSandbox } from '../../src/main/core/script-sandbox/run-preprocess';
import { createWorkerRunner } from '../../src/main/core/script-sandbox/runner';
import type { PreprocessInput, PreprocessResult } from '../../src/main/core/script-sandbox/types';
import { median, percentile } from './fixture';

/**
 * What a preprocess script adds to a request: a fresh QuickJS runtime per run, in this thread and
 * through the worker thread the hosts use. Baseline in the same run: an empty async call.
 */
const RUNS = 300;
const ctx = { vars: { CUSTOM_HTTP_SIGNING_SECRET: 'abc' }, body: { type: 'x' }, rawBody: '{"type":"x"}', headers: { 'x-webhook-secret': 'abc' } };

async function timed(run: (input: PreprocessInput) => Promise<PreprocessResult>, source: string) {
  for (let i = 0; i < 20; i++) await run({ source, ctx });
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const result = await run({ source, ctx });
    ms.push(performance.now() - t);
    if (!result.ok) throw new Error(`benchmark script failed: ${result.error.message}`);
  }
  return { medianMs: median(ms), p95Ms: percentile(ms, 0.95) };
}

await warmUpSandbox();
const worker = createWorkerRunner(resolve(process.cwd(), 'out/main/preprocess-worker.js'));
const trivial = 'function main() { return { verified: true }; }';
try {
  const result = {
    baseline: await timed(async () => ({ ok: true, verified: true, extra: {}, durationMs: 0, logs: [] }), trivial),
    inThreadTrivial: await timed(runPreprocess, trivial),
    inThreadKnockDefault: await timed(runPreprocess, CUSTOM_HTTP_SCRIPT.source),
    workerTrivial: await timed(worker.run, trivial),
    workerKnockDefault: await timed(worker.run, CUSTOM_HTTP_SCRIPT.source),
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
} finally {
  await worker.close();
}
