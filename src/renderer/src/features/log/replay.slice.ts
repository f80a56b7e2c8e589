import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { ApiInput, ApiOutput } from '../../../../shared/api/contract';
import type { PushPayload } from '../../../../shared/api/events';
import type { EventDetail, ReplayMode } from '../../../../shared/domain/event';
import { describeError } from '../../lib/errors';
import type { AppState } from '../../app/store';

export interface ReplayOptions {
  mode: ReplayMode;
  respectIdempotency: boolean;
}

/** Options of a replay of many events: a null mode lets each take its default (re-signed when its signature went stale). */
export interface BulkReplayOptions {
  mode: ReplayMode | null;
  respectIdempotency: boolean;
}

/** The mode sent to the host: none for "each event's default", as the API and CLI take it. */
export const modeInput = ({ mode, respectIdempotency }: BulkReplayOptions): { mode?: ReplayMode; respectIdempotency: boolean } =>
  mode === null ? { respectIdempotency } : { mode, respectIdempotency };

export type ReplayPlan = ApiOutput<'events.replayPlan'>;

/** Parts of the request replaced before an edited replay (see `events.replay`'s `edit`). */
export type ReplayEdit = NonNullable<ApiInput<'events.replay'>['edit']>;

export type ReplayProgress = PushPayload<'replay.progress'>;

/** A bulk replay as the UI shows it: `starting` until the host answered with its job id. */
export interface BulkReplay {
  jobId: string | null;
  total: number;
  done: number;
  state: 'starting' | ReplayProgress['state'];
  error?: string;
  /** Replays that failed (counted in `done`), with the first few reasons. */
  failed?: number;
  failures?: ReplayProgress['failures'];
  /** Started before this window loaded (found by `events.replayJobs`). */
  reattached?: boolean;
}

export type ReplayQuery = Omit<ApiInput<'events.replayMany'>, 'mode' | 'respectIdempotency'>;

export interface ReplaySlice {
  replayStatus: 'idle' | 'running';
  replayError: string | null;
  /** The event the error belongs to, so another event's detail does not show it. */
  replayErrorFor: number | null;
  /** The original of the open detail when that detail is a replay, for the side-by-side comparison. */
  replayOriginal: { id: number; detail: EventDetail | null; error: string | null } | null;
  /** Bulk replays shown with progress, oldest first; several may run (one from here, others re-attached). */
  bulkReplays: BulkReplay[];
  /** Replays one event (edited, when `edit` is given) and opens the replay; false (with `replayError`) when it could not. */
  replayEvent(id: number, options: ReplayOptions, edit?: ReplayEdit): Promise<boolean>;
  /** Which modes an event can be replayed in, its default and why (re-signing may be unavailable). */
  replayOptionsOf(id: number): Promise<ApiOutput<'events.replayOptions'>>;
  /** The event's request signed afresh now, for a re-signed cURL. */
  resignedRequestOf(id: number): Promise<ApiOutput<'events.resignedRequest'>>;
  loadReplayOriginal(id: number): Promise<void>;
  /** Replays everything the current filter matches, in the background. */
  startBulkReplay(options: BulkReplayOptions): Promise<void>;
  /** Replays everything `query` matches, in the background (e.g. the events of an import). */
  replayMatching(query: ReplayQuery, options: BulkReplayOptions): Promise<void>;
  /** How many events `query` matches (capped), to confirm a bulk replay with its size. */
  countMatching(query: ReplayQuery): Promise<ApiOutput<'events.count'>>;
  /** What a replay of what `query` matches does by default: how many are re-signed, and why. */
  replayPlanOf(query: ReplayQuery): Promise<ReplayPlan>;
  /** Picks up bulk replays still running on the host, e.g. after a reload. */
  reattachReplays(): Promise<void>;
  cancelBulkReplay(jobId: string): Promise<void>;
  receiveReplayProgress(progress: ReplayProgress): void;
  dismissBulkReplay(jobId: string | null): void;
}

const isActive = (job: BulkReplay): boolean => job.state === 'starting' || job.state === 'running';

export const createReplaySlice =
  (api: ApiClient): StateCreator<AppState, [], [], ReplaySlice> =>
  (set, get) => {
    // Progress can be pushed before `events.replayMany` has answered with the job id.
    const early = new Map<string, ReplayProgress>();
    const update = (jobId: string | null, change: (job: BulkReplay) => BulkReplay) =>
      set({ bulkReplays: get().bulkReplays.map((job) => (job.jobId === jobId ? change(job) : job)) });

    return {
      replayStatus: 'idle',
      replayError: null,
      replayErrorFor: null,
      replayOriginal: null,
      bulkReplays: [],
      async replayEvent(id, options, edit) {
        set({ replayStatus: 'running', replayError: null, replayErrorFor: null });
        try {
          const replay = await api.call('events.replay', { id, ...options, ...(edit ? { edit } : {}) });
          set({ replayStatus: 'idle' });
          get().receiveEvent(replay);
          await get().openEvent(replay.id);
          return true;
        } catch (error) {
          set({ replayStatus: 'idle', replayError: describeError(error), replayErrorFor: id });
          return false;
        }
      },
      replayOptionsOf: (id) => api.call('events.replayOptions', { id }),
      resignedRequestOf: (id) => api.call('events.resignedRequest', { id }),
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
        if (query !== null) await get().replayMatching(query, options);
      },
      async replayMatching(query, options) {
        // Early progress is matched to the job that is starting; two starting at once could not be told apart.
        if (get().bulkReplays.some((job) => job.state === 'starting' || (job.state === 'running' && !job.reattached))) return;
        set({ bulkReplays: [...get().bulkReplays.filter(isActive), { jobId: null, total: 0, done: 0, state: 'starting' }] });
        try {
          const { jobId, total } = await api.call('events.replayMany', { ...query, ...modeInput(options) });
          const seen = early.get(jobId);
          early.clear();
          update(null, () => (seen ? { ...seen, jobId } : { jobId, total, done: 0, state: total === 0 ? 'finished' : 'running' }));
        } catch (error) {
          update(null, () => ({ jobId: null, total: 0, done: 0, state: 'failed', error: describeError(error) }));
        }
      },
      countMatching: ({ max: _max, ...query }) => api.call('events.count', query),
      replayPlanOf: (query) => api.call('events.replayPlan', query),
      async reattachReplays() {
        try {
          const jobs = await api.call('events.replayJobs', {});
          const known = new Set(get().bulkReplays.map((job) => job.jobId));
          const found = jobs.filter((job) => !known.has(job.jobId)).map((job): BulkReplay => ({ ...job, state: 'running', reattached: true }));
          if (found.length > 0) set({ bulkReplays: [...get().bulkReplays, ...found] });
        } catch {
          // Progress bars are a convenience; the replays go on without them.
        }
      },
      async cancelBulkReplay(jobId) {
        try {
          await api.call('events.cancelReplay', { jobId });
        } catch (error) {
          update(jobId, (job) => ({ ...job, error: describeError(error) }));
        }
      },
      receiveReplayProgress(progress) {
        const jobs = get().bulkReplays;
        const current = jobs.find((job) => job.jobId === progress.jobId);
        if (!current) {
          if (jobs.some((job) => job.state === 'starting')) early.set(progress.jobId, progress);
          // A replay started elsewhere (another window, a script) is shown as it runs.
          else if (progress.state === 'running') set({ bulkReplays: [...jobs, { ...progress, reattached: true }] });
          return;
        }
        // A finished job stays finished, and a late "running" never moves the count back.
        if (current.state !== 'running' || (progress.state === 'running' && progress.done < current.done)) return;
        const { jobId: _jobId, ...rest } = progress;
        update(progress.jobId, (job) => ({ ...job, ...rest }));
      },
      dismissBulkReplay: (jobId) => set({ bulkReplays: get().bulkReplays.filter((job) => job.jobId !== jobId) }),
    };
  };
