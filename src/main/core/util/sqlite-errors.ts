/**
 * Whether an error means "another connection holds the database right now", i.e. it is worth
 * retrying later: SQLITE_BUSY and its extended codes (BUSY_SNAPSHOT, BUSY_RECOVERY, BUSY_TIMEOUT),
 * SQLITE_LOCKED and its extended codes, or an error that only carries SQLite's message.
 */
export function isBusy(error: unknown): boolean {
  if (error instanceof DatabaseBusyError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && /database (table )?is locked/.test(message);
}

/**
 * A write that could not happen because another program holds the database's write lock.
 * `retryAfterSeconds` is what a sender is told to wait (the receiver's `Retry-After`).
 */
export class DatabaseBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`The database is locked by another program; retry in ${retryAfterSeconds} s`);
    this.name = 'DatabaseBusyError';
  }
}

/**
 * The running app's busy timeout. better-sqlite3 is synchronous: SQLite's busy handler sleeps in
 * the main thread, so a long timeout freezes the receiver and the UI for as long as another program
 * holds the lock. A short one covers brief contention; longer locks are waited out asynchronously by
 * each writer's retry with backoff. Measured with another process holding BEGIN IMMEDIATE for 8 s
 * under load (busy-database.test.ts): the slowest control call took 1.7 s at 250 ms, 0.85 s at
 * 100 ms, 0.24 s at 50 ms, 0.09 s at 30 ms; without contention the timeout is never used.
 */
export const RUNNING_BUSY_TIMEOUT_MS = 50;
