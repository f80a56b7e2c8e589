import { isStrictBase64 } from '../../../shared/domain/export';

export { CAPTURE_FORMATS, CAPTURE_FORMAT_NAMES as FORMAT_NAMES, type CaptureFormat } from '../../../shared/api/contract-captures';

/** Where an entry is in its file: a line for line-based formats, a 1-based position for lists. */
export type Where = { line: number } | { entry: number };
export const whereText = (w: Where): string => ('line' in w ? `line ${w.line}` : `entry ${w.entry}`);

/** One request read from a capture, ready for the import path. */
export interface CaptureRequest {
  method: 'POST' | 'PUT' | 'PATCH';
  headers: Record<string, string>;
  body: string;
  bodyEncoding: 'utf8' | 'base64';
  query: string;
  /** The path or URL it was sent to, for the preview (the import sends it to the source's endpoint). */
  target: string;
  /** When it was captured (ms), where the file says; shown in the preview. */
  capturedAt: number | null;
  /** Made up from a payload that carries no signature (a Stripe event): replay re-signs or ignores verification. */
  unsigned: boolean;
  /** Marked redacted by the Inlet export it came from: its bytes are not what was signed, so replay re-signs. */
  redacted: boolean;
}

export type CaptureEntry =
  | { kind: 'request'; at: Where; request: CaptureRequest }
  /** Read but not importable by design (a GET in a HAR); counted, not an error. */
  | { kind: 'skipped'; at: Where; reason: string; method?: string; target?: string }
  | { kind: 'error'; at: Where; error: string };

/** Text chunks in order; a string is one chunk. */
export type Chunks = AsyncIterable<string> | Iterable<string>;

export const MAX_BODY_BYTES = 10 * 1024 * 1024;
const METHODS = new Set(['POST', 'PUT', 'PATCH']);
/** Transport and HTTP/2 pseudo headers describe the hop, not the request. */
const HOP_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive', 'proxy-connection']);
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export interface RawRequest {
  method: string;
  headers: ReadonlyArray<readonly [string, string]>;
  body: string;
  bodyEncoding?: 'utf8' | 'base64';
  /** A URL, an origin-form path with query, or ''. */
  target: string;
  /** Used instead of the target's query when given. */
  query?: string;
  capturedAt?: number | null;
  unsigned?: boolean;
  redacted?: boolean;
}

/** A request as read from any format, checked once the same way: importable, skipped or an error. */
export function toEntry(at: Where, raw: RawRequest): CaptureEntry {
  const method = raw.method.toUpperCase();
  if (!METHODS.has(method)) {
    return { kind: 'skipped', at, reason: `${method} requests carry no webhook body; only POST, PUT and PATCH are imported.`, method, target: raw.target };
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of raw.headers) {
    const lower = name.toLowerCase();
    if (name.startsWith(':') || HOP_HEADERS.has(lower)) continue;
    if (!HEADER_NAME.test(name)) return { kind: 'error', at, error: `“${clip(name)}” is not a valid header name.` };
    const key = Object.keys(headers).find((k) => k.toLowerCase() === lower) ?? name;
    headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
  }
  const encoding = raw.bodyEncoding ?? 'utf8';
  const body = encoding === 'base64' ? raw.body.replace(/\s/g, '') : raw.body;
  if (encoding === 'base64' && !isStrictBase64(body)) return { kind: 'error', at, error: 'the body is marked base64 but is not valid base64.' };
  const bytes = encoding === 'base64' ? Math.floor((body.length * 3) / 4) : Buffer.byteLength(body);
  if (bytes > MAX_BODY_BYTES) return { kind: 'error', at, error: `the body is ${(bytes / 1024 / 1024).toFixed(1)} MB; at most 10 MB can be imported.` };
  const split = splitTarget(raw.target);
  return {
    kind: 'request',
    at,
    request: {
      method: method as CaptureRequest['method'],
      headers,
      body,
      bodyEncoding: encoding,
      query: (raw.query ?? split.query).replace(/^\?/, ''),
      target: split.path,
      capturedAt: raw.capturedAt ?? null,
      unsigned: raw.unsigned ?? false,
      redacted: raw.redacted ?? false,
    },
  };
}

/** Path and query of an absolute URL or an origin-form target. */
export function splitTarget(target: string): { path: string; query: string } {
  const noHash = target.split('#')[0] ?? '';
  const q = noHash.indexOf('?');
  return q < 0 ? { path: noHash, query: '' } : { path: noHash.slice(0, q), query: noHash.slice(q + 1) };
}

/** A timestamp as ms: ISO text, or epoch seconds or milliseconds. */
export function toTime(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value < 1e11 ? value * 1000 : value;
  if (typeof value === 'string' && value.trim() !== '') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const clip = (s: string, n = 40): string => (s.length > n ? `${s.slice(0, n)}…` : s);
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
