import type { Db } from '../db';

export interface IdempotencyScope {
  sourceId: string;
  environment: string;
  eventType: string;
  key: string;
}

/** Keys of successfully executed events, per Knock's scope (key, event type, source, environment). */
export function createIdempotencyRepo(db: Db) {
  const find = db.prepare<Record<string, unknown>, { event_id: number; created_at: number }>(
    `SELECT event_id, created_at FROM idempotency_keys
     WHERE source_id = @sourceId AND environment = @environment AND event_type = @eventType AND key = @key`,
  );
  const record = db.prepare(
    `INSERT INTO idempotency_keys (source_id, environment, event_type, key, event_id, created_at)
     VALUES (@sourceId, @environment, @eventType, @key, @eventId, @createdAt)
     ON CONFLICT DO UPDATE SET event_id = @eventId, created_at = @createdAt`,
  );
  const prune = db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?');
  return {
    /** The event that already executed this key since `since`, if any. */
    seenSince(scope: IdempotencyScope, since: number): number | null {
      const row = find.get({ ...scope });
      return row && row.created_at >= since ? row.event_id : null;
    },
    record: (scope: IdempotencyScope, eventId: number, createdAt: number): void => void record.run({ ...scope, eventId, createdAt }),
    pruneBefore: (before: number): number => prune.run(before).changes,
  };
}
export type IdempotencyRepo = ReturnType<typeof createIdempotencyRepo>;
