import type { Logger } from '../ports';
import type { AttemptOutcome, DeliveriesRepo } from './deliveries-repo';

interface Finished {
  id: number;
  outcome: AttemptOutcome;
  /** Runs once the outcome is committed (the push to the UI). */
  after: () => void;
}

/** A lone answer is recorded at the next turn of the event loop; a stream of them at most this often. */
export const RECORD_BATCH_MS = 20;
const BATCH_MAX = 512;

/**
 * Finished attempts are recorded together, in one transaction: a lone one at once (setImmediate),
 * a stream of them (a backlog released) every RECORD_BATCH_MS, so a backlog commits about fifty times a
 * second instead of once per delivery. Until then an answered delivery still reads as pending: the
 * queue flushes before it reads due deliveries again. While the receiver takes a burst, `spacingMs`
 * spaces the commits wider (each one writes its pages to the WAL, competing with ingest's commits).
 * A crash before the commit means those attempts are sent again (at least once, with the same
 * `X-Inlet-Event-Id`).
 */
export function createAttemptRecorder(repo: DeliveriesRepo, logger: Logger, spacingMs: () => number = () => RECORD_BATCH_MS) {
  let waiting: Finished[] = [];
  let scheduled: 'immediate' | NodeJS.Timeout | null = null;
  let lastFlushAt = -Infinity;

  const flush = () => {
    if (scheduled !== null && scheduled !== 'immediate') clearTimeout(scheduled);
    scheduled = null;
    lastFlushAt = performance.now();
    if (waiting.length === 0) return;
    const batch = waiting;
    waiting = [];
    try {
      repo.recordMany(batch);
    } catch (error) {
      // Not recorded: these stay pending in the database and are sent again (at least once).
      logger.error('delivery attempts could not be recorded', { error: String(error), deliveries: batch.length });
      return;
    }
    for (const f of batch) f.after();
  };

  return {
    add(id: number, outcome: AttemptOutcome, after: () => void): void {
      waiting.push({ id, outcome, after });
      if (waiting.length >= BATCH_MAX) return flush();
      if (scheduled !== null) return;
      const wait = lastFlushAt + spacingMs() - performance.now();
      if (wait <= 0) {
        scheduled = 'immediate';
        setImmediate(() => {
          if (scheduled === 'immediate') flush();
        });
      } else scheduled = setTimeout(flush, wait);
    },
    /** Commits what is waiting now (before due deliveries are read again, and at stop). */
    flush,
    get size() {
      return waiting.length;
    },
  };
}
export type AttemptRecorder = ReturnType<typeof createAttemptRecorder>;
