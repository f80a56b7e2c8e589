import { z } from 'zod';
import type { JsonValue } from './ast';
import { parseExpr } from './parse';

/** Longest expression source a mapping may hold; payload paths are short, templates a bit longer. */
export const EXPR_MAX_LENGTH = 2000;

/** An expression source that parses; the issue message carries the character offset. */
export const ExprSourceSchema = z
  .string()
  .min(1)
  .max(EXPR_MAX_LENGTH)
  .superRefine((source, ctx) => {
    const r = parseExpr(source);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error.message, params: { offset: r.error.offset } });
  });

const isValidRegex = (source: string): boolean => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
};

const RegexSourceSchema = z.string().min(1).max(500).refine(isValidRegex, 'not a valid regular expression');

const leaves = [
  z.object({ path: ExprSourceSchema, op: z.enum(['equals', 'not_equals']), value: z.json() }),
  z.object({ path: ExprSourceSchema, op: z.enum(['exists', 'not_exists']) }),
  z.object({ path: ExprSourceSchema, op: z.literal('in'), value: z.array(z.json()) }),
  /** `value` is a JavaScript regular expression source, without slashes or flags. */
  z.object({ path: ExprSourceSchema, op: z.literal('matches'), value: RegexSourceSchema }),
] as const;

/**
 * One test on the event: `{path: 'body.data.object.status', op: 'equals', value: 'paid'}`.
 * `path` may be any expression (usually a path). Values are compared as JSON, strictly: the header
 * string "42" does not equal the number 42.
 */
export type ConditionLeaf =
  | { path: string; op: 'equals' | 'not_equals'; value: JsonValue }
  | { path: string; op: 'exists' | 'not_exists' }
  | { path: string; op: 'in'; value: JsonValue[] }
  | { path: string; op: 'matches'; value: string };

/** A leaf, or every (`all`) / at least one (`any`) of a list of conditions. */
export type Condition = ConditionLeaf | { op: 'all'; conditions: Condition[] } | { op: 'any'; conditions: Condition[] };

/** Every form shares the `op` discriminator, so a bad condition gets a precise message. */
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('op', [
    ...leaves,
    z.object({ op: z.enum(['all', 'any']), conditions: z.array(ConditionSchema).min(1).max(50) }),
  ]),
);

export const CONDITION_OPS = ['equals', 'not_equals', 'exists', 'not_exists', 'in', 'matches', 'all', 'any'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];
