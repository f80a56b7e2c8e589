import type { DeliveryStatus } from '../../../shared/domain/destination';
import type { CoreContext } from '../context';
import type { NewEvent } from '../store/repos/events.repo';
import { buildRequest, type OutgoingRequest } from './build-request';
import { createDeliveriesRepo, type DeliveryRow } from './deliveries-repo';
import { createDestinationCache } from './destination-cache';
import { createDestinationsRepo, type DestinationRecord } from './destinations-repo';
import { createHoldControl } from './hold';
import { httpSender, probeUrl, type Sender, type SendResult } from './http-sender';
import { judgeAttempt, nextAttemptAt } from './retry-policy';
import { resignInput } from './resign';

/** setTimeout by another name, so tests can see and drive the wake-ups. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}
const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, Math.max(0, Math.min(ms, 2 ** 31 - 1))).unref(),
  clear: (h) => clearTimeout(h as NodeJS.Timeout),
};

export interface DeliveryServiceOptions {
  sender?: Sender;
  probe?: (url: string) => Promise<boolean>;
  timers?: Timers;
  /** Jitter source (0–1); tests pass () => 0. */
  random?: () => number;
  /** How often a destination held because its app was down is probed (default 1 s). */
  probeIntervalMs?: number;
}

type Deps = Pick<CoreContext, 'db' | 'events' | 'routes' | 'secretStore' | 'clock' | 'logger' | 'emit' | 'testDelivery'>;

interface DestState {
  inflight: Set<number>;
  /** Release at a chosen rate: the earliest time the next delivery may start. */
  rate: { intervalMs: number; nextStartAt: number } | null;
  health: 'ok' | 'failing' | 'idle';
}

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
  const states = new Map<string, DestState>();
  const active = new Set<string>(repo.destinationsWithPending());
  const waiters = new Map<number, Array<(r: SendResult | null) => void>>();
  let wake: { at: number; handle: unknown } | null = null;
  let pumpQueued = false;
  let stopped = false;

  const stateOf = (id: string): DestState => {
    let s = states.get(id);
    if (!s) states.set(id, (s = { inflight: new Set(), rate: null, health: 'idle' }));
    return s;
  };

  const hold = createHoldControl({
    repo: destinationsRepo,
    cache,
    clock,
    timers,
    probe: options.probe ?? ((url) => probeUrl(url)),
    probeIntervalMs: options.probeIntervalMs ?? 1_000,
    heldCount: (id) => (cache.get(id) ? repo.pending(id, 1_000_000).length : 0),
    onStatus: (d, health, startedFailing, error) => publishStatus(d, health, startedFailing, error),
    onReleased: (id, ratePerSecond) => {
      stateOf(id).rate = ratePerSecond ? { intervalMs: 1000 / ratePerSecond, nextStartAt: 0 } : null;
      active.add(id);
      schedulePump();
    },
    isStopped: () => stopped,
  });

  function publishStatus(d: DestinationRecord, health: ReturnType<typeof healthOf>, startedFailing: boolean, error: string | null) {
    const held = d.paused || d.autoHeldAt !== null ? repo.pending(d.id, 1_000_000).length : 0;
    deps.emit('destinations.status', { id: d.id, sourceId: d.sourceId, environment: d.environment, name: d.name, health, held, startedFailing, error });
  }

  function healthOf(d: DestinationRecord): 'ok' | 'failing' | 'held' | 'disabled' | 'idle' {
    if (!d.enabled) return 'disabled';
    if (d.paused || d.autoHeldAt !== null) return 'held';
    return stateOf(d.id).health;
  }

  function schedulePump() {
    if (pumpQueued || stopped) return;
    pumpQueued = true;
    setImmediate(() => {
      pumpQueued = false;
      pump();
    });
  }

  function wakeAt(at: number) {
    if (wake && wake.at <= at) return;
    if (wake) timers.clear(wake.handle);
    const handle = timers.set(() => {
      wake = null;
      pump();
    }, at - clock.now());
    wake = { at, handle };
  }

  function pump() {
    if (stopped) return;
    const now = clock.now();
    let earliest = Infinity;
    for (const id of [...active]) {
      const d = cache.get(id);
      if (!d) {
        active.delete(id);
        continue;
      }
      if (!d.enabled || d.paused || d.autoHeldAt !== null) continue;
      const st = stateOf(id);
      const limit = d.ordered ? 1 : d.concurrency;
      if (st.inflight.size >= limit) continue;
      const rows = d.ordered ? repo.pending(id, 1) : repo.due(id, now, limit + st.inflight.size);
      if (rows.length === 0) {
        const next = repo.earliest(id);
        if (next === null) {
          if (st.inflight.size === 0) active.delete(id);
          st.rate = null;
        } else earliest = Math.min(earliest, next);
        continue;
      }
      for (const row of rows) {
        if (st.inflight.has(row.id)) continue;
        if (st.inflight.size >= limit) break;
        if (row.next_at > now) {
          earliest = Math.min(earliest, row.next_at);
          break;
        }
        if (st.rate) {
          if (now < st.rate.nextStartAt) {
            earliest = Math.min(earliest, st.rate.nextStartAt);
            break;
          }
          st.rate.nextStartAt = now + st.rate.intervalMs;
        }
        start(row, d, st);
      }
    }
    if (earliest !== Infinity) wakeAt(earliest);
  }

  function start(row: DeliveryRow, d: DestinationRecord, st: DestState) {
    st.inflight.add(row.id);
    void attempt(row, d)
      .catch((error: unknown) => logger.error('a delivery attempt failed unexpectedly', { error: String(error), delivery: row.id }))
      .finally(() => {
        st.inflight.delete(row.id);
        schedulePump();
      });
  }

  function finishWaiters(eventId: number, result: SendResult | null) {
    const list = waiters.get(eventId);
    if (!list) return;
    waiters.delete(eventId);
    for (const w of list) w(result);
  }

  async function attempt(row: DeliveryRow, d: DestinationRecord) {
    const n = row.attempts + 1;
    const event = deps.events.get(row.event_id);
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
      finishWaiters(row.event_id, null);
      return;
    }
    const result = await sender(request, d.timeoutMs);
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
    finishWaiters(row.event_id, result.status === null ? null : result);
    const st = stateOf(d.id);
    const wasOk = st.health !== 'failing';
    st.health = verdict.kind === 'delivered' ? 'ok' : 'failing';
    if (verdict.kind === 'refused') hold.autoHold(d, attemptLog.error);
    else if (st.health === 'failing' && wasOk) publishStatus(d, 'failing', true, attemptLog.error);
    else if (st.health === 'ok' && !wasOk) publishStatus(d, 'ok', false, null);
  }

  function record(row: DeliveryRow, d: DestinationRecord, a: Parameters<typeof repo.record>[1]['attempt'], status: DeliveryRow['status'], nextAt: number) {
    const finishedAt = status === 'pending' ? null : clock.now();
    repo.record(row.id, { attempt: a, status, nextAt, finishedAt });
    deps.emit('deliveries.changed', {
      id: row.id, eventId: row.event_id, destinationId: d.id, destinationName: d.name, status: statusOf(status, d), attempts: a.n,
      nextAt: status === 'pending' ? nextAt : null, lastStatus: a.response?.status ?? null, lastError: a.error,
      createdAt: row.created_at, finishedAt, latencyMs: a.latencyMs,
    });
  }

  const statusOf = (stored: DeliveryRow['status'], d: DestinationRecord | undefined): DeliveryStatus =>
    stored === 'pending' && d && (d.paused || d.autoHeldAt !== null) ? 'held' : stored;

  return {
    cache,
    destinationsRepo,
    repo,
    hold,
    healthOf,
    statusOf,
    publishStatus,
    /** In the ingest writer's transaction: one delivery per (accepted event, matching destination). */
    enqueueFor(ids: readonly number[], events: readonly NewEvent[]): void {
      for (let i = 0; i < events.length; i++) {
        const e = events[i]!;
        if (e.processing === 'none' || e.sourceId === null || e.environment === null) continue;
        for (const d of cache.matching(e.sourceId, e.environment, e.eventType)) {
          repo.insert(ids[i]!, d.id, e.receivedAt);
          active.add(d.id);
        }
      }
    },
    /** After the ingest commit: start what became due. */
    kick(): void {
      if (active.size > 0) schedulePump();
    },
    /** Runs what is due now (tests that advance an injected clock call this). */
    pump,
    /** Queues a delivered or failed delivery again, now. */
    retry(id: number): boolean {
      const row = repo.get(id);
      if (!row || !repo.requeue(id, clock.now())) return false;
      active.add(row.destination_id);
      schedulePump();
      return true;
    },
    retryFailed(destinationId: string): number {
      const n = repo.requeueFailed(destinationId, clock.now());
      if (n > 0) active.add(destinationId);
      schedulePump();
      return n;
    },
    /** Configuration changed: destinations are read again; deleted ones drop out. */
    reload(): void {
      cache.invalidate();
      for (const id of repo.destinationsWithPending()) active.add(id);
      hold.startProbes();
      schedulePump();
    },
    /**
     * Passthrough: the first answer an attempt of this event's first delivery gets, or null when it
     * fails, is held, or takes longer than `timeoutMs`.
     */
    firstAnswer(eventId: number, timeoutMs: number): Promise<SendResult | null> {
      const first = repo.forEvent(eventId)[0];
      const d = first && cache.get(first.destination_id);
      if (!first || !d || d.paused || d.autoHeldAt !== null) return Promise.resolve(null);
      return new Promise((resolve) => {
        const handle = setTimeout(() => {
          const list = waiters.get(eventId)?.filter((w) => w !== done);
          if (list?.length) waiters.set(eventId, list);
          else waiters.delete(eventId);
          resolve(null);
        }, timeoutMs);
        const done = (r: SendResult | null) => {
          clearTimeout(handle);
          resolve(r);
        };
        waiters.set(eventId, [...(waiters.get(eventId) ?? []), done]);
      });
    },
    start(): void {
      hold.startProbes();
      schedulePump();
    },
    stop(): void {
      stopped = true;
      if (wake) timers.clear(wake.handle);
      hold.stop();
      for (const id of [...waiters.keys()]) finishWaiters(id, null);
    },
  };
}
export type DeliveryService = ReturnType<typeof createDeliveryService>;
