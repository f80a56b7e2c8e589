import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import { describeError } from '../../lib/errors';
import type { AppState } from '../../app/store';
import { toCapture, type Capture } from './capture-format';

/** Largest page `events.list` gives. */
const PAGE = 500;
/** Event bodies are fetched a few at a time: fast, without flooding the host. */
const PARALLEL = 4;
export const EXPORT_LIMITS = [100, 1_000, 5_000] as const;

export interface ExportJob {
  state: 'running' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
  error?: string;
}

export interface ExportSlice {
  exportJob: ExportJob | null;
  /**
   * The newest `max` events the log's filter matches, as captures (oldest first, as they would be
   * replayed); null when cancelled or failed (the job says why).
   */
  exportMatching(max: number): Promise<Capture[] | null>;
  cancelExport(): void;
  clearExport(): void;
}

export const createExportSlice =
  (api: ApiClient): StateCreator<AppState, [], [], ExportSlice> =>
  (set, get) => {
    let cancelled = false;
    const patchJob = (patch: Partial<ExportJob>) => {
      const job = get().exportJob;
      if (job) set({ exportJob: { ...job, ...patch } });
    };

    const listIds = async (max: number): Promise<number[] | null> => {
      const query = get().currentLogQuery();
      if (query === null) return [];
      const ids: number[] = [];
      let cursor: number | undefined;
      while (ids.length < max) {
        if (cancelled) return null;
        const page = await api.call('events.list', { ...query, limit: Math.min(PAGE, max - ids.length), ...(cursor === undefined ? {} : { cursor }) });
        ids.push(...page.items.map((e) => e.id));
        if (page.nextCursor === null) break;
        cursor = page.nextCursor;
      }
      return ids;
    };

    return {
      exportJob: null,
      async exportMatching(max) {
        if (get().exportJob?.state === 'running') return null;
        cancelled = false;
        set({ exportJob: { state: 'running', done: 0, total: 0 } });
        try {
          const ids = await listIds(max);
          if (ids === null) return (patchJob({ state: 'cancelled' }), null);
          patchJob({ total: ids.length });
          const captures: Array<Capture | undefined> = new Array(ids.length);
          let next = 0;
          const worker = async () => {
            while (next < ids.length && !cancelled) {
              const at = next++;
              captures[at] = toCapture(await api.call('events.get', { id: ids[at]! }));
              patchJob({ done: (get().exportJob?.done ?? 0) + 1 });
            }
          };
          await Promise.all(Array.from({ length: PARALLEL }, worker));
          if (cancelled) return (patchJob({ state: 'cancelled' }), null);
          patchJob({ state: 'done' });
          return captures.filter((c): c is Capture => c !== undefined).reverse();
        } catch (error) {
          patchJob({ state: 'failed', error: describeError(error) });
          return null;
        }
      },
      cancelExport() {
        cancelled = true;
      },
      clearExport: () => set({ exportJob: null }),
    };
  };
