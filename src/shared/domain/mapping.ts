import { z } from 'zod';
import { ConditionSchema, EXPR_MAX_LENGTH } from '../expr/schema';
import { parseExpr } from '../expr/parse';
import { ACTIONS, ActionTypeSchema, type ActionType, type ResolvedParams } from './action';
import { EnvKeySchema } from './environment';
import { effectiveParams, MappingOverridesSchema } from './mapping-overrides';

/**
 * An event type a mapping answers to: exact (`invoice.paid`) or a pattern. `*` matches within one
 * dot-separated segment (`customer.*` → `customer.created`, not `customer.subscription.created`),
 * `**` across segments (`customer.**` → both); `*` or `**` alone matches every event type.
 */
export const EventTypePatternSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^\S+$/, 'no spaces in an event type');

const patternCache = new Map<string, RegExp | null>();

const compilePattern = (pattern: string): RegExp | null => {
  if (!pattern.includes('*')) return null;
  const body = pattern
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.+' : part === '*' ? '[^.]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
};

/** Whether a mapping's event type (exact or pattern) applies to a received event type. */
export const eventTypeMatches = (pattern: string, type: string | null): boolean => {
  // An event whose type could not be read matches nothing, not even `*`: it is reported, not acted on.
  if (type === null) return false;
  if (pattern === '*' || pattern === '**') return true;
  let re = patternCache.get(pattern);
  if (re === undefined) {
    re = compilePattern(pattern);
    if (patternCache.size > 5000) patternCache.clear();
    patternCache.set(pattern, re);
  }
  return re === null ? pattern === type : re.test(type);
};

/** The editable fields of a mapping. `params` maps a parameter name to an expression source. */
export const MappingFieldsSchema = z.object({
  sourceId: z.string().min(1),
  eventType: EventTypePatternSchema,
  actionType: ActionTypeSchema,
  /** Parameter name → expression source; an empty string means "not mapped". */
  params: z.record(z.string(), z.string().max(EXPR_MAX_LENGTH)),
  condition: ConditionSchema.optional(),
  /** Environment keys in which this mapping runs. */
  activeIn: z.array(EnvKeySchema),
  /** Parameters that differ in an environment (environment → parameter → expression); absent means none. */
  overrides: MappingOverridesSchema.optional(),
  /** Display order; also orders mappings of the same action type at execution. */
  position: z.number().int(),
});

/**
 * Parses a parameter's expression. Knock's docs write paths without their namespace
 * (`data.object.customer` on the Stripe page), so a bare path that only fails for its unknown
 * namespace is read as `body.…`; `readAs` says so, for a visible note.
 */
export const parseMappingExpr = (source: string): { parsed: ReturnType<typeof parseExpr>; readAs: string | null } => {
  const parsed = parseExpr(source);
  if (parsed.ok || !/^\s*[A-Za-z_$][\w$]*[.[]/.test(source) || !parsed.error.message.startsWith('unknown namespace')) {
    return { parsed, readAs: null };
  }
  const asBody = parseExpr(`body.${source.trim()}`);
  return asBody.ok && asBody.ast.type === 'path' ? { parsed: asBody, readAs: asBody.ast.text } : { parsed, readAs: null };
};

/**
 * The first validation of a mapping (its own structure): parameters belong to the action and their
 * expressions parse. Missing required parameters are allowed here (a draft may be saved); planning
 * reports them as `missing_required_field`.
 */
const checkParams = (
  m: { actionType: ActionType; params: Record<string, string>; overrides?: Record<string, Record<string, string>> | undefined },
  ctx: z.RefinementCtx,
): void => {
  const known = new Set(ACTIONS[m.actionType].params.map((p) => p.name));
  const check = (params: Record<string, string>, at: (name: string) => (string | number)[]) => {
    for (const [name, source] of Object.entries(params)) {
      if (!known.has(name)) {
        ctx.addIssue({ code: 'custom', path: at(name), message: `${m.actionType} has no parameter "${name}"` });
        continue;
      }
      if (source.trim() === '') continue;
      const r = parseMappingExpr(source).parsed;
      if (!r.ok) ctx.addIssue({ code: 'custom', path: at(name), message: r.error.message, params: { offset: r.error.offset } });
    }
  };
  check(m.params, (name) => ['params', name]);
  for (const [env, own] of Object.entries(m.overrides ?? {})) check(own, (name) => ['overrides', env, name]);
};

/**
 * The required parameters of its action that a mapping leaves unmapped, as issues at
 * `params.<name>` (the shared value) or `overrides.<env>.<name>` (an environment that unmaps it):
 * a saved mapping must have them (a draft being rehearsed need not).
 */
export const missingRequiredParams = (m: {
  actionType: ActionType;
  params: Record<string, string>;
  overrides?: Record<string, Record<string, string>> | undefined;
}): { path: string[]; message: string }[] => {
  const required = ACTIONS[m.actionType].params.filter((p) => p.required);
  const needs = (p: (typeof required)[number]) => `${m.actionType} needs "${p.name}" (${p.label})`;
  const shared = required
    .filter((p) => (m.params[p.name] ?? '').trim() === '')
    .map((p) => ({ path: ['params', p.name], message: `${needs(p)}; map it to a path or a value` }));
  const perEnv = Object.keys(m.overrides ?? {}).flatMap((env) =>
    required
      .filter((p) => (m.params[p.name] ?? '').trim() !== '' && (effectiveParams(m, env)[p.name] ?? '').trim() === '')
      .map((p) => ({ path: ['overrides', env, p.name], message: `${needs(p)} in ${env} too; reset it to the shared value or map it` })),
  );
  return [...shared, ...perEnv];
};

export const MappingInputSchema = MappingFieldsSchema.superRefine(checkParams);
export type MappingInput = z.infer<typeof MappingInputSchema>;

export const MappingSchema = MappingFieldsSchema.extend({
  id: z.string().min(1),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
}).superRefine(checkParams);
export type Mapping = z.infer<typeof MappingSchema>;

/** Named planning/execution errors (SPEC §5); each points at a parameter and, where known, a path. */
export const PLAN_ERROR_CODES = [
  'missing_required_field',
  'invalid_path',
  'type_mismatch',
  'limit_exceeded',
  'invalid_expression',
  'not_found',
  'workflow_inactive',
  'execution_failed',
] as const;
export type PlanErrorCode = (typeof PLAN_ERROR_CODES)[number];

const Param = z.string();
const Msg = z.string();
export const PlanErrorSchema = z.discriminatedUnion('code', [
  /** A required parameter is unmapped (`path: null`), or its path resolved to nothing or null. */
  z.object({ code: z.literal('missing_required_field'), param: Param, path: z.string().nullable(), message: Msg }),
  /** The path stops resolving before its last step; `longestPrefix` is how far it got. */
  z.object({
    code: z.literal('invalid_path'), param: Param, path: z.string(), longestPrefix: z.string(), missingAt: z.string(), message: Msg,
  }),
  z.object({
    code: z.literal('type_mismatch'), param: Param, path: z.string().nullable(), expected: z.string(), got: z.string(), message: Msg,
  }),
  z.object({
    code: z.literal('limit_exceeded'), param: Param, path: z.string().nullable(), limit: z.number().int(), actual: z.number().int(), message: Msg,
  }),
  /** The expression does not parse (a mapping saved by an older version, or an imported file). */
  z.object({ code: z.literal('invalid_expression'), param: Param, offset: z.number().int(), message: Msg }),
  /** Raised at execution, e.g. an unknown workflow key; `hint` suggests the fix. */
  z.object({
    code: z.literal('not_found'), param: Param.nullable(), what: z.string(), key: z.string(), hint: z.string().optional(), message: Msg,
  }),
  /** Knock's `workflow_inactive`: the workflow's status is Inactive, so the trigger starts no run. */
  z.object({ code: z.literal('workflow_inactive'), param: Param.nullable(), key: z.string(), hint: z.string().optional(), message: Msg }),
  /** The workspace refused the change (a bug or a constraint); the action's writes were undone. */
  z.object({ code: z.literal('execution_failed'), param: Param.nullable(), message: Msg }),
]);
export type PlanError = z.infer<typeof PlanErrorSchema>;

export const PlanStatusSchema = z.enum(['ready', 'skipped', 'error']);

/** What one mapping would do for one event: the output of `planActions`, the input of execution. */
export const ActionPlanSchema = z.object({
  mappingId: z.string(),
  actionType: ActionTypeSchema,
  status: PlanStatusSchema,
  /** Resolved and coerced values by parameter name (partial when `status` is `error`). */
  params: z.record(z.string(), z.unknown()),
  /** Every conversion applied, in words: `recipients: a single value was wrapped in a list`. */
  coercions: z.array(z.string()),
  /** Optional parameters left out because their path did not resolve, in words. */
  warnings: z.array(z.string()),
  errors: z.array(PlanErrorSchema),
  skipReason: z.string().optional(),
});
export type ActionPlan = z.infer<typeof ActionPlanSchema>;

/** A plan ready to execute, with its parameters typed for its action. */
export type ReadyActionPlan = {
  [A in ActionType]: Omit<ActionPlan, 'actionType' | 'status' | 'params'> & { actionType: A; status: 'ready'; params: ResolvedParams<A> };
}[ActionType];

/** Narrows a plan to one that passed both validations; its params match `ResolvedParamsSchemas`. */
export const isReadyPlan = (plan: ActionPlan): plan is ActionPlan & ReadyActionPlan => plan.status === 'ready';
