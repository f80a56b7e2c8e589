import type { ParamSpec } from '../../../../shared/domain/action';
import { parseMappingExpr } from '../../../../shared/domain/mapping';
import { evaluate, kindOf, type ExprContext } from '../../../../shared/expr';

/**
 * What the editor shows next to one parameter: the same judgement the engine's planner makes
 * (parse → evaluate → required/null checks → kind check), recomputed on every keystroke. The
 * planner lives in the core, so this mirrors its rules rather than importing it.
 */
export type ParamPreview =
  | { state: 'empty'; required: boolean; message: string | null }
  | { state: 'ok'; value: unknown; note: string | null }
  | { state: 'warn'; message: string }
  | { state: 'error'; message: string; offset?: number };

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const isId = (v: unknown): boolean => (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v));
const isRecipient = (v: unknown): boolean => isId(v) || (isObject(v) && isId(v.id));

const describe = (v: unknown): string => {
  const k = kindOf(v);
  return k === 'object' || k === 'array' ? `an ${k}` : `${k} ${JSON.stringify(v)}`;
};

/** Checks a resolved value against what the parameter holds; returns an error sentence or null. */
export const checkKind = (spec: ParamSpec, value: unknown): string | null => {
  const expected = (what: string) => `expected ${what}, got ${describe(value)}`;
  switch (spec.kind) {
    case 'id':
    case 'collection':
    case 'workflow_key':
    case 'audience_key':
      return isId(value) ? null : expected('a string id');
    case 'text': {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return expected('a string');
      const length = String(value).length;
      return spec.max !== undefined && length > spec.max ? `${length} characters, more than the limit of ${spec.max}` : null;
    }
    case 'recipients':
    case 'users': {
      const list = Array.isArray(value) ? value : [value];
      if (list.length === 0) return 'an empty list';
      const bad = list.find((r) => !isRecipient(r));
      if (bad !== undefined) return expected('user ids or objects with "id"');
      return spec.max !== undefined && list.length > spec.max ? `${list.length} items, more than the limit of ${spec.max}` : null;
    }
    case 'recipient':
      return isRecipient(value) ? null : expected('one user id or an object with "id"');
    case 'tenant':
      return isId(value) || (isObject(value) && isId(value.id)) ? null : expected('a tenant id or an object with "id"');
    case 'object':
    case 'custom_properties':
      return isObject(value) ? null : expected('an object');
  }
};

const noteFor = (spec: ParamSpec, value: unknown): string | null => {
  if ((spec.kind === 'recipients' || spec.kind === 'users') && !Array.isArray(value)) return 'one value, wrapped in a list';
  if (typeof value === 'number' && spec.kind !== 'text') return 'number, converted to a string';
  return null;
};

/** Resolves one parameter's expression against a sample, as the engine would. */
export const previewParam = (spec: ParamSpec, source: string | undefined, ctx: ExprContext | null): ParamPreview => {
  if (source === undefined || source.trim() === '') {
    return { state: 'empty', required: spec.required, message: spec.required ? 'required, but not mapped' : null };
  }
  const { parsed, readAs } = parseMappingExpr(source);
  if (!parsed.ok) return { state: 'error', message: parsed.error.message, offset: parsed.error.offset };
  if (ctx === null) return { state: 'warn', message: 'no sample to resolve against' };
  // Knock's docs write `data.object.customer`; the engine reads it as body.…, and the editor says so.
  const docsNote = readAs ? `read as ${readAs}` : null;
  const r = evaluate(parsed.ast, ctx);
  if (!r.found) {
    const upTo = r.longestPrefix ? `resolved up to ${r.longestPrefix}, ${r.missingAt === 'object' || r.missingAt === 'array' ? 'an' : 'a'} ${r.missingAt}` : 'its namespace is absent';
    const message = `${r.path} ${r.atLastSegment ? 'is missing' : 'does not resolve'} (${upTo})`;
    return spec.required ? { state: 'error', message } : { state: 'warn', message: `${message}; left out` };
  }
  if (r.value === null || r.value === '') {
    const what = r.value === null ? 'null' : 'an empty string';
    return spec.required ? { state: 'error', message: `resolves to ${what}` } : { state: 'warn', message: `resolves to ${what}; left out` };
  }
  const problem = checkKind(spec, r.value);
  if (problem) return { state: 'error', message: problem };
  const note = [docsNote, noteFor(spec, r.value)].filter((n) => n !== null).join('; ');
  return { state: 'ok', value: r.value, note: note === '' ? null : note };
};

/** A one-line rendering of a resolved value for the ✓ line under the input. */
export const formatValue = (value: unknown, max = 120): string => {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};
