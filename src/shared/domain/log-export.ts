import { z } from 'zod';
import { EventFilterSchema } from './event';
import { RedactionChangeSchema, RedactionRulesSchema } from './redaction';

/**
 * The log written as a file (issue #13): Inlet capture lines (JSON Lines), HAR 1.2, a `.http` file
 * for editors that run requests, or a bundle holding only the log slice.
 */
export const LOG_EXPORT_FORMATS = ['jsonl', 'har', 'http', 'bundle'] as const;
export const LogExportFormatSchema = z.enum(LOG_EXPORT_FORMATS);
export type LogExportFormat = z.infer<typeof LogExportFormatSchema>;

export const LOG_EXPORT_FILES: Record<LogExportFormat, { extension: string; contentType: string; label: string }> = {
  jsonl: { extension: 'jsonl', contentType: 'application/x-ndjson; charset=utf-8', label: 'JSON Lines (Inlet captures, re-importable)' },
  har: { extension: 'har', contentType: 'application/json; charset=utf-8', label: 'HAR 1.2 (browser devtools, proxies)' },
  http: { extension: 'http', contentType: 'text/plain; charset=utf-8', label: '.http (VS Code REST Client, JetBrains)' },
  bundle: { extension: 'inlet-bundle.json', contentType: 'application/json; charset=utf-8', label: 'Inlet bundle (log slice)' },
};

export const LogExportRequestSchema = z.object({
  /** The log's filter, as `events.list` takes it. */
  filter: EventFilterSchema.default({}),
  format: LogExportFormatSchema,
  /** Absent: nothing is redacted and the bytes are as logged. */
  redaction: RedactionRulesSchema.optional(),
  /**
   * Bundle format only (others ignore it): add a snapshot of the filter's environment's workspace
   * (of every environment without one), redacted with the events, as `bundles.export` does.
   */
  workspace: z.boolean().optional(),
});
export type LogExportRequest = z.output<typeof LogExportRequestSchema>;
export type LogExportRequestInput = z.input<typeof LogExportRequestSchema>;

/** What every export file says about itself first. */
export const LogExportMetaSchema = z.object({
  format: LogExportFormatSchema,
  inletVersion: z.string(),
  exportedAt: z.string(),
  source: z.object({ id: z.string(), key: z.string(), name: z.string() }).nullable(),
  environment: z.string().nullable(),
  filters: EventFilterSchema,
  /** Which detectors were on and how many user rules applied; null when nothing was redacted. */
  redaction: z.object({ detectors: z.array(z.string()), rules: z.number().int() }).nullable(),
});
export type LogExportMeta = z.infer<typeof LogExportMetaSchema>;

export const LogExportSummarySchema = z.object({
  count: z.number().int(),
  /** Events with at least one value redacted (their signatures no longer match: replay re-signs them). */
  redactedEvents: z.number().int(),
  changes: z.number().int(),
  bytes: z.number().int(),
});
export type LogExportSummary = z.infer<typeof LogExportSummarySchema>;

export const LogExportPreviewSchema = z.object({
  /** The file's first lines: the metadata header as the format writes it. */
  header: z.string(),
  items: z.array(z.object({ id: z.number().int(), eventType: z.string().nullable(), text: z.string(), changes: z.array(RedactionChangeSchema) })),
  /** Matching events (counting stops at a cap). */
  total: z.number().int(),
  capped: z.boolean(),
});
export type LogExportPreview = z.infer<typeof LogExportPreviewSchema>;
