import type { Migration } from '../migrate';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE environments (
        key        TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        position   INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE sources (
        id               TEXT PRIMARY KEY,
        key              TEXT NOT NULL UNIQUE,
        name             TEXT NOT NULL,
        template_id      TEXT NOT NULL,
        template_version TEXT NOT NULL,
        created_at       INTEGER NOT NULL
      );

      CREATE TABLE source_settings (
        source_id            TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        environment          TEXT NOT NULL REFERENCES environments(key) ON DELETE CASCADE,
        endpoint_token       TEXT NOT NULL UNIQUE,
        enabled              INTEGER NOT NULL DEFAULT 1,
        verification         TEXT NOT NULL,
        event_type_path      TEXT NOT NULL,
        timestamp_path       TEXT,
        idempotency_key_path TEXT,
        enforce_verification INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (source_id, environment)
      );

      CREATE TABLE source_secrets (
        id          TEXT PRIMARY KEY,
        source_id   TEXT NOT NULL,
        environment TEXT NOT NULL,
        label       TEXT NOT NULL,
        preview     TEXT NOT NULL,
        sealed      BLOB NOT NULL,
        created_at  INTEGER NOT NULL,
        FOREIGN KEY (source_id, environment) REFERENCES source_settings(source_id, environment) ON DELETE CASCADE
      );

      -- The log outlives sources and environments, so no foreign keys here.
      CREATE TABLE events (
        id                  INTEGER PRIMARY KEY,
        received_at         INTEGER NOT NULL,
        source_id           TEXT,
        environment         TEXT,
        method              TEXT NOT NULL,
        path                TEXT NOT NULL,
        query               TEXT NOT NULL,
        headers             TEXT NOT NULL,
        content_type        TEXT,
        body                BLOB NOT NULL,
        body_size           INTEGER NOT NULL,
        parse_error         TEXT,
        event_type          TEXT,
        idempotency_key     TEXT,
        verification        TEXT NOT NULL,
        verification_detail TEXT NOT NULL,
        response_status     INTEGER NOT NULL,
        error               TEXT,
        remote_address      TEXT
      );
      CREATE INDEX events_by_environment ON events (environment, id);
      CREATE INDEX events_by_source ON events (source_id, id);
      CREATE INDEX events_by_type ON events (event_type, id);
    `);
  },
};
