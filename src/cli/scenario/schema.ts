import { z } from 'zod';
import { ActionStatusSchema, OriginSchema } from '../../shared/domain/event';
import { DeliveryStatusSchema } from '../../shared/domain/destination';
import { VerificationStatusSchema } from '../../shared/domain/verification';
import { RUN_STATUSES } from '../../shared/domain/workspace';

/**
 * A scenario file (`inlet run`): sources to connect, then steps that send events, each with the
 * outcome it expects. Every field is checked here, so a typo fails before anything runs, at its line.
 */

const Name = z.string().trim().min(1).max(200);
const Key = z.string().trim().min(1).max(120);
/** Any JSON-like value a YAML file holds. */
const Value = z.unknown();

export const ScenarioSourceSchema = z
  .object({
    template: Key.describe('template id, as `inlet templates` lists them'),
    key: Key.optional(),
    name: Name.optional(),
    secret: z.string().min(1).max(4096).optional(),
    /** The template's mappings that are on by default (the app's Connect), all of them, or these ids. */
    mappings: z.union([z.enum(['default', 'all', 'none']), z.array(Key)]).default('default'),
    /** Forwards each accepted event to this URL (a destination), for `deliveries` expectations. */
    forwardTo: z.url({ protocol: /^https?$/ }).optional(),
  })
  .strict();

export const ScenarioWorkflowSchema = z.object({ key: Key, name: Name.optional(), active: z.boolean().optional() }).strict();

const SendSchema = z
  .object({
    source: Key,
    /** A sample id or event type of the source's template. */
    sample: Key,
    /** Values set in the JSON body by path before signing (`data.object.amount_paid: 500`). */
    set: z.record(z.string().min(1), Value).default({}),
    /** Replaces the sample's body: JSON (an object here) or text. */
    body: z.union([z.string(), z.record(z.string(), Value), z.array(Value)]).optional(),
  })
  .strict();

const RawSchema = z
  .object({
    source: Key,
    method: z.enum(['POST', 'PUT', 'PATCH']).default('POST'),
    headers: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).default({}),
    /** Sent as written: text as is, anything else as JSON. */
    body: z.union([z.string(), z.record(z.string(), Value), z.array(Value)]),
    query: z.string().default(''),
  })
  .strict();

const ReplaySchema = z
  .object({
    /** The name (or 1-based number) of an earlier step whose event is replayed. */
    step: z.union([Name, z.number().int().min(1)]),
    ignoreVerification: z.boolean().default(false),
    respectIdempotency: z.boolean().default(false),
  })
  .strict();

const ActionRunExpect = z
  .object({
    action: Key.optional(),
    status: z.enum(['success', 'skipped', 'error']).optional(),
    /** Resolved parameters by path; only the ones named are compared. */
    params: z.record(z.string(), Value).optional(),
  })
  .strict();

const UserExpect = z
  .object({
    id: Key,
    name: z.string().nullable().optional(),
    email: z.string().nullable().optional(),
    properties: z.record(z.string(), Value).optional(),
    /** True: no such user (e.g. after a delete). */
    absent: z.boolean().default(false),
  })
  .strict();

const TenantExpect = z
  .object({ id: Key, name: z.string().nullable().optional(), properties: z.record(z.string(), Value).optional(), absent: z.boolean().default(false) })
  .strict();

const RunExpect = z
  .object({
    workflow: Key,
    recipient: Key.optional(),
    status: z.enum(RUN_STATUSES).optional(),
    /** Exactly this many matching runs (default: at least one). */
    count: z.number().int().min(0).optional(),
    /** Trigger data by path; only the paths named are compared. */
    data: z.record(z.string(), Value).optional(),
  })
  .strict();

const DeliveryExpect = z.object({ status: DeliveryStatusSchema, responseStatus: z.number().int().optional() }).strict();

export const ExpectSchema = z
  .object({
    /** The HTTP status Inlet's receiver answered. */
    status: z.number().int().min(100).max(599).optional(),
    verification: VerificationStatusSchema.optional(),
    eventType: z.string().nullable().optional(),
    origin: OriginSchema.optional(),
    /** What the mappings did overall. */
    actions: ActionStatusSchema.optional(),
    actionRuns: z.array(ActionRunExpect).optional(),
    users: z.array(UserExpect).optional(),
    tenants: z.array(TenantExpect).optional(),
    workflowRuns: z.array(RunExpect).optional(),
    deliveries: z.array(DeliveryExpect).optional(),
  })
  .strict();

export const StepSchema = z
  .object({
    name: Name.optional(),
    send: SendSchema.optional(),
    raw: RawSchema.optional(),
    replay: ReplaySchema.optional(),
    expect: ExpectSchema.default({}),
    /** How long workspace and delivery expectations may take to come true (ms). */
    within: z.number().int().min(0).max(120_000).default(5_000),
  })
  .strict()
  .superRefine((step, ctx) => {
    const kinds = (['send', 'raw', 'replay'] as const).filter((k) => step[k] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: kinds.length === 0 ? 'a step needs one of send, raw or replay' : `a step does one thing; this one has ${kinds.join(' and ')}`,
      });
    }
  });

export const ScenarioSchema = z
  .object({
    name: Name.optional(),
    /** Environment key (default: the first one, `development` on a fresh data dir). */
    environment: Key.optional(),
    sources: z.array(ScenarioSourceSchema).min(1),
    workflows: z.array(ScenarioWorkflowSchema).default([]),
    steps: z.array(StepSchema).min(1),
  })
  .strict();

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioStep = z.infer<typeof StepSchema>;
export type StepExpect = z.infer<typeof ExpectSchema>;
export type ScenarioSource = z.infer<typeof ScenarioSourceSchema>;
