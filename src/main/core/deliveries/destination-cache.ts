import { eventTypeMatches } from '../../../shared/domain/mapping';
import type { DestinationRecord, DestinationsRepo } from './destinations-repo';

/**
 * Destinations by id and by (source, environment), read from the database once per configuration
 * change: the ingest writer asks it for every event, so an app without destinations pays one
 * size check.
 */
export function createDestinationCache(repo: DestinationsRepo) {
  let byId: Map<string, DestinationRecord> | null = null;
  let byRoute = new Map<string, DestinationRecord[]>();

  const load = () => {
    if (byId) return byId;
    byId = new Map();
    byRoute = new Map();
    for (const d of repo.list()) {
      byId.set(d.id, d);
      const key = `${d.sourceId}\u0000${d.environment}`;
      const list = byRoute.get(key) ?? [];
      list.push(d);
      byRoute.set(key, list);
    }
    return byId;
  };

  return {
    invalidate: () => void (byId = null),
    get: (id: string): DestinationRecord | undefined => load().get(id),
    all: (): DestinationRecord[] => [...load().values()],
    /** The enabled destinations an event of this source, environment and type goes to. */
    matching(sourceId: string, environment: string, eventType: string | null): DestinationRecord[] {
      if (load().size === 0) return [];
      const list = byRoute.get(`${sourceId}\u0000${environment}`);
      if (!list) return [];
      return list.filter((d) => d.enabled && (d.eventTypes.length === 0 || d.eventTypes.some((p) => eventTypeMatches(p, eventType))));
    },
    /** Updates one destination in place (hold state) without a reload. */
    put(d: DestinationRecord): void {
      const map = load();
      map.set(d.id, d);
      const list = byRoute.get(`${d.sourceId}\u0000${d.environment}`);
      const i = list?.findIndex((x) => x.id === d.id) ?? -1;
      if (list && i >= 0) list[i] = d;
    },
  };
}
export type DestinationCache = ReturnType<typeof createDestinationCache>;
