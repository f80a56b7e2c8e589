import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { CUSTOM_HTTP_SCRIPT } from '../../src/main/core/script-sandbox/default-scripts';
import { createWorkerRunner, type WorkerPool } from '../../src/main/core/script-sandbox/runner';
import type { PreprocessInput } from '../../src/main/core/script-sandbox/types';
import { median, percentile } from './fixture';

/**
 * Latency of a fast source's scripts while another source's script is stuck (a catastrophic
 * regex, stopped only at the pool's hard deadline), through the worker pool the hosts use.
 * Baseline in the same run: the fast source alone. For contrast, a few runs through one shared
 * queue on one worker, as the sandbox worked before the pool.
 */
const FAST_RUNS = Number(process.env.BENCH_FAIRNESS_RUNS) || 300;
const MIN_WINDOW_MS = 3_000;
const MAX_WINDOW_MS = 15_000;
const SLOW_CLIENTS = 20;
const SHARED_QUEUE_RUNS = 3;
const SHARED_QUEUE_SLOW_CLIENTS = 4;

const WORKER = resolve(process.cwd(), 'out/main/preprocess-worker.js');
const fast: PreprocessInput = {
  source: CUSTOM_HTTP_SCRIPT.source,
  ctx: { vars: { CUSTOM_HTTP_SIGNING_SECRET: 'abc' }, body: { type: 'x' }, rawBody: '{"type":"x"}', headers: { 'x-webhook-secret': 'abc' } },
  secretVarNames: ['CUSTOM_HTTP_SIGNING_SECRET'],
};
const stuck: PreprocessInput = {
  source: 'function main() { return { verified: /(a+)+$/.test("a".repeat(40) + "!") }; }',
  ctx: { vars: {}, body: {}, rawBody: '{}', headers: {} },
};

/** The fast source's requests one after another, for at least `minRuns` runs and `minMs`. */
async function fastLatencies(pool: WorkerPool, key: string, minRuns: number, minMs: number) {
  const ms: number[] = [];
  const started = performance.now();
  while ((ms.length < minRuns || performance.now() - started < minMs) && performance.now() - started < MAX_WINDOW_MS) {
    const t = performance.now();
    const result = await pool.run(fast, { key, bounded: true });
    ms.push(performance.now() - t);
    if (!result.ok) throw new Error(`the fast script failed: ${result.error.message}`);
  }
  return { runs: ms.length, medianMs: median(ms), p95Ms: percentile(ms, 0.95) };
}

/** Clients of the slow source, each sending its next request as soon as the last is answered. */
function slowNeighbour(pool: WorkerPool, key: string, clients: number, bounded: boolean) {
  const outcomes: Record<string, number> = {};
  let stopped = false;
  const client = async () => {
    while (!stopped) {
      const result = await pool.run(stuck, { key, bounded });
      const kind = result.ok ? 'ok' : result.error.kind;
      outcomes[kind] = (outcomes[kind] ?? 0) + 1;
      // A refused client retries soon, as a provider honouring Retry-After would, only faster.
      if (kind === 'busy') await new Promise((r) => setTimeout(r, 50));
    }
  };
  const running = Array.from({ length: clients }, client);
  return {
    /** Closes the pool; the outcomes counted before it (the runs it cut short aren't). */
    stop: async () => {
      stopped = true;
      const counted = { ...outcomes };
      await pool.close();
      await Promise.all(running);
      return counted;
    },
  };
}

async function warm(pool: WorkerPool) {
  for (let i = 0; i < 50; i++) await pool.run(fast, { key: 'fast' });
}

const alonePool = createWorkerRunner(WORKER);
await warm(alonePool);
const alone = await fastLatencies(alonePool, 'fast', FAST_RUNS, 0);
await alonePool.close();

const pool = createWorkerRunner(WORKER);
await warm(pool);
const neighbour = slowNeighbour(pool, 'slow', SLOW_CLIENTS, true);
await new Promise((r) => setTimeout(r, 200));
const withSlow = await fastLatencies(pool, 'fast', FAST_RUNS, MIN_WINDOW_MS);
const slowOutcomes = await neighbour.stop();

// Before the pool: one worker and one queue for every source.
const shared = createWorkerRunner(WORKER, { workers: 1 });
await warm(shared);
const sharedNeighbour = slowNeighbour(shared, 'all', SHARED_QUEUE_SLOW_CLIENTS, false);
await new Promise((r) => setTimeout(r, 200));
const sharedQueue = await fastLatencies(shared, 'all', SHARED_QUEUE_RUNS, 0);
await sharedNeighbour.stop();

const result = {
  workers: Math.min(2, availableParallelism()),
  slowClients: SLOW_CLIENTS,
  alone,
  withSlow: { ...withSlow, slowOutcomes },
  sharedQueue: { ...sharedQueue, slowClients: SHARED_QUEUE_SLOW_CLIENTS },
};
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
