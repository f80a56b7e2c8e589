import type { Migration } from '../migrate';

/**
 * Issue #14, payload shapes learned from traffic: one row per source, environment and event type
 * ('' for untyped events) holding the learned fields as JSON. The learner's progress is a `meta`
 * row (`shapes_learned_upto`), like the search index's.
 */
export const payloadShapes: Migration = {
  version: 6,
  name: 'payload-shapes',
  up(db) {
    db.exec(`
      CREATE TABLE payload_shapes (
        source_id   TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        environment TEXT NOT NULL,
        event_type  TEXT NOT NULL,
        event_count INTEGER NOT NULL,
        truncated   INTEGER NOT NULL DEFAULT 0,
        fields      TEXT NOT NULL,
        updated_at  INTEGER NOT NULL,
        PRIMARY KEY (source_id, environment, event_type)
      );
    `);
  },
};
