import type { EventFilter } from '../../../../shared/domain/event';
import type { DeliveryStatus } from '../../../../shared/domain/destination';
import { actionIssuesColumn } from './event-action-issue';
import type { SearchQuery } from './search-query';

/*
 * An event's processing state: its `event_outcomes` row once processed (migration 004), else what
 * ingest wrote in `events`. Every query naming `o` joins OUTCOME_JOIN.
 */
export const OUTCOME_JOIN = 'LEFT JOIN event_outcomes o ON o.event_id = e.id';
const outcomeOr = (column: string) => `CASE WHEN o.event_id IS NULL THEN e.${column} ELSE o.${column} END`;
const PROCESSING = outcomeOr('processing');
export const ACTION_STATUS = outcomeOr('action_status');
export const ACTION_ISSUES = `${actionIssuesColumn(ACTION_STATUS, outcomeOr('action_runs'))} AS action_issues`;

export const SUMMARY_COLUMNS = `e.id, e.received_at, e.source_id, e.environment, e.method, e.path, e.content_type, e.body_size,
  e.event_type, e.idempotency_key, e.verification, e.response_status, e.error, ${PROCESSING} AS processing,
  ${ACTION_STATUS} AS action_status, e.replay_of, e.replay_mode, e.edited, e.origin`;

/** A delivery waits while its destination is held (paused, or its app is down): shown as `held`. */
const HELD = '(t.paused = 1 OR t.auto_held_at IS NOT NULL)';
/** An event's deliveries summed (issue #11): one probe of deliveries_by_event per listed row. */
export const DELIVERY_COLUMN = `COALESCE((SELECT CASE WHEN COUNT(*) = 0 THEN NULL WHEN MAX(d.status = 'failed') THEN 'failed'
  WHEN MAX(d.status = 'pending' AND ${HELD}) THEN 'held' WHEN MAX(d.status = 'pending') THEN 'pending' ELSE 'delivered' END
  FROM deliveries d JOIN destinations t ON t.id = d.destination_id WHERE d.event_id = e.id),
  (SELECT CASE WHEN COUNT(*) = 0 THEN NULL WHEN MAX(${HELD}) THEN 'held' ELSE 'pending' END
  FROM delivery_outbox o JOIN destinations t ON t.id = o.destination_id WHERE o.event_id = e.id)) AS delivery`;
/** Deliveries written during a burst wait in the outbox (migration 012) until queued: pending, or held. */
const OUTBOX_EVENTS = (held: string) => `SELECT o.event_id FROM delivery_outbox o JOIN destinations t ON t.id = o.destination_id WHERE 1 ${held}`;
/*
 * `delivered` is the common state: the log is walked newest first, probing each event, and stops
 * at a page. The others are rare: read from the destinations' index (deliveries_by_destination),
 * never by walking the log; the IN list is read in id order.
 */
function deliveryFilter(delivery: DeliveryStatus): string {
  if (delivery === 'delivered') return "EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id AND d.status = 'delivered')";
  const stored = delivery === 'failed' ? "'failed'" : "'pending'";
  const held = delivery === 'held' ? `AND ${HELD}` : delivery === 'pending' ? `AND NOT ${HELD}` : '';
  const queued = `e.id IN (SELECT d.event_id FROM destinations t CROSS JOIN deliveries d ON d.destination_id = t.id WHERE d.status = ${stored} ${held})`;
  return delivery === 'failed' ? queued : `(${queued} OR e.id IN (${OUTBOX_EVENTS(held)}))`;
}

const FILTER_COLUMNS: Record<Exclude<keyof EventFilter, 'search' | 'delivery'>, string> = {
  sourceId: 'e.source_id = @sourceId',
  environment: 'e.environment = @environment',
  eventType: 'e.event_type = @eventType',
  verification: 'e.verification = @verification',
  from: 'e.received_at >= @from',
  to: 'e.received_at < @to',
  actionStatus: `${ACTION_STATUS} = @actionStatus`,
  origin: 'e.origin = @origin',
  replayOf: 'e.replay_of = @replayOf',
};

/**
 * The FROM/WHERE part of a filtered log query and its parameters. With a search, the FTS index
 * drives the scan (newest match first) so a common word does not materialise every match.
 */
export function filteredQuery(filter: EventFilter & { cursor?: number; after?: number }, fts: SearchQuery): { sql: string; params: Record<string, unknown> } {
  const clauses = (Object.keys(FILTER_COLUMNS) as Array<keyof typeof FILTER_COLUMNS>)
    .filter((k) => filter[k] !== undefined)
    .map((k) => FILTER_COLUMNS[k]);
  if (filter.delivery) clauses.push(deliveryFilter(filter.delivery));
  if (filter.cursor !== undefined) clauses.push('e.id < @cursor');
  if (filter.after !== undefined) clauses.push('e.id > @after');
  if (filter.search) clauses.unshift('events_fts MATCH @search');
  const from = `${filter.search ? 'search.events_fts f JOIN events e ON e.id = f.rowid' : 'events e'} ${OUTCOME_JOIN}`;
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && k !== 'limit' && k !== 'delivery') params[k] = v;
  if (filter.search) params.search = fts(filter.search).match;
  return { sql: `${from} ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}`, params };
}
