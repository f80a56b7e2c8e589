import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { REDACTION_DETECTORS } from '../../../shared/domain/redaction';
import type { LogExportMeta, LogExportPreview, LogExportRequest, LogExportSummary } from '../../../shared/domain/log-export';
import type { CoreContext } from '../context';
import type { BundleWorkspace } from '../../../shared/domain/bundle-workspace';
import { redactWorkspaceValue } from '../bundles/redact-workspace';
import { exportWorkspace } from '../bundles/workspace-snapshot';
import { createRedactor, type Redactor } from '../redaction';
import { toExportItem, type ExportItem } from './export-item';
import { bundleTail, formatWriter } from './formats';

/** Events read per page: an export holds one page, whatever the log's size. */
export const EXPORT_PAGE_SIZE = 200;
/** Counting for the progress total stops here; past it the total reads as "at least". */
const COUNT_CAP = 10_000_000;

export interface ExportRunOptions {
  pageSize?: number;
  onProgress?(done: number, total: number): void;
  /** Aborted (the download was closed, the user cancelled): stops at the next page. */
  signal?: AbortSignal;
  /** False leaves the stream open (stdout); default true. */
  end?: boolean;
}

type Ctx = Pick<CoreContext, 'events' | 'sources' | 'clock' | 'info' | 'environments' | 'db'>;

export function exportMeta(ctx: Pick<CoreContext, 'sources' | 'clock' | 'info'>, request: LogExportRequest): LogExportMeta {
  const source = request.filter.sourceId ? ctx.sources.get(request.filter.sourceId) : undefined;
  const rules = request.redaction;
  return {
    format: request.format,
    inletVersion: ctx.info.version,
    exportedAt: new Date(ctx.clock.now()).toISOString(),
    source: source ? { id: source.id, key: source.key, name: source.name } : null,
    environment: request.filter.environment ?? null,
    filters: request.filter,
    redaction: rules ? { detectors: REDACTION_DETECTORS.filter((d) => rules.detectors[d]), rules: rules.rules.length } : null,
  };
}

/** The export's items, a page at a time: each page read, converted and redacted, then let go. */
function* itemPages(ctx: Ctx, request: LogExportRequest, pageSize: number, redactor: Redactor | null): Generator<ExportItem[]> {
  const keys = new Map<string, string | null>();
  const keyOf = (id: string | null) => {
    if (id === null) return null;
    if (!keys.has(id)) keys.set(id, ctx.sources.get(id)?.key ?? null);
    return keys.get(id) ?? null;
  };
  for (const page of ctx.events.requestPages(request.filter, pageSize)) {
    const items = page.map((e) => toExportItem(e, keyOf(e.sourceId), redactor));
    // A bundle names each event's source and environment; a request to an unknown endpoint has neither.
    yield request.format === 'bundle' ? items.filter((i) => i.sourceKey !== null && i.environment !== null) : items;
  }
}

/** The workspace snapshot a bundle slice carries: the filter's environment, else every one; its redactions counted in `summary`. */
function workspaceOf(ctx: Ctx, request: LogExportRequest, redactor: Redactor | null, summary: LogExportSummary): BundleWorkspace[] {
  const environments = request.filter.environment ? [request.filter.environment] : ctx.environments.list().map((e) => e.key);
  const redact = redactor ? redactWorkspaceValue(redactor, (changes) => (summary.changes += changes.length)) : undefined;
  return exportWorkspace(ctx, environments, redact);
}

/**
 * Writes the filtered log to a stream in the chosen format, page by page, waiting for the stream
 * to drain: memory stays at one page however many events match.
 */
export async function exportLog(ctx: Ctx, request: LogExportRequest, out: Writable, options: ExportRunOptions = {}): Promise<LogExportSummary> {
  const writer = formatWriter(request.format, exportMeta(ctx, request), ctx.info.receiverUrl());
  // One redactor for the whole file: an email gets the same placeholder in the events and in the workspace.
  const redactor = request.redaction ? createRedactor(request.redaction) : null;
  const total = options.onProgress ? ctx.events.countMatching(request.filter, COUNT_CAP).count : 0;
  const summary: LogExportSummary = { count: 0, redactedEvents: 0, changes: 0, bytes: 0 };
  const write = async (text: string) => {
    if (text === '') return;
    if (out.destroyed) throw new Error('The export was closed before it finished.');
    summary.bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain', options.signal ? { signal: options.signal } : {});
  };
  await write(writer.head);
  for (const items of itemPages(ctx, request, options.pageSize ?? EXPORT_PAGE_SIZE, redactor)) {
    options.signal?.throwIfAborted();
    let text = '';
    for (const item of items) {
      text += writer.item(item, summary.count === 0);
      summary.count += 1;
      summary.changes += item.changes.length;
      if (item.redacted) summary.redactedEvents += 1;
    }
    await write(text);
    options.onProgress?.(summary.count, Math.max(total, summary.count));
    // Other requests (the receiver, the UI) get their turn between pages.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await write(request.format === 'bundle' && request.workspace === true ? bundleTail(workspaceOf(ctx, request, redactor, summary)) : writer.tail);
  if (options.end !== false) {
    out.end();
    await once(out, 'finish');
  }
  return summary;
}

/** The file's header and its first items as they will be written, with each redaction, for a look before saving. */
export function previewExport(ctx: Ctx, request: LogExportRequest, limit: number): LogExportPreview {
  const writer = formatWriter(request.format, exportMeta(ctx, request), ctx.info.receiverUrl());
  const items: LogExportPreview['items'] = [];
  for (const page of itemPages(ctx, request, limit, request.redaction ? createRedactor(request.redaction) : null)) {
    for (const item of page.slice(0, limit - items.length)) {
      items.push({ id: item.id, eventType: item.eventType, text: writer.item(item, items.length === 0), changes: item.changes });
    }
    if (items.length >= limit) break;
  }
  const { count, capped } = ctx.events.countMatching(request.filter, 100_000);
  return { header: writer.head, items, total: count, capped };
}
