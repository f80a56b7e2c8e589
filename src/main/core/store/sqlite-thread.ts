import { createRequire } from 'node:module';
import { Worker, type ResourceLimits } from 'node:worker_threads';

const requireHere = createRequire(import.meta.url);

export interface SqliteThread {
  worker: Worker;
  /** Settles when the thread has ended, whyever it did. */
  exited: Promise<void>;
  /** Posts `message` (the thread's own way to close its connection and end), and waits for the end. */
  stop(message: unknown): Promise<void>;
}

/**
 * A background thread of the store: CommonJS `source` run by `new Worker(…, { eval: true })`, so
 * there is no file to build or ship next to the bundle. It finds better-sqlite3 at
 * `workerData.modulePath`. It does not keep the process alive; throws if it can't start.
 */
export function startSqliteThread(source: string, workerData: Record<string, unknown>, resourceLimits: ResourceLimits): SqliteThread {
  const worker = new Worker(source, { eval: true, workerData: { ...workerData, modulePath: requireHere.resolve('better-sqlite3') }, resourceLimits });
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    worker,
    exited,
    stop(message) {
      worker.postMessage(message);
      // A thread that does not end by itself (it should) must not hold the host's shutdown.
      const timer = setTimeout(() => void worker.terminate(), 5_000);
      return exited.then(() => clearTimeout(timer));
    },
  };
}
