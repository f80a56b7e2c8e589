import type { ExprContext } from '../../../shared/expr/evaluate';
import { parseBody, type ParsedBody } from './parse-body';

export interface RequestParts {
  headers: ReadonlyArray<readonly [string, string]>;
  query: string;
  contentType: string | null;
  body: Buffer;
}

/** Header pairs as one record, names lower-cased, repeats joined the way Node joins them. */
export function headerRecord(pairs: ReadonlyArray<readonly [string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of pairs) {
    const key = name.toLowerCase();
    out[key] = key in out ? `${out[key]}, ${value}` : value;
  }
  return out;
}

export const queryRecord = (query: string): Record<string, string> =>
  query ? Object.fromEntries(new URLSearchParams(query)) : {};

/**
 * What mapping expressions see of a request: `body.*`, `headers.*`, `query.*`, `preprocess.*`.
 * `body` is the parsed view when the caller already has it (parseBody never yields undefined).
 */
export function eventContext(parts: RequestParts, preprocess: Record<string, unknown> = {}, body: unknown = parseBody(parts.contentType, parts.body).value): ExprContext {
  return {
    body,
    headers: headerRecord(parts.headers),
    query: queryRecord(parts.query),
    preprocess,
  };
}

/** A request judged again: logged, pasted or imported. */
export interface RecordedRequest extends RequestParts {
  method: string;
  path: string;
}

/** A recorded request with its body parsed once, for everything that judges, logs and maps it. */
export type ParsedRequest<R extends RecordedRequest = RecordedRequest> = R & { parsed: ParsedBody };

export const parseRequest = <R extends RecordedRequest>(r: R): ParsedRequest<R> => ({ ...r, parsed: parseBody(r.contentType, r.body) });

/** A pasted payload as request parts; a JSON-looking body without a content type is read as JSON. */
export function pastedRequest(payload: { headers: Record<string, string>; body: string; query: string }): RecordedRequest {
  const headers = Object.entries(payload.headers).map(([k, v]) => [k.toLowerCase(), v] as [string, string]);
  const body = Buffer.from(payload.body, 'utf8');
  const contentType = headers.find(([k]) => k === 'content-type')?.[1] ?? null;
  return { method: 'POST', path: '/in/rehearsal', headers, query: payload.query, contentType, body };
}
