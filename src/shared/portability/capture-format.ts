import type { ApiInput } from '../api/contract';
import type { EventDetail } from '../domain/event';
import { headersFromValue, parseHeaderText } from './header-lines';

/** One captured request, as `events.import` takes it and as the log exports it. */
export type Capture = ApiInput<'events.import'>['items'][number];

/** The host's per-body limit; a bigger capture would be refused anyway. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
const METHODS = ['POST', 'PUT', 'PATCH'] as const;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** Transport headers that describe the hop the capture came over, not the request. */
const HOP_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive']);

export interface ItemError {
  /** 1-based, as a person counts items in a file. */
  item: number;
  message: string;
}

export interface CaptureFileParse {
  items: Capture[];
  errors: ItemError[];
  /** Set when the file as a whole could not be read; then there are no items. */
  fileError: string | null;
}

/**
 * A captures file: a JSON list of `{method?, headers, body, bodyEncoding?, query?}` (what the log
 * exports), a single such object, or `{items: [...]}`. Each item is checked on its own, so one bad
 * item is named and the others can still be imported.
 */
export function parseCaptureFile(text: string): CaptureFileParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { items: [], errors: [], fileError: `The file is not JSON: ${(error as Error).message}` };
  }
  const list = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.items) ? value.items : isRecord(value) && 'body' in value ? [value] : null;
  if (list === null) {
    const hint = isRecord(value) && value.format === 'inlet.config' ? ' This is a configuration file: import it in Settings → Configuration.' : '';
    return { items: [], errors: [], fileError: `Expected a list of captured requests ({headers, body, …}).${hint}` };
  }
  if (list.length === 0) return { items: [], errors: [], fileError: 'The file holds no requests.' };
  const items: Capture[] = [];
  const errors: ItemError[] = [];
  list.forEach((raw: unknown, i) => {
    const result = checkCapture(raw);
    if (typeof result === 'string') errors.push({ item: i + 1, message: result });
    else items.push(result);
  });
  return { items, errors, fileError: null };
}

/** One item checked; a string says what is wrong with it. */
export function checkCapture(raw: unknown): Capture | string {
  if (!isRecord(raw)) return 'is not an object with headers and body.';
  const method = raw.method === undefined ? 'POST' : typeof raw.method === 'string' ? raw.method.toUpperCase() : null;
  if (!METHODS.includes(method as (typeof METHODS)[number])) return `method ${JSON.stringify(raw.method)} cannot be imported; use POST, PUT or PATCH.`;
  if (typeof raw.body !== 'string') {
    return raw.body === undefined ? 'has no body.' : 'body must be the raw request body as a string (JSON bodies too: keep them as text).';
  }
  const encoding = raw.bodyEncoding ?? 'utf8';
  if (encoding !== 'utf8' && encoding !== 'base64') return `bodyEncoding must be "utf8" or "base64", not ${JSON.stringify(raw.bodyEncoding)}.`;
  if (encoding === 'base64' && !BASE64.test(raw.body.replace(/\s/g, ''))) return 'body is marked base64 but is not valid base64.';
  const bytes = encoding === 'base64' ? Math.floor((raw.body.replace(/\s/g, '').length * 3) / 4) : new TextEncoder().encode(raw.body).length;
  if (bytes > MAX_BODY_BYTES) return `body is ${(bytes / 1024 / 1024).toFixed(1)} MB; at most 10 MB can be imported.`;
  const headers = raw.headers === undefined ? { ok: true as const, headers: {} } : headersFromValue(raw.headers);
  if (!headers.ok) return headers.errors.join(' ');
  if (raw.query !== undefined && typeof raw.query !== 'string') return 'query must be a string such as "a=1&b=2".';
  return {
    method: method as (typeof METHODS)[number],
    headers: headers.headers,
    body: encoding === 'base64' ? raw.body.replace(/\s/g, '') : raw.body,
    bodyEncoding: encoding,
    query: (raw.query ?? '').replace(/^\?/, ''),
  };
}

/** A logged event as a capture: text bodies stay text, anything else travels as base64. */
export function toCapture(detail: EventDetail): Capture {
  const headers: Record<string, string> = {};
  for (const [name, value] of detail.headers) {
    if (HOP_HEADERS.has(name.toLowerCase())) continue;
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  const method = (METHODS as readonly string[]).includes(detail.method) ? (detail.method as Capture['method']) : 'POST';
  // An empty base64 next to text means the detail was fetched without it (`body: 'text'`).
  const text = detail.bodyText !== null && (detail.bodyBase64 === '' || utf8RoundTrips(detail.bodyText, detail.bodyBase64));
  return {
    method,
    headers,
    body: text ? (detail.bodyText ?? '') : detail.bodyBase64,
    bodyEncoding: text ? 'utf8' : 'base64',
    query: detail.query.replace(/^\?/, ''),
  };
}

/** Captures as the file the import reads back. */
export const captureFileText = (captures: readonly Capture[]): string => `${JSON.stringify(captures, null, 2)}\n`;

/** Signatures cover bytes: a text body is exported as text only when it encodes back to the same bytes. */
function utf8RoundTrips(text: string, base64: string): boolean {
  const bytes = new TextEncoder().encode(text);
  const original = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return bytes.length === original.length && bytes.every((b, i) => b === original[i]);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What the Paste tab holds: the body as text, headers as lines or JSON, and the query. */
export interface PastedRequest {
  method: Capture['method'];
  body: string;
  headers: string;
  query: string;
}

/** A pasted request as a capture, or every problem with it in words. */
export function captureFromPaste(pasted: PastedRequest): { ok: true; capture: Capture } | { ok: false; errors: string[] } {
  const headers = parseHeaderText(pasted.headers);
  const errors = headers.ok ? [] : headers.errors.map((e) => `Headers: ${e}`);
  if (pasted.body.trim() === '') errors.push('Body: paste the request body as it was sent.');
  if (new TextEncoder().encode(pasted.body).length > MAX_BODY_BYTES) errors.push('Body: at most 10 MB can be imported.');
  if (!headers.ok || errors.length > 0) return { ok: false, errors };
  return { ok: true, capture: { method: pasted.method, headers: headers.headers, body: pasted.body, bodyEncoding: 'utf8', query: pasted.query.trim().replace(/^\?/, '') } };
}
