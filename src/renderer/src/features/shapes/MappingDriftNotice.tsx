import { useEffect } from 'react';
import { useApp } from '../../app/store-context';

const LEARN_DELAY_MS = 400;

/**
 * Fields this mapping reads that recent events stopped carrying or carry with another type. Asked
 * again whenever the mapping changes or an event for its source is processed.
 */
export function MappingDriftNotice({ mappingId, updatedAt }: { mappingId: string; updatedAt: number }) {
  const drift = useApp((s) => s.mappingDrift[mappingId]);
  const load = useApp((s) => s.loadMappingDrift);
  const latest = useApp((s) => `${s.recentSourceEvents[0]?.id ?? 0}:${s.recentSourceEvents[0]?.processing ?? ''}`);

  // Shapes are learned just after events are committed, so ask a moment after the last arrival.
  useEffect(() => {
    const timer = setTimeout(() => void load([mappingId]), LEARN_DELAY_MS);
    return () => clearTimeout(timer);
  }, [mappingId, updatedAt, latest, load]);

  const items = (drift ?? []).flatMap((d) => d.drift.map((x) => ({ ...x, where: d.eventType })));
  if (items.length === 0) return null;
  return (
    <div className="notice notice--warn drift-notice" role="status" data-testid="mapping-drift">
      Payload changed:
      <ul>
        {items.map((x) => (
          <li key={`${x.where}:${x.path}`} data-kind={x.kind}>
            {x.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
