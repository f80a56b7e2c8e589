import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { ApiInput, ApiOutput } from '../../../../shared/api/contract';
import type { PushPayload } from '../../../../shared/api/events';
import { ok, type ApiResult } from '../../../../shared/api/result';
import { describeError } from '../../lib/errors';
import type { AppState } from '../../app/store';

export type AppSettingsView = ApiOutput<'settings.get'>;
/** Nothing back on success; the host's error (code, message, issues) otherwise. */
export type SaveResult = ApiResult<null>;

export interface PruneState {
  state: 'running' | 'finished' | 'failed';
  deleted: number;
  /** How many the prune will remove, once the host said (the first progress event). */
  total: number | null;
  error?: string;
}

export interface SettingsSlice {
  settings: AppSettingsView | null;
  settingsStatus: 'idle' | 'loading' | 'error';
  settingsError: string | null;
  prune: PruneState | null;
  loadSettings(): Promise<void>;
  /** Sections given are merged over the current ones; the answer is what the host kept. */
  updateSettings(patch: ApiInput<'settings.update'>): Promise<SaveResult>;
  pruneNow(): Promise<void>;
  /** A pushed `retention.progress` (background pruning too). */
  receiveRetentionProgress(progress: PushPayload<'retention.progress'>): void;
}

export const createSettingsSlice =
  (api: ApiClient): StateCreator<AppState, [], [], SettingsSlice> =>
  (set, get) => ({
    settings: null,
    settingsStatus: 'idle',
    settingsError: null,
    prune: null,
    async loadSettings() {
      set({ settingsStatus: 'loading', settingsError: null });
      try {
        set({ settings: await api.call('settings.get', {}), settingsStatus: 'idle' });
      } catch (error) {
        set({ settingsStatus: 'error', settingsError: describeError(error) });
      }
    },
    async updateSettings(patch) {
      const result = await api.result('settings.update', patch);
      if (!result.ok) return result;
      set({ settings: result.value });
      return ok(null);
    },
    async pruneNow() {
      if (get().prune?.state === 'running') return;
      set({ prune: { state: 'running', deleted: 0, total: null } });
      try {
        const { deleted } = await api.call('retention.prune', {});
        const done = Math.max(deleted, get().prune?.deleted ?? 0);
        set({ prune: { state: 'finished', deleted: done, total: Math.max(done, get().prune?.total ?? 0) } });
      } catch (error) {
        set({ prune: { state: 'failed', deleted: get().prune?.deleted ?? 0, total: get().prune?.total ?? null, error: describeError(error) } });
      }
    },
    receiveRetentionProgress({ deleted, total, state }) {
      const current = get().prune;
      // Background pruning only shows while the user watches a prune they started.
      if (current?.state !== 'running') return;
      set({ prune: { state: state === 'finished' ? 'finished' : 'running', deleted: Math.max(deleted, current.deleted), total: Math.max(total, current.total ?? 0) } });
    },
  });
