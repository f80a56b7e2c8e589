import type { ParamSpec } from '../../../shared/domain/action';
import { evaluate, type ExprContext } from '../../../shared/expr/evaluate';
import { parseMappingExpr } from '../../../shared/domain/mapping';
import { coerceParam, type CoercionSink } from './coerce';

export interface ParamSink extends CoercionSink {
  warnings: string[];
}

/**
 * Resolves one parameter of a mapping: parse (cached), evaluate, coerce. Returns undefined when the
 * parameter is left out — unmapped, null, or unresolved — after recording an error if it was
 * required (or a warning if it was optional and its path did not resolve).
 */
export const resolveParam = (spec: ParamSpec, source: string | undefined, ctx: ExprContext, sink: ParamSink): unknown => {
  if (source === undefined || source.trim() === '') {
    if (spec.required) {
      sink.errors.push({ code: 'missing_required_field', param: spec.name, path: null, message: `${spec.name}: required, but not mapped` });
    }
    return undefined;
  }
  const { parsed, readAs } = parseMappingExpr(source);
  if (readAs) sink.coercions.push(`${spec.name}: ${source.trim()} read as ${readAs} (Knock's docs write paths without the body. namespace)`);
  if (!parsed.ok) {
    sink.errors.push({ code: 'invalid_expression', param: spec.name, offset: parsed.error.offset, message: `${spec.name}: ${parsed.error.message}` });
    return undefined;
  }
  const r = evaluate(parsed.ast, ctx);
  const path = parsed.ast.type === 'path' ? parsed.ast.text : source.trim();
  if (!r.found) {
    const upTo = r.longestPrefix ? `resolved up to ${r.longestPrefix}, a${r.missingAt === 'object' || r.missingAt === 'array' ? 'n' : ''} ${r.missingAt}` : 'its namespace is absent';
    if (!spec.required) sink.warnings.push(`${spec.name}: ${r.path} did not resolve (${upTo}); left out`);
    else if (r.atLastSegment) {
      sink.errors.push({ code: 'missing_required_field', param: spec.name, path: r.path, message: `${spec.name}: ${r.path} is missing (${upTo})` });
    } else {
      sink.errors.push({
        code: 'invalid_path', param: spec.name, path: r.path, longestPrefix: r.longestPrefix, missingAt: r.missingAt,
        message: `${spec.name}: ${r.path} does not resolve (${upTo})`,
      });
    }
    return undefined;
  }
  // Providers send null or "" for "no value" (Stripe `name: null`, Clerk `birthday: ""`).
  if (r.value === null || r.value === '') {
    if (spec.required) {
      sink.errors.push({
        code: 'missing_required_field', param: spec.name, path,
        message: `${spec.name}: ${path} is ${r.value === null ? 'null' : 'an empty string'}`,
      });
    }
    return undefined;
  }
  return coerceParam(spec, r.value, path, sink);
};
