import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { PushPayload } from '../../../../shared/api/events';
import type { EventDetail } from '../../../../shared/domain/event';
import { describeError } from '../../lib/errors';
import type { AppState } from '../../app/store';

export interface ReplayOptions {
  mode: 'as_is' | 'ignore_verification';
  respectIdempotency: boolean;
}

export type ReplayProgress = PushPayload<'replay.progress'>;

/** A bulk replay as the UI shows it: `starting` until the host answered with its job id. */
export interface BulkReplay {
  jobId: string | null;
  total: number;
  done: number;
  state: 'starting' | ReplayProgress['state'];
  error?: string;
}

export interface ReplaySlice {
  replayStatus: 'idle' | 'running';
  replayError: string | null;
  /** The event the error belongs to, so another event's detail does not show it. */
  replayErrorFor: number | null;
  /** The original of the open detail when that detail is a replay, for the side-by-side comparison. */
  replayOriginal: { id: number; detail: EventDetail | null; error: string | null } | null;
  bulkReplay: BulkReplay | null;
  /** Replays one event and opens the replay; false (with `replayError`) when it could not. */
  replayEvent(id: number, options: ReplayOptions): Promise<boolean>;
  loadReplayOriginal(id: number): Promise<void>;
  /** Replays everything the current filter matches, in the background. */
  startBulkReplay(options: ReplayOptions): Promise<void>;
  cancelBulkReplay(): Promise<void>;
  receiveReplayProgress(progress: ReplayProgress): void;
  dismissBulkReplay(): void;
}

export const createReplaySlice =
  (api: ApiClient): StateCreator<AppState, [], [], ReplaySlice> =>
  (set, get) => {
    // Progress can be pushed before `events.replayMany` has answered with the job id.
    const early = new Map<string, ReplayProgress>();

    return {
      replayStatus: 'idle',
      replayError: null,
      replayErrorFor: null,
      replayOriginal: null,
      bulkReplay: null,
      async replayEvent(id, options) {
        set({ replayStatus: 'running', replayError: null, replayErrorFor: null });
        try {
          const replay = await api.call('events.replay', { id, ...options });
          set({ replayStatus: 'idle' });
          get().receiveEvent(replay);
          await get().openEvent(replay.id);
          return true;
        } catch (error) {
          set({ replayStatus: 'idle', replayError: describeError(error), replayErrorFor: id });
          return false;
        }
      },
      async loadReplayOriginal(id) {
        if (get().replayOriginal?.id === id && get().replayOriginal?.detail) return;
        set({ replayOriginal: { id, detail: null, error: null } });
        try {
          const detail = await api.call('events.get', { id });
          if (get().replayOriginal?.id === id) set({ replayOriginal: { id, detail, error: null } });
        } catch (error) {
          if (get().replayOriginal?.id === id) set({ replayOriginal: { id, detail: null, error: describeError(error) } });
        }
      },
      async startBulkReplay(options) {
        const query = get().currentLogQuery();
        if (query === null || get().bulkReplay?.state === 'running' || get().bulkReplay?.state === 'starting') return;
        set({ bulkReplay: { jobId: null, total: 0, done: 0, state: 'starting' } });
        try {
          const { jobId, total } = await api.call('events.replayMany', { ...query, ...options });
          const seen = early.get(jobId);
          early.clear();
          set({ bulkReplay: seen ? { ...seen, jobId } : { jobId, total, done: 0, state: total === 0 ? 'finished' : 'running' } });
        } catch (error) {
          set({ bulkReplay: { jobId: null, total: 0, done: 0, state: 'failed', error: describeError(error) } });
        }
      },
      async cancelBulkReplay() {
        const jobId = get().bulkReplay?.jobId;
        if (!jobId) return;
        try {
          await api.call('events.cancelReplay', { jobId });
        } catch (error) {
          const current = get().bulkReplay;
          if (current) set({ bulkReplay: { ...current, error: describeError(error) } });
        }
      },
      receiveReplayProgress(progress) {
        const current = get().bulkReplay;
        if (current?.state === 'starting') {
          early.set(progress.jobId, progress);
          return;
        }
        if (current?.jobId !== progress.jobId) return;
        // A finished job stays finished, and a late "running" never moves the count back.
        if (current.state !== 'running' || (progress.state === 'running' && progress.done < current.done)) return;
        const { jobId: _jobId, ...rest } = progress;
        set({ bulkReplay: { ...current, ...rest } });
      },
      dismissBulkReplay: () => set({ bulkReplay: null }),
    };
  };
