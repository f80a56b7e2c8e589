import type { DeliveryStatus } from '../../../shared/domain/destination';
import type { CoreContext } from '../context';
import type { NewEvent } from '../store/repos/events.repo';
import { createAnswerWaiters } from './answer-waiters';
import { createAttemptRecorder, RECORD_BATCH_MS } from './attempt-recorder';
import { buildRequest, type OutgoingRequest } from './build-request';
import { createDeliveriesRepo, type ClaimedDelivery, type DeliveryRow } from './deliveries-repo';
import { createDestinationCache } from './destination-cache';
import { createDestinationsRepo, type DestinationRecord } from './destinations-repo';
import { createHoldControl } from './hold';
import { createAgentPool, httpSender, probeUrl, type Sender, type SendResult } from './http-sender';
import { createIngestGauge, TRICKLE_MS } from './ingest-gauge';
import { createDeliveryQueue, OUTBOX_CHUNK, realTimers, type DestState, type Timers } from './delivery-queue';
import { judgeAttempt, nextAttemptAt } from './retry-policy';
import { resignInput } from './resign';

export interface DeliveryServiceOptions {
  sender?: Sender;
  probe?: (url: string) => Promise<boolean>;
  timers?: Timers;
  /** Jitter source (0–1); tests pass () => 0. */
  random?: () => number;
  /** How often a destination held because its app was down is probed (default 1 s). */
  probeIntervalMs?: number;
}

export type { Timers } from './delivery-queue';

type Deps = Pick<CoreContext, 'db' | 'events' | 'routes' | 'secretStore' | 'clock' | 'logger' | 'emit' | 'testDelivery'>;

/**
 * Forwarding: delivery rows are written in the event's own transaction (`enqueueFor`), then run
 * from the database after the sender got its answer. Per destination: at most `concurrency` at
 * once (one when `ordered`, in id order), retries on the destination's schedule, held while paused
 * or while its app refuses connections. At least once: an attempt that was sent but not recorded
 * (a crash in between) is sent again with the same `X-Inlet-Event-Id`.
 */
export function createDeliveryService(deps: Deps, options: DeliveryServiceOptions = {}) {
  const { clock, logger } = deps;
  const sender = options.sender ?? httpSender;
  const timers = options.timers ?? realTimers;
  const random = options.random ?? Math.random;
  const destinationsRepo = createDestinationsRepo(deps.db);
  const repo = createDeliveriesRepo(deps.db);
  const cache = createDestinationCache(destinationsRepo);
  const waiters = createAnswerWaiters();
  const agents = createAgentPool();
  const ingest = createIngestGauge();
  const recorder = createAttemptRecorder(repo, logger, () => (ingest.busy() ? TRICKLE_MS : RECORD_BATCH_MS));
  let stopped = false;
  const queue = createDeliveryQueue({ repo, cache, clock, timers, recorder, ingest, onGone: (id) => agents.release(id), start });
  const { stateOf } = queue;

  const hold = createHoldControl({
    repo: destinationsRepo,
    cache,
    clock,
    timers,
    probe: options.probe ?? ((url) => probeUrl(url)),
    probeIntervalMs: options.probeIntervalMs ?? 1_000,
    heldCount: (id) => (cache.get(id) ? repo.pendingCount(id) : 0),
    onStatus: (d, health, startedFailing, error) => {
      if (health === 'held') agents.release(d.id);
      publishStatus(d, health, startedFailing, error);
    },
    onReleased: (id, ratePerSecond) => {
      stateOf(id).rate = ratePerSecond ? { intervalMs: 1000 / ratePerSecond, nextStartAt: 0 } : null;
      queue.activate(id);
      queue.schedulePump();
    },
    isStopped: () => stopped,
  });

  function publishStatus(d: DestinationRecord, health: ReturnType<typeof healthOf>, startedFailing: boolean, error: string | null) {
    const held = d.paused || d.autoHeldAt !== null ? repo.pendingCount(d.id) : 0;
    deps.emit('destinations.status', { id: d.id, sourceId: d.sourceId, environment: d.environment, name: d.name, health, held, startedFailing, error });
  }

  function healthOf(d: DestinationRecord): 'ok' | 'failing' | 'held' | 'disabled' | 'idle' {
    if (!d.enabled) return 'disabled';
    if (d.paused || d.autoHeldAt !== null) return 'held';
    return stateOf(d.id).health;
  }

  function start(row: ClaimedDelivery, d: DestinationRecord, st: DestState) {
    st.inflight.add(row.id);
    void attempt(row, d)
      .catch((error: unknown) => logger.error('a delivery attempt failed unexpectedly', { error: String(error), delivery: row.id }))
      .finally(() => {
        st.inflight.delete(row.id);
        queue.schedulePump();
      });
  }

  async function attempt(row: ClaimedDelivery, d: DestinationRecord) {
    const n = row.attempts + 1;
    // Just the logged request (read with the claim when small): the event's outcome is not needed to forward it.
    const event = row.request ?? deps.events.request(row.event_id);
    const startedAt = clock.now();
    let request: OutgoingRequest;
    try {
      if (!event) throw new Error(`event ${row.event_id} is no longer in the log`);
      request = buildRequest({
        event,
        destinationUrl: d.url,
        attempt: n,
        dropHeaders: [deps.testDelivery.header],
        ...(d.signing === 'resign' ? { resign: resignInput(deps, d, event.sourceId, event.environment, startedAt) } : {}),
      });
    } catch (error) {
      const message = `Not sent: ${error instanceof Error ? error.message : String(error)}`;
      const noRequest = { method: event?.method ?? '', url: d.url, headers: [], body: null };
      record(row, d, { n, startedAt, latencyMs: 0, request: noRequest, response: null, error: message }, 'failed', startedAt);
      waiters.finish(row.event_id, null);
      return;
    }
    const result = await sender(request, d.timeoutMs, agents.agentFor(d.id, request.url, d.ordered ? 1 : d.concurrency));
    if (stopped) return; // not recorded: sent again at the next start (at least once)
    const now = clock.now();
    const verdict = judgeAttempt({ status: result.status, retryAfter: result.headers['retry-after'] ?? null, failure: result.failure }, now);
    let status: DeliveryRow['status'] = 'pending';
    let nextAt = now;
    if (verdict.kind === 'delivered') status = 'delivered';
    else if (verdict.kind === 'final') status = 'failed';
    else if (verdict.kind === 'retry') {
      const at = nextAttemptAt(d.retrySchedule, n, now, verdict.notBeforeMs, random);
      if (at === null) status = 'failed';
      else nextAt = at;
    }
    // An ordered destination's next delivery waits for this one: read the queue again, in id order.
    if (status === 'pending' && d.ordered) stateOf(d.id).queue = [];
    const sentHeaders = request.headers.filter(([name]) => name !== 'content-length');
    const attemptLog = {
      n,
      startedAt,
      latencyMs: result.latencyMs,
      request: { method: request.method, url: request.url, headers: sentHeaders, body: request.resigned ? request.body.toString('utf8') : null },
      response: result.status === null ? null : { status: result.status, headers: result.headers, body: result.body, truncated: result.truncated },
      error: result.error ?? (verdict.kind === 'delivered' ? null : `the app answered ${result.status}`),
    };
    record(row, d, attemptLog, status, nextAt);
    waiters.finish(row.event_id, result.status === null ? null : result);
    const st = stateOf(d.id);
    const wasOk = st.health !== 'failing';
    st.health = verdict.kind === 'delivered' ? 'ok' : 'failing';
    if (verdict.kind === 'refused') hold.autoHold(d, attemptLog.error);
    else if (st.health === 'failing' && wasOk) publishStatus(d, 'failing', true, attemptLog.error);
    else if (st.health === 'ok' && !wasOk) publishStatus(d, 'ok', false, null);
  }

  /** Queued for the tick's transaction; the UI hears of it once it is committed. */
  function record(row: DeliveryRow, d: DestinationRecord, a: Parameters<typeof repo.record>[1]['attempt'], status: DeliveryRow['status'], nextAt: number) {
    const finishedAt = status === 'pending' ? null : clock.now();
    recorder.add(row.id, { attempt: a, status, nextAt, finishedAt }, () =>
      deps.emit('deliveries.changed', {
        id: row.id, eventId: row.event_id, destinationId: d.id, destinationName: d.name, status: statusOf(status, d), attempts: a.n,
        nextAt: status === 'pending' ? nextAt : null, lastStatus: a.response?.status ?? null, lastError: a.error,
        createdAt: row.created_at, finishedAt, latencyMs: a.latencyMs,
      }),
    );
  }

  const statusOf = (stored: DeliveryRow['status'], d: DestinationRecord | undefined): DeliveryStatus =>
    stored === 'pending' && d && (d.paused || d.autoHeldAt !== null) ? 'held' : stored;

  /** Every outbox row queued: for reads that list deliveries (rare while the receiver is busy, when rows wait there). */
  function settleOutbox(throughEventId: number | null = null) {
    while (repo.outboxRows() > 0) {
      queue.queueOutbox(OUTBOX_CHUNK, throughEventId);
      if (throughEventId !== null) break;
    }
  }
  /** The repo as readers see it: deliveries still in the outbox are queued before they are listed. */
  const reads: typeof repo = {
    ...repo,
    forEvent(eventId) {
      settleOutbox(eventId);
      return repo.forEvent(eventId);
    },
    forDestination(destinationId, status, limit) {
      if (status === 'pending') settleOutbox();
      return repo.forDestination(destinationId, status, limit);
    },
  };

  return {
    cache,
    destinationsRepo,
    repo: reads,
    hold,
    healthOf,
    statusOf,
    publishStatus,
    /** In the ingest writer's transaction: one delivery per (accepted event, matching destination). */
    enqueueFor(ids: readonly number[], events: readonly NewEvent[]): void {
      ingest.note(events.length);
      // During a burst the deliveries wait in the outbox (a quarter of the pages per commit), queued
      // once it is over; behind rows already there, so deliveries keep the events' order.
      const outbox = ingest.busy() || repo.outboxRows() > 0;
      for (let i = 0; i < events.length; i++) {
        const e = events[i]!;
        if (e.processing === 'none' || e.sourceId === null || e.environment === null) continue;
        const matching = cache.matching(e.sourceId, e.environment, e.eventType);
        for (let n = 0; n < matching.length; n++) {
          if (outbox) repo.enqueue(ids[i]!, n, matching[n]!.id);
          else repo.insert(ids[i]!, matching[n]!.id, e.receivedAt);
          queue.added(matching[n]!.id);
        }
      }
    },
    /** After the ingest commit: start what became due. */
    kick(): void {
      if (queue.hasActive()) queue.schedulePump();
    },
    /** Runs what is due now (tests that advance an injected clock call this). */
    pump: () => queue.pump(),
    /** Queues a delivered or failed delivery again, now. */
    retry(id: number): boolean {
      const row = repo.get(id);
      if (!row || !repo.requeue(id, clock.now())) return false;
      queue.activate(row.destination_id);
      queue.schedulePump();
      return true;
    },
    retryFailed(destinationId: string): number {
      const n = repo.requeueFailed(destinationId, clock.now());
      if (n > 0) queue.activate(destinationId);
      queue.schedulePump();
      return n;
    },
    /** Configuration changed: destinations are read again; deleted ones drop out. */
    reload(): void {
      cache.invalidate();
      // A changed URL, concurrency or order: connections and claimed deliveries are taken afresh.
      agents.releaseAll();
      queue.reset();
      hold.startProbes();
      queue.schedulePump();
    },
    /**
     * Passthrough: the first answer an attempt of this event's first delivery gets, or null when it
     * fails, is held, or takes longer than `timeoutMs`.
     */
    firstAnswer(eventId: number, timeoutMs: number): Promise<SendResult | null> {
      const first = reads.forEvent(eventId)[0];
      const d = first && cache.get(first.destination_id);
      if (!first || !d || d.paused || d.autoHeldAt !== null) return Promise.resolve(null);
      return waiters.wait(eventId, timeoutMs);
    },
    start(): void {
      hold.startProbes();
      queue.schedulePump();
    },
    stop(): void {
      stopped = true;
      queue.stop();
      // Answers already in are recorded; attempts still out are sent again at the next start.
      recorder.flush();
      agents.destroyAll();
      hold.stop();
      waiters.finishAll();
    },
  };
}
export type DeliveryService = ReturnType<typeof createDeliveryService>;
