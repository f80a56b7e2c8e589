import type { RedactionChange } from '../../../shared/domain/redaction';
import type { Redactor } from '../redaction';
import type { ExportedRequest } from '../store/repos/events.repo';

/** One logged request as every export format reads it, redacted when the export redacts. */
export interface ExportItem {
  id: number;
  receivedAt: number;
  sourceKey: string | null;
  environment: string | null;
  method: string;
  /** `/in/<endpoint token>`; a redacted export hides the token. */
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string;
  bodyEncoding: 'utf8' | 'base64';
  contentType: string | null;
  eventType: string | null;
  responseStatus: number;
  /** Its bytes changed: a replay must sign it afresh. */
  redacted: boolean;
  changes: RedactionChange[];
}

/** Transport headers that describe the hop the request came over, not the request. */
const HOP_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive']);

/** Signatures cover bytes: a body is written as text only when the text encodes back to the same bytes. */
function bodyText(body: Buffer): { body: string; bodyEncoding: 'utf8' | 'base64' } {
  const text = body.toString('utf8');
  return Buffer.byteLength(text) === body.length && Buffer.from(text, 'utf8').equals(body)
    ? { body: text, bodyEncoding: 'utf8' }
    : { body: body.toString('base64'), bodyEncoding: 'base64' };
}

export function toExportItem(e: ExportedRequest, sourceKey: string | null, redactor: Redactor | null): ExportItem {
  const headers: Record<string, string> = {};
  for (const [name, value] of e.headers) {
    if (HOP_HEADERS.has(name.toLowerCase())) continue;
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  const plain = { headers, query: e.query.replace(/^\?/, ''), ...bodyText(e.body) };
  const result = redactor ? redactor.request(plain) : { request: plain, changes: [], redacted: false };
  return {
    id: e.id,
    receivedAt: e.receivedAt,
    sourceKey,
    environment: e.environment,
    method: e.method,
    // The endpoint token lets anyone post into the log: a redacted file does not carry it.
    path: redactor ? e.path.replace(/^\/in\/[^/?]+/, '/in/redacted-endpoint') : e.path,
    ...result.request,
    contentType: e.contentType,
    eventType: e.eventType,
    responseStatus: e.responseStatus,
    redacted: result.redacted,
    changes: result.changes,
  };
}
