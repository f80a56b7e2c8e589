import type { EventFilter } from '../../../shared/domain/event';
import type { CoreContext } from '../context';
import type { IngestQueue } from '../receiver/ingest-queue';
import { newId } from '../util/ids';
import { createRetryBackoff } from '../util/retry-backoff';
import { isBusy } from '../util/sqlite-errors';
import { replayChunk, replayEvent, type ReplayChunk, type ReplayOptions } from './replay';

const CHUNK = 100;
/** How many failed replays a job reports by id and reason (the count covers them all). */
const MAX_REASONS = 5;

interface JobState {
  cancelled: boolean;
  done: number;
  total: number;
  failed: number;
  failures: Array<{ id: number; error: string }>;
}

/**
 * Bulk replays run in the background, a chunk per event-loop turn, so the receiver and the UI stay
 * responsive; each reports progress as a push event and can be cancelled between chunks. A replay
 * that fails is counted and its reason reported (the first few); a locked database is waited out.
 */
export function createReplayJobs(ctx: CoreContext, queue: IngestQueue) {
  const running = new Map<string, JobState>();
  const backoff = createRetryBackoff({ what: 'bulk replay', logger: ctx.logger, initialMs: 100, maxMs: 5_000 });

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

  const select = (filter: EventFilter, max: number, only?: readonly number[]): number[] =>
    only ? [...new Set(only)].sort((a, b) => a - b).slice(0, max) : collect(filter, max);

  async function run(jobId: string, ids: number[], options: ReplayOptions, state: JobState) {
    const progress = (done: number, s: 'running' | 'finished' | 'cancelled' | 'failed', error?: string) => {
      state.done = done;
      const failures = state.failed > 0 ? { failed: state.failed, failures: state.failures } : {};
      ctx.emit('replay.progress', { jobId, done, total: ids.length, state: s, ...failures, ...(error ? { error } : {}) });
    };
    /** One replay; a locked database is waited out (with backoff), any other error is counted. */
    const replayOne = async (id: number, chunk: ReplayChunk | undefined): Promise<void> => {
      // A retry comes turns later: it reads the original and the configuration afresh.
      for (let first = true; ; first = false) {
        try {
          await replayEvent(ctx, queue, id, options, first ? chunk : undefined);
          return backoff.succeeded();
        } catch (error) {
          if (isBusy(error) && !state.cancelled) {
            await new Promise((r) => setTimeout(r, backoff.failed(error)).unref());
            continue;
          }
          state.failed += 1;
          if (state.failures.length < MAX_REASONS) state.failures.push({ id, error: error instanceof Error ? error.message : String(error) });
          return;
        }
      }
    };
    let done = 0;
    try {
      for (let i = 0; i < ids.length; i += CHUNK) {
        if (state.cancelled) return progress(done, 'cancelled');
        const slice = ids.slice(i, i + CHUNK);
        // An edit is for one event at a time; a chunk that can't be read is replayed one by one.
        let chunk: ReplayChunk | undefined;
        try {
          chunk = options.edit ? undefined : replayChunk(ctx, slice);
        } catch {
          chunk = undefined;
        }
        await Promise.all(slice.map((id) => replayOne(id, chunk)));
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
    /** The events a job started with these arguments replays, in order (`events.replayPlan` reads the same). */
    select,
    start(filter: EventFilter, max: number, options: ReplayOptions, only?: number[]): { jobId: string; total: number } {
      const ids = select(filter, max, only);
      const jobId = newId('replay');
      const state: JobState = { cancelled: false, done: 0, total: ids.length, failed: 0, failures: [] };
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
