import type { ActionRun, ActionStatus, EventSummary, Origin, PreprocessOutput, Processing, ReplayMode } from '../../../../shared/domain/event';
import type { DeliveryStatus } from '../../../../shared/domain/destination';
import type { VerificationResult, VerificationStatus } from '../../../../shared/domain/verification';
import { actionIssueField } from './event-action-issue';
import { storedColumn } from './event-columns';

/* The log's shapes: what is written, what is read back, and the rows between (no database here). */

/** A request as it arrived, and where it went: what every logged event starts from. */
export interface RequestFields {
  receivedAt: number;
  sourceId: string | null;
  environment: string | null;
  method: string;
  path: string;
  query: string;
  headers: Array<[string, string]>;
  contentType: string | null;
  body: Buffer;
}

/** A received request as the receiver hands it to the log. */
export interface NewEvent extends RequestFields {
  parseError: string | null;
  /** The parsed view of `body` when the writer has it, handed to the processor; never stored. */
  parsedBody?: unknown;
  eventType: string | null;
  idempotencyKey: string | null;
  verification: VerificationResult;
  responseStatus: number;
  error: string | null;
  remoteAddress: string | null;
  /**
   * `pending` when the event was accepted and its source has mappings to run; `done` (with
   * `actionStatus: 'no_mapping'`) when it was accepted but nothing maps it; `none` when rejected.
   */
  processing: 'pending' | 'none' | 'done';
  actionStatus: 'no_mapping' | null;
  replayOf: number | null;
  replayMode: ReplayMode | null;
  /** A replay of an edited request (migration 009). */
  edited?: boolean;
  /** An imported capture whose body was redacted in the file: its signature can't match its bytes. */
  redacted?: boolean;
  origin: Origin;
  /** False for a replay that should run even if its idempotency key was already executed. */
  dedupe: boolean;
  preprocessOutput: PreprocessOutput | null;
}

export interface StoredEvent extends EventSummary {
  query: string;
  headers: Array<[string, string]>;
  body: Buffer;
  parseError: string | null;
  verificationResult: VerificationResult;
  remoteAddress: string | null;
  preprocessOutput: PreprocessOutput | null;
  actionRuns: ActionRun[];
}

/** A logged request as it arrived, with where it went. */
export interface LoggedRequest extends RequestFields {
  id: number;
  /** Imported from a redacted file: its bytes are not the ones its sender signed. */
  redacted?: boolean;
}

/**
 * The `edited` column (migration 009) says how the stored request differs from what its sender
 * signed: not at all, edited before a replay, or redacted in the file it was imported from.
 */
export const EDITED = 1;
export const REDACTED = 2;

/** The columns of an event's logged request besides `id` and `body`, as `request()` and a delivery claim read them. */
export const REQUEST_COLUMNS = 'received_at, source_id, environment, method, path, query, headers, content_type, edited';

export type RequestRow = Pick<EventRow, 'id' | 'received_at' | 'source_id' | 'environment' | 'method' | 'path' | 'query' | 'headers' | 'content_type' | 'body' | 'edited'>;

export const toLoggedRequest = (row: RequestRow): LoggedRequest => ({
  id: row.id, receivedAt: row.received_at, sourceId: row.source_id, environment: row.environment, method: row.method,
  path: row.path, query: row.query, headers: storedColumn(row.id, 'headers', row.headers), contentType: row.content_type, body: row.body,
  ...(row.edited === REDACTED ? { redacted: true } : {}),
});

/** A logged request with what an export names it by (its type) and how it was answered. */
export interface ExportedRequest extends LoggedRequest {
  eventType: string | null;
  responseStatus: number;
}
export type ExportedRequestRow = Pick<EventRow, 'id' | 'received_at' | 'source_id' | 'environment' | 'method' | 'path' | 'query' | 'headers' | 'content_type' | 'body' | 'event_type' | 'response_status'>;
export const EXPORT_COLUMNS = 'e.id, e.received_at, e.source_id, e.environment, e.method, e.path, e.query, e.headers, e.content_type, e.body, e.event_type, e.response_status';

/** An action run as the processor records it; the id is its position within the event. */
export type ActionRunRecord = Omit<ActionRun, 'id' | 'eventId'>;

export interface EventRow {
  id: number;
  received_at: number;
  source_id: string | null;
  environment: string | null;
  method: string;
  path: string;
  query: string;
  headers: string;
  content_type: string | null;
  body: Buffer;
  body_size: number;
  parse_error: string | null;
  event_type: string | null;
  idempotency_key: string | null;
  verification: VerificationStatus;
  verification_detail: string;
  response_status: number;
  error: string | null;
  remote_address: string | null;
  processing: Processing;
  action_status: ActionStatus | null;
  replay_of: number | null;
  replay_mode: ReplayMode | null;
  edited: number;
  origin: Origin;
  preprocess_output: string | null;
  action_runs: string | null;
}

export type SummaryRow = Omit<
  EventRow,
  'headers' | 'body' | 'query' | 'parse_error' | 'verification_detail' | 'remote_address' | 'preprocess_output' | 'action_runs'
> & { delivery?: DeliveryStatus | null; action_issues?: string | null };

/** What the pipeline needs to map an event. */
export interface PendingEvent {
  id: number;
  sourceId: string;
  environment: string;
  query: string;
  headers: Array<[string, string]>;
  contentType: string | null;
  /** Null when read without it (`pending(limit, true)`). */
  body: Buffer | null;
  eventType: string | null;
  idempotencyKey: string | null;
  dedupe: boolean;
  /** What the preprocess script added, readable as `preprocess.*`. */
  preprocess: Record<string, unknown>;
  /** Why the stored row cannot be mapped (a damaged JSON column), or null. */
  damaged: string | null;
}

export const toEventSummary = (row: SummaryRow): EventSummary => ({
  id: row.id,
  receivedAt: row.received_at,
  sourceId: row.source_id,
  environment: row.environment,
  method: row.method,
  path: row.path,
  contentType: row.content_type,
  bodySize: row.body_size,
  eventType: row.event_type,
  idempotencyKey: row.idempotency_key,
  verification: row.verification,
  responseStatus: row.response_status,
  error: row.error,
  processing: row.processing,
  actionStatus: row.action_status,
  replayOf: row.replay_of,
  replayMode: row.replay_mode,
  origin: row.origin,
  ...(row.edited === EDITED ? { edited: true } : row.edited === REDACTED ? { redacted: true } : {}),
  ...(row.delivery !== undefined ? { delivery: row.delivery } : {}),
  ...actionIssueField(row.action_issues),
});

/** The summary the log shows for an event that is only now being written. */
export const summarize = (id: number, e: NewEvent): EventSummary => ({
  id,
  receivedAt: e.receivedAt,
  sourceId: e.sourceId,
  environment: e.environment,
  method: e.method,
  path: e.path,
  contentType: e.contentType,
  bodySize: e.body.length,
  eventType: e.eventType,
  idempotencyKey: e.idempotencyKey,
  verification: e.verification.status,
  responseStatus: e.responseStatus,
  error: e.error,
  processing: e.processing,
  actionStatus: e.actionStatus,
  replayOf: e.replayOf,
  replayMode: e.replayMode,
  origin: e.origin,
  ...(e.edited ? { edited: true } : e.redacted ? { redacted: true } : {}),
});
