import type { Delivery, DeliveryDetail, Destination } from '../../../shared/domain/destination';
import type { DeliveryRow } from './deliveries-repo';
import type { DeliveryService } from './delivery-service';
import type { DestinationRecord } from './destinations-repo';

/** A destination as the API shows it: no secret, with health and counts. */
export function destinationView(service: DeliveryService, d: DestinationRecord, counts = service.repo.counts().get(d.id) ?? {}): Destination {
  const held = d.paused || d.autoHeldAt !== null;
  const pending = counts.pending ?? 0;
  return {
    id: d.id,
    sourceId: d.sourceId,
    environment: d.environment,
    name: d.name,
    url: d.url,
    eventTypes: d.eventTypes,
    enabled: d.enabled,
    timeoutMs: d.timeoutMs,
    signing: d.signing,
    ordered: d.ordered,
    concurrency: d.concurrency,
    retrySchedule: d.retrySchedule,
    hasSecret: d.secret !== null,
    paused: d.paused,
    autoHeld: d.autoHeldAt !== null,
    health: service.healthOf(d),
    counts: { pending: held ? 0 : pending, held: held ? pending : 0, failed: counts.failed ?? 0, delivered: counts.delivered ?? 0 },
    createdAt: d.createdAt,
  };
}

export function deliveryView(service: DeliveryService, row: DeliveryRow): Delivery {
  const d = service.cache.get(row.destination_id);
  return {
    id: row.id,
    eventId: row.event_id,
    destinationId: row.destination_id,
    destinationName: d?.name ?? row.destination_id,
    status: service.statusOf(row.status, d),
    attempts: row.attempts,
    nextAt: row.status === 'pending' ? row.next_at : null,
    lastStatus: row.last_status,
    lastError: row.last_error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

export const deliveryDetail = (service: DeliveryService, row: DeliveryRow): DeliveryDetail => ({
  ...deliveryView(service, row),
  attemptLog: service.repo.attempts(row.id),
});
