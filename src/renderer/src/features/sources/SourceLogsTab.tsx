import { useEffect, useMemo } from 'react';
import type { Source } from '../../../../shared/domain/source';
import { useApp } from '../../app/store-context';
import { EmptyState } from '../../components/EmptyState';
import { EventDetailPane } from '../log/EventDetailPane';
import { EventRow } from '../log/EventRow';

/**
 * This source's recent events in the current environment, live, with the log's own detail pane.
 * A stand-in until the log feature exports its filtered, virtualised list.
 */
export function SourceLogsTab({ source }: { source: Source }) {
  const events = useApp((s) => s.recentSourceEvents);
  const loadSampleSources = useApp((s) => s.loadSampleSources);
  const loadMappings = useApp((s) => s.loadMappings);
  const mappingsSourceId = useApp((s) => s.mappingsSourceId);
  const currentEnv = useApp((s) => s.currentEnv);
  const selectedId = useApp((s) => s.selectedEventId);
  const openEvent = useApp((s) => s.openEvent);
  const closeEvent = useApp((s) => s.closeEvent);
  const names = useMemo(() => new Map([[source.id, source.name]]), [source.id, source.name]);

  useEffect(() => {
    if (mappingsSourceId !== source.id) void loadMappings(source.id);
    void loadSampleSources(source.id);
  }, [source.id, currentEnv, mappingsSourceId, loadMappings, loadSampleSources]);
  useEffect(() => () => closeEvent(), [closeEvent]);

  const shown = events.filter((e) => e.sourceId === source.id);
  return (
    <div className="source-logs" data-testid="source-logs">
      <section className="source-logs__list" aria-label={`Events from ${source.name}`}>
        {shown.length === 0 ? (
          <EmptyState title="No events from this source yet" testId="source-logs-empty">
            <p>Send a webhook to this source’s URL (see Settings); it shows up here as it arrives.</p>
          </EmptyState>
        ) : (
          <div className="event-list__scroll" role="listbox" aria-label="Events, newest first" data-testid="event-list">
            {shown.map((event) => (
              <EventRow key={event.id} event={event} sourceName={source.name} active={false} selected={event.id === selectedId} style={{}} onOpen={() => void openEvent(event.id)} />
            ))}
          </div>
        )}
      </section>
      {selectedId !== null && <EventDetailPane sourceNames={names} />}
    </div>
  );
}
