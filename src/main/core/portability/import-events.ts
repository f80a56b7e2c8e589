import type { z } from 'zod';
import type { ImportedRequestSchema } from '../../../shared/domain/export';
import type { CoreContext } from '../context';
import { assessParts, routeFor } from '../judge/rejudge';
import type { IngestQueue } from '../receiver/ingest-queue';
import { parseRequest } from '../request/event-context';
import { newEvent } from '../judge/new-event';

type ImportedRequest = z.output<typeof ImportedRequestSchema>;

/**
 * Puts captured requests into the log of a source and environment, as they would be judged now,
 * without running their mappings: a support engineer replays them (usually ignoring verification)
 * through the current configuration.
 */
export async function importEvents(
  ctx: CoreContext,
  queue: IngestQueue,
  input: { sourceId: string; environment: string; items: ImportedRequest[] },
): Promise<number[]> {
  const route = routeFor(ctx, input.sourceId, input.environment);
  const token = route.settings.endpointToken;
  return Promise.all(
    input.items.map(async (item) => {
      const headers = Object.entries(item.headers).map(([k, v]) => [k.toLowerCase(), v] as [string, string]);
      const contentType = headers.find(([k]) => k === 'content-type')?.[1] ?? null;
      const request = parseRequest({ method: item.method, path: `/in/${token}`, query: item.query, headers, contentType, body: Buffer.from(item.body, item.bodyEncoding) });
      const assessed = await assessParts(ctx.sandbox, route, request, ctx.clock.now(), false);
      const event = newEvent(
        { ...request, receivedAt: ctx.clock.now(), sourceId: input.sourceId, environment: input.environment, remoteAddress: null },
        { ...assessed, handshake: false },
        { origin: 'import' },
      );
      return queue.enqueue(event);
    }),
  );
}
