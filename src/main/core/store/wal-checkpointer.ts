import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './db';

/**
 * WAL checkpoints off the event loop. A checkpoint copies the WAL's pages into the database file
 * and, with synchronous=NORMAL, fsyncs both files: the writer's own autocheckpoint (every 20,000
 * pages, db.ts) stopped the event loop for 0.35–0.6 s each time on a 100 MB/s disk, about every
 * 28,000 received events, and every request in flight waited for it.
 *
 * A connection in a worker thread checkpoints PASSIVE (it never waits for, nor blocks, the writer).
 * The WAL starts over only when a write begins with every frame copied, which a busy writer never
 * lets a checkpoint on another thread reach: so the worker goes again soon while passes are long,
 * each one copying what was written during the last, and once a pass is short the writer
 * copies the few frames left itself (milliseconds, not the whole WAL). The writer's autocheckpoint
 * stays as the fallback should this thread stop. Durability is unchanged: a commit is in the WAL
 * before a request is answered, whoever copies it into the database later.
 */
export interface WalCheckpointer {
  /** Ends the thread (a checkpoint in progress finishes first); call before closing the database. */
  stop(): Promise<void>;
}

export interface WalCheckpointerOptions {
  nativeBinding?: string | undefined;
  /** How often the worker looks for frames to copy when the last pass was short. */
  everyMs?: number;
  onError?: (message: string) => void;
}

/** A pass this short leaves a rest the writer copies in a moment. */
const QUICK_PASS_MS = 20;
/** After a longer pass, the next starts this soon: often enough to shrink the rest, not a busy loop of fsyncs. */
const AGAIN_AFTER_MS = 50;
/**
 * The writer copies the rest only once the WAL holds this many frames (16 MiB): each time costs it
 * a few milliseconds of fsync, so not at every quick pass.
 */
const RESTART_AFTER_FRAMES = 4_000;

interface PassReport {
  frames?: number;
  ms?: number;
  error?: string;
}

/*
 * CommonJS run by `new Worker(…, { eval: true })`: no file to build or ship next to the bundle.
 * busy_timeout 0: a pass that finds another checkpoint running is skipped; the next one tries again.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
let db;
try {
  db = new Database(workerData.file, { fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  db.pragma('busy_timeout = 0');
  db.pragma('cache_size = -256');
} catch (error) {
  parentPort.postMessage({ error: String((error && error.message) || error) });
  process.exit(0);
}
let timer;
let stopped = false;
let reported = false;
const pass = () => {
  if (stopped) return;
  const started = performance.now();
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    const ms = performance.now() - started;
    if (row.log > 0) parentPort.postMessage({ frames: row.log, ms });
    timer = setTimeout(pass, ms > workerData.quickMs ? workerData.againMs : workerData.everyMs);
  } catch (error) {
    if (!reported) parentPort.postMessage({ error: String((error && error.message) || error) });
    reported = true;
    timer = setTimeout(pass, workerData.everyMs);
  }
};
timer = setTimeout(pass, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  stopped = true;
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
`;

const requireHere = createRequire(import.meta.url);

/** Starts checkpointing `db` (a WAL database file) from a thread of its own. */
export function checkpointInBackground(db: Db, options: WalCheckpointerOptions = {}): WalCheckpointer {
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        file: db.name,
        everyMs: options.everyMs ?? 500,
        quickMs: QUICK_PASS_MS,
        againMs: AGAIN_AFTER_MS,
        modulePath: requireHere.resolve('better-sqlite3'),
        nativeBinding: options.nativeBinding,
      },
      // A connection and a timer: the smallest heap Node allows keeps the thread's memory down.
      resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 8 },
    });
  } catch (error) {
    options.onError?.(String(error));
    return { stop: () => Promise.resolve() };
  }
  let stopping = false;
  worker.unref();
  worker.on('message', (report: PassReport) => {
    if (report.error) return options.onError?.(report.error);
    if (stopping || report.ms === undefined || report.ms > QUICK_PASS_MS || (report.frames ?? 0) < RESTART_AFTER_FRAMES) return;
    // Between requests, never inside a transaction: what the short pass left is copied here, so
    // the next write finds every frame copied and starts the WAL over.
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      options.onError?.(String(error));
    }
  });
  worker.on('error', (error) => options.onError?.(error.message));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop() {
      stopping = true;
      worker.postMessage('stop');
      // A thread that does not end by itself (it should) must not hold the host's shutdown.
      const timer = setTimeout(() => void worker.terminate(), 5_000);
      return exited.then(() => clearTimeout(timer));
    },
  };
}
