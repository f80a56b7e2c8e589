import { ApiFailure } from '../../../shared/api/result';
import type { EventSummary } from '../../../shared/domain/event';
import type { CoreContext } from '../context';
import type { IngestQueue } from '../receiver/ingest-queue';
import { parseBody } from '../request/parse-body';
import { initialProcessing, summarize, type NewEvent } from '../store/repos/events.repo';
import { hasActiveMappings } from './processor';
import { assessParts, routeFor } from '../judge/rejudge';

export interface ReplayOptions {
  mode: 'as_is' | 'ignore_verification';
  respectIdempotency: boolean;
}

/**
 * Sends a logged request through the current configuration again. The replay is a new log entry
 * (linked to its original through `replayOf`) and is processed like any received event.
 */
export async function replayEvent(ctx: CoreContext, queue: IngestQueue, id: number, options: ReplayOptions): Promise<EventSummary> {
  const original = ctx.events.get(id);
  if (!original) throw new ApiFailure('not_found', `No event ${id}`);
  if (!original.sourceId || !original.environment) {
    throw new ApiFailure('conflict', `Event ${id} reached no source (unknown endpoint), so there is no configuration to replay it through`);
  }
  const route = routeFor(ctx, original.sourceId, original.environment);
  const now = ctx.clock.now();
  const asIs = options.mode === 'as_is';
  // Ignoring verification means judging the signature as of the original arrival and never rejecting.
  const assessed = await assessParts(ctx.sandbox, route, original, asIs ? now : original.receivedAt, asIs);
  const disabled = asIs && !route.settings.enabled;
  const status = disabled ? 403 : assessed.status;
  const event: NewEvent = {
    receivedAt: now,
    sourceId: original.sourceId,
    environment: original.environment,
    method: original.method,
    path: original.path,
    query: original.query,
    headers: original.headers,
    contentType: original.contentType,
    body: original.body,
    parseError: parseBody(original.contentType, original.body).parseError,
    eventType: assessed.eventType,
    idempotencyKey: assessed.idempotencyKey,
    verification: assessed.verification,
    responseStatus: status,
    error: disabled ? `This source is disabled in the ${original.environment} environment` : assessed.error,
    remoteAddress: null,
    ...initialProcessing(status < 300, hasActiveMappings(ctx, original.sourceId, original.environment)),
    replayOf: id,
    replayMode: options.mode,
    origin: 'replay',
    dedupe: options.respectIdempotency,
    preprocessOutput: assessed.preprocess,
  };
  return summarize(await queue.enqueue(event), event);
}
