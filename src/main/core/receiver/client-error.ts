import type { Socket } from 'node:net';
import type { NewEvent } from '../store/repos/events.repo';
import type { ConnectionGuard } from './connection-guard';
import { minimalEvent, rawAnswer, requestLineOf } from './minimal-record';

export interface ClientErrorDeps {
  guard: ConnectionGuard;
  now: () => number;
  deadlineMs: number;
  /** The route's source and environment for a path, when it is a known endpoint. */
  routeOf: (path: string) => { sourceId: string; environment: string } | undefined;
  /** Writes a minimal record within its budget; resolves with its id, or null when not stored. */
  record: (event: NewEvent) => Promise<number | null>;
}

type ClientError = Error & { code?: string; rawPacket?: Buffer };

/** The client is gone: there is nobody to answer, so nothing to log (like an aborted body). */
const GONE = new Set(['ECONNRESET', 'EPIPE', 'HPE_INVALID_EOF_STATE']);

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 413: 'Payload Too Large', 431: 'Request Header Fields Too Large' };

/**
 * Node's `clientError`: a request Node's parser rejected or timed out. Answered and logged by us
 * (Node's default answers without a trace). When a request on the connection is still being read or
 * answered, that request carries the rejection: the sender reads this answer as the one to it.
 */
export function createClientErrorHandler(deps: ClientErrorDeps) {
  return (error: ClientError, socket: Socket): void => {
    const code = error.code ?? 'UNKNOWN';
    const conn = deps.guard.stateOf(socket);
    if (GONE.has(code) || !conn) {
      socket.destroy();
      return;
    }
    // The parser stays failed and may report again for the same bytes: one answer per connection.
    if (conn.rejection) return;
    const status = statusOf(code);
    const inFlight = conn.answered < conn.started;
    const describeAs = (trailing: boolean) => describe(code, error.message, deps.deadlineMs, trailing);
    const seq = conn.started;
    if (conn.interrupt) {
      conn.rejection = { seq, status, error: conn.interrupt(status, describeAs) };
      return;
    }
    const reason = describeAs(inFlight);
    conn.rejection = { seq, status, error: reason };
    if (inFlight) return; // the handler answers `status` and records it

    const receivedAt = deps.now();
    const { method, path } = conn.started === 0 ? requestLineOf(error.rawPacket) : { method: '', path: '' };
    const route = deps.routeOf(path);
    const answer = (id: number | null) => {
      if (!socket.writable) return void socket.destroy();
      const payload = id === null ? { ok: false, error: reason } : { ok: false, error: reason, event_id: id };
      socket.end(rawAnswer(status, REASONS[status] ?? 'Bad Request', payload));
      socket.once('finish', () => socket.destroy());
    };
    if (!socket.writable) return void socket.destroy();
    void deps
      .record(minimalEvent({ receivedAt, method, path, remoteAddress: socket.remoteAddress ?? null, status, error: reason, ...route }))
      .then(answer, () => answer(null));
  };
}

function statusOf(code: string): number {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return 413;
  return 400;
}

function describe(code: string, message: string, deadlineMs: number, trailing: boolean): string {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return `Request not complete within the ${deadlineMs} ms deadline`;
  if (code === 'HPE_HEADER_OVERFLOW') return 'Request headers too large';
  const detail = `${code}: ${message.replace(/^Parse Error:?\s*/, '') || 'parse error'}`;
  return trailing
    ? `Bytes after this request are not valid HTTP (${detail}); the connection was answered and closed. Is Content-Length shorter than the body?`
    : `Malformed HTTP request rejected (${detail})`;
}
