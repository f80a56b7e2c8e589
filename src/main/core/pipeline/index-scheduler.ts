import { silentLogger, type Logger } from '../ports';
import type { SearchIndexer } from '../store/repos/search-index';
import { createRetryBackoff } from '../util/retry-backoff';

const BATCH = 500;
/**
 * While requests keep coming, a batch is a few ms of tokenising, not 10-15: the same work in
 * shorter blocks, so a lagging index costs the receiver's tail latency little (issue #9: p99).
 */
export const BUSY_BATCH = 100;
/** Ingest counts as busy for this long after its last commit. */
const QUIET_MS = 50;
/** However busy ingest is, search never lags further behind than this. */
const MAX_LAG_MS = 2_000;

export interface IndexSchedulerOptions {
  logger?: Logger;
  now?: () => number;
}

/**
 * Full-text indexing yields to ingest: it runs when the receiver has been quiet for a moment, and
 * at least every couple of seconds under sustained load, so acks are not held up by tokenising.
 * A failing batch (a database locked by another program) is retried with backoff; nothing it
 * throws leaves the timer.
 */
export function createIndexScheduler(search: SearchIndexer, options: IndexSchedulerOptions = {}) {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const backoff = createRetryBackoff({ what: 'full-text indexing', logger, initialMs: 100, maxMs: 5_000 });
  let lastIngestAt = 0;
  let behindSince: number | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const run = () => {
    timer = undefined;
    if (stopped || behindSince === null) return;
    const t = now();
    const busy = t - lastIngestAt < QUIET_MS;
    if (backoff.failures === 0 && busy && t - behindSince < MAX_LAG_MS) return schedule(QUIET_MS);
    const size = busy ? BUSY_BATCH : BATCH;
    let indexed: number;
    try {
      indexed = search.indexBatch(size);
    } catch (error) {
      return schedule(backoff.failed(error));
    }
    backoff.succeeded();
    if (indexed === size) return schedule(0);
    behindSince = null;
  };

  function schedule(delay: number) {
    if (timer || stopped) return;
    timer = setTimeout(run, delay);
    timer.unref();
  }

  return {
    /** Called after each ingest commit. */
    noteIngest(): void {
      lastIngestAt = now();
      behindSince ??= lastIngestAt;
      schedule(QUIET_MS);
    },
    /**
     * Indexes everything outstanding now: a search must see every logged event. While the database
     * is locked, a search sees what was indexed so far and the timer finishes the rest later.
     */
    catchUp(): void {
      try {
        while (search.indexBatch(BATCH) > 0);
      } catch (error) {
        logger.warn('search may miss the newest events: indexing them failed', { error: String(error) });
        behindSince ??= now();
        schedule(backoff.failed(error));
        return;
      }
      behindSince = null;
    },
    stop(): void {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
export type IndexScheduler = ReturnType<typeof createIndexScheduler>;
