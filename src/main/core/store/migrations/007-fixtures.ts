import type { Migration } from '../migrate';

/**
 * Issue #13, fixtures: named requests saved on a source (from an event, an import, an edit or typed
 * in), with placeholders resolved when sent. Headers are a JSON array of [name, value] pairs; the
 * body is text, or base64 when `body_encoding` says so (a binary body).
 */
export const fixtures: Migration = {
  version: 7,
  name: 'fixtures',
  up(db) {
    db.exec(`
      CREATE TABLE fixtures (
        id            TEXT PRIMARY KEY,
        source_id     TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        name          TEXT NOT NULL,
        event_type    TEXT,
        method        TEXT NOT NULL,
        query         TEXT NOT NULL DEFAULT '',
        headers       TEXT NOT NULL,
        body          TEXT NOT NULL,
        body_encoding TEXT NOT NULL DEFAULT 'utf8',
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL,
        UNIQUE (source_id, name)
      );
    `);
  },
};
