import type { Condition, ConditionLeaf } from '../../../shared/expr/schema';
import { evaluate, type EvalResult, type ExprContext } from '../../../shared/expr/evaluate';
import { parseExpr } from '../../../shared/expr/parse';

/** The outcome of a mapping's condition; `failed` carries a sentence for the skip reason. */
export type ConditionResult =
  | { kind: 'passed' }
  | { kind: 'failed'; reason: string }
  | { kind: 'invalid'; offset: number; message: string };

const regexCache = new Map<string, RegExp>();
const regexFor = (source: string): RegExp => {
  let re = regexCache.get(source);
  if (!re) {
    re = new RegExp(source);
    if (regexCache.size > 1000) regexCache.clear();
    regexCache.set(source, re);
  }
  return re;
};

/** JSON equality: same kind, same keys, same values; key order does not matter. */
export const jsonEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  const ka = Object.keys(a);
  const rb = b as Record<string, unknown>;
  return ka.length === Object.keys(rb).length && ka.every((k) => k in rb && jsonEqual((a as Record<string, unknown>)[k], rb[k]));
};

const show = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};

const got = (r: EvalResult): string =>
  r.found ? show(r.value) : `nothing (resolved up to ${r.longestPrefix || 'no namespace'})`;

const OP_WORDS: Record<ConditionLeaf['op'], string> = {
  equals: 'equals', not_equals: 'does not equal', exists: 'exists', not_exists: 'does not exist',
  in: 'is one of', matches: 'matches',
};

const testLeaf = (c: ConditionLeaf, r: EvalResult): boolean => {
  const present = r.found && r.value !== null;
  switch (c.op) {
    case 'equals':
      return r.found && jsonEqual(r.value, c.value);
    case 'not_equals':
      return !(r.found && jsonEqual(r.value, c.value));
    case 'exists':
      return present;
    case 'not_exists':
      return !present;
    case 'in':
      return r.found && c.value.some((v) => jsonEqual(r.value, v));
    case 'matches':
      return r.found && typeof r.value === 'string' && regexFor(c.value).test(r.value);
  }
};

const evaluateLeaf = (c: ConditionLeaf, ctx: ExprContext): ConditionResult => {
  const parsed = parseExpr(c.path);
  if (!parsed.ok) return { kind: 'invalid', ...parsed.error };
  const r = evaluate(parsed.ast, ctx);
  if (testLeaf(c, r)) return { kind: 'passed' };
  const expected = 'value' in c ? ` ${c.op === 'matches' ? `/${c.value}/` : show(c.value)}` : '';
  return { kind: 'failed', reason: `${c.path} ${OP_WORDS[c.op]}${expected} is false (got ${got(r)})` };
};

/**
 * Evaluates a mapping's condition against an event. `exists` means present and not null;
 * `not_equals` is true when the path is missing; `matches` only matches strings.
 */
export const evaluateCondition = (c: Condition, ctx: ExprContext): ConditionResult => {
  if (c.op === 'all') {
    for (const inner of c.conditions) {
      const r = evaluateCondition(inner, ctx);
      if (r.kind !== 'passed') return r;
    }
    return { kind: 'passed' };
  }
  if (c.op === 'any') {
    const reasons: string[] = [];
    for (const inner of c.conditions) {
      const r = evaluateCondition(inner, ctx);
      if (r.kind !== 'failed') return r;
      reasons.push(r.reason);
    }
    return { kind: 'failed', reason: `none held: ${reasons.join('; ')}` };
  }
  return evaluateLeaf(c, ctx);
};
