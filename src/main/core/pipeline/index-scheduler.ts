import type { SearchIndexer } from '../store/repos/search-index';

const BATCH = 500;
/** Ingest counts as busy for this long after its last commit. */
const QUIET_MS = 50;
/** However busy ingest is, search never lags further behind than this. */
const MAX_LAG_MS = 2_000;

/**
 * Full-text indexing yields to ingest: it runs when the receiver has been quiet for a moment, and
 * at least every couple of seconds under sustained load, so acks are not held up by tokenising.
 */
export function createIndexScheduler(search: SearchIndexer, now: () => number = Date.now) {
  let lastIngestAt = 0;
  let behindSince: number | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const run = () => {
    timer = undefined;
    if (stopped || behindSince === null) return;
    const t = now();
    if (t - lastIngestAt < QUIET_MS && t - behindSince < MAX_LAG_MS) return schedule(QUIET_MS);
    if (search.indexBatch(BATCH) === BATCH) return schedule(0);
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
    /** Indexes everything outstanding now: a search must see every logged event. */
    catchUp(): void {
      while (search.indexBatch(BATCH) > 0);
      behindSince = null;
    },
    stop(): void {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
export type IndexScheduler = ReturnType<typeof createIndexScheduler>;
