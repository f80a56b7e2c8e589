import { z } from 'zod';
import { ActionTypeSchema } from './action';
import { EventTypePatternSchema } from './mapping';
import { ConditionSchema } from '../expr/schema';
import { VerificationConfigSchema } from './verification';

/**
 * A pre-built integration (SPEC §7) is data: how the provider signs, where its event type and
 * dedupe id live, the mappings it suggests, and realistic samples for every mapped event type.
 */
export const TemplateMappingSchema = z.object({
  /** Stable within the template, so the connect dialog can toggle it. */
  id: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/),
  label: z.string(),
  eventType: EventTypePatternSchema,
  actionType: ActionTypeSchema,
  params: z.record(z.string(), z.string()),
  condition: ConditionSchema.optional(),
  /** Checked in the connect dialog unless the user unchecks it. */
  enabledByDefault: z.boolean(),
});
export type TemplateMapping = z.infer<typeof TemplateMappingSchema>;

/** A realistic delivery, signed afresh by "send test event". Headers exclude signature headers. */
export const TemplateSampleSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_.:-]*$/i),
  eventType: z.string(),
  label: z.string(),
  headers: z.record(z.string(), z.string()),
  /** JSON payloads as values; form and text payloads as the exact string to send. */
  body: z.unknown(),
  contentType: z.string().default('application/json'),
});
export type TemplateSample = z.infer<typeof TemplateSampleSchema>;

/**
 * A value "send test event" renews on every send, so idempotency and freshness checks treat each
 * test as a new delivery: `in: 'header'` names a header; `in: 'body'` is a dotted path into the
 * JSON body where `*` stands for every item of a list (`*.sg_event_id` in a batch).
 */
export const FreshValueSchema = z.object({
  in: z.enum(['header', 'body']),
  key: z.string().min(1),
  /** `id`: prefix + 24 random characters; `int`: a random 9-digit number; `unix_*`/`iso`: now. */
  kind: z.enum(['id', 'uuid', 'int', 'unix_s', 'unix_ms', 'iso']),
  prefix: z.string().default(''),
});
export type FreshValue = z.infer<typeof FreshValueSchema>;

/**
 * For templates that verify in their preprocess script (Custom HTTP, Supabase database, PostHog):
 * the secret given at connect time is stored as this secret variable, and test events carry it in
 * `header` (after `prefix`), as the sender is told to.
 */
export const SecretVarSchema = z.object({
  name: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  header: z.string().min(1).transform((h) => h.toLowerCase()),
  prefix: z.string().default(''),
});

/** A preprocess script variable; `secret` ones are masked everywhere and stored encrypted. */
export const ScriptVarSpecSchema = z.object({ name: z.string().regex(/^[A-Z][A-Z0-9_]*$/), secret: z.boolean(), required: z.boolean(), help: z.string().optional() });

export const HandshakeKindSchema = z.enum(['slack_url_verification', 'zoom_url_validation']);
export type HandshakeKind = z.infer<typeof HandshakeKindSchema>;

export const TemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  version: z.string(),
  name: z.string(),
  description: z.string(),
  category: z.enum(['billing', 'auth', 'data', 'analytics', 'messaging', 'commerce', 'developer', 'support', 'productivity', 'generic']),
  branding: z.object({
    /** An SVG document (kept small), shown as the source's logo. */
    logoSvg: z.string(),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  }),
  docs: z.array(z.object({ label: z.string(), url: z.url() })),
  verification: VerificationConfigSchema,
  /** What a secret looks like, in words, for the connect dialog. */
  secretHint: z.string().optional(),
  /** Whether connecting needs a secret at all (unsigned providers: false). */
  secretRequired: z.boolean(),
  eventTypePath: z.string(),
  idempotencyKeyPath: z.string().nullable(),
  timestampPath: z.string().nullable().default(null),
  preprocess: z.object({ source: z.string(), vars: z.array(ScriptVarSpecSchema) }).nullable().default(null),
  /** Requests the receiver answers itself (Slack's url_verification, Zoom's endpoint.url_validation). */
  handshake: HandshakeKindSchema.nullable().default(null),
  /** Set when verification lives in the preprocess script: where the connect secret goes. */
  secretVar: SecretVarSchema.nullable().default(null),
  /** Ids and timestamps renewed by "send test event" (beyond the signature's own id and timestamp). */
  fresh: z.array(FreshValueSchema).default([]),
  /**
   * A delivery time inside the payload that the provider's own verifier checks for freshness
   * (Linear's `webhookTimestamp`): renewed, with the signature, when Inlet re-signs a replay.
   */
  signedAt: FreshValueSchema.nullable().default(null),
  /** Workflow keys the default mappings trigger; created in every environment at connect time. */
  workflows: z.array(z.object({ key: z.string(), name: z.string() })),
  defaultMappings: z.array(TemplateMappingSchema),
  samples: z.array(TemplateSampleSchema),
});
export type Template = z.infer<typeof TemplateSchema>;
/** A template as written in `src/main/core/templates/<provider>/`, before defaults apply. */
export type TemplateInput = z.input<typeof TemplateSchema>;

export const TemplateSummarySchema = TemplateSchema.pick({
  id: true,
  version: true,
  name: true,
  description: true,
  category: true,
  branding: true,
}).extend({ eventTypes: z.array(z.string()) });
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;
