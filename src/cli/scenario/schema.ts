import { z } from 'zod';
import { CAPTURE_FORMATS } from '../../shared/api/contract-captures';
import { ActionStatusSchema, OriginSchema, ReplayModeSchema } from '../../shared/domain/event';
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

/** A file named relative to the scenario file (`\${VAR}` allowed, as in any string). */
const FilePath = z.string().trim().min(1).max(4096);

const SendFileSchema = z
  .object({
    source: Key,
    path: FilePath,
    /** Signed as this template sample would be (its headers, a fresh signature), the file as its body. Without it, posted as written. */
    sample: Key.optional(),
    /** With `sample`: values set in the file's JSON by path before signing. */
    set: z.record(z.string().min(1), Value).optional(),
    /** Without `sample`: the request as written. */
    method: z.enum(['POST', 'PUT', 'PATCH']).optional(),
    headers: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).optional(),
    query: z.string().optional(),
  })
  .strict()
  .superRefine((step, ctx) => {
    if (step.sample === undefined && step.set !== undefined) ctx.addIssue({ code: 'custom', path: ['set'], message: 'set changes a signed sample: name the sample too' });
    if (step.sample === undefined) return;
    for (const key of ['method', 'headers', 'query'] as const) {
      if (step[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `a file signed as a sample is sent with the sample's ${key}; leave out sample to send it as written` });
    }
  });

const ImportSchema = z
  .object({
    source: Key,
    /** Any capture format `inlet import` reads: Inlet's export, JSON Lines, HAR, cURL, Stripe events, raw HTTP. */
    path: FilePath,
    format: z.enum(CAPTURE_FORMATS).optional(),
    /** Only these entries, by their number in the file (as `inlet import --dry-run` shows them). */
    entries: z.array(z.number().int().min(1)).min(1).max(100_000).optional(),
    /** Replays each imported request through the mappings: true as the app's Replay does by default, or a mode (`resign` for captures signed with another secret, or not at all). */
    replay: z.union([z.boolean(), ReplayModeSchema]).default(false),
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

const Count = z.number().int().min(0);

export const ExpectSchema = z
  .object({
    /** An import step: how many requests were imported, skipped (not POST, PUT or PATCH) and could not be read. */
    imported: Count.optional(),
    skipped: Count.optional(),
    failed: Count.optional(),
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

const STEP_KINDS = ['send', 'raw', 'sendFile', 'import', 'replay'] as const;

export const StepSchema = z
  .object({
    name: Name.optional(),
    send: SendSchema.optional(),
    raw: RawSchema.optional(),
    sendFile: SendFileSchema.optional(),
    import: ImportSchema.optional(),
    replay: ReplaySchema.optional(),
    expect: ExpectSchema.default({}),
    /** How long workspace and delivery expectations may take to come true (ms). */
    within: z.number().int().min(0).max(120_000).default(5_000),
  })
  .strict()
  .superRefine((step, ctx) => {
    const kinds = STEP_KINDS.filter((k) => step[k] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: kinds.length === 0 ? `a step needs one of ${STEP_KINDS.join(', ')}` : `a step does one thing; this one has ${kinds.join(' and ')}`,
      });
    }
    if (step.import) return;
    for (const key of ['imported', 'skipped', 'failed'] as const) {
      if (step.expect[key] !== undefined) ctx.addIssue({ code: 'custom', path: ['expect', key], message: 'counts what an import step imported' });
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
export type SendFileStep = z.infer<typeof SendFileSchema>;
export type ImportStep = z.infer<typeof ImportSchema>;
