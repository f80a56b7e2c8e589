import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { Environment } from '../../../../shared/domain/environment';
import type { AppState } from '../../app/store';

export interface EnvironmentsSlice {
  environments: Environment[];
  /** The environment every page shows; null until the list is loaded. */
  currentEnv: string | null;
  /** Throws on failure: nothing works without environments, so boot reports it. */
  loadEnvironments(): Promise<void>;
  selectEnvironment(key: string): void;
}

export const createEnvironmentsSlice =
  (api: ApiClient): StateCreator<AppState, [], [], EnvironmentsSlice> =>
  (set, get) => ({
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
  });
