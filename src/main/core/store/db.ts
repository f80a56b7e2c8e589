import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { checksAtOpen, DatabaseDamagedError, isCorruptionError, quickCheck } from './integrity';
import { migrate } from './migrate';
import { migrations } from './migrations';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /** better-sqlite3 `nativeBinding`, for a host whose runtime ABI differs from Node's (Electron). */
  nativeBinding?: string;
  /**
   * Run `PRAGMA quick_check` before migrating (see integrity.ts for its cost): always, never, or
   * (`if-small`, the default for files) only when `checksAtOpen` says so; the caller checks a
   * larger file with `checkInBackground` once it runs.
   */
  checkIntegrity?: boolean | 'if-small';
}

/**
 * Opens (creating if needed) and migrates the database.
 * WAL + synchronous=NORMAL: a committed transaction survives a crash of the app (the WAL is in the
 * OS's hands at commit); only a power loss may drop the last commits. That is the SPEC's bar.
 * A damaged file raises `DatabaseDamagedError` (before any migration writes to it).
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  try {
    return openAndMigrate(file, options);
  } catch (error) {
    if (isCorruptionError(error)) throw new DatabaseDamagedError(file, [error instanceof Error ? error.message : String(error)]);
    throw error;
  }
}

function openAndMigrate(file: string, options: OpenDatabaseOptions): Db {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    configure(db);
    const check = options.checkIntegrity ?? (file === ':memory:' ? false : 'if-small');
    if (check === true || (check === 'if-small' && checksAtOpen(file))) {
      const problems = quickCheck(db);
      if (problems.length > 0) throw new DatabaseDamagedError(file, problems);
    }
    migrate(db, migrations);
  } catch (error) {
    // Closed before anyone moves the file aside (Windows can't rename an open file).
    db.close();
    throw error;
  }
  return db;
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Opening and migrating may wait this long for another program; the running app lowers it (RUNNING_BUSY_TIMEOUT_MS).
  db.pragma('busy_timeout = 5000');
  // Checkpoint every ~80 MB of WAL rather than 4 MB: hot index pages are copied back once, not
  // over and over, and the receiver stalls rarely (measured: p99 13 ms vs 17 ms at 2,000 pages).
  db.pragma('wal_autocheckpoint = 20000');
  // After a burst, the WAL file shrinks back to this size once it has been checkpointed.
  db.pragma('journal_size_limit = 67108864');
  // better-sqlite3 builds SQLite with a 16 MiB page cache, which a webhook burst fills with pages
  // written once and never read again; pages read back come from the OS's file cache at a few µs.
  db.pragma('cache_size = -8000');
}
