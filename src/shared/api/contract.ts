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
 * these schemas and handler types are derived from them; `docs/api.md` is generated from this
 * object (summaries included) and checked against it by a test.
 */
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
    summary: 'Adds an environment; every source gets settings (and a fresh endpoint token) for it.',
    input: z.object({ key: EnvKeySchema, name: z.string().min(1).max(80).optional() }),
    output: EnvironmentSchema,
  },
  'environments.rename': {
    summary: 'Changes the display name; the key (and so every URL) stays.',
    input: z.object({ key: EnvKeySchema, name: z.string().min(1).max(80) }),
    output: EnvironmentSchema,
  },
  'environments.delete': {
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
    summary: 'Creates a Custom source with settings for every environment.',
    input: z.object({ key: SourceKeySchema, name: z.string().min(1).max(120).optional() }),
    output: SourceSchema,
  },
  'sources.update': {
    summary: 'Renames and/or patches per-environment settings.',
    input: z.object({
      id: Id,
      name: z.string().min(1).max(120).optional(),
      settings: z.record(EnvKeySchema, SourceEnvSettingsPatchSchema).optional(),
    }),
    output: SourceSchema,
  },
  'sources.delete': {
    summary: 'Deletes a source, its settings and secrets; its logged events stay.',
    input: z.object({ id: Id }),
    output: z.object({ deleted: z.literal(true) }),
  },
  'sources.rotateToken': {
    summary: 'Issues a new endpoint token for one environment; the old URL stops working at once.',
    input: z.object({ id: Id, environment: EnvKeySchema }),
    output: SourceSchema,
  },
  'sources.addSecret': {
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
    summary: 'Removes one secret (the end of a rotation).',
    input: z.object({ id: Id, environment: EnvKeySchema, secretId: Id }),
    output: SourceSchema,
  },
  'sources.revealSecret': {
    summary: 'The plain value of one secret, for the "reveal" button.',
    input: z.object({ id: Id, environment: EnvKeySchema, secretId: Id }),
    output: z.object({ secret: z.string() }),
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
    output: z.object({ items: z.array(EventSummarySchema), nextCursor: z.number().int().nullable() }),
  },
  'events.get': {
    summary: 'One event with its raw request, parsed body and verification result.',
    input: z.object({ id: z.number().int() }),
    output: EventDetailSchema,
  },
} as const satisfies Record<string, { summary: string; input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type ApiMethod = keyof Contract;
/** What a caller passes (defaults may be left out). */
export type ApiInput<M extends ApiMethod> = z.input<Contract[M]['input']>;
/** What a handler receives (after parsing, defaults applied). */
export type ApiParsedInput<M extends ApiMethod> = z.output<Contract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<Contract[M]['output']>;

export const isApiMethod = (m: unknown): m is ApiMethod =>
  typeof m === 'string' && Object.prototype.hasOwnProperty.call(contract, m);
