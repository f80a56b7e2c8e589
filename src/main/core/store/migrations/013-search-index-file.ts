import type { Migration } from '../migrate';

/**
 * The full-text index moves to a file of its own (search.db, store/search-index.ts), written by a
 * thread: tokenising bodies on the writer's connection cost the receiver ~50 µs of CPU per
 * request and stalled it 140–340 ms at each of FTS5's big segment merges. The index is rebuilt
 * there from the log. `log_id` names this log, so an index built from another one (a log started
 * fresh, or a copy put back) is never taken for this one's.
 */
export const searchIndexFile: Migration = {
  version: 13,
  name: 'search-index-file',
  up(db) {
    db.exec(`
      DROP TABLE events_fts;
      DELETE FROM meta WHERE key = 'fts_indexed_upto';
      INSERT INTO meta (key, value) VALUES ('log_id', lower(hex(randomblob(16))));
    `);
  },
};
