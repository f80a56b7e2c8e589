import { headersFromValue } from '../../../shared/portability/header-lines';
import { isRecord, toEntry, toTime, type CaptureEntry, type Where } from './entry';

/**
 * One `{headers, body, method?, query?, receivedAt?, bodyEncoding?}` object, as JSON Lines carry
 * them and Inlet's export writes them. A JSON body may be given parsed (it is written back as JSON).
 */
export function fromCaptureObject(value: unknown, at: Where): CaptureEntry {
  if (!isRecord(value)) return { kind: 'error', at, error: 'is not an object with headers and body.' };
  if (value.body === undefined) return { kind: 'error', at, error: 'has no body.' };
  const body = typeof value.body === 'string' ? value.body : JSON.stringify(value.body);
  if (value.method !== undefined && typeof value.method !== 'string') return { kind: 'error', at, error: 'method must be text such as "POST".' };
  const headers = value.headers === undefined ? { ok: true as const, headers: {} } : headersFromValue(value.headers);
  if (!headers.ok) return { kind: 'error', at, error: headers.errors.join(' ') };
  const query = queryText(value.query);
  if (query === null) return { kind: 'error', at, error: 'query must be text such as "a=1&b=2" or an object of names to values.' };
  const encoding = value.bodyEncoding ?? 'utf8';
  if (encoding !== 'utf8' && encoding !== 'base64') return { kind: 'error', at, error: `bodyEncoding must be "utf8" or "base64", not ${JSON.stringify(value.bodyEncoding)}.` };
  const target = typeof value.url === 'string' ? value.url : typeof value.path === 'string' ? value.path : '';
  return toEntry(at, {
    method: value.method ?? 'POST',
    headers: Object.entries(headers.headers),
    body,
    bodyEncoding: encoding,
    target,
    ...(query !== '' || !target.includes('?') ? { query } : {}),
    capturedAt: toTime(value.receivedAt ?? value.capturedAt),
    // Inlet's redacting export marks each request it changed.
    redacted: value.redacted === true,
  });
}

function queryText(query: unknown): string | null {
  if (query === undefined || query === null) return '';
  if (typeof query === 'string') return query;
  if (!isRecord(query)) return null;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, String(one));
  return params.toString();
}

/** A piece of JSON text parsed, or the parse error in words. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: `is not valid JSON (${(error as Error).message}).` };
  }
}
