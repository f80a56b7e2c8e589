import type { EventFilter, EventSummary } from '../../../../shared/domain/event';
import type { VerificationResult, VerificationStatus } from '../../../../shared/domain/verification';
import type { Db } from '../db';

/** A received request as the receiver hands it to the log. */
export interface NewEvent {
  receivedAt: number;
  sourceId: string | null;
  environment: string | null;
  method: string;
  path: string;
  query: string;
  headers: Array<[string, string]>;
  contentType: string | null;
  body: Buffer;
  parseError: string | null;
  eventType: string | null;
  idempotencyKey: string | null;
  verification: VerificationResult;
  responseStatus: number;
  error: string | null;
  remoteAddress: string | null;
}

export interface StoredEvent extends EventSummary {
  query: string;
  headers: Array<[string, string]>;
  body: Buffer;
  parseError: string | null;
  verificationResult: VerificationResult;
  remoteAddress: string | null;
}

interface EventRow {
  id: number;
  received_at: number;
  source_id: string | null;
  environment: string | null;
  method: string;
  path: string;
  query: string;
  headers: string;
  content_type: string | null;
  body: Buffer;
  body_size: number;
  parse_error: string | null;
  event_type: string | null;
  idempotency_key: string | null;
  verification: VerificationStatus;
  verification_detail: string;
  response_status: number;
  error: string | null;
  remote_address: string | null;
}

type SummaryRow = Omit<EventRow, 'headers' | 'body' | 'query' | 'parse_error' | 'verification_detail' | 'remote_address'>;

const SUMMARY_COLUMNS = `id, received_at, source_id, environment, method, path, content_type, body_size,
  event_type, idempotency_key, verification, response_status, error`;

export const toEventSummary = (row: SummaryRow): EventSummary => ({
  id: row.id,
  receivedAt: row.received_at,
  sourceId: row.source_id,
  environment: row.environment,
  method: row.method,
  path: row.path,
  contentType: row.content_type,
  bodySize: row.body_size,
  eventType: row.event_type,
  idempotencyKey: row.idempotency_key,
  verification: row.verification,
  responseStatus: row.response_status,
  error: row.error,
});

/** The summary the log shows for an event that is only now being written. */
export const summarize = (id: number, e: NewEvent): EventSummary => ({
  id,
  receivedAt: e.receivedAt,
  sourceId: e.sourceId,
  environment: e.environment,
  method: e.method,
  path: e.path,
  contentType: e.contentType,
  bodySize: e.body.length,
  eventType: e.eventType,
  idempotencyKey: e.idempotencyKey,
  verification: e.verification.status,
  responseStatus: e.responseStatus,
  error: e.error,
});

const FILTER_COLUMNS: Record<keyof EventFilter, string> = {
  sourceId: 'source_id = @sourceId',
  environment: 'environment = @environment',
  eventType: 'event_type = @eventType',
  verification: 'verification = @verification',
  from: 'received_at >= @from',
  to: 'received_at < @to',
};

export function createEventsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO events (received_at, source_id, environment, method, path, query, headers, content_type,
       body, body_size, parse_error, event_type, idempotency_key, verification, verification_detail,
       response_status, error, remote_address)
     VALUES (@receivedAt, @sourceId, @environment, @method, @path, @query, @headers, @contentType,
       @body, @bodySize, @parseError, @eventType, @idempotencyKey, @verification, @verificationDetail,
       @responseStatus, @error, @remoteAddress)`,
  );
  const get = db.prepare<[number], EventRow>('SELECT * FROM events WHERE id = ?');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM events');
  const listCache = new Map<string, ReturnType<typeof db.prepare<Record<string, unknown>, SummaryRow>>>();

  const insertOne = (e: NewEvent): number =>
    Number(
      insert.run({
        ...e,
        headers: JSON.stringify(e.headers),
        bodySize: e.body.length,
        verification: e.verification.status,
        verificationDetail: JSON.stringify(e.verification),
      }).lastInsertRowid,
    );
  const insertBatch = db.transaction((events: readonly NewEvent[]) => events.map(insertOne));

  return {
    /** Writes the batch in one transaction; returns the ids in order. */
    insertMany: (events: readonly NewEvent[]): number[] => insertBatch(events),

    /** Newest first, keyset-paged on id. */
    list(filter: EventFilter & { cursor?: number; limit: number }): { items: EventSummary[]; nextCursor: number | null } {
      const clauses = (Object.keys(FILTER_COLUMNS) as Array<keyof EventFilter>)
        .filter((k) => filter[k] !== undefined)
        .map((k) => FILTER_COLUMNS[k]);
      if (filter.cursor !== undefined) clauses.push('id < @cursor');
      const sql = `SELECT ${SUMMARY_COLUMNS} FROM events ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
        ORDER BY id DESC LIMIT @limit`;
      let stmt = listCache.get(sql);
      if (!stmt) listCache.set(sql, (stmt = db.prepare<Record<string, unknown>, SummaryRow>(sql)));
      const params: Record<string, unknown> = { limit: filter.limit + 1 };
      for (const [k, v] of Object.entries(filter)) if (v !== undefined && k !== 'limit') params[k] = v;
      const rows = stmt.all(params);
      const items = rows.slice(0, filter.limit).map(toEventSummary);
      return { items, nextCursor: rows.length > filter.limit ? (items.at(-1)?.id ?? null) : null };
    },

    get(id: number): StoredEvent | undefined {
      const row = get.get(id);
      if (!row) return undefined;
      return {
        ...toEventSummary(row),
        query: row.query,
        headers: JSON.parse(row.headers) as Array<[string, string]>,
        body: row.body,
        parseError: row.parse_error,
        verificationResult: JSON.parse(row.verification_detail) as VerificationResult,
        remoteAddress: row.remote_address,
      };
    },

    count: (): number => count.get()?.n ?? 0,
  };
}
export type EventsRepo = ReturnType<typeof createEventsRepo>;
