import { z } from 'zod';
import { parseExpr } from '../expr/parse';
import { EnvKeySchema } from './environment';
import { VerificationConfigSchema } from './verification';

export const SourceKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lower-case letters, digits, "-" or "_", at most 63 characters');

/** A path into an event (`body.type`, `headers.x-github-event`); the full language lives in shared/expr. */
export const PathSchema = z.string().trim().min(1).max(500);

/** A path as a caller sets it: it must parse, and the error names the character (`… at 4`). */
export const SettablePathSchema = PathSchema.superRefine((source, ctx) => {
  const r = parseExpr(source);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error.message, params: { offset: r.error.offset } });
});

/** Names a script variable may not take: as keys of `vars` they would reach the object's prototype. */
const RESERVED_VAR_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

export const ScriptVarNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'letters, digits and "_"')
  .refine((name) => !RESERVED_VAR_NAMES.has(name), { message: 'this name is reserved (__proto__, constructor and prototype are not allowed)' });

/** What the API shows of a secret: never its value. */
export const SecretInfoSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** A masked preview such as `whsec_…f3a9`. */
  preview: z.string(),
  createdAt: z.number().int(),
  /** Set when the saved value can't be decrypted on this machine (its key is gone): enter it again. */
  unusable: z.boolean().optional(),
});
export type SecretInfo = z.infer<typeof SecretInfoSchema>;

/** Knock's preprocess script (SPEC §4): `main({vars, body, rawBody, headers})` → `{verified, ...extra}`. */
export const PreprocessSettingsSchema = z.object({
  script: z.string().max(100_000),
  enabled: z.boolean(),
  /** Scripts that arrive in an imported file stay off until the user approves them. */
  approved: z.boolean(),
});
export type PreprocessSettings = z.infer<typeof PreprocessSettingsSchema>;

/** A script variable; a secret one's value is never sent, only its preview. */
export const ScriptVarInfoSchema = z.object({
  name: ScriptVarNameSchema,
  secret: z.boolean(),
  value: z.string().nullable(),
  preview: z.string(),
  /** A secret variable whose saved value can't be decrypted on this machine: enter it again. */
  unusable: z.boolean().optional(),
});
export type ScriptVarInfo = z.infer<typeof ScriptVarInfoSchema>;

export const SourceEnvSettingsSchema = z.object({
  environment: EnvKeySchema,
  /** ≥128 random bits, url-safe; the URL is `<receiver>/in/<token>`. */
  endpointToken: z.string(),
  enabled: z.boolean(),
  verification: VerificationConfigSchema,
  /** All active secrets; any of them may match (rotation). */
  secrets: z.array(SecretInfoSchema),
  eventTypePath: PathSchema,
  timestampPath: PathSchema.nullable(),
  idempotencyKeyPath: PathSchema.nullable(),
  enforceVerification: z.boolean(),
  preprocess: PreprocessSettingsSchema.nullable(),
  vars: z.array(ScriptVarInfoSchema),
});
export type SourceEnvSettings = z.infer<typeof SourceEnvSettingsSchema>;

export const SourceSchema = z.object({
  id: z.string(),
  key: SourceKeySchema,
  name: z.string().min(1).max(120),
  templateId: z.string(),
  templateVersion: z.string(),
  createdAt: z.number().int(),
  settings: z.array(SourceEnvSettingsSchema),
});
export type Source = z.infer<typeof SourceSchema>;

/** The editable part of one environment's settings. */
export const SourceEnvSettingsPatchSchema = z
  .object({
    enabled: z.boolean(),
    verification: VerificationConfigSchema,
    eventTypePath: SettablePathSchema,
    timestampPath: SettablePathSchema.nullable(),
    idempotencyKeyPath: SettablePathSchema.nullable(),
    enforceVerification: z.boolean(),
    /** Saving a changed script through the API is the user's approval of it. */
    preprocess: PreprocessSettingsSchema.omit({ approved: true }).nullable(),
  })
  .partial();
export type SourceEnvSettingsPatch = z.infer<typeof SourceEnvSettingsPatchSchema>;

export const CUSTOM_TEMPLATE_ID = 'custom';
export const DEFAULT_EVENT_TYPE_PATH = 'body.type';
