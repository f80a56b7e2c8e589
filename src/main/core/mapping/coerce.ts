import { USERS_COLLECTION, type ParamSpec, type RecipientRef, type TenantRef } from '../../../shared/domain/action';
import type { PlanError } from '../../../shared/domain/mapping';
import { kindOf } from '../../../shared/expr/paths';

/** Where coercion writes what it did (logged with the plan) and what it refused. */
export interface CoercionSink {
  coercions: string[];
  errors: PlanError[];
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

const mismatch = (sink: CoercionSink, spec: ParamSpec, path: string | null, expected: string, value: unknown, at = spec.name): undefined => {
  const got = kindOf(value);
  sink.errors.push({
    code: 'type_mismatch', param: spec.name, path, expected, got,
    message: `${at}: expected ${expected}, got ${got === 'array' || got === 'object' ? `an ${got}` : `${got} ${JSON.stringify(value)}`}`,
  });
  return undefined;
};

/** Ids are strings in Knock; integer ids (common in databases) are converted, and said so. */
const toId = (v: unknown): string | undefined => {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
};

const coerceId = (spec: ParamSpec, v: unknown, path: string | null, sink: CoercionSink): string | undefined => {
  const id = toId(v);
  if (id === undefined) return mismatch(sink, spec, path, 'a string id', v);
  if (typeof v === 'number') sink.coercions.push(`${spec.name}: number ${id} converted to the string "${id}"`);
  return id;
};

const coerceText = (spec: ParamSpec, v: unknown, path: string | null, sink: CoercionSink): string | undefined => {
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number' || typeof v === 'boolean') {
    s = String(v);
    sink.coercions.push(`${spec.name}: ${typeof v} ${s} converted to a string`);
  } else return mismatch(sink, spec, path, 'a string', v);
  if (spec.max !== undefined && s.length > spec.max) {
    sink.errors.push({
      code: 'limit_exceeded', param: spec.name, path, limit: spec.max, actual: s.length,
      message: `${spec.name}: ${s.length} characters, more than the limit of ${spec.max}`,
    });
    return undefined;
  }
  return s;
};

interface RecipientTally {
  numeric: number;
  inline: number;
}

const toRecipient = (v: unknown, tally: RecipientTally): RecipientRef | string => {
  if (typeof v === 'number') tally.numeric++;
  const id = toId(v);
  if (id !== undefined) return { collection: USERS_COLLECTION, id };
  if (!isObject(v)) return 'a user id or an object with "id"';
  // Knock's audience members are `{user: {id, …}, tenant?}`: the user is identified inline.
  if (isObject(v.user) && v.id === undefined) return toRecipient(v.user, tally);
  const { id: rawId, collection, ...properties } = v;
  const inlineId = toId(rawId);
  if (inlineId === undefined) return 'an "id" (string or number) in the inline recipient';
  if (typeof rawId === 'number') tally.numeric++;
  if (collection !== undefined && (typeof collection !== 'string' || collection === '')) return 'a string "collection"';
  const ref: RecipientRef = { collection: typeof collection === 'string' ? collection : USERS_COLLECTION, id: inlineId };
  // Any object-shaped recipient is an inline identify in Knock, even `{id}` alone; a bare
  // `{id, collection}` is an object reference (Knock's RecipientReference), which must exist.
  if (Object.keys(properties).length > 0 || collection === undefined) {
    ref.properties = properties;
    tally.inline++;
  }
  return ref;
};

/** One or many recipients → a list of `{collection, id, properties?}`, within the action's limit. */
const coerceRecipients = (spec: ParamSpec, v: unknown, path: string | null, sink: CoercionSink): RecipientRef[] | undefined => {
  const list = Array.isArray(v) ? v : [v];
  if (!Array.isArray(v)) sink.coercions.push(`${spec.name}: a single value was wrapped in a list`);
  if (spec.max !== undefined && list.length > spec.max) {
    sink.errors.push({
      code: 'limit_exceeded', param: spec.name, path, limit: spec.max, actual: list.length,
      message: `${spec.name}: ${list.length} items, more than the limit of ${spec.max}`,
    });
    return undefined;
  }
  if (list.length === 0) {
    if (spec.required) {
      sink.errors.push({ code: 'missing_required_field', param: spec.name, path, message: `${spec.name}: ${path ?? 'the value'} resolved to an empty list` });
      return undefined;
    }
    // An unmapped optional list means "all" (cancel for every recipient); an empty one must not.
    return mismatch(sink, spec, path, 'at least one recipient (leave the parameter unmapped to mean all)', list);
  }
  const tally: RecipientTally = { numeric: 0, inline: 0 };
  const out: RecipientRef[] = [];
  for (const [i, item] of list.entries()) {
    const r = toRecipient(item, tally);
    if (typeof r === 'string') return mismatch(sink, spec, path, r, item, `${spec.name}[${i}]`);
    if (spec.kind === 'users' && r.collection !== USERS_COLLECTION) {
      return mismatch(sink, spec, path, `a user (collection "${USERS_COLLECTION}")`, item, `${spec.name}[${i}]`);
    }
    out.push(r);
  }
  if (tally.numeric) sink.coercions.push(`${spec.name}: ${tally.numeric} numeric id(s) converted to strings`);
  if (tally.inline) sink.coercions.push(`${spec.name}: ${tally.inline} inline recipient(s) will be identified first`);
  return out;
};

const coerceTenant = (spec: ParamSpec, v: unknown, path: string | null, sink: CoercionSink): TenantRef | undefined => {
  if (!isObject(v)) return coerceId(spec, v, path, sink);
  const { id, ...properties } = v;
  const tenantId = toId(id);
  if (tenantId === undefined) return mismatch(sink, spec, path, 'a tenant id or an object with "id"', v);
  sink.coercions.push(`${spec.name}: inline tenant "${tenantId}" will be set first`);
  return { id: tenantId, properties };
};

/**
 * Converts a resolved value to what the parameter's kind needs, recording every conversion in
 * words; returns undefined (and records a named error) when it cannot.
 */
export const coerceParam = (spec: ParamSpec, v: unknown, path: string | null, sink: CoercionSink): unknown => {
  switch (spec.kind) {
    case 'workflow_key':
    case 'audience_key':
    case 'collection':
    case 'id':
      return coerceId(spec, v, path, sink);
    case 'text':
      return coerceText(spec, v, path, sink);
    case 'recipients':
    case 'users':
      return coerceRecipients(spec, v, path, sink);
    case 'recipient': {
      if (Array.isArray(v)) return mismatch(sink, spec, path, 'one recipient', v);
      const r = toRecipient(v, { numeric: 0, inline: 0 });
      if (typeof r === 'string') return mismatch(sink, spec, path, r, v);
      if (typeof v === 'number') sink.coercions.push(`${spec.name}: number ${r.id} converted to the string "${r.id}"`);
      return r;
    }
    case 'tenant':
      return coerceTenant(spec, v, path, sink);
    case 'object':
    case 'custom_properties':
      return isObject(v) ? v : mismatch(sink, spec, path, 'an object', v);
  }
};
