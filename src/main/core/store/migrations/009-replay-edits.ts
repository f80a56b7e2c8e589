import type { Migration } from '../migrate';

/**
 * Issue #13, edit and replay: a replay whose request was edited before it was sent is marked, so
 * the log and the comparison view can say so (the request itself is stored as sent, as always).
 */
export const replayEdits: Migration = {
  version: 9,
  name: 'replay-edits',
  up(db) {
    db.exec('ALTER TABLE events ADD COLUMN edited INTEGER NOT NULL DEFAULT 0;');
  },
};
