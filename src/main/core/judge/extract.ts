import { evaluate, type ExprContext } from '../../../shared/expr/evaluate';
import { parseExpr } from '../../../shared/expr/parse';

/**
 * The receiver's lookup of event type, timestamp and idempotency key by path (`body.type`,
 * `headers.x-github-event`, `body[0].type`, `preprocess.event`), in the same expression language
 * as mappings. Parsed expressions are cached by the language itself.
 */
export interface ExtractContext {
  body: unknown;
  headers: Record<string, string>;
  query: Record<string, string>;
  /** What the preprocess script returned besides `verified`. */
  preprocess?: Record<string, unknown>;
}

/** A scalar found at the path as text; objects, arrays, missing values and bad paths give null. */
export function extractText(path: string | null, ctx: ExtractContext): string | null {
  if (!path) return null;
  const parsed = parseExpr(path);
  if (!parsed.ok) return null;
  const exprCtx: ExprContext = { body: ctx.body, headers: ctx.headers, query: ctx.query, preprocess: ctx.preprocess ?? {} };
  const result = evaluate(parsed.ast, exprCtx);
  if (!result.found) return null;
  const { value } = result;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}
