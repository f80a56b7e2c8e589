import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { EventDetail } from '../../../../shared/domain/event';
import { describeError } from '../../lib/errors';
import type { AppState } from '../../app/store';
import { fetchDetailForView, startDeferredBody, type DeferredBody } from './deferred-body';

/** The event open in the log's detail pane. */
export interface EventDetailSlice {
  selectedEventId: number | null;
  detail: EventDetail | null;
  detailStatus: 'idle' | 'loading' | 'error';
  detailError: string | null;
  /** A large body loading apart from its open event (HTTP only). */
  detailBody: DeferredBody | null;
  openEvent(id: number): Promise<void>;
  closeEvent(): void;
  /** The open event ran its mappings: its action runs are fetched again, quietly, without the body. */
  refreshOpenEvent(id: number): void;
}

export const createEventDetailSlice =
  (api: ApiClient): StateCreator<AppState, [], [], EventDetailSlice> =>
  (set, get) => {
    let stopBody = () => {};
    return {
      selectedEventId: null,
      detail: null,
      detailStatus: 'idle',
      detailError: null,
      detailBody: null,
      async openEvent(id) {
        const index = get().events.findIndex((e) => e.id === id);
        stopBody();
        set({ selectedEventId: id, detailStatus: 'loading', detailError: null, detailBody: null, ...(index >= 0 ? { activeIndex: index, cursorPinned: true } : {}) });
        try {
          const { detail, deferred } = await fetchDetailForView(api, id, get().events[index]?.bodySize);
          if (get().selectedEventId !== id) return;
          set({ detail, detailStatus: 'idle' });
          if (deferred) stopBody = startDeferredBody(id, deferred, { get, set });
        } catch (error) {
          if (get().selectedEventId === id) set({ detail: null, detailStatus: 'error', detailError: describeError(error) });
        }
      },
      closeEvent() {
        stopBody();
        set({ selectedEventId: null, detail: null, detailStatus: 'idle', detailError: null, detailBody: null });
      },
      refreshOpenEvent(id) {
        if (get().selectedEventId !== id) return;
        // Without the body: it has not changed, and a large one would cross again for nothing.
        api.call('events.get', { id, parsed: false, body: 'none' }).then(
          (fresh) => {
            const shown = get().detail;
            if (get().selectedEventId === id && shown?.id === id) set({ detail: { ...fresh, bodyText: shown.bodyText, bodyBase64: shown.bodyBase64 } });
          },
          () => undefined,
        );
      },
    };
  };
