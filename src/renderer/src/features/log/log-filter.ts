import type { ApiInput } from '../../../../shared/api/contract';
import type { DeliveryStatus } from '../../../../shared/domain/destination';
import type { ActionStatus, EventSummary, Origin } from '../../../../shared/domain/event';
import type { VerificationStatus } from '../../../../shared/domain/verification';

/** Relative ranges are resolved when the query is sent, so "last hour" stays the last hour. */
export const TIME_RANGES = {
  all: { label: 'Any time', ms: null },
  '15m': { label: 'Last 15 minutes', ms: 15 * 60_000 },
  '1h': { label: 'Last hour', ms: 60 * 60_000 },
  '24h': { label: 'Last 24 hours', ms: 24 * 60 * 60_000 },
  '7d': { label: 'Last 7 days', ms: 7 * 24 * 60 * 60_000 },
  custom: { label: 'Between…', ms: null },
} as const;
export type TimeRange = keyof typeof TIME_RANGES;

/** What the user chose in the filter bar; empty strings mean "any". */
export interface LogFilter {
  sourceId: string;
  eventType: string;
  verification: VerificationStatus | '';
  actionStatus: ActionStatus | '';
  /** How events got into the log; `replay` shows the replays of an import, for instance. */
  origin: Origin | '';
  /** Events with a delivery in this state (forwarding). */
  delivery: DeliveryStatus | '';
  range: TimeRange;
  /** Local date-times (`<input type="datetime-local">` values) for the `custom` range; either may be empty. */
  from: string;
  to: string;
  search: string;
}

export const EMPTY_FILTER: LogFilter = { sourceId: '', eventType: '', verification: '', actionStatus: '', origin: '', delivery: '', range: 'all', from: '', to: '', search: '' };

/** The key filters are kept under: the whole log, or one source's Logs tab. */
export const scopeKey = (scope: string | null): string => scope ?? '*';

export type EventQuery = Omit<ApiInput<'events.list'>, 'cursor' | 'limit'>;

/** The `events.list` / `events.replayMany` filter for what the user chose; a locked scope wins. */
export function toQuery(filter: LogFilter, scope: string | null, environment: string, now: number): EventQuery {
  const query: EventQuery = { environment };
  const sourceId = scope ?? filter.sourceId;
  if (sourceId) query.sourceId = sourceId;
  if (filter.eventType.trim()) query.eventType = filter.eventType.trim();
  if (filter.verification) query.verification = filter.verification;
  if (filter.actionStatus) query.actionStatus = filter.actionStatus;
  if (filter.origin) query.origin = filter.origin;
  if (filter.delivery) query.delivery = filter.delivery;
  const span = TIME_RANGES[filter.range].ms;
  if (span !== null) query.from = now - span;
  if (filter.range === 'custom') {
    const from = localTime(filter.from);
    const to = localTime(filter.to);
    if (from !== null) query.from = from;
    // The picker names a minute; "to 10:05" includes that minute.
    if (to !== null) query.to = to + 60_000;
  }
  if (filter.search.trim()) query.search = filter.search.trim();
  return query;
}

/** A `datetime-local` value as ms since the epoch (in the local zone), or null when empty or invalid. */
export function localTime(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}

export const isFiltered = (filter: LogFilter): boolean =>
  Object.entries(filter).some(([key, value]) => (key === 'range' ? value !== 'all' : value !== ''));

/**
 * Whether a pushed event belongs in the filtered list: `true`/`false` when it can be told here,
 * `null` when only the host can (full-text search; the action status, unknown until processed;
 * the delivery state, which changes after arrival).
 */
export function matchesQuery(event: EventSummary, query: EventQuery): boolean | null {
  if (query.environment !== undefined && event.environment !== query.environment) return false;
  if (query.sourceId !== undefined && event.sourceId !== query.sourceId) return false;
  if (query.eventType !== undefined && event.eventType !== query.eventType) return false;
  if (query.verification !== undefined && event.verification !== query.verification) return false;
  if (query.origin !== undefined && event.origin !== query.origin) return false;
  if (query.from !== undefined && event.receivedAt < query.from) return false;
  if (query.to !== undefined && event.receivedAt >= query.to) return false;
  if (query.search !== undefined || query.actionStatus !== undefined || query.delivery !== undefined) return null;
  return true;
}
