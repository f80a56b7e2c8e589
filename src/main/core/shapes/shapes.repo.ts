import { z } from 'zod';
import { FieldShapeSchema, type PayloadShape, type ShapeSummary } from '../../../shared/domain/shape';
import type { Db } from '../store/db';

interface ShapeRow {
  source_id: string;
  environment: string;
  event_type: string;
  event_count: number;
  truncated: number;
  fields: string;
  updated_at: number;
}

const FieldsSchema = z.array(FieldShapeSchema);

const toShape = (row: ShapeRow): PayloadShape => {
  const fields = FieldsSchema.safeParse(JSON.parse(row.fields));
  return {
    sourceId: row.source_id,
    environment: row.environment,
    eventType: row.event_type,
    eventCount: row.event_count,
    truncated: row.truncated === 1,
    // A damaged row starts over rather than failing every read: shapes are learned again from traffic.
    fields: fields.success ? fields.data : [],
    updatedAt: row.updated_at,
  };
};

/** Learned payload shapes, one row per source, environment and event type. */
export function createShapesRepo(db: Db) {
  const q = {
    get: db.prepare<[string, string, string], ShapeRow>('SELECT * FROM payload_shapes WHERE source_id = ? AND environment = ? AND event_type = ?'),
    bySource: db.prepare<[string], ShapeRow>('SELECT * FROM payload_shapes WHERE source_id = ? ORDER BY event_type, environment'),
    put: db.prepare(
      `INSERT INTO payload_shapes (source_id, environment, event_type, event_count, truncated, fields, updated_at)
       VALUES (@sourceId, @environment, @eventType, @eventCount, @truncated, @fields, @updatedAt)
       ON CONFLICT (source_id, environment, event_type) DO UPDATE SET
         event_count = excluded.event_count, truncated = excluded.truncated, fields = excluded.fields, updated_at = excluded.updated_at`,
    ),
  };
  return {
    get: (sourceId: string, environment: string, eventType: string): PayloadShape | null => {
      const row = q.get.get(sourceId, environment, eventType);
      return row ? toShape(row) : null;
    },
    /** Every shape of a source (all environments unless one is given). */
    forSource: (sourceId: string, environment?: string): PayloadShape[] =>
      q.bySource
        .all(sourceId)
        .filter((r) => environment === undefined || r.environment === environment)
        .map(toShape),
    summaries: (sourceId: string, environment?: string): ShapeSummary[] =>
      q.bySource
        .all(sourceId)
        .filter((r) => environment === undefined || r.environment === environment)
        .map((r) => {
          const { fields, ...rest } = toShape(r);
          return { ...rest, fieldCount: fields.length };
        }),
    put: (shape: PayloadShape): void => {
      q.put.run({ ...shape, truncated: shape.truncated ? 1 : 0, fields: JSON.stringify(shape.fields) });
    },
  };
}
export type ShapesRepo = ReturnType<typeof createShapesRepo>;
