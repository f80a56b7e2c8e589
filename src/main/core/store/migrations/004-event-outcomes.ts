import type { Migration } from '../migrate';

/**
 * Issue #9, processing speed: an event's outcome gets a table of its own, so marking an event
 * processed appends a small row instead of rewriting the event's row (its body included) and
 * growing it by the action runs, which split the log's pages.
 *
 * - `events.processing` / `events.action_status` now hold what ingest decided ('pending', 'none',
 *   'done' + 'no_mapping'); an `event_outcomes` row, once there, overrides both. Rows processed
 *   before this migration keep their outcome (and `action_runs`) in `events`.
 * - `pending_events` is the processor's queue (replacing the partial index on `processing`, which
 *   would otherwise keep every event that was ever pending).
 */
export const eventOutcomes: Migration = {
  version: 4,
  name: 'event-outcomes',
  up(db) {
    db.exec(`
      -- processing: 'done' or 'duplicate'; action_status and action_runs as events had them.
      CREATE TABLE event_outcomes (
        event_id      INTEGER PRIMARY KEY,
        processing    TEXT NOT NULL,
        action_status TEXT,
        action_runs   TEXT
      );
      CREATE TABLE pending_events (event_id INTEGER PRIMARY KEY);
      INSERT INTO pending_events (event_id) SELECT id FROM events WHERE processing = 'pending';
      DROP INDEX events_pending;
      -- The queue holds exactly the events still to process: an outcome, or ingest's answer
      -- changing to not-pending (recordAnswer), takes the event off it in the same statement.
      CREATE TRIGGER event_outcomes_dequeue AFTER INSERT ON event_outcomes BEGIN
        DELETE FROM pending_events WHERE event_id = new.event_id;
      END;
      CREATE TRIGGER events_dequeue AFTER UPDATE OF processing ON events WHEN new.processing != 'pending' BEGIN
        DELETE FROM pending_events WHERE event_id = new.id;
      END;
      -- The log outlives sources, so no foreign keys: an event's outcome and queue entry go with it.
      CREATE TRIGGER events_delete_outcome AFTER DELETE ON events BEGIN
        DELETE FROM event_outcomes WHERE event_id = old.id;
        DELETE FROM pending_events WHERE event_id = old.id;
      END;
      -- What readers see: the outcome when there is one, else what ingest wrote.
      CREATE VIEW event_state AS
        SELECT e.id AS id,
          CASE WHEN o.event_id IS NULL THEN e.processing ELSE o.processing END AS processing,
          CASE WHEN o.event_id IS NULL THEN e.action_status ELSE o.action_status END AS action_status,
          CASE WHEN o.event_id IS NULL THEN e.action_runs ELSE o.action_runs END AS action_runs
        FROM events e LEFT JOIN event_outcomes o ON o.event_id = e.id;
    `);
  },
};
