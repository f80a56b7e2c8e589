import type { PreprocessOutput, ReplayMode } from '../../../shared/domain/event';
import type { VerificationResult } from '../../../shared/domain/verification';
import type { ParsedBody } from '../request/parse-body';
import type { NewEvent, RequestFields } from '../store/repos/events.repo';

/** A request as it is logged: received now, or taken from the log or a file again. */
export interface LoggedRequest extends RequestFields {
  /** The body parsed once; it travels with the event so nothing downstream parses it again. */
  parsed: ParsedBody;
  remoteAddress: string | null;
}

/** What was decided about the request, and what it was answered. */
export interface EventJudgement {
  verification: VerificationResult;
  eventType: string | null;
  idempotencyKey: string | null;
  preprocess: PreprocessOutput | null;
  status: number;
  error: string | null;
  /** The provider's endpoint check, answered by Inlet: logged, never mapped. */
  handshake: boolean;
}

/** How the request got into the log, and whether its source has active mappings to run there. */
export type EventOrigin =
  | { origin: 'received' | 'test'; hasMappings: boolean }
  | { origin: 'replay'; replayOf: number; mode: ReplayMode; dedupe: boolean; hasMappings: boolean; edited?: boolean; redacted?: boolean }
  /** Imported requests are judged but never mapped on arrival: the user replays them. `redacted`: changed by a redacting export. */
  | { origin: 'import'; redacted?: boolean };

/**
 * The one place a log row is assembled, for the receiver, replay and import alike. An accepted
 * event (routed, answered 2xx, not a handshake) waits for its mappings, or is done without any.
 */
export function newEvent(r: LoggedRequest, j: EventJudgement, o: EventOrigin): NewEvent {
  const accepted = o.origin !== 'import' && r.sourceId !== null && j.status < 300 && !j.handshake;
  const pending = accepted && o.hasMappings;
  const replay = o.origin === 'replay' ? o : null;
  const event: NewEvent = {
    receivedAt: r.receivedAt,
    sourceId: r.sourceId,
    environment: r.environment,
    method: r.method,
    path: r.path,
    query: r.query,
    headers: r.headers,
    contentType: r.contentType,
    body: r.body,
    parseError: r.parsed.parseError,
    parsedBody: r.parsed.value,
    eventType: j.eventType,
    idempotencyKey: j.idempotencyKey,
    verification: j.verification,
    responseStatus: j.status,
    error: j.error,
    remoteAddress: r.remoteAddress,
    processing: pending ? 'pending' : accepted ? 'done' : 'none',
    actionStatus: accepted && !pending ? 'no_mapping' : null,
    replayOf: replay ? replay.replayOf : null,
    replayMode: replay ? replay.mode : null,
    origin: o.origin,
    dedupe: replay ? replay.dedupe : true,
    preprocessOutput: j.preprocess,
  };
  if (replay?.edited) event.edited = true;
  else if ((o.origin === 'import' || o.origin === 'replay') && o.redacted) event.redacted = true;
  return event;
}
