import type { z } from 'zod';
import type { ImportedRequestSchema } from '../../../shared/domain/export';
import type { CoreContext } from '../context';
import { assessParts, routeFor } from '../judge/rejudge';
import type { IngestQueue } from '../receiver/ingest-queue';
import { parseRequest } from '../request/event-context';
import { newEvent } from '../judge/new-event';

type ImportedRequest = z.output<typeof ImportedRequestSchema>;

/**
 * A request to import; `unsigned` when it was made up from a payload that never had a signature,
 * `redacted` when a redacting export changed it (its signature can't match its bytes any more).
 */
export type ImportItem = ImportedRequest & { unsigned?: boolean; redacted?: boolean };

/** Said on an unsigned import whose verification fails, so the log tells why and what to do. */
export const UNSIGNED_NOTE = 'Imported without a signature (made from the event payload): replay it re-signed or ignoring verification.';

/** Said on a redacted import whose verification fails: the failure is expected, and replay re-signs it. */
export const REDACTED_NOTE = 'Imported from a redacted export: its body changed after it was signed, so its signature no longer matches; a replay re-signs it.';

/**
 * Puts captured requests into the log of a source and environment, as they would be judged now,
 * without running their mappings: a support engineer replays them (usually ignoring verification)
 * through the current configuration.
 */
export async function importEvents(ctx: CoreContext, queue: IngestQueue, input: { sourceId: string; environment: string; items: readonly ImportItem[] }): Promise<number[]> {
  const route = routeFor(ctx, input.sourceId, input.environment);
  const token = route.settings.endpointToken;
  return Promise.all(
    input.items.map(async (item) => {
      const headers = Object.entries(item.headers).map(([k, v]) => [k.toLowerCase(), v] as [string, string]);
      const contentType = headers.find(([k]) => k === 'content-type')?.[1] ?? null;
      const request = parseRequest({ method: item.method, path: `/in/${token}`, query: item.query, headers, contentType, body: Buffer.from(item.body, item.bodyEncoding) });
      const assessed = await assessParts(ctx.sandbox, route, request, ctx.clock.now(), false);
      const failed = assessed.verification.status === 'failed';
      const note = failed && item.unsigned ? UNSIGNED_NOTE : failed && item.redacted ? REDACTED_NOTE : null;
      const event = newEvent(
        { ...request, receivedAt: ctx.clock.now(), sourceId: input.sourceId, environment: input.environment, remoteAddress: null },
        { ...assessed, error: assessed.error ?? note, handshake: false },
        { origin: 'import', ...(item.redacted ? { redacted: true } : {}) },
      );
      return queue.enqueue(event);
    }),
  );
}
