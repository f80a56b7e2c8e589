import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DeliveryStatus } from '../../../../shared/domain/destination';
import type { ActionStatus, Origin } from '../../../../shared/domain/event';
import type { VerificationStatus } from '../../../../shared/domain/verification';
import { useApp } from '../../app/store-context';
import { isFiltered, TIME_RANGES, type TimeRange } from './log-filter';
import { selectLogFilter } from './log.slice';

const VERIFICATION: ReadonlyArray<[VerificationStatus | '', string]> = [
  ['', 'Any verification'],
  ['verified', 'Verified'],
  ['failed', 'Failed'],
  ['unverified', 'Unverified'],
];
const ACTIONS: ReadonlyArray<[ActionStatus | '', string]> = [
  ['', 'Any action status'],
  ['success', 'Succeeded'],
  ['partial', 'Partly failed'],
  ['error', 'Failed'],
  ['skipped', 'Skipped'],
  ['no_mapping', 'No mapping'],
];

const ORIGINS: ReadonlyArray<[Origin | '', string]> = [
  ['', 'Any origin'],
  ['received', 'Received'],
  ['test', 'Test events'],
  ['replay', 'Replays'],
  ['import', 'Imported'],
];

const DELIVERIES: ReadonlyArray<[DeliveryStatus | '', string]> = [
  ['', 'Any forwarding'],
  ['delivered', 'Delivered'],
  ['failed', 'Delivery failed'],
  ['pending', 'Delivery pending'],
  ['held', 'Held'],
];

/** Search and filters of the log; every control is a native one, so Tab reaches them all. */
export function LogFilters({ scoped }: { scoped: boolean }) {
  const filter = useApp(useShallow(selectLogFilter));
  const setFilter = useApp((s) => s.setLogFilter);
  const clear = useApp((s) => s.clearLogFilter);
  const sources = useApp((s) => s.sources);
  const events = useApp((s) => s.events);
  const searchRef = useRef<HTMLInputElement>(null);
  const searching = useApp((s) => s.logSearching);
  const behind = useApp((s) => s.logSearchBehind);
  const eventTypes = useMemo(() => [...new Set(events.map((e) => e.eventType).filter((t): t is string => !!t))].sort(), [events]);

  // "/" jumps to the search box, as in most log viewers, unless the user is typing somewhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"], .cm-editor');
      if (e.key === '/' && !typing && !e.metaKey && !e.ctrlKey) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="log-filters" role="search" aria-label="Filter the log">
      <label className="log-filters__search">
        <span className="visually-hidden">Search bodies</span>
        <input
          ref={searchRef}
          type="search"
          className="input"
          placeholder="Search bodies…  ( / )"
          value={filter.search}
          maxLength={500}
          data-testid="log-search"
          onChange={(e) => setFilter({ search: e.target.value })}
          onKeyDown={(e) => e.key === 'Escape' && filter.search && (e.preventDefault(), setFilter({ search: '' }))}
        />
      </label>
      <span className="log-filters__searching muted" role="status" data-testid="log-searching">
        {searching ? 'Searching…' : behind ? 'Still indexing: the newest matches may be missing' : ''}
      </span>
      {!scoped && (
        <select className="select" aria-label="Source" data-testid="filter-source" value={filter.sourceId} onChange={(e) => setFilter({ sourceId: e.target.value })}>
          <option value="">All sources</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      )}
      <input
        className="input log-filters__type"
        aria-label="Event type"
        placeholder="Event type"
        list="log-event-types"
        data-testid="filter-event-type"
        value={filter.eventType}
        onChange={(e) => setFilter({ eventType: e.target.value })}
      />
      <datalist id="log-event-types">
        {eventTypes.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <select className="select" aria-label="Verification" data-testid="filter-verification" value={filter.verification} onChange={(e) => setFilter({ verification: e.target.value as VerificationStatus | '' })}>
        {VERIFICATION.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <select className="select" aria-label="Action status" data-testid="filter-action-status" value={filter.actionStatus} onChange={(e) => setFilter({ actionStatus: e.target.value as ActionStatus | '' })}>
        {ACTIONS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <select className="select" aria-label="Origin" data-testid="filter-origin" value={filter.origin} onChange={(e) => setFilter({ origin: e.target.value as Origin | '' })}>
        {ORIGINS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <select className="select" aria-label="Forwarding" data-testid="filter-delivery" value={filter.delivery} onChange={(e) => setFilter({ delivery: e.target.value as DeliveryStatus | '' })}>
        {DELIVERIES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <select className="select" aria-label="Time range" data-testid="filter-range" value={filter.range} onChange={(e) => setFilter({ range: e.target.value as TimeRange })}>
        {Object.entries(TIME_RANGES).map(([value, { label }]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {filter.range === 'custom' && (
        <span className="log-filters__range" role="group" aria-label="Between">
          <input type="datetime-local" className="input" aria-label="From" data-testid="filter-from" value={filter.from} onChange={(e) => setFilter({ from: e.target.value })} />
          <span className="muted">to</span>
          <input type="datetime-local" className="input" aria-label="To" data-testid="filter-to" value={filter.to} onChange={(e) => setFilter({ to: e.target.value })} />
        </span>
      )}
      {isFiltered(filter) && (
        <button type="button" className="btn btn--small btn--ghost" data-testid="clear-filters" onClick={clear}>
          Clear filters
        </button>
      )}
    </div>
  );
}
