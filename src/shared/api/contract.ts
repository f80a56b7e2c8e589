import { z } from 'zod';
import { EnvKeySchema, EnvironmentSchema } from '../domain/environment';
import { EventDetailSchema, EventFilterSchema, EventSummarySchema } from '../domain/event';
import { VerificationConfigSchema } from '../domain/verification';
import {
  SourceEnvSettingsPatchSchema,
  SourceKeySchema,
  SourceSchema,
} from '../domain/source';

const Id = z.string().min(1);
const Empty = z.object({}).strict();

/**
 * Every method of the control API, once. Both transports (Electron IPC and HTTP) dispatch through
 * these schemas; handler types are derived from them. `docs/api.md` is checked against this object.
 */
export const contract = {
  /** Receiver and UI addresses of this run. */
  'app.info': {
    input: Empty,
    output: z.object({
      version: z.string(),
      receiverUrl: z.string(),
      dataDir: z.string(),
    }),
  },

  /** All environments, in display order. */
  'environments.list': { input: Empty, output: z.array(EnvironmentSchema) },
  /** Adds an environment; every source gets settings (and a fresh endpoint token) for it. */
  'environments.create': {
    input: z.object({ key: EnvKeySchema, name: z.string().min(1).max(80).optional() }),
    output: EnvironmentSchema,
  },
  /** Changes the display name; the key (and so every URL) stays. */
  'environments.rename': {
    input: z.object({ key: EnvKeySchema, name: z.string().min(1).max(80) }),
    output: EnvironmentSchema,
  },
  /** Deletes an environment and its per-source settings; the last one cannot be deleted. */
  'environments.delete': { input: z.object({ key: EnvKeySchema }), output: z.object({ deleted: z.literal(true) }) },

  'sources.list': { input: Empty, output: z.array(SourceSchema) },
  'sources.get': { input: z.object({ id: Id }), output: SourceSchema },
  /** Creates a Custom source with settings for every environment. */
  'sources.create': {
    input: z.object({ key: SourceKeySchema, name: z.string().min(1).max(120).optional() }),
    output: SourceSchema,
  },
  /** Renames and/or patches per-environment settings. */
  'sources.update': {
    input: z.object({
      id: Id,
      name: z.string().min(1).max(120).optional(),
      settings: z.record(EnvKeySchema, SourceEnvSettingsPatchSchema).optional(),
    }),
    output: SourceSchema,
  },
  'sources.delete': { input: z.object({ id: Id }), output: z.object({ deleted: z.literal(true) }) },
  /** Issues a new endpoint token for one environment; the old URL stops working at once. */
  'sources.rotateToken': { input: z.object({ id: Id, environment: EnvKeySchema }), output: SourceSchema },
  /** Adds a verification secret; earlier ones stay active until removed (rotation). */
  'sources.addSecret': {
    input: z.object({
      id: Id,
      environment: EnvKeySchema,
      secret: z.string().min(1).max(4096),
      label: z.string().max(80).optional(),
    }),
    output: SourceSchema,
  },
  'sources.removeSecret': {
    input: z.object({ id: Id, environment: EnvKeySchema, secretId: Id }),
    output: SourceSchema,
  },
  /** The plain value of one secret, for the "reveal" button. */
  'sources.revealSecret': {
    input: z.object({ id: Id, environment: EnvKeySchema, secretId: Id }),
    output: z.object({ secret: z.string() }),
  },

  /** The built-in verification presets (Stripe, Standard Webhooks, GitHub, …) a source can use. */
  'verification.presets': {
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

  /** Newest first; pass `nextCursor` back as `cursor` for the next page. */
  'events.list': {
    input: EventFilterSchema.extend({
      cursor: z.number().int().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ items: z.array(EventSummarySchema), nextCursor: z.number().int().nullable() }),
  },
  'events.get': { input: z.object({ id: z.number().int() }), output: EventDetailSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type ApiMethod = keyof Contract;
/** What a caller passes (defaults may be left out). */
export type ApiInput<M extends ApiMethod> = z.input<Contract[M]['input']>;
/** What a handler receives (after parsing, defaults applied). */
export type ApiParsedInput<M extends ApiMethod> = z.output<Contract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<Contract[M]['output']>;

export const isApiMethod = (m: unknown): m is ApiMethod =>
  typeof m === 'string' && Object.prototype.hasOwnProperty.call(contract, m);
