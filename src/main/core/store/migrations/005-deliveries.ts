import type { Migration } from '../migrate';

/**
 * Issue #11, forwarding: destinations per source and environment, one delivery row per (event,
 * destination) written in the event's own transaction, every attempt kept, and the receiver's
 * chosen answer per source and environment.
 */
export const deliveries: Migration = {
  version: 5,
  name: 'deliveries',
  up(db) {
    db.exec(`
      -- secret: sealed with the secret store, used instead of the environment's when re-signing.
      -- auto_held_at: set while held because the app refused connections; probed until it answers.
      CREATE TABLE destinations (
        id             TEXT PRIMARY KEY,
        source_id      TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        environment    TEXT NOT NULL,
        name           TEXT NOT NULL,
        url            TEXT NOT NULL,
        event_types    TEXT NOT NULL DEFAULT '[]',
        enabled        INTEGER NOT NULL DEFAULT 1,
        timeout_ms     INTEGER NOT NULL DEFAULT 30000,
        signing        TEXT NOT NULL DEFAULT 'as_received',
        secret         BLOB,
        ordered        INTEGER NOT NULL DEFAULT 0,
        concurrency    INTEGER NOT NULL DEFAULT 4,
        retry_schedule TEXT NOT NULL DEFAULT '[0,10,60,300,1800,7200]',
        paused         INTEGER NOT NULL DEFAULT 0,
        auto_held_at   INTEGER,
        created_at     INTEGER NOT NULL
      );
      CREATE INDEX destinations_by_source ON destinations (source_id, environment);

      -- status: pending (due at next_at, or waiting while its destination is held), delivered, failed.
      CREATE TABLE deliveries (
        id             INTEGER PRIMARY KEY,
        event_id       INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        destination_id TEXT NOT NULL REFERENCES destinations(id) ON DELETE CASCADE,
        status         TEXT NOT NULL,
        attempts       INTEGER NOT NULL DEFAULT 0,
        next_at        INTEGER NOT NULL,
        created_at     INTEGER NOT NULL,
        finished_at    INTEGER,
        last_status    INTEGER,
        last_error     TEXT
      );
      CREATE INDEX deliveries_pending ON deliveries (destination_id, id) WHERE status = 'pending';
      CREATE INDEX deliveries_by_event ON deliveries (event_id);
      CREATE INDEX deliveries_by_destination ON deliveries (destination_id, status);

      -- request: JSON {method, url, headers: [[name, value]], body: text when re-signed, else null}.
      CREATE TABLE delivery_attempts (
        delivery_id      INTEGER NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
        n                INTEGER NOT NULL,
        started_at       INTEGER NOT NULL,
        latency_ms       INTEGER NOT NULL,
        request          TEXT NOT NULL,
        response_status  INTEGER,
        response_headers TEXT,
        response_body    BLOB,
        response_truncated INTEGER NOT NULL DEFAULT 0,
        error            TEXT,
        PRIMARY KEY (delivery_id, n)
      );

      CREATE TABLE response_settings (
        source_id   TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        environment TEXT NOT NULL,
        setting     TEXT NOT NULL,
        PRIMARY KEY (source_id, environment)
      );
    `);
  },
};
