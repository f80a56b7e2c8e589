import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../shared/api/client';
import { createEnvironmentsSlice, type EnvironmentsSlice } from '../features/environments/environments.slice';
import { createEventsSlice, type EventsSlice } from '../features/log/log.slice';
import { createEventDetailSlice, type EventDetailSlice } from '../features/log/event-detail.slice';
import { createReplaySlice, type ReplaySlice } from '../features/log/replay.slice';
import { createImportSlice, type ImportSlice } from '../features/log/import.slice';
import { createExportSlice, type ExportSlice } from '../features/log/export.slice';
import { createConfigSlice, type ConfigSlice } from '../features/settings/config.slice';
import { createFixturesSlice, type FixturesSlice } from '../features/fixtures/fixtures.slice';
import { createTunnelSlice, type TunnelSlice } from '../features/tunnel/tunnel.slice';
import { createSettingsSlice, type SettingsSlice } from '../features/settings/settings.slice';
import { createSourcesSlice, type SourcesSlice } from '../features/sources/sources.slice';
import { createSourcePageSlice, type SourcePageSlice } from '../features/sources/source-page.slice';
import { createMappingsSlice, type MappingsSlice } from '../features/mappings/mappings.slice';
import { createMappingSamplesSlice, type MappingSamplesSlice } from '../features/mappings/mapping-samples.slice';
import { createTemplatesSlice, type TemplatesSlice } from '../features/templates/templates.slice';
import { createWorkspaceSlice, type WorkspaceSlice } from '../features/workspace/workspace.slice';
import { createShapesSlice, type ShapesSlice } from '../features/shapes/shapes.slice';
import { createDeliveriesSlice, type DeliveriesSlice } from '../features/destinations/deliveries.slice';
import { createDestinationsSlice, type DestinationsSlice } from '../features/destinations/destinations.slice';
import { createHealthSlice, type HealthSlice } from '../features/health/health.slice';
import { createAppSlice, type AppSlice } from './app.slice';

export type AppState = AppSlice & EnvironmentsSlice & SourcesSlice & EventsSlice & EventDetailSlice & TemplatesSlice & WorkspaceSlice & SourcePageSlice & MappingsSlice & MappingSamplesSlice & ReplaySlice & ImportSlice & ExportSlice & ConfigSlice & FixturesSlice & TunnelSlice & SettingsSlice & ShapesSlice & DeliveriesSlice & DestinationsSlice & HealthSlice;
export type AppStore = StoreApi<AppState>;

/** One store per connection; the API client is injected so tests pass a fake one. */
export const createAppStore = (api: ApiClient): AppStore =>
  createStore<AppState>()((...a) => ({
    ...createAppSlice(api)(...a),
    ...createEnvironmentsSlice(api)(...a),
    ...createSourcesSlice(api)(...a),
    ...createEventsSlice(api)(...a),
    ...createEventDetailSlice(api)(...a),
    ...createReplaySlice(api)(...a),
    ...createImportSlice(api)(...a),
    ...createExportSlice(api)(...a),
    ...createConfigSlice(api)(...a),
    ...createFixturesSlice(api)(...a),
    ...createTunnelSlice(api)(...a),
    ...createSettingsSlice(api)(...a),
    ...createTemplatesSlice(api)(...a),
    ...createWorkspaceSlice(api)(...a),
    ...createSourcePageSlice(api)(...a),
    ...createMappingsSlice(api)(...a),
    ...createMappingSamplesSlice(api)(...a),
    ...createShapesSlice(api)(...a),
    ...createDeliveriesSlice(api)(...a),
    ...createDestinationsSlice(api)(...a),
    ...createHealthSlice(api)(...a),
  }));

/** Routes push events into the store; returns the unsubscribe function. */
export function wirePushEvents(api: ApiClient, store: AppStore): () => void {
  const offs = [
    api.on('events.received', (event) => store.getState().receiveEvent(event)),
    api.on('events.processed', (update) => store.getState().markProcessed(update)),
    api.on('replay.progress', (progress) => store.getState().receiveReplayProgress(progress)),
    api.on('captures.progress', (progress) => store.getState().receiveCaptureProgress(progress)),
    api.on('tunnel.statusChanged', (status) => store.getState().receiveTunnelStatus(status)),
    api.on('health.changed', ({ database }) => store.getState().receiveHealth(database)),
    api.on('deliveries.changed', ({ eventId }) => store.getState().receiveDeliveryChange(eventId)),
    api.on('deliveries.changed', (change) => store.getState().receiveDeliveryState(change)),
    api.on('destinations.status', (status) => store.getState().receiveDestinationStatus(status)),
    api.on('events.received', (event) => store.getState().noteEventForwarding(event)),
    api.on('retention.progress', (progress) => store.getState().receiveRetentionProgress(progress)),
    api.on('events.processed', () => store.getState().scheduleWorkspaceRefresh()),
    api.on('events.received', (event) => {
      store.getState().scheduleStatsRefresh();
      store.getState().noteSourceEvent(event);
    }),
    api.on('events.processed', (update) => {
      store.getState().scheduleStatsRefresh();
      store.getState().noteSourceEventProcessed(update);
    }),
    api.on('config.changed', ({ what }) => {
      const state = store.getState();
      if (what === 'mappings' && state.mappingsSourceId) void state.loadMappings(state.mappingsSourceId);
      if (what === 'sources') void state.loadSources();
      if (what === 'environments') void state.loadEnvironments().catch(() => undefined);
      if (what === 'workflows') state.scheduleWorkspaceRefresh();
      if (what === 'fixtures') void state.reloadFixtures();
      if (what === 'destinations' || what === 'sources') state.scheduleDestinationsRefresh();
    }),
  ];
  return () => offs.forEach((off) => off());
}
