import { z } from 'zod';
import { BundleWorkspaceSchema } from './bundle-workspace';
import { DestinationFieldsSchema } from './destination';
import { EnvKeySchema } from './environment';
import { ExportedMappingSchema, ExportedSettingsSchema, ExportFileSchema } from './export';
import { FixtureRequestSchema } from './fixture';
import { SourceKeySchema } from './source';
import { WorkflowStepsSchema } from './workspace';

/**
 * One file for everything Inlet carries between machines (issue #13): any choice of environments,
 * sources (settings and mappings), workflows, destinations, fixtures and a slice of the log.
 * Endpoint tokens never travel; secret values only sealed with a passphrase (`sealed`). Version 1
 * files (the configuration export before bundles) read as a bundle with only configuration.
 */
export const BUNDLE_FORMAT = 'inlet.bundle';
export const BUNDLE_VERSION = 2;

export const BundleSourceSchema = z.object({
  key: SourceKeySchema,
  name: z.string(),
  templateId: z.string(),
  templateVersion: z.string(),
  settings: z.array(ExportedSettingsSchema),
  mappings: z.array(ExportedMappingSchema),
});

export const BundleWorkflowSchema = z.object({
  environment: EnvKeySchema, key: z.string(), name: z.string(), active: z.boolean().default(true), steps: WorkflowStepsSchema.default([]),
});

/** A destination of a source (by key); its own signing secret, if any, travels sealed. */
export const BundleDestinationSchema = DestinationFieldsSchema.extend({ source: SourceKeySchema, environment: EnvKeySchema, name: z.string(), hasSecret: z.boolean().default(false) });

export const BundleFixtureSchema = FixtureRequestSchema.extend({ source: SourceKeySchema, name: z.string().min(1).max(120) });

/** A logged request as a capture: imported into the log (origin `import`) with its time, judged anew. */
export const BundleEventSchema = z.object({
  source: SourceKeySchema,
  environment: EnvKeySchema,
  receivedAt: z.number().int(),
  method: z.string().min(1).max(16),
  query: z.string().default(''),
  headers: z.array(z.tuple([z.string(), z.string()])),
  body: z.string(),
  bodyEncoding: z.enum(['utf8', 'base64']).default('utf8'),
  /**
   * Redaction changed this event's headers, query or body (its signature no longer matches: replay
   * re-signs it). Absent in bundles written before it existed: the bundle's `redacted` stands for it.
   */
  redacted: z.boolean().optional(),
});

/** Secret values, encrypted with a key derived from the passphrase (scrypt, then AES-256-GCM). */
export const SealedSchema = z.object({
  cipher: z.literal('aes-256-gcm'),
  /** scrypt's cost (N), block size (r) and parallelization (p). */
  kdf: z.object({ name: z.literal('scrypt'), cost: z.number().int(), blockSize: z.number().int(), parallelization: z.number().int(), salt: z.string() }),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});

export const BundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  exportedAt: z.number().int(),
  inletVersion: z.string().default('unknown'),
  environments: z.array(z.object({ key: EnvKeySchema, name: z.string() })).default([]),
  sources: z.array(BundleSourceSchema).default([]),
  workflows: z.array(BundleWorkflowSchema).default([]),
  destinations: z.array(BundleDestinationSchema).default([]),
  fixtures: z.array(BundleFixtureSchema).default([]),
  events: z.array(BundleEventSchema).default([]),
  /** Redaction rules were applied to the file; which events they changed each event says (older files: all of them). */
  redacted: z.boolean().default(false),
  sealed: SealedSchema.optional(),
  /** Optional: a snapshot of each environment's workspace (left out of bundles written before it existed). */
  workspace: z.array(BundleWorkspaceSchema).optional(),
});
export type Bundle = z.output<typeof BundleSchema>;
export type BundleInput = z.input<typeof BundleSchema>;

/** What `sealed` holds once opened: per source key and environment, and per destination index. */
export const OpenedSecretsSchema = z.object({
  sources: z.record(z.string(), z.record(z.string(), z.object({
    secrets: z.array(z.object({ label: z.string(), value: z.string() })),
    vars: z.record(z.string(), z.string()),
  }))),
  destinations: z.record(z.string(), z.string()),
});
export type OpenedSecrets = z.output<typeof OpenedSecretsSchema>;

/** A bundle or a version-1 configuration file, upgraded to a bundle (its plain secrets stay in its settings). */
export const AnyBundleSchema = z.union([BundleSchema, ExportFileSchema.transform((v1): Bundle => ({
  ...v1, format: BUNDLE_FORMAT, version: BUNDLE_VERSION, inletVersion: 'unknown', destinations: [], fixtures: [], events: [], redacted: false,
}))]);

/** `sources[1].mappings[0].params.workflow`: the form people read paths in. */
export const bracketPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');

/**
 * Reads a file's parsed JSON as a bundle. A file that says it is a bundle is checked as one (not
 * against every format), so each issue names its field, e.g. `sources[1].mappings[0].eventType: Required`.
 */
export function readBundle(json: unknown): { ok: true; bundle: Bundle } | { ok: false; issues: Array<{ path: Array<string | number>; message: string }> } {
  const format = typeof json === 'object' && json !== null && 'format' in json ? json.format : undefined;
  const schema = format === 'inlet.config' ? AnyBundleSchema : format === BUNDLE_FORMAT ? BundleSchema : null;
  if (!schema) return { ok: false, issues: [{ path: ['format'], message: `not an Inlet bundle (expected "${BUNDLE_FORMAT}" or a version-1 "inlet.config" file)` }] };
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, bundle: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map((k) => (typeof k === 'number' ? k : String(k))), message: i.message })) };
}
