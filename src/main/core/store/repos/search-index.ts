import { isUtf8 } from 'node:buffer';
import type { Db } from '../db';

const MAX_INDEXED_BYTES = 64 * 1024;

/**
 * Feeds event bodies to the FTS5 index after ingest, in id order, so ingest never pays for it.
 * Binary bodies are skipped; large bodies are indexed by their first 64 KiB.
 */
export function createSearchIndexer(db: Db) {
  const getMark = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'fts_indexed_upto'");
  const setMark = db.prepare("INSERT INTO meta (key, value) VALUES ('fts_indexed_upto', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  const next = db.prepare<[number, number], { id: number; body: Buffer }>('SELECT id, body FROM events WHERE id > ? ORDER BY id LIMIT ?');
  const insert = db.prepare('INSERT INTO events_fts (rowid, body) VALUES (?, ?)');

  const indexBatch = db.transaction((limit: number): number => {
    const mark = Number(getMark.get()?.value ?? 0);
    const rows = next.all(mark, limit);
    for (const row of rows) {
      if (row.body.length === 0 || !isUtf8(row.body)) continue;
      insert.run(row.id, row.body.toString('utf8', 0, MAX_INDEXED_BYTES));
    }
    if (rows.length) setMark.run(String(rows.at(-1)!.id));
    return rows.length;
  });

  return {
    /**
     * Indexes up to `limit` new events; returns how many it looked at. BEGIN IMMEDIATE: a deferred
     * transaction that reads the mark and then writes fails with SQLITE_BUSY_SNAPSHOT, without
     * waiting, whenever another connection wrote in between.
     */
    indexBatch: (limit = 1000): number => indexBatch.immediate(limit),
  };
}
export type SearchIndexer = ReturnType<typeof createSearchIndexer>;
