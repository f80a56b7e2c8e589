import { z } from 'zod';
import { WorkflowStepsSchema } from './workspace';
import { ActionTypeSchema } from './action';
import { EnvKeySchema } from './environment';
import { ConditionSchema } from '../expr/schema';
import { PreprocessSettingsSchema, ScriptVarNameSchema, SettablePathSchema, SourceKeySchema } from './source';
import { VerificationConfigSchema } from './verification';
import { MappingOverridesSchema } from './mapping-overrides';

/**
 * Version 1 of Inlet's configuration file, read today as a bundle with only configuration
 * (shared/domain/bundle.ts). Inlet's configuration as a file: sources with their per-environment settings and mappings,
 * environments and workflows. Endpoint tokens never travel (an import gets fresh URLs); secrets
 * only when asked for. Scripts in an imported file stay off until the user approves them.
 */
export const ExportedSettingsSchema = z.object({
  environment: EnvKeySchema,
  enabled: z.boolean(),
  verification: VerificationConfigSchema,
  eventTypePath: SettablePathSchema,
  timestampPath: SettablePathSchema.nullable(),
  idempotencyKeyPath: SettablePathSchema.nullable(),
  enforceVerification: z.boolean(),
  preprocess: PreprocessSettingsSchema.omit({ approved: true }).nullable(),
  /** Secret vars have a value only in an export made with secrets. */
  vars: z.array(z.object({ name: ScriptVarNameSchema, secret: z.boolean(), value: z.string().nullable() })),
  secrets: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
});

export const ExportedMappingSchema = z.object({
  eventType: z.string(),
  actionType: ActionTypeSchema,
  params: z.record(z.string(), z.string()),
  condition: ConditionSchema.optional(),
  activeIn: z.array(EnvKeySchema),
  /** Per-environment parameter values (a file written before them has none). */
  overrides: MappingOverridesSchema.optional(),
  position: z.number().int(),
});

export const ExportFileSchema = z.object({
  format: z.literal('inlet.config'),
  version: z.literal(1),
  exportedAt: z.number().int(),
  environments: z.array(z.object({ key: EnvKeySchema, name: z.string() })),
  sources: z.array(
    z.object({
      key: SourceKeySchema,
      name: z.string(),
      templateId: z.string(),
      templateVersion: z.string(),
      settings: z.array(ExportedSettingsSchema),
      mappings: z.array(ExportedMappingSchema),
    }),
  ),
  // Status and pause steps travel with the workflow; files written before they existed default them.
  workflows: z.array(z.object({
    environment: EnvKeySchema, key: z.string(), name: z.string(), active: z.boolean().default(true), steps: WorkflowStepsSchema.default([]),
  })),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

/**
 * Strict base64 (RFC 4648, standard or URL-safe alphabet, padded or not): Node's decoder skips
 * what it can't read, so a body that isn't base64 would otherwise arrive as some other bytes.
 */
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;
const STRICT_BASE64URL = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}(?:==)?|[A-Za-z0-9_-]{3}=?)?$/;
export const isStrictBase64 = (text: string): boolean => STRICT_BASE64.test(text) || STRICT_BASE64URL.test(text);

/** A captured request to put in the log (support engineers' "paste a payload"). */
export const ImportedRequestSchema = z
  .object({
    method: z.enum(['POST', 'PUT', 'PATCH']).default('POST'),
    headers: z.record(z.string(), z.string()).default({}),
    body: z.string().max(10 * 1024 * 1024),
    bodyEncoding: z.enum(['utf8', 'base64']).default('utf8'),
    query: z.string().default(''),
  })
  .superRefine((item, ctx) => {
    if (item.bodyEncoding === 'base64' && !isStrictBase64(item.body))
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'not valid base64 (bodyEncoding is "base64"); send the body as it is with bodyEncoding "utf8"' });
  });
