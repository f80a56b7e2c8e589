import type { CoreContext } from '../context';
import type { SearchIndex } from '../store/search-index';
import { IDEMPOTENCY_WINDOW_MS } from '../pipeline/processor';
import { createRetryBackoff } from '../util/retry-backoff';

const CHUNK = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface PruneResult {
  deleted: number;
}

/**
 * Keeps the log within the retention settings (last N days, last N events). Deletes oldest first
 * in small transactions, yielding between them so ingest never waits long, and reports progress.
 */
export function createPruner(ctx: Pick<CoreContext, 'db' | 'settings' | 'clock' | 'logger' | 'emit' | 'idempotency'>, search: Pick<SearchIndex, 'forget'>) {
  const nthNewestId = ctx.db.prepare<[number], { id: number }>('SELECT id FROM events ORDER BY id DESC LIMIT 1 OFFSET ?');
  const idRange = ctx.db.prepare<[], { lo: number | null; hi: number | null }>('SELECT MIN(id) AS lo, MAX(id) AS hi FROM events');
  const firstFrom = ctx.db.prepare<[number], { id: number; received_at: number }>('SELECT id, received_at FROM events WHERE id >= ? ORDER BY id LIMIT 1');
  const lastBelow = ctx.db.prepare<[number], { id: number | null }>('SELECT MAX(id) AS id FROM events WHERE id < ?');
  const chunkUpTo = ctx.db.prepare<[number, number], { id: number }>(
    'SELECT id FROM events WHERE id <= ? AND id NOT IN (SELECT event_id FROM pending_events) ORDER BY id LIMIT ?',
  );
  // Events still to process stay (pending_events, migration 004); their outcome rows go by trigger.
  const deleteEvents = ctx.db.prepare('DELETE FROM events WHERE id BETWEEN ? AND ? AND id NOT IN (SELECT event_id FROM pending_events)');
  const countUpTo = ctx.db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM events WHERE id <= ? AND id NOT IN (SELECT event_id FROM pending_events)');
  let running: Promise<PruneResult> | null = null;
  let timer: NodeJS.Timeout | undefined;

  /*
   * Ids grow with arrival time, so the newest event older than `time` is found by bisecting the
   * key, and a log whose ids span no more than `maxEvents` holds no more than that. Both used to
   * read every row (no index on received_at; an OFFSET of maxEvents): 2.8 s of the host's only
   * thread at 1M events, 10 s after every start and every 10 minutes.
   */
  const lastIdBefore = (time: number, lo: number, hi: number): number | null => {
    let from = lo;
    let to = hi + 1;
    while (from < to) {
      const mid = Math.floor((from + to) / 2);
      const row = firstFrom.get(mid);
      if (!row || row.received_at >= time) to = mid;
      else from = row.id + 1;
    }
    return lastBelow.get(from)?.id ?? null;
  };
  const nthNewest = (n: number, lo: number, hi: number): number | null => (hi - lo + 1 <= n ? null : (nthNewestId.get(n)?.id ?? null));

  /** The highest id the settings say must go, or null when nothing must. */
  const cutoffId = (): number | null => {
    const { maxAgeDays, maxEvents } = ctx.settings.get().retention;
    const { lo, hi } = idRange.get() ?? { lo: null, hi: null };
    if (lo === null || hi === null) return null;
    const byAge = maxAgeDays === null ? null : lastIdBefore(ctx.clock.now() - maxAgeDays * DAY_MS, lo, hi);
    const byCount = maxEvents === null ? null : nthNewest(maxEvents, lo, hi);
    if (byAge === null) return byCount;
    return byCount === null ? byAge : Math.max(byAge, byCount);
  };

  const deleteChunkTx = ctx.db.transaction((upTo: number): { first: number; last: number; deleted: number } | null => {
    const ids = chunkUpTo.all(upTo, CHUNK);
    if (ids.length === 0) return null;
    const first = ids[0]!.id;
    const last = ids.at(-1)!.id;
    return { first, last, deleted: deleteEvents.run(first, last).changes };
  });
  // IMMEDIATE: reads then writes; a deferred transaction would fail with SQLITE_BUSY_SNAPSHOT
  // whenever another connection wrote in between. The search index, in its own file, forgets the
  // deleted events once they are gone (its thread also drops anything older than the log at start).
  const deleteChunk = (upTo: number): number => {
    const chunk = deleteChunkTx.immediate(upTo);
    if (!chunk) return 0;
    search.forget(chunk.first, chunk.last);
    return chunk.deleted;
  };

  async function prune(): Promise<PruneResult> {
    const upTo = cutoffId();
    let deleted = 0;
    const total = upTo === null ? 0 : (countUpTo.get(upTo)?.n ?? 0);
    if (upTo !== null) {
      for (let n = deleteChunk(upTo); n > 0; n = deleteChunk(upTo)) {
        deleted += n;
        ctx.emit('retention.progress', { deleted, total: Math.max(total, deleted), state: 'running' });
        await new Promise((r) => setImmediate(r));
      }
    }
    ctx.idempotency.pruneBefore(ctx.clock.now() - IDEMPOTENCY_WINDOW_MS);
    if (deleted > 0) {
      ctx.emit('retention.progress', { deleted, total: deleted, state: 'finished' });
      ctx.logger.info(`retention: pruned ${deleted} events`);
    }
    return { deleted };
  }

  /** Background pruning: the next run is planned here, sooner after a failure (with backoff). */
  let everyMs: number | null = null;
  let stopped = false;
  const backoff = createRetryBackoff({ what: 'retention', logger: ctx.logger, initialMs: 1_000, maxMs: 60_000 });
  const plan = (delay: number): void => {
    if (everyMs === null || stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run().then(() => everyMs !== null && plan(everyMs), () => undefined), delay);
    timer.unref();
  };

  function run(): Promise<PruneResult> {
    if (running) return running;
    const current = prune().finally(() => (running = null));
    // Handled here too, so a caller that starts a run without awaiting it never leaves a rejection unhandled.
    current.then(
      () => backoff.succeeded(),
      (error: unknown) => plan(backoff.failed(error)),
    );
    running = current;
    return current;
  }

  return {
    /** Prunes now; concurrent calls share one run. */
    run,
    /** Prunes soon after start, then periodically, in the background. */
    schedule(firstMs = 10_000, periodMs = 10 * 60_000): void {
      everyMs = periodMs;
      plan(firstMs);
    },
    stop(): void {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
export type Pruner = ReturnType<typeof createPruner>;
