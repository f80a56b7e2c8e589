import { ACTION_ORDER, ACTIONS, executionRank, ResolvedParamsSchemas, type ActionType } from '../../../shared/domain/action';
import { eventTypeMatches, type ActionPlan, type Mapping, type PlanError } from '../../../shared/domain/mapping';
import { effectiveMapping } from '../../../shared/domain/mapping-overrides';
import type { ExprContext } from '../../../shared/expr/evaluate';
import { kindOf } from '../../../shared/expr/paths';
import { evaluateCondition } from './conditions';
import { eventTypePathError } from './event-type-path';
import { resolveParam, type ParamSink } from './resolve-param';

/** What planning needs of a received event: its type (null when unreadable) and its parsed parts. */
export interface PlannableEvent {
  eventType: string | null;
  ctx: ExprContext;
  /** The source's event type path, so an event whose type it cannot read is reported as an invalid path. */
  eventTypePath?: string | null;
}

/** Parameters whose value comes from the mapping, never from merged custom properties. */
const PROTECTED_KEYS = new Set(['id', 'collection']);

const byExecutionOrder = (a: Mapping, b: Mapping): number =>
  executionRank(a.actionType) - executionRank(b.actionType) || a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Plans what an event's mappings would do, without doing it. Pure: selects the mappings active in
 * `environment` whose event type matches, takes each as it runs there (its per-environment
 * overrides on top of the shared parameters), checks conditions, resolves and validates every
 * parameter, and returns one plan per selected mapping in the fixed execution order (by mapping
 * position within an action type). A failing mapping yields an `error` plan and never stops others.
 *
 * An event whose type the source's event type path cannot read matches no mapping; Knock reports
 * that as an invalid path (Custom source page, "Debugging"), so each mapping active here gets an
 * `invalid_path` error plan naming the path instead of the event passing for "no mapping".
 */
export const planActions = (event: PlannableEvent, mappings: readonly Mapping[], environment: string): ActionPlan[] => {
  const active = mappings.filter((m) => m.activeIn.includes(environment));
  if (event.eventType === null && event.eventTypePath) {
    const error = eventTypePathError(event.eventTypePath, event.ctx);
    return active.sort(byExecutionOrder).map((m) => unmatchable(m, error));
  }
  return active
    .filter((m) => eventTypeMatches(m.eventType, event.eventType))
    .sort(byExecutionOrder)
    .map((m) => planMapping(effectiveMapping(m, environment), event.ctx));
};

const unmatchable = (m: Mapping, error: PlanError): ActionPlan => ({
  mappingId: m.id, actionType: m.actionType, status: 'error', params: {}, coercions: [], warnings: [], errors: [error],
});

/** Plans one mapping against an event context (the editor's live preview uses this directly). */
export const planMapping = (m: Pick<Mapping, 'id' | 'actionType' | 'params' | 'condition'>, ctx: ExprContext): ActionPlan => {
  const plan: ActionPlan = { mappingId: m.id, actionType: m.actionType, status: 'ready', params: {}, coercions: [], warnings: [], errors: [] };
  if (m.condition) {
    const c = evaluateCondition(m.condition, ctx);
    if (c.kind === 'invalid') {
      plan.errors.push({ code: 'invalid_expression', param: 'condition', offset: c.offset, message: `condition: ${c.message}` });
      return { ...plan, status: 'error' };
    }
    if (c.kind === 'failed') return { ...plan, status: 'skipped', skipReason: `condition not met: ${c.reason}` };
  }
  const sink: ParamSink = plan;
  let custom: Record<string, unknown> | undefined;
  for (const spec of ACTIONS[m.actionType].params) {
    const value = resolveParam(spec, m.params[spec.name], ctx, sink);
    if (value === undefined) continue;
    if (spec.kind === 'custom_properties') custom = value as Record<string, unknown>;
    else plan.params[spec.name] = value;
  }
  const merged = custom ? mergeCustom(plan, custom) : NONE;
  if (plan.errors.length === 0 && !coercionGuarantees(m.actionType, plan.params, merged)) validateResolved(plan, m.actionType);
  return { ...plan, status: plan.errors.length ? 'error' : 'ready' };
};

const NONE: readonly string[] = [];

/** Custom properties sit next to the named fields (Knock's REST bodies); named fields win. Returns the merged keys. */
const mergeCustom = (plan: ActionPlan, custom: Record<string, unknown>): readonly string[] => {
  const merged: string[] = [];
  const kept: string[] = [];
  for (const [key, value] of Object.entries(custom)) {
    if (key in plan.params || PROTECTED_KEYS.has(key)) kept.push(key);
    else {
      plan.params[key] = value;
      merged.push(key);
    }
  }
  if (merged.length) plan.coercions.push(`custom_properties: ${merged.length} key(s) merged into the properties (${merged.join(', ')})`);
  if (kept.length) plan.coercions.push(`custom_properties: ${kept.join(', ')} ignored (set by their own parameter)`);
  return merged;
};

/** Each action's named fields: a custom property merged under one of these names must pass its schema. */
const SHAPE_KEYS = new Map<ActionType, ReadonlySet<string>>(
  ACTION_ORDER.map((type) => [type, new Set(Object.keys(ResolvedParamsSchemas[type].shape))]),
);
/** Parameters whose schema checks more than their coercion does (a tenant's `settings.branding` must be an object). */
const CHECKED_BY_SCHEMA_ONLY: Partial<Record<ActionType, readonly string[]>> = { tenants_set: ['settings'] };

/**
 * Whether the coerced parameters are bound to pass the action's schema, so the second validation
 * can be skipped (zod's parse and its copies were about a sixth of processing's CPU). Every
 * coercion yields what its kind's schema accepts (coercion-guarantee.test.ts holds the two
 * together), so only a merged custom property named like a field, or a parameter the schema
 * checks deeper, still needs zod.
 */
const coercionGuarantees = (type: ActionType, params: Record<string, unknown>, merged: readonly string[]): boolean => {
  const shape = SHAPE_KEYS.get(type);
  for (const key of merged) if (shape?.has(key) !== false) return false;
  const deeper = CHECKED_BY_SCHEMA_ONLY[type];
  return deeper === undefined || deeper.every((name) => params[name] === undefined);
};

/** The second validation: the coerced values against the action's zod schema. */
const validateResolved = (plan: ActionPlan, type: ActionType): void => {
  const parsed = ResolvedParamsSchemas[type].safeParse(plan.params);
  if (parsed.success) {
    plan.params = parsed.data;
    return;
  }
  for (const issue of parsed.error.issues) plan.errors.push(toPlanError(issue, plan.params));
};

type ZodIssue = { code: string; path: PropertyKey[]; message: string; maximum?: unknown; expected?: unknown };

const toPlanError = (issue: ZodIssue, params: Record<string, unknown>): PlanError => {
  const param = String(issue.path[0] ?? '');
  const at = issue.path.map(String).join('.') || 'params';
  let value: unknown = params;
  for (const k of issue.path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[k] : undefined;
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') {
    const actual = Array.isArray(value) || typeof value === 'string' ? value.length : 0;
    return { code: 'limit_exceeded', param, path: null, limit: issue.maximum, actual, message: `${at}: ${actual}, more than the limit of ${issue.maximum}` };
  }
  const expected = typeof issue.expected === 'string' ? issue.expected : issue.message;
  return { code: 'type_mismatch', param, path: null, expected, got: kindOf(value), message: `${at}: ${issue.message}` };
};
