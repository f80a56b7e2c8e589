import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { DeliveryDetail } from '../../../../shared/domain/destination';

export interface DeliveriesSlice {
  /** Deliveries (with attempts) of the events whose detail was opened, by event id. */
  deliveriesByEvent: Record<number, DeliveryDetail[]>;
  deliveriesError: string | null;
  loadDeliveries(eventId: number): Promise<void>;
  retryDelivery(id: number, eventId: number): Promise<void>;
  /** A `deliveries.changed` push: the event's list is read again if it is shown. */
  receiveDeliveryChange(eventId: number): void;
}

export const createDeliveriesSlice = (api: ApiClient): StateCreator<DeliveriesSlice, [], [], DeliveriesSlice> => (set, get) => ({
  deliveriesByEvent: {},
  deliveriesError: null,
  async loadDeliveries(eventId) {
    try {
      const list = await api.call('deliveries.list', { eventId });
      set((s) => ({ deliveriesByEvent: { ...s.deliveriesByEvent, [eventId]: list }, deliveriesError: null }));
    } catch (error) {
      set({ deliveriesError: error instanceof Error ? error.message : String(error) });
    }
  },
  async retryDelivery(id, eventId) {
    try {
      await api.call('deliveries.retry', { id });
      await get().loadDeliveries(eventId);
    } catch (error) {
      set({ deliveriesError: error instanceof Error ? error.message : String(error) });
    }
  },
  receiveDeliveryChange(eventId) {
    if (get().deliveriesByEvent[eventId]) void get().loadDeliveries(eventId);
  },
});
