import { z } from 'zod';
import { LogExportPreviewSchema, LogExportRequestSchema, LogExportSummarySchema } from '../domain/log-export';

/**
 * Exports of the filtered log (issue #13): a preview of the first redacted items, and a save to a
 * file chosen in the desktop app's Save dialog. The headless host streams the same file from
 * `POST /api/exports/download`; the `inlet export` command writes it. Spread into `contract`.
 */
export const exportMethods = {
  'exports.preview': {
    summary: 'The first events of a log export as they will be written (redacted when rules are given), each with the list of values it replaces, and the header the file starts with.',
    input: LogExportRequestSchema.extend({ limit: z.number().int().min(1).max(50).default(5) }),
    output: LogExportPreviewSchema,
  },
  'exports.save': {
    changes: [],
    summary:
      'Writes the log export to a file, streaming (desktop app: the path comes from its Save dialog; not over HTTP, where `POST /api/exports/download` streams the file). Progress arrives as `exports.progress` with `exportId`.',
    input: LogExportRequestSchema.extend({
      path: z.string().min(1).max(4096).optional(),
      /** Names this export in its `exports.progress` push events. */
      exportId: z.string().min(1).max(100).optional(),
    }),
    /** `path` null: the Save dialog was cancelled and nothing was written. */
    output: z.object({ path: z.string().nullable(), summary: LogExportSummarySchema.nullable() }),
  },
} as const;
