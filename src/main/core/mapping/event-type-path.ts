import type { PlanError } from '../../../shared/domain/mapping';
import { evaluate, type ExprContext } from '../../../shared/expr/evaluate';
import { parseExpr } from '../../../shared/expr/parse';
import { kindOf } from '../../../shared/expr/paths';

const article = (kind: string): string => (kind === 'object' || kind === 'array' ? 'an' : 'a');

/**
 * Why a source's event type path read no event type from this event, as Knock's "Invalid paths":
 * the path stops resolving (how far it got), or it ends at something that is not a text, number or
 * boolean (an object, a list, null).
 */
export const eventTypePathError = (path: string, ctx: ExprContext): PlanError => {
  const parsed = parseExpr(path);
  const base = { code: 'invalid_path' as const, param: 'eventType', path };
  const tail = 'so no mapping can match this event; check the source\'s event type path against the payload';
  if (!parsed.ok) {
    return { ...base, longestPrefix: '', missingAt: 'missing', message: `Invalid path: the event type path ${path} does not parse (${parsed.error.message}), ${tail}` };
  }
  const r = evaluate(parsed.ast, ctx);
  if (!r.found) {
    const upTo = r.longestPrefix ? `resolved up to ${r.longestPrefix}, ${article(r.missingAt)} ${r.missingAt}` : 'its namespace is absent';
    return { ...base, path: r.path, longestPrefix: r.longestPrefix, missingAt: r.missingAt, message: `Invalid path: the event type path ${r.path} does not resolve (${upTo}), ${tail}` };
  }
  const kind = kindOf(r.value);
  const what = r.value === '' ? 'an empty string' : `${article(kind)} ${kind}`;
  return { ...base, longestPrefix: path, missingAt: kind, message: `Invalid path: the event type path ${path} holds ${what}, not an event type, ${tail}` };
};
