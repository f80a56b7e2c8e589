import type { ExprNode, FallbackNode, Namespace, PathNode, Segment, TemplateNode } from './ast';
import { formatPath, kindOf, type ValueKind } from './paths';

/** What an expression is evaluated against: the parsed request and the preprocess output. */
export type ExprContext = Readonly<Record<Namespace, unknown>>;

/**
 * Why an expression did not resolve. `longestPrefix` is the longest part of `path` that did resolve
 * (`''` when even the namespace is absent) and `missingAt` the kind of value found there — so
 * `body.data.email` on `{data: "x"}` gives `longestPrefix: 'body.data', missingAt: 'string'`.
 */
export interface EvalMiss {
  found: false;
  /** The path (canonical spelling) that failed. */
  path: string;
  longestPrefix: string;
  missingAt: ValueKind;
  /**
   * True when everything but the last step resolved to an object or list that simply lacks the
   * last key or index (a missing field), false when the path breaks earlier (an invalid path).
   */
  atLastSegment: boolean;
}

export type EvalResult = { found: true; value: unknown } | EvalMiss;

/**
 * Evaluates a parsed expression. Never throws on missing or oddly shaped data. Returned values are
 * the payload's own objects (and a literal's own value): treat them as read-only.
 */
export const evaluate = (node: ExprNode, ctx: ExprContext): EvalResult => {
  switch (node.type) {
    case 'literal':
      return { found: true, value: node.value };
    case 'path':
      return evalPath(node, ctx);
    case 'fallback':
      return evalFallback(node, ctx);
    case 'template':
      return evalTemplate(node, ctx);
    case 'object': {
      const value: Record<string, unknown> = {};
      // A member whose value does not resolve is left out, as JSON leaves out undefined.
      for (const [key, item] of node.entries) {
        const r = evaluate(item, ctx);
        if (r.found) value[key] = r.value;
      }
      return { found: true, value };
    }
    case 'array': {
      const value: unknown[] = [];
      for (const item of node.items) {
        const r = evaluate(item, ctx);
        if (r.found) value.push(r.value);
      }
      return { found: true, value };
    }
  }
};

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** One step down; undefined when there is nothing there. Own properties only (no `constructor`). */
const step = (cur: unknown, s: Exclude<Segment, { kind: 'wildcard' }>): unknown => {
  if (cur === null || typeof cur !== 'object') return undefined;
  const key = s.kind === 'index' ? String(s.index) : s.key;
  if (Array.isArray(cur)) return /^[0-9]+$/.test(key) ? cur[Number(key)] : undefined;
  return hasOwn(cur, key) ? (cur as Record<string, unknown>)[key] : undefined;
};

const miss = (node: PathNode, at: number, cur: unknown, absentRoot = false): EvalMiss => ({
  found: false,
  path: node.text,
  longestPrefix: absentRoot ? '' : formatPath(node.namespace, node.segments.slice(0, at)),
  missingAt: absentRoot ? 'missing' : kindOf(cur),
  atLastSegment: !absentRoot && at === node.segments.length - 1 && cur !== null && typeof cur === 'object',
});

const evalPath = (node: PathNode, ctx: ExprContext): EvalResult => {
  let cur: unknown = ctx[node.namespace];
  if (cur === undefined) return miss(node, 0, cur, true);
  const segments = node.segments;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i] as Segment;
    if (s.kind === 'wildcard') {
      if (!Array.isArray(cur)) return miss(node, i, cur);
      const out: unknown[] = [];
      for (const item of cur) collect(item, segments, i + 1, out);
      return { found: true, value: out };
    }
    const next = step(cur, s);
    if (next === undefined) return miss(node, i, cur);
    cur = next;
  }
  return { found: true, value: cur };
};

/** Below a `[*]`: items where the rest does not resolve are left out; nested `[*]` flatten. */
const collect = (cur: unknown, segments: readonly Segment[], from: number, out: unknown[]): void => {
  for (let i = from; i < segments.length; i++) {
    const s = segments[i] as Segment;
    if (s.kind === 'wildcard') {
      if (Array.isArray(cur)) for (const item of cur) collect(item, segments, i + 1, out);
      return;
    }
    cur = step(cur, s);
    if (cur === undefined) return;
  }
  out.push(cur);
};

const evalFallback = (node: FallbackNode, ctx: ExprContext): EvalResult => {
  let firstMiss: EvalMiss | undefined;
  let sawNull = false;
  for (const alt of node.alternatives) {
    const r = evaluate(alt, ctx);
    if (r.found) {
      if (r.value !== null) return r;
      sawNull = true;
    } else firstMiss ??= r;
  }
  // Every alternative was null or missing: null if something resolved to null (the data says
  // "no value"), else the first miss, which points at the path the author wrote first.
  if (sawNull || !firstMiss) return { found: true, value: null };
  return firstMiss;
};

const evalTemplate = (node: TemplateNode, ctx: ExprContext): EvalResult => {
  let out = '';
  for (const part of node.parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const r = evaluate(part, ctx);
    if (!r.found) return r;
    // null would print as "null" in a name or a subject line; treat it as missing and let the
    // author write `{{ body.x ?? "" }}` when an empty part is fine.
    if (r.value === null) return nullMiss(part);
    out += typeof r.value === 'string' ? r.value : typeof r.value === 'object' ? JSON.stringify(r.value) : String(r.value);
  }
  return { found: true, value: out };
};

const nullMiss = (part: ExprNode): EvalMiss => {
  const path = part.type === 'path' ? part.text : '(expression)';
  return { found: false, path, longestPrefix: part.type === 'path' ? path : '', missingAt: 'null', atLastSegment: true };
};
