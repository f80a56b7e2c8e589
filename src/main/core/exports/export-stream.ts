import type { Writable } from 'node:stream';
import { z } from 'zod';
import { fail, ok, summarizeIssues, toApiIssues, type ApiResult } from '../../../shared/api/result';
import { LOG_EXPORT_FILES, LogExportRequestSchema, type LogExportSummary } from '../../../shared/domain/log-export';
import type { CoreContext } from '../context';
import { exportLog, exportMeta } from './export-log';

const StreamInputSchema = LogExportRequestSchema.extend({ exportId: z.string().min(1).max(100).optional() });

export interface ExportStreamOptions {
  /** Called once the input is valid, before the first byte: a download sets its headers here. */
  onStart?(file: { contentType: string; fileName: string }): void;
  signal?: AbortSignal;
  end?: boolean;
}

/** A log export streamed to a writable; the input is checked as the contract checks `exports.save`. */
export type ExportStream = (input: unknown, out: Writable, options?: ExportStreamOptions) => Promise<ApiResult<LogExportSummary>>;

/** `inlet-stripe-development-2026-05-01T101500.har` */
export function exportFileName(ctx: Pick<CoreContext, 'sources' | 'clock' | 'info' | 'events'>, input: z.output<typeof LogExportRequestSchema>): string {
  const meta = exportMeta(ctx, input);
  const parts = ['inlet', meta.source?.key ?? 'log', meta.environment, meta.exportedAt.slice(0, 19).replace(/:/g, '')].filter(Boolean);
  return `${parts.join('-')}.${LOG_EXPORT_FILES[input.format].extension}`;
}

export async function exportToStream(ctx: CoreContext, input: unknown, out: Writable, options: ExportStreamOptions = {}): Promise<ApiResult<LogExportSummary>> {
  const parsed = StreamInputSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const issues = toApiIssues(parsed.error.issues);
    return fail('invalid_input', summarizeIssues(issues), issues);
  }
  const { exportId, ...request } = parsed.data;
  options.onStart?.({ contentType: LOG_EXPORT_FILES[request.format].contentType, fileName: exportFileName(ctx, request) });
  try {
    const summary = await exportLog(ctx, request, out, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.end === undefined ? {} : { end: options.end }),
      ...(exportId ? { onProgress: (done: number, total: number) => ctx.emit('exports.progress', { exportId, done, total, state: 'running' }) } : {}),
    });
    if (exportId) ctx.emit('exports.progress', { exportId, done: summary.count, total: summary.count, state: 'finished' });
    return ok(summary);
  } catch (error) {
    if (exportId) ctx.emit('exports.progress', { exportId, done: 0, total: 0, state: 'failed' });
    return fail('internal', error instanceof Error ? error.message : String(error));
  }
}
