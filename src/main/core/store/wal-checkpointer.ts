import { statSync } from 'node:fs';
import type { Db } from './db';
import { startSqliteThread, type SqliteThread } from './sqlite-thread';
import { loopUtilization } from '../util/loop-utilization';
import { isBusy } from '../util/sqlite-errors';

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
 * copies the few frames left itself (milliseconds of copying, not the whole WAL).
 *
 * That copy costs the writer more than its few frames: an fsync of each file (20–40 ms while
 * the thread's own passes keep the disk busy) and, when the WAL has grown past its limit, an
 * ftruncate back to it (`journal_size_limit`, db.ts; 23 ms from 128 MiB, 152 ms from 512 MiB,
 * made by the first commit after the restart). So while the writer is busy (a burst, a backlog
 * being processed) the WAL starts over only once it is long (512 MiB), and without shrinking the
 * file: under sustained processing, restarting every 4,000 frames added ~12 % to the writer's
 * time, and taking a steady 2,000–4,000 requests a second, a restart every 128 MiB (every few
 * seconds) was the longest stall left, holding the requests in flight 20–40 ms each time. While
 * this thread runs, the writer's autocheckpoint is only a fallback, at 1 GiB, and the WAL file is
 * never shrunk by a commit (`journal_size_limit` -1). Once the writer is quiet (no received
 * request for a moment, and its loop under half busy) the WAL starts over at the next quick pass
 * and shrinks there and then, by a write of the writer's own, not in a request's commit. Durability is
 * unchanged: a commit is in the WAL before a request is answered, whoever copies it into the
 * database later.
 */
export interface WalCheckpointer {
  /** Called when received requests were committed: the writer is busy for a moment after. */
  noteIngest(): void;
  /** Ends the thread (a checkpoint in progress finishes first); call before closing the database. */
  stop(): Promise<void>;
}

export interface WalCheckpointerOptions {
  nativeBinding?: string | undefined;
  /** How often the worker looks for frames to copy when the last pass was short. */
  everyMs?: number;
  /**
   * Whether the writer is busy now: it then leaves the rest to later, until the WAL is long. By
   * default, a request was received within INGEST_QUIET_MS or its event loop was more than half
   * busy lately (a backlog being processed).
   */
  busy?: () => boolean;
  onError?: (message: string) => void;
  /**
   * The host loop's saturation flag (util/saturation.ts): while it is set, passes wait until the
   * WAL holds `copyWhileSaturatedPastBytes`.
   */
  saturation?: Int32Array | undefined;
  copyWhileSaturatedPastBytes?: number;
}

/** A pass this short leaves a rest the writer copies in a moment. */
const QUICK_PASS_MS = 20;
/** After a longer pass, or while a long WAL keeps growing, the next starts this soon: often enough to shrink the rest, not a busy loop of fsyncs. */
const AGAIN_AFTER_MS = 50;
/**
 * The writer copies the rest only once the WAL holds this many frames (16 MiB): each time costs it
 * a few milliseconds of fsync, so not at every quick pass.
 */
const RESTART_AFTER_FRAMES = 4_000;
/** A busy writer copies the rest only past this many frames (512 MiB). */
const BUSY_RESTART_AFTER_FRAMES = 131_072;
/**
 * While the host's loop is saturated, the thread copies nothing until the WAL is this long: each
 * pass's copying and fsyncs took a core from the receiver, whose requests all waited (bench/NOTES.md,
 * sessions 9 and 11). 768 MiB is some 15 s of a receiver saturated at 12,000 requests a second
 * (~4.8 KiB of WAL per 1 KiB request); at 256 MiB, 4 s into such a burst, the first pass took
 * 300 ms of a core and the rest 60–70 ms a second. The copying is done after the burst, or past
 * this length, at the pace above, well before the writer's fallback autocheckpoint (1 GiB).
 * Meanwhile the WAL file takes that much disk, until the writer is quiet again.
 */
const COPY_WHILE_SATURATED_PAST_BYTES = 768 * 1024 * 1024;
/** The writer counts as busy for this long after received requests were committed. */
const INGEST_QUIET_MS = 250;
/** The writer's own autocheckpoint while this thread runs (1 GiB); db.ts sets it lower for a writer alone. */
const FALLBACK_AUTOCHECKPOINT_FRAMES = 262_144;

interface PassReport {
  frames?: number;
  ms?: number;
  error?: string;
}

/*
 * The thread's source (sqlite-thread.ts runs it).
 * busy_timeout 0: a pass that finds another checkpoint running is skipped; the next one tries again.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
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
let lastFrames = 0;
const walBytes = () => {
  try {
    return statSync(workerData.file + '-wal').size;
  } catch {
    return 0;
  }
};
const puttingOff = () => workerData.saturation !== undefined && Atomics.load(workerData.saturation, 0) === 1 && walBytes() < workerData.copyWhileSaturatedPastBytes;
const pass = () => {
  if (stopped) return;
  if (puttingOff()) {
    timer = setTimeout(pass, workerData.everyMs);
    return;
  }
  const started = performance.now();
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    const ms = performance.now() - started;
    if (row.log > 0) parentPort.postMessage({ frames: row.log, ms });
    // While a long WAL keeps growing (a busy writer leaves the rest to later), pass again soon; a
    // short one can wait: every pass that copies something is two fsyncs.
    const writing = row.log !== lastFrames && row.log >= workerData.restartFrames;
    lastFrames = row.log;
    timer = setTimeout(pass, ms > workerData.quickMs || writing ? workerData.againMs : workerData.everyMs);
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

/** Starts checkpointing `db` (a WAL database file) from a thread of its own. */
export function checkpointInBackground(db: Db, options: WalCheckpointerOptions = {}): WalCheckpointer {
  let thread: SqliteThread;
  try {
    thread = startSqliteThread(
      WORKER_SOURCE,
      {
        file: db.name,
        everyMs: options.everyMs ?? 500,
        quickMs: QUICK_PASS_MS,
        againMs: AGAIN_AFTER_MS,
        restartFrames: RESTART_AFTER_FRAMES,
        nativeBinding: options.nativeBinding,
        saturation: options.saturation,
        copyWhileSaturatedPastBytes: options.copyWhileSaturatedPastBytes ?? COPY_WHILE_SATURATED_PAST_BYTES,
      },
      // A connection and a timer: the smallest heap Node allows keeps the thread's memory down.
      { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 8 },
    );
  } catch (error) {
    options.onError?.(String(error));
    return { noteIngest: () => {}, stop: () => Promise.resolve() };
  }
  let stopping = false;
  let ingestAt = -Infinity;
  const loop = loopBusy();
  const busy = options.busy ?? (() => writerBusy(performance.now() - ingestAt, loop));
  const ownAutocheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_FRAMES}`);
  const { worker } = thread;
  const ownSizeLimit = db.pragma('journal_size_limit', { simple: true }) as number;
  db.pragma('journal_size_limit = -1');
  // A write of the writer's own, so that the WAL starts over (and shrinks) now, not in the next request's commit.
  const startOver = db.prepare("INSERT INTO meta (key, value) VALUES ('wal_started_over_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  const walBytes = () => {
    try {
      return statSync(`${db.name}-wal`).size;
    } catch {
      return 0;
    }
  };
  let fileLeftLong = false;
  worker.on('message', (report: PassReport) => {
    if (report.error) return options.onError?.(report.error);
    if (stopping) return;
    const copies = writerCopiesRest(report, busy, fileLeftLong);
    if (copies === 'no') return;
    // Between requests, never inside a transaction: what the short pass left is copied here, so
    // the next write finds every frame copied and starts the WAL over. Shrinking the file as it
    // starts over is an ftruncate of up to 448 MiB, up to ~150 ms: left to a quiet writer, which
    // then starts over however few frames the WAL holds, and writes at once to do it now (a
    // search holding an older snapshot can put it off: then the next quiet pass tries again).
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
      if (copies === 'busy') fileLeftLong = true;
      else {
        db.pragma(`journal_size_limit = ${ownSizeLimit}`);
        try {
          startOver.run(String(Date.now()));
        } catch (error) {
          // Another program holds the write lock: the next quiet pass tries again.
          if (!isBusy(error)) throw error;
        } finally {
          db.pragma('journal_size_limit = -1');
        }
        fileLeftLong = walBytes() > ownSizeLimit;
      }
    } catch (error) {
      options.onError?.(String(error));
    }
  });
  worker.on('error', (error) => options.onError?.(error.message));
  // Whyever the thread ends (stopped, or it could not open the database), the writer checkpoints alone again.
  const ownAgain = () => {
    if (!db.open) return;
    db.pragma(`wal_autocheckpoint = ${ownAutocheckpoint}`);
    db.pragma(`journal_size_limit = ${ownSizeLimit}`);
  };
  void thread.exited.then(ownAgain);
  return {
    noteIngest() {
      ingestAt = performance.now();
    },
    stop() {
      stopping = true;
      ownAgain();
      return thread.stop('stop');
    },
  };
}

/**
 * Whether the writer copies what a pass left, so that the WAL starts over at its next write:
 * `quiet` when the writer is not busy (the file shrinks then too: at once if a busy restart left
 * it long), `busy` when the WAL is long.
 */
export function writerCopiesRest(report: { frames?: number; ms?: number }, busy: () => boolean, fileLeftLong = false): 'no' | 'quiet' | 'busy' {
  if (report.ms === undefined || report.ms > QUICK_PASS_MS) return 'no';
  const frames = report.frames ?? 0;
  if (frames < (fileLeftLong ? 1 : RESTART_AFTER_FRAMES)) return 'no';
  if (!busy()) return 'quiet';
  return frames >= BUSY_RESTART_AFTER_FRAMES ? 'busy' : 'no';
}

/** Whether the writer is busy, `msSinceIngest` after it last committed received requests. */
export function writerBusy(msSinceIngest: number, loopBusy: () => boolean): boolean {
  return msSinceIngest < INGEST_QUIET_MS || loopBusy();
}

function loopBusy(): () => boolean {
  const utilization = loopUtilization();
  return () => utilization() > 0.5;
}
