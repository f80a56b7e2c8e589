import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { EventSummary } from '../../../../shared/domain/event';
import { describeError } from '../../lib/errors';
import type { AppState } from '../../app/store';
import type { Capture } from './capture-format';
import { EMPTY_FILTER } from './log-filter';
import type { ReplayOptions } from './replay.slice';

/** `events.import` takes at most 5,000 items; smaller chunks move the progress bar and stay far below the host's body limit. */
export const CHUNK_ITEMS = 500;
export const CHUNK_BYTES = 4 * 1024 * 1024;
/** Up to this many imported events are replayed one by one (each opens at once); more go as a bulk job. */
export const REPLAY_ONE_BY_ONE = 5;

export interface ImportJob {
  state: 'sending' | 'done' | 'cancelled' | 'failed';
  sourceId: string;
  environment: string;
  total: number;
  sent: number;
  /** Log ids of what was imported so far, in order. */
  ids: number[];
  error?: string;
}

export interface ImportSlice {
  importJob: ImportJob | null;
  importReplay: { state: 'idle' | 'running' | 'failed'; error?: string };
  /** Sends captures in chunks with progress; Cancel stops before the next chunk (what was sent stays). */
  importCaptures(sourceId: string, environment: string, items: readonly Capture[]): Promise<void>;
  cancelImport(): void;
  clearImport(): void;
  /** Replays what was imported through the current mappings, then shows the replays in the log. */
  replayImported(options: ReplayOptions): Promise<boolean>;
}

/** Consecutive chunks of at most `maxItems` items and about `maxBytes` on the wire (a bigger item goes alone). */
export function chunkCaptures<T>(items: readonly T[], maxItems = CHUNK_ITEMS, maxBytes = CHUNK_BYTES): T[][] {
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = JSON.stringify(item).length;
    if (chunk.length > 0 && (chunk.length >= maxItems || bytes + size > maxBytes)) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(item);
    bytes += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

export const createImportSlice =
  (api: ApiClient): StateCreator<AppState, [], [], ImportSlice> =>
  (set, get) => {
    let cancelled = false;
    const patchJob = (patch: Partial<ImportJob>) => {
      const job = get().importJob;
      if (job) set({ importJob: { ...job, ...patch } });
    };

    const replayOneByOne = async (ids: readonly number[], options: ReplayOptions): Promise<EventSummary[]> => {
      const replays: EventSummary[] = [];
      for (const id of ids) replays.push(await api.call('events.replay', { id, ...options }));
      return replays;
    };

    return {
      importJob: null,
      importReplay: { state: 'idle' },
      async importCaptures(sourceId, environment, items) {
        if (get().importJob?.state === 'sending') return;
        cancelled = false;
        set({ importJob: { state: 'sending', sourceId, environment, total: items.length, sent: 0, ids: [] }, importReplay: { state: 'idle' } });
        for (const chunk of chunkCaptures(items)) {
          if (cancelled) return patchJob({ state: 'cancelled' });
          try {
            const { ids } = await api.call('events.import', { sourceId, environment, items: chunk });
            const job = get().importJob;
            patchJob({ sent: (job?.sent ?? 0) + chunk.length, ids: [...(job?.ids ?? []), ...ids] });
          } catch (error) {
            return patchJob({ state: 'failed', error: describeError(error) });
          }
        }
        patchJob({ state: cancelled ? 'cancelled' : 'done' });
      },
      cancelImport() {
        cancelled = true;
      },
      clearImport: () => set({ importJob: null, importReplay: { state: 'idle' } }),
      async replayImported(options) {
        const job = get().importJob;
        if (!job || job.ids.length === 0 || job.state === 'sending') return false;
        set({ importReplay: { state: 'running' } });
        const replaysOf = { ...EMPTY_FILTER, sourceId: job.sourceId, origin: 'replay' as const };
        try {
          if (job.ids.length <= REPLAY_ONE_BY_ONE) {
            const replays = await replayOneByOne(job.ids, options);
            await get().showLog(job.environment, replaysOf);
            const first = replays[0];
            if (first) await get().openEvent(first.id);
          } else {
            await get().replayMatching({ ids: job.ids, max: job.ids.length }, options);
            await get().showLog(job.environment, replaysOf);
          }
          set({ importReplay: { state: 'idle' }, importJob: null });
          return true;
        } catch (error) {
          set({ importReplay: { state: 'failed', error: describeError(error) } });
          return false;
        }
      },
    };
  };
