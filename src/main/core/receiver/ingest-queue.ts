import { silentLogger, type Logger } from '../ports';
import type { NewEvent } from '../store/repos/events.repo';
import { createRetryBackoff } from '../util/retry-backoff';
import { DatabaseBusyError, isBusy } from '../util/sqlite-errors';

type Writer = (events: readonly NewEvent[]) => number[];

/**
 * What to log, once the database is writable again, of an event the locked database refused:
 * `log-503` a minimal record of a request that was answered 503 (the receiver), `log-as-is` the
 * event itself (already a minimal record); by default nothing (a replay or import reports the failure).
 */
export type IfRefused = 'log-503' | 'log-as-is' | 'nothing';

interface Pending {
  event: NewEvent;
  ifRefused: IfRefused;
  since: number;
  resolve(id: number): void;
  reject(error: unknown): void;
}

export interface IngestQueueOptions {
  logger?: Logger;
  /** How long a request may wait for a locked database before it is answered 503. */
  maxWaitMs?: number;
  /** How many refused requests are remembered, to be logged once the database is writable. */
  maxRefusedRecords?: number;
  now?: () => number;
}

/**
 * A small batch closing sooner than this after the last commit waits for the rest of it, and takes
 * whatever else arrives meanwhile. Each commit puts every page it touched into the WAL whole (the
 * table's last leaf, three index leaves): a commit per ~1.5 KB request wrote ~5 pages (20 KiB) of
 * WAL for it, and at a steady 2,000–4,000 requests a second, each arriving alone, the WAL grew by
 * 128 MiB every few seconds; starting it over holds the writer 20–40 ms (two fsyncs). A request
 * after a quiet moment is committed at once, as before; so is a batch of COALESCE_BELOW or more
 * (a saturated receiver: its senders wait for these answers before they send more, so waiting
 * would only idle the loop).
 */
const MIN_COMMIT_GAP_MS = 1;
const COALESCE_BELOW = 8;

/**
 * Group commit: every event enqueued in one event-loop turn is written in one transaction, and each
 * enqueue resolves only once that transaction has committed. The batch closes at setImmediate, i.e.
 * right after the I/O callbacks that filled it (a small one, MIN_COMMIT_GAP_MS after the last commit).
 *
 * When another program holds the write lock, the batch waits and is retried with backoff (the
 * connection's busy timeout is short, so a locked database never stalls the event loop for long).
 * A request that waited `maxWaitMs` is refused with a `DatabaseBusyError` (the receiver answers 503
 * with `Retry-After`) and, as its `IfRefused` asks, a record of it is written once the database is
 * writable again.
 */
export function createIngestQueue(write: Writer, onCommitted: (ids: number[], events: NewEvent[]) => void, options: IngestQueueOptions = {}) {
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => performance.now());
  const maxWaitMs = options.maxWaitMs ?? 1_000;
  const maxRefused = options.maxRefusedRecords ?? 500;
  const backoff = createRetryBackoff({ what: 'writing received requests', logger, initialMs: 20, maxMs: Math.max(20, maxWaitMs / 2) });
  let pending: Pending[] = [];
  let refused: NewEvent[] = [];
  let unrecorded = 0;
  let scheduled = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let lastCommitAt = -Infinity;

  const committed = (ids: number[], events: NewEvent[]) => {
    try {
      onCommitted(ids, events);
    } catch (error) {
      logger.error('after a write to the log, a follow-up step failed', { error: String(error) });
    }
  };

  /** Writes the records of refused requests; false when the database is still locked. */
  const writeRefused = (): boolean => {
    if (refused.length === 0) return true;
    const records = refused;
    try {
      const ids = write(records);
      refused = [];
      committed(ids, records);
    } catch (error) {
      if (isBusy(error)) return false;
      refused = [];
      logger.error(`${records.length} requests answered 503 could not be logged`, { error: String(error) });
    }
    if (unrecorded > 0) logger.warn(`${unrecorded} more requests answered 503 while the database was locked were not logged (the record is bounded)`);
    unrecorded = 0;
    return true;
  };

  const refuse = (p: Pending, retryAfterSeconds: number) => {
    p.reject(new DatabaseBusyError(retryAfterSeconds));
    if (p.ifRefused === 'nothing') return;
    if (refused.length >= maxRefused) return void (unrecorded += 1);
    const { event } = p;
    if (p.ifRefused === 'log-as-is') return void refused.push(event);
    refused.push({
      ...event,
      body: Buffer.alloc(0),
      parseError: null,
      parsedBody: undefined,
      preprocessOutput: null,
      responseStatus: 503,
      error: `Not logged when received: another program held the database's write lock, so Inlet answered 503 (Retry-After: ${retryAfterSeconds} s). The body (${event.body.length} bytes) was not kept.`,
      processing: 'none',
      actionStatus: null,
    });
  };

  const attempt = (final: boolean) => {
    scheduled = false;
    lastCommitAt = now();
    const batch = pending;
    pending = [];
    const events = batch.map((p) => p.event);
    let ids: number[] | null = null;
    let failure: unknown = null;
    try {
      if (!writeRefused()) throw new DatabaseBusyError(1);
      if (batch.length > 0) ids = write(events);
    } catch (error) {
      failure = error;
    }
    if (failure !== null && !isBusy(failure)) {
      for (const p of batch) p.reject(failure);
      return;
    }
    if (failure !== null) return wait(batch, failure, final);
    backoff.succeeded();
    if (ids === null) return;
    batch.forEach((p, i) => p.resolve(ids[i]!));
    committed(ids, events);
  };

  const closeBatch = () => {
    const soon = MIN_COMMIT_GAP_MS - (now() - lastCommitAt);
    if (soon > 0 && pending.length < COALESCE_BELOW) setTimeout(() => attempt(false), soon);
    else attempt(false);
  };

  /** The database is locked: refuse what has waited long enough, keep the rest for the next try. */
  const wait = (batch: Pending[], error: unknown, final: boolean) => {
    const delay = backoff.failed(error);
    const retryAfter = Math.min(30, Math.max(1, Math.ceil(backoff.failingForMs / 1_000)));
    const t = now();
    const keep: Pending[] = [];
    for (const p of batch) {
      if (final || t - p.since + delay > maxWaitMs) refuse(p, retryAfter);
      else keep.push(p);
    }
    pending = [...keep, ...pending];
    if (final || (pending.length === 0 && refused.length === 0)) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      attempt(false);
    }, delay);
    retryTimer.unref();
  };

  return {
    /** Resolves with the event's id once it is durable; rejects with `DatabaseBusyError` when the database stayed locked. */
    enqueue(event: NewEvent, options: { ifRefused?: IfRefused } = {}): Promise<number> {
      return new Promise((resolve, reject) => {
        pending.push({ event, ifRefused: options.ifRefused ?? 'nothing', since: now(), resolve, reject });
        // While a locked database is being waited out, the retry timer writes this one too.
        if (!scheduled && retryTimer === undefined) {
          scheduled = true;
          setImmediate(closeBatch);
        }
      });
    },
    /** Commits whatever is waiting now, once (used on shutdown): a locked database refuses it. */
    flush(): void {
      clearTimeout(retryTimer);
      retryTimer = undefined;
      attempt(true);
    },
    get size() {
      return pending.length;
    },
  };
}
export type IngestQueue = ReturnType<typeof createIngestQueue>;
