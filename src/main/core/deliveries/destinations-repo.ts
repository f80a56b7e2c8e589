import { z } from 'zod';
import type { DestinationSigning } from '../../../shared/domain/destination';
import type { Db } from '../store/db';

/** A destination as the delivery service works with it (the secret still sealed). */
export interface DestinationRecord {
  id: string;
  sourceId: string;
  environment: string;
  name: string;
  url: string;
  eventTypes: string[];
  enabled: boolean;
  timeoutMs: number;
  signing: DestinationSigning;
  secret: Buffer | null;
  ordered: boolean;
  concurrency: number;
  retrySchedule: number[];
  paused: boolean;
  autoHeldAt: number | null;
  createdAt: number;
}

interface Row {
  id: string;
  source_id: string;
  environment: string;
  name: string;
  url: string;
  event_types: string;
  enabled: number;
  timeout_ms: number;
  signing: string;
  secret: Buffer | null;
  ordered: number;
  concurrency: number;
  retry_schedule: string;
  paused: number;
  auto_held_at: number | null;
  created_at: number;
}

const Strings = z.array(z.string());
const Seconds = z.array(z.number().int().min(0));

const toRecord = (r: Row): DestinationRecord => ({
  id: r.id,
  sourceId: r.source_id,
  environment: r.environment,
  name: r.name,
  url: r.url,
  eventTypes: Strings.parse(JSON.parse(r.event_types)),
  enabled: r.enabled === 1,
  timeoutMs: r.timeout_ms,
  signing: r.signing === 'resign' ? 'resign' : 'as_received',
  secret: r.secret,
  ordered: r.ordered === 1,
  concurrency: r.concurrency,
  retrySchedule: Seconds.parse(JSON.parse(r.retry_schedule)),
  paused: r.paused === 1,
  autoHeldAt: r.auto_held_at,
  createdAt: r.created_at,
});

const toRow = (d: DestinationRecord): Row => ({
  id: d.id,
  source_id: d.sourceId,
  environment: d.environment,
  name: d.name,
  url: d.url,
  event_types: JSON.stringify(d.eventTypes),
  enabled: d.enabled ? 1 : 0,
  timeout_ms: d.timeoutMs,
  signing: d.signing,
  secret: d.secret,
  ordered: d.ordered ? 1 : 0,
  concurrency: d.concurrency,
  retry_schedule: JSON.stringify(d.retrySchedule),
  paused: d.paused ? 1 : 0,
  auto_held_at: d.autoHeldAt,
  created_at: d.createdAt,
});

const COLUMNS = 'id, source_id, environment, name, url, event_types, enabled, timeout_ms, signing, secret, ordered, concurrency, retry_schedule, paused, auto_held_at, created_at';

export function createDestinationsRepo(db: Db) {
  const all = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM destinations ORDER BY created_at, id`);
  const one = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM destinations WHERE id = ?`);
  const upsert = db.prepare<[Row]>(
    `INSERT INTO destinations (${COLUMNS}) VALUES (@id, @source_id, @environment, @name, @url, @event_types, @enabled, @timeout_ms, @signing, @secret, @ordered, @concurrency, @retry_schedule, @paused, @auto_held_at, @created_at)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, url = excluded.url, event_types = excluded.event_types, enabled = excluded.enabled,
       timeout_ms = excluded.timeout_ms, signing = excluded.signing, secret = excluded.secret, ordered = excluded.ordered,
       concurrency = excluded.concurrency, retry_schedule = excluded.retry_schedule, paused = excluded.paused, auto_held_at = excluded.auto_held_at`,
  );
  const remove = db.prepare<[string]>('DELETE FROM destinations WHERE id = ?');
  const setHold = db.prepare<[number, number | null, string]>('UPDATE destinations SET paused = ?, auto_held_at = ? WHERE id = ?');
  return {
    list: (): DestinationRecord[] => all.all().map(toRecord),
    get: (id: string): DestinationRecord | undefined => {
      const row = one.get(id);
      return row && toRecord(row);
    },
    save: (d: DestinationRecord): void => void upsert.run(toRow(d)),
    remove: (id: string): boolean => remove.run(id).changes > 0,
    setHold: (id: string, paused: boolean, autoHeldAt: number | null): void => void setHold.run(paused ? 1 : 0, autoHeldAt, id),
  };
}
export type DestinationsRepo = ReturnType<typeof createDestinationsRepo>;
