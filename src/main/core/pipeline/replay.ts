import { ApiFailure } from '../../../shared/api/result';
import type { EventSummary, ReplayMode } from '../../../shared/domain/event';
import type { CoreContext } from '../context';
import type { IngestQueue } from '../receiver/ingest-queue';
import { parseRequest } from '../request/event-context';
import { summarize, type LoggedRequest } from '../store/repos/events.repo';
import { newEvent } from '../judge/new-event';
import { hasActiveMappings } from './processor';
import { assessParts, routeFor } from '../judge/rejudge';
import { resolveMode } from './replay-options';
import { applyEdit, resignFor, resignPlanFor, type ReplayEdit, type ResignPlan } from './replay-request';
import type { Route } from '../judge/routes';

export interface ReplayOptions {
  /** Absent: Inlet's default for each event (re-signed when older than its scheme's tolerance). */
  mode?: ReplayMode | undefined;
  respectIdempotency: boolean;
  /** Replaces parts of the logged request before it is replayed (one event at a time). */
  edit?: ReplayEdit | undefined;
}

/**
 * Sends a logged request through the current configuration again. The replay is a new log entry
 * (linked to its original through `replayOf`) and is processed like any received event. Re-signed,
 * it is signed afresh as its provider would and then verified like a received request.
 */
export async function replayEvent(ctx: CoreContext, queue: IngestQueue, id: number, options: ReplayOptions, chunk?: ReplayChunk): Promise<EventSummary> {
  // The request alone: a bulk replay reads thousands, and the original's outcome plays no part.
  const original = chunk ? chunk.original(id) : ctx.events.request(id);
  if (!original) throw new ApiFailure('not_found', `No event ${id}`);
  if (!original.sourceId || !original.environment) {
    throw new ApiFailure('conflict', `Event ${id} reached no source (unknown endpoint), so there is no configuration to replay it through`);
  }
  const { route, plan, hasMappings } = (chunk ?? oneOff(ctx)).target(original.sourceId, original.environment);
  const { request: changed, edited } = applyEdit(original, options.edit);
  const mode = resolveMode(ctx, route, plan, original, options.mode, edited);
  const now = ctx.clock.now();
  const enforced = mode !== 'ignore_verification';
  let sent = changed;
  if (mode === 'resign') {
    try {
      sent = resignFor(plan, changed, now);
    } catch (error) {
      throw new ApiFailure('invalid_input', `The ${original.environment} secret can't re-sign event ${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const request = parseRequest(sent);
  // Ignoring verification means judging the signature as of the original arrival and never rejecting.
  const assessed = await assessParts(ctx.sandbox, route, request, enforced ? now : original.receivedAt, enforced);
  const disabled = enforced && !route.settings.enabled;
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
    {
      origin: 'replay', replayOf: id, mode, edited, dedupe: options.respectIdempotency, hasMappings,
      // Sent with its redacted bytes and old signature, the replay can't verify either: its own replay re-signs too.
      redacted: original.redacted === true && mode !== 'resign',
    },
  );
  return summarize(await queue.enqueue(event), event);
}

interface ReplayTarget {
  route: Route;
  plan: ResignPlan;
  hasMappings: boolean;
}

/**
 * What a bulk replay reads once for a chunk instead of once per event: the originals (in one read
 * transaction rather than one per event) and, per source and environment, the route, re-signing
 * plan and whether mappings are active. Built and used in the same event-loop turn as the chunk's
 * replays start, so each is judged by the configuration of that moment, as one at a time would be.
 */
export interface ReplayChunk {
  original(id: number): LoggedRequest | undefined;
  target(sourceId: string, environment: string): ReplayTarget;
}

function targetOf(ctx: CoreContext, sourceId: string, environment: string): ReplayTarget {
  const route = routeFor(ctx, sourceId, environment);
  return { route, plan: resignPlanFor(ctx, route), hasMappings: hasActiveMappings(ctx, sourceId, environment) };
}

const oneOff = (ctx: CoreContext): Pick<ReplayChunk, 'target'> => ({ target: (sourceId, environment) => targetOf(ctx, sourceId, environment) });

export function replayChunk(ctx: CoreContext, ids: readonly number[]): ReplayChunk {
  const originals = ctx.db.transaction(() => new Map(ids.map((id) => [id, ctx.events.request(id)])))();
  const targets = new Map<string, ReplayTarget>();
  return {
    original: (id) => originals.get(id),
    target(sourceId, environment) {
      const key = `${sourceId}\u0000${environment}`;
      let known = targets.get(key);
      if (!known) targets.set(key, (known = targetOf(ctx, sourceId, environment)));
      return known;
    },
  };
}
