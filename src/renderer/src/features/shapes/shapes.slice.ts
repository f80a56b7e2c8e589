import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { ApiOutput } from '../../../../shared/api/contract';
import type { PayloadShape, ShapeSummary } from '../../../../shared/domain/shape';
import type { AppState } from '../../app/store';

export type MappingDrift = ApiOutput<'shapes.drift'>;
export type ShapeFormat = 'json-schema' | 'typescript';

export const shapeKey = (sourceId: string, environment: string, eventType: string): string => JSON.stringify([sourceId, environment, eventType]);

export interface ShapesSlice {
  /** The event types learned for `shapeSummariesFor` (a [sourceId, environment] key). */
  shapeSummaries: ShapeSummary[];
  shapeSummariesFor: string | null;
  /** Loaded shapes by `shapeKey`; null when none was learned yet. */
  shapes: Record<string, PayloadShape | null>;
  /** Drift per mapping id, as last asked. */
  mappingDrift: Record<string, MappingDrift>;
  loadShapeSummaries(sourceId: string, environment: string): Promise<void>;
  loadShape(sourceId: string, environment: string, eventType: string): Promise<void>;
  loadMappingDrift(mappingIds: readonly string[]): Promise<void>;
  exportShape(sourceId: string, environment: string, eventType: string, format: ShapeFormat): Promise<string>;
}

/** Shapes are read-only learned data: every load replaces what was there, and failures leave it as it was. */
export const createShapesSlice =
  (api: ApiClient): StateCreator<AppState, [], [], ShapesSlice> =>
  (set, get) => ({
    shapeSummaries: [],
    shapeSummariesFor: null,
    shapes: {},
    mappingDrift: {},
    async loadShapeSummaries(sourceId, environment) {
      const key = JSON.stringify([sourceId, environment]);
      const result = await api.result('shapes.list', { sourceId, environment });
      if (result.ok) set({ shapeSummaries: result.value, shapeSummariesFor: key });
    },
    async loadShape(sourceId, environment, eventType) {
      const result = await api.result('shapes.get', { sourceId, environment, eventType });
      if (result.ok) set({ shapes: { ...get().shapes, [shapeKey(sourceId, environment, eventType)]: result.value } });
    },
    async loadMappingDrift(mappingIds) {
      const found = await Promise.all(mappingIds.map(async (id) => [id, await api.result('shapes.drift', { mappingId: id })] as const));
      const next = { ...get().mappingDrift };
      for (const [id, result] of found) if (result.ok) next[id] = result.value;
      set({ mappingDrift: next });
    },
    async exportShape(sourceId, environment, eventType, format) {
      return (await api.call('shapes.export', { sourceId, environment, eventType, format })).text;
    },
  });
