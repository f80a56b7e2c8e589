import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { ApiInput, ApiOutput } from '../../../../shared/api/contract';
import type { PushPayload } from '../../../../shared/api/events';
import type { ApiResult } from '../../../../shared/api/result';
import type { Destination, DeliveryStatus, ResponseSetting } from '../../../../shared/domain/destination';
import type { EventSummary } from '../../../../shared/domain/event';
import type { AppState } from '../../app/store';
import { describeError } from '../../lib/errors';
import { createDeliveryTracker, destinationsFor, isHolding } from './delivery-states';

export type DestinationTestResult = ApiOutput<'destinations.test'>;

export interface DestinationsSlice {
  /** Every destination (all sources and environments): the Forwarding tab shows some, the frame's badge all. */
  destinations: Destination[];
  destinationsStatus: 'idle' | 'loading' | 'error';
  destinationsError: string | null;
  /** What the receiver answers, by `sourceId\0environment`, once loaded. */
  responseSettings: Record<string, ResponseSetting>;
  loadDestinations(): Promise<void>;
  /** Coalesces bursts (deliveries, arrivals) into one `destinations.list` call. */
  scheduleDestinationsRefresh(): void;
  createDestination(input: ApiInput<'destinations.create'>): Promise<ApiResult<Destination>>;
  updateDestination(input: ApiInput<'destinations.update'>): Promise<ApiResult<Destination>>;
  deleteDestination(id: string): Promise<ApiResult<unknown>>;
  pauseDestination(id: string): Promise<ApiResult<Destination>>;
  /** Releases held events, all at once or at `ratePerSecond`. */
  resumeDestination(id: string, ratePerSecond?: number): Promise<ApiResult<Destination>>;
  retryFailedDeliveries(id: string): Promise<ApiResult<{ queued: number }>>;
  testDestination(id: string): Promise<ApiResult<DestinationTestResult>>;
  loadResponseSetting(sourceId: string, environment: string): Promise<ApiResult<ResponseSetting>>;
  saveResponseSetting(sourceId: string, environment: string, setting: ResponseSetting): Promise<ApiResult<ResponseSetting>>;
  /** The source page's Forwarding tab in that environment (the frame's badge goes there). */
  openForwarding(sourceId: string, environment: string): void;
  /** Pushes: the log's delivery column and the destinations' health follow them. */
  noteEventForwarding(event: EventSummary): void;
  receiveDeliveryState(change: PushPayload<'deliveries.changed'>): void;
  receiveDestinationStatus(status: PushPayload<'destinations.status'>): void;
}

export const DESTINATIONS_DEBOUNCE_MS = 1000;
export const responseKey = (sourceId: string, environment: string): string => `${sourceId}\u0000${environment}`;

export const createDestinationsSlice =
  (api: ApiClient, debounceMs = DESTINATIONS_DEBOUNCE_MS): StateCreator<AppState, [], [], DestinationsSlice> =>
  (set, get) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let generation = 0;
    const tracker = createDeliveryTracker();
    // Row patches are gathered and applied together: a burst of deliveries re-renders the log once.
    const dirty = new Map<number, DeliveryStatus | null>();
    let flushQueued = false;
    const patchRows = (changes: ReadonlyMap<number, DeliveryStatus | null>) => {
      for (const [id, state] of changes) dirty.set(id, state);
      if (flushQueued || dirty.size === 0) return;
      flushQueued = true;
      queueMicrotask(() => {
        flushQueued = false;
        const patch = new Map(dirty);
        dirty.clear();
        const apply = (list: EventSummary[]) => (list.some((e) => patch.has(e.id)) ? list.map((e) => (patch.has(e.id) ? { ...e, delivery: patch.get(e.id) ?? null } : e)) : list);
        const { events, heldArrivals } = get();
        set({ events: apply(events), heldArrivals: apply(heldArrivals) });
      });
    };
    const forwardingShown = () => get().view === 'sources' && get().sourceTab === 'forwarding';
    // After a change the list is read again; the answer of an older read never lands over it.
    const mutate = async <T>(call: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> => {
      const result = await call();
      if (result.ok) await get().loadDestinations();
      return result;
    };

    return {
      destinations: [],
      destinationsStatus: 'idle',
      destinationsError: null,
      responseSettings: {},
      async loadDestinations() {
        const mine = ++generation;
        if (get().destinations.length === 0) set({ destinationsStatus: 'loading' });
        try {
          const destinations = await api.call('destinations.list', {});
          if (mine === generation) set({ destinations, destinationsStatus: 'idle', destinationsError: null });
        } catch (error) {
          if (mine === generation) set({ destinationsStatus: 'error', destinationsError: describeError(error) });
        }
      },
      scheduleDestinationsRefresh() {
        if (timer !== null) return;
        timer = setTimeout(() => {
          timer = null;
          void get().loadDestinations();
        }, debounceMs);
      },
      createDestination: (input) => mutate(() => api.result('destinations.create', input)),
      updateDestination: (input) => mutate(() => api.result('destinations.update', input)),
      deleteDestination: (id) => mutate(() => api.result('destinations.delete', { id })),
      pauseDestination: (id) => mutate(() => api.result('destinations.pause', { id })),
      resumeDestination: (id, ratePerSecond) => mutate(() => api.result('destinations.resume', ratePerSecond ? { id, ratePerSecond } : { id })),
      retryFailedDeliveries: (id) => mutate(() => api.result('destinations.retryFailed', { id })),
      testDestination: (id) => api.result('destinations.test', { id }),
      async loadResponseSetting(sourceId, environment) {
        const result = await api.result('responses.get', { sourceId, environment });
        if (result.ok) set({ responseSettings: { ...get().responseSettings, [responseKey(sourceId, environment)]: result.value } });
        return result;
      },
      async saveResponseSetting(sourceId, environment, setting) {
        const result = await api.result('responses.set', { sourceId, environment, ...setting });
        if (result.ok) set({ responseSettings: { ...get().responseSettings, [responseKey(sourceId, environment)]: result.value } });
        return result;
      },
      openForwarding(sourceId, environment) {
        if (get().currentEnv !== environment) get().selectEnvironment(environment);
        set({ view: 'sources', selectedSourceId: sourceId, sourceTab: 'forwarding', sourceCreating: false });
      },
      noteEventForwarding(event) {
        const targets = destinationsFor(event, get().destinations);
        if (targets.length === 0) return;
        patchRows(new Map([[event.id, tracker.seed(event.id, targets)]]));
        // Held events are counted (tab and badge), and holding sends no delivery push: read the counts.
        if (forwardingShown() || targets.some(isHolding)) get().scheduleDestinationsRefresh();
      },
      receiveDeliveryState({ eventId, destinationId, status }) {
        // An attempt that started before its app went down reports `pending`; it waits held now.
        const destination = get().destinations.find((d) => d.id === destinationId);
        const state = status === 'pending' && destination && isHolding(destination) ? 'held' : status;
        patchRows(new Map([[eventId, tracker.update(eventId, destinationId, state)]]));
        if (forwardingShown()) get().scheduleDestinationsRefresh();
      },
      receiveDestinationStatus(status) {
        const holding = status.health === 'held';
        set({
          destinations: get().destinations.map((d) =>
            d.id === status.id ? { ...d, health: status.health, counts: { ...d.counts, held: status.held }, autoHeld: holding && !d.paused } : d,
          ),
        });
        patchRows(tracker.holding(status.id, holding));
        get().scheduleDestinationsRefresh();
      },
    };
  };
