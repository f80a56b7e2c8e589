/**
 * The receiver's path lookup for event type, timestamp and idempotency key: `body.a.b[0].c`,
 * `headers.x-name`, `query.x`, `preprocess.x`. The full expression language (shared/expr) supersedes it for mappings.
 */
export interface ExtractContext {
  body: unknown;
  headers: Record<string, string>;
  query: Record<string, string>;
  /** What the preprocess script returned besides `verified`. */
  preprocess?: Record<string, unknown>;
}

const SEGMENT = /([^.[\]]+)|\[(\d+)\]/g;

export function extractPath(path: string, ctx: ExtractContext): unknown {
  const dot = path.indexOf('.');
  if (dot < 0) return undefined;
  const namespace = path.slice(0, dot);
  const rest = path.slice(dot + 1);
  if (namespace === 'headers') return ctx.headers[rest.toLowerCase()];
  if (namespace === 'query') return ctx.query[rest];
  if (namespace !== 'body' && namespace !== 'preprocess') return undefined;
  let value: unknown = namespace === 'body' ? ctx.body : ctx.preprocess;
  for (const match of rest.matchAll(SEGMENT)) {
    if (value === null || typeof value !== 'object') return undefined;
    const key = match[1] ?? match[2];
    value = (value as Record<string, unknown>)[key!];
  }
  return value;
}

/** A scalar found at the path as text; objects, arrays and missing values give null. */
export function extractText(path: string | null, ctx: ExtractContext): string | null {
  if (!path) return null;
  const value = extractPath(path, ctx);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}
