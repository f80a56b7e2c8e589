import { useEffect, useMemo } from 'react';
import { useApp } from '../../app/store-context';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingState } from '../../components/LoadingState';
import { EventDetailPane } from './EventDetailPane';
import { EventList } from './EventList';

export function LogPage() {
  const events = useApp((s) => s.events);
  const status = useApp((s) => s.eventsStatus);
  const error = useApp((s) => s.eventsError);
  const sources = useApp((s) => s.sources);
  const selectedId = useApp((s) => s.selectedEventId);
  const closeEvent = useApp((s) => s.closeEvent);
  const loadEvents = useApp((s) => s.loadEvents);
  const envName = useApp((s) => s.environments.find((e) => e.key === s.currentEnv)?.name ?? '');
  const sourceNames = useMemo(() => new Map(sources.map((s) => [s.id, s.name])), [sources]);

  // Esc closes the detail wherever focus is (the list handles it too when focused).
  useEffect(() => {
    if (selectedId === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) closeEvent();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [selectedId, closeEvent]);

  return (
    <div className={`page page--log${selectedId !== null ? ' page--with-detail' : ''}`}>
      <section className="log" aria-label="Event log">
        <header className="log__header">
          <h1 className="log__title">Log</h1>
          <span className="muted" data-testid="event-count">
            {events.length} {events.length === 1 ? 'event' : 'events'} in {envName}
          </span>
        </header>
        <ErrorNotice message={error} onRetry={() => void loadEvents()} />
        {status === 'loading' && events.length === 0 ? (
          <LoadingState label="Loading events…" />
        ) : events.length === 0 && status !== 'error' ? (
          <EmptyState title={`No events in ${envName} yet`} testId="log-empty">
            <p>Send a webhook to one of your source URLs; it shows up here as soon as it arrives.</p>
          </EmptyState>
        ) : (
          <EventList sourceNames={sourceNames} />
        )}
      </section>
      {selectedId !== null && <EventDetailPane sourceNames={sourceNames} />}
    </div>
  );
}
