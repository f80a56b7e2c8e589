import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate';
import { migrations } from './migrations';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /** better-sqlite3 `nativeBinding`, for a host whose runtime ABI differs from Node's (Electron). */
  nativeBinding?: string;
}

/**
 * Opens (creating if needed) and migrates the database.
 * WAL + synchronous=NORMAL: a committed transaction survives a crash of the app (the WAL is in the
 * OS's hands at commit); only a power loss may drop the last commits. That is the SPEC's bar.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Checkpoint less often than every 1000 pages: hot index pages are copied back once, not often.
  db.pragma('wal_autocheckpoint = 8000');
  try {
    migrate(db, migrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
