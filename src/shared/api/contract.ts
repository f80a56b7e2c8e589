import { z } from 'zod';
import type { ConfigChange } from './events';
import { destinationMethods } from './contract-destinations';
import { shapeMethods } from './contract-shapes';
import { replayMethods, ReplayEditSchema, ReplayModeInput } from './contract-replay';
import { exportMethods } from './contract-exports';
import { captureMethods } from './contract-captures';
import { fixtureMethods } from './contract-fixtures';
import { bundleMethods } from './contract-bundles';
import { healthMethods } from './contract-health';
import { EnvKeySchema, EnvironmentSchema } from '../domain/environment';
import { EventDetailSchema, EventFilterSchema, EventSummarySchema, PreprocessOutputSchema, SourceStatsSchema } from '../domain/event';
import { ActionPlanSchema, MappingFieldsSchema, MappingSchema } from '../domain/mapping';
import { ConditionSchema } from '../expr/schema';
import { ActionRunSchema } from '../domain/event';
import { TemplateSchema, TemplateSummarySchema } from '../domain/template';
import { ImportedRequestSchema } from '../domain/export';
import { AppSettingsSchema, RetentionSettingsPatchSchema, TunnelSettingsPatchSchema, TunnelStatusSchema } from '../domain/settings';
import { VerificationConfigSchema, VerificationResultSchema } from '../domain/verification';
import {
  WorkflowKeySchema,
  WorkflowRunSchema,
  WorkflowSchema,
  WorkflowStepsSchema,
  WorkspaceAudienceMemberSchema,
  WorkspaceObjectSchema,
  WorkspaceSubscriptionSchema,
  WorkspaceTenantSchema,
  WorkspaceUserSchema,
} from '../domain/workspace';
import {
  ScriptVarInfoSchema,
  SourceEnvSettingsPatchSchema,
  SourceKeySchema,
  SourceSchema,
} from '../domain/source';

const Id = z.string().min(1);
const Empty = z.object({}).strict();

const WorkspacePageInput = z.object({
  environment: EnvKeySchema,
  search: z.string().trim().max(200).optional(),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

/** A request to rehearse: pasted (`headers` + `body`) or taken from the log (`eventId`). */
const RehearsePayload = z.union([
  z.object({
    headers: z.record(z.string(), z.string()).default({}),
    body: z.string().max(10 * 1024 * 1024),
    query: z.string().default(''),
  }),
  z.object({ eventId: z.number().int() }),
]);

/** A sample (or logged event) to sign and send, with the caller's changes applied before signing. */
const SendTestInput = z.object({
  sourceId: Id,
  environment: EnvKeySchema,
  sample: z.union([z.object({ sampleId: Id }), z.object({ eventId: z.number().int() }), z.object({ fixtureId: Id })]),
  /** Replaces the sample's body (JSON text for JSON samples), before the overrides. */
  body: z.string().max(10 * 1024 * 1024).optional(),
  /** Values set in the JSON body by path (`data.object.amount_paid`, `items[0].id`); a missing parent is refused. */
  overrides: z.array(z.object({ path: z.string().min(1).max(500), value: z.unknown() })).max(200).default([]),
});

const MappingDraft = MappingFieldsSchema.extend({ id: Id.optional(), position: z.number().int().optional() });

/** What one mapping did (or would do) for one event. */
const PlanOutcome = z.object({
  plan: ActionPlanSchema,
  /** The execution outcome; in a rehearsal it was applied inside a transaction and rolled back. */
  run: ActionRunSchema.pick({ status: true, errors: true, result: true }),
});

/**
 * Every method of the control API, once. A method that changes anything declares `changes`: the
 * configuration it touches (the dispatcher invalidates the caches for it and pushes
 * `config.changed` for each), or `[]` when it changes only events, settings or the workspace,
 * which have their own push events. A method without `changes` only reads; a test keeps the list
 * of those explicit. Both transports (Electron IPC and HTTP) dispatch through
 * these schemas and handler types are derived from them; `docs/api.md` is generated from this
 * object (summaries included) and checked against it by a test.
 */
/**
 * Set (true) on a search answered before the full-text index caught up with the log (after the
 * newest events were logged in a long burst, while the index is rebuilt, or while another program
 * locks it): the newest matching events may be missing. Absent otherwise.
 */
const SearchBehindSchema = z.literal(true).optional();

export const contract = {
  'app.info': {
    summary: 'Receiver and UI addresses of this run.',
    input: Empty,
    output: z.object({
      version: z.string(),
      receiverUrl: z.string(),
      dataDir: z.string(),
    }),
  },

  'environments.list': {
    summary: 'All environments, in display order.',
    input: Empty,
    output: z.array(EnvironmentSchema),
  },
  'environments.create': {
    changes: ['environments', 'sources'],
    summary: 'Adds an environment; every source gets settings (and a fresh endpoint token) for it.',
    input: z.object({ key: EnvKeySchema, name: z.string().min(1).max(80).optional() }),
    output: EnvironmentSchema,
  },
  'environments.rename': {
    changes: ['environments'],
    summary: 'Changes the display name; the key (and so every URL) stays.',
    input: z.object({ key: EnvKeySchema, name: z.string().min(1).max(80) }),
    output: EnvironmentSchema,
  },
  'environments.delete': {
    changes: ['environments', 'sources'],
    summary: 'Deletes an environment and its per-source settings; the last one cannot be deleted.',
    input: z.object({ key: EnvKeySchema }),
    output: z.object({ deleted: z.literal(true) }),
  },

  'sources.list': {
    summary: 'All sources with their per-environment settings (secrets masked).',
    input: Empty,
    output: z.array(SourceSchema),
  },
  'sources.get': { summary: 'One source by id.', input: z.object({ id: Id }), output: SourceSchema },
  'sources.create': {
    changes: ['sources'],
    summary: 'Creates a Custom source with settings for every environment.',
    input: z.object({ key: SourceKeySchema, name: z.string().min(1).max(120).optional() }),
    output: SourceSchema,
  },
  'sources.update': {
    changes: ['sources'],
    summary: 'Renames and/or patches per-environment settings.',
    input: z.object({
      id: Id,
      name: z.string().min(1).max(120).optional(),
      settings: z.record(EnvKeySchema, SourceEnvSettingsPatchSchema).optional(),
    }),
    output: SourceSchema,
  },
  'sources.delete': {
    changes: ['sources', 'mappings'],
    summary: 'Deletes a source, its settings and secrets; its logged events stay.',
    input: z.object({ id: Id }),
    output: z.object({ deleted: z.literal(true) }),
  },
  'sources.rotateToken': {
    changes: ['sources'],
    summary: 'Issues a new endpoint token for one environment; the old URL stops working at once.',
    input: z.object({ id: Id, environment: EnvKeySchema }),
    output: SourceSchema,
  },
  'sources.addSecret': {
    changes: ['sources'],
    summary: 'Adds a verification secret; earlier ones stay active until removed (rotation).',
    input: z.object({
      id: Id,
      environment: EnvKeySchema,
      secret: z.string().min(1).max(4096),
      label: z.string().max(80).optional(),
    }),
    output: SourceSchema,
  },
  'sources.removeSecret': {
    changes: ['sources'],
    summary: 'Removes one secret (the end of a rotation).',
    input: z.object({ id: Id, environment: EnvKeySchema, secretId: Id }),
    output: SourceSchema,
  },
  'sources.revealSecret': {
    summary: 'The plain value of one secret, for the "reveal" button.',
    input: z.object({ id: Id, environment: EnvKeySchema, secretId: Id }),
    output: z.object({ secret: z.string() }),
  },

  'sources.stats': {
    summary:
      'For the sources list: per source and environment, the last event and the events (and failures — verification failed, rejected, or failing actions) in the last 24 hours.',
    input: Empty,
    output: z.array(SourceStatsSchema),
  },
  'sources.setVar': {
    changes: ['sources'],
    summary: 'Sets a preprocess-script variable for one environment; a secret one is stored encrypted and never shown again.',
    input: z.object({
      id: Id,
      environment: EnvKeySchema,
      name: ScriptVarInfoSchema.shape.name,
      value: z.string().max(4096),
      secret: z.boolean().default(false),
    }),
    output: SourceSchema,
  },
  'sources.removeVar': {
    changes: ['sources'],
    summary: 'Removes a preprocess-script variable.',
    input: z.object({ id: Id, environment: EnvKeySchema, name: z.string() }),
    output: SourceSchema,
  },
  'sources.testScript': {
    summary:
      'Runs a preprocess script (the given draft, or the saved one) on a payload in the sandbox and returns its output, or its error with the line.',
    input: z.object({
      id: Id,
      environment: EnvKeySchema,
      script: z.string().max(100_000).optional(),
      payload: RehearsePayload,
    }),
    output: z.object({ output: PreprocessOutputSchema, pretty: z.string() }),
  },

  'verification.presets': {
    summary: 'The built-in verification presets (Stripe, Standard Webhooks, GitHub, …) a source can use.',
    input: Empty,
    output: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        description: z.string(),
        config: VerificationConfigSchema,
        /** What a secret for this preset looks like, in words (`whsec_…`). */
        secretHint: z.string().optional(),
      }),
    ),
  },

  'events.list': {
    summary: 'Newest first; pass `nextCursor` back as `cursor` for the next page.',
    input: EventFilterSchema.extend({
      cursor: z.number().int().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ items: z.array(EventSummarySchema), nextCursor: z.number().int().nullable(), searchBehind: SearchBehindSchema }),
  },
  'events.count': {
    summary: 'How many events match a filter (counting stops at `cap`), e.g. to confirm a bulk replay.',
    input: EventFilterSchema.extend({ cap: z.number().int().min(1).max(10_000_000).default(100_000) }),
    output: z.object({ count: z.number().int(), capped: z.boolean(), searchBehind: SearchBehindSchema }),
  },
  'events.get': {
    summary: 'One event with its raw request, parsed body, verification result and action runs.',
    input: z.object({
      id: z.number().int(),
      /** False leaves `parsedBody` null: a view that shows the text needs no second copy of a large body. */
      parsed: z.boolean().default(true),
      /**
       * `full`: the body as text (when UTF-8) and as base64. `text`: `bodyBase64` is empty when the body is
       * text, so a large body crosses once. `none`: both empty, to refresh a detail already on screen.
       */
      body: z.enum(['full', 'text', 'none']).default('full'),
    }),
    output: EventDetailSchema,
  },
  'events.replay': {
    changes: [],
    summary:
      'Sends a logged request through the current configuration again, as a new log entry linked to the original. `resign` signs it afresh as its provider would, then verifies it; `ignore_verification` treats verification and timestamps as passed; without `mode`, events older than their scheme\'s tolerance are re-signed. `edit` replaces parts of the request first (re-signed or ignoring verification). Replays bypass idempotency unless `respectIdempotency`.',
    input: z.object({ id: z.number().int(), mode: ReplayModeInput, respectIdempotency: z.boolean().default(false), edit: ReplayEditSchema.optional() }),
    output: EventSummarySchema,
  },
  'events.replayMany': {
    changes: [],
    summary:
      'Replays every event matching a filter (oldest first, at most `max`) in the background; progress arrives as `replay.progress` push events.',
    input: EventFilterSchema.extend({
      /** Exactly these events (e.g. the ones just imported); the other filters are then ignored. */
      ids: z.array(z.number().int()).max(100_000).optional(),
      mode: ReplayModeInput,
      respectIdempotency: z.boolean().default(false),
      max: z.number().int().min(1).max(100_000).default(10_000),
    }),
    output: z.object({ jobId: z.string(), total: z.number().int() }),
  },
  'events.replayJobs': {
    summary: 'Bulk replays still running, with their progress (for a UI that reloads mid-job).',
    input: Empty,
    output: z.array(z.object({ jobId: z.string(), done: z.number().int(), total: z.number().int() })),
  },
  'events.cancelReplay': {
    changes: [],
    summary: 'Stops a bulk replay; events already replayed stay in the log.',
    input: z.object({ jobId: Id }),
    output: z.object({ cancelled: z.boolean() }),
  },
  'events.rehearse': {
    summary:
      'Runs a payload through a source\'s current configuration in one environment without keeping any change: verification, event type, and what each mapping would do.',
    input: z.object({ sourceId: Id, environment: EnvKeySchema, payload: RehearsePayload }),
    output: z.object({
      verification: VerificationResultSchema,
      eventType: z.string().nullable(),
      idempotencyKey: z.string().nullable(),
      outcomes: z.array(PlanOutcome),
    }),
  },

  'mappings.list': { summary: 'A source\'s mappings in display order.', input: z.object({ sourceId: Id }), output: z.array(MappingSchema) },
  'mappings.create': {
    changes: ['mappings'],
    summary: 'Adds a mapping (event type → action with parameter expressions); expressions are parsed and errors point at the character.',
    input: MappingDraft.omit({ id: true }),
    output: MappingSchema,
  },
  'mappings.update': {
    changes: ['mappings'],
    summary: 'Changes a mapping; the fields given replace the current ones (`condition: null` removes the condition).',
    input: MappingFieldsSchema.omit({ sourceId: true })
      .partial()
      .extend({ id: Id, condition: ConditionSchema.nullable().optional().describe('null removes the condition') }),
    output: MappingSchema,
  },
  'mappings.delete': { changes: ['mappings'], summary: 'Deletes a mapping.', input: z.object({ id: Id }), output: z.object({ deleted: z.literal(true) }) },
  'mappings.rehearse': {
    summary: 'Tests a mapping draft against the last N logged events of its type: how many would pass, and why the others fail.',
    input: z.object({ draft: MappingDraft, environment: EnvKeySchema, lastN: z.number().int().min(1).max(1000).default(20) }),
    output: z.object({
      total: z.number().int(),
      passed: z.number().int(),
      failed: z.number().int(),
      results: z.array(z.object({ eventId: z.number().int(), receivedAt: z.number().int(), outcome: PlanOutcome })),
    }),
  },

  'workflows.list': { summary: 'Workflows known to an environment\'s workspace.', input: z.object({ environment: EnvKeySchema }), output: z.array(WorkflowSchema) },
  'workflows.create': {
    changes: ['workflows'],
    summary: 'Makes a workflow key known to an environment, so triggers and cancels can use it.',
    input: z.object({
      environment: EnvKeySchema, key: WorkflowKeySchema, name: z.string().min(1).max(120).optional(),
      active: z.boolean().optional(), steps: WorkflowStepsSchema.optional(),
    }),
    output: WorkflowSchema,
  },
  'workflows.update': {
    changes: ['workflows'],
    summary: 'Changes a workflow\'s name, status (an inactive workflow refuses triggers with workflow_inactive) or pause steps.',
    input: z.object({
      environment: EnvKeySchema, key: WorkflowKeySchema, name: z.string().min(1).max(120).optional(),
      active: z.boolean().optional(), steps: WorkflowStepsSchema.optional(),
    }),
    output: WorkflowSchema,
  },
  'workflows.delete': {
    changes: ['workflows'],
    summary: 'Forgets a workflow key (its past runs stay).',
    input: z.object({ environment: EnvKeySchema, key: WorkflowKeySchema }),
    output: z.object({ deleted: z.literal(true) }),
  },

  'workspace.users': { summary: 'Users in an environment\'s workspace, newest change first.', input: WorkspacePageInput, output: page(WorkspaceUserSchema) },
  'workspace.objects': { summary: 'Objects, all collections.', input: WorkspacePageInput, output: page(WorkspaceObjectSchema) },
  'workspace.tenants': { summary: 'Tenants.', input: WorkspacePageInput, output: page(WorkspaceTenantSchema) },
  'workspace.subscriptions': {
    summary: 'Object subscriptions (a tenant is the collection `$tenants`).',
    input: WorkspacePageInput,
    output: page(WorkspaceSubscriptionSchema),
  },
  'workspace.audienceMembers': { summary: 'Audience memberships.', input: WorkspacePageInput, output: page(WorkspaceAudienceMemberSchema) },
  'workspace.workflowRuns': { summary: 'Workflow runs, newest first.', input: WorkspacePageInput, output: page(WorkflowRunSchema) },
  'templates.list': { summary: 'The pre-built integrations (Stripe, Clerk, GitHub, …), for the gallery.', input: Empty, output: z.array(TemplateSummarySchema) },
  'templates.get': { summary: 'One template in full: verification, default mappings, samples.', input: z.object({ id: Id }), output: TemplateSchema },
  'templates.checkSecret': {
    summary: 'Checks a pasted secret against what the template expects; says what was pasted instead when it looks wrong.',
    input: z.object({ templateId: Id, secret: z.string() }),
    output: z.object({ ok: z.boolean(), problem: z.string().optional() }),
  },
  'sources.connect': {
    changes: ['sources', 'mappings', 'workflows'],
    summary:
      'Creates a source from a template: its verification, paths and script, the chosen default mappings (active in every environment), its suggested workflows, and a secret per environment.',
    input: z.object({
      templateId: Id,
      key: SourceKeySchema,
      name: z.string().min(1).max(120).optional(),
      /** Ids of the template's default mappings to create. */
      mappingIds: z.array(Id),
      /** A secret per environment key; environments left out can get one later. */
      secrets: z.record(EnvKeySchema, z.string().min(1).max(4096)).default({}),
    }),
    output: SourceSchema,
  },
  'events.sendTest': {
    changes: [],
    summary:
      'Signs a template sample (or a logged event) as the provider would — the environment\'s secret, a fresh timestamp and delivery id — and posts it through the real receiver. Works offline.',
    input: SendTestInput,
    output: z.object({ status: z.number().int(), event: EventSummarySchema }),
  },
  'events.sendSigned': {
    changes: [],
    summary:
      'Signs a sample as `events.sendTest` does (overrides included) and posts it to any URL, e.g. your own endpoint, instead of the receiver; nothing is logged. Returns what that URL answered.',
    input: SendTestInput.extend({ url: z.url({ protocol: /^https?$/ }), timeoutMs: z.number().int().min(100).max(300_000).default(30_000) }),
    output: z.object({
      status: z.number().int(),
      latencyMs: z.number(),
      headers: z.record(z.string(), z.string()),
      /** The first 64 KiB of the answer. */
      body: z.string(),
      /** What was sent (headers and body as text), to compare with what the endpoint saw. */
      sent: z.object({ headers: z.record(z.string(), z.string()), body: z.string() }),
    }),
  },

  'sources.approveScript': {
    changes: ['sources'],
    summary: 'Approves (and enables) the preprocess script of one environment, e.g. after an import.',
    input: z.object({ id: Id, environment: EnvKeySchema }),
    output: SourceSchema,
  },
  'events.import': {
    changes: [],
    summary:
      'Puts captured requests into a source\'s log (origin `import`), judged as the receiver would now but not mapped: replay them to run the current mappings.',
    input: z.object({ sourceId: Id, environment: EnvKeySchema, items: z.array(ImportedRequestSchema).min(1).max(5000) }),
    output: z.object({ ids: z.array(z.number().int()) }),
  },

  'tunnel.status': { summary: 'The tunnel\'s current state and public URL.', input: Empty, output: TunnelStatusSchema },
  'tunnel.start': {
    changes: [],
    summary:
      'Saves any tunnel settings given and opens the tunnel (only the receiver is exposed). Returns at once; progress arrives as `tunnel.statusChanged`.',
    input: z.object({ settings: TunnelSettingsPatchSchema.optional() }),
    output: TunnelStatusSchema,
  },
  'tunnel.stop': { changes: [], summary: 'Closes the tunnel.', input: Empty, output: TunnelStatusSchema },

  'settings.get': { summary: 'App settings: tunnel, log retention, notifications.', input: Empty, output: AppSettingsSchema },
  'settings.update': {
    changes: [],
    summary: 'Changes some settings; sections given are merged over the current ones.',
    input: z.object({
      tunnel: TunnelSettingsPatchSchema.optional(),
      retention: RetentionSettingsPatchSchema.optional(),
      notifications: z.object({ enabled: z.boolean() }).partial().optional(),
    }),
    output: AppSettingsSchema,
  },

  'retention.prune': {
    changes: [],
    summary: 'Applies the retention settings now (it also runs in the background); progress arrives as `retention.progress`.',
    input: Empty,
    output: z.object({ deleted: z.number().int() }),
  },

  'workspace.reset': {
    changes: [],
    summary: 'Empties an environment\'s workspace (users, objects, tenants, subscriptions, audiences, runs); workflows stay.',
    input: z.object({ environment: EnvKeySchema }),
    output: z.object({ reset: z.literal(true) }),
  },

  ...destinationMethods,
  ...shapeMethods,
  ...replayMethods,
  ...exportMethods,
  ...captureMethods,
  ...fixtureMethods,
  ...bundleMethods,
  ...healthMethods,
} as const satisfies Record<string, { summary: string; changes?: readonly ConfigChange[]; input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type ApiMethod = keyof Contract;
/** What a caller passes (defaults may be left out). */
export type ApiInput<M extends ApiMethod> = z.input<Contract[M]['input']>;
/** What a handler receives (after parsing, defaults applied). */
export type ApiParsedInput<M extends ApiMethod> = z.output<Contract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<Contract[M]['output']>;

export const isApiMethod = (m: unknown): m is ApiMethod =>
  typeof m === 'string' && Object.prototype.hasOwnProperty.call(contract, m);
