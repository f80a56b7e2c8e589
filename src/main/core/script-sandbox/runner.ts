import { availableParallelism } from 'node:os';
import { FairQueue } from './fair-queue.js';
import { runPreprocess } from './run-preprocess.js';
import type { PreprocessInput, PreprocessResult } from './types.js';
import { failed, WorkerSlot } from './worker-slot.js';

export interface RunOptions {
  /** Whose run this is (a source): runs are shared fairly between keys. */
  key?: string;
  /** Aborted when nobody waits for the result any more: a run that hasn't started is dropped. */
  signal?: AbortSignal;
  /**
   * A sender is waiting (the receiver): refuse with `busy` when the key's queue is full rather
   * than queue without bound. Replays and imports leave it off; they wait their turn.
   */
  bounded?: boolean;
}

/** Runs preprocess scripts: in this thread, or in worker threads that can be stopped hard. */
export interface SandboxRunner {
  /** Never rejects; a refused, dropped or failed run is a result with `ok: false`. */
  run(input: PreprocessInput, options?: RunOptions): Promise<PreprocessResult>;
  close(): Promise<void>;
}

export const BUSY_MESSAGE = "This source's preprocess script is busy; retry later.";
export const CANCELLED_MESSAGE = 'The client went away before its preprocess script ran; the script did not run.';

/** In-thread runs (tests, and hosts without a built worker). */
export const inThreadRunner: SandboxRunner = {
  run: (input, options) => (options?.signal?.aborted ? Promise.resolve(failed('cancelled', CANCELLED_MESSAGE, 0)) : runPreprocess(input)),
  close: async () => {},
};

export interface WorkerPoolOptions {
  /** Worker threads; default min(2, cores). */
  workers?: number;
  /** Runs that may wait per key when `bounded`; one more is answered `busy`. Default 16. */
  queuePerSource?: number;
  /** Runs of one key in flight while others may need a worker. Default 1. */
  inFlightPerSource?: number;
  /**
   * Time beyond the script's own limit before its worker is terminated. QuickJS's interrupt stops
   * ordinary overruns at the limit itself; this only catches a script stuck inside a native
   * built-in (a catastrophic regex), so it can be generous enough that a busy machine never trips it.
   */
  graceMs?: number;
  /** A worker that does not start a run in this long is stuck or dead, and is replaced. */
  startTimeoutMs?: number;
}

export interface WorkerPool extends SandboxRunner {
  /**
   * Runs waiting and in flight, per key; runs started since creation; worker threads running now
   * (none until the first run: they start on demand, up to `workers`).
   */
  stats(): { waiting: Record<string, number>; inFlight: Record<string, number>; started: number; workers: number };
}

interface Job {
  input: PreprocessInput;
  resolve(result: PreprocessResult): void;
}

/**
 * Runs scripts in a few worker threads (`workerPath`, the built worker-entry), fairly between
 * sources: each source has its own queue, served round-robin, so a source whose script is slow
 * (or stuck until its hard deadline) holds one worker, not all of them, and its backlog waits
 * behind nobody else's. The app's thread never waits on a script.
 */
export function createWorkerRunner(workerPath: string, options: WorkerPoolOptions = {}): WorkerPool {
  const workers = Math.max(1, options.workers ?? Math.min(2, availableParallelism()));
  const queuePerSource = Math.max(0, options.queuePerSource ?? 16);
  const timing = { graceMs: options.graceMs ?? 1_000, startTimeoutMs: options.startTimeoutMs ?? 15_000 };
  const slots = Array.from({ length: workers }, () => new WorkerSlot(workerPath, timing));
  const queue = new FairQueue<Job>(Math.max(1, options.inFlightPerSource ?? 1));
  let started = 0;
  let closed = false;

  const pump = () => {
    for (;;) {
      const idle = slots.filter((slot) => !slot.busy);
      // A running worker first: another thread starts only when runs overlap.
      const slot = idle.find((s) => s.live) ?? idle[0];
      const next = slot && queue.next(idle.length);
      if (!slot || !next) return;
      started += 1;
      void slot.run(next.item.input).then((result) => {
        queue.finished(next.key);
        next.item.resolve(result);
        pump();
      });
    }
  };

  return {
    run(input, { key = '', signal, bounded = false } = {}) {
      if (closed) return Promise.resolve(failed('busy', 'Inlet is shutting down its script sandbox; retry later.', 0));
      if (signal?.aborted) return Promise.resolve(failed('cancelled', CANCELLED_MESSAGE, 0));
      return new Promise((resolve) => {
        const onAbort = () => {
          if (queue.remove(key, job)) resolve(failed('cancelled', CANCELLED_MESSAGE, 0));
        };
        const job: Job = {
          input,
          resolve(result) {
            signal?.removeEventListener('abort', onAbort);
            resolve(result);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(key, job);
        pump();
        // Counted after a free worker has had its chance to take the run straight away.
        if (bounded && queue.waitingFor(key) > queuePerSource && queue.remove(key, job)) job.resolve(failed('busy', BUSY_MESSAGE, 0));
      });
    },
    stats: () => ({ ...queue.stats(), started, workers: slots.filter((slot) => slot.live).length }),
    async close() {
      closed = true;
      for (const job of queue.drain()) job.resolve(failed('busy', 'Inlet shut its script sandbox down before the script ran; retry later.', 0));
      await Promise.all(slots.map((slot) => slot.close()));
    },
  };
}
