import Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';
import { scanLeafRows, type RawValue } from './raw-page-scan';
import type { EventRow as LogEventRow } from './repos/event-records';

/** What `--export-readable` managed to save. */
export interface ReadableExport {
  exported: number;
  /** Event ids in ranges SQLite could not read (the damaged pages); not all of them held a row. */
  unreadableIds: number;
  /** The highest id looked at; null when even that could not be found. */
  lastId: number | null;
  /** Of `exported`: rows read from the file's pages directly, past damaged b-tree pages. */
  recoveredFromPages: number;
}

/**
 * The columns read from a damaged file: typed as the log's row, except that text read past damaged
 * pages is not trusted to hold one of the values the log writes.
 */
type EventRow = Pick<
  LogEventRow,
  'id' | 'received_at' | 'source_id' | 'environment' | 'method' | 'path' | 'query' | 'headers' | 'content_type' | 'body' | 'event_type' | 'idempotency_key' | 'response_status' | 'error'
> & { verification: string; processing: string; origin: string };

const CHUNK = 256;

/** Column positions in an `events` record (schema.snapshot.sql); `id` is the rowid, stored as NULL. */
const COLUMNS = [
  'id', 'received_at', 'source_id', 'environment', 'method', 'path', 'query', 'headers', 'content_type', 'body',
  'body_size', 'parse_error', 'event_type', 'idempotency_key', 'verification', 'verification_detail', 'response_status',
  'error', 'remote_address', 'processing', 'action_status', 'replay_of', 'replay_mode', 'origin',
] as const;
const col = (name: (typeof COLUMNS)[number]) => COLUMNS.indexOf(name);

/** Only rows of `events` have this shape; other tables have far fewer columns. */
function isEventRecord(v: RawValue[]): boolean {
  return (
    v.length >= col('remote_address') + 1 &&
    v.length <= 32 &&
    v[0] === null &&
    typeof v[col('received_at')] === 'number' &&
    typeof v[col('method')] === 'string' &&
    typeof v[col('path')] === 'string' &&
    typeof v[col('response_status')] === 'number'
  );
}

function fromRecord(rowid: number, v: RawValue[]): EventRow {
  const text = (name: (typeof COLUMNS)[number]): string | null => {
    const value = v[col(name)];
    return value === null || value === undefined ? null : Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  };
  const body = v[col('body')];
  return {
    id: rowid,
    received_at: Number(v[col('received_at')]),
    source_id: text('source_id'),
    environment: text('environment'),
    method: text('method') ?? 'POST',
    path: text('path') ?? '',
    query: text('query') ?? '',
    headers: text('headers') ?? '[]',
    content_type: text('content_type'),
    body: Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : '', 'utf8'),
    event_type: text('event_type'),
    idempotency_key: text('idempotency_key'),
    verification: text('verification') ?? 'unverified',
    response_status: Number(v[col('response_status')]),
    error: text('error'),
    processing: text('processing') ?? 'none',
    origin: text('origin') ?? 'received',
  };
}

function headerRecord(raw: string): Record<string, string> {
  const record: Record<string, string> = {};
  try {
    const pairs = JSON.parse(raw) as unknown;
    if (!Array.isArray(pairs)) return record;
    for (const pair of pairs) {
      if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') continue;
      const name = pair[0].toLowerCase();
      record[name] = name in record ? `${record[name]}, ${pair[1]}` : pair[1];
    }
  } catch {
    // A damaged headers value: the request is still worth keeping without them.
  }
  return record;
}

/** One JSON line; `method`, `headers`, `body`, `bodyEncoding` and `query` are what `events.import` takes. */
function toLine(row: EventRow): string {
  const body = Buffer.isBuffer(row.body) ? row.body : Buffer.from(String(row.body ?? ''), 'utf8');
  const text = body.toString('utf8');
  const utf8 = Buffer.from(text, 'utf8').equals(body);
  return JSON.stringify({
    id: row.id,
    receivedAt: row.received_at,
    sourceId: row.source_id,
    environment: row.environment,
    method: row.method,
    path: row.path,
    query: row.query,
    headers: headerRecord(row.headers),
    contentType: row.content_type,
    body: utf8 ? text : body.toString('base64'),
    bodyEncoding: utf8 ? 'utf8' : 'base64',
    eventType: row.event_type,
    idempotencyKey: row.idempotency_key,
    verification: row.verification,
    responseStatus: row.response_status,
    error: row.error,
    processing: row.processing,
    origin: row.origin,
  });
}

/**
 * Processed events keep their outcome in event_outcomes (migration 004); overlays it where that
 * table can be read, else rows keep what ingest wrote (best effort, like the rest of the export).
 */
function outcomesReader(db: Database.Database): (rows: EventRow[], from: number, to: number) => EventRow[] {
  let stmt: Database.Statement<[number, number], { event_id: number; processing: string }>;
  try {
    stmt = db.prepare('SELECT event_id, processing FROM event_outcomes WHERE event_id >= ? AND event_id < ?');
  } catch {
    return (rows) => rows;
  }
  return (rows, from, to) => {
    if (rows.length === 0) return rows;
    let done: Map<number, string>;
    try {
      done = new Map(stmt.all(from, to).map((o) => [o.event_id, o.processing]));
    } catch {
      return rows;
    }
    return rows.map((r) => ({ ...r, processing: done.get(r.id) ?? r.processing }));
  };
}

function maxId(db: Database.Database): number | null {
  // The rowid b-tree's right edge first; the indexes hold every id too, should that edge be damaged.
  for (const sql of [
    'SELECT max(id) AS m FROM events',
    'SELECT max(id) AS m FROM events INDEXED BY events_by_source',
    'SELECT max(id) AS m FROM events INDEXED BY events_by_type',
  ]) {
    try {
      const m = (db.prepare(sql).get() as { m: number | null }).m;
      return m ?? 0;
    } catch {
      continue;
    }
  }
  return null;
}

/**
 * Writes every event row SQLite can still read to `outFile` as JSON Lines, skipping damaged pages:
 * rows are read by id range, and a range that fails is halved until the unreadable ids are isolated.
 * The database is opened read-only and never modified. `outFile` must not exist yet.
 */
export function exportReadableEvents(dbFile: string, outFile: string, options: { nativeBinding?: string } = {}): ReadableExport {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  const out = openSync(outFile, 'wx', 0o600);
  const result: ReadableExport = { exported: 0, unreadableIds: 0, lastId: null, recoveredFromPages: 0 };
  const seen = new Set<number>();
  try {
    const range = db.prepare<[number, number], EventRow>(
      `SELECT id, received_at, source_id, environment, method, path, query, headers, content_type, body, event_type,
              idempotency_key, verification, response_status, error, processing, origin
       FROM events WHERE id >= ? AND id < ? ORDER BY id`,
    );
    const outcomes = outcomesReader(db);
    const readRange = (from: number, to: number): number => {
      let rows: EventRow[];
      try {
        rows = outcomes(range.all(from, to), from, to);
      } catch {
        if (to - from <= 1) {
          result.unreadableIds += 1;
          return 0;
        }
        const mid = from + Math.floor((to - from) / 2);
        return readRange(from, mid) + readRange(mid, to);
      }
      // Lines are built first so a row that fails to convert doesn't leave half a line behind.
      const lines = rows.map(toLine);
      if (lines.length > 0) writeSync(out, `${lines.join('\n')}\n`);
      rows.forEach((r) => seen.add(r.id));
      result.exported += rows.length;
      return rows.length;
    };
    const known = maxId(db);
    result.lastId = known;
    if (known !== null) {
      for (let from = 1; from <= known; from += CHUNK) readRange(from, Math.min(from + CHUNK, known + 1));
    }
    if (known === null || result.unreadableIds > 0) {
      // SQL can't reach rows below a damaged interior page; their leaf pages may still be whole.
      const recovered = scanLeafRows(dbFile, isEventRecord)
        .filter((r) => !seen.has(r.rowid))
        .sort((a, b) => a.rowid - b.rowid)
        .map((r) => toLine(fromRecord(r.rowid, r.values)));
      for (let i = 0; i < recovered.length; i += CHUNK) writeSync(out, `${recovered.slice(i, i + CHUNK).join('\n')}\n`);
      result.exported += recovered.length;
      result.recoveredFromPages = recovered.length;
    }
  } finally {
    closeSync(out);
    db.close();
  }
  return result;
}
