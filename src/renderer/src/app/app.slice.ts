import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../shared/api/client';
import type { ApiOutput } from '../../../shared/api/contract';
import { describeError } from '../lib/errors';
import type { AppState } from './store';
import type { LiveStatus } from '../api/http-transport';

export type View = 'sources' | 'gallery' | 'log' | 'workspace' | 'settings';

export interface AppSlice {
  info: ApiOutput<'app.info'> | null;
  bootStatus: 'loading' | 'ready' | 'error';
  bootError: string | null;
  view: View;
  /** The Sources page shows the blank custom-source form (reached from the gallery's Custom card). */
  sourceCreating: boolean;
  live: LiveStatus;
  /** Loads what every page needs; the log follows once the environment is known. */
  boot(): Promise<void>;
  setView(view: View): void;
  setSourceCreating(creating: boolean): void;
  setLive(live: LiveStatus): void;
}

export const createAppSlice = (api: ApiClient): StateCreator<AppState, [], [], AppSlice> => (set, get) => {
  // Set when a live stream dropped: events pushed during the gap were missed.
  let missedPushes = false;

  return {
    info: null,
    bootStatus: 'loading',
    bootError: null,
    view: 'sources',
    sourceCreating: false,
    live: 'connecting',
    async boot() {
      set({ bootStatus: 'loading', bootError: null });
      try {
        const [info] = await Promise.all([api.call('app.info', {}), get().loadEnvironments(), get().loadPresets()]);
        set({ info });
        await get().loadSources();
        set({ bootStatus: 'ready' });
        // Bulk replays started before a reload keep running on the host; show their progress again.
        await Promise.all([get().loadEvents(), get().reattachReplays()]);
      } catch (error) {
        set({ bootStatus: 'error', bootError: describeError(error) });
      }
    },
    setView: (view) => set({ view, sourceCreating: false }),
    setSourceCreating: (sourceCreating) => set(sourceCreating ? { view: 'sources', sourceCreating } : { sourceCreating }),
    setLive(live) {
      if (live === 'offline' && get().live === 'live') missedPushes = true;
      set({ live });
      if (live === 'live' && missedPushes && get().bootStatus === 'ready') {
        missedPushes = false;
        void get().refreshEvents();
      }
    },
  };
};
