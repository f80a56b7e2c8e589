import type { EventFilter } from '../../../shared/domain/event';
import type { CoreContext } from '../api/context';
import type { IngestQueue } from '../receiver/ingest-queue';
import { newId } from '../util/ids';
import { replayEvent, type ReplayOptions } from './replay';

const CHUNK = 100;

/**
 * Bulk replays run in the background, a chunk per event-loop turn, so the receiver and the UI stay
 * responsive; each reports progress as a push event and can be cancelled between chunks.
 */
export function createReplayJobs(ctx: CoreContext, queue: IngestQueue) {
  const running = new Map<string, { cancelled: boolean; done: number; total: number }>();

  /** Matching event ids, oldest first, so replays keep the original order. */
  const collect = (filter: EventFilter, max: number): number[] => {
    const ids: number[] = [];
    let cursor: number | undefined;
    while (ids.length < max) {
      const page = ctx.events.list({ ...filter, ...(cursor === undefined ? {} : { cursor }), limit: 500 });
      // Replays themselves are not replayed again by a bulk run.
      ids.push(...page.items.filter((e) => e.replayOf === null && e.sourceId !== null).map((e) => e.id));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    return ids.slice(0, max).reverse();
  };

  async function run(jobId: string, ids: number[], options: ReplayOptions, state: { cancelled: boolean; done: number }) {
    const progress = (done: number, s: 'running' | 'finished' | 'cancelled' | 'failed', error?: string) => {
      state.done = done;
      ctx.emit('replay.progress', { jobId, done, total: ids.length, state: s, ...(error ? { error } : {}) });
    };
    let done = 0;
    try {
      for (let i = 0; i < ids.length; i += CHUNK) {
        if (state.cancelled) return progress(done, 'cancelled');
        await Promise.all(ids.slice(i, i + CHUNK).map((id) => replayEvent(ctx, queue, id, options).catch(() => undefined)));
        done = Math.min(ids.length, i + CHUNK);
        progress(done, 'running');
        await new Promise((r) => setImmediate(r));
      }
      progress(done, 'finished');
    } catch (error) {
      progress(done, 'failed', (error as Error).message);
    } finally {
      running.delete(jobId);
    }
  }

  return {
    start(filter: EventFilter, max: number, options: ReplayOptions, only?: number[]): { jobId: string; total: number } {
      const ids = only ? [...new Set(only)].sort((a, b) => a - b).slice(0, max) : collect(filter, max);
      const jobId = newId('replay');
      const state = { cancelled: false, done: 0, total: ids.length };
      running.set(jobId, state);
      void run(jobId, ids, options, state);
      return { jobId, total: ids.length };
    },
    cancel(jobId: string): boolean {
      const job = running.get(jobId);
      if (!job) return false;
      job.cancelled = true;
      return true;
    },
    /** Jobs still running, so a UI that reloads mid-job can show their progress again. */
    list(): Array<{ jobId: string; done: number; total: number }> {
      return [...running].map(([jobId, s]) => ({ jobId, done: s.done, total: s.total }));
    },
    cancelAll(): void {
      for (const job of running.values()) job.cancelled = true;
    },
  };
}
export type ReplayJobs = ReturnType<typeof createReplayJobs>;
