import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { PushPayload } from '../../../../shared/api/events';
import type { EventDetail, EventSummary } from '../../../../shared/domain/event';
import { describeError } from '../../lib/errors';
import type { AppState } from '../../app/store';

const PAGE_SIZE = 100;

export interface EventsSlice {
  events: EventSummary[];
  eventsStatus: 'idle' | 'loading' | 'loading-more' | 'error';
  eventsError: string | null;
  nextCursor: number | null;
  /** The keyboard cursor in the list (index into `events`). */
  activeIndex: number;
  /** Once the user moved the cursor or opened a row, new arrivals must not shift it off that row. */
  cursorPinned: boolean;
  selectedEventId: number | null;
  detail: EventDetail | null;
  detailStatus: 'idle' | 'loading' | 'error';
  detailError: string | null;
  /** First page of the current environment, from scratch. */
  loadEvents(): Promise<void>;
  /** First page again, merged with what is shown (after a push-stream gap). */
  refreshEvents(): Promise<void>;
  loadMoreEvents(): Promise<void>;
  /** A pushed `events.received`: shown at once when it belongs to the current environment. */
  receiveEvent(event: EventSummary): void;
  /** A pushed `events.processed`: the mappings ran (or were skipped) for an event already listed. */
  markProcessed(update: PushPayload<'events.processed'>): void;
  setActiveIndex(index: number): void;
  openEvent(id: number): Promise<void>;
  closeEvent(): void;
}

/** Newest first, each id once; ids are monotonic so they order the log. */
export const mergeNewestFirst = (a: readonly EventSummary[], b: readonly EventSummary[]): EventSummary[] => {
  const byId = new Map<number, EventSummary>();
  for (const e of [...a, ...b]) byId.set(e.id, e);
  return [...byId.values()].sort((x, y) => y.id - x.id);
};

export const createEventsSlice =
  (api: ApiClient): StateCreator<AppState, [], [], EventsSlice> =>
  (set, get) => {
    // Answers for an environment the user already left must not land in the list.
    let generation = 0;

    const fetchFirstPage = async (keepShown: boolean) => {
      const environment = get().currentEnv;
      if (environment === null) return;
      const mine = ++generation;
      set(keepShown ? { eventsError: null } : { events: [], nextCursor: null, activeIndex: 0, cursorPinned: false, eventsStatus: 'loading', eventsError: null });
      try {
        const page = await api.call('events.list', { environment, limit: PAGE_SIZE });
        if (mine !== generation) return;
        // Keep events pushed while the page was on its way.
        const shown = keepShown ? get().events : get().events.filter((e) => e.environment === environment);
        set({ events: mergeNewestFirst(page.items, shown), nextCursor: page.nextCursor, eventsStatus: 'idle' });
      } catch (error) {
        if (mine === generation) set({ eventsStatus: 'error', eventsError: describeError(error) });
      }
    };

    return {
      events: [],
      eventsStatus: 'idle',
      eventsError: null,
      nextCursor: null,
      activeIndex: 0,
      cursorPinned: false,
      selectedEventId: null,
      detail: null,
      detailStatus: 'idle',
      detailError: null,
      loadEvents: () => {
        set({ selectedEventId: null, detail: null, detailStatus: 'idle' });
        return fetchFirstPage(false);
      },
      refreshEvents: () => fetchFirstPage(true),
      async loadMoreEvents() {
        const { nextCursor, currentEnv, eventsStatus } = get();
        if (nextCursor === null || currentEnv === null || eventsStatus !== 'idle') return;
        const mine = generation;
        set({ eventsStatus: 'loading-more', eventsError: null });
        try {
          const page = await api.call('events.list', { environment: currentEnv, cursor: nextCursor, limit: PAGE_SIZE });
          if (mine !== generation) return;
          set({ events: mergeNewestFirst(get().events, page.items), nextCursor: page.nextCursor, eventsStatus: 'idle' });
        } catch (error) {
          if (mine === generation) set({ eventsStatus: 'error', eventsError: describeError(error) });
        }
      },
      receiveEvent(event) {
        if (event.environment !== get().currentEnv) return;
        const { events, activeIndex, cursorPinned } = get();
        if (events.some((e) => e.id === event.id)) return;
        const merged = mergeNewestFirst(events, [event]);
        // An untouched cursor stays on the newest row; a chosen one stays on its row.
        const shift = cursorPinned && merged.indexOf(event) <= activeIndex ? 1 : 0;
        set({ events: merged, activeIndex: activeIndex + shift });
      },
      markProcessed({ id, processing, actionStatus }) {
        if (get().events.some((e) => e.id === id)) {
          set({ events: get().events.map((e) => (e.id === id ? { ...e, processing, actionStatus } : e)) });
        }
        // The open detail gains its action runs; refetched quietly, without a loading flash.
        if (get().selectedEventId === id) {
          api.call('events.get', { id }).then(
            (detail) => get().selectedEventId === id && set({ detail }),
            () => undefined,
          );
        }
      },
      setActiveIndex(index) {
        const max = get().events.length - 1;
        set({ activeIndex: Math.max(0, Math.min(index, max)), cursorPinned: true });
      },
      async openEvent(id) {
        const index = get().events.findIndex((e) => e.id === id);
        set({ selectedEventId: id, detailStatus: 'loading', detailError: null, ...(index >= 0 ? { activeIndex: index, cursorPinned: true } : {}) });
        try {
          const detail = await api.call('events.get', { id });
          if (get().selectedEventId === id) set({ detail, detailStatus: 'idle' });
        } catch (error) {
          if (get().selectedEventId === id) set({ detail: null, detailStatus: 'error', detailError: describeError(error) });
        }
      },
      closeEvent: () => set({ selectedEventId: null, detail: null, detailStatus: 'idle', detailError: null }),
    };
  };
