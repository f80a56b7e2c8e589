import { ApiFailure } from '../../../shared/api/result';
import type { EventSummary, ReplayMode } from '../../../shared/domain/event';
import type { CoreContext } from '../context';
import type { IngestQueue } from '../receiver/ingest-queue';
import { parseRequest } from '../request/event-context';
import { summarize } from '../store/repos/events.repo';
import { newEvent } from '../judge/new-event';
import { hasActiveMappings } from './processor';
import { assessParts, routeFor } from '../judge/rejudge';

export interface ReplayOptions {
  mode: ReplayMode;
  respectIdempotency: boolean;
}

/**
 * Sends a logged request through the current configuration again. The replay is a new log entry
 * (linked to its original through `replayOf`) and is processed like any received event.
 */
export async function replayEvent(ctx: CoreContext, queue: IngestQueue, id: number, options: ReplayOptions): Promise<EventSummary> {
  // The request alone: a bulk replay reads thousands, and the original's outcome plays no part.
  const original = ctx.events.request(id);
  if (!original) throw new ApiFailure('not_found', `No event ${id}`);
  if (!original.sourceId || !original.environment) {
    throw new ApiFailure('conflict', `Event ${id} reached no source (unknown endpoint), so there is no configuration to replay it through`);
  }
  const route = routeFor(ctx, original.sourceId, original.environment);
  const now = ctx.clock.now();
  const asIs = options.mode === 'as_is';
  const request = parseRequest(original);
  // Ignoring verification means judging the signature as of the original arrival and never rejecting.
  const assessed = await assessParts(ctx.sandbox, route, request, asIs ? now : original.receivedAt, asIs);
  const disabled = asIs && !route.settings.enabled;
  const event = newEvent(
    { ...request, receivedAt: now, sourceId: original.sourceId, environment: original.environment, remoteAddress: null },
    {
      verification: assessed.verification,
      eventType: assessed.eventType,
      idempotencyKey: assessed.idempotencyKey,
      preprocess: assessed.preprocess,
      status: disabled ? 403 : assessed.status,
      error: disabled ? `This source is disabled in the ${original.environment} environment` : assessed.error,
      handshake: false,
    },
    { origin: 'replay', replayOf: id, mode: options.mode, dedupe: options.respectIdempotency, hasMappings: hasActiveMappings(ctx, original.sourceId, original.environment) },
  );
  return summarize(await queue.enqueue(event), event);
}
