import { setTimeout as sleep } from 'node:timers/promises';
import type { ConfigChange } from '../../../shared/api/events';
import type { CoreContext } from '../context';
import type { NewEvent } from '../store/repos/events.repo';
import { createDeliveryService, type DeliveryServiceOptions } from './delivery-service';
import { createResponseSettings } from './responses';

export type { DeliveryService, DeliveryServiceOptions, Timers } from './delivery-service';
export type { ResponseSettings } from './responses';

/** Forwarding as the core runs it: the delivery service and the receiver's chosen answers. */
export function createForwarding(ctx: CoreContext, options: DeliveryServiceOptions & { random?: () => number } = {}) {
  const service = createDeliveryService(ctx, options);
  const responses = createResponseSettings(ctx.db, {
    random: options.random ?? Math.random,
    sleep: (ms) => sleep(ms),
    firstAnswer: (eventId, timeoutMs) => service.firstAnswer(eventId, timeoutMs),
  });
  const writeWithDeliveries = ctx.db.transaction((events: readonly NewEvent[]) => {
    const ids = ctx.events.insertWithin(events);
    service.enqueueFor(ids, events);
    return ids;
  });
  return {
    service,
    responses,
    /**
     * The ingest writer: events and their deliveries in one transaction, so a delivery exists
     * exactly when its event does (a crash right after the receiver's 2xx loses neither).
     */
    write: (events: readonly NewEvent[]): number[] => writeWithDeliveries(events),
    configChanged(changes: readonly ConfigChange[]): void {
      if (changes.includes('destinations') || changes.includes('sources') || changes.includes('environments')) {
        service.reload();
        responses.reload();
      }
    },
  };
}
export type Forwarding = ReturnType<typeof createForwarding>;
