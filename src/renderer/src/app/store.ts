import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../shared/api/client';
import { createEnvironmentsSlice, type EnvironmentsSlice } from '../features/environments/environments.slice';
import { createEventsSlice, type EventsSlice } from '../features/log/log.slice';
import { createSourcesSlice, type SourcesSlice } from '../features/sources/sources.slice';
import { createAppSlice, type AppSlice } from './app.slice';

export type AppState = AppSlice & EnvironmentsSlice & SourcesSlice & EventsSlice;
export type AppStore = StoreApi<AppState>;

/** One store per connection; the API client is injected so tests pass a fake one. */
export const createAppStore = (api: ApiClient): AppStore =>
  createStore<AppState>()((...a) => ({
    ...createAppSlice(api)(...a),
    ...createEnvironmentsSlice(api)(...a),
    ...createSourcesSlice(api)(...a),
    ...createEventsSlice(api)(...a),
  }));

/** Routes push events into the store; returns the unsubscribe function. */
export function wirePushEvents(api: ApiClient, store: AppStore): () => void {
  const offs = [
    api.on('events.received', (event) => store.getState().receiveEvent(event)),
    api.on('events.processed', (update) => store.getState().markProcessed(update)),
    api.on('config.changed', ({ what }) => {
      const state = store.getState();
      if (what === 'sources') void state.loadSources();
      if (what === 'environments') void state.loadEnvironments().catch(() => undefined);
    }),
  ];
  return () => offs.forEach((off) => off());
}
