import { createReadStream } from 'node:fs';
import { ApiFailure } from '../../../shared/api/result';
import type { CapturePreview } from '../../../shared/api/contract-captures';
import type { CoreContext } from '../context';
import { assessParts } from '../judge/rejudge';
import type { Route } from '../judge/routes';
import { parseRequest } from '../request/event-context';
import { errorText, FORMAT_NAMES, whereText, type CaptureEntry, type CaptureFormat, type CaptureRequest, type Chunks } from './entry';
import { readCaptures } from './read-captures';

/** Skipped entries and errors listed by place; the counts cover them all. */
const MAX_LISTED = 200;
/** How many previewed requests are judged by the source's settings (a script runs for each). */
const MAX_JUDGED = 50;

export interface PreviewInput {
  sourceId?: string | undefined;
  environment?: string | undefined;
  format?: CaptureFormat | undefined;
  text?: string | undefined;
  path?: string | undefined;
  partial: boolean;
  limit: number;
}

/**
 * Reads captured requests without writing anything: the format, the first `limit` requests (with
 * the event type and signature verdict the source would give them now), what is skipped and what
 * is wrong, by line or entry. Reads to the end to count, holding only what it lists.
 */
export async function previewCaptures(ctx: CoreContext, input: PreviewInput): Promise<CapturePreview> {
  const route = (input.sourceId && input.environment ? ctx.routes.forSource(input.sourceId, input.environment) : null) ?? null;
  const chunks: Chunks = input.path !== undefined ? fileText(input.path) : [input.text ?? ''];
  let started;
  try {
    started = await readCaptures(chunks, input.format);
  } catch (error) {
    throw new ApiFailure('invalid_input', `Can't read ${input.path ?? 'the text'}: ${errorText(error)}`);
  }
  if (!started.ok) throw new ApiFailure('invalid_input', started.error);
  const preview: CapturePreview = { format: started.format, formatName: FORMAT_NAMES[started.format], requests: [], skipped: [], errors: [], counts: { requests: 0, skipped: 0, errors: 0 }, complete: true };
  let ordinal = 0;
  let last: { entry: CaptureEntry; ordinal: number } | null = null;
  for await (const entry of started.entries) {
    ordinal += 1;
    if (entry.kind === 'request') {
      preview.counts.requests += 1;
      if (preview.requests.length < input.limit) preview.requests.push(await summarize(ctx, route, entry.request, ordinal, whereText(entry.at), preview.requests.length < MAX_JUDGED));
      else preview.complete = false;
    } else if (entry.kind === 'skipped') {
      preview.counts.skipped += 1;
      if (preview.skipped.length < MAX_LISTED) preview.skipped.push({ ordinal, where: whereText(entry.at), reason: entry.reason, ...(entry.method ? { method: entry.method } : {}), ...(entry.target ? { target: entry.target } : {}) });
    } else {
      preview.counts.errors += 1;
      if (preview.errors.length < MAX_LISTED) preview.errors.push({ ordinal, where: whereText(entry.at), error: entry.error });
    }
    last = { entry, ordinal };
  }
  // Only the start of a file was given: its last entry may just be cut off.
  if (input.partial) {
    preview.complete = false;
    if (last?.entry.kind === 'error') {
      preview.counts.errors -= 1;
      preview.errors = preview.errors.filter((e) => e.ordinal !== last.ordinal);
    }
  }
  return preview;
}

async function summarize(ctx: CoreContext, route: Route | null, r: CaptureRequest, ordinal: number, where: string, judge: boolean): Promise<CapturePreview['requests'][number]> {
  const body = Buffer.from(r.body, r.bodyEncoding);
  let eventType: string | null = null;
  let verification: CapturePreview['requests'][number]['verification'] = null;
  if (route && judge) {
    const headers = Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v] as [string, string]);
    const contentType = headers.find(([k]) => k === 'content-type')?.[1] ?? null;
    const request = parseRequest({ method: r.method, path: `/in/${route.settings.endpointToken}`, query: r.query, headers, contentType, body });
    try {
      const assessed = await assessParts(ctx.sandbox, route, request, ctx.clock.now(), false);
      eventType = assessed.eventType;
      verification = assessed.verification.status;
    } catch {
      // A script that fails says so at import; the preview shows the request without a verdict.
    }
  }
  return { ordinal, where, method: r.method, target: r.target, query: r.query, eventType, verification, bytes: body.length, capturedAt: r.capturedAt, unsigned: r.unsigned, redacted: r.redacted };
}

async function* fileText(path: string): AsyncGenerator<string> {
  yield* createReadStream(path, { encoding: 'utf8', highWaterMark: 1024 * 1024 }) as AsyncIterable<string>;
}
