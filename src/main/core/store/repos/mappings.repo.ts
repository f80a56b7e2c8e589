import { MappingSchema, type Mapping } from '../../../../shared/domain/mapping';
import { normalizeOverrides } from '../../../../shared/domain/mapping-overrides';
import type { ExportedMappingSchema } from '../../../../shared/domain/export';
import type { z } from 'zod';
import type { Db } from '../db';

interface MappingRow {
  id: string;
  source_id: string;
  event_type: string;
  action_type: string;
  params: string;
  condition: string | null;
  active_in: string;
  /** Environment → parameter → expression, '{}' when the mapping is the same everywhere (migration 008). */
  overrides: string;
  position: number;
  created_at: number;
  updated_at: number;
}

// Rows are parsed on the way out: a mapping written by an older build must still be a valid Mapping.
// `overrides` is left out when empty, so a mapping that is the same everywhere reads as before.
const toMapping = (row: MappingRow): Mapping => {
  const overrides = JSON.parse(row.overrides) as Record<string, unknown>;
  return MappingSchema.parse({
    id: row.id,
    sourceId: row.source_id,
    eventType: row.event_type,
    actionType: row.action_type,
    params: JSON.parse(row.params),
    ...(row.condition ? { condition: JSON.parse(row.condition) } : {}),
    activeIn: JSON.parse(row.active_in),
    ...(Object.keys(overrides).length > 0 ? { overrides } : {}),
    position: row.position,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
};

export type ExportedMapping = z.infer<typeof ExportedMappingSchema> & Pick<Mapping, 'overrides'>;

/**
 * A mapping as a configuration file carries it: no ids or times (the importing Inlet gives its own),
 * its per-environment overrides when it has any.
 */
export const toExportedMapping = ({ eventType, actionType, params, condition, activeIn, overrides, position }: Mapping): ExportedMapping => ({
  eventType, actionType, params, ...(condition ? { condition } : {}), activeIn, ...(overrides ? { overrides } : {}), position,
});

const toParams = (m: Mapping) => ({
  id: m.id,
  sourceId: m.sourceId,
  eventType: m.eventType,
  actionType: m.actionType,
  params: JSON.stringify(m.params),
  condition: m.condition ? JSON.stringify(m.condition) : null,
  activeIn: JSON.stringify(m.activeIn),
  overrides: JSON.stringify(normalizeOverrides(m.params, m.overrides)),
  position: m.position,
  createdAt: m.createdAt,
  updatedAt: m.updatedAt,
});

export function createMappingsRepo(db: Db) {
  const q = {
    bySource: db.prepare<[string], MappingRow>('SELECT * FROM mappings WHERE source_id = ? ORDER BY position, created_at'),
    get: db.prepare<[string], MappingRow>('SELECT * FROM mappings WHERE id = ?'),
    nextPosition: db.prepare<[string], { next: number }>('SELECT COALESCE(MAX(position), -1) + 1 AS next FROM mappings WHERE source_id = ?'),
    upsert: db.prepare(
      `INSERT INTO mappings (id, source_id, event_type, action_type, params, condition, active_in, overrides, position, created_at, updated_at)
       VALUES (@id, @sourceId, @eventType, @actionType, @params, @condition, @activeIn, @overrides, @position, @createdAt, @updatedAt)
       ON CONFLICT (id) DO UPDATE SET event_type = @eventType, action_type = @actionType, params = @params,
         condition = @condition, active_in = @activeIn, overrides = @overrides, position = @position, updated_at = @updatedAt`,
    ),
    remove: db.prepare('DELETE FROM mappings WHERE id = ?'),
  };
  // Mappings are read for every processed event; cache them per source until they change.
  const cache = new Map<string, Mapping[]>();

  return {
    bySource(sourceId: string): Mapping[] {
      let list = cache.get(sourceId);
      if (!list) cache.set(sourceId, (list = q.bySource.all(sourceId).map(toMapping)));
      return list;
    },
    get(id: string): Mapping | undefined {
      const row = q.get.get(id);
      return row && toMapping(row);
    },
    nextPosition: (sourceId: string): number => q.nextPosition.get(sourceId)?.next ?? 0,
    save(m: Mapping): void {
      q.upsert.run(toParams(m));
      cache.delete(m.sourceId);
    },
    remove(m: Mapping): void {
      q.remove.run(m.id);
      cache.delete(m.sourceId);
    },
    /** A source's mappings as a configuration file carries them (per-environment overrides included). */
    exportShape: (sourceId: string): ExportedMapping[] => q.bySource.all(sourceId).map(toMapping).map(toExportedMapping),
    /** Sources deleted elsewhere (cascade) must drop their cached mappings too. */
    invalidate: (): void => cache.clear(),
  };
}
export type MappingsRepo = ReturnType<typeof createMappingsRepo>;
