import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { silentLogger, type Logger } from '../ports';
import type { Db } from './db';
import { CORRUPTION, isCorruptionError } from './integrity';
import { startSqliteThread, type SqliteThread } from './sqlite-thread';

/** The index's file, next to the log's (inlet.db). Only ever rebuilt from the log: safe to delete. */
export const SEARCH_INDEX_FILE = 'search.db';
/** Bodies are indexed by their first 64 KiB (cut at a character); binary ones are not indexed. */
export const MAX_INDEXED_BYTES = 64 * 1024;
/** Events per indexing transaction: fewer, larger FTS5 segments than the receiver's small commits would make. */
const BATCH = 1_000;
/** How often the thread looks for new events when it has caught up. A search never waits for it (`catchUp`). */
const POLL_MS = 250;
/** A search waits at most this long for the index to catch up, then answers from what is indexed. */
const CATCH_UP_MS = 2_000;
/**
 * While the host's event loop is saturated (`SearchIndexOptions.saturation`), the thread indexes
 * only when a search waits or the index is this many events behind the log: some 25 s of a
 * receiver saturated at 12,000 requests a second. At 100,000 it started 8 s into such a burst and
 * took 250–900 ms of a core a second from then on (bench/NOTES.md, session 11). Catching up
 * 100,000 events takes the thread ~3 s; a search waits at most CATCH_UP_MS for it, then answers
 * from what is indexed.
 */
const MAX_BEHIND_WHILE_SATURATED = 300_000;
const RETRY_MS = { first: 100, max: 5_000 };

/**
 * The full-text index of event bodies lives in a database file of its own, written only by a
 * thread of its own (`indexInBackground`). On the writer's connection, tokenising bodies and
 * FTS5's segment merges cost the receiver ~50 µs of CPU per request (a third of its work) and
 * stalled it for 140–340 ms at each big merge (bench/NOTES.md, session 7).
 *
 * Searches run on a connection of their own, this one: the log with the index attached as schema
 * `search` (queries join `search.events_fts` to `events`). Not the writer's: its BEGIN IMMEDIATE
 * would lock every attached file, and ingest would wait for the indexing thread's transactions.
 *
 * Opening creates the index file, or starts it over when it was built from another log (the meta
 * `log_id` differs: the log was started fresh, or another copy was put back) or is damaged.
 * An in-memory log (tests) gets an in-memory index on its own connection, which nothing fills.
 */
export function openSearchReader(db: Db, file: string, nativeBinding?: string): Db {
  // Not `fileMustExist`: its open flags hold for attached files too, and the index's may be new.
  const reader = db.memory ? db : new Database(db.name, nativeBinding ? { nativeBinding } : {});
  try {
    reader.pragma('busy_timeout = 1000');
    const target = db.memory ? ':memory:' : file;
    try {
      attach(reader, target);
      if (claimedByThisLog(reader)) return reader;
    } catch (error) {
      if (!isCorruptionError(error)) throw error;
    }
    startOver(reader, target);
    return reader;
  } catch (error) {
    if (reader !== db) reader.close();
    throw error;
  }
}

/** Detaches the index (if attached), deletes its files, and attaches a new, empty one claimed for this log. */
function startOver(reader: Db, file: string): void {
  const attached = reader.prepare("SELECT 1 FROM pragma_database_list WHERE name = 'search'").get() !== undefined;
  if (attached) reader.exec('DETACH DATABASE search');
  if (file !== ':memory:') for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  attach(reader, file);
  if (!claimedByThisLog(reader)) throw new Error(`could not start the search index over in ${file}`);
}

function attach(db: Db, file: string): void {
  db.prepare('ATTACH DATABASE ? AS search').run(file);
  db.pragma('search.journal_mode = WAL');
  // better-sqlite3's default page cache is 16 MiB per schema. At 1M events (bench/NOTES.md, session 7):
  // 8 MiB for the index keeps a common word's search at 1.2 ms (2 MiB: 3.5-4 ms); the log's rows a
  // page shows need little. Peak RSS of a process paging and searching it: 140 -> 127 MiB.
  db.pragma('main.cache_size = -2000');
  db.pragma('search.cache_size = -8000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS search.meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    -- rowid = events.id; events are indexed in id order, so one mark (meta 'indexed_upto') says how far it got.
    CREATE VIRTUAL TABLE IF NOT EXISTS search.events_fts USING fts5(body, content='', contentless_delete=1, tokenize='unicode61');
  `);
}

/** Whether the attached index was built from this log; a new, empty one is claimed for it. */
function claimedByThisLog(db: Db): boolean {
  const logId = db.prepare<[], string>("SELECT value FROM main.meta WHERE key = 'log_id'").pluck().get() ?? '';
  const own = db.prepare<[], string>("SELECT value FROM search.meta WHERE key = 'log_id'").pluck().get();
  const mark = Number(db.prepare<[], string>("SELECT value FROM search.meta WHERE key = 'indexed_upto'").pluck().get() ?? 0);
  if (own === undefined && mark === 0) {
    db.prepare("INSERT INTO search.meta (key, value) VALUES ('log_id', ?)").run(logId);
    return true;
  }
  // An index ahead of this log's ids (they started over) is started over by the thread itself.
  return own === logId;
}

export interface SearchIndex {
  /**
   * Resolves true once every event committed before the call is indexed: a search must see every
   * logged event. After CATCH_UP_MS (a backlog of some 100,000 events), or once the thread has
   * waited out its busy timeout (1 s) on an index file locked by another program, it resolves
   * false: the search answers from what is indexed.
   */
  catchUp(): Promise<boolean>;
  /**
   * After a search met a damaged page: checks the index's file (on the thread, a read of all of it)
   * and, when the damage is there, starts the index over from the log. Resolves true once it has
   * (a search can run again; it finds events as the thread indexes them again), false when the
   * index is sound: the damage is in the log.
   */
  recoverFromDamage(): Promise<boolean>;
  /** Drops the index entries of deleted events with ids in [from, to]; events still in the log keep theirs. */
  forget(from: number, to: number): void;
  /** Ends the thread after the batch in progress; call before closing the database. */
  stop(): Promise<void>;
}

export interface SearchIndexOptions {
  nativeBinding?: string | undefined;
  logger?: Logger;
  /** The host loop's saturation flag (util/saturation.ts): while set, indexing waits for a search or a long backlog. */
  saturation?: Int32Array | undefined;
  /** How far behind the log the index may fall while the host is saturated (tests). */
  maxBehindWhileSaturated?: number;
}

type FromThread =
  | { caughtUp: number; complete: boolean }
  | { checked: number; damaged: boolean }
  | { damaged: string }
  | { error: string }
  | { resumed: true };

/*
 * The thread's source (sqlite-thread.ts runs it). It reads the log (never writes it) and writes
 * the index in deferred transactions, which lock only the index file: the receiver never waits
 * for this thread.
 */
const WORKER_SOURCE = `
const { parentPort, workerData: w } = require('node:worker_threads');
const { isUtf8 } = require('node:buffer');
const Database = require(w.modulePath);
const messageOf = (error) => String((error && error.message) || error);
let db;
try {
  db = new Database(w.logFile, { fileMustExist: true, ...(w.nativeBinding ? { nativeBinding: w.nativeBinding } : {}) });
  db.pragma('busy_timeout = 1000');
  // Bodies are read once, in order: a small cache for the log. Its own pages are rewritten by merges:
  // a larger one for the index (peak RSS of the host while ingesting: 146 -> 137 MiB with these).
  db.pragma('main.cache_size = -256');
  db.prepare('ATTACH DATABASE ? AS search').run(w.indexFile);
  db.pragma('search.synchronous = NORMAL');
  db.pragma('search.cache_size = -1000');
} catch (error) {
  parentPort.postMessage({ error: messageOf(error) });
  process.exit(0);
}
// The length of the start of a body to index: up to the limit, cut before a character the limit
// falls inside; 0 for an empty or binary (not UTF-8) body. Called with one byte past the limit.
db.function('indexable_length', { deterministic: true }, (body) => {
  if (!Buffer.isBuffer(body) || body.length === 0) return 0;
  let end = body.length;
  if (end > w.maxBytes) for (end = w.maxBytes; end > 0 && (body[end] & 0xc0) === 0x80; end--);
  return isUtf8(body.subarray(0, end)) ? end : 0;
});
const getMark = db.prepare("SELECT value FROM search.meta WHERE key = 'indexed_upto'").pluck();
const setMark = db.prepare("INSERT INTO search.meta (key, value) VALUES ('indexed_upto', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
const lastLogged = db.prepare('SELECT MAX(id) FROM main.events').pluck();
// FTS5's own command: empties a contentless index.
const forgetAll = db.prepare("INSERT INTO search.events_fts (events_fts) VALUES ('delete-all')");
const nextBatch = db.prepare('SELECT COUNT(*) AS n, MAX(id) AS last FROM (SELECT id FROM main.events WHERE id > ? ORDER BY id LIMIT ?)');
// The text goes from the log to the index inside SQLite: this thread's heap never holds a batch of bodies.
const insertBatch = db.prepare(\`
  INSERT INTO search.events_fts (rowid, body)
  SELECT id, CAST(substr(head, 1, n) AS TEXT) FROM (
    SELECT id, head, indexable_length(head) AS n FROM (SELECT id, substr(body, 1, ?) AS head FROM main.events WHERE id > ? AND id <= ?)
  ) WHERE n > 0\`);
const forgetRange = db.prepare('DELETE FROM search.events_fts WHERE rowid BETWEEN ? AND ? AND rowid NOT IN (SELECT id FROM main.events WHERE id BETWEEN ? AND ?)');
// Deletions the thread was told of but never made (the app quit first): everything below the log's oldest event.
const forgetBelowLog = db.prepare('DELETE FROM search.events_fts WHERE rowid < (SELECT MIN(id) FROM main.events)');

/** Indexes up to \`limit\` events past the mark; returns how many it looked at. */
const indexBatch = db.transaction((limit) => {
  let mark = Number(getMark.get() ?? 0);
  // Retention by age emptied the log, and ids started over from 1 (they are the table's rowids):
  // the index starts over with them.
  if (mark > (lastLogged.get() ?? 0)) {
    forgetAll.run();
    setMark.run('0');
    mark = 0;
  }
  const { n, last } = nextBatch.get(mark, limit);
  if (n === 0) return 0;
  insertBatch.run(w.maxBytes + 1, mark, last);
  setMark.run(String(last));
  return n;
});

// isCorruptionError (integrity.ts), with its patterns.
const corruptionCode = new RegExp(w.corruptionCode);
const corruptionMessage = new RegExp(w.corruptionMessage, 'i');
const isCorruption = (error) => corruptionCode.test(String(error && error.code)) || corruptionMessage.test(messageOf(error));
// Whether the index's own file is damaged (as opposed to the log it reads): SQLite's page-level
// check, then FTS5's own. Reads the whole index, on this thread.
const indexDamaged = () => {
  try {
    const [row] = db.pragma('search.quick_check(1)');
    if (Object.values(row)[0] !== 'ok') return true;
    db.prepare("INSERT INTO search.events_fts (events_fts) VALUES ('integrity-check')").run();
    return false;
  } catch (error) {
    return isCorruption(error);
  }
};

let timer;
let stopped = false;
let failing = false;
// A damaged index is started over by the host, with a new thread: this one stops working.
const endIfDamaged = (error) => {
  if (!isCorruption(error) || !indexDamaged()) return false;
  stopped = true;
  clearTimeout(timer);
  answerWaiting(false);
  parentPort.postMessage({ damaged: messageOf(error) });
  return true;
};
let retryMs = w.retryFirstMs;
let waiting = [];
const answerWaiting = (complete) => {
  for (const id of waiting) parentPort.postMessage({ caughtUp: id, complete });
  waiting = [];
};
const schedule = (ms) => {
  clearTimeout(timer);
  timer = setTimeout(run, ms);
};
const failed = (error) => {
  if (!failing) parentPort.postMessage({ error: messageOf(error) });
  failing = true;
};
// While the receiver's loop is saturated, a core taken by indexing adds to every request's wait:
// the thread indexes then only for a waiting search, or to stay within a bound of the log.
const puttingOff = () => {
  if (!w.saturation || Atomics.load(w.saturation, 0) !== 1 || waiting.length > 0) return false;
  return (lastLogged.get() ?? 0) - Number(getMark.get() ?? 0) < w.maxBehindWhileSaturated;
};
function run() {
  if (stopped) return;
  let indexed;
  try {
    if (puttingOff()) return schedule(w.pollMs);
    indexed = indexBatch(w.batch);
  } catch (error) {
    if (endIfDamaged(error)) return;
    failed(error);
    answerWaiting(false);
    schedule(retryMs);
    retryMs = Math.min(retryMs * 2, w.retryMaxMs);
    return;
  }
  if (failing) parentPort.postMessage({ resumed: true });
  failing = false;
  retryMs = w.retryFirstMs;
  // A full batch: more are waiting. The next one starts after any message that came meanwhile.
  if (indexed === w.batch) return schedule(0);
  answerWaiting(true);
  schedule(w.pollMs);
}
try {
  forgetBelowLog.run();
} catch (error) {
  if (!endIfDamaged(error)) failed(error);
}
if (!stopped) schedule(0);
parentPort.on('message', (message) => {
  if (message.type === 'stop') {
    stopped = true;
    clearTimeout(timer);
    db.close();
    parentPort.close();
  } else if (message.type === 'catchUp') {
    if (stopped) return parentPort.postMessage({ caughtUp: message.id, complete: false });
    waiting.push(message.id);
    schedule(0);
  } else if (message.type === 'check') {
    parentPort.postMessage({ checked: message.id, damaged: indexDamaged() });
  } else if (message.type === 'forget') {
    try {
      forgetRange.run(message.from, message.to, message.from, message.to);
    } catch (error) {
      if (!endIfDamaged(error)) failed(error);
    }
  }
});
`;

/** Starts indexing the log into the index `reader` has attached (`openSearchReader`), on a thread of its own. */
export function indexInBackground(reader: Db, options: SearchIndexOptions = {}): SearchIndex {
  const logger = options.logger ?? silentLogger;
  const indexFile = reader.prepare<[], string>("SELECT file FROM pragma_database_list WHERE name = 'search'").pluck().get();
  const idle: SearchIndex = {
    catchUp: () => Promise.resolve(false),
    recoverFromDamage: () => Promise.resolve(false),
    forget: () => undefined,
    stop: () => Promise.resolve(),
  };
  if (reader.memory || !indexFile) return idle;
  const answers = new Map<number, (value: boolean) => void>();
  let nextId = 0;
  let current: { thread: SqliteThread; running: boolean } | null = null;
  let rebuilding: Promise<boolean> | null = null;
  let stopped = false;

  const start = (): boolean => {
    let thread: SqliteThread;
    try {
      thread = startSqliteThread(
        WORKER_SOURCE,
        {
          logFile: reader.name,
          indexFile,
          batch: BATCH,
          maxBytes: MAX_INDEXED_BYTES,
          pollMs: POLL_MS,
          retryFirstMs: RETRY_MS.first,
          retryMaxMs: RETRY_MS.max,
          corruptionCode: CORRUPTION.code.source,
          corruptionMessage: CORRUPTION.message.source,
          nativeBinding: options.nativeBinding,
          saturation: options.saturation,
          maxBehindWhileSaturated: options.maxBehindWhileSaturated ?? MAX_BEHIND_WHILE_SATURATED,
        },
        // The text goes from the log to the index inside SQLite; the heap holds a body's Buffer at a time.
        { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 32 },
      );
    } catch (error) {
      logger.error('search will not find new events: the indexing thread did not start', { error: String(error) });
      return false;
    }
    const run = { thread, running: true };
    current = run;
    thread.worker.on('message', (message: FromThread) => {
      if ('caughtUp' in message) answers.get(message.caughtUp)?.(message.complete);
      else if ('checked' in message) answers.get(message.checked)?.(message.damaged);
      else if ('damaged' in message) void rebuild(message.damaged);
      else if ('error' in message) logger.warn('full-text indexing paused: search may miss the newest events', { error: message.error });
      else logger.info('full-text indexing resumed');
    });
    thread.worker.on('error', (error) => logger.error('the full-text indexing thread failed: search will not find new events', { error: error.message }));
    void thread.exited.then(() => {
      run.running = false;
      if (current === run) for (const answer of [...answers.values()]) answer(false);
    });
    return true;
  };

  /** Asks the running thread; `false` once `timeoutMs` passed or the thread ended. */
  const ask = (message: Record<string, unknown>, timeoutMs: number): Promise<boolean> => {
    if (!current?.running) return Promise.resolve(false);
    const id = nextId++;
    const { worker } = current.thread;
    return new Promise<boolean>((resolve) => {
      const answer = (value: boolean) => {
        clearTimeout(timer);
        answers.delete(id);
        resolve(value);
      };
      const timer = setTimeout(() => answer(false), timeoutMs);
      answers.set(id, answer);
      worker.postMessage({ ...message, id });
    });
  };

  /** Ends the thread, starts the index file over, and starts a new thread on it, once at a time. */
  const rebuild = (why: string): Promise<boolean> =>
    (rebuilding ??= (async () => {
      logger.warn(`The search index (${indexFile}) is damaged: it is being rebuilt from the log. Until it is done, searches may miss events.`, { error: why });
      await current?.thread.stop({ type: 'stop' });
      if (stopped) return false;
      try {
        startOver(reader, indexFile);
      } catch (error) {
        logger.error('the search index could not be rebuilt: search will not find events', { error: String(error) });
        return false;
      }
      return start();
    })().finally(() => {
      rebuilding = null;
    }));

  if (!start()) return idle;
  return {
    catchUp: () => ask({ type: 'catchUp' }, CATCH_UP_MS),
    async recoverFromDamage() {
      if (rebuilding) return rebuilding;
      // Reading a large index through takes its time: the search waits for the answer.
      const damaged = await ask({ type: 'check' }, 60_000);
      return damaged ? rebuild('met by a search') : false;
    },
    forget(from, to) {
      if (current?.running) current.thread.worker.postMessage({ type: 'forget', from, to });
    },
    async stop() {
      stopped = true;
      await rebuilding;
      await current?.thread.stop({ type: 'stop' });
    },
  };
}
