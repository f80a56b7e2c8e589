import { useEffect, useMemo, useState } from 'react';
import { useApp } from '../../app/store-context';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingState } from '../../components/LoadingState';
import { BulkReplayBar } from './BulkReplayBar';
import { ExportLogButton } from './ExportLogButton';
import { ImportDialog } from './ImportDialog';
import { EventDetailPane } from './EventDetailPane';
import { EventList } from './EventList';
import { LogFilters } from './LogFilters';
import { isFiltered } from './log-filter';
import { selectLogFilter } from './log.slice';
import { logCountText } from './log-count';
import { PauseLiveButton } from './PauseLiveButton';
import './log.css';

interface Props {
  /** Locks the log to one source (a source's Logs tab); the source filter is then hidden. */
  sourceId?: string;
  /** Heading shown above the list; none in an embedding that has its own. */
  title?: string;
}

/** The live log with search, filters, bulk replay and the detail pane. Reusable per source. */
export function EventLog({ sourceId, title }: Props) {
  const scope = sourceId ?? null;
  const events = useApp((s) => s.events);
  const status = useApp((s) => s.eventsStatus);
  const error = useApp((s) => s.eventsError);
  const sources = useApp((s) => s.sources);
  const selectedId = useApp((s) => s.selectedEventId);
  const closeEvent = useApp((s) => s.closeEvent);
  const loadEvents = useApp((s) => s.loadEvents);
  const refresh = useApp((s) => s.refreshEvents);
  const unmatched = useApp((s) => s.unmatchedArrivals);
  const total = useApp((s) => s.logTotal);
  const setScope = useApp((s) => s.setLogScope);
  const clearFilter = useApp((s) => s.clearLogFilter);
  // A boolean, so typing into the search box does not re-render the whole log at every key.
  const filtered = useApp((s) => isFiltered(selectLogFilter(s)));
  const envName = useApp((s) => s.environments.find((e) => e.key === s.currentEnv)?.name ?? '');
  const [importing, setImporting] = useState(false);
  const sourceNames = useMemo(() => new Map(sources.map((s) => [s.id, s.name])), [sources]);

  useEffect(() => setScope(scope), [scope, setScope]);

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
    <div className={`event-log${selectedId !== null ? ' event-log--with-detail' : ''}`} data-testid="event-log" data-scope={scope ?? 'all'}>
      <section className="log" aria-label="Event log">
        <header className="log__header">
          {title && <h1 className="log__title">{title}</h1>}
          <span className="muted" data-testid="event-count" aria-live="polite">
            {logCountText(total, events.length, filtered)} in {envName}
          </span>
          <span className="log__spacer" />
          {unmatched > 0 && (
            <button type="button" className="btn btn--small" data-testid="show-new-events" onClick={() => void refresh()}>
              {unmatched} new — refresh
            </button>
          )}
          <PauseLiveButton />
          <BulkReplayBar filtered={filtered} />
          <ExportLogButton filtered={filtered} />
          {scope === null && (
            <button type="button" className="btn btn--small" data-testid="import-open" onClick={() => setImporting(true)}>
              Import…
            </button>
          )}
        </header>
        {importing && <ImportDialog onClose={() => setImporting(false)} />}
        <LogFilters scoped={scope !== null} />
        <ErrorNotice message={error} onRetry={() => void loadEvents()} />
        {status === 'loading' && events.length === 0 ? (
          <LoadingState label="Loading events…" />
        ) : events.length === 0 && status !== 'error' ? (
          filtered ? (
            <EmptyState title="No events match these filters" testId="log-no-match">
              <button type="button" className="btn btn--small" onClick={clearFilter}>
                Clear filters
              </button>
            </EmptyState>
          ) : (
            <EmptyState title={`No events in ${envName} yet`} testId="log-empty">
              <p>Send a webhook to {scope ? 'this source’s URL' : 'one of your source URLs'}; it shows up here as soon as it arrives.</p>
            </EmptyState>
          )
        ) : (
          <EventList sourceNames={sourceNames} showSource={scope === null} />
        )}
      </section>
      {selectedId !== null && <EventDetailPane sourceNames={sourceNames} />}
    </div>
  );
}
