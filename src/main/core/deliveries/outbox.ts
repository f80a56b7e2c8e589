import type { Db } from '../store/db';

interface OutboxRow {
  event_id: number;
  n: number;
  destination_id: string;
}

/**
 * Deliveries as the ingest writer writes them (migration 012): one small row per (event, matching
 * destination) in the event's transaction — one B-tree page more per commit instead of four, and no
 * foreign keys to check — queued into `deliveries` later, in its own transactions, in event order
 * (so ids keep the order ordered destinations and passthrough rely on). Rows whose event or
 * destination is gone by then are dropped.
 */
export function createOutbox(db: Db) {
  const insert = db.prepare<[number, number, string]>('INSERT INTO delivery_outbox (event_id, n, destination_id) VALUES (?, ?, ?)');
  const head = db.prepare<[number], OutboxRow>('SELECT event_id, n, destination_id FROM delivery_outbox ORDER BY event_id, n LIMIT ?');
  const through = db.prepare<[number], OutboxRow>('SELECT event_id, n, destination_id FROM delivery_outbox WHERE event_id <= ? ORDER BY event_id, n');
  const toDeliveries = db.prepare<[number, number]>(
    `INSERT INTO deliveries (event_id, destination_id, status, next_at, created_at)
     SELECT o.event_id, o.destination_id, 'pending', e.received_at, e.received_at
     FROM delivery_outbox o JOIN events e ON e.id = o.event_id JOIN destinations t ON t.id = o.destination_id
     WHERE (o.event_id, o.n) <= (?, ?) ORDER BY o.event_id, o.n`,
  );
  const drop = db.prepare<[number, number]>('DELETE FROM delivery_outbox WHERE (event_id, n) <= (?, ?)');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM delivery_outbox');
  const byDestination = db.prepare<[], { destination_id: string; n: number }>('SELECT destination_id, COUNT(*) AS n FROM delivery_outbox GROUP BY destination_id');
  const forDestination = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM delivery_outbox WHERE destination_id = ?');

  // Counted once; afterwards only ever too high (an ingest transaction rolled back), never too low.
  let rows = count.get()?.n ?? 0;

  const queue = db.transaction((limit: number, throughEventId: number | null): string[] => {
    const taken = throughEventId === null ? head.all(limit) : through.all(throughEventId);
    const last = taken.at(-1);
    if (!last) {
      if (throughEventId === null) rows = 0;
      return [];
    }
    toDeliveries.run(last.event_id, last.n);
    const removed = drop.run(last.event_id, last.n).changes;
    rows = throughEventId === null && taken.length < limit ? 0 : Math.max(0, rows - removed);
    return [...new Set(taken.map((r) => r.destination_id))];
  });

  return {
    enqueue(eventId: number, n: number, destinationId: string): void {
      insert.run(eventId, n, destinationId);
      rows += 1;
    },
    rows: (): number => rows,
    /**
     * Queues the oldest `limit` rows (or every row of events up to `throughEventId`) as pending
     * deliveries; returns the destinations that got some.
     */
    queue: (limit: number, throughEventId: number | null = null): string[] => (rows === 0 ? [] : queue(limit, throughEventId)),
    counts: (): Array<{ destination_id: string; status: string; n: number }> =>
      rows === 0 ? [] : byDestination.all().map((r) => ({ ...r, status: 'pending' })),
    countFor: (destinationId: string): number => (rows === 0 ? 0 : (forDestination.get(destinationId)?.n ?? 0)),
  };
}
