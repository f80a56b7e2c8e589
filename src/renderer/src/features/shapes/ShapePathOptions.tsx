import { useEffect, useMemo } from 'react';
import { eventTypeMatches } from '../../../../shared/domain/mapping';
import { useApp } from '../../app/store-context';
import { insertablePath, presenceLabel } from './presence';
import { shapeKey } from './shapes.slice';

export const SHAPE_PATHS_ID = 'shape-path-options';
/** Event types a wildcard mapping draws completions from, at most. */
const MAX_TYPES = 5;

/**
 * Completions for parameters from every event seen for the mapping's event type (not one sample):
 * each path with how often it was present, as a datalist the parameter inputs point at.
 */
export function ShapePathOptions({ sourceId, eventType }: { sourceId: string; eventType: string }) {
  const env = useApp((s) => s.currentEnv);
  const summaries = useApp((s) => s.shapeSummaries);
  const summariesFor = useApp((s) => s.shapeSummariesFor);
  const shapes = useApp((s) => s.shapes);
  const loadSummaries = useApp((s) => s.loadShapeSummaries);
  const loadShape = useApp((s) => s.loadShape);
  const types = useMemo(
    () =>
      env !== null && summariesFor === JSON.stringify([sourceId, env])
        ? summaries.filter((s) => eventType !== '' && eventTypeMatches(eventType, s.eventType)).slice(0, MAX_TYPES).map((s) => s.eventType)
        : [],
    [env, summaries, summariesFor, sourceId, eventType],
  );

  useEffect(() => {
    if (env) void loadSummaries(sourceId, env);
  }, [sourceId, env, loadSummaries]);
  useEffect(() => {
    if (env) types.forEach((t) => void loadShape(sourceId, env, t));
  }, [sourceId, env, types, loadShape]);

  const options = useMemo(() => {
    const byPath = new Map<string, string>();
    for (const t of types) {
      const shape = env !== null ? shapes[shapeKey(sourceId, env, t)] : null;
      for (const f of shape?.fields ?? []) {
        if (f.path === 'body') continue;
        const path = insertablePath(f.path);
        if (!byPath.has(path)) byPath.set(path, presenceLabel(f, shape!.eventCount) + (types.length > 1 ? ` (${t})` : ''));
      }
    }
    return [...byPath];
  }, [types, shapes, env, sourceId]);

  return (
    <datalist id={SHAPE_PATHS_ID} data-testid="shape-path-options">
      {options.map(([path, label]) => (
        <option key={path} value={path} label={label} />
      ))}
    </datalist>
  );
}
