import type { CoreContext } from '../api/context';
import { IDEMPOTENCY_WINDOW_MS } from '../pipeline/processor';

const CHUNK = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface PruneResult {
  deleted: number;
}

/**
 * Keeps the log within the retention settings (last N days, last N events). Deletes oldest first
 * in small transactions, yielding between them so ingest never waits long, and reports progress.
 */
export function createPruner(ctx: Pick<CoreContext, 'db' | 'settings' | 'clock' | 'logger' | 'emit' | 'idempotency'>) {
  const nthNewestId = ctx.db.prepare<[number], { id: number }>('SELECT id FROM events ORDER BY id DESC LIMIT 1 OFFSET ?');
  const lastIdBefore = ctx.db.prepare<[number], { id: number }>('SELECT MAX(id) AS id FROM events WHERE received_at < ?');
  const chunkUpTo = ctx.db.prepare<[number, number], { id: number }>(
    "SELECT id FROM events WHERE id <= ? AND processing != 'pending' ORDER BY id LIMIT ?",
  );
  const deleteEvents = ctx.db.prepare("DELETE FROM events WHERE id BETWEEN ? AND ? AND processing != 'pending'");
  const deleteFts = ctx.db.prepare('DELETE FROM events_fts WHERE rowid BETWEEN ? AND ?');
  const countUpTo = ctx.db.prepare<[number], { n: number }>("SELECT COUNT(*) AS n FROM events WHERE id <= ? AND processing != 'pending'");
  let running: Promise<PruneResult> | null = null;
  let timer: NodeJS.Timeout | undefined;

  /** The highest id the settings say must go, or null when nothing must. */
  const cutoffId = (): number | null => {
    const { maxAgeDays, maxEvents } = ctx.settings.get().retention;
    const byAge = maxAgeDays === null ? null : (lastIdBefore.get(ctx.clock.now() - maxAgeDays * DAY_MS)?.id ?? null);
    const byCount = maxEvents === null ? null : (nthNewestId.get(maxEvents)?.id ?? null);
    if (byAge === null) return byCount;
    return byCount === null ? byAge : Math.max(byAge, byCount);
  };

  const deleteChunk = ctx.db.transaction((upTo: number): number => {
    const ids = chunkUpTo.all(upTo, CHUNK);
    if (ids.length === 0) return 0;
    const first = ids[0]!.id;
    const last = ids.at(-1)!.id;
    deleteFts.run(first, last);
    return deleteEvents.run(first, last).changes;
  });

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

  return {
    /** Prunes now; concurrent calls share one run. */
    run(): Promise<PruneResult> {
      running ??= prune().finally(() => (running = null));
      return running;
    },
    /** Prunes soon after start, then periodically, in the background. */
    schedule(firstMs = 10_000, everyMs = 10 * 60_000): void {
      const tick = (delay: number) => {
        timer = setTimeout(() => {
          void this.run()
            .catch((error: unknown) => ctx.logger.error('retention failed', { error: String(error) }))
            .finally(() => tick(everyMs));
        }, delay);
        timer.unref();
      };
      tick(firstMs);
    },
    stop(): void {
      clearTimeout(timer);
    },
  };
}
export type Pruner = ReturnType<typeof createPruner>;
