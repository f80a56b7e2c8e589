import type { NewEvent } from '../store/repos/events.repo';

const EMPTY = Buffer.alloc(0);

export interface MinimalRecord {
  receivedAt: number;
  /** Empty when the request line was never read (refused connection, unparseable request). */
  method: string;
  path: string;
  remoteAddress: string | null;
  /** What the sender was answered; 0 when nothing could be sent. */
  status: number;
  error: string;
  sourceId?: string | null;
  environment?: string | null;
}

/**
 * A log row for a request Inlet could not read as one (refused connection, framing Node's parser
 * rejected, a per-minute summary): what is known, never processed.
 */
export function minimalEvent(r: MinimalRecord): NewEvent {
  return {
    receivedAt: r.receivedAt,
    sourceId: r.sourceId ?? null,
    environment: r.environment ?? null,
    method: r.method,
    path: r.path,
    query: '',
    headers: [],
    contentType: null,
    body: EMPTY,
    parseError: null,
    eventType: null,
    idempotencyKey: null,
    verification: { status: 'unverified', scheme: 'none' },
    responseStatus: r.status,
    error: r.error,
    remoteAddress: r.remoteAddress,
    processing: 'none',
    actionStatus: null,
    replayOf: null,
    replayMode: null,
    origin: 'received',
    dedupe: true,
    preprocessOutput: null,
  };
}

/** `GET /in/abc?x=1 HTTP/1.1` at the start of what the parser saw → method and path, when it is one. */
export function requestLineOf(raw: Buffer | undefined): { method: string; path: string } {
  if (!raw) return { method: '', path: '' };
  const line = raw.subarray(0, Math.min(raw.length, 2048)).toString('latin1').split('\r\n', 1)[0] ?? '';
  const match = /^([A-Z]{1,16}) (\/[^ ?]{0,1024})\S* HTTP\/\d\.\d$/.exec(line);
  return match ? { method: match[1]!, path: match[2]! } : { method: '', path: '' };
}

/** A complete HTTP/1.1 answer written straight to a socket that has no response object. */
export function rawAnswer(status: number, reason: string, payload: unknown, extra = ''): string {
  const text = JSON.stringify(payload);
  return (
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n` +
    `Connection: close\r\n${extra}\r\n${text}`
  );
}
