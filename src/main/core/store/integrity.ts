import type Database from 'better-sqlite3';
import { existsSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * At most this many problems are listed by the start-up check. `quick_check` reads every page once
 * (no index cross-checks, unlike `integrity_check`): linear in the file's size, about a second per
 * GB on an SSD, and it stops early once this many problems are found.
 */
export const QUICK_CHECK_MAX_ERRORS = 10;

/**
 * Files up to this size are checked before the host answers (well under a second even on a loaded
 * machine); larger ones once it runs, off its thread (`checkInBackground`): a 1.1 GB log took
 * 23-30 s here, and the UI waited on it.
 */
export const CHECK_AT_OPEN_MAX_BYTES = 32 * 2 ** 20;

/** Whether the start-up check of `file` runs before it is used (a new file: nothing to check, so yes). */
export function checksAtOpen(file: string, maxBytes = CHECK_AT_OPEN_MAX_BYTES): boolean {
  if (file === ':memory:' || !existsSync(file)) return true;
  return statSync(file).size <= maxBytes;
}

/** The ways out, as the host's options name them. */
export const DAMAGED_DATABASE_OPTIONS =
  'Your options:\n' +
  '  --export-readable <file>  write every event that can still be read to <file> (JSON Lines) and exit\n' +
  '  --start-fresh             move the damaged database aside (kept as inlet.db.damaged-<time>) and start with an\n' +
  '                            empty one; secret.key and your data dir stay as they are';

/** The database file is damaged: the host refuses to start normally and offers the ways out. */
export class DatabaseDamagedError extends Error {
  override name = 'DatabaseDamagedError';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    const listed = problems.slice(0, 3).join('; ');
    super(`The database ${file} is damaged (${listed}${problems.length > 3 ? '; …' : ''}). Inlet won't start on it as it is.`);
  }
}

/** SQLite's own words for a damaged file: better-sqlite3's `SqliteError.code`, or the message. */
export const CORRUPTION = { code: /^SQLITE_(CORRUPT|NOTADB)/, message: /database disk image is malformed|file is not a database/i };

export function isCorruptionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && CORRUPTION.code.test(code)) return true;
  return CORRUPTION.message.test(error.message);
}

/** A user-facing sentence for a corruption error met while running. */
export function describeCorruption(dataDir: string): string {
  return (
    `The database in ${dataDir} is damaged, so this could not be read or written. Stop Inlet and start it ` +
    'with --export-readable <file> to save what is readable, or --start-fresh to move the damaged file aside.'
  );
}

/** Runs `PRAGMA quick_check(N)`; an empty list means the file is sound. */
export function quickCheck(db: Database.Database, maxErrors = QUICK_CHECK_MAX_ERRORS): string[] {
  const rows = db.pragma(`quick_check(${Math.max(1, Math.floor(maxErrors))})`) as Array<{ quick_check: string }>;
  const problems = rows.map((r) => r.quick_check);
  return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
}

/**
 * Moves `inlet.db` and its `-wal`/`-shm` aside as `inlet.db.damaged-<time>` (+ `-wal`, `-shm`, so
 * SQLite still pairs them if someone opens the copy). Returns the new path of the main file.
 */
export function moveDamagedAside(file: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = join(dirname(file), `${basename(file)}.damaged-${stamp}`);
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}
