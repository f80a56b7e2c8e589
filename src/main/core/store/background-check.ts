import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { DAMAGED_DATABASE_OPTIONS, QUICK_CHECK_MAX_ERRORS } from './integrity';

/**
 * The start-up integrity check of a database too large to check before the host answers
 * (see `checksAtOpen`): `PRAGMA quick_check` on a connection of its own in a worker thread, so
 * the host serves the UI and the receiver while it reads every page (23-30 s for a 1.1 GB log on a
 * loaded machine, during which a check at open left the UI waiting).
 */
export interface BackgroundCheck {
  /** The problems found (empty: sound), why the check could not run, or null once stopped. */
  readonly result: Promise<BackgroundCheckOutcome | null>;
  /** Stops waiting for it; the worker ends once SQLite hands back, and never holds the process. */
  stop(): void;
}

export type BackgroundCheckOutcome = { problems: string[] } | { failed: string };

export interface BackgroundCheckOptions {
  nativeBinding?: string | undefined;
  maxErrors?: number;
}

/*
 * CommonJS run by `new Worker(…, { eval: true })`: no file to build or ship next to the bundle.
 * On Linux a thread's nice value is its own, so the check yields the CPU to the host's threads;
 * elsewhere `setPriority(0)` would lower the whole process, so it is left alone.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
if (process.platform === 'linux') { try { require('node:os').setPriority(0, 19); } catch {} }
const Database = require(workerData.modulePath);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  const rows = db.pragma('quick_check(' + workerData.maxErrors + ')');
  parentPort.postMessage({ problems: rows.map((r) => r.quick_check) });
} catch (error) {
  parentPort.postMessage({ error: String(error && error.message || error) });
} finally {
  if (db) db.close();
}
`;

const requireHere = createRequire(import.meta.url);

export function checkInBackground(file: string, options: BackgroundCheckOptions = {}): BackgroundCheck {
  const maxErrors = Math.max(1, Math.floor(options.maxErrors ?? QUICK_CHECK_MAX_ERRORS));
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, maxErrors, modulePath: requireHere.resolve('better-sqlite3'), nativeBinding: options.nativeBinding },
    });
  } catch (error) {
    return { result: Promise.resolve({ failed: String(error) }), stop() {} };
  }
  worker.unref();
  let settle: (value: BackgroundCheckOutcome | null) => void = () => {};
  const result = new Promise<BackgroundCheckOutcome | null>((resolve) => (settle = resolve));
  worker.once('message', (message: { problems?: string[]; error?: string }) => {
    const problems = message.problems;
    if (!problems) return settle({ failed: message.error ?? 'no answer' });
    settle({ problems: problems.length === 1 && problems[0] === 'ok' ? [] : problems });
  });
  worker.once('error', (error) => settle({ failed: error.message }));
  worker.once('exit', (code) => settle({ failed: `the check ended early (exit ${code})` }));
  return {
    result,
    stop() {
      settle(null);
      void worker.terminate();
    },
  };
}

/**
 * Checks `file` in the background and says in the host's log what it found: damage with the ways
 * out (the host keeps running; what is on the damaged pages fails where it is read).
 */
export function checkAndReport(file: string, logger: { warn(message: string): void; error(message: string): void }, options: BackgroundCheckOptions = {}): BackgroundCheck {
  const check = checkInBackground(file, options);
  void check.result.then((outcome) => {
    if (outcome === null) return;
    if ('failed' in outcome) logger.warn(`The database ${file} could not be checked for damage: ${outcome.failed}`);
    else if (outcome.problems.length > 0) logger.error(describeFoundLater(file, outcome.problems));
  });
  return check;
}

/** Damage found while the host runs: what is wrong, and the same ways out as a refused start. */
export function describeFoundLater(file: string, problems: string[]): string {
  const listed = problems.slice(0, 3).join('; ');
  return (
    `The database ${file} is damaged (${listed}${problems.length > 3 ? '; …' : ''}). Inlet keeps running, but events on the ` +
    `damaged pages can't be read. Stop Inlet to use one of the ways out.\n${DAMAGED_DATABASE_OPTIONS}`
  );
}
