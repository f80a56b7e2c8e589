import type { Destination, DeliveryStatus } from '../../../../shared/domain/destination';
import type { EventSummary } from '../../../../shared/domain/event';
import { eventTypeMatches } from '../../../../shared/domain/mapping';

/** The order the log's column sums deliveries in (as the host does): what needs attention first. */
const RANK: Record<DeliveryStatus, number> = { failed: 3, held: 2, pending: 1, delivered: 0 };

export function worstDelivery(states: Iterable<DeliveryStatus>): DeliveryStatus | null {
  let worst: DeliveryStatus | null = null;
  for (const s of states) if (worst === null || RANK[s] > RANK[worst]) worst = s;
  return worst;
}

export const isHolding = (d: Pick<Destination, 'paused' | 'autoHeld'>): boolean => d.paused || d.autoHeld;

/** The destinations the host forwards a just-received event to (as its destination cache decides). */
export function destinationsFor(event: EventSummary, destinations: readonly Destination[]): Destination[] {
  if (event.processing === 'none' || event.sourceId === null) return [];
  return destinations.filter(
    (d) =>
      d.enabled &&
      d.sourceId === event.sourceId &&
      d.environment === event.environment &&
      (d.eventTypes.length === 0 || d.eventTypes.some((p) => eventTypeMatches(p, event.eventType))),
  );
}

/**
 * Per listed event, what is known of each of its deliveries: seeded when it arrives (held or
 * pending, from its destinations), then moved by `deliveries.changed` and `destinations.status`.
 * Bounded: the oldest events are forgotten first (the log shows their stored state).
 */
export function createDeliveryTracker(limit = 2000) {
  const byEvent = new Map<number, Map<string, DeliveryStatus>>();
  const trim = () => {
    for (const id of byEvent.keys()) {
      if (byEvent.size <= limit) break;
      byEvent.delete(id);
    }
  };
  return {
    seed(eventId: number, destinations: readonly Destination[]): DeliveryStatus | null {
      if (destinations.length === 0) return null;
      const known = byEvent.get(eventId) ?? new Map<string, DeliveryStatus>();
      for (const d of destinations) if (!known.has(d.id)) known.set(d.id, isHolding(d) ? 'held' : 'pending');
      byEvent.set(eventId, known);
      trim();
      return worstDelivery(known.values());
    },
    /** One delivery moved; returns the event's summed state. */
    update(eventId: number, destinationId: string, status: DeliveryStatus): DeliveryStatus | null {
      const known = byEvent.get(eventId) ?? new Map<string, DeliveryStatus>();
      known.set(destinationId, status);
      byEvent.set(eventId, known);
      trim();
      return worstDelivery(known.values());
    },
    /** A destination started or stopped holding: its waiting deliveries follow. Returns the events that changed. */
    holding(destinationId: string, holding: boolean): Map<number, DeliveryStatus | null> {
      const changed = new Map<number, DeliveryStatus | null>();
      const [from, to]: [DeliveryStatus, DeliveryStatus] = holding ? ['pending', 'held'] : ['held', 'pending'];
      for (const [eventId, known] of byEvent) {
        if (known.get(destinationId) !== from) continue;
        known.set(destinationId, to);
        changed.set(eventId, worstDelivery(known.values()));
      }
      return changed;
    },
  };
}
export type DeliveryTracker = ReturnType<typeof createDeliveryTracker>;
