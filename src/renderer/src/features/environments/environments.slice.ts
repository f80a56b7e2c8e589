import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { Environment } from '../../../../shared/domain/environment';
import { fail, ok, type ApiResult } from '../../../../shared/api/result';
import type { AppState } from '../../app/store';

/** Nothing back on success; the host's error (code, message, issues) otherwise. */
export type EnvMutation = ApiResult<null>;

export interface EnvironmentsSlice {
  environments: Environment[];
  /** The environment every page shows; null until the list is loaded. */
  currentEnv: string | null;
  /** Throws on failure: nothing works without environments, so boot reports it. */
  loadEnvironments(): Promise<void>;
  selectEnvironment(key: string): void;
  createEnvironment(key: string, name: string): Promise<EnvMutation>;
  renameEnvironment(key: string, name: string): Promise<EnvMutation>;
  /** Refused here for the last environment (the host refuses it too). */
  deleteEnvironment(key: string): Promise<EnvMutation>;
}

export const createEnvironmentsSlice =
  (api: ApiClient): StateCreator<AppState, [], [], EnvironmentsSlice> =>
  (set, get) => {
    /** Runs a change, then reloads the list (sources gain or lose settings with it). */
    const mutate = async (run: () => Promise<ApiResult<unknown>>): Promise<EnvMutation> => {
      const result = await run();
      if (!result.ok) return result;
      await Promise.all([get().loadEnvironments().catch(() => undefined), get().loadSources()]);
      return ok(null);
    };

    return {
      environments: [],
      currentEnv: null,
      async loadEnvironments() {
        const environments = await api.call('environments.list', {});
        const current = get().currentEnv;
        const keep = environments.some((e) => e.key === current);
        set({ environments, currentEnv: keep ? current : (environments[0]?.key ?? null) });
        if (!keep && current !== null) void get().loadEvents();
      },
      selectEnvironment(key) {
        if (key === get().currentEnv) return;
        set({ currentEnv: key });
        void get().loadEvents();
      },
      createEnvironment: (key, name) => mutate(() => api.result('environments.create', name.trim() ? { key, name: name.trim() } : { key })),
      renameEnvironment: (key, name) => mutate(() => api.result('environments.rename', { key, name: name.trim() })),
      async deleteEnvironment(key) {
        if (get().environments.length <= 1) return fail('conflict', 'The last environment cannot be deleted: every source needs one.');
        return mutate(() => api.result('environments.delete', { key }));
      },
    };
  };
