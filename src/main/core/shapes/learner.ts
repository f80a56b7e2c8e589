import { parseBody } from '../request/parse-body';
import { NOT_KEPT, type ParsedBodies } from '../request/parsed-bodies';
import type { Db } from '../store/db';
import { DEFAULT_SHAPE_LIMITS, fieldsOf, observe, shapeFromFields, emptyShape, type ShapeLimits, type ShapeState } from './infer';
import { createShapesRepo } from './shapes.repo';

/** Bodies larger than this are not learned from: parsing them would cost more than one event should. */
export const MAX_LEARNED_BODY_BYTES = 1024 * 1024;
/** A database that already holds events starts learning from its newest ones, not from a million old ones. */
const BACKFILL = 1_000;

interface EventRow {
  id: number;
  source_id: string | null;
  environment: string | null;
  event_type: string | null;
  content_type: string | null;
  body: Buffer;
  processing: string;
}

/**
 * Learns payload shapes from logged events in id order, after they are committed: each batch reads
 * the events past its mark, merges their bodies into the shapes they belong to and moves the mark,
 * in one transaction. Rejected and unrouted events (processing 'none') teach nothing.
 */
export interface ShapeLearnerOptions {
  limits?: ShapeLimits;
  now?: () => number;
  /** Bodies the receiver already parsed, handed over at commit, so most events are not parsed twice. */
  parsed?: ParsedBodies;
}

export function createShapeLearner(db: Db, options: ShapeLearnerOptions = {}) {
  const limits = options.limits ?? DEFAULT_SHAPE_LIMITS;
  const now = options.now ?? Date.now;
  const shapes = createShapesRepo(db);
  const getMark = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'shapes_learned_upto'");
  const setMark = db.prepare("INSERT INTO meta (key, value) VALUES ('shapes_learned_upto', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  const sourceExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM sources WHERE id = ?');
  const maxId = db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM events');
  const next = db.prepare<[number, number], EventRow>(
    'SELECT id, source_id, environment, event_type, content_type, body, processing FROM events WHERE id > ? ORDER BY id LIMIT ?',
  );

  const learnBatch = db.transaction((limit: number, budgetMs: number): number => {
    const started = performance.now();
    const stored = getMark.get();
    const mark = stored ? Number(stored.value) : Math.max(0, (maxId.get()?.id ?? 0) - BACKFILL);
    const rows = next.all(mark, limit);
    const touched = new Map<string, { key: [string, string, string]; state: ShapeState }>();
    let looked = 0;
    for (const row of rows) {
      // Past the budget, the rest waits for the next batch (at least one event per batch).
      if (looked > 0 && performance.now() - started > budgetMs) break;
      looked += 1;
      if (row.source_id === null || row.environment === null || row.processing === 'none') continue;
      if (row.body.length === 0 || row.body.length > MAX_LEARNED_BODY_BYTES) continue;
      // Events outlive a deleted source; its shapes went with it.
      if (!sourceExists.get(row.source_id)) continue;
      const handed = options.parsed ? options.parsed.take(row.id) : NOT_KEPT;
      const value = handed === NOT_KEPT ? parseBody(row.content_type, row.body).value : handed;
      if (value === null || typeof value !== 'object') continue;
      const key: [string, string, string] = [row.source_id, row.environment, row.event_type ?? ''];
      const id = JSON.stringify(key);
      let entry = touched.get(id);
      if (!entry) {
        const known = shapes.get(...key);
        entry = { key, state: known ? shapeFromFields(known.eventCount, known.truncated, known.fields) : emptyShape() };
        touched.set(id, entry);
      }
      observe(entry.state, value, limits);
    }
    const at = now();
    for (const { key, state } of touched.values()) {
      shapes.put({ sourceId: key[0], environment: key[1], eventType: key[2], eventCount: state.eventCount, truncated: state.truncated, fields: fieldsOf(state), updatedAt: at });
    }
    const last = rows[looked - 1];
    if (last) setMark.run(String(last.id));
    else if (!stored) setMark.run(String(mark));
    return looked;
  });

  const skipTo = db.transaction((keepNewest: number): number => {
    const stored = getMark.get();
    const mark = stored ? Number(stored.value) : 0;
    const newest = maxId.get()?.id ?? 0;
    const target = newest - keepNewest;
    if (target <= mark) return 0;
    setMark.run(String(target));
    return target - mark;
  });

  return {
    /**
     * Learns from up to `limit` new events, stopping early once it has taken `budgetMs` (it runs on
     * the receiver's event loop: a request arriving meanwhile waits for it); returns how many it
     * looked at. BEGIN IMMEDIATE.
     */
    learnBatch: (limit = 200, budgetMs = Infinity): number => learnBatch.immediate(limit, budgetMs),
    /**
     * Leaves all but the newest `keepNewest` unlearned events unlearned: under sustained load shapes
     * are learned from a sample (the newest events), which keeps their proportions, at a bounded cost.
     * Returns how many were skipped.
     */
    skipTo: (keepNewest: number): number => skipTo.immediate(keepNewest),
  };
}
export type ShapeLearner = ReturnType<typeof createShapeLearner>;
