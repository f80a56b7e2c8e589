import type { ActionStatus, EventFilter, EventSummary, Processing, SourceStats } from '../../../../shared/domain/event';
import type { Db } from '../db';
import { DamagedEventError, storedColumn } from './event-columns';
import { ACTION_ISSUES, ACTION_STATUS, DELIVERY_COLUMN, filteredQuery, OUTCOME_JOIN, SUMMARY_COLUMNS } from './event-log-sql';
import {
  EDITED, EXPORT_COLUMNS, REDACTED, REQUEST_COLUMNS, toEventSummary, toLoggedRequest,
  type ActionRunRecord, type EventRow, type ExportedRequest, type ExportedRequestRow, type LoggedRequest, type NewEvent,
  type PendingEvent, type RequestRow, type StoredEvent, type SummaryRow,
} from './event-records';
import { createSearchQuery, type SearchQuery } from './search-query';

export type { SourceStats };
// The shapes moved to event-records.ts; importers keep naming them from here.
export type { ActionRunRecord, ExportedRequest, LoggedRequest, NewEvent, PendingEvent, RequestFields, RequestRow, StoredEvent } from './event-records';
export { REQUEST_COLUMNS, summarize, toEventSummary, toLoggedRequest } from './event-records';

/**
 * `searchDb`: the connection searches run on, with the full-text index attached
 * (store/search-index.ts); without one, a filter with `search` is refused.
 */
export function createEventsRepo(db: Db, searchDb?: Db) {
  const searcher = (): Db => {
    if (!searchDb) throw new Error('this log was opened without its search index');
    return searchDb;
  };
  let query: SearchQuery | undefined;
  const fts: SearchQuery = (search) => (query ??= createSearchQuery(searcher()))(search);
  const connectionFor = (filter: EventFilter): Db => (filter.search ? searcher() : db);
  // Positional parameters: this runs for every received request, and binding by name costs more.
  const insert = db.prepare<unknown[]>(
    `INSERT INTO events (received_at, source_id, environment, method, path, query, headers, content_type,
       body, body_size, parse_error, event_type, idempotency_key, verification, verification_detail,
       response_status, error, remote_address, processing, action_status, replay_of, replay_mode, origin, dedupe, preprocess_output, edited)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const enqueue = db.prepare<[number]>('INSERT INTO pending_events (event_id) VALUES (?)');
  type PendingRow = { id: number; source_id: string; environment: string; query: string; headers: string;
    content_type: string | null; body: Buffer | null; event_type: string | null; idempotency_key: string | null; dedupe: number; preprocess_output: string | null };
  const pendingSql = (body: string) =>
    `SELECT e.id, e.source_id, e.environment, e.query, e.headers, e.content_type, ${body} AS body, e.event_type, e.idempotency_key, e.dedupe, e.preprocess_output
     FROM pending_events p JOIN events e ON e.id = p.event_id ORDER BY p.event_id LIMIT ?`;
  const pending = db.prepare<[number], PendingRow>(pendingSql('e.body'));
  // For a processor that holds the events' parsed bodies: a large body is not read back (overflow pages) to be ignored.
  const pendingWithoutBody = db.prepare<[number], PendingRow>(pendingSql('NULL'));
  const bodyOf = db.prepare<[number], Buffer>('SELECT body FROM events WHERE id = ?').pluck();
  // A trigger takes the event off pending_events in the same statement (migration 004).
  const markProcessed = db.prepare<[number, Processing, ActionStatus | null, string | null]>(
    'INSERT OR REPLACE INTO event_outcomes (event_id, processing, action_status, action_runs) VALUES (?, ?, ?, ?)',
  );
  const get = db.prepare<[number], EventRow & { o_id: number | null; o_processing: Processing; o_action_status: ActionStatus | null; o_action_runs: string | null }>(
    `SELECT e.*, o.event_id AS o_id, o.processing AS o_processing, o.action_status AS o_action_status, o.action_runs AS o_action_runs
     FROM events e ${OUTCOME_JOIN} WHERE e.id = ?`,
  );
  const requestOf = db.prepare<[number], RequestRow>(`SELECT id, ${REQUEST_COLUMNS}, body FROM events WHERE id = ?`);
  // Right-hand sides read the row as it was before the update.
  const answered = db.prepare<[number, string, number, number, number]>(
    `UPDATE events SET response_status = ?, error = ?,
       processing = CASE WHEN ? = 1 AND (processing = 'pending' OR action_status = 'no_mapping') THEN 'none' ELSE processing END,
       action_status = CASE WHEN ? = 1 AND action_status = 'no_mapping' THEN NULL ELSE action_status END
     WHERE id = ?`,
  );
  const receivedAtOf = db.prepare<[number], { id: number; received_at: number }>(
    'SELECT id, received_at FROM events WHERE id >= ? ORDER BY id LIMIT 1',
  );
  const maxId = db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM events');
  // The window's rows in key order, each page read once: through events_by_source, one source at a
  // time, it read each page once per source (about twice the CPU at 1M events, 34k in the window).
  const statsFrom = db.prepare<[number], { source_id: string; environment: string; n: number; failed: number }>(
    `SELECT source_id, environment, COUNT(*) AS n,
       SUM(e.verification = 'failed' OR e.response_status >= 400 OR ${ACTION_STATUS} IN ('error', 'partial')) AS failed
     FROM events e NOT INDEXED ${OUTCOME_JOIN} WHERE e.id >= ? AND e.source_id IS NOT NULL GROUP BY e.source_id, e.environment`,
  );
  const lastPerSource = db.prepare<[], { source_id: string; environment: string; last_id: number; last_at: number }>(
    `SELECT s.source_id, s.environment, e.id AS last_id, e.received_at AS last_at
     FROM source_settings s
     JOIN events e ON e.id = (SELECT MAX(id) FROM events WHERE source_id = s.source_id AND environment = s.environment)`,
  );
  /** Ids grow with arrival time, so the first id at or after a time is a binary search over the key. */
  const firstIdAtOrAfter = (since: number): number => {
    let lo = 1;
    let hi = (maxId.get()?.id ?? 0) + 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      const row = receivedAtOf.get(mid);
      if (!row) hi = mid;
      else if (row.received_at < since) lo = row.id + 1;
      else hi = mid;
    }
    return lo;
  };
  const listCache = new Map<string, ReturnType<typeof db.prepare<Record<string, unknown>, SummaryRow>>>();

  const insertOne = (e: NewEvent): number => {
    const id = Number(
      insert.run(
        e.receivedAt, e.sourceId, e.environment, e.method, e.path, e.query, JSON.stringify(e.headers), e.contentType,
        e.body, e.body.length, e.parseError, e.eventType, e.idempotencyKey, e.verification.status, JSON.stringify(e.verification),
        e.responseStatus, e.error, e.remoteAddress, e.processing, e.actionStatus, e.replayOf, e.replayMode, e.origin, e.dedupe ? 1 : 0,
        e.preprocessOutput ? JSON.stringify(e.preprocessOutput) : null, e.edited ? EDITED : e.redacted ? REDACTED : 0,
      ).lastInsertRowid,
    );
    if (e.processing === 'pending') enqueue.run(id);
    return id;
  };
  const insertAll = (events: readonly NewEvent[]): number[] => events.map(insertOne);
  const insertBatch = db.transaction(insertAll);

  return {
    /** Writes the batch in one transaction; returns the ids in order. */
    insertMany: (events: readonly NewEvent[]): number[] => insertBatch(events),
    /**
     * The same, inside a transaction the caller holds (it throws otherwise). No savepoint of its
     * own, which `insertMany` nested in a transaction would open: SQLite copies every page a
     * savepoint touches to a statement journal, spilling to a temp file past 64 KiB.
     */
    insertWithin(events: readonly NewEvent[]): number[] {
      if (!db.inTransaction) throw new Error('insertWithin needs a transaction the caller holds');
      return insertAll(events);
    },

    /** Newest first, keyset-paged on id. */
    list(filter: EventFilter & { cursor?: number; limit: number }): { items: EventSummary[]; nextCursor: number | null } {
      const { sql: from, params } = filteredQuery(filter, fts);
      const sql = `SELECT ${SUMMARY_COLUMNS}, ${DELIVERY_COLUMN}, ${ACTION_ISSUES} FROM ${from} ORDER BY ${filter.search ? 'f.rowid' : 'e.id'} DESC LIMIT @limit`;
      let stmt = listCache.get(sql);
      if (!stmt) listCache.set(sql, (stmt = connectionFor(filter).prepare<Record<string, unknown>, SummaryRow>(sql)));
      const rows = stmt.all({ ...params, limit: filter.limit + 1 });
      const items = rows.slice(0, filter.limit).map(toEventSummary);
      return { items, nextCursor: rows.length > filter.limit ? (items.at(-1)?.id ?? null) : null };
    },

    /**
     * The matching events' requests, oldest first, one page at a time: an export streams the log
     * without ever holding all of it (issue #13).
     */
    *requestPages(filter: EventFilter, pageSize: number): Generator<ExportedRequest[]> {
      const { sql: from, params } = filteredQuery({ ...filter, after: 0 }, fts);
      const page = connectionFor(filter).prepare<Record<string, unknown>, ExportedRequestRow>(`SELECT ${EXPORT_COLUMNS} FROM ${from} ORDER BY e.id LIMIT @pageSize`);
      for (let after = 0; ; ) {
        const rows = page.all({ ...params, after, pageSize });
        if (rows.length === 0) return;
        yield rows.map((r) => ({
          id: r.id, receivedAt: r.received_at, sourceId: r.source_id, environment: r.environment, method: r.method, path: r.path, query: r.query,
          headers: storedColumn(r.id, 'headers', r.headers), contentType: r.content_type, body: r.body, eventType: r.event_type, responseStatus: r.response_status,
        }));
        if (rows.length < pageSize) return;
        after = rows[rows.length - 1]!.id;
      }
    },

    /** How many events match (for "N matching" and bulk-replay confirmations); counts up to `cap`. */
    countMatching(filter: EventFilter, cap: number): { count: number; capped: boolean } {
      const { sql, params } = filteredQuery(filter, fts);
      const stmt = connectionFor(filter).prepare<Record<string, unknown>, { n: number }>(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${sql} LIMIT @cap)`);
      const n = stmt.get({ ...params, cap: cap + 1 })?.n ?? 0;
      return { count: Math.min(n, cap), capped: n > cap };
    },

    get(id: number): StoredEvent | undefined {
      const found = get.get(id);
      if (!found) return undefined;
      const { o_id, o_processing, o_action_status, o_action_runs, ...stored } = found;
      const row: EventRow = o_id === null ? stored : { ...stored, processing: o_processing, action_status: o_action_status, action_runs: o_action_runs };
      return {
        ...toEventSummary(row),
        query: row.query,
        headers: storedColumn(row.id, 'headers', row.headers),
        body: row.body,
        parseError: row.parse_error,
        verificationResult: storedColumn(row.id, 'verification_detail', row.verification_detail),
        remoteAddress: row.remote_address,
        preprocessOutput: row.preprocess_output ? storedColumn(row.id, 'preprocess_output', row.preprocess_output) : null,
        actionRuns: row.action_runs
          ? storedColumn(row.id, 'action_runs', row.action_runs).map((run, i) => ({ ...run, id: i + 1, eventId: row.id }))
          : [],
      };
    },

    /** Just the logged request of an event (what a replay sends again): no outcome, no action runs to read. */
    request(id: number): LoggedRequest | undefined {
      const row = requestOf.get(id);
      return row ? toLoggedRequest(row) : undefined;
    },

    /** Per source and environment: the last event, and counts since `since` (ms). */
    stats(since: number): SourceStats[] {
      const firstId = firstIdAtOrAfter(since);
      const recent = new Map(
        statsFrom.all(firstId).map((r) => [`${r.source_id}\u0000${r.environment}`, r] as const),
      );
      return lastPerSource.all().map((r) => {
        const window = recent.get(`${r.source_id}\u0000${r.environment}`);
        return {
          sourceId: r.source_id,
          environment: r.environment,
          lastEventAt: r.last_at,
          lastEventId: r.last_id,
          recent: window?.n ?? 0,
          recentFailed: window?.failed ?? 0,
        };
      });
    },

    /**
     * The oldest events still waiting to be mapped, in arrival order; `withoutBodies` leaves their
     * bodies unread (null), for a caller that has them parsed and reads the others with `bodyOf`.
     */
    pending(limit: number, withoutBodies = false): PendingEvent[] {
      return (withoutBodies ? pendingWithoutBody : pending).all(limit).map((r) => {
        const event: PendingEvent = {
          id: r.id,
          sourceId: r.source_id,
          environment: r.environment,
          query: r.query,
          headers: [],
          contentType: r.content_type,
          body: r.body,
          eventType: r.event_type,
          idempotencyKey: r.idempotency_key,
          dedupe: r.dedupe === 1,
          preprocess: {},
          damaged: null,
        };
        // One damaged row must not stop the pipeline: the processor records it as failed instead.
        try {
          event.headers = storedColumn(r.id, 'headers', r.headers);
          if (r.preprocess_output) event.preprocess = storedColumn(r.id, 'preprocess_output', r.preprocess_output).extra ?? {};
        } catch (error) {
          if (!(error instanceof DamagedEventError)) throw error;
          event.damaged = error.message;
        }
        return event;
      });
    },
    /** An event's body as logged (empty when there is no such event). */
    bodyOf: (id: number): Buffer => bodyOf.get(id) ?? Buffer.alloc(0),
    /**
     * The sender got another answer than the one logged (Node's parser rejected what followed the
     * request, or the client left first: status 0, nothing sent). An event not answered 2xx is not
     * processed (a trigger takes it off the queue); one already processed keeps its outcome.
     */
    recordAnswer(id: number, status: number, error: string): void {
      const unanswered = status < 200 || status >= 300 ? 1 : 0;
      answered.run(status, error, unanswered, unanswered, id);
    },
    /** Records the outcome of processing: the state, the summary and every action run. */
    markProcessed(id: number, processing: Processing, actionStatus: ActionStatus | null, runs: readonly ActionRunRecord[] = []): void {
      markProcessed.run(id, processing, actionStatus, runs.length ? JSON.stringify(runs) : null);
    },
  };
}
export type EventsRepo = ReturnType<typeof createEventsRepo>;
