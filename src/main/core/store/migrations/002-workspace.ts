import type { Migration } from '../migrate';

/**
 * Mappings, the per-environment local workspace (Knock's data model), action runs, idempotency keys
 * and the processing state of each event.
 */
export const workspace: Migration = {
  version: 2,
  name: 'workspace',
  up(db) {
    db.exec(`
      CREATE TABLE mappings (
        id          TEXT PRIMARY KEY,
        source_id   TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        event_type  TEXT NOT NULL,
        action_type TEXT NOT NULL,
        params      TEXT NOT NULL,
        condition   TEXT,
        active_in   TEXT NOT NULL,
        position    INTEGER NOT NULL,
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL
      );
      CREATE INDEX mappings_by_source ON mappings (source_id, position);

      -- processing: 'none' (nothing to run: rejected or unrouted), 'pending', 'done', 'duplicate'.
      -- action_status summarises the action runs: 'success', 'error', 'partial', 'skipped', 'no_mapping'.
      ALTER TABLE events ADD COLUMN processing TEXT NOT NULL DEFAULT 'none';
      ALTER TABLE events ADD COLUMN action_status TEXT;
      ALTER TABLE events ADD COLUMN replay_of INTEGER;
      -- How a replay judged verification: 'as_is', or 'ignore_verification' (checked, never enforced).
      ALTER TABLE events ADD COLUMN replay_mode TEXT;
      -- How the request got into the log: 'received' from outside, 'test' (send test event), 'replay', 'import'.
      ALTER TABLE events ADD COLUMN origin TEXT NOT NULL DEFAULT 'received';
      -- 0 when this event must not be checked against idempotency keys (a replay the user asked for).
      ALTER TABLE events ADD COLUMN dedupe INTEGER NOT NULL DEFAULT 1;
      CREATE INDEX events_pending ON events (id) WHERE processing = 'pending';

      -- An event's action runs, as a JSON array written with its processing state in one update:
      -- they are only ever read with their event, and a table of their own cost a third of processing.
      ALTER TABLE events ADD COLUMN action_runs TEXT;

      CREATE TABLE idempotency_keys (
        source_id   TEXT NOT NULL,
        environment TEXT NOT NULL,
        event_type  TEXT NOT NULL,
        key         TEXT NOT NULL,
        event_id    INTEGER NOT NULL,
        created_at  INTEGER NOT NULL,
        PRIMARY KEY (source_id, environment, event_type, key)
      );

      CREATE TABLE ws_users (
        environment  TEXT NOT NULL,
        id           TEXT NOT NULL,
        name         TEXT,
        email        TEXT,
        phone_number TEXT,
        avatar       TEXT,
        locale       TEXT,
        timezone     TEXT,
        properties   TEXT NOT NULL DEFAULT '{}',
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL,
        PRIMARY KEY (environment, id)
      );

      CREATE TABLE ws_objects (
        environment TEXT NOT NULL,
        collection  TEXT NOT NULL,
        id          TEXT NOT NULL,
        name        TEXT,
        properties  TEXT NOT NULL DEFAULT '{}',
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        PRIMARY KEY (environment, collection, id)
      );

      CREATE TABLE ws_tenants (
        environment TEXT NOT NULL,
        id          TEXT NOT NULL,
        name        TEXT,
        settings    TEXT NOT NULL DEFAULT '{}',
        properties  TEXT NOT NULL DEFAULT '{}',
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        PRIMARY KEY (environment, id)
      );

      -- A recipient is a user ('$users') or an object (its collection) subscribed to an object.
      CREATE TABLE ws_subscriptions (
        environment          TEXT NOT NULL,
        collection           TEXT NOT NULL,
        object_id            TEXT NOT NULL,
        recipient_collection TEXT NOT NULL,
        recipient_id         TEXT NOT NULL,
        properties           TEXT NOT NULL DEFAULT '{}',
        created_at           INTEGER NOT NULL,
        PRIMARY KEY (environment, collection, object_id, recipient_collection, recipient_id)
      );
      CREATE INDEX ws_subscriptions_by_recipient ON ws_subscriptions (environment, recipient_collection, recipient_id);

      CREATE TABLE ws_audiences (
        environment TEXT NOT NULL,
        key         TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        PRIMARY KEY (environment, key)
      );

      CREATE TABLE ws_audience_members (
        environment  TEXT NOT NULL,
        audience_key TEXT NOT NULL,
        user_id      TEXT NOT NULL,
        tenant       TEXT NOT NULL DEFAULT '',
        created_at   INTEGER NOT NULL,
        PRIMARY KEY (environment, audience_key, user_id, tenant)
      );
      CREATE INDEX ws_audience_members_by_user ON ws_audience_members (environment, user_id);

      CREATE TABLE ws_workflows (
        environment TEXT NOT NULL,
        key         TEXT NOT NULL,
        name        TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        PRIMARY KEY (environment, key)
      );

      CREATE TABLE ws_workflow_runs (
        id                   TEXT PRIMARY KEY,
        environment          TEXT NOT NULL,
        workflow_key         TEXT NOT NULL,
        recipient_collection TEXT NOT NULL,
        recipient_id         TEXT NOT NULL,
        actor                TEXT,
        tenant               TEXT,
        data                 TEXT NOT NULL DEFAULT '{}',
        cancellation_key     TEXT,
        status               TEXT NOT NULL,
        event_id             INTEGER,
        created_at           INTEGER NOT NULL,
        cancelled_at         INTEGER
      );
      CREATE INDEX ws_workflow_runs_by_env ON ws_workflow_runs (environment, created_at);
      CREATE INDEX ws_workflow_runs_by_cancel ON ws_workflow_runs (environment, workflow_key, cancellation_key) WHERE status = 'active';

      -- Full-text search over bodies, filled off the ingest path; rowid = events.id. Events are
      -- indexed in id order, so one watermark (meta 'fts_indexed_upto') says how far it got.
      CREATE VIRTUAL TABLE events_fts USING fts5(body, content='', contentless_delete=1, tokenize='unicode61');
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      -- Preprocess scripts (per source and environment) and their variables, secret ones sealed.
      ALTER TABLE source_settings ADD COLUMN preprocess_script TEXT;
      ALTER TABLE source_settings ADD COLUMN preprocess_enabled INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE source_settings ADD COLUMN preprocess_approved INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE source_vars (
        source_id   TEXT NOT NULL,
        environment TEXT NOT NULL,
        name        TEXT NOT NULL,
        -- A plain var keeps its value; a secret one only its sealed value and a preview.
        value       TEXT,
        sealed      BLOB,
        preview     TEXT NOT NULL,
        PRIMARY KEY (source_id, environment, name),
        FOREIGN KEY (source_id, environment) REFERENCES source_settings(source_id, environment) ON DELETE CASCADE
      );
      ALTER TABLE events ADD COLUMN preprocess_output TEXT;

      -- App settings (tunnel, retention, notifications) as one JSON document per section.
      CREATE TABLE app_settings (section TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
  },
};
