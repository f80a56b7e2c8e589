import { DeliveryAttemptSchema, type DeliveryAttempt } from '../../../shared/domain/destination';
import type { Db } from '../store/db';
import { REQUEST_COLUMNS, toLoggedRequest, type LoggedRequest, type RequestRow } from '../store/repos/events.repo';
import { createOutbox } from './outbox';

export interface DeliveryRow {
  id: number;
  event_id: number;
  destination_id: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_at: number;
  created_at: number;
  finished_at: number | null;
  last_status: number | null;
  last_error: string | null;
}

/** A claimed delivery, with its event's logged request when it was small enough to read along. */
export interface ClaimedDelivery extends DeliveryRow {
  request?: LoggedRequest;
}

/** Bodies up to this size are read with the claim (256 rows hold at most 4 MiB); larger ones when their delivery starts. */
const READ_ALONG_BYTES = 16 * 1024;

/** A delivery row with its event's request columns (LEFT JOIN: null when the event is gone, body null when too large). */
type ClaimRow = DeliveryRow & Omit<RequestRow, 'id' | 'body'> & { e_id: number | null; body: Buffer | null };

/** The request columns of a claim: one statement for a batch of deliveries instead of a read per attempt. */
const WITH_REQUEST = `SELECT d.*, e.id AS e_id, ${REQUEST_COLUMNS.split(', ').map((c) => `e.${c}`).join(', ')},
  CASE WHEN length(e.body) <= ${READ_ALONG_BYTES} THEN e.body END AS body
  FROM deliveries d LEFT JOIN events e ON e.id = d.event_id`;

function claimed(r: ClaimRow): ClaimedDelivery {
  const row: ClaimedDelivery = {
    id: r.id, event_id: r.event_id, destination_id: r.destination_id, status: r.status, attempts: r.attempts, next_at: r.next_at,
    created_at: r.created_at, finished_at: r.finished_at, last_status: r.last_status, last_error: r.last_error,
  };
  if (r.e_id !== null && r.body !== null) row.request = toLoggedRequest({ ...r, id: r.e_id, body: r.body });
  return row;
}

interface AttemptRow {
  n: number;
  started_at: number;
  latency_ms: number;
  request: string;
  response_status: number | null;
  response_headers: string | null;
  response_body: Buffer | null;
  response_truncated: number;
  error: string | null;
}

/** What became of one attempt, as the service records it. */
export interface AttemptOutcome {
  attempt: DeliveryAttempt;
  status: DeliveryRow['status'];
  nextAt: number;
  finishedAt: number | null;
}

const Request = DeliveryAttemptSchema.shape.request;

export function createDeliveriesRepo(db: Db) {
  const pending = db.prepare<[string, number], ClaimRow>(
    `${WITH_REQUEST} WHERE d.destination_id = ? AND d.status = 'pending' ORDER BY d.id LIMIT ?`,
  );
  const due = db.prepare<[string, number, number], ClaimRow>(
    `${WITH_REQUEST} WHERE d.destination_id = ? AND d.status = 'pending' AND d.next_at <= ? ORDER BY d.next_at, d.id LIMIT ?`,
  );
  const earliest = db.prepare<[string], { at: number | null }>("SELECT MIN(next_at) AS at FROM deliveries WHERE destination_id = ? AND status = 'pending'");
  const get = db.prepare<[number], DeliveryRow>('SELECT * FROM deliveries WHERE id = ?');
  const byEvent = db.prepare<[number], DeliveryRow>('SELECT * FROM deliveries WHERE event_id = ? ORDER BY id');
  const byDestination = db.prepare<[string, string, number], DeliveryRow>(
    'SELECT * FROM deliveries WHERE destination_id = ? AND status = ? ORDER BY id DESC LIMIT ?',
  );
  const attemptsOf = db.prepare<[number], AttemptRow>('SELECT * FROM delivery_attempts WHERE delivery_id = ? ORDER BY n');
  // Positional parameters: these run for every attempt, and binding by name costs more.
  const insertAttempt = db.prepare<[number, number, number, number, string, number | null, string | null, Buffer | null, number, string | null]>(
    `INSERT OR REPLACE INTO delivery_attempts (delivery_id, n, started_at, latency_ms, request, response_status, response_headers, response_body, response_truncated, error)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare<[string, number, number, number | null, number | null, string | null, number]>(
    'UPDATE deliveries SET status = ?, attempts = ?, next_at = ?, finished_at = ?, last_status = ?, last_error = ? WHERE id = ?',
  );
  const pendingCount = db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM deliveries WHERE destination_id = ? AND status = 'pending'");
  const counts = db.prepare<[], { destination_id: string; status: string; n: number }>(
    'SELECT destination_id, status, COUNT(*) AS n FROM deliveries GROUP BY destination_id, status',
  );
  const requeue = db.prepare<[number, number]>("UPDATE deliveries SET status = 'pending', next_at = ?, finished_at = NULL WHERE id = ? AND status != 'pending'");
  const requeueFailed = db.prepare<[number, string]>("UPDATE deliveries SET status = 'pending', next_at = ?, finished_at = NULL WHERE destination_id = ? AND status = 'failed'");
  const insert = db.prepare<[number, string, number, number]>(
    "INSERT INTO deliveries (event_id, destination_id, status, next_at, created_at) VALUES (?, ?, 'pending', ?, ?)",
  );
  const outbox = createOutbox(db);
  const pendingDestinations = db.prepare<[], { destination_id: string }>(
    `SELECT DISTINCT destination_id FROM deliveries WHERE status = 'pending' UNION SELECT DISTINCT destination_id FROM delivery_outbox`,
  );

  /** False when the delivery is gone (its event or destination was deleted meanwhile). */
  const recordOne = (id: number, o: AttemptOutcome): boolean => {
    const a = o.attempt;
    const status = a.response?.status ?? null;
    if (update.run(o.status, a.n, o.nextAt, o.finishedAt, status, a.error, id).changes === 0) return false;
    insertAttempt.run(
      id, a.n, a.startedAt, a.latencyMs, JSON.stringify(a.request), status,
      a.response ? JSON.stringify(a.response.headers) : null, a.response ? Buffer.from(a.response.body, 'utf8') : null, a.response?.truncated ? 1 : 0, a.error,
    );
    return true;
  };
  const record = db.transaction(recordOne);
  const recordMany = db.transaction((items: ReadonlyArray<{ id: number; outcome: AttemptOutcome }>) => {
    for (const { id, outcome } of items) recordOne(id, outcome);
  });

  return {
    /** In the ingest writer's transaction, while the receiver is quiet: a pending delivery at once. */
    insert: (eventId: number, destinationId: string, at: number): void => void insert.run(eventId, destinationId, at, at),
    /** In the ingest writer's transaction, during a burst: the event's `n`th matching destination, queued later (see createOutbox). */
    enqueue: (eventId: number, n: number, destinationId: string): void => outbox.enqueue(eventId, n, destinationId),
    /** Rows written at ingest and not queued as deliveries yet (an upper bound; 0 means none). */
    outboxRows: (): number => outbox.rows(),
    queueOutbox: (limit: number, throughEventId: number | null = null): string[] => outbox.queue(limit, throughEventId),
    /** The oldest pending deliveries of a destination, due or not (with their requests, see ClaimedDelivery). */
    pending: (destinationId: string, limit: number): ClaimedDelivery[] => pending.all(destinationId, limit).map(claimed),
    /** Due pending deliveries of a destination, the longest-waiting first (with their requests, see ClaimedDelivery). */
    due: (destinationId: string, now: number, limit: number): ClaimedDelivery[] => due.all(destinationId, now, limit).map(claimed),
    /** When the destination's next pending delivery is due; null when none is pending. */
    earliest: (destinationId: string): number | null => earliest.get(destinationId)?.at ?? null,
    get: (id: number): DeliveryRow | undefined => get.get(id),
    forEvent: (eventId: number): DeliveryRow[] => byEvent.all(eventId),
    forDestination: (destinationId: string, status: DeliveryRow['status'], limit: number): DeliveryRow[] => byDestination.all(destinationId, status, limit),
    attempts(deliveryId: number): DeliveryAttempt[] {
      return attemptsOf.all(deliveryId).map((r) => ({
        n: r.n,
        startedAt: r.started_at,
        latencyMs: r.latency_ms,
        request: Request.parse(JSON.parse(r.request)),
        response:
          r.response_status === null
            ? null
            : {
                status: r.response_status,
                headers: JSON.parse(r.response_headers ?? '{}') as Record<string, string>,
                body: (r.response_body ?? Buffer.alloc(0)).toString('utf8'),
                truncated: r.response_truncated === 1,
              },
        error: r.error,
      }));
    },
    record: (id: number, outcome: AttemptOutcome): void => void record(id, outcome),
    /** Several finished attempts in one transaction (one commit per tick of the delivery queue). */
    recordMany: (items: ReadonlyArray<{ id: number; outcome: AttemptOutcome }>): void => void recordMany(items),
    /** How many deliveries of a destination wait (held, or due later). */
    pendingCount: (destinationId: string): number => (pendingCount.get(destinationId)?.n ?? 0) + outbox.countFor(destinationId),
    /** Counts per destination and stored status (rows still in the outbox count as pending). */
    counts(): Map<string, Record<string, number>> {
      const out = new Map<string, Record<string, number>>();
      for (const r of [...counts.all(), ...outbox.counts()]) {
        const entry = out.get(r.destination_id) ?? {};
        entry[r.status] = (entry[r.status] ?? 0) + r.n;
        out.set(r.destination_id, entry);
      }
      return out;
    },
    requeue: (id: number, at: number): boolean => requeue.run(at, id).changes > 0,
    requeueFailed: (destinationId: string, at: number): number => requeueFailed.run(at, destinationId).changes,
    destinationsWithPending: (): string[] => pendingDestinations.all().map((r) => r.destination_id),
  };
}
export type DeliveriesRepo = ReturnType<typeof createDeliveriesRepo>;
