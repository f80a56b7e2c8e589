import type { Bundle } from '../../../shared/domain/bundle';
import type { CoreContext } from '../context';
import { newEvent } from '../judge/new-event';
import { assessParts, routeFor } from '../judge/rejudge';
import type { IngestQueue } from '../receiver/ingest-queue';
import { parseRequest } from '../request/event-context';

/**
 * A bundle's log slice into the log as imported captures: each keeps the time it was received,
 * is judged by the configuration here now, and is not mapped until replayed. An event redaction
 * changed is marked redacted, so its replay re-signs it by default; `redacted` (the bundle's own
 * mark) stands for events that don't say, as in bundles written before events did.
 */
export async function importBundleEvents(ctx: CoreContext, queue: IngestQueue, events: Bundle['events'], sourceIds: ReadonlyMap<string, string>, redacted = false): Promise<number[]> {
  const judged = [];
  for (const e of events) {
    const sourceId = sourceIds.get(e.source);
    if (!sourceId) continue;
    const route = routeFor(ctx, sourceId, e.environment);
    const headers = e.headers.map(([k, v]) => [k.toLowerCase(), v] as [string, string]);
    const contentType = headers.find(([k]) => k === 'content-type')?.[1] ?? null;
    const request = parseRequest({ method: e.method, path: `/in/${route.settings.endpointToken}`, query: e.query, headers, contentType, body: Buffer.from(e.body, e.bodyEncoding) });
    const assessed = await assessParts(ctx.sandbox, route, request, ctx.clock.now(), false);
    judged.push(newEvent({ ...request, receivedAt: e.receivedAt, sourceId, environment: e.environment, remoteAddress: null }, { ...assessed, handshake: false }, { origin: 'import', redacted: e.redacted ?? redacted }));
  }
  // Queued together, so the writer commits them in batches rather than one transaction each.
  return Promise.all(judged.map((event) => queue.enqueue(event)));
}
