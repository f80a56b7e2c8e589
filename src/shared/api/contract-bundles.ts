import { z } from 'zod';
import { BundleSchema } from '../domain/bundle';
import { BundleActionSchema, BundleImportReportSchema, BundlePreviewSchema } from '../domain/bundle-preview';
import { EnvKeySchema } from '../domain/environment';
import { EventFilterSchema } from '../domain/event';
import { RedactionChangeSchema, RedactionRulesSchema } from '../domain/redaction';

const Id = z.string().min(1);
const Passphrase = z.string().min(8, 'Use a passphrase of at least 8 characters').max(1024);
/** The file's parsed JSON: checked in the handler, so each problem names its field in the file. */
const AnyFile = z.unknown().describe('a bundle (`Bundle`) or a version-1 configuration file');
const ImportOptions = {
  file: AnyFile,
  /** Opens the sealed secrets; a wrong one refuses the import and writes nothing. */
  passphrase: z.string().max(1024).optional(),
};

/**
 * Bundles (issue #13): one file format for configuration, destinations, fixtures and a log slice;
 * the configuration export is a bundle with only its configuration part. Spread into `contract`.
 */
export const bundleMethods = {
  'bundles.export': {
    summary:
      'Writes a bundle of the chosen parts: environments, sources (settings and mappings), workflows, destinations, fixtures and a slice of the log (newest `max` matching events, as captures). Endpoint tokens never leave; secret values only sealed with `passphrase` (scrypt + AES-256-GCM). With `workspace`, a snapshot of each environment\'s workspace (users with channel data and preferences, objects, tenants, subscriptions, audiences; not workflow runs). With `redaction`, fixtures, events and the snapshot are redacted consistently across the file.',
    input: z.object({
      sourceIds: z.array(Id).optional(),
      environments: z.array(EnvKeySchema).optional(),
      mappings: z.boolean().default(true),
      workflows: z.boolean().default(true),
      destinations: z.boolean().default(true),
      fixtures: z.boolean().default(true),
      events: z.object({ filter: EventFilterSchema.omit({ sourceId: true, environment: true }).default({}), max: z.number().int().min(1).max(50_000).default(1000) }).optional(),
      passphrase: Passphrase.optional(),
      redaction: RedactionRulesSchema.optional(),
      /** Each carried environment's workspace (users, objects, tenants, subscriptions, audiences), redacted with the rest. */
      workspace: z.boolean().default(false),
    }),
    output: z.object({
      bundle: BundleSchema,
      /** What redaction changed: the count and the first changes, to review before saving. */
      redactions: z.object({ count: z.number().int(), first: z.array(RedactionChangeSchema) }),
    }),
  },
  'bundles.preview': {
    summary:
      'Reads a bundle (or version-1 configuration file) and says what importing it would do here, item by item: created, or — when the key is taken — renamed, replaced or skipped (the choices each item allows). A workspace snapshot is one item per environment, plus one per kind (users, objects, tenants, subscriptions) whose keys are taken here, to replace or skip (never rename: an id is what the rest refers to). Writes nothing. A file that is not a valid bundle is refused naming the field, e.g. `sources[1].mappings[0].actionType`.',
    input: z.object({ file: AnyFile, onConflict: z.enum(['skip', 'rename', 'replace']).default('skip') }),
    output: BundlePreviewSchema,
  },
  'bundles.import': {
    changes: ['environments', 'sources', 'mappings', 'workflows', 'destinations', 'fixtures'],
    summary:
      'Imports a bundle with a choice per item (`choices`: preview `ref` → create, rename, replace or skip; others take `onConflict`). The configuration goes in one transaction; scripts arrive off until approved (`sources.approveScript`); sources get new URLs unless replacing one; the log slice is added as imported captures (replay them to run the mappings).',
    input: z.object({ ...ImportOptions, choices: z.record(z.string(), BundleActionSchema).default({}), onConflict: z.enum(['skip', 'rename', 'replace']).default('skip') }),
    output: BundleImportReportSchema,
  },
  'config.export': {
    summary:
      'The configuration part of a bundle: environments, workflows, and sources with settings and mappings. Endpoint tokens never leave; secret values only sealed with `passphrase`.',
    input: z.object({ sourceIds: z.array(Id).optional(), passphrase: Passphrase.optional() }),
    output: BundleSchema,
  },
  'config.import': {
    changes: ['environments', 'sources', 'mappings', 'workflows'],
    summary:
      'Applies the configuration of a bundle or version-1 file in one transaction: sources get new URLs, scripts arrive off until approved (`sources.approveScript`), invalid mappings are reported and left out; a taken key is skipped or renamed.',
    input: z.object({ ...ImportOptions, onConflict: z.enum(['skip', 'rename']).default('skip') }),
    output: BundleImportReportSchema,
  },
} as const;
