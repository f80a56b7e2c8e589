import { Worker } from 'node:worker_threads';
import { runPreprocess } from './run-preprocess.js';
import { DEFAULT_LIMITS, type PreprocessInput, type PreprocessResult } from './types.js';

/** Runs preprocess scripts: in this thread, or in a worker thread that can be stopped hard. */
export interface SandboxRunner {
  run(input: PreprocessInput): Promise<PreprocessResult>;
  close(): Promise<void>;
}

/** In-thread runs (tests, and hosts without a built worker). */
export const inThreadRunner: SandboxRunner = { run: runPreprocess, close: async () => {} };

/**
 * Time beyond the script's own limit before the worker is terminated. QuickJS's interrupt stops
 * ordinary overruns at the limit itself; this only catches a script stuck inside a native
 * built-in, so it can be generous enough that a busy machine never trips it.
 */
const GRACE_MS = 1_000;
/** A worker that does not even start a run in this long is stuck or dead, and is replaced. */
const START_TIMEOUT_MS = 15_000;

/**
 * Runs scripts one at a time in a worker thread (`workerPath`, the built worker-entry). When a run
 * overstays its time limit plus a grace period — a script blocked inside a native built-in — the
 * worker is terminated and replaced, and the run answers `timeout`. The app's thread never waits.
 */
export function createWorkerRunner(workerPath: string): SandboxRunner {
  let worker: Worker | undefined;
  let nextId = 0;
  const waiting = new Map<number, { started(): void; done(result: PreprocessResult): void }>();
  // One run at a time: a terminated worker takes only its own run down with it.
  let queue: Promise<unknown> = Promise.resolve();

  const spawn = (): Worker => {
    const w = new Worker(workerPath);
    w.unref();
    w.on('message', (message: { id: number; started?: true; result?: PreprocessResult }) => {
      const run = waiting.get(message.id);
      if (!run) return;
      if (message.started) return run.started();
      waiting.delete(message.id);
      run.done(message.result!);
    });
    w.on('error', () => undefined);
    w.on('exit', () => {
      if (worker === w) worker = undefined;
    });
    return w;
  };

  const runOne = (input: PreprocessInput): Promise<PreprocessResult> =>
    new Promise((resolve) => {
      const id = nextId++;
      let started = performance.now();
      const limitMs = (input.limits?.timeoutMs ?? DEFAULT_LIMITS.timeoutMs) + GRACE_MS;
      const current = (worker ??= spawn());
      const stop = (message: string) => {
        waiting.delete(id);
        worker = undefined;
        void current.terminate();
        resolve({ ok: false, error: { kind: 'timeout', message }, durationMs: performance.now() - started, logs: [] });
      };
      let timer = setTimeout(() => stop('The script sandbox did not start the script in time; it was restarted.'), START_TIMEOUT_MS);
      waiting.set(id, {
        started() {
          started = performance.now();
          clearTimeout(timer);
          timer = setTimeout(
            () => stop(`The script was stopped after ${Math.round(performance.now() - started)} ms (it blocked inside a built-in function).`),
            limitMs,
          );
        },
        done(result) {
          clearTimeout(timer);
          resolve(result);
        },
      });
      current.postMessage({ id, input });
    });

  return {
    run(input) {
      const run = queue.then(() => runOne(input));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      await worker?.terminate();
      worker = undefined;
    },
  };
}
